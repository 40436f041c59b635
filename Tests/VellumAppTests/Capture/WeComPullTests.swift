import Foundation
import Synchronization
import Testing
@testable import VellumApp
import VellumCapture
import VellumCore
import VellumCrypto
import VellumStore
import VellumWeComFake
import _CryptoExtras

/// The WeCom puller end to end: the fake SDK loaded with dlopen, records RSA- and test-cipher-
/// encrypted, pulled into a real archive.
@Suite("Pulling WeCom through the SDK into the archive")
struct WeComPullTests {
    /// One RSA key for the suite (2048-bit generation is slow); published as publickey_ver 1.
    /// Immutable once made; swift-crypto's key is only read here.
    nonisolated(unsafe) static let key = try! _RSA.Encryption.PrivateKey(keySize: .bits2048)

    static func record(seq: UInt64, json: String, version: UInt32 = 1) -> FakeWeComRecord {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        let random = (0 ..< 32).map { _ in alphabet.randomElement()! }
        return FakeWeComRecord(
            seq: seq, msgid: "msg-\(seq)", publickey_ver: version,
            encrypt_random_key: try! key.publicKey.encrypt(random, padding: ._WEAK_AND_INSECURE_PKCS_V1_5).base64EncodedString(),
            encrypt_chat_msg: FakeWeComCipher.encrypt(Array(json.utf8), key: random))
    }

    static func text(_ seq: UInt64, _ content: String) -> String {
        #"{"msgid":"msg-\#(seq)","action":"send","from":"zhangwei","tolist":["wmClient\#(seq % 9)"],"roomid":"","msgtime":\#(1_718_600_000_000 + seq * 1000),"msgtype":"text","text":{"content":"\#(content)"}}"#
    }

    static func setUp(_ t: TestArchive, _ fixture: FakeWeComFixture, batch: Int = 1000) throws -> WeComCaptureConfiguration {
        try WeComCaptureService(archive: t.archive).addKey(version: 1, pem: key.pemRepresentation, actor: "admin")
        let secret = t.folder.appendingPathComponent("wecom.secret")
        try "test-secret\n".write(to: secret, atomically: true, encoding: .utf8)
        var config = WeComCaptureConfiguration(
            corp_id: fixture.corpID, sdk_library: try FakeSDKLibrary.path(), secret_file: secret.path)
        config.batch_limit = batch
        return config
    }

    struct Crash: Error {}

