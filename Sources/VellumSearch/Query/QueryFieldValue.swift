/// Reads and checks the value after `field:`, turning it into a filter or a sort order.
enum QueryFieldValue {
    /// `column` is where the value starts (its quote, if quoted), for errors.
    static func token(_ field: QueryField, _ value: String, column: Int) throws(QueryError) -> QueryLexeme.Token {
        switch field {
        case .from: return .field(.from(value))
        case .to: return .field(.to(value))
        case .participant: return .field(.participant(value))
        case .conversation: return .field(.conversation(value))
        case .hold: return .field(.hold(value))
        case .channel: return .field(.channel(try choice("channel", value, column)))
        case .has: return .field(.has(try choice("feature", value, column)))
        case .alert: return .field(.alert(try choice("alert state", value, column)))
        case .kind: return .field(.kind(try identifier(field, value, example: "payment", column)))
        case .detector: return .field(.detector(try identifier(field, value, example: "credit_card", column)))
        case .after, .before, .on, .sent: return .field(.sent(try QueryDateParser.filter(field, value, column: column)))
        case .sort:
            guard let sort = QuerySort.spellings[value.lowercased()] else {
                throw .notOneOf("sort order", value, ["relevance", "newest", "oldest", "time"], column)
            }
            return .sort(sort)
        }
    }

    private static func choice<Value: RawRepresentable & CaseIterable>(
        _ what: String, _ value: String, _ column: Int
    ) throws(QueryError) -> Value where Value.RawValue == String {
        guard let choice = Value(rawValue: value.lowercased()) else {
            throw .notOneOf(what, value, Value.allCases.map(\.rawValue), column)
        }
        return choice
    }

    private static func identifier(
        _ field: QueryField, _ value: String, example: String, _ column: Int
    ) throws(QueryError) -> String {
        let id = value.lowercased()
        guard QueryFilter.isIdentifier(id) else { throw .notIdentifier(field, value, example: example, column) }
        return id
    }
}
