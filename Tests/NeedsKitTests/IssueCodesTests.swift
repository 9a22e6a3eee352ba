import Foundation
import XCTest
@testable import NeedsKit

final class IssueCodesTests: XCTestCase {
    /// Every code the library makes a diagnostic or a cleaning log row with, as its sources write
    /// them (`code: "…"`, or the first text of a `warn(`, `note(` or `problem(` call), has its
    /// explanation, and the catalogue holds no other: a code added without one fails here (and a
    /// debug build's diagnostic asserts it when made).
    func testEveryCodeInTheSourcesIsExplained() throws {
        let sources = Paths.repository + "/Sources/NeedsKit"
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        let code = #""([a-z]+(?:_[a-z0-9]+)+)""#
        let patterns = try ["code: " + code, #"\b(?:warn|note|problem)\((?:[^()"]|\([^()]*\))*"# + code].map {
            try NSRegularExpression(pattern: $0)
        }
        var written = Set<String>()
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            for pattern in patterns {
                for match in pattern.matches(in: text, range: range) {
                    written.insert(String(text[Range(match.range(at: 1), in: text)!]))
                }
            }
        }
        // The scan itself finds the codes: the reader's, the normaliser's, the instrument's.
        XCTAssertTrue(written.isSuperset(of: ["ragged_row", "unknown_value", "scale_mismatch", "default_language_unused"]))
        XCTAssertGreaterThan(written.count, 140)
        XCTAssertEqual(written.subtracting(IssueCodes.explanations.keys).sorted(), [], "codes without an explanation")
        XCTAssertEqual(Set(IssueCodes.explanations.keys).subtracting(written).sorted(), [], "explanations of no code")
    }

    /// An explanation is a table cell of data_dictionary.md: one line of a sentence or two, for a
    /// partner, naming no source type.
    func testExplanationsAreShortSentences() {
        for (code, text) in IssueCodes.explanations {
            XCTAssertFalse(text.contains { $0.isNewline || $0 == "\t" || $0 == "|" }, code)
            XCTAssertTrue(text.first?.isUppercase ?? false, "\(code): \(text)")
            XCTAssertTrue(text.hasSuffix("."), "\(code): \(text)")
            XCTAssertLessThanOrEqual(text.split(separator: " ").count, 50, "\(code): \(text)")
            XCTAssertNil(text.range(of: #"[a-z][A-Z][a-z]+\("#, options: .regularExpression), "\(code): \(text)")
        }
    }
}
