import Foundation
import Logging
import VellumApp

/// Group commit for webhook deliveries: deliveries arriving together are committed in one
/// `Ingestor` batch (one transaction, one signed tree head, one fsync), and each request gets its
/// own outcomes back only once that batch is durable.
///
/// No background task: the request at the head of the queue leads. It waits `window` for company
/// when the queue was idle, takes up to `maxItems` items (whole deliveries, its own first) and
/// stages them (resolve, seal, tokenize) off the cooperative threads. It keeps the lead while the
/// previous batch commits, so arrivals gather into the next batch; then it passes the lead on,
/// commits, and hands each waiting request its outcomes. Staging batch k+1 thus overlaps the
/// commit of batch k, and under load batches grow with the commit time instead of waiting.
actor WebhookIngestQueue {
    private struct Delivery {
        let ticket: Int
        let items: [IncomingItem]
    }

    private typealias Staged = Result<(Ingestor, Ingestor.StagedBatch)?, any Error>

    let archive: Archive
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
    /// Whether a batch is committing, and the staged batch (at most one) waiting to commit next.
    private var committing = false
    private var commitWaiters: [CheckedContinuation<Void, Never>] = []
    /// The tree-head file is written after commits, once for however many finished meanwhile.
    private var checkpointWriting = false
    private var checkpointStale = false

    /// Batches committed and deliveries in them, since start.
    private(set) var batches = 0
    private(set) var deliveries = 0

    init(archive: Archive, maxItems: Int, window: Duration, makeIngestor: @escaping @Sendable () throws -> Ingestor) {
        self.archive = archive
        self.maxItems = max(1, maxItems)
        self.window = window
        self.makeIngestor = makeIngestor
    }

    /// Commits `items` with whatever else is waiting; returns their outcomes, in order, once durable.
    /// Throws when the batch could not be committed (nothing of it is acknowledged then).
    func submit(_ items: [IncomingItem], logger: Logger) async throws -> [ItemOutcome] {
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
        // The head of the queue is this delivery: it is in the batch.
        let batch = takeBatch()
        let staged = await stage(batch.flatMap(\.items))
        await acquireCommit()
        passLead()
        let outcome = await commit(staged)
        releaseCommit()
        settle(batch, outcome)
        if case .success(let outcomes) = outcome, !outcomes.isEmpty { await refreshCheckpointFile(logger) }
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

    /// Hands the lead to the delivery now at the head of the queue, if any.
    private func passLead() {
        idle = queue.isEmpty
        leader = nil
        if let next = queue.first {
            leader = next.ticket
            waiting.removeValue(forKey: next.ticket)?.resume(returning: true)
        }
    }

    /// One batch commits at a time (SQLite has one writer); the next one waits here, staged.
    private func acquireCommit() async {
        if committing {
            await withCheckedContinuation { commitWaiters.append($0) }
        }
        committing = true
    }

    private func releaseCommit() {
        committing = false
        if !commitWaiters.isEmpty {
            committing = true
            commitWaiters.removeFirst().resume()
        }
    }

    /// Resolves, seals and tokenizes off the cooperative threads (CPU work; may overlap a commit).
    private func stage(_ items: [IncomingItem]) async -> Staged {
        guard !items.isEmpty else { return .success(nil) }
        do {
            let ingestor = try await currentIngestor()
            return .success((ingestor, try await Offload.run { try ingestor.stage(items) }))
        } catch {
            return .failure(error)
        }
    }

    /// Commits a staged batch durably. The commit checks for duplicates again inside its
    /// transaction, so a message staged by two overlapping batches is stored once.
    private func commit(_ staged: Staged) async -> Result<[ItemOutcome], any Error> {
        do {
            guard let (ingestor, batch) = try staged.get() else { return .success([]) }
            return .success(try await Offload.run { try ingestor.commit(batch, writingCheckpoint: false) })
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

    /// Rewrites `tree-head.json` from the latest signed head. Off the acknowledgement path (the
    /// head is already durable in the database; the file is a copy for `verify --trusted-head`):
    /// the leader whose commit finished writes it after its batch was answered; commits finishing
    /// meanwhile are covered by a second pass. At most three passes, so no leader writes forever.
    private func refreshCheckpointFile(_ logger: Logger) async {
        checkpointStale = true
        guard !checkpointWriting else { return }
        checkpointWriting = true
        var passes = 0
        while checkpointStale, passes < 3 {
            checkpointStale = false
            passes += 1
            do {
                try await Offload.run { [archive] in try archive.writeCheckpoint() }
            } catch {
                logger.error("could not write the tree-head file: \(error)")
            }
        }
        checkpointWriting = false
    }

    private func currentIngestor() async throws -> Ingestor {
        if let ingestor, ContinuousClock.now - ingestor.madeAt < refreshEvery { return ingestor.value }
        let made = try await Offload.run(makeIngestor)
        ingestor = (made, ContinuousClock.now)
        return made
    }
}
