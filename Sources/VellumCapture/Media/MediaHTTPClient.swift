public import Foundation

/// One HTTP GET a media fetch needs. Built by ``WhatsAppMediaFetch`` and ``TelegramFileFetch``;
/// sent by whatever implements ``MediaHTTPClient`` (AsyncHTTPClient in `VellumMediaFetch`, a
/// fake in tests).
public struct MediaHTTPRequest: Sendable, Hashable {
    public var url: String
    /// Header name and value, in order. May hold a bearer token: never log them.
    public var headers: [MediaHTTPHeader]
    /// A body larger than this is abandoned (``MediaFetchError/Code/tooLarge``).
    public var maxBytes: Int
    public var timeout: Duration

    public init(url: String, headers: [MediaHTTPHeader] = [], maxBytes: Int, timeout: Duration) {
        self.url = url
        self.headers = headers
        self.maxBytes = maxBytes
        self.timeout = timeout
    }
}

public struct MediaHTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// What came back: the status and the whole body (bounded by the request's `maxBytes`).
public struct MediaHTTPResponse: Sendable, Hashable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// The network seam of media capture, owned here so the fetch logic is tested without a network
/// stack. Implementations throw ``MediaFetchError`` (`.timeout`, `.tooLarge`, `.transport`) and
/// must not put header values in their errors.
public protocol MediaHTTPClient: Sendable {
    func get(_ request: MediaHTTPRequest) async throws -> MediaHTTPResponse
}
