import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import VellumApp
import VellumCore
import VellumExport
import VellumPolicy

/// Exports and privacy-request outputs made on the server: produced in the background, kept
/// sealed, fetched as a zip by the creator's role. Every download is written to the ledger.
struct DeliverablesAPI {
    let archive: Archive
    let vault: DeliverableVault

    /// A deliverable as the API shows it (never its wrapped key).
    struct View: Encodable {
        var id, kind, title, created_by, created_at, status: String
        var error: String?
        var files: [Deliverable.File]
        var size: Int?
        var counts: [String: Int]
        var download: String?

        init(_ d: Deliverable) {
            id = d.id
            kind = d.kind.rawValue
            title = d.title
            created_by = d.created_by
            created_at = d.created_at
            status = d.status.rawValue
            error = d.error
            files = d.files
            size = d.size
            counts = d.counts
            download = d.status == .ready ? "/api/v1/deliverables/\(d.id)/download" : nil
        }
    }

    /// One scope field, the formats (all when absent), masking (on unless turned off).
    struct NewExport: Decodable {
        var query: String?
        var conversation: String?
        var hold: String?
        var privacy_request: String?
        var formats: [String]?
        var mask: Bool?
        var include_restricted: Bool?

        func scope() throws -> ExportScope {
            let given: [ExportScope] = [
                query.map(ExportScope.query), conversation.map(ExportScope.conversation), hold.map(ExportScope.hold),
                privacy_request.map(ExportScope.privacyRequest),
            ].compactMap { $0 }
            guard given.count == 1 else {
                throw HTTPFailure(.badRequest, "invalidInput", "give exactly one of query, conversation, hold, privacy_request")
            }
            return given[0]
        }

        func formatSet() throws -> Set<ExportFormat> {
            guard let formats, !formats.isEmpty else { return Set(ExportFormat.allCases) }
            return Set(try formats.map { f in
                guard let format = ExportFormat(rawValue: f) else {
                    throw HTTPFailure(.badRequest, "invalidInput", "formats: one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return format
            })
        }
    }

    struct Fulfil: Decodable { var language: String? }

    struct FulfilAnswer: Encodable {
        var fulfilment: PrivacyFulfilment
        var deliverable: View
    }

    func register(_ book: RouteBook) {
        book.add(.post, "/api/v1/exports", .api, .exportRecords) { request, context, identity in
            let body = try await JSONResponse.decode(NewExport.self, from: request, context: context)
            let scope = try body.scope(), formats = try body.formatSet()
            let restricted = body.include_restricted == true
            if restricted, !identity.allows(.readRestricted) { throw HTTPFailure.forbidden(.readRestricted) }
            let started = try await Offload.run { [vault] in
                try vault.start(kind: .export, title: Self.title(scope), actor: identity.actor, audience: identity.role.rawValue)
            }
            // Runs on after the answer; its state is visible at /api/v1/deliverables/{id}.
            Task.detached { [archive, vault] in
                _ = try? await Offload.run {
                    try vault.fill(started) { folder in
                        let s = try ExportService(archive: archive).export(
                            scope, formats: formats, to: folder, mask: body.mask ?? true, actor: identity.actor,
                            includeRestricted: restricted)
                        return ["records": s.records, "conversations": s.conversations, "attachments": s.attachments, "files": s.files]
                    }
                }
            }
            return try JSONResponse.make(View(started), status: .accepted)
        }
        book.add(.get, "/api/v1/exports", .api, .exportRecords) { _, _, identity in
            let all = try await Offload.run { [vault] in try vault.list() }
            return try JSONResponse.make(all.filter { $0.kind == .export && $0.audience == identity.role.rawValue }.map(View.init))
        }
        book.add(.get, "/api/v1/deliverables/{id}", .api, nil) { _, context, identity in
            let id = try context.parameters.require("id")
            let d = try await Offload.run { [vault] in try vault.get(id) }
            try Self.mayFetch(d, identity)
            return try JSONResponse.make(View(d))
        }
        book.add(.get, "/api/v1/deliverables/{id}/download", .api, nil) { _, context, identity in
            let id = try context.parameters.require("id")
            let d = try await Offload.run { [vault] in try vault.get(id) }
            try Self.mayFetch(d, identity)
            guard d.status == .ready else { throw HTTPFailure(.conflict, "refused", "deliverable \(id) is \(d.status.rawValue)") }
            let body = ResponseBody(contentLength: d.size) { [vault] writer in
                let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream(bufferingPolicy: .bufferingNewest(4))
                Offload.queue.async {
                    do {
                        try vault.read(id, actor: identity.actor) { continuation.yield($0) }
                        continuation.finish()
                    } catch { continuation.finish(throwing: error) }
                }
                for try await chunk in stream { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"vellum-\(id).zip\""],
                body: body)
        }
        book.add(.post, "/api/v1/privacy-requests/{id}/fulfil", .api, .managePrivacy) { request, context, identity in
            let id = try context.parameters.require("id")
            let body = try await JSONResponse.decode(Fulfil.self, from: request, context: context)
            guard let language = Language(rawValue: body.language ?? "en") else {
                throw HTTPFailure(.badRequest, "invalidInput", "language: en or zh")
            }
            let answer = try await Offload.run { [archive, vault] in
                try Self.fulfil(id, language: language, archive: archive, vault: vault, identity: identity)
            }
            return try JSONResponse.make(answer)
        }
    }

    /// Carries out a privacy request today, keeping its files (access package, decision letter)
    /// as a sealed deliverable of the caller's role; a refusal leaves no deliverable behind.
    static func fulfil(_ id: String, language: Language, archive: Archive, vault: DeliverableVault, identity: Identity) throws
        -> FulfilAnswer
    {
        let d = try vault.start(kind: .privacy, title: privacyTitle(id), actor: identity.actor, audience: identity.role.rawValue)
        var fulfilment: PrivacyFulfilment?
        do {
            let done = try vault.fill(d) { folder in
                var f = try PrivacyRequestService(archive: archive).fulfil(
                    id, into: folder, language: language, on: Today.day, actor: identity.actor)
                // Name the files as they appear in the zip, not where they were made.
                f.written = f.written.map { String($0.dropFirst(folder.path.count + 1)) }
                fulfilment = f
                if !FileManager.default.fileExists(atPath: folder.path) {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                return ["records": f.records]
            }
            return FulfilAnswer(fulfilment: fulfilment!, deliverable: View(done))
        } catch {
            try? vault.delete(d.id)
            throw error
        }
    }

    static func privacyTitle(_ id: String) -> String { "privacy request \(id)" }

    static func title(_ scope: ExportScope) -> String {
        switch scope {
        case .query: "export of a search"
        case .conversation(let c): "export of conversation \(c)"
        case .hold(let h): "export of hold \(h)"
        case .privacyRequest(let r): "export for privacy request \(r)"
        }
    }

    /// Only the role that made a deliverable fetches it (legal's exports are not compliance's).
    static func mayFetch(_ d: Deliverable, _ identity: Identity) throws {
        let needed: Permission = d.kind == .export ? .exportRecords : .managePrivacy
        guard identity.allows(needed), d.audience == identity.role.rawValue else { throw HTTPFailure.forbidden(needed) }
    }
}

extension HTTPField.Name {
    static let contentDisposition = HTTPField.Name("Content-Disposition")!
}
