import Foundation
import VellumCore

/// What one WeCom payload (a message's, or an item's inside a chatrecord or mixed message) maps to.
struct WeComPayloadRendering: Sendable {
    var kind: MessageKind
    var text: String?
    var quotedText: String?
    var fields: [String: String] = [:]
    var media: [MediaReference] = []
    var revision: Revision?
    var conversationTitle: String?
    var forwarded = false
    /// A stand-in for the item in a chatrecord's text lines when it has no text (`[image]`).
    var placeholder: String

    init(kind: MessageKind, placeholder: String) {
        self.kind = kind
        self.placeholder = placeholder
    }

    mutating func set(_ key: String, _ value: String?) {
        if let value { fields[key] = value }
    }

    mutating func setTime(_ key: String, _ epoch: Int64?) {
        if let epoch, epoch != 0 { fields[key] = WeComMessageTime.rfc3339(epoch: epoch) }
    }

    /// Joins the non-empty parts with newlines into ``text`` (nil when there are none).
    mutating func setText(_ parts: [String?]) {
        let kept = parts.compactMap { $0 }.filter { !$0.isEmpty }
        text = kept.isEmpty ? nil : kept.joined(separator: "\n")
    }
}

/// Maps WeCom payloads by msgtype (formats.md §A.5) to kinds, text, fields and media references.
///
/// Field keys are the payload's own key names unless documented otherwise in
/// ``WeComMessageParser``; times become RFC 3339 (UTC); lists are `key.0`, `key.1` …; the items
/// of chatrecord, mixed and news messages are `items.N.<key>`.
struct WeComPayloadRenderer: Sendable {
    /// The message id, for made-up file names.
    let msgid: String
    static let maxDepth = 8

    /// The documented payload key of a top-level msgtype (⚠ exceptions in §A.5).
    static func payloadKey(for msgtype: String) -> String {
        switch msgtype {
        case "external_redpacket": "redpacket"
        case "docmsg": "doc"
        case "markdown", "news", "voiptext", "qydiskfile": "info"
        default: msgtype
        }
    }

    /// The msgtypes this renderer maps to a specific kind; others become `unknown`.
    static let knownTypes: Set<String> = [
        "text", "image", "voice", "video", "file", "emotion", "card", "location", "link", "weapp", "chatrecord",
        "mixed", "todo", "vote", "collect", "redpacket", "external_redpacket", "meeting", "docmsg", "markdown",
        "news", "calendar", "meeting_voice_call", "voip_doc_share", "sphfeed", "voiptext", "qydiskfile", "revoke",
        "agree", "disagree",
    ]

    /// The payload type of a chatrecord or mixed item: `ChatRecordText` → `text`, `ChatRecordMixed` →
    /// `mixed`, `ChatRecord` → `chatrecord`, `image` → `image`.
    static func itemType(_ nativeType: String) -> String {
        var t = nativeType.lowercased()
        if t.hasPrefix("chatrecord") { t.removeFirst("chatrecord".count) }
        return t.isEmpty ? "chatrecord" : t
    }

