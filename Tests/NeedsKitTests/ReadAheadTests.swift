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

    /// Counts the bytes the reading thread has read so far (read from the test's thread too).
    private final class ByteCount: ByteObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var total = 0
        private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        deinit { buffer.deallocate() }
        func observe(_ bytes: UnsafeRawBufferPointer) { add(bytes.count) }
        func lend() -> UnsafeMutableRawBufferPointer { buffer }
        func observeLent(_ count: Int) { add(count) }
        private func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return total }
    }

    /// The pipeline starts the first file's reading before it makes its normaliser: the thread
    /// reads (detects the file's encoding and dialect, parses its first records) before anything
    /// is taken, and what `consume` then hands over is what `read` does.
    func testReadingStartsBeforeTheRecordsAreTaken() throws {
        let folder = TemporaryFolder()
        var text = "country;municipality;comment\r\n"
        for k in 0..<20_000 { text += "EE;Tartu linn;\"line \(k);\"\"quoted\"\"\"\r\n" }
        let path = folder.write("export.csv", text)
        let count = ByteCount()
        var reader = CSVReader(path: path)
        reader.observer = count
        let reading = reader.startReadingAhead()
        let deadline = Date().addingTimeInterval(10)
        while count.count == 0 && Date() < deadline { usleep(1_000) }
        XCTAssertGreaterThan(count.count, 0, "nothing read before the records were taken")
        var ahead = Seen()
        let summary = try reading.consume(diagnose: { ahead.diagnostics.append($0.code) }) { record in
            ahead.records.append("\(record.line) \(record.fields)")
        }
        var sequential = Seen()
        _ = try CSVReader(path: path).read(diagnose: { sequential.diagnostics.append($0.code) }) { record in
            sequential.records.append("\(record.line) \(record.fields)")
        }
        XCTAssertEqual(ahead, sequential)
        XCTAssertEqual(summary.dataRecords, 20_000)
        XCTAssertEqual(count.count, text.utf8.count)
    }

    /// A reading started and never taken (more than the queue holds: the thread waits for room)
    /// is stopped when dropped: its thread ends and closes the file, rather than waiting with it
    /// open for the rest of the process.
    func testAReadingNeverTakenIsStopped() throws {
        let folder = TemporaryFolder()
        let path = folder.write("export.csv", "a;b\r\n" + String(repeating: "EE;Tartu linn, a long enough answer\r\n", count: 60_000))
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        // Whether a descriptor of this process has the file open (readlink(2) on /proc/self/fd).
        func isOpen() -> Bool {
            (0..<1024).contains { fd in
                var target = [CChar](repeating: 0, count: 4096)
                let n = readlink("/proc/self/fd/\(fd)", &target, target.count - 1)
                return n > 0 && String(decoding: target[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) == real
            }
        }
        let count = ByteCount()
        var reader = CSVReader(path: path)
        reader.observer = count
        var reading: ReadingAhead? = reader.startReadingAhead()
        let deadline = Date().addingTimeInterval(10)
        while count.count < 1 << 20 && Date() < deadline { usleep(1_000) }
        XCTAssertTrue(isOpen(), "the file is read")
        withExtendedLifetime(reading) {}
        reading = nil
        while isOpen() && Date() < deadline.addingTimeInterval(10) { usleep(1_000) }
        XCTAssertFalse(isOpen(), "the dropped reading's thread still holds the file")
        // It stopped early: not every byte of the 2.4 MB file was read.
        XCTAssertLessThan(count.count, 60_000 * 37)
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
