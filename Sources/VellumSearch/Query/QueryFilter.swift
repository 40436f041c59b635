/// A `field:value` condition on a message's metadata rather than its text.
///
/// Free-text values (people, conversations, matters) are kept as typed; the executor decides how
/// loosely to match them. Enumerated values are validated and lowercased by the parser.
public enum QueryFilter: Sendable, Hashable {
    /// `from:zhang`: the sender, by name, handle or address.
    case from(String)
    /// `to:lisa`: a recipient.
    case to(String)
    /// `participant:"Zhang Wei"`: the sender or a recipient.
    case participant(String)
    /// `channel:wecom`.
    case channel(QueryChannel)
    /// `conversation:"Project Lotus team"`: a chat or thread, by name or id.
    case conversation(String)
    /// `has:attachment`, `has:media`, `has:edit`, `has:recall`.
    case has(QueryFeature)
    /// `kind:payment`: a message kind (`[a-z0-9_]+`); kinds are an open set, so any is accepted.
    case kind(String)
    /// `detector:credit_card`: a sensitive-data detector fired on the message (`[a-z0-9_]+`).
    case detector(String)
    /// `alert:open`: the message has a surveillance alert in that state.
    case alert(QueryAlertState)
    /// `hold:"Project Lotus"`: the message is under the legal hold of that matter.
    case hold(String)
    /// `after:`, `before:`, `on:`, `sent:`: when the message was sent.
    case sent(QueryDateFilter)

    /// The field it is written with (`.sent` answers after, before, on or sent by its form).
    public var field: QueryField {
        switch self {
        case .from: .from
        case .to: .to
        case .participant: .participant
        case .channel: .channel
        case .conversation: .conversation
        case .has: .has
        case .kind: .kind
        case .detector: .detector
        case .alert: .alert
        case .hold: .hold
        case .sent(.after): .after
        case .sent(.before): .before
        case .sent(.on): .on
        case .sent(.range): .sent
        }
    }

    /// Whether the value is one the parser could have produced.
    var isWellFormed: Bool {
        switch self {
        case .from(let text), .to(let text), .participant(let text), .conversation(let text), .hold(let text):
            !QueryLexer.isBlank(text)
        case .kind(let id), .detector(let id):
            QueryFilter.isIdentifier(id)
        case .sent(let date):
            date.isWellFormed
        case .channel, .has, .alert:
            true
        }
    }

    /// `[a-z0-9_]+`, the shape of kinds and detector ids.
    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
