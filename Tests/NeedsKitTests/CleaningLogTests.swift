import Foundation
import XCTest
@testable import NeedsKit

/// The cleaning log kept in a temporary file lists what the log kept in memory listed, byte for
/// byte, and leaves nothing behind.
final class CleaningLogTests: XCTestCase {
    /// The many-issues golden case: four files with issues on nearly every row, from the
    /// normaliser and the reader, out of order within rows and at the ends of files. Its
    /// expected/clean/issues.csv was recorded before the log went to a temporary file.
    static let manyIssues = Paths.repository + "/Tests/Golden/many-issues"

    /// One file's issues as found, for the log of `files` below.
    struct FoundFile {
        /// Issues the normaliser found and reader findings, in the order they came.
        var found: [(issue: CleaningIssue, fromReader: Bool)] = []
    }

    /// The log as the run kept it in memory before: per file, the normaliser's issues, then the
    /// reader's by line, all sorted (stably) by line and column; files in order.
    func logKeptInMemory(_ files: [FoundFile]) -> [CleaningIssue] {
        var log: [CleaningIssue] = []
        for file in files {
            var fileIssues = file.found.filter { !$0.fromReader }.map(\.issue)
            let reader = file.found.filter(\.fromReader).map(\.issue)
            for line in Set(reader.map { $0.line ?? 0 }).sorted() {
                fileIssues += reader.filter { ($0.line ?? 0) == line }
            }
            log += fileIssues.enumerated().sorted { a, b in
                (a.element.line ?? 0, a.element.column ?? 0, a.offset) < (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            }.map(\.element)
        }
        return log
    }

    /// Issues that arrive nearly in line order, as a run's do: a row's cells out of column order,
    /// reader findings ahead of their rows, notes without a line at the end of a file.
    func randomFiles(_ random: inout SplitMix64) -> [FoundFile] {
        let kinds: [(String, Diagnostic.Severity)] = [
            ("unknown_value", .warning), ("ragged_row", .error), ("identical_row", .warning), ("date_order_assumed", .note),
            ("unknown_value", .note), ("empty_file", .warning),
        ]
        return (0..<Int.random(in: 1...4, using: &random)).map { f in
            var file = FoundFile()
            var line = 1
            for _ in 0..<Int.random(in: 0...400, using: &random) {
                line += Int.random(in: 0...2, using: &random)
                let (code, severity) = kinds[Int.random(in: 0..<kinds.count, using: &random)]
                let roll = Int.random(in: 0..<20, using: &random)
                let at = roll == 0 ? nil : roll == 1 ? max(1, line - Int.random(in: 0...30, using: &random)) : line
                let column = roll == 2 ? nil : Int.random(in: 1...6, using: &random)
                let issue = CleaningIssue(
                    file: "f\(f).csv", line: at, column: column, respondentID: "R\(line)", question: "q\(column ?? 0)",
                    oldValue: String(repeating: "é\"x,", count: Int.random(in: 0...3, using: &random)), code: code,
                    action: severity == .error ? .quarantined : .kept, severity: severity,
                    message: "issue \(file.found.count)\(roll == 3 ? "\nsecond line" : "")")
                file.found.append((issue, Int.random(in: 0..<4, using: &random) == 0))
            }
            return file
        }
    }

    /// Feeds `files` to a log as a run does.
    func feed(_ files: [FoundFile], to log: CleaningLog) {
        for file in files {
            log.startFile()
            for (issue, fromReader) in file.found {
                if fromReader {
                    log.add(readerFinding: issue.diagnostic)
                } else {
                    log.add(issue)
                }
            }
            log.finishFile()
        }
    }

    /// clean/issues.csv as a log writes it.
    func written(_ log: CleaningLog, inputProblems: [Diagnostic], in folder: TemporaryFolder) throws -> Data {
        let path = folder.path + "/issues-\(UUID().uuidString).csv"
        let stream = OutputStream(file: try XCTUnwrap(fopen(path, "wb")), path: path)
        try log.write(inputProblems: inputProblems, to: stream)
        stream.close()
        XCTAssertNil(stream.failure)
        // (As bytes: reading a String drops the byte-order mark of `--excel`.)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Whatever the memory, the log in the temporary file is the log sorted in memory, and the
    /// first issues of each kind and the counts are those of the whole log.
    func testSpooledLogIsTheLogSortedInMemory() throws {
        var random = SplitMix64(seed: 2025)
        let folder = TemporaryFolder()
        let problems = [Diagnostic(.note, file: "in/.hidden.csv", code: "hidden_file_skipped", message: "hidden file left out")]
        for round in 0..<40 {
            let files = randomFiles(&random)
            // (Reader findings become log rows with what became of their row.)
            let found = files.map { file in
                FoundFile(found: file.found.map { entry in
                    guard entry.fromReader else { return entry }
                    return (CleaningIssue(entry.issue.diagnostic, action: entry.issue.severity == .error ? .quarantined : .kept), true)
                })
            }
            let expected = logKeptInMemory(found)
            for style in [CSVStyle(), CSVStyle(excel: true)] {
                let memory = [1, 200, 5000, 1 << 22][round % 4]
                let log = CleaningLog(spool: CleaningLog.Spool(directory: folder.path, style: style, memoryLimit: memory))
                feed(files, to: log)
                let text = try written(log, inputProblems: problems, in: folder)
                let inMemory = CleaningLogWriter.render(problems.map { CleaningIssue($0, action: .dropped) } + expected, style: style)
                XCTAssertEqual(text, Data(inMemory.utf8), "round \(round), \(memory) bytes in memory")
                var firsts: [CleaningIssue.Kind: Int] = [:]
                XCTAssertEqual(log.firstIssues, expected.filter { issue in
                    firsts[issue.kind, default: 0] += 1
                    return firsts[issue.kind]! <= RunOutcome.firstPerKind
                }, "round \(round)")
                XCTAssertEqual(log.counts, expected.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }, "round \(round)")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix("issues-") }, [])
    }

    /// The golden case's log, kept in memory or run by run, is what the log was before it went
    /// to a temporary file.
    func testManyIssuesAcrossFilesAreLoggedAsBefore() throws {
        let expected = try Data(contentsOf: URL(fileURLWithPath: Self.manyIssues + "/expected/clean/issues.csv"))
        for memory in [1, 300, 1 << 22] {
            let out = TemporaryFolder()
            var options = RunOptions()
            options.instrumentPath = Self.manyIssues + "/instrument"
            options.inputs = [Self.manyIssues + "/inputs"]
            options.outputPath = out.path + "/reports"
            options.issueMemoryLimit = memory
            let outcome = try Pipeline.report(options)
            let log = try Data(contentsOf: URL(fileURLWithPath: options.outputPath + "/clean/issues.csv"))
            XCTAssertEqual(log, expected, "\(memory) bytes in memory")
            XCTAssertEqual(outcome.issueCounts.values.reduce(0, +), String(decoding: log, as: UTF8.self).split(separator: "\r\n").count - 1)
            XCTAssertEqual(outcome.firstIssues.filter { $0.code == "unknown_value" }.count, RunOutcome.firstPerKind)
            XCTAssertEqual(outcome.issuesByCode(withInputProblems: true)["unknown_value"], 338)
        }
    }

    /// The cleaning log's temporary files this process has open (Linux: /proc/self/fd), each as
    /// its descriptor's target: a file unlinked while open shows as `path (deleted)`.
    func openLogFiles() throws -> [String] {
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else {
            throw XCTSkip("no /proc/self/fd")
        }
        return descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0) }
            .filter { $0.contains("needs-issues-") }
    }

    /// A spool's files have no name from the start, and are closed once the log is written or
    /// dropped.
    func testSpoolFilesHaveNoNameAndAreClosedAfterwards() throws {
        let folder = TemporaryFolder()
        XCTAssertEqual(try openLogFiles(), [])
        var random = SplitMix64(seed: 7)
        let files = randomFiles(&random) + randomFiles(&random)
        do {
            let log = CleaningLog(spool: CleaningLog.Spool(directory: folder.path, style: CSVStyle(), memoryLimit: 100))
            feed(files, to: log)
            let open = try openLogFiles()
            XCTAssertFalse(open.isEmpty, "rows went to temporary files")
            XCTAssertTrue(open.allSatisfy { $0.hasPrefix(folder.path + "/") && $0.hasSuffix(" (deleted)") }, "\(open)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
            _ = try written(log, inputProblems: [], in: folder)
            XCTAssertEqual(try openLogFiles(), [], "written: the temporary files are closed")
        }
        do {
            let log = CleaningLog(spool: CleaningLog.Spool(directory: folder.path, style: CSVStyle(), memoryLimit: 100))
            feed(files, to: log)
            XCTAssertFalse(try openLogFiles().isEmpty)
        }
        XCTAssertEqual(try openLogFiles(), [], "dropped unwritten: the temporary files are closed")
    }

    /// A report leaves no temporary file behind, whether it ends well or fails after the log
    /// went to temporary files.
    func testReportLeavesNoTemporaryFiles() throws {
        let out = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Self.manyIssues + "/instrument"
        options.inputs = [Self.manyIssues + "/inputs"]
        options.outputPath = out.path + "/reports"
        options.issueMemoryLimit = 100
        XCTAssertEqual(try openLogFiles(), [])
        _ = try Pipeline.report(options)
        XCTAssertEqual(try openLogFiles(), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["reports"])
        let listed = try String(contentsOfFile: options.outputPath + "/" + OutputFolder.manifestName, encoding: .utf8)
        let files = try FileManager.default.subpathsOfDirectory(atPath: options.outputPath).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: options.outputPath + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        XCTAssertEqual(Set(files), Set(listed.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } + [OutputFolder.manifestName]),
                       "the reports hold the files the run lists, and nothing else")

        // A wave whose instrument cannot be read fails the run after the main inputs were read.
        var failing = options
        failing.outputPath = out.path + "/failed"
        failing.waves = [Self.manyIssues + "/inputs"]
        failing.waveInstruments = [out.path + "/no-such-instrument"]
        XCTAssertThrowsError(try Pipeline.report(failing))
        XCTAssertEqual(try openLogFiles(), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["reports"])
    }
}
