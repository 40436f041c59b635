/// What the organisation decided about one channel.
///
/// A channel the policy does not list is **not approved**: FINRA RN 17-18 asks a firm to be sure
/// it can keep a channel's records before staff use it for business.
public struct ChannelPolicy: Sendable, Hashable {
    public var approved: Bool
    /// Overrides ``Channel/isEndToEndEncrypted`` (e.g. Telegram secret chats only, or a managed
    /// WhatsApp gateway that is readable on the way); nil keeps the channel's own answer.
    public var endToEndEncrypted: Bool?
    public var notes: String?

    public init(approved: Bool, endToEndEncrypted: Bool? = nil, notes: String? = nil) {
        self.approved = approved
        self.endToEndEncrypted = endToEndEncrypted
        self.notes = notes
    }
}
