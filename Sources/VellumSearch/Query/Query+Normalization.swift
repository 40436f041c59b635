/// Negation normal form for the executor.
extension Query {
    /// The same query with every NOT pushed down to a term or filter (De Morgan's laws, double
    /// negations dropped), nested ANDs and ORs flattened into their parents, and repeated
    /// operands of one AND or OR kept once. The sort stays as it is.
    public func normalized() -> Query {
        Query(expression: expression.map { $0.normalized() }, sort: sort)
    }
}

extension QueryExpression {
    /// See ``Query/normalized()``.
    public func normalized() -> QueryExpression {
        switch self {
        case .term, .field: self
        case .and(let operands): Self.flattened(operands.map { $0.normalized() }, and: true)
        case .or(let operands): Self.flattened(operands.map { $0.normalized() }, and: false)
        case .not(let operand): operand.negatedNormalized()
        }
    }

    /// The normal form of `NOT self`.
    private func negatedNormalized() -> QueryExpression {
        switch self {
        case .term, .field: .not(self)
        case .not(let operand): operand.normalized()
        case .and(let operands): Self.flattened(operands.map { $0.negatedNormalized() }, and: false)
        case .or(let operands): Self.flattened(operands.map { $0.negatedNormalized() }, and: true)
        }
    }

    /// Operands of the same kind lifted into one AND (or OR), first occurrences kept.
    private static func flattened(_ operands: [QueryExpression], and isAnd: Bool) -> QueryExpression {
        var flat: [QueryExpression] = []
        for operand in operands {
            switch (operand, isAnd) {
            case (.and(let inner), true), (.or(let inner), false):
                for item in inner where !flat.contains(item) { flat.append(item) }
            default:
                if !flat.contains(operand) { flat.append(operand) }
            }
        }
        return (isAnd ? allOf(flat) : anyOf(flat)) ?? (isAnd ? .and(flat) : .or(flat))
    }
}
