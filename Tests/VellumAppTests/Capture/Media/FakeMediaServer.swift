import Foundation
import Hummingbird
import Logging
import Synchronization

/// A loopback HTTP server standing in for the Graph API, WhatsApp's media host and Telegram's
/// Bot API. Each path (with its query) answers from a script: replies are used in order and the
/// last one repeats; an unscripted path is a 404. Paths under the Graph API and the media host
/// need the expected bearer token (else 401), as Meta's do.
final class FakeMediaServer: Sendable {
    struct Reply: Sendable {
        var status: Int
        var body: Data
    }

    let bearer: String
    let scripts = Mutex<[String: [Reply]]>([:])
    /// Every request seen: path with query, Authorization header.
    let seen = Mutex<[(path: String, authorization: String?)]>([])
    let boundPort = Mutex<Int>(0)

    init(bearer: String) { self.bearer = bearer }

    var port: Int { boundPort.withLock { $0 } }
    var base: String { "http://127.0.0.1:\(port)" }

    func script(_ path: String, _ replies: Reply...) { scripts.withLock { $0[path] = replies } }

    func json(_ object: [String: Any]) -> Data { try! JSONSerialization.data(withJSONObject: object) }

    /// The metadata answer of `GET /v21.0/{id}` pointing at this server's media host.
    func whatsAppMedia(id: String, content: Data, sha256: String, mime: String = "image/jpeg") {
        script("/v21.0/\(id)", Reply(status: 200, body: json([
            "id": id, "url": "\(base)/lookaside/\(id)?ext=1", "mime_type": mime, "sha256": sha256,
            "file_size": content.count, "messaging_product": "whatsapp",
        ])))
        script("/lookaside/\(id)?ext=1", Reply(status: 200, body: content))
    }

    func requests(matching prefix: String) -> Int { seen.withLock { $0.filter { $0.path.hasPrefix(prefix) }.count } }

    func reply(path: String, authorization: String?) -> Reply {
        seen.withLock { $0.append((path, authorization)) }
        if path.hasPrefix("/v21.0/") || path.hasPrefix("/lookaside/"), authorization != "Bearer \(bearer)" {
            return Reply(status: 401, body: Data(#"{"error":{"message":"Invalid OAuth access token"}}"#.utf8))
        }
        return scripts.withLock { scripts in
            guard var replies = scripts[path], let first = replies.first else {
                return Reply(status: 404, body: Data(#"{"ok":false,"error_code":404,"description":"Not Found"}"#.utf8))
            }
            if replies.count > 1 {
                replies.removeFirst()
                scripts[path] = replies
            }
            return first
        }
    }

    /// Runs the server for the duration of `body`.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        let router = Router()
        router.get("**") { [self] request, _ -> Response in
            let path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            let r = reply(path: path, authorization: request.headers[.authorization])
            return Response(
                status: .init(code: r.status), headers: [.contentType: "application/octet-stream"],
                body: .init(byteBuffer: ByteBuffer(bytes: Array(r.body))))
        }
        let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "fake-media-server")
        logger.logLevel = .critical  // its shutdown by cancellation is expected, not worth a line
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                readyContinuation.yield(channel.localAddress?.port ?? 0)
                readyContinuation.finish()
            }, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            for await port in ready { boundPort.withLock { $0 = port } }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
