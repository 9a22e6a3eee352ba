import Foundation
import XCTest
@testable import NeedsKit

/// `needs synth` writes every shape in every language and encoding, and the normaliser reads each
/// back whole: every row a respondent, no warning, answers where the synthesizer put them.
final class SurveySynthesizerTests: XCTestCase {
    func testEveryShapeLanguageAndEncodingReadsBackWhole() throws {
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        let folder = TemporaryFolder()
        var checked = 0
        for shape in SurveySynthesizer.Shape.allCases {
            for language in ["en", "et", "lv", "lt", "ru"] {
                var encodings: [SurveySynthesizer.OutputEncoding] = [.utf8, .utf8BOM, .utf16LE]
                if language != "ru" { encodings.append(.windows1257) }
                for encoding in encodings {
                    var options = SurveySynthesizer.Options()
                    options.rows = 40
                    options.seed = UInt64(checked + 1)
                    options.shape = shape
                    options.language = language
                    options.encoding = encoding
                    let path = folder.path + "/\(shape)-\(language)-\(encoding).csv"
                    var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
                    try synthesizer.write(to: path)
                    var run = RunOptions()
                    run.instrumentPath = Paths.inputs + "/instrument"
                    run.inputs = [path]
                    let outcome = try Pipeline.check(run)
                    let account = try XCTUnwrap(outcome.accounts.first)
                    let context = "\(shape) \(language) \(encoding)"
                    XCTAssertEqual(account.respondents, 40, context)
                    XCTAssertTrue(account.balances, context)
                    XCTAssertEqual(outcome.firstIssues.filter { $0.severity != .note }.map(\.message), [], context)
                    if encoding == .windows1257 { XCTAssertEqual(account.encoding, "windows-1257", context) }
                    // Excel's "Unicode text" is UTF-16 with tabs; its CSV in a Baltic locale uses `;`.
                    if shape == .msforms && encoding == .utf16LE { XCTAssertEqual(account.delimiter, "tab", context) }
                    if shape == .msforms && encoding == .windows1257 { XCTAssertEqual(account.delimiter, ";", context) }
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 5 * 5 * 3 + 5 * 4)
    }

    /// The same LimeSurvey responses exported twice, in English and in Estonian (same ids, seeds
    /// and times, the answers in other words) are one set of respondents: a reviewer's run had
    /// 120 for 60, each told as "other answers". Two surveys (other seeds) are two: synth's seed
    /// column did not follow `--seed`, and every id and seed of two such exports met.
    func testTheSameLimeSurveyResponsesInTwoLanguagesCountOnce() throws {
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        let folder = TemporaryFolder()
        func export(_ name: String, seed: UInt64, language: String) throws -> String {
            var options = SurveySynthesizer.Options()
            options.rows = 30
            options.seed = seed
            options.shape = .limesurvey
            options.language = language
            var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
            try synthesizer.write(to: folder.path + "/" + name)
            return folder.path + "/" + name
        }
        var run = RunOptions()
        run.instrumentPath = Paths.inputs + "/instrument"
        run.inputs = [try export("en.csv", seed: 7, language: "en"), try export("et.csv", seed: 7, language: "et")]
        let same = try Pipeline.check(run)
        XCTAssertEqual(same.respondents, 30)
        XCTAssertEqual(same.accounts.map(\.duplicates), [0, 30])
        XCTAssertFalse(same.firstIssues.contains { $0.code == "duplicate_row_id" })
        run.inputs = [try export("a.csv", seed: 5, language: "lt"), try export("b.csv", seed: 6, language: "lt")]
        let two = try Pipeline.check(run)
        XCTAssertEqual(two.respondents, 60)
        XCTAssertEqual(two.firstIssues.filter { $0.severity != .note }.map(\.message), [])
    }

    func testSameSeedSameBytes() throws {
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        let folder = TemporaryFolder()
        var options = SurveySynthesizer.Options()
        options.rows = 300
        options.seed = 42
        var bytes: [Data] = []
        for name in ["a", "b"] {
            var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
            try synthesizer.write(to: folder.path + "/" + name)
            bytes.append(try XCTUnwrap(FileManager.default.contents(atPath: folder.path + "/" + name)))
        }
        XCTAssertEqual(bytes[0], bytes[1])
        options.seed = 43
        var other = SurveySynthesizer(instrument: instrument, options: options)
        try other.write(to: folder.path + "/c")
        XCTAssertNotEqual(FileManager.default.contents(atPath: folder.path + "/c"), bytes[0])
    }

    /// The part-written export a synth killed outright left (`FILE.incomplete-PID`, its process
    /// gone: no handler runs on SIGKILL) is removed by the next synth to the same `--out`; it
    /// stayed beside the export for good. One of a synth still going is left alone.
    func testTheNextSynthRemovesThePartFileOfAKilledOne() throws {
        let folder = TemporaryFolder()
        let host = OutputFolder.processTag.split(separator: "-", maxSplits: 1)[1]
        folder.write("lv.csv.incomplete-999999999-\(host)", "\"start\";\"end\"\n\"2025-")
        let live = "lv.csv.incomplete-\(getppid())-\(host)"
        folder.write(live, "")
        var options = SurveySynthesizer.Options()
        options.rows = 3
        try SurveySynthesizer.write(instrumentPath: Paths.inputs + "/instrument", options: options, to: folder.path + "/lv.csv")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), [live, "lv.csv"].sorted())
    }

