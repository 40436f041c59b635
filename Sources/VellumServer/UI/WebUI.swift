import HTTPTypes
import Foundation
import Hummingbird
import VellumApp
import VellumStore

/// The browser side: sign-in, first-administrator set-up, language, static files, and the
/// screens (each in its own file) registered through the same ``RouteBook`` as the API.
struct WebUI {
    let server: VellumHTTPServer

    /// The screens, in menu order. Each adds its routes; the menu shows those installed.
    var screens: [any UIScreen] {
        [
            DashboardScreen(server: server), SearchScreen(server: server), RecordScreen(server: server),
            AlertsScreen(server: server), UsageScreen(server: server), HoldsScreen(server: server),
            PrivacyScreen(server: server), ExportsScreen(server: server), AuditScreen(server: server),
            AccountsScreen(server: server), TokensScreen(server: server),
        ]
    }

    func install(_ book: RouteBook) {
        let renderer = PageRenderer(installed: Set(screens.map(\.menuPath)))
        book.uiFailure = { failure, request, context in
            if failure.status == .seeOther { return Response(status: .seeOther, headers: failure.headers) }
            return renderer.render(
                "failure", ["status": failure.status.code, "message": failure.message], title: "error.title",
                request: request, identity: context.identity, status: failure.status)
        }
        StaticFiles.install(book)
        book.open(.get, "/language/{code}") { request, context in
            let code = UIStrings.Language(rawValue: context.parameters.get("code") ?? "") ?? .en
            var response = Response(status: .seeOther, headers: [.location: Self.localPath(request.query("back"))])
            response.setCookie(Cookie(
                name: PageRenderer.languageCookie, value: code.rawValue, maxAge: 365 * 86_400, path: "/",
                secure: server.settings.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
        SignInRoutes(server: server, renderer: renderer).install(book)
        for screen in screens { screen.install(book, renderer: renderer) }
    }

    /// A path on this site to go back to: never another host (`//evil`, `https://…`).
    static func localPath(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\") else { return "/" }
        return raw
    }
}

/// One screen of the UI: its routes, and the path its menu item points to.
protocol UIScreen: Sendable {
    var menuPath: String { get }
    func install(_ book: RouteBook, renderer: PageRenderer)
}
