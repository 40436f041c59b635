import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import VellumApp
import VellumCore
import VellumStore
@testable import VellumServer

/// An archive with a policy, a directory and a small conversation: Chinese, an edit, a recall,
/// a card number, HTML in a message, and a message on a channel the policy does not approve.
struct ScreenFixture {
    let h: ServerHarness
    /// Record ids by source message id.
    let records: [String: String]

    static let chinese = "合同我看过了，明天签字"
    static let card = "4111 1111 1111 1111"
    static let html = "<script>alert('x')</script> see you"
    /// Texts no page of a role that may not read messages may show.
    static let contents = ["明天签字", card, "contract draft", "Sent by mistake", "alert('x')", "talk on WeChat"]

    static let policy = """
        organisation:
          name: Test Wealth Ltd
          country: HK
          controller: {name: Test Wealth Ltd, email: privacy@test.example, address: 1 Test Road}
          supervisory_authority: the PCPD
        channels:
          wecom: {approved: true}
          wechat: {approved: false, notes: Personal WeChat is not approved}
        retention:
          rules:
            - id: firm-minimum
              period: 5y
              basis: Firm minimum for all business communications
        surveillance:
          rules:
            - id: cards-anywhere
              type: sensitive_data
              detectors: [credit_card]
              channels: any
              severity: high
            - id: unapproved-apps
              type: unapproved_channel
          sampling:
            rate: 1.0
            roles: [relationship-manager]
        """

    static let directory = """
        employees:
          - id: E1001
            name: Zhang Wei
            roles: [relationship-manager]
            jurisdiction: HK
            handles: {wecom: zhangwei, wechat: zhangwei}
        """

    static let lines = [
        line("w1", "09:15:04", from: "wmLiNa001", name: "李娜", to: "zhangwei", text: chinese),
        line("w2", "09:16:00", from: "zhangwei", name: "Zhang Wei", to: "wmLiNa001", text: "Please review the contract draft"),
        line("w3", "09:17:00", from: "zhangwei", name: "Zhang Wei", to: "wmLiNa001", text: "My card is \(card) for the deposit"),
        line("w4", "09:18:00", from: "wmLiNa001", name: "李娜", to: "zhangwei", text: html),
        line("w5", "09:20:00", from: "zhangwei", name: "Zhang Wei", to: "wmLiNa001", text: "Please review the contract draft v2", extra: #","edit_of":"w2""#),
        line("w6", "09:21:00", from: "zhangwei", name: "Zhang Wei", to: "wmLiNa001", text: "Sent by mistake"),
        line("w7", "09:22:00", from: "zhangwei", name: "Zhang Wei", to: "wmLiNa001", text: "", extra: #","recall_of":"w6""#),
        #"{"channel":"wechat","account":"zhangwei-phone","conversation":{"id":"c-chen","kind":"direct","title":"Chen"},"id":"x1","sent_at":"2026-03-03T10:00:00+08:00","from":{"id":"zhangwei","name":"Zhang Wei"},"to":[{"id":"wxchen","name":"Chen"}],"text":"Let's talk on WeChat instead"}"#,
    ].joined(separator: "\n")

    static func line(_ id: String, _ time: String, from: String, name: String, to: String, text: String, extra: String = "") -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return #"{"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct","title":"李娜"},"id":"\#(id)","sent_at":"2026-03-02T\#(time)+08:00","from":{"id":"\#(from)","name":"\#(name)"},"to":[{"id":"\#(to)"}],"text":"\#(escaped)"\#(extra)}"#
    }

    init() async throws {
        h = try await ServerHarness()
        let policyURL = h.folder.appendingPathComponent("policy.yaml")
        try Data(Self.policy.utf8).write(to: policyURL)
        _ = try PolicyService(archive: h.archive).apply(policyURL, actor: "test")
        let directoryURL = h.folder.appendingPathComponent("directory.yaml")
        try Data(Self.directory.utf8).write(to: directoryURL)
        _ = try DirectoryService(archive: h.archive).importFile(directoryURL, actor: "test")
        try h.importJSONL(Self.lines)
        var search = SearchRequest()
        search.limit = 100
        let hits = try SearchService(archive: h.archive).search(search, actor: "test").hits
        records = Dictionary(uniqueKeysWithValues: hits.map { ($0.source_id, $0.id) })
    }

    func alerts() throws -> [AlertSummary] { try AlertService(archive: h.archive).list(AlertQuery(), actor: "test") }
}

extension BrowserSession {
    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers)
    }
}
