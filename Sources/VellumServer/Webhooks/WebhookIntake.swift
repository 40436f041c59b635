import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import VellumApp

/// What every webhook route shares: the body read under the cap, refusals recorded, and
/// deliveries committed through the group-commit queue before they are acknowledged.
struct WebhookIntake: Sendable {
    let queue: WebhookIngestQueue
    let rejections: RejectionRecorder
    let maxBody: Int

    /// The raw body. A body over the cap is refused with 413, and the refusal recorded.
    func body(_ request: Request, channel: String, context: VellumContext) async throws -> Data {
        switch try await WebhookBody.read(request, limit: maxBody) {
        case .body(let data): return data
        case .tooLarge(let partial):
            await rejections.refuse(channel: channel, reason: "too_large", bodySHA256: partial, logger: context.logger)
            throw HTTPFailure(.contentTooLarge, "tooLarge", "the body is larger than \(maxBody) bytes; nothing was kept")
        }
    }

    /// A refusal to throw: recorded (channel, reason, SHA-256 of the body), nothing of the body kept.
    func refuse(
        channel: String, reason: String, body: Data?, status: HTTPResponse.Status = .unauthorized, code: String = "unauthenticated",
        message: String, context: VellumContext
    ) async -> HTTPFailure {
        await rejections.refuse(
            channel: channel, reason: reason, bodySHA256: body.map(WebhookBody.sha256Hex), logger: context.logger)
        return HTTPFailure(status, code, message)
    }

    /// Commits the items with the other deliveries waiting; answers 200 with how many were
    /// imported, already held, or quarantined, only once they are durable.
    func commit(_ items: [IncomingItem], context: VellumContext) async throws -> Response {
        let outcomes = items.isEmpty ? [] : try await queue.submit(items, logger: context.logger)
        var summary = ImportSummary()
        for outcome in outcomes {
            switch outcome {
            case .imported: summary.imported += 1
            case .duplicate: summary.duplicates += 1
            case .quarantined: summary.quarantined += 1
            }
        }
        return try JSONResponse.make(summary)
    }
}
