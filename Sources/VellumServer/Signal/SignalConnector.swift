import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOPosix
import ServiceLifecycle
import Synchronization
import VellumApp

/// Reads a `signal-cli daemon` (JSON-RPC 2.0 over TCP or a UNIX socket): each `receive`
/// notification is one envelope, run through the signal-cli parser and the ingest pipeline and
/// committed before the next line is read. Other JSON-RPC traffic is skipped; a line that does not
/// parse is quarantined (sealed, countable, re-processable) with the connection's name and line.
///
/// signal-cli acknowledges messages to Signal's servers itself, so what it sends is not sent again:
/// Vellum commits each envelope as it arrives, and a line cut off by a dropped connection is
/// quarantined rather than lost. When the connection drops or cannot be made, it reconnects with
/// a backoff (1 s doubling to 30 s). A graceful shutdown lets the commit in progress finish.
struct SignalConnector: Service {
    let connection: SignalConnection
    let archive: Archive
    let logger: Logger
    var firstBackoff: Duration = .seconds(1)
    var maxBackoff: Duration = .seconds(30)
    /// The longest line accepted (an envelope with its JSON; attachments travel as files).
    var maxLineBytes = 16 << 20
    let counters = Counters()

    /// What the connector has done, for tests and logs.
    final class Counters: Sendable {
        private let state = Mutex((sessions: 0, lines: 0, imported: 0, duplicates: 0, quarantined: 0))
        var sessions: Int { state.withLock { $0.sessions } }
        var imported: Int { state.withLock { $0.imported } }
        var duplicates: Int { state.withLock { $0.duplicates } }
        var quarantined: Int { state.withLock { $0.quarantined } }
        func connected() { state.withLock { $0.sessions += 1 } }
        func add(_ outcomes: [ItemOutcome]) {
            state.withLock { s in
                s.lines += 1
                for o in outcomes {
                    switch o {
                    case .imported: s.imported += 1
                    case .duplicate: s.duplicates += 1
                    case .quarantined: s.quarantined += 1
                    }
                }
            }
        }
    }

    func run() async throws {
        var backoff = firstBackoff
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                let lines = try await session()
                logger.info("signal-cli closed the connection", metadata: ["connection": "\(connection.name)", "lines": "\(lines)"])
                if lines > 0 { backoff = firstBackoff }
            } catch is CancellationError {
                return
            } catch {
                logger.warning(
                    "signal-cli connection failed", metadata: [
                        "connection": "\(connection.name)", "endpoint": "\(connection.endpoint)", "error": "\(error)",
                    ])
            }
            guard !Task.isShuttingDownGracefully else { return }
            let wait = backoff
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) } } catch { return }
            backoff = min(backoff * 2, maxBackoff)
        }
    }

    /// One connection: reads until the peer closes it or the server shuts down; returns the lines read.
    func session() async throws -> Int {
        let channel = try await connect()
        counters.connected()
        logger.info("signal-cli connected", metadata: ["connection": "\(connection.name)", "endpoint": "\(connection.endpoint)"])
        let ingestor = try await Offload.run { [archive] in try Ingestor(archive: archive) }
        let options = ImportOptions(account: connection.account, attachments: connection.attachments)
        let file = "signal-cli:\(connection.name)"
        return try await cancelWhenGracefulShutdown {
            try await channel.executeThenClose { inbound, _ in
                var line = 0
                for try await frame in inbound {
                    line += 1
                    let items = ImportFormat.signalCLI.items(Data(buffer: frame), file: file, line: line, options: options)
                    guard !items.isEmpty else { continue }  // JSON-RPC responses, typing indicators …
                    // Not cancellable: a commit that started finishes, even during shutdown.
                    let outcomes = try await Offload.run { try ingestor.ingest(items) }
                    counters.add(outcomes)
                }
                return line
            }
        }
    }

    func connect() async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
        let maxLine = maxLineBytes
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(NewlineFrameDecoder(maxLength: maxLine)))
                return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        switch connection.endpoint {
        case .tcp(let host, let port):
            return try await bootstrap.connect(host: host, port: port, channelInitializer: initializer)
        case .unix(let path):
            return try await bootstrap.connect(unixDomainSocketPath: path, channelInitializer: initializer)
        }
    }
}
