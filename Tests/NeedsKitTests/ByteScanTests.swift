import CLibCSV
import XCTest
@testable import NeedsKit

/// The reading thread's byte scans (`FieldScan.kinds`, `UTF8Validation`, in C with SSE2 and, where
/// the processor has it, AVX2) against independent references: a byte loop, and the Swift
/// standard library's UTF-8 parser. Random byte strings of every length up to 80 (so every place
/// in and across the sixteen- and thirty-two-byte blocks), drawn mostly from the bytes where
/// UTF-8's rules change.
final class ByteScanTests: XCTestCase {
    /// Bytes around every boundary of UTF-8's table 3-7, and of the control-character test.
    private static let alphabet: [UInt8] = [
        0x00, 0x09, 0x0A, 0x0D, 0x0E, 0x20, 0x41, 0x7F,
        0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xC5, 0xDF,
        0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]

    /// Random strings: mostly ASCII letters with a few boundary bytes (as text is), or boundary
    /// bytes throughout, or valid UTF-8 of Baltic and Cyrillic letters cut anywhere.
    private func samples(_ count: Int) -> [[UInt8]] {
        var random = SplitMix64(seed: 2025)
        var out: [[UInt8]] = []
        let letters = Array("aāčėįšųūžõäöüжщъё€𝄞".utf8)
        for n in 0..<count {
            let length = Int.random(in: 0...80, using: &random)
            var bytes: [UInt8] = []
            switch n % 3 {
            case 0:
                for _ in 0..<length {
                    bytes.append(Int.random(in: 0..<8, using: &random) == 0
                        ? Self.alphabet.randomElement(using: &random)! : UInt8.random(in: 0x20...0x7E, using: &random))
                }
            case 1:
                for _ in 0..<length { bytes.append(Self.alphabet.randomElement(using: &random)!) }
            default:
                while bytes.count < length {
                    let start = Int.random(in: 0..<letters.count, using: &random)
                    bytes += letters[start..<min(letters.count, start + Int.random(in: 1...6, using: &random))]
                }
            }
            out.append(bytes)
        }
        return out
    }

