import VellumCore

/// The plain-text line of a message in transcripts (EML bodies, the CSV/DAT summary).
enum TranscriptLine {
    static func text(_ m: RenderedMessage) -> String {
        let msg = m.message
        var line = "[\(LocalTime.display(msg.sentAt))] \(msg.sender.displayName)"
        switch msg.revision {
        case .edit(let target): line += " edited message \(target): \(m.body ?? "")"
        case .recall(let target): line += " recalled message \(target)"
        case .reaction(let target, let emoji):
            line +=
                emoji.isEmpty ? " removed a reaction to message \(target)" : " reacted \(emoji) to message \(target)"
        case .status(let target, let status): line += " — message \(target): \(status)"
        case .media(let target): line += " — files of message \(target), downloaded later"
        case nil:
            line += msg.kind == .text || msg.kind == .system ? ": " : " [\(msg.kind.rawValue)]: "
            line += m.body ?? ""
        }
        if let reply = msg.replyTo { line += " (reply to \(reply))" }
        for a in m.attachments { line += "\n    [attachment: \(a.name), \(a.mediaType), \(a.data.count) bytes]" }
        return line
    }
}
