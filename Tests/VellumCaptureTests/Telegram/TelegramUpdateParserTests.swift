import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("Telegram Bot API updates")
struct TelegramUpdateParserTests {
    typealias F = TelegramFixtures
    static let d: Int64 = 1_767_250_800
    static let desk = "-1001234567890"

    @Test("a private text message: ids, parties, time, raw bytes")
    func privateText() throws {
        let m = try F.message(1001)
        #expect(m.source == SourceRef(channel: .telegram, account: "desk-bot", nativeID: "123456789:11"))
        #expect(m.conversation == Conversation(id: "123456789", kind: .direct, title: "Alice Wong (@alicew)"))
        #expect(m.sender == Party(id: "123456789", name: "Alice Wong (@alicew)"))
        #expect(m.recipients == [Party(id: "desk-bot")])
        #expect(m.sentAt == Timestamp(seconds: Self.d))
        #expect(m.text == "Hello, can you confirm the order?")
        #expect(m.kind == .text && m.nativeType == "text" && m.format == "telegram-bot")
        #expect(m.fields["update_id"] == "1001" && m.fields["update_type"] == "message" && m.fields["from.username"] == "alicew")
        #expect(try m.raw == (F.update(1001)).bytes)
    }

    @Test("a supergroup message in Chinese with emoji keeps its text and its entities in fields")
    func groupEntities() throws {
        let m = try F.message(1002)
        #expect(m.source.nativeID == "\(Self.desk):77")
        #expect(m.conversation == Conversation(id: Self.desk, kind: .group, title: "交易台 Trading Desk"))
        #expect(m.sender == Party(id: "5123456789", name: "小明 王"))
        #expect(m.recipients.isEmpty)
        #expect(m.text == "明天开盘前 买入 500 股 🚀 @alicew #orders")
        #expect(m.fields["entities.0.type"] == "mention" && m.fields["entities.0.offset"] == "18" && m.fields["entities.0.length"] == "7")
        #expect(m.fields["entities.2.type"] == "text_link" && m.fields["entities.2.url"] == "https://example.com/plan")
    }

    @Test("an edited message is a new item linked to the original, dated by edit_date")
    func edit() throws {
        let m = try F.message(1003)
        #expect(m.revision == .edit(of: "\(Self.desk):77"))
        #expect(m.source.nativeID == "\(Self.desk):77:edit:\(Self.d + 120)")
        #expect(m.sentAt == Timestamp(seconds: Self.d + 120))
        #expect(m.fields["original_date"] == String(Self.d) && m.fields["edit_date"] == String(Self.d + 120))
        #expect(m.text == "明天开盘前 买入 600 股 🚀" && m.kind == .text)
    }

    @Test("channel posts speak as the channel; their edits link to them")
    func channelPosts() throws {
        let post = try F.message(1004)
        #expect(post.source.nativeID == "-1009876543210:5")
        #expect(post.sender == Party(id: "-1009876543210", name: "Research Notes"))
        #expect(post.conversation.kind == .group && post.fields["author_signature"] == "Bob")
        #expect(post.fields["chat.username"] == "research_notes")
        let edit = try F.message(1005)
        #expect(edit.revision == .edit(of: post.source.nativeID))
        #expect(edit.source.nativeID == "-1009876543210:5:edit:\(Self.d + 600)")
        #expect(edit.fields["update_type"] == "edited_channel_post")
    }

    @Test("business messages, their edits and deletions link by chat and message id")
    func business() throws {
        let m = try F.message(1006)
        #expect(m.source.nativeID == "123456789:42" && m.fields["business_connection_id"] == "bc-desk-1")
        #expect(m.text == "Please wire the funds today 💸")
        let edit = try F.message(1007)
        #expect(edit.revision == .edit(of: "123456789:42") && edit.source.nativeID == "123456789:42:edit:\(Self.d + 300)")
        let deleted = F.messages(try F.parse(1008))
        #expect(deleted.map(\.revision) == [.recall(of: "123456789:42"), .recall(of: "123456789:43")])
        #expect(deleted.map(\.source.nativeID) == ["123456789:42:deleted", "123456789:43:deleted"])
        #expect(deleted.allSatisfy { $0.kind == .recall && $0.sentAt == F.receivedAt && $0.fields["sent_at_basis"] == "received" })
        #expect(deleted.allSatisfy { $0.raw == deleted[0].raw && $0.text == nil })
    }

