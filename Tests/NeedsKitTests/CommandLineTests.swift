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

    /// Runs `needs` with stdout sent to `stdoutPath`, and `stdin` through a pipe (standard input
    /// is then no regular file) when given; returns the exit code and stderr.
    /// `temporary`: the child's TMPDIR (its own, so that other runs on the machine cannot make
    /// a check of what it leaves there fail).
    func run(_ arguments: [String], stdoutPath: String, stdin: Data? = nil, temporary: String? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable)
        process.arguments = arguments
        if let temporary {
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 }
        }
        process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: stdoutPath))
        let errors = Pipe()
        process.standardError = errors
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// A reports folder made read-only (to keep those reports, or another user's) is refused,
    /// exit 2, and stays as it was: it had been swapped out all the same, and its copy, clean/
    /// with it, left beside it for good (a helper's probe). Run as another user where the tests
    /// run as root, to whom every folder is writable.
    func testAReadOnlyReportsFolderIsRefused() throws {
        let folder = TemporaryFolder()
        var prefix: [String] = []
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("root, and no setpriv") }
            prefix = ["--reuid=65534", "--regid=65534", "--clear-groups", try executable]
            // The build, the inputs and the temporary folder must be reachable by that user: not
            // in a clone inside a folder of mode 700 (mktemp -d's, as the fresh-clone check makes).
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            probe.arguments = prefix + ["check", "--quiet", "--instrument", Paths.inputs + "/instrument", Paths.inputs + "/responses"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            guard probe.terminationReason == .exit, probe.terminationStatus <= 1 else {
                throw XCTSkip("the build or the inputs cannot be reached by another user from here")
            }
        }
        chmod(folder.path, 0o777)
        func report() throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: prefix.isEmpty ? try executable : "/usr/bin/setpriv")
            process.arguments = prefix + ["report", "--quiet", "--instrument", Paths.inputs + "/instrument",
                                          "--out", folder.path + "/mine", Paths.inputs + "/responses"]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let stderr = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
        }
        let (first, firstError) = try report()
        XCTAssertEqual(first, 1, firstError)
        let summary = try String(contentsOfFile: folder.path + "/mine/summary.json", encoding: .utf8)
        XCTAssertEqual(chmod(folder.path + "/mine", 0o555), 0)
        defer { chmod(folder.path + "/mine", 0o755) }
        let (second, secondError) = try report()
        XCTAssertEqual(second, 2)
        XCTAssertTrue(secondError.contains("read-only"), secondError)
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/mine/summary.json", encoding: .utf8), summary)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["mine"])
        // A folder inside it read-only (written by another user) likewise: the earlier reports,
        // swapped out, could not have been removed (a reviewer's case).
        XCTAssertEqual(chmod(folder.path + "/mine", 0o777), 0)
        XCTAssertEqual(chmod(folder.path + "/mine/countries", 0o555), 0)
        defer { chmod(folder.path + "/mine/countries", 0o755) }
        let (third, thirdError) = try report()
        XCTAssertEqual(third, 2)
        XCTAssertTrue(thirdError.contains("mine/countries is read-only"), thirdError)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["mine"])
    }

    /// Ctrl-C (SIGINT) leaves nothing behind: the copy of standard input (answers of
    /// respondents, in the temporary folder) and the reports' staging folder (a part-written clean
    /// table beside `--out`) are removed, and the run ends by the signal (status 130 in a shell).
    func testAnInterruptedRunLeavesNothingBehind() throws {
        let folder = TemporaryFolder()
        func interrupt(_ arguments: [String], when appears: @escaping () -> Bool, stdin: Pipe? = nil) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try executable)
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": folder.path + "/tmp"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if let stdin { process.standardInput = stdin }
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while !appears() && process.isRunning && Date() < deadline { usleep(2_000) }
            XCTAssertTrue(process.isRunning, "the run ended before it could be interrupted")
            process.interrupt()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(process.terminationStatus, SIGINT)
            return process
        }
        try FileManager.default.createDirectory(atPath: folder.path + "/tmp", withIntermediateDirectories: true)
        func entries(_ path: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }

        // Standard input left open: the run waits in its copy. Wait for that copy by its name:
        // under ThreadSanitizer the process first makes (and at once unlinks) a file of its own in
        // TMPDIR, and an interrupt sent in that instant left `tsan.rodata.PID` behind (a red CI).
        let input = Pipe()
        _ = try interrupt(["check", "--instrument", Paths.inputs + "/instrument", "-"],
                          when: { entries(folder.path + "/tmp").contains { $0.hasPrefix("needs-input-") } }, stdin: input)
        try input.fileHandleForWriting.close()
        XCTAssertEqual(entries(folder.path + "/tmp"), [])

        // A report long enough to be stopped while its staging folder is being written.
        var options = SurveySynthesizer.Options()
        options.rows = 20_000
        try SurveySynthesizer.write(instrumentPath: Paths.inputs + "/instrument", options: options, to: folder.path + "/big.csv")
        _ = try interrupt(["report", "--quiet", "--instrument", Paths.inputs + "/instrument", "--out", folder.path + "/out",
                           folder.path + "/big.csv"],
                          when: { entries(folder.path).contains { $0.hasPrefix(".out.incomplete-") } })
        XCTAssertEqual(entries(folder.path).filter { $0.hasPrefix(".out") || $0 == "out" }, [])
    }

    /// `-` reads standard input (`curl … | needs check -`): the file is named `stdin` in the
    /// messages, every record is accounted for, and the copy made to read it twice is removed.
    func testStandardInputAsAnInput() throws {
        let folder = TemporaryFolder()
        let temporary = folder.path + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let export = try XCTUnwrap(FileManager.default.contents(atPath: Paths.inputs + "/responses/EE_kobo_xml.csv"))
        let (status, stderr) = try run(["check", "--instrument", Paths.inputs + "/instrument", "-"], stdoutPath: "/dev/null",
                                       stdin: export, temporary: temporary)
        XCTAssertEqual(status, 0, stderr)
        XCTAssertTrue(stderr.contains("stdin: KoboToolbox, utf-8, ';': 43 records = 42 respondents + 1 duplicate + 0 blank + 0 quarantined"), stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary), [])
        // An --out holding the copy names it as standard input's (a probe's `--out /` said "the
        // input /tmp/needs-input-…/stdin").
        let (refused, said) = try run(["report", "--instrument", Paths.inputs + "/instrument", "--out", temporary, "-"],
                                      stdoutPath: "/dev/null", stdin: export, temporary: temporary)
        XCTAssertEqual(refused, 2, said)
        XCTAssertTrue(said.contains("error: --out \(temporary) holds the temporary copy of standard input ("), said)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary), [])
    }

    /// Standard input that cannot be copied (TMPDIR not there) is said as every message is,
    /// naming it `stdin` and the setting to change: it was `error: -: cannot copy the input: ...`.
    func testStandardInputThatCannotBeCopiedSaysWhy() throws {
        let export = Data("country,municipality\nEE,Narva\n".utf8)
        for command in ["check", "rows"] {
            let (status, stderr) = try run([command, "-"], stdoutPath: "/dev/null", stdin: export, temporary: "/proc/needs-nosuch")
            XCTAssertEqual(status, 2)
            XCTAssertEqual(stderr, "stdin: error: cannot copy the input: no temporary folder in /proc/needs-nosuch (TMPDIR): "
                           + "No such file or directory; set TMPDIR to a folder that can be written [input_unreadable]\n")
        }
    }

    /// `--wave -` reads the later wave from standard input, as `-` does for the inputs: it was
    /// looked for as a file named `-` ("cannot read", exit 2). Named as an input too, it is the
    /// same file in both (exit 2, `wave_overlap`), not a second, empty copy.
    func testAWaveOnStandardInput() throws {
        let folder = TemporaryFolder()
        let temporary = folder.path + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let wave = try XCTUnwrap(FileManager.default.contents(atPath: Paths.inputs + "/followup/EE_followup_2026.csv"))
        let (status, stderr) = try run(["report", "--quiet", "--instrument", Paths.inputs + "/instrument", "--out", folder.path + "/r",
                                        "--wave", "-", Paths.inputs + "/responses"], stdoutPath: "/dev/null", stdin: wave, temporary: temporary)
        XCTAssertEqual(status, 1, stderr)
        let waves = try String(contentsOfFile: folder.path + "/r/waves.csv", encoding: .utf8)
        XCTAssertTrue(waves.contains("\nstdin,EE,disinformation,"), waves)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary), [])
        let (both, bothError) = try run(["report", "--quiet", "--instrument", Paths.inputs + "/instrument", "--out", folder.path + "/r2",
                                         "--wave", "-", "-"], stdoutPath: "/dev/null", stdin: wave, temporary: temporary)
        XCTAssertEqual(both, 2)
        XCTAssertTrue(bothError.contains("[wave_overlap]"), bothError)
    }

    /// A run with nothing to report says the previous reports are as they were only when there
    /// are some.
    func testNothingWrittenNamesPreviousReportsOnlyWhenThereAreSome() throws {
        let folder = TemporaryFolder()
        let empty = folder.write("empty.csv", "")
        let (status, stderr) = try run(["report", "--instrument", Paths.inputs + "/instrument", "--out", folder.path + "/new", empty],
                                       stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        XCTAssertTrue(stderr.hasSuffix("\nnothing written\n"), stderr)
        let (first, _) = try run(["report", "--quiet", "--instrument", Paths.inputs + "/instrument", "--out", folder.path + "/old",
                                  Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(first, 1)
        let (again, againError) = try run(["report", "--instrument", Paths.inputs + "/instrument", "--out", folder.path + "/old", empty],
                                          stdoutPath: "/dev/null")
        XCTAssertEqual(again, 2)
        XCTAssertTrue(againError.hasSuffix("nothing written: \(folder.path)/old/ is as it was\n"), againError)
    }

    /// `-` named twice is standard input once, as a file named twice is read once (`same_file`):
    /// it was copied twice, the second copy empty, and the two copies were told apart by the
    /// random names of their temporary folders (`needs-input-Ab12Cd/stdin`) in the messages.
    func testStandardInputNamedTwiceIsReadOnce() throws {
        let export = try XCTUnwrap(FileManager.default.contents(atPath: Paths.inputs + "/responses/EE_kobo_xml.csv"))
        let (_, stderr) = try run(["check", "--instrument", Paths.inputs + "/instrument", "-", "-"], stdoutPath: "/dev/null",
                                  stdin: export)
        XCTAssertFalse(stderr.contains("needs-input-"), stderr)
        XCTAssertTrue(stderr.contains("stdin: note: the same file as stdin, which is read once; not read again [same_file]"), stderr)
        let summaries = stderr.split(separator: "\n").filter { $0.contains(" records = ") }
        XCTAssertEqual(summaries, ["stdin: KoboToolbox, utf-8, ';': 43 records = 42 respondents + 1 duplicate + 0 blank + 0 quarantined"])
    }

    /// A named pipe that shares its base name with another input is told apart by the path it was
    /// given by (`fifo/EE.csv`), as files are: its copy's random temporary folder named it
    /// (`needs-input-Ab12Cd/EE.csv`), and seeded its respondent IDs, so that no two runs agreed.
    func testANamedPipeSharingAFilesNameIsToldApartByItsPath() throws {
        let folder = TemporaryFolder()
        let export = try XCTUnwrap(FileManager.default.contents(atPath: Paths.inputs + "/responses/EE_kobo_xml.csv"))
        let file = folder.write("file/EE.csv", [UInt8](export))
        try FileManager.default.createDirectory(atPath: folder.path + "/fifo", withIntermediateDirectories: true)
        let fifo = folder.path + "/fifo/EE.csv"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // The writer waits for needs to open the pipe.
        DispatchQueue.global().async {
            guard let writer = FileHandle(forWritingAtPath: fifo) else { return }
            writer.write(export)
            try? writer.close()
        }
        let (_, stderr) = try run(["check", "--instrument", Paths.inputs + "/instrument", fifo, file], stdoutPath: "/dev/null")
        XCTAssertFalse(stderr.contains("needs-input-"), stderr)
        XCTAssertTrue(stderr.contains("\nfifo/EE.csv: KoboToolbox, utf-8, ';': 43 records = 42 respondents"), stderr)
    }

    /// `needs rows -` names standard input `stdin` in its messages, as `check -` does: they named
    /// the temporary copy (`/tmp/needs-input-Ab12Cd/stdin:2:3`), a path removed when it exits.
    func testRowsOfStandardInputNameItStdin() throws {
        let (_, stderr) = try run(["rows", "-"], stdoutPath: "/dev/null", stdin: Data("a,b,c\n1,2\n".utf8))
        XCTAssertEqual(stderr, "stdin:2:3: warning: 2 field(s) where the header has 3; the rest are read as missing [ragged_row]\n")
        // `needs sniff -` names it so too, in its results and its messages: it named it `-`.
        let folder = TemporaryFolder()
        let output = folder.write("sniff.json", "")
        let (status, sniffError) = try run(["sniff", "--json", "-"], stdoutPath: output, stdin: Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 60)))
        XCTAssertEqual(status, 2)
        XCTAssertTrue(sniffError.hasPrefix("stdin: error: a ZIP archive"), sniffError)
        XCTAssertTrue(try String(contentsOfFile: output, encoding: .utf8).contains("{\"file\": \"stdin\", "))
    }

    /// A command that cannot run says why once: an instrument problem is a diagnostic line of its
    /// own (it was prefixed `error:` twice), a negative count is refused by name.
    func testRefusalsAreOneClearLine() throws {
        let folder = TemporaryFolder()
        let (status, stderr) = try run(["report", "--by", "nosuch", "--instrument", Paths.inputs + "/instrument",
                                        "--out", folder.path + "/r", Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        // It names the questions to choose from (it said only that `nosuch` is not one).
        XCTAssertEqual(stderr, Paths.inputs + "/instrument: error: --by needs a select_one question of the instrument; `nosuch` is not one: "
                       + "give one of `country`, `role` [bad_by_question]\n")
        let (synthStatus, synthError) = try run(["synth", "--rows", "-2", "--out", folder.path + "/s.csv"], stdoutPath: "/dev/null")
        XCTAssertEqual(synthStatus, 2)
        XCTAssertTrue(synthError.contains("--rows must be 0 or more"), synthError)
    }

    /// A folder made read-only by its mode is refused to root too, to whom `access` says every
    /// folder is writable: run as root, the usual user in a container, it had been replaced (a
    /// helper's probe).
    func testAReadOnlyReportsFolderIsRefusedWhoeverRuns() throws {
        let folder = TemporaryFolder()
        let arguments = ["report", "--quiet", "--instrument", Paths.inputs + "/instrument", "--out", folder.path + "/mine", Paths.inputs + "/responses"]
        let (first, firstError) = try run(arguments, stdoutPath: "/dev/null")
        XCTAssertEqual(first, 1, firstError)
        let summary = try String(contentsOfFile: folder.path + "/mine/summary.json", encoding: .utf8)
        XCTAssertEqual(chmod(folder.path + "/mine", 0o555), 0)
        defer { chmod(folder.path + "/mine", 0o755) }
        let (second, secondError) = try run(arguments, stdoutPath: "/dev/null")
        XCTAssertEqual(second, 2, secondError)
        XCTAssertTrue(secondError.contains("the folder is read-only"), secondError)
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/mine/summary.json", encoding: .utf8), summary)
    }

    /// Output piped into a program that stops reading (`needs rows - | head -1`): the run had been
    /// killed by SIGPIPE (exit 141), leaving its copy of standard input, a whole export, in
    /// $TMPDIR (a helper's probe). It exits 2 saying the output could not be written, and
    /// removes the copy.
    func testOutputIntoAClosedPipeExitsTwoAndLeavesNoCopyOfStandardInput() throws {
        let temporary = TemporaryFolder()
        var text = "a,b,c\n"
        for k in 0..<20_000 { text += "\(k),x\(k),y\n" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable)
        process.arguments = ["rows", "-"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try output.fileHandleForReading.close()
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, stderr)
        XCTAssertEqual(process.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.contains("cannot write the output to stdout"), stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [])
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

    /// An `--out` whose folder cannot be made says the system's reason, as every other message
    /// does: it said Foundation's "The operation could not be completed. The file doesn’t exist.
    /// (is the folder writable?)", a question beside the point when the folder is not there.
    func testAnOutputFolderThatCannotBeMadeSaysWhy() throws {
        let (status, stderr) = try run(["report", "--quiet", "--instrument", Paths.inputs + "/instrument", "--out", "/proc/needs-nosuch/reports",
                                        Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        XCTAssertEqual(stderr, "error: cannot write /proc/needs-nosuch: No such file or directory\n")
        // A folder that refuses to be written (/sys: not permitted, or read-only) is said to be the
        // one holding --out, which the reports are made in first: the user named only --out.
        let (refused, refusal) = try run(["report", "--quiet", "--instrument", Paths.inputs + "/instrument", "--out", "/sys/kernel/reports",
                                          Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(refused, 2)
        XCTAssertTrue(refusal.hasPrefix("error: cannot write /sys/kernel: "), refusal)
        XCTAssertTrue(refusal.hasSuffix(" (the reports are written beside --out first, then swapped in whole: "
                                        + "the folder holding --out must be writable)\n"), refusal)
    }

    /// On a terminal, a run over a second shows a progress line, which is erased before the
    /// messages: the first was written on the end of it (`…, 18.2 MB/sbig.csv:1:23: note: …`).
    /// The line counts the file being read from 1 (it said `file 0/1` while reading the first) and
    /// gives a rate of records (its MB/s was 0.0 until a file had been read whole).
    func testTheProgressLineIsErasedBeforeTheMessages() throws {
        let folder = TemporaryFolder()
        let sample = try XCTUnwrap(FileManager.default.contents(atPath: Paths.inputs + "/responses/EE_kobo_xml.csv"))
        let end = try XCTUnwrap(sample.range(of: Data("\r\n".utf8)))
        var big = sample[..<end.upperBound]
        for _ in 0..<3000 { big.append(sample[end.upperBound...]) }
        let export = folder.write("big.csv", [UInt8](big))
        // Standard error on a pseudo-terminal, as in a user's shell: script(1) gives it one.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1)") }
        let quoted = { (path: String) in "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", [try executable, "check", "--instrument", Paths.inputs + "/instrument", export].map(quoted).joined(separator: " ")
                             + " >/dev/null", "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, text)
        guard text.contains(" records/s") || text.contains("MB/s") else { throw XCTSkip("the run took under a second: no progress line") }
        // Shown every 50,000 records once a second has passed: the first line shown is at a
        // multiple of 50,000 (which one depends on the machine's speed), with a rate above 0.
        let head = "\u{1B}[Kfile 1/1 big.csv: "
        let start = try XCTUnwrap(text.range(of: head), text)
        // `N records, R records/s`, up to the line's erasure.
        let words = text[start.upperBound...].prefix { $0 != "\r" && $0 != "\u{1B}" }.split(separator: " ").map(String.init)
        XCTAssertEqual(words.count, 4, text)
        let word = { (k: Int) in k < words.count ? words[k] : "" }
        XCTAssertEqual([word(1), word(3)], ["records,", "records/s"], text)
        let (records, rate) = (Int(word(0)) ?? 0, Int(word(2)) ?? 0)
        XCTAssertGreaterThan(records, 0, text)
        XCTAssertEqual(records % 50_000, 0, text)
        XCTAssertGreaterThan(rate, 0, text)
        XCTAssertFalse(text.contains("file 0/1"), text)
        XCTAssertFalse(text.contains("0.0 MB/s"), text)
        // Every message starts a line of its own: after a line break, or after the progress line's erasure.
        for message in ["big.csv:1:23: note: ", "big.csv: KoboToolbox, utf-8, ';': 129000 records"] {
            guard let at = text.range(of: message) else { XCTFail("no `\(message)` in \(text)"); continue }
            let before = text[..<at.lowerBound]
            // (The terminal writes a line break as CR LF, one Character: its bytes are compared.)
            XCTAssertTrue(before.utf8.last == UInt8(ascii: "\n") || before.hasSuffix("\r\u{1B}[K"), String(before.suffix(80)))
        }
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
        // The notes name the cleaning log under --out: `clean/issues.csv` alone was no path from
        // where the user stands (`--out reports-by-role`, `--out /srv/reports`).
        let named = expected.replacingOccurrences(of: "(every one is in clean/issues.csv)",
                                                  with: "(every one is in \(out.path)/reports/clean/issues.csv)")
        XCTAssertNotEqual(named, expected)
        XCTAssertEqual(stderr, named + "reports written to \(out.path)/reports/\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path + "/reports/clean/issues.csv"))
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

    /// `report --help` says which tables `--hxl` tags: it said "the figures tables", and waves.csv,
    /// plan.csv and country_differences.csv are tagged too (clean/ is not).
    func testHXLHelpNamesTheTablesItTags() throws {
        let folder = TemporaryFolder()
        let output = folder.write("help.txt", "")
        let (status, _) = try run(["report", "--help"], stdoutPath: output)
        XCTAssertEqual(status, 0)
        // The help as one line of words (it wraps at 80 columns, the option's name padded).
        let help = try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(help.contains("--hxl Add a HXL hashtag row under the header of every table for partners (figures, country "
                                    + "differences, waves, plan; not clean/)."), help)
    }

    /// plan.md, read on its own, states the weighting its figures rest on, as every report does:
    /// under `--weights municipality` it said nothing of it. `needs plan` prints the same file.
    func testPlanStatesTheWeighting() throws {
        let folder = TemporaryFolder()
        let output = folder.write("plan.md", "")
        let instrument = Paths.inputs + "/instrument", responses = Paths.inputs + "/responses", config = Paths.inputs + "/plan.csv"
        let (_, stderr) = try run(["plan", "--quiet", "--weights", "municipality", "--instrument", instrument, "--config", config, responses],
                                  stdoutPath: output)
        let printed = try String(contentsOfFile: output, encoding: .utf8)
        let paragraphs = printed.components(separatedBy: "\n\n")
        XCTAssertGreaterThan(paragraphs.count, 3, printed + stderr)
        XCTAssertTrue(paragraphs[2].hasPrefix("Weighting: each municipality counts equally within its country; "), printed)
        XCTAssertTrue(paragraphs[2].contains("Figures from fewer than 5 respondents are suppressed."), paragraphs[2])
        let (status, reportError) = try run(["report", "--quiet", "--weights", "municipality", "--instrument", instrument,
                                             "--out", folder.path + "/r", "--plan", config, responses], stdoutPath: "/dev/null")
        XCTAssertLessThan(status, 2, reportError)
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/r/plan.md", encoding: .utf8), printed)
    }

    /// `needs plan` exits 1 for warnings in the inputs, which it does not print (errors only):
    /// it says how many there are and where to read them; it exited 1 with nothing said.
    func testPlanSaysWhyItExitsOneWithoutAnError() throws {
        let instrument = Paths.inputs + "/instrument", responses = Paths.inputs + "/responses"
        let (checkStatus, checkError) = try run(["check", "--instrument", instrument, responses], stdoutPath: "/dev/null")
        XCTAssertEqual(checkStatus, 0)
        let warnings = checkError.components(separatedBy: ": warning: ").count - 1
        XCTAssertGreaterThan(warnings, 0)
        XCTAssertFalse(checkError.contains("not shown"), checkError)
        let (status, stderr) = try run(["plan", "--instrument", instrument, "--config", Paths.inputs + "/plan.csv", responses],
                                       stdoutPath: "/dev/null")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(stderr, "note: the inputs have \(warnings) warning(s), not shown here: `needs check` with the same inputs lists them\n")
        let (_, quiet) = try run(["plan", "--quiet", "--instrument", instrument, "--config", Paths.inputs + "/plan.csv", responses],
                                 stdoutPath: "/dev/null")
        XCTAssertEqual(quiet, "")
    }

    /// `needs plan --csv` says what the rule could not do on stderr: plan.csv has no place for
    /// the notes plan.md lists, and they were lost (a topic to exclude mistyped, sessions left unplanned).
    func testPlanAsCSVPrintsTheRuleNotes() throws {
        let folder = TemporaryFolder()
        let output = folder.write("plan.csv", "")
        let config = folder.write("config.csv", "setting,value\nsessions,40\n")
        let (status, stderr) = try run(["plan", "--quiet", "--csv", "--instrument", Paths.inputs + "/instrument", "--config", config,
                                        Paths.inputs + "/responses"], stdoutPath: output)
        XCTAssertEqual(status, 1)
        XCTAssertTrue(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("session,month,audience,"))
        XCTAssertTrue(stderr.contains("sessions left unplanned"), stderr)
        // A topic mistyped is an error naming its line and the likeliest topic, as an unknown
        // setting is (it had been a note at the plan's end; a helper's probe): exit 2.
        let typo = folder.write("typo.csv", "setting,value\nsessions,40\nexclude,legal-status\norganisation:no_such_topic,OSCE\n")
        let (typoStatus, typoError) = try run(["plan", "--quiet", "--csv", "--instrument", Paths.inputs + "/instrument", "--config", typo,
                                               Paths.inputs + "/responses"], stdoutPath: output)
        XCTAssertEqual(typoStatus, 2)
        XCTAssertTrue(typoError.contains("typo.csv:3:2: error: `legal-status` (exclude) is no topic of the instrument: did you mean `legal_status`? [plan_setting]"), typoError)
        XCTAssertTrue(typoError.contains("typo.csv:4:1: error: `no_such_topic` (organisation) is no topic of the instrument: the instrument's topics are `intercultural`,"), typoError)
        // An organisation with no topic after its colon: an error, not a crash (a reviewer's case).
        let empty = folder.write("empty.csv", "setting,value\norganisation:,OSCE\n")
        let (emptyStatus, emptyError) = try run(["plan", "--quiet", "--instrument", Paths.inputs + "/instrument", "--config", empty,
                                                 Paths.inputs + "/responses"], stdoutPath: output)
        XCTAssertEqual(emptyStatus, 2)
        XCTAssertTrue(emptyError.contains("empty.csv:2:1: error: `` (organisation) is no topic of the instrument"), emptyError)
    }

    /// `--plan -` and `plan --config -` read the configuration from standard input, as `-` does
    /// for the inputs and `--wave` ("not a regular file", exit 2). Standard input named for both
    /// the configuration and an input is refused with a message saying so.
    func testPlanConfigurationOnStandardInput() throws {
        let folder = TemporaryFolder()
        let instrument = Paths.inputs + "/instrument", responses = Paths.inputs + "/responses"
        let configuration = try XCTUnwrap(FileManager.default.contents(atPath: Paths.inputs + "/plan.csv"))
        let fromFile = folder.write("file.csv", ""), fromStdin = folder.write("stdin.csv", "")
        let (fileStatus, fileError) = try run(["plan", "--quiet", "--csv", "--instrument", instrument, "--config", Paths.inputs + "/plan.csv",
                                               responses], stdoutPath: fromFile)
        let (stdinStatus, stdinError) = try run(["plan", "--quiet", "--csv", "--instrument", instrument, "--config", "-", responses],
                                                stdoutPath: fromStdin, stdin: configuration)
        XCTAssertEqual(stdinStatus, fileStatus, stdinError + fileError)
        XCTAssertTrue(try String(contentsOfFile: fromFile, encoding: .utf8).hasPrefix("session,month,audience,"))
        XCTAssertEqual(try String(contentsOfFile: fromStdin, encoding: .utf8), try String(contentsOfFile: fromFile, encoding: .utf8))
        let (reportStatus, reportError) = try run(["report", "--quiet", "--instrument", instrument, "--out", folder.path + "/r",
                                                   "--plan", "-", responses], stdoutPath: "/dev/null", stdin: configuration)
        XCTAssertEqual(reportStatus, 1, reportError)
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/r/plan.csv", encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n"),
                       try String(contentsOfFile: fromFile, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n"))
        for arguments in [["plan", "--instrument", instrument, "--config", "-", "-"],
                          ["report", "--instrument", instrument, "--out", folder.path + "/r2", "--plan", "-", "-"],
                          ["report", "--instrument", instrument, "--out", folder.path + "/r2", "--plan", "-", "--wave", "-", responses]] {
            let (status, stderr) = try run(arguments, stdoutPath: "/dev/null", stdin: configuration)
            XCTAssertEqual(status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(stderr.contains("cannot both be standard input"), stderr)
            // The clash named: with --wave -, no input is standard input (a helper's probe).
            XCTAssertTrue(stderr.contains(arguments.contains("--wave") ? "--plan - and --wave - cannot" : "- and an input - cannot"), stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/r2"))
        // A configuration's problem names it `stdin`, not its copy's temporary folder.
        let (badStatus, badError) = try run(["plan", "--instrument", instrument, "--config", "-", responses], stdoutPath: "/dev/null",
                                            stdin: Data("setting,value\nsessions,many\n".utf8))
        XCTAssertEqual(badStatus, 2)
        XCTAssertTrue(badError.hasPrefix("stdin:2:2: error: `sessions` needs a whole number"), badError)
    }

    /// `needs plan` takes `--min-cell`, `--weights` and `--region` as `report` does, with the same
    /// defaults, so that it plans what `report --plan` plans given them (it had none of them).
    func testPlanTakesTheFigureOptionsOfReport() throws {
        let folder = TemporaryFolder()
        let instrument = Paths.inputs + "/instrument", responses = Paths.inputs + "/responses"
        let config = Paths.inputs + "/plan.csv"
        func plan(_ options: [String]) throws -> String {
            let output = folder.write("plan-\(options.joined()).csv", "")
            let (status, stderr) = try run(["plan", "--quiet", "--csv", "--instrument", instrument, "--config", config] + options + [responses],
                                           stdoutPath: output)
            XCTAssertLessThan(status, 2, stderr)
            return try String(contentsOfFile: output, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        }
        func reported(_ options: [String]) throws -> String {
            let out = folder.path + "/r-" + options.joined()
            let (status, stderr) = try run(["report", "--quiet", "--instrument", instrument, "--out", out, "--plan", config] + options + [responses],
                                           stdoutPath: "/dev/null")
            XCTAssertLessThan(status, 2, stderr)
            return try String(contentsOfFile: out + "/plan.csv", encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        }
        let options = ["--min-cell", "12", "--weights", "municipality", "--region", "country-equal"]
        XCTAssertEqual(try plan(options), try reported(options))
        XCTAssertEqual(try plan([]), try reported([]))
        XCTAssertEqual(try plan([]), try plan(["--min-cell", "5", "--weights", "respondent", "--region", "pooled"]))
        XCTAssertNotEqual(try plan(options), try plan([]))
        let (status, stderr) = try run(["plan", "--min-cell", "0", "--instrument", instrument, "--config", config, responses],
                                       stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        XCTAssertTrue(stderr.contains("--min-cell must be at least 1"), stderr)
    }

    /// Option values the reports cannot honour are refused before any work, not silently replaced:
    /// `--lang xx` wrote English country reports, `synth --lang xx` (or `ET`) English labels, and
    /// `--wave-instrument` without its `--wave` was ignored.
    func testBadOptionValuesAreRefused() throws {
        let folder = TemporaryFolder()
        let instrument = Paths.inputs + "/instrument"
        let (langStatus, langError) = try run(["report", "--lang", "xx", "--instrument", instrument, "--out", folder.path + "/r",
                                               Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(langStatus, 2)
        XCTAssertTrue(langError.contains("--lang is en, et, lv, lt or ru"), langError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/r"))
        let (waveStatus, waveError) = try run(["report", "--wave-instrument", instrument, "--instrument", instrument,
                                               "--out", folder.path + "/r", Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(waveStatus, 2)
        XCTAssertTrue(waveError.contains("--wave-instrument"), waveError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/r"))
        let (synthStatus, synthError) = try run(["synth", "--instrument", instrument, "--shape", "google", "--lang", "xx",
                                                 "--rows", "2", "--out", folder.path + "/x.csv"], stdoutPath: "/dev/null")
        XCTAssertEqual(synthStatus, 2)
        XCTAssertTrue(synthError.contains("`xx`") && synthError.contains("en, et, lv, lt, ru"), synthError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/x.csv"))
        // A language key in capitals is the same language: the Estonian labels ("Riik": country).
        let (upperStatus, _) = try run(["synth", "--instrument", instrument, "--shape", "google", "--lang", "ET",
                                        "--rows", "2", "--out", folder.path + "/et.csv"], stdoutPath: "/dev/null")
        XCTAssertEqual(upperStatus, 0)
        let header = try String(contentsOfFile: folder.path + "/et.csv", encoding: .utf8).split(separator: "\n")[0]
        XCTAssertTrue(header.contains(",Riik,"), String(header))
        // --shape and --encoding in capitals are the same too, as the readers' --encoding is: both were refused.
        let (capitalStatus, capitalError) = try run(["synth", "--instrument", instrument, "--shape", "Google", "--lang", "et", "--encoding", "UTF-8",
                                                     "--rows", "2", "--out", folder.path + "/et2.csv"], stdoutPath: "/dev/null")
        XCTAssertEqual(capitalStatus, 0, capitalError)
        XCTAssertEqual(FileManager.default.contents(atPath: folder.path + "/et2.csv"), FileManager.default.contents(atPath: folder.path + "/et.csv"))
        // A file already at --out (a municipality's export) is replaced only with --force (a
        // helper's probe: synth had silently written over inputs/responses/EE_kobo_xml.csv).
        let before = FileManager.default.contents(atPath: folder.path + "/et.csv")
        let (againStatus, againError) = try run(["synth", "--instrument", instrument, "--rows", "3", "--out", folder.path + "/et.csv"],
                                                stdoutPath: "/dev/null")
        XCTAssertEqual(againStatus, 2)
        XCTAssertTrue(againError.contains("--force"), againError)
        XCTAssertEqual(FileManager.default.contents(atPath: folder.path + "/et.csv"), before)
        let (forcedStatus, forcedError) = try run(["synth", "--instrument", instrument, "--rows", "3", "--force", "--out", folder.path + "/et.csv"],
                                                  stdoutPath: "/dev/null")
        XCTAssertEqual(forcedStatus, 0, forcedError)
        XCTAssertNotEqual(FileManager.default.contents(atPath: folder.path + "/et.csv"), before)
    }

    /// `needs check --quiet` prints the errors alone, as `report --quiet` does (it printed everything).
    func testCheckQuietPrintsOnlyErrors() throws {
        let golden = Paths.repository + "/Tests/Golden/many-issues"
        let expected = try String(contentsOfFile: Paths.repository + "/Tests/NeedsKitTests/Fixtures/many-issues-terminal.txt", encoding: .utf8)
        let (status, stderr) = try run(["check", "--quiet", "--instrument", golden + "/instrument", golden + "/inputs"],
                                       stdoutPath: "/dev/null")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(stderr, expected.split(separator: "\n").filter { $0.contains(": error: ") }.map { $0 + "\n" }.joined())
    }

    /// The issues past the first 20 of a kind are said to be in the cleaning log, which `check`
    /// does not write: it names the command that does. The note said only "not shown", and
    /// `check --help` that it prints every issue.
    func testCheckSaysWhereTheIssuesNotShownAre() throws {
        let golden = Paths.repository + "/Tests/Golden/many-issues"
        let (status, stderr) = try run(["check", "--instrument", golden + "/instrument", golden + "/inputs"], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 1)
        XCTAssertTrue(stderr.contains("\nnote: 318 more [unknown_value] not shown (`needs report` writes every one to clean/issues.csv)\n"),
                      stderr)
        let folder = TemporaryFolder()
        let help = folder.write("help.txt", "")
        _ = try run(["check", "--help"], stdoutPath: help)
        XCTAssertFalse(try String(contentsOfFile: help, encoding: .utf8).contains("every issue"))
    }

    /// `needs plan` with no input it could read says why and prints no plan (it printed an empty
    /// schedule, and no reason, with exit 2).
    func testPlanThatCannotRunPrintsNoPlan() throws {
        let folder = TemporaryFolder()
        let output = folder.write("plan.md", "")
        let (status, stderr) = try run(["plan", "--instrument", Paths.inputs + "/instrument", "--config", Paths.inputs + "/plan.csv",
                                        folder.path + "/missing.csv"], stdoutPath: output)
        XCTAssertEqual(status, 2)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), "")
        XCTAssertTrue(stderr.contains("error: no input file could be read"), stderr)
    }

    /// A message names its file once and says `error` once (the plan's configuration read
    /// `error: plan.csv:2:2: error: ...`, a file that could not be opened `x: error: x: cannot open`).
    func testMessagesNameTheFileOnce() throws {
        let folder = TemporaryFolder()
        let config = folder.write("plan.csv", "setting,value\nsessions,abc\n")
        let (status, stderr) = try run(["plan", "--instrument", Paths.inputs + "/instrument", "--config", config,
                                        Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        XCTAssertEqual(stderr, "\(config):2:2: error: `sessions` needs a whole number in 1...200, not `abc` [plan_setting]\n")
        let missing = folder.path + "/nosuch.csv"
        let (_, missingError) = try run(["plan", "--instrument", Paths.inputs + "/instrument", "--config", missing,
                                         Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        // ... and says what to give (`needs plan` outside the repository had no inputs/plan.csv, and said only that).
        XCTAssertEqual(missingError, "\(missing): error: cannot open: No such file or directory; give --config a plan configuration, "
                       + "a CSV of setting,value rows (see \"Plan and waves\" in the README) [plan_unreadable]\n")
        let (_, reportError) = try run(["report", "--instrument", Paths.inputs + "/instrument", "--plan", missing, "--out", folder.path + "/r",
                                        Paths.inputs + "/responses"], stdoutPath: "/dev/null")
        XCTAssertEqual(reportError, "\(missing): error: cannot open: No such file or directory; give --plan a plan configuration, "
                       + "a CSV of setting,value rows (see \"Plan and waves\" in the README) [plan_unreadable]\n")
        let notZip = folder.write("form.xlsx", "not a workbook\n")
        let (instrumentStatus, instrumentError) = try run(["check", "--instrument", notZip, Paths.inputs + "/responses"],
                                                          stdoutPath: "/dev/null")
        XCTAssertEqual(instrumentStatus, 2)
        XCTAssertEqual(instrumentError, "\(notZip): error: not a readable .xlsx workbook: not a ZIP archive [instrument_unreadable]\n")
        let binary = folder.write("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1] + [UInt8](repeating: 0, count: 64))
        let output = folder.write("sniff.txt", "")
        _ = try run(["sniff", binary], stdoutPath: output)
        let line = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(line.hasPrefix("\(binary): not read: "), line)
        XCTAssertEqual(line.components(separatedBy: binary).count, 2, line)
    }

    /// An empty `--weights` weighed everyone 0 (reports of blanks, exit 1), and an empty `--out`
    /// was the working folder ("holds the input inputs/instrument"): both are refused by name.
    func testEmptyOptionValuesAreRefused() throws {
        let folder = TemporaryFolder()
        for (option, value) in [("--weights", ""), ("--out", "")] {
            var arguments = ["report", "--instrument", Paths.inputs + "/instrument", Paths.inputs + "/responses", option, value]
            if option != "--out" { arguments += ["--out", folder.path + "/r"] }
            let (status, stderr) = try run(arguments, stdoutPath: "/dev/null")
            XCTAssertEqual(status, 2, option)
            XCTAssertTrue(stderr.contains("\(option) needs a value"), stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/r"))
        }
    }

    /// A file that could not be read is said once: its error line gave the reason and the
    /// summary line below repeated it word for word.
    func testAnUnreadableFilesReasonIsPrintedOnce() throws {
        let folder = TemporaryFolder()
        folder.write("in/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46] + [UInt8](repeating: 0, count: 64))
        try FileManager.default.copyItem(atPath: Paths.inputs + "/responses/EE_kobo_xml.csv", toPath: folder.path + "/in/EE.csv")
        let (status, stderr) = try run(["check", "--instrument", Paths.inputs + "/instrument", folder.path + "/in"], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 1)
        XCTAssertEqual(stderr.components(separatedBy: "a JPEG image").count - 1, 1, stderr)
        XCTAssertTrue(stderr.contains("in/photo.jpg: error: "), stderr)
        XCTAssertTrue(stderr.contains("in/photo.jpg: not read\n"), stderr)
    }

    /// `needs synth` stopped by Ctrl-C or SIGTERM leaves no part-written export: its
    /// `FILE.incomplete-PID` stayed beside `--out`, as large as it had grown. And it says it
    /// stopped: the run ended without a line.
    func testAnInterruptedSynthLeavesNoPartFile() throws {
        let folder = TemporaryFolder()
        for signal in [SIGINT, SIGTERM] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try executable)
            process.arguments = ["synth", "--instrument", Paths.inputs + "/instrument", "--rows", "5000000",
                                 "--out", folder.path + "/big.csv"]
            process.standardOutput = FileHandle.nullDevice
            let stderrPath = NSTemporaryDirectory() + "/needs-synth-stderr-\(getpid())-\(signal)"
            XCTAssertTrue(FileManager.default.createFile(atPath: stderrPath, contents: nil))
            defer { try? FileManager.default.removeItem(atPath: stderrPath) }
            process.standardError = FileHandle(forWritingAtPath: stderrPath)
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] }
            // Once rows are being written (the file is made just before they are).
            func writing() -> Bool {
                entries().contains { name in
                    let size = (try? FileManager.default.attributesOfItem(atPath: folder.path + "/" + name)[.size]) as? Int
                    return (size ?? 0) > 0
                }
            }
            while !writing() && process.isRunning && Date() < deadline { usleep(2_000) }
            XCTAssertTrue(process.isRunning, "synth ended before it could be interrupted")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal)
            XCTAssertEqual(process.terminationStatus, signal)
            XCTAssertEqual(entries(), [], "signal \(signal)")
            let stderr = try String(contentsOfFile: stderrPath, encoding: .utf8)
            XCTAssertTrue(stderr.hasSuffix(CleanupOnSignal.stoppedMessage + "\n"), stderr)
        }
    }

    /// A run started under `nohup` (SIGHUP ignored, to outlive the terminal) goes on when the
    /// terminal closes: the cleanup handler replaced the ignored disposition, so the hangup
    /// stopped the run and removed its reports.
    func testARunUnderNohupOutlivesAHangup() throws {
        let nohup = "/usr/bin/nohup"
        guard FileManager.default.isExecutableFile(atPath: nohup) else { throw XCTSkip("no \(nohup)") }
        let folder = TemporaryFolder()
        var options = SurveySynthesizer.Options()
        options.rows = 20_000
        try SurveySynthesizer.write(instrumentPath: Paths.inputs + "/instrument", options: options, to: folder.path + "/big.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nohup)
        process.arguments = [try executable, "report", "--quiet", "--instrument", Paths.inputs + "/instrument",
                             "--out", folder.path + "/out", folder.path + "/big.csv"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] }
        let deadline = Date().addingTimeInterval(60)
        while !entries().contains(where: { $0.hasPrefix(".out.incomplete-") }) && process.isRunning && Date() < deadline {
            usleep(2_000)
        }
        XCTAssertTrue(process.isRunning, "the run ended before the hangup")
        kill(process.processIdentifier, SIGHUP)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertLessThanOrEqual(process.terminationStatus, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/out/summary.json"))
    }

    /// A negative `--min-cell` is refused by what it must be: `--min-cell -3` read as a missing
    /// value followed by an option `-3` ("Missing value for '--min-cell <min-cell>'"); a negative
    /// `synth --seed` likewise.
    func testANegativeMinimumCellIsRefusedByItsRange() throws {
        let folder = TemporaryFolder()
        for command in ["report", "plan"] {
            var arguments = [command, "--min-cell", "-3", "--instrument", Paths.inputs + "/instrument"]
            arguments += command == "report" ? ["--out", folder.path + "/r"] : ["--config", Paths.inputs + "/plan.csv"]
            let (status, stderr) = try run(arguments + [Paths.inputs + "/responses"], stdoutPath: "/dev/null")
            XCTAssertEqual(status, 2, command)
            XCTAssertTrue(stderr.contains("--min-cell must be at least 1"), "\(command): \(stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/r"))
        }
        let (seedStatus, seedError) = try run(["synth", "--seed", "-1", "--out", folder.path + "/s.csv"], stdoutPath: "/dev/null")
        XCTAssertEqual(seedStatus, 2)
        XCTAssertTrue(seedError.contains("The value '-1' is invalid for '--seed"), seedError)
    }

    /// Help that could not be written (a full disk) is a failure, as any other output is: it
    /// exited 0 with nothing said.
    func testHelpThatCannotBeWrittenExitsTwo() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        for arguments in [["--help"], ["synth", "--help"], ["--version"]] {
            let (status, stderr) = try run(arguments, stdoutPath: "/dev/full")
            XCTAssertEqual(status, 2, "\(arguments)")
            XCTAssertTrue(stderr.contains("cannot write the output"), "\(arguments): \(stderr)")
        }
        let folder = TemporaryFolder()
        let output = folder.write("help.txt", "")
        let (status, _) = try run(["--help"], stdoutPath: output)
        XCTAssertEqual(status, 0)
        XCTAssertTrue(try String(contentsOfFile: output, encoding: .utf8).contains("USAGE: needs"))
    }

    /// `synth --out -` writes the export to standard output, as `-` means standard input for
    /// the other commands: it wrote a file named `-` in the working folder. `--out /proc/self/fd/1`
    /// (what `/dev/stdout` leads to) with standard output a file could not be written.
    func testSynthToStandardOutput() throws {
        let folder = TemporaryFolder()
        let output = folder.write("synth.csv", "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable)
        process.arguments = ["synth", "--instrument", Paths.inputs + "/instrument", "--rows", "3", "--out", "-"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: output))
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/-"))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("\"start\";\"end\";\"country\""), String(text.prefix(80)))
        XCTAssertGreaterThan(text.utf8.count, 1_000)
        // A full disk names standard output, not a file called `-`.
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let (status, stderr) = try run(["synth", "--instrument", Paths.inputs + "/instrument", "--rows", "3", "--out", "-"],
                                           stdoutPath: "/dev/full")
            XCTAssertEqual(status, 2)
            XCTAssertEqual(stderr, "error: cannot write standard output: No space left on device\n")
        }
        // The system's name for the descriptor, standard output being a regular file: written
        // directly (its temporary file beside it, `/proc/self/fd/1.incomplete-PID`, could not be
        // made: "cannot write").
        guard FileManager.default.fileExists(atPath: "/proc/self/fd") else { return }
        let named = folder.write("named.csv", "")
        let (status, stderr) = try run(["synth", "--instrument", Paths.inputs + "/instrument", "--rows", "3",
                                        "--out", "/proc/self/fd/1"], stdoutPath: named)
        XCTAssertEqual(status, 0, stderr)
        XCTAssertEqual(try String(contentsOfFile: named, encoding: .utf8), text)
    }

    /// `needs sniff` exits as `check` does: 2 when no file it was given could be read (it
    /// exited 1, which `--help` says means results with problems), 1 when some could not.
    func testSniffOfNothingReadableExitsTwo() throws {
        let folder = TemporaryFolder()
        let csv = folder.write("a.csv", "a,b\n1,2\n")
        let missing = folder.path + "/missing.csv"
        // (A folder is its files, as in `check`: one holding none is not read.)
        let empty = folder.path + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let (noneStatus, noneError) = try run(["sniff", missing, empty], stdoutPath: "/dev/null")
        XCTAssertEqual(noneStatus, 2)
        // The folder's message has `check`'s code for it (it was file_unreadable here alone).
        XCTAssertTrue(noneError.contains("empty: error: the folder holds no file to read [folder_without_files]"), noneError)
        let (someStatus, _) = try run(["sniff", csv, missing], stdoutPath: "/dev/null")
        XCTAssertEqual(someStatus, 1)
        let (allStatus, _) = try run(["sniff", csv], stdoutPath: "/dev/null")
        XCTAssertEqual(allStatus, 0)
    }

    /// `needs sniff FOLDER` looks at every regular file in it, whatever its extension, as `report`
    /// and `check` read a folder, named as they name them; it said "not read: a folder, not a
    /// file". What the folder holds that is not read is said on stderr, as `check` says it.
    func testSniffOfAFolderLooksAtEveryFileInIt() throws {
        let folder = TemporaryFolder()
        _ = folder.write("in/b.txt", "a\tb\n1\t2\n")
        _ = folder.write("in/a.csv", "a;b\n1;2\n")
        _ = folder.write("in/.hidden.csv", "a,b\n")
        _ = folder.write("in/sub/c.csv", "a,b\n")
        let csv = folder.write("d.csv", "a,b\n1,2\n")
        let output = folder.write("sniff.json", "")
        let (status, stderr) = try run(["sniff", "--json", folder.path + "/in", csv], stdoutPath: output)
        XCTAssertEqual(status, 0, stderr)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as! [[String: Any]]
        XCTAssertEqual(json.map { $0["file"] as? String }, ["in/a.csv", "in/b.txt", csv])
        XCTAssertEqual(json.map { $0["delimiter"] as? String }, ["semicolon", "tab", "comma"])
        XCTAssertTrue(stderr.contains("in/.hidden.csv: note: hidden file left out [hidden_file_skipped]"), stderr)
        XCTAssertTrue(stderr.contains("in/sub: warning: sub-folder not read"), stderr)
    }

    /// A file `needs sniff` could not read is an error on stderr, as `check` and `rows` say it,
    /// besides its `not read` line among the results: with the results sent to a file, nothing
    /// was said on the terminal.
    func testSniffSaysOnStderrWhichFileItCouldNotRead() throws {
        let folder = TemporaryFolder()
        let csv = folder.write("a.csv", "a,b\n1,2\n")
        let missing = folder.path + "/missing.csv"
        let output = folder.write("sniff.txt", "")
        for json in [false, true] {
            let (status, stderr) = try run(["sniff"] + (json ? ["--json"] : []) + [csv, missing], stdoutPath: output)
            XCTAssertEqual(status, 1)
            XCTAssertEqual(stderr, "\(missing): error: cannot open: No such file or directory [file_unreadable]\n", "json: \(json)")
        }
        let (_, clean) = try run(["sniff", csv], stdoutPath: output)
        XCTAssertEqual(clean, "")
    }

    /// Each command's help says what its exit status means (only `needs --help` did, in terms
    /// of reports written, which `rows`, `sniff` and `synth` never write).
    func testEveryCommandsHelpGivesItsExitStatus() throws {
        let folder = TemporaryFolder()
        // `needs --help`, where a newcomer starts, says which command does what they came for.
        let top = folder.write("needs.txt", "")
        _ = try run(["--help"], stdoutPath: top)
        let overview = try String(contentsOfFile: top, encoding: .utf8).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(overview.contains("To check an export a municipality sent: needs check FILE. To write the reports: needs report"),
                      overview)
        for command in ["report", "check", "plan", "rows", "sniff", "synth"] {
            let output = folder.write("\(command).txt", "")
            let (status, _) = try run([command, "--help"], stdoutPath: output)
            XCTAssertEqual(status, 0)
            // As one line: the help is wrapped to the terminal's width.
            let help = try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(help.contains("Exit status: 0 "), "\(command): \(help)")
            XCTAssertTrue(help.contains(", 2 "), "\(command): \(help)")
        }
    }

    /// `-` with standard input on a terminal says it waits for the terminal (a user who typed
    /// `needs check -` saw a run that hung, saying nothing); from a pipe, it says nothing of it.
    func testStandardInputFromATerminalSaysItIsWaited() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(try executable)' rows -", "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice  // script(1) passes its end on: Ctrl-D.
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertTrue(text.hasPrefix("note: reading standard input (-) from the terminal: paste the export and press Ctrl-D, "
                                     + "or give its file instead of -\r\n"), text)
        let (_, piped) = try run(["rows", "-"], stdoutPath: "/dev/null", stdin: Data("a,b\n1,2\n".utf8))
        XCTAssertEqual(piped, "")
        // `plan --config -` waits for a plan configuration, and says so: it asked for the export.
        let plan = Process()
        plan.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        plan.arguments = ["-qec", "'\(try executable)' plan --instrument '\(Paths.inputs)/instrument' --config - '\(Paths.inputs)/responses'",
                          "/dev/null"]
        let planOutput = Pipe()
        plan.standardOutput = planOutput
        plan.standardInput = FileHandle.nullDevice
        try plan.run()
        let planText = String(decoding: planOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        plan.waitUntilExit()
        XCTAssertTrue(planText.hasPrefix("note: reading standard input (-) from the terminal: paste the plan configuration and press "
                                         + "Ctrl-D, or give its file instead of -\r\n"), planText)
    }

    /// A mistyped command, or a file given without one, names the commands there are and the one
    /// meant: ArgumentParser said "Unexpected argument 'reprot'" and no more.
    func testAWordThatIsNoCommandNamesTheCommands() throws {
        let commands = "the commands are report, check, plan, rows, sniff, synth (needs --help says what each does)."
        let (status, stderr) = try run(["reprot", "--out", "/nonexistent"], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        XCTAssertEqual(stderr, "error: `reprot` is not a command of needs; \(commands) Did you mean `needs report`?\n")
        let (fileStatus, fileError) = try run(["Narva.csv"], stdoutPath: "/dev/null")
        XCTAssertEqual(fileStatus, 2)
        XCTAssertEqual(fileError, "error: `Narva.csv` is not a command of needs; \(commands) To check an export: needs check FILE.\n")
        // The commands themselves, and help, are as they were.
        let (helpStatus, _) = try run(["help", "check"], stdoutPath: "/dev/null")
        XCTAssertEqual(helpStatus, 0)
    }

    /// An unknown option's message starts `error:`, as every other message of needs does
    /// (ArgumentParser writes `Error:`, which a log filter for `error:` missed), with its usage.
    func testAnUnknownOptionSaysErrorAsEveryMessageDoes() throws {
        let (status, stderr) = try run(["report", "--bogus"], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        XCTAssertTrue(stderr.hasPrefix("error: Unknown option '--bogus'"), stderr)
        XCTAssertTrue(stderr.contains("Usage: needs report"), stderr)
    }

    /// `rows --help` says what its text output is (the first column is the line number, the
    /// escapes), and how --json keys a repeated name; `synth --help` what its --encoding is of.
    /// Neither was said but in the README, and a line's number read as the first field.
    func testHelpSaysWhatRowsPrintsAndWhatSynthEncodingIs() throws {
        let folder = TemporaryFolder()
        var help: [String: String] = [:]
        for command in ["rows", "synth"] {
            let output = folder.write("\(command).txt", "")
            _ = try run([command, "--help"], stdoutPath: output)
            help[command] = try String(contentsOfFile: output, encoding: .utf8).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        XCTAssertTrue(help["rows"]!.contains("its line number in the file, then its fields, separated by tabs (a tab, line break or "
                                             + "backslash in a field written \\t, \\n, \\\\)"), help["rows"]!)
        XCTAssertTrue(help["rows"]!.contains("keyed name_2, name_3"), help["rows"]!)
        XCTAssertTrue(help["synth"]!.contains("Text encoding of the file written: utf-8,"), help["synth"]!)
        // sniff --help says what its confidence measures: the Lithuanian sample, read right, shows 0.102.
        let sniffHelp = folder.write("sniff.txt", "")
        _ = try run(["sniff", "--help"], stdoutPath: sniffHelp)
        XCTAssertTrue(try String(contentsOfFile: sniffHelp, encoding: .utf8).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .contains("An export of text answers read right shows about 0.1, so a low confidence alone does not mean a wrong reading."))
        // Every name --delimiter takes is listed: `space` was taken and not said.
        XCTAssertTrue(help["rows"]!.contains("a character, or tab, comma, semicolon, pipe, space."), help["rows"]!)
        let spaced = folder.write("spaced.txt", "a b\n1 2\n")
        let spacedOutput = folder.write("spaced-rows.txt", "")
        _ = try run(["rows", "--delimiter", "space", spaced], stdoutPath: spacedOutput)
        XCTAssertEqual(try String(contentsOfFile: spacedOutput, encoding: .utf8), "1\ta\tb\n2\t1\t2\n")
        // What the help says of the text output is what it prints.
        let csv = folder.write("f.csv", "a,b\n\"x\ty\",\"2\n3\"\n")
        let output = folder.write("rows.txt", "")
        _ = try run(["rows", csv], stdoutPath: output)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), "1\ta\tb\n2\tx\\ty\t2\\n3\n")
    }

    /// The copy of standard input a run killed outright left in the temporary folder (SIGKILL,
    /// the out-of-memory killer: no handler runs), respondents' answers, is removed by the next
    /// run that copies an input there; it stayed for good. A copy of a run still going is kept.
    func testTheNextRunRemovesTheInputCopyOfAKilledRun() throws {
        let folder = TemporaryFolder()
        let temporary = folder.path + "/tmp"
        let host = OutputFolder.processTag.split(separator: "-", maxSplits: 1)[1]
        folder.write("tmp/needs-input-999999999-\(host)-abcdefgh/stdin", "country,municipality\nEE,Narva\n")
        let live = "needs-input-\(getpid())-\(host)-abcdefgh"
        folder.write("tmp/" + live + "/stdin", "country\nLV\n")
        folder.write("tmp/needs-input-other/x", "not a copy of needs'\n")
        // Another machine's, in a temporary folder it shares: its process cannot be seen from here.
        folder.write("tmp/needs-input-999999999-elsewhere-abcdefgh/stdin", "country\nLT\n")
        let export = try XCTUnwrap(FileManager.default.contents(atPath: Paths.inputs + "/responses/EE_kobo_xml.csv"))
        let (status, stderr) = try run(["check", "--instrument", Paths.inputs + "/instrument", "-"], stdoutPath: "/dev/null",
                                       stdin: export, temporary: temporary)
        XCTAssertEqual(status, 0, stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary).sorted(), [live, "needs-input-other", "needs-input-999999999-elsewhere-abcdefgh"].sorted())
    }

    /// A file `needs rows` could not read is said as every command says it,
    /// `file: error: reason [file_unreadable]`: it was `file: reason`, no severity nor code.
    func testRowsSaysAFileItCannotReadAsAnError() throws {
        let folder = TemporaryFolder()
        let missing = folder.path + "/missing.csv"
        let (status, stderr) = try run(["rows", missing], stdoutPath: "/dev/null")
        XCTAssertEqual(status, 2)
        XCTAssertEqual(stderr, "\(missing): error: cannot open: No such file or directory [file_unreadable]\n")
        let photo = folder.write("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46] + [UInt8](repeating: 0, count: 64))
        let (photoStatus, photoError) = try run(["rows", photo], stdoutPath: "/dev/null")
        XCTAssertEqual(photoStatus, 2)
        XCTAssertTrue(photoError.hasPrefix("\(photo): error: a JPEG image"), photoError)
        XCTAssertTrue(photoError.hasSuffix(" [file_unreadable]\n"), photoError)
    }
}
