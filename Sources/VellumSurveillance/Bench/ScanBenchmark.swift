internal import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// The surveillance scan benchmark: a deterministic corpus, timed
/// single-threaded; best of several repetitions. `surveillance-bench` (and
/// later a subcommand of the bench tool) is a thin wrapper around ``main(arguments:)``.
public enum ScanBenchmark {
    /// What to run.
    public struct Options: Sendable {
        /// Messages in the scan corpus.
        public var messages = 200_000
        /// Lines in the scan-lines corpus.
        public var lines = 100_000
        /// Corpus seed.
        public var seed: UInt64 = 20_241_129
        /// Timed repetitions per measurement (the best is reported).
        public var repetitions = 5
        /// Directory for the file-based scan-lines measurement's input file;
        /// nil skips that measurement.
        public var scratchDirectory: String?

        /// Defaults.
        public init() {}
    }

    /// One timed configuration.
    public struct Measurement: Sendable {
        /// What was measured.
        public var name: String
        /// Bytes processed per repetition.
        public var bytes: Int
        /// Messages or lines per repetition.
        public var items: Int
        /// Findings per repetition.
        public var findings: Int
        /// Best wall time of one repetition.
        public var seconds: Double
        /// Best CPU time of the measuring thread for one repetition: what
        /// one core spent, robust to other processes sharing the machine.
        public var cpuSeconds: Double

