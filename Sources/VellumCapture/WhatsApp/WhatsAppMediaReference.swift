public import Foundation
public import VellumCore

/// Helpers for Cloud API media: the metadata `GET /{media-id}` returns, and the `MediaReference`s
/// the webhook parser makes. Downloading is the caller's (it needs the network and a token).
///
/// Flow: webhook → `MediaReference(handle: <media id>)` → `GET https://graph.facebook.com/vX/<id>`
/// with the Bearer token → `{"url","mime_type","sha256","file_size","id"}` (decode it with
/// ``decodeMetadata(_:)``) → `GET url` with the **same** Bearer header (the URL expires after
/// about 5 minutes) → check the bytes with `WhatsAppSignature.verify(content:sha256:)`.
public enum WhatsAppMediaReference {
    /// What `GET /{media-id}` answers.
    public struct Metadata: Sendable, Hashable, Decodable {
        public var id: String
        public var url: String
        public var mimeType: String?
        /// As Meta gave it (hex or base64).
        public var sha256: String?
        public var fileSize: Int64?
        public var messagingProduct: String?

        enum CodingKeys: String, CodingKey {
            case id, url, sha256
            case mimeType = "mime_type"
            case fileSize = "file_size"
            case messagingProduct = "messaging_product"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            url = try c.decode(String.self, forKey: .url)
            mimeType = try c.decodeIfPresent(String.self, forKey: .mimeType)
            sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
            messagingProduct = try c.decodeIfPresent(String.self, forKey: .messagingProduct)
            // Seen both as a number and as a string.
            if let n = try? c.decodeIfPresent(Int64.self, forKey: .fileSize) {
                fileSize = n
            } else if let s = try c.decodeIfPresent(String.self, forKey: .fileSize) {
                guard let n = Int64(s) else {
                    throw DecodingError.dataCorruptedError(forKey: .fileSize, in: c, debugDescription: "not a whole number")
                }
                fileSize = n
            } else {
                fileSize = nil
            }
        }

        /// The hex SHA-256 when Meta's value decodes to 32 bytes.
        public var sha256Hex: String? { sha256.flatMap(WhatsAppMediaReference.sha256Bytes)?.hexString }
    }

    /// Decodes the metadata JSON; errors name the field, never its value.
    public static func decodeMetadata(_ json: Data) throws(VellumError) -> Metadata {
        do {
            return try JSONDecoder().decode(Metadata.self, from: json)
        } catch let error as DecodingError {
            throw VellumError(.invalidInput, "media metadata: " + (error.fieldPath.map { "field `\($0)`: " } ?? "") + error.plainReason)
        } catch {
            throw VellumError(.invalidInput, "media metadata: not a JSON object")
        }
    }

    /// Completes a webhook's media reference with what the metadata adds (size, a checked digest,
    /// the type if the webhook had none). The handle stays the media id.
    public static func completing(_ reference: MediaReference, with metadata: Metadata) -> MediaReference {
        var r = reference
        if r.handle.isEmpty { r.handle = metadata.id }
        r.mediaType = r.mediaType ?? metadata.mimeType
        r.size = metadata.fileSize ?? r.size
        if let hex = metadata.sha256Hex { r.digests["sha256"] = hex }
        return r
    }

    /// A reference built from metadata alone.
    public static func reference(from metadata: Metadata, name: String? = nil) -> MediaReference {
        completing(MediaReference(handle: metadata.id, name: name, note: notFetchedNote), with: metadata)
    }

    /// The note on references the webhook parser makes.
    public static let notFetchedNote = "not fetched yet: Cloud API media id (fetch promptly, ids expire)"

    /// 32 digest bytes from 64 hex digits or from base64 (standard or URL-safe, padding optional);
    /// nil when it is neither or not 32 bytes long.
    public static func sha256Bytes(_ text: String) -> Data? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.utf8.count == 64, let d = Data(hexString: t) { return d }
        var b64 = t.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.utf8.count % 4 != 0 { b64 += "=" }
        guard let d = Data(base64Encoded: b64), d.count == 32 else { return nil }
        return d
    }
}
