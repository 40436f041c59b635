import Foundation
import Testing
import VellumCapture
import VellumCore

/// The real exports in the reference samples, read by absolute path (never copied: whats_json is
/// GPL-3.0). Skipped when the samples are not on this machine.
@Suite("WhatsApp exports: reference samples (skipped when absent)", .enabled(if: WhatsAppFixtures.samplesPresent))
struct WhatsAppExportSampleTests {
    static let dir = WhatsAppFixtures.samples + "/whatsapp_export/"

    func parse(_ relative: String, chatName: String? = nil) throws -> WhatsAppExportResult {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.dir + relative))
        return WhatsAppExportParser().parse(
            text: data, fileName: (relative as NSString).lastPathComponent, mediaNames: [], timeZone: nil, account: "me",
            chatName: chatName)
    }

    @Test("every sample parses with no issues", arguments: [
        "whats_json/arabic_ios.txt", "whats_json/buddhist_calendar_ios.txt", "whats_json/czech_ios.txt",
        "whats_json/deutch_android_media.txt", "whats_json/english_android_media.txt", "whats_json/english_ios_media.txt",
        "whats_json/french_ios.txt", "whats_json/group_chat_android.txt", "whats_json/hindi_ios.txt",
        "whats_json/japanese_ios.txt", "whats_json/russian_android.txt", "whats_json/spanish_ios.txt",
        "chat_miner/test_bracketed_mmddyy_24hrs.txt", "chat_miner/test_ddmmyy_24hrs.txt", "chat_miner/test_mmddyy_24hrs.txt",
        "chat_miner/test_mmddyyyy_12hrs.txt", "chat_miner/test_yyyymmdd_24hrs.txt", "pustur/short-chat.txt",
    ])
    func noIssues(file: String) throws {
        let r = try parse(file)
        #expect(r.items.issues.isEmpty, "\(r.items.issues)")
        #expect(r.counts.messages > 0)
        let ids = r.items.messages.map(\.source)
        #expect(Set(ids).count == ids.count)
    }

    @Test("the iOS samples in eight languages classify media, deletions and notices alike", arguments: [
        "english_ios_media.txt", "buddhist_calendar_ios.txt", "french_ios.txt", "czech_ios.txt", "spanish_ios.txt",
        "japanese_ios.txt", "arabic_ios.txt", "hindi_ios.txt",
    ])
    func iosLanguages(file: String) throws {
        let r = try parse("whats_json/" + file)
        let m = r.items.messages
        #expect(r.layout == .ios)
        #expect(r.dateOrder == (file == "arabic_ios.txt" ? .dayMonthYear : .monthDayYear))
        // First line: the encryption notice, attributed to the contact.
        #expect(m[0].kind == .system)
        #expect(m[0].fields["attributed_to"] != nil)
        #expect(m[1].text == "Hello World")
        #expect(m[1].sentAt.rfc3339.hasPrefix("2022-03-27T21:41:35"))
        // Photo, photo, video, audio placeholders.
        #expect(m[2 ... 5].map(\.kind) == [.image, .image, .video, .audio])
        #expect(m[2 ... 5].allSatisfy { $0.media.count == 1 })
        // Venue, emoji, contact card, two stickers, three documents.
        #expect(m[6].kind == .location)
        #expect(m[8].kind == .contact)
        #expect(m[9].kind == .sticker && m[10].kind == .sticker)
        #expect(m[11 ... 13].allSatisfy { $0.kind == .file })
        #expect(m[11].text == "Some file.txt")
        // "You deleted this message." and "This message was deleted."
        #expect(m[14].kind == .recall)
        #expect(m.filter { $0.kind == .recall }.count == (file == "buddhist_calendar_ios.txt" ? 3 : 2))
        #expect(m[22].kind == .location)
        #expect(m[22].fields["latitude"] != nil)
        #expect(r.counts.mediaOmitted + r.counts.mediaMissingFromArchive >= 12)
        #expect(m.allSatisfy { $0.kind != .text || !($0.text ?? "").hasPrefix("\u{200E}") })
    }

    @Test("Arabic-Indic digits, U+200F and the Arabic PM marker read as 24-hour time")
    func arabic() throws {
        let r = try parse("whats_json/arabic_ios.txt")
        let m = r.items.messages
        #expect(m[0].fields["local_time"] == "2022-03-18T14:56:00")
        // The number as shown, NBSPs included (the pipeline normalizes phone numbers).
        #expect(m[0].fields["attributed_to"] == "+40\u{00A0}521\u{00A0}028\u{00A0}61\u{00A0}88")
        #expect(m[1].fields["local_time"] == "2022-03-27T21:41:35")
        #expect(r.dateOrderReason.contains("a day value 18 appears in the first field at line 1"))
    }

    @Test("the Buddhist-era year 2565 is 2022")
    func buddhist() throws {
        let m = try parse("whats_json/buddhist_calendar_ios.txt").items.messages
        #expect(m[0].fields["local_time"] == "2022-03-18T14:56:01")
        #expect(m.last?.fields["local_time"] == "2023-01-12T15:35:15")
    }

    @Test("English iOS: attached media, security-code notices and the chat's own notices")
    func englishIOS() throws {
        let r = try parse("whats_json/english_ios_media.txt", chatName: "Elon Musk")
        let m = r.items.messages
        #expect(r.conversation.kind == .direct)
        #expect(m[2].media.first?.name == "00000035-PHOTO-2022-03-27-21-41-55.jpg")
        #expect(m[2].media.first?.note == "missing from the archive")
        #expect(m[12].text == "Resume-Dmitry-Starkov.pdf • 2 pages")
        #expect(m.suffix(2).allSatisfy { $0.kind == .system && $0.fields["attributed_to"] == "Elon Musk" })
        #expect(m.last?.text == "Your security code with Elon changed. Tap to learn more.")
        // Recipients in a direct chat: the other side (the chat's name).
        #expect(m[1].recipients == [Party(id: "Elon Musk")])
        // With the archive's files, the same export attaches them.
        let withMedia = WhatsAppExportParser().parse(
            text: try Data(contentsOf: URL(fileURLWithPath: Self.dir + "whats_json/english_ios_media.txt")), fileName: "_chat.txt",
            mediaNames: ["00000035-PHOTO-2022-03-27-21-41-55.jpg"], timeZone: nil, account: "me", chatName: "Elon Musk")
        #expect(withMedia.mediaInArchive == [.init(itemIndex: 2, fileName: "00000035-PHOTO-2022-03-27-21-41-55.jpg")])
        #expect(withMedia.items.messages.map(\.source) == m.map(\.source))
    }

    @Test("English and Dutch Android with media: attached files, captions, deletions, calls, view-once")
    func android() throws {
        for (file, calls) in [("english_android_media.txt", 2), ("deutch_android_media.txt", 2), ("russian_android.txt", 2)] {
            let r = try parse("whats_json/" + file)
            let m = r.items.messages
            #expect(r.layout == .android)
            #expect(r.dateOrder == .dayMonthYear)
            #expect(m[0].kind == .system)
            #expect(m.filter { $0.kind == .call }.count == calls, "\(file)")
            #expect(m.filter { $0.kind == .recall }.count >= 4, "\(file)")
            #expect(m.contains { $0.kind == .location && $0.fields["latitude"] != nil }, "\(file)")
            #expect(m.contains { $0.kind == .contact }, "\(file)")
        }
        let en = try parse("whats_json/english_android_media.txt").items.messages
        #expect(en[3].text == "Caption")
        #expect(en[6].kind == .audio && en[6].media.first?.name == "PTT-20220323-WA0000.opus")
        #expect(en.contains { $0.nativeType == "view_once" })
        #expect(en.contains { $0.kind == .location && $0.fields["venue_url"] != nil })
    }

    @Test("a group whose dates never exceed 12 falls back to day/month and says it is not certain")
    func groupChat() throws {
        let r = try parse("whats_json/group_chat_android.txt", chatName: "Group Chat XXX")
        #expect(r.conversation.kind == .group)
        #expect(r.dateOrder == .dayMonthYear)
        #expect(!r.dateOrderCertain)
        // Non-chronological system lines keep file order and their own times.
        let m = r.items.messages
        #expect(m[0].fields["local_time"] == "2023-01-11T16:13:00")
        #expect(m[1].fields["local_time"] == "2023-01-11T16:11:00")
        #expect(m.filter { $0.kind == .system }.count == 16)
    }

    @Test("chat-miner's five header formats give its expected authors, times and texts")
    func chatMiner() throws {
        struct Target: Decodable {
            var timestamp: String
            var author: String
            var message: String
        }
        let targets = try JSONDecoder().decode(
            [Target].self, from: Data(contentsOf: URL(fileURLWithPath: Self.dir + "chat_miner/target.json")))
        for file in [
            "test_bracketed_mmddyy_24hrs.txt", "test_ddmmyy_24hrs.txt", "test_mmddyy_24hrs.txt",
            "test_mmddyyyy_12hrs.txt", "test_yyyymmdd_24hrs.txt",
        ] {
            let r = try parse("chat_miner/" + file)
            let got = r.items.messages.filter { $0.kind == .text }.map {
                Target(timestamp: $0.fields["local_time"]!, author: $0.sender.id, message: ($0.text ?? "").replacingOccurrences(of: "\n", with: " "))
            }
            let want = targets.reversed()
            #expect(got.map(\.timestamp) == want.map(\.timestamp), "\(file)")
            #expect(got.map(\.author) == want.map(\.author), "\(file)")
            #expect(got.map(\.message) == want.map(\.message), "\(file)")
        }
    }

    @Test("Pustur's short chat: a phone-number author and a multi-line message")
    func pustur() throws {
        let r = try parse("pustur/short-chat.txt")
        let m = r.items.messages
        #expect(r.conversation.kind == .group)
        #expect(m.last?.sender.id == "+410123456789")
        #expect(m.last?.text == "How are you?\nIs everything alright?")
    }
}
