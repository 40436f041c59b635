internal import Foundation

/// Message text: Zipf-distributed words, sentence punctuation, numbers, lengths like real chat.
/// Lengths are capped (see `SyntheticLengths`), so a text never exceeds about 4 KB of UTF-8.
extension SyntheticCorpus {
    /// Writes the text of one message (no quotes): English, Chinese or mixed, by the conversation's lean.
    mutating func appendText(chineseLeaning: Bool, to out: inout DemoByteCursor) {
        let roll = random.next()
        let choice = roll % 100
        let target = Int(tables.lengths[Int((roll >> 8) & 4095)])
        if chineseLeaning {
            if choice < 80 {
                appendChinese(characters: target / 2, englishPercent: 0, to: &out)
            } else if choice < 92 {
                appendChinese(characters: target / 2, englishPercent: 25, to: &out)
            } else {
                appendEnglish(bytes: target, to: &out)
            }
        } else {
            if choice < 95 {
                appendEnglish(bytes: target, to: &out)
            } else if choice < 97 {
                appendChinese(characters: target / 2, englishPercent: 25, to: &out)
            } else {
                appendChinese(characters: target / 2, englishPercent: 0, to: &out)
            }
        }
    }

    private mutating func appendEnglish(bytes target: Int, to out: inout DemoByteCursor) {
        let begin = out.count
        var sentenceLeft = 4 + random.below(10)
        var capitalize = random.below(10) < 7
        while out.count - begin < target {
            if out.count > begin { out.append(UInt8(ascii: " ")) }
            let tokenStart = out.count
            let roll = random.next()
            if roll & 0xFF < 8 {
                _ = appendNumber(roll >> 8, chinese: false, to: &out)
            } else {
                appendWord(english, sample: random.next(), to: &out)
            }
            let first = out.base[tokenStart]
            if capitalize, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { out.base[tokenStart] = first - 32 }
            capitalize = false
            sentenceLeft -= 1
            if sentenceLeft == 0 {
                out.append((roll >> 40) & 3 == 0 ? UInt8(ascii: "?") : UInt8(ascii: "."))
                capitalize = true
                sentenceLeft = 4 + random.below(10)
            } else if (roll >> 48) & 0xFF < 12 {
                out.append(UInt8(ascii: ","))
            }
        }
        if !capitalize {
            switch random.below(10) {
            case 0..<5: out.append(UInt8(ascii: "."))
            case 5..<7: out.append(UInt8(ascii: "?"))
            case 7: out.append(UInt8(ascii: "!"))
            default: break
            }
        }
    }

    private mutating func appendChinese(characters target: Int, englishPercent: UInt64, to out: inout DemoByteCursor) {
        var written = 0
        var clauseLeft = 3 + random.below(6)
        var afterEnglish = false
        let goal = max(target, 2)
        while written < goal {
            let roll = random.next()
            if roll % 100 < englishPercent {
                if written > 0 && !afterEnglish { out.append(UInt8(ascii: " ")) }
                written += appendWord(english, sample: random.next(), to: &out) + 1
                out.append(UInt8(ascii: " "))
                afterEnglish = true
                continue
            }
            afterEnglish = false
            if (roll >> 8) & 0xFF < 10 {
                written += appendNumber(roll >> 16, chinese: true, to: &out)
            } else {
                written += appendWord(chinese, sample: random.next(), to: &out)
            }
            clauseLeft -= 1
            if clauseLeft == 0 && written < goal {
                out.append("，")
                written += 1
                clauseLeft = 3 + random.below(6)
            }
        }
        if afterEnglish { out.count -= 1 }
        switch random.below(10) {
        case 0..<4: out.append("。")
        case 4..<6: out.append("？")
        case 6: out.append("！")
        default: break
        }
    }

    /// Appends one word; returns its length in characters.
    @discardableResult
    @inline(__always)
    private func appendWord(_ vocabulary: SyntheticVocabulary, sample bits: UInt64, to out: inout DemoByteCursor) -> Int {
        let word = vocabulary.table[vocabulary.sampler.sample(bits)]
        out.append(vocabulary.bytes, from: Int(word.start), count: Int(word.length))
        return Int(word.characters)
    }

    /// Appends an amount, a percentage, a time or a date; returns its length in characters.
    private func appendNumber(_ bits: UInt64, chinese: Bool, to out: inout DemoByteCursor) -> Int {
        let before = out.count
        let value = (bits >> 4) % 1000
        switch bits & 7 {
        case 0, 1:
            out.decimal(value % 10)
            out.append(UInt8(ascii: "."))
            out.decimal(value / 10 % 100)
            out.append(UInt8(ascii: "%"))
        case 2, 3:
            out.decimal(1 + value % 500)
            if chinese {
                out.append("万")
                return out.count - before - 2
            }
            out.append(UInt8(ascii: "k"))
        case 4:
            out.decimal(8 + value % 11)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: value % 2 == 0 ? "0" : "3"))
            out.append(UInt8(ascii: "0"))
        case 5:
            out.decimal(1 + value % 12)
            if chinese {
                out.append("月")
                out.decimal(1 + value % 28)
                out.append("日")
                return out.count - before - 4
            }
            out.append(UInt8(ascii: "/"))
            out.append(UInt8(ascii: "2"))
            out.decimal(value % 10)
        default:
            out.decimal(100 + value * 37 % 9900)
        }
        return out.count - before
    }
}

/// Message lengths in characters, log-normal with median 72 and σ = 0.85, capped at 1,500.
enum SyntheticLengths {
    static let table: [Int] = {
        var random = DemoRandom(seed: 0x6C65_6E67_7468)
        return (0..<4096).map { _ in
            min(1500, max(2, Int((72 * exp(0.85 * random.normal())).rounded())))
        }
    }()
}
