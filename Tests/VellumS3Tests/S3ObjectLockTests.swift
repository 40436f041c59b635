import Foundation
import Testing
import VellumS3
import VellumStore

/// Object Lock as the bucket enforces it, against a real server (SeaweedFS in CI).
@Suite(
    "S3 Object Lock on SeaweedFS",
    // Needs an S3 server: run scripts/seaweedfs.sh start DIR and source DIR/env (.ci/run does).
    .enabled(if: S3TestEnvironment.isAvailable, "no S3 server: VELLUM_TEST_S3_ENDPOINT/_ACCESS_KEY/_SECRET_KEY unset"))
struct S3ObjectLockTests {
    static func lockedStore() throws -> S3BlobStore {
        try S3BlobStore(client: try S3TestEnvironment.freshBucket(objectLock: true))
    }

    static func code(_ body: () throws -> Void) -> S3Error.Code? {
        do { try body() } catch let e as S3Error { return e.code } catch { return nil }
        return nil
    }

    static func locked(_ body: () throws -> Void) -> BlobLockedError? {
        do { try body() } catch let e as BlobLockedError { return e } catch { return nil }
        return nil
    }

    @Test("a blob under COMPLIANCE retention cannot be deleted nor its retention shortened")
    func lockedRefusesDeleteAndShortening() throws {
        let store = try Self.lockedStore()
        let data = Data("sealed record under retention".utf8)
        let until = Date() + 3600
        let ref = try store.put(data, retainUntil: until)
        let head = try #require(try store.head(of: ref))
        #expect(head.lockMode == "COMPLIANCE")
        #expect(abs(head.retainUntil!.timeIntervalSince(until)) < 2)

        #expect(Self.locked { try store.delete(ref) }?.lock?.retainUntil != nil, "refused, with the date the bucket holds")
        #expect(try store.get(ref) == data, "the refused delete left the blob readable")

        let key = "blobs/" + ref
        #expect(Self.code { try store.client.putObjectRetention(key: key, versionID: head.versionID, until: Date() + 60) } == .objectLocked)
        #expect(abs(try store.lock(of: ref)!.retainUntil!.timeIntervalSince(until)) < 2, "retention unchanged")
    }

    @Test("retention is extended, and an earlier date leaves it alone")
    func extension_() throws {
        let store = try Self.lockedStore()
        let ref = try store.put(Data("extend me".utf8), retainUntil: Date() + 600)
        let later = Date() + 7200
        try store.extendRetention(ref, until: later)
        #expect(abs(try store.lock(of: ref)!.retainUntil!.timeIntervalSince(later)) < 2)
        try store.extendRetention(ref, until: Date() + 60)
        #expect(abs(try store.lock(of: ref)!.retainUntil!.timeIntervalSince(later)) < 2)
        // Putting the same bytes with a later date extends too (idempotent put).
        let evenLater = Date() + 10_800
        #expect(try store.put(Data("extend me".utf8), retainUntil: evenLater) == ref)
        #expect(abs(try store.lock(of: ref)!.retainUntil!.timeIntervalSince(evenLater)) < 2)
    }

    @Test("a legal hold blocks deletion after retention ends; with the hold lifted deletion works")
    func legalHold() throws {
        let store = try Self.lockedStore()
        let ref = try store.put(Data("held".utf8), retainUntil: Date() + 3)
        try store.setLegalHold(ref, on: true)
        #expect(try store.lock(of: ref)?.legalHold == true)
        Thread.sleep(forTimeInterval: 4.5)
        #expect(Self.locked { try store.delete(ref) }?.lock?.legalHold == true, "held past its retain-until date")
        #expect(try store.get(ref) != nil)
        try store.setLegalHold(ref, on: false)
        #expect(try store.lock(of: ref)?.legalHold == false)
        try store.delete(ref)
        #expect(try store.get(ref) == nil)
        #expect(try store.allRefs().isEmpty)
    }

    @Test("the start-up check refuses a bucket without Object Lock unless allowed")
    func startupCheck() throws {
        let client = try S3TestEnvironment.freshBucket(objectLock: false)
        #expect(Self.code { _ = try S3BlobStore(client: client) } == .objectLockNotEnabled)
        let store = try S3BlobStore(client: client, options: .init(allowWithoutObjectLock: true))
        #expect(!store.objectLockEnabled)
        let ref = try store.put(Data("unlocked".utf8))
        try store.delete(ref)
        #expect(try store.get(ref) == nil)
    }

    @Test("a missing bucket, a wrong secret and an unknown access key give clear errors, without the secret")
    func badCredentials() throws {
        let bucket = try S3TestEnvironment.freshBucket(objectLock: true).bucket
        #expect(Self.code { _ = try S3BlobStore(client: S3TestEnvironment.client(bucket: "vellum-t-missing")) } == .noSuchBucket)
        let wrongSecret = "not-the-secret-\(UUID().uuidString)"
        do {
            _ = try S3BlobStore(client: S3TestEnvironment.client(bucket: bucket, secretKey: wrongSecret))
            Issue.record("a wrong secret was accepted")
        } catch let e as S3Error {
            #expect(e.code == .badCredentials)
            #expect(e.s3Code == "SignatureDoesNotMatch")
            #expect(!"\(e)".contains(wrongSecret))
        }
        #expect(
            Self.code { _ = try S3BlobStore(client: S3TestEnvironment.client(bucket: bucket, accessKey: "NOSUCHKEY")) }
                == .badCredentials)
    }
}

@Suite("S3 transport errors")
struct S3TransportTests {
    @Test("an endpoint nobody listens on is reported as unreachable")
    func unreachable() throws {
        let client = S3Client(
            configuration: S3Configuration(
                endpoint: URL(string: "http://127.0.0.1:9")!, bucket: "b",
                credentials: S3Credentials(accessKeyID: "AK", secretAccessKey: "SECRET-xyz"), requestTimeout: .seconds(5)))
        do {
            _ = try S3BlobStore(client: client)
            Issue.record("no error")
        } catch let e as S3Error {
            #expect(e.code == .unreachable)
            #expect(!"\(e)".contains("SECRET-xyz"))
        }
    }
}
