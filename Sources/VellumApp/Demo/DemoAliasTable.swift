/// Walker's alias method (Vose's construction): draws an index with given weights in O(1).
/// Its memory is frozen (see `DemoFrozenArray`): the owner calls `free()` when done, or keeps it.
struct DemoAliasTable: Sendable {
    /// A column: keep it when the coin is below `threshold`, else take `alias`. Packed, so one load.
    struct Column: BitwiseCopyable {
        var threshold: UInt32
        var alias: Int32
    }

    private let columns: DemoFrozenArray<Column>
    /// The number of outcomes.
    let count: Int

    /// Builds the table; weights must be non-negative with a positive sum.
    init(weights: [Double]) {
        let n = weights.count
        precondition(n > 0 && n < Int(Int32.max), "need at least one weight")
        let total = weights.reduce(0, +)
        precondition(total > 0, "weights must have a positive sum")
        var scaled = weights.map { $0 * Double(n) / total }
        var threshold = [UInt32](repeating: .max, count: n)
        var alias = (0..<n).map { Int32($0) }
        var small = scaled.indices.filter { scaled[$0] < 1 }
        var large = scaled.indices.filter { scaled[$0] >= 1 }
        while let s = small.popLast(), let l = large.last {
            threshold[s] = UInt32(min(scaled[s] * 4_294_967_296, 4_294_967_295))
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 {
                large.removeLast()
                small.append(l)
            }
        }
        // Whatever is left has probability 1 up to rounding: threshold .max, alias itself.
        columns = DemoFrozenArray((0..<n).map { Column(threshold: threshold[$0], alias: alias[$0]) })
        count = n
    }

    /// Releases the table's memory; it must not be used afterwards.
    func free() {
        columns.free()
    }

    /// The outcome for 64 random bits: the low half picks a column, the high half the coin.
    @inline(__always)
    func sample(_ bits: UInt64) -> Int {
        let index = Int(truncatingIfNeeded: ((bits & 0xFFFF_FFFF) &* UInt64(count)) >> 32)
        let column = columns[index]
        return UInt32(truncatingIfNeeded: bits >> 32) < column.threshold ? index : Int(column.alias)
    }
}
