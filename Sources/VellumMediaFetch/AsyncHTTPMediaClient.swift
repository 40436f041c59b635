import AsyncHTTPClient
import NIOCore
import NIOFoundationCompat
public import Foundation
import NIOHTTP1
public import VellumCapture

/// ``MediaHTTPClient`` over AsyncHTTPClient: a read timeout and a whole-request deadline from the
/// request, bodies collected up to its `maxBytes` and no further. Errors are ``MediaFetchError``s
/// that name no URL and no header (the Telegram token is in the URL, WhatsApp's in a header).
///
/// Call ``shutdown()`` when done with it.
public final class AsyncHTTPMediaClient: MediaHTTPClient {
    let client: HTTPClient

    public init(connectTimeout: Duration = .seconds(10), readTimeout: Duration = .seconds(60)) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: Self.amount(connectTimeout), read: Self.amount(readTimeout))
        configuration.redirectConfiguration = .follow(max: 3, allowCycles: false)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    public func shutdown() async throws { try await client.shutdown() }

    public func get(_ request: MediaHTTPRequest) async throws -> MediaHTTPResponse {
        var http = HTTPClientRequest(url: request.url)
        http.method = .GET
        for header in request.headers { http.headers.add(name: header.name, value: header.value) }
        do {
            let response = try await client.execute(http, timeout: Self.amount(request.timeout))
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > request.maxBytes {
                throw MediaFetchError(.tooLarge, "the answer announces \(length) bytes, over the \(request.maxBytes)-byte cap")
            }
            let body = try await response.body.collect(upTo: request.maxBytes)
            return MediaHTTPResponse(status: Int(response.status.code), body: Data(buffer: body))
        } catch let error as MediaFetchError {
            throw error
        } catch is NIOTooManyBytesError {
            throw MediaFetchError(.tooLarge, "the answer is over the \(request.maxBytes)-byte cap")
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                throw MediaFetchError(.timeout, "no answer in time (\(error))")
            default:
                throw MediaFetchError(.transport, "\(error)")
            }
        } catch {
            throw MediaFetchError(.transport, "\(type(of: error))")
        }
    }

    static func amount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
