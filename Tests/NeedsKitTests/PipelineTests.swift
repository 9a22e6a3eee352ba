import Foundation
import XCTest
@testable import NeedsKit

final class PipelineTests: XCTestCase {
    static let kobo = Paths.corpora + "/real-exports/kobo-paleocore-artifacts"

    func testKoboCorpusExportWithItsXLSFormIsAccountedForAndItsQuirksFlagged() throws {
        let out = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Self.kobo + "/artifact-kobotoolbox.xlsx"
        options.inputs = [Self.kobo + "/paleocore-sss_artifact-form_-_all_versions_-_False_-_2022-08-01-05-36-18.csv"]
        options.outputPath = out.path + "/reports"
        let outcome = try Pipeline.report(options)
        let account = try XCTUnwrap(outcome.accounts.first)
        XCTAssertEqual(account.recordsRead, 3203)
        XCTAssertEqual(account.respondents, 3203, "no duplicate _uuid in this export")
        XCTAssertTrue(account.balances)
        XCTAssertEqual(account.shape, "KoboToolbox")
        // Values outside the current choice list, each with its place (PROVENANCE.md: 374 and 157).
        let unknown = outcome.issues.filter { $0.code == "unknown_value" && $0.question == "Tool_type" }
        XCTAssertEqual(unknown.filter { $0.oldValue == "sidescraper" }.count, 374)
        XCTAssertEqual(unknown.filter { $0.oldValue == "endscraper" }.count, 157)
        XCTAssertTrue(unknown.allSatisfy { $0.line != nil && $0.column != nil })
        // Columns from older form versions.
        let drift = try XCTUnwrap(outcome.issues.first { $0.code == "columns_not_in_form_version" })
        XCTAssertTrue(drift.message.contains("Artifact_photo") && drift.message.contains("Platform_surface"))
        XCTAssertEqual(outcome.exitCode, 1)
        // `n/a` (a choice name with a slash) is read as one choice.
        let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
        XCTAssertTrue(responses.contains(",n/a,"))
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("\"records_read\": 3203"))
    }

    /// A respondent's e-mail, name and phone must appear in no file of reports/.
    func testPersonalDataReachesNoOutputFile() throws {
        let folder = TemporaryFolder()
        var writer = CSVWriter(delimiter: ";")
        writer.row(texts: ["ID", "Start time", "Completion time", "Email", "Name", "Telefon", "country", "municipality",
                           "imp_intercultural", "comp_intercultural", "comments", "contact_email", "Extra notes"])
        writer.row(texts: ["1", "2025-01-14 10:00", "2025-01-14 10:05", "secret.person@example.ee", "Salme Salajane",
                           "+372 5555 1234", "EE", "Tallinn", "5", "2", "Call Salme Salajane", "salme@example.ee",
                           "Personal note about Salme"])
        writer.row(texts: ["2", "2025-01-14 10:00", "2025-01-14 10:05", "other.person@example.ee", "Olev Varjatud",
                           "+372 5555 9876", "EE", "Tallinn", "9", "2", "", "olev@example.ee", "x;y;z;extra"])
        writer.row(texts: ["3", "2025-01-14 10:00", "2025-01-14 10:05", "third@example.ee", "Kolmas Isik", "", "EE",
                           "Tallinn", "4", "4", "", "", "", "quarantine me", "kolmas@example.ee"])
        let input = folder.write("pii.csv", writer.text)
        var options = RunOptions()
        options.inputs = [input]
        options.instrumentPath = Paths.inputs + "/instrument"
        options.outputPath = folder.path + "/reports"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.accounts.first?.quarantined, 1)
        let secrets = ["secret.person", "Salme", "Salajane", "5555", "salme@", "Olev", "Varjatud", "olev@", "Kolmas",
                       "kolmas@", "third@", "Personal note"]
        let files = FileManager.default.enumerator(atPath: options.outputPath)!.compactMap { $0 as? String }
        XCTAssertGreaterThanOrEqual(files.count, 7)
        for file in files {
            let path = options.outputPath + "/" + file
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for secret in secrets { XCTAssertFalse(text.contains(secret), "\(secret) leaked into \(file)") }
        }
    }

    /// Each input's SHA-256 in summary.json is computed from the bytes the parser reads (the
    /// file is read once): it must equal sha256sum's, for a small file, one of many read chunks
    /// with a byte-order mark, and one in UTF-16.
    func testInputDigestsMatchSha256sum() throws {
        let folder = TemporaryFolder()
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        var paths: [String] = []
        for (rows, encoding) in [(3, SurveySynthesizer.OutputEncoding.utf8), (4000, .utf8BOM), (500, .utf16LE)] {
            var options = SurveySynthesizer.Options()
            options.rows = rows
            options.encoding = encoding
            let path = folder.path + "/export-\(rows).csv"
            var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
            try synthesizer.write(to: path)
            paths.append(path)
        }
        var run = RunOptions()
        run.instrumentPath = Paths.inputs + "/instrument"
        run.inputs = paths
        run.outputPath = folder.path + "/out"
        let outcome = try Pipeline.report(run)
        XCTAssertGreaterThan(try FileManager.default.attributesOfItem(atPath: paths[1])[.size] as! Int, 1 << 20)
        for (path, account) in zip(paths, outcome.accounts) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            process.waitUntilExit()
            let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
            XCTAssertEqual(account.sha256, String(expected), path)
        }
        XCTAssertTrue(try String(contentsOfFile: run.outputPath + "/summary.json", encoding: .utf8).contains(outcome.accounts[1].sha256))
    }

    func testTwoRunsWriteByteIdenticalReports() throws {
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Self.kobo + "/artifact-kobotoolbox.xlsx"
        options.inputs = [Self.kobo]
        var contents: [[String: Data]] = []
        for run in 0..<2 {
            options.outputPath = folder.path + "/run\(run)"
            _ = try Pipeline.report(options)
            var files: [String: Data] = [:]
            for case let file as String in FileManager.default.enumerator(atPath: options.outputPath)! {
                files[file] = FileManager.default.contents(atPath: options.outputPath + "/" + file)
            }
            contents.append(files)
        }
        XCTAssertEqual(contents[0], contents[1])
        XCTAssertGreaterThan(contents[0].count, 5)
    }

    func testAFailedRunLeavesThePreviousReportsWhole() throws {
        let folder = TemporaryFolder()
        let previous = folder.write("reports/report.md", "previous report\n")
        folder.write("reports/summary.json", "{\n  \"needs_version\": \"0.1.0\"\n}\n")
        var options = RunOptions()
        options.instrumentPath = folder.path + "/missing-instrument"
        options.inputs = [Self.kobo]
        options.outputPath = folder.path + "/reports"
        XCTAssertThrowsError(try Pipeline.report(options))
        XCTAssertEqual(try String(contentsOfFile: previous, encoding: .utf8), "previous report\n")
        // A successful run replaces the folder whole; nothing staged is left beside it.
        options.instrumentPath = Self.kobo + "/artifact-kobotoolbox.xlsx"
        _ = try Pipeline.report(options)
        XCTAssertNotEqual(try String(contentsOfFile: previous, encoding: .utf8), "previous report\n")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(siblings, ["reports"])
    }

    func testAnOutputFolderHoldingInputsOrOtherFilesIsRefusedAndKept() throws {
        let folder = TemporaryFolder()
        let export = folder.write("parent/responses/EE.csv", "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        let notes = folder.write("parent/notes.txt", "notes\n")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/parent/responses"]
        // The folder itself, a folder above it, a folder with other files, a file: each refused.
        for (out, expected) in [(folder.path + "/parent/responses", "holds the input"), (folder.path + "/parent", "holds the input"),
                                (folder.path + "/parent/../parent", "holds the input"), (notes, "is a file")] {
            options.outputPath = out
            XCTAssertThrowsError(try Pipeline.report(options), out) { XCTAssertTrue("\($0)".contains(expected), "\($0)") }
        }
        options.inputs = [export]
        options.outputPath = folder.path + "/parent"
        XCTAssertThrowsError(try Pipeline.report(options)) { XCTAssertTrue("\($0)".contains("holds the input"), "\($0)") }
        options.outputPath = folder.path + "/other"
        folder.write("other/keep.txt", "keep\n")
        XCTAssertThrowsError(try Pipeline.report(options)) { XCTAssertTrue("\($0)".contains("keep.txt"), "\($0)") }
        XCTAssertEqual(try String(contentsOfFile: export, encoding: .utf8), "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        XCTAssertEqual(try String(contentsOfFile: notes, encoding: .utf8), "notes\n")
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/other/keep.txt", encoding: .utf8), "keep\n")
        // A new folder, then the same folder again (earlier reports): both written.
        options.outputPath = folder.path + "/reports"
        XCTAssertEqual(try Pipeline.report(options).respondents, 1)
        XCTAssertEqual(try Pipeline.report(options).respondents, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/reports/summary.json"))
    }

    func testARunThatCanMeanNothingWritesNothing() throws {
        let folder = TemporaryFolder()
        let good = folder.write("in/EE.csv", "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        let other = folder.write("in2/other.csv", "colour,size\nred,big\n")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.outputPath = folder.path + "/reports"
        options.inputs = [good]
        XCTAssertEqual(try Pipeline.report(options).exitCode, 0)
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        // Another survey, a missing file, an empty folder: exit 2, the reports as they were.
        FileManager.default.createFile(atPath: folder.path + "/empty-marker", contents: nil)
        try FileManager.default.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: true)
        for inputs in [[other], [folder.path + "/missing.csv"], [folder.path + "/empty"]] {
            options.inputs = inputs
            let outcome = try Pipeline.report(options)
            XCTAssertEqual(outcome.exitCode, 2, "\(inputs)")
            XCTAssertNotNil(outcome.cannotRun)
            XCTAssertEqual(try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8), summary, "\(inputs)")
        }
        XCTAssertTrue(try Pipeline.check(options).inputProblems.contains { $0.code == "folder_without_files" })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["empty", "empty-marker", "in", "in2", "reports"])
    }

    func testInputsLeftOutAreInTheCleaningLogAndTheSummary() throws {
        let folder = TemporaryFolder()
        folder.write("in/EE.csv", "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        folder.write("in/older/EE.csv", "country,municipality,imp_partnerships\nEE,Tartu,3\n")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in", folder.path + "/missing.csv"]
        options.outputPath = folder.path + "/reports"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.respondents, 1)
        let log = try String(contentsOfFile: options.outputPath + "/clean/issues.csv", encoding: .utf8)
        XCTAssertTrue(log.contains(folder.path + "/in/older,,,,,,,subfolder_skipped,dropped,note,"), log)
        XCTAssertTrue(log.contains(folder.path + "/missing.csv,,,,,,,input_missing,dropped,error,"), log)
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("{\"path\": \"\(folder.path)/in/older\", \"issue\": \"subfolder_skipped\""), summary)
        XCTAssertTrue(summary.contains("\"input_missing\": 1"), summary)
    }

    func testFolderInputsReadEveryFileAndReportTheUnreadable() throws {
        let folder = TemporaryFolder()
        folder.write("in/a.csv", "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        folder.write("in/b.txt", [0xFF, 0xFE] + encode("country\tmunicipality\r\nLV\tRīga\r\n", as: .utf16LE))
        folder.write("in/c.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in"]
        let outcome = try Pipeline.check(options)
        XCTAssertEqual(outcome.accounts.map { ($0.file as NSString).lastPathComponent }, ["a.csv", "b.txt", "c.png"])
        XCTAssertEqual(outcome.respondents, 2)
        XCTAssertNotNil(outcome.accounts[2].failure)
        XCTAssertTrue(outcome.issues.contains { $0.code == "file_unreadable" && $0.message.contains("PNG") })
        XCTAssertEqual(outcome.exitCode, 1)
    }

    func testCSVCellsFromInputsAreNeutralisedForExcel() {
        var writer = CSVWriter()
        writer.row([.text("=HYPERLINK(\"x\")"), .text("+1"), .text("@SUM"), .text("-2"), .figure("-0.5"), .text("a,b")])
        XCTAssertEqual(writer.text, "\"'=HYPERLINK(\"\"x\"\")\",'+1,'@SUM,'-2,-0.5,\"a,b\"\r\n")
    }
}
