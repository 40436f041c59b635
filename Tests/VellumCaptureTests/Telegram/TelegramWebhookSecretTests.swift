import Testing
import VellumCapture
import VellumCore

@Suite("Telegram webhook secret token")
struct TelegramWebhookSecretTests {
    @Test("the configured token in the header passes")
    func accepts() throws {
        let secret = try TelegramWebhookSecret("desk_Secret-0123")
        try secret.verify(header: "desk_Secret-0123")
    }

    @Test("a wrong, longer, shorter or differently cased token is refused as the wrong key", arguments: [
        "desk_Secret-0124", "desk_Secret-01234", "desk_Secret-012", "DESK_SECRET-0123",
    ])
    func wrong(header: String) throws {
        let secret = try TelegramWebhookSecret("desk_Secret-0123")
        let error = #expect(throws: VellumError.self) { try secret.verify(header: header) }
        #expect(error?.code == .wrongKey)
        #expect(error?.reason.contains("desk_Secret") == false)
    }

    @Test("a missing or empty header is refused as unsigned", arguments: [nil, ""] as [String?])
    func missing(header: String?) throws {
        let secret = try TelegramWebhookSecret("abc")
        let error = #expect(throws: VellumError.self) { try secret.verify(header: header) }
        #expect(error?.code == .refused)
        #expect(error?.reason.contains(TelegramWebhookSecret.headerName) == true)
    }

    @Test("tokens Telegram would refuse are refused at configuration", arguments: [
        "", "has space", "dot.ted", "ümlaut", "slash/", String(repeating: "a", count: 257),
    ])
    func malformed(token: String) {
        #expect(!TelegramWebhookSecret.isWellFormed(token))
        let error = #expect(throws: VellumError.self) { try TelegramWebhookSecret(token) }
        #expect(error?.code == .configuration)
    }

    @Test("the longest and shortest allowed tokens are accepted")
    func bounds() throws {
        try TelegramWebhookSecret("x").verify(header: "x")
        let long = String(repeating: "Az09_-", count: 42) + "abcd"
        #expect(long.count == 256)
        try TelegramWebhookSecret(long).verify(header: long)
    }

    @Test("printing the secret shows nothing of the token")
    func redacted() throws {
        let secret = try TelegramWebhookSecret("very-secret-token")
        #expect(!String(describing: secret).contains("very"))
        #expect(!String(reflecting: secret).contains("very"))
    }
}
