/// What `vellum verify` found.
public struct VerifyReport: Sendable, Codable, Hashable {
    public struct Problem: Sendable, Codable, Hashable, CustomStringConvertible {
        /// A stable name for the kind of damage (`record.sealed`, `ledger.gap`, `tree_head.signature` …).
        public var code: String
        public var detail: String
        public var description: String { "[\(code)] \(detail)" }
    }

    public var ok: Bool { problems.isEmpty }
    public var records: Int
    /// Records disposed of or erased, each accounted for by its ledger entries.
    public var removed: Int
    public var ledger_entries: UInt64
    public var tree_heads: Int
    public var problems: [Problem]
    /// Records checked against their locked copy in the bucket (absent for the embedded archive).
    public var worm_copies: Int?
    /// Alerts of the review queue checked against the ledger, with their reviewers' actions.
    public var alerts: Int?

    enum CodingKeys: String, CodingKey { case ok, records, removed, ledger_entries, tree_heads, problems, worm_copies, alerts }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ok, forKey: .ok)
        try c.encode(records, forKey: .records)
        try c.encode(removed, forKey: .removed)
        try c.encode(ledger_entries, forKey: .ledger_entries)
        try c.encode(tree_heads, forKey: .tree_heads)
        try c.encode(problems, forKey: .problems)
        try c.encodeIfPresent(worm_copies, forKey: .worm_copies)
        try c.encodeIfPresent(alerts, forKey: .alerts)
    }

    public init(records: Int, removed: Int = 0, ledger_entries: UInt64, tree_heads: Int, problems: [Problem]) {
        self.records = records
        self.removed = removed
        self.ledger_entries = ledger_entries
        self.tree_heads = tree_heads
        self.problems = problems
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        records = try c.decode(Int.self, forKey: .records)
        removed = try c.decodeIfPresent(Int.self, forKey: .removed) ?? 0
        ledger_entries = try c.decode(UInt64.self, forKey: .ledger_entries)
        tree_heads = try c.decode(Int.self, forKey: .tree_heads)
        problems = try c.decode([Problem].self, forKey: .problems)
        worm_copies = try c.decodeIfPresent(Int.self, forKey: .worm_copies)
        alerts = try c.decodeIfPresent(Int.self, forKey: .alerts)
    }
}
