import Foundation
import VellumCore

/// Maps one signal-cli envelope to canonical messages (see ``SignalCLIParser`` for the rules).
struct SignalCLIEnvelope {
    var account: String
    var accountUUID: String?
    var raw: Data

    struct Author {
        var key: String
        var party: Party
    }

    static func timestamp(ms: Int64) -> Timestamp {
        let (s, r) = ms >= 0 ? (ms / 1000, ms % 1000) : ((ms - 999) / 1000, ((ms % 1000) + 1000) % 1000)
        return Timestamp(seconds: s, nanoseconds: Int32(r) * 1_000_000)
    }

    func make(
        nativeID: String, conversation: Conversation, sentAt: Timestamp, sender: Party, recipients: [Party] = [],
        text: String? = nil, replyTo: String? = nil, revision: Revision? = nil, kind: MessageKind? = nil,
        nativeType: String, fields: [String: String], media: [MediaReference] = [], quotedText: String? = nil
    ) -> VellumCore.Message {
        VellumCore.Message(
            source: SourceRef(channel: .signal, account: account, nativeID: nativeID), conversation: conversation,
            sentAt: sentAt, sender: sender, recipients: recipients, text: text, replyTo: replyTo, revision: revision,
            kind: kind, nativeType: nativeType, fields: fields.filter { !$0.value.isEmpty }, media: media,
            quotedText: quotedText, format: SignalCLIParser.formatName, raw: raw)
    }

    /// The key of a referenced author: UUID, else number, else the deprecated identifier.
    static func authorKey(_ o: CaptureJSON, uuid: String, number: String, legacy: String) throws -> String? {
        let u = try o[uuid].string().flatMap { $0.isEmpty ? nil : $0 }
        let n = try o[number].string().flatMap { $0.isEmpty ? nil : $0 }
        let l = try o[legacy].string().flatMap { $0.isEmpty ? nil : $0 }
        return u ?? n ?? l
    }

    /// Like ``authorKey(_:uuid:number:legacy:)``, but one of them must be there.
    static func requiredAuthorKey(_ o: CaptureJSON, uuid: String, number: String, legacy: String) throws -> String {
        guard let key = try authorKey(o, uuid: uuid, number: number, legacy: legacy) else {
            throw CaptureJSONError(path: o[uuid].path, reason: "required field is missing (\(uuid), \(number) or \(legacy))")
        }
        return key
    }

    /// The capturing account as the recipient of incoming messages (none when unnamed).
    var accountParties: [Party] { account.isEmpty ? [] : [Party(id: account)] }

    // MARK: Envelope

