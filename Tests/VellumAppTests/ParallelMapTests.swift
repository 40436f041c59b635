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

    @Test("an error in any item is rethrown")
    func errorsPropagate() {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try ParallelMap.map(count: 100, lanes: 2) { _, i in if i == 57 { throw Boom() }; return i }
        }
    }
}
