public import Foundation
public import VellumCapture
public import VellumCore

/// One file of a captured message waiting to be downloaded, or whose download failed.
///
/// Holds no token and no content: the channel, account, message id and the source's handle, what
/// the source said about the file, and the history of attempts. The queue is sealed all the same
/// (file names can be telling).
public struct MediaJob: Sendable, Codable, Hashable {
    public enum State: String, Sendable, Codable, Hashable {
        /// Waiting for its first or next attempt.
        case pending
        /// Given up: a permanent error (404, digest mismatch) or too many failed passes. Shown in
        /// capture health; `vellum media retry --failed` tries again.
        case failed
    }

    public var channel: Channel
    public var account: String
    /// The native id of the captured message.
    public var message: String
    public var handle: String
    public var name: String?
    public var media_type: String?
    public var sha256: String?
    public var size: Int64?
    public var state: State
    /// Failed passes so far.
    public var attempts: Int
    /// The last failure, without tokens.
    public var last_error: String?
    public var next_attempt_at: Int64
    public var queued_at: Int64

    /// Unique in the queue.
    public var key: String { "\(channel.rawValue)\u{1F}\(account)\u{1F}\(message)\u{1F}\(handle)" }

    /// The source of the media-arrival record this download produces: a sibling of the message,
    /// so that a second download of the same file is a duplicate the archive refuses.
    public var arrivalSource: SourceRef {
        SourceRef(channel: channel, account: account, nativeID: "\(message)#media:\(handle)")
    }

    public var messageSource: SourceRef { SourceRef(channel: channel, account: account, nativeID: message) }

    /// What the fetcher is asked for.
    public var target: MediaFetchTarget {
        MediaFetchTarget(channel: channel, account: account, handle: handle, expectedSHA256: sha256, expectedSize: size)
    }

    /// The jobs a newly captured message asks for: its media references with a handle, read from
    /// a webhook format whose handles Vellum can download (not from export files).
    static func jobs(for message: Message, at now: Int64) -> [MediaJob] {
        guard message.revision == nil, [.whatsapp, .telegram].contains(message.source.channel),
            MediaFetchTarget.isFetchable(format: message.format)
        else { return [] }
        return message.media.filter { !$0.handle.isEmpty }.map { ref in
            MediaJob(
                channel: message.source.channel, account: message.source.account, message: message.source.nativeID,
                handle: ref.handle, name: ref.name, media_type: ref.mediaType, sha256: ref.digests["sha256"], size: ref.size,
                state: .pending, attempts: 0, last_error: nil, next_attempt_at: now, queued_at: now)
        }
    }
}
