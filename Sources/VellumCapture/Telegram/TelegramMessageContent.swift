import Foundation
import VellumCore

/// What a Bot API `Message` carries, mapped to the canonical kind, text, fields and media.
///
/// Field keys (all optional, numbers in decimal):
/// - `entities.N.type|offset|length|url|user.id|language|custom_emoji_id` and the same under
///   `caption_entities.N.*` (offsets in UTF-16 units, as Telegram gives them)
/// - `<media>.*` for the media object (`photo`, `video`, `audio`, `voice`, `video_note`,
///   `document`, `animation`, `sticker`): `file_id`, `file_unique_id`, `file_size`, `mime_type`,
///   `file_name`, `width`, `height`, `duration`, `emoji`, `set_name` … (thumbnails left to `raw`);
///   `photo.sizes` = how many sizes Telegram offered (the largest is the media reference)
/// - `latitude`, `longitude` (+ `location.*`), `venue.*`, `contact.*`, `poll.*`, `dice.*`,
///   `game.*`, `invoice.*`, `story.*`, `checklist.*`, `paid_media.*`
/// - service messages: `service` = the Bot API field name, plus its payload under that name
///   (`new_chat_members.0.id`, `migrate_to_chat_id`, `pinned_message.native_id` …)
struct TelegramMessageContent {
    var kind: MessageKind = .unknown
    var nativeType: String?
    var parts: [String] = []
    var fields: [String: String] = [:]
    var media: [MediaReference] = []

    var text: String? { parts.isEmpty ? nil : parts.joined(separator: "\n") }

    /// Keys of a Message that are metadata, not content.
    static let metadataKeys: Set<String> = [
        "message_id", "message_thread_id", "direct_messages_topic", "from", "sender_chat", "sender_boost_count",
        "sender_business_bot", "sender_tag", "date", "guest_query_id", "business_connection_id", "chat",
        "forward_origin", "forward_from", "forward_from_chat", "forward_from_message_id", "forward_signature",
        "forward_sender_name", "forward_date", "is_topic_message", "is_automatic_forward", "reply_to_message",
        "external_reply", "quote", "reply_to_story", "reply_to_checklist_task_id", "reply_to_poll_option_id",
        "via_bot", "guest_bot_caller_user", "guest_bot_caller_chat", "edit_date", "has_protected_content",
        "is_from_offline", "is_paid_post", "media_group_id", "author_signature", "paid_star_count", "text",
        "entities", "caption", "caption_entities", "link_preview_options", "suggested_post_info", "effect_id",
        "show_caption_above_media", "has_media_spoiler", "reply_markup",
    ]

    /// Service fields (Bot API names) → kind `system`, except video chats (`call`) and payments.
    static let serviceKeys: [String] = [
        "new_chat_members", "left_chat_member", "chat_owner_left", "chat_owner_changed", "new_chat_title",
        "new_chat_photo", "delete_chat_photo", "group_chat_created", "supergroup_chat_created",
        "channel_chat_created", "message_auto_delete_timer_changed", "migrate_to_chat_id", "migrate_from_chat_id",
        "pinned_message", "users_shared", "chat_shared", "gift", "unique_gift", "gift_upgrade_sent",
        "connected_website", "write_access_allowed", "passport_data", "proximity_alert_triggered", "boost_added",
        "chat_background_set", "checklist_tasks_done", "checklist_tasks_added", "direct_message_price_changed",
        "forum_topic_created", "forum_topic_edited", "forum_topic_closed", "forum_topic_reopened",
        "general_forum_topic_hidden", "general_forum_topic_unhidden", "giveaway_created", "giveaway",
        "giveaway_winners", "giveaway_completed", "managed_bot_created", "paid_message_price_changed",
        "poll_option_added", "poll_option_deleted", "suggested_post_approved", "suggested_post_approval_failed",
        "suggested_post_declined", "suggested_post_paid", "suggested_post_refunded", "video_chat_scheduled",
        "video_chat_started", "video_chat_ended", "video_chat_participants_invited", "web_app_data",
        "successful_payment", "refunded_payment",
    ]

