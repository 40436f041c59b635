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
    /// Whether and how connections are encrypted (libpq's `sslmode` names).
    public var tls: TLSMode = .prefer
    /// The server cancels any statement running longer (nil: no limit).
    public var statementTimeout: Duration?
    /// The server ends a session whose transaction sits idle longer (a hung client would otherwise
    /// hold the ledger head and stop every writer); nil: no limit.
    public var idleInTransactionTimeout: Duration? = .seconds(60)

    /// libpq's `sslmode`, as far as Vellum supports it.
    public enum TLSMode: Sendable, Hashable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, without checking its certificate (libpq's default).
        case prefer
        /// TLS or nothing, without checking the certificate: encrypted, but open to an active attacker.
        case require
        /// TLS, the certificate checked against `caFile` (or the system's roots) and the host name.
        case verifyFull(caFile: String?)

        public static let names = ["disable", "prefer", "require", "verify-full"]

        /// Whether the server's identity is checked (only `verify-full`).
        public var verifies: Bool { if case .verifyFull = self { true } else { false } }
    }

    /// Whether the server is this machine (an unverified connection cannot be intercepted off it).
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

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
