import Testing
import VellumSearch

/// Every mistake the parser reports, with its exact column (in Unicode scalars) and message.
@Suite("Query errors")
struct QueryErrorTests {
    static let structure: [QueryErrorCase] = [
        .init("(a OR b", .unbalancedParenthesis, 1, "`(` is never closed"),
        .init("a (b (c)", .unbalancedParenthesis, 3, "`(` is never closed"),
        .init("(a (b", .unbalancedParenthesis, 1, "`(` is never closed"),
        .init("a (", .unbalancedParenthesis, 3, "`(` is never closed"),
        .init("a OR b)", .unbalancedParenthesis, 7, "`)` has no matching `(`"),
        .init("a AND )", .unbalancedParenthesis, 7, "`)` has no matching `(`"),
        .init("）a", .unbalancedParenthesis, 1, "`)` has no matching `(`"),
        .init("()", .emptyGroup, 1, "`()` has nothing inside"),
        .init("a ( ) b", .emptyGroup, 3, "`()` has nothing inside"),
        .init("a AND", .danglingOperator, 3, "`AND` has nothing after it"),
        .init("a OR", .danglingOperator, 3, "`OR` has nothing after it"),
        .init("AND a", .danglingOperator, 1, "`AND` has nothing before it"),
        .init("OR a", .danglingOperator, 1, "`OR` has nothing before it"),
        .init("a OR OR b", .danglingOperator, 3, "`OR` has nothing after it"),
        .init("a AND OR b", .danglingOperator, 3, "`AND` has nothing after it"),
        .init("(a AND) b", .danglingOperator, 4, "`AND` has nothing after it"),
        .init("a (OR b)", .danglingOperator, 4, "`OR` has nothing before it"),
        .init("NOT", .missingOperand, 1, "`NOT` has nothing after it"),
        .init("a NOT", .missingOperand, 3, "`NOT` has nothing after it"),
        .init("NOT AND a", .missingOperand, 1, "`NOT` has nothing after it"),
        .init("(a NOT) b", .missingOperand, 4, "`NOT` has nothing after it"),
        .init("a -", .missingOperand, 3, "`-` has nothing after it; write -word with no space between"),
        .init("a - b", .missingOperand, 3, "`-` has nothing after it; write -word with no space between"),
        .init("(a -)", .missingOperand, 4, "`-` has nothing after it; write -word with no space between"),
    ]

    static let tokens: [QueryErrorCase] = [
        .init("\"unterminated", .unterminatedQuote, 1, "unterminated quote; add a closing `\"`"),
        .init("a \"b c", .unterminatedQuote, 3, "unterminated quote; add a closing `\"`"),
        .init("\"a\\\"", .unterminatedQuote, 1, "unterminated quote; add a closing `\"`"),
        .init("from:\"Zhang", .unterminatedQuote, 6, "unterminated quote; add a closing `\"`"),
        .init("“合同", .unterminatedQuote, 1, "unterminated quote; add a closing `\"`"),
        .init("\"\"", .emptyPhrase, 1, "the quotes have nothing between them"),
        .init("a \"  \"", .emptyPhrase, 3, "the quotes have nothing between them"),
        .init("*", .invalidPrefix, 1, "`*` needs at least one letter before it, like allocat*"),
        .init("a **", .invalidPrefix, 3, "`*` needs at least one letter before it, like allocat*"),
        .init("ab**", .invalidPrefix, 1, "`ab**` has more than one `*`; write one, at the end of the word"),
        .init("frm:x", .unknownField, 1, "unknown field `frm`; did you mean `from`?"),
        .init("a chanel:wecom", .unknownField, 3, "unknown field `chanel`; did you mean `channel`?"),
        .init("form:x", .unknownField, 1, "unknown field `form`; did you mean `from`?"),
        .init("date:2026-03-01", .unknownField, 1, "unknown field `date`; did you mean `sent`?"),
        .init("Sender:zhang", .unknownField, 1, "unknown field `Sender`; did you mean `from`?"),
        .init("re:contract", .unknownField, 1, "unknown field `re`; to search for `re:` as text, put it in quotes"),
        .init("合同 frm:x", .unknownField, 4, "unknown field `frm`; did you mean `from`?"),
        .init("from:", .emptyValue, 1, "`from:` has no value"),
        .init("a from: b", .emptyValue, 3, "`from:` has no value; put the value right after the colon, with no space"),
        .init("from: )", .emptyValue, 1, "`from:` has no value"),
        .init("from:\"\"", .emptyValue, 1, "`from:` has no value"),
        .init("(to:)", .emptyValue, 2, "`to:` has no value"),
        .init(
            "from:(a OR b)", .emptyValue, 1,
            "`from:` has no value; a field takes one value, so write (from:a OR from:b)"),
        .init("channel:", .emptyValue, 1, "`channel:` has no value"),
        .init("channel:telgram", .invalidValue, 9, "unknown channel `telgram`; did you mean `telegram`?"),
        .init(
            "channel:fax", .invalidValue, 9,
            "unknown channel `fax`; use one of wecom, wechat, whatsapp, telegram, signal, sms, email, other"),
        .init("has:attachments", .invalidValue, 5, "unknown feature `attachments`; did you mean `attachment`?"),
        .init("has:link", .invalidValue, 5, "unknown feature `link`; use one of attachment, media, edit, recall"),
        .init("alert:in-review", .invalidValue, 7, "unknown alert state `in-review`; did you mean `in_review`?"),
        .init(
            "alert:done", .invalidValue, 7,
            "unknown alert state `done`; use one of open, in_review, escalated, closed, any"),
        .init(
            "detector:credit-card", .invalidValue, 10,
            "`credit-card` is not a detector id; use lowercase letters, digits and `_`, like detector:credit_card"),
        .init(
            "kind:图片", .invalidValue, 6,
            "`图片` is not a kind id; use lowercase letters, digits and `_`, like kind:payment"),
        .init(
            "sort:date", .invalidValue, 6, "unknown sort order `date`; use one of relevance, newest, oldest, time"),
        .init("sort:size", .invalidValue, 6, "unknown sort order `size`; use one of relevance, newest, oldest, time"),
        .init("sort:olderst", .invalidValue, 6, "unknown sort order `olderst`; did you mean `oldest`?"),
    ]

