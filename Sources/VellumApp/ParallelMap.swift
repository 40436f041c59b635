import Dispatch

/// Fork-join over the cores for CPU-bound batch work (parsing, sealing, tokenizing).
///
/// Synchronous on purpose: the pipeline's batches are the unit of concurrency, and each lane
/// writes only its own slots, so no locks are taken per item.
enum ParallelMap {
    /// Calls `body(lane, index)` for every index in 0..<count, lanes interleaved; returns results in order.
    static func map<T>(count: Int, lanes: Int, _ body: (Int, Int) throws -> T) rethrows -> [T] {
        guard count > 0 else { return [] }
        let lanes = max(1, min(lanes, count))
        if lanes == 1 { return try (0 ..< count).map { try body(0, $0) } }
        let slots = Slots<Result<T, any Error>>(count: count)
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var i = lane
                while i < count {
                    slots.set(i, Result { try box.value(lane, i) })
                    i += lanes
                }
            }
        }
        return try slots.values.map { try $0.get() }
    }
}

/// Disjoint per-index writes from several threads, read after they have all joined.
///
/// The slots are one fixed allocation: an `Array` cannot be written from several threads even at
/// different indexes, because `withUnsafeMutableBufferPointer` moves its buffer out and back.
/// @unchecked Sendable: each index is written by exactly one lane at a time, and `values` is read
/// only after `concurrentPerform` returns.
final class Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ i: Int, _ value: T) { buffer[i] = value }
    func get(_ i: Int) -> T? { buffer[i] }
    var values: [T] { buffer.map { $0! } }
}

/// @unchecked Sendable: wraps a closure called concurrently from lanes that share no mutable state through it.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
