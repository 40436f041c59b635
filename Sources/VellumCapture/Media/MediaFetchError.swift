public import Foundation

/// Why a media download failed, and whether trying again later can help.
///
/// Reasons never hold a token: ``MediaSecrets/redact(_:)`` is applied to every reason built from
/// outside text (URLs, transport errors), and the Telegram token that sits in URL paths is replaced.
public struct MediaFetchError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        /// Whether a later attempt may succeed (network trouble, 5xx, 429) or not (404, bad digest).
        public let isRetryable: Bool
        init(_ name: String, retryable: Bool) {
            self.name = name
            self.isRetryable = retryable
        }
        public var description: String { name }

        /// 5xx, 429 or 408: the server may answer later.
        public static let serverBusy = Code("server_busy", retryable: true)
        public static let timeout = Code("timeout", retryable: true)
        /// Connection refused or reset, DNS, TLS.
        public static let transport = Code("transport", retryable: true)
        /// Another 4xx: expired media id, wrong token, unknown file. Trying again gives the same.
        public static let rejected = Code("rejected", retryable: false)
        /// The body was larger than the configured cap.
        public static let tooLarge = Code("too_large", retryable: false)
        /// The bytes do not have the digest or size the source vouched for.
        public static let integrity = Code("integrity", retryable: false)
        /// The metadata answer could not be read.
        public static let badResponse = Code("bad_response", retryable: false)
        /// No credentials are configured for this channel or account.
        public static let notConfigured = Code("not_configured", retryable: true)
    }

    public var code: Code
    public var reason: String
    /// The HTTP status, when there was one.
    public var status: Int?
    public var fileID: String
    public var line: Int

    public init(_ code: Code, _ reason: String, status: Int? = nil, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.status = status
        self.fileID = fileID
        self.line = line
    }

    public var description: String { "\(code.name): \(reason)" }

    /// The classification of an HTTP status that is not 2xx.
    public static func forStatus(_ status: Int, step: String) -> MediaFetchError {
        let retryable = status >= 500 || status == 429 || status == 408
        return MediaFetchError(
            retryable ? .serverBusy : .rejected,
            "\(step): HTTP \(status)" + (status == 404 ? " (the media is gone or its id expired)" : ""), status: status)
    }
}
