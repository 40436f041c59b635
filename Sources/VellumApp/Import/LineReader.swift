import Foundation
import VellumCore

/// Reads a file as numbered lines, in bounded chunks, without loading it whole.
///
/// Lines end at LF; a CR before it is dropped. The last line needs no newline. Consumed bytes are
/// dropped once per chunk read, not once per line, so reading stays linear in the file size; the
/// newline search runs over raw bytes (`memchr`), not through `Data`'s generic indexing.
struct LineReader {
    let handle: FileHandle
    var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    var cursor = 0
    var lineNumber = 0
    var eof = false

    init(url: URL) throws {
        guard let h = FileHandle(forReadingAtPath: url.path) else {
            throw VellumError(.notFound, "cannot open \(url.path)")
        }
        handle = h
    }

    /// Up to `max` lines: (1-based line number, bytes). Empty when the file is done.
    /// Stops early, after the line that reaches `maxBytes` (so at least one line comes back).
    mutating func next(_ max: Int, maxBytes: Int = .max) throws -> [(Int, Data)] {
        var out: [(Int, Data)] = []
        out.reserveCapacity(Swift.min(max, 4096))
        var bytes = 0
        while out.count < max, bytes < maxBytes {
            if let nl = Self.newline(in: buffer, from: cursor) {
                out.append(take(cursor ..< nl))
                bytes += nl - cursor
                cursor = nl + 1
                continue
            }
            if eof {
                if cursor < buffer.count { out.append(take(cursor ..< buffer.count)) }
                buffer = []
                cursor = 0
                break
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            buffer.removeFirst(cursor)
            buffer.append(contentsOf: chunk)
            cursor = 0
            if chunk.isEmpty { eof = true }
        }
        return out
    }

    static func newline(in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { p -> Int? in
            guard let hit = memchr(p.baseAddress! + start, 0x0A, p.count - start) else { return nil }
            return p.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    mutating func take(_ range: Range<Int>) -> (Int, Data) {
        var end = range.upperBound
        if end > range.lowerBound, buffer[end - 1] == 0x0D { end -= 1 }
        lineNumber += 1
        return (lineNumber, buffer.withUnsafeBufferPointer { Data(UnsafeBufferPointer(rebasing: $0[range.lowerBound ..< end])) })
    }
}
