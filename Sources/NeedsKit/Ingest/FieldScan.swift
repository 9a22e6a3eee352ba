#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A single pass over a field's bytes: line breaks, NUL bytes and whether any byte is non-ASCII.
/// Eight bytes at a time; only words holding a byte below 0x0E are looked at byte by byte.
struct FieldScan {
    /// Whether any byte is below 0x0E (line breaks, NUL) or non-ASCII: only then is a field
    /// scanned byte by byte. Eight bytes at a time; the tail is padded with spaces.
    /// With `readableSlack`, the source may be read in whole words past its end (see
    /// `RecordBuffer.append`); the bytes past the end are masked off.
    @inline(__always)
    static func needsScan(_ field: UnsafeRawBufferPointer, readableSlack: Bool = false) -> Bool {
        let (control, high) = kinds(field, readableSlack: readableSlack)
        return control || high
    }

    /// Whether the bytes hold control characters below 0x0E (line breaks, NUL, tabs and the like)
    /// and bytes above 0x7F, eight at a time (see `needsScan` for `readableSlack`).
    @inline(__always)
    static func kinds(_ bytes: UnsafeRawBufferPointer, readableSlack: Bool = false) -> (control: Bool, high: Bool) {
        let count = bytes.count
        guard count > 0 else { return (false, false) }
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var high: UInt64 = 0
        var control: UInt64 = 0
        var i = 0
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            high |= word
            control |= (word &- lowBits &* 0x0E) & ~word
            i += 8
        }
        if i < count {
            // Little-endian: the first (count − i) bytes are the low ones; the rest become spaces.
            var word: UInt64 = 0x2020_2020_2020_2020
            if readableSlack {
                let keep = UInt64(truncatingIfNeeded: count &- i) &* 8
                let mask: UInt64 = (1 &<< keep) &- 1
                word = ((bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & mask) | (word & ~mask)
            } else {
                withUnsafeMutableBytes(of: &word) { $0.baseAddress!.copyMemory(from: bytes.baseAddress! + i, byteCount: count - i) }
            }
            high |= word
            control |= (word &- lowBits &* 0x0E) & ~word
        }
        return (control & highBits != 0, high & highBits != 0)
    }

    var newlines = 0
    var nulBytes = 0
    var hasHighBytes = false

    init(_ field: UnsafeRawBufferPointer) {
        let count = field.count
        guard count > 0 else { return }
        var i = 0
        var high: UInt64 = 0
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= count {
            let word = field.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            high |= word
            if (word &- lowBits &* 0x0E) & ~word & highBits != 0 {
                scanBytes(field, i, i + 8)
            }
            i += 8
        }
        if i < count {
            for k in i..<count { high |= UInt64(field[k]) }
            scanBytes(field, i, count)
        }
        hasHighBytes = high & highBits != 0
    }

    private mutating func scanBytes(_ field: UnsafeRawBufferPointer, _ from: Int, _ to: Int) {
        for k in from..<to {
            let b = field[k]
            if b >= 0x0E { continue }
            if b == 0x0A {
                newlines += 1
            } else if b == 0x0D {
                if k + 1 >= field.count || field[k + 1] != 0x0A { newlines += 1 }
            } else if b == 0 {
                nulBytes += 1
            }
        }
    }
}
