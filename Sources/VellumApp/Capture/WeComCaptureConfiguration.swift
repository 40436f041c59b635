public import Foundation
import VellumCore
import Yams

/// How `vellum wecom pull` reaches WeCom's session archive. A YAML (or JSON) file:
///
/// ```yaml
/// corp_id: ww1436e0e65a779aee
/// sdk_library: /opt/wework/libWeWorkFinanceSdk_C.so
/// secret_env: VELLUM_WECOM_SECRET      # the 会话存档 Secret comes from this variable …
/// # secret_file: /etc/vellum/wecom.secret   # … or from a file readable only by Vellum
/// proxy: socks5://10.0.0.5:1080          # optional
/// batch_limit: 1000                      # 1…1000
/// poll_interval_seconds: 60
/// fetch_media: true
/// max_media_bytes: 2147483648
/// ```
///
/// The secret is never written in this file, and the RSA private keys are not either: they are
/// sealed into the archive with `vellum wecom keys add`.
public struct WeComCaptureConfiguration: Sendable, Codable, Hashable {
    public var corp_id: String
    public var sdk_library: String
    public var secret_env: String?
    public var secret_file: String?
    public var proxy: String?
    public var batch_limit: Int?
    public var poll_interval_seconds: Int?
    public var fetch_media: Bool?
    public var max_media_bytes: Int?

    public init(corp_id: String, sdk_library: String, secret_env: String? = nil, secret_file: String? = nil) {
        self.corp_id = corp_id
        self.sdk_library = sdk_library
        self.secret_env = secret_env
        self.secret_file = secret_file
    }

    public static func load(_ url: URL) throws -> WeComCaptureConfiguration {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VellumError(.notFound, "cannot read \(url.path)")
        }
        let config: WeComCaptureConfiguration
        do {
            config = try YAMLDecoder().decode(WeComCaptureConfiguration.self, from: data)
        } catch let error as DecodingError {
            throw VellumError(.configuration, "\(url.lastPathComponent): \(Self.describe(error))")
        } catch {
            throw VellumError(.configuration, "\(url.lastPathComponent): not valid YAML")
        }
        try config.validate(file: url.lastPathComponent)
        return config
    }

    func validate(file: String) throws {
        func fail(_ key: String, _ why: String) -> VellumError { VellumError(.configuration, "\(file): `\(key)` \(why)") }
        if corp_id.isEmpty { throw fail("corp_id", "must not be empty") }
        if sdk_library.isEmpty { throw fail("sdk_library", "must name the SDK's .so file") }
        if secret_env == nil, secret_file == nil { throw fail("secret_env", "or `secret_file` must say where the secret is") }
        if let limit = batch_limit, !(1 ... 1000).contains(limit) { throw fail("batch_limit", "must be 1…1000") }
        if let poll = poll_interval_seconds, poll < 1 { throw fail("poll_interval_seconds", "must be at least 1") }
    }

    /// The archive secret, from the environment or a file; never from the configuration itself.
    func secret() throws -> String {
        if let name = secret_env, let value = ProcessInfo.processInfo.environment[name], !value.isEmpty { return value }
        if let path = secret_file, let data = FileManager.default.contents(atPath: path) {
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        throw VellumError(
            .configuration,
            "the WeCom archive secret was not found in \(secret_env.map { "$\($0)" } ?? "") \(secret_file ?? "")")
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "`\(key.stringValue)` is required"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            "`\(c.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type"
        @unknown default: "cannot be read"
        }
    }
}
