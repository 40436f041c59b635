import VellumCore
import Yams

extension PolicyFileReader {
    mutating func readSurveillance(_ node: Node) -> SurveillancePolicy {
        var policy = SurveillancePolicy()
        guard let f = r.mapping(node, "surveillance", allowed: ["detectors", "rules", "lexicons", "sampling"]) else {
            return policy
        }
        if let d = f["detectors"], let list = readChoices(d, f.path("detectors"), DetectorID.self, allowEmpty: true) {
            policy.detectors = list
        }
        if let l = f["lexicons"] { policy.lexicons = readLexicons(l) }
        if let s = f["sampling"] { policy.sampling = readSampling(s) }
        if let rules = f["rules"] {
            policy.rules = readSurveillanceRules(
                rules, enabled: Set(policy.detectors),
                lexicons: Set(policy.lexicons.keys).union(SurveillancePolicy.builtInLexicons))
        }
        return policy
    }

    mutating func readLexicons(_ node: Node) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (name, keyNode, value) in r.entries(node, "surveillance.lexicons", what: "a mapping of lexicon names") {
            let path = "surveillance.lexicons.\(name)"
            guard r.identifier(keyNode, path, extra: ["_"]) != nil else { continue }
            if SurveillancePolicy.builtInLexicons.contains(name) {
                r.problem(keyNode, path, "`\(name)` is a built-in lexicon; give yours another name")
                continue
            }
            if let terms = r.strings(value, path) { out[name] = terms }
        }
        return out
    }

    mutating func readSampling(_ node: Node) -> SamplingPolicy? {
        guard let f = r.mapping(node, "surveillance.sampling", allowed: ["rate", "roles"], required: ["rate"]) else {
            return nil
        }
        let rate = f["rate"].flatMap { r.number($0, f.path("rate"), in: 0 ... 1) }
        let roles = f["roles"].flatMap { r.strings($0, f.path("roles")) }
        return rate.map { SamplingPolicy(rate: $0, roles: roles) }
    }

    static let surveillanceRuleKeys: Set<String> = [
        "id", "type", "detectors", "channels", "min_confidence", "severity", "roles", "departments", "lexicons",
        "max_recipients", "window_days",
    ]
    static let keysOfEveryRule: Set<String> = ["id", "type", "severity", "roles", "departments"]

    mutating func readSurveillanceRules(_ node: Node, enabled: Set<DetectorID>, lexicons: Set<String>) -> [SurveillanceRule] {
        guard let items = r.sequence(node, "surveillance.rules", what: "a list of rules") else { return [] }
        var out: [SurveillanceRule] = []
        var ids = Set<String>()
        for (i, item) in items.enumerated() {
            let path = "surveillance.rules[\(i)]"
            guard let f = r.mapping(item, path, allowed: Self.surveillanceRuleKeys, required: ["id", "type"]) else {
                continue
            }
            let id = f["id"].flatMap { r.identifier($0, f.path("id")) }
            if let id, let n = f["id"], !ids.insert(id).inserted {
                r.problem(n, f.path("id"), "duplicate surveillance rule id `\(id)`")
            }
            let type = f["type"].flatMap { r.choice($0, f.path("type"), SurveillanceRuleType.self) }
            if let type {
                for key in f.keys.sorted() where !Self.keysOfEveryRule.contains(key) && !type.ownKeys.contains(key) {
                    let users = SurveillanceRuleType.allCases.filter { $0.ownKeys.contains(key) }.map(\.rawValue)
                    r.problem(f.keyNode(key), f.path(key), "`\(key)` applies only to \(users.joined(separator: ", ")) rules, not \(type.rawValue)")
                }
            }
            var rule = SurveillanceRule(id: id ?? "", type: type ?? .sensitiveData)
            if let s = f["severity"], let v = r.choice(s, f.path("severity"), Severity.self) { rule.severity = v }
            rule.roles = f["roles"].flatMap { r.strings($0, f.path("roles")) }
            rule.departments = f["departments"].flatMap { r.strings($0, f.path("departments")) }
            if let d = f["detectors"], let list = readChoices(d, f.path("detectors"), DetectorID.self) {
                for (detector, n) in zip(list, d.sequence ?? []) where !enabled.contains(detector) {
                    r.problem(n, f.path("detectors"), "detector `\(detector.rawValue)` is not enabled in surveillance.detectors")
                }
                rule.detectors = list
            }
            if let c = f["channels"], let scope = readChannelScope(c, f.path("channels")) { rule.channels = scope }
            if type == .channelBan, f["channels"] == nil {
                r.problem(item, f.path("channels"), "a channel_ban rule must name its `channels`")
            }
            if let m = f["min_confidence"], let v = r.number(m, f.path("min_confidence"), in: 0 ... 1) {
                rule.minConfidence = v
            }
            if let l = f["lexicons"], let names = r.strings(l, f.path("lexicons")) {
                for (name, n) in zip(names, l.sequence ?? []) where !lexicons.contains(name) {
                    r.problem(n, f.path("lexicons"), "unknown lexicon `\(name)`; define it under surveillance.lexicons or use off_channel")
                }
                rule.lexicons = names
            }
            if type == .lexicon, f["lexicons"] == nil {
                r.problem(item, f.path("lexicons"), "a lexicon rule must name its `lexicons`")
            }
            if let m = f["max_recipients"], let v = r.int(m, f.path("max_recipients"), in: 1 ... 1_000_000) {
                rule.maxRecipients = v
            }
            if let w = f["window_days"], let v = r.int(w, f.path("window_days"), in: 1 ... 3650) { rule.windowDays = v }
            if id != nil, type != nil { out.append(rule) }
        }
        return out
    }

    /// `any`, `unencrypted`, or a list of channel names.
    mutating func readChannelScope(_ node: Node, _ path: String) -> ChannelScope? {
        if node.sequence != nil { return readChannelList(node, path).map { .only($0) } }
        guard let word = r.string(node, path) else { return nil }
        switch word {
        case "any": return .any
        case "unencrypted": return .unencrypted
        default:
            r.problem(node, path, "expected `unencrypted`, `any` or a list of channel names, found `\(word)`")
            return nil
        }
    }
}
