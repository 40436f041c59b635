import Foundation
import Hummingbird
import VellumApp
import VellumExport

/// `/exports`: start an eDiscovery export (a search, a conversation or a hold), watch it run,
/// download the sealed result. Exports belong to the role that made them.
struct ExportsScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/exports" }

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let vault = server.vault, archive = server.archive
        book.add(.get, "/exports", .ui, .exportRecords) { request, _, identity in
            try await Offload.run {
                renderer.render("exports", try Self.data(vault, identity), title: "nav.exports", request: request, identity: identity)
            }
        }
        book.add(.post, "/exports", .ui, .exportRecords) { request, context, identity in
            let form = context.form ?? FormFields("")
            let value = try form.required("value")
            let scope: ExportScope =
                switch form["scope"] {
                case "conversation": .conversation(value)
                case "hold": .hold(value)
                default: .query(value)
                }
            let chosen = form.all("format").compactMap(ExportFormat.init(rawValue:))
            let formats = chosen.isEmpty ? Set(ExportFormat.allCases) : Set(chosen)
            let mask = form["mask"] != nil
            let started = try await Offload.run {
                try vault.start(kind: .export, title: DeliverablesAPI.title(scope), actor: identity.actor, audience: identity.role.rawValue)
            }
            Task.detached {
                _ = try? await Offload.run {
                    try vault.fill(started) { folder in
                        let s = try ExportService(archive: archive).export(scope, formats: formats, to: folder, mask: mask, actor: identity.actor)
                        return ["records": s.records, "conversations": s.conversations, "attachments": s.attachments, "files": s.files]
                    }
                }
            }
            return Response(status: .seeOther, headers: [.location: "/exports"])
        }
    }

    static func data(_ vault: DeliverableVault, _ identity: Identity) throws -> [String: Any] {
        let mine = try vault.list().filter { $0.kind == .export && $0.audience == identity.role.rawValue }.reversed()
        return [
            "csrf": identity.csrfToken ?? "",
            "formats": ExportFormat.allCases.map { ["name": $0.rawValue] },
            "items": mine.map { d -> [String: Any] in
                [
                    "id": d.id, "title": d.title, "by": d.created_by, "at": d.created_at, "status": d.status.rawValue,
                    "ready": d.status == .ready, "running": d.status == .running, "error": d.error ?? "",
                    "records": d.counts["records"] ?? 0, "files": d.files.count, "size": d.size.map { "\($0 / 1024) KiB" } ?? "",
                ]
            },
            "empty": mine.isEmpty,
        ]
    }
}

extension Templates {
    static let exports = """
        <h1>{{t.nav_exports}}</h1>
        <section class="card">
        <h2>{{t.exports_new}}</h2>
        <form method="post" action="/exports" class="create-export">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="filters">
            <label>{{t.exports_scope}} <select name="scope">
              <option value="query">{{t.exports_scope_query}}</option>
              <option value="conversation">{{t.exports_scope_conversation}}</option>
              <option value="hold">{{t.exports_scope_hold}}</option>
            </select></label>
            <label class="grow">{{t.exports_value}} <input name="value" required placeholder="from:E1001 after:2026-01-01"></label>
          </div>
          <p>{{#formats}}<label class="inline"><input type="checkbox" name="format" value="{{name}}" checked> {{name}}</label> {{/formats}}</p>
          <p><label class="inline"><input type="checkbox" name="mask" value="1" checked> {{t.exports_mask}}</label></p>
          <button type="submit">{{t.exports_start}}</button>
        </form>
        </section>
        <section class="card">
        <h2>{{t.exports_list}}</h2>
        {{#empty}}<p class="muted">{{t.dashboard_none}}</p>{{/empty}}
        {{^empty}}
        <table><thead><tr><th>{{t.exports_what}}</th><th>{{t.exports_by}}</th><th>{{t.exports_status}}</th><th class="num">{{t.dashboard_messages}}</th><th></th></tr></thead>
        <tbody>{{#items}}<tr><td>{{title}}<br><span class="muted">{{id}} · {{at}}</span></td><td>{{by}}</td>
        <td>{{status}}{{#error}}<br><span class="warn">{{error}}</span>{{/error}}</td><td class="num">{{records}}</td>
        <td>{{#ready}}<a class="button" href="/api/v1/deliverables/{{id}}/download">{{t.exports_download}}</a> <span class="muted">{{size}}</span>{{/ready}}{{#running}}<a href="/exports">{{t.exports_refresh}}</a>{{/running}}</td></tr>{{/items}}</tbody></table>
        {{/empty}}
        <p class="help">{{t.exports_help}}</p>
        </section>
        """
}
