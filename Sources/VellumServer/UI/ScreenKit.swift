import Foundation
import HTTPTypes
import Hummingbird
import VellumSurveillance

/// What the screens share: the redirect after a form with its flash message, errors shown on
/// the page, and the masking of detected values in message text.
enum ScreenKit {
    typealias Flash = (kind: String, text: String)

    /// `303 See Other` back to `path`, naming a flash message (`flash.hold.created`) the next
    /// page shows in the reader's language.
    static func redirect(_ path: String, flash key: String) -> Response {
        let separator = path.contains("?") ? "&" : "?"
        return Response(status: .seeOther, headers: [.location: "\(path)\(separator)flash=\(key)"])
    }

    /// The flash message the query names, when it is one of ours: no text of the URL is ever shown.
    static func flash(_ request: Request) -> Flash? {
        guard let key = request.query("flash"), key.hasPrefix("flash."),
            let text = UIStrings.table(PageRenderer.language(request))[key]
        else { return nil }
        return ("ok", text)
    }

    /// A failed form as the page shows it, and the status to answer with. Unexpected failures
    /// (500) are thrown on, so their detail goes to the log and not to the page.
    static func failure(_ error: any Error) throws -> (flash: Flash, status: HTTPResponse.Status) {
        let f = HTTPFailure.from(error)
        if f.status == .internalServerError || f.status == .forbidden { throw error }
        return (("error", f.message), f.status)
    }

    /// The form of the request (empty when there was none).
    static func form(_ context: VellumContext) -> FormFields { context.form ?? FormFields("") }

    /// Several values typed in one box, one per line or separated by commas.
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "，" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `2026-03-02T09:15:04+08:00` → `2026-03-02 09:15` (the time as the source wrote it).
    static func shortTime(_ rfc3339: String) -> String {
        guard rfc3339.count >= 16 else { return rfc3339 }
        return rfc3339.prefix(10) + " " + rfc3339.dropFirst(11).prefix(5)
    }
}

/// Detected sensitive values (card numbers, ID numbers, phone numbers …) masked in text shown on
/// a page, as exports mask them; lexicon hits are words, not secrets, and stay.
enum Masking {
    static let engine = ScanEngine()

    /// Runs of text for a template: `{{#parts}}{{#hit}}<mark>…` with `text`, `hit` (a search
    /// match between « and »), `masked` (a value replaced by its masked form).
    static func parts(_ text: String, highlighted: Bool = false, mask: Bool = true) -> [[String: Any]] {
        var plain: [Unicode.Scalar] = []
        var marked: [Bool] = []
        var inMark = false
        for s in text.unicodeScalars {
            if highlighted, s == "«" { inMark = true } else if highlighted, s == "»" { inMark = false } else {
                plain.append(s)
                marked.append(inMark)
            }
        }
        let joined = String(String.UnicodeScalarView(plain))
        let spans = mask ? engine.scan(joined).filter { !$0.detector.hasPrefix(Lexicon.detectorPrefix) } : []
        var out: [(text: String, hit: Bool, masked: Bool)] = []
        func add(_ s: String, hit: Bool, masked: Bool) {
            if let last = out.last, last.hit == hit, last.masked == masked, !masked {
                out[out.count - 1].text += s
            } else {
                out.append((s, hit, masked))
            }
        }
        var i = 0
        var next = spans.makeIterator()
        var span = next.next()
        while i < plain.count {
            while let s = span, s.start < i { span = next.next() }
            if let s = span, s.start == i, s.end > i {
                add(s.masked, hit: marked[i], masked: true)
                i = min(s.end, plain.count)
                span = next.next()
            } else {
                add(String(plain[i]), hit: marked[i], masked: false)
                i += 1
            }
        }
        return out.map { ["text": $0.text, "hit": $0.hit, "masked": $0.masked] }
    }

    /// The text with detected values replaced (for places that show one plain string).
    static func masked(_ text: String) -> String {
        parts(text).map { $0["text"] as? String ?? "" }.joined()
    }
}

extension Templates {
    /// Text runs from ``Masking/parts(_:highlighted:mask:)``, escaped like every other value.
    static let textParts =
        "{{#parts}}{{#hit}}<mark>{{/hit}}{{#masked}}<span class=\"masked\" title=\"{{t.common_masked}}\">{{/masked}}{{text}}{{#masked}}</span>{{/masked}}{{#hit}}</mark>{{/hit}}{{/parts}}"
}
