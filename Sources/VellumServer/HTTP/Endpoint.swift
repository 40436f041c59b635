public import HTTPTypes

/// One route of the server as the role matrix, the OpenAPI check and the router all see it.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Audience: String, Sendable, Hashable {
        /// No sign-in: health, the OpenAPI document, the sign-in page, static files.
        case open
        /// JSON under /api/v1: bearer token (or a browser session with the CSRF header).
        case api
        /// Server-rendered pages: a browser session; forms carry the CSRF token.
        case ui
        /// Channel webhooks: checked by the channel's own signature or secret.
        case webhook
    }

    public var method: HTTPRequest.Method
    /// Hummingbird's form: `/api/v1/records/{id}`.
    public var path: String
    public var audience: Audience
    /// What the caller must be allowed to do (nil for open and webhook routes, and for pages
    /// every signed-in role may see).
    public var permission: Permission?

    public var description: String { "\(method.rawValue) \(path)" }

    /// Whether a request with this method changes something (and so needs the CSRF check).
    public var isUnsafe: Bool { ![.get, .head, .options].contains(method) }
}
