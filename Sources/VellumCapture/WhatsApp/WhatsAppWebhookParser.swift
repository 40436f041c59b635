public import Foundation
import VellumCore

/// Reads WhatsApp Business **Cloud API** webhook POST bodies (format `whatsapp-cloud`).
///
/// One body batches several `entry[]`, each several `changes[]`, each several `messages[]`,
/// `statuses[]` or `message_echoes[]`: every one becomes one ``ParsedLine``, in body order.
/// Verify the signature first (`WhatsAppSignature.verify(body:header:appSecret:)`) on the same bytes.
///
/// **Routing on `changes[].field`:** `messages` (inbound messages and statuses of outbound ones) and
/// `smb_message_echoes` (messages the employee sent from the WhatsApp Business app on a
/// coexistence number: outbound, sent by the business number) are read. Any other field
/// (`account_update`, `message_template_status_update`, `smb_app_state_sync`, `history`, calls …)
/// carries no chat message of this parser's kind and becomes one issue naming the field, so the
/// body is quarantined rather than silently ignored.
///
/// **Identity.**
/// - The capturing account (``SourceRef/account``) is `metadata.phone_number_id`.
/// - The business party is `metadata.display_phone_number` (the phone number, so the pipeline's
///   phone normalization links it), or the phone number id when that is missing.
/// - The customer is keyed on the business-scoped user id when the payload has one (the message's
///   `from_user_id`/`to_user_id`, a status's `recipient_user_id`, or `user_id` of the matching
///   `contacts[]` entry), else on the phone (`from`, `to`, `wa_id`, `recipient_id`). Both are also
///   kept in `fields` (`customer.wa_id`, `customer.user_id`, `customer.parent_user_id`,
///   `customer.username`) so the pipeline can link a BSUID to a phone. Consequence: payloads
///   without a BSUID (system messages have no `contacts`; failed statuses omit it) key the same
///   person on the phone.
/// - The name is `contacts[].profile.name`.
/// - The conversation is direct, with id = the customer's id and title = the name; a message with
///   a `group_id` (or a status with `recipient_type: group`) is in that group.
///
/// **Native ids.**
/// - Messages, echoes, edits, revokes and reactions: the `wamid` (`messages[].id`), so Meta's
///   retries (up to days) are idempotent.
/// - Statuses: `<wamid>:status:<status>:<timestamp>`, plus `:<participant>` for group statuses.
///   A repeated identical status (a retry) maps to the same id and is a duplicate; statuses
///   arriving out of order are separate records linked by `revision: .status(of: <wamid>)`, so
///   the order of arrival does not matter.
///
/// **Fields.** The message (or status) object flattened with dotted keys, arrays by index
/// (`image.mime_type`, `location.latitude`, `context.id`, `referral.headline`, `errors.0.code`,
/// `order.product_items.1.quantity`), except `id`, `type`, `timestamp` and `text.body` (already in
/// the message); numbers are kept as written. Plus `direction` (`inbound`/`outbound`),
/// `webhook.field`, `waba_id`, `business.phone_number_id`, `business.display_phone_number`,
/// `customer.*`, and `change_errors.*` when the change's `value.errors` reports a problem.
/// Statuses keep `status`, `recipient_id`, `timestamp`, `conversation.*`, `pricing.*`, `errors.*`.
///
/// **Raw.** Each item's own bytes, sliced from the body (the `{…}` of that message or status, with
/// Meta's escapes untouched). The envelope (metadata, contacts) is not in the slice; what it said
/// is in `fields`.
public struct WhatsAppWebhookParser: Sendable {
    public static let formatName = "whatsapp-cloud"

    public init() {}

