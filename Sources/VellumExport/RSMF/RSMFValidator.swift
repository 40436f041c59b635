public import Foundation
import VellumCore

/// Structural checks of an RSMF manifest beyond what the JSON schema says, after Relativity's
/// validator: types and required properties (errors), referential integrity (event →
/// participant/conversation/parent, conversation → participants and custodian, edits, reactions
/// and receipts → participants), duplicate ids, files named but absent from the zip (missing
/// attachments are errors, missing avatars and icons warnings), timestamps without an offset and
/// properties the schema does not define (warnings).
public enum RSMFValidator {
    /// Validates a manifest; `zipFiles` lists the zip's files (nil skips file checks).
    public static func validate(manifest data: Data, zipFiles: Set<String>?) -> [RSMFIssue] {
        var v = Run(zipFiles: zipFiles)
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return [RSMFIssue(severity: .error, code: "ManifestInvalidJson", pointer: "", message: "not JSON")]
        }
        v.check(root)
        return v.issues
    }

    /// Validates a document read by ``RSMFReader`` (its manifest against its own zip), plus the
    /// EML's `X-RSMF-EventCount` against the manifest.
    public static func validate(_ document: RSMFDocument) -> [RSMFIssue] {
        var issues = validate(manifest: document.manifestData, zipFiles: Set(document.zipEntries.keys))
        if let count = document.header("X-RSMF-EventCount"), Int(count) != document.manifest.events.count {
            issues.append(
                RSMFIssue(
                    severity: .warning, code: "EmlEventCountMismatch", pointer: "",
                    message: "X-RSMF-EventCount is \(count), the manifest has \(document.manifest.events.count) events")
            )
        }
        return issues
    }

    static let known: [String: Set<String>] = [
        "": ["version", "participants", "conversations", "events", "eventcollectionid"],
        "participant": ["id", "display", "email", "avatar", "account_id", "custom"],
        "conversation": ["id", "display", "platform", "type", "participants", "custodian", "icon", "custom"],
        "event": [
            "id", "type", "parent", "body", "participant", "conversation", "timestamp", "deleted", "importance",
            "reactions", "attachments", "edits", "custom", "direction", "read_receipts",
        ],
        "reaction": ["value", "count", "participants"],
        "attachment": ["id", "display", "size"],
        "edit": ["participant", "timestamp", "previous", "new"],
        "read_receipt": ["participant", "timestamp", "action"],
        "custom": ["name", "value"],
    ]
}
