import CLibCSV

/// UTF-8 well-formedness (Unicode 15, table 3-7), on raw bytes, without building a String.
enum UTF8Validation {
    /// The offset of the first byte that starts an ill-formed sequence, or nil when all is valid.
    ///
    /// With `allowTruncatedEnd`, a sequence cut off by the end of the buffer counts as valid: the
    /// buffer is a sample of a longer file. In C (`needs_utf8_first_invalid`): it runs over every
    /// record with a non-ASCII byte, and skips ASCII sixteen bytes at a time.
    static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> Int? {
        let offset = needs_utf8_first_invalid(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, allowTruncatedEnd)
        return offset < 0 ? nil : offset
    }

    /// Whether every byte is ASCII.
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }
}
