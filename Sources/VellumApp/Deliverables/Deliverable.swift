public import Foundation

/// Something the archive produced for people to download: an eDiscovery export, an access
/// package, a decision letter. Kept sealed (a zip, encrypted under its own key) until fetched.
public struct Deliverable: Sendable, Codable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Codable, Hashable { case export, privacy }
    public enum Status: String, Sendable, Codable, Hashable { case running, ready, failed }

    public struct File: Sendable, Codable, Hashable {
        public var name: String
        public var size: Int
        public var sha256: String
    }

    public var id: String
    public var kind: Kind
    /// What it holds (the export's scope, the request's id); no personal data.
    public var title: String
    public var created_by: String
    /// Who may fetch it: a role name (the creator's), so colleagues can, other teams cannot.
    public var audience: String
    public var created_at: String
    public var status: Status
    public var error: String?
    public var files: [File]
    /// Size of the zip.
    public var size: Int?
    /// Summary numbers the producer returned (messages, files …).
    public var counts: [String: Int]
    /// The deliverable's own key, wrapped under the deliverables scope. Deleting the entry
    /// shreds the sealed zip even if a copy of the file survives.
    var wrapped_key: String
}
