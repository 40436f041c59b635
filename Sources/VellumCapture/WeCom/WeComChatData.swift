public import Foundation

/// One record of a GetChatData response (`chatdata[i]`), still encrypted.
public struct WeComChatRecord: Sendable, Hashable {
    /// Monotonic per corp; the next pull passes the max seq received.
    public var seq: UInt64
    /// Unique message id ("" when the record lacks it; then ``malformedField`` is set).
    public var msgid: String
    /// Which uploaded RSA public key encrypted ``encryptRandomKey`` (0 when absent or invalid).
    public var publicKeyVersion: UInt32
    /// Base64 of the RSA-encrypted per-message key.
    public var encryptRandomKey: String
    /// Ciphertext for the SDK's DecryptData.
    public var encryptChatMessage: String
    /// The record's JSON exactly as it appeared in the response (chain of custody).
    public var rawJSON: Data
    /// The first field that was missing or had the wrong type. Such a record cannot be decrypted and is
    /// quarantined as received.
    public var malformedField: String?

    public init(
        seq: UInt64, msgid: String, publicKeyVersion: UInt32, encryptRandomKey: String, encryptChatMessage: String,
        rawJSON: Data, malformedField: String? = nil
    ) {
        self.seq = seq
        self.msgid = msgid
        self.publicKeyVersion = publicKeyVersion
        self.encryptRandomKey = encryptRandomKey
        self.encryptChatMessage = encryptChatMessage
        self.rawJSON = rawJSON
        self.malformedField = malformedField
    }
}

/// Decoding of the GetChatData response `{"errcode":0,"errmsg":"ok","chatdata":[…]}`.
public enum WeComChatData {
    /// Decodes a response. A non-zero `errcode` throws (40001 as ``WeComSDKError/Code/invalidSecret``,
    /// others as ``WeComSDKError/Code/serverError(errcode:errmsg:)``); a response that is not the
    /// documented JSON, or a record without a usable `seq`, throws
    /// ``WeComSDKError/Code/malformedResponse(_:)``. Records with other missing or mistyped fields are
    /// returned with ``WeComChatRecord/malformedField`` set.
    public static func decode(_ response: Data) throws -> [WeComChatRecord] {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: response)
        } catch {
            throw malformed("not a JSON object with errcode/errmsg (\(response.count) bytes)")
        }
        guard let errcode = envelope.errcode else { throw malformed("missing errcode") }
        guard errcode == 0 else {
            if errcode == 40001 { throw WeComSDKError(.invalidSecret, operation: .getChatData) }
            let message = String((envelope.errmsg ?? "").prefix(200))
            throw WeComSDKError(.serverError(errcode: errcode, errmsg: message), operation: .getChatData)
        }
        let bytes = [UInt8](response)
        var scanner = JSONSpanScanner(bytes: bytes)
        guard let spans = try scanner.arrayElementSpans(ofTopLevelKey: "chatdata") else {
            throw malformed("missing chatdata array")
        }
        var records: [WeComChatRecord] = []
        records.reserveCapacity(spans.count)
        for (position, span) in spans.enumerated() {
            let raw = Data(bytes[span])
            guard let fields = try? JSONDecoder().decode(RecordFields.self, from: raw) else {
                throw malformed("chatdata[\(position)] is not an object")
            }
            guard let seq = fields.seq else { throw malformed("chatdata[\(position)].seq missing or not an unsigned integer") }
            let malformedField = ["msgid", "publickey_ver", "encrypt_random_key", "encrypt_chat_msg"]
                .first { fields.invalid.contains($0) }
            records.append(
                WeComChatRecord(
                    seq: seq, msgid: fields.msgid ?? "", publicKeyVersion: fields.publickeyVersion ?? 0,
                    encryptRandomKey: fields.encryptRandomKey ?? "", encryptChatMessage: fields.encryptChatMessage ?? "",
                    rawJSON: raw, malformedField: malformedField))
        }
        return records
    }

    private static func malformed(_ detail: String) -> WeComSDKError {
        WeComSDKError(.malformedResponse(detail), operation: .parseChatData)
    }

    private struct Envelope: Decodable {
        var errcode: Int64?
        var errmsg: String?
    }

    private struct RecordFields: Decodable {
        var seq: UInt64?
        var msgid: String?
        var publickeyVersion: UInt32?
        var encryptRandomKey: String?
        var encryptChatMessage: String?
        /// Fields that are absent, mistyped, or (for the ciphertext fields) empty.
        var invalid: Set<String> = []

        enum CodingKeys: String, CodingKey {
            case seq, msgid
            case publickeyVersion = "publickey_ver"
            case encryptRandomKey = "encrypt_random_key"
            case encryptChatMessage = "encrypt_chat_msg"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func field<T: Decodable>(_ key: CodingKeys, _ type: T.Type) -> T? {
                (try? container.decodeIfPresent(type, forKey: key)) ?? nil
            }
            seq = field(.seq, UInt64.self)
            msgid = field(.msgid, String.self)
            publickeyVersion = field(.publickeyVersion, UInt32.self)
            encryptRandomKey = field(.encryptRandomKey, String.self)
            encryptChatMessage = field(.encryptChatMessage, String.self)
            if msgid == nil { invalid.insert("msgid") }
            if publickeyVersion == nil { invalid.insert("publickey_ver") }
            if (encryptRandomKey ?? "").isEmpty { invalid.insert("encrypt_random_key") }
            if (encryptChatMessage ?? "").isEmpty { invalid.insert("encrypt_chat_msg") }
        }
    }
}

