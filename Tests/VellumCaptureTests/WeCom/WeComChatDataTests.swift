import Foundation
import Testing
import VellumCapture

@Suite("GetChatData response decoding")
struct WeComChatDataTests {
    @Test("The official example decodes and keeps the record's exact bytes")
    func officialExample() throws {
        let response = try WeComFixtures.data("getchatdata_response_official_example.json")
        let records = try WeComChatData.decode(response)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.seq == 196)
        #expect(record.msgid == "CAQQ2fbb4QUY0On2rYSAgAMgip/yzgs=")
        #expect(record.publicKeyVersion == 3)
        #expect(record.encryptRandomKey.hasPrefix("ftJ+uz3n"))
        #expect(Data(base64Encoded: record.encryptRandomKey)?.count == 256)
        #expect(record.encryptChatMessage.hasPrefix("898WSfGMnIey"))
        #expect(record.malformedField == nil)
        let text = String(decoding: response, as: UTF8.self)
        let start = text.range(of: "[")!.upperBound
        let end = text.range(of: "]", options: .backwards)!.lowerBound
        #expect(record.rawJSON == Data(text[start..<end].utf8))
    }

    @Test("Raw record bytes survive whitespace, escapes and nesting untouched")
    func rawBytesExact() throws {
        let first = #"{ "seq" : 7, "msgid":"a\"b]}", "publickey_ver":1, "encrypt_random_key":"QQ==", "encrypt_chat_msg":"\u0041", "extra":{"x":[1,{"y":"]"}]} }"#
        let second = #"{"seq":8,"msgid":"m8","publickey_ver":2,"encrypt_random_key":"QQ==","encrypt_chat_msg":"Zg=="}"#
        let response = "{\"errmsg\":\"ok\" , \"chatdata\" : [ \(first) ,\n\(second)], \"errcode\":0}"
        let records = try WeComChatData.decode(Data(response.utf8))
        #expect(records.map(\.seq) == [7, 8])
        #expect(records[0].rawJSON == Data(first.utf8))
        #expect(records[1].rawJSON == Data(second.utf8))
        #expect(records[0].msgid == "a\"b]}")
        #expect(records[0].encryptChatMessage == "A")
    }

    @Test("An empty chatdata array decodes to no records")
    func empty() throws {
        #expect(try WeComChatData.decode(Data(#"{"errcode":0,"errmsg":"ok","chatdata":[]}"#.utf8)).isEmpty)
    }

    @Test(
        "A non-zero errcode is an error with the right classification",
        arguments: [(Int64(40001), WeComSDKError.Classification.fatal), (-1, .retryable), (45009, .retryable), (301042, .fatal)])
    func errcode(code: Int64, classification: WeComSDKError.Classification) throws {
        let json = #"{"errcode":\#(code),"errmsg":"something","chatdata":[]}"#
        let error = try #require(throws: WeComSDKError.self) { try WeComChatData.decode(Data(json.utf8)) }
        #expect(error.classification == classification)
        #expect(error.vendorCode == code)
        if code == 40001 { #expect(error.code == .invalidSecret) }
    }

    @Test("A record with a missing field is kept and flagged; one without seq fails the response")
    func malformedRecords() throws {
        let json = #"{"errcode":0,"errmsg":"ok","chatdata":[{"seq":1,"msgid":"m","publickey_ver":"x","encrypt_random_key":"QQ==","encrypt_chat_msg":"Zg=="},{"seq":2,"msgid":"n","publickey_ver":1,"encrypt_random_key":"QQ=="}]}"#
        let records = try WeComChatData.decode(Data(json.utf8))
        #expect(records.map(\.malformedField) == ["publickey_ver", "encrypt_chat_msg"])

        let noSeq = #"{"errcode":0,"errmsg":"ok","chatdata":[{"msgid":"m"}]}"#
        let error = try #require(throws: WeComSDKError.self) { try WeComChatData.decode(Data(noSeq.utf8)) }
        #expect(error.classification == .fatal)
        #expect(error.description.contains("chatdata[0].seq"))
    }

    @Test("Non-JSON and JSON without chatdata are malformed responses", arguments: ["", "nope", "[]", #"{"errcode":0,"errmsg":"ok"}"#])
    func malformedResponse(text: String) throws {
        let error = try #require(throws: WeComSDKError.self) { try WeComChatData.decode(Data(text.utf8)) }
        if case .malformedResponse = error.code {} else { Issue.record("unexpected \(error)") }
    }
}

@Suite("WeComSDKError classification")
struct WeComSDKErrorTests {
    @Test(
        "Vendor codes are classified as documented",
        arguments: [
            (Int32(10000), WeComSDKError.Operation.getChatData, WeComSDKError.Classification.fatal),
            (10000, .decryptData, .quarantineRecord),
            (10001, .getChatData, .retryable),
            (10002, .decryptData, .quarantineRecord),
            (10003, .getChatData, .retryable),
            (10004, .decryptData, .quarantineRecord),
            (10005, .getMediaData, .quarantineRecord),
            (10006, .decryptData, .quarantineRecord),
            (10007, .decryptData, .quarantineRecord),
            (10008, .decryptData, .quarantineRecord),
            (10009, .getChatData, .fatal),
            (10010, .getMediaData, .quarantineRecord),
            (10011, .getChatData, .fatal),
            (40001, .initialize, .fatal),
            (12345, .getChatData, .fatal),
        ])
    func classification(code: Int32, operation: WeComSDKError.Operation, expected: WeComSDKError.Classification) {
        let error = WeComSDKError(vendorCode: code, operation: operation)
        #expect(error.classification == expected)
        #expect(error.vendorCode == Int64(code))
        #expect(!error.adminMessage.isEmpty)
        #expect(error.description.contains(String(code)))
    }

    @Test("Timeouts are retryable; the IP error tells the admin about the whitelist")
    func messages() {
        #expect(WeComSDKError(.timeout, operation: .getChatData).classification == .retryable)
        let ip = WeComSDKError(vendorCode: 10009, operation: .getChatData)
        #expect(ip.adminMessage.contains("whitelist"))
        #expect(WeComSDKError(.invalidSecret, operation: .initialize).adminMessage.contains("Secret"))
    }
}
