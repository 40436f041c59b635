public import Foundation
import VellumApp
import VellumCore
public import VellumPostgres
public import VellumS3

/// Which backend an archive lives on: `storage.yaml` in its data directory.
///
/// ```yaml
/// storage: postgres+s3            # or sqlite: everything in the data directory (the default)
/// postgres:
///   host: db.internal
///   port: 5432
///   database: vellum
///   user: vellum
///   password_file: /etc/vellum/postgres.password   # or password: (inline)
///   schema: vellum                # one schema per deployment (default vellum)
///   max_connections: 8
///   connect_timeout_seconds: 10
///   sslmode: verify-full          # disable | prefer (default) | require | verify-full
///   sslrootcert_file: /etc/vellum/postgres-ca.pem  # the CA that signed the server's certificate
///   statement_timeout_seconds: 300                 # default: none
///   idle_in_transaction_timeout_seconds: 60        # default 60; 0: none
/// s3:
///   endpoint: https://s3.eu-central-1.amazonaws.com
///   region: eu-central-1
///   bucket: firm-vellum-archive   # created with Object Lock
///   access_key_id: AKIA…
///   secret_access_key_file: /etc/vellum/s3.secret # or secret_access_key: (inline)
///   key_prefix: blobs/
///   allow_without_object_lock: false               # true: not WORM; for tests only
///   default_retention_days: 2190  # lock for attachments no retention rule covers yet (default: none)
///   request_timeout_seconds: 30
/// ```
///
/// Relative `*_file` paths are resolved against the file's folder. Errors name the file, the line
/// and the key, never a value.
public struct StorageConfiguration: Sendable {
    public enum Backend: Sendable {
        /// SQLite and the blob folder inside the data directory.
        case sqlite
        /// Records, ledger, index and accounts in PostgreSQL; sealed blobs in an S3 bucket with Object Lock.
        case postgresS3(postgres: PostgresConfiguration, s3: S3Configuration, objectLock: S3BlobStore.Options)
    }

    public var backend: Backend
    /// For the operator: secret files others may read.
    public var warnings: [String]

    public static let kinds = ["sqlite", "postgres+s3"]

    public static func load(_ url: URL) throws -> StorageConfiguration {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VellumError(.configuration, "\(url.path): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VellumError(.configuration, "\(url.path): is not UTF-8 text")
        }
        var secrets = ConfigSecrets(folder: url.deletingLastPathComponent())
        secrets.checkPrivate(url.path, named: url.path)
        return try parse(text, file: url.path, secrets: &secrets)
    }

    static func parse(_ text: String, file: String, secrets: inout ConfigSecrets) throws -> StorageConfiguration {
        let rootNode = try ConfigNode.parse(text, file: file)
        let root = try rootNode.mapping(allowed: ["storage", "postgres", "s3"])
        let kind = try root["storage"]?.string() ?? "sqlite"
        guard kinds.contains(kind) else {
            throw root["storage"]!.error("must be one of \(kinds.joined(separator: ", "))")
        }
        if kind == "sqlite" {
            if let extra = root["postgres"] ?? root["s3"] { throw extra.error("is only read with `storage: postgres+s3`") }
            return StorageConfiguration(backend: .sqlite, warnings: secrets.warnings)
        }
        guard let pgNode = root["postgres"] else { throw rootNode.error("needs a `postgres` section for `storage: postgres+s3`") }
        guard let s3Node = root["s3"] else { throw rootNode.error("needs an `s3` section for `storage: postgres+s3`") }
        let postgres = try Self.postgres(pgNode, &secrets)
        let (s3, lock) = try Self.s3(s3Node, &secrets)
        return StorageConfiguration(backend: .postgresS3(postgres: postgres, s3: s3, objectLock: lock), warnings: secrets.warnings)
    }

