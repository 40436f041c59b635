public import Foundation
import VellumCore
import VellumCrypto
import VellumExport
public import VellumPolicy
import VellumStore
import VellumSurveillance

/// The answer to an access request (GDPR Art. 15, CCPA §1798.110, PIPL Art. 45): everything the
/// archive holds about the subject, as `access.json` (machine-readable) and `access.html` (for
/// people), with the attachments in `files/`. Other external people are redacted: their names and
/// identifiers become "another person", and phone numbers and emails in message text that are not
/// the subject's are masked. Employees appear by name; they are the firm.
public struct AccessPackage: Sendable, Codable, Hashable {
    public struct Person: Sendable, Codable, Hashable {
        /// `you`, `employee` or `other`.
        public var role: String
        public var name: String
    }

    public struct File: Sendable, Codable, Hashable {
        public var name: String
        public var media_type: String
        public var size: Int
        public var sha256: String
        /// Where the file is inside the package.
        public var path: String
    }

    public struct Item: Sendable, Codable, Hashable {
        public var id: String
        public var channel: String
        public var conversation: String
        public var sent_at: String
        public var from: Person
        public var to: [Person]
        public var kind: String
        public var text: String?
        public var files: [File]
        /// The day retention ends (absent when no rule matches).
        public var retained_until: String?
        /// Kept after an erasure request, for legal and compliance only.
        public var restricted: Bool
    }

    public struct Purpose: Sendable, Codable, Hashable {
        public var purpose: String
        public var lawful_basis: String
        public var recipients: [String]
    }

    public var request: String
    public var law: String
    public var organisation: String
    public var generated_at: String
    public var subject_identifiers: [String]
    public var purposes: [Purpose]
    public var items: [Item]
    public var redacted_people: Int
}

/// Builds and writes an ``AccessPackage``.
struct AccessPackageWriter {
    let archive: Archive

    /// Writes the package into a new `folder` (refuses an existing one); returns the package.
    func write(
        request: RegisteredPrivacyRequest, records: [StoredRecord], to folder: URL, language: Language
    ) throws -> AccessPackage {
        guard !FileManager.default.fileExists(atPath: folder.path) else {
            throw VellumError(.invalidInput, "\(folder.path) already exists; an access package goes into a new folder")
        }
        let governance = try RecordGovernance(archive: archive)
        let subject = Set(request.subjects.flatMap { id in Channel.allCases.map { Identifier.normalize(id, channel: $0) } })
        let restricted = try archive.store.read { tx in Set(try tx.restrictions().map(\.id)) }
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).partial")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("files"), withIntermediateDirectories: true)
        var others: [String: Int] = [:]
        let engine = ScanEngine()
        var items: [AccessPackage.Item] = []
        for stored in records {
            let m = try archive.open(stored).message
            func person(_ p: ArchivedMessage.Person) -> AccessPackage.Person {
                if subject.contains(Identifier.normalize(p.id, channel: m.channel)) { return .init(role: "you", name: p.name ?? p.id) }
                if let e = p.employee { return .init(role: "employee", name: governance.directory[e]?.name ?? p.name ?? e) }
                let n = others[Identifier.normalize(p.id, channel: m.channel)] ?? {
                    others[Identifier.normalize(p.id, channel: m.channel)] = others.count + 1
                    return others.count
                }()
                return .init(role: "other", name: language == .zh ? "其他人 \(n)" : "another person (\(n))")
            }
            var files: [AccessPackage.File] = []
            let key = try archive.recordDataKey(stored)
            for (i, f) in m.attachments.enumerated() {
                let path = "files/\(stored.id.rawValue)-\(i + 1)-" + Self.safeName(f.name)
                if let key, let sealed = try archive.blobs.get(f.blob) {
                    try key.open(sealed, context: Archive.blobContext(scope: stored.scope))
                        .write(to: staging.appendingPathComponent(path))
                }
                files.append(.init(name: f.name, media_type: f.media_type, size: f.size, sha256: f.sha256, path: path))
            }
            items.append(AccessPackage.Item(
                id: stored.id.rawValue, channel: m.channel.rawValue, conversation: m.conversation.title ?? m.conversation.id,
                sent_at: m.sent_at, from: person(m.from), to: m.to.map(person), kind: m.kind.rawValue,
                text: m.text.map { Self.redact($0, engine: engine, subject: subject, channel: m.channel) }, files: files,
                retained_until: governance.retention(of: m, stored: stored).retainUntil?.description,
                restricted: restricted.contains(stored.id)))
        }
        let package = AccessPackage(
            request: request.id, law: request.request.law.rawValue, organisation: governance.policy.organisation.name,
            generated_at: Timestamp(date: archive.now()).rfc3339, subject_identifiers: request.subjects,
            purposes: governance.policy.purposes.map {
                .init(purpose: language == .zh ? ($0.description.zh ?? $0.description.en) : $0.description.en,
                      lawful_basis: $0.lawfulBasis.rawValue, recipients: $0.recipients)
            },
            items: items, redacted_people: others.count)
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try e.encode(package).write(to: staging.appendingPathComponent("access.json"))
        try Data(AccessPackageHTML.render(package, language: language).utf8).write(to: staging.appendingPathComponent("access.html"))
        try FileManager.default.moveItem(at: staging, to: folder)
        return package
    }

    /// Phone numbers and emails in `text` that are not the subject's, masked.
    static func redact(_ text: String, engine: ScanEngine, subject: Set<String>, channel: Channel) -> String {
        let findings = engine.scan(text).filter { $0.detector == "phone" || $0.detector == "email" }
        guard !findings.isEmpty else { return text }
        var scalars = Array(text.unicodeScalars)
        for f in findings.sorted(by: { $0.start > $1.start }) where f.end <= scalars.count {
            let value = String(String.UnicodeScalarView(scalars[f.start ..< f.end]))
            if subject.contains(Identifier.normalize(value, channel: channel))
                || subject.contains(Identifier.normalize(value, channel: .sms)) { continue }
            scalars.replaceSubrange(f.start ..< f.end, with: "[redacted]".unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func safeName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map {
            CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-" || $0 == "_" ? Character($0) : "_"
        })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "file" + cleaned : String(cleaned.prefix(80))
    }
}

