import VellumCore

/// The columns of the per-record tables (CSV and the Concordance DAT), one row per record.
///
/// Multi-value columns are separated by `;` (the Concordance default).
enum RecordRow {
    static let columns = [
        "RECORD_ID", "SOURCE_ID", "CHANNEL", "ACCOUNT", "CONVERSATION_ID", "CONVERSATION_TITLE", "CONVERSATION_TYPE",
        "CONVERSATION_KEY", "SENT_AT", "SENT_AT_LOCAL", "SENDER_ID", "SENDER_NAME", "SENDER_EMPLOYEE_ID", "RECIPIENTS",
        "KIND", "REVISION", "REVISION_TARGET", "REVISION_VALUE", "REPLY_TO", "BODY", "MASKED", "BODY_SHA256",
        "ATTACHMENT_NAMES", "ATTACHMENT_PATHS", "ATTACHMENT_SHA256", "FIELDS", "COMMITMENT", "LEAF_INDEX",
        "NATIVE_PATH", "RSMF_PATH", "RSMF_ATTACHMENT_IDS", "EML_PATH", "HTML_PATH", "CUSTODIAN",
    ]

    /// The row's values; `path` turns an export-relative path into the table's path style.
    static func values(
        _ m: RenderedMessage, conversationKey: String, placement: RecordPlacement, custodian: String?,
        path: (String) -> String
    ) -> [String] {
        let msg = m.message
        let revisionValue: String =
            switch msg.revision {
            case .reaction(_, let emoji): emoji
            case .status(_, let status): status
            default: ""
            }
        return [
            m.recordID, msg.sourceID, msg.channel.rawValue, msg.account, msg.conversation.id,
            msg.conversation.title ?? "", msg.conversation.kind.rawValue, conversationKey, msg.sentAt.rfc3339,
            LocalTime.display(msg.sentAt), msg.sender.id, msg.sender.name ?? "", msg.sender.employeeID ?? "",
            msg.recipients.map { r in r.name.map { "\($0) <\(r.id)>" } ?? r.id }.joined(separator: ";"),
            msg.kind.rawValue, msg.revision?.name ?? "", msg.revision?.targetID ?? "", revisionValue,
            msg.replyTo ?? "", m.body ?? "", m.masked ? "Y" : "N", m.bodySHA256 ?? "",
            m.attachments.map(\.name).joined(separator: ";"),
            m.attachments.compactMap { $0.storedPath.map(path) }.joined(separator: ";"),
            m.attachments.map(\.sha256).joined(separator: ";"),
            msg.fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";"),
            msg.commitment, String(msg.leafIndex), placement.native.map(path) ?? "", placement.rsmf.map(path) ?? "",
            m.attachments.compactMap(\.rsmfID).joined(separator: ";"), placement.eml.map(path) ?? "",
            placement.html.map(path) ?? "", custodian ?? "",
        ]
    }
}
