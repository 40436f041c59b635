import Foundation
import Logging
import Synchronization
import VellumApp

/// Counts refused webhook deliveries and writes them to the ledger without letting a flood of
/// forged requests flood the ledger: the first refusal of a channel and reason is written at once;
/// later ones within `interval` are only counted, and the next event (the next refusal after the
/// interval, or ``flush(all:)``, run every interval and at shutdown) carries their number.
/// See `RejectedDeliveries` for how capture health reads them back.
final class RejectionRecorder: Sendable {
    struct Key: Hashable, Sendable {
        var channel: String
        var reason: String
    }

    /// What has been refused since the last event for one key.
    struct Slot {
        var pending = 0
        var lastSHA256: String?
        var lastWritten: ContinuousClock.Instant?
    }

    struct Write {
        var key: Key
        var count: Int
        var sha256: String?
    }

    let archive: Archive
    let interval: Duration
    private let slots = Mutex<[Key: Slot]>([:])
    /// Every refusal since the server started, written or not.
    private let totals = Mutex<[Key: Int]>([:])

    init(archive: Archive, interval: Duration) {
        self.archive = archive
        self.interval = interval
    }

    /// Counts one refusal; writes a ledger event when none was written for this channel and
    /// reason within the interval. A failed write is logged, never thrown: the refusal stands.
    func refuse(channel: String, reason: String, bodySHA256: String?, logger: Logger) async {
        let key = Key(channel: channel, reason: reason)
        totals.withLock { $0[key, default: 0] += 1 }
        let now = ContinuousClock.now
        let write = slots.withLock { slots -> Write? in
            var slot = slots[key, default: Slot()]
            slot.pending += 1
            slot.lastSHA256 = bodySHA256 ?? slot.lastSHA256
            var write: Write?
            if slot.lastWritten.map({ now - $0 >= interval }) ?? true {
                write = Write(key: key, count: slot.pending, sha256: slot.lastSHA256)
                slot.pending = 0
                slot.lastWritten = now
            }
            slots[key] = slot
            return write
        }
        logger.warning("refused a \(channel) webhook delivery: \(reason)")
        if let write { await self.write([write], logger: logger) }
    }

    /// Writes the refusals counted but not yet written: those whose interval has passed, or all
    /// of them (at shutdown). Returns how many events were written.
    @discardableResult
    func flush(all: Bool = false, logger: Logger = Logger(label: "vellum.webhooks")) async -> Int {
        let now = ContinuousClock.now
        let writes = slots.withLock { slots -> [Write] in
            var out: [Write] = []
            for (key, var slot) in slots where slot.pending > 0 {
                if !all, let last = slot.lastWritten, now - last < interval { continue }
                out.append(Write(key: key, count: slot.pending, sha256: slot.lastSHA256))
                slot.pending = 0
                slot.lastWritten = now
                slots[key] = slot
            }
            return out
        }
        await write(writes, logger: logger)
        return writes.count
    }

    /// Refusals since start, by channel and reason (written to the ledger or still pending).
    var counts: [Key: Int] { totals.withLock { $0 } }

    private func write(_ writes: [Write], logger: Logger) async {
        guard !writes.isEmpty else { return }
        let archive = self.archive
        do {
            try await Offload.run {
                for w in writes {
                    try StaffEvents(archive: archive).rejectedDelivery(
                        channel: w.key.channel, reason: w.key.reason, bodySHA256: w.sha256, count: w.count)
                }
            }
        } catch {
            logger.error("could not ledger refused webhook deliveries: \(error)")
        }
    }
}
