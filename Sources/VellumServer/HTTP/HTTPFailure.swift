public import Foundation
public import HTTPTypes
import VellumCore

/// A refusal or failure with the HTTP status it deserves and a reason safe to show the caller.
public struct HTTPFailure: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Extra headers (WWW-Authenticate, Retry-After, Location).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public static let unauthenticated = HTTPFailure(
        .unauthorized, "unauthenticated", "sign in, or send a valid bearer token",
        headers: [.wwwAuthenticate: #"Bearer realm="vellum""#])
    public static func forbidden(_ permission: Permission?) -> HTTPFailure {
        HTTPFailure(.forbidden, "forbidden", "your role may not do this" + (permission.map { " (needs \($0.rawValue))" } ?? ""))
    }
    public static let csrf = HTTPFailure(
        .forbidden, "csrf", "the form's anti-forgery token is missing or wrong; reload the page and try again")

    /// Maps the app's errors to statuses; anything unexpected is a 500 whose detail stays in the log.
    public static func from(_ error: any Error) -> HTTPFailure {
        if let f = error as? HTTPFailure { return f }
        if let e = error as? VellumError {
            switch e.code {
            case .invalidInput: return HTTPFailure(.badRequest, e.code.name, e.reason)
            case .notFound: return HTTPFailure(.notFound, e.code.name, e.reason)
            case .alreadyExists: return HTTPFailure(.conflict, e.code.name, e.reason)
            case .refused: return HTTPFailure(.conflict, e.code.name, e.reason)
            default: return HTTPFailure(.internalServerError, e.code.name, e.reason)
            }
        }
        if error is DecodingError {
            return HTTPFailure(.badRequest, "invalidInput", "the request body is not what this route expects")
        }
        return HTTPFailure(.internalServerError, "internal", "the server failed; the log has the details")
    }

    /// `{"error": {"code", "message"}}`.
    var json: Data {
        (try? JSONSerialization.data(withJSONObject: ["error": ["code": code, "message": message]], options: [.sortedKeys]))
            ?? Data()
    }
}