    @Test("2,000 records: a crash after a commit and before the cursor moves, then a restart, leave every message exactly once")
    func crashAndRestart() async throws {
        let t = try TestArchive()
        let fixture = try FakeWeComFixture()
        let count: UInt64 = 2_000
        try fixture.append((1 ... count).map { Self.record(seq: $0, json: Self.text($0, "报价 #\($0) quote")) })
        let config = try Self.setUp(t, fixture, batch: 500)
        let service = WeComCaptureService(archive: t.archive)
        let batches = Mutex(0)
        await #expect(throws: Crash.self) {
            _ = try await service.pull(config, afterCommit: { _ in
                let n = batches.withLock { $0 += 1; return $0 }
                if n == 2 { throw Crash() }  // batch 2 is durable, its cursor never saved
            })
        }
        #expect(try service.health(corp: config.corp_id).cursor == 500)
        #expect(try t.archive.store.read { try $0.recordCount() } == 1_000)
        let health = try await service.pull(config)
        #expect(health.cursor == count && health.gaps.isEmpty)
        #expect(try t.archive.store.read { try $0.recordCount() } == Int(count))
        for seq: UInt64 in [1, 777, 2_000] {
            #expect(try t.archive.store.read { tx in
                try tx.containsRecord(sourceKey: t.archive.sourceKey(SourceRef(channel: .wecom, account: config.corp_id, nativeID: "msg-\(seq)")))
            })
        }
        #expect(try t.search("\"#777\"").total == 1)
        #expect(try t.verify().ok)
    }

    @Test("an unknown key version is quarantined with its reason, a seq gap and a refusal of consent are reported, media is fetched and md5-checked")
    func health() async throws {
        let t = try TestArchive()
        let fixture = try FakeWeComFixture()
        let photo = Array("JPEG bytes of a signed contract".utf8)
        let md5 = LegacyInsecureDigest.md5Hex(photo)
        try fixture.writeMedia(fileID: "SDKFILE-1", bytes: photo)
        try fixture.writeMedia(fileID: "SDKFILE-2", bytes: Array("tampered".utf8))
        try fixture.append([
            Self.record(seq: 1, json: Self.text(1, "hello")),
            Self.record(seq: 2, json: #"{"msgid":"msg-2","action":"send","from":"wmClient1","tolist":["zhangwei"],"roomid":"","msgtime":1718600002000,"msgtype":"image","image":{"md5sum":"\#(md5)","filesize":\#(photo.count),"sdkfileid":"SDKFILE-1"}}"#),
            Self.record(seq: 3, json: #"{"msgid":"msg-3","action":"send","from":"wmClient1","tolist":["zhangwei"],"roomid":"","msgtime":1718600003000,"msgtype":"image","image":{"md5sum":"\#(md5)","filesize":8,"sdkfileid":"SDKFILE-2"}}"#),
            Self.record(seq: 4, json: Self.text(4, "old key"), version: 9),
            Self.record(seq: 8, json: #"{"msgid":"msg-8","action":"send","from":"zhangwei","tolist":["wmClient1"],"roomid":"","msgtime":1718600008000,"msgtype":"hologram","hologram":{"title":"3D"}}"#),
            Self.record(seq: 7, json: #"{"msgid":"msg-7","action":"send","from":"wmRefuser","tolist":["zhangwei"],"roomid":"","msgtime":1718600007000,"msgtype":"disagree","disagree":{"userid":"wmRefuser","disagree_time":1718600007000}}"#),
        ])
        let config = try Self.setUp(t, fixture)
        let health = try await WeComCaptureService(archive: t.archive).pull(config)
        #expect(health.cursor == 8 && health.records == 6)
        #expect(health.unknown_types == ["hologram": 1])
        #expect(health.gaps == [.init(from: 5, to: 6)])
        #expect(health.quarantined_by_reason.count == 1)
        #expect(health.quarantined_by_reason.keys.first?.contains("publickey_ver 9") == true)
        #expect(health.contacts_without_consent == ["wmRefuser"])
        #expect(try QuarantineService(archive: t.archive).list().first?.format == WeComCaptureService.recordFormat)
        let viewer = RecordViewer(archive: t.archive)
        func view(_ seq: Int) throws -> RecordView {
            try viewer.show(t.archive.recordID(SourceRef(channel: .wecom, account: config.corp_id, nativeID: "msg-\(seq)")).rawValue, actor: "t")
        }
        #expect(try view(2).attachments.first?.size == photo.count)
        // A file whose md5 does not match is not attached; the reference stays, saying why.
        let tampered = try view(3)
        #expect(tampered.attachments.isEmpty && tampered.media.first?.note?.contains("fetch failed") == true)
        #expect(try t.verify().ok)
    }

    @Test("a server not on the IP whitelist stops the puller with the admin's instructions, kept in capture health")
    func fatal() async throws {
        let t = try TestArchive()
        let fixture = try FakeWeComFixture()
        try fixture.append([Self.record(seq: 1, json: Self.text(1, "hi"))])
        try fixture.writeFaults(["ip"])
        let config = try Self.setUp(t, fixture)
        let service = WeComCaptureService(archive: t.archive)
        await #expect(throws: VellumError.self) { _ = try await service.pull(config) }
        let health = try service.health(corp: config.corp_id)
        #expect(health.last_error?.lowercased().contains("whitelist") == true)
        #expect(health.cursor == 0)
    }
}
