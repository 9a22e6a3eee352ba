import Foundation
import XCTest
@testable import NeedsKit

/// Every input the fuzzers found a problem with, kept as a regression test
/// (Fixtures/fuzz/: the file name says which fuzzer and what went wrong).
final class FuzzRegressionTests: XCTestCase {
    /// fuzz-normalize timed out (10 s for 2.3 KB): a checkbox cell with hundreds of commas was
    /// joined piece by piece into ever longer candidate labels, each normalised by Foundation.
    /// Joining now stops past the longest label.
    func testLongCommaSeparatedCellIsReadInLinearTime() throws {
        let path = Paths.repository + "/Tests/NeedsKitTests/Fixtures/fuzz/normalize-timeout-1.csv"
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [path]
        let outcome = try Pipeline.check(options)
        let account = try XCTUnwrap(outcome.accounts.first)
        XCTAssertTrue(account.balances)
        // Two stray quotes ran over 32 and 9 lines: those lines are read again as records.
        XCTAssertEqual(account.recordsRead, 51)

        let list = ChoiceList(name: "t", choices: [Choice(name: "a", labels: ["en": "Alpha, beta"], position: 1)])
        let cell = Array(repeating: "x", count: 5000).joined(separator: ", ") + ", Alpha, beta"
        let split = ChoiceMatcher(list: list).splitMultiple(cell)
        XCTAssertEqual(split.choices, ["a"])
        XCTAssertEqual(split.unknown.count, 5000)
    }

    /// fuzz-reader crashed (a field of negative length): in lenient mode libcsv reports a length
    /// of SIZE_MAX for `"5"   "   ;` (a quoted field, spaces, a stray quote). Such a field is
    /// now read as empty, and every field's bytes stay in order.
    func testReaderCrashOne() throws {
        let bytes = Array(try XCTUnwrap(FileManager.default.contents(
            atPath: Paths.repository + "/Tests/NeedsKitTests/Fixtures/fuzz/reader-crash-1.csv")))
        var options = ReaderOptions()
        options.chunkSize = 36
        var records = 0
        var codes: [String] = []
        let summary = try CSVReader(bytes: bytes, displayName: "crash.csv", options: options).read(diagnose: { codes.append($0.code) }) { record in
            records += 1
            for i in 1..<max(1, record.presentCount) {
                XCTAssertLessThanOrEqual(record.sink.pointee.ends[i - 1], record.sink.pointee.ends[i], "line \(record.line)")
            }
            _ = record.fields
        }
        XCTAssertEqual(summary.dataRecords + (summary.headerFieldCount > 0 ? 1 : 0), records)
        XCTAssertTrue(codes.contains("malformed_field"), "\(codes)")
    }

    /// fuzz-normalize timed out (34 s for 8 KB): a header whose cells hold hundreds of `_` had each
    /// pair of them tried as a Kobo labels heading's group and question. At most 16 cuts from the
    /// end, and 16 outer labels, are tried now; a heading so cut is still read.
    func testHeadingOfManySeparatorsIsResolvedInBoundedTries() throws {
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        let mapper = ColumnMapper(instrument: instrument)
        let long = String(repeating: "x_", count: 3000) + "How important is each topic for your work?_Intercultural competence and communication"
        XCTAssertEqual(mapper.resolve(long, position: 0), .unmapped)
        let labelled = "How important is each topic for your work?_Intercultural competence and communication"
        XCTAssertEqual(mapper.resolve(labelled, position: 0), mapper.resolve("importance/imp_intercultural", position: 0))
        XCTAssertNotEqual(mapper.resolve(labelled, position: 0), .unmapped)
    }

    /// Every file the fuzzers keep as a finding reads without a crash and balances.
    func testEveryFuzzFindingReadsAndBalances() throws {
        let folder = Paths.repository + "/Tests/NeedsKitTests/Fixtures/fuzz"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let bytes = Array(try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + file)))
            let normalizer = Normalizer(instrument: try InstrumentLoader.load(Paths.inputs + "/instrument"))
            let account = Pipeline.normalize(bytes: bytes, normalizer: normalizer) { _ in }
            if account.failure == nil { XCTAssertTrue(account.balances, file) }
        }
    }
}
