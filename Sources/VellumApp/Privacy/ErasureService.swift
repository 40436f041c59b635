public import Foundation
public import VellumCore
public import VellumPolicy
import VellumStore

/// Carries out an erasure request record by record (regulation.md §6.2): legal hold, then
/// unexpired retention, else erase. Erased records are crypto-shredded (``RecordRemover``);
/// kept ones are restricted, and `retention run` erases them when their obstacle ends. The
/// decision letter says what was erased, what was kept, why and until when.
public struct ErasureService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// What an erasure decided and did.
    public struct Outcome: Sendable, Codable, Hashable {
        public struct Kept: Sendable, Codable, Hashable {
            public var id: String
            /// One sentence: the obstacle and when the record will be erased.
            public var decision: String
        }

        public var request: String
        public var day: String
        public var erased: [String]
        public var kept: [Kept]
        /// The decision letter, in the language asked for.
        public var letter: String
        /// Whether the database files were rewritten at once (see ``DispositionReport/files_reclaimed``).
        public var files_reclaimed: Bool
    }

    /// Decides every record in `records` (the subject's, found by keyed look-up) on `day`.
    func erase(
        _ request: PrivacyRequest, records: [StoredRecord], legalClaim: LegalClaim? = nil, actor: String,
        on day: CalendarDay, language: Language
    ) throws -> Outcome {
        let governance = try RecordGovernance(archive: archive)
        var decisions: [ErasureDecision] = []
        var erase: [RecordRemover.Item] = []
        var keep: [(RecordID, ErasureDecision)] = []
        for stored in records {
            let m = try archive.open(stored).message
            let retention = governance.retention(of: m, stored: stored)
            let holds = governance.holds(covering: m)
            let decision = ErasureDecision.decide(
                ErasureItem(
                    id: stored.id.rawValue, category: Self.category(.en), retention: retention, holds: holds,
                    legalClaim: legalClaim), on: day)
            decisions.append(Self.localized(decision, language))
            // Attachments follow their message; the letter counts them on their own line.
            for _ in m.attachments {
                var file = Self.localized(decision, language)
                file.category = Self.attachmentCategory(language)
                decisions.append(file)
            }
            if decision.outcome == .erase {
                erase.append(RecordRemover.Item(id: stored.id, reason: .erasure, basis: request.id))
            } else {
                keep.append((stored.id, decision))
            }
        }
        try restrict(keep.map(\.0), request: request.id, actor: actor)
        let result = try RecordRemover(archive: archive).remove(erase)
        let removed = result.removals
        let letter = DecisionLetter.render(
            request: request, decisions: decisions, policy: governance.policy, language: language, date: day)
        return Outcome(
            request: request.id, day: day.description, erased: removed.map(\.id.rawValue),
            kept: keep.map { Outcome.Kept(id: $0.0.rawValue, decision: $0.1.explanation) }, letter: letter,
            files_reclaimed: result.reclaimed)
    }

    /// Restricts kept records in one transaction, with one ledger leaf naming them and the request.
    func restrict(_ ids: [RecordID], request: String, actor: String) throws {
        guard !ids.isEmpty else { return }
        let at = archive.nowMilliseconds
        try archive.store.write { tx in
            for id in ids { try tx.restrict(RecordRestriction(id: id, request: request, since: at)) }
            _ = try LedgerAppender(archive: archive, tx: tx).append([LedgerEvent(
                type: .restriction, at: at, kind: request, actor: actor, records: ids.map(\.rawValue), count: ids.count)])
        }
        try archive.writeCheckpoint()
    }

    static func category(_ language: Language) -> String { language == .zh ? "消息" : "messages" }
    static func attachmentCategory(_ language: Language) -> String { language == .zh ? "附件" : "attachments" }

    static func localized(_ d: ErasureDecision, _ language: Language) -> ErasureDecision {
        var d = d
        d.category = category(language)
        return d
    }
}
