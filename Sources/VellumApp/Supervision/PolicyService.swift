public import Foundation
import VellumCore
import VellumCrypto
public import VellumPolicy
import VellumStore
public import VellumSurveillance

/// The archive's policy: checked, applied (a ledgered change), and turned into the supervisor
/// the pipeline runs.
public struct PolicyService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    static let metaKey = "policy"
    static let context = Data("policy".utf8)

    /// Every problem of a policy file, with line and column.
    public static func check(_ url: URL) throws -> (Policy?, [PolicyProblem]) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VellumError(.notFound, "cannot read \(url.path)")
        }
        return PolicyFile.load(yaml: String(decoding: data, as: UTF8.self), file: url.lastPathComponent)
    }

    /// Makes `url` the archive's policy; refuses a file with problems. The change is a ledger
    /// leaf carrying the digest of the policy's canonical form.
    @discardableResult
    public func apply(_ url: URL, actor: String) throws -> Policy {
        let (parsed, problems) = try Self.check(url)
        guard let policy = parsed, problems.isEmpty else {
            throw VellumError(
                .invalidInput,
                "\(url.lastPathComponent) has \(problems.count) problem(s); run `vellum policy check` to see them")
        }
        let text = try Data(contentsOf: url)
        let sealed = try archive.dataKey(scope: ScopePolicy.policy).seal(text, context: Self.context)
        try archive.store.write { tx in
            try tx.setMeta(Self.metaKey, sealed)
            _ = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(
                    type: .policyChange, at: archive.nowMilliseconds,
                    commitment: Digest.sha256(policy.canonicalBytes).hexString, actor: actor, action: "apply")
            ])
        }
        try archive.writeCheckpoint()
        return policy
    }

    /// The policy in force, or nil when none was applied.
    public func active() throws -> Policy? {
        guard let sealed = try archive.store.read({ try $0.meta(Self.metaKey) }) else { return nil }
        let text = try archive.dataKey(scope: ScopePolicy.policy).open(sealed, context: Self.context)
        return try PolicyFile.parse(yaml: String(decoding: text, as: UTF8.self), file: "archive policy")
    }

    /// The supervisor of the policy in force, if any.
    public func supervisor() throws -> RuleSupervisor? {
        try active().map { policy in
            let keys = archive.keys
            return RuleSupervisor(policy: policy) { id in
                let bytes = keys.lookupKey(Data(id.rawValue.utf8), domain: "sample")
                let top = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                return Double(top >> 11) / Double(UInt64(1) << 53)
            }
        }
    }
}
