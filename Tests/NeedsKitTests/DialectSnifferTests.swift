import Foundation
import XCTest
@testable import NeedsKit

/// A fixed subset of the dialect benchmark (the whole of it is `make bench-sniff`), and the reader
/// acting on what the sniffer finds.
final class DialectSnifferTests: XCTestCase {
    /// The URL and e-mail test on bytes first, against the test on the lower-cased text alone.
    func testURLsAndEmailsAreThoseTheTextTestFinds() {
        func reference(_ cell: ArraySlice<UInt8>) -> Bool {
            guard !cell.contains(0x20) else { return false }
            let text = String(decoding: cell, as: UTF8.self).lowercased()
            if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.") { return true }
            if let at = text.firstIndex(of: "@"), text[at...].contains(".") { return true }
            return false
        }
        let pieces = ["http://", "HTTPS://", "Www.", "wWw", "h", "W", "@", ".", "a", "ex.lv", "İ", "K", "ſ", "\u{301}",
                      " ", "é", "Ä", "\u{FEFF}", "ht", "tp:", "//", "x@y"].map { Array($0.utf8) }
        var random = SplitMix64(seed: 7)
        var found = 0
        for _ in 0..<20_000 {
            var cell: [UInt8] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) { cell += pieces[Int.random(in: 0..<pieces.count, using: &random)] }
            if Int.random(in: 0..<50, using: &random) == 0 { cell.append(0xFF) }
            let expected = reference(cell[...])
            XCTAssertEqual(CellType.isURLOrEmail(cell[...]), expected, String(decoding: cell, as: UTF8.self))
            if expected { found += 1 }
        }
        XCTAssertGreaterThan(found, 500)
        // Dates and times, told before the cell is split, against the split alone.
        func referenceDateTime(_ cell: ArraySlice<UInt8>) -> Bool {
            let parts = cell.split(separator: 0x20)
            guard parts.count >= 2 && parts.count <= 4, CellType.isNumberLike(parts[0]), CellType.isNumberLike(parts[1]),
                  parts[1].contains(UInt8(ascii: ":")) else { return false }
            return parts.dropFirst(2).allSatisfy { part in
                CellType.isNumberLike(part) || (part.count <= 4 && part.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
            }
        }
        let times = ["2025-02-03", " ", "12:30", "12:30:00", "PM", "AM", ":", "3", "x", "  ", "EET", "+02:00"].map { Array($0.utf8) }
        var dates = 0
        for _ in 0..<20_000 {
            var cell: [UInt8] = []
            for _ in 0..<Int.random(in: 0...5, using: &random) { cell += times[Int.random(in: 0..<times.count, using: &random)] }
            let expected = referenceDateTime(cell[...])
            XCTAssertEqual(CellType.isDateTime(cell[...]), expected, String(decoding: cell, as: UTF8.self))
            if expected { dates += 1 }
        }
        XCTAssertGreaterThan(dates, 100)
        XCTAssertTrue(CellType.isURLOrEmail(Array("WWW.LIKUMI.LV".utf8)[...]))
        XCTAssertTrue(CellType.isURLOrEmail(Array("anna.k@riga.lv".utf8)[...]))
        XCTAssertFalse(CellType.isURLOrEmail(Array("Rīga".utf8)[...]))
    }

    /// An empty file has no header record (`needs sniff` said one).
    func testAnEmptyFileHasNoHeader() {
        XCTAssertEqual(DialectSniffer.sniff([], isWholeFile: true).table.headerRecords, 0)
        XCTAssertEqual(DialectSniffer.sniff(Array("a,b\n1,2\n".utf8), isWholeFile: true).table.headerRecords, 1)
    }

    func sniff(_ name: String) throws -> Dialect {
        let path = Paths.corpora + "/dialects/input/" + name
        return try CSVReader(path: path).detect().1
    }

    func testASubsetOfTheDialectCorpus() throws {
        let cases: [(String, String, String, Int?, Int?)] = [
            // file, delimiter, quote, header records, preamble records (from expected.tsv)
            ("Pipe character is more frequent than the comma.csv", ",", "doublequote", nil, nil),
            ("Pipe character is more frequent than the semicolon.csv", ";", "doublequote", nil, nil),
            ("Table embedded in the second record.csv", ",", "doublequote", nil, nil),
            ("Mixed comma and semicolon.csv", ";", "singlequote", nil, nil),
            ("FEC data - [clevercsv issue #15].csv", "|", "doublequote", nil, nil),
            ("file_field_delimiter_0x20.csv", "space", "doublequote", 1, 0),
            ("ministers-overseas-travel-jan-mar-2013.csv", ",", "doublequote", nil, 3),
            ("1% SiO2_003.csv", ",", "doublequote", nil, nil),
            ("testGeometries.txt", ";", "doublequote", nil, nil),
        ]
        for (name, delimiter, quote, header, preamble) in cases {
            let dialect = try sniff(name)
            XCTAssertEqual(dialect.delimiterName, delimiter, name)
            XCTAssertEqual(SniffCommand.quoteName(dialect.quote), quote, name)
            if let header { XCTAssertEqual(dialect.table.headerRecords, header, name) }
            if let preamble { XCTAssertEqual(dialect.table.preambleRecords, preamble, name) }
        }
    }

