public import Foundation
import VellumCore

/// A file a Telegram Desktop export message names by a path relative to the export folder.
/// The caller attaches the ones that exist to `items[itemIndex]` (and may then drop the media
/// reference whose handle is the same path).
public struct TelegramExportFile: Sendable, Hashable {
    public var itemIndex: Int
    public var relativePath: String
    /// `photo`, `file`, `thumbnail` or `contact_vcard`: the export's field name.
    public var role: String
    public var mediaType: String?

    public init(itemIndex: Int, relativePath: String, role: String, mediaType: String? = nil) {
        self.itemIndex = itemIndex
        self.relativePath = relativePath
        self.role = role
        self.mediaType = mediaType
    }
}

/// What one `result.json` gave.
public struct TelegramExportResult: Sendable {
    /// Messages and issues in file order (a message's reactions follow it).
    public var items: [ParsedLine] = []
    /// Files present in the export, by the index of the item in ``items`` that names them.
    public var files: [TelegramExportFile] = []
    /// How many chats the file held.
    public var chatCount = 0
    /// Set when some message had only the exporting PC's local `date` (no `date_unixtime`): the
    /// identifier of the zone it was read in (the parser's ``TelegramDesktopExportParser/localTimeZone``).
    public var assumedTimeZone: String?
    /// The exporting account's user id, from `personal_information` (full-account exports only).
    public var ownUserID: String?

    public init() {}
}

/// Reads a Telegram Desktop export (`result.json`): a single chat (`{name, type, id, messages}`)
/// or a whole account (`chats.list[]` and `left_chats.list[]`).
///
/// **Native ids** are the Bot API ids of the same message, `<chat id in Bot API form>:<id>`
/// (the mapping is in ``TelegramIDs``). A message without an `id` (synthetic files only) gets
/// `<conversation id>:pos<index in the chat>` and the field `native_id_basis` = `position`;
/// a chat without an `id` gets the conversation id `name:<chat name>`. Chats of a `type` this
/// parser does not know are groups; `saved_messages` (which has no name) is titled "Saved Messages".
/// A sender with a name but no `from_id` (synthetic files) is `Party(id: "name:<name>")`.
///
/// **Time:** `date_unixtime` is the instant. The export's `date` is the exporting PC's local
/// time without a zone; the difference between the two is that PC's UTC offset, which is kept
/// as the timestamp's offset (when it is a whole quarter hour within ±14 h; else UTC). Very old
/// exports have only `date`: it is read in ``localTimeZone`` (say which in the result, and in the
/// field `date_assumed_zone`; `date_basis` = `local`). A `type: unsupported` item carries no
/// date at all: it takes the previous message's time (`date_basis` = `previous_message`).
///
/// **Text** joins the `text` runs (a string, or strings and `{type, text}` entity objects);
/// entities other than plain go to `entities.N.type|offset|length|href|user_id|language|document_id`
/// with UTF-16 offsets, as in the Bot API. File names, song titles, contact cards, place names,
/// poll questions and answers, invoice and game titles are added to the text on their own lines.
///
/// **Media:** `photo`, `file`, `thumbnail` and `contact_vcard` are paths relative to the export
/// folder, or a placeholder when the file was not exported. The main file (photo, file or vcard)
/// becomes a media reference: handle = the relative path (note "in the export folder") or, for a
/// placeholder, handle "" and note "omitted by the exporter[: reason]". Present paths are listed in
/// ``TelegramExportResult/files``.
///
/// **Service messages** (`type: service`) are kind `system` (`call` for `phone_call`,
/// `group_call`; `payment` for `send_payment`), `nativeType` = the `action` (or
/// `information_text`), sender = `actor`/`actor_id`, and every other key of the message is
/// flattened into fields (`action`, `title`, `members.0`, `duration_seconds` …); a
/// `message_id` there names another message (the pinned one): `action.message_id`, `action.native_id`.
///
/// **Reactions** (newer exports) go to `reactions.N.reaction|count` and, for each entry of
/// `recent`, a reaction item with the Bot API's id `<message id>:reaction:<user>:<unix>:+<emoji>`.
///
/// Other fields: `message_id`, `export.chat_id`, `export.chat_type`, `edited_at` (RFC 3339) and
/// `edited_unixtime` (the export holds only the final text), `author`, `forwarded_from`,
/// `saved_from`, `via_bot`, `reply_to_peer_id`, `media_type`, `mime_type`, `duration_seconds`,
/// `width`, `height`, `sticker_emoji`, `performer`, `title`, `latitude`, `longitude`,
/// `place_name`, `address`, `contact.*`, `poll.*`, `invoice.*`, `game_*`, `photo`, `file`,
/// `thumbnail`, `self_destruct_period_seconds`, `live_location_period_seconds`.
///
/// **Raw** is the message's own bytes sliced from the file (tdesktop's `\xHH` escapes included;
/// they are repaired only for decoding). Reaction items share their message's bytes.
///
/// Issues name the file, the line where the message starts and the JSON path of the field
/// (`chats.list[2].messages[17].date_unixtime`). The file is scanned once per nesting level and
/// each message decoded on its own: linear in the file size.
public struct TelegramDesktopExportParser: Sendable {
    public static let formatName = "telegram-export"

