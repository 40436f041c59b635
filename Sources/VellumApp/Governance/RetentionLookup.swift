import Foundation
import VellumCore
import VellumPolicy
import VellumStore

/// The policy's retention decision for a message from its facts: channel, days and the directory
/// entries of the employees taking part. Shared by disposition and by the WORM locks, so the
/// storage is locked through exactly the day disposition would remove the record.
struct RetentionLookup {
    let policy: Policy
    let directory: [String: Employee]

    func decision(channel: Channel, sentAt: Timestamp, capturedAt: Timestamp, employeeIDs: [String?]) -> RetentionDecision {
        let employees = employeeIDs.compactMap { $0.flatMap { directory[$0] } }
        return policy.retention(for: RetentionSubject(
            channel: channel, sentAt: sentAt, capturedAt: capturedAt,
            employees: employees, jurisdictions: employees.compactMap(\.jurisdiction)))
    }

    /// The decision for an archived record (its `sent_at` as the source gave it, else the stored time).
    func decision(for m: ArchivedMessage, stored: StoredRecord) -> RetentionDecision {
        decision(
            channel: m.channel, sentAt: Timestamp(rfc3339: m.sent_at) ?? Timestamp(seconds: stored.sentAt / 1000),
            capturedAt: Timestamp(seconds: m.captured_at / 1000), employeeIDs: ([m.from] + m.to).map(\.employee))
    }

    /// The instant a storage lock for a record kept through `until` (inclusive, UTC) ends: the start
    /// of the next UTC day, the first day disposition may remove the record.
    static func lockEnd(keptThrough until: CalendarDay) -> Date {
        Date(timeIntervalSince1970: TimeInterval(until.daysSinceEpoch + 1) * 86_400)
    }
}
