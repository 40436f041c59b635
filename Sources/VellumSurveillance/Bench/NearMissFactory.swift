/// Text that looks like sensitive values but must not be reported: failed
/// checksums, order numbers, timestamps, amounts, dates, versions, digits
/// inside longer runs, shouting prose.
struct NearMissFactory {
    var secrets: SecretFactory

    init(seed: UInt64) { secrets = SecretFactory(seed: seed) }

    /// One near-miss phrase.
    mutating func phrase() -> String {
        switch Int.random(in: 0..<22, using: &secrets.rng) {
        case 0: return "order #" + luhnFailing("4")
        case 1: return "订单号 20" + secrets.rng.digits(16)
        case 2: return "ts=" + String(Int.random(in: 1_500_000_000_000...1_800_000_000_000, using: &secrets.rng))
        case 3: return "at 2024" + SecretFactory.two(Int.random(in: 1...12, using: &secrets.rng)) + "29103000"
        case 4: return "total 12,345,678.90 USD"
        case 5: return "¥1,000,000 已到账"
        case 6: return "due 2024-11-" + SecretFactory.two(Int.random(in: 1...28, using: &secrets.rng))
        case 7: return "upgrade to v2.14." + String(Int.random(in: 0...9, using: &secrets.rng))
        case 8: return "build 10.0.19041." + secrets.rng.digits(4)
        case 9:
            // A valid card buried in a longer digit run.
            return "ref " + secrets.rng.digits(4) + secrets.card(.visa)
        case 10: return "tracking 1Z" + secrets.rng.digits(16)
        case 11: return "PLEASE READ THE DEFINITIONS SECTION"
        case 12: return "HELLOWORLD and IMPORTANT UPDATE"
        case 13: return "id " + brokenCNID()
        case 14: return "card " + luhnFailing("5")
        case 15: return "room " + secrets.rng.digits(4) + ", ext 5" + secrets.rng.digits(3)
        case 16: return "on 11/29/2024 at 10:30"
        case 17: return "invoice INV-" + secrets.rng.digits(8)
        case 18: return "000-" + secrets.rng.digits(2) + "-" + secrets.rng.digits(4) + " is a placeholder"
        case 19: return "IP 192.168." + String(Int.random(in: 0...255, using: &secrets.rng)) + "." + String(Int.random(in: 1...254, using: &secrets.rng))
        case 20: return "qty 3 x 250ml, " + secrets.rng.digits(2) + " boxes"
        default: return "amount $" + secrets.rng.digits(3) + "," + secrets.rng.digits(3) + ".00"
        }
    }

    /// 16 digits with `prefix` whose Luhn check fails.
    mutating func luhnFailing(_ prefix: String) -> String {
        let body = prefix + secrets.rng.digits(15 - prefix.count)
        let good = SecretFactory.luhnCheckDigit(body)
        return body + String((good + 1 + Int.random(in: 0...8, using: &secrets.rng)) % 10)
    }

    /// A resident ID whose check character is wrong.
    mutating func brokenCNID() -> String {
        let valid = secrets.cnResidentID()
        let last = valid.last!
        let replacement: Character = last == "1" ? "2" : "1"
        return String(valid.dropLast()) + String(replacement)
    }
}
