public import VellumCore

/// Everything about an export that is not a message: why it was made, by whom, against which
/// signed ledger state, and whether bodies are masked.
public struct ExportContext: Sendable {
    /// The employee whose data this is, when the export is per custodian.
    public struct Custodian: Sendable, Hashable {
        /// The employee directory id; matched against ``ExportParty/employeeID`` to find the
        /// custodian among a conversation's participants (RSMF `custodian` and `direction`).
        public var employeeID: String
        public var name: String?

        public init(employeeID: String, name: String? = nil) {
            self.employeeID = employeeID
            self.name = name
        }
    }

    public var treeHead: ExportTreeHead
    /// The query text or a description of the scope (matter, date range, custodians).
    public var query: String
    /// Who ran the export.
    public var actor: String
    /// When the export was made.
    public var createdAt: Timestamp
    public var custodian: Custodian?
    public var masking: ExportMasking

    public init(
        treeHead: ExportTreeHead, query: String, actor: String, createdAt: Timestamp, custodian: Custodian? = nil,
        masking: ExportMasking = .off
    ) {
        self.treeHead = treeHead
        self.query = query
        self.actor = actor
        self.createdAt = createdAt
        self.custodian = custodian
        self.masking = masking
    }
}
