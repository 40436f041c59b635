import Foundation
import Testing
import VellumCapture
import VellumCore

@Suite("WeCom decrypted messages: every msgtype maps to a kind (project fixtures)")
struct WeComMessageParserTests {
    let parser = WeComMessageParser()
    func m(_ id: String) throws -> Message { try WeComMessageFixtures.message(id) }

    @Test("every fixture line parses to exactly one message, with its raw bytes exact and the corp as account")
    func allLines() throws {
        let lines = try WeComMessageFixtures.parsedLines()
        #expect(lines.count == 39)
        for (line, bytes, results) in lines {
            #expect(results.count == 1, "line \(line)")
            guard let message = results.first?.weComMessage else {
                Issue.record("line \(line): \(results.first?.weComIssue?.description ?? "nothing")")
                continue
            }
            #expect(message.raw == bytes, "line \(line)")
            #expect(message.format == "wecom")
            #expect(message.source.channel == .wecom && message.source.account == "ww4f1c2d3e5a6b7c8d")
        }
    }

    @Test("kinds and native types by fixture line", arguments: [
        ("1", "text", "text"), ("2", "text", "text"), ("3", "text", "text"), ("4", "image", "image"),
        ("CAQQ7v3a4QUY0On2rYSAgAMgVx9kQw=", "image", "image"), ("6", "audio", "voice"), ("7", "video", "video"),
        ("8", "file", "file"), ("9", "sticker", "emotion"), ("10", "contact", "card"), ("11", "location", "location"),
        ("12", "link", "link"), ("13", "link", "weapp"), ("14", "bundle", "chatrecord"), ("15", "mixed", "mixed"),
        ("16", "text", "todo"), ("17", "poll", "vote"), ("18", "poll", "vote"), ("19", "interactive", "collect"),
        ("20", "payment", "redpacket"), ("21", "payment", "external_redpacket"), ("22", "meeting", "meeting"),
        ("23", "link", "docmsg"), ("24", "text", "markdown"), ("25", "link", "news"), ("26", "meeting", "calendar"),
        ("27", "call", "meeting_voice_call"), ("28", "file", "voip_doc_share"), ("29", "link", "sphfeed"),
        ("30", "call", "voiptext"), ("31", "file", "qydiskfile"), ("32", "recall", "revoke"), ("33", "consent", "agree"),
        ("34", "consent", "disagree"), ("35", "system", "switch"), ("36", "unknown", "meeting_notification"),
        ("37", "unknown", "sharenote"), ("38", "text", "text"), ("39", "text", "text"),
    ])
    func kinds(_ id: String, kind: String, nativeType: String) throws {
        let message = try m(id)
        #expect(message.kind == MessageKind(kind))
        #expect(message.nativeType == nativeType)
    }

    @Test("text: both directions of a 1:1 chat land in one direct conversation; time is UTC ms")
    func text() throws {
        let a = try m("1"), b = try m("2")
        #expect(a.text == "Please confirm the settlement amount by 5pm.")
        #expect(a.source.nativeID == "7001000000000000001_1718600000")
        #expect(a.sender == Party(id: "zhangwei") && a.recipients == [Party(id: "wmQ3kXaBAAxLq2vR9dWm0pEhT7sYfUcA")])
        #expect(a.conversation == Conversation(id: "wmQ3kXaBAAxLq2vR9dWm0pEhT7sYfUcA|zhangwei", kind: .direct))
        #expect(b.conversation == a.conversation)
        #expect(a.sentAt.rfc3339 == "2024-06-17T04:53:20Z" && a.sentAt.offsetSeconds == 0)
        #expect(a.fields["action"] == "send" && a.fields["external"] == "true")
        #expect(a.quotedText == nil)
    }

