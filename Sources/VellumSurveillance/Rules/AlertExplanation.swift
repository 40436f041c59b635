public import Foundation
public import VellumCore

/// Why a message is in the review queue, in words a supervisor and a regulator can follow:
/// which rule, which detector or phrase, which span, and why the channel matters.
///
/// Sealed under the flagged record's scope. Values are masked (a card shows BIN and last four):
/// the full value of a detected card or id never appears in an alert.
public struct AlertExplanation: Sendable, Hashable, Codable {
    public struct Finding: Sendable, Hashable, Codable {
        public var detector: String
        /// Unicode scalar offsets in the message text, end exclusive.
        public var start: Int
        public var end: Int
        public var confidence: Double
        public var masked: String

        public init(detector: String, start: Int, end: Int, confidence: Double, masked: String) {
            self.detector = detector
            self.start = start
            self.end = end
            self.confidence = confidence
            self.masked = masked
        }
    }

    /// The rule's id in the policy, or `sample`.
    public var rule: String
    /// `sensitive_data`, `channel_ban`, `unapproved_channel`, `lexicon`, `retail_communication`, `sample`.
    public var rule_type: String
    public var severity: String
    /// One sentence: what happened and why it matters.
    public var reason: String
    public var findings: [Finding]
    public var channel: Channel
    /// Why the channel matters, when it does (not end-to-end encrypted, not approved, banned for a role).
    public var channel_note: String?

    public init(
        rule: String, rule_type: String, severity: String, reason: String, findings: [Finding] = [],
        channel: Channel, channel_note: String? = nil
    ) {
        self.rule = rule
        self.rule_type = rule_type
        self.severity = severity
        self.reason = reason
        self.findings = findings
        self.channel = channel
        self.channel_note = channel_note
    }
}

/// Who is behind a message, as supervision needs to know: the directory entries of the employees
/// in it (nil for outsiders).
public struct SupervisedParties: Sendable {
    public var sender: Employee?
    public var recipients: [Employee?]

    public init(sender: Employee?, recipients: [Employee?]) {
        self.sender = sender
        self.recipients = recipients
    }
}

/// Looks at each message on its way into the archive and says which alerts it raises.
///
/// Runs on the ingest workers, before sealing, on every new message exactly once; it must be
/// fast (no I/O) and must not keep message content.
public protocol MessageSupervisor: Sendable {
    func alerts(for message: Message, parties: SupervisedParties, recordID: RecordID) -> [AlertExplanation]
}
