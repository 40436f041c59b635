import Foundation
import VellumS3

/// The SeaweedFS (or other S3) server the integration tests run against, from the environment that
/// `scripts/seaweedfs.sh start DIR` writes to DIR/env. Without it those tests are skipped.
enum S3TestEnvironment {
    static let env = ProcessInfo.processInfo.environment
    static let endpoint = env["VELLUM_TEST_S3_ENDPOINT"].flatMap(URL.init(string:))
    static let accessKey = env["VELLUM_TEST_S3_ACCESS_KEY"]
    static let secretKey = env["VELLUM_TEST_S3_SECRET_KEY"]
    static let region = env["VELLUM_TEST_S3_REGION"] ?? "us-east-1"

    /// True when an S3 server is configured. Tests that need one are `.enabled(if:)` this, so a run
    /// without SeaweedFS skips them and says why.
    static var isAvailable: Bool { endpoint != nil && accessKey != nil && secretKey != nil }

    static func client(bucket: String, secretKey: String? = nil, accessKey: String? = nil) -> S3Client {
        S3Client(
            configuration: S3Configuration(
                endpoint: endpoint!, region: region, bucket: bucket,
                credentials: S3Credentials(
                    accessKeyID: accessKey ?? self.accessKey!, secretAccessKey: secretKey ?? self.secretKey!),
                keyPrefix: "blobs/", requestTimeout: .seconds(20)))
    }

    /// A new, empty bucket for one test (names are unique; locked objects outlive the test run anyway).
    static func freshBucket(objectLock: Bool) throws -> S3Client {
        let name = "vellum-t-" + UUID().uuidString.lowercased().prefix(18).filter { $0 != "-" }
        let client = client(bucket: name)
        try client.createBucket(objectLock: objectLock)
        return client
    }
}
