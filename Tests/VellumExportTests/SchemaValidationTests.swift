import Foundation
import Testing
import VellumExport

/// Runs Python's `jsonschema` (Draft 7, format checks on) over manifests. CI needs
/// `pip install jsonschema rfc3339-validator`; the suite is skipped only when python3 is absent.
enum PythonSchema {
    static let python: URL? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static let script = """
        import json, sys, pathlib
        try:
            from jsonschema import Draft7Validator
        except ImportError:
            print("jsonschema is missing: pip install jsonschema rfc3339-validator"); sys.exit(3)
        checker = Draft7Validator.FORMAT_CHECKER
        if "date-time" not in checker.checkers:
            print("date-time format checks are off: pip install rfc3339-validator"); sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft7Validator.check_schema(schema)
        v = Draft7Validator(schema, format_checker=checker)
        probe = {"version": "2.0.0", "participants": [], "conversations": [],
                 "events": [{"type": "message", "timestamp": "2013-01-10T15:53:00"}]}
        if not list(v.iter_errors(probe)):
            print("format checks are not applied"); sys.exit(3)
        out = {}
        for path in sys.argv[2:]:
            instance = json.load(open(path, encoding="utf-8"))
            out[pathlib.Path(path).name] = sorted(e.message for e in v.iter_errors(instance))
        print(json.dumps(out))
        """

    /// Schema errors per file name; throws with Python's message when the tooling is missing.
    static func validate(schema: URL, files: [URL]) throws -> [String: [String]] {
        guard let python else { throw ExportError(.io, "python3 is not on PATH") }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, schema.path] + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            Issue.record("python3 jsonschema failed (\(process.terminationStatus)): \(text)")
            return [:]
        }
        return try JSONDecoder().decode([String: [String]].self, from: Data(text.utf8))
    }
}

@Suite(
    "RSMF manifests against the JSON schema (Python jsonschema, Draft 7, formats on)",
    .enabled(
        if: PythonSchema.python != nil,
        "python3 is not on PATH: schema validation skipped (CI: install python3, then pip install jsonschema rfc3339-validator)"
    ))
struct SchemaValidationTests {
    @Test("every exported manifest validates, formats included")
    func exportedManifestsValidate() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.rsmf], limits: RSMFSliceLimits(maxEvents: 3))
        let dir = TempDir.make()
        var files: [URL] = []
        for (i, path) in TempDir.files(folder, extension: "rsmf").enumerated() {
            let doc = try RSMFReader.read(contentsOf: folder.appendingPathComponent(path))
            let url = dir.appendingPathComponent("manifest\(i).json")
            try doc.manifestData.write(to: url)
            files.append(url)
        }
        #expect(files.count >= 4)
        let results = try PythonSchema.validate(schema: Fixtures.url(Fixtures.schema2), files: files)
        #expect(results.count == files.count)
        for (name, errors) in results { #expect(errors.isEmpty, "\(name): \(errors)") }
    }

    @Test("the invalid Relativity samples 1 and 4 fail the schema")
    func invalidSamplesFail() throws {
        let results = try PythonSchema.validate(
            schema: Fixtures.url(Fixtures.schema2),
            files: [Fixtures.url(Fixtures.sample1), Fixtures.url(Fixtures.sample4)])
        #expect(results[Fixtures.sample1]?.contains("'id' is a required property") == true)
        #expect(results[Fixtures.sample4]?.contains("1 is not of type 'string'") == true)
    }

    @Test("sample 2 fails only the strict date-time format (its timestamps have no offset)")
    func sample2OnlyFormat() throws {
        let results = try PythonSchema.validate(
            schema: Fixtures.url(Fixtures.schema1), files: [Fixtures.url(Fixtures.sample2)])
        let errors = try #require(results[Fixtures.sample2])
        #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("is not a 'date-time'") })
    }
}
