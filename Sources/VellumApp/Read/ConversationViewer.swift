import Foundation
import VellumCore

/// A record opened in its conversation: the record, and up to `around` messages of the same
/// conversation before it and as many after, oldest first.
public struct ConversationView: Sendable {
    public var record: RecordView
    public var neighbours: [SearchHit]
}

/// Opens a record with the messages around it, as the web UI's conversation view shows them.
///
/// The whole view is one access event in the ledger, naming every record it showed: a reviewer
/// opening a conversation did one thing, and the access log should say so once, with the right
/// action: `conversation`, `conversation.restricted` when restricted records were included, and a
/// `.unmasked` suffix when detected values (card numbers, IDs) were shown in the clear.
public struct ConversationViewer: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    public func open(
        _ id: String, actor: String, around: Int, includeRestricted: Bool = false, unmasked: Bool = false
    ) throws -> ConversationView {
        let record = try RecordViewer(archive: archive).open(id, includeRestricted: includeRestricted)
        let neighbours = try self.neighbours(of: record, around: around, includeRestricted: includeRestricted)
        let shown = [record.id] + neighbours.map(\.id).filter { $0 != record.id }
        try AccessLog(archive: archive).record(
            actor: actor, action: Self.action(includeRestricted: includeRestricted, unmasked: unmasked),
            records: shown, count: shown.count, detail: id)
        return ConversationView(record: record, neighbours: neighbours)
    }

    static func action(includeRestricted: Bool, unmasked: Bool) -> String {
        "conversation" + (includeRestricted ? ".restricted" : "") + (unmasked ? ".unmasked" : "")
    }

    func neighbours(of view: RecordView, around: Int, includeRestricted: Bool) throws -> [SearchHit] {
        guard around > 0, let channel = Channel(rawValue: view.channel), let sent = Timestamp(rfc3339: view.sent_at)?.date
        else { return [] }
        let service = SearchService(archive: archive)
        func window(_ sort: String, since: Date?, until: Date?) throws -> [SearchHit] {
            var search = SearchRequest(query: "sort:\(sort)")
            search.channels = [channel]
            search.conversations = [view.conversation.id]
            search.since = since
            search.until = until
            search.limit = around
            search.includeRestricted = includeRestricted
            return try service.run(search).hits
        }
        let before = try window("newest", since: nil, until: sent)
        let after = try window("oldest", since: sent, until: nil)
        var seen = Set<String>()
        return (before.reversed() + after).filter { seen.insert($0.id).inserted }
            .sorted { (Timestamp(rfc3339: $0.sent_at)?.date ?? .distantPast) < (Timestamp(rfc3339: $1.sent_at)?.date ?? .distantPast) }
    }
}
