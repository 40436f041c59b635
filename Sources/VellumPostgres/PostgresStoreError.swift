/// Why a PostgreSQL operation failed, in terms the operator can act on.
///
/// Carries the server's SQLSTATE and message when there is one, the host and database concerned,
/// and where it was raised; never a password.
public struct PostgresStoreError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }

        /// The server did not answer (connection refused, DNS, time-out) or closed the connection.
        public static let unreachable = Code(name: "unreachable")
        /// The server refused the user name or password (SQLSTATE 28P01, 28000).
        public static let badCredentials = Code(name: "badCredentials")
        /// The database named in the configuration does not exist (SQLSTATE 3D000).
        public static let noSuchDatabase = Code(name: "noSuchDatabase")
        /// A unique or primary key constraint refused a row (SQLSTATE 23505).
        public static let uniqueViolation = Code(name: "uniqueViolation")
        /// A schema migration failed, or the database is newer than this build.
        public static let migration = Code(name: "migration")
        /// A row did not have the columns or types the driver expects.
        public static let invalidResponse = Code(name: "invalidResponse")
        /// A synchronous call was made on a SwiftNIO event-loop thread, where blocking would deadlock.
        public static let calledOnEventLoop = Code(name: "calledOnEventLoop")
        /// A statement ran longer than the configured statement timeout (SQLSTATE 57014), or a
        /// transaction sat idle longer than the idle-in-transaction timeout (25P03).
        public static let timedOut = Code(name: "timedOut")
        /// TLS could not be set up: the server does not offer it, or its certificate did not verify.
        public static let tls = Code(name: "tls")
        /// Any other error from the server.
        public static let server = Code(name: "server")
    }

    public var code: Code
    /// A human reason.
    public var reason: String
    /// The server's SQLSTATE (`28P01`, `23505`, …), if the server answered with an error.
    public var sqlState: String?
    /// `host:port/database` of the server concerned.
    public var target: String?
    public var fileID: String
    public var line: Int

    public init(
        _ code: Code, _ reason: String, sqlState: String? = nil, target: String? = nil, fileID: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.reason = reason
        self.sqlState = sqlState
        self.target = target
        self.fileID = fileID
        self.line = line
    }

    public var description: String {
        var parts = ["PostgreSQL \(code): \(reason)"]
        if let sqlState { parts.append("sqlstate=\(sqlState)") }
        if let target { parts.append("server=\(target)") }
        return parts.joined(separator: " ") + " (\(fileID):\(line))"
    }
}
