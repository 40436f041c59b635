import VellumCore

/// Chooses the data-key scope a message is sealed under, so one external person can be
/// crypto-shredded without touching anyone else (docs/decisions/0003-data-key-scopes.md).
///
/// - A message sent by someone outside the directory is sealed under that person's scope.
/// - A message an employee sends in a direct conversation with an outsider is sealed under the
///   outsider's scope: it is about them, and erasing them must take it too.
/// - Everything else (employee-only chats, employees writing in groups) is sealed under the
///   conversation's scope.
enum ScopePolicy {
    struct Resolved {
        var identifier: String
        var isEmployee: Bool
    }

    static func scopeName(for message: Message, sender: Resolved, recipients: [Resolved]) -> String {
        if !sender.isEmployee { return "party:" + sender.identifier }
        if message.conversation.kind == .direct, let outsider = recipients.first(where: { !$0.isEmployee }) {
            return "party:" + outsider.identifier
        }
        return "conversation:\(message.source.channel.rawValue):\(message.source.account):\(message.conversation.id)"
    }

    static let quarantine = "system:quarantine"
    static let audit = "system:audit"
    static let directory = "system:directory"
    /// Capture bookkeeping: account names, connector cursors, WeCom keyring.
    static let capture = "system:capture"
    static let policy = "system:policy"
    /// Legal holds and privacy requests.
    static let legal = "system:legal"
    /// Saved searches (their text can name people).
    static let searches = "system:searches"
}
