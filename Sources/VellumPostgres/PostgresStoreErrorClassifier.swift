import PostgresNIO

/// Turns PostgresNIO's errors into ``PostgresStoreError``s that say what to do about them.
enum PostgresStoreErrorClassifier {
    static func classify(
        _ error: any Error, target: String, connecting: Bool = false, fileID: String = #fileID, line: Int = #line
    ) -> PostgresStoreError {
        if let e = error as? PostgresStoreError { return e }
        guard let psql = error as? PSQLError else {
            let code: PostgresStoreError.Code = connecting ? .unreachable : .server
            return PostgresStoreError(code, "\(error)", target: target, fileID: fileID, line: line)
        }
        if let info = psql.serverInfo {
            let state = info[.sqlState]
            let message = info[.message] ?? "no message"
            let detail = info[.detail].map { " (\($0))" } ?? ""
            let code: PostgresStoreError.Code =
                switch state {
                case "28P01", "28000": .badCredentials
                case "3D000": .noSuchDatabase
                case "23505": .uniqueViolation
                case "57014", "25P03": .timedOut
                default: .server
                }
            return PostgresStoreError(code, message + detail, sqlState: state, target: target, fileID: fileID, line: line)
        }
        if connecting, Self.isTLS(psql) {
            let why = psql.underlying.map { "\($0)" } ?? "\(psql.code)"
            return PostgresStoreError(.tls, "TLS failed: " + why, target: target, fileID: fileID, line: line)
        }
        switch psql.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            let why = psql.underlying.map { "\($0)" } ?? "\(psql.code)"
            return PostgresStoreError(
                .unreachable, (connecting ? "cannot connect: " : "connection lost: ") + why, target: target,
                fileID: fileID, line: line)
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return PostgresStoreError(
                .badCredentials, "authentication failed (\(psql.code))", target: target, fileID: fileID, line: line)
        default:
            return PostgresStoreError(.server, "\(psql.code)", target: target, fileID: fileID, line: line)
        }
    }

    /// The server refused TLS, or the handshake failed (certificate not trusted, wrong host name).
    static func isTLS(_ e: PSQLError) -> Bool {
        if e.code == .sslUnsupported { return true }
        guard let underlying = e.underlying else { return false }
        return underlying is NIOSSLError || underlying is BoringSSLError || "\(type(of: underlying))".contains("SSL")
    }
}
