public import Foundation
public import VellumCore

/// Reads one Telegram Bot API `Update` (a webhook body, or one line of a JSON-lines file of
/// updates from `getUpdates`) into canonical messages.
///
/// **Native ids** (see ``TelegramIDs``):
/// - a message: `<chat.id>:<message_id>`, equal to the Telegram Desktop export's id of the same
///   message;
/// - an edit (`edited_message`, `edited_channel_post`, `edited_business_message`):
///   `<chat.id>:<message_id>:edit:<edit_date>` with `.edit(of: "<chat.id>:<message_id>")`;
/// - a deleted business message: `<chat.id>:<message_id>:deleted`, `.recall(of:)` the message;
/// - a reaction change: one item per emoji added or removed,
///   `<chat.id>:<message_id>:reaction:<reactor id>:<date>:+<emoji>` (or `-<emoji>`, text "");
///   when nothing changed, `…:<date>:=` with the current reactions;
/// - a reaction count: `<chat.id>:<message_id>:reaction_count:<date>`, `.status(of:)`;
/// - any other update: `update:<update_id>`, kind `unknown`.
///
/// **Parties:** a user is `Party(id: "<user id>", name: "First Last (@username)")`; a chat
/// speaking for itself (channel posts, anonymous admins) is `Party(id: "<chat id>", name: title)`.
/// In a private chat the recipient is the other side: the chat's user, or, for a message from
/// that user, the capturing account (`connection`). Group recipients are not listed (Telegram
/// does not say who is in the group).
///
/// **Time:** Telegram's `date` is epoch seconds, kept in UTC. An edit's `sentAt` is its
/// `edit_date` (the original `date` is in the field `original_date`). Updates without any date
/// (`deleted_business_messages`, most non-message updates) take `receivedAt`, or the time of
/// parsing, and say so in the field `sent_at_basis` = `received`.
///
/// **Raw:** every item keeps the whole update's bytes (an update is the unit Telegram sends;
/// reactions and deletions that fan out into several items share them).
///
/// Common fields: `update_id`, `update_type`, `message_id`, `chat.type`, `chat.username`,
/// `from.username`, `from.is_bot`, `sender_chat.id`, `message_thread_id`, `media_group_id`,
/// `via_bot.id`, `via_bot.username`, `business_connection_id`, `author_signature`, `edit_date`,
/// `original_date`, `forward.*` (see ``forwardFields``), `reply_to.external.*`, `quote.position`,
/// plus the content fields of ``TelegramMessageContent``.
public struct TelegramUpdateParser: Sendable {
    public static let formatName = "telegram-bot"

    public init() {}

    /// Parses one update. `file` and `line` only label issues; `connection` is the capturing
    /// account (the bot or business connection name); `receivedAt` dates updates that carry no
    /// date of their own (default: now).
    public func parse(
        _ bytes: Data, file: String, line: Int, connection: String, receivedAt: Timestamp? = nil
    ) -> [ParsedLine] {
        func issue(_ field: String?, _ reason: String) -> [ParsedLine] {
            [.issue(ImportIssue(file: file, line: line, field: field, reason: reason))]
        }
        guard let root = CaptureJSON.parse(bytes) else { return issue(nil, "not valid JSON") }
        guard root.isObject else { return issue(nil, "not a JSON object; expected a Telegram Update") }
        let context = Context(
            connection: connection, raw: bytes, receivedAt: receivedAt ?? Timestamp(date: Date()))
        do {
            let updateID = try root["update_id"].requiredInt64()
            let key = Self.payloadKeys.first { root[$0].exists }
                ?? root.keys.filter { $0 != "update_id" }.sorted().first
            guard let key else {
                return [.message(try context.unknown(root, key: nil, updateID: updateID))]
            }
            let payload = root[key]
            switch key {
            case "message", "channel_post", "business_message", "guest_message",
                 "edited_message", "edited_channel_post", "edited_business_message":
                let m = try payload.requiredObject()
                return [.message(try context.message(m, updateType: key, updateID: updateID, isEdit: key.hasPrefix("edited_")))]
            case "deleted_business_messages":
                return try context.deletions(try payload.requiredObject(), updateID: updateID).map { .message($0) }
            case "message_reaction":
                return try context.reactions(try payload.requiredObject(), updateID: updateID).map { .message($0) }
            case "message_reaction_count":
                return [.message(try context.reactionCount(try payload.requiredObject(), updateID: updateID))]
            default:
                return [.message(try context.unknown(payload, key: key, updateID: updateID))]
            }
        } catch let e as CaptureJSONError {
            return issue(e.path, e.reason)
        } catch {
            return issue(nil, "cannot be read")
        }
    }

