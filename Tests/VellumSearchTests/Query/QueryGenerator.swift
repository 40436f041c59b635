import VellumSearch

/// Random well-formed queries for property tests: every construct, awkward text included
/// (quotes, backslashes, brackets, keywords, CJK, combining marks, field-like words).
struct QueryGenerator {
    private var random: QueryRandom

    init(seed: UInt64) { random = QueryRandom(seed: seed) }

    static let sampleWords = [
        "contract", "Contract", "合同", "付款方式", "e-mail", "12:30", "naïve", "Zürich", "and", "or", "not",
        "$100", "C++", "a*b", "O'Brien", "привет", "مرحبا", "😀", "x_y", "http://example.com/a", "x-", "cafe\u{301}",
    ]
    private static let wordScalars = Array("abcXYZé合同付款客户-_.'0123456789@#*ß".unicodeScalars)
    private static let textScalars = Array("ab Z合同 \"“”＂\\()（）:：-*/AND OR张伟\t".unicodeScalars)
    private static let idScalars = Array("abcxyz019_".unicodeScalars)

    mutating func query() -> Query {
        let expression = int(0..<10) == 0 ? nil : expression(depth: 0)
        return Query(expression: expression, sort: int(0..<2) == 0 ? nil : pick(QuerySort.allCases))
    }

    mutating func expression(depth: Int) -> QueryExpression {
        let leafOnly = depth >= 4
        switch leafOnly ? int(0..<2) : int(0..<6) {
        case 0: return .term(term())
        case 1: return .field(filter())
        case 2: return .and((0..<int(2..<5)).map { _ in expression(depth: depth + 1) })
        case 3: return .or((0..<int(2..<5)).map { _ in expression(depth: depth + 1) })
        default: return .not(expression(depth: depth + 1))
        }
    }

    mutating func term() -> QueryTerm {
        switch int(0..<3) {
        case 0: .word(word())
        case 1: .phrase(text())
        default: .prefix(stem())
        }
    }

    mutating func filter() -> QueryFilter {
        switch int(0..<11) {
        case 0: .from(text())
        case 1: .to(text())
        case 2: .participant(text())
        case 3: .conversation(text())
        case 4: .hold(text())
        case 5: .channel(pick(QueryChannel.allCases))
        case 6: .has(pick(QueryFeature.allCases))
        case 7: .alert(pick(QueryAlertState.allCases))
        case 8: .kind(identifier())
        case 9: .detector(identifier())
        default: .sent(dateFilter())
        }
    }

    mutating func dateFilter() -> QueryDateFilter {
        switch int(0..<4) {
        case 0: return .after(time())
        case 1: return .before(time())
        case 2: return .on(day())
        default:
            let (a, b) = (time(), time())
            let (from, through) = a.startsAfter(b) ? (b, a) : (a, b)
            switch int(0..<3) {
            case 0: return .range(from: from, through: nil)
            case 1: return .range(from: nil, through: through)
            default: return .range(from: from, through: through)
            }
        }
    }

    mutating func day() -> QueryDay {
        if int(0..<20) == 0 { return pick([.ymd(1, 1, 1), .ymd(9999, 12, 31), .ymd(2024, 2, 29)]) }
        let year = int(1990..<2041)
        let month = int(1..<13)
        return QueryDay(year: year, month: month, day: int(1..<32)) ?? .ymd(year, month, 28)
    }

    mutating func time() -> QueryTime {
        guard int(0..<2) == 0 else { return .day(day()) }
        let seconds = Int64(int(0..<2_000_000_000))
        let nanoseconds = int(0..<3) == 0 ? Int32(int(0..<1_000_000_000)) : 0
        let offset = Int32(int(-56..<57) * 15 * 60)
        return .instant(QueryInstant(secondsSinceEpoch: seconds, nanoseconds: nanoseconds, utcOffsetSeconds: offset)!)
    }

    /// A word that lexes as itself: no delimiters, no leading `-`, no trailing `*`, no keyword.
    mutating func word() -> String {
        if int(0..<3) == 0 { return pick(Self.sampleWords) }
        while true {
            let word = string(from: Self.wordScalars, length: int(1..<9))
            if !word.hasPrefix("-"), !word.hasSuffix("*"), !["AND", "OR", "NOT"].contains(word) { return word }
        }
    }

    mutating func stem() -> String {
        while true {
            let stem = word()
            if !stem.hasSuffix("*") { return stem }
        }
    }

    /// Free text for phrases and values: anything but blank.
    mutating func text() -> String {
        while true {
            let text = string(from: Self.textScalars, length: int(1..<12))
            if text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { return text }
        }
    }

    mutating func identifier() -> String { string(from: Self.idScalars, length: int(1..<12)) }

    private mutating func string(from scalars: [Unicode.Scalar], length: Int) -> String {
        var out = String.UnicodeScalarView()
        for _ in 0..<length { out.append(pick(scalars)) }
        return String(out)
    }

    private mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }

    private mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}

extension QueryTime {
    /// The parser's rule for a range that runs backwards: moments compare as moments, a day
    /// against an instant by the instant's own local date.
    func startsAfter(_ other: QueryTime) -> Bool {
        switch (self, other) {
        case (.day(let a), .day(let b)): b < a
        case (.instant(let a), .instant(let b)):
            (b.secondsSinceEpoch, b.nanoseconds) < (a.secondsSinceEpoch, a.nanoseconds)
        case (.day(let a), .instant(let b)): b.localDay < a
        case (.instant(let a), .day(let b)): b < a.localDay
        }
    }
}
