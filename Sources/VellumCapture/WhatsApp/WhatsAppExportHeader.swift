import VellumCore

/// One line of an export, as written and, for lines that may start a message, as normalized
/// for matching.
///
/// Normalizing removes the invisible direction marks WhatsApp sprinkles in (U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069, U+061C, BOM), turns NBSP, U+202F and thin spaces into a plain
/// space, the Arabic comma into `,`, and Arabic-Indic, Persian and Devanagari digits into ASCII.
/// Only the first ``prefixLimit`` scalars of a line that starts with a digit are normalized: that
/// holds the header and the author. `origin` maps every normalized scalar back to the original,
/// so content is always cut from the original text.
struct WhatsAppExportLine {
    /// The line as decoded.
    let text: String
    let normalized: [Unicode.Scalar]
    /// For each normalized scalar, where it starts in `text`.
    let origin: [String.Index]
    /// Where the scanned prefix ends in `text`.
    let scannedEnd: String.Index

    static let prefixLimit = 256

    init(_ text: String) {
        self.text = text
        guard Self.mayStartHeader(text) else {
            normalized = []
            origin = []
            scannedEnd = text.startIndex
            return
        }
        let u = text.unicodeScalars
        var n: [Unicode.Scalar] = []
        var o: [String.Index] = []
        n.reserveCapacity(64)
        o.reserveCapacity(64)
        var i = u.startIndex
        var count = 0
        while i < u.endIndex, count < Self.prefixLimit {
            let s = u[i]
            if !Self.isMark(s) {
                n.append(Self.fold(s))
                o.append(i)
            }
            i = u.index(after: i)
            count += 1
        }
        normalized = n
        origin = o
        scannedEnd = i
    }

    /// Whether the first visible character is a digit (after marks, spaces and `[`): a header
    /// cannot start otherwise, so other lines skip normalization.
    static func mayStartHeader(_ text: String) -> Bool {
        for s in text.unicodeScalars.prefix(12) {
            if isMark(s) || s == " " || s == "[" || s == "\u{00A0}" { continue }
            let f = fold(s).value
            return f >= 0x30 && f <= 0x39
        }
        return false
    }

    var isBlank: Bool { text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || Self.isMark($0) || $0.properties.isWhitespace } }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200E, 0x200F, 0x202A ... 0x202E, 0x2066 ... 0x2069, 0x061C, 0xFEFF: true
        default: false
        }
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x00A0, 0x202F, 0x2007, 0x2009, 0x200A: " "
        case 0x060C: ","
        case 0x0660 ... 0x0669: Unicode.Scalar(s.value - 0x0660 + 0x30)!
        case 0x06F0 ... 0x06F9: Unicode.Scalar(s.value - 0x06F0 + 0x30)!
        case 0x0966 ... 0x096F: Unicode.Scalar(s.value - 0x0966 + 0x30)!
        default: s
        }
    }

    /// Text without direction marks.
    static func stripMarks(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isMark) else { return String(text) }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !isMark(s) { out.append(s) }
        return String(out)
    }

    /// Text without leading and trailing white space.
    static func trim(_ text: some StringProtocol) -> String {
        let u = text.unicodeScalars
        guard let a = u.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let b = u.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(u[a ... b]))
    }

    /// Where a normalized position starts in `text` (the end of the scanned prefix past the last one).
    func originalIndex(_ j: Int) -> String.Index { j < normalized.count ? origin[j] : scannedEnd }

    /// The original text from a normalized index to the end of the line.
    func originalSuffix(fromNormalized j: Int) -> String {
        String(text.unicodeScalars[originalIndex(j)...])
    }

    /// The original text between two normalized indexes.
    func original(fromNormalized a: Int, to b: Int) -> String {
        let x = originalIndex(a), y = originalIndex(b)
        guard x < y else { return "" }
        return String(text.unicodeScalars[x ..< y])
    }
}

enum WhatsAppMeridiem: Sendable { case am, pm }

