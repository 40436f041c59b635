import Testing
import VellumSearch

/// Every construct of the language, as text and the canonical form it parses to.
@Suite("Query constructs")
struct QueryConstructTests {
    static let words: [QueryTextCase] = [
        .init("contract"),
        .init("Contract"),
        .init("wire funds"),
        .init("  wire   funds  ", "wire funds"),
        .init("wire\tfunds\nnow", "wire funds now"),
        .init("\"wire the funds\""),
        .init("\"contract\""),
        .init("allocat*"),
        .init("合同"),
        .init("合同付款 客户"),
        .init("\"合同 付款\" 客户"),
        .init("合*"),
        .init("合同\u{3000}付款", "合同 付款"),
        .init("“合同 付款” 客户", "\"合同 付款\" 客户"),
        .init("＂合同＂", "\"合同\""),
        .init("e-mail"),
        .init("12:30"),
        .init("http://example.com/a?b=c"),
        .init("and or not"),
        .init("\"AND\" \"OR\" \"NOT\""),
        .init("a*b"),
        .init("naïve café Zürich"),
        .init("привет мир"),
        .init("O'Brien $100 C++"),
        .init("x-"),
    ]

    static let booleans: [QueryTextCase] = [
        .init("a AND b", "a b"),
        .init("a AND b AND c", "a b c"),
        .init("a OR b"),
        .init("a OR b OR c"),
        .init("NOT a", "-a"),
        .init("-a"),
        .init("a -b"),
        .init("a NOT b", "a -b"),
        .init("-\"wire funds\""),
        .init("a b OR c"),
        .init("a OR b c"),
        .init("a AND b OR c AND d", "a b OR c d"),
        .init("a (b OR c)"),
        .init("(a OR b) (c OR d)"),
        .init("(a OR b) AND (c OR d)", "(a OR b) (c OR d)"),
        .init("NOT (a OR b)"),
        .init("-(a OR b)", "NOT (a OR b)"),
        .init("NOT (a b)"),
        .init("NOT NOT a", "NOT -a"),
        .init("--a", "NOT -a"),
        .init("NOT -a"),
        .init("(a)", "a"),
        .init("((a b))", "a b"),
        .init("(a b) c"),
        .init("a (b c)"),
        .init("a OR (b OR c)"),
        .init("(a OR b) OR c"),
        .init("NOT a b", "-a b"),
        .init("a OR NOT b", "a OR -b"),
        .init("x NOT (a b)"),
        .init("a（b OR c）", "a (b OR c)"),
        .init("a(b)c", "a b c"),
        .init("NOT(a)", "-a"),
        .init("aANDb"),
    ]

    static let fields: [QueryTextCase] = [
        .init("from:zhang"),
        .init("FROM:zhang", "from:zhang"),
        .init("From:Zhang", "from:Zhang"),
        .init("from:\"Zhang Wei\""),
        .init("from:张伟"),
        .init("from：张伟", "from:张伟"),
        .init("from:\"张 伟\""),
        .init("from:\"zhang\"", "from:zhang"),
        .init("to:lisa@example.com"),
        .init("participant:\"Zhang Wei\""),
        .init("channel:wecom"),
        .init("channel:WhatsApp", "channel:whatsapp"),
        .init("channel:\"sms\"", "channel:sms"),
        .init("conversation:\"Project Lotus team\""),
        .init("conversation:group:42"),
        .init("has:attachment"),
        .init("has:media"),
        .init("has:edit"),
        .init("has:recall"),
        .init("kind:image"),
        .init("kind:Payment", "kind:payment"),
        .init("detector:credit_card"),
        .init("detector:cn_id_card_18"),
        .init("alert:open"),
        .init("alert:in_review"),
        .init("alert:escalated"),
        .init("alert:closed"),
        .init("alert:ANY", "alert:any"),
        .init("hold:\"Project Lotus\""),
        .init("hold:LIT-2026-004"),
        .init("from:-x"),
        .init("from:a\\b"),
        .init("from:\"//x\""),
        .init("-channel:telegram"),
        .init("NOT has:attachment", "-has:attachment"),
        .init("(channel:wecom OR channel:wechat) -has:attachment"),
        .init("from:zhang OR to:zhang"),
        .init("NOT (from:zhang OR to:zhang)"),
    ]

