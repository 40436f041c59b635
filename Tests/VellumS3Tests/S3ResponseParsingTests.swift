import Foundation
import Testing

@testable import VellumS3

/// Bodies captured from SeaweedFS 4.48's S3 gateway (request ids and times as it sent them).
@Suite("S3 response parsing")
struct S3ResponseParsingTests {
    static let signatureMismatch = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><Resource>/probe1</Resource><RequestId>18EC99BD2D5A03123B722D67</RequestId><BucketName>probe1</BucketName></Error>
        """
    static let unknownKey = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>InvalidAccessKeyId</Code><Message>The access key ID you provided does not exist in our records.</Message><Resource>/probe1</Resource><RequestId>18EC99BD2D7C7EAD06A15986</RequestId><BucketName>probe1</BucketName></Error>
        """
    static let lockedDelete = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>/probe1/blobs/k1</Resource><RequestId>18EC99BD27E9076E4880C8F9</RequestId><Key>blobs/k1</Key><BucketName>probe1</BucketName></Error>
        """
    static let noLock = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>ObjectLockConfigurationNotFoundError</Code><Message>Object Lock configuration does not exist for this bucket</Message><Resource>/probe2</Resource><RequestId>18EC99BBCFE8852CD66C3256</RequestId><BucketName>probe2</BucketName></Error>
        """
    static let noSuchKey = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Resource>/probe1/blobs/k1</Resource><RequestId>18EC99BD2B9B4D8C340421F4</RequestId><Key>blobs/k1</Key><BucketName>probe1</BucketName></Error>
        """
    static let lockConfiguration = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>
        """
    static let emptyList = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>probe1</Name><Prefix>blobs/</Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><KeyCount>0</KeyCount></ListBucketResult>
        """
    static let versions = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>probe1</Name><Prefix>blobs/k1</Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><DeleteMarker><Key>blobs/k1</Key><VersionId>67136642d49d02b33f5b5c0512a7bb0d</VersionId><IsLatest>true</IsLatest><Owner><ID>anonymous</ID><DisplayName>anonymous</DisplayName></Owner><LastModified>2026-11-29T19:09:49Z</LastModified></DeleteMarker><Version><Key>blobs/k1</Key><VersionId>671366442f704611b429f9c2a6ea8b44</VersionId><IsLatest>false</IsLatest><ETag>&#34;5d41402abc4b2a76b9719d911017c592&#34;</ETag><Size>5</Size><Owner><ID>vellum-test</ID><DisplayName>vellum-test</DisplayName></Owner><StorageClass>STANDARD</StorageClass><LastModified>2026-11-29T19:09:43Z</LastModified></Version></ListVersionsResult>
        """

    static func data(_ s: String) -> Data { Data(s.utf8) }

    @Test("server errors that say try again are retried three times; refusals and successes never are")
    func retries() {
        for status in [500, 502, 503, 504] {
            #expect((1 ... 3).allSatisfy { S3Client.shouldRetry(status: status, attempt: $0) })
            #expect(!S3Client.shouldRetry(status: status, attempt: 4))
        }
        for status in [200, 204, 301, 400, 403, 404, 409, 501] {
            #expect(!S3Client.shouldRetry(status: status, attempt: 1))
        }
    }

    @Test("an error body gives its code, message, bucket and key")
    func errorBody() throws {
        let e = try #require(S3ErrorBody.parse(Self.data(Self.lockedDelete)))
        #expect(e == S3ErrorBody(code: "AccessDenied", message: "Access Denied.", bucket: "probe1", key: "blobs/k1", requestID: "18EC99BD27E9076E4880C8F9"))
        #expect(S3ErrorBody.parse(Self.data(Self.lockConfiguration)) == nil, "not an <Error>")
        #expect(S3ErrorBody.parse(Data("<Error><Code>".utf8)) == nil, "not well-formed")
        #expect(S3ErrorBody.parse(Data()) == nil)
    }

    @Test(
        "error answers map to clear codes",
        arguments: [
            (403, S3ResponseParsingTests.signatureMismatch, S3Error.Code.badCredentials),
            (403, S3ResponseParsingTests.unknownKey, .badCredentials),
            (403, S3ResponseParsingTests.lockedDelete, .accessDenied),  // bare: S3Client asks the object whether it is locked
            (404, S3ResponseParsingTests.noLock, .objectLockNotEnabled),
            (404, S3ResponseParsingTests.noSuchKey, .noSuchKey),
            (403, "", .accessDenied),  // a HEAD answer has no body
            (500, "", .server),
        ])
    func classify(status: Int, body: String, expected: S3Error.Code) {
        let e = S3ErrorClassifier.classify(status: status, body: S3ErrorBody.parse(Self.data(body)), bucket: "b", key: nil)
        #expect(e.code == expected)
        #expect(e.status == status)
    }

    @Test("AWS's explicit lock refusal message is recognised without asking the object")
    func awsLockMessage() {
        let body = S3ErrorBody(code: "AccessDenied", message: "Access Denied because object protected by object lock.")
        #expect(S3ErrorClassifier.classify(status: 403, body: body, bucket: "b", key: "k").code == .objectLocked)
    }

    @Test("the Object Lock configuration reads Enabled")
    func lockConfig() throws {
        let c = try #require(S3ObjectLockConfiguration.parse(Self.data(Self.lockConfiguration)))
        #expect(c.enabled)
        #expect(c.defaultMode == nil)
    }

    @Test("list pages: keys, truncation and the continuation token")
    func listPage() throws {
        let empty = try #require(S3ListPage.parse(Self.data(Self.emptyList)))
        #expect(empty == S3ListPage(keys: [], isTruncated: false, nextContinuationToken: nil))
        // AWS's documented ListObjectsV2 form, with two keys and a continuation.
        let page = try #require(S3ListPage.parse(Self.data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>blobs/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated><NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken><Contents><Key>blobs/a&amp;b</Key><Size>3</Size></Contents><Contents><Key>blobs/c</Key><Size>3</Size></Contents></ListBucketResult>
            """)))
        #expect(page.keys == ["blobs/a&b", "blobs/c"])
        #expect(page.isTruncated)
        #expect(page.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test("version listings include delete markers")
    func versionPage() throws {
        let page = try #require(S3VersionPage.parse(Self.data(Self.versions)))
        #expect(page.entries == [
            .init(key: "blobs/k1", versionID: "67136642d49d02b33f5b5c0512a7bb0d", isDeleteMarker: true),
            .init(key: "blobs/k1", versionID: "671366442f704611b429f9c2a6ea8b44", isDeleteMarker: false),
        ])
        #expect(!page.isTruncated)
    }

    @Test("retain-until dates are written in whole seconds, rounded up, and read back")
    func dates() throws {
        let d = Date(timeIntervalSince1970: 1_795_979_383.2)
        #expect(S3Date.format(d) == "2026-11-29T19:09:44Z")
        #expect(S3Date.parse("2026-11-29T20:09:43Z") == Date(timeIntervalSince1970: 1_795_982_983))
        #expect(S3Date.parse("2026-11-29T20:09:43.500Z") == Date(timeIntervalSince1970: 1_795_982_983.5))
    }
}
