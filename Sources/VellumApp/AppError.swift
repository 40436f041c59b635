public import VellumCore

extension VellumError.Code {
    /// The master key given does not open this archive.
    public static let keyMismatch = VellumError.Code("keyMismatch")
}
