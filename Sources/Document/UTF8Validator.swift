/// Finds the first byte that breaks UTF-8, so that a bad file is reported where it goes wrong
/// instead of being decoded with replacement characters.
enum UTF8Validator {
    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and scalars past U+10FFFF are ill-formed), or nil.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var i = 0
            while i < count {
                let lead = buffer[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return i
                }
                // The first continuation byte carries the range checks; the others are plain.
                guard i + 1 < count, buffer[i + 1] >= low, buffer[i + 1] <= high else {
                    return i
                }
                var k = 2
                while k < length {
                    guard i + k < count, buffer[i + k] & 0xC0 == 0x80 else { return i }
                    k += 1
                }
                i += length
            }
            return nil
        }
    }
}
