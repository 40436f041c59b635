import Foundation
import Testing
import VellumCapture
import VellumWeComFake

@Suite("WeComPuller end to end through the fake .so")
struct WeComPullerTests {
    private static let bigCount = 2_500

    private func makePuller(
        sdk: any WeComSDK, keyring: WeComKeyring? = nil, after cursor: UInt64 = 0, archive: MemoryArchive,
        configuration: WeComPuller.Configuration = .init(timeout: .seconds(5)), sleeper: any WeComSleeper = RecordingSleeper(),
        events: EventLog? = nil
    ) throws -> WeComPuller {
        let keyring = try keyring ?? MessageFactory.keyring()
        var onEvent: (@Sendable (WeComPullerEvent) -> Void)?
        if let events { onEvent = { events.record($0) } }
        return WeComPuller(
            sdk: sdk, keyring: keyring, startingAfter: cursor, configuration: configuration,
            sleeper: sleeper, unitRandom: { 0 }, onEvent: onEvent,
            sink: { batch in try await archive.store(batch) })
    }

    @Test("Thousands of messages are pulled in batches of ≤ 1000, decrypted exactly, cursor at the end")
    func pullsEverything() async throws {
        let fixture = try WeComFakeFixture()
        let messages = MessageFactory.make(count: Self.bigCount)
        try fixture.append(messages.map(\.record))
        let recording = LimitRecordingSDK(try fixture.makeSDK())
        let archive = MemoryArchive()
        // Ask for more than the vendor allows: the puller must clamp, never send > 1000.
        let puller = try makePuller(sdk: recording, archive: archive, configuration: .init(batchLimit: 5_000, timeout: .seconds(5)))

        try await puller.run(until: .caughtUp)

        #expect(await archive.count == Self.bigCount)
        #expect(await archive.sortedSeqs == Array(1...UInt64(Self.bigCount)))
        #expect(await archive.batchSizes == [1000, 1000, 500])
        #expect(await archive.durableCursor == UInt64(Self.bigCount))
        #expect(await puller.cursor == UInt64(Self.bigCount))
        #expect(recording.limits.allSatisfy { $0 <= 1000 })
        #expect(recording.limits == [1000, 1000, 1000, 1000])  // 3 batches + the empty one
        let stored = await archive.recordsByMsgID
        for message in messages {
            let record = try #require(stored[message.record.msgid])
            #expect(record.plaintext == message.plaintext)
            #expect(record.publicKeyVersion == 1)
            #expect(record.seq == message.record.seq)
        }
        // Raw control characters come through untouched (no sanitizing in the capture layer).
        #expect(stored[messages[49].record.msgid]?.plaintext?.contains(0x01) == true)
        // The raw record is kept as received.
        let raw = try #require(stored[messages[0].record.msgid]?.rawRecordJSON)
        #expect(String(decoding: raw, as: UTF8.self).contains(messages[0].record.encrypt_chat_msg))
    }

    @Test("A sink that dies mid-batch, then a restart from the durable cursor, stores every message exactly once")
    func crashAndRestart() async throws {
        let count = 2_300
        let fixture = try WeComFakeFixture()
        let messages = MessageFactory.make(count: count)
        try fixture.append(messages.map(\.record))
        let sdk = try fixture.makeSDK()
        let archive = MemoryArchive(crashOnBatch: 2)

        let first = try makePuller(sdk: sdk, archive: archive)
        await #expect(throws: MemoryArchive.SimulatedCrash.self) { try await first.run(until: .caughtUp) }
        // Batch 1 committed; batch 2 half-written without its cursor; the puller did not advance.
        #expect(await first.cursor == 1000)
        #expect(await archive.durableCursor == 1000)
        #expect(await archive.count == 1500)

        // "Restart": a new SDK instance and puller from the durable cursor.
        let restarted = try makePuller(sdk: try fixture.makeSDK(), after: await archive.durableCursor, archive: archive)
        try await restarted.run(until: .caughtUp)

        #expect(await archive.count == count)
        #expect(await archive.sortedSeqs == Array(1...UInt64(count)))
        #expect(await archive.duplicateDeliveries == 500)  // the half-written part came again and was deduplicated
        #expect(await archive.durableCursor == UInt64(count))
    }

