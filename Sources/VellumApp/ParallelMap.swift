import Dispatch
import Synchronization

/// Fork-join over the cores for CPU-bound batch work (parsing, sealing, tokenizing).
///
/// Synchronous on purpose: the pipeline's batches are the unit of concurrency, and each lane
/// writes only its own slots, so no locks are taken per item.
///
/// Lanes take the indexes in small chunks from a shared counter rather than a fixed share each:
/// during an import one core also runs the store's writer, so one lane runs slower than the
/// other, and a fixed share would leave the fast lane idle while the slow one finishes.
enum ParallelMap {
    /// Indexes a lane takes at a time: small enough that lanes finish together, large enough
    /// that the shared counter is touched once per several items.
    static func chunk(count: Int, lanes: Int) -> Int { max(1, min(64, count / (lanes * 8))) }

    /// Calls `body(lane, index)` for every index in 0..<count; returns results in order.
    static func map<T, E: Error>(count: Int, lanes: Int, _ body: (Int, Int) throws(E) -> T) throws(E) -> [T] {
        var lanesState = Array(0 ..< max(1, lanes))
        return try map(count: count, states: &lanesState) { (lane: inout Int, i: Int) throws(E) in try body(lane, i) }
    }

    /// Like `map`, with one mutable state per lane (a cache, say), owned by that lane while it
    /// runs, so the state is never copied or shared. `states.count` is the number of lanes.
    static func map<S, T, E: Error>(count: Int, states: inout [S], _ body: (inout S, Int) throws(E) -> T) throws(E) -> [T] {
        guard count > 0 else { return [] }
        precondition(!states.isEmpty, "ParallelMap needs at least one lane")
        let lanes = min(states.count, count)
        if lanes == 1 { return try (0 ..< count).map { (i: Int) throws(E) in try body(&states[0], i) } }
        // Values and errors are kept apart and the values moved out at the end: each result (a
        // sealed record holds dozens of references) is then never copied, so never retained and
        // released again, between the lane that made it and the caller.
        let results = Slots<T>(count: count)
        let errors = Slots<E>(count: count)
        let owned = Slots<S>(count: lanes)
        for lane in 0 ..< lanes { owned.set(lane, states[lane]) }
        states.removeFirst(lanes)  // the lanes now hold the only references
        let next = Atomic<Int>(0)
        let chunk = chunk(count: count, lanes: lanes)
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var state = owned.take(lane)
                while true {
                    let start = next.wrappingAdd(chunk, ordering: .relaxed).oldValue
                    if start >= count { break }
                    for i in start ..< min(count, start + chunk) {
                        do throws(E) { results.set(i, try box.value(&state, i)) } catch { errors.set(i, error) }
                    }
                }
                owned.set(lane, state)
            }
        }
        states.insert(contentsOf: owned.takeAll(), at: 0)
        // The error of the first failing index, whichever lane met it first.
        if let first = errors.firstValue { throw first }
        return results.takeAll()
    }
}

/// Disjoint per-index writes from several threads, read after they have all joined.
///
/// The slots are one fixed allocation: an `Array` cannot be written from several threads even at
/// different indexes, because `withUnsafeMutableBufferPointer` moves its buffer out and back.
/// @unchecked Sendable: each index is written by exactly one lane at a time, and the values are
/// read only after `concurrentPerform` returns.
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
    /// Moves the value out, leaving the slot empty (so the caller holds the only reference).
    func take(_ i: Int) -> T {
        defer { buffer[i] = nil }
        return buffer[i]!
    }

    /// Moves every value out, in order, leaving the slots empty: no value is copied. Every slot
    /// must have been set.
    func takeAll() -> [T] {
        Array(unsafeUninitializedCapacity: buffer.count) { out, initialized in
            for i in buffer.indices {
                guard let value = (buffer.baseAddress! + i).move() else {
                    (buffer.baseAddress! + i).initialize(to: nil)
                    preconditionFailure("ParallelMap slot \(i) was never set")
                }
                (buffer.baseAddress! + i).initialize(to: nil)
                (out.baseAddress! + i).initialize(to: value)
                initialized = i + 1
            }
        }
    }

    /// The value of the lowest slot that holds one.
    var firstValue: T? { buffer.lazy.compactMap { $0 }.first }
}

/// @unchecked Sendable: wraps a closure called concurrently from lanes that share no mutable state through it.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
