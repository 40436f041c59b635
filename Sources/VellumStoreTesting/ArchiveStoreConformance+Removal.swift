import Foundation
import VellumCore
import VellumCrypto
import VellumStore

extension ArchiveStoreConformance {
    static func removal(_ store: any ArchiveStore) throws {
        let rs = (1 ... 4).map { record($0) }
        try store.write { tx in
            for r in rs { try tx.insert(r, indexTokens: "tok\(label(r.id)) shared") }
            _ = try tx.addAlert(alert(1, rule: "pii", at: 10))
            _ = try tx.addAlert(alert(2, rule: "pii", at: 10))
        }
        let gone = RecordRemoval(
            id: rs[0].id, sourceKey: rs[0].sourceKey, commitment: rs[0].commitment, captureIndex: rs[0].ledgerIndex,
            ledgerIndex: 40, reason: .erasure, at: 1_900_000_000_000)
        let disposed = RecordRemoval(
            id: rs[3].id, sourceKey: rs[3].sourceKey, commitment: rs[3].commitment, captureIndex: rs[3].ledgerIndex,
            ledgerIndex: 41, reason: .retention, at: 1_900_000_000_001)
        try store.write { tx in
            try tx.restrict(RecordRestriction(id: rs[0].id, request: "PR-1", since: 5))
            try tx.remove(gone)
            try tx.remove(disposed)
        }
        try store.read { tx in
            try check(try tx.recordCount() == 2, "two records remain")
            try check(try tx.record(id: rs[0].id) == nil, "a removed record is gone by id")
            try check(try tx.record(sourceKey: rs[0].sourceKey) == nil, "a removed record is gone by source key")
            try check(try tx.containsRecord(sourceKey: rs[0].sourceKey), "a removed record still counts as captured")
            try check(
                try tx.containedRecords(sourceKeys: [rs[0].sourceKey, rs[1].sourceKey, key("never")])
                    == [rs[0].sourceKey, rs[1].sourceKey],
                "many keys at once: held and removed ones count, unknown ones do not")
            try check(try tx.indexTokens(of: rs[0].id) == nil, "its index row is gone")
            try check(try tx.records(after: -1, limit: 10).map(\.record.id) == [rs[1].id, rs[2].id], "paging skips it")
            try check(try tx.search(IndexQuery(phrases: [["tokm1"]])).total == 0, "its tokens no longer match")
            try check(try tx.search(IndexQuery(phrases: [["shared"]])).total == 2, "the others still match")
            try check(try tx.restriction(of: rs[0].id) == nil, "removal lifts its restriction")
            try check(try tx.removal(id: rs[0].id) == gone, "the removal reads back")
            try check(try tx.removals(after: -1, limit: 10) == [gone, disposed], "removals page in ledger order")
            try check(try tx.removals(after: 40, limit: 10) == [disposed], "removals page after a ledger index")
            let alerts = try tx.alerts(AlertQuery())
            try check(alerts.count == 2, "alerts stay")
            try check(alerts.first { $0.record == rs[0].id }?.sealed.isEmpty == true, "the removed record's alert content is gone")
            try check(alerts.first { $0.record == rs[1].id }?.sealed.isEmpty == false, "other alerts keep their content")
            try check(try tx.orphanRevisions().isEmpty, "nothing is an orphan")
        }
        var threw = false
        do { try store.write { tx in try tx.insert(rs[0], indexTokens: "x") } } catch { threw = true }
        try check(threw, "a removed record's source key is refused on insert")
        threw = false
        do { try store.write { tx in try tx.remove(gone) } } catch { threw = true }
        try check(threw, "removing an unknown record throws")
        let fifth = record(5)
        try store.write { tx in try tx.insert(fifth, indexTokens: "t") }
        try store.read { tx in
            let positions = try tx.records(after: -1, limit: 10).map(\.position)
            try check(positions == positions.sorted() && Set(positions).count == 3, "positions stay increasing and unique")
        }
        // An edit whose original was disposed is not a capture gap.
        try store.write { tx in try tx.insert(record(6, kind: .edit, target: "src4"), indexTokens: "t") }
        try store.read { tx in try check(try tx.orphanRevisions().isEmpty, "an edit of a removed record is no gap") }
        try store.reclaim()
        try store.read { tx in try check(try tx.search(IndexQuery(phrases: [["shared"]])).total == 2, "reclaim keeps the index") }
    }

