import Testing
@testable import VellumApp

@Suite("ParallelMap")
struct ParallelMapTests {
    @Test("results come back in order from every lane, under heavy allocation, many times over")
    func ordered() {
        for round in 0 ..< 50 {
            let n = 2_000 + round
            let out = ParallelMap.map(count: n, lanes: 4) { _, i in String(repeating: "x", count: i % 97) + "\(i)" }
            #expect(out.count == n)
            #expect(out.enumerated().allSatisfy { i, s in s.hasSuffix("\(i)") && s.count == i % 97 + "\(i)".count })
        }
    }

    @Test("every index is handed to exactly one lane, whatever the count and lane number")
    func everyIndexOnce() {
        for lanes in [1, 2, 3, 8] {
            for n in [1, 2, 7, 15, 16, 17, 63, 64, 65, 129, 1_000, 4_097] {
                var seen = Array(repeating: [Int](), count: lanes)
                let out = ParallelMap.map(count: n, states: &seen) { mine, i in mine.append(i); return i * 3 }
                #expect(out == (0 ..< n).map { $0 * 3 })
                #expect(seen.count == lanes)
                let all = seen.flatMap { $0 }
                #expect(all.count == n, "lanes \(lanes), count \(n)")
                #expect(Set(all) == Set(0 ..< n), "lanes \(lanes), count \(n)")
            }
        }
    }

    @Test("lanes take small chunks, never more than their share")
    func chunkSizes() {
        #expect(ParallelMap.chunk(count: 1_000, lanes: 2) == 62)
        #expect(ParallelMap.chunk(count: 100_000, lanes: 2) == 64)
        #expect(ParallelMap.chunk(count: 3, lanes: 2) == 1)
        for lanes in 1 ... 8 {
            for n in 1 ... 2_000 { #expect(ParallelMap.chunk(count: n, lanes: lanes) * lanes <= max(lanes, n)) }
        }
    }

    @Test("an error in any item is rethrown")
    func errorsPropagate() {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try ParallelMap.map(count: 100, lanes: 2) { _, i in if i == 57 { throw Boom() }; return i }
        }
    }
}