    /// An `--out` that is a symbolic link to a file gets the export where it leads and stays a
    /// link: the temporary file was renamed over the link itself.
    func testAnOutputThatIsALinkIsWrittenWhereItLeads() throws {
        let folder = TemporaryFolder()
        folder.write("data/export.csv", "old\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/export.csv", withDestinationPath: "data/export.csv")
        var options = SurveySynthesizer.Options()
        options.rows = 3
        try SurveySynthesizer.write(instrumentPath: Paths.inputs + "/instrument", options: options, to: folder.path + "/export.csv")
        var info = stat()
        XCTAssertEqual(lstat(folder.path + "/export.csv", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "still a link")
        let text = try String(contentsOfFile: folder.path + "/data/export.csv", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("\"start\";"), String(text.prefix(40)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/data"), ["export.csv"])
    }

    /// Each shape's own columns and dates as the tool writes them: KoboToolbox's ten meta columns
    /// in its order, Google's timestamp named and written in the sheet's language (`2/7/2025
    /// 10:00:00` in English, as a real export has it), Microsoft Forms' dates as Excel shows them
    /// (`m/d/yy`), LimeSurvey's `seed` and, beside full answers, its `Yes` and `No` in the
    /// export's language. Kobo lacked six of its columns, Google wrote `2025/02/07` under
    /// `Timestamp` in every language, Microsoft Forms ISO dates, LimeSurvey no seed and `Y` or blank.
    func testEachShapeWritesItsToolsOwnColumnsAndDates() throws {
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        let folder = TemporaryFolder()
        func firstTwoRows(_ shape: SurveySynthesizer.Shape, _ language: String) throws -> [[String]] {
            var options = SurveySynthesizer.Options()
            options.rows = 1
            options.seed = 7
            options.shape = shape
            options.language = language
            let path = folder.path + "/\(shape)-\(language).csv"
            var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
            try synthesizer.write(to: path)
            let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
            let delimiter = shape == .kobo ? ";" : ","
            return lines.prefix(2).map { $0.components(separatedBy: delimiter).map { $0.trimmingCharacters(in: ["\""]) } }
        }
        let kobo = try firstTwoRows(.kobo, "en")
        XCTAssertEqual(Array(kobo[0].suffix(10)), ["_id", "_uuid", "_submission_time", "_validation_status", "_notes",
                                                   "_status", "_submitted_by", "__version__", "_tags", "_index"])
        XCTAssertEqual(kobo[1][kobo[0].firstIndex(of: "_status")!], "submitted_via_web")
        let date = #/^([1-9]|1[0-2])/([1-9]|[12][0-9]|3[01])/2025 10:00:00$/#
        let google = try firstTwoRows(.google, "en")
        XCTAssertEqual(google[0][0], "Timestamp")
        XCTAssertNotNil(google[1][0].wholeMatch(of: date), google[1][0])
        let latvian = try firstTwoRows(.google, "lv")
        XCTAssertEqual(latvian[0][0], "Laikspiedols")
        XCTAssertNotNil(latvian[1][0].wholeMatch(of: #/^[0-3][0-9]\.[01][0-9]\.2025 10:00:00$/#), latvian[1][0])
        XCTAssertEqual(try firstTwoRows(.google, "ru")[0][0], "Отметка времени")
        let msforms = try firstTwoRows(.msforms, "en")
        XCTAssertEqual(Array(msforms[0].prefix(5)), ["ID", "Start time", "Completion time", "Email", "Name"])
        XCTAssertNotNil(msforms[1][1].wholeMatch(of: #/^([1-9]|1[0-2])/([1-9]|[12][0-9]|3[01])/25 9:00:00$/#), msforms[1][1])
        let lime = try firstTwoRows(.limesurvey, "en")
        XCTAssertEqual(Array(lime[0].prefix(5)), ["id", "submitdate", "lastpage", "startlanguage", "seed"])
        XCTAssertNotNil(Int(lime[1][4]), lime[1][4])
        let latvianLime = try firstTwoRows(.limesurvey, "lv")
        let first = try XCTUnwrap(latvianLime[0].firstIndex(of: "trainingwanted[SQ001]"))
        let ticks = latvianLime[1][first..<first + 8]
        XCTAssertEqual(Set(ticks).subtracting(["Jā", "Nē"]), [], "\(ticks)")
    }

    /// A label holding a Windows line break (CR LF, pasted into the form) is quoted: Swift takes
    /// CR LF for one Character, neither "\n" nor "\r", so the cell was written bare and its
    /// header read back as two records.
    func testALabelWithAWindowsLineBreakIsQuoted() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "type,name,label\ntext,q,\"Why?\r\n(one line)\"\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        var options = SurveySynthesizer.Options()
        options.rows = 1
        options.shape = .google
        var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
        try synthesizer.write(to: folder.path + "/out.csv")
        let text = try String(contentsOfFile: folder.path + "/out.csv", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("Timestamp,\"Why?\r\n(one line)\"\r\n"), text)
    }

    func testCyrillicCannotBeWrittenInWindows1257() throws {
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        var options = SurveySynthesizer.Options()
        options.rows = 5
        options.shape = .google
        options.language = "ru"
        options.encoding = .windows1257
        var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
        // A file already there stays as it was, and nothing is left beside it.
        let folder = TemporaryFolder()
        let existing = folder.write("x.csv", "precious\n")
        XCTAssertThrowsError(try synthesizer.write(to: existing)) { error in
            // It names the options to change (it said "choose utf-8 or another language", not how).
            XCTAssertTrue("\(error)".hasSuffix(" cannot be written in Windows-1257 (--encoding windows-1257); nothing was written: "
                                              + "give --encoding utf-8, utf-8-bom or utf-16le, or another --lang"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "precious\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["x.csv"])
    }

    /// A language the instrument has no labels in is refused (an export in English claiming to be
    /// Lithuanian would mislead); a language named without a code (`label::Lietuvių`) is found.
    func testALanguageTheInstrumentHasNoLabelsInIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("inst/survey.csv", """
            type,name,label::English,label::Lietuvių,topic,measure
            select_one scale,imp_a,Topic A,Tema A,a,importance
            select_one scale,comp_a,Topic A,Tema A,a,competence

            """)
        folder.write("inst/choices.csv", "list_name,name,label::English,label::Lietuvių\nscale,1,Low,Žemas\nscale,2,High,Aukštas\n")
        folder.write("inst/settings.csv", "form_id,version\nx,1\n")
        var options = SurveySynthesizer.Options()
        options.rows = 3
        options.shape = .google
        options.language = "ru"
        XCTAssertThrowsError(try SurveySynthesizer.write(instrumentPath: folder.path + "/inst", options: options,
                                                         to: folder.path + "/ru.csv")) { error in
            XCTAssertTrue("\(error)".contains("no labels in `ru`; --lang is one of: en, lt"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/ru.csv"))
        options.language = "LT"
        try SurveySynthesizer.write(instrumentPath: folder.path + "/inst", options: options, to: folder.path + "/lt.csv")
        let header = try String(contentsOfFile: folder.path + "/lt.csv", encoding: .utf8).split(separator: "\n").first ?? ""
        XCTAssertTrue(header.contains("Tema A"), String(header))
        XCTAssertFalse(header.contains("Topic A"), String(header))
    }

    /// A plain `label` column beside a translation is the form's default language: `--lang en`
    /// writes its labels; a language the form has neither way is refused, the plain one listed.
    func testPlainLabelsAreTheDefaultLanguage() throws {
        let folder = TemporaryFolder()
        folder.write("inst/survey.csv", """
            type,name,label,label::Eesti (et),topic,measure
            select_one scale,imp_a,Topic A,Teema A,a,importance
            select_one scale,comp_a,Topic A,Teema A,a,competence

            """)
        folder.write("inst/choices.csv", "list_name,name,label,label::Eesti (et)\nscale,1,Low,Madal\nscale,2,High,Kõrge\n")
        folder.write("inst/settings.csv", "form_id,version\nx,1\n")
        var options = SurveySynthesizer.Options()
        options.rows = 3
        options.shape = .google
        try SurveySynthesizer.write(instrumentPath: folder.path + "/inst", options: options, to: folder.path + "/en.csv")
        let header = try String(contentsOfFile: folder.path + "/en.csv", encoding: .utf8).split(separator: "\n").first ?? ""
        XCTAssertTrue(header.contains("Topic A") && !header.contains("Teema A"), String(header))
        options.language = "lv"
        XCTAssertThrowsError(try SurveySynthesizer.write(instrumentPath: folder.path + "/inst", options: options,
                                                         to: folder.path + "/lv.csv")) { error in
            XCTAssertTrue("\(error)".hasSuffix("--lang is one of: et, en"), "\(error)")
        }
    }

    /// A Kobo export of a form without `start` and `end` has no such columns: `synth` had written
    /// them for every form, and the run read them as columns of another version of the form
    /// (exit 1 for a clean export of a valid form, a helper's probe). With them in the form, they
    /// are written.
    func testKoboStartAndEndOnlyWhenTheFormHasThem() throws {
        let folder = TemporaryFolder()
        for (name, meta) in [("plain", ""), ("timed", "start,start,,,\nend,end,,,\n")] {
            folder.write("\(name)/survey.csv", "type,name,label,topic,measure\n" + meta + """
                select_one scale,imp_a,Topic A,a,importance
                select_one scale,comp_a,Topic A,a,competence

                """)
            folder.write("\(name)/choices.csv", "list_name,name,label\nscale,1,Low\nscale,2,Mid\nscale,3,High\n")
            folder.write("\(name)/settings.csv", "form_id,version\nx,1\n")
            var options = SurveySynthesizer.Options()
            options.rows = 20
            options.shape = .kobo
            let path = folder.path + "/\(name).csv"
            try SurveySynthesizer.write(instrumentPath: folder.path + "/" + name, options: options, to: path)
            let header = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
            XCTAssertEqual(header.hasPrefix(#""start";"end";"#), !meta.isEmpty, header)
            var run = RunOptions()
            run.instrumentPath = folder.path + "/" + name
            run.inputs = [path]
            let outcome = try Pipeline.check(run)
            XCTAssertEqual(outcome.accounts.first?.respondents, 20, name)
            XCTAssertEqual(outcome.firstIssues.filter { $0.severity != .note }.map(\.code), [], name)
        }
    }

    /// `--out` naming one of the instrument's own files is refused before anything is written;
    /// a folder as `--out` is refused with the reason.
    func testOutputThatIsAnInstrumentFileOrAFolderIsRefusedWithTheReason() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey", "choices", "settings"] {
            let text = try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            folder.write("inst/\(sheet).csv", text)
        }
        let survey = try String(contentsOfFile: folder.path + "/inst/survey.csv", encoding: .utf8)
        var options = SurveySynthesizer.Options()
        options.rows = 3
        for target in ["inst/survey.csv", "inst/../inst/choices.csv"] {
            XCTAssertThrowsError(try SurveySynthesizer.write(instrumentPath: folder.path + "/inst", options: options,
                                                             to: folder.path + "/" + target)) { error in
                XCTAssertTrue("\(error)".contains("is a file of the instrument"), "\(error)")
            }
        }
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/inst/survey.csv", encoding: .utf8), survey)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/inst").sorted(),
                       ["choices.csv", "settings.csv", "survey.csv"])
        XCTAssertThrowsError(try SurveySynthesizer.write(instrumentPath: folder.path + "/inst", options: options,
                                                         to: folder.path + "/inst")) { error in
            XCTAssertTrue("\(error)".contains("is a folder"), "\(error)")
        }
        XCTAssertThrowsError(try SurveySynthesizer.write(instrumentPath: folder.path + "/inst", options: options,
                                                         to: folder.path + "/no/such/folder/x.csv")) { error in
            XCTAssertTrue("\(error)".contains("No such file or directory"), "\(error)")
        }
        XCTAssertNoThrow(try SurveySynthesizer.write(instrumentPath: folder.path + "/inst", options: options,
                                                     to: folder.path + "/inst/export.csv"))
    }
}
