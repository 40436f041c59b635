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

    /// Waits before each retry of an answer that says "try again" (500, 502, 503, 504): every
    /// call Vellum makes is idempotent (content-addressed puts, reads, version deletes, lock
    /// settings), so sending it again is safe, as AWS's own SDKs do.
    static let retryWaits: [Duration] = [.milliseconds(100), .milliseconds(400), .milliseconds(1600)]

    /// Whether an answer with `status` is sent again, after `attempt` tries so far (1-based).
    static func shouldRetry(status: Int, attempt: Int) -> Bool {
        [500, 502, 503, 504].contains(status) && attempt <= retryWaits.count
    }

    /// Sends one signed request to `/bucket[/key]` and returns the answer, whatever its status;
    /// transient server errors are retried (``retryWaits``), each try signed anew.
    func send(
        _ method: HTTPMethod, key: String? = nil, query: [(String, String)] = [], headers extra: [(String, String)] = [],
        body: Data = Data()
    ) throws -> Response {
        var attempt = 1
        while true {
            let r = try sendOnce(method, key: key, query: query, headers: extra, body: body)
            guard Self.shouldRetry(status: r.status, attempt: attempt) else { return r }
            let wait = Self.retryWaits[attempt - 1].components
            usleep(UInt32(wait.seconds * 1_000_000 + wait.attoseconds / 1_000_000_000_000))
            attempt += 1
        }
    }

    func sendOnce(
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
