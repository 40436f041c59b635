/// Why an S3 operation failed, in terms the operator can act on.
///
/// Carries the S3 error code and message, the bucket and key concerned, and where it was raised;
/// never a credential (only the access key id may appear, in the server's own message).
public struct S3Error: Error, CustomStringConvertible, Sendable {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }

        /// The endpoint did not answer (connection refused, DNS, time-out).
        public static let unreachable = Code(name: "unreachable")
        /// The access key is unknown or the signature does not match the secret.
        public static let badCredentials = Code(name: "badCredentials")
        /// The credentials are valid but not allowed to do this.
        public static let accessDenied = Code(name: "accessDenied")
        /// Object Lock refused: the object is under retention or legal hold, or retention may not be shortened.
        public static let objectLocked = Code(name: "objectLocked")
        /// The bucket does not have Object Lock enabled (start-up check).
        public static let objectLockNotEnabled = Code(name: "objectLockNotEnabled")
        /// The bucket does not exist.
        public static let noSuchBucket = Code(name: "noSuchBucket")
        /// The object (or version) does not exist.
        public static let noSuchKey = Code(name: "noSuchKey")
        /// The server stored something other than what was sent, or answered in a form we cannot read.
        public static let invalidResponse = Code(name: "invalidResponse")
        /// A synchronous call was made on a SwiftNIO event-loop thread, where blocking would deadlock.
        public static let calledOnEventLoop = Code(name: "calledOnEventLoop")
        /// Any other error answer from the server.
        public static let server = Code(name: "server")
    }

    public var code: Code
    /// A human reason.
    public var reason: String
    /// The S3 error code from the response body (`NoSuchKey`, `SignatureDoesNotMatch`, …), if any.
    public var s3Code: String?
    /// The HTTP status, if the server answered.
    public var status: Int?
    public var bucket: String?
    public var key: String?
    public var fileID: String
    public var line: Int

    public init(
        _ code: Code, _ reason: String, s3Code: String? = nil, status: Int? = nil, bucket: String? = nil,
        key: String? = nil, fileID: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.reason = reason
        self.s3Code = s3Code
        self.status = status
        self.bucket = bucket
        self.key = key
        self.fileID = fileID
        self.line = line
    }

    public var description: String {
        var parts = ["S3 \(code): \(reason)"]
        if let s3Code { parts.append("code=\(s3Code)") }
        if let status { parts.append("status=\(status)") }
        if let bucket { parts.append("bucket=\(bucket)") }
        if let key { parts.append("key=\(key)") }
        return parts.joined(separator: " ") + " (\(fileID):\(line))"
    }
}
