import Foundation
import Testing
import VellumCapture
import VellumCrypto

/// The official vectors from `Fixtures/WeCom/wxbizmsgcrypt_test_vectors.json` (Tencent's demo values).
struct WXBizVectors: Decodable {
    struct VerifyURL: Decodable {
        var msg_signature: String
        var timestamp: String
        var nonce: String
        var echostr: String
        var expected_plaintext: String
        var expected_pkcs7_pad_byte: Int
    }

    struct DecryptMsg: Decodable {
        var msg_signature: String
        var timestamp: String
        var nonce: String
        var post_body: String
        var expected_plaintext: String
        var expected_pkcs7_pad_byte: Int
    }

    var token: String
    var encoding_aes_key: String
    var receive_id: String
    var verify_url: VerifyURL
    var decrypt_msg: DecryptMsg

    static func load() throws -> WXBizVectors {
        try JSONDecoder().decode(WXBizVectors.self, from: try WeComFixtures.data("wxbizmsgcrypt_test_vectors.json"))
    }

    func crypt(receiveID: String? = nil) throws -> WXBizMsgCrypt {
        try WXBizMsgCrypt(token: token, encodingAESKey: encoding_aes_key, receiveID: receiveID ?? receive_id)
    }

    /// The raw AES key, decoded independently of WXBizMsgCrypt (python-style: key + "=").
    var aesKey: [UInt8] {
        [UInt8](Data(base64Encoded: encoding_aes_key + "=")!)
    }
}

/// Extracts `<Encrypt>` from the demo POST body without the code under test.
private func encryptField(of xml: String) -> String {
    let start = xml.range(of: "<Encrypt><![CDATA[")!.upperBound
    let end = xml.range(of: "]]></Encrypt>")!.lowerBound
    return String(xml[start..<end])
}

@Suite("WXBizMsgCrypt (WeCom callback crypto)")
struct WXBizMsgCryptTests {
    @Test("VerifyURL with the official vector returns 1288432023552776189")
    func verifyURLOfficialVector() throws {
        let v = try WXBizVectors.load()
        let echo = try v.crypt().verifyURL(
            msgSignature: v.verify_url.msg_signature, timestamp: v.verify_url.timestamp, nonce: v.verify_url.nonce,
            echostr: v.verify_url.echostr)
        #expect(echo == "1288432023552776189")
        #expect(echo == v.verify_url.expected_plaintext)
    }

    @Test("VerifyURL accepts a percent-encoded echostr")
    func verifyURLPercentEncoded() throws {
        let v = try WXBizVectors.load()
        let encoded = v.verify_url.echostr.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(encoded.contains("%2B"))
        let echo = try v.crypt().verifyURL(
            msgSignature: v.verify_url.msg_signature, timestamp: v.verify_url.timestamp, nonce: v.verify_url.nonce,
            echostr: encoded)
        #expect(echo == "1288432023552776189")
    }

    @Test("DecryptMsg with the official vector returns the 你好 text message XML")
    func decryptOfficialVector() throws {
        let v = try WXBizVectors.load()
        let plaintext = try v.crypt().decrypt(
            xmlBody: v.decrypt_msg.post_body, msgSignature: v.decrypt_msg.msg_signature,
            timestamp: v.decrypt_msg.timestamp, nonce: v.decrypt_msg.nonce)
        #expect(plaintext == v.decrypt_msg.expected_plaintext)
        #expect(plaintext.contains("<Content>你好</Content>"))
        let message = try WeComCallbackEvent(xml: plaintext)
        #expect(message.msgType == "text")
        #expect(message["Content"] == "你好")
        #expect(!message.isMsgAuditNotify)
    }

    @Test("The official vectors are padded to 32-byte blocks: pad bytes 7 and 22")
    func officialPadBytes() throws {
        let v = try WXBizVectors.load()
        let key = v.aesKey
        #expect(key.count == 32)
        for (ciphertext, expectedPad) in [
            (v.verify_url.echostr, v.verify_url.expected_pkcs7_pad_byte),
            (encryptField(of: v.decrypt_msg.post_body), v.decrypt_msg.expected_pkcs7_pad_byte),
        ] {
            let raw = [UInt8](Data(base64Encoded: ciphertext)!)
            let padded = try LegacyAES256CBCNoPadding.decrypt(raw, key: key, iv: Array(key[0..<16]))
            #expect(Int(padded.last!) == expectedPad)
            #expect(padded.count % 32 == 0)
        }
        #expect(v.verify_url.expected_pkcs7_pad_byte == 7)
        #expect(v.decrypt_msg.expected_pkcs7_pad_byte == 22)
    }

