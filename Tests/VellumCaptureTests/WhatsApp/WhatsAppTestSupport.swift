import Foundation
import VellumCapture
import VellumCore

enum WhatsAppFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/WhatsApp")

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relative))
    }

    /// The reference samples, read by absolute path only (tests skip when they are absent).
    static let samples = "/work/shared/reference/samples"
    static var samplesPresent: Bool { FileManager.default.fileExists(atPath: samples) }
}

extension Array where Element == ParsedLine {
    var messages: [Message] {
        compactMap { if case .message(let m) = $0 { m } else { nil } }
    }

    var issues: [ImportIssue] {
        compactMap { if case .issue(let i) = $0 { i } else { nil } }
    }
}

extension Data {
    /// The bytes as text, for comparing slices in expectations.
    var utf8Text: String { String(decoding: self, as: UTF8.self) }
}

func epoch(_ rfc3339: String) -> Int64 { Timestamp(rfc3339: rfc3339)!.seconds }
