public import Foundation
public import VellumCore

/// What ``WhatsAppExportParser`` made of one export, and the guesses it had to make to get there.
public struct WhatsAppExportResult: Sendable {
    public enum Layout: String, Sendable {
        /// `12/31/23, 9:41 PM - Name: text`
        case android
        /// `[31/12/2023, 21:41:07] Name: text`
        case ios
    }

    /// A media file named by an item that is in the export archive: attach its bytes to that item.
    public struct ArchiveMedia: Sendable, Hashable {
        /// Index into ``WhatsAppExportResult/items``.
        public var itemIndex: Int
        /// The name as given in `mediaNames` (the zip entry).
        public var fileName: String

        public init(itemIndex: Int, fileName: String) {
            self.itemIndex = itemIndex
            self.fileName = fileName
        }
    }

    public struct Counts: Sendable, Hashable {
        /// Lines in the file (a final empty line after the last newline not counted).
        public var lines = 0
        /// Items that became messages (system notices included).
        public var messages = 0
        public var systemMessages = 0
        /// Lines that continued the message above them.
        public var continuationLines = 0
        public var mediaInArchive = 0
        /// Named by the export (`IMG-….jpg (file attached)`, `<attached: …>`) but not among `mediaNames`.
        public var mediaMissingFromArchive = 0
        /// Left out by the exporter ("<Media omitted>", "image omitted", view-once).
        public var mediaOmitted = 0
        public var deleted = 0
        public var edited = 0
        public var issues = 0
        /// Lines that were not valid UTF-8 (decoded with U+FFFD; `raw` keeps the bytes).
        public var invalidUTF8Lines = 0
    }

    /// Messages and issues, in file order.
    public var items: [ParsedLine]
    /// nil when no line had a header.
    public var layout: Layout?
    public var dateOrder: WhatsAppExportDateOrder
    /// Why that order, e.g. `day/month/year: a day value 23 appears in the first field at line 14`.
    public var dateOrderReason: String
    /// False when no line decided the order (chronology or the layout's default chose it): ask the
    /// operator to confirm, or pass the order explicitly.
    public var dateOrderCertain: Bool
    /// The zone local times were read in (UTC when none was given).
    public var timeZone: TimeZone
    /// True when no zone was given and UTC was assumed.
    public var timeZoneAssumed: Bool
    public var timeZoneNote: String
    /// The conversation every message is in.
    public var conversation: Conversation
    /// Why the conversation is direct or group.
    public var conversationReason: String
    /// Files to attach, by item.
    public var mediaInArchive: [ArchiveMedia]
    public var counts: Counts

    /// The items with every archive file the export names moved from `media` into `attachments`.
    /// `read` returns a file's bytes by its `mediaNames` name (nil leaves that reference as it was,
    /// its note saying why). Errors from `read` propagate.
    public func attachingMedia(_ read: (String) throws -> Data?) rethrows -> [ParsedLine] {
        var items = self.items
        for file in mediaInArchive {
            guard case .message(var m) = items[file.itemIndex] else { continue }
            guard let i = m.media.firstIndex(where: { $0.handle == file.fileName }) else { continue }
            if let bytes = try read(file.fileName) {
                let ref = m.media.remove(at: i)
                m.attachments.append(Attachment(
                    name: file.fileName, mediaType: ref.mediaType ?? "application/octet-stream", content: bytes))
            } else {
                m.media[i].note = WhatsAppExportParser.archiveUnreadableNote
            }
            items[file.itemIndex] = .message(m)
        }
        return items
    }
}
