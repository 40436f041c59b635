public import Foundation

/// A named query a reviewer keeps to run again, with who saved it and when.
///
/// Only valid ones exist: the initializer and decoding check the name and parse the text.
/// ``queryText`` is the source of truth; ``canonicalText`` is derived from it (and recomputed on
/// decoding, so a stored copy never goes stale when the printer changes).
public struct SavedSearch: Sendable, Hashable {
    /// The name shown in lists: trimmed, 1 to ``maximumNameLength`` characters, no control or
    /// bidirectional-override characters.
    public let name: String
    /// The query as the user typed it.
    public let queryText: String
    /// Who saved it (a user id or handle), trimmed and not empty.
    public let createdBy: String
    /// When it was saved.
    public let createdAt: Date
    /// The parsed query.
    public let query: Query

    /// The query in canonical form, for display and for spotting duplicates.
    public var canonicalText: String { query.canonicalText }

    /// The name folded for uniqueness checks: composed (NFC) and lowercased.
    public var nameKey: String { name.precomposedStringWithCanonicalMapping.lowercased() }

    /// The longest name, in characters (grapheme clusters).
    public static let maximumNameLength = 80

    /// Checks and trims `name` and `createdBy`, and parses `queryText`; errors give the column
    /// in whichever text was wrong.
    public init(name: String, queryText: String, createdBy: String, createdAt: Date) throws(QueryError) {
        self.name = try Self.validatedName(name)
        self.createdBy = try Self.validatedAuthor(createdBy)
        self.query = try Query(parsing: queryText)
        self.queryText = queryText
        self.createdAt = createdAt
    }

    /// `name` trimmed, or the reason it cannot name a saved search, with its column in `name`.
    public static func validatedName(_ name: String) throws(QueryError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let lead = name.unicodeScalars.prefix { CharacterSet.whitespacesAndNewlines.contains($0) }.count
        guard !trimmed.isEmpty else {
            throw QueryError(.invalidSavedSearch, column: 1, "a saved search needs a name")
        }
        if let bad = trimmed.unicodeScalars.firstIndex(where: isForbidden) {
            let column = lead + trimmed.unicodeScalars.distance(from: trimmed.unicodeScalars.startIndex, to: bad) + 1
            throw QueryError(
                .invalidSavedSearch, column: column,
                "a saved search name cannot hold control or text-direction characters")
        }
        guard trimmed.count <= maximumNameLength else {
            let tooFar = trimmed.index(trimmed.startIndex, offsetBy: maximumNameLength)
            let column = lead + trimmed.unicodeScalars[..<tooFar].count + 1
            throw QueryError(
                .invalidSavedSearch, column: column,
                "a saved search name is at most \(maximumNameLength) characters; this one has \(trimmed.count)")
        }
        return trimmed
    }

    private static func validatedAuthor(_ author: String) throws(QueryError) -> String {
        let trimmed = author.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: isForbidden) else {
            throw QueryError(.invalidSavedSearch, column: 1, "a saved search needs who saved it (createdBy)")
        }
        return trimmed
    }

    /// Controls, line breaks and bidi overrides, which would let a name disguise itself in a list.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
    }
}

extension SavedSearch: Codable {
    private enum CodingKeys: String, CodingKey { case name, queryText, createdBy, createdAt, canonicalText }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                name: container.decode(String.self, forKey: .name),
                queryText: container.decode(String.self, forKey: .queryText),
                createdBy: container.decode(String.self, forKey: .createdBy),
                createdAt: container.decode(Date.self, forKey: .createdAt))
        } catch let error as QueryError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "saved search: \(error.description)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(queryText, forKey: .queryText)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(canonicalText, forKey: .canonicalText)
    }
}
