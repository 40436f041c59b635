/// The internal WeCom group where the trading desk collects bond allocations.
extension DemoScripts {
    /// 刘洋's bond-allocation group: new issues, client demand, allocation fairness, compliance reminders.
    static let bondAllocationGroup = DemoScript(
        channel: "wecom", account: DemoCast.wecomCorp,
        conversationID: "wrBa4nQkAAe6Hs2Wc8Tv1Mx5Pf9Lr3Dy", kind: .group, title: "债券配售 2026Q1",
        parties: [
            DemoCast.liuYang.on("wecom"), DemoCast.zhangWei.on("wecom"), DemoCast.chenJing.on("wecom"),
            DemoCast.huangMin.on("wecom"), DemoCast.wangFang.on("wecom"),
        ],
        zone: .chinaCoast, listsGroupRecipients: true,
        steps: [
            .at(2, 9, 9, 5),
            .say(
                0, "各位，本周一级市场有两只新发：1）港铁 3年期 HKD，票息预计 3.9–4.1%；2）国开行 5年期 CNH 点心债，指导价 2.35% 附近。需要的额度请周三中午前报给我。",
                tag: "newIssues"),
            .say(1, "我这边客户可能要 HKD 5mn 港铁", after: 20, tag: "zhangAsk", replyTo: "newIssues"),
            .say(2, "我这边两个客户加起来 CNH 12mn 国开", after: 25),
            .say(0, "好，先记下。注意单一客户不要超过配售额度的10%，合规那边有要求。", after: 10),
            .say(3, "提醒一下，配售前客户的风险评级必须是R3及以上，评级过期的要先更新问卷。", after: 5, tag: "riskRating"),
            .say(2, "明白，我有一个客户的问卷上个月过期了，今天让他重做。", after: 3, replyTo: "riskRating"),
            .at(2, 11, 12, 10),
            .say(0, "额度汇总：港铁 HKD 共 18mn，国开 CNH 共 20mn。我下午报给主承销商。"),
            .edit(1, "zhangAsk", "我这边客户可能要 HKD 3mn 港铁（客户刚减了）", after: 6),
            .say(0, "收到，港铁更新为 HKD 16mn。", after: 3),
            .at(2, 12, 17, 45),
            .say(
                0, "配售结果：港铁最终票息 3.95%，我们拿到 HKD 14mn（获配 87.5%）；国开 2.30%，CNH 20mn 全额。分配表在共享盘 \\\\hb-fs01\\Trading\\2026Q1\\allocation.xlsx"
            ),
            .say(2, "👍 按比例的话我两个客户分别是 CNH 7mn 和 5mn", after: 8),
            .say(1, "allocation 确认，客户那边我今天通知", after: 10),
            .say(4, "请各位在交易确认书发出前把分配明细发给我留档，合规要检查 allocation fairness。", after: 30),
            .at(2, 24, 9, 30),
            .say(0, "节后第一批：财政部离岸人民币国债 5年 2.15%，10年 2.40%，额度有限，今天下班前报。"),
            .say(2, "CNH 5mn 5年期", after: 40),
            .say(1, "我这边暂时没有", after: 15),
            .at(3, 2, 10, 0),
            .say(0, "港元投资级新发：某地产公司 3年期 HKD，指导价 4.2% area，已有锚定投资者。需要的中午前报。", tag: "hkdNew"),
            .say(1, "HKD 3mn，客户已确认", after: 30, replyTo: "hkdNew"),
            .at(3, 2, 16, 10),
            .say(0, "最终 4.10%，我们拿到全额。结算日3月6日。"),
            .say(1, "thanks 刘洋", after: 4),
            .at(3, 9, 14, 20),
            .say(0, "FYI 下周美联储议息，利率敏感的仓位大家跟客户提前沟通一下，duration 长的组合考虑适当对冲。"),
            .say(4, "跟客户沟通时注意不要做收益承诺，不要说\"保本\"\"稳赚\"之类的话。", after: 15),
            .say(2, "收到", after: 5),
            .say(1, "收到", after: 8),
        ])
}