    static func restriction(_ store: any ArchiveStore) throws {
        let a = RecordRestriction(id: id(1), request: "PR-1", since: 5)
        try store.write { tx in
            for n in 1 ... 3 { try tx.insert(record(n), indexTokens: "word") }
            try tx.restrict(a)
            try tx.restrict(RecordRestriction(id: id(1), request: "PR-2", since: 6))
            try tx.restrict(RecordRestriction(id: id(2), request: "PR-2", since: 7))
        }
        try store.read { tx in
            try check(try tx.restriction(of: id(1)) == a, "the first restriction stays")
            try check(try tx.restrictions().map { label($0.id) } == ["m1", "m2"], "restrictions list in order")
            var q = IndexQuery(phrases: [["word"]])
            try check(try tx.search(q).total == 3, "restricted records are found by default")
            q.excludeRestricted = true
            try check(try tx.search(q).hits.map { label($0.id) } == ["m3"], "and left out on request")
            try check(try tx.search(q).total == 1, "and not counted")
            var dated = q
            dated.since = 0
            try check(try tx.search(dated).hits.map { label($0.id) } == ["m3"], "also with a filter beside the words")
            var all = IndexQuery()
            all.excludeRestricted = true
            try check(try tx.search(all).total == 1, "also without words")
        }
        try store.write { tx in try tx.unrestrict(id(1)) }
        try store.read { tx in
            try check(try tx.restriction(of: id(1)) == nil, "a lifted restriction is gone")
            try check(try tx.restrictions().count == 1, "the other stays")
        }
    }

    static func booleanSearch(_ store: any ArchiveStore) throws {
        var tagged = record(1)
        tagged.tagKeys = [key("has:attachment"), key("detector:iban")]
        var other = record(2)
        other.tagKeys = [key("detector:iban")]
        try store.write { tx in
            try tx.insert(tagged, indexTokens: "bond memo alpha")
            try tx.insert(other, indexTokens: "bond lunch")
            try tx.insert(record(3), indexTokens: "lunch menu")
            try tx.insert(record(4, kind: .edit, target: "src1"), indexTokens: "bond memo beta")
            try tx.insert(record(5, kind: .recall, target: "src2"), indexTokens: "")
            _ = try tx.addAlert(alert(2, rule: "pii", at: 1))
        }
        func ids(_ configure: (inout IndexQuery) -> Void) throws -> [String] {
            var q = IndexQuery(limit: 20, order: .timeAscending)
            configure(&q)
            return try store.read { try $0.search(q) }.hits.map { label($0.id) }
        }
        try check(try ids { $0.text = .any([.phrase(["alpha"]), .phrase(["menu"])]) } == ["m1", "m3"], "OR of words")
        try check(try ids { $0.phrases = [["bond"]]; $0.excludedText = .phrase(["lunch"]) } == ["m1", "m4"], "a word but not another")
        try check(try ids { $0.excludedText = .phrase(["bond"]) } == ["m3", "m5"], "NOT alone, beside no words")
        try check(
            try ids { $0.text = .all([.phrase(["bond"]), .but(.phrase(["memo"]), excluding: .phrase(["beta"]))]) } == ["m1"],
            "nested AND and NOT")
        try check(try ids { $0.text = .phrase(["bond", "memo"]) } == ["m1", "m4"], "phrases keep their order")
        try check(try ids { $0.tagGroups = [[key("detector:iban")]] } == ["m1", "m2"], "a tag")
        try check(try ids { $0.tagGroups = [[key("detector:iban")], [key("has:attachment")]] } == ["m1"], "two tags")
        try check(try ids { $0.revisedBy = [.edit] } == ["m1"], "revised by an edit")
        try check(try ids { $0.revisedBy = [.recall] } == ["m2"], "revised by a recall")
        try check(try ids { $0.alertStatuses = [] } == ["m2"], "any alert")
        try check(try ids { $0.alertStatuses = [.closed] }.isEmpty, "no closed alert")
        try check(try ids { $0.alertStatuses = [.open, .closed] } == ["m2"], "open or closed")
        try check(try store.read { try $0.record(id: tagged.id) }?.tagKeys.sorted { $0.lexicographicallyPrecedes($1) }
            == tagged.tagKeys.sorted { $0.lexicographicallyPrecedes($1) }, "tags read back")
    }
}
