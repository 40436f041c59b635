/// The channels of the corpus, in the order of `SyntheticPerson.handles`.
enum SyntheticChannel: Int, CaseIterable, Sendable {
    case wecom, wechat, whatsapp, telegram, signal, sms, email

    var name: String {
        switch self {
        case .wecom: "wecom"
        case .wechat: "wechat"
        case .whatsapp: "whatsapp"
        case .telegram: "telegram"
        case .signal: "signal"
        case .sms: "sms"
        case .email: "email"
        }
    }
}

/// One person of the synthetic corpus: an employee or an external contact, with a handle per channel.
struct SyntheticPerson: Sendable {
    var name: String
    var isChinese: Bool
    var isEmployee: Bool
    var zone: DemoZone
    /// Indexed by `SyntheticChannel.rawValue`.
    var handles: [String]

    /// Employees first (indices `0..<employees`), then externals.
    static func makeAll(employees: Int, externals: Int, random: inout DemoRandom) -> [SyntheticPerson] {
        var people: [SyntheticPerson] = []
        people.reserveCapacity(employees + externals)
        var usedUserIDs: [String: Int] = [:]
        for index in 0..<(employees + externals) {
            let isEmployee = index < employees
            let isChinese = random.chance(isEmployee ? 0.6 : 0.55)
            let (name, romanized) = makeName(chinese: isChinese, random: &random)
            let zone: DemoZone
            let region: String
            if isEmployee {
                let r = random.unit()
                zone = r < 0.7 ? .chinaCoast : (r < 0.9 ? .london : .newYork)
                region = r < 0.35 ? "HK" : (r < 0.7 ? "CN" : (r < 0.9 ? "UK" : "US"))
            } else {
                zone = .chinaCoast
                region = isChinese ? (random.chance(0.5) ? "HK" : "CN") : (random.chance(0.6) ? "UK" : "US")
            }
            let phone = makePhone(region: region, random: &random)
            var handles = [String](repeating: "", count: SyntheticChannel.allCases.count)
            let compact = romanized.lowercased().filter { $0 != " " }
            if isEmployee {
                let seen = usedUserIDs[compact, default: 0]
                usedUserIDs[compact] = seen + 1
                handles[SyntheticChannel.wecom.rawValue] = seen == 0 ? compact : "\(compact)\(seen + 1)"
                handles[SyntheticChannel.email.rawValue] =
                    "\(romanized.lowercased().replacing(" ", with: "."))\(seen == 0 ? "" : String(seen + 1))@harbourbridge.example"
            } else {
                handles[SyntheticChannel.wecom.rawValue] = "wm" + random.token(30, alphabet: base62)
                handles[SyntheticChannel.email.rawValue] =
                    "\(compact)\(random.below(100))@\(random.pick(SyntheticNames.emailDomains))"
            }
            handles[SyntheticChannel.wechat.rawValue] = "wxid_" + random.token(14, alphabet: lowerAlnum)
            let local = !isEmployee && random.chance(0.1)
            handles[SyntheticChannel.whatsapp.rawValue] = local ? phone.local : phone.e164
            handles[SyntheticChannel.telegram.rawValue] = String(100_000_000 + random.below(6_900_000_000))
            handles[SyntheticChannel.signal.rawValue] = !isEmployee && random.chance(0.3) ? uuid(&random) : phone.e164
            handles[SyntheticChannel.sms.rawValue] = !isEmployee && random.chance(0.25) ? phone.local : phone.e164
            people.append(
                SyntheticPerson(name: name, isChinese: isChinese, isEmployee: isEmployee, zone: zone, handles: handles))
        }
        return people
    }

    /// A display name and its romanization ("张伟", "Zhang Wei"; "Oliver Bennett" twice).
    private static func makeName(chinese: Bool, random: inout DemoRandom) -> (String, String) {
        if chinese {
            let surname = random.pick(SyntheticNames.chineseSurnames)
            let given = random.pick(SyntheticNames.chineseGiven)
            return (surname.0 + given.0, "\(surname.1.initialCapitalized) \(given.1.initialCapitalized)")
        }
        let name = "\(random.pick(SyntheticNames.englishGiven)) \(random.pick(SyntheticNames.englishFamily))"
        return (name, name)
    }

    /// A mobile number in E.164 and in the region's local format.
    private static func makePhone(region: String, random: inout DemoRandom) -> (e164: String, local: String) {
        switch region {
        case "HK":
            let lead = random.pick(["5", "6", "9"])
            let rest = digits(7, &random)
            return ("+852\(lead)\(rest)", "\(lead)\(rest.prefix(3)) \(rest.suffix(4))")
        case "CN":
            let lead = random.pick(["138", "139", "150", "186", "137", "158"])
            let rest = digits(8, &random)
            return ("+86\(lead)\(rest)", "\(lead) \(rest.prefix(4)) \(rest.suffix(4))")
        case "UK":
            let rest = digits(6, &random)
            return ("+447700\(rest)", "07700 \(rest)")
        default:
            let area = String(201 + random.below(700))
            let line = "01" + digits(2, &random)
            return ("+1\(area)555\(line)", "(\(area)) 555-\(line)")
        }
    }

    private static func digits(_ count: Int, _ random: inout DemoRandom) -> String {
        random.token(count, alphabet: "0123456789")
    }

    private static func uuid(_ random: inout DemoRandom) -> String {
        let hex = random.token(32, alphabet: "0123456789abcdef")
        let c = Array(hex)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-4\(String(c[13..<16]))-a\(String(c[17..<20]))-\(String(c[20..<32]))"
    }

    static let base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    static let lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
}

private extension String {
    var initialCapitalized: String { prefix(1).uppercased() + dropFirst() }
}
