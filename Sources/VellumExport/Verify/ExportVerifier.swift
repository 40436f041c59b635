public import Foundation
import VellumCore

/// Checks an export folder with nothing but the folder (and, ideally, the archive's public key):
/// the manifest's own digest, every file's size and SHA-256, no file missing or extra, the tree
/// head's Ed25519 signature and what it signs, and for every record that its ledger leaf names
/// the record and its commitment and that the inclusion proof leads to the signed root.
public enum ExportVerifier {
    /// Verifies `folder`. Pass the archive's Ed25519 public key (hex) when you have it from a
    /// trusted place: without it the signature only proves the manifest agrees with itself.
    public static func verify(folder: URL, trustedPublicKeyHex: String? = nil) -> ExportVerificationReport {
        var report = ExportVerificationReport()
        let manifestURL = folder.appendingPathComponent(ExportManifest.fileName)
        guard let (_, digest) = try? hash(manifestURL) else {
            report.add(.manifestMissing, ExportManifest.fileName, "cannot read the manifest")
            return report
        }
        checkDigest(digest, folder: folder, into: &report)
        let stream = ManifestStream(url: manifestURL)
        let manifest: ExportManifest
        let streamed: Bool
        do { (manifest, streamed) = try stream.header() } catch {
            report.add(.manifestMalformed, ExportManifest.fileName, "\(error)")
            return report
        }
        checkFiles(manifest, folder: folder, into: &report)
        let root = checkTreeHead(manifest.treeHead, trustedPublicKeyHex: trustedPublicKeyHex, into: &report)
        var records = RecordChecker(files: Set(manifest.files.map(\.path)), head: manifest.treeHead, root: root)
        if streamed {
            do { try stream.forEachRecord { records.check($0, into: &report) } } catch {
                report.add(.manifestMalformed, ExportManifest.fileName, "\(error)")
            }
        } else {
            for record in manifest.records { records.check(record, into: &report) }
        }
        let c = manifest.counts
        if c.records != records.count || c.files != manifest.files.count {
            report.add(
                .countMismatch, ExportManifest.fileName,
                "counts say \(c.records) records and \(c.files) files, the lists hold \(records.count) and \(manifest.files.count)"
            )
        }
        return report
    }

    private static func checkDigest(_ actual: String, folder: URL, into report: inout ExportVerificationReport) {
        let url = folder.appendingPathComponent(ExportManifest.digestFileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8),
            let stated = text.split(separator: " ").first.map(String.init)
        else {
            report.add(.manifestDigest, ExportManifest.digestFileName, "missing or unreadable")
            return
        }
        if stated.lowercased() != actual {
            report.add(
                .manifestDigest, ExportManifest.fileName,
                "SHA-256 is \(actual), \(ExportManifest.digestFileName) says \(stated)")
        }
    }

    private static func checkFiles(_ manifest: ExportManifest, folder: URL, into report: inout ExportVerificationReport)
    {
        let present = listFiles(folder)
        var listed = Set<String>()
        for file in manifest.files {
            guard listed.insert(file.path).inserted else {
                report.add(.manifestMalformed, file.path, "listed twice")
                continue
            }
            guard present.regular.contains(file.path) else {
                report.add(.fileMissing, file.path, "listed in the manifest but not in the folder")
                continue
            }
            let url = folder.appendingPathComponent(file.path)
            guard let (size, digest) = try? hash(url) else {
                report.add(.fileMissing, file.path, "cannot be read")
                continue
            }
            report.filesChecked += 1
            if size != file.size {
                report.add(.fileSize, file.path, "\(size) bytes, the manifest says \(file.size)")
            }
            if digest != file.sha256.lowercased() {
                report.add(.fileHash, file.path, "SHA-256 is \(digest), the manifest says \(file.sha256)")
            }
        }
        let own: Set = [ExportManifest.fileName, ExportManifest.digestFileName]
        for path in present.regular.subtracting(listed).subtracting(own).sorted() {
            report.add(.fileExtra, path, "in the folder but not in the manifest")
        }
        for path in present.other.sorted() {
            report.add(.fileExtra, path, "not a regular file (symbolic link or special file)")
        }
    }

    /// Returns the root when the signature holds (nil otherwise).
    private static func checkTreeHead(
        _ head: ExportManifest.TreeHead, trustedPublicKeyHex: String?, into report: inout ExportVerificationReport
    ) -> Data? {
        guard let root = HexDecoding.data(head.root), root.count == 32,
            let signature = HexDecoding.data(head.signature), let key = HexDecoding.data(head.publicKey)
        else {
            report.add(
                .treeHeadSignature, "tree_head", "root, signature or public key is not valid hex of the right length")
            return nil
        }
        if let trusted = trustedPublicKeyHex {
            report.publicKeyPinned = true
            if trusted.lowercased() != head.publicKey.lowercased() {
                report.add(
                    .treeHeadUntrustedKey, "tree_head", "signed with \(head.publicKey), not the trusted key \(trusted)")
            }
        }
        guard ExportCrypto.ed25519IsValid(signature: signature, message: head.signedBytes, publicKey: key) else {
            report.add(.treeHeadSignature, "tree_head", "the Ed25519 signature does not verify over signed_bytes")
            return nil
        }
        guard
            MerkleVerification.signedBytesBind(head.signedBytes, size: head.size, timestamp: head.timestamp, root: root)
        else {
            report.add(.treeHeadBinding, "tree_head", "signed_bytes do not state this size, timestamp and root")
            return nil
        }
        return root
    }

    /// Regular files (relative paths) and anything else found under `folder`.
    private static func listFiles(_ folder: URL) -> (regular: Set<String>, other: Set<String>) {
        var regular = Set<String>()
        var other = Set<String>()
        let base = folder.standardizedFileURL.path
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else {
            return (regular, other)
        }
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: Set(keys))
            var path = url.standardizedFileURL.path
            if path.hasPrefix(base) { path = String(path.dropFirst(base.count)) }
            while path.hasPrefix("/") { path.removeFirst() }
            if values?.isSymbolicLink == true {
                other.insert(path)
            } else if values?.isRegularFile == true {
                regular.insert(path)
            } else if values?.isDirectory != true {
                other.insert(path)
            }
        }
        return (regular, other)
    }

    static func hash(_ url: URL) throws -> (Int64, String) {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = ExportCrypto.Hasher()
        var size: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(chunk)
            size += Int64(chunk.count)
        }
        return (size, hasher.finalize().hexString)
    }
}
