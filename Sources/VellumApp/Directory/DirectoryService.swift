public import Foundation
public import VellumCore
import VellumCrypto
import VellumStore

/// Loads the employee directory into the archive, sealed, with keyed look-ups by identifier.
public struct DirectoryService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    static let context = Data("directory".utf8)

    /// The identifier under which an employee is found by their directory id (`--participant E1001`).
    /// No channel normalizes to the `employee:` prefix, so it never matches a message participant.
    static func employeeIdentifier(_ id: String) -> String { "employee:" + id }

    /// Imports a YAML or CSV directory file; returns how many employees it holds.
    @discardableResult
    public func importFile(_ url: URL, actor: String) throws -> Int {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw VellumError(.notFound, "cannot read \(url.path)")
        }
        let employees = try DirectoryFile.parse(String(decoding: data, as: UTF8.self), file: url.lastPathComponent)
        try store(employees, actor: actor)
        return employees.count
    }

    public func store(_ employees: [Employee], actor: String) throws {
        let key = try archive.dataKey(scope: ScopePolicy.directory)
        let rows = try employees.map { e in
            StoredEmployee(
                key: archive.keys.lookupKey(Data(e.id.utf8), domain: "employee"),
                sealed: try key.seal(try JSONEncoder().encode(e), context: Self.context),
                identifierKeys: ([Self.employeeIdentifier(e.id)] + e.normalizedIdentifiers).map(archive.identifierKey))
        }
        try archive.store.write { tx in
            for row in rows { try tx.upsertEmployee(row) }
            _ = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(type: .directoryImport, at: archive.nowMilliseconds, actor: actor, count: rows.count)
            ])
        }
        try archive.writeCheckpoint()
    }

    public func employees() throws -> [Employee] {
        try archive.store.read { try $0.employees() }.map(archive.openEmployee)
    }
}

extension Archive {
    func openEmployee(_ stored: StoredEmployee) throws -> Employee {
        let plain = try dataKey(scope: ScopePolicy.directory).open(stored.sealed, context: DirectoryService.context)
        return try JSONDecoder().decode(Employee.self, from: plain)
    }
}
