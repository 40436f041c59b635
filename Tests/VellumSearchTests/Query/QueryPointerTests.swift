import Testing
import VellumSearch

/// The caret rendering under a query, for the CLI and logs.
@Suite("Query error pointer")
struct QueryPointerTests {
    @Test("the caret sits under the offending token")
    func ascii() {
        #expect(pointer("frm:x") == "frm:x\n^")
        #expect(pointer("a AND") == "a AND\n  ^")
        #expect(pointer("(a OR b") == "(a OR b\n^")
        #expect(pointer("after:2026-02-30") == "after:2026-02-30\n      ^")
    }

    @Test("wide characters pad with an ideographic space, combining marks with nothing")
    func wide() {
        #expect(pointer("合同 frm:x") == "合同 frm:x\n\u{3000}\u{3000} ^")
        #expect(pointer("cafe\u{301} frm:x") == "cafe\u{301} frm:x\n     ^")
    }

    @Test("tabs and line breaks show as spaces so the caret stays on the second line")
    func controls() {
        #expect(pointer("a\tb\nAND") == "a b AND\n    ^")
    }

    @Test("a column past the end puts the caret after the text")
    func pastTheEnd() {
        #expect(QueryError(.emptyValue, column: 6, "x").pointer(in: "from:") == "from:\n     ^")
    }

    @Test("the description gives the column and message")
    func description() throws {
        #expect(throws: QueryError(.unknownField, column: 1, "unknown field `frm`; did you mean `from`?")) {
            try Query(parsing: "frm:x")
        }
        #expect(QueryError(.unknownField, column: 3, "m").description == "column 3: m")
    }

    private func pointer(_ text: String) -> String {
        do {
            _ = try Query(parsing: text)
            return "(parsed)"
        } catch {
            return error.pointer(in: text)
        }
    }
}
