internal import Foundation

/// Turns scripts into timed, identified JSON lines, with seeded jitter and channel-shaped message ids.
struct DemoScheduler {
    private var random: DemoRandom
    private var usedIDs: Set<String> = []
    private var telegramCounters: [String: Int] = [:]
    private(set) var lines: [(utc: Int64, order: Int, line: String)] = []

    init(seed: UInt64) {
        random = DemoRandom(seed: seed)
    }

    /// Schedules every step of `script` and renders its messages.
    mutating func add(_ script: DemoScript) {
        var clock: Int64 = 0
        var idsByTag: [String: String] = [:]
        for step in script.steps {
            switch step.kind {
            case .clock(let month, let day, let hour, let minute):
                let base = DemoTime.instant(2026, month, day, hour, minute, in: script.zone)
                precondition(base > clock, "\(script.conversationID): clock moves backwards at \(month)/\(day)")
                clock = base + Int64(random.below(240))
            case .message:
                let minutes = step.gapMinutes
                let jitter = minutes > 1 ? random.int(in: -(minutes / 5)...(minutes / 5)) : 0
                clock += Int64(max(15, (minutes + jitter) * 60 + random.int(in: -25...25)))
                let id = mintID(script: script, speaker: step.speaker, utc: clock)
                if let tag = step.tag { idsByTag[tag] = id }
                let object = render(step, script: script, id: id, utc: clock, idsByTag: idsByTag)
                lines.append((clock, lines.count, Self.serialize(object)))
            }
        }
    }

    private func render(
        _ step: DemoStep, script: DemoScript, id: String, utc: Int64, idsByTag: [String: String]
    ) -> [String: Any] {
        let sender = script.parties[step.speaker]
        var object: [String: Any] = [
            "channel": script.channel,
            "id": id,
            "sent_at": DemoTime.rfc3339(utc, offset: script.zone.offset(at: utc)),
            "from": Self.party(sender),
            "to": recipients(of: step, in: script).map(Self.party),
        ]
        var conversation: [String: Any] = ["id": script.conversationID, "kind": script.kind.rawValue]
        if let title = script.title { conversation["title"] = title }
        object["conversation"] = conversation
        if let account = script.account { object["account"] = account }
        if let text = step.text { object["text"] = text }
        for (field, tag) in [("reply_to", step.replyTo), ("edit_of", step.editOf), ("recall_of", step.recallOf)] {
            guard let tag else { continue }
            guard let target = idsByTag[tag] else {
                preconditionFailure("\(script.conversationID): no earlier step tagged \(tag)")
            }
            object[field] = target
        }
        if !step.attachments.isEmpty {
            object["attachments"] = step.attachments.map { attachment in
                [
                    "name": attachment.name, "media_type": attachment.mediaType,
                    "content_base64": Data(attachment.bytes).base64EncodedString(),
                ]
            }
        }
        for (key, value) in script.speakerExtras[step.speaker] ?? [:] { object[key] = value.jsonValue }
        for (key, value) in step.extras { object[key] = value.jsonValue }
        return object
    }

    private func recipients(of step: DemoStep, in script: DemoScript) -> [DemoParty] {
        let others = script.parties.indices.filter { $0 != step.speaker }.map { script.parties[$0] }
        switch script.kind {
        case .direct: return others
        case .group: return script.listsGroupRecipients ? others : []
        }
    }

    private static func party(_ party: DemoParty) -> [String: Any] {
        var object: [String: Any] = ["id": party.id]
        if let name = party.name { object["name"] = name }
        return object
    }

    /// A message id shaped like the channel's own, unique per channel and account.
    private mutating func mintID(script: DemoScript, speaker: Int, utc: Int64) -> String {
        let scope = "\(script.channel)|\(script.account ?? "")"
        while true {
            let id: String
            switch script.channel {
            case "wecom":
                id = "\(random.next() % 9_000_000_000_000_000_000 + 1_000_000_000_000_000_000)_\(utc)"
            case "wechat":
                id = "\(random.next() % 9_000_000_000_000_000_000 + 1_000_000_000_000_000_000)"
            case "whatsapp":
                id = "wamid.HBgL" + random.token(44, alphabet: Self.base64Alphabet)
            case "telegram":
                let next = (telegramCounters[scope] ?? 4_180 + random.below(900)) + 1 + random.below(3)
                telegramCounters[scope] = next
                id = String(next)
            case "signal":
                id = String(utc * 1000 + Int64(random.below(1000)))
            case "sms":
                id = "SM" + random.token(32, alphabet: "0123456789abcdef")
            default:
                let domain = script.parties[speaker].id.split(separator: "@").last.map(String.init) ?? "mail.example"
                id = "<\(utc).\(random.token(12, alphabet: "0123456789abcdefghijklmnopqrstuvwxyz"))@\(domain)>"
            }
            if usedIDs.insert(scope + "|" + id).inserted { return id }
        }
    }

    private static let base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// One line of JSON: sorted keys, UTF-8 kept as is, no escaped slashes.
    static func serialize(_ object: [String: Any]) -> String {
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        } catch {
            preconditionFailure("demo line is not serializable: \(error)")
        }
    }
}
