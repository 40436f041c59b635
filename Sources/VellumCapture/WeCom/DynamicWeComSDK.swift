internal import CWeComSDK
public import Foundation
internal import Synchronization
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// ``WeComSDK`` over Tencent's `libWeWorkFinanceSdk_C.so`, loaded at run time with `dlopen`.
///
/// - Loading: `dlopen(path, RTLD_NOW | RTLD_LOCAL)`; all 17 vendor functions are resolved up front, and a
///   missing one fails construction with ``WeComSDKError/Code/missingSymbol(name:path:)``. The library is
///   never `dlclose`d (vendor libraries that start threads or use OpenSSL are not safe to unload); the
///   loader's reference count keeps one copy for all instances.
/// - Lifecycle: `NewSdk` + `Init(corpid, secret)` in `init`, `DestroySdk` in `deinit`. The secret is
///   passed to `Init` and not kept.
/// - Memory: every `Slice_t` / `MediaData_t` comes from the vendor's `NewSlice` / `NewMediaData` and is
///   released with `FreeSlice` / `FreeMediaData` on every path (`defer`). Media bytes are read with
///   `GetDataLen` (binary data, never `strlen`), slices with `GetSliceLen`.
/// - Threads: Tencent's header says nothing about thread safety of the SDK handle or of `DecryptData`,
///   so every call on one instance is serialized by a `Mutex` (a media download waits for a running
///   GetChatData on the same instance). Separate instances run in parallel. All calls block.
public final class DynamicWeComSDK: WeComSDK, CustomStringConvertible, CustomReflectable, @unchecked Sendable {
    // @unchecked: the only mutable state is the vendor handle, used solely inside `lock.withLock`.

    /// The path the library was loaded from.
    public let libraryPath: String

    private let functions: VendorFunctions
    private let sdk: OpaquePointer
    private let proxy: String
    private let proxyCredentials: String
    private let lock = Mutex<Void>(())

    /// Loads the library, creates an SDK instance and initializes it.
    ///
    /// - Parameters:
    ///   - libraryPath: absolute path of `libWeWorkFinanceSdk_C.so` (or a library with the same ABI).
    ///   - corpID: the corp ID (企业ID).
    ///   - secret: the session-archive Secret (会话内容存档 Secret). Not stored.
    ///   - proxy: `socks5://host:port` or `http://host:port`, if the server reaches Tencent via a proxy.
    ///   - proxyCredentials: `user:password` for the proxy. Kept in memory for every call; never printed.
    public init(libraryPath: String, corpID: String, secret: String, proxy: String? = nil, proxyCredentials: String? = nil) throws {
        guard let library = dlopen(libraryPath, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown dlopen error"
            throw WeComSDKError(.libraryLoadFailed(path: libraryPath, reason: reason), operation: .loadLibrary)
        }
        let functions: VendorFunctions
        do {
            functions = try VendorFunctions(library: library, path: libraryPath)
        } catch {
            dlclose(library)  // nothing from it was called yet, so unloading is safe
            throw error
        }
        guard let sdk = functions.newSdk() else {
            throw WeComSDKError(.sdkCreationFailed, operation: .initialize)
        }
        let rc = corpID.withCString { corp in secret.withCString { sec in functions.initialize(sdk, corp, sec) } }
        guard rc == 0 else {
            functions.destroySdk(sdk)
            throw WeComSDKError(vendorCode: rc, operation: .initialize)
        }
        self.libraryPath = libraryPath
        self.functions = functions
        self.sdk = sdk
        self.proxy = proxy ?? ""
        self.proxyCredentials = proxyCredentials ?? ""
    }

    /// Shows the library path only (never the proxy credentials).
    public var description: String { "DynamicWeComSDK(\(libraryPath))" }

    public var customMirror: Mirror { Mirror(self, children: ["libraryPath": libraryPath]) }

    deinit {
        functions.destroySdk(sdk)
    }

    public func chatData(after seq: UInt64, limit: Int, timeout: Duration) throws -> Data {
        guard (1...1000).contains(limit) else {
            // Never sent: the vendor rejects limit > 1000 with 10000.
            throw WeComSDKError(.badParameter, operation: .getChatData)
        }
        let seconds = timeout.wecomTimeoutSeconds
        return try lock.withLock { _ throws(WeComSDKError) -> Data in
            guard let slice = functions.newSlice() else {
                throw WeComSDKError(.system, operation: .getChatData)
            }
            defer { functions.freeSlice(slice) }
            let rc = proxy.withCString { p in
                proxyCredentials.withCString { pw in
                    functions.getChatData(sdk, seq, UInt32(limit), p, pw, seconds, slice)
                }
            }
            guard rc == 0 else { throw WeComSDKError(vendorCode: rc, operation: .getChatData) }
            return try sliceBytes(slice, operation: .getChatData)
        }
    }

