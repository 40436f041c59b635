import Foundation
import HTTPTypes
import Hummingbird
import VellumApp
import VellumCore
import VellumPolicy

/// `/holds`: the legal holds (active first), and for Legal the forms to create and release one.
struct HoldsScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/holds" }

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let archive = server.archive
        book.add(.get, "/holds", .ui, .viewHolds) { request, _, identity in
            try await Self.page(archive, renderer, request, identity, flash: ScreenKit.flash(request))
        }
        book.add(.post, "/holds", .ui, .manageHolds) { request, context, identity in
            let form = ScreenKit.form(context)
            do {
                guard let kind = HoldKind(rawValue: form["kind"] ?? "litigation") else {
                    throw HTTPFailure(.badRequest, "invalidInput", "kind: one of \(HoldKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let body = GovernanceAPI.NewHold(
                    matter: try form.required("matter"), reason: try form.required("reason"), kind: kind.rawValue,
                    custodians: ScreenKit.list(form["custodians"]), parties: ScreenKit.list(form["parties"]),
                    conversations: ScreenKit.list(form["conversations"]), channels: form.all("channels").filter { !$0.isEmpty },
                    since: form["since"], until: form["until"], query: form["query"])
                let scope = try body.scope()
                let today = Today.day
                _ = try await Offload.run {
                    try HoldService(archive: archive).create(
                        matter: body.matter, reason: body.reason, kind: kind, scope: scope, actor: identity.actor, on: today)
                }
                server.lockSync.wake()
                return ScreenKit.redirect("/holds", flash: "flash.hold.created")
            } catch {
                let (flash, status) = try ScreenKit.failure(error)
                return try await Self.page(archive, renderer, request, identity, flash: flash, status: status, form: form)
            }
        }
        book.add(.post, "/holds/{id}/release", .ui, .manageHolds) { request, context, identity in
            let id = try context.parameters.require("id")
            let form = ScreenKit.form(context)
            do {
                let reason = try GovernanceAPI.reason(form["reason"], "release a hold")
                let today = Today.day
                _ = try await Offload.run {
                    try HoldService(archive: archive).release(id, reason: reason, actor: identity.actor, on: today)
                }
                server.lockSync.wake()
                return ScreenKit.redirect("/holds", flash: "flash.hold.released")
            } catch {
                let (flash, status) = try ScreenKit.failure(error)
                return try await Self.page(archive, renderer, request, identity, flash: flash, status: status)
            }
        }
    }

    static func page(
        _ archive: Archive, _ renderer: PageRenderer, _ request: Request, _ identity: Identity, flash: ScreenKit.Flash?,
        status: HTTPResponse.Status = .ok, form: FormFields = FormFields("")
    ) async throws -> Response {
        let today = Today.day
        let holds = try await Offload.run { try HoldService(archive: archive).list() }
            .map { HoldSummary($0, today: today) }
            .sorted { ($0.active ? 0 : 1, $1.created) < ($1.active ? 0 : 1, $0.created) }
        let chosen = Set(form.all("channels"))
        let data: [String: Any] = [
            "holds": holds.map { h -> [String: Any] in
                [
                    "id": h.id, "matter": h.matter, "reason": h.reason, "kind": h.kind, "created": h.created,
                    "createdBy": h.created_by ?? "", "expires": h.expires ?? "", "hasExpires": h.expires != nil,
                    "released": h.released ?? "", "releasedBy": h.released_by ?? "", "isReleased": h.released != nil,
                    "active": h.active, "scope": h.scope,
                ]
            },
            "empty": holds.isEmpty,
            "kinds": HoldKind.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == (form["kind"] ?? "litigation")] },
            "channels": Channel.allCases.map { ["name": $0.rawValue, "checked": chosen.contains($0.rawValue)] },
            "form": [
                "matter": form["matter"] ?? "", "reason": form["reason"] ?? "", "custodians": form["custodians"] ?? "",
                "parties": form["parties"] ?? "", "conversations": form["conversations"] ?? "", "since": form["since"] ?? "",
                "until": form["until"] ?? "", "query": form["query"] ?? "",
            ],
        ]
        return renderer.render("holds", data, title: "holds.title", request: request, identity: identity, status: status, flash: flash)
    }
}

extension Templates {
    static let holds = """
        <h1>{{t.holds_title}}</h1>
        <section class="card">
          {{#empty}}<p class="muted">{{t.holds_none}}</p>{{/empty}}
          {{^empty}}<table><thead><tr><th>{{t.holds_id}}</th><th>{{t.holds_matter}}</th><th>{{t.holds_scope}}</th><th>{{t.holds_created}}</th><th>{{t.holds_state}}</th>{{#can.manageHolds}}<th></th>{{/can.manageHolds}}</tr></thead>
          <tbody>{{#holds}}<tr{{^active}} class="muted"{{/active}}><td><b>{{id}}</b></td><td>{{matter}}<div class="help">{{kind}} · {{reason}}</div></td><td>{{scope}}</td>
            <td>{{created}}<div class="help">{{createdBy}}</div></td>
            <td>{{#active}}<span class="tag warn">{{t.holds_active}}</span>{{#hasExpires}} {{t.holds_expires}} {{expires}}{{/hasExpires}}{{/active}}
              {{#isReleased}}{{t.holds_released}} {{released}}<div class="help">{{releasedBy}}</div>{{/isReleased}}</td>
            {{#can.manageHolds}}<td>{{#active}}<form method="post" action="/holds/{{id}}/release" class="stack">
              <input type="hidden" name="csrf" value="{{csrf}}">
              <input name="reason" required placeholder="{{t.holds_release_reason}}" aria-label="{{t.holds_release_reason}}">
              <button type="submit" class="danger" data-confirm="{{t.holds_release_confirm}}">{{t.holds_release}}</button></form>{{/active}}</td>{{/can.manageHolds}}
          </tr>{{/holds}}</tbody></table>{{/empty}}
        </section>
        {{#can.manageHolds}}
        <section class="card">
          <h2>{{t.holds_create}}</h2>
          {{#form}}
          <form method="post" action="/holds" class="grid2">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label>{{t.holds_matter}} <input name="matter" required value="{{matter}}"></label>
            <label>{{t.holds_kind}} <select name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/kinds}}</select></label>
            <label class="wide">{{t.holds_reason}} <input name="reason" required value="{{reason}}"></label>
            <label>{{t.holds_custodians}} <input name="custodians" value="{{custodians}}" placeholder="E1001, E1002"></label>
            <label>{{t.holds_parties}} <input name="parties" value="{{parties}}" placeholder="+85291234567"></label>
            <label>{{t.holds_conversations}} <input name="conversations" value="{{conversations}}"></label>
            <label>{{t.holds_query}} <input name="query" value="{{query}}"></label>
            <label>{{t.search_since}} <input type="date" name="since" value="{{since}}"></label>
            <label>{{t.search_until}} <input type="date" name="until" value="{{until}}"></label>
            <fieldset class="wide"><legend>{{t.holds_channels}}</legend>{{#channels}}<label class="check"><input type="checkbox" name="channels" value="{{name}}"{{#checked}} checked{{/checked}}> {{name}}</label>{{/channels}}</fieldset>
            <p class="help wide">{{t.holds_scope_help}}</p>
            <div class="wide"><button type="submit">{{t.holds_create}}</button></div>
          </form>
          {{/form}}
        </section>
        {{/can.manageHolds}}
        """
}
