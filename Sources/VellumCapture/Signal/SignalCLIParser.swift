public import Foundation
import VellumCore

/// Why a signal-cli line gave no items, when it gave none on purpose.
public enum SignalCLISkip: String, Sendable, Hashable {
    /// A typing indicator (`typingMessage`): a presence signal, not a communication. Counted by
    /// the caller, not archived.
    case typing
    /// A JSON-RPC request, response or error that is not a `receive` notification (the daemon's
    /// own traffic: `listGroups`, `send` results …).
    case rpcControl
    /// An empty or whitespace-only line.
    case blank
}

/// What one signal-cli line gave: messages and issues, or a reason it gave nothing.
public struct SignalCLIParseResult: Sendable {
    public var items: [ParsedLine]
    public var skipped: SignalCLISkip?

    public init(items: [ParsedLine] = [], skipped: SignalCLISkip? = nil) {
        self.items = items
        self.skipped = skipped
    }
}

/// Reads signal-cli's JSON output, one line at a time: a `receive` notification of the JSON-RPC
/// daemon (`{"jsonrpc":"2.0","method":"receive","params":{"envelope":…,"account":…}}`, also
/// wrapped as `params.result` under `subscribeReceive`), or a line of
/// `signal-cli -o json receive` (`{"envelope":…,"account":…}`).
///
/// **Identity.** Signal names a message by (author, sent timestamp). The author key is the ACI
/// UUID when known, else the number: native id `<author uuid or number>:<sent timestamp ms>`.
/// Edits (`editMessage`, at envelope level), reactions, quotes and remote deletes point at
/// `<target author>:<targetSentTimestamp>` the same way, so they link to the original. Each of
/// them is also a message of its own with its own `<author>:<timestamp>`.
///
/// **Own messages.** A linked device receives what the account sent from its other devices as
/// `syncMessage.sentMessage`: sender = the account, recipient = the destination. The author key is
/// the envelope's `sourceUuid` (the account's own ACI). Receipts (`receiptMessage`) name the
/// account's messages by timestamp only, so their target is `<accountUUID>:<ts>`: pass the
/// account's ACI to ``init(accountUUID:)`` for receipts to link (without it the target uses the
/// account's number and the field `target_author_basis` says `account_number`).
///
/// **Parties.** `Party(id: number ?? uuid, name: sourceName)`, the number first because the
/// pipeline matches people by phone number; the UUID is always in the fields `source.uuid`,
/// `destination.uuid`.
///
/// **Conversations.** A group's id is `groupInfo.groupId` (title `groupName` when given); a
/// direct conversation's id is the other party's author key (UUID, else number), whichever
/// direction the message went, so both directions land in one conversation. Direct recipients:
/// the account for incoming messages, the destination for sent ones; group recipients are not
/// listed.
///
/// **Kinds.** text; image/video/audio/file from the attachments' `contentType` (`mixed` when
/// they differ); sticker; contact (`contacts[]`); payment; poll (`pollCreate`, `pollVote`,
/// `pollTerminate`); reaction (`.reaction(to:)`, emoji or "" when `isRemove`); recall
/// (`remoteDelete`, `adminDelete`); system (group updates, timer changes, pins); call
/// (`callMessage`); status (`receiptMessage`, `syncMessage.readMessages`/`viewedMessages`:
/// one item per timestamp, `.status(of:)`, id `<reader>:receipt:<status>:<target id>`); story;
/// unknown (anything else, decryption failures with `exception.type`/`exception.message`).
/// Typing indicators are skipped (``SignalCLISkip/typing``).
///
/// **Text** is the body with mention placeholders (U+FFFC) replaced by `@name` (or number), plus
/// attachment file names and captions, shared contacts' names and numbers, link previews' titles
/// and descriptions, poll questions and options, on their own lines.
///
/// **Fields:** `timestamp`, `source.uuid|number|device`, `destination.uuid|number`,
/// `server_received_timestamp`, `server_delivered_timestamp`, `group.id|name|type|revision`,
/// `expires_in_seconds`, `is_expiration_update`, `view_once`, `mentions.N.uuid|number|name|start|length`,
/// `text_styles.N.style|start|length`, `attachments.N.id|content_type|filename|size|width|height|caption|upload_timestamp`,
/// `quote.id|author_uuid|author_number`, `reaction.emoji|target_author|target_sent_timestamp|is_remove`,
/// `remote_delete.target_sent_timestamp`, `edit.target_sent_timestamp`, `sticker.*`, `contacts.N.*`,
/// `previews.N.url|title|description`, `payment.*`, `story_context.*`, `poll_create.*`,
/// `poll_vote.*`, `poll_terminate.*`, `pin_message.*`, `unpin_message.*`, `admin_delete.*`,
/// `call.*`, `status`, `status.at`, `sync.type`.
///
/// **Raw** is the whole line (a line is one envelope; receipts that fan out share it).
public struct SignalCLIParser: Sendable {
    public static let formatName = "signal-cli"

    /// The account's own ACI UUID, to name its messages in receipts.
    public var accountUUID: String?

    public init(accountUUID: String? = nil) {
        self.accountUUID = accountUUID
    }

    /// Parses one line (without its newline). `file` and `line` label issues; `account` is the
    /// capturing account, used when the line does not name it (the line's `account` wins).
    public func parse(_ bytes: Data, file: String, line: Int, account: String = "") -> SignalCLIParseResult {
        func issue(_ field: String?, _ reason: String) -> SignalCLIParseResult {
            SignalCLIParseResult(items: [.issue(ImportIssue(file: file, line: line, field: field, reason: reason))])
        }
        guard let root = CaptureJSON.parse(bytes) else {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
                return SignalCLIParseResult(skipped: .blank)
            }
            return issue(nil, "not valid JSON")
        }
        guard root.isObject else { return issue(nil, "not a JSON object") }
        do {
            var containers: [CaptureJSON] = []
            if root["envelope"].exists {
                containers = [root]
            } else if root["jsonrpc"].exists || root["method"].exists || root["id"].exists {
                if let method = try root["method"].string() {
                    guard method == "receive" else { return SignalCLIParseResult(skipped: .rpcControl) }
                    let params = try root["params"].requiredObject()
                    containers = [params["envelope"].exists ? params : try params["result"].requiredObject()]
                } else if let results = try? root["result"].array(), results.contains(where: { $0["envelope"].isObject }) {
                    // The reply to a `receive` request in manual mode: a list of envelopes.
                    containers = results.filter { $0["envelope"].isObject }
                } else {
                    return SignalCLIParseResult(skipped: .rpcControl)
                }
            } else {
                throw root["envelope"].missing()
            }
            var result = SignalCLIParseResult()
            for container in containers {
                let lineAccount = try container["account"].string() ?? account
                let context = SignalCLIEnvelope(account: lineAccount, accountUUID: accountUUID, raw: bytes)
                let envelope = try container["envelope"].requiredObject()
                if envelope["typingMessage"].exists, containers.count == 1 {
                    return SignalCLIParseResult(skipped: .typing)
                }
                result.items += try context.messages(envelope).map { .message($0) }
            }
            return result
        } catch let e as CaptureJSONError {
            return issue(e.path, e.reason)
        } catch {
            return issue(nil, "cannot be read")
        }
    }
}
