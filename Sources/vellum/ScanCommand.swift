import ArgumentParser
import Foundation
import VellumSurveillance

#if canImport(Glibc)
    import Glibc
#endif

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find sensitive data in text: one JSON line of masked findings per input line.",
        discussion: """
            Input lines are JSON objects {"id", "text"} or plain text (then the id is the line number). \
            Output: {"id", "findings": [{"detector", "start", "end", "confidence", "masked"}]}, with start \
            and end counted in Unicode scalars. Masked values never show the full value.
            """)

    @Flag(help: "Write JSON lines (the only output format; accepted for symmetry with other commands).")
    var json = false
    @Argument(help: "The file to scan (default: standard input).") var file: String?

    func run() throws {
        let input: FileHandle
        if let file {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            input = handle
        } else {
            input = FileHandle.standardInput
        }
        var failures = 0
        let summary = try ScanLines(engine: ScanEngine()).run(input: input, output: FileHandle.standardOutput) { error in
            failures += 1
            FileHandle.standardError.write(Data("\(file ?? "stdin"): \(error)\n".utf8))
            return true
        }
        FileHandle.standardError.write(Data("scanned \(summary.lines) lines, \(summary.findings) findings, \(summary.errors) errors\n".utf8))
        if failures > 0 { throw ExitCode(1) }
    }
}
