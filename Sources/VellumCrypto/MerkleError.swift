/// An error raised by the Merkle tree code (proof generation, node lookup, decoding).
///
/// Errors carry a machine-checkable ``Code``, a human-readable ``reason`` and the
/// source location (`#fileID` / `#line`) where they were raised.
public struct MerkleError: Error, CustomStringConvertible, Sendable {
    /// A stable, comparable category for a ``MerkleError``.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The identifier of the code, e.g. `"invalidArgument"`.
        public let rawValue: String

        /// Creates a code from its identifier.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// An argument is outside its valid domain (e.g. a leaf index not below the tree size).
        public static let invalidArgument = Code(rawValue: "invalidArgument")
        /// A node source could not supply a requested node.
        public static let missingNode = Code(rawValue: "missingNode")
        /// A hash does not have the expected length of 32 bytes.
        public static let invalidHashLength = Code(rawValue: "invalidHashLength")
        /// Serialized data is truncated, has trailing bytes or is otherwise inconsistent.
        public static let invalidSerialization = Code(rawValue: "invalidSerialization")

        /// The identifier of the code.
        public var description: String { rawValue }
    }

    /// The category of the error.
    public var code: Code
    /// A human-readable explanation.
    public var reason: String
    /// The file (`#fileID`) that raised the error.
    public var file: String
    /// The line that raised the error.
    public var line: Int

    /// Creates an error; `file` and `line` default to the caller's location.
    public init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// `"MerkleError.<code>: <reason> (<file>:<line>)"`.
    public var description: String {
        "MerkleError.\(code): \(reason) (\(file):\(line))"
    }
}
