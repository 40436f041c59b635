import Foundation
import Testing
import VellumSearch

@Suite("Saved searches")
struct SavedSearchTests {
    static let when = Date(timeIntervalSince1970: 1_772_326_800)

    @Test("a saved search keeps the text as typed and derives the canonical form")
    func create() throws {
        let saved = try SavedSearch(
            name: "  Lotus payments  ", queryText: "合同 AND from:\"Zhang Wei\" sort:time", createdBy: " reviewer-7 ",
            createdAt: Self.when)
        #expect(saved.name == "Lotus payments")
        #expect(saved.createdBy == "reviewer-7")
        #expect(saved.queryText == "合同 AND from:\"Zhang Wei\" sort:time")
        #expect(saved.canonicalText == "合同 from:\"Zhang Wei\" sort:newest")
        #expect(saved.query == (try Query(parsing: saved.canonicalText)))
        #expect(saved.nameKey == "lotus payments")
    }

    @Test("it survives JSON, and decoding recomputes the canonical text")
    func codable() throws {
        let saved = try SavedSearch(
            name: "Card numbers on WeChat", queryText: "detector:credit_card channel:wechat", createdBy: "li",
            createdAt: Self.when)
        let data = try JSONEncoder().encode(saved)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["canonicalText"] as? String == "detector:credit_card channel:wechat")
        #expect(try JSONDecoder().decode(SavedSearch.self, from: data) == saved)

        let stale = #"{"name":"n","queryText":"a AND b","createdBy":"li","createdAt":0,"canonicalText":"old"}"#
        #expect(try JSONDecoder().decode(SavedSearch.self, from: Data(stale.utf8)).canonicalText == "a b")
    }

    @Test("decoding refuses a saved search whose text no longer parses")
    func decodeInvalid() {
        let bad = #"{"name":"n","queryText":"frm:x","createdBy":"li","createdAt":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SavedSearch.self, from: Data(bad.utf8)) }
        let unnamed = #"{"name":" ","queryText":"a","createdBy":"li","createdAt":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SavedSearch.self, from: Data(unnamed.utf8)) }
    }

    @Test("a query error comes back with its column in the query text")
    func queryError() {
        #expect {
            try SavedSearch(name: "n", queryText: "a after:2026-02-30", createdBy: "li", createdAt: Self.when)
        } throws: { error in
            (error as? QueryError).map { $0.code == .invalidDate && $0.column == 9 } ?? false
        }
    }

    static let badNames: [QueryErrorCase] = [
        .init("", .invalidSavedSearch, 1, "a saved search needs a name"),
        .init(" \n ", .invalidSavedSearch, 1, "a saved search needs a name"),
        .init(
            " a\u{7}b", .invalidSavedSearch, 3, "a saved search name cannot hold control or text-direction characters"),
        .init(
            "Lotus\u{202E}gnp.exe", .invalidSavedSearch, 6,
            "a saved search name cannot hold control or text-direction characters"),
        .init("a\nb", .invalidSavedSearch, 2, "a saved search name cannot hold control or text-direction characters"),
        .init(
            String(repeating: "合", count: 81), .invalidSavedSearch, 81,
            "a saved search name is at most 80 characters; this one has 81"),
        .init(
            "  " + String(repeating: "x", count: 90), .invalidSavedSearch, 83,
            "a saved search name is at most 80 characters; this one has 90"),
    ]

    @Test("names must be 1 to 80 characters without control or bidi characters", arguments: badNames)
    func badName(_ example: QueryErrorCase) {
        #expect {
            try SavedSearch.validatedName(example.text)
        } throws: { error in
            guard let error = error as? QueryError else { return false }
            return error.code == example.code && error.column == example.column && error.message == example.message
        }
    }

    @Test("names up to the limit, emoji and CJK included, are accepted")
    func goodNames() throws {
        #expect(try SavedSearch.validatedName(String(repeating: "合", count: 80)).count == 80)
        #expect(try SavedSearch.validatedName("👩‍⚖️ 合同审查 Q1") == "👩‍⚖️ 合同审查 Q1")
    }

    @Test("a saved search needs an author")
    func author() {
        #expect(throws: QueryError.self) {
            try SavedSearch(name: "n", queryText: "a", createdBy: "  ", createdAt: Self.when)
        }
    }
}
