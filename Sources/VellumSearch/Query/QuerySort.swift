/// The order of results, from `sort:`.
public enum QuerySort: String, Sendable, Hashable, CaseIterable {
    /// Best match first (`sort:relevance`); the default when the query has positive words.
    case relevance
    /// Most recent first (`sort:newest`, also `sort:time`); the default otherwise.
    case newest
    /// Oldest first (`sort:oldest`).
    case oldest

    /// The order a query gets without `sort:`: relevance when it looks for words, else newest.
    public static func defaultOrder(for expression: QueryExpression?) -> QuerySort {
        guard let expression, !expression.positiveTerms.isEmpty else { return .newest }
        return .relevance
    }

    /// `sort:` spellings, aliases included.
    static let spellings: [String: QuerySort] = [
        "relevance": .relevance, "newest": .newest, "time": .newest, "oldest": .oldest,
    ]
}
