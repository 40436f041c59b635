import Foundation
import VellumCore

/// Layer 1: the `.rsmf` EML around `rsmf.zip`, shaped like Relativity's generator writes it:
/// custodian in `From`, participants in `To`, no Subject/Date/Message-ID, a `text/plain` part
/// with the events sorted by time, then the one `rsmf.zip` attachment; 7-bit, CRLF.
enum RSMFEnvelope {
    static func write(
        slice s: RSMFSlice, conversation: Conversation, channel: Channel, generator: String,
        custodian: ExportContext.Custodian?, eventCollectionID: String, to out: OutputFile
    ) throws {
        var names: [String: String] = [:]
        for id in s.participantOrder { names[id] = s.parties[id]?.displayName ?? id }
        let boundary = MIME.boundary(seed: s.path)
        let custodianName = custodian.map { $0.name ?? $0.employeeID }
        var head = ""
        if let custodianID = s.custodianID, let party = s.parties[custodianID] {
            head += MIME.addressHeader("From", [(custodianName ?? party.displayName, address(party.id, channel))])
        } else if let custodianName {
            head += MIME.addressHeader("From", [(custodianName, "custodian@vellum.invalid")])
        } else {
            head += MIME.addressHeader("From", [("Vellum Export", "export@vellum.invalid")])
        }
        let to = s.participantOrder.filter { $0 != s.custodianID }.map { (names[$0] ?? $0, address($0, channel)) }
        if !to.isEmpty { head += MIME.addressHeader("To", to) }
        head += MIME.header("X-RSMF-Version", "2.0.0")
        head += MIME.header("X-RSMF-Generator", generator)
        if let first = s.events.first?.timestamp, let last = s.events.map(\.timestamp).max() {
            head += MIME.header("X-RSMF-BeginDate", first.rfc3339)
            head += MIME.header("X-RSMF-EndDate", last.rfc3339)
        }
        head += MIME.header("X-RSMF-EventCount", String(s.events.count))
        let participantNames = s.participantOrder.map { (names[$0] ?? $0).replacingOccurrences(of: ",", with: " ") }
        head += MIME.header("X-RSMF-Participants", participantNames.joined(separator: ", "))
        head += MIME.header("X-RSMF-AttachmentCount", String(s.attachmentCount))
        head += MIME.header("X-RSMF-Application", channel.displayName)
        if let custodianName { head += MIME.header("X-RSMF-Custodian", custodianName) }
        head += MIME.header("X-RSMF-EventCollectionID", eventCollectionID)
        head += "MIME-Version: 1.0\r\n"
        head += "Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"\r\n\r\n"
        try out.write(head)

        var text =
            (conversation.title.flatMap { $0.isEmpty ? nil : $0 } ?? conversation.id) + " (\(channel.displayName))\n"
        text += participantNames.joined(separator: "\n") + "\n\n"
        for event in s.events.sorted(by: { $0.timestamp < $1.timestamp }) { text += event.transcript(names: names) }
        let (encoding, body) = MIME.encodeText(text)
        try out.write("--\(boundary)\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n")
        try out.write("Content-Transfer-Encoding: \(encoding)\r\n\r\n")
        try out.write(body)
        try out.write("\r\n--\(boundary)\r\nContent-Type: application/octet-stream; name=\"rsmf.zip\"\r\n")
        try out.write(
            "Content-Disposition: attachment; filename=\"rsmf.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
        try MIME.writeBase64(of: s.zipURL, to: out)
        try out.write("\r\n--\(boundary)--\r\n")
    }

    /// A syntactically valid address that is plainly not a mailbox (RFC 2606 `.invalid`).
    static func address(_ id: String, _ channel: Channel) -> String {
        "\(MIME.localPart(id))@\(channel.rawValue).vellum.invalid"
    }
}
