import Foundation
import Testing
import VellumCapture
import VellumCore
import VellumCrypto

@Suite("Media fetch logic (no network)")
struct MediaFetchLogicTests {
    let wa = MediaSecrets.WhatsApp(graphBase: "https://graph.example/", apiVersion: "v21.0", accessToken: "EAAG-secret")

    @Test("the Graph API metadata request carries the bearer token and the escaped media id")
    func whatsappRequest() throws {
        let r = try WhatsAppMediaFetch.metadataRequest(mediaID: "12 34", settings: wa, maxBytes: 100, timeout: .seconds(5))
        #expect(r.url == "https://graph.example/v21.0/12%2034")
        #expect(r.headers == [MediaHTTPHeader("Authorization", "Bearer EAAG-secret")])
    }

    @Test("the Graph API's sha256 (hex or base64) must agree with the webhook's")
    func digests() throws {
        let digest = Digest.sha256(Data("x".utf8))
        func metadata(_ sha: String?) throws -> WhatsAppMediaReference.Metadata {
            var o: [String: Any] = ["id": "1", "url": "https://x/1"]
            o["sha256"] = sha
            return try WhatsAppMediaReference.decodeMetadata(try JSONSerialization.data(withJSONObject: o))
        }
        #expect(try WhatsAppMediaFetch.expectedDigest(try metadata(digest.base64EncodedString()), webhook: nil) == digest.hexString)
        #expect(try WhatsAppMediaFetch.expectedDigest(try metadata(nil), webhook: digest.hexString) == digest.hexString)
        let mismatch = #expect(throws: MediaFetchError.self) {
            try WhatsAppMediaFetch.expectedDigest(try metadata(digest.hexString), webhook: String(repeating: "0", count: 64))
        }
        #expect(mismatch?.code == .integrity)
        let bad = #expect(throws: MediaFetchError.self) { try WhatsAppMediaFetch.expectedDigest(try metadata("4654+8g="), webhook: nil) }
        #expect(bad?.reason.contains("`sha256`") == true)
    }

    @Test("a content URL that is not http(s), or a file over the cap, is refused before any request")
    func contentRequestGuards() throws {
        let json = #"{"id":"1","url":"file:///etc/passwd","file_size":10}"#
        let m = try WhatsAppMediaReference.decodeMetadata(Data(json.utf8))
        #expect(throws: MediaFetchError.self) { try WhatsAppMediaFetch.contentRequest(m, settings: wa, maxBytes: 100, timeout: .seconds(1)) }
        let big = try WhatsAppMediaReference.decodeMetadata(Data(#"{"id":"1","url":"https://x/1","file_size":"1000"}"#.utf8))
        let error = #expect(throws: MediaFetchError.self) {
            try WhatsAppMediaFetch.contentRequest(big, settings: wa, maxBytes: 100, timeout: .seconds(1))
        }
        #expect(error?.code == .tooLarge)
    }

    @Test("getFile answers: the path and size, Telegram's own errors, and unsafe paths")
    func getFile() throws {
        let ok = try TelegramFileFetch.file(from: .init(status: 200, body: Data(
            #"{"ok":true,"result":{"file_id":"a","file_size":12,"file_path":"photos/file_1.jpg"}}"#.utf8)))
        #expect(ok == .init(filePath: "photos/file_1.jpg", fileSize: 12))
        let refused = #expect(throws: MediaFetchError.self) {
            try TelegramFileFetch.file(from: .init(status: 400, body: Data(
                #"{"ok":false,"error_code":400,"description":"Bad Request: file is too big"}"#.utf8)))
        }
        #expect(refused?.code == .rejected)
        #expect(refused?.reason.contains("file is too big") == true)
        let busy = #expect(throws: MediaFetchError.self) {
            try TelegramFileFetch.file(from: .init(status: 429, body: Data(#"{"ok":false,"error_code":429}"#.utf8)))
        }
        #expect(busy?.code.isRetryable == true)
        #expect(throws: MediaFetchError.self) {
            try TelegramFileFetch.contentRequest(
                .init(filePath: "../../etc/passwd", fileSize: 1), token: "t", apiBase: "https://x", maxBytes: 10, timeout: .seconds(1))
        }
    }

    @Test("Bot API URLs are described without the token")
    func describe() throws {
        let r = try TelegramFileFetch.getFileRequest(
            fileID: "AgAD+/=", token: "123:ABC", apiBase: "https://api.example", maxBytes: 1, timeout: .seconds(1))
        #expect(r.url == "https://api.example/bot123:ABC/getFile?file_id=AgAD%2B%2F%3D")
        #expect(TelegramFileFetch.describe(r.url) == "https://api.example/bot<redacted>/getFile?file_id=AgAD%2B%2F%3D")
        let secrets = MediaSecrets(telegram: .init(botTokens: ["b": "123:ABC"]))
        #expect(secrets.redact("failed for 123:ABC.") == "failed for <redacted>.")
    }

    @Test("size and sha256 checks")
    func verify() throws {
        let data = Data("hello".utf8)
        let hex = Digest.sha256(data).hexString
        #expect(try MediaFetcher.verify(data, sha256: hex.uppercased(), size: 5) == hex)
        #expect(throws: MediaFetchError.self) { try MediaFetcher.verify(data, sha256: nil, size: 6) }
        #expect(throws: MediaFetchError.self) { try MediaFetcher.verify(data, sha256: String(repeating: "a", count: 64), size: nil) }
    }

    @Test("the schedule doubles its waits up to the cap and gives up after max passes",
          arguments: [(1, 60), (2, 120), (3, 240), (10, 600)])
    func schedule(passes: Int, seconds: Int) {
        let s = MediaRetrySchedule(firstWait: .seconds(60), maximumWait: .seconds(600), maxPasses: 5)
        #expect(s.wait(afterFailedPasses: passes) == .seconds(seconds))
        #expect(s.shouldRetry(.serverBusy, failedPasses: 4))
        #expect(!s.shouldRetry(.serverBusy, failedPasses: 5))
        #expect(!s.shouldRetry(.rejected, failedPasses: 1))
    }
}
