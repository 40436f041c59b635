import Testing
import VellumSurveillance

/// Values that touch through a space form one digit run for the scanner;
/// it must still find each value, but never carve a value out of a longer
/// grouped number.
@Suite("adjacent values in one digit run")
struct AdjacentValuesTests {
    @Test("values side by side are each found", arguments: [
        ("2024-11-29 13812345678", ["phone"]),
        ("paid 100 4111 1111 1111 1111", ["credit_card"]),
        ("+86 138 1234 5678 4111111111111111", ["phone", "credit_card"]),
        ("13812345678 4111111111111111", ["phone", "credit_card"]),
        ("536-22-1234 4111-1111-1111-1111", ["us_ssn", "credit_card"]),
    ])
    func adjacent(text: String, expected: [String]) {
        #expect(detectorIDs(text) == expected, "\(text)")
    }

    @Test("a grouped number is not cut into a value and a leftover", arguments: [
        "4111 1111 1111 1111 2024", "2024 4111 1111 1111 1111", "1234 4111 1111 1111 1111 5678",
    ])
    func noCarving(text: String) {
        #expect(detectorIDs(text).isEmpty, "\(text)")
    }
}
