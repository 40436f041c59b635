import Dispatch

/// One piece of blocking work on another thread, whose result is waited for exactly once.
///
/// Used to overlap a batch's commit (SQLite's single writer, fsync) with sealing the next batch.
/// @unchecked Sendable: `result` is written once by the job before `done` is signalled, and read
/// only after waiting on `done`.
final class BackgroundJob<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    func wait() throws -> T {
        done.wait()
        done.signal()  // a second wait returns at once
        return try result!.get()
    }
}
