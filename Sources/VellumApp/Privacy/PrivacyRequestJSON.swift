import VellumPolicy

/// A privacy request as `vellum privacy … --json` prints it; dates are `YYYY-MM-DD`, and
/// `acknowledge_by` is null when the law sets no acknowledgement step.
public struct PrivacyRequestJSON: Encodable, Sendable, Hashable {
    public struct Change: Encodable, Sendable, Hashable {
        public var from: String
        public var to: String
        public var day: String
        public var note: String?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(day, forKey: .day)
            try c.encode(note, forKey: .note)  // null, not absent
        }

        enum CodingKeys: String, CodingKey { case from, to, day, note }
    }

    public var id: String
    /// `access`, `erasure`, `restriction` or `correction`.
    public var type: String
    /// `gdpr`, `uk-gdpr`, `ccpa` or `pipl`.
    public var law: String
    public var status: String
    public var received: String
    public var acknowledge_by: String?
    public var due: String
    public var original_due: String
    public var extended: Bool
    public var subjects: [String]
    public var history: [Change]
    public var citation: String
    /// How many archived records the subject look-up finds; only `show` sets it.
    public var records: Int?

    public init(_ r: RegisteredPrivacyRequest, records: Int? = nil) {
        id = r.id
        type = r.request.kind.rawValue
        law = r.request.law.rawValue
        status = r.request.status.rawValue
        received = r.request.received.description
        acknowledge_by = r.deadline.acknowledgeBy?.description
        due = r.deadline.due.description
        original_due = r.deadline.originalDue.description
        extended = r.deadline.extended
        subjects = r.subjects
        history = r.request.history.map {
            Change(from: $0.from.rawValue, to: $0.to.rawValue, day: $0.day.description, note: $0.note)
        }
        citation = r.deadline.citation
        self.records = records
    }

    enum CodingKeys: String, CodingKey {
        case id, type, law, status, received, acknowledge_by, due, original_due, extended, subjects, history, citation
        case records
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(law, forKey: .law)
        try c.encode(status, forKey: .status)
        try c.encode(received, forKey: .received)
        try c.encode(acknowledge_by, forKey: .acknowledge_by)  // null, not absent
        try c.encode(due, forKey: .due)
        try c.encode(original_due, forKey: .original_due)
        try c.encode(extended, forKey: .extended)
        try c.encode(subjects, forKey: .subjects)
        try c.encode(history, forKey: .history)
        try c.encode(citation, forKey: .citation)
        try c.encodeIfPresent(records, forKey: .records)
    }
}
