import Testing
@testable import VellumAllocator

/// `swift test` checks the default build; `swift test --traits Jemalloc` (which .ci/run also
/// runs, for this suite) checks that jemalloc really serves the process, not only that it links.
@Suite("The process's allocator")
struct ProcessAllocatorTests {
    #if Jemalloc && os(Linux)
        @Test("jemalloc serves malloc, including the Swift runtime's allocations on any thread")
        func jemallocServesMalloc() async {
            #expect(ProcessAllocator.description.hasPrefix("jemalloc 5."))
            #expect(!ProcessAllocator.description.contains("not serving"))
            #expect(ProcessAllocator.servesForeignAllocations)
            // An array's storage comes from the Swift runtime's swift_slowAlloc, in another
            // library, which calls malloc through its own symbol table.
            let onAnotherThread = await Task.detached {
                let before = ProcessAllocator.threadAllocatedBytes()
                let bytes = [UInt8](repeating: 1, count: 1 << 20)
                let grown = ProcessAllocator.threadAllocatedBytes() &- before
                return (grown, bytes.count)
            }.value
            #expect(onAnotherThread.0 >= UInt64(onAnotherThread.1))
        }
    #else
        @Test("Without the Jemalloc trait the C library's malloc serves the process")
        func cLibraryServesMalloc() {
            #expect(ProcessAllocator.description == "the C library's malloc")
            #expect(!ProcessAllocator.servesForeignAllocations)
        }
    #endif
}
