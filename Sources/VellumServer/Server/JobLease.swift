public import Foundation
public import VellumStore

/// The claim a server makes before running a job that must not run twice when several servers
/// share one archive (docs/decisions/0015). The holder renews it before every run; if it dies,
/// the lease expires and another server's next run takes the job over.
public struct JobLease: Sendable {
    public let store: any LeaseStore
    public let name: String
    public let holder: String
    /// How long one claim lasts: longer than the time between two runs, so a live holder keeps it.
    public let duration: Duration

    public init(store: any LeaseStore, name: String, holder: String, duration: Duration) {
        self.store = store
        self.name = name
        self.holder = holder
        self.duration = duration
    }

    /// This process's name as a holder: host, process id and a random part (a restarted process
    /// is a new holder, and waits for its predecessor's claim to expire or be released).
    public static let processHolder: String = {
        let host = ProcessInfo.processInfo.hostName
        let suffix = (0 ..< 3).map { _ in String(format: "%02x", UInt8.random(in: 0 ... 255)) }.joined()
        return "\(host):\(ProcessInfo.processInfo.processIdentifier):\(suffix)"
    }()

    /// Claims or renews the lease; false when another server holds it.
    public func claim(at now: Date = Date()) async throws -> Bool {
        let start = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let (seconds, attoseconds) = duration.components
        let until = start + seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return try await Offload.run { [store, name, holder] in
            try store.claimLease(name, holder: holder, now: start, until: until)
        }
    }

    /// Gives the lease up at shutdown, so another server need not wait for it to expire.
    public func release() async {
        _ = try? await Offload.run { [store, name, holder] in try store.releaseLease(name, holder: holder) }
    }
}
