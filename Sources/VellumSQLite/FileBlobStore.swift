public import Foundation
import VellumCore
import VellumCrypto
public import VellumStore

#if canImport(Glibc)
    import Glibc
#endif

/// Sealed blobs as files under one folder, `ab/abcdef…` by SHA-256 of the sealed bytes.
///
/// Each put writes a temporary file, syncs it, renames it into place and syncs the folder, so
/// a blob is durable before the record naming it commits.
public final class FileBlobStore: BlobStore {
    public let root: URL

    public init(root: URL) throws {
        self.root = root
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func url(_ ref: String) throws -> URL {
        guard ref.count == 64, ref.utf8.allSatisfy({ (48 ... 57).contains($0) || (97 ... 102).contains($0) }) else {
            throw VellumError(.invalidInput, "not a blob reference: \(ref.prefix(80))")
        }
        return root.appendingPathComponent(String(ref.prefix(2))).appendingPathComponent(ref)
    }

    public func put(_ sealed: Data) throws -> String {
        let ref = Digest.sha256(sealed).hexString
        let target = try url(ref)
        if FileManager.default.fileExists(atPath: target.path) { return ref }
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(ref).\(UUID().uuidString).tmp")
        try Self.writeSynced(sealed, to: temp.path)
        guard rename(temp.path, target.path) == 0 else {
            unlink(temp.path)
            throw VellumError(.storage, "cannot move blob into place at \(target.path): errno \(errno)")
        }
        Self.syncFolder(folder.path)
        return ref
    }

    public func get(_ ref: String) throws -> Data? {
        let u = try url(ref)
        guard FileManager.default.fileExists(atPath: u.path) else { return nil }
        return try Data(contentsOf: u)
    }

    public func delete(_ ref: String) throws {
        let u = try url(ref)
        if FileManager.default.fileExists(atPath: u.path) { try FileManager.default.removeItem(at: u) }
    }

    public func allRefs() throws -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        for folder in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] where folder.count == 2 {
            let names = (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            out.append(contentsOf: names.filter { $0.count == 64 && !$0.hasPrefix(".") })
        }
        return out.sorted()
    }

    static func writeSynced(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw VellumError(.storage, "cannot create \(path): errno \(errno)") }
        defer { close(fd) }
        try data.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count {
                let n = write(fd, buf.baseAddress! + done, buf.count - done)
                guard n > 0 else { throw VellumError(.storage, "cannot write \(path): errno \(errno)") }
                done += n
            }
        }
        guard fsync(fd) == 0 else { throw VellumError(.storage, "cannot sync \(path): errno \(errno)") }
    }

    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
