import Foundation
import XCTest
@testable import NeedsKit

/// The `needs` executable as a user runs it: what only the command line decides (exit codes,
/// where output goes). Skipped when the executable was not built beside the tests.
final class CommandLineTests: XCTestCase {
    var executable: String {
        get throws {
            let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("needs").path
            guard FileManager.default.isExecutableFile(atPath: path) else { throw XCTSkip("no needs executable at \(path)") }
            return path
        }
    }

    /// Runs `needs` with stdout sent to `stdoutPath`; returns the exit code and stderr.
    func run(_ arguments: [String], stdoutPath: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable)
        process.arguments = arguments
        process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: stdoutPath))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// `-` reads standard input (`curl … | needs check -`): the file is named `stdin` in the
    /// messages, every record is accounted for, and the copy made to read it twice is removed.
    func testStandardInputAsAnInput() throws {
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable)
        process.arguments = ["check", "--instrument", Paths.inputs + "/instrument", "-"]
        process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/null"))
        let errors = Pipe()
        process.standardError = errors
        // Through a pipe, not the file itself: standard input is then no regular file.
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(try XCTUnwrap(FileManager.default.contents(atPath: Paths.inputs + "/responses/EE_kobo_xml.csv")))
        try input.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        XCTAssertTrue(stderr.contains("stdin: KoboToolbox, utf-8, ';': 43 records = 42 respondents + 1 duplicates + 0 blank + 0 quarantined"), stderr)
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [])
        XCTAssertTrue(after.subtracting(before).filter { $0.hasPrefix("needs-input-") }.isEmpty)
    }

    /// A command that cannot run says why once: an instrument problem is a diagnostic line of its
    /// own (it was prefixed `error:` twice), a negative count is refused by name.
    func testRefusalsAreOneClearLine() throws {
        let folder = TemporaryFolder()
        let (status, stderr) = try run(["report", "--by", "nosuch", "--instrument", Paths.inputs + "/instrument",
                                        "--out", folder.path + "/r", Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        XCTAssertEqual(stderr, Paths.inputs + "/instrument: error: --by needs a select_one question of the instrument; `nosuch` is not one [bad_by_question]\n")
        let (synthStatus, synthError) = try run(["synth", "--rows", "-2", "--out", folder.path + "/s.csv"], stdoutPath: "/dev/null")
        XCTAssertEqual(synthStatus, 2)
        XCTAssertTrue(synthError.contains("--rows must be 0 or more"), synthError)
    }

    func testOutputThatCannotBeWrittenExitsTwoWithAMessage() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let folder = TemporaryFolder()
        let csv = folder.write("a.csv", "a,b\n1,2\n")
        for arguments in [["rows", "--json", csv], ["sniff", csv], ["sniff", "--json", csv]] {
            let (status, stderr) = try run(arguments, stdoutPath: "/dev/full")
            XCTAssertEqual(status, 2, "\(arguments)")
            XCTAssertTrue(stderr.contains("cannot write the output"), "\(arguments): \(stderr)")
        }
        let (status, _) = try run(["sniff", csv], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 0)
    }

    /// A run with hundreds of issues shows the first 20 of each code in log order, then how many
    /// more each code has, as it did when the run kept every issue in memory (the fixture is what
    /// it printed then); `--quiet` shows the errors alone.
    func testTerminalShowsTheFirstIssuesOfEachCodeAndCountsTheRest() throws {
        let golden = Paths.repository + "/Tests/Golden/many-issues"
        let expected = try String(contentsOfFile: Paths.repository + "/Tests/NeedsKitTests/Fixtures/many-issues-terminal.txt", encoding: .utf8)
        let out = TemporaryFolder()
        let (status, stderr) = try run(["report", "--instrument", golden + "/instrument", "--out", out.path + "/reports", golden + "/inputs"],
                                       stdoutPath: "/dev/null")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(stderr, expected + "reports written to \(out.path)/reports/\n")
        let (quietStatus, quiet) = try run(["report", "--quiet", "--instrument", golden + "/instrument", "--out", out.path + "/quiet",
                                            golden + "/inputs"], stdoutPath: "/dev/null")
        XCTAssertEqual(quietStatus, 1)
        XCTAssertEqual(quiet, expected.split(separator: "\n").filter { $0.contains(": error: ") }.map { $0 + "\n" }.joined())
    }

    /// `needs plan` prints the plan under the survey's title, as plan.md of `needs report --plan`
    /// does (it printed "survey" whatever the form).
    func testPlanIsHeadedByTheSurveyTitle() throws {
        let folder = TemporaryFolder()
        let output = folder.write("plan.md", "")
        let (_, stderr) = try run(["plan", "--instrument", Paths.inputs + "/instrument", "--config", Paths.inputs + "/plan.csv",
                                   Paths.inputs + "/responses"], stdoutPath: output)
        let plan = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(plan.hasPrefix("# Curriculum plan: Integration Academy training needs survey 2025\n"), plan + stderr)
    }
}
