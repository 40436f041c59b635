/// A surveillance alert state for `alert:`.
public enum QueryAlertState: String, Sendable, Hashable, CaseIterable {
    case open
    case inReview = "in_review"
    case escalated
    case closed
    /// The message has an alert, whatever its state.
    case any
}
