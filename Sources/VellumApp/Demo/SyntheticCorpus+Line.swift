/// Writing one line: keys in sorted order, fragments copied from the tables.
extension SyntheticCorpus {
    private enum Kind {
        case plain, reply, edit, recall
    }

    mutating func writeLine(conversation c: Int, to out: inout ByteCursor) {
        let start = Int(tables.memberStart[c])
        let count = Int(tables.memberCount[c])
        let group = tables.isGroup[c]
        let slot = group ? random.below(count) : Int(random.next() >> 63)
        let sender = Int(tables.members[start + slot])
        let channel = Int(tables.channel[c])

        var kind = Kind.plain
        let previous = lastCounter[c]
        let previousTime = lastTime[c]
        if previous != 0 {
            let roll = random.below(1000)
            let ownLast = lastSender[c] == Int32(sender)
            if roll < 50 {
                kind = .reply
            } else if roll < 60 && ownLast {
                kind = .edit
            } else if roll < 63 && ownLast {
                kind = .recall
            }
        }
        counter += 1

        out.append(tables.prefixBytes, from: Int(tables.prefixStart[c]), count: Int(tables.prefixLength[c]))
        if kind == .edit {
            out.key("edit_of")
            appendID(channel: channel, counter: previous, utc: previousTime, to: &out)
            out.append(UInt8(ascii: ","))
        }
        out.key("from")
        appendEntry(person: sender, channel: channel, to: &out)
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
        clockCache.append(clock, zone: Int(tables.zone[c]), to: &out)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ","))
        if kind != .recall {
            out.key("text")
            out.append(UInt8(ascii: "\""))
            appendText(chineseLeaning: tables.chineseLeaning[c], to: &out)
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ","))
        }
        out.key("to")
        out.append(UInt8(ascii: "["))
        if !group { appendEntry(person: Int(tables.members[start + 1 - slot]), channel: channel, to: &out) }
        out.append(UInt8(ascii: "]"))
        out.append(UInt8(ascii: "}"))

        switch kind {
        case .plain, .reply:
            lastCounter[c] = counter
            lastTime[c] = clock
            lastSender[c] = Int32(sender)
        case .recall:
            lastCounter[c] = 0
        case .edit:
            break
        }
    }

    @inline(__always)
    private func appendEntry(person: Int, channel: Int, to out: inout ByteCursor) {
        let index = person * SyntheticChannel.allCases.count + channel
        out.append(tables.entryBytes, from: Int(tables.entryStart[index]), count: Int(tables.entryLength[index]))
    }

    /// A quoted message id shaped like the channel's own; distinct counters give distinct ids.
    private func appendID(channel: Int, counter: UInt64, utc: Int64, to out: inout ByteCursor) {
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
