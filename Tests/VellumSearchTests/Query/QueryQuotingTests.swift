import Testing
import VellumSearch

/// Quotes, escapes, Chinese text and the full-width punctuation Chinese input methods type.
@Suite("Query quoting and Chinese text")
struct QueryQuotingTests {
    struct ValueCase: Sendable, CustomStringConvertible {
        let text: String
        let tree: QueryExpression
        var description: String { text }
    }

    static let values: [ValueCase] = [
        .init(text: "\"合同 付款\" 客户", tree: .and([.phrase("合同 付款"), .word("客户")])),
        .init(text: "合同付款", tree: .word("合同付款")),
        .init(text: "合同，付款", tree: .word("合同，付款")),
        .init(text: "合同 付款*", tree: .and([.word("合同"), .prefix("付款")])),
        .init(text: "from:\"Zhang Wei\"", tree: .field(.from("Zhang Wei"))),
        .init(text: "from:\"张 伟\" 合同", tree: .and([.field(.from("张 伟")), .word("合同")])),
        .init(text: "hold:\"Project \\\"Lotus\\\"\"", tree: .field(.hold("Project \"Lotus\""))),
        .init(text: "\"say \\\"hi\\\"\"", tree: .phrase("say \"hi\"")),
        .init(text: "\"C:\\Users\\wei\"", tree: .phrase("C:\\Users\\wei")),
        .init(text: "\"a\\\\\"", tree: .phrase("a\\")),
        .init(text: "\"(a OR b)\"", tree: .phrase("(a OR b)")),
        .init(text: "\"from:zhang\"", tree: .phrase("from:zhang")),
        .init(text: "\"-x\"", tree: .phrase("-x")),
        .init(text: "“合同 付款”", tree: .phrase("合同 付款")),
        .init(text: "“a\"", tree: .phrase("a")),
        .init(text: "from：“张伟”", tree: .field(.from("张伟"))),
        .init(text: "（合同 OR 付款）", tree: .or([.word("合同"), .word("付款")])),
        .init(text: "conversation:\"Lotus (CN) team\"", tree: .field(.conversation("Lotus (CN) team"))),
        .init(text: "foo\"bar\"", tree: .and([.word("foo"), .phrase("bar")])),
        .init(text: "from:zh\"ang wei\"", tree: .and([.field(.from("zh")), .phrase("ang wei")])),
        .init(text: "cafe\u{301}", tree: .word("café")),
        .init(text: "a \u{301}b", tree: .and([.word("a"), .word("\u{301}b")])),
    ]

    @Test("quoted and Chinese text parses to the expected tree", arguments: values)
    func parsesTo(_ example: ValueCase) throws {
        #expect(try parsedExpression(example.text) == example.tree)
    }

    @Test("values and phrases with quotes, backslashes and brackets print quoted and escaped")
    func printsEscaped() {
        #expect(QueryPrinter.format(QueryFilter.hold("Project \"Lotus\"")) == "hold:\"Project \\\"Lotus\\\"\"")
        #expect(QueryPrinter.format(QueryFilter.from("C:\\x y")) == "from:\"C:\\\\x y\"")
        #expect(QueryPrinter.format(QueryFilter.from("a\\b")) == "from:a\\b")
        #expect(QueryPrinter.format(QueryFilter.conversation("Lotus (CN)")) == "conversation:\"Lotus (CN)\"")
        #expect(QueryPrinter.format(QueryFilter.from("“张”")) == "from:\"\\“张\\”\"")
        #expect(QueryPrinter.format(QueryTerm.phrase("合同 付款")) == "\"合同 付款\"")
        #expect(QueryPrinter.format(QueryTerm.word("AND")) == "\"AND\"")
        #expect(QueryPrinter.format(QueryTerm.word("from:x")) == "\"from:x\"")
    }

    @Test("words that cannot stand bare are not well-formed, and print as phrases")
    func unprintableWords() {
        for text in ["", "a b", "AND", "-x", "x*", "from:x", "(x", "\"x"] {
            #expect(!QueryExpression.word(text).isWellFormed, "\(text)")
        }
        for text in ["x-", "and", "12:30", "合同", "a*b", "http://x"] {
            #expect(QueryExpression.word(text).isWellFormed, "\(text)")
        }
    }

    @Test("the lexer keeps Unicode scalars apart, so a combining mark cannot hide a delimiter")
    func combiningMarks() throws {
        #expect(try parsedExpression("from:\u{301}x") == .field(.from("\u{301}x")))
        #expect(try Query(parsing: "from:zhang \u{301}").canonicalText == "from:zhang \u{301}")
    }
}
