import Foundation
import Yams

/// The copy of a storage file that `vellum init --storage` puts in the data directory: the same
/// settings, with relative `*_file` paths made absolute, since they were written relative to the
/// original file's folder, not to the data directory. Comments are not carried over.
enum StorageFileCopy {
    static func text(of url: URL) throws -> Data {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        guard let root = try Yams.compose(yaml: text) else { return Data(text.utf8) }
        let header = "# Written by `vellum init` from \(url.path); relative *_file paths made absolute.\n"
        return Data((header + (try Yams.serialize(node: absolutized(root, url.deletingLastPathComponent())))).utf8)
    }

    static func absolutized(_ node: Node, _ folder: URL) -> Node {
        guard case .mapping(let mapping) = node else { return node }
        let pairs = mapping.map { key, value -> (Node, Node) in
            if let name = key.string, name.hasSuffix("_file"), let path = value.string, !path.hasPrefix("/") {
                return (key, Node(folder.appendingPathComponent(path).standardizedFileURL.path))
            }
            return (key, absolutized(value, folder))
        }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style))
    }
}
