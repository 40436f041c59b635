#!/usr/bin/env python3
"""Writes the project's own WeCom decrypted-message fixtures into this folder.

Values are made up for Vellum, in the shapes of formats.md §A.4-A.5. Control characters are inserted
as RAW bytes (invalid JSON on purpose) where marked, to exercise the sanitizer."""
import base64, hashlib, json, os

OUT = os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT, exist_ok=True)

def fid(seed):  # an sdkfileid-looking handle
    return base64.b64encode(hashlib.sha256(seed.encode()).digest() * 6).decode()

def md5(seed):
    return hashlib.md5(seed.encode()).hexdigest()

def j(o):
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"))

T = 1718600000000  # 2024-06-17T04:53:20Z in ms
def msg(mid, t_off, msgtype, payload_key, payload, frm="zhangwei", to=("wmQ3kXaBAAxLq2vR9dWm0pEhT7sYfUcA",),
        room="", extra=None, action="send", room_key=True):
    o = {"msgid": mid, "action": action, "from": frm, "tolist": list(to)}
    if room_key:
        o["roomid"] = room
    o["msgtime"] = T + t_off
    o["msgtype"] = msgtype
    if extra:
        o.update(extra)
    if payload_key is not None:
        o[payload_key] = payload
    return o

lines = []
A = lines.append
A(j(msg("7001000000000000001_1718600000", 0, "text", "text", {"content": "Please confirm the settlement amount by 5pm."})))
A(j(msg("7001000000000000002_1718600010", 10_000, "text", "text",
        {"content": "张伟：明天上午十点在3号会议室开会\n------\n好的，我会准时参加"},
        frm="wmQ3kXaBAAxLq2vR9dWm0pEhT7sYfUcA", to=("zhangwei",))))
# Raw control bytes inside the string (0x01, TAB, 0x0B, 0x1F); the marker is replaced below.
A(j(msg("7001000000000000003_1718600020", 20_000, "text", "text", {"content": "CTRL_MARKER"})).replace(
    "CTRL_MARKER", "报价单\x01第二版\t含税\x0bfinal\x1fend"))
A(j(msg("7001000000000000004_1718600030", 30_000, "image", "image",
        {"md5sum": md5("img1"), "filesize": 245311, "sdkfileid": fid("img1")})))
img0 = msg("CAQQ7v3a4QUY0On2rYSAgAMgVx9kQw=", 0, "image", "image",
           {"md5sum": md5("img0").upper(), "filesize": 1024, "sdkfileid": fid("img0")})
img0["msgtime"] = 0
A(j(img0))
A(j(msg("7001000000000000006_1718600050", 50_000, "voice", "voice",
        {"md5sum": md5("voice"), "voice_size": 8402, "play_length": 7, "sdkfileid": fid("voice")})))
A(j(msg("7001000000000000007_1718600060", 60_000, "video", "video",
        {"md5sum": md5("video"), "filesize": 9123456, "play_length": 42, "sdkfileid": fid("video")})))
A(j(msg("7001000000000000008_1718600070", 70_000, "file", "file",
        {"md5sum": md5("file"), "filename": "2024年度框架合同-终稿.pdf", "fileext": "pdf", "filesize": 532110,
         "sdkfileid": fid("file")})))
A(j(msg("7001000000000000009_1718600080", 80_000, "emotion", "emotion",
        {"type": 2, "width": 240, "height": 240, "imagesize": 31744, "md5sum": md5("emo"), "sdkfileid": fid("emo")})))
A(j(msg("7001000000000000010_1718600090", 90_000, "card", "card",
        {"corpname": "上海远帆贸易有限公司", "userid": "wmQ3kXaBAAcardUserX9dWm0pEhT7sY"})))
A(j(msg("7001000000000000011_1718600100", 100_000, "location", "location",
        {"longitude": 121.499763, "latitude": 31.239703, "address": "上海市浦东新区世纪大道100号", "title": "环球金融中心",
         "zoom": 15})))
A(j(msg("7001000000000000012_1718600110", 110_000, "link", "link",
        {"title": "Q2 market outlook", "description": "Rates, FX and credit — what to expect",
         "link_url": "https://research.example.com/q2-outlook", "image_url": "https://research.example.com/cover.png"})))
