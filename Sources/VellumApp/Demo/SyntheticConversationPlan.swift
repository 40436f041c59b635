internal import Foundation

/// One conversation before it is laid out: its JSON prefix, members and traits.
struct SyntheticConversationDraft {
    /// `{"account":"…","channel":"…","conversation":{…},`
    var prefix: [UInt8]
    /// Person indices; the first is the capturing employee.
    var members: [Int]
    var channel: SyntheticChannel
    var zone: DemoZone
    var isGroup: Bool
    var chineseLeaning: Bool
    /// Relative activity (log-normal).
    var weight: Double

    /// Bucket order: direct Chinese-leaning, direct English-leaning, group Chinese-, group English-leaning.
    var bucket: Int { (isGroup ? 2 : 0) + (chineseLeaning ? 0 : 1) }
}

/// Builds the corpus's conversations: about 2 direct chats per external, 5 per employee among
/// colleagues, and 5 groups per employee (internal teams and client service groups).
struct SyntheticConversationPlan {
    var drafts: [SyntheticConversationDraft] = []

    private typealias Channel = SyntheticChannel

    mutating func build(people: [SyntheticPerson], employees: Int, externals: Int, random: inout DemoRandom) {
        for _ in 0..<(externals * 2) {
            let employee = random.below(employees)
            let external = employees + random.below(externals)
            let chinese = people[external].isChinese != random.chance(0.1)
            let channel = pick(chinese ? Self.clientChannelsZH : Self.clientChannelsEN, &random)
            addDirect(employee, external, channel, chinese: chinese, people: people, random: &random)
        }
        for _ in 0..<(employees * 5) {
            let a = random.below(employees)
            let b = (a + 1 + random.below(employees - 1)) % employees
            let chinese = people[a].isChinese && people[b].isChinese
            let channel = chinese ? Channel.wecom : pick(Self.internalChannelsEN, &random)
            addDirect(a, b, channel, chinese: chinese, people: people, random: &random)
        }
        for _ in 0..<(employees * 5) {
            var group: [Int] = []
            let clientGroup = random.chance(0.4)
            if clientGroup {
                group.append(random.below(employees))
                if random.chance(0.6) { group.append(random.below(employees)) }
                for _ in 0..<(1 + random.below(2)) { group.append(employees + random.below(externals)) }
            } else {
                for _ in 0..<(3 + random.below(8)) { group.append(random.below(employees)) }
            }
            var unique: [Int] = []
            for member in group where !unique.contains(member) { unique.append(member) }
            let lead = clientGroup ? unique.last! : unique[0]
            let chinese = people[lead].isChinese
            let channel: Channel =
                chinese ? (random.chance(0.85) ? .wecom : .wechat) : pick(Self.internalChannelsEN, &random)
            let title = groupTitle(chinese: chinese, client: clientGroup ? people[lead].name : nil, random: &random)
            addConversation(
                members: unique, channel: channel, group: true, title: title, chinese: chinese, people: people,
                random: &random)
        }
    }

    private mutating func addDirect(
        _ employee: Int, _ other: Int, _ channel: Channel, chinese: Bool, people: [SyntheticPerson],
        random: inout DemoRandom
    ) {
        addConversation(
            members: [employee, other], channel: channel, group: false, title: nil, chinese: chinese, people: people,
            random: &random)
    }

    private mutating func addConversation(
        members: [Int], channel: Channel, group: Bool, title: String?, chinese: Bool, people: [SyntheticPerson],
        random: inout DemoRandom
    ) {
        let owner = people[members[0]]
        let conversationID: String
        switch (channel, group) {
        case (.wecom, false): conversationID = "\(owner.handles[0])/\(people[members[1]].handles[0])"
        case (.wecom, true): conversationID = "wr" + random.token(30, alphabet: SyntheticPerson.base62)
        case (.wechat, true): conversationID = "\(10_000_000_000 + random.below(89_999_999_999))@chatroom"
        case (.whatsapp, true): conversationID = "120363\(100_000_000_000 + random.below(899_999_999_999))@g.us"
        case (.telegram, true): conversationID = "-100\(1_000_000_000 + random.below(8_999_999_999))"
        case (.signal, true): conversationID = random.token(43, alphabet: SyntheticPerson.base62) + "="
        case (.email, _): conversationID = "thread-" + random.token(16, alphabet: "0123456789abcdef")
        default: conversationID = people[members[1]].handles[channel.rawValue]
        }
        let account: String?
        switch channel {
        case .wecom: account = DemoCast.wecomCorp
        case .sms: account = random.chance(0.2) ? nil : owner.handles[channel.rawValue]
        default: account = owner.handles[channel.rawValue]
        }
        var prefix = Array("{".utf8)
        if let account {
            DemoJSONBytes.appendKey("account", to: &prefix)
            DemoJSONBytes.appendString(account, to: &prefix)
            prefix.append(UInt8(ascii: ","))
        }
        DemoJSONBytes.appendKey("channel", to: &prefix)
        DemoJSONBytes.appendString(channel.name, to: &prefix)
        prefix.append(contentsOf: Array(#","conversation":{"id":"#.utf8))
        DemoJSONBytes.appendString(conversationID, to: &prefix)
        prefix.append(contentsOf: Array((group ? #","kind":"group""# : #","kind":"direct""#).utf8))
        if let title {
            prefix.append(contentsOf: Array(#","title":"#.utf8))
            DemoJSONBytes.appendString(title, to: &prefix)
        }
        prefix.append(contentsOf: Array("},".utf8))
        drafts.append(
            SyntheticConversationDraft(
                prefix: prefix, members: members, channel: channel, zone: owner.zone, isGroup: group,
                chineseLeaning: chinese, weight: exp(random.normal())))
    }

    private func groupTitle(chinese: Bool, client: String?, random: inout DemoRandom) -> String {
        let quarter = "\(2024 + random.below(2))Q\(1 + random.below(4))"
        switch (chinese, client) {
        case (true, let client?): return "\(client)\(random.pick(["家族信托服务群", "投资服务群", "专属服务群"]))"
        case (false, let client?): return "\(client) – \(random.pick(["HB", "Harbour Bridge", "family office"]))"
        case (true, nil):
            let topic = random.pick(SyntheticNames.chineseTopics)
            return "\(random.pick(SyntheticNames.chineseTeams)) · \(topic)\(random.chance(0.3) ? " " + quarter : "")"
        case (false, nil):
            return "\(random.pick(SyntheticNames.englishTeams)) \(random.pick(SyntheticNames.englishTopics))"
        }
    }

    private func pick(_ table: [(Channel, Int)], _ random: inout DemoRandom) -> Channel {
        var roll = random.below(table.reduce(0) { $0 + $1.1 })
        for (channel, weight) in table {
            if roll < weight { return channel }
            roll -= weight
        }
        return table[0].0
    }

    private static let clientChannelsZH: [(Channel, Int)] = [
        (.wecom, 70), (.wechat, 10), (.whatsapp, 10), (.sms, 4), (.email, 6),
    ]
    private static let clientChannelsEN: [(Channel, Int)] = [
        (.whatsapp, 42), (.email, 14), (.telegram, 14), (.signal, 14), (.sms, 10), (.wecom, 6),
    ]
    private static let internalChannelsEN: [(Channel, Int)] = [(.whatsapp, 50), (.telegram, 25), (.signal, 25)]
}
