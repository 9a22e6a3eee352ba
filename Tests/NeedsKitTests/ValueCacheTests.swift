import XCTest
@testable import NeedsKit

/// The value caches find a field by its key: for fields of up to 16 bytes two words read past
/// the field's end and masked. A wrong mask, a lost length or a collision taken for a match
/// would read one answer as another.
final class ValueCacheTests: XCTestCase {
    /// Every length from 0 to 40, read from a buffer with other bytes after the field: the
    /// padded key (which reads past the end) equals the key built from the bytes alone.
    func testPaddedKeyEqualsTheKeyOfTheBytesAlone() {
        let text = Array("Rēzekne;Tallinn;Kaunas 2;lietuvių kalba;0123456789abcdefghij".utf8)
        let buffer = text + [UInt8](repeating: 0xFF, count: 16)
        buffer.withUnsafeBytes { all in
            for start in [0, 3, 9] {
                for length in 0...40 where start + length <= text.count {
                    let field = UnsafeRawBufferPointer(rebasing: all[start..<(start + length)])
                    let padded = FieldKey(padded: field)
                    let copied = Array(field).withUnsafeBytes { FieldKey($0) }
                    XCTAssertEqual(padded.hash, copied.hash, "start \(start), length \(length)")
                    XCTAssertEqual(padded.w0, copied.w0, "start \(start), length \(length)")
                    XCTAssertEqual(padded.w1, copied.w1, "start \(start), length \(length)")
                }
            }
        }
    }

    /// Values that differ only in their length (a NUL byte is 0, like the padding), their last
    /// byte, or past the 16th byte are different entries; the same bytes are found again.
    func testNearValuesAreDifferentEntries() {
        let values: [[UInt8]] = [
            [], [0], [0, 0], Array("a".utf8), Array("a".utf8) + [0], Array("ab".utf8),
            Array("Valmiera".utf8), Array("Valmiera".utf8) + [0], Array("Valmieras".utf8),
            Array("0123456789abcdef".utf8), Array("0123456789abcdeg".utf8),
            Array("0123456789abcdef".utf8) + [0], Array("0123456789abcdefX".utf8),
            Array("0123456789abcdefY".utf8), Array("Vilniaus miesto savivaldybė".utf8),
            Array("Vilniaus miesto savivaldybės".utf8),
        ]
        var cache = ValueCache<Int>(limit: 100)
        for (i, value) in values.enumerated() {
            value.withUnsafeBytes { bytes in
                XCTAssertNil(cache.find(FieldKey(bytes)), "\(value) found before it was added")
                XCTAssertEqual(cache.insert(FieldKey(bytes), value: i), i)
            }
        }
        for (i, value) in values.enumerated() {
            (value + [UInt8](repeating: 0x41, count: 16)).withUnsafeBytes { buffer in
                let field = UnsafeRawBufferPointer(rebasing: buffer[0..<value.count])
                XCTAssertEqual(cache.find(FieldKey(padded: field)), i, "\(value)")
            }
        }
    }

    /// Entries whose hashes share the slot bits are still found (probing), however many, and a
    /// full cache takes no more.
    func testManyValuesAndTheLimit() {
        var cache = ValueCache<Int>(limit: 3000)
        for i in 0..<3000 {
            let text = Array("value \(i)\(i % 3 == 0 ? " with a longer tail of text" : "")".utf8)
            text.withUnsafeBytes { XCTAssertEqual(cache.insert(FieldKey($0), value: i * 7), i) }
        }
        XCTAssertTrue(cache.isFull)
        Array("one more".utf8).withUnsafeBytes { XCTAssertNil(cache.insert(FieldKey($0), value: 0)) }
        for i in stride(from: 0, to: 3000, by: 13) {
            let text = Array("value \(i)\(i % 3 == 0 ? " with a longer tail of text" : "")".utf8)
            text.withUnsafeBytes { XCTAssertEqual(cache.find(FieldKey($0)), i * 7, "value \(i)") }
        }
        Array("value 3000".utf8).withUnsafeBytes { XCTAssertNil(cache.find(FieldKey($0))) }
    }

    /// A word equal to the constant it is mixed with makes the multiply's factor zero: the fields
    /// of that shape must still hash apart (row fingerprints are built from these hashes).
    func testShortHashHasNoCollapsingClass() {
        let firstConstant: UInt64 = 0xA076_1D64_78BD_642F
        let secondConstant: UInt64 = 0xE703_7ED1_A0B4_28DB ^ (16 &* 0x8EBC_6AF0_9C88_C6E3)
        var hashes = Set<UInt64>()
        for i in 0..<1000 {
            let other = UInt64(i) &* 0x9E37_79B9_7F4A_7C15
            hashes.insert(FieldHash.short(firstConstant, other, count: 16))
            hashes.insert(FieldHash.short(other, secondConstant, count: 16))
        }
        XCTAssertEqual(hashes.count, 2000)
    }
}