    public func decrypt(randomKey: [UInt8], encryptedMessage: String) throws -> Data {
        // The vendor takes both as C strings: an embedded NUL would silently truncate them.
        guard !randomKey.isEmpty, !randomKey.contains(0) else {
            throw WeComSDKError(.badEncryptKey, operation: .decryptData)
        }
        guard !encryptedMessage.utf8.contains(0) else {
            throw WeComSDKError(.malformedRecord(field: "encrypt_chat_msg"), operation: .decryptData)
        }
        var keyCString = randomKey.map { CChar(bitPattern: $0) }
        keyCString.append(0)
        return try lock.withLock { _ throws(WeComSDKError) -> Data in
            guard let slice = functions.newSlice() else {
                throw WeComSDKError(.system, operation: .decryptData)
            }
            defer { functions.freeSlice(slice) }
            let rc = keyCString.withUnsafeBufferPointer { key in
                encryptedMessage.withCString { msg in functions.decryptData(key.baseAddress, msg, slice) }
            }
            guard rc == 0 else { throw WeComSDKError(vendorCode: rc, operation: .decryptData) }
            return try sliceBytes(slice, operation: .decryptData)
        }
    }

    public func mediaChunk(index: String, fileID: String, timeout: Duration) throws -> WeComMediaChunk {
        guard !fileID.isEmpty, !fileID.utf8.contains(0) else {
            throw WeComSDKError(.badFileID, operation: .getMediaData)
        }
        guard !index.utf8.contains(0) else {
            throw WeComSDKError(.badParameter, operation: .getMediaData)
        }
        let seconds = timeout.wecomTimeoutSeconds
        return try lock.withLock { _ throws(WeComSDKError) -> WeComMediaChunk in
            guard let media = functions.newMediaData() else {
                throw WeComSDKError(.system, operation: .getMediaData)
            }
            defer { functions.freeMediaData(media) }
            let rc = index.withCString { idx in
                fileID.withCString { fid in
                    proxy.withCString { p in
                        proxyCredentials.withCString { pw in
                            functions.getMediaData(sdk, idx, fid, p, pw, seconds, media)
                        }
                    }
                }
            }
            guard rc == 0 else { throw WeComSDKError(vendorCode: rc, operation: .getMediaData) }
            let dataLength = functions.getDataLen(media)
            let indexLength = functions.getIndexLen(media)
            guard dataLength >= 0, indexLength >= 0 else {
                throw WeComSDKError(.parseFailed, operation: .getMediaData)
            }
            var data = Data()
            if dataLength > 0 {
                guard let bytes = functions.getData(media) else {
                    throw WeComSDKError(.parseFailed, operation: .getMediaData)
                }
                data = Data(bytes: bytes, count: Int(dataLength))
            }
            var nextIndex = ""
            if indexLength > 0, let indexBytes = functions.getOutIndexBuf(media) {
                nextIndex = String(
                    decoding: UnsafeRawBufferPointer(start: indexBytes, count: Int(indexLength)), as: UTF8.self)
            }
            return WeComMediaChunk(data: data, nextIndex: nextIndex, isFinished: functions.isMediaDataFinish(media) == 1)
        }
    }

    private func sliceBytes(_ slice: UnsafeMutablePointer<Slice_t>, operation: WeComSDKError.Operation) throws(WeComSDKError) -> Data {
        let length = functions.getSliceLen(slice)
        guard length >= 0 else { throw WeComSDKError(.parseFailed, operation: operation) }
        guard length > 0 else { return Data() }
        guard let bytes = functions.getContentFromSlice(slice) else {
            throw WeComSDKError(.parseFailed, operation: operation)
        }
        return Data(bytes: bytes, count: Int(length))
    }
}

/// The vendor's C functions, resolved with `dlsym`. Types follow `WeWorkFinanceSdk_C.h` exactly
/// (`int` = Int32, `unsigned long long` = UInt64, `unsigned int` = UInt32).
private struct VendorFunctions {
    typealias SDKHandle = OpaquePointer
    typealias CString = UnsafePointer<CChar>
    typealias SlicePointer = UnsafeMutablePointer<Slice_t>
    typealias MediaPointer = UnsafeMutablePointer<MediaData_t>

