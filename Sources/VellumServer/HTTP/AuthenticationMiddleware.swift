import NIOFoundationCompat
import Foundation
public import Hummingbird

/// Finds out who is calling: a bearer token (API clients) or the session cookie (browsers).
/// It never refuses a request itself; ``RouteBook`` does, per route. It also reads a form body
/// once, so the anti-forgery token can be checked before the handler runs.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = VellumContext
    let accounts: AccountService

    public func handle(
        _ request: Request, context: VellumContext, next: (Request, VellumContext) async throws -> Response
    ) async throws -> Response {
        var request = request
        var context = context
        // A page of another site may not make a signed-in browser post here (sign-in included).
        if request.method != .get, request.method != .head, !request.uri.path.hasPrefix("/webhooks/"),
            let origin = request.headers[.origin], !Self.sameOrigin(origin, host: request.head.authority)
        {
            return RouteBook.jsonFailure(HTTPFailure(.forbidden, "origin", "cross-site requests are refused"))
        }
        if let header = request.headers[.authorization] {
            // An API client: a bad token is a 401 whatever the route, never a fallback to a cookie.
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                return RouteBook.jsonFailure(HTTPFailure.unauthenticated)
            }
            let secret = String(parts[1]).trimmingCharacters(in: .whitespaces)
            guard let identity = try await Offload.run({ [accounts] in try accounts.identity(bearer: secret) }) else {
                return RouteBook.jsonFailure(HTTPFailure.unauthenticated)
            }
            context.identity = identity
        } else if let token = request.cookies[SessionCookie.name]?.value, !token.isEmpty {
            context.identity = try await Offload.run { [accounts] in try accounts.identity(sessionToken: token) }
            context.sessionToken = context.identity == nil ? nil : token
        }
        if request.method == .post, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            context.form = FormFields(String(buffer: body))
        }
        return try await next(request, context)
    }
}

extension AuthenticationMiddleware {
    /// Whether an `Origin` header names this server (`null` and other hosts do not).
    static func sameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let url = URL(string: origin), let h = url.host else { return false }
        let port = url.port.map { ":\($0)" } ?? ""
        return (h + port).lowercased() == host.lowercased()
    }
}

/// The session cookie: HttpOnly (no script reads it), Secure, SameSite=Strict (no other site's
/// page can send it), whole-site path, no domain.
public enum SessionCookie {
    public static let name = "vellum_session"

    static func set(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: token, maxAge: Int(AccountService.sessionLifetime / 1000), path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func clear(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
