/// WeCom conversations about client onboarding and KYC documents.
extension DemoScripts {
    /// 陈静 onboards 赵敏: KYC documents, an ID number and an ID photo sent in chat (then recalled),
    /// proof of source of funds.
    static let chenJingZhaoMin = DemoScript(
        channel: "wecom", account: DemoCast.wecomCorp,
        conversationID: "chenjing/\(DemoCast.zhaoMin.id)", kind: .direct, title: nil,
        parties: [DemoCast.chenJing.on("wecom"), DemoCast.zhaoMin], zone: .chinaCoast,
        steps: [
            .at(2, 10, 14, 0),
            .say(
                0, "赵女士您好，您的开户申请我们收到了，还需要补充几份KYC资料：身份证正反面、住址证明（三个月内的水电费账单）、以及资金来源说明。",
                extras: ["x_wecom_seq": .int(18_204)]),
            .say(1, "好的，我先把身份证号发你，照片晚点拍", after: 45, extras: ["x_wecom_seq": .int(18_233)]),
            .say(1, "身份证号：310104198803152463", after: 1, extras: ["x_wecom_seq": .int(18_234)]),
            .say(
                1, "身份证正面", after: 3, tag: "idPhoto", attach: [DemoAttachments.png("身份证正面.png")],
                extras: ["x_wecom_seq": .int(18_236)]),
            .say(
                0, "收到，谢谢。为了您的信息安全，证件照片请通过我们的客户端上传，不要直接在聊天里发。", after: 5,
                extras: ["x_wecom_seq": .int(18_240)]),
            .say(1, "那我撤回吧", after: 2),
            .recall(1, "idPhoto"),
            .say(0, "没关系，我们这边会按规定保密处理。其余资料请通过客户端上传。", after: 2),
            .at(2, 11, 10, 20),
            .say(1, "住址证明上传了，是电费账单，地址是上海市徐汇区衡山路的"),
            .say(0, "收到，我们核对一下", after: 30),
            .at(2, 12, 16, 5),
            .say(0, "赵女士，合规同事看了一下，资金来源那部分需要再补充：您提到的300万来自房产出售，请提供买卖合同和银行到账记录。"),
            .say(1, "房子是去年卖的，合同要找一下", after: 60),
            .say(1, "银行流水可以吗？", after: 1, tag: "statement"),
            .say(0, "可以，银行流水需要显示那笔房款到账，最好加盖银行印章。", after: 4, replyTo: "statement"),
            .at(2, 25, 11, 15),
            .say(1, "陈经理，资料都上传了"),
            .say(0, "好的，收到了。预计3个工作日内完成审核，审核通过后我通知您。", after: 25),
            .at(3, 2, 15, 40),
            .say(
                0, "赵女士，您的开户审核已经通过了！账户号码已发到您的邮箱。首次入金请转到我们在汇丰的客户账户，收款信息以邮件为准，不要相信任何其他渠道发来的账户信息。"
            ),
            .say(1, "太好了，谢谢！", after: 12),
            .say(1, "我的邮箱是 zhaomin.sh@example.cn，对吧？没收到", after: 1),
            .say(0, "对的，可能在垃圾邮件里，您再看一下。", after: 6),
            .say(1, "找到了👌", after: 10),
        ])

    /// The service group for 李娜's family trust: documents for the beneficiaries and source of funds.
    static let liNaTrustGroup = DemoScript(
        channel: "wecom", account: DemoCast.wecomCorp,
        conversationID: "wrTq7hKcAAs1Lm9Vd3Xp5Rz0Ye8Nb2Jg", kind: .group, title: "李娜家族信托服务群",
        parties: [
            DemoCast.zhangWei.on("wecom"), DemoCast.huangMin.on("wecom"), DemoCast.wangFang.on("wecom"), DemoCast.liNa,
        ],
        zone: .chinaCoast, listsGroupRecipients: true,
        steps: [
            .at(2, 25, 10, 30),
            .say(0, "李总，这是家族信托的服务群，黄敏负责资料审核，王芳是我们的合规同事。有问题随时在群里说。"),
            .say(
                1, "李总好，我是黄敏。信托设立还需要的资料清单如下：1）受益人身份证明；2）资金来源说明；3）税务居民身份自我证明表（CRS）。",
                after: 2),
            .say(3, "好的。受益人是我儿子和女儿，他们都在英国读书，护照可以吗？", after: 40, tag: "passport"),
            .say(1, "可以的，护照首页扫描件就行，需要在有效期内。", after: 5, replyTo: "passport"),
            .say(3, "护照发你们了", after: 60, attach: [DemoAttachments.png("护照首页.png")]),
            .say(1, "收到，谢谢李总。资金来源说明这边建议提供公司近三年的审计报告和分红决议。", after: 10),
            .at(3, 3, 11, 0),
            .say(3, "审计报告找到了，2023和2024年的，2025年的还在做"),
            .say(2, "李总好，2025年审计报告未出的话，可以先提供2025年的管理账和分红的银行入账记录，审计报告出来后再补。", after: 20),
            .say(3, "好的", after: 10),
            .at(3, 9, 15, 30),
            .say(1, "李总，资料已经齐了，信托合同草稿预计下周出来，出来后我们约个时间一起过一遍。"),
            .say(3, "好，下周二下午可以", after: 25),
            .say(0, "好的，下周二（3月17日）下午三点，我订会议室。", after: 3),
        ])
}
