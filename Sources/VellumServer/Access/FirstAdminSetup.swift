import Foundation
import Synchronization

/// The one-time token that lets the first administrator create their account. Issued at
/// start-up while the archive has no administrator, printed to the operator's terminal only,
/// kept in memory as a hash, and spent on first use.
public final class FirstAdminSetup: Sendable {
    let hash = Mutex<Data?>(nil)

    public init() {}

    /// A new token (replacing any unspent one).
    public func issue() -> String {
        let token = SecretToken.generate(prefix: "vsu_")
        hash.withLock { $0 = SecretToken.hash(token) }
        return token
    }

    public var isOpen: Bool { hash.withLock { $0 != nil } }

    /// Whether `token` is the unspent one; checking does not spend it.
    public func matches(_ token: String) -> Bool {
        let candidate = SecretToken.hash(token)
        return hash.withLock { stored in
            guard let stored else { return false }
            return SecretToken.constantTimeEqual(stored.base64EncodedString(), candidate.base64EncodedString())
        }
    }

    /// Spends the token if it matches; true when this call spent it.
    public func spend(_ token: String) -> Bool {
        let candidate = SecretToken.hash(token)
        return hash.withLock { stored in
            guard let s = stored, SecretToken.constantTimeEqual(s.base64EncodedString(), candidate.base64EncodedString()) else {
                return false
            }
            stored = nil
            return true
        }
    }
}