    static let dates: [QueryTextCase] = [
        .init("after:2026-03-01"),
        .init("before:2026-03-31"),
        .init("on:2026-03-02"),
        .init("sent:2026-03-02", "on:2026-03-02"),
        .init("sent:2026-03-01..2026-03-31"),
        .init("sent:..2026-03-31"),
        .init("sent:2026-03-01.."),
        .init("sent:2026-03-01..2026-03-01"),
        .init("after:2024-02-29"),
        .init("after:2026-03-01T09:00:00+08:00"),
        .init("before:2026-03-01T09:00:00Z"),
        .init("after:2026-03-01t09:00:00z", "after:2026-03-01T09:00:00Z"),
        .init("after:2026-03-01T09:00:00.500+08:00", "after:2026-03-01T09:00:00.5+08:00"),
        .init("after:2026-03-01T09:00:00.000000001-05:30"),
        .init("after:2026-03-01T09:00:00-00:00", "after:2026-03-01T09:00:00Z"),
        .init("sent:2026-03-01T00:00:00Z..2026-03-01T12:00:00Z"),
        .init("sent:2026-03-01..2026-03-01T10:00:00+08:00"),
        .init("sent:\"2026-03-01..2026-03-31\"", "sent:2026-03-01..2026-03-31"),
        .init("-after:2026-03-01"),
    ]

    static let sorting: [QueryTextCase] = [
        .init("", ""),
        .init("contract sort:time", "contract sort:newest"),
        .init("contract sort:newest"),
        .init("contract sort:relevance", "contract"),
        .init("sort:oldest contract", "contract sort:oldest"),
        .init("channel:wecom sort:newest", "channel:wecom"),
        .init("channel:wecom sort:oldest"),
        .init("channel:wecom sort:relevance"),
        .init("-contract sort:newest", "-contract"),
        .init("sort:oldest"),
        .init("sort:newest", ""),
        .init("SORT:Oldest a", "a sort:oldest"),
        .init("a sort:oldest b", "a b sort:oldest"),
        .init("(a OR b) sort:oldest", "a OR b sort:oldest"),
    ]

    static let combined: [QueryTextCase] = [
        .init(
            "from:\"Zhang Wei\" (合同 OR \"付款 方式\") after:2026-03-01 -channel:telegram sort:oldest",
            "from:\"Zhang Wei\" (合同 OR \"付款 方式\") after:2026-03-01 -channel:telegram sort:oldest"),
        .init(
            "detector:credit_card AND alert:open AND (channel:wechat OR channel:wecom) NOT hold:\"Project Lotus\"",
            "detector:credit_card alert:open (channel:wechat OR channel:wecom) -hold:\"Project Lotus\""),
        .init(
            "kind:payment has:attachment sent:2026-01-01..2026-06-30 sort:time",
            "kind:payment has:attachment sent:2026-01-01..2026-06-30"),
    ]

    /// The canonical-form table of docs/search.md.
    static let documented: [QueryTextCase] = [
        .init("Contract AND NOT channel:Telegram", "Contract -channel:telegram"),
        .init("-(a OR b)", "NOT (a OR b)"),
        .init("sort:time 合同 from:\"zhang\"", "合同 from:zhang sort:newest"),
        .init("sent:2026-03-02", "on:2026-03-02"),
        .init("“合同 付款”", "\"合同 付款\""),
    ]

    @Test("the examples in docs/search.md hold", arguments: documented)
    func documentedForms(_ example: QueryTextCase) throws {
        #expect(try canonicalText(of: example.text) == example.canonical)
    }

    @Test("words, phrases and prefixes parse to their canonical form", arguments: words)
    func wordForms(_ example: QueryTextCase) throws {
        #expect(try canonicalText(of: example.text) == example.canonical)
    }

    @Test("AND, OR, NOT, - and parentheses parse to their canonical form", arguments: booleans)
    func booleanForms(_ example: QueryTextCase) throws {
        #expect(try canonicalText(of: example.text) == example.canonical)
    }

    @Test("field filters parse to their canonical form", arguments: fields)
    func fieldForms(_ example: QueryTextCase) throws {
        #expect(try canonicalText(of: example.text) == example.canonical)
    }

    @Test("date filters parse to their canonical form", arguments: dates)
    func dateForms(_ example: QueryTextCase) throws {
        #expect(try canonicalText(of: example.text) == example.canonical)
    }

    @Test("sort: parses to its canonical form, omitted when it is the default", arguments: sorting)
    func sortForms(_ example: QueryTextCase) throws {
        #expect(try canonicalText(of: example.text) == example.canonical)
    }

    @Test("combined queries parse to their canonical form", arguments: combined)
    func combinedForms(_ example: QueryTextCase) throws {
        #expect(try canonicalText(of: example.text) == example.canonical)
    }

    @Test(
        "the canonical form is a fixed point: it parses to the same query and prints the same",
        arguments: words + booleans + fields + dates + sorting + combined)
    func canonicalIsFixedPoint(_ example: QueryTextCase) throws {
        let query = try Query(parsing: example.text)
        let again = try Query(parsing: query.canonicalText)
        #expect(again == query)
        #expect(again.canonicalText == query.canonicalText)
    }
}
