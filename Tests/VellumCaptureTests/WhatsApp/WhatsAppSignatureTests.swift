import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("WhatsApp webhook handshake")
struct WhatsAppHandshakeTests {
    @Test("a subscribe request with the right token gets its challenge back")
    func accepts() {
        let outcome = WhatsAppWebhookVerification.respond(
            mode: "subscribe", verifyToken: "s3cret-token", challenge: "1158201444", expectedToken: "s3cret-token")
        #expect(outcome == .accept(challenge: "1158201444"))
        #expect(outcome.httpStatus == 200)
    }

    @Test("query items with dotted names are read")
    func queryItems() throws {
        let url = try #require(URLComponents(string: "https://vellum.example/wa?hub.mode=subscribe&hub.challenge=42&hub.verify_token=tok"))
        #expect(WhatsAppWebhookVerification.respond(queryItems: url.queryItems ?? [], expectedToken: "tok") == .accept(challenge: "42"))
    }

    @Test("rejections say what was wrong and never echo the token", arguments: [
        ("subscribe", "wrong-token", "1", "does not match"),
        ("unsubscribe", "tok", "1", "must be `subscribe`"),
        (nil, "tok", "1", "missing hub.mode"),
        ("subscribe", nil, "1", "missing hub.verify_token"),
        ("subscribe", "tok", nil, "missing hub.challenge"),
        ("subscribe", "tok", "", "missing hub.challenge"),
    ] as [(String?, String?, String?, String)])
    func rejects(mode: String?, token: String?, challenge: String?, reason: String) {
        let outcome = WhatsAppWebhookVerification.respond(mode: mode, verifyToken: token, challenge: challenge, expectedToken: "tok")
        guard case .reject(let why) = outcome else {
            Issue.record("expected a rejection")
            return
        }
        #expect(why.contains(reason))
        #expect(!why.contains("wrong-token"))
        #expect(outcome.httpStatus == 403)
    }

    @Test("an unconfigured token rejects everything, even an empty one")
    func unconfigured() {
        #expect(WhatsAppWebhookVerification.respond(mode: "subscribe", verifyToken: "", challenge: "1", expectedToken: "")
            == .reject(reason: "no verify token is configured"))
    }
}

@Suite("WhatsApp webhook signature")
struct WhatsAppSignatureTests {
    @Test("HMAC-SHA256(\"secret\", \"test\") is the published vector")
    func knownVector() throws {
        let header = "sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914"
        #expect(WhatsAppSignature.header(body: Data("test".utf8), appSecret: Data("secret".utf8)) == header)
        try WhatsAppSignature.verify(body: Data("test".utf8), header: header, appSecret: Data("secret".utf8))
    }

    @Test("a fixture body verifies against a signature computed independently (Python hmac)")
    func fixtureVector() throws {
        let body = try WhatsAppFixtures.data("cloud/batch.json")
        let header = "sha256=ef7ec37f33d6b6277bc5ec157fc865cee99bbe76aaeb98d8af758c6e08b50b9b"
        try WhatsAppSignature.verify(body: body, header: header, appSecret: Data("vellum-test-app-secret".utf8))
        // Uppercase hex and surrounding spaces are tolerated.
        try WhatsAppSignature.verify(body: body, header: " sha256=" + header.dropFirst(7).uppercased() + " ", appSecret: Data("vellum-test-app-secret".utf8))
    }