    static let payloadKeys = [
        "message", "edited_message", "channel_post", "edited_channel_post", "business_message",
        "edited_business_message", "deleted_business_messages", "guest_message", "message_reaction",
        "message_reaction_count",
    ]

    struct Context {
        var connection: String
        var raw: Data
        var receivedAt: Timestamp

        func make(
            nativeID: String, conversation: Conversation, sentAt: Timestamp, sender: Party, recipients: [Party] = [],
            text: String? = nil, replyTo: String? = nil, revision: Revision? = nil, kind: MessageKind? = nil,
            nativeType: String?, fields: [String: String], media: [MediaReference] = [], quotedText: String? = nil,
            forwarded: Bool = false
        ) -> VellumCore.Message {
            VellumCore.Message(
                source: SourceRef(channel: .telegram, account: connection, nativeID: nativeID),
                conversation: conversation, sentAt: sentAt, sender: sender, recipients: recipients, text: text,
                replyTo: replyTo, revision: revision, kind: kind, nativeType: nativeType, fields: fields, media: media,
                quotedText: quotedText, forwarded: forwarded, format: TelegramUpdateParser.formatName, raw: raw)
        }

        // MARK: Messages

        func message(_ m: CaptureJSON, updateType: String, updateID: Int64, isEdit: Bool) throws -> VellumCore.Message {
            let messageID = try m["message_id"].requiredInt64()
            let chat = try m["chat"].requiredObject()
            let chatID = try chat["id"].requiredInt64()
            let date = try m["date"].requiredInt64()
            let conversation = try Self.conversation(chat)
            let base = TelegramIDs.nativeID(chat: chatID, message: messageID)

            let content = try TelegramMessageContent.read(m, chatID: chatID)
            var fields = content.fields
            fields["update_id"] = String(updateID)
            fields["update_type"] = updateType
            fields["message_id"] = String(messageID)
            fields["chat.type"] = try chat["type"].string()
            fields["chat.username"] = try chat["username"].string()
            fields["from.username"] = try m["from"]["username"].string()
            fields["from.is_bot"] = try m["from"]["is_bot"].bool().map { $0 ? "true" : "false" }
            fields["sender_chat.id"] = try m["sender_chat"]["id"].int64().map(String.init)
            fields["sender_business_bot.id"] = try m["sender_business_bot"]["id"].int64().map(String.init)
            fields["message_thread_id"] = try m["message_thread_id"].int64().map(String.init)
            fields["media_group_id"] = try m["media_group_id"].string()
            fields["via_bot.id"] = try m["via_bot"]["id"].int64().map(String.init)
            fields["via_bot.username"] = try m["via_bot"]["username"].string()
            fields["business_connection_id"] = try m["business_connection_id"].string()
            fields["author_signature"] = try m["author_signature"].string()
            for flag in ["is_topic_message", "is_automatic_forward", "has_protected_content", "is_from_offline"] {
                fields[flag] = try m[flag].bool().map { $0 ? "true" : "false" }
            }

            let sender = try Self.sender(m, chat: chat, chatID: chatID)
            var recipients: [Party] = []
            if conversation.kind == .direct {
                recipients = sender.id == String(chatID) ? [Party(id: connection)] : [try Self.chatParty(chat, id: chatID)]
            }

            // Replies: same chat unless the reply says otherwise; Telegram inlines the replied-to
            // message (one level), and `quote` is the part the user chose to quote.
            var replyTo: String?
            var quotedText = try m["quote"]["text"].string()
            fields["quote.position"] = try m["quote"]["position"].int64().map(String.init)
            if let r = try m["reply_to_message"].object() {
                let rChat = try r["chat"]["id"].int64() ?? chatID
                replyTo = TelegramIDs.nativeID(chat: rChat, message: try r["message_id"].requiredInt64())
                if quotedText == nil { quotedText = try r["text"].string() ?? r["caption"].string() }
            } else if let x = try m["external_reply"].object() {
                if let xChat = try x["chat"]["id"].int64(), let xMessage = try x["message_id"].int64() {
                    replyTo = TelegramIDs.nativeID(chat: xChat, message: xMessage)
                }
                try Self.forwardFields(x["origin"], into: &fields, prefix: "reply_to.external")
            }
            if let story = try m["reply_to_story"].object() {
                story.flatten(into: &fields, prefix: "reply_to_story")
            }

            let forwarded = try Self.forwardFields(m["forward_origin"], into: &fields, prefix: "forward")
                || Self.legacyForwardFields(m, into: &fields)

            var nativeID = base
            var revision: Revision?
            var sentAt = Timestamp(seconds: date)
            let editDate = try m["edit_date"].int64()
            fields["edit_date"] = editDate.map(String.init)
            if isEdit {
                revision = .edit(of: base)
                nativeID = base + ":edit:" + (editDate.map(String.init) ?? "update\(updateID)")
                fields["original_date"] = String(date)
                if let editDate { sentAt = Timestamp(seconds: editDate) }
            }
            return make(
                nativeID: nativeID, conversation: conversation, sentAt: sentAt, sender: sender, recipients: recipients,
                text: content.text, replyTo: replyTo, revision: revision, kind: content.kind,
                nativeType: content.nativeType, fields: fields, media: content.media, quotedText: quotedText,
                forwarded: forwarded)
        }

