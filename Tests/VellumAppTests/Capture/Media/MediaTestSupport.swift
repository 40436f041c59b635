import Foundation
import Testing
@testable import VellumApp
import VellumCapture
import VellumCore
import VellumCrypto
import VellumMediaFetch
import VellumStore
import Synchronization

/// Webhook payloads of the project's own with media, the tokens the fakes expect, and ways to
/// read what the archive made of a download.
enum MediaFixture {
    static let whatsappToken = "EAAG-wa-test-token-7f3c9e"
    static let telegramToken = "123456:AAH-telegram-test-token-Zq9"
    static let phoneNumberID = "1122334455667"

    /// Distinctive bytes, so a search of the data folder for them means something.
    static func content(_ label: String, size: Int = 4096) -> Data {
        var out = Data("VELLUM-MEDIA-PLAINTEXT-\(label)-".utf8)
        var x: UInt32 = 2_463_534_242
        while out.count < size {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            out.append(UInt8(truncatingIfNeeded: x))
        }
        return out
    }

    static func whatsappImage(wamid: String, mediaID: String, sha256Base64: String? = nil) -> Data {
        let image = ["id": mediaID, "mime_type": "image/jpeg"].merging(sha256Base64.map { ["sha256": $0] } ?? [:]) { a, _ in a }
        let body: [String: Any] = [
            "object": "whatsapp_business_account",
            "entry": [[
                "id": "1234567890987654321",
                "changes": [[
                    "field": "messages",
                    "value": [
                        "messaging_product": "whatsapp",
                        "metadata": ["display_phone_number": "85291230001", "phone_number_id": phoneNumberID],
                        "contacts": [["profile": ["name": "Tom Baker"], "wa_id": "447700900123"]],
                        "messages": [["from": "447700900123", "id": wamid, "timestamp": "1772532000", "type": "image", "image": image]],
                    ],
                ]],
            ]],
        ]
        return try! JSONSerialization.data(withJSONObject: body)
    }

    static func telegramDocument(messageID: Int, fileID: String, size: Int) -> Data {
        let update: [String: Any] = [
            "update_id": 900 + messageID,
            "message": [
                "message_id": messageID, "date": 1_772_600_000,
                "chat": ["id": -100_123, "type": "supergroup", "title": "Desk chat"],
                "from": ["id": 100_200_301, "is_bot": false, "first_name": "Priya"],
                "document": ["file_id": fileID, "file_unique_id": "u-\(fileID)", "file_name": "memo.pdf",
                             "mime_type": "application/pdf", "file_size": size],
            ],
        ]
        return try! JSONSerialization.data(withJSONObject: update)
    }

    /// Captures parsed lines as the webhook routes do.
    @discardableResult
    static func ingest(_ lines: [ParsedLine], into t: TestArchive) throws -> [ItemOutcome] {
        let items: [IncomingItem] = lines.map {
            switch $0 {
            case .message(let m): .message(m)
            case .issue(let issue): .unreadable(issue, raw: Data(), format: "test")
            }
        }
        return try Ingestor(archive: t.archive).ingest(items)
    }

    static func captureWhatsApp(_ body: Data, into t: TestArchive) throws -> Message {
        let lines = WhatsAppWebhookParser().parse(body: body, file: "webhook", line: 1)
        try ingest(lines, into: t)
        guard case .message(let m) = lines.first else { Issue.record("no message parsed"); throw CancellationError() }
        return m
    }

    static func fetcher(
        _ server: FakeMediaServer, _ client: AsyncHTTPMediaClient, attemptsPerPass: Int = 2
    ) -> MediaFetcher {
        MediaFetcher(
            client: client,
            secrets: MediaSecrets(
                whatsapp: .init(graphBase: server.base, apiVersion: "v21.0", accessToken: whatsappToken),
                telegram: .init(apiBase: server.base, botTokens: ["desk_bot": telegramToken])),
            limits: .init(maxBytes: 1 << 20, timeout: .seconds(10)),
            schedule: MediaRetrySchedule(attemptsPerPass: attemptsPerPass, inPassDelay: .milliseconds(5)))
    }

    /// The media-arrival record of `job`'s message, opened, and its file's bytes decrypted.
    static func arrival(of message: Message, handle: String, in t: TestArchive) throws -> (StoredRecord, ArchivedMessage, Data)? {
        let source = message.source.sibling("\(message.source.nativeID)#media:\(handle)")
        guard let record = try t.archive.store.read({ try $0.record(sourceKey: t.archive.sourceKey(source)) }) else { return nil }
        let opened = try t.archive.open(record).message
        let key = try #require(try t.archive.recordDataKey(record))
        let file = try #require(opened.attachments.first)
        let sealed = try #require(try t.archive.blobs.get(file.blob))
        return (record, opened, try key.open(sealed, context: Archive.blobContext(scope: record.scope)))
    }

    static func recordCount(_ t: TestArchive) throws -> Int { try t.archive.store.read { try $0.recordCount() } }
}
