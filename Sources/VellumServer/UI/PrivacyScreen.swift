import Foundation
import HTTPTypes
import Hummingbird
import VellumApp
import VellumPolicy

/// `/privacy`: the register of privacy requests with their clocks (due, days left, overdue in
/// red, acknowledge-by) and the form to register one; `/privacy/{id}`: a request's history and
/// its actions (acknowledge, extend, refuse for the privacy officer; the legal claim for Legal).
struct PrivacyScreen: UIScreen {
    let server: VellumHTTPServer
    var menuPath: String { "/privacy" }

    func install(_ book: RouteBook, renderer: PageRenderer) {
        let archive = server.archive, vault = server.vault
        book.add(.get, "/privacy", .ui, .viewPrivacy) { request, _, identity in
            try await Self.list(archive, renderer, request, identity, flash: ScreenKit.flash(request))
        }
        book.add(.post, "/privacy", .ui, .managePrivacy) { request, context, identity in
            let form = ScreenKit.form(context)
            do {
                guard let kind = PrivacyRequestKind(rawValue: form["type"] ?? "") else {
                    throw HTTPFailure(.badRequest, "invalidInput", "type: one of \(PrivacyRequestKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let law = PrivacyLaw(rawValue: form["law"] ?? "") else {
                    throw HTTPFailure(.badRequest, "invalidInput", "law: one of \(PrivacyLaw.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let received = try GovernanceAPI.day(form["received"], "received") ?? Today.day
                let subjects = ScreenKit.list(form["subjects"])
                let r = try await Offload.run {
                    try PrivacyRequestService(archive: archive).create(
                        kind: kind, law: law, subjects: subjects, received: received, actor: identity.actor)
                }
                return ScreenKit.redirect("/privacy/\(r.id)", flash: "flash.privacy.created")
            } catch {
                let (flash, status) = try ScreenKit.failure(error)
                return try await Self.list(archive, renderer, request, identity, flash: flash, status: status)
            }
        }
        book.add(.get, "/privacy/{id}", .ui, .viewPrivacy) { request, context, identity in
            let id = try context.parameters.require("id")
            return try await Self.detail(id, archive, renderer, request, identity, flash: ScreenKit.flash(request), vault: vault)
        }
        /// Runs one change of a request, then back to its page (or the page with the error).
        func change(_ path: String, _ permission: Permission, _ work: @escaping @Sendable (String, FormFields, Identity) throws -> String) {
            book.add(.post, path, .ui, permission) { request, context, identity in
                let id = try context.parameters.require("id")
                let form = ScreenKit.form(context)
                do {
                    let flash = try await Offload.run { try work(id, form, identity) }
                    return ScreenKit.redirect("/privacy/\(id)", flash: flash)
                } catch {
                    let (flash, status) = try ScreenKit.failure(error)
                    guard status != .notFound else { throw error }
                    return try await Self.detail(id, archive, renderer, request, identity, flash: flash, status: status, vault: vault)
                }
            }
        }
        change("/privacy/{id}/actions", .managePrivacy) { id, form, identity in
            let service = PrivacyRequestService(archive: archive)
            let day = try GovernanceAPI.day(form["day"], "day") ?? Today.day
            let action = form["action"] ?? ""
            switch action {
            case "acknowledge": _ = try service.acknowledge(id, on: day, actor: identity.actor)
            case "extend": _ = try service.extend(id, reason: try GovernanceAPI.reason(form["reason"], "extend"), on: day, actor: identity.actor)
            case "refuse": _ = try service.refuse(id, reason: try GovernanceAPI.reason(form["reason"], "refuse"), on: day, actor: identity.actor)
            default: throw HTTPFailure(.badRequest, "invalidInput", "action: one of acknowledge, extend, refuse")
            }
            return "flash.privacy.\(action)"
        }
        change("/privacy/{id}/fulfil", .managePrivacy) { id, form, identity in
            let language = Language(rawValue: form["language"] ?? "en") ?? .en
            _ = try DeliverablesAPI.fulfil(id, language: language, archive: archive, vault: vault, identity: identity)
            return "flash.privacy.fulfilled"
        }
        change("/privacy/{id}/legal-claim", .legalClaims) { id, form, identity in
            _ = try PrivacyRequestService(archive: archive).setLegalClaim(
                id, reference: try form.required("reference"), reviewBy: try GovernanceAPI.day(form["review_by"], "review_by"),
                actor: identity.actor)
            return "flash.privacy.claim"
        }
        change("/privacy/{id}/legal-claim/close", .legalClaims) { id, _, identity in
            _ = try PrivacyRequestService(archive: archive).closeLegalClaim(id, on: Today.day, actor: identity.actor)
            return "flash.privacy.claimclosed"
        }
    }

    /// The clock of a request as pages show it.
    static func clock(_ r: RegisteredPrivacyRequest) -> [String: Any] {
        let left = r.daysLeft(on: Today.day)
        let open = !r.request.status.isFinal
        return [
            "id": r.id, "type": r.request.kind.rawValue, "law": r.request.law.rawValue, "status": r.request.status.rawValue,
            "received": r.request.received.description, "due": r.deadline.due.description, "left": left,
            "overdue": open && left < 0, "soon": open && left >= 0 && left <= 7, "open": open,
            "ackBy": r.deadline.acknowledgeBy?.description ?? "—", "extended": r.deadline.extended,
            "originalDue": r.deadline.originalDue.description, "citation": r.deadline.citation,
        ]
    }

    static func list(
        _ archive: Archive, _ renderer: PageRenderer, _ request: Request, _ identity: Identity, flash: ScreenKit.Flash?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let requests = try await Offload.run { try PrivacyRequestService(archive: archive).list() }
        let data: [String: Any] = [
            "requests": requests.sorted { ($0.request.status.isFinal ? 1 : 0, $0.deadline.due) < ($1.request.status.isFinal ? 1 : 0, $1.deadline.due) }
                .map(clock),
            "empty": requests.isEmpty, "today": Today.day.description,
            "types": PrivacyRequestKind.allCases.map(\.rawValue), "laws": PrivacyLaw.allCases.map(\.rawValue),
        ]
        return renderer.render("privacy", data, title: "privacy.title", request: request, identity: identity, status: status, flash: flash)
    }

    static func detail(
        _ id: String, _ archive: Archive, _ renderer: PageRenderer, _ request: Request, _ identity: Identity,
        flash: ScreenKit.Flash?, status: HTTPResponse.Status = .ok, vault: DeliverableVault
    ) async throws -> Response {
        let r = try await Offload.run { try PrivacyRequestService(archive: archive).show(id) }
        var data = clock(r)
        // The request's letters and packages, for the role that made them.
        let files = try await Offload.run { try vault.list() }.filter {
            $0.kind == .privacy && $0.title == DeliverablesAPI.privacyTitle(id) && $0.audience == identity.role.rawValue
        }
        data["files"] = files.map { d -> [String: Any] in
            ["id": d.id, "at": d.created_at, "ready": d.status == .ready, "names": d.files.map(\.name).joined(separator: ", ")]
        }
        data["hasFiles"] = !files.isEmpty
        let history = r.request.history
        data["subjects"] = r.subjects
        data["createdBy"] = r.createdBy
        data["history"] = history.indices.map { i -> [String: Any] in
            [
                "from": history[i].from.rawValue, "to": history[i].to.rawValue, "day": history[i].day.description,
                "note": history[i].note ?? "", "by": i < r.movedBy.count ? r.movedBy[i] : "",
            ]
        }
        if let claim = r.legalClaim {
            data["claim"] = ["reference": claim.reference, "reviewBy": claim.reviewBy?.description ?? "—"]
        }
        data["mayAcknowledge"] = r.request.status.next.contains(.acknowledged)
        data["mayExtend"] = r.request.status.next.contains(.extended) && r.deadline.latestExtendedDue != nil
        data["mayRefuse"] = r.request.status.next.contains(.refused)
        data["mayClaim"] = r.request.kind == .erasure
        return renderer.render("privacyRequest", data, title: "privacy.detail", request: request, identity: identity, status: status, flash: flash)
    }
}
