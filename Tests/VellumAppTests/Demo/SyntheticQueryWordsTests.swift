import Foundation
import Testing
import VellumApp

@Suite("SyntheticCorpus query words")
struct SyntheticQueryWordsTests {
    @Test("query words are deterministic per seed and include Chinese words and phrases")
    func shape() {
        let words = SyntheticCorpus.queryWords(seed: 1)
        #expect(words == SyntheticCorpus.queryWords(seed: 1))
        #expect(words != SyntheticCorpus.queryWords(seed: 2))
        #expect(Set(words).count == words.count)
        #expect(words.count == 20)
        for required in ["合同", "付款", "客户"] { #expect(words.contains(required)) }
        let chinese = words.filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        #expect(chinese.count >= 4 && chinese.allSatisfy { $0.count == 2 })
        #expect(words.filter { $0.contains(" ") }.count == 2)
    }

    @Test("every query word occurs in the corpus; common words far more often than rare ones")
    func presentInCorpus() {
        let counts = SyntheticSample.termCounts
        let everyWord = Set((1...40).flatMap { SyntheticCorpus.queryWords(seed: $0) })
        #expect(everyWord.count > 40)
        #expect(everyWord.allSatisfy { (counts[$0] ?? 0) > 0 }, "missing: \(everyWord.filter { (counts[$0] ?? 0) == 0 })")
        for seed: UInt64 in [1, 2, 3] {
            let words = SyntheticCorpus.queryWords(seed: seed)
            let hits = words.map { counts[$0] ?? 0 }
            #expect(hits.allSatisfy { $0 > 0 }, "missing: \(zip(words, hits).filter { $0.1 == 0 }.map(\.0))")
            // The first six are common English words, the next six rare ones.
            let common = hits.prefix(6)
            let rare = hits.dropFirst(6).prefix(6)
            #expect(common.min()! > 4 * rare.max()!, "common \(common), rare \(rare)")
        }
    }
}
