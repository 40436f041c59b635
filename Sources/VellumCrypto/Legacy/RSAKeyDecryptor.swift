internal import Crypto
internal import _CryptoExtras
public import Foundation

/// An RSA private key used only to open keys that a vendor encrypted to us with
/// **RSAES-PKCS1-v1_5** (WeCom's `encrypt_random_key`).
///
/// PKCS#1 v1.5 encryption padding is weak (Bleichenbacher-style chosen-ciphertext attacks); it is used
/// here only because the vendor mandates it, and the decrypt method says so in its name. Never use
/// this type for anything we design ourselves.
///
/// The key is never printed: `description` shows only the PEM kind and the key size.
public struct RSAKeyDecryptor: @unchecked Sendable, CustomStringConvertible, CustomReflectable {
    // @unchecked: the only stored state is an immutable swift-crypto key whose BoringSSL backing is
    // declared Sendable by swift-crypto; `_RSA.Encryption.PrivateKey` itself just lacks the annotation.

    /// Which PEM form the key was given in.
    public enum PEMKind: String, Sendable, Hashable {
        /// `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1 RSAPrivateKey).
        case pkcs1
        /// `-----BEGIN PRIVATE KEY-----` (PKCS#8 PrivateKeyInfo).
        case pkcs8
    }

    private let key: _RSA.Encryption.PrivateKey

    /// The PEM form the key was loaded from.
    public let pemKind: PEMKind

    /// The modulus size in bits (2048 or more; smaller keys are rejected).
    public var keySizeInBits: Int { key.keySizeInBits }

    /// Loads a PKCS#1 or PKCS#8 PEM RSA private key of at least 2048 bits.
    /// CRLF line endings and surrounding whitespace (common in pasted keys) are tolerated.
    public init(pemRepresentation text: String) throws {
        let pem = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        let kind: PEMKind
        if pem.contains("-----BEGIN RSA PRIVATE KEY-----") {
            kind = .pkcs1
        } else if pem.contains("-----BEGIN PRIVATE KEY-----") {
            kind = .pkcs8
        } else {
            throw LegacyCryptoError(.unsupportedPEMLabel)
        }
        do {
            self.key = try _RSA.Encryption.PrivateKey(pemRepresentation: pem)
        } catch {
            throw LegacyCryptoError(.invalidPrivateKey)
        }
        self.pemKind = kind
    }

    /// Decrypts `ciphertext` with RSAES-PKCS1-v1_5 (**weak, vendor-compatibility only**).
    public func decryptWithWeakPKCS1v15Padding(_ ciphertext: some DataProtocol) throws -> [UInt8] {
        do {
            let plain = try key.decrypt(ciphertext, padding: ._WEAK_AND_INSECURE_PKCS_V1_5)
            return Array(plain)
        } catch {
            throw LegacyCryptoError(.rsaDecryptionFailed)
        }
    }

    public var description: String { "RSAKeyDecryptor(\(pemKind.rawValue), \(keySizeInBits) bits)" }

    /// No children: `dump` must not walk into the key.
    public var customMirror: Mirror { Mirror(self, children: []) }
}
