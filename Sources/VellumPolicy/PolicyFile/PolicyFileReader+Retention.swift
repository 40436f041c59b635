import VellumCore
import Yams

extension PolicyFileReader {
    mutating func readRetention(_ node: Node) -> ([RetentionRule], [String: RetentionPreset]) {
        var presets = RetentionPreset.builtIn
        guard let f = r.mapping(node, "retention", allowed: ["presets", "rules"]) else { return ([], presets) }
        if let p = f["presets"] { readPresets(p, into: &presets) }
        let rules = f["rules"].map { readRetentionRules($0, presets: presets) } ?? []
        return (rules, presets)
    }

    /// `retention.presets`: `extended` for a built-in regime with a longer regulator-requested
    /// period, or `period`, `basis`, `from` for the organisation's own presets.
    mutating func readPresets(_ node: Node, into presets: inout [String: RetentionPreset]) {
        for (key, keyNode, value) in r.entries(node, "retention.presets", what: "a mapping of preset names") {
            let path = "retention.presets.\(key)"
            if var builtIn = RetentionPreset.builtIn[key] {
                guard let f = r.mapping(value, path, allowed: ["extended"]) else { continue }
                if let e = f["extended"], let extended = r.bool(e, f.path("extended")) {
                    if builtIn.extendedPeriod == nil {
                        r.problem(e, f.path("extended"), "`\(key)` has no regulator-requested longer period")
                    } else {
                        builtIn.extended = extended
                        presets[key] = builtIn
                    }
                }
                continue
            }
            guard r.identifier(keyNode, path) != nil,
                let f = r.mapping(value, path, allowed: ["period", "basis", "from"], required: ["period", "basis"])
            else { continue }
            let period = f["period"].flatMap { readPeriod($0, f.path("period")) }
            let basis = f["basis"].flatMap { readText($0, f.path("basis")) }
            let from = f["from"].flatMap { r.choice($0, f.path("from"), ClockStart.self) }
            if let period, let basis {
                presets[key] = RetentionPreset(
                    id: key, period: period, from: from ?? .sent, basis: basis, citation: "the organisation's policy file")
            }
        }
    }

    mutating func readPeriod(_ node: Node, _ path: String) -> RetentionPeriod? {
        guard let text = r.string(node, path) else { return nil }
        do {
            return try RetentionPeriod(parsing: text)
        } catch {
            r.problem(node, path, error.reason)
            return nil
        }
    }

    static let retentionRuleKeys: Set<String> = [
        "id", "roles", "departments", "jurisdictions", "channels", "period", "from", "basis", "preset", "purpose",
    ]

    mutating func readRetentionRules(_ node: Node, presets: [String: RetentionPreset]) -> [RetentionRule] {
        guard let items = r.sequence(node, "retention.rules", what: "a list of rules") else { return [] }
        var out: [RetentionRule] = []
        var ids = Set<String>()
        for (i, item) in items.enumerated() {
            let path = "retention.rules[\(i)]"
            guard let f = r.mapping(item, path, allowed: Self.retentionRuleKeys, required: ["id"]) else { continue }
            let id = f["id"].flatMap { r.identifier($0, f.path("id")) }
            if let id, let n = f["id"], !ids.insert(id).inserted {
                r.problem(n, f.path("id"), "duplicate retention rule id `\(id)`")
            }
            var preset: RetentionPreset?
            if let p = f["preset"], let name = r.string(p, f.path("preset")) {
                preset = presets[name]
                if preset == nil {
                    r.problem(p, f.path("preset"), "unknown preset `\(name)`; expected one of \(presets.keys.sorted().joined(separator: ", "))")
                }
            }
            let roles = f["roles"].flatMap { r.strings($0, f.path("roles")) }
            let departments = f["departments"].flatMap { r.strings($0, f.path("departments")) }
            let jurisdictions = f["jurisdictions"].flatMap { r.strings($0, f.path("jurisdictions")) }
            let channels = f["channels"].flatMap { readChannelList($0, f.path("channels")) }
            var period = f["period"].flatMap { readPeriod($0, f.path("period")) }
            if let p = f["period"], let period, let preset, period < preset.effectivePeriod {
                r.problem(
                    p, f.path("period"),
                    "\(period) is shorter than the \(preset.effectivePeriod) that preset `\(preset.id)` requires")
            }
            period = period ?? preset?.effectivePeriod
            if period == nil, f["period"] == nil, f["preset"] == nil {
                r.problem(item, f.path("period"), "a rule needs a `period` or a `preset`")
            }
            let basis = f["basis"].flatMap { readText($0, f.path("basis")) } ?? preset?.basis
            if basis == nil, f["basis"] == nil, f["preset"] == nil {
                r.problem(item, f.path("basis"), "a rule needs a `basis` (the law or reason) or a `preset`")
            }
            let from = f["from"].flatMap { r.choice($0, f.path("from"), ClockStart.self) } ?? preset?.from ?? .sent
            var purpose: String?
            if let p = f["purpose"], let name = r.string(p, f.path("purpose")) {
                purpose = name
                if !purposeIDs.contains(name) { r.problem(p, f.path("purpose"), "unknown purpose `\(name)`") }
            }
            guard let id, let period, let basis else { continue }
            out.append(RetentionRule(
                id: id, roles: roles, departments: departments, jurisdictions: jurisdictions, channels: channels,
                period: period, from: from, basis: basis, preset: preset?.id, purpose: purpose))
        }
        return out
    }
}
