import Foundation
import GRDB

/// The raw baseline the issue asks for: parse the same JSON lines, insert into a plain table
/// with an FTS5 (unicode61) index, 1,000 rows a transaction, WAL, synchronous FULL.
enum Baseline {
    struct Line: Decodable {
        struct P: Decodable { var id: String }
        struct C: Decodable { var id: String }
        var channel: String
        var id: String
        var sent_at: String
        var from: P
        var conversation: C
        var text: String?
    }

    static func run(input: URL, database: URL) throws -> Int {
        let pool = try DatabasePool(path: database.path)
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try pool.write { db in
            try db.execute(sql: """
                CREATE TABLE messages(id INTEGER PRIMARY KEY, channel TEXT, source_id TEXT, sent_at TEXT, sender TEXT, conversation TEXT, text TEXT);
                CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id');
                """)
        }
        let lines = try String(contentsOf: input, encoding: .utf8).split(separator: "\n")
        let decoder = JSONDecoder()
        var n = 0
        var i = 0
        while i < lines.count {
            let batch = lines[i ..< min(lines.count, i + 1000)]
            let parsed = try batch.map { try decoder.decode(Line.self, from: Data($0.utf8)) }
            try pool.write { db in
                let ins = try db.cachedStatement(sql: "INSERT INTO messages(channel, source_id, sent_at, sender, conversation, text) VALUES (?,?,?,?,?,?)")
                let fts = try db.cachedStatement(sql: "INSERT INTO messages_fts(rowid, text) VALUES (?, ?)")
                for l in parsed {
                    try ins.execute(arguments: [l.channel, l.id, l.sent_at, l.from.id, l.conversation.id, l.text])
                    try fts.execute(arguments: [db.lastInsertedRowID, l.text])
                }
            }
            n += parsed.count
            i += 1000
        }
        return n
    }
}
