/// Failures of the legacy (vendor-compatibility) primitives in `Legacy/`.
///
/// Messages name what was wrong (which input, which size) and never carry key material or plaintext.
public struct LegacyCryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The PEM text is not an RSA private key in PKCS#1 (`BEGIN RSA PRIVATE KEY`) or PKCS#8 (`BEGIN PRIVATE KEY`) form.
        case unsupportedPEMLabel
        /// The PEM has a supported label but the key inside could not be parsed (or is smaller than 2048 bits).
        case invalidPrivateKey
        /// RSA decryption failed (wrong key for this ciphertext, wrong length, or bad PKCS#1 v1.5 padding).
        case rsaDecryptionFailed
        /// An AES key of the wrong length was supplied.
        case invalidKeyLength(expected: Int, actual: Int)
        /// An IV of the wrong length was supplied.
        case invalidIVLength(expected: Int, actual: Int)
        /// Input to the no-padding CBC helper was not a whole number of 16-byte blocks.
        case notBlockAligned(length: Int)
        /// The AES operation itself failed.
        case aesFailed
    }

    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .unsupportedPEMLabel:
            "PEM is not an RSA private key (expected 'BEGIN RSA PRIVATE KEY' or 'BEGIN PRIVATE KEY')"
        case .invalidPrivateKey:
            "PEM has an RSA private key label but the key could not be parsed or is shorter than 2048 bits"
        case .rsaDecryptionFailed:
            "RSA PKCS#1 v1.5 decryption failed (wrong key, wrong ciphertext length, or bad padding)"
        case .invalidKeyLength(let expected, let actual):
            "AES key must be \(expected) bytes, got \(actual)"
        case .invalidIVLength(let expected, let actual):
            "AES-CBC IV must be \(expected) bytes, got \(actual)"
        case .notBlockAligned(let length):
            "AES-CBC without padding needs a multiple of 16 bytes, got \(length)"
        case .aesFailed:
            "AES-CBC operation failed"
        }
    }
}
