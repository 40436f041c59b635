import Foundation
import HTTPTypes
import Hummingbird
import VellumApp
import VellumStore

/// `/accounts` (administrators): staff accounts, creating one, disabling and enabling.
struct AccountsScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/accounts" }

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let accounts = server.accounts
        book.add(.get, "/accounts", .ui, .manageAccounts) { request, _, identity in
            try await Self.page(accounts, renderer, request, identity, flash: ScreenKit.flash(request))
        }
        book.add(.post, "/accounts", .ui, .manageAccounts) { request, context, identity in
            let form = ScreenKit.form(context)
            do {
                guard let role = StaffRole(rawValue: form["role"] ?? "") else {
                    throw HTTPFailure(.badRequest, "invalidInput", "role: one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                try await accounts.createAccount(
                    username: form["username"] ?? "", role: role, password: form["password"] ?? "", actor: identity.actor)
                return ScreenKit.redirect("/accounts", flash: "flash.account.created")
            } catch {
                let (flash, status) = try ScreenKit.failure(error)
                return try await Self.page(accounts, renderer, request, identity, flash: flash, status: status, form: form)
            }
        }
        for (path, disable) in [("disable", true), ("enable", false)] {
            book.add(.post, "/accounts/{username}/\(path)", .ui, .manageAccounts) { request, context, identity in
                let username = try context.parameters.require("username")
                do {
                    if disable, username.lowercased() == identity.username {
                        throw HTTPFailure(.conflict, "refused", "you cannot disable your own account")
                    }
                    try await Offload.run { try accounts.setDisabled(username: username, disable, actor: identity.actor) }
                    return ScreenKit.redirect("/accounts", flash: "flash.account.\(path)d")
                } catch {
                    let (flash, status) = try ScreenKit.failure(error)
                    return try await Self.page(accounts, renderer, request, identity, flash: flash, status: status)
                }
            }
        }
    }

    static func page(
        _ accounts: AccountService, _ renderer: PageRenderer, _ request: Request, _ identity: Identity,
        flash: ScreenKit.Flash?, status: HTTPResponse.Status = .ok, form: FormFields = FormFields("")
    ) async throws -> Response {
        let list = try await Offload.run { try accounts.accounts() }.sorted { $0.username < $1.username }
        let data: [String: Any] = [
            "accounts": list.map { a -> [String: Any] in
                [
                    "username": a.username, "role": a.role, "created": Timestamps.string(a.createdAt), "disabled": a.disabled,
                    "self": a.username == identity.username,
                ]
            },
            "roles": StaffRole.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == form["role"]] },
            "username": form["username"] ?? "",
        ]
        return renderer.render("accounts", data, title: "accounts.title", request: request, identity: identity, status: status, flash: flash)
    }
}

extension Templates {
    static let accounts = """
        <h1>{{t.accounts_title}}</h1>
        <section class="card">
          <table><thead><tr><th>{{t.login_username}}</th><th>{{t.common_role}}</th><th>{{t.accounts_created}}</th><th>{{t.accounts_state}}</th><th></th></tr></thead>
          <tbody>{{#accounts}}<tr{{#disabled}} class="muted"{{/disabled}}><td><b>{{username}}</b></td><td><span class="tag">{{role}}</span></td><td>{{created}}</td>
            <td>{{#disabled}}{{t.accounts_disabled}}{{/disabled}}{{^disabled}}{{t.accounts_enabled}}{{/disabled}}</td>
            <td>{{^self}}{{#disabled}}<form method="post" action="/accounts/{{username}}/enable"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary">{{t.accounts_enable}}</button></form>{{/disabled}}
              {{^disabled}}<form method="post" action="/accounts/{{username}}/disable"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="danger" data-confirm="{{t.accounts_disable_confirm}}">{{t.accounts_disable}}</button></form>{{/disabled}}{{/self}}</td></tr>{{/accounts}}</tbody></table>
        </section>
        <section class="card narrow-form">
          <h2>{{t.accounts_create}}</h2>
          <form method="post" action="/accounts">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label>{{t.login_username}} <input name="username" required autocomplete="off" value="{{username}}"></label>
            <label>{{t.common_role}} <select name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/roles}}</select></label>
            <label>{{t.login_password}} <input name="password" type="password" required minlength="12" autocomplete="new-password"></label>
            <p class="help">{{t.setup_password_help}} {{t.accounts_roles_help}}</p>
            <button type="submit">{{t.accounts_create}}</button>
          </form>
        </section>
        """
}
