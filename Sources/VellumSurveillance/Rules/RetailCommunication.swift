public import VellumCore
public import VellumPolicy

/// FINRA Rule 2210's retail communication: a written communication distributed to more than 25
/// retail investors within any 30-calendar-day period needs a principal's approval. The archive
/// counts, per employee, the distinct outside people written to in the rule's window; the message
/// that takes the count past the limit goes to the review queue.
///
/// Outside people are those not in the employee directory: the archive cannot tell a retail
/// investor from an institution, so it errs towards review.
extension RuleSupervisor {
    /// The retail-communication rules that apply to messages `sender` writes.
    public func retailRules(for sender: Employee) -> [SurveillanceRule] {
        policy.surveillance.rules.filter { $0.type == .retailCommunication && applies($0, to: [sender]) }
    }

    /// The alert for a message after which `sender` had written to `after` distinct outside
    /// people in the window (`before` without it): only the message that crosses the limit.
    public func retailAlert(
        _ rule: SurveillanceRule, sender: Employee, before: Int, after: Int, channel: Channel
    ) -> AlertExplanation? {
        guard before <= rule.maxRecipients, after > rule.maxRecipients else { return nil }
        return AlertExplanation(
            rule: rule.id, rule_type: rule.type.rawValue, severity: rule.severity.rawValue,
            reason: "\(sender.name) has now written to \(after) different outside people within \(rule.windowDays) days, "
                + "more than \(rule.maxRecipients): a retail communication that needs a principal's approval (FINRA Rule 2210).",
            channel: channel,
            channel_note: "Counted across every captured channel; this \(channel.displayName) message crossed the limit.")
    }

    /// The start of the rule's window for a message sent at `sentAt` (milliseconds).
    public static func windowStart(_ rule: SurveillanceRule, sentAt: Int64) -> Int64 {
        sentAt - Int64(rule.windowDays) * 86_400_000
    }
}
