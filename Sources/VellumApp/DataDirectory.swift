public import Foundation

/// The files of an archive: one folder, with the master key (by default), the tree-head checkpoint,
/// and either the SQLite file and blob folder (embedded) or `storage.yaml` naming the scale-out backend.
public struct DataDirectory: Sendable {
    public let root: URL

    public init(_ path: String) {
        root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    public var database: URL { root.appendingPathComponent("archive.sqlite") }
    public var blobs: URL { root.appendingPathComponent("blobs", isDirectory: true) }
    /// The latest signed tree head, also kept outside the database so a rolled-back database shows.
    public var checkpoint: URL { root.appendingPathComponent("tree-head.json") }
    /// The default place of the master key when none is given.
    public var defaultMasterKey: URL { root.appendingPathComponent("master.key") }

    /// Sealed exports, access packages and decision letters made by the server.
    public var deliverables: URL { root.appendingPathComponent("deliverables", isDirectory: true) }

    /// Which backend holds the archive when it is not the embedded one (VellumBackends reads it).
    public var storageConfiguration: URL { root.appendingPathComponent("storage.yaml") }

    public var exists: Bool {
        FileManager.default.fileExists(atPath: database.path) || FileManager.default.fileExists(atPath: storageConfiguration.path)
    }
}
