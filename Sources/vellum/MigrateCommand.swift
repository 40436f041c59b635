import ArgumentParser
import Foundation
import VellumApp
import VellumBackends

/// `vellum migrate`: brings the scale-out backend's schema up to date. Safe to run from several
/// hosts at once (the migrations take a lock); opening an archive never migrates by itself.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the database migrations the archive's backend lacks (PostgreSQL).")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let dir = try archive.directory
        for warning in ArchiveBackends.warnings(dir) { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let (backend, applied) = try ArchiveBackends.migrate(dir)
        if output.json {
            struct Result: Encodable { var backend: String, applied: [Int] }
            try Output.json(Result(backend: backend, applied: applied))
        } else if applied.isEmpty {
            print("\(backend): up to date, nothing to apply.")
        } else {
            print("\(backend): applied migrations \(applied.map(String.init).joined(separator: ", ")).")
        }
    }
}
