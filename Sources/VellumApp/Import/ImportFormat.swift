public import Foundation
import VellumCapture

/// What an import needs to know that the file does not say: whose account captured it, the
/// time zone of an export's local times, the chat's name.
///
/// Kept with anything quarantined, so a retry reads the payload the same way.
public struct ImportOptions: Sendable, Hashable, Codable {
    /// The capturing account (a WeCom corp id, the exporting phone number, a bot's name).
    public var account: String?
    /// An IANA zone for exports that write local times without an offset.
    public var timeZone: String?
    /// The chat's name, for exports that do not carry it.
    public var chat: String?
    /// signal-cli's attachment folder: attachments are read from it by id and sealed with
    /// their message.
    public var attachments: String?

    public init(account: String? = nil, timeZone: String? = nil, chat: String? = nil, attachments: String? = nil) {
        self.account = account
        self.timeZone = timeZone
        self.chat = chat
        self.attachments = attachments
    }

    public var isEmpty: Bool { account == nil && timeZone == nil && chat == nil && attachments == nil }
}

/// The file formats `vellum import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// Vellum's own interchange format (docs/formats/vellum-jsonl.md).
    case jsonl
    /// WeCom session-archive messages as `DecryptData` returns them, one per line, or GetChatData
    /// responses whose records carry the decrypted message; `--account` is the corp id.
    case wecom
    /// Telegram Bot API `Update`s, one per line (webhook bodies as received); `--account` names
    /// the bot connection.
    case telegramBot = "telegram-bot"
    /// signal-cli `receive` output (`--output=json`) or JSON-RPC notifications, one per line;
    /// `--account` is the account's number.
    case signalCLI = "signal-cli"
    /// WhatsApp Cloud API webhook bodies, one per line (as received); the account is in each body.
    case whatsappCloud = "whatsapp-cloud"
    /// A WhatsApp "Export chat" `.txt` or `.zip` (read whole); `--account` is the exporting
    /// phone, `--timezone` the phone's zone.
    case whatsappExport = "whatsapp-export"
    /// A Telegram Desktop export's `result.json` or its folder (read whole).
    case telegramExport = "telegram-export"

    /// Formats whose files must be read whole: messages span lines, or the file is one JSON document.
    var readsWholeFile: Bool { self == .whatsappExport || self == .telegramExport }

    /// Parses one line, or one payload such as a webhook body, into pipeline items: each message
    /// as a message, each issue as the payload quarantined under this format with its reason.
    /// `file` and `line` only label issues.
    public func items(_ bytes: Data, file: String, line: Int, options: ImportOptions = .init()) -> [IncomingItem] {
        parse(bytes, file: file, line: line, options: options).map { parsed -> IncomingItem in
            switch parsed {
            case .message(let m): .message(m)
            case .issue(let issue): .unreadable(issue, raw: bytes, format: rawValue, options: options)
            }
        }
    }

    /// Parses one line (or one payload) into the items it holds.
    func parse(_ bytes: Data, file: String, line: Int, options: ImportOptions) -> [ParsedLine] {
        switch self {
        case .jsonl: [VellumJSONLinesParser().parse(bytes, file: file, line: line)]
        case .wecom: WeComMessageParser().parse(bytes, file: file, line: line, account: options.account ?? "")
        case .telegramBot:
            TelegramUpdateParser().parse(bytes, file: file, line: line, connection: options.account ?? "")
        case .signalCLI:
            SignalCLIParser().parse(bytes, file: file, line: line, account: options.account ?? "").items.map { parsed in
                guard case .message(let m) = parsed, let folder = options.attachments else { return parsed }
                return .message(SignalAttachmentFolder(URL(fileURLWithPath: folder)).attach(m))
            }
        case .whatsappCloud: WhatsAppWebhookParser().parse(body: bytes, file: file, line: line)
        // Whole-file formats come here only to retry a quarantined fragment on its own.
        case .whatsappExport:
            WhatsAppExportParser().parse(
                text: bytes, fileName: file, mediaNames: [], timeZone: options.timeZone.flatMap(TimeZone.init(identifier:)),
                account: options.account ?? "", chatName: options.chat
            ).items
        case .telegramExport:
            TelegramDesktopExportParser().parse(json: bytes, fileName: file, account: options.account ?? "").items
        }
    }
}
