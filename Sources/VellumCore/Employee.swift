/// An entry of the employee directory: how the pipeline tells employees from external contacts.
public struct Employee: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var email: String?
    public var department: String?
    public var roles: [String]
    public var jurisdiction: String?
    /// The employee's identifiers on each channel.
    public var handles: [Channel: [String]]

    public init(
        id: String, name: String, email: String? = nil, department: String? = nil, roles: [String] = [],
        jurisdiction: String? = nil, handles: [Channel: [String]] = [:]
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.department = department
        self.roles = roles
        self.jurisdiction = jurisdiction
        self.handles = handles
    }

    /// Every normalized identifier of this employee, the email included.
    public var normalizedIdentifiers: [String] {
        var out: [String] = []
        if let email { out.append(Identifier.normalize(email, channel: .email)) }
        for (channel, list) in handles.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out.append(contentsOf: list.map { Identifier.normalize($0, channel: channel) })
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }
}
