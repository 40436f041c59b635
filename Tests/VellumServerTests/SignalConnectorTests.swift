import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing
import VellumApp
import VellumStore
@testable import VellumServer

/// A stand-in for `signal-cli daemon` in JSON-RPC mode: it accepts connections one after another
/// and writes the k-th script of lines to the k-th; it closes every connection but the last
/// script's, which stays open until the test ends.
struct FakeSignalDaemon: Sendable {
    typealias Server = NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    let server: Server

    static func child(_ channel: any Channel) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> {
        channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
    }

    static func tcp() async throws -> FakeSignalDaemon {
        FakeSignalDaemon(server: try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0, childChannelInitializer: child))
    }

    static func unix(_ path: String) async throws -> FakeSignalDaemon {
        FakeSignalDaemon(server: try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true, childChannelInitializer: child))
    }

    var port: Int { server.channel.localAddress?.port ?? 0 }

    func serve(_ scripts: [[String]]) async throws {
        try await server.executeThenClose { clients in
            var k = 0
            for try await client in clients {
                let script = scripts[min(k, scripts.count - 1)]
                let last = k >= scripts.count - 1
                k += 1
                try await client.executeThenClose { _, out in
                    for line in script { try await out.write(ByteBuffer(string: line)) }
                    if last { try await Task.sleep(for: .seconds(3600)) }
                }
            }
        }
    }
}

@Suite("signal-cli connector against a fake JSON-RPC daemon")
struct SignalConnectorTests {
    static func envelope(_ n: Int) -> String {
        let t = 1_767_250_800_000 + n * 1000
        return #"{"jsonrpc":"2.0","method":"receive","params":{"envelope":{"source":"+85291234567","sourceNumber":"+85291234567","sourceUuid":"b2b2b2b2-0000-4000-8000-000000000002","sourceName":"Alice Wong","sourceDevice":1,"timestamp":\#(t),"dataMessage":{"timestamp":\#(t),"message":"signal line \#(n) about the bond ladder"}},"account":"+85290000000"}}"#
            + "\n"
    }

    /// Session 1 sends two envelopes, a JSON-RPC response, a broken line and half an envelope,
    /// then drops; session 2 sends the second envelope again and a third.
    static let scripts: [[String]] = [
        [envelope(1), envelope(2), #"{"jsonrpc":"2.0","result":{"version":"0.13.0"},"id":"1"}"# + "\n", "{not json\n",
         String(envelope(9).prefix(80))],
        [envelope(2), envelope(3)],
    ]

    func run(_ endpoint: (FakeSignalDaemon) -> SignalConnection.Endpoint, daemon: FakeSignalDaemon) async throws {
        let h = try await ServerHarness()
        let connector = SignalConnector(
            connection: SignalConnection(name: "desk", account: "+85290000000", endpoint: endpoint(daemon)),
            archive: h.archive, logger: Logger(label: "test"), firstBackoff: .milliseconds(50))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await daemon.serve(Self.scripts) }
            group.addTask { try await connector.run() }
            let deadline = ContinuousClock.now + .seconds(30)
            while connector.counters.imported < 3 || connector.counters.quarantined < 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            group.cancelAll()
        }
        #expect(connector.counters.sessions >= 2, "it reconnected after the daemon dropped the connection")
        #expect(connector.counters.imported == 3)
        #expect(connector.counters.duplicates == 1, "the envelope sent twice is stored once")
        #expect(connector.counters.quarantined == 2, "the broken line and the cut-off one are quarantined, not lost")
        #expect(try h.archive.store.read { try $0.recordCount() } == 3)
        let quarantined = try h.archive.store.read { try $0.quarantineItems() }
        #expect(quarantined.count == 2)
        let hits = try SearchService(archive: h.archive).search(SearchRequest(query: "bond ladder"), actor: "t").hits
        #expect(Set(hits.map(\.text)) == ["signal line 1 about the bond ladder", "signal line 2 about the bond ladder", "signal line 3 about the bond ladder"])
        #expect(hits.allSatisfy { $0.channel == "signal" })
    }

    @Test("over TCP: every envelope lands once, across a dropped connection; bad lines are quarantined")
    func tcp() async throws {
        try await run({ .tcp(host: "127.0.0.1", port: $0.port) }, daemon: try await FakeSignalDaemon.tcp())
    }

    @Test("over a UNIX socket, the same")
    func unix() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vsig-\(UUID().uuidString.prefix(8)).sock").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await run({ _ in .unix(path: path) }, daemon: try await FakeSignalDaemon.unix(path))
    }

    @Test("a daemon that is not there is retried, not fatal; shutdown ends the wait")
    func unreachable() async throws {
        let h = try await ServerHarness()
        let connector = SignalConnector(
            connection: SignalConnection(name: "desk", account: "+85290000000", endpoint: .tcp(host: "127.0.0.1", port: 1)),
            archive: h.archive, logger: Logger(label: "test"), firstBackoff: .milliseconds(20))
        let task = Task { try await connector.run() }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        try await task.value
        #expect(connector.counters.sessions == 0)
    }
}

@Suite("signal: in the server's config file")
struct SignalConfigTests {
    @Test("connections are read with their endpoint and folder; a connection without one is refused with its line")
    func config() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vsigcfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("att"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.yaml")
        try Data("""
            signal:
              connections:
                desk: {account: "+85290000000", tcp: "127.0.0.1:7583", attachments: att}
                ops: {account: "+85290000001", socket: /run/signal-cli/socket}
            """.utf8).write(to: good)
        var settings = ServerSettings()
        _ = try ServerConfigFile.load(good.path, into: &settings)
        #expect(settings.signal.connections == [
            SignalConnection(name: "desk", account: "+85290000000", endpoint: .tcp(host: "127.0.0.1", port: 7583),
                             attachments: folder.appendingPathComponent("att").path),
            SignalConnection(name: "ops", account: "+85290000001", endpoint: .unix(path: "/run/signal-cli/socket")),
        ])
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("signal:\n  connections:\n    desk: {account: \"+852\"}\n".utf8).write(to: bad)
        var other = ServerSettings()
        #expect {
            try ServerConfigFile.load(bad.path, into: &other)
        } throws: { "\($0)".contains("bad.yaml:3") && "\($0)".contains("tcp") }
    }
}