A(j(msg("7001000000000000013_1718600120", 120_000, "weapp", "weapp",
        {"title": "预约开户", "description": "在线预约，快速办理", "username": "gh_4f2a9c7e1b3d@app", "displayname": "远帆证券服务"})))

# chatrecord: items' content are JSON strings; a mixed item and a nested chatrecord nest further.
mixed_inner = {"item": [
    {"type": "text", "content": j({"content": "附件是对账单"})},
    {"type": "image", "content": j({"md5sum": md5("cr-mixed-img"), "filesize": 777, "sdkfileid": fid("cr-mixed-img")})}]}
nested_record = {"title": "李娜和王强的聊天记录", "item": [
    {"type": "ChatRecordText", "msgtime": 1718590000, "content": j({"content": "inner hello"}), "from_chatroom": False},
    {"type": "ChatRecordFile", "msgtime": 1718590060000, "content": j({"md5sum": md5("cr-inner-file"), "filename": "对账单.xlsx",
        "fileext": "xlsx", "filesize": 20480, "sdkfileid": fid("cr-inner-file")}), "from_chatroom": False}]}
chatrecord = {"title": "群聊的聊天记录", "item": [
    {"type": "ChatRecordText", "msgtime": 1718599000, "content": j({"content": "第一条：价格确认"}), "from_chatroom": True},
    {"type": "ChatRecordImage", "msgtime": 1718599060000, "content": j({"md5sum": md5("cr-img"), "filesize": 4096,
        "sdkfileid": fid("cr-img")}), "from_chatroom": True},
    {"type": "ChatRecordMixed", "msgtime": 1718599120, "content": j(mixed_inner), "from_chatroom": False},
    {"type": "ChatRecord", "msgtime": 1718599180, "content": j(nested_record), "from_chatroom": False}]}
A(j(msg("7001000000000000014_1718600130", 130_000, "chatrecord", "chatrecord", chatrecord)))
A(j(msg("7001000000000000015_1718600140", 140_000, "mixed", "mixed", {"item": [
    {"type": "text", "content": j({"content": "Here is the signed copy:"})},
    {"type": "image", "content": j({"md5sum": md5("mixed-img"), "filesize": 13177, "sdkfileid": fid("mixed-img")})},
    {"type": "file", "content": j({"md5sum": md5("mixed-file"), "filename": "signed.pdf", "fileext": "pdf",
                                    "filesize": 88000, "sdkfileid": fid("mixed-file")})}]},
    room="wrGroupDesk0001AAAA", to=("lina", "wangqiang"))))
A(j(msg("7001000000000000016_1718600150", 150_000, "todo", "todo", {"title": "跟进客户回款", "content": "周五前联系财务确认到账"})))
A(j(msg("7001000000000000017_1718600160", 160_000, "vote", "vote",
        {"votetitle": "团建地点", "voteitem": ["杭州", "苏州", "Stay in Shanghai"], "votetype": 101, "voteid": "1718600160"},
        room="wrGroupDesk0001AAAA", to=("lina", "wangqiang"))))
A(j(msg("7001000000000000018_1718600170", 170_000, "vote", None, None,
        extra={"votetitle": "团建地点", "voteitem": ["苏州"], "votetype": 102, "voteid": 1718600160},
        frm="lina", room="wrGroupDesk0001AAAA", to=("zhangwei", "wangqiang"))))
A(j(msg("7001000000000000019_1718600180", 180_000, "collect", "collect",
        {"room_name": "交易台", "creator": "zhangwei", "create_time": "2024-06-17 12:56:20", "title": "客户信息登记",
         "details": [{"id": 1, "ques": "客户姓名", "type": "Text"}, {"id": 2, "ques": "开户金额", "type": "Number"},
                     {"id": 3, "ques": "预约日期", "type": "Date"}]},
        room="wrGroupDesk0001AAAA", to=("lina", "wangqiang"))))
A(j(msg("7001000000000000020_1718600190", 190_000, "redpacket", "redpacket",
        {"type": 2, "wish": "恭喜发财，大吉大利", "totalcnt": 5, "totalamount": 1234},
        room="wrGroupDesk0001AAAA", to=("lina", "wangqiang"))))
A(j(msg("7001000000000000021_1718600200", 200_000, "external_redpacket", "redpacket",
        {"type": 1, "wish": "Thanks for the referral", "totalcnt": 1, "totalamount": 8800})))
