public import Foundation

/// What the executor wants to know about a query before running it.
extension Query {
    /// Words, phrases and prefixes that a match must or may contain, for highlighting: every
    /// term under an even number of NOTs, each once, in the order written.
    public var terms: [QueryTerm] { expression?.positiveTerms ?? [] }

    /// Whether any word, phrase or prefix occurs, negated or not, so the text index is needed.
    public var requiresText: Bool { expression?.containsTerm ?? false }

    /// The send times every match must fall within, so the executor can prefilter by date.
    ///
    /// Set when the query (after ``normalized()``) is a date filter or an AND with date filters
    /// among its operands, which then intersect; ``QueryDateBounds/unbounded`` otherwise. Days
    /// are taken in `timeZone`, the archive's. Dates under OR or NOT do not narrow it.
    public func dateBounds(in timeZone: TimeZone) -> QueryDateBounds {
        guard let expression = expression?.normalized() else { return .unbounded }
        let operands: [QueryExpression] =
            if case .and(let operands) = expression { operands } else { [expression] }
        return operands.reduce(QueryDateBounds.unbounded) { bounds, operand in
            guard case .field(.sent(let date)) = operand else { return bounds }
            return bounds.intersection(date.bounds(in: timeZone))
        }
    }
}

extension QueryExpression {
    /// See ``Query/terms``.
    var positiveTerms: [QueryTerm] {
        var found: [QueryTerm] = []
        collectTerms(positive: true, into: &found)
        return found
    }

    private func collectTerms(positive: Bool, into found: inout [QueryTerm]) {
        switch self {
        case .term(let term): if positive && !found.contains(term) { found.append(term) }
        case .field: break
        case .and(let operands), .or(let operands):
            for operand in operands { operand.collectTerms(positive: positive, into: &found) }
        case .not(let operand): operand.collectTerms(positive: !positive, into: &found)
        }
    }

    var containsTerm: Bool {
        switch self {
        case .term: true
        case .field: false
        case .and(let operands), .or(let operands): operands.contains(where: \.containsTerm)
        case .not(let operand): operand.containsTerm
        }
    }
}
