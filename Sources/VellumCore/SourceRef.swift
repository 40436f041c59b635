/// Where a message came from: the channel, the capturing account and the source's own message id.
///
/// This triple is the idempotency key of the archive: a message with a `SourceRef` already held
/// is a duplicate, whichever path (webhook, puller, file) brings it again.
public struct SourceRef: Sendable, Hashable, Codable {
    public var channel: Channel
    /// The capturing account (an employee's number, a WeCom corp); empty when the source has none.
    public var account: String
    /// The source's message id.
    public var nativeID: String

    public init(channel: Channel, account: String = "", nativeID: String) {
        self.channel = channel
        self.account = account
        self.nativeID = nativeID
    }

    /// The same channel and account, another native id (the target of an edit, recall or reply).
    public func sibling(_ nativeID: String) -> SourceRef {
        SourceRef(channel: channel, account: account, nativeID: nativeID)
    }

    /// Unambiguous bytes for keyed hashing: length-prefixed fields.
    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        for field in [channel.rawValue, account, nativeID] {
            let bytes = Array(field.utf8)
            out.append(contentsOf: withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init))
            out.append(contentsOf: bytes)
        }
        return out
    }
}
