import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A single pass over a field's bytes: line breaks, NUL bytes and whether any byte is non-ASCII.
/// Eight bytes at a time; only words holding a byte below 0x0E are looked at byte by byte.
struct FieldScan {
    /// Whether any byte is below 0x0E (line breaks, NUL) or non-ASCII: only then is a field
    /// scanned byte by byte.
    @inline(__always)
    static func needsScan(_ field: UnsafeRawBufferPointer) -> Bool {
        let (control, high) = kinds(field)
        return control || high
    }

    /// Whether the bytes hold control characters below 0x0E (line breaks, NUL, tabs and the like)
    /// and bytes above 0x7F: sixteen at a time, in C (`needs_scan_kinds`).
    @inline(__always)
    static func kinds(_ bytes: UnsafeRawBufferPointer) -> (control: Bool, high: Bool) {
        let kinds = needs_scan_kinds(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
        return (kinds & 1 != 0, kinds & 2 != 0)
    }

    /// Whether the processor has AVX2 (`needs_has_avx2`): the reading thread's scan of each
    /// record then reads thirty-two bytes at a time.
    static let avx2 = needs_has_avx2()

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
