public import VellumCore

/// The organisation's archive policy, read from `vellum-policy.yaml` (``PolicyFile``): who is
/// responsible, why data is processed, which channels are approved, how long items are kept, the
/// privacy request clocks and the surveillance rules.
///
/// A policy is a value: every decision made from it (``retention(for:)``,
/// ``dispositionDecision(retention:holds:now:)``, ``ErasureDecision``) carries the rule it came from.
public struct Policy: Sendable, Hashable {
    public var organisation: Organisation
    public var purposes: [Purpose]
    public var channels: [Channel: ChannelPolicy]
    /// The retention schedule, in file order (order breaks ties between equally long rules).
    public var retentionRules: [RetentionRule]
    /// Built-in presets with the file's parameters applied, plus the file's own presets.
    public var retentionPresets: [String: RetentionPreset]
    public var privacy: PrivacyDeadlines
    public var surveillance: SurveillancePolicy

    public init(
        organisation: Organisation, purposes: [Purpose] = [], channels: [Channel: ChannelPolicy] = [:],
        retentionRules: [RetentionRule] = [], retentionPresets: [String: RetentionPreset] = RetentionPreset.builtIn,
        privacy: PrivacyDeadlines = .defaults, surveillance: SurveillancePolicy = SurveillancePolicy()
    ) {
        self.organisation = organisation
        self.purposes = purposes
        self.channels = channels
        self.retentionRules = retentionRules
        self.retentionPresets = retentionPresets
        self.privacy = privacy
        self.surveillance = surveillance
    }

    /// Whether staff may use `channel` for business. Channels the policy does not list are not approved.
    public func isApproved(_ channel: Channel) -> Bool { channels[channel]?.approved ?? false }

    /// Whether `channel` is end-to-end encrypted: the policy's override, else the channel's own answer.
    public func isEndToEndEncrypted(_ channel: Channel) -> Bool {
        channels[channel]?.endToEndEncrypted ?? channel.isEndToEndEncrypted
    }

    /// Whether a surveillance rule's channel scope takes in `channel` (`unencrypted` after the
    /// policy's overrides).
    public func includes(_ channel: Channel, in scope: ChannelScope) -> Bool {
        switch scope {
        case .any: true
        case .unencrypted: !isEndToEndEncrypted(channel)
        case .only(let list): list.contains(channel)
        }
    }

    /// The purpose with `id`.
    public func purpose(_ id: String) -> Purpose? { purposes.first { $0.id == id } }

    /// The retention rules that serve `purpose`: those naming it and those naming no purpose.
    public func retentionRules(for purpose: Purpose) -> [RetentionRule] {
        retentionRules.filter { $0.purpose == nil || $0.purpose == purpose.id }
    }
}
