public import Foundation
import Synchronization
public import VellumCapture
import VellumCore
import VellumCrypto
import VellumStore

/// The WeCom session-archive capture of one archive: the sealed keyring, the puller wired to the
/// pipeline, the durable `seq` cursor and capture health.
///
/// A batch is committed (records and quarantine, one transaction) before the cursor moves past
/// it, in a second transaction: a crash between the two re-pulls the batch, and the archive's
/// idempotency on msgid makes that harmless.
public struct WeComCaptureService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    static let keyringMeta = "wecom.keyring"
    static let keyringContext = Data("wecom-keyring".utf8)
    /// Quarantined records that could not be decrypted carry this format.
    public static let recordFormat = "wecom-record"

    // MARK: keyring

    /// Seals a private key for a `publickey_ver` into the archive. Old versions are kept forever:
    /// old messages stay encrypted to them.
    public func addKey(version: UInt32, pem: String, actor: String) throws {
        _ = try WeComKeyring(pemByVersion: [version: pem])  // refuse a key that does not load
        var pems = try storedPEMs()
        guard pems[version] == nil else {
            throw VellumError(.alreadyExists, "a key for publickey_ver \(version) is already sealed; versions are never replaced")
        }
        pems[version] = pem
        let sealed = try archive.dataKey(scope: ScopePolicy.capture)
            .seal(try JSONEncoder().encode(pems.mapKeys(String.init)), context: Self.keyringContext)
        try archive.store.write { tx in
            try tx.setMeta(Self.keyringMeta, sealed)
            _ = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(
                    type: .captureConfiguration, at: archive.nowMilliseconds,
                    commitment: Digest.sha256(Data(pem.utf8)).hexString, actor: actor, action: "wecom.key.add",
                    count: Int(version))
            ])
        }
        try archive.writeCheckpoint()
    }

    func storedPEMs() throws -> [UInt32: String] {
        guard let sealed = try archive.store.read({ try $0.meta(Self.keyringMeta) }) else { return [:] }
        let plain = try archive.dataKey(scope: ScopePolicy.capture).open(sealed, context: Self.keyringContext)
        let byText = try JSONDecoder().decode([String: String].self, from: plain)
        return Dictionary(uniqueKeysWithValues: byText.compactMap { k, v in UInt32(k).map { ($0, v) } })
    }

    public func keyring() throws -> WeComKeyring { try WeComKeyring(pemByVersion: try storedPEMs()) }

    // MARK: pulling

    /// Pulls from the saved cursor until caught up (or, with `follow`, until cancelled).
    /// Fatal SDK errors (IP not whitelisted, bad secret) stop it with the admin's instructions,
    /// which are also kept in capture health.
    public func pull(
        _ config: WeComCaptureConfiguration, follow: Bool = false, sdk injected: (any WeComSDK)? = nil,
        afterCommit: (@Sendable (WeComPulledBatch) throws -> Void)? = nil,
        onEvent: (@Sendable (WeComPullerEvent) -> Void)? = nil
    ) async throws -> WeComCaptureHealth {
        let sdk = try injected ?? DynamicWeComSDK(
            libraryPath: config.sdk_library, corpID: config.corp_id, secret: try config.secret(), proxy: config.proxy)
        let ingestor = try Ingestor(archive: archive)
        let media = (config.fetch_media ?? true)
            ? WeComMediaDownloader(sdk: sdk, limits: .init(maxTotalBytes: config.max_media_bytes ?? 2 << 30)) : nil
        let health = WeComHealthStore(archive: archive, corp: config.corp_id)
        let puller = WeComPuller(
            sdk: sdk, keyring: try keyring(), startingAfter: try health.load().cursor,
            configuration: .init(
                batchLimit: config.batch_limit ?? 1000,
                pollInterval: .seconds(config.poll_interval_seconds ?? 60)),
            onEvent: onEvent
        ) { batch in
            let items = await Self.items(batch, corp: config.corp_id, media: media)
            let outcomes = try ingestor.ingest(items)
            try afterCommit?(batch)
            try health.record(batch, items: items, outcomes: outcomes)
        }
        do {
            try await puller.run(until: follow ? .cancelled : .caughtUp)
        } catch let error as WeComSDKError {
            try health.fail(error)
            throw VellumError(.refused, error.adminMessage)
        }
        return try health.load()
    }

    /// Turns a pulled batch into pipeline items: messages (with their media fetched, md5-checked),
    /// issues of the parser, and records the SDK could not decrypt, each quarantined with its reason.
    static func items(_ batch: WeComPulledBatch, corp: String, media: WeComMediaDownloader?) async -> [IncomingItem] {
        let file = "wecom:\(corp)"
        let options = ImportOptions(account: corp)
        var items: [IncomingItem] = []
        for record in batch.records {
            switch record.content {
            case .plaintext(let plaintext):
                for parsed in WeComMessageParser().parse(
                    plaintext, file: file, line: Int(record.seq), account: corp, seq: record.seq)
                {
                    switch parsed {
                    case .message(let m): items.append(.message(await fetchMedia(m, media)))
                    case .issue(let issue):
                        items.append(.unreadable(issue, raw: plaintext, format: ImportFormat.wecom.rawValue, options: options))
                    }
                }
            case .quarantined(let error):
                items.append(.unreadable(
                    ImportIssue(file: file, line: Int(record.seq), field: "encrypt_chat_msg", reason: error.description),
                    raw: record.rawRecordJSON, format: recordFormat, options: options))
            }
        }
        return items
    }

    /// Downloads what the message names by sdkfileid. A failed download stays a visible
    /// reference saying why; the message is archived either way.
    static func fetchMedia(_ message: Message, _ downloader: WeComMediaDownloader?) async -> Message {
        guard let downloader else { return message }
        var m = message
        var kept: [MediaReference] = []
        for ref in message.media {
            guard !ref.handle.isEmpty else {
                kept.append(ref)
                continue
            }
            do {
                let bytes = try await downloader.download(fileID: ref.handle, expectedMD5: ref.digests["md5"])
                m.attachments.append(Attachment(
                    name: ref.name ?? "wecom-media", mediaType: ref.mediaType ?? "application/octet-stream", content: bytes))
            } catch {
                var failed = ref
                failed.note = "fetch failed: \(error)"
                kept.append(failed)
            }
        }
        m.media = kept
        return m
    }
}

extension Dictionary {
    func mapKeys<K: Hashable>(_ transform: (Key) -> K) -> [K: Value] {
        Dictionary<K, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
