/// Decoding of scalars from raw UTF-8 bytes (the input is always valid UTF-8).
enum TokenUTF8Decoding {
    /// Decodes the scalar whose lead byte is at `index`; returns it with its byte length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
            return (Unicode.Scalar(UInt8(lead)), 1)
        } else if lead < 0xE0 {
            let value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            return (Unicode.Scalar(value).unsafelyUnwrapped, 2)
        } else if lead < 0xF0 {
            let value =
                (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return (Unicode.Scalar(value).unsafelyUnwrapped, 3)
        } else {
            let value =
                (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            return (Unicode.Scalar(value).unsafelyUnwrapped, 4)
        }
    }

    /// The scalars of `bytes[range]`.
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String.UnicodeScalarView {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self).unicodeScalars
    }
}
