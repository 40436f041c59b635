public import Foundation

/// What Vellum needs from Tencent's session-archive SDK.
///
/// ``DynamicWeComSDK`` implements it over the vendor's `libWeWorkFinanceSdk_C.so`; tests can supply
/// other implementations. Every method **blocks** (the vendor calls do network I/O for up to
/// `timeout`); ``WeComPuller`` and ``WeComMediaDownloader`` run them off the Swift concurrency pool.
/// Methods throw ``WeComSDKError``.
public protocol WeComSDK: Sendable {
    /// GetChatData: the raw JSON response (`{"errcode":…,"errmsg":…,"chatdata":[…]}`) for records
    /// with seq > `seq`, at most `limit` (1…1000).
    func chatData(after seq: UInt64, limit: Int, timeout: Duration) throws -> Data

    /// DecryptData: `randomKey` is the RSA-decrypted `encrypt_random_key` (opaque bytes, no NUL),
    /// `encryptedMessage` the record's `encrypt_chat_msg`. Returns the plaintext bytes exactly as the SDK
    /// produced them.
    func decrypt(randomKey: [UInt8], encryptedMessage: String) throws -> Data

    /// GetMediaData: one chunk of a media file. `index` is "" for the first chunk, then the previous
    /// chunk's ``WeComMediaChunk/nextIndex``.
    func mediaChunk(index: String, fileID: String, timeout: Duration) throws -> WeComMediaChunk
}

/// One GetMediaData result.
public struct WeComMediaChunk: Sendable, Hashable {
    /// The chunk's bytes (binary; read with GetDataLen, never strlen).
    public var data: Data
    /// The opaque `outindexbuf` to pass to the next call.
    public var nextIndex: String
    /// `IsMediaDataFinish == 1`: this was the last chunk.
    public var isFinished: Bool

    public init(data: Data, nextIndex: String, isFinished: Bool) {
        self.data = data
        self.nextIndex = nextIndex
        self.isFinished = isFinished
    }
}

extension Duration {
    /// Whole seconds for the vendor's `int timeout` argument: rounded up, at least 1.
    var wecomTimeoutSeconds: Int32 {
        let (seconds, attoseconds) = components
        var whole = seconds + (attoseconds > 0 ? 1 : 0)
        whole = max(1, min(whole, Int64(Int32.max)))
        return Int32(whole)
    }
}
