import Foundation
import Hummingbird
import VellumApp
import VellumCore
import VellumPolicy

/// `/usage`: which apps each employee uses and how much, channels the policy does not approve
/// highlighted, quiet capturing accounts, and messages per day per channel as an SVG chart drawn
/// on the server (no script; every label goes through the template, so it is escaped).
struct UsageScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/usage" }

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let archive = server.archive
        book.add(.get, "/usage", .ui, .viewUsage) { request, _, identity in
            let since = request.query("since")
            if let since, CalendarDay(since) == nil {
                throw HTTPFailure(.badRequest, "invalidInput", "since: expected a date like 2026-03-01, got \(since)")
            }
            let report = try await Offload.run {
                let policy = try PolicyService(archive: archive).active()
                let approved = policy.flatMap { p in p.channels.isEmpty ? nil : Set(p.channels.filter { $0.value.approved }.keys) }
                return try UsageService(archive: archive).report(
                    since: since, approved: approved, now: archive.nowMilliseconds, actor: identity.actor)
            }
            return renderer.render("usage", Self.data(report), title: "usage.title", request: request, identity: identity)
        }
    }

    static func data(_ r: UsageReport) -> [String: Any] {
        var rows: [[String: Any]] = []
        for e in r.employees {
            for (i, c) in e.channels.enumerated() {
                rows.append([
                    "employee": e.employee, "name": e.name ?? "", "first": i == 0, "span": e.channels.count,
                    "channel": c.channel.rawValue, "sent": c.sent, "received": c.received,
                    "firstSeen": ScreenKit.shortTime(c.first_seen), "lastSeen": ScreenKit.shortTime(c.last_seen),
                    "unapproved": !c.approved,
                ])
            }
        }
        let unapproved = r.employees.filter { !$0.unapproved_channels.isEmpty }
        return [
            "since": r.since ?? "", "rows": rows, "empty": rows.isEmpty, "silentDays": r.silent_after_days,
            "unapproved": unapproved.map { ["employee": $0.employee, "name": $0.name ?? "", "channels": $0.unapproved_channels.map(\.rawValue).joined(separator: ", ")] },
            "hasUnapproved": !unapproved.isEmpty,
            "accounts": r.accounts.map {
                ["channel": $0.channel.rawValue, "account": $0.account, "messages": $0.messages, "last": ScreenKit.shortTime($0.last_seen), "silent": $0.silent]
            },
            "hasAccounts": !r.accounts.isEmpty,
            "chart": UsageChart(r).data,
        ]
    }
}

/// Messages per day per channel (sent and received by employees), as bars grouped by day.
struct UsageChart {
    static let width = 760.0, height = 240.0, left = 44.0, right = 12.0, top = 12.0, bottom = 36.0
    /// The most recent days shown.
    static let maxDays = 31
    var days: [String] = []
    var channels: [String] = []
    var counts: [String: [String: Int]] = [:]  // day → channel → messages

    init(_ r: UsageReport) {
        for e in r.employees {
            for c in e.channels {
                for d in c.days { counts[d.day, default: [:]][c.channel.rawValue, default: 0] += d.sent + d.received }
            }
        }
        days = Array(counts.keys.sorted().suffix(Self.maxDays))
        channels = Array(Set(days.flatMap { counts[$0]!.keys })).sorted()
    }

    var data: [String: Any] {
        guard !days.isEmpty else { return ["empty": true] }
        let peak = max(1, days.flatMap { counts[$0]!.values }.max() ?? 1)
        let plotW = Self.width - Self.left - Self.right, plotH = Self.height - Self.top - Self.bottom
        let dayW = plotW / Double(days.count)
        let barW = max(1, dayW * 0.8 / Double(channels.count))
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        var bars: [[String: Any]] = []
        for (i, day) in days.enumerated() {
            for (j, channel) in channels.enumerated() {
                let n = counts[day]?[channel] ?? 0
                guard n > 0 else { continue }
                let h = plotH * Double(n) / Double(peak)
                bars.append([
                    "x": f(Self.left + Double(i) * dayW + dayW * 0.1 + Double(j) * barW), "y": f(Self.top + plotH - h),
                    "w": f(barW), "h": f(h), "channel": channel, "label": "\(channel) \(day): \(n)",
                ])
            }
        }
        // A label under the first day, the last, and about every sixth between.
        let step = max(1, days.count / 6)
        let labels = days.enumerated().filter { $0.offset % step == 0 || $0.offset == days.count - 1 }.map { i, day in
            ["x": f(Self.left + Double(i) * dayW + dayW / 2), "text": String(day.dropFirst(5))]
        }
        return [
            "empty": false, "width": f(Self.width), "height": f(Self.height), "bars": bars, "labels": labels, "peak": peak,
            "axisY": f(Self.top + plotH), "axisX0": f(Self.left), "axisX1": f(Self.width - Self.right),
            "peakY": f(Self.top + 4), "labelY": f(Self.height - Self.bottom + 16), "legend": channels, "from": days.first!,
            "to": days.last!,
        ]
    }
}

