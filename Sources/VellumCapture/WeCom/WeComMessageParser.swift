public import Foundation
public import VellumCore

/// Maps WeCom (企业微信) session-archive messages, as `DecryptData` returns them, to ``Message``
/// (formats.md §A.4–A.5). Every msgtype is kept: a type it does not know becomes kind `unknown`
/// with its raw bytes.
///
/// ## Input
/// - **One decrypted message** (`{"msgid":…,"action":…,"msgtype":…,…}`), or a **switch record**
///   (`{"msgid":…,"action":"switch","time":…,"user":…}`): one result.
/// - **A whole GetChatData response whose records are already decrypted** (a top-level object with
///   `chatdata`): one result per record, in order. Each `chatdata[i]` carries the decrypted message
///   under the first of ``decryptedMessageKeys`` it has, as an object or as a JSON string; a record
///   that has none of them but has `msgtype` or `action` is itself the message (seq merged in). The
///   record's `seq` goes to `fields["seq"]`. A record still encrypted (only `encrypt_chat_msg`) or a
///   response with a non-zero `errcode` is an issue.
///
/// Raw control bytes inside JSON strings are escaped before decoding
/// (``WeComMessageJSON/escapingControlCharacters(_:)``), never dropped; ``Message/raw`` is the
/// original bytes: the whole input for one message, the exact bytes of `chatdata[i]` for a record of
/// a response (the ciphertext fields and `seq` included; if the record cannot be sliced, which the
/// decoder makes unlikely, the whole response).
///
/// ## Mapping
/// - `source`: `(wecom, account, msgid)`. `account` is the corp id; `msgid` equals the chatdata
///   msgid and is the same on every re-pull, so it is the idempotency key (an `_external` suffix is
///   kept as is). A decrypted message without `msgid` takes the record's; if both are given and
///   differ, the message's wins and the record's goes to `fields["chatdata_msgid"]`.
/// - `conversation`: `roomid` non-empty → group, id = roomid (`collect` gives its `room_name` as
///   title). Otherwise the sorted distinct ids of `from` and `tolist` joined by `|`, so both
///   directions land in one conversation: direct for two parties (`alice|wmXyz`), direct
///   `<id>|<id>` for one (a note to self; a switch record uses its `user`), group for three or more
///   (a group without a roomid). Roomids never contain `|`.
/// - `sender` = `from`, `recipients` = `tolist` (ids as WeCom gives them; no names in the archive).
/// - `sentAt` = `msgtime` (a switch record: `time`) via ``WeComMessageTime`` (unit by magnitude,
///   UTC, offset 0). `msgtime` 0 or absent (the official image example has 0) is still archived:
///   sentAt is 1970-01-01T00:00:00Z and `fields["msgtime_missing"] = "true"`.
/// - `nativeType` = msgtype (`switch` for a switch record); `format` = `wecom`.
///
/// ## Kinds and fields
/// Common fields: `action`, `seq`, `msgtime_missing`, `chatdata_msgid`, `voiceid`, `voipid`
/// (top-level ids of meeting_voice_call / voip_doc_share), `external` = `true` when the msgid ends
/// in `_external` or a party id starts with `wm`/`wo` (external contacts and bots).
///
/// | msgtype | kind | text | fields |
/// |---|---|---|---|
/// | text | text | reply; the part before the first `\n------\n` goes to quotedText | — |
/// | image | image | — | filesize |
/// | voice | audio | — | voice_size, play_length (s) |
/// | video | video | — | filesize, play_length (s) |
/// | emotion | sticker | — | type, type_name (gif/png), width, height, imagesize |
/// | file | file | filename | filename, fileext, filesize |
/// | card | contact | corpname, userid | corpname, userid |
/// | location | location | title, address | latitude, longitude, zoom, title, address |
/// | link | link | title, description, link_url | title, description, link_url, image_url |
/// | weapp | link | displayname, title, description | title, description, username, displayname |
/// | chatrecord | bundle (forwarded) | title, then one line per item `[time] from: text` (placeholder `[image]` … when an item has no text; nested records indented) | title, item_count, items.N.{type, msgtime, from, from_chatroom, text, quoted_text, content_missing, …the item's own fields} |
/// | mixed | mixed | the items' texts | item_count, items.N.{type, text, …} |
/// | todo | text | title, content | title |
/// | vote | poll | votetitle, voteitem… | votetitle, voteitem.N, votetype, votetype_name (start/vote), voteid |
/// | collect | interactive | title, questions | title, room_name, creator, create_time (verbatim local), details.N.{id, ques, type} |
/// | redpacket, external_redpacket | payment | `¥30.00`, wish | type, type_name (normal/lucky/incentive), wish, totalcnt, amount_fen |
/// | meeting | meeting | topic, address, remarks | topic, starttime, endtime, address, meetingtype(_name), meetingid, status(_name) |
/// | docmsg | link | title, link_url | title, link_url, doc_creator |
/// | markdown | text | content | — |
/// | news | link | items' title, description, url | items.N.{title, description, url, picurl} |
/// | calendar | meeting | title, place, remarks | title, creatorname, attendeename.N, starttime, endtime, place |
/// | meeting_voice_call | call | demo file names | endtime, demofiledata.N.{filename, demooperator, starttime, endtime}, sharescreendata.N.{share, starttime, endtime} |
/// | voip_doc_share | file | filename | filename, filesize |
/// | sphfeed | link | sph_name, feed_desc | feed_type, feed_type_name (image/video/live), sph_name |
/// | voiptext | call | — | callduration (s), invitetype, invitetype_name |
/// | qydiskfile | file | filename | filename (media reference without handle) |
/// | revoke | recall, revision `.recall(of: pre_msgid)` | — | — |
/// | agree, disagree | consent | — | decision, userid, time |
/// | switch record | system | — | user |
/// | anything else | unknown | title/content/description/filename if present | — |
///
/// Times in fields are RFC 3339 in UTC. Files named by `sdkfileid` (top level and inside
/// chatrecord/mixed items, recursively) become ``MediaReference``s: handle = sdkfileid,
/// digests `["md5": md5sum]`, names and media types as ``WeComPayloadMedia`` documents.
///
/// ## Issues
/// Input that is not JSON, a message without `msgid` or `msgtype` (other than a switch record),
/// without `from`, a `text` without `content`, a `revoke` without `pre_msgid`, a missing payload
/// object, a field of the wrong type, or an item `content` that is not a JSON object in a string:
/// an issue naming the line and the field (`text.content`, `chatrecord.item[0].content`,
/// `chatdata[2].message.msgtime`); the reason never quotes content. Numbers given as numeric
/// strings and ids given as numbers are accepted.
public struct WeComMessageParser: Sendable {
    public static let formatName = "wecom"