    static func read(_ m: CaptureJSON, chatID: Int64) throws -> TelegramMessageContent {
        var c = TelegramMessageContent()
        if let text = try m["text"].string() {
            c.kind = .text
            c.nativeType = "text"
            if !text.isEmpty { c.parts.append(text) }
            try entities(m["entities"], into: &c.fields, prefix: "entities")
        }
        if let caption = try m["caption"].string(), !caption.isEmpty { c.parts.append(caption) }
        try entities(m["caption_entities"], into: &c.fields, prefix: "caption_entities")
        if let url = try m["link_preview_options"]["url"].string() { c.fields["link_preview.url"] = url }

        var matched = c.nativeType != nil
        func take(_ key: String, _ kind: MessageKind) {
            c.kind = kind
            c.nativeType = key
            matched = true
        }

        // Media with a file. `animation` comes with a `document` too (Bot API compatibility),
        // and `venue` with a `location`, so the more specific one is looked at first.
        if let a = try m["animation"].object() {
            take("animation", .video)
            try c.file(a, key: "animation", defaultType: "video/mp4")
        } else if let sizes = try m["photo"].array(), !sizes.isEmpty {
            take("photo", .image)
            try c.photo(sizes, key: "photo")
        } else if let v = try m["video"].object() {
            take("video", .video)
            try c.file(v, key: "video", defaultType: "video/mp4")
        } else if let v = try m["video_note"].object() {
            take("video_note", .video)
            try c.file(v, key: "video_note", defaultType: "video/mp4")
        } else if let v = try m["voice"].object() {
            take("voice", .audio)
            try c.file(v, key: "voice", defaultType: "audio/ogg")
        } else if let a = try m["audio"].object() {
            take("audio", .audio)
            let song = try a.strings("performer", "title")
            if !song.isEmpty { c.parts.append(song.joined(separator: " – ")) }
            try c.file(a, key: "audio", defaultType: "audio/mpeg")
        } else if let d = try m["document"].object() {
            take("document", .file)
            try c.file(d, key: "document", defaultType: "application/octet-stream")
        } else if let s = try m["sticker"].object() {
            take("sticker", .sticker)
            if let emoji = try s["emoji"].string(), !emoji.isEmpty { c.parts.append(emoji) }
            let isVideo = try s["is_video"].bool() ?? false
            let isAnimated = try s["is_animated"].bool() ?? false
            try c.file(s, key: "sticker", defaultType: isVideo ? "video/webm" : isAnimated ? "application/x-tgsticker" : "image/webp")
        } else if let lp = try m["live_photo"].object() {
            take("live_photo", .image)
            lp.flatten(into: &c.fields, prefix: "live_photo")
        } else if let pm = try m["paid_media"].object() {
            take("paid_media", .mixed)
            pm.flatten(into: &c.fields, prefix: "paid_media")
            for item in try pm["paid_media"].array() ?? [] {
                if let sizes = try item["photo"].array(), !sizes.isEmpty {
                    try c.photo(sizes, key: item.path + ".photo", recordFields: false)
                } else if let v = try item["video"].object() {
                    try c.file(v, key: item.path + ".video", defaultType: "video/mp4", recordFields: false)
                }
            }
        } else if let s = try m["story"].object() {
            take("story", MessageKind("story"))
            s.flatten(into: &c.fields, prefix: "story")
        } else if let v = try m["venue"].object() {
            take("venue", .location)
            c.parts.append(contentsOf: try v.strings("title", "address"))
            v.flatten(into: &c.fields, prefix: "venue", exclude: ["location"])
            try c.location(v["location"])
        } else if m["location"].exists {
            take("location", .location)
            try c.location(m["location"])
        } else if let ct = try m["contact"].object() {
            take("contact", .contact)
            let name = TelegramIDs.displayName(first: try ct["first_name"].string(), last: try ct["last_name"].string(), username: nil)
            let card = [name, try ct["phone_number"].string()].compactMap { $0 }.filter { !$0.isEmpty }
            if !card.isEmpty { c.parts.append(card.joined(separator: " ")) }
            ct.flatten(into: &c.fields, prefix: "contact")
        } else if let p = try m["poll"].object() {
            take("poll", .poll)
            if let q = try p["question"].string(), !q.isEmpty { c.parts.append(q) }
            for o in try p["options"].array() ?? [] {
                if let t = try o["text"].string(), !t.isEmpty { c.parts.append(t) }
            }
            p.flatten(into: &c.fields, prefix: "poll")
        } else if let d = try m["dice"].object() {
            take("dice", MessageKind("dice"))
            if let e = try d["emoji"].string(), !e.isEmpty { c.parts.append(e) }
            d.flatten(into: &c.fields, prefix: "dice")
        } else if let g = try m["game"].object() {
            take("game", MessageKind("game"))
            c.parts.append(contentsOf: try g.strings("title", "description"))
            g.flatten(into: &c.fields, prefix: "game", exclude: ["photo", "animation", "text_entities"])
        } else if let i = try m["invoice"].object() {
            take("invoice", .payment)
            c.parts.append(contentsOf: try i.strings("title", "description"))
            i.flatten(into: &c.fields, prefix: "invoice")
        } else if let cl = try m["checklist"].object() {
            take("checklist", .text)
            if let t = try cl["title"].string(), !t.isEmpty { c.parts.append(t) }
            for task in try cl["tasks"].array() ?? [] {
                if let t = try task["text"].string(), !t.isEmpty { c.parts.append(t) }
            }
            cl.flatten(into: &c.fields, prefix: "checklist")
        }

        if let key = serviceKeys.first(where: { m[$0].exists }) {
            // A service message has no other content; its payload is the fact itself.
            c.nativeType = key
            matched = true
            c.fields["service"] = key
            switch key {
            case let k where k.hasPrefix("video_chat_"): c.kind = .call
            case "successful_payment", "refunded_payment": c.kind = .payment
            default: c.kind = .system
            }
            try c.service(key, m[key], chatID: chatID)
        }

        if !matched {
            // Something newer than this parser: keep what text there is, name the field.
            c.kind = .unknown
            c.nativeType = m.keys.filter { !metadataKeys.contains($0) }.sorted().first ?? "message"
        }
        return c
    }

