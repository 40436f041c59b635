/// File names and media types for the files WeCom messages name by `sdkfileid`.
///
/// Only `file`, `voip_doc_share` and `qydiskfile` records carry a file name. For the others a name
/// is made up from the kind, the message id and, inside a chatrecord or mixed message, the item's
/// path: `image-<msgid>.jpg`, `voice-<msgid>.amr`, `video-<msgid>.mp4`, `emotion-<msgid>.gif|png`,
/// `image-<msgid>-1.0.jpg` (item 0 of item 1). Characters of the message id other than ASCII
/// letters, digits, `-` and `_` become `_` (ids are base64 and may hold `/`, `+`, `=`).
///
/// Media types: voice `audio/amr`, video `video/mp4`, emotion type 1 `image/gif` and 2 `image/png`,
/// image `image/jpeg` (what WeCom serves; the capture checks the bytes when it fetches them), a file
/// by its extension (``mediaType(forExtension:)``).
enum WeComPayloadMedia {
    static func safeName(_ id: String) -> String {
        String(String.UnicodeScalarView(id.unicodeScalars.map { s in
            s.isASCII && (s.properties.isAlphabetic || ("0" ... "9").contains(s) || s == "-" || s == "_") ? s : "_"
        }))
    }

    /// `<base>-<msgid>[-<item path>][.<ext>]`.
    static func syntheticName(_ base: String, msgid: String, itemPath: String, ext: String?) -> String {
        var name = base + "-" + safeName(msgid)
        if !itemPath.isEmpty { name += "-" + itemPath }
        if let ext, !ext.isEmpty { name += "." + ext }
        return name
    }

    /// The extension of a file name, lowercased, or nil.
    static func fileExtension(of name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...]
        return ext.isEmpty ? nil : ext.lowercased()
    }

    /// The media type of a file extension (without the dot, any case); `application/octet-stream`
    /// when unknown.
    static func mediaType(forExtension ext: String?) -> String {
        guard let ext else { return "application/octet-stream" }
        return types[ext.lowercased().trimmingPrefixDot()] ?? "application/octet-stream"
    }

    static let types: [String: String] = [
        "pdf": "application/pdf",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt": "application/vnd.ms-powerpoint",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "wps": "application/vnd.ms-works",
        "txt": "text/plain", "log": "text/plain", "md": "text/markdown",
        "csv": "text/csv", "json": "application/json", "xml": "application/xml",
        "htm": "text/html", "html": "text/html", "rtf": "application/rtf",
        "zip": "application/zip", "rar": "application/vnd.rar", "7z": "application/x-7z-compressed",
        "gz": "application/gzip", "tar": "application/x-tar",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif",
        "bmp": "image/bmp", "webp": "image/webp", "heic": "image/heic", "tif": "image/tiff", "tiff": "image/tiff",
        "svg": "image/svg+xml",
        "mp4": "video/mp4", "mov": "video/quicktime", "avi": "video/x-msvideo", "mkv": "video/x-matroska",
        "mp3": "audio/mpeg", "amr": "audio/amr", "wav": "audio/wav", "m4a": "audio/mp4", "aac": "audio/aac",
        "silk": "audio/silk",
        "apk": "application/vnd.android.package-archive", "exe": "application/vnd.microsoft.portable-executable",
        "eml": "message/rfc822", "msg": "application/vnd.ms-outlook",
    ]

    /// A digest map with the md5 when it is 32 hex digits (lowercased), else empty.
    static func md5Digests(_ md5: String?) -> [String: String] {
        guard let md5, md5.utf8.count == 32, md5.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) })
        else { return [:] }
        return ["md5": md5.lowercased()]
    }
}

extension String {
    fileprivate func trimmingPrefixDot() -> String { hasPrefix(".") ? String(dropFirst()) : self }
}
