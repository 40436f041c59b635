import Crypto
public import Foundation

/// AWS Signature Version 4 for requests signed in the `Authorization` header.
///
/// Written small because no AWS SDK is available; tested against AWS's published examples.
/// The caller gives the path already split by `/` (each segment is encoded here, once, as S3 wants),
/// the query as unencoded pairs, the headers to sign, and the payload's SHA-256 in hex (or
/// `UNSIGNED-PAYLOAD`).
public struct SigV4Signer: Sendable {
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    public static let emptyPayloadSHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    public var credentials: S3Credentials
    public var region: String
    public var service: String

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// What signing produced, with the intermediate strings for tests and diagnostics (no secret in them).
    public struct Signed: Sendable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var signedHeaders: String
        public var authorization: String
    }

    /// Signs a request. `headers` must already contain `host`, `x-amz-date` and (for S3)
    /// `x-amz-content-sha256`; names are lower-cased and values trimmed here.
    public func sign(
        method: String, path: String, query: [(String, String)], headers: [(String, String)], payloadHash: String,
        date: Date
    ) -> Signed {
        let (amzDate, day) = Self.timestamps(date)
        var canonicalHeaders: [String: String] = [:]
        for (name, value) in headers {
            let n = name.lowercased()
            let v = Self.trimmed(value)
            canonicalHeaders[n] = canonicalHeaders[n].map { "\($0),\(v)" } ?? v
        }
        let names = canonicalHeaders.keys.sorted()
        let signedHeaders = names.joined(separator: ";")
        let canonicalRequest = [
            method,
            S3URIEncoding.encode(path.isEmpty ? "/" : path, keepSlash: true),
            S3URIEncoding.canonicalQuery(query),
            names.map { "\($0):\(canonicalHeaders[$0]!)\n" }.joined(),
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope, Self.hex(SHA256.hash(data: Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(day: day)))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signed(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            signedHeaders: signedHeaders, authorization: authorization)
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request").
    func signingKey(day: String) -> SymmetricKey {
        var key = credentials.seed
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }

    /// `20130524T000000Z` and `20130524`, in UTC.
    static func timestamps(_ date: Date) -> (String, String) {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        func p(_ v: Int?, _ w: Int) -> String {
            let s = String(v ?? 0)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        let day = p(c.year, 4) + p(c.month, 2) + p(c.day, 2)
        return (day + "T" + p(c.hour, 2) + p(c.minute, 2) + p(c.second, 2) + "Z", day)
    }

    /// Trims the ends and collapses inner runs of spaces to one, as the canonical form requires.
    static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        bytes.map { b in
            let s = String(b, radix: 16)
            return b < 16 ? "0" + s : s
        }.joined()
    }
}
