/// Where the PostgreSQL server is and how to sign in to it.
///
/// The password is kept out of ``description`` so a configuration can be logged.
public struct PostgresConfiguration: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String
    public var database: String
    /// The schema every table lives in (`search_path` of each connection); created by the migrations.
    /// One schema per deployment, or per test.
    public var schema: String
    /// Connections kept open at most; callers beyond that wait for one to come back.
    public var maxConnections: Int
    /// How long to wait for the server to accept a connection and authenticate.
    public var connectTimeout: Duration

    public init(
        host: String, port: Int = 5432, username: String, password: String, database: String,
        schema: String = "vellum", maxConnections: Int = 8, connectTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.maxConnections = maxConnections
        self.connectTimeout = connectTimeout
    }

    /// `host:port/database`, for error messages.
    public var target: String { "\(host):\(port)/\(database)" }

    public var description: String { "postgres://\(username)@\(target)?schema=\(schema)" }
}
