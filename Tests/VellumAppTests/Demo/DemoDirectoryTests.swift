import Foundation
import Testing
import VellumApp

/// One employee as read by the minimal YAML reader below.
private struct DirectoryEntry {
    var fields: [String: String] = [:]
    var handles: [String: String] = [:]
}

/// Reads the directory's fixed shape line by line (no YAML library in this package): `employees:`,
/// then `  - id:` items with four-space fields and six-space handles. Returns nil on any other line.
private func readDirectory(_ yaml: String) -> [DirectoryEntry]? {
    var entries: [DirectoryEntry] = []
    var sawRoot = false
    var inHandles = false
    for rawLine in yaml.split(separator: "\n") {
        let line = String(rawLine)
        if line.hasPrefix("#") { continue }
        if line == "employees:" {
            sawRoot = true
        } else if line.hasPrefix("  - id: ") {
            entries.append(DirectoryEntry(fields: ["id": String(line.dropFirst(8))]))
            inHandles = false
        } else if line == "    handles:" {
            inHandles = true
        } else if inHandles, line.hasPrefix("      "), let (key, value) = pair(line.dropFirst(6)) {
            entries[entries.count - 1].handles[key] = value
        } else if line.hasPrefix("    "), !line.hasPrefix("     "), let (key, value) = pair(line.dropFirst(4)) {
            entries[entries.count - 1].fields[key] = value
            inHandles = false
        } else {
            return nil
        }
    }
    return sawRoot ? entries : nil
}

private func pair(_ text: Substring) -> (String, String)? {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    var value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
    return (String(text[..<colon]), value)
}

@Suite("DemoDataset directory")
struct DemoDirectoryTests {
    let yaml = DemoDataset.make().directoryYAML

    @Test("the directory YAML has the expected shape")
    func shape() throws {
        let entries = try #require(readDirectory(yaml))
        #expect((6...12).contains(entries.count))
        #expect(Set(entries.compactMap { $0.fields["id"] }).count == entries.count)
        for entry in entries {
            #expect(entry.fields["id"]?.range(of: #"^E\d{4}$"#, options: .regularExpression) != nil)
            for key in ["name", "email", "department", "roles", "jurisdiction"] {
                #expect(entry.fields[key]?.isEmpty == false, "\(key) missing in \(entry.fields)")
            }
            #expect(entry.fields["email"]?.contains("@") == true)
            #expect(["HK", "CN", "UK", "US"].contains(entry.fields["jurisdiction"] ?? ""))
            let roles = entry.fields["roles"] ?? ""
            #expect(roles.hasPrefix("[") && roles.hasSuffix("]"))
            #expect(!entry.handles.isEmpty)
            let channels: Set<String> = ["wecom", "wechat", "whatsapp", "telegram", "signal", "sms", "email"]
            #expect(Set(entry.handles.keys).isSubset(of: channels))
        }
        #expect(Set(entries.compactMap { $0.fields["jurisdiction"] }) == ["HK", "CN", "UK", "US"])
        let roles = Set(
            entries.flatMap { ($0.fields["roles"] ?? "").trimmingCharacters(in: ["[", "]"]).components(separatedBy: ", ") })
        #expect(roles.isSuperset(of: ["relationship-manager", "trader", "compliance-officer", "accountant", "analyst"]))
        let names = entries.compactMap { $0.fields["name"] }
        #expect(names.contains("Zhang Wei") && names.contains("Oliver Bennett"))
    }

    @Test("the first employee matches the documented example")
    func documentedExample() throws {
        let first = try #require(readDirectory(yaml)?.first)
        #expect(first.fields["id"] == "E1001")
        #expect(first.fields["name"] == "Zhang Wei")
        #expect(first.fields["email"] == "zhang.wei@harbourbridge.example")
        #expect(first.fields["roles"] == "[relationship-manager]")
        #expect(first.handles == ["wecom": "zhangwei", "whatsapp": "+85291230001", "telegram": "100200301", "signal": "+85291230001"])
    }

    @Test("every employee takes part in the messages, and every conversation has an employee")
    func employeesAppearInMessages() throws {
        let entries = try #require(readDirectory(yaml))
        let objects = DemoDataset.make().messagesJSONL.split(separator: "\n").compactMap { DemoLineChecks.object(String($0)) }
        var handles: Set<String> = []
        for entry in entries {
            for (channel, handle) in entry.handles { handles.insert("\(channel)|\(handle)") }
            handles.insert("email|\(entry.fields["email"] ?? "")")
        }
        func participants(_ object: [String: Any]) -> [String] {
            let channel = object["channel"] as? String ?? ""
            let parties: [Any] = [object["from"] as Any] + (object["to"] as? [Any] ?? [])
            return parties.compactMap { ($0 as? [String: Any])?["id"] as? String }.map { "\(channel)|\($0)" }
        }
        var seen: Set<String> = []
        var employeeInConversation: [String: Bool] = [:]
        for object in objects {
            let found = participants(object).filter(handles.contains)
            seen.formUnion(found)
            let conversation = (object["conversation"] as? [String: Any])?["id"] as? String ?? ""
            employeeInConversation[conversation, default: false] = employeeInConversation[conversation, default: false] || !found.isEmpty
        }
        for entry in entries {
            let own = Set(entry.handles.map { "\($0.key)|\($0.value)" } + ["email|\(entry.fields["email"] ?? "")"])
            #expect(!own.isDisjoint(with: seen), "\(entry.fields["name"] ?? "") never appears")
        }
        #expect(employeeInConversation.values.allSatisfy { $0 }, "\(employeeInConversation.filter { !$0.value }.keys)")
    }
}
