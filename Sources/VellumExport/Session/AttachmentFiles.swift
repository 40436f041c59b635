import Foundation
import VellumCore

/// The export's shared copy of every attachment, `files/<conversation>/<record>_<n>_<name>`,
/// which the HTML transcripts link to and the CSV, DAT and JSON lines point at.
final class AttachmentFiles {
    private let registry: OutputRegistry

    init(registry: OutputRegistry) {
        self.registry = registry
    }

    /// Writes the message's attachments and records their paths in it.
    func store(_ m: inout RenderedMessage, conversationKey: String) throws {
        for i in m.attachments.indices {
            let stem = "files/\(conversationKey)/\(SafeName.component(m.recordID, maxLength: 40))_\(i + 1)_"
            var path = stem + SafeName.fileName(m.attachments[i].name)
            var n = 1
            while registry.isUsed(path) {
                n += 1
                path = stem + "\(n)_" + SafeName.fileName(m.attachments[i].name)
            }
            let out = try registry.create(path)
            try out.write(m.attachments[i].data)
            try out.close()
            m.attachments[i].storedPath = path
        }
    }
}
