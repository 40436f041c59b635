/// Generates valid sensitive values (with correct check digits) for corpora
/// and tests. Every value here is synthetic.
public struct SecretFactory {
    /// The generator; exposed so callers can interleave their own draws.
    public var rng: SplitMix64

    /// Creates a factory with a seed.
    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// A Luhn-valid card number of the given brand, optionally grouped
    /// (`separator` " " or "-", in 4s or Amex 4-6-5).
    public mutating func card(_ brand: CardBrand, separator: String? = nil) -> String {
        let (prefix, length): (String, Int) = switch brand {
        case .visa: ("4", 16)
        case .mastercard: (rng.pick(["51", "52", "53", "54", "55", "2221", "2720", "2500"]), 16)
        case .amex: (rng.pick(["34", "37"]), 15)
        case .discover: (rng.pick(["6011", "65", "644"]), 16)
        case .jcb: (String(Int.random(in: 3528...3589, using: &rng)), 16)
        case .diners: (rng.pick(["36", "300", "305"]), 14)
        case .unionpay: ("62", rng.pick([16, 19]))
        }
        var body = prefix + rng.digits(length - prefix.count - 1)
        body += String(Self.luhnCheckDigit(body))
        return Self.group(body, brand: brand, separator: separator)
    }

    /// Luhn check digit for `payload`.
    public static func luhnCheckDigit(_ payload: String) -> Int {
        var sum = 0
        for (i, ch) in payload.reversed().enumerated() {
            var d = ch.wholeNumberValue!
            if i % 2 == 0 {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
        }
        return (10 - sum % 10) % 10
    }

    static func group(_ digits: String, brand: CardBrand, separator: String?) -> String {
        guard let separator else { return digits }
        let chars = Array(digits)
        let sizes = brand == .amex ? [4, 6, 5] : (brand == .diners ? [4, 6, 4] : Array(repeating: 4, count: (chars.count + 3) / 4))
        var parts: [String] = []
        var i = 0
        for size in sizes where i < chars.count {
            parts.append(String(chars[i..<min(i + size, chars.count)]))
            i += size
        }
        return parts.joined(separator: separator)
    }

    /// A mod-97-valid IBAN for one of several countries, compact or spaced.
    public mutating func iban(spaced: Bool) -> String {
        let country = rng.pick(["GB", "DE", "FR", "NL", "ES", "IT", "CH", "NO", "BE", "AT", "PL", "SA"])
        let length = IBANRegistry.lengths[country]!
        var bban = country == "GB" || country == "NL" ? rng.string(4, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ") : ""
        bban += rng.digits(length - 4 - bban.count)
        let check = 98 - Self.mod97(bban + country + "00")
        let iban = country + (check < 10 ? "0" : "") + String(check) + bban
        guard spaced else { return iban }
        var out = ""
        for (i, ch) in iban.enumerated() {
            if i > 0, i % 4 == 0 { out.append(" ") }
            out.append(ch)
        }
        return out
    }

    /// ISO 7064 mod 97 of an alphanumeric string (letters as 10…35).
    static func mod97(_ s: String) -> Int {
        var r = 0
        for ch in s {
            if let d = ch.wholeNumberValue {
                r = (r * 10 + d) % 97
            } else {
                r = (r * 100 + Int(ch.asciiValue! - 65) + 10) % 97
            }
        }
        return r
    }

    /// A valid 18-character Chinese resident ID.
    public mutating func cnResidentID() -> String {
        let province = rng.pick(["11", "31", "44", "51", "32", "33", "42", "61", "65", "81"])
        let year = Int.random(in: 1950...2005, using: &rng)
        let month = Int.random(in: 1...12, using: &rng)
        let day = Int.random(in: 1...28, using: &rng)
        let body = province + rng.digits(4) + String(year) + Self.two(month) + Self.two(day) + rng.digits(3)
        let digits = SIMD32<UInt8>((0..<32).map { $0 < 17 ? Array(body.utf8)[$0] - 48 : 0 })
        return body + String(UnicodeScalar(Checksums.cnResidentIDCheck(digits)))
    }

    /// A valid Hong Kong ID in the `A123456(3)` form.
    public mutating func hkID() -> String {
        let letters = rng.chance(0.2) ? rng.string(2, from: "ABCEGHKMPRVWXYZ") : rng.string(1, from: "ABCDEGHKMPRVWYZ")
        let digits = rng.digits(6)
        let check = Checksums.hkIDCheck(letters: Array(letters.utf8), digits: Array(digits.utf8))
        return letters + digits + "(" + String(UnicodeScalar(check)) + ")"
    }

    /// A valid dashed US SSN.
    public mutating func ssn() -> String {
        var area = Int.random(in: 1...899, using: &rng)
        if area == 666 { area = 667 }
        return Self.pad(area, 3) + "-" + Self.pad(Int.random(in: 1...99, using: &rng), 2) + "-"
            + Self.pad(Int.random(in: 1...9999, using: &rng), 4)
    }

    /// A phone number in one of the forms the detector fires on without context.
    public mutating func phone() -> String {
        let n = { (lo: Int, hi: Int, rng: inout SplitMix64) in String(Int.random(in: lo...hi, using: &rng)) }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return "+86 1" + n(3, 9, &rng) + rng.digits(1) + " " + rng.digits(4) + " " + rng.digits(4)
        case 1: return "(" + n(201, 989, &rng) + ") " + n(200, 999, &rng) + "-" + rng.digits(4)
        case 2: return "1" + n(3, 9, &rng) + rng.digits(9)
        case 3: return "+44 20 " + rng.digits(4) + " " + rng.digits(4)
        case 4: return "07" + rng.digits(3) + " " + rng.digits(6)
        default: return "+1 " + n(201, 989, &rng) + " " + n(200, 999, &rng) + " " + rng.digits(4)
        }
    }

    /// An email address.
    public mutating func email() -> String {
        rng.pick(["john.smith", "li.wei", "trader42", "a.chan", "ops-team", "m_garcia"]) + "@"
            + rng.pick(["example.com", "corp.example.org", "qq.com", "163.com", "mail.example.co.uk"])
    }

    /// An AWS access key id.
    public mutating func awsKey() -> String {
        rng.pick(["AKIA", "ASIA"]) + rng.string(16, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    }

    /// A classic GitHub token.
    public mutating func githubToken() -> String {
        rng.pick(["ghp_", "gho_", "ghs_"]) + rng.string(36, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    }

    /// An 11-character BIC with a digit in its location code.
    public mutating func bic() -> String {
        rng.pick(["DEUT", "HSBC", "BOFA", "CHAS", "BKCH", "ICBK"]) + rng.pick(["DE", "HK", "US", "GB", "CN"])
            + rng.pick(["FF", "2L", "33", "HH", "BJ"]) + rng.digits(3)
    }

    /// A short PEM private key block.
    public mutating func privateKey() -> String {
        let kind = rng.pick(["RSA ", "EC ", "OPENSSH ", ""])
        return "-----BEGIN \(kind)PRIVATE KEY-----\n"
            + rng.string(64, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") + "\n"
            + rng.string(40, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") + "==\n"
            + "-----END \(kind)PRIVATE KEY-----"
    }

    static func two(_ v: Int) -> String { pad(v, 2) }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
