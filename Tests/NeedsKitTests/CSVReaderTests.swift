import Foundation
import XCTest
@testable import NeedsKit

final class CSVReaderTests: XCTestCase {
    // MARK: Conformance: every csv-spectrum case, exactly.

    func testEveryCSVSpectrumCaseMatchesItsJSON() throws {
        let folder = Paths.corpora + "/csv-spectrum"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/csvs").filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 11, "csv-spectrum corpus not found beside the repository")
        for name in names {
            var output = ""
            let result = RowsCommand.run(path: folder + "/csvs/" + name, options: ReaderOptions(), json: true) { output += $0 }
            XCTAssertNil(result.failure, name)
            let actual = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: String]]
            let expectedData = try Data(contentsOf: URL(fileURLWithPath: folder + "/json/" + name.replacingOccurrences(of: ".csv", with: ".json")))
            let expected = try JSONSerialization.jsonObject(with: expectedData) as? [[String: String]]
            XCTAssertEqual(actual, expected, name)
            // A few lines of a code page are thin evidence, which a note may say; nothing else.
            XCTAssertTrue(result.diagnostics.allSatisfy { $0.code == "encoding_uncertain" }, "\(name): \(result.diagnostics)")
        }
    }

    // MARK: Dialects

    func testDelimitersAreSniffed() {
        let folder = TemporaryFolder()
        let cases: [(String, String)] = [
            (",", "a,b,c\n1,\"x,y\",3\n4,5,6\n"),
            (";", "a;b;c\n1;2,5;3\n4;5,1;6\n"),
            ("tab", "a\tb\tc\n1\t2\t3\n"),
            ("|", "a|b|c\n1|2|3\n4|5|6\n"),
        ]
        for (index, (delimiter, text)) in cases.enumerated() {
            let result = readAll(folder.write("d\(index).csv", text))
            XCTAssertEqual(result.summary?.dialect.delimiterName, delimiter, text)
            XCTAssertEqual(result.header, ["a", "b", "c"], text)
            XCTAssertEqual(result.data.first?.fields.count, 3, text)
        }
    }

    func testDecimalCommasDoNotFoolTheSemicolonSniffer() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("baltic.csv", "vārds;vērtība;cits\nA;1,5;2,25\nB;3,75;4,5\n"))
        XCTAssertEqual(result.summary?.dialect.delimiterName, ";")
        XCTAssertEqual(result.data.map(\.fields), [["A", "1,5", "2,25"], ["B", "3,75", "4,5"]])
    }

    /// Spaces and tabs around an unquoted field are not part of it (libcsv's reading, as the
    /// README says of `needs rows`); a quoted field keeps its own.
    func testSpacesAroundAnUnquotedFieldAreNotPartOfIt() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("spaces.csv", "a,b,c\n\" x \", y ,\tz\t\n"))
        XCTAssertEqual(result.data.map(\.fields), [[" x ", "y", "z"]])
    }

    func testExcelSepLineDecidesAndIsNotARecord() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("sep.csv", "sep=;\r\na;b\r\n1,5;2\r\n"))
        XCTAssertEqual(result.summary?.dialect.evidence, .sepLine)
        XCTAssertEqual(result.header, ["a", "b"])
        XCTAssertEqual(result.records.first?.line, 2, "the header is on line 2, below sep=")
        XCTAssertEqual(result.data.map(\.fields), [["1,5", "2"]])
    }

    func testLineEndsAndLineNumbers() {
        let folder = TemporaryFolder()
        for (name, end) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
            let text = ["h1,h2", "1,\"two" + end + "lines\"", "", "3,4"].joined(separator: end) + end
            let result = readAll(folder.write(name + ".csv", text))
            XCTAssertEqual(result.summary?.dialect.lineEnding.rawValue, name.uppercased(), name)
            XCTAssertEqual(result.records.map(\.line), [1, 2, 4, 5], "\(name): header, a two-line record, a blank line, a record")
            XCTAssertEqual(result.records[1].fields, ["1", "two" + end + "lines"], name)
            XCTAssertTrue(result.records[2].blank, name)
            XCTAssertEqual(result.summary?.blankRecords, 1, name)
        }
    }

    func testMixedLineEndingsKeepLineNumbers() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("mixed.csv", "a,b\r\n1,2\n3,4\r5,6\r\n"))
        XCTAssertEqual(result.records.map(\.line), [1, 2, 3, 4])
        XCTAssertEqual(result.data.map(\.fields), [["1", "2"], ["3", "4"], ["5", "6"]])
    }

    func testQuotedFieldsKeepDelimitersQuotesNewlinesAndSpaces() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("q.csv", "a;b;c\n\" x; y \";\"say \"\"hi\"\"\";\"l1\nl2\"\n"))
        XCTAssertEqual(result.data.first?.fields, [" x; y ", "say \"hi\"", "l1\nl2"])
        XCTAssertTrue(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    func testRecordsAreTheSameWhateverTheChunkSize() {
        let folder = TemporaryFolder()
        let text = "h1;h2;h3\r\n\"a;1\";\"multi\r\nline \"\"q\"\"\";Šiaulių\r\n\r\nx;;\"\"\r\nlast;row;ž"
        let path = folder.write("chunks.csv", text)
        let reference = readAll(path)
        for size in [1, 2, 3, 5, 7, 64] {
            var options = ReaderOptions(delimiter: UInt8(ascii: ";"))
            options.chunkSize = size
            options.sampleSize = size
            let result = readAll(path, options: options)
            XCTAssertEqual(result.records.map(\.fields), reference.records.map(\.fields), "chunk \(size)")
            XCTAssertEqual(result.records.map(\.line), reference.records.map(\.line), "chunk \(size)")
        }
        XCTAssertEqual(reference.records.map(\.line), [1, 2, 4, 5, 6])
        XCTAssertEqual(reference.records[1].fields, ["a;1", "multi\r\nline \"q\"", "Šiaulių"])
        XCTAssertEqual(reference.records[4].fields, ["last", "row", "ž"])
    }

    /// libcsv builds each field in the record's own buffer, and the fields are looked at once a
    /// row (`ParseState.settleFields`): NUL bytes removed while a later field is still being
    /// built, a field longer than the buffer, a character split between two fields, all told
    /// with their places, whatever the chunk size.
    func testFieldsBuiltInPlaceAreCheckedWithTheirPlaces() {
        let folder = TemporaryFolder()
        var bytes = Array("a;b;c;d\n".utf8)
        bytes += Array("x".utf8) + [0] + Array("y;\"two\nlines\";\"".utf8) + Array(repeating: UInt8(ascii: "z"), count: 3000)
        bytes += Array("\";q\"q\n".utf8)
        bytes += Array("é;".utf8) + [0xC4] + Array("z;ok;".utf8) + Array(repeating: UInt8(ascii: "w"), count: 5000) + [0] + Array("v\n".utf8)
        bytes += Array("p".utf8) + [0xC4, UInt8(ascii: ";"), 0x8D] + Array("q;r;s\n".utf8)
        let path = folder.write("inplace.csv", bytes)
        let expectedFields = [
            ["a", "b", "c", "d"],
            ["xy", "two\nlines", String(repeating: "z", count: 3000), "q\"q"],
            ["é", "\u{FFFD}z", "ok", String(repeating: "w", count: 5000) + "v"],
            ["p\u{FFFD}", "\u{FFFD}q", "r", "s"],
        ]
        let codes: Set = ["nul_byte", "quote_in_unquoted_field", "invalid_utf8"]
        let expectedPlaces = ["nul_byte 2:1", "quote_in_unquoted_field 3:4", "invalid_utf8 4:2", "nul_byte 4:4",
                              "invalid_utf8 5:1", "invalid_utf8 5:2"]
        for size in [1, 2, 3, 7, 64, 1000, 1 << 16] {
            var options = ReaderOptions(delimiter: UInt8(ascii: ";"))
            options.encoding = .utf8
            options.chunkSize = size
            options.sampleSize = max(size, 16)
            let result = readAll(path, options: options)
            XCTAssertNil(result.error, "chunk \(size)")
            // Long fields compared whole, shown short.
            let short = { (rows: [[String]]) in rows.map { $0.map { $0.count > 40 ? "\($0.prefix(3))…\($0.suffix(1)) (\($0.count), \($0.hashValue))" : $0 } } }
            XCTAssertEqual(short(result.records.map(\.fields)), short(expectedFields), "chunk \(size)")
            XCTAssertEqual(result.records.map(\.line), [1, 2, 4, 5], "chunk \(size)")
            let places = result.diagnostics.filter { codes.contains($0.code) }.map { "\($0.code) \($0.line ?? 0):\($0.column ?? 0)" }
            XCTAssertEqual(places, expectedPlaces, "chunk \(size)")
        }
    }

    /// libcsv builds each field in the record's own buffer up to 16 bytes short of its end
    /// (`FieldSink.pointParser`), and may not grow it: it stops with CSV_ENOMEM and the reader
    /// grows the buffer, keeping the partial field. Fields of every length around the buffer's
    /// capacities (1024, 2048, 4096, 8192 bytes less the slack), quoted with doubled quotes
    /// falling on the boundary or not, empty and quoted-empty, read back exactly, in whatever
    /// chunks, with the parsing on its own thread too (`readAhead`, whose buffers of different
    /// capacities change places with the record libcsv writes into).
    func testFieldsOfEveryLengthAroundTheBufferCapacityReadBackExactly() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let plain = Array("abcxyz0123é".unicodeScalars)
        let quotedOnly = Array("\";\n".unicodeScalars)
        /// `length` bytes of UTF-8.
        func field(length: Int, quoted: Bool) -> String {
            var text = String.UnicodeScalarView()
            var bytes = 0
            while bytes < length {
                let pool = quoted && next(4) == 0 ? quotedOnly : plain
                var scalar = pool[next(pool.count)]
                if bytes + scalar.utf8.count > length { scalar = "a" }
                text.append(scalar)
                bytes += scalar.utf8.count
            }
            return String(text)
        }
        func encoded(_ value: String, quoted: Bool) -> String {
            quoted ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        let targets = [1008, 2032, 4080, 8176]
        var rows: [[String]] = [["a", "b", "c", "d"]]
        var text = "a;b;c;d\n"
        for target in targets {
            for delta in -3...3 {
                for quoted in [false, true] {
                    // The first three fields end where the buffer's room ends, give or take a byte
                    // (é is two bytes, a doubled quote two bytes of input for one of field).
                    let first = max(1, (target + delta) / 3)
                    let lengths = [first, first, max(1, target + delta - 2 * first)]
                    var row = lengths.map { field(length: $0, quoted: quoted) }
                    row.append(next(3) == 0 ? "" : field(length: 1 + next(40), quoted: quoted))
                    rows.append(row)
                    text += row.map { encoded($0, quoted: quoted && !$0.isEmpty) }.joined(separator: ";") + "\n"
                }
            }
            // A field longer than the buffer by itself, then an empty quoted one.
            let long = field(length: target * 2 + next(17), quoted: true)
            rows.append(["x", long, "", "y"])
            text += "x;" + encoded(long, quoted: true) + ";\"\";y\n"
        }
        let bytes = Array(text.utf8)
        for size in [1, 7, 1009, 4096, 1 << 16] {
            for ahead in [false, true] {
                var options = ReaderOptions(encoding: .utf8, delimiter: UInt8(ascii: ";"))
                options.chunkSize = size
                options.sampleSize = max(size, 64)
                let reader = CSVReader(bytes: bytes, displayName: "capacity.csv", options: options)
                var read: [[String]] = []
                var diagnostics: [Diagnostic] = []
                do {
                    let handler: (RecordBuffer) -> Void = { record in
                        for i in 1..<max(1, record.presentCount) {
                            XCTAssertLessThanOrEqual(record.sink.pointee.ends[i - 1], record.sink.pointee.ends[i])
                        }
                        XCTAssertLessThanOrEqual(record.byteCount + 16, record.sink.pointee.byteCapacity)
                        read.append(record.fields)
                    }
                    if ahead {
                        try reader.readAhead(diagnose: { diagnostics.append($0) }, handler)
                    } else {
                        try reader.read(diagnose: { diagnostics.append($0) }, handler)
                    }
                } catch {
                    XCTFail("chunk \(size) ahead \(ahead): \(error)")
                }
                XCTAssertEqual(read.count, rows.count, "chunk \(size) ahead \(ahead)")
                for (k, (got, expected)) in zip(read, rows).enumerated() where got != expected {
                    XCTFail("chunk \(size) ahead \(ahead): record \(k) differs: lengths \(got.map(\.utf8.count)), expected \(expected.map(\.utf8.count))")
                    break
                }
                XCTAssertEqual(diagnostics.filter { $0.severity != .note }.map(\.code), [], "chunk \(size) ahead \(ahead)")
            }
        }
    }

    /// A quoted field past `maxFieldBytes` whose closing quote (and spaces after it) is the last
    /// byte parsed before the limit is checked: the bytes dropped must not take the quote with
    /// them. libcsv, in the state after a closing quote, subtracts the quote and the spaces from
    /// the field's length when the field ends; with them dropped that length wrapped around to
    /// SIZE_MAX, and the quarantined record got a `malformed_field` warning it did not deserve.
    func testAFieldPastTheLimitEndingWhereAChunkEndsIsOneFinding() {
        for after in ["", "  "] {
            // 1,024 bytes of the field, its quote and spaces: past the limit at the last of them,
            // which ends a chunk of 1 or 2 bytes (the field starts at byte 9).
            let long = String(repeating: "y", count: 1024 - after.count)
            let text = "a;b;c\n1;\"" + long + "\"" + after + ";x\n2;ok;z\n"
            for size in [1, 2] {
                var options = ReaderOptions(encoding: .utf8, delimiter: UInt8(ascii: ";"))
                options.maxFieldBytes = 1024
                options.chunkSize = size
                options.sampleSize = 64
                var records: [(line: Int, fields: [String], quarantined: Bool)] = []
                var codes: [String] = []
                do {
                    try CSVReader(bytes: Array(text.utf8), displayName: "oversize.csv", options: options).read(diagnose: { codes.append($0.code) }) {
                        records.append(($0.line, $0.fields, $0.quarantineReason != nil))
                    }
                } catch {
                    XCTFail("chunk \(size): \(error)")
                }
                let label = "spaces after quote: \(after.count), chunk \(size)"
                XCTAssertEqual(codes, ["field_too_large"], label)
                XCTAssertEqual(records.map(\.line), [1, 2, 3], label)
                XCTAssertEqual(records.map(\.quarantined), [false, true, false], label)
                XCTAssertEqual(records.last?.fields, ["2", "ok", "z"], label)
            }
        }
    }

    // MARK: Encodings

    func testEveryEncodingFixtureDecodesToItsText() throws {
        let folder = Paths.repository + "/Tests/NeedsKitTests/Fixtures/encodings"
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json"))
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        XCTAssertGreaterThanOrEqual(expected.count, 10)
        for (name, entry) in expected.sorted(by: { $0.key < $1.key }) {
            let result = readAll(folder + "/" + name)
            XCTAssertEqual(result.summary?.encoding.encoding.rawValue, entry["encoding"] as? String, name)
            XCTAssertEqual(result.records.map(\.fields), entry["rows"] as? [[String]], name)
            // A few lines of a code page are thin evidence, which a note may say; nothing else.
            XCTAssertTrue(result.diagnostics.allSatisfy { $0.code == "encoding_uncertain" }, "\(name): \(result.diagnostics)")
        }
    }

    func testOneCyrillicWordInWindows1251IsNotReadAsBalticLetters() {
        let folder = TemporaryFolder()
        let bytes = encode("country,municipality,role,imp_intercultural,comp_intercultural\nEE,Нарва,teacher,4,3\n", as: .windows1251)
        let result = readAll(folder.write("tiny_ru.csv", bytes))
        XCTAssertEqual(result.summary?.encoding.encoding, .windows1251)
        XCTAssertEqual(result.data.first?.fields[1], "Нарва")
        // One word is thin evidence: said, with the --encoding to try.
        let note = result.diagnostics.first { $0.code == "encoding_uncertain" }
        XCTAssertEqual(note?.severity, .note)
        XCTAssertTrue(note?.message.contains("--encoding") ?? false, "\(String(describing: note))")
        // Baltic words of the same length still read as Baltic.
        for (text, encoding) in [("EE,Jõgeva vald,Pärnu,Võru\n", TextEncoding.windows1257),
                                 ("LT,Šalčininkų rajono savivaldybė,Anykščių\n", .windows1257),
                                 ("LV,Rēzeknes novads,Cēsu novads,Līvāni\n", .windows1257)] {
            let detected = EncodingDetector.detect(sample: encode("a,b,c,d\n" + text, as: encoding), isWholeFile: true)
            XCTAssertEqual(detected.encoding, encoding, text)
        }
    }

    /// How common a Cyrillic letter is counted for any two Cyrillic letters side by side, also
    /// inside a Latin word: Estonian double vowels read in Windows-1251 (`Ддremaa ццkool ььrikorterid`
    /// for `Ääremaa öökool üürikorterid`) scored as Russian, so a one-row Estonian file in
    /// Windows-1257 or 1252 had an encoding_uncertain note suggesting windows-1251, which it did
    /// not before. It counts inside a word of Cyrillic letters only.
    func testEstonianDoubleVowelsDoNotReadAsRussian() {
        for text in ["Riik;Omavalitsus;Amet;Kommentaar\r\nEesti;Põlva vald;Õpetaja;Ääremaa öökool ja üürikorterid\r\n",
                     "a;b\r\nJõhvi;Sotsiaaltöötaja, väga hää\r\n"] {
            for encoding in [TextEncoding.windows1257, .windows1252] {
                let detected = EncodingDetector.detect(sample: encode(text, as: encoding), isWholeFile: true)
                XCTAssertEqual(detected.encoding, .windows1257, "\(encoding) \(text)")
                XCTAssertNil(detected.closeAlternative, "\(encoding) \(text)")
            }
        }
    }

    /// Russian in capitals (`НАРВА`, `ФИО`, a heading row typed so) in Windows-1251 was read as
    /// KOI8-R (`мюпбю`), and in KOI8-R as Windows-1251 (`обтчб`), mostly without a note: the one
    /// puts its capitals where the other's small letters are, and small letters were preferred.
    /// Inside a Cyrillic word, how common its letters are now counts, and a word in capitals as
    /// one in small letters; mixed case as before.
    func testRussianInCapitalsIsReadInItsOwnCodePage() {
        let folder = TemporaryFolder()
        let texts = ["country;municipality;role\r\nEE;НАРВА;УЧИТЕЛЬ\r\n",
                     "СТРАНА;ГОРОД;ФИО\r\nEE;СИЛЛАМЯЭ;3\r\n",
                     "ОЧЕНЬ ВАЖНО;ПЕРЕВОДЧИКИ;ЭСТОНИЯ\r\nEE;НАРВА;2\r\nEE;СОЦИАЛЬНЫЙ РАБОТНИК;4\r\n",
                     "country;municipality\r\nEE;Нарва\r\nEE;поддержка беженцев\r\n"]
        for text in texts {
            for encoding in [TextEncoding.windows1251, .koi8r] {
                let result = readAll(folder.write("caps.csv", encode(text, as: encoding)))
                XCTAssertEqual(result.summary?.encoding.encoding, encoding, "\(encoding) \(text)")
                XCTAssertEqual(result.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), text)
            }
        }
    }

    /// An English comment's apostrophe (`’`, 0x92 in Windows-1257, 1251 and 1252 alike) as the
    /// only byte above ASCII: read as Windows-1257, the region's Windows code page, with no thin
    /// guess; it had an `encoding_uncertain` note suggesting KOI8-R (`people▓s`), and code page
    /// 775 reads it `peopleÆs`.
    func testAnApostropheAloneIsWindows1257WithoutAThinGuess() {
        let folder = TemporaryFolder()
        for text in ["name,comment\nAnna,people’s rights\nBoris,ok\n", "a;b\n’quoted’;It’s fine\n", "a\nDon’t know\n"] {
            let result = readAll(folder.write("apostrophe.csv", encode(text, as: .windows1257)))
            XCTAssertEqual(result.summary?.encoding.encoding, .windows1257, text)
            XCTAssertNil(result.summary?.encoding.closeAlternative, text)
            XCTAssertEqual(result.records.map { $0.fields.joined(separator: text.contains(";") ? ";" : ",") + "\n" }.joined(), text)
            XCTAssertEqual(result.diagnostics.map(\.code), [], text)
        }
    }

    /// Windows-1252 (a Western-locale Excel) with Western letters no Baltic word has: Windows-1257
    /// read `Zoë`, `François`, `naïve` and `rôle` as `Zoė`, `Franēois`, `naļve` and `rōle`, the
    /// more of them the surer (ten rows, no note at all). Letters of two Baltic languages in one
    /// field (Lithuanian ė beside Latvian ē) and Polish or Latgalian letters (`ō`, `ń`) count
    /// against a reading; a file of Latvian, Lithuanian and Estonian rows stays Windows-1257.
    func testWesternLettersInWindows1252AreNotReadAsBalticOnes() {
        let folder = TemporaryFolder()
        let western = [
            "name;role;comment\r\nJosé Núñez;rôle;“señor” – ok\r\nFrançois;naïve;café\r\nZoë Müller;ok;très bien\r\n",
            "name;comment\r\n" + (0..<10).map { "Anna \($0);Zoë and François said “très bien”\r\n" }.joined(),
            "name;comment\r\nAndré;rôle\r\n",
        ]
        for text in western {
            let result = readAll(folder.write("western.csv", encode(text, as: .windows1252)))
            XCTAssertEqual(result.summary?.encoding.encoding, .windows1252, text)
            XCTAssertEqual(result.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), text)
        }
        // Nor are Windows-1257's š ž ų ę (Ðalis, Këdainiø in Windows-1252, Icelandic and Nordic
        // letters) a near reading: a short Lithuanian file had a note suggesting windows-1252.
        for text in ["Šalis;Savivaldybė\r\nLietuva;Kėdainių\r\n", "a;b\r\nLT;Žemaitija, Šiaulių ir Kęstučio\r\n"] {
            let short = EncodingDetector.detect(sample: encode(text, as: .windows1257), isWholeFile: true)
            XCTAssertEqual(short.encoding, .windows1257, text)
            XCTAssertNil(short.closeAlternative, text)
        }
        var baltic = "country;municipality;role\r\n"
        for _ in 0..<5 {
            baltic += "LV;Rēzeknes novads;Sociālais darbinieks\r\nLT;Šiaulių miesto savivaldybė;Socialinė darbuotoja\r\n"
                + "EE;Jõhvi vald;Õpetaja\r\n"
        }
        let detected = EncodingDetector.detect(sample: encode(baltic, as: .windows1257), isWholeFile: true)
        XCTAssertEqual(detected.encoding, .windows1257)
        XCTAssertNil(detected.closeAlternative)
        // Delimited by `|`: its fields are fields too (a differential tester's Estonian export
        // with `Druskininkų` had been read as Windows-1252, the place `Druskininkø`, unknown).
        let piped = "ID|Riik|Omavalitsus|Teie amet|Kommentaar\r\n6|Leedu|Druskininkų|Muu|Kõik on hästi\r\n"
            + "7|Eesti|Jõhvi vald|Õpetaja|\r\n"
        XCTAssertEqual(EncodingDetector.detect(sample: encode(piped, as: .windows1257), isWholeFile: true).encoding, .windows1257)
    }

    func testPlentyOfTextIsNoThinGuess() throws {
        let text = String(repeating: "LT,Šalčininkų rajono savivaldybė,mokytojas,Vilniaus miesto savivaldybė\n", count: 20)
        let detected = EncodingDetector.detect(sample: encode(text, as: .windows1257), isWholeFile: true)
        XCTAssertEqual(detected.encoding, .windows1257)
        XCTAssertNil(detected.closeAlternative)
    }

    /// ISO-8859-4 (Latin-4), the older Baltic code page, puts ā ē ī ū š ž ķ ļ ņ ą ę ė į ų elsewhere
    /// than Windows-1257: a Latvian or Lithuanian file in it was read as Windows-1257 (`Rŗzekne`,
    /// `Jžrmala`) with a note suggesting Windows-1252. An Estonian Windows-1257 file, which reads
    /// alike in both but for š and ž, is still Windows-1257 with no thin guess.
    func testLatin4BalticFilesAreReadAsLatin4() {
        let folder = TemporaryFolder()
        let latvian = "country;municipality;role\nLV;Rēzekne;Sociālais darbinieks\nLV;Jūrmala;Skolotājs vai izglītības darbinieks\nLV;Ķekava;Pašvaldības administrators\n"
        let lithuanian = "country;municipality;role\nLT;Šiaulių miesto savivaldybė;Socialinis darbuotojas\nLT;Kėdainių rajono savivaldybė;Integracijos koordinatorius\n"
        for (name, text) in [("lv.csv", latvian), ("lt.csv", lithuanian)] {
            let result = readAll(folder.write(name, encode(text, as: .iso8859_4)))
            XCTAssertEqual(result.summary?.encoding.encoding, .iso8859_4, name)
            XCTAssertEqual(result.records.map { $0.fields.joined(separator: ";") + "\n" }.joined(), text, name)
        }
        // Few letters, each of which Windows-1257 reads as a letter of the region too (`Rļga`,
        // `Jžrmala`, `savivaldybģ`): the two readings had tied, and the tie went to 1257 (a
        // differential tester's E1: LV lost its respondents of Rīga). A consonant between
        // consonants is no word of the region's.
        let few = "country;municipality;imp_intercultural\nLV;Rīga;4\n;Jūrmala;5\nLT;Visagino savivaldybė;3\n"
        let fewRead = readAll(folder.write("few.csv", encode(few, as: .iso8859_4)))
        XCTAssertEqual(fewRead.summary?.encoding.encoding, .iso8859_4)
        XCTAssertEqual(fewRead.records.map { $0.fields.joined(separator: ";") + "\n" }.joined(), few)
        // The same bytes' other reading stays Windows-1257's where its letters sit among vowels,
        // and ž after a consonant is a word's (a reviewer's: an Estonian file of 300 rows had
        // gone to ISO-8859-4 over one `kolledž`, a Lithuanian one over `Apžvalga`).
        for ordinary in ["LV;Ķekava;4\nLV;Ļoti svarīgi;5\nLT;Žagarė;3\nLT;žmonės;4\n", "EE;Muu: Virumaa kolledž;4\n",
                         "EE;Töötan Narva kolledžis;4\nEE;oranž rühm;3\n", "LT;Apžvalga: gerai;5\n", "LT;Veržlus;4\n",
                         "LT;Biržai;4\nLT;varžtas;3\n", "LV;Rīga;Cits (projektu menedžments);4\n", "LV;Jūrmala;4\nLV;Džordžs;3\n"] {
            let text = "country;municipality;imp_intercultural\n" + ordinary
            XCTAssertEqual(EncodingDetector.detect(sample: encode(text, as: .windows1257), isWholeFile: true).encoding, .windows1257, ordinary)
        }
        XCTAssertEqual(TextEncoding(userName: "Latin4"), .iso8859_4)
        XCTAssertEqual(TextEncoding(userName: "ISO-8859-4"), .iso8859_4)
        let estonian = String(repeating: "EE;Jõhvi vald;Sotsiaaltöötaja;väga oluline;Pärnu linn;šokk\n", count: 10)
        let detected = EncodingDetector.detect(sample: encode(estonian, as: .windows1257), isWholeFile: true)
        XCTAssertEqual(detected.encoding, .windows1257)
        XCTAssertNil(detected.closeAlternative)
    }

    /// Code page 775, what old DOS tools of the Baltic states write, was not known: a Lithuanian
    /// file in it was read as Windows-1257 without a word (`VidutinÓ` for `Vidutinė`), a Latvian
    /// one as Windows-1252 (`Vid‰ja`), and `--encoding cp775` was refused.
    func testDOSBalticCodePageIsKnown() {
        for name in ["cp775", "IBM775", "CP-775"] {
            XCTAssertEqual(TextEncoding(userName: name)?.rawValue, "cp775", name)
        }
        let text = "LT;Šalčininkų rajono savivaldybė;mokytojas;Vidutinė;Žema;Aukšta\n"
        XCTAssertEqual(EncodingDetector.detect(sample: encode(text, as: .windows1257)).encoding, .windows1257)
        // Windows-1257 answers between „ and “ (0x84, 0x93: ä and ō in code page 775) are not
        // taken for code page 775.
        var quoted = "country,municipality,role,imp,training_wanted,email\n"
        for k in 0..<20 {
            quoted += "„EE“,„Jõelähtme vald“,„other“,\(k % 5 + 1),„gbv_prevention“,„person\(k)@example.org“\n"
        }
        XCTAssertEqual(EncodingDetector.detect(sample: encode(quoted, as: .windows1257)).encoding, .windows1257)
        // Nor an ellipsis (0x85, ģ in code page 775) after English words.
        let comments = (0..<40).map { "\($0);LV;Thanks a lot… really good… more please\r\n" }.joined()
        XCTAssertEqual(EncodingDetector.detect(sample: encode("id;country;comment\r\n" + comments, as: .windows1257)).encoding,
                       .windows1257)
    }

    /// Code page 866, what Excel's "CSV (MS-DOS)" writes on a Russian Windows, was not known: a
    /// Russian file in it was read as Windows-1251 without a word (every answer garbled, a
    /// probe's), and `--encoding cp866` was refused. Windows-1251 and KOI8-R files stay theirs.
    func testDOSRussianCodePageIsKnown() {
        for name in ["cp866", "IBM866", "CP-866"] {
            XCTAssertEqual(TextEncoding(userName: name)?.rawValue, "cp866", name)
        }
        var text = "Страна;Муниципалитет;Должность;Важность\r\n"
        for k in 0..<20 { text += "Эстония;Нарва;социальный работник;\(k % 5 + 1)\r\nЛатвия;Даугавпилс;учитель;\(k % 4 + 1)\r\n" }
        let detected = EncodingDetector.detect(sample: encode(text, as: .cp866))
        XCTAssertEqual(detected.encoding, .cp866)
        XCTAssertNil(detected.closeAlternative)
        XCTAssertEqual(EncodingDetector.detect(sample: encode(text, as: .windows1251)).encoding, .windows1251)
        XCTAssertEqual(EncodingDetector.detect(sample: encode(text, as: .koi8r)).encoding, .koi8r)
        // A short one: a header and a row.
        let short = "Страна;Муниципалитет\r\nЭстония;Нарва\r\n"
        XCTAssertEqual(EncodingDetector.detect(sample: encode(short, as: .cp866)).encoding, .cp866)
        XCTAssertEqual(EncodingDetector.detect(sample: encode(short, as: .windows1251)).encoding, .windows1251)
    }

    /// A file whose sample (its first MiB) is plain ASCII and whose letters come later (an export
    /// sorted by country, Estonia's `Narva linn` first) was read as UTF-8 to the end: every later
    /// Windows-1257 letter became U+FFFD with an `invalid_utf8` warning, the places unknown. The
    /// encoding is decided where the first non-ASCII byte is, ASCII reading alike in all.
    func testLettersAfterAnASCIISampleDecideTheEncoding() {
        let folder = TemporaryFolder()
        var text = "country;municipality;role;imp\r\n"
        for k in 0..<40 { text += "EE;Narva linn;teacher;\(k % 5 + 1)\r\n" }
        for k in 0..<20 { text += "LT;Šiaulių miesto savivaldybė;socialinė darbuotoja;\(k % 5 + 1)\r\n" }
        var options = ReaderOptions()
        options.sampleSize = 256
        options.chunkSize = 512
        // 0xA1, unassigned in Windows-1257, on line 62.
        let path = folder.write("late.csv", encode(text, as: .windows1257) + Array("LT;x".utf8) + [0xA1, 0x0D, 0x0A])
        let result = readAll(path, options: options)
        XCTAssertEqual(result.records.dropLast().map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), text)
        XCTAssertEqual(result.diagnostics.filter { $0.code == "invalid_bytes" }.map(\.line), [62])
        XCTAssertEqual(result.summary?.encoding.encoding, .windows1257)
        // needs sniff tells what the reader will use: the same.
        XCTAssertEqual(try CSVReader(path: path, options: options).detect().0.encoding, .windows1257)
        let sniffed = SniffCommand.text(SniffCommand.run(paths: [path], options: options))
        // The header's 31 bytes, 40 rows of 25 and `LT;`.
        XCTAssertTrue(sniffed.contains("windows-1257 (statistical, from the first non-ASCII byte, past 1034 bytes"),
                      sniffed)
        XCTAssertFalse(result.codes.contains("invalid_utf8"), "\(result.diagnostics)")
        let note = result.diagnostics.first { $0.code == "encoding_after_ascii" }
        XCTAssertEqual(note?.severity, .note)
        XCTAssertEqual(note?.line, 42)
        XCTAssertTrue(note?.message.contains("windows-1257") ?? false, "\(String(describing: note))")
        // UTF-8 letters after the sample stay UTF-8, without a note.
        let utf8 = readAll(folder.write("late8.csv", Array(text.utf8)), options: options)
        XCTAssertEqual(utf8.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), text)
        XCTAssertEqual(utf8.summary?.encoding.encoding, .utf8)
        XCTAssertTrue(utf8.diagnostics.isEmpty, "\(utf8.diagnostics)")
    }

    /// UTF-8 opened in Excel as its code page and saved again as "CSV UTF-8" (`РЎС‚СЂР°РЅР°` for
    /// `Страна`, `JÃµhvi` for `Jõhvi`) is valid UTF-8 whose every letter is garbled: it was read
    /// without a word, its columns matching no question and its places unknown. A warning names
    /// the code page and shows a word of the first line as it was, or below it a letter.
    func testUTF8SavedAgainThroughACodePageIsWarnedAbout() {
        let folder = TemporaryFolder()
        let cases: [(String, String, String, String)] = [
            ("ru.csv", "РЎС‚СЂР°РЅР°;РњСѓРЅРёС†РёРїР°Р»РёС‚РµС‚;Р”РѕР»Р¶РЅРѕСЃС‚СЊ\nР\u{AD}СЃС‚РѕРЅРёСЏ;РќР°СЂРІР°;"
                + "РЎРѕС†РёР°Р»СЊРЅС‹Р№ СЂР°Р±РѕС‚РЅРёРє\n", "windows-1251", "Страна"),
            ("et.csv", "Riik;Omavalitsus;Amet\nEesti;JÃµhvi vald;SotsiaaltÃ¶Ã¶taja\n"
                + "Eesti;PÃ¤rnu linn;Ã•petaja\n", "windows-1252", "õ"),
            ("lv.csv", "Valsts;PaÅ¡valdÄ«ba;Amats\nLatvija;RÄ“zeknes novads;SociÄ\u{81}lais darbinieks\n",
             "windows-1257", "Pašvaldība"),
        ]
        for (name, text, encoding, word) in cases {
            let result = readAll(folder.write(name, text))
            let warning = result.diagnostics.first { $0.code == "double_encoded" }
            XCTAssertEqual(warning?.severity, .warning, name)
            let message = warning?.message ?? ""
            XCTAssertTrue(message.contains(encoding) && message.contains("`\(word)`"), "\(name): \(message)")
        }
        // Garbled below the first line only (a respondent's row): the warning shows one letter,
        // not the word, which may be a name (a reviewer's probe: a surname from `contact_email`).
        let row = readAll(folder.write("row.csv", "country;contact_email;comments\nEE;РЎРјРёСЂРЅРѕРІР°@narva.ee;РЎРїР°СЃРёР±Рѕ\n"))
        let message = row.diagnostics.first { $0.code == "double_encoded" }?.message ?? ""
        XCTAssertTrue(message.contains("windows-1251") && message.contains("(`РЎ` was `С`)"), message)
        XCTAssertFalse(message.contains("Смирнова") || message.contains("РјРёСЂ"), message)
        // Lines ended by CR alone (old Mac Excel) too (a reviewer's probe), and the line is its own.
        let mac = readAll(folder.write("mac.csv", "country;contact_email;comments\rEE;РЎРјРёСЂРЅРѕРІР°@narva.ee;РЎРїР°СЃРёР±Рѕ\r"))
        let macWarning = mac.diagnostics.first { $0.code == "double_encoded" }
        XCTAssertTrue(macWarning?.message.contains("(`РЎ` was `С`)") ?? false, "\(mac.diagnostics)")
        XCTAssertEqual(macWarning?.line, 2)
        // Real text of the region is not taken for it: Ukrainian і after a capital, Latin-1 words.
        for text in ["Країна;Сільська громада;Організація\nУкраїна;Сі Сі Ті;Іванків\n",
                     "Riik;Märkus\nEesti;Õpetajad ütlesid: „väga hea“ — Pärnus ja Võrus\n",
                     "Pays;Commentaire\nFrance;Ã bientôt, déjà vu\n"] {
            let result = readAll(folder.write("real.csv", text))
            XCTAssertFalse(result.codes.contains("double_encoded"), "\(text): \(result.diagnostics)")
        }
    }

    /// A UTF-8 export with a few rows typed in a code page (an analyst's rows appended in
    /// Notepad or Excel on a Baltic or Russian Windows): the whole file was read as Windows-1257,
    /// every UTF-8 name garbled (`JĆµhvi vald`), or, with fewer such rows, those rows' letters
    /// were U+FFFD. The file is read as UTF-8; each field that is not is read in the code page its
    /// bytes read best in, with a warning naming its place and the code page. Whatever the chunk
    /// size (fields rewritten longer while libcsv builds the next one), and past the sample too.
    func testRowsTypedInACodePageInAUTF8FileAreReadInIt() {
        let folder = TemporaryFolder()
        var utf8 = "country;municipality;role;comment\r\n"
        let places = ["Jõhvi vald", "Kohtla-Järve linn", "Pärnu linn", "Võru linn", "Tallinn"]
        for k in 0..<12 { utf8 += "EE;\(places[k % 5]);teacher;väga hea \(k)\r\n" }
        let cases: [(TextEncoding, String, [[Int]])] = [
            (.windows1257, "EE;Jõhvi vald;teacher;ok\r\nEE;Kohtla-Järve linn;õpetaja;tõlgid „šokk“ – väga\r\n"
                + "EE;Tallinn;teacher;ok\r\nLV;Rīga;skolotājs;ļoti svarīgi\r\n",
             [[14, 2], [15, 2], [15, 3], [15, 4], [17, 2], [17, 3], [17, 4]]),
            (.windows1251, "EE;Нарва;учитель;очень важно\r\nEE;Силламяэ;социальный работник;ok\r\n",
             [[14, 2], [14, 3], [14, 4], [15, 2], [15, 3]]),
        ]
        for (encoding, typed, expectedPlaces) in cases {
            let bytes = Array(utf8.utf8) + encode(typed, as: encoding)
            let path = folder.write("mixed.csv", bytes)
            for (chunkSize, sampleSize) in [(1 << 16, 1 << 20), (7, 1 << 20), (1, 1 << 20), (64, utf8.utf8.count)] {
                var options = ReaderOptions()
                options.chunkSize = chunkSize
                options.sampleSize = sampleSize
                let result = readAll(path, options: options)
                let label = "\(encoding) chunk \(chunkSize) sample \(sampleSize)"
                XCTAssertEqual(result.summary?.encoding.encoding, .utf8, label)
                XCTAssertEqual(result.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), utf8 + typed, label)
                let warnings = result.diagnostics.filter { $0.code == "invalid_utf8" }
                XCTAssertEqual(warnings.map { [$0.line ?? 0, $0.column ?? 0] }, expectedPlaces, label)
                XCTAssertTrue(warnings.allSatisfy { $0.message.contains("read as \(encoding.rawValue)") }, "\(warnings)")
                XCTAssertEqual(result.diagnostics.count, warnings.count, "\(result.diagnostics)")
            }
        }
        let sample = Array(utf8.utf8) + encode(cases[0].1, as: .windows1257)
        let detected = EncodingDetector.detect(sample: sample, isWholeFile: true)
        XCTAssertEqual(detected.evidence, .mostlyUTF8)
        XCTAssertEqual(detected.notUTF8CodePage, .windows1257)
        // --encoding utf-8 is taken at its word: U+FFFD, said.
        let given = readAll(folder.write("given.csv", sample), options: ReaderOptions(encoding: .utf8))
        XCTAssertEqual(given.data[12].fields[1], "J\u{FFFD}hvi vald")
        // A code-page file some of whose lines happen to be valid UTF-8 (Ukrainian capitals `РІ`,
        // D0 B2, is UTF-8's `в`) stays the code page: most of its lines are not UTF-8.
        var ukrainian = "Країна;Громада;Примітка\r\n"
        for k in 0..<6 { ukrainian += "Україна;Сільська громада \(k);дуже важливо\r\n" + (k % 2 == 0 ? "UA;РІ;ok\r\n" : "") }
        let codePage = encode(ukrainian, as: .windows1251)
        XCTAssertEqual(EncodingDetector.utf8Evidence(codePage).validLines, 3)
        XCTAssertEqual(EncodingDetector.detect(sample: codePage, isWholeFile: true).encoding, .windows1251)
        let read = readAll(folder.write("uk.csv", codePage))
        XCTAssertEqual(read.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), ukrainian)
    }

    /// A UTF-8 download's header (and its first rows, or none) with many more rows typed in
    /// Excel on a Baltic Windows below it (a helper's probe): the sample's lines were mostly
    /// Windows-1257, so the whole file was read in it, the header's every letter garbled
    /// (`PaÅ¡valdÄ«ba`) and no column matched. The first line beyond ASCII is UTF-8 with the
    /// region's letters: the file is UTF-8, the typed rows read in the code page.
    func testAUTF8HeaderAboveRowsTypedInACodePageIsReadAsUTF8() {
        let folder = TemporaryFolder()
        let header = "Valsts;Pašvaldība;Jūsu amats;Komentārs\r\n"
        let row = { (k: Int) in "Latvija;\(["Rēzekne", "Jelgavas novads", "Cēsu novads"][k % 3]);Sociālais darbinieks;ļoti svarīgi \(k)\r\n" }
        for first in [0, 4] {
            let utf8 = header + (0..<first).map(row).joined()
            let typed = (first..<40).map(row).joined()
            let path = folder.write("mixed\(first).csv", Array(utf8.utf8) + encode(typed, as: .windows1257))
            let result = readAll(path)
            XCTAssertEqual(result.summary?.encoding.encoding, .utf8, "\(first)")
            XCTAssertEqual(result.summary?.encoding.evidence, .mostlyUTF8, "\(first)")
            XCTAssertEqual(result.header, ["Valsts", "Pašvaldība", "Jūsu amats", "Komentārs"], "\(first)")
            XCTAssertEqual(result.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), utf8 + typed, "\(first)")
        }
        // Lines of one UTF-8 letter each, over 4 KiB, then more typed in the code page: read in the
        // code page, the text switches to UTF-8 at its first letter, and the note said
        // "windows-1257 above" of a file with nothing above but ASCII.
        let few = "id;name\r\n" + (0..<600).map { "\($0);Rīga\r\n" }.joined()
        let more = (600..<2000).map { "\($0);Cēsis ģērbtuve\r\n" }.joined()
        let switched = readAll(folder.write("switch.csv", Array(few.utf8) + encode(more, as: .windows1257)))
        let change = switched.diagnostics.filter { $0.code == "encoding_changes" }
        XCTAssertEqual(change.map(\.line), [2], "\(switched.diagnostics)")
        XCTAssertTrue(change.first?.message.contains("UTF-8 from its first letter beyond ASCII, here, though the start of the file read best as ") ?? false, "\(change)")
        XCTAssertFalse(change.first?.message.contains("above") ?? true)
        // A code-page file whose first line beyond ASCII pairs into UTF-8 by chance (`РІ`, one
        // character) stays the code page.
        var ukrainian = "Code;Note\r\nUA;РІ\r\n"
        for k in 0..<6 { ukrainian += "UA;Сільська громада \(k)\r\n" }
        XCTAssertEqual(EncodingDetector.detect(sample: encode(ukrainian, as: .windows1251), isWholeFile: true).encoding, .windows1251)
    }

    /// A UTF-8 byte order mark before Windows-1257 text (a header written by one tool, the rows
    /// by Excel; an editor's "UTF-8 with BOM" label put on a file it did not convert): every
    /// letter was U+FFFD and the file unusable, and the `--encoding windows-1257` suggested read
    /// the mark as `ļ»æ` at the start of the first column's name.
    func testAUTF8MarkBeforeCodePageTextDoesNotDecide() {
        let folder = TemporaryFolder()
        let text = "Šalis;Savivaldybė;Pareigos\r\nLietuva;Šiaulių miesto savivaldybė;Socialinė darbuotoja\r\n"
            + "Lietuva;Kėdainių rajono savivaldybė;Mokytoja\r\n"
        let path = folder.write("bom1257.csv", [0xEF, 0xBB, 0xBF] + encode(text, as: .windows1257))
        let detected = readAll(path)
        XCTAssertEqual(detected.summary?.encoding.encoding, .windows1257)
        XCTAssertEqual(detected.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), text)
        XCTAssertFalse(detected.codes.contains("invalid_utf8"), "\(detected.diagnostics)")
        let note = detected.diagnostics.first { $0.code == "bom_not_utf8" }
        XCTAssertTrue(note?.message.contains("windows-1257") ?? false, "\(detected.diagnostics)")
        let forced = readAll(path, options: ReaderOptions(encoding: .windows1257))
        XCTAssertEqual(forced.header.first, "Šalis")
        // needs sniff says so too; it said "windows-1257 (statistical, BOM)".
        let sniffed = SniffCommand.text(SniffCommand.run(paths: [path], options: ReaderOptions()))
        XCTAssertTrue(sniffed.contains("windows-1257 (statistical, UTF-8 BOM skipped: the text after it is not UTF-8"),
                      sniffed)
        let json = SniffCommand.json(SniffCommand.run(paths: [path], options: ReaderOptions()))
        XCTAssertTrue(json.contains("\"encoding_note\": \"UTF-8 BOM skipped: the text after it is not UTF-8\""), json)
    }

    /// The warning of a field read in a code page quoted its first 60 characters: a comment, a
    /// name or an e-mail address typed so reached clean/issues.csv (personal data in reports/,
    /// where free text not marked `report` never goes), and a long field's quote could end before
    /// the letters read in the code page, which are what tells whether it is the right one. It
    /// names those letters, and no word of the field.
    func testAFieldReadInACodePageIsNotQuotedInItsWarning() {
        let folder = TemporaryFolder()
        var utf8 = "country;municipality;role;comment\r\n"
        for k in 0..<8 { utf8 += "EE;Jõhvi vald;teacher;väga hea \(k)\r\n" }
        let comment = "Mari Tamm, phone 5551234, would like a longer course next spring: tänan, õpetajad"
        let typed = "EE;Tallinn;teacher;\(comment)\r\n"
        let result = readAll(folder.write("mixed.csv", Array(utf8.utf8) + encode(typed, as: .windows1257)))
        XCTAssertEqual(result.summary?.encoding.encoding, .utf8)
        XCTAssertEqual(result.data.last?.fields, ["EE", "Tallinn", "teacher", comment])
        let warnings = result.diagnostics.filter { $0.code == "invalid_utf8" }
        XCTAssertEqual(warnings.map { [$0.line ?? 0, $0.column ?? 0] }, [[10, 4]])
        let message = warnings.first?.message ?? ""
        for word in ["Mari", "Tamm", "5551234", "spring", "tänan", "õpetajad"] {
            XCTAssertFalse(message.contains(word), "\(word) in \(message)")
        }
        XCTAssertTrue(message.contains("windows-1257"), message)
        XCTAssertTrue(message.contains("`ä õ`"), message)
        // In Cyrillic every letter is one read so: in the order met they spelt the words
        // (`М а р и я ...`); in the alphabet's order they do not.
        let russian = "EE;Нарва;учитель;Мария Иванова\r\n"
        let read = readAll(folder.write("ru.csv", Array(utf8.utf8) + encode(russian, as: .windows1251)))
        XCTAssertEqual(read.data.last?.fields, ["EE", "Нарва", "учитель", "Мария Иванова"])
        let said = read.diagnostics.filter { $0.code == "invalid_utf8" }.map(\.message)
        XCTAssertEqual(said.count, 3)
        XCTAssertTrue(said.last?.contains("`И М а в и н о р я`") ?? false, "\(said)")
        XCTAssertTrue(said.first?.contains("`Н а в р`") ?? false, "\(said)")
    }

    /// A UTF-8 export with rows typed on two Windows (a Russian-speaking worker's in Windows-1251,
    /// an Estonian one's in Windows-1257: Narva) read every such field in one code page, the
    /// first decided: `Narva-Jхesuu linn`, `хpetaja` (an unknown municipality) or `Íŕđâŕ`. A field
    /// that code page reads as no text, and another reads better, is read in that other one.
    func testRowsTypedInTwoCodePagesInAUTF8FileAreEachReadInTheirs() {
        let folder = TemporaryFolder()
        var utf8 = "country;municipality;role;comment\r\n"
        for k in 0..<10 { utf8 += "EE;Jõhvi vald;õpetaja;väga hea \(k)\r\n" }
        let estonian = "EE;Narva-Jõesuu linn;õpetaja;tõlgid\r\n"
        let russian = "EE;Нарва;учитель;очень важно\r\n"
        for (first, second) in [(estonian, russian), (russian, estonian)] {
            let firstEncoding: TextEncoding = first == estonian ? .windows1257 : .windows1251
            let secondEncoding: TextEncoding = first == estonian ? .windows1251 : .windows1257
            let bytes = Array(utf8.utf8) + encode(first, as: firstEncoding) + encode(second, as: secondEncoding)
            for sampleSize in [1 << 20, utf8.utf8.count] {
                var options = ReaderOptions()
                options.sampleSize = sampleSize
                let result = readAll(folder.write("two.csv", bytes), options: options)
                let label = "\(firstEncoding) first, sample \(sampleSize)"
                XCTAssertEqual(result.summary?.encoding.encoding, .utf8, label)
                XCTAssertEqual(result.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), utf8 + first + second, label)
                let warnings = result.diagnostics.filter { $0.code == "invalid_utf8" }
                XCTAssertEqual(warnings.count, 6, label)
                for warning in warnings {
                    let expected = (warning.line == 12) == (first == estonian) ? "windows-1257" : "windows-1251"
                    XCTAssertTrue(warning.message.contains("read as \(expected)"), "\(label): \(warning)")
                }
            }
        }
        // Past the sample, the first field that is not UTF-8 decided the file's code page alone:
        // `в` (E2) reads as well as Windows-1257's `ā`, which won the tie, and the row's `да` then
        // read `äą`. The row decides.
        var options = ReaderOptions()
        options.sampleSize = utf8.utf8.count
        let first = readAll(folder.write("first.csv", Array(utf8.utf8) + encode("EE;в;Нарва;да\r\n", as: .windows1251)), options: options)
        XCTAssertEqual(first.data.last?.fields, ["EE", "в", "Нарва", "да"])
        // A field's last letter is no UTF-8 sequence cut off (as at a sample's end): `darbā` in
        // a file whose code page is Windows-1251 was judged on nothing and read `darbв`.
        let latvian = encode("EE;Нарва;учитель;очень важно\r\n", as: .windows1251) + encode("LV;Riga;darbā;ok\r\n", as: .windows1257)
        let last = readAll(folder.write("last.csv", Array(utf8.utf8) + latvian))
        XCTAssertEqual(last.data.last?.fields, ["LV", "Riga", "darbā", "ok"])
        // An initial alone is no text in any code page (a letter standing alone): it stays in the
        // file's, not KOI8-R's `х.` for Windows-1251's `И.`, which scored a point higher.
        let initials = "EE;Нарва;Иванова;И.\r\nEE;Силламяэ;Петров;П. С.\r\n"
        let read = readAll(folder.write("initials.csv", Array(utf8.utf8) + encode(initials, as: .windows1251)))
        XCTAssertEqual(read.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), utf8 + initials)
    }

    /// A UTF-16 byte order mark before text that is not UTF-16 (an editor's label on a file it
    /// did not convert) was believed: the whole file read as UTF-16 (`潣湵牴㭹...`), one header
    /// 'cut off' and no row. A mark of one byte order before text in the other read every
    /// character byte-swapped. The text decides (no NUL bytes: not UTF-16; NULs of the other
    /// byte order: that one), with a note naming the mark.
    func testAUTF16MarkBeforeOtherTextDoesNotDecide() {
        let folder = TemporaryFolder()
        let text = "Šalis;Savivaldybė\r\nLietuva;Kėdainių rajono savivaldybė\r\nLietuva;Šiaulių miesto\r\n"
        let rows = text.split(separator: "\r\n").map { $0.split(separator: ";").map(String.init) }
        let cases: [(String, [UInt8], TextEncoding)] = [
            ("le_utf8.csv", [0xFF, 0xFE] + Array(text.utf8), .utf8),
            ("le_1257.csv", [0xFF, 0xFE] + encode(text, as: .windows1257), .windows1257),
            ("be_le.csv", [0xFE, 0xFF] + encode(text, as: .utf16LE), .utf16LE),
            ("le_be.csv", [0xFF, 0xFE] + encode(text, as: .utf16BE), .utf16BE),
        ]
        for (name, bytes, expected) in cases {
            let result = readAll(folder.write(name, bytes))
            XCTAssertEqual(result.summary?.encoding.encoding, expected, name)
            XCTAssertEqual(result.records.map(\.fields), rows, name)
            let note = result.diagnostics.first { $0.code == "bom_contradicted" }
            XCTAssertEqual(note?.severity, .note, name)
            XCTAssertTrue(note?.message.contains("byte order mark of utf-16") ?? false, "\(name): \(result.diagnostics)")
        }
        // A true UTF-16 file, however Cyrillic, keeps its mark's word.
        let russian = "Страна;Город\r\nЭстония;Нарва\r\n"
        let read = readAll(folder.write("ru16.csv", [0xFE, 0xFF] + encode(russian, as: .utf16BE)))
        XCTAssertEqual(read.summary?.encoding.evidence, .bom)
        XCTAssertEqual(read.records.map(\.fields), [["Страна", "Город"], ["Эстония", "Нарва"]])
    }

    /// `--encoding utf-16` (LE, as Windows calls it "Unicode") on a big-endian file with its mark
    /// read every character byte-swapped (`吀椀洀攀` for `Time`), and `--encoding utf-8` on
    /// Excel's "Unicode text" read NULs and control codes, neither with a word. The mark decides
    /// UTF-16's byte order; another encoding given is used, with a note naming the mark.
    func testAByteOrderMarkTheEncodingGivenContradictsIsSaid() {
        let folder = TemporaryFolder()
        let text = "Valsts\tPašvaldība\nLatvija\tRīga\n"
        let big = folder.write("be.txt", [0xFE, 0xFF] + encode(text, as: .utf16BE))
        let swapped = readAll(big, options: ReaderOptions(encoding: .utf16LE))
        XCTAssertEqual(swapped.records.map(\.fields), [["Valsts", "Pašvaldība"], ["Latvija", "Rīga"]])
        XCTAssertEqual(swapped.summary?.encoding.encoding, .utf16BE)
        let swapNote = swapped.diagnostics.first { $0.code == "encoding_mark" }
        XCTAssertTrue(swapNote?.message.contains("utf-16be") ?? false, "\(swapped.diagnostics)")
        let little = folder.write("le.txt", [0xFF, 0xFE] + encode(text, as: .utf16LE))
        let asUTF8 = readAll(little, options: ReaderOptions(encoding: .utf8))
        XCTAssertEqual(asUTF8.summary?.encoding.encoding, .utf8)
        let markNote = asUTF8.diagnostics.first { $0.code == "encoding_mark" }
        XCTAssertTrue(markNote?.message.contains("utf-16le") ?? false, "\(asUTF8.diagnostics)")
    }

    /// `--encoding` that the file's bytes belie beyond doubt is said once, with the encoding the
    /// file reads in: UTF-8 given for a Windows-1257 file had given an `invalid_utf8` warning per
    /// field, each saying only "try --encoding"; a code page given for valid UTF-8 garbled every
    /// letter without a word. The file is still read as given. A sample of one such letter, a
    /// code page's two characters that may happen to be UTF-8, and plain ASCII say nothing.
    func testAnEncodingGivenThatTheBytesBelieIsSaid() {
        let folder = TemporaryFolder()
        let text = "Šalis;Savivaldybė;Pareigos\r\nLietuva;Šiaulių miesto savivaldybė;Socialinė darbuotoja\r\n"
        let cp = folder.write("lt1257.csv", encode(text, as: .windows1257))
        let asUTF8 = readAll(cp, options: ReaderOptions(encoding: .utf8))
        XCTAssertEqual(asUTF8.summary?.encoding.encoding, .utf8)
        let notUTF8 = asUTF8.diagnostics.filter { $0.code == "encoding_not_as_given" }
        XCTAssertEqual(notUTF8.map(\.message), ["--encoding utf-8 given, but the file is not UTF-8: its letters read as windows-1257; "
                                                + "give --encoding windows-1257, or leave --encoding out"])
        XCTAssertEqual(notUTF8.first?.severity, .warning)
        let utf8 = folder.write("lt8.csv", Array(text.utf8))
        let asCodePage = readAll(utf8, options: ReaderOptions(encoding: .windows1257))
        XCTAssertEqual(asCodePage.summary?.encoding.encoding, .windows1257)
        XCTAssertEqual(asCodePage.diagnostics.filter { $0.code == "encoding_not_as_given" }.map(\.message),
                       ["--encoding windows-1257 given, but the file is UTF-8 (valid, with letters past ASCII): read as windows-1257, "
                        + "its letters are garbled (`Ã¤` for `ä`); leave --encoding out"])
        // Given rightly, or for plain ASCII, or for one letter, or for UTF-8 with two damaged
        // bytes beside a letter (a reviewer's probe: it had been told to read as windows-1252): nothing said.
        let damaged = folder.write("damaged.csv", Array("country;municipality;x\r\nEE;Jõhvi vald;a".utf8) + [0xC3]
                                   + Array("\r\nEE;Narva;b".utf8) + [0xC3] + Array("\r\n".utf8))
        for (path, encoding) in [(cp, TextEncoding.windows1257), (utf8, .utf8), (damaged, .utf8),
                                 (folder.write("ascii.csv", "a;b\r\n1;2\r\n"), .windows1257),
                                 (folder.write("one.csv", "a;b\r\nRīga;2\r\n"), .windows1257)] {
            let result = readAll(path, options: ReaderOptions(encoding: encoding))
            XCTAssertFalse(result.codes.contains("encoding_not_as_given"), "\(path): \(result.diagnostics)")
        }
    }

    /// Bytes a code page or UTF-16 cannot decode in a file whose lines end in CR alone (old Mac
    /// Excel) were all said to be on line 1, once: the transcoder counted LFs only.
    func testUndecodableBytesAreOnTheirLinesWhateverTheLineEnds() {
        let folder = TemporaryFolder()
        for (name, end) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
            // 0xA1 and 0xA5: unassigned in Windows-1257.
            let lines: [[UInt8]] = [Array("a;b".utf8), Array("x;y".utf8),
                                    Array("p;q".utf8) + [0xA1] + Array("r".utf8), Array("z;w".utf8) + [0xA5]]
            let bytes = lines.flatMap { $0 + Array(end.utf8) }
            let options = ReaderOptions(encoding: .windows1257)
            let result = readAll(folder.write("\(name).csv", bytes), options: options)
            XCTAssertEqual(result.diagnostics.filter { $0.code == "invalid_bytes" }.map(\.line), [3, 4], name)
            // A low surrogate alone on line 3.
            let utf16 = [0xFF, 0xFE] + encode("a;b\(end)x;y\(end)p;q", as: .utf16LE) + [0x00, 0xDC]
                + encode("\(end)z;w\(end)", as: .utf16LE)
            let wide = readAll(folder.write("\(name)16.csv", utf16))
            XCTAssertEqual(wide.diagnostics.filter { $0.code == "invalid_bytes" }.map(\.line), [3], name)
        }
    }

    /// A UTF-16 file cut off inside a character (an odd number of bytes: a download that did not
    /// finish) said only that bytes were not valid UTF-16; it says the file looks cut off, at the
    /// place, and its last row is still read (and counted).
    func testUTF16CutOffInsideACharacterIsSaid() {
        let folder = TemporaryFolder()
        for (name, encoding, mark) in [("le.txt", TextEncoding.utf16LE, [UInt8]([0xFF, 0xFE])),
                                       ("be.txt", .utf16BE, [0xFE, 0xFF]), ("bare.txt", .utf16LE, [])] {
            let bytes = mark + encode("country\tmunicipality\r\nEE\tTallinn\r\nEE\tNarv", as: encoding)
                + encode("a", as: encoding).prefix(1)
            let result = readAll(folder.write(name, bytes))
            XCTAssertEqual(result.summary?.encoding.encoding, encoding, name)
            XCTAssertEqual(result.data.map(\.fields), [["EE", "Tallinn"], ["EE", "Narv\u{FFFD}"]], name)
            let said = result.diagnostics.filter { $0.code == "invalid_bytes" }
            XCTAssertEqual(said.map { [$0.line ?? 0, $0.column ?? 0] }, [[3, 2]], name)
            XCTAssertTrue(said.first?.message.contains("looks cut off") ?? false, "\(name): \(said)")
        }
    }

    func testEncodingOverrideWins() {
        let folder = Paths.repository + "/Tests/NeedsKitTests/Fixtures/encodings"
        let result = readAll(folder + "/lt_windows-1257.csv", options: ReaderOptions(encoding: .windows1252))
        XCTAssertEqual(result.summary?.encoding.evidence, .override)
        XCTAssertEqual(result.header.first, "Ðalis", "Windows-1252 reads 0xD0 as Ð")
    }

    func testDelimiterOverrideWins() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("o.csv", "a;b,c\n1;2,3\n"), options: ReaderOptions(delimiter: UInt8(ascii: ",")))
        XCTAssertEqual(result.summary?.dialect.evidence, .override)
        XCTAssertEqual(result.header, ["a;b", "c"])
    }

    // MARK: Diagnostics: bad input never crashes and never vanishes

    func testShortRowIsPaddedAndKeptWithADiagnostic() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("short.csv", "a,b,c\n1,2\n"))
        XCTAssertEqual(result.data.first?.fields, ["1", "2", ""])
        XCTAssertEqual(result.data.first?.quarantined, false)
        let d = result.diagnostics.first
        XCTAssertEqual(d?.code, "ragged_row")
        XCTAssertEqual(d?.line, 2)
        XCTAssertEqual(d?.column, 3)
        XCTAssertEqual(d?.severity, .warning)
    }

    /// In a file whose lines end with CR LF, a lone LF inside a value typed without quotes had
    /// split its row in two: a short row and a respondent made of its tail. The lines are one row
    /// when each is short of the header's width, their fields make it, and the last ends with
    /// CR LF (or the file); otherwise each is the row it was, whatever the chunk size. What is said
    /// of a line read on names that line, and its column in it.
    func testALoneLineFeedInAnUnquotedFieldOfACRLFFile() {
        let folder = TemporaryFolder()
        let text = "a;b;c\r\n1;x\ny;3\r\n1;2\n9;8;7\r\n1;p\nq\nr;3\r\n1;2\n\r\n4;5;6\r\n1;\n;6\r\n7;8\n"
        let path = folder.write("lf.csv", text)
        for size in [1, 3, 64, 1 << 16] {
            var options = ReaderOptions()
            options.chunkSize = size
            let result = readAll(path, options: options)
            XCTAssertEqual(result.data.map(\.fields), [["1", "x\ny", "3"], ["1", "2", ""], ["9", "8", "7"], ["1", "p\nq\nr", "3"],
                                                    ["1", "2", ""], ["", "", ""], ["4", "5", "6"], ["1", "\n", "6"], ["7", "8", ""]], "chunk \(size)")
            XCTAssertEqual(result.data.map(\.line), [2, 4, 5, 6, 9, 10, 11, 12, 14], "chunk \(size)")
            let joined = result.diagnostics.filter { $0.code == "line_feed_in_field" }
            XCTAssertEqual(joined.map(\.line), [2, 6, 7, 12], "chunk \(size)")
            XCTAssertEqual(joined.map(\.column), [2, 2, 2, 2], "chunk \(size)")
            XCTAssertEqual(result.diagnostics.filter { $0.code == "ragged_row" }.map(\.line), [4, 9, 14], "chunk \(size)")
            XCTAssertEqual(result.summary?.dataRecords, 9)
        }
        // Where lines end with LF, a short row stays a short row.
        let lf = readAll(folder.write("plain.csv", "a;b;c\n1;x\ny;3\n"))
        XCTAssertEqual(lf.data.map(\.fields), [["1", "x", ""], ["y", "3", ""]])
        // A note, a short row or another export's rows (another delimiter, one field each) above
        // a row of the table's width is no part of it (a helper's review: one row had taken them
        // in, `Note\n2` its ID, and two exports joined lost the second one's rows); nor is a short
        // row above a row with one empty field more, where no row has shown a trailing delimiter.
        let apart = "id;q1;q2\r\nNote\n2;a;b\r\nx;y\n3;a;b;\r\n" + String(repeating: "7,d,e\n", count: 40) + "4;a;b\r\n"
        let read = readAll(folder.write("apart.csv", apart), options: ReaderOptions(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(read.data.count, 5 + 40)
        XCTAssertEqual(Array(read.data.map(\.fields).prefix(4)), [["Note", "", ""], ["2", "a", "b"], ["x", "y", ""], ["3", "a", "b"]])
        XCTAssertEqual(read.data.last?.fields, ["4", "a", "b"])
        XCTAssertFalse(read.diagnostics.contains { $0.code == "line_feed_in_field" }, "\(read.diagnostics)")
        // A stray quote on the line below a lone LF: said on its own line and column.
        let quote = readAll(folder.write("quote.csv", "id;q1;q2;q3\r\n1;x\n2;y\"z;w\r\n"))
        let said = quote.diagnostics.first { $0.code == "quote_in_unquoted_field" }
        XCTAssertEqual(said?.line, 3)
        XCTAssertEqual(said?.column, 2)
        XCTAssertEqual(quote.data.map(\.fields), [["1", "x\n2", "y\"z", "w"]])
    }

    func testLongRowIsQuarantined() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("long.csv", "a,b\n1,2,surprise\n3,4\n"))
        XCTAssertEqual(result.data.map(\.quarantined), [true, false])
        XCTAssertEqual(result.summary?.quarantinedRecords, 1)
        XCTAssertEqual(result.diagnostics.map(\.code), ["ragged_row"])
        XCTAssertEqual(result.diagnostics.first?.severity, .error)
        XCTAssertEqual(result.diagnostics.first?.column, 3)
    }

    func testTrailingDelimitersAreOneNoteNotAWarningPerRow() throws {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("trail.csv", "a;b\n1;2;\n3;4;\n"))
        XCTAssertEqual(result.data.map(\.fields), [["1", "2"], ["3", "4"]])
        XCTAssertEqual(result.diagnostics.map(\.code), ["trailing_delimiter"])
        XCTAssertEqual(result.diagnostics.first?.severity, .note)
        // A row's extra empty field where other rows have none: a value holding the delimiter
        // unquoted moved the fields after it (a helper's probe: the second topic under the
        // comments), not the export's trailing delimiter. Kept, with a warning naming the row.
        let shifted = "Timestamp,Country,Topics,Comments,E-mail\n2/13/2025 10:00:00,Estonia,\"Partnerships, Interpreters\",,\n"
            + "2/13/2025 11:00:00,Estonia,Partnerships, Interpreters,,\n2/13/2025 12:00:00,Latvia,Partnerships,,\n"
        let moved = readAll(folder.write("moved.csv", shifted))
        XCTAssertEqual(moved.data.map(\.line), [2, 3, 4])
        let warning = try XCTUnwrap(moved.diagnostics.first { $0.code == "trailing_delimiter" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.line, 3)
        XCTAssertTrue(warning.message.contains("1 row(s) end with empty fields beyond the header, where 2 have as many fields as the header"), warning.message)
        XCTAssertTrue(warning.message.contains("(line(s) 3)"), warning.message)
    }

    /// The lines a stray quote ran over are read again whatever the chunks the file is read in
    /// (the field that ran over them spans chunks), in every line ending, in UTF-16 and in a
    /// code page: the same records, with the same line numbers, as the same text without the
    /// stray quote gives, but for the quarantined line.
    func testLinesAStrayQuoteRanOverAreReadAgainInAnyChunks() {
        let folder = TemporaryFolder()
        let rows = ["a,b,c", "1,x,Tallinn", "2,\"oops,Rīga", "3,y,Narva", "4,\"fine, quoted\",Tartu", "5,z,Ogre", "6,\"open again,Pärnu", "7,w,Jõhvi"]
        let expected: [(Int, [String], Bool)] = [
            (2, ["1", "x", "Tallinn"], false), (3, ["2", "oops,Rīga", ""], true), (4, ["3", "y", "Narva"], false),
            (5, ["4", "fine, quoted", "Tartu"], false), (6, ["5", "z", "Ogre"], false), (7, ["6", "open again,Pärnu", ""], true),
            (8, ["7", "w", "Jõhvi"], false),
        ]
        for (name, end) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
            let text = rows.joined(separator: end) + end
            for (encoding, bytes) in [("utf8", Array(text.utf8)), ("utf16", [0xFF, 0xFE] + encode(text, as: .utf16LE)),
                                      ("1257", encode(text, as: .windows1257))] {
                for chunk in [5, 16, 64, 1 << 16] {
                    var options = ReaderOptions()
                    options.chunkSize = chunk
                    let result = readAll(folder.write("\(name)-\(encoding).csv", bytes), options: options)
                    let context = "\(name) \(encoding) chunks of \(chunk)"
                    XCTAssertNil(result.error, context)
                    XCTAssertEqual(result.data.map(\.line), expected.map(\.0), context)
                    XCTAssertEqual(result.data.map(\.fields), expected.map(\.1), context)
                    XCTAssertEqual(result.data.map(\.quarantined), expected.map(\.2), context)
                }
            }
        }
    }

    func testUnclosedQuoteAtEndOfFileIsQuarantined() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n"))
        // Cut to its line and quarantined; the line it ran over read again, with its number.
        XCTAssertEqual(result.data.map(\.quarantined), [false, true, false])
        XCTAssertEqual(result.data.map(\.line), [2, 3, 4])
        XCTAssertEqual(result.data.last?.fields, ["4", "5"])
        XCTAssertEqual(result.data[1].fields, ["3", "never closed"])
        let d = result.diagnostics.first { $0.code == "unclosed_quote" }
        XCTAssertEqual(d?.line, 3)
        XCTAssertEqual(d?.column, 2)
        XCTAssertEqual(d?.severity, .error)
    }

    func testQuoteAnomaliesAreReportedAndReadLeniently() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("quotes.csv", "a,b\nsay \"hi\",2\n\"x\"y,3\n"))
        XCTAssertEqual(result.data.map(\.fields), [["say \"hi\"", "2"], ["x\"y", "3"]])
        // `say "hi"` has two stray quotes in one field: one finding, said once.
        XCTAssertEqual(result.codes, ["quote_in_unquoted_field", "text_after_closing_quote"])
        XCTAssertEqual(result.diagnostics.map(\.line), [2, 3])
        XCTAssertEqual(result.diagnostics.map(\.column), [1, 1])
    }

    /// Excel's protected text, `="00123"` unquoted, is the text it wraps, delimiters and doubled
    /// quotes included, with no finding; `=` with more before the quote is a stray quote still.
    func testExcelProtectedTextIsTheTextItWraps() {
        let folder = TemporaryFolder()
        var options = ReaderOptions()
        options.delimiter = UInt8(ascii: ";")
        let text = "id;municipality;imp\r\n=\"00123\";=\"Narva; linn\";=\"5\"\r\n=\"\";\"=\"\"x\"\"\";a=\"b\"\r\n"
        let result = readAll(folder.write("excel.csv", text), options: options)
        XCTAssertEqual(result.data.map(\.fields), [["00123", "Narva; linn", "5"], ["", "=\"x\"", "a=\"b\""]])
        XCTAssertEqual(result.diagnostics.map(\.code), ["quote_in_unquoted_field"])
        XCTAssertEqual(result.diagnostics.map(\.line), [3])
        XCTAssertEqual(result.diagnostics.map(\.column), [3])
    }

    func testStrayQuotesInTwoFieldsOfOneRecordAreTwoFindings() {
        let folder = TemporaryFolder()
        var options = ReaderOptions()
        options.delimiter = UInt8(ascii: ",")
        let result = readAll(folder.write("quotes.csv", "a,b\nsay \"hi\",a \"b\" c\n"), options: options)
        XCTAssertEqual(result.codes, ["quote_in_unquoted_field", "quote_in_unquoted_field"])
        XCTAssertEqual(result.diagnostics.map(\.column), [1, 2])
    }

    func testHeaderTrailingDelimiterNoteSaysWhetherRowsHaveValuesThere() {
        let folder = TemporaryFolder()
        let empty = readAll(folder.write("empty.csv", "a,b,\n1,2,\n3,4,\n"))
        let note = empty.diagnostics.first { $0.code == "trailing_delimiter" }
        XCTAssertEqual(note?.severity, .note)
        XCTAssertTrue(note?.message.contains("hold nothing to read") ?? false, "\(String(describing: note))")
        let filled = readAll(folder.write("filled.csv", "a,b,\n1,2,\n3,4,x\n"))
        let warning = filled.diagnostics.first { $0.code == "trailing_delimiter" }
        XCTAssertEqual(warning?.severity, .warning)
        XCTAssertEqual(warning?.line, 1)
        XCTAssertEqual(warning?.column, 3)
        XCTAssertFalse(warning?.message.contains("hold nothing") ?? true, "\(String(describing: warning))")
        XCTAssertTrue(warning?.message.contains("line 3") ?? false, "\(String(describing: warning))")
    }

    func testRepeatedHeaderIsNotARecord() {
        let folder = TemporaryFolder()
        // Two exports pasted together, the second with its own BOM and a space after a name.
        let bytes = Array("name,score\nAnna,4\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("name ,score\nBoris,5\nname,total\n".utf8)
        let result = readAll(folder.write("twice.csv", bytes))
        XCTAssertEqual(result.data.map(\.fields), [["Anna", "4"], ["Boris", "5"], ["name", "total"]])
        XCTAssertEqual(result.summary?.repeatedHeaders, 1)
        XCTAssertEqual(result.summary?.dataRecords, 3)
        let note = result.diagnostics.first { $0.code == "repeated_header" }
        XCTAssertEqual(note?.line, 3)
        XCTAssertEqual(note?.severity, .note)
    }

    /// Two exports that quote every field (KoboToolbox's, Excel's "CSV UTF-8" with quotes) joined
    /// together (`copy /b a.csv+b.csv`, `cat`): the second's BOM stood before the quote that opens
    /// its header, which libcsv then read as unquoted, the quotes kept: a
    /// `quote_in_unquoted_field` warning and a header not recognised as the header again. A BOM
    /// at the start of a line is dropped, however the file is cut into chunks, in UTF-8 and
    /// UTF-16 alike, with a warning naming its line (it was dropped without a word); one inside a
    /// field is kept.
    func testByteOrderMarkOfAJoinedFileIsDropped() {
        let folder = TemporaryFolder()
        let first = "\u{FEFF}\"name\";\"score\"\r\n\"Anna\";\"4\"\r\n"
        let second = "\u{FEFF}\"name\";\"score\"\r\n\"Boris\";\"5\"\r\n\"x\u{FEFF}y\";\"6\"\r\n"
        for encoding in [TextEncoding.utf8, .utf16LE] {
            let firstBytes = encode(first, as: encoding)
            let path = folder.write("joined.csv", firstBytes + encode(second, as: encoding))
            for chunkSize in [1 << 16, 3, 7] {
                var options = ReaderOptions()
                options.chunkSize = chunkSize
                // The sample ends inside the second file's BOM; the chunks cut the rest.
                options.sampleSize = chunkSize == 1 << 16 ? 1 << 20 : firstBytes.count + 1
                let result = readAll(path, options: options)
                let label = "\(encoding) chunk \(chunkSize)"
                XCTAssertEqual(result.header, ["name", "score"], label)
                XCTAssertEqual(result.data.map(\.fields), [["Anna", "4"], ["Boris", "5"], ["x\u{FEFF}y", "6"]], label)
                XCTAssertEqual(result.data.map(\.line), [2, 4, 5], label)
                XCTAssertEqual(result.summary?.repeatedHeaders, 1, label)
                XCTAssertEqual(result.codes.filter { $0 != "repeated_header" }, ["byte_order_mark"], label)
                let mark = result.diagnostics.first { $0.code == "byte_order_mark" }
                XCTAssertEqual(mark?.line, 3, label)
                XCTAssertEqual(mark?.column, 1, label)
                XCTAssertEqual(mark?.severity, .warning, label)
                XCTAssertTrue(mark?.file.hasSuffix("/joined.csv") ?? false, label)
            }
        }
    }

    /// A UTF-8 export with its BOM joined to one in a Baltic code page (`copy /b lt.csv+lv.csv`):
    /// the mark's bytes read as the code page's letters (`ļ»æ` in windows-1257, `’╗┐` in cp775)
    /// and were kept in the first field of the second header, the UTF-8 after it read in the code
    /// page (`savivaldybÄ—`), its header not the header again, without a word. The text after
    /// such a mark is read as UTF-8 when it is UTF-8, however the chunks cut it; in the code page
    /// when it is not, the mark dropped all the same. Either way a warning names the mark.
    func testUTF8ByteOrderMarkJoinedToACodePageFileIsDropped() {
        let folder = TemporaryFolder()
        let first = "vardas;savivaldybė;įvertinimas\r\nJūratė;Šiaulių miesto;4\r\nŽydrūnas;Klaipėdos rajono;5\r\n"
        let second = "vardas;savivaldybė;įvertinimas\r\nĀrija;Rīgas valstspilsēta;3\r\n"
        for (encoding, given) in [(TextEncoding.windows1257, false), (.cp775, true)] {
            let firstBytes = encode(first, as: encoding)
            for secondUTF8 in [true, false] {
                let secondBytes = secondUTF8 ? Array(second.utf8) : encode(second, as: encoding)
                let path = folder.write("joined.csv", firstBytes + [0xEF, 0xBB, 0xBF] + secondBytes)
                for chunkSize in [1 << 16, 2, 5] {
                    var options = ReaderOptions()
                    options.encoding = given ? encoding : nil
                    options.chunkSize = chunkSize
                    // The sample ends inside the mark; the chunks cut the rest.
                    options.sampleSize = chunkSize == 1 << 16 ? 1 << 20 : firstBytes.count + 1
                    let result = readAll(path, options: options)
                    let label = "\(encoding) UTF-8 after: \(secondUTF8), chunk \(chunkSize)"
                    XCTAssertEqual(result.summary?.encoding.encoding, encoding, label)
                    XCTAssertEqual(result.header, ["vardas", "savivaldybė", "įvertinimas"], label)
                    XCTAssertEqual(result.data.map(\.fields), [["Jūratė", "Šiaulių miesto", "4"], ["Žydrūnas", "Klaipėdos rajono", "5"],
                                                               ["Ārija", "Rīgas valstspilsēta", "3"]], label)
                    XCTAssertEqual(result.data.map(\.line), [2, 3, 5], label)
                    XCTAssertEqual(result.summary?.repeatedHeaders, 1, label)
                    XCTAssertEqual(result.codes.filter { $0 != "repeated_header" }, ["byte_order_mark"], label)
                    let mark = result.diagnostics.first { $0.code == "byte_order_mark" }
                    XCTAssertEqual(mark?.line, 4, label)
                    XCTAssertEqual(mark?.column, 1, label)
                    let sequel = secondUTF8 ? "the text from here on is read as UTF-8" : "it is read as \(encoding.rawValue) too"
                    XCTAssertTrue(mark?.message.contains(sequel) ?? false, "\(label): \(mark?.message ?? "")")
                }
            }
        }
        // The same letters inside a line are text, not a mark.
        var forced = ReaderOptions()
        forced.encoding = .windows1257
        let inside = readAll(folder.write("inside.csv", encode("a;b\r\nxļ»æ;1\r\nĀ;ļ»æ\r\n", as: .windows1257)), options: forced)
        XCTAssertEqual(inside.data.map(\.fields), [["xļ»æ", "1"], ["Ā", "ļ»æ"]])
        XCTAssertFalse(inside.codes.contains("byte_order_mark"))
    }

    /// A UTF-8 export without a BOM (Google Forms writes none) joined to one in a code page: the
    /// UTF-8 was read in the code page (`savivaldybÄ—`, `RÄ«gas`) without a word, its header not
    /// taken for the first one's. From the first line whose text is UTF-8 (over 4 KiB or to the
    /// end, two letters or more) the text is read as UTF-8, with a warning naming the line; text
    /// in the code page with a letter that looks like a UTF-8 lead byte stays in it.
    func testUTF8JoinedToACodePageFileIsReadAsUTF8FromWhereItStarts() {
        let folder = TemporaryFolder()
        let first = "vardas;savivaldybė;įvertinimas\r\nJūratė;Šiaulių miesto;4\r\nŽydrūnas;Klaipėdos rajono;5\r\n"
        var second = "vardas;savivaldybė;įvertinimas\r\n"
        for k in 0..<200 { second += "Ārija \(k);Rīgas valstspilsēta;\(k % 5 + 1)\r\n" }
        for (encoding, given) in [(TextEncoding.windows1257, false), (.cp775, true)] {
            let firstBytes = encode(first, as: encoding)
            let path = folder.write("joined.csv", firstBytes + Array(second.utf8))
            for chunkSize in [1 << 16, 7] {
                var options = ReaderOptions()
                options.encoding = given ? encoding : nil
                options.chunkSize = chunkSize
                // The first file fills the sample (a sample of both would be mostly UTF-8).
                options.sampleSize = firstBytes.count + 3
                let result = readAll(path, options: options)
                let label = "\(encoding) chunk \(chunkSize)"
                XCTAssertEqual(result.summary?.encoding.encoding, encoding, label)
                XCTAssertEqual(result.data.count, 202, label)
                XCTAssertEqual(result.data.last?.fields, ["Ārija 199", "Rīgas valstspilsēta", "5"], label)
                XCTAssertEqual(result.data.last?.line, 204, label)
                XCTAssertEqual(result.summary?.repeatedHeaders, 1, label)
                let change = result.diagnostics.filter { $0.code == "encoding_changes" }
                XCTAssertEqual(change.map(\.line), [4], label)
                XCTAssertEqual(change.map(\.column), [2], label)
                XCTAssertTrue(change.first?.message.contains("UTF-8 from here on, \(encoding.rawValue) above") ?? false, label)
                XCTAssertFalse(result.codes.contains("invalid_utf8"), label)
                XCTAssertEqual(result.data.first?.fields, ["Jūratė", "Šiaulių miesto", "4"], label)
            }
        }
        // Upper-case letters before a closing quote (`Ų“`, a lead and a continuation byte) in a
        // code page file whose other lines are not UTF-8 stay the code page's.
        let quoted = "a;b\r\nLT;„ŠIAULIŲ“ IR „VILNIŲ“\r\nLT;Šiaulių miesto savivaldybė\r\n"
        let kept = readAll(folder.write("quoted.csv", encode(quoted, as: .windows1257)))
        XCTAssertEqual(kept.summary?.encoding.encoding, .windows1257)
        XCTAssertEqual(kept.records.map { $0.fields.joined(separator: ";") + "\r\n" }.joined(), quoted)
        XCTAssertFalse(kept.codes.contains("encoding_changes"))
    }

    /// A UTF-8 file (with its byte order mark or without) read with `--encoding windows-1257`:
    /// it was told as two files joined, UTF-8 "from here on" at its first letter beyond ASCII,
    /// with nothing above read in the code page. It is a note that the option was wrong.
    func testAGivenCodePageOverAFileUTF8ThroughoutIsNoJoin() {
        let folder = TemporaryFolder()
        let text = "vārds;pašvaldība\nAnna;Rīga\n"
        for (name, bytes) in [("bom.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8)), ("plain.csv", Array(text.utf8))] {
            var options = ReaderOptions()
            options.encoding = .windows1257
            let result = readAll(folder.write(name, bytes), options: options)
            XCTAssertEqual(result.header, ["vārds", "pašvaldība"], name)
            XCTAssertEqual(result.data.first?.fields, ["Anna", "Rīga"], name)
            let change = result.diagnostics.filter { $0.code == "encoding_changes" }
            XCTAssertEqual(change.map(\.severity), [.note], name)
            XCTAssertEqual(change.map(\.line), [1], name)
            XCTAssertTrue(change.first?.message.contains("--encoding windows-1257 given, but the text is UTF-8") ?? false, name)
            XCTAssertFalse(change.first?.message.contains("joined") ?? true, name)
        }
    }

    /// A file that starts with its byte order mark twice (an editor adding one to text that had
    /// one; UTF-8 with its mark saved as UTF-16) was warned about as two files joined, at 1:1,
    /// with nothing before it. It is a note of its own; a mark further on is still a join.
    func testAByteOrderMarkTwiceAtTheStartIsNoJoin() {
        let folder = TemporaryFolder()
        let text = "country;municipality\r\nEE;Tallinn\r\n"
        let files: [(String, [UInt8])] = [
            ("utf8.csv", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            ("utf16.csv", [0xFF, 0xFE] + encode("\u{FEFF}" + text, as: .utf16LE)),
        ]
        for (name, bytes) in files {
            for chunkSize in [1 << 16, 1] {
                var options = ReaderOptions()
                options.chunkSize = chunkSize
                let result = readAll(folder.write(name, bytes), options: options)
                XCTAssertEqual(result.records.map(\.fields), [["country", "municipality"], ["EE", "Tallinn"]], name)
                let marks = result.diagnostics.filter { $0.code == "byte_order_mark" }
                XCTAssertEqual(marks.map(\.severity), [.note], "\(name): \(result.diagnostics)")
                XCTAssertEqual(marks.map(\.line), [1], name)
                XCTAssertFalse(marks.first?.message.contains("joined") ?? true, "\(marks)")
            }
        }
        let later = readAll(folder.write("later.csv", "\u{FEFF}" + text + "\u{FEFF}EE;Narva\r\n"))
        XCTAssertEqual(later.diagnostics.filter { $0.code == "byte_order_mark" }.map(\.line), [3])
        XCTAssertTrue(later.diagnostics.first?.message.contains("joined") ?? false, "\(later.diagnostics)")
    }

    /// A UTF-8 byte order mark inside the first, quoted, field (`"\u{FEFF}ID";...`, as some tools
    /// write it) of a file read in a code page stayed there as the letters its bytes are there:
    /// the first name read `ļ»æID`, so a Microsoft Forms export was a generic sheet and its ID
    /// column unmapped. It is dropped with a note, in UTF-8 too; after a later line's opening
    /// quote, as a second file's, with the warning of a join.
    func testAByteOrderMarkInsideTheFirstQuotedFieldIsDropped() {
        let folder = TemporaryFolder()
        let text = "\"Šalis\";Savivaldybė\r\nLietuva;Kėdainių rajono savivaldybė\r\nLietuva;Šiaulių miesto\r\n"
        let expected = [["Šalis", "Savivaldybė"], ["Lietuva", "Kėdainių rajono savivaldybė"], ["Lietuva", "Šiaulių miesto"]]
        let files: [(String, [UInt8], TextEncoding)] = [
            ("cp.csv", [UInt8(ascii: "\""), 0xEF, 0xBB, 0xBF] + encode(String(text.dropFirst()), as: .windows1257), .windows1257),
            ("utf8.csv", [UInt8(ascii: "\""), 0xEF, 0xBB, 0xBF] + Array(text.dropFirst().utf8), .utf8),
        ]
        for (name, bytes, encoding) in files {
            for chunkSize in [1 << 16, 1, 2] {
                var options = ReaderOptions()
                options.chunkSize = chunkSize
                let result = readAll(folder.write(name, bytes), options: options)
                let label = "\(name) chunk \(chunkSize)"
                XCTAssertEqual(result.summary?.encoding.encoding, encoding, label)
                XCTAssertEqual(result.records.map(\.fields), expected, label)
                let marks = result.diagnostics.filter { $0.code == "byte_order_mark" }
                XCTAssertEqual(marks.map(\.severity), [.note], "\(label): \(result.diagnostics)")
                XCTAssertTrue(marks.first?.message.contains("inside its first field") ?? false, label)
            }
        }
        let later = readAll(folder.write("later.csv", "\"a\";\"b\"\r\n1;2\r\n\"\u{FEFF}a\";\"b\"\r\n3;4\r\n"))
        XCTAssertEqual(later.records.map(\.fields), [["a", "b"], ["1", "2"], ["3", "4"]])
        XCTAssertEqual(later.summary?.repeatedHeaders, 1)
        let join = later.diagnostics.filter { $0.code == "byte_order_mark" }
        XCTAssertEqual(join.map(\.line), [3])
        XCTAssertTrue(join.first?.message.contains("joined") ?? false, "\(later.diagnostics)")
    }

    /// A byte order mark before a data row (a second export joined without its header, or a
    /// header the reader cannot tell) and one at the start of a line inside a quoted field: the
    /// rows are read as they are, and each mark is named by its line and column.
    func testByteOrderMarkInTheMiddleIsNamed() {
        let folder = TemporaryFolder()
        let text = "a,b\n1,2\n\u{FEFF}3,4\n5,\"x\n\u{FEFF}y\"\n"
        for chunkSize in [1 << 16, 2] {
            var options = ReaderOptions()
            options.chunkSize = chunkSize
            let result = readAll(folder.write("mid.csv", text), options: options)
            XCTAssertEqual(result.data.map(\.fields), [["1", "2"], ["3", "4"], ["5", "x\ny"]])
            let marks = result.diagnostics.filter { $0.code == "byte_order_mark" }
            XCTAssertEqual(marks.map(\.line), [3, 5], "chunk \(chunkSize)")
            XCTAssertEqual(marks.map(\.column), [1, 2], "chunk \(chunkSize)")
        }
    }

    /// Bytes the encoding cannot decode are named by their line and column (the field within the
    /// record, counted through quoted delimiters and line breaks, doubled quotes and a stray quote
    /// in an unquoted field); the message gave the line alone.
    func testUndecodableBytesAreNamedByLineAndColumn() {
        let folder = TemporaryFolder()
        let lone: [UInt8] = [0x00, 0xDC]
        let rows = encode("a,b,c\r\n1,\"x,\r\ny\"\"\",", as: .utf16LE) + lone + encode("\r\n2,s\"a,b\",", as: .utf16LE)
            + lone + encode("\r\n", as: .utf16LE) + lone + encode(",4,5\r\n", as: .utf16LE)
        let result = readAll(folder.write("u16.txt", [0xFF, 0xFE] + rows))
        XCTAssertEqual(result.data.count, 3)
        let found = result.diagnostics.filter { $0.code == "invalid_bytes" }
        XCTAssertEqual(found.map(\.line), [3, 4, 5])
        XCTAssertEqual(found.map(\.column), [3, 4, 1])
        // Old Mac line ends (CR alone), and LF alone, in a code page: the same place.
        var options = ReaderOptions()
        options.encoding = .windows1257
        for end in ["\r", "\n", "\r\n"] {
            let bytes = Array("a;b;c\(end)1;2;3\(end)4;".utf8) + [0x81] + Array(";6\(end)".utf8)
            let read = readAll(folder.write("cp.csv", bytes), options: options)
            let places = read.diagnostics.filter { $0.code == "invalid_bytes" }.map { [$0.line, $0.column] }
            XCTAssertEqual(places, [[3, 2]], end.debugDescription)
        }
    }

    /// Rows skipped whole (a title above the table, a note or a totals row below it, the header
    /// again) are named by the column of their first filled cell; the messages gave the line alone.
    func testSkippedRowsNameTheirColumn() {
        let folder = TemporaryFolder()
        let text = ";Survey results;;\r\ncountry;municipality;role;imp\r\nEE;Tallinn;teacher;5\r\n"
            + ";;Kokku;5\r\ncountry;municipality;role;imp\r\nEE;Narva;teacher;4\r\n;Kokku: 2 vastajat\r\n"
        let result = readAll(folder.write("skipped.csv", text))
        XCTAssertEqual(result.data.map(\.line), [3, 6])
        let places = ["preamble_skipped", "totals_row_skipped", "repeated_header", "footnote_skipped"].map { code in
            result.diagnostics.first { $0.code == code }.map { [$0.line, $0.column] } ?? []
        }
        XCTAssertEqual(places, [[1, 2], [4, 3], [5, 1], [7, 2]])
    }

    func testFootnoteBelowTheTableIsNotARecordAndAShortRowInsideIs() {
        let folder = TemporaryFolder()
        let text = "a;b;c\n1;2;3\nx\n4;5;6\n;;\nTotal: 2;\n"
        for sampleSize in [1 << 20, 8] {
            var options = ReaderOptions()
            options.sampleSize = sampleSize
            options.chunkSize = 5
            let result = readAll(folder.write("foot.csv", text), options: options)
            XCTAssertEqual(result.data.map(\.line), [2, 3, 4, 5], "sample \(sampleSize)")
            XCTAssertEqual(result.data.map(\.blank), [false, false, false, true])
            XCTAssertEqual(result.summary?.footnoteRecords, 1)
            let note = result.diagnostics.first { $0.code == "footnote_skipped" }
            XCTAssertEqual(note?.line, 6)
        }
    }

    func testManyShortRowsAtTheEndAreRecordsNotFootnotes() {
        let folder = TemporaryFolder()
        let text = "a,b,c\n1,2,3\n" + String(repeating: "x\n", count: 40)
        let result = readAll(folder.write("short.csv", text))
        XCTAssertEqual(result.data.count, 41)
        XCTAssertEqual(result.summary?.footnoteRecords, 0)
    }

    func testBlankRowsAroundAFootnoteDoNotCountTowardTheHeldLimit() throws {
        let folder = TemporaryFolder()
        // Excel pads empty rows to the table's width; some files have plain empty lines too.
        let padded = String(repeating: ";;;;\r\n", count: 40)
        let mixed = String(repeating: ";;;;\r\n\r\n", count: 20)
        for (name, blank) in [("padded", padded), ("mixed", mixed)] {
            let text = "a;b;c;d;e\r\n1;2;3;4;5\r\n" + blank + "Total;;;;\r\n" + blank
            for (sampleSize, chunkSize) in [(1 << 20, 1 << 16), (16, 7)] {
                var options = ReaderOptions()
                options.sampleSize = sampleSize
                options.chunkSize = chunkSize
                var rows: [(line: Int, index: Int, present: Int, blank: Bool)] = []
                let summary = try CSVReader(path: folder.write(name + ".csv", text), options: options).read(diagnose: { _ in }) {
                    rows.append(($0.line, $0.index, $0.presentCount, $0.isBlank))
                }
                XCTAssertEqual(summary.footnoteRecords, 1, name)
                XCTAssertEqual(summary.blankRecords, 80, name)
                XCTAssertEqual(summary.dataRecords, 81, name)
                // Every row but the total, in order, on its own line, with its own width.
                XCTAssertEqual(rows.map(\.line), Array(1...42) + Array(44...83), name)
                XCTAssertEqual(rows.map(\.index), Array(0...81), name)
                XCTAssertEqual(rows.filter(\.blank).count, 80, name)
                let widths = blank.components(separatedBy: "\r\n").dropLast().map { $0.isEmpty ? 0 : 5 }
                XCTAssertEqual(rows.filter(\.blank).map(\.present), widths + widths, name)
            }
        }
    }

    func testHeldBlankRowsKeepTheirPlaceWhenTheTableGoesOn() {
        let folder = TemporaryFolder()
        // A note-like row among the data, blank rows behind it, then more data: all rows.
        let text = "a;b;c\n1;2;3\nNote;;\n" + String(repeating: ";;\n", count: 50) + "\n\n4;5;6\nTotal;;\n;;\n"
        let result = readAll(folder.write("goes-on.csv", text))
        XCTAssertEqual(result.data.map(\.line), Array(2...56) + [58])
        XCTAssertEqual(result.data.filter(\.blank).map(\.line), Array(4...55) + [58])
        XCTAssertEqual(result.data[1].fields, ["Note", "", ""])
        XCTAssertEqual(result.summary?.blankRecords, 53)
        XCTAssertEqual(result.diagnostics.filter { $0.code == "footnote_skipped" }.map(\.line), [57])
    }

    /// Rows of quoted spaces alone (`" ";"\t";`; libcsv drops unquoted ones itself) are as blank
    /// as empty ones behind a possible footnote: more of them than `maxHeld` do not make the note
    /// part of the table, and each is kept as read.
    func testRowsOfSpacesAloneDoNotCountTowardTheFootnoteLimit() {
        let folder = TemporaryFolder()
        let text = "a;b;c\n1;2;3\nTotal: 1;;\n" + String(repeating: "\" \";\" \t\";\n", count: 40) + "Source: survey;;\n"
        let result = readAll(folder.write("spaces.csv", text))
        XCTAssertEqual(result.diagnostics.filter { $0.code == "footnote_skipped" }.map(\.line), [3, 44])
        XCTAssertEqual(result.data.map(\.line), [2] + Array(4...43))
        XCTAssertEqual(result.data.last?.fields, [" ", " \t", ""])
    }

    func testPaddedBlankRowsAboveTheHeaderDoNotShiftIt() {
        let folder = TemporaryFolder()
        let header = "country;municipality;role;imp\r\n"
        let rows = "EE;Tallinn;teacher;5\r\nEE;Narva;teacher;4\r\n"
        // (text above the header, lines of the preamble notes, blank records above the header)
        let cases: [(String, [Int], Int)] = [
            ("Survey results;;;\r\n;;;\r\n", [1], 1),
            (";;;\r\n", [], 1),
            ("Survey results;;;\r\n\r\n;;;\r\nExported 2025-01-20;;;\r\n", [1, 4], 2),
            ("sep=;\r\nSurvey results;;;\r\n;;;\r\n", [2], 1),
        ]
        for (above, notes, blank) in cases {
            let result = readAll(folder.write("padded.csv", above + header + rows))
            let headerLine = above.components(separatedBy: "\r\n").count
            // Blank records above the header are handed on (counted as blank), then the header.
            let table = result.records.filter { !$0.blank }
            XCTAssertEqual(table.first?.fields, ["country", "municipality", "role", "imp"], above)
            XCTAssertEqual(table.map(\.line), [headerLine, headerLine + 1, headerLine + 2], above)
            XCTAssertEqual(result.diagnostics.filter { $0.code == "preamble_skipped" }.map(\.line), notes, above)
            XCTAssertEqual(result.summary?.preambleRecords, notes.count, above)
            XCTAssertEqual(result.summary?.blankRecords, blank, above)
            XCTAssertEqual(result.summary?.quarantinedRecords, 0, above)
        }
    }

    func testFootnoteAboveARepeatedHeaderIsNotARecord() {
        let folder = TemporaryFolder()
        let text = "a,b,c,d\n1,2,3,4\nTotal: 1,,\n\na,b,c,d\n5,6,7,8\nTotal: 1,,\n"
        let result = readAll(folder.write("concat.csv", text))
        XCTAssertEqual(result.data.map(\.fields), [["1", "2", "3", "4"], ["", "", "", ""], ["5", "6", "7", "8"]])
        XCTAssertEqual(result.data.map(\.blank), [false, true, false])
        XCTAssertEqual(result.diagnostics.filter { $0.code == "footnote_skipped" }.map(\.line), [3, 7])
        XCTAssertEqual(result.summary?.footnoteRecords, 2)
        XCTAssertEqual(result.summary?.repeatedHeaders, 1)
    }

    func testFootnotePaddedToTheFullWidthIsNotARecord() {
        let folder = TemporaryFolder()
        // A row with one filled cell inside the table stays a row; so does a last row with two.
        let text = "a;b;c\r\n1;2;3\r\nx;;\r\n4;5;6\r\n7;;8\r\n;;\r\nTotal: 3 respondents;;\r\n"
        let result = readAll(folder.write("foot.csv", text))
        XCTAssertEqual(result.data.map(\.line), [2, 3, 4, 5, 6])
        XCTAssertEqual(result.data.map(\.blank), [false, false, false, false, true])
        XCTAssertEqual(result.summary?.footnoteRecords, 1)
        XCTAssertEqual(result.diagnostics.filter { $0.code == "footnote_skipped" }.map(\.line), [7])
        // Nor is a last row whose one filled cell is not the first (an answer, not a note).
        let kept = readAll(folder.write("kept.csv", "a;b;c\r\n1;2;3\r\n7;;8\r\n;;9\r\n"))
        XCTAssertEqual(kept.data.map(\.line), [2, 3, 4])
        XCTAssertEqual(kept.summary?.footnoteRecords, 0)
    }

    func testATimestampAloneIsASubmissionAndWordsAloneAreAFootnote() {
        let folder = TemporaryFolder()
        let table = "Timestamp,municipality,imp,comp\n2025/03/04 10:10:12 AM EET,Tartu,4,2\n"
        func quoted(_ cell: String) -> String { cell.contains(",") ? "\"" + cell + "\"" : cell }
        // Google Forms writes a submission where nothing was answered as its timestamp alone;
        // other tools' first columns hold IDs and dates. A row of the table, even as the last.
        let values = [
            "2025/03/04 10:11:12 AM EET", "2025/03/04 10:11:12 PM GMT+2", "2025/03/04 10:11:12 EEST",
            "04.03.2025 10:11:12", "2025-03-04T10:11:12.000+02:00", "Tue, Mar 4, 2025 10:11 AM", "04-Mar-25",
            "1234", "3f2b9c0e-8a1d-4e5f-9b2a-1c2d3e4f5a6b", "—", "#",
        ]
        for value in values {
            let result = readAll(folder.write("submission.csv", table + quoted(value) + ",,,\n"))
            XCTAssertEqual(result.data.map(\.line), [2, 3], value)
            XCTAssertEqual(result.data.last?.fields, [value, "", "", ""], value)
            XCTAssertEqual(result.summary?.footnoteRecords, 0, value)
        }
        // Words in any of the region's languages, with or without a count or a date, are a note.
        let notes = [
            "Total", "TOTAL", "Kokku", "Kopā", "Iš viso", "Итого", "Kokku: 143 vastajat", "Source: municipal survey 2025",
            "Exported 2025-03-04 10:11", "n = 143",
        ]
        for note in notes {
            let result = readAll(folder.write("note.csv", table + quoted(note) + ",,,\n"))
            XCTAssertEqual(result.data.map(\.line), [2], note)
            XCTAssertEqual(result.summary?.footnoteRecords, 1, note)
            XCTAssertEqual(result.diagnostics.filter { $0.code == "footnote_skipped" }.map(\.line), [3], note)
        }
        // A totals row filling more cells is no respondent either, wherever it stands.
        let totals = readAll(folder.write("totals.csv", table + "Total,,12,15\n" + "2025/03/05 09:00:00 AM EET,Tartu,3,3\n"))
        XCTAssertEqual(totals.data.map(\.line), [2, 4])
        XCTAssertEqual(totals.summary?.footnoteRecords, 1)
        XCTAssertEqual(totals.diagnostics.filter { $0.code == "totals_row_skipped" }.map(\.line), [3])
    }

    /// Exports of two versions of a form pasted together: the second header has its columns in
    /// another order, one added and one left out. The rows below it are read by its names (they
    /// had been read in the first header's order, each answer under another question), until the
    /// first header comes again; a quarantined row there keeps no field.
    func testHeaderAgainInAnotherOrderReadsTheRowsBelowByItsNames() {
        let folder = TemporaryFolder()
        let text = "country;municipality;imp_partnerships;comp_partnerships\nEE;Tallinn;4;2\n"
            + "Municipality;imp_partnerships;Country;extra_question\nTartu linn;5;EE;x\nRīga;3;LV;y\nRēzekne;2;LV;secret;more\n"
            + "country;municipality;imp_partnerships;comp_partnerships\nLT;Vilnius;1;1\n"
        let result = readAll(folder.write("pasted.csv", text))
        XCTAssertEqual(result.data.map(\.line), [2, 4, 5, 6, 8])
        XCTAssertEqual(result.data.map(\.fields), [
            ["EE", "Tallinn", "4", "2"], ["EE", "Tartu linn", "5", ""], ["LV", "Rīga", "3", ""], ["", "", "", ""], ["LT", "Vilnius", "1", "1"],
        ])
        XCTAssertEqual(result.data.map(\.quarantined), [false, false, false, true, false])
        XCTAssertEqual(result.summary?.repeatedHeaders, 2)
        let notes = result.diagnostics.filter { $0.code == "repeated_header" }
        XCTAssertEqual(notes.map(\.line), [3, 7])
        XCTAssertEqual(notes.map(\.severity), [.warning, .note])
        XCTAssertTrue(notes[0].message.contains("left out: extra_question") && notes[0].message.contains("1 column(s) of the first header"), notes[0].message)
        // A row of the table whose values happen to be names is still a row.
        let row = readAll(folder.write("row.csv", "country;municipality;imp_partnerships;comp_partnerships\ncountry;Tallinn;4;2\n"))
        XCTAssertEqual(row.data.map(\.fields), [["country", "Tallinn", "4", "2"]])
    }

    func testRepeatedHeaderInAnotherCaseOrWithANameLeftOutIsNotARecord() {
        let folder = TemporaryFolder()
        let header = "country,municipality,role,imp,comp\n"
        for again in ["COUNTRY,Municipality,role,IMP,comp\n", "country,municipality,role,imp\n", "country,municipality,,imp,comp\n"] {
            let result = readAll(folder.write("again.csv", header + "EE,Tallinn,teacher,5,2\n" + again + "EE,Narva,teacher,4,3\n"))
            XCTAssertEqual(result.data.map(\.line), [2, 4], again)
            XCTAssertEqual(result.summary?.repeatedHeaders, 1, again)
        }
        // Non-ASCII names in another case.
        let lt = readAll(folder.write("lt.csv", "šalis,savivaldybė,pareigos\nLT,Vilnius,x\nŠALIS,SAVIVALDYBĖ,Pareigos\nLT,Kaunas,y\n"))
        XCTAssertEqual(lt.data.map(\.line), [2, 4])
        XCTAssertEqual(lt.summary?.repeatedHeaders, 1)
        // Too little of the header, or a value that is not a name: rows.
        for row in ["country,municipality,,,\n", "country,Tallinn,role,imp,comp\n", "country,Tallinn,role,imp,comp,extra\n"] {
            let result = readAll(folder.write("row.csv", header + row))
            XCTAssertEqual(result.data.map(\.line), [2], row)
            XCTAssertEqual(result.summary?.repeatedHeaders, 0, row)
        }
        // Every name with names added, at the end or in front (a clerk's `Nr` and `Märkused` in the
        // second block): the header again, and the rows below read by its names (they had been
        // quarantined as ragged rows).
        for (again, row) in [("country,municipality,role,imp,comp,extra\n", "EE,Narva,teacher,4,3,x\n"),
                             ("Nr,country,municipality,role,imp,comp,Märkused\n", "1,EE,Narva,teacher,4,3,x\n")] {
            let result = readAll(folder.write("added.csv", header + "EE,Tallinn,teacher,5,2\n" + again + row))
            XCTAssertEqual(result.data.map(\.line), [2, 4], again)
            XCTAssertEqual(result.data.last?.fields, ["EE", "Narva", "teacher", "4", "3"], again)
            XCTAssertEqual(result.summary?.repeatedHeaders, 1, again)
            XCTAssertTrue(result.diagnostics.contains { $0.code == "repeated_header" && $0.message.contains("left out") }, again)
        }
    }

    func testAHeaderOfNumbersIsNeverRepeated() throws {
        let folder = TemporaryFolder()
        // No header: line 1 is data, and rows equal to it are data too.
        for first in ["1,2,3\n", "0.0, 0.0, 1.5e-3\n", "2025-03-04,,7\n"] {
            let result = readAll(folder.write("numbers.csv", first + "4,5,6\n" + first + "7,8,9\n" + first))
            XCTAssertEqual(result.data.map(\.line), [2, 3, 4, 5], first)
            XCTAssertEqual(result.summary?.repeatedHeaders, 0, first)
        }
        // One name among numbers is a header.
        let named = readAll(folder.write("named.csv", "id,2024,2025\n1,5,6\nid,2024,2025\n2,7,8\n"))
        XCTAssertEqual(named.data.map(\.line), [2, 4])
        XCTAssertEqual(named.summary?.repeatedHeaders, 1)
        // A lab instrument's export of the dialects corpus: 80 rows of numbers, 18 of them alike.
        let corpus = readAll(Paths.corpora + "/dialects/input/hist_2000_15O.csv")
        let rows = try XCTUnwrap(corpus.summary, "hist_2000_15O.csv not found in the dialects corpus")
        XCTAssertEqual(rows.repeatedHeaders, 0)
        XCTAssertEqual(corpus.data.count, 79)
        XCTAssertEqual(corpus.data.filter { $0.fields == corpus.header }.count, 17)
    }

    func testNulBytesAreRemovedWithADiagnostic() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("nul.csv", Array("a,b\n1,x".utf8) + [0] + Array("y\n".utf8)))
        XCTAssertEqual(result.data.first?.fields, ["1", "xy"])
        XCTAssertEqual(result.diagnostics.first?.code, "nul_byte")
        XCTAssertEqual(result.diagnostics.first?.line, 2)
        XCTAssertEqual(result.diagnostics.first?.column, 2)
    }

    func testInvalidUTF8IsReportedWithItsPlace() {
        let folder = TemporaryFolder()
        // Valid UTF-8 for the whole sample except one stray byte on line 3.
        let bytes = Array("a,b\nĀ,ok\nx,".utf8) + [0xC4] + Array("z\n".utf8)
        var options = ReaderOptions()
        options.encoding = .utf8
        let result = readAll(folder.write("bad.csv", bytes), options: options)
        XCTAssertEqual(result.data.count, 2)
        XCTAssertEqual(result.data[1].fields, ["x", "\u{FFFD}z"])
        let d = result.diagnostics.first
        XCTAssertEqual(d?.code, "invalid_utf8")
        XCTAssertEqual(d?.line, 3)
        XCTAssertEqual(d?.column, 2)
        // A UTF-8 file with a damaged byte is UTF-8, as --encoding says: no encoding_not_as_given.
        XCTAssertFalse(result.codes.contains("encoding_not_as_given"), "\(result.diagnostics)")
    }

    func testBinaryFilesAreRefusedWithTheirKind() {
        let folder = TemporaryFolder()
        let png = readAll(folder.write("image.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]))
        XCTAssertTrue("\(png.error!)".contains("PNG"))
        let zip = readAll(folder.write("archive.csv", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 60)))
        XCTAssertTrue("\(zip.error!)".contains(".xlsx"), "\(String(describing: zip.error))")
    }

    /// `needs rows` of an .xlsx workbook (the corpus's KoboToolbox XLSForm) failed as a ZIP archive,
    /// exit 2: it shows the workbook's sheets, in the workbook's order, each row named by sheet and
    /// row (text) or keyed by its sheet's first row (JSON), with a note that says what it is and
    /// how `report` and `check` take it. A ZIP archive that is no workbook still fails, as before.
    func testRowsShowsAWorkbooksSheets() throws {
        let path = Paths.corpora + "/real-exports/kobo-paleocore-artifacts/artifact-kobotoolbox.xlsx"
        var text = ""
        let result = RowsCommand.run(path: path, displayName: "form.xlsx", options: ReaderOptions(), json: false) { text += $0 }
        XCTAssertNil(result.failure)
        XCTAssertFalse(result.hasErrors)
        XCTAssertEqual(result.diagnostics.map(\.code), ["xlsx_workbook"])
        // (A failure, not a crash of the whole run, where the corpus is missing.)
        let note = try XCTUnwrap(result.diagnostics.first)
        XCTAssertTrue(note.description.hasPrefix("form.xlsx: note: an .xlsx workbook, not a delimited text file: its 3 sheet(s) (survey, choices, settings)"),
                      note.description)
        let lines = text.split(separator: "\n")
        let header = try XCTUnwrap(lines.first).split(separator: "\t", omittingEmptySubsequences: false)
        XCTAssertEqual(header.first, "survey:1")
        XCTAssertTrue(header.contains("type") && header.contains("name"), "\(header)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("choices:1\t") } && lines.contains { $0.hasPrefix("settings:2\t") })
        XCTAssertEqual(lines.filter { $0.hasPrefix("survey:") }.count,
                       try XLSXWorkbook.sheets(at: path)["survey"]!.rows.count + 1)
        var json = ""
        _ = RowsCommand.run(path: path, options: ReaderOptions(), json: true) { json += $0 }
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [[String: String]]])
        XCTAssertEqual(Set(object.keys), ["survey", "choices", "settings"])
        XCTAssertNotNil(object["survey"]?.first?["type"])
        XCTAssertEqual(object["survey"]?.count, try XLSXWorkbook.sheets(at: path)["survey"]!.rows.count)
        let folder = TemporaryFolder()
        let zip = RowsCommand.run(path: folder.write("archive.csv", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 60)),
                                  options: ReaderOptions(), json: false) { _ in }
        XCTAssertTrue(zip.failure?.contains("a ZIP archive") == true, "\(String(describing: zip.failure))")
    }

    /// A responses workbook (a Google Sheet or Microsoft Forms workbook downloaded as Excel) was
    /// refused as a ZIP archive: its first sheet with anything in it is read as the responses, a
    /// date cell as Excel shows it, a number as stored, a quote or a comma in a cell as written,
    /// each record's line its row in the sheet (row 3, empty, is none), and a note says so,
    /// naming the sheets not read. The digest is of the workbook's own bytes. An XLSForm given as
    /// responses is refused and pointed to --instrument.
    func testAResponsesWorkbookIsReadFromItsFirstSheet() throws {
        let folder = TemporaryFolder()
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let styles = ("xl/styles.xml", "<styleSheet \(main)><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>")
        let path = folder.path + "/responses.xlsx"
        try writeWorkbook(path, [
            ("Empty", ""),
            ("Form Responses 1", workbookRow(1, ["Timestamp", "Country", "Comment", "Rating"])
                + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>45671.4389467593</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Eesti</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>He said \"hi\", then left</t></is></c><c r=\"D2\"><v>4</v></c></row>"
                + workbookRow(4, ["#45672.5", "Latvija", "", "#5"])),
            ("Other", workbookRow(1, ["x"])),
        ], extra: [styles])
        var reader = CSVReader(path: path, displayName: "responses.xlsx")
        let hashed = ByteCollector()
        reader.observer = hashed
        let result = readAll(path)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.header, ["Timestamp", "Country", "Comment", "Rating"])
        XCTAssertEqual(result.data.map(\.fields), [["2025-01-14 10:32:05", "Eesti", "He said \"hi\", then left", "4"],
                                                   ["45672.5", "Latvija", "", "5"]])
        XCTAssertEqual(result.data.map(\.line), [2, 4])
        XCTAssertEqual(result.diagnostics.map(\.code), ["xlsx_workbook"])
        XCTAssertTrue(result.diagnostics.first?.message.contains("sheet `Form Responses 1` is read as the responses") == true)
        XCTAssertTrue(result.diagnostics.first?.message.contains("`Empty`, `Other`") == true, "\(result.diagnostics)")
        let summary = try reader.read(diagnose: { _ in }) { _ in }
        XCTAssertEqual(hashed.bytes, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        XCTAssertEqual(summary.bytes, hashed.bytes.count)
        XCTAssertEqual(summary.dataRecords, 2)

        let form = readAll(Paths.corpora + "/real-exports/kobo-paleocore-artifacts/artifact-kobotoolbox.xlsx")
        XCTAssertTrue("\(form.error.map { "\($0)" } ?? "")".contains("an XLSForm workbook"), "\(String(describing: form.error))")
    }

    /// A workbook with a cover sheet ahead of its responses (`Instructions`: a title and notes in
    /// a column or two) is read from the first sheet holding a table, a row of three values or
    /// more with values below it: the cover sheet alone had been read, its one row quarantined
    /// and the responses unread (a probe's). With no sheet holding a table, the first with values.
    func testAWorkbooksCoverSheetIsPassedOverForItsTable() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/cover.xlsx"
        try writeWorkbook(path, [
            ("Instructions", workbookRow(1, ["Training needs survey 2025"]) + workbookRow(3, ["Fill in one row per respondent.", "See sheet 2"])),
            ("Responses", workbookRow(1, ["Survey of Tartu"]) + workbookRow(2, ["country", "municipality", "imp_intercultural"])
                + workbookRow(3, ["EE", "Tartu linn", "#4"]) + workbookRow(4, ["EE", "Tartu linn", "#5"])),
        ])
        let result = readAll(path)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.header, ["country", "municipality", "imp_intercultural"])
        XCTAssertEqual(result.data.map(\.fields), [["EE", "Tartu linn", "4"], ["EE", "Tartu linn", "5"]])
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("sheet `Responses` is read as the responses") }, "\(result.diagnostics)")
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("`Instructions`") }, "\(result.diagnostics)")

        // A responses sheet of a header alone (nobody has answered yet) is still the one read, not
        // a summary sheet holding a table after it (a reviewer's case).
        let unanswered = folder.path + "/unanswered.xlsx"
        try writeWorkbook(unanswered, [("Form Responses 1", workbookRow(1, ["Timestamp", "Country", "Municipality", "Role"])),
                                       ("Summary", workbookRow(1, ["Topic", "Mean", "n"]) + workbookRow(2, ["a", "#4", "#3"]))])
        XCTAssertEqual(readAll(unanswered).header, ["Timestamp", "Country", "Municipality", "Role"])
        // A summary sheet of one's own in front of Microsoft Forms' `Form1`: the sheet headed as a
        // form tool's export is read (the summary had been, and the run stopped: a probe's).
        let summaryFirst = folder.path + "/summary-first.xlsx"
        try writeWorkbook(summaryFirst, [("Kokkuvõte", workbookRow(1, ["Teema", "Keskmine", "n"]) + workbookRow(2, ["a", "#4", "#3"])),
                                         ("Form1", workbookRow(1, ["ID", "Start time", "Completion time", "Email", "Name", "Riik"])
                                            + workbookRow(2, ["#1", "#45671.5", "#45671.6", "anonymous", "", "Eesti"]))])
        let forms = readAll(summaryFirst)
        XCTAssertEqual(forms.header, ["ID", "Start time", "Completion time", "Email", "Name", "Riik"])
        XCTAssertEqual(forms.data.count, 1)
        // Not a narrower sheet that merely looks like one after a hand-made sheet of responses: a
        // log (`Timestamp`) or a schedule (`ID`, start and end times), a reviewer's cases; nor a
        // sheet whose export-like words stand in a row below its header.
        let responses = workbookRow(1, ["Valsts", "Pašvaldība", "Amats", "imp_intercultural"]) + workbookRow(2, ["Latvija", "Rīga", "Skolotājs", "#4"])
        for (name, other) in [("log", workbookRow(1, ["Timestamp", "Editor", "Change"]) + workbookRow(2, ["#45671.5", "Mari", "fixed"])),
                              ("schedule", workbookRow(1, ["ID", "Sākuma laiks", "Beigu laiks", "Tēma"]) + workbookRow(2, ["#1", "#45671.5", "#45671.6", "a"]))] {
            let path = folder.path + "/\(name).xlsx"
            try writeWorkbook(path, [("Atbildes", responses), (name, other)])
            XCTAssertEqual(readAll(path).header, ["Valsts", "Pašvaldība", "Amats", "imp_intercultural"], name)
        }
        let profile = folder.path + "/profile.xlsx"
        try writeWorkbook(profile, [("Summary", workbookRow(1, ["Column", "Answered", "Blank"]) + workbookRow(2, ["Timestamp", "#40", "#0"])),
                                    ("Form Responses 1", workbookRow(1, ["Timestamp", "Country", "Municipality", "Role"]) + workbookRow(2, ["#45671.5", "Eesti", "Narva", "x"]))])
        XCTAssertEqual(readAll(profile).header, ["Timestamp", "Country", "Municipality", "Role"])

        let notes = folder.path + "/notes.xlsx"
        try writeWorkbook(notes, [("Notes", workbookRow(1, ["a", "b"])), ("More", workbookRow(1, ["c"]) + workbookRow(2, ["d"]))])
        XCTAssertEqual(readAll(notes).header, ["a", "b"])
    }

    /// A workbook of responses in more sheets than one, headed alike (a month a sheet; Google
    /// Sheets' `Form Responses 1` and `2`): one is read, and the others' rows had been left out
    /// with a note alone (a probe's: 40 respondents of 100, exit 0). An `xlsx_sheets_unread` error
    /// names them with their rows; a sheet headed otherwise (a summary) is no such sheet.
    func testSheetsHeadedAsTheOneReadAreSaidNotRead() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/months.xlsx"
        let header = ["Riik", "Omavalitsus", "imp_intercultural"]
        try writeWorkbook(path, [
            ("Jaanuar", workbookRow(1, header) + workbookRow(2, ["Eesti", "Narva linn", "#4"]) + workbookRow(3, ["Eesti", "Narva linn", "#5"])),
            ("Kokkuvõte", workbookRow(1, ["Teema", "Keskmine", "n"]) + workbookRow(2, ["a", "#4", "#3"])),
            ("Veebruar", workbookRow(1, [" riik", "Omavalitsus", "IMP_INTERCULTURAL"]) + workbookRow(2, ["Eesti", "Tartu linn", "#3"])
                + workbookRow(3, ["", "", ""]) + workbookRow(4, ["Eesti", "Tartu linn", "#2"]) + workbookRow(5, ["Eesti", "Tartu linn", "#1"])),
            ("Märts", workbookRow(1, header)),
        ])
        let result = readAll(path)
        XCTAssertEqual(result.data.count, 2)
        let unread = result.diagnostics.filter { $0.code == "xlsx_sheets_unread" }
        XCTAssertEqual(unread.count, 1)
        XCTAssertEqual(unread.first?.severity, .error)
        XCTAssertEqual(unread.first?.message, "the workbook's sheet(s) `Veebruar` (3 row(s)) are headed as `Jaanuar`, the one read, and hold rows it has not: "
                       + "responses too, not read nor counted; save each sheet as CSV and give them all, or copy their rows into one sheet")
        // A template of the header alone (`Märts`), or a copy of the rows read (cleaned, sorted),
        // is none (a reviewer's: exit 1 for a template, and CSVs of both would count each twice).
        let copy = folder.path + "/copy.xlsx"
        try writeWorkbook(copy, [("Vastused", workbookRow(1, header) + workbookRow(2, ["Eesti", "Narva linn", "#4"]) + workbookRow(3, ["Eesti", "Tartu linn", "#5"])),
                                 ("Puhastatud", workbookRow(1, header) + workbookRow(2, ["Eesti", "Tartu linn", "#5"]) + workbookRow(3, ["Eesti", "Narva linn", "#4"])),
                                 ("Mall", workbookRow(1, header))])
        XCTAssertFalse(readAll(copy).diagnostics.contains { $0.code == "xlsx_sheets_unread" })
        // A row of the same values in other columns is another respondent's (a reviewer's).
        let moved = folder.path + "/moved.xlsx"
        let wide = ["Riik", "Omavalitsus", "imp_intercultural", "imp_partnerships"]
        try writeWorkbook(moved, [("Jaanuar", workbookRow(1, wide) + workbookRow(2, ["Eesti", "Tartu linn", "#4", ""])),
                                  ("Veebruar", workbookRow(1, wide) + workbookRow(2, ["Eesti", "Tartu linn", "", "#4"]))])
        XCTAssertTrue(readAll(moved).diagnostics.contains { $0.code == "xlsx_sheets_unread" })
        let single = folder.path + "/single.xlsx"
        try writeWorkbook(single, [("Jaanuar", workbookRow(1, header) + workbookRow(2, ["Eesti", "Narva linn", "#4"])),
                                   ("Kokkuvõte", workbookRow(1, ["Teema", "Keskmine", "n"]) + workbookRow(2, ["a", "#4", "#3"]))])
        XCTAssertFalse(readAll(single).diagnostics.contains { $0.code == "xlsx_sheets_unread" })
    }

    /// A municipality's name merged down over its block of rows: Excel keeps it in the top cell
    /// alone, and the rows below had been of no place (a probe's: 15 respondents of 18). Each
    /// row of a range below the header reads its value in the range's first column; a merge in
    /// the header (a title over two rows, a group's over its columns) is left as it is, and so
    /// is a cell typed in the range (none is, in Excel: a file written otherwise).
    func testCellsMergedDownOverRowsAreReadOnEachRow() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/merged.xlsx"
        let rows = workbookRow(1, ["Riik", "Omavalitsus", "Hinnang", ""]) + workbookRow(2, ["", "", "imp_intercultural", "comp_intercultural"])
            + workbookRow(3, ["Eesti", "Narva linn", "#4", "#2"]) + workbookRow(4, ["", "", "#5", "#1"]) + workbookRow(5, ["", "", "#3", "#3"])
            + workbookRow(6, ["", "Tartu linn", "#2", "#2"]) + workbookRow(7, ["", "Jõhvi vald", "#1", "#1"])
            // A block's average row inside the range stays a totals row, its label first (a reviewer's).
            + workbookRow(8, ["Läti", "Ogre", "#3", "#3"]) + workbookRow(9, ["", "Keskmine", "#3", "#3"])
            // A respondent's first answer a totals word, words after it, is filled (a reviewer's).
            + workbookRow(10, ["", "Vidēji svarīgi", "Zema", "#2"])
        try writeWorkbook(path, [("Vastused", rows)], afterRows: ["Vastused": "<mergeCells count=\"5\"><mergeCell ref=\"A1:A2\"/>"
            + "<mergeCell ref=\"C1:D1\"/><mergeCell ref=\"A3:A7\"/><mergeCell ref=\"B3:B5\"/><mergeCell ref=\"B6:C7\"/><mergeCell ref=\"A8:A10\"/></mergeCells>"])
        let result = readAll(path)
        XCTAssertEqual(result.header, ["Riik", "Omavalitsus", "Hinnang", ""])
        XCTAssertEqual(result.data.map(\.fields), [
            ["", "", "imp_intercultural", "comp_intercultural"],
            ["Eesti", "Narva linn", "4", "2"], ["Eesti", "Narva linn", "5", "1"], ["Eesti", "Narva linn", "3", "3"],
            ["Eesti", "Tartu linn", "2", "2"], ["Eesti", "Jõhvi vald", "1", "1"], ["Läti", "Ogre", "3", "3"], ["Läti", "Vidēji svarīgi", "Zema", "2"],
        ])
        XCTAssertTrue(result.diagnostics.contains { $0.code == "totals_row_skipped" && $0.line == 9 }, "\(result.diagnostics.map(\.message))")
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("; 3 merged cell(s) over rows below the header read as their value on each row") },
                      "\(result.diagnostics.map(\.message))")
    }

    /// `needs sniff` on a workbook says what `check` and `report` read of it (it said "not read:
    /// a ZIP archive"): the sheet, its rows and columns, the sheets left; an XLSForm is pointed to
    /// --instrument, a damaged archive says so.
    func testSniffTellsWhatIsReadOfAWorkbook() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/responses.xlsx"
        try writeWorkbook(path, [
            ("Empty", ""),
            ("Form Responses 1", workbookRow(1, ["Timestamp", "Country", "Rating"]) + workbookRow(2, ["#45671.5", "Eesti", "#4"])
                + workbookRow(3, ["#45672.5", "Latvija", "#5", "a note beyond the header"])),
            ("Other", workbookRow(1, ["x"])),
        ])
        let result = try XCTUnwrap(SniffCommand.run(paths: [path], options: ReaderOptions()).first)
        XCTAssertNil(result.failure)
        let workbook = try XCTUnwrap(result.workbook)
        XCTAssertEqual(workbook.sheet, "Form Responses 1")
        XCTAssertEqual(workbook.otherSheets, ["Empty", "Other"])
        XCTAssertEqual([workbook.rows, workbook.columns], [3, 4])
        XCTAssertEqual(SniffCommand.text([result]), path + "\n  workbook   .xlsx: sheet `Form Responses 1` read as the responses, "
                       + "3 row(s) from its first with a value, 4 column(s); not read: `Empty`, `Other`; dates as ISO dates, lines as its rows\n")
        XCTAssertTrue(SniffCommand.json([result]).contains("\"workbook\": {\"sheet\": \"Form Responses 1\", \"other_sheets\": [\"Empty\", \"Other\"], \"rows\": 3, \"columns\": 4}"))

        let form = try XCTUnwrap(SniffCommand.run(paths: [Paths.corpora + "/real-exports/kobo-paleocore-artifacts/artifact-kobotoolbox.xlsx"],
                                                  options: ReaderOptions()).first)
        XCTAssertNil(form.workbook)
        XCTAssertTrue(form.failure?.contains("an XLSForm workbook") == true && form.failure?.contains("--instrument") == true, "\(form)")
        let damaged = folder.path + "/damaged.xlsx"
        try Data(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(200)).write(to: URL(fileURLWithPath: damaged))
        let cut = try XCTUnwrap(SniffCommand.run(paths: [damaged], options: ReaderOptions()).first)
        XCTAssertTrue(cut.failure?.contains("no readable .xlsx workbook") == true, "\(cut)")
    }

    /// A workbook is read whole into memory, so what its parts unpack to is counted as they
    /// unpack: past the limit (1 GiB; here 64 KiB) it is refused, with what to do, not read until
    /// memory runs out. 200 KB of XML (spaces between rows) packs into about a kilobyte.
    func testAWorkbookUnpackingPastTheLimitIsRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/responses.xlsx"
        let padding = String(repeating: " ", count: 200_000)
        try writeWorkbook(path, [("Form Responses 1", workbookRow(1, ["Country", "Rating"]) + padding + workbookRow(2, ["Eesti", "#4"]))])
        let packed = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertLessThan(packed, 5_000)
        XCTAssertThrowsError(try XLSXWorkbook.orderedSheets(at: path, unpackLimit: 64 << 10)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("its parts unpack to more than 64 KiB (`xl/worksheets/s0.xml` reached it)"), text)
            XCTAssertTrue(text.contains("save the sheet as CSV"), text)
        }
        // The sizes an archive declares are not trusted: the sheet's, in the central directory,
        // made to say 100 bytes, is counted as it unpacks.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array("xl/worksheets/s0.xml".utf8)
        let entry = try XCTUnwrap(bytes.indices.first { at in
            at + 46 + name.count <= bytes.count && bytes[at..<at + 4] == [0x50, 0x4B, 0x01, 0x02]
                && Array(bytes[at + 46 ..< at + 46 + name.count]) == name
        })
        bytes.replaceSubrange(entry + 24 ..< entry + 28, with: [100, 0, 0, 0])
        let lying = folder.path + "/lying.xlsx"
        try Data(bytes).write(to: URL(fileURLWithPath: lying))
        XCTAssertThrowsError(try XLSXWorkbook.orderedSheets(at: lying, unpackLimit: 64 << 10)) { error in
            XCTAssertTrue("\(error)".contains("its parts unpack to more than 64 KiB"), "\(error)")
        }
        // Under the limit, and under the default, the same workbook reads.
        let sheet = try XCTUnwrap(XLSXWorkbook.orderedSheets(at: path, unpackLimit: 256 << 10).first)
        XCTAssertEqual(sheet.header, ["Country", "Rating"])
        XCTAssertEqual(sheet.rows.map(\.cells), [["Eesti", "4"]])
        XCTAssertEqual(try XLSXWorkbook.orderedSheets(at: path).first?.rows.count, 1)
        XCTAssertEqual(XLSXWorkbook.unpackLimit, 1 << 30)
        XCTAssertEqual([XLSXWorkbook.byteSize(1 << 30), XLSXWorkbook.byteSize(64 << 10), XLSXWorkbook.byteSize(1000)],
                       ["1 GiB", "64 KiB", "1000 bytes"])
    }

    /// A sheet read as a spreadsheet's CSV export reads it: a title above the header, a formatted
    /// empty row, a value under no heading, a short row and a cell of two lines. Every row is as
    /// wide as the widest (the header one name short, as the CSV export's `a,b,c,`: its rows
    /// were quarantined), and every line a record or a message names, in its place or its words,
    /// is the row of the sheet (row 7, after a cell of two lines, was line 8 of the text). A
    /// damaged workbook says so; one with no value says so.
    func testAWorkbooksLinesAreItsRows() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/responses.xlsx"
        try writeWorkbook(path, [("Responses", workbookRow(1, ["Survey 2025"]) + "<row r=\"2\"></row>"
            + workbookRow(3, ["id", "name", "score"]) + workbookRow(5, ["1", "Ann", "#4", "extra"])
            + workbookRow(6, ["2", "Bob\nSmith"]) + workbookRow(7, ["3", "Cy", "#5"]))])
        let result = readAll(path)
        XCTAssertNil(result.error)
        XCTAssertEqual(result.records.filter { !$0.blank }.map(\.line), [3, 5, 6, 7])
        XCTAssertEqual(result.records.filter { !$0.blank }.dropFirst().map(\.fields), [["1", "Ann", "4", "extra"], ["2", "Bob\nSmith", "", ""], ["3", "Cy", "5", ""]])
        XCTAssertFalse(result.codes.contains("ragged_row"), "\(result.diagnostics)")
        let unnamed = try XCTUnwrap(result.diagnostics.first { $0.code == "trailing_delimiter" })
        XCTAssertEqual(unnamed.line, 3)
        XCTAssertTrue(unnamed.message.contains("first at line 5"), unnamed.message)
        XCTAssertEqual(result.diagnostics.first { $0.code == "preamble_skipped" }?.line, 1)

        let damaged = readAll(folder.write("damaged.xlsx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 200)))
        XCTAssertTrue("\(damaged.error.map { "\($0)" } ?? "")".contains("no readable .xlsx workbook (the archive is damaged or cut off)"),
                      "\(String(describing: damaged.error))")
        let empty = folder.path + "/empty.xlsx"
        try writeWorkbook(empty, [("Sheet1", "<row r=\"1\"></row>")])
        let nothing = readAll(empty)
        XCTAssertNil(nothing.error)
        XCTAssertEqual(nothing.diagnostics.map(\.message), ["an .xlsx workbook with no sheet holding a value (`Sheet1`)"])
    }

    func testRandomBytesAreBinaryDataNotATable() {
        let folder = TemporaryFolder()
        var state: UInt64 = 7
        let bytes = (0..<5000).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let path = folder.write("random.bin", bytes)
        let result = readAll(path)
        XCTAssertTrue("\(result.error.map { "\($0)" } ?? "")".contains("binary data"), "\(String(describing: result.error))")
        XCTAssertTrue(result.diagnostics.isEmpty)
        XCTAssertThrowsError(try CSVReader(path: path).detect())
    }

    func testSniffGivesTheSameVerdictOnBinaryFilesAsTheReader() {
        let folder = TemporaryFolder()
        let png = folder.write("image.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        let results = SniffCommand.run(paths: [png], options: ReaderOptions())
        XCTAssertNil(results[0].encoding)
        XCTAssertTrue(results[0].failure?.contains("a PNG image, not a delimited text table") ?? false, "\(results[0])")
    }

    /// An HTML table or an Excel 2003 XML Spreadsheet saved as `.xls`, and any XML document, are
    /// no delimited text: they had been read as CSV, told they matched no question, or that their
    /// header looked cut off (a helper's probe). A CSV whose first cell starts with `<` is read.
    func testHTMLAndXMLSpreadsheetsAreNotTables() {
        let folder = TemporaryFolder()
        let cases = [
            ("page.xls", "\u{FEFF}<!DOCTYPE html><html><body><table><tr><td>Valsts</td></tr></table></body></html>\n", "an HTML page"),
            ("table.xls", "<table border=1><tr><td>Valsts</td><td>Pašvaldība</td></tr></table>", "an HTML page"),
            ("sheet.xls", "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">", "an Excel 2003 XML Spreadsheet"),
            ("data.csv", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<data><row/></data>\n", "an XML document"),
        ]
        for (name, text, kind) in cases {
            let result = readAll(folder.write(name, text))
            XCTAssertTrue("\(result.error.map { "\($0)" } ?? "")".contains(kind + " ("), "\(name): \(String(describing: result.error))")
        }
        let table = readAll(folder.write("lt.csv", "<5 metai,kita\n1,2\n"))
        XCTAssertNil(table.error)
        XCTAssertEqual(table.data.count, 1)
    }

    func testStrayNulBytesAndUTF16WithoutAMarkAreStillText() {
        let folder = TemporaryFolder()
        var text = Array("a,b\n".utf8)
        for k in 0..<200 { text += Array("\(k),x".utf8) + (k % 50 == 0 ? [0] : []) + Array("y\n".utf8) }
        let nuls = readAll(folder.write("nuls.csv", text))
        XCTAssertNil(nuls.error)
        XCTAssertEqual(nuls.data.count, 200)
        XCTAssertTrue(nuls.codes.contains("nul_byte"))
        // Cyrillic in UTF-16LE without a BOM: 0x04 in every other byte, too few NULs for the pattern.
        let cyrillic = readAll(folder.write("ru16.txt", encode("имя\tгород\nАнна\tНарва\nБорис\tТарту\n", as: .utf16LE)))
        XCTAssertFalse("\(cyrillic.error.map { "\($0)" } ?? "")".contains("binary"))
    }

    /// A Russian Google Forms export saved as UTF-16 without a mark: NULs in under four high bytes
    /// in ten (the rest 0x04, Cyrillic), so the NUL pattern missed it, and the NULs of its ASCII
    /// (digits, commas, line ends) made it "binary data, not a delimited text table".
    func testMostlyCyrillicUTF16WithoutAMarkIsReadAsUTF16() {
        let folder = TemporaryFolder()
        var text = "Отметка времени,Страна,Муниципалитет,Ваша должность,Насколько важна тема?\n"
        let roles = ["Социальный работник", "Учитель или работник образования", "Координатор интеграции"]
        for k in 0..<12 {
            text += "2025/02/0\(k % 9 + 1) 10:0\(k % 10):00,Эстония,Нарва,\(roles[k % 3]),Очень важно\n"
        }
        for encoding in [TextEncoding.utf16LE, .utf16BE] {
            let result = readAll(folder.write("ru_\(encoding.rawValue).txt", encode(text, as: encoding)))
            XCTAssertNil(result.error, "\(encoding)")
            XCTAssertEqual(result.summary?.encoding.encoding, encoding)
            XCTAssertEqual(result.summary?.encoding.evidence, .nulPattern)
            XCTAssertEqual(result.records.map { $0.fields.joined(separator: ",") + "\n" }.joined(), text)
        }
        // Windows-1251 text, whose every other byte is a space or a letter, is not UTF-16.
        let letters = String(repeating: "а б в г д е ж з и к л м н о п р с т у ф\n", count: 20)
        let spaced = encode(letters, as: .windows1251)
        XCTAssertNil(EncodingDetector.detectUTF16WithoutBOM(spaced))
    }

    func testRowsJSONKeysAreUniqueWhenTheHeaderRepeatsAName() throws {
        XCTAssertEqual(RowsCommand.jsonKeys(["a", "a", "b", "a_2", "a"]), ["a", "a_3", "b", "a_2", "a_4"])
        let folder = TemporaryFolder()
        var json = ""
        _ = RowsCommand.run(path: folder.write("dup.csv", "a,a,b\n1,2,3\n"), options: ReaderOptions(), json: true) { json += $0 }
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        XCTAssertEqual(objects, [["a": "1", "a_2": "2", "b": "3"]])
    }

    /// `needs rows --json` of a sheet with a title and a padded blank line above its header holds
    /// the table's rows alone: the blank line was an object keyed `_extra_1`, `_extra_2`, `_extra_3`.
    func testRowsJSONLeavesOutTheBlankLinesAboveTheHeader() throws {
        let folder = TemporaryFolder()
        var json = ""
        _ = RowsCommand.run(path: folder.write("titled.csv", "Survey results 2025;;\n;;\ncountry;municipality;role\nEE;Narva;teacher\n"),
                            options: ReaderOptions(), json: true) { json += $0 }
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]], json)
        XCTAssertEqual(objects, [["country": "EE", "municipality": "Narva", "role": "teacher"]])
    }

    /// A path that is no file is named for what it is (`needs rows responses/`, `--plan` given a
    /// folder): every one was "not a regular file".
    func testAPathThatIsNoFileIsNamedForWhatItIs() throws {
        let folder = TemporaryFolder()
        folder.write("in/a.csv", "a\n")
        let reason = { (path: String) in readAll(path).error.map { ReaderError.reason(of: $0, file: path) } }
        XCTAssertEqual(reason(folder.path + "/in"), "cannot open: a folder, not a file")
        // A symbolic link to nothing (`needs rows` of a file on a share not mounted) says where it leads.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/gone.csv", withDestinationPath: "/mnt/share/gone.csv")
        XCTAssertEqual(reason(folder.path + "/gone.csv"),
                       "cannot open: it is a symbolic link to /mnt/share/gone.csv, which cannot be reached (No such file or directory)")
        XCTAssertEqual(reason("/dev/null"), "cannot open: a device, not a file")
    }

    /// `needs rows` on an empty file (0 bytes, or blank lines only) says so, as `check` does: it
    /// printed nothing at all and exited 0, as if the file held a table of no rows.
    func testRowsOfAnEmptyFileSayItIsEmpty() {
        let folder = TemporaryFolder()
        for (name, text, said) in [("empty.csv", "", "the file is empty"), ("blank.csv", "\n\n;;;\n", "the file holds blank lines only")] {
            let result = RowsCommand.run(path: folder.write(name, text), displayName: name, options: ReaderOptions(),
                                         json: false) { _ in }
            XCTAssertNil(result.failure, name)
            XCTAssertFalse(result.hasErrors, name)
            XCTAssertEqual(result.diagnostics.map(\.description), ["\(name): warning: no header row: \(said) [empty_file]"])
        }
        let table = RowsCommand.run(path: folder.write("a.csv", "a,b\n"), options: ReaderOptions(), json: false) { _ in }
        XCTAssertEqual(table.diagnostics, [])
    }

    /// `needs rows` on an export with a finding on every line keeps the first of each kind and
    /// counts the rest: its memory does not grow with the file.
    func testRowsKeepsTheFirstFindingsOfEachKindAndCountsThemAll() {
        let folder = TemporaryFolder()
        let text = "a,b,c\n" + (1...50).map { "x\"y,\($0),z\n" }.joined() + "1,2\n1,2,3,4\n"
        var lines = 0
        let result = RowsCommand.run(path: folder.write("stray.csv", text), options: ReaderOptions(), json: false,
                                     keptPerKind: 3) { lines += $0.filter { $0 == "\n" }.count }
        XCTAssertEqual(lines, 53)
        XCTAssertEqual(result.diagnostics.filter { $0.code == "quote_in_unquoted_field" }.map(\.line), [2, 3, 4])
        XCTAssertEqual(result.counts["quote_in_unquoted_field"], 50)
        XCTAssertEqual(result.counts.values.reduce(0, +), 50 + result.diagnostics.count - 3)
        XCTAssertEqual(result.hasErrors, result.diagnostics.contains { $0.severity == .error })
        let all = RowsCommand.run(path: folder.path + "/stray.csv", options: ReaderOptions(), json: false) { _ in }
        XCTAssertEqual(all.diagnostics.count, all.counts.values.reduce(0, +))
        XCTAssertEqual(Array(all.diagnostics.filter { $0.code != "quote_in_unquoted_field" }), result.diagnostics.filter { $0.code != "quote_in_unquoted_field" })
    }

    func testMessagesQuoteLongOrMultilineValuesOnOneShortLine() {
        let value = "Rakvere vald,social_worker\n" + String(repeating: "4,", count: 300) + "\tend"
        let issue = CleaningIssue(file: "f.csv", line: 3, code: "municipality_unknown", action: .kept,
                                  message: "`\(value)` is not a municipality of the gazetteer; kept as written")
        XCTAssertFalse(issue.message.contains("\n"))
        XCTAssertTrue(issue.message.hasPrefix("`Rakvere vald,social_worker\\n4,"), issue.message)
        XCTAssertTrue(issue.message.hasSuffix("…` is not a municipality of the gazetteer; kept as written"), issue.message)
        XCTAssertLessThan(issue.message.count, 130)
        XCTAssertFalse(issue.diagnostic.description.contains("\n"))
        // Short one-line messages are untouched.
        XCTAssertEqual(Diagnostic.oneLine("`Tallinn` is fine"), "`Tallinn` is fine")
        let long = "`Tallinn` is not a choice of list `municipalities_of_estonia`; treated as missing, as the instrument says"
        XCTAssertEqual(Diagnostic.oneLine(long), long)
        // A quoted value shows 59 characters whole; from 60 on, 59 and an ellipsis. Counted in
        // characters: 40 Cyrillic letters (80 bytes) are short.
        let cyrillic = "`" + String(repeating: "ж", count: 40) + "` unknown"
        XCTAssertEqual(Diagnostic.oneLine(cyrillic), cyrillic)
        let fiftyNine = "`" + String(repeating: "a", count: 59) + "` x"
        XCTAssertEqual(Diagnostic.oneLine(fiftyNine), fiftyNine)
        XCTAssertEqual(Diagnostic.oneLine("`" + String(repeating: "a", count: 60) + "` x"), "`" + String(repeating: "a", count: 59) + "…` x")
        // Escape sequences typed into a cell are shown, not sent to the terminal (a reviewer's
        // probe: a hidden link, `ESC ]8;;…BEL`, and `ESC [2J`, which cleared the screen).
        XCTAssertEqual(Diagnostic.oneLine("`\u{1B}]8;;http://x.example/\u{7}Narva\u{1B}[2J` unknown"),
                       "`\\u{1B}]8;;http://x.example/\\u{7}Narva\\u{1B}[2J` unknown")
        XCTAssertEqual(Diagnostic.oneLine("`a\u{9B}2Jb\u{7F}` x"), "`a\\u{9B}2Jb\\u{7F}` x")
        XCTAssertEqual(Diagnostic.escapingControls("a\u{9B}b.csv"), "a\\u{9B}b.csv")
        // Letters of U+0080-U+00BF are kept: `§`, a no-break space.
        XCTAssertEqual(Diagnostic.oneLine("`§ 3\u{A0}x` y"), "`§ 3\u{A0}x` y")
    }

    func testEmptyFileAndHeaderOnly() {
        let folder = TemporaryFolder()
        let empty = readAll(folder.write("empty.csv", ""))
        XCTAssertNil(empty.error)
        XCTAssertEqual(empty.records.count, 0)
        XCTAssertEqual(empty.summary?.dataRecords, 0)
        let header = readAll(folder.write("header.csv", "a,b,c\n"))
        XCTAssertEqual(header.header, ["a", "b", "c"])
        XCTAssertEqual(header.summary?.dataRecords, 0)
    }

    func testEmptyAndQuotedEmptyFieldsAreBothEmptyText() {
        let folder = TemporaryFolder()
        let result = readAll(folder.write("e.csv", "a,b,c\n,\"\",x\n"))
        XCTAssertEqual(result.data.first?.fields, ["", "", "x"])
    }

    func testEveryFileOfTheSharedCorporaIsRead() throws {
        var files: [String] = []
        for folder in ["real-exports", "dialects/input", "csv-spectrum/csvs"] {
            let root = Paths.corpora + "/" + folder
            let enumerator = FileManager.default.enumerator(atPath: root)!
            for case let name as String in enumerator where name.hasSuffix(".csv") || name.hasSuffix(".CSV") || folder == "dialects/input" {
                files.append(root + "/" + name)
            }
        }
        XCTAssertGreaterThan(files.count, 130)
        for file in files {
            let result = readAll(file)
            XCTAssertNil(result.error, file)
            let summary = try XCTUnwrap(result.summary, file)
            XCTAssertEqual(summary.dataRecords + (summary.headerFieldCount > 0 ? 1 : 0), result.records.count, file)
        }
    }

    func testKoboExportIsReadWhole() throws {
        let result = readAll(Paths.corpora + "/real-exports/kobo-paleocore-artifacts/paleocore-sss_artifact-form_-_all_versions_-_False_-_2022-08-01-05-36-18.csv")
        XCTAssertEqual(result.summary?.dialect.delimiterName, ";")
        XCTAssertEqual(result.summary?.dialect.lineEnding, .crlf)
        XCTAssertEqual(result.header.count, 88)
        XCTAssertEqual(result.data.count, 3203)
        XCTAssertTrue(result.data.allSatisfy { $0.fields.count == 88 && !$0.quarantined })
        XCTAssertTrue(result.diagnostics.isEmpty)
    }
}
