import Foundation
import XCTest
@testable import NeedsKit

/// `TextKey.nfc` (the standard library's normaliser) against Foundation's
/// `precomposedStringWithCanonicalMapping`, which the keys were made with before, and the keys and
/// the gazetteer's digraph spellings made with it against the same made with Foundation's.
final class TextKeyTests: XCTestCase {
    /// Every name the gazetteer keys, the instrument's labels, and random texts of letters, marks
    /// that combine with them (in and out of canonical order), letters NFC maps to others (`K`
    /// Kelvin, `Å` angstrom, `Ω` ohm), Hangul syllables and jamo, spaces, line ends, controls and quotes.
    static let texts: [String] = {
        var texts: [String] = []
        for record in MunicipalityData.records {
            texts += [record.name, record.englishName, record.code] + record.variants
        }
        texts += MunicipalityData.countyNames.values.flatMap { $0 }
        for sheet in ["survey", "choices"] {
            let text = try! String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            texts += text.split(whereSeparator: { $0 == "," || $0 == "\n" }).map(String.init)
        }
        // ASCII's white space and controls beside others' (`exact` reads ASCII without Unicode's tables).
        let pool: [UInt32] = Array(0x41...0x5A) + Array(0x61...0x7A) + [0x20, 0x09, 0x22, 0x27, 0xA0, 0xAD, 0x200B]
            + [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1F, 0x7F, 0x85, 0x2028, 0x3000]
            + Array(0xC0...0x17F) + Array(0x300...0x36F) + [0x212A, 0x212B, 0x2126, 0x1E9B, 0x0344, 0x0F73]
            + Array(0x410...0x44F) + [0x401, 0x451, 0x419, 0x439, 0x306]
            + [0xAC00, 0xAC01, 0xD7A3, 0x1100, 0x1161, 0x11A8, 0x1112, 0x1175]
            + [0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2013, 0x2014, 0xFB01, 0x1E0B, 0x0323, 0x0307]
        var random = SplitMix64(seed: 2026)
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                scalars.append(Unicode.Scalar(pool[Int.random(in: 0..<pool.count, using: &random)])!)
            }
            texts.append(String(scalars))
        }
        return texts
    }()

    /// Foundation's NFC on Linux (CFString's) leaves a Hangul syllable and a trailing jamo apart
    /// (`가` U+AC00 + `ᆨ` U+11A8 is `각` U+AC01) and composes nothing after the Tibetan vowel sign
    /// U+0F73; the standard library's does both, as Python's `unicodedata` does (the values below).
    /// Texts holding either are compared with that reference alone.
    static func foundationAgrees(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value == 0xF73 || (0x1100...0x11FF).contains($0.value) }
    }

    func testNFCWhereFoundationsIsWrong() {
        // unicodedata.normalize('NFC', ...) in Python 3 (Unicode 14).
        let cases: [([UInt32], [UInt32])] = [
            ([0xAC00, 0x11A8], [0xAC01]),
            ([0x15C, 0xAC00, 0x11A8, 0x359, 0x333, 0x447], [0x15C, 0xAC01, 0x359, 0x333, 0x447]),
            ([0x1100, 0x1161, 0x11A8], [0xAC01]),
            ([0xF73], [0xF71, 0xF72]),
            ([0x57, 0xF73, 0x300, 0x1161], [0x1E80, 0xF71, 0xF72, 0x1161]),
        ]
        for (input, expected) in cases {
            let text = String(String.UnicodeScalarView(input.map { Unicode.Scalar($0)! }))
            XCTAssertEqual(TextKey.nfc(text).unicodeScalars.map(\.value), expected)
        }
    }

    func testNFCIsFoundations() {
        var differing: [String] = []
        for text in Self.texts where Self.foundationAgrees(text) && !TextKey.nfc(text).unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars) {
            differing.append(text)
        }
        XCTAssertEqual(differing.map { $0.unicodeScalars.map { String($0.value, radix: 16) } }, [])
        // Not the text as it came: a decomposed letter is composed, a singleton mapped.
        XCTAssertEqual(Array(TextKey.nfc("S\u{30C}iauliai").unicodeScalars), Array("\u{160}iauliai".unicodeScalars))
        XCTAssertEqual(Array(TextKey.nfc("\u{212B}").unicodeScalars), ["\u{C5}"])
        // Marks put in canonical order (dot below before dot above), then composed where a letter has them.
        XCTAssertEqual(Array(TextKey.nfc("a\u{307}\u{323}").unicodeScalars), ["\u{1EA1}", "\u{307}"])
    }

    /// The keys as they were made with Foundation's NFC.
    func testKeysAreThoseMadeWithFoundationsNFC() {
        func exact(_ text: String) -> String {
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return TextKey.asciiKey(TextKey.withoutEnclosingQuotes(text)) }
            let folded = TextKey.withoutEnclosingQuotes(text).precomposedStringWithCanonicalMapping.lowercased()
            var out = String.UnicodeScalarView()
            var pendingSpace = false
            for scalar in folded.unicodeScalars where !scalar.properties.isDefaultIgnorableCodePoint {
                if scalar.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(" ") }
                    pendingSpace = false
                    out.append(TextKey.plainPunctuation(scalar))
                }
            }
            return String(out)
        }
        func loose(_ text: String) -> String {
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return TextKey.asciiKey(text) }
            let key = exact(text)
            if key.utf8.allSatisfy({ $0 < 0x80 }) { return key }
            return key.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).precomposedStringWithCanonicalMapping
        }
        var differing: [String] = []
        for text in Self.texts where Self.foundationAgrees(text) {
            if !TextKey.exact(text).utf8.elementsEqual(exact(text).utf8) || !TextKey.loose(text).utf8.elementsEqual(loose(text).utf8) {
                differing.append(text)
            }
        }
        XCTAssertEqual(differing, [])
        XCTAssertEqual(TextKey.exact("  Narva-Jo\u{303}esuu   LINN "), "narva-jõesuu linn")
        XCTAssertEqual(TextKey.loose("S\u{30C}IAULIAI"), "siauliai")
    }

    /// The gazetteer's double names, as Foundation's search and replace found and spaced them.
    func testDoubleNamesAreThoseFoundationsSearchFound() {
        var names = ["Kohtla-Järve", "Алитусский р-н", "Narva-Jõesuu linn", "Tartu", "Rīga"]
        for record in MunicipalityData.records { names += [record.name] + record.variants }
        var doubles = 0
        for name in names {
            let double = name.contains("-") && !name.contains("р-н")
            XCTAssertEqual(Gazetteer.hasDoubleName(name), double, name)
            if double {
                doubles += 1
                XCTAssertEqual(Gazetteer.spacedDoubleName(name), name.replacingOccurrences(of: "-", with: " "), name)
            }
        }
        XCTAssertGreaterThan(doubles, 20)
        XCTAssertFalse(Gazetteer.hasDoubleName("Алитусский р-н"))
        XCTAssertEqual(Gazetteer.spacedDoubleName("Kohtla-Järve"), "Kohtla Järve")
    }

    /// `asciiDigraphs` as it was, normalising every name, against the one that looks at a name's
    /// scalars first: the same spellings, for upper-case and decomposed letters too.
    func testDigraphSpellingsAreThoseOfEveryName() {
        func digraphs(_ name: String) -> String? {
            let digraphs: [Character: String] = ["š": "sh", "ž": "zh", "č": "ch", "ä": "ae", "ö": "oe", "ü": "ue"]
            let lower = name.precomposedStringWithCanonicalMapping.lowercased()
            guard lower.contains(where: { digraphs[$0] != nil }) else { return nil }
            return lower.map { digraphs[$0] ?? String($0) }.joined()
        }
        let names = Self.texts + ["S\u{30C}IAULIAI", "Pa\u{308}rnu", "PÄRNU", "Kohtla-Järve", "Birz\u{30C}ai", "ČIAULIAI", "Vo\u{308}ru"]
        var differing: [String] = []
        // Compared by their scalars: `==` on strings would take a spelling not normalised for the same.
        func scalars(_ text: String?) -> [UInt32]? { text.map { $0.unicodeScalars.map(\.value) } }
        for name in names where Self.foundationAgrees(name) && scalars(Gazetteer.asciiDigraphs(name)) != scalars(digraphs(name)) {
            differing.append(name)
        }
        XCTAssertEqual(differing, [])
        XCTAssertEqual(Gazetteer.asciiDigraphs("S\u{30C}IAULIAI"), "shiauliai")
        XCTAssertEqual(Gazetteer.asciiDigraphs("PÄRNU"), "paernu")
        XCTAssertNil(Gazetteer.asciiDigraphs("Tartu linn"))
    }
}
