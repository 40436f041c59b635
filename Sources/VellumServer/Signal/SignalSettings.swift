/// `signal:` of `vellum serve --config FILE`: signal-cli daemons to read, one per employee account.
///
/// ```yaml
/// signal:
///   connections:
///     desk:                                   # a name for logs and quarantine entries
///       account: "+85290000000"               # the employee's Signal number (the capturing account)
///       tcp: 127.0.0.1:7583                   # `signal-cli daemon --tcp`, or:
///       # socket: /run/signal-cli/socket      # `signal-cli daemon --socket`
///       attachments: /var/lib/signal-cli/attachments   # optional: signal-cli's attachment folder
/// ```
public struct SignalSettings: Sendable, Hashable {
    public var connections: [SignalConnection] = []

    public init(connections: [SignalConnection] = []) { self.connections = connections }
}

/// One signal-cli daemon in JSON-RPC mode.
public struct SignalConnection: Sendable, Hashable {
    public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
        case tcp(host: String, port: Int)
        case unix(path: String)

        public var description: String {
            switch self {
            case .tcp(let host, let port): "tcp \(host):\(port)"
            case .unix(let path): "socket \(path)"
            }
        }
    }

    public var name: String
    public var account: String
    public var endpoint: Endpoint
    public var attachments: String?

    public init(name: String, account: String, endpoint: Endpoint, attachments: String? = nil) {
        self.name = name
        self.account = account
        self.endpoint = endpoint
        self.attachments = attachments
    }
}
