/// Telegram, Signal, SMS and WeChat conversations.
extension DemoScripts {
    /// Daniel Brooks and a US client on Telegram: research, an SSN sent in chat and deleted, rates views.
    static let danielMichael = DemoScript(
        channel: "telegram", account: DemoCast.danielBrooks.on("telegram").id,
        conversationID: DemoCast.michaelGrant.id, kind: .direct, title: nil,
        parties: [DemoCast.danielBrooks.on("telegram"), DemoCast.michaelGrant], zone: .newYork,
        steps: [
            .at(2, 3, 10, 15),
            .say(1, "Hi Daniel, saw your note on Asian high yield. Do you think China property bonds are investable again?"),
            .say(0, "Hi Michael. Selectively — we like the state-owned developers and still avoid most private names. I'll send you our latest sector note.", after: 30),
            .say(
                0, "Here it is.", after: 1,
                attach: [DemoAttachments.pdf("Asia_Property_Credit_Feb2026.pdf", summary: "Sector note (demo)")]),
            .say(1, "Thanks, very helpful.", after: 120),
            .at(2, 17, 14, 0),
            .say(1, "My accountant needs the W-9 details for the account. My SSN is 412-56-7830, name as on the account.", tag: "ssn"),
            .say(
                0, "Thanks Michael — please don't send your SSN over Telegram. Our onboarding team will send you a secure link to complete the W-9; I'll ask them to do it today.",
                after: 15, replyTo: "ssn"),
            .say(1, "Oops, sorry. Deleting it now.", after: 5),
            .recall(1, "ssn"),
            .say(0, "Thanks. For the record, our archive keeps a copy for regulatory reasons, but it's encrypted and access is restricted.", after: 4),
            .at(3, 2, 11, 30),
            .say(1, "What's your view on duration here? Thinking of extending into 7–10y Treasuries."),
            .say(
                0, "We're neutral duration. 10y at 4.3% is about fair value on our model; I'd scale in rather than go all at once. Not investment advice — please talk to your relationship manager before acting.",
                after: 45),
            .say(1, "Understood. Can we set up a call with your rates strategist?", after: 10),
            .say(0, "Sure — Monday 9:30am ET? I'll send an invite.", after: 6),
            .say(1, "Works.", after: 20),
            .at(3, 9, 9, 5),
            .say(0, "Morning Michael, reminder: call with our rates strategist at 9:30 today. Dial-in is in the invite."),
            .say(1, "On it.", after: 3),
        ])

    /// The research group on Telegram: New York, Shanghai and Hong Kong, English and Chinese.
    static let researchGroup = DemoScript(
        channel: "telegram", account: DemoCast.danielBrooks.on("telegram").id,
        conversationID: "-1001987654321", kind: .group, title: "HB Research · Asia credit",
        parties: [
            DemoCast.danielBrooks.on("telegram"), DemoCast.liuYang.on("telegram"), DemoCast.zhangWei.on("telegram"),
        ],
        zone: .newYork,
        steps: [
            .at(2, 4, 19, 30),
            .say(0, "Evening from NY / 早上好 Shanghai & HK. Agenda for the weekly credit call: China property, HKD IG supply, AT1s."),
            .say(1, "早。HKD IG supply 这周很多，港铁、机管局都在 pipeline 里。", after: 20),
            .say(2, "客户这边 demand 主要在3年以内，long end 比较难卖。", after: 25),
            .say(0, "Makes sense. Can you share rough allocation numbers after the deals price? Useful for the note.", after: 15),
            .say(1, "没问题，定价后发给你，客户名字我会去掉。", after: 10),
            .at(2, 12, 5, 20),
            .say(1, "港铁最终 3.95%，book 超额认购 4倍，我们 HKD 14mn。"),
            .say(0, "Thanks 刘洋. Very strong book.", after: 150),
            .at(2, 25, 19, 45),
            .say(
                0, "Note draft attached, please check the China section.",
                attach: [DemoAttachments.pdf("Asia_Credit_Weekly_draft.pdf", summary: "Weekly credit note draft (demo)")]),
            .say(1, "第二段城投那部分，\"implicit guarantee\" 的说法合规可能有意见，建议改成 \"local government support\"。", after: 60),
            .say(0, "Good catch, changed.", after: 10),
            .say(2, "LGTM 👍", after: 30),
            .at(3, 4, 20, 0),
            .say(2, "Daniel，有客户问 AT1 的风险，有没有中文版的 summary？"),
            .say(0, "Not yet — 刘洋 could you help translate the key points? 三五句就够。", after: 40),
            .say(1, "可以，明天给你。", after: 25),
            .at(3, 5, 21, 10),
            .say(1, "AT1 要点：1）监管可以在银行不可持续时全额减记；2）票息可以取消且不累积；3）只适合风险承受能力高的专业投资者。"),
            .say(0, "谢谢! Perfect.", after: 8),
        ])

