import Foundation

/// Files under `Tests/VellumExportTests/Fixtures`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent("rsmf").appendingPathComponent(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    static let sample1 = "sample1_INVALID_missing_participant_id.rsmf_manifest.json"
    static let sample2 = "sample2_WARN_missing_avatar.rsmf_manifest.json"
    static let sample3 = "sample3_INVALID_extra_eml_attachment.rsmf"
    static let sample4 = "sample4_INVALID_int_id_undefined_participant_attachment_prop.rsmf_manifest.json"
    static let schema2 = "rsmf_schema_2_0_0.json"
    static let schema1 = "rsmf_schema_1_0_0.json"
}
