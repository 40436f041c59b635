import Foundation

/// Independent checks of the Vellum JSON lines format, written for these tests (they share no code
/// with the generators).
enum DemoLineChecks {
    static let channels: Set<String> = ["wecom", "wechat", "whatsapp", "telegram", "signal", "sms", "email", "other"]

    /// Parses one line as a JSON object, or returns nil.
    static func object(_ line: String) -> [String: Any]? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else { return nil }
        return value as? [String: Any]
    }

    /// What is wrong with a parsed line's fields and their types; empty when it is well-formed.
    static func problems(_ object: [String: Any], requireSentAt: Bool = true) -> [String] {
        var problems: [String] = []
        if !channels.contains(object["channel"] as? String ?? "") { problems.append("channel") }
        if let account = object["account"], !(account is String) { problems.append("account type") }
        if let conversation = object["conversation"] as? [String: Any] {
            if (conversation["id"] as? String ?? "").isEmpty { problems.append("conversation.id") }
            if !["direct", "group"].contains(conversation["kind"] as? String ?? "") { problems.append("conversation.kind") }
            if let title = conversation["title"], !(title is String) { problems.append("conversation.title") }
        } else {
            problems.append("conversation")
        }
        if (object["id"] as? String ?? "").isEmpty { problems.append("id") }
        if requireSentAt && !(object["sent_at"] is String) { problems.append("sent_at") }
        if !isParty(object["from"]) { problems.append("from") }
        if let to = object["to"] as? [Any] {
            if !to.allSatisfy(isParty) { problems.append("to entries") }
        } else {
            problems.append("to")
        }
        for key in ["text", "reply_to", "edit_of", "recall_of"] {
            if let value = object[key], !(value is String) { problems.append(key) }
        }
        if let attachments = object["attachments"] {
            let valid = (attachments as? [[String: Any]])?.allSatisfy { attachment in
                attachment["name"] is String && attachment["media_type"] is String
                    && Data(base64Encoded: attachment["content_base64"] as? String ?? "") != nil
            }
            if valid != true { problems.append("attachments") }
        }
        let hasContent = object["text"] != nil || object["attachments"] != nil || object["recall_of"] != nil
        if !hasContent { problems.append("no text, attachment or recall") }
        return problems
    }

    private static func isParty(_ value: Any?) -> Bool {
        guard let party = value as? [String: Any], let id = party["id"] as? String, !id.isEmpty else { return false }
        if let name = party["name"], !(name is String) { return false }
        return true
    }

    /// The instant of an RFC 3339 date-time that has an explicit offset (`Z` or `±HH:MM`), else nil.
    /// Parsed by hand (fixed layout, calendar checked) because formatters are slow to make per line.
    static func instant(_ text: String) -> Date? {
        let c = Array(text.utf8)
        guard c.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < c.count, (48...57).contains(c[index]) else { return nil }
                value = value * 10 + Int(c[index] - 48)
            }
            return value
        }
        let separators: [(Int, UInt8)] = [(4, 45), (7, 45), (10, 84), (13, 58), (16, 58)]  // - - T : :
        guard separators.allSatisfy({ c[$0.0] == $0.1 }), let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10), let hour = number(11..<13), let minute = number(14..<16),
            let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0.0
        if c[index] == 46 {  // .
            var scale = 0.1
            index += 1
            let start = index
            while index < c.count, (48...57).contains(c[index]) {
                fraction += Double(c[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < c.count else { return nil }
        var offset = 0
        if c[index] == 90, index == c.count - 1 {  // Z
            offset = 0
        } else if c[index] == 43 || c[index] == 45, c.count == index + 6, c[index + 3] == 58,
            let hours = number((index + 1)..<(index + 3)), let minutes = number((index + 4)..<(index + 6)),
            hours < 24, minutes < 60
        {
            offset = (hours * 3600 + minutes * 60) * (c[index] == 45 ? -1 : 1)
        } else {
            return nil
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...monthDays[month - 1]).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var days = 0
        for y in 1970..<year { days += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365 }
        days += monthDays.prefix(month - 1).reduce(0, +) + day - 1
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The scope in which message ids are unique: channel and capturing account.
    static func scope(_ object: [String: Any]) -> String {
        "\(object["channel"] as? String ?? "")|\(object["account"] as? String ?? "")"
    }

    /// References (`reply_to`, `edit_of`, `recall_of`) that name no earlier id in the same scope.
    static func danglingReferences(_ objects: [[String: Any]]) -> [String] {
        var seen: Set<String> = []
        var dangling: [String] = []
        for object in objects {
            let scope = scope(object)
            for key in ["reply_to", "edit_of", "recall_of"] {
                if let target = object[key] as? String, !seen.contains(scope + "|" + target) {
                    dangling.append("\(key) \(target) in \(scope)")
                }
            }
            seen.insert(scope + "|" + (object["id"] as? String ?? ""))
        }
        return dangling
    }

    /// Ids that occur more than once in the same scope.
    static func duplicateIDs(_ objects: [[String: Any]]) -> [String] {
        var seen: Set<String> = []
        return objects.compactMap { object in
            let key = scope(object) + "|" + (object["id"] as? String ?? "")
            return seen.insert(key).inserted ? nil : key
        }
    }

    /// Every match of a regular expression in `text`.
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]) }
        }
    }
}

extension DemoLineChecks {
    /// Counts in one pass over `texts`: lower-cased ASCII words, pairs of words separated by one
    /// space, and pairs of adjacent CJK characters (U+4E00…U+9FFF).
    static func termCounts(_ texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts {
            var word: [UInt8] = []
            var previousWord: [UInt8] = []
            var spaces = 0
            var previousHan: [UInt8] = []
            var bytes = Array(text.utf8)
            bytes.append(0x0A)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) {
                    word.append(byte | 0x20)
                    index += 1
                    continue
                }
                if !word.isEmpty {
                    counts[String(decoding: word, as: UTF8.self), default: 0] += 1
                    if spaces == 1 && !previousWord.isEmpty {
                        counts[String(decoding: previousWord + [0x20] + word, as: UTF8.self), default: 0] += 1
                    }
                    previousWord = word
                    word.removeAll(keepingCapacity: true)
                    spaces = 0
                }
                if byte == 0x20 { spaces += 1 } else { previousWord.removeAll(keepingCapacity: true) }
                if byte >= 0xE4 && byte <= 0xE9 && index + 2 < bytes.count {
                    let han = Array(bytes[index..<(index + 3)])
                    if !previousHan.isEmpty { counts[String(decoding: previousHan + han, as: UTF8.self), default: 0] += 1 }
                    previousHan = han
                    index += 3
                    continue
                }
                previousHan.removeAll(keepingCapacity: true)
                index += 1
            }
        }
        return counts
    }
}
