public import Foundation
public import VellumCore
import VellumCrypto
import VellumStore

/// Which apps each employee uses, how much, and which capturing accounts have gone quiet.
public struct UsageReport: Sendable, Codable, Hashable {
    public struct Day: Sendable, Codable, Hashable {
        public var day: String
        public var sent: Int
        public var received: Int
    }

    public struct ChannelUse: Sendable, Codable, Hashable {
        public var channel: Channel
        public var sent: Int
        public var received: Int
        public var first_seen: String
        public var last_seen: String
        public var approved: Bool
        public var days: [Day]
    }

    public struct EmployeeUse: Sendable, Codable, Hashable {
        /// The directory id; `unknown:<key prefix>` for someone no longer in the directory.
        public var employee: String
        public var name: String?
        public var channels: [ChannelUse]
        public var unapproved_channels: [Channel]
    }

    public struct Account: Sendable, Codable, Hashable {
        public var channel: Channel
        public var account: String
        public var messages: Int
        public var first_seen: String
        public var last_seen: String
        /// No message for longer than the report's silence threshold.
        public var silent: Bool
    }

    public var since: String?
    public var silent_after_days: Int
    public var employees: [EmployeeUse]
    public var accounts: [Account]
}

/// `vellum usage`: usage per employee, channel and day from counts kept at commit time, so the
/// report reads no message.
public struct UsageService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// - Parameters:
    ///   - approved: the channels the firm approves (all when nil).
    ///   - now: the instant silence is measured from.
    public func report(
        since: String?, approved: Set<Channel>? = nil, silentAfterDays: Int = 7, now: Int64, actor: String
    ) throws -> UsageReport {
        let (rows, accounts, stored) = try archive.store.read { tx in
            (try tx.usage(sinceDay: since), try tx.captureAccounts(), try tx.employees())
        }
        var names: [Data: Employee] = [:]
        for e in try stored.map(archive.openEmployee) {
            names[archive.keys.lookupKey(Data(e.id.utf8), domain: "employee")] = e
        }
        let byEmployee = Dictionary(grouping: rows, by: \.employeeKey)
        let employees = byEmployee.map { key, rows -> UsageReport.EmployeeUse in
            let channels = Dictionary(grouping: rows, by: \.channel).map { channel, days in
                UsageReport.ChannelUse(
                    channel: channel, sent: days.map(\.sent).reduce(0, +), received: days.map(\.received).reduce(0, +),
                    first_seen: Self.time(days.map(\.firstAt).min()!), last_seen: Self.time(days.map(\.lastAt).max()!),
                    approved: approved?.contains(channel) ?? true,
                    days: days.sorted { $0.day < $1.day }.map { .init(day: $0.day, sent: $0.sent, received: $0.received) })
            }.sorted { $0.channel.rawValue < $1.channel.rawValue }
            let employee = names[key]
            return UsageReport.EmployeeUse(
                employee: employee?.id ?? "unknown:" + key.hexString.prefix(8), name: employee?.name,
                channels: channels, unapproved_channels: channels.filter { !$0.approved }.map(\.channel))
        }.sorted { $0.employee < $1.employee }
        let threshold = now - Int64(silentAfterDays) * 86_400_000
        let report = UsageReport(
            since: since, silent_after_days: silentAfterDays, employees: employees,
            accounts: try accounts.map { a in
                UsageReport.Account(
                    channel: a.channel, account: try archive.openAccountName(a), messages: a.messages,
                    first_seen: Self.time(a.firstAt), last_seen: Self.time(a.lastAt), silent: a.lastAt < threshold)
            })
        try AccessLog(archive: archive).record(
            actor: actor, action: "usage", records: [], count: employees.count, detail: "usage since \(since ?? "start")")
        return report
    }

    static func time(_ ms: Int64) -> String {
        Timestamp(seconds: ms / 1000, nanoseconds: Int32(ms % 1000) * 1_000_000).rfc3339
    }
}
