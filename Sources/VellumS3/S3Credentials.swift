import Crypto

/// An access key id and its secret. The secret is kept only as the SigV4 key-derivation seed and is
/// never printed: `description` shows the access key id alone.
public struct S3Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let accessKeyID: String
    /// `"AWS4" + secret`, the first HMAC key of the SigV4 derivation.
    let seed: SymmetricKey

    public init(accessKeyID: String, secretAccessKey: String) {
        self.accessKeyID = accessKeyID
        self.seed = SymmetricKey(data: Array(("AWS4" + secretAccessKey).utf8))
    }

    public var description: String { "S3Credentials(\(accessKeyID), secret hidden)" }
    public var debugDescription: String { description }
}
