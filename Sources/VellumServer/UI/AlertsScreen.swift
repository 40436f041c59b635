import Foundation
import HTTPTypes
import Hummingbird
import VellumApp
import VellumCore
import VellumStore
import VellumSurveillance

/// `/alerts`: the review queue with status and rule filters (the sampler's alerts are rule
/// `sample`); `/alerts/{id}`: why it was raised, the message, what reviewers did, and the forms
/// to claim, start reviewing, escalate, close and reopen it.
struct AlertsScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/alerts" }

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let archive = server.archive
        book.add(.get, "/alerts", .ui, .viewAlerts) { request, _, identity in
            let status = request.query("status") ?? "active"
            let rule = request.query("rule")
            var query = AlertQuery(limit: 200)
            switch status {
            case "all": break
            case "active": query.statuses = [.open, .inReview, .escalated]
            default:
                guard let s = StoredAlert.Status(rawValue: status) else {
                    throw HTTPFailure(.badRequest, "invalidInput", "status: one of active, all, open, in_review, escalated, closed")
                }
                query.statuses = [s]
            }
            query.rule = rule
            let alerts = try await Offload.run { [query] in try AlertService(archive: archive).list(query, actor: identity.actor) }
            let statuses = ["active", "all"] + StoredAlert.Status.allCases.map(\.rawValue)
            let data: [String: Any] = [
                "statuses": statuses.map { ["value": $0, "label": "alerts_status_\($0)", "selected": $0 == status] },
                "sampled": rule == "sample", "rule": rule ?? "", "empty": alerts.isEmpty,
                "alerts": alerts.map { a -> [String: Any] in
                    [
                        "id": String(a.id), "rule": a.rule, "severity": a.severity, "status": a.status, "assignee": a.assignee ?? "",
                        "created": ScreenKit.shortTime(a.created_at), "reason": a.reason ?? "", "sample": a.rule == "sample",
                    ]
                },
            ]
            return renderer.render(
                "alerts", Self.translateStatuses(data, request), title: "alerts.title", request: request, identity: identity,
                flash: ScreenKit.flash(request))
        }
        book.add(.get, "/alerts/{id}", .ui, .viewAlerts) { request, context, identity in
            let id = try context.parameters.require("id", as: Int64.self)
            return try await Self.detail(id, archive, renderer, request, identity, flash: ScreenKit.flash(request))
        }
        book.add(.post, "/alerts/{id}/actions", .ui, .reviewAlerts) { request, context, identity in
            let id = try context.parameters.require("id", as: Int64.self)
            let form = ScreenKit.form(context)
            let body = AlertActionBody(action: form["action"] ?? "", note: form["note"], disposition: form["disposition"])
            do {
                try await Offload.run { try body.apply(to: id, service: AlertService(archive: archive), actor: identity.actor) }
                return ScreenKit.redirect("/alerts/\(id)", flash: "flash.alert.\(body.action)")
            } catch {
                let (flash, status) = try ScreenKit.failure(error)
                guard status != .notFound else { throw error }
                return try await Self.detail(id, archive, renderer, request, identity, flash: flash, status: status)
            }
        }
    }

    static func detail(
        _ id: Int64, _ archive: Archive, _ renderer: PageRenderer, _ request: Request, _ identity: Identity,
        flash: ScreenKit.Flash?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let d = try await Offload.run { try AlertService(archive: archive).show(id, actor: identity.actor) }
        let a = d.alert
        var data: [String: Any] = [
            "id": String(a.id), "rule": a.rule, "severity": a.severity, "status": a.status, "assignee": a.assignee ?? "",
            "created": ScreenKit.shortTime(a.created_at), "updated": ScreenKit.shortTime(a.updated_at), "record": a.record,
            "closed": a.status == "closed", "open": a.status == "open" || a.status == "escalated",
            "dispositions": AlertDisposition.allCases.map { ["value": $0.rawValue, "label": "alerts_disposition_\($0.rawValue)"] },
            "actions": d.actions.map { x -> [String: Any] in
                [
                    "at": ScreenKit.shortTime(x.at), "actor": x.actor, "action": x.action, "disposition": x.disposition ?? "",
                    "note": x.note ?? "", "ledger": String(x.ledger_index),
                ]
            },
        ]
        if let e = d.explanation {
            var explanation: [String: Any] = [
                "reason": e.reason, "type": e.rule_type,
                "findings": e.findings.map { ["detector": $0.detector, "masked": $0.masked, "confidence": String(format: "%.2f", $0.confidence)] },
            ]
            if let note = e.channel_note { explanation["channelNote"] = note }
            data["explanation"] = explanation
        }
        if let m = d.message {
            data["message"] = [
                "id": m.id, "channel": m.channel, "conversation": m.conversation.title ?? m.conversation.id,
                "sender": m.sender.name ?? m.sender.id, "time": ScreenKit.shortTime(m.sent_at), "parts": Masking.parts(m.text ?? ""),
                "attachments": m.attachments.count,
            ] as [String: Any]
        }
        return renderer.render(
            "alert", translateStatuses(data, request), title: "alerts.detail", request: request, identity: identity,
            status: status, flash: flash)
    }

    /// Labels looked up here, as templates cannot compose a key.
    static func translateStatuses(_ data: [String: Any], _ request: Request) -> [String: Any] {
        let t = PageRenderer.words(PageRenderer.language(request))
        var data = data
        for key in ["statuses", "dispositions"] {
            guard let items = data[key] as? [[String: Any]] else { continue }
            data[key] = items.map { item in
                var item = item
                if let label = item["label"] as? String { item["label"] = t[label] ?? (item["value"] as? String ?? label) }
                return item
            }
        }
        return data
    }
}

