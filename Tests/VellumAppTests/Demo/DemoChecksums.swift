/// Check-digit algorithms, written independently for the tests.
enum DemoChecksums {
    /// Luhn (ISO/IEC 7812) over the digits of `number`; other characters are ignored.
    static func luhnValid(_ number: String) -> Bool {
        let digits = number.compactMap(\.wholeNumberValue)
        guard digits.count >= 12 else { return false }
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// GB 11643-1999: 17 digits weighted 2^(17-i) mod 11, check character "10X98765432"[sum mod 11].
    static func chineseResidentIDValid(_ id: String) -> Bool {
        let characters = Array(id.uppercased())
        guard characters.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for index in 0..<17 {
            guard let digit = characters[index].wholeNumberValue else { return false }
            sum += digit * weights[index]
        }
        return characters[17] == Array("10X98765432")[sum % 11]
    }

    /// ISO 13616 IBAN check: move the first four characters to the end, letters to 10…35, mod 97 = 1.
    static func ibanValid(_ iban: String) -> Bool {
        let compact = iban.filter { $0 != " " }.uppercased()
        guard compact.count >= 15, compact.count <= 34 else { return false }
        var remainder = 0
        for character in compact.dropFirst(4) + compact.prefix(4) {
            guard let value = character.wholeNumberValue ?? letterValue(character) else { return false }
            for digit in String(value) {
                remainder = (remainder * 10 + digit.wholeNumberValue!) % 97
            }
        }
        return remainder == 1
    }

    private static func letterValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90 else { return nil }
        return Int(ascii) - 55
    }

    /// The SSA's structural rules: area not 000, 666 or 9xx; group not 00; serial not 0000.
    static func ssnShaped(_ ssn: String) -> Bool {
        let parts = ssn.split(separator: "-")
        guard parts.count == 3, parts.map(\.count) == [3, 2, 4], let area = Int(parts[0]), let group = Int(parts[1]),
            let serial = Int(parts[2])
        else { return false }
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }
}
