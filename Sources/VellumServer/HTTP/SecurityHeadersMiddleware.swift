import HTTPTypes
public import Hummingbird

/// Headers on every response: a strict Content-Security-Policy (our own styles, scripts and
/// images only, no framing, forms post only to us), no MIME sniffing, no referrer to other sites
/// (`same-origin`: with `no-referrer` browsers send `Origin: null` on our own forms, which the
/// origin check must refuse), and no caching
/// of anything that may hold archive content.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = VellumContext

    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    public func handle(
        _ request: Request, context: VellumContext, next: (Request, VellumContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        response.headers[.xFrameOptions] = "DENY"
        if !request.uri.path.hasPrefix("/static/") { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
