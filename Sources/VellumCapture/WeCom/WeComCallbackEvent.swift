/// A decrypted WeCom callback message (the plaintext XML from ``WXBizMsgCrypt``), e.g.
///
/// ```xml
/// <xml><ToUserName><![CDATA[CorpID]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>
/// <CreateTime>1629101687</CreateTime><MsgType><![CDATA[event]]></MsgType><AgentID>2000004</AgentID>
/// <Event><![CDATA[msgaudit_notify]]></Event></xml>
/// ```
public struct WeComCallbackEvent: Sendable, Hashable {
    /// Every child element of `<xml>` by name (CDATA and entities decoded).
    public var fields: [String: String]

    /// Parses the flat callback XML; throws ``WeComXMLError``.
    public init(xml: String) throws {
        self.fields = try WeComFlatXML.parse(xml)
    }

    public subscript(_ name: String) -> String? { fields[name] }

    public var toUserName: String? { fields["ToUserName"] }
    public var fromUserName: String? { fields["FromUserName"] }
    /// Unix seconds.
    public var createTime: Int64? { fields["CreateTime"].flatMap { Int64($0) } }
    public var msgType: String? { fields["MsgType"] }
    public var event: String? { fields["Event"] }
    public var changeType: String? { fields["ChangeType"] }
    public var agentID: String? { fields["AgentID"] }

    /// The session-archive "new messages are available" event (sent at most every 15 s): wake the puller.
    public var isMsgAuditNotify: Bool {
        msgType == "event" && event?.lowercased() == "msgaudit_notify"
    }
}
