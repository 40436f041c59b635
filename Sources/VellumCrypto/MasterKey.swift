public import Foundation
import Crypto

/// The archive's root secret: 32 random bytes kept in a file outside the database (mode 0600).
///
/// Nothing is ever encrypted with it directly: it only derives the keys of ``KeyHierarchy``.
public struct MasterKey: Sendable {
    let bytes: SymmetricKey

    /// A new random master key.
    public static func generate() -> MasterKey {
        MasterKey(bytes: SymmetricKey(size: .bits256))
    }

    init(bytes: SymmetricKey) { self.bytes = bytes }

    /// Reads the key file's contents: base64 of 32 bytes, surrounding whitespace ignored.
    public init(fileContents: Data) throws {
        let text = String(decoding: fileContents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text), raw.count == 32 else {
            throw CryptoFailure(.malformedKey, "the master key file does not hold base64 of 32 bytes")
        }
        bytes = SymmetricKey(data: raw)
    }

    /// The key file's contents.
    public var fileRepresentation: Data {
        Data((bytes.withUnsafeBytes { Data($0) }.base64EncodedString() + "\n").utf8)
    }
}
