import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("Telegram Desktop export (result.json)")
struct TelegramDesktopExportParserTests {
    typealias F = TelegramFixtures
    static let t0: Int64 = 1_767_250_800

    static func privateChat() throws -> TelegramExportResult {
        TelegramDesktopExportParser().parse(json: try F.data("export_private_chat.json"), fileName: "result.json", account: "555000111")
    }

    static func fullAccount() throws -> TelegramExportResult {
        TelegramDesktopExportParser().parse(json: try F.data("export_full_account.json"), fileName: "result.json", account: "me")
    }

    static func byID(_ r: TelegramExportResult, _ id: String) -> VellumCore.Message? {
        F.messages(r.items).first { $0.source.nativeID == id }
    }

    @Test("a single-chat export: Bot API ids, parties, the PC's offset kept, edits in fields")
    func single() throws {
        let r = try Self.privateChat()
        #expect(F.issues(r.items).isEmpty, "\(F.issues(r.items))")
        #expect(r.chatCount == 1 && r.items.count == 17 && r.assumedTimeZone == nil && r.ownUserID == nil)
        let m = try #require(Self.byID(r, "123456789:42"))
        #expect(m.source == SourceRef(channel: .telegram, account: "555000111", nativeID: "123456789:42"))
        #expect(m.conversation == Conversation(id: "123456789", kind: .direct, title: "Alice Wong"))
        #expect(m.sender == Party(id: "123456789", name: "Alice Wong"))
        #expect(m.recipients == [Party(id: "555000111")])
        #expect(m.sentAt.seconds == Self.t0 && m.sentAt.rfc3339 == "2026-01-01T15:00:00+08:00")
        #expect(m.text == "Please wire the funds tomorrow 💸" && m.kind == .text && m.format == "telegram-export")
        #expect(m.fields["edited_at"] == "2026-01-01T15:05:00+08:00" && m.fields["edited_unixtime"] == String(Self.t0 + 300))
        #expect(m.fields["export.chat_type"] == "personal_chat" && m.fields["export.chat_id"] == "123456789")
        let mine = try #require(Self.byID(r, "123456789:43"))
        #expect(mine.sender == Party(id: "555000111", name: "Me Trader") && mine.recipients == [Party(id: "123456789", name: "Alice Wong")])
        #expect(mine.replyTo == "123456789:42")
    }

    @Test("raw is the message's own bytes, sliced from the file")
    func rawSlices() throws {
        let file = try F.data("export_private_chat.json")
        let r = try Self.privateChat()
        for m in F.messages(r.items) where m.revision == nil {
            #expect(m.raw.first == UInt8(ascii: "{") && m.raw.last == UInt8(ascii: "}"))
            #expect(file.range(of: m.raw) != nil)
        }
        let bell = try #require(Self.byID(r, "123456789:54"))
        #expect(String(decoding: bell.raw, as: UTF8.self).contains(#"bell\x07here"#))
        #expect(bell.text == "bell\u{07}here")
    }

    @Test("text arrays are joined; entities get UTF-16 offsets, links and user ids")
    func textArrays() throws {
        let m = try #require(Self.byID(try Self.privateChat(), "123456789:43"))
        #expect(m.text == "好的，马上 处理 见文件 Alice 🙏")
        let f = m.fields
        #expect(f["entities.0.type"] == "bold" && f["entities.0.offset"] == "3" && f["entities.0.length"] == "2")
        #expect(f["entities.1.type"] == "text_link" && f["entities.1.offset"] == "9" && f["entities.1.href"] == "https://example.com/doc")
        #expect(f["entities.2.type"] == "mention_name" && f["entities.2.offset"] == "13" && f["entities.2.user_id"] == "123456789")
        #expect(f["entities.3.type"] == nil)
    }

