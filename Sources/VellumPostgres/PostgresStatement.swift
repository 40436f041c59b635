import Foundation
import NIOCore
import PostgresNIO

/// SQL assembled at run time with every value bound as a parameter (`$1`, `$2`, …), for the
/// statements whose shape depends on the request (searches, alert filters).
///
/// Only fixed SQL text written in this module is appended; values go through ``bind(_:)``.
struct PostgresStatement {
    private(set) var sql: String
    private(set) var binds = PostgresBindings()

    init(_ sql: String = "") {
        self.sql = sql
    }

    /// Binds `value` and returns its placeholder.
    mutating func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    /// Binds keys as one `bytea[]` and returns its placeholder, for `= ANY(…)`.
    mutating func bind(keys: [Data]) throws -> String {
        try bind(PostgresKeys.array(keys))
    }

    mutating func append(_ fragment: String) {
        sql += fragment
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

/// Keys (`bytea`) to and from the `bytea[]` arrays PostgresNIO encodes, which hold `ByteBuffer`s.
enum PostgresKeys {
    static func array(_ keys: [Data]) -> [ByteBuffer] {
        keys.map { ByteBuffer(bytes: $0) }
    }

    static func data(_ buffers: [ByteBuffer]) -> [Data] {
        buffers.map { Data($0.readableBytesView) }
    }
}
