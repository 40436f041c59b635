import Foundation
import VellumCapture
import VellumCore
import ZIPFoundation

/// An export read whole (a WhatsApp "Export chat" `.txt` or `.zip`, a Telegram Desktop
/// `result.json`): its items with the files it carries attached, and what the reader had to assume.
struct ExportFile {
    var items: [IncomingItem]
    /// What the operator should know: the date order chosen and why, the time zone assumed …
    var notes: [String]

    static func read(_ url: URL, format: ImportFormat, options: ImportOptions) throws -> ExportFile {
        switch format {
        case .whatsappExport: try whatsApp(url, options: options)
        case .telegramExport: try telegram(url, options: options)
        default: throw VellumError(.invalidInput, "\(format.rawValue) is read line by line, not as a whole file")
        }
    }

    /// An issue's raw bytes: the line it names, so quarantine keeps the evidence, not the whole file.
    static func items(_ parsed: [ParsedLine], text: Data, format: ImportFormat, options: ImportOptions) -> [IncomingItem] {
        let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
        return parsed.map { item in
            switch item {
            case .message(let m): return .message(m)
            case .issue(let issue):
                let raw = (1 ... max(1, lines.count)).contains(issue.line) ? Data(lines[issue.line - 1]) : Data()
                return .unreadable(issue, raw: raw, format: format.rawValue, options: options)
            }
        }
    }

    static func whatsApp(_ url: URL, options: ImportOptions) throws -> ExportFile {
        let zone = options.timeZone.flatMap(TimeZone.init(identifier:))
        var text: Data
        var name = url.lastPathComponent
        var media: [String: () throws -> Data] = [:]
        if url.pathExtension.lowercased() == "zip" {
            let zip = try ZIPFoundation.Archive(url: url, accessMode: .read)
            let entries = zip.filter { $0.type == .file }
            guard let chat = entries.first(where: { $0.path.lowercased().hasSuffix(".txt") && isChatText($0.path) })
                ?? entries.first(where: { $0.path.lowercased().hasSuffix(".txt") })
            else {
                throw VellumError(.invalidInput, "\(url.lastPathComponent): no chat text (.txt) in the archive")
            }
            text = try extract(chat, from: zip)
            name = (chat.path as NSString).lastPathComponent
            if name == "_chat.txt" { name = url.deletingPathExtension().lastPathComponent + ".txt" }
            for entry in entries where entry.path != chat.path {
                media[(entry.path as NSString).lastPathComponent] = { try extract(entry, from: zip) }
            }
        } else {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw VellumError(.notFound, "cannot read \(url.path)")
            }
            text = data
            // An unzipped export: the media files lie beside the text.
            let folder = url.deletingLastPathComponent()
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where file != url.lastPathComponent {
                media[file] = { try Data(contentsOf: folder.appendingPathComponent(file)) }
            }
        }
        let result = WhatsAppExportParser().parse(
            text: text, fileName: name, mediaNames: Set(media.keys), timeZone: zone, account: options.account ?? "",
            chatName: options.chat)
        let parsed = try result.attachingMedia { file in try media[file]?() }
        var notes = ["\(url.lastPathComponent): \(result.dateOrderReason)" + (result.dateOrderCertain ? "" : " (not certain)")]
        if result.timeZoneAssumed { notes.append("\(url.lastPathComponent): \(result.timeZoneNote)") }
        return ExportFile(items: items(parsed, text: text, format: .whatsappExport, options: options), notes: notes)
    }

    static func isChatText(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name == "_chat.txt" || name.hasPrefix("WhatsApp")
    }

    static func extract(_ entry: Entry, from zip: ZIPFoundation.Archive) throws -> Data {
        var out = Data()
        _ = try zip.extract(entry, skipCRC32: false) { out.append($0) }
        return out
    }

    static func telegram(_ url: URL, options: ImportOptions) throws -> ExportFile {
        var isFolder: ObjCBool = false
        let json = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
            ? url.appendingPathComponent("result.json") : url
        guard let data = FileManager.default.contents(atPath: json.path) else {
            throw VellumError(.notFound, "cannot read \(json.path)")
        }
        let zone = options.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(secondsFromGMT: 0)!
        let result = TelegramDesktopExportParser(localTimeZone: zone)
            .parse(json: data, fileName: json.lastPathComponent, account: options.account ?? "")
        var parsed = result.items
        let folder = json.deletingLastPathComponent()
        let root = folder.standardizedFileURL.path + "/"
        for file in result.files where file.role != "thumbnail" {
            // Only files inside the export folder: a path like `../../etc/passwd` in a crafted
            // result.json must not pull other files of this machine into the archive.
            let target = folder.appendingPathComponent(file.relativePath).standardizedFileURL
            guard target.path.hasPrefix(root), case .message(var m) = parsed[file.itemIndex],
                  let bytes = FileManager.default.contents(atPath: target.path)
            else { continue }
            let name = (file.relativePath as NSString).lastPathComponent
            m.attachments.append(Attachment(name: name, mediaType: file.mediaType ?? "application/octet-stream", content: bytes))
            m.media.removeAll { $0.handle == file.relativePath }
            parsed[file.itemIndex] = .message(m)
        }
        var notes: [String] = []
        if let zone = result.assumedTimeZone { notes.append("\(json.lastPathComponent): local times read as \(zone)") }
        return ExportFile(items: items(parsed, text: data, format: .telegramExport, options: options), notes: notes)
    }
}
