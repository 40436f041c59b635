import Foundation
import VellumCore

/// The export folder being written: hands out output files, remembers every file closed, and
/// keeps scratch space that is removed before the folder is presented.
final class OutputRegistry {
    let root: URL
    let scratch: URL
    private(set) var files: [WrittenFile] = []
    private var used: Set<String> = []
    private var scratchCounter = 0

    init(root: URL) throws {
        self.root = root
        self.scratch = root.appendingPathComponent(".scratch", isDirectory: true)
        do { try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true) } catch {
            throw ExportError(.io, "\(root.path): cannot create the scratch folder: \(error)")
        }
    }

    /// A new output file at `relativePath`; two outputs may never share a path.
    func create(_ relativePath: String) throws -> OutputFile {
        guard used.insert(relativePath).inserted else {
            throw ExportError(.io, "\(relativePath): the export already wrote a file at this path")
        }
        return try OutputFile(
            url: root.appendingPathComponent(relativePath), relativePath: relativePath, hashing: true
        ) { [weak self] written in self?.files.append(written) }
    }

    /// Whether an output already claimed `relativePath`.
    func isUsed(_ relativePath: String) -> Bool { used.contains(relativePath) }

    /// A fresh path in the scratch folder (never listed in the manifest).
    func scratchURL(_ suffix: String) -> URL {
        scratchCounter += 1
        return scratch.appendingPathComponent("\(scratchCounter)\(suffix)")
    }

    /// A scratch file writer (not hashed, not listed).
    func scratchFile(_ suffix: String) throws -> OutputFile {
        let url = scratchURL(suffix)
        return try OutputFile(url: url, relativePath: ".scratch/" + url.lastPathComponent, hashing: false)
    }

    func removeScratch() {
        try? FileManager.default.removeItem(at: scratch)
    }
}
