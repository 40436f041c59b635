import Foundation
import Testing
import VellumCapture
import VellumWeComFake
import VellumCrypto

@Suite("WeCom media download through the fake .so")
struct WeComMediaDownloaderTests {
    private static let fileID =
        "CtYBMzA2OTAyMDEwMjA0NjIzMDYwMDIwMTAwMDIwNGI3ZmU0MDZlMDIwMzBmNTliMTAyMDQ1YzliNTQ3NzAyMDQ1YzM3M2NiYzA0MjQ2NjM0MzgzNTM0NjEzNTY1MmQzNDYxMzQzODJkMzQzMTYxNjEyZDM5NjEzOTM2MmQ2MTM2NjQ2NDY0NjUzMDY2NjE2NjM1MzcwMjAxMDAwMjAzMDExNTQwMDQxMDUwZGU4ZTVhZThmZmU0ZjFkZjdhOTM4NDFmNzE5OTNhMDIwMTAyMDIwMTAwMDQwMBI4TkRkZk1UWTRPRGcxTVRBek1ETXlORFF6TWw4eE9UUTVOamN6TkRZMlh6RTFORGN4TWpNNU1ERT0aIGEwNGQwYWUyM2JlYzQ3NzQ5MjZhNWZjMjk0ZTEyNTkz"

    /// Random bytes, including NULs (a strlen-based reader would truncate them).
    private static func mediaBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[0] = 0
        bytes[count / 2] = 0
        return bytes
    }

    private func fixture(bytes: [UInt8], faults: [String]) throws -> WeComFakeFixture {
        let fixture = try WeComFakeFixture()
        try fixture.writeFaults(faults)
        try fixture.writeMedia(fileID: Self.fileID, bytes: bytes)
        return fixture
    }

    @Test("A multi-chunk file downloads intact and its md5 is verified")
    func multiChunk() async throws {
        let bytes = Self.mediaBytes(300_000)
        let fixture = try fixture(bytes: bytes, faults: ["chunk 65536"])
        let downloader = WeComMediaDownloader(sdk: try fixture.makeSDK(), sleeper: RecordingSleeper())
        let md5 = LegacyInsecureDigest.md5Hex(bytes)

        let data = try await downloader.download(fileID: Self.fileID, expectedMD5: md5.uppercased())
        #expect([UInt8](data) == bytes)

        var chunkSizes: [Int] = []
        let summary = try await downloader.download(fileID: Self.fileID, expectedMD5: md5) { chunkSizes.append($0.count) }
        #expect(summary.chunkCount == 5)
        #expect(chunkSizes == [65536, 65536, 65536, 65536, 37856])
        #expect(summary.byteCount == 300_000)
        #expect(summary.md5 == md5)
    }

    @Test("The default 512 KiB chunking works for a file of exactly two chunks")
    func exactChunks() async throws {
        let bytes = Self.mediaBytes(2 * 524_288)
        let fixture = try fixture(bytes: bytes, faults: [])
        let summary = try await WeComMediaDownloader(sdk: try fixture.makeSDK())
            .download(fileID: Self.fileID, expectedMD5: LegacyInsecureDigest.md5Hex(bytes)) { _ in }
        #expect(summary.chunkCount == 2)
    }

    @Test("A wrong md5 is rejected")
    func wrongMD5() async throws {
        let bytes = Self.mediaBytes(100_000)
        let fixture = try fixture(bytes: bytes, faults: ["chunk 30000"])
        let downloader = WeComMediaDownloader(sdk: try fixture.makeSDK())
        let error = await #expect(throws: WeComSDKError.self) {
            try await downloader.download(fileID: Self.fileID, expectedMD5: "50de8e5ae8ffe4f1df7a93841f71993a")
        }
        guard case .mediaChecksumMismatch(let expected, let actual) = error?.code else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(expected == "50de8e5ae8ffe4f1df7a93841f71993a")
        #expect(actual == LegacyInsecureDigest.md5Hex(bytes))
        #expect(error?.classification == .quarantineRecord)
    }

    @Test("An SDK that never finishes is stopped by the byte cap and by the chunk cap")
    func endlessIsCapped() async throws {
        let fixture = try fixture(bytes: Self.mediaBytes(10_000), faults: ["chunk 1000", "media-endless"])
        let sdk = try fixture.makeSDK()
        let bySize = WeComMediaDownloader(sdk: sdk, limits: .init(maxTotalBytes: 50_000, maxChunks: 1_000_000))
        let sizeError = await #expect(throws: WeComSDKError.self) { try await bySize.download(fileID: Self.fileID) }
        #expect(sizeError?.code == .mediaTooLarge(limit: 50_000))

        let byChunks = WeComMediaDownloader(sdk: sdk, limits: .init(maxTotalBytes: 1 << 30, maxChunks: 25))
        let chunkError = await #expect(throws: WeComSDKError.self) { try await byChunks.download(fileID: Self.fileID) }
        #expect(chunkError?.code == .mediaTooManyChunks(limit: 25))
    }

    @Test("Transient chunk failures are retried; persistent per-file errors are quarantine-class")
    func chunkErrors() async throws {
        let bytes = Self.mediaBytes(5_000)
        let flaky = try fixture(bytes: bytes, faults: ["chunk 1000", "media-network 2"])
        let sleeper = RecordingSleeper()
        let data = try await WeComMediaDownloader(sdk: try flaky.makeSDK(), sleeper: sleeper).download(fileID: Self.fileID)
        #expect([UInt8](data) == bytes)
        #expect(sleeper.delays.count == 2)

        let missing = WeComMediaDownloader(sdk: try flaky.makeSDK(), sleeper: RecordingSleeper())
        let unknown = await #expect(throws: WeComSDKError.self) { try await missing.download(fileID: "unknown-file-id") }
        #expect(unknown?.code == .badFileID)
        #expect(unknown?.classification == .quarantineRecord)

        let expired = try fixture(bytes: bytes, faults: ["expired"])
        let expiredError = await #expect(throws: WeComSDKError.self) {
            try await WeComMediaDownloader(sdk: try expired.makeSDK()).download(fileID: Self.fileID)
        }
        #expect(expiredError?.code == .dataExpired)
        #expect(expiredError?.classification == .quarantineRecord)
    }

    @Test("An empty file finishes in one empty chunk")
    func emptyFile() async throws {
        let fixture = try WeComFakeFixture()
        try fixture.writeMedia(fileID: Self.fileID, bytes: [])
        let data = try await WeComMediaDownloader(sdk: try fixture.makeSDK())
            .download(fileID: Self.fileID, expectedMD5: "d41d8cd98f00b204e9800998ecf8427e")
        #expect(data.isEmpty)
    }
}
