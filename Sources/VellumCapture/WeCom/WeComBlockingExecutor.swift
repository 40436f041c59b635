internal import Dispatch

/// Runs blocking vendor calls on a dedicated serial dispatch queue, so a GetChatData that waits up to
/// its timeout on the network does not occupy a thread of Swift's small cooperative pool.
struct WeComBlockingExecutor: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
