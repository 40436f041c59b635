/// The error type of VellumCrypto.
public struct CryptoFailure: Error, Sendable, CustomStringConvertible {
    public struct Code: Sendable, Hashable {
        let name: String
        public static let malformedKey = Code(name: "malformedKey")
        public static let authenticationFailed = Code(name: "authenticationFailed")
        public static let malformedCiphertext = Code(name: "malformedCiphertext")
    }

    public var code: Code
    public var reason: String
    public var fileID: String
    public var line: Int

    init(_ code: Code, _ reason: String, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.fileID = fileID
        self.line = line
    }

    public var description: String { reason }
}