    /// Parses one POST body. `file` and `line` only label issues (e.g. a spool file of bodies).
    public func parse(body: Data, file: String, line: Int) -> [ParsedLine] {
        let bytes = [UInt8](body)
        func issue(_ field: String?, _ reason: String) -> ParsedLine {
            .issue(ImportIssue(file: file, line: line, field: field, reason: reason))
        }
        let root: WhatsAppJSON
        do {
            root = try WhatsAppJSON.parse(bytes)
        } catch {
            return [issue(nil, "the body is not valid JSON (byte \(error.offset): \(error.reason))")]
        }
        guard root.members != nil else { return [issue(nil, "the body is not a JSON object")] }
        if let object = root["object"] {
            guard object.string == "whatsapp_business_account" else {
                return [issue("object", "expected \"whatsapp_business_account\"")]
            }
        }
        guard let entries = root["entry"]?.array else {
            return [issue("entry", root["entry"] == nil ? "required field is missing" : "has the wrong type; expected an array")]
        }
        var out: [ParsedLine] = []
        let reader = Reader(bytes: bytes, file: file, line: line)
        for (e, entry) in entries.enumerated() {
            guard let changes = entry["changes"]?.array else {
                out.append(issue("entry[\(e)].changes", "required array is missing"))
                continue
            }
            for (c, change) in changes.enumerated() {
                out += reader.change(change, path: "entry[\(e)].changes[\(c)]", wabaID: entry["id"]?.nonEmptyText)
            }
        }
        if entries.isEmpty { out.append(issue("entry", "is empty: the body carries nothing")) }
        return out
    }
}

// MARK: - Reading one change

private struct ChangeContext {
    var valuePath: String
    var field: String
    var wabaID: String?
    var phoneNumberID: String
    var displayPhoneNumber: String?
    var contacts: [WhatsAppJSON]
    var valueErrors: WhatsAppJSON?

    var business: Party { Party(id: displayPhoneNumber ?? phoneNumberID) }

    var baseFields: [String: String] {
        var f: [String: String] = ["webhook.field": field, "business.phone_number_id": phoneNumberID]
        f["business.display_phone_number"] = displayPhoneNumber
        f["waba_id"] = wabaID
        if let errors = valueErrors { errors.flatten(into: &f, prefix: "change_errors") }
        return f
    }

    /// Whether an id names the business itself (its display number or phone number id).
    func isBusiness(_ id: String?) -> Bool {
        guard let id else { return false }
        return id == displayPhoneNumber || id == phoneNumberID
    }
}

private struct Customer {
    var id: String
    var name: String?
    var waID: String?
    var userID: String?
    var parentUserID: String?
    var username: String?

    var party: Party { Party(id: id, name: name) }

    func addFields(to f: inout [String: String]) {
        f["customer.wa_id"] = waID
        f["customer.user_id"] = userID
        f["customer.parent_user_id"] = parentUserID
        f["customer.username"] = username
    }
}

/// A content mapping failure: the field path (relative to the message) and the reason.
private struct ContentFailure: Error {
    var field: String
    var reason: String
}

private struct Content {
    var kind: MessageKind
    var nativeType: String
    var text: String?
    var media: [MediaReference] = []
    var revision: Revision?
}

private struct Reader {
    let bytes: [UInt8]
    let file: String
    let line: Int

    func issue(_ field: String?, _ reason: String) -> ParsedLine {
        .issue(ImportIssue(file: file, line: line, field: field, reason: reason))
    }

    func raw(_ v: WhatsAppJSON) -> Data { Data(bytes[v.range]) }

    func change(_ change: WhatsAppJSON, path: String, wabaID: String?) -> [ParsedLine] {
        guard change.members != nil else { return [issue(path, "has the wrong type; expected an object")] }
        guard let field = change["field"]?.nonEmptyText else { return [issue(path + ".field", "required field is missing")] }
        guard let value = change["value"], value.members != nil else {
            return [issue(path + ".value", "required object is missing")]
        }
        let valuePath = path + ".value"
        let itemKeys: [(key: String, outbound: Bool, isStatus: Bool)]
        switch field {
        case "messages":
            itemKeys = [("messages", false, false), ("statuses", false, true)]
        case "smb_message_echoes":
            itemKeys = [("message_echoes", true, false), ("messages", true, false)]
        default:
            return [issue(path + ".field", "change field \"\(field)\" carries no chat messages; not archived as messages")]
        }
        guard let phoneNumberID = value["metadata"]?["phone_number_id"]?.nonEmptyText else {
            return [issue(valuePath + ".metadata.phone_number_id", "required field is missing: the capturing account is unknown")]
        }
        let ctx = ChangeContext(
            valuePath: valuePath, field: field, wabaID: wabaID, phoneNumberID: phoneNumberID,
            displayPhoneNumber: value["metadata"]?["display_phone_number"]?.nonEmptyText,
            contacts: value["contacts"]?.array ?? [], valueErrors: value["errors"].flatMap { $0.array?.isEmpty == false ? $0 : nil })
        var out: [ParsedLine] = []
        var sawItems = false
        for (key, outbound, isStatus) in itemKeys {
            guard let node = value[key] else { continue }
            guard let items = node.array else {
                out.append(issue(valuePath + "." + key, "has the wrong type; expected an array"))
                continue
            }
            sawItems = sawItems || !items.isEmpty
            for (k, item) in items.enumerated() {
                let itemPath = "\(valuePath).\(key)[\(k)]"
                out.append(isStatus ? status(item, path: itemPath, ctx: ctx) : message(item, path: itemPath, ctx: ctx, outbound: outbound))
            }
        }
        if !sawItems && out.isEmpty {
            if let errors = ctx.valueErrors?.array {
                let codes = errors.compactMap { $0["code"]?.scalarText }.joined(separator: ", ")
                out.append(issue(valuePath + ".errors", "the change reports errors (codes: \(codes.isEmpty ? "none given" : codes)) and carries no message"))
            } else {
                out.append(issue(valuePath, "carries no messages, statuses or echoes"))
            }
        }
        return out
    }

