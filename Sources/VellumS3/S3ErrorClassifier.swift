/// Maps an S3 error answer to an ``S3Error`` code.
enum S3ErrorClassifier {
    static func classify(status: Int, body: S3ErrorBody?, bucket: String, key: String?) -> S3Error {
        let s3Code = body?.code
        let message = body?.message ?? ""
        func make(_ code: S3Error.Code, _ reason: String) -> S3Error {
            S3Error(code, reason, s3Code: s3Code, status: status, bucket: bucket, key: key)
        }
        switch s3Code {
        case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSecurity", "AuthorizationHeaderMalformed":
            return make(.badCredentials, "the server rejected the credentials: \(message)")
        case "NoSuchBucket":
            return make(.noSuchBucket, "the bucket does not exist")
        case "NoSuchKey", "NoSuchVersion":
            return make(.noSuchKey, "no such object")
        case "ObjectLockConfigurationNotFoundError":
            return make(.objectLockNotEnabled, "the bucket has no Object Lock configuration")
        default:
            break
        }
        if isLockRefusal(s3Code: s3Code, message: message) {
            return make(.objectLocked, "refused by Object Lock: \(message)")
        }
        if s3Code == "AccessDenied" || (s3Code == nil && status == 403) {
            return make(.accessDenied, message.isEmpty ? "access denied" : message)
        }
        if s3Code == nil && status == 404 { return make(.noSuchKey, "not found") }
        return make(.server, message.isEmpty ? "HTTP \(status)" : message)
    }

    /// An explicit Object Lock refusal: `ObjectLocked`, or `AccessDenied` whose message names the
    /// lock (AWS: "Access Denied because object protected by object lock."). A bare `AccessDenied`
    /// (SeaweedFS) is told apart by asking the object, in ``S3Client``.
    static func isLockRefusal(s3Code: String?, message: String) -> Bool {
        if s3Code == "ObjectLocked" { return true }
        guard s3Code == "AccessDenied" else { return false }
        let m = message.lowercased()
        return m.contains("object lock") || m.contains("legal hold") || m.contains("retention")
    }
}