    @Test("a quoted reply splits at the first \\n------\\n: the quote to quotedText, the reply to text")
    func quotedReply() throws {
        let message = try m("2")
        #expect(message.quotedText == "张伟：明天上午十点在3号会议室开会")
        #expect(message.text == "好的，我会准时参加")
        let odd = parser.one(#"{"msgid":"q1","from":"a","tolist":["b"],"msgtime":1718600000000,"msgtype":"text","text":{"content":"\n------\nonly a reply"}}"#)?.weComMessage
        #expect(odd?.quotedText == nil && odd?.text == "\n------\nonly a reply")
        let twice = parser.one(#"{"msgid":"q2","from":"a","tolist":["b"],"msgtime":1718600000000,"msgtype":"text","text":{"content":"quote\n------\nreply\n------\nmore"}}"#)?.weComMessage
        #expect(twice?.quotedText == "quote" && twice?.text == "reply\n------\nmore")
    }

    @Test("raw control characters inside a string are kept in the text and the raw bytes stay exact")
    func controlCharacters() throws {
        let message = try m("3")
        #expect(message.text == "报价单\u{01}第二版\t含税\u{0B}final\u{1F}end")
        #expect(message.raw.contains(0x01) && message.raw.contains(0x1F))
        let file = try WeComMessageFixtures.data("control_characters.json")
        let results = parser.parse(file, file: "control_characters.json", line: 1, account: "")
        let whole = try #require(results.first?.weComMessage)
        #expect(whole.text == "第一行\nsecond line\r\n\tindented \"quoted\" \u{01}\u{1F} end")
        #expect(whole.raw == file)
        #expect(whole.source.account == "")
    }

    @Test("image: sdkfileid handle, md5 digest, size, made-up name and JPEG type")
    func image() throws {
        let message = try m("4")
        let media = try #require(message.media.first)
        #expect(message.media.count == 1 && message.text == nil)
        #expect(media.handle.count > 200)
        #expect(media.digests == ["md5": "a8a63b4d63a08aed720d0f5f249e07d9"])
        #expect(media.size == 245_311 && message.fields["filesize"] == "245311")
        #expect(media.name == "image-7001000000000000004_1718600030.jpg" && media.mediaType == "image/jpeg")
        #expect(media.note == "not fetched yet")
    }

    @Test("msgtime 0 is archived at the epoch with msgtime_missing; an uppercase md5 is lowercased")
    func msgtimeZero() throws {
        let message = try m("CAQQ7v3a4QUY0On2rYSAgAMgVx9kQw=")
        #expect(message.sentAt.seconds == 0 && message.fields["msgtime_missing"] == "true")
        let digest = try #require(message.media.first?.digests["md5"])
        #expect(digest == digest.lowercased() && digest.count == 32)
        #expect(message.media.first?.name == "image-CAQQ7v3a4QUY0On2rYSAgAMgVx9kQw_.jpg")
        let absent = parser.one(#"{"msgid":"t0","from":"a","tolist":["b"],"msgtype":"text","text":{"content":"x"}}"#)?.weComMessage
        #expect(absent?.fields["msgtime_missing"] == "true" && absent?.sentAt.seconds == 0)
    }

    @Test("msgtime in seconds is read as seconds")
    func msgtimeSeconds() throws {
        let message = try m("39")
        #expect(message.sentAt.rfc3339 == "2024-06-17T04:59:40Z" && message.fields["msgtime_missing"] == nil)
    }

    @Test("voice, video and emotion: AMR, MP4, PNG by emotion type")
    func voiceVideoEmotion() throws {
        let voice = try m("6"), video = try m("7"), emotion = try m("9")
        #expect(voice.media.first?.mediaType == "audio/amr" && voice.media.first?.size == 8402)
        #expect(voice.media.first?.name == "voice-7001000000000000006_1718600050.amr" && voice.fields["play_length"] == "7")
        #expect(video.media.first?.mediaType == "video/mp4" && video.media.first?.size == 9_123_456)
        #expect(video.fields["play_length"] == "42")
        #expect(emotion.media.first?.mediaType == "image/png" && emotion.media.first?.name?.hasSuffix(".png") == true)
        #expect(emotion.fields["type_name"] == "png" && emotion.fields["width"] == "240" && emotion.media.first?.size == 31744)
    }

    @Test("file: the file name is the text and the media name; the type comes from the extension")
    func file() throws {
        let message = try m("8")
        #expect(message.text == "2024年度框架合同-终稿.pdf")
        #expect(message.media.first?.name == "2024年度框架合同-终稿.pdf" && message.media.first?.mediaType == "application/pdf")
        #expect(message.fields["fileext"] == "pdf" && message.fields["filesize"] == "532110")
    }

    @Test("card, location, link and weapp put what search must see into the text")
    func textualKinds() throws {
        let card = try m("10"), location = try m("11"), link = try m("12"), weapp = try m("13")
        #expect(card.text == "上海远帆贸易有限公司\nwmQ3kXaBAAcardUserX9dWm0pEhT7sY" && card.fields["corpname"] == "上海远帆贸易有限公司")
        #expect(location.text == "环球金融中心\n上海市浦东新区世纪大道100号")
        #expect(location.fields["latitude"] == "31.239703" && location.fields["longitude"] == "121.499763")
        #expect(location.fields["zoom"] == "15")
        #expect(link.text == "Q2 market outlook\nRates, FX and credit — what to expect\nhttps://research.example.com/q2-outlook")
        #expect(link.fields["image_url"] == "https://research.example.com/cover.png")
        #expect(weapp.text == "远帆证券服务\n预约开户\n在线预约，快速办理" && weapp.fields["username"] == "gh_4f2a9c7e1b3d@app")
    }

    @Test("chatrecord: item contents are JSON strings, parsed again, recursively through mixed and nested records")
    func chatrecord() throws {
        let message = try m("14")
        #expect(message.forwarded)
        #expect(message.text == """
            群聊的聊天记录
            [2024-06-17T04:36:40Z] 第一条：价格确认
            [2024-06-17T04:37:40Z] [image]
            [2024-06-17T04:38:40Z] 附件是对账单
            [2024-06-17T04:39:40Z] 李娜和王强的聊天记录
              [2024-06-17T02:06:40Z] inner hello
              [2024-06-17T02:07:40Z] 对账单.xlsx
            """)
        let f = message.fields
        #expect(f["title"] == "群聊的聊天记录" && f["item_count"] == "4")
        #expect(f["items.0.type"] == "ChatRecordText" && f["items.0.text"] == "第一条：价格确认")
        #expect(f["items.0.msgtime"] == "2024-06-17T04:36:40Z" && f["items.0.from_chatroom"] == "true")
        #expect(f["items.1.msgtime"] == "2024-06-17T04:37:40Z", "ms and s both read right")
        #expect(f["items.2.type"] == "ChatRecordMixed" && f["items.2.items.0.text"] == "附件是对账单")
        #expect(f["items.2.items.1.type"] == "image")
        #expect(f["items.3.title"] == "李娜和王强的聊天记录" && f["items.3.items.1.filename"] == "对账单.xlsx")
        #expect(f["items.3.items.1.msgtime"] == "2024-06-17T02:07:40Z")
        let names = message.media.map { $0.name ?? "" }
        #expect(names == [
            "image-7001000000000000014_1718600130-1.jpg", "image-7001000000000000014_1718600130-2.1.jpg", "对账单.xlsx",
        ])
        #expect(message.media.allSatisfy { !$0.handle.isEmpty && $0.digests["md5"]?.count == 32 })
        #expect(message.media[2].mediaType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    @Test("a chatrecord item without content is shown by its type and flagged, not quarantined")
    func itemWithoutContent() throws {
        let line = #"{"msgid":"c0","from":"a","tolist":["b"],"msgtime":1718600000000,"msgtype":"chatrecord","chatrecord":{"title":"t","item":[{"type":"ChatRecordVoice","msgtime":1718599000},{"type":"ChatRecordText","msgtime":1718599001,"content":"{\"content\":\"hi\"}"}]}}"#
        let message = try #require(parser.one(line)?.weComMessage)
        #expect(message.text == "t\n[2024-06-17T04:36:40Z] [voice]\n[2024-06-17T04:36:41Z] hi")
        #expect(message.fields["items.0.content_missing"] == "true" && message.fields["items.0.type"] == "ChatRecordVoice")
    }

    @Test("mixed: texts joined, each part's file a media reference, a group conversation by roomid")
    func mixed() throws {
        let message = try m("15")
        #expect(message.text == "Here is the signed copy:\nsigned.pdf")
        #expect(message.media.map(\.name) == ["image-7001000000000000015_1718600140-1.jpg", "signed.pdf"])
        #expect(message.media.map(\.size) == [13177, 88000])
        #expect(message.fields["items.1.type"] == "image" && message.fields["items.2.filename"] == "signed.pdf")
        #expect(message.conversation == Conversation(id: "wrGroupDesk0001AAAA", kind: .group))
        #expect(message.recipients.map(\.id) == ["lina", "wangqiang"])
    }

    @Test("todo and markdown are text")
    func todoMarkdown() throws {
        #expect(try m("16").text == "跟进客户回款\n周五前联系财务确认到账")
        #expect(try m("16").fields["title"] == "跟进客户回款")
        #expect(try m("24").text == "**Reminder**: trade cut-off is 15:00 today.\n请及时提交。")
    }

    @Test("vote: nested under `vote` and at top level both read; voteid as string or number")
    func vote() throws {
        let nested = try m("17"), top = try m("18")
        #expect(nested.text == "团建地点\n杭州\n苏州\nStay in Shanghai")
        #expect(nested.fields["voteitem.2"] == "Stay in Shanghai" && nested.fields["votetype_name"] == "start")
        #expect(nested.fields["voteid"] == "1718600160")
        #expect(top.text == "团建地点\n苏州" && top.fields["voteitem.0"] == "苏州" && top.fields["voteitem.1"] == nil)
        #expect(top.fields["votetype"] == "102" && top.fields["votetype_name"] == "vote" && top.fields["voteid"] == "1718600160")
    }

    @Test("collect: a form, titled by its room name, questions in the text")
    func collect() throws {
        let message = try m("19")
        #expect(message.conversation.title == "交易台")
        #expect(message.text == "客户信息登记\n客户姓名\n开户金额\n预约日期")
        #expect(message.fields["details.1.ques"] == "开户金额" && message.fields["details.1.type"] == "Number")
        #expect(message.fields["create_time"] == "2024-06-17 12:56:20")
    }

    @Test("red packets: amount in fen to amount_fen and ¥ text with the wish; external ones read from `redpacket`")
    func redpackets() throws {
        let red = try m("20"), external = try m("21")
        #expect(red.text == "¥12.34\n恭喜发财，大吉大利" && red.fields["amount_fen"] == "1234")
        #expect(red.fields["type_name"] == "lucky" && red.fields["totalcnt"] == "5" && red.fields["wish"] == "恭喜发财，大吉大利")
        #expect(external.text == "¥88.00\nThanks for the referral" && external.fields["amount_fen"] == "8800")
    }

    @Test("meeting and calendar: times in seconds become RFC 3339; a uint64 meetingid is kept exactly")
    func meetingCalendar() throws {
        let meeting = try m("22"), calendar = try m("26")
        #expect(meeting.fields["starttime"] == "2024-06-17T06:00:00Z" && meeting.fields["endtime"] == "2024-06-17T07:00:00Z")
        #expect(meeting.fields["meetingid"] == "18446744073709551000")
        #expect(meeting.fields["status_name"] == "join" && meeting.fields["meetingtype_name"] == "invite")
        #expect(meeting.text == "季度复盘会\n3号会议室\n请带上报表")
        #expect(calendar.fields["starttime"] == "2024-06-17T08:00:00Z" && calendar.fields["attendeename.1"] == "王强")
        #expect(calendar.text == "客户拜访\n客户办公室\n携带合同" && calendar.fields["creatorname"] == "张伟")
    }

    @Test("docmsg reads `doc`, news reads `info` items")
    func docNews() throws {
        let doc = try m("23"), news = try m("25")
        #expect(doc.text == "客户尽调清单\nhttps://doc.weixin.qq.com/sheet/e3_example" && doc.fields["doc_creator"] == "lina")
        #expect(news.fields["items.1.title"] == "Weekly FX digest" && news.fields["items.0.picurl"] == "https://news.example.cn/a1.jpg")
        #expect(news.text?.contains("央行下调存款准备金率") == true && news.text?.contains("USD/CNH range-bound") == true)
    }

    @Test("meeting_voice_call and voip_doc_share: no roomid key, top-level voiceid/voipid kept")
    func calls() throws {
        let call = try m("27"), share = try m("28")
        #expect(call.fields["voiceid"] == "grb1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6")
        #expect(call.fields["demofiledata.0.filename"] == "路演材料.pptx" && call.fields["demofiledata.0.starttime"] == "2024-06-17T04:58:20Z")
        #expect(call.fields["sharescreendata.0.share"] == "lina" && call.fields["endtime"] == "2024-06-17T05:08:20Z")
        #expect(call.text == "路演材料.pptx" && call.media.count == 1 && call.media[0].mediaType == nil)
        #expect(call.conversation == Conversation(id: "lina|wangqiang|zhangwei", kind: .group), "three parties, no roomid")
        #expect(share.fields["voipid"] == "gr9f8e7d6c5b4a39281706f5e4d3c2b1a0" && share.text == "Term sheet v3.docx")
        #expect(share.media.first?.name == "Term sheet v3.docx" && share.media.first?.size == 40960)
        #expect(share.conversation == Conversation(id: "lina|zhangwei", kind: .direct))
    }

    @Test("sphfeed, voiptext and qydiskfile")
    func feedCallDisk() throws {
        let feed = try m("29"), call = try m("30"), disk = try m("31")
        #expect(feed.source.nativeID == "7001000000000000029_1718600280_external" && feed.fields["external"] == "true")
        #expect(feed.text == "财经早知道\n今日市场要点\n#财经#市场" && feed.fields["feed_type_name"] == "video")
        #expect(call.fields["callduration"] == "95" && call.fields["invitetype_name"] == "voice" && call.text == nil)
        #expect(disk.text == "风控手册2024.pdf" && disk.media.first?.handle == "" && disk.media.first?.mediaType == "application/pdf")
    }

    @Test("revoke maps to a recall of pre_msgid whether it comes before or after the original")
    func revoke() throws {
        let lines = WeComMessageFixtures.lines(try WeComMessageFixtures.data("messages.jsonl"))
        let original = lines[0], recall = lines[31]
        for order in [[original, recall], [recall, original]] {
            let messages = order.enumerated().compactMap { i, bytes in
                parser.parse(bytes, file: "f", line: i + 1, account: "corp").first?.weComMessage
            }
            #expect(messages.count == 2)
            let r = try #require(messages.first { $0.kind == .recall })
            let o = try #require(messages.first { $0.kind == .text })
            #expect(r.revision == .recall(of: o.source.nativeID))
            #expect(r.source.sibling(r.revision!.targetID) == o.source)
            #expect(r.fields["action"] == "recall" && r.text == nil)
        }
    }

    @Test("agree and disagree read their own payload keys; ms and s times both read")
    func consent() throws {
        let agree = try m("33"), disagree = try m("34")
        #expect(agree.fields["decision"] == "agree" && agree.fields["userid"] == "wmQ3kXaBAAxLq2vR9dWm0pEhT7sYfUcA")
        #expect(agree.fields["time"] == "2024-06-17T04:58:40Z")
        #expect(disagree.fields["decision"] == "disagree" && disagree.fields["userid"] == "woPq8zCgAAkT2nRfYx4LmVb7HdEs1WqA")
        #expect(disagree.fields["time"] == "2024-06-17T04:58:50Z")
    }

    @Test("a switch record has no from/tolist/msgtype: kind system, the user as sender, time in ms")
    func switchRecord() throws {
        let message = try m("7001000000000000035")
        #expect(message.sender == Party(id: "zhangwei") && message.recipients.isEmpty)
        #expect(message.sentAt.rfc3339 == "2024-06-17T04:59:00Z" && message.fields["user"] == "zhangwei")
        #expect(message.conversation == Conversation(id: "zhangwei|zhangwei", kind: .direct))
        #expect(message.fields["action"] == "switch")
    }

    @Test("unknown msgtypes: kind unknown, raw kept, text and files salvaged where the usual keys are")
    func unknown() throws {
        let notification = try m("36"), bare = try m("37")
        #expect(notification.text == "会议即将开始" && notification.media.count == 1)
        #expect(notification.media.first?.size == 300 && notification.media.first?.digests["md5"] != nil)
        #expect(bare.text == nil && bare.media.isEmpty && bare.raw.count > 50)
        let odd = parser.one(#"{"msgid":"u1","from":"a","tolist":["b"],"msgtime":1,"msgtype":"future_type","future_type":"not an object","info":7}"#)
        #expect(odd?.weComMessage?.kind == .unknown, "an unknown type's odd shape is archived, not rejected")
    }

    @Test("a group message keeps its roomid as the conversation")
    func group() throws {
        let message = try m("38")
        #expect(message.conversation == Conversation(id: "wrGroupDesk0001AAAA", kind: .group))
        #expect(message.fields["external"] == nil)
    }

    @Test("the seq the puller passes goes to fields")
    func seqParameter() {
        let line = #"{"msgid":"s1","action":"send","from":"a","tolist":["b"],"roomid":"","msgtime":1718600000000,"msgtype":"text","text":{"content":"x"}}"#
        let results = parser.parse(Data(line.utf8), file: "f", line: 1, account: "corp", seq: 18_446_744_073_709_551_615)
        #expect(results.first?.weComMessage?.fields["seq"] == "18446744073709551615")
    }
}

@Suite("WeCom GetChatData responses whose records are already decrypted")
struct WeComResponseTests {
    let parser = WeComMessageParser()

    @Test("each record becomes a result with its seq; raw is the record's own bytes; an encrypted record is an issue")
    func response() throws {
        let bytes = try WeComMessageFixtures.data("getchatdata_decrypted.json")
        let results = parser.parse(bytes, file: "resp.jsonl", line: 4, account: "corp")
        #expect(results.count == 5)
        let messages = results.compactMap(\.weComMessage)
        #expect(messages.map(\.fields["seq"]) == ["1001", "1002", "1003", "1004"])
        #expect(messages.map(\.kind) == [.text, .file, .system, .text])
        #expect(messages[0].text == "对冲\u{02}比例")
        #expect(messages[1].text == "报价.xlsx" && messages[1].media.first?.size == 12345)
        #expect(messages[2].sender.id == "lina" && messages[3].text == "flattened record")
        for message in messages {
            #expect(bytes.range(of: message.raw) != nil, "raw is a slice of the response")
            #expect(message.raw.first == UInt8(ascii: "{") && message.raw.last == UInt8(ascii: "}"))
            #expect(String(decoding: message.raw, as: UTF8.self).hasPrefix(#"{"seq":"#))
        }
        #expect(messages[0].raw.contains(0x02), "the raw control byte is kept")
        let issue = try #require(results[4].weComIssue)
        #expect(issue.field == "chatdata[4]" && issue.reason.contains("encrypted") && issue.line == 4)
    }

    @Test("errors inside a record are named by their path in the response")
    func nestedErrors() {
        let line = #"{"errcode":0,"errmsg":"ok","chatdata":[{"seq":1,"msgid":"a","message":{"msgid":"a","from":"x","tolist":[],"msgtime":1,"msgtype":"text","text":{"content":5}}},{"seq":2,"msg":42},{"seq":3,"msgid":"c","decrypted_msg":"{not json"}]}"#
        let results = parser.parse(Data(line.utf8), file: "f", line: 2, account: "")
        #expect(results.map(\.weComIssue?.field) == ["chatdata[0].message.text.content", "chatdata[1].msg", "chatdata[2].decrypted_msg"])
    }

    @Test("a response reporting an error, and one with no records")
    func errcodes() {
        let failed = parser.parse(Data(#"{"errcode":10001,"errmsg":"network","chatdata":[]}"#.utf8), file: "f", line: 1, account: "")
        #expect(failed.first?.weComIssue?.field == "errcode")
        #expect(parser.parse(Data(#"{"errcode":0,"errmsg":"ok","chatdata":[]}"#.utf8), file: "f", line: 1, account: "").isEmpty)
    }

    @Test("a decrypted message without msgid takes the record's; a different record msgid is kept aside")
    func msgids() {
        let line = #"{"chatdata":[{"seq":7,"msgid":"rec-7","message":{"from":"a","tolist":["b"],"msgtime":1,"msgtype":"text","text":{"content":"x"}}},{"seq":8,"msgid":"rec-8","message":{"msgid":"own-8","from":"a","tolist":["b"],"msgtime":1,"msgtype":"text","text":{"content":"y"}}}]}"#
        let messages = parser.parse(Data(line.utf8), file: "f", line: 1, account: "").compactMap(\.weComMessage)
        #expect(messages.map(\.source.nativeID) == ["rec-7", "own-8"])
        #expect(messages[1].fields["chatdata_msgid"] == "rec-8" && messages[0].fields["chatdata_msgid"] == nil)
    }
}

@Suite("WeCom issues name the line and the field, never the content")
struct WeComIssueTests {
    let parser = WeComMessageParser()

    @Test("bad lines become issues", arguments: [
        ("not json", nil as String?, "not valid JSON"),
        ("[1,2]", nil, "not a JSON object"),
        (#"{"from":"a","tolist":[],"msgtime":1,"msgtype":"text","text":{"content":"SECRET-PAYLOAD"}}"#, "msgid", "missing"),
        (#"{"msgid":"","from":"a","msgtime":1,"msgtype":"text","text":{"content":"SECRET-PAYLOAD"}}"#, "msgid", "empty"),
        (#"{"msgid":123,"from":"a","msgtime":1,"msgtype":"text","text":{"content":"SECRET-PAYLOAD"}}"#, "msgid", "a string"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"text","text":{"content":5}}"#, "text.content", "a string"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"text","text":{}}"#, "text.content", "missing"),
        (#"{"msgid":"1","action":"send","from":"a","msgtime":1,"text":{"content":"SECRET-PAYLOAD"}}"#, "msgtype", "missing"),
        (#"{"msgid":"1","msgtime":1,"msgtype":"text","text":{"content":"SECRET-PAYLOAD"}}"#, "from", "missing"),
        (#"{"msgid":"1","from":"a","tolist":[{"x":"SECRET-PAYLOAD"}],"msgtime":1,"msgtype":"text","text":{"content":"x"}}"#, "tolist[0]", "a string"),
        (#"{"msgid":"1","from":"a","msgtime":"SECRET-PAYLOAD","msgtype":"text","text":{"content":"x"}}"#, "msgtime", "an integer"),
        (#"{"msgid":"1","action":"recall","from":"a","msgtime":1,"msgtype":"revoke","revoke":{}}"#, "revoke.pre_msgid", "missing"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"image","image":"SECRET-PAYLOAD"}"#, "image", "an object"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"image"}"#, "image", "missing"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"file","file":{"filename":"x.pdf","filesize":"SECRET-PAYLOAD"}}"#, "file.filesize", "an integer"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"chatrecord","chatrecord":{"item":[{"type":"ChatRecordText","content":"SECRET-PAYLOAD"}]}}"#, "chatrecord.item[0].content", "JSON object in a string"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"chatrecord","chatrecord":{"item":[{"type":"ChatRecordText","content":9}]}}"#, "chatrecord.item[0].content", "wrong type"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"mixed","mixed":{"item":[{"type":"text","content":"{\"content\":[\"SECRET-PAYLOAD\"]}"}]}}"#, "mixed.item[0].content.content", "a string"),
        (#"{"msgid":"1","from":"a","msgtime":1,"msgtype":"vote","vote":{"voteitem":"SECRET-PAYLOAD"}}"#, "vote.voteitem", "an array"),
        (#"{"msgid":"1","action":"switch","time":1}"#, "user", "missing"),
    ])
    func issues(_ line: String, field: String?, reasonPart: String) throws {
        let issue = try #require(parser.one(line, line: 12)?.weComIssue)
        #expect(issue.file == "t.jsonl" && issue.line == 12)
        #expect(issue.field == field)
        #expect(issue.reason.contains(reasonPart), "\(issue.reason)")
        #expect(!issue.description.contains("SECRET"))
    }

    @Test("chatrecords nested too deeply are an issue, not a crash")
    func depth() throws {
        var content = #"{"content":"bottom"}"#
        var type = "ChatRecordText"
        for _ in 0 ..< 12 {
            let item = #"{"item":[{"type":"\#(type)","msgtime":1,"content":\#(jsonString(content))}]}"#
            content = item
            type = "ChatRecord"
        }
        let line = #"{"msgid":"deep","from":"a","msgtime":1,"msgtype":"chatrecord","chatrecord":\#(content)}"#
        let issue = try #require(parser.one(line)?.weComIssue)
        #expect(issue.reason.contains("nested"))
        #expect(issue.field?.hasPrefix("chatrecord.item[0].content.item[0]") == true)
    }

    func jsonString(_ s: String) -> String {
        String(decoding: try! JSONEncoder().encode(s), as: UTF8.self)
    }
}
