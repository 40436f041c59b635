import Foundation
import Testing
@testable import VellumApp
import VellumCore

/// The hand-written canonical encodings must be exactly what `JSONEncoder` with sorted keys
/// writes, so the format stays plain, documented JSON and decodes back to the same value.
@Suite("Canonical encodings of records and ledger events")
struct CanonicalEncodingTests {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func randomText(_ g: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("ab 合同\"\\/\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}é😀\u{2028}<>&'")
        return String((0 ..< Int.random(in: 0 ... 24, using: &g)).map { _ in alphabet.randomElement(using: &g)! })
    }

    /// Keys like the captures write: lowercase words with `_` and `.`, some sharing prefixes.
    static func randomMap(_ g: inout some RandomNumberGenerator) -> [String: String] {
        let keys = ["a", "a.b", "a_b", "ab", "amount_fen", "vote.items", "vote", "b.0", "b.10", "b.2", "z"]
        var map: [String: String] = [:]
        for _ in 0 ..< Int.random(in: 0 ... 5, using: &g) { map[keys.randomElement(using: &g)!] = randomText(&g) }
        return map
    }

    static func randomMessage(_ g: inout some RandomNumberGenerator) -> ArchivedMessage {
        func maybe(_ g: inout some RandomNumberGenerator) -> String? { Bool.random(using: &g) ? randomText(&g) : nil }
        func person(_ g: inout some RandomNumberGenerator) -> ArchivedMessage.Person {
            .init(id: randomText(&g), name: maybe(&g), employee: maybe(&g))
        }
        return ArchivedMessage(
            channel: Channel.allCases.randomElement(using: &g)!, account: randomText(&g), id: randomText(&g),
            conversation: Conversation(id: randomText(&g), kind: Bool.random(using: &g) ? .direct : .group, title: maybe(&g)),
            sent_at: "2026-03-02T09:15:04+08:00", from: person(&g), to: (0 ..< Int.random(in: 0 ... 3, using: &g)).map { _ in person(&g) },
            text: maybe(&g),
            attachments: (0 ..< Int.random(in: 0 ... 2, using: &g)).map { _ in
                .init(name: randomText(&g), media_type: "image/png", size: Int.random(in: 0 ... 1 << 30, using: &g), sha256: "ab", blob: "cd")
            },
            reply_to: maybe(&g), edit_of: maybe(&g), recall_of: maybe(&g), reaction_to: maybe(&g), status_of: maybe(&g),
            kind_name: maybe(&g), native_type: maybe(&g),
            fields: Bool.random(using: &g) ? randomMap(&g) : nil,
            media: Bool.random(using: &g) ? (0 ..< Int.random(in: 0 ... 2, using: &g)).map { _ in
                .init(handle: randomText(&g), name: maybe(&g), media_type: maybe(&g),
                      size: Bool.random(using: &g) ? Int64.random(in: 0 ... 1 << 40, using: &g) : nil,
                      digests: Bool.random(using: &g) ? randomMap(&g) : nil, note: maybe(&g))
            } : nil,
            quote: maybe(&g), forwarded: Bool.random(using: &g) ? Bool.random(using: &g) : nil, format: "jsonl",
            raw: Data(randomText(&g).utf8), captured_at: Int64.random(in: -1 << 40 ... 1 << 40, using: &g))
    }

    @Test("records: byte-identical to JSONEncoder and decodable, over 2,000 random messages")
    func records() throws {
        var g = SystemRandomNumberGenerator()
        for _ in 0 ..< 2_000 {
            let m = Self.randomMessage(&g)
            let bytes = m.canonicalBytes()
            #expect(bytes == (try Self.encoder.encode(m)))
            #expect(try ArchivedMessage.decode(bytes) == m)
        }
    }

    @Test("ledger events: byte-identical to JSONEncoder and decodable")
    func events() throws {
        var g = SystemRandomNumberGenerator()
        for _ in 0 ..< 1_000 {
            func maybe() -> String? { Bool.random(using: &g) ? Self.randomText(&g) : nil }
            let e = LedgerEvent(
                type: [.capture, .access, .quarantine, .archiveCreated, .alert, .alertAction].randomElement(using: &g)!,
                at: Int64.random(in: 0 ... 1 << 45, using: &g), record: maybe(), commitment: maybe(), kind: maybe(),
                actor: maybe(), action: maybe(),
                alert: Bool.random(using: &g) ? Int64.random(in: 1 ... 1 << 40, using: &g) : nil,
                records: Bool.random(using: &g) ? (0 ..< 3).map { _ in Self.randomText(&g) } : nil,
                count: Bool.random(using: &g) ? Int.random(in: 0 ... 100, using: &g) : nil,
                quarantine: Bool.random(using: &g) ? Int64.random(in: 1 ... 9, using: &g) : nil, sealed: maybe())
            let bytes = e.canonicalBytes()
            #expect(bytes == (try Self.encoder.encode(e)))
            #expect(try LedgerEvent.decode(bytes) == e)
        }
    }

    @Test("a known event has known bytes")
    func knownAnswer() {
        let e = LedgerEvent(type: .capture, at: 1, record: "m1", commitment: "ab", kind: "message")
        #expect(String(decoding: e.canonicalBytes(), as: UTF8.self)
            == #"{"at":1,"commitment":"ab","kind":"message","record":"m1","type":"capture"}"#)
    }
}