    func testProseIsNotSplitAtSpaces() throws {
        let dialect = try sniff("Undefined field delimiter.csv")
        XCTAssertEqual(dialect.delimiterName, ",")
    }

    func testTitleRowsAboveTheHeaderAreSkippedWithANote() {
        let folder = TemporaryFolder()
        let text = "Training needs survey, Tartu;;;\r\nExported 2025-01-20;;;\r\ncountry;municipality;imp_partnerships;comp_partnerships\r\nEE;Tartu linn;4;2\r\nEE;Tartu linn;5;3\r\n"
        let result = readAll(folder.write("titled.csv", text))
        XCTAssertEqual(result.header, ["country", "municipality", "imp_partnerships", "comp_partnerships"])
        XCTAssertEqual(result.data.map(\.line), [4, 5])
        XCTAssertEqual(result.diagnostics.filter { $0.code == "preamble_skipped" }.map(\.line), [1, 2])
        XCTAssertEqual(result.summary?.preambleRecords, 2)
        XCTAssertEqual(result.summary?.dataRecords, 2)
    }

    /// `--delimiter` overrides the delimiter, not the search for the table: the title rows above
    /// the header were read as the header (every row then quarantined, the run exiting 2).
    func testTitleRowsAreSkippedWhenTheDelimiterIsGiven() {
        let folder = TemporaryFolder()
        let text = "Training needs survey, Tartu;;;\r\nExported 2025-01-20;;;\r\ncountry;municipality;imp_partnerships;comp_partnerships\r\nEE;Tartu linn;4;2\r\nEE;Tartu linn;5;3\r\n"
        let path = folder.write("titled.csv", text)
        var options = ReaderOptions()
        options.delimiter = UInt8(ascii: ";")
        do {
            let result = readAll(path, options: options)
            XCTAssertEqual(result.header, ["country", "municipality", "imp_partnerships", "comp_partnerships"])
            XCTAssertEqual(result.data.map(\.line), [4, 5])
            XCTAssertEqual(result.diagnostics.filter { $0.code == "preamble_skipped" }.map(\.line), [1, 2])
            XCTAssertEqual(result.summary?.preambleRecords, 2)
        }
    }

