import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// The downloads still to do or failed, sealed in the archive's metadata under the capture key.
///
/// Jobs are added in the same transaction that commits their message (so a delivery acknowledged
/// is a download queued), and changed by read-modify-write inside a write transaction, so the
/// retry pass and concurrent commits never lose each other's changes.
struct MediaQueue {
    let archive: Archive

    static let metaKey = "media.queue"
    static let context = Data("media-queue".utf8)

    func jobs(_ reader: any ArchiveReader) throws -> [MediaJob] {
        guard let sealed = try reader.meta(Self.metaKey), !sealed.isEmpty else { return [] }
        let plain = try archive.dataKey(scope: ScopePolicy.capture).open(sealed, context: Self.context)
        return try JSONDecoder().decode([MediaJob].self, from: plain)
    }

    func save(_ jobs: [MediaJob], _ writer: any ArchiveWriter) throws {
        let sealed = try archive.dataKey(scope: ScopePolicy.capture).seal(try JSONEncoder().encode(jobs), context: Self.context)
        try writer.setMeta(Self.metaKey, sealed)
    }

    /// Changes the queue inside `writer`'s transaction.
    func update<T>(_ writer: any ArchiveWriter, _ change: (inout [MediaJob]) throws -> T) throws -> T {
        var jobs = try jobs(writer)
        let before = jobs
        let result = try change(&jobs)
        if jobs != before { try save(jobs, writer) }
        return result
    }

    /// Adds jobs not queued yet; returns how many were new.
    @discardableResult
    func add(_ new: [MediaJob], _ writer: any ArchiveWriter) throws -> Int {
        guard !new.isEmpty else { return 0 }
        return try update(writer) { jobs in
            var known = Set(jobs.map(\.key))
            let fresh = new.filter { known.insert($0.key).inserted }
            jobs += fresh
            return fresh.count
        }
    }
}
