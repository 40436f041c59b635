import NIOCore
import HTTPTypes
import Foundation
import Hummingbird
import Mustache

/// Renders a page into the frame: the navigation the caller's role may use, the language, the
/// anti-forgery token for forms.
struct PageRenderer: Sendable {
    struct NavItem {
        var key: String
        var href: String
        /// Shown when the role has any of these (always when empty).
        var needs: [Permission]
    }

    static let nav: [NavItem] = [
        NavItem(key: "nav.dashboard", href: "/", needs: []),
        NavItem(key: "nav.search", href: "/search", needs: [.readRecords]),
        NavItem(key: "nav.alerts", href: "/alerts", needs: [.viewAlerts]),
        NavItem(key: "nav.usage", href: "/usage", needs: [.viewUsage]),
        NavItem(key: "nav.holds", href: "/holds", needs: [.viewHolds]),
        NavItem(key: "nav.privacy", href: "/privacy", needs: [.viewPrivacy]),
        NavItem(key: "nav.exports", href: "/exports", needs: [.exportRecords]),
        NavItem(key: "nav.audit", href: "/audit", needs: [.viewAudit, .verifyLedger]),
        NavItem(key: "nav.accounts", href: "/accounts", needs: [.manageAccounts]),
        NavItem(key: "nav.tokens", href: "/tokens", needs: []),
    ]

    /// Only the items whose route is installed appear (screens land one at a time).
    let installed: Set<String>

    static func language(_ request: Request) -> UIStrings.Language {
        if let c = request.cookies[languageCookie]?.value, let l = UIStrings.Language(rawValue: c) { return l }
        let accept = request.headers[.acceptLanguage]?.lowercased() ?? ""
        return accept.hasPrefix("zh") ? .zh : .en
    }

    static let languageCookie = "vellum_lang"

    /// The words for templates: `{{t.nav_search}}`.
    static func words(_ language: UIStrings.Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: UIStrings.table(language).map { ($0.key.replacingOccurrences(of: ".", with: "_"), $0.value) })
    }

    func render(
        _ template: String, _ data: [String: Any], title: String, request: Request, identity: Identity?,
        status: HTTPResponse.Status = .ok, flash: (kind: String, text: String)? = nil
    ) -> Response {
        let language = Self.language(request)
        let t = Self.words(language)
        var pageData = data
        pageData["t"] = t
        if let identity {
            // Forms post the anti-forgery token; templates show actions the role may take.
            pageData["csrf"] = identity.csrfToken ?? ""
            pageData["can"] = Dictionary(uniqueKeysWithValues: identity.role.permissions.map { ($0.rawValue, true) })
        }
        let content = Templates.library.render(pageData, withTemplate: template) ?? ""
        var frame: [String: Any] = [
            "t": t, "lang": language.rawValue, "title": t[title.replacingOccurrences(of: ".", with: "_")] ?? title,
            "content": content, "otherLanguage": language == .en ? "zh" : "en",
            "back": request.uri.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/",
        ]
        if let flash { frame["flash"] = ["kind": flash.kind, "text": flash.text] }
        if let identity {
            let path = request.uri.path
            frame["identity"] = [
                "username": identity.username, "role": identity.role.rawValue, "csrf": identity.csrfToken ?? "",
                "nav": Self.nav.filter { item in
                    installed.contains(item.href) && (item.needs.isEmpty || item.needs.contains(where: identity.allows))
                }.map { item -> [String: Any] in
                    let current = item.href == "/" ? path == "/" : path.hasPrefix(item.href)
                    return ["href": item.href, "label": t[item.key.replacingOccurrences(of: ".", with: "_")] ?? item.key, "current": current]
                },
            ] as [String: Any]
        }
        let html = Templates.library.render(frame, withTemplate: "layout") ?? ""
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
