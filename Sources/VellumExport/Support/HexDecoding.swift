import Foundation

/// Hexadecimal decoding into one allocation (VellumCore's `Data(hexString:)` appends byte by
/// byte, which dominated the per-record proof checks).
enum HexDecoding {
    /// Lowercase or uppercase hex; nil for anything else.
    static func data(_ hex: String) -> Data? {
        var hex = hex
        return hex.withUTF8 { utf8 -> Data? in
            guard utf8.count % 2 == 0 else { return nil }
            var out = [UInt8](repeating: 0, count: utf8.count / 2)
            for i in 0..<out.count {
                guard let hi = value(utf8[2 * i]), let lo = value(utf8[2 * i + 1]) else { return nil }
                out[i] = hi << 4 | lo
            }
            return Data(out)
        }
    }

    @inline(__always)
    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }
}
