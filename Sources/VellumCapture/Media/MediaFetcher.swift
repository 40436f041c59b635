public import Foundation
import VellumCore
import VellumCrypto

/// Downloads one WhatsApp or Telegram file through a ``MediaHTTPClient``: metadata first, then
/// the bytes, each request retried within the pass for retryable failures; the bytes are checked
/// against the size and SHA-256 the source vouched for. Every error reason is scrubbed of tokens.
public struct MediaFetcher: Sendable {
    public struct Limits: Sendable, Hashable {
        /// The largest file accepted (Telegram bots cannot fetch more than 20 MB anyway).
        public var maxBytes: Int
        /// The largest metadata answer accepted.
        public var maxMetadataBytes: Int
        /// Per request.
        public var timeout: Duration

        public init(maxBytes: Int = 100 << 20, maxMetadataBytes: Int = 64 << 10, timeout: Duration = .seconds(60)) {
            self.maxBytes = maxBytes
            self.maxMetadataBytes = maxMetadataBytes
            self.timeout = timeout
        }
    }

    public let client: any MediaHTTPClient
    public let secrets: MediaSecrets
    public var limits: Limits
    public var schedule: MediaRetrySchedule
    let sleep: @Sendable (Duration) async throws -> Void

    public init(
        client: any MediaHTTPClient, secrets: MediaSecrets, limits: Limits = Limits(),
        schedule: MediaRetrySchedule = MediaRetrySchedule(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.client = client
        self.secrets = secrets
        self.limits = limits
        self.schedule = schedule
        self.sleep = sleep
    }

    public func fetch(_ target: MediaFetchTarget) async throws(MediaFetchError) -> FetchedMedia {
        do throws(MediaFetchError) {
            switch target.channel {
            case .whatsapp: return try await fetchWhatsApp(target)
            case .telegram: return try await fetchTelegram(target)
            default: throw MediaFetchError(.rejected, "\(target.channel.rawValue) media cannot be downloaded")
            }
        } catch {
            var scrubbed = error
            scrubbed.reason = secrets.redact(TelegramFileFetch.describe(error.reason))
            throw scrubbed
        }
    }

    func fetchWhatsApp(_ target: MediaFetchTarget) async throws(MediaFetchError) -> FetchedMedia {
        guard let settings = secrets.whatsapp else {
            throw MediaFetchError(.notConfigured, "no WhatsApp Cloud API access token is configured for media")
        }
        let metaResponse = try await send(
            try WhatsAppMediaFetch.metadataRequest(
                mediaID: target.handle, settings: settings, maxBytes: limits.maxMetadataBytes, timeout: limits.timeout),
            step: "media metadata")
        let metadata = try WhatsAppMediaFetch.metadata(from: metaResponse)
        let digest = try WhatsAppMediaFetch.expectedDigest(metadata, webhook: target.expectedSHA256)
        let content = try await send(
            try WhatsAppMediaFetch.contentRequest(metadata, settings: settings, maxBytes: limits.maxBytes, timeout: limits.timeout),
            step: "media download")
        let sha = try Self.verify(content.body, sha256: digest, size: metadata.fileSize ?? target.expectedSize)
        return FetchedMedia(
            content: content.body, mediaType: metadata.mimeType, sha256: sha, suggestedName: nil, metadata: metaResponse.body)
    }

    func fetchTelegram(_ target: MediaFetchTarget) async throws(MediaFetchError) -> FetchedMedia {
        guard let settings = secrets.telegram, let token = settings.botTokens[target.account] else {
            throw MediaFetchError(.notConfigured, "no Telegram bot token is configured for account \(target.account)")
        }
        let metaResponse = try await send(
            try TelegramFileFetch.getFileRequest(
                fileID: target.handle, token: token, apiBase: settings.apiBase, maxBytes: limits.maxMetadataBytes,
                timeout: limits.timeout),
            step: "getFile", acceptingErrorBodies: true)
        let file = try TelegramFileFetch.file(from: metaResponse)
        let content = try await send(
            try TelegramFileFetch.contentRequest(
                file, token: token, apiBase: settings.apiBase, maxBytes: limits.maxBytes, timeout: limits.timeout),
            step: "file download")
        let sha = try Self.verify(content.body, sha256: target.expectedSHA256, size: file.fileSize ?? target.expectedSize)
        let name = file.filePath.split(separator: "/").last.map(String.init)
        return FetchedMedia(content: content.body, mediaType: nil, sha256: sha, suggestedName: name, metadata: metaResponse.body)
    }

    /// Sends with in-pass retries. A non-2xx answer throws, except where `acceptingErrorBodies`
    /// lets the caller read the error body (Telegram explains itself in JSON).
    func send(_ request: MediaHTTPRequest, step: String, acceptingErrorBodies: Bool = false) async throws(MediaFetchError) -> MediaHTTPResponse {
        var attempt = 1
        while true {
            let failure: MediaFetchError
            do {
                let response = try await client.get(request)
                if (200 ..< 300).contains(response.status) { return response }
                failure = MediaFetchError.forStatus(response.status, step: step)
                if acceptingErrorBodies, !failure.code.isRetryable { return response }
            } catch let error as MediaFetchError {
                failure = MediaFetchError(error.code, "\(step): \(error.reason)", status: error.status)
            } catch is CancellationError {
                throw MediaFetchError(.transport, "\(step): cancelled")
            } catch {
                failure = MediaFetchError(.transport, "\(step): \(error)")
            }
            guard failure.code.isRetryable, attempt < schedule.attemptsPerPass else { throw failure }
            attempt += 1
            do { try await sleep(schedule.pause(beforeAttempt: attempt)) } catch {
                throw MediaFetchError(.transport, "\(step): cancelled")
            }
        }
    }

    /// Checks size and digest; returns the lowercase hex SHA-256 of `content`.
    public static func verify(_ content: Data, sha256 expected: String?, size: Int64?) throws(MediaFetchError) -> String {
        if let size, Int64(content.count) != size {
            throw MediaFetchError(.integrity, "the download has \(content.count) bytes, the source said \(size)")
        }
        let actual = Digest.sha256(content)
        if let expected {
            guard let want = Data(hexString: expected), ConstantTime.equal(want, actual) else {
                throw MediaFetchError(.integrity, "sha256 mismatch: expected \(expected.lowercased()), got \(actual.hexString)")
            }
        }
        return actual.hexString
    }
}
