/// The wording of every query error, in one place so the messages stay consistent.
extension QueryError {
    static func unterminatedQuote(_ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(
            .unterminatedQuote, column: column, "unterminated quote; add a closing `\"`", fileID: fileID, line: line)
    }

    static func emptyPhrase(_ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(.emptyPhrase, column: column, "the quotes have nothing between them", fileID: fileID, line: line)
    }

    static func unclosedParenthesis(_ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(.unbalancedParenthesis, column: column, "`(` is never closed", fileID: fileID, line: line)
    }

    static func unopenedParenthesis(_ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(.unbalancedParenthesis, column: column, "`)` has no matching `(`", fileID: fileID, line: line)
    }

    static func emptyGroup(_ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(.emptyGroup, column: column, "`()` has nothing inside", fileID: fileID, line: line)
    }

    static func nothingAfter(_ keyword: String, _ column: Int, fileID: String = #fileID, line: Int = #line)
        -> QueryError
    {
        QueryError(.danglingOperator, column: column, "`\(keyword)` has nothing after it", fileID: fileID, line: line)
    }

    static func nothingBefore(_ keyword: String, _ column: Int, fileID: String = #fileID, line: Int = #line)
        -> QueryError
    {
        QueryError(.danglingOperator, column: column, "`\(keyword)` has nothing before it", fileID: fileID, line: line)
    }

    static func missingOperand(_ keyword: String, _ column: Int, fileID: String = #fileID, line: Int = #line)
        -> QueryError
    {
        let hint = keyword == "-" ? "; write -word with no space between" : ""
        return QueryError(
            .missingOperand, column: column, "`\(keyword)` has nothing after it\(hint)", fileID: fileID, line: line)
    }

    static func unknownField(_ name: String, _ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        let message =
            if let field = QueryField.suggestion(for: name.lowercased()) {
                "unknown field `\(name)`; did you mean `\(field.rawValue)`?"
            } else {
                "unknown field `\(name)`; to search for `\(name):` as text, put it in quotes"
            }
        return QueryError(.unknownField, column: column, message, fileID: fileID, line: line)
    }

    enum EmptyValueHint { case group, space }

    static func emptyValue(
        _ field: QueryField, _ column: Int, hint: EmptyValueHint?, fileID: String = #fileID, line: Int = #line
    ) -> QueryError {
        let name = field.rawValue
        let advice =
            switch hint {
            case .group: "; a field takes one value, so write (\(name):a OR \(name):b)"
            case .space: "; put the value right after the colon, with no space"
            case nil: ""
            }
        return QueryError(.emptyValue, column: column, "`\(name):` has no value\(advice)", fileID: fileID, line: line)
    }

    /// "unknown channel `telgram`; did you mean `telegram`?" or "…; use one of a, b, c".
    static func notOneOf(
        _ what: String, _ value: String, _ choices: [String], _ column: Int, fileID: String = #fileID,
        line: Int = #line
    ) -> QueryError {
        let message =
            if let near = QuerySuggestion.closest(to: value.lowercased(), in: choices) {
                "unknown \(what) `\(value)`; did you mean `\(near)`?"
            } else {
                "unknown \(what) `\(value)`; use one of \(choices.joined(separator: ", "))"
            }
        return QueryError(.invalidValue, column: column, message, fileID: fileID, line: line)
    }

    static func notIdentifier(
        _ field: QueryField, _ value: String, example: String, _ column: Int, fileID: String = #fileID,
        line: Int = #line
    ) -> QueryError {
        QueryError(
            .invalidValue, column: column,
            "`\(value)` is not a \(field.rawValue) id; use lowercase letters, digits and `_`, like \(field.rawValue):\(example)",
            fileID: fileID, line: line)
    }

    static func invalidDate(_ reason: String, _ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError
    {
        QueryError(.invalidDate, column: column, reason, fileID: fileID, line: line)
    }

    static func invalidRange(_ reason: String, _ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError
    {
        QueryError(.invalidRange, column: column, reason, fileID: fileID, line: line)
    }

    static func invalidPrefix(_ word: String, _ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError
    {
        let message =
            word.unicodeScalars.allSatisfy { $0 == "*" }
            ? "`*` needs at least one letter before it, like allocat*"
            : "`\(word)` has more than one `*`; write one, at the end of the word"
        return QueryError(.invalidPrefix, column: column, message, fileID: fileID, line: line)
    }

    static func sortInsideGroup(_ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(
            .misplacedSort, column: column, "`sort:` orders the whole query; move it out of the parentheses",
            fileID: fileID, line: line)
    }

    static func sortWithOperator(_ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(
            .misplacedSort, column: column, "`sort:` orders the whole query; it cannot take AND, OR, NOT or `-`",
            fileID: fileID, line: line)
    }

    static func duplicateSort(_ first: Int, _ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(
            .duplicateSort, column: column, "the query already has `sort:` at column \(first)", fileID: fileID,
            line: line)
    }

    static func tooLong(_ length: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(
            .tooLong, column: Query.maximumLength + 1,
            "the query is \(length) characters long; the most is \(Query.maximumLength)", fileID: fileID, line: line)
    }

    static func tooDeep(_ column: Int, fileID: String = #fileID, line: Int = #line) -> QueryError {
        QueryError(
            .tooDeep, column: column, "the query nests deeper than \(Query.maximumDepth) levels", fileID: fileID,
            line: line)
    }
}
