import Foundation
import HTTPTypes
import Hummingbird
import VellumApp
import VellumStore

/// `/tokens`: each person's own API tokens (administrators see everyone's, to revoke them).
/// A new token's secret is shown once, in the answer to the form, and never again.
struct TokensScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/tokens" }

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let accounts = server.accounts
        book.add(.get, "/tokens", .ui, nil) { request, _, identity in
            try await Self.page(accounts, renderer, request, identity, flash: ScreenKit.flash(request))
        }
        book.add(.post, "/tokens", .ui, nil) { request, context, identity in
            let form = ScreenKit.form(context)
            do {
                let raw = (form["expires_in_days"] ?? "").trimmingCharacters(in: .whitespaces)
                guard let days = raw.isEmpty ? 90 : Int(raw), (1 ... 366).contains(days) else {
                    throw HTTPFailure(.badRequest, "invalidInput", "expires_in_days: 1 to 366")
                }
                let (secret, token) = try await Offload.run {
                    try accounts.issueToken(name: form["name"] ?? "", for: identity, expiresInDays: days)
                }
                return try await Self.page(
                    accounts, renderer, request, identity, flash: nil, status: .created, created: (token.name, secret))
            } catch {
                let (flash, status) = try ScreenKit.failure(error)
                return try await Self.page(accounts, renderer, request, identity, flash: flash, status: status)
            }
        }
        book.add(.post, "/tokens/{id}/revoke", .ui, nil) { request, context, identity in
            let id = try context.parameters.require("id")
            do {
                try await Offload.run {
                    guard let token = try accounts.tokens().first(where: { $0.id == id }) else {
                        throw HTTPFailure(.notFound, "notFound", "no API token \(id)")
                    }
                    // Someone else's token is as absent as one that does not exist (administrators excepted).
                    guard token.createdBy == identity.accountID || identity.allows(.manageAccounts) else {
                        throw HTTPFailure(.notFound, "notFound", "no API token \(id)")
                    }
                    try accounts.revokeToken(id: id, actor: identity.actor)
                }
                return ScreenKit.redirect("/tokens", flash: "flash.token.revoked")
            } catch {
                let (flash, status) = try ScreenKit.failure(error)
                return try await Self.page(accounts, renderer, request, identity, flash: flash, status: status)
            }
        }
    }

    static func page(
        _ accounts: AccountService, _ renderer: PageRenderer, _ request: Request, _ identity: Identity,
        flash: ScreenKit.Flash?, status: HTTPResponse.Status = .ok, created: (name: String, secret: String)? = nil
    ) async throws -> Response {
        let all = identity.allows(.manageAccounts)
        let (tokens, owners) = try await Offload.run { () -> ([APIToken], [String: String]) in
            let tokens = try accounts.tokens().filter { all || $0.createdBy == identity.accountID }
            let owners = Dictionary(uniqueKeysWithValues: try accounts.accounts().map { ($0.id, $0.username) })
            return (tokens.sorted { $0.createdAt > $1.createdAt }, owners)
        }
        var data: [String: Any] = [
            "tokens": tokens.map { t -> [String: Any] in
                [
                    "id": t.id, "name": t.name, "role": t.role, "owner": owners[t.createdBy] ?? t.createdBy,
                    "created": Timestamps.string(t.createdAt), "expires": t.expiresAt.map(Timestamps.string) ?? "—",
                    "revoked": t.revokedAt != nil, "revokedAt": t.revokedAt.map(Timestamps.string) ?? "",
                ]
            },
            "empty": tokens.isEmpty, "all": all, "role": identity.role.rawValue,
        ]
        if let created { data["created"] = ["name": created.name, "secret": created.secret] }
        return renderer.render("tokens", data, title: "tokens.title", request: request, identity: identity, status: status, flash: flash)
    }
}

extension Templates {
    static let tokens = """
        <h1>{{t.tokens_title}}</h1>
        {{#created}}<section class="card secret" role="status">
          <h2>{{t.tokens_created}} “{{name}}”</h2>
          <p>{{t.tokens_once}}</p>
          <p><code class="token-secret">{{secret}}</code></p>
        </section>{{/created}}
        <section class="card">
          <p class="help">{{t.tokens_help}}</p>
          {{#empty}}<p class="muted">{{t.tokens_none}}</p>{{/empty}}
          {{^empty}}<table><thead><tr><th>{{t.tokens_name}}</th>{{#all}}<th>{{t.tokens_owner}}</th>{{/all}}<th>{{t.common_role}}</th><th>{{t.accounts_created}}</th><th>{{t.tokens_expires}}</th><th></th></tr></thead>
          <tbody>{{#tokens}}<tr{{#revoked}} class="muted"{{/revoked}}><td><b>{{name}}</b> <code>{{id}}</code></td>{{#all}}<td>{{owner}}</td>{{/all}}<td>{{role}}</td><td>{{created}}</td><td>{{expires}}</td>
            <td>{{#revoked}}{{t.tokens_revoked}} {{revokedAt}}{{/revoked}}{{^revoked}}<form method="post" action="/tokens/{{id}}/revoke"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger" data-confirm="{{t.tokens_revoke_confirm}}">{{t.tokens_revoke}}</button></form>{{/revoked}}</td></tr>{{/tokens}}</tbody></table>{{/empty}}
        </section>
        <section class="card narrow-form">
          <h2>{{t.tokens_new}}</h2>
          <form method="post" action="/tokens">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label>{{t.tokens_name}} <input name="name" required maxlength="80"></label>
            <label>{{t.tokens_days}} <input name="expires_in_days" type="number" min="1" max="366" value="90"></label>
            <p class="help">{{t.tokens_role_help}} <b>{{role}}</b></p>
            <button type="submit">{{t.tokens_create}}</button>
          </form>
        </section>
        """
}