    func messages(_ env: CaptureJSON) throws -> [VellumCore.Message] {
        let envTS = try env["timestamp"].requiredInt64()
        let key = try Self.requiredAuthorKey(env, uuid: "sourceUuid", number: "sourceNumber", legacy: "source")
        let uuid = try env["sourceUuid"].string().flatMap { $0.isEmpty ? nil : $0 }
        let number = try env["sourceNumber"].string().flatMap { $0.isEmpty ? nil : $0 }
        let partyID = number ?? env["source"].stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? key
        let author = Author(key: key, party: Party(id: partyID, name: try env["sourceName"].string()))
        var base: [String: String] = [:]
        base["source.uuid"] = uuid
        base["source.number"] = number
        base["source.device"] = try env["sourceDevice"].int64().map(String.init)
        base["server_received_timestamp"] = try env["serverReceivedTimestamp"].int64().map(String.init)
        base["server_delivered_timestamp"] = try env["serverDeliveredTimestamp"].int64().map(String.init)
        if let exception = try env["exception"].object() {
            base["exception.type"] = try exception["type"].string()
            base["exception.message"] = try exception["message"].string()
        }

        let incomingDirect = Conversation(id: author.key, kind: .direct)
        if let dm = try env["dataMessage"].object() {
            return [try data(
                dm, author: author, envTS: envTS, direct: incomingDirect, recipients: accountParties, fields: base,
                nativeType: "dataMessage")]
        }
        if let edit = try env["editMessage"].object() {
            return [try self.edit(
                edit, author: author, envTS: envTS, direct: incomingDirect, recipients: accountParties, fields: base,
                nativeType: "editMessage")]
        }
        if let sync = try env["syncMessage"].object() {
            return try self.sync(sync, author: author, envTS: envTS, fields: base)
        }
        if let receipt = try env["receiptMessage"].object() {
            return try self.receipt(receipt, author: author, envTS: envTS, fields: base)
        }
        if env["typingMessage"].exists { return [] }
        if let call = try env["callMessage"].object() {
            return [try self.call(call, author: author, envTS: envTS, fields: base)]
        }
        if let story = try env["storyMessage"].object() {
            return [try self.story(story, author: author, envTS: envTS, fields: base, nativeType: "storyMessage")]
        }
        let known: Set<String> = [
            "source", "sourceNumber", "sourceUuid", "sourceName", "sourceDevice", "timestamp",
            "serverReceivedTimestamp", "serverDeliveredTimestamp", "exception",
        ]
        let other = env.keys.filter { !known.contains($0) && env[$0].exists }.sorted().first
        return [make(
            nativeID: "\(author.key):\(envTS)", conversation: incomingDirect, sentAt: Self.timestamp(ms: envTS),
            sender: author.party, recipients: accountParties, kind: .unknown,
            nativeType: other ?? (base["exception.type"] != nil ? "exception" : "envelope"), fields: base)]
    }

    // MARK: Data messages

    func edit(
        _ edit: CaptureJSON, author: Author, envTS: Int64, direct: Conversation, recipients: [Party],
        fields: [String: String], nativeType: String
    ) throws -> VellumCore.Message {
        let target = try edit["targetSentTimestamp"].requiredInt64()
        let dm = try edit["dataMessage"].requiredObject()
        var f = fields
        f["edit.target_sent_timestamp"] = String(target)
        return try data(
            dm, author: author, envTS: envTS, direct: direct, recipients: recipients, fields: f,
            nativeType: nativeType, editOf: "\(author.key):\(target)")
    }

