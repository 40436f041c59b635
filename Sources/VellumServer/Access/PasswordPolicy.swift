import Foundation
import VellumCore

/// What a password must be. Long rather than clever (NIST SP 800-63B §5.1.1.2): at least 12
/// characters, at most 72 bytes (bcrypt reads no further), not the username, not a well-known one.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    static let common: Set<String> = [
        "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "administrator", "letmein12345",
        "changeme1234", "welcome12345", "iloveyou1234", "111111111111", "000000000000", "abc123456789",
        "password123!", "qwerty123456", "vellumvellum",
    ]

    /// Throws `.invalidInput` with what is wrong; never echoes the password.
    public static func check(_ password: String, username: String) throws {
        guard password.count >= minimumLength else {
            throw VellumError(.invalidInput, "password: at least \(minimumLength) characters are needed")
        }
        guard password.utf8.count <= maximumBytes else {
            throw VellumError(.invalidInput, "password: at most \(maximumBytes) bytes (UTF-8) are read; choose a shorter one")
        }
        guard password.lowercased() != username.lowercased(), !common.contains(password.lowercased()) else {
            throw VellumError(.invalidInput, "password: too easy to guess (the username or a well-known password)")
        }
    }
}

/// Usernames: lower-case letters, digits, `.`, `_`, `-`; 2 to 64 characters.
public enum Username {
    public static func normalized(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let allowed = name.unicodeScalars.allSatisfy {
            ("a" ... "z").contains($0) || ("0" ... "9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard (2 ... 64).contains(name.count), allowed else {
            throw VellumError(.invalidInput, "username: 2 to 64 of a–z, 0–9, '.', '_' or '-'")
        }
        return name
    }
}
