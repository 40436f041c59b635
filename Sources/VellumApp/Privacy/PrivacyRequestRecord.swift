import Foundation
import VellumCore
import VellumPolicy

/// The stored form of a privacy request, kept only inside the sealed register: the subject's
/// identifiers are personal data. ``PrivacyRequest`` is a pure value without an encoding.
struct PrivacyRequestRecord: Codable, Hashable {
    struct Change: Codable, Hashable {
        var from: String
        var to: String
        var day: String
        var note: String?
        var by: String
    }

    var id: String
    var type: String
    var law: String
    var received: String
    /// The identifiers as the requester gave them (trimmed); normalized only when looked up.
    var subjects: [String]
    var created_by: String
    var history: [Change]
    /// A concrete legal claim the subject's records are needed for (GDPR Art. 17(3)(e)), set when
    /// an erasure is fulfilled; `closed` once it no longer needs them.
    var legal_claim: Claim?

    struct Claim: Codable, Hashable {
        var reference: String
        var review_by: String?
        var closed: String?
    }

    init(_ request: PrivacyRequest, subjects: [String], createdBy: String) {
        id = request.id
        type = request.kind.rawValue
        law = request.law.rawValue
        received = request.received.description
        self.subjects = subjects
        created_by = createdBy
        history = []
    }

    /// The request rebuilt by replaying its history through the status machine.
    var request: PrivacyRequest {
        get throws {
            guard let law = PrivacyLaw(rawValue: law), let kind = PrivacyRequestKind(rawValue: type),
                let received = CalendarDay(received)
            else { throw VellumError(.integrity, "privacy request \(id) is damaged in the register") }
            var request = PrivacyRequest(id: id, law: law, kind: kind, received: received)
            for change in history {
                guard let to = PrivacyRequestStatus(rawValue: change.to), let day = CalendarDay(change.day) else {
                    throw VellumError(.integrity, "privacy request \(id) has a damaged history")
                }
                do {
                    request = try request.moved(to: to, on: day, note: change.note, deadlines: Self.replay(law))
                } catch {
                    throw VellumError(.integrity, "privacy request \(id): its stored history does not replay: \(error)")
                }
            }
            return request
        }
    }

    /// Clocks for replaying stored moves: they were checked against the policy in force when
    /// made, so a later, stricter policy must not make an old extension unreadable.
    static func replay(_ law: PrivacyLaw) -> PrivacyDeadlines {
        PrivacyDeadlines(rules: [
            law: .init(respond: .calendarDays(3650), extendBy: .calendarDays(1), citation: "replay")
        ])
    }
}
