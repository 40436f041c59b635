public import Foundation

/// A small writer of canonical JSON: keys in the order the caller gives them (which must be
/// sorted, as `JSONEncoder`'s `.sortedKeys` would), no whitespace, absent values left out,
/// strings as UTF-8 with only the escapes JSON requires, bytes as base64.
///
/// Commitments and ledger leaves hash these bytes, so they must be the same on every run and
/// platform; `JSONEncoder` is also several times slower on the ingest path.
public struct CanonicalJSON {
    public private(set) var bytes: [UInt8] = []
    var needsComma: [Bool] = [false]
    #if DEBUG
        var lastKey: [String?] = [nil]
    #endif

    /// `capacity`: about how many bytes will be written, so the buffer grows once at most.
    public init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    public var data: Data { Data(bytes) }

    /// Writes `{ … }`; `body` writes the fields.
    public mutating func object(_ body: (inout CanonicalJSON) throws -> Void) rethrows {
        separate()
        bytes.append(0x7B)
        needsComma.append(false)
        #if DEBUG
            lastKey.append(nil)
        #endif
        try body(&self)
        needsComma.removeLast()
        #if DEBUG
            lastKey.removeLast()
        #endif
        bytes.append(0x7D)
    }

    /// Writes `[ … ]`, one element per item.
    public mutating func array<T>(_ items: [T], _ each: (inout CanonicalJSON, T) throws -> Void) rethrows {
        separate()
        bytes.append(0x5B)
        needsComma.append(false)
        for item in items { try each(&self, item) }
        needsComma.removeLast()
        bytes.append(0x5D)
    }

    /// Writes `"key":`; the value follows.
    public mutating func key(_ key: String) {
        #if DEBUG
            precondition(lastKey[lastKey.count - 1].map { $0 < key } ?? true, "keys must be sorted: \(key)")
            lastKey[lastKey.count - 1] = key
        #endif
        separate()
        writeString(key)
        bytes.append(0x3A)
        needsComma[needsComma.count - 1] = false
    }

    public mutating func string(_ value: String) {
        separate()
        writeString(value)
    }

    public mutating func int(_ value: Int64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func base64(_ value: Data) {
        separate()
        bytes.append(0x22)
        value.base64EncodedData().withUnsafeBytes { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
    }

    /// `"key":"value"`, or nothing when the value is nil.
    public mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func field(_ name: String, _ value: Int64?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    public mutating func field(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(0x2C) }
        needsComma[needsComma.count - 1] = true
    }

    /// Copies runs of bytes that need no escape whole; only `"`, `\` and control characters are
    /// escaped (as `JSONEncoder` does with `.withoutEscapingSlashes`).
    mutating func writeString(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var run = 0
            for i in 0 ..< utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run ..< i]))
                appendEscape(b)
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(0x22)
    }

    private mutating func appendEscape(_ b: UInt8) {
        switch b {
        case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
        case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
        case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
        case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
        case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
        }
    }
}
