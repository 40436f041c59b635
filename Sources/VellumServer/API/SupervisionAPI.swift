import HTTPTypes
import Foundation
import Hummingbird
import VellumApp
import VellumCore
import VellumStore

/// The review queue, app usage and capture health.
struct SupervisionAPI {
    let archive: Archive

    func register(_ book: RouteBook) {
        book.add(.get, "/api/v1/alerts", .api, .viewAlerts) { request, _, identity in
            let query = try Self.alertQuery(request)
            return try JSONResponse.make(try await Offload.run { [archive] in
                try AlertService(archive: archive).list(query, actor: identity.actor)
            })
        }
        book.add(.get, "/api/v1/alerts/{id}", .api, .viewAlerts) { _, context, identity in
            let id = try context.parameters.require("id", as: Int64.self)
            return try JSONResponse.make(try await Offload.run { [archive] in
                try AlertService(archive: archive).show(id, actor: identity.actor)
            })
        }
        book.add(.post, "/api/v1/alerts/{id}/actions", .api, .reviewAlerts) { request, context, identity in
            let id = try context.parameters.require("id", as: Int64.self)
            let action = try await JSONResponse.decode(AlertActionBody.self, from: request, context: context)
            try await Offload.run { [archive] in
                try action.apply(to: id, service: AlertService(archive: archive), actor: identity.actor)
            }
            return try JSONResponse.make(try await Offload.run { [archive] in
                try AlertService(archive: archive).show(id, actor: identity.actor).alert
            })
        }
        book.add(.get, "/api/v1/usage", .api, .viewUsage) { request, _, identity in
            let since = request.query("since")
            return try JSONResponse.make(try await Offload.run { [archive] in
                try UsageService(archive: archive).report(since: since, now: archive.nowMilliseconds, actor: identity.actor)
            })
        }
        book.add(.get, "/api/v1/capture-health", .api, .viewCaptureHealth) { request, _, _ in
            let days = try request.queryInt("silent_after_days", default: 7, range: 1 ... 365)
            return try JSONResponse.make(try await Offload.run { [archive] in
                try CaptureHealthService(archive: archive).report(silentAfterDays: days, now: archive.nowMilliseconds)
            })
        }
    }

    static func alertQuery(_ request: Request) throws -> AlertQuery {
        var query = AlertQuery(
            limit: try request.queryInt("limit", default: 100, range: 1 ... 1000),
            offset: try request.queryInt("offset", default: 0, range: 0 ... 1_000_000))
        let statuses = try request.queryAll("status").map { s in
            guard let st = StoredAlert.Status(rawValue: s) else {
                throw HTTPFailure(.badRequest, "invalidInput", "status: one of open, in_review, escalated, closed")
            }
            return st
        }
        if !statuses.isEmpty { query.statuses = Set(statuses) }
        query.rule = request.query("rule")
        query.assignee = request.query("assignee")
        return query
    }
}

/// `{"action": "claim" | "review" | "escalate" | "close" | "reopen", "note"?, "disposition"?}`.
struct AlertActionBody: Decodable, Sendable {
    var action: String
    var note: String?
    var disposition: String?

    func apply(to id: Int64, service: AlertService, actor: String) throws {
        func note(_ needed: Bool) throws -> String {
            let n = (self.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if needed, n.isEmpty { throw HTTPFailure(.badRequest, "invalidInput", "note: required for \(action)") }
            return n
        }
        switch action {
        case "claim": try service.assign(id, to: actor, actor: actor)
        case "review": try service.review(id, actor: actor)
        case "escalate": try service.escalate(id, note: try note(true), actor: actor)
        case "reopen": try service.reopen(id, note: try note(true), actor: actor)
        case "close":
            guard let d = disposition.flatMap(AlertDisposition.init(rawValue:)) else {
                let names = AlertDisposition.allCases.map(\.rawValue).joined(separator: ", ")
                throw HTTPFailure(.badRequest, "invalidInput", "disposition: one of \(names)")
            }
            try service.close(id, disposition: d, note: try note(true), actor: actor)
        default:
            throw HTTPFailure(.badRequest, "invalidInput", "action: one of claim, review, escalate, close, reopen")
        }
    }
}