        // MARK: Deletions, reactions

        func deletions(_ d: CaptureJSON, updateID: Int64) throws -> [VellumCore.Message] {
            let chat = try d["chat"].requiredObject()
            let chatID = try chat["id"].requiredInt64()
            let conversation = try Self.conversation(chat)
            guard let ids = try d["message_ids"].array() else { throw d["message_ids"].missing() }
            return try ids.map { idValue in
                let mid = try idValue.requiredInt64()
                let target = TelegramIDs.nativeID(chat: chatID, message: mid)
                let fields: [String: String] = [
                    "update_id": String(updateID), "update_type": "deleted_business_messages",
                    "message_id": String(mid), "sent_at_basis": "received", "deleted_by": "unknown",
                    "business_connection_id": try d["business_connection_id"].string() ?? "",
                ].filter { !$0.value.isEmpty }
                return make(
                    nativeID: target + ":deleted", conversation: conversation, sentAt: receivedAt,
                    sender: try Self.chatParty(chat, id: chatID), revision: .recall(of: target),
                    nativeType: "deleted_business_messages", fields: fields)
            }
        }

        static func reactionKey(_ r: CaptureJSON) throws -> String {
            let type = try r["type"].requiredString()
            switch type {
            case "emoji": return try r["emoji"].requiredString()
            case "custom_emoji": return "custom_emoji:" + (try r["custom_emoji_id"].requiredString())
            default: return type
            }
        }

        func reactions(_ u: CaptureJSON, updateID: Int64) throws -> [VellumCore.Message] {
            let chat = try u["chat"].requiredObject()
            let chatID = try chat["id"].requiredInt64()
            let mid = try u["message_id"].requiredInt64()
            let date = try u["date"].requiredInt64()
            let conversation = try Self.conversation(chat)
            let target = TelegramIDs.nativeID(chat: chatID, message: mid)
            let reactor: Party
            if let user = try u["user"].object() {
                reactor = try Self.userParty(user)
            } else if let actor = try u["actor_chat"].object() {
                reactor = try Self.chatParty(actor, id: try actor["id"].requiredInt64())
            } else {
                reactor = try Self.chatParty(chat, id: chatID)
            }
            let old = try (u["old_reaction"].array() ?? []).map(Self.reactionKey)
            let new = try (u["new_reaction"].array() ?? []).map(Self.reactionKey)
            var fields: [String: String] = [
                "update_id": String(updateID), "update_type": "message_reaction", "message_id": String(mid),
            ]
            for (i, k) in old.enumerated() { fields["reaction.old.\(i)"] = k }
            for (i, k) in new.enumerated() { fields["reaction.new.\(i)"] = k }
            if u["user"].exists == false, u["actor_chat"].exists == false { fields["reactor"] = "anonymous" }

            let prefix = "\(target):reaction:\(reactor.id):\(date):"
            var changes: [(String, String, String?)] = []  // (id suffix, text, removed emoji)
            for k in new where !old.contains(k) { changes.append(("+" + k, k, nil)) }
            for k in old where !new.contains(k) { changes.append(("-" + k, "", k)) }
            if changes.isEmpty { changes.append(("=", new.first ?? "", nil)) }
            return changes.map { suffix, text, removed in
                var f = fields
                f["reaction.removed"] = removed
                return make(
                    nativeID: prefix + suffix, conversation: conversation, sentAt: Timestamp(seconds: date),
                    sender: reactor, text: text, revision: .reaction(to: target), nativeType: "message_reaction",
                    fields: f)
            }
        }