    @Test("a reaction change becomes one item per emoji added or removed, linked to the message")
    func reactions() throws {
        let items = F.messages(try F.parse(1009))
        #expect(items.count == 3)
        #expect(items.allSatisfy { $0.revision == .reaction(to: "\(Self.desk):77") && $0.kind == .reaction })
        #expect(items.allSatisfy { $0.sender.id == "123456789" && $0.sentAt == Timestamp(seconds: Self.d + 60) })
        #expect(items.map(\.text) == ["❤", "custom_emoji:5368324170671202286", ""])
        #expect(items[2].fields["reaction.removed"] == "👍")
        #expect(items[0].source.nativeID == "\(Self.desk):77:reaction:123456789:\(Self.d + 60):+❤")
        #expect(Set(items.map(\.source.nativeID)).count == 3)
        #expect(items[0].fields["reaction.old.0"] == "👍" && items[0].fields["reaction.new.1"] == "custom_emoji:5368324170671202286")
    }

    @Test("reaction counts are a status of the message, counts in fields")
    func reactionCount() throws {
        let m = try F.message(1010)
        #expect(m.revision == .status(of: "-1009876543210:5") && m.kind == .status)
        #expect(m.fields["reactions.0.reaction"] == "👍" && m.fields["reactions.0.total_count"] == "12")
        #expect(m.fields["reactions.1.reaction"] == "paid" && m.fields["status"] == "reaction_count")
    }

    struct MediaCase: Sendable, CustomTestStringConvertible {
        var update: Int
        var kind: MessageKind
        var nativeType: String
        var handle: String
        var mediaType: String
        var size: Int64?
        var text: String?
        var testDescription: String { nativeType }
    }

    @Test("media become references with their file_id", arguments: [
        MediaCase(update: 1011, kind: .image, nativeType: "photo", handle: "PH-large", mediaType: "image/jpeg", size: 98765, text: "K线图 chart"),
        MediaCase(update: 1012, kind: .video, nativeType: "video", handle: "VID-1", mediaType: "video/mp4", size: 2_048_000, text: "site visit.mp4"),
        MediaCase(update: 1013, kind: .audio, nativeType: "audio", handle: "AUD-1", mediaType: "audio/mpeg", size: 3_897_500, text: "Desk Radio – Morning call"),
        MediaCase(update: 1014, kind: .audio, nativeType: "voice", handle: "VOI-1", mediaType: "audio/ogg", size: 23000, text: nil),
        MediaCase(update: 1015, kind: .video, nativeType: "video_note", handle: "VN-1", mediaType: "video/mp4", size: 300_000, text: nil),
        MediaCase(update: 1016, kind: .file, nativeType: "document", handle: "DOC-1", mediaType: "application/pdf", size: 536_392, text: "signed copy\n合同 contract.pdf"),
        MediaCase(update: 1017, kind: .sticker, nativeType: "sticker", handle: "STK-1", mediaType: "image/webp", size: 20000, text: "😂"),
        MediaCase(update: 1018, kind: .video, nativeType: "animation", handle: "ANI-1", mediaType: "video/mp4", size: 90000, text: "party.gif.mp4"),
    ])
    func media(_ c: MediaCase) throws {
        let m = try F.message(c.update)
        #expect(m.kind == c.kind && m.nativeType == c.nativeType)
        #expect(m.media.count == 1)
        #expect(m.media.first?.handle == c.handle && m.media.first?.mediaType == c.mediaType && m.media.first?.size == c.size)
        #expect(m.media.first?.note == "not fetched yet")
        #expect(m.text == c.text)
        #expect(m.attachments.isEmpty)
    }

    @Test("a photo keeps the largest size, file_unique_id and album id in fields")
    func photoFields() throws {
        let m = try F.message(1011)
        #expect(m.fields["photo.file_unique_id"] == "UQ-large" && m.fields["photo.width"] == "1280" && m.fields["photo.sizes"] == "3")
        #expect(m.fields["media_group_id"] == "13579" && m.fields["caption_entities.0.type"] == "bold")
        let doc = try F.message(1016)
        #expect(doc.media.first?.name == "合同 contract.pdf" && doc.fields["document.file_unique_id"] == "UD-1")
        let sticker = try F.message(1017)
        #expect(sticker.fields["sticker.set_name"] == "DeskMemes")
        #expect(try F.message(1012).fields["video.thumbnail.file_id"] == nil)
    }

