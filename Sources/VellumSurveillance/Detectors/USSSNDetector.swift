/// US Social Security numbers (`us_ssn`).
///
/// `123-45-6789` (dashed) fires on its own; `123 45 6789` and a bare
/// `123456789` only with a context word (ssn, social security …), since nine
/// digits alone are far more often something else. Area may not be 000, 666
/// or 900–999, group not 00, serial not 0000; the two numbers the SSA has
/// retired after they were printed in advertising are rejected too.
public struct USSSNDetector: Detector {
    /// `us_ssn`.
    public let id = "us_ssn"
    /// Runs of nine or more digits.
    public var triggers: DetectorTriggers { .digitRuns(minimumDigits: 9) }
    /// SSN words in English and Chinese.
    public var contextWords: [String] {
        ["ssn", "ss#", "ss #", "social security", "social sec", "taxpayer", "tin",
         "社会安全号", "社會安全號", "社安号", "社保号"]
    }

    /// Creates the detector.
    public init() {}

    private static let layout = DigitRun.shape(3, 2, 4)

    /// Checks layout and the SSA's allocation rules.
    public func evaluate(run: DigitRun, in text: ScanText) -> DetectorMatch? {
        guard run.digitCount == 9, !run.trailingX, !run.hasLeadingPlus, !run.hasLeadingParen else { return nil }
        let dashed = run.shapeCode == Self.layout && run.allGaps(are: .dash)
        let spaced = run.shapeCode == Self.layout && run.allGaps(are: .space)
        guard dashed || spaced || run.isContiguous else { return nil }
        let area = run.number(0..<3), group = run.number(3..<5), serial = run.number(5..<9)
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return nil }
        guard !(area == 78 && group == 5 && serial == 1120), !(area == 219 && group == 9 && serial == 9999) else {
            return nil
        }
        let range = run.start..<run.end
        return DetectorMatch(
            range: range,
            confidence: dashed ? 0.7 : 0.6,
            needsContext: !dashed,
            negativeContextSuppresses: true,
            masked: Masking.keeping(first: 0, last: 4, of: range, in: text)
        )
    }
}
