/// Every key Vellum derives from the master key, with its HKDF info string, in one place.
///
/// Changing an info string changes every derived key: such a change is a new archive version.
enum KeyPurpose: String, CaseIterable {
    case keyEncryption = "vellum/v1/key-encryption"
    case blindIndex = "vellum/v1/blind-index"
    case lookup = "vellum/v1/lookup"
    case treeHeadSigning = "vellum/v1/tree-head-signing"
    case keyCheck = "vellum/v1/key-check"
}