    @Test("The signature is lowercase hex SHA-1 over the byte-sorted parts")
    func signatureMatchesVector() throws {
        let v = try WXBizVectors.load()
        let crypt = try v.crypt()
        #expect(
            crypt.signature(timestamp: v.verify_url.timestamp, nonce: v.verify_url.nonce, encrypted: v.verify_url.echostr)
                == v.verify_url.msg_signature)
        #expect(
            crypt.signature(
                timestamp: v.decrypt_msg.timestamp, nonce: v.decrypt_msg.nonce, encrypted: encryptField(of: v.decrypt_msg.post_body))
                == v.decrypt_msg.msg_signature)
    }

    @Test(
        "A signature mismatch is rejected before decryption",
        arguments: [
            ("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebec", "1476416373", "47744683"),  // last digit changed
            ("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416374", "47744683"),  // timestamp changed
            ("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744684"),  // nonce changed
            ("", "1476416373", "47744683"),
        ])
    func signatureMismatch(signature: String, timestamp: String, nonce: String) throws {
        let v = try WXBizVectors.load()
        #expect(throws: WXBizMsgCryptError.signatureMismatch) {
            try v.crypt().verifyURL(msgSignature: signature, timestamp: timestamp, nonce: nonce, echostr: v.verify_url.echostr)
        }
    }

    @Test("An uppercase but otherwise correct signature is accepted")
    func uppercaseSignature() throws {
        let v = try WXBizVectors.load()
        let echo = try v.crypt().verifyURL(
            msgSignature: v.verify_url.msg_signature.uppercased(), timestamp: v.verify_url.timestamp,
            nonce: v.verify_url.nonce, echostr: v.verify_url.echostr)
        #expect(echo == "1288432023552776189")
    }

    @Test("A wrong receive id is rejected", arguments: ["ww0000000000000000", "", "ww1436e0e65a779ae"])
    func wrongReceiveID(receiveID: String) throws {
        let v = try WXBizVectors.load()
        #expect(throws: WXBizMsgCryptError.receiveIDMismatch) {
            try v.crypt(receiveID: receiveID).decrypt(
                xmlBody: v.decrypt_msg.post_body, msgSignature: v.decrypt_msg.msg_signature,
                timestamp: v.decrypt_msg.timestamp, nonce: v.decrypt_msg.nonce)
        }
    }

    /// Builds a correctly signed ciphertext whose padding has been tampered with.
    @Test(
        "Tampered padding is rejected",
        arguments: [
            "pad byte 0", "pad byte 33", "pad bytes differ", "pad byte 32 over a data block",
        ])
    func tamperedPadding(kind: String) throws {
        let v = try WXBizVectors.load()
        let crypt = try v.crypt()
        let key = v.aesKey
        var plain = [UInt8](repeating: UInt8(ascii: "1"), count: 16) + [0, 0, 0, 2] + Array("hi".utf8)
            + Array(v.receive_id.utf8)
        var blockCount = 32
        switch kind {
        case "pad byte 0":
            plain += [UInt8](repeating: 0, count: 64 - plain.count)
            blockCount = 64
        case "pad byte 33":
            plain += [UInt8](repeating: 33, count: 64 - plain.count)
            blockCount = 64
        case "pad bytes differ":
            let pad = 64 - plain.count
            plain += [UInt8](repeating: UInt8(pad), count: pad)
            plain[plain.count - 2] ^= 0x01
            blockCount = 64
        default:
            // 32 bytes of data whose last byte claims 32 bytes of padding, but the rest is not padding.
            plain = [UInt8](repeating: UInt8(ascii: "7"), count: 31) + [32]
        }
        #expect(plain.count == blockCount)
        let cipher = try LegacyAES256CBCNoPadding.encrypt(plain, key: key, iv: Array(key[0..<16]))
        let encrypted = Data(cipher).base64EncodedString()
        let timestamp = "1700000000"
        let nonce = "12345"
        let signature = crypt.signature(timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        let body = "<xml><ToUserName><![CDATA[\(v.receive_id)]]></ToUserName><Encrypt><![CDATA[\(encrypted)]]></Encrypt></xml>"
        #expect(throws: WXBizMsgCryptError.invalidPadding) {
            try crypt.decrypt(xmlBody: body, msgSignature: signature, timestamp: timestamp, nonce: nonce)
        }
    }

    @Test("A message length that overruns the data is rejected")
    func overlongLength() throws {
        let v = try WXBizVectors.load()
        let crypt = try v.crypt()
        let key = v.aesKey
        var plain = [UInt8](repeating: UInt8(ascii: "1"), count: 16) + [0, 0, 1, 0] + Array("hi".utf8)
        let pad = 32 - plain.count % 32
        plain += [UInt8](repeating: UInt8(pad), count: pad)
        let encrypted = Data(try LegacyAES256CBCNoPadding.encrypt(plain, key: key, iv: Array(key[0..<16]))).base64EncodedString()
        let signature = crypt.signature(timestamp: "1", nonce: "2", encrypted: encrypted)
        #expect(throws: WXBizMsgCryptError.invalidMessageLength) {
            try crypt.verifyURL(msgSignature: signature, timestamp: "1", nonce: "2", echostr: encrypted)
        }
    }

    @Test(
        "encryptReply → decrypt round-trips for XML, at every pad length",
        arguments: [0, 1, 5, 12, 13, 31, 32, 33, 44, 100, 1000])
    func xmlRoundTrip(extra: Int) throws {
        let v = try WXBizVectors.load()
        let crypt = try v.crypt()
        let message = "<xml><Content><![CDATA[" + String(repeating: "回", count: extra) + "]]></Content></xml>"
        let reply = try crypt.encryptReply(message, timestamp: "1409304348", nonce: "xxxxxx")
        let fields = try WeComCallbackEvent(xml: reply)
        #expect(fields["TimeStamp"] == "1409304348")
        #expect(fields["Nonce"] == "xxxxxx")
        let signature = try #require(fields["MsgSignature"])
        #expect(signature.count == 40)
        let decrypted = try crypt.decrypt(xmlBody: reply, msgSignature: signature, timestamp: "1409304348", nonce: "xxxxxx")
        #expect(decrypted == message)
    }

    @Test("encryptJSONReply → decrypt(jsonBody:) round-trips")
    func jsonRoundTrip() throws {
        let v = try WXBizVectors.load()
        let crypt = try v.crypt()
        let message = #"{"ToUserName":"ww1436e0e65a779aee","Event":"msgaudit_notify","Content":"引号\"和\\反斜杠"}"#
        let reply = try crypt.encryptJSONReply(message, timestamp: "1409304348", nonce: "n\"once")
        struct Reply: Decodable { var encrypt: String; var msgsignature: String; var timestamp: String; var nonce: String }
        let parsed = try JSONDecoder().decode(Reply.self, from: Data(reply.utf8))
        #expect(parsed.nonce == "n\"once")
        let body = try JSONSerialization.data(withJSONObject: [
            "tousername": v.receive_id, "encrypt": parsed.encrypt, "agentid": "1000002",
        ])
        let decrypted = try crypt.decrypt(
            jsonBody: body, msgSignature: parsed.msgsignature, timestamp: parsed.timestamp, nonce: parsed.nonce)
        #expect(decrypted == message)
    }

    @Test("Deterministic encryption pads to a multiple of 32 bytes")
    func deterministicEncryption() throws {
        let v = try WXBizVectors.load()
        let crypt = try v.crypt()
        let random = Array("1234567890123456".utf8)
        let a = try crypt.encrypt("1288432023552776189", random16: random)
        let b = try crypt.encrypt("1288432023552776189", random16: random)
        #expect(a == b)
        #expect(Data(base64Encoded: a)!.count % 32 == 0)
        let signature = crypt.signature(timestamp: "1", nonce: "2", encrypted: a)
        #expect(try crypt.verifyURL(msgSignature: signature, timestamp: "1", nonce: "2", echostr: a) == "1288432023552776189")
    }

    @Test(
        "An EncodingAESKey that is not 43 base64 characters is refused",
        arguments: ["", "short", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhU", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhU!"])
    func badEncodingAESKey(key: String) {
        #expect(throws: WXBizMsgCryptError.invalidEncodingAESKey) {
            try WXBizMsgCrypt(token: "t", encodingAESKey: key, receiveID: "r")
        }
    }

    @Test("A body without Encrypt, or with two, is refused")
    func missingOrDuplicateEncrypt() throws {
        let crypt = try WXBizVectors.load().crypt()
        #expect(throws: WXBizMsgCryptError.missingField("Encrypt")) {
            try crypt.decrypt(xmlBody: "<xml><ToUserName>x</ToUserName></xml>", msgSignature: "", timestamp: "", nonce: "")
        }
        #expect(throws: WXBizMsgCryptError.self) {
            try crypt.decrypt(
                xmlBody: "<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>", msgSignature: "", timestamp: "", nonce: "")
        }
        #expect(throws: WXBizMsgCryptError.missingField("encrypt")) {
            try crypt.decrypt(jsonBody: Data(#"{"tousername":"x"}"#.utf8), msgSignature: "", timestamp: "", nonce: "")
        }
    }

    @Test("Printing or dumping the crypt shows neither the token nor the key")
    func noSecretsInDescription() throws {
        let v = try WXBizVectors.load()
        let crypt = try v.crypt()
        var dumped = ""
        dump(crypt, to: &dumped)
        for text in [String(describing: crypt), String(reflecting: crypt), dumped] {
            #expect(!text.contains(v.token))
            #expect(!text.contains("6qkdMrq68"))
            #expect(text.contains(v.receive_id))
        }
    }

    @Test("Reply arguments that would break the XML are refused")
    func replyArgumentsChecked() throws {
        let crypt = try WXBizVectors.load().crypt()
        #expect(throws: WXBizMsgCryptError.invalidReplyArgument("timestamp")) {
            try crypt.encryptReply("x", timestamp: "12a", nonce: "n")
        }
        #expect(throws: WXBizMsgCryptError.invalidReplyArgument("nonce")) {
            try crypt.encryptReply("x", timestamp: "12", nonce: "a]]>b")
        }
    }
}

