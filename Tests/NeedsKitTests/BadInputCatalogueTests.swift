import Foundation
import XCTest
@testable import NeedsKit

/// The catalogue of bad inputs: each case asserts the exact diagnostic (code, file, line, column)
/// and that every record read is accounted for (respondents + duplicates + blank + quarantined).
final class BadInputCatalogueTests: XCTestCase {
    let header = "country,municipality,imp_partnerships,comp_partnerships\n"

    struct Run {
        var outcome: RunOutcome
        var account: FileAccount
        func issue(_ code: String) -> CleaningIssue? { outcome.firstIssues.first { $0.code == code } }
    }

    func run(_ name: String, _ bytes: [UInt8], file: String? = nil, configure: (inout RunOptions) -> Void = { _ in }) -> Run {
        let folder = TemporaryFolder()
        let path = folder.write("in/" + name, bytes)
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [file ?? path]
        configure(&options)
        let outcome = try! Pipeline.check(options)
        let account = outcome.accounts.first ?? FileAccount(file: name)
        XCTAssertTrue(account.balances, "\(name): \(account)")
        return Run(outcome: outcome, account: account)
    }

    func run(_ name: String, _ text: String, configure: (inout RunOptions) -> Void = { _ in }) -> Run {
        run(name, Array(text.utf8), configure: configure)
    }

    func assertIssue(_ r: Run, _ code: String, line: Int?, column: Int?, _ message: String? = nil, file: StaticString = #filePath, at: UInt = #line) {
        guard let issue = r.issue(code) else {
            return XCTFail("no \(code) in \(r.outcome.firstIssues.map(\.code))", file: file, line: at)
        }
        XCTAssertEqual(issue.file, r.account.file, file: file, line: at)
        XCTAssertEqual(issue.line, line, "\(code) line", file: file, line: at)
        XCTAssertEqual(issue.column, column, "\(code) column", file: file, line: at)
        if let message { XCTAssertTrue(issue.message.contains(message), issue.message, file: file, line: at) }
    }

    /// Two exports joined into one file, one written with `,` and one with `;` (`cat`, or rows
    /// pasted from a file saved in another locale): the rows of the other one read as one field
    /// each, and were skipped as a title above the table or notes below it, with a note and exit
    /// 0. They are quarantined with an error at each line, and counted. A title whose commas are
    /// followed by spaces, as prose writes them, is still a title.
    func testRowsOfAnotherDelimiterAreQuarantinedNotTakenForTitles() {
        let commas = "country,municipality,role,imp_partnerships,comp_partnerships,training_wanted\n"
            + "EE,Tallinn,teacher,5,2,partnerships\nEE,Narva,teacher,4,1,partnerships\n"
        var semicolons = "country;municipality;role;imp_partnerships;comp_partnerships;training_wanted\n"
        for k in 0..<8 { semicolons += "LV;Ogre;teacher;\(1 + k % 5);2;partnerships\n" }

        let above = run("above.csv", commas + semicolons)
        XCTAssertEqual(above.account.delimiter, ";")
        assertIssue(above, "other_delimiter_row", line: 1, column: 1, "one field with `;` but 6 with `,`")
        XCTAssertEqual(above.outcome.issueCounts.filter { $0.key.code == "other_delimiter_row" }.map(\.value).reduce(0, +), 3)
        XCTAssertEqual(above.account.quarantined, 3)
        XCTAssertEqual(above.account.respondents, 8)
        XCTAssertEqual(above.account.preambleRecords, 0)
        XCTAssertEqual(above.outcome.exitCode, 1)

        let below = run("below.csv", semicolons + commas)
        assertIssue(below, "other_delimiter_row", line: 10, column: 1, "a record below the table")
        XCTAssertEqual(below.account.quarantined, 3)
        XCTAssertEqual(below.account.respondents, 8)
        XCTAssertEqual(below.account.footnoteRecords, 0)

        // Inside the table (the `,` export's rows between two parts of the `;` one), each was a
        // respondent of no country with its answers missing, a phantom in every share of ALL.
        var middle = "country;municipality;role;imp_partnerships;comp_partnerships;training_wanted\n"
        middle += "LV;Ogre;teacher;4;2;partnerships\n" + "EE,Tallinn,teacher,5,2,partnerships\nEE,Narva,teacher,4,1,partnerships\n"
        middle += "LV;Ogre;teacher;3;2;partnerships\n" + "EE,Tartu linn,teacher,5,2,partnerships\n" + "LV;Rīga;teacher;5;1;\n"
        let inside = run("inside.csv", middle)
        assertIssue(inside, "other_delimiter_row", line: 3, column: 1, "a record inside the table is one field with `;` but 6 with `,`")
        XCTAssertEqual(inside.outcome.issueCounts.filter { $0.key.code == "other_delimiter_row" }.map(\.value).reduce(0, +), 3)
        XCTAssertEqual(inside.account.quarantined, 3)
        // One whose quoted value held this file's delimiter is read as two fields: the first is the row.
        let split = run("split.csv", semicolons + "LV,Ogre,teacher,4,2,\"digital; language\"\n" + semicolons.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n")
        assertIssue(split, "other_delimiter_row", line: 10, column: 1, "a record inside the table")
        XCTAssertEqual(split.account.respondents, 16)
        XCTAssertEqual(inside.account.respondents, 3)
        XCTAssertNil(inside.issue("ragged_row"))
        XCTAssertEqual(inside.outcome.exitCode, 1)
        // A short row of the file's own delimiter whose comment holds commas stays a respondent.
        let short = run("short.csv", "country;municipality;role;imp_partnerships;comp_partnerships;training_wanted;comments\n"
                        + "LV;Ogre;teacher;4;2;partnerships\nEE;Narva;a,b,c,d,e\n")
        XCTAssertNil(short.issue("other_delimiter_row"))
        XCTAssertEqual(short.account.respondents, 2)
        // Nor one whose quoted comment (its quotes taken off by the reader) holds a comma list.
        let quoted = run("quoted.csv", "country;municipality;role;imp_partnerships;comp_partnerships;training_wanted;comments\n"
                         + "LV;Ogre;teacher;4;2;partnerships\nEE;\"digi,keel,juhtimine,projektid,andmed\"\n")
        XCTAssertNil(quoted.issue("other_delimiter_row"))
        XCTAssertEqual(quoted.account.respondents, 2)

        let title = run("title.csv", "Survey of staff, Tallinn, Narva, Tartu, Pärnu, 2025\n" + semicolons)
        XCTAssertNil(title.issue("other_delimiter_row"))
        XCTAssertEqual(title.account.preambleRecords, 1)
        XCTAssertEqual(title.account.quarantined, 0)
        XCTAssertEqual(title.account.respondents, 8)
    }

    // 1–3
    func testEmptyFile() {
        let r = run("empty.csv", "")
        assertIssue(r, "empty_file", line: nil, column: nil)
        XCTAssertEqual(r.account.recordsRead, 0)
        // The only input has no column of the instrument: nothing to report (2), as for an
        // image, not a report of nobody with "problems found" (1).
        XCTAssertEqual(r.outcome.exitCode, 2)
        XCTAssertEqual(r.outcome.cannotRun, "every input file is empty: there is nothing to report")
    }

    /// An empty file beside an image: "every input file is empty" said the image was read.
    func testEmptyFileBesideAFileNotReadSaysOnlyTheReadOnesAreEmpty() {
        let folder = TemporaryFolder()
        folder.write("in/empty.csv", "")
        folder.write("in/scan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in"]
        let outcome = try? Pipeline.check(options)
        XCTAssertEqual(outcome?.exitCode, 2)
        XCTAssertEqual(outcome?.cannotRun, "every input file that could be read is empty: there is nothing to report")
    }

    func testEmptyFileBesideAnExportDoesNotStopTheRun() {
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("empty.csv", ""), folder.write("sheet.csv", header + "EE,Tallinn,4,2\n")]
        let outcome = try! Pipeline.check(options)
        XCTAssertNil(outcome.cannotRun)
        XCTAssertEqual(outcome.exitCode, 1)
    }

    func testHeaderOnly() {
        let r = run("header.csv", header)
        XCTAssertEqual(r.account.recordsRead, 0)
        XCTAssertNil(r.issue("empty_file"))
        XCTAssertNil(r.issue("header_cut_off"), "the header ends with a line break")
        // The short header leaves out most of the instrument's topics, a warning, and no record is
        // below it, another (beside other exports it had been said nowhere).
        XCTAssertEqual(r.outcome.firstIssues.filter { $0.severity >= .warning }.map(\.code), ["questions_missing", "no_records"])
    }

    /// A file cut off inside its header (a download or a copy that did not finish): the header
    /// with no line break and no row after it, or a quoted name never closed on its line, was read
    /// as a file of no respondents without a word on why.
    func testFileCutOffInsideItsHeader() {
        let r = run("cut.csv", "country,municipality,imp_partner")
        assertIssue(r, "header_cut_off", line: 1, column: 3, "imp_partner")
        XCTAssertEqual(r.issue("header_cut_off")?.severity, .warning)
        XCTAssertEqual(r.account.recordsRead, 0)
        let quoted = run("cutq.csv", "\"country\";\"municipality\";\"imp_partner")
        assertIssue(quoted, "header_cut_off", line: 1, column: 3, "never closed")
        XCTAssertEqual(quoted.issue("header_cut_off")?.severity, .error)
        XCTAssertNil(quoted.issue("unclosed_quote"))
        XCTAssertEqual(quoted.account.quarantined, 1)
        // Cut after the quote's line break: the same.
        let afterBreak = run("cutq2.csv", "\"country\";\"municipality\";\"imp_partnerships\r\n")
        assertIssue(afterBreak, "header_cut_off", line: 1, column: 3)
    }

    func testBOMOnly() {
        let r = run("bom.csv", [0xEF, 0xBB, 0xBF])
        assertIssue(r, "empty_file", line: nil, column: nil)
        XCTAssertEqual(r.account.encodingEvidence, "bom")
    }

