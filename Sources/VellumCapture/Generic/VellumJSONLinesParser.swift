public import Foundation
public import VellumCore

/// Reads the Vellum JSON-lines format: one message per line, errors named by line and field.
public struct VellumJSONLinesParser: Sendable {
    public static let formatName = "jsonl"

    public init() {}

    /// One decoder for every line and thread (JSONDecoder is thread-safe): making one per line
    /// cost an allocation and its options for each message of an import.
    private static let decoder = JSONDecoder()

    /// Parses one line (without its newline). `file` and `line` only label issues.
    public func parse(_ bytes: Data, file: String, line: Int) -> ParsedLine {
        func issue(_ field: String?, _ reason: String) -> ParsedLine {
            .issue(ImportIssue(file: file, line: line, field: field, reason: reason))
        }
        let decoded: VellumJSONLine
        do {
            decoded = try Self.decoder.decode(VellumJSONLine.self, from: bytes)
        } catch let error as DecodingError {
            return issue(error.fieldPath, error.plainReason)
        } catch {
            return issue(nil, "not a JSON object")
        }
        guard let channel = Channel(rawValue: decoded.channel) else {
            return issue("channel", "unknown channel; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let kind = Conversation.Kind(rawValue: decoded.conversation.kind) else {
            return issue("conversation.kind", "expected \"direct\" or \"group\"")
        }
        guard !decoded.id.isEmpty else { return issue("id", "must not be empty") }
        guard !decoded.conversation.id.isEmpty else { return issue("conversation.id", "must not be empty") }
        guard !decoded.from.id.isEmpty else { return issue("from.id", "must not be empty") }
        guard let sentAt = Timestamp(rfc3339: decoded.sent_at) else {
            return issue("sent_at", "not an RFC 3339 time with an offset (e.g. 2026-03-02T09:15:04+08:00)")
        }
        if decoded.edit_of != nil, decoded.recall_of != nil {
            return issue("recall_of", "a line cannot both edit and recall a message")
        }
        var attachments: [Attachment] = []
        for (i, file) in (decoded.attachments ?? []).enumerated() {
            guard let content = Data(base64Encoded: file.content_base64, options: .ignoreUnknownCharacters) else {
                return issue("attachments[\(i)].content_base64", "not valid base64")
            }
            attachments.append(Attachment(name: file.name, mediaType: file.media_type, content: content))
        }
        let revision: Revision? = decoded.edit_of.map { .edit(of: $0) } ?? decoded.recall_of.map { .recall(of: $0) }
        return .message(Message(
            source: SourceRef(channel: channel, account: decoded.account ?? "", nativeID: decoded.id),
            conversation: Conversation(id: decoded.conversation.id, kind: kind, title: decoded.conversation.title),
            sentAt: sentAt,
            sender: Party(id: decoded.from.id, name: decoded.from.name),
            recipients: decoded.to.map { Party(id: $0.id, name: $0.name) },
            text: decoded.text,
            attachments: attachments,
            replyTo: decoded.reply_to,
            revision: revision,
            format: Self.formatName,
            raw: bytes))
    }
}

extension DecodingError {
    /// The dotted path of the field the error is about (`to[1].id`), or nil for the whole line.
    var fieldPath: String? {
        let (path, extra): ([any CodingKey], (any CodingKey)?) =
            switch self {
            case .keyNotFound(let key, let c): (c.codingPath, key)
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): (c.codingPath, nil)
            @unknown default: ([], nil)
            }
        var text = ""
        for key in path + (extra.map { [$0] } ?? []) {
            if let i = key.intValue { text += "[\(i)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? nil : text
    }

    var plainReason: String {
        switch self {
        case .keyNotFound: "required field is missing"
        case .typeMismatch(let type, _): "has the wrong type; expected \(Self.typeName(type))"
        case .valueNotFound(let type, _): "is null; expected \(Self.typeName(type))"
        case .dataCorrupted(let c): c.codingPath.isEmpty ? "not valid JSON" : "invalid value"
        @unknown default: "cannot be read"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [Any].Type: "an array"
        default: type == [String: Any].self ? "an object" : "\(type)".lowercased()
        }
    }
}
