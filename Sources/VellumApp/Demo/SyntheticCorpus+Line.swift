/// Writing one line: keys in sorted order, fragments copied from the tables.
extension SyntheticCorpus {
    private enum Kind {
        case plain, reply, edit, recall
    }

    mutating func writeLine(conversation c: Int, to out: inout DemoByteCursor) {
        let conversation = tables.conversations[c]
        let group = conversation.isGroup
        let slot = group ? random.below(Int(conversation.memberCount)) : Int(random.next() >> 63)
        let channel = Int(conversation.channel)

        var kind = Kind.plain
        let previous = last[c].counter
        let previousTime = last[c].time
        if previous != 0 {
            let roll = random.below(1000)
            let ownLast = last[c].sender == Int32(slot)
            if roll < 50 {
                kind = .reply
            } else if roll < 60 && ownLast {
                kind = .edit
            } else if roll < 63 && ownLast {
                kind = .recall
            }
        }
        counter += 1

        out.append(tables.bytes, from: Int(conversation.bytesStart), count: Int(conversation.prefixLength))
        if kind == .edit {
            out.key("edit_of")
            appendID(channel: channel, counter: previous, utc: previousTime, to: &out)
            out.append(UInt8(ascii: ","))
        }
        out.key("from")
        appendEntry(conversation, slot: slot, to: &out)
        out.append(UInt8(ascii: ","))
        out.key("id")
        appendID(channel: channel, counter: counter, utc: clock, to: &out)
        out.append(UInt8(ascii: ","))
        if kind == .recall || kind == .reply {
            out.key(kind == .recall ? "recall_of" : "reply_to")
            appendID(channel: channel, counter: previous, utc: previousTime, to: &out)
            out.append(UInt8(ascii: ","))
        }
        out.key("sent_at")
        out.append(UInt8(ascii: "\""))
        clockCache.append(clock, zone: Int(conversation.zone), to: &out)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ","))
        if kind != .recall {
            out.key("text")
            out.append(UInt8(ascii: "\""))
            appendText(chineseLeaning: conversation.chineseLeaning, to: &out)
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ","))
        }
        out.key("to")
        out.append(UInt8(ascii: "["))
        if !group { appendEntry(conversation, slot: 1 - slot, to: &out) }
        out.append(UInt8(ascii: "]"))
        out.append(UInt8(ascii: "}"))

        switch kind {
        case .plain, .reply:
            last[c] = SyntheticLastMessage(counter: counter, time: clock, sender: Int32(slot))
        case .recall:
            last[c].counter = 0
        case .edit:
            break
        }
    }

    @inline(__always)
    private func appendEntry(_ conversation: SyntheticConversation, slot: Int, to out: inout DemoByteCursor) {
        let entry = tables.entries[Int(conversation.memberStart) + slot]
        out.append(tables.bytes, from: Int(entry.start), count: Int(entry.length))
    }

    /// A quoted message id shaped like the channel's own; distinct counters give distinct ids.
    private func appendID(channel: Int, counter: UInt64, utc: Int64, to out: inout DemoByteCursor) {
        let scrambled = DemoRandom.mix(counter ^ idKey)
        out.append(UInt8(ascii: "\""))
        switch SyntheticChannel(rawValue: channel)! {
        case .wecom:
            out.decimal(scrambled)
            out.append(UInt8(ascii: "_"))
            out.decimal(UInt64(utc))
        case .wechat:
            out.decimal(scrambled)
        case .whatsapp:
            out.append("wamid.HBgL")
            out.hex(scrambled)
        case .telegram:
            out.decimal(counter)
        case .signal:
            out.decimal(UInt64(utc) * 1000 + scrambled % 1000)
        case .sms:
            out.append("SM")
            out.hex(scrambled)
            out.hex(DemoRandom.mix(scrambled))
        case .email:
            out.append(UInt8(ascii: "<"))
            out.hex(scrambled)
            out.append("@mx.harbourbridge.example>")
        }
        out.append(UInt8(ascii: "\""))
    }
}
