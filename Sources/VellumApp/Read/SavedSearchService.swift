public import Foundation
import VellumCore
import VellumCrypto
public import VellumSearch
import VellumStore

/// Saved searches, kept sealed in the archive: a name, the query text as typed, who saved it and
/// when (docs/search.md). The same text runs the same way in the CLI, the API and the UI.
public struct SavedSearchService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    static let metaKey = "saved_searches"
    static let context = Data("saved-searches".utf8)

    /// Every saved search, by name. One that no longer parses is left out of the list.
    public func list() throws -> [SavedSearch] {
        try load().sorted { $0.nameKey < $1.nameKey }
    }

    /// The saved search called `name` (case-insensitive).
    public func get(_ name: String) throws -> SavedSearch {
        let key = try SavedSearch.validatedName(name).precomposedStringWithCanonicalMapping.lowercased()
        guard let found = try load().first(where: { $0.nameKey == key }) else {
            throw VellumError(.notFound, "no saved search called \(name)")
        }
        return found
    }

    /// Saves `text` as `name`; the text must parse and the archive must be able to answer it.
    /// A name already used is refused unless `replace`.
    @discardableResult
    public func save(name: String, text: String, actor: String, replace: Bool = false) throws -> SavedSearch {
        let saved: SavedSearch
        do {
            saved = try SavedSearch(name: name, queryText: text, createdBy: actor, createdAt: archive.now())
        } catch {
            throw VellumError(.invalidInput, "\(error.message) (column \(error.column))")
        }
        _ = try QueryPlanner(archive: archive).plan(text)
        var all = try load()
        if let i = all.firstIndex(where: { $0.nameKey == saved.nameKey }) {
            guard replace else { throw VellumError(.alreadyExists, "a saved search is already called \(saved.name)") }
            all.remove(at: i)
        }
        try store(all + [saved])
        return saved
    }

    public func delete(_ name: String) throws {
        let target = try get(name)
        try store(try load().filter { $0.nameKey != target.nameKey })
    }

    func load() throws -> [SavedSearch] {
        guard let sealed = try archive.store.read({ try $0.meta(Self.metaKey) }) else { return [] }
        let plain = try archive.dataKey(scope: ScopePolicy.searches).open(sealed, context: Self.context)
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        // One by one: a search the language no longer accepts must not hide the others.
        guard let items = try JSONSerialization.jsonObject(with: plain) as? [Any] else { return [] }
        return items.compactMap { item in
            (try? JSONSerialization.data(withJSONObject: item)).flatMap { try? d.decode(SavedSearch.self, from: $0) }
        }
    }

    func store(_ all: [SavedSearch]) throws {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        let sealed = try archive.dataKey(scope: ScopePolicy.searches).seal(try e.encode(all), context: Self.context)
        try archive.store.write { try $0.setMeta(Self.metaKey, sealed) }
    }
}
