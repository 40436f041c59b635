import Foundation
import Testing
@testable import VellumApp
import VellumCapture
import VellumCore
import VellumCrypto
import VellumExport
import VellumMediaFetch
import VellumStore
import Synchronization

/// Media downloads end to end: webhook capture queues the file, a pass fetches it from fake
/// servers on loopback over real HTTP, and the archive holds it sealed as a `media` revision.
@Suite("Media downloads", .serialized)
struct MediaDownloadTests {
    typealias F = MediaFixture

    @Test("a WhatsApp image is fetched with the bearer token, sha256-checked, sealed as a revision and readable")
    func whatsappSuccess() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        let content = F.content("wa-ok")
        let sha = Digest.sha256(content)
        let message = try F.captureWhatsApp(
            F.whatsappImage(wamid: "wamid.OK1", mediaID: "7001", sha256Base64: sha.base64EncodedString()), into: t)
        let queued = try MediaRetryService(archive: t.archive).jobs()
        #expect(queued.map(\.handle) == ["7001"])
        #expect(queued.first?.sha256 == sha.hexString)
        let before = try F.recordCount(t)

        let report = try await server.run {
            server.whatsAppMedia(id: "7001", content: content, sha256: sha.hexString)
            return try await MediaRetryService(archive: t.archive).run(fetcher: F.fetcher(server, client))
        }
        try await client.shutdown()

        #expect(report.downloaded == 1 && report.pending_left == 0 && report.failed_left == 0)
        #expect(try F.recordCount(t) == before + 1)
        #expect(server.seen.withLock { $0.allSatisfy { $0.authorization == "Bearer \(F.whatsappToken)" } })
        let (record, arrival, bytes) = try #require(try F.arrival(of: message, handle: "7001", in: t))
        #expect(bytes == content)
        #expect(record.kind == .media)
        #expect(arrival.media_of == "wamid.OK1")
        #expect(arrival.attachments.first?.sha256 == sha.hexString)
        #expect(arrival.attachments.first?.media_type == "image/jpeg")

        // The original is untouched and lists the arrival among its versions.
        let original = try t.archive.store.read { try $0.record(sourceKey: t.archive.sourceKey(message.source)) }!
        let view = try RecordViewer(archive: t.archive).show(original.id.rawValue, actor: "tester")
        #expect(view.media.first?.handle == "7001")
        #expect(view.attachments.isEmpty)
        #expect(view.versions.map(\.kind) == ["message", "media"])
        let arrivalView = try RecordViewer(archive: t.archive).show(record.id.rawValue, actor: "tester")
        #expect(arrivalView.attachments.first?.size == content.count)
        #expect(arrivalView.inclusion_proof.verified)
        #expect(try t.verify().problems.isEmpty)

