public import Foundation
import VellumApp
import VellumCapture
import VellumCore

/// `vellum serve --config FILE`: the channels' webhook secrets, as YAML.
///
/// ```yaml
/// webhooks:
///   max_body_bytes: 1048576            # larger bodies are refused (413)
///   group_commit: {max_items: 1000, max_wait_ms: 2}
///   whatsapp:
///     app_secrets: [9f86d081884c7d659a2feaa0c55ad015]   # or app_secrets_file: (one per line)
///     verify_token_file: /etc/vellum/whatsapp-verify-token
///   telegram:
///     connections:
///       desk:                          # POSTs go to /webhooks/telegram/desk
///         secret_token_file: desk.secret
///         account: desk_bot            # the capturing account (default: the connection's name)
///   wecom:
///     token_file: wecom.token
///     encoding_aes_key_file: wecom.aeskey
///     corp_id: ww1436e0e65a779aee
///     puller: wecom-pull.yaml          # optional: `vellum wecom pull`'s file; msgaudit_notify wakes it
/// signal:                              # optional: signal-cli daemons in JSON-RPC mode
///   connections:
///     desk: {account: "+85290000000", tcp: "127.0.0.1:7583", attachments: /var/lib/signal-cli/attachments}
/// media:                               # optional: download WhatsApp / Telegram media
///   config: media-fetch.yaml           # `vellum media retry`'s file (tokens by env or file)
///   retry_interval_seconds: 30         # how often the download job looks at the queue
/// ```
///
/// Every secret may be given inline (`key: value`) or as a file (`key_file: path`, relative to this
/// file's folder; a trailing newline is dropped). A wrong file refuses to start, with an error naming
/// the file, line and key; the values are never quoted or logged.
public enum ServerConfigFile {
    /// Reads `path` into `settings`. Returns warnings for the operator (a file others may read).
    public static func load(_ path: String, into settings: inout ServerSettings) throws -> [String] {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VellumError(.configuration, "\(path): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw VellumError(.configuration, "\(path): is not UTF-8 text") }
        var reader = Reader(folder: url.deletingLastPathComponent())
        reader.checkPrivate(url.path, named: path)
        let root = try ConfigNode.parse(text, file: path).mapping(allowed: ["webhooks", "media", "signal"])
        if let webhooks = root["webhooks"] {
            try reader.webhooks(webhooks, into: &settings)
        }
        if let media = root["media"] {
            settings.media = try reader.media(media)
        }
        if let signal = root["signal"] {
            settings.signal = try reader.signal(signal)
        }
        return reader.warnings
    }

    struct Reader {
        var secrets: ConfigSecrets

        init(folder: URL) { secrets = ConfigSecrets(folder: folder) }

        mutating func webhooks(_ node: ConfigNode, into settings: inout ServerSettings) throws {
            let w = try node.mapping(allowed: ["max_body_bytes", "group_commit", "whatsapp", "telegram", "wecom"])
            if let size = w["max_body_bytes"] { settings.maxWebhookBody = try size.int(in: 1024 ... 64 << 20) }
            if let group = try w["group_commit"]?.mapping(allowed: ["max_items", "max_wait_ms"]) {
                if let n = group["max_items"] { settings.webhooks.groupCommitMaxItems = try n.int(in: 1 ... 10_000) }
                if let ms = group["max_wait_ms"] { settings.webhooks.groupCommitWindow = .milliseconds(try ms.int(in: 0 ... 1000)) }
            }
            if let node = w["whatsapp"] { settings.webhooks.whatsapp = try whatsapp(node) }
            if let node = w["telegram"] { settings.webhooks.telegram = try telegram(node) }
            if let node = w["wecom"] { settings.webhooks.wecom = try wecom(node) }
        }

        mutating func media(_ node: ConfigNode) throws -> MediaSettings {
            let m = try node.mapping(allowed: ["config", "retry_interval_seconds"])
            guard let file = m["config"] else { throw node.error("needs `config` (a media download file)") }
            let url = resolve(try file.string())
            let configuration: MediaFetchConfiguration
            do {
                configuration = try MediaFetchConfiguration.load(url)
                _ = try configuration.secrets()  // refuse to start without the tokens
            } catch { throw file.error("names a file that is not usable: \(error)") }
            var settings = MediaSettings(configuration: configuration)
            if let seconds = m["retry_interval_seconds"] { settings.retryInterval = .seconds(try seconds.int(in: 1 ... 86_400)) }
            return settings
        }

        mutating func whatsapp(_ node: ConfigNode) throws -> WebhookSettings.WhatsApp {
            let m = try node.mapping(allowed: ["app_secrets", "app_secrets_file", "verify_token", "verify_token_file"])
            let secrets: [String]
            if let file = m["app_secrets_file"] {
                guard m["app_secrets"] == nil else { throw file.error("and `app_secrets` are both given; keep one") }
                secrets = try read(file).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("#") }
                guard !secrets.isEmpty else { throw file.error("names a file with no app secret in it") }
            } else if let list = m["app_secrets"] {
                secrets = try list.strings()
                guard !secrets.isEmpty else { throw list.error("must list at least one app secret") }
            } else {
                throw node.error("needs `app_secrets` or `app_secrets_file`")
            }
            return WebhookSettings.WhatsApp(
                appSecrets: secrets.map { Data($0.utf8) }, verifyToken: try secret(m, "verify_token", in: node))
        }

        mutating func telegram(_ node: ConfigNode) throws -> [String: WebhookSettings.TelegramConnection] {
            let m = try node.mapping(allowed: ["connections"])
            guard let connections = m["connections"] else { throw node.error("needs `connections`") }
            var out: [String: WebhookSettings.TelegramConnection] = [:]
            for (name, entry) in try connections.mapping() {
                guard TelegramWebhookSecret.isWellFormed(name), name.count <= 64 else {
                    throw entry.error("is not a usable connection name (1 to 64 characters of A-Z, a-z, 0-9, _ and -; it is part of the URL)")
                }
                let c = try entry.mapping(allowed: ["secret_token", "secret_token_file", "account"])
                let token = try secret(c, "secret_token", in: entry)
                let tokenNode = c["secret_token"] ?? c["secret_token_file"]!
                guard TelegramWebhookSecret.isWellFormed(token) else {
                    throw tokenNode.error("must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram refuses others)")
                }
                out[name] = WebhookSettings.TelegramConnection(
                    secret: try TelegramWebhookSecret(token), account: try c["account"]?.string() ?? name)
            }
            guard !out.isEmpty else { throw connections.error("must name at least one connection") }
            return out
        }

        func signal(_ node: ConfigNode) throws -> SignalSettings {
            let m = try node.mapping(allowed: ["connections"])
            guard let connections = m["connections"] else { throw node.error("needs `connections`") }
            var out: [SignalConnection] = []
            for (name, entry) in try connections.mapping().sorted(by: { $0.key < $1.key }) {
                let c = try entry.mapping(allowed: ["account", "tcp", "socket", "attachments"])
                guard let account = c["account"] else { throw entry.error("needs `account` (the employee's Signal number)") }
                let endpoint: SignalConnection.Endpoint
                switch (c["tcp"], c["socket"]) {
                case (let tcp?, nil):
                    let text = try tcp.string()
                    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
                          (1 ... 65535).contains(port), colon > text.startIndex
                    else { throw tcp.error("must be host:port, e.g. 127.0.0.1:7583") }
                    endpoint = .tcp(host: String(text[..<colon]), port: port)
                case (nil, let socket?):
                    endpoint = .unix(path: resolve(try socket.string()).path)
                default:
                    throw entry.error("needs exactly one of `tcp` (host:port) and `socket` (a path)")
                }
                var attachments: String?
                if let folder = c["attachments"] {
                    let url = resolve(try folder.string())
                    var isFolder: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
                        throw folder.error("is not a folder")
                    }
                    attachments = url.path
                }
                out.append(SignalConnection(name: name, account: try account.string(), endpoint: endpoint, attachments: attachments))
            }
            guard !out.isEmpty else { throw connections.error("must name at least one connection") }
            return SignalSettings(connections: out)
        }

