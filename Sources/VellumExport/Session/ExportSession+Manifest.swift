import Foundation
import VellumCore

extension ExportSession {
    /// Writes `manifest.json` (keys sorted, one record per line) and `manifest.sha256`; returns
    /// the manifest's digest.
    func writeManifest() throws -> String {
        let files = registry.files.sorted { $0.path < $1.path }
        var head = CanonicalJSON()
        head.object { w in
            w.field("actor", context.actor)
            w.key("counts")
            w.object { w in
                w.field("attachments", Int64(counts.attachments))
                w.field("conversations", Int64(counts.conversations))
                w.field("files", Int64(files.count))
                w.field("masked_records", Int64(counts.maskedRecords))
                w.field("records", Int64(counts.records))
            }
            w.field("created_at", context.createdAt.rfc3339)
            if let custodian = context.custodian {
                w.key("custodian")
                w.object { w in
                    w.field("employee_id", custodian.employeeID)
                    w.field("name", custodian.name)
                }
            }
            w.key("files")
            w.array(files) { w, f in
                w.object { w in
                    w.field("path", f.path)
                    w.field("sha256", f.sha256)
                    w.field("size", f.size)
                }
            }
            w.field("format", ExportManifest.formatName)
            w.key("formats")
            w.array(ExportFormat.allCases.filter(options.formats.contains)) { w, f in w.string(f.rawValue) }
            w.field("generator", options.generator)
            w.key("masking")
            w.object { w in
                w.field("description", context.masking.summary)
                w.field("enabled", context.masking.isEnabled)
            }
            w.field("query", context.query)
        }
        let head_ = context.treeHead
        var tail = CanonicalJSON()
        tail.object { w in
            w.key("tree_head")
            w.object { w in
                w.field("public_key", head_.publicKeyHex.lowercased())
                w.field("root", head_.rootHex.lowercased())
                w.field("signature", head_.signatureHex.lowercased())
                w.key("signed_bytes")
                w.base64(head_.signedBytes)
                w.field("size", Int64(bitPattern: head_.size))
                w.field("timestamp", head_.timestamp)
            }
        }
        let out = try registry.create(ExportManifest.fileName)
        try out.write(head.bytes.dropLast())
        try out.write(",\"records\":[\n")
        try copy(records.url, into: out)
        try out.write("\n],")
        try out.write(tail.bytes.dropFirst())
        try out.write("\n")
        let written = try out.close()
        let sidecar = try registry.create(ExportManifest.digestFileName)
        try sidecar.write("\(written.sha256)  \(ExportManifest.fileName)\n")
        try sidecar.close()
        return written.sha256
    }

    private func copy(_ url: URL, into out: OutputFile) throws {
        guard let input = InputStream(url: url) else { throw ExportError(.io, "\(url.path): cannot open") }
        input.open()
        defer { input.close() }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = input.read(&buffer, maxLength: buffer.count)
            if n < 0 { throw ExportError(.io, "\(url.path): read failed") }
            if n == 0 { break }
            try out.write(buffer[0..<n])
        }
    }
}