        func reactionCount(_ u: CaptureJSON, updateID: Int64) throws -> VellumCore.Message {
            let chat = try u["chat"].requiredObject()
            let chatID = try chat["id"].requiredInt64()
            let mid = try u["message_id"].requiredInt64()
            let date = try u["date"].requiredInt64()
            let target = TelegramIDs.nativeID(chat: chatID, message: mid)
            var fields: [String: String] = [
                "update_id": String(updateID), "update_type": "message_reaction_count", "message_id": String(mid),
                "status": "reaction_count",
            ]
            for (i, r) in (try u["reactions"].array() ?? []).enumerated() {
                fields["reactions.\(i).reaction"] = try Self.reactionKey(r["type"])
                fields["reactions.\(i).total_count"] = try r["total_count"].requiredInt64().description
            }
            return make(
                nativeID: "\(target):reaction_count:\(date)", conversation: try Self.conversation(chat),
                sentAt: Timestamp(seconds: date), sender: try Self.chatParty(chat, id: chatID),
                revision: .status(of: target), nativeType: "message_reaction_count", fields: fields)
        }

        // MARK: Anything else

        /// An update this parser does not interpret: kind `unknown`, raw kept, with whatever
        /// chat, sender, date and text the common shapes give.
        func unknown(_ payload: CaptureJSON, key: String?, updateID: Int64) throws -> VellumCore.Message {
            var fields: [String: String] = ["update_id": String(updateID)]
            fields["update_type"] = key
            let inner = payload["message"]
            let chat = payload["chat"].isObject ? payload["chat"] : inner["chat"]
            let user = payload["from"].isObject ? payload["from"] : payload["user"]
            // Only the update's own date: a callback's `message.date` is when that message was sent.
            let date = try payload["date"].int64()
            if date == nil { fields["sent_at_basis"] = "received" }
            var sender = Party(id: connection)
            if user.isObject { sender = try Self.userParty(user) }
            var conversation = Conversation(id: connection, kind: .direct)
            if chat.isObject, let chatID = try chat["id"].int64() {
                conversation = try Self.conversation(chat)
                if !user.isObject { sender = try Self.chatParty(chat, id: chatID) }
            } else if user.isObject {
                conversation = Conversation(id: sender.id, kind: .direct, title: sender.name)
            }
            var text: String?
            for k in ["data", "query", "question", "text"] {
                if let t = payload[k].stringValue, !t.isEmpty { text = t; break }
            }
            return make(
                nativeID: "update:\(updateID)", conversation: conversation,
                sentAt: date.map { Timestamp(seconds: $0) } ?? receivedAt, sender: sender, text: text,
                kind: .unknown, nativeType: key, fields: fields)
        }

        // MARK: Parties and chats

        static func conversation(_ chat: CaptureJSON) throws -> Conversation {
            let id = try chat["id"].requiredInt64()
            let type = try chat["type"].string()
            // Old payloads (and Telegram's own webhook examples) may lack `type`: users have
            // positive ids, groups and channels negative ones.
            let direct = type.map { $0 == "private" } ?? (id > 0)
            return Conversation(id: String(id), kind: direct ? .direct : .group, title: try chatParty(chat, id: id).name)
        }

