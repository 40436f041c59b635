public import VellumCore
public import VellumPolicy

/// The policy's `surveillance:` section applied to each message on its way in: sensitive data on
/// channels that expose it, banned and unapproved channels, lexicons (off-channel cues among
/// them), and random sampling so supervision also covers messages that hit no rule.
///
/// One scan of the text serves every rule. Values in alerts are masked by the detectors; the
/// full value of a card or an id never leaves this type.
public struct RuleSupervisor: MessageSupervisor {
    public let policy: Policy
    let engine: ScanEngine
    /// A uniform number in 0..<1 for a record, from a keyed hash: sampling is reproducible for
    /// an auditor holding the key and unpredictable to the people supervised.
    let sampleDraw: @Sendable (RecordID) -> Double

    public init(policy: Policy, sampleDraw: @escaping @Sendable (RecordID) -> Double) {
        self.policy = policy
        self.sampleDraw = sampleDraw
        let enabled = Set(policy.surveillance.detectors.map(\.rawValue))
        var lexicons = policy.surveillance.lexicons.sorted { $0.key < $1.key }.map { Lexicon(name: $0.key, terms: $0.value) }
        let wanted = Set(policy.surveillance.rules.flatMap(\.lexicons))
        if wanted.contains(Lexicon.offChannel.name) { lexicons.append(.offChannel) }
        engine = ScanEngine(detectors: ScanEngine.builtInDetectors.filter { enabled.contains($0.id) }, lexicons: lexicons)
    }

    public func alerts(for message: Message, parties: SupervisedParties, recordID: RecordID) -> [AlertExplanation] {
        // Statuses, reactions and recalls carry no new content; an edit does and is scanned.
        guard message.revision == nil || { if case .edit = message.revision { true } else { false } }() else { return [] }
        let channel = message.source.channel
        let findings = message.text.map(engine.scan) ?? []
        let employees = ([parties.sender] + parties.recipients).compactMap { $0 }
        var out: [AlertExplanation] = []
        for rule in policy.surveillance.rules where applies(rule, to: employees) {
            if let alert = evaluate(rule, message: message, findings: findings, employees: employees) {
                out.append(alert)
            }
        }
        if let sampling = policy.surveillance.sampling, let sender = parties.sender,
           sampling.roles.map({ !Set($0).isDisjoint(with: sender.roles) }) ?? true,
           sampleDraw(recordID) < sampling.rate
        {
            out.append(AlertExplanation(
                rule: "sample", rule_type: "sample", severity: Severity.low.rawValue,
                reason: "Sampled for supervision at a rate of \(Self.percent(sampling.rate)) of \(sender.name)'s messages.",
                channel: channel))
        }
        return out
    }

    /// A rule naming roles or departments applies when an employee in the message has one.
    func applies(_ rule: SurveillanceRule, to employees: [Employee]) -> Bool {
        if rule.type == .channelBan { return true }  // its roles say who is banned, checked below
        if let roles = rule.roles, !employees.contains(where: { !Set($0.roles).isDisjoint(with: roles) }) { return false }
        if let departments = rule.departments,
           !employees.contains(where: { $0.department.map(departments.contains) ?? false })
        {
            return false
        }
        return true
    }

    func evaluate(
        _ rule: SurveillanceRule, message: Message, findings: [Finding], employees: [Employee]
    ) -> AlertExplanation? {
        let channel = message.source.channel
        switch rule.type {
        case .sensitiveData:
            guard policy.includes(channel, in: rule.channels) else { return nil }
            let wanted = Set(policy.surveillance.detectors(for: rule).map(\.rawValue))
            let hits = findings.filter { wanted.contains($0.detector) && $0.confidence >= rule.minConfidence }
            guard !hits.isEmpty else { return nil }
            let names = Self.list(Array(Set(hits.map(\.detector))).sorted())
            return explanation(
                rule, channel, hits,
                reason: "Sensitive data (\(names)) sent on \(channel.displayName).",
                note: channelNote(channel))
        case .lexicon:
            guard policy.includes(channel, in: rule.channels) else { return nil }
            let wanted = Set(rule.lexicons.map { Lexicon.detectorPrefix + $0 })
            let hits = findings.filter { wanted.contains($0.detector) }
            guard !hits.isEmpty else { return nil }
            let phrases = Self.list(hits.map { "“\($0.masked)”" })
            let moves = hits.compactMap(\.detail).filter { !$0.isEmpty }
            return explanation(
                rule, channel, hits,
                reason: "Matched \(phrases) from \(Self.list(rule.lexicons)) on \(channel.displayName)"
                    + (moves.isEmpty ? "." : ", pointing to \(Self.list(Array(Set(moves)).sorted())).") ,
                note: channelNote(channel))
        case .channelBan:
            guard policy.includes(channel, in: rule.channels) else { return nil }
            let banned = employees.filter { e in rule.roles.map { !Set($0).isDisjoint(with: e.roles) } ?? true }
            guard let who = banned.first else { return nil }
            let role = rule.roles.flatMap { roles in who.roles.first(where: roles.contains) } ?? "this role"
            return explanation(
                rule, channel, [],
                reason: "\(who.name) (\(role)) used \(channel.displayName), which the policy bans for \(role).",
                note: "\(channel.displayName) is banned for \(Self.list(rule.roles ?? ["everyone"])) by rule \(rule.id).")
        case .unapprovedChannel:
            guard !policy.isApproved(channel), let who = employees.first else { return nil }
            return explanation(
                rule, channel, [],
                reason: "\(who.name) used \(channel.displayName), which the firm has not approved for business.",
                note: "\(channel.displayName) is not an approved channel in the policy.")
        case .retailCommunication:
            // Needs the recipient history of the last window_days: evaluated over the archive, not per message.
            return nil
        }
    }

    func explanation(
        _ rule: SurveillanceRule, _ channel: Channel, _ hits: [Finding], reason: String, note: String?
    ) -> AlertExplanation {
        AlertExplanation(
            rule: rule.id, rule_type: rule.type.rawValue, severity: rule.severity.rawValue, reason: reason,
            findings: hits.map {
                .init(detector: $0.detector, start: $0.start, end: $0.end, confidence: $0.confidence, masked: $0.masked)
            },
            channel: channel, channel_note: note)
    }

    /// Why the channel matters for what was found on it.
    func channelNote(_ channel: Channel) -> String? {
        var notes: [String] = []
        if !policy.isEndToEndEncrypted(channel) {
            notes.append("\(channel.displayName) is not end-to-end encrypted: the operator and the network path can read it")
        }
        if !policy.isApproved(channel) { notes.append("\(channel.displayName) is not an approved channel") }
        return notes.isEmpty ? nil : notes.joined(separator: "; ") + "."
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    static func percent(_ rate: Double) -> String {
        let p = rate * 100
        return p == p.rounded() ? "\(Int(p))%" : "\(p)%"
    }
}
