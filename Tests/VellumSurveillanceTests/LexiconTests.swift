import Testing
import VellumSurveillance

@Suite("lexicons and the off-channel cues")
struct LexiconTests {
    let engine = ScanEngine(detectors: [], lexicons: [.offChannel])

    @Test("the built-in lexicon has at least 20 cues in each language")
    func size() {
        let chinese = Lexicon.offChannel.entries.filter { $0.term.unicodeScalars.contains { $0.value >= 0x4E00 } }
        #expect(chinese.count >= 20)
        #expect(Lexicon.offChannel.entries.count - chinese.count >= 20)
    }

    @Test("cues are found with their destination", arguments: [
        ("ok text me on signal later", "text me on signal", "signal"),
        ("Message me on WhatsApp", "message me on whatsapp", "whatsapp"),
        ("let's switch to WhatsApp ok", "switch to whatsapp", "whatsapp"),
        ("move this to Telegram pls", "move this to telegram", "telegram"),
        ("call my personal cell", "call my personal", "personal"),
        ("好的，加我微信", "加我微信", "wechat"),
        ("我们用私人微信聊吧", "用私人微信聊", "wechat"),
        ("用WhatsApp吧", "用WhatsApp", "whatsapp"),
        ("telegram上聊", "telegram上聊", "telegram"),
    ])
    func cues(text: String, term: String, tag: String) throws {
        let hits = engine.scan(text)
        try #require(hits.count == 1, "\(text) -> \(hits)")
        #expect(hits[0].detector == "lexicon:off_channel")
        #expect(hits[0].masked.lowercased() == term.lowercased())
        #expect(hits[0].detail == tag)
        #expect(hits[0].confidence == 0.9)
    }

    @Test("untagged cues have no destination")
    func untagged() {
        #expect(engine.scan("我们私聊").first?.detail == nil)
        #expect(engine.scan("我们私聊").first?.masked == "私聊")
    }

    @Test("matching folds case, fullwidth forms and whitespace runs", arguments: [
        "TEXT ME ON SIGNAL", "text  me\ton   signal", "用ＷｈａｔｓＡｐｐ", "text\u{3000}me on signal",
    ])
    func folding(text: String) throws {
        let hit = try #require(engine.scan(text).first)
        #expect((hit.start, hit.end) == (0, text.unicodeScalars.count))
    }

    @Test("Latin edges need word boundaries, CJK edges do not", arguments: [
        ("switch to whatsapps", 0), ("reswitch to whatsapp", 0), ("请加我微信吧", 1), ("whatsapp me", 1), ("whatsapp meeting", 0),
    ])
    func boundaries(text: String, expected: Int) {
        #expect(engine.scan(text).count == expected, "\(text)")
    }

    @Test("overlapping cues report the leftmost, longest one")
    func overlaps() {
        let hits = engine.scan("用私人微信聊")
        #expect(hits.map(\.masked) == ["用私人微信聊"])
    }

    @Test("custom lexicons in English and Chinese run in the same pass")
    func custom() throws {
        let words = Lexicon(name: "insider", terms: ["front run", "内幕消息", "before the announcement"])
        let engine = ScanEngine(detectors: [], lexicons: [.offChannel, words])
        let hits = engine.scan("这是内幕消息, buy before the announcement, 加微信")
        #expect(hits.map(\.detector) == ["lexicon:insider", "lexicon:insider", "lexicon:off_channel"])
        #expect(hits.map(\.masked) == ["内幕消息", "before the announcement", "加微信"])
        #expect(hits[0].start == 2)
        #expect(hits[0].end == 6)
    }
}