    @Test("files present are listed for the caller; omitted ones are references that say so")
    func files() throws {
        let r = try Self.privateChat()
        #expect(r.files == [
            TelegramExportFile(itemIndex: 2, relativePath: "photos/photo_1@01-01-2026_15-05-00.jpg", role: "photo", mediaType: "image/jpeg"),
            TelegramExportFile(itemIndex: 4, relativePath: "files/合同 contract.pdf", role: "file", mediaType: "application/pdf"),
            TelegramExportFile(itemIndex: 6, relativePath: "stickers/sticker.webp", role: "file", mediaType: "image/webp"),
            TelegramExportFile(itemIndex: 6, relativePath: "stickers/sticker.webp_thumb.jpg", role: "thumbnail", mediaType: "image/jpeg"),
            TelegramExportFile(itemIndex: 16, relativePath: "files/morning.mp3", role: "file", mediaType: "audio/mpeg"),
        ])
        guard case .message(let photo) = r.items[2], case .message(let omitted) = r.items[3],
              case .message(let pdf) = r.items[4], case .message(let voice) = r.items[5],
              case .message(let sticker) = r.items[6], case .message(let song) = r.items[16]
        else { Issue.record("expected messages"); return }
        #expect(photo.kind == .image && photo.media == [MediaReference(handle: "photos/photo_1@01-01-2026_15-05-00.jpg", name: "photo_1@01-01-2026_15-05-00.jpg", mediaType: "image/jpeg", note: "in the export folder")])
        #expect(photo.text == nil && photo.fields["width"] == "1280")
        #expect(omitted.kind == .image && omitted.media.first?.handle == "" && omitted.media.first?.note == "omitted by the exporter")
        #expect(omitted.text == "K线图 chart")
        #expect(pdf.kind == .file && pdf.text == "signed copy\n合同 contract.pdf" && pdf.media.first?.name == "合同 contract.pdf")
        #expect(voice.kind == .audio && voice.nativeType == "voice_message" && voice.media.first?.note == "omitted by the exporter")
        #expect(voice.media.first?.mediaType == "audio/ogg" && voice.fields["duration_seconds"] == "5")
        #expect(sticker.kind == .sticker && sticker.text == "😂")
        #expect(song.kind == .audio && song.text == "morning.mp3\nDesk Radio – Morning call")
        #expect(r.files.allSatisfy { f in
            guard case .message(let m) = r.items[f.itemIndex] else { return false }
            return f.role == "thumbnail" || m.media.contains { $0.handle == f.relativePath }
        })
    }

    @Test("placeholders with a file name before them keep the name")
    func namedPlaceholder() {
        let json = #"{"name":"A","type":"personal_chat","id":7,"messages":[{"id":1,"type":"message","date_unixtime":"100","file":"report.xlsx (File exceeds maximum size. Change data exporting settings to download.)","text":""}]}"#
        let r = TelegramDesktopExportParser().parse(json: Data(json.utf8), fileName: "r.json", account: "a")
        let m = F.messages(r.items).first
        #expect(m?.media == [MediaReference(handle: "", name: "report.xlsx", note: "omitted by the exporter: exceeds the maximum size")])
        #expect(m?.text == "report.xlsx" && r.files.isEmpty)
    }

    @Test("service messages, contacts, places, polls, forwards and unsupported items")
    func others() throws {
        let r = try Self.privateChat()
        let call = try #require(Self.byID(r, "123456789:50"))
        #expect(call.kind == .call && call.nativeType == "phone_call" && call.fields["action"] == "phone_call")
        #expect(call.fields["discard_reason"] == "hangup" && call.fields["duration_seconds"] == "65")
        #expect(call.sender == Party(id: "555000111", name: "Me Trader"))
        let contact = try #require(Self.byID(r, "123456789:51"))
        #expect(contact.kind == .contact && contact.text == "Carol Chan +852 9123 0001" && contact.fields["contact.phone_number"] == "+852 9123 0001")
        let venue = try #require(Self.byID(r, "123456789:52"))
        #expect(venue.kind == .location && venue.nativeType == "venue" && venue.text == "上海中心大厦\n陆家嘴银城中路501号")
        #expect(venue.fields["latitude"] == "31.2304" && venue.fields["longitude"] == "121.4737")
        let poll = try #require(Self.byID(r, "123456789:53"))
        #expect(poll.kind == .poll && poll.text == "午饭吃什么？\n饺子 🥟\nPizza 🍕" && poll.fields["poll.answers.0.chosen"] == "true")
        let fwd = try #require(Self.byID(r, "123456789:49"))
        #expect(fwd.forwarded && fwd.fields["forwarded_from"] == "Research Notes")
        let unsupported = try #require(Self.byID(r, "123456789:56"))
        #expect(unsupported.kind == .unknown && unsupported.text == nil)
        #expect(unsupported.sentAt == Self.byID(r, "123456789:55")?.sentAt && unsupported.fields["date_basis"] == "previous_message")
    }

    @Test("recent reactions become reaction items with the Bot API's reaction ids")
    func reactions() throws {
        let r = try Self.privateChat()
        let done = try #require(Self.byID(r, "123456789:55"))
        #expect(done.fields["reactions.0.reaction"] == "👍" && done.fields["reactions.0.count"] == "1")
        let reaction = try #require(F.messages(r.items).first { $0.revision == .reaction(to: "123456789:55") })
        #expect(reaction.source.nativeID == "123456789:55:reaction:123456789:\(Self.t0 + 1800):+👍")
        #expect(reaction.text == "👍" && reaction.sender.id == "123456789")
        #expect(reaction.sentAt.seconds == Self.t0 + 1800 && reaction.sentAt.offsetSeconds == 28800)
    }

    @Test("a full-account export: every chat, left chats too, own id, Bot API chat ids")
    func fullAccount() throws {
        let r = try Self.fullAccount()
        #expect(F.issues(r.items).isEmpty, "\(F.issues(r.items))")
        #expect(r.chatCount == 5 && r.ownUserID == "555000111")
        let ids = F.messages(r.items).map(\.source.nativeID)
        #expect(ids == [
            "-1001234567890:77", "-1001234567890:80", "-1001234567890:83", "-1001234567890:84",
            "-4001234:3", "-4001234:2", "-1009876543210:5", "555000111:900", "-1000000001111:1",
        ])
        let msgs = F.messages(r.items)
        #expect(msgs[0].conversation == Conversation(id: "-1001234567890", kind: .group, title: "交易台 Trading Desk"))
        #expect(msgs[0].sender == Party(id: "5123456789", name: "王 小明") && msgs[0].recipients.isEmpty)
        #expect(msgs[1].kind == .system && msgs[1].nativeType == "invite_members" && msgs[1].text == "王 小明, ArchiveBot")
        #expect(msgs[1].fields["members.1"] == "ArchiveBot")
        #expect(msgs[2].fields["action.native_id"] == "-1001234567890:77" && msgs[2].fields["message_id"] == "83")
        #expect(msgs[3].replyTo == "-1001234567890:77")
        #expect(msgs[4].nativeType == "migrate_to_supergroup" && msgs[4].conversation.kind == .group)
        #expect(msgs[6].sender == Party(id: "-1009876543210", name: "Research Notes") && msgs[6].fields["author"] == "Bob")
        #expect(msgs[7].conversation == Conversation(id: "555000111", kind: .direct, title: "Saved Messages") && msgs[7].recipients.isEmpty)
        #expect(msgs[8].conversation.title == "Old Channel")
    }

    @Test("export ids equal Bot API ids for the same message", arguments: [
        (1006, "export_private_chat.json", "123456789:42"),  // business connection, private chat
        (1002, "export_full_account.json", "-1001234567890:77"),  // supergroup
        (1004, "export_full_account.json", "-1009876543210:5"),  // channel
        (1028, "export_full_account.json", "-4001234:3"),  // basic group
    ])
    func idEquality(update: Int, file: String, id: String) throws {
        let live = try F.message(update)
        let export = TelegramDesktopExportParser().parse(json: try F.data(file), fileName: file, account: "a")
        #expect(live.source.nativeID == id)
        #expect(Self.byID(export, id) != nil)
        #expect(Self.byID(export, id)?.conversation.id == live.conversation.id)
        // The edit seen live and the export's final text are the same message.
        if update == 1002 {
            #expect(try F.message(1003).revision == .edit(of: id))
            #expect(Self.byID(export, id)?.fields["edited_unixtime"] == String(Self.t0 + 120))
        }
    }

    @Test("chat and peer ids map to the Bot API form by type", arguments: [
        ("personal_chat", 123 as Int64, 123 as Int64), ("bot_chat", 456, 456), ("saved_messages", 7, 7),
        ("private_group", 4001234, -4001234), ("private_supergroup", 1234567890, -1001234567890),
        ("public_supergroup", 5, -1000000000005), ("private_channel", 9876543210, -1009876543210),
        ("public_channel", 1, -1000000000001), ("something_new", 42, 42), ("private_supergroup", -1001234567890, -1001234567890),
    ])
    func chatIDs(type: String, id: Int64, expected: Int64) {
        #expect(TelegramIDs.botAPIChatID(exportType: type, exportID: id) == expected)
    }

    @Test("peer prefixes map too")
    func peerIDs() {
        #expect(TelegramIDs.botAPIPeerID("user5123456789") == 5_123_456_789)
        #expect(TelegramIDs.botAPIPeerID("channel9876543210") == -1_009_876_543_210)
        #expect(TelegramIDs.botAPIPeerID("chat4001234") == -4_001_234)
        #expect(TelegramIDs.botAPIPeerID("group5") == nil && TelegramIDs.botAPIPeerID("user") == nil)
    }

    @Test("a message with only the local date is read in the assumed zone, and says so")
    func localDateOnly() {
        let json = #"{"name":"A","type":"personal_chat","id":7,"messages":[{"id":1,"type":"message","date":"2018-12-05T18:39:10","from":"A","from_id":7,"text":"old"}]}"#
        let parser = TelegramDesktopExportParser(localTimeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        let r = parser.parse(json: Data(json.utf8), fileName: "r.json", account: "a")
        let m = F.messages(r.items).first
        #expect(m?.sentAt.rfc3339 == "2018-12-05T18:39:10+08:00" && m?.sentAt.seconds == 1_544_006_350)
        #expect(m?.fields["date_basis"] == "local" && m?.fields["date_assumed_zone"] == r.assumedTimeZone && r.assumedTimeZone != nil)
        #expect(m?.sender == Party(id: "7", name: "A"))
    }

    @Test("an offset that is not a whole quarter hour is not trusted")
    func oddOffset() {
        let json = #"{"name":"A","type":"personal_chat","id":7,"messages":[{"id":1,"type":"message","date":"2018-12-05T18:39:17","date_unixtime":"1544006350","text":"x"}]}"#
        let m = F.messages(TelegramDesktopExportParser().parse(json: Data(json.utf8), fileName: "r", account: "a").items).first
        #expect(m?.sentAt == Timestamp(seconds: 1_544_006_350))
    }

    @Test("malformed exports become issues with file, line and JSON path", arguments: [
        ("not json at all", 1, nil as String?, "not a Telegram export"),
        (#"{"about":"x"}"#, 1, nil, "expected `messages` or `chats.list`"),
        ("{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":7,\"messages\":[\n{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1\",\"text\":\"ok\"},\n{\"id\":2,\"type\":\"message\",\"date_unixtime\":\"soon\",\"text\":\"秘密\"}]}", 3, "messages[1].date_unixtime", "decimal integer"),
        ("{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":7,\"messages\":[\n{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1\",\"text\":[\"a\",5]}]}", 2, "messages[0].text[1]", "a string or an object"),
        ("{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":7,\"messages\":[\n{\"id\":1,\"type\":\"message\",\"text\":\"secret\"}]}", 2, "messages[0].date_unixtime", "missing"),
        ("{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":\"7\",\"messages\":[]}", 1, "id", "an integer"),
        ("{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":7,\"messages\":[\n{\"id\":1,\"type\":\"message\",\"date_unixtime\":\"1\",\"text\":\"secret\"", 2, "messages", "unterminated"),
        ("{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":7,\"messages\":[\n 5]}", 2, "messages[0]", "expected an object"),
        ("{\"name\":\"A\",\"type\":\"personal_chat\",\"id\":7,\"messages\":[\n{\"id\":1,,\"text\":\"secret\"}]}", 2, "messages[0]", "not valid JSON"),
        ("{\"chats\":{\"list\":[{\"name\":\"A\",\"type\":\"private_group\",\"id\":3}]}}", 1, "chats.list[0].messages", "missing"),
        ("{\"chats\":{\"list\":[{\"name\":\"A\",\"id\":3,\"messages\":[{\"id\":1,\"date_unixtime\":\"1\",\"from_id\":7,\"reactions\":[{\"type\":\"emoji\",\"count\":1}]}]}]}}", 1, "chats.list[0].messages[0].reactions[0].emoji", "missing"),
    ])
    func malformed(_ json: String, line: Int, field: String?, reasonPart: String) {
        let r = TelegramDesktopExportParser().parse(json: Data(json.utf8), fileName: "result.json", account: "a")
        let issues = F.issues(r.items)
        #expect(issues.count == 1, "\(issues)")
        guard let issue = issues.first else { return }
        #expect(issue.file == "result.json" && issue.line == line)
        #expect(issue.field == field)
        #expect(issue.reason.contains(reasonPart), "\(issue.reason)")
        #expect(!issue.description.contains("secret") && !issue.description.contains("秘密"))
    }

    @Test("a bad message does not stop the others")
    func keepsGoing() {
        let json = "{\"name\":\"A\",\"type\":\"private_supergroup\",\"id\":9,\"messages\":[\n{\"id\":1,\"date_unixtime\":\"1\",\"text\":\"a\"},\n{\"id\":\"x\"},\n{\"id\":3,\"date_unixtime\":\"3\",\"text\":\"c\"}]}"
        let r = TelegramDesktopExportParser().parse(json: Data(json.utf8), fileName: "r", account: "a")
        #expect(F.messages(r.items).map(\.source.nativeID) == ["-1000000000009:1", "-1000000000009:3"])
        #expect(F.issues(r.items).map(\.field) == ["messages[1].id"] && F.issues(r.items).first?.line == 3)
    }

    @Test("a truncated export keeps the messages before the cut and reports the cut once")
    func truncated() throws {
        let full = String(decoding: try F.data("export_full_account.json"), as: UTF8.self)
        let cut = try #require(full.range(of: "Q1 outlook")).lowerBound
        let r = TelegramDesktopExportParser().parse(json: Data(full[..<cut].utf8), fileName: "result.json", account: "me")
        #expect(F.messages(r.items).count == 6)
        let issues = F.issues(r.items)
        #expect(issues.count == 1 && issues.first?.field == "chats.list[2].messages")
        #expect(issues.first?.reason.hasPrefix("unterminated") == true && (issues.first?.line ?? 0) > 1)
    }

    @Test("a generated export of 1000 messages parses in one pass")
    func large() {
        var json = #"{"name":"Big","type":"public_supergroup","id":42,"messages":["#
        for i in 1 ... 1000 {
            if i > 1 { json += ",\n" }
            let text = i % 2 == 0 ? #""第\#(i)条消息 🚀""# : ##"["plain ", {"type":"bold","text":"#\##(i)"}]"##
            json += #"{"id":\#(i),"type":"message","date":"2026-01-01T15:00:00","date_unixtime":"\#(1_767_250_800 + i)","from":"U\#(i % 7)","from_id":"user\#(100 + i % 7)","text":\#(text)}"#
        }
        json += "]}"
        let r = TelegramDesktopExportParser().parse(json: Data(json.utf8), fileName: "big.json", account: "a")
        let msgs = F.messages(r.items)
        #expect(F.issues(r.items).isEmpty && msgs.count == 1000)
        #expect(Set(msgs.map(\.source.nativeID)).count == 1000 && msgs[999].source.nativeID == "-1000000000042:1000")
        #expect(msgs[998].text == "第1000条消息 🚀" || msgs[999].text == "第1000条消息 🚀")
        #expect(msgs[0].text == "plain #1" && msgs[0].fields["entities.0.offset"] == "6")
    }

    @Test("the chat-miner sample exports parse without issues (samples, skipped when absent)", arguments: [
        "chat_miner_single_export.json", "chat_miner_batch_export.json",
    ])
    func samples(_ name: String) throws {
        let path = "/work/shared/reference/samples/telegram/desktop_export/" + name
        guard FileManager.default.fileExists(atPath: path) else { return }
        let r = TelegramDesktopExportParser().parse(json: try Data(contentsOf: URL(fileURLWithPath: path)), fileName: name, account: "sample")
        #expect(F.issues(r.items).isEmpty, "\(F.issues(r.items))")
        let msgs = F.messages(r.items)
        #expect(msgs.count == 2 && msgs[1].text == "Link:https://telegram.org/")
        #expect(msgs[1].fields["entities.1.type"] == "link" && msgs[0].fields["native_id_basis"] == "position")
        #expect(msgs[0].sender == Party(id: "name:Author 1", name: "Author 1"))
        #expect(Set(msgs.map(\.source.nativeID)).count == 2)
    }
}
