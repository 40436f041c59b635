/// Why a `vellum scan` input line could not be processed.
public enum ScanLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A JSON object line lacks a required field.
    case missingField(line: Int, field: String)
    /// A field has the wrong JSON type.
    case invalidField(line: Int, field: String, expected: String)
    /// Reading input or writing output failed.
    case io(String)

    /// The 1-based line number, when the error is about a line.
    public var line: Int? {
        switch self {
        case .missingField(let line, _), .invalidField(let line, _, _): line
        case .io: nil
        }
    }

    /// Human-readable message naming the line and field.
    public var description: String {
        switch self {
        case .missingField(let line, let field):
            "line \(line): JSON object has no \"\(field)\" field"
        case .invalidField(let line, let field, let expected):
            "line \(line): field \"\(field)\" must be \(expected)"
        case .io(let message):
            "I/O error: \(message)"
        }
    }
}
