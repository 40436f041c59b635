import Foundation
import VellumCore

extension RSMFValidator {
    /// One validation pass, collecting issues.
    struct Run {
        let zipFiles: Set<String>?
        var issues: [RSMFIssue] = []
        var participantIDs: Set<String> = []
        var conversationIDs: Set<String> = []
        var conversationParticipants: [String: Set<String>] = [:]

        init(zipFiles: Set<String>?) { self.zipFiles = zipFiles }

        mutating func error(_ code: String, _ pointer: String, _ message: String) {
            issues.append(RSMFIssue(severity: .error, code: code, pointer: pointer, message: message))
        }

        mutating func warning(_ code: String, _ pointer: String, _ message: String) {
            issues.append(RSMFIssue(severity: .warning, code: code, pointer: pointer, message: message))
        }

        mutating func check(_ root: JSONValue) {
            guard let top = object(root, "", kind: "") else { return }
            if top["version"]?.string == nil { error("ManifestSchemaViolation", "/version", "required string") }
            optionalString(top, "eventcollectionid", "")
            let participants = requiredArray(top, "participants", "")
            let conversations = requiredArray(top, "conversations", "")
            let events = requiredArray(top, "events", "")
            for (i, p) in participants.enumerated() { participant(p, "/participants/\(i)") }
            for (i, c) in conversations.enumerated() { conversation(c, "/conversations/\(i)") }
            var eventIDs: [String: Set<String>] = [:]
            for (i, e) in events.enumerated() {
                guard let o = e.object, let id = o["id"]?.string else { continue }
                let conv = o["conversation"]?.string ?? ""
                if !eventIDs[conv, default: []].insert(id).inserted {
                    error(
                        "ManifestDuplicateEventId", "/events/\(i)/id", "event id \(id) repeats in conversation \(conv)")
                }
            }
            for (i, e) in events.enumerated() { event(e, "/events/\(i)", eventIDs: eventIDs) }
        }

        mutating func object(_ value: JSONValue, _ pointer: String, kind: String) -> [String: JSONValue]? {
            guard let o = value.object else {
                error("ManifestSchemaViolation", pointer, "expected an object, found \(value.typeName)")
                return nil
            }
            for key in o.keys.sorted() where !(RSMFValidator.known[kind]?.contains(key) ?? true) {
                warning(
                    "ManifestUndefinedProperty", pointer + "/" + key, "\(key) is not an RSMF 2.0 property; use custom")
            }
            return o
        }

        mutating func requiredArray(_ o: [String: JSONValue], _ key: String, _ pointer: String) -> [JSONValue] {
            guard let value = o[key] else {
                error("ManifestSchemaViolation", pointer + "/" + key, "required array is missing")
                return []
            }
            guard let a = value.array else {
                error("ManifestSchemaViolation", pointer + "/" + key, "expected an array, found \(value.typeName)")
                return []
            }
            return a
        }

        /// A required id-like string (minLength 1); nil when absent or wrong.
        @discardableResult
        mutating func requiredString(_ o: [String: JSONValue], _ key: String, _ pointer: String) -> String? {
            guard let value = o[key] else {
                error("ManifestSchemaViolation", pointer + "/" + key, "\(key) is required")
                return nil
            }
            guard let s = value.string, !s.isEmpty else {
                error(
                    "ManifestSchemaViolation", pointer + "/" + key,
                    "\(key) must be a non-empty string, found \(value.typeName)")
                return nil
            }
            return s
        }

        @discardableResult
        mutating func optionalString(_ o: [String: JSONValue], _ key: String, _ pointer: String) -> String? {
            guard let value = o[key] else { return nil }
            guard let s = value.string else {
                error(
                    "ManifestSchemaViolation", pointer + "/" + key, "\(key) must be a string, found \(value.typeName)")
                return nil
            }
            return s
        }

        mutating func enumValue(_ o: [String: JSONValue], _ key: String, _ pointer: String, _ allowed: Set<String>) {
            if let s = optionalString(o, key, pointer), !allowed.contains(s) {
                error(
                    "ManifestSchemaViolation", pointer + "/" + key,
                    "\(s) is not one of \(allowed.sorted().joined(separator: ", "))")
            }
        }

        mutating func timestamp(_ o: [String: JSONValue], _ key: String, _ pointer: String) {
            guard let s = optionalString(o, key, pointer) else { return }
            if Timestamp(rfc3339: s) == nil {
                warning(
                    "TimestampWithoutOffset", pointer + "/" + key,
                    "\(s) is not RFC 3339 with an offset; strict date-time validation rejects it")
            }
        }

        mutating func file(_ name: String?, _ pointer: String, missing severity: RSMFIssue.Severity, code: String) {
            guard let name, let zipFiles, !zipFiles.contains(name) else { return }
            let message = "\(name) is not in rsmf.zip"
            if severity == .error { error(code, pointer, message) } else { warning(code, pointer, message) }
        }

        mutating func customs(_ o: [String: JSONValue], _ pointer: String) {
            guard let value = o["custom"] else { return }
            guard let items = value.array else {
                error("ManifestSchemaViolation", pointer + "/custom", "expected an array")
                return
            }
            for (i, item) in items.enumerated() {
                guard let c = object(item, pointer + "/custom/\(i)", kind: "custom") else { continue }
                requiredString(c, "name", pointer + "/custom/\(i)")
                requiredString(c, "value", pointer + "/custom/\(i)")
            }
        }

        mutating func participantRef(_ id: String?, _ pointer: String, code: String) {
            guard let id else { return }
            if !participantIDs.contains(id) { warning(code, pointer, "participant \(id) is not defined") }
        }
    }
}
