/// Something a message has, for `has:`.
public enum QueryFeature: String, Sendable, Hashable, CaseIterable {
    /// Any file: image, video, audio or document.
    case attachment
    /// An image, video or audio attachment.
    case media
    /// The message was edited after it was sent.
    case edit
    /// The sender recalled or deleted the message.
    case recall
}
