internal import Foundation

/// Chinese resident identity card numbers (`cn_resident_id`), 18 characters.
///
/// Checks: the GB 11643 (ISO 7064 MOD 11-2) check character (`X` for 10,
/// either case), a real calendar birth date with year 1900 through the
/// current year, and a province code in the first two digits
/// (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82, 83, 91).
/// Strong enough to fire without context.
public struct CNResidentIDDetector: Detector {
    /// `cn_resident_id`.
    public let id = "cn_resident_id"
    /// Runs of 17 or more digits (17 + a trailing `X`).
    public var triggers: DetectorTriggers { .digitRuns(minimumDigits: 17) }
    /// ID words in Chinese and English.
    public var contextWords: [String] {
        ["身份证", "身份證", "身份证号", "居民身份证", "证件号", "證件號", "公民身份号码",
         "id card", "id number", "id no", "identity", "resident id", "prc id"]
    }

    /// Latest birth year accepted.
    public let maximumBirthYear: Int

    /// Creates the detector; the birth-year limit defaults to this year (UTC).
    public init(maximumBirthYear: Int = CNResidentIDDetector.currentYear) {
        self.maximumBirthYear = maximumBirthYear
    }

    /// The current Gregorian year in UTC.
    public static var currentYear: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: Date())
    }

    private static let provinces: Set<Int> = Set(
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
         50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91]
    )

    /// Checks province, birth date and check character.
    public func evaluate(run: DigitRun, in text: ScanText) -> DetectorMatch? {
        guard run.isContiguous, !run.hasLeadingPlus,
              (run.digitCount == 18 && !run.trailingX) || (run.digitCount == 17 && run.trailingX) else { return nil }
        guard Self.provinces.contains(run.number(0..<2)) else { return nil }
        guard Self.isValidDate(year: run.number(6..<10), month: run.number(10..<12), day: run.number(12..<14),
                               maximumYear: maximumBirthYear) else { return nil }
        let expected = Checksums.cnResidentIDCheck(run.digits)
        let actual: UInt8 = run.trailingX ? 0x58 : run.digits[17] + 0x30
        guard expected == actual else { return nil }
        let range = run.start..<(run.end + (run.trailingX ? 1 : 0))
        return DetectorMatch(range: range, confidence: 0.85, masked: Masking.keeping(first: 0, last: 4, of: range, in: text))
    }

    /// True when 18 digits have a resident ID's province and birth date,
    /// whatever their check character: other detectors use it to avoid
    /// reporting a mistyped ID as, say, an 18-digit Discover card.
    static func hasResidentIDStructure(_ run: DigitRun) -> Bool {
        run.digitCount == 18 && provinces.contains(run.number(0..<2))
            && isValidDate(year: run.number(6..<10), month: run.number(10..<12), day: run.number(12..<14), maximumYear: 2099)
    }

    /// True for a real Gregorian date with `1900 <= year <= maximumYear`.
    static func isValidDate(year: Int, month: Int, day: Int, maximumYear: Int) -> Bool {
        guard (1900...maximumYear).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
