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
    /// Where exports and privacy outputs are kept, sealed.
    public let vault: DeliverableVault
    public let metrics = ServerMetrics()
    /// Wakes the WeCom puller (run by ``run(logger:say:)`` when one is configured).
    public let wecomPulls = WakeTrigger()
    /// Wakes the storage-lock sync after a legal hold changes (only runs on a locking blob store).
    public let lockSync = WakeTrigger()
    /// Group commit of webhook deliveries.
    let ingestQueue: WebhookIngestQueue
    /// Refused webhook deliveries, counted and ledgered without flooding the ledger.
    let rejections: RejectionRecorder

    /// `deliverables` is the folder for sealed exports; by default `deliverables` beside the
    /// archive's tree-head checkpoint (in its data directory), or a private temporary folder for
    /// an archive in memory.
    public init(archive: Archive, settings: ServerSettings = .init(), setup: FirstAdminSetup = .init(), deliverables: URL? = nil) {
        self.archive = archive
        let folder = deliverables
            ?? archive.checkpoint?.deletingLastPathComponent().appendingPathComponent("deliverables", isDirectory: true)
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("vellum-deliverables-\(UUID().uuidString)")
        self.vault = DeliverableVault(archive: archive, folder: folder)
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
        router.add(middleware: MetricsMiddleware(metrics: metrics))
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
        // Prometheus scrapes with a bearer token of a role that watches capture (admin, compliance).
        book.add(.get, "/metrics", .api, .viewCaptureHealth) { [metrics, archive] _, _, _ in
            let text = try await Offload.run { try metrics.exposition(archive: archive) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        RecordsAPI(archive: archive).register(book)
        SupervisionAPI(archive: archive).register(book)
        GovernanceAPI(archive: archive, lockSync: lockSync).register(book)
        LedgerAPI(archive: archive).register(book)
        AccountsAPI(accounts: accounts).register(book)
        DeliverablesAPI(archive: archive, vault: vault).register(book)
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
