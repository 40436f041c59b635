import Foundation
import VellumCore
import Yams

/// Reads an employee directory from YAML or CSV, with errors that name the file, line and field.
///
/// YAML: `employees:` a list of {id, name, email?, department?, roles?, jurisdiction?, handles?:
/// {channel: id or [ids]}}. CSV: a header row with `id` (or `employee_id`), `name`, `email`,
/// `department`, `roles` (`;`-separated), `jurisdiction`, and one column per channel (`;`-separated).
enum DirectoryFile {
    static func parse(_ text: String, file: String) throws -> [Employee] {
        file.lowercased().hasSuffix(".csv") ? try parseCSV(text, file: file) : try parseYAML(text, file: file)
    }

    static func fail(_ file: String, _ line: Int?, _ field: String, _ reason: String) -> VellumError {
        VellumError(.invalidInput, "\(file):\(line.map(String.init) ?? "?"): field `\(field)`: \(reason)")
    }

    static func parseYAML(_ text: String, file: String) throws -> [Employee] {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw VellumError(.invalidInput, "\(file): not valid YAML: \(error)")
        }
        guard let list = root?.mapping?["employees"]?.sequence else {
            throw fail(file, root?.mark?.line, "employees", "expected a list of employees")
        }
        var out: [Employee] = []
        var seen = Set<String>()
        for (i, node) in list.enumerated() {
            let path = "employees[\(i)]"
            guard let map = node.mapping else { throw fail(file, node.mark?.line, path, "expected a mapping") }
            func string(_ key: String, required: Bool = false) throws -> String? {
                guard let v = map[key] else {
                    if required { throw fail(file, node.mark?.line, "\(path).\(key)", "required field is missing") }
                    return nil
                }
                guard let s = v.scalar?.string, !s.isEmpty else {
                    throw fail(file, v.mark?.line, "\(path).\(key)", "expected a non-empty string")
                }
                return s
            }
            func strings(_ v: Node, _ field: String) throws -> [String] {
                if let s = v.scalar?.string { return [s] }
                guard let seq = v.sequence, let values = Optional(seq.compactMap(\.scalar?.string)),
                      values.count == seq.count
                else { throw fail(file, v.mark?.line, field, "expected a string or a list of strings") }
                return values
            }
            let id = try string("id", required: true)!
            guard seen.insert(id).inserted else { throw fail(file, node.mark?.line, "\(path).id", "duplicate employee id") }
            var handles: [Channel: [String]] = [:]
            if let h = map["handles"] {
                guard let hm = h.mapping else { throw fail(file, h.mark?.line, "\(path).handles", "expected a mapping") }
                for (k, v) in hm {
                    guard let name = k.scalar?.string, let channel = Channel(rawValue: name) else {
                        throw fail(file, k.mark?.line, "\(path).handles", "unknown channel \(k.scalar?.string ?? "?")")
                    }
                    handles[channel] = try strings(v, "\(path).handles.\(name)")
                }
            }
            out.append(Employee(
                id: id, name: try string("name", required: true)!, email: try string("email"),
                department: try string("department"),
                roles: try map["roles"].map { try strings($0, "\(path).roles") } ?? [],
                jurisdiction: try string("jurisdiction"), handles: handles))
        }
        return out
    }

    static func parseCSV(_ text: String, file: String) throws -> [Employee] {
        let rows = try CSVReader.rows(text, file: file)
        guard let header = rows.first else { return [] }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ n: String...) -> Int? { names.firstIndex { n.contains($0) } }
        guard let idCol = column("id", "employee_id"), let nameCol = column("name") else {
            throw fail(file, header.line, "header", "needs `id` (or `employee_id`) and `name` columns")
        }
        for (i, n) in names.enumerated()
        where !["id", "employee_id", "name", "email", "department", "roles", "jurisdiction"].contains(n)
            && Channel(rawValue: n) == nil
        {
            throw fail(file, header.line, "header[\(i)]", "unknown column \(n)")
        }
        var out: [Employee] = []
        var seen = Set<String>()
        for row in rows.dropFirst() where !row.fields.allSatisfy(\.isEmpty) {
            guard row.fields.count == names.count else {
                throw fail(file, row.line, "row", "has \(row.fields.count) fields, the header has \(names.count)")
            }
            func value(_ c: Int?) -> String? {
                guard let c else { return nil }
                let v = row.fields[c].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            func list(_ c: Int?) -> [String] {
                (value(c) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            guard let id = value(idCol) else { throw fail(file, row.line, names[idCol], "required field is empty") }
            guard let name = value(nameCol) else { throw fail(file, row.line, "name", "required field is empty") }
            guard seen.insert(id).inserted else { throw fail(file, row.line, names[idCol], "duplicate employee id") }
            var handles: [Channel: [String]] = [:]
            for (i, n) in names.enumerated() { if let ch = Channel(rawValue: n), !list(i).isEmpty { handles[ch] = list(i) } }
            out.append(Employee(
                id: id, name: name, email: value(column("email")), department: value(column("department")),
                roles: list(column("roles")), jurisdiction: value(column("jurisdiction")), handles: handles))
        }
        return out
    }
}
