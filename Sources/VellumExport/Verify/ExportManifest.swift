public import Foundation

/// `manifest.json` of an export, as the verifier reads it.
public struct ExportManifest: Sendable, Decodable {
    /// The value of `format`.
    public static let formatName = "vellum-export/1"
    /// The manifest's file name at the export root.
    public static let fileName = "manifest.json"
    /// `sha256sum`-style digest of `manifest.json` (`sha256sum -c manifest.sha256` checks it).
    public static let digestFileName = "manifest.sha256"

    /// An output file with its size and lowercase hex SHA-256.
    public struct File: Sendable, Decodable, Hashable {
        public var path: String
        public var sha256: String
        public var size: Int64
    }

    /// Totals of the export.
    public struct Counts: Sendable, Decodable, Hashable {
        public var attachments: Int
        public var conversations: Int
        public var files: Int
        public var maskedRecords: Int
        public var records: Int

        enum CodingKeys: String, CodingKey {
            case attachments, conversations, files, records
            case maskedRecords = "masked_records"
        }
    }

    /// The custodian the export was made for.
    public struct Custodian: Sendable, Decodable, Hashable {
        public var employeeID: String
        public var name: String?

        enum CodingKeys: String, CodingKey {
            case employeeID = "employee_id"
            case name
        }
    }

    /// Whether bodies were masked, and by which detectors.
    public struct Masking: Sendable, Decodable, Hashable {
        public var enabled: Bool
        public var description: String?
    }

    /// One exported record with its ledger evidence and the files that hold it.
    public struct Record: Sendable, Decodable, Hashable {
        public var id: String
        public var sourceID: String
        public var conversation: String
        public var commitment: String
        /// The exact ledger leaf bytes (base64 in the file).
        public var leaf: Data
        public var leafIndex: UInt64
        public var proof: InclusionProof
        /// Output files that hold the record.
        public var files: [String]

        enum CodingKeys: String, CodingKey {
            case id, conversation, commitment, leaf, proof, files
            case sourceID = "source_id"
            case leafIndex = "leaf_index"
        }
    }

    /// The signed tree head every proof is checked against (hex strings, base64 `signed_bytes`).
    public struct TreeHead: Sendable, Decodable, Hashable {
        public var size: UInt64
        public var root: String
        public var timestamp: Int64
        public var signature: String
        public var publicKey: String
        public var signedBytes: Data

        enum CodingKeys: String, CodingKey {
            case size, root, timestamp, signature
            case publicKey = "public_key"
            case signedBytes = "signed_bytes"
        }
    }

    public var format: String
    public var formats: [String]
    public var generator: String
    public var actor: String
    public var createdAt: String
    public var query: String
    public var custodian: Custodian?
    public var masking: Masking
    public var counts: Counts
    public var files: [File]
    /// The records; empty when the manifest was read in streaming form (the verifier reads them line by line).
    public var records: [Record]
    public var treeHead: TreeHead

    enum CodingKeys: String, CodingKey {
        case format, formats, generator, actor, query, custodian, masking, counts, files, records
        case createdAt = "created_at"
        case treeHead = "tree_head"
    }

    /// Decodes a manifest's bytes.
    public static func decode(_ data: Data) throws -> ExportManifest {
        do { return try JSONDecoder().decode(ExportManifest.self, from: data) } catch {
            throw ExportError(.malformedManifest, "\(fileName): \(error)")
        }
    }
}
