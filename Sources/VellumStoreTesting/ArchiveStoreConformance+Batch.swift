import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// The batch insert (``ArchiveWriter/insert(_:)``): the same records, participants, tags and index
/// as inserting one at a time, and all or none.
extension ArchiveStoreConformance {
    static func batchInsert(_ store: any ArchiveStore) throws {
        var tagged = record(2, others: ["bob", "carol"])
        tagged.tagKeys = [key("has:attachment"), key("detector:iban")]
        // Stores give keys back in byte order; so that the record reads back equal, start there.
        tagged.tagKeys.sort { $0.lexicographicallyPrecedes($1) }
        tagged.participantKeys.sort { $0.lexicographicallyPrecedes($1) }
        let edit = record(3, kind: .edit, target: "src1", others: [])
        let batch = [record(1), tagged, edit, record(4, sender: "dave")]
        try store.write { tx in
            try tx.insert([])
            try tx.insert(batch.enumerated().map { IndexedRecord($1, indexTokens: "tok\($0) shared") })
        }
        try store.read { tx in
            try check(try tx.recordCount() == 4, "four records")
            for r in batch {
                try check(try tx.record(id: r.id) == r, "record \(r.id) reads back equal by id")
                try check(try tx.record(sourceKey: r.sourceKey) == r, "record \(r.id) reads back by source key")
            }
            let paged = try tx.records(after: -1, limit: 10)
            try check(paged.map(\.record.id) == batch.map(\.id), "positions follow the batch's order")
            try check(try tx.indexTokens(of: tagged.id) == "tok1 shared", "index tokens read back")
            try check(try tx.search(IndexQuery(phrases: [["shared"]])).total == 4, "every record is indexed")
            try check(try tx.search(IndexQuery(phrases: [["tok2", "shared"]])).hits.map(\.id) == [edit.id], "a phrase")
            try check(
                try tx.search(IndexQuery(participantKeys: [key("carol")])).hits.map(\.id) == [tagged.id],
                "participants are kept")
            try check(
                try tx.search(IndexQuery(participantKeys: [key("dave")])).hits.map(\.id) == [batch[3].id],
                "the sender is a participant")
            var byTag = IndexQuery(limit: 10)
            byTag.tagGroups = [[key("detector:iban")]]
            try check(try tx.search(byTag).hits.map(\.id) == [tagged.id], "tags are kept")
            try check(try tx.records(targeting: key("src1")).map(\.id) == [edit.id], "the edit is found by its target")
        }
    }

    static func batchRefused(_ store: any ArchiveStore) throws {
        func refuses(_ batch: [StoredRecord], _ tx: any ArchiveWriter, _ what: String) throws {
            do {
                try tx.insert(batch.map { IndexedRecord($0, indexTokens: "refused \(label($0.id))") })
            } catch let e as VellumError {
                return try check(e.code == .duplicate, "\(what): the error code is duplicate, got \(e.code)")
            }
            throw ConformanceFailure("\(what): the batch must be refused")
        }
        try store.write { tx in
            try tx.insert(record(1), indexTokens: "one")
            try refuses([record(2), record(1), record(3)], tx, "a held source key")
            try refuses([record(4), record(5), record(4)], tx, "a source key twice in the batch")
            // The same write goes on after the refusals (a PostgreSQL transaction stays usable).
            try tx.insert([IndexedRecord(record(6), indexTokens: "six")])
        }
        let gone = record(1)
        try store.write { tx in
            try tx.remove(RecordRemoval(
                id: gone.id, sourceKey: gone.sourceKey, commitment: gone.commitment, captureIndex: gone.ledgerIndex,
                ledgerIndex: 40, reason: .retention, at: 1_900_000_000_000))
        }
        try store.write { tx in
            try refuses([record(7), gone], tx, "a removed source key")
            try tx.insert([IndexedRecord(record(8), indexTokens: "eight")])
        }
        try store.read { tx in
            try check(try tx.records(after: -1, limit: 10).map { label($0.record.id) } == ["m6", "m8"], "only m6 and m8 remain")
            try check(try tx.search(IndexQuery(phrases: [["refused"]])).total == 0, "nothing of a refused batch is indexed")
            try check(try tx.recordCount() == 2, "two records")
        }
    }
}