/// Finds the byte ranges of the elements of one top-level array in a JSON object, so each record's
/// exact bytes can be kept. Assumes the document already parsed as JSON; still bounds-checks.
struct JSONSpanScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Element spans of `key`'s array, or nil if the top-level object has no such key.
    mutating func arrayElementSpans(ofTopLevelKey key: String) throws -> [Range<Int>]? {
        let wanted = Array(key.utf8)
        skipWhitespace()
        try expect(UInt8(ascii: "{"))
        var found: [Range<Int>]?
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { return nil }
        while true {
            skipWhitespace()
            let name = try readStringBytes()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            if name == wanted, peek() == UInt8(ascii: "[") {
                found = try elementSpans()
            } else {
                try skipValue()
            }
            skipWhitespace()
            guard let next = peek() else { throw WeComSDKError(.malformedResponse("truncated JSON"), operation: .parseChatData) }
            index += 1
            if next == UInt8(ascii: "}") { return found }
            guard next == UInt8(ascii: ",") else { throw WeComSDKError(.malformedResponse("bad JSON object"), operation: .parseChatData) }
        }
    }

    private mutating func elementSpans() throws -> [Range<Int>] {
        try expect(UInt8(ascii: "["))
        var spans: [Range<Int>] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return spans
        }
        while true {
            skipWhitespace()
            let start = index
            try skipValue()
            spans.append(start..<index)
            skipWhitespace()
            guard let next = peek() else { throw WeComSDKError(.malformedResponse("truncated JSON"), operation: .parseChatData) }
            index += 1
            if next == UInt8(ascii: "]") { return spans }
            guard next == UInt8(ascii: ",") else { throw WeComSDKError(.malformedResponse("bad JSON array"), operation: .parseChatData) }
        }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else {
            throw WeComSDKError(.malformedResponse("unexpected JSON at byte \(index)"), operation: .parseChatData)
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09 { index += 1 }
    }

    /// Reads a string starting at its opening quote; returns its raw (unescaped-as-is) bytes.
    private mutating func readStringBytes() throws -> [UInt8] {
        let start = index + 1
        try skipString()
        return Array(bytes[start..<(index - 1)])
    }

    private mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        while let byte = peek() {
            index += 1
            if byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                return
            }
        }
        throw WeComSDKError(.malformedResponse("unterminated JSON string"), operation: .parseChatData)
    }

    private mutating func skipValue() throws {
        guard let first = peek() else { throw WeComSDKError(.malformedResponse("truncated JSON"), operation: .parseChatData) }
        switch first {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                default:
                    break
                }
                index += 1
                if depth == 0 { return }
            }
            throw WeComSDKError(.malformedResponse("unterminated JSON container"), operation: .parseChatData)
        default:
            while let byte = peek(),
                byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]"),
                byte != 0x20, byte != 0x0a, byte != 0x0d, byte != 0x09
            {
                index += 1
            }
        }
    }
}
