/// Why a search query (or a saved search) was refused, and where.
///
/// ``column`` counts Unicode scalars from 1, so it matches `Array(text.unicodeScalars)` in Swift
/// and `Array.from(text)` in JavaScript; ``pointer(in:)`` turns it into a caret under the text.
/// Messages quote the offending token and never message content from the archive.
public struct QueryError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of mistake the query has; tests and callers match on these.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A `"` (or `“`, `”`, `＂`) that is never closed; the column is the opening quote's.
        public static let unterminatedQuote = Code("unterminatedQuote")
        /// `""`: quotes with nothing (or only spaces) between them.
        public static let emptyPhrase = Code("emptyPhrase")
        /// A `(` never closed (column of that `(`) or a `)` with no `(` (column of that `)`).
        public static let unbalancedParenthesis = Code("unbalancedParenthesis")
        /// `()` with nothing inside.
        public static let emptyGroup = Code("emptyGroup")
        /// `AND` or `OR` with nothing on one side (`a AND`, `OR b`).
        public static let danglingOperator = Code("danglingOperator")
        /// `NOT` or `-` with nothing after it.
        public static let missingOperand = Code("missingOperand")
        /// `name:` where `name` is not a field (`frm:x`).
        public static let unknownField = Code("unknownField")
        /// A field with nothing after its colon (`from:`).
        public static let emptyValue = Code("emptyValue")
        /// A field value outside the field's set (`channel:fax`, `alert:done`, `sort:size`).
        public static let invalidValue = Code("invalidValue")
        /// A date that is malformed or not on the calendar (`after:2026-02-30`).
        public static let invalidDate = Code("invalidDate")
        /// A `sent:` range whose start is after its end, or with neither end.
        public static let invalidRange = Code("invalidRange")
        /// A `*` with nothing before it, or more than one at the end of a word.
        public static let invalidPrefix = Code("invalidPrefix")
        /// `sort:` inside parentheses, after `NOT`/`-`, or next to `AND`/`OR`.
        public static let misplacedSort = Code("misplacedSort")
        /// A second `sort:` in one query.
        public static let duplicateSort = Code("duplicateSort")
        /// Text longer than ``Query/maximumLength`` scalars.
        public static let tooLong = Code("tooLong")
        /// Parentheses and `NOT`s nested deeper than ``Query/maximumDepth``.
        public static let tooDeep = Code("tooDeep")
        /// A saved search whose name or author breaks ``SavedSearch``'s rules.
        public static let invalidSavedSearch = Code("invalidSavedSearch")
    }

    /// What went wrong, for matching.
    public var code: Code
    /// 1-based position of the offending token, in Unicode scalars of the checked text.
    public var column: Int
    /// A human sentence, such as "unknown field `frm`; did you mean `from`?".
    public var message: String
    /// Where in Vellum's source the error was raised, for bug reports.
    public var fileID: String
    public var line: Int

    public init(_ code: Code, column: Int, _ message: String, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.column = column
        self.message = message
        self.fileID = fileID
        self.line = line
    }

    /// `column N: message`.
    public var description: String { "column \(column): \(message)" }

    /// Two lines: `text` (tabs, line breaks and other controls shown as spaces) and a `^` under ``column``.
    ///
    /// Wide characters (CJK, full-width forms, most emoji) are padded with an ideographic space
    /// and combining marks with nothing, so the caret lines up in a terminal or monospace font.
    public func pointer(in text: String) -> String {
        var shown = ""
        var pad = ""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let category = scalar.properties.generalCategory
            let isBreak = category == .control || category == .lineSeparator || category == .paragraphSeparator
            shown.unicodeScalars.append(isBreak ? " " : scalar)
            guard offset < column - 1 else { continue }
            switch QueryDisplayWidth.of(scalar) {
            case 0: break
            case 2: pad.unicodeScalars.append("\u{3000}")
            default: pad.append(" ")
            }
        }
        return shown + "\n" + pad + "^"
    }

    public static func == (lhs: QueryError, rhs: QueryError) -> Bool {
        lhs.code == rhs.code && lhs.column == rhs.column && lhs.message == rhs.message
    }
}
