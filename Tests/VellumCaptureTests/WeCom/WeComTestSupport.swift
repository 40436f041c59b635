import Foundation
import Synchronization
import Testing
import VellumWeComFake
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

// MARK: - The fake SDK's documented test cipher (encrypt direction)

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

/// A message the test generated, with the plaintext the fake will return.
struct GeneratedMessage: Sendable {
    var record: FakeWeComRecord
    var plaintext: Data
}

typealias WeComFakeFixture = FakeWeComFixture

extension FakeWeComFixture {
    func makeSDK(secret: String = "test-secret") throws -> DynamicWeComSDK {
        try DynamicWeComSDK(libraryPath: try FakeSDKLibrary.path(), corpID: corpID, secret: secret)
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
        let record = FakeWeComRecord(
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
