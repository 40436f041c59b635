import Foundation
import Testing
import VellumCapture
import VellumCore
@testable import VellumServer

@Suite("vellum serve --config: webhook settings from YAML")
struct ServerConfigFileTests {
    /// A folder with `vellum.yaml` (mode 600 unless told) and any secret files given.
    final class Folder: @unchecked Sendable {  // a temporary folder, written once then read
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-config-\(UUID().uuidString)")
        init(_ yaml: String, files: [String: String] = [:], mode: Int = 0o600) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, text) in files.merging(["vellum.yaml": yaml], uniquingKeysWith: { a, _ in a }) {
                let path = url.appendingPathComponent(name).path
                FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
                try FileManager.default.setAttributes([.posixPermissions: name == "vellum.yaml" ? mode : 0o600], ofItemAtPath: path)
            }
        }
        var config: String { url.appendingPathComponent("vellum.yaml").path }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let full = """
        webhooks:
          max_body_bytes: 262144
          group_commit: {max_items: 500, max_wait_ms: 3}
          whatsapp:
            app_secrets: [first-secret, second-secret]
            verify_token_file: verify.token
          telegram:
            connections:
              desk:
                secret_token_file: desk.secret
                account: desk_bot
              sales:
                secret_token: sales-token_2
          wecom:
            token: hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo
            encoding_aes_key_file: wecom.key
            corp_id: ww1436e0e65a779aee
        """

    @Test("a complete file fills every channel; secrets come inline or from files beside it")
    func complete() throws {
        let folder = try Folder(Self.full, files: [
            "verify.token": "verify-me\n", "desk.secret": "desk-token_1\n", "wecom.key": "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt\n",
        ])
        var settings = ServerSettings()
        let warnings = try ServerConfigFile.load(folder.config, into: &settings)
        #expect(warnings.isEmpty)
        #expect(settings.maxWebhookBody == 262144)
        #expect(settings.webhooks.groupCommitMaxItems == 500)
        #expect(settings.webhooks.groupCommitWindow == .milliseconds(3))
        #expect(settings.webhooks.whatsapp?.appSecrets == [Data("first-secret".utf8), Data("second-secret".utf8)])
        #expect(settings.webhooks.whatsapp?.verifyToken == "verify-me")
        #expect(settings.webhooks.telegram.keys.sorted() == ["desk", "sales"])
        #expect(settings.webhooks.telegram["desk"]?.account == "desk_bot")
        #expect(settings.webhooks.telegram["sales"]?.account == "sales")
        try settings.webhooks.telegram["desk"]?.secret.verify(header: "desk-token_1")
        #expect(settings.webhooks.wecom?.crypt.receiveID == "ww1436e0e65a779aee")
        #expect(settings.webhooks.wecom?.puller == nil)
    }

    @Test("a file that group or others can read is accepted with a warning naming it")
    func permissions() throws {
        let folder = try Folder("webhooks: {whatsapp: {app_secrets: [s], verify_token: t}}", mode: 0o644)
        var settings = ServerSettings()
        let warnings = try ServerConfigFile.load(folder.config, into: &settings)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(folder.config) == true)
        #expect(warnings.first?.contains("644") == true)
    }

    @Test("a wrong file refuses to start, naming the file, the line and the key, never the secret", arguments: [
        ("webhooks:\n  whatsapp:\n    app_secret: [topsecret]\n    verify_token: t\n", "vellum.yaml:3", "webhooks.whatsapp.app_secret"),
        ("webhooks:\n  whatsapp:\n    app_secrets: [topsecret]\n", "vellum.yaml:3", "verify_token"),
        ("webhooks:\n  whatsapp:\n    app_secrets: [topsecret]\n    verify_token: topsecret\n    verify_token_file: x\n", "vellum.yaml:5", "verify_token_file"),
        ("webhooks:\n  telegram:\n    connections:\n      desk:\n        secret_token: top secret!\n", "vellum.yaml:5", "webhooks.telegram.connections.desk.secret_token"),
        ("webhooks:\n  telegram:\n    connections:\n      \"a/b\":\n        secret_token: ok\n", "vellum.yaml:5", "webhooks.telegram.connections.a/b"),
        ("webhooks:\n  wecom:\n    token: topsecret\n    encoding_aes_key: short\n    corp_id: ww1\n", "vellum.yaml:4", "webhooks.wecom.encoding_aes_key"),
        ("webhooks:\n  wecom:\n    token: topsecret\n    encoding_aes_key_file: missing.key\n    corp_id: ww1\n", "vellum.yaml:4", "encoding_aes_key_file"),
        ("webhooks:\n  max_body_bytes: lots\n", "vellum.yaml:2", "webhooks.max_body_bytes"),
        ("webhooks:\n  whatsapp: [topsecret\n", "vellum.yaml", "not valid YAML"),
        ("webhook:\n  whatsapp: {}\n", "vellum.yaml:1", "webhook"),
    ])
    func refused(yaml: String, location: String, key: String) throws {
        let folder = try Folder(yaml)
        var settings = ServerSettings()
        let error = #expect(throws: VellumError.self) { try ServerConfigFile.load(folder.config, into: &settings) }
        #expect(error?.code == .configuration)
        let reason = error?.reason ?? ""
        #expect(reason.contains(folder.url.appendingPathComponent(location).path), "\(reason)")
        #expect(reason.contains(key), "\(reason)")
        #expect(!reason.contains("topsecret"), "\(reason)")
    }

    @Test("a missing file is named")
    func missing() {
        var settings = ServerSettings()
        let error = #expect(throws: VellumError.self) { try ServerConfigFile.load("/nonexistent/vellum.yaml", into: &settings) }
        #expect(error?.reason.contains("/nonexistent/vellum.yaml") == true)
    }
}
