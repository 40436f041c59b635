import NIOCore
import NIOFoundationCompat
import HTTPTypes
import Foundation
public import Hummingbird

/// JSON responses with sorted keys (stable for diffs and tests), and query-string helpers.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Decodes a JSON body, with a clear 400 naming what was wrong.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: VellumContext) async throws -> T {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        do { return try JSONDecoder().decode(T.self, from: Data(buffer: body)) } catch let e as DecodingError {
            throw HTTPFailure(.badRequest, "invalidInput", "the JSON body does not fit: \(describe(e))")
        }
    }

    static func describe(_ e: DecodingError) -> String {
        func path(_ c: [any CodingKey]) -> String { c.map(\.stringValue).joined(separator: ".") }
        switch e {
        case .keyNotFound(let k, let c): return "missing field \(path(c.codingPath + [k]))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "wrong type at \(path(c.codingPath))"
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "not JSON" : "bad value at \(path(c.codingPath))"
        @unknown default: return "unreadable"
        }
    }
}

extension Request {
    /// The query string decoded as a form (browsers send spaces as `+`).
    var queryFields: FormFields { FormFields(uri.query ?? "") }

    /// A query parameter; nil when absent or empty.
    func query(_ name: String) -> String? {
        guard let v = queryFields[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    func queryAll(_ name: String) -> [String] { queryFields.all(name).filter { !$0.isEmpty } }

    func queryInt(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw = query(name) else { return value }
        guard let n = Int(raw), range.contains(n) else {
            throw HTTPFailure(.badRequest, "invalidInput", "\(name): expected a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return n
    }

    func queryBool(_ name: String) -> Bool { ["1", "true", "yes", "on"].contains(query(name)?.lowercased() ?? "") }
}
