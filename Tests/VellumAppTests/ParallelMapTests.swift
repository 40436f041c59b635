import Foundation
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

    @Test("an error in any item is rethrown: the first failing index's, whichever lane met it first")
    func errorsPropagate() {
        struct Boom: Error, Equatable { let index: Int }
        #expect(throws: Boom(index: 57)) {
            try ParallelMap.map(count: 100, lanes: 2) { _, i in if i == 57 { throw Boom(index: i) }; return i }
        }
        for lanes in [1, 2, 4] {
            // Later indexes fail fast, the first one slowly: still the first one is thrown.
            #expect(throws: Boom(index: 3), "lanes \(lanes)") {
                try ParallelMap.map(count: 2_000, lanes: lanes) { _, i -> String in
                    if i == 3 { usleep(2_000); throw Boom(index: i) }
                    if i > 3, i % 100 == 0 { throw Boom(index: i) }
                    return String(i)
                }
            }
        }
    }

    @Test("values come back moved, not copied: each is held by the result alone")
    func valuesMovedOut() {
        final class Box: Sendable { let n: Int; init(_ n: Int) { self.n = n } }
        var out = ParallelMap.map(count: 3_000, lanes: 3) { _, i in Box(i) }
        #expect(out.map(\.n) == Array(0 ..< 3_000))
        for i in out.indices { #expect(isKnownUniquelyReferenced(&out[i])) }
    }
}