    /// The zone to read a local `date` in when a message has no `date_unixtime`.
    public var localTimeZone: TimeZone

    public init(localTimeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) {
        self.localTimeZone = localTimeZone
    }

    /// Parses a whole `result.json`. `fileName` labels issues; `account` is the capturing account.
    public func parse(json: Data, fileName: String, account: String) -> TelegramExportResult {
        var run = Run(scanner: TelegramExportScanner([UInt8](json)), fileName: fileName, account: account, zone: localTimeZone)
        run.parseRoot()
        return run.result
    }

    struct Chat {
        var conversation: Conversation
        var botChatID: Int64?
        var idKey: String
        var exportID: Int64?
        var exportType: String?
        var direct: Bool
    }

    struct Run {
        var scanner: TelegramExportScanner
        let fileName: String
        let account: String
        let zone: TimeZone
        var result = TelegramExportResult()

        var truncationReported = false
        /// The time of the last message read in the current chat.
        var lastSentAt: Timestamp?

        mutating func issue(_ position: Int, _ field: String?, _ reason: String) {
            result.items.append(.issue(ImportIssue(file: fileName, line: scanner.line(at: position), field: field, reason: reason)))
        }

        /// A structural failure, reported once when it is the file's end cutting through several
        /// nesting levels.
        mutating func issue(_ f: TelegramExportScanner.Failure, _ field: String?) {
            if f.isTruncation {
                if truncationReported { return }
                truncationReported = true
            }
            issue(f.position, field, f.reason)
        }

        mutating func parseRoot() {
            let start = scanner.skipWhitespace(0)
            let root: [(key: String, value: Range<Int>)]
            let rootTruncation: TelegramExportScanner.Failure?
            do {
                (root, rootTruncation) = try scanner.membersAllowingTruncation(start)
            } catch let f as TelegramExportScanner.Failure {
                issue(f.position, nil, "not a Telegram export: \(f.reason)")
                return
            } catch {
                return
            }
            defer {
                if let rootTruncation { issue(rootTruncation, nil) }
            }
            if let info = root.first(where: { $0.key == "personal_information" }),
               let id = (scanner.decode(info.value) as? [String: Any])?["user_id"] {
                result.ownUserID = CaptureJSON(id).scalarText
            }
            if let messages = root.first(where: { $0.key == "messages" }) {
                result.chatCount = 1
                chat(members: root, messagesRange: messages.value, path: "")
                return
            }
            if rootTruncation != nil, !root.contains(where: { $0.key == "chats" || $0.key == "left_chats" }) { return }
            var sawList = false
            for listKey in ["chats", "left_chats"] {
                guard let section = root.first(where: { $0.key == listKey }) else { continue }
                do {
                    let (sectionMembers, sectionTruncation) = try scanner.membersAllowingTruncation(section.value.lowerBound)
                    guard let list = sectionMembers.first(where: { $0.key == "list" }) else {
                        if let sectionTruncation { throw sectionTruncation }
                        continue
                    }
                    sawList = true
                    let structure = scanner  // the closure below mutates self (issues, items)
                    try structure.forEachElement(list.value.lowerBound, partialLast: true) { i, range in
                        result.chatCount += 1
                        let path = "\(listKey).list[\(i)]"
                        do {
                            let (members, chatTruncation) = try scanner.membersAllowingTruncation(range.lowerBound)
                            defer { if let chatTruncation { issue(chatTruncation, path) } }
                            guard let messages = members.first(where: { $0.key == "messages" }) else {
                                issue(range.lowerBound, path + ".messages", "required field is missing")
                                return
                            }
                            chat(members: members, messagesRange: messages.value, path: path + ".")
                        } catch let f as TelegramExportScanner.Failure {
                            issue(f, path)
                        }
                    }
                    if let sectionTruncation { issue(sectionTruncation, listKey) }
                } catch let f as TelegramExportScanner.Failure {
                    issue(f, listKey)
                } catch {}
            }
            if !sawList {
                issue(start, nil, "not a Telegram export: expected `messages` or `chats.list`")
            }
        }

