/// One conversation's layout, packed so that writing a line touches few cache lines.
struct SyntheticConversation: BitwiseCopyable {
    /// Where the conversation's bytes start: its JSON prefix, then one entry per member.
    var bytesStart: Int32
    var prefixLength: Int32
    /// The members' entries in `SyntheticTables.entries`.
    var memberStart: Int32
    var memberCount: Int32
    var channel: UInt8
    var zone: UInt8
    var isGroup: Bool
    var chineseLeaning: Bool
}

/// A member's `{"id":"…","name":"…"}` inside the conversation bytes.
struct SyntheticEntry: BitwiseCopyable {
    var start: Int32
    var length: Int32
}

/// The corpus's fixed cast and conversations, pre-encoded as JSON fragments so that writing a line
/// is mostly copying bytes. Conversations are laid out bucket by bucket (see
/// `SyntheticConversationDraft.bucket`). Built once per `SyntheticCorpus` and shared by its copies;
/// the frozen memory is freed when the last copy goes.
final class SyntheticTables: Sendable {
    static let bucketCount = 4

    let people: [SyntheticPerson]
    let bytes: DemoFrozenArray<UInt8>
    let conversations: DemoFrozenArray<SyntheticConversation>
    let entries: DemoFrozenArray<SyntheticEntry>
    /// First conversation index of each bucket, plus the total at the end.
    let bucketStart: [Int]
    /// Per bucket, a sampler over its conversations weighted by activity.
    let bucketSamplers: [DemoAliasTable]
    /// Message lengths in characters (see `SyntheticLengths`).
    let lengths: DemoFrozenArray<Int32>
    var conversationCount: Int { conversations.count }

    init(seed: UInt64, employees: Int, externals: Int) {
        var random = DemoRandom(seed: seed ^ 0x7461_626C_6573)
        let people = SyntheticPerson.makeAll(employees: employees, externals: externals, random: &random)
        var plan = SyntheticConversationPlan()
        plan.build(people: people, employees: employees, externals: externals, random: &random)
        var byBucket = Array(repeating: [SyntheticConversationDraft](), count: Self.bucketCount)
        for draft in plan.drafts { byBucket[draft.bucket].append(draft) }

        var bytes: [UInt8] = []
        var conversations: [SyntheticConversation] = []
        var entries: [SyntheticEntry] = []
        var bucketStart: [Int] = []
        for bucket in byBucket {
            bucketStart.append(conversations.count)
            for draft in bucket {
                let start = bytes.count
                bytes.append(contentsOf: draft.prefix)
                let memberStart = entries.count
                for member in draft.members {
                    let entryStart = bytes.count
                    Self.appendEntry(people[member], channel: draft.channel, to: &bytes)
                    entries.append(SyntheticEntry(start: Int32(entryStart), length: Int32(bytes.count - entryStart)))
                }
                conversations.append(
                    SyntheticConversation(
                        bytesStart: Int32(start), prefixLength: Int32(draft.prefix.count),
                        memberStart: Int32(memberStart), memberCount: Int32(draft.members.count),
                        channel: UInt8(draft.channel.rawValue), zone: UInt8(draft.zone.rawValue),
                        isGroup: draft.isGroup, chineseLeaning: draft.chineseLeaning))
            }
        }
        bucketStart.append(conversations.count)
        precondition(bytes.count < Int(Int32.max), "corpus tables too large")
        self.people = people
        self.bytes = DemoFrozenArray(bytes)
        self.conversations = DemoFrozenArray(conversations)
        self.entries = DemoFrozenArray(entries)
        self.bucketStart = bucketStart
        bucketSamplers = byBucket.map { bucket in
            DemoAliasTable(weights: bucket.isEmpty ? [1] : bucket.map(\.weight))
        }
        lengths = DemoFrozenArray(SyntheticLengths.table.map(Int32.init))
    }

    deinit {
        bytes.free()
        conversations.free()
        entries.free()
        for sampler in bucketSamplers { sampler.free() }
        lengths.free()
    }

    /// `{"id":"<handle on channel>","name":"<name>"}`
    private static func appendEntry(_ person: SyntheticPerson, channel: SyntheticChannel, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: Array(#"{"id":"#.utf8))
        DemoJSONBytes.appendString(person.handles[channel.rawValue], to: &bytes)
        bytes.append(contentsOf: Array(#","name":"#.utf8))
        DemoJSONBytes.appendString(person.name, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
    }
}