    /// A hand-made sheet's details above the table, a label and its value in the first cells
    /// (`Omavalitsus:;Narva linn;;;`), padded or not: above the table, not its header. The first
    /// such record was the header and the real one a respondent.
    func testKeyAndValueRowsAboveTheTableAreSkipped() {
        let folder = TemporaryFolder()
        let header = "country;municipality;role;imp_partnerships;comp_partnerships;imp_interpreters;comp_interpreters\r\n"
        let rows = "EE;Narva linn;teacher;4;2;5;3\r\nEE;Narva linn;teacher;5;3;4;4\r\n"
        let cases: [(String, [Int])] = [
            ("Omavalitsus:;Narva linn;;;;;\r\nKuupäev:;12.02.2025;;;;;\r\n;;;;;;\r\n", [1, 2]),
            ("Omavalitsus:;Narva linn\r\nVastajaid;2\r\n", [1, 2]),
            ("Küsitlus 2025;;;;;;\r\nKoostas;Mari Maasikas;;;;;\r\n", [1, 2]),
        ]
        for (above, notes) in cases {
            let result = readAll(folder.write("details.csv", above + header + rows))
            let headerLine = above.components(separatedBy: "\r\n").count
            let table = result.records.filter { !$0.blank }
            XCTAssertEqual(table.first?.fields.first, "country", above)
            XCTAssertEqual(table.map(\.line), [headerLine, headerLine + 1, headerLine + 2], above)
            XCTAssertEqual(result.diagnostics.filter { $0.code == "preamble_skipped" }.map(\.line), notes, above)
            XCTAssertEqual(result.summary?.preambleRecords, notes.count, above)
            XCTAssertEqual(result.summary?.quarantinedRecords, 0, above)
        }
        // As many details as respondents, or more, and a respondent leaving the last column
        // empty (a helper's probe): the first detail was the header, six respondents of two.
        let small = [
            ("Omavalitsus:;Narva linn;;;;;\r\nRiik:;Eesti;;;;;\r\n", 2),
            ("Omavalitsus:;Narva linn;;;;;\r\nRiik:;Eesti;;;;;\r\nKoostas:;Mari Maasikas;;;;;\r\nKuupäev:;12.02.2025;;;;;\r\n", 4),
        ]
        for (above, count) in small {
            let text = above + header + "EE;Narva linn;teacher;4;2;5;3\r\nEE;Narva linn;teacher;5;3;4;\r\n"
            let result = readAll(folder.write("small.csv", text))
            XCTAssertEqual(result.header.first, "country", above)
            XCTAssertEqual(result.data.map(\.line), [count + 2, count + 3], above)
            XCTAssertEqual(result.summary?.preambleRecords, count, above)
        }
        // A header of eight names over a sheet padded to 26 columns, two rows with a note in the
        // last column (a reviewer's case): the header is no detail, however far the notes reach.
        let padding = String(repeating: ";", count: 18)
        let wide = "country;municipality;role;imp_partnerships;comp_partnerships;imp_interpreters;comp_interpreters;comments" + padding + "\r\n"
            + "EE;Narva linn;teacher;Important;Low;Important;Low;ok" + padding + "\r\n"
            + "EE;Narva linn;teacher;Important;Low;Important;Low;ok" + String(repeating: ";", count: 17) + ";note\r\n"
            + "EE;Tartu linn;teacher;Important;Low;Important;Low;ok" + String(repeating: ";", count: 17) + ";note\r\n"
            + "EE;Tartu linn;teacher;Important;Low;Important;Low;ok" + padding + "\r\n"
        let notes = readAll(folder.write("notes.csv", wide))
        XCTAssertEqual(notes.header.first, "country")
        XCTAssertEqual(notes.data.map(\.line), [2, 3, 4, 5])
        XCTAssertEqual(notes.summary?.preambleRecords, 0)
        // A two-row header's upper row (group labels over the columns) is not above the table.
        let twoRows = "Riik;Omavalitsus;Amet;Olulisus;;Pädevus;\r\n;;;Partnerlus;Tõlgid;Partnerlus;Tõlgid\r\nEE;Narva linn;teacher;4;2;5;3\r\n"
        let result = readAll(folder.write("two.csv", twoRows))
        XCTAssertEqual(result.header.first, "Riik")
        XCTAssertEqual(result.summary?.preambleRecords, 0)
        // A header of two names over unnamed columns is still the header: the record below it holds figures.
        let fewNames = "country;municipality;;;;;\r\nEE;Narva linn;4;2;5;3;1\r\nEE;Narva linn;5;3;4;4;2\r\n"
        let named = readAll(folder.write("few.csv", fewNames))
        XCTAssertEqual(named.header, ["country", "municipality", "", "", "", "", ""])
        XCTAssertEqual(named.data.map(\.line), [2, 3])
        XCTAssertEqual(named.summary?.preambleRecords, 0)
    }

    /// A title of two cells, the second far to the right (`Küsitlus 2026;…;Seisuga 15.01.2026`),
    /// over a blank row or another title: above the table. It had been read as the header, and
    /// every row under it quarantined (a helper's probe: 30 respondents lost). A two-row header,
    /// group labels over the questions', stays the header; so does a header over a respondent who
    /// filled one cell.
    func testATitleOfTwoCellsFarApartOverABlankRowIsAboveTheTable() {
        let folder = TemporaryFolder()
        let header = "Nr;Riik;Omavalitsus;Amet;imp_partnerships;comp_partnerships;imp_interpreters;comp_interpreters;comments\r\n"
        let rows = "1;EE;Narva linn;teacher;4;2;5;3;ok\r\n2;EE;Tartu linn;teacher;5;3;4;4;\r\n"
        let cases: [(String, [Int])] = [
            ("Koolitusvajaduse küsitlus 2026;;;;;;;;Seisuga 15.01.2026\r\n;;;;;;;;\r\n", [1]),
            (";;Küsitlus;;;;;;2026\r\n;;;;;;;;\r\n", [1]),
            ("Küsitlus;;;;;Täitis: M. Tamm;;;\r\nIda-Virumaa;;;;;;;;\r\n", [1, 2]),
        ]
        for (above, notes) in cases {
            let result = readAll(folder.write("title.csv", above + header + rows))
            let table = result.records.filter { !$0.blank }
            XCTAssertEqual(table.first?.fields.first, "Nr", above)
            XCTAssertEqual(table.map(\.line), [3, 4, 5], above)
            XCTAssertEqual(result.diagnostics.filter { $0.code == "preamble_skipped" }.map(\.line), notes, above)
            XCTAssertEqual(result.summary?.quarantinedRecords, 0, above)
            XCTAssertEqual(DialectSniffer.sniff(Array((above + header + rows).utf8)).table.preambleRecords, 2, above)
        }
        let twoRows = "Nr;Riik;Omavalitsus;Amet;Olulisus;;Pädevus;;\r\n;;;;Partnerlus;Tõlgid;Partnerlus;Tõlgid;Märkused\r\n" + rows
        let two = readAll(folder.write("two.csv", twoRows))
        XCTAssertEqual(two.header.first, "Nr")
        XCTAssertEqual(two.summary?.preambleRecords, 0)
        let oneCell = header + ";;;;;;;;gone\r\n" + ";EE;Narva linn;teacher;Important;Low;Important;Low;ok\r\n"
        let answers = readAll(folder.write("one.csv", oneCell))
        XCTAssertEqual(answers.header.first, "Nr")
        XCTAssertEqual(answers.summary?.preambleRecords, 0)
    }

