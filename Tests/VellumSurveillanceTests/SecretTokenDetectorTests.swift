import Testing
import VellumSurveillance

@Suite("aws_access_key, github_token and private_key detectors")
struct SecretTokenDetectorTests {
    static let pat = "github_pat_" + String(repeating: "A1b2_", count: 16) + "xy"

    @Test("AWS access key ids fire as whole tokens", arguments: ["AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A"])
    func aws(value: String) throws {
        let finding = try #require(detect("key=" + value + ";").first)
        #expect(finding.detector == "aws_access_key")
        #expect((finding.start, finding.end) == (4, 24))
        #expect(finding.masked == String(value.prefix(4)) + "****")
    }

    @Test("AWS near-misses do not fire", arguments: [
        "AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPLE2", "AKIAIOSFODNN1EXAMPLE", "akiaiosfodnn7example", "AKIBIOSFODNN7EXAMPLE",
        "XAKIAIOSFODNN7EXAMPLE",
    ])
    func awsNearMisses(text: String) {
        #expect(!detectorIDs(text).contains("aws_access_key"), "\(text)")
    }

    @Test("GitHub tokens fire: classic prefixes and fine-grained PATs", arguments: [
        "ghp_" + String(repeating: "aB3", count: 12), "gho_" + String(repeating: "Z9", count: 18),
        "ghs_" + String(repeating: "0", count: 36), "ghr_" + String(repeating: "x", count: 36), pat,
    ])
    func github(value: String) throws {
        let text = "令牌 " + value + " 别外传"
        let finding = try #require(detect(text).first)
        #expect(finding.detector == "github_token")
        #expect((finding.start, finding.end) == (3, 3 + value.count))
        #expect(finding.masked.hasSuffix("****"))
        #expect(!finding.masked.contains(String(value.suffix(8))))
    }

    @Test("GitHub near-misses do not fire", arguments: [
        "ghp_" + String(repeating: "a", count: 35), "ghx_" + String(repeating: "a", count: 36),
        "xghp_" + String(repeating: "a", count: 36), "ghp_" + String(repeating: "a", count: 37),
        "github_pat_" + String(repeating: "a", count: 81),
    ])
    func githubNearMisses(text: String) {
        #expect(!detectorIDs(text).contains("github_token"), "\(text)")
    }

    @Test("a PEM private key block is spanned from BEGIN to END")
    func privateKeyBlock() throws {
        let block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq\nZm9vYmFy==\n-----END RSA PRIVATE KEY-----"
        let text = "密钥 😀 " + block + "\nbye"
        let finding = try #require(detect(text).first)
        #expect(finding.detector == "private_key")
        let span = try #require(scalarSpan(of: block, in: text))
        #expect((finding.start, finding.end) == (span.start, span.end))
        #expect(finding.masked == "-----BEGIN RSA PRIVATE KEY----- [redacted]")
        #expect(finding.confidence == 0.99)
    }

    @Test("a header without END still covers the body that follows")
    func privateKeyHeaderOnly() throws {
        let text = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA\nAAAABG5vbmU= (rest later)"
        let finding = try #require(detect(text).first)
        #expect(finding.detector == "private_key")
        #expect(finding.start == 0)
        #expect(finding.end == 69)
        #expect(finding.masked == "-----BEGIN OPENSSH PRIVATE KEY----- [redacted]")
    }

    @Test("public keys and certificates are not private keys", arguments: [
        "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "-----BEGIN\nPRIVATE KEY-----",
    ])
    func notPrivate(text: String) {
        #expect(!detectorIDs(text).contains("private_key"), "\(text)")
    }
}
