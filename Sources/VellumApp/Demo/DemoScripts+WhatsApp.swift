/// WhatsApp Business chats, captured on each employee's business number.
extension DemoScripts {
    /// Oliver Bennett and his London client James Whitaker: review pack, fee negotiation, bank details
    /// sent over chat, a corrected yield, a written order confirmation and a request to move to Signal.
    static let oliverJames = DemoScript(
        channel: "whatsapp", account: DemoCast.oliverBennett.on("whatsapp").id,
        conversationID: DemoCast.jamesWhitaker.id, kind: .direct, title: nil,
        parties: [DemoCast.oliverBennett.on("whatsapp"), DemoCast.jamesWhitaker], zone: .london,
        speakerExtras: [1: ["x_device": .string("iPhone 15 Pro")]],
        steps: [
            .at(2, 2, 9, 5),
            .say(0, "Morning James, hope you had a good weekend. Your Q4 portfolio review pack is ready — shall we go through it this week?"),
            .say(1, "Morning Oliver. Thursday works, 11am at yours?", after: 40),
            .say(0, "Thursday 11am is booked, meeting room 3 at Bishopsgate. I'll send the pack over beforehand.", after: 5),
            .say(
                0, "Here's the pack. Page 4 has the bond allocation breakdown.", after: 2, tag: "pack",
                attach: [DemoAttachments.pdf("Whitaker_Q4_2025_Portfolio_Review.pdf", summary: "Portfolio review (demo)")]),
            .say(1, "Thanks. Quick one — why is the gilt allocation down to 18%?", after: 180, tag: "gilts", replyTo: "pack"),
            .say(
                0, "We trimmed it after the December rally and moved the proceeds into short-dated investment grade credit. Happy to go through the reasoning on Thursday.",
                after: 10, replyTo: "gilts"),
            .at(2, 5, 10, 48),
            .say(1, "Running 10 mins late, sorry. Traffic on London Wall."),
            .say(0, "No problem, see you shortly.", after: 1),
            .at(2, 5, 13, 20),
            .say(
                0, "Thanks for your time today. Actions: 1) switch £250k from the global equity fund into the short-dated credit fund; 2) send you the revised fee schedule; 3) update your KYC — the passport we hold expires in April."
            ),
            .say(1, "All agreed. On fees — 1% still feels steep for the size of the account. Can you look at it?", after: 60),
            .say(0, "Understood. I'll take it to the fee committee; I can't promise a number but I'll come back to you by Wednesday.", after: 15),
            .at(2, 11, 9, 30),
            .say(
                0, "James, the committee approved 0.80% on the first £5m and 0.60% above that, effective 1 March. Sarah in our finance team will send the amended fee letter."
            ),
            .say(1, "That's more like it. Thanks Oliver.", after: 25),
            .at(2, 13, 16, 10),
            .say(
                1, "One more thing — please send the redemption proceeds from the old Jupiter fund to my new account: IBAN GB82WEST12345698765432, account name J R Whitaker.",
                tag: "iban"),
            .say(
                0, "Thanks James. For your protection we can't act on bank details sent over chat — please confirm the new account on the client portal or by signed letter, and we'll call you on your registered number to verify.",
                after: 7, replyTo: "iban"),
            .say(1, "Fair enough, will do it on the portal tonight.", after: 10),
            .at(2, 16, 8, 55),
            .say(1, "Done, uploaded a bank statement as well."),
            .say(0, "Got it, thanks — the ops team will call you today to verify.", after: 30),
            .at(2, 23, 11, 20),
            .say(0, "Morning James. Markets are a bit choppy after the Asian holiday week — nothing to act on, but your hedges did their job."),
            .say(1, "Thanks. Is now a good time to top up the bond allocation? I have about £400k sitting in cash.", after: 120),
            .say(
                0, "It's a reasonable entry point — yields on 2–3 year investment grade are around 4.8%. I'd phase it in over two or three tranches. Let me put a proposal together.",
                after: 20, tag: "yields"),
            .edit(
                0, "yields",
                "It's a reasonable entry point — yields on 2–3 year investment grade are around 4.6%. I'd phase it in over two or three tranches. Let me put a proposal together.",
                after: 3),
            .say(1, "Please do.", after: 15),
            .at(2, 26, 14, 0),
            .say(
                0, "Proposal attached — three tranches of £130–140k over March.",
                attach: [DemoAttachments.pdf("Whitaker_Bond_Topup_Proposal.pdf", summary: "Bond top-up proposal (demo)")]),
            .say(1, "Looks good. Go ahead with tranche 1.", after: 45, tag: "go"),
            .say(
                0, "Thanks James. I need that instruction in writing — I've emailed you the order confirmation, just reply \"confirmed\".",
                after: 5, replyTo: "go"),
            .say(1, "Replied.", after: 20),
            .at(3, 4, 17, 30),
            .say(1, "Oliver, can you text me on Signal from now on? Easier than WhatsApp for me.", tag: "signal"),
            .say(
                0, "Happy to use my work Signal, +44 7700 900101 — note it's recorded, like this chat. I can't use personal apps for client business.",
                after: 8, replyTo: "signal"),
            .at(3, 12, 9, 15),
            .say(0, "Morning James — tranche 2 settled yesterday, contract note is on the portal."),
            .say(1, "👍", after: 33),
        ])

