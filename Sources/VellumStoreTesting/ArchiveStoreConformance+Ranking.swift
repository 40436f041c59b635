import Foundation
import VellumCore
import VellumStore

extension ArchiveStoreConformance {
    /// Blocks of ten: 35 matches of `w`, all six tokens long, with 1–5 occurrences that do not
    /// follow their age, so relevance within a block (more occurrences first) differs from age.
    static func rankingBlocks(_ store: any ArchiveStore) throws {
        func occurrences(_ n: Int) -> Int { (n * 7) % 5 + 1 }
        try store.write { tx in
            for n in 1 ... 35 {
                let words = Array(repeating: "w", count: occurrences(n)) + Array(repeating: "f\(n)", count: 6 - occurrences(n))
                try tx.insert(record(n), indexTokens: words.joined(separator: " "))
            }
            try tx.insert(record(36), indexTokens: "other words only")
        }
        func page(limit: Int, offset: Int, filtered: Bool = false) throws -> (total: Int, numbers: [Int]) {
            var q = IndexQuery(phrases: [["w"]], channels: filtered ? [.wecom] : [], limit: limit, offset: offset)
            q.rankingBlock = 10
            let result = try store.read { try $0.search(q) }
            return (result.total, result.hits.map { Int(label($0.id).dropFirst())! })
        }
        for filtered in [false, true] {
            var all: [Int] = []
            for offset in stride(from: 0, to: 42, by: 7) {
                let p = try page(limit: 7, offset: offset, filtered: filtered)
                try check(p.total == 35, "the total is every match, got \(p.total)")
                all += p.numbers
            }
            try check(all.count == 35 && Set(all) == Set(1 ... 35), "pages list every match once, got \(all)")
            let blocks = [all[0 ..< 10], all[10 ..< 20], all[20 ..< 30], all[30...]]
            try check(
                blocks.map { Set($0) } == [Set(26 ... 35), Set(16 ... 25), Set(6 ... 15), Set(1 ... 5)],
                "blocks of the ten newest matches, newest first (filtered: \(filtered)), got \(blocks.map(Array.init))")
            for block in blocks {
                let counts = block.map(occurrences)
                try check(zip(counts, counts.dropFirst()).allSatisfy { $0 >= $1 },
                          "within a block, more occurrences rank first, got \(counts)")
            }
            try check(try page(limit: 15, offset: 5, filtered: filtered).numbers == Array(all[5 ..< 20]),
                      "a page across two blocks is the pages that cover it")
        }
        // With the default block, 35 matches are one block: ranked all together.
        let counts = try store.read { try $0.search(IndexQuery(phrases: [["w"]])) }.hits
            .map { occurrences(Int(label($0.id).dropFirst())!) }
        try check(counts.count == 35 && zip(counts, counts.dropFirst()).allSatisfy { $0 >= $1 },
                  "one block ranks every match, got \(counts)")
    }
}
