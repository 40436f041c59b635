import Foundation
import Testing
import VellumCore
import VellumExport

@Suite("Export manifest and verifier")
struct VerifierTests {
    static func flipByte(_ url: URL, at fraction: Double = 0.5) throws {
        var data = try Data(contentsOf: url)
        let i = min(data.count - 1, Int(Double(data.count) * fraction))
        data[i] ^= 0x01
        try data.write(to: url)
    }

    @Test("a fresh export verifies with the pinned public key")
    func freshExportVerifies() throws {
        let (folder, summary, context) = try TestCorpus.export()
        let report = ExportVerifier.verify(folder: folder, trustedPublicKeyHex: context.treeHead.publicKeyHex)
        #expect(report.isValid, "\(report)")
        #expect(report.publicKeyPinned)
        #expect(report.recordsChecked == summary.records)
        #expect(report.filesChecked == summary.files)
        #expect(!FileManager.default.fileExists(atPath: folder.path + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".scratch").path))
    }

    @Test("the manifest lists every file with digest and size, and every record with its evidence")
    func manifestContent() throws {
        let (folder, summary, context) = try TestCorpus.export()
        let manifest = try ExportManifest.decode(
            try Data(contentsOf: folder.appendingPathComponent(ExportManifest.fileName)))
        #expect(manifest.format == ExportManifest.formatName)
        #expect(manifest.formats == ExportFormat.allCases.map(\.rawValue))
        #expect(manifest.actor == "reviewer@example.com" && manifest.query.hasPrefix("custodian:E001"))
        #expect(manifest.createdAt == context.createdAt.rfc3339)
        #expect(manifest.custodian?.employeeID == "E001")
        #expect(manifest.masking.enabled == false)
        #expect(manifest.counts.records == summary.records && manifest.records.count == 22)
        #expect(manifest.counts.attachments == 2 && manifest.counts.conversations == 2)
        #expect(
            manifest.treeHead.publicKey == context.treeHead.publicKeyHex
                && manifest.treeHead.root == context.treeHead.rootHex)
        #expect(manifest.treeHead.signedBytes == context.treeHead.signedBytes)
        let onDisk = Set(TempDir.files(folder)).subtracting([ExportManifest.fileName, ExportManifest.digestFileName])
        #expect(Set(manifest.files.map(\.path)) == onDisk)
        let record = try #require(manifest.records.first { $0.id == "rec-d12" })
        #expect(record.files.contains { $0.hasSuffix(".rsmf") } && record.files.contains { $0.hasSuffix(".eml") })
        #expect(record.files.contains { $0.hasPrefix("files/") } && record.files.contains("loadfile.dat"))
        #expect(String(decoding: record.leaf, as: UTF8.self).contains("\"record\":\"rec-d12\""))
        #expect(record.proof.treeSize == context.treeHead.size && record.proof.leafIndex == record.leafIndex)
        let folded = try #require(manifest.records.first { $0.id == "rec-d5" })
        #expect(folded.files.first == record.files.first)  // the edit lives in the same RSMF as its original
        let sidecar = try String(
            contentsOf: folder.appendingPathComponent(ExportManifest.digestFileName), encoding: .utf8)
        #expect(sidecar == "\(summary.manifestSHA256)  manifest.json\n")
    }

    @Test(
        "a changed byte in any exported file is caught",
        arguments: [
            "rsmf", "eml", "html", "csv", "dat", "jsonl", "png", "pdf",
        ])
    func changedFileByte(_ ext: String) throws {
        let (folder, _, context) = try TestCorpus.export()
        let path = try #require(TempDir.files(folder, extension: ext).first)
        try Self.flipByte(folder.appendingPathComponent(path))
        let report = ExportVerifier.verify(folder: folder, trustedPublicKeyHex: context.treeHead.publicKeyHex)
        #expect(report.problems.contains { $0.kind == .fileHash && $0.subject == path }, "\(report)")
    }

    @Test("a changed byte anywhere in the manifest is caught", arguments: [0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999])
    func changedManifestByte(_ at: Double) throws {
        let (folder, _, context) = try TestCorpus.export()
        try Self.flipByte(folder.appendingPathComponent(ExportManifest.fileName), at: at)
        #expect(!ExportVerifier.verify(folder: folder, trustedPublicKeyHex: context.treeHead.publicKeyHex).isValid)
    }

    @Test("a removed file and an added file are caught")
    func missingAndExtra() throws {
        let (folder, _, _) = try TestCorpus.export()
        let path = try #require(TempDir.files(folder, extension: "html").first)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(path))
        try Data("x".utf8).write(to: folder.appendingPathComponent("files/planted.txt"))
        let report = ExportVerifier.verify(folder: folder)
        #expect(report.problems.contains { $0.kind == .fileMissing && $0.subject == path })
        #expect(report.problems.contains { $0.kind == .fileExtra && $0.subject == "files/planted.txt" })
        #expect(!report.publicKeyPinned)
    }

    /// Rewrites the manifest with `edit` and refreshes its sidecar digest, as a forger would.
    static func forge(_ folder: URL, _ edit: (String) -> String) throws {
        let url = folder.appendingPathComponent(ExportManifest.fileName)
        let text = edit(try String(contentsOf: url, encoding: .utf8))
        try Data(text.utf8).write(to: url)
        var sha = ""
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [url.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        sha =
            String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ").first
            .map(String.init) ?? ""
        p.waitUntilExit()
        try Data("\(sha)  manifest.json\n".utf8).write(to: folder.appendingPathComponent(ExportManifest.digestFileName))
    }

    @Test("a wrong inclusion proof is caught even with a recomputed manifest digest")
    func wrongProof() throws {
        let (folder, _, context) = try TestCorpus.export()
        let manifest = try ExportManifest.decode(
            try Data(contentsOf: folder.appendingPathComponent(ExportManifest.fileName)))
        let record = try #require(manifest.records.first)
        let sibling = try #require(record.proof.auditPath.first)
        let forged = String(sibling.reversed())
        try Self.forge(folder) {
            $0.replacingOccurrences(of: "\"audit_path\":[\"\(sibling)\"", with: "\"audit_path\":[\"\(forged)\"")
        }
        let report = ExportVerifier.verify(folder: folder, trustedPublicKeyHex: context.treeHead.publicKeyHex)
        #expect(report.problems.contains { $0.kind == .proofInvalid && $0.subject == record.id }, "\(report)")
    }

    @Test("a changed commitment no longer matches the ledger leaf")
    func changedCommitment() throws {
        let (folder, _, _) = try TestCorpus.export()
        let commitment = TestCorpus.directChat()[0].commitment
        try Self.forge(folder) {
            $0.replacingOccurrences(
                of: "\"commitment\":\"\(commitment)\"", with: "\"commitment\":\"\(String(repeating: "0", count: 64))\"")
        }
        let report = ExportVerifier.verify(folder: folder)
        #expect(report.problems.contains { $0.kind == .leafMismatch && $0.subject == "rec-d1" }, "\(report)")
    }

    @Test("a changed root or signature fails the signature; a foreign key is reported")
    func treeHead() throws {
        let (folder, _, context) = try TestCorpus.export()
        let root = context.treeHead.rootHex
        try Self.forge(folder) {
            $0.replacingOccurrences(of: "\"root\":\"\(root)\"", with: "\"root\":\"\(String(root.reversed()))\"")
        }
        let report = ExportVerifier.verify(folder: folder, trustedPublicKeyHex: String(repeating: "ab", count: 32))
        #expect(report.problems.contains { $0.kind == .treeHeadBinding || $0.kind == .treeHeadSignature }, "\(report)")
        #expect(report.problems.contains { $0.kind == .treeHeadUntrustedKey })
    }

    @Test("a manifest reformatted by another tool still verifies (decoded whole, not streamed)")
    func reformattedManifest() throws {
        let (folder, summary, context) = try TestCorpus.export()
        try Self.forge(folder) { text in
            let object = try! JSONSerialization.jsonObject(with: Data(text.utf8))
            let pretty = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            return String(decoding: pretty, as: UTF8.self)
        }
        let report = ExportVerifier.verify(folder: folder, trustedPublicKeyHex: context.treeHead.publicKeyHex)
        #expect(report.isValid, "\(report)")
        #expect(report.recordsChecked == summary.records)
    }
}
