public import Foundation
public import VellumCore

/// Reads WhatsApp's "Export chat" text files, Android and iOS (format `whatsapp-export`).
///
/// The caller unzips: it passes the chat text's bytes and the names of the other files in the
/// archive. Files the text names and the archive holds come back in
/// ``WhatsAppExportResult/mediaInArchive`` (and ``WhatsAppExportResult/attachingMedia(_:)``
/// attaches them).
///
/// **Layouts.** Android `DATE, TIME - AUTHOR: TEXT` and iOS `[DATE, TIME] AUTHOR: TEXT`; see
/// ``WhatsAppExportHeader`` for the date and time forms. A line starts a message only if it has a
/// complete header of the file's dominant shape (bracketed or not, same date separator); any
/// other line continues the message above it (multi-line messages, captions after media, a
/// pasted line that merely starts with a date). Lines before the first message become issues.
///
/// **Date order** is resolved once per file from *every* header, never line by line:
/// 1. The year is the field with 4 digits (first or last); with 2-digit years, the last.
/// 2. A value above 12 can only be a day: if such values appear in one position only, that
///    decides (`day/month/year: a day value 23 appears in the first field at line 14`). If both
///    positions have them (a corrupt or merged file), the order that fits more lines wins and
///    the lines that fit neither order become issues.
/// 3. If no value decides, chronology: the order under which the dates go backwards fewer times
///    from one line to the next is taken (exports are in time order, bar the odd system line).
/// 4. If that ties too, the layout's usual order: year first stays year/month/day; `.` or `-`
///    separators and `/` with a 4-digit year are day/month/year; `/` with a 2-digit year is
///    month/day/year (the US form of both apps).
/// Steps 3 and 4 set ``WhatsAppExportResult/dateOrderCertain`` to false: confirm with the
/// operator or pass `dateOrder`.
///
/// **Time zone.** The file has none: times are the exporting phone's wall clock. They are read
/// in `timeZone` (DST-aware) and stored with that offset; without one, UTC is assumed, said in
/// the result and in every message's fields (`time_zone_assumed`).
///
/// **Conversation.** id and title = `chatName`, else the name in the file name
/// (`WhatsApp Chat with X.txt`, localized variants), else the file name without `.txt`
/// (`_chat` for an iOS export whose zip name was not passed: pass `chatName`). It is a group
/// when a system line reports a group event (created, added, left, subject changed …) or
/// three or more people write; otherwise direct. Override with `conversationKind`.
///
/// **Parties.** Senders are the names or numbers exactly as exported (`+1 555 123 4567`); the
/// pipeline normalizes phone numbers. Recipients are the other people who write in the export
/// (plus, in a direct chat, the chat's name): an export has no member list. System lines are sent
/// by ``systemSenderID``; an iOS notice attributed to the chat name keeps that name in
/// `attributed_to`. The capturing account is `account` (the exporting employee).
///
/// **Native ids.** Exports carry none, so each message gets
/// `export:<local time>:<16 hex>[:<n>]`, where the hex is FNV-1a-64 over (conversation id,
/// sender, the message's whole text without direction marks) and `n` (from 2) numbers repeats
/// of the same text by the same sender in the same second/minute. Consequences:
/// - re-importing the same export yields the same ids, so the archive adds nothing;
/// - a later, longer export of the same chat yields the same ids for the messages both hold:
///   the inputs are the message's own time, sender and text, not its line number or position,
///   and the repeat counter only counts identical messages of the same minute, which a longer
///   export (more at the end, or a later start) does not reorder;
/// - the time zone is not an input (local wall time is), so re-reading with another zone does
///   not duplicate; a different date order does (the dates differ — the earlier were wrong);
/// - an edited message exported after the edit has another text, so it is another record;
/// - Android and iOS exports of the same chat differ (seconds, markers), as do exports from two
///   participants' phones (names as each phone shows them).
///
/// **Kinds and fields.**
/// - System lines → `system`. Media placeholders → `image`/`video`/`audio`/`sticker`/`file`/
///   `contact` with a `MediaReference` (handle = the file name; note `in export archive`,
///   `missing from the archive`, or `omitted by the exporter`). Captions and document names
///   are the text.
/// - "This message was deleted"/"You deleted this message" → kind `recall` **without** a
///   revision: the export does not say which message was deleted (its text is gone), so there is
///   no target id; `fields.placeholder` keeps the phrase.
/// - A `<This message was edited>` suffix is removed from the text and sets `edited` = `true`.
/// - Locations (`location: https://maps.google.com/?q=LAT,LON`, venue links) → `location` with
///   `latitude`/`longitude` or `venue_url`. Missed calls → `call`.
/// - Every message has `line` (1-based, first line), `header` (the date/time as written),
///   `local_time`, `time_zone`, `date_order`, and `date_order_certain`/`time_zone_assumed` when
///   those were guesses.
/// - `text` has the direction marks removed; `raw` is the exact bytes of the message's lines
///   (CRLF kept, final line break not included).
public struct WhatsAppExportParser: Sendable {
    public static let formatName = "whatsapp-export"
    /// The sender of system notices.
    public static let systemSenderID = "whatsapp-system"
    public static let inArchiveNote = "in export archive"
    public static let missingFromArchiveNote = "missing from the archive"
    public static let omittedNote = "omitted by the exporter"
    public static let viewOnceNote = "view-once media: not included in exports"
    static let archiveUnreadableNote = "in export archive but could not be read"

