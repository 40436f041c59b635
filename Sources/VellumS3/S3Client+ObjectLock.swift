public import Foundation
import NIOHTTP1

extension S3Client {
    static let xmlns = "http://s3.amazonaws.com/doc/2006-03-01/"

    /// `PutObjectRetention`. In COMPLIANCE mode the server accepts only a later date.
    public func putObjectRetention(key: String, versionID: String? = nil, mode: String = "COMPLIANCE", until: Date) throws {
        let body = Data(
            "<Retention xmlns=\"\(Self.xmlns)\"><Mode>\(mode)</Mode><RetainUntilDate>\(S3Date.format(until))</RetainUntilDate></Retention>"
                .utf8)
        var query = [("retention", "")]
        if let versionID { query.append(("versionId", versionID)) }
        do {
            try sendExpectingSuccess(
                .PUT, key: key, query: query, headers: [("Content-MD5", S3Payload.md5Base64(body))], body: body)
        } catch let e as S3Error {
            throw lockRefusal(e, key: key, versionID: versionID)
        }
    }

    /// A refusal by Object Lock often comes as a bare `AccessDenied` (SeaweedFS always; AWS for some
    /// calls), like a missing permission. When the object is in fact under an unexpired retention or
    /// a legal hold, say so: ``S3Error/Code/objectLocked``, keeping the server's code and status.
    func lockRefusal(_ e: S3Error, key: String, versionID: String?) -> S3Error {
        guard e.code == .accessDenied, let head = try? headObject(key: key, versionID: versionID) else { return e }
        let retained = head.retainUntil.map { $0 > Date() } ?? false
        guard retained || head.legalHold else { return e }
        var why: [String] = []
        if head.legalHold { why.append("under legal hold") }
        if retained, let until = head.retainUntil {
            why.append("under \(head.lockMode ?? "") retention until \(S3Date.format(until))")
        }
        var out = e
        out.code = .objectLocked
        out.reason = "refused by Object Lock: the object is " + why.joined(separator: " and ")
        out.fileID = #fileID
        out.line = #line
        return out
    }

    /// `GetObjectRetention`: the mode and retain-until date, or nil when the object has none.
    public func getObjectRetention(key: String, versionID: String? = nil) throws -> (mode: String, until: Date)? {
        var query = [("retention", "")]
        if let versionID { query.append(("versionId", versionID)) }
        let r = try send(.GET, key: key, query: query)
        if r.status == 404 {
            let e = error(for: r, key: key)
            if e.code == .noSuchKey { throw e }
            return nil
        }
        guard (200 ..< 300).contains(r.status) else { throw error(for: r, key: key) }
        guard let root = S3XMLElement.parse(r.body), let mode = root["Mode"], let until = root["RetainUntilDate"].flatMap(S3Date.parse)
        else { return nil }
        return (mode, until)
    }

    /// `PutObjectLegalHold` ON or OFF. A held object cannot be destroyed, whatever its retention.
    public func putObjectLegalHold(key: String, versionID: String? = nil, on: Bool) throws {
        let body = Data("<LegalHold xmlns=\"\(Self.xmlns)\"><Status>\(on ? "ON" : "OFF")</Status></LegalHold>".utf8)
        var query = [("legal-hold", "")]
        if let versionID { query.append(("versionId", versionID)) }
        try sendExpectingSuccess(.PUT, key: key, query: query, headers: [("Content-MD5", S3Payload.md5Base64(body))], body: body)
    }

    /// `GetObjectLockConfiguration`; throws ``S3Error/Code/objectLockNotEnabled`` when the bucket has none.
    public func getObjectLockConfiguration() throws -> S3ObjectLockConfiguration {
        let r = try sendExpectingSuccess(.GET, query: [("object-lock", "")])
        guard let c = S3ObjectLockConfiguration.parse(r.body) else {
            throw S3Error(.invalidResponse, "unreadable GetObjectLockConfiguration answer", status: r.status, bucket: bucket)
        }
        return c
    }

    /// `CreateBucket`, with Object Lock enabled (which also turns versioning on) when asked. For setup and tests.
    public func createBucket(objectLock: Bool) throws {
        try sendExpectingSuccess(.PUT, headers: objectLock ? [("x-amz-bucket-object-lock-enabled", "true")] : [])
    }
}