    /// A data message (also a sync `sentMessage`, whose fields are the same, unwrapped).
    func data(
        _ dm: CaptureJSON, author: Author, envTS: Int64, direct: Conversation, recipients: [Party],
        fields base: [String: String], nativeType: String, editOf: String? = nil
    ) throws -> VellumCore.Message {
        var fields = base
        let sentTS = try dm["timestamp"].int64() ?? envTS
        fields["timestamp"] = String(sentTS)
        var conversation = direct
        var recipients = recipients
        if let g = try dm["groupInfo"].object() {
            let id = try g["groupId"].requiredString()
            conversation = Conversation(id: id, kind: .group, title: try g["groupName"].string())
            recipients = []
            fields["group.id"] = id
            fields["group.name"] = try g["groupName"].string()
            fields["group.type"] = try g["type"].string()
            fields["group.revision"] = try g["revision"].int64().map(String.init)
        }
        if let e = try dm["expiresInSeconds"].int64(), e > 0 { fields["expires_in_seconds"] = String(e) }
        if try dm["isExpirationUpdate"].bool() == true { fields["is_expiration_update"] = "true" }
        if try dm["viewOnce"].bool() == true { fields["view_once"] = "true" }

        var parts: [String] = []
        var kind: MessageKind?
        var subtype: String?
        var revision: Revision? = editOf.map { .edit(of: $0) }
        var replyTo: String?
        var quotedText: String?
        var media: [MediaReference] = []

        // Body, with mention placeholders made readable.
        if var body = try dm["message"].string() {
            let mentions = try dm["mentions"].array() ?? []
            var replacements: [(Int, Int, String)] = []
            for (i, m) in mentions.enumerated() {
                let p = "mentions.\(i)"
                fields[p + ".uuid"] = try m["uuid"].string()
                fields[p + ".number"] = try m["number"].string()
                fields[p + ".name"] = try m["name"].string()
                let start = try m["start"].int64() ?? -1
                let length = try m["length"].int64() ?? 0
                fields[p + ".start"] = String(start)
                fields[p + ".length"] = String(length)
                let label = try m["name"].string() ?? m["number"].string() ?? m["uuid"].string()
                if let label, start >= 0, length > 0 { replacements.append((Int(start), Int(length), "@" + label)) }
            }
            if !replacements.isEmpty {
                var units = Array(body.utf16)
                for (start, length, label) in replacements.sorted(by: { $0.0 > $1.0 })
                where start + length <= units.count && units[start ..< start + length].allSatisfy({ $0 == 0xFFFC }) {
                    units.replaceSubrange(start ..< start + length, with: Array(label.utf16))
                }
                body = String(decoding: units, as: UTF16.self)
            }
            if !body.isEmpty {
                parts.append(body)
                kind = .text
            }
        }
        for (i, s) in (try dm["textStyles"].array() ?? []).enumerated() {
            fields["text_styles.\(i).style"] = try s["style"].string()
            fields["text_styles.\(i).start"] = try s["start"].int64().map(String.init)
            fields["text_styles.\(i).length"] = try s["length"].int64().map(String.init)
        }

        if let q = try dm["quote"].object() {
            let qid = try q["id"].requiredInt64()
            let qAuthor = try Self.requiredAuthorKey(q, uuid: "authorUuid", number: "authorNumber", legacy: "author")
            replyTo = "\(qAuthor):\(qid)"
            quotedText = try q["text"].string()
            fields["quote.id"] = String(qid)
            fields["quote.author_uuid"] = try q["authorUuid"].string()
            fields["quote.author_number"] = try q["authorNumber"].string()
        }

        // Attachments.
        var categories = Set<String>()
        for (i, a) in (try dm["attachments"].array() ?? []).enumerated() {
            let p = "attachments.\(i)"
            let type = try a["contentType"].string()
            let name = try a["filename"].string()
            let id = try a["id"].string()
            fields[p + ".id"] = id
            fields[p + ".content_type"] = type
            fields[p + ".filename"] = name
            fields[p + ".size"] = try a["size"].int64().map(String.init)
            fields[p + ".width"] = try a["width"].int64().map(String.init)
            fields[p + ".height"] = try a["height"].int64().map(String.init)
            fields[p + ".caption"] = try a["caption"].string()
            fields[p + ".upload_timestamp"] = try a["uploadTimestamp"].int64().map(String.init)
            if let name, !name.isEmpty { parts.append(name) }
            if let caption = try a["caption"].string(), !caption.isEmpty { parts.append(caption) }
            media.append(MediaReference(
                handle: id ?? "", name: name, mediaType: type, size: try a["size"].int64(), note: "not fetched yet"))
            let major = type?.split(separator: "/").first.map(String.init) ?? ""
            categories.insert(["image", "video", "audio"].contains(major) ? major : "file")
        }
        if !categories.isEmpty {
            kind = categories.count > 1 ? .mixed : MessageKind(categories.first!)
            subtype = "attachments"
        }

        if let s = try dm["sticker"].object() {
            kind = .sticker
            subtype = "sticker"
            if let e = try s["emoji"].string(), !e.isEmpty { parts.append(e) }
            s.flatten(into: &fields, prefix: "sticker")
        }
        for (i, c) in (try dm["contacts"].array() ?? []).enumerated() {
            kind = .contact
            subtype = "contacts"
            let name = c["name"]
            let display = try name["display"].string()
                ?? (try name.strings("given", "family")).joined(separator: " ")
            var card = display.isEmpty ? [] : [display]
            for key in ["phone", "email"] {
                for v in try c[key].array() ?? [] {
                    if let value = try v["value"].string(), !value.isEmpty { card.append(value) }
                }
            }
            if let org = try c["organization"].string(), !org.isEmpty { card.append(org) }
            if !card.isEmpty { parts.append(card.joined(separator: " ")) }
            c.flatten(into: &fields, prefix: "contacts.\(i)", exclude: ["avatar"], limit: 50)
        }
        for (i, p) in (try dm["previews"].array() ?? []).enumerated() {
            fields["previews.\(i).url"] = try p["url"].string()
            fields["previews.\(i).title"] = try p["title"].string()
            fields["previews.\(i).description"] = try p["description"].string()
            for key in ["title", "description"] {
                if let t = try p[key].string(), !t.isEmpty { parts.append(t) }
            }
        }
        if let pay = try dm["payment"].object() {
            kind = .payment
            subtype = "payment"
            if let note = try pay["note"].string(), !note.isEmpty { parts.append(note) }
            pay.flatten(into: &fields, prefix: "payment", exclude: ["receipt"])
        }
        if let sc = try dm["storyContext"].object() {
            sc.flatten(into: &fields, prefix: "story_context")
            if replyTo == nil, let ts = try sc["sentTimestamp"].int64(),
               let who = try Self.authorKey(sc, uuid: "authorUuid", number: "authorNumber", legacy: "author") {
                replyTo = "\(who):\(ts)"
            }
        }
        if let poll = try dm["pollCreate"].object() {
            kind = .poll
            subtype = "pollCreate"
            if let q = try poll["question"].string(), !q.isEmpty { parts.append(q) }
            for o in try poll["options"].array() ?? [] {
                if let t = o.stringValue ?? o["text"].stringValue, !t.isEmpty { parts.append(t) }
            }
            poll.flatten(into: &fields, prefix: "poll_create")
        }
        for (key, prefix) in [("pollVote", "poll_vote"), ("pollTerminate", "poll_terminate")] {
            if let p = try dm[key].object() {
                kind = .poll
                subtype = key
                p.flatten(into: &fields, prefix: prefix)
                if let ts = try p["targetSentTimestamp"].int64() {
                    let who = try Self.authorKey(p, uuid: "authorUuid", number: "authorNumber", legacy: "author")
                        ?? Self.authorKey(p, uuid: "targetAuthorUuid", number: "targetAuthorNumber", legacy: "targetAuthor")
                        ?? author.key
                    replyTo = "\(who):\(ts)"
                }
            }
        }
        for (key, prefix) in [("pinMessage", "pin_message"), ("unpinMessage", "unpin_message")] {
            if let p = try dm[key].object() {
                kind = .system
                subtype = key
                p.flatten(into: &fields, prefix: prefix)
            }
        }

        // Revisions of another message.
        if let r = try dm["reaction"].object() {
            let ts = try r["targetSentTimestamp"].requiredInt64()
            let who = try Self.requiredAuthorKey(r, uuid: "targetAuthorUuid", number: "targetAuthorNumber", legacy: "targetAuthor")
            let emoji = try r["emoji"].string() ?? ""
            let removed = try r["isRemove"].bool() ?? false
            fields["reaction.emoji"] = emoji
            fields["reaction.target_author"] = who
            fields["reaction.target_sent_timestamp"] = String(ts)
            fields["reaction.is_remove"] = removed ? "true" : "false"
            revision = .reaction(to: "\(who):\(ts)")
            kind = .reaction
            subtype = "reaction"
            parts = [removed ? "" : emoji]
        }
        if let d = try dm["remoteDelete"].object() {
            let target = try d["timestamp"].int64() ?? d["targetSentTimestamp"].int64()
            guard let target else { throw d["timestamp"].missing() }
            fields["remote_delete.target_sent_timestamp"] = String(target)
            revision = .recall(of: "\(author.key):\(target)")
            kind = .recall
            subtype = "remoteDelete"
        }
        if let d = try dm["adminDelete"].object() {
            d.flatten(into: &fields, prefix: "admin_delete")
            if let target = try d["targetSentTimestamp"].int64() ?? d["timestamp"].int64(),
               let who = try Self.authorKey(d, uuid: "targetAuthorUuid", number: "targetAuthorNumber", legacy: "targetAuthor") {
                revision = .recall(of: "\(who):\(target)")
                kind = .recall
                subtype = "adminDelete"
            }
        }

        if kind == nil {
            let groupType = fields["group.type"]
            if let groupType, groupType != "DELIVER" {
                kind = .system
                subtype = "groupUpdate"
            } else if fields["is_expiration_update"] != nil {
                kind = .system
                subtype = "expirationUpdate"
            } else if editOf != nil {
                kind = .text  // an edit that empties the text
            } else {
                kind = .unknown
            }
        }
        var text: String? = parts.isEmpty ? nil : parts.joined(separator: "\n")
        if kind == .recall { text = nil }
        return make(
            nativeID: "\(author.key):\(sentTS)", conversation: conversation, sentAt: Self.timestamp(ms: sentTS),
            sender: author.party, recipients: recipients, text: text, replyTo: replyTo, revision: revision, kind: kind,
            nativeType: subtype.map { nativeType + "." + $0 } ?? nativeType, fields: fields, media: media,
            quotedText: quotedText)
    }