extension Templates {
    static let alerts = """
        <h1>{{t.alerts_title}}</h1>
        <form method="get" action="/alerts" class="card filters">
          <label>{{t.alerts_status}} <select name="status" data-autosubmit>{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></label>
          <label>{{t.alerts_rule}} <input name="rule" value="{{rule}}"></label>
          <button type="submit">{{t.common_filter}}</button>
          <a class="button secondary" href="/alerts?status=all&amp;rule=sample">{{t.alerts_sampled}}</a>
        </form>
        {{#sampled}}<p class="help">{{t.alerts_sampled_help}}</p>{{/sampled}}
        <section class="card">
          {{#empty}}<p class="muted">{{t.alerts_none}}</p>{{/empty}}
          {{^empty}}<table><thead><tr><th>#</th><th>{{t.alerts_severity}}</th><th>{{t.alerts_rule}}</th><th>{{t.alerts_reason}}</th><th>{{t.alerts_status}}</th><th>{{t.alerts_assignee}}</th><th>{{t.alerts_created}}</th></tr></thead>
          <tbody>{{#alerts}}<tr><td><a href="/alerts/{{id}}">#{{id}}</a></td><td><span class="sev {{severity}}">{{severity}}</span></td>
            <td>{{rule}}{{#sample}} <span class="tag">{{t.alerts_sample}}</span>{{/sample}}</td><td>{{reason}}</td><td><span class="status {{status}}">{{status}}</span></td><td>{{assignee}}</td><td>{{created}}</td></tr>{{/alerts}}</tbody></table>{{/empty}}
        </section>
        """

    static let alert = """
        <h1>{{t.alerts_detail}} #{{id}} <span class="sev {{severity}}">{{severity}}</span> <span class="status {{status}}">{{status}}</span></h1>
        <p><a href="/alerts">← {{t.alerts_back}}</a></p>
        <div class="grid">
        <section class="card">
          <h2>{{t.alerts_why}}</h2>
          <p class="muted">{{t.alerts_rule}}: <b>{{rule}}</b> · {{t.alerts_created}} {{created}} · {{t.alerts_assignee}}: {{assignee}}</p>
          {{#explanation}}<p>{{reason}}</p>{{#channelNote}}<p class="warn">{{channelNote}}</p>{{/channelNote}}
          <ul>{{#findings}}<li><code>{{detector}}</code> {{masked}} <span class="muted">({{confidence}})</span></li>{{/findings}}</ul>{{/explanation}}
          {{^explanation}}<p class="muted">{{t.alerts_noexplanation}}</p>{{/explanation}}
        </section>
        <section class="card">
          <h2>{{t.alerts_message}}</h2>
          {{#message}}<p><span class="chip {{channel}}">{{channel}}</span> <b>{{conversation}}</b> <span class="muted">{{sender}} · {{time}}</span></p>
          <div class="bubble">{{> textParts}}</div>
          <p><a href="/records/{{id}}#focus">{{t.alerts_openconversation}}</a></p>{{/message}}
          {{^message}}<p class="muted">{{t.alerts_nomessage}}</p>{{/message}}
        </section>
        {{#can.reviewAlerts}}
        <section class="card wide">
          <h2>{{t.alerts_act}}</h2>
          {{^closed}}
          <div class="actions">
            <form method="post" action="/alerts/{{id}}/actions"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="claim"><button type="submit" class="secondary">{{t.alerts_claim}}</button></form>
            {{#open}}<form method="post" action="/alerts/{{id}}/actions"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="review"><button type="submit" class="secondary">{{t.alerts_review}}</button></form>{{/open}}
          </div>
          <form method="post" action="/alerts/{{id}}/actions">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="escalate">
            <label>{{t.alerts_note}} <textarea name="note" rows="2" required></textarea></label>
            <button type="submit" class="secondary">{{t.alerts_escalate}}</button>
          </form>
          <form method="post" action="/alerts/{{id}}/actions">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="close">
            <label>{{t.alerts_disposition}} <select name="disposition" required>{{#dispositions}}<option value="{{value}}">{{label}}</option>{{/dispositions}}</select></label>
            <label>{{t.alerts_note}} <textarea name="note" rows="2" required></textarea></label>
            <button type="submit">{{t.alerts_close}}</button>
          </form>
          {{/closed}}
          {{#closed}}
          <form method="post" action="/alerts/{{id}}/actions">
            <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="action" value="reopen">
            <label>{{t.alerts_note}} <textarea name="note" rows="2" required></textarea></label>
            <button type="submit" class="secondary">{{t.alerts_reopen}}</button>
          </form>
          {{/closed}}
        </section>
        {{/can.reviewAlerts}}
        <section class="card wide">
          <h2>{{t.alerts_history}}</h2>
          <table><thead><tr><th>{{t.alerts_when}}</th><th>{{t.alerts_who}}</th><th>{{t.alerts_action}}</th><th>{{t.alerts_disposition}}</th><th>{{t.alerts_note}}</th><th>{{t.alerts_ledger}}</th></tr></thead>
          <tbody>{{#actions}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{disposition}}</td><td>{{note}}</td><td class="num">{{ledger}}</td></tr>{{/actions}}</tbody></table>
        </section>
        </div>
        """
}
