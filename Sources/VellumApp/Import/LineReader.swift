import Foundation
import VellumCore

/// Reads a file as numbered lines, in bounded chunks, without loading it whole.
///
/// Lines end at LF; a CR before it is dropped. The last line needs no newline. Consumed bytes are
/// dropped once per chunk read, not once per line, so reading stays linear in the file size.
struct LineReader {
    let handle: FileHandle
    var buffer = Data()
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
    mutating func next(_ max: Int) throws -> [(Int, Data)] {
        var out: [(Int, Data)] = []
        while out.count < max {
            let start = buffer.startIndex + cursor
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                out.append(take(start ..< nl))
                cursor = nl + 1 - buffer.startIndex
                continue
            }
            if eof {
                if start < buffer.endIndex { out.append(take(start ..< buffer.endIndex)) }
                buffer = Data()
                cursor = 0
                break
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            var rest = Data(buffer[start...])
            rest.append(chunk)
            buffer = rest
            cursor = 0
            if chunk.isEmpty { eof = true }
        }
        return out
    }

    mutating func take(_ range: Range<Int>) -> (Int, Data) {
        var line = buffer[range]
        if line.last == 0x0D { line = line.dropLast() }
        lineNumber += 1
        return (lineNumber, Data(line))
    }
}
