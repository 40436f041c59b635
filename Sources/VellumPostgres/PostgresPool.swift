import Dispatch
public import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// A small pool of PostgreSQL connections with a blocking interface, for the synchronous store
/// protocols (see docs/decisions/0012).
///
/// Each call runs on PostgresNIO's event loops and the calling thread waits for its future, as
/// `VellumS3` waits on AsyncHTTPClient: waiting never needs a Swift concurrency thread to make
/// progress, so it cannot starve the cooperative pool. Waiting on an event loop would deadlock;
/// such a call is refused with ``PostgresStoreError/Code/calledOnEventLoop``. Callers from async code go
/// through `Offload`, as for SQLite.
public final class PostgresPool: Sendable {
    public let configuration: PostgresConfiguration
    let logger: Logger
    let eventLoopGroup: any EventLoopGroup
    /// Bounds the open connections; a caller beyond ``PostgresConfiguration/maxConnections`` waits.
    let slots: DispatchSemaphore
    let state = Mutex(State())

    struct State {
        var idle: [PostgresConnection] = []
        var nextID = 1
        var closed = false
    }

    public init(configuration: PostgresConfiguration, logger: Logger = Logger(label: "vellum.postgres")) {
        self.configuration = configuration
        self.logger = logger
        self.eventLoopGroup = MultiThreadedEventLoopGroup.singleton
        self.slots = DispatchSemaphore(value: max(1, configuration.maxConnections))
    }

    /// Runs `body` with a connection of its own, returned to the pool afterwards (or dropped if the
    /// server closed it).
    @discardableResult
    public func withConnection<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try refuseOnEventLoop()
        slots.wait()
        defer { slots.signal() }
        let connection = try checkOut()
        let session = PostgresSession(connection: connection, logger: logger, target: configuration.target)
        do {
            let result = try body(session)
            checkIn(connection)
            return result
        } catch {
            checkIn(connection)
            throw error
        }
    }

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws.
    @discardableResult
    public func transaction<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", body)
    }

    /// A transaction opened by `begin`, which may set the isolation level or access mode
    /// (`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`).
    func transaction<T>(begin: PostgresQuery, _ body: (PostgresSession) throws -> T) throws -> T {
        try withConnection { session in
            try session.execute(begin)
            do {
                let result = try body(session)
                try session.execute("COMMIT")
                return result
            } catch {
                // A broken connection cannot roll back; the server discards its transaction anyway.
                _ = try? session.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Closes the idle connections; later calls fail. Connections in use close when returned.
    public func close() {
        let idle = state.withLock { s in
            s.closed = true
            defer { s.idle = [] }
            return s.idle
        }
        // Waiting on an event loop would deadlock; there the close completes on its own.
        let onEventLoop = MultiThreadedEventLoopGroup.currentEventLoop != nil
        for c in idle {
            let closing: EventLoopFuture<Void> = c.close()
            if !onEventLoop { _ = try? closing.wait() }
        }
    }

    /// A pool dropped without ``close()`` (an archive opened for one command) closes its idle
    /// connections, so none is left open on the server or unclosed in the process.
    deinit { close() }

    func refuseOnEventLoop() throws {
        if MultiThreadedEventLoopGroup.currentEventLoop != nil {
            throw PostgresStoreError(
                .calledOnEventLoop, "a blocking PostgreSQL call was made on a SwiftNIO event loop; call it from a thread pool",
                target: configuration.target)
        }
    }

    private func checkOut() throws -> PostgresConnection {
        let (reused, id, closed) = state.withLock { s -> (PostgresConnection?, Int, Bool) in
            while let c = s.idle.popLast() {
                if !c.isClosed { return (c, 0, s.closed) }
            }
            defer { s.nextID += 1 }
            return (nil, s.nextID, s.closed)
        }
        if closed { throw PostgresStoreError(.unreachable, "the connection pool was closed", target: configuration.target) }
        if let reused { return reused }
        return try connect(id: id)
    }

    private func checkIn(_ connection: PostgresConnection) {
        let keep = state.withLock { s in
            guard !s.closed, !connection.isClosed else { return false }
            s.idle.append(connection)
            return true
        }
        if !keep { _ = try? connection.close().wait() }
    }

    /// The TLS setting for a connection; the context is built once per pool.
    func tls() throws -> PostgresConnection.Configuration.TLS {
        switch configuration.tls {
        case .disable: return .disable
        case .prefer, .require:
            var c = TLSConfiguration.makeClientConfiguration()
            c.certificateVerification = .none
            let context = try NIOSSLContext(configuration: c)
            return configuration.tls == .prefer ? .prefer(context) : .require(context)
        case .verifyFull(let caFile):
            var c = TLSConfiguration.makeClientConfiguration()
            c.certificateVerification = .fullVerification
            if let caFile {
                do {
                    c.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
                } catch {
                    throw PostgresStoreError(.tls, "cannot read the CA certificates in \(caFile): \(error)", target: configuration.target)
                }
            }
            return .require(try NIOSSLContext(configuration: c))
        }
    }

    static func milliseconds(_ d: Duration) -> String {
        let c = d.components
        return String(c.seconds * 1000 + c.attoseconds / 1_000_000_000_000_000)
    }

    private func connect(id: Int) throws -> PostgresConnection {
        do {
            var config = PostgresConnection.Configuration(
                host: configuration.host, port: configuration.port, username: configuration.username,
                password: configuration.password, database: configuration.database, tls: try tls())
            let timeout = configuration.connectTimeout.components
            config.options.connectTimeout = .seconds(timeout.seconds) + .nanoseconds(timeout.attoseconds / 1_000_000_000)
            // Every statement resolves unqualified names in the store's schema.
            // No JIT: Vellum's statements are short, and compiling a common word's search plan
            // cost about 30 ms of a 100 ms search (decision 0019).
            config.options.additionalStartupParameters = [("search_path", configuration.schema), ("jit", "off")]
            if let t = configuration.statementTimeout {
                config.options.additionalStartupParameters.append(("statement_timeout", Self.milliseconds(t)))
            }
            if let t = configuration.idleInTransactionTimeout {
                config.options.additionalStartupParameters.append(("idle_in_transaction_session_timeout", Self.milliseconds(t)))
            }
            return try PostgresConnection.connect(
                on: eventLoopGroup.next(), configuration: config, id: id, logger: logger
            ).wait()
        } catch {
            throw PostgresStoreErrorClassifier.classify(error, target: configuration.target, connecting: true)
        }
    }
}
