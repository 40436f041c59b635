import Foundation
import VellumCore
import VellumPolicy

/// `"2024-02-29"` as a day; traps on a bad literal (test tables only).
func day(_ text: String) -> CalendarDay {
    guard let d = CalendarDay(text) else { fatalError("bad test date \(text)") }
    return d
}

/// The package's `docs/` folder, found from this file's path.
let docsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs")

func docsFile(_ name: String) throws -> String {
    try String(contentsOf: docsDirectory.appendingPathComponent(name), encoding: .utf8)
}

/// The documented example policy, parsed.
func examplePolicy() throws -> Policy {
    try PolicyFile.parse(yaml: try docsFile("vellum-policy.example.yaml"), file: "vellum-policy.example.yaml")
}

/// A policy from YAML that must be valid.
func policy(_ yaml: String) throws -> Policy {
    try PolicyFile.parse(yaml: yaml, file: "test.yaml")
}

/// The problems of YAML that must be invalid.
func problems(_ yaml: String) -> [PolicyProblem] {
    PolicyFile.load(yaml: yaml, file: "test.yaml").1
}

func employee(
    _ id: String, roles: [String] = [], department: String? = nil, jurisdiction: String? = nil
) -> Employee {
    Employee(id: id, name: "Employee \(id)", department: department, roles: roles, jurisdiction: jurisdiction)
}

/// The smallest valid policy header.
let minimalHeader = """
    organisation:
      name: Test Ltd
      country: GB

    """
