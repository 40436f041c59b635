import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumSearch

@Suite("Saved searches")
struct SavedSearchTests {
    @Test("saved sealed, listed by name, run by name, replaced only when asked, and checked on save")
    func service() throws {
        let t = try QueryLanguageSearchTests.archive()
        let saved = SavedSearchService(archive: t.archive)
        try saved.save(name: "Tom memos", text: "memo from:E1001 sort:oldest", actor: "rev")
        #expect(throws: VellumError.self) { try saved.save(name: "tom MEMOS", text: "x", actor: "rev") }
        try saved.save(name: "tom MEMOS", text: "memo OR 合同 sort:oldest", actor: "rev", replace: true)
        try saved.save(name: "Desk", text: "channel:telegram", actor: "rev")
        #expect(throws: VellumError.self) { try saved.save(name: "Bad", text: "(memo", actor: "rev") }
        #expect(throws: VellumError.self) { try saved.save(name: "Prefix", text: "allocat*", actor: "rev") }
        #expect(throws: VellumError.self) { try saved.save(name: " ", text: "memo", actor: "rev") }
        #expect(try saved.list().map(\.name) == ["Desk", "tom MEMOS"])
        let text = try saved.get("TOM memos").queryText
        #expect(try t.search(text).hits.map(\.source_id) == ["w1", "wa1", "wa2", "wa3"])
        try saved.delete("desk")
        #expect(try saved.list().count == 1)
        #expect(try t.allBytes().range(of: Data("Tom memos".utf8)) == nil)
        #expect(try t.allBytes().range(of: Data("from:E1001".utf8)) == nil)
    }

    @Test("through the binary: searches save, list --json, search --saved")
    func cli() throws {
        let scratch = try ScratchFolder("vellum-saved-cli")
        let data = scratch.path("data").path
        let env = ["VELLUM_DATA": data]
        try Data(Fixture.chat.utf8).write(to: scratch.path("chat.jsonl"))
        #expect(try CLI.run(["init", "--data", data]).status == 0)
        #expect(try CLI.run(["import", scratch.path("chat.jsonl").path], env: env).status == 0)
        #expect(try CLI.run(["searches", "save", "memos", "--", "memo", "-revised"], env: env).status == 0)
        let listed = try JSONSerialization.jsonObject(with: Data(try CLI.run(["searches", "list", "--json"], env: env).out.utf8))
        #expect((listed as? [[String: Any]])?.first?["query"] as? String == "memo -revised")
        let found = try CLI.json(try CLI.run(["search", "--json", "--saved", "memos"], env: env).out)
        #expect(found["total"] as? Int == 2)
        let both = try CLI.run(["search", "--saved", "memos", "memo"], env: env)
        #expect(both.status != 0)
    }
}