/// The date-and-time header that starts a message, in either layout:
/// Android `12/31/23, 9:41 PM - ` and iOS `[31/12/2023, 21:41:07] `, with any date order, the
/// separators `/ . -` (and `年 月 日`), 2- or 4-digit years, a Buddhist-era `BE` suffix, 12- or
/// 24-hour clocks, `:` or `.` in times, Finnish `klo`, and AM/PM in English, Spanish
/// (`a. m.`), Arabic (`ص`/`م`), Chinese, Japanese and Korean.
struct WhatsAppExportHeader: Sendable {
    var bracketed: Bool
    /// The date separator (`/`, `.`, `-`, or `年`).
    var separator: Unicode.Scalar
    /// The three date numbers in file order, and how many digits each had.
    var fields: [Int]
    var digits: [Int]
    var buddhistEra: Bool
    var hour: Int
    var minute: Int
    var second: Int?
    var meridiem: WhatsAppMeridiem?
    /// Normalized index where the text after the header starts.
    var contentStart: Int

    struct Shape: Hashable, Sendable {
        var bracketed: Bool
        var separator: Unicode.Scalar
    }

    var shape: Shape { Shape(bracketed: bracketed, separator: separator) }

    /// The hour on a 24-hour clock (12 AM → 0, 1 PM → 13; a `00:08 a. m.` stays 0).
    var hour24: Int {
        switch meridiem {
        case .none: hour
        case .am: hour == 12 ? 0 : hour
        case .pm: hour < 12 ? hour + 12 : hour
        }
    }

    private static let suffixMeridiems: [(String, WhatsAppMeridiem)] = [
        ("a. m.", .am), ("p. m.", .pm), ("a.m.", .am), ("p.m.", .pm), ("a.m", .am), ("p.m", .pm),
        ("vorm.", .am), ("nachm.", .pm), ("am", .am), ("pm", .pm), ("ص", .am), ("م", .pm),
        ("上午", .am), ("下午", .pm), ("午前", .am), ("午後", .pm), ("오전", .am), ("오후", .pm), ("sa", .am), ("ch", .pm),
    ]

    private static let prefixMeridiems: [(String, WhatsAppMeridiem)] = [
        ("上午", .am), ("下午", .pm), ("午前", .am), ("午後", .pm), ("오전", .am), ("오후", .pm),
    ]

    /// Parses a header at the start of a normalized line; nil when the line does not start with one
    /// (then it continues the previous message).
    static func parse(_ s: [Unicode.Scalar]) -> WhatsAppExportHeader? {
        var i = 0
        let n = s.count
        func at(_ k: Int) -> Unicode.Scalar? { k < n ? s[k] : nil }
        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }
        func isLetter(_ c: Unicode.Scalar?) -> Bool { c.map { $0.properties.isAlphabetic } ?? false }
        func skipSpaces() { while at(i) == " " { i += 1 } }
        func number(max: Int) -> (Int, Int)? {
            var v = 0, d = 0
            while d < max, isDigit(at(i)) {
                v = v * 10 + Int(s[i].value - 0x30)
                i += 1
                d += 1
            }
            if isDigit(at(i)) { return nil }  // too many digits
            return d == 0 ? nil : (v, d)
        }
        func match(_ word: String, caseInsensitive: Bool = true) -> Bool {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= n else { return false }
            for k in 0 ..< w.count {
                let a = s[i + k], b = w[k]
                if a == b { continue }
                // Only ASCII letters differ by case among the words matched here.
                if caseInsensitive, a.isASCII, b.isASCII, a.value | 0x20 == b.value | 0x20, (0x61 ... 0x7A).contains(a.value | 0x20) {
                    continue
                }
                return false
            }
            return true
        }

