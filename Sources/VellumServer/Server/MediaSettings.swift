public import VellumApp

/// `media:` of `vellum serve --config FILE`: how the media-download job reaches the channels and
/// how often it looks at the queue (messages are queued in the commit that archives them).
public struct MediaSettings: Sendable {
    public var configuration: MediaFetchConfiguration
    /// Between two passes over the queue.
    public var retryInterval: Duration = .seconds(30)

    public init(configuration: MediaFetchConfiguration, retryInterval: Duration = .seconds(30)) {
        self.configuration = configuration
        self.retryInterval = retryInterval
    }
}
