/// A sender or recipient as the export shows them.
public struct ExportParty: Sendable, Hashable {
    /// The channel's identifier (phone number, WeCom userid, Telegram id …); becomes the RSMF
    /// participant id, so it must be stable across a conversation.
    public var id: String
    /// A display name, when the archive knows one.
    public var name: String?
    /// The employee directory id when the party is an employee, nil for external contacts.
    public var employeeID: String?

    public init(id: String, name: String? = nil, employeeID: String? = nil) {
        self.id = id
        self.name = name
        self.employeeID = employeeID
    }

    /// The name if known, else the id.
    public var displayName: String {
        if let name, !name.isEmpty { return name }
        return id.isEmpty ? "(unknown)" : id
    }
}