    // MARK: Sync messages (the account's other devices)

    func sync(_ sync: CaptureJSON, author: Author, envTS: Int64, fields base: [String: String]) throws -> [VellumCore.Message] {
        var fields = base
        if let sent = try sync["sentMessage"].object() {
            let dest = try Self.authorKey(sent, uuid: "destinationUuid", number: "destinationNumber", legacy: "destination")
            let destID = try sent["destinationNumber"].string() ?? sent["destination"].string() ?? sent["destinationUuid"].string()
            let destParty = destID.map { Party(id: $0) }
            fields["destination.uuid"] = try sent["destinationUuid"].string()
            fields["destination.number"] = try sent["destinationNumber"].string()
            // No destination and no group: a note to self.
            let direct = Conversation(id: dest ?? author.key, kind: .direct)
            let recipients = destParty.map { [$0] } ?? [author.party]
            if let edit = try sent["editMessage"].object() {
                return [try self.edit(
                    edit, author: author, envTS: envTS, direct: direct, recipients: recipients, fields: fields,
                    nativeType: "syncMessage.sentMessage.editMessage")]
            }
            return [try data(
                sent, author: author, envTS: envTS, direct: direct, recipients: recipients, fields: fields,
                nativeType: "syncMessage.sentMessage")]
        }
        if let story = try sync["sentStoryMessage"].object() {
            let inner = story["story"].isObject ? story["story"] : story
            return [try self.story(inner, author: author, envTS: envTS, fields: fields, nativeType: "syncMessage.sentStoryMessage")]
        }
        var out: [VellumCore.Message] = []
        for (key, status) in [("readMessages", "read"), ("viewedMessages", "viewed")] {
            for r in try sync[key].array() ?? [] {
                let ts = try r["timestamp"].requiredInt64()
                let who = try Self.requiredAuthorKey(r, uuid: "senderUuid", number: "senderNumber", legacy: "sender")
                let target = "\(who):\(ts)"
                var f = fields
                f["status"] = status
                f["status.at"] = String(envTS)
                f["status.by"] = "account"
                out.append(make(
                    nativeID: "\(author.key):receipt:\(status):\(target)", conversation: Conversation(id: who, kind: .direct),
                    sentAt: Self.timestamp(ms: envTS), sender: author.party, revision: .status(of: target),
                    nativeType: "syncMessage.\(key)", fields: f))
            }
        }
        if !out.isEmpty { return out }
        // Contacts, blocked lists, configuration …: not communications, kept verbatim.
        fields["sync.type"] = try sync["type"].string()
        let what = try sync["type"].string() ?? sync.keys.filter { sync[$0].exists }.sorted().first
        return [make(
            nativeID: "\(author.key):\(envTS)", conversation: Conversation(id: author.key, kind: .direct),
            sentAt: Self.timestamp(ms: envTS), sender: author.party, kind: .unknown,
            nativeType: "syncMessage" + (what.map { "." + $0 } ?? ""), fields: fields)]
    }

