/// Equality of byte strings in time that depends only on their lengths, not their contents.
///
/// Named apart from the main package's `ConstantTime.equal(_:_:)` so the two can live in one module.
public enum LegacyConstantTime {
    public static func equal(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(lhs, rhs) {
            difference |= a ^ b
        }
        return difference == 0
    }

    /// Compares the UTF-8 bytes of two strings (for example two hex signatures).
    public static func equal(_ lhs: String, _ rhs: String) -> Bool {
        equal(Array(lhs.utf8), Array(rhs.utf8))
    }
}
