/// Telegram's identifiers in one form for both capture paths (Bot API updates and Telegram
/// Desktop exports), so that the same message gets the same native id whichever path brings it.
///
/// **Native message id:** `<chat id in Bot API form>:<message_id>`. Message ids are unique per
/// chat only, so the chat is part of the key.
///
/// **Bot API chat ids** are: a user's id (positive) for private chats; `-<id>` for basic groups;
/// `-100<id>` (that is `-(10^12 + id)`) for supergroups and channels.
///
/// **Telegram Desktop exports** write the chat's *bare* id (always positive, tdesktop's
/// `PeerToBareId`) together with a `type`, so the Bot API form is recovered from the pair:
///
/// | export `type` | Bot API id |
/// |---|---|
/// | `personal_chat`, `bot_chat`, `saved_messages`, `replies`, `verification_codes` | `id` |
/// | `private_group` | `-id` |
/// | `private_supergroup`, `public_supergroup`, `private_channel`, `public_channel` | `-100id` |
/// | anything else, or an id that is already negative | `id` unchanged |
///
/// Peers inside messages (`from_id`, `actor_id`, `reply_to_peer_id`) carry their namespace as a
/// prefix: `user123` → `123`, `chat123` → `-123`, `channel123` → `-100123`.
///
/// Not undone: exports written by tdesktop around May 2021 are reported to carry ids with
/// tdesktop's internal peer-type shift added (formats.md §C.2, unverified). Undoing it blindly
/// would corrupt today's 64-bit user ids (many exceed 2^32), so ids are mapped as written and the
/// export's own id is kept in the field `export.chat_id` for a later re-mapping.
///
/// **Where the ids match:** supergroup and channel message ids are the same for every viewer, so
/// export and Bot API ids are equal there. Private-chat and basic-group message ids are numbered
/// per *account*: they match when the Bot API update comes from a Telegram Business connection of
/// the same account that made the export (the compliance set-up), not for a bot's own chats.
public enum TelegramIDs {
    /// `10^12`: the offset of supergroup and channel ids in the Bot API (`-100<id>`).
    public static let channelOffset: Int64 = 1_000_000_000_000

    /// The Bot API form of a chat id from a Telegram Desktop export's (`type`, `id`).
    public static func botAPIChatID(exportType: String?, exportID: Int64) -> Int64 {
        guard exportID > 0 else { return exportID }
        switch exportType {
        case "personal_chat", "bot_chat", "saved_messages", "replies", "verification_codes":
            return exportID
        case "private_group":
            return -exportID
        case "private_supergroup", "public_supergroup", "private_channel", "public_channel":
            return -(channelOffset + exportID)
        default:
            return exportID
        }
    }

    /// Whether an export chat `type` is a one-to-one conversation.
    public static func isDirect(exportType: String?) -> Bool? {
        switch exportType {
        case "personal_chat", "bot_chat", "saved_messages", "replies", "verification_codes": true
        case "private_group", "private_supergroup", "public_supergroup", "private_channel", "public_channel": false
        default: nil
        }
    }

    /// The Bot API form of an export peer (`user123`, `chat123`, `channel123`); nil when the text
    /// has none of these prefixes followed by digits.
    public static func botAPIPeerID(_ peer: String) -> Int64? {
        for (prefix, map) in [("user", { (i: Int64) in i }), ("channel", { -(channelOffset + $0) }), ("chat", { -$0 })] {
            if peer.hasPrefix(prefix), let bare = Int64(peer.dropFirst(prefix.count)), bare > 0 {
                return map(bare)
            }
        }
        return nil
    }

    /// `<chat>:<message>`: the native id of a message.
    public static func nativeID(chat: Int64, message: Int64) -> String { "\(chat):\(message)" }

    /// A person's display name as this capture writes it: `First Last (@user)`.
    static func displayName(first: String?, last: String?, username: String?) -> String? {
        let full = [first, last].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let handle = username.flatMap { $0.isEmpty ? nil : "@" + $0 }
        switch (full.isEmpty, handle) {
        case (false, let h?): return "\(full) (\(h))"
        case (false, nil): return full
        case (true, let h?): return h
        case (true, nil): return nil
        }
    }

    static let tooLarge = "omitted by the exporter: exceeds the maximum size"

    /// The placeholders tdesktop writes instead of a path when a file was not exported, and
    /// what the media reference's note says for each.
    static let skippedFileMarkers: [(String, String)] = [
        // (placeholder, note)
        ("(File not included. Change data exporting settings to download.)", "omitted by the exporter"),
        ("(File exceeds maximum size. Change data exporting settings to download.)", tooLarge),
        ("(File unavailable, please try again later)", "omitted by the exporter: unavailable"),
        ("(Photo not included. Change data exporting settings to download.)", "omitted by the exporter"),
        ("(Photo exceeds maximum size. Change data exporting settings to download.)", tooLarge),
        ("(Photo unavailable, please try again later)", "omitted by the exporter: unavailable"),
    ]
}

