import Testing
import VellumPolicy

@Suite("Policy canonical bytes")
struct CanonicalBytesTests {
    func text(_ p: Policy) -> String { String(decoding: p.canonicalBytes, as: UTF8.self) }

    @Test("the same policy gives the same bytes on every call")
    func stable() throws {
        let p = try examplePolicy()
        #expect(p.canonicalBytes == p.canonicalBytes)
        #expect(p.canonicalBytes == (try examplePolicy()).canonicalBytes)
    }

    @Test("comments, key order, flow style and spelled-out defaults do not change the bytes")
    func formattingDoesNotMatter() throws {
        let a = try policy("""
            organisation: {name: A, country: gb}
            channels:
              wecom: {approved: true}
              email: {approved: false}
            retention:
              rules:
                - {id: r1, period: 7y, basis: x}
            surveillance:
              rules:
                - {id: s1, type: sensitive_data}
            """)
        let b = try policy("""
            # a comment
            surveillance:
              rules:
                - type: sensitive_data
                  id: s1
                  min_confidence: 0.5     # the default
                  severity: medium
                  channels: any
            retention:
              rules:
                - basis: x
                  from: sent
                  period: 7y
                  id: r1
            channels:
              email:
                approved: false
              wecom:
                approved: true
            organisation:
              country: GB
              name: A
            """)
        #expect(a.canonicalBytes == b.canonicalBytes)
    }

    @Test("a change that alters a decision changes the bytes", arguments: [
        ("period", "retention:\n  rules:\n    - {id: r1, period: 8y, basis: x}\n"),
        ("rule order", "retention:\n  rules:\n    - {id: r2, period: 7y, basis: y}\n    - {id: r1, period: 7y, basis: x}\n"),
        ("approval", "channels:\n  wecom: {approved: false}\nretention:\n  rules:\n    - {id: r1, period: 7y, basis: x}\n    - {id: r2, period: 7y, basis: y}\n"),
    ])
    func changes(_ name: String, _ tail: String) throws {
        let base = try policy(org + "channels:\n  wecom: {approved: true}\nretention:\n  rules:\n    - {id: r1, period: 7y, basis: x}\n    - {id: r2, period: 7y, basis: y}\n")
        let changed = try policy(org + tail)
        #expect(base.canonicalBytes != changed.canonicalBytes, "\(name)")
    }

    @Test("the bytes are canonical JSON with sorted keys and the resolved values")
    func shape() throws {
        let t = text(try policy(org + "retention:\n  presets:\n    mifid-ii: {extended: true}\n  rules:\n    - {id: eu, preset: mifid-ii}\n"))
        #expect(t.hasPrefix("{\"channels\":{},\"format\":\"vellum-policy/1\",\"organisation\":{"))
        #expect(t.contains("\"period\":\"7y\",\"preset\":\"mifid-ii\""))
        #expect(t.contains("\"gdpr\":{\"extension\":\"2m\",\"respond\":\"1m\"}"))
        #expect(!t.contains("\n") && !t.contains("\": ") && !t.contains("\", \""), "no whitespace between tokens")
    }
}
