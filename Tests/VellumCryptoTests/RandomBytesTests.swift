import Foundation
import Testing

@testable import VellumCrypto

@Suite("Random bytes are drawn in bulk, handed out once and zeroed")
struct RandomBytesTests {
    @Test("draws across many refills never repeat, and nonces and keys differ")
    func distinct() {
        // 20,000 draws of 12 bytes span about 60 refills of the pool.
        var seen = Set<Data>()
        for _ in 0 ..< 20_000 { seen.insert(RandomBytes.data(12)) }
        #expect(seen.count == 20_000)
        #expect(Commitment.newNonce() != Commitment.newNonce())
        let a = DataKey.random(), b = DataKey.random()
        #expect(a.key != b.key)
    }

    @Test("a handed-out range is zeroed in the pool, the rest is untouched")
    func zeroedAfterUse() {
        var pool = RandomPool()
        let first = pool.take(100) { Data($0) }
        #expect(pool.next == 100)
        #expect(pool.bytes[0 ..< 100].allSatisfy { $0 == 0 })
        #expect(first.contains { $0 != 0 })
        // The remaining 3,996 bytes are still random: not all zero.
        #expect(pool.bytes[100...].contains { $0 != 0 })
    }

    @Test("a draw that does not fit refills the pool and starts over")
    func refill() {
        var pool = RandomPool()
        _ = pool.take(4000) { Data($0) }
        let before = Array(pool.bytes[4000...])
        let next = pool.take(200) { Data($0) }
        #expect(pool.next == 200)
        #expect(Data(before) != next.prefix(96))
        #expect(next.count == 200)
        let whole = pool.take(RandomPool.size) { Data($0) }
        #expect(whole.count == RandomPool.size)
        #expect(pool.bytes.allSatisfy { $0 == 0 })
    }

    @Test("sealed records still open, and two seals of the same bytes differ")
    func sealing() throws {
        let key = DataKey.random()
        let context = Data("ctx".utf8)
        let a = try key.seal(Data("hello".utf8), context: context)
        let b = try key.seal(Data("hello".utf8), context: context)
        #expect(a != b)
        #expect(a[1 ..< 13] != b[1 ..< 13])
        #expect(try key.open(a, context: context) == Data("hello".utf8))
    }
}
