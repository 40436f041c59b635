/// Card issuers the detector knows, with their IIN prefixes and lengths.
public enum CardBrand: String, Sendable, CaseIterable {
    case visa, mastercard, amex, discover, jcb, diners, unionpay

    /// Identifies the brand of `count` digits from their prefix, or nil when
    /// no known issuer uses that prefix at that length.
    public static func identify(_ d: SIMD32<UInt8>, count: Int) -> CardBrand? {
        guard count >= 13 else { return nil }
        let p2 = Int(d[0]) * 10 + Int(d[1])
        let p3 = p2 * 10 + Int(d[2])
        let p4 = p3 * 10 + Int(d[3])
        switch Int(d[0]) {
        case 4:
            return [13, 16, 19].contains(count) ? .visa : nil
        case 5:
            return (51...55).contains(p2) && count == 16 ? .mastercard : nil
        case 2:
            return (2221...2720).contains(p4) && count == 16 ? .mastercard : nil
        case 3:
            if p2 == 34 || p2 == 37 { return count == 15 ? .amex : nil }
            if (3528...3589).contains(p4) { return (16...19).contains(count) ? .jcb : nil }
            if (300...305).contains(p3) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39 {
                return (14...19).contains(count) ? .diners : nil
            }
            return nil
        case 6:
            // 62 is China UnionPay's range; Discover's co-branded 622126–622925
            // sits inside it and is reported as UnionPay.
            if p2 == 62 { return (16...19).contains(count) ? .unionpay : nil }
            if p4 == 6011 || (644...649).contains(p3) || p2 == 65 {
                return (16...19).contains(count) ? .discover : nil
            }
            return nil
        default:
            return nil
        }
    }
}
