import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing
@testable import VellumServer

@Suite("The OpenAPI document matches the server")
struct OpenAPITests {
    /// Routes the document must describe: the API, health, webhooks (not the HTML pages).
    static func documented(_ e: Endpoint) -> Bool {
        e.path.hasPrefix("/api/") || e.path == "/healthz" || e.path.hasPrefix("/webhooks/")
    }

    @Test("served without authentication, it lists every API route and no route the server lacks, with the right permission")
    func matches() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            let r = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(r.status == .ok)
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var inDocument: [String: [String: Any]] = [:]
            for (path, operations) in paths {
                for (method, op) in operations { inDocument["\(method.uppercased()) \(path)"] = op as? [String: Any] }
            }
            let served = h.book.endpoints.filter(Self.documented)
            for e in served {
                let op = inDocument[e.description]
                #expect(op != nil, "\(e) is served but not documented")
                guard let op else { continue }
                #expect(op["x-permission"] as? String == e.permission?.rawValue, "\(e): permission differs from the document")
                let open = e.audience == .open || e.audience == .webhook
                let security = op["security"] as? [Any]
                #expect(open == (security?.isEmpty == true), "\(e): security in the document does not match")
                if e.audience == .api {
                    let responses = op["responses"] as? [String: Any] ?? [:]
                    #expect(responses["401"] != nil, "\(e): the document must say it answers 401")
                }
            }
            let servedNames = Set(served.map(\.description))
            for name in inDocument.keys { #expect(servedNames.contains(name), "\(name) is documented but not served") }
            // Every $ref points at something that exists.
            let text = String(buffer: r.body)
            let components = doc["components"] as? [String: [String: Any]] ?? [:]
            let refs = text.components(separatedBy: "\"$ref\": \"#/components/").dropFirst().map { $0.prefix { $0 != "\"" } }
            for ref in refs {
                let parts = ref.split(separator: "/").map(String.init)
                #expect(components[parts[0]]?[parts[1]] != nil, "dangling $ref \(ref)")
            }
        }
    }
}
