/// Writes the compact output line of `vellum scan` into a byte buffer:
/// `{"id":"…","findings":[{"detector":…,"start":…,"end":…,"confidence":…,"masked":…}]}`
/// in exactly that key order, confidence with at most two decimals.
enum JSONLineWriter {
    static func write(id: UnsafeBufferPointer<UInt8>, findings: [Finding], into out: inout [UInt8]) {
        literal(#"{"id":"#, into: &out)
        string(id, into: &out)
        literal(#","findings":["#, into: &out)
        for (index, finding) in findings.enumerated() {
            if index > 0 { out.append(0x2C) }
            literal(#"{"detector":"#, into: &out)
            string(finding.detector, into: &out)
            literal(#","start":"#, into: &out)
            integer(finding.start, into: &out)
            literal(#","end":"#, into: &out)
            integer(finding.end, into: &out)
            literal(#","confidence":"#, into: &out)
            confidence(finding.confidence, into: &out)
            literal(#","masked":"#, into: &out)
            string(finding.masked, into: &out)
            out.append(0x7D)
        }
        literal("]}", into: &out)
    }

    /// Appends a compile-time ASCII literal without going through String.
    @inline(__always) static func literal(_ s: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { string($0, into: &out) }
    }

    /// A JSON string literal; escapes `"`, `\` and control characters.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        var i = 0
        while i < bytes.count {
            // Copy the run that needs no escaping in one go.
            let special = JSONSpecialBytes.first(in: bytes, from: i, to: bytes.count)
            if special > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<special])) }
            guard special < bytes.count else { break }
            i = special + 1
            let b = bytes[special]
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            default:
                let hex: StaticString = "0123456789abcdef"
                literal(#"\u00"#, into: &out)
                out.append(hex.utf8Start[Int(b >> 4)])
                out.append(hex.utf8Start[Int(b & 0xF)])
            }
        }
        out.append(0x22)
    }

    static func integer(_ value: Int, into out: inout [UInt8]) {
        if value < 0 {
            out.append(0x2D)
            integer(-value, into: &out)
            return
        }
        if value >= 10 { integer(value / 10, into: &out) }
        out.append(UInt8(0x30 + value % 10))
    }

    /// `0.95`, `0.9`, `1.0`: hundredths with trailing zeros trimmed.
    static func confidence(_ value: Double, into out: inout [UInt8]) {
        let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
        integer(hundredths / 100, into: &out)
        out.append(0x2E)
        let tenths = (hundredths % 100) / 10
        let rest = hundredths % 10
        out.append(UInt8(0x30 + tenths))
        if rest != 0 { out.append(UInt8(0x30 + rest)) }
    }
}
