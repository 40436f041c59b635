public import Foundation
import VellumCore

/// The two requests of a Cloud API media download: `GET {graph}/{version}/{media-id}` for the
/// metadata, then `GET url` for the bytes, both with `Authorization: Bearer <token>`.
public enum WhatsAppMediaFetch {
    public static func metadataRequest(
        mediaID: String, settings: MediaSecrets.WhatsApp, maxBytes: Int, timeout: Duration
    ) throws(MediaFetchError) -> MediaHTTPRequest {
        guard let id = mediaID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))), !id.isEmpty else {
            throw MediaFetchError(.badResponse, "media id is empty")
        }
        let base = settings.graphBase.hasSuffix("/") ? String(settings.graphBase.dropLast()) : settings.graphBase
        return MediaHTTPRequest(
            url: "\(base)/\(settings.apiVersion)/\(id)", headers: [bearer(settings)], maxBytes: maxBytes, timeout: timeout)
    }

    public static func contentRequest(
        _ metadata: WhatsAppMediaReference.Metadata, settings: MediaSecrets.WhatsApp, maxBytes: Int, timeout: Duration
    ) throws(MediaFetchError) -> MediaHTTPRequest {
        guard let url = URL(string: metadata.url), let scheme = url.scheme?.lowercased(), ["https", "http"].contains(scheme) else {
            throw MediaFetchError(.badResponse, "media metadata: field `url` is not an http(s) URL")
        }
        if let size = metadata.fileSize, size > Int64(maxBytes) {
            throw MediaFetchError(.tooLarge, "media metadata: file_size \(size) is over the \(maxBytes)-byte cap")
        }
        return MediaHTTPRequest(url: metadata.url, headers: [bearer(settings)], maxBytes: maxBytes, timeout: timeout)
    }

    /// Reads the metadata answer; errors name the field.
    public static func metadata(from response: MediaHTTPResponse) throws(MediaFetchError) -> WhatsAppMediaReference.Metadata {
        guard (200 ..< 300).contains(response.status) else {
            throw MediaFetchError.forStatus(response.status, step: "media metadata")
        }
        do {
            return try WhatsAppMediaReference.decodeMetadata(response.body)
        } catch {
            throw MediaFetchError(.badResponse, error.reason)
        }
    }

    /// The SHA-256 the bytes must have: the metadata's, which must agree with the webhook's when both exist.
    public static func expectedDigest(
        _ metadata: WhatsAppMediaReference.Metadata, webhook: String?
    ) throws(MediaFetchError) -> String? {
        let fromMetadata = metadata.sha256.flatMap(WhatsAppMediaReference.sha256Bytes)?.hexString
        if metadata.sha256 != nil, fromMetadata == nil {
            throw MediaFetchError(.badResponse, "media metadata: field `sha256` is neither hex nor base64 of 32 bytes")
        }
        if let a = fromMetadata, let b = webhook?.lowercased(), a != b {
            throw MediaFetchError(.integrity, "the webhook's sha256 \(b) and the Graph API's \(a) disagree")
        }
        return fromMetadata ?? webhook?.lowercased()
    }

    static func bearer(_ settings: MediaSecrets.WhatsApp) -> MediaHTTPHeader {
        MediaHTTPHeader("Authorization", "Bearer \(settings.accessToken)")
    }
}
