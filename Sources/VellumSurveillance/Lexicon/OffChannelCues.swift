extension Lexicon {
    /// Built-in cues that a conversation is being moved off the archived
    /// channel, in English and Chinese (simplified and traditional), each
    /// tagged with the destination it names: `signal`, `whatsapp`,
    /// `telegram`, `wechat`, `qq`, `personal` (a personal phone/account), or
    /// no tag when it names none ("take this offline", "私聊").
    public static let offChannel = Lexicon(name: "off_channel", entries: OffChannelCues.english + OffChannelCues.chinese)
}

/// The entries of ``Lexicon/offChannel``.
enum OffChannelCues {
    static let english: [Lexicon.Entry] = [
        .init("text me on signal", tag: "signal"),
        .init("message me on signal", tag: "signal"),
        .init("hit me up on signal", tag: "signal"),
        .init("switch to signal", tag: "signal"),
        .init("move this to signal", tag: "signal"),
        .init("let's continue on signal", tag: "signal"),
        .init("message me on whatsapp", tag: "whatsapp"),
        .init("text me on whatsapp", tag: "whatsapp"),
        .init("switch to whatsapp", tag: "whatsapp"),
        .init("whatsapp me", tag: "whatsapp"),
        .init("move this to whatsapp", tag: "whatsapp"),
        .init("take this to whatsapp", tag: "whatsapp"),
        .init("move this to telegram", tag: "telegram"),
        .init("ping me on telegram", tag: "telegram"),
        .init("dm me on telegram", tag: "telegram"),
        .init("switch to telegram", tag: "telegram"),
        .init("add me on wechat", tag: "wechat"),
        .init("message me on wechat", tag: "wechat"),
        .init("move this to wechat", tag: "wechat"),
        .init("call my personal", tag: "personal"),
        .init("my personal number", tag: "personal"),
        .init("my personal phone", tag: "personal"),
        .init("my personal email", tag: "personal"),
        .init("my personal cell", tag: "personal"),
        .init("call my cell", tag: "personal"),
        .init("text my cell", tag: "personal"),
        .init("take this offline"),
        .init("let's talk offline"),
        .init("not on this channel"),
        .init("don't put this in writing"),
        .init("delete this message"),
        .init("off the record"),
    ]

    static let chinese: [Lexicon.Entry] = [
        .init("加我微信", tag: "wechat"),
        .init("加微信", tag: "wechat"),
        .init("用私人微信聊", tag: "wechat"),
        .init("私人微信", tag: "wechat"),
        .init("微信上聊", tag: "wechat"),
        .init("微信聊", tag: "wechat"),
        .init("换到微信", tag: "wechat"),
        .init("加我QQ", tag: "qq"),
        .init("用WhatsApp", tag: "whatsapp"),
        .init("加我WhatsApp", tag: "whatsapp"),
        .init("WhatsApp上聊", tag: "whatsapp"),
        .init("telegram上聊", tag: "telegram"),
        .init("用telegram", tag: "telegram"),
        .init("电报上聊", tag: "telegram"),
        .init("電報上聊", tag: "telegram"),
        .init("用电报", tag: "telegram"),
        .init("用Signal", tag: "signal"),
        .init("Signal上聊", tag: "signal"),
        .init("打我私人电话", tag: "personal"),
        .init("打我私人電話", tag: "personal"),
        .init("我的私人号码", tag: "personal"),
        .init("私人手机", tag: "personal"),
        .init("私人手機", tag: "personal"),
        .init("私聊"),
        .init("私下聊"),
        .init("换个软件聊"),
        .init("換個軟件聊"),
        .init("线下聊"),
        .init("電話裡說"),
        .init("电话里说"),
        .init("别在这里说"),
        .init("不要在群里说"),
        .init("删掉这条消息"),
    ]
}