        // No plaintext of the file anywhere in the data folder.
        #expect(try t.allBytes().range(of: content.prefix(64)) == nil)
    }

    @Test("a downloaded file travels in exports, which verify on their own")
    func exportCarriesTheFile() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        let content = F.content("wa-export")
        _ = try F.captureWhatsApp(F.whatsappImage(wamid: "wamid.EXP", mediaID: "7100"), into: t)
        _ = try await server.run {
            server.whatsAppMedia(id: "7100", content: content, sha256: Digest.sha256(content).hexString)
            return try await MediaRetryService(archive: t.archive).run(fetcher: F.fetcher(server, client))
        }
        try await client.shutdown()
        let out = t.folder.appendingPathComponent("export")
        let summary = try ExportService(archive: t.archive).export(
            .query("channel:whatsapp"), formats: Set(ExportFormat.allCases), to: out, mask: false, actor: "counsel")
        #expect(summary.records == 2)
        #expect(ExportVerifier.verify(folder: out, trustedPublicKeyHex: t.archive.keys.signing.publicKey.hexString).problems.isEmpty)
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }
        #expect(try files.contains { try Data(contentsOf: $0) == content })
    }

    @Test("only webhook formats queue downloads: export files name paths in their own folder", arguments: [
        ("telegram-bot", Channel.telegram, 1), ("whatsapp-cloud", .whatsapp, 1), ("telegram-export", .telegram, 0),
        ("whatsapp-export", .whatsapp, 0), ("signal-cli", .signal, 0), ("jsonl", .whatsapp, 0),
    ])
    func queuedFormats(format: String, channel: Channel, expected: Int) {
        let m = Message(
            source: SourceRef(channel: channel, account: "a", nativeID: "m1"), conversation: .init(id: "c", kind: .direct),
            sentAt: Timestamp(seconds: 1), sender: Party(id: "p"), media: [MediaReference(handle: "photos/photo_1.jpg")],
            format: format, raw: Data())
        #expect(MediaJob.jobs(for: m, at: 0).count == expected)
    }

    @Test("a Telegram document is fetched through getFile and the file path, and sealed")
    func telegramSuccess() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        let content = F.content("tg-ok", size: 3000)
        let lines = TelegramUpdateParser().parse(
            F.telegramDocument(messageID: 55, fileID: "BQACAgIAAxk-file55", size: content.count), file: "webhook", line: 1,
            connection: "desk_bot")
        try F.ingest(lines, into: t)
        guard case .message(let message) = lines.first else { Issue.record("no message"); return }

        let report = try await server.run {
            server.script(
                "/bot\(F.telegramToken)/getFile?file_id=BQACAgIAAxk-file55",
                .init(status: 200, body: server.json(["ok": true, "result": [
                    "file_id": "BQACAgIAAxk-file55", "file_unique_id": "u55", "file_size": content.count,
                    "file_path": "documents/file_55.pdf",
                ]])))
            server.script("/file/bot\(F.telegramToken)/documents/file_55.pdf", .init(status: 200, body: content))
            return try await MediaRetryService(archive: t.archive).run(fetcher: F.fetcher(server, client))
        }
        try await client.shutdown()
        #expect(report.downloaded == 1)
        let (_, arrival, bytes) = try #require(try F.arrival(of: message, handle: "BQACAgIAAxk-file55", in: t))
        #expect(bytes == content)
        #expect(arrival.attachments.first?.name == "memo.pdf")
        #expect(arrival.attachments.first?.media_type == "application/pdf")
        #expect(try t.allBytes().range(of: content.prefix(64)) == nil)
    }

    @Test("bytes that do not match the sha256 are refused: the download fails, visibly, and nothing is archived")
    func sha256Mismatch() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        let content = F.content("wa-bad")
        let claimed = Digest.sha256(Data("something else".utf8))
        let message = try F.captureWhatsApp(F.whatsappImage(wamid: "wamid.BAD", mediaID: "7002"), into: t)
        let report = try await server.run {
            server.whatsAppMedia(id: "7002", content: content, sha256: claimed.base64EncodedString())
            return try await MediaRetryService(archive: t.archive).run(fetcher: F.fetcher(server, client))
        }
        try await client.shutdown()
        #expect(report.failed == 1 && report.downloaded == 0)
        #expect(try F.arrival(of: message, handle: "7002", in: t) == nil)
        let job = try #require(try MediaRetryService(archive: t.archive).jobs().first)
        #expect(job.state == .failed)
        #expect(job.last_error?.contains("sha256 mismatch") == true)
        let health = try CaptureHealthService(archive: t.archive).report(now: t.archive.nowMilliseconds)
        #expect(health.media.first?.failed_media == 1)
        #expect(try t.allBytes().range(of: content.prefix(64)) == nil)
    }

    @Test("an expired media id (404) is a permanent failure shown in capture health, not retried")
    func notFoundIsPermanent() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        _ = try F.captureWhatsApp(F.whatsappImage(wamid: "wamid.GONE", mediaID: "7404"), into: t)
        let (first, second) = try await server.run {
            let service = MediaRetryService(archive: t.archive)
            let first = try await service.run(fetcher: F.fetcher(server, client, attemptsPerPass: 3))
            let second = try await service.run(fetcher: F.fetcher(server, client), now: Int64.max)
            return (first, second)
        }
        try await client.shutdown()
        #expect(first.failed == 1 && first.failed_left == 1)
        #expect(second.attempted == 0)
        #expect(server.requests(matching: "/v21.0/7404") == 1)  // a 404 is not retried within the pass either
        let health = try CaptureHealthService(archive: t.archive).report(now: t.archive.nowMilliseconds)
        let media = try #require(health.media.first)
        #expect(media.channel == .whatsapp && media.account == F.phoneNumberID)
        #expect(media.failed_media == 1 && media.pending_media == 0)
        #expect(media.last_error?.contains("HTTP 404") == true)
    }

    @Test("a 500 leaves the download pending with its reason; a later pass succeeds")
    func serverErrorThenSuccess() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        let content = F.content("wa-retry")
        let message = try F.captureWhatsApp(F.whatsappImage(wamid: "wamid.RETRY", mediaID: "7500"), into: t)
        let service = MediaRetryService(archive: t.archive)
        let (first, early, second) = try await server.run {
            server.whatsAppMedia(id: "7500", content: content, sha256: Digest.sha256(content).hexString)
            let metadata = server.scripts.withLock { $0["/v21.0/7500"]![0] }
            server.script("/v21.0/7500", .init(status: 500, body: Data("oops".utf8)), metadata)
            let first = try await service.run(fetcher: F.fetcher(server, client, attemptsPerPass: 1))
            let pending = try service.jobs()
            #expect(pending.first?.state == .pending && pending.first?.attempts == 1)
            #expect(pending.first?.last_error?.contains("HTTP 500") == true)
            let early = try await service.run(fetcher: F.fetcher(server, client))  // not due yet
            let second = try await service.run(fetcher: F.fetcher(server, client), now: Int64.max)
            return (first, early, second)
        }
        try await client.shutdown()
        #expect(first.retry_later == 1 && first.pending_left == 1)
        #expect(early.attempted == 0)
        #expect(second.downloaded == 1 && second.pending_left == 0)
        #expect(try F.arrival(of: message, handle: "7500", in: t)?.2 == content)
    }

    @Test("a 500 is retried within the pass when the schedule allows it")
    func inPassRetry() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        let content = F.content("wa-inpass")
        _ = try F.captureWhatsApp(F.whatsappImage(wamid: "wamid.INPASS", mediaID: "7501"), into: t)
        let report = try await server.run {
            server.whatsAppMedia(id: "7501", content: content, sha256: Digest.sha256(content).hexString)
            server.script("/lookaside/7501?ext=1", .init(status: 503, body: Data()), .init(status: 200, body: content))
            return try await MediaRetryService(archive: t.archive).run(fetcher: F.fetcher(server, client, attemptsPerPass: 2))
        }
        try await client.shutdown()
        #expect(report.downloaded == 1)
        #expect(server.requests(matching: "/lookaside/7501") == 2)
    }

    @Test("the Telegram bot token never shows in errors, capture health or the data folder")
    func tokenRedacted() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        try F.ingest(
            TelegramUpdateParser().parse(
                F.telegramDocument(messageID: 56, fileID: "BQAC-file56", size: 10), file: "webhook", line: 1,
                connection: "desk_bot"),
            into: t)
        _ = try await server.run {
            server.script("/bot\(F.telegramToken)/getFile?file_id=BQAC-file56", .init(status: 200, body: server.json([
                "ok": true, "result": ["file_id": "BQAC-file56", "file_path": "documents/f56.pdf", "file_size": 10],
            ])))
            server.script("/file/bot\(F.telegramToken)/documents/f56.pdf", .init(status: 502, body: Data()))
            return try await MediaRetryService(archive: t.archive).run(fetcher: F.fetcher(server, client, attemptsPerPass: 1))
        }
        try await client.shutdown()
        let job = try #require(try MediaRetryService(archive: t.archive).jobs().first)
        #expect(job.last_error?.contains("HTTP 502") == true)
        let health = try JSONEncoder().encode(try CaptureHealthService(archive: t.archive).report(now: t.archive.nowMilliseconds))
        for text in [job.last_error ?? "", String(decoding: health, as: UTF8.self)] {
            #expect(!text.contains(F.telegramToken))
            #expect(!text.contains("AAH-telegram"))
        }
        #expect(try t.allBytes().range(of: Data(F.telegramToken.utf8)) == nil)
    }

    @Test("a client error quoting the URL has the token taken out")
    func redactsURLsInClientErrors() async throws {
        struct Leaky: MediaHTTPClient {
            func get(_ request: MediaHTTPRequest) async throws -> MediaHTTPResponse {
                throw MediaFetchError(.transport, "connection reset while fetching \(request.url) with \(request.headers.map(\.value))")
            }
        }
        let fetcher = MediaFetcher(
            client: Leaky(),
            secrets: MediaSecrets(
                whatsapp: .init(graphBase: "http://127.0.0.1:9", accessToken: F.whatsappToken),
                telegram: .init(apiBase: "http://127.0.0.1:9", botTokens: ["desk_bot": F.telegramToken])),
            schedule: MediaRetrySchedule(attemptsPerPass: 1))
        for target in [
            MediaFetchTarget(channel: .telegram, account: "desk_bot", handle: "X1"),
            MediaFetchTarget(channel: .whatsapp, account: F.phoneNumberID, handle: "X2"),
        ] {
            let error = await #expect(throws: MediaFetchError.self) { try await fetcher.fetch(target) }
            #expect(error?.code == .transport)
            #expect(error?.reason.contains(MediaSecrets.redactedMark) == true)
            #expect(error?.reason.contains(F.telegramToken) == false)
            #expect(error?.reason.contains(F.whatsappToken) == false)
        }
    }

    @Test("downloads are idempotent: a second pass, a re-delivery or a re-queued job adds nothing")
    func idempotent() async throws {
        let t = try TestArchive()
        let server = FakeMediaServer(bearer: F.whatsappToken)
        let client = AsyncHTTPMediaClient()
        let content = F.content("wa-idem")
        let body = F.whatsappImage(wamid: "wamid.IDEM", mediaID: "7600", sha256Base64: Digest.sha256(content).base64EncodedString())
        _ = try F.captureWhatsApp(body, into: t)
        let service = MediaRetryService(archive: t.archive)
        let (again, requeued) = try await server.run {
            server.whatsAppMedia(id: "7600", content: content, sha256: Digest.sha256(content).hexString)
            _ = try await service.run(fetcher: F.fetcher(server, client))
            let count = try F.recordCount(t)
            let again = try await service.run(fetcher: F.fetcher(server, client), now: Int64.max)
            _ = try F.captureWhatsApp(body, into: t)  // Meta re-delivers the webhook
            #expect(try service.jobs().isEmpty)
            // As if the process died after committing the file but before dequeuing its job.
            let job = MediaJob.jobs(for: try F.captureWhatsApp(body, into: t), at: 0)
            try t.archive.store.write { try MediaQueue(archive: t.archive).add(job, $0) }
            let requeued = try await service.run(fetcher: F.fetcher(server, client), now: Int64.max)
            #expect(try F.recordCount(t) == count)
            return (again, requeued)
        }
        try await client.shutdown()
        #expect(again.attempted == 0)
        #expect(requeued.already_archived == 1 && requeued.downloaded == 0)
        #expect(server.requests(matching: "/lookaside/7600") == 1)
    }
}
