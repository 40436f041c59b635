import Foundation

/// `messages.csv`: RFC 4180 (comma, CRLF rows, fields with `,`, `"`, CR or LF quoted, quotes
/// doubled), UTF-8, a header row, one row per record.
///
/// Values are exported verbatim, including leading `=`, `+`, `-` or `@`: the text is evidence,
/// so open the file in a spreadsheet with formula evaluation in mind.
final class CSVWriter: RecordWriter {
    let path = "messages.csv"
    private let out: OutputFile
    private let custodian: String?

    init(registry: OutputRegistry, byteOrderMark: Bool, custodian: String?) throws {
        out = try registry.create(path)
        self.custodian = custodian
        if byteOrderMark { try out.write([0xEF, 0xBB, 0xBF] as [UInt8]) }
        try writeRow(RecordRow.columns)
    }

    func add(_ m: RenderedMessage, conversationKey: String, placement: RecordPlacement) throws {
        try writeRow(
            RecordRow.values(m, conversationKey: conversationKey, placement: placement, custodian: custodian) { $0 })
    }

    func finish() throws { try out.close() }

    private func writeRow(_ values: [String]) throws {
        var line = ""
        for (i, value) in values.enumerated() {
            if i > 0 { line += "," }
            line += Self.field(value)
        }
        line += "\r\n"
        try out.write(line)
    }

    static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
