import Foundation
import Synchronization
import Testing
@testable import VellumApp
import VellumCapture
import VellumCore
import VellumSQLite
import VellumStore

/// New scopes get their data keys in the commit's transaction, not while a batch is staged, so
/// staging never waits for the archive's one writer.
@Suite("Scope keys are made by the commit")
struct ScopeKeyCommitTests {
    func messages(_ text: String) throws -> [Message] {
        let lines = text.split(separator: "\n")
        let parsed = lines.enumerated().compactMap { i, line -> Message? in
            if case .message(let m) = VellumJSONLinesParser().parse(Data(line.utf8), file: "t.jsonl", line: i + 1) { m } else { nil }
        }
        try #require(parsed.count == lines.count)
        return parsed
    }

    func items(_ text: String) throws -> [IncomingItem] { try messages(text).map { .message($0) } }

    /// The scopes of the fixture's messages: one per outside person or conversation.
    func scopeIDs(_ t: TestArchive) throws -> Set<Data> {
        Set(try PartyResolver(archive: t.archive).resolve(try messages(Fixture.chat)).map(\.scopeID))
    }

    func storedKeys(_ t: TestArchive) throws -> Int {
        let scopes = Array(try scopeIDs(t))
        return try t.archive.store.read { tx in try tx.wrappedKeys(scopes: scopes).count }
    }

    @Test("staging new people's messages stores no key; the commit stores them with the records")
    func stagingWritesNoKey() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        let staged = try ingestor.stage(items(Fixture.chat))
        #expect(try storedKeys(t) == 0)
        let outcomes = try ingestor.commit(staged)
        #expect(outcomes.allSatisfy { if case .imported = $0 { true } else { false } })
        #expect(try storedKeys(t) == (try scopeIDs(t)).count)
        #expect(try t.search("合同").hits.first?.text == "张经理，合同我看过了，下周签。")
        #expect(try t.verify().problems == [])
    }

    @Test("a commit that fails keeps none of the keys it made: the retry makes them again and every record opens")
    func failedCommitForgetsKeys() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        try t.sqlite.executeUncheckedSQL(
            "CREATE TRIGGER fail_commit BEFORE INSERT ON records BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
        #expect(throws: (any Error).self) { try ingestor.commit(try ingestor.stage(items(Fixture.chat))) }
        #expect(try storedKeys(t) == 0)
        #expect(t.archive.cachedDataKeys(try scopeIDs(t)).isEmpty)
        try t.sqlite.executeUncheckedSQL("DROP TRIGGER fail_commit")

        let summary = try t.importJSONL(Fixture.chat)
        #expect(summary.imported == 7)
        #expect(try t.archive.store.read { try $0.recordCount() } == 7)
        #expect(try t.search("bond").hits.map(\.text) == ["Can you send the bond allocation memo?"])
        #expect(try t.verify().problems == [])
    }

    /// Every record of the fixture opens: listed by time, each hit shows its decrypted text.
    func allOpen(_ t: TestArchive) throws {
        let hits = try t.search(nil) { $0.limit = 50 }.hits
        #expect(hits.count == 7)
        #expect(hits.allSatisfy { $0.text != nil })
        #expect(try t.verify().problems == [])
    }

    @Test("records are wrapped while staging, under keys proposed for new scopes that the commit stores")
    func stagedUnderProposals() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        let staged = try ingestor.stage(items(Fixture.chat))
        #expect(Set(staged.proposedKeys.keys) == (try scopeIDs(t)))
        #expect(staged.prepared.allSatisfy { $0.record.recordKey != nil })
        _ = try ingestor.commit(staged)
        let stored = try t.archive.store.read { tx in try tx.wrappedKeys(scopes: Array(staged.proposedKeys.keys)) }
        #expect(staged.proposedKeys.allSatisfy { stored[$0.key] == $0.value.wrapped })
        #expect(ingestor.proposals.withLock { $0.isEmpty })
        try allOpen(t)
    }

    @Test("a proposal that loses to a key another server stored first: the commit wraps those records again")
    func proposalLoses() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        let staged = try ingestor.stage(items(Fixture.chat))
        // Another server (its own archive object, its own caches) gives the same scopes keys first.
        let other = try Archive.open(t.dir)
        let theirs = try other.store.write { tx in try other.dataKeys(scopeIDs: try scopeIDs(t), in: tx) }
        _ = try ingestor.commit(staged)
        let stored = try t.archive.store.read { tx in try tx.wrappedKeys(scopes: Array(staged.proposedKeys.keys)) }
        #expect(staged.proposedKeys.allSatisfy { stored[$0.key] != $0.value.wrapped })
        #expect(t.archive.cachedDataKeys(try scopeIDs(t)) == theirs)
        try allOpen(t)
    }

    @Test("batches staged back to back share the proposal for a scope they both meet")
    func backToBack() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        let all = try items(Fixture.chat)
        let first = try ingestor.stage(Array(all[..<4]))
        let second = try ingestor.stage(Array(all[4...]))
        let shared = Set(first.proposedKeys.keys).intersection(second.proposedKeys.keys)
        try #require(!shared.isEmpty)
        #expect(shared.allSatisfy { first.proposedKeys[$0]!.wrapped == second.proposedKeys[$0]!.wrapped })
        _ = try ingestor.commit(first)
        _ = try ingestor.commit(second)
        try allOpen(t)
    }
}