    static let dates: [QueryErrorCase] = [
        .init("after:2026-02-30", .invalidDate, 7, "`2026-02-30` is not a date: February 2026 has 28 days"),
        .init("after:2026-02-29", .invalidDate, 7, "`2026-02-29` is not a date: February 2026 has 28 days"),
        .init("after:1900-02-29", .invalidDate, 7, "`1900-02-29` is not a date: February 1900 has 28 days"),
        .init("before:2026-04-31", .invalidDate, 8, "`2026-04-31` is not a date: April 2026 has 30 days"),
        .init("on:2026-13-01", .invalidDate, 4, "`2026-13-01` is not a date: there is no month 13"),
        .init("on:2026-00-10", .invalidDate, 4, "`2026-00-10` is not a date: there is no month 0"),
        .init("on:0000-01-01", .invalidDate, 4, "`0000-01-01` is not a date: years run from 0001 to 9999"),
        .init(
            "before:2026-3-1", .invalidDate, 8,
            "`2026-3-1` is not a date; write YYYY-MM-DD, like 2026-03-01, or an RFC 3339 instant, like 2026-03-01T09:00:00+08:00"
        ),
        .init(
            "after:yesterday", .invalidDate, 7,
            "`yesterday` is not a date; write YYYY-MM-DD, like 2026-03-01, or an RFC 3339 instant, like 2026-03-01T09:00:00+08:00"
        ),
        .init(
            "after:2026-03-01T09:00:00", .invalidDate, 7,
            "`2026-03-01T09:00:00` has no UTC offset; add Z or one like +08:00"),
        .init(
            "after:2026-03-01T25:00:00Z", .invalidDate, 7,
            "`2026-03-01T25:00:00Z` is not an instant: the time is not on the clock"),
        .init(
            "after:2026-03-01T09:00Z", .invalidDate, 7,
            "`2026-03-01T09:00Z` is not an instant; write YYYY-MM-DD, like 2026-03-01, or an RFC 3339 instant, like 2026-03-01T09:00:00+08:00"
        ),
        .init(
            "after:2026-03-01T09:00:00.1234567891Z", .invalidDate, 7,
            "`2026-03-01T09:00:00.1234567891Z` is not an instant: write 1 to 9 digits after the decimal point"),
        .init(
            "after:2026-03-01T09:00:00+24:00", .invalidDate, 7,
            "`2026-03-01T09:00:00+24:00` is not an instant: the UTC offset is out of range"),
        .init(
            "after:2026-03-01T09:00:00+0800", .invalidDate, 7,
            "`2026-03-01T09:00:00+0800` is not an instant: the UTC offset must be Z or like +08:00"),
        .init(
            "on:2026-03-02T10:00:00Z", .invalidDate, 4,
            "`on:` takes a day, like 2026-03-02; for instants use sent:START..END"),
        .init(
            "after:2026-03-01..2026-03-02", .invalidDate, 7,
            "`after:` takes one date; for a range use sent:START..END"),
        .init("on:2026-03-01..2026-03-02", .invalidDate, 4, "`on:` takes one day; for a range use sent:START..END"),
        .init(
            "sent:2026-03-01..2026-02-30", .invalidDate, 18, "`2026-02-30` is not a date: February 2026 has 28 days"),
        .init(
            "sent:2026-03-31..2026-03-01", .invalidRange, 6,
            "the range starts after it ends: 2026-03-31 is after 2026-03-01"),
        .init(
            "sent:2026-03-02..2026-03-01T23:59:59+08:00", .invalidRange, 6,
            "the range starts after it ends: 2026-03-02 is after 2026-03-01T23:59:59+08:00"),
        .init("sent:..", .invalidRange, 6, "the range `..` has neither a start nor an end"),
    ]

