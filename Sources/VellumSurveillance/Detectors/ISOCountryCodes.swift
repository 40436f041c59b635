/// ISO 3166-1 alpha-2 country codes (all 249), plus `XK` (Kosovo), which
/// SWIFT uses in BICs and IBANs although ISO has not assigned it.
public enum ISOCountryCodes {
    /// The codes as Strings.
    public static let all: Set<String> = Set(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW \
        BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI \
        FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN \
        IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME \
        MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF \
        PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV \
        SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE \
        YT ZA ZM ZW XK
        """.split(separator: " ").map(String.init)
    )

    /// Dense 26×26 membership table for the hot path.
    static let dense: [Bool] = {
        var table = [Bool](repeating: false, count: 26 * 26)
        for code in all {
            let u = Array(code.utf8)
            table[Int(u[0] - 0x41) * 26 + Int(u[1] - 0x41)] = true
        }
        return table
    }()

    /// True when two uppercase ASCII letters form a country code.
    @inline(__always) static func contains(_ a: UInt8, _ b: UInt8) -> Bool {
        ASCII.isUpper(a) && ASCII.isUpper(b) && dense[Int(a - 0x41) * 26 + Int(b - 0x41)]
    }
}
