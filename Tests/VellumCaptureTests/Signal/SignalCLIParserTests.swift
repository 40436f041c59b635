import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("Signal via signal-cli")
struct SignalCLIParserTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Signal")

    static let account = "+85290000000"
    static let accountUUID = "a1a1a1a1-0000-4000-8000-000000000001"
    static let alice = "b2b2b2b2-0000-4000-8000-000000000002"
    static let ming = "c3c3c3c3-0000-4000-8000-000000000003"
    static let group = "Z3JvdXAtdGVzdC1pZC0wMDAwMDAwMDAwMDAwMDE="
    static let t: Int64 = 1_767_250_800_000

    /// Line `n` (1-based) of the fixture.
    static func line(_ n: Int) throws -> Data {
        let text = String(decoding: try Data(contentsOf: directory.appendingPathComponent("signal_receive.jsonl")), as: UTF8.self)
        return Data(text.split(separator: "\n")[n - 1].utf8)
    }

    static func parse(_ n: Int, parser: SignalCLIParser = SignalCLIParser(accountUUID: accountUUID)) throws -> SignalCLIParseResult {
        parser.parse(try line(n), file: "signal_receive.jsonl", line: n, account: "fallback")
    }

    static func messages(_ r: SignalCLIParseResult) -> [VellumCore.Message] {
        r.items.compactMap { if case .message(let m) = $0 { m } else { nil } }
    }

    static func issues(_ r: SignalCLIParseResult) -> [ImportIssue] {
        r.items.compactMap { if case .issue(let i) = $0 { i } else { nil } }
    }

    static func message(_ n: Int) throws -> VellumCore.Message {
        let r = try parse(n)
        #expect(issues(r).isEmpty, "\(issues(r))")
        let all = messages(r)
        try #require(all.count == 1)
        return all[0]
    }

    @Test("an incoming direct message: author:timestamp id, parties, time, raw line")
    func direct() throws {
        let m = try Self.message(1)
        #expect(m.source == SourceRef(channel: .signal, account: Self.account, nativeID: "\(Self.alice):\(Self.t)"))
        #expect(m.conversation == Conversation(id: Self.alice, kind: .direct))
        #expect(m.sender == Party(id: "+85291234567", name: "Alice Wong"))
        #expect(m.recipients == [Party(id: Self.account)])
        #expect(m.sentAt.epochMilliseconds == Self.t && m.sentAt.offsetSeconds == 0)
        #expect(m.text == "Hello, can you confirm the order?" && m.kind == .text && m.nativeType == "dataMessage")
        #expect(m.fields["source.uuid"] == Self.alice && m.fields["source.device"] == "1" && m.fields["server_received_timestamp"] == String(Self.t + 150))
        #expect(try m.format == "signal-cli" && m.raw == (Self.line(1)))
    }

    @Test("a group message in Chinese with a mention: readable text, group conversation")
    func groupMention() throws {
        let m = try Self.message(2)
        #expect(m.source.nativeID == "\(Self.ming):\(Self.t + 1000)")
        #expect(m.conversation == Conversation(id: Self.group, kind: .group, title: "交易台 Trading Desk"))
        #expect(m.sender == Party(id: Self.ming, name: "王小明") && m.recipients.isEmpty)
        #expect(m.text == "@+85290000000 请确认 500 股 🚀")
        #expect(m.fields["mentions.0.uuid"] == Self.accountUUID && m.fields["mentions.0.start"] == "0")
        #expect(m.fields["text_styles.0.style"] == "BOLD" && m.fields["group.revision"] == "7")
    }

    @Test("attachments become media references with the signal-cli attachment id")
    func attachments() throws {
        let m = try Self.message(3)
        #expect(m.kind == .mixed && m.nativeType == "dataMessage.attachments")
        #expect(m.media == [
            MediaReference(handle: "Ab12Cd34.jpg", name: "chart.jpg", mediaType: "image/jpeg", size: 98765, note: "not fetched yet"),
            MediaReference(handle: "Ef56Gh78.pdf", name: "合同 contract.pdf", mediaType: "application/pdf", size: 536_392, note: "not fetched yet"),
        ])
        #expect(m.text == "K线图\nchart.jpg\n今日走势\n合同 contract.pdf")
        #expect(m.fields["attachments.0.width"] == "1280" && m.fields["attachments.1.content_type"] == "application/pdf")
    }

    @Test("a quote replies to author:timestamp and keeps the quoted text")
    func quote() throws {
        let m = try Self.message(4)
        #expect(m.replyTo == "\(Self.accountUUID):\(Self.t + 500)" && m.quotedText == "Can you confirm?")
        #expect(m.fields["quote.author_number"] == Self.account)
    }

    @Test("reactions and their removal link to the target message's id")
    func reactions() throws {
        let target = try Self.message(2).source.nativeID
        let add = try Self.message(5)
        #expect(add.revision == .reaction(to: target) && add.kind == .reaction && add.text == "❤️")
        #expect(add.source.nativeID == "\(Self.alice):\(Self.t + 4000)" && add.conversation.id == Self.group)
        let remove = try Self.message(6)
        #expect(remove.revision == .reaction(to: target) && remove.text == "" && remove.fields["reaction.is_remove"] == "true")
        #expect(remove.fields["reaction.emoji"] == "❤️")
    }

    @Test("a remote delete recalls the sender's own message")
    func remoteDelete() throws {
        let m = try Self.message(7)
        #expect(m.revision == .recall(of: try Self.message(1).source.nativeID) && m.kind == .recall && m.text == nil)
        #expect(m.source.nativeID == "\(Self.alice):\(Self.t + 6000)")
    }

    @Test("an envelope-level editMessage edits the target, with an id of its own")
    func edit() throws {
        let m = try Self.message(8)
        #expect(m.revision == .edit(of: try Self.message(4).source.nativeID))
        #expect(m.source.nativeID == "\(Self.alice):\(Self.t + 7000)" && m.text == "Yes, confirmed for 600 👍")
        #expect(m.kind == .text && m.nativeType == "editMessage" && m.conversation.id == Self.alice)
    }

    @Test("messages the account sent elsewhere land in the same conversations, sent by the account")
    func syncSent() throws {
        let sent = try Self.message(9)
        #expect(sent.source.nativeID == "\(Self.accountUUID):\(Self.t + 8000)")
        #expect(sent.sender == Party(id: Self.account, name: "Me Trader"))
        #expect(sent.recipients == [Party(id: "+85291234567")])
        #expect(try sent.conversation == (Self.message(1)).conversation)
        #expect(sent.nativeType == "syncMessage.sentMessage" && sent.fields["destination.uuid"] == Self.alice)
        let group = try Self.message(10)
        #expect(try group.conversation.id == (Self.message(2)).conversation.id && group.recipients.isEmpty)
        #expect(group.text == "收到，已下单")
        let edit = try Self.message(11)
        #expect(edit.revision == .edit(of: sent.source.nativeID) && edit.text == "Wire sent today 💸")
        #expect(edit.nativeType == "syncMessage.sentMessage.editMessage" && edit.conversation.id == Self.alice)
    }

    @Test("receipts are one status per timestamp, linked to the account's messages")
    func receipts() throws {
        let sent = try Self.message(9).source.nativeID
        let read = Self.messages(try Self.parse(12))
        #expect(read.count == 2)
        #expect(read.map(\.revision) == [.status(of: sent), .status(of: "\(Self.accountUUID):\(Self.t + 500)")])
        #expect(read.allSatisfy { $0.kind == .status && $0.fields["status"] == "read" && $0.sender.id == "+85291234567" })
        #expect(read[0].source.nativeID == "\(Self.alice):receipt:read:\(sent)" && read[0].fields["target_author_basis"] == "account_uuid")
        let delivered = try Self.message(13)
        #expect(delivered.revision == .status(of: sent) && delivered.fields["status"] == "delivered")
        #expect(delivered.sentAt.epochMilliseconds == Self.t + 8100)
        let noUUID = Self.messages(try Self.parse(13, parser: SignalCLIParser()))
        #expect(noUUID.first?.revision == .status(of: "\(Self.account):\(Self.t + 8000)"))
        #expect(noUUID.first?.fields["target_author_basis"] == "account_number")
    }

    @Test("typing indicators are skipped and said so")
    func typing() throws {
        let r = try Self.parse(14)
        #expect(r.items.isEmpty && r.skipped == .typing)
    }

    @Test("calls, stickers, shared contacts, timers, group updates and stories", arguments: [
        (15, "call", "callMessage.offerMessage"),
        (16, "sticker", "dataMessage.sticker"),
        (17, "contact", "dataMessage.contacts"),
        (18, "system", "dataMessage.expirationUpdate"),
        (22, "system", "dataMessage.groupUpdate"),
        (23, "story", "storyMessage"),
    ])
    func kinds(line: Int, kind: String, nativeType: String) throws {
        let m = try Self.message(line)
        #expect(m.kind == MessageKind(kind) && m.nativeType == nativeType)
    }

    @Test("the details of those kinds are in text and fields")
    func kindDetails() throws {
        let call = try Self.message(15)
        #expect(call.fields["call.id"] == "8123456789012345678" && call.fields["call.type"] == "AUDIO_CALL" && call.text == nil)
        let sticker = try Self.message(16)
        #expect(sticker.text == "😂" && sticker.fields["sticker.stickerId"] == "3")
        let contact = try Self.message(17)
        #expect(contact.text == "Carol Chan +85291230001 carol@example.com Example Ltd")
        let timer = try Self.message(18)
        #expect(timer.fields["expires_in_seconds"] == "604800" && timer.fields["is_expiration_update"] == "true")
        let update = try Self.message(22)
        #expect(update.conversation.title == "交易台 Trading Desk 2026" && update.fields["group.type"] == "UPDATE")
        let story = try Self.message(23)
        #expect(story.text == "Market open 🔔" && story.fields["story.allows_replies"] == "true")
    }

    @Test("a decryption failure is kept as unknown with the exception's type")
    func exception() throws {
        let m = try Self.message(19)
        #expect(m.kind == .unknown && m.nativeType == "exception" && m.fields["exception.type"] == "ProtocolInvalidMessageException")
        #expect(m.source.nativeID == "\(Self.alice):\(Self.t + 17000)")
    }

    @Test("read syncs are statuses by the account; other syncs are kept as unknown")
    func otherSyncs() throws {
        let read = try Self.message(20)
        #expect(read.revision == .status(of: try Self.message(2).source.nativeID) && read.fields["status.by"] == "account")
        #expect(read.sender.id == Self.account)
        let contacts = try Self.message(21)
        #expect(contacts.kind == .unknown && contacts.nativeType == "syncMessage.CONTACTS_SYNC")
    }

    @Test("JSON-RPC control traffic and blank lines are skipped, not errors")
    func control() throws {
        #expect(try Self.parse(24).skipped == .rpcControl)
        let p = SignalCLIParser()
        #expect(p.parse(Data("  ".utf8), file: "f", line: 1).skipped == .blank)
        #expect(p.parse(Data(#"{"jsonrpc":"2.0","result":{"timestamp":999},"id":4}"#.utf8), file: "f", line: 1).skipped == .rpcControl)
        #expect(p.parse(Data(#"{"jsonrpc":"2.0","error":{"code":-32600,"message":"x"},"id":null}"#.utf8), file: "f", line: 1).skipped == .rpcControl)
    }

    @Test("the line's account wins over the caller's; the caller's fills in when missing")
    func accounts() throws {
        #expect(try Self.message(2).source.account == Self.account)
        let bare = #"{"jsonrpc":"2.0","method":"receive","params":{"envelope":{"sourceUuid":"u1","timestamp":5,"dataMessage":{"timestamp":5,"message":"hi"}}}}"#
        let r = SignalCLIParser().parse(Data(bare.utf8), file: "f", line: 1, account: "+1555")
        #expect(Self.messages(r).first?.source.account == "+1555" && Self.messages(r).first?.sender.id == "u1")
    }

    @Test("with no account anywhere, incoming messages list no recipient")
    func noAccount() {
        let bare = #"{"envelope":{"sourceNumber":"+15550001","timestamp":5,"dataMessage":{"timestamp":5,"message":"hi"}}}"#
        let m = Self.messages(SignalCLIParser().parse(Data(bare.utf8), file: "f", line: 1)).first
        #expect(m?.recipients == [] && m?.source.account == "" && m?.source.nativeID == "+15550001:5")
        #expect(m?.conversation.id == "+15550001" && m?.sender == Party(id: "+15550001"))
    }

    @Test("a reply to receive in manual mode gives every envelope in it")
    func receiveResult() {
        let json = #"{"jsonrpc":"2.0","result":[{"envelope":{"sourceUuid":"u1","timestamp":5,"dataMessage":{"timestamp":5,"message":"a"}},"account":"+1"},{"envelope":{"sourceUuid":"u2","timestamp":6,"dataMessage":{"timestamp":6,"message":"b"}},"account":"+1"}],"id":"r"}"#
        let r = SignalCLIParser().parse(Data(json.utf8), file: "f", line: 1)
        #expect(Self.messages(r).map(\.source.nativeID) == ["u1:5", "u2:6"])
    }

    @Test("malformed lines become issues naming file, line and field, never content", arguments: [
        (#"{"envelope": "#, nil as String?, "not valid JSON"),
        (#"["secret"]"#, nil, "not a JSON object"),
        (#"{"account":"+1"}"#, "envelope", "missing"),
        (#"{"envelope":{"sourceUuid":"u","timestamp":"soon","dataMessage":{"message":"secret"}}}"#, "envelope.timestamp", "an integer"),
        (#"{"envelope":{"timestamp":5,"dataMessage":{"message":"secret"}}}"#, "envelope.sourceUuid", "missing"),
        (#"{"jsonrpc":"2.0","method":"receive"}"#, "params", "missing"),
        (#"{"jsonrpc":"2.0","method":"receive","params":{"envelope":{"sourceUuid":"u","timestamp":5,"dataMessage":{"message":"secret","reaction":{"emoji":"x","targetAuthorUuid":"v"}}}}}"#, "params.envelope.dataMessage.reaction.targetSentTimestamp", "missing"),
        (#"{"envelope":{"sourceUuid":"u","timestamp":5,"dataMessage":{"message":"secret","quote":{"authorUuid":"v","text":"secret"}}}}"#, "envelope.dataMessage.quote.id", "missing"),
        (#"{"envelope":{"sourceUuid":"u","timestamp":5,"receiptMessage":{"isRead":true,"timestamps":5}}}"#, "envelope.receiptMessage.timestamps", "an array"),
        (#"{"envelope":{"sourceUuid":"u","timestamp":5,"editMessage":{"dataMessage":{"message":"secret"}}}}"#, "envelope.editMessage.targetSentTimestamp", "missing"),
        (#"{"envelope":{"sourceUuid":"u","timestamp":5,"dataMessage":{"message":"secret","attachments":[{"id":7}]}}}"#, "envelope.dataMessage.attachments[0].id", "a string"),
        (#"{"envelope":{"sourceUuid":"u","timestamp":5,"dataMessage":{"message":"secret","groupInfo":{"type":"DELIVER"}}}}"#, "envelope.dataMessage.groupInfo.groupId", "missing"),
    ])
    func malformed(_ json: String, field: String?, reasonPart: String) {
        let r = SignalCLIParser().parse(Data(json.utf8), file: "receive.jsonl", line: 12)
        let issues = Self.issues(r)
        #expect(r.items.count == 1 && issues.count == 1 && r.skipped == nil)
        guard let issue = issues.first else { return }
        #expect(issue.file == "receive.jsonl" && issue.line == 12)
        #expect(issue.field == field)
        #expect(issue.reason.contains(reasonPart), "\(issue.reason)")
        #expect(!issue.description.contains("secret"))
    }

    @Test("the signal-cli man-page examples parse without issues (sample, skipped when absent)")
    func manPageSamples() throws {
        let path = "/work/shared/reference/samples/signal/signal_cli_jsonrpc_man_examples.jsonl"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        var messages: [VellumCore.Message] = []
        var skipped = 0
        for (i, line) in text.split(separator: "\n").enumerated() {
            let r = SignalCLIParser().parse(Data(line.utf8), file: "man", line: i + 1, account: "+33123456789")
            #expect(Self.issues(r).isEmpty, "line \(i + 1): \(Self.issues(r))")
            messages += Self.messages(r)
            if r.skipped != nil { skipped += 1 }
        }
        #expect(messages.count == 2 && skipped == text.split(separator: "\n").count - 2)
        #expect(messages[0].text == "foobar" && messages[0].source.nativeID == "uuid:1631458508784")
        #expect(messages[1].nativeType == "syncMessage.sentMessage" && messages[1].text == "j")
    }
}
