/// How a record changes or annotates an earlier message of the same conversation, named by
/// the target's source native id (``ExportMessage/sourceID``).
public enum ExportRevision: Sendable, Hashable {
    /// New text (``ExportMessage/text``) for the target.
    case edit(of: String)
    /// The target was recalled or deleted by its sender at ``ExportMessage/sentAt``.
    case recall(of: String)
    /// A reaction by the sender to the target; an empty emoji removes the sender's reaction.
    case reaction(to: String, emoji: String)
    /// A delivery status of the target (`read`, `delivered`, `played`, `sent`, `failed` …),
    /// reported for the party in ``ExportMessage/sender`` (the reader or recipient).
    case status(of: String, status: String)
    /// Files of the target downloaded after it was captured (``ExportMessage/attachments``).
    case media(of: String)

    /// The native id of the message this revision is about.
    public var targetID: String {
        switch self {
        case .edit(let id), .recall(let id), .reaction(let id, _), .status(let id, _), .media(let id): id
        }
    }

    /// `edit`, `recall`, `reaction`, `status` or `media`.
    public var name: String {
        switch self {
        case .edit: "edit"
        case .recall: "recall"
        case .reaction: "reaction"
        case .status: "status"
        case .media: "media"
        }
    }
}
