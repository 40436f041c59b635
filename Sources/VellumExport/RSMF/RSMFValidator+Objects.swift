extension RSMFValidator.Run {
    mutating func participant(_ value: JSONValue, _ p: String) {
        guard let o = object(value, p, kind: "participant") else { return }
        if let id = requiredString(o, "id", p), !participantIDs.insert(id).inserted {
            error("ManifestDuplicateParticipantId", p + "/id", "participant id \(id) repeats")
        }
        for key in ["display", "email", "account_id"] { optionalString(o, key, p) }
        file(optionalString(o, "avatar", p), p + "/avatar", missing: .warning, code: "ManifestMissingAvatar")
        customs(o, p)
    }

    mutating func conversation(_ value: JSONValue, _ p: String) {
        guard let o = object(value, p, kind: "conversation") else { return }
        let id = requiredString(o, "id", p)
        if let id, !conversationIDs.insert(id).inserted {
            error("ManifestDuplicateConversationId", p + "/id", "conversation id \(id) repeats")
        }
        requiredString(o, "platform", p)
        optionalString(o, "display", p)
        enumValue(o, "type", p, ["direct", "channel"])
        var members = Set<String>()
        if o["participants"] == nil {
            error("ManifestSchemaViolation", p + "/participants", "participants is required")
        }
        for (i, item) in (o["participants"]?.array ?? []).enumerated() {
            guard let member = item.string, !member.isEmpty else {
                error("ManifestSchemaViolation", p + "/participants/\(i)", "must be a non-empty string")
                continue
            }
            members.insert(member)
            participantRef(member, p + "/participants/\(i)", code: "ManifestInvalidConversationParticipant")
        }
        if let custodian = optionalString(o, "custodian", p), !members.contains(custodian) {
            warning(
                "ManifestInvalidConversationCustodian", p + "/custodian",
                "custodian \(custodian) is not a participant of the conversation")
        }
        file(optionalString(o, "icon", p), p + "/icon", missing: .warning, code: "ManifestMissingIcon")
        customs(o, p)
        if let id { conversationParticipants[id] = members }
    }

    mutating func event(_ value: JSONValue, _ p: String, eventIDs: [String: Set<String>]) {
        guard let o = object(value, p, kind: "event") else { return }
        if o["type"] == nil { error("ManifestSchemaViolation", p + "/type", "type is required") }
        enumValue(o, "type", p, ["message", "disclaimer", "join", "leave", "history", "unknown"])
        optionalString(o, "id", p)
        optionalString(o, "body", p)
        enumValue(o, "importance", p, ["normal", "high"])
        enumValue(o, "direction", p, ["incoming", "outgoing"])
        timestamp(o, "timestamp", p)
        if let deleted = o["deleted"], case .bool = deleted {
        } else if o["deleted"] != nil {
            error("ManifestSchemaViolation", p + "/deleted", "deleted must be a boolean")
        }
        participantRef(optionalString(o, "participant", p), p + "/participant", code: "ManifestInvalidEventParticipant")
        let conversation = optionalString(o, "conversation", p)
        if let conversation, !conversationIDs.contains(conversation) {
            warning(
                "ManifestInvalidEventConversation", p + "/conversation", "conversation \(conversation) is not defined")
        }
        if let parent = optionalString(o, "parent", p), !(eventIDs[conversation ?? ""]?.contains(parent) ?? false) {
            warning(
                "ManifestInvalidEventParent", p + "/parent", "parent \(parent) is not an event of the same conversation"
            )
        }
        for (i, item) in (o["attachments"]?.array ?? []).enumerated() {
            let q = p + "/attachments/\(i)"
            guard let a = object(item, q, kind: "attachment") else { continue }
            file(requiredString(a, "id", q), q + "/id", missing: .error, code: "ManifestMissingAttachment")
            optionalString(a, "display", q)
            if let size = a["size"], case .number(let n) = size, n == n.rounded() {
            } else if a["size"] != nil {
                error("ManifestSchemaViolation", q + "/size", "size must be an integer")
            }
        }
        for (i, item) in (o["edits"]?.array ?? []).enumerated() {
            let q = p + "/edits/\(i)"
            guard let e = object(item, q, kind: "edit") else { continue }
            participantRef(
                requiredString(e, "participant", q), q + "/participant", code: "ManifestInvalidEventParticipant")
            timestamp(e, "timestamp", q)
            optionalString(e, "previous", q)
            optionalString(e, "new", q)
        }
        for (i, item) in (o["reactions"]?.array ?? []).enumerated() {
            let q = p + "/reactions/\(i)"
            guard let r = object(item, q, kind: "reaction") else { continue }
            requiredString(r, "value", q)
            for (k, who) in (r["participants"]?.array ?? []).enumerated() {
                participantRef(who.string ?? "", q + "/participants/\(k)", code: "ManifestInvalidEventParticipant")
            }
        }
        for (i, item) in (o["read_receipts"]?.array ?? []).enumerated() {
            let q = p + "/read_receipts/\(i)"
            guard let r = object(item, q, kind: "read_receipt") else { continue }
            participantRef(
                requiredString(r, "participant", q), q + "/participant", code: "ManifestInvalidEventParticipant")
            timestamp(r, "timestamp", q)
            enumValue(r, "action", q, ["read", "delivered"])
        }
        customs(o, p)
    }
}
