import Foundation
import VellumCore
import VellumExport
import VellumExportTesting

/// The hand-written corpus most tests export: a WhatsApp direct chat with every revision kind and
/// attachments, and a WeCom group over three days with joins, leaves and CJK.
enum TestCorpus {
    static let alice = ExportParty(id: "+8613800000001", name: "Alice Zhang", employeeID: "E001")
    static let bob = ExportParty(id: "+447946000001", name: "Bob \"Bobby\" O'Neil")
    static let carol = ExportParty(id: "carol.wu", name: "吴卡罗尔")
    static let dave = ExportParty(id: "dave", name: nil)
    static let direct = Conversation(id: "wa-alice-bob", kind: .direct, title: nil)
    static let group = Conversation(id: "wecom-group-7", kind: .group, title: "Deal team 交易组")
    static let xss = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\""
    static let secret = "4111 1111 1111 1111"
    static let png = Draft.png(size: 300)
    static let pdf = Data("%PDF-1.4\n% fake pdf body\n%%EOF\n".utf8)

    /// 08:00 +08:00 on 2026-03-02 plus `minutes`.
    static func at(_ minutes: Int) -> Timestamp {
        Timestamp(seconds: 1_772_409_600 + Int64(minutes * 60), offsetSeconds: 28_800)
    }

    static func directChat() -> [ExportMessage] {
        func m(
            _ i: Int, _ minute: Int, _ from: ExportParty, _ text: String?, kind: MessageKind = .text,
            attachments: [ExportAttachment] = [], replyTo: String? = nil, revision: ExportRevision? = nil,
            fields: [String: String] = [:]
        ) -> ExportMessage {
            Draft.message(
                "rec-d\(i)", "wamid.\(i)", in: direct, channel: .whatsapp, at: at(minute), from: from,
                to: from == alice ? [bob] : [alice], text: text, kind: kind, attachments: attachments, replyTo: replyTo,
                revision: revision, fields: fields)
        }
        return [
            m(1, 0, alice, "Hi Bob, the card is \(secret), keep it safe."),
            m(2, 1, bob, "Got it.\nTwo lines, with \"quotes\", commas; and ®þ specials."),
            m(3, 2, bob, xss, replyTo: "wamid.1"),
            m(4, 3, alice, "Price is 4.25", revision: nil),
            m(5, 4, alice, "Price is 4.35", revision: .edit(of: "wamid.4")),
            m(6, 5, alice, "Price is 4.45 final", revision: .edit(of: "wamid.4")),
            m(7, 6, bob, nil, kind: .reaction, revision: .reaction(to: "wamid.4", emoji: "👍")),
            m(8, 6, alice, nil, kind: .reaction, revision: .reaction(to: "wamid.4", emoji: "❤️")),
            m(9, 7, bob, nil, kind: .reaction, revision: .reaction(to: "wamid.4", emoji: "😂")),
            m(10, 8, bob, nil, kind: .status, revision: .status(of: "wamid.4", status: "delivered")),
            m(11, 9, bob, nil, kind: .status, revision: .status(of: "wamid.4", status: "read")),
            m(
                12, 10, alice, "The photo", kind: .image,
                attachments: [ExportAttachment(name: "chart.png", mediaType: "image/png", bytes: png)]),
            m(
                13, 11, bob, "Quote attached", kind: .file,
                attachments: [ExportAttachment(name: "报价单 v2 (final).pdf", mediaType: "application/pdf", bytes: pdf)]),
            m(14, 12, bob, "Oops wrong chat"),
            m(15, 13, bob, nil, kind: .recall, revision: .recall(of: "wamid.14")),
            m(16, 14, alice, nil, kind: .location, fields: ["latitude": "31.2304", "longitude": "121.4737"]),
        ]
    }

    static func groupChat() -> [ExportMessage] {
        func m(_ i: Int, _ minute: Int, _ from: ExportParty, _ text: String, kind: MessageKind = .text) -> ExportMessage
        {
            Draft.message(
                "rec-g\(i)", "msg-\(i)", in: group, channel: .wecom, at: at(minute), from: from,
                to: [alice, carol, dave].filter { $0 != from }, text: text, kind: kind)
        }
        return [
            m(1, 60, alice, "早上好，合同今天签。"),
            m(2, 61, carol, "Carol joined the group", kind: .system),
            m(3, 62, carol, "收到 👍"),
            m(4, 60 * 24 + 5, dave, "Next day: numbers attached below"),
            m(5, 60 * 24 + 6, dave, "dave left the group", kind: .system),
            m(6, 60 * 48 + 7, alice, "Day three, closing."),
        ]
    }

    /// The corpus sealed into a fresh ledger, with its context.
    static func make(masking: ExportMasking = .off, custodian: Bool = true) -> (
        ExportContext, [[ExportMessage]], SyntheticLedger
    ) {
        let ledger = SyntheticLedger()
        var conversations = [directChat(), groupChat()]
        let head = ledger.seal(&conversations, timestamp: 1_773_000_000_000)
        let context =
            custodian ? Draft.context(head, masking: masking) : Draft.context(head, custodian: nil, masking: masking)
        return (context, conversations, ledger)
    }

    /// Exports the corpus to a new temporary folder.
    static func export(
        formats: Set<ExportFormat> = Set(ExportFormat.allCases), limits: RSMFSliceLimits = RSMFSliceLimits(),
        masking: ExportMasking = .off, custodian: Bool = true
    ) throws -> (URL, ExportSummary, ExportContext) {
        let (context, conversations, _) = make(masking: masking, custodian: custodian)
        let folder = TempDir.make().appendingPathComponent("export")
        let summary = try ExportSession.export(
            to: folder, context: context, options: ExportOptions(formats: formats, rsmfLimits: limits),
            conversations: conversations)
        return (folder, summary, context)
    }
}

enum TempDir {
    /// One folder per test process; folders of earlier runs older than an hour are removed, since
    /// Swift Testing has no suite-wide teardown to remove this one.
    static let root: URL = {
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory
        for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix("vellum-export-tests-") {
            let url = tmp.appendingPathComponent(name)
            if let modified = (try? fm.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
                modified < Date().addingTimeInterval(-3_600)
            {
                try? fm.removeItem(at: url)
            }
        }
        let url = tmp.appendingPathComponent(
            "vellum-export-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try! fm.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func make() -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `folder`, as sorted relative paths.
    static func files(_ folder: URL, extension ext: String? = nil) -> [String] {
        let base = folder.standardizedFileURL.path
        var out: [String] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            if let ext, url.pathExtension != ext { continue }
            out.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return out.sorted()
    }
}
