public import Foundation
public import VellumCore

/// One file to download: which channel and account it came through, the source's handle (a Cloud
/// API media id, a Telegram `file_id`) and what the capture already knew about it.
public struct MediaFetchTarget: Sendable, Hashable {
    public var channel: Channel
    public var account: String
    public var handle: String
    /// Lowercase hex SHA-256 the webhook vouched for, if any.
    public var expectedSHA256: String?
    public var expectedSize: Int64?

    public init(channel: Channel, account: String, handle: String, expectedSHA256: String? = nil, expectedSize: Int64? = nil) {
        self.channel = channel
        self.account = account
        self.handle = handle
        self.expectedSHA256 = expectedSHA256
        self.expectedSize = expectedSize
    }

    /// Whether the media references of messages read in `format` are handles Vellum can download:
    /// Cloud API media ids and Bot API `file_id`s. Export files name paths in their own folder
    /// instead, and signal-cli's attachment ids are files on the signal-cli host.
    public static func isFetchable(format: String) -> Bool {
        format == WhatsAppWebhookParser.formatName || format == TelegramUpdateParser.formatName
    }
}

/// A downloaded and verified file.
public struct FetchedMedia: Sendable, Hashable {
    public var content: Data
    public var mediaType: String?
    /// Lowercase hex SHA-256 of ``content``.
    public var sha256: String
    /// A name the source suggests (the last part of Telegram's `file_path`).
    public var suggestedName: String?
    /// The source's metadata answer, verbatim (Graph API media JSON, Telegram `getFile` JSON);
    /// it holds no token.
    public var metadata: Data

    public init(content: Data, mediaType: String?, sha256: String, suggestedName: String?, metadata: Data) {
        self.content = content
        self.mediaType = mediaType
        self.sha256 = sha256
        self.suggestedName = suggestedName
        self.metadata = metadata
    }
}
