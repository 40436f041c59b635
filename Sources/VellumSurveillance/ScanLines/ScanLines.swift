public import Foundation

/// The line protocol of `vellum scan`.
///
/// Each input line is either a JSON object `{"id": <string or number>,
/// "text": "…"}` (other members are ignored; a missing `id` falls back to
/// the line number) or plain text, whose id is its 1-based line number.
/// Each produces one compact JSON output line:
/// `{"id":"…","findings":[{"detector","start","end","confidence","masked"}]}`,
/// offsets in Unicode scalars of the (unescaped) text. A JSON object without
/// `text`, or with a non-string `text` or an `id` that is neither string nor
/// number, is a ``ScanLineError`` naming the line and field. A line that
/// starts with `{` but is not valid JSON is scanned as plain text.
public struct ScanLines: Sendable {
    /// The engine lines are scanned with.
    public let engine: ScanEngine

    /// Creates the processor.
    public init(engine: ScanEngine = ScanEngine()) {
        self.engine = engine
    }

    /// Processes one line (without its newline) into one output line
    /// (without a newline).
    public func process(line: String, lineNumber: Int) throws(ScanLineError) -> String {
        var out: [UInt8] = []
        var line = line
        let result: Result<Void, ScanLineError> = line.withUTF8 { bytes in
            do throws(ScanLineError) {
                try process(line: bytes, lineNumber: lineNumber, into: &out)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        return String(decoding: out, as: UTF8.self)
    }

    /// Processes one line of bytes, appending the output line (without a
    /// newline) to `output`. Returns the number of findings.
    @discardableResult
    public func process(line: UnsafeBufferPointer<UInt8>, lineNumber: Int, into output: inout [UInt8]) throws(ScanLineError) -> Int {
        switch JSONLineParser.parse(line) {
        case .plainText:
            let findings = engine.scan(utf8: line)
            withDecimal(lineNumber) { JSONLineWriter.write(id: $0, findings: findings, into: &output) }
            return findings.count
        case .object(let id, let idIssue, let text, let textIssue):
            if idIssue { throw .invalidField(line: lineNumber, field: "id", expected: "a string or a number") }
            if textIssue { throw .invalidField(line: lineNumber, field: "text", expected: "a string") }
            guard let text else { throw .missingField(line: lineNumber, field: "text") }
            let findings: [Finding]
            switch text {
            case .raw(let range): findings = engine.scan(utf8: UnsafeBufferPointer(rebasing: line[range]))
            case .decoded(let bytes): findings = bytes.withUnsafeBufferPointer { engine.scan(utf8: $0) }
            }
            switch id {
            case .raw(let range)?: JSONLineWriter.write(id: UnsafeBufferPointer(rebasing: line[range]), findings: findings, into: &output)
            case .decoded(let bytes)?: bytes.withUnsafeBufferPointer { JSONLineWriter.write(id: $0, findings: findings, into: &output) }
            case nil: withDecimal(lineNumber) { JSONLineWriter.write(id: $0, findings: findings, into: &output) }
            }
            return findings.count
        }
    }

    /// Streams `input` to `output` line by line. `onError` decides whether a
    /// bad line is skipped (return true) or ends the run (false: the error is
    /// thrown after the lines before it were written).
    public func run(
        input: FileHandle,
        output: FileHandle,
        onError: (ScanLineError) -> Bool = { _ in false }
    ) throws(ScanLineError) -> ScanLinesSummary {
        var summary = ScanLinesSummary()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func flush() throws {
            try output.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
        do {
            try LineReader(handle: input).forEachLine { line, number in
                summary.lines += 1
                summary.bytes += line.count + 1
                do throws(ScanLineError) {
                    summary.findings += try process(line: line, lineNumber: number, into: &buffer)
                    buffer.append(0x0A)
                } catch {
                    summary.errors += 1
                    guard onError(error) else { throw error }
                }
                if buffer.count >= 1 << 20 { try flush() }
            }
            try flush()
        } catch let error as ScanLineError {
            try? flush()
            throw error
        } catch {
            throw .io(String(describing: error))
        }
        return summary
    }

    /// The decimal digits of a line number, on the stack.
    private func withDecimal<R>(_ value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var v = max(0, value)
            var start = 20
            repeat {
                start -= 1
                buffer[start] = UInt8(0x30 + v % 10)
                v /= 10
            } while v > 0
            return body(UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }
}

/// Counts from a ``ScanLines/run(input:output:onError:)`` run.
public struct ScanLinesSummary: Sendable, Hashable {
    /// Input lines read.
    public var lines = 0
    /// Input bytes, newlines included.
    public var bytes = 0
    /// Findings written.
    public var findings = 0
    /// Lines that failed (skipped when `onError` allowed it).
    public var errors = 0

    /// An empty summary.
    public init() {}
}