    // 4–6
    func testPNGImage() {
        let r = run("photo.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        assertIssue(r, "file_unreadable", line: nil, column: nil, "a PNG image")
        XCTAssertNotNil(r.account.failure)
        // The only input could not be read: nothing to report (2), not "problems found" (1).
        XCTAssertEqual(r.outcome.exitCode, 2)
    }

    func testZIPRenamedCSV() {
        let r = run("archive.csv", [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0])
        assertIssue(r, "file_unreadable", line: nil, column: nil, "a ZIP archive")
    }

    /// The XLSForm given where the responses go: refused, and pointed to --instrument (a workbook
    /// of responses is read: `CSVReaderTests.testAResponsesWorkbookIsReadFromItsFirstSheet`).
    func testXLSXGivenWhereACSVIsExpected() throws {
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: Paths.corpora + "/real-exports/kobo-paleocore-artifacts/artifact-kobotoolbox.xlsx"))
        let r = run("form.xlsx", Array(bytes))
        assertIssue(r, "file_unreadable", line: nil, column: nil, "an XLSForm workbook (its survey and choices sheets), no responses: give it as --instrument")
    }

    // 7–11
    func testNULBytes() {
        let r = run("nul.csv", Array((header + "EE,Tallinn,4,").utf8) + [0] + Array("2\n".utf8))
        assertIssue(r, "nul_byte", line: 2, column: 4)
        XCTAssertEqual(r.account.respondents, 1)
    }

    func testNULPaddingAtTheEndOfASmallFile() {
        // A copy or a download cut short pads the file with NULs: the text before them is read.
        // It was "binary data" (the NULs spread over the first 4 KiB), its respondents lost.
        let text = header + "EE,Tallinn,4,2\nLV,Rīga,5,3\n"
        let r = run("padded.csv", Array(text.utf8) + Array(repeating: 0, count: 4096))
        XCTAssertNil(r.account.failure)
        XCTAssertEqual(r.account.respondents, 2)
        assertIssue(r, "nul_byte", line: 4, column: 1, "4096 NUL byte(s)")
        let zeros = run("zeros.csv", Array(repeating: 0, count: 4096))
        assertIssue(zeros, "file_unreadable", line: nil, column: nil, "binary data")
    }

    func testInvalidUTF8InAUTF8File() {
        var bytes = Array(("country,municipality,imp_partnerships,comp_partnerships\nEE,Pärnu linn,4,2\nLV,Rīga,5,3\nLT,Šiaulių miesto savivaldybė,3,1\nEE,Tartu linn,").utf8)
        bytes += [0xFF] + Array("4,2\n".utf8)
        let r = run("damaged.csv", bytes)
        XCTAssertEqual(r.account.encoding, "utf-8")
        XCTAssertEqual(r.account.encodingEvidence, "mostly-utf-8")
        assertIssue(r, "invalid_utf8", line: 5, column: 3)
        XCTAssertEqual(r.account.respondents, 4)
    }

    func testMixedLineEndings() {
        let r = run("mixed.csv", header + "EE,Tallinn,4,2\r\nLV,Rīga,5,3\rLT,Vilniaus miesto savivaldybė,3,1\n")
        XCTAssertEqual(r.account.respondents, 3)
        XCTAssertTrue(r.outcome.firstIssues.allSatisfy { $0.severity == .note || $0.code == "questions_missing" },
                      "\(r.outcome.firstIssues.map(\.code))")
    }

    /// A quote opened and never closed ran over the rest of the file, every row below it lost
    /// in one quarantined field. Its record, cut to line 3, is quarantined, and line 4 is read
    /// again as the respondent it is (a helper's probe lost 9 of 11 respondents so).
    func testQuoteOpenedAndNeverClosed() {
        let r = run("open.csv", header + "EE,Tallinn,4,2\nLV,\"Rīga,5,3\nLT,Vilniaus miesto savivaldybė,3,1\n")
        assertIssue(r, "unclosed_quote", line: 3, column: 2, "the 1 line(s) below, which it ran over, are read again")
        XCTAssertEqual(r.account.quarantined, 1)
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertEqual(r.account.recordsRead, 3)
        let unterminated = run("open2.csv", header + "EE,Tallinn,4,2\nLV,\"Rīga,5,3\nLT,Vilnius,3,1\nLT,Vilnius,9,1")
        assertIssue(unterminated, "unclosed_quote", line: 3, column: 2, "the 2 line(s) below")
        XCTAssertEqual(unterminated.account.respondents, 3)
        // The lines read again keep their numbers: line 5's 9 is told at line 5.
        assertIssue(unterminated, "unknown_value", line: 5, column: 3)
        // Quarantined whole: no word on how many of its fields there are.
        XCTAssertNil(r.issue("ragged_row"))
        XCTAssertNil(unterminated.issue("ragged_row"))
        // On the last line, nothing below it to read again: the old words.
        let last = run("open3.csv", header + "EE,Tallinn,4,2\nLV,\"Rīga,5,3\n")
        assertIssue(last, "unclosed_quote", line: 3, column: 2, "the rest of the file (1 line(s))")
        XCTAssertEqual(last.account.respondents, 1)
    }

    func testStrayQuoteClosedByALaterRecordsQuote() {
        // The stray quote on line 3 is closed by the quote of line 5's comment, which text
        // follows: lines 3-5 ran into one record, its field 2 holding two other rows. Line 3 is
        // quarantined and lines 4-5 are read again, line 5's quote opening its comment as it did.
        let r = run("stray.csv", "country,municipality,imp_partnerships,comp_partnerships,comments\n"
            + "EE,Tallinn,4,2,\nLV,\"Rīga,5,3,\nLT,Vilniaus miesto savivaldybė,3,1,\nEE,Narva linn,2,2,\"Say \"\"hi\"\"\"\n"
            + "LV,Ogres novads,5,7,\n")
        assertIssue(r, "quote_ran_over_lines", line: 3, column: 2, "closes only on line 5")
        XCTAssertEqual(r.issue("quote_ran_over_lines")?.severity, .error)
        XCTAssertEqual(r.account.quarantined, 1)
        XCTAssertEqual(r.account.respondents, 4)
        // Nothing said of line 5's quotes, read as written; line 6 keeps its number.
        XCTAssertNil(r.issue("text_after_closing_quote"))
        XCTAssertNil(r.issue("quote_in_unquoted_field"))
        assertIssue(r, "unknown_value", line: 6, column: 4)
        // A quoted line break with text after the closing quote on the same line is still read.
        let kept = run("kept.csv", "country,municipality,imp_partnerships,comp_partnerships,comments\n"
            + "EE,Tallinn,4,2,\"two\nlines\" and more\n")
        XCTAssertNil(kept.issue("quote_ran_over_lines"))
        XCTAssertEqual(kept.account.respondents, 1)
    }

    func testQuoteOpenedBeforeAnyHeaderIsAQuarantinedRecord() {
        // The quote on line 3 runs on to the end: the record holds the header too, and no table
        // follows. Two blank lines and one quarantined record, not a header of one long name.
        // (A title's line read again would be read with a delimiter guessed from a sample the
        // quote had swallowed: `;` files were read as one column.)
        let r = run("open-first.csv", "\n\n\"Survey export\n" + header + "EE,Tallinn,4,2\n")
        assertIssue(r, "unclosed_quote", line: 3, column: 1, "the rest of the file (3 line(s))")
        assertIssue(r, "no_header", line: nil, column: nil)
        XCTAssertNil(r.issue("empty_file"))
        XCTAssertNil(r.issue("no_matching_questions"))
        XCTAssertEqual(r.account.recordsRead, 3)
        XCTAssertEqual(r.account.blankRows, 2)
        XCTAssertEqual(r.account.quarantined, 1)
        XCTAssertEqual(r.outcome.cannotRun, "no input file has a header row: every record is blank or quarantined (see the messages above)")
        let folder = TemporaryFolder()
        let rows = RowsCommand.run(path: folder.write("open-first.csv", "\"Survey export\n" + header), options: ReaderOptions(), json: false, write: { _ in })
        XCTAssertEqual(rows.summary?.quarantinedRecords, 1, rows.failure ?? "")
        XCTAssertEqual(rows.summary?.dataRecords, 1)
        // So do a title of two cells (`Küsitlus;"kevad 2025`) and a quote before a name that is
        // not the last (its line would be one name, every row ragged: a reviewer's probe).
        for (name, text) in [("title2.csv", "Küsitlus;\"kevad 2025\ncountry;municipality;imp_partnerships;comp_partnerships\nEE;Tallinn;4;2\n"),
                             ("middle.csv", "country;municipality;\"imp_partnerships;comp_partnerships\nEE;Tallinn;4;2\nLV;Rīga;5;3\n")] {
            let kept = run(name, text)
            XCTAssertEqual(kept.issue("unclosed_quote")?.severity, .error, name)
            XCTAssertTrue(kept.issue("unclosed_quote")?.message.contains("the rest of the file") ?? false, name)
            XCTAssertNotNil(kept.outcome.cannotRun, name)
        }
    }

    /// A quote never closed in the header's last name (`…;"Märkused` typed in a sheet, a
    /// helper's probe): the header is kept, the name read to the end of its line, and every row
    /// below is read, with a warning. The whole file had been one quarantined record, and the
    /// run refused.
    func testQuoteNeverClosedInTheHeadersLastNameKeepsTheHeader() {
        let named = run("open-header.csv", "country;municipality;imp_partnerships;comp_partnerships;\"Märkused\n"
            + "EE;Tallinn;4;2;ok\nLV;Rīga;5;3;\nLT;Vilniaus miesto savivaldybė;3;1;\n")
        assertIssue(named, "unclosed_quote", line: 1, column: 5, "above the rows, is never closed: the name is read to the end of its line, and the 3 line(s) below")
        XCTAssertEqual(named.issue("unclosed_quote")?.severity, .warning)
        XCTAssertEqual(named.account.respondents, 3)
        XCTAssertEqual(named.account.quarantined, 0)
        XCTAssertEqual(named.account.unmappedColumns, ["Märkused"])
        XCTAssertNil(named.outcome.cannotRun)
        // Empty columns after the last name (`…;"Märkused;;`, a reviewer's probe) are no name after it.
        let trailing = run("trailing.csv", "country;municipality;imp_partnerships;comp_partnerships;\"Märkused;;\n"
            + "EE;Tallinn;4;2;ok;;\nLV;Rīga;5;3;;;\n")
        XCTAssertEqual(trailing.issue("unclosed_quote")?.severity, .warning)
        XCTAssertEqual(trailing.account.respondents, 2)
        // The name's closing quote lost, a quoted cell some rows below closing it (Microsoft Forms
        // in Windows-1257, a helper's probe: the file had been "cut off", nothing written), or a
        // quoted question with commas in a comma file (Google Forms): the header is kept, and
        // every row is read. (Closed in the first row's own line, the quote cannot be told from
        // one not doubled in a name over two lines, which libcsv reads on: read as before.)
        let cellBelow = run("cell.csv", "country;municipality;imp_partnerships;comp_partnerships;\"Märkused\n"
            + "EE;Tallinn;4;2;\nLV;Rīga;5;3;\"hea, aitäh\"\nLT;Vilniaus miesto savivaldybė;3;1;\n")
        XCTAssertEqual(cellBelow.account.respondents, 3)
        XCTAssertNil(cellBelow.issue("header_cut_off"))
        let commas = run("commas.csv", "country,municipality,imp_partnerships,comp_partnerships,\"Is there anything else, anything at all?\n"
            + "EE,Tallinn,4,2,\nLV,Rīga,5,3,\"yes, more\"\n")
        XCTAssertEqual(commas.account.respondents, 2)
        XCTAssertEqual(commas.account.unmappedColumns, ["Is there anything else, anything at all?"])
        XCTAssertEqual(cellBelow.issue("quote_ran_over_lines")?.severity, .warning)
        // A name over two lines with a quote not doubled inside it, which libcsv reads on as the
        // name (a reviewer's probe: the first version cut the header at the line's end, and every
        // row was ragged), is read as before.
        for (name, text) in [("two-lines.csv", "country;municipality;\"role\n\"ametikoht\" (vali)\";imp_partnerships;comp_partnerships\n"
                                 + "EE;Tallinn;spec;4;2\nLV;Rīga;spec;5;3\n"),
                             ("commas-lines.csv", "country,municipality,\"role\n(vadītājs, speciālists, cits) \"ja cits, precizējiet\"\",imp_partnerships,comp_partnerships\n"
                                 + "LV,Rīga,cits,4,2\nLV,Ogre,spec,5,3\n")] {
            let twoLines = run(name, text)
            XCTAssertEqual(twoLines.account.respondents, 2, name)
            XCTAssertEqual(twoLines.account.quarantined, 0, name)
            XCTAssertNil(twoLines.issue("quote_ran_over_lines"), name)
        }
        // A file that ends inside its header's last name, on its one line, is still cut off.
        let cut = run("cut.csv", "country;municipality;imp_partnerships;\"comp_partn")
        assertIssue(cut, "header_cut_off", line: 1, column: 4, "the file ends inside its header")
    }

    func testQuoteInsideAnUnquotedField() {
        let r = run("quote.csv", header + "EE,Tallinn \"old town\",4,2\n")
        assertIssue(r, "quote_in_unquoted_field", line: 2, column: 2)
        XCTAssertEqual(r.account.respondents, 1)
    }

    // 12–14
    func testOneMegabyteField() {
        let big = String(repeating: "x", count: 1 << 20)
        let r = run("bigfield.csv", "country,municipality,comments\nEE,Tallinn,\"\(big)\"\n")
        XCTAssertEqual(r.account.respondents, 1)
        XCTAssertNil(r.account.failure)
    }

    func testHundredThousandColumnsIsRefusedWithTheLimit() {
        let wide = (0..<100_000).map { "c\($0)" }.joined(separator: ",") + "\n"
        let r = run("wide.csv", wide)
        // The line is the issue's own, and the message does not name the file (or line) again.
        assertIssue(r, "file_unreadable", line: 1, column: nil, "more than 10000 fields")
        XCTAssertTrue(r.issue("file_unreadable")?.message.hasPrefix("more than 10000 fields") ?? false)
        XCTAssertEqual(r.account.failure?.hasPrefix("line 1: more than 10000 fields"), true, "\(String(describing: r.account.failure))")
    }

    func testTenMegabyteLine() {
        let cells = String(repeating: "abcdefghij", count: 1 << 20)
        let r = run("longline.csv", "country,municipality,comments\nEE,Tallinn,\(cells)\n")
        XCTAssertEqual(r.account.respondents, 1)
    }

    func testFieldBeyondTheLimitQuarantinesItsRecordAndReadingGoesOn() {
        let big = String(repeating: "y", count: 3000) + "\n" + String(repeating: "z", count: 3000) + "\r\n"
        let text = header + "EE,Tallinn,4,2\nLV,\"" + big + "\",5,3\nLT,Vilniaus miesto savivaldybė,3,1\n"
        let r = run("limit.csv", text) {
            // The limit is checked as the bytes are read, chunk by chunk: small ones here.
            $0.reader.maxFieldBytes = 1024
            $0.reader.sampleSize = 256
            $0.reader.chunkSize = 700
        }
        assertIssue(r, "field_too_large", line: 3, column: 2, "the record is quarantined")
        XCTAssertNil(r.account.failure)
        XCTAssertEqual(r.account.recordsRead, 3)
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertEqual(r.account.quarantined, 1)
        // The record after it keeps its line: the dropped bytes' line breaks are counted.
        XCTAssertFalse(r.outcome.firstIssues.contains { $0.line == 5 || $0.line == 4 }, "\(r.outcome.firstIssues)")
    }

    func testUnclosedQuotePastTheFieldLimitIsOneQuarantinedRecord() {
        let r = run("open.csv", header + "EE,Tallinn,4,2\nLV,\"" + String(repeating: "y\n", count: 3000)) { $0.reader.maxFieldBytes = 1024 }
        assertIssue(r, "field_too_large", line: 3, column: 2)
        assertIssue(r, "unclosed_quote", line: 3, column: 2, "3000 line(s)")
        XCTAssertEqual(r.account.respondents, 1)
        XCTAssertEqual(r.account.quarantined, 1)
    }

    func testRecordWithTooManyFieldsIsQuarantinedAndTheRestRead() {
        let wide = "LV,Rīga," + Array(repeating: "1", count: 30_000).joined(separator: ",") + "\n"
        let r = run("wide.csv", header + "EE,Tallinn,4,2\n" + wide + "LT,Vilniaus miesto savivaldybė,3,1\n")
        assertIssue(r, "too_many_fields", line: 3, column: 10_001, "more than the limit of 10000")
        XCTAssertNil(r.account.failure)
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertEqual(r.account.quarantined, 1)
    }

    func testHeaderRepeatedMidFileIsNotARespondent() {
        let r = run("twice.csv", header + "EE,Tallinn,4,2\n" + header + "LV,Rīga,5,3\n")
        assertIssue(r, "repeated_header", line: 3, column: 1)
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertEqual(r.account.recordsRead, 2)
        XCTAssertEqual(r.account.repeatedHeaders, 1)
        XCTAssertFalse(r.outcome.firstIssues.contains { $0.code == "unknown_value" })
    }

    /// A respondent of no known place is named at the country column, or the municipality's
    /// without one (it named no column: 473 such lines over the corpora); a file with neither
    /// column has none to name.
    func testUnknownPlaceNamesThePlaceColumn() {
        let both = run("blank.csv", "imp_partnerships,municipality,country\n4,,\n")
        assertIssue(both, "place_unknown", line: 2, column: 3, "neither country nor municipality is known")
        XCTAssertEqual(both.issue("place_unknown")?.question, "country")
        let town = run("town.csv", "imp_partnerships,municipality\n4,\n")
        assertIssue(town, "place_unknown", line: 2, column: 2)
        let neither = run("neither.csv", "imp_partnerships,comp_partnerships\n4,2\n")
        assertIssue(neither, "place_unknown", line: 2, column: nil)
    }

    /// A row of dashes alone, short or as wide as the header, is a blank row: a short one had
    /// been a respondent of no place, in the region's base and blanking a small country (a
    /// probe's). A dash beside an answer, or a negative number, is no such row.
    func testRowOfDashesAloneIsBlank() {
        let text = header + "EE,Tartu linn,4,2\n-,-,-,-\n-,-\n - , \u{2013} ,\u{2014}\n--,,,\nLV,Ogres novads,-,3\n-,-,-5,-\n-,-,- -,-\n"
        let r = run("dashes.csv", text)
        XCTAssertEqual(r.account.blankRows, 4)
        XCTAssertEqual(r.account.respondents, 4)
        XCTAssertTrue(r.account.balances)
        XCTAssertFalse(r.outcome.firstIssues.contains { ($0.code == "ragged_row" || $0.code == "place_blank_below") && $0.line! < 8 }, "\(r.outcome.firstIssues)")
        // Wider than the header: blank too, not quarantined as a row that cannot be aligned.
        let wide = run("wide.csv", header + "EE,Tartu linn,4,2\n-,-,-,-,-,-\n")
        XCTAssertEqual(wide.account.blankRows, 1)
        XCTAssertEqual(wide.account.quarantined, 0)
        // Under a grid of split choice columns a dash is unticked: `-;-;-` answered, wanting none,
        // a respondent in the demand shares' base (a reviewer's: it had been a blank row).
        let grid = run("ticks.csv", "country,training_wanted/intercultural,training_wanted/partnerships\nEE,+,-\n,-,-\n")
        XCTAssertEqual(grid.account.respondents, 2)
        XCTAssertEqual(grid.account.blankRows, 0)
        // A rule across such a sheet, dashes in its place and ratings too, is a blank row still.
        let rule = run("rule.csv", "country,imp_partnerships,training_wanted/intercultural,training_wanted/partnerships\n"
            + "EE,4,+,-\n-,-,-,-\nEE,3,-,+\n")
        XCTAssertEqual(rule.account.respondents, 2)
        XCTAssertEqual(rule.account.blankRows, 1)
        // Through a numbering column too (a third reviewer's).
        let numbered = run("numbered.csv", "Nr,training_wanted/intercultural,training_wanted/partnerships\n1,1,0\n-,-,-\n2,0,1\n")
        XCTAssertEqual(numbered.account.respondents, 2)
        XCTAssertEqual(numbered.account.blankRows, 1)
        XCTAssertTrue(record(" \u{2014}\u{2014} ;;-").holdsDashesOnly)
        XCTAssertFalse(record(";;").holdsDashesOnly)
        XCTAssertFalse(record("----;-").holdsDashesOnly)
        XCTAssertFalse(record("-;\u{2013}x").holdsDashesOnly)
    }

    /// A record of `;`-separated fields, as the reader would build it.
    private func record(_ line: String) -> RecordBuffer {
        let record = RecordBuffer()
        for field in line.split(separator: ";", omittingEmptySubsequences: false) {
            Array(field.utf8).withUnsafeBytes { record.append($0) }
        }
        return record
    }

    func testFootnoteUnderTheTableIsNotARespondent() {
        let text = "country;municipality;imp_partnerships;comp_partnerships\nEE;Tartu linn;4;2\nEE;Tallinn;3;3\n;;;\nKokku: 2 vastajat;;\n"
        for sampleSize in [1 << 20, 80] {
            let r = run("foot.csv", text) { $0.reader.sampleSize = sampleSize }
            assertIssue(r, "footnote_skipped", line: 5, column: 1)
            XCTAssertEqual(r.account.respondents, 2)
            XCTAssertEqual(r.account.blankRows, 1)
            XCTAssertEqual(r.account.footnoteRecords, 1)
            XCTAssertFalse(r.outcome.firstIssues.contains { $0.code == "place_unknown" }, "\(r.outcome.firstIssues)")
        }
    }

    // 15–21
    func testDuplicateHeaderNames() {
        let r = run("dup.csv", "country,imp_partnerships,imp_partnerships\nEE,4,5\n")
        assertIssue(r, "duplicate_column", line: 1, column: 3)
        XCTAssertEqual(r.account.respondents, 1)
    }

    /// Values in a column with no header (a note typed beside the table, a column whose heading
    /// was deleted) cannot be read, and were dropped without a word; empty ones, as Excel pads
    /// rows with delimiters, say nothing.
    func testValuesInAColumnWithNoHeaderAreReported() {
        let r = run("noname.csv", "country,imp_partnerships,,comp_partnerships,\nEE,4,,2,\nEE,3,checked by Mari,3,\nLV,5,,2,\nLV,2,see above,2,\n")
        assertIssue(r, "values_without_header", line: 3, column: 3, "2 value(s) stand in columns with no header")
        XCTAssertEqual(r.account.respondents, 4)
        let padded = run("padded.csv", "country,imp_partnerships,comp_partnerships,,\nEE,4,2,,\nLV,5,2,,\n")
        XCTAssertNil(padded.issue("values_without_header"))
    }

    func testHeaderMissing() {
        let r = run("noheader.csv", "EE,Tallinn,4,2\nLV,Rīga,5,3\n")
        // Named at the first column that is no question (the message named no column).
        assertIssue(r, "no_matching_questions", line: 1, column: 1, "(the first, column 1: `EE`)")
        XCTAssertEqual(r.account.quarantined, 1)
        XCTAssertEqual(r.outcome.exitCode, 2)
    }

    func testHeaderBelowTitleRows() {
        let r = run("titled.csv", "Survey of Tartu staff;;;\nJanuary 2025;;;\ncountry;municipality;imp_partnerships;comp_partnerships\nEE;Tartu linn;4;2\n")
        assertIssue(r, "preamble_skipped", line: 1, column: 1)
        XCTAssertEqual(r.outcome.firstIssues.filter { $0.code == "preamble_skipped" }.count, 2)
        XCTAssertEqual(r.account.respondents, 1)
        XCTAssertEqual(r.account.preambleRecords, 2)
    }

    /// The `--weights` column is read: it is not among the columns "not carried further" (the
    /// note named it so, as if its weights were ignored), nor a Kobo column of an older version.
    func testWeightColumnIsNotListedAsUnmapped() {
        let r = run("weighted.csv", "country;municipality;imp_partnerships;weight;remarks;_uuid\nEE;Narva;4;1,5;x;u1\n") {
            $0.normalize.weightColumn = "Weight"
        }
        assertIssue(r, "unmapped_columns", line: 1, column: 5, "1 column(s)")
        XCTAssertFalse(r.issue("unmapped_columns")?.message.contains("weight") ?? true)
        XCTAssertFalse(r.issue("columns_not_in_form_version")?.message.contains("weight") ?? false)
        XCTAssertNil(r.issue("weight_invalid"))
    }

    /// A file named with a line break or a tab keeps its diagnostics one line each.
    func testAFileNameWithControlCharactersStaysOnOneLine() {
        let d = Diagnostic(.warning, file: "a\nb\tc\u{1B}.csv", line: 2, column: 3, code: "ragged_row", message: "m")
        XCTAssertEqual(d.description, "a\\nb\\tc\\u{1B}.csv:2:3: warning: m [ragged_row]")
        // `needs rows` writes a field so too, and its backslashes, so that `\n` in a field reads apart.
        XCTAssertEqual(Diagnostic.escapingControls("C:\\x\n\u{1B}", backslashes: true), "C:\\\\x\\n\\u{1B}")
        XCTAssertEqual(Diagnostic.escapingControls("C:\\x"), "C:\\x")
    }

    /// `--weights COLUMN` that no input file has cannot run (every respondent would weigh 0 and
    /// every figure be blank); when one file has it, the run goes on with an error for the other.
    func testAWeightColumnNoFileHasCannotRun() throws {
        let r = run("unweighted.csv", "country;municipality;imp_partnerships\nEE;Narva;4\n") { $0.normalize.weightColumn = "w" }
        XCTAssertEqual(r.outcome.exitCode, 2)
        // It names the column and what to give instead (it named neither).
        XCTAssertEqual(r.outcome.cannotRun, "no input file has the weight column `w` (--weights): every respondent would weigh 0 and every figure be blank; "
                       + "give --weights respondent, municipality, or a numeric column of the exports")
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("a.csv", "country;municipality;imp_partnerships;w\nEE;Narva;4;2\n"),
                          folder.write("b.csv", "country;municipality;imp_partnerships\nEE;Narva;5\n")]
        options.outputPath = folder.path + "/out"
        options.aggregation.weights = .column("w")
        options.normalize.weightColumn = "w"
        let outcome = try Pipeline.report(options)
        XCTAssertNil(outcome.cannotRun)
        XCTAssertEqual(outcome.exitCode, 1)
        XCTAssertEqual(outcome.firstIssues.filter { $0.code == "weight_column_missing" }.map(\.file), ["b.csv"])
    }

    func testHeaderIssuesNameTheHeadersLineBelowTitleRows() {
        // Titles, a padded blank row, then the header on line 4: what the header leaves out or
        // repeats is said at line 4 (and its column), where the header is, not at line 1.
        let text = "Survey of Tartu staff;;;;\r\nJanuary 2025;;;;\r\n;;;;\r\n"
            + "country;municipality;imp_partnerships;imp_partnerships;remarks\r\nEE;Tartu linn;4;2;x\r\n"
        let r = run("titled.csv", text) { $0.normalize.weightColumn = "weight" }
        XCTAssertEqual(r.account.preambleRecords, 2)
        XCTAssertEqual(r.account.respondents, 1)
        assertIssue(r, "duplicate_column", line: 4, column: 4)
        assertIssue(r, "unmapped_columns", line: 4, column: 5, "remarks")
        assertIssue(r, "questions_missing", line: 4, column: nil)
        assertIssue(r, "weight_column_missing", line: 4, column: nil)
        // Without titles the header is line 1, as before.
        let plain = run("plain.csv", "country,imp_partnerships,imp_partnerships\nEE,4,5\n")
        assertIssue(plain, "duplicate_column", line: 1, column: 3)
        assertIssue(plain, "questions_missing", line: 1, column: nil)
    }

    func testHeaderBelowATitleAndAPaddedBlankRow() {
        // Excel pads every row to the table's width: the blank row above the header is `;;;`.
        let r = run("padded.csv", "Survey of Tartu staff;;;\r\n;;;\r\ncountry;municipality;imp_partnerships;comp_partnerships\r\nEE;Tartu linn;4;2\r\nEE;Tartu linn;5;3\r\n")
        assertIssue(r, "preamble_skipped", line: 1, column: 1)
        XCTAssertEqual(r.outcome.firstIssues.filter { $0.code == "preamble_skipped" }.count, 1)
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertEqual(r.account.blankRows, 1)
        XCTAssertEqual(r.account.quarantined, 0)
        XCTAssertEqual(r.account.preambleRecords, 1)
    }

    func testHXLRowUnderARepeatedHeaderIsPartOfIt() {
        let hxl = "#country,#adm2+name,,\n"
        let r = run("hxl.csv", header + hxl + "EE,Tallinn,4,2\n" + header + hxl + "LV,Rīga,5,3\n")
        XCTAssertEqual(r.outcome.firstIssues.filter { $0.code == "hxl_row" }.map(\.line), [2, 5])
        // Named at its first hashtag (the message named no column) ...
        assertIssue(r, "hxl_row", line: 2, column: 1, "HXL hashtag row under the header (`#country` first)")
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertEqual(r.account.quarantined, 0)
        XCTAssertEqual(r.account.recordsRead, 2)
        XCTAssertEqual(r.account.repeatedHeaders, 1)
    }

    /// ... or at a cell of the hashtag row that holds no hashtag: its text is read as no answer.
    func testHXLRowNamesACellThatIsNoHashtag() {
        let r = run("hxlnote.csv", header + "#country,#adm2+name,checked,\nEE,Tallinn,4,2\n")
        assertIssue(r, "hxl_row", line: 2, column: 3, "with `checked` in column 3, which is no hashtag")
        XCTAssertEqual(r.account.respondents, 1)
    }

    func testTrailingDelimiterOnEveryLine() {
        let r = run("trailing.csv", "country;municipality;imp_partnerships;\nEE;Tallinn;4;\nLV;Rīga;5;\n")
        assertIssue(r, "trailing_delimiter", line: 1, column: 4)
        XCTAssertEqual(r.account.respondents, 2)
    }

    func testWrongDelimiterForcedByTheUser() {
        let r = run("forced.csv", "country;municipality;imp_partnerships\nEE;Tallinn;4\n") { $0.reader.delimiter = UInt8(ascii: ",") }
        assertIssue(r, "no_matching_questions", line: 1, column: 1, "(the first, column 1: `country;municipality;imp_partnerships`)")
        XCTAssertEqual(r.outcome.exitCode, 2)
    }

    func testFileTruncatedMidRecord() {
        let r = run("truncated.csv", header + "EE,Tallinn,4,2\nLV,Rī")
        assertIssue(r, "ragged_row", line: 3, column: 3)
        XCTAssertEqual(r.account.respondents, 2)
    }

    func testExportOfAnotherSurvey() {
        let r = run("birds.csv", "species,count,observer\nfox,2,x\nowl,1,y\n")
        assertIssue(r, "no_matching_questions", line: 1, column: 1, "another survey")
        XCTAssertEqual(r.issue("no_matching_questions")?.message,
                       "no column matches a question of instrument `integration_academy_tna` (the first, column 1: `species`): "
                       + "is this an export of another survey, or is --instrument the wrong form? None of its rows is read as a respondent")
        XCTAssertEqual(r.account.quarantined, 2)
        XCTAssertEqual(r.outcome.exitCode, 2)
    }

    // 22–25
    func testScaleAnswerOutOfRange() {
        let r = run("seven.csv", header + "EE,Tallinn,7,2\n")
        assertIssue(r, "unknown_value", line: 2, column: 3, "`7` is not a choice of question `imp_partnerships` (Partnerships for integration) from list `importance5`; treated as missing")
        XCTAssertEqual(r.account.respondents, 1)
    }

    func testTextInANumericAnswer() throws {
        let folder = TemporaryFolder()
        folder.write("i/survey.csv", "type,name,label\ninteger,staff_count,Staff\nselect_one country,country,Country\n")
        folder.write("i/choices.csv", "list_name,name,label\ncountry,EE,Estonia\n")
        folder.write("i/settings.csv", "form_id\nn\n")
        let input = folder.write("n.csv", "country,staff_count\nEE,twelve\nEE,12\n")
        var options = RunOptions()
        options.instrumentPath = folder.path + "/i"
        options.inputs = [input]
        let outcome = try Pipeline.check(options)
        let issue = try XCTUnwrap(outcome.firstIssues.first { $0.code == "not_a_number" })
        XCTAssertEqual(issue.line, 2)
        XCTAssertEqual(issue.column, 2)
        XCTAssertEqual(outcome.accounts.first?.respondents, 2)
        XCTAssertTrue(outcome.accounts.first!.balances)
    }

    func testCountryNotInTheRegion() {
        let r = run("ukraine.csv", header + "Україна,Kyiv,4,2\n")
        assertIssue(r, "unknown_value", line: 2, column: 1)
        assertIssue(r, "municipality_unknown", line: 2, column: 2)
        XCTAssertEqual(r.account.respondents, 1)
    }

    func testSameSubmissionTwiceWithDifferentAnswers() {
        let r = run("twice.csv", "country,_uuid,municipality,imp_partnerships\nEE,u1,Tallinn,4\nEE,u1,Tallinn,5\nEE,u1,Tallinn,4\n")
        // At the submission ID's column.
        assertIssue(r, "duplicate_submission_conflict", line: 3, column: 2)
        assertIssue(r, "duplicate_submission", line: 4, column: 2)
        XCTAssertEqual(r.account.respondents, 1)
        XCTAssertEqual(r.account.duplicates, 2)
    }

    // 26–30
    func testSymlinkLoopAmongInputs() throws {
        let folder = TemporaryFolder()
        folder.write("in/good.csv", header + "EE,Tallinn,4,2\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/loop", withDestinationPath: folder.path + "/in/loop")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in"]
        let outcome = try Pipeline.check(options)
        XCTAssertEqual(outcome.respondents, 1)
        let problem = try XCTUnwrap(outcome.inputProblems.first)
        XCTAssertEqual(problem.code, "input_unreadable")
        XCTAssertEqual(problem.file, "in/loop")
        XCTAssertEqual(outcome.exitCode, 1)
    }

    func testOutputFolderThatCannotBeWritten() throws {
        let folder = TemporaryFolder()
        let blocker = folder.write("file-not-folder", "x")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("in.csv", header + "EE,Tallinn,4,2\n")]
        options.outputPath = blocker + "/reports"
        XCTAssertThrowsError(try Pipeline.report(options)) { error in
            XCTAssertTrue("\(error)".contains("cannot write"), "\(error)")
            XCTAssertTrue("\(error)".contains("file-not-folder"), "\(error)")
        }
    }

    func testInputFileChangingWhileRead() throws {
        let folder = TemporaryFolder()
        let path = folder.write("growing.csv", header + "EE,Tallinn,4,2\n")
        var diagnostics: [Diagnostic] = []
        var appended = false
        _ = try CSVReader(path: path).read(diagnose: { diagnostics.append($0) }) { _ in
            if !appended {
                appended = true
                let handle = FileHandle(forWritingAtPath: path)!
                handle.seekToEndOfFile()
                handle.write(Data("LV,Rīga,5,3\n".utf8))
                handle.closeFile()
            }
        }
        XCTAssertEqual(diagnostics.map(\.code), ["file_changed"])
    }

    /// An input that is a symbolic link to nothing (a share not mounted, a file moved), named or in
    /// a folder, is said to be one, with where it leads: it was "cannot read: No such file or
    /// directory" of a file the user could see listed.
    func testALinkToNothingIsNamedAsOne() throws {
        let folder = TemporaryFolder()
        folder.write("in/EE.csv", header)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/LV.csv", withDestinationPath: "/mnt/share/LV.csv")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        for (inputs, file) in [([folder.path + "/in"], "in/LV.csv"), ([folder.path + "/in/LV.csv", folder.path + "/in/EE.csv"], "LV.csv")] {
            options.inputs = inputs
            let outcome = try Pipeline.check(options)
            XCTAssertEqual(outcome.inputProblems.map(\.description),
                           ["\(file): error: cannot read: it is a symbolic link to /mnt/share/LV.csv, which cannot be reached "
                            + "(No such file or directory) [\(inputs.count == 1 ? "input_unreadable" : "input_missing")]"])
            // The reports, which the partners receive, name the target by its last component
            // (a reviewer's probe: `/home/mari.tamm/Downloads/…` had reached summary.json).
            XCTAssertEqual(outcome.inputProblems.map(\.message),
                           ["cannot read: it is a symbolic link to …/LV.csv, which cannot be reached (No such file or directory)"])
        }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/in/LT.csv",
                                                   withDestinationPath: "/home/mari.tamm/Downloads/jonas@vilnius.lt 38001010000.csv")
        folder.write("in/EE.csv", header + "EE,Tartu linn,4,2\n")
        options.inputs = [folder.path + "/in"]
        let out = TemporaryFolder()
        options.outputPath = out.path + "/reports"
        _ = try Pipeline.report(options)
        for report in ["summary.json", "clean/issues.csv"] {
            let text = try String(contentsOfFile: out.path + "/reports/" + report, encoding: .utf8)
            XCTAssertFalse(text.contains("mari.tamm") || text.contains("/mnt/share") || text.contains("vilnius.lt")
                           || text.contains("38001010000"), text)
            XCTAssertTrue(text.contains("symbolic link to …/[removed] [removed].csv, which cannot be reached"), text)
            XCTAssertTrue(text.contains("symbolic link to …/LV.csv, which cannot be reached"), text)
        }
    }

    func testTooManyFiles() {
        let folder = TemporaryFolder()
        for k in 0..<3 { folder.write("in/\(k).csv", header) }
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in"]
        options.maxFiles = 2
        let outcome = try! Pipeline.check(options)
        XCTAssertEqual(outcome.inputProblems.first?.code, "too_many_files")
        XCTAssertTrue(outcome.accounts.isEmpty)
        XCTAssertEqual(outcome.exitCode, 2)
        // Files named one by one (a shell's `*.csv`) are named by the first and a count: the
        // message named every path, joined by spaces, as its file.
        options.inputs = (0..<3).map { folder.path + "/in/\($0).csv" }
        let named = try! Pipeline.check(options)
        XCTAssertEqual(named.inputProblems.first?.description,
                       "\(folder.path)/in/0.csv and 2 other input(s): error: 3 files; a run reads at most 2: name fewer inputs [too_many_files]")
    }

    func testSepLineAfterABOM() {
        let r = run("sep.csv", [0xEF, 0xBB, 0xBF] + Array("sep=;\r\ncountry;municipality;imp_partnerships\r\nEE;Tallinn;4\r\n".utf8))
        XCTAssertEqual(r.account.delimiter, ";")
        XCTAssertEqual(r.account.respondents, 1)
    }

    /// A `sep=;` line above a comma-separated table (a line kept from another file) names a
    /// delimiter no row holds: the rows are read as they are separated, with a warning at line 1.
    /// It had read every row as one field and quarantined them all as another survey's, naming
    /// no line (a probe's). A line naming a delimiter the rows hold still decides.
    func testSepLineNamingADelimiterNoRowHolds() {
        let r = run("sep.csv", "sep=;\r\n" + header.replacingOccurrences(of: "\n", with: "\r\n") + "EE,Tallinn,4,2\r\nEE,Narva,9,2\r\n")
        assertIssue(r, "sep_line_wrong", line: 1, column: 1, "the first line, `sep=;`, names a delimiter no row holds: the rows are read with `,`")
        XCTAssertEqual(r.account.delimiter, ",")
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertEqual(r.account.quarantined, 0)
        assertIssue(r, "unknown_value", line: 4, column: 3)
        let right = run("right.csv", "sep=,\r\n" + header + "EE,Tallinn,4,2\n")
        XCTAssertNil(right.issue("sep_line_wrong"))
        XCTAssertEqual(right.account.respondents, 1)
        // One column whose values hold commas: the line is the file's (a reviewer's case).
        let text = Array("sep=;\ncomments\nhello, world\nyes, please\nno, thanks\n".utf8)
        XCTAssertEqual(DialectSniffer.sniff(text, isWholeFile: true).evidence, .sepLine)
    }

    // 31–34
    func testUTF16WithAnOddTrailingByte() {
        let r = run("odd.txt", [0xFF, 0xFE] + encode("country\tmunicipality\r\nEE\tTallinn\r\n", as: .utf16LE) + [0x41])
        // The stray byte becomes U+FFFD on a line of its own: reported, and (a short row at the
        // end, one cell filled) skipped as a footnote, with a note.
        assertIssue(r, "invalid_bytes", line: 3, column: 1)
        assertIssue(r, "footnote_skipped", line: 3, column: 1)
        XCTAssertEqual(r.account.respondents, 1)
        XCTAssertEqual(r.account.footnoteRecords, 1)
    }

    /// A UTF-8 file cut off inside its last character (`Kėdainių` cut after the first byte of
    /// `ė`) says so and leaves the half character out: it had been read as windows-1257, as if
    /// typed in another program (`KÄ`). A last row cut short with no line break after it says the
    /// file looks cut off; a short last row ended by a line break is only short.
    func testAFileCutOffInsideItsLastCharacterOrRow() {
        let text = Array((header + "EE,Tallinn,4,2\nLT,Kėdainių rajono savivaldybė,3,1\nLT,K").utf8) + [0xC4]
        let r = run("cut.csv", text)
        assertIssue(r, "invalid_bytes", line: 4, column: 2, "the file ends inside a UTF-8 character: it looks cut off")
        XCTAssertNil(r.issue("invalid_utf8"))
        assertIssue(r, "ragged_row", line: 4, column: 3, "the file's last line, with no line break after it: the file looks cut off")
        XCTAssertEqual(r.account.respondents, 3)
        // Rows above short too (trailing empty cells left off): no alarm (a reviewer's case).
        let routine = run("routine.csv", header + "EE,Tallinn,4\nEE,Tartu linn,4")
        XCTAssertFalse(routine.outcome.firstIssues.contains { $0.message.contains("cut off") }, "\(routine.outcome.firstIssues)")
        let ended = run("short.csv", header + "EE,Tallinn,4,2\nEE,Tartu linn\n")
        assertIssue(ended, "ragged_row", line: 3, column: 3)
        XCTAssertFalse(ended.issue("ragged_row")!.message.contains("cut off"))
        // A character broken inside the file, not at its end, is still read as a code page's.
        let inside = run("inside.csv", Array((header + "LT,Kėdainių rajono savivaldybė,3,1\nLT,K").utf8) + [0xC4] + Array(",4,2\n".utf8))
        XCTAssertNotNil(inside.issue("invalid_utf8"))
        XCTAssertFalse(inside.outcome.firstIssues.contains { $0.message.contains("cut off") })
    }

    /// A file of blank lines is said to hold blank lines only, not to be empty beside its count
    /// of blank records; an empty argument is named as one (the message had begun `: error:`).
    func testAFileOfBlankLinesAndAnEmptyPath() throws {
        let r = run("blank.csv", "\n\n\r\n")
        assertIssue(r, "empty_file", line: nil, column: nil, "no header row: the file holds blank lines only")
        XCTAssertEqual(r.account.blankRows, 3)
        let none = run("none.csv", "")
        assertIssue(none, "empty_file", line: nil, column: nil, "no header row: the file is empty")
        let expansion = InputFiles.expand([""])
        XCTAssertEqual(expansion.problems.map(\.file), ["\"\""])
        XCTAssertEqual(expansion.problems.first?.message, "an empty path was given as an input (a variable left unset?)")
    }

    func testBlankLinesOnly() {
        let r = run("blank.csv", header + "\n\n,,,\n\n")
        XCTAssertEqual(r.account.blankRows, 4)
        XCTAssertEqual(r.account.respondents, 0)
    }

    /// A hand-made sheet's totals, subtotals and averages, in each language of the surveys, are
    /// not respondents (they had each become one with no place, lowering every demand share);
    /// a respondent whose first cell only starts like such a word stays one, and so does one
    /// whose first filled cell is a rating's label starting with such a word, words beside it
    /// (`Vidēji svarīgi`, `Vidutiniškai svarbu`, `Keskmine`: a helper's probe lost three of 12).
    func testTotalsAndAverageRowsAreNotRespondents() {
        let sheet = "municipality;country;imp_partnerships;comp_partnerships\n"
            + "Tallinn;EE;4;2\nTartu linn;EE;5;3\n"
            + "Kokku;;;4,5;2,5\nKeskmine:;;4.5;2.5\n"
            + "Rīga;LV;3;1\nKopā;;3;1\n"
            + "Vilniaus miesto savivaldybė;LT;5;2\nIš viso;;5;2\n"
            + ";Итого по району;4;2\n"
            + "Summerfield;EE;2;2\nTotal (n = 5);;4.0;2.0\nAverage;;4;2\nKeskmine;;#DIV/0!;–\nVidēji;;45 %;4,5 (0,8)\n"
            + ";;Vidēji svarīgi;Ļoti svarīgi\n;;Vidutiniškai svarbu;Svarbu\n;;Keskmine;Keskmine\n;;Vidēji svarīgi;Jā\nKokku\n"
        let r = run("totals.csv", sheet)
        XCTAssertEqual(r.account.respondents, 9)
        XCTAssertEqual(r.account.footnoteRecords, 10)
        assertIssue(r, "totals_row_skipped", line: 4, column: 1, "Kokku")
        assertIssue(r, "footnote_skipped", line: 20, column: 1)
        XCTAssertEqual(r.outcome.issueCounts.filter { $0.key.code == "totals_row_skipped" }.values.reduce(0, +), 9)
    }

    /// The same words saved as "CSV" in a code page without their letters (`Vid?ji`, `Kop?`,
    /// `I? viso`, `Vidutini?kai`): a differential tester's `Vid?ji;;4.50;3.00` had become a
    /// respondent of no place. A `?` where the word has a letter of ASCII (`Kop?a`) heads no
    /// totals row, and Russian whose letters were all lost (`?????`) tells nothing.
    func testTotalsRowsWithLettersLostAreNotRespondents() {
        let sheet = "municipality;country;imp_partnerships;comp_partnerships\n"
            + "Riga;LV;4;2\nVid?ji;;4.50;3.00\nKop?;;9;5\nI? viso;;9;5\nVidutini?kai;;4,5;2,5\n"
            + "Kop?a;;4;2\n?????;;4;2\nOgre;LV;5;3\n"
            // The totals word last (a reviewer's rows, respondents of no place).
            + "Ogres novads kop?;;4,5;3\nRespondent? skai?ius;;2;2\n"
            // The label's first letter lost (a differential tester's, a respondent of no place).
            + "?iauli? m. vidurkis;;4,50;3,00\n?levaade kokku;;9;5\n"
        let r = run("totals-lost.csv", sheet)
        XCTAssertEqual(r.account.respondents, 4)
        XCTAssertEqual(r.account.footnoteRecords, 8)
        assertIssue(r, "totals_row_skipped", line: 3, column: 1, "Vid?ji")
        let skipped = r.outcome.firstIssues.filter { $0.code == "totals_row_skipped" }
        XCTAssertEqual(skipped.map(\.line), [3, 4, 5, 6, 10, 11, 12, 13])
    }

    /// A sheet's average and count rows under a country filled down its column (`EE;Keskmine;;3,9`,
    /// `Eesti;Vastajaid kokku;;10`): each had been a respondent of no municipality, its averages
    /// read as ratings (a probe's: shares of 5 in 12, not 10). A respondent's row of the same
    /// country stays one, and a country alone before figures is no label.
    func testTotalsRowsBehindAFilledDownCountryAreNotRespondents() {
        let sheet = "country;municipality;role;imp_intercultural;comp_intercultural;imp_partnerships;comp_partnerships\n"
            + "EE;Narva linn;teacher;4;2;3;1\nEE;Narva linn;teacher;3;3;2;2\n"
            + "EE;Keskmine;;3,5;2,5;2,5;1,5\nEE;Vastajaid;;2;2;2;2\nEesti;Kokku;;2;2;2;2\nEE;n=2;;2;2;2;2\nEE;SD:;;0,5;0,5;0,5;0,5\n"
            + "EE;;teacher;4;2;3;1\n"
        let r = run("filled-down.csv", sheet)
        XCTAssertEqual(r.account.respondents, 3)
        XCTAssertEqual(r.account.footnoteRecords, 5)
        XCTAssertEqual(r.outcome.firstIssues.filter { $0.code == "totals_row_skipped" }.map(\.line), [4, 5, 6, 7, 8])
        assertIssue(r, "totals_row_skipped", line: 4, column: 2, "Keskmine")
    }

    /// More of the words clerks head a totals or average row with (`Keskm.`, `Kõik kokku`,
    /// `Vidutinis`, `Средний балл`, `Итог:`, `Avg.`, `Σ`), the label further right in a sheet
    /// that numbers its rows, and a row of averages with no label at all: each had become a
    /// respondent (a probe), its rounded averages counted as ratings. A respondent who left the
    /// first columns blank stays one, `4,5` and all.
    func testMoreTotalsRowsAreNotRespondents() {
        let sheet = "nr;municipality;country;imp_partnerships;comp_partnerships;imp_intercultural\n"
            + "1;Tallinn;EE;4;2;5\n2;Tartu linn;EE;5;3;4\n"
            + ";Keskm.;;4,5;2,5;4,5\n;;Kõik kokku;9;5;9\n;Vastajaid kokku;;2;2;2\n;Kopsumma;;9;5;9\n"
            + "Vidutinis;;;4,5;2,5;4,5\n;Средний балл;;4,5;2,5;4,5\n;Итог:;;9;5;9\n;Avg.;;4.5;2.5;4.5\nΣ;;;9;5;9\n∑;;;9;5;9\n"
            + ";;;Keskmine;4,5;2,5\n"
            + ";;;4,333333;2;1,666667\n;;;4.67;;3.50\n"
            + ";;;4;2;5\n;;;4,5;3;4\n"
            // A reviewer's cases: a respondent's date, a computed average column beside ratings.
            + ";16.01.2025;;4;3;5\n;;;4;5;4,33\n"
            // A small group's averages, whole or halves: two fractions make a row of averages.
            + ";;;4;3,5;2,75\n"
        let r = run("more-totals.csv", sheet)
        // A small group's averages, mostly whole, all written with two decimals (a differential
        // tester's row, a respondent of no place); a respondent's computed average beside ratings
        // with two decimals stays one, and so do whole figures alone, which nothing tells apart.
        let small = run("small-group.csv", "country;imp_intercultural;imp_partnerships;imp_disinformation\n"
            + "LV;4;3;5\nLV;5;3;5\n;4,50;3,00;5,00\n;4;3;4,33\n;4,00;3,00;5,00\n")
        XCTAssertEqual(small.account.respondents, 4)
        XCTAssertEqual(small.outcome.firstIssues.filter { $0.code == "totals_row_skipped" }.map(\.line), [4])
        XCTAssertEqual(r.account.respondents, 6)
        XCTAssertEqual(r.account.footnoteRecords, 14)
        assertIssue(r, "totals_row_skipped", line: 4, column: 2, "Keskm.")
        let skipped = r.outcome.firstIssues.filter { $0.code == "totals_row_skipped" }
        XCTAssertTrue(skipped.contains { $0.line == 14 && $0.column == 4 && $0.message.contains("`Keskmine`") }, "\(skipped)")
        XCTAssertTrue(skipped.contains { $0.line == 15 && $0.column == 4 && $0.message.contains("no label") }, "\(skipped)")
        XCTAssertEqual(skipped.map(\.line), Array(4...16) + [21])
        XCTAssertEqual(r.outcome.issueCounts.filter { $0.key.code == "totals_row_skipped" }.values.reduce(0, +), 14)
        // A COUNTIF under the tick columns with no label (a probe's: a respondent of no place
        // wanting nothing, each count an unknown_value). Counts of 0 and 1 alone are a
        // respondent's ticks as well: that row stays one.
        let ticks = "Nr;Amet;imp_intercultural;training_wanted/intercultural;training_wanted/partnerships;training_wanted/disinformation\n"
            + "1;Muu;5;1;1;0\n2;Muu;4;1;0;0\n3;Muu;3;0;1;0\n"
        let counted = run("counts.csv", ticks + ";;;2;2;0\n")
        XCTAssertEqual(counted.account.respondents, 3)
        assertIssue(counted, "totals_row_skipped", line: 5, column: 4, "read as the sheet's counts of ticks")
        XCTAssertNil(counted.issue("unknown_value"))
        let ones = run("ones.csv", ticks + ";;;1;0;1\n")
        XCTAssertEqual(ones.account.respondents, 4)
        XCTAssertNil(ones.issue("totals_row_skipped"))
        // A respondent's row with a rating beside the ticks stays one, a 2 in it told of.
        let rated = run("rated.csv", ticks + ";;4;2;1;0\n")
        XCTAssertEqual(rated.account.respondents, 4)
        XCTAssertNotNil(rated.issue("unknown_value"))
    }

    /// A row of a hand-made sheet no cell of which is an answer (a legend under the header,
    /// `1-5` over each rating column, or a row of averages under a label the reader does not
    /// know): quarantined, not a respondent of no place in every share's base (a helper's probe:
    /// 32 respondents of 30). A respondent whose one answer is off the list, a place read, or a
    /// row number, stays one.
    func testARowOfNoAnswerIsQuarantined() {
        let sheet = "nr;municipality;country;imp_partnerships;comp_partnerships\n"
            + ";;;1-5;1-5\n;;;(1 = madal, 5 = kõrge);(1 = madal, 5 = kõrge)\n"
            + "1;Tallinn;EE;4;2\n2;Tartu linn;EE;5;3\n"
            + "Tulemus;;;4,5;2,5\n"
            + "3;Narva linn;EE;kinda;2\n;Narva linn;EE;kinda;\n4;;;kinda;\n"
        let r = run("legend.csv", sheet)
        XCTAssertEqual(r.account.respondents, 5)
        XCTAssertEqual(r.account.quarantined, 3)
        let quarantined = r.outcome.firstIssues.filter { $0.code == "no_answer_read" }
        XCTAssertEqual(quarantined.map(\.line), [2, 3, 6])
        XCTAssertEqual(quarantined.first?.column, 4)
        XCTAssertEqual(quarantined.first?.message, "no cell of the row is an answer of its column (`1-5`, `1-5`): a legend, a row of averages or a note, not a respondent; quarantined")
    }

    /// A note or a count between a hand-made sheet's blocks of rows, saved as wide as the header
    /// (`Kokku: 2 vastajat;;;;;`, `Märkus: ...`): set aside with a `note_row` note, not a
    /// respondent of no place in every share's base (a probe's: the region's shares diluted, 60 %
    /// read as 50 %). A row of its place alone (`Eesti`) is a blank row as before, one of a number
    /// alone a respondent, and so is one of words alone, a comment typed in the want-training
    /// column (a reviewer's case): a note reads as one, a label and a colon, or a totals word.
    func testANoteBetweenTheRowsIsNoRespondent() {
        let sheet = "Riik;Omavalitsus;Teie amet;imp_intercultural;comp_intercultural;training_wanted\n"
            + "Eesti;Narva linn;teacher;5;2;intercultural\nEesti;Narva linn;teacher;4;3;\n"
            + "Kokku: 2 vastajat;;;;;\n"
            + "Eesti;Tartu linn;teacher;3;3;intercultural\n"
            + "Märkus: Tartu andmed lisatud 15.01;;;;;\n"
            + "Eesti;Tartu linn;teacher;2;2;\n"
            + "Eesti;;;;;\n7;;;;;\n"
            + "Eesti;Tartu linn;teacher;1;2;\n"
            // Further right a label and a colon are an answer (a reviewer's): a respondent.
            + "Kokku 2;;;;;\n;;Õpetaja: algklassid;;;\n;;;;;Koolitus võiks olla eesti keeles\n"
        let r = run("blocks.csv", sheet)
        XCTAssertEqual(r.account.respondents, 8)
        XCTAssertEqual(r.account.quarantined, 3)
        XCTAssertEqual(r.account.blankRows, 1)
        let notes = r.outcome.firstIssues.filter { $0.code == "note_row" }
        XCTAssertEqual(notes.map(\.line), [4, 6, 11])
        XCTAssertEqual(notes.map(\.column), [1, 1, 1])
        XCTAssertEqual(notes.first?.severity, .note)
        XCTAssertEqual(notes.first?.message, "`Kokku: 2 vastajat`, the row's one filled cell, is no answer of its column: "
                       + "a note or a count between the table's rows, not a respondent; set aside")
        XCTAssertFalse(r.outcome.firstIssues.contains { $0.line == 4 || $0.line == 6 ? $0.code != "note_row" : false },
                       "\(r.outcome.firstIssues.map { ($0.line, $0.code) })")
        // A place stated so (`Savivaldybė: Alytaus miesto`) is a details line, read before: the
        // place of the rows below, not a note set aside.
        let place = run("place.csv", "Riik;Omavalitsus;Teie amet;imp_intercultural;comp_intercultural;training_wanted\n"
                        + "Eesti;Narva linn;teacher;5;2;intercultural\nSavivaldybė: Alytaus miesto;;;;;\nLäti;Ogre;teacher;4;3;\n")
        XCTAssertNil(place.issue("note_row"))
        XCTAssertEqual(place.issue("details_line")?.line, 3)
        // A label and a colon under the role, in the first column, that begin a choice's label:
        // a respondent's kind of `Õpetaja või haridustöötaja` (a reviewer's), not a note.
        let role = run("role.csv", "Teie amet;Riik;Omavalitsus;imp_intercultural;comp_intercultural;training_wanted\n"
                       + "Muu;Eesti;Narva linn;5;2;intercultural\nÕpetaja: algklassid;;;;;\nMuu;Eesti;Narva linn;4;2;\n")
        XCTAssertEqual(role.account.respondents, 3)
        XCTAssertNil(role.issue("note_row"))
        // Not under the country, nor before a count: `Eesti: 6 vastajat` is a subtotal (a
        // reviewer's: a respondent of no place again).
        let subtotal = run("subtotal.csv", "Riik;Omavalitsus;Teie amet;imp_intercultural;comp_intercultural;training_wanted\n"
                           + "Eesti;Narva linn;teacher;5;2;intercultural\nEesti: 1 vastaja;;;;;\nLäti;Ogre;teacher;4;3;\n")
        XCTAssertEqual(subtotal.account.respondents, 2)
        XCTAssertEqual(subtotal.issue("note_row")?.line, 3)
    }

    /// More than 32 rows of one filled cell under the table (a legend, `Märkus 33: ...`; a
    /// drop-down's list of municipalities pasted into the first column): too many for the reader
    /// to hold back as footnotes, each had been a respondent of no place in every share's base (a
    /// probe's: a share of 100 % read as 19.5 %). Those answering nothing are set aside with a
    /// `note_row` note; a respondent's one answer in the run (a role) stays a respondent's, and so
    /// do the rows of a table below the run. A note's label may end in its number (`Märkus 2:`).
    func testALongRunOfNotesUnderTheTableIsNoRespondents() {
        let header = "country;municipality;role;imp_intercultural;comp_intercultural;training_wanted\n"
        let table = String(repeating: "EE;Narva linn;teacher;4;2;intercultural\n", count: 6) + ";;;;;\n"
        let places = ["Alutaguse vald", "Anija vald", "Antsla vald", "Elva vald", "Haapsalu linn", "Harku vald", "Hiiumaa vald",
                      "Häädemeeste vald", "Järva vald", "Jõelähtme vald", "Jõgeva vald", "Jõhvi vald", "Kadrina vald", "Kambja vald",
                      "Kanepi vald", "Kastre vald", "Kehtna vald", "Keila linn", "Kihnu vald", "Kiili vald", "Kohila vald",
                      "Kohtla-Järve linn", "Kose vald", "Kuusalu vald", "Loksa linn", "Luunja vald", "Lääne-Harju vald",
                      "Lääne-Nigula vald", "Lääneranna vald", "Lüganuse vald", "Maardu linn", "Muhu vald", "Mulgi vald",
                      "Mustvee vald", "Märjamaa vald", "Narva-Jõesuu linn"]
        let list = run("list.csv", header + table + places.map { $0 + ";;;;;\n" }.joined())
        XCTAssertEqual(list.account.respondents, 6)
        XCTAssertEqual(list.account.quarantined, places.count)
        XCTAssertEqual(list.account.blankRows, 1)
        XCTAssertNil(list.issue("place_unknown"))
        let first = list.outcome.firstIssues.first { $0.code == "note_row" }
        XCTAssertEqual(first?.line, 9)
        XCTAssertEqual(first?.column, 1)
        XCTAssertEqual(first?.message, "`Alutaguse vald`, the row's one filled cell, answers no question, in a run of more than 32 such rows "
                       + "below the table (a legend, or a list for a drop-down?): not a respondent; set aside")
        // 32 alone are held back and skipped as footnotes, as before.
        let short = run("short.csv", header + table + places.prefix(32).map { $0 + ";;;;;\n" }.joined())
        XCTAssertEqual(short.account.respondents, 6)
        XCTAssertEqual(short.account.footnoteRecords, 32)
        XCTAssertNil(short.issue("note_row"))
        // Numbered notes, 40 of them: each a note by its label.
        let legend = run("legend.csv", header + table + (1...40).map { "Märkus \($0): vastas telefoni teel;;;;;\n" }.joined())
        XCTAssertEqual(legend.account.respondents, 6)
        XCTAssertEqual(legend.account.quarantined, 40)
        // A role, the one answer of a row in the run, and a table below the run: respondents.
        let mixed = run("mixed.csv", header + table + places.map { $0 + ";;;;;\n" }.joined() + ";;teacher;;;\n"
                        + "EE;Tartu linn;teacher;3;3;\n")
        XCTAssertEqual(mixed.account.respondents, 8)
        XCTAssertEqual(mixed.account.quarantined, places.count)
    }

    /// Medians, counts, spreads and abbreviated averages under the table (`Vid.`, `Med.`,
    /// `Средн.`, `Median`, `Mediaan`, `Count`, `Skaits`, `Количество`, `Kopējais`): each had been
    /// a respondent (a probe: 7 for 5, the median's ratings in the means). A respondent whose
    /// place starts like one of the words (`Vidzeme`, `Medze`) stays one.
    func testMediansCountsAndAbbreviatedAveragesAreNotRespondents() {
        let labels = ["Vid.", "Med.", "Средн.", "Median", "Mediaan", "Mediāna", "Медиана", "Count", "Skaits", "Количество",
                      "Kopējais", "Arv", "Kiekis", "Std. dev.", "SD", "Min", "Max", "Ср.", "n=", "N =",
                      // A probe's: counts of respondents, plurals, and labels the totals word ends.
                      "Vastajaid", "Täidetud ankeete:", "Keskmised", "Vidurkiai", "Narva linn kokku", "Ogres novads kopā",
                      "Respondentu skaits", "Vastanute arv", "Number of respondents", "Std. hälve",
                      // A helper's probe: a mean value, a count of answers, a sign, a mode.
                      "Vidutinė reikšmė", "Vid. vērtība", "Ср. знач.", "Средн. балл", "Atsakė", "Ответов", "n=30", "Ø", "Režīms"]
        // Roles and names that start like the short words, a reviewer's (`Med. õde`, a nurse).
        let roles = ["Med. õde", "Med.õde", "Med-õde", "Ср. мед. персонал", "Max Mustermann", "Min. sekretär", "SD spetsialist",
                     "Vid. skolas skolotāja", "N", "Vidutinė"]
        let sheet = "municipality;country;imp_partnerships;comp_partnerships\n"
            + "Tallinn;EE;4;2\nTartu linn;EE;5;3\nMedze;LV;3;1\nVidzeme;LV;4;4\n"
            + labels.map { "\($0);;4,5;2,5\n" }.joined()
            + roles.map { ";\($0);4;2\n" }.joined()
        let r = run("medians.csv", sheet)
        XCTAssertEqual(r.account.respondents, 4 + roles.count)
        XCTAssertEqual(r.account.footnoteRecords, labels.count)
        XCTAssertEqual(r.outcome.issueCounts.filter { $0.key.code == "totals_row_skipped" }.values.reduce(0, +), labels.count)
    }

    /// Two details on one line above the table, `Omavalitsus:;Narva;Kuupäev:;15.01.2025`, or one
    /// in a table of five columns or fewer, were taken for the header: every row below was
    /// quarantined (a probe). Labels ending in `:`, each with its value beside it, are details.
    func testLabelledDetailsAboveTheTableInAnyWidth() throws {
        let wide = run("wide.csv", "Omavalitsus:;Narva;Kuupäev:;15.01.2025;;;\n;;;;;;\n"
            + "Nr;Teie amet;imp_intercultural;imp_partnerships;comp_intercultural;comp_partnerships;Kommentaar\n"
            + "1;Sotsiaaltöötaja;5;4;2;2;\n2;Muu;4;4;3;3;\n")
        XCTAssertEqual(wide.account.respondents, 2)
        XCTAssertEqual(wide.account.quarantined, 0)
        assertIssue(wide, "preamble_skipped", line: 1, column: 1)
        XCTAssertTrue(wide.outcome.firstIssues.contains { $0.code == "place_stated_above" && $0.newValue == "Narva" })
        // The place in the line's second pair is read too (a reviewer's case).
        let second = run("second.csv", "Kuupäev:;15.01.2025;Omavalitsus:;Narva linn;;;\n"
            + "Nr;Teie amet;imp_intercultural;imp_partnerships;comp_intercultural;comp_partnerships;Kommentaar\n1;Muu;4;5;3;3;\n")
        XCTAssertEqual(second.account.respondents, 1)
        XCTAssertTrue(second.outcome.firstIssues.contains { $0.code == "place_stated_above" && $0.newValue == "Narva linn" },
                      "\(second.outcome.firstIssues.map(\.code))")
        // Its letters written as `?` (Excel's "CSV" in a code page without them; a helper's probe):
        // read as the municipality they fit, its country with it, each row warned.
        let lost = run("lost.csv", "Pa?vald?ba:;Liep?ja;;\nimp_intercultural;imp_partnerships;training_wanted;comments\n4;3;intercultural;\n5;4;;\n")
        XCTAssertEqual(lost.account.respondents, 2)
        XCTAssertTrue(lost.outcome.firstIssues.contains { $0.code == "place_stated_above" && $0.newValue == "Liep?ja" })
        XCTAssertEqual(lost.outcome.firstIssues.filter { $0.code == "municipality_letters_lost" }.map(\.line), [3, 4])
        XCTAssertFalse(lost.outcome.firstIssues.contains { ["place_unknown", "place_stated_unread"].contains($0.code) })
        let narrow = run("narrow.csv", "Omavalitsus:;Narva;;\nTeie amet;imp_intercultural;comp_intercultural;Kommentaar\nMuu;5;2;\nMuu;4;3;ok\n")
        XCTAssertEqual(narrow.account.respondents, 2)
        XCTAssertEqual(narrow.account.quarantined, 0)
        // A header whose names end in colons is no pair of details.
        let colons = run("colons.csv", "Riik:;Omavalitsus:;imp_intercultural:;comp_intercultural:\nEesti;Narva;5;2\n")
        XCTAssertEqual(colons.account.respondents, 1)
    }

    /// A note or signature under the table in another cell than the first (`;;Koostas: M. Tamm;;`)
    /// became a respondent with no answer, lowering every demand share (a probe). It is a
    /// footnote like one in the first cell; a last respondent who answered one question alone,
    /// one word (`Muu`), stays one.
    func testANoteUnderTheTableInAnyCellIsAFootnote() {
        let header = "Riik;Omavalitsus;Teie amet;imp_intercultural;comp_intercultural;training_wanted\n"
        let rows = "Eesti;Narva;Muu;5;2;intercultural\nEesti;Narva;Muu;4;3;intercultural\n"
        let note = run("note.csv", header + rows + ";;;;;\n;;Koostas: M. Tamm;;;\n;;;;Märkus: andmed jaanuarist;\n;;;;;Seisuga: 15.01.2025\n")
        XCTAssertEqual(note.account.respondents, 2)
        XCTAssertEqual(note.account.footnoteRecords, 3)
        assertIssue(note, "footnote_skipped", line: 5, column: 3)
        // Words alone may be an answer: a choice's label, a comment (a reviewer's case).
        let last = run("last.csv", header + rows + ";;Muu;;;\n;;Õpetaja või haridustöötaja;;;\n;;;;;Koolitus võiks olla eesti keeles\n")
        XCTAssertEqual(last.account.respondents, 5)
        XCTAssertEqual(last.account.footnoteRecords, 0)
    }

    /// A municipality sends its LimeSurvey (or Microsoft Forms) export again a month later, with
    /// the first month's responses in it: the same row number with the same answers on the same
    /// day in another file is the same response, counted once (a probe counted 5 of 3). Another
    /// municipality's form numbers from 1 too: its rows, other answers, all count.
    func testAResponseExportedAgainInALaterFileIsCountedOnce() throws {
        let folder = TemporaryFolder()
        let header = "id,submitdate,lastpage,startlanguage,country,municipality,importance[SQ001],competence[SQ001]\n"
        let january = ["1,2025-01-20 10:00:00,3,et,EE,Narva linn,A5,A2", "2,2025-01-21 11:00:00,3,et,EE,Narva linn,A4,A2"]
        let february = january + ["3,2025-02-03 09:00:00,3,et,EE,Narva linn,A3,A3"]
        let tartu = ["1,2025-01-20 10:00:00,3,et,EE,Tartu linn,A5,A2", "2,2025-01-22 12:00:00,3,et,EE,Tartu linn,A4,A2"]
        _ = folder.write("in/narva-jaanuar.csv", header + january.joined(separator: "\n") + "\n")
        _ = folder.write("in/narva-veebruar.csv", header + february.joined(separator: "\n") + "\n")
        _ = folder.write("in/tartu.csv", header + tartu.joined(separator: "\n") + "\n")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in"]
        let outcome = try Pipeline.check(options)
        XCTAssertEqual(outcome.accounts.map(\.respondents), [2, 1, 2])
        XCTAssertEqual(outcome.accounts.map(\.duplicates), [0, 2, 0])
        let dropped = outcome.firstIssues.filter { $0.code == "duplicate_submission" }
        XCTAssertEqual(dropped.map(\.line), [2, 3])
        XCTAssertTrue(dropped.first?.message.contains("already read on line 2 of in/narva-jaanuar.csv") ?? false, "\(dropped)")
        XCTAssertFalse(outcome.firstIssues.contains { $0.code == "file_repeated" || $0.code == "identical_row" })
    }

    /// A column a letter or two off a question that has none (`imp_intercultral`): its answers
    /// are read for nobody, and `needs check` had passed the file (a warning that the question
    /// was missing, another that the column matched none, never put together: a helper's probe).
    /// An error naming both; a column named otherwise stays an unmapped note.
    func testAMisspeltColumnIsAnError() {
        let r = run("typo.csv", "country;municipality;imp_intercultral;comp_intercultural;notes_extra\nEE;Tallinn;4;2;x\n")
        assertIssue(r, "column_misspelt", line: 1, column: 3,
                    "column `imp_intercultral` is not question `imp_intercultural`, which has no column, by a letter or two: misspelt?")
        XCTAssertEqual(r.outcome.exitCode, 1)
        XCTAssertFalse(r.outcome.firstIssues.contains { $0.code == "questions_missing" && $0.message.contains("imp_intercultural ") })
        // `County`, a column of its own beside no `country`, is no misspelling (a reviewer's case).
        let county = run("county.csv", "County;municipality;imp_intercultural;comp_intercultural\nHarju;Tallinn;4;2\n")
        XCTAssertNil(county.issue("column_misspelt"))
        XCTAssertEqual(Normalizer.editDistance("imp_intercultral", "imp_intercultural", limit: 2), 1)
        XCTAssertEqual(Normalizer.editDistance("kitten", "sitting", limit: 5), 3)
        XCTAssertEqual(Normalizer.editDistance("kitten", "sitting", limit: 2), 3)
        XCTAssertEqual(Normalizer.editDistance("", "abc", limit: 5), 3)
    }

    /// A Microsoft Forms export sent again after a Baltic Excel re-saved it: its times lose their
    /// seconds and change their shape (`1/20/2025 3:05:00 PM`, then `20.01.2025 15:05`). The same
    /// number, answers, day and minute are the same response (a helper's probe counted 20 twice,
    /// each an `identical_row`). Another minute is another response.
    func testAResponseExportedAgainWithoutItsSecondsIsCountedOnce() throws {
        let folder = TemporaryFolder()
        let header = "ID;Start time;Completion time;Email;country;municipality;imp_partnerships;comp_partnerships\n"
        _ = folder.write("in/a.csv", header + "1;1/20/2025 3:00:00 PM;1/20/2025 3:05:00 PM;anonymous;EE;Narva linn;5;2\n"
                         + "2;1/21/2025 11:00:00 AM;1/21/2025 11:04:59 AM;anonymous;EE;Narva linn;4;2\n")
        _ = folder.write("in/b.csv", header + "1;20.01.2025 15:00;20.01.2025 15:05;anonymous;EE;Narva linn;5;2\n"
                         + "2;21.01.2025 11:00;21.01.2025 11:05;anonymous;EE;Narva linn;4;2\n")
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path + "/in"]
        let outcome = try Pipeline.check(options)
        XCTAssertEqual(outcome.accounts.map(\.respondents), [2, 1])
        XCTAssertEqual(outcome.accounts.map(\.duplicates), [0, 1])
        XCTAssertEqual(outcome.firstIssues.filter { $0.code == "duplicate_submission" }.map(\.line), [2])
        XCTAssertEqual(Normalizer.minuteOfDay(UnsafeRawBufferPointer(start: nil, count: 0)), nil)
        for (text, minute) in [("1/20/2025 3:05:00 PM", 905), ("20.01.2025 15:05", 905), ("12:30 am", 30), ("2025-01-20T09:07:00+02:00", 547), ("2025-01-20", nil)] {
            XCTAssertEqual(Array(text.utf8).withUnsafeBytes { Normalizer.minuteOfDay($0) }, minute, text)
        }
    }

    /// Microsoft Forms numbers its responses (`ID`) within a form: no submission ID across files,
    /// but within one file the same number twice is the same response twice (counted once) or,
    /// with other answers, an edit or two exports joined (both kept, said). A probe's export with
    /// row 4 twice, one rating changed, read 11 respondents with no word.
    func testARowNumberTwiceInOneFile() {
        let form = "ID,Completion time,country,municipality,imp_partnerships,comp_partnerships\n"
        let rows = ["1,1/15/25 10:00:00,EE,Tallinn,4,2", "2,1/15/25 10:01:00,EE,Narva,5,3", "3,1/15/25 10:02:00,EE,Tartu linn,3,3"]
        let same = run("same.csv", form + rows.joined(separator: "\n") + "\n" + rows[1] + "\n")
        assertIssue(same, "duplicate_submission", line: 5, column: 1, "row `2` of the export was already read in this file")
        XCTAssertEqual(same.account.respondents, 3)
        XCTAssertEqual(same.account.duplicates, 1)
        let edited = run("edited.csv", form + rows.joined(separator: "\n") + "\n2,1/15/25 10:01:00,EE,Narva,5,1\n")
        assertIssue(edited, "duplicate_row_id", line: 5, column: 1, "with other answers")
        XCTAssertEqual(edited.account.respondents, 4)
        XCTAssertEqual(edited.account.duplicates, 0)
        // Two exports joined under a repeated header, each numbering from 1: other answers under
        // a number are another response, said by nothing; the same answers on the same day are
        // the same response (an export of 3 and a later one pasted below it), counted once, even
        // with a blank line between the header and it (the reviewer's case: the part then began
        // at a record the normaliser returns early on). A row with no answer is no response to
        // tell apart: kept (two empty submissions).
        let joined = run("joined.csv", form + rows.joined(separator: "\n") + "\n" + form + "\n"
                         + "1,1/15/25 10:00:00,EE,Tallinn,3,1\n" + rows[1] + "\n")
        XCTAssertNil(joined.issue("duplicate_row_id"))
        assertIssue(joined, "duplicate_submission", line: 8, column: 1, "row `2` of the export was already read")
        XCTAssertEqual(joined.account.respondents, 4)
        let empty = run("empty.csv", form + "1,,,,,\n" + form + "1,,,,,\n")
        XCTAssertNil(empty.issue("duplicate_submission"))
        XCTAssertEqual(empty.account.respondents, 2)
        // The same number and answers on another day: no copy of the same response.
        let later = run("later.csv", form + rows.joined(separator: "\n") + "\n2,1/16/25 11:00:00,EE,Narva,5,3\n")
        XCTAssertNil(later.issue("duplicate_submission"))
        assertIssue(later, "duplicate_row_id", line: 5, column: 1, "with other answers")
        XCTAssertEqual(later.account.respondents, 4)
        // A number past the table's range, or no number, is checked all the same.
        let big = run("big.csv", form + "9000000,1/15/25 10:00:00,EE,Tallinn,4,2\nA-7,1/15/25 10:01:00,EE,Narva,5,3\n"
                      + "9000000,1/15/25 10:00:00,EE,Tallinn,4,2\nA-7,1/15/25 10:01:00,EE,Narva,5,3\n")
        XCTAssertEqual(big.account.duplicates, 2)
        // Another file's row 2 with other answers is another form's response; with the same
        // answers at the same second, the same response exported again
        // (`testAResponseExportedAgainInALaterFileIsCountedOnce`).
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        let other = rows.map { $0.replacingOccurrences(of: ",EE,", with: ",LV,").replacingOccurrences(of: "Tallinn", with: "Rīga")
            .replacingOccurrences(of: "Narva", with: "Ogres novads").replacingOccurrences(of: "Tartu linn", with: "Valmieras novads") }
        options.inputs = [folder.write("a.csv", form + rows.joined(separator: "\n") + "\n"),
                          folder.write("b.csv", form + other.joined(separator: "\n") + "\n")]
        let two = try! Pipeline.check(options)
        XCTAssertEqual(two.respondents, 6)
        XCTAssertNil(two.firstIssues.first { $0.code == "duplicate_submission" || $0.code == "duplicate_row_id" })
        options.inputs = [folder.path + "/a.csv", folder.write("c.csv", form + rows.joined(separator: "\n") + "\n")]
        let again = try! Pipeline.check(options)
        XCTAssertEqual(again.respondents, 3)
        XCTAssertEqual(again.firstIssues.filter { $0.code == "duplicate_submission" }.map(\.file), ["c.csv", "c.csv", "c.csv"])
    }

    /// Microsoft Forms keeps an edited response's ID, start and completion times, and fills its
    /// `Last modified time`: exported before and after the edit, it was counted twice without a
    /// word (a probe's, 41 respondents for 40). It is told of, whichever file is read first;
    /// without the mark, another form's row of the same number and minute is another response.
    func testAnEditedResponseExportedAgainIsToldOf() throws {
        let folder = TemporaryFolder()
        let form = "ID,Start time,Completion time,Email,Name,Last modified time,country,municipality,imp_partnerships,comp_partnerships\n"
        let before = form + "1,1/15/25 9:58:00,1/15/25 10:00:00,anonymous,,,EE,Tallinn,4,2\n2,1/15/25 9:59:00,1/15/25 10:01:00,anonymous,,,EE,Narva,5,3\n"
        let after = form + "1,1/15/25 9:58:00,1/15/25 10:00:00,anonymous,,,EE,Tallinn,4,2\n2,1/15/25 9:59:00,1/15/25 10:01:00,anonymous,,1/20/25 8:00:00,EE,Narva,5,1\n"
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        // Files are read in their names' order: the edited copy second, then first.
        for (first, second, texts) in [("a.csv", "b.csv", (before, after)), ("a2.csv", "b2.csv", (after, before))] {
            options.inputs = [folder.write(first, texts.0), folder.write(second, texts.1)]
            let outcome = try Pipeline.check(options)
            XCTAssertEqual(outcome.accounts.map(\.shape), ["Microsoft Forms", "Microsoft Forms"])
            // Row 1, unchanged, is counted once; row 2's two versions are both kept, and said.
            XCTAssertEqual(outcome.respondents, 3)
            let told = outcome.firstIssues.filter { $0.code == "duplicate_row_id" }
            XCTAssertEqual(told.map { "\($0.file):\($0.line ?? 0)" }, ["\(second):3"], "\(outcome.firstIssues.map(\.message))")
            XCTAssertTrue(told.first?.message.contains("already read on line 3 of \(first), with other answers, one of them marked as modified") == true,
                          told.first?.message ?? "")
        }
    }

    /// The same responses in an export with a column more (Microsoft Forms' `Last modified time`,
    /// which its later exports add) or in another order are the same responses: they were
    /// compared cell by cell, and the copy counted again without a word (a reviewer's, left
    /// alone by the last session). Copies answering otherwise stay two respondents.
    func testTheSameResponsesInAnExportOfAnotherLayoutAreCountedOnce() throws {
        let folder = TemporaryFolder()
        let old = "ID,Start time,Completion time,Email,Name,country,municipality,imp_partnerships,comp_partnerships\n"
            + "1,1/15/25 9:58:00,1/15/25 10:00:00,anonymous,,EE,Tallinn,4,2\n2,1/15/25 9:59:00,1/15/25 10:01:00,anonymous,,EE,Narva,5,3\n"
        let new = "ID,Start time,Completion time,Email,Name,Last modified time,municipality,country,comp_partnerships,imp_partnerships\n"
            + "1,1/15/25 9:58:00,1/15/25 10:00:00,anonymous,,,Tallinn,EE,2,4\n2,1/15/25 9:59:00,1/15/25 10:01:00,anonymous,,,Narva,EE,3,4\n"
            + "3,1/16/25 9:00:00,1/16/25 9:05:00,anonymous,,,Tartu linn,EE,1,5\n"
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("a.csv", old), folder.write("b.csv", new)]
        let outcome = try Pipeline.check(options)
        XCTAssertEqual(outcome.accounts.map(\.shape), ["Microsoft Forms", "Microsoft Forms"])
        // Row 1 is the same response; row 2 answers otherwise (a 4 for a 5, unmarked: two
        // forms' rows may meet so); row 3 is new.
        XCTAssertEqual(outcome.respondents, 4)
        XCTAssertEqual(outcome.firstIssues.filter { $0.code == "duplicate_submission" }.map { "\($0.file):\($0.line ?? 0)" }, ["b.csv:2"],
                       "\(outcome.firstIssues.map(\.message))")
        // An unfinished LimeSurvey response (no submission date) in two exports: identical rows,
        // whose row number is no submission ID (the message had said they had none).
        let lime = "id,submitdate,lastpage,startlanguage,country,municipality,imp_partnerships\n3,,2,et,EE,Tallinn,4\n"
        options.inputs = [folder.write("l1.csv", lime), folder.write("l2.csv", lime)]
        let twice = try Pipeline.check(options)
        XCTAssertEqual(twice.firstIssues.first { $0.code == "identical_row" }?.message,
                       "identical to the row on line 2 of l1.csv (the export's row numbers are no submission IDs: each form counts its rows from 1); "
                        + "kept (use --drop-identical to drop)")
    }

    /// A LimeSurvey response exported before it was finished (no `submitdate`) and again after
    /// keeps its `id` and `seed`: it was counted twice with an `incomplete_responses` note alone
    /// (a probe's, 210 respondents for 200). It is told of (both kept); another survey's
    /// response of the same `id` has another seed, and a file without seeds tells nothing.
    func testALimeSurveyResponseExportedUnfinishedThenFinishedIsToldOf() throws {
        let folder = TemporaryFolder()
        let head = "id,submitdate,lastpage,startlanguage,seed,country,municipality,importance[SQ001],trainingwanted[SQ001]\n"
        let early = head + "1,2025-02-01 10:00:00,3,et,1001,EE,Tallinn,5,Y\n3,,2,et,1003,EE,Narva,5,\n"
        let late = head + "1,2025-02-01 10:00:00,3,et,1001,EE,Tallinn,5,Y\n3,2025-02-10 09:00:00,3,et,1003,EE,Narva,5,Y\n"
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("a.csv", early), folder.write("b.csv", late)]
        let outcome = try Pipeline.check(options)
        XCTAssertEqual(outcome.accounts.map(\.shape), ["LimeSurvey", "LimeSurvey"])
        XCTAssertEqual(outcome.respondents, 3)
        let told = outcome.firstIssues.filter { $0.code == "duplicate_row_id" }
        XCTAssertEqual(told.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" }, ["b.csv:3:1"], "\(outcome.firstIssues.map(\.message))")
        XCTAssertEqual(told.first?.message, "response `3` with the same seed was already read on line 3 of a.csv, unfinished there (no submitdate) and submitted here, "
                       + "with other answers: the same response exported before it was finished or edited, and again after? Both are kept; check them")
        // Another survey's response 3 (another seed), and exports without the seed column.
        let other = late.replacingOccurrences(of: ",1003,", with: ",2203,").replacingOccurrences(of: ",1001,", with: ",2201,")
        options.inputs = [folder.path + "/a.csv", folder.write("c.csv", other)]
        XCTAssertFalse(try Pipeline.check(options).firstIssues.contains { $0.code == "duplicate_row_id" })
        func unseeded(_ text: String) -> String {
            text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 4 }.map { String($0.element) }.joined(separator: ",") }
                .joined(separator: "\n") + "\n"
        }
        // A `token` column more in the later export moves the seed: the same response all the same.
        let tokened = late.split(separator: "\n").map { line -> String in
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells.insert(cells[0] == "id" ? "token" : "", at: 4)
            return cells.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        options.inputs = [folder.path + "/a.csv", folder.write("t.csv", tokened)]
        XCTAssertEqual(try Pipeline.check(options).firstIssues.filter { $0.code == "duplicate_row_id" }.map { "\($0.file):\($0.line ?? 0)" }, ["t.csv:3"])
        // The same export again without its seed column, and with LimeSurvey's `token` in its own
        // place, second, before `submitdate` (a reviewer's: each had counted the responses twice).
        func moved(_ text: String, _ change: (inout [String], Bool) -> Void) -> String {
            text.split(separator: "\n").map { line -> String in
                var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                change(&cells, line.hasPrefix("id,"))
                return cells.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }
        for (name, copy) in [("noseed.csv", moved(early) { cells, _ in cells.remove(at: 4) }),
                             ("token2.csv", moved(early) { cells, header in cells.insert(header ? "token" : "", at: 1) })] {
            options.inputs = [folder.path + "/a.csv", folder.write(name, copy)]
            let again = try Pipeline.check(options)
            // (The finished response; the unfinished one has no time to match by.)
            XCTAssertEqual(again.accounts.map(\.duplicates), [0, 1], name)
            XCTAssertEqual(again.accounts.map(\.respondents), [2, 1], name)
        }
        options.inputs = [folder.write("d.csv", unseeded(early)), folder.write("e.csv", unseeded(late))]
        let without = try Pipeline.check(options)
        XCTAssertFalse(without.firstIssues.contains { $0.code == "duplicate_row_id" })
        XCTAssertEqual(without.respondents, 3)
    }

    /// Google Forms rewrites a response edited after it was sent, with a new timestamp: a sheet
    /// downloaded again holds the edited copy, and both downloads together had the person twice
    /// without a word (a probe's, 4 respondents for 3). The same e-mail address twice, in one
    /// file or two, is told of (both kept); the message never holds the address. A blank or
    /// Microsoft Forms' `anonymous` is no address.
    func testTheSameEmailAddressTwiceIsToldOf() throws {
        let folder = TemporaryFolder()
        let head = "Timestamp,Email Address,Country,Municipality,How important is each topic for your work? [Partnerships for integration]\n"
        let first = head + "2/3/2025 9:14:02,staff1@narva.ee,Estonia,Narva linn,Very important\n2/3/2025 9:20:00,,Estonia,Narva linn,Important\n"
        let second = head + "2/10/2025 16:02:33, Staff1@Narva.ee ,Estonia,Narva linn,Slightly important\n2/11/2025 9:00:00,staff2@narva.ee,Estonia,Narva linn,Important\n"
            + "2/12/2025 9:00:00,staff2@narva.ee,Estonia,Narva linn,Very important\n2/12/2025 9:30:00,,Estonia,Narva linn,Important\n"
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("a.csv", first), folder.write("b.csv", second)]
        let outcome = try Pipeline.check(options)
        XCTAssertEqual(outcome.respondents, 6)
        let told = outcome.firstIssues.filter { $0.code == "same_email" }
        XCTAssertEqual(told.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" }, ["b.csv:2:2", "b.csv:4:2"], "\(outcome.firstIssues.map(\.message))")
        XCTAssertEqual(told.first?.severity, .warning)
        XCTAssertTrue(told.first?.message.hasPrefix("the e-mail address was given on line 2 of a.csv too") == true, told.first?.message ?? "")
        XCTAssertTrue(told.last?.message.hasPrefix("the e-mail address was given on line 3 too") == true, told.last?.message ?? "")
        XCTAssertFalse(told.contains { $0.message.contains("@") || $0.message.lowercased().contains("staff") })
        // Microsoft Forms writes `anonymous` where it took no address.
        let ms = "ID,Start time,Completion time,Email,Name,country,municipality,imp_partnerships\n"
            + "1,1/15/25 9:58:00,1/15/25 10:00:00,anonymous,,EE,Tallinn,4\n2,1/15/25 9:59:00,1/15/25 10:01:00,anonymous,,EE,Narva,5\n"
        options.inputs = [folder.write("ms.csv", ms)]
        XCTAssertFalse(try Pipeline.check(options).firstIssues.contains { $0.code == "same_email" })
        // A contact address the form asks (not the one the tool collected, right after its
        // time) may be an office's, shared by colleagues (a reviewer's false warning).
        let contact = "Timestamp,Country,Municipality,How important is each topic for your work? [Partnerships for integration],E-pasts\n"
            + "2/3/2025 9:14:02,Estonia,Narva linn,Very important,sotsiaal@narva.ee\n2/3/2025 9:20:00,Estonia,Narva linn,Important,sotsiaal@narva.ee\n"
        options.inputs = [folder.write("contact.csv", contact)]
        XCTAssertFalse(try Pipeline.check(options).firstIssues.contains { $0.code == "same_email" })
        // Microsoft Forms' Estonian heading, `Meil`, and its own wording of the question.
        let meil = "ID,Algusaeg,Lõpuaeg,Meil,Nimi,country,municipality,imp_partnerships\n"
            + "1,1/15/25 9:58:00,1/15/25 10:00:00,mari@vald.ee,,EE,Tallinn,4\n2,1/15/25 9:59:00,1/15/25 10:01:00,mari@vald.ee,,EE,Narva,5\n"
        options.inputs = [folder.write("meil.csv", meil)]
        XCTAssertEqual(try Pipeline.check(options).firstIssues.filter { $0.code == "same_email" }.map(\.message),
                       ["the e-mail address was given on line 2 too: the same person's response sent twice, or edited and exported again? Both are kept; check them"])
    }

    /// Excel's protected text written by a tool that quotes every field, `"=""3"""`: the reader
    /// keeps a quoted field as typed (`="3"`), and a rating read so was missing on every row of
    /// a probe's file. The choice inside is read, said; free text stays as typed.
    func testProtectedTextInAQuotedFieldIsReadAsItsChoice() {
        let r = run("protected.csv", "country,municipality,imp_partnerships,comp_partnerships\nEE,Tallinn,\"=\"\"4\"\"\",\"=\"\"2\"\"\"\nEE,Narva,=\"5\",3\n")
        assertIssue(r, "protected_text_quoted", line: 2, column: 3, "`=\"4\"` read as choice `4`")
        XCTAssertNil(r.issue("unknown_value"))
        XCTAssertEqual(r.account.respondents, 2)
        // A place so written is the place inside.
        let place = run("place.csv", "country,municipality,imp_partnerships,comp_partnerships\nEE,\"=\"\"Narva linn\"\"\",4,2\n")
        XCTAssertNil(place.issue("municipality_unknown"))
        let wrong = run("wrong.csv", "country,municipality,imp_partnerships,comp_partnerships\nEE,Tallinn,\"=\"\"9\"\"\",2\n")
        assertIssue(wrong, "unknown_value", line: 2, column: 3, "`=\"9\"` is not a choice")
        // A spreadsheet's text marker kept before a rating (`'4`, a helper's probe): missing, it
        // was; the choice after it is read, said.
        let marked = run("marked.csv", "country,municipality,imp_partnerships,comp_partnerships\nEE,Tallinn,'4,'2\n")
        assertIssue(marked, "text_marker", line: 2, column: 3, "`'4` read as choice `4`")
        XCTAssertNil(marked.issue("unknown_value"))
        let notAChoice = run("marked9.csv", "country,municipality,imp_partnerships,comp_partnerships\nEE,Tallinn,'9,2\n")
        assertIssue(notAChoice, "unknown_value", line: 2, column: 3, "`'9` is not a choice")
    }

    /// A quote closed with text after it has joined fields: the row is short, and its later
    /// fields stood one place left (a probe's `_uuid` under the e-mail column, none under its
    /// own). From that field on nothing is read; what comes before it is.
    func testFieldsJoinedByAStrayQuoteAreNotReadInTheWrongColumns() {
        let text = "country;municipality;imp_partnerships;comp_partnerships;comments;contact_email;_uuid\n"
            + "EE;Tallinn;4;2;\"unfinished;\"\";\"x1\";uuid-1\n" + "EE;Narva;5;3;;;uuid-2\n"
        let r = run("joined.csv", text)
        assertIssue(r, "ragged_row", line: 2, column: 5, "those from column 5 on cannot be placed and are read as missing")
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertNil(r.outcome.firstIssues.first { $0.code == "duplicate_submission" })
        // A quoted part without a delimiter joins nothing: only the missing last field is missing.
        let plain = run("plain.csv", "country;municipality;role;imp_partnerships;comp_partnerships;comments;contact_email\n"
                        + "EE;\"Tallinn\" linn;teacher;4;3;x\n")
        assertIssue(plain, "ragged_row", line: 2, column: 7, "the rest are read as missing")
        // Joined at the first field, nothing before it: no answer can be placed, the row is quarantined.
        let first = run("first.csv", "comments;country;municipality;imp_partnerships;comp_partnerships;contact_email\n"
                        + "\"a;\"\";\"b\";EE;Tallinn;4;2\n")
        assertIssue(first, "ragged_row", line: 2, column: 1, "the row is quarantined")
        XCTAssertEqual(first.account.quarantined, 1)
        XCTAssertEqual(first.account.blankRows, 0)
    }

    func testShortRowIsPaddedAndKept() {
        let r = run("short.csv", header + "EE,Tallinn,4\n")
        assertIssue(r, "ragged_row", line: 2, column: 4)
        XCTAssertEqual(r.account.respondents, 1)
        // Of its place alone, read, the row answers nothing: a blank row, as with its empty
        // cells written (a differential tester's `2;EE` had been a respondent wanting nothing).
        // A place that does not read, which may be other text moved left, keeps the row.
        let place = run("place.csv", header + "EE,Tallinn\nLV,Rī\n")
        XCTAssertEqual([place.account.respondents, place.account.blankRows], [1, 1])
        assertIssue(place, "unanswered_rows", line: 2, column: nil)
    }

    /// A row whose fields moved (a cell deleted, or `Narva, Ida-Virumaa` typed without quotes, the
    /// row's empty last field pushed past the header) had been kept, its ratings read under the
    /// wrong topics with unknown_value warnings alone (a probe: a competence of 1 read as 5). When
    /// its cells from some column on fit the columns they moved from two or more times as often
    /// as their own, it is quarantined. A row cut short whose cells fit is kept, and so are a
    /// trailing delimiter's row with a typo, a row cut short with a role in words, and one with a
    /// role coded `2`, which fits the rating beside it (a reviewer's case: one cell is no shift).
    func testRowWhoseFieldsMovedIsQuarantined() {
        let head = "country,municipality,role,imp_partnerships,imp_intercultural,comp_partnerships,training_wanted,comments\n"
        let sheet = head
            + "EE,Tallinn,teacher,5,4,1,intercultural,\n"
            + "EE,Narva, Ida-Virumaa,social_worker,5,4,1,intercultural,\n"
            + "EE,Tartu linn,5,4,1,intercultural,\n"
            + "EE,Pärnu linn,teacher,5,4\n"
            + "EE,Rakvere linn,teacher,5,4,1,intercultural\n"
            + "EE,Võru linn,kooli sotsiaalpedagoog,5\n"
            + "EE,Valga vald,2,5,4,1,intercultural\n"
        let r = run("moved.csv", sheet)
        XCTAssertEqual(r.account.respondents, 5)
        XCTAssertEqual(r.account.quarantined, 2)
        let moved = r.outcome.firstIssues.filter { $0.code == "misaligned_row" }
        XCTAssertEqual(moved.map(\.line), [3, 4])
        XCTAssertEqual(moved.map(\.column), [3, 3])
        XCTAssertTrue(moved[0].message.contains("1 empty field(s) more than the header"), moved[0].message)
        XCTAssertTrue(moved[1].message.contains("`5` under `role`"), moved[1].message)
        XCTAssertFalse(r.outcome.firstIssues.contains { $0.code == "unknown_value" && [3, 4].contains($0.line) })
        let typo = run("typo.csv", "country;municipality;role;imp_partnerships;\nEE;Tallinn;teacher;7;\nLV;Rīga;teacher;5;\n")
        XCTAssertEqual(typo.account.respondents, 2)
        XCTAssertFalse(typo.outcome.firstIssues.contains { $0.code == "misaligned_row" })
    }

    /// A value typed over two lines without quotes in a file of LF line ends: its second line,
    /// `koolitus on vajalik,mari@example.ee`, had been a respondent of no country (a probe). A
    /// line cut short that answers nothing and whose place is no answer is quarantined; a row cut
    /// short with its place readable is a blank row, as it is with its empty cells.
    func testTheRestOfAValueOnALineOfItsOwnIsNoRespondent() {
        let sheet = "country,municipality,role,imp_partnerships,comp_partnerships,comments\n"
            + "EE,Tallinn,teacher,4,2,Tere\nkoolitus on vajalik,mari@example.ee\nEE,Narva,teacher,5,3,\nEE,Tartu linn\n"
        let r = run("fragment.csv", sheet)
        XCTAssertEqual(r.account.respondents, 2)
        XCTAssertEqual(r.account.blankRows, 1)
        XCTAssertEqual(r.account.quarantined, 1)
        assertIssue(r, "line_fragment", line: 3, column: 1, "`koolitus on vajalik`")
        // In a tool's export the rest of a comment stands in the submission date's column, and is
        // no date (a helper's probe: `and less theory` had been a respondent of no place). A row
        // of a date and nothing else is a submission still, as is a short one with an answer.
        let google = "Timestamp,Country,Municipality,How important is each topic for your work? [Partnerships for integration],"
            + "Which topics would you attend training on?\n"
            + "1/13/2025 9:00:00,Estonia,Tallinn,Important,\"Partnerships for integration, more practice\nand less theory\"\n"
            + "1/14/2025 9:00:00,Estonia,Narva,Important,Partnerships for integration\nand less theory\n"
            + "1/15/2025 9:00:00\n1/16/2025 9:00:00,Latvia,Rīga,Very important\n"
        let tool = run("google.csv", google)
        XCTAssertEqual(tool.account.respondents, 4)
        XCTAssertEqual(tool.account.quarantined, 1)
        assertIssue(tool, "line_fragment", line: 5, column: 1, "`and less theory`")
        XCTAssertFalse(tool.outcome.firstIssues.contains { $0.code == "date_unreadable" })
        // Under Microsoft Forms' `ID`, and in a sheet whose place is stated above it, the words
        // under a rating's column: the same (the second had been a respondent of Narva).
        let forms = run("forms.csv", "ID,Start time,Completion time,Email,Name,Country,How important is each topic for your work?."
                        + "Intercultural competence and communication,Anything else?\n"
                        + "1,1/15/25 10:00:00,1/15/25 10:07:00,anonymous,,Estonia,Important,More practice\nand less theory\n"
                        + "2,1/16/25 10:00:00,1/16/25 10:07:00,anonymous,,Estonia,Very important,\n")
        XCTAssertEqual(forms.account.respondents, 2)
        assertIssue(forms, "line_fragment", line: 3, column: 1, "`and less theory`")
        let stated = run("stated.csv", "Omavalitsus:;Narva linn;;\nimp_intercultural;imp_partnerships;training_wanted;comments\n"
                         + "4;3;intercultural;Rohkem praktikat\nja vähem teooriat\n5;4;;\n")
        XCTAssertEqual(stated.account.respondents, 2)
        assertIssue(stated, "line_fragment", line: 4, column: 1, "`ja vähem teooriat`")
        XCTAssertNil(stated.issue("unknown_value"))
        // Under a sheet's `Nr` after its header repeated in another order (a differential
        // tester's: the line, put in the first header's order, had been read as wide as it, so a
        // blank row; a Forms export's message had said "a line of 8 field(s)").
        let reordered = run("reordered.csv", "Nr;country;imp_intercultural;training_wanted;comments\n1;EE;4;intercultural;\n"
                            + "Nr;country;training_wanted;imp_intercultural;comments\n2;EE;intercultural;4;More practice\nand less theory\n3;EE;;5;\n")
        XCTAssertEqual(reordered.account.respondents, 3)
        XCTAssertEqual(reordered.account.blankRows, 0)
        XCTAssertEqual(reordered.account.quarantined, 1)
        assertIssue(reordered, "line_fragment", line: 5, column: 1, "a line of 1 field(s)")
        let formsAgain = run("forms-again.csv", "ID,Start time,Completion time,Email,Name,Country,How important is each topic for your work?."
                             + "Intercultural competence and communication,Anything else?\n"
                             + "1,1/15/25 10:00:00,1/15/25 10:07:00,anonymous,,Estonia,Important,\n"
                             + "ID,Start time,Completion time,Email,Name,How important is each topic for your work?."
                             + "Intercultural competence and communication,Country,Anything else?\n"
                             + "2,1/16/25 10:00:00,1/16/25 10:07:00,anonymous,,Very important,Estonia,More practice\nand less theory\n"
                             + "3,1/17/25 10:00:00,1/17/25 10:07:00,anonymous,,Important,Latvia,\n")
        XCTAssertEqual(formsAgain.account.respondents, 3)
        assertIssue(formsAgain, "line_fragment", line: 5, column: 1, "a line of 1 field(s)")
        // Judged by the width of the header it was read under (a reviewer's: under a narrower one,
        // `comments` left out, rows of the place alone had become respondents); a row of its
        // place cut short is a blank row under any header, as one with its empty cells is (a
        // differential tester's: `2;EE` had been a respondent, `2;EE;;;` a blank row).
        let narrower = run("narrower.csv", "Nr;country;municipality;imp_intercultural;training_wanted;comments\n1;EE;Narva;4;intercultural;\n"
                           + "2;EE;Narva;;;\nNr;country;municipality;training_wanted;imp_intercultural\n3;EE;Narva;intercultural;5\n4;EE;Narva;;\n5;EE;Narva;;\n")
        XCTAssertEqual([narrower.account.respondents, narrower.account.blankRows], [2, 3])
        let wider = run("wider.csv", "country;municipality;role;imp_intercultural;comp_intercultural\nEstonia;Narva;teacher;4;3\nEstonia;Narva;;\n"
                        + "Nr;municipality;country;role;imp_intercultural;comp_intercultural\n1;Tartu linn;Estonia;teacher;4;3\n2;Tartu linn;Estonia;;\n")
        XCTAssertEqual([wider.account.respondents, wider.account.blankRows], [2, 2])
        // A short row with an answer of its own, a row number or a tick stays a respondent.
        let short = run("short.csv", "Nr;Teie amet;imp_intercultural;comp_intercultural;comments\n1;Muu;5;2;\n2;Muu\n3\n4;x\n5;Muu;4;4;ok\n")
        XCTAssertEqual(short.account.respondents, 5)
        XCTAssertNil(short.issue("line_fragment"))
        // Nor one whose words stand under a question of their own, a comment or an address (a
        // reviewer's case: a respondent who only wrote to the academy).
        let wrote = run("wrote.csv", "comments,contact_email,country,municipality,imp_intercultural,comp_intercultural\n"
                        + "Hea,,EE,Narva linn,5,2\nVajag vairāk prakses,anna@example.lv\nTore,,EE,Tartu linn,4,3\n")
        XCTAssertEqual(wrote.account.respondents, 3)
        XCTAssertNil(wrote.issue("line_fragment"))
    }

    func testLongRowIsQuarantinedWithoutPersonalData() throws {
        let (outcome, quarantine) = try quarantined("Email,country,municipality,imp_partnerships\nmeelis@example.ee,EE,Tallinn,4,extra,more@example.ee\n")
        XCTAssertTrue(outcome.accounts.first!.balances)
        // The e-mail column comes first: every field after it may have been pushed right.
        XCTAssertFalse(quarantine.contains("meelis") || quarantine.contains("more@example.ee"))
        XCTAssertFalse(quarantine.contains("Tallinn") || quarantine.contains("extra"))
        let issue = try XCTUnwrap(outcome.firstIssues.first { $0.code == "ragged_row" })
        XCTAssertEqual(issue.action, .quarantined)
        XCTAssertEqual(issue.line, 2)
        XCTAssertEqual(issue.column, 5)
    }

    /// The fields cell of clean/quarantine.csv ends with the record's last field whole: CSVWriter
    /// ends a row with CRLF, a single Character in Swift, so dropping two Characters of its text
    /// cut the field's last letter too.
    func testQuarantinedRowKeepsItsLastFieldWhole() throws {
        let quarantine = try quarantine(of: "country,municipality,imp_partnerships\nEE,Tallinn,4,x\n")
        XCTAssertEqual(quarantine.split(separator: "\r\n").last.map(String.init),
                       "sheet.csv,2,4 fields where the header has 3,\"EE,Tallinn,4,\"")
    }

    /// The quarantine of `body` read against the sample instrument.
    private func quarantine(of body: String) throws -> String { try quarantined(body).quarantine }

    /// The run over `body` (one row quarantined) and its clean/quarantine.csv.
    private func quarantined(_ body: String) throws -> (outcome: RunOutcome, quarantine: String) {
        let folder = TemporaryFolder()
        let input = folder.write("sheet.csv", body)
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [input]
        options.outputPath = folder.path + "/reports"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.accounts.first?.quarantined, 1)
        return (outcome, try String(contentsOfFile: options.outputPath + "/clean/quarantine.csv", encoding: .utf8))
    }

    /// A Kobo export of a form whose role question is `select_one role or_other`: `other` is an
    /// answer (no value outside the list), and the text typed beside it, which names a person here,
    /// is in no file written.
    func testOrOtherAnswerAndItsTextColumn() throws {
        let folder = TemporaryFolder()
        for sheet in ["choices", "settings"] {
            folder.write("form/\(sheet).csv", try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8))
        }
        let survey = try String(contentsOfFile: Paths.inputs + "/instrument/survey.csv", encoding: .utf8)
        folder.write("form/survey.csv", survey.replacingOccurrences(of: "select_one role,", with: "select_one role or_other,")
            .replacingOccurrences(of: "select_one country,", with: "select_one country or_other,"))
        let input = folder.write("export.csv", "country,country_other,municipality,role,role_other,importance/imp_partnerships\n"
            + "EE,,Tallinn,other,Head of office Jaan Tamm,4\nother,Ukraina,Narva,teacher,,5\n")
        var options = RunOptions()
        options.instrumentPath = folder.path + "/form"
        options.inputs = [input]
        options.outputPath = folder.path + "/reports"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.accounts.first?.respondents, 2)
        XCTAssertFalse(outcome.firstIssues.contains { $0.code == "unmapped_columns" }, "\(outcome.firstIssues.map(\.code))")
        XCTAssertEqual(outcome.firstIssues.filter { $0.question == "role" }.map(\.code), [])
        let clean = try String(contentsOfFile: options.outputPath + "/clean/responses.csv", encoding: .utf8)
        XCTAssertTrue(clean.contains(",other,"), clean)
        for file in try FileManager.default.subpathsOfDirectory(atPath: options.outputPath) {
            let text = (try? String(contentsOfFile: options.outputPath + "/" + file, encoding: .utf8)) ?? ""
            XCTAssertFalse(text.contains("Tamm") || text.contains("Ukraina"), file)
        }
    }

    /// Free text not marked `report` (the comments question) is left out of the quarantine as it
    /// is of clean/responses.csv, and so is the `anonymise` e-mail question.
    func testQuarantineLeavesOutFreeTextAndAnonymisedQuestions() throws {
        let text = try quarantine(of: "country,municipality,imp_partnerships,comments,contact_email\n"
            + "EE,Tallinn,4,Call Mari Maasikas 5551234,mari@example.ee,extra\n")
        XCTAssertFalse(text.contains("Maasikas") || text.contains("5551234") || text.contains("mari"))
    }

    /// A delimiter typed into a name (Microsoft Forms' Name column, unquoted) pushes the name's
    /// second half into the country column and every field after it one to the right: from the
    /// first personal column on, nothing of the row is kept.
    func testQuarantineKeepsNoShiftedField() throws {
        let text = try quarantine(of: "ID,Name,country,municipality,imp_partnerships\n"
            + "1,Tamm,Meelis,EE,Tallinn,4\n")
        XCTAssertTrue(text.contains("\"1,,,,,\""), text)
        XCTAssertFalse(text.contains("Meelis") || text.contains("Tamm"))
    }

    /// A quote never closed on the last line runs on over the rest of the line, the e-mail and
    /// the comment of the respondent included: that field and those after it are left out.
    func testQuarantineLeavesOutWhatAnUnclosedQuoteSwallowed() throws {
        let text = try quarantine(of: "country,municipality,imp_partnerships,comments,contact_email\n"
            + "EE,Tallinn,\"4,Call Mari Maasikas,mari@example.ee\n")
        XCTAssertTrue(text.contains("\"EE,Tallinn,\""), text)
        XCTAssertFalse(text.contains("Maasikas") || text.contains("mari"))
    }
}
