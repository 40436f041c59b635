import Foundation
import Synchronization
import Testing
@testable import VellumApp
import VellumCapture
import VellumCore
import VellumSQLite
import VellumStore

/// The commit does not ask the store again for duplicates when the ledger shows that only this
/// ingestor wrote since the batch was staged; anything else falls back to asking.
@Suite("A commit knows what arrived since staging from its own commits, or asks the store")
struct CommitSinceStagingTests {
    func items(_ t: TestArchive, _ range: Range<Int>) throws -> [IncomingItem] {
        let lines = Fixture.chat.split(separator: "\n")
        return lines[range].enumerated().compactMap { i, line -> IncomingItem? in
            if case .message(let m) = VellumJSONLinesParser().parse(Data(line.utf8), file: "t.jsonl", line: i + 1) {
                return .message(m)
            }
            return nil
        }
    }

    func keys(_ batch: Ingestor.StagedBatch) -> [Data] { batch.prepared.map(\.record.sourceKey) }
    func size(_ t: TestArchive) throws -> UInt64 { try t.archive.store.read { try $0.ledgerSize() } }

    func duplicates(_ outcomes: [ItemOutcome]) -> Int {
        outcomes.filter { if case .duplicate = $0 { true } else { false } }.count
    }

    @Test("batches staged back to back with messages in both: the second's repeats are known without asking")
    func ownCommits() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        let first = try ingestor.stage(try items(t, 0 ..< 4))
        let second = try ingestor.stage(try items(t, 2 ..< 7))
        #expect(first.ledgerSizeSeen == second.ledgerSizeSeen)
        _ = try ingestor.commit(first)
        let known = ingestor.heldSinceStaging(keys(second), seen: second.ledgerSizeSeen, now: try size(t))
        #expect(known == Set(keys(first)).intersection(keys(second)))
        #expect(known?.count == 2)
        let outcomes = try ingestor.commit(second)
        #expect(duplicates(outcomes) == 2)
        #expect(try t.archive.store.read { try $0.recordCount() } == 7)
        #expect(try t.verify().problems == [])
        // Nothing written since: nothing arrived.
        #expect(ingestor.heldSinceStaging(keys(second), seen: try size(t), now: try size(t)) == [])
    }

    @Test("another writer's records since staging: the commit asks the store and counts them as duplicates")
    func otherWriter() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        let staged = try ingestor.stage(try items(t, 0 ..< 7))
        // Another server (its own archive object and ingestor) imports two of the same messages first.
        let other = try Archive.open(t.dir)
        _ = try Ingestor(archive: other, supervision: .none).ingest(try items(t, 2 ..< 4))
        #expect(ingestor.heldSinceStaging(keys(staged), seen: staged.ledgerSizeSeen, now: try size(t)) == nil)
        let outcomes = try ingestor.commit(staged)
        #expect(duplicates(outcomes) == 2)
        #expect(try t.archive.store.read { try $0.recordCount() } == 7)
        #expect(try t.verify().problems == [])
    }

    @Test("a search between staging and commit (an access event) makes the commit ask the store")
    func accessEvent() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        _ = try ingestor.ingest(try items(t, 0 ..< 2))
        let staged = try ingestor.stage(try items(t, 0 ..< 7))
        _ = try t.search("合同")
        #expect(ingestor.heldSinceStaging(keys(staged), seen: staged.ledgerSizeSeen, now: try size(t)) == nil)
        let outcomes = try ingestor.commit(staged)
        #expect(duplicates(outcomes) == 2)
        #expect(try t.verify().problems == [])
    }

    @Test("a commit that fails is not remembered")
    func failedCommit() throws {
        let t = try TestArchive()
        let ingestor = try Ingestor(archive: t.archive, supervision: .none)
        let staged = try ingestor.stage(try items(t, 0 ..< 7))
        try t.sqlite.executeUncheckedSQL(
            "CREATE TRIGGER fail_commit BEFORE INSERT ON records BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
        #expect(throws: (any Error).self) { try ingestor.commit(staged) }
        #expect(ingestor.recentCommits.withLock { $0.isEmpty })
    }
}
