/// A query travels as its canonical text, so JSON carries what a person would type.
extension Query: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Query(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "query: \(error.description)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonicalText)
    }
}
