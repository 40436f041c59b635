public import Foundation

/// Reads the secrets of a configuration file: each given inline (`key: value`) or as a file
/// (`key_file: path`, relative to the configuration's folder; a trailing newline is dropped).
///
/// Values are never quoted in errors or logs. A secret file (or the configuration itself) that
/// group or others may read is reported in `warnings`, for the operator to fix.
public struct ConfigSecrets {
    /// Where relative `*_file` paths are resolved: the configuration file's folder.
    public let folder: URL
    public private(set) var warnings: [String] = []

    public init(folder: URL) { self.folder = folder }

    /// Another warning for the operator about the file (a setting that weakens security).
    public mutating func warn(_ text: String) { warnings.append(text) }

    /// `key: value` or `key_file: path`, exactly one.
    public mutating func secret(_ m: [String: ConfigNode], _ key: String, in owner: ConfigNode) throws -> String {
        switch (m[key], m[key + "_file"]) {
        case (nil, nil): throw owner.error("needs `\(key)` or `\(key)_file`")
        case (.some, .some(let file)): throw file.error("and `\(key)` are both given; keep one")
        case (.some(let inline), nil): return try inline.string()
        case (nil, .some(let file)):
            let value = try read(file)
            guard !value.isEmpty else { throw file.error("names an empty file") }
            return value
        }
    }

    /// The contents of the file a `*_file` key names, without the trailing newline.
    public mutating func read(_ node: ConfigNode) throws -> String {
        let url = resolve(try node.string())
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw node.error("names \(url.path), which cannot be read as text")
        }
        checkPrivate(url.path, named: url.path)
        return text.trimmingCharacters(in: .newlines)
    }

    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
    }

    /// Secrets belong in files only Vellum's user can read.
    public mutating func checkPrivate(_ path: String, named name: String) {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
            mode & 0o077 != 0
        else { return }
        warnings.append(
            "\(name) can be read or written by group or others (mode \(String(mode & 0o777, radix: 8))); it holds secrets: chmod 600 it")
    }
}
