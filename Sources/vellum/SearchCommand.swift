import ArgumentParser
import Foundation
import VellumApp
import VellumCore
import VellumSearch

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search messages with the query language (docs/search.md); without a query, list by time.",
        discussion: """
            Words and "phrases" in English and Chinese with AND, OR, NOT (or -word) and parentheses; \
            from:, to:, participant:, conversation:, channel: (OR within a field, -channel: to exclude); \
            has:attachment|media|edit|recall, kind:, detector:, alert:open|in_review|escalated|closed|any, \
            hold:MATTER; after:, before:, on:, sent:A..B; sort:newest|oldest. Save a query with \
            `vellum searches save NAME QUERY`, run it with --saved NAME. \
            Example: vellum search '"bond allocation" from:E1001 (channel:wecom OR channel:whatsapp) after:2026-01-01'
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "Only this channel (repeatable).") var channel: [String] = []
    @Option(help: "Only messages with this participant: a phone, handle, email or employee id (repeatable).")
    var participant: [String] = []
    @Option(help: "Only this conversation id (repeatable).") var conversation: [String] = []
    @Option(help: "From this date (YYYY-MM-DD, or RFC 3339).") var since: String?
    @Option(help: "Up to this date (YYYY-MM-DD counts the whole day, or RFC 3339).") var until: String?
    @Option(help: "At most this many hits.") var limit: Int = 50
    @OptionGroup var actor: ActorOption
    @OptionGroup var output: OutputOptions
    @Argument(help: "Words or \"phrases\"; all must match.") var query: [String] = []
    @Option(help: "Run a saved search (vellum searches list).") var saved: String?
    @Flag(help: "Also find records restricted after an erasure request (legal and compliance only; logged).")
    var includeRestricted = false

    func run() throws {
        let opened = try archive.open()
        if saved != nil, !query.isEmpty { throw ValidationError("give a query or --saved, not both") }
        let text = try saved.map { try SavedSearchService(archive: opened).get($0).queryText }
            ?? (query.isEmpty ? nil : query.joined(separator: " "))
        var request = SearchRequest(query: text)
        request.channels = try channel.map { c in
            guard let ch = Channel(rawValue: c) else { throw ValidationError("unknown channel \(c)") }
            return ch
        }
        request.participants = participant
        request.conversations = conversation
        request.since = try since.map { try DateArgument.parse($0, field: "--since", endOfDay: false) }
        request.until = try until.map { try DateArgument.parse($0, field: "--until", endOfDay: true) }
        request.limit = limit
        request.includeRestricted = includeRestricted
        let response = try SearchService(archive: opened).search(request, actor: actor.name)
        if output.json { return try Output.json(response) }
        print("\(response.total) found" + (response.total > response.hits.count ? ", showing \(response.hits.count)" : ""))
        for h in response.hits {
            print("\(h.sent_at)  \(h.channel)  \(h.conversation)  \(h.sender)\(h.kind == "message" ? "" : " [\(h.kind)]")")
            print("    \(h.snippet.replacingOccurrences(of: "\n", with: " "))   (\(h.id))")
        }
    }
}

enum DateArgument {
    static func parse(_ text: String, field: String, endOfDay: Bool) throws -> Date {
        do { return try DateInput.parse(text, field: field, endOfDay: endOfDay) } catch let e as VellumError {
            throw ValidationError(e.reason)
        }
    }
}

struct SearchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "searches", abstract: "Saved searches: save, list, delete (run one with `vellum search --saved NAME`).",
        subcommands: [Save.self, List.self, Delete.self])

    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save a query under a name (checked first).")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The name.") var name: String
        @Argument(help: "The query (docs/search.md); put `--` before it when it starts with `-`.") var query: [String]
        @Flag(help: "Replace a saved search of the same name.") var replace = false
        @OptionGroup var actor: ActorOption

        func run() throws {
            let s = try SavedSearchService(archive: try archive.open()).save(
                name: name, text: query.joined(separator: " "), actor: actor.name, replace: replace)
            print("Saved \(s.name): \(s.canonicalText)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List saved searches.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let all = try SavedSearchService(archive: try archive.open()).list()
            struct Row: Encodable { var name, query, canonical, created_by, created_at: String }
            if output.json {
                return try Output.json(all.map {
                    Row(name: $0.name, query: $0.queryText, canonical: $0.canonicalText, created_by: $0.createdBy,
                        created_at: ISO8601DateFormatter().string(from: $0.createdAt))
                })
            }
            for s in all { print("\(s.name)\t\(s.queryText)\t(\(s.createdBy))") }
            if all.isEmpty { print("No saved searches.") }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a saved search.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The name.") var name: String

        func run() throws {
            try SavedSearchService(archive: try archive.open()).delete(name)
            print("Deleted \(name).")
        }
    }
}
