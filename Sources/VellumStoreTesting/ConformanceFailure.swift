/// A conformance check that did not hold, with where it was checked.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String, fileID: String = #fileID, line: Int = #line) {
        self.description = "\(fileID):\(line): \(description)"
    }
}

func check(_ condition: Bool, _ what: @autoclosure () -> String, fileID: String = #fileID, line: Int = #line) throws {
    if !condition { throw ConformanceFailure(what(), fileID: fileID, line: line) }
}