    /// The standard library's reading: the offset of the first ill-formed sequence, and whether
    /// it runs to the end as the start of a sequence the end cut off.
    private func reference(_ bytes: [UInt8]) -> (offset: Int, cutOff: Bool)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                offset += encoded.count
            case .emptyInput:
                return nil
            case let .error(length):
                let cutOff = offset + length == bytes.count && (0xC2...0xF4).contains(bytes[offset])
                return (offset, cutOff)
            }
        }
    }

    func testUTF8ValidationAgreesWithTheStandardLibrary() {
        var invalid = 0, cut = 0
        for bytes in samples(30_000) {
            let expected = reference(bytes)
            let whole = bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset(in: $0) }
            let sample = bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset(in: $0, allowTruncatedEnd: true) }
            XCTAssertEqual(whole, expected?.offset, "\(bytes)")
            XCTAssertEqual(sample, expected?.cutOff == true ? nil : expected?.offset, "\(bytes) as a sample")
            if expected != nil { invalid += 1 }
            if expected?.cutOff == true { cut += 1 }
        }
        // The samples reach both kinds of failure, often.
        XCTAssertGreaterThan(invalid, 10_000)
        XCTAssertGreaterThan(cut, 200)
    }

    func testUTF8ValidationOfTheBoundaries() {
        func offset(_ bytes: [UInt8], sample: Bool = false) -> Int? {
            bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset(in: $0, allowTruncatedEnd: sample) }
        }
        let ascii = [UInt8](repeating: 0x61, count: 17)
        XCTAssertNil(offset(ascii + [0xE2, 0x82, 0xAC]))                     // € after a whole block
        XCTAssertEqual(offset(ascii + [0xED, 0xA0, 0x80]), 17)              // a surrogate
        XCTAssertEqual(offset(ascii + [0xE0, 0x9F, 0xBF]), 17)              // overlong
        XCTAssertEqual(offset(ascii + [0xF4, 0x90, 0x80, 0x80]), 17)        // past U+10FFFF
        XCTAssertEqual(offset(ascii + [0xC3]), 17)
        XCTAssertNil(offset(ascii + [0xC3], sample: true))
        XCTAssertEqual(offset(ascii + [0xC3, 0x41], sample: true), 17)
        XCTAssertEqual(offset([0x80] + ascii), 0)
        XCTAssertNil(offset([]))
    }

    /// The record scan's widths this processor runs: SSE2 always, AVX2 where it has it.
    private static let scanWidths = FieldScan.avx2 ? [false, true] : [false]

    /// The AVX2 look-up says what the kernel says of the processor (Linux's /proc/cpuinfo flags).
    func testAVX2AsTheSystemSeesIt() throws {
        let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        guard let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else {
            throw XCTSkip("no flags line in /proc/cpuinfo (not x86-64)")
        }
        XCTAssertEqual(FieldScan.avx2, flags.split(separator: " ").contains("avx2"))
    }

    func testFieldKindsAgreeWithAByteLoop() {
        for bytes in samples(20_000) {
            let control = bytes.contains { $0 < 0x0E }
            let high = bytes.contains { $0 >= 0x80 }
            let kinds = bytes.withUnsafeBytes { FieldScan.kinds($0) }
            XCTAssertEqual(kinds.control, control, "\(bytes)")
            XCTAssertEqual(kinds.high, high, "\(bytes)")
            if FieldScan.avx2 {
                let wide = bytes.withUnsafeBufferPointer { needs_scan_kinds_avx2($0.baseAddress, $0.count) }
                XCTAssertEqual(wide, (control ? 1 : 0) | (high ? 2 : 0), "\(bytes) with AVX2")
            }
            XCTAssertEqual(bytes.withUnsafeBytes { FieldScan.needsScan($0) }, control || high)
        }
        // 0x0D is the last byte that counts as control, 0x0E the first that does not, in every lane.
        for lane in 0..<20 {
            var bytes = [UInt8](repeating: 0x20, count: 20)
            bytes[lane] = 0x0E
            XCTAssertFalse(bytes.withUnsafeBytes { FieldScan.kinds($0) }.control)
            bytes[lane] = 0x0D
            XCTAssertTrue(bytes.withUnsafeBytes { FieldScan.kinds($0) }.control)
            bytes[lane] = 0x80
            XCTAssertEqual(bytes.withUnsafeBytes { FieldScan.kinds($0) }.control, false)
            XCTAssertTrue(bytes.withUnsafeBytes { FieldScan.kinds($0) }.high)
        }
    }

    /// A record's fields need nothing done (`needs_fields_settled`) exactly when none holds a byte
    /// below 0x0E and each is valid UTF-8 on its own (the standard library's reading): a
    /// character split between two fields is caught though the record's bytes are valid.
    func testFieldsSettledWhenEachFieldIsCleanOnItsOwn() {
        var random = SplitMix64(seed: 7)
        let letters = Array("abc xyz āčėįšųūž õäöü жщъё €𝄞,".unicodeScalars)
        var settled = 0, split = 0
        for n in 0..<6_000 {
            // Text cut at any byte into fields (some cuts inside a character), now and then with a
            // control byte or a byte no UTF-8 holds.
            var text = Array(String(String.UnicodeScalarView((0..<Int.random(in: 1...40, using: &random)).map { _ in
                letters.randomElement(using: &random)!
            })).utf8)
            if n % 6 == 0 { text.insert([0x00, 0x0A, 0x0D, 0xFF, 0xC0].randomElement(using: &random)!, at: Int.random(in: 0...text.count, using: &random)) }
            // ASCII before and after, as around a row's place name: the letters above it are
            // read a second time only from the first to the last.
            if n % 2 == 1 {
                let ascii = Array("2025-02-02;teacher;3;4".utf8)
                text = Array(ascii.prefix(Int.random(in: 0...ascii.count, using: &random))) + text
                    + Array(ascii.suffix(Int.random(in: 0...ascii.count, using: &random)))
            }
            let cuts = (0..<Int.random(in: 0...7, using: &random)).map { _ in Int.random(in: 0...text.count, using: &random) }.sorted()
            let fields = zip([0] + cuts, cuts + [text.count]).map { Array(text[$0..<$1]) }
            var bytes = fields.flatMap { $0 }
            let ends = fields.reduce(into: [Int]()) { ends, field in ends.append((ends.last ?? 0) + field.count) }
            bytes += [UInt8](repeating: 0, count: 16)  // the slack a record buffer keeps
            let from = n % 3 == 0 ? 0 : Int.random(in: 0..<fields.count, using: &random)
            let start = from == 0 ? 0 : ends[from - 1]
            let expected = fields[from...].allSatisfy { field in
                !field.contains { $0 < 0x0E } && reference(field) == nil
            }
            for avx2 in Self.scanWidths {
                let actual = bytes.withUnsafeBufferPointer { b in
                    ends.withUnsafeBufferPointer { e in
                        needs_fields_settled(b.baseAddress!, e.baseAddress!, from, fields.count, start, ends.last!, avx2)
                    }
                }
                XCTAssertEqual(actual, expected, "\(fields) from \(from), AVX2 \(avx2)")
            }
            if expected { settled += 1 }
            let whole = Array(bytes[start..<ends.last!])
            if !expected && !whole.contains(where: { $0 < 0x0E }) && reference(whole) == nil { split += 1 }
        }
        XCTAssertGreaterThan(settled, 500)
        XCTAssertGreaterThan(split, 20, "records valid whole but split inside a character")
    }

    /// The places where the span of letters above ASCII begins and ends, with ASCII around it
    /// longer than a block.
    func testFieldsSettledAtTheEdgesOfTheLettersAboveASCII() {
        func settled(_ fields: [[UInt8]]) -> Bool {
            var bytes = fields.flatMap { $0 }
            let ends = fields.reduce(into: [Int]()) { ends, field in ends.append((ends.last ?? 0) + field.count) }
            bytes += [UInt8](repeating: 0, count: 16)
            let each = Self.scanWidths.map { avx2 in
                bytes.withUnsafeBufferPointer { b in
                    ends.withUnsafeBufferPointer { e in needs_fields_settled(b.baseAddress!, e.baseAddress!, 0, fields.count, 0, ends.last!, avx2) }
                }
            }
            XCTAssertEqual(Set(each).count, 1, "the scans of both widths differ on \(fields)")
            return each[0]
        }
        let ascii = Array("Alytaus rajono savivaldyb".utf8)
        let e: [UInt8] = [0xC4, 0x97]  // ė
        XCTAssertTrue(settled([ascii, ascii + e + ascii, ascii]))
        XCTAssertTrue(settled([ascii + e, e + ascii]))
        // A field that starts with the last byte above ASCII, inside its character.
        XCTAssertFalse(settled([ascii + [0xC4], [0x97] + ascii]))
        XCTAssertFalse(settled([ascii + e + [0xC4], [0x97] + ascii]))
        XCTAssertFalse(settled([ascii + [0xC4], [0x97], ascii]))
        // One inside the span.
        XCTAssertFalse(settled([ascii + e + [0xC4], [0x97] + e + ascii]))
        // A character cut off by ASCII, at the span's end and at its start.
        XCTAssertFalse(settled([ascii + e + [0xC4] + ascii]))
        XCTAssertFalse(settled([ascii + [0x97] + e + ascii]))
        XCTAssertFalse(settled([ascii + [0xE2, 0x82], ascii]))
    }

    /// The first and the last byte above ASCII (`needs_first_high`, `needs_last_high`), at every
    /// place in and across the sixteen-byte blocks, against a byte loop.
    func testFirstAndLastByteAboveASCII() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            var bytes = (0..<Int.random(in: 1...70, using: &random)).map { _ in UInt8.random(in: 0x00...0x7F, using: &random) }
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0x80...0xFF, using: &random)
            }
            let first = bytes.firstIndex { $0 >= 0x80 }!
            let last = bytes.lastIndex { $0 >= 0x80 }!
            bytes.withUnsafeBufferPointer { b in
                XCTAssertEqual(needs_first_high(b.baseAddress!, b.count), first, "\(bytes)")
                XCTAssertEqual(needs_last_high(b.baseAddress!, b.count), last, "\(bytes)")
            }
        }
    }
}
