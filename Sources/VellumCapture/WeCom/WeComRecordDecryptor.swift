public import Foundation

/// Turns one chatdata record into plaintext: RSA step (keyring), then the SDK's DecryptData.
public struct WeComRecordDecryptor: Sendable {
    public let sdk: any WeComSDK
    public let keyring: WeComKeyring

    public init(sdk: any WeComSDK, keyring: WeComKeyring) {
        self.sdk = sdk
        self.keyring = keyring
    }

    /// The plaintext bytes exactly as DecryptData returned them (no sanitizing: WeCom plaintext may hold
    /// raw control characters inside JSON strings). Throws ``WeComSDKError``.
    public func decrypt(_ record: WeComChatRecord) throws -> Data {
        let randomKey = try keyring.decryptRandomKey(record)
        return try sdk.decrypt(randomKey: randomKey, encryptedMessage: record.encryptChatMessage)
    }
}
