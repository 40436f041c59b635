internal import VellumCrypto
public import Foundation
public import VellumCore

/// The secret token of a Telegram bot webhook (`setWebhook(url, secret_token: …)`).
///
/// Telegram signs nothing: it sends the token back on every POST in the
/// `X-Telegram-Bot-Api-Secret-Token` header, and a request without the right one did not come from
/// Telegram. The token is 1–256 characters of `A–Z a–z 0–9 _ -`. Compared in constant time over
/// SHA-256 digests, so neither the matching prefix nor the token's length shows in the timing.
public struct TelegramWebhookSecret: Sendable, CustomStringConvertible, CustomReflectable {
    public static let headerName = "X-Telegram-Bot-Api-Secret-Token"
    /// The token's digest; the token itself is not kept.
    private let digest: Data

    /// Validates the configured token's form.
    ///
    /// - Throws: `VellumError` `.configuration` naming what is wrong (never the token).
    public init(_ token: String) throws(VellumError) {
        guard Self.isWellFormed(token) else {
            throw VellumError(
                .configuration, "a Telegram secret token must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -")
        }
        digest = Digest.sha256(Data(token.utf8))
    }

    /// Whether `token` has the form Telegram accepts in `setWebhook`.
    public static func isWellFormed(_ token: String) -> Bool {
        (1 ... 256).contains(token.utf8.count) && token.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
                UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default: false
            }
        }
    }

    /// Checks the header a POST came with.
    ///
    /// - Throws: `VellumError` `.refused` when the header is missing or empty, `.wrongKey` when it
    ///   does not match. Reasons never contain the token or the header's value.
    public func verify(header: String?) throws(VellumError) {
        guard let header, !header.isEmpty else {
            throw VellumError(.refused, "missing \(Self.headerName) header: the POST did not come from Telegram")
        }
        guard ConstantTime.equal(Digest.sha256(Data(header.utf8)), digest) else {
            throw VellumError(.wrongKey, "\(Self.headerName) does not match the configured secret token")
        }
    }

    /// Shows nothing of the token.
    public var description: String { "TelegramWebhookSecret(…)" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
