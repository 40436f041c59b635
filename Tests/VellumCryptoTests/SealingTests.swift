import Foundation
import Crypto
import Testing
@testable import VellumCrypto
import VellumCore

@Suite("Keys, sealing, commitments and tree heads")
struct SealingTests {
    let master = MasterKey.generate()

    @Test("the sealed layout is version 1, then nonce, ciphertext and tag: AES-256-GCM test case 14 of McGrew and Viega")
    func sealedLayoutKnownAnswer() throws {
        // K = 0^256, IV = 0^96, P = 0^128, no additional data (The Galois/Counter Mode of
        // Operation, test case 14): C = cea7403d4d606b6e074ec5d3baf39d18, T = d0d1c8a799996bf0265b98b5d48ab919.
        let key = SymmetricKey(data: Data(count: 32))
        let nonce = try AES.GCM.Nonce(data: Data(count: 12))
        let sealed = try Sealer.seal(Data(count: 16), key: key, context: Data(), nonce: nonce)
        #expect(sealed.hexString == "01" + String(repeating: "00", count: 12)
            + "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919")
        #expect(try Sealer.open(sealed, key: key, context: Data()) == Data(count: 16))
    }

    @Test("a sealed value opens only with the same key and context")
    func sealing() throws {
        let key = DataKey.random()
        let sealed = try key.seal(Data("合同 4111".utf8), context: Data("record:m1".utf8))
        #expect(try key.open(sealed, context: Data("record:m1".utf8)) == Data("合同 4111".utf8))
        #expect(throws: CryptoFailure.self) { try key.open(sealed, context: Data("record:m2".utf8)) }
        #expect(throws: CryptoFailure.self) { try DataKey.random().open(sealed, context: Data("record:m1".utf8)) }
        for i in [0, 5, sealed.count / 2, sealed.count - 1] {
            var bad = sealed
            bad[bad.startIndex + i] ^= 0x01
            #expect(throws: CryptoFailure.self) { try key.open(bad, context: Data("record:m1".utf8)) }
        }
        #expect(!sealed.contains(Data("4111".utf8)))
    }

    @Test("a record key wrapped under a scope key opens only there; without the wrapped bytes what it sealed is gone")
    func wrappedKeys() throws {
        let scope = DataKey.random()
        let record = DataKey.random()
        let sealed = try record.seal(Data("客户 IBAN".utf8), context: Data("record:m1".utf8))
        let wrapped = try scope.wrap(record, context: Data("m1".utf8))
        #expect(wrapped.count == 1 + 12 + 32 + 16)
        let reopened = try scope.unwrap(wrapped, context: Data("m1".utf8))
        #expect(try reopened.open(sealed, context: Data("record:m1".utf8)) == Data("客户 IBAN".utf8))
        #expect(throws: CryptoFailure.self) { try scope.unwrap(wrapped, context: Data("m2".utf8)) }
        #expect(throws: CryptoFailure.self) { try DataKey.random().unwrap(wrapped, context: Data("m1".utf8)) }
        // A sealed value of another length is not taken for a key.
        #expect(throws: CryptoFailure.self) {
            try scope.unwrap(try scope.seal(Data(count: 16), context: Data("key:m1".utf8)), context: Data("m1".utf8))
        }
    }

    @Test("deduplicating sealing: same file and place give the same bytes; anything else differs and nonces never repeat")
    func deduplicating() throws {
        let key = DataKey.random()
        let file = Data("signed contract 合同".utf8)
        let a = try key.sealDeduplicating(file, context: Data("blob:s1".utf8))
        #expect(try key.sealDeduplicating(file, context: Data("blob:s1".utf8)) == a)
        #expect(try key.open(a, context: Data("blob:s1".utf8)) == file)
        #expect(try key.sealDeduplicating(file, context: Data("blob:s2".utf8)) != a)
        #expect(try DataKey.random().sealDeduplicating(file, context: Data("blob:s1".utf8)) != a)
        #expect(try key.seal(file, context: Data("blob:s1".utf8)) != a)  // ordinary sealing stays randomized
        var nonces = Set<Data>()
        for i in 0 ..< 2_000 {
            let sealed = try key.sealDeduplicating(Data("file \(i)".utf8), context: Data("blob:s1".utf8))
            nonces.insert(sealed[1 ..< 13])
        }
        #expect(nonces.count == 2_000)
    }

    @Test("wrapped data keys are bound to their scope and master key")
    func wrapping() throws {
        let h = KeyHierarchy(master: master)
        let dk = DataKey.random()
        let wrapped = try h.wrap(dk, scope: Data([1]))
        let back = try h.unwrap(wrapped, scope: Data([1]))
        let sealed = try dk.seal(Data([42]), context: Data())
        #expect(try back.open(sealed, context: Data()) == Data([42]))
        #expect(throws: CryptoFailure.self) { try h.unwrap(wrapped, scope: Data([2])) }
        #expect(throws: CryptoFailure.self) { try KeyHierarchy(master: .generate()).unwrap(wrapped, scope: Data([1])) }
    }

    @Test("the key check tells the right master key from a wrong one")
    func keyCheck() throws {
        let h = KeyHierarchy(master: master)
        let again = KeyHierarchy(master: try MasterKey(fileContents: master.fileRepresentation))
        #expect(again.matchesKeyCheck(h.keyCheck))
        #expect(!KeyHierarchy(master: .generate()).matchesKeyCheck(h.keyCheck))
        #expect(throws: CryptoFailure.self) { try MasterKey(fileContents: Data("not base64!".utf8)) }
        #expect(throws: CryptoFailure.self) { try MasterKey(fileContents: Data(Data(count: 16).base64EncodedString().utf8)) }
    }

    @Test("HKDF derivation is deterministic: known master key, known public key")
    func knownAnswer() throws {
        let fixed = try MasterKey(fileContents: Data(Data(repeating: 7, count: 32).base64EncodedString().utf8))
        let a = KeyHierarchy(master: fixed), b = KeyHierarchy(master: fixed)
        #expect(a.signing.publicKey == b.signing.publicKey)
        #expect(a.blindIndex.token(for: "合同") == b.blindIndex.token(for: "合同"))
        #expect(a.lookupKey(Data("x".utf8), domain: "d") != a.lookupKey(Data("x".utf8), domain: "e"))
        #expect(a.signing.publicKey != KeyHierarchy(master: master).signing.publicKey)
    }

    @Test("commitment is SHA-256(nonce ‖ bytes) — NIST 'abc' vector")
    func commitment() {
        #expect(Commitment.make(nonce: Data("a".utf8), canonical: Data("bc".utf8)).hexString
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Commitment.newNonce() != Commitment.newNonce())
    }

    @Test("tree heads verify with the archive's public key only, and any change breaks them")
    func treeHeads() throws {
        let h = KeyHierarchy(master: master)
        let head = try h.signing.sign(size: 10, root: Data(repeating: 1, count: 32), timestamp: 99)
        #expect(TreeHeadSigner.verify(head, publicKey: h.signing.publicKey))
        #expect(!TreeHeadSigner.verify(head, publicKey: KeyHierarchy(master: .generate()).signing.publicKey))
        var bigger = head
        bigger.size = 11
        #expect(!TreeHeadSigner.verify(bigger, publicKey: h.signing.publicKey))
        var older = head
        older.timestamp = 98
        #expect(!TreeHeadSigner.verify(older, publicKey: h.signing.publicKey))
    }

    @Test("blind tokens: 13 base32 characters, equal terms equal tokens, the cache changes nothing")
    func blindTokens() {
        let h = KeyHierarchy(master: master)
        let t = h.blindIndex.token(for: "contract")
        #expect(t.count == 13 && t.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
        #expect(t != h.blindIndex.token(for: "contracts"))
        #expect(t != KeyHierarchy(master: .generate()).blindIndex.token(for: "contract"))
        var cache = BlindTokenCache(key: h.blindIndex, capacity: 3)
        for w in ["a", "b", "c", "d", "a", "contract"] { #expect(cache.token(for: w) == h.blindIndex.token(for: w)) }
    }

    @Test("a blind token is the first 8 bytes of HMAC-SHA256(key, term) in RFC 4648 base32, lower case, unpadded")
    func blindTokenKnownAnswers() {
        // Python: base64.b32encode(hmac.new(b"\x07" * 32, term.encode(), "sha256").digest()[:8]).lower().rstrip("=")
        let key = BlindIndexKey(key: SymmetricKey(data: Data(repeating: 7, count: 32)))
        #expect(key.token(for: "contract") == "4a54cqrb43j4a")
        #expect(key.token(for: "合同") == "h5z77fn43cxly")
        #expect(key.token(for: "a") == "jzyajpv2ykdwk")
        var cache = BlindTokenCache(key: key)
        var out = Array("x".utf8)
        cache.appendTokens(of: ["contract", "合同", "a", "contract"], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x 4a54cqrb43j4a h5z77fn43cxly jzyajpv2ykdwk 4a54cqrb43j4a")
        var empty: [UInt8] = []
        cache.appendTokens(of: [], to: &empty)
        cache.appendTokens(of: ["a"], to: &empty)
        #expect(String(decoding: empty, as: UTF8.self) == "jzyajpv2ykdwk")
    }

    @Test("the token memo answers like the key itself, across evictions and terms of every length")
    func blindTokenMemo() {
        let key = KeyHierarchy(master: master).blindIndex
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab合同c\u{301}🙂xyz0123456789")
        // Lengths 0…40 cross the 8-byte chunks of the memo's hash; few distinct letters make
        // many terms share prefixes, and a small capacity forces the memo to forget often.
        let vocabulary = (0 ..< 400).map { _ in
            String((0 ..< Int.random(in: 0 ... 40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        for capacity in [1, 7, 1000] {
            var cache = BlindTokenCache(key: key, capacity: capacity)
            let terms = (0 ..< 3000).map { _ in vocabulary.randomElement(using: &generator)! }
            var out: [UInt8] = []
            cache.appendTokens(of: terms, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == terms.map { key.token(for: $0) }.joined(separator: " "))
            for term in terms.prefix(200) { #expect(cache.token(for: term) == key.token(for: term)) }
        }
    }

    @Test("the token memo confirms the term itself when two terms share a hash, short and long")
    func blindTokenMemoCollisions() {
        var table = TermTable()
        func find(_ term: String, _ hash: UInt64) -> UInt64? {
            var t = term
            return t.withUTF8 { table.find($0, hash: hash) }
        }
        func insert(_ term: String, _ hash: UInt64, _ bits: UInt64) {
            var t = term
            t.withUTF8 { table.insert($0, hash: hash, bits: bits) }
        }
        // Forged equal hashes: only the bytes can tell these terms apart.
        insert("abc", 42, 1)
        insert("abcdefghij", 42, 2)
        insert("", 42, 3)
        #expect(find("abc", 42) == 1 && find("abcdefghij", 42) == 2 && find("", 42) == 3)
        #expect(find("abd", 42) == nil && find("abcdefghik", 42) == nil && find("ab", 42) == nil)
        #expect(find("abcdefgh", 42) == nil && find("abcdefghijk", 42) == nil)
        #expect(find("abc", 43) == nil)
        // Growing re-places every term where it can still be found.
        for i in 0 ..< 1000 { insert("term\(i)-" + String(repeating: "x", count: i % 13), UInt64(100 + i), UInt64(1000 + i)) }
        #expect((0 ..< 1000).allSatisfy { find("term\($0)-" + String(repeating: "x", count: $0 % 13), UInt64(100 + $0)) == UInt64(1000 + $0) })
        #expect(find("abc", 42) == 1 && find("abcdefghij", 42) == 2)
        table.removeAll()
        #expect(find("abc", 42) == nil && table.count == 0)
    }

    @Test("constant-time comparison")
    func constantTime() {
        #expect(ConstantTime.equal(Data([1, 2]), Data([1, 2])))
        #expect(!ConstantTime.equal(Data([1, 2]), Data([1, 3])))
        #expect(!ConstantTime.equal(Data([1]), Data([1, 2])))
    }
}
