/// A growable UTF-8 byte buffer that starts in caller-provided (usually stack) memory and
/// moves to the heap only when a token outgrows it.
///
/// It exists because tokenizing a short message should not allocate for scratch space; the
/// owner must call ``release()`` when done.
struct TokenByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var isOnHeap = false
    /// Number of bytes in use.
    private(set) var count = 0

    /// Uses `storage` (which must outlive the buffer) until more room is needed.
    init(storage: UnsafeMutableBufferPointer<UInt8>) {
        base = storage.baseAddress.unsafelyUnwrapped
        capacity = storage.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow() }
        base[count] = byte
        count += 1
    }

    /// Appends the UTF-8 encoding of `scalar`.
    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            append(UInt8(v))
        } else if v < 0x800 {
            append(UInt8(0xC0 | (v >> 6)))
            append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x1_0000 {
            append(UInt8(0xE0 | (v >> 12)))
            append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            append(UInt8(0x80 | (v & 0x3F)))
        } else {
            append(UInt8(0xF0 | (v >> 18)))
            append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The bytes in `range` as a string.
    @inline(__always)
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }

    /// Moves the bytes from `start` to the end to the front and drops the rest.
    mutating func keepTail(from start: Int) {
        let tail = count - start
        if start > 0, tail > 0 { base.update(from: base + start, count: tail) }
        count = tail
    }

    mutating func removeAll() {
        count = 0
    }

    /// Frees heap memory, if any was taken. The buffer must not be used afterwards.
    func release() {
        if isOnHeap { base.deallocate() }
    }

    private mutating func grow() {
        let newCapacity = max(16, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if isOnHeap { base.deallocate() }
        base = newBase
        capacity = newCapacity
        isOnHeap = true
    }
}
