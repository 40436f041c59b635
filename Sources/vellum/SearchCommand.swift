import ArgumentParser
import Foundation
import VellumApp
import VellumCore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search messages with the query language (docs/search.md); without a query, list by time.",
        discussion: """
            Words and "phrases" in English and Chinese; from:, to:, participant:, conversation:, channel: \
            (OR within a field, -channel: to exclude); after:, before:, on:, sent:A..B; sort:newest|oldest. \
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
    @Flag(help: "Also find records restricted after an erasure request (legal and compliance only; logged).")
    var includeRestricted = false

    func run() throws {
        var request = SearchRequest(query: query.isEmpty ? nil : query.joined(separator: " "))
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
        let response = try SearchService(archive: try archive.open()).search(request, actor: actor.name)
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
        if let t = Timestamp(rfc3339: text) { return t.date }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (1 ... 12).contains(parts[1]),
              (1 ... CivilDate.daysInMonth(parts[0], parts[1])).contains(parts[2])
        else { throw ValidationError("\(field): expected YYYY-MM-DD or an RFC 3339 time, got \(text)") }
        let days = CivilDate.toDays(parts[0], parts[1], parts[2])
        let seconds = Double(days) * 86_400 + (endOfDay ? 86_399.999 : 0)
        return Date(timeIntervalSince1970: seconds)
    }
}
