import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import VellumCapture
import VellumWeComFake

@Suite("DynamicWeComSDK over the fake .so (real dlopen path)")
struct DynamicWeComSDKTests {
    @Test("The fake library is found and loads")
    func loads() throws {
        let path = try FakeSDKLibrary.path()
        #expect(path.hasSuffix(".so"))
        let fixture = try WeComFakeFixture()
        let sdk = try fixture.makeSDK()
        #expect(sdk.libraryPath == path)
        let json = try sdk.chatData(after: 0, limit: 10, timeout: .seconds(5))
        #expect(String(decoding: json, as: UTF8.self) == #"{"errcode":0,"errmsg":"ok","chatdata":[]}"#)
    }

    @Test("GetChatData returns records after seq, at most limit, verbatim")
    func getChatData() throws {
        let fixture = try WeComFakeFixture()
        let messages = MessageFactory.make(count: 5)
        try fixture.append(messages.map(\.record))
        let sdk = try fixture.makeSDK()
        let records = try WeComChatData.decode(try sdk.chatData(after: 1, limit: 3, timeout: .seconds(5)))
        #expect(records.map(\.seq) == [2, 3, 4])
        #expect(records.map(\.msgid) == messages[1...3].map(\.record.msgid))
    }

    @Test("DecryptData through the .so returns the plaintext bytes exactly")
    func decryptData() throws {
        let fixture = try WeComFakeFixture()
        let sdk = try fixture.makeSDK()
        let plaintext = Array("{\"content\":\"a\u{01}b 你好\"}".utf8)
        let key = MessageFactory.randomKeyBytes()
        let out = try sdk.decrypt(randomKey: key, encryptedMessage: FakeWeComCipher.encrypt(plaintext, key: key))
        #expect([UInt8](out) == plaintext)
    }

    @Test(
        "Garbage ciphertext or the wrong key gives 10006 (quarantine)",
        arguments: ["", "%%%", "bm90IGEgZmFrZSBjaXBoZXJ0ZXh0", "wrong-key"])
    func decryptGarbage(ciphertext: String) throws {
        let fixture = try WeComFakeFixture()
        let sdk = try fixture.makeSDK()
        let key = MessageFactory.randomKeyBytes()
        let message = ciphertext == "wrong-key" ? FakeWeComCipher.encrypt(Array("hi".utf8), key: Array("other".utf8)) : ciphertext
        let error = try #require(throws: WeComSDKError.self) { try sdk.decrypt(randomKey: key, encryptedMessage: message) }
        #expect(error.code == .decryptFailed)
        #expect(error.classification == .quarantineRecord)
    }

    @Test("A random key with a NUL byte is refused before reaching the SDK")
    func nulInKey() throws {
        let fixture = try WeComFakeFixture()
        let sdk = try fixture.makeSDK()
        let error = try #require(throws: WeComSDKError.self) { try sdk.decrypt(randomKey: [65, 0, 66], encryptedMessage: "QQ==") }
        #expect(error.code == .badEncryptKey)
        #expect(error.classification == .quarantineRecord)
    }

    @Test("limit outside 1…1000 is refused locally and never sent", arguments: [0, 1001, 10_000])
    func limitChecked(limit: Int) throws {
        let fixture = try WeComFakeFixture()
        let sdk = try fixture.makeSDK()
        let error = try #require(throws: WeComSDKError.self) { try sdk.chatData(after: 0, limit: limit, timeout: .seconds(5)) }
        #expect(error.code == .badParameter)
        #expect(error.classification == .fatal)
    }

    @Test("The bad secret fails Init with a fatal error that tells the admin what to fix")
    func badSecret() throws {
        let fixture = try WeComFakeFixture()
        let error = try #require(throws: WeComSDKError.self) { try fixture.makeSDK(secret: "bad-secret") }
        #expect(error.code == .invalidSecret)
        #expect(error.operation == .initialize)
        #expect(error.classification == .fatal)
        #expect(error.adminMessage.contains("Secret"))
        #expect(!error.description.contains("bad-secret"))
        #expect(!error.adminMessage.contains("bad-secret"))
    }