    let newSdk: @convention(c) () -> SDKHandle?
    let initialize: @convention(c) (SDKHandle?, CString?, CString?) -> Int32
    let getChatData: @convention(c) (SDKHandle?, UInt64, UInt32, CString?, CString?, Int32, SlicePointer?) -> Int32
    let decryptData: @convention(c) (CString?, CString?, SlicePointer?) -> Int32
    let getMediaData: @convention(c) (SDKHandle?, CString?, CString?, CString?, CString?, Int32, MediaPointer?) -> Int32
    let destroySdk: @convention(c) (SDKHandle?) -> Void
    let newSlice: @convention(c) () -> SlicePointer?
    let freeSlice: @convention(c) (SlicePointer?) -> Void
    let getContentFromSlice: @convention(c) (SlicePointer?) -> UnsafeMutablePointer<CChar>?
    let getSliceLen: @convention(c) (SlicePointer?) -> Int32
    let newMediaData: @convention(c) () -> MediaPointer?
    let freeMediaData: @convention(c) (MediaPointer?) -> Void
    let getOutIndexBuf: @convention(c) (MediaPointer?) -> UnsafeMutablePointer<CChar>?
    let getData: @convention(c) (MediaPointer?) -> UnsafeMutablePointer<CChar>?
    let getIndexLen: @convention(c) (MediaPointer?) -> Int32
    let getDataLen: @convention(c) (MediaPointer?) -> Int32
    let isMediaDataFinish: @convention(c) (MediaPointer?) -> Int32

    init(library: UnsafeMutableRawPointer, path: String) throws {
        func resolve<F>(_ name: String, as type: F.Type) throws -> F {
            guard let symbol = dlsym(library, name) else {
                throw WeComSDKError(.missingSymbol(name: name, path: path), operation: .loadLibrary)
            }
            return unsafeBitCast(symbol, to: type)
        }
        newSdk = try resolve("NewSdk", as: (@convention(c) () -> SDKHandle?).self)
        initialize = try resolve("Init", as: (@convention(c) (SDKHandle?, CString?, CString?) -> Int32).self)
        getChatData = try resolve(
            "GetChatData",
            as: (@convention(c) (SDKHandle?, UInt64, UInt32, CString?, CString?, Int32, SlicePointer?) -> Int32).self)
        decryptData = try resolve("DecryptData", as: (@convention(c) (CString?, CString?, SlicePointer?) -> Int32).self)
        getMediaData = try resolve(
            "GetMediaData",
            as: (@convention(c) (SDKHandle?, CString?, CString?, CString?, CString?, Int32, MediaPointer?) -> Int32).self)
        destroySdk = try resolve("DestroySdk", as: (@convention(c) (SDKHandle?) -> Void).self)
        newSlice = try resolve("NewSlice", as: (@convention(c) () -> SlicePointer?).self)
        freeSlice = try resolve("FreeSlice", as: (@convention(c) (SlicePointer?) -> Void).self)
        getContentFromSlice = try resolve(
            "GetContentFromSlice", as: (@convention(c) (SlicePointer?) -> UnsafeMutablePointer<CChar>?).self)
        getSliceLen = try resolve("GetSliceLen", as: (@convention(c) (SlicePointer?) -> Int32).self)
        newMediaData = try resolve("NewMediaData", as: (@convention(c) () -> MediaPointer?).self)
        freeMediaData = try resolve("FreeMediaData", as: (@convention(c) (MediaPointer?) -> Void).self)
        getOutIndexBuf = try resolve(
            "GetOutIndexBuf", as: (@convention(c) (MediaPointer?) -> UnsafeMutablePointer<CChar>?).self)
        getData = try resolve("GetData", as: (@convention(c) (MediaPointer?) -> UnsafeMutablePointer<CChar>?).self)
        getIndexLen = try resolve("GetIndexLen", as: (@convention(c) (MediaPointer?) -> Int32).self)
        getDataLen = try resolve("GetDataLen", as: (@convention(c) (MediaPointer?) -> Int32).self)
        isMediaDataFinish = try resolve("IsMediaDataFinish", as: (@convention(c) (MediaPointer?) -> Int32).self)
    }
}
