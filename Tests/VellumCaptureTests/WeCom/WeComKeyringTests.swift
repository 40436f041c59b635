import Foundation
import Testing
import VellumCapture
import VellumCrypto

@Suite("WeCom keyring (RSA PKCS#1 v1.5 random keys)")
struct WeComKeyringTests {
    enum PEMForm: String, CaseIterable, Sendable { case pkcs1, pkcs8 }

    private func pem(_ form: PEMForm, _ pair: TestRSAKeyPair = .primary) -> String {
        form == .pkcs1 ? pair.pkcs1PEM : pair.pkcs8PEM
    }

    private func record(version: UInt32, encryptedKey: String) -> WeComChatRecord {
        WeComChatRecord(
            seq: 1, msgid: "m1", publicKeyVersion: version, encryptRandomKey: encryptedKey, encryptChatMessage: "x",
            rawJSON: Data("{}".utf8))
    }

    @Test("Exported PEMs have the expected labels")
    func pemLabels() {
        #expect(TestRSAKeyPair.primary.pkcs1PEM.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        #expect(TestRSAKeyPair.primary.pkcs8PEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test("A random key encrypted with the public key decrypts through the keyring", arguments: PEMForm.allCases)
    func decryptsRandomKey(form: PEMForm) throws {
        let keyring = try WeComKeyring(pemByVersion: [3: pem(form)])
        let randomKey = MessageFactory.randomKeyBytes()
        let encrypted = TestRSAKeyPair.primary.encryptRandomKey(randomKey)
        #expect(Data(base64Encoded: encrypted)!.count == 256)
        #expect(try keyring.decryptRandomKey(record(version: 3, encryptedKey: encrypted)) == randomKey)
    }

    @Test("RSAKeyDecryptor reports the PEM kind and size, never the key", arguments: PEMForm.allCases)
    func decryptorDescription(form: PEMForm) throws {
        let decryptor = try RSAKeyDecryptor(pemRepresentation: pem(form))
        #expect(decryptor.pemKind.rawValue == form.rawValue)
        #expect(decryptor.keySizeInBits == 2048)
        #expect(!decryptor.description.contains("MII"))
    }

    @Test("PEMs pasted with CRLF line endings and extra whitespace load")
    func crlfPEM() throws {
        let pasted = "\n  " + TestRSAKeyPair.primary.pkcs8PEM.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n\r\n"
        let keyring = try WeComKeyring(pemByVersion: [1: pasted])
        let randomKey = MessageFactory.randomKeyBytes()
        #expect(try keyring.decryptRandomKey(record(version: 1, encryptedKey: TestRSAKeyPair.primary.encryptRandomKey(randomKey))) == randomKey)
        var dumped = ""
        dump(keyring, to: &dumped)
        #expect(!dumped.contains("MII"))
        #expect(dumped.contains("versions"))
    }

    @Test("Several versions coexist and are listed")
    func versions() throws {
        let keyring = try WeComKeyring(pemByVersion: [2: pem(.pkcs8, .other), 1: pem(.pkcs1)])
        #expect(keyring.versions == [1, 2])
        #expect(!"\(keyring)".contains("PRIVATE"))
        let randomKey = MessageFactory.randomKeyBytes()
        #expect(try keyring.decryptRandomKey(record(version: 2, encryptedKey: TestRSAKeyPair.other.encryptRandomKey(randomKey))) == randomKey)
    }

    @Test("A missing version is classified like SDK 10007: quarantine")
    func missingVersion() throws {
        let keyring = try WeComKeyring(pemByVersion: [1: pem(.pkcs1)])
        let encrypted = TestRSAKeyPair.primary.encryptRandomKey(MessageFactory.randomKeyBytes())
        let error = try #require(throws: WeComSDKError.self) {
            try keyring.decryptRandomKey(record(version: 7, encryptedKey: encrypted))
        }
        #expect(error.code == .noPrivateKeyForVersion(7))
        #expect(error.vendorCode == 10007)
        #expect(error.classification == .quarantineRecord)
        #expect(error.classification == WeComSDKError(vendorCode: 10007, operation: .decryptData).classification)
        #expect(error.adminMessage.contains("version 7"))
    }

    @Test("The wrong key for a version is reported as rejected, not crashed on")
    func wrongKey() throws {
        let keyring = try WeComKeyring(pemByVersion: [1: pem(.pkcs1, .other)])
        let encrypted = TestRSAKeyPair.primary.encryptRandomKey(MessageFactory.randomKeyBytes())
        let error = try #require(throws: WeComSDKError.self) {
            try keyring.decryptRandomKey(record(version: 1, encryptedKey: encrypted))
        }
        #expect(error.code == .privateKeyRejected(version: 1))
        #expect(error.classification == .quarantineRecord)
    }

    @Test("A random key that is not base64 is a malformed record")
    func notBase64() throws {
        let keyring = try WeComKeyring(pemByVersion: [1: pem(.pkcs1)])
        let error = try #require(throws: WeComSDKError.self) {
            try keyring.decryptRandomKey(record(version: 1, encryptedKey: "***"))
        }
        #expect(error.code == .malformedRecord(field: "encrypt_random_key"))
    }

    @Test(
        "A bad PEM is refused and names its version",
        arguments: [
            "not a pem",
            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
            "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n",
        ])
    func badPEM(text: String) throws {
        let error = try #require(throws: WeComKeyring.InvalidKeyError.self) {
            try WeComKeyring(pemByVersion: [1: TestRSAKeyPair.primary.pkcs1PEM, 5: text])
        }
        #expect(error.version == 5)
        #expect(error.description.contains("publickey_ver 5"))
    }
}

@Suite("Legacy crypto primitives")
struct LegacyCryptoTests {
    @Test("SHA-1 and MD5 hex match known vectors")
    func digests() {
        #expect(LegacyInsecureDigest.sha1Hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(LegacyInsecureDigest.md5Hex(Array("abc".utf8)) == "900150983cd24fb0d6963f7d28e17f72")
        var hasher = LegacyInsecureMD5Hasher()
        hasher.update(Array("a".utf8))
        hasher.update(Array("bc".utf8))
        #expect(hasher.finalizeHex() == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test("AES-256-CBC without padding matches NIST SP 800-38A F.2.5")
    func aesCBCVector() throws {
        func hex(_ s: String) -> [UInt8] {
            var out: [UInt8] = []
            var i = s.startIndex
            while i < s.endIndex {
                let j = s.index(i, offsetBy: 2)
                out.append(UInt8(s[i..<j], radix: 16)!)
                i = j
            }
            return out
        }
        let key = hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")
        let iv = hex("000102030405060708090a0b0c0d0e0f")
        let plain = hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51")
        let expected = hex("f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d")
        let cipher = try LegacyAES256CBCNoPadding.encrypt(plain, key: key, iv: iv)
        #expect(cipher == expected)
        #expect(try LegacyAES256CBCNoPadding.decrypt(cipher, key: key, iv: iv) == plain)
        #expect(throws: LegacyCryptoError.self) { try LegacyAES256CBCNoPadding.decrypt([1, 2, 3], key: key, iv: iv) }
        #expect(throws: LegacyCryptoError.self) { try LegacyAES256CBCNoPadding.decrypt(cipher, key: [1], iv: iv) }
    }

    @Test("Constant-time comparison")
    func constantTime() {
        #expect(LegacyConstantTime.equal("abc", "abc"))
        #expect(!LegacyConstantTime.equal("abc", "abd"))
        #expect(!LegacyConstantTime.equal("abc", "ab"))
        #expect(LegacyConstantTime.equal([UInt8](), [UInt8]()))
    }
}
