public import Foundation

/// The files of an embedded archive: one folder, one SQLite file, the blobs, the tree-head checkpoint.
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

    public var exists: Bool { FileManager.default.fileExists(atPath: database.path) }
}
