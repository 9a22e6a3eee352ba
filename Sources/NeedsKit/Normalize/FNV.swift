/// FNV-1a, 64-bit: stable respondent IDs and row fingerprints (not for security).
enum FNV {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = offsetBasis) -> UInt64 {
        var h = seed
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// `R` and the hash as 16 hex digits: a respondent's ID.
    static func respondentID(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 17) { buffer in
            writeRespondentID(value, into: UnsafeMutableRawBufferPointer(buffer))
            return 17
        }
    }

    /// The respondent ID's 17 bytes into the start of `buffer`.
    @inline(__always)
    static func writeRespondentID(_ value: UInt64, into buffer: UnsafeMutableRawBufferPointer) {
        let digits: StaticString = "0123456789abcdef"
        buffer[0] = UInt8(ascii: "R")
        for k in 0..<16 { buffer[1 + k] = digits.utf8Start[Int((value >> UInt64(60 - 4 * k)) & 0xF)] }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