    // MARK: Identity

    /// Finds the customer: the contact entry that matches the phone or the user id (or the only
    /// contact when neither is given), keyed on the BSUID when any is known.
    func customer(phone: String?, userID: String?, parentUserID: String?, ctx: ChangeContext) -> Customer? {
        let contact: WhatsAppJSON? =
            ctx.contacts.first(where: { c in
                if let userID, c["user_id"]?.nonEmptyText == userID { return true }
                if let phone, c["wa_id"]?.nonEmptyText == phone { return true }
                return false
            }) ?? ((phone == nil && userID == nil && ctx.contacts.count == 1) ? ctx.contacts[0] : nil)
        let waID = phone ?? contact?["wa_id"]?.nonEmptyText
        let bsuid = userID ?? contact?["user_id"]?.nonEmptyText
        guard let id = bsuid ?? waID else { return nil }
        return Customer(
            id: id, name: contact?["profile"]?["name"]?.nonEmptyText, waID: waID, userID: bsuid,
            parentUserID: parentUserID ?? contact?["parent_user_id"]?.nonEmptyText,
            username: contact?["profile"]?["username"]?.nonEmptyText ?? contact?["username"]?.nonEmptyText)
    }

    static func seconds(_ v: WhatsAppJSON?) -> Int64? {
        guard let t = v?.scalarText, !t.isEmpty, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(t)
    }

    // MARK: Messages and echoes

    func message(_ m: WhatsAppJSON, path: String, ctx: ChangeContext, outbound: Bool) -> ParsedLine {
        guard m.members != nil else { return issue(path, "has the wrong type; expected an object") }
        guard let id = m["id"]?.nonEmptyText else { return issue(path + ".id", "required field is missing") }
        guard let seconds = Self.seconds(m["timestamp"]) else {
            return issue(path + ".timestamp", m["timestamp"] == nil ? "required field is missing" : "not a whole number of epoch seconds")
        }
        let type = m["type"]?.nonEmptyText ?? "unknown"

        let cust: Customer?
        if outbound {
            // The counterpart of an echo is `to`; some payloads carry the business number in `to`
            // and the customer in `from`, so take whichever is not the business.
            var phone = m["to"]?.nonEmptyText
            if ctx.isBusiness(phone), let from = m["from"]?.nonEmptyText, !ctx.isBusiness(from) { phone = from }
            cust = customer(
                phone: phone, userID: m["to_user_id"]?.nonEmptyText, parentUserID: m["to_parent_user_id"]?.nonEmptyText, ctx: ctx)
        } else {
            cust = customer(
                phone: m["from"]?.nonEmptyText, userID: m["from_user_id"]?.nonEmptyText,
                parentUserID: m["from_parent_user_id"]?.nonEmptyText, ctx: ctx)
        }
        guard let cust else {
            return issue(path + (outbound ? ".to" : ".from"), "required field is missing: no phone or user id for the customer")
        }

        let content: Content
        do {
            content = try self.content(of: m, type: type, depth: 0)
        } catch {
            return issue(path + "." + error.field, error.reason)
        }

        var fields = ctx.baseFields
        fields["direction"] = outbound ? "outbound" : "inbound"
        cust.addFields(to: &fields)
        m.flatten(into: &fields, prefix: "", skipping: ["id", "type", "timestamp", "text.body", "edit.message.text.body"])

        var forwarded = false
        var replyTo: String?
        if let context = m["context"] {
            forwarded = context["forwarded"]?.bool == true || context["frequently_forwarded"]?.bool == true
            replyTo = context["id"]?.nonEmptyText
        }

        let conversation: Conversation
        if let group = m["group_id"]?.nonEmptyText {
            conversation = Conversation(id: group, kind: .group, title: m["group_subject"]?.nonEmptyText)
        } else {
            conversation = Conversation(id: cust.id, kind: .direct, title: cust.name)
        }
        return .message(Message(
            source: SourceRef(channel: .whatsapp, account: ctx.phoneNumberID, nativeID: id),
            conversation: conversation,
            sentAt: Timestamp(seconds: seconds),
            sender: outbound ? ctx.business : cust.party,
            recipients: outbound ? [cust.party] : [ctx.business],
            text: content.text,
            replyTo: replyTo,
            revision: content.revision,
            kind: content.kind,
            nativeType: content.nativeType,
            fields: fields,
            media: content.media,
            forwarded: forwarded,
            format: WhatsAppWebhookParser.formatName,
            raw: raw(m)))
    }

