import VellumCore

/// RFC 4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes, CRLF or LF.
///
/// Small enough to own: a directory file is the only CSV Vellum reads.
enum CSVReader {
    struct Row {
        var line: Int
        var fields: [String]
    }

    static func rows(_ text: String, file: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars = chars.dropFirst() }
        var i = chars.startIndex
        while i < chars.endIndex {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.endIndex, chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else {
                    throw VellumError(.invalidInput, "\(file):\(line): a quote inside an unquoted field")
                }
                inQuotes = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < chars.endIndex, chars[i + 1] == "\n" { i += 1 }
                fields.append(field)
                rows.append(Row(line: rowStart, fields: fields))
                fields = []
                field = ""
                line += 1
                rowStart = line
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes { throw VellumError(.invalidInput, "\(file):\(rowStart): a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowStart, fields: fields))
        }
        return rows
    }
}
