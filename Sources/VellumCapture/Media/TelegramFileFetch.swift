public import Foundation

/// The two requests of a Bot API download: `GET {api}/bot<token>/getFile?file_id=…`, then
/// `GET {api}/file/bot<token>/<file_path>`. The token is part of the URL path: these URLs are
/// never logged, and errors describe them with ``describe(_:)``.
public enum TelegramFileFetch {
    /// What `getFile` answers in `result`.
    public struct File: Sendable, Hashable {
        public var filePath: String
        public var fileSize: Int64?

        public init(filePath: String, fileSize: Int64?) {
            self.filePath = filePath
            self.fileSize = fileSize
        }
    }

    public static func getFileRequest(
        fileID: String, token: String, apiBase: String, maxBytes: Int, timeout: Duration
    ) throws(MediaFetchError) -> MediaHTTPRequest {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        guard !fileID.isEmpty, let id = fileID.addingPercentEncoding(withAllowedCharacters: allowed) else {
            throw MediaFetchError(.badResponse, "file_id is empty")
        }
        return MediaHTTPRequest(url: "\(trimmed(apiBase))/bot\(token)/getFile?file_id=\(id)", maxBytes: maxBytes, timeout: timeout)
    }

    public static func contentRequest(
        _ file: File, token: String, apiBase: String, maxBytes: Int, timeout: Duration
    ) throws(MediaFetchError) -> MediaHTTPRequest {
        if let size = file.fileSize, size > Int64(maxBytes) {
            throw MediaFetchError(.tooLarge, "getFile: file_size \(size) is over the \(maxBytes)-byte cap")
        }
        guard !file.filePath.contains(".."), !file.filePath.hasPrefix("/"),
            let path = file.filePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        else {
            throw MediaFetchError(.badResponse, "getFile: field `result.file_path` is not a relative path")
        }
        return MediaHTTPRequest(url: "\(trimmed(apiBase))/file/bot\(token)/\(path)", maxBytes: maxBytes, timeout: timeout)
    }

    /// Reads a `getFile` answer: `{"ok":true,"result":{"file_path":…,"file_size":…}}`; an
    /// `{"ok":false,"error_code":400,"description":…}` becomes the matching error.
    public static func file(from response: MediaHTTPResponse) throws(MediaFetchError) -> File {
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard (200 ..< 300).contains(response.status), let object else {
            var error = MediaFetchError.forStatus(response.status == 200 ? 502 : response.status, step: "getFile")
            if response.status == 200 { error = MediaFetchError(.badResponse, "getFile: the answer is not a JSON object") }
            if let description = object?["description"] as? String { error.reason += ": " + String(description.prefix(200)) }
            throw error
        }
        guard object["ok"] as? Bool == true else {
            let code = object["error_code"] as? Int ?? 400
            var error = MediaFetchError.forStatus(code, step: "getFile")
            if let description = object["description"] as? String { error.reason += ": " + String(description.prefix(200)) }
            throw error
        }
        guard let result = object["result"] as? [String: Any] else {
            throw MediaFetchError(.badResponse, "getFile: field `result` is missing")
        }
        guard let path = result["file_path"] as? String, !path.isEmpty else {
            throw MediaFetchError(.badResponse, "getFile: field `result.file_path` is missing (the file may be over the bots' 20 MB limit)")
        }
        let size = (result["file_size"] as? NSNumber)?.int64Value
        return File(filePath: path, fileSize: size)
    }

    /// A Bot API URL with the token taken out, for messages.
    public static func describe(_ url: String) -> String {
        url.replacingOccurrences(of: #"/bot[^/]+/"#, with: "/bot\(MediaSecrets.redactedMark)/", options: .regularExpression)
    }

    static func trimmed(_ base: String) -> String { base.hasSuffix("/") ? String(base.dropLast()) : base }
}
