import Foundation

/// A bounded term → token memo for one worker (not shared: no locks on the hot path).
///
/// Ingest asks for a token for every word of every message, and most words recur, so the memo
/// answers nearly all of them. It is an open-addressing table keyed by a seeded hash of the
/// term's bytes and holding each token as its 64 bits; ``appendTokens(of:to:)`` writes a whole
/// document's tokens without building a string per token. When it holds `capacity` terms it
/// forgets them all at once.
public struct BlindTokenCache: Sendable {
    let key: BlindIndexKey
    let capacity: Int
    private var table: TermTable

    public init(key: BlindIndexKey, capacity: Int = 200_000) {
        self.key = key
        self.capacity = max(1, capacity)
        table = TermTable()
    }

    public mutating func token(for term: String) -> String {
        let bits = tokenBits(for: term)
        return String(unsafeUninitializedCapacity: Base32.tokenLength) { Base32.encode(bits, into: $0) }
    }

    /// Appends the tokens of `terms` to `out`, separated by single spaces (and a space before
    /// the first one when `out` is not empty).
    public mutating func appendTokens(of terms: [String], to out: inout [UInt8]) {
        out.reserveCapacity(out.count + terms.count * (Base32.tokenLength + 1))
        for term in terms {
            if !out.isEmpty { out.append(0x20) }
            let bits = tokenBits(for: term)
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: Base32.tokenLength))
            out.withUnsafeMutableBufferPointer { buffer in
                _ = Base32.encode(bits, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
            }
        }
    }

    mutating func tokenBits(for term: String) -> UInt64 {
        var bytes = term
        return bytes.withUTF8 { utf8 in
            let hash = table.hash(utf8)
            if let found = table.find(utf8, hash: hash) { return found }
            if table.count >= capacity { table.removeAll() }
            let bits = key.tokenBits(utf8)
            table.insert(utf8, hash: hash, bits: bits)
            return bits
        }
    }
}

/// Linear-probing table from a term to its token bits, at most half full; it starts small and
/// doubles, so a small vocabulary stays in the processor's cache.
///
/// The hash is seeded per table from the system's random source, so text chosen to collide
/// cannot be prepared in advance (the reason Swift seeds its own `Hasher`).
struct TermTable: Sendable {
    /// A slot's hash (0: free) and token bits, with its term: a term of up to 8 bytes (most
    /// words, and every CJK bigram) in `word` itself, a longer one at `offset` in `arena`, so a
    /// hit on a short term reads one slot and nothing else.
    private struct Slot { var hash: UInt64, bits: UInt64, word: UInt64, offset: UInt32, length: UInt32 }
    private static let free = Slot(hash: 0, bits: 0, word: 0, offset: 0, length: 0)
    private var slots: [Slot]
    /// A small direct-mapped copy of the short terms last asked for, in front of `slots`: the
    /// words that recur most stay in the processor's nearest cache, while `slots` outgrows it.
    private var hot: [Slot] = Array(repeating: TermTable.free, count: TermTable.hotSize)
    private static let hotSize = 4096
    /// The UTF-8 bytes of every term longer than 8 bytes, one after another.
    private var arena: [UInt8] = []
    private var mask: Int
    private let seed: UInt64
    private(set) var count = 0

    init() {
        slots = Array(repeating: Self.free, count: 64)
        mask = 63
        seed = UInt64.random(in: 1 ... .max)
    }

    /// A seeded multiply-xorshift hash of the bytes, eight at a time; never 0 (0 marks a free slot).
    func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h ^ UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)))
            i += 8
        }
        if i < bytes.count { h = mix(h ^ Self.word(UnsafeBufferPointer(rebasing: bytes[i...]))) }
        return h == 0 ? 1 : h
    }

    /// Up to 8 bytes as one little-endian word, zero-padded.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var w: UInt64 = 0
        for (shift, b) in bytes.prefix(8).enumerated() { w |= UInt64(b) << (8 * UInt64(shift)) }
        return w
    }

    @inline(__always)
    private func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }

    /// The bits of `term`, if the table holds it (`hash` is ``hash(_:)`` of it).
    mutating func find(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt64? {
        guard term.count <= 8 else { return findInSlots(term, hash: hash) }
        let word = Self.word(term), h = Self.hotIndex(hash)
        let cached = hot[h]
        if cached.hash == hash, Int(cached.length) == term.count, cached.word == word { return cached.bits }
        guard let bits = findInSlots(term, hash: hash) else { return nil }
        hot[h] = Slot(hash: hash, bits: bits, word: word, offset: 0, length: UInt32(term.count))
        return bits
    }

    /// The hot slot of a hash: its top bits, where `slots` uses its bottom ones.
    @inline(__always)
    private static func hotIndex(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 52) & (hotSize - 1) }

    private func findInSlots(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt64? {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                let short = term.count <= 8
                let word = short ? Self.word(term) : 0
                var i = Int(truncatingIfNeeded: hash) & mask
                while slots[i].hash != 0 {
                    let s = slots[i]
                    if s.hash == hash, Int(s.length) == term.count,
                       short ? s.word == word : memcmp(arena.baseAddress! + Int(s.offset), term.baseAddress!, term.count) == 0
                    {
                        return s.bits
                    }
                    i = (i + 1) & mask
                }
                return nil
            }
        }
    }

    /// Adds a term known to be absent.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64, bits: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        if term.count <= 8 {
            place(Slot(hash: hash, bits: bits, word: Self.word(term), offset: 0, length: UInt32(term.count)))
        } else {
            place(Slot(hash: hash, bits: bits, word: 0, offset: UInt32(arena.count), length: UInt32(term.count)))
            arena.append(contentsOf: term)
        }
        count += 1
    }

    private mutating func place(_ entry: Slot) {
        var i = Int(truncatingIfNeeded: entry.hash) & mask
        while slots[i].hash != 0 { i = (i + 1) & mask }
        slots[i] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Self.free, count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.hash != 0 { place(s) }
    }

    /// Forgets every term, keeping the memory for the terms to come.
    mutating func removeAll() {
        for i in slots.indices { slots[i] = Self.free }
        for i in hot.indices { hot[i] = Self.free }
        arena.removeAll(keepingCapacity: true)
        count = 0
    }
}