    @Test("A library without the vendor symbols is refused, naming the symbol and the path")
    func missingSymbol() throws {
        let candidates = ["/lib/x86_64-linux-gnu/libm.so.6", "/lib/aarch64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6"]
        let path = try #require(candidates.first { FileManager.default.fileExists(atPath: $0) })
        let error = try #require(throws: WeComSDKError.self) {
            try DynamicWeComSDK(libraryPath: path, corpID: "x", secret: "y")
        }
        #expect(error.code == .missingSymbol(name: "NewSdk", path: path))
        #expect(error.adminMessage.contains("NewSdk"))
        #expect(error.adminMessage.contains(path))
    }

    @Test("A missing library file is a clear load error")
    func missingLibrary() throws {
        let error = try #require(throws: WeComSDKError.self) {
            try DynamicWeComSDK(libraryPath: "/nonexistent/libWeWorkFinanceSdk_C.so", corpID: "x", secret: "y")
        }
        guard case .libraryLoadFailed(let path, _) = error.code else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(path == "/nonexistent/libWeWorkFinanceSdk_C.so")
        #expect(error.classification == .fatal)
    }

    @Test("A corp id the fake does not understand fails Init with 10000")
    func badCorpID() throws {
        let error = try #require(throws: WeComSDKError.self) {
            try DynamicWeComSDK(libraryPath: try FakeSDKLibrary.path(), corpID: "ww123", secret: "s")
        }
        #expect(error.code == .badParameter)
    }

    @Test("Many instances can be created and destroyed, and used from several threads")
    func concurrentUse() async throws {
        let fixture = try WeComFakeFixture()
        try fixture.append(MessageFactory.make(count: 3).map(\.record))
        let sdk = try fixture.makeSDK()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask { try WeComChatData.decode(try sdk.chatData(after: 0, limit: 1000, timeout: .seconds(5))).count }
            }
            for try await count in group { #expect(count == 3) }
        }
        for _ in 0..<50 { _ = try fixture.makeSDK() }
    }

    @Test("Every Slice_t and MediaData_t is freed, on success and on error paths")
    func freesEverything() throws {
        let hook = try FakeLiveObjects()
        // The hook itself counts: a bare NewSlice/NewMediaData shows up until freed.
        let baseline = hook.read()
        let slice = hook.newSlice()
        let media = hook.newMediaData()
        #expect(hook.read() == (baseline.slices + 1, baseline.media + 1))
        hook.freeSlice(slice)
        hook.freeMediaData(media)
        #expect(hook.read() == baseline)

        let fixture = try WeComFakeFixture()
        try fixture.writeFaults(["chunk 1000"])
        try fixture.append([
            FakeWeComRecord(seq: 1, msgid: "m1", publickey_ver: 1, encrypt_random_key: "QQ==", encrypt_chat_msg: "Zg==")
        ])
        try fixture.writeMedia(fileID: "file-1", bytes: Array(repeating: 7, count: 2500))
        let key = MessageFactory.randomKeyBytes()
        do {
            let sdk = try fixture.makeSDK()
            _ = try sdk.chatData(after: 0, limit: 10, timeout: .seconds(5))
            _ = try sdk.decrypt(randomKey: key, encryptedMessage: FakeWeComCipher.encrypt(Array("x".utf8), key: key))
            #expect(throws: WeComSDKError.self) { try sdk.decrypt(randomKey: key, encryptedMessage: "garbage") }
            let chunk = try sdk.mediaChunk(index: "", fileID: "file-1", timeout: .seconds(5))
            #expect(chunk.data.count == 1000 && chunk.nextIndex == "1000" && !chunk.isFinished)
            let last = try sdk.mediaChunk(index: "2000", fileID: "file-1", timeout: .seconds(5))
            #expect(last.data.count == 500 && last.isFinished)
            #expect(throws: WeComSDKError.self) { try sdk.mediaChunk(index: "", fileID: "no-such-file", timeout: .seconds(5)) }
            #expect(throws: WeComSDKError.self) { try sdk.mediaChunk(index: "x", fileID: "file-1", timeout: .seconds(5)) }
        }
        let failing = try WeComFakeFixture()
        try failing.writeFaults(["ip"])
        do {
            let sdk = try failing.makeSDK()
            #expect(throws: WeComSDKError.self) { try sdk.chatData(after: 0, limit: 10, timeout: .seconds(5)) }
            #expect(throws: WeComSDKError.self) { try sdk.mediaChunk(index: "", fileID: "file-1", timeout: .seconds(5)) }
        }
        #expect(hook.read() == baseline)
    }
}

/// The fake's per-thread live-object counter (`FakeWeComSDK_ThreadLiveObjects`, a test hook outside the
/// vendor ABI) plus raw NewSlice/NewMediaData, resolved from the same loaded library.
struct FakeLiveObjects {
    private let readFunction: @convention(c) (UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int>?) -> Void
    let newSlice: @convention(c) () -> UnsafeMutableRawPointer?
    let freeSlice: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let newMediaData: @convention(c) () -> UnsafeMutableRawPointer?
    let freeMediaData: @convention(c) (UnsafeMutableRawPointer?) -> Void

    init() throws {
        let handle = try #require(dlopen(try FakeSDKLibrary.path(), RTLD_NOW | RTLD_LOCAL))
        func symbol<F>(_ name: String, _ type: F.Type) throws -> F {
            unsafeBitCast(try #require(dlsym(handle, name)), to: type)
        }
        readFunction = try symbol(
            "FakeWeComSDK_ThreadLiveObjects",
            (@convention(c) (UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int>?) -> Void).self)
        newSlice = try symbol("NewSlice", (@convention(c) () -> UnsafeMutableRawPointer?).self)
        freeSlice = try symbol("FreeSlice", (@convention(c) (UnsafeMutableRawPointer?) -> Void).self)
        newMediaData = try symbol("NewMediaData", (@convention(c) () -> UnsafeMutableRawPointer?).self)
        freeMediaData = try symbol("FreeMediaData", (@convention(c) (UnsafeMutableRawPointer?) -> Void).self)
    }

    func read() -> (slices: Int, media: Int) {
        var slices = 0
        var media = 0
        readFunction(&slices, &media)
        return (slices, media)
    }
}