    // MARK: Receipts, calls, stories

    func receipt(_ r: CaptureJSON, author: Author, envTS: Int64, fields base: [String: String]) throws -> [VellumCore.Message] {
        let status =
            try r["isRead"].bool() == true ? "read"
            : try r["isViewed"].bool() == true ? "viewed"
            : try r["isDelivery"].bool() == true ? "delivered" : "unknown"
        let when = try r["when"].int64() ?? envTS
        let own = accountUUID ?? account
        guard let stamps = try r["timestamps"].array() else { throw r["timestamps"].missing() }
        return try stamps.map { s in
            let target = "\(own):\(try s.requiredInt64())"
            var f = base
            f["status"] = status
            f["status.at"] = String(when)
            f["target_author_basis"] = accountUUID == nil ? "account_number" : "account_uuid"
            return make(
                nativeID: "\(author.key):receipt:\(status):\(target)", conversation: Conversation(id: author.key, kind: .direct),
                sentAt: Self.timestamp(ms: when), sender: author.party, recipients: accountParties,
                revision: .status(of: target), nativeType: "receiptMessage", fields: f)
        }
    }

    func call(_ c: CaptureJSON, author: Author, envTS: Int64, fields base: [String: String]) throws -> VellumCore.Message {
        var fields = base
        let subs = ["offerMessage", "answerMessage", "busyMessage", "hangupMessage", "iceUpdateMessages", "opaqueMessage"]
        let sub = subs.first { c[$0].exists }
        if let sub {
            var v = c[sub]
            if let list = try? v.array(), let first = list.first { v = first }
            fields["call.id"] = v["id"].scalarText
            fields["call.type"] = v["type"].scalarText
            fields["call.device_id"] = v["deviceId"].scalarText
        }
        fields["call.destination_device_id"] = c["destinationDeviceId"].scalarText
        return make(
            nativeID: "\(author.key):\(envTS)", conversation: Conversation(id: author.key, kind: .direct),
            sentAt: Self.timestamp(ms: envTS), sender: author.party, recipients: accountParties, kind: .call,
            nativeType: "callMessage" + (sub.map { "." + $0 } ?? ""), fields: fields)
    }

    func story(
        _ s: CaptureJSON, author: Author, envTS: Int64, fields base: [String: String], nativeType: String
    ) throws -> VellumCore.Message {
        var fields = base
        fields["story.allows_replies"] = try s["allowsReplies"].bool().map { $0 ? "true" : "false" }
        var conversation = Conversation(id: author.key, kind: .direct)
        if let g = try s["groupId"].string() {
            conversation = Conversation(id: g, kind: .group)
            fields["group.id"] = g
        }
        let text = try s["textAttachment"]["text"].string()
        var media: [MediaReference] = []
        if let a = try s["fileAttachment"].object() {
            media.append(MediaReference(
                handle: try a["id"].string() ?? "", name: try a["filename"].string(), mediaType: try a["contentType"].string(),
                size: try a["size"].int64(), note: "not fetched yet"))
        }
        return make(
            nativeID: "\(author.key):\(envTS)", conversation: conversation, sentAt: Self.timestamp(ms: envTS),
            sender: author.party, text: text, kind: MessageKind("story"), nativeType: nativeType, fields: fields, media: media)
    }
}
