import ArgumentParser
import Foundation
import VellumCapture

/// `vellum-bench whatsapp-export`: parse speed of WhatsApp "Export chat" text.
struct WhatsAppExportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatsapp-export",
        abstract: "Parse a generated WhatsApp export (Android and iOS layouts) and report messages/s.")

    @Option(help: "Lines in the generated export.") var lines = 100_000
    @Option(help: "Timed repetitions; the best is reported.") var repetitions = 5

    func run() throws {
        for layout in ["android", "ios"] {
            let text = Self.export(lines: lines, layout: layout)
            var best = Double.infinity
            var messages = 0
            for _ in 0 ..< repetitions {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let result = WhatsAppExportParser().parse(
                    text: text, fileName: "WhatsApp Chat with Desk.txt", mediaNames: [],
                    timeZone: TimeZone(identifier: "Asia/Hong_Kong"), account: "+85290000000", chatName: "Desk")
                let s = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                messages = result.counts.messages + result.counts.systemMessages
                precondition(result.counts.issues == 0, "the generated export parses without issues")
                best = min(best, s)
            }
            print(String(format: "whatsapp export (%@, %d lines, %.1f MB): %d messages in %.3f s = %.0f messages/s, %.1f MB/s",
                         layout, lines, Double(text.count) / 1e6, messages, best, Double(messages) / best,
                         Double(text.count) / 1e6 / best))
        }
    }

    /// Chat lines of both kinds of sender, with multi-line messages, media markers and system lines.
    static func export(lines: Int, layout: String) -> Data {
        var out = ""
        out.reserveCapacity(lines * 70)
        var written = 0
        var minute = 0
        let people = ["Alice Wong", "陈大文", "+852 9123 0001", "Tom"]
        while written < lines {
            minute += 1
            let day = 1 + (minute / 1440) % 28
            let month = 1 + (minute / (1440 * 28)) % 12
            let h = (minute / 60) % 24, m = minute % 60
            let who = people[minute % people.count]
            let body: String
            switch minute % 10 {
            case 0: body = layout == "ios" ? "\u{200E}<attached: 00000035-PHOTO-2026-\(month)-\(day).jpg>" : "IMG-2026\(month)\(day)-WA\(minute % 1000).jpg (file attached)"
            case 1: body = "Please confirm the allocation for the 5Y bond\nand the settlement date"
            case 2: body = "好的，合同明天发给你"
            default: body = "message \(minute) about the quarterly review"
            }
            let line: String
            if layout == "ios" {
                line = String(format: "[%d/%d/26, %d:%02d:%02d] %@: %@", day, month, h, m, minute % 60, who, body)
            } else {
                line = String(format: "%02d/%02d/2026, %02d:%02d - %@: %@", day, month, h, m, who, body)
            }
            out += line + "\n"
            written += body.filter { $0 == "\n" }.count + 1
        }
        return Data(out.utf8)
    }
}
