import Foundation
import VellumCore

/// Reads a file as numbered lines, in bounded chunks, without loading it whole.
///
/// Lines end at LF; a CR before it is dropped. The last line needs no newline.
struct LineReader {
    let handle: FileHandle
    var buffer = Data()
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
            if let nl = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex ..< nl]
                if line.last == 0x0D { line = line.dropLast() }
                lineNumber += 1
                out.append((lineNumber, Data(line)))
                buffer.removeSubrange(buffer.startIndex ... nl)
                continue
            }
            if eof {
                if !buffer.isEmpty {
                    lineNumber += 1
                    var line = buffer
                    if line.last == 0x0D { line = line.dropLast() }
                    out.append((lineNumber, Data(line)))
                    buffer = Data()
                }
                break
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { eof = true } else { buffer.append(chunk) }
        }
        return out
    }
}