@Suite("WeCom callback events")
struct WeComCallbackEventTests {
    @Test("The msgaudit_notify sample is recognized")
    func msgauditNotifySample() throws {
        let event = try WeComCallbackEvent(xml: try WeComFixtures.string("msgaudit_notify_callback_event.xml"))
        #expect(event.isMsgAuditNotify)
        #expect(event.toUserName == "CorpID")
        #expect(event.fromUserName == "sys")
        #expect(event.createTime == 1_629_101_687)
        #expect(event.msgType == "event")
        #expect(event.event == "msgaudit_notify")
        #expect(event.agentID == "2000004")
    }

    @Test("An encrypted msgaudit_notify callback decrypts and parses")
    func encryptedNotifyRoundTrip() throws {
        let v = try WXBizVectors.load()
        let crypt = try v.crypt()
        let sample = try WeComFixtures.string("msgaudit_notify_callback_event.xml")
        let reply = try crypt.encryptReply(sample, timestamp: "1629101687", nonce: "abc")
        let signature = try #require(try WeComCallbackEvent(xml: reply)["MsgSignature"])
        let plaintext = try crypt.decrypt(xmlBody: reply, msgSignature: signature, timestamp: "1629101687", nonce: "abc")
        #expect(try WeComCallbackEvent(xml: plaintext).isMsgAuditNotify)
    }

