/// One thing wrong in a policy file, with where it is: `vellum-policy.yaml:12:7: retention.rules[1].period: …`.
///
/// ``PolicyFile/load(yaml:file:)`` reports every problem it finds, not just the first.
public struct PolicyProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line, as an editor shows it.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// The dotted path of the field, e.g. `surveillance.rules[0].channels`.
    public var path: String
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        path.isEmpty ? "\(file):\(line):\(column): \(message)" : "\(file):\(line):\(column): \(path): \(message)"
    }
}
