/// Recursive descent over the lexer's tokens, precedence NOT > AND > OR:
///
///     or    = and { "OR" and }
///     and   = unary { [ "AND" ] unary }
///     unary = ( "NOT" | "-" ) unary | primary
///     primary = "(" or ")" | term | field
///
/// Parentheses are checked for balance and `sort:` taken out before the descent, so the grammar
/// only ever sees matched groups and filters.
struct QueryParser {
    private let lexemes: [QueryLexeme]
    private var position = 0
    private var depth = 0

    static func parse(_ text: String) throws(QueryError) -> Query {
        let length = text.unicodeScalars.count
        guard length <= Query.maximumLength else { throw .tooLong(length) }
        let lexemes = try QueryLexer.lex(text)
        try checkBalance(lexemes)
        let (rest, sort) = try extractSort(lexemes)
        var parser = QueryParser(lexemes: rest)
        let expression = try parser.parseQuery()
        return Query(expression: expression, sort: sort)
    }

    private init(lexemes: [QueryLexeme]) { self.lexemes = lexemes }

    private mutating func parseQuery() throws(QueryError) -> QueryExpression? {
        guard !lexemes.isEmpty else { return nil }
        let expression = try parseOr()
        // Balance was checked, so only a `)` closing nothing could be left; report it all the same.
        if let extra = peek { throw .unopenedParenthesis(extra.column) }
        return expression
    }

    private mutating func parseOr() throws(QueryError) -> QueryExpression {
        var operands = [try parseAnd()]
        while let lexeme = peek, lexeme.token == .or {
            position += 1
            guard startsOperand(peek) else { throw .nothingAfter("OR", lexeme.column) }
            operands.append(try parseAnd())
        }
        return QueryExpression.anyOf(operands) ?? operands[0]
    }

    private mutating func parseAnd() throws(QueryError) -> QueryExpression {
        var operands = [try parseUnary()]
        while let lexeme = peek {
            if lexeme.token == .and {
                position += 1
                guard startsOperand(peek) else { throw .nothingAfter("AND", lexeme.column) }
            } else if !startsOperand(lexeme) {
                break
            }
            operands.append(try parseUnary())
        }
        return QueryExpression.allOf(operands) ?? operands[0]
    }

    private mutating func parseUnary() throws(QueryError) -> QueryExpression {
        guard let lexeme = peek, lexeme.token == .not || lexeme.token == .minus else { return try parsePrimary() }
        position += 1
        guard startsOperand(peek) else { throw .missingOperand(lexeme.token == .not ? "NOT" : "-", lexeme.column) }
        return .not(
            try nested(at: lexeme.column) { (parser: inout QueryParser) throws(QueryError) in try parser.parseUnary() })
    }

    private mutating func parsePrimary() throws(QueryError) -> QueryExpression {
        // Callers check `startsOperand` first, except at the start of the query or a group.
        guard let lexeme = peek else { throw .unclosedParenthesis(lexemes.last?.column ?? 1) }
        position += 1
        switch lexeme.token {
        case .term(let term): return .term(term)
        case .field(let filter): return .field(filter)
        case .open:
            if peek?.token == .close { throw .emptyGroup(lexeme.column) }
            let inner = try nested(at: lexeme.column) { (parser: inout QueryParser) throws(QueryError) in
                try parser.parseOr()
            }
            position += 1  // the `)`; balance was checked and `parseOr` stops only there
            return inner
        case .and: throw .nothingBefore("AND", lexeme.column)
        case .or: throw .nothingBefore("OR", lexeme.column)
        case .close: throw .unopenedParenthesis(lexeme.column)
        case .not, .minus, .sort: throw .missingOperand("NOT", lexeme.column)  // not reached: handled earlier
        }
    }

    /// Runs `body` one level deeper, refusing past ``Query/maximumDepth`` so a hostile
    /// `((((…` cannot exhaust the stack.
    private mutating func nested(
        at column: Int, _ body: (inout QueryParser) throws(QueryError) -> QueryExpression
    ) throws(QueryError) -> QueryExpression {
        guard depth < Query.maximumDepth else { throw .tooDeep(column) }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private var peek: QueryLexeme? { position < lexemes.count ? lexemes[position] : nil }

    private func startsOperand(_ lexeme: QueryLexeme?) -> Bool {
        switch lexeme?.token {
        case .term, .field, .not, .minus, .open: true
        case .and, .or, .close, .sort, nil: false
        }
    }
}

extension QueryParser {
    /// Reports a `)` closing nothing, or else the first `(` left open.
    private static func checkBalance(_ lexemes: [QueryLexeme]) throws(QueryError) {
        var open: [Int] = []
        for lexeme in lexemes {
            if lexeme.token == .open { open.append(lexeme.column) }
            if lexeme.token == .close {
                guard open.popLast() != nil else { throw .unopenedParenthesis(lexeme.column) }
            }
        }
        if let first = open.first { throw .unclosedParenthesis(first) }
    }

    /// Takes `sort:` out of the tokens: it must stand at the top level, apart from operators.
    private static func extractSort(_ lexemes: [QueryLexeme]) throws(QueryError) -> ([QueryLexeme], QuerySort?) {
        var rest: [QueryLexeme] = []
        var sort: (order: QuerySort, column: Int)?
        var depth = 0
        for (index, lexeme) in lexemes.enumerated() {
            switch lexeme.token {
            case .open: depth += 1
            case .close: depth -= 1
            case .sort(let order):
                if depth > 0 { throw .sortInsideGroup(lexeme.column) }
                let before = index > 0 ? lexemes[index - 1].token : nil
                let after = index + 1 < lexemes.count ? lexemes[index + 1].token : nil
                if [.and, .or, .not, .minus].contains(before) || [.and, .or].contains(after) {
                    throw .sortWithOperator(lexeme.column)
                }
                if let sort { throw .duplicateSort(sort.column, lexeme.column) }
                sort = (order, lexeme.column)
                continue
            default: break
            }
            rest.append(lexeme)
        }
        return (rest, sort?.order)
    }
}
