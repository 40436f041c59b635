public import Foundation
import VellumCore
import VellumCrypto
import VellumStore
import ZIPFoundation

/// Produces, seals, lists and streams deliverables. A producer writes plain files into a
/// private temporary folder (0700, inside the vault folder, removed as soon as the zip is
/// sealed, and swept at start-up if a crash left one); only the sealed zip stays on disk.
public struct DeliverableVault: Sendable {
    let archive: Archive
    public let folder: URL
    static let metaKey = "deliverables"
    static let scope = "system:deliverables"
    static let context = Data("deliverables-register".utf8)
    /// Plain bytes per sealed chunk.
    static let chunkSize = 1 << 20
    static let magic = Data("VLVAULT1".utf8)

    public init(archive: Archive, folder: URL) {
        self.archive = archive
        self.folder = folder
    }

    // MARK: producing

    /// Registers a deliverable as running and returns it; `produce` then runs (call ``fill``).
    public func start(kind: Deliverable.Kind, title: String, actor: String, audience: String) throws -> Deliverable {
        let key = DataKey.random()
        let id = "D" + String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))
        let scopeKey = try archive.dataKey(scope: Self.scope)
        let d = Deliverable(
            id: id, kind: kind, title: title, created_by: actor, audience: audience,
            created_at: Timestamp(date: archive.now()).rfc3339, status: .running, files: [], counts: [:],
            wrapped_key: try scopeKey.wrap(key, context: Data(id.utf8)).base64EncodedString())
        try update { $0.append(d) }
        return d
    }

    /// Runs `produce` into a private folder (which it must create), zips and seals what it
    /// wrote, and marks the deliverable ready. When anything fails the deliverable is marked
    /// failed with the reason and the error is rethrown.
    @discardableResult
    public func fill(_ d: Deliverable, produce: (URL) throws -> [String: Int]) throws -> Deliverable {
        let fm = FileManager.default
        let work = folder.appendingPathComponent("tmp-\(d.id)", isDirectory: true)
        defer { try? fm.removeItem(at: work) }
        var result = d
        var failure: (any Error)?
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let content = work.appendingPathComponent("content", isDirectory: true)
            result.counts = try produce(content)
            let zip = work.appendingPathComponent("\(d.id).zip")
            try fm.zipItem(at: content, to: zip, shouldKeepParent: false)
            result.files = try Self.listing(content)
            let key = try self.key(of: d)
            result.size = try seal(zip, into: vaultFile(d.id), key: key, id: d.id)
            result.status = .ready
        } catch {
            result.status = .failed
            result.error = (error as? VellumError)?.reason ?? "\(error)"
            failure = error
        }
        let final = result
        try update { list in
            if let i = list.firstIndex(where: { $0.id == d.id }) { list[i] = final }
        }
        if let failure { throw failure }
        return final
    }

    static func listing(_ root: URL) throws -> [Deliverable.File] {
        var files: [Deliverable.File] = []
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = e?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let data = try Data(contentsOf: url)
            let name = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files.append(.init(name: name, size: data.count, sha256: Digest.sha256(data).hexString))
        }
        return files.sorted { $0.name < $1.name }
    }

    // MARK: reading

    public func list() throws -> [Deliverable] { try load() }

    public func get(_ id: String) throws -> Deliverable {
        guard let d = try load().first(where: { $0.id == id }) else { throw VellumError(.notFound, "no deliverable \(id)") }
        return d
    }

    /// Hands the zip's plain bytes to `chunk`, one sealed chunk at a time (never all in memory).
    public func read(_ id: String, actor: String, chunk: (Data) throws -> Void) throws {
        let d = try get(id)
        guard d.status == .ready else { throw VellumError(.refused, "deliverable \(id) is \(d.status.rawValue)") }
        try AccessLog(archive: archive).record(
            actor: actor, action: "deliverable.download", records: [], count: d.files.count, detail: "\(d.kind.rawValue): \(d.title) (\(id))")
        let key = try self.key(of: d)
        let handle = try FileHandle(forReadingFrom: vaultFile(id))
        defer { try? handle.close() }
        guard try handle.read(upToCount: Self.magic.count) == Self.magic else {
            throw VellumError(.integrity, "deliverable \(id): not a Vellum vault file")
        }
        var index = 0
        while true {
            guard let header = try handle.read(upToCount: 5), header.count == 5 else {
                throw VellumError(.integrity, "deliverable \(id): the file ends before its last chunk (truncated)")
            }
            let last = header[header.startIndex] == 1
            let length = header.dropFirst().reduce(0) { $0 << 8 | Int($1) }
            guard let sealed = try handle.read(upToCount: length), sealed.count == length else {
                throw VellumError(.integrity, "deliverable \(id): chunk \(index) is short")
            }
            try chunk(try key.open(sealed, context: Self.chunkContext(id, index, last)))
            if last { return }
            index += 1
        }
    }

    /// Deletes the sealed file and the key that opens it.
    public func delete(_ id: String) throws {
        try update { $0.removeAll { $0.id == id } }
        try? FileManager.default.removeItem(at: vaultFile(id))
    }

    /// Removes temporary folders a crash may have left (call at start-up).
    public func sweep() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for n in names where n.hasPrefix("tmp-") { try? FileManager.default.removeItem(at: folder.appendingPathComponent(n)) }
    }

    // MARK: sealing

    func vaultFile(_ id: String) -> URL { folder.appendingPathComponent("\(id).vault") }

    /// Each chunk's context names the deliverable, its place and whether it is the last, so
    /// chunks cannot be swapped, moved between files or dropped from the end unnoticed.
    static func chunkContext(_ id: String, _ index: Int, _ last: Bool) -> Data {
        Data("deliverable:\(id):\(index):\(last ? 1 : 0)".utf8)
    }

    func seal(_ zip: URL, into target: URL, key: DataKey, id: String) throws -> Int {
        let input = try FileHandle(forReadingFrom: zip)
        defer { try? input.close() }
        let size = Int(try input.seekToEnd())
        try input.seek(toOffset: 0)
        FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let output = try FileHandle(forWritingTo: target)
        defer { try? output.close() }
        try output.write(contentsOf: Self.magic)
        var index = 0, done = 0
        repeat {
            let plain = try input.read(upToCount: Self.chunkSize) ?? Data()
            done += plain.count
            let last = done >= size
            let sealed = try key.seal(plain, context: Self.chunkContext(id, index, last))
            var header = Data([last ? 1 : 0])
            for shift in stride(from: 24, through: 0, by: -8) { header.append(UInt8(truncatingIfNeeded: sealed.count >> shift)) }
            try output.write(contentsOf: header + sealed)
            index += 1
            if last { break }
        } while true
        try output.synchronize()
        return size
    }

    func key(of d: Deliverable) throws -> DataKey {
        guard let wrapped = Data(base64Encoded: d.wrapped_key) else { throw VellumError(.integrity, "deliverable \(d.id): bad key") }
        return try archive.dataKey(scope: Self.scope).unwrap(wrapped, context: Data(d.id.utf8))
    }

    // MARK: the sealed register

    func load() throws -> [Deliverable] {
        let key = try archive.dataKey(scope: Self.scope)
        guard let sealed = try archive.store.read({ try $0.meta(Self.metaKey) }) else { return [] }
        return try JSONDecoder().decode([Deliverable].self, from: key.open(sealed, context: Self.context))
    }

    func update(_ change: (inout [Deliverable]) throws -> Void) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = try archive.dataKey(scope: Self.scope)
        try archive.store.write { tx in
            var list = try tx.meta(Self.metaKey).map { try JSONDecoder().decode([Deliverable].self, from: key.open($0, context: Self.context)) } ?? []
            try change(&list)
            try tx.setMeta(Self.metaKey, try key.seal(try JSONEncoder().encode(list), context: Self.context))
        }
    }
}
