import ArgumentParser
import Foundation
import VellumApp
import VellumCore
import VellumMediaFetch

struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "WhatsApp Cloud API and Telegram Bot API media: what waits to be downloaded, and one download pass.",
        subcommands: [Retry.self, List.self])

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download the queued media that is due (one pass), sealing each file into the archive.",
            discussion: "Each file becomes a `media` record linked to its message; the message itself is never changed.")
        @OptionGroup var archive: ArchiveOptions
        @Option(help: "The media download configuration (YAML; see docs/server.md).") var config: String
        @Flag(help: "Try the failed downloads again too.") var failed = false
        @Flag(help: "Try pending downloads now even if their next attempt is later.") var now = false
        @Option(help: "At most this many downloads.") var limit = 500
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let configuration = try MediaFetchConfiguration.load(URL(fileURLWithPath: config))
            let client = AsyncHTTPMediaClient(readTimeout: .seconds(configuration.timeout_seconds ?? 60))
            let report: MediaRetryService.PassReport
            do {
                report = try await MediaRetryService(archive: try archive.open()).run(
                    fetcher: try configuration.fetcher(client: client), includeFailed: failed, limit: limit,
                    now: now ? Int64.max : nil)
                try await client.shutdown()
            } catch {
                try? await client.shutdown()
                throw error
            }
            if output.json { return try Output.json(report) }
            print(report.summary)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Downloads pending or failed, with the last error of each.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let jobs = try MediaRetryService(archive: try archive.open()).jobs()
            if output.json { return try Output.json(jobs) }
            if jobs.isEmpty { return print("No media waiting to be downloaded.") }
            for j in jobs {
                print("[\(j.state.rawValue)] \(j.channel.displayName) \(j.account) message \(j.message) media \(j.handle)"
                    + " (\(j.attempts) failed attempt(s))" + (j.last_error.map { ": \($0)" } ?? ""))
            }
        }
    }
}
