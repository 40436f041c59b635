/// The corpus's fixed cast and conversations, pre-encoded as JSON fragments so that writing a line
/// is mostly copying bytes. Built once per `SyntheticCorpus` and shared by its copies; the frozen
/// memory is freed when the last copy goes.
final class SyntheticTables: Sendable {
    /// Bucket order: direct Chinese-leaning, direct English-leaning, group Chinese-, group English-leaning.
    static let bucketCount = 4

    let people: [SyntheticPerson]
    /// `{"id":"…","name":"…"}` per person and channel, at `person * channels + channel`.
    let entryBytes: FrozenArray<UInt8>
    let entryStart: FrozenArray<Int32>
    let entryLength: FrozenArray<Int32>
    /// `{"account":"…","channel":"…","conversation":{…},` per conversation.
    let prefixBytes: FrozenArray<UInt8>
    let prefixStart: FrozenArray<Int32>
    let prefixLength: FrozenArray<Int32>
    let channel: FrozenArray<UInt8>
    let zone: FrozenArray<UInt8>
    let isGroup: FrozenArray<Bool>
    /// Whether the conversation is mostly in Chinese.
    let chineseLeaning: FrozenArray<Bool>
    let memberStart: FrozenArray<Int32>
    let memberCount: FrozenArray<Int32>
    let members: FrozenArray<Int32>
    /// Conversation indices per bucket, and a sampler over them weighted by activity.
    let bucketMembers: [FrozenArray<Int32>]
    let bucketSamplers: [DemoAliasTable]
    /// Message lengths in characters (see `SyntheticLengths`).
    let lengths: FrozenArray<Int32>
    let conversationCount: Int

    init(seed: UInt64, employees: Int, externals: Int) {
        var random = DemoRandom(seed: seed ^ 0x7461_626C_6573)
        people = SyntheticPerson.makeAll(employees: employees, externals: externals, random: &random)
        var entryBytes: [UInt8] = []
        var entryStart: [Int32] = []
        var entryLength: [Int32] = []
        for person in people {
            for channel in SyntheticChannel.allCases {
                entryStart.append(Int32(entryBytes.count))
                entryBytes.append(contentsOf: Array(#"{"id":"#.utf8))
                DemoJSONBytes.appendString(person.handles[channel.rawValue], to: &entryBytes)
                entryBytes.append(contentsOf: Array(#","name":"#.utf8))
                DemoJSONBytes.appendString(person.name, to: &entryBytes)
                entryBytes.append(UInt8(ascii: "}"))
                entryLength.append(Int32(entryBytes.count) - entryStart[entryStart.count - 1])
            }
        }
        self.entryBytes = FrozenArray(entryBytes)
        self.entryStart = FrozenArray(entryStart)
        self.entryLength = FrozenArray(entryLength)

        var plan = SyntheticConversationPlan()
        plan.build(people: people, employees: employees, externals: externals, random: &random)
        prefixBytes = FrozenArray(plan.prefixBytes)
        prefixStart = FrozenArray(plan.prefixStart)
        prefixLength = FrozenArray(plan.prefixLength)
        channel = FrozenArray(plan.channel)
        zone = FrozenArray(plan.zone)
        isGroup = FrozenArray(plan.isGroup)
        chineseLeaning = FrozenArray(plan.chineseLeaning)
        memberStart = FrozenArray(plan.memberStart)
        memberCount = FrozenArray(plan.memberCount)
        members = FrozenArray(plan.members)
        conversationCount = plan.channel.count
        bucketMembers = plan.buckets.map { FrozenArray($0) }
        bucketSamplers = plan.buckets.map { bucket in
            bucket.isEmpty ? DemoAliasTable(weights: [1]) : DemoAliasTable(weights: bucket.map { plan.weight[Int($0)] })
        }
        lengths = FrozenArray(SyntheticLengths.table.map(Int32.init))
    }

    deinit {
        entryBytes.free()
        entryStart.free()
        entryLength.free()
        prefixBytes.free()
        prefixStart.free()
        prefixLength.free()
        channel.free()
        zone.free()
        isGroup.free()
        chineseLeaning.free()
        memberStart.free()
        memberCount.free()
        members.free()
        for bucket in bucketMembers { bucket.free() }
        for sampler in bucketSamplers { sampler.free() }
        lengths.free()
    }
}
