/// A messaging channel for `channel:`; the raw values are the archive's channel names.
public enum QueryChannel: String, Sendable, Hashable, CaseIterable {
    case wecom, wechat, whatsapp, telegram, signal, sms, email, other
}
