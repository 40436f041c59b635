public import Foundation
internal import Synchronization

/// One pulled chatdata record, decrypted or quarantined. Nothing pulled is ever dropped.
public struct WeComPulledRecord: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// DecryptData's output, byte for byte.
        case plaintext(Data)
        /// The record could not be decrypted; keep ``WeComPulledRecord/rawRecordJSON`` and the reason.
        case quarantined(WeComSDKError)
    }

    public var seq: UInt64
    public var msgid: String
    public var publicKeyVersion: UInt32
    /// The chatdata record exactly as GetChatData returned it (still encrypted).
    public var rawRecordJSON: Data
    public var content: Content

    public init(seq: UInt64, msgid: String, publicKeyVersion: UInt32, rawRecordJSON: Data, content: Content) {
        self.seq = seq
        self.msgid = msgid
        self.publicKeyVersion = publicKeyVersion
        self.rawRecordJSON = rawRecordJSON
        self.content = content
    }

    public var plaintext: Data? {
        if case .plaintext(let data) = content { data } else { nil }
    }

    public var quarantineReason: WeComSDKError? {
        if case .quarantined(let error) = content { error } else { nil }
    }
}

/// What the sink receives: one GetChatData batch.
public struct WeComPulledBatch: Sendable, Hashable {
    /// The cursor this batch was pulled after.
    public var afterSeq: UInt64
    /// The records in the order the SDK returned them.
    public var records: [WeComPulledRecord]
    /// `max(afterSeq, max seq in records)`: store it in the same transaction as the records, and
    /// start the next puller from it after a restart.
    public var nextCursor: UInt64

    public init(afterSeq: UInt64, records: [WeComPulledRecord], nextCursor: UInt64) {
        self.afterSeq = afterSeq
        self.records = records
        self.nextCursor = nextCursor
    }
}

/// Progress notifications, for logs and metrics. Never carry plaintext or keys.
public enum WeComPullerEvent: Sendable {
    /// A retryable error; the puller sleeps `delay` before attempt `attempt + 1`.
    case retrying(WeComSDKError, attempt: Int, delay: Duration)
    /// The sink accepted a batch and the cursor moved.
    case committed(records: Int, quarantined: Int, cursor: UInt64)
    /// A pull came back empty; the puller waits for ``WeComPuller/wake()`` or the poll interval.
    case idle(cursor: UInt64)
}

/// Misuse of a ``WeComPuller``.
public enum WeComPullerError: Error, Sendable, Hashable {
    /// `pullOnce()` or `run(until:)` was called while another pull on the same puller was running.
    case alreadyPulling
}

