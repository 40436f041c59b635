public import Foundation
public import VellumCore
public import Yams

/// A value of a YAML configuration file with where it is (file, line, dotted key), so every
/// error names the file, the line and the key. Errors never quote values: they may be secrets.
public struct ConfigNode {
    public let node: Node
    public let file: String
    /// The dotted key of this value (`webhooks.telegram.connections.desk.secret_token`).
    public let path: String

    /// Parses a whole file; an empty file is an empty mapping.
    public static func parse(_ text: String, file: String) throws -> ConfigNode {
        do {
            return ConfigNode(node: try Yams.compose(yaml: text) ?? Node.mapping([:]), file: file, path: "")
        } catch let error as YamlError {
            throw VellumError(.configuration, "\(file): not valid YAML: \(describe(error))")
        }
    }

    /// `file:line`, or the file alone when the parser kept no position.
    public var location: String { node.mark.map { "\(file):\($0.line)" } ?? file }

    public func error(_ why: String) -> VellumError {
        VellumError(.configuration, "\(location): `\(path.isEmpty ? "(top level)" : path)` \(why)")
    }

    public func child(_ key: String, _ value: Node) -> ConfigNode {
        ConfigNode(node: value, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The entries of a mapping by key. With `allowed`, any other key is refused (a misspelt key
    /// would otherwise be silently ignored, and a channel silently left open or closed).
    public func mapping(allowed: Set<String>? = nil) throws -> [String: ConfigNode] {
        if isNull { return [:] }
        guard case .mapping(let mapping) = node else { throw error("must be a mapping of keys to values") }
        var out: [String: ConfigNode] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw child("?", key).error("keys must be plain names") }
            // Errors about the key itself point at the key's line, not its value's.
            let keyNode = child(name, key)
            if let allowed, !allowed.contains(name) {
                throw keyNode.error("is not a known key here (known: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard out[name] == nil else { throw keyNode.error("appears twice") }
            out[name] = child(name, value)
        }
        return out
    }

    public var isNull: Bool { node.null != nil }

    /// A non-empty text value.
    public func string() throws -> String {
        guard !isNull, case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("must be a non-empty text value") }
        return scalar.string
    }

    /// A list of non-empty text values (a single value counts as a list of one).
    public func strings() throws -> [String] {
        if case .sequence(let sequence) = node {
            return try sequence.enumerated().map { i, value in try child("\(i)", value).string() }
        }
        return [try string()]
    }

    public func int(in range: ClosedRange<Int>) throws -> Int {
        guard case .scalar = node, let value = node.int, range.contains(value) else {
            throw error("must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// `true` or `false` (YAML's other spellings of them too).
    public func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("must be true or false") }
        return value
    }

    /// Libyaml's problem and position; never the surrounding text (it may hold a secret).
    public static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            "line \(mark.line), column \(mark.column): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            "line \(context.mark.line): a key appears twice (\(duplicates.joined(separator: ", ")))"
        case .reader(let problem, _, _, _): problem
        default: "unreadable"
        }
    }
}
