/// The daily morning-briefing group, generated from the seed so each seed gives its own market days.
extension DemoScripts {
    /// 刘洋 posts the morning briefing each business day (none in the Spring Festival week);
    /// colleagues acknowledge, and compliance adds reminders now and then.
    static func morningBriefings(random: inout DemoRandom) -> DemoScript {
        var steps: [DemoStep] = []
        var hangSeng = 26_400.0
        var treasury = 4.21
        var usdCNY = 7.05
        var reminders = complianceReminders[...]
        for (month, day) in businessDays() {
            steps.append(.at(month, day, 8, 25 + random.below(20)))
            let hangSengMove = Double(random.int(in: -250...260)) / 100
            hangSeng *= 1 + hangSengMove / 100
            treasury += Double(random.int(in: -6...6)) / 100
            usdCNY += Double(random.int(in: -15...14)) / 1000
            let weekday = weekdays[DemoTime.weekday(ofDays: DemoTime.days(year: 2026, month: month, day: day))]
            let text =
                "【晨会】\(month)月\(day)日 周\(weekday)：恒指 \(signed(hangSengMove))%，收 \(Int(hangSeng))；"
                + "10年期美债 \(fixed(treasury, 2))%；美元兑离岸人民币 \(fixed(usdCNY, 3))。今日关注：\(random.pick(focusTopics))。"
            steps.append(.say(0, text))
            for _ in 0..<random.int(in: 0...3) {
                let speaker = 1 + random.below(4)
                steps.append(.say(speaker, random.pick(acknowledgements), after: 2 + random.below(25)))
            }
            if random.chance(0.25), let reminder = reminders.popFirst() {
                steps.append(.say(4, reminder, after: 10 + random.below(50)))
            }
        }
        return DemoScript(
            channel: "wecom", account: DemoCast.wecomCorp,
            conversationID: "wrMb8eZcAAk2Tq6Ws4Hn9Jx1Fv7Pd5Rc", kind: .group, title: "财富管理部 · 晨会",
            parties: [
                DemoCast.liuYang.on("wecom"), DemoCast.zhangWei.on("wecom"), DemoCast.chenJing.on("wecom"),
                DemoCast.huangMin.on("wecom"), DemoCast.wangFang.on("wecom"),
            ],
            zone: .chinaCoast, listsGroupRecipients: true, steps: steps)
    }

    /// Mondays to Fridays from 2 February to 13 March 2026, less the Spring Festival week (16–20 February).
    static func businessDays() -> [(month: Int, day: Int)] {
        var days: [(Int, Int)] = []
        var current = DemoTime.days(year: 2026, month: 2, day: 2)
        let last = DemoTime.days(year: 2026, month: 3, day: 13)
        while current <= last {
            let date = DemoTime.civil(fromDays: current)
            let weekday = DemoTime.weekday(ofDays: current)
            let festival = date.month == 2 && (16...20).contains(date.day)
            if weekday != 0 && weekday != 6 && !festival { days.append((date.month, date.day)) }
            current += 1
        }
        return days
    }

    private static let weekdays = ["日", "一", "二", "三", "四", "五", "六"]

    private static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + fixed(value, 2)
    }

    /// Fixed-point formatting without `String(format:)`, so output never depends on the locale.
    private static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return (value < 0 && scaled != 0 ? "-" : "") + "\(whole).\(padded)"
    }

    private static let focusTopics = [
        "美联储议息会议纪要", "中国1月CPI和PPI数据", "港股科技股业绩预告", "港元投资级一级市场新发",
        "人民币汇率走势", "日本央行政策会议", "美国非农就业数据", "英国央行议息", "南向资金流向",
        "油价和中东局势", "美国CPI数据", "两会政策预期", "欧洲央行议息", "点心债供给", "美债拍卖结果",
        "客户 portfolio 的 duration 调整", "AT1 债券风险提示",
    ]

    private static let acknowledgements = [
        "收到", "收到，谢谢", "👍", "收到👌", "谢谢刘洋", "今天下午有客户会议，会后补充",
        "上海这边今天有客户活动，下午回复", "有客户问美债，我参考一下", "noted，谢谢",
        "今天约了客户做组合回顾，这些观点很有用",
    ]

    private static let complianceReminders = [
        "合规提醒：本月底前请完成年度反洗钱培训。",
        "合规提醒：和客户的业务沟通只能用企业微信、公司邮箱或录音电话，不要用私人微信。",
        "合规提醒：客户的身份证件和银行卡号不要在群里转发，请通过系统上传。",
        "合规提醒：3月起新版适当性问卷上线，旧版本不再接受。",
        "合规提醒：客户要求换到私人微信、Signal 或个人 WhatsApp 的，请婉拒并在 CRM 里记录。",
    ]
}