    /// Keys of a GetChatData record under which a decrypted message is accepted, in this order.
    public static let decryptedMessageKeys = [
        "message", "decrypted_msg", "decrypted_message", "decrypt_msg", "decrypted_chat_msg", "msg", "plaintext",
    ]

    public init() {}

    /// Parses one decrypted message, or one GetChatData response with decrypted records.
    ///
    /// - Parameters:
    ///   - bytes: the JSON as `DecryptData` returned it (or the response line).
    ///   - file, line: only label issues.
    ///   - account: the capturing corp id ("" when unknown).
    ///   - seq: the record's GetChatData `seq` when the caller has it (the puller does); goes to
    ///     `fields["seq"]`. Not used for a response, whose records carry their own `seq`.
    public func parse(_ bytes: Data, file: String, line: Int, account: String, seq: UInt64? = nil) -> [ParsedLine] {
        func issue(_ field: String?, _ reason: String) -> [ParsedLine] {
            [.issue(ImportIssue(file: file, line: line, field: field, reason: reason))]
        }
        guard let value = WeComMessageJSON.decode(bytes) else { return issue(nil, "not valid JSON") }
        guard case .object(let top) = value else { return issue(nil, "not a JSON object") }
        let object = WeComPayloadObject(top, path: "")
        guard object.has("chatdata") else {
            return [map(object, raw: bytes, seq: seq.map(String.init), recordMsgid: nil, account: account, file: file, line: line)]
        }
        return parseResponse(object, bytes: bytes, account: account, file: file, line: line)
    }

