import Foundation
import Testing
import VellumCapture
import VellumCore

/// Where the shared reference samples live on the development machines (absolute, never copied).
enum WeComOfficialSamples {
    static let directory = "/work/shared/reference/samples/wecom/"
    static var present: Bool {
        FileManager.default.fileExists(atPath: directory + "decrypted_messages_official_examples.jsonl")
    }
}

/// Tencent's documented examples (formats.md §A.5; samples/PROVENANCE.md), read by absolute path
/// from the shared reference folder, never copied in. Skipped where the folder is absent.
@Suite(
    "WeCom official examples (shared reference samples, skipped when absent)",
    .enabled(if: WeComOfficialSamples.present))
struct WeComOfficialSamplesTests {
    static let directory = WeComOfficialSamples.directory
    let parser = WeComMessageParser()

    func lines() throws -> [Data] {
        WeComMessageFixtures.lines(try Data(contentsOf: URL(fileURLWithPath: Self.directory + "decrypted_messages_official_examples.jsonl")))
    }

    func message(_ line: Int) throws -> Message {
        let results = parser.parse(try lines()[line - 1], file: "official.jsonl", line: line, account: "wwcorp")
        return try #require(results.first?.weComMessage)
    }

    static let expectedKinds: [MessageKind] = [
        .text, .text, .image, .recall, .consent, .consent, .audio, .video, .contact, .location, .sticker, .file,
        .link, .link, .bundle, .interactive, .payment, .meeting, .system, .link, .text, .link, .meeting, .mixed,
        .call, .file, .payment, .link, .text, .poll, .call, .file,
    ]

    @Test("all 32 lines parse without issues to the expected kinds, raw bytes exact")
    func all() throws {
        let lines = try lines()
        #expect(lines.count == 32)
        for (i, bytes) in lines.enumerated() {
            let results = parser.parse(bytes, file: "official.jsonl", line: i + 1, account: "wwcorp")
            #expect(results.count == 1, "line \(i + 1)")
            guard let m = results.first?.weComMessage else {
                Issue.record("line \(i + 1): \(results.first?.weComIssue?.description ?? "nothing")")
                continue
            }
            #expect(m.kind == Self.expectedKinds[i], "line \(i + 1)")
            #expect(m.raw == bytes && m.kind != .unknown, "line \(i + 1)")
        }
    }

    @Test("line 2: the quoted reply is split at \\n------\\n")
    func quote() throws {
        let m = try message(2)
        #expect(m.quotedText == "这是一条引用/回复消息：\"")
        #expect(m.text == "@nick777")
    }

    @Test("line 3: msgtime 0 is archived and flagged; the image's md5 and size are kept")
    func imageWithoutTime() throws {
        let m = try message(3)
        #expect(m.fields["msgtime_missing"] == "true" && m.sentAt.seconds == 0)
        #expect(m.media.first?.digests == ["md5": "50de8e5ae8ffe4f1df7a93841f71993a"] && m.media.first?.size == 70961)
        #expect(m.media.first?.handle.hasPrefix("CtYBMzA2OTAy") == true)
    }

    @Test("lines 4–6: recall target and consent decisions")
    func recallAndConsent() throws {
        #expect(try message(4).revision == .recall(of: "14822339130656386894_1603875600"))
        let agree = try message(5), disagree = try message(6)
        #expect(agree.fields["decision"] == "agree" && agree.fields["time"] == "2020-10-28T09:03:46.656Z")
        #expect(disagree.fields["decision"] == "disagree" && disagree.fields["userid"] == "wmErxtDgAA9AW32YyyuYRimKr7D1KWlw")
        #expect(disagree.conversation == Conversation(id: "kenshin|wmErxtDgAA9AW32YyyuYRimKr7D1KWlw", kind: .direct))
    }

    @Test("line 15: chatrecord items with msgtime in seconds")
    func chatrecord() throws {
        let m = try message(15)
        #expect(m.text == "群聊\n[2020-10-28T09:00:10Z] test\n[2020-10-28T09:00:20Z] test2")
        #expect(m.fields["items.1.text"] == "test2" && m.forwarded)
    }

    @Test("lines 17, 19, 24, 25, 27, 28: red packet, switch, mixed, call, external red packet, external msgid")
    func assorted() throws {
        #expect(try message(17).text == "¥30.00\n恭喜发财，大吉大利")
        let switchRecord = try message(19)
        #expect(switchRecord.sentAt.rfc3339 == "2019-04-01T11:50:21.84Z" && switchRecord.sender.id == "XuJinSheng")
        let mixed = try message(24)
        #expect(mixed.text == "你好[微笑]\n" && mixed.media.count == 1)
        #expect(mixed.media.first?.digests["md5"] == "368b6c18c82e6441bfd89b343e9d2429")
        let call = try message(25)
        #expect(call.fields["voiceid"] == "grb8a4c48a3c094a70982c518d55e40557")
        #expect(call.conversation == Conversation(id: "wo137MCgAAYW6pIiKKrDe5SlzEhSgwbA|wo137MCgAAYW6pIiKKrDe5SlzEhSgwbA", kind: .direct))
        let external = try message(27)
        #expect(external.fields["amount_fen"] == "20" && external.text == "¥0.20\n恭喜发财，大吉大利")
        #expect(external.conversation.kind == .group)
        #expect(try message(28).source.nativeID == "5702551662099334532_1619511584_external")
        #expect(try message(26).fields["voipid"] == "gr2751c98b19300571f8afb3b74514bd32")
    }

    @Test("the official GetChatData response holds only encrypted records: an issue per record")
    func encryptedResponse() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.directory + "getchatdata_response_official_example.json"))
        let results = parser.parse(bytes, file: "resp.json", line: 1, account: "")
        #expect(results.count == 1)
        #expect(results.first?.weComIssue?.field == "chatdata[0]" && results.first?.weComIssue?.reason.contains("encrypted") == true)
    }
}