    @Test("Injected network and system faults are retried with capped exponential backoff")
    func networkFaultsRetried() async throws {
        let fixture = try WeComFakeFixture()
        try fixture.writeFaults(["network 3", "system 2"])
        try fixture.append(MessageFactory.make(count: 20).map(\.record))
        let archive = MemoryArchive()
        let sleeper = RecordingSleeper()
        let events = EventLog()
        let configuration = WeComPuller.Configuration(
            timeout: .seconds(5), backoff: WeComBackoff(initial: .seconds(1), maximum: .seconds(8), multiplier: 2))
        let puller = try makePuller(
            sdk: try fixture.makeSDK(), archive: archive, configuration: configuration, sleeper: sleeper, events: events)

        try await puller.run(until: .caughtUp)

        #expect(await archive.count == 20)
        #expect(sleeper.delays == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        #expect(events.retries.map(\.code) == [.network, .network, .network, .system, .system])
        #expect(events.retries.map(\.attempt) == [1, 2, 3, 4, 5])
    }

    @Test("Jitter shortens delays by at most the jitter fraction")
    func jitter() {
        let backoff = WeComBackoff(initial: .seconds(1), maximum: .seconds(60), multiplier: 2, jitterFraction: 0.5)
        #expect(backoff.delay(forAttempt: 3, unitRandom: 0) == .seconds(4))
        #expect(backoff.delay(forAttempt: 3, unitRandom: 0.5) == .seconds(3))
        #expect(backoff.delay(forAttempt: 100, unitRandom: 0) == .seconds(60))
        #expect(backoff.delay(forAttempt: 100, unitRandom: 0.999_999) > .seconds(30))
    }

    @Test("A retry limit, when configured, surfaces the retryable error")
    func retryLimit() async throws {
        let fixture = try WeComFakeFixture()
        try fixture.writeFaults(["network 100"])
        let archive = MemoryArchive()
        let puller = try makePuller(
            sdk: try fixture.makeSDK(), archive: archive,
            configuration: .init(timeout: .seconds(5), maxConsecutiveRetries: 4))
        let error = await #expect(throws: WeComSDKError.self) { try await puller.pullOnce() }
        #expect(error?.code == .network)
    }

    @Test("The ip fault stops the puller with the whitelist admin message; nothing is committed")
    func illegalIPIsFatal() async throws {
        let fixture = try WeComFakeFixture()
        try fixture.writeFaults(["ip"])
        try fixture.append(MessageFactory.make(count: 5).map(\.record))
        let archive = MemoryArchive()
        let sleeper = RecordingSleeper()
        let puller = try makePuller(sdk: try fixture.makeSDK(), archive: archive, sleeper: sleeper)

        let error = await #expect(throws: WeComSDKError.self) { try await puller.run(until: .cancelled) }
        #expect(error?.code == .illegalIP)
        #expect(error?.classification == .fatal)
        #expect(error?.adminMessage.contains("whitelist") == true)
        #expect(await archive.count == 0)
        #expect(await puller.cursor == 0)
        #expect(sleeper.delays.isEmpty)
    }

    @Test("Server errcodes in the JSON: 40001 stops as a bad secret, -1 is retried")
    func serverErrcodes() async throws {
        let fixture = try WeComFakeFixture()
        try fixture.writeFaults(["errcode 40001"])
        let puller = try makePuller(sdk: try fixture.makeSDK(), archive: MemoryArchive())
        let error = await #expect(throws: WeComSDKError.self) { try await puller.pullOnce() }
        #expect(error?.code == .invalidSecret)

        let busy = try WeComFakeFixture()
        try busy.writeFaults(["errcode -1"])
        let sleeper = RecordingSleeper()
        let retrying = try self.makePuller(
            sdk: try busy.makeSDK(), archive: MemoryArchive(),
            configuration: .init(timeout: .seconds(5), maxConsecutiveRetries: 2), sleeper: sleeper)
        let busyError = await #expect(throws: WeComSDKError.self) { try await retrying.pullOnce() }
        #expect(busyError?.classification == .retryable)
        #expect(sleeper.delays.count == 2)
    }

