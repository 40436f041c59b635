import Foundation

/// `loadfile.dat`: a Concordance / Relativity load file with the Relativity defaults: UTF-8 with
/// a byte order mark, CRLF rows, a header row, every field between `þ` (U+00FE), fields
/// separated by DC4 (0x14), line breaks inside a field as `®` (U+00AE), `;` between values.
///
/// The format has no escape: a `þ` or DC4 in a value becomes U+FFFD, and a literal `®` becomes
/// `(R)` (it would load as a line break). The verbatim text is in the natives and JSON lines.
/// Paths (`NATIVE_PATH` = the record's RSMF, else EML, else HTML transcript) are relative to the
/// load file, with `\` separators.
final class DATWriter: RecordWriter {
    let path = "loadfile.dat"
    private let out: OutputFile
    private let custodian: String?

    init(registry: OutputRegistry, custodian: String?) throws {
        out = try registry.create(path)
        self.custodian = custodian
        try out.write([0xEF, 0xBB, 0xBF] as [UInt8])
        try writeRow(RecordRow.columns)
    }

    func add(_ m: RenderedMessage, conversationKey: String, placement: RecordPlacement) throws {
        try writeRow(
            RecordRow.values(m, conversationKey: conversationKey, placement: placement, custodian: custodian) {
                $0.replacingOccurrences(of: "/", with: "\\")
            })
    }

    func finish() throws { try out.close() }

    private func writeRow(_ values: [String]) throws {
        var line = ""
        for (i, value) in values.enumerated() {
            if i > 0 { line += "\u{14}" }
            line += "þ" + Self.field(value) + "þ"
        }
        line += "\r\n"
        try out.write(line)
    }

    static func field(_ value: String) -> String {
        // Fast path: nothing to replace (CR, LF, DC4, and the lead byte of þ and ® in UTF-8).
        if !value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x14 || $0 == 0xC3 || $0 == 0xC2 }) {
            return value
        }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\r":
                out.append("®")
                previousCR = true
                continue
            case "\n": if !previousCR { out.append("®") }
            case "þ": out.append("\u{FFFD}")
            case "\u{14}": out.append("\u{FFFD}")
            case "®": out.append(contentsOf: "(R)".unicodeScalars)
            default: out.append(scalar)
            }
            previousCR = false
        }
        return String(out)
    }
}
