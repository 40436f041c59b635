import Testing
import VellumPolicy

typealias Status = PrivacyRequestStatus

/// Brings a new request to `status` by a valid path.
func request(at status: Status, law: PrivacyLaw = .gdpr) throws -> PrivacyRequest {
    let r = PrivacyRequest(id: "dsar-1", law: law, kind: .erasure, received: day("2026-01-05"))
    let path: [Status] =
        switch status {
        case .received: []
        case .acknowledged: [.acknowledged]
        case .inProgress: [.acknowledged, .inProgress]
        case .extended: [.acknowledged, .inProgress, .extended]
        case .fulfilled: [.acknowledged, .inProgress, .fulfilled]
        case .refused: [.refused]
        }
    var current = r
    for s in path { current = try current.moved(to: s, on: day("2026-01-06"), note: "reason") }
    return current
}

let validMoves: [(Status, Status)] = [
    (.received, .acknowledged), (.received, .inProgress), (.received, .refused),
    (.acknowledged, .inProgress), (.acknowledged, .extended), (.acknowledged, .fulfilled), (.acknowledged, .refused),
    (.inProgress, .extended), (.inProgress, .fulfilled), (.inProgress, .refused),
    (.extended, .fulfilled), (.extended, .refused),
]

let invalidMoves: [(Status, Status)] = Status.allCases.flatMap { from in
    Status.allCases.map { (from, $0) }
}.filter { pair in !validMoves.contains { $0 == pair } }

@Suite("Privacy request status machine")
struct PrivacyRequestTests {
    @Test("valid moves", arguments: validMoves)
    func valid(_ from: Status, _ to: Status) throws {
        let r = try request(at: from).moved(to: to, on: day("2026-01-07"), note: "why")
        #expect(r.status == to)
        #expect(r.history.last == PrivacyRequest.Change(from: from, to: to, day: day("2026-01-07"), note: "why"))
    }

    @Test("invalid moves throw invalidTransition", arguments: invalidMoves)
    func invalid(_ from: Status, _ to: Status) throws {
        let r = try request(at: from)
        do {
            _ = try r.moved(to: to, on: day("2026-01-07"), note: "why")
            Issue.record("\(from) → \(to) was allowed")
        } catch {
            #expect(error.code == .invalidTransition)
        }
    }

    @Test("there are 36 possible moves: 12 valid, 24 invalid; fulfilled and refused are final")
    func counts() {
        #expect(validMoves.count == 12 && invalidMoves.count == 24)
        #expect(Status.fulfilled.isFinal && Status.refused.isFinal && !Status.extended.isFinal)
    }

    @Test("refusing and extending need a reason for the person")
    func reasons() throws {
        let r = try request(at: .inProgress)
        #expect(throws: PolicyError.self) { try r.moved(to: .refused, on: day("2026-01-07")) }
        #expect(throws: PolicyError.self) { try r.moved(to: .extended, on: day("2026-01-07"), note: "  ") }
        #expect(try r.moved(to: .fulfilled, on: day("2026-01-07")).status == .fulfilled)
    }

    @Test("a move cannot go back in time")
    func backwards() throws {
        let r = try request(at: .acknowledged)
        #expect(throws: PolicyError.self) { try r.moved(to: .inProgress, on: day("2026-01-05")) }
    }

    @Test("an extension must be sent by the original due date")
    func extensionDeadline() throws {
        let r = try request(at: .inProgress)  // GDPR, received 2026-01-05, due 2026-02-05
        #expect(try r.moved(to: .extended, on: day("2026-02-05"), note: "complex").status == .extended)
        do {
            _ = try r.moved(to: .extended, on: day("2026-02-06"), note: "complex")
            Issue.record("late extension allowed")
        } catch {
            #expect(error.code == .extensionNotAllowed)
        }
    }

    @Test("a law with no extension (PIPL by default) cannot be extended")
    func noExtension() throws {
        let r = try request(at: .inProgress, law: .pipl)
        do {
            _ = try r.moved(to: .extended, on: day("2026-01-07"), note: "complex")
            Issue.record("PIPL extension allowed")
        } catch {
            #expect(error.code == .extensionNotAllowed)
        }
    }

    @Test("the deadline follows the request: extended once it was extended")
    func deadline() throws {
        let r = try request(at: .inProgress)
        #expect(r.deadline().due == day("2026-02-05"))
        let e = try r.moved(to: .extended, on: day("2026-01-20"), note: "numerous requests")
        #expect(e.wasExtended)
        #expect(e.deadline().due == day("2026-04-05"))
        #expect(try e.moved(to: .fulfilled, on: day("2026-03-01")).deadline().due == day("2026-04-05"))
    }
}