        /// Throughput per core in MB/s (10^6 bytes per thread CPU second).
        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / cpuSeconds }
        /// Items per thread CPU second.
        public var itemsPerSecond: Double { Double(items) / cpuSeconds }
        /// Throughput in MB/s of wall time (lower when the core is shared).
        public var wallMegabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    }

    /// All measurements of a run.
    public struct Report: Sendable, CustomStringConvertible {
        /// The measurements, in run order.
        public var measurements: [Measurement]

        /// A plain-text table.
        public var description: String {
            var lines = ["configuration                            MB/s/core  items/s/core  MB/s wall  findings    bytes"]
            for m in measurements {
                lines.append(
                    m.name.padding(toLength: 40, withPad: " ", startingAt: 0)
                        + String(format: "%9.1f %13.0f %10.1f %9d %6.1f MB", m.megabytesPerSecond, m.itemsPerSecond,
                                 m.wallMegabytesPerSecond, m.findings, Double(m.bytes) / 1e6)
                )
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Runs every measurement.
    public static func run(_ options: Options = Options()) -> Report {
        let corpus = ChatCorpus(count: options.messages, seed: options.seed)
        let texts = corpus.messages.map(\.text)
        let bytes = corpus.byteCount
        var measurements: [Measurement] = []
        let configurations: [(String, ScanEngine)] = [
            ("all detectors + off-channel lexicon", ScanEngine()),
            ("detectors only", ScanEngine(lexicons: [])),
            ("off-channel lexicon only", ScanEngine(detectors: [], lexicons: [.offChannel])),
        ]
        for (name, engine) in configurations {
            let (seconds, cpu, findings) = best(options.repetitions) {
                var count = 0
                for text in texts { count += engine.scan(text).count }
                return count
            }
            measurements.append(Measurement(name: name, bytes: bytes, items: texts.count, findings: findings, seconds: seconds, cpuSeconds: cpu))
        }

        let input = linesInput(count: options.lines, seed: options.seed &+ 7)
        let scanner = ScanLines()
        let (seconds, cpu, findings) = best(options.repetitions) {
            var output: [UInt8] = []
            output.reserveCapacity(1 << 20)
            var count = 0
            input.withUnsafeBufferPointer { buffer in
                LineReader.forEachLine(in: buffer) { line, number in
                    count += (try? scanner.process(line: line, lineNumber: number, into: &output)) ?? 0
                    output.append(0x0A)
                    if output.count > 1 << 20 { output.removeAll(keepingCapacity: true) }
                }
            }
            return count
        }
        measurements.append(Measurement(name: "scan lines, in memory (JSON in/out)", bytes: input.count, items: options.lines, findings: findings, seconds: seconds, cpuSeconds: cpu))

        if let directory = options.scratchDirectory, let file = measureFile(input, directory: directory, lines: options.lines, repetitions: options.repetitions) {
            measurements.append(file)
        }
        return Report(measurements: measurements)
    }

    /// Parses `--messages N --lines N --seed S --repetitions R --scratch DIR`,
    /// runs, prints the report; returns an exit code.
    public static func main(arguments: [String]) -> Int32 {
        var options = Options()
        var i = 0
        while i < arguments.count {
            let flag = arguments[i]
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch flag {
            case "--messages": options.messages = Int(value) ?? options.messages
            case "--lines": options.lines = Int(value) ?? options.lines
            case "--seed": options.seed = UInt64(value) ?? options.seed
            case "--repetitions": options.repetitions = max(1, Int(value) ?? options.repetitions)
            case "--scratch": options.scratchDirectory = value
            default:
                print("usage: surveillance-bench [--messages N] [--lines N] [--seed S] [--repetitions R] [--scratch DIR]")
                return 2
            }
            i += 2
        }
        print("surveillance scan benchmark: \(options.messages) messages, \(options.lines) lines, seed \(options.seed), best of \(options.repetitions), single thread")
        print(run(options))
        return 0
    }

    // MARK: - Helpers

    private static func best(_ repetitions: Int, _ body: () -> Int) -> (wall: Double, cpu: Double, result: Int) {
        let clock = ContinuousClock()
        var bestWall = Double.infinity
        var bestCPU = Double.infinity
        var result = 0
        for _ in 0..<max(1, repetitions) {
            let cpuStart = threadCPUSeconds()
            let start = clock.now
            result = body()
            let elapsed = clock.now - start
            let cpu = threadCPUSeconds() - cpuStart
            bestWall = min(bestWall, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            bestCPU = min(bestCPU, cpu)
        }
        return (bestWall, bestCPU > 0 ? bestCPU : bestWall, result)
    }

    /// CPU time of the calling thread (falls back to 0 where unavailable).
    private static func threadCPUSeconds() -> Double {
        #if canImport(Glibc)
        var ts = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0 else { return 0 }
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        #else
        return 0
        #endif
    }

    /// Mixed input: a third JSON with numeric ids, a third JSON with string
    /// ids, a third plain text.
    static func linesInput(count: Int, seed: UInt64) -> [UInt8] {
        let corpus = ChatCorpus(count: count, seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(count * 160)
        for (index, message) in corpus.messages.enumerated() {
            switch index % 3 {
            case 0:
                out.append(contentsOf: #"{"id": \#(index + 1), "text": "#.utf8)
                JSONLineWriter.string(message.text, into: &out)
                out.append(contentsOf: "}".utf8)
            case 1:
                out.append(contentsOf: #"{"id": "msg-\#(index + 1)", "channel": "desk", "text": "#.utf8)
                JSONLineWriter.string(message.text, into: &out)
                out.append(contentsOf: "}".utf8)
            default:
                out.append(contentsOf: message.text.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
            }
            out.append(0x0A)
        }
        return out
    }

    private static func measureFile(_ input: [UInt8], directory: String, lines: Int, repetitions: Int) -> Measurement? {
        let path = (directory as NSString).appendingPathComponent("surveillance-bench-lines.txt")
        guard FileManager.default.createFile(atPath: path, contents: Data(input)) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let scanner = ScanLines()
        let (seconds, cpu, findings) = best(repetitions) {
            guard let reader = FileHandle(forReadingAtPath: path), let sink = FileHandle(forWritingAtPath: "/dev/null") else { return 0 }
            defer {
                try? reader.close()
                try? sink.close()
            }
            return (try? scanner.run(input: reader, output: sink, onError: { _ in true }).findings) ?? 0
        }
        return Measurement(name: "scan lines, file -> /dev/null (streamed)", bytes: input.count, items: lines, findings: findings, seconds: seconds, cpuSeconds: cpu)
    }
}
