public import Foundation

/// A file sent with a message, with its bytes available now or on demand.
///
/// The exporter reads each attachment once per message and writes every format from those bytes,
/// so a lazy source is called once (not once per format).
public struct ExportAttachment: Sendable {
    /// Where the bytes come from.
    public enum Content: Sendable {
        /// Already in memory.
        case bytes(Data)
        /// A file to read (for instance a decrypted blob the archive staged).
        case file(URL)
        /// Called when the exporter needs the bytes (decrypt-on-read from the blob store).
        case lazy(@Sendable () throws -> Data)
    }

    /// The name the sender gave the file; shown as is and sanitised only for file names.
    public var name: String
    public var mediaType: String
    /// The size in bytes; used to plan RSMF slices before the bytes are read.
    public var size: Int64
    /// Lowercase hex SHA-256 the archive vouches for; the exporter refuses bytes that differ.
    /// Nil lets the exporter compute it.
    public var sha256: String?
    public var content: Content

    public init(name: String, mediaType: String, size: Int64, sha256: String? = nil, content: Content) {
        self.name = name
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.content = content
    }

    /// An attachment whose bytes are in memory (size taken from them).
    public init(name: String, mediaType: String, bytes: Data, sha256: String? = nil) {
        self.init(name: name, mediaType: mediaType, size: Int64(bytes.count), sha256: sha256, content: .bytes(bytes))
    }

    /// Reads the bytes from wherever ``content`` says.
    func load() throws -> Data {
        switch content {
        case .bytes(let data): return data
        case .file(let url):
            do { return try Data(contentsOf: url) } catch {
                throw ExportError(.io, "attachment \(name): cannot read \(url.path): \(error)")
            }
        case .lazy(let provider): return try provider()
        }
    }
}
