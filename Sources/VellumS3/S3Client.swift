import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small S3 client over AsyncHTTPClient: just the calls an Object Lock blob store needs.
///
/// Calls are synchronous, like ``VellumStore/BlobStore``: each sends one SigV4-signed request on
/// AsyncHTTPClient's own event loops and waits for its answer. Waiting never needs a Swift
/// concurrency thread to make progress, so it cannot starve the cooperative pool into deadlock; it
/// must not happen on a SwiftNIO event loop, and such a call is refused with
/// ``S3Error/Code/calledOnEventLoop`` (see docs/decisions/0011).
public struct S3Client: Sendable {
    public let configuration: S3Configuration
    let signer: SigV4Signer
    let http: HTTPClient

    public init(configuration: S3Configuration) {
        self.configuration = configuration
        self.signer = SigV4Signer(credentials: configuration.credentials, region: configuration.region)
        self.http = HTTPClient.shared
    }

    public var bucket: String { configuration.bucket }

    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
    }

    /// Sends one signed request to `/bucket[/key]` and returns the answer, whatever its status.
    func send(
        _ method: HTTPMethod, key: String? = nil, query: [(String, String)] = [], headers extra: [(String, String)] = [],
        body: Data = Data(), date: Date = Date()
    ) throws -> Response {
        if MultiThreadedEventLoopGroup.currentEventLoop != nil {
            throw S3Error(
                .calledOnEventLoop, "a blocking S3 call was made on a SwiftNIO event loop; call it from a thread pool",
                bucket: bucket, key: key)
        }
        let path = "/" + bucket + (key.map { "/" + $0 } ?? "")
        let payloadHash = S3Payload.sha256Hex(body)
        let (amzDate, _) = SigV4Signer.timestamps(date)
        var headers = [
            ("Host", configuration.hostHeader), ("x-amz-date", amzDate), ("x-amz-content-sha256", payloadHash),
        ]
        headers += extra
        let signed = signer.sign(
            method: method.rawValue, path: path, query: query, headers: headers, payloadHash: payloadHash, date: date)
        var httpHeaders = HTTPHeaders(headers)
        httpHeaders.add(name: "Authorization", value: signed.authorization)
        var url = configuration.endpoint.absoluteString
        while url.hasSuffix("/") { url.removeLast() }
        url += S3URIEncoding.encode(path, keepSlash: true)
        let q = S3URIEncoding.canonicalQuery(query)
        if !q.isEmpty { url += "?" + q }

        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(
                url: url, method: method, headers: httpHeaders, body: body.isEmpty ? nil : .bytes(body))
        } catch {
            throw S3Error(.unreachable, "bad endpoint URL \(configuration.endpoint): \(error)", bucket: bucket, key: key)
        }
        let timeout = configuration.requestTimeout.components
        let deadline = NIODeadline.now() + .seconds(timeout.seconds) + .nanoseconds(timeout.attoseconds / 1_000_000_000)
        let response: HTTPClient.Response
        do {
            response = try http.execute(request: request, deadline: deadline).wait()
        } catch {
            throw S3Error(
                .unreachable, "\(method.rawValue) to \(configuration.endpoint) failed: \(error)", bucket: bucket, key: key)
        }
        return Response(
            status: Int(response.status.code), headers: response.headers,
            body: response.body.map { Data($0.readableBytesView) } ?? Data())
    }

    /// Sends, and turns any answer outside 2xx into an ``S3Error``.
    @discardableResult
    func sendExpectingSuccess(
        _ method: HTTPMethod, key: String? = nil, query: [(String, String)] = [], headers: [(String, String)] = [],
        body: Data = Data()
    ) throws -> Response {
        let r = try send(method, key: key, query: query, headers: headers, body: body)
        guard (200 ..< 300).contains(r.status) else { throw error(for: r, key: key) }
        return r
    }

    /// Reads an error answer into the most specific ``S3Error`` it supports.
    func error(for r: Response, key: String?) -> S3Error {
        S3ErrorClassifier.classify(status: r.status, body: S3ErrorBody.parse(r.body), bucket: bucket, key: key)
    }
}