    func testRecordsEndingWithCarriageReturnOnlyKeepLineFeedsInFields() {
        let folder = TemporaryFolder()
        let text = "id;note;n\r1;first line\nsecond line;5\r2;plain;6\r"
        let result = readAll(folder.write("mac.csv", text))
        XCTAssertEqual(result.summary?.dialect.carriageReturnOnly, true)
        XCTAssertEqual(result.data.map(\.fields), [["1", "first line\nsecond line", "5"], ["2", "plain", "6"]])
    }

    func testSniffCommandJSON() throws {
        let results = SniffCommand.run(paths: [Paths.inputs + "/responses/LT_msforms_excel_1257.csv"], options: ReaderOptions())
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SniffCommand.json(results).utf8)) as? [[String: Any]])
        XCTAssertEqual(json.first?["encoding"] as? String, "windows-1257")
        XCTAssertEqual(json.first?["encoding_evidence"] as? String, "statistical")
        XCTAssertEqual(json.first?["delimiter"] as? String, "semicolon")
        XCTAssertEqual(json.first?["line_ending"] as? String, "CRLF")
        XCTAssertEqual(json.first?["preamble_records"] as? Int, 0)
        XCTAssertEqual(json.first?["columns"] as? Int, 25)
    }
}

extension DialectSnifferTests {
    /// R's write.table with row names: the header has no name for the row-name column.
    func testHeaderOneNameShortGetsAnUnnamedFirstColumn() {
        let folder = TemporaryFolder()
        let text = "\"a\";\"b\"\n\"r1\";\"1\";\"2\"\n\"r2\";\"3\";\"4\"\n\"r3\";\"5\";\"6\"\n"
        let result = readAll(folder.write("r.csv", text))
        XCTAssertEqual(result.header, ["", "a", "b"])
        XCTAssertEqual(result.data.map(\.fields), [["r1", "1", "2"], ["r2", "3", "4"], ["r3", "5", "6"]])
        XCTAssertEqual(result.diagnostics.map(\.code), ["unnamed_first_column"])
        XCTAssertEqual(result.summary?.quarantinedRecords, 0)
    }

