/// UTF-8 well-formedness (Unicode 15, table 3-7), on raw bytes, without building a String.
enum UTF8Validation {
    /// The offset of the first byte that starts an ill-formed sequence, or nil when all is valid.
    ///
    /// With `allowTruncatedEnd`, a sequence cut off by the end of the buffer counts as valid: the
    /// buffer is a sample of a longer file.
    static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> Int? {
        let count = bytes.count
        var i = 0
        while i < count {
            // ASCII, eight bytes at a time.
            while i + 8 <= count && bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { break }
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            for k in 1..<length {
                if i + k >= count { return allowTruncatedEnd ? nil : i }
                let b = bytes[i + k]
                if k == 1 {
                    if b < lower || b > upper { return i }
                } else if b < 0x80 || b > 0xBF {
                    return i
                }
            }
            i += length
        }
        return nil
    }

    /// Whether every byte is ASCII.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }
}
