/// The corpus's fixed cast and conversations, pre-encoded as JSON fragments so that writing a line
/// is mostly copying bytes. Built once per `SyntheticCorpus` and shared by its copies.
final class SyntheticTables: Sendable {
    /// Bucket order: direct Chinese-leaning, direct English-leaning, group Chinese-, group English-leaning.
    static let bucketCount = 4

    let people: [SyntheticPerson]
    /// `{"id":"…","name":"…"}` per person and channel, at `person * channels + channel`.
    let entryBytes: [UInt8]
    let entryStart: [Int32]
    let entryLength: [Int32]
    /// `{"account":"…","channel":"…","conversation":{…},` per conversation.
    let prefixBytes: [UInt8]
    let prefixStart: [Int32]
    let prefixLength: [Int32]
    let channel: [UInt8]
    let zone: [UInt8]
    let isGroup: [Bool]
    let memberStart: [Int32]
    let memberCount: [Int32]
    let members: [Int32]
    /// Conversation indices per bucket, and a sampler over them weighted by activity.
    let bucketMembers: [[Int32]]
    let bucketSamplers: [DemoAliasTable]

    init(seed: UInt64, employees: Int, externals: Int) {
        var random = DemoRandom(seed: seed ^ 0x7461_626C_6573)
        people = SyntheticPerson.makeAll(employees: employees, externals: externals, random: &random)
        let channels = SyntheticChannel.allCases.count
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
                entryLength.append(Int32(entryBytes.count) - entryStart.last!)
            }
        }
        precondition(entryStart.count == people.count * channels)
        self.entryBytes = entryBytes
        self.entryStart = entryStart
        self.entryLength = entryLength

        var plan = SyntheticConversationPlan()
        plan.build(people: people, employees: employees, externals: externals, random: &random)
        prefixBytes = plan.prefixBytes
        prefixStart = plan.prefixStart
        prefixLength = plan.prefixLength
        channel = plan.channel
        zone = plan.zone
        isGroup = plan.isGroup
        memberStart = plan.memberStart
        memberCount = plan.memberCount
        members = plan.members
        bucketMembers = plan.buckets
        bucketSamplers = plan.buckets.indices.map { bucket in
            plan.buckets[bucket].isEmpty
                ? DemoAliasTable(weights: [1])
                : DemoAliasTable(weights: plan.buckets[bucket].map { plan.weight[Int($0)] })
        }
    }
}