    @Test("A record with an unknown publickey_ver is quarantined and the rest continue")
    func unknownKeyVersionQuarantined() async throws {
        let fixture = try WeComFakeFixture()
        var records = MessageFactory.make(count: 30).map(\.record)
        records[9] = MessageFactory.make(seq: 10, key: .other, version: 99).record
        try fixture.append(records)
        let archive = MemoryArchive()
        let puller = try makePuller(sdk: try fixture.makeSDK(), archive: archive)

        try await puller.run(until: .caughtUp)

        #expect(await archive.count == 30)
        let stored = await archive.recordsByMsgID
        let quarantined = stored.values.filter { $0.quarantineReason != nil }
        #expect(quarantined.map(\.seq) == [10])
        let reason = try #require(quarantined.first?.quarantineReason)
        #expect(reason.code == .noPrivateKeyForVersion(99))
        #expect(reason.classification == .quarantineRecord)
        #expect(quarantined.first?.publicKeyVersion == 99)
        #expect(quarantined.first?.rawRecordJSON == (try JSONEncoder().encodeSorted(records[9])))
        #expect(stored.values.filter { $0.plaintext != nil }.count == 29)
        #expect(await archive.durableCursor == 30)
    }

    @Test("A record whose ciphertext is garbage is quarantined with 10006; others decrypt")
    func garbageCiphertextQuarantined() async throws {
        let fixture = try WeComFakeFixture()
        var records = MessageFactory.make(count: 12).map(\.record)
        records[4].encrypt_chat_msg = "Z2FyYmFnZSBnYXJiYWdlIGdhcmJhZ2U="
        records[7].encrypt_chat_msg = "!!not base64!!"
        try fixture.append(records)
        let archive = MemoryArchive()
        let puller = try makePuller(sdk: try fixture.makeSDK(), archive: archive)

        try await puller.run(until: .caughtUp)

        let stored = await archive.recordsByMsgID
        #expect(stored.count == 12)
        let quarantined = stored.values.filter { $0.quarantineReason != nil }.sorted { $0.seq < $1.seq }
        #expect(quarantined.map(\.seq) == [5, 8])
        #expect(quarantined.allSatisfy { $0.quarantineReason?.code == .decryptFailed })
        #expect(quarantined.allSatisfy { $0.quarantineReason?.vendorCode == 10006 })
    }

    @Test("run(until: .cancelled) waits when idle and pulls again on wake()")
    func wakeUp() async throws {
        let fixture = try WeComFakeFixture()
        try fixture.append(MessageFactory.make(count: 5).map(\.record))
        let archive = MemoryArchive()
        let events = EventLog()
        let puller = try makePuller(
            sdk: try fixture.makeSDK(), archive: archive,
            configuration: .init(timeout: .seconds(5), pollInterval: .seconds(3600)), sleeper: WeComTaskSleeper(),
            events: events)
        let task = Task { try await puller.run(until: .cancelled) }

        try await waitUntil { await archive.count == 5 }
        try fixture.append(MessageFactory.make(count: 5, firstSeq: 6).map(\.record))
        puller.wake()  // what the msgaudit_notify callback does
        try await waitUntil { await archive.count == 10 }
        #expect(await puller.cursor == 10)

        task.cancel()
        try await task.value  // returns normally on cancellation
    }

    @Test("Concurrent pulls on one puller are refused")
    func concurrentPullRefused() async throws {
        let fixture = try WeComFakeFixture()
        try fixture.append(MessageFactory.make(count: 3).map(\.record))
        let gate = AsyncGate()
        let puller = WeComPuller(
            sdk: try fixture.makeSDK(), keyring: try MessageFactory.keyring(), startingAfter: 0,
            sink: { _ in await gate.wait() })
        let first = Task { try await puller.pullOnce() }
        try await waitUntil { await gate.isWaiting }
        await #expect(throws: WeComPullerError.alreadyPulling) { try await puller.pullOnce() }
        await gate.open()
        #expect(try await first.value.records.count == 3)
    }
}

extension JSONEncoder {
    /// The fixture writer's encoding (sorted keys, unescaped slashes).
    func encodeSorted(_ record: FakeWeComRecord) throws -> Data {
        outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encode(record)
    }
}

/// Polls `condition` every 10 ms for up to 20 s.
func waitUntil(_ condition: @Sendable () async -> Bool) async throws {
    for _ in 0..<2000 {
        if await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("condition not met within 20 s")
}

actor AsyncGate {
    private var continuation: CheckedContinuation<Void, Never>?
    private var opened = false

    var isWaiting: Bool { continuation != nil }

    func wait() async {
        if opened { return }
        await withCheckedContinuation { continuation = $0 }
    }

    func open() {
        opened = true
        continuation?.resume()
        continuation = nil
    }
}
