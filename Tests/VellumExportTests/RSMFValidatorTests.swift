import Foundation
import Testing
import VellumExport

@Suite("RSMF structural validation against Relativity's samples")
struct RSMFValidatorTests {
    @Test("sample 1 (participant without id) is rejected")
    func sample1() throws {
        let issues = RSMFValidator.validate(
            manifest: try Fixtures.data(Fixtures.sample1), zipFiles: ["rsmf_manifest.json"])
        let errors = issues.filter { $0.severity == .error }
        #expect(errors.contains { $0.pointer == "/participants/0/id" && $0.code == "ManifestSchemaViolation" })
        // The references to the missing participant "1" are warnings, as in Relativity.
        #expect(issues.contains { $0.code == "ManifestInvalidEventParticipant" && $0.severity == .warning })
    }

    @Test("sample 2 (avatar missing from the zip) warns and has no error")
    func sample2() throws {
        let issues = RSMFValidator.validate(
            manifest: try Fixtures.data(Fixtures.sample2), zipFiles: ["rsmf_manifest.json"])
        #expect(!issues.contains { $0.severity == .error })
        #expect(
            issues.contains {
                $0.code == "ManifestMissingAvatar" && $0.pointer == "/participants/0/avatar" && $0.severity == .warning
            })
        // Its offset-less timestamp is flagged too (strict date-time checks reject it).
        #expect(issues.contains { $0.code == "TimestampWithoutOffset" })
        // Without the zip listing the avatar cannot be checked.
        #expect(
            !RSMFValidator.validate(manifest: try Fixtures.data(Fixtures.sample2), zipFiles: nil).contains {
                $0.code == "ManifestMissingAvatar"
            })
    }

    @Test("sample 3 (a second EML attachment) is rejected by the reader")
    func sample3() throws {
        #expect {
            _ = try RSMFReader.read(contentsOf: Fixtures.url(Fixtures.sample3))
        } throws: { error in
            let e = error as? ExportError
            return e?.code == .malformedRSMF && e?.reason.contains("found 2: avatar.png, rsmf.zip") == true
        }
    }

    @Test("sample 4 (integer id, undefined participant, undefined property) is rejected")
    func sample4() throws {
        let issues = RSMFValidator.validate(
            manifest: try Fixtures.data(Fixtures.sample4), zipFiles: ["rsmf_manifest.json"])
        #expect(
            issues.contains {
                $0.severity == .error && $0.pointer == "/participants/0/id" && $0.message.contains("number")
            })
        #expect(
            issues.contains {
                $0.code == "ManifestInvalidConversationParticipant" && $0.pointer == "/conversations/0/participants/0"
            })
        #expect(issues.contains { $0.code == "ManifestUndefinedProperty" && $0.pointer == "/events/0/attachment" })
        #expect(issues.contains { $0.code == "ManifestInvalidEventParticipant" })
        // The reader refuses to decode it too.
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(RSMFManifest.self, from: try Fixtures.data(Fixtures.sample4))
        }
    }

    @Test(
        "referential and uniqueness checks",
        arguments: [
            (
                #"{"version":"2.0.0","participants":[{"id":"P1"},{"id":"P1"}],"conversations":[],"events":[]}"#,
                "ManifestDuplicateParticipantId"
            ),
            (
                #"{"version":"2.0.0","participants":[{"id":"P1"}],"conversations":[{"id":"C1","platform":"x","participants":["P1"]}],"events":[{"type":"message","id":"e1","conversation":"C1"},{"type":"message","id":"e1","conversation":"C1"}]}"#,
                "ManifestDuplicateEventId"
            ),
            (
                #"{"version":"2.0.0","participants":[{"id":"P1"}],"conversations":[{"id":"C1","platform":"x","participants":["P1"]},{"id":"C2","platform":"x","participants":["P1"]}],"events":[{"type":"message","id":"e1","conversation":"C1"},{"type":"message","id":"e2","conversation":"C2","parent":"e1"}]}"#,
                "ManifestInvalidEventParent"
            ),
            (
                #"{"version":"2.0.0","participants":[{"id":"P1"}],"conversations":[{"id":"C1","platform":"x","participants":["P1"],"custodian":"P2"}],"events":[]}"#,
                "ManifestInvalidConversationCustodian"
            ),
            (
                #"{"version":"2.0.0","participants":[{"id":"P1"}],"conversations":[],"events":[{"type":"message","conversation":"C9"}]}"#,
                "ManifestInvalidEventConversation"
            ),
            (
                #"{"version":"2.0.0","participants":[],"conversations":[],"events":[{"type":"message","attachments":[{"id":"gone.png"}]}]}"#,
                "ManifestMissingAttachment"
            ),
            (
                #"{"version":"2.0.0","participants":[],"conversations":[],"events":[{"type":"chat"}]}"#,
                "ManifestSchemaViolation"
            ),
            (
                #"{"version":"2.0.0","participants":[],"conversations":[],"events":[{"type":"message","deleted":"yes"}]}"#,
                "ManifestSchemaViolation"
            ),
            (
                #"{"version":"2.0.0","participants":[{"id":"P1"}],"conversations":[],"events":[{"type":"message","read_receipts":[{"participant":"P9","action":"read"}]}]}"#,
                "ManifestInvalidEventParticipant"
            ),
            (#"{"participants":[],"conversations":[],"events":[]}"#, "ManifestSchemaViolation"),
        ])
    func structuralCases(_ json: String, _ code: String) {
        let issues = RSMFValidator.validate(manifest: Data(json.utf8), zipFiles: ["rsmf_manifest.json"])
        #expect(issues.contains { $0.code == code }, "\(issues)")
    }

    @Test("a valid minimal manifest has no issue")
    func minimalValid() {
        let json =
            #"{"version":"2.0.0","participants":[{"id":"P1","display":"A"}],"conversations":[{"id":"C1","platform":"sms","type":"direct","participants":["P1"],"custodian":"P1"}],"events":[{"id":"e1","type":"message","participant":"P1","conversation":"C1","timestamp":"2026-03-02T08:00:00Z","body":"hi"},{"id":"e2","type":"message","parent":"e1","participant":"P1","conversation":"C1","timestamp":"2026-03-02T08:01:00+08:00"}]}"#
        #expect(RSMFValidator.validate(manifest: Data(json.utf8), zipFiles: ["rsmf_manifest.json"]).isEmpty)
    }
}
