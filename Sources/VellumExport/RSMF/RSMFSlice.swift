import Foundation
import VellumCore
import ZIPFoundation

/// One RSMF file being built: its events, participants and the `rsmf.zip` growing on disk.
///
/// Attachments go into the zip as their messages arrive, so a slice holds event metadata in
/// memory, never attachment bytes.
final class RSMFSlice {
    let number: Int
    let path: String
    let zipURL: URL
    private var archive: Archive?
    private(set) var participantOrder: [String] = []
    private(set) var parties: [String: ExportParty] = [:]
    var events: [RSMFEvent] = []
    /// Source native id → index in ``events``, for replies and revisions within the slice.
    var eventIndexBySource: [String: Int] = [:]
    private(set) var attachmentCount = 0
    private(set) var zipBytes: Int64 = 22
    private(set) var manifestBytesEstimate: Int64 = 1_024
    private(set) var textBytesEstimate: Int64 = 512
    var firstDay: Int64?
    /// The custodian's participant id once the custodian appears.
    var custodianID: String?

    init(number: Int, path: String, zipURL: URL) throws {
        self.number = number
        self.path = path
        self.zipURL = zipURL
        do { archive = try Archive(url: zipURL, accessMode: .create, pathEncoding: nil) } catch {
            throw ExportError(.io, "\(path): cannot create its rsmf.zip: \(error)")
        }
    }

    var isEmpty: Bool { events.isEmpty }

    /// A conservative estimate of the finished `.rsmf` size: base64 (4/3, plus CRLF per 76) of
    /// the zip and manifest, the text part at worst-case encoding, and the headers.
    var estimatedBytes: Int64 {
        (zipBytes + manifestBytesEstimate) * 4 / 3 * 78 / 76 + textBytesEstimate * 3 / 2 + 4_096
    }

    /// The participant id for `party`, registering it on first sight.
    @discardableResult
    func register(_ party: ExportParty, custodianEmployeeID: String?) -> String {
        let id = party.id.isEmpty ? "unknown" : party.id
        if parties[id] == nil {
            parties[id] = party
            participantOrder.append(id)
            manifestBytesEstimate += 200 + Int64(party.displayName.utf8.count + id.utf8.count) * 2
            textBytesEstimate += Int64(party.displayName.utf8.count) + 2
        } else if parties[id]?.name == nil, party.name != nil {
            parties[id] = party
        }
        if let custodianEmployeeID, custodianID == nil, party.employeeID == custodianEmployeeID { custodianID = id }
        return id
    }

    /// Accounts for text that grows the manifest and the text part (bodies, edits).
    func grow(manifest: Int, text: Int) {
        manifestBytesEstimate += Int64(manifest)
        textBytesEstimate += Int64(text)
    }

    /// Stores an attachment flat at the zip root under a unique safe name.
    func addAttachment(_ attachment: RenderedAttachment, modified: Date) throws -> RSMFEvent.Attachment {
        guard let archive else { throw ExportError(.sessionClosed, "\(path): the slice is already closed") }
        attachmentCount += 1
        let id = String(format: "A%05d_", attachmentCount) + SafeName.fileName(attachment.name)
        let data = attachment.data
        do {
            try archive.addEntry(
                with: id, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                compressionMethod: Self.compresses(attachment.mediaType) ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch {
            throw ExportError(.io, "\(path): cannot add \(id) to rsmf.zip: \(error)")
        }
        zipBytes += Int64(data.count) + 2 * Int64(id.utf8.count) + 100
        manifestBytesEstimate += 120 + Int64(id.utf8.count + attachment.name.utf8.count) * 2
        textBytesEstimate += 40 + Int64(attachment.name.utf8.count)
        return RSMFEvent.Attachment(id: id, display: attachment.name, size: Int64(data.count))
    }

    /// Adds the manifest and closes the zip; the zip file is complete afterwards.
    func closeZip(manifest: Data, modified: Date) throws {
        guard let archive else { throw ExportError(.sessionClosed, "\(path): the slice is already closed") }
        do {
            try archive.addEntry(
                with: "rsmf_manifest.json", type: .file, uncompressedSize: Int64(manifest.count),
                modificationDate: modified, compressionMethod: .deflate
            ) { position, size in
                manifest.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch {
            throw ExportError(.io, "\(path): cannot add rsmf_manifest.json to rsmf.zip: \(error)")
        }
        self.archive = nil  // closes the file
    }

    /// Media that is usually compressed already is stored, the rest deflated.
    static func compresses(_ mediaType: String) -> Bool {
        let t = mediaType.lowercased()
        if t.hasPrefix("image/") { return t == "image/svg+xml" || t == "image/bmp" || t == "image/tiff" }
        if t.hasPrefix("video/") || t.hasPrefix("audio/") { return false }
        return !["application/zip", "application/gzip", "application/pdf", "application/x-7z-compressed"].contains(t)
    }
}
