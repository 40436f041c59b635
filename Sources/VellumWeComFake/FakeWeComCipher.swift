import Foundation
// The encrypt side of the fake SDK's test cipher.

/// The fake SDK's documented test cipher, encrypt direction (Sources/FakeWeComSDK/README.md).
public enum FakeWeComCipher {
    public static func encrypt(_ plaintext: [UInt8], key: [UInt8]) -> String {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
        var checksum: UInt32 = 0x811c_9dc5
        for byte in plaintext {
            checksum ^= UInt32(byte)
            checksum = checksum &* 0x0100_0193
        }
        var body = plaintext
        body += [UInt8(checksum >> 24), UInt8((checksum >> 16) & 0xff), UInt8((checksum >> 8) & 0xff), UInt8(checksum & 0xff)]
        for i in body.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            body[i] ^= UInt8(truncatingIfNeeded: state >> 56)
        }
        return Data(Array("VFK1".utf8) + body).base64EncodedString()
    }

    /// The fake's media file name for an sdkfileid: FNV-1a-64, 16 lowercase hex digits.
    public static func mediaFileName(forFileID fileID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fileID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

