import NIOCore
import NIOFoundationCompat
import HTTPTypes
public import Hummingbird
import Foundation
import Logging

/// Registers every route through one door, so each is listed (for the role matrix and the
/// OpenAPI check) and guarded the same way: sign-in, role, anti-forgery token.
public final class RouteBook: @unchecked Sendable {
    public typealias Handler = @Sendable (Request, VellumContext, Identity) async throws -> Response
    public typealias OpenHandler = @Sendable (Request, VellumContext) async throws -> Response

    let router: Router<VellumContext>
    /// Every route registered so far, in order. Filled while the server is assembled, read after.
    public private(set) var endpoints: [Endpoint] = []
    /// How refusals and failures of UI routes are shown (set by the UI module).
    var uiFailure: @Sendable (HTTPFailure, Request, VellumContext) -> Response = { f, _, _ in
        Response(status: f.status, headers: f.headers, body: .init(byteBuffer: ByteBuffer(string: f.message)))
    }

    init(router: Router<VellumContext>) { self.router = router }

    /// A route that needs a signed-in caller with `permission` (any signed-in caller when nil).
    func add(
        _ method: HTTPRequest.Method, _ path: String, _ audience: Endpoint.Audience, _ permission: Permission?,
        _ handler: @escaping Handler
    ) {
        precondition(audience == .api || audience == .ui, "guarded routes are API or UI routes")
        let endpoint = Endpoint(method: method, path: path, audience: audience, permission: permission)
        endpoints.append(endpoint)
        let failure = uiFailure
        router.on(RouterPath(path), method: method) { request, context in
            do {
                let identity = try Self.authorize(endpoint, request, context)
                return try await handler(request, context, identity)
            } catch {
                let f = HTTPFailure.from(error)
                if f.status == .internalServerError { context.logger.error("\(endpoint): \(error)") }
                return audience == .api ? Self.jsonFailure(f) : failure(f, request, context)
            }
        }
    }

    /// A route open to anyone (health, sign-in, documents) or checked by its own means (webhooks).
    func open(_ method: HTTPRequest.Method, _ path: String, _ audience: Endpoint.Audience = .open, _ handler: @escaping OpenHandler) {
        endpoints.append(Endpoint(method: method, path: path, audience: audience, permission: nil))
        router.on(RouterPath(path), method: method) { request, context in
            do { return try await handler(request, context) } catch {
                let f = HTTPFailure.from(error)
                if f.status == .internalServerError { context.logger.error("\(method) \(path): \(error)") }
                return Self.jsonFailure(f)
            }
        }
    }

    /// Sign-in, then role, then (for changes made with a browser session) the CSRF token.
    static func authorize(_ endpoint: Endpoint, _ request: Request, _ context: VellumContext) throws -> Identity {
        guard let identity = context.identity else {
            if endpoint.audience == .ui {
                let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                throw HTTPFailure(.seeOther, "unauthenticated", "sign in first", headers: [.location: "/login?next=\(next)"])
            }
            throw HTTPFailure.unauthenticated
        }
        if let p = endpoint.permission, !identity.allows(p) { throw HTTPFailure.forbidden(p) }
        if endpoint.isUnsafe, let expected = identity.csrfToken {
            // Forms send it as a field (checked by the form decoder); API calls from the page as a header.
            let sent = request.headers[.csrfToken] ?? context.formCSRF
            guard let sent, SecretToken.constantTimeEqual(sent, expected) else { throw HTTPFailure.csrf }
        }
        return identity
    }

    static func jsonFailure(_ f: HTTPFailure) -> Response {
        var headers = f.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: f.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: f.json)))
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}
