/// The error type of Vellum's core: a code, a human reason and where it was raised.
///
/// Reasons name the file, line and field that were wrong, never message content.
public struct VellumError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        public static let invalidInput = Code("invalidInput")
        public static let notFound = Code("notFound")
        public static let alreadyExists = Code("alreadyExists")
        public static let wrongKey = Code("wrongKey")
        public static let integrity = Code("integrity")
        public static let storage = Code("storage")
        public static let configuration = Code("configuration")
        public static let refused = Code("refused")
    }

    public var code: Code
    public var reason: String
    public var fileID: String
    public var line: Int

    public init(_ code: Code, _ reason: String, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.fileID = fileID
        self.line = line
    }

    public var description: String { reason }

    public static func == (lhs: VellumError, rhs: VellumError) -> Bool {
        lhs.code == rhs.code && lhs.reason == rhs.reason
    }
}
