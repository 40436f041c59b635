/// ITU-T E.164 country calling codes, coarse enough to be a table of
/// prefixes: 1 and 7, the assigned two-digit codes, and the two-digit
/// prefixes under which three-digit codes are assigned. It rejects `+0…`,
/// `+28…`, `+83…`, `+89…` and similar, which are never phone numbers.
enum PhoneCountryCodes {
    private static let twoDigit: Set<Int> = [
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56,
        57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    ]
    private static let threeDigitPrefixes: Set<Int> = [
        21, 22, 23, 24, 25, 26, 29, 35, 37, 38, 42, 50, 59, 67, 68, 69, 80, 85, 87, 88, 96, 97, 99,
    ]

    /// True when the digits start with an assigned country code.
    static func isValid(_ run: DigitRun) -> Bool {
        let first = run.digit(0)
        if first == 1 || first == 7 { return true }
        let two = first * 10 + run.digit(1)
        return twoDigit.contains(two) || threeDigitPrefixes.contains(two)
    }
}
