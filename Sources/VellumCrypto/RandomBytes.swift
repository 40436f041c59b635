public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Random bytes for data keys and nonces, drawn from the operating system 4 KiB at a time.
///
/// swift-crypto fills a key with one `getrandom` system call per 8 bytes, so sealing one message
/// (a record key, a commitment nonce, two GCM nonces) cost twelve system calls. The pool asks the
/// kernel once per 4 KiB instead. Every byte is handed out once and zeroed in the pool as it
/// leaves; the pool is one per process behind a lock, so no two callers can see the same bytes.
/// (Vellum never forks without exec, which is what would copy a pool into a second process.)
public enum RandomBytes {
    static let shared = Mutex(RandomPool())

    /// Calls `body` with `count` (at most 4,096) fresh random bytes, valid only during the call.
    public static func take<R>(_ count: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        // Copied out under the lock to the stack, zeroed there once `body` has used them.
        try withUnsafeTemporaryAllocation(byteCount: count, alignment: 1) { bytes in
            shared.withLock { pool in pool.take(count) { bytes.copyMemory(from: $0) } }
            defer { bytes.initializeMemory(as: UInt8.self, repeating: 0) }
            return try body(UnsafeRawBufferPointer(bytes))
        }
    }

    /// `count` fresh random bytes.
    public static func data(_ count: Int) -> Data { take(count) { Data($0) } }
}

/// A buffer of random bytes and how far it has been handed out.
struct RandomPool: ~Copyable {
    static let size = 4096
    private(set) var bytes = [UInt8](repeating: 0, count: RandomPool.size)
    /// Bytes before this offset were handed out (and zeroed).
    private(set) var next = RandomPool.size

    mutating func take<R>(_ count: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        precondition(count > 0 && count <= Self.size, "a draw of \(count) random bytes")
        if next + count > Self.size { refill() }
        let start = next
        next += count
        defer {
            for i in start ..< start + count { bytes[i] = 0 }
        }
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start ..< start + count])) }
    }

    private mutating func refill() {
        bytes.withUnsafeMutableBytes { Self.fill($0) }
        next = 0
    }

    /// Fills `buffer` from the kernel's generator: `arc4random_buf`, which glibc (2.36 and later)
    /// and Darwin serve with `getrandom` or its equivalent, blocking until the kernel is seeded
    /// and aborting rather than returning weak bytes.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        arc4random_buf(buffer.baseAddress!, buffer.count)
    }
}
