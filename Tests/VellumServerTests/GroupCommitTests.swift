import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationCompat
import Testing
import VellumApp
import VellumStore
@testable import VellumServer

@Suite("Webhook group commit")
struct GroupCommitTests {
    @Test("200 deliveries in parallel (50 of them re-deliveries) are each stored exactly once, each request getting its own outcome")
    func concurrentDeliveries() async throws {
        let h = try await ServerHarness { try WebhookFixtures.configure(&$0) }
        let distinct = 150
        try await h.test { client in
            let outcomes = try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status, [String: Int]).self) { group in
                for i in 0 ..< 200 {
                    group.addTask {
                        let n = i % distinct
                        let body = WebhookFixtures.whatsappBody(id: "wamid.parallel\(n)", text: "parallel delivery number \(n)")
                        let r = try await client.execute(
                            uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
                        return (i, r.status, (try? r.json() as? [String: Int]) ?? [:])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count == 200)
            #expect(outcomes.allSatisfy { $0.1 == .ok })
            // Each request is answered for its own message: one item, imported or already held.
            #expect(outcomes.allSatisfy { ($0.2["imported"] ?? 0) + ($0.2["duplicates"] ?? 0) == 1 })
            #expect(outcomes.map { $0.2["imported"] ?? 0 }.reduce(0, +) == distinct)
            #expect(outcomes.map { $0.2["duplicates"] ?? 0 }.reduce(0, +) == 200 - distinct)
        }
        #expect(try h.archive.store.read { try $0.recordCount() } == distinct)
        let batches = await h.server.ingestQueue.batches
        let deliveries = await h.server.ingestQueue.deliveries
        #expect(deliveries == 200)
        #expect(batches < 200, "concurrent deliveries should share commits")
        // Every record is in the ledger once.
        let captures = try AuditTrailService(archive: h.archive).recent(types: [.capture], limit: 1000)
        #expect(captures.count == distinct)
        // The tree-head file, written after the commits off their path, covers the whole ledger.
        let size = try h.archive.store.read { try $0.ledgerSize() }
        #expect(CheckpointFile.read(from: h.dir.checkpoint)?.size == size)
    }

    @Test("a batch that cannot be committed fails every request in it, and nothing is acknowledged")
    func failedCommit() async throws {
        struct Broken: Error {}
        let h = try await ServerHarness()
        let queue = WebhookIngestQueue(archive: h.archive, maxItems: 10, window: .milliseconds(1)) { throw Broken() }
        let body = WebhookFixtures.whatsappBody(id: "wamid.x", text: "x")
        let items = ImportFormat.whatsappCloud.items(body, file: "t", line: 1)
        await #expect(throws: Broken.self) { try await queue.submit(items, logger: Logger(label: "test")) }
        // The queue is usable afterwards (the lead was released).
        await #expect(throws: Broken.self) { try await queue.submit(items, logger: Logger(label: "test")) }
    }

    @Test("deliveries larger than the batch limit are committed whole, one batch each")
    func largeDeliveries() async throws {
        let h = try await ServerHarness {
            try WebhookFixtures.configure(&$0)
            $0.webhooks.groupCommitMaxItems = 2
        }
        try await h.test { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for d in 0 ..< 4 {
                    group.addTask {
                        let body = WebhookFixtures.whatsappBody((0 ..< 3).map { ("wamid.big\(d)-\($0)", "part \($0)") })
                        let r = try await client.execute(
                            uri: "/webhooks/whatsapp", method: .post, headers: WebhookFixtures.signed(body), body: ByteBuffer(data: body))
                        #expect(try r.json() as? [String: Int] == ["imported": 3, "duplicates": 0, "quarantined": 0])
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(try h.archive.store.read { try $0.recordCount() } == 12)
        #expect(await h.server.ingestQueue.batches == 4)
    }
}
