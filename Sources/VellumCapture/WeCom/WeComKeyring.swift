internal import Foundation
internal import VellumCrypto

/// The corp's RSA private keys by `publickey_ver`.
///
/// Old messages stay encrypted to old key versions, so every version ever uploaded in the WeCom admin
/// console must stay here. Keys are never printed: `description` lists only versions. Sealing the PEM
/// text at rest is the caller's job.
public struct WeComKeyring: Sendable, CustomStringConvertible, CustomReflectable {
    /// A PEM that could not be loaded; names the version, never the key.
    public struct InvalidKeyError: Error, Sendable, Hashable, CustomStringConvertible {
        public var version: UInt32
        public var reason: String
        public var description: String { "WeCom private key for publickey_ver \(version) is unusable: \(reason)" }
    }

    private let keys: [UInt32: RSAKeyDecryptor]

    /// Loads PKCS#1 (`BEGIN RSA PRIVATE KEY`) or PKCS#8 (`BEGIN PRIVATE KEY`) PEM keys.
    /// Throws ``InvalidKeyError`` naming the first (lowest) bad version.
    public init(pemByVersion: [UInt32: String]) throws {
        var keys: [UInt32: RSAKeyDecryptor] = [:]
        for version in pemByVersion.keys.sorted() {
            do {
                keys[version] = try RSAKeyDecryptor(pemRepresentation: pemByVersion[version]!)
            } catch let error as LegacyCryptoError {
                throw InvalidKeyError(version: version, reason: error.description)
            }
        }
        self.keys = keys
    }

    /// The configured key versions, ascending.
    public var versions: [UInt32] { keys.keys.sorted() }

    /// RSA-decrypts the record's `encrypt_random_key` with the key for its `publickey_ver`
    /// (RSAES-PKCS1-v1_5, as the vendor requires).
    ///
    /// Throws ``WeComSDKError`` classified `.quarantineRecord`: ``WeComSDKError/Code/noPrivateKeyForVersion(_:)``
    /// (the same as SDK 10007) when the version is not configured,
    /// ``WeComSDKError/Code/malformedRecord(field:)`` for a field that is missing or not base64, and
    /// ``WeComSDKError/Code/privateKeyRejected(version:)`` when decryption fails.
    public func decryptRandomKey(_ record: WeComChatRecord) throws -> [UInt8] {
        if let field = record.malformedField {
            throw WeComSDKError(.malformedRecord(field: field), operation: .rsaDecrypt)
        }
        return try decryptRandomKey(version: record.publicKeyVersion, encryptedRandomKeyBase64: record.encryptRandomKey)
    }

    /// See ``decryptRandomKey(_:)``.
    public func decryptRandomKey(version: UInt32, encryptedRandomKeyBase64: String) throws -> [UInt8] {
        guard let key = keys[version] else {
            throw WeComSDKError(.noPrivateKeyForVersion(version), operation: .rsaDecrypt)
        }
        guard let ciphertext = Data(base64Encoded: encryptedRandomKeyBase64) else {
            throw WeComSDKError(.malformedRecord(field: "encrypt_random_key"), operation: .rsaDecrypt)
        }
        do {
            return try key.decryptWithWeakPKCS1v15Padding(ciphertext)
        } catch {
            throw WeComSDKError(.privateKeyRejected(version: version), operation: .rsaDecrypt)
        }
    }

    public var description: String { "WeComKeyring(versions: \(versions))" }

    public var customMirror: Mirror { Mirror(self, children: ["versions": versions]) }
}