    @Test("a tampered body, even re-serialized JSON with the same meaning, fails")
    func tampered() throws {
        let body = try WhatsAppFixtures.data("cloud/batch.json")
        let header = WhatsAppSignature.header(body: body, appSecret: Data("k".utf8))
        var altered = body
        altered[altered.startIndex + 20] ^= 0x01
        #expect(throws: VellumError(.wrongKey, "X-Hub-Signature-256 does not match the body under the configured app secret")) {
            try WhatsAppSignature.verify(body: altered, header: header, appSecret: Data("k".utf8))
        }
        // Unescaping \u00e9 to é keeps the meaning but changes the bytes.
        let unescaped = Data(body.utf8Text.replacingOccurrences(of: "\\u00e9", with: "é").utf8)
        #expect(unescaped != body)
        #expect(throws: VellumError.self) { try WhatsAppSignature.verify(body: unescaped, header: header, appSecret: Data("k".utf8)) }
        // The right body under another secret fails too.
        #expect(throws: VellumError.self) { try WhatsAppSignature.verify(body: body, header: header, appSecret: Data("other".utf8)) }
    }

    @Test("a missing or empty header is refused as unsigned", arguments: [nil, "", "   "] as [String?])
    func missing(header: String?) {
        do {
            try WhatsAppSignature.verify(body: Data("{}".utf8), header: header, appSecret: Data("k".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .refused)
            #expect(error.reason.contains("X-Hub-Signature-256"))
            #expect(error.reason.contains("unsigned"))
        }
    }

    @Test("a malformed header says what the form should be", arguments: [
        ("sha1=0329a06b62cd16b33eb6792be8c60b158d89a2ee", "must start with `sha256=`"),
        ("0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914", "must start with `sha256=`"),
        ("sha256=0329a06b", "64 hexadecimal digits"),
        ("sha256=zz29a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914", "64 hexadecimal digits"),
    ])
    func malformed(header: String, reason: String) {
        do {
            try WhatsAppSignature.verify(body: Data("test".utf8), header: header, appSecret: Data("secret".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.reason.contains(reason))
        }
    }

    @Test("with several app secrets, the matching one is found")
    func severalSecrets() throws {
        let body = Data("{\"object\":\"whatsapp_business_account\"}".utf8)
        let header = WhatsAppSignature.header(body: body, appSecret: Data("app-two".utf8))
        let index = try WhatsAppSignature.verify(body: body, header: header, appSecrets: [Data("app-one".utf8), Data("app-two".utf8)])
        #expect(index == 1)
        #expect(throws: VellumError.self) {
            try WhatsAppSignature.verify(body: body, header: header, appSecrets: [Data("app-one".utf8)])
        }
    }

    @Test("constant-time comparison compares whole values")
    func constantTime() {
        #expect(WhatsAppSignature.constantTimeEqual(Data([1, 2, 3]), Data([1, 2, 3])))
        #expect(!WhatsAppSignature.constantTimeEqual(Data([1, 2, 3]), Data([1, 2, 4])))
        #expect(!WhatsAppSignature.constantTimeEqual(Data([1, 2, 3]), Data([1, 2])))
    }
}

@Suite("WhatsApp media references")
struct WhatsAppMediaReferenceTests {
    @Test("downloaded bytes are checked against hex or base64 SHA-256")
    func verifyContent() {
        let empty = Data()
        #expect(WhatsAppSignature.sha256Hex(empty) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(WhatsAppSignature.verify(content: empty, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        #expect(WhatsAppSignature.verify(content: empty, sha256: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="))
        #expect(!WhatsAppSignature.verify(content: Data("x".utf8), sha256: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="))
        #expect(!WhatsAppSignature.verify(content: empty, sha256: "4654+8g="))
    }

    @Test("Graph API media metadata decodes, with file_size as number or string")
    func metadata() throws {
        let json = Data("""
            {"messaging_product":"whatsapp","url":"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1","mime_type":"image/jpeg",
             "sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","file_size":"303833","id":"880000000000001"}
            """.utf8)
        let m = try WhatsAppMediaReference.decodeMetadata(json)
        #expect(m.id == "880000000000001")
        #expect(m.fileSize == 303_833)
        #expect(m.mimeType == "image/jpeg")
        let ref = WhatsAppMediaReference.completing(MediaReference(handle: "880000000000001", note: "x"), with: m)
        #expect(ref.size == 303_833)
        #expect(ref.digests["sha256"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ref.mediaType == "image/jpeg")

        let numeric = try WhatsAppMediaReference.decodeMetadata(Data(#"{"url":"u","id":"1","file_size":12}"#.utf8))
        #expect(numeric.fileSize == 12)
        #expect(WhatsAppMediaReference.reference(from: numeric).handle == "1")
    }

    @Test("bad metadata names the field, not its value")
    func badMetadata() {
        do {
            _ = try WhatsAppMediaReference.decodeMetadata(Data(#"{"id":"1","file_size":"huge-secret"}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains("url"))
            #expect(!error.reason.contains("huge-secret"))
        }
        do {
            _ = try WhatsAppMediaReference.decodeMetadata(Data(#"{"id":"1","url":"u","file_size":"huge-secret"}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains("file_size"))
            #expect(!error.reason.contains("huge-secret"))
        }
    }
}
