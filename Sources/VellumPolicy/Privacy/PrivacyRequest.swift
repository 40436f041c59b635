/// A privacy request and its history. Moving it on makes a new value (``moved(to:on:note:deadlines:)``);
/// invalid moves throw ``PolicyError/Code/invalidTransition``.
public struct PrivacyRequest: Sendable, Hashable, Identifiable {
    public var id: String
    public var law: PrivacyLaw
    public var kind: PrivacyRequestKind
    public var received: CalendarDay
    public private(set) var status: PrivacyRequestStatus
    /// Every move, oldest first.
    public private(set) var history: [Change]

    /// One move of the status machine.
    public struct Change: Sendable, Hashable {
        public var from: PrivacyRequestStatus
        public var to: PrivacyRequestStatus
        public var day: CalendarDay
        public var note: String?

        public init(from: PrivacyRequestStatus, to: PrivacyRequestStatus, day: CalendarDay, note: String? = nil) {
            self.from = from
            self.to = to
            self.day = day
            self.note = note
        }
    }

    public init(id: String, law: PrivacyLaw, kind: PrivacyRequestKind, received: CalendarDay) {
        self.id = id
        self.law = law
        self.kind = kind
        self.received = received
        self.status = .received
        self.history = []
    }

    /// Whether the request was ever extended.
    public var wasExtended: Bool { history.contains { $0.to == .extended } }

    /// The request's dates under `deadlines` (the policy's `privacy` section).
    public func deadline(using deadlines: PrivacyDeadlines = .defaults) -> PrivacyDeadline {
        deadlines.compute(law: law, received: received, extended: wasExtended)
    }

    /// The request moved to `status` on `day`.
    ///
    /// Throws when the move is not in ``PrivacyRequestStatus/next``, goes back in time, lacks the
    /// reason an extension or refusal must give, or extends a request whose law allows no
    /// extension or whose original due date has passed (GDPR: the person must be told within
    /// the first month).
    public func moved(
        to next: PrivacyRequestStatus, on day: CalendarDay, note: String? = nil,
        deadlines: PrivacyDeadlines = .defaults
    ) throws(PolicyError) -> PrivacyRequest {
        guard status.next.contains(next) else {
            let allowed = status.next.map(\.rawValue).sorted().joined(separator: ", ")
            throw PolicyError(
                .invalidTransition,
                "request \(id): cannot move from \(status.rawValue) to \(next.rawValue)"
                    + (allowed.isEmpty ? " (\(status.rawValue) is final)" : "; allowed: \(allowed)"))
        }
        let last = history.last?.day ?? received
        guard day >= last else {
            throw PolicyError(.invalidTransition, "request \(id): \(day) is before the last change (\(last))")
        }
        if next.needsReason, (note ?? "").trimmingSpaces.isEmpty {
            throw PolicyError(.invalidTransition, "request \(id): moving to \(next.rawValue) needs a reason for the person")
        }
        if next == .extended {
            let d = deadlines.compute(law: law, received: received)
            guard d.latestExtendedDue != nil else {
                throw PolicyError(.extensionNotAllowed, "request \(id): \(law.rawValue) allows no extension")
            }
            guard day <= d.originalDue else {
                throw PolicyError(
                    .extensionNotAllowed, "request \(id): an extension must be sent by \(d.originalDue), not \(day)")
            }
        }
        var copy = self
        copy.history.append(Change(from: status, to: next, day: day, note: note))
        copy.status = next
        return copy
    }
}
