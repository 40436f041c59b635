internal import Crypto
public import Foundation

/// SHA-1 and MD5 for vendor protocols that mandate them (WeCom callback signatures use SHA-1; WeCom
/// media records carry an MD5 of the file). Both are broken for collision resistance: never use them
/// for anything we design ourselves.
public enum LegacyInsecureDigest {
    /// Lowercase hex SHA-1 of `bytes`.
    public static func sha1Hex(_ bytes: some DataProtocol) -> String {
        hex(Insecure.SHA1.hash(data: bytes))
    }

    /// Lowercase hex MD5 of `bytes`.
    public static func md5Hex(_ bytes: some DataProtocol) -> String {
        hex(Insecure.MD5.hash(data: bytes))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Incremental MD5 (insecure; vendor integrity checks only) for files that arrive in chunks.
public struct LegacyInsecureMD5Hasher: Sendable {
    private var hasher = Insecure.MD5()

    public init() {}

    public mutating func update(_ bytes: some DataProtocol) {
        hasher.update(data: bytes)
    }

    /// Lowercase hex digest of everything passed to `update` so far.
    public func finalizeHex() -> String {
        LegacyInsecureDigest.hex(hasher.finalize())
    }
}
