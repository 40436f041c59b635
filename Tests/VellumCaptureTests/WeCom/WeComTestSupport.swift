import Foundation
import Synchronization
import Testing
import VellumCapture
import _CryptoExtras

// MARK: - Static fixtures (read via #filePath, not bundle resources)

enum WeComFixtures {
    /// `Tests/VellumCaptureTests/Fixtures/WeCom/`, found relative to this source file.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // WeCom/
        .deletingLastPathComponent()  // VellumCaptureTests/
        .appendingPathComponent("Fixtures/WeCom", isDirectory: true)

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func string(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }
}

// MARK: - Locating the fake SDK library

enum FakeSDKLibrary {
    static let fileName = "libWeWorkFinanceSdkFake.so"

    /// `$VELLUM_WECOM_SDK`, else `libWeWorkFinanceSdkFake.so` in the folder of `/proc/self/exe`
    /// (SwiftPM puts the dynamic library product beside the test bundle).
    static func path() throws -> String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["VELLUM_WECOM_SDK"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        Issue.record("\(fileName) not found beside \(executable); set VELLUM_WECOM_SDK")
        throw CocoaError(.fileNoSuchFile)
    }
}

// MARK: - The fake SDK's documented test cipher (encrypt direction)

enum FakeWeComCipher {
    static func encrypt(_ plaintext: [UInt8], key: [UInt8]) -> String {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
        var checksum: UInt32 = 0x811c_9dc5
        for byte in plaintext {
            checksum ^= UInt32(byte)
            checksum = checksum &* 0x0100_0193
        }
        var body = plaintext
        body += [UInt8(checksum >> 24), UInt8((checksum >> 16) & 0xff), UInt8((checksum >> 8) & 0xff), UInt8(checksum & 0xff)]
        for i in body.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            body[i] ^= UInt8(truncatingIfNeeded: state >> 56)
        }
        return Data(Array("VFK1".utf8) + body).base64EncodedString()
    }

    /// The fake's media file name for an sdkfileid: FNV-1a-64, 16 lowercase hex digits.
    static func mediaFileName(forFileID fileID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fileID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

// MARK: - RSA key pairs (generated once per test process)

/// A generated RSA key pair. `@unchecked Sendable`: immutable, and swift-crypto's backing key is Sendable.
final class TestRSAKeyPair: @unchecked Sendable {
    let privateKey: _RSA.Encryption.PrivateKey

    init() {
        privateKey = try! _RSA.Encryption.PrivateKey(keySize: .bits2048)
    }

    var pkcs1PEM: String { privateKey.pemRepresentation }
    var pkcs8PEM: String { privateKey.pkcs8PEMRepresentation }

    /// base64(RSAES-PKCS1-v1_5(publicKey, bytes)), like WeCom's `encrypt_random_key`.
    func encryptRandomKey(_ bytes: [UInt8]) -> String {
        try! privateKey.publicKey.encrypt(bytes, padding: ._WEAK_AND_INSECURE_PKCS_V1_5).base64EncodedString()
    }

    static let primary = TestRSAKeyPair()
    static let other = TestRSAKeyPair()
}

// MARK: - Fixture directories for the fake SDK

struct FixtureRecord: Codable, Sendable {
    var seq: UInt64
    var msgid: String
    var publickey_ver: UInt32
    var encrypt_random_key: String
    var encrypt_chat_msg: String
}

/// A message the test generated, with the plaintext the fake will return.
struct GeneratedMessage: Sendable {
    var record: FixtureRecord
    var plaintext: Data
}

/// A temporary fixture directory for one fake SDK instance (`corpid = "fake:" + path`).
final class WeComFakeFixture: Sendable {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vellum-wecom-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("media"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    var corpID: String { "fake:" + directory.path }

    func makeSDK(secret: String = "test-secret") throws -> DynamicWeComSDK {
        try DynamicWeComSDK(libraryPath: try FakeSDKLibrary.path(), corpID: corpID, secret: secret)
    }

    func writeFaults(_ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("faults"), atomically: true, encoding: .utf8)
    }

    /// Appends records to `chatdata.jsonl` (one compact JSON object a line).
    func append(_ records: [FixtureRecord]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = Data()
        for record in records {
            text += try encoder.encode(record)
            text += Data("\n".utf8)
        }
        let url = directory.appendingPathComponent("chatdata.jsonl")
        if FileManager.default.fileExists(atPath: url.path) {
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: text)
            try handle.close()
        } else {
            try text.write(to: url)
        }
    }

    func writeMedia(fileID: String, bytes: [UInt8]) throws {
        try Data(bytes).write(
            to: directory.appendingPathComponent("media").appendingPathComponent(FakeWeComCipher.mediaFileName(forFileID: fileID)))
    }
}

enum MessageFactory {
    /// Text messages with seq `first…first+count-1`, each with its own random key encrypted to `key`
    /// (published as `version`).
    static func make(
        count: Int, firstSeq: UInt64 = 1, key: TestRSAKeyPair = .primary, version: UInt32 = 1
    ) -> [GeneratedMessage] {
        (0..<count).map { offset in
            let seq = firstSeq + UInt64(offset)
            return make(seq: seq, key: key, version: version)
        }
    }

