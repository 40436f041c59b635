import Foundation
import Hummingbird
import VellumApp
import VellumCore
import VellumPolicy
import VellumStore

/// `/`: what needs attention, as far as the caller's role may see it: capture health per
/// channel and account, open alerts, privacy requests near their deadline, holds, the ledger.
struct DashboardScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/" }

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let archive = server.archive
        book.add(.get, "/", .ui, nil) { request, _, identity in
            try await Offload.run {
                renderer.render("dashboard", try Self.data(archive, identity), title: "dashboard.title", request: request, identity: identity)
            }
        }
    }

    static func data(_ archive: Archive, _ identity: Identity) throws -> [String: Any] {
        var data: [String: Any] = [:]
        let today = Today.day
        if identity.allows(.viewCaptureHealth) {
            let health = try CaptureHealthService(archive: archive).report(now: archive.nowMilliseconds)
            data["capture"] = [
                "accounts": health.accounts.map { a -> [String: Any] in
                    ["channel": a.channel.rawValue, "account": a.account, "messages": a.messages, "last": a.last_seen, "silent": a.silent]
                },
                "gaps": health.gaps.map { ["channel": $0.channel.rawValue, "kind": $0.kind, "count": $0.count, "meaning": $0.meaning] },
                "quarantine": health.quarantine_open.sorted { $0.key < $1.key }.map { ["format": $0.key, "count": $0.value] },
                // Refused webhook deliveries: a forger, or a sender whose secret is out of step.
                "rejected": health.rejected_deliveries.map {
                    ["channel": $0.channel, "reason": $0.reason, "count": $0.count, "last": $0.last_at]
                },
                // Files still to download, and downloads that failed for good.
                "media": health.media.map {
                    [
                        "channel": $0.channel.rawValue, "account": $0.account, "pending": $0.pending_media,
                        "failed": $0.failed_media, "error": $0.last_error ?? "", "hasFailed": $0.failed_media > 0,
                    ] as [String: Any]
                },
                "hasMedia": !health.media.isEmpty,
                "empty": health.accounts.isEmpty, "hasGaps": !health.gaps.isEmpty,
                "hasQuarantine": !health.quarantine_open.isEmpty, "hasRejected": !health.rejected_deliveries.isEmpty,
            ] as [String: Any]
        }
        if identity.allows(.viewAlerts) {
            let service = AlertService(archive: archive)
            let open = try service.list(AlertQuery(statuses: [.open, .inReview, .escalated], limit: 10), actor: identity.actor)
            data["alerts"] = [
                "items": open.map { ["id": $0.id, "rule": $0.rule, "severity": $0.severity, "status": $0.status, "created": $0.created_at] },
                "empty": open.isEmpty,
            ] as [String: Any]
        }
        if identity.allows(.viewPrivacy) {
            let due = try PrivacyRequestService(archive: archive).list()
                .filter { !$0.request.status.isFinal }
                .sorted { $0.deadline.due < $1.deadline.due }
                .prefix(10)
            data["privacy"] = [
                "items": due.map { r -> [String: Any] in
                    let left = r.daysLeft(on: today)
                    return [
                        "id": r.id, "type": r.request.kind.rawValue, "law": r.request.law.rawValue,
                        "status": r.request.status.rawValue, "due": r.deadline.due.description, "left": left, "urgent": left <= 7,
                    ]
                },
                "empty": due.isEmpty,
            ] as [String: Any]
        }
        if identity.allows(.viewHolds) {
            let holds = try HoldService(archive: archive).list().filter { $0.isActive(on: today) }
            data["holds"] = [
                "items": holds.map { HoldSummary($0, today: today) }.map { ["id": $0.id, "matter": $0.matter, "kind": $0.kind, "scope": $0.scope, "created": $0.created] },
                "empty": holds.isEmpty,
            ] as [String: Any]
        }
        if let head = try archive.latestCheckpoint() {
            data["ledger"] = [
                "size": head.size, "root": String(head.root.prefix(16)),
                "time": Timestamps.string(head.timestamp),
            ] as [String: Any]
        }
        return data
    }
}

