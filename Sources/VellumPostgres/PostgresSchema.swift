/// The schema, as migrations. Append only: a released migration never changes.
public enum PostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(
            version: 1, name: "accounts",
            statements: [
                // Staff who sign in to the server, their sessions (token hashes only) and API tokens.
                """
                CREATE TABLE staff_accounts(
                    id text PRIMARY KEY, username text NOT NULL UNIQUE, role text NOT NULL,
                    password_hash text NOT NULL, created_at bigint NOT NULL, disabled boolean NOT NULL DEFAULT false)
                """,
                """
                CREATE TABLE staff_sessions(
                    token_hash bytea PRIMARY KEY, account_id text NOT NULL REFERENCES staff_accounts(id),
                    csrf_token text NOT NULL, created_at bigint NOT NULL, expires_at bigint NOT NULL,
                    last_seen bigint NOT NULL)
                """,
                "CREATE INDEX staff_sessions_account ON staff_sessions(account_id)",
                "CREATE INDEX staff_sessions_expiry ON staff_sessions(expires_at)",
                """
                CREATE TABLE api_tokens(
                    id text PRIMARY KEY, token_hash bytea NOT NULL UNIQUE, name text NOT NULL, role text NOT NULL,
                    created_by text NOT NULL, created_at bigint NOT NULL, expires_at bigint, revoked_at bigint)
                """,
            ]),
        archive,
        PostgresMigration(
            version: 3, name: "leases",
            statements: [
                // Which server runs a job that must not run twice (docs/decisions/0015-job-leases.md).
                "CREATE TABLE leases(name text PRIMARY KEY, holder text NOT NULL, until bigint NOT NULL)",
            ]),
        messageIndex,
    ]
}
