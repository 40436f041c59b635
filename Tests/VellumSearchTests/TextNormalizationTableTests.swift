import Foundation
import Testing

@testable import VellumSearch

/// Exhaustive checks that the fast paths (lookup table, shortcuts, "stable" scalars, the
/// composition-mark list) agree with Unicode data and with the reference normalizer.
@Suite("TextNormalization tables agree with Unicode data")
struct TextNormalizationTableTests {
    static let blocks: [ClosedRange<UInt32>] = [
        0...0xFFFF, 0x1_0000...0x1_FFFF, 0x2_0000...0x2_FFFF, 0x3_0000...0x10_FFFF,
    ]

    private static func isAssigned(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .unassigned, .privateUse, .surrogate: false
        default: true
        }
    }

    private static func hex(_ value: UInt32) -> String {
        "U+" + String(value, radix: 16, uppercase: true)
    }

    @Test("Table lookups and shortcuts equal the property-derived info", arguments: blocks)
    func tableMatchesProperties(_ block: ClosedRange<UInt32>) {
        var mismatches: [String] = []
        TokenScalarTable.bmp.withUnsafeBufferPointer { table in
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if TokenScalarTable.info(value, table: table) != TokenScalarTable.computeInfo(scalar) {
                    mismatches.append(Self.hex(value))
                }
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(20))")
    }

    @Test("Every stable scalar is its own normalized form", arguments: blocks)
    func stableScalarsAreNormalized(_ block: ClosedRange<UInt32>) {
        var mismatches: [String] = []
        for value in block {
            guard let scalar = Unicode.Scalar(value), Self.isAssigned(scalar) else { continue }
            let info = TokenScalarTable.computeInfo(scalar)
            guard info.isStable, info.kind != .ignorable else { continue }
            if TextNormalization.normalize(CollectionOfOne(scalar)) != String(scalar) {
                mismatches.append(Self.hex(value))
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(20))")
    }

    @Test("Every scalar inside a primary composite's decomposition is a listed composition mark")
    func compositionMarksAreComplete() {
        var missing: Set<UInt32> = []
        for value in UInt32(0)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(value), Self.isAssigned(scalar) else { continue }
            let original = String(scalar)
            let decomposed = original.decomposedStringWithCanonicalMapping
            let parts = Array(decomposed.unicodeScalars)
            guard parts.count >= 2, decomposed.precomposedStringWithCanonicalMapping == original else { continue }
            for part in parts.dropFirst() where !CanonicalCompositionMarks.contains(part.value) {
                missing.insert(part.value)
            }
        }
        #expect(missing.isEmpty, "missing: \(missing.sorted().map(Self.hex))")
    }

    @Test("Precomputed BMP mappings equal the reference normalizer")
    func bmpMappingsMatchReference() {
        for (value, mapped) in TokenScalarTable.bmpMappings {
            let scalar = Unicode.Scalar(value).unsafelyUnwrapped
            #expect(TextNormalization.normalize(CollectionOfOne(scalar)) == mapped)
        }
    }

    @Test("Full-width ASCII shortcut equals NFKC + folding")
    func fullWidthShortcut() {
        for value in UInt32(0xFF01)...0xFF5E {
            let scalar = Unicode.Scalar(value).unsafelyUnwrapped
            let ascii = String(Unicode.Scalar(UInt8(value - 0xFEE0))).lowercased()
            #expect(TextNormalization.normalize(CollectionOfOne(scalar)) == ascii)
        }
    }

    @Test("Upper- and lowercase spellings of a letter give the same term", arguments: blocks.prefix(2))
    func caseInsensitive(_ block: ClosedRange<UInt32>) {
        // The one deliberate difference: dotless ı stays distinct from i (its uppercase is I).
        var mismatches: [String] = []
        for value in block {
            guard let scalar = Unicode.Scalar(value), Self.isAssigned(scalar), value != 0x131 else { continue }
            let upper = scalar.properties.uppercaseMapping
            guard upper != String(scalar) else { continue }
            if TextNormalization.normalize(upper.unicodeScalars) != TextNormalization.normalize(CollectionOfOne(scalar)) {
                mismatches.append(Self.hex(value))
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(20))")
    }
}
