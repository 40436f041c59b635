public import VellumCore

/// Why one line or payload could not be read, with where it was: file, line and field.
///
/// Reasons never quote the content itself (it may be sensitive): they name the field and what
/// was expected.
public struct ImportIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The JSON path of the offending field (`sent_at`, `attachments[0].content_base64`), if one.
    public var field: String?
    public var reason: String

    public init(file: String, line: Int, field: String?, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        "\(file):\(line): " + (field.map { "field `\($0)`: " } ?? "") + reason
    }
}

/// What a channel parser makes of one line: a message, or an issue to quarantine.
public enum ParsedLine: Sendable {
    case message(VellumCore.Message)
    case issue(ImportIssue)
}

