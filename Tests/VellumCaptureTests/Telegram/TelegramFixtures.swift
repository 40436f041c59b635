import Foundation
import Testing
import VellumCapture
import VellumCore

/// The project's own Telegram fixtures (Tests/VellumCaptureTests/Fixtures/Telegram), written
/// from the documented formats.
enum TelegramFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Telegram")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// The line of `bot_updates.jsonl` holding the update with this `update_id`, and its number.
    static func update(_ id: Int) throws -> (bytes: Data, line: Int) {
        let text = String(decoding: try data("bot_updates.jsonl"), as: UTF8.self)
        for (i, line) in text.split(separator: "\n").enumerated() where line.hasPrefix("{\"update_id\":\(id),") {
            return (Data(line.utf8), i + 1)
        }
        throw FixtureMissing(name: "update \(id)")
    }

    struct FixtureMissing: Error { var name: String }

    static let connection = "desk-bot"
    static let receivedAt = Timestamp(seconds: 1_767_300_000)

    static func parse(_ id: Int) throws -> [ParsedLine] {
        let (bytes, line) = try update(id)
        return TelegramUpdateParser().parse(bytes, file: "bot_updates.jsonl", line: line, connection: connection, receivedAt: receivedAt)
    }

    static func message(_ id: Int) throws -> VellumCore.Message {
        let items = try parse(id)
        try #require(items.count == 1)
        guard case .message(let m) = items[0] else {
            if case .issue(let i) = items[0] { Issue.record("unexpected issue \(i)") }
            throw FixtureMissing(name: "message in update \(id)")
        }
        return m
    }

    static func messages(_ items: [ParsedLine]) -> [VellumCore.Message] {
        items.compactMap { if case .message(let m) = $0 { m } else { nil } }
    }

    static func issues(_ items: [ParsedLine]) -> [ImportIssue] {
        items.compactMap { if case .issue(let i) = $0 { i } else { nil } }
    }
}