    private func parseResponse(
        _ response: WeComPayloadObject, bytes: Data, account: String, file: String, line: Int
    ) -> [ParsedLine] {
        func issue(_ field: String?, _ reason: String) -> ParsedLine {
            .issue(ImportIssue(file: file, line: line, field: field, reason: reason))
        }
        let records: [WeComPayloadObject]
        do {
            if let errcode = try response.integer("errcode"), errcode != 0 {
                return [issue("errcode", "the response reports error \(errcode); it holds no messages")]
            }
            records = try response.objects("chatdata")
        } catch let error as WeComPayloadError {
            return [issue(error.field, error.reason)]
        } catch {
            return [issue("chatdata", "cannot be read")]
        }
        let ranges = WeComMessageJSON.elementRanges(ofTopLevelArray: "chatdata", in: bytes)
        let slices = ranges?.count == records.count ? ranges : nil
        return records.enumerated().map { index, record in
            let raw = slices.map { bytes.subdata(in: bytes.startIndex + $0[index].lowerBound ..< bytes.startIndex + $0[index].upperBound) } ?? bytes
            do {
                let seq = try record.identifier("seq")
                let recordMsgid = try record.string("msgid")
                let message: WeComPayloadObject
                if let key = Self.decryptedMessageKeys.first(where: record.has) {
                    switch record.values[key] {
                    case .object(let o):
                        message = WeComPayloadObject(o, path: record.fieldPath(key))
                    case .string(let s):
                        guard case .object(let o)? = WeComMessageJSON.decode(Data(s.utf8)) else {
                            return issue(record.fieldPath(key), "not a JSON object in a string")
                        }
                        message = WeComPayloadObject(o, path: record.fieldPath(key))
                    default:
                        return issue(record.fieldPath(key), "has the wrong type; expected an object or a JSON string")
                    }
                } else if record.has("msgtype") || record.has("action") {
                    message = record
                } else if record.has("encrypt_chat_msg") {
                    return issue(record.path, "the record is still encrypted; decrypt it before parsing")
                } else {
                    return issue(record.fieldPath("message"), "required field is missing")
                }
                return map(message, raw: raw, seq: seq, recordMsgid: recordMsgid, account: account, file: file, line: line)
            } catch let error as WeComPayloadError {
                return issue(error.field, error.reason)
            } catch {
                return issue(record.path, "cannot be read")
            }
        }
    }

    /// Maps one decrypted message object.
    private func map(
        _ m: WeComPayloadObject, raw: Data, seq: String?, recordMsgid: String?, account: String, file: String, line: Int
    ) -> ParsedLine {
        do {
            return .message(try message(m, raw: raw, seq: seq, recordMsgid: recordMsgid, account: account))
        } catch let error as WeComPayloadError {
            return .issue(ImportIssue(file: file, line: line, field: error.field, reason: error.reason))
        } catch {
            return .issue(ImportIssue(file: file, line: line, field: m.path.isEmpty ? nil : m.path, reason: "cannot be read"))
        }
    }

