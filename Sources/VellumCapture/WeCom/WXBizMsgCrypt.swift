public import Foundation
internal import VellumCrypto

/// Why a WeCom callback could not be verified, decrypted or encrypted. Never carries keys, tokens or
/// plaintext.
public enum WXBizMsgCryptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The EncodingAESKey is not 43 base64 characters decoding to 32 bytes.
    case invalidEncodingAESKey
    /// A required field (`Encrypt`, `encrypt`, …) is missing from the body.
    case missingField(String)
    /// The body is not parseable XML/JSON.
    case malformedBody(String)
    /// `msg_signature` does not match SHA-1 over the sorted token, timestamp, nonce and ciphertext.
    case signatureMismatch
    /// A field that must be base64 is not.
    case invalidBase64(field: String)
    /// The ciphertext is empty or not a whole number of AES blocks.
    case invalidCiphertextLength(Int)
    /// The 32-byte-block PKCS#7 padding is malformed (pad byte outside 1…32, or pad bytes differ).
    case invalidPadding
    /// The embedded message length does not fit the decrypted data.
    case invalidMessageLength
    /// The decrypted receive id differs from this instance's (corp id, suite id or "").
    case receiveIDMismatch
    /// The decrypted message is not UTF-8.
    case invalidUTF8
    /// A reply argument would break the reply document (timestamp not digits, nonce with markup).
    case invalidReplyArgument(String)
    /// The AES operation failed.
    case cryptoFailure

    public var description: String {
        switch self {
        case .invalidEncodingAESKey: "EncodingAESKey must be 43 base64 characters that decode to 32 bytes"
        case .missingField(let name): "callback body has no '\(name)' field"
        case .malformedBody(let detail): "callback body is malformed: \(detail)"
        case .signatureMismatch: "msg_signature does not match (wrong token, or the request was altered)"
        case .invalidBase64(let field): "'\(field)' is not valid base64"
        case .invalidCiphertextLength(let count): "ciphertext length \(count) is not a positive multiple of 16"
        case .invalidPadding: "decrypted data has invalid 32-byte PKCS#7 padding (wrong EncodingAESKey?)"
        case .invalidMessageLength: "decrypted message length field is inconsistent"
        case .receiveIDMismatch: "decrypted receive id does not match the configured corp/suite id"
        case .invalidUTF8: "decrypted message is not valid UTF-8"
        case .invalidReplyArgument(let name): "reply argument '\(name)' contains characters that cannot be embedded"
        case .cryptoFailure: "AES-256-CBC operation failed"
        }
    }
}

/// WeCom's callback message crypto (Tencent's WXBizMsgCrypt / WXBizJsonMsgCrypt), used by every WeCom
/// callback including `msgaudit_notify`.
///
/// - Key: `AESKey = base64decode(EncodingAESKey + "=")`, 32 bytes (AES-256); `IV = AESKey[0..<16]`; CBC.
/// - Signature: lowercase hex SHA-1 of `sorted([token, timestamp, nonce, encrypt]).joined()` (byte
///   order), compared in constant time before anything is decrypted.
/// - Plaintext: `random(16) ‖ uint32_be(len) ‖ msg ‖ receiveid`, PKCS#7-padded to a **32-byte** block
///   (pad byte 1…32), so decryption uses AES-CBC without padding and unpads by hand.
public struct WXBizMsgCrypt: Sendable, CustomStringConvertible, CustomReflectable {
    private let token: String
    private let aesKey: [UInt8]
    /// The corp id (self-built apps), suite id (third-party suites) or "" that plaintexts must end with.
    public let receiveID: String

    public init(token: String, encodingAESKey: String, receiveID: String) throws {
        guard encodingAESKey.utf8.count == 43,
            let key = WeComBase64.decode(encodingAESKey + "="), key.count == 32
        else {
            throw WXBizMsgCryptError.invalidEncodingAESKey
        }
        self.token = token
        self.aesKey = key
        self.receiveID = receiveID
    }

    /// Shows only the receive id: the token and AES key are secrets.
    public var description: String { "WXBizMsgCrypt(receiveID: \(receiveID))" }

    public var customMirror: Mirror { Mirror(self, children: ["receiveID": receiveID]) }