        mutating func chat(members: [(key: String, value: Range<Int>)], messagesRange: Range<Int>, path: String) {
            func value(_ key: String) -> CaptureJSON {
                guard let m = members.first(where: { $0.key == key }) else { return CaptureJSON(nil, path: path + key) }
                return CaptureJSON(scanner.decode(m.value), path: path + key)
            }
            let chat: Chat
            lastSentAt = nil
            do {
                let name = try value("name").string()
                let type = try value("type").string()
                let exportID = try value("id").int64()
                let botID = exportID.map { TelegramIDs.botAPIChatID(exportType: type, exportID: $0) }
                let direct = TelegramIDs.isDirect(exportType: type) ?? false
                let title = name ?? (type == "saved_messages" ? "Saved Messages" : nil)
                let convID = botID.map(String.init) ?? "name:" + (name ?? "unnamed")
                chat = Chat(
                    conversation: Conversation(id: convID, kind: direct ? .direct : .group, title: title),
                    botChatID: botID, idKey: convID, exportID: exportID, exportType: type, direct: direct)
            } catch let e as CaptureJSONError {
                issue(messagesRange.lowerBound, e.path, e.reason)
                return
            } catch {
                return
            }
            do {
                let structure = scanner  // the closure below mutates self (issues, items)
                try structure.forEachElement(messagesRange.lowerBound) { j, range in
                    message(range, path: path + "messages[\(j)]", position: j, chat: chat)
                }
            } catch let f as TelegramExportScanner.Failure {
                issue(f, path + "messages")
            } catch {}
        }

        // MARK: One message

        mutating func message(_ range: Range<Int>, path: String, position: Int, chat: Chat) {
            let raw = Data(scanner.bytes[range])
            guard let decoded = scanner.decode(range) else {
                issue(range.lowerBound, path, "not valid JSON")
                return
            }
            // Paths inside the message are relative (short strings, cheap); issues get the prefix.
            let m = CaptureJSON(decoded)
            guard m.isObject else {
                issue(range.lowerBound, path, "has the wrong type; expected an object")
                return
            }
            do {
                let built = try build(m, raw: raw, position: position, chat: chat)
                let first = result.items.count
                result.items.append(contentsOf: built.messages.map { .message($0) })
                for e in built.issues { issue(range.lowerBound, CaptureJSON.prefixed(e.path, with: path), e.reason) }
                for f in built.files {
                    result.files.append(TelegramExportFile(
                        itemIndex: first, relativePath: f.path, role: f.role, mediaType: f.mediaType))
                }
            } catch let e as CaptureJSONError {
                issue(range.lowerBound, CaptureJSON.prefixed(e.path, with: path), e.reason)
            } catch {
                issue(range.lowerBound, path, "cannot be read")
            }
        }

