import VellumApp

/// The corpus sample the SyntheticCorpus suites share: 30,000 lines of seed 99, made once.
enum SyntheticSample {
    static let lines: [String] = {
        var corpus = SyntheticCorpus(seed: 99)
        return corpus.lines(30_000)
    }()

    /// The lines parsed; `nonisolated(unsafe)` because `[String: Any]` is not Sendable, but nothing
    /// mutates it.
    nonisolated(unsafe) static let objects: [[String: Any]] = lines.compactMap(DemoLineChecks.object)

    static let texts: [String] = objects.compactMap { $0["text"] as? String }

    /// Word, word-pair and CJK-pair counts over `texts`.
    static let termCounts: [String: Int] = DemoLineChecks.termCounts(texts)
}