    private static func joined(_ parts: [String?], separator: String = "\n") -> String? {
        let kept = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: separator)
    }

    private static let mediaKinds: [String: MessageKind] = [
        "image": .image, "video": .video, "audio": .audio, "document": .file, "sticker": .sticker,
    ]

    /// Maps the type-specific part of a message. Throws when a revision lacks its target id.
    private func content(of m: WhatsAppJSON, type: String, depth: Int) throws(ContentFailure) -> Content {
        let body = m[type]
        if let kind = Self.mediaKinds[type] {
            let o = body
            var digests: [String: String] = [:]
            if let s = o?["sha256"]?.nonEmptyText, let d = WhatsAppMediaReference.sha256Bytes(s) { digests["sha256"] = d.hexString }
            let filename = o?["filename"]?.nonEmptyText
            let ref = MediaReference(
                handle: o?["id"]?.nonEmptyText ?? "", name: filename, mediaType: o?["mime_type"]?.nonEmptyText,
                size: o?["file_size"]?.scalarText.flatMap { Int64($0) }, digests: digests,
                note: o?["id"]?.nonEmptyText == nil ? "no media id in the webhook" : WhatsAppMediaReference.notFetchedNote)
            return Content(
                kind: kind, nativeType: type, text: Self.joined([o?["caption"]?.string, filename]),
                media: o == nil ? [] : [ref])
        }
        switch type {
        case "text":
            return Content(kind: .text, nativeType: type, text: body?["body"]?.string)
        case "location":
            return Content(kind: .location, nativeType: type, text: Self.joined([body?["name"]?.string, body?["address"]?.string]))
        case "contacts":
            let cards = (m["contacts"]?.array ?? []).map { c -> String? in
                var parts: [String?] = [c["name"]?["formatted_name"]?.string]
                parts += (c["phones"]?.array ?? []).map { $0["phone"]?.string ?? $0["wa_id"]?.string }
                parts += (c["emails"]?.array ?? []).map { $0["email"]?.string }
                parts.append(c["org"]?["company"]?.string)
                return Self.joined(parts, separator: " ")
            }
            return Content(kind: .contact, nativeType: type, text: Self.joined(cards))
        case "interactive":
            guard let sub = body?["type"]?.nonEmptyText else { return Content(kind: .interactive, nativeType: type) }
            let reply = body?[sub]
            return Content(
                kind: .interactive, nativeType: "interactive." + sub,
                text: Self.joined([
                    reply?["title"]?.string, reply?["description"]?.string, reply?["body"]?.string,
                    reply?["response_json"]?.string,
                ]))
        case "button":
            return Content(kind: .interactive, nativeType: type, text: body?["text"]?.string ?? body?["payload"]?.string)
        case "order":
            var lines: [String?] = [body?["text"]?.string]
            for item in body?["product_items"]?.array ?? [] {
                let id = item["product_retailer_id"]?.scalarText ?? "?"
                let qty = item["quantity"]?.scalarText ?? "?"
                var line = "\(id) × \(qty)"
                if let price = item["item_price"]?.scalarText {
                    line += " @ \(price)" + (item["currency"]?.scalarText.map { " " + $0 } ?? "")
                }
                lines.append(line)
            }
            return Content(kind: .payment, nativeType: type, text: Self.joined(lines))
        case "reaction":
            guard let target = body?["message_id"]?.nonEmptyText else {
                throw ContentFailure(field: "reaction.message_id", reason: "required field is missing: the reaction has no target")
            }
            // An empty or missing emoji removes the reaction.
            return Content(kind: .reaction, nativeType: type, text: body?["emoji"]?.string ?? "", revision: .reaction(to: target))
        case "edit":
            guard let target = body?["original_message_id"]?.nonEmptyText else {
                throw ContentFailure(field: "edit.original_message_id", reason: "required field is missing: the edit has no target")
            }
            var inner = Content(kind: .text, nativeType: "edit")
            if depth == 0, let newMessage = body?["message"], newMessage.members != nil {
                let innerType = newMessage["type"]?.nonEmptyText ?? "unknown"
                do {
                    inner = try content(of: newMessage, type: innerType, depth: depth + 1)
                } catch {
                    throw ContentFailure(field: "edit.message." + error.field, reason: error.reason)
                }
            }
            return Content(
                kind: inner.revision == nil ? inner.kind : .unknown, nativeType: "edit", text: inner.text, media: inner.media,
                revision: .edit(of: target))
        case "revoke":
            guard let target = body?["original_message_id"]?.nonEmptyText else {
                throw ContentFailure(field: "revoke.original_message_id", reason: "required field is missing: the deletion has no target")
            }
            return Content(kind: .recall, nativeType: type, revision: .recall(of: target))
        case "system":
            let sub = body?["type"]?.nonEmptyText
            return Content(kind: .system, nativeType: sub.map { "system." + $0 } ?? type, text: body?["body"]?.string)
        case "request_welcome":
            return Content(kind: .system, nativeType: type)
        case "unsupported":
            let sub = body?["type"]?.nonEmptyText
            return Content(kind: .unknown, nativeType: sub.map { "unsupported." + $0 } ?? type)
        default:
            // A type this parser does not know: archived verbatim, with any text it can salvage.
            return Content(
                kind: .unknown, nativeType: type,
                text: Self.joined([body?["body"]?.string, body?["text"]?.string, body?["caption"]?.string]))
        }
    }

    // MARK: Statuses

    func status(_ s: WhatsAppJSON, path: String, ctx: ChangeContext) -> ParsedLine {
        guard s.members != nil else { return issue(path, "has the wrong type; expected an object") }
        guard let id = s["id"]?.nonEmptyText else { return issue(path + ".id", "required field is missing") }
        guard let status = s["status"]?.nonEmptyText else { return issue(path + ".status", "required field is missing") }
        guard let seconds = Self.seconds(s["timestamp"]) else {
            return issue(path + ".timestamp", s["timestamp"] == nil ? "required field is missing" : "not a whole number of epoch seconds")
        }
        var fields = ctx.baseFields
        fields["direction"] = "outbound"
        s.flatten(into: &fields, prefix: "", skipping: ["id"])

        let conversation: Conversation
        let recipient: Party
        var nativeID = "\(id):status:\(status):\(seconds)"
        if s["recipient_type"]?.string == "group", let group = s["recipient_id"]?.nonEmptyText {
            conversation = Conversation(id: group, kind: .group)
            let participant = s["recipient_participant_user_id"]?.nonEmptyText ?? s["recipient_participant_id"]?.nonEmptyText
            recipient = Party(id: participant ?? group)
            if let participant { nativeID += ":" + participant }
        } else {
            guard let cust = customer(
                phone: s["recipient_id"]?.nonEmptyText, userID: s["recipient_user_id"]?.nonEmptyText,
                parentUserID: s["recipient_parent_user_id"]?.nonEmptyText, ctx: ctx)
            else { return issue(path + ".recipient_id", "required field is missing") }
            cust.addFields(to: &fields)
            conversation = Conversation(id: cust.id, kind: .direct, title: cust.name)
            recipient = cust.party
        }
        return .message(Message(
            source: SourceRef(channel: .whatsapp, account: ctx.phoneNumberID, nativeID: nativeID),
            conversation: conversation,
            sentAt: Timestamp(seconds: seconds),
            sender: ctx.business,
            recipients: [recipient],
            revision: .status(of: id),
            kind: .status,
            nativeType: "status." + status,
            fields: fields,
            format: WhatsAppWebhookParser.formatName,
            raw: raw(s)))
    }
}
