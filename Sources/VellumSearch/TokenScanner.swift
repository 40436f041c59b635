/// Walks the original text's UTF-8 once, cutting it into normalization chunks (a base scalar
/// plus the marks and other scalars that attach to it), normalizing each chunk, and feeding
/// the resulting scalars, tagged with the chunk's original scalar range, to ``TokenAssembler``.
///
/// Normalizing per chunk is what keeps `scalarRange` exact: NFKC only interacts within a
/// chunk, so every output scalar maps back to one original chunk. Most chunks take a fast path:
/// ASCII is handled byte by byte, and a stable scalar (one that NFKC + case folding leaves
/// alone) is passed through without calling the normalizer.
struct TokenScanner<Sink: TokenSink> {
    private var assembler: TokenAssembler<Sink>
    private let table: UnsafeBufferPointer<UInt8>

    init(sink: Sink, table: UnsafeBufferPointer<UInt8>, scratch: TokenByteBuffer) {
        assembler = TokenAssembler(sink: sink, scratch: scratch)
        self.table = table
    }

    /// Tokenizes valid UTF-8 `bytes` and returns the sink holding the tokens.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Sink {
        let count = bytes.count
        var index = 0
        var offset = 0  // scalar offset of bytes[index] in the original text
        while index < count {
            let byte = bytes[index]
            // Lead bytes below 0xCC encode scalars below U+0300, which never attach.
            if byte < 0x80, index + 1 == count || bytes[index + 1] < 0xCC {
                assembler.ascii(byte, lower: offset, upper: offset + 1)
                index += 1
                offset += 1
                continue
            }
            let (base, baseLength) = TokenUTF8Decoding.decode(bytes, at: index)
            var next = index + baseLength
            var end = offset + 1
            while next < count, bytes[next] >= 0xCC {
                let (scalar, length) = TokenUTF8Decoding.decode(bytes, at: next)
                guard TokenScalarTable.info(scalar.value, table: table).attaches else { break }
                next += length
                end += 1
            }
            if end == offset + 1 {
                single(base, lower: offset, upper: end)
            } else {
                multiple(TokenUTF8Decoding.scalars(bytes, index..<next), lower: offset, upper: end)
            }
            index = next
            offset = end
        }
        return assembler.finish()
    }

    /// A chunk made of one scalar.
    @inline(__always)
    private mutating func single(_ scalar: Unicode.Scalar, lower: Int, upper: Int) {
        let v = scalar.value
        if v < 0x80 {
            assembler.ascii(UInt8(v), lower: lower, upper: upper)
            return
        }
        let info = TokenScalarTable.info(v, table: table)
        if info.isStable || info.kind == .ignorable {
            assembler.scalar(scalar, kind: info.kind, lower: lower, upper: upper)
        } else if v >= 0xFF01, v <= 0xFF5E {
            // Full-width ASCII: NFKC maps U+FF01…U+FF5E to U+0021…U+007E.
            assembler.ascii(UInt8(v - 0xFEE0), lower: lower, upper: upper)
        } else {
            let precomputed = v < 0x1_0000 ? TokenScalarTable.bmpMappings[v] : nil
            let mapped = precomputed ?? TextNormalization.normalize(CollectionOfOne(scalar))
            feed(mapped, lower: lower, upper: upper, isolated: info.kind == .separator)
        }
    }

    /// A chunk of a base scalar plus attached scalars.
    private mutating func multiple(_ chunk: String.UnicodeScalarView, lower: Int, upper: Int) {
        let baseInfo = TokenScalarTable.info(chunk.first.unsafelyUnwrapped.value, table: table)
        var isOwnNormalForm = baseInfo.isStable
        var previousClass: UInt8 = 0
        for scalar in chunk.dropFirst() {
            let info = TokenScalarTable.info(scalar.value, table: table)
            switch info.kind {
            case .enclosingMark:
                // Keycaps (1️⃣) and other enclosed forms are symbols, like emoji.
                assembler.separator()
                return
            case .ignorable:
                continue
            case .mark where info.isStable && !info.composes:
                let combiningClass = scalar.properties.canonicalCombiningClass.rawValue
                if combiningClass != 0, previousClass > combiningClass { isOwnNormalForm = false }
                previousClass = combiningClass
            default:
                isOwnNormalForm = false
            }
        }
        if isOwnNormalForm {
            feed(chunk, lower: lower, upper: upper)
        } else {
            feed(
                TextNormalization.normalize(chunk).unicodeScalars, lower: lower, upper: upper,
                isolated: baseInfo.kind == .separator)
        }
    }

    /// Feeds normalized text from `normalized` as text of the chunk `lower..<upper`.
    private mutating func feed(_ normalized: String, lower: Int, upper: Int, isolated: Bool) {
        feed(normalized.unicodeScalars, lower: lower, upper: upper, isolated: isolated)
    }

    /// Feeds already normalized scalars that all came from the chunk `lower..<upper`.
    ///
    /// `isolated` is set when the chunk is a symbol or punctuation that NFKC may expand into
    /// letters or digits (`™` → `tm`, `㎏` → `kg`, `㍻` → `平成`): its terms then stand alone
    /// instead of gluing onto the neighbouring word (`Vellum™` → `vellum`, `tm`).
    private mutating func feed(
        _ normalized: String.UnicodeScalarView, lower: Int, upper: Int, isolated: Bool = false
    ) {
        if isolated { assembler.separator() }
        for scalar in normalized {
            if scalar.value < 0x80 {
                assembler.ascii(UInt8(scalar.value), lower: lower, upper: upper)
            } else {
                let kind = TokenScalarTable.info(scalar.value, table: table).kind
                assembler.scalar(scalar, kind: kind, lower: lower, upper: upper)
            }
        }
        if isolated { assembler.separator() }
    }
}
