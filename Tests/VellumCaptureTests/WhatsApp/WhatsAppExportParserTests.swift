import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("WhatsApp \"Export chat\" files")
struct WhatsAppExportParserTests {
    let parser = WhatsAppExportParser()

    func parse(
        _ fixture: String, media: Set<String> = [], zone: String? = nil, chatName: String? = nil,
        order: WhatsAppExportDateOrder? = nil
    ) throws -> WhatsAppExportResult {
        let data = try WhatsAppFixtures.data("export/" + fixture)
        return parser.parse(
            text: data, fileName: fixture, mediaNames: media, timeZone: zone.flatMap(TimeZone.init(identifier:)),
            account: "+447700900001", chatName: chatName, dateOrder: order)
    }

    @Test("Android, US order, 12-hour clock with U+202F/NBSP before AM/PM, decided by a later line")
    func androidUS() throws {
        let r = try parse("WhatsApp Chat with Ana Lima.txt", media: ["PTT-20240123-WA0001.opus"])
        #expect(r.layout == .android)
        #expect(r.dateOrder == .monthDayYear)
        #expect(r.dateOrderCertain)
        #expect(r.dateOrderReason.hasPrefix("month/day/year: a day value 23 appears in the second field at line 14"))
        #expect(r.timeZoneAssumed)
        #expect(r.timeZone.secondsFromGMT() == 0)
        #expect(r.items.messages.first?.fields["time_zone"] == "UTC")
        #expect(r.timeZoneNote.contains("UTC"))
        #expect(r.conversation == Conversation(id: "Ana Lima", kind: .direct, title: "Ana Lima"))
        #expect(r.items.issues.isEmpty)
        let m = r.items.messages
        #expect(m.count == 13)
        #expect(r.counts.messages == 13)
        #expect(r.counts.lines == 16)
        #expect(r.counts.continuationLines == 3)

        #expect(m[0].kind == .system)
        #expect(m[0].sender.id == WhatsAppExportParser.systemSenderID)
        #expect(m[1].sender == Party(id: "Ana Lima"))
        #expect(m[1].recipients == [Party(id: "Rui Costa")])
        #expect(m[1].text == "Morning! Did the term sheet arrive?")
        #expect(m[1].sentAt == Timestamp(seconds: epoch("2024-01-02T09:05:00Z")))
        #expect(m[1].source.account == "+447700900001")
        #expect(m[1].format == "whatsapp-export")
        #expect(m[1].fields["local_time"] == "2024-01-02T09:05:00")
        #expect(m[1].fields["time_zone_assumed"] == "true")
        #expect(m[1].fields["header"] == "1/2/24, 9:05\u{202F}AM -")
        #expect(m[1].fields["line"] == "2")

        // Multi-line: continuation lines belong to the message above; raw keeps the exact lines.
        #expect(m[3].text == "Two questions:\n1) the fee on page 3\n2) the lock-up period")
        #expect(m[3].raw.utf8Text == "1/2/24, 9:07\u{202F}AM - Rui Costa: Two questions:\n1) the fee on page 3\n2) the lock-up period")

        // <Media omitted> with its caption on the next line.
        #expect(m[4].kind == .file)
        #expect(m[4].text == "Draft v2 with the new fee")
        #expect(m[4].media == [MediaReference(handle: "", note: "omitted by the exporter")])
        #expect(m[4].sentAt == Timestamp(seconds: epoch("2024-01-03T12:15:00Z")))  // 12 PM is noon

        // Deleted: a recall with no target.
        #expect(m[5].kind == .recall)
        #expect(m[5].revision == nil)
        #expect(m[5].text == nil)
        #expect(m[5].fields["placeholder"] == "This message was deleted")

        // Edited suffix removed; 12:01 AM is 00:01.
        #expect(m[6].text == "Late night reply, sorry")
        #expect(m[6].fields["edited"] == "true")
        #expect(m[6].sentAt == Timestamp(seconds: epoch("2024-01-04T00:01:00Z")))

        // Two identical messages in the same minute get distinct, ordered ids.
        #expect(m[7].text == "ok" && m[8].text == "ok")
        #expect(m[7].source.nativeID != m[8].source.nativeID)
        #expect(m[8].source.nativeID == m[7].source.nativeID + ":2")
        #expect(m[7].source.nativeID.hasPrefix("export:2024-01-05T08:00:00:"))

        #expect(m[9].kind == .location)
        #expect(m[9].fields["latitude"] == "38.7223")
        #expect(m[9].fields["longitude"] == "-9.1393")

        // A named file that is in the archive: attach it.
        #expect(m[11].kind == .audio)
        #expect(m[11].media == [MediaReference(
            handle: "PTT-20240123-WA0001.opus", name: "PTT-20240123-WA0001.opus", mediaType: "audio/ogg", note: "in export archive")])
        #expect(r.mediaInArchive == [.init(itemIndex: 11, fileName: "PTT-20240123-WA0001.opus")])
        #expect(m[12].kind == .call)
        #expect(m[12].sentAt == Timestamp(seconds: epoch("2024-01-23T10:03:00Z")))
        #expect(r.counts.deleted == 1 && r.counts.edited == 1 && r.counts.mediaInArchive == 1 && r.counts.mediaOmitted == 1)
    }

    @Test("a time zone shifts the instants and keeps the offset, but not the ids")
    func timeZone() throws {
        let utc = try parse("WhatsApp Chat with Ana Lima.txt")
        let ny = try parse("WhatsApp Chat with Ana Lima.txt", zone: "America/New_York")
        #expect(!ny.timeZoneAssumed)
        let a = utc.items.messages, b = ny.items.messages
        #expect(b[1].sentAt == Timestamp(seconds: epoch("2024-01-02T14:05:00Z"), offsetSeconds: -18_000))
        #expect(b[1].sentAt.rfc3339 == "2024-01-02T09:05:00-05:00")
        #expect(b[1].fields["time_zone"] == "America/New_York")
        #expect(b[1].fields["time_zone_assumed"] == nil)
        #expect(a.map(\.source) == b.map(\.source))
    }

    @Test("Android, day first, 24-hour; a group; media in and missing from the archive")
    func androidDayFirst() throws {
        let names: Set<String> = ["IMG-20240205-WA0001.jpg", "Media/VID-20240205-WA0003.mp4", "Quarterly report.xlsx"]
        let r = try parse("WhatsApp Chat with Desk Team.txt", media: names)
        #expect(r.dateOrder == .dayMonthYear)
        #expect(r.dateOrderReason.hasPrefix("day/month/year: a day value 17 appears in the first field at line 8"))
        #expect(r.conversation.kind == .group)
        #expect(r.conversationReason == "a group event is reported at line 2")
        #expect(r.items.issues.isEmpty)
        let m = r.items.messages
        #expect(m.count == 8)
        #expect(m[1].kind == .system && m[1].text == "Ana Lima created group \"Desk Team\"")
        #expect(m[2].kind == .system)
        #expect(m[3].kind == .image)
        #expect(m[3].text == "Chart for the 9am call")
        #expect(m[3].media.first?.note == "in export archive")
        #expect(m[3].sentAt == Timestamp(seconds: epoch("2024-02-05T08:02:00Z")))
        // A phone-number sender is kept as exported.
        #expect(m[4].sender == Party(id: "+44 7700 900123"))
        #expect(m[4].kind == .file)
        #expect(m[4].media.first?.note == "missing from the archive")
        #expect(m[4].media.first?.mediaType == "application/pdf")
        // Matched through the last path component; the attach list names the zip entry.
        #expect(m[5].kind == .video)
        #expect(m[5].media.first?.handle == "Media/VID-20240205-WA0003.mp4")
        #expect(m[6].kind == .system && m[6].text == "Rui Costa left")
        #expect(m[7].text == "Quarterly report.xlsx")
        #expect(r.mediaInArchive.map(\.fileName) == ["IMG-20240205-WA0001.jpg", "Media/VID-20240205-WA0003.mp4", "Quarterly report.xlsx"])
        #expect(r.mediaInArchive.map(\.itemIndex) == [3, 5, 7])
        #expect(r.counts.mediaMissingFromArchive == 1)
        // Recipients in a group: the other people who write.
        #expect(Set(m[3].recipients.map(\.id)) == ["+44 7700 900123", "Rui Costa"])

        // The caller attaches the bytes.
        let attached = r.attachingMedia { name in name == "Quarterly report.xlsx" ? Data([1, 2, 3]) : nil }
        let report = try #require(attached.messages.last)
        #expect(report.media.isEmpty)
        #expect(report.attachments == [Attachment(
            name: "Quarterly report.xlsx", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content: Data([1, 2, 3]))])
        #expect(attached.messages[3].media.first?.note == "in export archive but could not be read")
    }

    @Test("iOS: brackets, seconds, CRLF, BOM, U+200E marks, attached and omitted media, notices")
    func ios() throws {
        let r = try parse("_chat.txt", media: ["00000003-PHOTO-2023-12-31-21-42-00.jpg"], chatName: "Família")
        #expect(r.layout == .ios)
        #expect(r.dateOrder == .dayMonthYear)
        #expect(r.dateOrderReason.hasPrefix("day/month/year: a day value 31 appears in the first field at line 1"))
        #expect(r.conversation == Conversation(id: "Família", kind: .group, title: "Família"))
        #expect(r.items.issues.isEmpty)
        let m = r.items.messages
        #expect(m.count == 10)

        // The encryption notice, attributed to the chat name, is a system message.
        #expect(m[0].kind == .system)
        #expect(m[0].sender.id == WhatsAppExportParser.systemSenderID)
        #expect(m[0].fields["attributed_to"] == "Família")
        #expect(m[0].text?.hasPrefix("Messages and calls are end-to-end encrypted") == true)
        #expect(!m[0].raw.utf8Text.hasPrefix("\u{FEFF}"))
        #expect(m[0].raw.first == UInt8(ascii: "["))

        #expect(m[1].sentAt == Timestamp(seconds: epoch("2023-12-31T21:41:09Z")))
        #expect(m[2].kind == .image)
        #expect(m[2].text == nil)
        #expect(m[2].media.first?.note == "in export archive")
        #expect(m[2].media.first?.mediaType == "image/jpeg")
        #expect(m[3].kind == .file)
        #expect(m[3].text == "Terms.pdf • 3 pages")
        #expect(m[3].media.first?.name == "00000004-Terms.pdf")
        #expect(m[3].media.first?.note == "missing from the archive")
        #expect(m[4].kind == .image)
        #expect(m[4].media.first?.note == "omitted by the exporter")
        #expect(m[4].fields["placeholder"] == "image omitted")
        #expect(m[5].kind == .recall && m[5].text == nil)

        // Multi-line with a blank line; raw keeps CRLF between the lines, not after the last.
        #expect(m[6].text == "Line one\nline two\n\nline four")
        #expect(m[6].raw.utf8Text == "[01/01/2024, 00:02:00] Carla Dias: Line one\r\nline two\r\n\r\nline four")
        #expect(m[7].kind == .location && m[7].fields["latitude"] == "41.1579")
        #expect(m[8].kind == .system && m[8].text == "Bruno Alves added +351 912 345 678")
        // U+202A/U+202C around a phone-number author are not part of the id.
        #expect(m[9].sender == Party(id: "+351 912 345 678"))
        #expect(m[9].text == "Who is this?")
        #expect(m[9].sentAt == Timestamp(seconds: epoch("2024-01-02T09:15:30Z")))
    }

    @Test("German Android export: localized media, deletion, edit and system lines")
    func german() throws {
        let r = try parse("WhatsApp Chat mit Vertrieb.txt")
        #expect(r.conversation.id == "Vertrieb")
        #expect(r.conversation.kind == .group)
        #expect(r.dateOrder == .dayMonthYear)
        #expect(r.dateOrderReason.hasPrefix("day/month/year: a day value 30 appears in the first field at line 1"))
        #expect(r.items.issues.isEmpty)
        let m = r.items.messages
        #expect(m.map(\.kind) == [.system, .system, .system, .text, .file, .recall, .text, .image, .system, .system])
        #expect(m[4].media.first?.note == "omitted by the exporter")
        #expect(m[5].fields["placeholder"] == "Diese Nachricht wurde gelöscht")
        #expect(m[6].text == "Preis ist 12 €")
        #expect(m[6].fields["edited"] == "true")
        #expect(m[7].media.first?.name == "IMG-20231230-WA0007.jpg")
        #expect(m[7].media.first?.note == "missing from the archive")
        // A system line whose text has ": " inside quotes is not split into an author.
        #expect(m[8].text == "Max Weber hat den Betreff von „Vertrieb“ zu „Vertrieb: Q1“ geändert")
        #expect(m[8].sender.id == WhatsAppExportParser.systemSenderID)
        #expect(m[3].sentAt == Timestamp(seconds: epoch("2023-12-30T09:02:00Z")))
    }

    @Test("an ambiguous start is resolved by a later line of the whole file")
    func lateEvidence() throws {
        let r = try parse("WhatsApp Chat with Late Evidence.txt")
        // `/` with a 2-digit year would default to month/day; line 14 says otherwise.
        #expect(r.dateOrder == .dayMonthYear)
        #expect(r.dateOrderCertain)
        #expect(r.dateOrderReason.hasPrefix("day/month/year: a day value 23 appears in the first field at line 14"))
        let m = r.items.messages
        #expect(m[1].sentAt == Timestamp(seconds: epoch("2024-01-02T09:02:00Z")))
        #expect(m[4].text == "note 5\nand a second line for note 5")
    }

    @Test("a file with every value 12 or less falls back to the layout's default and says so")
    func allAmbiguous() throws {
        let r = try parse("WhatsApp Chat with Ambiguous.txt")
        #expect(r.dateOrder == .monthDayYear)
        #expect(!r.dateOrderCertain)
        #expect(r.dateOrderReason.contains("every day and month value is 12 or less"))
        #expect(r.dateOrderReason.contains("Android layout's usual order"))
        #expect(r.dateOrderReason.contains("confirm it or pass the order"))
        #expect(r.items.messages.first?.fields["date_order_certain"] == "false")
        #expect(r.items.messages.first?.sentAt == Timestamp(seconds: epoch("2024-01-02T10:00:00Z")))
        // The operator's answer is taken as given.
        let given = try parse("WhatsApp Chat with Ambiguous.txt", order: .dayMonthYear)
        #expect(given.dateOrderCertain)
        #expect(given.dateOrderReason == "day/month/year: given by the caller")
        #expect(given.items.messages.first?.sentAt == Timestamp(seconds: epoch("2024-02-01T10:00:00Z")))
    }

    @Test("when no value decides, the order under which the dates run forwards wins (chronology)")
    func chronology() {
        let text = """
            01/02/24, 10:00 - Ana: a
            02/01/24, 10:00 - Rui: b
            03/01/24, 10:00 - Ana: c
            """
        // As month/day: Jan 2, Feb 1, Mar 1 (forwards). As day/month: Feb 1, Jan 2, Jan 3 (one step back).
        let r = parser.parse(text: Data(text.utf8), fileName: "x.txt", mediaNames: [], timeZone: nil, account: "a", chatName: "x")
        #expect(r.dateOrder == .monthDayYear)
        #expect(!r.dateOrderCertain)
        #expect(r.dateOrderReason.contains("chronology"))
    }

    @Test("lines before the first message become issues with their line numbers")
    func garbage() throws {
        let r = try parse("WhatsApp Chat with Garbage.txt")
        #expect(r.items.issues == [ImportIssue(
            file: "WhatsApp Chat with Garbage.txt", line: 1, field: nil,
            reason: "not a message header, and no message precedes it to continue; line not imported")])
        #expect(r.counts.issues == 1)
        guard case .issue = r.items.first else {
            Issue.record("the issue should come first, in file order")
            return
        }
        let m = r.items.messages
        #expect(m.count == 2)
        #expect(m[0].sentAt == Timestamp(seconds: epoch("2023-12-31T23:59:00Z")))
        #expect(m[1].sentAt == Timestamp(seconds: epoch("2024-01-01T00:00:00Z")))
        #expect(!r.items.issues[0].reason.contains("ChatBackup"))
    }

    @Test("a header whose date contradicts the file's order is an issue, with its continuation lines")
    func contradictingDate() {
        let text = """
            13/01/24, 10:00 - Ana: a
            14/01/24, 10:00 - Rui: b
            01/31/24, 10:00 - Ana: c
            more of c
            15/01/24, 10:00 - Rui: d
            """
        let r = parser.parse(text: Data(text.utf8), fileName: "x.txt", mediaNames: [], timeZone: nil, account: "a", chatName: "x")
        #expect(r.dateOrder == .dayMonthYear)
        #expect(!r.dateOrderCertain)
        #expect(r.items.issues.map(\.line) == [3])
        #expect(r.items.issues.first?.field == "date")
        #expect(r.items.issues.first?.reason.contains("with its 1 continuation line") == true)
        #expect(r.items.messages.map(\.text) == ["a", "b", "d"])
    }

    @Test("parsing the same export twice gives the same messages and ids")
    func idempotent() throws {
        let a = try parse("WhatsApp Chat with Ana Lima.txt")
        let b = try parse("WhatsApp Chat with Ana Lima.txt")
        #expect(a.items.messages == b.items.messages)
        #expect(Set(a.items.messages.map(\.source)).count == a.items.messages.count)
    }

    @Test("a later, longer export of the same chat shares the ids of the messages both hold")
    func longerExport() throws {
        let full = try WhatsAppFixtures.data("export/WhatsApp Chat with Ana Lima.txt").utf8Text
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The shorter export stops after the first "ok" (line 11); the longer one adds a message in
        // that same minute and more after it, and starts later (its first two lines are gone).
        let short = lines[0 ..< 11].joined(separator: "\n") + "\n"
        let longer = (lines[2 ..< 12] + ["1/5/24, 8:00\u{202F}AM - Rui Costa: ok"] + lines[12...]).joined(separator: "\n")
        func ids(_ text: String) -> [String: String] {
            let r = parser.parse(
                text: Data(text.utf8), fileName: "WhatsApp Chat with Ana Lima.txt", mediaNames: [], timeZone: nil,
                account: "+447700900001", chatName: nil, dateOrder: .monthDayYear)
            #expect(r.items.issues.isEmpty)
            return Dictionary(r.items.messages.map { ($0.source.nativeID, $0.fields["local_time"]! + " " + ($0.text ?? "")) }, uniquingKeysWith: { a, _ in a })
        }
        let a = ids(short), b = ids(longer)
        let shared = Set(a.keys).intersection(b.keys)
        // Messages from line 3 on that both exports hold keep their ids.
        #expect(shared.count == a.count - 2)
        for id in shared { #expect(a[id] == b[id]) }
        #expect(b.count == a.count - 2 + 1 + 1 + (lines.count - 1 - 12))
    }

    @Test("the chat name comes from the file name in several languages", arguments: [
        ("WhatsApp Chat with Ana Lima.txt", "Ana Lima"), ("WhatsApp Chat - Família.zip", "Família"),
        ("WhatsApp-Chat mit Max.txt", "Max"), ("Chat de WhatsApp con Lucía.txt", "Lucía"),
        ("Discussion WhatsApp avec Éric.txt", "Éric"), ("Conversa do WhatsApp com João.txt", "João"),
        ("exports/WhatsApp Chat with Desk Team.txt", "Desk Team"),
    ])
    func chatNames(file: String, name: String) {
        #expect(WhatsAppExportParser.chatName(fromFileName: file) == name)
    }

    @Test("_chat.txt without a chat name uses the file name and still parses")
    func iosWithoutName() throws {
        let r = try parse("_chat.txt")
        #expect(r.conversation.id == "_chat")
        #expect(r.items.issues.isEmpty)
    }

    @Test("localized markers classify", arguments: [
        ("Ana: <Multimedia omitido>", MessageKind.file),
        ("Ana: <Médias omis>", .file),
        ("Ana: <Mídia oculta>", .file),
        ("Ana: <省略媒体文件>", .file),
        ("Ana: Se eliminó este mensaje", .recall),
        ("Ana: Ce message a été supprimé", .recall),
        ("Ana: Mensagem apagada", .recall),
        ("Ana: 此消息已删除", .recall),
        ("Ana: IMG-20240101-WA0001.jpg (archivo adjunto)", .image),
        ("Ana: DOC-20240101-WA0002.pdf (fichier joint)", .file),
        ("Ana: Contrato.pdf (arquivo anexado)", .file),
        ("Ana: STK-20240101-WA0003.webp (文件已附上)", .sticker),
        ("Ana creó el grupo \"Ventas\"", .system),
        ("Ana a ajouté Rui", .system),
        ("Ana saiu", .system),
        ("Ana 创建了群组“销售”", .system),
        ("Ana: Llamada perdida", .call),
        ("Ana: see you at the usual place", .text),
    ])
    func localized(line: String, kind: MessageKind) {
        let text = "01/02/2024, 10:00 - " + line + "\n"
        let r = parser.parse(text: Data(text.utf8), fileName: "x.txt", mediaNames: [], timeZone: nil, account: "a", chatName: "x")
        #expect(r.items.messages.first?.kind == kind)
        #expect(r.items.issues.isEmpty)
    }

    @Test("header forms from every locale family parse", arguments: [
        ("[3/27/22, 21:41:35] Ana: hi", "2022-03-27T21:41:35"),
        ("[27.03.22 21:41:35] Ana: hi", "2022-03-27T21:41:35"),
        ("[12.3.2022 klo 14.08.18] Ana: hi", "2022-03-12T14:08:18"),
        ("13. 6. 2018. 21:25:15 - Ana: hi", "2018-06-13T21:25:15"),
        ("[2018/06/13, 21:25:15] Ana: hi", "2018-06-13T21:25:15"),
        ("2016-08-26, 1:18 p.m. - Ana: hi", "2016-08-26T13:18:00"),
        ("01/30/2019, 08:49 p. m. - Ana: hi", "2019-01-30T20:49:00"),
        ("09/13/2023, 11:11 am - Ana: hi", "2023-09-13T11:11:00"),
        ("18-03-2022 14:56 - Ana: hi", "2022-03-18T14:56:00"),
        ("[3/27/2565 BE, 21:41:35] Ana: hi", "2022-03-27T21:41:35"),
        ("2023/1/13 下午9:41 - Ana: hi", "2023-01-13T21:41:00"),
        ("\u{200E}[١٨\u{200F}/٣\u{200F}/٢٠٢٢، ٢:٥٦:٠٠\u{00A0}م] Ana: hi", "2022-03-18T14:56:00"),
    ])
    func headerForms(line: String, local: String) {
        let r = parser.parse(text: Data((line + "\n").utf8), fileName: "x.txt", mediaNames: [], timeZone: nil, account: "a", chatName: "x")
        #expect(r.items.issues.isEmpty)
        #expect(r.items.messages.first?.fields["local_time"] == local)
        #expect(r.items.messages.first?.sender.id == "Ana")
        #expect(r.items.messages.first?.text == "hi")
    }

    @Test("a continuation line that starts with a date but no header separator stays a continuation")
    func dateLikeContinuation() {
        let text = """
            12/31/23, 9:41 PM - Ana: the schedule:
            1/2/24 board meeting
            1/3/24, 10:00 AM board dinner
            1/4/24, 9:00 AM - Rui: thanks
            """
        let r = parser.parse(text: Data(text.utf8), fileName: "x.txt", mediaNames: [], timeZone: nil, account: "a", chatName: "x")
        #expect(r.items.messages.map(\.text) == ["the schedule:\n1/2/24 board meeting\n1/3/24, 10:00 AM board dinner", "thanks"])
    }

    @Test("invalid UTF-8 is counted, decoded with U+FFFD, and kept byte-exact in raw")
    func invalidUTF8() {
        var bytes = Array("1/2/24, 9:00 AM - Ana: caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Array("\n".utf8))
        let r = parser.parse(text: Data(bytes), fileName: "x.txt", mediaNames: [], timeZone: nil, account: "a", chatName: "x")
        #expect(r.counts.invalidUTF8Lines == 1)
        #expect(r.items.messages.first?.text == "caf\u{FFFD}")
        #expect(r.items.messages.first?.raw == Data(bytes.dropLast()))
    }
}
