import ArgumentParser
import Foundation
import VellumApp
import VellumExport
import VellumSearch

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a query, a conversation or a hold for eDiscovery (RSMF, EML, HTML, CSV, DAT, JSON lines) with proofs.",
        discussion: """
            FOLDER is created and holds the files and manifest.json: every file's SHA-256, the signed \
            tree head, and each record's ledger leaf and inclusion proof. `vellum verify-export FOLDER` \
            checks it without the archive.
            """)

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "Formats, comma-separated: rsmf, eml, html, csv, dat, jsonl.") var format = "rsmf"
    @Option(help: "Export what this query finds (docs/search.md).") var query: String?
    @Option(help: "Export one conversation, by id.") var conversation: String?
    @Option(help: "Export what a legal hold covers, by id or matter.") var hold: String?
    @Option(help: "Export everything a privacy request's subject takes part in, by request id.") var privacyRequest: String?
    @Option(help: "Export what a saved search finds, by name.") var saved: String?
    @Option(help: "The folder to create.") var out: String
    @Flag(help: "Mask detected cards, ids and keys in message bodies.") var mask = false
    @Flag(help: "Include records restricted after an erasure request (legal and compliance; hold exports always do).")
    var includeRestricted = false
    @OptionGroup var actor: ActorOption
    @OptionGroup var output: OutputOptions

    func formats() throws -> Set<ExportFormat> {
        Set(try format.split(separator: ",").map { name in
            guard let f = ExportFormat(rawValue: String(name)) else {
                throw ValidationError("--format: unknown format \(name); use rsmf, eml, html, csv, dat or jsonl")
            }
            return f
        })
    }

    func validate() throws {
        _ = try formats()
        guard [query, conversation, hold, privacyRequest, saved].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --query, --conversation, --hold, --privacy-request or --saved")
        }
    }

    struct Report: Encodable {
        var folder: String
        var records: Int
        var conversations: Int
        var files: Int
        var bytes: Int64
        var manifest_sha256: String
    }

    func run() throws {
        let opened = try archive.open()
        let savedText = try saved.map { try SavedSearchService(archive: opened).get($0).queryText }
        let scope: ExportScope = (query ?? savedText).map { .query($0) } ?? conversation.map { .conversation($0) }
            ?? privacyRequest.map { .privacyRequest($0) } ?? .hold(hold!)
        let summary = try ExportService(archive: opened).export(
            scope, formats: try formats(), to: URL(fileURLWithPath: out), mask: mask, actor: actor.name,
            includeRestricted: includeRestricted, progress: { Output.progress("\($0) records exported") })
        let report = Report(
            folder: out, records: summary.records, conversations: summary.conversations, files: summary.files,
            bytes: summary.bytes, manifest_sha256: summary.manifestSHA256)
        if output.json { return try Output.json(report) }
        print("\(report.records) records in \(report.conversations) conversations → \(report.files) files in \(out)")
        print("manifest.json sha256 \(report.manifest_sha256); check it with `vellum verify-export \(out)`")
    }
}

struct VerifyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-export",
        abstract: "Check an export folder on its own: file hashes, inclusion proofs and the tree head's signature (exit 1 on any problem).")

    @Argument(help: "The export folder.") var folder: String
    @Option(help: "The archive's public key (hex), from a copy of tree-head.json you trust.") var publicKey: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = ExportVerifier.verify(folder: URL(fileURLWithPath: folder), trustedPublicKeyHex: publicKey)
        print(report)
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