    static func entities(_ list: CaptureJSON, into fields: inout [String: String], prefix: String) throws {
        for (i, e) in (try list.array() ?? []).enumerated() {
            let p = "\(prefix).\(i)"
            fields[p + ".type"] = try e["type"].string()
            fields[p + ".offset"] = try e["offset"].int64().map(String.init)
            fields[p + ".length"] = try e["length"].int64().map(String.init)
            fields[p + ".url"] = try e["url"].string()
            fields[p + ".user.id"] = try e["user"]["id"].int64().map(String.init)
            fields[p + ".language"] = try e["language"].string()
            fields[p + ".custom_emoji_id"] = try e["custom_emoji_id"].string()
        }
    }

    /// A file-like object (Document, Video, Audio …) → a media reference with its `file_id`.
    mutating func file(_ o: CaptureJSON, key: String, defaultType: String, recordFields: Bool = true) throws {
        let fileID = try o["file_id"].requiredString()
        let name = try o["file_name"].string()
        if let name, !name.isEmpty { parts.append(name) }
        media.append(MediaReference(
            handle: fileID, name: name, mediaType: try o["mime_type"].string() ?? defaultType,
            size: try o["file_size"].int64(), note: "not fetched yet"))
        if recordFields {
            o.flatten(into: &fields, prefix: key, exclude: ["thumbnail", "thumb", "cover", "qualities", "premium_animation"])
        }
    }

    /// The largest of a photo's sizes → one media reference.
    mutating func photo(_ sizes: [CaptureJSON], key: String, recordFields: Bool = true) throws {
        var best: (CaptureJSON, Int64, Int64)?
        for s in sizes {
            let area = (try s["width"].int64() ?? 0) * (try s["height"].int64() ?? 0)
            let bytes = try s["file_size"].int64() ?? 0
            if best == nil || (area, bytes) >= (best!.1, best!.2) { best = (s, area, bytes) }
        }
        guard let largest = best?.0 else { return }
        media.append(MediaReference(
            handle: try largest["file_id"].requiredString(), mediaType: "image/jpeg",
            size: try largest["file_size"].int64(), note: "not fetched yet"))
        if recordFields {
            largest.flatten(into: &fields, prefix: key)
            fields[key + ".sizes"] = String(sizes.count)
        }
    }

    mutating func location(_ l: CaptureJSON) throws {
        guard try l.object() != nil else { return }
        if let lat = try l["latitude"].double() { fields["latitude"] = String(lat) }
        if let lon = try l["longitude"].double() { fields["longitude"] = String(lon) }
        l.flatten(into: &fields, prefix: "location", exclude: ["latitude", "longitude"])
    }

    mutating func service(_ key: String, _ v: CaptureJSON, chatID: Int64) throws {
        func person(_ u: CaptureJSON) throws -> String? {
            TelegramIDs.displayName(
                first: try u["first_name"].string(), last: try u["last_name"].string(), username: try u["username"].string())
        }
        switch key {
        case "new_chat_members":
            var names: [String] = []
            for (i, u) in (try v.array() ?? []).enumerated() {
                fields["new_chat_members.\(i).id"] = try u["id"].int64().map(String.init)
                if let n = try person(u) {
                    names.append(n)
                    fields["new_chat_members.\(i).name"] = n
                }
            }
            if !names.isEmpty { parts.append(names.joined(separator: ", ")) }
        case "left_chat_member":
            fields["left_chat_member.id"] = try v["id"].int64().map(String.init)
            if let n = try person(v) {
                parts.append(n)
                fields["left_chat_member.name"] = n
            }
        case "new_chat_title":
            if let t = try v.string() {
                parts.append(t)
                fields["new_chat_title"] = t
            }
        case "new_chat_photo":
            if let sizes = try v.array(), !sizes.isEmpty { try photo(sizes, key: "new_chat_photo") }
        case "pinned_message":
            let mid = try v["message_id"].requiredInt64()
            let chat = try v["chat"]["id"].int64() ?? chatID
            fields["pinned_message.native_id"] = TelegramIDs.nativeID(chat: chat, message: mid)
            if let t = try v["text"].string() ?? v["caption"].string(), !t.isEmpty { parts.append(t) }
        case "forum_topic_created", "forum_topic_edited":
            if let n = try v["name"].string(), !n.isEmpty { parts.append(n) }
            v.flatten(into: &fields, prefix: key)
        default:
            if v.scalarText != nil {
                fields[key] = v.scalarText
            } else {
                v.flatten(into: &fields, prefix: key)
            }
        }
    }
}
