/// The error type of `VellumPolicy`: a code, a human reason and where it was raised.
///
/// Reasons name the file, line and field that were wrong, never message content.
public struct PolicyError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The policy file has problems; ``PolicyError/problems`` lists every one.
        public static let invalidPolicy = Code("invalidPolicy")
        /// A period or deadline span could not be read (`7y`, `10bd`).
        public static let invalidPeriod = Code("invalidPeriod")
        /// A date could not be read (`YYYY-MM-DD`).
        public static let invalidDate = Code("invalidDate")
        /// A privacy request cannot move from its status to the one asked for.
        public static let invalidTransition = Code("invalidTransition")
        /// A privacy request was extended after its original deadline, or twice.
        public static let extensionNotAllowed = Code("extensionNotAllowed")
        /// A legal hold was released twice, or before it was created.
        public static let invalidRelease = Code("invalidRelease")
    }

    public var code: Code
    public var reason: String
    /// Every problem of the policy file, for ``Code/invalidPolicy``.
    public var problems: [PolicyProblem]
    public var fileID: String
    public var line: Int

    public init(
        _ code: Code, _ reason: String, problems: [PolicyProblem] = [], fileID: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.reason = reason
        self.problems = problems
        self.fileID = fileID
        self.line = line
    }

    public var description: String {
        problems.isEmpty ? reason : ([reason] + problems.map(\.description)).joined(separator: "\n")
    }

    public static func == (lhs: PolicyError, rhs: PolicyError) -> Bool {
        lhs.code == rhs.code && lhs.reason == rhs.reason && lhs.problems == rhs.problems
    }
}
