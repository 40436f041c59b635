import Foundation
import Testing

@testable import VellumS3

/// Known answers published by AWS. Each expected signature below was found in AWS's S3 guide
/// "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk"
/// and in the aws-sig-v4-test-suite, as quoted by several independent signer test suites; none is
/// computed by this code.
@Suite("SigV4 signer")
struct SigV4Tests {
    /// 2013-05-24T00:00:00Z.
    static let may24 = Date(timeIntervalSince1970: 1_369_353_600)
    static let s3Example = SigV4Signer(
        credentials: S3Credentials(
            accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1")
    static let host = "examplebucket.s3.amazonaws.com"

    static func s3Headers(_ extra: [(String, String)] = [], payload: String = SigV4Signer.emptyPayloadSHA256)
        -> [(String, String)]
    {
        [("Host", host), ("x-amz-date", "20130524T000000Z"), ("x-amz-content-sha256", payload)] + extra
    }

    @Test("GET object with a Range (S3 guide example)")
    func getObject() {
        let s = Self.s3Example.sign(
            method: "GET", path: "/test.txt", query: [], headers: Self.s3Headers([("Range", "bytes=0-9")]),
            payloadHash: SigV4Signer.emptyPayloadSHA256, date: Self.may24)
        #expect(
            s.canonicalRequest == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(s.stringToSign.hasSuffix("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"))
        #expect(s.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(
            s.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
    }

    @Test("PUT object with a payload hash and a key that needs encoding (S3 guide example)")
    func putObject() {
        let payload = S3Payload.sha256Hex(Data("Welcome to Amazon S3.".utf8))
        #expect(payload == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let s = Self.s3Example.sign(
            method: "PUT", path: "/test$file.text", query: [],
            headers: Self.s3Headers(
                [("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
                payload: payload),
            payloadHash: payload, date: Self.may24)
        #expect(s.canonicalRequest.hasPrefix("PUT\n/test%24file.text\n\n"))
        #expect(s.stringToSign.hasSuffix("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"))
        #expect(s.signedHeaders == "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class")
        #expect(s.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test("GET bucket lifecycle: a query key without a value (S3 guide example)")
    func getLifecycle() {
        let s = Self.s3Example.sign(
            method: "GET", path: "/", query: [("lifecycle", "")], headers: Self.s3Headers(),
            payloadHash: SigV4Signer.emptyPayloadSHA256, date: Self.may24)
        #expect(s.canonicalRequest.hasPrefix("GET\n/\nlifecycle=\n"))
        #expect(s.stringToSign.hasSuffix("9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca"))
        #expect(s.signature == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test("GET bucket (list objects): the query is sorted (S3 guide example)")
    func listObjects() {
        let s = Self.s3Example.sign(
            method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")], headers: Self.s3Headers(),
            payloadHash: SigV4Signer.emptyPayloadSHA256, date: Self.may24)
        #expect(s.canonicalRequest.hasPrefix("GET\n/\nmax-keys=2&prefix=J\n"))
        #expect(s.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    /// aws-sig-v4-test-suite: service "service", 2015-08-30T12:36:00Z, host example.amazonaws.com.
    static let suite = SigV4Signer(
        credentials: S3Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")
    static let aug30 = Date(timeIntervalSince1970: 1_440_938_160)

    @Test(
        "aws-sig-v4-test-suite vectors",
        arguments: [
            ("get-vanilla", "/", [(String, String)](), "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            (
                "get-vanilla-query-order-key-case", "/", [("Param2", "value2"), ("Param1", "value1")],
                "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
            ),
        ])
    func testSuite(name: String, path: String, query: [(String, String)], expected: String) {
        let s = Self.suite.sign(
            method: "GET", path: path, query: query,
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            payloadHash: SigV4Signer.emptyPayloadSHA256, date: Self.aug30)
        #expect(s.signature == expected, "\(name)")
        #expect(
            s.authorization.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            ))
    }

    @Test("S3 URI encoding: unreserved kept, slash kept only in paths, upper-case hex, UTF-8 bytes")
    func encoding() {
        #expect(S3URIEncoding.encode("A-z_0.9~", keepSlash: false) == "A-z_0.9~")
        #expect(S3URIEncoding.encode("a b+c=&?#", keepSlash: false) == "a%20b%2Bc%3D%26%3F%23")
        #expect(S3URIEncoding.encode("a/b", keepSlash: true) == "a/b")
        #expect(S3URIEncoding.encode("a/b", keepSlash: false) == "a%2Fb")
        #expect(S3URIEncoding.encode("ሴ", keepSlash: true) == "%E1%88%B4")
        #expect(S3URIEncoding.canonicalQuery([("uploads", ""), ("prefix", "a/b"), ("list-type", "2")])
            == "list-type=2&prefix=a%2Fb&uploads=")
    }

    @Test("the secret never appears in a description or an Authorization header")
    func noSecret() {
        let creds = S3Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        #expect(!"\(creds)".contains("wJalr"))
        #expect(!String(reflecting: creds).contains("wJalr"))
        let s = Self.s3Example.sign(
            method: "GET", path: "/", query: [], headers: Self.s3Headers(), payloadHash: SigV4Signer.emptyPayloadSHA256,
            date: Self.may24)
        #expect(!s.authorization.contains("wJalr"))
    }
}
