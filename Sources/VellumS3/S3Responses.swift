public import Foundation

/// An S3 `<Error>` body.
public struct S3ErrorBody: Sendable, Equatable {
    public var code: String
    public var message: String
    public var bucket: String?
    public var key: String?
    public var requestID: String?

    /// Reads `<Error><Code>…</Code><Message>…</Message>…</Error>`; nil when the body is not one.
    public static func parse(_ data: Data) -> S3ErrorBody? {
        guard let root = S3XMLElement.parse(data), root.name == "Error", let code = root["Code"] else { return nil }
        return S3ErrorBody(
            code: code, message: root["Message"] ?? "", bucket: root["BucketName"], key: root["Key"],
            requestID: root["RequestId"])
    }
}

/// One page of `ListObjectsV2`.
public struct S3ListPage: Sendable, Equatable {
    public var keys: [String]
    public var isTruncated: Bool
    public var nextContinuationToken: String?

    public static func parse(_ data: Data) -> S3ListPage? {
        guard let root = S3XMLElement.parse(data), root.name == "ListBucketResult" else { return nil }
        return S3ListPage(
            keys: root.all("Contents").compactMap { $0["Key"] },
            isTruncated: root["IsTruncated"] == "true",
            nextContinuationToken: root["NextContinuationToken"])
    }
}

/// One page of `ListObjectVersions`: versions and delete markers alike.
public struct S3VersionPage: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var versionID: String
        public var isDeleteMarker: Bool
    }

    public var entries: [Entry]
    public var isTruncated: Bool
    public var nextKeyMarker: String?
    public var nextVersionIDMarker: String?

    public static func parse(_ data: Data) -> S3VersionPage? {
        guard let root = S3XMLElement.parse(data), root.name == "ListVersionsResult" else { return nil }
        let entries = root.children.compactMap { e -> Entry? in
            guard e.name == "Version" || e.name == "DeleteMarker", let key = e["Key"] else { return nil }
            return Entry(key: key, versionID: e["VersionId"] ?? "null", isDeleteMarker: e.name == "DeleteMarker")
        }
        return S3VersionPage(
            entries: entries, isTruncated: root["IsTruncated"] == "true", nextKeyMarker: root["NextKeyMarker"],
            nextVersionIDMarker: root["NextVersionIdMarker"])
    }
}

/// `GetObjectLockConfiguration`: whether Object Lock is on, and the bucket's default retention if any.
public struct S3ObjectLockConfiguration: Sendable, Equatable {
    public var enabled: Bool
    public var defaultMode: String?
    public var defaultDays: Int?
    public var defaultYears: Int?

    public static func parse(_ data: Data) -> S3ObjectLockConfiguration? {
        guard let root = S3XMLElement.parse(data), root.name == "ObjectLockConfiguration" else { return nil }
        let rule = root.child("Rule")?.child("DefaultRetention")
        return S3ObjectLockConfiguration(
            enabled: root["ObjectLockEnabled"] == "Enabled", defaultMode: rule?["Mode"],
            defaultDays: rule?["Days"].flatMap(Int.init), defaultYears: rule?["Years"].flatMap(Int.init))
    }
}