/// Pulls the session archive: GetChatData batches of at most 1000 from a cursor, decrypts each record
/// (quarantining what cannot be decrypted), hands the batch to a sink that returns only once the batch is
/// durable, and only then advances its in-memory cursor to the batch's max seq.
///
/// Storage-agnostic: after a crash, start a new puller from the cursor stored with the last durable batch.
/// Records between that cursor and the crash are delivered again, so the sink de-duplicates by `msgid`.
///
/// Errors: retryable ones (network, Tencent system error, timeouts) are retried with exponential backoff
/// and jitter; per-record problems (decrypt failed, key version missing, bad record) become quarantined
/// records in the batch; anything else stops the puller by throwing the ``WeComSDKError`` (its
/// ``WeComSDKError/adminMessage`` says what to fix), as does an error thrown by the sink.
public actor WeComPuller {
    public typealias Sink = @Sendable (WeComPulledBatch) async throws -> Void

    public struct Configuration: Sendable {
        /// Records per GetChatData call; clamped to 1…1000 (the vendor rejects more).
        public var batchLimit: Int
        /// The vendor's per-call timeout (whole seconds, rounded up).
        public var timeout: Duration
        public var backoff: WeComBackoff
        /// When idle, pull again after this long even without ``WeComPuller/wake()``.
        public var pollInterval: Duration
        /// Give up (throw the last error) after this many consecutive retryable failures; nil = never.
        public var maxConsecutiveRetries: Int?

        public init(
            batchLimit: Int = 1000, timeout: Duration = .seconds(30), backoff: WeComBackoff = WeComBackoff(),
            pollInterval: Duration = .seconds(60), maxConsecutiveRetries: Int? = nil
        ) {
            self.batchLimit = batchLimit
            self.timeout = timeout
            self.backoff = backoff
            self.pollInterval = pollInterval
            self.maxConsecutiveRetries = maxConsecutiveRetries
        }

        var effectiveLimit: Int { min(max(batchLimit, 1), 1000) }
    }

    /// When ``WeComPuller/run(until:)`` returns.
    public enum StopCondition: Sendable, Hashable {
        /// Return as soon as a pull comes back empty (one-shot catch-up).
        case caughtUp
        /// Keep going, waiting for ``WeComPuller/wake()`` or the poll interval when idle, until the task is
        /// cancelled.
        case cancelled
    }

    /// The seq after which the next pull starts: the max seq of the last batch the sink accepted.
    public private(set) var cursor: UInt64

    public let configuration: Configuration
    private let sdk: any WeComSDK
    private let decryptor: WeComRecordDecryptor
    private let sink: Sink
    private let sleeper: any WeComSleeper
    private let unitRandom: @Sendable () -> Double
    private let onEvent: (@Sendable (WeComPullerEvent) -> Void)?
    private let executor = WeComBlockingExecutor(label: "vellum.wecom.puller")
    private let wakeSignal = WeComWakeSignal()
    private var pulling = false

    /// - Parameters:
    ///   - startingAfter: the durable cursor (0 on first use: "earliest still retained").
    ///   - sleeper: used for backoff and idle polling; inject one in tests.
    ///   - unitRandom: jitter source in [0, 1).
    ///   - sink: stores a batch durably (records and `nextCursor` together), then returns.
    public init(
        sdk: any WeComSDK, keyring: WeComKeyring, startingAfter cursor: UInt64,
        configuration: Configuration = Configuration(), sleeper: any WeComSleeper = WeComTaskSleeper(),
        unitRandom: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        onEvent: (@Sendable (WeComPullerEvent) -> Void)? = nil,
        sink: @escaping Sink
    ) {
        self.sdk = sdk
        self.decryptor = WeComRecordDecryptor(sdk: sdk, keyring: keyring)
        self.cursor = cursor
        self.configuration = configuration
        self.sleeper = sleeper
        self.unitRandom = unitRandom
        self.onEvent = onEvent
        self.sink = sink
    }

    /// Asks an idle ``run(until:)`` to pull now (call it on the `msgaudit_notify` callback event).
    /// Wake-ups coalesce; one that arrives while pulling causes one more pull afterwards.
    public nonisolated func wake() {
        wakeSignal.signal()
    }

    /// Pulls one batch (retrying retryable errors), hands a non-empty batch to the sink and advances the
    /// cursor. Returns the batch, empty when there was nothing new (the sink is not called then).
    @discardableResult
    public func pullOnce() async throws -> WeComPulledBatch {
        guard !pulling else { throw WeComPullerError.alreadyPulling }
        pulling = true
        defer { pulling = false }

        let from = cursor
        let limit = configuration.effectiveLimit
        let timeout = configuration.timeout
        let sdk = self.sdk
        let decryptor = self.decryptor
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let batch: WeComPulledBatch
            do {
                batch = try await executor.run {
                    try Self.fetchBatch(sdk: sdk, decryptor: decryptor, after: from, limit: limit, timeout: timeout)
                }
            } catch let error as WeComSDKError where error.classification == .retryable {
                attempt += 1
                if let maximum = configuration.maxConsecutiveRetries, attempt > maximum { throw error }
                let delay = configuration.backoff.delay(forAttempt: attempt, unitRandom: unitRandom())
                onEvent?(.retrying(error, attempt: attempt, delay: delay))
                try await sleeper.sleep(for: delay)
                continue
            }
            guard !batch.records.isEmpty else { return batch }
            try await sink(batch)
            cursor = max(cursor, batch.nextCursor)
            let quarantined = batch.records.count { $0.quarantineReason != nil }
            onEvent?(.committed(records: batch.records.count, quarantined: quarantined, cursor: cursor))
            return batch
        }
    }

    /// Pulls until a batch comes back empty, then (for ``StopCondition/cancelled``) waits for
    /// ``wake()`` or the poll interval and repeats. Returns when the condition is met or the task is
    /// cancelled; throws fatal ``WeComSDKError``s and sink errors.
    public func run(until stop: StopCondition = .cancelled) async throws {
        while !Task.isCancelled {
            let batch: WeComPulledBatch
            do {
                batch = try await pullOnce()
            } catch is CancellationError {
                return
            }
            guard batch.records.isEmpty else { continue }
            if stop == .caughtUp { return }
            onEvent?(.idle(cursor: cursor))
            await wakeSignal.wait(atMost: configuration.pollInterval, sleeper: sleeper)
        }
    }

    /// GetChatData + decode + decrypt, on the blocking executor.
    private static func fetchBatch(
        sdk: any WeComSDK, decryptor: WeComRecordDecryptor, after cursor: UInt64, limit: Int, timeout: Duration
    ) throws -> WeComPulledBatch {
        let response = try sdk.chatData(after: cursor, limit: limit, timeout: timeout)
        let records = try WeComChatData.decode(response)
        var pulled: [WeComPulledRecord] = []
        pulled.reserveCapacity(records.count)
        var maxSeq = cursor
        for record in records {
            maxSeq = max(maxSeq, record.seq)
            let content: WeComPulledRecord.Content
            do {
                content = .plaintext(try decryptor.decrypt(record))
            } catch let error as WeComSDKError where error.classification == .quarantineRecord {
                content = .quarantined(error)
            }
            pulled.append(
                WeComPulledRecord(
                    seq: record.seq, msgid: record.msgid, publicKeyVersion: record.publicKeyVersion,
                    rawRecordJSON: record.rawJSON, content: content))
        }
        return WeComPulledBatch(afterSeq: cursor, records: pulled, nextCursor: maxSeq)
    }
}

/// A coalescing wake-up signal with a timeout, safe against cancellation races.
final class WeComWakeSignal: Sendable {
    private struct State {
        var pending = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    func signal() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.waiters.isEmpty else {
                state.pending = true
                return []
            }
            let all = Array(state.waiters.values)
            state.waiters.removeAll()
            return all
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns on a signal (or one that arrived since the last wait), on timeout, or on cancellation.
    func wait(atMost interval: Duration, sleeper: any WeComSleeper) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForSignal() }
            group.addTask { try? await sleeper.sleep(for: interval) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForSignal() async {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in state.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
