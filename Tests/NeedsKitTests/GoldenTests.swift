import Foundation
import XCTest
@testable import NeedsKit

/// Whole-report cases compared byte for byte. Each folder under Tests/Golden holds `instrument/`,
/// `inputs/` and `expected/`; the committed `reports/` is the golden output of `inputs/`.
/// Re-record on purpose with `RECORD_GOLDEN=1 make test`, then read the diff before committing.
final class GoldenTests: XCTestCase {
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    func files(in folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        for case let file as String in enumerator {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isFolder)
            if !isFolder.boolValue { result[file] = FileManager.default.contents(atPath: folder + "/" + file) }
        }
        return result
    }

    func run(instrument: String, inputs: String, expected: String, plan: String? = nil, waves: [String] = []) throws {
        let out = TemporaryFolder()
        var options = RunOptions()
        options.planPath = plan
        options.waves = waves
        options.instrumentPath = instrument
        options.inputs = [inputs]
        options.outputPath = out.path + "/reports"
        _ = try Pipeline.report(options)
        let actual = files(in: options.outputPath)
        if Self.recording {
            try? FileManager.default.removeItem(atPath: expected)
            try FileManager.default.copyItem(atPath: options.outputPath, toPath: expected)
            return
        }
        let golden = files(in: expected)
        XCTAssertEqual(Set(actual.keys), Set(golden.keys), "files written differ from \(expected)")
        for (file, data) in golden.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(actual[file], data, "\(file) differs from \(expected)/\(file); RECORD_GOLDEN=1 make test re-records")
        }
    }

    func testGoldenCases() throws {
        let root = Paths.repository + "/Tests/Golden"
        let cases = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        XCTAssertFalse(cases.isEmpty)
        for name in cases {
            try run(instrument: "\(root)/\(name)/instrument", inputs: "\(root)/\(name)/inputs", expected: "\(root)/\(name)/expected")
        }
    }

    /// The reports checked into git are what the tool writes from inputs/ today.
    func testCommittedReportsAreCurrent() throws {
        try run(instrument: Paths.inputs + "/instrument", inputs: Paths.inputs + "/responses", expected: Paths.repository + "/reports",
                plan: Paths.inputs + "/plan.csv", waves: [Paths.inputs + "/followup"])
    }

    func testInjectedTextIsInertInEveryOutput() throws {
        let root = Paths.repository + "/Tests/Golden/injection"
        let out = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = root + "/instrument"
        options.inputs = [root + "/inputs"]
        options.outputPath = out.path + "/reports"
        _ = try Pipeline.report(options)
        for (file, data) in files(in: options.outputPath) {
            let text = String(decoding: data, as: UTF8.self)
            if file.hasSuffix(".csv") {
                for line in text.split(separator: "\r\n") {
                    for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                        let value = field.hasPrefix("\"") ? field.dropFirst() : field[...]
                        if let first = value.first, "=+@".contains(first)
                            || first == "-" && value.dropFirst().contains(where: { !$0.isNumber && $0 != "." && $0 != "\"" }) {
                            XCTFail("\(file): a formula cell reaches Excel: \(line)")
                        }
                    }
                }
            }
            if file.hasSuffix(".html") || file.hasSuffix(".svg") {
                XCTAssertFalse(text.contains("<script"), "\(file) carries a script element")
                XCTAssertFalse(text.contains("<img"), "\(file) carries an injected element")
                XCTAssertFalse(text.contains("<b>"), file)
            }
            if file.hasSuffix(".svg") {
                XCTAssertEqual(text.components(separatedBy: "</svg>").count, 2, "\(file): a label closed the SVG early")
            }
            if file.hasSuffix(".html") {
                let svgOpen = text.components(separatedBy: "<svg ").count - 1
                XCTAssertEqual(text.components(separatedBy: "</svg>").count - 1, svgOpen, file)
            }
            if file.hasSuffix(".md") {
                XCTAssertFalse(text.contains("<script>"), file)
                XCTAssertFalse(text.contains("Hate | speech"), "\(file): an unescaped pipe would break the table")
            }
        }
        let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
        XCTAssertTrue(responses.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\""))
        XCTAssertTrue(responses.contains(",'@SUM(1),") && responses.contains(",'+1+1,"))
        // A plain negative number is no formula and is written as it is; a formula after a minus is not.
        XCTAssertTrue(responses.contains(",-2,") && responses.contains(",'-2+3+cmd|' /C calc'!A0,"), responses)
    }
}
