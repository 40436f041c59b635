import Testing
import VellumSearch

/// The trees the parser builds: NOT binds tighter than AND, AND tighter than OR, and written
/// parentheses are kept as nodes until normalization.
@Suite("Query precedence")
struct QueryPrecedenceTests {
    struct TreeCase: Sendable, CustomStringConvertible {
        let text: String
        let tree: QueryExpression
        var description: String { text }
    }

    static let cases: [TreeCase] = [
        .init(text: "a", tree: .word("a")),
        .init(text: "a b", tree: .and([.word("a"), .word("b")])),
        .init(text: "a AND b c", tree: .and([.word("a"), .word("b"), .word("c")])),
        .init(text: "a OR b", tree: .or([.word("a"), .word("b")])),
        .init(text: "a b OR c", tree: .or([.and([.word("a"), .word("b")]), .word("c")])),
        .init(text: "a OR b c", tree: .or([.word("a"), .and([.word("b"), .word("c")])])),
        .init(text: "a OR b AND c OR d", tree: .or([.word("a"), .and([.word("b"), .word("c")]), .word("d")])),
        .init(text: "NOT a b", tree: .and([.not(.word("a")), .word("b")])),
        .init(text: "NOT a OR b", tree: .or([.not(.word("a")), .word("b")])),
        .init(text: "-a OR -b", tree: .or([.not(.word("a")), .not(.word("b"))])),
        .init(text: "NOT (a b)", tree: .not(.and([.word("a"), .word("b")]))),
        .init(text: "NOT NOT a", tree: .not(.not(.word("a")))),
        .init(text: "(a b) c", tree: .and([.and([.word("a"), .word("b")]), .word("c")])),
        .init(text: "(a OR b) OR c", tree: .or([.or([.word("a"), .word("b")]), .word("c")])),
        .init(text: "a (b OR c)", tree: .and([.word("a"), .or([.word("b"), .word("c")])])),
        .init(text: "((a))", tree: .word("a")),
        .init(text: "and or", tree: .and([.word("and"), .word("or")])),
        .init(text: "a or b", tree: .and([.word("a"), .word("or"), .word("b")])),
        .init(text: "NOT channel:sms", tree: .not(.field(.channel(.sms)))),
        .init(
            text: "-channel:telegram OR has:media",
            tree: .or([.not(.field(.channel(.telegram))), .field(.has(.media))])),
        .init(
            text: "(from:zhang OR from:li) 合同",
            tree: .and([.or([.field(.from("zhang")), .field(.from("li"))]), .word("合同")])),
        .init(text: "\"合同 付款\" 客户", tree: .and([.phrase("合同 付款"), .word("客户")])),
        .init(text: "allocat* -draft", tree: .and([.prefix("allocat"), .not(.word("draft"))])),
    ]

    @Test("each text parses to the expected tree", arguments: cases)
    func tree(_ example: TreeCase) throws {
        #expect(try parsedExpression(example.text) == example.tree)
    }

    @Test("printing the expected tree gives text that parses to it again", arguments: cases)
    func printedTree(_ example: TreeCase) throws {
        #expect(try parsedExpression(QueryPrinter.format(example.tree)) == example.tree)
    }

    @Test("explicit and implicit AND build the same tree")
    func implicitAnd() throws {
        #expect(try parsedExpression("a AND b AND c") == parsedExpression("a b c"))
        #expect(try parsedExpression("from:zhang AND 合同") == parsedExpression("from:zhang 合同"))
        #expect(try parsedExpression("(a) AND (b)") == parsedExpression("(a)(b)"))
    }

    @Test("the empty query and a lone sort: have no expression")
    func emptyQueries() throws {
        #expect(try Query(parsing: "").expression == nil)
        #expect(try Query(parsing: "   ").expression == nil)
        #expect(try Query(parsing: "sort:oldest") == Query(expression: nil, sort: .oldest))
    }
}