    public init() {}

    /// The chat's name from an export's file name (`WhatsApp Chat with Ana.txt` → `Ana`), or nil.
    public static func chatName(fromFileName fileName: String) -> String? {
        var base = (fileName as NSString).lastPathComponent
        for ext in [".txt", ".zip"] where base.lowercased().hasSuffix(ext) { base = String(base.dropLast(ext.count)) }
        let prefixes = [
            "WhatsApp Chat with ", "WhatsApp Chat - ", "WhatsApp Chat mit ", "WhatsApp-Chat mit ", "Chat de WhatsApp con ",
            "Discussion WhatsApp avec ", "Conversa do WhatsApp com ", "Conversa no WhatsApp com ", "Chat di WhatsApp con ",
            "Chat WhatsApp con ", "WhatsApp-chat met ", "WhatsApp-chat med ", "Чат WhatsApp с ", "WhatsApp Sohbeti: ",
            "Czat WhatsApp z ", "Chat WhatsApp s ",
        ]
        for p in prefixes where base.hasPrefix(p) {
            let name = WhatsAppExportLine.trim(String(base.dropFirst(p.count)))
            return name.isEmpty ? nil : name
        }
        return nil
    }

    public func parse(
        text: Data, fileName: String, mediaNames: Set<String>, timeZone: TimeZone?, account: String, chatName: String?,
        dateOrder forcedOrder: WhatsAppExportDateOrder? = nil, conversationKind forcedKind: Conversation.Kind? = nil
    ) -> WhatsAppExportResult {
        var counts = WhatsAppExportResult.Counts()
        var items: [ParsedLine] = []
        func issue(_ line: Int, _ field: String?, _ reason: String) {
            items.append(.issue(ImportIssue(file: fileName, line: line, field: field, reason: reason)))
            counts.issues += 1
        }

        // Lines: byte ranges (without LF, and without a CR before it), decoded text.
        let bytes = [UInt8](text)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var ranges: [Range<Int>] = []
        var i = start
        var lineStart = start
        while i < bytes.count {
            if bytes[i] == 0x0A {
                let end = (i > lineStart && bytes[i - 1] == 0x0D) ? i - 1 : i
                ranges.append(lineStart ..< end)
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart < bytes.count {
            var end = bytes.count
            if bytes[end - 1] == 0x0D { end -= 1 }
            ranges.append(lineStart ..< end)
        }
        counts.lines = ranges.count
        var lines: [WhatsAppExportLine] = []
        lines.reserveCapacity(ranges.count)
        for r in ranges {
            let slice = bytes[r]
            if String(validating: slice, as: UTF8.self) == nil { counts.invalidUTF8Lines += 1 }
            lines.append(WhatsAppExportLine(String(decoding: slice, as: UTF8.self)))
        }

        // Headers, and the file's dominant header shape.
        let candidates = lines.map { WhatsAppExportHeader.parse($0.normalized) }
        var shapeCounts: [WhatsAppExportHeader.Shape: Int] = [:]
        var shapeOrder: [WhatsAppExportHeader.Shape] = []
        for h in candidates.compactMap({ $0 }) {
            if shapeCounts[h.shape] == nil { shapeOrder.append(h.shape) }
            shapeCounts[h.shape, default: 0] += 1
        }
        var dominant: WhatsAppExportHeader.Shape?
        for s in shapeOrder where dominant == nil || shapeCounts[s]! > shapeCounts[dominant!]! { dominant = s }
        let headers: [WhatsAppExportHeader?] = candidates.map { h in h.flatMap { $0.shape == dominant ? $0 : nil } }
        let layout: WhatsAppExportResult.Layout? = dominant.map { $0.bracketed ? .ios : .android }

        // Date order from the whole file.
        let resolution = DateOrderResolver.resolve(headers: headers, forced: forcedOrder)
        let order = resolution.order

        // Time zone.
        let zone = timeZone ?? TimeZone(secondsFromGMT: 0)!
        let zoneAssumed = timeZone == nil
        let zoneNote =
            zoneAssumed
            ? "no time zone was given: the export's local times were read as UTC (offset +00:00); pass the exporting phone's zone"
            : "local times read in \(zone.identifier)"

        // Conversation.
        let nameFromFile = Self.chatName(fromFileName: fileName)
        let chatTitle = chatName ?? nameFromFile ?? {
            var base = (fileName as NSString).lastPathComponent
            if base.lowercased().hasSuffix(".txt") { base = String(base.dropLast(4)) }
            return base
        }()
        let chatTitleIsName = chatName != nil || nameFromFile != nil

        // Group lines into drafts.
        var drafts: [Draft] = []
        var current: Draft?
        var rejected: (line: Int, continuation: Int)?
        func flushRejected() {
            if let r = rejected {
                issue(r.line + 1, "date", "the date does not fit the file's date order (\(order)); message not imported"
                    + (r.continuation > 0 ? " (with its \(r.continuation) continuation line\(r.continuation == 1 ? "" : "s"))" : ""))
                rejected = nil
            }
        }
        for (n, line) in lines.enumerated() {
            if let h = headers[n] {
                if let c = current { drafts.append(c) }
                current = nil
                flushRejected()
                guard let date = order.date(h) else {
                    rejected = (n, 0)
                    continue
                }
                current = Draft(line: n, header: h, date: date, source: line)
                continue
            }
            if rejected != nil {
                rejected!.continuation += 1
                continue
            }
            if current != nil {
                current!.continuation.append(n)
                counts.continuationLines += 1
                continue
            }
            if line.isBlank { continue }
            issue(n + 1, nil, "not a message header, and no message precedes it to continue; line not imported")
        }
        if let c = current { drafts.append(c) }
        flushRejected()
        // Issues were appended as met; messages are built below and merged back in file order.
        let issuesByLine = items
        items = []

        // Read every draft's author and text.
        let parsed = drafts.map { ParsedDraft($0, lines: lines) }

        // Conversation kind and participants.
        var kind: Conversation.Kind
        var kindReason: String
        var humans: [String] = []
        var seen = Set<String>()
        for p in parsed where p.author != nil && !p.isAttributedSystem(chatTitle: chatTitle) {
            if seen.insert(p.author!).inserted { humans.append(p.author!) }
        }
        let groupEventLine = parsed.first { p in
            (p.author == nil || p.isAttributedSystem(chatTitle: chatTitle)) && p.containsGroupEvent
        }
        if let forcedKind {
            kind = forcedKind
            kindReason = "given by the caller"
        } else if let g = groupEventLine {
            kind = .group
            kindReason = "a group event is reported at line \(g.draft.line + 1)"
        } else if humans.count >= 3 {
            kind = .group
            kindReason = "\(humans.count) people write in it"
        } else {
            kind = .direct
            kindReason = "no group event and at most two people write in it"
        }
        var participants = humans.map { Party(id: $0) }
        if kind == .direct, chatTitleIsName, !seen.contains(chatTitle) { participants.append(Party(id: chatTitle)) }
        let conversation = Conversation(id: chatTitle, kind: kind, title: chatTitle)

        // Build messages.
        var occurrences: [String: Int] = [:]
        var archiveMedia: [WhatsAppExportResult.ArchiveMedia] = []
        var archiveIndex: [String: String] = [:]
        for name in mediaNames {
            archiveIndex[name] = name
            let last = (name as NSString).lastPathComponent
            if archiveIndex[last] == nil { archiveIndex[last] = name }
        }
        var built: [(line: Int, item: ParsedLine, archive: [String])] = []
        for k in parsed.indices {
            let p = parsed[k]
            let c = Classifier(parsed: p, chatTitle: chatTitle, archive: archiveIndex).classify()
            let d = p.draft
            let local = LocalTime(date: d.date, header: d.header)
            let (utc, offset) = local.utc(in: zone)
            let senderID = c.isSystem ? Self.systemSenderID : p.author!
            let hashHex = Self.fnv1a64([conversation.id, senderID, p.fullText])
            let base = local.iso + ":" + hashHex
            occurrences[base, default: 0] += 1
            let n = occurrences[base]!
            let nativeID = "export:" + base + (n > 1 ? ":\(n)" : "")

            var fields = c.fields
            fields["line"] = String(d.line + 1)
            fields["header"] = p.headerText
            fields["local_time"] = local.iso
            fields["time_zone"] = zoneAssumed ? "UTC" : zone.identifier
            fields["date_order"] = order.rawValue
            if !resolution.certain { fields["date_order_certain"] = "false" }
            if zoneAssumed { fields["time_zone_assumed"] = "true" }
            if c.isSystem, let author = p.author { fields["attributed_to"] = author }

            let sender = Party(id: senderID)
            let recipients = participants.filter { $0.id != senderID }
            let rawRange = ranges[d.line].lowerBound ..< ranges[d.continuation.last ?? d.line].upperBound
            let message = Message(
                source: SourceRef(channel: .whatsapp, account: account, nativeID: nativeID),
                conversation: conversation,
                sentAt: Timestamp(seconds: utc, offsetSeconds: Int32(offset)),
                sender: sender,
                recipients: recipients,
                text: c.text,
                kind: c.kind,
                nativeType: c.nativeType,
                fields: fields,
                media: c.media,
                format: Self.formatName,
                raw: Data(bytes[rawRange]))
            counts.messages += 1
            if c.isSystem { counts.systemMessages += 1 }
            if c.kind == .recall { counts.deleted += 1 }
            if fields["edited"] == "true" { counts.edited += 1 }
            for m in c.media {
                switch m.note {
                case Self.inArchiveNote: counts.mediaInArchive += 1
                case Self.missingFromArchiveNote: counts.mediaMissingFromArchive += 1
                default: counts.mediaOmitted += 1
                }
            }
            built.append((d.line, .message(message), c.archiveFiles))
        }

        // Merge messages and issues in file order.
        var issueQueue = issuesByLine[...]
        func issueLine(_ item: ParsedLine) -> Int {
            if case .issue(let i) = item { return i.line - 1 }
            return Int.max
        }
        for b in built {
            while let first = issueQueue.first, issueLine(first) < b.line {
                items.append(first)
                issueQueue = issueQueue.dropFirst()
            }
            for name in b.archive { archiveMedia.append(.init(itemIndex: items.count, fileName: name)) }
            items.append(b.item)
        }
        items.append(contentsOf: issueQueue)

        return WhatsAppExportResult(
            items: items, layout: layout, dateOrder: order, dateOrderReason: resolution.reason,
            dateOrderCertain: resolution.certain, timeZone: zone, timeZoneAssumed: zoneAssumed, timeZoneNote: zoneNote,
            conversation: conversation, conversationReason: kindReason, mediaInArchive: archiveMedia, counts: counts)
    }

    /// FNV-1a 64 over length-prefixed UTF-8 parts, as 16 lowercase hex digits. Not a security
    /// hash: it only tells apart messages that already share a second/minute in one chat.
    static func fnv1a64(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func eat(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        for part in parts {
            let u = Array(part.utf8)
            for shift in stride(from: 24, through: 0, by: -8) { eat(UInt8(truncatingIfNeeded: u.count >> shift)) }
            for b in u { eat(b) }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

// MARK: - Drafts

/// A message's lines before interpretation.
private struct Draft {
    var line: Int
    var header: WhatsAppExportHeader
    var date: (year: Int, month: Int, day: Int)
    var source: WhatsAppExportLine
    var continuation: [Int] = []
}

/// A draft with its author split off and its text assembled.
private struct ParsedDraft {
    var draft: Draft
    /// nil for a system line (no `Name: ` after the header).
    var author: String?
    /// The header as written, direction marks removed.
    var headerText: String
    /// The first line's content, original (marks kept, for iOS marker detection).
    var firstOriginal: String
    /// Whether the content began with an LRM/RLM (WhatsApp marks its own texts so on iOS).
    var hadLeadingMark: Bool
    /// The first line's content, marks removed and trimmed.
    var first: String
    /// The continuation lines, marks removed.
    var rest: [String]

    init(_ d: Draft, lines: [WhatsAppExportLine]) {
        draft = d
        let s = d.source
        let cs = d.header.contentStart
        headerText = WhatsAppExportLine.trim(WhatsAppExportLine.stripMarks(s.original(fromNormalized: 0, to: cs)))
        // Author: up to the first ": " (or a final ":") after the header.
        var authorEnd: Int?
        var j = cs
        while j < s.normalized.count {
            if s.normalized[j] == ":" && (j + 1 == s.normalized.count || s.normalized[j + 1] == " ") {
                authorEnd = j
                break
            }
            j += 1
        }
        var content: String
        if let e = authorEnd {
            let name = WhatsAppExportLine.trim(WhatsAppExportLine.stripMarks(s.original(fromNormalized: cs, to: e)))
            let quotes: Set<Character> = ["\"", "“", "”", "„", "«", "»", "「", "」"]
            if name.isEmpty || name.count > 100 || name.contains(where: { quotes.contains($0) }) {
                author = nil
                content = s.originalSuffix(fromNormalized: cs)
            } else {
                author = name
                content = e + 1 < s.normalized.count ? s.originalSuffix(fromNormalized: e + 1) : ""
                // Drop the one space after the colon (marks may sit around it).
                var scalars = Array(content.unicodeScalars)
                if let k = scalars.firstIndex(where: { !WhatsAppExportLine.isMark($0) }),
                   scalars[k] == " " || scalars[k] == "\u{00A0}" || scalars[k] == "\u{202F}"
                {
                    scalars.remove(at: k)
                }
                content = String(String.UnicodeScalarView(scalars))
            }
        } else {
            author = nil
            content = s.originalSuffix(fromNormalized: cs)
        }
        firstOriginal = content
        hadLeadingMark = content.unicodeScalars.first.map { $0 == "\u{200E}" || $0 == "\u{200F}" } ?? false
        first = WhatsAppExportLine.trim(WhatsAppExportLine.stripMarks(content))
        rest = d.continuation.map { WhatsAppExportLine.stripMarks(lines[$0].text) }
        while let last = rest.last, WhatsAppExportLine.trim(last).isEmpty { rest.removeLast() }
    }

    /// The whole text: first line and continuation lines.
    var fullText: String { ([first] + rest).joined(separator: "\n") }

    var containsGroupEvent: Bool {
        let plain = first.lowercased()
        // The encryption notice is in every chat; only its group variant says "group".
        if WhatsAppExportMarkers.encryptionNotice.contains(where: { plain.hasPrefix($0) }) {
            return plain.hasPrefix("messages to this group")
        }
        let lower = " " + plain + " "
        return WhatsAppExportMarkers.groupEvents.contains { lower.contains($0) }
    }

    /// An iOS notice attributed to a name: WhatsApp marks its own text with a leading LRM.
    /// (Android writes notices without an author; iOS attributes them to the chat and marks the
    /// text with an LRM, the encryption notice included.)
    func isAttributedSystem(chatTitle: String) -> Bool {
        guard author != nil, hadLeadingMark else { return false }
        let lower = first.lowercased()
        if WhatsAppExportMarkers.encryptionNotice.contains(where: { lower.hasPrefix($0) }) { return true }
        guard !looksLikeOtherMarker else { return false }
        if author == chatTitle { return true }
        if WhatsAppExportMarkers.noticeStarts.contains(where: { lower.hasPrefix($0) }) { return true }
        return containsGroupEvent
    }

    /// Media, deleted and location markers also carry a leading mark on iOS; they are not notices.
    var looksLikeOtherMarker: Bool {
        let lower = first.lowercased()
        let noStop = WhatsAppExportMarkers.droppingFinalStop(lower)
        if WhatsAppExportMarkers.deleted.contains(noStop) { return true }
        if lower.hasSuffix(">") && lower.contains("<") { return true }
        if let seg = Self.lastMarkedSegment(firstOriginal), WhatsAppExportMarkers.iosOmitted[seg.lowercased()] != nil { return true }
        if lower.contains("maps.google.com") || lower == "null" { return true }
        if WhatsAppExportMarkers.calls.contains(lower) { return true }
        return false
    }

    /// The text after the last LRM/RLM of a line (iOS puts one before its placeholder phrases;
    /// right-to-left locales an RLM), trimmed.
    static func lastMarkedSegment(_ line: String) -> String? {
        guard let r = lastMark(line) else { return nil }
        let seg = WhatsAppExportLine.trim(WhatsAppExportLine.stripMarks(line[r.upperBound...]))
        return seg.isEmpty ? nil : seg
    }

    static func lastMark(_ line: String) -> Range<String.Index>? {
        guard line.unicodeScalars.contains(where: { $0 == "\u{200E}" || $0 == "\u{200F}" }) else { return nil }
        let u = line.unicodeScalars
        guard let i = u.lastIndex(where: { $0 == "\u{200E}" || $0 == "\u{200F}" }) else { return nil }
        return i ..< u.index(after: i)
    }
}

// MARK: - Classification

private struct Classified {
    var kind: MessageKind = .text
    var nativeType: String = "text"
    var text: String?
    var media: [MediaReference] = []
    var fields: [String: String] = [:]
    var isSystem = false
    /// Names (as in `mediaNames`) to attach.
    var archiveFiles: [String] = []
}

private struct Classifier {
    var parsed: ParsedDraft
    var chatTitle: String
    /// File name or last path component → the name as given in `mediaNames`.
    var archive: [String: String]

    func classify() -> Classified {
        var c = Classified()
        let p = parsed
        var first = p.first
        var rest = p.rest

        // "<This message was edited>" at the end of the text.
        if let (stripped, isFirst) = Self.stripEdited(first: first, rest: rest) {
            c.fields["edited"] = "true"
            if isFirst { first = stripped } else { rest[rest.count - 1] = stripped }
            while let last = rest.last, WhatsAppExportLine.trim(last).isEmpty { rest.removeLast() }
        }
        let restText: String? = rest.isEmpty ? nil : rest.joined(separator: "\n")
        let fullText = ([first] + rest).joined(separator: "\n")
        let lower = first.lowercased()

        if p.author == nil {
            c.kind = .system
            c.nativeType = "system"
            c.isSystem = true
            c.text = fullText
            return c
        }
        // Deleted.
        let noStop = WhatsAppExportMarkers.droppingFinalStop(lower)
        if rest.isEmpty, WhatsAppExportMarkers.deleted.contains(noStop) {
            c.kind = .recall
            c.nativeType = "deleted"
            c.fields["placeholder"] = first
            return c
        }
        // Android "<Media omitted>".
        if WhatsAppExportMarkers.mediaOmitted.contains(lower)
            || (lower.hasPrefix("<") && lower.hasSuffix(">") && lower.filter({ $0 == "<" }).count == 1
                && WhatsAppExportMarkers.mediaWords.contains(where: { lower.contains($0) }))
        {
            c.kind = .file
            c.nativeType = "media_omitted"
            c.fields["placeholder"] = first
            c.media = [MediaReference(handle: "", note: WhatsAppExportParser.omittedNote)]
            c.text = restText
            return c
        }
        // iOS "<attached: 00000012-PHOTO-….jpg>", possibly after a document title.
        if let (prefix, name) = iosAttached(first) {
            return media(named: name, textParts: [prefix] + rest, nativeType: "attached", into: c)
        }
        // Android "IMG-….jpg (file attached)".
        if let name = androidAttached(first) {
            return media(named: name, textParts: rest, nativeType: "file_attached", into: c)
        }
        // iOS "image omitted", "Some file.txt ‎document omitted".
        if let (cls, title) = iosOmitted(p.firstOriginal, cleaned: first) {
            let kinds: [WhatsAppExportMarkers.MediaClass: MessageKind] = [
                .image: .image, .video: .video, .audio: .audio, .sticker: .sticker, .document: .file, .contact: .contact,
            ]
            c.kind = kinds[cls] ?? .file
            c.nativeType = cls.rawValue + "_omitted"
            let docName = title.map { t in WhatsAppExportLine.trim(t.firstRange(of: " • ").map { t[..<$0.lowerBound] } ?? t[...]) }
            c.fields["placeholder"] = Self.lastSegment(p.firstOriginal) ?? first
            c.media = [MediaReference(handle: "", name: docName.flatMap { $0.isEmpty ? nil : $0 }, note: WhatsAppExportParser.omittedNote)]
            c.text = Self.joined([title] + rest)
            return c
        }
        // View-once media (Android writes "null").
        if lower == "null", rest.isEmpty {
            c.kind = .file
            c.nativeType = "view_once"
            c.fields["placeholder"] = first
            c.media = [MediaReference(handle: "", note: WhatsAppExportParser.viewOnceNote)]
            return c
        }
        // Locations.
        if let (lat, lon) = Self.googleMapsPoint(first) {
            c.kind = .location
            c.nativeType = "location"
            c.fields["latitude"] = lat
            c.fields["longitude"] = lon
            c.text = fullText
            return c
        }
        if let venue = Self.venueURL(fullText) {
            c.kind = .location
            c.nativeType = "venue"
            c.fields["venue_url"] = venue
            c.text = fullText
            return c
        }
        if WhatsAppExportMarkers.calls.contains(noStop) {
            c.kind = .call
            c.nativeType = "call"
            c.text = fullText
            return c
        }
        if p.isAttributedSystem(chatTitle: chatTitle) {
            c.kind = .system
            c.nativeType = "system"
            c.isSystem = true
            c.text = fullText
            return c
        }
        c.text = fullText
        return c
    }

    private static func joined(_ parts: [String?]) -> String? {
        let kept = parts.compactMap { $0.map { WhatsAppExportLine.trim($0) } }.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: "\n")
    }

    private static func lastSegment(_ original: String) -> String? { ParsedDraft.lastMarkedSegment(original) }

    /// Removes a trailing edit marker; returns the shortened line and whether it was the first line.
    static func stripEdited(first: String, rest: [String]) -> (String, Bool)? {
        let isFirst = rest.isEmpty
        let line = isFirst ? first : rest[rest.count - 1]
        let trimmed = WhatsAppExportLine.trim(line)
        guard trimmed.hasSuffix(">"), let lt = trimmed.lastIndex(of: "<") else { return nil }
        let marker = trimmed[lt...].lowercased()
        guard WhatsAppExportMarkers.edited.contains(marker)
            || (marker.count <= 60 && WhatsAppExportMarkers.editedWords.contains(where: { marker.contains($0) }))
        else { return nil }
        return (WhatsAppExportLine.trim(trimmed[..<lt]), isFirst)
    }

    func archiveName(_ name: String) -> String? { archive[name] ?? archive[(name as NSString).lastPathComponent] }

    /// `… <label: NAME>` at the end of the line; the label is localized, so any label is
    /// accepted when NAME has iOS's 8-digit numbering or is in the archive.
    func iosAttached(_ line: String) -> (prefix: String?, name: String)? {
        guard line.hasSuffix(">"), let lt = line.lastIndex(of: "<") else { return nil }
        let inner = line[line.index(after: lt) ..< line.index(before: line.endIndex)]
        guard let colon = inner.firstIndex(of: ":") else { return nil }
        let label = WhatsAppExportLine.trim(inner[..<colon]).lowercased()
        let name = WhatsAppExportLine.trim(inner[inner.index(after: colon)...])
        guard !name.isEmpty, !label.isEmpty, label.count <= 30 else { return nil }
        let numbered = name.count > 9 && name.prefix(8).allSatisfy(\.isASCII) && name.prefix(8).allSatisfy(\.isNumber)
            && name.dropFirst(8).first == "-"
        let knownLabels: Set<String> = [
            "attached", "angehängt", "adjunto", "anexado", "allegato", "bijgevoegd", "pièce jointe", "прикреплено",
            "附件", "添付ファイル", "첨부", "مرفق", "संलग्न",
        ]
        guard numbered || archiveName(name) != nil || knownLabels.contains(label) else { return nil }
        let prefix = WhatsAppExportLine.trim(line[..<lt])
        return (prefix.isEmpty ? nil : prefix, name)
    }

    /// `NAME.ext (phrase)` where the phrase is a known "file attached", or NAME is in the archive or
    /// has Android's `IMG-20230101-WA0001` form.
    func androidAttached(_ line: String) -> String? {
        guard line.hasSuffix(")"), let open = line.ranges(of: " (").last else { return nil }
        let name = WhatsAppExportLine.trim(line[..<open.lowerBound])
        let phrase = line[open.upperBound ..< line.index(before: line.endIndex)].lowercased()
        guard !name.isEmpty, (name as NSString).pathExtension.count >= 1 else { return nil }
        if WhatsAppExportMarkers.fileAttached.contains(phrase) || archiveName(name) != nil { return name }
        let androidPattern = #"^(IMG|VID|AUD|PTT|STK|DOC)-\d{8}-WA\d+"#
        if name.range(of: androidPattern, options: .regularExpression) != nil { return name }
        return nil
    }

    /// iOS's localized "image omitted" (after the last LRM, or the whole line); with the
    /// document title before it when there is one.
    func iosOmitted(_ original: String, cleaned: String) -> (WhatsAppExportMarkers.MediaClass, String?)? {
        if let seg = ParsedDraft.lastMarkedSegment(original), let cls = WhatsAppExportMarkers.iosOmitted[seg.lowercased()] {
            let r = ParsedDraft.lastMark(original)!
            let title = WhatsAppExportLine.trim(WhatsAppExportLine.stripMarks(original[..<r.lowerBound]))
            return (cls, title.isEmpty ? nil : title)
        }
        if let cls = WhatsAppExportMarkers.iosOmitted[cleaned.lowercased()] { return (cls, nil) }
        return nil
    }

    /// A media message naming a file: matched against the archive.
    func media(named name: String, textParts: [String?], nativeType: String, into base: Classified) -> Classified {
        var c = base
        let (kind, mediaType) = Self.kind(ofFile: name)
        c.kind = kind
        c.nativeType = nativeType
        let inArchive = archiveName(name)
        c.media = [MediaReference(
            handle: inArchive ?? name, name: name, mediaType: mediaType,
            note: inArchive != nil ? WhatsAppExportParser.inArchiveNote : WhatsAppExportParser.missingFromArchiveNote)]
        if let inArchive { c.archiveFiles = [inArchive] }
        var parts = textParts
        // A document's name is content; generated media names (IMG-…, 00000012-PHOTO-…) are not.
        if kind == .file, !parts.contains(where: { $0 != nil && !$0!.isEmpty }) {
            parts.insert(Self.displayName(name), at: 0)
        }
        c.text = Self.joined(parts)
        return c
    }

    /// iOS prefixes archive names with `00000047-`; the document's own name follows.
    static func displayName(_ name: String) -> String {
        let s = Substring(name)
        if s.count > 9, s.prefix(8).allSatisfy({ $0.isASCII && $0.isNumber }), s.dropFirst(8).first == "-" {
            return String(s.dropFirst(9))
        }
        return name
    }

    static func kind(ofFile name: String) -> (MessageKind, String?) {
        let upper = name.uppercased()
        let ext = (name as NSString).pathExtension.lowercased()
        let types: [String: String] = [
            "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
            "heic": "image/heic", "mp4": "video/mp4", "3gp": "video/3gpp", "mov": "video/quicktime", "opus": "audio/ogg",
            "ogg": "audio/ogg", "m4a": "audio/mp4", "aac": "audio/aac", "mp3": "audio/mpeg", "amr": "audio/amr",
            "pdf": "application/pdf", "vcf": "text/vcard", "txt": "text/plain", "csv": "text/csv", "zip": "application/zip",
            "doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ]
        let mediaType = types[ext]
        let base = (name as NSString).lastPathComponent.uppercased()
        if ext == "vcf" { return (.contact, mediaType) }
        if base.hasPrefix("STK-") || upper.contains("-STICKER-") { return (.sticker, mediaType) }
        if base.hasPrefix("IMG-") || upper.contains("-PHOTO-") { return (.image, mediaType) }
        if base.hasPrefix("VID-") || upper.contains("-VIDEO-") || upper.contains("-GIF-") { return (.video, mediaType) }
        if base.hasPrefix("PTT-") || base.hasPrefix("AUD-") || upper.contains("-AUDIO-") { return (.audio, mediaType) }
        if base.hasPrefix("DOC-") { return (.file, mediaType) }
        // Others by type: Android keeps a document's own name.
        if mediaType?.hasPrefix("audio/") == true { return (.audio, mediaType) }
        if mediaType?.hasPrefix("video/") == true { return (.video, mediaType) }
        if mediaType?.hasPrefix("image/") == true { return (.image, mediaType) }
        return (.file, mediaType)
    }

    /// `https://maps.google.com/?q=51.50,-0.12` → ("51.50", "-0.12").
    static func googleMapsPoint(_ line: String) -> (String, String)? {
        guard line.contains("maps.google."), let r = line.range(of: #"maps\.google\.[a-z.]+/(maps)?\?q=(-?\d+(\.\d+)?),(-?\d+(\.\d+)?)"#, options: .regularExpression)
        else { return nil }
        let m = line[r]
        guard let q = m.range(of: "?q=") else { return nil }
        let parts = m[q.upperBound...].split(separator: ",")
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    static func venueURL(_ text: String) -> String? {
        guard text.contains("foursquare.com/v/"), let r = text.range(of: #"https://foursquare\.com/v/[A-Za-z0-9]+"#, options: .regularExpression) else { return nil }
        return String(text[r])
    }
}

// MARK: - Time

private struct LocalTime {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(date: (year: Int, month: Int, day: Int), header: WhatsAppExportHeader) {
        year = date.year
        month = date.month
        day = date.day
        hour = header.hour24
        minute = header.minute
        second = header.second ?? 0
    }

    var iso: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))"
    }

    /// Epoch seconds and the zone's offset at that wall time (the earlier instant when the wall
    /// time repeats at a DST change; shifted forward when it falls in a gap).
    func utc(in zone: TimeZone) -> (Int64, Int) {
        let local = Int64(CivilDate.toDays(year, month, day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let guess = local - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
        return (local - Int64(offset), offset)
    }
}

// MARK: - Date order

private enum DateOrderResolver {
    struct Resolution {
        var order: WhatsAppExportDateOrder
        var reason: String
        var certain: Bool
    }

    static let positionNames = ["first", "second", "third"]

    static func resolve(headers: [WhatsAppExportHeader?], forced: WhatsAppExportDateOrder?) -> Resolution {
        if let forced { return Resolution(order: forced, reason: "\(forced): given by the caller", certain: true) }
        let found = headers.enumerated().compactMap { i, h in h.map { (line: i + 1, header: $0) } }
        guard let sample = found.first?.header else {
            return Resolution(order: .dayMonthYear, reason: "\(WhatsAppExportDateOrder.dayMonthYear): no message header found", certain: false)
        }
        // 1. Where is the year?
        let yearFirst4 = found.filter { $0.header.digits[0] == 4 }.count
        let yearLast4 = found.filter { $0.header.digits[2] == 4 }.count
        let firstOver31 = found.first { $0.header.fields[0] > 31 && $0.header.digits[0] <= 2 }
        let yearFirst = yearFirst4 > yearLast4 || (yearFirst4 == 0 && yearLast4 == 0 && firstOver31 != nil)
        let yearNote =
            yearFirst4 + yearLast4 > 0
            ? "the year is the 4-digit \(yearFirst ? "first" : "last") field"
            : (yearFirst ? "the year is the first field (\(firstOver31!.header.fields[0]) at line \(firstOver31!.line) cannot be a day)" : "the year is taken as the last field (2-digit years)")
        let candidates: [WhatsAppExportDateOrder] = yearFirst ? [.yearMonthDay, .yearDayMonth] : [.dayMonthYear, .monthDayYear]

        // 2. Values above 12 decide between day and month.
        struct Fit {
            var order: WhatsAppExportDateOrder
            var misfits: [(line: Int, header: WhatsAppExportHeader)] = []
        }
        var fits = candidates.map { Fit(order: $0) }
        for f in found {
            for k in fits.indices where fits[k].order.date(f.header) == nil { fits[k].misfits.append(f) }
        }
        let a = fits[0], b = fits[1]
        func evidence(for chosen: Fit, against other: Fit) -> String {
            // The first line the other order cannot read: a value above 12 where it wants a month.
            guard let m = other.misfits.first else { return "" }
            let monthPos = other.order.positions.month
            let v = m.header.fields[monthPos]
            if v > 12 {
                return "a day value \(v) appears in the \(positionNames[monthPos]) field at line \(m.line)"
            }
            return "line \(m.line) is not a valid date as \(other.order)"
        }
        if a.misfits.isEmpty != b.misfits.isEmpty {
            let (chosen, other) = a.misfits.isEmpty ? (a, b) : (b, a)
            return Resolution(order: chosen.order, reason: "\(chosen.order): \(evidence(for: chosen, against: other)); \(yearNote)", certain: true)
        }
        if !a.misfits.isEmpty && !b.misfits.isEmpty {
            let (chosen, other) = a.misfits.count <= b.misfits.count ? (a, b) : (b, a)
            let reason = "\(chosen.order): the lines disagree — \(other.misfits.count) line(s) cannot be \(other.order) "
                + "(\(evidence(for: chosen, against: other))) and \(chosen.misfits.count) cannot be \(chosen.order) "
                + "(first at line \(chosen.misfits[0].line)); the order that fits more lines was taken and the others are reported as issues; \(yearNote)"
            return Resolution(order: chosen.order, reason: reason, certain: false)
        }
        // 3. Chronology.
        func backwardSteps(_ order: WhatsAppExportDateOrder) -> Int {
            var steps = 0
            var previous: Int?
            for f in found {
                guard let d = order.date(f.header) else { continue }
                let day = CivilDate.toDays(d.year, d.month, d.day)
                if let p = previous, day < p { steps += 1 }
                previous = day
            }
            return steps
        }
        let sa = backwardSteps(a.order), sb = backwardSteps(b.order)
        if sa != sb {
            let chosen = sa < sb ? a.order : b.order
            let other = sa < sb ? b.order : a.order
            return Resolution(
                order: chosen,
                reason: "\(chosen): no day or month value above 12 decides it; read as \(chosen) the dates go backwards "
                    + "\(min(sa, sb)) time(s), as \(other) \(max(sa, sb)) time(s) (chronology); \(yearNote); confirm it or pass the order",
                certain: false)
        }
        // 4. The layout's usual order.
        let order: WhatsAppExportDateOrder
        let why: String
        if yearFirst {
            order = .yearMonthDay
            why = "year first is year/month/day in every locale that uses it"
        } else if sample.separator == "/" && sample.digits[2] <= 2 {
            order = .monthDayYear
            why = "`/` with a 2-digit year is the US form of both apps (m/d/yy)"
        } else if sample.separator == "/" {
            order = .dayMonthYear
            why = "`/` with a 4-digit year is day first in most locales"
        } else {
            order = .dayMonthYear
            why = "`\(sample.separator)` separators are day first in the locales that use them"
        }
        return Resolution(
            order: order,
            reason: "\(order): every day and month value is 12 or less and the dates run the same way in either order, "
                + "so the \(sample.bracketed ? "iOS" : "Android") layout's usual order was assumed (\(why)); confirm it or pass the order",
            certain: false)
    }
}
