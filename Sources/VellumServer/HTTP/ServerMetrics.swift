import Foundation
public import Hummingbird
import Prometheus
import VellumApp
import VellumStore

/// Prometheus metrics of this server: requests by route pattern and status class, their
/// durations, webhook deliveries, and archive totals read at scrape time. Counts only, never
/// content or identifiers. A registry per server (no global state), so tests stay apart.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let buckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)]

    public init() {}

    func observe(route: String, method: String, status: Int, duration: Duration) {
        let labels = [("route", route), ("method", method), ("status", "\(status / 100)xx")]
        registry.makeCounter(name: "vellum_http_requests_total", labels: labels).increment()
        registry.makeDurationHistogram(
            name: "vellum_http_request_duration_seconds", labels: [("route", route), ("method", method)], buckets: Self.buckets
        ).record(duration)
    }

    /// The text exposition, with archive gauges refreshed first.
    func exposition(archive: Archive) throws -> String {
        let (records, ledger, alerts) = try archive.store.read { tx in (try tx.recordCount(), try tx.ledgerSize(), try tx.alertCounts()) }
        registry.makeGauge(name: "vellum_records", help: "Records held").set(to: Double(records))
        registry.makeGauge(name: "vellum_ledger_entries", help: "Leaves of the ledger").set(to: Double(ledger))
        for status in StoredAlert.Status.allCases {
            registry.makeGauge(name: "vellum_alerts", labels: [("status", status.rawValue)], help: "Alerts by review state")
                .set(to: Double(alerts[status] ?? 0))
        }
        return registry.emitToString()
    }
}

/// Times every request and counts it under its route pattern (`/api/v1/records/{id}`, never the
/// id itself), so the metrics hold no identifiers.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = VellumContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: VellumContext, next: (Request, VellumContext) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        metrics.observe(
            route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: response.status.code,
            duration: ContinuousClock.now - start)
        return response
    }
}
