public import Foundation
public import VellumCore
import VellumCrypto

/// signal-cli's attachment folder (`~/.local/share/signal-cli/attachments`): signal-cli downloads
/// each attachment there under its attachment id before it hands the envelope on. Reading the
/// file from there attaches it to the message, so it is sealed with the message itself.
public struct SignalAttachmentFolder: Sendable {
    public let url: URL
    /// Files larger than this stay references with a note (signal-cli allows up to 100 MiB).
    public let maxBytes: Int

    public init(_ url: URL, maxBytes: Int = 100 << 20) {
        self.url = url
        self.maxBytes = maxBytes
    }

    /// `message` with every attachment that is still a reference read from the folder; one that
    /// is absent (or too large, or named oddly) stays a reference whose note says why.
    public func attach(_ message: Message) -> Message {
        var m = message
        for i in m.media.indices where !m.media[i].handle.isEmpty && m.media[i].note == Self.notFetched {
            let ref = m.media[i]
            // An id is a file name signal-cli chose; anything that could leave the folder is refused.
            guard Self.isPlainName(ref.handle) else {
                m.media[i].note = "attachment id is not a plain file name"
                continue
            }
            let file = url.appendingPathComponent(ref.handle)
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int else {
                m.media[i].note = "not in signal-cli's attachment folder"
                continue
            }
            guard size <= maxBytes else {
                m.media[i].note = "larger than \(maxBytes) bytes; not attached"
                continue
            }
            guard let content = try? Data(contentsOf: file) else {
                m.media[i].note = "unreadable in signal-cli's attachment folder"
                continue
            }
            m.attachments.append(Attachment(
                name: ref.name ?? ref.handle, mediaType: ref.mediaType ?? "application/octet-stream", content: content))
            m.media[i].note = nil
            m.media[i].digests["sha256"] = Digest.sha256(content).hexString
        }
        return m
    }

    static let notFetched = "not fetched yet"

    static func isPlainName(_ s: String) -> Bool {
        !s.isEmpty && s != "." && s != ".." && !s.contains("/") && !s.contains("\\") && !s.contains("\u{0}")
    }
}
