import Foundation
import VellumCore
import VellumSurveillance
import VellumCrypto
import VellumStore

/// Who a captured message involved, as usage statistics count it: which employees sent and
/// received it, on which channel, day and capturing account.
///
/// The keyed look-ups and the day are worked out when the message is sealed (on every core), so
/// the commit, which runs on the single writer, only adds them up.
struct UsageFacts: Sendable {
    var channel: Channel
    var account: String
    var sentAt: Int64
    /// The sending employee's look-up key, if an employee sent it.
    var senderKey: Data?
    /// The receiving employees' look-up keys, each once, the sender left out.
    var recipientKeys: [Data]
    var day: String
    var accountKey: Data
    /// Statuses, reactions and edits are not new messages; they do not count.
    var countsAsMessage: Bool

    init(
        channel: Channel, account: String, sentAt: Int64, senderEmployee: String?, recipientEmployees: [String],
        countsAsMessage: Bool, archive: Archive
    ) {
        self.channel = channel
        self.account = account
        self.sentAt = sentAt
        self.countsAsMessage = countsAsMessage
        func key(_ employee: String) -> Data { archive.keys.lookupKey(Data(employee.utf8), domain: "employee") }
        senderKey = senderEmployee.map(key)
        var seen: Set<String> = senderEmployee.map { [$0] } ?? []
        recipientKeys = recipientEmployees.filter { seen.insert($0).inserted }.map(key)
        day = UsageTally.day(sentAt)
        accountKey = archive.accountKey(channel, account)
    }
}

/// Turns the facts of committed records into usage rows and capture-account touches.
enum UsageTally {
    /// `YYYY-MM-DD` of an epoch-milliseconds instant, UTC.
    static func day(_ epochMilliseconds: Int64) -> String {
        let days = Int64((Double(epochMilliseconds) / 86_400_000).rounded(.down))
        let (y, m, d) = CivilDate.fromDays(days)
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(Int(y), 4) + "-" + padded(Int(m), 2) + "-" + padded(Int(d), 2)
    }

    static func counts(_ facts: [UsageFacts]) -> [UsageCount] {
        struct RowID: Hashable { var employee: Data, channel: Channel, day: String }
        var rows: [RowID: UsageCount] = [:]
        func add(_ key: Data, _ f: UsageFacts, sent: Int, received: Int) {
            let id = RowID(employee: key, channel: f.channel, day: f.day)
            var row = rows[id] ?? UsageCount(
                employeeKey: key, channel: f.channel, day: f.day, sent: 0, received: 0, firstAt: f.sentAt, lastAt: f.sentAt)
            row.sent += sent
            row.received += received
            row.firstAt = min(row.firstAt, f.sentAt)
            row.lastAt = max(row.lastAt, f.sentAt)
            rows[id] = row
        }
        for f in facts where f.countsAsMessage {
            if let sender = f.senderKey { add(sender, f, sent: 1, received: 0) }
            for r in f.recipientKeys { add(r, f, sent: 0, received: 1) }
        }
        return rows.values.sorted { a, b in
            if a.day != b.day { return a.day < b.day }
            if a.employeeKey != b.employeeKey { return a.employeeKey.bytesPrecede(b.employeeKey) }
            return a.channel.rawValue < b.channel.rawValue
        }
    }

    /// The accounts these facts name, each name sealed once (outside the commit's transaction,
    /// since sealing may create the capture scope's key).
    /// Keyed by each account's look-up key, which names channel and account together.
    static func sealedAccountNames(_ facts: [UsageFacts], archive: Archive) throws -> [Data: Data] {
        var names: [Data: Data] = [:]
        let key = try archive.dataKey(scope: ScopePolicy.capture)
        for f in facts where names[f.accountKey] == nil {
            names[f.accountKey] = try key.seal(Data(f.account.utf8), context: Archive.accountContext)
        }
        return names
    }

    /// Accounts with the span of their messages' send times: an account whose last message is old
    /// has gone silent.
    static func accounts(_ facts: [UsageFacts], sealedNames: [Data: Data]) -> [CaptureAccount] {
        var rows: [Data: CaptureAccount] = [:]
        for f in facts where f.countsAsMessage {
            let id = f.accountKey
            guard let name = sealedNames[id] else { continue }
            var row = rows[id] ?? CaptureAccount(
                channel: f.channel, accountKey: f.accountKey, sealedName: name,
                firstAt: f.sentAt, lastAt: f.sentAt, messages: 0)
            row.messages += 1
            row.firstAt = min(row.firstAt, f.sentAt)
            row.lastAt = max(row.lastAt, f.sentAt)
            rows[id] = row
        }
        return rows.values.sorted { $0.accountKey.bytesPrecede($1.accountKey) }
    }
}

extension Archive {
    static let accountContext = Data("capture-account".utf8)

    /// The keyed look-up of a capturing account.
    func accountKey(_ channel: Channel, _ account: String) -> Data {
        memoizedLookupKey(Data((channel.rawValue + "\u{0}" + account).utf8), domain: "account")
    }

    func openAccountName(_ account: CaptureAccount) throws -> String {
        String(decoding: try dataKey(scope: ScopePolicy.capture).open(account.sealedName, context: Self.accountContext),
               as: UTF8.self)
    }
}
