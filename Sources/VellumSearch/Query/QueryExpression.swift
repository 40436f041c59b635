/// A boolean search expression: terms and filters combined with AND, OR and NOT.
///
/// The parser keeps the grouping the user wrote: `(a b) c` is `.and([.and([a, b]), c])`, which
/// ``Query/normalized()`` flattens. A well-formed expression, which the parser always builds,
/// has at least two operands in every `.and` and `.or`; ``allOf(_:)`` and ``anyOf(_:)`` build
/// one from any number of operands.
public indirect enum QueryExpression: Sendable, Hashable {
    /// A word, phrase or prefix.
    case term(QueryTerm)
    /// A field filter such as `channel:wecom` or `after:2026-03-01`.
    case field(QueryFilter)
    /// Every operand matches (implicit AND, or `AND`).
    case and([QueryExpression])
    /// At least one operand matches (`OR`).
    case or([QueryExpression])
    /// The operand does not match (`NOT x`, `-x`).
    case not(QueryExpression)

    /// The AND of `operands`: `nil` for none, the operand itself for one.
    public static func allOf(_ operands: [QueryExpression]) -> QueryExpression? {
        operands.count > 1 ? .and(operands) : operands.first
    }

    /// The OR of `operands`: `nil` for none, the operand itself for one.
    public static func anyOf(_ operands: [QueryExpression]) -> QueryExpression? {
        operands.count > 1 ? .or(operands) : operands.first
    }

    /// Whether every `.and` and `.or` inside has two or more operands and every value is one the
    /// parser could have produced, so that printing and parsing it again gives it back.
    public var isWellFormed: Bool {
        switch self {
        case .term(let term): QueryPrinter.isPrintable(term)
        case .field(let filter): filter.isWellFormed
        case .and(let operands), .or(let operands): operands.count > 1 && operands.allSatisfy(\.isWellFormed)
        case .not(let operand): operand.isWellFormed
        }
    }
}