    func render(type: String, payload p: WeComPayloadObject, itemPath: String, depth: Int) throws -> WeComPayloadRendering {
        switch type {
        case "text": return try text(p)
        case "image":
            var r = WeComPayloadRendering(kind: .image, placeholder: "[image]")
            r.set("filesize", try p.integer("filesize").map(String.init))
            r.media = [try media(p, r: &r, name: synthetic("image", itemPath, "jpg"), mediaType: "image/jpeg", sizeKey: "filesize")]
            return r
        case "voice":
            var r = WeComPayloadRendering(kind: .audio, placeholder: "[voice]")
            r.set("voice_size", try p.integer("voice_size").map(String.init))
            r.set("play_length", try p.integer("play_length").map(String.init))
            r.media = [try media(p, r: &r, name: synthetic("voice", itemPath, "amr"), mediaType: "audio/amr", sizeKey: "voice_size")]
            return r
        case "video":
            var r = WeComPayloadRendering(kind: .video, placeholder: "[video]")
            r.set("filesize", try p.integer("filesize").map(String.init))
            r.set("play_length", try p.integer("play_length").map(String.init))
            r.media = [try media(p, r: &r, name: synthetic("video", itemPath, "mp4"), mediaType: "video/mp4", sizeKey: "filesize")]
            return r
        case "emotion":
            var r = WeComPayloadRendering(kind: .sticker, placeholder: "[emotion]")
            let emotionType = try p.integer("type")
            let (ext, mediaType): (String?, String?) =
                switch emotionType {
                case 1: ("gif", "image/gif")
                case 2: ("png", "image/png")
                default: (nil, nil)
                }
            r.set("type", emotionType.map(String.init))
            r.set("type_name", ext)
            r.set("width", try p.integer("width").map(String.init))
            r.set("height", try p.integer("height").map(String.init))
            r.set("imagesize", try p.integer("imagesize").map(String.init))
            r.media = [try media(p, r: &r, name: synthetic("emotion", itemPath, ext), mediaType: mediaType, sizeKey: "imagesize")]
            return r
        case "file": return try file(p, itemPath: itemPath)
        case "card":
            var r = WeComPayloadRendering(kind: .contact, placeholder: "[card]")
            let corp = try p.string("corpname"), user = try p.string("userid")
            r.set("corpname", corp)
            r.set("userid", user)
            r.setText([corp, user])
            return r
        case "location":
            var r = WeComPayloadRendering(kind: .location, placeholder: "[location]")
            let title = try p.string("title"), address = try p.string("address")
            r.set("latitude", try p.decimal("latitude"))
            r.set("longitude", try p.decimal("longitude"))
            r.set("zoom", try p.integer("zoom").map(String.init))
            r.set("title", title)
            r.set("address", address)
            r.setText([title, address])
            return r
        case "link":
            var r = WeComPayloadRendering(kind: .link, placeholder: "[link]")
            let title = try p.string("title"), description = try p.string("description"), url = try p.string("link_url")
            r.set("title", title)
            r.set("description", description)
            r.set("link_url", url)
            r.set("image_url", try p.string("image_url"))
            r.setText([title, description, url])
            return r
        case "weapp":
            var r = WeComPayloadRendering(kind: .link, placeholder: "[weapp]")
            let title = try p.string("title"), description = try p.string("description")
            let display = try p.string("displayname")
            r.set("title", title)
            r.set("description", description)
            r.set("username", try p.string("username"))
            r.set("displayname", display)
            r.setText([display, title, description])
            return r
        case "chatrecord": return try chatrecord(p, itemPath: itemPath, depth: depth)
        case "mixed": return try mixed(p, itemPath: itemPath, depth: depth)
        case "todo":
            var r = WeComPayloadRendering(kind: .text, placeholder: "[todo]")
            let title = try p.string("title")
            r.set("title", title)
            r.setText([title, try p.string("content")])
            return r
        case "vote": return try vote(try p.object("vote") ?? p)
        case "collect": return try collect(p)
        case "redpacket", "external_redpacket": return try redpacket(p)
        case "meeting": return try meeting(p)
        case "docmsg":
            var r = WeComPayloadRendering(kind: .link, placeholder: "[doc]")
            let title = try p.string("title"), url = try p.string("link_url")
            r.set("title", title)
            r.set("link_url", url)
            r.set("doc_creator", try p.string("doc_creator"))
            r.setText([title, url])
            return r
        case "markdown":
            var r = WeComPayloadRendering(kind: .text, placeholder: "[markdown]")
            r.setText([try p.string("content")])
            return r
        case "news": return try news(p)
        case "calendar": return try calendar(p)
        case "meeting_voice_call": return try meetingVoiceCall(p, itemPath: itemPath)
        case "voip_doc_share":
            var r = WeComPayloadRendering(kind: .file, placeholder: "[voip_doc_share]")
            let name = try p.string("filename")
            r.set("filename", name)
            r.set("filesize", try p.integer("filesize").map(String.init))
            r.setText([name])
            let ext = name.flatMap(WeComPayloadMedia.fileExtension)
            r.media = [try media(p, r: &r, name: name ?? synthetic("voip_doc_share", itemPath, ext),
                                 mediaType: WeComPayloadMedia.mediaType(forExtension: ext), sizeKey: "filesize")]
            return r
        case "sphfeed":
            var r = WeComPayloadRendering(kind: .link, placeholder: "[sphfeed]")
            let feedType = try p.integer("feed_type")
            let name = try p.string("sph_name")
            r.set("feed_type", feedType.map(String.init))
            r.set("feed_type_name", feedType.flatMap { [2: "image", 4: "video", 9: "live"][$0] })
            r.set("sph_name", name)
            r.setText([name, try p.string("feed_desc")])
            return r
        case "voiptext":
            var r = WeComPayloadRendering(kind: .call, placeholder: "[voiptext]")
            let invite = try p.integer("invitetype")
            r.set("callduration", try p.integer("callduration").map(String.init))
            r.set("invitetype", invite.map(String.init))
            r.set("invitetype_name", invite.flatMap {
                [1: "video", 2: "voice", 3: "group_video", 4: "group_voice"][$0]
            })
            return r
        case "qydiskfile":
            var r = WeComPayloadRendering(kind: .file, placeholder: "[qydiskfile]")
            let name = try p.string("filename")
            r.set("filename", name)
            r.setText([name])
            r.media = [MediaReference(
                handle: "", name: name, mediaType: WeComPayloadMedia.mediaType(forExtension: name.flatMap(WeComPayloadMedia.fileExtension)),
                note: "a WeCom drive file: the record names it but carries no sdkfileid")]
            return r
        case "revoke":
            var r = WeComPayloadRendering(kind: .recall, placeholder: "[recalled]")
            r.revision = .recall(of: try p.requiredString("pre_msgid"))
            return r
        case "agree", "disagree":
            var r = WeComPayloadRendering(kind: .consent, placeholder: "[\(type)]")
            r.set("decision", type)
            r.set("userid", try p.string("userid"))
            let other = type == "agree" ? "disagree_time" : "agree_time"
            r.setTime("time", try p.integer(type + "_time") ?? p.integer(other) ?? p.integer("time"))
            return r
        default: return unknown(type, p, itemPath: itemPath)
        }
    }