        static func userParty(_ u: CaptureJSON) throws -> Party {
            let id = try u["id"].requiredInt64()
            return Party(id: String(id), name: TelegramIDs.displayName(
                first: try u["first_name"].string(), last: try u["last_name"].string(), username: try u["username"].string()))
        }

        static func chatParty(_ chat: CaptureJSON, id: Int64) throws -> Party {
            Party(id: String(id), name: try chat["title"].string() ?? TelegramIDs.displayName(
                first: try chat["first_name"].string(), last: try chat["last_name"].string(), username: try chat["username"].string()))
        }

        static func sender(_ m: CaptureJSON, chat: CaptureJSON, chatID: Int64) throws -> Party {
            if let s = try m["sender_chat"].object() { return try chatParty(s, id: try s["id"].requiredInt64()) }
            if let u = try m["from"].object() { return try userParty(u) }
            return try chatParty(chat, id: chatID)
        }

        /// `forward_origin` (Bot API 7.0+) into `<prefix>.type|date|sender_user.id|sender_user.name|
        /// sender_user_name|chat.id|chat.title|message_id|native_id|author_signature`; true if present.
        @discardableResult
        static func forwardFields(_ o: CaptureJSON, into fields: inout [String: String], prefix: String) throws -> Bool {
            guard try o.object() != nil else { return false }
            fields[prefix + ".type"] = try o["type"].string()
            fields[prefix + ".date"] = try o["date"].int64().map(String.init)
            if let u = try o["sender_user"].object() {
                let p = try userParty(u)
                fields[prefix + ".sender_user.id"] = p.id
                fields[prefix + ".sender_user.name"] = p.name
            }
            fields[prefix + ".sender_user_name"] = try o["sender_user_name"].string()
            let chat = o["sender_chat"].isObject ? o["sender_chat"] : o["chat"]
            if chat.isObject {
                let id = try chat["id"].requiredInt64()
                fields[prefix + ".chat.id"] = String(id)
                fields[prefix + ".chat.title"] = try chat["title"].string()
                if let mid = try o["message_id"].int64() {
                    fields[prefix + ".message_id"] = String(mid)
                    fields[prefix + ".native_id"] = TelegramIDs.nativeID(chat: id, message: mid)
                }
            }
            fields[prefix + ".author_signature"] = try o["author_signature"].string()
            return true
        }

        /// Pre-7.0 `forward_from`, `forward_from_chat`, `forward_from_message_id`,
        /// `forward_sender_name`, `forward_signature`, `forward_date` into the same `forward.*` keys.
        static func legacyForwardFields(_ m: CaptureJSON, into fields: inout [String: String]) throws -> Bool {
            let keys = ["forward_from", "forward_from_chat", "forward_sender_name", "forward_date"]
            guard keys.contains(where: { m[$0].exists }) else { return false }
            fields["forward.date"] = try m["forward_date"].int64().map(String.init)
            if let u = try m["forward_from"].object() {
                // Telegram's own examples put a channel here (`type: channel`, negative id).
                if u["type"].exists || u["title"].exists {
                    fields["forward.type"] = "chat"
                    fields["forward.chat.id"] = try u["id"].requiredInt64().description
                    fields["forward.chat.title"] = try u["title"].string()
                } else {
                    let p = try userParty(u)
                    fields["forward.type"] = "user"
                    fields["forward.sender_user.id"] = p.id
                    fields["forward.sender_user.name"] = p.name
                }
            }
            if let c = try m["forward_from_chat"].object() {
                let id = try c["id"].requiredInt64()
                fields["forward.type"] = (try c["type"].string()) == "channel" ? "channel" : "chat"
                fields["forward.chat.id"] = String(id)
                fields["forward.chat.title"] = try c["title"].string()
                if let mid = try m["forward_from_message_id"].int64() {
                    fields["forward.message_id"] = String(mid)
                    fields["forward.native_id"] = TelegramIDs.nativeID(chat: id, message: mid)
                }
            }
            if let name = try m["forward_sender_name"].string() {
                fields["forward.type"] = "hidden_user"
                fields["forward.sender_user_name"] = name
            }
            fields["forward.author_signature"] = try m["forward_signature"].string()
            return true
        }
    }
}
