/// The `name:` prefixes the query language knows, for parsing, suggestions and autocomplete.
public enum QueryField: String, Sendable, Hashable, CaseIterable {
    case from, to, participant, channel, conversation, has, kind, detector, alert, hold
    case after, before, on, sent
    /// Not a filter: sets the order of results for the whole query.
    case sort

    /// Words people reach for that are not fields, and the field they probably meant.
    static let aliases: [String: QueryField] = [
        "sender": .from, "author": .from, "user": .participant, "recipient": .to, "member": .participant,
        "chat": .conversation, "room": .conversation, "group": .conversation, "type": .kind,
        "status": .alert, "matter": .hold, "date": .sent, "since": .after, "until": .before,
        "order": .sort, "is": .has, "with": .participant,
    ]

    /// The field `name` most likely meant, for "did you mean" hints.
    static func suggestion(for name: String) -> QueryField? {
        if let alias = aliases[name] { return alias }
        return QuerySuggestion.closest(to: name, in: allCases.map(\.rawValue)).flatMap(QueryField.init(rawValue:))
    }
}
