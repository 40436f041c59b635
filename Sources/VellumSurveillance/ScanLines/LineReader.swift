public import Foundation

/// Reads lines from a file handle in fixed-size chunks, so memory stays
/// bounded whatever the input size. Lines end at `\n`; a `\r` before it is
/// dropped; a last line without a newline is still delivered.
public struct LineReader {
    /// The source.
    public let handle: FileHandle
    /// Bytes read per call.
    public let chunkSize: Int

    /// Creates a reader (1 MiB chunks by default).
    public init(handle: FileHandle, chunkSize: Int = 1 << 20) {
        self.handle = handle
        self.chunkSize = max(1, chunkSize)
    }

    /// Calls `body(line, lineNumber)` for each line, 1-based.
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var carry: [UInt8] = []
        var lineNumber = 0
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            try chunk.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var lineStart = 0
                while let newline = bytes[lineStart...].firstIndex(of: 0x0A) {
                    lineNumber += 1
                    if carry.isEmpty {
                        try Self.deliver(UnsafeBufferPointer(rebasing: bytes[lineStart..<newline]), lineNumber, body)
                    } else {
                        carry.append(contentsOf: bytes[lineStart..<newline])
                        try carry.withUnsafeBufferPointer { try Self.deliver($0, lineNumber, body) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    lineStart = newline + 1
                }
                carry.append(contentsOf: bytes[lineStart...])
            }
        }
        if !carry.isEmpty {
            lineNumber += 1
            try carry.withUnsafeBufferPointer { try Self.deliver($0, lineNumber, body) }
        }
    }

    /// Splits an in-memory buffer the same way (used by the benchmark).
    public static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) rethrows {
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            let newline = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            try deliver(UnsafeBufferPointer(rebasing: bytes[lineStart..<newline]), lineNumber, body)
            lineStart = newline + 1
        }
    }

    private static func deliver(
        _ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) rethrows {
        if let last = line.last, last == 0x0D {
            try body(UnsafeBufferPointer(rebasing: line.dropLast()), number)
        } else {
            try body(line, number)
        }
    }
}
