public import Hummingbird
public import NIOCore

/// What the server knows about a request besides the request itself: who made it.
public struct VellumContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware`` from a session cookie or a bearer token.
    public var identity: Identity?
    /// Set when the request came with a session cookie (for signing out).
    public var sessionToken: String?
    public let remoteAddress: SocketAddress?
    /// The fields of a URL-encoded form body, read once by ``AuthenticationMiddleware``.
    public var form: FormFields?
    /// The anti-forgery token a form sent.
    var formCSRF: String? { form?["csrf"] }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Webhook bodies and forms are small; exports are downloads, not uploads.
    public var maxUploadSize: Int { 4 * 1024 * 1024 }

    /// The client's address for rate limiting (`unknown` in in-process tests).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
