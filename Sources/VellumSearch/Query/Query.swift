/// A parsed search: what to match and in which order to list it.
///
/// The same text means the same query in the CLI, the API and the UI: parse it with
/// ``init(parsing:)`` and print it back with ``canonicalText``; for any well-formed query,
/// `try Query(parsing: q.canonicalText) == q`.
public struct Query: Sendable, Hashable, CustomStringConvertible {
    /// What messages must match; `nil` matches every message (an empty query, or only `sort:`).
    public var expression: QueryExpression?
    /// The order of results.
    public var sort: QuerySort

    /// A query; without `sort`, the default for `expression` (``QuerySort/defaultOrder(for:)``).
    public init(expression: QueryExpression?, sort: QuerySort? = nil) {
        self.expression = expression
        self.sort = sort ?? QuerySort.defaultOrder(for: expression)
    }

    /// Parses query text, or throws the first mistake with its column.
    public init(parsing text: String) throws(QueryError) {
        self = try QueryParser.parse(text)
    }

    /// The longest query text accepted, in Unicode scalars.
    public static let maximumLength = 4096
    /// How deep parentheses and `NOT`s may nest.
    public static let maximumDepth = 64

    /// The query in canonical form (``QueryPrinter``): parsing it gives this query back.
    public var canonicalText: String { QueryPrinter.format(self) }

    /// ``canonicalText``.
    public var description: String { canonicalText }

    /// Whether printing and parsing give this query back: see ``QueryExpression/isWellFormed``.
    public var isWellFormed: Bool { expression?.isWellFormed ?? true }
}
