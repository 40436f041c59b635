public import Foundation

/// The GET handshake Meta sends when a webhook URL is registered:
/// `?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=<yours>`.
///
/// Answer `200` with the challenge as the raw body when the mode is `subscribe` and the token
/// matches (compared in constant time); otherwise `403`. Parameter names contain dots.
public enum WhatsAppWebhookVerification {
    public static let modeParameter = "hub.mode"
    public static let verifyTokenParameter = "hub.verify_token"
    public static let challengeParameter = "hub.challenge"

    public enum Outcome: Sendable, Equatable {
        /// Reply 200 with exactly this string as the body (`text/plain`).
        case accept(challenge: String)
        /// Reply 403. The reason names what was wrong, never the token.
        case reject(reason: String)

        public var httpStatus: Int {
            switch self {
            case .accept: 200
            case .reject: 403
            }
        }
    }

    /// Decides the handshake from the three query parameters and the configured verify token.
    public static func respond(mode: String?, verifyToken: String?, challenge: String?, expectedToken: String) -> Outcome {
        guard !expectedToken.isEmpty else { return .reject(reason: "no verify token is configured") }
        guard let mode else { return .reject(reason: "missing \(modeParameter)") }
        guard mode == "subscribe" else { return .reject(reason: "\(modeParameter) must be `subscribe`") }
        guard let verifyToken else { return .reject(reason: "missing \(verifyTokenParameter)") }
        guard WhatsAppSignature.constantTimeEqual(Data(verifyToken.utf8), Data(expectedToken.utf8)) else {
            return .reject(reason: "\(verifyTokenParameter) does not match the configured token")
        }
        guard let challenge, !challenge.isEmpty else { return .reject(reason: "missing \(challengeParameter)") }
        return .accept(challenge: challenge)
    }

    /// The same, from decoded query items (`URLComponents(string:)?.queryItems`).
    public static func respond(queryItems: [URLQueryItem], expectedToken: String) -> Outcome {
        func value(_ name: String) -> String? { queryItems.last(where: { $0.name == name })?.value }
        return respond(
            mode: value(modeParameter), verifyToken: value(verifyTokenParameter), challenge: value(challengeParameter),
            expectedToken: expectedToken)
    }
}