        mutating func wecom(_ node: ConfigNode) throws -> WebhookSettings.WeCom {
            let m = try node.mapping(allowed: [
                "token", "token_file", "encoding_aes_key", "encoding_aes_key_file", "corp_id", "puller",
            ])
            let token = try secret(m, "token", in: node)
            let key = try secret(m, "encoding_aes_key", in: node)
            guard let corpNode = m["corp_id"] else { throw node.error("needs `corp_id`") }
            let corp = try corpNode.string()
            let crypt: WXBizMsgCrypt
            do { crypt = try WXBizMsgCrypt(token: token, encodingAESKey: key, receiveID: corp) } catch {
                throw (m["encoding_aes_key"] ?? m["encoding_aes_key_file"]!).error("\(error)")
            }
            var puller: WeComCaptureConfiguration?
            if let p = m["puller"] {
                let url = resolve(try p.string())
                do { puller = try WeComCaptureConfiguration.load(url) } catch { throw p.error("names a file that is not usable: \(error)") }
                if puller?.corp_id != corp { throw p.error("names a puller for another corp than `corp_id`") }
            }
            return WebhookSettings.WeCom(crypt: crypt, puller: puller)
        }

        mutating func secret(_ m: [String: ConfigNode], _ key: String, in owner: ConfigNode) throws -> String {
            try secrets.secret(m, key, in: owner)
        }

        mutating func read(_ node: ConfigNode) throws -> String { try secrets.read(node) }

        func resolve(_ path: String) -> URL { secrets.resolve(path) }

        mutating func checkPrivate(_ path: String, named name: String) { secrets.checkPrivate(path, named: name) }

        var warnings: [String] { secrets.warnings }
    }
}
