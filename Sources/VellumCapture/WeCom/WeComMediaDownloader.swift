public import Foundation
internal import VellumCrypto

/// Downloads one media file with the GetMediaData chunk loop:
///
/// ```
/// index = ""; loop { chunk = GetMediaData(index, sdkfileid); append chunk.data
///                    if chunk.isFinished { break }; index = chunk.nextIndex }
/// ```
///
/// Guards against a broken SDK: a cap on total bytes, a cap on chunks, and a check that an unfinished
/// chunk moves the index. Retryable chunk errors (network) are retried a few times with backoff; other
/// errors throw ``WeComSDKError`` (classified `.quarantineRecord` for per-file problems, e.g. 10005, 10010).
public struct WeComMediaDownloader: Sendable {
    public struct Limits: Sendable, Hashable {
        /// Abandon a download larger than this.
        public var maxTotalBytes: Int
        /// Abandon a download that needs more chunks than this.
        public var maxChunks: Int
        /// Retries of one chunk after a retryable error before giving up.
        public var maxChunkRetries: Int

        public init(maxTotalBytes: Int = 2 << 30, maxChunks: Int = 20_000, maxChunkRetries: Int = 3) {
            self.maxTotalBytes = maxTotalBytes
            self.maxChunks = maxChunks
            self.maxChunkRetries = maxChunkRetries
        }
    }

    /// What a finished download produced.
    public struct Summary: Sendable, Hashable {
        public var byteCount: Int
        public var chunkCount: Int
        /// Lowercase hex MD5 of all bytes.
        public var md5: String
    }

    public let sdk: any WeComSDK
    public var limits: Limits
    public var timeout: Duration
    public var backoff: WeComBackoff
    private let sleeper: any WeComSleeper
    private let executor: WeComBlockingExecutor

    public init(
        sdk: any WeComSDK, limits: Limits = Limits(), timeout: Duration = .seconds(60),
        backoff: WeComBackoff = WeComBackoff(initial: .seconds(1), maximum: .seconds(30)),
        sleeper: any WeComSleeper = WeComTaskSleeper()
    ) {
        self.sdk = sdk
        self.limits = limits
        self.timeout = timeout
        self.backoff = backoff
        self.sleeper = sleeper
        self.executor = WeComBlockingExecutor(label: "vellum.wecom.media")
    }

    /// Streams the file to `write`, chunk by chunk. When `expectedMD5` (hex, any case) is given and the
    /// bytes do not match, throws ``WeComSDKError/Code/mediaChecksumMismatch(expected:actual:)`` **after**
    /// everything was written: the caller must then discard what it wrote.
    @discardableResult
    public func download(
        fileID: String, expectedMD5: String? = nil, write: (Data) async throws -> Void
    ) async throws -> Summary {
        var index = ""
        var total = 0
        var chunks = 0
        var hasher = LegacyInsecureMD5Hasher()
        while true {
            try Task.checkCancellation()
            guard chunks < limits.maxChunks else {
                throw WeComSDKError(.mediaTooManyChunks(limit: limits.maxChunks), operation: .getMediaData)
            }
            let chunk = try await fetchChunk(index: index, fileID: fileID)
            chunks += 1
            total += chunk.data.count
            guard total <= limits.maxTotalBytes else {
                throw WeComSDKError(.mediaTooLarge(limit: limits.maxTotalBytes), operation: .getMediaData)
            }
            hasher.update(chunk.data)
            try await write(chunk.data)
            if chunk.isFinished { break }
            guard !chunk.nextIndex.isEmpty, !(chunk.data.isEmpty && chunk.nextIndex == index) else {
                throw WeComSDKError(.mediaStalled, operation: .getMediaData)
            }
            index = chunk.nextIndex
        }
        let actual = hasher.finalizeHex()
        if let expected = expectedMD5?.trimmingCharacters(in: .whitespaces).lowercased(), expected != actual {
            throw WeComSDKError(.mediaChecksumMismatch(expected: expected, actual: actual), operation: .verifyMedia)
        }
        return Summary(byteCount: total, chunkCount: chunks, md5: actual)
    }

    /// Downloads the whole file into memory (bounded by ``Limits/maxTotalBytes``) and checks `expectedMD5`.
    public func download(fileID: String, expectedMD5: String? = nil) async throws -> Data {
        var data = Data()
        try await download(fileID: fileID, expectedMD5: expectedMD5) { data.append($0) }
        return data
    }

    private func fetchChunk(index: String, fileID: String) async throws -> WeComMediaChunk {
        var attempt = 0
        while true {
            do {
                let sdk = self.sdk
                let timeout = self.timeout
                return try await executor.run { try sdk.mediaChunk(index: index, fileID: fileID, timeout: timeout) }
            } catch let error as WeComSDKError where error.classification == .retryable && attempt < limits.maxChunkRetries {
                attempt += 1
                try await sleeper.sleep(for: backoff.delay(forAttempt: attempt, unitRandom: Double.random(in: 0..<1)))
            }
        }
    }
}
