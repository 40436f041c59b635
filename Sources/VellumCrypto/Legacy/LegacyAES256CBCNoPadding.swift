internal import Crypto
internal import _CryptoExtras
internal import Foundation

/// AES-256-CBC **without any padding**: the caller pads and unpads.
///
/// Exists for vendor protocols whose padding the standard 16-byte PKCS#7 unpadder rejects (WeCom's
/// WXBizMsgCrypt pads to 32-byte blocks, pad byte 1…32). CBC without a MAC is malleable: callers must
/// authenticate the ciphertext first (WXBizMsgCrypt checks a SHA-1 signature before decrypting).
public enum LegacyAES256CBCNoPadding {
    public static let keyByteCount = 32
    public static let ivByteCount = 16
    public static let blockByteCount = 16

    /// Encrypts `plaintext`, which must already be a whole number of 16-byte blocks.
    public static func encrypt(_ plaintext: [UInt8], key: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        let (symmetricKey, cbcIV) = try prepare(count: plaintext.count, key: key, iv: iv)
        do {
            return Array(try AES._CBC.encrypt(plaintext, using: symmetricKey, iv: cbcIV, noPadding: true))
        } catch {
            throw LegacyCryptoError(.aesFailed)
        }
    }

    /// Decrypts `ciphertext` (a whole number of 16-byte blocks) and returns the still-padded plaintext.
    public static func decrypt(_ ciphertext: [UInt8], key: [UInt8], iv: [UInt8]) throws -> [UInt8] {
        let (symmetricKey, cbcIV) = try prepare(count: ciphertext.count, key: key, iv: iv)
        do {
            return Array(try AES._CBC.decrypt(ciphertext, using: symmetricKey, iv: cbcIV, noPadding: true))
        } catch {
            throw LegacyCryptoError(.aesFailed)
        }
    }

    private static func prepare(count: Int, key: [UInt8], iv: [UInt8]) throws -> (SymmetricKey, AES._CBC.IV) {
        guard key.count == keyByteCount else {
            throw LegacyCryptoError(.invalidKeyLength(expected: keyByteCount, actual: key.count))
        }
        guard iv.count == ivByteCount else {
            throw LegacyCryptoError(.invalidIVLength(expected: ivByteCount, actual: iv.count))
        }
        guard count > 0, count % blockByteCount == 0 else {
            throw LegacyCryptoError(.notBlockAligned(length: count))
        }
        let cbcIV: AES._CBC.IV
        do { cbcIV = try AES._CBC.IV(ivBytes: iv) } catch {
            throw LegacyCryptoError(.invalidIVLength(expected: ivByteCount, actual: iv.count))
        }
        return (SymmetricKey(data: key), cbcIV)
    }
}
