import Foundation
import VellumCapture
import VellumCore

/// The record a finished download becomes: a revision of kind `media` of the captured message
/// (`Revision.media(of:)`), carrying the file as an attachment. Same conversation, sender and
/// recipients as the message, so it lands in the same key scope and is erased with it; sent at
/// the message's time, captured now. The message's own record is not touched
/// (docs/decisions/0013-media-arrives-as-a-revision.md).
enum MediaArrival {
    static let format = "media-download"

    static func message(for job: MediaJob, original: ArchivedMessage, sentAtMillis: Int64, fetched: FetchedMedia) -> Message {
        let name = job.name ?? fetched.suggestedName ?? "\(original.messageKind.rawValue)-\(job.handle.prefix(24))"
        return Message(
            source: job.arrivalSource, conversation: original.conversation,
            sentAt: Timestamp(rfc3339: original.sent_at) ?? Timestamp(seconds: sentAtMillis / 1000),
            sender: Party(id: original.from.id, name: original.from.name),
            recipients: original.to.map { Party(id: $0.id, name: $0.name) },
            attachments: [
                Attachment(
                    name: name, mediaType: fetched.mediaType ?? job.media_type ?? "application/octet-stream",
                    content: fetched.content)
            ],
            revision: .media(of: job.message), kind: original.messageKind, nativeType: format,
            fields: ["media.handle": job.handle, "media.sha256": fetched.sha256, "media.size": String(fetched.content.count)],
            format: format, raw: fetched.metadata)
    }
}
