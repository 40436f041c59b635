public import Foundation
import VellumCore
public import VellumPolicy
import VellumStore

/// What fulfilling a privacy request did.
public struct PrivacyFulfilment: Sendable, Codable, Hashable {
    public var request: String
    public var type: String
    /// Records the subject look-up found.
    public var records: Int
    /// Erasure: what was erased and kept, and the letter.
    public var erasure: ErasureService.Outcome?
    /// Access: how many messages and files went into the package.
    public var access_items: Int?
    public var access_files: Int?
    /// Restriction (and erasure): how many records are now restricted.
    public var restricted: Int?
    /// Files written (the access package folder, the decision letter).
    public var written: [String]
}

extension PrivacyRequestService {
    /// Carries out request `id` on `day`: an access package, an erasure decided record by record,
    /// or a restriction; then marks the request fulfilled. Files go into `folder`, which must not
    /// exist yet (the access package, the decision letter).
    public func fulfil(
        _ id: String, into folder: URL?, language: Language, on day: CalendarDay, actor: String
    ) throws -> PrivacyFulfilment {
        let registered = try show(id)
        guard !registered.request.status.isFinal else {
            throw VellumError(.refused, "request \(id) is already \(registered.request.status.rawValue)")
        }
        if registered.request.kind == .correction { throw Self.correctionRefused(id) }
        if registered.request.kind == .access, folder == nil {
            throw VellumError(.invalidInput, "an access package needs a folder to go into (--out DIR)")
        }
        if let folder, FileManager.default.fileExists(atPath: folder.path) {
            throw VellumError(.invalidInput, "\(folder.path) already exists; give a new folder")
        }
        let found = try lookup(id, actor: actor).records
        var result = PrivacyFulfilment(
            request: id, type: registered.request.kind.rawValue, records: found.count, written: [])
        let note: String
        switch registered.request.kind {
        case .access:
            let package = try AccessPackageWriter(archive: archive).write(
                request: registered, records: found, to: folder!, language: language)
            result.access_items = package.items.count
            result.access_files = package.items.reduce(0) { $0 + $1.files.count }
            result.written = [folder!.appendingPathComponent("access.json").path, folder!.appendingPathComponent("access.html").path]
            note = "access package: \(package.items.count) messages"
        case .erasure:
            let outcome = try ErasureService(archive: archive).erase(
                registered.request, records: found, legalClaim: registered.legalClaim, actor: actor, on: day,
                language: language)
            result.erasure = outcome
            result.restricted = outcome.kept.count
            if let folder {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let letter = folder.appendingPathComponent("decision-letter.\(language.rawValue).txt")
                try Data(outcome.letter.utf8).write(to: letter, options: .withoutOverwriting)
                result.written = [letter.path]
            }
            note = "erased \(outcome.erased.count), kept \(outcome.kept.count) restricted"
        case .restriction:
            try ErasureService(archive: archive).restrict(found.map(\.id), request: id, actor: actor)
            result.restricted = found.count
            note = "restricted \(found.count) records"
        case .correction:
            throw Self.correctionRefused(id)
        }
        if registered.request.status == .received {
            try move(id, to: .inProgress, note: nil, on: day, actor: actor)
        }
        try move(id, to: .fulfilled, note: note, on: day, actor: actor)
        return result
    }

    static func correctionRefused(_ id: String) -> VellumError {
        VellumError(
            .refused,
            "archived communications are kept unaltered (SEC 17a-4(f), MiFID II Art. 16(7)); answer request \(id) with `vellum privacy refuse --reason …` and keep the person's statement with it")
    }
}
