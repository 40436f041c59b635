/// What ``ExportVerifier`` found: every problem, each naming the file or record it concerns.
public struct ExportVerificationReport: Sendable, Hashable, CustomStringConvertible {
    /// One failed check.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// What failed: the manifest itself, a file, the tree head, or a record.
        public enum Kind: String, Sendable, Hashable {
            case manifestMissing, manifestDigest, manifestMalformed
            case fileMissing, fileExtra, fileSize, fileHash
            case treeHeadSignature, treeHeadBinding, treeHeadUntrustedKey
            case leafMalformed, leafMismatch, proofInvalid, proofMismatch
            case recordFileUnlisted, duplicateRecord, countMismatch
        }

        /// Which check failed.
        public var kind: Kind
        /// The file path or record id concerned.
        public var subject: String
        /// What was found, in words.
        public var detail: String

        public var description: String { "\(kind.rawValue) \(subject): \(detail)" }
    }

    /// Every failed check, in the order found.
    public var problems: [Problem] = []
    /// Files whose digest was computed.
    public var filesChecked = 0
    /// Records whose inclusion proof was checked.
    public var recordsChecked = 0
    /// Whether the signature was checked against a key the caller trusts (not only the manifest's).
    public var publicKeyPinned = false

    /// No problem found.
    public var isValid: Bool { problems.isEmpty }

    public var description: String {
        let status = isValid ? "valid" : "\(problems.count) problem(s)"
        return
            ([
                "export \(status): \(filesChecked) files, \(recordsChecked) records checked"
                    + (publicKeyPinned ? "" : " (public key taken from the manifest, not pinned)")
            ] + problems.map { "  " + $0.description }).joined(separator: "\n")
    }

    mutating func add(_ kind: Problem.Kind, _ subject: String, _ detail: String) {
        problems.append(Problem(kind: kind, subject: subject, detail: detail))
    }
}