    private func message(
        _ m: WeComPayloadObject, raw: Data, seq: String?, recordMsgid: String?, account: String
    ) throws -> Message {
        let ownMsgid = try m.string("msgid")
        guard let msgid = ownMsgid.flatMap({ $0.isEmpty ? nil : $0 }) ?? recordMsgid.flatMap({ $0.isEmpty ? nil : $0 }) else {
            if ownMsgid != nil { throw WeComPayloadError(field: m.fieldPath("msgid"), reason: "must not be empty") }
            throw WeComPayloadError.missing(m.fieldPath("msgid"))
        }
        var fields: [String: String] = [:]
        if let seq { fields["seq"] = seq }
        if let recordMsgid, !recordMsgid.isEmpty, recordMsgid != msgid { fields["chatdata_msgid"] = recordMsgid }
        let action = try m.string("action")
        if let action { fields["action"] = action }
        let source = SourceRef(channel: .wecom, account: account, nativeID: msgid)

        guard let msgtype = try m.string("msgtype") else {
            guard action == "switch" else { throw WeComPayloadError.missing(m.fieldPath("msgtype")) }
            return try switchRecord(m, source: source, fields: fields, raw: raw)
        }

        let from = try m.requiredString("from")
        let tolist = try m.strings("tolist")
        let roomid = try m.string("roomid") ?? ""
        let sentAt = sentAt(try m.integer("msgtime"), fields: &fields)
        if let voiceid = try m.identifier("voiceid") { fields["voiceid"] = voiceid }
        if let voipid = try m.identifier("voipid") { fields["voipid"] = voipid }
        if msgid.hasSuffix("_external") || ([from] + tolist).contains(where: Self.looksExternal) {
            fields["external"] = "true"
        }

        let renderer = WeComPayloadRenderer(msgid: msgid)
        let rendering = try renderer.render(type: msgtype, payload: try payload(of: m, msgtype: msgtype), itemPath: "", depth: 0)
        for (key, value) in rendering.fields { fields[key] = value }

        var conversation = Self.conversation(roomid: roomid, parties: [from] + tolist)
        conversation.title = rendering.conversationTitle
        return Message(
            source: source, conversation: conversation, sentAt: sentAt, sender: Party(id: from),
            recipients: tolist.map { Party(id: $0) }, text: rendering.text, revision: rendering.revision,
            kind: rendering.kind, nativeType: msgtype, fields: fields, media: rendering.media,
            quotedText: rendering.quotedText, forwarded: rendering.forwarded, format: Self.formatName, raw: raw)
    }

    /// The payload object of a msgtype: its documented key, else a key named as the msgtype, else
    /// `info` (and `agree` for disagree, as one port writes it). A vote may also be at top level.
    /// An unknown msgtype without a payload gets an empty one.
    private func payload(of m: WeComPayloadObject, msgtype: String) throws -> WeComPayloadObject {
        let documented = WeComPayloadRenderer.payloadKey(for: msgtype)
        var keys = [documented, msgtype, "info"]
        if msgtype == "disagree" { keys.append("agree") }
        guard WeComPayloadRenderer.knownTypes.contains(msgtype) else {
            for key in keys {
                if case .object(let o)? = m.values[key] { return WeComPayloadObject(o, path: m.fieldPath(key)) }
            }
            return m
        }
        if let key = keys.first(where: m.has), let o = try m.object(key) { return o }
        if msgtype == "vote" { return m }
        throw WeComPayloadError.missing(m.fieldPath(documented))
    }

    private func switchRecord(_ m: WeComPayloadObject, source: SourceRef, fields: [String: String], raw: Data) throws -> Message {
        var fields = fields
        let user = try m.requiredString("user")
        fields["user"] = user
        let sentAt = sentAt(try m.integer("time"), fields: &fields)
        return Message(
            source: source, conversation: Self.conversation(roomid: "", parties: [user]), sentAt: sentAt,
            sender: Party(id: user), kind: .system, nativeType: "switch", fields: fields,
            format: Self.formatName, raw: raw)
    }

    private func sentAt(_ epoch: Int64?, fields: inout [String: String]) -> Timestamp {
        guard let epoch, epoch != 0 else {
            fields["msgtime_missing"] = "true"
            return Timestamp(seconds: 0)
        }
        return WeComMessageTime.timestamp(epoch: epoch)
    }

    /// External contacts (`wm…`, `wo…`) and bots, which WeCom ids the same way.
    static func looksExternal(_ id: String) -> Bool { id.hasPrefix("wm") || id.hasPrefix("wo") }

    /// The conversation of a message: the room, or the sorted distinct parties joined by `|`.
    public static func conversation(roomid: String, parties: [String]) -> Conversation {
        if !roomid.isEmpty { return Conversation(id: roomid, kind: .group) }
        var ids = Array(Set(parties.filter { !$0.isEmpty })).sorted()
        if ids.count <= 1 { ids = [ids.first ?? "", ids.first ?? ""] }
        return Conversation(id: ids.joined(separator: "|"), kind: ids.count > 2 ? .group : .direct)
    }
}
