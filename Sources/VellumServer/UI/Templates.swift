import Mustache

/// Every template of the web UI, compiled once into one library. They live in Swift source so
/// the server stays one binary with no files to lose.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "setup": setup, "failure": failure, "dashboard": dashboard, "exports": exports,
        "textParts": textParts, "search": search, "record": record, "retention": retention, "alerts": alerts,
        "alert": alert, "usage": usage, "holds": holds, "privacy": privacy, "privacyRequest": privacyRequest,
        "audit": audit, "accounts": accounts, "tokens": tokens,
    ]

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in all {
            do { try library.register(text, named: name) } catch { fatalError("template \(name) does not compile: \(error)") }
        }
        return library
    }()
}
