/// Read-only memory filled once from an array, so the generator's hot loop reads its tables without
/// reference counting or exclusivity checks.
///
/// `@unchecked Sendable`: the memory is never written after `init`, and only its owner frees it.
struct DemoFrozenArray<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafePointer<Element>
    let count: Int

    /// Copies `array` into new memory, which the caller must `free()` (or keep for the process).
    /// Sixteen initialized elements of slack follow the end, so short copies may read a whole word.
    init(_ array: [Element]) {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: array.count + Self.slack)
        array.withUnsafeBufferPointer { source in
            if let start = source.baseAddress {
                memory.initialize(from: start, count: source.count)
                (memory + source.count).initialize(repeating: source[0], count: Self.slack)
            }
        }
        base = UnsafePointer(memory)
        count = array.count
    }

    private static var slack: Int { 16 }

    @inline(__always)
    subscript(index: Int) -> Element {
        assert(index >= 0 && index < count, "DemoFrozenArray index out of range")
        return base[index]
    }

    /// Releases the memory; the value must not be used afterwards.
    func free() {
        UnsafeMutablePointer(mutating: base).deallocate()
    }
}

/// A write position in a line buffer that is large enough for any line (see `SyntheticCorpus`).
struct DemoByteCursor {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Copies bytes from frozen memory (which has slack after its end) into the line buffer (which has
    /// room to spare) in 16-byte chunks: for tens of bytes this beats memmove's start-up.
    @inline(__always)
    mutating func append(_ source: DemoFrozenArray<UInt8>, from start: Int, count length: Int) {
        Self.copyChunks(from: UnsafeRawPointer(source.base + start), to: UnsafeMutableRawPointer(base + count), length)
        count &+= length
    }

    /// Copies `length` bytes rounded up to a multiple of 16 (at least 16).
    @inline(__always)
    private static func copyChunks(from: UnsafeRawPointer, to: UnsafeMutableRawPointer, _ length: Int) {
        var offset = 0
        repeat {
            let low = from.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let high = from.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self)
            to.storeBytes(of: low, toByteOffset: offset, as: UInt64.self)
            to.storeBytes(of: high, toByteOffset: offset &+ 8, as: UInt64.self)
            offset &+= 16
        } while offset < length
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        (base + count).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        count &+= text.utf8CodeUnitCount
    }

    /// Appends `"key":`.
    @inline(__always)
    mutating func key(_ name: StaticString) {
        append(UInt8(ascii: "\""))
        append(name)
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
    }

    /// Appends the decimal digits of `value`.
    @inline(__always)
    mutating func decimal(_ value: UInt64) {
        var digits = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            digits &+= 1
        }
        var rest = value
        var position = count &+ digits &- 1
        while position >= count {
            base[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            position &-= 1
        }
        count &+= digits
    }

    /// Appends exactly two decimal digits.
    @inline(__always)
    mutating func twoDigits(_ value: Int) {
        append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10))
        append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
    }

    /// Appends sixteen lowercase hexadecimal digits.
    @inline(__always)
    mutating func hex(_ value: UInt64) {
        for index in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: (value >> UInt64(60 - index * 4)) & 0xF)
            base[count &+ index] = nibble < 10 ? UInt8(ascii: "0") &+ nibble : UInt8(ascii: "a") &+ nibble &- 10
        }
        count &+= 16
    }

    /// The bytes written so far as a `String` (the standard library validates the UTF-8). Copies in
    /// 16-byte chunks, reading up to 15 bytes past the end, which the line buffer has.
    func makeString() -> String {
        let length = count
        let rounded = max(16, (length + 15) & ~15)
        return String(unsafeUninitializedCapacity: rounded) { target in
            Self.copyChunks(from: UnsafeRawPointer(base), to: UnsafeMutableRawPointer(target.baseAddress!), rounded)
            return length
        }
    }
}
