import HTTPTypes
import Foundation

/// A decoded `application/x-www-form-urlencoded` body: the last value of each field, and every
/// value for fields that repeat (check boxes).
public struct FormFields: Sendable, Hashable {
    public var pairs: [(String, String)] { storage }
    let storage: [(String, String)]

    public init(_ body: String) {
        storage = body.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring?) -> String {
                guard let s else { return "" }
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(kv.first), decode(kv.count > 1 ? kv[1] : nil))
        }
    }

    public subscript(_ name: String) -> String? { storage.last { $0.0 == name }?.1 }

    public func all(_ name: String) -> [String] { storage.filter { $0.0 == name }.map(\.1) }

    /// The trimmed value, or an error naming the field when it is missing or empty.
    public func required(_ name: String) throws -> String {
        guard let v = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else {
            throw HTTPFailure(.badRequest, "invalidInput", "\(name): this field is required")
        }
        return v
    }

    public static func == (a: FormFields, b: FormFields) -> Bool { a.storage.elementsEqual(b.storage) { $0 == $1 } }
    public func hash(into h: inout Hasher) { for (k, v) in storage { h.combine(k); h.combine(v) } }
}