    /// 张伟 and Margaret Lau, a Hong Kong client who writes in mixed English and Chinese.
    static let zhangWeiMargaret = DemoScript(
        channel: "whatsapp", account: DemoCast.zhangWei.on("whatsapp").id,
        conversationID: DemoCast.margaretLau.id, kind: .direct, title: nil,
        parties: [DemoCast.zhangWei.on("whatsapp"), DemoCast.margaretLau], zone: .chinaCoast,
        speakerExtras: [1: ["x_device": .string("Samsung Galaxy S24")]],
        steps: [
            .at(2, 3, 12, 30),
            .say(1, "Hi Zhang Wei, 我想 redeem 部分 tech fund，大概 HKD 2mn，今天可以做吗？"),
            .say(0, "Hi Margaret, 可以的。Cut-off 是下午4点，我现在帮你准备 redemption form，你签字确认就行。", after: 8),
            .say(1, "OK 👍", after: 5),
            .say(0, "Form 已经发到你的 email margaret.lau@lau-holdings.example，签好 reply 给我就可以。", after: 40),
            .say(1, "Signed and sent", after: 55),
            .say(0, "收到，今天 cut-off 前提交，T+3 到账。", after: 10),
            .at(2, 10, 18, 40),
            .say(1, "下个星期三 lunch 可以吗？想 discuss 一下我女儿 education fund 的安排"),
            .say(0, "可以，Wednesday 12:30 IFC 那家 dim sum 好吗？", after: 20),
            .say(1, "Perfect", after: 5),
            .at(2, 25, 12, 33),
            .say(1, "我到了，window seat"),
            .at(2, 25, 15, 10),
            .say(
                0, "多谢今天的时间！Education fund 我建议 60% bond fund + 40% global equity，预计每年投入 HKD 500k，proposal 我明天 send 给你。"
            ),
            .say(1, "好。BTW 以后可以 text me on Signal 吗？WhatsApp group 太多，会 miss 你的 message。", after: 30, tag: "signal"),
            .say(0, "可以的，我 Signal 是公司号码 +852 9123 0001，一样会存档的。", after: 10, replyTo: "signal"),
            .say(1, "👌", after: 2),
            .at(3, 5, 10, 0),
            .say(1, "Zhang Wei 你可以直接 charge 个 fee 到我的卡吗？Visa 4111 1111 1111 1111，exp 08/28", tag: "card"),
            .say(0, "Margaret 不好意思，为了安全请不要在 chat 里发卡号。管理费会直接从投资账户扣，不需要信用卡。", after: 6, replyTo: "card"),
            .say(1, "Oh OK, sorry!", after: 4),
        ])

    /// The London desk's internal group, with the New York analyst.
    static let londonDeskGroup = DemoScript(
        channel: "whatsapp", account: DemoCast.oliverBennett.on("whatsapp").id,
        conversationID: "120363041234567890@g.us", kind: .group, title: "HB London desk",
        parties: [
            DemoCast.oliverBennett.on("whatsapp"), DemoCast.sarahMitchell.on("whatsapp"),
            DemoCast.danielBrooks.on("whatsapp"),
        ],
        zone: .london,
        steps: [
            .at(2, 2, 8, 30),
            .say(0, "Morning all. Client review week — James Whitaker Thu, Reid family office Fri."),
            .say(1, "Morning. Reminder: February fee invoices go out on the 10th, send me any fee changes by Friday.", after: 12),
            .say(2, "Morning from NY ☕ Fed minutes out Wednesday, I'll circulate a one-pager.", after: 300),
            .at(2, 9, 9, 10),
            .say(0, "Sarah — Whitaker fee change: 0.80% up to £5m, 0.60% above, effective 1 March. Committee approval is in the shared folder.", tag: "fee"),
            .say(1, "Thanks, will draft the amended fee letter today.", after: 25, replyTo: "fee"),
            .at(2, 12, 15, 40),
            .say(2, "Heads-up: our credit view on UK banks moves to neutral, note goes out tomorrow. Please don't share before publication."),
            .say(0, "Noted 👍", after: 10),
            .at(2, 20, 16, 55),
            .say(1, "Anyone know if the Reid family office invoice was paid? Bank shows nothing yet."),
            .say(0, "Thomas said payment went out Wednesday. I'll chase.", after: 20),
            .at(2, 27, 12, 5),
            .say(0, "Lunch? Leadenhall Market at 1?"),
            .say(1, "In", after: 3),
            .say(2, "Jealous.", after: 200),
            .at(3, 6, 9, 0),
            .say(1, "Month-end done. All February fees collected except two small accounts, chasing."),
            .say(0, "Great work, thanks Sarah.", after: 15),
            .say(2, "Research pack for Monday's Asia credit call is in the usual folder.", after: 240),
            .at(3, 11, 17, 45),
            .say(0, "From compliance: any client who asks to move to Signal or personal WhatsApp — log it in the CRM and tell Wang Fang."),
            .say(1, "Will do", after: 5),
        ])
}
