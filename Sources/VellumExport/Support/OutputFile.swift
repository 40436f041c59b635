import Foundation
import VellumCore

/// One file written by the export, with its final SHA-256 and size.
struct WrittenFile: Sendable, Hashable {
    /// Path relative to the export folder, `/`-separated.
    var path: String
    var size: Int64
    /// Lowercase hex.
    var sha256: String
}

/// A buffered file writer that hashes what it writes, so every output's digest is known when it
/// closes without reading it back.
final class OutputFile {
    let url: URL
    let relativePath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var hasher: ExportCrypto.Hasher?
    private(set) var size: Int64 = 0
    private var onClose: ((WrittenFile) -> Void)?
    private var closed = false
    private static let bufferSize = 1 << 18

    /// Creates (truncating) the file and its parent folders.
    init(url: URL, relativePath: String, hashing: Bool, onClose: ((WrittenFile) -> Void)? = nil) throws {
        self.url = url
        self.relativePath = relativePath
        self.hasher = hashing ? ExportCrypto.Hasher() : nil
        self.onClose = onClose
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ExportError(.io, "\(relativePath): cannot create its folder: \(error)")
        }
        guard fm.createFile(atPath: url.path, contents: nil) else {
            throw ExportError(.io, "\(relativePath): cannot create the file")
        }
        do { handle = try FileHandle(forWritingTo: url) } catch {
            throw ExportError(.io, "\(relativePath): cannot open for writing: \(error)")
        }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !closed { try? handle.close() }
    }

    func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        size += Int64(bytes.count)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    func write(_ data: Data) throws {
        if data.count >= Self.bufferSize {
            try flush()
            try rawWrite(data)
            size += Int64(data.count)
        } else {
            buffer.append(contentsOf: data)
            size += Int64(data.count)
            if buffer.count >= Self.bufferSize { try flush() }
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        let chunk = Data(buffer)
        buffer.removeAll(keepingCapacity: true)
        try rawWrite(chunk)
    }

    private func rawWrite(_ data: Data) throws {
        data.withUnsafeBytes { hasher?.update($0) }
        do { try handle.write(contentsOf: data) } catch {
            throw ExportError(.io, "\(relativePath): write failed: \(error)")
        }
    }

    /// Flushes, closes and reports the file; the writer must not be used afterwards.
    @discardableResult
    func close() throws -> WrittenFile {
        try flush()
        closed = true
        do { try handle.close() } catch { throw ExportError(.io, "\(relativePath): close failed: \(error)") }
        let written = WrittenFile(path: relativePath, size: size, sha256: hasher?.finalize().hexString ?? "")
        onClose?(written)
        onClose = nil
        return written
    }
}
