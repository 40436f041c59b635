import Crypto
import Foundation

/// Digests of a request body, as S3 wants them in headers.
enum S3Payload {
    static func sha256Hex(_ data: Data) -> String { SigV4Signer.hex(SHA256.hash(data: data)) }
    static func sha256Base64(_ data: Data) -> String { Data(SHA256.hash(data: data)).base64EncodedString() }
    /// `Content-MD5`: S3 requires it (or a checksum header) on Object Lock puts and some bucket calls.
    static func md5Base64(_ data: Data) -> String { Data(Insecure.MD5.hash(data: data)).base64EncodedString() }
}