        struct Built {
            var messages: [VellumCore.Message]
            var files: [(path: String, role: String, mediaType: String?)]
            /// Problems in parts that do not stop the message (its reactions).
            var issues: [CaptureJSONError] = []
        }

        /// Reads `date_unixtime` (+ `date` for the offset) into a timestamp.
        /// A local-only time is read at `localOffset` when given (the exporting PC's offset, learnt
        /// from the message's own `date` and `date_unixtime`), else in the assumed zone.
        mutating func time(
            _ unix: CaptureJSON, _ local: CaptureJSON, fields: inout [String: String], prefix: String = "",
            localOffset: Int64? = nil
        ) throws -> Timestamp? {
            let localSeconds = try local.string().flatMap { Timestamp(rfc3339: $0 + "Z")?.seconds }
            if local.exists, localSeconds == nil, !unix.exists { throw local.fail("a local time YYYY-MM-DDTHH:MM:SS") }
            if let seconds = try unix.looseInt64() {
                var offset: Int64 = 0
                if let localSeconds {
                    let d = localSeconds - seconds
                    if abs(d) <= 14 * 3600, d % 900 == 0 { offset = d }
                }
                return Timestamp(seconds: seconds, offsetSeconds: Int32(offset))
            }
            guard let localSeconds else { return nil }
            fields[prefix + "date_basis"] = "local"
            if let localOffset {
                return Timestamp(seconds: localSeconds - localOffset, offsetSeconds: Int32(localOffset))
            }
            // Local time only: read it in the assumed zone (twice, to land on the right side of a
            // daylight-saving change).
            var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(localSeconds))))
            offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(localSeconds - offset))))
            let zoneName = zone.identifier
            fields[prefix + "date_assumed_zone"] = zoneName
            result.assumedTimeZone = zoneName
            return Timestamp(seconds: localSeconds - offset, offsetSeconds: Int32(offset))
        }

        func peer(_ m: CaptureJSON, nameKey: String, idKey: String) throws -> Party? {
            let name = try m[nameKey].string()
            let idValue = m[idKey]
            if idValue.exists {
                // Current exports write "user123" / "channel123" / "chat123"; very old ones a bare
                // user id number.
                if let text = idValue.stringValue {
                    return Party(id: TelegramIDs.botAPIPeerID(text).map(String.init) ?? text, name: name)
                }
                return Party(id: String(try idValue.requiredInt64()), name: name)
            }
            if let name { return Party(id: "name:" + name, name: name) }
            return nil
        }

        static func mediaType(forPath path: String) -> String? {
            switch (path as NSString).pathExtension.lowercased() {
            case "jpg", "jpeg": "image/jpeg"
            case "png": "image/png"
            case "webp": "image/webp"
            case "tgs": "application/x-tgsticker"
            case "webm": "video/webm"
            case "mp4": "video/mp4"
            case "ogg", "oga": "audio/ogg"
            case "mp3": "audio/mpeg"
            case "pdf": "application/pdf"
            case "vcf": "text/vcard"
            default: nil
            }
        }

        /// A path field: a media reference, the file's name, and the present-file entry.
        static func pathField(_ value: String, role: String, mediaType: String?)
            -> (MediaReference, String?, (String, String, String?)?)
        {
            for (marker, note) in TelegramIDs.skippedFileMarkers where value.hasSuffix(marker) {
                let trimmed = value.dropLast(marker.count).trimmingCharacters(in: .whitespaces)
                let name = trimmed.isEmpty ? nil : trimmed
                return (MediaReference(handle: "", name: name, mediaType: mediaType, note: note), name, nil)
            }
            let name = (value as NSString).lastPathComponent
            let type = mediaType ?? Self.mediaType(forPath: value)
            let ref = MediaReference(handle: value, name: name, mediaType: type, note: "in the export folder")
            return (ref, name, (value, role, type))
        }

        /// `text`: a string, or an array of strings and `{type, text, …}` objects.
        static func text(_ t: CaptureJSON) throws -> (String, [(CaptureJSON?, String, String)]) {
            guard t.exists else { return ("", []) }
            if let s = t.stringValue { return (s, [(nil, "plain", s)]) }
            guard let runs = try t.array() else { return ("", []) }
            var out = ""
            var parts: [(CaptureJSON?, String, String)] = []
            for run in runs {
                if let s = run.stringValue {
                    out += s
                    parts.append((nil, "plain", s))
                } else if run.isObject {
                    let s = try run["text"].requiredString()
                    out += s
                    parts.append((run, try run["type"].string() ?? "unknown", s))
                } else {
                    throw run.fail("a string or an object with `text`")
                }
            }
            return (out, parts)
        }

        static let copiedKeys = [
            "author", "forwarded_from", "forwarded_from_id", "saved_from", "via_bot", "reply_to_peer_id", "media_type",
            "mime_type", "duration_seconds", "width", "height", "sticker_emoji", "performer", "title",
            "self_destruct_period_seconds", "live_location_period_seconds", "place_name", "address", "game_title",
            "game_description", "game_link", "edited_unixtime", "photo", "file", "thumbnail", "contact_vcard",
        ]

        static let baseKeys: Set<String> = [
            "id", "type", "date", "date_unixtime", "edited", "edited_unixtime", "actor", "actor_id", "from", "from_id",
            "text", "text_entities", "reactions",
        ]

        mutating func build(_ m: CaptureJSON, raw: Data, position: Int, chat: Chat) throws -> Built {
            var fields: [String: String] = [:]
            let type = try m["type"].string() ?? "message"
            let messageID = try m["id"].int64()
            let nativeID: String
            if let messageID {
                nativeID = chat.botChatID.map { TelegramIDs.nativeID(chat: $0, message: messageID) } ?? "\(chat.idKey):\(messageID)"
                fields["message_id"] = String(messageID)
            } else {
                nativeID = "\(chat.idKey):pos\(position)"
                fields["native_id_basis"] = "position"
            }
            fields["export.chat_id"] = chat.exportID.map(String.init)
            fields["export.chat_type"] = chat.exportType

            var parsedTime = try time(m["date_unixtime"], m["date"], fields: &fields)
            if parsedTime == nil, type == "unsupported" {
                // tdesktop writes only `{id, type}` for messages it cannot export: date them by the
                // message before (exports are in time order), and say so.
                parsedTime = lastSentAt ?? Timestamp(seconds: 0)
                fields["date_basis"] = lastSentAt == nil ? "unknown" : "previous_message"
            }
            guard let sentAt = parsedTime else {
                throw CaptureJSONError(path: m["date_unixtime"].path, reason: "required field is missing (nor is there a `date`)")
            }
            lastSentAt = sentAt
            let pcOffset: Int64? = m["date_unixtime"].exists && m["date"].exists ? Int64(sentAt.offsetSeconds) : nil
            if let edited = try time(m["edited_unixtime"], m["edited"], fields: &fields, prefix: "edited.", localOffset: pcOffset) {
                fields["edited_at"] = Timestamp(seconds: edited.seconds, offsetSeconds: sentAt.offsetSeconds).rfc3339
            }

            let isService = type == "service"
            let chatParty = Party(id: chat.botChatID.map(String.init) ?? chat.idKey, name: chat.conversation.title)
            let sender = try (isService ? peer(m, nameKey: "actor", idKey: "actor_id") : peer(m, nameKey: "from", idKey: "from_id"))
                ?? chatParty
            var recipients: [Party] = []
            if chat.direct, let botChatID = chat.botChatID, chat.exportType != "saved_messages" {
                recipients = sender.id == String(botChatID) ? [Party(id: result.ownUserID ?? account)] : [chatParty]
            }

            // Text and entities.
            let (body, runs) = try Self.text(m["text"])
            var entityRuns = runs
            if let list = try m["text_entities"].array() {
                entityRuns = try list.map { ($0, try $0["type"].string() ?? "unknown", try $0["text"].string() ?? "") }
            }
            var offset = 0
            var n = 0
            for (obj, kind, text) in entityRuns {
                let length = text.utf16.count
                if kind != "plain" {
                    let p = "entities.\(n)"
                    fields[p + ".type"] = kind
                    fields[p + ".offset"] = String(offset)
                    fields[p + ".length"] = String(length)
                    for extra in ["href", "user_id", "language", "document_id"] {
                        fields[p + "." + extra] = obj?[extra].scalarText
                    }
                    n += 1
                }
                offset += length
            }
            var parts: [String] = body.isEmpty ? [] : [body]

            for key in Self.copiedKeys { fields[key] = m[key].scalarText }
            if m["forwarded_from"].exists || m["forwarded_from"].isNull { fields["forwarded_from"] = fields["forwarded_from"] ?? "" }

            var media: [MediaReference] = []
            var files: [(String, String, String?)] = []
            var kind: MessageKind = .text
            var nativeType = type
            let mime = try m["mime_type"].string()
            if let photo = try m["photo"].string() {
                let (ref, _, file) = Self.pathField(photo, role: "photo", mediaType: "image/jpeg")
                media.append(ref)
                if let file { files.append(file) }
                kind = .image
                nativeType = "photo"
            }
            if let path = try m["file"].string() {
                let mediaType = try m["media_type"].string()
                let (ref, name, file) = Self.pathField(path, role: "file", mediaType: mime)
                media.append(ref)
                if let file { files.append(file) }
                switch mediaType {
                case "sticker": kind = .sticker
                case "video_message", "video_file", "animation": kind = .video
                case "voice_message", "audio_file": kind = .audio
                default: kind = .file
                }
                nativeType = mediaType ?? "file"
                if mediaType == nil || mediaType == "audio_file" || mediaType == "video_file", let name { parts.append(name) }
                if mediaType == "audio_file" {
                    let song = try m.strings("performer", "title")
                    if !song.isEmpty { parts.append(song.joined(separator: " – ")) }
                }
                if let emoji = try m["sticker_emoji"].string(), !emoji.isEmpty { parts.append(emoji) }
            }
            if let thumb = try m["thumbnail"].string() {
                let (_, _, file) = Self.pathField(thumb, role: "thumbnail", mediaType: nil)
                if let file { files.append(file) }
            }
            if let contact = try m["contact_information"].object() {
                kind = .contact
                nativeType = "contact"
                let name = TelegramIDs.displayName(
                    first: try contact["first_name"].string(), last: try contact["last_name"].string(), username: nil)
                let card = [name, try contact["phone_number"].string()].compactMap { $0 }.filter { !$0.isEmpty }
                if !card.isEmpty { parts.append(card.joined(separator: " ")) }
                contact.flatten(into: &fields, prefix: "contact")
                if let vcard = try m["contact_vcard"].string() {
                    let (ref, _, file) = Self.pathField(vcard, role: "contact_vcard", mediaType: "text/vcard")
                    media.append(ref)
                    if let file { files.append(file) }
                }
            }
            if m["location_information"].exists {
                let loc = try m["location_information"].requiredObject()
                kind = .location
                nativeType = m["place_name"].exists ? "venue" : "location"
                fields["latitude"] = loc["latitude"].scalarText
                fields["longitude"] = loc["longitude"].scalarText
            }
            if m["place_name"].exists || m["address"].exists {
                kind = .location
                nativeType = "venue"
                parts.append(contentsOf: try m.strings("place_name", "address"))
            }
            if let poll = try m["poll"].object() {
                kind = .poll
                nativeType = "poll"
                if let q = try poll["question"].string(), !q.isEmpty { parts.append(q) }
                for a in try poll["answers"].array() ?? [] {
                    if let t = try a["text"].string(), !t.isEmpty { parts.append(t) }
                }
                poll.flatten(into: &fields, prefix: "poll")
            }
            if let invoice = try m["invoice_information"].object() {
                kind = .payment
                nativeType = "invoice"
                parts.append(contentsOf: try invoice.strings("title", "description"))
                invoice.flatten(into: &fields, prefix: "invoice")
            }
            if m["game_title"].exists {
                kind = MessageKind("game")
                nativeType = "game"
                parts.append(contentsOf: try m.strings("game_title", "game_description"))
            }

            if isService {
                let action = try m["action"].string()
                nativeType = action ?? (m["information_text"].exists ? "information_text" : "service")
                switch action {
                case "phone_call", "group_call", "group_call_scheduled", "invite_to_group_call": kind = .call
                case "send_payment": kind = .payment
                default: kind = .system
                }
                for key in m.keys where !Self.baseKeys.contains(key) && !Self.copiedKeys.contains(key) && key != "message_id" {
                    m[key].flatten(into: &fields, prefix: key)
                }
                // `message_id` in a service message names another message (the pinned one).
                if let other = try m["message_id"].int64() {
                    fields["action.message_id"] = String(other)
                    fields["action.native_id"] = chat.botChatID.map { TelegramIDs.nativeID(chat: $0, message: other) }
                }
                let members = try (m["members"].array() ?? []).compactMap { try $0.string() }
                for key in ["title", "new_title"] {
                    if let t = try m[key].string(), !t.isEmpty { parts.append(t) }
                }
                if !members.isEmpty { parts.append(members.joined(separator: ", ")) }
                for key in ["inviter", "information_text"] {
                    if let t = try m[key].string(), !t.isEmpty { parts.append(t) }
                }
            } else if type == "unsupported" {
                kind = .unknown
            } else if type != "message" {
                kind = .unknown
                nativeType = type
            }

            var replyTo: String?
            if let target = try m["reply_to_message_id"].int64() {
                var replyChat = chat.botChatID
                if let peer = m["reply_to_peer_id"].stringValue.flatMap(TelegramIDs.botAPIPeerID) { replyChat = peer }
                replyTo = replyChat.map { TelegramIDs.nativeID(chat: $0, message: target) } ?? "\(chat.idKey):\(target)"
            }

            let forwarded = m["forwarded_from"].exists || m["forwarded_from"].isNull
            let main = VellumCore.Message(
                source: SourceRef(channel: .telegram, account: account, nativeID: nativeID),
                conversation: chat.conversation, sentAt: sentAt, sender: sender, recipients: recipients,
                text: parts.isEmpty ? nil : parts.joined(separator: "\n"), replyTo: replyTo, kind: kind,
                nativeType: nativeType, fields: fields.filter { !$0.value.isEmpty || $0.key == "forwarded_from" },
                media: media, forwarded: forwarded, format: TelegramDesktopExportParser.formatName, raw: raw)

            var out = [main]
            var issues: [CaptureJSONError] = []
            // Aggregated reactions with their recent reactors. A malformed one is an issue of its
            // own; the message stands.
            do {
                for (i, r) in (try m["reactions"].array() ?? []).enumerated() {
                    let rType = try r["type"].string() ?? "emoji"
                    let key: String =
                        switch rType {
                        case "emoji": try r["emoji"].requiredString()
                        case "custom_emoji": "custom_emoji:" + (r["document_id"].scalarText ?? "")
                        default: rType
                        }
                    out[0].fields["reactions.\(i).reaction"] = key
                    out[0].fields["reactions.\(i).count"] = r["count"].scalarText
                    for who in try r["recent"].array() ?? [] {
                        var rf: [String: String] = ["message_id": fields["message_id"] ?? ""]
                        guard let reactor = try peer(who, nameKey: "from", idKey: "from_id"),
                              let at = try time(who["date_unixtime"], who["date"], fields: &rf, localOffset: pcOffset)
                        else { continue }
                        let reactionID = "\(nativeID):reaction:\(reactor.id):\(at.seconds):+\(key)"
                        out.append(VellumCore.Message(
                            source: SourceRef(channel: .telegram, account: account, nativeID: reactionID),
                            conversation: chat.conversation, sentAt: at, sender: reactor, text: key,
                            revision: .reaction(to: nativeID), nativeType: "reaction", fields: rf.filter { !$0.value.isEmpty },
                            format: TelegramDesktopExportParser.formatName, raw: raw))
                    }
                }
            } catch let e as CaptureJSONError {
                issues.append(e)
            }
            return Built(messages: out, files: files, issues: issues)
        }
    }
}
