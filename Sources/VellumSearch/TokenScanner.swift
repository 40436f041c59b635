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
    /// Scalars of the current multi-scalar chunk (reused between chunks).
    private var chunk: [Unicode.Scalar] = []

    init(sink: Sink, table: UnsafeBufferPointer<UInt8>) {
        assembler = TokenAssembler(sink: sink)
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
            let (base, baseLength) = UTF8Encoding.decode(bytes, at: index)
            var next = index + baseLength
            var end = offset + 1
            chunk.removeAll(keepingCapacity: true)
            while next < count, bytes[next] >= 0xCC {
                let (scalar, length) = UTF8Encoding.decode(bytes, at: next)
                guard ScalarTable.info(scalar.value, table: table).attaches else { break }
                if chunk.isEmpty { chunk.append(base) }
                chunk.append(scalar)
                next += length
                end += 1
            }
            if chunk.isEmpty {
                single(base, lower: offset, upper: end)
            } else {
                multiple(lower: offset, upper: end)
            }
            index = next
            offset = end
        }
        assembler.finish()
        return assembler.sink
    }

    /// A chunk made of one scalar.
    @inline(__always)
    private mutating func single(_ scalar: Unicode.Scalar, lower: Int, upper: Int) {
        let v = scalar.value
        if v < 0x80 {
            assembler.ascii(UInt8(v), lower: lower, upper: upper)
            return
        }
        let info = ScalarTable.info(v, table: table)
        if info.isStable || info.kind == .ignorable {
            assembler.scalar(scalar, kind: info.kind, lower: lower, upper: upper)
        } else if v >= 0xFF01, v <= 0xFF5E {
            // Full-width ASCII: NFKC maps U+FF01…U+FF5E to U+0021…U+007E.
            assembler.ascii(UInt8(v - 0xFEE0), lower: lower, upper: upper)
        } else if v < 0x1_0000, let mapped = ScalarTable.bmpMappings[v] {
            feed(mapped, lower: lower, upper: upper)
        } else {
            feed(Normalization.normalize(CollectionOfOne(scalar)), lower: lower, upper: upper)
        }
    }

    /// A chunk of a base scalar plus attached scalars (in `chunk`).
    private mutating func multiple(lower: Int, upper: Int) {
        var isOwnNormalForm = ScalarTable.info(chunk[0].value, table: table).isStable
        var previousClass: UInt8 = 0
        for scalar in chunk.dropFirst() {
            let info = ScalarTable.info(scalar.value, table: table)
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
            for scalar in chunk {
                if scalar.value < 0x80 {
                    assembler.ascii(UInt8(scalar.value), lower: lower, upper: upper)
                } else {
                    let kind = ScalarTable.info(scalar.value, table: table).kind
                    assembler.scalar(scalar, kind: kind, lower: lower, upper: upper)
                }
            }
        } else {
            feed(Normalization.normalize(chunk), lower: lower, upper: upper)
        }
    }

    /// Feeds already normalized text that all came from the chunk `lower..<upper`.
    private mutating func feed(_ normalized: String, lower: Int, upper: Int) {
        for scalar in normalized.unicodeScalars {
            if scalar.value < 0x80 {
                assembler.ascii(UInt8(scalar.value), lower: lower, upper: upper)
            } else {
                let kind = ScalarTable.info(scalar.value, table: table).kind
                assembler.scalar(scalar, kind: kind, lower: lower, upper: upper)
            }
        }
    }
}
