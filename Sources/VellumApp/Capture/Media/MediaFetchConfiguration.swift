public import Foundation
public import VellumCapture
import VellumCore
import Yams

/// How Vellum downloads WhatsApp Cloud API and Telegram Bot API media (`vellum media retry
/// --config FILE`, and `media.config` in `vellum serve`'s file). YAML:
///
/// ```yaml
/// max_bytes: 104857600                 # larger files are refused (default 100 MiB)
/// timeout_seconds: 60                  # per request
/// whatsapp:
///   graph_base: https://graph.facebook.com
///   api_version: v21.0
///   access_token_env: VELLUM_WHATSAPP_TOKEN   # or access_token_file: /etc/vellum/whatsapp.token
/// telegram:
///   api_base: https://api.telegram.org
///   bots:                              # by capturing account (the webhook connection's `account`)
///     desk_bot: {token_file: /etc/vellum/desk.bot-token}   # or token_env: NAME
/// retry: {attempts_per_pass: 3, first_wait_seconds: 60, max_wait_seconds: 21600, max_passes: 12}
/// ```
///
/// Tokens are never written in this file, only where to find them; they are never stored in the
/// archive and never logged.
public struct MediaFetchConfiguration: Sendable, Codable, Hashable {
    public struct WhatsApp: Sendable, Codable, Hashable {
        public var graph_base: String?
        public var api_version: String?
        public var access_token_env: String?
        public var access_token_file: String?
    }

    public struct TokenSource: Sendable, Codable, Hashable {
        public var token_env: String?
        public var token_file: String?
    }

    public struct Telegram: Sendable, Codable, Hashable {
        public var api_base: String?
        public var bots: [String: TokenSource]
    }

    public struct Retry: Sendable, Codable, Hashable {
        public var attempts_per_pass: Int?
        public var first_wait_seconds: Int?
        public var max_wait_seconds: Int?
        public var max_passes: Int?
    }

    public var max_bytes: Int?
    public var timeout_seconds: Int?
    public var whatsapp: WhatsApp?
    public var telegram: Telegram?
    public var retry: Retry?

    /// Where relative `*_file` paths are resolved.
    var folder: String?

    enum CodingKeys: String, CodingKey { case max_bytes, timeout_seconds, whatsapp, telegram, retry }

    public static func load(_ url: URL) throws -> MediaFetchConfiguration {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VellumError(.notFound, "cannot read \(url.path)")
        }
        var config: MediaFetchConfiguration
        do {
            config = try YAMLDecoder().decode(MediaFetchConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw VellumError(.configuration, "\(url.lastPathComponent): \(WeComCaptureConfiguration.describe(error))")
        } catch {
            throw VellumError(.configuration, "\(url.lastPathComponent): not valid YAML")
        }
        config.folder = url.deletingLastPathComponent().path
        try config.validate(file: url.lastPathComponent)
        return config
    }

    func validate(file: String) throws {
        func fail(_ key: String, _ why: String) -> VellumError { VellumError(.configuration, "\(file): `\(key)` \(why)") }
        if let n = max_bytes, !(1024 ... (2 << 30)).contains(n) { throw fail("max_bytes", "must be 1024…2147483648") }
        if let n = timeout_seconds, !(1 ... 3600).contains(n) { throw fail("timeout_seconds", "must be 1…3600") }
        if whatsapp == nil, telegram == nil { throw fail("whatsapp", "or `telegram` must be configured") }
        if let w = whatsapp {
            if w.access_token_env == nil, w.access_token_file == nil {
                throw fail("whatsapp.access_token_env", "or `whatsapp.access_token_file` must say where the token is")
            }
            for (key, value) in [("graph_base", w.graph_base), ("api_version", w.api_version)] where value?.isEmpty == true {
                throw fail("whatsapp.\(key)", "must not be empty")
            }
            if let base = w.graph_base, URL(string: base)?.scheme == nil { throw fail("whatsapp.graph_base", "must be a URL") }
        }
        if let t = telegram {
            if t.bots.isEmpty { throw fail("telegram.bots", "must name at least one bot account") }
            for (account, source) in t.bots where source.token_env == nil && source.token_file == nil {
                throw fail("telegram.bots.\(account)", "needs `token_env` or `token_file`")
            }
            if let base = t.api_base, URL(string: base)?.scheme == nil { throw fail("telegram.api_base", "must be a URL") }
        }
        if let r = retry {
            if let n = r.attempts_per_pass, !(1 ... 10).contains(n) { throw fail("retry.attempts_per_pass", "must be 1…10") }
            if let n = r.max_passes, !(1 ... 1000).contains(n) { throw fail("retry.max_passes", "must be 1…1000") }
            if let n = r.first_wait_seconds, n < 1 { throw fail("retry.first_wait_seconds", "must be at least 1") }
            if let n = r.max_wait_seconds, n < 1 { throw fail("retry.max_wait_seconds", "must be at least 1") }
        }
    }

    /// The tokens, read from the environment or files now; an error names the key, never a value.
    public func secrets(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MediaSecrets {
        var secrets = MediaSecrets()
        if let w = whatsapp {
            let token = try read(env: w.access_token_env, file: w.access_token_file, key: "whatsapp.access_token", environment)
            secrets.whatsapp = .init(
                graphBase: w.graph_base ?? "https://graph.facebook.com", apiVersion: w.api_version ?? "v21.0", accessToken: token)
        }
        if let t = telegram {
            var tokens: [String: String] = [:]
            for (account, source) in t.bots {
                tokens[account] = try read(env: source.token_env, file: source.token_file, key: "telegram.bots.\(account)", environment)
            }
            secrets.telegram = .init(apiBase: t.api_base ?? "https://api.telegram.org", botTokens: tokens)
        }
        return secrets
    }

    public var limits: MediaFetcher.Limits {
        MediaFetcher.Limits(maxBytes: max_bytes ?? 100 << 20, timeout: .seconds(timeout_seconds ?? 60))
    }

    public var schedule: MediaRetrySchedule {
        let defaults = MediaRetrySchedule()
        return MediaRetrySchedule(
            attemptsPerPass: retry?.attempts_per_pass ?? defaults.attemptsPerPass, inPassDelay: defaults.inPassDelay,
            firstWait: retry?.first_wait_seconds.map { .seconds($0) } ?? defaults.firstWait,
            maximumWait: retry?.max_wait_seconds.map { .seconds($0) } ?? defaults.maximumWait,
            maxPasses: retry?.max_passes ?? defaults.maxPasses)
    }

    /// A fetcher over `client` with this file's tokens, limits and schedule.
    public func fetcher(client: any MediaHTTPClient) throws -> MediaFetcher {
        MediaFetcher(client: client, secrets: try secrets(), limits: limits, schedule: schedule)
    }

    func read(env: String?, file: String?, key: String, _ environment: [String: String]) throws -> String {
        if let env, let value = environment[env]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            return value
        }
        if let file {
            let path = file.hasPrefix("/") || folder == nil ? file : (folder! as NSString).appendingPathComponent(file)
            if let data = FileManager.default.contents(atPath: path) {
                let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty { return value }
            }
        }
        throw VellumError(
            .configuration, "the token for `\(key)` was not found in \(env.map { "$\($0)" } ?? "") \(file ?? "")")
    }
}