extension Templates {
    static let dashboard = """
        <h1>{{t.dashboard_title}}</h1>
        <div class="grid">
        {{#capture}}
        <section class="card wide"><h2>{{t.dashboard_capture}}</h2>
          {{#empty}}<p class="muted">{{t.dashboard_none}}</p>{{/empty}}
          {{^empty}}
          <table><thead><tr><th>{{t.dashboard_channel}}</th><th>{{t.dashboard_account}}</th><th class="num">{{t.dashboard_messages}}</th><th>{{t.dashboard_last}}</th></tr></thead>
          <tbody>{{#accounts}}<tr{{#silent}} class="warn"{{/silent}}><td><span class="chip {{channel}}">{{channel}}</span></td><td>{{account}}</td><td class="num">{{messages}}</td><td>{{last}}{{#silent}} ⚠{{/silent}}</td></tr>{{/accounts}}</tbody></table>
          {{/empty}}
          {{#hasGaps}}<h3>{{t.dashboard_gaps}}</h3>{{/hasGaps}}
          <ul>{{#gaps}}<li><span class="chip {{channel}}">{{channel}}</span> {{count}} × {{kind}}: {{meaning}}</li>{{/gaps}}</ul>
          {{#hasQuarantine}}<h3>{{t.dashboard_quarantine}}</h3>{{/hasQuarantine}}
          <ul>{{#quarantine}}<li>{{format}}: {{count}}</li>{{/quarantine}}</ul>
          {{#hasMedia}}<h3>{{t.dashboard_media}}</h3>{{/hasMedia}}
          <ul class="media">{{#media}}<li{{#hasFailed}} class="warn"{{/hasFailed}}><span class="chip {{channel}}">{{channel}}</span> {{account}}: {{pending}} {{t.dashboard_media_pending}}, {{failed}} {{t.dashboard_media_failed}}{{#hasFailed}} <span class="muted">{{error}}</span>{{/hasFailed}}</li>{{/media}}</ul>
          {{#hasRejected}}<h3>{{t.dashboard_rejected}}</h3>{{/hasRejected}}
          <ul class="rejected">{{#rejected}}<li class="warn"><span class="chip {{channel}}">{{channel}}</span> {{count}} × {{reason}} <span class="muted">{{t.dashboard_rejected_last}} {{last}}</span></li>{{/rejected}}</ul>
        </section>
        {{/capture}}
        {{#alerts}}
        <section class="card"><h2><a href="/alerts">{{t.dashboard_alerts}}</a></h2>
          {{#empty}}<p class="muted">{{t.dashboard_none}}</p>{{/empty}}
          <ul class="list">{{#items}}<li><a href="/alerts/{{id}}">#{{id}}</a> <span class="sev {{severity}}">{{severity}}</span> {{rule}} <span class="muted">{{status}}</span></li>{{/items}}</ul>
        </section>
        {{/alerts}}
        {{#privacy}}
        <section class="card"><h2><a href="/privacy">{{t.dashboard_privacy}}</a></h2>
          {{#empty}}<p class="muted">{{t.dashboard_none}}</p>{{/empty}}
          <ul class="list">{{#items}}<li{{#urgent}} class="warn"{{/urgent}}><a href="/privacy/{{id}}">{{id}}</a> {{type}} · {{law}} · {{t.dashboard_due}} {{due}} ({{left}} {{t.dashboard_daysleft}})</li>{{/items}}</ul>
        </section>
        {{/privacy}}
        {{#holds}}
        <section class="card"><h2><a href="/holds">{{t.dashboard_holds}}</a></h2>
          {{#empty}}<p class="muted">{{t.dashboard_none}}</p>{{/empty}}
          <ul class="list">{{#items}}<li><b>{{id}}</b> {{matter}} <span class="muted">{{kind}} · {{scope}}</span></li>{{/items}}</ul>
        </section>
        {{/holds}}
        {{#ledger}}
        <section class="card"><h2>{{t.dashboard_ledger}}</h2>
          <p>{{size}} {{t.dashboard_entries}}</p>
          <p class="muted">{{t.dashboard_treehead}}: <code>{{root}}…</code> {{time}}</p>
        </section>
        {{/ledger}}
        </div>
        """
}
