public import Foundation

/// Where the bucket is and how to reach it. Path-style addressing (`endpoint/bucket/key`), which
/// every S3-compatible server accepts.
public struct S3Configuration: Sendable {
    /// `http(s)://host[:port]`, without a path.
    public var endpoint: URL
    public var region: String
    public var bucket: String
    public var credentials: S3Credentials
    /// Prepended to every object key (e.g. `blobs/`); empty by default.
    public var keyPrefix: String
    /// The longest a single request may take, connection included. Default 30 s.
    public var requestTimeout: Duration

    public init(
        endpoint: URL, region: String = "us-east-1", bucket: String, credentials: S3Credentials, keyPrefix: String = "",
        requestTimeout: Duration = .seconds(30)
    ) {
        self.endpoint = endpoint
        self.region = region
        self.bucket = bucket
        self.credentials = credentials
        self.keyPrefix = keyPrefix
        self.requestTimeout = requestTimeout
    }

    /// The `Host` header: host, and the port when it is not the scheme's default.
    var hostHeader: String {
        let host = endpoint.host ?? ""
        guard let port = endpoint.port else { return host }
        let isDefault = (endpoint.scheme == "http" && port == 80) || (endpoint.scheme == "https" && port == 443)
        return isDefault ? host : "\(host):\(port)"
    }
}
