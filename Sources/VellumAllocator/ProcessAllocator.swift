#if Jemalloc && os(Linux)
    internal import CJemalloc
    internal import Glibc
#endif

/// Which allocator serves this process's `malloc`: jemalloc when the binary was built with the
/// `Jemalloc` trait on Linux (docs/decisions/0032-jemalloc.md), else the C library's.
public enum ProcessAllocator {
    /// For the benchmark's output and `vellum serve`'s log: the allocator's name and version, and
    /// whether it was seen serving `malloc`.
    public static var description: String {
        #if Jemalloc && os(Linux)
            guard let version = jemallocVersion else { return "jemalloc (its version unreadable)" }
            return servesForeignAllocations
                ? "jemalloc \(version)"
                : "jemalloc \(version), linked but not serving malloc (the C library's serves it)"
        #else
            return "the C library's malloc"
        #endif
    }

    #if Jemalloc && os(Linux)
        /// The version jemalloc reports, such as `5.3.0-0-g54eaed1…`.
        static var jemallocVersion: String? {
            var version: UnsafePointer<CChar>?
            var size = MemoryLayout<UnsafePointer<CChar>?>.size
            guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return nil }
            return String(cString: version)
        }

        /// True when a `malloc` call through the C library's symbol lands in jemalloc: the calling
        /// thread's allocated-bytes counter must grow by what was asked. Interposition, not mere
        /// linking, is what makes the libraries' allocations (the Swift runtime's, Foundation's,
        /// SQLite's) jemalloc's. The block is parked in `sink` so the optimizer cannot drop the
        /// malloc and free as a pair.
        public static var servesForeignAllocations: Bool {
            let size = 1 << 20
            let before = threadAllocatedBytes()
            sink = Glibc.malloc(size)
            defer { Glibc.free(sink); sink = nil }
            return sink != nil && threadAllocatedBytes() &- before >= UInt64(size)
        }

        nonisolated(unsafe) private static var sink: UnsafeMutableRawPointer?

        static func threadAllocatedBytes() -> UInt64 {
            var value: UInt64 = 0
            var size = MemoryLayout<UInt64>.size
            return mallctl("thread.allocated", &value, &size, nil, 0) == 0 ? value : 0
        }
    #else
        public static var servesForeignAllocations: Bool { false }
    #endif
}
