import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOFoundationCompat
import VellumCore
import VellumCrypto

/// A webhook body read as raw bytes (signatures cover the exact bytes), up to a cap.
enum WebhookBody {
    enum Read {
        case body(Data)
        /// Over the cap. The digest covers what was read before refusing (nil when the announced
        /// length alone refused it).
        case tooLarge(partialSHA256: String?)
    }

    /// Reads the whole body unless it is larger than `limit` bytes; a body announced larger is
    /// refused without reading it.
    static func read(_ request: Request, limit: Int) async throws -> Read {
        if let announced = request.headers[.contentLength].flatMap(Int.init), announced > limit {
            return .tooLarge(partialSHA256: nil)
        }
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else {
                return .tooLarge(partialSHA256: sha256Hex(Data(buffer: buffer)))
            }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return .body(Data(buffer: buffer))
    }

    static func sha256Hex(_ data: Data) -> String { Digest.sha256(data).hexString }
}
