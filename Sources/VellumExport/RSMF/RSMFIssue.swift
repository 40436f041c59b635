/// A finding of ``RSMFValidator``, named like Relativity's validator where it has a name.
public struct RSMFIssue: Sendable, Hashable, CustomStringConvertible {
    /// Errors make the file invalid; warnings are what Relativity's validator warns about.
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    /// `ManifestSchemaViolation`, `ManifestUndefinedProperty`, `ManifestInvalidEventParticipant` …
    public var code: String
    /// A JSON pointer to the value (`/participants/0/id`).
    public var pointer: String
    public var message: String

    public var description: String { "\(severity.rawValue) \(code) at \(pointer): \(message)" }
}
