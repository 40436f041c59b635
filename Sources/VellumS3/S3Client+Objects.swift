public import Foundation
import NIOHTTP1

/// What `HeadObject` tells about one object.
public struct S3ObjectHead: Sendable, Equatable {
    public var size: Int
    public var versionID: String?
    /// `COMPLIANCE` or `GOVERNANCE`, when the object has a retention.
    public var lockMode: String?
    public var retainUntil: Date?
    public var legalHold: Bool
}

extension S3Client {
    /// `PutObject`. With `retainUntil`, the object is written in Object Lock `lockMode` (COMPLIANCE
    /// by default) until then. Sends `Content-MD5`, which Object Lock puts require, and the signed
    /// SHA-256 of the body, which the server checks. Returns the version id, if the bucket versions.
    @discardableResult
    public func putObject(
        key: String, body: Data, retainUntil: Date? = nil, lockMode: String = "COMPLIANCE", legalHold: Bool = false
    ) throws -> String? {
        var headers = [("Content-MD5", S3Payload.md5Base64(body)), ("Content-Type", "application/octet-stream")]
        if let retainUntil {
            headers += [
                ("x-amz-object-lock-mode", lockMode),
                ("x-amz-object-lock-retain-until-date", S3Date.format(retainUntil)),
            ]
        }
        if legalHold { headers.append(("x-amz-object-lock-legal-hold", "ON")) }
        let r = try sendExpectingSuccess(.PUT, key: key, headers: headers, body: body)
        return r.headers.first(name: "x-amz-version-id")
    }

    /// `GetObject`; nil when there is no such object (or its latest version is a delete marker).
    public func getObject(key: String, versionID: String? = nil) throws -> Data? {
        let r = try send(.GET, key: key, query: versionID.map { [("versionId", $0)] } ?? [])
        if r.status == 404 {
            let e = error(for: r, key: key)
            if e.code == .noSuchKey { return nil }
            throw e
        }
        guard (200 ..< 300).contains(r.status) else { throw error(for: r, key: key) }
        return r.body
    }

    /// `HeadObject`; nil when there is no such object.
    public func headObject(key: String, versionID: String? = nil) throws -> S3ObjectHead? {
        let r = try send(.HEAD, key: key, query: versionID.map { [("versionId", $0)] } ?? [])
        if r.status == 404 { return nil }
        guard (200 ..< 300).contains(r.status) else { throw error(for: r, key: key) }
        return S3ObjectHead(
            size: r.headers.first(name: "Content-Length").flatMap(Int.init) ?? 0,
            versionID: r.headers.first(name: "x-amz-version-id"),
            lockMode: r.headers.first(name: "x-amz-object-lock-mode"),
            retainUntil: r.headers.first(name: "x-amz-object-lock-retain-until-date").flatMap(S3Date.parse),
            legalHold: r.headers.first(name: "x-amz-object-lock-legal-hold") == "ON")
    }

    /// `DeleteObject`. Without a version id, a versioned bucket only adds a delete marker (which
    /// Object Lock allows); with one, that version is destroyed, which Object Lock refuses before expiry.
    public func deleteObject(key: String, versionID: String? = nil) throws {
        do {
            try sendExpectingSuccess(.DELETE, key: key, query: versionID.map { [("versionId", $0)] } ?? [])
        } catch let e as S3Error {
            throw lockRefusal(e, key: key, versionID: versionID)
        }
    }

    /// `ListObjectsV2`, every page: the keys under `prefix`, in the server's (lexicographic) order.
    public func listObjects(prefix: String = "", pageSize: Int = 1000) throws -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("max-keys", String(pageSize))]
            if !prefix.isEmpty { query.append(("prefix", prefix)) }
            if let token { query.append(("continuation-token", token)) }
            let r = try sendExpectingSuccess(.GET, query: query)
            guard let page = S3ListPage.parse(r.body) else {
                throw S3Error(.invalidResponse, "unreadable ListObjectsV2 answer", status: r.status, bucket: bucket)
            }
            keys += page.keys
            token = page.isTruncated ? page.nextContinuationToken : nil
            if page.isTruncated && token == nil {
                throw S3Error(.invalidResponse, "truncated listing without a continuation token", bucket: bucket)
            }
        } while token != nil
        return keys
    }

    /// `ListObjectVersions`, every page: versions and delete markers under `prefix`.
    public func listObjectVersions(prefix: String) throws -> [S3VersionPage.Entry] {
        var entries: [S3VersionPage.Entry] = []
        var marker: (String, String?)?
        repeat {
            var query = [("versions", ""), ("prefix", prefix)]
            if let marker {
                query.append(("key-marker", marker.0))
                if let v = marker.1 { query.append(("version-id-marker", v)) }
            }
            let r = try sendExpectingSuccess(.GET, query: query)
            guard let page = S3VersionPage.parse(r.body) else {
                throw S3Error(.invalidResponse, "unreadable ListObjectVersions answer", status: r.status, bucket: bucket)
            }
            entries += page.entries
            marker = page.isTruncated ? page.nextKeyMarker.map { ($0, page.nextVersionIDMarker) } : nil
        } while marker != nil
        return entries
    }
}
