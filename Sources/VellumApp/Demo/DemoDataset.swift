/// The demo archive's input: an employee directory and a few weeks of business chat at a fictitious
/// Hong Kong / Shanghai / London wealth manager, Harbour Bridge Wealth, in the Vellum JSON lines format.
///
/// The messages cover WeCom (most, in Chinese), WhatsApp, Telegram, Signal, SMS, WeChat and email,
/// from 2 February to 12 March 2026, with replies, edits, recalls, small attachments, unknown extra
/// fields, off-channel requests and sensitive values (a card number, a Chinese resident id, IBANs,
/// an SSN, emails and phone numbers) for the surveillance detectors to find. Everything is
/// fictitious; numbers use reserved or test ranges where those exist.
public enum DemoDataset {
    /// The two files `vellum demo` imports.
    public struct Files: Sendable, Hashable {
        /// The employee directory, YAML (`employees:` list with ids, names, roles and channel handles).
        public var directoryYAML: String
        /// The messages: one JSON object per line, each line ending in `\n`, ordered by `sent_at`.
        public var messagesJSONL: String

        /// How many message lines `messagesJSONL` holds.
        public var messageCount: Int {
            messagesJSONL.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }

        /// Makes a pair of files.
        public init(directoryYAML: String, messagesJSONL: String) {
            self.directoryYAML = directoryYAML
            self.messagesJSONL = messagesJSONL
        }
    }

    /// Builds the demo files. The same seed always gives byte-identical files; the seed changes the
    /// exact minutes and seconds, message ids and the generated morning briefings, not the story.
    /// The demo firm's policy file (YAML).
    public static var policyYAML: String { DemoPolicy.yaml }

    public static func make(seed: UInt64 = 2026) -> Files {
        var scheduler = DemoScheduler(seed: seed)
        var briefingRandom = DemoRandom(seed: seed ^ 0x6272_6965_6669_6E67)
        for script in DemoScripts.all + [DemoScripts.morningBriefings(random: &briefingRandom)] {
            scheduler.add(script)
        }
        let ordered = scheduler.lines.sorted { ($0.utc, $0.order) < ($1.utc, $1.order) }
        let jsonl = ordered.map { $0.line + "\n" }.joined()
        return Files(directoryYAML: DemoCast.directoryYAML(), messagesJSONL: jsonl)
    }

    /// Three lines an importer must quarantine rather than drop, in this order:
    /// 1. not JSON at all (an unterminated string);
    /// 2. valid JSON without the required `sent_at`;
    /// 3. `sent_at` without a UTC offset, which makes the instant ambiguous.
    public static func malformedLines() -> [String] {
        [
            #"{"channel":"wecom","account":"ww3c9a7f1e2b4d6a80","conversation":{"id":"zhangwei/wmLnA3kQAAp7Xv2sR9dT4yHcJ8bW1eZq","kind":"direct"},"id":"broken-json-1","sent_at":"2026-03-02T09:15:04+08:00","from":{"id":"zhangwei"},"to":[],"text":"未闭合的字符串}"#,
            #"{"channel":"whatsapp","account":"+447700900101","conversation":{"id":"+447700900456","kind":"direct"},"id":"wamid.HBgLNDQ3NzAwOTAwNDU2FQIAEhgUM0EBROKENNOSENTAT","from":{"id":"+447700900456","name":"James Whitaker"},"to":[{"id":"+447700900101"}],"text":"Can you call me back?"}"#,
            #"{"channel":"telegram","account":"100200307","conversation":{"id":"5081234567","kind":"direct"},"id":"9001","sent_at":"2026-03-02T09:15:04","from":{"id":"5081234567","name":"Michael Grant"},"to":[{"id":"100200307"}],"text":"Which time zone is this?"}"#,
        ]
    }
}

/// The scripted conversations of the demo.
enum DemoScripts {
    /// Every hand-written conversation (the generated morning briefings are added by `make`).
    static let all: [DemoScript] = [
        zhangWeiLiNa, chenJingWangJianguo, chenJingZhaoMin, liNaTrustGroup, bondAllocationGroup,
        oliverJames, zhangWeiMargaret, londonDeskGroup, danielMichael, researchGroup,
        zhangWeiMargaretSignal, danielRobertSMS, chenJingWeChat, feeLetterEmail, channelsReminderEmail,
        reidAgreementEmail,
    ]
}