    @Test(
        "Flat XML: CDATA, entities, self-closing, declaration and attributes",
        arguments: [
            ("<xml><A><![CDATA[x<y&z]]></A></xml>", "A", "x<y&z"),
            ("<xml><A>x&lt;y&amp;z&#20320;&#x597D;</A></xml>", "A", "x<y&z你好"),
            ("<?xml version=\"1.0\"?>\n<xml>\n  <A/>\n</xml>", "A", ""),
            ("<xml><A attr=\"1>2\">v</A></xml>", "A", "v"),
            ("<xml><A>\n  <![CDATA[v]]>\n</A></xml>", "A", "v"),
            ("<xml><A><![CDATA[a]]><![CDATA[b]]></A></xml>", "A", "ab"),
            ("<xml><A><![CDATA[</A>]]></A></xml>", "A", "</A>"),
        ])
    func flatXML(xml: String, name: String, expected: String) throws {
        #expect(try WeComCallbackEvent(xml: xml)[name] == expected)
    }

    @Test("Broken XML is refused", arguments: ["", "plain", "<xml><A>v</xml>", "<xml><A>v</A>", "<xml>text</xml>"])
    func brokenXML(xml: String) {
        #expect(throws: WeComXMLError.self) { try WeComCallbackEvent(xml: xml) }
    }
}
