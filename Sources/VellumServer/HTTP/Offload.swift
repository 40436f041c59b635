import Dispatch

/// Runs blocking work (SQLite, bcrypt, sealing) on threads of its own, so the server's few
/// cooperative threads (two on a two-core machine) stay free to accept and answer requests.
enum Offload {
    static let queue = DispatchQueue(label: "vellum.server.blocking", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
