/// Phone numbers (`phone`).
///
/// Forms, each checked against the whole digit run (so card numbers, IDs,
/// timestamps and order numbers, which are longer or shaped differently,
/// never qualify):
///
/// - E.164: `+` then 8–15 digits with an assigned country code, any of the
///   usual separators (`+1 (555) 123-4567`, `+86 138 1234 5678`). 0.75.
/// - US: `(555) 123-4567`, `555-123-4567`, `555.123.4567`, `555 123 4567`,
///   optionally after `1 `; area and exchange start with 2–9. 0.6; ten bare
///   digits need context.
/// - China mobile: `1[3-9]` + 9 digits, bare or 3-4-4. 0.6.
/// - UK: 11 digits starting `01`, `02`, `03` or `07`, bare or in the usual
///   5-6 / 4-3-4 / 3-4-4 layouts. 0.55.
/// - Hong Kong: 8 digits starting 2–9, bare or 4-4, only with a context word
///   (and never when the 8 digits read as a yyyymmdd date). 0.5.
///
/// National forms are dropped near reference-number cues ("order #", 订单号).
public struct PhoneDetector: Detector {
    /// `phone`.
    public let id = "phone"
    /// Runs of eight or more digits.
    public var triggers: DetectorTriggers { .digitRuns(minimumDigits: 8) }
    /// Phone words in English and Chinese.
    public var contextWords: [String] {
        ["phone", "tel", "telephone", "mobile", "cell", "call", "ring", "text me", "whatsapp", "contact",
         "number", "fax", "hotline", "电话", "電話", "手机", "手機", "手机号", "联系", "聯絡", "联络",
         "致电", "号码", "號碼", "打给", "打給", "来电"]
    }

    /// Creates the detector.
    public init() {}

    private static let usLayout = DigitRun.shape(3, 3, 4)
    private static let usWithOne = DigitRun.shape(1, 3, 3, 4)
    private static let cnLayout = DigitRun.shape(3, 4, 4)
    private static let hkLayout = DigitRun.shape(4, 4)
    private static let ukLayouts: Set<UInt64> = [
        DigitRun.shape(5, 6), DigitRun.shape(4, 3, 4), DigitRun.shape(3, 4, 4), DigitRun.shape(4, 7),
    ]

    /// Tries each national form in turn.
    public func evaluate(run: DigitRun, in text: ScanText) -> DetectorMatch? {
        guard !run.trailingX, !run.isOverflowing, run.digitCount <= 15 else { return nil }
        if run.hasLeadingPlus { return e164(run, in: text) }
        switch run.digitCount {
        case 8: return hongKong(run, in: text)
        case 10: return unitedStates(run, in: text)
        case 11:
            return chinaMobile(run, in: text) ?? unitedStates(run, in: text) ?? unitedKingdom(run, in: text)
        default: return nil
        }
    }

    private func e164(_ run: DigitRun, in text: ScanText) -> DetectorMatch? {
        guard run.digitCount >= 8, run.digit(0) != 0, PhoneCountryCodes.isValid(run),
              !ASCII.isAlnum(run.precedingByte) else { return nil }
        let plusOffset = run.hasLeadingParen ? run.start - 2 : run.start - 1
        return make(plusOffset..<run.end, 0.75, form: "e164", in: text, suppressible: false)
    }

    private func unitedStates(_ run: DigitRun, in text: ScanText) -> DetectorMatch? {
        let withOne = run.digitCount == 11
        if withOne { guard run.digit(0) == 1, run.groupCount == 1 || run.shapeCode == Self.usWithOne else { return nil } }
        let o = withOne ? 1 : 0
        guard run.digit(o) >= 2, run.digit(o + 3) >= 2 else { return nil }
        if run.isContiguous {
            return make(run.start..<run.end, 0.5, form: "us", in: text, needsContext: true)
        }
        guard run.shapeCode == (withOne ? Self.usWithOne : Self.usLayout) else { return nil }
        let areaGap = run.gap(after: o)
        let lineGap = run.gap(after: o + 1)
        guard lineGap == .dash || lineGap == .dot || lineGap == .space else { return nil }
        let firstGap = run.gap(after: 0)
        let parenthesised = (run.hasLeadingParen && !withOne) || (withOne && (firstGap == .spaceOpenParen || firstGap == .openParen))
        if parenthesised {
            guard areaGap == .closeParen || areaGap == .closeParenSpace else { return nil }
        } else {
            guard areaGap == lineGap, !withOne || run.gap(after: 0) == lineGap else { return nil }
        }
        let start = run.hasLeadingParen ? run.start - 1 : run.start
        return make(start..<run.end, 0.6, form: "us", in: text)
    }

    private func chinaMobile(_ run: DigitRun, in text: ScanText) -> DetectorMatch? {
        guard run.digit(0) == 1, run.digit(1) >= 3 else { return nil }
        guard run.isContiguous || (run.shapeCode == Self.cnLayout && (run.allGaps(are: .space) || run.allGaps(are: .dash)))
        else { return nil }
        return make(run.start..<run.end, 0.6, form: "cn_mobile", in: text)
    }

    private func unitedKingdom(_ run: DigitRun, in text: ScanText) -> DetectorMatch? {
        let area = run.digit(1)
        guard run.digit(0) == 0, area == 1 || area == 2 || area == 3 || area == 7 else { return nil }
        guard run.isContiguous || (Self.ukLayouts.contains(run.shapeCode) && (run.allGaps(are: .space) || run.allGaps(are: .dash)))
        else { return nil }
        return make(run.start..<run.end, 0.55, form: "uk", in: text)
    }

    private func hongKong(_ run: DigitRun, in text: ScanText) -> DetectorMatch? {
        guard run.digit(0) >= 2 else { return nil }
        guard run.isContiguous || (run.shapeCode == Self.hkLayout && (run.allGaps(are: .space) || run.allGaps(are: .dash)))
        else { return nil }
        if run.isContiguous, looksLikeDate(run) { return nil }
        return make(run.start..<run.end, 0.5, form: "hk", in: text, needsContext: true)
    }

    /// `20241129` and the like are dates, whatever context says.
    private func looksLikeDate(_ run: DigitRun) -> Bool {
        CNResidentIDDetector.isValidDate(year: run.number(0..<4), month: run.number(4..<6), day: run.number(6..<8), maximumYear: 2099)
    }

    private func make(
        _ range: Range<Int>, _ confidence: Double, form: String, in text: ScanText,
        needsContext: Bool = false, suppressible: Bool = true
    ) -> DetectorMatch {
        DetectorMatch(
            range: range,
            confidence: confidence,
            needsContext: needsContext,
            negativeContextSuppresses: suppressible,
            masked: Masking.keeping(first: 0, last: 4, of: range, in: text),
            detail: form
        )
    }
}