    @Test("locations, venues, contacts, polls and dice put what people read into the text")
    func structured() throws {
        let loc = try F.message(1019)
        #expect(loc.kind == .location && loc.fields["latitude"] == "22.2783" && loc.fields["longitude"] == "114.1747")
        #expect(loc.fields["location.horizontal_accuracy"] == "15.5" && loc.text == nil)
        let venue = try F.message(1020)
        #expect(venue.kind == .location && venue.nativeType == "venue")
        #expect(venue.text == "上海中心大厦\n陆家嘴银城中路501号" && venue.fields["latitude"] == "31.2304")
        #expect(venue.fields["venue.foursquare_id"] == "4b0588")
        let contact = try F.message(1021)
        #expect(contact.kind == .contact && contact.text == "Carol Chan +85291230001")
        #expect(contact.fields["contact.user_id"] == "777000111" && contact.fields["contact.vcard"]?.hasPrefix("BEGIN:VCARD") == true)
        let poll = try F.message(1022)
        #expect(poll.kind == .poll && poll.text == "午饭吃什么？\n饺子 🥟\nPizza 🍕")
        #expect(poll.fields["poll.options.1.voter_count"] == "1" && poll.fields["poll.is_anonymous"] == "true")
        let dice = try F.message(1023)
        #expect(dice.kind == MessageKind("dice") && dice.text == "🎲" && dice.fields["dice.value"] == "4")
    }

    @Test("service messages are system items with the Bot API field as native type")
    func service() throws {
        let joined = try F.message(1024)
        #expect(joined.kind == .system && joined.nativeType == "new_chat_members" && joined.fields["service"] == "new_chat_members")
        #expect(joined.text == "小明 王, ArchiveBot (@archive_bot)" && joined.fields["new_chat_members.1.id"] == "999")
        let left = try F.message(1025)
        #expect(left.nativeType == "left_chat_member" && left.fields["left_chat_member.id"] == "5123456789")
        let title = try F.message(1026)
        #expect(title.text == "交易台 Trading Desk (2026)" && title.kind == .system)
        let pinned = try F.message(1027)
        #expect(pinned.nativeType == "pinned_message" && pinned.fields["pinned_message.native_id"] == "\(Self.desk):77")
        let migrated = try F.message(1028)
        #expect(migrated.conversation.id == "-4001234" && migrated.fields["migrate_to_chat_id"] == Self.desk)
        #expect(migrated.source.nativeID == "-4001234:3")
    }

    @Test("a reply points at the replied-to message and keeps the quoted part")
    func reply() throws {
        let m = try F.message(1029)
        #expect(m.replyTo == "\(Self.desk):77")
        #expect(m.quotedText == "买入 500 股" && m.fields["quote.position"] == "6")
    }

    @Test("forwards are marked and their origin kept in fields")
    func forwards() throws {
        let user = try F.message(1030)
        #expect(user.forwarded && user.fields["forward.type"] == "user" && user.fields["forward.sender_user.id"] == "5123456789")
        #expect(user.fields["forward.date"] == String(Self.d - 86400))
        let channel = try F.message(1031)
        #expect(channel.forwarded && channel.fields["forward.native_id"] == "-1009876543210:5")
        #expect(channel.fields["forward.author_signature"] == "Bob" && channel.fields["forward.chat.title"] == "Research Notes")
        #expect(try F.message(1001).forwarded == false)
    }

    @Test("via_bot is kept in fields")
    func viaBot() throws {
        let m = try F.message(1032)
        #expect(m.fields["via_bot.username"] == "youtube" && m.fields["via_bot.id"] == "140267078")
    }

    @Test("other updates are kept as unknown with the raw update and what context they give")
    func unknownUpdates() throws {
        let callback = try F.message(1033)
        #expect(callback.kind == .unknown && callback.nativeType == "callback_query")
        #expect(callback.source.nativeID == "update:1033" && callback.text == "approve:77")
        #expect(callback.sender.id == "123456789" && callback.conversation.id == Self.desk)
        #expect(try callback.raw == (F.update(1033)).bytes && callback.fields["sent_at_basis"] == "received")
        let member = try F.message(1034)
        #expect(member.kind == .unknown && member.nativeType == "my_chat_member" && member.sentAt == Timestamp(seconds: Self.d))
        let future = try F.message(1035)
        #expect(future.kind == .unknown && future.nativeType == "some_future_content" && future.source.nativeID == "123456789:26")
    }

