/// A token of the query language, with the column it starts at.
struct QueryLexeme: Equatable {
    enum Token: Equatable {
        case term(QueryTerm)
        case field(QueryFilter)
        case sort(QuerySort)
        case and, or, not, minus, open, close
    }

    var token: Token
    /// 1-based, in Unicode scalars.
    var column: Int
}

/// Splits query text into tokens, reading field values and checking them on the way, so token
/// errors come out left to right before any structural one.
///
/// Works on Unicode scalars, not Characters: a combining mark after `:` or a space must not
/// glue the two into one grapheme and hide the delimiter.
struct QueryLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var lexemes: [QueryLexeme] = []

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    static func lex(_ text: String) throws(QueryError) -> [QueryLexeme] {
        var lexer = QueryLexer(text)
        try lexer.run()
        return lexer.lexemes
    }

    private mutating func run() throws(QueryError) {
        while index < scalars.count {
            let scalar = scalars[index]
            let column = index + 1
            if Self.isSpace(scalar) {
                index += 1
            } else if Self.isOpen(scalar) || Self.isClose(scalar) {
                lexemes.append(QueryLexeme(token: Self.isOpen(scalar) ? .open : .close, column: column))
                index += 1
            } else if Self.isQuote(scalar) {
                let text = try readQuoted()
                guard !Self.isBlank(text) else { throw .emptyPhrase(column) }
                lexemes.append(QueryLexeme(token: .term(.phrase(text)), column: column))
            } else if scalar == "-" {
                guard index + 1 < scalars.count, !Self.isSpace(scalars[index + 1]), !Self.isClose(scalars[index + 1])
                else { throw .missingOperand("-", column) }
                lexemes.append(QueryLexeme(token: .minus, column: column))
                index += 1
            } else {
                try readBare()
            }
        }
    }

    /// A word, keyword, prefix or `name:value` field.
    private mutating func readBare() throws(QueryError) {
        let start = index
        var end = start
        while end < scalars.count, !Self.isDelimiter(scalars[end]) {
            if Self.isColon(scalars[end]), end > start, scalars[start..<end].allSatisfy(Self.isASCIILetter),
                !startsWithSlashes(end + 1)
            {
                return try readField(name: start..<end)
            }
            end += 1
        }
        index = end
        let text = Self.string(scalars[start..<end])
        lexemes.append(QueryLexeme(token: try Self.wordToken(text, column: start + 1), column: start + 1))
    }

    private static func wordToken(_ text: String, column: Int) throws(QueryError) -> QueryLexeme.Token {
        switch text {
        case "AND": return .and
        case "OR": return .or
        case "NOT": return .not
        default: break
        }
        guard text.unicodeScalars.last == "*" else { return .term(.word(text)) }
        var stem = text.unicodeScalars
        stem.removeLast()
        guard let last = stem.last, last != "*" else { throw .invalidPrefix(text, column) }
        return .term(.prefix(String(stem)))
    }

    private mutating func readField(name range: Range<Int>) throws(QueryError) {
        let typed = Self.string(scalars[range])
        let column = range.lowerBound + 1
        guard let field = QueryField(rawValue: typed.lowercased()) else { throw .unknownField(typed, column) }
        let valueStart = range.upperBound + 1
        let value: String
        if valueStart < scalars.count, Self.isQuote(scalars[valueStart]) {
            index = valueStart
            value = try readQuoted()
        } else {
            index = valueStart
            while index < scalars.count, !Self.isDelimiter(scalars[index]) { index += 1 }
            value = Self.string(scalars[valueStart..<index])
        }
        guard !Self.isBlank(value) else { throw .emptyValue(field, column, hint: emptyValueHint(after: valueStart)) }
        let token = try QueryFieldValue.token(field, value, column: valueStart + 1)
        lexemes.append(QueryLexeme(token: token, column: column))
    }

    /// A quoted string starting at `index`; `\` escapes a quote or a backslash, nothing else.
    private mutating func readQuoted() throws(QueryError) -> String {
        let open = index
        var text = String.UnicodeScalarView()
        index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, Self.isQuote(scalars[index + 1]) || scalars[index + 1] == "\\"
            {
                text.append(scalars[index + 1])
                index += 2
            } else if Self.isQuote(scalar) {
                index += 1
                return String(text)
            } else {
                text.append(scalar)
                index += 1
            }
        }
        throw .unterminatedQuote(open + 1)
    }

    /// Why a field likely came out empty: a group after the colon, or a space before the value.
    private func emptyValueHint(after position: Int) -> QueryError.EmptyValueHint? {
        guard position < scalars.count else { return nil }
        if Self.isOpen(scalars[position]) { return .group }
        let rest = scalars[position...].drop(while: Self.isSpace)
        guard Self.isSpace(scalars[position]), let next = rest.first, !Self.isDelimiter(next) else { return nil }
        return .space
    }

    /// `http://…` and the like are words, not fields.
    private func startsWithSlashes(_ position: Int) -> Bool {
        position + 1 < scalars.count && scalars[position] == "/" && scalars[position + 1] == "/"
    }

    private static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(slice))
    }
}

extension QueryLexer {
    /// Whitespace (the ideographic space included) and control characters separate tokens.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
    }

    /// `(` and the full-width `（` a Chinese input method types.
    static func isOpen(_ scalar: Unicode.Scalar) -> Bool { scalar == "(" || scalar == "\u{FF08}" }

    /// `)` and the full-width `）`.
    static func isClose(_ scalar: Unicode.Scalar) -> Bool { scalar == ")" || scalar == "\u{FF09}" }

    /// `"`, the curly `“` `”` and the full-width `＂`; any of them closes a quote any of them opened.
    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" || scalar == "\u{FF02}"
    }

    /// `:` and the full-width `：`.
    static func isColon(_ scalar: Unicode.Scalar) -> Bool { scalar == ":" || scalar == "\u{FF1A}" }

    static func isDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        isSpace(scalar) || isOpen(scalar) || isClose(scalar) || isQuote(scalar)
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Empty, or only separators.
    static func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(isSpace) }

    /// Whether `text` reads back as exactly this one token and nothing else.
    static func lexesAlone(_ text: String, as token: QueryLexeme.Token) -> Bool {
        (try? lex(text)) == [QueryLexeme(token: token, column: 1)]
    }
}
