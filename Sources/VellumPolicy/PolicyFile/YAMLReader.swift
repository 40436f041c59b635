import Yams

/// Walks composed YAML nodes, collecting a ``PolicyProblem`` for everything wrong instead of
/// stopping at the first: each getter returns nil (and records why) when the node is unusable.
struct YAMLReader {
    let file: String
    private(set) var problems: [PolicyProblem] = []

    init(file: String) { self.file = file }

    /// The fields of a mapping, looked up by key; keys that repeat or are not allowed are problems.
    struct Fields {
        let node: Node
        let path: String
        private let values: [String: Node]
        private let keyNodes: [String: Node]

        init(node: Node, path: String, values: [String: Node], keyNodes: [String: Node]) {
            self.node = node
            self.path = path
            self.values = values
            self.keyNodes = keyNodes
        }

        subscript(key: String) -> Node? { values[key] }
        /// The node of the key itself, for problems about the key.
        func keyNode(_ key: String) -> Node? { keyNodes[key] }
        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        var keys: [String] { Array(values.keys) }
    }

    mutating func problem(_ node: Node?, _ path: String, _ message: String) {
        problems.append(PolicyProblem(
            file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, path: path, message: message))
    }

    mutating func problem(line: Int, column: Int, _ path: String, _ message: String) {
        problems.append(PolicyProblem(file: file, line: line, column: column, path: path, message: message))
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, s.style == .plain, node.tag.rawValue == Tag.Name.null.rawValue { return true }
        return false
    }

    /// A mapping whose keys must be in `allowed`; every key of `required` must be present.
    mutating func mapping(
        _ node: Node, _ path: String, allowed: Set<String>, required: [String] = [], what: String = "a mapping"
    ) -> Fields? {
        guard let map = node.mapping else {
            problem(node, path, "expected \(what), found \(kind(node))")
            return nil
        }
        var values: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        for (keyNode, value) in map {
            guard let key = keyNode.scalar?.string else {
                problem(keyNode, path, "keys must be plain names")
                continue
            }
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if values[key] != nil {
                problem(keyNode, keyPath, "duplicate key `\(key)`")
            } else if !allowed.contains(key) {
                problem(keyNode, keyPath, "unknown key `\(key)`; expected one of \(allowed.sorted().joined(separator: ", "))")
            } else {
                values[key] = value
                keyNodes[key] = keyNode
            }
        }
        for key in required where values[key] == nil {
            problem(node, path.isEmpty ? key : "\(path).\(key)", "required key `\(key)` is missing")
        }
        return Fields(node: node, path: path, values: values, keyNodes: keyNodes)
    }

    /// A mapping of free names to values (lexicons, presets, channels), in file order.
    mutating func entries(_ node: Node, _ path: String, what: String) -> [(key: String, keyNode: Node, value: Node)] {
        guard let map = node.mapping else {
            problem(node, path, "expected \(what), found \(kind(node))")
            return []
        }
        var out: [(key: String, keyNode: Node, value: Node)] = []
        var seen = Set<String>()
        for (keyNode, value) in map {
            guard let key = keyNode.scalar?.string, !key.isEmpty else {
                problem(keyNode, path, "keys must be plain names")
                continue
            }
            guard seen.insert(key).inserted else {
                problem(keyNode, "\(path).\(key)", "duplicate key `\(key)`")
                continue
            }
            out.append((key, keyNode, value))
        }
        return out
    }

    /// A sequence of nodes.
    mutating func sequence(_ node: Node, _ path: String, what: String = "a list") -> [Node]? {
        guard let seq = node.sequence else {
            problem(node, path, "expected \(what), found \(kind(node))")
            return nil
        }
        return Array(seq)
    }

    /// A non-empty string scalar.
    mutating func string(_ node: Node, _ path: String) -> String? {
        guard let s = node.scalar?.string, !YAMLReader.isNull(node) else {
            problem(node, path, "expected a string, found \(kind(node))")
            return nil
        }
        let trimmed = s.trimmingSpaces
        guard !trimmed.isEmpty else {
            problem(node, path, "expected a non-empty string")
            return nil
        }
        return trimmed
    }

    mutating func bool(_ node: Node, _ path: String) -> Bool? {
        switch YAMLReader.isNull(node) ? nil : node.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            problem(node, path, "expected true or false, found \(kind(node))")
            return nil
        }
    }

    mutating func int(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let s = node.scalar?.string, let v = Int(s), s.allSatisfy(\.isASCIIDigitCharacter) else {
            problem(node, path, "expected a whole number, found \(kind(node))")
            return nil
        }
        guard range.contains(v) else {
            problem(node, path, "\(v) is out of range \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return v
    }

    mutating func number(_ node: Node, _ path: String, in range: ClosedRange<Double>) -> Double? {
        guard let s = node.scalar?.string, !YAMLReader.isNull(node), let v = Double(s), v.isFinite else {
            problem(node, path, "expected a number, found \(kind(node))")
            return nil
        }
        guard range.contains(v) else {
            problem(node, path, "\(s) is out of range \(range.lowerBound.shortText)…\(range.upperBound.shortText)")
            return nil
        }
        return v
    }

    /// A list of non-empty strings; `[]` is a problem unless `allowEmpty` (an empty filter would match nothing).
    mutating func strings(_ node: Node, _ path: String, allowEmpty: Bool = false) -> [String]? {
        guard let seq = sequence(node, path, what: "a list of strings") else { return nil }
        if seq.isEmpty && !allowEmpty {
            problem(node, path, "an empty list matches nothing; leave the key out to mean any")
            return nil
        }
        var out: [String] = []
        var ok = true
        for (i, item) in seq.enumerated() {
            if let s = string(item, "\(path)[\(i)]") { out.append(s) } else { ok = false }
        }
        return ok ? out : nil
    }

    /// A value of a closed set, by its raw value.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, _ type: T.Type) -> T?
    where T.RawValue == String {
        guard let s = string(node, path) else { return nil }
        guard let v = T(rawValue: s) else {
            let options = T.allCases.map(\.rawValue).joined(separator: ", ")
            problem(node, path, "unknown value `\(s)`; expected one of \(options)")
            return nil
        }
        return v
    }

    /// A name of the form `[a-z0-9-]+` (rule and purpose ids).
    mutating func identifier(_ node: Node, _ path: String, extra: Set<Character> = []) -> String? {
        guard let s = string(node, path) else { return nil }
        guard s.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || extra.contains($0) })
        else {
            problem(node, path, "`\(s)` is not a valid id: use lower-case letters, digits and `-`")
            return nil
        }
        return s
    }

    func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let s):
            YAMLReader.isNull(node) ? "nothing" : "`\(s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string)`"
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension Double {
    /// `0.5`, `1` (no trailing `.0`).
    var shortText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