extension Templates {
    static let usage = """
        <h1>{{t.usage_title}}</h1>
        <form method="get" action="/usage" class="card filters">
          <label>{{t.usage_since}} <input type="date" name="since" value="{{since}}"></label>
          <button type="submit">{{t.common_filter}}</button>
        </form>
        {{#hasUnapproved}}<section class="card alert-box"><h2 class="warn">{{t.usage_unapproved}}</h2>
          <ul>{{#unapproved}}<li><b>{{employee}}</b> {{name}}: {{channels}}</li>{{/unapproved}}</ul></section>{{/hasUnapproved}}
        {{#chart}}
        <section class="card">
          <h2>{{t.usage_chart}}</h2>
          {{#empty}}<p class="muted">{{t.usage_none}}</p>{{/empty}}
          {{^empty}}
          <svg class="chart" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="{{t.usage_chart}} {{from}} – {{to}}">
            <line class="axis" x1="{{axisX0}}" y1="{{axisY}}" x2="{{axisX1}}" y2="{{axisY}}"/>
            <text class="tick" x="4" y="{{peakY}}" dominant-baseline="hanging">{{peak}}</text>
            <text class="tick" x="4" y="{{axisY}}">0</text>
            {{#bars}}<rect class="bar c-{{channel}}" x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}"><title>{{label}}</title></rect>{{/bars}}
            {{#labels}}<text class="tick" x="{{x}}" y="{{labelY}}" text-anchor="middle">{{text}}</text>{{/labels}}
          </svg>
          <p class="legend">{{#legend}}<span class="chip {{.}}"><span class="swatch c-{{.}}"></span>{{.}}</span> {{/legend}}</p>
          {{/empty}}
        </section>
        {{/chart}}
        <section class="card">
          <h2>{{t.usage_employees}}</h2>
          {{#empty}}<p class="muted">{{t.usage_none}}</p>{{/empty}}
          {{^empty}}<table><thead><tr><th>{{t.usage_employee}}</th><th>{{t.dashboard_channel}}</th><th class="num">{{t.usage_sent}}</th><th class="num">{{t.usage_received}}</th><th>{{t.usage_first}}</th><th>{{t.usage_last}}</th></tr></thead>
          <tbody>{{#rows}}<tr{{#unapproved}} class="unapproved"{{/unapproved}}>{{#first}}<td rowspan="{{span}}"><b>{{employee}}</b> {{name}}</td>{{/first}}
            <td><span class="chip {{channel}}">{{channel}}</span>{{#unapproved}} <span class="tag warn">{{t.usage_notapproved}}</span>{{/unapproved}}</td>
            <td class="num">{{sent}}</td><td class="num">{{received}}</td><td>{{firstSeen}}</td><td>{{lastSeen}}</td></tr>{{/rows}}</tbody></table>{{/empty}}
        </section>
        {{#hasAccounts}}
        <section class="card">
          <h2>{{t.usage_accounts}}</h2>
          <table><thead><tr><th>{{t.dashboard_channel}}</th><th>{{t.dashboard_account}}</th><th class="num">{{t.dashboard_messages}}</th><th>{{t.dashboard_last}}</th></tr></thead>
          <tbody>{{#accounts}}<tr{{#silent}} class="warn"{{/silent}}><td><span class="chip {{channel}}">{{channel}}</span></td><td>{{account}}</td><td class="num">{{messages}}</td><td>{{last}}{{#silent}} ⚠ {{t.usage_silent}}{{/silent}}</td></tr>{{/accounts}}</tbody></table>
        </section>
        {{/hasAccounts}}
        """
}
