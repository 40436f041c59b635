import Foundation

/// Reads `manifest.json` without holding its records in memory.
///
/// The exporter writes the manifest as three parts: a first line ending in `"records":[`, one
/// record object per line, and a last line starting with `],"tree_head"`. When the file has that
/// layout, records are decoded one line at a time; any other valid JSON (a reformatted manifest)
/// is decoded whole.
struct ManifestStream {
    let url: URL

    /// The manifest without its records, and whether records can be streamed.
    func header() throws -> (manifest: ExportManifest, streamed: Bool) {
        if let (first, last) = try edges(), first.reversed().starts(with: Data("\"records\":[".utf8).reversed()),
            last.starts(with: Data("],\"tree_head\"".utf8))
        {
            return (try ExportManifest.decode(first + last), true)
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ExportError(.malformedManifest, "\(ExportManifest.fileName): cannot read: \(error)")
        }
        return (try ExportManifest.decode(data), false)
    }

    /// Calls `body` with every record line of a streamed manifest, in order.
    func forEachRecord(_ body: (ExportManifest.Record) -> Void) throws {
        let reader = try LineReader(url: url)
        var index = 0
        while var line = try reader.next() {
            index += 1
            if index == 1 || line.starts(with: Data("],\"tree_head\"".utf8)) { continue }
            if line.last == UInt8(ascii: ",") { line.removeLast() }
            do { body(try JSONDecoder().decode(ExportManifest.Record.self, from: line)) } catch {
                throw ExportError(.malformedManifest, "\(ExportManifest.fileName) line \(index): \(error)")
            }
        }
    }

    /// The first line and the last non-empty line (without line ends).
    private func edges() throws -> (Data, Data)? {
        let reader = try LineReader(url: url)
        guard let first = try reader.next() else { return nil }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        let tailSize = min(size, 1 << 16)
        try handle.seek(toOffset: size - tailSize)
        var tail = try handle.read(upToCount: Int(tailSize)) ?? Data()
        while tail.last == 0x0A || tail.last == 0x0D { tail.removeLast() }
        guard let newline = tail.lastIndex(of: 0x0A) else { return nil }
        return (first, Data(tail[(newline + 1)...]))
    }
}

/// Lines of a file, read in 1 MiB chunks.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    init(url: URL) throws {
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            throw ExportError(.io, "\(url.path): cannot open: \(error)")
        }
    }

    deinit { try? handle.close() }

    /// The next line without its `\n`, nil at the end.
    func next() throws -> Data? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = Data(buffer[position..<newline])
                position = newline + 1
                return line
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = Data(buffer[position...])
                position = buffer.count
                return line
            }
            buffer.removeFirst(position)
            position = 0
            if let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                finished = true
            }
        }
    }
}
