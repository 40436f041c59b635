import HTTPTypes
import Foundation
import Hummingbird
import VellumApp
import VellumCore
import VellumPolicy

/// Legal holds and privacy requests.
struct GovernanceAPI {
    let archive: Archive
    /// Woken after a hold changes, so the bucket's object legal holds follow.
    let lockSync: WakeTrigger

    struct NewHold: Decodable {
        var matter: String
        var reason: String
        var kind: String?
        var custodians: [String]?
        var parties: [String]?
        var conversations: [String]?
        var channels: [String]?
        var since: String?
        var until: String?
        var query: String?

        func scope() throws -> HoldScope {
            let channels = try (self.channels ?? []).map { c in
                guard let ch = Channel(rawValue: c) else { throw HTTPFailure(.badRequest, "invalidInput", "channels: unknown channel \(c)") }
                return ch
            }
            let since = try GovernanceAPI.day(self.since, "since"), until = try GovernanceAPI.day(self.until, "until")
            let query = self.query?.trimmingCharacters(in: .whitespaces)
            return HoldScope(
                custodians: Set(custodians ?? []), externalParties: Set(parties ?? []), conversations: Set(conversations ?? []),
                channels: channels.isEmpty ? nil : Set(channels),
                dates: since == nil && until == nil ? nil : DateRange(from: since, through: until),
                query: query?.isEmpty == false ? query : nil)
        }
    }

    struct Release: Decodable { var reason: String }

    struct NewPrivacyRequest: Decodable {
        var type: String
        var law: String
        var subjects: [String]
        var received: String?
    }

    /// `{"action": "acknowledge" | "extend" | "refuse", "reason"?, "day"?}`.
    struct PrivacyAction: Decodable {
        var action: String
        var reason: String?
        var day: String?
    }

    struct LegalClaim: Decodable {
        var reference: String
        var review_by: String?
    }

    static func day(_ text: String?, _ field: String) throws -> CalendarDay? {
        guard let text, !text.isEmpty else { return nil }
        guard let d = CalendarDay(text) else {
            throw HTTPFailure(.badRequest, "invalidInput", "\(field): expected a date like 2026-03-01, got \(text)")
        }
        return d
    }

    static func reason(_ text: String?, _ action: String) throws -> String {
        guard let r = text?.trimmingCharacters(in: .whitespacesAndNewlines), !r.isEmpty else {
            throw HTTPFailure(.badRequest, "invalidInput", "reason: required to \(action)")
        }
        return r
    }

    func register(_ book: RouteBook) {
        book.add(.get, "/api/v1/holds", .api, .viewHolds) { _, _, _ in
            let today = Today.day
            return try JSONResponse.make(try await Offload.run { [archive] in
                try HoldService(archive: archive).list().map { HoldSummary($0, today: today) }
            })
        }
        book.add(.post, "/api/v1/holds", .api, .manageHolds) { request, context, identity in
            let body = try await JSONResponse.decode(NewHold.self, from: request, context: context)
            guard let kind = HoldKind(rawValue: body.kind ?? "litigation") else {
                throw HTTPFailure(.badRequest, "invalidInput", "kind: one of \(HoldKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let scope = try body.scope()
            let today = Today.day
            let hold = try await Offload.run { [archive] in
                try HoldService(archive: archive).create(
                    matter: body.matter, reason: body.reason, kind: kind, scope: scope, actor: identity.actor, on: today)
            }
            lockSync.wake()
            return try JSONResponse.make(HoldSummary(hold, today: today), status: .created)
        }
        book.add(.post, "/api/v1/holds/{id}/release", .api, .manageHolds) { request, context, identity in
            let id = try context.parameters.require("id")
            let body = try await JSONResponse.decode(Release.self, from: request, context: context)
            let reason = try Self.reason(body.reason, "release a hold")
            let today = Today.day
            let hold = try await Offload.run { [archive] in
                try HoldService(archive: archive).release(id, reason: reason, actor: identity.actor, on: today)
            }
            lockSync.wake()
            return try JSONResponse.make(HoldSummary(hold, today: today))
        }

        book.add(.get, "/api/v1/privacy-requests", .api, .viewPrivacy) { _, _, _ in
            try JSONResponse.make(try await Offload.run { [archive] in
                try PrivacyRequestService(archive: archive).list().map { PrivacyRequestJSON($0) }
            })
        }
        book.add(.get, "/api/v1/privacy-requests/{id}", .api, .viewPrivacy) { _, context, _ in
            let id = try context.parameters.require("id")
            return try JSONResponse.make(try await Offload.run { [archive] in
                PrivacyRequestJSON(try PrivacyRequestService(archive: archive).show(id))
            })
        }
        book.add(.post, "/api/v1/privacy-requests", .api, .managePrivacy) { request, context, identity in
            let body = try await JSONResponse.decode(NewPrivacyRequest.self, from: request, context: context)
            guard let kind = PrivacyRequestKind(rawValue: body.type) else {
                throw HTTPFailure(.badRequest, "invalidInput", "type: one of \(PrivacyRequestKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let law = PrivacyLaw(rawValue: body.law) else {
                throw HTTPFailure(.badRequest, "invalidInput", "law: one of \(PrivacyLaw.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let received = try Self.day(body.received, "received") ?? Today.day
            let r = try await Offload.run { [archive] in
                try PrivacyRequestService(archive: archive).create(
                    kind: kind, law: law, subjects: body.subjects, received: received, actor: identity.actor)
            }
            return try JSONResponse.make(PrivacyRequestJSON(r), status: .created)
        }
        book.add(.post, "/api/v1/privacy-requests/{id}/actions", .api, .managePrivacy) { request, context, identity in
            let id = try context.parameters.require("id")
            let body = try await JSONResponse.decode(PrivacyAction.self, from: request, context: context)
            let day = try Self.day(body.day, "day") ?? Today.day
            let r = try await Offload.run { [archive] in
                let service = PrivacyRequestService(archive: archive)
                switch body.action {
                case "acknowledge": return try service.acknowledge(id, on: day, actor: identity.actor)
                case "extend": return try service.extend(id, reason: try Self.reason(body.reason, "extend"), on: day, actor: identity.actor)
                case "refuse": return try service.refuse(id, reason: try Self.reason(body.reason, "refuse"), on: day, actor: identity.actor)
                default: throw HTTPFailure(.badRequest, "invalidInput", "action: one of acknowledge, extend, refuse")
                }
            }
            return try JSONResponse.make(PrivacyRequestJSON(r))
        }
        book.add(.post, "/api/v1/privacy-requests/{id}/legal-claim", .api, .legalClaims) { request, context, identity in
            let id = try context.parameters.require("id")
            let body = try await JSONResponse.decode(LegalClaim.self, from: request, context: context)
            let reviewBy = try Self.day(body.review_by, "review_by")
            let r = try await Offload.run { [archive] in
                try PrivacyRequestService(archive: archive).setLegalClaim(
                    id, reference: body.reference, reviewBy: reviewBy, actor: identity.actor)
            }
            return try JSONResponse.make(PrivacyRequestJSON(r))
        }
        book.add(.post, "/api/v1/privacy-requests/{id}/legal-claim/close", .api, .legalClaims) { _, context, identity in
            let id = try context.parameters.require("id")
            let today = Today.day
            let r = try await Offload.run { [archive] in
                try PrivacyRequestService(archive: archive).closeLegalClaim(id, on: today, actor: identity.actor)
            }
            return try JSONResponse.make(PrivacyRequestJSON(r))
        }
    }
}
