public import Foundation
import VellumCapture

/// The file formats `vellum import` reads, each a line parser.
public enum ImportFormat: String, Sendable, CaseIterable {
    case jsonl

    func parse(_ bytes: Data, file: String, line: Int) -> ParsedLine {
        switch self {
        case .jsonl: VellumJSONLinesParser().parse(bytes, file: file, line: line)
        }
    }
}
