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
        // (The outcome keeps the first few of each kind; the log lists them all.)
        let log = readAll(options.outputPath + "/clean/issues.csv")
        XCTAssertEqual(Array(log.header.prefix(8)), ["file", "line", "column", "respondent_id", "question", "old_value", "new_value", "issue"])
        let unknown = log.data.map(\.fields).filter { $0[7] == "unknown_value" && $0[4] == "Tool_type" }
        XCTAssertEqual(unknown.filter { $0[5] == "sidescraper" }.count, 374)
        XCTAssertEqual(unknown.filter { $0[5] == "endscraper" }.count, 157)
        XCTAssertTrue(unknown.allSatisfy { !$0[1].isEmpty && !$0[2].isEmpty })
        XCTAssertEqual(outcome.issueCounts[CleaningIssue.Kind(code: "unknown_value", severity: .warning)], log.data.filter { $0.fields[7] == "unknown_value" }.count)
        XCTAssertEqual(outcome.firstIssues.filter { $0.code == "unknown_value" }.count, RunOutcome.firstPerKind)
        // Columns from older form versions.
        let drift = try XCTUnwrap(outcome.firstIssues.first { $0.code == "columns_not_in_form_version" })
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
    /// file is read once, into buffers the digest lends): it must equal sha256sum's, for a small
    /// file, one of many read chunks with a byte-order mark (past the 1 MiB sample, the eight
    /// lent buffers each used several times), and one in UTF-16.
    func testInputDigestsMatchSha256sum() throws {
        let folder = TemporaryFolder()
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        var paths: [String] = []
        for (rows, encoding) in [(3, SurveySynthesizer.OutputEncoding.utf8), (8000, .utf8BOM), (500, .utf16LE)] {
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
        XCTAssertGreaterThan(try FileManager.default.attributesOfItem(atPath: paths[1])[.size] as! Int, (1 << 20) + 24 * (1 << 16))
        XCTAssertEqual(outcome.accounts.count, paths.count)
        for account in outcome.accounts {
            let path = try XCTUnwrap(paths.first { $0.hasSuffix("/" + account.file) }, account.file)
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
        XCTAssertTrue(try String(contentsOfFile: run.outputPath + "/summary.json", encoding: .utf8).contains(outcome.accounts.first { $0.file == "export-8000.csv" }!.sha256))
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

    /// Sweep 5: the same files named in another order give the same reports, byte for byte (the
    /// list of source files and clean/responses.csv followed the command line), and the same one
    /// of two submissions sharing an ID is kept.
    func testInputsNamedInAnotherOrderGiveTheSameReports() throws {
        let folder = TemporaryFolder()
        let header = "_uuid," + Self.sweepHeader
        let a = folder.write("in/a.csv", header + (0..<6).map { "id-a\($0)," + Self.sweepRow("EE", "Tartu linn") }.joined()
                             + "id-shared," + Self.sweepRow("EE", "Narva linn", importance: 5))
        let b = folder.write("other/b.csv", header + (0..<6).map { "id-b\($0)," + Self.sweepRow("LV", "Rīga") }.joined()
                             + "id-shared," + Self.sweepRow("LV", "Rīga", importance: 1))
        let out = TemporaryFolder()
        _ = try Pipeline.report(Self.sweepOptions([b, a], out: out))
        let first = try Self.outputFiles(out.path + "/reports")
        let again = TemporaryFolder()
        _ = try Pipeline.report(Self.sweepOptions([a, b], out: again))
        let second = try Self.outputFiles(again.path + "/reports")
        XCTAssertEqual(Set(first.keys), Set(second.keys))
        for (path, text) in first { XCTAssertEqual(text, second[path], path) }
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
        // Earlier reports with something else beside them (notes, a file in clean/, a folder): refused, kept.
        for (extra, named) in [("reports/notes.txt", "(notes.txt)"), ("reports/clean/mine.txt", "(clean/mine.txt)"),
                               ("reports/charts/old/x.svg", "(charts/old/x.svg)"), ("reports/instrument/survey.csv", "(instrument/survey.csv)"),
                               // Named like what a run writes, but not written by the run: still the user's.
                               ("reports/countries/notes.md", "(countries/notes.md)"), ("reports/charts/my_chart.svg", "(charts/my_chart.svg)"),
                               ("reports/topic_demand_by_mine.csv", "(topic_demand_by_mine.csv)")] {
            let path = folder.write(extra, "mine\n")
            XCTAssertThrowsError(try Pipeline.report(options), extra) { XCTAssertTrue("\($0)".contains(named), "\($0)") }
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "mine\n")
            try FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: folder.path + "/reports/charts/old")
            try? FileManager.default.removeItem(atPath: folder.path + "/reports/instrument")
        }
        XCTAssertEqual(try Pipeline.report(options).respondents, 1)
    }

    /// `--out` inside an input folder: the run's own staging folder (`.reports.incomplete-PID`)
    /// was listed as a hidden input left out, under a name that changes with every run, so two
    /// runs' reports differed. An earlier run's reports, where the run writes its own, are left
    /// out too: they had been a sub-folder not read, a warning telling the user to name the reports
    /// as an input, and the second run exited 1 where the first exited 0 (a probe's). Another
    /// sub-folder is still said.
    func testReportsWrittenInsideAnInputFolderDoNotListTheirOwnStagingFolder() throws {
        let folder = TemporaryFolder()
        folder.write("in/EE.csv", "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in"]
        options.outputPath = folder.path + "/in/reports"
        let first = try Pipeline.report(options)
        XCTAssertEqual(first.inputProblems.map(\.code), [])
        let second = try Pipeline.report(options)
        XCTAssertEqual(second.inputProblems.map { "\($0.file) \($0.code)" }, [])
        XCTAssertEqual(second.exitCode, first.exitCode)
        let log = try String(contentsOfFile: options.outputPath + "/clean/issues.csv", encoding: .utf8)
        XCTAssertFalse(log.contains("incomplete"), log)
        options.outputPath = folder.path + "/in/reports-2"
        let other = try Pipeline.report(options)
        XCTAssertEqual(other.inputProblems.map { "\($0.file) \($0.code)" }, ["in/reports subfolder_skipped"])
    }

    /// An input or a wave given as `.` or `..` (the command run in the responses folder) is
    /// named by the folder it is: its files were `./EE.csv`, and the wave `.`.
    func testAFolderGivenAsDotIsNamedByItsName() {
        let folder = TemporaryFolder()
        folder.write("responses/EE.csv", "country\nEE\n")
        folder.write("followup/sub/x.csv", "country\nEE\n")
        XCTAssertEqual(InputFiles.expand([folder.path + "/responses/."]).displayNames, ["responses/EE.csv"])
        XCTAssertEqual(InputFiles.expand([folder.path + "/followup/sub/../"]).problems.map(\.file), ["followup", "followup/sub"])
        XCTAssertEqual(InputFiles.waveNames([folder.path + "/followup/sub/.."]), ["followup"])
        XCTAssertEqual(InputFiles.lastComponent("missing/."), ".")
    }

    /// What the form may have wrong (here a type misspelt) is said with the run's findings, in
    /// the cleaning log under the form's file and row, once however many waves it reads.
    func testTheFormsOwnFindingsAreSaidOncePerRun() throws {
        let folder = TemporaryFolder()
        let survey = try String(contentsOfFile: Paths.inputs + "/instrument/survey.csv", encoding: .utf8)
        let lines = survey.split(separator: "\n", omittingEmptySubsequences: false)
        folder.write("form/survey.csv", survey + "intger,age,Age,,,,,,,,,,\n")
        for sheet in ["choices.csv", "settings.csv"] {
            try FileManager.default.copyItem(atPath: Paths.inputs + "/instrument/" + sheet, toPath: folder.path + "/form/" + sheet)
        }
        var options = RunOptions()
        options.instrumentPath = folder.path + "/form"
        options.inputs = [Paths.inputs + "/responses"]
        options.waves = [Paths.inputs + "/followup"]
        options.outputPath = folder.path + "/reports"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.issueCounts[CleaningIssue.Kind(code: "unknown_type", severity: .warning)], 1)
        let log = readAll(options.outputPath + "/clean/issues.csv")
        let said = log.data.map(\.fields).filter { $0[7] == "unknown_type" }
        XCTAssertEqual(said.map { [$0[0], $0[1], $0[2]] }, [[folder.path + "/form/survey.csv", String(lines.count), "1"]])
    }

    /// An export read with a wrong `--encoding` or `--delimiter` has no column of the instrument:
    /// the message names the option given as a likely cause; it named another survey or the wrong
    /// --instrument alone, and the user looked at the form.
    func testNoColumnFoundNamesTheReaderOptionsGiven() throws {
        let folder = TemporaryFolder()
        let export = folder.write("EE.csv", "country;municipality;imp_partnerships\nEE;Tallinn;4\n")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [export]
        XCTAssertNil(try Pipeline.check(options).cannotRun)
        options.reader.delimiter = UInt8(ascii: ",")
        XCTAssertEqual(try Pipeline.check(options).cannotRun,
                       "no input file has a column of this instrument's questions: is --delimiter ',' wrong for the exports "
                       + "(`needs sniff FILE` shows what is detected without it), or are they of another survey, "
                       + "or is --instrument the wrong form?")
        options.reader.encoding = .utf16LE
        options.reader.delimiter = 0x09
        XCTAssertEqual(try Pipeline.check(options).cannotRun,
                       "no input file has a column of this instrument's questions: are --encoding utf-16le and --delimiter tab wrong "
                       + "for the exports (`needs sniff FILE` shows what is detected without them), or are they of another survey, "
                       + "or is --instrument the wrong form?")
        options.reader = ReaderOptions()
        options.inputs = [folder.write("other.csv", "colour,size\nred,big\n")]
        XCTAssertEqual(try Pipeline.check(options).cannotRun,
                       "no input file has a column of this instrument's questions: is it an export of another survey, or the wrong --instrument?")
    }

    /// `--weights COLUMN` naming a column with no weight above 0 (a question's text answers, or
    /// zeros) cannot run, as one no input has cannot: reports of blank figures were written, exit 1.
    func testAWeightColumnWithNoWeightAboveZeroCannotRun() throws {
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.outputPath = folder.path + "/reports"
        let message = "no respondent has a weight above 0 in the weight column `w` (--weights): its values are text or 0, and every "
            + "figure would be blank; give --weights respondent, municipality, or a numeric column of the exports"
        for weights in ["0", "heavy"] {
            options.inputs = [folder.write("in-\(weights)/EE.csv", "country,municipality,imp_partnerships,w\nEE,Tallinn,4,\(weights)\n"
                                           + "EE,Narva,3,\(weights)\n")]
            options.weigh(by: "w")
            let outcome = try Pipeline.report(options)
            XCTAssertEqual(outcome.cannotRun, message, weights)
            XCTAssertEqual(outcome.exitCode, 2)
            XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath), weights)
        }
        // One weight above 0 is enough to run.
        options.inputs = [folder.write("in/EE.csv", "country,municipality,imp_partnerships,w\nEE,Tallinn,4,0\nEE,Narva,3,0.5\n")]
        XCTAssertNil(try Pipeline.report(options).cannotRun)
    }

    /// `--by` a question whose name is in two groups, given by its path (`staff/role`, as the
    /// bad_by_question message names it): its table was written as `topic_demand_by_staff/role.csv`,
    /// a file `role.csv` in a folder `topic_demand_by_staff`. The path's `/` is written `-` in the
    /// file name.
    func testByAQuestionKnownByItsGroupPathWritesOneTableFile() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "type,name,label,topic,measure,place\nselect_one country,country,Country,,,country\n"
            + "begin_group,staff,Staff\nselect_one role,role,Role,,,\nend_group,,\nbegin_group,partner,Partner\n"
            + "select_one role,role,Partner's role,,,\nend_group,,\nselect_one scale,imp_a,Importance of A,a,importance,\n"
            + "select_one scale,comp_a,Competence in A,a,competence,\n")
        folder.write("form/choices.csv", "list_name,name,label\ncountry,EE,Estonia\nrole,teacher,Teacher\nrole,social,Social worker\n"
            + "scale,1,Low\nscale,2,Mid\nscale,3,High\n")
        var options = RunOptions()
        options.instrumentPath = folder.path + "/form"
        options.inputs = [folder.write("in/EE.csv", "country,staff/role,partner/role,imp_a,comp_a\nEE,teacher,social,3,1\n"
                                       + "EE,social,teacher,2,2\n")]
        options.outputPath = folder.path + "/reports"
        options.aggregation.byQuestion = "staff/role"
        XCTAssertEqual(try Pipeline.report(options).respondents, 2)
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand_by_staff-role.csv", encoding: .utf8)
        XCTAssertTrue(table.hasPrefix("country,staff/role,staff/role_label,"), table)
        XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath + "/topic_demand_by_staff"))
        let dictionary = try String(contentsOfFile: options.outputPath + "/data_dictionary.md", encoding: .utf8)
        XCTAssertTrue(dictionary.contains("## topic\\_demand\\_by\\_staff-role.csv"), dictionary)
        // The same run again into the same folder: its own reports, replaced.
        XCTAssertEqual(try Pipeline.report(options).respondents, 2)
    }

    func testARunThatCanMeanNothingWritesNothing() throws {
        let folder = TemporaryFolder()
        let good = folder.write("in/EE.csv", "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        let other = folder.write("in2/other.csv", "colour,size\nred,big\n")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.outputPath = folder.path + "/reports"
        options.inputs = [good]
        XCTAssertNil(try Pipeline.report(options).cannotRun)
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        // Another survey, a missing file, an empty folder: exit 2, the reports as they were.
        XCTAssertTrue(FileManager.default.createFile(atPath: folder.path + "/empty-marker", contents: nil))
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
        XCTAssertTrue(log.contains("\nin/older,,,,,,,subfolder_skipped,dropped,warning,"), log)
        XCTAssertTrue(log.contains("\nmissing.csv,,,,,,,input_missing,dropped,error,"), log)
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("{\"path\": \"in/older\", \"issue\": \"subfolder_skipped\""), summary)
        XCTAssertTrue(summary.contains("\"input_missing\": 1"), summary)
        // Named as the files read are: the local folder (a user name in a home path) stays out.
        XCTAssertFalse(log.contains(folder.path), log)
        XCTAssertFalse(summary.contains(folder.path), summary)
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
        XCTAssertTrue(outcome.firstIssues.contains { $0.code == "file_unreadable" && $0.message.contains("PNG") })
        XCTAssertEqual(outcome.exitCode, 1)
    }

    /// Sweep 5: Excel's lock file beside an export it had open (`~$vastused.xlsx`: the owner's name,
    /// in ASCII and UTF-16) is left out with a note; it was read as a table of another survey,
    /// an error, with the owner's name as a column in the cleaning log.
    func testOfficeLockFileInAFolderIsLeftOut() throws {
        let folder = TemporaryFolder()
        folder.write("in/vastused.csv", "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        let owner = "Mari Tamm"
        var lock = [UInt8(owner.utf8.count)] + Array(owner.utf8) + Array(repeating: 0x20, count: 53 - owner.utf8.count)
        lock += [UInt8(owner.utf8.count), 0] + encode(owner, as: .utf16LE)
        folder.write("in/~$vastused.xlsx", lock + Array(repeating: 0x20, count: 40))
        let out = TemporaryFolder()
        let outcome = try Pipeline.report(Self.sweepOptions([folder.path + "/in"], out: out))
        XCTAssertEqual(outcome.accounts.map(\.file), ["in/vastused.csv"])
        XCTAssertEqual(outcome.inputProblems.map(\.code), ["lock_file_skipped"])
        XCTAssertEqual(outcome.inputProblems.first?.file, "in/~$vastused.xlsx")
        let log = try String(contentsOfFile: out.path + "/reports/clean/issues.csv", encoding: .utf8)
        XCTAssertFalse(log.contains(owner), log)
    }

    /// Windows' folder files, hidden by an attribute that unzipping elsewhere loses, are left
    /// out like hidden files: `desktop.ini` was read as a table of another survey (an error) and
    /// `Thumbs.db` as an old Excel workbook (another error).
    func testWindowsFolderFilesAreLeftOut() throws {
        let folder = TemporaryFolder()
        folder.write("in/vastused.csv", "country,municipality,imp_partnerships\nEE,Tallinn,4\n")
        folder.write("in/desktop.ini", "[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-3\r\n")
        folder.write("in/Thumbs.db", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 24))
        let out = TemporaryFolder()
        let outcome = try Pipeline.report(Self.sweepOptions([folder.path + "/in"], out: out))
        XCTAssertEqual(outcome.accounts.map(\.file), ["in/vastused.csv"])
        XCTAssertEqual(outcome.inputProblems.map(\.code), ["hidden_file_skipped", "hidden_file_skipped"])
        XCTAssertEqual(outcome.firstIssues.filter { $0.severity == .error }.map(\.code), [])
    }

    func testCSVCellsFromInputsAreNeutralisedForExcel() {
        var writer = CSVWriter()
        writer.row([.text("=HYPERLINK(\"x\")"), .text("+1"), .text("@SUM"), .text("-2"), .figure("-0.5"), .text("a,b")])
        // `-2` is a plain number, not a formula (see ReportTests.testPlainNegativeNumbersAreNotNeutralised).
        XCTAssertEqual(writer.text, "\"'=HYPERLINK(\"\"x\"\")\",'+1,'@SUM,-2,-0.5,\"a,b\"\r\n")
    }

    /// A file of a header and no record, in a folder beside an export with respondents, had been
    /// said nowhere but in its count of 0 records (a helper's probe): a `no_records` warning.
    func testAHeaderWithNoRecordsIsWarnedAbout() throws {
        let folder = TemporaryFolder()
        var text = Self.sweepHeader
        for _ in 0..<3 { text += Self.sweepRow("EE", "Narva linn") }
        folder.write("in/good.csv", text)
        folder.write("in/header_only.csv", Self.sweepHeader)
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in"]
        let outcome = try Pipeline.check(options)
        let said = outcome.firstIssues.filter { $0.code == "no_records" }
        XCTAssertEqual(said.count, 1)
        XCTAssertTrue(said.first?.file.hasSuffix("header_only.csv") == true, "\(said)")
        XCTAssertEqual(said.map(\.severity), [.warning])
        XCTAssertEqual(said.first?.line, 1)
        XCTAssertEqual(outcome.accounts.map(\.respondents), [3, 0])
    }

    static let sweepHeader = "country,municipality,role,imp_intercultural,imp_partnerships,imp_disinformation,imp_vulnerable_groups,imp_gbv_prevention,imp_legal_status,imp_interpreters,imp_staff_wellbeing,comp_intercultural,comp_partnerships,comp_disinformation,comp_vulnerable_groups,comp_gbv_prevention,comp_legal_status,comp_interpreters,comp_staff_wellbeing,training_wanted,comments,contact_email\n"

    static func sweepRow(_ country: String, _ municipality: String, importance: Int = 4, competence: Int = 2) -> String {
        let ratings = Array(repeating: String(importance), count: 8) + Array(repeating: String(competence), count: 8)
        return ([country, municipality, "social_worker"] + ratings + ["partnerships", "", ""]).joined(separator: ",") + "\n"
    }

    /// Options writing to `out/reports`: the caller holds `out` until the run is done (a
    /// `TemporaryFolder()` made in the call was removed before the run, which then left its reports in /tmp).
    static func sweepOptions(_ inputs: [String], out: TemporaryFolder) -> RunOptions {
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = inputs
        options.outputPath = out.path + "/reports"
        return options
    }

    /// Every file a run wrote, by path below the reports folder.
    static func outputFiles(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { result[path] = try String(contentsOfFile: folder + "/" + path, encoding: .utf8) }
        }
        return result
    }

    // 1: a place text that is no municipality never reaches a partner-facing output.
    func testUnrecognisedPlaceTextStaysInTheCleanFolder() throws {
        let folder = TemporaryFolder()
        var text = Self.sweepHeader
        for _ in 0..<6 { text += Self.sweepRow("EE", "\"Tallinn, jaan.tamm@tallinn.ee\"") }
        text += Self.sweepRow("EE", "Jaan Tamm +372 5555 1234")
        for _ in 0..<6 { text += Self.sweepRow("EE", "Tartu linn", importance: 5, competence: 1) }
        let file = folder.write("pii.csv", text)
        let out = TemporaryFolder()
        var options = Self.sweepOptions([file], out: out)
        options.aggregation.minCell = 1
        _ = try Pipeline.report(options)
        let files = try Self.outputFiles(options.outputPath)
        XCTAssertNotNil(files["report.md"])
        for (path, content) in files where !path.hasPrefix("clean/") {
            XCTAssertFalse(content.contains("jaan.tamm") || content.contains("5555"), "\(path) quotes the place text")
        }
        XCTAssertTrue(files["clean/issues.csv"]!.contains("jaan.tamm@tallinn.ee"), "the cleaning log keeps the text as written")
        XCTAssertTrue(files["report.md"]!.contains("place not recognised"))
        XCTAssertTrue(files["countries/EE.md"]!.contains("koht pole tuvastatud"))
        // The two unrecognised texts are one group of 7 respondents.
        let byMunicipality = files["topic_demand_by_municipality.csv"]!.split(separator: "\r\n")
        let unrecognised = byMunicipality.filter { $0.hasPrefix("EE,,place not recognised,intercultural,") }
        XCTAssertEqual(unrecognised.count, 1)
        XCTAssertEqual(unrecognised.first?.split(separator: ",")[5], "7")

        // Under --min-cell no municipality is named at all.
        let out5 = TemporaryFolder()
        options.outputPath = out5.path + "/reports"
        options.aggregation.minCell = 7
        _ = try Pipeline.report(options)
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand_by_municipality.csv", encoding: .utf8)
        XCTAssertFalse(table.contains("Tartu"), table)
        XCTAssertTrue(table.contains("EE,,municipalities with fewer than 7 respondents,intercultural,"))
    }

    // 2: `start`/`end` (form metadata) alone do not make a file an export of the instrument.
    func testMetadataColumnsAloneDoNotMatchTheInstrument() throws {
        let folder = TemporaryFolder()
        let file = folder.write("other.csv", "start,end,foo\n2025-01-01,2025-01-01,x\n2025-01-02,2025-01-02,y\n")
        let out = TemporaryFolder()
        let outcome = try Pipeline.check(Self.sweepOptions([file], out: out))
        XCTAssertEqual(outcome.accounts.first?.respondents, 0)
        XCTAssertEqual(outcome.accounts.first?.quarantined, 2)
        XCTAssertNotNil(outcome.firstIssues.first { $0.code == "no_matching_questions" })
        XCTAssertEqual(outcome.exitCode, 2)
        // Nor does KoboToolbox's `__version__`, a calculation it adds to every form it deploys,
        // nor a note: another form's Kobo export had been read as a file of this survey whose
        // rows all lacked a topic (a probe's: exit 1 and a report of 0 respondents).
        let form = TemporaryFolder()
        for sheet in ["survey", "choices", "settings"] {
            var text = try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            if sheet == "survey" { text += "calculate,__version__\nnote,waste_note\n" }
            form.write("form/\(sheet).csv", text)
        }
        let kobo = folder.write("kobo.csv", "start;end;__version__;waste_note;bins\n2025-01-01;2025-01-01;vX;;3\n2025-01-02;2025-01-02;vX;;4\n")
        var options = Self.sweepOptions([kobo], out: out)
        options.instrumentPath = form.path + "/form"
        let other = try Pipeline.check(options)
        XCTAssertNotNil(other.firstIssues.first { $0.code == "no_matching_questions" }, "\(other.firstIssues.map(\.code))")
        XCTAssertEqual(other.exitCode, 2)
        // A form whose settings give no form_id is named by its title (a message had named
        // instrument ``, a probe's).
        form.write("form/settings.csv", "form_title,version\nWaste survey,1\n")
        let untitled = try Pipeline.check(options)
        XCTAssertTrue(untitled.firstIssues.contains { $0.message.hasPrefix("no column matches a question of the instrument “Waste survey” ") },
                      "\(untitled.firstIssues.map(\.message))")
    }

    // 4: a question column missing from the file (an older wording) is a warning naming it.
    func testQuestionWithoutAColumnIsAWarning() throws {
        let folder = TemporaryFolder()
        let header = Self.sweepHeader.replacingOccurrences(of: "imp_intercultural,", with: "Kultuuridevaheline suhtlus,")
        let file = folder.write("old.csv", header + Self.sweepRow("EE", "Tartu linn") + Self.sweepRow("EE", "Tartu linn", importance: 3))
        let out = TemporaryFolder()
        let outcome = try Pipeline.check(Self.sweepOptions([file], out: out))
        let missing = outcome.firstIssues.filter { $0.code == "questions_missing" }
        XCTAssertEqual(missing.count, 1, "once per file")
        XCTAssertEqual(missing.first?.severity, .warning)
        XCTAssertTrue(missing.first?.message.contains("imp_intercultural (topic intercultural)") == true, missing.first?.message ?? "")
        XCTAssertFalse(missing.first?.message.contains("imp_partnerships") == true)
        XCTAssertEqual(outcome.exitCode, 1)
    }

    // Sweep 5: an empty file has no header and so no shape; the report's list of files gives its
    // count alone, not an empty shape before it.
    func testAnEmptyFileIsListedWithItsCountAlone() throws {
        let folder = TemporaryFolder()
        let rows = (0..<5).map { _ in Self.sweepRow("EE", "Tartu linn") }.joined()
        let good = folder.write("in/good.csv", Self.sweepHeader + rows)
        let empty = folder.write("in/empty.csv", "")
        let out = TemporaryFolder()
        let options = Self.sweepOptions([good, empty], out: out)
        _ = try Pipeline.report(options)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("empty.csv (0), good.csv (generic sheet, 5)."), report)
    }

    // 5: files of the same name in different folders are told apart, and so are their respondents.
    func testFilesOfTheSameNameGetDistinctLabels() throws {
        let folder = TemporaryFolder()
        let a = folder.write("A/data/x.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn"))
        let b = folder.write("B/data/x.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn"))
        let c = folder.write("C/y.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn"))
        let expansion = InputFiles.expand([a, b, c, a])
        XCTAssertEqual(expansion.displayNames, ["A/data/x.csv", "B/data/x.csv", "y.csv"])
        XCTAssertEqual(expansion.problems.map(\.code), ["same_file"])
        let out = TemporaryFolder()
        let outcome = try Pipeline.report(Self.sweepOptions([a, b], out: out))
        XCTAssertEqual(outcome.accounts.map(\.file), ["A/data/x.csv", "B/data/x.csv"])
        let responses = try String(contentsOfFile: out.path + "/reports/clean/responses.csv", encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",") }
        XCTAssertEqual(responses.map { String($0[1]) }, ["A/data/x.csv", "B/data/x.csv"])
        XCTAssertNotEqual(responses[0][0], responses[1][0], "respondent IDs of the two files differ")
    }

    /// A LimeSurvey response never submitted, with no answer to the demand question, never
    /// reached it; one with `N/A` in its columns was not shown it: neither was asked, and both
    /// had counted as wanting no training (a probe: 1 in 3 for 1 in 2). A submitted response
    /// that ticked nothing still counts as wanting none, as does one never submitted that answered.
    func testLimeSurveyResponsesNotAskedForDemandAreOutOfItsBase() throws {
        let folder = TemporaryFolder()
        let text = """
        id,submitdate,lastpage,startlanguage,country,municipality,importance[SQ001],competence[SQ001],trainingwanted[SQ001],trainingwanted[SQ002]
        1,2025-02-03 10:00:00,3,en,EE,Narva linn,A5,A2,Y,
        2,2025-02-04 10:00:00,3,en,EE,Tallinn,A4,A4,,Y
        3,,1,en,EE,Tallinn,A4,,,
        4,2025-02-05 10:00:00,3,en,EE,Tallinn,A3,A3,N/A,N/A
        5,2025-02-06 10:00:00,3,en,EE,Tallinn,A3,A3,,
        6,,2,en,EE,Tallinn,A3,A3,Y,

        """
        let out = TemporaryFolder()
        var options = Self.sweepOptions([folder.write("lime.csv", text)], out: out)
        options.aggregation.minCell = 1
        _ = try Pipeline.report(options)
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8)
        let column = { (name: String) in FiguresTable.columns.firstIndex(of: name)! }
        func row(_ topic: String) throws -> [Substring] {
            try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix("EE,\(topic),") }).split(separator: ",", omittingEmptySubsequences: false)
        }
        // Asked: 1, 2, 5 (ticked nothing) and 6 (never submitted, answered); intercultural by 1 and 6.
        let intercultural = try row("intercultural")
        XCTAssertEqual(intercultural[column("respondents")], "6")
        XCTAssertEqual(intercultural[column("demand_n")], "2")
        XCTAssertEqual(intercultural[column("demand_share")], "0.500000000000")
        XCTAssertEqual(try row("partnerships")[column("demand_share")], "0.250000000000")
    }

    /// A demand answer that cannot be read (`1, 3, 5`, prose) was said to be "treated as missing"
    /// but counted as wanting no training (a probe: a share of 1 in 3 for 1 in 2). It is out of
    /// the shares' base, as the message says.
    func testAnUnreadableDemandAnswerIsOutOfTheSharesBase() throws {
        let folder = TemporaryFolder()
        // (`-` and `ei midagi`, "nothing", say none wanted: in the base, as a blank answer is.)
        let text = "country,municipality,imp_intercultural,training_wanted\nEE,Narva linn,4,intercultural\nEE,Narva linn,5,\"1, 3, 5\"\n"
            + "EE,Tallinn,3,\nEE,Tallinn,3,-\nEE,Tallinn,3,ei midagi\n"
        let out = TemporaryFolder()
        var options = Self.sweepOptions([folder.write("sheet.csv", text)], out: out)
        options.aggregation.minCell = 1
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.firstIssues.filter { $0.code == "unknown_value" }.map(\.line), [3])
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8)
        let column = { (name: String) in FiguresTable.columns.firstIndex(of: name)! }
        let row = try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix("EE,intercultural,") }).split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(row[column("respondents")], "5")
        XCTAssertEqual(row[column("demand_n")], "1")
        XCTAssertEqual(row[column("demand_share")], "0.250000000000")
        // In a Google Forms export a text that is no choice is what was typed for "Other": a
        // respondent who ticked Other alone wants none of the topics, and is in the base.
        let google = "Timestamp,Country,Which topics would you attend training on?\n"
            + "2025/01/14 10:00:00 AM EET,Estonia,Intercultural competence and communication\n"
            + "2025/01/14 11:00:00 AM EET,Estonia,Youth work\n"
        var googleOptions = Self.sweepOptions([folder.write("google.csv", google)], out: TemporaryFolder())
        googleOptions.aggregation.minCell = 1
        _ = try Pipeline.report(googleOptions)
        let googleTable = try String(contentsOfFile: googleOptions.outputPath + "/topic_demand.csv", encoding: .utf8)
        let googleRow = try XCTUnwrap(googleTable.split(separator: "\r\n").first { $0.hasPrefix("EE,intercultural,") })
            .split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(googleRow[column("demand_share")], "0.500000000000")
    }

    /// A sheet asking who wants training on two topics of eight, a column each: the other six were
    /// not asked, and published 0 % (a probe). Its respondents are out of those shares' bases,
    /// blank when no file asked; another file asking the whole question counts in all of them.
    func testDemandColumnsForSomeTopicsLeaveTheOthersUnasked() throws {
        let folder = TemporaryFolder()
        let sheet = "country,municipality,imp_intercultural,comp_intercultural,training_wanted/intercultural,training_wanted/partnerships\n"
            + "EE,Narva linn,5,2,1,0\nEE,Narva linn,4,3,0,0\nEE,Narva linn,4,2,1,1\nEE,Narva linn,3,3,0,1\n"
        let form = "country,municipality,imp_intercultural,comp_intercultural,training_wanted\n"
            + "LV,Rīga,5,2,intercultural disinformation\nLV,Rīga,4,2,\n"
        let out = TemporaryFolder()
        var options = Self.sweepOptions([folder.write("sheet.csv", sheet), folder.write("form.csv", form)], out: out)
        options.aggregation.minCell = 1
        _ = try Pipeline.report(options)
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8)
        let column = { (name: String) in FiguresTable.columns.firstIndex(of: name)! }
        func share(_ scope: String, _ topic: String) throws -> String {
            String(try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix("\(scope),\(topic),") })
                .split(separator: ",", omittingEmptySubsequences: false)[column("demand_share")])
        }
        XCTAssertEqual(try share("EE", "intercultural"), "0.500000000000")
        XCTAssertEqual(try share("EE", "partnerships"), "0.500000000000")
        XCTAssertEqual(try share("EE", "disinformation"), "")
        XCTAssertEqual(try share("LV", "disinformation"), "0.500000000000")
        // ALL: the sheet's four are out of disinformation's base, the form's two in it.
        XCTAssertEqual(try share("ALL", "disinformation"), "0.500000000000")
        XCTAssertEqual(try share("ALL", "intercultural"), "0.500000000000")
        // Said in the cleaning log, and under the region's tables.
        let outcome = try Pipeline.check(options)
        let missing = try XCTUnwrap(outcome.firstIssues.first { $0.code == "demand_topics_missing" })
        XCTAssertEqual(missing.file, "sheet.csv")
        XCTAssertTrue(missing.message.contains("for 2 of the 8 topics (intercultural, partnerships)"), missing.message)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("or none for the topic"), report)
    }

    /// A split want-training cell neither ticked nor unticked (`?`, a `✓` the sheet's code page
    /// lacked; `2`) was read as unticked: every `✓` saved as `?` made every share 0 with the
    /// respondents in the base (a probe's). The wish for that topic is unknown: the respondent is
    /// out of that topic's base alone, and the message says so. Any other text stays unticked, as
    /// LimeSurvey's and SPSS's `2` for No is (a reviewer's: out of the base, it made every share
    /// 1). Shares by hand: intercultural 2 of 3 (the `?` row out; 2 of 4 before), partnerships
    /// 1 of 4 (the `2` unticked).
    func testAnUnreadableTickLeavesItsTopicsBaseAlone() throws {
        let folder = TemporaryFolder()
        let sheet = "country,municipality,imp_intercultural,comp_intercultural,training_wanted/intercultural,training_wanted/partnerships\n"
            + "EE,Narva linn,5,2,1,0\nEE,Narva linn,4,3,?,1\nEE,Narva linn,4,2,1,2\nEE,Narva linn,3,3,0,0\n"
        let out = TemporaryFolder()
        var options = Self.sweepOptions([folder.write("sheet.csv", sheet)], out: out)
        options.aggregation.minCell = 1
        let outcome = try Pipeline.report(options)
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8)
        let column = { (name: String) in FiguresTable.columns.firstIndex(of: name)! }
        func share(_ topic: String) throws -> String {
            String(try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix("EE,\(topic),") })
                .split(separator: ",", omittingEmptySubsequences: false)[column("demand_share")])
        }
        XCTAssertEqual(try share("intercultural"), "0.666666666667")
        XCTAssertEqual(try share("partnerships"), "0.250000000000")
        let unread = outcome.firstIssues.filter { $0.code == "unknown_value" }.map(\.message)
        XCTAssertEqual(unread, ["`?` in the `intercultural` column is neither ticked nor unticked (a mark the file's code page lacked, such as ✓, saved as `?`?); "
                                + "not read: the respondent counts in no want-training share of `intercultural`",
                                "`2` in the `partnerships` column is neither ticked nor unticked; read as unticked"])
        // `??` and `???` alike (`✔️`, `Да`, `Нет` in a code page without them, a reviewer's):
        // every wish lost, every share blank, not 0.
        let lost = "country,municipality,imp_intercultural,comp_intercultural,training_wanted/intercultural,training_wanted/partnerships\n"
            + "EE,Narva linn,5,2,??,???\nEE,Narva linn,4,3,???,??\n"
        var lostOptions = Self.sweepOptions([folder.write("lost.csv", lost)], out: TemporaryFolder())
        lostOptions.aggregation.minCell = 1
        let lostOutcome = try Pipeline.report(lostOptions)
        let lostTable = try String(contentsOfFile: lostOptions.outputPath + "/topic_demand.csv", encoding: .utf8)
        let lostRow = try XCTUnwrap(lostTable.split(separator: "\r\n").first { $0.hasPrefix("EE,intercultural,") })
            .split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(lostRow[column("demand_share")], "")
        XCTAssertTrue(lostOutcome.firstIssues.contains { $0.message.contains("saved as `??`?); not read") })
    }

    /// A Google Forms want-training cell that is only what was typed for "Other" (`youth work,
    /// sport`): its respondent stays in the shares' base wanting none of the topics, as the data
    /// dictionary says, and the message says so; it said "treated as missing" (a helper's probe).
    func testAGoogleFormsOtherTextAloneIsNoTopicWantedAndSaysSo() throws {
        let folder = TemporaryFolder()
        let sheet = "Timestamp,Country,How important is each topic for your work? [Intercultural competence and communication],"
            + "Which topics would you attend training on?\n"
            + "1/13/2025 9:00:00,Estonia,Important,\"youth work, sport\"\n"
            + "1/14/2025 10:00:00,Estonia,Very important,Intercultural competence and communication\n"
        let out = TemporaryFolder()
        var options = Self.sweepOptions([folder.write("google.csv", sheet)], out: out)
        options.aggregation.minCell = 1
        let outcome = try Pipeline.report(options)
        let issue = try XCTUnwrap(outcome.firstIssues.first { $0.code == "unknown_value" })
        XCTAssertEqual(issue.message, "`youth work, sport` is not a choice of question `training_wanted` (Which topics would you attend training on?) "
                       + "from list `topics`; what was typed for \"Other\" (Google and Microsoft Forms write it in its place): none of the topics listed is chosen")
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8)
        let row = try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix("EE,intercultural,") })
            .split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(row[FiguresTable.columns.firstIndex(of: "demand_share")!], "0.500000000000")
    }

    // 6: weights that leave ~1 effective respondent are suppressed and warned about.
    func testDominantWeightIsSuppressedAndWarnedAbout() throws {
        let folder = TemporaryFolder()
        var text = Self.sweepHeader.replacingOccurrences(of: "\n", with: ",weight\n")
        for k in 0..<10 { text += Self.sweepRow("EE", "Tartu linn", importance: 1 + k % 5).replacingOccurrences(of: "\n", with: ",1\n") }
        text += Self.sweepRow("EE", "Tartu linn", importance: 5).replacingOccurrences(of: "\n", with: ",1000\n")
        for _ in 0..<10 { text += Self.sweepRow("LV", "Rīga", importance: 3).replacingOccurrences(of: "\n", with: ",1\n") }
        let file = folder.write("w.csv", text)
        let out = TemporaryFolder()
        var options = Self.sweepOptions([file], out: out)
        options.aggregation.weights = .column("weight")
        options.normalize.weightColumn = "weight"
        let outcome = try Pipeline.report(options)
        // EE: Kish n_eff = 1010² / (10 + 1000²) = 1.0201 < 5 although 11 respondents answered.
        let warning = try XCTUnwrap(outcome.firstIssues.first { $0.code == "dominant_weight" && $0.question == "EE" })
        XCTAssertTrue(warning.message.contains("1.02"), warning.message)
        XCTAssertNil(outcome.firstIssues.first { $0.code == "dominant_weight" && $0.question == "LV" })
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8)
        let ee = try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix("EE,intercultural,") })
            .split(separator: ",", omittingEmptySubsequences: false)
        let column = { (name: String) in FiguresTable.columns.firstIndex(of: name)! }
        XCTAssertEqual(ee[column("respondents")], "11")
        XCTAssertEqual(ee[column("mean_importance")], "")
        XCTAssertEqual(ee[column("importance_ci_low")], "")
        XCTAssertEqual(ee[column("demand_share")], "")
        XCTAssertEqual(ee[column("suppressed")], "1")
        let lv = try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix("LV,intercultural,") })
            .split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(lv[column("mean_importance")], "3.000000000000")
    }

    // A weights column of zeros (valid weights, so no weight_invalid) leaves a country with no
    // weighted figure at all: the run says why rather than publishing a blank table silently.
    func testEveryWeightZeroIsWarnedAbout() throws {
        let folder = TemporaryFolder()
        var text = Self.sweepHeader.replacingOccurrences(of: "\n", with: ",weight\n")
        for _ in 0..<6 { text += Self.sweepRow("EE", "Tartu linn").replacingOccurrences(of: "\n", with: ",0\n") }
        for _ in 0..<6 { text += Self.sweepRow("LV", "Rīga").replacingOccurrences(of: "\n", with: ",1\n") }
        let file = folder.write("zero.csv", text)
        let out = TemporaryFolder()
        var options = Self.sweepOptions([file], out: out)
        options.aggregation.weights = .column("weight")
        options.normalize.weightColumn = "weight"
        let outcome = try Pipeline.report(options)
        XCTAssertFalse(outcome.firstIssues.contains { $0.code == "weight_invalid" })
        let warning = try XCTUnwrap(outcome.firstIssues.first { $0.code == "dominant_weight" && $0.question == "EE" })
        XCTAssertTrue(warning.message.contains("6 respondents but a total weight of 0: every weight is 0"), warning.message)
        XCTAssertNil(outcome.firstIssues.first { $0.code == "dominant_weight" && $0.question == "LV" })
        XCTAssertNil(outcome.firstIssues.first { $0.code == "dominant_weight" && $0.question == "ALL" })
        // The weighting statement says how many respondents the weights leave out.
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("Weighting: by the column weight; intervals use Kish's effective sample size. 6 respondents weigh 0 in that column (or have no valid weight there) and are left out of the figures."), report)
    }

    // LT's two respondents are blanked. The five respondents of no known country have no
    // municipality, so with LT alone blanked (as when they counted as the other blanked part under
    // ALL) ALL's count of municipalities less EE's and LV's (1 each) would give LT's (2) back. Since
    // 0d14b61 they protect no one (summary.json's place_unknown 5 tells their count), EE is
    // blanked beside LT, and ALL's 4 less LV's 1 is EE's and LT's together.
    func testOneBlankedCountryKeepsItsMunicipalitiesFromALLsCount() throws {
        let folder = TemporaryFolder()
        var text = Self.sweepHeader
        for _ in 0..<6 { text += Self.sweepRow("EE", "Tartu linn") + Self.sweepRow("LV", "Rīga") }
        text += Self.sweepRow("LT", "Kauno miesto savivaldybė") + Self.sweepRow("LT", "Alytaus miesto savivaldybė")
        for _ in 0..<5 { text += Self.sweepRow("", "") }
        let file = folder.write("lt.csv", text)
        let out = TemporaryFolder()
        let options = Self.sweepOptions([file], out: out)
        _ = try Pipeline.report(options)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("| Estonia (EE) | – | – |"), report)
        XCTAssertTrue(report.contains("| Latvia (LV) | 6 | 1 |"), report)
        XCTAssertTrue(report.contains("| Lithuania (LT) | – | – |"), report)
        XCTAssertTrue(report.contains("| Region (ALL) | 19 | 4 |"), report)
    }

    // 7: country-equal weighting says how many respondents without a country are not in ALL.
    func testCountryEqualStatesTheRespondentsLeftOut() throws {
        let folder = TemporaryFolder()
        var text = Self.sweepHeader
        for _ in 0..<5 { text += Self.sweepRow("EE", "Tartu linn") }
        for _ in 0..<5 { text += Self.sweepRow("LV", "Rīga") }
        text += Self.sweepRow("", "") + Self.sweepRow("Narnia", "")
        let file = folder.write("places.csv", text)
        let out = TemporaryFolder()
        var options = Self.sweepOptions([file], out: out)
        options.aggregation.region = .countryEqual
        _ = try Pipeline.report(options)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("2 respondents without a country are left out of ALL."), report)
        XCTAssertFalse(ReportBuilder.weightingStatement(AggregationOptions(), withoutCountry: 2).contains("left out"),
                       "pooled: they are in ALL")
    }

    // Country-equal weights ALL: one EE respondent and 20 in LV give the EE one weight 10.5 and
    // each LV one 0.525 in ALL: Σw = 21, Σw² = 110.25 + 20 × 0.275625 = 115.7625, Kish n_eff =
    // 441 / 115.7625 = 3.81 < 5. ALL (21 respondents) is blanked, and the reports must say why.
    func testCountryEqualDominantCountryIsWarnedAbout() throws {
        let folder = TemporaryFolder()
        var text = Self.sweepHeader + Self.sweepRow("EE", "Tartu linn")
        for k in 0..<20 { text += Self.sweepRow("LV", "Rīga", importance: 1 + k % 5) }
        let file = folder.write("few.csv", text)
        let out = TemporaryFolder()
        var options = Self.sweepOptions([file], out: out)
        options.aggregation.region = .countryEqual
        let outcome = try Pipeline.report(options)
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8)
        let all = try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix("ALL,intercultural,") })
            .split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(all[FiguresTable.columns.firstIndex(of: "respondents")!], "21")
        XCTAssertEqual(all[FiguresTable.columns.firstIndex(of: "mean_importance")!], "")
        let warning = try XCTUnwrap(outcome.firstIssues.first { $0.code == "dominant_weight" && $0.question == "ALL" })
        XCTAssertTrue(warning.message.contains("3.81"), warning.message)
        XCTAssertNil(outcome.firstIssues.first { $0.code == "dominant_weight" && $0.question == "LV" })
    }

    // 3: a file's slash dates are read in one day/month order, decided by a value that shows it;
    // a timestamp that is no date is reported with its place.
    func testDateOrderIsDecidedPerFileAndBadTimestampsAreReported() throws {
        let folder = TemporaryFolder()
        var text = "Timestamp," + Self.sweepHeader
        for date in ["2/26/2025 10:00:00", "3/2/2025 10:00:00", "3/4/2025 11:00:00", "yesterday", "2025-13-45 99:00"] {
            text += date + "," + Self.sweepRow("EE", "Tartu linn")
        }
        let file = folder.write("google_us.csv", text)
        let out = TemporaryFolder()
        let options = Self.sweepOptions([file], out: out)
        let outcome = try Pipeline.report(options)
        let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
            .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let submitted = try XCTUnwrap(responses.first?.firstIndex(of: "submitted"))
        // 2/26 is month-first, so 3/2 is 2 March and 3/4 is 4 March, not 3 February and 3 April.
        XCTAssertEqual(responses.dropFirst().map { String($0[submitted]) }, ["2025-02-26", "2025-03-02", "2025-03-04", "", ""])
        let unreadable = outcome.firstIssues.filter { $0.code == "date_unreadable" }
        XCTAssertEqual(unreadable.map(\.oldValue), ["yesterday", "2025-13-45 99:00"])
        XCTAssertEqual(unreadable.map(\.line), [5, 6])
        XCTAssertEqual(unreadable.map(\.column), [1, 1])
        XCTAssertNil(outcome.firstIssues.first { $0.code.hasPrefix("date_order") })
    }

    // Sweep 2, 1: a file named twice, or reached through a link, is read once; the later mentions
    // are inputs not read, naming the first.
    func testTheSameFileNamedTwiceOrLinkedIsReadOnce() throws {
        let folder = TemporaryFolder()
        let a = folder.write("in/a.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn") + Self.sweepRow("LV", "Rīga"))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/link_to_a.csv", withDestinationPath: "a.csv")
        XCTAssertEqual(link(a, folder.path + "/hard.csv"), 0)
        let out = TemporaryFolder()
        var options = Self.sweepOptions([folder.path + "/in", a, folder.path + "/hard.csv"], out: out)
        // Two respondents in all: under --min-cell 5 every count, the file's too, would be withheld.
        options.aggregation.minCell = 1
        let outcome = try Pipeline.report(options)
        // Read by the mention named first in the reports' order (by name), whatever the arguments' order.
        XCTAssertEqual(outcome.accounts.map(\.file), ["a.csv"])
        XCTAssertEqual(outcome.respondents, 2)
        let notes = outcome.inputProblems.filter { $0.code == "same_file" }
        XCTAssertEqual(notes.map(\.file), ["hard.csv", "in/a.csv", "in/link_to_a.csv"])
        XCTAssertTrue(notes.allSatisfy { $0.severity == .note && $0.message.contains("the same file as a.csv,") }, "\(notes)")
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("{\"path\": \"in/link_to_a.csv\", \"issue\": \"same_file\""), summary)
        XCTAssertFalse(summary.contains(folder.path), summary)
        XCTAssertTrue(summary.contains("\"respondents\": 2,"), summary)
        // A folder whose only file was read already is not "without files".
        let again = try Pipeline.check(Self.sweepOptions([a, folder.path + "/in"], out: out))
        XCTAssertNil(again.inputProblems.first { $0.code == "folder_without_files" })
        XCTAssertEqual(again.respondents, 2)
    }

    // A file named twice is read by the mention the reports name first, and the inputs left out
    // are listed in the order of their names, whatever the order of the arguments: named in
    // another order, the same inputs kept `in/a.csv` or `a.csv` and listed the missing files and
    // the hidden one in another order in summary.json and clean/issues.csv.
    func testInputsNamedInAnotherOrderAreReadAndListedAlike() throws {
        let folder = TemporaryFolder()
        let a = folder.write("in/a.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn"))
        _ = folder.write("in/.hidden.csv", "x\n")
        let inputs = [folder.path + "/in", a, folder.path + "/zz/missing.csv", folder.path + "/b/absent.csv"]
        let forward = InputFiles.expand(inputs)
        let backward = InputFiles.expand(inputs.reversed())
        XCTAssertEqual(forward.displayNames, ["a.csv"])
        XCTAssertEqual(backward.displayNames, forward.displayNames)
        XCTAssertEqual(forward.problems.map(\.file), ["absent.csv", "in/.hidden.csv", "in/a.csv", "missing.csv"])
        XCTAssertEqual(backward.problems.map(\.file), forward.problems.map(\.file))
        XCTAssertEqual(backward.problems.map(\.message), forward.problems.map(\.message))
        XCTAssertTrue(forward.problems[2].message.contains("the same file as a.csv,"), forward.problems[2].message)
    }

    // An input left out is named apart from the files of its name, as those files are from each
    // other: a missing `c/x.csv` beside `a/x.csv` and `b/x.csv` had been "x.csv: cannot read",
    // which named neither, and the hidden files of two `responses` folders were both
    // `responses/.hidden`. A path that reads as the file's (`a//x.csv`) keeps the file's name.
    func testInputsLeftOutAreNamedApartFromFilesOfTheirName() throws {
        let folder = TemporaryFolder()
        let a = folder.write("a/x.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn"))
        let b = folder.write("b/x.csv", Self.sweepHeader + Self.sweepRow("LV", "Rīga"))
        let missing = folder.path + "/c/x.csv"
        let three = InputFiles.expand([a, b, missing])
        XCTAssertEqual(three.displayNames, ["a/x.csv", "b/x.csv"])
        XCTAssertEqual(three.problems.map(\.file), ["c/x.csv"])
        XCTAssertEqual(three.problems.map(\.code), ["input_missing"])
        // The terminal shows the path as given (the last name alone left a typo in the folder
        // above it to be guessed, a probe's), and where a relative one was looked for; the
        // cleaning log keeps the message without the local path.
        XCTAssertEqual(three.problems.first?.localMessage, "cannot read: no such file or folder as `\(missing)`")
        XCTAssertEqual(three.problems.first?.message, "cannot read: No such file or directory")
        let typo = InputFiles.expand(["inputs/respnses"]).problems.first?.localMessage ?? ""
        XCTAssertTrue(typo.hasPrefix("cannot read: no such file or folder as `inputs/respnses` (looked for in /"), typo)
        // Beside one file of its name: the file keeps its short name, the missing one is told apart.
        let two = InputFiles.expand([missing, a])
        XCTAssertEqual(two.displayNames, ["x.csv"])
        XCTAssertEqual(two.problems.map(\.file), ["c/x.csv"])
        // Alone, a missing input is named by its own name, as before.
        XCTAssertEqual(InputFiles.expand([missing]).problems.map(\.file), ["x.csv"])
        // Missing in the working folder beside `a/x.csv`: `./x.csv`, not the file's name.
        let here = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(here) }
        let relative = InputFiles.expand(["a/x.csv", "x.csv"])
        XCTAssertEqual(relative.displayNames, ["x.csv"])
        XCTAssertEqual(relative.problems.map(\.file), ["./x.csv"])
        // The same file by a path that reads alike: named as the file, not numbered.
        let twice = InputFiles.expand([a, folder.path + "/a//x.csv"])
        XCTAssertEqual(twice.displayNames, ["x.csv"])
        XCTAssertEqual(twice.problems.map(\.file), ["x.csv"])
        XCTAssertEqual(twice.problems.map(\.code), ["same_file"])
        // Two folders of one name: their hidden files are told apart as their files are.
        _ = folder.write("2025/responses/EE.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn"))
        _ = folder.write("2026/responses/EE.csv", Self.sweepHeader + Self.sweepRow("EE", "Narva linn"))
        _ = folder.write("2025/responses/.hidden", "x\n")
        _ = folder.write("2026/responses/.hidden", "x\n")
        let folders = InputFiles.expand([folder.path + "/2026/responses", folder.path + "/2025/responses"])
        XCTAssertEqual(folders.displayNames, ["2025/responses/EE.csv", "2026/responses/EE.csv"])
        XCTAssertEqual(folders.problems.map(\.file), ["2025/responses/.hidden", "2026/responses/.hidden"])
        // The reports name it so too.
        let out = TemporaryFolder()
        let outcome = try Pipeline.report(Self.sweepOptions([a, b, missing], out: out))
        XCTAssertEqual(outcome.inputProblems.map(\.file), ["c/x.csv"])
        let issues = try String(contentsOfFile: out.path + "/reports/clean/issues.csv", encoding: .utf8)
        XCTAssertTrue(issues.contains("\nc/x.csv,,,,,,,input_missing,"), issues)
        let summary = try String(contentsOfFile: out.path + "/reports/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("{\"path\": \"c/x.csv\", \"issue\": \"input_missing\""), summary)
    }

    // A file whose name is not UTF-8 (a Windows ZIP's `Šiaulių.csv` in code page 1257, unzipped
    // as it is) is read from its folder: its path was rebuilt from the name with U+FFFD for the
    // byte, and the file was "cannot read: No such file or directory". Its name is shown as read
    // in the code page that reads it best, with a note (it had been `�iauli�.csv`, and a folder
    // of Russian names was a list of `�����.csv` in messages and reports, a helper's probe).
    func testAFileNamedInAnotherCodePageIsRead() throws {
        let folder = TemporaryFolder()
        _ = folder.write("in/placeholder.csv", "")
        let name: [UInt8] = Array((folder.path + "/in/").utf8) + [0xD0, 0x69, 0x61, 0x75, 0x6C, 0x69, 0xF8, 0x2E, 0x63, 0x73, 0x76]
        let text = Self.sweepHeader + Self.sweepRow("LT", "Šiaulių miesto savivaldybė")
        let fd = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress!, $0.count - 1) }
        close(fd)
        try FileManager.default.removeItem(atPath: folder.path + "/in/placeholder.csv")
        let expansion = InputFiles.expand([folder.path + "/in"])
        XCTAssertEqual(expansion.problems.map(\.code), ["file_name_not_utf8"])
        XCTAssertEqual(expansion.problems.first?.file, "in/Šiaulių.csv")
        XCTAssertTrue(expansion.problems.first?.message.contains("windows-1257") == true, "\(expansion.problems)")
        XCTAssertEqual(expansion.displayNames, ["in/Šiaulių.csv"])
        XCTAssertEqual(readableName([0xCD, 0xE0, 0xF0, 0xE2, 0xE0, 0x2E, 0x63, 0x73, 0x76]).name, "Нарва.csv")
        let out = TemporaryFolder()
        let outcome = try Pipeline.report(Self.sweepOptions([folder.path + "/in"], out: out))
        XCTAssertEqual(outcome.respondents, 1)
        // Named by itself, as a shell passes it: the command line's text has U+FFFD for the bytes.
        let named = InputFiles.expand([folder.path + "/in/\u{FFFD}iauli\u{FFFD}.csv"])
        XCTAssertEqual(named.problems.map(\.code), [])
        XCTAssertEqual(named.displayNames, ["\u{FFFD}iauli\u{FFFD}.csv"])
        let directOut = TemporaryFolder()
        defer { withExtendedLifetime(directOut) {} }
        let direct = try Pipeline.report(Self.sweepOptions([folder.path + "/in/\u{FFFD}iauli\u{FFFD}.csv"], out: directOut))
        XCTAssertEqual(direct.respondents, 1)
        // Two such names are told apart by their bytes, not by where they were opened
        // (`/proc/self/fd/5`, which named them `5` and `6`).
        for byte: UInt8 in [0xE4, 0xF6] {
            let path = Array((folder.path + "/two/").utf8) + [byte, 0x2E, 0x63, 0x73, 0x76, 0]
            _ = FileManager.default.createFile(atPath: folder.path + "/two-made", contents: Data(text.utf8))
            try FileManager.default.createDirectory(atPath: folder.path + "/two", withIntermediateDirectories: true)
            XCTAssertEqual(path.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { rename(folder.path + "/two-made", $0.baseAddress!) }, 0)
        }
        XCTAssertEqual(InputFiles.expand([folder.path + "/two"]).displayNames, ["two/ä.csv", "two/ö.csv"])
        // Two names that read alike (`a°b.csv`, one in KOI8-R, one in Windows-1257): each file's
        // note names its file (a reviewer's probe: both notes had been named `(2)`).
        for byte: UInt8 in [0x9C, 0xB0] {
            let path = Array((folder.path + "/alike/a").utf8) + [byte] + Array("b.csv".utf8) + [0]
            _ = FileManager.default.createFile(atPath: folder.path + "/alike-made", contents: Data(text.utf8))
            try FileManager.default.createDirectory(atPath: folder.path + "/alike", withIntermediateDirectories: true)
            XCTAssertEqual(path.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { rename(folder.path + "/alike-made", $0.baseAddress!) }, 0)
        }
        let alike = InputFiles.expand([folder.path + "/alike"])
        XCTAssertEqual(alike.displayNames.count, 2)
        XCTAssertEqual(Set(alike.displayNames).count, 2, "\(alike.displayNames)")
        XCTAssertEqual(alike.problems.map(\.code), ["file_name_not_utf8", "file_name_not_utf8"])
        XCTAssertEqual(Set(alike.problems.map(\.file)), Set(alike.displayNames))
    }

    // A file whose name is not UTF-8 is opened by its name's bytes (`/proc/self/fd/N`); every
    // expansion of a run (waves' names, their check, the ingest) opened each such file again and
    // never closed it, so a folder of more than about 1,000 such names ran out of descriptors.
    func testDescriptorsOfNamesThatAreNotUTF8AreClosed() throws {
        let folder = TemporaryFolder()
        let text = Self.sweepHeader + Self.sweepRow("LT", "Šiaulių miesto savivaldybė")
        for (set, byte) in [("2025/responses", 0xD0), ("2025/responses", 0xDE), ("2026/responses", 0xD0)] as [(String, UInt8)] {
            _ = folder.write(set + "/made.csv", text)
            let name = Array((folder.path + "/" + set + "/").utf8) + [byte, 0x2E, 0x63, 0x73, 0x76, 0]
            XCTAssertEqual(name.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { rename(folder.path + "/" + set + "/made.csv", $0.baseAddress!) }, 0)
        }
        // Descriptors open on the folder's files, by what they lead to (bytes, as the names are).
        func openOnFolder() -> Int {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            return entries.filter { entry in
                var target = [CChar](repeating: 0, count: 4096)
                let n = readlink("/proc/self/fd/" + entry, &target, target.count - 1)
                return n > 0 && target.prefix(n).map { UInt8(bitPattern: $0) }.starts(with: Array(folder.path.utf8))
            }.count
        }
        let before = openOnFolder()
        let baseline = folder.path + "/2025/responses", wave = folder.path + "/2026/responses"
        do {
            let expansion = InputFiles.expand([baseline])
            XCTAssertEqual(expansion.displayNames, ["responses/п.csv", "responses/ч.csv"])
            XCTAssertEqual(openOnFolder(), before + 2)
            // A name decided over the run (the wave has a file named alike) is found again by the
            // file, not by the `/proc/self/fd/N` that named it in another expansion.
            let names = InputFiles.runDisplayNames([[baseline], [wave]])
            XCTAssertEqual(InputFiles.expand([wave], names: names).displayNames, ["2026/responses/п.csv"])
        }
        XCTAssertEqual(openOnFolder(), before)
        let out = TemporaryFolder()
        defer { withExtendedLifetime(out) {} }
        var options = Self.sweepOptions([baseline], out: out)
        options.waves = [wave]
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.respondents, 2)
        XCTAssertEqual(openOnFolder(), before)
    }

    // Sweep 2, 2: respondent IDs of files sharing a base name depend on their labels, not on the
    // order the files were named in; a file whose base name no other shares keeps its own seed.
    func testRespondentIDsOfSameNamedFilesDoNotDependOnOrder() throws {
        let folder = TemporaryFolder()
        let paths = ["A/data/x.csv", "B/data/x.csv", "x.csv", "sub/x.csv"].map { name in
            folder.write(name, Self.sweepHeader + Self.sweepRow("EE", "Tartu linn") + Self.sweepRow("EE", name))
        }
        let single = folder.write("C/y.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn", importance: 3))
        func ids(_ inputs: [String]) throws -> [String: String] {
            let out = TemporaryFolder()
            _ = try Pipeline.report(Self.sweepOptions(inputs, out: out))
            let rows = try String(contentsOfFile: out.path + "/reports/clean/responses.csv", encoding: .utf8)
                .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            return Dictionary(uniqueKeysWithValues: rows.map { ("\($0[1]):\($0[2])", String($0[0])) })
        }
        let forward = try ids(paths + [single])
        let backward = try ids([single] + paths.reversed())
        XCTAssertEqual(forward.count, 9)
        XCTAssertEqual(forward, backward)
        // y.csv alone: seeded by its base name, wherever it lies.
        let moved = folder.write("elsewhere/y.csv", Self.sweepHeader + Self.sweepRow("EE", "Tartu linn", importance: 3))
        XCTAssertEqual(try ids([moved])["y.csv:2"], forward["y.csv:2"])
    }

    // Sweep 2, 3: days that the calendar does not have are unreadable, in the ISO fast path and
    // in the slash and dot forms, and give no evidence of the day/month order.
    func testImpossibleCalendarDatesAreUnreadable() throws {
        let folder = TemporaryFolder()
        var text = "Timestamp," + Self.sweepHeader
        let dates = ["30/2/2025 10:00", "2025-02-30", "2025-04-31T10:00:00", "31.04.2025", "29/2/2025", "2/30/25 10:00",
                     "29/2/2024", "2024-02-29", "3/4/2025", "2025-12-31"]
        for (k, date) in dates.enumerated() { text += date + "," + Self.sweepRow("EE", "Tartu linn", importance: 1 + k % 5) }
        let file = folder.write("dates.csv", text)
        let out = TemporaryFolder()
        let options = Self.sweepOptions([file], out: out)
        let outcome = try Pipeline.report(options)
        let unreadable = outcome.firstIssues.filter { $0.code == "date_unreadable" }
        XCTAssertEqual(unreadable.map(\.oldValue), Array(dates.prefix(6)))
        XCTAssertEqual(unreadable.map(\.line), [2, 3, 4, 5, 6, 7])
        XCTAssertEqual(unreadable.map(\.column), [1, 1, 1, 1, 1, 1])
        // `2/30/25` is no evidence of month-first: `3/4/2025` stays day-first by assumption.
        XCTAssertNil(outcome.firstIssues.first { $0.code == "date_order_conflict" || $0.code == "date_order_late" })
        let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
            .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let submitted = try XCTUnwrap(responses.first?.firstIndex(of: "submitted"))
        XCTAssertEqual(responses.dropFirst().map { String($0[submitted]) },
                       ["", "", "", "", "", "", "2024-02-29", "2024-02-29", "2025-04-03", "2025-12-31"])
        XCTAssertEqual(SubmissionDate.parse("29.02.2000"), "2000-02-29", "2000 is a leap year")
        XCTAssertNil(SubmissionDate.parse("29.02.2100"), "2100 is not")
        XCTAssertEqual(Array("1900-02-29".utf8).withUnsafeBytes { SubmissionDate.isoDay($0) }, 0)
        XCTAssertEqual(Array("2025-06-30".utf8).withUnsafeBytes { SubmissionDate.isoDay($0) }, 20250630)
    }

    /// A time in UTC (KoboToolbox's `_submission_time`, ODK Central's `…Z`) is dated by the day it
    /// was in the Baltic states: a form sent at 00:30 in Tallinn was dated the day before. The
    /// expected days are Python's zoneinfo for Europe/Tallinn, Europe/Riga and Europe/Vilnius
    /// (all three agree), around midnight in winter and summer, on both sides of each change of
    /// clock (30 March and 26 October 2025, 01:00 UTC), at the year's end and a leap day.
    func testUTCTimesAreDatedByTheBalticDay() {
        func day(_ text: String) -> Int32? {
            Array(text.utf8).withUnsafeBytes { bytes in
                SubmissionDate.isoDay(bytes).map { SubmissionDate.balticDay(utcDay: $0, bytes) }
            }
        }
        let expected: [(String, Int32)] = [
            ("2025-01-14T21:59:59", 20250114), ("2025-01-14T22:00:00", 20250115),
            ("2025-07-14T20:59:00", 20250714), ("2025-07-14T21:00:00", 20250715),
            ("2025-03-29T21:30:00", 20250329), ("2025-03-30T21:30:00", 20250331),
            ("2025-10-25T21:30:00", 20251026), ("2025-10-26T21:30:00", 20251026),
            ("2024-12-31T22:30:00.000Z", 20250101), ("2024-02-28T23:00:00Z", 20240229),
            ("2025-01-14", 20250114), ("2025-01-14T10:00", 20250114),
        ]
        for (text, baltic) in expected { XCTAssertEqual(day(text), baltic, text) }
        func saysUTC(_ text: String) -> Bool { Array(text.utf8).withUnsafeBytes { SubmissionDate.saysUTC($0) } }
        XCTAssertTrue(saysUTC("2025-01-14T22:00:00.316Z"))
        XCTAssertTrue(saysUTC("2025-01-14T22:00:00+00:00"))
        XCTAssertTrue(saysUTC("2025-01-14 22:00 +0000 "))
        XCTAssertFalse(saysUTC("2025-01-14T22:00:00.000+02:00"), "a device's own offset: its day as written")
        XCTAssertFalse(saysUTC("2025-01-14T22:00:00"))
        XCTAssertFalse(saysUTC("2025-01-14"))
        func writesOffset(_ text: String) -> Bool { Array(text.utf8).withUnsafeBytes { SubmissionDate.writesOffset($0) } }
        for text in ["2025-01-14T23:30:00+02:00", "2025-01-14T23:30:00.000+0300", "2025-01-14 23:30 -05 ", "2025-01-14T23:30:00+00:00"] {
            XCTAssertTrue(writesOffset(text), text)
        }
        for text in ["2025-01-14T23:30:00Z", "2025-01-14T23:30:00", "2025-01-14", "2025-01-14T23:30"] {
            XCTAssertFalse(writesOffset(text), text)
        }
    }

    /// KoboToolbox's `_submission_time` is the server's clock in UTC, but a time in it with its
    /// own offset written (`2025-01-14T23:30:00+02:00`, a re-exported sheet; a helper's probe)
    /// keeps its day as written, as any time with an offset does: it had been read as UTC and
    /// dated the 15th. Without an offset, or with `Z`, it is still dated by the Baltic day.
    func testASubmissionTimeWithItsOwnOffsetKeepsItsDay() throws {
        let folder = TemporaryFolder()
        var text = "country;municipality;role;imp_intercultural;comp_intercultural;training_wanted;_id;_uuid;_submission_time\n"
        let times = ["2025-01-14T23:30:00+02:00", "2025-06-14T23:30:00+03:00", "2025-06-14T23:30:00.000+0300",
                     "2025-01-14T22:30:00", "2025-01-14T22:30:00Z", "2025-01-14T23:30:00-05:00"]
        for (k, time) in times.enumerated() { text += "EE;Narva linn;teacher;5;2;intercultural;\(100 + k);u-\(k);\(time)\n" }
        let out = TemporaryFolder()
        let options = Self.sweepOptions([folder.write("k.csv", text)], out: out)
        _ = try Pipeline.report(options)
        let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
            .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let submitted = try XCTUnwrap(responses.first?.firstIndex(of: "submitted"))
        XCTAssertEqual(responses.dropFirst().map { String($0[submitted]) },
                       ["2025-01-14", "2025-06-14", "2025-06-14", "2025-01-15", "2025-01-15", "2025-01-14"])
    }

    /// A submission time Excel wrote as its serial number (days since 30 December 1899, the time
    /// as the fraction: a column whose date format was lost, a sheet made by hand), with a decimal
    /// point or comma, is that day; it was `date_unreadable` and the date missing. A number too
    /// small or large to be a survey's day (before 1980, after 2100) is still no date.
    func testExcelSerialDatesAreTheirDays() throws {
        let folder = TemporaryFolder()
        var text = "Timestamp;" + Self.sweepHeader.replacingOccurrences(of: ",", with: ";")
        let dates = ["45658", "45689.5", "45716,75", "45717", "123", "45689.5x"]
        for (k, date) in dates.enumerated() {
            text += date + ";" + Self.sweepRow("EE", "Tartu linn", importance: 1 + k % 5).replacingOccurrences(of: ",", with: ";")
        }
        let file = folder.write("serials.csv", text)
        let out = TemporaryFolder()
        let options = Self.sweepOptions([file], out: out)
        let outcome = try Pipeline.report(options)
        let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
            .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let submitted = try XCTUnwrap(responses.first?.firstIndex(of: "submitted"))
        XCTAssertEqual(responses.dropFirst().map { String($0[submitted]) },
                       ["2025-01-01", "2025-02-01", "2025-02-28", "2025-03-01", "", ""])
        XCTAssertEqual(outcome.firstIssues.filter { $0.code == "date_unreadable" }.map(\.line), [6, 7])
        let notes = outcome.firstIssues.filter { $0.code == "date_serial" }
        XCTAssertEqual(notes.map(\.line), [2], "one note a file, at the first serial")
        XCTAssertEqual(notes.map(\.column), [1])
        XCTAssertEqual(notes.map(\.severity), [.note])
    }

    /// Two-digit years as Excel writes its short dates: `02.05.25`, `2.5.25 14:03` in a Baltic
    /// locale (dotted: day first), `5/2/25 2:03 PM` in the US one (slashes: the file's order, here
    /// shown month-first by `5/14/25`); the year is 20yy. Three two-digit numbers with dots or
    /// dashes read year first too (`25.02.05`: yy.mm.dd), which no value tells apart: a note says
    /// once per file how they were read and what the other reading gives (they were read silently).
    func testTwoDigitYearsAreReadByTheRuleAndTheYearFirstReadingIsNamed() throws {
        func submitted(_ dates: [String]) throws -> (dates: [String], issues: [CleaningIssue]) {
            let folder = TemporaryFolder()
            var text = "Timestamp;" + Self.sweepHeader.replacingOccurrences(of: ",", with: ";")
            for (k, date) in dates.enumerated() {
                text += date + ";" + Self.sweepRow("EE", "Tartu linn", importance: 1 + k % 5).replacingOccurrences(of: ",", with: ";")
            }
            let out = TemporaryFolder()
            defer { withExtendedLifetime(out) {} }
            let options = Self.sweepOptions([folder.write("dates.csv", text)], out: out)
            let outcome = try Pipeline.report(options)
            let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
                .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let column = try XCTUnwrap(responses.first?.firstIndex(of: "submitted"))
            return (responses.dropFirst().map { String($0[column]) }, outcome.firstIssues.filter { $0.code.hasPrefix("date_") })
        }
        let baltic = try submitted(["02.05.25", "2.5.25 14:03", "14.02.25 9:00", "25-02-05"])
        XCTAssertEqual(baltic.dates, ["2025-05-02", "2025-05-02", "2025-02-14", "2005-02-25"])
        XCTAssertEqual(baltic.issues.map(\.code), ["date_two_digit_year"])
        XCTAssertEqual(baltic.issues.first?.line, 2)
        XCTAssertEqual(baltic.issues.first?.column, 1)
        XCTAssertEqual(baltic.issues.first?.severity, .note)
        XCTAssertTrue(baltic.issues.first?.message.contains("read day first as 2025-05-02") ?? false)
        XCTAssertTrue(baltic.issues.first?.message.contains("(yy.mm.dd) it is 2002-05-25") ?? false)
        // The 12-hour clock of the first date makes month-first the assumption: nothing is late.
        let us = try submitted(["5/2/25 2:03 PM", "5/14/25 9:00", "12/1/25"])
        XCTAssertEqual(us.dates, ["2025-05-02", "2025-05-14", "2025-12-01"])
        XCTAssertEqual(us.issues.map(\.code), ["date_order_assumed"])
    }

    /// A first date with day and month both 12 or less and a 12-hour clock (`12/4/2026 2:03:04
    /// PM`, US-English Excel and Microsoft Forms) is read month-first: a file of such dates only
    /// was read as 12 April, with a note that it could be either. A 24-hour one stays day-first,
    /// and a later date that shows the file is day-first after all corrects the earlier ones.
    func testATwelveHourClockMakesAmbiguousDatesMonthFirst() throws {
        func run(_ dates: [String]) throws -> (dates: [String], issues: [CleaningIssue], period: String) {
            let folder = TemporaryFolder()
            var text = "Timestamp," + Self.sweepHeader
            for date in dates { text += date + "," + Self.sweepRow("EE", "Tartu linn") }
            let out = TemporaryFolder()
            defer { withExtendedLifetime(out) {} }
            let options = Self.sweepOptions([folder.write("forms.csv", text)], out: out)
            let outcome = try Pipeline.report(options)
            let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
                .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let column = try XCTUnwrap(responses.first?.firstIndex(of: "submitted"))
            let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
            let period = report.split(separator: "\n").first { $0.contains("2026-") }.map(String.init) ?? ""
            return (responses.dropFirst().map { String($0[column]) }, outcome.firstIssues.filter { $0.code.hasPrefix("date_") }, period)
        }
        let us = try run(["12/4/2026 2:03:04 PM", "12/5/2026 9:15:00 AM", "12/7/2026 11:00:00 AM", "12/7/2026 3:00:00 PM",
                          "1/2/2027 10:00:00 a.m."])
        XCTAssertEqual(us.dates, ["2026-12-04", "2026-12-05", "2026-12-07", "2026-12-07", "2027-01-02"])
        XCTAssertEqual(us.issues.map(\.code), ["date_order_assumed"])
        XCTAssertTrue(us.issues.first?.message.contains("read month-first") ?? false, us.issues.first?.message ?? "")
        XCTAssertTrue(us.period.contains("2026-12-04 – 2027-01-02"), us.period)
        let european = try run(["12/04/2026 14:03:04", "12/05/2026 09:15:00"])
        XCTAssertEqual(european.dates, ["2026-04-12", "2026-05-12"])
        // Written without leading zeros, as US-English Google Sheets writes its timestamps
        // (`2/1/2025 10:00:00`, a 24-hour clock): month-first (a probe: a February survey read as
        // January to December).
        let sheets = try run(["2/1/2026 10:00:00", "2/3/2026 9:15:00", "2/12/2026 14:00:00"])
        XCTAssertEqual(sheets.dates, ["2026-02-01", "2026-02-03", "2026-02-12"])
        XCTAssertTrue(sheets.issues.first?.message.contains("without leading zeros") ?? false, sheets.issues.first?.message ?? "")
        // The first padded (read day-first by assumption), a later one unpadded: month-first, and
        // the first corrected (a reviewer's case).
        let later = try run(["10/11/2026 14:00:00", "10/9/2026 9:00:00", "11/1/2026 10:00:00"])
        XCTAssertEqual(later.dates, ["2026-10-11", "2026-10-09", "2026-11-01"])
        XCTAssertEqual(later.issues.map(\.code), ["date_order_assumed", "date_order_late"])
        // Assumed month-first, shown day-first by 13/12: the first two are corrected.
        let shown = try run(["4/12/2026 2:03:04 PM", "5/12/2026 9:15:00 AM", "7/12/2026 9:15:00 AM", "13/12/2026 1:00:00 PM",
                             "13/12/2026 2:00:00 PM"])
        XCTAssertEqual(shown.dates, ["2026-12-04", "2026-12-05", "2026-12-07", "2026-12-13", "2026-12-13"])
        XCTAssertEqual(shown.issues.map(\.code), ["date_order_assumed", "date_order_late"])
        XCTAssertTrue(shown.issues.last?.message.contains("read month-first until here, are day-first") ?? false, shown.issues.last?.message ?? "")
        XCTAssertTrue(shown.period.contains("2026-12-04 – 2026-12-13"), shown.period)
    }

    func testTwelveHourClockIsToldByItsMarker() {
        func says(_ text: String) -> Bool { Array(text.utf8).withUnsafeBytes(SubmissionDate.hasTwelveHourClock) }
        XCTAssertTrue(says("12/4/2026 2:03:04 PM"))
        XCTAssertTrue(says("12/4/2026 2:03 am "))
        XCTAssertTrue(says("12/4/2026 2:03 p.m."))
        XCTAssertTrue(says("12/4/2026 2:03PM"))
        XCTAssertFalse(says("12/4/2026 14:03:04"))
        XCTAssertFalse(says("12/4/2026 2:03:04 PM EET"))
        XCTAssertFalse(says("12/4/2026 Pam"))
        XCTAssertFalse(says("PM"))
    }

    /// A timestamp is read from its bytes (every tool writes ASCII) as it would be from its text:
    /// the same numbers, digits and dot, on dates of every form the tools write and on junk. The
    /// dot that makes a date day-first is the one after its first number: a US timestamp with
    /// milliseconds (`2/26/2025 10:00:00.123`) is month-first.
    func testTimestampsReadFromBytesAsFromText() {
        var generator = SplitMix64(seed: 2026)
        let pieces = ["1", "2", "12", "13", "31", "2025", "25", "0", "00123", "99999999999999999999", "/", ".", "-", " ",
                      ":", "T", "\t", "+02:00", "10:00:00", ".123", "PM", "x", "", "  "]
        var samples = ["2/26/2025 10:00:00.123", "14.01.2025", "1/2/2025", "2025/02/08 10:00:00", " 3/4/25 ", "\t",
                       "2025.02.08", "29/2/2024"]
        for _ in 0..<5000 {
            samples.append((0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for sample in samples {
            let text = SubmissionDate.Written(sample)
            let bytes = Array(sample.utf8).withUnsafeBytes { SubmissionDate.Written(ascii: $0) }
            guard let bytes else { return XCTFail("ASCII read as not ASCII: \(sample)") }
            XCTAssertTrue(text.numbers == bytes.numbers && text.digits == bytes.digits && text.count == bytes.count
                          && text.readable == bytes.readable && text.dotted == bytes.dotted && text.isBlank == bytes.isBlank,
                          sample)
        }
        XCTAssertNil(Array("1/2/2025 ٣".utf8).withUnsafeBytes { SubmissionDate.Written(ascii: $0) })
        XCTAssertFalse(SubmissionDate.Written("١/٢/٢٠٢٥").readable, "digits of another script are no number Int reads")
        XCTAssertEqual(SubmissionDate.order("2/26/2025 10:00:00.123").monthFirst, true)
        XCTAssertEqual(SubmissionDate.parse("2/26/2025 10:00:00.123"), "2025-02-26")
        XCTAssertEqual(SubmissionDate.parse("4.3.2025 10:00"), "2025-03-04")
        XCTAssertNil(SubmissionDate.order("4.3.2025").monthFirst)
        XCTAssertEqual(SubmissionDate.parse("2025/02/08 10:00:00"), "2025-02-08")
    }

    // Sweep 2, 4: a month-first file whose first dates could be read either way: the rows
    // passed on day-first are corrected in clean/responses.csv at the end of the file, and the
    // response period of the reports is read month-first.
    func testResponsePeriodReadsEarlyAmbiguousDatesInTheFileOrder() throws {
        let folder = TemporaryFolder()
        var text = "Timestamp," + Self.sweepHeader
        // Written with leading zeros (unpadded, `2/3/25`, month-first is assumed from the start).
        for date in ["02/03/25 10:00", "02/04/25 10:00", "02/12/25 10:00", "02/14/25 10:00", "02/19/25 10:00"] {
            text += date + "," + Self.sweepRow("EE", "Tartu linn")
        }
        let us = folder.write("us.csv", text)
        // A day-first file with only ambiguous dates stays day-first.
        let eu = folder.write("eu.csv", "Timestamp," + Self.sweepHeader + "01/02/2025," + Self.sweepRow("LV", "Rīga"))
        let out = TemporaryFolder()
        let options = Self.sweepOptions([us], out: out)
        let outcome = try Pipeline.report(options)
        let late = try XCTUnwrap(outcome.firstIssues.first { $0.code == "date_order_late" })
        XCTAssertEqual(late.severity, .note)
        XCTAssertEqual(late.line, 5)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("2025-02-03 – 2025-02-19"), report)
        XCTAssertFalse(report.contains("2025-12-02"), report)
        let responses = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
        let submitted = try XCTUnwrap(responses.split(separator: "\r\n").first?.split(separator: ",").firstIndex(of: "submitted"))
        XCTAssertEqual(responses.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[submitted]) },
                       ["2025-02-03", "2025-02-04", "2025-02-12", "2025-02-14", "2025-02-19"])
        XCTAssertEqual(try Pipeline.check(Self.sweepOptions([us, eu], out: out)).submittedDays.map { [$0.first, $0.last] },
                       [20250201, 20250219])
        XCTAssertEqual(try Pipeline.check(Self.sweepOptions([eu, us], out: out)).submittedDays.map { [$0.first, $0.last] },
                       [20250201, 20250219])
    }

    /// The correction of early day-first dates reaches only the rows of the file that showed it
    /// is month-first, wherever they are in clean/responses.csv: between files of either order,
    /// with rows held in memory or streamed, and in a partner's Excel CSV (byte-order mark, `;`).
    func testEarlyDayFirstDatesCorrectedOnlyInTheirFile() throws {
        let folder = TemporaryFolder()
        func file(_ name: String, _ dates: [String]) -> String {
            folder.write(name, "Timestamp," + Self.sweepHeader + dates.map { $0 + "," + Self.sweepRow("EE", "Tartu linn") }.joined())
        }
        // Day-first (13/3 decides), then month-first after two ambiguous dates, then undecided.
        let a = file("a.csv", ["1/2/2025", "13/3/2025", "4/5/2025"])
        let b = file("b.csv", ["3/4/2025", "5/6/2025", "7/20/2025", "8/9/2025"])
        let c = file("c.csv", ["10/11/2025"])
        for excel in [false, true] {
            let out = TemporaryFolder()
            var options = Self.sweepOptions([a, b, c], out: out)
            options.excel = excel
            _ = try Pipeline.report(options)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: options.outputPath + "/clean/responses.csv"))
            if excel { bytes = bytes.dropFirst(3) }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n").map {
                $0.split(separator: excel ? ";" : ",", omittingEmptySubsequences: false).map(String.init)
            }
            let column = try XCTUnwrap(lines.first?.firstIndex(of: "submitted"))
            XCTAssertEqual(lines.dropFirst().map { $0[column] },
                           ["2025-02-01", "2025-03-13", "2025-05-04",
                            "2025-03-04", "2025-05-06", "2025-07-20", "2025-08-09",
                            "2025-11-10"], "excel: \(excel)")
        }
    }

    // Sweep 2, 5: under --weights municipality, "place not recognised" is no municipality: its
    // respondents weigh 0, the country's weight goes to its recognised municipalities, and the
    // weighting statement says how many were left out.
    func testMunicipalityWeightingGivesUnrecognisedPlacesNoWeight() throws {
        let folder = TemporaryFolder()
        var text = Self.sweepHeader
        for _ in 0..<3 { text += Self.sweepRow("EE", "Tallinna linn", importance: 2) }
        text += Self.sweepRow("EE", "Narva linn", importance: 4)
        text += Self.sweepRow("EE", "Garbage1", importance: 5) + Self.sweepRow("EE", "Garbage2", importance: 5)
        text += Self.sweepRow("LV", "Rīga", importance: 1) + Self.sweepRow("LV", "Rīga", importance: 1)
        let file = folder.write("wm.csv", text)
        let out = TemporaryFolder()
        var options = Self.sweepOptions([file], out: out)
        options.aggregation.weights = .municipality
        options.aggregation.minCell = 1
        _ = try Pipeline.report(options)
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8)
        func mean(_ scope: String) throws -> String {
            let row = try XCTUnwrap(table.split(separator: "\r\n").first { $0.hasPrefix(scope + ",intercultural,") })
                .split(separator: ",", omittingEmptySubsequences: false)
            return String(row[FiguresTable.columns.firstIndex(of: "mean_importance")!])
        }
        // EE: Tallinn (2) and Narva (4) weigh the same; the two unrecognised (5) weigh 0: (2 + 4) / 2.
        XCTAssertEqual(try mean("EE"), "3.000000000000")
        // ALL (pooled): EE keeps its 6 respondents' weight, 3 to each city; LV 2 at 1: (3·2 + 3·4 + 2·1) / 8.
        XCTAssertEqual(try mean("ALL"), "2.500000000000")
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("2 respondents whose municipality was not recognised belong to no municipality and weigh 0"), report)
        XCTAssertFalse(ReportBuilder.weightingStatement(AggregationOptions(), withoutMunicipality: 2).contains("weigh 0"),
                       "respondent weighting: they count")
    }
}
