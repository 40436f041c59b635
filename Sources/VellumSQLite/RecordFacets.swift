import Foundation
import VellumCore

/// What filters ask of a record — its participants, its tags and its conversation — kept as one
/// document of keyed tokens: the `facets` column of `records`, indexed by the `record_facets`
/// full-text table (decision 0026).
///
/// A token is a kind letter and the key in lowercase hexadecimal: `p` a participant's party key,
/// `t` a tag key, `c` the conversation key. FTS5 appends each commit's tokens as a new segment and
/// merges segments in sequence, where B-tree indexes on these random keys (one per participant
/// and tag) dirtied a page apiece per message: most of what a commit wrote at a million records.
enum RecordFacets {
    enum Kind: Character {
        case participant = "p"
        case tag = "t"
        case conversation = "c"
    }

    static func token(_ kind: Kind, _ key: Data) -> String { String(kind.rawValue) + key.hexString }

    /// The document of a record: participants, then tags (each sorted, without repeats), then
    /// its conversation.
    static func document(participants: [Data], tags: [Data], conversation: Data) -> String {
        var out = ""
        out.reserveCapacity((participants.count + tags.count + 1) * (2 + 2 * conversation.count))
        func add(_ kind: Kind, _ keys: [Data]) {
            for key in ordered(keys) {
                if !out.isEmpty { out.append(" ") }
                out.append(kind.rawValue)
                out.append(key.hexString)
            }
        }
        add(.participant, participants)
        add(.tag, tags)
        add(.conversation, [conversation])
        return out
    }

    /// `keys` sorted, without repeats. The pipeline hands them over so already, which one pass
    /// confirms (this runs on the writer, once per record).
    static func ordered(_ keys: [Data]) -> [Data] {
        if zip(keys, keys.dropFirst()).allSatisfy({ $0.bytesPrecede($1) }) { return keys }
        return Set(keys).sorted { $0.bytesPrecede($1) }
    }

    /// The keys of each kind in a document, in its order; nil when a token is not one of ours.
    static func keys(in document: String) -> [Kind: [Data]]? {
        var out: [Kind: [Data]] = [:]
        for token in document.split(separator: " ") {
            guard let kind = token.first.flatMap(Kind.init(rawValue:)),
                  let key = Data(hexString: String(token.dropFirst())), !key.isEmpty
            else { return nil }
            out[kind, default: []].append(key)
        }
        return out
    }

    /// An FTS5 expression matching records with any of `keys` of `kind` (tokens are hexadecimal
    /// after a letter, so quoting them is always safe).
    static func match(_ kind: Kind, _ keys: [Data]) -> String {
        "(" + keys.map { "\"" + token(kind, $0) + "\"" }.joined(separator: " OR ") + ")"
    }
}
