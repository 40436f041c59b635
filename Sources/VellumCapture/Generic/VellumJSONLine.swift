import Foundation
import VellumCore

/// One line of the Vellum JSON-lines interchange format (docs/formats/vellum-jsonl.md), as decoded.
///
/// Unknown fields are ignored here and kept in the message's raw bytes.
struct VellumJSONLine: Decodable {
    struct Conv: Decodable {
        var id: String
        var kind: String
        var title: String?
    }
    struct Person: Decodable {
        var id: String
        var name: String?
    }
    struct File: Decodable {
        var name: String
        var media_type: String
        var content_base64: String
    }

    var channel: String
    var account: String?
    var conversation: Conv
    var id: String
    var sent_at: String
    var from: Person
    var to: [Person]
    var text: String?
    var attachments: [File]?
    var reply_to: String?
    var edit_of: String?
    var recall_of: String?
}