    // MARK: - Types with more to them

    private func text(_ p: WeComPayloadObject) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .text, placeholder: "[text]")
        let content = try p.requiredString("content")
        let (quote, reply) = Self.splitQuote(content)
        r.text = reply
        r.quotedText = quote
        return r
    }

    /// Splits a quoted reply, `<quote>\n------\n<reply>`, at the first separator. Content without the
    /// separator, or with nothing before it, is all reply.
    static func splitQuote(_ content: String) -> (quote: String?, reply: String) {
        guard let range = content.range(of: "\n------\n"), range.lowerBound != content.startIndex else {
            return (nil, content)
        }
        return (String(content[..<range.lowerBound]), String(content[range.upperBound...]))
    }

    private func file(_ p: WeComPayloadObject, itemPath: String) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .file, placeholder: "[file]")
        let name = try p.string("filename")
        let ext = try p.string("fileext").flatMap { $0.isEmpty ? nil : $0 } ?? name.flatMap(WeComPayloadMedia.fileExtension)
        r.set("filename", name)
        r.set("fileext", try p.string("fileext"))
        r.set("filesize", try p.integer("filesize").map(String.init))
        r.setText([name])
        let fileName = (name?.isEmpty == false ? name : nil) ?? synthetic("file", itemPath, ext)
        r.media = [try media(p, r: &r, name: fileName, mediaType: WeComPayloadMedia.mediaType(forExtension: ext), sizeKey: "filesize")]
        return r
    }

    private func vote(_ p: WeComPayloadObject) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .poll, placeholder: "[vote]")
        let title = try p.string("votetitle")
        let items = try p.strings("voteitem")
        let voteType = try p.integer("votetype")
        r.set("votetitle", title)
        for (i, item) in items.enumerated() { r.fields["voteitem.\(i)"] = item }
        r.set("votetype", voteType.map(String.init))
        r.set("votetype_name", voteType.flatMap { [101: "start", 102: "vote"][$0] })
        r.set("voteid", try p.identifier("voteid"))
        r.setText([title] + items)
        return r
    }

    private func collect(_ p: WeComPayloadObject) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .interactive, placeholder: "[collect]")
        let title = try p.string("title"), room = try p.string("room_name")
        r.set("title", title)
        r.set("room_name", room)
        r.set("creator", try p.string("creator"))
        // Local time without a zone, as WeCom writes it ("YYYY-MM-DD hh:mm:ss"): kept verbatim.
        r.set("create_time", try p.string("create_time"))
        var questions: [String?] = []
        for (i, detail) in try p.objects("details").enumerated() {
            let question = try detail.string("ques")
            r.set("details.\(i).id", try detail.identifier("id"))
            r.set("details.\(i).ques", question)
            r.set("details.\(i).type", try detail.string("type"))
            questions.append(question)
        }
        r.setText([title] + questions)
        if let room, !room.isEmpty { r.conversationTitle = room }
        return r
    }

    private func redpacket(_ p: WeComPayloadObject) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .payment, placeholder: "[redpacket]")
        let packetType = try p.integer("type")
        let wish = try p.string("wish")
        let fen = try p.integer("totalamount")
        r.set("type", packetType.map(String.init))
        r.set("type_name", packetType.flatMap { [1: "normal", 2: "lucky", 3: "incentive"][$0] })
        r.set("wish", wish)
        r.set("totalcnt", try p.integer("totalcnt").map(String.init))
        r.set("amount_fen", fen.map(String.init))
        r.setText([fen.map(Self.yuan), wish])
        return r
    }

    /// `3000` fen → `¥30.00`.
    static func yuan(_ fen: Int64) -> String {
        let cents = fen.magnitude % 100
        return (fen < 0 ? "-" : "") + "¥\(fen.magnitude / 100)." + (cents < 10 ? "0" : "") + String(cents)
    }

    private func meeting(_ p: WeComPayloadObject) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .meeting, placeholder: "[meeting]")
        let topic = try p.string("topic"), address = try p.string("address"), remarks = try p.string("remarks")
        let meetingType = try p.integer("meetingtype"), status = try p.integer("status")
        r.set("topic", topic)
        r.setTime("starttime", try p.integer("starttime"))
        r.setTime("endtime", try p.integer("endtime"))
        r.set("address", address)
        r.set("meetingtype", meetingType.map(String.init))
        r.set("meetingtype_name", meetingType.flatMap { [101: "invite", 102: "respond"][$0] })
        r.set("meetingid", try p.identifier("meetingid"))
        r.set("status", status.map(String.init))
        r.set("status_name", status.flatMap {
            [1: "join", 2: "reject", 3: "tentative", 4: "not_invited", 5: "cancelled", 6: "expired", 7: "not_in_room"][$0]
        })
        r.setText([topic, address, remarks])
        return r
    }

    private func news(_ p: WeComPayloadObject) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .link, placeholder: "[news]")
        var parts: [String?] = []
        for (i, item) in try p.objects("item").enumerated() {
            let title = try item.string("title"), description = try item.string("description"), url = try item.string("url")
            r.set("items.\(i).title", title)
            r.set("items.\(i).description", description)
            r.set("items.\(i).url", url)
            r.set("items.\(i).picurl", try item.string("picurl"))
            parts += [title, description, url]
        }
        r.setText(parts)
        return r
    }

    private func calendar(_ p: WeComPayloadObject) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .meeting, placeholder: "[calendar]")
        let title = try p.string("title"), place = try p.string("place"), remarks = try p.string("remarks")
        r.set("title", title)
        r.set("creatorname", try p.string("creatorname"))
        for (i, name) in try p.strings("attendeename").enumerated() { r.fields["attendeename.\(i)"] = name }
        r.setTime("starttime", try p.integer("starttime"))
        r.setTime("endtime", try p.integer("endtime"))
        r.set("place", place)
        r.setText([title, place, remarks])
        return r
    }

    private func meetingVoiceCall(_ p: WeComPayloadObject, itemPath: String) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .call, placeholder: "[meeting_voice_call]")
        r.setTime("endtime", try p.integer("endtime"))
        var names: [String?] = []
        for (i, demo) in try p.objects("demofiledata").enumerated() {
            let name = try demo.string("filename")
            r.set("demofiledata.\(i).filename", name)
            r.set("demofiledata.\(i).demooperator", try demo.string("demooperator"))
            r.setTime("demofiledata.\(i).starttime", try demo.integer("starttime"))
            r.setTime("demofiledata.\(i).endtime", try demo.integer("endtime"))
            names.append(name)
        }
        for (i, share) in try p.objects("sharescreendata").enumerated() {
            r.set("sharescreendata.\(i).share", try share.string("share"))
            r.setTime("sharescreendata.\(i).starttime", try share.integer("starttime"))
            r.setTime("sharescreendata.\(i).endtime", try share.integer("endtime"))
        }
        r.setText(names)
        // The call recording, when there is one; WeCom does not say its format.
        if p.has("sdkfileid") {
            r.media = [try media(p, r: &r, name: synthetic("meeting_voice_call", itemPath, nil), mediaType: nil, sizeKey: "filesize")]
        }
        return r
    }

    private func chatrecord(_ p: WeComPayloadObject, itemPath: String, depth: Int) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .bundle, placeholder: "[chatrecord]")
        r.forwarded = true
        let title = try p.string("title")
        r.set("title", title)
        var lines: [String] = []
        if let title, !title.isEmpty { lines.append(title) }
        let items = try p.objects("item")
        r.fields["item_count"] = String(items.count)
        for (i, item) in items.enumerated() {
            let nativeType = try item.string("type") ?? ""
            let time = try item.integer("msgtime")
            let from = try item.string("from")
            let prefix = "items.\(i)."
            r.fields[prefix + "type"] = nativeType
            r.setTime(prefix + "msgtime", time)
            r.set(prefix + "from", from)
            r.set(prefix + "from_chatroom", try item.bool("from_chatroom").map { $0 ? "true" : "false" })
            let sub = try nested(item, index: i, itemPath: itemPath, depth: depth, into: &r)
            var head = ""
            if let time, time != 0 { head = "[" + WeComMessageTime.rfc3339(epoch: time) + "] " }
            if let from, !from.isEmpty { head += from + ": " }
            let body = (sub.text ?? sub.placeholder).replacingOccurrences(of: "\n", with: "\n  ")
            lines.append(head + body)
        }
        r.text = lines.isEmpty ? nil : lines.joined(separator: "\n")
        return r
    }

    private func mixed(_ p: WeComPayloadObject, itemPath: String, depth: Int) throws -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .mixed, placeholder: "[mixed]")
        let items = try p.objects("item")
        r.fields["item_count"] = String(items.count)
        var texts: [String?] = []
        for (i, item) in items.enumerated() {
            r.fields["items.\(i).type"] = try item.string("type") ?? ""
            texts.append(try nested(item, index: i, itemPath: itemPath, depth: depth, into: &r).text)
        }
        r.setText(texts)
        return r
    }

    /// Renders the payload of a chatrecord or mixed item (its `content`, a JSON object in a string)
    /// and merges it into `r` under `items.<index>.`: fields, `text`, `quoted_text`, `recall_of`, media.
    /// An item without `content` gets `items.<index>.content_missing = true` and its type as placeholder.
    private func nested(
        _ item: WeComPayloadObject, index: Int, itemPath: String, depth: Int, into r: inout WeComPayloadRendering
    ) throws -> WeComPayloadRendering {
        guard depth < Self.maxDepth else {
            throw WeComPayloadError(field: item.path, reason: "nested more than \(Self.maxDepth) levels deep")
        }
        let contentPath = item.fieldPath("content")
        let path = itemPath.isEmpty ? String(index) : itemPath + "." + String(index)
        let type = Self.itemType(try item.string("type") ?? "")
        let prefix = "items.\(index)."
        let payload: WeComPayloadObject
        switch item.values["content"] {
        case .string(let s):
            guard case .object(let o)? = WeComMessageJSON.decode(Data(s.utf8)) else {
                throw WeComPayloadError(field: contentPath, reason: "not a JSON object in a string")
            }
            payload = WeComPayloadObject(o, path: contentPath)
        case .object(let o):
            payload = WeComPayloadObject(o, path: contentPath)
        case nil, .null:
            // An item without content: shown by its type, flagged, not quarantined.
            r.fields[prefix + "content_missing"] = "true"
            return WeComPayloadRendering(kind: .unknown, placeholder: "[\(type)]")
        default:
            throw WeComPayloadError(field: contentPath, reason: "has the wrong type; expected a JSON object in a string")
        }
        let sub = try render(type: type, payload: payload, itemPath: path, depth: depth + 1)
        for (key, value) in sub.fields { r.fields[prefix + key] = value }
        r.set(prefix + "text", sub.text)
        r.set(prefix + "quoted_text", sub.quotedText)
        r.set(prefix + "recall_of", sub.revision?.targetID)
        r.media += sub.media
        return sub
    }

    /// An unknown msgtype: kind `unknown`, with what text and files can be salvaged from the usual
    /// keys (`title`, `content`, `description`, `filename`; `sdkfileid`, `md5sum`, `filesize`).
    /// Never throws: the record is archived verbatim whatever its shape.
    private func unknown(_ type: String, _ p: WeComPayloadObject, itemPath: String) -> WeComPayloadRendering {
        var r = WeComPayloadRendering(kind: .unknown, placeholder: "[\(type.isEmpty ? "unknown" : type)]")
        let name = (try? p.string("filename")) ?? nil
        r.setText(["title", "content", "description", "filename"].map { (try? p.string($0)) ?? nil })
        if let handle = (try? p.string("sdkfileid")) ?? nil, !handle.isEmpty {
            let ext = name.flatMap(WeComPayloadMedia.fileExtension)
            r.media = [MediaReference(
                handle: handle, name: name ?? synthetic(type.isEmpty ? "unknown" : type, itemPath, ext),
                mediaType: ext.map { WeComPayloadMedia.mediaType(forExtension: $0) },
                size: (try? p.integer("filesize")) ?? nil,
                digests: WeComPayloadMedia.md5Digests((try? p.string("md5sum")) ?? nil), note: "not fetched yet")]
        }
        return r
    }

    // MARK: - Helpers

    private func synthetic(_ base: String, _ itemPath: String, _ ext: String?) -> String {
        WeComPayloadMedia.syntheticName(base, msgid: msgid, itemPath: itemPath, ext: ext)
    }

    /// The file a payload names by `sdkfileid`. An `md5sum` that is not 32 hex digits is kept in
    /// the field `md5sum` instead of the digests.
    private func media(
        _ p: WeComPayloadObject, r: inout WeComPayloadRendering, name: String, mediaType: String?, sizeKey: String
    ) throws -> MediaReference {
        let handle = try p.string("sdkfileid") ?? ""
        let md5 = try p.string("md5sum")
        let digests = WeComPayloadMedia.md5Digests(md5)
        if digests.isEmpty, let md5, !md5.isEmpty { r.fields["md5sum"] = md5 }
        return MediaReference(
            handle: handle, name: name, mediaType: mediaType, size: try p.integer(sizeKey), digests: digests,
            note: handle.isEmpty ? "the record names no sdkfileid" : "not fetched yet")
    }
}
