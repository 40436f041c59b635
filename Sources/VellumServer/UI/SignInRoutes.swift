import HTTPTypes
import Foundation
import Hummingbird
import VellumApp
import VellumCore
import VellumStore

/// `/login`, `/logout` and `/setup` (the first administrator, from the one-time link).
struct SignInRoutes {
    let server: VellumHTTPServer
    let renderer: PageRenderer

    func install(_ book: RouteBook) {
        let accounts = server.accounts, throttle = server.throttle, secure = server.settings.secureCookies
        let renderer = self.renderer
        book.open(.get, "/login") { request, context in
            if context.identity != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
            return renderer.render(
                "login", ["next": WebUI.localPath(request.query("next"))], title: "login.title", request: request, identity: nil)
        }
        book.open(.post, "/login") { request, context in
            let form = context.form ?? FormFields("")
            let username = (form["username"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            let next = WebUI.localPath(form["next"])
            let t = PageRenderer.words(PageRenderer.language(request))
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            if let wait = throttle.retryAfter(username: username, address: context.clientAddress, now: now) {
                var response = renderer.render(
                    "login", ["next": next, "username": username, "error": t["login_throttled"] ?? ""], title: "login.title",
                    request: request, identity: nil, status: .tooManyRequests)
                response.headers[.retryAfter] = String(wait)
                return response
            }
            guard let account = try await accounts.authenticate(username: username, password: form["password"] ?? "") else {
                throttle.failed(username: username, address: context.clientAddress, now: now)
                return renderer.render(
                    "login", ["next": next, "username": username, "error": t["login_failed"] ?? ""], title: "login.title",
                    request: request, identity: nil, status: .unauthorized)
            }
            throttle.succeeded(username: username)
            let (token, _) = try await Offload.run { try accounts.startSession(for: account) }
            var response = Response(status: .seeOther, headers: [.location: next])
            response.setCookie(SessionCookie.set(token, secure: secure))
            return response
        }
        book.add(.post, "/logout", .ui, nil) { _, context, identity in
            if let token = context.sessionToken {
                try await Offload.run { try accounts.endSession(token: token, actor: identity.actor, username: identity.username) }
            }
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(SessionCookie.clear(secure: secure))
            return response
        }
        let setup = server.setup
        book.open(.get, "/setup") { request, _ in
            let token = request.query("token") ?? ""
            let valid = setup.matches(token)
            let t = PageRenderer.words(PageRenderer.language(request))
            return renderer.render(
                "setup", ["token": token, "valid": valid, "error": valid ? "" : t["setup_invalid"] ?? ""],
                title: "setup.title", request: request, identity: nil, status: valid ? .ok : .forbidden)
        }
        book.open(.post, "/setup") { request, context in
            let form = context.form ?? FormFields("")
            let token = form["token"] ?? ""
            let t = PageRenderer.words(PageRenderer.language(request))
            guard setup.matches(token) else {
                return renderer.render(
                    "setup", ["valid": false, "error": t["setup_invalid"] ?? ""], title: "setup.title", request: request,
                    identity: nil, status: .forbidden)
            }
            let username = form["username"] ?? ""
            do {
                try PasswordPolicy.check(form["password"] ?? "", username: username)
                _ = try Username.normalized(username)
            } catch let e as VellumError {
                return renderer.render(
                    "setup", ["valid": true, "token": token, "username": username, "error": e.reason], title: "setup.title",
                    request: request, identity: nil, status: .badRequest)
            }
            // Spend the token before the slow hash, so two racing submissions cannot both win.
            guard setup.spend(token) else {
                return renderer.render(
                    "setup", ["valid": false, "error": t["setup_invalid"] ?? ""], title: "setup.title", request: request,
                    identity: nil, status: .forbidden)
            }
            let account = try await accounts.createAccount(
                username: username, role: .admin, password: form["password"] ?? "", actor: "setup")
            let (session, _) = try await Offload.run { try accounts.startSession(for: account) }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(SessionCookie.set(session, secure: secure))
            return response
        }
    }
}