    /// 张伟's work Signal with Margaret Lau, who appears by her Signal account UUID.
    static let zhangWeiMargaretSignal = DemoScript(
        channel: "signal", account: DemoCast.zhangWei.on("signal").id,
        conversationID: DemoCast.margaretLauSignal.id, kind: .direct, title: nil,
        parties: [DemoCast.zhangWei.on("signal"), DemoCast.margaretLauSignal], zone: .chinaCoast,
        steps: [
            .at(2, 26, 9, 20),
            .say(1, "Hi, this is Margaret on Signal now 😊"),
            .say(0, "Hi Margaret, received. Education fund proposal 已经 send 到你 email。", after: 15),
            .say(1, "看了，OK。Bond fund 用哪只？", after: 120),
            .say(0, "主要是 HB Global Short Duration Bond Fund，年费 0.45%，过去三年年化回报约 3.8%。过往表现不代表将来。", after: 10),
            .say(1, "Fine. 开户需要什么 document？", after: 30),
            .say(0, "你女儿的护照、住址证明，还有你作为 guardian 的签名授权书。", after: 5),
            .at(3, 6, 11, 45),
            .say(1, "Documents 已经 upload 了"),
            .say(0, "收到，多谢！下星期帮你开好户。", after: 20),
            .at(3, 12, 17, 5),
            .say(0, "Margaret，education fund 账户已开好，第一笔 HKD 500k 可以转入。"),
            .say(1, "好，明天转", after: 40),
        ])

    /// SMS between Daniel Brooks and a prospective US client; the carrier feed gives no account
    /// and the client's number in local format.
    static let danielRobertSMS = DemoScript(
        channel: "sms", account: nil,
        conversationID: DemoCast.robertHayes.id, kind: .direct, title: nil,
        parties: [DemoCast.danielBrooks.on("sms"), DemoCast.robertHayes], zone: .newYork,
        steps: [
            .at(2, 6, 16, 20),
            .say(1, "Hi Daniel, it's Rob Hayes. Got your number from Oliver. Can we talk about my IRA rollover?"),
            .say(0, "Hi Robert, happy to help. I'm in research so I'll loop in our US relationship team — are you free Monday at 10?", after: 25),
            .say(1, "Monday works", after: 10),
            .at(2, 9, 9, 50),
            .say(1, "Running late, call at 10:15?"),
            .say(0, "No problem.", after: 3),
            .at(2, 19, 13, 5),
            .say(1, "To pay the onboarding fee just charge my card 4111111111111111 exp 11/27"),
            .say(0, "Robert, please don't text card details — billing will call you on (202) 555-0178 to take payment on a recorded line.", after: 8),
            .say(1, "Got it, thanks.", after: 4),
            .at(3, 10, 10, 30),
            .say(0, "Hi Robert, the rollover paperwork is ready for e-signature. Link sent to robert.hayes@example.com."),
            .say(1, "Signed!", after: 60),
        ])

    /// 王建国 adds 陈静 on WeChat; her WeChat is registered with the firm and archived.
    static let chenJingWeChat = DemoScript(
        channel: "wechat", account: DemoCast.chenJing.on("wechat").id,
        conversationID: DemoCast.wangJianguoWeChat.id, kind: .direct, title: nil,
        parties: [DemoCast.chenJing.on("wechat"), DemoCast.wangJianguoWeChat], zone: .chinaCoast,
        steps: [
            .at(2, 5, 20, 30),
            .say(1, "陈经理，我是王建国，这是我私人微信，以后我们在这里聊吧"),
            .say(0, "王总晚上好。业务上的事情还是要麻烦您在企业微信上说；这个微信号是公司登记的，也会存档。", after: 25),
            .say(1, "这么麻烦", after: 10),
            .say(1, "那城投债的事明天企业微信说", after: 1),
            .say(0, "好的，谢谢王总理解，晚安。", after: 5),
        ])
}
