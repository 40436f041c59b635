/// A participant as it appears on a line: a channel identifier and an optional display name.
struct DemoParty: Sendable, Hashable {
    let id: String
    let name: String?
}

/// A value for a field the import format does not define; importers must keep these verbatim.
enum DemoExtra: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)

    var jsonValue: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .bool(let value): value
        }
    }
}

/// A small file attached to a demo message.
struct DemoAttachment: Sendable {
    let name: String
    let mediaType: String
    let bytes: [UInt8]
}

/// One step of a scripted conversation: a message, or a jump of the clock to a new local time.
struct DemoStep: Sendable {
    enum Kind: Sendable {
        case message
        /// Moves the conversation clock to this local wall time in 2026.
        case clock(month: Int, day: Int, hour: Int, minute: Int)
    }

    var kind: Kind = .message
    /// Index into the script's parties.
    var speaker = 0
    var text: String?
    /// A name other steps use to reply to, edit or recall this one.
    var tag: String?
    var replyTo: String?
    var editOf: String?
    var recallOf: String?
    /// Minutes since the previous step; the scheduler adds seeded jitter.
    var gapMinutes = 2
    var attachments: [DemoAttachment] = []
    var extras: [String: DemoExtra] = [:]

    /// A message from party `who`.
    static func say(
        _ who: Int, _ text: String, after minutes: Int = 2, tag: String? = nil, replyTo: String? = nil,
        attach: [DemoAttachment] = [], extras: [String: DemoExtra] = [:]
    ) -> DemoStep {
        DemoStep(
            speaker: who, text: text, tag: tag, replyTo: replyTo, gapMinutes: minutes, attachments: attach,
            extras: extras)
    }

    /// A line carrying the new text of the message tagged `tag`.
    static func edit(_ who: Int, _ tag: String, _ text: String, after minutes: Int = 1) -> DemoStep {
        DemoStep(speaker: who, text: text, editOf: tag, gapMinutes: minutes)
    }

    /// A line recalling (deleting for everyone) the message tagged `tag`.
    static func recall(_ who: Int, _ tag: String, after minutes: Int = 1) -> DemoStep {
        DemoStep(speaker: who, recallOf: tag, gapMinutes: minutes)
    }

    /// Moves the clock to a local wall time in 2026.
    static func at(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> DemoStep {
        DemoStep(kind: .clock(month: month, day: day, hour: hour, minute: minute))
    }
}

/// A scripted conversation: who takes part, on which channel, and what they say when.
struct DemoScript: Sendable {
    enum Kind: String, Sendable {
        case direct
        case group
    }

    var channel: String
    /// The capturing account; `nil` leaves the optional `account` field out.
    var account: String?
    var conversationID: String
    var kind: Kind
    var title: String?
    var parties: [DemoParty]
    var zone: DemoZone
    /// Whether group lines list every other member in `to` (WeCom archives and email do; phones don't).
    var listsGroupRecipients = false
    /// Extra fields added to every line a given party sends.
    var speakerExtras: [Int: [String: DemoExtra]] = [:]
    /// Steps in order; the first must be a clock step.
    var steps: [DemoStep]
}