    static let placement: [QueryErrorCase] = [
        .init("(a sort:time)", .misplacedSort, 4, "`sort:` orders the whole query; move it out of the parentheses"),
        .init(
            "a OR sort:time", .misplacedSort, 6, "`sort:` orders the whole query; it cannot take AND, OR, NOT or `-`"),
        .init(
            "a sort:time OR b", .misplacedSort, 3, "`sort:` orders the whole query; it cannot take AND, OR, NOT or `-`"),
        .init("-sort:time a", .misplacedSort, 2, "`sort:` orders the whole query; it cannot take AND, OR, NOT or `-`"),
        .init("NOT sort:time", .misplacedSort, 5, "`sort:` orders the whole query; it cannot take AND, OR, NOT or `-`"),
        .init("sort:time a sort:oldest", .duplicateSort, 13, "the query already has `sort:` at column 1"),
    ]

    @Test("structural mistakes point at the parenthesis or operator", arguments: structure)
    func structuralErrors(_ example: QueryErrorCase) {
        expectError(example)
    }

    @Test("token mistakes point at the token or value", arguments: tokens)
    func tokenErrors(_ example: QueryErrorCase) {
        expectError(example)
    }

    @Test("date mistakes point at the date that is wrong", arguments: dates)
    func dateErrors(_ example: QueryErrorCase) {
        expectError(example)
    }

    @Test("sort: stands alone at the top level, once", arguments: placement)
    func sortPlacementErrors(_ example: QueryErrorCase) {
        expectError(example)
    }

    @Test("nesting past the limit is refused at the parenthesis that goes too deep")
    func tooDeep() {
        let depth = Query.maximumDepth + 5
        let text = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        expectError(.init(text, .tooDeep, Query.maximumDepth + 1, "the query nests deeper than 64 levels"))
        let nots = String(repeating: "NOT ", count: depth) + "a"
        expectError(.init(nots, .tooDeep, Query.maximumDepth * 4 + 1, "the query nests deeper than 64 levels"))
        let fine =
            String(repeating: "(", count: Query.maximumDepth) + "a" + String(repeating: ")", count: Query.maximumDepth)
        #expect(throws: Never.self) { try Query(parsing: fine) }
    }

    @Test("text longer than the limit is refused before lexing")
    func tooLong() {
        let text = String(repeating: "ab ", count: 2000)
        expectError(.init(text, .tooLong, 4097, "the query is 6000 characters long; the most is 4096"))
    }

    @Test("#expect(throws:) matches on the error code")
    func matchesOnCode() {
        #expect { try Query(parsing: "frm:x") } throws: { ($0 as? QueryError)?.code == .unknownField }
        #expect(throws: QueryError.self) { try Query(parsing: "a AND") }
    }

    private func expectError(_ example: QueryErrorCase, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let query = try Query(parsing: example.text)
            Issue.record("parsed as \(query.canonicalText)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == example.code, sourceLocation: sourceLocation)
            #expect(error.column == example.column, sourceLocation: sourceLocation)
            #expect(error.message == example.message, sourceLocation: sourceLocation)
        }
    }
}
