public import Foundation

extension Data {
    /// Lowercase hexadecimal.
    public var hexString: String {
        // Through the contiguous bytes: Data's own iterator goes a byte at a time through its
        // representation, which showed in profiles of the import (keys become hex per record).
        withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { buf in
                hexDigits.withUnsafeBufferPointer { digits in
                    var i = 0
                    for byte in bytes {
                        buf[i] = digits[Int(byte >> 4)]
                        buf[i + 1] = digits[Int(byte & 0xF)]
                        i += 2
                    }
                    return i
                }
            }
        }
    }

    /// Parses lowercase or uppercase hexadecimal; nil for anything else.
    public init?(hexString: String) {
        let b = Array(hexString.utf8)
        guard b.count % 2 == 0 else { return nil }
        var out = Data(capacity: b.count / 2)
        func v(_ c: UInt8) -> UInt8? {
            switch c {
            case 48 ... 57: c - 48
            case 97 ... 102: c - 87
            case 65 ... 70: c - 55
            default: nil
            }
        }
        var i = 0
        while i < b.count {
            guard let hi = v(b[i]), let lo = v(b[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        self = out
    }
}

/// Lowercase hexadecimal digits, made once (an array per call was an allocation per key).
private let hexDigits = Array("0123456789abcdef".utf8)
