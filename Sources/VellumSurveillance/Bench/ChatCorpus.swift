/// A deterministic synthetic chat corpus: English and Chinese messages of
/// about 120 bytes, a few percent carrying a sensitive value (with its
/// expected detector and span), some near-misses and some off-channel cues.
public struct ChatCorpus: Sendable {
    /// A value seeded into a message.
    public struct Seeded: Sendable, Hashable {
        /// Detector id expected to report it.
        public var detector: String
        /// Expected span, in Unicode scalars.
        public var start: Int
        /// Expected end (exclusive), in Unicode scalars.
        public var end: Int
        /// The value as written.
        public var value: String
    }

    /// One message.
    public struct Message: Sendable {
        /// The text.
        public var text: String
        /// Values seeded into it (empty for most messages).
        public var seeded: [Seeded]
        /// Whether it carries a near-miss phrase.
        public var hasNearMiss: Bool
        /// Whether it carries an off-channel cue.
        public var hasCue: Bool
    }

    /// The messages.
    public let messages: [Message]

    /// Total UTF-8 bytes.
    public var byteCount: Int { messages.reduce(0) { $0 + $1.text.utf8.count } }

    /// Generates `count` messages from `seed`.
    public init(count: Int, seed: UInt64, secretRate: Double = 0.03, nearMissRate: Double = 0.08, cueRate: Double = 0.01) {
        var rng = SplitMix64(seed: seed)
        var secrets = SecretFactory(seed: seed &+ 1)
        var nearMisses = NearMissFactory(seed: seed &+ 2)
        var messages: [Message] = []
        messages.reserveCapacity(count)
        for _ in 0..<count {
            let chinese = rng.chance(0.45)
            let pool = chinese ? ChatVocabulary.chinese : ChatVocabulary.english
            var text = rng.pick(pool)
            // Pad towards ~120 bytes with more fragments.
            while text.utf8.count < 95 { text += (chinese ? "" : " ") + rng.pick(pool) }
            var message = Message(text: text, seeded: [], hasNearMiss: false, hasCue: false)
            // Decide everything first, then assemble: the seeded value comes
            // before any near-miss so that a reference cue in the near-miss
            // ("invoice …") never sits right before the value it would label.
            let nearMiss: String? = rng.chance(nearMissRate) ? nearMisses.phrase() : nil
            let cue: String? = rng.chance(cueRate) ? rng.pick(Self.cues) : nil
            if rng.chance(secretRate) {
                let (detector, template, value) = Self.secret(&secrets, chinese: chinese)
                let slot = template.firstRange(of: "{}")!
                let prefix = message.text + (chinese ? "。" : " ") + template[..<slot.lowerBound]
                let start = prefix.unicodeScalars.count
                message.text = prefix + value + template[slot.upperBound...]
                message.seeded.append(Seeded(detector: detector, start: start, end: start + value.unicodeScalars.count, value: value))
            }
            if let nearMiss {
                message.text += (chinese ? "，" : "; ") + nearMiss
                message.hasNearMiss = true
            }
            if let cue {
                message.text += " " + cue
                message.hasCue = true
            }
            messages.append(message)
        }
        self.messages = messages
    }

    static let cues = ["text me on Signal", "加我微信聊", "let's move this to telegram", "用WhatsApp吧", "call my personal cell"]

    /// Picks a kind of secret and a template (`{}` marks the value).
    static func secret(_ f: inout SecretFactory, chinese: Bool) -> (String, String, String) {
        switch Int.random(in: 0..<11, using: &f.rng) {
        case 0:
            let brand = f.rng.pick(CardBrand.allCases)
            let value = f.card(brand, separator: f.rng.pick([nil, " ", "-"]))
            return ("credit_card", chinese ? f.rng.pick(["卡号{}，谢谢", "我的信用卡是{}"]) : f.rng.pick(["my card is {} exp 12/27", "use {} for the deposit"]), value)
        case 1:
            return ("iban", chinese ? "收款账号：{}" : f.rng.pick(["IBAN {} please", "wire to {} today"]), f.iban(spaced: f.rng.chance(0.5)))
        case 2:
            return ("cn_resident_id", chinese ? f.rng.pick(["身份证号{}。", "证件：{}"]) : "ID {} attached", f.cnResidentID())
        case 3:
            return ("hk_id", chinese ? "香港身份證 {}" : "HKID {} for KYC", f.hkID())
        case 4:
            return ("us_ssn", chinese ? "SSN：{}" : f.rng.pick(["my SSN is {}", "{} is on the form"]), f.ssn())
        case 5:
            return ("phone", chinese ? f.rng.pick(["电话{}", "有事打{}"]) : f.rng.pick(["call me at {}", "my number {} thx"]), f.phone())
        case 6:
            return ("email", chinese ? "邮箱{}，收到回复" : "email me at {}.", f.email())
        case 7:
            return ("aws_access_key", "key {} in the config", f.awsKey())
        case 8:
            return ("github_token", chinese ? "令牌 {} 别外传" : "token={} oops", f.githubToken())
        case 9:
            return ("swift_bic", chinese ? "SWIFT代码 {}" : "BIC {} for the wire", f.bic())
        default:
            return ("private_key", "here:\n{}\nthanks", f.privateKey())
        }
    }
}
