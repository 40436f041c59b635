/// Payment card numbers (`credit_card`).
///
/// Accepts 13–19 digits written contiguously, in groups of four separated by
/// one consistent space or dash (the last group may be shorter), or in the
/// Amex/Diners 4-6-5 / 4-6-4 layout. The whole run must be the number: a
/// 16-digit card inside a 20-digit run does not fire.
///
/// Validation: issuer prefix and length (``CardBrand``) and Luhn. UnionPay
/// (62…) cards are not all Luhn-valid, so a 62-prefixed number of 16–19 digits
/// that fails Luhn is still reported, but only when a card context word
/// (card, 卡号, 银行卡 …) is near; a Luhn-valid one needs none. Likewise an
/// 18-digit number shaped like a Chinese resident ID (province + birth date)
/// needs a card word, so a mistyped ID is not reported as a card.
public struct CreditCardDetector: Detector {
    /// `credit_card`.
    public let id = "credit_card"
    /// Digit runs of 13 or more digits.
    public var triggers: DetectorTriggers { .digitRuns(minimumDigits: 13) }
    /// Card words in English and Chinese.
    public var contextWords: [String] {
        ["card", "credit", "debit", "visa", "mastercard", "amex", "unionpay", "cvv", "cvc", "expiry", "exp",
         "pan", "cc", "卡号", "卡號", "信用卡", "银行卡", "銀行卡", "借记卡", "储蓄卡", "银联", "刷卡", "信用咭", "有效期"]
    }

    /// Creates the detector.
    public init() {}

    private static let amex = DigitRun.shape(4, 6, 5)
    private static let diners = DigitRun.shape(4, 6, 4)

    /// Validates layout, issuer and Luhn.
    public func evaluate(run: DigitRun, in text: ScanText) -> DetectorMatch? {
        let count = run.digitCount
        guard (13...19).contains(count), !run.trailingX, !run.hasLeadingPlus, acceptsLayout(run) else { return nil }
        guard let brand = CardBrand.identify(run.digits, count: count) else { return nil }
        let luhnValid = Checksums.luhn(run.digits, count: count)
        if !luhnValid && brand != .unionpay { return nil }
        // 18 digits shaped like a Chinese resident ID (province + birth date)
        // whose ID check failed are far likelier a mistyped ID than an
        // 18-digit card: report them as a card only next to a card word.
        let idShaped = run.isContiguous && CNResidentIDDetector.hasResidentIDStructure(run)
        let range = run.start..<run.end
        return DetectorMatch(
            range: range,
            confidence: luhnValid ? 0.8 : 0.55,
            needsContext: !luhnValid || idShaped,
            negativeContextSuppresses: true,
            masked: Masking.keeping(first: 6, last: 4, of: range, in: text),
            detail: brand.rawValue
        )
    }

    private func acceptsLayout(_ run: DigitRun) -> Bool {
        if run.isContiguous { return true }
        guard run.allGaps(are: .space) || run.allGaps(are: .dash) else { return false }
        if run.shapeCode == Self.amex || run.shapeCode == Self.diners { return true }
        guard run.groupCount >= 4 else { return false }
        for i in 0..<(run.groupCount - 1) where run.groupLength(i) != 4 { return false }
        return (1...4).contains(run.groupLength(run.groupCount - 1))
    }
}
