import Foundation
import Logging
import ServiceLifecycle
import Testing
import VellumApp
import VellumStore
import VellumWeComFake
import _CryptoExtras
@testable import VellumServer

@Suite("The WeCom puller as a service of the server")
struct WeComPullJobTests {
    @Test("it pulls at start, picks up records added later at the next poll, and stops on graceful shutdown")
    func followsAndStops() async throws {
        let h = try await ServerHarness()
        let key = try _RSA.Encryption.PrivateKey(keySize: .bits2048)
        func record(_ seq: UInt64) throws -> FakeWeComRecord {
            let random = Array("0123456789abcdefghijklmnopqrstuv".utf8)
            let json = #"{"msgid":"msg-\#(seq)","action":"send","from":"zhangwei","tolist":["wmClient1"],"roomid":"","msgtime":\#(1_718_600_000_000 + seq * 1000),"msgtype":"text","text":{"content":"报价 \#(seq)"}}"#
            return FakeWeComRecord(
                seq: seq, msgid: "msg-\(seq)", publickey_ver: 1,
                encrypt_random_key: try key.publicKey.encrypt(random, padding: ._WEAK_AND_INSECURE_PKCS_V1_5).base64EncodedString(),
                encrypt_chat_msg: FakeWeComCipher.encrypt(Array(json.utf8), key: random))
        }
        let fixture = try FakeWeComFixture()
        try fixture.append(try (1 ... 3).map(record))
        try WeComCaptureService(archive: h.archive).addKey(version: 1, pem: key.pemRepresentation, actor: "admin")
        let secret = h.folder.appendingPathComponent("wecom.secret")
        try "test-secret\n".write(to: secret, atomically: true, encoding: .utf8)
        let config = WeComCaptureConfiguration(corp_id: fixture.corpID, sdk_library: try FakeSDKLibrary.path(), secret_file: secret.path)

        // As `vellum serve` runs it: pulled at start, on every callback wake, and by the poll.
        let trigger = WakeTrigger()
        let archive = h.archive
        let pull = WeComPullService(trigger: trigger, logger: Logger(label: "test")) {
            let health = try await WeComCaptureService(archive: archive).pull(config)
            return "seq \(health.cursor)"
        }
        let poll = PeriodicJob(name: "WeCom poll", interval: .milliseconds(200), logger: Logger(label: "test")) {
            trigger.wake()
            return ""
        }
        let group = ServiceGroup(services: [pull, poll], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        func count() throws -> Int { try h.archive.store.read { try $0.recordCount() } }
        for _ in 0 ..< 100 where try count() < 3 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try count() == 3)
        try fixture.append([try record(4)])
        for _ in 0 ..< 100 where try count() < 4 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(try count() == 4, "a record added while the server runs is pulled at the next poll")
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(try WeComCaptureService(archive: h.archive).health(corp: fixture.corpID).cursor == 4)
    }
}