        skipSpaces()
        let bracketed = at(i) == "["
        if bracketed {
            i += 1
            skipSpaces()
        }
        guard let (a, da) = number(max: 4) else { return nil }
        skipSpaces()
        guard let sep1 = at(i), "/.-年".unicodeScalars.contains(sep1) else { return nil }
        i += 1
        skipSpaces()
        guard let (b, db) = number(max: 4) else { return nil }
        skipSpaces()
        guard let sep2 = at(i), sep2 == sep1 || (sep1 == "年" && sep2 == "月") else { return nil }
        i += 1
        skipSpaces()
        guard let (c, dc) = number(max: 4) else { return nil }
        let digits = [da, db, dc]
        // One 4-digit year at most; a 3-digit field is no date.
        guard digits.filter({ $0 >= 3 }).count <= 1, !digits.contains(3) else { return nil }
        if at(i) == "." || at(i) == "日" { i += 1 }
        var buddhist = false
        do {
            let save = i
            skipSpaces()
            if match("BE", caseInsensitive: false), !isLetter(at(i + 2)) {
                buddhist = true
                i += 2
            } else if match("B.E.", caseInsensitive: false) {
                buddhist = true
                i += 4
            } else {
                i = save
            }
        }
        // Between date and time: spaces and a comma, or Finnish "klo".
        let beforeGap = i
        while at(i) == " " || at(i) == "," { i += 1 }
        if match("klo "), !isLetter(at(i - 1)) {
            i += 4
            skipSpaces()
        }
        guard i > beforeGap || !isDigit(at(i)) else { return nil }
        var meridiem: WhatsAppMeridiem?
        for (word, m) in prefixMeridiems where match(word) {
            meridiem = m
            i += word.unicodeScalars.count
            skipSpaces()
            break
        }
        guard let (hour, _) = number(max: 2) else { return nil }
        guard let tsep = at(i), tsep == ":" || tsep == "." else { return nil }
        i += 1
        guard let (minute, dm) = number(max: 2), dm == 2 else { return nil }
        var second: Int?
        if let t = at(i), t == tsep, isDigit(at(i + 1)) {
            i += 1
            guard let (sec, ds) = number(max: 2), ds == 2 else { return nil }
            second = sec
        }
        if meridiem == nil {
            let save = i
            skipSpaces()
            var found = false
            for (word, m) in suffixMeridiems where match(word) {
                let end = i + word.unicodeScalars.count
                // The marker must end there ("am" of "amazing" is not one).
                if let next = end < n ? s[end] : nil, next.properties.isAlphabetic { continue }
                meridiem = m
                i = end
                found = true
                break
            }
            if !found { i = save }
        }
        guard minute < 60, (second ?? 0) < 60 else { return nil }
        if meridiem != nil { guard hour <= 12 else { return nil } } else { guard hour < 24 else { return nil } }
        if bracketed {
            skipSpaces()
            guard at(i) == "]" else { return nil }
            i += 1
            if at(i) == " " { i += 1 }
        } else {
            let save = i
            skipSpaces()
            guard i > save, let dash = at(i), dash == "-" || dash == "–" else { return nil }
            i += 1
            guard i == n || at(i) == " " else { return nil }
            if i < n { i += 1 }
        }
        return WhatsAppExportHeader(
            bracketed: bracketed, separator: sep1, fields: [a, b, c], digits: digits, buddhistEra: buddhist,
            hour: hour, minute: minute, second: second, meridiem: meridiem, contentStart: i)
    }
}

/// The order of the three date fields in an export's headers.
public enum WhatsAppExportDateOrder: String, Sendable, CaseIterable, CustomStringConvertible {
    case dayMonthYear = "day/month/year"
    case monthDayYear = "month/day/year"
    case yearMonthDay = "year/month/day"
    case yearDayMonth = "year/day/month"

    public var description: String { rawValue }

    /// Field positions of (day, month, year).
    var positions: (day: Int, month: Int, year: Int) {
        switch self {
        case .dayMonthYear: (0, 1, 2)
        case .monthDayYear: (1, 0, 2)
        case .yearMonthDay: (2, 1, 0)
        case .yearDayMonth: (1, 2, 0)
        }
    }

    /// A calendar date from a header's fields, or nil when the fields cannot be one in this order.
    /// Two-digit years are 20yy (WhatsApp exists since 2009); Buddhist-era years (a `BE` suffix, or
    /// any year after 2400) lose 543.
    func date(_ h: WhatsAppExportHeader) -> (year: Int, month: Int, day: Int)? {
        let p = positions
        let d = h.fields[p.day], m = h.fields[p.month]
        var y = h.fields[p.year]
        guard h.digits[p.day] <= 2, h.digits[p.month] <= 2 else { return nil }
        if h.digits[p.year] <= 2 { y += 2000 }
        if h.buddhistEra || y > 2400 { y -= 543 }
        guard (1 ... 12).contains(m), d >= 1, d <= CivilDate.daysInMonth(y, m) else { return nil }
        return (y, m, d)
    }
}
