import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("WhatsApp Cloud API webhook bodies")
struct WhatsAppWebhookParserTests {
    let parser = WhatsAppWebhookParser()

    func parse(_ fixture: String) throws -> (body: Data, items: [ParsedLine]) {
        let body = try WhatsAppFixtures.data("cloud/" + fixture)
        return (body, parser.parse(body: body, file: fixture, line: 1))
    }

    @Test("every entry, change and message of a batched body is read, in order")
    func batch() throws {
        let (body, items) = try parse("batch.json")
        #expect(items.issues.isEmpty)
        let m = items.messages
        #expect(m.map(\.source.nativeID) == ["wamid.AAA001", "wamid.AAA002", "wamid.AAA003", "wamid.OUT001:status:read:1767261650", "wamid.BBB001"])
        #expect(m.map(\.source.account) == ["500000000000001", "500000000000001", "500000000000001", "500000000000001", "500000000000002"])
        #expect(m.allSatisfy { $0.format == "whatsapp-cloud" && $0.source.channel == .whatsapp })

        // Text, keyed on the BSUID, with the phone and parent BSUID in fields.
        let text = m[0]
        #expect(text.text == "Olá, can you call me? 📞")
        #expect(text.kind == .text)
        #expect(text.sender == Party(id: "PT.4401234567890123", name: "José Pereira"))
        #expect(text.recipients == [Party(id: "442071234567")])
        #expect(text.conversation == Conversation(id: "PT.4401234567890123", kind: .direct, title: "José Pereira"))
        #expect(text.sentAt == Timestamp(seconds: 1_767_261_600))
        #expect(text.fields["customer.wa_id"] == "351912345678")
        #expect(text.fields["customer.parent_user_id"] == "PT.ENT.99887766554433")
        #expect(text.fields["business.phone_number_id"] == "500000000000001")
        #expect(text.fields["business.display_phone_number"] == "442071234567")
        #expect(text.fields["waba_id"] == "300000000000001")
        #expect(text.fields["direction"] == "inbound")
        #expect(text.fields["text.body"] == nil)

        // Raw is the message's own bytes, sliced: Meta's escapes are untouched.
        let raw = text.raw.utf8Text
        #expect(raw.hasPrefix("{\"from\":\"351912345678\""))
        #expect(raw.hasSuffix("}}"))
        #expect(raw.contains("Ol\\u00e1"))
        #expect(raw.contains("\\ud83d\\udcde"))
        #expect(body.range(of: text.raw) != nil)

        // Image reply: media reference with the media id, type and hex digest; caption as text.
        let image = m[1]
        #expect(image.kind == .image)
        #expect(image.text == "Signed page")
        #expect(image.replyTo == "wamid.OUT001")
        #expect(image.fields["context.from"] == "442071234567")
        #expect(image.media == [MediaReference(
            handle: "880000000000001", mediaType: "image/jpeg",
            digests: ["sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
            note: WhatsAppMediaReference.notFetchedNote)])
        #expect(image.sender.id == "HK.7700112233445566")

        // Location: name and address are text; coordinates stay exact in fields.
        #expect(m[2].kind == .location)
        #expect(m[2].text == "Exchange Square\n8 Connaught Pl, Central")
        #expect(m[2].fields["location.latitude"] == "22.2783")
        #expect(m[2].fields["location.longitude"] == "114.1747")

        // The status in the second change.
        #expect(m[3].revision == .status(of: "wamid.OUT001"))
        #expect(m[3].fields["status"] == "read")

        // Second entry: another number; no BSUID, so the phone keys the customer.
        let other = m[4]
        #expect(other.sender == Party(id: "14155550199", name: "Sam Ortiz"))
        #expect(other.conversation.id == "14155550199")
        #expect(other.forwarded)
        #expect(other.fields["context.frequently_forwarded"] == "true")
        #expect(other.fields["customer.user_id"] == nil)
        #expect(other.fields["waba_id"] == "300000000000002")
    }

    @Test("statuses: out of order and repeated, each linked to its message; a repeat has the same id")
    func statuses() throws {
        let (_, items) = try parse("statuses.json")
        #expect(items.issues.isEmpty)
        let m = items.messages
        #expect(m.count == 6)
        #expect(m.map(\.source.nativeID) == [
            "wamid.OUT777:status:read:1767262000", "wamid.OUT777:status:delivered:1767261900",
            "wamid.OUT777:status:sent:1767261800", "wamid.OUT777:status:delivered:1767261900",
            "wamid.OUT778:status:failed:1767261950", "wamid.OUT779:status:played:1767262100",
        ])
        // The repeated delivery is the same archive record (same SourceRef).
        #expect(m[1].source == m[3].source)
        #expect(Set(m.map(\.source)).count == 5)
        for s in m {
            #expect(s.kind == .status)
            #expect(s.sender == Party(id: "442071234567"))
            #expect(s.conversation.id == "HK.7700112233445566")
            #expect(s.text == nil)
        }
        #expect(m[0].revision == .status(of: "wamid.OUT777"))
        #expect(m[0].nativeType == "status.read")
        #expect(m[1].fields["status"] == "delivered")
        #expect(m[1].fields["recipient_id"] == "85291234567")
        #expect(m[1].fields["timestamp"] == "1767261900")
        #expect(m[1].fields["pricing.category"] == "service")
        #expect(m[1].fields["conversation.origin.type"] == "service")
        // Failed: errors flattened; no recipient_user_id, but the contact links the phone to the BSUID.
        #expect(m[4].revision == .status(of: "wamid.OUT778"))
        #expect(m[4].fields["errors.0.code"] == "131047")
        #expect(m[4].fields["errors.0.error_data.details"] != nil)
        #expect(m[4].recipients == [Party(id: "HK.7700112233445566", name: "Mia Chen")])
        #expect(m[5].fields["status"] == "played")
    }

    @Test("smb_message_echoes are outbound, sent by the business number")
    func echoes() throws {
        let (_, items) = try parse("echoes.json")
        #expect(items.issues.isEmpty)
        let m = items.messages
        #expect(m.count == 3)
        for e in m {
            #expect(e.sender == Party(id: "442071234567"))
            #expect(e.recipients == [Party(id: "HK.7700112233445566", name: "Mia Chen")])
            #expect(e.conversation.id == "HK.7700112233445566")
            #expect(e.fields["direction"] == "outbound")
            #expect(e.fields["webhook.field"] == "smb_message_echoes")
        }
        #expect(m[0].text == "Sent from my phone: the wire is booked")
        #expect(m[1].kind == .recall)
        #expect(m[1].revision == .recall(of: "wamid.ECHO01"))
        #expect(m[1].text == nil)
        #expect(m[2].kind == .file)
        #expect(m[2].text == "Wire confirmation.pdf")
        #expect(m[2].media.first?.name == "Wire confirmation.pdf")
        #expect(m[2].media.first?.digests["sha256"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    struct Expected: Sendable, CustomTestStringConvertible {
        var id: String
        var kind: MessageKind
        var nativeType: String
        var text: String?
        var revision: Revision? = nil
        var testDescription: String { "\(id) \(nativeType)" }
    }

    @Test("each message type maps to its kind, text and revision", arguments: [
        Expected(id: "wamid.T01", kind: .audio, nativeType: "audio", text: nil),
        Expected(id: "wamid.T02", kind: .file, nativeType: "document", text: "Q1 numbers\nQ1.xlsx"),
        Expected(id: "wamid.T03", kind: .sticker, nativeType: "sticker", text: nil),
        Expected(id: "wamid.T04", kind: .contact, nativeType: "contacts", text: "Lee Wong +852 6123 4567 lee@example.com Harbour Capital"),
        Expected(id: "wamid.T05", kind: .interactive, nativeType: "interactive.button_reply", text: "Yes, confirm"),
        Expected(id: "wamid.T06", kind: .interactive, nativeType: "interactive.list_reply", text: "Asia Bond Fund\nUSD, monthly dealing"),
        Expected(id: "wamid.T07", kind: .interactive, nativeType: "interactive.nfm_reply", text: "Sent\n{\"amount\":\"250000\",\"currency\":\"USD\"}"),
        Expected(id: "wamid.T08", kind: .interactive, nativeType: "button", text: "Stop promotions"),
        Expected(id: "wamid.T09", kind: .payment, nativeType: "order", text: "Please rush\nSKU-1 × 2 @ 99.5 USD"),
        Expected(id: "wamid.T10", kind: .reaction, nativeType: "reaction", text: "👍", revision: .reaction(to: "wamid.OUT001")),
        Expected(id: "wamid.T11", kind: .reaction, nativeType: "reaction", text: "", revision: .reaction(to: "wamid.OUT001")),
        Expected(id: "wamid.T12", kind: .text, nativeType: "edit", text: "Corrected: call me at 3pm", revision: .edit(of: "wamid.AAA001")),
        Expected(id: "wamid.T13", kind: .recall, nativeType: "revoke", text: nil, revision: .recall(of: "wamid.AAA002")),
        Expected(id: "wamid.T14", kind: .system, nativeType: "system.user_changed_number", text: "Mia changed from 85291234567 to 85298765432"),
        Expected(id: "wamid.T15", kind: .system, nativeType: "system.user_changed_user_id", text: "User ID changed"),
        Expected(id: "wamid.T16", kind: .unknown, nativeType: "unsupported.poll", text: nil),
        Expected(id: "wamid.T17", kind: .unknown, nativeType: "hologram", text: "future type text"),
        Expected(id: "wamid.T18", kind: .text, nativeType: "text", text: "I saw your ad"),
        Expected(id: "wamid.T19", kind: .video, nativeType: "video", text: nil),
    ])
    func types(expected: Expected) throws {
        let (body, items) = try parse("types.json")
        #expect(items.issues.isEmpty)
        let m = try #require(items.messages.first { $0.source.nativeID == expected.id })
        #expect(m.kind == expected.kind)
        #expect(m.nativeType == expected.nativeType)
        #expect(m.text == expected.text)
        #expect(m.revision == expected.revision)
        #expect(body.range(of: m.raw) != nil)
        #expect(m.raw.utf8Text.contains("\"id\":\"\(expected.id)\""))
    }

    @Test("type details land in fields: voice flag, errors, referral, forwards, replies")
    func typeFields() throws {
        let (_, items) = try parse("types.json")
        let byID = Dictionary(uniqueKeysWithValues: items.messages.map { ($0.source.nativeID, $0) })
        let voice = try #require(byID["wamid.T01"])
        #expect(voice.fields["audio.voice"] == "true")
        #expect(voice.fields["audio.sha256"] == "not-a-digest")
        #expect(voice.media.first?.digests == [:])  // not a 32-byte digest: kept in fields only
        #expect(voice.media.first?.handle == "880000000000101")
        #expect(byID["wamid.T02"]?.media.first?.name == "Q1.xlsx")
        #expect(byID["wamid.T08"]?.replyTo == "wamid.TPL01")
        #expect(byID["wamid.T09"]?.fields["order.product_items.0.item_price"] == "99.5")
        #expect(byID["wamid.T14"]?.fields["system.wa_id"] == "85298765432")
        #expect(byID["wamid.T15"]?.fields["system.user_id"] == "HK.1111222233334444")
        #expect(byID["wamid.T16"]?.fields["errors.0.code"] == "131051")
        #expect(byID["wamid.T18"]?.fields["referral.headline"] == "Open an account")
        #expect(byID["wamid.T18"]?.fields["referral.ctwa_clid"] == "CLID42")
        #expect(byID["wamid.T19"]?.forwarded == true)
        #expect(byID["wamid.T12"]?.fields["edit.original_message_id"] == "wamid.AAA001")
        #expect(byID["wamid.T12"]?.fields["edit.message.text.body"] == nil)
    }

    @Test("a user with a username and no phone is keyed on the BSUID alone")
    func bsuidOnly() throws {
        let (_, items) = try parse("username_only.json")
        let m = try #require(items.messages.first)
        #expect(items.issues.isEmpty)
        #expect(m.sender == Party(id: "GB.5550001112223334", name: "Quiet Investor"))
        #expect(m.fields["customer.username"] == "@quiet.investor")
        #expect(m.fields["customer.wa_id"] == nil)
        #expect(m.fields["customer.parent_user_id"] == "GB.ENT.1234")
    }

    @Test("other change fields and broken messages become issues naming the field; the rest still parses")
    func issues() throws {
        let (_, items) = try parse("other_fields.json")
        let issues = items.issues
        #expect(issues.map(\.field) == [
            "entry[0].changes[0].field",
            "entry[0].changes[1].value.messages[0].id",
            "entry[0].changes[1].value.messages[1].timestamp",
            "entry[0].changes[1].value.messages[2].reaction.message_id",
        ])
        #expect(issues.allSatisfy { $0.file == "other_fields.json" && $0.line == 1 })
        #expect(issues[0].reason.contains("account_update"))
        for i in issues {
            for content in ["no id", "bad time", "yesterday", "VERIFIED_ACCOUNT", "❤"] { #expect(!i.reason.contains(content)) }
        }
        #expect(items.messages.map(\.source.nativeID) == ["wamid.V04"])
    }

    @Test("a body that is not JSON, or not a webhook, is one issue", arguments: [
        ("{\"object\":\"whatsapp_business_account\",\"entry\":[", "not valid JSON"),
        ("[1,2]", "not a JSON object"),
        ("{\"object\":\"page\",\"entry\":[]}", "whatsapp_business_account"),
        ("{\"object\":\"whatsapp_business_account\"}", "required field is missing"),
        ("{\"object\":\"whatsapp_business_account\",\"entry\":[]}", "carries nothing"),
    ])
    func unreadable(body: String, reason: String) {
        let items = parser.parse(body: Data(body.utf8), file: "spool.jsonl", line: 7)
        #expect(items.count == 1)
        #expect(items.issues.first?.reason.contains(reason) == true)
        #expect(items.issues.first?.line == 7)
    }

    @Test("a change that only reports errors is an issue with the error codes")
    func errorsOnly() {
        let body = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
             "metadata":{"phone_number_id":"5"},"errors":[{"code":131000,"title":"Something went wrong"}]}}]}]}
            """
        let items = parser.parse(body: Data(body.utf8), file: "b", line: 1)
        #expect(items.issues.map(\.reason) == ["the change reports errors (codes: 131000) and carries no message"])
    }
}

@Suite("WhatsApp Cloud API: pywa sample bodies (reference samples, skipped when absent)", .enabled(if: WhatsAppFixtures.samplesPresent))
struct WhatsAppPywaSampleTests {
    static let files = [
        "pywa_message.json", "pywa_message_status.json", "pywa_system.json", "pywa_edited_message.json",
        "pywa_deleted_message.json", "pywa_outgoing_message.json",
    ]

    /// Each sample file maps case names to full POST bodies; the bodies are re-sliced from the file.
    static func cases(_ file: String) throws -> [(String, Data)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: WhatsAppFixtures.samples + "/whatsapp_cloud/" + file))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try object.keys.sorted().map { key in
            (key, try JSONSerialization.data(withJSONObject: object[key]!, options: [.sortedKeys]))
        }
    }

    @Test("every pywa case parses with no issues and at least one message", arguments: files)
    func noIssues(file: String) throws {
        for (name, body) in try Self.cases(file) {
            let items = WhatsAppWebhookParser().parse(body: body, file: "\(file)#\(name)", line: 1)
            #expect(items.issues.isEmpty, "\(file) \(name): \(items.issues)")
            #expect(!items.messages.isEmpty, "\(file) \(name)")
            for m in items.messages { #expect(body.range(of: m.raw) != nil) }
        }
    }

    @Test("pywa cases map as expected")
    func expectations() throws {
        func one(_ file: String, _ name: String) throws -> Message {
            let body = try #require(try Self.cases(file).first { $0.0 == name }?.1)
            return try #require(WhatsAppWebhookParser().parse(body: body, file: name, line: 1).messages.first)
        }
        let text = try one("pywa_message.json", "text")
        #expect(text.sender.id == "US.13491208655302741918")
        #expect(text.fields["customer.wa_id"] == "972987654321")
        #expect(text.source == SourceRef(channel: .whatsapp, account: "1122334455667", nativeID: "wamid.xyzxyz"))
        #expect(try one("pywa_message.json", "voice").fields["audio.voice"] == "true")
        #expect(try one("pywa_message.json", "reaction").text == "😮")
        #expect(try one("pywa_message.json", "unreaction_no_emoji").text == "")
        #expect(try one("pywa_message.json", "unreaction_no_emoji").revision == .reaction(to: "wamid.yzxyzx="))
        #expect(try one("pywa_message.json", "chosen_location").text == "Facebook HQ\n1 Hacker Way, Menlo Park, CA 94025")
        #expect(try one("pywa_message.json", "unsupported_with_type").kind == .unknown)
        #expect(try one("pywa_message.json", "interactive_message_with_err").fields["change_errors.0.code"] == "131000")
        #expect(try one("pywa_message.json", "reply").replyTo == "wamid.xyzxyz==")
        #expect(try one("pywa_message.json", "forwarded_many_times").forwarded)
        #expect(try one("pywa_message.json", "document").media.first?.name == "filename.pdf")
        #expect(try one("pywa_message.json", "order").kind == .payment)
        #expect(try one("pywa_message.json", "contacts").text?.contains("Chandler Bing +1 555-555-5555") == true)
        let change = try one("pywa_system.json", "phone_number_change")
        #expect(change.kind == .system)
        #expect(change.sender.id == "972987654321")  // system messages carry no contacts: keyed on the phone
        #expect(try one("pywa_edited_message.json", "image").revision == .edit(of: "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA="))
        #expect(try one("pywa_edited_message.json", "image").kind == .image)
        #expect(try one("pywa_deleted_message.json", "revoke").revision == .recall(of: "<ORIGINAL_WHATSAPP_MESSAGE_ID>"))
        let group = try one("pywa_message_status.json", "group")
        #expect(group.conversation.kind == .group)
        #expect(group.source.nativeID == "<WHATSAPP_MESSAGE_ID>:status:read:1698266945:US.123456")
        #expect(try one("pywa_message_status.json", "failed").fields["errors.0.code"] == "130472")
        // Echo whose from/to are the customer and the business: the business is still the sender.
        let delete = try one("pywa_outgoing_message.json", "delete")
        #expect(delete.sender.id == "972123456789")
        #expect(delete.recipients.first?.id == "US.13491208655302741918")
        #expect(delete.revision == .recall(of: "wamid.zzzzzz"))
    }

    @Test("the pywa files' own bytes (with their escapes) slice per message")
    func rawSlicing() throws {
        // The whole sample file is not a webhook body, but each case body inside is sliced by
        // re-finding it; here we check the escaped emoji survives slicing of a real body.
        let data = try Data(contentsOf: URL(fileURLWithPath: WhatsAppFixtures.samples + "/whatsapp_cloud/pywa_message.json"))
        #expect(data.utf8Text.contains("\\ud83d\\ude2e"))
        let body = Data("""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1122334455667"},
            "contacts":[{"profile":{"name":"Test Name"},"wa_id":"972987654321"}],
            "messages":[{"from":"972987654321","id":"wamid.r","timestamp":"1697044456","type":"reaction","reaction":{"message_id":"wamid.yzxyzx=","emoji":"\\ud83d\\ude2e"}}]}}]}]}
            """.utf8)
        let m = try #require(WhatsAppWebhookParser().parse(body: body, file: "b", line: 1).messages.first)
        #expect(m.text == "😮")
        #expect(m.raw.utf8Text.contains("\\ud83d\\ude2e"))
    }
}
