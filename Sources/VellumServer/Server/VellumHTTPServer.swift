import HTTPTypes
import NIOCore
public import Foundation
public import Hummingbird
public import VellumApp
public import Logging
import VellumStore

/// Assembles the HTTP server: middleware, every route through one ``RouteBook``.
public struct VellumHTTPServer: Sendable {
    public let archive: Archive
    public let settings: ServerSettings
    public let setup: FirstAdminSetup
    public let accounts: AccountService
    public let throttle = LoginThrottle()
    /// Wakes the WeCom puller (run by ``run(logger:say:)`` when one is configured).
    public let wecomPulls = WeComPullTrigger()
    /// Group commit of webhook deliveries.
    let ingestQueue: WebhookIngestQueue
    /// Refused webhook deliveries, counted and ledgered without flooding the ledger.
    let rejections: RejectionRecorder

    public init(archive: Archive, settings: ServerSettings = .init(), setup: FirstAdminSetup = .init()) {
        self.archive = archive
        self.settings = settings
        self.setup = setup
        self.accounts = AccountService(archive: archive, bcryptCost: settings.bcryptCost)
        self.ingestQueue = WebhookIngestQueue(
            archive: archive, maxItems: settings.webhooks.groupCommitMaxItems, window: settings.webhooks.groupCommitWindow
        ) { try Ingestor(archive: archive) }
        self.rejections = RejectionRecorder(archive: archive, interval: settings.webhooks.rejectionLedgerInterval)
    }

    /// The router with every route, and the book that lists them.
    public func router() -> (Router<VellumContext>, RouteBook) {
        let router = Router(context: VellumContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AuthenticationMiddleware(accounts: accounts))
        let book = RouteBook(router: router)
        WebUI(server: self).install(book)
        book.open(.get, "/healthz") { _, _ in
            let size = try await Offload.run { [archive] in try archive.store.read { try $0.ledgerSize() } }
            return try JSONResponse.make(["status": "ok", "ledger_entries": String(size)])
        }
        book.open(.get, "/api/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        RecordsAPI(archive: archive).register(book)
        SupervisionAPI(archive: archive).register(book)
        GovernanceAPI(archive: archive).register(book)
        LedgerAPI(archive: archive).register(book)
        AccountsAPI(accounts: accounts).register(book)
        WebhookRoutes(
            settings: settings.webhooks,
            intake: WebhookIntake(queue: ingestQueue, rejections: rejections, maxBody: settings.maxWebhookBody),
            pulls: wecomPulls
        ).register(book)
        // Unknown paths still pass through the middleware (security headers), and get a plain 404.
        for method: HTTPRequest.Method in [.get, .post, .put, .delete, .patch] {
            router.on("/**", method: method) { _, _ in
                RouteBook.jsonFailure(HTTPFailure(.notFound, "notFound", "no such route"))
            }
        }
        return (router, book)
    }

    /// The application, listening on the configured address.
    public func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let (router, _) = router()
        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
