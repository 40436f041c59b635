import Foundation
import VellumCore

/// An attachment whose bytes were read (once) for all writers.
struct RenderedAttachment {
    var name: String
    var mediaType: String
    var data: Data
    /// Lowercase hex SHA-256 of ``data``.
    var sha256: String
    /// Where the shared copy lives (`files/…`), when a format needs one.
    var storedPath: String?
    /// Its file name inside the record's `rsmf.zip`, when RSMF is written.
    var rsmfID: String?

    var isInlineImage: Bool {
        ["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp"].contains(mediaType.lowercased())
    }
}

/// One message prepared once for every writer: masked body, digests, attachment bytes, times.
struct RenderedMessage {
    var message: ExportMessage
    /// The exported body: the text, masked when masking is on.
    var body: String?
    /// Whether masking changed the body.
    var masked: Bool
    /// Lowercase hex SHA-256 of the exported body's UTF-8, nil without a body.
    var bodySHA256: String?
    var attachments: [RenderedAttachment]
    /// The conversation-day (days since the epoch in the conversation's first offset).
    var day: Int64

    var recordID: String { message.recordID.rawValue }

    /// Reads and checks attachments, masks the body.
    static func render(_ message: ExportMessage, masking: ExportMasking, dayOffset: Int32) throws -> RenderedMessage {
        var body = message.text
        var masked = false
        if case .spans(_, let provider) = masking, let text = body {
            let spans = provider(message)
            if !spans.isEmpty {
                let maskedText = try ExportMasking.apply(spans, to: text, record: message.recordID.rawValue)
                masked = maskedText != text
                body = maskedText
            }
        }
        var attachments: [RenderedAttachment] = []
        for attachment in message.attachments {
            let data = try attachment.load()
            let digest = ExportCrypto.sha256(data).hexString
            if let expected = attachment.sha256, expected.lowercased() != digest {
                throw ExportError(
                    .integrity,
                    "record \(message.recordID): attachment \(attachment.name) has SHA-256 \(digest), the archive vouched for \(expected)"
                )
            }
            if Int64(data.count) != attachment.size {
                throw ExportError(
                    .integrity,
                    "record \(message.recordID): attachment \(attachment.name) has \(data.count) bytes, the archive said \(attachment.size)"
                )
            }
            attachments.append(
                RenderedAttachment(name: attachment.name, mediaType: attachment.mediaType, data: data, sha256: digest))
        }
        return RenderedMessage(
            message: message, body: body, masked: masked,
            bodySHA256: body.map { ExportCrypto.sha256(Data($0.utf8)).hexString }, attachments: attachments,
            day: LocalTime.day(message.sentAt, offsetSeconds: dayOffset))
    }
}

/// Where one conversation's formats put a record; the export-wide writers point at these.
struct RecordPlacement {
    var rsmf: String?
    var eml: String?
    var html: String?

    /// The native a load file points at: the RSMF, else the EML, else the transcript.
    var native: String? { rsmf ?? eml ?? html }
}

/// A writer of one format for one conversation.
protocol ConversationWriter: AnyObject {
    /// Writes (or stages) the message; returns the output path that will hold it.
    func add(_ message: RenderedMessage) throws -> String
    /// Writes whatever is staged and closes every file.
    func finish() throws
}

/// A writer of one file covering the whole export (CSV, DAT, JSON lines).
protocol RecordWriter: AnyObject {
    /// The output path.
    var path: String { get }
    func add(_ message: RenderedMessage, conversationKey: String, placement: RecordPlacement) throws
    func finish() throws
}
