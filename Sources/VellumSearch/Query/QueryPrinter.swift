/// Prints queries in canonical form, the text stored for saved searches and shown back to users.
///
/// Canonical means: single spaces; AND implicit; `OR` and `NOT` in capitals; `-` for a negated
/// term or filter and `NOT` for anything else; parentheses only where precedence or the
/// written grouping needs them; field names and enumerated values in lowercase; `sort:` last,
/// and only when it differs from the default. Values and phrases are quoted with `"` when they
/// must be, escaping `"` (and the other quote marks) and `\` with a backslash.
public enum QueryPrinter {
    /// The canonical text of `query`.
    public static func format(_ query: Query) -> String {
        var parts: [String] = []
        if let expression = query.expression { parts.append(format(expression)) }
        if query.sort != QuerySort.defaultOrder(for: query.expression) { parts.append("sort:" + query.sort.rawValue) }
        return parts.joined(separator: " ")
    }

    /// The canonical text of `expression`.
    public static func format(_ expression: QueryExpression) -> String {
        switch expression {
        case .term(let term):
            return format(term)
        case .field(let filter):
            return format(filter)
        case .and(let operands):
            return operands.map { operand in
                switch operand {
                case .and, .or: "(" + format(operand) + ")"
                case .term, .field, .not: format(operand)
                }
            }.joined(separator: " ")
        case .or(let operands):
            return operands.map { operand in
                if case .or = operand { "(" + format(operand) + ")" } else { format(operand) }
            }.joined(separator: " OR ")
        case .not(let operand):
            switch operand {
            case .term, .field: return "-" + format(operand)
            case .and, .or: return "NOT (" + format(operand) + ")"
            case .not: return "NOT " + format(operand)
            }
        }
    }

    /// A word bare, a phrase in quotes, a prefix with its `*`.
    public static func format(_ term: QueryTerm) -> String {
        switch term {
        case .word(let text): QueryLexer.lexesAlone(text, as: .term(term)) ? text : quoted(text)
        case .phrase(let text): quoted(text)
        case .prefix(let stem): stem + "*"
        }
    }

    /// `field:value`, the value quoted if it has spaces, parentheses or quotes.
    public static func format(_ filter: QueryFilter) -> String {
        let value =
            switch filter {
            case .from(let text), .to(let text), .participant(let text), .conversation(let text), .hold(let text):
                isBareValue(text) ? text : quoted(text)
            case .kind(let id), .detector(let id): isBareValue(id) ? id : quoted(id)
            case .channel(let channel): channel.rawValue
            case .has(let feature): feature.rawValue
            case .alert(let state): state.rawValue
            case .sent(.after(let time)), .sent(.before(let time)): time.description
            case .sent(.on(let day)): day.description
            case .sent(.range(let from, let through)):
                (from?.description ?? "") + ".." + (through?.description ?? "")
            }
        return filter.field.rawValue + ":" + value
    }

    /// Whether `term` prints as text that reads back as the same term.
    static func isPrintable(_ term: QueryTerm) -> Bool {
        switch term {
        case .word(let text): QueryLexer.lexesAlone(text, as: .term(term))
        case .phrase(let text): !QueryLexer.isBlank(text)
        case .prefix(let stem): QueryLexer.lexesAlone(stem + "*", as: .term(term))
        }
    }

    private static func isBareValue(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        return !scalars.isEmpty && !scalars.contains(where: QueryLexer.isDelimiter)
            && !scalars.starts(with: "//".unicodeScalars)
    }

    private static func quoted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\\" || QueryLexer.isQuote(scalar) { out.append("\\") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }
}
