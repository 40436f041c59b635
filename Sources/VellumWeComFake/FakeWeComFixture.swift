public import Foundation

// Test and demo support for the WeCom capture: the documented fake of Tencent's SDK (built as the
// WeWorkFinanceSdkFake shared library) needs fixture directories of records encrypted with its
// test cipher. Nothing here is used by the product's capture path.

/// Where the fake SDK shared library is: `$VELLUM_WECOM_SDK`, else beside the running executable.
public enum FakeSDKLibrary {
    public static let fileName = "libWeWorkFinanceSdkFake.so"

    /// `$VELLUM_WECOM_SDK`, else `libWeWorkFinanceSdkFake.so` in the folder of `/proc/self/exe`
    /// (SwiftPM puts the dynamic library product beside the test bundle).
    public static func path() throws -> String {
        if let fromEnvironment = ProcessInfo.processInfo.environment["VELLUM_WECOM_SDK"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [
            NSLocalizedDescriptionKey: "\(fileName) not found beside \(executable); set VELLUM_WECOM_SDK",
        ])
    }
}


/// One GetChatData record as the fake serves it.
public struct FakeWeComRecord: Codable, Sendable {
    public var seq: UInt64
    public var msgid: String
    public var publickey_ver: UInt32
    public var encrypt_random_key: String
    public var encrypt_chat_msg: String

    public init(seq: UInt64, msgid: String, publickey_ver: UInt32, encrypt_random_key: String, encrypt_chat_msg: String) {
        self.seq = seq
        self.msgid = msgid
        self.publickey_ver = publickey_ver
        self.encrypt_random_key = encrypt_random_key
        self.encrypt_chat_msg = encrypt_chat_msg
    }
}

/// A temporary fixture directory for one fake SDK instance, removed when the value goes away (`corpid = "fake:" + path`).
public final class FakeWeComFixture: Sendable {
    public let directory: URL

    public init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vellum-wecom-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("media"), withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    public var corpID: String { "fake:" + directory.path }

    public func writeFaults(_ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("faults"), atomically: true, encoding: .utf8)
    }

    /// Appends records to `chatdata.jsonl` (one compact JSON object a line).
    public func append(_ records: [FakeWeComRecord]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = Data()
        for record in records {
            text += try encoder.encode(record)
            text += Data("\n".utf8)
        }
        let url = directory.appendingPathComponent("chatdata.jsonl")
        if FileManager.default.fileExists(atPath: url.path) {
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: text)
            try handle.close()
        } else {
            try text.write(to: url)
        }
    }

    public func writeMedia(fileID: String, bytes: [UInt8]) throws {
        try Data(bytes).write(
            to: directory.appendingPathComponent("media").appendingPathComponent(FakeWeComCipher.mediaFileName(forFileID: fileID)))
    }
}

