import ArgumentParser
import Foundation
import Logging
import VellumAllocator
import VellumApp
import VellumServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server: webhooks, the JSON API, the web UI and the background jobs, until Ctrl-C.",
        discussion: """
            Listens on 127.0.0.1:8080 by default; put a TLS-terminating proxy in front for other machines. \
            With no administrator yet, prints a one-time link that creates the first one.
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let opened = try archive.open()
        let logger = ServerOptions.logger()
        // The production build serves malloc from jemalloc (the Jemalloc trait, decision 0032).
        logger.info("allocator: \(ProcessAllocator.description)")
        try await VellumHTTPServer(archive: opened, settings: try server.settings()).run(logger: logger) { print($0); fflush(nil) }
    }
}

/// How the server listens; shared by `serve` and `demo`.
struct ServerOptions: ParsableArguments {
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0 picks a free one).") var port = 8080
    @Flag(help: "Do not mark cookies Secure (only behind a proxy that talks plain HTTP to browsers; never on a network).")
    var insecureCookies = false
    @Option(help: "Hours between retention sweeps (0: none).") var retentionSweepHours = 24
    @Option(help: "A YAML file of webhook secrets and the WeCom puller (docs/vellum-server.example.yaml).")
    var config: String?

    func settings() throws -> ServerSettings {
        guard (0 ... 65535).contains(port) else { throw ValidationError("--port: 0 to 65535") }
        var s = ServerSettings()
        s.host = host
        s.port = port
        s.secureCookies = !insecureCookies
        s.retentionSweepHours = max(0, retentionSweepHours)
        if let config {
            // A wrong file stops here with its file, line and key (a VellumError, printed by main).
            for warning in try ServerConfigFile.load(config, into: &s) { Self.logger().warning("\(warning)") }
        }
        return s
    }

    static func logger() -> Logger {
        var logger = Logger(label: "vellum")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }
}
