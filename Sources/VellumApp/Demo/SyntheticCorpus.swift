internal import Foundation

/// An endless, deterministic stream of realistic chat lines in the Vellum JSON lines format, for
/// import, index and search benchmarks.
///
/// Each call to ``nextLine()`` returns one valid JSON object (keys sorted, UTF-8, no trailing
/// newline). About 70 % of lines are in direct chats and 30 % in groups; about 65 % are English,
/// 30 % Chinese and 5 % mixed. Text follows a Zipf–Mandelbrot law over some 2,800 words and
/// phrases, with lengths like real chat (median about 60 characters, a long tail). About 5 % of
/// lines reply to the previous message of their conversation, 0.4 % edit it and 0.1 % recall it
/// (edits and recalls by its own sender); there are no attachments. Timestamps start on
/// 1 January 2024 and strictly increase, with quiet nights and weekends; one million lines span
/// about two years. Message ids are unique (per channel and account, and overall).
///
/// Generating is single-threaded and allocation-light (one `String` per line): well over half a
/// million lines a second in a release build.
public struct SyntheticCorpus: Sendable {
    let tables: SyntheticTables
    let english: SyntheticVocabulary
    let chinese: SyntheticVocabulary
    var random: DemoRandom
    let idKey: UInt64
    var counter: UInt64 = 0
    /// Unix seconds of the last line.
    var clock: Int64
    var hongKongDay: Int64 = -1
    var isWeekend = false
    /// Per conversation: its last plain message, the target of replies, edits and recalls.
    var last: [SyntheticLastMessage]
    var clockCache = SyntheticClockCache()
    /// The line buffer; any line fits (texts stay under about 4 KB, the rest under 2 KB).
    var scratch = [UInt8](repeating: 0, count: 16_384)

    /// A corpus of `employees` staff and `externals` outside contacts; the same seed and sizes always
    /// give the same lines.
    public init(seed: UInt64, employees: Int = 200, externals: Int = 5_000) {
        precondition(employees >= 2 && externals >= 1, "need at least two employees and one external")
        tables = SyntheticTables(seed: seed, employees: employees, externals: externals)
        english = SyntheticVocabulary.english
        chinese = SyntheticVocabulary.chinese
        random = DemoRandom(seed: seed)
        idKey = DemoRandom.mix(seed ^ 0x6964_6B65_79)
        clock = DemoTime.days(year: 2024, month: 1, day: 1) * 86_400 + 3600
        let conversations = tables.conversationCount
        last = Array(repeating: SyntheticLastMessage(), count: conversations)
    }

    /// The next line: one JSON object, without a trailing newline.
    public mutating func nextLine() -> String {
        advanceClock()
        let conversation = pickConversation()
        // Write through a local so the buffer is not borrowed from `self` while `self` mutates.
        var buffer: [UInt8] = []
        swap(&buffer, &scratch)
        defer { swap(&buffer, &scratch) }
        return buffer.withUnsafeMutableBufferPointer { memory in
            var out = DemoByteCursor(base: memory.baseAddress!)
            writeLine(conversation: conversation, to: &out)
            precondition(out.count + 16 <= memory.count, "line buffer overrun")
            return out.makeString()
        }
    }

    /// The next `n` lines.
    public mutating func lines(_ n: Int) -> [String] {
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(nextLine()) }
        return result
    }

    /// Moves the clock on by an exponential gap (mean about 35 s), slower at weekends, skipping
    /// midnight to 07:00 Hong Kong time.
    mutating func advanceClock() {
        var gap = -log(1 - random.unit()) * 34
        if isWeekend { gap *= 4 }
        clock += 1 + Int64(gap)
        let hongKong = clock + 8 * 3600
        let day = DemoTime.floorDiv(hongKong, 86_400)
        let secondOfDay = hongKong - day * 86_400
        if secondOfDay < 7 * 3600 { clock += 7 * 3600 - secondOfDay + Int64(random.below(1200)) }
        if day != hongKongDay {
            hongKongDay = day
            let weekday = DemoTime.weekday(ofDays: day)
            isWeekend = weekday == 0 || weekday == 6
        }
    }

    /// Picks direct (70 %) or group (30 %), Chinese-leaning (35 %) or English-leaning, then a
    /// conversation of that bucket weighted by its activity.
    mutating func pickConversation() -> Int {
        let roll = random.next()
        let group = roll & 0xFFFF < 19_661
        let chineseLeaning = (roll >> 16) & 0xFFFF < 22_938
        var bucket = (group ? 2 : 0) + (chineseLeaning ? 0 : 1)
        if isEmpty(bucket) { bucket ^= 1 }
        if isEmpty(bucket) { bucket ^= 2 }
        if isEmpty(bucket) { bucket ^= 1 }
        return tables.bucketStart[bucket] + tables.bucketSamplers[bucket].sample(random.next())
    }

    private func isEmpty(_ bucket: Int) -> Bool {
        tables.bucketStart[bucket] == tables.bucketStart[bucket + 1]
    }

    /// Twenty realistic query words that occur in every corpus, in this order: six common English
    /// words, six rare English words, six Chinese two-character words (合同, 付款 and 客户, then three
    /// more) and two two-word English phrases. The seed picks which ones; the same seed gives the
    /// same list.
    public static func queryWords(seed: UInt64) -> [String] {
        var random = DemoRandom(seed: seed ^ 0x7175_6572_79)
        func choose(_ count: Int, from pool: [String]) -> [String] {
            var remaining = pool
            var chosen: [String] = []
            for _ in 0..<min(count, remaining.count) { chosen.append(remaining.remove(at: random.below(remaining.count))) }
            return chosen
        }
        return choose(6, from: SyntheticQueries.commonEnglish) + choose(6, from: SyntheticQueries.rareEnglish)
            + SyntheticQueries.requiredChinese + choose(3, from: SyntheticQueries.otherChinese)
            + choose(2, from: SyntheticQueries.phrases)
    }
}

/// A conversation's last plain message (counter 0: none yet, or it was recalled).
struct SyntheticLastMessage: Sendable {
    var counter: UInt64 = 0
    var time: Int64 = 0
    /// The sender's member slot.
    var sender: Int32 = -1
}

/// Query-word pools; every entry is in the corpus vocabulary (a test checks this).
enum SyntheticQueries {
    static let commonEnglish = [
        "portfolio", "review", "fund", "bond", "fee", "contract", "account", "price", "client", "meeting",
        "payment", "trade", "market", "yield", "allocation", "compliance", "proposal", "documents", "confirm",
    ]
    static let rareEnglish = [
        "novation", "escrow", "debenture", "indenture", "amortisation", "mezzanine", "subrogation",
        "hypothecation", "forbearance", "usufruct", "kingfisher", "lighthouse", "archipelago", "sextant",
    ]
    static let requiredChinese = ["合同", "付款", "客户"]
    static let otherChinese = ["基金", "债券", "赎回", "托管", "配售", "审核", "汇率", "开户", "收益", "对冲"]
    static let phrases = [
        "portfolio review", "bond allocation", "term sheet", "fee schedule", "management fee", "due diligence",
        "order confirmation",
    ]
}