    static func make(seq: UInt64, key: TestRSAKeyPair = .primary, version: UInt32 = 1) -> GeneratedMessage {
        let msgid = "CAQQ\(seq)GOn2rYSAgAMg\(seq % 97)="
        // Every 50th message carries a raw control character inside a JSON string, as WeCom sometimes
        // does: the bytes must come through unchanged.
        let content = seq % 50 == 0 ? "line one\u{01}raw control 你好 #\(seq)" : "hello #\(seq) 你好"
        let escapedContent = content.replacingOccurrences(of: "\"", with: "\\\"")
        let json =
            "{\"msgid\":\"\(msgid)\",\"action\":\"send\",\"from\":\"user\(seq % 7)\",\"tolist\":[\"peer\(seq % 5)\"],"
            + "\"roomid\":\"\",\"msgtime\":\(1_700_000_000_000 + seq),\"msgtype\":\"text\",\"text\":{\"content\":\"\(escapedContent)\"}}"
        let plaintext = Array(json.utf8)
        let randomKey = randomKeyBytes()
        let record = FixtureRecord(
            seq: seq, msgid: msgid, publickey_ver: version,
            encrypt_random_key: key.encryptRandomKey(randomKey),
            encrypt_chat_msg: FakeWeComCipher.encrypt(plaintext, key: randomKey))
        return GeneratedMessage(record: record, plaintext: Data(plaintext))
    }

    /// 32 alphanumeric ASCII bytes (never NUL), like the vendor's per-message keys.
    static func randomKeyBytes() -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        return (0..<32).map { _ in alphabet.randomElement()! }
    }

    static func keyring() throws -> WeComKeyring {
        try WeComKeyring(pemByVersion: [1: TestRSAKeyPair.primary.pkcs1PEM])
    }
}

// MARK: - Test doubles

/// An in-memory archive standing in for the main package's store. Batches commit atomically, except when
/// told to "crash": then it durably keeps part of the batch and throws before committing the cursor.
actor MemoryArchive {
    struct SimulatedCrash: Error {}

    private(set) var recordsByMsgID: [String: WeComPulledRecord] = [:]
    private(set) var durableCursor: UInt64 = 0
    private(set) var batchSizes: [Int] = []
    private(set) var duplicateDeliveries = 0
    private var batchesSeen = 0
    private let crashOnBatch: Int?

    init(crashOnBatch: Int? = nil) {
        self.crashOnBatch = crashOnBatch
    }

    func store(_ batch: WeComPulledBatch) throws {
        batchesSeen += 1
        batchSizes.append(batch.records.count)
        if batchesSeen == crashOnBatch {
            // A non-transactional store died halfway: half the records hit disk, the cursor did not.
            for record in batch.records.prefix(batch.records.count / 2) { insert(record) }
            throw SimulatedCrash()
        }
        for record in batch.records { insert(record) }
        durableCursor = batch.nextCursor
    }

    private func insert(_ record: WeComPulledRecord) {
        if recordsByMsgID[record.msgid] == nil {
            recordsByMsgID[record.msgid] = record
        } else {
            duplicateDeliveries += 1
        }
    }

    var count: Int { recordsByMsgID.count }

    var sortedSeqs: [UInt64] { recordsByMsgID.values.map(\.seq).sorted() }
}

/// Records requested sleeps and returns at once.
final class RecordingSleeper: WeComSleeper {
    private let recorded = Mutex<[Duration]>([])

    var delays: [Duration] { recorded.withLock { $0 } }

    func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
        try Task.checkCancellation()
    }
}

/// Wraps an SDK and records every `limit` the puller asks for.
final class LimitRecordingSDK: WeComSDK {
    let base: any WeComSDK
    private let recorded = Mutex<[Int]>([])

    init(_ base: any WeComSDK) { self.base = base }

    var limits: [Int] { recorded.withLock { $0 } }

    func chatData(after seq: UInt64, limit: Int, timeout: Duration) throws -> Data {
        recorded.withLock { $0.append(limit) }
        return try base.chatData(after: seq, limit: limit, timeout: timeout)
    }

    func decrypt(randomKey: [UInt8], encryptedMessage: String) throws -> Data {
        try base.decrypt(randomKey: randomKey, encryptedMessage: encryptedMessage)
    }

    func mediaChunk(index: String, fileID: String, timeout: Duration) throws -> WeComMediaChunk {
        try base.mediaChunk(index: index, fileID: fileID, timeout: timeout)
    }
}

/// Collects puller events.
final class EventLog: Sendable {
    private let recorded = Mutex<[WeComPullerEvent]>([])

    func record(_ event: WeComPullerEvent) { recorded.withLock { $0.append(event) } }

    var retries: [(code: WeComSDKError.Code, attempt: Int, delay: Duration)] {
        recorded.withLock { events in
            events.compactMap { event in
                if case .retrying(let error, let attempt, let delay) = event { (error.code, attempt, delay) } else { nil }
            }
        }
    }
}
