/// Email threads; the subject is the conversation title and the body the text.
extension DemoScripts {
    /// Finance sends James Whitaker his amended fee letter; the body carries the firm's IBAN.
    static let feeLetterEmail = DemoScript(
        channel: "email", account: DemoCast.sarahMitchell.email,
        conversationID: "thread-whitaker-fee-letter-2026", kind: .direct, title: "Amended fee letter",
        parties: [DemoCast.sarahMitchell.on("email"), DemoCast.jamesWhitakerEmail], zone: .london,
        steps: [
            .at(2, 11, 15, 30),
            .say(
                0,
                "Dear James,\n\nFurther to your conversation with Oliver, please find attached your amended fee letter. From 1 March 2026 the annual management fee will be 0.80% on the first £5,000,000 and 0.60% on assets above that.\n\nFees are collected quarterly in arrears from your portfolio cash account. If you prefer to pay by transfer, our account is Harbour Bridge Wealth Ltd, IBAN GB29 NWBK 6016 1331 9268 19.\n\nKind regards,\nSarah Mitchell\nFinance, Harbour Bridge Wealth",
                attach: [DemoAttachments.pdf("Whitaker_Fee_Letter_2026-03.pdf", summary: "Amended fee letter (demo)")]),
            .say(
                1, "Thanks Sarah, signed copy attached.\n\nJames", after: 200,
                attach: [DemoAttachments.pdf("Whitaker_Fee_Letter_signed.pdf", summary: "Signed fee letter (demo)")]),
            .say(0, "Thank you James, filed.\n\nSarah", after: 30),
        ])

    /// Compliance reminds relationship managers which channels are approved.
    static let channelsReminderEmail = DemoScript(
        channel: "email", account: DemoCast.wangFang.email,
        conversationID: "thread-approved-channels-2026-03", kind: .group,
        title: "Reminder: approved communication channels / 合规提醒：沟通渠道",
        parties: [
            DemoCast.wangFang.on("email"), DemoCast.oliverBennett.on("email"), DemoCast.zhangWei.on("email"),
            DemoCast.chenJing.on("email"),
        ],
        zone: .chinaCoast, listsGroupRecipients: true,
        steps: [
            .at(3, 5, 9, 0),
            .say(
                0,
                "Dear colleagues,\n\nIn recent weeks several clients have asked to move conversations to personal WeChat, Signal or personal WhatsApp accounts. A reminder of firm policy (Compliance Manual §4.3):\n\n1. Business communications with clients use approved channels only: WeCom, the WhatsApp Business numbers, registered Signal, Telegram and WeChat work accounts, company email and recorded lines.\n2. If a client asks to move to an unapproved channel, decline politely, log the request in the CRM and tell Compliance.\n3. Never act on instructions or bank details received over chat; confirm through the client portal or a recorded call.\n\n如有疑问请联系我。\n\nWang Fang 王芳\nCompliance, Harbour Bridge Wealth"
            ),
            .say(1, "Thanks Wang Fang — noted. I've logged the Whitaker request from 4 March.\n\nOliver", after: 420),
            .say(2, "收到，李娜2月9日的请求已经记录在CRM里了。\n\n张伟", after: 30),
            .say(3, "收到。王建国2月5日的请求也已记录。\n\n陈静", after: 20),
        ])

    /// A London family office negotiates its discretionary management agreement.
    static let reidAgreementEmail = DemoScript(
        channel: "email", account: DemoCast.oliverBennett.email,
        conversationID: "thread-reid-dma-2026", kind: .direct,
        title: "Discretionary management agreement – Reid Family Office",
        parties: [DemoCast.oliverBennett.on("email"), DemoCast.thomasReid], zone: .london,
        steps: [
            .at(2, 6, 10, 0),
            .say(
                1,
                "Oliver,\n\nWe've reviewed the draft agreement. Two points:\n- clause 7.2: we'd like 30 days' notice instead of 90;\n- schedule 2: please confirm the custody fee is included in the 0.75% headline rate.\n\nBest,\nThomas Reid\nReid Partners LLP\n+44 20 7946 0958"
            ),
            .say(
                0,
                "Hi Thomas,\n\nThanks. 30 days' notice is fine. Custody is charged separately at 0.05% — I've made that explicit in schedule 2. Revised draft attached.\n\nBest regards,\nOliver Bennett\nHarbour Bridge Wealth",
                after: 120,
                attach: [DemoAttachments.pdf("Reid_DMA_draft_v3.pdf", summary: "Discretionary management agreement draft (demo)")]),
            .at(2, 9, 9, 30),
            .say(1, "Agreed. Signed copy to follow by post.\n\nThomas"),
            .say(0, "Thanks Thomas, much appreciated.\n\nOliver", after: 15),
        ])
}
