public import Foundation
import ZIPFoundation

/// A parsed `.rsmf` file: the EML headers and text part, the files of `rsmf.zip`, the manifest.
public struct RSMFDocument: Sendable {
    /// EML header fields in order, RFC 2047 words decoded.
    public var headers: [(name: String, value: String)]
    /// The decoded `text/plain` part (the extracted text), if any.
    public var text: String?
    /// Every file of `rsmf.zip` by name.
    public var zipEntries: [String: Data]
    /// The exact bytes of `rsmf_manifest.json`.
    public var manifestData: Data
    public var manifest: RSMFManifest

    /// The first value of header `name`, case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Reads RSMF files (Layer 1 EML → Layer 2 zip → Layer 3 manifest) and enforces Layer 1's rules:
/// an `X-RSMF-Version`, and exactly one attachment, `rsmf.zip`, base64-encoded.
public enum RSMFReader {
    /// Reads and parses the `.rsmf` file at `url`.
    public static func read(contentsOf url: URL) throws -> RSMFDocument {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ExportError(.io, "\(url.path): cannot read: \(error)") }
        return try read(data)
    }

    /// Parses the bytes of an `.rsmf` file; throws ``ExportError/Code/malformedRSMF`` naming the rule broken.
    public static func read(_ data: Data) throws -> RSMFDocument {
        let eml = MIMEEntity.parse(data)
        guard let version = eml.header("X-RSMF-Version"), ["1.0.0", "2.0.0"].contains(version) else {
            throw ExportError(.malformedRSMF, "X-RSMF-Version: missing or not 1.0.0/2.0.0")
        }
        guard eml.mediaType.hasPrefix("multipart/") else {
            throw ExportError(.malformedRSMF, "Content-Type: \(eml.mediaType), expected multipart/mixed")
        }
        let parts = eml.parts()
        var text: String?
        var attachments: [MIMEEntity] = []
        for part in parts {
            let disposition = part.header("Content-Disposition")?.lowercased() ?? ""
            let named =
                part.parameter("filename", of: "Content-Disposition") ?? part.parameter("name", of: "Content-Type")
            if disposition.hasPrefix("attachment") || named != nil || !part.mediaType.hasPrefix("text/") {
                attachments.append(part)
            } else if text == nil {
                text = String(decoding: try part.decodedBody(), as: UTF8.self)
            }
        }
        guard attachments.count == 1, let zipPart = attachments.first else {
            let names = attachments.map {
                $0.parameter("filename", of: "Content-Disposition") ?? $0.parameter("name", of: "Content-Type") ?? "?"
            }
            throw ExportError(
                .malformedRSMF,
                "expected exactly one attachment (rsmf.zip), found \(attachments.count): \(names.joined(separator: ", "))"
            )
        }
        let fileName =
            zipPart.parameter("filename", of: "Content-Disposition") ?? zipPart.parameter("name", of: "Content-Type")
        guard fileName == "rsmf.zip" else {
            throw ExportError(.malformedRSMF, "the attachment is \(fileName ?? "unnamed"), not rsmf.zip")
        }
        guard zipPart.header("Content-Transfer-Encoding")?.lowercased() == "base64" else {
            throw ExportError(.malformedRSMF, "rsmf.zip: Content-Transfer-Encoding must be base64")
        }
        let entries = try unzip(try zipPart.decodedBody())
        guard let manifestData = entries["rsmf_manifest.json"] else {
            throw ExportError(.malformedRSMF, "rsmf.zip: no rsmf_manifest.json at the root")
        }
        let manifest: RSMFManifest
        do { manifest = try JSONDecoder().decode(RSMFManifest.self, from: manifestData) } catch {
            throw ExportError(.malformedRSMF, "rsmf_manifest.json: \(error)")
        }
        let headers = eml.headers.map { ($0.name, MIMEDecoding.decodeWords($0.value)) }
        return RSMFDocument(
            headers: headers, text: text, zipEntries: entries, manifestData: manifestData, manifest: manifest)
    }

    /// Every file entry of a zip, by path.
    static func unzip(_ data: Data) throws -> [String: Data] {
        do {
            let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
            var out: [String: Data] = [:]
            for entry in archive where entry.type == .file {
                var bytes = Data()
                _ = try archive.extract(entry) { bytes.append($0) }
                out[entry.path] = bytes
            }
            return out
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError(.malformedRSMF, "rsmf.zip: not a readable zip: \(error)")
        }
    }
}
