internal import VellumCrypto
public import Foundation
public import VellumCore

/// Verifies Meta's `X-Hub-Signature-256` header on Cloud API webhook POSTs and the SHA-256 of
/// downloaded media. Every crypto call of the WhatsApp capture lives in this file.
///
/// The header is `sha256=` and 64 hex digits: HMAC-SHA256 keyed with the **app secret** over the
/// **exact body bytes** received. Never re-serialize the JSON before verifying: Meta signs the
/// escaped form (`\u00e4`, surrogate pairs for emoji) that it sends.
public enum WhatsAppSignature {
    public static let headerName = "X-Hub-Signature-256"
    static let prefix = "sha256="

    /// Checks the header against the body under one app secret.
    ///
    /// - Throws: `VellumError` `.refused` when the header is missing, `.invalidInput` when it is
    ///   not `sha256=` + 64 hex digits, `.wrongKey` when the signature does not match (the body
    ///   was altered, or another app's secret signed it). Reasons never contain the body or secret.
    public static func verify(body: Data, header: String?, appSecret: Data) throws(VellumError) {
        let expected = try parse(header)
        guard matches(expected, body: body, appSecret: appSecret) else {
            throw VellumError(.wrongKey, "\(headerName) does not match the body under the configured app secret")
        }
    }

    /// Checks the header under several app secrets (several apps subscribed to one business
    /// account sign with their own secret). Returns the index of the secret that matched.
    @discardableResult
    public static func verify(body: Data, header: String?, appSecrets: [Data]) throws(VellumError) -> Int {
        let expected = try parse(header)
        guard !appSecrets.isEmpty else { throw VellumError(.configuration, "no app secret is configured") }
        var found: Int?
        for (i, secret) in appSecrets.enumerated() where matches(expected, body: body, appSecret: secret) {
            if found == nil { found = i }
        }
        guard let found else {
            throw VellumError(.wrongKey, "\(headerName) does not match the body under any configured app secret")
        }
        return found
    }

    /// The header value Meta would send for this body (for tests and replay tools).
    public static func header(body: Data, appSecret: Data) -> String {
        prefix + MessageAuthentication.hmacSHA256(key: appSecret, body).hexString
    }

    /// The 32 signature bytes from a header value, or a clear error.
    static func parse(_ header: String?) throws(VellumError) -> Data {
        guard let raw = header else {
            throw VellumError(.refused, "missing \(headerName) header: the POST is unsigned")
        }
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else {
            throw VellumError(.refused, "empty \(headerName) header: the POST is unsigned")
        }
        guard value.lowercased().hasPrefix(prefix) else {
            throw VellumError(.invalidInput, "\(headerName) must start with `sha256=` (a `sha1=` value belongs in the legacy X-Hub-Signature header)")
        }
        let hex = String(value.dropFirst(prefix.count))
        guard hex.utf8.count == 64, let bytes = Data(hexString: hex) else {
            throw VellumError(.invalidInput, "\(headerName) must be `sha256=` followed by 64 hexadecimal digits")
        }
        return bytes
    }

    static func matches(_ expected: Data, body: Data, appSecret: Data) -> Bool {
        let mac = MessageAuthentication.hmacSHA256(key: appSecret, body)
        return constantTimeEqual(mac, expected)
    }

    /// Compares without an early exit, so timing does not reveal how many leading bytes matched.
    public static func constantTimeEqual(_ a: some DataProtocol, _ b: some DataProtocol) -> Bool {
        ConstantTime.equal(a, b)
    }

    // MARK: Media

    /// The lowercase hex SHA-256 of `content`.
    public static func sha256Hex(_ content: Data) -> String {
        Digest.sha256(content).hexString
    }

    /// Whether `content` has the SHA-256 the Cloud API vouched for. `sha256` may be hex (64 digits,
    /// as `WhatsAppMediaReference` stores it in `MediaReference.digests`) or base64 (as webhook
    /// media objects carry it). False for a malformed digest.
    public static func verify(content: Data, sha256: String) -> Bool {
        guard let expected = WhatsAppMediaReference.sha256Bytes(sha256) else { return false }
        return constantTimeEqual(Digest.sha256(content), expected)
    }
}
