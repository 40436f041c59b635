import HTTPTypes
import Foundation
import Hummingbird
import VellumApp
import VellumStore

/// Who am I, staff accounts (admin) and API tokens (each person their own).
struct AccountsAPI {
    let accounts: AccountService

    struct Me: Encodable {
        var username: String
        var role: String
        var permissions: [String]
        var credential: String
    }

    struct AccountJSON: Encodable {
        var id, username, role, created_at: String
        var disabled: Bool
        init(_ a: StaffAccount) {
            id = a.id
            username = a.username
            role = a.role
            created_at = Timestamps.string(a.createdAt)
            disabled = a.disabled
        }
    }

    struct TokenJSON: Encodable {
        var id, name, role, created_at: String
        var expires_at: String?
        var revoked_at: String?
        /// Only in the answer that creates the token.
        var secret: String?
        init(_ t: APIToken, secret: String? = nil) {
            id = t.id
            name = t.name
            role = t.role
            created_at = Timestamps.string(t.createdAt)
            expires_at = t.expiresAt.map(Timestamps.string)
            revoked_at = t.revokedAt.map(Timestamps.string)
            self.secret = secret
        }
    }

    struct NewAccount: Decodable { var username: String; var role: String; var password: String }
    struct NewToken: Decodable { var name: String; var expires_in_days: Int? }

    func register(_ book: RouteBook) {
        book.add(.get, "/api/v1/me", .api, nil) { _, _, identity in
            try JSONResponse.make(Me(
                username: identity.username, role: identity.role.rawValue,
                permissions: identity.role.permissions.map(\.rawValue).sorted(),
                credential: identity.csrfToken == nil ? "token" : "session"))
        }
        book.add(.get, "/api/v1/accounts", .api, .manageAccounts) { _, _, _ in
            try JSONResponse.make(try await Offload.run { [accounts] in try accounts.accounts().map(AccountJSON.init) })
        }
        book.add(.post, "/api/v1/accounts", .api, .manageAccounts) { request, context, identity in
            let body = try await JSONResponse.decode(NewAccount.self, from: request, context: context)
            guard let role = StaffRole(rawValue: body.role) else {
                throw HTTPFailure(.badRequest, "invalidInput", "role: one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let account = try await accounts.createAccount(
                username: body.username, role: role, password: body.password, actor: identity.actor)
            return try JSONResponse.make(AccountJSON(account), status: .created)
        }
        book.add(.get, "/api/v1/tokens", .api, nil) { _, _, identity in
            // Administrators see every token (to revoke them); others their own.
            let all = try await Offload.run { [accounts] in try accounts.tokens() }
            let visible = identity.allows(.manageAccounts) ? all : all.filter { $0.createdBy == identity.accountID }
            return try JSONResponse.make(visible.map { TokenJSON($0) })
        }
        book.add(.post, "/api/v1/tokens", .api, nil) { request, context, identity in
            let body = try await JSONResponse.decode(NewToken.self, from: request, context: context)
            if let d = body.expires_in_days, !(1 ... 366).contains(d) {
                throw HTTPFailure(.badRequest, "invalidInput", "expires_in_days: 1 to 366")
            }
            let (secret, token) = try await Offload.run { [accounts] in
                try accounts.issueToken(name: body.name, for: identity, expiresInDays: body.expires_in_days ?? 90)
            }
            return try JSONResponse.make(TokenJSON(token, secret: secret), status: .created)
        }
        book.add(.delete, "/api/v1/tokens/{id}", .api, nil) { _, context, identity in
            let id = try context.parameters.require("id")
            try await Offload.run { [accounts] in
                guard let token = try accounts.tokens().first(where: { $0.id == id }) else {
                    throw HTTPFailure(.notFound, "notFound", "no API token \(id)")
                }
                guard token.createdBy == identity.accountID || identity.allows(.manageAccounts) else {
                    throw HTTPFailure.forbidden(.manageAccounts)
                }
                try accounts.revokeToken(id: id, actor: identity.actor)
            }
            return Response(status: .noContent)
        }
    }
}

enum Timestamps {
    static func string(_ ms: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}
