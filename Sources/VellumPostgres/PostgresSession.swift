import Logging
public import PostgresNIO

/// One connection lent by ``PostgresPool`` for the span of a closure: blocking queries on it.
public struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    let target: String

    /// Runs a query and returns all its rows.
    public func query(_ query: PostgresQuery, fileID: String = #fileID, line: Int = #line) throws -> [PostgresRow] {
        do {
            return try connection.query(query, logger: logger, file: fileID, line: line).wait().rows
        } catch {
            throw PostgresStoreErrorClassifier.classify(error, target: target, fileID: fileID, line: line)
        }
    }

    /// Runs a statement and returns how many rows it changed (0 when the server does not say).
    @discardableResult
    public func execute(_ query: PostgresQuery, fileID: String = #fileID, line: Int = #line) throws -> Int {
        do {
            return try connection.query(query, logger: logger, file: fileID, line: line).wait().metadata.rows ?? 0
        } catch {
            throw PostgresStoreErrorClassifier.classify(error, target: target, fileID: fileID, line: line)
        }
    }

    /// Decodes each row's columns, in order, as `T`; a mismatch is an ``PostgresStoreError/Code/invalidResponse``.
    public func decode<each T: PostgresDecodable>(
        _ rows: [PostgresRow], as types: (repeat each T).Type, fileID: String = #fileID, line: Int = #line
    ) throws -> [(repeat each T)] {
        do {
            return try rows.map { try $0.decode((repeat each T).self) }
        } catch {
            throw PostgresStoreError(
                .invalidResponse, "a row did not decode: \(String(reflecting: error))", target: target, fileID: fileID,
                line: line)
        }
    }
}