    // MARK: Receiving

    /// URL verification (GET `?msg_signature&timestamp&nonce&echostr`): verifies the signature and returns
    /// the decrypted echostr, to be sent back as the bare response body (no quotes, BOM or newline).
    /// A percent-encoded `echostr` (one containing `%`) is decoded first; `+` is left as is.
    public func verifyURL(msgSignature: String, timestamp: String, nonce: String, echostr: String) throws -> String {
        var encrypted = echostr
        if echostr.contains("%") {
            guard let decoded = echostr.removingPercentEncoding else { throw WXBizMsgCryptError.invalidBase64(field: "echostr") }
            encrypted = decoded
        }
        try verifySignature(msgSignature, timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        return try decryptMessage(encrypted, field: "echostr")
    }

    /// Verifies and decrypts an XML callback body (`<xml><ToUserName/><Encrypt/><AgentID/></xml>`);
    /// returns the plaintext XML.
    public func decrypt(xmlBody: String, msgSignature: String, timestamp: String, nonce: String) throws -> String {
        let fields: [String: String]
        do { fields = try WeComFlatXML.parse(xmlBody) } catch let error as WeComXMLError {
            throw WXBizMsgCryptError.malformedBody(error.detail)
        }
        guard let encrypted = fields["Encrypt"], !encrypted.isEmpty else { throw WXBizMsgCryptError.missingField("Encrypt") }
        try verifySignature(msgSignature, timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        return try decryptMessage(encrypted, field: "Encrypt")
    }

    /// Verifies and decrypts a JSON callback body (`{"tousername","encrypt","agentid"}`); returns the
    /// plaintext (a JSON document for JSON callbacks).
    public func decrypt(jsonBody: Data, msgSignature: String, timestamp: String, nonce: String) throws -> String {
        struct Body: Decodable { var encrypt: String? }
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: jsonBody) } catch {
            throw WXBizMsgCryptError.malformedBody("not a JSON object")
        }
        guard let encrypted = body.encrypt, !encrypted.isEmpty else { throw WXBizMsgCryptError.missingField("encrypt") }
        try verifySignature(msgSignature, timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        return try decryptMessage(encrypted, field: "encrypt")
    }

    // MARK: Replying

    /// An encrypted passive reply as Tencent's XML:
    /// `<xml><Encrypt><![CDATA[…]]></Encrypt><MsgSignature><![CDATA[…]]></MsgSignature><TimeStamp>…</TimeStamp><Nonce><![CDATA[…]]></Nonce></xml>`.
    public func encryptReply(_ plaintext: String, timestamp: String, nonce: String) throws -> String {
        try checkReplyArguments(timestamp: timestamp, nonce: nonce)
        let encrypted = try encrypt(plaintext, random16: Self.randomPrefix())
        let signature = self.signature(timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        return "<xml><Encrypt><![CDATA[\(encrypted)]]></Encrypt><MsgSignature><![CDATA[\(signature)]]></MsgSignature>"
            + "<TimeStamp>\(timestamp)</TimeStamp><Nonce><![CDATA[\(nonce)]]></Nonce></xml>"
    }

    /// An encrypted passive reply as Tencent's JSON: `{"encrypt":…,"msgsignature":…,"timestamp":…,"nonce":…}`.
    public func encryptJSONReply(_ plaintext: String, timestamp: String, nonce: String) throws -> String {
        try checkReplyArguments(timestamp: timestamp, nonce: nonce)
        let encrypted = try encrypt(plaintext, random16: Self.randomPrefix())
        let signature = self.signature(timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        return "{\"encrypt\":\"\(encrypted)\",\"msgsignature\":\"\(signature)\",\"timestamp\":\"\(timestamp)\",\"nonce\":\(Self.jsonString(nonce))}"
    }

    // MARK: Primitives

    /// Lowercase hex SHA-1 of the byte-order-sorted, concatenated token, timestamp, nonce and ciphertext.
    public func signature(timestamp: String, nonce: String, encrypted: String) -> String {
        let parts = [token, timestamp, nonce, encrypted].sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return LegacyInsecureDigest.sha1Hex(Array(parts.joined().utf8))
    }

    /// Encrypts `message` with the given 16-byte random prefix; returns base64. Deterministic, for tests
    /// and for callers that must control the prefix; replies use a random one.
    public func encrypt(_ message: String, random16: [UInt8]) throws -> String {
        guard random16.count == 16 else { throw WXBizMsgCryptError.invalidReplyArgument("random16") }
        let body = Array(message.utf8)
        guard body.count <= Int(UInt32.max) else { throw WXBizMsgCryptError.invalidMessageLength }
        var plain = random16
        let length = UInt32(body.count)
        plain += [UInt8(length >> 24), UInt8((length >> 16) & 0xff), UInt8((length >> 8) & 0xff), UInt8(length & 0xff)]
        plain += body
        plain += Array(receiveID.utf8)
        let pad = 32 - plain.count % 32  // 1…32
        plain += [UInt8](repeating: UInt8(pad), count: pad)
        do {
            let cipher = try LegacyAES256CBCNoPadding.encrypt(plain, key: aesKey, iv: Array(aesKey[0..<16]))
            return Data(cipher).base64EncodedString()
        } catch {
            throw WXBizMsgCryptError.cryptoFailure
        }
    }

    private func verifySignature(_ given: String, timestamp: String, nonce: String, encrypted: String) throws {
        let expected = signature(timestamp: timestamp, nonce: nonce, encrypted: encrypted)
        guard LegacyConstantTime.equal(expected, given.lowercased()) else { throw WXBizMsgCryptError.signatureMismatch }
    }

    private func decryptMessage(_ encrypted: String, field: String) throws -> String {
        guard let cipher = WeComBase64.decode(encrypted) else { throw WXBizMsgCryptError.invalidBase64(field: field) }
        guard !cipher.isEmpty, cipher.count % 16 == 0 else { throw WXBizMsgCryptError.invalidCiphertextLength(cipher.count) }
        let padded: [UInt8]
        do {
            padded = try LegacyAES256CBCNoPadding.decrypt(cipher, key: aesKey, iv: Array(aesKey[0..<16]))
        } catch {
            throw WXBizMsgCryptError.cryptoFailure
        }
        let pad = Int(padded[padded.count - 1])
        guard (1...32).contains(pad), pad <= padded.count,
            padded[(padded.count - pad)...].allSatisfy({ Int($0) == pad })
        else {
            throw WXBizMsgCryptError.invalidPadding
        }
        let content = padded[0..<(padded.count - pad)]
        guard content.count >= 20 else { throw WXBizMsgCryptError.invalidMessageLength }
        let lengthBytes = content[16..<20]
        let length = lengthBytes.reduce(0) { ($0 << 8) | Int($1) }
        guard length <= content.count - 20 else { throw WXBizMsgCryptError.invalidMessageLength }
        let message = content[20..<(20 + length)]
        let receivedID = content[(20 + length)...]
        guard receivedID.elementsEqual(receiveID.utf8) else { throw WXBizMsgCryptError.receiveIDMismatch }
        guard let text = String(validating: message, as: UTF8.self) else { throw WXBizMsgCryptError.invalidUTF8 }
        return text
    }

    private func checkReplyArguments(timestamp: String, nonce: String) throws {
        guard !timestamp.isEmpty, timestamp.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw WXBizMsgCryptError.invalidReplyArgument("timestamp")
        }
        guard !nonce.contains("]]>"), !nonce.contains("<"), !nonce.contains("&") else {
            throw WXBizMsgCryptError.invalidReplyArgument("nonce")
        }
    }

    private static func randomPrefix() -> [UInt8] {
        // Tencent's demos use 16 ASCII digits; any 16 bytes are valid.
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &generator) }
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Standard-alphabet base64 that, like Tencent's decoders, ignores non-zero trailing bits (a 43-character
/// EncodingAESKey plus "=" is not always canonical). Rejects any other character.
enum WeComBase64 {
    static func decode(_ text: String) -> [UInt8]? {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == UInt8(ascii: "=") { bytes.removeLast() }
        guard bytes.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            default: return nil
            }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((accumulator >> UInt32(bits)) & 0xff))
            }
        }
        return output
    }
}