    @Test("malformed updates become issues naming file, line and field, never content", arguments: [
        (#"{"update_id": 1, "message": "#, nil as String?, "not valid JSON"),
        (#"[1, 2]"#, nil, "not a JSON object"),
        (#"{"message": {"message_id": 1}}"#, "update_id", "missing"),
        (#"{"update_id": 1, "message": {"message_id": 1, "date": 5, "chat": {"id": "秘密 secret", "type": "private"}}}"#, "message.chat.id", "an integer"),
        (#"{"update_id": 1, "message": {"message_id": 1, "chat": {"id": 5, "type": "private"}, "text": "secret"}}"#, "message.date", "missing"),
        (#"{"update_id": 1, "message": {"message_id": 1, "date": 5, "chat": {"id": 5}, "text": 42}}"#, "message.text", "a string"),
        (#"{"update_id": 1, "message": {"message_id": 1, "date": 5, "chat": {"id": 5}, "photo": [{"width": 1, "height": 1}]}}"#, "message.photo[0].file_id", "missing"),
        (#"{"update_id": 1, "deleted_business_messages": {"business_connection_id": "b", "chat": {"id": 5, "type": "private"}, "message_ids": [1, "secret"]}}"#, "deleted_business_messages.message_ids[1]", "an integer"),
        (#"{"update_id": 1, "message_reaction": {"chat": {"id": 5}, "message_id": 1, "date": 5, "old_reaction": [], "new_reaction": [{"emoji": "x"}]}}"#, "message_reaction.new_reaction[0].type", "missing"),
        (#"{"update_id": 1, "edited_message": null}"#, "edited_message", "null"),
        (#"{"update_id": true, "message": {}}"#, "update_id", "an integer"),
    ])
    func malformed(_ json: String, field: String?, reasonPart: String) {
        let items = TelegramUpdateParser().parse(Data(json.utf8), file: "updates.jsonl", line: 9, connection: "c")
        let issues = F.issues(items)
        #expect(items.count == 1 && issues.count == 1)
        guard let issue = issues.first else { return }
        #expect(issue.file == "updates.jsonl" && issue.line == 9)
        #expect(issue.field == field)
        #expect(issue.reason.contains(reasonPart), "\(issue.reason)")
        #expect(!issue.reason.contains("secret") && !issue.description.contains("秘密"))
    }

    @Test("updates without a date take the time they were received, or now")
    func receivedTime() throws {
        let (bytes, _) = try F.update(1008)
        let before = Date()
        let items = F.messages(TelegramUpdateParser().parse(bytes, file: "f", line: 1, connection: "c"))
        #expect(items.count == 2 && items.allSatisfy { $0.sentAt.date >= before.addingTimeInterval(-1) })
    }

    @Test("every Telegram webhook example parses without issues (sample, skipped when absent)")
    func officialSamples() throws {
        let path = "/work/shared/reference/samples/telegram/bot_api/official_webhook_test_updates.json"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let all = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        var count = 0
        for (name, update) in all where name != "_source" {
            let bytes = try JSONSerialization.data(withJSONObject: update)
            let items = TelegramUpdateParser().parse(bytes, file: name, line: 1, connection: "sample", receivedAt: F.receivedAt)
            #expect(F.issues(items).isEmpty, "\(name): \(F.issues(items))")
            count += F.messages(items).count
        }
        #expect(count == 13)
        let legacy = try JSONSerialization.data(withJSONObject: all["forwarded_channel_message"]!)
        let m = F.messages(TelegramUpdateParser().parse(legacy, file: "f", line: 1, connection: "sample"))[0]
        #expect(m.forwarded && m.fields["forward.chat.id"] == "-10000000000")
        let noType = try JSONSerialization.data(withJSONObject: all["message_text_minimal_no_chat_type"]!)
        #expect(F.messages(TelegramUpdateParser().parse(noType, file: "f", line: 1, connection: "sample"))[0].conversation.kind == .direct)
    }
}
