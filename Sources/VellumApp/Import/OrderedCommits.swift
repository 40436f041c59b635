import Dispatch
import Synchronization
import VellumCore

/// Staged batches committed one after another on a background thread, in the order they were
/// handed over, while the caller stages the next ones (decision 0030).
///
/// Up to `depth` batches are in flight: handed over and not yet acknowledged. With one, the
/// writer had nothing to do from the end of a commit until the caller had staged the next batch
/// and collected the previous result; with two, the next batch is already waiting, so both cores
/// stay busy. Once a commit fails, the batches behind it are not committed: each would otherwise
/// land after a gap the caller never acknowledged.
struct OrderedCommits<Batch: Sendable, Output: Sendable> {
    let depth: Int
    private let commit: @Sendable (Batch) throws -> Output
    /// Serial: one commit at a time, in the order handed over.
    private let writer = DispatchQueue(label: "vellum.import.commits", qos: .userInitiated)
    private let failure = FirstFailure()
    private var inFlight: [BackgroundJob<Output>] = []

    init(depth: Int, commit: @escaping @Sendable (Batch) throws -> Output) {
        self.depth = max(1, depth)
        self.commit = commit
    }

    var count: Int { inFlight.count }

    /// Hands `batch` to the writer. First waits for the oldest batches in flight until there is
    /// room, passing each one's output to `committed` as soon as it is in, oldest first; a failed
    /// commit throws here, after the outputs of the commits before it have been passed on.
    mutating func submit(_ batch: Batch, committed: (Output) -> Void) throws {
        while inFlight.count >= depth { committed(try waitOldest()) }
        let (commit, failure) = (self.commit, self.failure)
        inFlight.append(BackgroundJob(on: writer, handing: batch) { batch in
            if let failed = failure.message.withLock({ $0 }) {
                throw VellumError(.integrity, "not committed: an earlier batch failed (\(failed))")
            }
            do {
                return try commit(batch)
            } catch {
                failure.message.withLock { $0 = $0 ?? "\(error)" }
                throw error
            }
        })
    }

    /// Waits for every batch in flight, passing each one's output to `committed`, oldest first.
    mutating func finish(committed: (Output) -> Void) throws {
        while !inFlight.isEmpty { committed(try waitOldest()) }
    }

    /// After an error: waits for whatever is still running or queued, so no commit outlives the
    /// import, and drops the results.
    mutating func abandon() {
        for job in inFlight { _ = try? job.wait() }
        inFlight.removeAll()
    }

    private mutating func waitOldest() throws -> Output {
        try inFlight.removeFirst().wait()
    }
}

/// The first commit error of an import, seen by the commits queued behind it.
private final class FirstFailure: Sendable {
    let message = Mutex<String?>(nil)
}
