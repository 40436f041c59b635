import Foundation
import VellumCore
import VellumSurveillance
import VellumCrypto
import VellumStore

/// Who a captured message involved, as usage statistics count it: which employees sent and
/// received it, on which channel, day and capturing account.
struct UsageFacts: Sendable {
    var channel: Channel
    var account: String
    var sentAt: Int64
    var senderEmployee: String?
    var recipientEmployees: [String]
    /// Statuses, reactions and edits are not new messages; they do not count.
    var countsAsMessage: Bool
}

/// Turns the facts of committed records into usage rows and capture-account touches.
enum UsageTally {
    /// `YYYY-MM-DD` of an epoch-milliseconds instant, UTC.
    static func day(_ epochMilliseconds: Int64) -> String {
        let days = Int64((Double(epochMilliseconds) / 86_400_000).rounded(.down))
        let (y, m, d) = CivilDate.fromDays(days)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    static func counts(_ facts: [UsageFacts], archive: Archive) -> [UsageCount] {
        var rows: [String: UsageCount] = [:]
        func add(_ employee: String, _ f: UsageFacts, sent: Int, received: Int) {
            let key = archive.keys.lookupKey(Data(employee.utf8), domain: "employee")
            let day = day(f.sentAt)
            let id = key.hexString + f.channel.rawValue + day
            var row = rows[id] ?? UsageCount(
                employeeKey: key, channel: f.channel, day: day, sent: 0, received: 0, firstAt: f.sentAt, lastAt: f.sentAt)
            row.sent += sent
            row.received += received
            row.firstAt = min(row.firstAt, f.sentAt)
            row.lastAt = max(row.lastAt, f.sentAt)
            rows[id] = row
        }
        for f in facts where f.countsAsMessage {
            if let sender = f.senderEmployee { add(sender, f, sent: 1, received: 0) }
            for r in Set(f.recipientEmployees) where r != f.senderEmployee { add(r, f, sent: 0, received: 1) }
        }
        return rows.values.sorted { ($0.day, $0.employeeKey.hexString) < ($1.day, $1.employeeKey.hexString) }
    }

    /// The accounts these facts name, each name sealed once (outside the commit's transaction,
    /// since sealing may create the capture scope's key).
    static func sealedAccountNames(_ facts: [UsageFacts], archive: Archive) throws -> [String: Data] {
        var names: [String: Data] = [:]
        let key = try archive.dataKey(scope: ScopePolicy.capture)
        for f in facts where names[accountID(f)] == nil {
            names[accountID(f)] = try key.seal(Data(f.account.utf8), context: Archive.accountContext)
        }
        return names
    }

    static func accountID(_ f: UsageFacts) -> String { f.channel.rawValue + "\u{0}" + f.account }

    /// Accounts with the span of their messages' send times: an account whose last message is old
    /// has gone silent.
    static func accounts(_ facts: [UsageFacts], sealedNames: [String: Data], archive: Archive) -> [CaptureAccount] {
        var rows: [String: CaptureAccount] = [:]
        for f in facts where f.countsAsMessage {
            let id = accountID(f)
            guard let name = sealedNames[id] else { continue }
            var row = rows[id] ?? CaptureAccount(
                channel: f.channel, accountKey: archive.accountKey(f.channel, f.account), sealedName: name,
                firstAt: f.sentAt, lastAt: f.sentAt, messages: 0)
            row.messages += 1
            row.firstAt = min(row.firstAt, f.sentAt)
            row.lastAt = max(row.lastAt, f.sentAt)
            rows[id] = row
        }
        return rows.values.sorted { $0.accountKey.hexString < $1.accountKey.hexString }
    }
}

extension Archive {
    static let accountContext = Data("capture-account".utf8)

    /// The keyed look-up of a capturing account.
    func accountKey(_ channel: Channel, _ account: String) -> Data {
        keys.lookupKey(Data((channel.rawValue + "\u{0}" + account).utf8), domain: "account")
    }

    func openAccountName(_ account: CaptureAccount) throws -> String {
        String(decoding: try dataKey(scope: ScopePolicy.capture).open(account.sealedName, context: Self.accountContext),
               as: UTF8.self)
    }
}
