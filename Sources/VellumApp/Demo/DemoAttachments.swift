internal import Foundation

/// Small stand-in files for demo attachments: kept tiny so the demo file stays readable.
enum DemoAttachments {
    /// A text file standing in for a PDF: the `%PDF-` magic, a comment saying what it is, and `%%EOF`.
    static func pdf(_ name: String, summary: String) -> DemoAttachment {
        let body = """
            %PDF-1.4
            % Vellum demo stand-in, not a real PDF document.
            % \(name)
            % \(summary)
            %%EOF

            """
        return DemoAttachment(name: name, mediaType: "application/pdf", bytes: Array(body.utf8))
    }

    /// A valid 1×1 PNG (70 bytes), standing in for a photo.
    static func png(_ name: String) -> DemoAttachment {
        DemoAttachment(name: name, mediaType: "image/png", bytes: tinyPNG)
    }

    private static let tinyPNG: [UInt8] = {
        let base64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        guard let data = Data(base64Encoded: base64) else { preconditionFailure("bad PNG constant") }
        return Array(data)
    }()
}
