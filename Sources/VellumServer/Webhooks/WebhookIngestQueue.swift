import Foundation
import VellumApp

/// Group commit for webhook deliveries: deliveries arriving together are committed in one
/// `Ingestor.ingest` batch (one transaction, one signed tree head, one fsync), and each request
/// gets its own outcomes back only once that batch is durable.
///
/// No background task: the request at the head of the queue leads. It waits `window` for company
/// when the queue was idle, takes up to `maxItems` items (whole deliveries, its own first), commits
/// them off the cooperative threads, hands each waiting request its outcomes, and passes the lead
/// to the request now at the head. While a batch commits, the next one gathers, so under load
/// batches grow with the commit time and no window is waited.
actor WebhookIngestQueue {
    private struct Delivery {
        let ticket: Int
        let items: [IncomingItem]
    }

    let maxItems: Int
    let window: Duration
    /// How long an ingestor (its policy rules and employee directory) is reused before it is
    /// made again, so a policy applied while the server runs takes effect.
    let refreshEvery: Duration = .seconds(60)
    private let makeIngestor: @Sendable () throws -> Ingestor
    private var ingestor: (value: Ingestor, madeAt: ContinuousClock.Instant)?

    private var queue: [Delivery] = []
    private var queuedItems = 0
    private var nextTicket = 0
    private var leader: Int?
    /// Whether the last leader left an empty queue (the next one then waits `window`).
    private var idle = true
    private var results: [Int: Result<[ItemOutcome], any Error>] = [:]
    /// Suspended requests: resumed with `true` to lead, `false` when their result is in `results`.
    private var waiting: [Int: CheckedContinuation<Bool, Never>] = [:]

    /// Batches committed and deliveries in them, since start.
    private(set) var batches = 0
    private(set) var deliveries = 0

    init(maxItems: Int, window: Duration, makeIngestor: @escaping @Sendable () throws -> Ingestor) {
        self.maxItems = max(1, maxItems)
        self.window = window
        self.makeIngestor = makeIngestor
    }

    /// Commits `items` with whatever else is waiting; returns their outcomes, in order, once durable.
    /// Throws when the batch could not be committed (nothing of it is acknowledged then).
    func submit(_ items: [IncomingItem]) async throws -> [ItemOutcome] {
        let ticket = nextTicket
        nextTicket += 1
        queue.append(Delivery(ticket: ticket, items: items))
        queuedItems += items.count
        if leader != nil {
            let lead = await withCheckedContinuation { waiting[ticket] = $0 }
            if !lead { return try results.removeValue(forKey: ticket)!.get() }
        }
        leader = ticket
        if idle, queuedItems < maxItems { try? await Task.sleep(for: window) }
        while results[ticket] == nil {
            let batch = takeBatch()
            settle(batch, await commit(batch.flatMap(\.items)))
        }
        idle = queue.isEmpty
        leader = nil
        if let next = queue.first {
            leader = next.ticket
            waiting.removeValue(forKey: next.ticket)?.resume(returning: true)
        }
        return try results.removeValue(forKey: ticket)!.get()
    }

    /// Whole deliveries from the head, at least one, until `maxItems` would be passed.
    private func takeBatch() -> [Delivery] {
        var count = 0
        var n = 0
        while n < queue.count, n == 0 || count + queue[n].items.count <= maxItems {
            count += queue[n].items.count
            n += 1
        }
        let batch = Array(queue.prefix(n))
        queue.removeFirst(n)
        queuedItems -= count
        return batch
    }

    private func commit(_ items: [IncomingItem]) async -> Result<[ItemOutcome], any Error> {
        guard !items.isEmpty else { return .success([]) }
        do {
            let ingestor = try await currentIngestor()
            return .success(try await Offload.run { try ingestor.ingest(items) })
        } catch {
            return .failure(error)
        }
    }

    /// Gives each delivery of the batch its slice of the outcomes and wakes its request.
    private func settle(_ batch: [Delivery], _ outcome: Result<[ItemOutcome], any Error>) {
        batches += 1
        deliveries += batch.count
        var start = 0
        for delivery in batch {
            let end = start + delivery.items.count
            results[delivery.ticket] = outcome.map { Array($0[start ..< end]) }
            start = end
            waiting.removeValue(forKey: delivery.ticket)?.resume(returning: false)
        }
    }

    private func currentIngestor() async throws -> Ingestor {
        if let ingestor, ContinuousClock.now - ingestor.madeAt < refreshEvery { return ingestor.value }
        let made = try await Offload.run(makeIngestor)
        ingestor = (made, ContinuousClock.now)
        return made
    }
}