A(j(msg("7001000000000000022_1718600210", 210_000, "meeting", "meeting",
        {"topic": "季度复盘会", "starttime": 1718604000, "endtime": 1718607600, "address": "3号会议室", "remarks": "请带上报表",
         "meetingtype": 101, "meetingid": 18446744073709551000, "status": 1},
        room="wrGroupDesk0001AAAA", to=("lina", "wangqiang"))))
A(j(msg("7001000000000000023_1718600220", 220_000, "docmsg", "doc",
        {"title": "客户尽调清单", "doc_creator": "lina", "link_url": "https://doc.weixin.qq.com/sheet/e3_example"},
        room="wrGroupDesk0001AAAA", to=("lina", "wangqiang"))))
A(j(msg("7001000000000000024_1718600230", 230_000, "markdown", "info",
        {"content": "**Reminder**: trade cut-off is 15:00 today.\n请及时提交。"}, frm="wbBotAlerts01",
        room="wrGroupDesk0001AAAA", to=("zhangwei", "lina"))))
A(j(msg("7001000000000000025_1718600240", 240_000, "news", "info", {"item": [
    {"title": "央行下调存款准备金率", "description": "释放长期资金约1万亿元", "url": "https://news.example.cn/a1",
     "picurl": "https://news.example.cn/a1.jpg"},
    {"title": "Weekly FX digest", "description": "USD/CNH range-bound", "url": "https://news.example.com/fx",
     "picurl": "https://news.example.com/fx.jpg"}]}, room="wrGroupDesk0001AAAA", to=("zhangwei", "lina"))))
A(j(msg("7001000000000000026_1718600250", 250_000, "calendar", "calendar",
        {"title": "客户拜访", "creatorname": "张伟", "attendeename": ["李娜", "王强"], "starttime": 1718611200,
         "endtime": 1718614800, "place": "客户办公室", "remarks": "携带合同"},
        room="wrGroupDesk0001AAAA", to=("lina", "wangqiang"))))
A(j(msg("7001000000000000027_1718600260", 260_000, "meeting_voice_call", "meeting_voice_call",
        {"endtime": 1718600900, "sdkfileid": fid("call"),
         "demofiledata": [{"filename": "路演材料.pptx", "demooperator": "zhangwei", "starttime": 1718600300,
                           "endtime": 1718600600}],
         "sharescreendata": [{"share": "lina", "starttime": 1718600700, "endtime": 1718600760}]},
        to=("lina", "wangqiang"), extra={"voiceid": "grb1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6"}, room_key=False)))
A(j(msg("7001000000000000028_1718600270", 270_000, "voip_doc_share", "voip_doc_share",
        {"filename": "Term sheet v3.docx", "md5sum": md5("voipdoc"), "filesize": 40960, "sdkfileid": fid("voipdoc")},
        to=("lina",), extra={"voipid": "gr9f8e7d6c5b4a39281706f5e4d3c2b1a0"}, room_key=False)))
A(j(msg("7001000000000000029_1718600280_external", 280_000, "sphfeed", "sphfeed",
        {"feed_type": 4, "sph_name": "财经早知道", "feed_desc": "今日市场要点\n#财经#市场"})))
A(j(msg("7001000000000000030_1718600290", 290_000, "voiptext", "info", {"callduration": 95, "invitetype": 2})))
A(j(msg("7001000000000000031_1718600300", 300_000, "qydiskfile", "info", {"filename": "风控手册2024.pdf"})))
A(j(msg("7001000000000000032_1718600310", 310_000, "revoke", "revoke", {"pre_msgid": "7001000000000000001_1718600000"},
        action="recall")))
A(j(msg("7001000000000000033_1718600320", 320_000, "agree", "agree",
        {"userid": "wmQ3kXaBAAxLq2vR9dWm0pEhT7sYfUcA", "agree_time": T + 320_000},
        frm="wmQ3kXaBAAxLq2vR9dWm0pEhT7sYfUcA", to=("zhangwei",))))
A(j(msg("7001000000000000034_1718600330", 330_000, "disagree", "disagree",
        {"userid": "woPq8zCgAAkT2nRfYx4LmVb7HdEs1WqA", "disagree_time": 1718600330},  # seconds on purpose
        frm="woPq8zCgAAkT2nRfYx4LmVb7HdEs1WqA", to=("zhangwei",))))
