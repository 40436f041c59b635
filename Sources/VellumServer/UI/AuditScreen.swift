import Foundation
import HTTPTypes
import Hummingbird
import VellumApp

/// `/audit`: the ledger's state and latest signed tree head, a button that verifies the whole
/// archive now, and for auditors and administrators the access log: who saw what, when.
struct AuditScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/audit" }
    static let logLimit = 200

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let archive = server.archive
        book.add(.get, "/audit", .ui, .verifyLedger) { request, _, identity in
            try await Self.page(archive, renderer, request, identity, report: nil)
        }
        book.add(.post, "/audit/verify", .ui, .verifyLedger) { request, _, identity in
            let report = try await Offload.run { try Verifier(archive: archive).verify() }
            return try await Self.page(archive, renderer, request, identity, report: report)
        }
    }

    static func page(
        _ archive: Archive, _ renderer: PageRenderer, _ request: Request, _ identity: Identity, report: VerifyReport?
    ) async throws -> Response {
        // After a verify (a POST), the filters of the page it came from do not apply.
        let type = request.method == .get ? request.query("type") : nil
        let actor = request.method == .get ? request.query("actor") : nil
        let eventType = try type.map { t -> LedgerEvent.EventType in
            guard let e = LedgerEvent.EventType(rawValue: t) else {
                throw HTTPFailure(.badRequest, "invalidInput", "type: unknown ledger event type \(t)")
            }
            return e
        }
        let showLog = identity.allows(.viewAudit)
        let (head, entries) = try await Offload.run {
            let head = try archive.latestCheckpoint()
            let entries = showLog
                ? try AuditTrailService(archive: archive).recent(
                    types: eventType.map { [$0] } ?? [], actor: actor, limit: logLimit) : []
            return (head, entries)
        }
        var data: [String: Any] = [:]
        if let head {
            data["head"] = [
                "size": String(head.size), "root": head.root, "time": Timestamps.string(head.timestamp),
                "signature": String(head.signature.prefix(32)), "key": head.publicKey,
            ]
        }
        if let report {
            data["report"] = [
                "ok": report.ok, "records": report.records, "removed": report.removed, "entries": String(report.ledger_entries),
                "heads": report.tree_heads, "problems": report.problems.map { ["code": $0.code, "detail": $0.detail] },
            ] as [String: Any]
        }
        if showLog {
            data["log"] = [
                "entries": entries.map { e -> [String: Any] in
                    [
                        "index": String(e.index), "at": ScreenKit.shortTime(e.at), "type": e.type, "actor": e.actor ?? "",
                        "action": e.action ?? "", "subject": e.subject ?? "", "count": e.count.map { String($0) } ?? "",
                        "records": e.records.prefix(5).joined(separator: ", ") + (e.records.count > 5 ? " …" : ""),
                        "detail": e.detail ?? "", "access": e.type == LedgerEvent.EventType.access.rawValue,
                    ]
                },
                "empty": entries.isEmpty, "actor": actor ?? "", "limit": logLimit,
                "types": Self.eventTypes.map { ["value": $0, "selected": $0 == type] },
            ] as [String: Any]
        }
        return renderer.render("audit", data, title: "audit.title", request: request, identity: identity)
    }

    static let eventTypes: [String] = [
        "access", "staff", "alert", "alert.action", "legal.hold", "privacy.request", "record.restricted", "record.erased",
        "record.disposed", "policy.change", "capture", "capture.configuration", "quarantine", "quarantine.resolved",
        "directory.import", "delivery.rejected", "archive.created",
    ].filter { LedgerEvent.EventType(rawValue: $0) != nil }
}

extension Templates {
    static let audit = """
        <h1>{{t.audit_title}}</h1>
        <div class="grid">
        <section class="card">
          <h2>{{t.audit_head}}</h2>
          {{#head}}<table>
            <tr><th>{{t.audit_size}}</th><td class="num">{{size}}</td></tr>
            <tr><th>{{t.audit_root}}</th><td><code class="hash">{{root}}</code></td></tr>
            <tr><th>{{t.audit_signed}}</th><td>{{time}}</td></tr>
            <tr><th>{{t.audit_signature}}</th><td><code>{{signature}}…</code></td></tr>
            <tr><th>{{t.audit_key}}</th><td><code class="hash">{{key}}</code></td></tr>
          </table>{{/head}}
          {{^head}}<p class="muted">{{t.audit_nohead}}</p>{{/head}}
          <form method="post" action="/audit/verify"><input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit">{{t.audit_verify}}</button></form>
          <p class="help">{{t.audit_verify_help}}</p>
        </section>
        {{#report}}
        <section class="card">
          <h2>{{t.audit_report}}</h2>
          {{#ok}}<p class="ok verify-ok">✔ {{t.audit_ok}}</p>{{/ok}}{{^ok}}<p class="bad verify-failed">✘ {{t.audit_failed}}</p>{{/ok}}
          <table>
            <tr><th>{{t.audit_records}}</th><td class="num">{{records}}</td></tr>
            <tr><th>{{t.audit_removed}}</th><td class="num">{{removed}}</td></tr>
            <tr><th>{{t.audit_entries}}</th><td class="num">{{entries}}</td></tr>
            <tr><th>{{t.audit_heads}}</th><td class="num">{{heads}}</td></tr>
          </table>
          <ul>{{#problems}}<li class="bad"><code>{{code}}</code> {{detail}}</li>{{/problems}}</ul>
        </section>
        {{/report}}
        </div>
        {{#log}}
        <section class="card">
          <h2>{{t.audit_log}}</h2>
          <form method="get" action="/audit" class="filters">
            <label>{{t.audit_type}} <select name="type"><option value="">{{t.audit_alltypes}}</option>{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/types}}</select></label>
            <label>{{t.audit_actor}} <input name="actor" value="{{actor}}" placeholder="user:compliance"></label>
            <button type="submit">{{t.common_filter}}</button>
          </form>
          <p class="help">{{t.audit_log_help}} ({{limit}})</p>
          {{#empty}}<p class="muted">{{t.dashboard_none}}</p>{{/empty}}
          {{^empty}}<table class="log"><thead><tr><th>#</th><th>{{t.alerts_when}}</th><th>{{t.audit_type}}</th><th>{{t.audit_actor}}</th><th>{{t.alerts_action}}</th><th>{{t.audit_what}}</th></tr></thead>
          <tbody>{{#entries}}<tr{{#access}} class="access"{{/access}}><td class="num">{{index}}</td><td>{{at}}</td><td>{{type}}</td><td>{{actor}}</td><td>{{action}}</td>
            <td>{{subject}} {{records}}{{#access}} <span class="muted">{{count}}</span> <div class="help">{{detail}}</div>{{/access}}</td></tr>{{/entries}}</tbody></table>{{/empty}}
        </section>
        {{/log}}
        """
}
