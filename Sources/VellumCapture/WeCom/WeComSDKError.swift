/// Every failure of the WeCom session-archive layer: vendor SDK return codes, the `errcode` of a
/// GetChatData response, and conditions Vellum detects itself (missing key, bad record, media checks).
///
/// Each error has a ``classification`` that tells the puller what to do, and an ``adminMessage`` that
/// tells a human what to fix. Messages never contain secrets, keys or message plaintext.
public struct WeComSDKError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the puller does with an error.
    public enum Classification: String, Sendable, Hashable {
        /// Transient (network, Tencent system error, timeout): back off and retry the same call.
        case retryable
        /// Only this record (or this media file) is affected: keep it as quarantined evidence and continue.
        case quarantineRecord
        /// Retrying cannot help until an administrator acts: stop and show ``adminMessage``.
        case fatal
    }

    /// The call or step that failed.
    public enum Operation: String, Sendable, Hashable {
        case loadLibrary, initialize, getChatData, parseChatData, rsaDecrypt, decryptData, getMediaData, verifyMedia
    }

    /// What went wrong. Vendor codes are documented in `WeWorkFinanceSdk_C.h`.
    public enum Code: Sendable, Hashable {
        /// 10000 参数错误.
        case badParameter
        /// 10001 网络错误.
        case network
        /// 10002 数据解析失败.
        case parseFailed
        /// 10003 系统失败.
        case system
        /// 10004 密钥错误导致加密失败.
        case encryptKeyError
        /// 10005 fileid错误.
        case badFileID
        /// 10006 解密失败.
        case decryptFailed
        /// 10007 找不到消息加密版本的私钥 (also raised by ``WeComKeyring`` for a version it lacks).
        case noPrivateKeyForVersion(UInt32?)
        /// 10008 解析encrypt_key出错 (also raised when the random key is unusable as a C string).
        case badEncryptKey
        /// 10009 ip非法.
        case illegalIP
        /// 10010 数据过期.
        case dataExpired
        /// 10011 证书错误.
        case certificateError
        /// Init rejected the secret (the fake and WeCom's HTTP API use 40001, "invalid credential"),
        /// or a GetChatData response carried errcode 40001.
        case invalidSecret
        /// A call did not finish in time (for implementations that enforce their own deadline).
        case timeout
        /// A non-zero SDK return code that is not in the vendor's table.
        case unknownVendorCode(Int32)
        /// GetChatData returned 0 but the JSON `errcode` was non-zero (other than 40001).
        case serverError(errcode: Int64, errmsg: String)
        /// `dlopen` failed.
        case libraryLoadFailed(path: String, reason: String)
        /// The library lacks one of the vendor's functions.
        case missingSymbol(name: String, path: String)
        /// `NewSdk()` returned NULL.
        case sdkCreationFailed
        /// The GetChatData response is not the documented JSON.
        case malformedResponse(String)
        /// One chatdata record lacks a field or has one of the wrong type/encoding.
        case malformedRecord(field: String)
        /// The configured private key for this version failed to decrypt `encrypt_random_key`.
        case privateKeyRejected(version: UInt32)
        /// A downloaded media file's MD5 differs from the record's `md5sum`.
        case mediaChecksumMismatch(expected: String, actual: String)
        /// A media download exceeded the configured byte cap.
        case mediaTooLarge(limit: Int)
        /// A media download exceeded the configured number of chunks.
        case mediaTooManyChunks(limit: Int)
        /// GetMediaData returned an unfinished, empty chunk with no new index: it would loop forever.
        case mediaStalled
    }

    public var code: Code
    public var operation: Operation

    public init(_ code: Code, operation: Operation) {
        self.code = code
        self.operation = operation
    }

    /// Maps a non-zero SDK return code.
    public init(vendorCode: Int32, operation: Operation) {
        let code: Code = switch vendorCode {
        case 10000: .badParameter
        case 10001: .network
        case 10002: .parseFailed
        case 10003: .system
        case 10004: .encryptKeyError
        case 10005: .badFileID
        case 10006: .decryptFailed
        case 10007: .noPrivateKeyForVersion(nil)
        case 10008: .badEncryptKey
        case 10009: .illegalIP
        case 10010: .dataExpired
        case 10011: .certificateError
        case 40001: .invalidSecret
        default: .unknownVendorCode(vendorCode)
        }
        self.init(code, operation: operation)
    }

    /// The vendor's numeric code when there is one (10000…10011, 40001, or an unknown code).
    public var vendorCode: Int64? {
        switch code {
        case .badParameter: 10000
        case .network: 10001
        case .parseFailed: 10002
        case .system: 10003
        case .encryptKeyError: 10004
        case .badFileID: 10005
        case .decryptFailed: 10006
        case .noPrivateKeyForVersion: 10007
        case .badEncryptKey: 10008
        case .illegalIP: 10009
        case .dataExpired: 10010
        case .certificateError: 10011
        case .invalidSecret: 40001
        case .unknownVendorCode(let value): Int64(value)
        case .serverError(let errcode, _): errcode
        default: nil
        }
    }

    public var classification: Classification {
        switch code {
        case .network, .system, .timeout:
            return .retryable
        case .serverError(let errcode, _):
            // -1: WeCom "system busy"; 45009: API call frequency limit.
            return errcode == -1 || errcode == 45009 ? .retryable : .fatal
        case .badParameter:
            // For one record or one file a bad parameter means bad input data; for the pull itself it
            // means a bug or an SDK incompatibility that retrying will not fix.
            switch operation {
            case .decryptData, .getMediaData, .rsaDecrypt, .verifyMedia: return .quarantineRecord
            default: return .fatal
            }
        case .parseFailed, .encryptKeyError, .badFileID, .decryptFailed, .noPrivateKeyForVersion,
            .badEncryptKey, .dataExpired, .malformedRecord, .privateKeyRejected, .mediaChecksumMismatch,
            .mediaTooLarge, .mediaTooManyChunks, .mediaStalled:
            return .quarantineRecord
        case .illegalIP, .certificateError, .invalidSecret, .unknownVendorCode, .libraryLoadFailed,
            .missingSymbol, .sdkCreationFailed, .malformedResponse:
            return .fatal
        }
    }

    /// What an administrator should do, in one or two sentences.
    public var adminMessage: String {
        switch code {
        case .badParameter:
            return "The WeCom SDK rejected a parameter (10000) during \(operation.rawValue). This is a bug in Vellum or an incompatible SDK version: report it with the SDK version in use."
        case .network:
            return "The WeCom SDK could not reach Tencent (10001). Vellum retries automatically; if it persists, check this server's outbound HTTPS access or the configured proxy."
        case .parseFailed:
            return "The WeCom SDK could not parse data (10002). The affected record is kept in quarantine; if it happens for every record, check the SDK version."
        case .system:
            return "Tencent reported a system error (10003). Vellum retries automatically."
        case .encryptKeyError:
            return "The WeCom SDK reported a key error (10004). The affected record is kept in quarantine; check that the private keys configured in Vellum match the public keys uploaded in the WeCom admin console."
        case .badFileID:
            return "The WeCom SDK rejected the media file id (10005). The media file is recorded as unavailable."
        case .decryptFailed:
            return "The WeCom SDK could not decrypt a message (10006). The record is kept in quarantine with its ciphertext."
        case .noPrivateKeyForVersion(let version):
            let which = version.map { "publickey_ver \($0)" } ?? "this message's key version"
            return "No private key for \(which) is configured (10007). Add the private key matching the public key uploaded as version \(version.map(String.init) ?? "?") in the WeCom admin console (管理工具 → 会话内容存档) to Vellum's WeCom keyring; quarantined records can then be decrypted again."
        case .badEncryptKey:
            return "The decrypted per-message key was rejected (10008). The record is kept in quarantine; check that the private key for its version is the right one."
        case .illegalIP:
            return "Tencent rejected this server's IP address (10009). Add this server's public IP to the trusted IP whitelist in the WeCom admin console (管理工具 → 会话内容存档 → 可信IP地址), then restart the WeCom capture."
        case .dataExpired:
            return "The data has expired on Tencent's side (10010) and can no longer be downloaded. Vellum records it as unavailable; pull more often to avoid gaps."
        case .certificateError:
            return "The WeCom SDK reported a certificate error (10011). Check this server's clock and CA certificates, and any TLS-intercepting proxy, then restart the WeCom capture."
        case .invalidSecret:
            return "Tencent rejected the session-archive Secret. Copy the Secret from the WeCom admin console (管理工具 → 会话内容存档) into Vellum's configuration, check the corp ID, then restart the WeCom capture."
        case .timeout:
            return "A WeCom SDK call timed out. Vellum retries automatically; if it persists, check network latency or raise the timeout."
        case .unknownVendorCode(let value):
            return "The WeCom SDK returned an undocumented code \(value) during \(operation.rawValue). Check Tencent's documentation for this SDK version; the capture stopped to avoid losing data."
        case .serverError(let errcode, let errmsg):
            return "Tencent returned errcode \(errcode) (\(errmsg)) for GetChatData. Look the code up in WeCom's global error code list; the capture stopped to avoid losing data."
        case .libraryLoadFailed(let path, let reason):
            return "Could not load the WeCom SDK library at \(path): \(reason). Install Tencent's libWeWorkFinanceSdk_C.so for this CPU architecture and point Vellum at it."
        case .missingSymbol(let name, let path):
            return "The library at \(path) does not export \(name): it is not Tencent's libWeWorkFinanceSdk_C.so or is an incompatible version."
        case .sdkCreationFailed:
            return "NewSdk() returned no SDK instance (out of memory or a broken SDK library)."
        case .malformedResponse(let detail):
            return "GetChatData returned data Vellum cannot read (\(detail)). The capture stopped without advancing; report it with the SDK version in use."
        case .malformedRecord(let field):
            return "A chatdata record has a missing or invalid '\(field)'. The record is kept in quarantine as received."
        case .privateKeyRejected(let version):
            return "The private key configured for publickey_ver \(version) could not decrypt a message key. Check that it is the key pair whose public half was uploaded as version \(version); the record is kept in quarantine."
        case .mediaChecksumMismatch:
            return "A downloaded media file does not match the MD5 in its message. The download was discarded and can be retried."
        case .mediaTooLarge(let limit):
            return "A media download exceeded Vellum's cap of \(limit) bytes and was abandoned. Raise the cap if such files are expected."
        case .mediaTooManyChunks(let limit):
            return "A media download needed more than \(limit) chunks and was abandoned (the SDK may be looping)."
        case .mediaStalled:
            return "The WeCom SDK returned an empty, unfinished media chunk without advancing; the download was abandoned."
        }
    }

    public var description: String {
        let number = vendorCode.map { " \($0)" } ?? ""
        return "WeComSDKError\(number) [\(classification.rawValue)] during \(operation.rawValue): \(codeSummary)"
    }

    private var codeSummary: String {
        switch code {
        case .noPrivateKeyForVersion(let version): "no private key for publickey_ver \(version.map(String.init) ?? "?")"
        case .malformedRecord(let field): "malformed record field '\(field)'"
        case .privateKeyRejected(let version): "private key for publickey_ver \(version) rejected the random key"
        case .mediaChecksumMismatch(let expected, let actual): "media md5 mismatch (expected \(expected), got \(actual))"
        case .mediaTooLarge(let limit): "media larger than \(limit) bytes"
        case .mediaTooManyChunks(let limit): "media needed more than \(limit) chunks"
        case .missingSymbol(let name, let path): "symbol \(name) missing in \(path)"
        case .libraryLoadFailed(let path, let reason): "cannot load \(path): \(reason)"
        case .malformedResponse(let detail): "malformed GetChatData response: \(detail)"
        case .serverError(let errcode, let errmsg): "server errcode \(errcode): \(errmsg)"
        default: "\(code)"
        }
    }
}
