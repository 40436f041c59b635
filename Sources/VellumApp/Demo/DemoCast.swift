/// An employee of the demo firm, Harbour Bridge Wealth, as listed in the directory.
struct DemoEmployee: Sendable {
    let id: String
    let name: String
    /// The name as colleagues write it in chat (Chinese characters for Chinese staff).
    let chatName: String
    let email: String
    let department: String
    let roles: [String]
    let jurisdiction: String
    /// Channel → handle, in directory order.
    let handles: [(channel: String, handle: String)]

    /// This employee as a party on `channel`.
    func on(_ channel: String) -> DemoParty {
        if channel == "email" { return DemoParty(id: email, name: name) }
        guard let handle = handles.first(where: { $0.channel == channel })?.handle else {
            preconditionFailure("\(name) has no \(channel) handle in the demo directory")
        }
        return DemoParty(id: handle, name: chatName)
    }
}

/// The people of the demo: eight employees and the external clients they talk to.
enum DemoCast {
    /// The WeCom corp id; WeCom's session archive captures the whole corp as one account.
    static let wecomCorp = "ww3c9a7f1e2b4d6a80"

    static let zhangWei = DemoEmployee(
        id: "E1001", name: "Zhang Wei", chatName: "张伟", email: "zhang.wei@harbourbridge.example",
        department: "Wealth Management", roles: ["relationship-manager"], jurisdiction: "HK",
        handles: [
            ("wecom", "zhangwei"), ("whatsapp", "+85291230001"), ("telegram", "100200301"),
            ("signal", "+85291230001"),
        ])
    static let chenJing = DemoEmployee(
        id: "E1002", name: "Chen Jing", chatName: "陈静", email: "chen.jing@harbourbridge.example",
        department: "Wealth Management", roles: ["relationship-manager"], jurisdiction: "CN",
        handles: [("wecom", "chenjing"), ("wechat", "wxid_chenjing_hb")])
    static let wangFang = DemoEmployee(
        id: "E1003", name: "Wang Fang", chatName: "王芳", email: "wang.fang@harbourbridge.example",
        department: "Compliance", roles: ["compliance-officer", "supervisor"], jurisdiction: "HK",
        handles: [("wecom", "wangfang"), ("whatsapp", "+85291230003")])
    static let liuYang = DemoEmployee(
        id: "E1004", name: "Liu Yang", chatName: "刘洋", email: "liu.yang@harbourbridge.example",
        department: "Fixed Income Trading", roles: ["trader"], jurisdiction: "CN",
        handles: [("wecom", "liuyang"), ("telegram", "100200304")])
    static let oliverBennett = DemoEmployee(
        id: "E1005", name: "Oliver Bennett", chatName: "Oliver Bennett", email: "oliver.bennett@harbourbridge.example",
        department: "Wealth Management", roles: ["relationship-manager"], jurisdiction: "UK",
        handles: [("whatsapp", "+447700900101"), ("signal", "+447700900101"), ("sms", "+447700900101")])
    static let sarahMitchell = DemoEmployee(
        id: "E1006", name: "Sarah Mitchell", chatName: "Sarah Mitchell", email: "sarah.mitchell@harbourbridge.example",
        department: "Finance", roles: ["accountant"], jurisdiction: "UK",
        handles: [("whatsapp", "+447700900102")])
    static let danielBrooks = DemoEmployee(
        id: "E1007", name: "Daniel Brooks", chatName: "Daniel Brooks", email: "daniel.brooks@harbourbridge.example",
        department: "Research", roles: ["analyst"], jurisdiction: "US",
        handles: [
            ("whatsapp", "+12025550143"), ("telegram", "100200307"), ("signal", "+12025550143"),
            ("sms", "+12025550143"),
        ])
    static let huangMin = DemoEmployee(
        id: "E1008", name: "Huang Min", chatName: "黄敏", email: "huang.min@harbourbridge.example",
        department: "Client Onboarding", roles: ["analyst"], jurisdiction: "HK",
        handles: [("wecom", "huangmin")])

    /// Everyone in the directory, in id order.
    static let employees = [
        zhangWei, chenJing, wangFang, liuYang, oliverBennett, sarahMitchell, danielBrooks, huangMin,
    ]

    // External clients and contacts. WeCom external ids are "wm" + 30 characters, as WeCom issues them.
    static let liNa = DemoParty(id: "wmLnA3kQAAp7Xv2sR9dT4yHcJ8bW1eZq", name: "李娜")
    static let wangJianguo = DemoParty(id: "wmWjG8pLAAc2Nq5tY7uF0hKdR3sVxB6m", name: "王建国")
    static let wangJianguoWeChat = DemoParty(id: "wxid_wjg62x8ka9m2", name: "王建国")
    static let zhaoMin = DemoParty(id: "wmZm4rTQAAh9Ke1wP6cX2nJbL8vGyD3s", name: "赵敏")
    static let jamesWhitaker = DemoParty(id: "+447700900456", name: "James Whitaker")
    static let jamesWhitakerEmail = DemoParty(id: "james@whitaker-family.example", name: "James Whitaker")
    static let margaretLau = DemoParty(id: "+85298765432", name: "Margaret Lau 刘美玲")
    /// Signal identifies Margaret by her account UUID (she hides her number).
    static let margaretLauSignal = DemoParty(id: "3f9c2a71-8d4e-4b6a-9c1f-5e7d2b8a4c60", name: "Margaret")
    static let michaelGrant = DemoParty(id: "5081234567", name: "Michael Grant")
    /// Robert's number as his carrier delivers it: US local format, not E.164.
    static let robertHayes = DemoParty(id: "(202) 555-0178", name: nil)
    static let thomasReid = DemoParty(id: "thomas.reid@reidpartners.example", name: "Thomas Reid")
}

extension DemoCast {
    /// The employee directory as YAML, in the shape `vellum import` reads.
    static func directoryYAML() -> String {
        var yaml = "# Harbour Bridge Wealth — demo employee directory (fictitious people and numbers)\nemployees:\n"
        for employee in employees {
            yaml += "  - id: \(employee.id)\n"
            yaml += "    name: \(employee.name)\n"
            yaml += "    email: \(employee.email)\n"
            yaml += "    department: \(employee.department)\n"
            yaml += "    roles: [\(employee.roles.joined(separator: ", "))]\n"
            yaml += "    jurisdiction: \(employee.jurisdiction)\n"
            yaml += "    handles:\n"
            for (channel, handle) in employee.handles {
                yaml += "      \(channel): \"\(handle)\"\n"
            }
        }
        return yaml
    }
}