    static func postgres(_ node: ConfigNode, _ secrets: inout ConfigSecrets) throws -> PostgresConfiguration {
        let m = try node.mapping(allowed: [
            "host", "port", "database", "user", "password", "password_file", "schema", "max_connections",
            "connect_timeout_seconds", "sslmode", "sslrootcert_file", "statement_timeout_seconds",
            "idle_in_transaction_timeout_seconds",
        ])
        func required(_ key: String) throws -> ConfigNode {
            guard let value = m[key] else { throw node.error("needs `\(key)`") }
            return value
        }
        var config = PostgresConfiguration(
            host: try required("host").string(), port: try m["port"]?.int(in: 1 ... 65535) ?? 5432,
            username: try required("user").string(), password: try secrets.secret(m, "password", in: node),
            database: try required("database").string())
        if let schema = m["schema"] {
            let name = try schema.string()
            guard name.utf8.count <= 63, name.utf8.first.map({ (97 ... 122).contains($0) || $0 == 95 }) == true,
                name.utf8.allSatisfy({ (97 ... 122).contains($0) || (48 ... 57).contains($0) || $0 == 95 })
            else { throw schema.error("must be lower-case letters, digits and _, starting with a letter (at most 63)") }
            config.schema = name
        }
        if let n = m["max_connections"] { config.maxConnections = try n.int(in: 1 ... 256) }
        if let s = m["connect_timeout_seconds"] { config.connectTimeout = .seconds(try s.int(in: 1 ... 300)) }
        config.tls = try tls(m, secrets)
        if !config.isLoopback, !config.tls.verifies {
            secrets.warn(
                "\(node.location): connections to PostgreSQL at \(config.host) are not verified (sslmode "
                    + "\(m["sslmode"].flatMap { try? $0.string() } ?? "prefer")); set `sslmode: verify-full` and `sslrootcert_file`")
        }
        if let s = m["statement_timeout_seconds"] {
            let n = try s.int(in: 0 ... 86_400)
            config.statementTimeout = n == 0 ? nil : .seconds(n)
        }
        if let s = m["idle_in_transaction_timeout_seconds"] {
            let n = try s.int(in: 0 ... 86_400)
            config.idleInTransactionTimeout = n == 0 ? nil : .seconds(n)
        }
        return config
    }

    static func tls(_ m: [String: ConfigNode], _ secrets: ConfigSecrets) throws -> PostgresConfiguration.TLSMode {
        let mode = try m["sslmode"]?.string() ?? (m["sslrootcert_file"] == nil ? "prefer" : "verify-full")
        let ca = try m["sslrootcert_file"].map { node -> String in
            let url = secrets.resolve(try node.string())
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw node.error("names \(url.path), which cannot be read")
            }
            return url.path
        }
        switch mode {
        case "disable": return .disable
        case "prefer": return .prefer
        case "require": return .require
        case "verify-full": return .verifyFull(caFile: ca)
        default:
            throw (m["sslmode"] ?? m["sslrootcert_file"]!).error(
                "must be one of \(PostgresConfiguration.TLSMode.names.joined(separator: ", "))")
        }
    }

    static func s3(_ node: ConfigNode, _ secrets: inout ConfigSecrets) throws -> (S3Configuration, S3BlobStore.Options) {
        let m = try node.mapping(allowed: [
            "endpoint", "region", "bucket", "access_key_id", "secret_access_key", "secret_access_key_file", "key_prefix",
            "allow_without_object_lock", "request_timeout_seconds", "default_retention_days",
        ])
        func required(_ key: String) throws -> ConfigNode {
            guard let value = m[key] else { throw node.error("needs `\(key)`") }
            return value
        }
        let endpointNode = try required("endpoint")
        guard let endpoint = URL(string: try endpointNode.string()), ["http", "https"].contains(endpoint.scheme ?? ""),
            endpoint.host?.isEmpty == false, endpoint.path.isEmpty || endpoint.path == "/", endpoint.query == nil
        else { throw endpointNode.error("must be an http(s) URL of the server, without a path (the bucket is `bucket`)") }
        let bucketNode = try required("bucket")
        let bucket = try bucketNode.string()
        guard (3 ... 63).contains(bucket.utf8.count),
            bucket.utf8.allSatisfy({ (97 ... 122).contains($0) || (48 ... 57).contains($0) || $0 == 45 || $0 == 46 })
        else { throw bucketNode.error("must be an S3 bucket name: 3 to 63 lower-case letters, digits, - and .") }
        let credentials = S3Credentials(
            accessKeyID: try required("access_key_id").string(),
            secretAccessKey: try secrets.secret(m, "secret_access_key", in: node))
        var config = S3Configuration(
            endpoint: URL(string: endpoint.absoluteString.hasSuffix("/") ? String(endpoint.absoluteString.dropLast()) : endpoint.absoluteString)!,
            region: try m["region"]?.string() ?? "us-east-1", bucket: bucket, credentials: credentials,
            keyPrefix: try m["key_prefix"]?.string() ?? "")
        if let s = m["request_timeout_seconds"] { config.requestTimeout = .seconds(try s.int(in: 1 ... 600)) }
        let options = S3BlobStore.Options(
            allowWithoutObjectLock: try m["allow_without_object_lock"]?.bool() ?? false,
            defaultRetention: try m["default_retention_days"].map { .seconds(try $0.int(in: 1 ... 36_500) * 86_400) })
        return (config, options)
    }
}
