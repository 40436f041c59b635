import Foundation
import VellumCore
import VellumCrypto
import VellumSurveillance

/// The tags a record gets at capture, for the filters the blind index cannot answer from words:
/// `has:attachment`, `has:media`, `kind:<message kind>` and `detector:<id>` for every validated
/// sensitive-data detector that fires on the text. Stored keyed (``Archive/tagKey(_:)``), never in clear.
enum RecordTags {
    static let scanner = ScanEngine()

    static func tags(_ m: ArchivedMessage) -> Set<String> {
        var tags: Set<String> = ["kind:" + m.messageKind.rawValue]
        let mediaTypes = m.attachments.map(\.media_type) + (m.media ?? []).compactMap(\.media_type)
        if !m.attachments.isEmpty || !(m.media ?? []).isEmpty { tags.insert("has:attachment") }
        let mediaKinds: Set<MessageKind> = [.image, .video, .audio]
        if mediaKinds.contains(m.messageKind)
            || mediaTypes.contains(where: { $0.hasPrefix("image/") || $0.hasPrefix("video/") || $0.hasPrefix("audio/") }) {
            tags.insert("has:media")
        }
        for f in scanner.scan(m.text ?? "") where !f.isLexiconHit { tags.insert("detector:" + f.detector) }
        return tags
    }
}

extension Archive {
    /// The keyed form of a tag such as `detector:iban`.
    func tagKey(_ tag: String) -> Data { memoizedLookupKey(Data(tag.utf8), domain: "tag") }

    func tagKeys(_ m: ArchivedMessage) -> [Data] {
        RecordTags.tags(m).map(tagKey).sorted { $0.bytesPrecede($1) }
    }
}
