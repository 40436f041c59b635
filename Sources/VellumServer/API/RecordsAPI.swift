import HTTPTypes
import Foundation
import Hummingbird
import VellumApp
import VellumCore
import VellumPolicy

/// Search, records, their retention explanation. Every read is written to the ledger by the
/// services, under the caller's name.
struct RecordsAPI {
    let archive: Archive

    func register(_ book: RouteBook) {
        book.add(.get, "/api/v1/search", .api, .readRecords) { request, _, identity in
            let search = try searchRequest(request, identity)
            return try JSONResponse.make(try await Offload.run { [archive] in
                try SearchService(archive: archive).search(search, actor: identity.actor)
            })
        }
        book.add(.get, "/api/v1/records/{id}", .api, .readRecords) { request, context, identity in
            let id = try context.parameters.require("id")
            let restricted = try Self.wantsRestricted(request, identity)
            return try JSONResponse.make(try await Offload.run { [archive] in
                try RecordViewer(archive: archive).show(id, actor: identity.actor, includeRestricted: restricted)
            })
        }
        book.add(.get, "/api/v1/records/{id}/retention", .api, .viewPolicy) { _, context, identity in
            let id = try context.parameters.require("id")
            return try JSONResponse.make(try await Offload.run { [archive] in
                try ExplainService(archive: archive).explain(id, actor: identity.actor, today: Today.day)
            })
        }
    }

    /// The query language in `q`, narrowed by the filter parameters.
    func searchRequest(_ request: Request, _ identity: Identity) throws -> SearchRequest {
        var search = SearchRequest(query: request.query("q"))
        search.channels = try request.queryAll("channel").map { c in
            guard let ch = Channel(rawValue: c) else { throw HTTPFailure(.badRequest, "invalidInput", "channel: unknown channel \(c)") }
            return ch
        }
        search.participants = request.queryAll("participant")
        search.conversations = request.queryAll("conversation")
        search.since = try request.query("since").map { try DateInput.parse($0, field: "since", endOfDay: false) }
        search.until = try request.query("until").map { try DateInput.parse($0, field: "until", endOfDay: true) }
        search.limit = try request.queryInt("limit", default: 50, range: 1 ... 500)
        search.offset = try request.queryInt("offset", default: 0, range: 0 ... 1_000_000)
        search.includeRestricted = try Self.wantsRestricted(request, identity)
        return search
    }

    /// `include_restricted=true` is honoured only for roles that may read restricted records.
    static func wantsRestricted(_ request: Request, _ identity: Identity) throws -> Bool {
        guard request.queryBool("include_restricted") else { return false }
        guard identity.allows(.readRestricted) else { throw HTTPFailure.forbidden(.readRestricted) }
        return true
    }
}

enum Today {
    static var day: CalendarDay { CalendarDay(utc: Timestamp(date: Date())) }
}
