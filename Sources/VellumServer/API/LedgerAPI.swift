import HTTPTypes
import Foundation
import Hummingbird
import VellumApp

/// The ledger's state, verification and the access log.
struct LedgerAPI {
    let archive: Archive

    func register(_ book: RouteBook) {
        book.add(.get, "/api/v1/tree-head", .api, .verifyLedger) { _, _, _ in
            guard let head = try await Offload.run({ [archive] in try archive.latestCheckpoint() }) else {
                throw HTTPFailure(.notFound, "notFound", "the archive has no tree head yet")
            }
            return try JSONResponse.make(head)
        }
        book.add(.post, "/api/v1/verify", .api, .verifyLedger) { _, _, _ in
            try JSONResponse.make(try await Offload.run { [archive] in try Verifier(archive: archive).verify() })
        }
        book.add(.get, "/api/v1/audit", .api, .viewAudit) { request, _, _ in
            let limit = try request.queryInt("limit", default: 100, range: 1 ... 1000)
            let types = try Set(request.queryAll("type").map { t in
                guard let type = LedgerEvent.EventType(rawValue: t) else {
                    throw HTTPFailure(.badRequest, "invalidInput", "type: unknown ledger event type \(t)")
                }
                return type
            })
            let actor = request.query("actor")
            return try JSONResponse.make(try await Offload.run { [archive] in
                try AuditTrailService(archive: archive).recent(types: types, actor: actor, limit: limit)
            })
        }
    }
}
