import VellumStore
import Foundation
import VellumCore
import VellumCrypto

/// Writes who read what to the ledger: every search, view and export.
///
/// The query text can itself be sensitive, so it is sealed under the audit scope: auditors can
/// open it, the ledger shows only that a search happened, by whom, and what it returned.
struct AccessLog {
    let archive: Archive

    static let context = Data("audit".utf8)

    /// `commitment` is a digest the leaf carries in the clear (an export's manifest SHA-256), so a
    /// signed tree head vouches for it.
    func record(
        actor: String, action: String, records: [String], count: Int, detail: String, commitment: String? = nil
    ) throws {
        let sealed = try archive.dataKey(scope: ScopePolicy.audit).seal(Data(detail.utf8), context: Self.context)
        try archive.store.write { tx in
            _ = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(
                    type: .access, at: archive.nowMilliseconds, commitment: commitment, actor: actor, action: action,
                    records: records,
                    count: count, sealed: sealed.base64EncodedString())
            ])
        }
        try archive.writeCheckpoint()
    }
}
