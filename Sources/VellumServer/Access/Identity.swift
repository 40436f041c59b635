/// Who is making a request, once the session cookie or bearer token has been checked.
public struct Identity: Sendable, Hashable {
    public enum Credential: Sendable, Hashable {
        /// A browser session; forms must carry its anti-forgery token.
        case session(csrf: String)
        case token(id: String)
    }

    public var accountID: String
    public var username: String
    public var role: StaffRole
    public var credential: Credential

    /// How the ledger names this caller.
    public var actor: String {
        switch credential {
        case .session: "user:\(username)"
        case .token(let id): "token:\(username)/\(id)"
        }
    }

    public var csrfToken: String? {
        if case .session(let csrf) = credential { return csrf }
        return nil
    }

    public func allows(_ permission: Permission) -> Bool { role.allows(permission) }
}
