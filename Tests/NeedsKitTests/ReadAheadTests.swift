import Foundation
import XCTest
@testable import NeedsKit

/// `readAhead` parses on a thread of its own: it must hand over exactly what `read` does, in the
/// same order, and fail the same way.
final class ReadAheadTests: XCTestCase {
    private struct Seen: Equatable {
        var records: [String] = []
        var diagnostics: [String] = []
    }

    private func collect(_ path: String, ahead: Bool, chunkSize: Int? = nil) -> (Seen, String?) {
        var seen = Seen()
        var options = ReaderOptions()
        if let chunkSize { options.chunkSize = chunkSize }
        let reader = CSVReader(path: path, options: options)
        let diagnose: (Diagnostic) -> Void = { seen.diagnostics.append("\($0.line ?? 0):\($0.column ?? 0) \($0.code)") }
        let handler: (RecordBuffer) -> Void = { record in
            seen.records.append("\(record.line) \(record.index) \(record.quarantineReason ?? "-") \(record.fields)")
        }
        do {
            let summary = ahead ? try reader.readAhead(diagnose: diagnose, handler) : try reader.read(diagnose: diagnose, handler)
            seen.records.append("summary \(summary.dataRecords) \(summary.blankRecords) \(summary.quarantinedRecords)")
            return (seen, nil)
        } catch {
            return (seen, "\(error)")
        }
    }

    func testSameRecordsDiagnosticsAndErrorsAsRead() throws {
        var files: [String] = []
        for folder in [Paths.corpora + "/csv-spectrum/csvs", Paths.repository + "/Tests/NeedsKitTests/Fixtures/encodings",
                       Paths.repository + "/Tests/NeedsKitTests/Fixtures/fuzz", Paths.inputs + "/responses"] {
            files += try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        }
        XCTAssertGreaterThan(files.count, 20)
        for file in files {
            let (sequential, error) = collect(file, ahead: false)
            let (ahead, aheadError) = collect(file, ahead: true)
            XCTAssertEqual(ahead, sequential, file)
            XCTAssertEqual(aheadError, error, file)
        }
        // Many small batches: records cross batch boundaries.
        let sample = Paths.inputs + "/responses/" + (try FileManager.default.contentsOfDirectory(atPath: Paths.inputs + "/responses").sorted()[0])
        XCTAssertEqual(collect(sample, ahead: true, chunkSize: 7).0, collect(sample, ahead: false, chunkSize: 7).0)
    }

    func testHandlerErrorIsRethrownAfterTheReaderStops() throws {
        struct Stop: Error {}
        let folder = TemporaryFolder()
        let path = folder.write("many.csv", "a,b\n" + (0..<50_000).map { "\($0),x\n" }.joined())
        var calls = 0
        XCTAssertThrowsError(try CSVReader(path: path).readAhead(diagnose: { _ in }) { _ in
            calls += 1
            if calls == 10 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(calls, 10)
    }

    func testBinaryFileFailsAsWithRead() {
        let folder = TemporaryFolder()
        let path = folder.write("image.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64))
        XCTAssertNotNil(collect(path, ahead: true).1)
        XCTAssertEqual(collect(path, ahead: true).1, collect(path, ahead: false).1)
    }
}
