import Yams

/// Reads `vellum-policy.yaml` (the schema is in `docs/policy.md`).
///
/// Every problem is reported with its line and column, not just the first: unknown keys, wrong
/// types, bad periods, unknown channels, duplicate ids, references to lexicons, presets or
/// purposes that do not exist, values out of range.
public enum PolicyFile {
    /// The policy, or nil when there is any problem; and every problem, sorted by position.
    public static func load(yaml: String, file: String) -> (Policy?, [PolicyProblem]) {
        var reader = PolicyFileReader(file: file)
        let policy = reader.read(yaml)
        let problems = reader.r.problems.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
        return problems.isEmpty ? (policy, []) : (nil, problems)
    }

    /// The policy, or a ``PolicyError`` with code ``PolicyError/Code/invalidPolicy`` listing every problem.
    public static func parse(yaml: String, file: String) throws(PolicyError) -> Policy {
        let (policy, problems) = load(yaml: yaml, file: file)
        guard let policy else {
            throw PolicyError(
                .invalidPolicy, "\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s") in the policy file",
                problems: problems)
        }
        return policy
    }

    /// The top-level keys of the file.
    static let sections: Set<String> = [
        "version", "organisation", "purposes", "channels", "retention", "privacy", "surveillance",
    ]
}

/// The state of one read: the problems so far and what later sections refer to.
struct PolicyFileReader {
    var r: YAMLReader
    var purposeIDs: Set<String> = []

    init(file: String) { r = YAMLReader(file: file) }

    mutating func read(_ yaml: String) -> Policy? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            reportSyntax(error)
            return nil
        } catch {
            r.problem(nil, "", "not valid YAML: \(error)")
            return nil
        }
        guard let root, !YAMLReader.isNull(root) else {
            r.problem(nil, "", "the policy file is empty; it needs at least `organisation`")
            return nil
        }
        guard let top = r.mapping(root, "", allowed: PolicyFile.sections, required: ["organisation"]) else {
            return nil
        }
        if let v = top["version"], let n = r.int(v, "version", in: 0 ... Int.max), n != 1 {
            r.problem(v, "version", "unsupported version \(n); this Vellum reads version 1")
        }
        let organisation = top["organisation"].flatMap { readOrganisation($0) }
        let purposes = top["purposes"].map { readPurposes($0) } ?? []
        let channels = top["channels"].map { readChannels($0) } ?? [:]
        let (rules, presets) = top["retention"].map { readRetention($0) } ?? ([], RetentionPreset.builtIn)
        let privacy = top["privacy"].map { readPrivacy($0) } ?? .defaults
        let surveillance = top["surveillance"].map { readSurveillance($0) } ?? SurveillancePolicy()
        guard let organisation, r.problems.isEmpty else { return nil }
        return Policy(
            organisation: organisation, purposes: purposes, channels: channels, retentionRules: rules,
            retentionPresets: presets, privacy: privacy, surveillance: surveillance)
    }

    mutating func reportSyntax(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            r.problem(line: mark.line, column: mark.column, "", "not valid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            r.problem(line: context.mark.line, column: context.mark.column, "", "duplicate key \(names) in one mapping")
        case .reader(let problem, _, _, _):
            r.problem(line: 1, column: 1, "", "not readable as UTF-8 YAML: \(problem)")
        default:
            r.problem(line: 1, column: 1, "", "not valid YAML: \(error)")
        }
    }
}
