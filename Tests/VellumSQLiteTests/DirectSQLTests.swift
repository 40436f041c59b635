import Foundation
import GRDB
import Testing
@testable import VellumSQLite

@Suite("Direct inserts bind values as GRDB would")
struct DirectSQLTests {
    func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { try $0.execute(sql: "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c BLOB, d BLOB UNIQUE)") }
        return queue
    }

    @Test("integers, text (empty and not ASCII), blobs (empty and not) and NULL read back as bound")
    func values() throws {
        let db = try database()
        try db.write { db in
            try DirectSQL.run(db, "INSERT INTO t(a, b, c, d) VALUES (?, ?, ?, ?)", [.integer(5), .text(""), .blob(Data()), .null])
            try DirectSQL.run(db, "INSERT INTO t(a, b, c, d) VALUES (?, ?, ?, ?)",
                                 [.integer(-7), .text("合同 4111 😀"), .blob(Data([0, 1, 255])), DirectValue(Data([9]))])
        }
        let rows = try db.read { try Row.fetchAll($0, sql: "SELECT a, b, c, d, typeof(b), typeof(c), typeof(d) FROM t ORDER BY a") }
        #expect(rows[0][0] as Int64 == -7 && rows[0][1] as String == "合同 4111 😀")
        #expect(rows[0][2] as Data == Data([0, 1, 255]) && rows[0][3] as Data == Data([9]))
        #expect(rows[1][0] as Int64 == 5 && rows[1][1] as String == "" && rows[1][2] as Data == Data())
        #expect(rows[1][4] as String == "text" && rows[1][5] as String == "blob" && rows[1][6] as String == "null")
    }

    @Test("a constraint failure is GRDB's SQLITE_CONSTRAINT error, and the statement runs again afterwards")
    func constraint() throws {
        let db = try database()
        try db.write { db in
            let sql = "INSERT INTO t(b, d) VALUES (?, ?)"
            try DirectSQL.run(db, sql, [.text("one"), .blob(Data([1]))])
            let error = #expect(throws: DatabaseError.self) { try DirectSQL.run(db, sql, [.text("two"), .blob(Data([1]))]) }
            #expect(error?.resultCode == .SQLITE_CONSTRAINT)
            #expect(error?.message?.contains("UNIQUE") == true)
            try DirectSQL.run(db, sql, [.text("three"), .blob(Data([3]))])
        }
        #expect(try db.read { try String.fetchAll($0, sql: "SELECT b FROM t ORDER BY a") } == ["one", "three"])
    }

    @Test("a query of one integer: a value, NULL and no row")
    func integer() throws {
        let db = try database()
        try db.write { db in
            try DirectSQL.run(db, "INSERT INTO t(a, b) VALUES (?, ?)", [.integer(42), .text("x")])
            #expect(try DirectSQL.integer(db, "SELECT a FROM t WHERE b = ?", [.text("x")]) == 42)
            #expect(try DirectSQL.integer(db, "SELECT c FROM t WHERE b = ?", [.text("x")]) == nil)
            #expect(try DirectSQL.integer(db, "SELECT a FROM t WHERE b = ?", [.text("y")]) == nil)
            #expect(try DirectSQL.integer(db, "SELECT count(*) FROM t WHERE b = ?", [.text("x")]) == 1)
        }
    }
}