    /// A small Google Forms export of two columns, answers of a few words: split at the spaces
    /// (the header `Timestamp,Question` one field over rows of three, the dates typed data), its
    /// answers were scattered over columns. Two columns with `;` or tab, and one column of
    /// sentences, are read as written too.
    func testSmallTablesOfAnswersInWordsAreNotSplitAtSpaces() {
        let folder = TemporaryFolder()
        let cases: [(String, String, [String], [[String]])] = [
            ("Timestamp,Question\r\n3/1/2024 10:00:00,Yes often\r\n3/2/2024 11:00:00,No never\r\n3/2/2024 12:00:00,Maybe later\r\n",
             ",", ["Timestamp", "Question"], [["3/1/2024 10:00:00", "Yes often"], ["3/2/2024 11:00:00", "No never"],
                                              ["3/2/2024 12:00:00", "Maybe later"]]),
            ("Timestamp,Question\n2024/03/01 10:00:00 AM EET,Need more law\n2024/03/02 11:30:00 AM EET,\"Yes, with families\"\n",
             ",", ["Timestamp", "Question"], [["2024/03/01 10:00:00 AM EET", "Need more law"],
                                              ["2024/03/02 11:30:00 AM EET", "Yes, with families"]]),
            ("Timestamp;Question\n01.03.2024 10:00;Need more law\n02.03.2024 11:30;\"Yes; with families\"\n",
             ";", ["Timestamp", "Question"], [["01.03.2024 10:00", "Need more law"], ["02.03.2024 11:30", "Yes; with families"]]),
            ("Timestamp\tQuestion\n01.03.2024 10:00\tNeed more law\n02.03.2024 11:30\tWork with families\n",
             "tab", ["Timestamp", "Question"], [["01.03.2024 10:00", "Need more law"], ["02.03.2024 11:30", "Work with families"]]),
            ("Question\nNeed more training on law\nWork with families now\nNot sure what to say\n",
             ",", ["Question"], [["Need more training on law"], ["Work with families now"], ["Not sure what to say"]]),
        ]
        for (index, (text, delimiter, header, data)) in cases.enumerated() {
            let path = folder.write("small\(index).csv", text)
            XCTAssertEqual(DialectSniffer.sniff(Array(text.utf8), isWholeFile: true).delimiterName, delimiter, text)
            let result = readAll(path)
            XCTAssertEqual(result.header, header, text)
            XCTAssertEqual(result.data.map(\.fields), data, text)
        }
    }

    /// A small Microsoft Forms export whose only spaces are in its two time columns (headings of
    /// its own without spaces, answers of one word): split at the spaces, the date and the time
    /// of each submission read as two numbers, it scored as a table of three columns above its
    /// seven comma-separated ones, and no column matched the form. A submission's date and time
    /// is one cell of typed data.
    func testTimesOfDayAreNotSplitFromTheirDates() {
        let folder = TemporaryFolder()
        let text = "ID,Start time,Completion time,Email,Name,country,municipality\n"
            + "1,14.01.2025 10:00,14.01.2025 10:05,anonymous,,Estonia,Narva\n"
            + "2,15.01.2025 10:00,15.01.2025 10:05,anonymous,,Estonia,Tartu\n"
        XCTAssertEqual(DialectSniffer.sniff(Array(text.utf8), isWholeFile: true).delimiterName, ",")
        let result = readAll(folder.write("msforms.csv", text))
        XCTAssertEqual(result.header, ["ID", "Start time", "Completion time", "Email", "Name", "country", "municipality"])
        XCTAssertEqual(result.data.map(\.fields), [["1", "14.01.2025 10:00", "14.01.2025 10:05", "anonymous", "", "Estonia", "Narva"],
                                                    ["2", "15.01.2025 10:00", "15.01.2025 10:05", "anonymous", "", "Estonia", "Tartu"]])
        XCTAssertTrue(CellType.isKnown(Array("14.01.2025 10:00".utf8)[...]))
    }

    /// A Google or Microsoft Forms export whose answers are all labels: the submission times
    /// (`2025/02/07 10:00:00`, a date and a time) are data, so the header is one record; `needs
    /// sniff` said five (the first five records held no number).
    /// `--delimiter` refuses a line break, as it refuses the quote: `$'\n'` was taken, and
    /// `needs rows` printed the file as records split at random, its first lines missing.
    func testALineBreakIsNoDelimiter() {
        XCTAssertNil(Dialect.delimiter(fromUser: "\n"))
        XCTAssertNil(Dialect.delimiter(fromUser: "\r"))
        XCTAssertNil(Dialect.delimiter(fromUser: "\""))
        XCTAssertEqual(Dialect.delimiter(fromUser: ";"), UInt8(ascii: ";"))
        XCTAssertEqual(Dialect.delimiter(fromUser: "tab"), 0x09)
    }

    func testSubmissionTimesAreDataNotHeaderNames() {
        let rows = (1...6).map { "2025/02/0\($0) 10:00:0\($0),Estonia,Narva linn,Very important,High\r\n" }.joined()
        let text = "Timestamp,Country,Municipality,Importance,Competence\r\n" + rows
        XCTAssertEqual(DialectSniffer.sniff(Array(text.utf8), isWholeFile: true).table.headerRecords, 1)
        XCTAssertEqual(CellType.isDateTime(Array("3/1/2024 9:15:00 AM EET".utf8)[...]), true)
        XCTAssertEqual(CellType.isDateTime(Array("01.03.2024 10:00".utf8)[...]), true)
        XCTAssertEqual(CellType.isDateTime(Array("Very important".utf8)[...]), false)
        XCTAssertEqual(CellType.isDateTime(Array("2024 2025".utf8)[...]), false)
    }
}