A(j({"msgid": "7001000000000000035", "action": "switch", "time": T + 340_000, "user": "zhangwei"}))
A(j(msg("7001000000000000036_1718600350", 350_000, "meeting_notification", "meeting_notification",
        {"meeting_id": 99887766, "notification_type": 1, "content": "会议即将开始",
         "sdkfileid": fid("notif"), "md5sum": md5("notif"), "filesize": 300},
        room="wrGroupDesk0001AAAA", to=("lina",))))
A(j(msg("7001000000000000037_1718600360", 360_000, "sharenote", None, None)))
A(j(msg("7001000000000000038_1718600370", 370_000, "text", "text", {"content": "收到，谢谢大家"},
        frm="lina", room="wrGroupDesk0001AAAA", to=("zhangwei", "wangqiang"))))
# msgtime in seconds instead of ms
s = msg("7001000000000000039_1718600380", 0, "text", "text", {"content": "msgtime given in seconds"})
s["msgtime"] = 1718600380
A(j(s))

with open(os.path.join(OUT, "messages.jsonl"), "wb") as f:
    f.write(("\n".join(lines) + "\n").encode("utf-8"))

# One decrypted message with raw LF, CR, TAB, 0x01 and 0x1F inside strings and pretty-printed
# whitespace outside them, as a whole file (a raw LF cannot sit in a JSON-lines line).
ctrl = ('{\n\t"msgid": "7001000000000000040_1718600390",\r\n\t"action": "send",\n\t"from": "wangqiang",\n'
        '\t"tolist": ["zhangwei"],\n\t"roomid": "",\n\t"msgtime": 1718600390000,\n\t"msgtype": "text",\n'
        '\t"text": {"content": "第一行\nsecond line\r\n\tindented \\"quoted\\" \x01\x1f end"}\n}\n')
with open(os.path.join(OUT, "control_characters.json"), "wb") as f:
    f.write(ctrl.encode("utf-8"))

# A GetChatData response whose records were decrypted by the capture: an object under "message",
# a JSON string under "decrypted_msg", a switch record under "msg", a record flattened with seq,
# and one still-encrypted record (an issue).
m1 = msg("7001000000000000041_1718600400", 400_000, "text", "text", {"content": "CTRL2"})
m2 = msg("7001000000000000042_1718600410", 410_000, "file", "file",
         {"md5sum": md5("resp-file"), "filename": "报价.xlsx", "fileext": "xlsx", "filesize": 12345, "sdkfileid": fid("resp-file")})
m3 = {"msgid": "7001000000000000043", "action": "switch", "time": T + 420_000, "user": "lina"}
flat = msg("7001000000000000044_1718600430", 430_000, "text", "text", {"content": "flattened record"})
flat = {"seq": 1004, **flat}
resp = {"errcode": 0, "errmsg": "ok", "chatdata": [
    {"seq": 1001, "msgid": m1["msgid"], "publickey_ver": 2, "encrypt_random_key": "cmFuZG9ta2V5MQ==",
     "encrypt_chat_msg": "Y2lwaGVydGV4dDE=", "message": m1},
    {"seq": 1002, "msgid": m2["msgid"], "publickey_ver": 2, "encrypt_random_key": "cmFuZG9ta2V5Mg==",
     "encrypt_chat_msg": "Y2lwaGVydGV4dDI=", "decrypted_msg": j(m2)},
    {"seq": 1003, "msgid": m3["msgid"], "publickey_ver": 2, "encrypt_random_key": "cmFuZG9ta2V5Mw==",
     "encrypt_chat_msg": "Y2lwaGVydGV4dDM=", "msg": m3},
    flat,
    {"seq": 1005, "msgid": "7001000000000000045_1718600440", "publickey_ver": 2,
     "encrypt_random_key": "cmFuZG9ta2V5NQ==", "encrypt_chat_msg": "Y2lwaGVydGV4dDU="}]}
with open(os.path.join(OUT, "getchatdata_decrypted.json"), "wb") as f:
    f.write((j(resp).replace("CTRL2", "对冲\x02比例") + "\n").encode("utf-8"))
print(len(lines), "lines")