/// The human-readable page of an access package: self-contained, no scripts, no external assets.
enum AccessPackageHTML {
    static func render(_ p: AccessPackage, language: Language) -> String {
        let zh = language == .zh
        let h = HTMLEscape.text
        var out = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh" : "en")"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
            <title>\(h(zh ? "个人信息查阅" : "Your data")) — \(h(p.request))</title>
            <style>body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
            .m{border:1px solid #d6dbe3;border-radius:.6rem;padding:.6rem .8rem;margin:.6rem 0}
            .you{background:#eef6ff}.meta{color:#5b6472;font-size:.85em}.r{color:#8a4b00}</style></head><body>
            <h1>\(h(zh ? "我们持有的关于您的信息" : "The information we hold about you"))</h1>
            <p>\(h(p.organisation)) · \(h(zh ? "请求编号" : "Request")) \(h(p.request)) · \(h(p.generated_at))</p>
            <h2>\(h(zh ? "处理目的与依据" : "Why we keep it"))</h2><ul>
            """
        for purpose in p.purposes {
            out += "<li>\(h(purpose.purpose)) (\(h(purpose.lawful_basis)))"
                + (purpose.recipients.isEmpty ? "" : " — " + h(purpose.recipients.joined(separator: ", "))) + "</li>"
        }
        out += "</ul><h2>\(h(zh ? "消息" : "Messages")) (\(p.items.count))</h2>\n"
        for item in p.items {
            let names = ([item.from] + item.to).map { $0.role == "you" ? (zh ? "您" : "you") : $0.name }
            out += "<div class=\"m\(item.from.role == "you" ? " you" : "")\"><div class=\"meta\">"
                + "\(h(item.sent_at)) · \(h(item.channel)) · \(h(item.conversation)) · \(h(names[0])) → "
                + h(names.dropFirst().joined(separator: ", ")) + "</div>"
            if let text = item.text { out += "<p>\(h(text))</p>" }
            for f in item.files { out += "<p>📎 <a href=\"\(h(f.path))\">\(h(f.name))</a> (\(f.size) bytes)</p>" }
            if let until = item.retained_until {
                out += "<div class=\"meta\">\(h(zh ? "保存至" : "Kept until")) \(h(until))</div>"
            }
            if item.restricted { out += "<div class=\"r\">\(h(zh ? "已限制处理" : "Restricted: stored only"))</div>" }
            out += "</div>\n"
        }
        if p.redacted_people > 0 {
            out += "<p class=\"meta\">\(h(zh ? "为保护他人，其他外部人员的身份已隐去。" : "Other people's names and numbers are hidden to protect them."))</p>"
        }
        return out + "</body></html>\n"
    }
}
