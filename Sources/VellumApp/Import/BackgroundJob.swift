import Dispatch
import VellumCore

/// One piece of blocking work on another thread, whose result is waited for exactly once.
///
/// Used to overlap a batch's commit (SQLite's single writer, fsync) with sealing the next batch.
/// The result is moved out to the waiting thread, and a value handed in with
/// ``init(handing:_:)`` is never held by the other thread once the work returns, so large values
/// are freed by the waiter, not by the thread that did the work (on an import, the writer: the
/// pipeline's bound).
/// @unchecked Sendable: `result` is written once by the job before `done` is signalled, and read
/// (and cleared) only after waiting on `done`, by one waiter.
final class BackgroundJob<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    /// Runs `work` on `queue`: by default any thread of the system's pool; a serial queue runs
    /// its jobs one after another, in the order they were made.
    init(on queue: DispatchQueue = .global(qos: .userInitiated), _ work: @escaping @Sendable () throws -> T) {
        queue.async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// Runs `work` on `input`, which the job holds until the work takes it, rather than the
    /// closure capturing it (a closure's captures are released where it ran, after it returns).
    convenience init<Input: Sendable>(
        on queue: DispatchQueue = .global(qos: .userInitiated), handing input: Input,
        _ work: @escaping @Sendable (Input) throws -> T
    ) {
        let handoff = Handoff(input)
        self.init(on: queue) { try work(handoff.take()) }
    }

    /// Waits for the work and moves its result out. A second call only waits, then throws.
    func wait() throws -> T {
        done.wait()
        done.signal()  // a second wait returns at once
        guard let taken = result else { throw VellumError(.integrity, "a background job's result was taken already") }
        result = nil
        return try taken.get()
    }
}

/// A value passed to another thread once, and not kept by the box after it is taken.
/// @unchecked Sendable: set on creation, taken exactly once by the job's thread.
private final class Handoff<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    init(_ value: Value) { self.value = value }

    func take() -> Value {
        defer { value = nil }
        return value!
    }
}
