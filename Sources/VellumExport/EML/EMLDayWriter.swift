import Foundation
import VellumCore

/// Writes one conversation as one RFC 5322 message per conversation-day: a quoted-printable (or
/// base64) `text/plain` transcript, then every attachment as its own base64 MIME part; 7-bit,
/// CRLF. Days are calendar days in the offset of the conversation's first message.
///
/// A day's transcript text is kept in memory and its attachment parts are staged in a scratch
/// file, because the headers (participants, dates) are known only when the day ends.
final class EMLDayWriter: ConversationWriter {
    let conversationKey: String
    let conversation: Conversation
    let channel: Channel
    let custodian: ExportContext.Custodian?
    let registry: OutputRegistry
    let generator: String
    private var day: Int64?
    private var path = ""
    private var transcript = ""
    private var parts: OutputFile?
    private var participantOrder: [String] = []
    private var parties: [String: ExportParty] = [:]
    private var first: Timestamp?
    private var last: Timestamp?
    private var records = 0
    private var attachmentCount = 0
    private var boundary = ""

    init(
        conversationKey: String, first: ExportMessage, custodian: ExportContext.Custodian?, generator: String,
        registry: OutputRegistry
    ) {
        self.conversationKey = conversationKey
        self.conversation = first.conversation
        self.channel = first.channel
        self.custodian = custodian
        self.generator = generator
        self.registry = registry
    }

    func add(_ m: RenderedMessage) throws -> String {
        if day != m.day {
            try closeDay()
            try openDay(m.day)
        }
        let msg = m.message
        for party in msg.parties where parties[party.id] == nil {
            parties[party.id] = party
            participantOrder.append(party.id)
        }
        first = first ?? msg.sentAt
        last = msg.sentAt
        records += 1
        transcript += TranscriptLine.text(m) + "\n"
        for attachment in m.attachments {
            attachmentCount += 1
            var head = "--\(boundary)\r\nContent-Type: \(Self.safeMediaType(attachment.mediaType))"
            head += MIME.fileNameParameter("name", attachment.name) + "\r\n"
            head += "Content-Disposition: attachment" + MIME.fileNameParameter("filename", attachment.name) + "\r\n"
            head += "Content-Transfer-Encoding: base64\r\n"
            head += MIME.header("X-Vellum-Record", m.recordID)
            head += MIME.header("X-Vellum-SHA256", attachment.sha256) + "\r\n"
            try parts?.write(head)
            try parts?.write(MIME.base64Lines(attachment.data))
            if attachment.data.isEmpty { try parts?.write("\r\n") }
        }
        return path
    }

    func finish() throws { try closeDay() }

    private func openDay(_ newDay: Int64) throws {
        day = newDay
        path = "eml/\(conversationKey)/\(conversationKey)_\(LocalTime.dayString(newDay)).eml"
        boundary = MIME.boundary(seed: path)
        parts = try registry.scratchFile(".eml-parts")
    }

    private func closeDay() throws {
        guard let day, let parts, let first else { return }
        try parts.close()
        let out = try registry.create(path)
        let custodianID = participantOrder.first {
            parties[$0]?.employeeID == custodian?.employeeID && custodian != nil
        }
        let fromID = custodianID ?? participantOrder.first ?? "unknown"
        let fromParty = parties[fromID] ?? ExportParty(id: fromID)
        var head = MIME.addressHeader("From", [(fromParty.displayName, RSMFEnvelope.address(fromParty.id, channel))])
        let to = participantOrder.filter { $0 != fromID }.map { id in
            (parties[id]?.displayName ?? id, RSMFEnvelope.address(id, channel))
        }
        head += to.isEmpty ? "To: undisclosed-recipients:;\r\n" : MIME.addressHeader("To", to)
        let title = conversation.title.flatMap { $0.isEmpty ? nil : $0 } ?? conversation.id
        head += MIME.header("Subject", "\(title) — \(channel.displayName) — \(LocalTime.dayString(day))")
        head += "Date: \(LocalTime.rfc5322(first))\r\n"
        head += "Message-ID: <\(conversationKey).\(LocalTime.dayString(day))@vellum.invalid>\r\n"
        head += MIME.header("X-Vellum-Conversation", conversation.id)
        head += MIME.header("X-Vellum-Channel", channel.rawValue)
        head += MIME.header("X-Vellum-Records", String(records))
        if let last { head += MIME.header("X-Vellum-Last-Message", last.rfc3339) }
        head += MIME.header("X-Mailer", generator)
        head += "MIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"\r\n\r\n"
        head += "This is a multi-part message in MIME format.\r\n"
        try out.write(head)
        let (encoding, body) = MIME.encodeText(transcript)
        try out.write("--\(boundary)\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n")
        try out.write("Content-Transfer-Encoding: \(encoding)\r\n\r\n")
        try out.write(body)
        try out.write("\r\n")
        try copy(parts.url, into: out)
        try out.write("--\(boundary)--\r\n")
        try out.close()
        try? FileManager.default.removeItem(at: parts.url)
        self.day = nil
        self.parts = nil
        self.first = nil
        self.last = nil
        transcript = ""
        participantOrder = []
        parties = [:]
        records = 0
        attachmentCount = 0
    }

    private func copy(_ url: URL, into out: OutputFile) throws {
        guard let input = InputStream(url: url) else { throw ExportError(.io, "\(url.path): cannot open") }
        input.open()
        defer { input.close() }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = input.read(&buffer, maxLength: buffer.count)
            if n < 0 { throw ExportError(.io, "\(url.path): read failed") }
            if n == 0 { break }
            try out.write(buffer[0..<n])
        }
    }

    /// A media type safe to put in a header; anything odd becomes `application/octet-stream`.
    static func safeMediaType(_ type: String) -> String {
        let ok = type.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39)
                || "/+-.".utf8.contains($0)
        }
        return ok && type.split(separator: "/").count == 2 ? type : "application/octet-stream"
    }
}
