import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import NeedsKit

final class ReportTests: XCTestCase {
    func report(_ configure: (inout RunOptions) -> Void = { _ in }) throws -> (String, RunOutcome, TemporaryFolder) {
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [Paths.inputs + "/responses"]
        options.outputPath = folder.path + "/reports"
        configure(&options)
        let outcome = try Pipeline.report(options)
        return (options.outputPath, outcome, folder)
    }

    /// A mean gap from one respondent's ratings has no interval: the top-needs table marks it
    /// `(n = 1)` and says why under the table, in the report's language (it had shown the gap bare,
    /// as one whose interval was left out). A topic rated by two keeps its interval.
    func testGapOfOneRespondentIsMarked() throws {
        let folder = TemporaryFolder()
        folder.write("in/lv.csv", "country,municipality,imp_intercultural,comp_intercultural,imp_partnerships,comp_partnerships\n"
            + "LV,Rīga,5,1,4,2\nLV,Rīga,,,5,2\n")
        let (out, _, _keep) = try report {
            $0.inputs = [folder.path + "/in"]
            $0.aggregation.minCell = 1
        }
        _ = _keep
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let row = try XCTUnwrap(report.split(separator: "\n").first { $0.hasPrefix("| 1 | Intercultural competence") })
        XCTAssertTrue(row.contains("| 4.00 (n = 1) |"), String(row))
        XCTAssertTrue(report.contains("(n = 1): the mean gap of one respondent's ratings, with no interval"), report)
        let two = try XCTUnwrap(report.split(separator: "\n").first { $0.contains("| Partnerships for integration |") })
        XCTAssertTrue(two.contains("2.50 (-3.85 – 8.85)"), String(two))
        let latvian = try String(contentsOfFile: out + "/countries/LV.md", encoding: .utf8)
        XCTAssertTrue(latvian.contains("4,00 (n = 1)"), latvian)
        XCTAssertTrue(latvian.contains("(n = 1): viena respondenta vērtējumu vidējā plaisa"), latvian)
    }

    /// A topic nobody rated on both measures (its columns not in the file) shows `–` for its rank,
    /// MWDS and quadrant, as a suppressed one does, and was left out of the chart without a word:
    /// the table says it was not rated, in the report's language (a helper's probe). A table whose
    /// topics are all rated says nothing of it.
    func testATopicNobodyRatedIsSaidUnrated() throws {
        let folder = TemporaryFolder()
        var text = "country,municipality,imp_intercultural,comp_intercultural,imp_partnerships,comp_partnerships\n"
        for k in 0..<6 { text += "LV,Rīga,\(1 + k % 5),\(1 + (k + 2) % 5),\(2 + k % 4),2\n" }
        folder.write("in/lv.csv", text)
        let (out, _, _keep) = try report { $0.inputs = [folder.path + "/in"] }
        _ = _keep
        let english = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let row = try XCTUnwrap(english.split(separator: "\n").first { $0.contains("| Working with interpreters and language access |") })
        XCTAssertTrue(row.hasPrefix("| – |") && row.hasSuffix("| – |"), String(row))
        XCTAssertTrue(english.contains("Not rated here, so without rank, MWDS or bar (–, not suppressed): Countering disinformation and "
                                      + "misinformation; Gender-based violence prevention; "), english)
        XCTAssertTrue(english.contains("No respondent rated both the topic's importance and their competence in it"), english)
        XCTAssertFalse(english.contains("Ranks are among the topics whose MWDS is shown"), english)
        let latvian = try String(contentsOfFile: out + "/countries/LV.md", encoding: .utf8)
        XCTAssertTrue(latvian.contains("Šeit nav vērtētas, tāpēc bez vietas, MWDS un stabiņa (–, nav slēptas): Dezinformācijas"), latvian)
        // Three rating a topic's importance, none its competence (its importance blanked, under
        // 5): unrated still, not a suppressed need that might rank first (a reviewer's case).
        let few = TemporaryFolder()
        var rows = "country,municipality,imp_intercultural,comp_intercultural,imp_partnerships\n"
        for k in 0..<6 { rows += "LV,Rīga,\(1 + k % 5),\(1 + (k + 2) % 5),\(k < 3 ? "4" : "")\n" }
        few.write("in/lv.csv", rows)
        let (fewOut, _, _keepFew) = try report { $0.inputs = [few.path + "/in"] }
        _ = _keepFew
        let fewText = try String(contentsOfFile: fewOut + "/report.md", encoding: .utf8)
        XCTAssertTrue(fewText.contains("Partnerships for integration"), fewText)
        XCTAssertFalse(fewText.contains("Ranks are among the topics whose MWDS is shown"), fewText)
        XCTAssertTrue(fewText.contains("(–, not suppressed): Countering disinformation and misinformation; Gender-based violence "
                                       + "prevention; Working with interpreters and language access; Temporary protection: rights and "
                                       + "entitlements; Partnerships for integration;"), fewText)
        let (all, _, _keepAll) = try report()
        _ = _keepAll
        XCTAssertFalse(try String(contentsOfFile: all + "/report.md", encoding: .utf8).contains("was not rated here"))
    }

    func testCountryReportsAreInTheCountrysLanguage() throws {
        let (out, _, _keep) = try report()
        _ = _keep
        let latvian = try String(contentsOfFile: out + "/countries/LV.md", encoding: .utf8)
        XCTAssertTrue(latvian.hasPrefix("# Apmācību vajadzības: Latvija (LV)"))
        XCTAssertTrue(latvian.contains("## Lielākās vajadzības (Boriča MWDS)"))
        XCTAssertTrue(latvian.contains("Dezinformācijas un maldinošas informācijas atspēkošana"))
        XCTAssertTrue(latvian.contains("](../charts/mwds_LV_lv.svg)"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/charts/mwds_LV_lv.svg"))
        let estonian = try String(contentsOfFile: out + "/countries/EE.html", encoding: .utf8)
        XCTAssertTrue(estonian.contains("<html lang=\"et\">"))
        XCTAssertTrue(estonian.contains("Kultuuridevaheline pädevus ja suhtlus"))
    }

    /// The country reports in Estonian, Latvian, Lithuanian and Russian write a decimal comma in
    /// their figures, tables and charts alike (they wrote `11.48` beside counts grouped their own
    /// way, a helper's probe); the region report in English keeps the point, the charts' drawing
    /// its coordinates, and the units their own full stops (`proc. p.`).
    func testCountryReportsWriteTheirLanguagesDecimalMark() throws {
        let (out, _, _keep) = try report()
        _ = _keep
        let figure = try NSRegularExpression(pattern: "\\| -?[0-9]+[.,][0-9]{2} \\|")
        func figures(_ text: String) -> [String] {
            figure.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
        }
        for country in ["EE", "LV", "LT"] {
            let text = try String(contentsOfFile: out + "/countries/\(country).md", encoding: .utf8)
            let shown = figures(text)
            XCTAssertFalse(shown.isEmpty, country)
            XCTAssertTrue(shown.allSatisfy { $0.contains(",") && !$0.contains(".") }, "\(country): \(shown)")
            // The interval of a mean gap too: `0,45 (0,20 – 0,70)`.
            XCTAssertNotNil(text.range(of: #"-?[0-9]+,[0-9]{2} \(-?[0-9]+,[0-9]{2} – -?[0-9]+,[0-9]{2}\)"#, options: .regularExpression), country)
        }
        let region = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let regionFigures = figures(region)
        XCTAssertFalse(regionFigures.isEmpty)
        XCTAssertTrue(regionFigures.allSatisfy { $0.contains(".") && !$0.contains(",") }, "\(regionFigures)")
        let chart = try String(contentsOfFile: out + "/charts/mwds_LV_lv.svg", encoding: .utf8)
        XCTAssertNotNil(chart.range(of: #"<title>[^<]+: -?[0-9]+,[0-9]{2}</title>"#, options: .regularExpression), chart)
        XCTAssertNil(chart.range(of: #"<title>[^<]+: -?[0-9]+\.[0-9]{2}</title>"#, options: .regularExpression), chart)
        XCTAssertNotNil(chart.range(of: #"x="[0-9]+\.[0-9]""#, options: .regularExpression), "coordinates keep the point")
        // Units keep their full stops: a Lithuanian difference in percentage points.
        let (lithuanian, _, _keepLT) = try report { $0.language = "lt" }
        _ = _keepLT
        let lt = try String(contentsOfFile: lithuanian + "/countries/LT.md", encoding: .utf8)
        if lt.contains(" proc") {
            XCTAssertNotNil(lt.range(of: #"[0-9],[0-9]{2} proc\. p\. \("#, options: .regularExpression), lt)
            XCTAssertFalse(lt.contains("proc, p,"), lt)
        }
    }

    /// A top-needs table with a topic's MWDS blanked says its ranks are among the topics shown (a
    /// helper's probe: under municipality weights LV's greatest need, disinformation, is blanked
    /// with one of its municipalities, and the table's rank 1 was its second); one with every
    /// MWDS shown says nothing of it.
    func testRanksAreSaidToBeAmongTheTopicsShown() throws {
        let (weighted, _, _keep) = try report {
            $0.aggregation.weights = .municipality
            $0.aggregation.region = .countryEqual
        }
        _ = _keep
        let latvian = try String(contentsOfFile: weighted + "/countries/LV.md", encoding: .utf8)
        let figures = try String(contentsOfFile: weighted + "/topic_demand.csv", encoding: .utf8)
        let blanked = figures.split(separator: "\r\n").filter { $0.hasPrefix("LV,disinformation,") && $0.contains(",,") }
        XCTAssertFalse(blanked.isEmpty, "LV's disinformation is blanked under these weights")
        XCTAssertTrue(latvian.contains(ReportProse.latvian.ranksAmongShown), latvian)
        let (plain, _, _keepPlain) = try report()
        _ = _keepPlain
        for file in ["report.md", "countries/LV.md", "countries/EE.md"] {
            let text = try String(contentsOfFile: plain + "/" + file, encoding: .utf8)
            XCTAssertFalse(text.contains(ReportProse.english.ranksAmongShown) || text.contains(ReportProse.latvian.ranksAmongShown), file)
        }
    }

    /// An XLSForm without a settings sheet has no form_id or version: the report says nothing of
    /// them (it said "Instrument ."), and a form named without its code gets its language's report.
    func testAnInstrumentWithoutSettings() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey", "choices"] {
            let text = try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            folder.write("form/\(sheet).csv", text.replacingOccurrences(of: "label::Latviešu (lv)", with: "label::Latvian"))
        }
        let (out, _, _keep) = try report { $0.instrumentPath = folder.path + "/form" }
        _ = _keep
        let lines = try String(contentsOfFile: out + "/report.md", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "# Training needs: survey")
        XCTAssertTrue(lines[2].hasPrefix("Weighting: every respondent counts once."), String(lines[2]))
        let latvian = try String(contentsOfFile: out + "/countries/LV.md", encoding: .utf8)
        XCTAssertTrue(latvian.hasPrefix("# Apmācību vajadzības: Latvija (LV)"), String(latvian.prefix(80)))
        XCTAssertTrue(latvian.contains("Dezinformācijas un maldinošas informācijas atspēkošana"))
    }

    /// A country report's "where countries differ" table names topics in the report's language, as
    /// its other tables do (it showed the instrument's default, English, labels).
    func testCountryDifferencesNameTopicsInTheReportsLanguage() throws {
        let (out, _, _keep) = try report { $0.language = "ru" }
        _ = _keep
        var russianRows = 0
        for (country, native) in [("EE", "Эстония (EE)"), ("LT", "Литва (LT)"), ("LV", "Латвия (LV)")] {
            let text = try String(contentsOfFile: out + "/countries/\(country).md", encoding: .utf8)
            let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ⚑ " + native) }
            russianRows += rows.count
            // The flag is explained in the report's language, and the country's own column is not
            // headed "Страна" a second time.
            if !rows.isEmpty {
                XCTAssertTrue(text.contains("| Страна | Тема | Показатель | В стране | Остальные |"), country)
                XCTAssertTrue(text.contains("⚑ отмечает различие, которое сохраняется и после поправки Холма (уровень 5%); все темы: [country\\_differences.csv](../country_differences.csv)."), country)
            }
            for row in rows {
                let topic = row.split(separator: "|")[1].trimmingCharacters(in: .whitespaces)
                XCTAssertNil(topic.range(of: "[A-Za-z]{3,}", options: .regularExpression), "\(country): \(row)")
            }
        }
        XCTAssertGreaterThan(russianRows, 0)
        let (national, _, _keepNational) = try report()
        _ = _keepNational
        let estonian = try String(contentsOfFile: national + "/countries/EE.md", encoding: .utf8)
        let rows = estonian.split(separator: "\n").filter { $0.hasPrefix("| ⚑ Eesti (EE) |") }
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(rows.contains { $0.contains("| Kultuuridevaheline pädevus ja suhtlus |") }, rows.joined(separator: "\n"))
        XCTAssertFalse(rows.contains { $0.contains("Intercultural competence") }, rows.joined(separator: "\n"))
        // A country's data quality counts the whole run's files, and says so (its "Who answered"
        // counts the country's own: 180 respondents beside 72 read as a contradiction).
        XCTAssertTrue(estonian.contains("\nKõik riigid kokku. Faile: "), estonian)
        let region = try String(contentsOfFile: national + "/report.md", encoding: .utf8)
        XCTAssertFalse(region.contains("All countries together."))
    }

    /// `--by role` lists every answer of the question in every scope: the rows of the answers given
    /// alone told a country of one respondent's role by their presence (LT: one row, an
    /// integration coordinator). Answers nobody gave are blanked like small cells.
    func testByTableListsEveryAnswerSoThatPresenceTellsNothing() throws {
        let folder = TemporaryFolder()
        var csv = "country,municipality,role,imp_intercultural,comp_intercultural,training_wanted\n"
        for i in 0..<6 { csv += "EE,Tallinn,\(i < 3 ? "teacher" : "social_worker"),\(1 + i % 5),\(1 + i % 3),intercultural\n" }
        csv += "LT,Vilniaus miesto savivaldybė,integration_coordinator,5,1,intercultural\n"
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("data.csv", csv)]
        options.outputPath = folder.path + "/out"
        options.aggregation.byQuestion = "role"
        _ = try Pipeline.report(options)
        let table = try String(contentsOfFile: options.outputPath + "/topic_demand_by_role.csv", encoding: .utf8)
        let rows = table.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // The instrument's role list, by hand.
        let roles: Set = ["social_worker", "teacher", "integration_coordinator", "administrator", "other"]
        for scope in ["EE", "LT", "ALL"] {
            let inScope = rows.filter { $0[0] == scope && $0[3] == "intercultural" }
            XCTAssertEqual(Set(inScope.map { $0[1] }), roles, scope)
        }
        for row in rows where row[0] == "LT" {
            XCTAssertEqual(row[5], "", "LT's one respondent: \(row)")
            XCTAssertEqual(row.last, "1", "\(row)")
        }
        // Nobody in EE is an administrator: blank and suppressed like a small cell.
        let administrator = try XCTUnwrap(rows.first { $0[0] == "EE" && $0[1] == "administrator" && $0[3] == "intercultural" })
        XCTAssertEqual(administrator[5], "")
        XCTAssertEqual(administrator.last, "1")
    }

    /// An `--out` under a file (`notes.txt/reports`) is refused before the run, naming the file
    /// in the way: it ran to the end and failed making its staging folder with "The operation
    /// could not be completed. (NSCocoaErrorDomain error 512.)".
    func testAnOutputFolderUnderAFileIsRefusedNamingTheFile() throws {
        let folder = TemporaryFolder()
        let file = folder.write("notes.txt", "mine\n")
        for out in [file + "/reports", file + "/2025/reports"] {
            XCTAssertThrowsError(try OutputFolder.checkTarget(out, inputs: [])) { error in
                XCTAssertEqual("\(error)", "cannot write \(out): \(file) is a file, not a folder; nothing was written")
            }
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "mine\n")
        XCTAssertNoThrow(try OutputFolder.checkTarget(folder.path + "/new/reports", inputs: []))
    }

    /// A `--wave` with no file that could be read cannot be compared: the run writes nothing and
    /// says why (it wrote a section of empty changes, "no respondents in this wave").
    func testAWaveWithNothingReadableStopsTheRun() throws {
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [Paths.inputs + "/responses"]
        options.waves = [folder.path + "/nosuch"]
        options.outputPath = folder.path + "/out"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.exitCode, 2)
        XCTAssertTrue(outcome.cannotRun?.contains("nosuch") == true, outcome.cannotRun ?? "nil")
        XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath))
        // A wave whose files hold no respondent (a header alone) has nothing to compare either.
        options.waves = [folder.write("later/header.csv", "country,municipality,imp_partnerships,comp_partnerships\n")]
        let headerOnly = try Pipeline.report(options)
        XCTAssertEqual(headerOnly.exitCode, 2)
        XCTAssertEqual(headerOnly.cannotRun, "the wave `header.csv` (--wave) has no respondent: no file of it could be read, or its files hold none (see the messages above); there is nothing to compare")
        XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath))
    }

    /// plan.csv's HXL row tags its own columns: the month was `#group+code` and the audience
    /// `#group+name` (the fallback of the figures tables' group columns).
    func testPlanHashtagsNameItsColumns() throws {
        let (out, _, _keep) = try report {
            $0.planPath = Paths.inputs + "/plan.csv"
            $0.hxl = true
        }
        _ = _keep
        let lines = try String(contentsOfFile: out + "/plan.csv", encoding: .utf8).split(separator: "\r\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let tags = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let tag = Dictionary(uniqueKeysWithValues: zip(header, tags))
        XCTAssertEqual(tag["month"], "#date")
        XCTAssertEqual(tag["audience"], "#country+code")
        XCTAssertEqual(tag["organisation"], "#org+name")
        XCTAssertFalse(tags.contains { $0.hasPrefix("#group") }, lines[1].description)
    }

    /// With `--hxl`, every column of every table a partner gets has a hashtag of HXL's syntax,
    /// one of its own in its table: waves.csv had none but for its country and topic columns
    /// (`wave`, the figures before and after and the changes were untagged).
    func testEveryTableColumnHasAHashtag() throws {
        let (out, _, _keep) = try report {
            $0.planPath = Paths.inputs + "/plan.csv"
            $0.waves = [Paths.inputs + "/followup"]
            $0.aggregation.byQuestion = "role"
            $0.hxl = true
        }
        _ = _keep
        let tables = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(tables, ["country_differences.csv", "plan.csv", "topic_demand.csv", "topic_demand_by_municipality.csv",
                                "topic_demand_by_role.csv", "waves.csv"])
        let syntax = try NSRegularExpression(pattern: "^#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*$")
        // Names and hashtags hold no comma or quote: the first two lines split plainly.
        func firstRows(_ table: String) throws -> (names: [String], tags: [String]) {
            let lines = try String(contentsOfFile: out + "/" + table, encoding: .utf8).components(separatedBy: "\r\n")
            let split = { (line: String) in line.components(separatedBy: ",") }
            return (split(lines[0]), split(lines.count > 1 ? lines[1] : ""))
        }
        for table in tables {
            let (names, tags) = try firstRows(table)
            XCTAssertEqual(tags.count, names.count, table)
            for (column, tag) in zip(names, tags) {
                let range = NSRange(tag.startIndex..., in: tag)
                XCTAssertNotNil(syntax.firstMatch(in: tag, range: range), "\(table) \(column): '\(tag)'")
            }
            XCTAssertEqual(Set(tags).count, tags.count, "\(table): a hashtag names two columns: \(tags)")
        }
        XCTAssertEqual(try firstRows("waves.csv").tags.first, "#meta+wave")
    }

    /// A partner receives the reports folder and no README: data_dictionary.md explains every
    /// column of every table written (there was no word on `demand_share` being 0 to 1 beside
    /// the report's percentages, on `suppressed`, `p_holm` or `left_first_priority`), states the
    /// weighting and that clean/ is not for partners, and the reports link to it.
    func testDataDictionaryExplainsEveryColumnOfEveryTable() throws {
        let (out, _, _keep) = try report {
            $0.planPath = Paths.inputs + "/plan.csv"
            $0.waves = [Paths.inputs + "/followup"]
            $0.aggregation.byQuestion = "role"
            $0.aggregation.weights = .municipality
        }
        _ = _keep
        let dictionary = try String(contentsOfFile: out + "/data_dictionary.md", encoding: .utf8)
        // Each table's section (the issue codes' comes last, `testDataDictionaryExplainsTheIssueCodesTheReportsCount`).
        let sections = dictionary.components(separatedBy: "\n## ").dropFirst().filter { !$0.hasPrefix("Data quality codes\n") }
        let tables = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(sections.map { $0.prefix { $0 != "\n" }.replacingOccurrences(of: "\\_", with: "_") }.sorted(), tables)
        for section in sections {
            let file = section.prefix { $0 != "\n" }.replacingOccurrences(of: "\\_", with: "_")
            let header = try XCTUnwrap(String(contentsOfFile: out + "/" + file, encoding: .utf8).components(separatedBy: "\r\n").first)
            // The table's rows: | column | meaning |, in the file's order, none without a meaning.
            let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Column ") }
            let columns = rows.map { $0.dropFirst(2).prefix { $0 != " " }.replacingOccurrences(of: "\\_", with: "_") }
            XCTAssertEqual(columns, header.components(separatedBy: ","), file)
            for row in rows { XCTAssertFalse(row.hasSuffix("|  |"), "\(file): \(row)") }
        }
        // Weighted, a share is the weight of those who chose the topic, not demand_n out of respondents.
        XCTAssertTrue(dictionary.contains("| demand\\_share | The weight of the respondents who chose the topic among those "
                                          + "they would attend training on, out of the weight of all respondents"), dictionary)
        XCTAssertTrue(dictionary.contains("| role | The respondent's answer to the question role (the choice's name). |"))
        // As the reports' wave section says: paired means, demand shares as independent samples.
        XCTAssertTrue(dictionary.contains("Student t intervals of the paired differences for means; demand shares still compared "
                                          + "as independent samples"), dictionary)
        XCTAssertTrue(dictionary.contains("Weighting: each municipality counts equally within its country"), dictionary)
        // A paired change is the mean of the matched respondents' own changes, not after − before.
        XCTAssertTrue(dictionary.contains("in the paired design, the mean of the matched respondents' own changes (wave − "
                                          + "baseline), which differs from competence\\_after − competence\\_before"), dictionary)
        XCTAssertTrue(dictionary.contains("across the topics of the country and measure compared in this table (a topic not "
                                          + "compared is not in the family, nor in the table: one whose figure is blanked, and a mean gap "
                                          + "rated by one respondent on a side; nor is one not tested, whose p\\_holm is blank"), dictionary)
        XCTAssertTrue(dictionary.contains("blank for a mean gap varying on neither side (every respondent of each the same gap)"), dictionary)
        // A blanked country's municipalities show neither weighted_n nor effective_n (03ae6a9): both say so.
        XCTAssertTrue(dictionary.contains("| weighted\\_n | Sum of the respondents' weights (blank for a municipality or answer "
                                          + "of a suppressed country"), dictionary)
        XCTAssertTrue(dictionary.contains("| effective\\_n | Kish's effective sample size of those weights (blank wherever "
                                          + "weighted\\_n is). Each interval rests on the effective size of the respondents behind its own figure"), dictionary)
        XCTAssertTrue(dictionary.contains("it rests on fewer than 5 respondents"))
        // Partners get the folder, clean/ too unless someone leaves it out: the dictionary says to.
        XCTAssertTrue(dictionary.contains("The folder's clean/ (responses.csv, issues.csv, quarantine.csv) is the academy's "
                                          + "working folder, not for partners"), dictionary)
        for report in ["report.md", "countries/LV.md"] {
            let text = try String(contentsOfFile: out + "/" + report, encoding: .utf8)
            XCTAssertTrue(text.contains("(" + (report == "report.md" ? "" : "../") + "data_dictionary.md)"), report)
        }
        // A second run into the same folder takes it for its own.
        XCTAssertNoThrow(try OutputFolder.checkTarget(out, inputs: []))
        // A report edited by hand is not written over (a helper's probe: the edit was lost
        // without a word); put back as written, the folder is the run's again. A list written
        // before the digests (names alone) still names the run's files.
        let written = try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
        try (written + "\nOur notes for the EE partners.\n").write(toFile: out + "/countries/EE.md", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try OutputFolder.checkTarget(out, inputs: [])) { error in
            XCTAssertTrue("\(error)".contains("holds countries/EE.md, changed since needs wrote it"), "\(error)")
        }
        try written.write(toFile: out + "/countries/EE.md", atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try OutputFolder.checkTarget(out, inputs: []))
        // Line ends turned to CR LF (a checkout with git's core.autocrlf, a copy), the list's too,
        // are no edit (a reviewer's case: refused as edited, or as files needs did not write).
        let list = try String(contentsOfFile: out + "/.needs-files", encoding: .utf8)
        for file in ["countries/EE.md", "topic_demand.csv", ".needs-files"] {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            try text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
                .write(toFile: out + "/" + file, atomically: true, encoding: .utf8)
        }
        XCTAssertNoThrow(try OutputFolder.checkTarget(out, inputs: []))
        try written.write(toFile: out + "/countries/EE.md", atomically: true, encoding: .utf8)
        XCTAssertTrue(list.contains("countries/EE.md\t"), list)
        try (written + "edited").write(toFile: out + "/countries/EE.md", atomically: true, encoding: .utf8)
        try list.split(separator: "\n").map { $0.split(separator: "\t")[0] + "\n" }.joined()
            .write(toFile: out + "/.needs-files", atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try OutputFolder.checkTarget(out, inputs: []))
    }

    /// The data quality sections count issues by their codes (`country_inferred` 2, ...), which a
    /// partner, who receives the reports and nothing else, could not look up: data_dictionary.md
    /// explains each code counted, and only those, and each report's section links it (a country
    /// report's, in its language, one folder up). A run with no issue has no such section.
    func testDataDictionaryExplainsTheIssueCodesTheReportsCount() throws {
        let (out, outcome, _keep) = try report {
            $0.planPath = Paths.inputs + "/plan.csv"
            $0.waves = [Paths.inputs + "/followup"]
        }
        _ = _keep
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let quality = try XCTUnwrap(report.components(separatedBy: "## Data quality\n\n").last?.prefix { $0 != "\n" })
        let listed = try XCTUnwrap(quality.components(separatedBy: "Issues found: ").last?.components(separatedBy: ". ").first)
        let codes = listed.components(separatedBy: ", ").map { $0.split(separator: "`")[0] }.map(String.init)
        XCTAssertGreaterThan(codes.count, 3, String(quality))
        XCTAssertEqual(codes, outcome.issuesByCode(withInputProblems: false).keys.sorted())
        XCTAssertTrue(quality.contains(". What each code means: [data\\_dictionary.md](data_dictionary.md). Every change is in the cleaning log"),
                      String(quality))
        let lithuanian = try String(contentsOfFile: out + "/countries/LT.md", encoding: .utf8)
        XCTAssertTrue(lithuanian.contains(". Ką reiškia kiekvienas kodas (anglų kalba): [data\\_dictionary.md](../data_dictionary.md). "),
                      lithuanian)

        let dictionary = try String(contentsOfFile: out + "/data_dictionary.md", encoding: .utf8)
        let section = try XCTUnwrap(dictionary.components(separatedBy: "\n## Data quality codes\n").last)
        XCTAssertFalse(section.contains("\n## "), "the codes' section comes last")
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Code ") }
        XCTAssertEqual(rows.map { $0.dropFirst(2).prefix { $0 != " " }.replacingOccurrences(of: "\\_", with: "_") }, codes)
        for (row, code) in zip(rows, codes) {
            let meaning = try XCTUnwrap(IssueCodes.explanation(of: code))
            XCTAssertTrue(row.hasSuffix(" | " + MarkdownRenderer.escape(meaning) + " |"), "\(code): \(row)")
        }
        // The inputs' codes, explained as the cleaning log's messages say: a country worked out from
        // the municipality, a duplicate left out of every count.
        XCTAssertTrue(section.contains("| country\\_inferred | "), section)
        XCTAssertTrue(try XCTUnwrap(IssueCodes.explanation(of: "duplicate_submission")).contains("the respondent counts once"))

        // A clean file: no issue counted, no codes to explain.
        let folder = TemporaryFolder()
        let clean = folder.path + "/clean.csv"
        let source = try String(contentsOfFile: Paths.inputs + "/responses/LV_google_forms_lv.csv", encoding: .utf8)
        // The header and three respondents (a CRLF is one Character: split on either line end).
        let lines = source.split(whereSeparator: \.isNewline).prefix(4)
        XCTAssertEqual(lines.count, 4)
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: clean, atomically: true, encoding: .utf8)
        let (quiet, quietOutcome, _keep2) = try self.report { $0.inputs = [clean] }
        _ = _keep2
        XCTAssertEqual(quietOutcome.issuesByCode(withInputProblems: false), [:])
        XCTAssertFalse(try String(contentsOfFile: quiet + "/data_dictionary.md", encoding: .utf8).contains("Data quality codes"))
        XCTAssertTrue(try String(contentsOfFile: quiet + "/report.md", encoding: .utf8).contains("No issues were found."))

        // The same file in a folder beside an Office lock file and a sub-folder, both left out:
        // the section counts them, and the dictionary explains their codes (it had said "No issues
        // were found" over five files left out: a probe's).
        try FileManager.default.createDirectory(atPath: folder.path + "/in/old", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: clean, toPath: folder.path + "/in/clean.csv")
        folder.write("in/~$clean.csv", "x")
        folder.write("in/old/more.csv", "x")
        let (skipped, _, _keep3) = try self.report { $0.inputs = [folder.path + "/in"] }
        _ = _keep3
        let leftOut = try String(contentsOfFile: skipped + "/report.md", encoding: .utf8)
        XCTAssertFalse(leftOut.contains("No issues were found."), leftOut)
        XCTAssertTrue(leftOut.contains("`lock_file_skipped` 1"), leftOut)
        XCTAssertTrue(leftOut.contains("`subfolder_skipped` 1"), leftOut)
        let explained = try String(contentsOfFile: skipped + "/data_dictionary.md", encoding: .utf8)
        XCTAssertTrue(explained.contains("| lock\\_file\\_skipped | "), explained)
        let latvian = try String(contentsOfFile: skipped + "/countries/LV.md", encoding: .utf8)
        XCTAssertTrue(latvian.contains("`subfolder_skipped` 1"), latvian)
    }

    /// data_dictionary.md says the importance and competence intervals are not cut at the scale's
    /// ends (65f0129), and said nothing of the mean gap's, which is not cut either: gaps 4, 4, 4, 3
    /// (importance 5, competence 1 or 2) have the mean 3.75 and s = 0.5, and x̄ + t·s/√n =
    /// 3.75 + 3.182446305 × 0.25 = 4.545611576, past the largest gap 1-to-5 scales allow, 4.
    func testDataDictionarySaysTheGapIntervalIsNotCutEither() throws {
        let folder = TemporaryFolder()
        folder.write("in/export.csv", """
            country,municipality,imp_intercultural,comp_intercultural,training_wanted
            EE,Tallinn,5,1,
            EE,Tallinn,5,1,
            EE,Tallinn,5,1,
            EE,Tallinn,5,2,

            """)
        let (out, _, _keep) = try report {
            $0.inputs = [folder.path + "/in"]
            $0.aggregation.minCell = 2
        }
        _ = _keep
        let table = try csvTable(out + "/topic_demand.csv")
        let row = try XCTUnwrap(table.first { $0.starts(with: ["EE", "intercultural"]) }, "\(table)")
        XCTAssertEqual(row[try XCTUnwrap(table[0].firstIndex(of: "gap_ci_high"))], "4.545611576321", "\(row)")
        let dictionary = try String(contentsOfFile: out + "/data_dictionary.md", encoding: .utf8)
        XCTAssertTrue(dictionary.contains("| gap\\_ci\\_high | Upper bound of that interval. Not cut at the largest gaps the "
                                          + "scales allow: a small cell's interval may pass them. |"), dictionary)
    }

    /// data_dictionary.md states the formulas a partner needs to reproduce the figures: under
    /// --weights municipality it said demand_share was demand_n out of respondents (3 of 6 = 0.5
    /// here, where the table's share is 0.625) and nowhere how a weighted interval is computed;
    /// and a paired wave's competence_change was said to be competence_after − competence_before,
    /// where it is the mean of the matched respondents' own changes. It says too that the
    /// municipalities shown only pooled under --min-cell are one municipality of the formula.
    /// (--min-cell 2: under the default 5 both municipalities here are pooled, one unit, 0.5.)
    func testDataDictionaryStatesTheFormulasOfTheFiguresAsWeighted() throws {
        let folder = TemporaryFolder()
        // Tallinn 4 respondents, Narva 2: each weighs N / (M n_m) = 6 / (2 · 4) = 0.75 and 6 / (2 · 2) = 1.5.
        // Both of Narva and one of Tallinn want intercultural training: (2 · 1.5 + 0.75) / 6 = 0.625 (by hand).
        folder.write("in/export.csv", """
            country,municipality,imp_intercultural,comp_intercultural,training_wanted
            EE,Tallinn,5,2,intercultural
            EE,Tallinn,4,2,
            EE,Tallinn,3,2,
            EE,Tallinn,4,2,
            EE,Narva,2,2,intercultural
            EE,Narva,5,2,intercultural

            """)
        for weights in [AggregationOptions.Weights.municipality, .respondent] {
            let (out, _, _keep) = try report {
                $0.inputs = [folder.path + "/in"]
                $0.aggregation.weights = weights
                $0.aggregation.minCell = 2
            }
            _ = _keep
            let dictionary = try String(contentsOfFile: out + "/data_dictionary.md", encoding: .utf8)
            let table = try String(contentsOfFile: out + "/topic_demand.csv", encoding: .utf8)
            let ee = try XCTUnwrap(table.components(separatedBy: "\r\n").first { $0.hasPrefix("EE,intercultural,") })
            let cells = ee.components(separatedBy: ",")
            XCTAssertEqual(cells[18], "3", ee)
            XCTAssertEqual(cells[19], weights == .municipality ? "0.625000000000" : "0.500000000000", ee)
            XCTAssertEqual(dictionary.contains("| demand\\_share | demand\\_n out of all respondents of the scope"),
                           weights == .respondent, dictionary)
            XCTAssertEqual(dictionary.contains("a share the Σw of those who chose the topic over Σw"), weights == .municipality)
            XCTAssertEqual(dictionary.contains("Each respondent of a recognised municipality m of country c weighs N\\_c / "
                                               + "(M\\_c · n\\_m)"), weights == .municipality, dictionary)
            XCTAssertEqual(dictionary.contains("s² = Σw(x − x̄)² / Σw × n\\_eff / (n\\_eff − 1)"), weights == .municipality)
            XCTAssertEqual(dictionary.contains("(or on an effective sample size n\\_eff below 2"), weights == .municipality)
            XCTAssertEqual(dictionary.contains("The municipalities of fewer than 2 respondents, shown only in the row pooling "
                                               + "them, are one m (counted once in M\\_c, n\\_m their respondents together)"),
                           weights == .municipality, dictionary)
            // Every run: the unweighted formulas and the rounding of the reports.
            XCTAssertTrue(dictionary.contains("A share p of n respondents has Wilson's score interval"), dictionary)
            XCTAssertTrue(dictionary.contains("the mean over the topics whose mean\\_importance and mean\\_gap are shown, a "
                                              + "topic at the mean being H"), dictionary)
            XCTAssertTrue(dictionary.contains("rounded half away from zero as Excel's ROUND does (3.625 is 3.63, 0.125 is 13%)"))
        }
    }

    /// ⚑ beside a topic of a top-needs table (the country differs from the others on it) is
    /// explained under the table, in the report's language: it was explained only sections
    /// later, under the country differences, and read as a priority mark. The region's table,
    /// which no difference flags, has no such line.
    func testTopNeedsFlagIsExplainedUnderTheTable() throws {
        let (out, _, _keep) = try report()
        _ = _keep
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        func section(_ heading: String, in text: String) throws -> String {
            // Up to the next heading, of any level.
            try XCTUnwrap(text.components(separatedBy: heading + "\n\n").dropFirst().first?.components(separatedBy: "\n#").first, heading)
        }
        let line = "⚑▲ / ⚑▼: the country's need on this topic is higher / lower than the rest of the region's (a greater or "
            + "smaller share want training, or a greater or smaller gap; the difference holds after Holm's correction, 5% level); ⚑ alone: "
            + "higher on one measure, lower on the other; see “Where countries differ”."
        let estonia = try section("### Estonia (EE)", in: report)
        XCTAssertTrue(estonia.contains("| 1 | ⚑▲ Intercultural competence and communication |"), estonia)
        XCTAssertTrue(estonia.contains("|\n\n" + line + "\n\n![Top needs"), estonia)
        XCTAssertFalse(try section("### Region (ALL)", in: report).contains("⚑"))
        let latvian = try String(contentsOfFile: out + "/countries/LV.md", encoding: .utf8)
        XCTAssertTrue(latvian.contains("⚑▲ / ⚑▼: valsts vajadzība šajā tēmā ir lielāka / mazāka nekā pārējā reģionā"), latvian)
        // Each mark's direction is the sign of the topic's differences that hold in
        // country_differences.csv: ▲ all above the rest, ▼ all below, bare both ways (a bare ⚑ on
        // Estonia's 7th and 8th topics, where its need was lower, read as a priority: a reviewer's).
        let differences = try csvTable(out + "/country_differences.csv")
        let column = { (name: String) in differences[0].firstIndex(of: name)! }
        var signs: [String: Set<Bool>] = [:]
        for row in differences.dropFirst() where row[column("difference_holds")] == "1" {
            signs[row[0] + " " + row[column("topic_label")], default: []].insert(Double(row[column("difference")])! > 0)
        }
        var marks = 0
        for (code, name) in [("EE", "Estonia"), ("LV", "Latvia"), ("LT", "Lithuania")] {
            for row in try section("### \(name) (\(code))", in: report).split(separator: "\n") where row.hasPrefix("| ") {
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count > 2, cells[0].first?.isNumber == true else { continue }
                let topic = cells[1].replacingOccurrences(of: "⚑▲ ", with: "").replacingOccurrences(of: "⚑▼ ", with: "")
                    .replacingOccurrences(of: "⚑ ", with: "")
                let expected = signs[code + " " + topic].map { $0 == [true] ? "⚑▲ " : $0 == [false] ? "⚑▼ " : "⚑ " } ?? ""
                XCTAssertEqual(String(cells[1].prefix(expected.count)), expected, "\(code) \(topic)")
                if !expected.isEmpty { marks += 1 }
            }
        }
        XCTAssertEqual(marks, signs.count)
        XCTAssertTrue(report.contains("| 8 | ⚑▼ Gender-based violence prevention |"), report)
    }

    /// The `--by` table is named in the reports' methods beside the others, in each report's
    /// language: it was written and never named (a reviewer's reading).
    func testTheByTableIsNamedInTheReports() throws {
        let (out, _, _keep) = try report { $0.aggregation.byQuestion = "role" }
        _ = _keep
        XCTAssertTrue(try String(contentsOfFile: out + "/report.md", encoding: .utf8)
            .contains(", by answer to `role` [topic\\_demand\\_by\\_role.csv](topic_demand_by_role.csv);"))
        XCTAssertTrue(try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
            .contains(", küsimuse `role` vastuste kaupa [topic\\_demand\\_by\\_role.csv](../topic_demand_by_role.csv);"))
        let (plain, _, _keepPlain) = try report()
        _ = _keepPlain
        XCTAssertFalse(try String(contentsOfFile: plain + "/report.md", encoding: .utf8).contains("by answer to"))
    }

    /// Under weights that suppress some topics of a country (here LT's and LV's under
    /// `--weights municipality --region country-equal`), what the region shares and the quadrants
    /// are said to be among the topics shown: "no topic ranks among the top three needs of every
    /// country" and the HH list had read as findings over every topic (a reviewer's reading).
    /// Estonia, none of whose topics is suppressed, gets no such line in its report.
    func testSharedNeedsAndQuadrantsSayTheyAreAmongTheTopicsShown() throws {
        let (out, _, _keep) = try report {
            $0.aggregation.weights = .municipality
            $0.aggregation.region = .countryEqual
        }
        _ = _keep
        let figures = try csvTable(out + "/topic_demand.csv")
        let column = { (name: String) in figures[0].firstIndex(of: name)! }
        let hiding = Set(figures.dropFirst().filter { $0[0] != "ALL" && $0[column("mwds")].isEmpty && $0[column("suppressed")] == "1" }.map { $0[0] })
        XCTAssertEqual(hiding, ["LT", "LV"])
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("This is among the topics whose MWDS is shown: in Lithuania (LT), Latvia (LV) some are suppressed, "
                                      + "and may rank among the top three."), report)
        XCTAssertTrue(report.contains("its quadrants are split at the means of the topics shown: a suppressed topic may be HH."), report)
        XCTAssertTrue(try String(contentsOfFile: out + "/countries/LV.md", encoding: .utf8).contains("slēpta tēma var piederēt HH kvadrantam"))
        XCTAssertFalse(try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8).contains("HH-sse"))
    }

    /// Under `--weights municipality` every country of the sample inputs pools small municipalities,
    /// so its effective n is withheld and no country is compared (country_differences.csv has its
    /// header only): the region report left "Where countries differ" out without a word, as if no
    /// difference had been looked for. It now says why; a run of one country has no such section.
    func testRegionReportSaysWhyNoCountryIsCompared() throws {
        let (out, _, _keep) = try report { $0.aggregation.weights = .municipality }
        _ = _keep
        XCTAssertEqual(try csvTable(out + "/country_differences.csv").count, 1)
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("## Where countries differ\n\nNo country is compared with the rest of the region: "
                                      + "under this weighting the comparisons rest on countries' effective sample sizes, "
                                      + "which are withheld so that the respondents of a small municipality or country "
                                      + "cannot be worked out from them.\n\n## "), markdown)
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.contains("<h2>Where countries differ</h2>\n<p>No country is compared"), html)
        let (single, _, _keepSingle) = try report { $0.inputs = [Paths.inputs + "/responses/EE_kobo_xml.csv"] }
        _ = _keepSingle
        XCTAssertFalse(try String(contentsOfFile: single + "/report.md", encoding: .utf8).contains("Where countries differ"))
    }

    /// `--by country`: the table's header named `country` twice (the scope and the answer), which
    /// pandas renames and a database refuses; the answer's columns are `question_country` and
    /// `question_country_label`, tagged as the group with `--hxl`, and the dictionary explains them.
    func testByAQuestionNamedAsAColumnGetsColumnsOfItsOwn() throws {
        let (out, _, _keep) = try report {
            $0.aggregation.byQuestion = "country"
            $0.hxl = true
        }
        _ = _keep
        let lines = try String(contentsOfFile: out + "/topic_demand_by_country.csv", encoding: .utf8).components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        XCTAssertEqual(Array(header.prefix(4)), ["country", "question_country", "question_country_label", "topic"])
        XCTAssertEqual(Set(header).count, header.count, lines[0])
        XCTAssertEqual(Array(lines[1].components(separatedBy: ",").prefix(3)), ["#country+code", "#group+code", "#group+name"])
        XCTAssertTrue(lines.contains { $0.hasPrefix("EE,EE,Estonia,") }, lines.prefix(4).joined(separator: "\n"))
        let dictionary = try String(contentsOfFile: out + "/data_dictionary.md", encoding: .utf8)
        XCTAssertTrue(dictionary.contains("| question\\_country | The respondent's answer to the question country (the choice's name). |"))
        XCTAssertTrue(dictionary.contains("| question\\_country\\_label | That answer's label. |"))
        XCTAssertEqual(Pipeline.byColumns("role"), ["role", "role_label"])
    }

    /// A Russian country report leaves no English behind: the shape of a hand-made sheet, a file
    /// not read, the kinds of issues, the wave comparison's notes, and the charts' descriptions and
    /// legend were English; a scope with every figure blanked drew an empty Locus-for-Focus chart.
    func testCountryReportsLeaveNoEnglishBehind() throws {
        let folder = TemporaryFolder()
        let binary = folder.write("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46] + [UInt8](repeating: 0, count: 64))
        let (out, _, _keep) = try report {
            $0.language = "ru"
            $0.inputs.append(binary)
            $0.waves = [Paths.inputs + "/followup"]
            $0.aggregation.minCell = 40
        }
        _ = _keep
        var notes = 0
        for country in ["EE", "LT", "LV"] {
            let text = try String(contentsOfFile: out + "/countries/\(country).md", encoding: .utf8)
            for english in ["generic sheet", "not read", "no respondents", "fewer than", "suppressed", "country inferred",
                            "unknown value", "ragged row", "Issues found"] {
                XCTAssertFalse(text.contains(english), "\(country): \(english)")
            }
            // A country's report names its own files only, and no file that could not be read.
            XCTAssertEqual(text.contains("LV\\_excel\\_unicode.txt (обычная таблица, "), country == "LV", country)
            XCTAssertFalse(text.contains("photo.jpg"), country)
            XCTAssertTrue(text.contains("Найденные проблемы: `country_inferred` 2, "), country)
            notes += text.components(separatedBy: "в одной из волн: скрыто").count - 1
        }
        XCTAssertGreaterThan(notes, 0)
        let charts = try FileManager.default.contentsOfDirectory(atPath: out + "/charts").filter { $0.hasSuffix("_ru.svg") }
        XCTAssertFalse(charts.isEmpty)
        for chart in charts {
            let svg = try String(contentsOfFile: out + "/charts/" + chart, encoding: .utf8)
            XCTAssertFalse(svg.contains(">baseline<") || svg.contains(": importance ") || svg.contains(", gap "), chart)
            if chart.hasPrefix("locus_") { XCTAssertTrue(svg.contains("<circle"), "\(chart) plots nothing") }
        }
    }

    /// The country-difference tables show the country's and the others' values without an
    /// interval, so the measure is named without "(95% CI)" (it read "Want training (95% CI) | 61% |
    /// 33%") in every report language; the difference column keeps its interval and says so.
    func testCountryDifferenceMeasuresNameNoIntervalTheValuesLack() throws {
        // The measure names of each language, by hand.
        let names: [String: Set<String>] = [
            "en": ["Want training", "Mean gap"], "et": ["Koolitussoov", "Keskmine lõhe"],
            "lv": ["Vēlas apmācības", "Vidējā plaisa"], "lt": ["Norėtų mokymų", "Vidutinis atotrūkis"],
            "ru": ["Хотят пройти обучение", "Средний разрыв"],
        ]
        let (out, _, _keep) = try report()
        let (russian, _, _keepRussian) = try report { $0.language = "ru" }
        _ = (_keep, _keepRussian)
        var files = [("en", out + "/report.md"), ("et", out + "/countries/EE.md"), ("lv", out + "/countries/LV.md"),
                     ("lt", out + "/countries/LT.md")]
        files += ["EE", "LV", "LT"].map { ("ru", russian + "/countries/\($0).md") }
        var seen: Set<String> = []
        for (language, file) in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for row in text.split(separator: "\n") where row.hasPrefix("| ⚑ ") {
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                XCTAssertTrue(names[language]!.contains(cells[2]), "\(file): \(row)")
                XCTAssertFalse(cells[3].contains("(") || cells[4].contains("("), "\(file): \(row)")
                XCTAssertTrue(cells[5].contains(" – "), "\(file): \(row)")
                seen.insert(language)
            }
        }
        XCTAssertEqual(seen, Set(ReportStrings.languages))
    }

    /// The demand heat map's blank cells: a share suppressed (too few respondents) is "–", a topic
    /// the demand question does not list is "∅", and each mark present is explained under the
    /// chart in the report's language (both were "–" with no legend).
    func testHeatMapTellsSuppressedFromNotAsked() {
        func figure(_ country: String, _ topic: String, share: Double?, asked: Bool = true) -> TopicFigures {
            var f = TopicFigures(country: country, topic: topic, topicLabel: topic, accumulator: TopicAccumulator(), demandAsked: asked)
            f.demandShare = share
            return f
        }
        let rows = [figure("EE", "a", share: 0.5), figure("EE", "b", share: nil), figure("EE", "c", share: nil, asked: false),
                    figure("LV", "a", share: 0.25), figure("LV", "b", share: 0.75), figure("LV", "c", share: nil, asked: false)]
        // The legends, by hand.
        let legends: [String: [String]] = [
            "en": ["– suppressed (too few respondents, or to protect a smaller group)", "∅ not asked: the demand question does not list this topic"],
            "et": ["– varjatud (liiga vähe vastajaid või väiksema rühma kaitseks)", "∅ ei küsitud: koolitussoovi küsimus seda teemat ei loetle"],
            "lv": ["– slēpts (pārāk maz respondentu vai mazākas grupas aizsardzībai)", "∅ nav jautāts: apmācību vēlmju jautājumā šīs tēmas nav"],
            "lt": ["– nerodoma (per mažai respondentų arba mažesnei grupei apsaugoti)", "∅ neklausta: klausimo apie norą dalyvauti mokymuose sąraše šios temos nėra"],
            "ru": ["– скрыто (слишком мало респондентов или для защиты меньшей группы)", "∅ не спрашивали: в вопросе о желаемом обучении этой темы нет"],
        ]
        for language in ReportStrings.languages {
            let labels = ReportStrings.forLanguage(language).charts
            let svg = Charts.demandHeatmap(rows, id: "demand", title: "t", labels: labels)
            XCTAssertEqual(svg.components(separatedBy: ">–</text>").count - 1, 1, language)
            XCTAssertEqual(svg.components(separatedBy: ">∅</text>").count - 1, 2, language)
            for line in legends[language]! { XCTAssertTrue(svg.contains(">\(line)</text>"), "\(language): \(line)") }
        }
        // The line under the map says what the percentages are out of (it repeated the title).
        let bases = ["en": "% of all respondents, those who chose no topic included",
                     "et": "% kõigist vastajatest, ka neist, kes ühtki teemat ei valinud",
                     "lv": "% no visiem respondentiem, ieskaitot tos, kas neizvēlējās nevienu tēmu",
                     "lt": "% visų respondentų, įskaitant nepasirinkusius nė vienos temos",
                     "ru": "% от всех респондентов, включая не выбравших ни одной темы"]
        for language in ReportStrings.languages {
            let labels = ReportStrings.forLanguage(language).charts
            let svg = Charts.demandHeatmap(rows, id: "demand", title: labels.heatmapNote, labels: labels)
            XCTAssertTrue(svg.contains("fill=\"#444\">\(bases[language]!)</text>"), language)
            XCTAssertEqual(svg.components(separatedBy: ">\(labels.heatmapNote)</text>").count - 1, 1, language)
        }
        // Only the marks that appear are explained.
        let asked = Charts.demandHeatmap(Array(rows.prefix(2)), id: "demand", title: "t", labels: ReportStrings.forLanguage("en").charts)
        XCTAssertTrue(asked.contains(">– suppressed (too few respondents, or to protect a smaller group)</text>"))
        XCTAssertFalse(asked.contains("∅"))
    }

    /// The heat map lists topics by the region's demand share, most wanted first (it was by topic
    /// key, which read as no order once the labels were translated); a topic the region has no
    /// share for comes last, and equal shares keep the tables' order. The description follows.
    func testHeatMapOrdersTopicsByRegionDemand() {
        func figure(_ country: String, _ topic: String, share: Double?) -> TopicFigures {
            var f = TopicFigures(country: country, topic: topic, topicLabel: "Topic " + topic, accumulator: TopicAccumulator())
            f.demandShare = share
            return f
        }
        let rows = [figure("EE", "a", share: 0.9), figure("EE", "b", share: 0.1), figure("EE", "c", share: 0.5), figure("EE", "d", share: 0.2),
                    figure("EE", "e", share: 0.3),
                    figure("ALL", "a", share: nil), figure("ALL", "b", share: 0.6), figure("ALL", "c", share: 0.3), figure("ALL", "d", share: 0.6),
                    figure("ALL", "e", share: 0.7)]
        let svg = Charts.demandHeatmap(rows, id: "demand", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        let order = ["e", "b", "d", "c", "a"].map { svg.range(of: ">Topic \($0)<")?.lowerBound }
        XCTAssertFalse(order.contains(nil), svg)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), svg)
        XCTAssertTrue(svg.contains("<desc id=\"demand-desc\">EE Topic e: 30%; EE Topic b: 10%; EE Topic d: 20%; EE Topic c: 50%; EE Topic a: 90%; "
                                   + "ALL Topic e: 70%; ALL Topic b: 60%; ALL Topic d: 60%; ALL Topic c: 30%; ALL Topic a: –; "), svg)
    }

    /// The heat map's `<desc>`, what a screen reader reads, listed the shares shown only: a blanked
    /// or unasked cell was left out without a word (every cell blanked, it was empty), where the
    /// chart shows `–` or `∅` and says under it what they mean. It has every cell, and the legend.
    func testHeatMapDescriptionTellsEveryCell() {
        func figure(_ country: String, _ topic: String, share: Double?, asked: Bool = true) -> TopicFigures {
            var f = TopicFigures(country: country, topic: topic, topicLabel: topic, accumulator: TopicAccumulator(), demandAsked: asked)
            f.demandShare = share
            return f
        }
        let rows = [figure("EE", "a", share: 0.5), figure("EE", "b", share: nil), figure("EE", "c", share: nil, asked: false),
                    figure("LV", "a", share: 0.25)]
        let svg = Charts.demandHeatmap(rows, id: "demand", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        XCTAssertTrue(svg.contains("<desc id=\"demand-desc\">EE a: 50%; EE b: –; EE c: ∅; LV a: 25%; – suppressed (too few "
                                   + "respondents, or to protect a smaller group); ∅ not asked: the demand question does not "
                                   + "list this topic</desc>"), svg)
        let blanked = Charts.demandHeatmap([figure("EE", "a", share: nil)], id: "demand", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        XCTAssertTrue(blanked.contains("<desc id=\"demand-desc\">EE a: –; – suppressed (too few respondents, or to protect a "
                                       + "smaller group)</desc>"), blanked)
    }

    /// The top-needs table's "Want training" column marks a topic the demand question does not
    /// list "∅" (it was "–", as a suppressed share), and says under the table what the marks mean.
    func testTopNeedsTableMarksTopicsNotAskedForDemand() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey", "choices", "settings"] {
            var text = try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            if sheet == "choices" {
                // The demand question's list loses partnerships: nobody is asked about it.
                text = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("topics,partnerships,") }.joined(separator: "\n")
            }
            folder.write("form/\(sheet).csv", text)
        }
        let (out, _, _keep) = try report { $0.instrumentPath = folder.path + "/form" }
        _ = _keep
        let text = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let row = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("| Partnerships for integration |") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(cells[5], "∅", String(row))
        XCTAssertTrue(text.contains("∅ not asked: the demand question does not list this topic"))
        let estonian = try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
        XCTAssertTrue(estonian.contains("∅ ei küsitud: koolitussoovi küsimus seda teemat ei loetle"))
    }

    /// An instrument with no demand question at all: every "Want training" cell is ∅, and the note
    /// under the table said "the demand question does not list this topic", of a question there
    /// is not. It says the instrument has none, in each report's language.
    func testTopNeedsNoteSaysWhenThereIsNoDemandQuestion() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey", "choices", "settings"] {
            var text = try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            if sheet == "survey" {
                text = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.hasPrefix("select_multiple topics,training_wanted,") }.joined(separator: "\n")
            }
            folder.write("form/\(sheet).csv", text)
        }
        let (out, _, _keep) = try report { $0.instrumentPath = folder.path + "/form" }
        _ = _keep
        let text = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(text.contains("| ∅ | HH |\n"), text)
        XCTAssertTrue(text.contains("\n\n∅ not asked: the instrument has no demand question.\n\n"), text)
        XCTAssertFalse(text.contains("does not list this topic"), text)
        let notes = ["EE": "∅ ei küsitud: küsimustikus pole koolitussoovi küsimust.",
                     "LV": "∅ nav jautāts: anketā nav apmācību vēlmju jautājuma.",
                     "LT": "∅ neklausta: klausimyne nėra klausimo apie norą dalyvauti mokymuose."]
        for (country, note) in notes {
            XCTAssertTrue(try String(contentsOfFile: out + "/countries/\(country).md", encoding: .utf8).contains(note), country)
        }
        let (russian, _, _keepRussian) = try report {
            $0.instrumentPath = folder.path + "/form"
            $0.language = "ru"
        }
        _ = _keepRussian
        XCTAssertTrue(try String(contentsOfFile: russian + "/countries/EE.md", encoding: .utf8)
            .contains("∅ не спрашивали: в анкете нет вопроса о желаемом обучении."))
    }

    /// A difference in demand share is in percentage points beside the shares in percent, as the
    /// wave tables give it (it read `61% | 33% | 0.28 (0.13 – 0.41)`).
    func testDemandShareDifferencesAreInPercentagePoints() throws {
        let (out, _, _keep) = try report()
        _ = _keep
        let figures = try String(contentsOfFile: out + "/topic_demand.csv", encoding: .utf8).split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = figures[0]
        func value(_ country: String, _ column: String) -> Double {
            let row = figures.first { $0[0] == country && $0[1] == "intercultural" }!
            return Double(row[header.firstIndex(of: column)!])!
        }
        // EE against LT and LV pooled, from the published counts: each share's base is its
        // demand_n over its share (every respondent of the sample inputs).
        func base(_ country: String) -> Double { value(country, "demand_n") / value(country, "demand_share") }
        let share = value("EE", "demand_share")
        let others = (value("LT", "demand_n") + value("LV", "demand_n")) / (base("LT") + base("LV"))
        XCTAssertEqual(base("LT"), value("LT", "respondents"), accuracy: 1e-9)
        let expected = String(format: "%.2f pp (", (share - others) * 100)
        let shown = String(format: "| %.0f%% | %.0f%% | ", share * 100, others * 100)
        let text = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let row = try XCTUnwrap(text.split(separator: "\n").first {
            $0.hasPrefix("| ⚑ Estonia (EE) | Intercultural competence and communication | Want training")
        })
        XCTAssertTrue(row.contains(shown + expected), String(row))
        // The country reports abbreviate percentage points as their language does, with its decimal comma.
        XCTAssertTrue(try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
            .contains(expected.replacingOccurrences(of: ".", with: ",")))
        let lithuanian = try String(contentsOfFile: out + "/countries/LT.md", encoding: .utf8)
        XCTAssertTrue(lithuanian.contains(" proc. p. (") && !lithuanian.contains(" pp ("))
        let russian = try report { $0.language = "ru" }
        XCTAssertTrue(try String(contentsOfFile: russian.0 + "/countries/EE.md", encoding: .utf8).contains(" п. п. ("))
        XCTAssertFalse(try String(contentsOfFile: russian.0 + "/countries/EE.md", encoding: .utf8).contains(" pp ("))
    }

    /// Whether a topic left the first-priority quadrant is unknown when it was HH and the later
    /// wave has no quadrant for it (no respondents there, or its figures blanked): the report said
    /// "no" and waves.csv 0 for such topics of a country the follow-up did not reach.
    func testLeavingHHIsUnknownWithoutALaterQuadrant() throws {
        let (out, _, _keep) = try report { $0.waves = [Paths.inputs + "/followup/EE_followup_2026.csv"] }
        _ = _keep
        let waves = try String(contentsOfFile: out + "/waves.csv", encoding: .utf8).split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = waves[0]
        let before = header.firstIndex(of: "quadrant_before")!, after = header.firstIndex(of: "quadrant_after")!
        let left = header.firstIndex(of: "left_first_priority")!
        let lithuania = waves.dropFirst().filter { $0[1] == "LT" }
        XCTAssertEqual(lithuania.count, 8)
        XCTAssertTrue(lithuania.contains { $0[before] == "HH" })
        for row in lithuania {
            XCTAssertEqual(row[after], "", "\(row)")
            XCTAssertEqual(row[left], row[before] == "HH" ? "" : "0", "\(row)")
        }
        let text = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let section = try XCTUnwrap(text.components(separatedBy: "### Lithuania (LT)").last?.components(separatedBy: "###").first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("no respondents in this wave") }
        XCTAssertEqual(rows.count, 8, section)
        // Unknown for a topic HH at baseline; for one that was not, "no" read as still HH (a
        // reviewer's case): "–" there too, where waves.csv keeps its 0.
        for row in rows {
            XCTAssertTrue(row.contains("| – | no respondents in this wave |"), String(row))
        }
    }

    /// summary.json's provenance names every option that shapes the files: `--lang`, `--excel`,
    /// `--hxl` and `--wave-instrument` were left out, so two folders of different reports read as
    /// the same run.
    func testSummaryRecordsEveryOptionThatShapesTheFiles() throws {
        let (out, _, _keep) = try report {
            $0.language = "ru"
            $0.excel = true
            $0.hxl = true
            $0.waves = [Paths.inputs + "/followup"]
            $0.waveInstruments = [Paths.inputs + "/instrument"]
        }
        _ = _keep
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let options = try XCTUnwrap(json["options"] as? [String: Any])
        XCTAssertEqual(options["lang"] as? String, "ru")
        XCTAssertEqual(options["excel"] as? Bool, true)
        XCTAssertEqual(options["hxl"] as? Bool, true)
        XCTAssertEqual(options["wave_instruments"] as? [String], ["instrument"])
        // Every input's digest by its file's name (sha256sum of each): the form's sheets and the
        // wave's form's (the form's digests had been joined by spaces, naming no file).
        let forms = try XCTUnwrap((json["instrument"] as? [String: Any])?["files"] as? [[String: String]])
        XCTAssertEqual(forms.map { $0["file"] }, ["survey.csv", "choices.csv", "settings.csv"])
        for form in forms {
            XCTAssertEqual(form["sha256"], FileDigest.sha256(path: Paths.inputs + "/instrument/" + form["file"]!))
        }
        let others = try XCTUnwrap(json["other_inputs"] as? [[String: Any]])
        XCTAssertEqual(others.map { $0["role"] as? String }, ["wave_instrument"])
        XCTAssertEqual((others.first?["files"] as? [[String: String]])?.count, 3)
        let (planned, _, _keepPlanned) = try report { $0.planPath = Paths.inputs + "/plan.csv" }
        _ = _keepPlanned
        let withPlan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planned + "/summary.json"))) as! [String: Any]
        let plan = try XCTUnwrap((withPlan["other_inputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(plan["role"] as? String, "plan")
        XCTAssertEqual(plan["file"] as? String, "plan.csv")
        XCTAssertEqual(plan["sha256"] as? String, FileDigest.sha256(path: Paths.inputs + "/plan.csv"))
        let (plain, _, _keepPlain) = try report()
        _ = _keepPlain
        let defaults = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plain + "/summary.json"))) as! [String: Any]
        let plainOptions = try XCTUnwrap(defaults["options"] as? [String: Any])
        XCTAssertEqual(plainOptions["lang"] as? String, "")
        XCTAssertEqual(plainOptions["excel"] as? Bool, false)
        XCTAssertEqual(plainOptions["delimiter"] as? String, "auto")
    }

    /// `--delimiter tab` is named as each file's delimiter is, `tab`: the options recorded a
    /// control character (`"\t"` in the JSON) beside files that said `"tab"`.
    func testSummaryNamesATabDelimiterAsTheFilesDo() throws {
        let (out, _, _keep) = try report {
            $0.inputs = [Paths.inputs + "/responses/LV_excel_unicode.txt"]
            $0.reader.delimiter = 0x09
        }
        _ = _keep
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        XCTAssertEqual((json["options"] as? [String: Any])?["delimiter"] as? String, "tab")
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["delimiter"] as? String }, ["tab"])
    }

    /// "What the region shares" compares the countries whose figures are shown, and names those
    /// left out: a country with no MWDS has no ranks, and the section said no topic is in the top
    /// three of every country while EE and LT share their greatest need. (A country blanked for
    /// too few respondents takes a second country with it now that respondents of no known
    /// country protect no one, 0d14b61: LV's 10 rate nothing here.)
    func testSharedNeedsLeaveOutCountriesWithoutFigures() throws {
        let folder = TemporaryFolder()
        var csv = "country,municipality,role,imp_intercultural,comp_intercultural,imp_partnerships,comp_partnerships,imp_disinformation,comp_disinformation,training_wanted\n"
        for (country, place, n) in [("EE", "Tallinn", 10), ("LT", "Vilniaus miesto savivaldybė", 10)] {
            for i in 0..<n { csv += "\(country),\(place),teacher,5,\(1 + i % 2),3,3,2,\(2 + i % 2),intercultural\n" }
        }
        for _ in 0..<10 { csv += "LV,Rīga,teacher,,,,,,,intercultural\n" }
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("data.csv", csv)]
        options.outputPath = folder.path + "/out"
        _ = try Pipeline.report(options)
        let text = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(text.contains("| Estonia (EE) | 10 |") && text.contains("| Latvia (LV) | 10 |"), text)
        let section = try XCTUnwrap(text.components(separatedBy: "## What the region shares\n\n").last?.components(separatedBy: "\n\n").first)
        // Intercultural: mean gap 4.5 × importance 5 in both countries, the greatest need of each.
        XCTAssertTrue(section.hasPrefix("Ranked among the top three needs of every country (Estonia (EE), Lithuania (LT)): "), section)
        XCTAssertTrue(section.contains("Intercultural competence and communication"), section)
        XCTAssertTrue(section.contains("Latvia (LV): no MWDS to compare"), section)
        XCTAssertFalse(section.contains("by MWDS rank alone"), section)
        // LV's MWDS blanked (3 rated both measures, under 5), not missing: said so (a probe's
        // country of 68 pairs was said to have too few rating both).
        var few = csv
        for _ in 0..<3 { few += "LV,Rīga,teacher,4,2,,,,,intercultural\n" }
        let fewFolder = TemporaryFolder()
        var fewOptions = options
        fewOptions.planPath = nil
        fewOptions.inputs = [fewFolder.write("data.csv", few)]
        fewOptions.outputPath = fewFolder.path + "/out"
        _ = try Pipeline.report(fewOptions)
        let fewText = try String(contentsOfFile: fewOptions.outputPath + "/report.md", encoding: .utf8)
        let fewSection = try XCTUnwrap(fewText.components(separatedBy: "## What the region shares\n\n").last?.components(separatedBy: "\n\n").first)
        XCTAssertTrue(fewSection.contains("Latvia (LV): its MWDS suppressed (too few respondents behind them, or blanked so that a "
                                          + "smaller group's cannot be worked out from the totals)."), fewSection)
        // With the plan in the report, the section says the plan's rule counts intervals too.
        options.planPath = Paths.inputs + "/plan.csv"
        options.outputPath = folder.path + "/planned"
        _ = try Pipeline.report(options)
        let planned = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        let withPlan = try XCTUnwrap(planned.components(separatedBy: "## What the region shares\n\n").last?.components(separatedBy: "\n\n").first)
        XCTAssertTrue(withPlan.hasSuffix(" This is by MWDS rank alone; the curriculum plan below also treats a topic as a "
                                         + "country's top need when its MWDS interval reaches that of the country's lowest-ranked top need."), withPlan)
    }

    /// A country's report named every input file with its count (a probe: a file named after the
    /// person who sent it showed in every partner's report). It names the files its respondents
    /// came from, each with its count of them; the region report names them all, with all of
    /// each file's respondents.
    func testCountryReportsNameOnlyTheirOwnFiles() throws {
        let folder = TemporaryFolder()
        let header = "country,municipality,role,imp_intercultural,comp_intercultural,training_wanted\n"
        func rows(_ country: String, _ place: String, _ n: Int) -> String {
            (0..<n).map { "\(country),\(place),teacher,\(4 + $0 % 2),\(1 + $0 % 3),intercultural\n" }.joined()
        }
        folder.write("Mari_Maasikas_Tartu.csv", header + rows("EE", "Tartu linn", 9))
        folder.write("Riga_atbildes.csv", header + rows("LV", "Rīga", 7))
        folder.write("pilot_both.csv", header + rows("EE", "Tallinn", 6) + rows("LV", "Rīga", 8))
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path]
        options.outputPath = folder.path + "/out"
        _ = try Pipeline.report(options)
        func sourceLine(_ file: String) throws -> String {
            let text = try String(contentsOfFile: options.outputPath + "/" + file, encoding: .utf8)
            return try XCTUnwrap(text.split(separator: "\n").first { $0.contains("Mari") || $0.contains("atbildes") || $0.contains("pilot") }.map(String.init), file)
        }
        let latvian = try sourceLine("countries/LV.md")
        XCTAssertFalse(latvian.contains("Mari"), latvian)
        XCTAssertTrue(latvian.contains("Riga\\_atbildes.csv (vienkārša tabula, 7)"), latvian)
        XCTAssertTrue(latvian.contains("pilot\\_both.csv (vienkārša tabula, 8)"), latvian)
        let estonian = try sourceLine("countries/EE.md")
        XCTAssertFalse(estonian.contains("Riga"), estonian)
        XCTAssertTrue(estonian.contains("Mari\\_Maasikas\\_Tartu.csv (tavaline tabel, 9)"), estonian)
        XCTAssertTrue(estonian.contains("pilot\\_both.csv (tavaline tabel, 6)"), estonian)
        let region = try sourceLine("report.md")
        for expected in ["Mari\\_Maasikas\\_Tartu.csv (generic sheet, 9)", "Riga\\_atbildes.csv (generic sheet, 7)", "pilot\\_both.csv (generic sheet, 14)"] {
            XCTAssertTrue(region.contains(expected), region)
        }
        // No country report of Lithuania, which has no respondent.
        XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath + "/countries/LT.md"))
    }

    /// A file's count withheld in one report is withheld in every one, and a file of two
    /// countries with a small part shows no count: a country's report gave counts the region's
    /// withheld, and the region's total of a file less a country's part its other, blanked part
    /// (a reviewer's case: Jūrmala's 2 respondents, and Ogre's 7 blanked to protect them).
    func testFileCountsWithheldInOneReportAreWithheldInAll() throws {
        let folder = TemporaryFolder()
        let header = "country,municipality,role,imp_intercultural,comp_intercultural,training_wanted\n"
        func rows(_ country: String, _ place: String, _ n: Int) -> String {
            (0..<n).map { "\(country),\(place),teacher,\(3 + $0 % 3),\(1 + $0 % 2),intercultural\n" }.joined()
        }
        folder.write("mixed.csv", header + rows("EE", "Tartu linn", 10) + rows("LV", "Jūrmala", 2))
        folder.write("lv_riga.csv", header + rows("LV", "Rīga", 10))
        folder.write("lv_ogre.csv", header + rows("LV", "Ogres novads", 7))
        folder.write("ee_narva.csv", header + rows("EE", "Narva linn", 8))
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.path]
        options.outputPath = folder.path + "/out"
        _ = try Pipeline.report(options)
        var shown: [String: Set<String>] = [:]
        for report in ["report.md", "countries/EE.md", "countries/LV.md"] {
            let text = try String(contentsOfFile: options.outputPath + "/" + report, encoding: .utf8)
            let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("mixed.csv") }.map(String.init), report)
            for file in ["mixed", "lv\\_riga", "lv\\_ogre", "ee\\_narva"] {
                guard let range = line.range(of: file + ".csv (") else { continue }
                let rest = line[range.upperBound...]
                let count = rest[..<rest.firstIndex(of: ")")!].split(separator: ",").last!.trimmingCharacters(in: .whitespaces)
                shown[file, default: []].insert(count == "–" ? "withheld" : "shown")
            }
        }
        XCTAssertEqual(shown["mixed"], ["withheld"], "\(shown)")
        for (file, states) in shown { XCTAssertEqual(states.count, 1, "\(file): \(shown)") }
        // Two or more withheld in the region and in each country, together at least five.
        XCTAssertEqual(shown.filter { $0.value == ["withheld"] }.count >= 2, true, "\(shown)")
    }

    /// A Markdown link's target is percent-encoded: a wave named `follow up #2` gave charts linked as
    /// `](charts/waves_follow up #2_EE.svg)`, which ends at the space (and `#` starts a fragment).
    /// Its charts are now named `waves_follow_up__2_...` (see
    /// `testWaveChartFilesHaveNamesEveryFileSystemTakes`); a wave named with letters beyond ASCII
    /// (`järelküsitlus`) keeps them in its file names, percent-encoded in the links.
    func testMarkdownLinksToFilesWithSpacesResolve() throws {
        let folder = TemporaryFolder()
        var keep: [TemporaryFolder] = []
        /// The reports of the baseline with `inputs/followup` as a wave named `name`, and its report.md.
        func reports(wave name: String) throws -> (out: String, text: String) {
            try FileManager.default.copyItem(atPath: Paths.inputs + "/followup", toPath: folder.path + "/" + name)
            let (out, _, temporary) = try report { $0.waves = [folder.path + "/" + name] }
            keep.append(temporary)
            return (out, try String(contentsOfFile: out + "/report.md", encoding: .utf8))
        }
        let (out, text) = try reports(wave: "follow up #2")
        XCTAssertTrue(text.contains("](charts/waves_follow_up__2_EE.svg)"), text)
        XCTAssertFalse(text.contains("](charts/waves_follow up"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/charts/waves_follow_up__2_EE.svg"))
        let estonian = try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
        XCTAssertTrue(estonian.contains("](../charts/waves_follow_up__2_EE_et.svg)"), estonian)
        let accented = try reports(wave: "järelküsitlus")
        XCTAssertTrue(accented.text.contains("](charts/waves_j%C3%A4relk%C3%BCsitlus_EE.svg)"), accented.text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: accented.out + "/charts/waves_järelküsitlus_EE.svg"))
    }

    /// Two waves of one folder name (`a/followup`, `b/followup`) were one wave `followup`: one
    /// section mixing both, waves.csv rows that could not be told apart, and each chart written
    /// over by the other's. They are named apart as input files are.
    func testWavesOfTheSameFolderNameAreToldApart() throws {
        let folder = TemporaryFolder()
        for (wave, file) in [("a", "EE_followup_2026.csv"), ("b", "LV_followup_2026.csv")] {
            try FileManager.default.createDirectory(atPath: folder.path + "/\(wave)/followup", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Paths.inputs + "/followup/" + file, toPath: folder.path + "/\(wave)/followup/" + file)
        }
        let (out, _, _keep) = try report { $0.waves = [folder.path + "/a/followup", folder.path + "/b/followup"] }
        _ = _keep
        let text = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(text.contains("## Change since the baseline: a/followup\n"), text)
        XCTAssertTrue(text.contains("## Change since the baseline: b/followup\n"), text)
        let waves = try String(contentsOfFile: out + "/waves.csv", encoding: .utf8).split(separator: "\r\n").dropFirst()
        XCTAssertEqual(Set(waves.map { String($0.split(separator: ",")[0]) }), ["a/followup", "b/followup"])
        for wave in ["a_followup", "b_followup"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/charts/waves_\(wave)_ALL.svg"), wave)
        }
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        XCTAssertTrue(summary.contains("\"waves\": [\"a/followup\", \"b/followup\"]"), summary)
        // One HTML report holds both waves' charts: their ids differ.
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(ids.count, Set(ids).count, "ids repeated in report.html")
    }

    /// Inputs with a header and no record below it (an export made before anyone answered) have
    /// nothing to report, as empty files have: the run wrote reports of nobody (an empty "who
    /// answered" table, a heading over no needs) and exited 0, "clean".
    func testHeaderOnlyInputsHaveNothingToReport() throws {
        let folder = TemporaryFolder()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("a.csv", "country,municipality,role,imp_intercultural,comp_intercultural\n"),
                          folder.write("b.csv", "country,municipality,role,imp_partnerships,comp_partnerships\r\n")]
        options.outputPath = folder.path + "/out"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.exitCode, 2)
        XCTAssertEqual(outcome.cannotRun, "no input file has a record below its header: there is nothing to report")
        XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath))
    }

    /// A country whose respondent count is blanked (2 < 5) has its number of municipalities
    /// blanked too: two municipalities would tell at least two respondents.
    func testBlankedCountsBlankTheirMunicipalities() throws {
        let folder = TemporaryFolder()
        var csv = "country,municipality,imp_partnerships,comp_partnerships\n"
        for town in ["Narva", "Tartu linn", "Tallinn", "Pärnu", "Viimsi", "Rae vald"] { csv += "EE,\(town),4,2\n" }
        csv += "LT,Visaginas,5,1\nLT,Neringa,3,3\n"
        let input = folder.write("two.csv", csv)
        let (out, _, _keep) = try report { $0.inputs = [input] }
        _ = _keep
        let text = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(text.contains("| Lithuania (LT) | – | – |"), text)
        // Estonia's is blanked as well (else Lithuania's would be the region's less Estonia's).
        XCTAssertTrue(text.contains("| Estonia (EE) | – | – |"), text)
        XCTAssertTrue(text.contains("| Region (ALL) | 8 | 8 |"), text)
    }

    /// The data-quality paragraph counts the baseline's files, as "Who answered" does, and the
    /// later waves' apart; it names the cleaning log without a link partners could not follow. The
    /// waves' section says how they are compared.
    func testDataQualityCountsTheBaselineAndWavesApart() throws {
        let (out, outcome, _keep) = try report { $0.waves = [Paths.inputs + "/followup"] }
        _ = _keep
        let baseline = outcome.accounts.filter { $0.wave.isEmpty }
        let waves = outcome.accounts.filter { !$0.wave.isEmpty }
        XCTAssertEqual(baseline.count, 5)
        XCTAssertEqual(waves.count, 3)
        let respondents = baseline.reduce(0) { $0 + $1.respondents }
        let text = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        // "Who answered"'s region row and the paragraph give the same number.
        XCTAssertTrue(text.contains("| Region (ALL) | \(respondents) |"), text)
        XCTAssertTrue(text.contains("Files: 5, records read: \(baseline.reduce(0) { $0 + $1.recordsRead }); respondents: \(respondents),"))
        XCTAssertTrue(text.contains("Later waves — files: 3, respondents: \(waves.reduce(0) { $0 + $1.respondents })."))
        XCTAssertTrue(text.contains("`clean/issues.csv` (the academy's working folder, not for partners)."))
        XCTAssertFalse(text.contains("](clean/"))
        let estonian = try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
        XCTAssertFalse(estonian.contains("](../clean/"))
        XCTAssertTrue(estonian.contains("Hilisemad lained — faile: 3"))
        // Waves compared as independent samples for want of a respondent code: not "different
        // respondents answered each wave", which the tool cannot know (a reviewer's reading).
        XCTAssertTrue(text.contains("Respondents are not matched between waves (no respondent code links them), so the waves are "
                                    + "compared as independent samples: changes in means use Welch's interval"), text)
        XCTAssertFalse(text.contains("Different respondents"), text)
        XCTAssertTrue(estonian.contains("Vastajaid lainete vahel ei seota (neid ei ühenda ükski vastajakood)"), estonian)
    }

    /// Paired wave changes are differences per respondent, unweighted: under weights the report says so.
    func testPairedChangesSayTheyAreUnweighted() throws {
        let folder = TemporaryFolder()
        folder.write("i/survey.csv", "type,name,label,topic,measure,panel\ntext,code,Code,,,yes\nselect_one country,country,Country,,,\ntext,municipality,Municipality,,,\nselect_one scale,imp_a,Importance,a,importance,\nselect_one scale,comp_a,Competence,a,competence,\nselect_multiple topics,training_wanted,Training,,demand,\n")
        folder.write("i/choices.csv", "list_name,name,label\ncountry,EE,Estonia\nscale,1,1\nscale,2,2\nscale,3,3\nscale,4,4\nscale,5,5\ntopics,a,A\n")
        folder.write("i/settings.csv", "form_id,version\npanel,1\n")
        var before = "code,country,municipality,imp_a,comp_a,training_wanted\n", after = before
        for i in 0..<12 {
            before += "P\(i),EE,\(i % 2 == 0 ? "Tallinn" : "Narva linn"),\(1 + i % 5),\(1 + i % 3),a\n"
            after += "P\(i),EE,\(i % 2 == 0 ? "Tallinn" : "Narva linn"),\(1 + (i + 1) % 5),\(1 + (i + 2) % 3),\n"
        }
        // Under --region country-equal ALL's own figures are weighted (each country the same), its
        // paired changes are not: the report says so there too.
        for (weights, region) in [(AggregationOptions.Weights.respondent, AggregationOptions.Region.pooled),
                                  (.municipality, .pooled), (.respondent, .countryEqual)] {
            var options = RunOptions()
            options.instrumentPath = folder.path + "/i"
            options.inputs = [folder.write("base.csv", before)]
            options.waves = [folder.write("w/after.csv", after)]
            options.outputPath = folder.path + "/out"
            options.aggregation.weights = weights
            options.aggregation.region = region
            _ = try Pipeline.report(options)
            let text = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
            XCTAssertTrue(text.contains("The same respondents answered both waves"), text)
            XCTAssertEqual(text.contains("Paired changes are not weighted"), weights != .respondent || region == .countryEqual)
        }
    }

    /// Every language says that weighted intervals use Kish's effective n, country-equal ALL's too.
    /// Every language's methods say what a demand share is out of (all respondents: one who
    /// chose no topic, or left the question blank, does not want training) and that a "Don't
    /// know" is no rating.
    func testEveryLanguageSaysWhatDemandSharesAreOutOf() {
        for language in ["en", "et", "lv", "lt", "ru"] {
            let prose = ReportProse.forLanguage(language)
            let want = ReportStrings.forLanguage(language).wantTraining
            let label = String(want[..<(want.range(of: " (")?.lowerBound ?? want.endIndex)])
            XCTAssertTrue(prose.methods.contains { $0.hasPrefix(label + ": ") }, "\(language): \(label)")
            XCTAssertEqual(prose.methods.count, 5, language)
        }
    }

    func testEveryLanguageNamesKishsEffectiveSampleSize() {
        for (language, name) in [("en", "Kish's"), ("et", "Kishi"), ("lv", "Kiša"), ("lt", "Kisho"), ("ru", "Киша")] {
            let prose = ReportProse.forLanguage(language)
            XCTAssertTrue(prose.methods.contains { $0.contains(name) }, language)
            var options = AggregationOptions()
            options.region = .countryEqual
            XCTAssertTrue(ReportBuilder.weightingStatement(options, prose: prose).contains(name), language)
        }
    }

    func testLanguageOverrideForCountryReports() throws {
        let (out, _, _keep) = try report { $0.language = "ru" }
        _ = _keep
        let text = try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# Потребности в обучении: Эстония (EE)"))
        XCTAssertTrue(text.contains("Межкультурная компетентность и коммуникация"))
    }

    func testExcelAndHXLStyles() throws {
        let (out, _, _keep) = try report {
            $0.excel = true
            $0.hxl = true
        }
        _ = _keep
        let data = try XCTUnwrap(FileManager.default.contents(atPath: out + "/topic_demand.csv"))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 BOM")
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertTrue(lines[0].hasPrefix("country;topic;topic_label;respondents;"))
        XCTAssertTrue(lines[1].hasPrefix("#country+code;#sector+code;#sector+name;#meta+count;"))
        XCTAssertTrue(lines[2].hasPrefix("EE;"))
        // Excel in a Baltic locale reads 4.104 as text: figures have decimal commas.
        let cells = lines[2].components(separatedBy: ";")
        XCTAssertTrue(cells[5].contains(",") && !cells[5].contains("."), cells[5])
        XCTAssertTrue(cells[4].allSatisfy(\.isNumber), cells[4])
        let municipality = try String(contentsOfFile: out + "/topic_demand_by_municipality.csv", encoding: .utf8)
        XCTAssertTrue(municipality.contains("#country+code;#adm2+code;#adm2+name;"))
    }

    /// The MWDS chart's colour key says what HH, HL, LH and LL are (importance, then gap; high or
    /// low), whole, in each report language: the chart, a file of its own in charts/, showed the
    /// four codes alone.
    func testMWDSChartKeySaysWhatTheQuadrantsAre() {
        var f = TopicFigures(country: "EE", topic: "a", topicLabel: "A", accumulator: TopicAccumulator())
        f.mwds = 2
        f.mwdsRank = 1
        f.quadrant = "HH"
        let keys = ["en": "Quadrant (importance, gap: H high, L low)", "et": "Kvadrant (olulisus, lõhe: H kõrge, L madal)",
                    "lv": "Kvadrants (svarīgums, plaisa: H augsts, L zems)", "lt": "Kvadrantas (svarba, atotrūkis: H aukšta, L žema)",
                    "ru": "Квадрант (важность, разрыв: H высокая, L низкая)"]
        for language in ReportStrings.languages {
            let svg = Charts.mwdsBars([f], id: "m", title: "t", labels: ReportStrings.forLanguage(language).charts)
            XCTAssertTrue(svg.contains("text-anchor=\"end\">\(keys[language]!)</text>"), "\(language): \(svg)")
        }
    }

    func testChartsAreAccessibleSVG() throws {
        let (out, _, _keep) = try report()
        _ = _keep
        let charts = try FileManager.default.contentsOfDirectory(atPath: out + "/charts")
        XCTAssertTrue(charts.contains("mwds_ALL.svg") && charts.contains("locus_ALL.svg") && charts.contains("demand_heatmap.svg"))
        for chart in charts {
            let svg = try String(contentsOfFile: out + "/charts/" + chart, encoding: .utf8)
            XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""), chart)
            XCTAssertTrue(svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id="), chart)
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(parser.parse(), "\(chart) is not well-formed XML")
        }
    }

    /// A whisker reaching below 0 stays in the plot, with the axis extended to it. Two topics:
    /// (I, C) = (5, 2), (5, 3), (5, 4): gap 3, 2, 1, mean 2, s = 1, t(0.975, 2) = 4.302653,
    /// interval 2 ± 2.484138, so the whisker runs from 5 × -0.484138 = -2.42 to 5 × 4.484138 =
    /// 22.42 around MWDS 10; and (4, 4) three times (MWDS 0, no interval: s = 0 gives 0 ± 0).
    /// The plot starts at x = 300 (the labels end at 292): no whisker or tick may lie left of
    /// it, and the axis must show a tick below 0.
    func testMWDSWhiskersBelowZeroStayInThePlot() throws {
        var a = TopicAccumulator(), b = TopicAccumulator()
        for c in [2.0, 3, 4] { a.add(importance: 5, competence: c, demanded: false) }
        for _ in 0..<3 { b.add(importance: 4, competence: 4, demanded: false) }
        var rows = [TopicFigures(country: "EE", topic: "a", topicLabel: "A", accumulator: a),
                    TopicFigures(country: "EE", topic: "b", topicLabel: "B", accumulator: b)]
        rows[0].mwdsRank = 1
        rows[1].mwdsRank = 2
        XCTAssertEqual(try XCTUnwrap(rows[0].gapCI?.low) * 5, -2.4206886, accuracy: 1e-6)
        let svg = Charts.mwdsBars(rows, id: "t", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        var whiskerStarts: [Double] = []
        for line in svg.split(separator: "\n") where line.contains("stroke-width=\"1.5\"") {
            let x1 = try XCTUnwrap(line.range(of: "x1=\"")).upperBound
            whiskerStarts.append(try XCTUnwrap(Double(line[x1...].prefix { $0 != "\"" })))
        }
        XCTAssertFalse(whiskerStarts.isEmpty)
        XCTAssertTrue(whiskerStarts.allSatisfy { $0 >= 300 }, "\(whiskerStarts)")
        XCTAssertTrue(svg.contains("fill=\"#333\">-"), "no tick below 0 on the axis")
        for line in svg.split(separator: "\n") where line.contains("fill=\"#333\"") {
            let x = try XCTUnwrap(line.range(of: "x=\"")).upperBound
            XCTAssertGreaterThanOrEqual(try XCTUnwrap(Double(line[x...].prefix { $0 != "\"" })), 300, "a tick left of the plot: \(line)")
        }
    }

    /// One respondent rating (4, 1): MWDS 12, no interval. The axis spans 0 to 12, in steps of
    /// 2.5 (12 / 5 = 2.4, the next nice step): its ticks are 0, 2.5, 5, 7.5 and 10, and must be
    /// labelled so, not 2 and 8 for 2.5 and 7.5.
    func testMWDSAxisTicksAreLabelledWithTheirValue() throws {
        var a = TopicAccumulator()
        a.add(importance: 4, competence: 1, demanded: false)
        var row = TopicFigures(country: "EE", topic: "a", topicLabel: "A", accumulator: a)
        row.mwdsRank = 1
        XCTAssertEqual(row.mwds, 12)
        let svg = Charts.mwdsBars([row], id: "t", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        let ticks = svg.split(separator: "\n").filter { $0.contains("fill=\"#333\">") }.map { line in
            String(line[line.range(of: "fill=\"#333\">")!.upperBound...].prefix { $0 != "<" })
        }
        XCTAssertEqual(ticks, ["0.0", "2.5", "5.0", "7.5", "10.0"])
    }

    /// The staging folder of a run that was killed outright (SIGKILL, the kernel's out-of-memory
    /// killer: no handler runs) is removed by the next run into the same `--out`: it stayed
    /// beside the reports for good, hidden, with a part-written clean table of respondents'
    /// answers. A staging folder of a run still going (this process's id) is left alone.
    func testTheNextRunRemovesTheStagingFolderOfAKilledRun() throws {
        let folder = TemporaryFolder()
        folder.write("reports/report.md", "old\n")
        let host = OutputFolder.processTag.split(separator: "-", maxSplits: 1)[1]
        let killed = ".reports.incomplete-999999999-\(host)"
        folder.write(killed + "/clean/responses.csv", "id,comments\nr1,my phone is 5550100\n")
        let live = ".reports.incomplete-\(getppid())-\(host)"
        // Another machine's run into the same shared folder: its process cannot be seen from here.
        folder.write(".reports.incomplete-999999999-elsewhere/report.md", "running there\n")
        folder.write(live + "/report.md", "another run's\n")
        folder.write(".other.incomplete-999999999/x", "not of this folder\n")
        let output = try OutputFolder(path: folder.path + "/reports")
        try output.write("report.md", "new\n")
        try output.commit()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       [live, ".other.incomplete-999999999", ".reports.incomplete-999999999-elsewhere", "reports"].sorted())
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/reports/report.md", encoding: .utf8), "new\n")
    }

    /// An `--out` that is a symbolic link to a folder (`reports` leading to a shared drive) gets
    /// the reports where it leads, and stays a link: the swap replaced the link with a folder of
    /// its own, so the reports never reached the share and the link was gone.
    func testAnOutputFolderThatIsALinkIsWrittenWhereItLeads() throws {
        let folder = TemporaryFolder()
        folder.write("share/reports/report.md", "old\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/reports", withDestinationPath: "share/reports")
        for text in ["first\n", "second\n"] {
            let output = try OutputFolder(path: folder.path + "/reports")
            try output.write("report.md", text)
            try output.commit()
            var info = stat()
            XCTAssertEqual(lstat(folder.path + "/reports", &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK, "still a link")
            XCTAssertEqual(try String(contentsOfFile: folder.path + "/share/reports/report.md", encoding: .utf8), text)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/share"), ["reports"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["reports", "share"])
    }

    /// An `--out` that is a link to nothing (a share not mounted) is refused before the run,
    /// naming where it leads: the run read every input and then failed to swap its reports in
    /// with "A file with the same name already exists".
    func testAnOutputFolderThatIsALinkToNothingIsRefused() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/reports", withDestinationPath: folder.path + "/share/reports")
        XCTAssertThrowsError(try OutputFolder.checkTarget(folder.path + "/reports", inputs: [])) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder.path)/reports: it is a symbolic link to \(folder.path)/share/reports, "
                           + "which does not exist; nothing was written")
        }
        // Links in a loop: said as a loop (a probe's was said to lead to a file that did not exist).
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/b", withDestinationPath: "a")
        XCTAssertThrowsError(try OutputFolder.checkTarget(folder.path + "/a", inputs: [])) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder.path)/a: it is a symbolic link to b, and the links lead round in a loop; nothing was written")
        }
    }

    /// The new reports take the earlier ones' place in one step (renameat2's RENAME_EXCHANGE):
    /// the two renames before left a moment with no folder at all, in which a reader (a sync
    /// client, a web server) found the reports gone. Right after the exchange the folder holds
    /// the new reports and the staging path the old ones, which are then removed; and a thread
    /// that looks for the folder all through many commits finds it every time (a check that can
    /// only miss the two renames' moment, not invent one).
    func testCommitSwapsTheReportsInOneStep() throws {
        let folder = TemporaryFolder()
        do {
            folder.write("a/x", "a")
            folder.write("b/y", "b")
            let code = OutputFolder.exchange(folder.path + "/a", folder.path + "/b")
            if code == ENOSYS || code == EINVAL { throw XCTSkip("no RENAME_EXCHANGE here (\(code))") }
            XCTAssertEqual(code, 0)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/a"), ["y"])
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/b"), ["x"])
            try FileManager.default.removeItem(atPath: folder.path + "/a")
            try FileManager.default.removeItem(atPath: folder.path + "/b")
        }
        let reports = folder.path + "/reports/report.md"
        folder.write("reports/report.md", "old\n")
        let output = try OutputFolder(path: folder.path + "/reports")
        try output.write("report.md", "new\n")
        var swapped: [String] = []
        try output.commit(exchange: { staging, location in
            let code = OutputFolder.exchange(staging, location)
            swapped = [location, staging].map { (try? String(contentsOfFile: $0 + "/report.md", encoding: .utf8)) ?? "missing" }
            return code
        })
        XCTAssertEqual(swapped, ["new\n", "old\n"])
        XCTAssertEqual(try String(contentsOfFile: reports, encoding: .utf8), "new\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["reports"], "the earlier reports are gone")

        let done = LockedFlag(), missed = LockedFlag()
        let reader = Thread {
            while !done.isSet {
                if access(reports, F_OK) != 0 { missed.set() }
            }
        }
        reader.start()
        for round in 0..<100 {
            let output = try OutputFolder(path: folder.path + "/reports")
            try output.write("report.md", "round \(round)\n")
            try output.commit()
        }
        done.set()
        while !reader.isFinished { usleep(1000) }
        XCTAssertFalse(missed.isSet, "a reader found no reports")
        XCTAssertEqual(try String(contentsOfFile: reports, encoding: .utf8), "round 99\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["reports"])
    }

    /// Where the exchange cannot be made (an older kernel: ENOSYS; a filesystem without it:
    /// EINVAL) the folder is swapped in with two renames, as before, with the same result; any
    /// other failure stops the commit naming the folder, the earlier reports untouched.
    func testCommitFallsBackToTwoRenamesWithoutTheExchange() throws {
        for code in [ENOSYS, EINVAL] {
            let folder = TemporaryFolder()
            folder.write("reports/report.md", "old\n")
            let output = try OutputFolder(path: folder.path + "/reports")
            try output.write("report.md", "new\n")
            var asked = 0
            try output.commit(exchange: { _, _ in asked += 1; return code })
            XCTAssertEqual(asked, 1)
            XCTAssertEqual(try String(contentsOfFile: folder.path + "/reports/report.md", encoding: .utf8), "new\n")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["reports"])
        }
        // A new folder is made by one rename: nothing to exchange it with.
        let fresh = TemporaryFolder()
        let first = try OutputFolder(path: fresh.path + "/reports")
        try first.write("report.md", "first\n")
        try first.commit(exchange: { _, _ in XCTFail("nothing to exchange with"); return 0 })
        XCTAssertEqual(try String(contentsOfFile: fresh.path + "/reports/report.md", encoding: .utf8), "first\n")

        let folder = TemporaryFolder()
        folder.write("reports/report.md", "old\n")
        let output = try OutputFolder(path: folder.path + "/reports")
        try output.write("report.md", "new\n")
        XCTAssertThrowsError(try output.commit(exchange: { _, _ in EACCES })) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder.path)/reports: \(String(cString: strerror(EACCES)))")
        }
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/reports/report.md", encoding: .utf8), "old\n")
        output.abandon()
    }

    func testAStagedRunThatFailsLeavesTheOldFolderWhole() throws {
        let folder = TemporaryFolder()
        folder.write("reports/report.md", "old\n")
        let output = try OutputFolder(path: folder.path + "/reports")
        try output.write("report.md", "new, half written\n")
        try output.write("topic_demand.csv", "partial")
        // The run fails here: the staged files are dropped, the old folder is untouched.
        output.abandon()
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/reports/report.md", encoding: .utf8), "old\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["reports"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/reports"), ["report.md"])
    }

    /// A streamed file that could not be written whole (here /dev/full: no space left) stops the
    /// commit with the reason, and the old folder stays as it was.
    func testAStreamThatCannotBeWrittenStopsTheCommit() throws {
        let full = try XCTUnwrap(fopen("/dev/full", "wb"))
        let stream = OutputStream(file: full, path: "reports/clean/responses.csv")
        stream.write(Array(repeating: UInt8(ascii: "x"), count: 1 << 16))
        stream.close()
        XCTAssertNotNil(stream.failure)

        let folder = TemporaryFolder()
        folder.write("reports/report.md", "old\n")
        let output = try OutputFolder(path: folder.path + "/reports")
        let clean = try output.stream("clean/responses.csv")
        clean.write("respondent_id\r\n")
        try output.write("report.md", "new\n")
        XCTAssertNoThrow(try output.commit(), "a stream written whole commits")
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/reports/clean/responses.csv", encoding: .utf8), "respondent_id\r\n")

        let again = try OutputFolder(path: folder.path + "/reports")
        let broken = try again.stream("clean/responses.csv")
        // The file is swapped for /dev/full under the stream: its writes now fail.
        let fd = open("/dev/full", O_WRONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        broken.write("x")
        XCTAssertGreaterThanOrEqual(dup2(fd, try XCTUnwrap(broken.descriptor)), 0)
        close(fd)
        broken.write(Array(repeating: UInt8(ascii: "y"), count: 1 << 16))
        XCTAssertThrowsError(try again.commit()) { error in
            XCTAssertTrue("\(error)".contains("clean/responses.csv"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/reports/report.md", encoding: .utf8), "new\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["reports"])
    }

    // 8: line breaks and entities in a value cannot break a Markdown table.
    /// A wave change that rounds to zero has no sign either way (it read `+0.00` above 0 and
    /// `0.00` below); a change that shows digits keeps its sign.
    func testAChangeRoundingToZeroHasNoSign() {
        XCTAssertEqual(ReportBuilder.change(0.001, nil), "0.00")
        XCTAssertEqual(ReportBuilder.change(-0.001, nil), "0.00")
        XCTAssertEqual(ReportBuilder.change(0.006, nil), "+0.01")
        XCTAssertEqual(ReportBuilder.change(-0.25, (-0.5, -0.1)), "-0.25 (-0.50 – -0.10) ▼")
        XCTAssertEqual(ReportBuilder.change(1.5, (0.2, 2.8), unit: " pp"), "+1.50 pp (0.20 – 2.80) ▲")
    }

    /// A topic no demand question asks about (left out of the demand list, or a form with no
    /// demand question) has no demand figures: they were published as 0% ("nobody wants it").
    /// Its blanks are not suppression: nothing else is blanked for them, and no row says suppressed.
    func testDemandNotAskedIsBlankNotZero() throws {
        let folder = TemporaryFolder()
        let ratings = "select_one scale,imp_a,A,a,importance\nselect_one scale,comp_a,A,a,competence\n"
            + "select_one scale,imp_b,B,b,importance\nselect_one scale,comp_b,B,b,competence\n"
        folder.write("partial/survey.csv", "type,name,label,topic,measure,place\nselect_one c,country,Country,,,country\n" + ratings
            + "select_multiple wanted,training,T,,demand,\n")
        folder.write("partial/choices.csv", "list_name,name,label\nscale,1,Low\nscale,2,Mid\nscale,3,High\nc,EE,Estonia\nc,LV,Latvia\nwanted,a,A\n")
        folder.write("none/survey.csv", "type,name,label,topic,measure,place\nselect_one c,country,Country,,,country\n" + ratings)
        folder.write("none/choices.csv", "list_name,name,label\nscale,1,Low\nscale,2,Mid\nscale,3,High\nc,EE,Estonia\nc,LV,Latvia\n")
        var rows = "country,imp_a,comp_a,imp_b,comp_b,training\n"
        for k in 0..<12 { rows += "\(k % 2 == 0 ? "EE" : "LV"),3,\(k % 3 + 1),2,1,\(k % 4 == 0 ? "a" : "")\n" }
        let export = folder.write("export.csv", rows)
        for form in ["partial", "none"] {
            let (out, _, _keep) = try report {
                $0.instrumentPath = folder.path + "/" + form
                $0.inputs = [export]
            }
            _ = _keep
            let table = try String(contentsOfFile: out + "/topic_demand.csv", encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let column = { (name: String) in table[0].firstIndex(of: name)! }
            for row in table.dropFirst() {
                let asked = form == "partial" && row[column("topic")] == "a"
                XCTAssertEqual(row[column("suppressed")], "0", "\(form): \(row)")
                XCTAssertFalse(row[column("mean_importance")].isEmpty, "\(form): \(row)")
                if asked {
                    // 3 of the 12 (rows 0, 4, 8), 2 of 6 in EE, 1 of 6 in LV.
                    let expected = ["EE": "0.333333333333", "LV": "0.166666666667", "ALL": "0.250000000000"][row[0]]
                    XCTAssertEqual(row[column("demand_share")], expected, "\(row)")
                } else {
                    for name in ["demand_n", "demand_share", "demand_ci_low", "demand_ci_high"] {
                        XCTAssertEqual(row[column(name)], "", "\(form) \(name): \(row)")
                    }
                }
            }
            // The plan expects no number of participants for a topic nobody was asked about.
            var options = RunOptions()
            options.instrumentPath = folder.path + "/" + form
            options.inputs = [export]
            var configuration = PlanConfiguration()
            configuration.sessions = 2
            configuration.regionalSessions = 2
            let plan = try Pipeline.plan(options, configuration: configuration).plan
            XCTAssertFalse(plan.sessions.isEmpty, form)
            for session in plan.sessions {
                XCTAssertEqual(session.demandN == nil, !(form == "partial" && session.topic == "a"), "\(form): \(session)")
            }
            XCTAssertFalse(PlanReport.csv(plan).contains(",0\n") && form == "none", PlanReport.csv(plan))
            // No demand question, no heat map of demand shares.
            XCTAssertEqual(FileManager.default.fileExists(atPath: out + "/charts/demand_heatmap.svg"), form == "partial", form)
            let differences = try String(contentsOfFile: out + "/country_differences.csv", encoding: .utf8)
            XCTAssertFalse(differences.contains(",b,B,demand_share,"), form)
            XCTAssertEqual(differences.contains(",a,A,demand_share,"), form == "partial", form)
        }
    }

    /// File names and other text from the inputs that a GitHub-flavoured renderer turns into a
    /// link (`www.` names, `http://`, `ftp://`, e-mail addresses) are written so that they render
    /// as typed: the `.` after `www` and the `:` before `//` escaped, a word joiner before an `@`
    /// between name characters (cmark-gfm links e-mail addresses whatever is escaped in them).
    /// Checked against cmark-gfm 0.29 (Python cmarkgfm) by hand: each renders literally.
    func testMarkdownTextDoesNotBecomeAnAutolink() throws {
        XCTAssertEqual(MarkdownRenderer.escape("www.narva.ee.csv"), "www\\.narva.ee.csv")
        XCTAssertEqual(MarkdownRenderer.escape("(WWW.narva.ee)"), "(WWW\\.narva.ee)")
        XCTAssertEqual(MarkdownRenderer.escape("see http://a.ee/x and ftp://b"), "see http\\://a.ee/x and ftp\\://b")
        XCTAssertEqual(MarkdownRenderer.escape("vastused@narva.ee.csv"), "vastused\u{2060}@narva.ee.csv")
        // Text that links nothing stays as it is.
        XCTAssertEqual(MarkdownRenderer.escape("10:00, a @ b, awww.x"), "10:00, a @ b, awww.x")
        let folder = TemporaryFolder()
        let export = try String(contentsOfFile: Paths.inputs + "/responses/EE_kobo_xml.csv", encoding: .utf8)
        folder.write("in/www.narva.ee.csv", export)
        let (out, _, _keep) = try report { $0.inputs = [folder.path + "/in"] }
        _ = _keep
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(markdown.contains("www\\.narva.ee.csv"), markdown)
        XCTAssertFalse(markdown.contains("www.narva"), markdown)
    }

    /// A plain negative number from the inputs (a choice named `-1` on a -2..2 scale, `-0.5`) is no
    /// formula: Excel reads it as the number, so it is written as it is (it got the `'` prefix and
    /// read as text). Text Excel would run still gets it, and so does `+` before anything.
    func testPlainNegativeNumbersAreNotNeutralised() {
        let values = ["-1", "-0.5", "-0,5", "-12", "-1+cmd|' /C calc'!A0", "=1+1", "+1", "@SUM(A1)", "\t-1", "\r-1",
                      "-", "-1.", "-.5", "-1e5", "--1", "- 1", "-1 -2"]
        let expected = [
            ",": "-1,-0.5,\"-0,5\",-12,'-1+cmd|' /C calc'!A0,'=1+1,'+1,'@SUM(A1),'\t-1,\"'\r-1\",'-,'-1.,'-.5,'-1e5,'--1,'- 1,'-1 -2\r\n",
            ";": "-1;-0.5;-0,5;-12;'-1+cmd|' /C calc'!A0;'=1+1;'+1;'@SUM(A1);'\t-1;\"'\r-1\";'-;'-1.;'-.5;'-1e5;'--1;'- 1;'-1 -2\r\n",
        ]
        for (delimiter, row) in expected {
            var writer = CSVWriter(delimiter: Character(delimiter))
            writer.row(values.map(CSVWriter.Cell.text))
            XCTAssertEqual(writer.text, row)
            var joined = CSVWriter(delimiter: Character(delimiter))
            joined.field(joining: ["-1", "-2"])
            XCTAssertEqual(joined.text, "'-1 -2")
        }
        for value in ["-1", "-0.5", "-0,5"] {
            XCTAssertEqual(CSVWriter.neutralise(value), value)
        }
        for value in ["-1+2", "-", "-1.", "-.5", "-1e5", "--1", "- 1", "-1 -2", "-A1", "=1", "+1", "@x", "\t1", "\r1"] {
            XCTAssertEqual(CSVWriter.neutralise(value), "'" + value, value)
        }
    }

    /// The inputs/ instrument in `folder/form`, its municipality a select_one question
    /// `omavalitsus` of list `mun` (Narva linn, and `extraChoices`), for the `--by` place tests.
    private func writeMunicipalityChoiceForm(in folder: TemporaryFolder, extraChoices: String = "") throws {
        let survey = try String(contentsOfFile: Paths.inputs + "/instrument/survey.csv", encoding: .utf8)
        folder.write("form/survey.csv", survey.replacingOccurrences(of: "\ntext,municipality,", with: "\nselect_one mun,omavalitsus,"))
        let choices = try String(contentsOfFile: Paths.inputs + "/instrument/choices.csv", encoding: .utf8)
        folder.write("form/choices.csv", choices + "mun,narva,Narva linn,Narva linn,Narva,Narva,Нарва\n" + extraChoices)
        folder.write("form/settings.csv", try String(contentsOfFile: Paths.inputs + "/instrument/settings.csv", encoding: .utf8))
    }

    /// `--by` the municipality question, a select_one list: a respondent who typed the place
    /// (`Narva linna`, which the gazetteer reads as Narva linn) was a group of its own instead of
    /// the choice naming the same municipality; now counted under that choice. A place no choice
    /// names is grouped by its gazetteer code (Tallinn, EE-784), one the gazetteer does not know
    /// with the places not recognised (blank code), never by the words typed.
    func testByMunicipalityGroupsTypedPlacesUnderTheirChoice() throws {
        let folder = TemporaryFolder()
        try writeMunicipalityChoiceForm(in: folder, extraChoices: "mun,tartu_linn,Tartu linn,Tartu linn,Tartu,Tartu,Тарту\n")
        let places = ["narva", "Нарва", "Narva linna", "Narva linna", "tartu_linn", "Tartu linna", "Narvas pilsēta", "Tallinn"]
        folder.write("in/export.csv", "country,omavalitsus,imp_intercultural,comp_intercultural\n"
            + places.map { "EE,\($0),4,2\n" }.joined())
        let (out, _, _keep) = try report {
            $0.instrumentPath = folder.path + "/form"
            $0.inputs = [folder.path + "/in"]
            $0.aggregation.byQuestion = "omavalitsus"
            $0.aggregation.minCell = 1
        }
        _ = _keep
        let table = try String(contentsOfFile: out + "/topic_demand_by_omavalitsus.csv", encoding: .utf8)
        var respondents: [String: String] = [:]
        for line in table.split(separator: "\r\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells[0] == "EE" && cells[3] == "intercultural" { respondents[cells[1]] = cells[5] }
        }
        XCTAssertEqual(respondents, ["narva": "4", "tartu_linn": "2", "": "1", "EE-784": "1"], table)
        XCTAssertTrue(table.contains("\r\nEE,EE-784,Tallinna linn,intercultural,"), table)
        XCTAssertTrue(table.contains("\r\nEE,,place not recognised,intercultural,"), table)
    }

    /// `--by` the municipality question: what a respondent typed in its place for "Other" (a name,
    /// an e-mail address and a phone number), read as no municipality, was a group of its own,
    /// named by the text in topic_demand_by_QUESTION.csv, the row there even with every figure
    /// blanked. It is with the places not recognised; only clean/ keeps the text.
    func testByMunicipalityNeverShowsTypedPlaces() throws {
        let folder = TemporaryFolder()
        try writeMunicipalityChoiceForm(in: folder)
        let places = Array(repeating: "narva", count: 6) + Array(repeating: "Tallinn", count: 7) + ["Jaan Tamm jaan.tamm@example.ee 5123 4567", "Kikepera küla"]
        folder.write("in/export.csv", "country,omavalitsus,imp_intercultural,comp_intercultural\n"
            + places.map { "EE,\($0),4,2\n" }.joined())
        let (out, _, _keep) = try report {
            $0.instrumentPath = folder.path + "/form"
            $0.inputs = [folder.path + "/in"]
            $0.aggregation.byQuestion = "omavalitsus"
        }
        _ = _keep
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { !$0.hasPrefix("clean") }
        XCTAssertTrue(files.contains("topic_demand_by_omavalitsus.csv"), "\(files)")
        for file in files where [".csv", ".md", ".json", ".html", ".svg"].contains(where: { file.hasSuffix($0) }) {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            for typed in ["Jaan", "jaan.tamm", "5123", "Kikepera"] { XCTAssertFalse(text.contains(typed), "\(file): \(typed)") }
        }
        let table = try String(contentsOfFile: out + "/topic_demand_by_omavalitsus.csv", encoding: .utf8)
        var groups: [String] = []
        for line in table.split(separator: "\r\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells[0] == "EE" && cells[3] == "intercultural" { groups.append(cells[1] + "|" + cells[2] + "|" + cells[5]) }
        }
        // The two typed places are one group of 2, under --min-cell 5: blanked, and Narva's 6 with
        // them (EE's 15 less Tallinn's 7 would give them back); Tallinn, no choice, by its code.
        XCTAssertEqual(groups, ["|place not recognised|", "EE-784|Tallinna linn|7", "narva|Narva linn|"], table)
        let clean = try String(contentsOfFile: out + "/clean/responses.csv", encoding: .utf8)
        XCTAssertTrue(clean.contains("Kikepera küla"), clean)
    }

    /// data_dictionary.md said the `--by` table's first column is "the choice's name", but by the
    /// municipality question a typed place is under the gazetteer's code (EE-784, Tallinna linn)
    /// or a blank code (place not recognised): a partner took EE-784 for a choice of the form and
    /// the blank for no answer. Another question's columns keep the plain wording.
    func testDataDictionarySaysWhatTheByPlaceColumnsHold() throws {
        let folder = TemporaryFolder()
        try writeMunicipalityChoiceForm(in: folder)
        folder.write("in/export.csv", "country,omavalitsus,role,imp_intercultural,comp_intercultural\n"
            + (Array(repeating: "narva", count: 6) + ["Tallinn", "Kikepera küla"]).map { "EE,\($0),teacher,4,2\n" }.joined())
        for (by, place) in [("omavalitsus", true), ("role", false)] {
            let (out, _, _keep) = try report {
                $0.instrumentPath = folder.path + "/form"
                $0.inputs = [folder.path + "/in"]
                $0.aggregation.byQuestion = by
            }
            _ = _keep
            let dictionary = try String(contentsOfFile: out + "/data_dictionary.md", encoding: .utf8)
            let code = "| \(by) | The respondent's answer to the question \(by) (the choice's name)"
            XCTAssertEqual(dictionary.contains(code + ". |"), !place, dictionary)
            XCTAssertEqual(dictionary.contains(code + "; a place typed that no choice names is under the ISO 3166-2 code "
                                               + "of the municipality it was read as, and one not recognised under a blank code"), place, dictionary)
            XCTAssertEqual(dictionary.contains("for the places not recognised, place not recognised)"), place, dictionary)
        }
    }

    /// `--by municipality` (the question named so) wrote its table to topic_demand_by_municipality.csv,
    /// the name of the per-municipality table, which it replaced: now it is
    /// topic_demand_by_question_municipality.csv, and both are written.
    func testByTheQuestionNamedMunicipalityKeepsTheMunicipalityTable() throws {
        let folder = TemporaryFolder()
        let survey = try String(contentsOfFile: Paths.inputs + "/instrument/survey.csv", encoding: .utf8)
        folder.write("form/survey.csv", survey.replacingOccurrences(of: "\ntext,municipality,", with: "\nselect_one mun,municipality,"))
        let choices = try String(contentsOfFile: Paths.inputs + "/instrument/choices.csv", encoding: .utf8)
        folder.write("form/choices.csv", choices + "mun,narva,Narva linn,Narva linn,Narva,Narva,Нарва\n")
        folder.write("form/settings.csv", try String(contentsOfFile: Paths.inputs + "/instrument/settings.csv", encoding: .utf8))
        folder.write("in/export.csv", "country,municipality,imp_intercultural,comp_intercultural\nEE,narva,4,2\nEE,Narva linna,5,1\n")
        let (out, _, _keep) = try report {
            $0.instrumentPath = folder.path + "/form"
            $0.inputs = [folder.path + "/in"]
            $0.aggregation.byQuestion = "municipality"
            $0.aggregation.minCell = 1
        }
        _ = _keep
        let municipalities = try String(contentsOfFile: out + "/topic_demand_by_municipality.csv", encoding: .utf8)
        XCTAssertTrue(municipalities.hasPrefix("country,municipality_code,municipality,topic,"), municipalities)
        let byAnswer = try String(contentsOfFile: out + "/topic_demand_by_question_municipality.csv", encoding: .utf8)
        XCTAssertTrue(byAnswer.hasPrefix("country,municipality,municipality_label,topic,"), byAnswer)
    }

    /// GitHub renders `$…$` in Markdown as LaTeX math: a topic label `Grants of $500 to $2000 per
    /// family` showed "500 to " in italic math type with both dollar signs gone. Escaped, as
    /// CommonMark allows for any ASCII punctuation, the label reads as typed.
    func testMarkdownEscapesDollarSignsGitHubReadsAsMath() {
        XCTAssertEqual(MarkdownRenderer.escape("Grants of $500 to $2000 per family"), "Grants of \\$500 to \\$2000 per family")
        XCTAssertEqual(MarkdownRenderer.escape("$$x$$"), "\\$\\$x\\$\\$")
        XCTAssertEqual(MarkdownRenderer.escape("20 €"), "20 €")
    }

    /// In the HTML's narrow figure columns an interval broke inside itself, `61% (50% –` over
    /// `72%)`, `0.76 (0.46` over `– 1.06)`: it is kept on one line (a no-break span; a change's
    /// two values joined by no-break spaces), so a line breaks between the figure and its interval
    /// only. Text columns and Markdown are as they were.
    func testHTMLFigureCellsKeepAnIntervalOnOneLine() {
        var document = ReportDocument(title: "t", language: "en")
        document.blocks.append(.table(header: ["Topic", "Gap", "Competence"], alignments: [.left, .right, .right],
                                      rows: [["a – b", "0.76 (0.46 – 1.06)", "2.61 → 3.22"]]))
        let html = HTMLRenderer.render(document)
        XCTAssertTrue(html.contains("<tr><td>a – b</td><td class=\"r\">0.76 <span class=\"nw\">(0.46 – 1.06)</span></td>"
                                    + "<td class=\"r\">2.61&nbsp;→&nbsp;3.22</td></tr>"), html)
        XCTAssertTrue(html.contains(".nw { white-space: nowrap; }"), html)
        XCTAssertTrue(MarkdownRenderer.render(document).contains("| a – b | 0.76 (0.46 – 1.06) | 2.61 → 3.22 |"))
    }

    func testMarkdownEscapingOfLineBreaksAndEntities() {
        XCTAssertEqual(MarkdownRenderer.escape("Narva\r\nlinn"), "Narva linn")
        XCTAssertEqual(MarkdownRenderer.escape("a\nb\rc\u{2028}d"), "a b c d")
        XCTAssertEqual(MarkdownRenderer.escape("&amp; \"q\" <b>|"), "\\&amp; \"q\" \\<b\\>\\|")
        // Sweep 5: two Windows short names in one list are not struck through between them.
        XCTAssertEqual(MarkdownRenderer.escape("VASTUS~1.CSV, ANSWER~1.CSV"), "VASTUS\\~1.CSV, ANSWER\\~1.CSV")
        var document = ReportDocument(title: "t", language: "en")
        document.blocks.append(.table(header: ["a"], alignments: [.left], rows: [["x\r\ny"]]))
        let table = MarkdownRenderer.render(document)
        XCTAssertTrue(table.contains("| x y |"), table)
    }

    /// A label holding controls (Excel's vertical tab for a line break, a stray U+0001) made every
    /// chart naming it unreadable: XML 1.0 has no such characters, so the SVG did not parse. A
    /// right-to-left override (U+202E) in a label turned around the text after it: in a chart's
    /// description, every topic listed after it. Both are left out of the reports; the words stay.
    func testControlAndDirectionCharactersInLabelsAreLeftOut() throws {
        var a = TopicAccumulator()
        for c in [1.0, 2, 3, 2, 1] { a.add(importance: 5, competence: c, demanded: true) }
        let label = "Line one\u{0B}line two\u{01} \u{202E}reversed\u{FFFF} & <b>"
        var row = TopicFigures(country: "EE", topic: "a", topicLabel: label, accumulator: a)
        row.mwdsRank = 1
        row.quadrant = "HH"
        let labels = ReportStrings.forLanguage(nil).charts
        for svg in [Charts.mwdsBars([row], id: "t", title: label, labels: labels),
                    Charts.locusScatter([row], id: "t", title: label, labels: labels),
                    Charts.demandHeatmap([row], id: "t", title: label, labels: labels)] {
            XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse(), svg)
            XCTAssertTrue(svg.contains("Line one line two reversed &amp; &lt;b&gt;"), svg)
        }
        XCTAssertEqual(HTMLRenderer.escape(label), "Line one line two reversed &amp; &lt;b&gt;")
        XCTAssertEqual(MarkdownRenderer.escape(label), "Line one line two reversed \\& \\<b\\>")
        var document = ReportDocument(title: label, language: "en")
        document.blocks.append(.paragraph([.code("form\u{202E}\nid")]))
        XCTAssertTrue(MarkdownRenderer.render(document).contains("`form id`"), MarkdownRenderer.render(document))
    }

    /// The CSV tables kept what the reports leave out: a topic label's U+202E turned the rest of
    /// its cell around in Excel (topic_demand.csv's `evil =cmd|...` shown backwards, as in the
    /// Trojan Source attacks), U+2066 and U+2069 isolates, a U+0001 shown as a box. They are left
    /// out of every text cell, a vertical tab becoming a space; a formula character the removal
    /// brings to the front is neutralised; tab and line breaks stay, the cell quoted around them.
    func testCSVCellsLeaveOutControlAndDirectionCharacters() throws {
        var writer = CSVWriter()
        writer.row([.text("Hate \u{202E}evil\u{202C} \u{2066}x\u{2069}\u{01}y\u{0B}z\u{7F}\u{85}w\u{9F}\u{FFFE}"),
                    .text("\u{202E}=cmd|' /C calc'!A0"), .text("a\tb\nc"), .text("Ūdens “x” – ’"), .figure("1.5")])
        XCTAssertEqual(writer.text, "Hate evil xy z w,'=cmd|' /C calc'!A0,\"a\tb\nc\",Ūdens “x” – ’,1.5\r\n")
        var joined = CSVWriter()
        joined.field(joining: ["a\u{202E}b", "c"])
        XCTAssertEqual(joined.text, "ab c")
        // Through a run: a topic label with an override and an isolate, in the figures tables.
        let folder = TemporaryFolder()
        let survey = try String(contentsOfFile: Paths.inputs + "/instrument/survey.csv", encoding: .utf8)
        folder.write("form/survey.csv", survey)
        let choices = try String(contentsOfFile: Paths.inputs + "/instrument/choices.csv", encoding: .utf8)
        folder.write("form/choices.csv", choices.replacingOccurrences(
            of: "topics,partnerships,Partnerships for integration,",
            with: "topics,partnerships,Partnerships \u{202E}for\u{202C} \u{2066}integration\u{2069},"))
        folder.write("form/settings.csv", try String(contentsOfFile: Paths.inputs + "/instrument/settings.csv", encoding: .utf8))
        let (out, _, _keep) = try report { $0.instrumentPath = folder.path + "/form" }
        _ = _keep
        for table in ["topic_demand.csv", "topic_demand_by_municipality.csv", "country_differences.csv"] {
            let text = try String(contentsOfFile: out + "/" + table, encoding: .utf8)
            XCTAssertTrue(text.contains(",Partnerships for integration,"), table)
            let hidden = text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
            XCTAssertFalse(hidden, table)
        }
    }

    /// summary.json wrote a file name's U+202E as it was: an editor or browser showing the JSON
    /// turned the name around (`x\u{202E}vsc.csv` read as `xcsv.csv`-like text), as the reports,
    /// which leave such characters out, no longer do. JSON keeps the name exact, so they are
    /// escaped (`\u202e`), as are DEL, C1 controls and U+2028/U+2029; a parser reads the name back.
    func testSummaryJSONEscapesDirectionControls() throws {
        XCTAssertEqual(JSONText.quoted("a\u{202E}b\u{2066}c\u{2069}\u{7F}\u{85}\u{2028}\u{01}\"é"),
                       "\"a\\u202eb\\u2066c\\u2069\\u007f\\u0085\\u2028\\u0001\\\"é\"")
        let folder = TemporaryFolder()
        let export = try String(contentsOfFile: Paths.inputs + "/responses/EE_kobo_xml.csv", encoding: .utf8)
        folder.write("in/x\u{202E}vsc.csv", export)
        let (out, _, _keep) = try report { $0.inputs = [folder.path + "/in"] }
        _ = _keep
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x202E }, text)
        XCTAssertTrue(text.contains("\"file\": \"in/x\\u202evsc.csv\""), text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        XCTAssertEqual(files.first?["file"] as? String, "in/x\u{202E}vsc.csv")
    }

    /// clean/ is the record of what was written, and since e2a5a14 its text cells lost what the
    /// partners' tables leave out: the cleaning log read '`Tallinn` is not a municipality of the
    /// gazetteer' (old_value Tallinn) for a cell holding Tal U+0001 linn, '`teacher` is not a
    /// choice' for teach U+0007 er, and a reported comment lost its U+202E and had its vertical tab
    /// made a space. clean/ keeps them (tabs and line breaks too); the figures tables do not.
    func testCleanFolderKeepsTheTextAsWritten() throws {
        let folder = TemporaryFolder()
        let survey = try String(contentsOfFile: Paths.inputs + "/instrument/survey.csv", encoding: .utf8)
        XCTAssertTrue(survey.contains("академии?,,,,,,\n"))
        folder.write("form/survey.csv", survey.replacingOccurrences(of: "академии?,,,,,,\n", with: "академии?,,,,,,yes\n"))
        for sheet in ["choices.csv", "settings.csv"] {
            folder.write("form/" + sheet, try String(contentsOfFile: Paths.inputs + "/instrument/" + sheet, encoding: .utf8))
        }
        let comment = "Ūdens \u{202E}evil\u{202C} \u{0B}x\u{01}\tПривет 😀\nline -5"
        folder.write("in/a.csv", "country,municipality,role,imp_intercultural,comp_intercultural,comments\n"
            + "EE,Tal\u{01}linn,teacher,4,2,\"\(comment)\"\nEE,Narva,teach\u{07}er,4,2,\n")
        let (out, _, _keep) = try report {
            $0.instrumentPath = folder.path + "/form"
            $0.inputs = [folder.path + "/in"]
        }
        _ = _keep
        let responses = try String(contentsOfFile: out + "/clean/responses.csv", encoding: .utf8)
        XCTAssertTrue(responses.contains(",\"\(comment)\"\r\n"), responses)
        XCTAssertTrue(responses.contains(",Tal\u{01}linn,"), responses)
        let issues = try String(contentsOfFile: out + "/clean/issues.csv", encoding: .utf8)
        XCTAssertTrue(issues.contains(",municipality,Tal\u{01}linn,,municipality_unknown,"), issues)
        XCTAssertTrue(issues.contains(",role,teach\u{07}er,,unknown_value,"), issues)
        for table in ["topic_demand.csv", "topic_demand_by_municipality.csv"] {
            let text = try String(contentsOfFile: out + "/" + table, encoding: .utf8)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x09 || $0.value == 0x202E }, table)
        }
    }

    /// The wave chart put competence on a fixed 1-5 axis: on a 0-10 scale a mean of 9 was drawn at
    /// x = 300 + (9 - 1) / 4 × 320 = 940, off a chart 660 wide, and a mean of 0.5 at 260, over the
    /// labels. On the instrument's scale, 0 to 10 across the plot from 300 to 620, 0.5 lies at
    /// 300 + 0.05 × 320 = 316 and 9 at 300 + 0.9 × 320 = 588; the ticks are 0 to 10.
    func testWaveChartSpansTheCompetenceScale() throws {
        var change = WaveChange(wave: "w2", country: "EE", topic: "t", topicLabel: "T", design: .independent, nBefore: 9,
                                nAfter: 9, nMatched: 0, quadrantBefore: "HH", quadrantAfter: "HL")
        change.competenceBefore = 0.5
        change.competenceAfter = 9
        let svg = Charts.dumbbell([change], id: "t", title: "t", labels: ReportStrings.forLanguage(nil).charts, scale: 0...10)
        XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse())
        let circles = svg.split(separator: "\n").filter { $0.hasPrefix("<circle cx=\"") && $0.contains("cy=\"63\"") }.map { line in
            Double(line.dropFirst("<circle cx=\"".count).prefix { $0 != "\"" })
        }
        XCTAssertEqual(circles, [316, 588])
        let ticks = svg.split(separator: "\n").filter { $0.contains("text-anchor=\"middle\">") && !$0.contains("Mean competence") }
            .map { String($0[$0.range(of: "\">")!.upperBound...].prefix { $0 != "<" }) }
        XCTAssertEqual(ticks, (0...10).map(String.init))
        // The legend names the wave, not an English placeholder.
        XCTAssertTrue(svg.contains(">w2</text>"), svg)
        XCTAssertEqual(try InstrumentLoader.load(Paths.inputs + "/instrument").competenceScale, 1...5)
    }

    /// A scope whose wave figures are all blanked (LT and LV with fewer than 50 respondents) got an
    /// empty wave chart, as the Locus-for-Focus chart no longer does; its table says why.
    func testNoWaveChartForAScopeWithoutFigures() throws {
        let (out, _, _keep) = try report {
            $0.aggregation.minCell = 50
            $0.waves = [Paths.inputs + "/followup"]
        }
        _ = _keep
        let charts = try FileManager.default.contentsOfDirectory(atPath: out + "/charts")
        for chart in charts where chart.hasPrefix("waves_") {
            let svg = try String(contentsOfFile: out + "/charts/" + chart, encoding: .utf8)
            XCTAssertTrue(svg.contains("<circle cx=") && svg.contains("fill=\"#D55E00\"><title>"), "\(chart) has no dumbbell")
        }
        let lithuanian = try String(contentsOfFile: out + "/countries/LT.md", encoding: .utf8)
        XCTAssertFalse(lithuanian.contains("waves_followup_LT"), lithuanian)
    }

    /// A topic's name too long for its line is broken between words onto a second, not cut:
    /// Russian and Latvian names lost their last words in every chart (`Противодействие
    /// дезинформации и ложной…`: a reviewer's reading). In the MWDS bars, the heat map and the
    /// Locus list (whose later topics move down a line); a first word longer than the line is cut.
    func testLongTopicNamesAreBrokenOntoTwoLinesNotCut() throws {
        let name = "Противодействие дезинформации и ложной информации"
        XCTAssertEqual(Charts.lines(name, width: 288), ["Противодействие дезинформации и ложной", "информации"])
        XCTAssertEqual(Charts.lines("Short", width: 288), ["Short"])
        XCTAssertEqual(Charts.lines(String(repeating: "ж", count: 60), width: 100).count, 1)
        var rows: [TopicFigures] = []
        for (k, label) in [name, "Партнёрства для интеграции"].enumerated() {
            var a = TopicAccumulator()
            for c in [1.0, 2, 3] { a.add(importance: 4 + Double(k), competence: c, demanded: k == 0) }
            rows.append(TopicFigures(country: "LV", topic: "t\(k)", topicLabel: label, accumulator: a))
        }
        rows[0].mwdsRank = 2
        rows[1].mwdsRank = 1
        let labels = ReportStrings.forLanguage("ru").charts
        let bars = Charts.mwdsBars(rows, id: "m", title: "m", labels: labels)
        XCTAssertTrue(bars.contains(">Противодействие дезинформации и ложной</tspan><tspan x=\"292.0\""), bars)
        XCTAssertTrue(bars.contains(">информации</tspan></text>"), bars)
        XCTAssertFalse(bars.contains("…"), bars)
        let heat = Charts.demandHeatmap(rows, id: "h", title: "h", labels: labels)
        XCTAssertTrue(heat.contains(">информации</tspan></text>"), heat)
        let locus = Charts.locusScatter(rows, id: "l", title: "l", labels: labels)
        XCTAssertTrue(locus.contains(" y=\"70\" font-size=\"10\">2. Противодействие дезинформации и ложной</text>"), locus)
        XCTAssertTrue(locus.contains(" y=\"82\" font-size=\"10\">информации</text>"), locus)
        XCTAssertFalse(locus.contains("…"), locus)
        // A second reviewer's cases. The Locus list's second line stands past the number, and has
        // that much less room (it ran past the chart's edge); a first line of the number alone is
        // none. The heat map's caption and legend break to the chart's width (the caption of a base
        // with respondents out ran 125 pixels past a chart 600 wide).
        var long = rows
        long[0].topicLabel = "Partnerships for integration: handbook on bound and unbound funding, hub and pound grounds, guidebook handbook"
        let english = ReportStrings.forLanguage(nil).charts
        let list = Charts.locusScatter(long, id: "l", title: "l", labels: english)
        let second = try XCTUnwrap(list.split(separator: "\n").first { $0.contains(" y=\"82\" font-size=\"10\">") })
        let x = try XCTUnwrap(Double(second[second.range(of: "x=\"")!.upperBound...].prefix { $0 != "\"" }))
        let text = String(second[second.range(of: "font-size=\"10\">")!.upperBound...].prefix { $0 != "<" })
        XCTAssertLessThanOrEqual(x + Charts.textWidth(text, fontSize: 10), 720 - 4, String(second))
        XCTAssertEqual(Charts.lines("2. " + String(repeating: "ж", count: 60), width: 100).count, 1)
        long[0].demandColumnMissing = true
        let map = Charts.demandHeatmap(long, id: "h", title: "h", labels: english)
        let width = try XCTUnwrap(Double(map[map.range(of: "width=\"")!.upperBound...].prefix { $0 != "\"" }))
        let notes = map.split(separator: "\n").filter { $0.contains("font-size=\"10\" fill=\"#444\">") }.map {
            String($0[$0.range(of: "fill=\"#444\">")!.upperBound...].prefix { $0 != "<" })
        }
        XCTAssertGreaterThan(notes.count, 1, map)
        XCTAssertTrue(notes.joined(separator: " ").hasPrefix(english.heatmapBaseAsked), "\(notes)")
        for note in notes { XCTAssertLessThanOrEqual(10 + Charts.textWidth(note, fontSize: 10), width, note) }
    }

    /// The Locus-for-Focus chart lists its topics, numbered, beside the plot, 16 apart from
    /// y = 54 on a chart 420 high: from the 24th (y = 54 + 23 × 16 = 422) they fell below its edge.
    /// With 30 topics the last is at 54 + 29 × 16 = 518, and the chart must reach below it.
    func testLocusChartHasRoomForEveryTopic() throws {
        var rows: [TopicFigures] = []
        for k in 0..<30 {
            var a = TopicAccumulator()
            for c in [1.0, 2, 3] { a.add(importance: 4 + Double(k % 2), competence: c, demanded: false) }
            rows.append(TopicFigures(country: "EE", topic: "t\(k)", topicLabel: "Topic \(k + 1)", accumulator: a))
        }
        let svg = Charts.locusScatter(rows, id: "t", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        let height = try XCTUnwrap(Double(svg[svg.range(of: "height=\"")!.upperBound...].prefix { $0 != "\"" }))
        let last = try XCTUnwrap(svg.split(separator: "\n").first { $0.contains(">30. Topic 30<") })
        let y = try XCTUnwrap(Double(last[last.range(of: " y=\"")!.upperBound...].prefix { $0 != "\"" }))
        XCTAssertEqual(y, 518)
        XCTAssertGreaterThan(height, y + 3)
    }

    /// Two topics at one point of the Locus-for-Focus chart had their numbers drawn one on the
    /// other (the sample's Lithuanian chart: 2 and 6 read as one blot), so neither could be looked
    /// up in the list beside it. A number whose place is taken goes to the left of its point. Both
    /// at importance 4 and gap 1, on an axis 3 to 5 over 370 pixels from x = 60 and 0 to 2 over
    /// 330 from y = 40: the point is at (245, 205); 1 at its right, (245 + 8, 205 + 4); 2, 6.2
    /// pixels wide (0.62 em at 10), at its left, x = 245 − 8 − 6.2 = 230.8.
    func testLocusChartNumbersOfOnePointDoNotOverlap() {
        var rows: [TopicFigures] = []
        for k in 0..<2 {
            var a = TopicAccumulator()
            for _ in 0..<3 { a.add(importance: 4, competence: 3, demanded: false) }
            rows.append(TopicFigures(country: "EE", topic: "t\(k)", topicLabel: "Topic \(k + 1)", accumulator: a))
        }
        let svg = Charts.locusScatter(rows, id: "t", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        XCTAssertTrue(svg.contains("<circle cx=\"245.0\" cy=\"205.0\" r=\"6\""), svg)
        XCTAssertTrue(svg.contains("<text x=\"253.0\" y=\"209.0\" font-size=\"10\">1</text>"), svg)
        XCTAssertTrue(svg.contains("<text x=\"230.8\" y=\"209.0\" font-size=\"10\">2</text>"), svg)
    }

    /// Each quadrant is named in its corner of the Locus-for-Focus chart, in its points' colour:
    /// only HH was, and an HL point's orange had no key on the chart. The plot runs 60 to 430
    /// across and 40 to 370 down: HH top right, LH top left, HL bottom right, LL bottom left.
    func testLocusChartNamesEveryQuadrantInItsCorner() {
        var rows: [TopicFigures] = []
        for (k, competence) in [3.0, 2].enumerated() {
            var a = TopicAccumulator()
            for _ in 0..<3 { a.add(importance: 4 + Double(k), competence: competence, demanded: false) }
            rows.append(TopicFigures(country: "EE", topic: "t\(k)", topicLabel: "Topic \(k + 1)", accumulator: a))
        }
        let svg = Charts.locusScatter(rows, id: "t", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        for expected in [
            "<text x=\"426.0\" y=\"54.0\" text-anchor=\"end\" fill=\"#D55E00\" font-weight=\"bold\">HH</text>",
            "<text x=\"64.0\" y=\"54.0\" text-anchor=\"start\" fill=\"#56B4E9\" font-weight=\"bold\">LH</text>",
            "<text x=\"426.0\" y=\"364.0\" text-anchor=\"end\" fill=\"#E69F00\" font-weight=\"bold\">HL</text>",
            "<text x=\"64.0\" y=\"364.0\" text-anchor=\"start\" fill=\"#999999\" font-weight=\"bold\">LL</text>",
        ] {
            XCTAssertTrue(svg.contains(expected), "\(expected)\n\(svg)")
        }
    }

    /// The Locus-for-Focus chart numbers its points by MWDS rank, as the MWDS chart and the
    /// table do (a helper's probe: its "1." was the first topic by key, Disinformation, ranked 2).
    /// Gaps 1, 2 and 0.5 at importance 4: MWDS 4, 8 and 2, ranks 2, 1 and 3.
    func testLocusChartNumbersPointsByRank() throws {
        var rows: [TopicFigures] = []
        for (k, competence) in [3.0, 2, 3.5].enumerated() {
            var a = TopicAccumulator()
            for _ in 0..<3 { a.add(importance: 4, competence: competence, demanded: false) }
            rows.append(TopicFigures(country: "EE", topic: "t\(k)", topicLabel: "Topic \(k + 1)", accumulator: a))
        }
        for (k, rank) in [2, 1, 3].enumerated() { rows[k].mwdsRank = rank }
        let svg = Charts.locusScatter(rows, id: "t", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        let list = svg.split(separator: "\n").filter { $0.contains(">1. ") || $0.contains(">2. ") || $0.contains(">3. ") }
            .map { String($0[$0.range(of: "\">")!.upperBound...].prefix { $0 != "<" }) }
        XCTAssertEqual(list, ["1. Topic 2", "2. Topic 1", "3. Topic 3"])
        // Topic 2's point (gap 2, MWDS 8, the highest) carries its number, 1, drawn after it.
        XCTAssertEqual(rows[1].mwds ?? 0, 8, accuracy: 1e-12)
        let lines = svg.split(separator: "\n")
        let point = try XCTUnwrap(lines.firstIndex { $0.contains("<title>Topic 2</title>") })
        XCTAssertTrue(lines[point + 1].hasSuffix("font-size=\"10\">1</text>"), String(lines[point + 1]))
    }

    /// An instrument rated on 0-100 (a slider) had its Locus-for-Focus axes ticked at every point
    /// of the scale: some fifty numbers on each axis, drawn one on another. Importance 40-90 and
    /// gaps 5-45 over 6 steps at most: 10 on both axes, the axes 37 to 93 and 0 to 48 (0.3 of a
    /// step past the points), ticked at the tens within them. Gaps all below 0 (-90 to -80) take
    /// their step from their span down to 0 and up to 1, as the axis does: 20, not 2 (48 numbers).
    /// A 1-5 scale keeps its tick a point.
    func testLocusChartTicksAZeroToHundredScaleInTens() {
        func rows(_ pairs: [(Double, Double)]) -> [TopicFigures] {
            pairs.enumerated().map { k, pair in
                var a = TopicAccumulator()
                for _ in 0..<3 { a.add(importance: pair.0, competence: pair.0 - pair.1, demanded: false) }
                return TopicFigures(country: "EE", topic: "t\(k)", topicLabel: "Topic \(k + 1)", accumulator: a)
            }
        }
        func ticks(_ svg: String, anchor: String) -> [String] {
            svg.split(separator: "\n").filter { $0.contains("text-anchor=\"\(anchor)\">") && !$0.contains("font-size") }
                .map { String($0.split(separator: ">")[1].prefix { $0 != "<" }) }
        }
        let labels = ReportStrings.forLanguage(nil).charts
        let wide = Charts.locusScatter(rows([(40, 5), (90, 45), (65, 20)]), id: "t", title: "t", labels: labels)
        XCTAssertEqual(ticks(wide, anchor: "middle").filter { Double($0) != nil }, ["40", "50", "60", "70", "80", "90"])
        XCTAssertEqual(ticks(wide, anchor: "end"), ["0", "10", "20", "30", "40"])
        let below = Charts.locusScatter(rows([(10, -90), (20, -80)]), id: "t", title: "t", labels: labels)
        XCTAssertEqual(ticks(below, anchor: "end"), ["-80", "-60", "-40", "-20", "0"])
        let narrow = Charts.locusScatter(rows([(3.2, 0.4), (4.4, 1.6)]), id: "t", title: "t", labels: labels)
        XCTAssertEqual(ticks(narrow, anchor: "middle").filter { Double($0) != nil }, ["2", "3", "4", "5"])
        XCTAssertEqual(ticks(narrow, anchor: "end"), ["0", "1", "2"])
    }

    /// Topic keys are the instrument's text, not figures: with `--excel` a numbered topic `1.1`
    /// was written `1,1` (the decimal comma figures get) in every table naming topics, so it no
    /// longer matched the instrument, plan.csv's configuration or another run's tables.
    func testExcelKeepsNumberedTopicKeysAsWritten() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey", "choices", "settings"] {
            let text = try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            folder.write("form/\(sheet).csv", text.replacingOccurrences(of: ",intercultural,", with: ",1.1,")
                .replacingOccurrences(of: "topics,intercultural,", with: "topics,1.1,"))
        }
        folder.write("plan.csv", "setting,value\nsessions,4\ninclude,1.1\n")
        let (out, _, _keep) = try report {
            $0.instrumentPath = folder.path + "/form"
            $0.excel = true
            $0.planPath = folder.path + "/plan.csv"
            $0.waves = [Paths.inputs + "/followup"]
        }
        _ = _keep
        for table in ["topic_demand.csv", "topic_demand_by_municipality.csv", "country_differences.csv", "plan.csv", "waves.csv"] {
            let text = try String(contentsOfFile: out + "/" + table, encoding: .utf8)
            XCTAssertTrue(text.contains(";1.1;"), table)
            XCTAssertFalse(text.contains(";1,1;"), table)
        }
    }

    /// A wave's charts were named after its folder as typed: `w:1 "x"` gave
    /// `charts/waves_w:1 "x"_ALL.svg`, a file Windows cannot hold (partners unpacking the reports
    /// there lost it). Names keep letters, digits, `-`, `_` and `.`, the rest `_`; a second wave
    /// whose name comes out the same (`w_1 _x_`) is numbered, so neither chart is written over.
    func testWaveChartFilesHaveNamesEveryFileSystemTakes() throws {
        let folder = TemporaryFolder()
        // (The second copy's lines ended otherwise: the same bytes in two waves cannot run.)
        let followUp = try String(contentsOfFile: Paths.inputs + "/followup/EE_followup_2026.csv", encoding: .utf8)
        folder.write("w:1 \"x\"/EE.csv", followUp)
        folder.write("w_1 _x_/EE.csv", followUp.replacingOccurrences(of: "\n", with: "\r\n"))
        let (out, _, _keep) = try report { $0.waves = [folder.path + "/w:1 \"x\"", folder.path + "/w_1 _x_"] }
        _ = _keep
        let charts = try FileManager.default.contentsOfDirectory(atPath: out + "/charts")
        XCTAssertTrue(charts.contains("waves_w_1__x__ALL.svg") && charts.contains("waves_w_1__x__2_ALL.svg"), "\(charts)")
        XCTAssertFalse(charts.contains { $0.contains { "<>:\"|?*\\ ".contains($0) } }, "\(charts)")
        let text = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(text.contains("](charts/waves_w_1__x__ALL.svg)") && text.contains("](charts/waves_w_1__x__2_ALL.svg)"))
    }

    /// A country whose respondents rated no topic (its export lost the rating columns' answers)
    /// has demand shares but no MWDS: its top-needs table says so with dashes, and its MWDS chart
    /// was drawn empty, an axis and a legend over no bar. It has none now, as Locus for Focus.
    func testNoMWDSChartForAScopeWithoutScores() throws {
        let folder = TemporaryFolder()
        // Six Estonian respondents who answered where they work and what training they want, and no rating.
        let rows = [String](repeating: "EE,Narva linn,social_worker,intercultural partnerships\n", count: 6)
        folder.write("in/EE.csv", "country,municipality,role,training_wanted\n" + rows.joined())
        let (out, _, _keep) = try report {
            $0.inputs = [folder.path + "/in/EE.csv", Paths.inputs + "/responses/LT_msforms_excel_1257.csv"]
        }
        _ = _keep
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/charts/mwds_EE.svg"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/charts/mwds_EE_et.svg"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/charts/mwds_LT.svg"))
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertFalse(report.contains("mwds_EE.svg"))
        XCTAssertTrue(report.contains("| – | Countering disinformation and misinformation | – | – | – |"), report)
        // Six respondents are enough to report: what is missing is their ratings, and the reports
        // say so (the Locus-for-Focus section said "too few respondents").
        XCTAssertTrue(report.contains("No respondent rated both the importance of a topic and their competence in it."), report)
        let estonian = try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
        XCTAssertFalse(estonian.contains(ReportStrings.forLanguage("et").tooFew), estonian)
        XCTAssertEqual(estonian.components(separatedBy: "Ükski vastaja ei hinnanud ühegi teema olulisust koos oma pädevusega selles.").count, 3,
                       estonian)
    }

    /// Counts in the weighting statement take the form their number asks for. They were written in
    /// one plural form: "1 respondenti bez valsts nav iekļauti" (Latvian: 1, 21, 31 take the
    /// singular), "21 respondentai" (Lithuanian: 21 singular, 12 and 30 the genitive plural),
    /// "респондент(ов)" in Russian (1, 21 / 2-4, 22-24 / 5-20, 25-30), "respondent(s)" in English.
    func testCountsInTheWeightingStatementAgreeWithTheirNumber() {
        var options = AggregationOptions()
        options.region = .countryEqual
        func statement(_ language: String, _ n: Int) -> String {
            ReportBuilder.weightingStatement(options, prose: ReportProse.forLanguage(language), withoutCountry: n)
        }
        let expected: [(String, Int, String)] = [
            ("en", 1, "1 respondent without a country is left out of ALL."),
            ("en", 2, "2 respondents without a country are left out of ALL."),
            ("et", 1, "1 riigita vastaja ei ole ALL-is arvestatud."),
            ("et", 21, "21 riigita vastajat ei ole ALL-is arvestatud."),
            ("lv", 1, "1 respondents bez valsts nav iekļauts ALL."),
            ("lv", 11, "11 respondenti bez valsts nav iekļauti ALL."),
            ("lv", 21, "21 respondents bez valsts nav iekļauts ALL."),
            ("lt", 1, "1 respondentas be šalies neįtrauktas į ALL."),
            ("lt", 9, "9 respondentai be šalies neįtraukti į ALL."),
            ("lt", 12, "12 respondentų be šalies neįtraukta į ALL."),
            ("lt", 21, "21 respondentas be šalies neįtrauktas į ALL."),
            ("lt", 30, "30 respondentų be šalies neįtraukta į ALL."),
            ("ru", 1, "1 респондент без страны не включён в ALL."),
            ("ru", 3, "3 респондента без страны не включены в ALL."),
            ("ru", 11, "11 респондентов без страны не включены в ALL."),
            ("ru", 22, "22 респондента без страны не включены в ALL."),
            ("ru", 25, "25 респондентов без страны не включены в ALL."),
        ]
        for (language, n, sentence) in expected {
            XCTAssertTrue(statement(language, n).contains(sentence), "\(language) \(n): \(statement(language, n))")
        }
        options = AggregationOptions()
        options.weights = .municipality
        XCTAssertTrue(ReportBuilder.weightingStatement(options, prose: ReportProse.forLanguage("ru"), withoutMunicipality: 1)
            .contains("1 респондент, чей муниципалитет не распознан, не относится ни к одному муниципалитету и имеет вес 0"))
        XCTAssertTrue(ReportBuilder.weightingStatement(options, prose: ReportProse.forLanguage("en"), withoutMunicipality: 1)
            .contains("1 respondent whose municipality was not recognised belongs to no municipality and weighs 0"))
        options.weights = .column("w")
        XCTAssertTrue(ReportBuilder.weightingStatement(options, prose: ReportProse.forLanguage("lv"), weighingZero: 31)
            .contains("31 respondenta svars šajā kolonnā ir 0"))
        // ALL withheld where a country's figures are: the Estonian said 'where some country's are'
        // ("kus mõne riigi omad on"), i.e. wherever a country has figures, dropping 'suppressed'.
        XCTAssertTrue(ReportBuilder.weightingStatement(options, prose: ReportProse.forLanguage("et"), regionWithheld: true)
            .contains("ALL-i näitajad on varjatud seal, kus mõne riigi näitajad on varjatud (vastajate arvud on näidatud)"))
    }

    /// A reviewer's reading of the weighting statement: a country's report gave the whole run's
    /// respondents of no recognised municipality as its own (the Latvian report's 2 were an
    /// Estonian and a Lithuanian one), and says now that they are all countries'; under weights a
    /// share shown without its interval, and a change without ▲ or ▼, is said to be withheld, not
    /// found not significant; "fewer than 1 respondents" under --min-cell 1 is left out, and 21
    /// takes the singular in Latvian, Lithuanian and Russian; under --region country-equal "every
    /// respondent counts once" beside "each country weighs the same" is within each country.
    func testTheWeightingStatementSaysWhoseCountsItGivesAndWhatItWithholds() throws {
        let (out, _, _keep) = try report {
            $0.aggregation.weights = .municipality
            $0.waves = [Paths.inputs + "/followup"]
        }
        _ = _keep
        let region = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let latvian = try String(contentsOfFile: out + "/countries/LV.md", encoding: .utf8)
        XCTAssertTrue(region.contains(" 2 respondents whose municipality was not recognised belong to no municipality"), region)
        XCTAssertFalse(region.contains("All countries together: 2"), region)
        XCTAssertTrue(latvian.contains(" Visās valstīs kopā: 2 respondenti, kuru pašvaldība nav atpazīta"), latvian)
        // ALL's demand interval is withheld here (a country pools small municipalities): said once, in the methods.
        XCTAssertEqual(region.components(separatedBy: "- " + ReportProse.english.intervalsWithheld + "\n").count, 2, region)
        XCTAssertTrue(latvian.contains("- " + ReportProse.forLanguage("lv").intervalsWithheld + "\n"))
        let (plain, _, _keepPlain) = try report()
        _ = _keepPlain
        XCTAssertFalse(try String(contentsOfFile: plain + "/report.md", encoding: .utf8).contains(ReportProse.english.intervalsWithheld))

        var options = AggregationOptions()
        options.minCell = 1
        for language in ReportStrings.languages {
            XCTAssertFalse(ReportBuilder.weightingStatement(options, prose: ReportProse.forLanguage(language)).contains(" 1 "), language)
        }
        options.minCell = 21
        let one = ["lv": "no mazāk nekā 21 respondenta,", "lt": "iš mažiau nei 21 respondento,", "ru": "менее чем по 21 респонденту,",
                   "en": "fewer than 21 respondents are", "et": "Vähem kui 21 vastaja põhjal"]
        options.minCell = 5
        let other = ["lv": "no mazāk nekā 5 respondentiem,", "lt": "iš mažiau nei 5 respondentų,", "ru": "менее чем по 5 респондентам,",
                     "en": "fewer than 5 respondents are", "et": "Vähem kui 5 vastaja põhjal"]
        for (language, text) in other {
            XCTAssertTrue(ReportBuilder.weightingStatement(options, prose: ReportProse.forLanguage(language)).contains(text), language)
        }
        options.minCell = 21
        for (language, text) in one {
            XCTAssertTrue(ReportBuilder.weightingStatement(options, prose: ReportProse.forLanguage(language)).contains(text), language)
        }
        options.region = .countryEqual
        XCTAssertTrue(ReportBuilder.weightingStatement(options).hasPrefix("Weighting: within each country every respondent counts once. "
                                                                          + "In the region (ALL) each country weighs the same"))
        options.region = .pooled
        XCTAssertTrue(ReportBuilder.weightingStatement(options).hasPrefix("Weighting: every respondent counts once. "))
    }

    /// The weighting statement under --weights municipality says, in every report language, that the
    /// municipalities shown only pooled (fewer than --min-cell respondents) count as one municipality
    /// of their country (Aggregator's weighting unit): it said each municipality counts equally, which
    /// read as Narva's 2 and Tartu's 4 weighing as two. With --min-cell 1 nothing is pooled, nor said.
    func testMunicipalityWeightingStatesThePooledMunicipalitiesAsOne() {
        var options = AggregationOptions()
        options.weights = .municipality
        options.minCell = 7
        let expected = [
            ("en", "Municipalities with fewer than 7 respondents, shown only together, count as one municipality of their country"),
            ("et", "Alla 7 vastajaga omavalitsused, mida näidatakse ainult koos, loetakse kaalumisel oma riigis üheks omavalitsuseks"),
            ("lv", "Pašvaldības ar mazāk nekā 7 respondentiem, kas rādītas tikai kopā, svēršanā savā valstī skaitās kā viena pašvaldība"),
            ("lt", "Savivaldybės, kuriose mažiau nei 7 respondentų ir kurios rodomos tik kartu, sveriant laikomos viena savo šalies savivaldybe"),
            ("ru", "Муниципалитеты, где менее 7 респондентов, показанные только вместе, при взвешивании считаются в своей стране одним муниципалитетом"),
        ]
        for (language, sentence) in expected {
            let prose = ReportProse.forLanguage(language)
            XCTAssertTrue(ReportBuilder.weightingStatement(options, prose: prose).contains(sentence), language)
            var unpooled = options
            unpooled.minCell = 1
            XCTAssertFalse(ReportBuilder.weightingStatement(unpooled, prose: prose).contains(String(sentence.prefix(12))), language)
            var respondent = options
            respondent.weights = .respondent
            XCTAssertFalse(ReportBuilder.weightingStatement(respondent, prose: prose).contains(String(sentence.prefix(12))), language)
        }
    }

    /// KoboToolbox forms style labels with Markdown and HTML (`**Intercultural** competence`,
    /// `<span style="color:red">Teacher</span>`): the form tools show them plain, the reports
    /// printed the markup (`\*\*Intercultural\*\*` in Markdown, the `<span ...>` tags in tables,
    /// charts and CSVs). Topic and `--by` answer labels are shown without it.
    func testStyledLabelsAreShownPlain() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey", "choices", "settings"] {
            let text = try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            folder.write("form/\(sheet).csv", text
                .replacingOccurrences(of: "topics,intercultural,Intercultural competence and communication,",
                                      with: "topics,intercultural,**Intercultural** competence and communication,")
                .replacingOccurrences(of: "role,teacher,Teacher or education staff,",
                                      with: "role,teacher,\"<span style=\"\"color:red\"\">Teacher</span> or education staff\",")
                .replacingOccurrences(of: "communication,Kultuuridevaheline", with: "communication,<b>Kultuuridevaheline</b>"))
        }
        let (out, _, _keep) = try report {
            $0.instrumentPath = folder.path + "/form"
            $0.aggregation.byQuestion = "role"
        }
        _ = _keep
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("| Intercultural competence and communication |"), report)
        let figures = try String(contentsOfFile: out + "/topic_demand.csv", encoding: .utf8)
        XCTAssertTrue(figures.contains(",intercultural,Intercultural competence and communication,"))
        let byRole = try String(contentsOfFile: out + "/topic_demand_by_role.csv", encoding: .utf8)
        XCTAssertTrue(byRole.contains(",teacher,Teacher or education staff,"))
        let estonian = try String(contentsOfFile: out + "/countries/EE.md", encoding: .utf8)
        XCTAssertTrue(estonian.contains("Kultuuridevaheline pädevus ja suhtlus"), estonian)
        for file in ["report.md", "report.html", "topic_demand.csv", "topic_demand_by_role.csv", "countries/EE.md",
                     "charts/mwds_ALL.svg", "charts/mwds_EE_et.svg"] {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            // The label's own span, raw or escaped (the HTML's figure cells have spans of their own).
            XCTAssertFalse(text.contains("span style") || text.contains("**Inter") || text.contains("\\*\\*") || text.contains("&lt;b&gt;")
                           || text.contains("\\<b\\>"), file)
        }
    }

    /// Chart labels were cut at 46 characters whatever their letters: measured in a browser in
    /// DejaVu Sans at 11px, "Противодействие дезинформации и ложной информ…" is 320 pixels wide,
    /// right-aligned at x = 292, so its first word ran off the chart. Cyrillic text there runs
    /// about 6.96 pixels a character, so at most 41 fit in the 288 pixels left of the bars; an
    /// English label of 254 pixels ("Countering disinformation and misinformation") fits whole.
    func testChartLabelsFitLeftOfThePlot() throws {
        var a = TopicAccumulator()
        for c in [1.0, 2, 3, 2, 1] { a.add(importance: 5, competence: c, demanded: true) }
        let russian = "Противодействие дезинформации и ложной информации"
        let english = "Countering disinformation and misinformation"
        var rows = [TopicFigures(country: "EE", topic: "a", topicLabel: russian, accumulator: a),
                    TopicFigures(country: "EE", topic: "b", topicLabel: english, accumulator: a)]
        rows[0].mwdsRank = 1
        rows[1].mwdsRank = 1
        let chartLabels = ReportStrings.forLanguage("ru").charts
        let svg = Charts.mwdsBars(rows, id: "t", title: "t", labels: chartLabels)
        // The topics' labels, not the colour key's caption, which stands right-aligned above them:
        // the Russian one broken between words onto two lines of at most 41 characters each
        // (it was cut with `…`, its last word lost), the English one whole on one.
        let labels = svg.split(separator: "\n").filter { $0.contains("text-anchor=\"end\">") }.map { line in
            // The text between tags: each piece after a `>` up to the next `<`.
            line.split(separator: "<").compactMap { piece in piece.firstIndex(of: ">").map { String(piece[piece.index(after: $0)...]) } }
                .filter { !$0.isEmpty }
        }.filter { $0 != [chartLabels.quadrantKey] }
        XCTAssertEqual(labels.count, 2)
        XCTAssertEqual(labels[0], ["Противодействие дезинформации и ложной", "информации"])
        XCTAssertTrue(labels[0].allSatisfy { $0.count <= 41 }, "\(labels[0])")
        XCTAssertEqual(labels[1], [english])
        // The Locus-for-Focus list, at 10px in 274 pixels: "4. Working with interpreters and
        // language access" measures 249 and is kept whole (numbered in order: no ranks).
        rows[1].topicLabel = "Working with interpreters and language access"
        let unranked = (rows + [rows[0], rows[1]]).map { row -> TopicFigures in
            var row = row
            row.mwdsRank = nil
            return row
        }
        let locus = Charts.locusScatter(unranked, id: "t", title: "t", labels: ReportStrings.forLanguage(nil).charts)
        XCTAssertTrue(locus.contains(">4. Working with interpreters and language access</text>"), locus)
    }

    // Free text a form marks `report` reaches clean/responses.csv and clean/quarantine.csv with
    // e-mail addresses removed, but a phone number or a personal code typed in it was kept as
    // typed (`call me +372 5123 4567`). Runs of 7 digits or more (with spaces, dashes or
    // brackets between) are removed too; dates, times, years and short figures are kept.
    func testFreeTextKeepsNoPhoneNumbersOrPersonalCodes() {
        let removed: [(String, String)] = [
            ("call me +372 5123 4567 or jane@example.ee", "call me [removed] or [removed]"),
            ("tel. 5123 4567, after 17:00", "tel. [removed], after 17:00"),
            ("Tālr.: 29 123 456.", "Tālr.: [removed]."),
            ("(8-5) 212 3456 darbo laiku", "[removed] darbo laiku"),
            ("+7 (912) 345-67-89", "[removed]"),
            ("isikukood 38001085718", "isikukood [removed]"),
            ("Телефон:+37256781234", "Телефон:[removed]"),
            // Glued to a word (a helper's probe kept these as typed), an IBAN, an address with
            // its `@` spelled out.
            ("ik38001010000", "ik[removed]"), ("isikukood38001010000.", "isikukood[removed]."),
            ("a38001010000b", "a[removed]b"), ("konto EE382200221020145685", "konto EE[removed]"),
            ("kirjutage mari(at)narva.ee või MARI[AT]NARVA.EE", "kirjutage [removed] või [removed]"),
            // Its `@` apart, full-width, or as a browser saves it in a file name; a code with a
            // group after it (a helper's probe: `[removed]-0000`).
            ("laura [at] ogre.lv, Ogre", "[removed] Ogre"), ("jaan＠narva.ee", "[removed]"),
            ("export jaan.tamm%40narva.ee.csv", "export [removed]"), ("kood 4900101-0000 ok", "kood [removed] ok"),
            // A phone number that reads as a date is a phone number in free text.
            ("zvaniet 20260115", "zvaniet [removed]"),
        ]
        for (typed, kept) in removed { XCTAssertEqual(QuarantineWriter.scrub(typed), kept, typed) }
        for kept in ["Sessions on 2025-01-13 10:00 and 13.01.2025", "2019 2020 2021", "budget 1.500.000 EUR",
                     "rooms 101-105, 3 × 45 min", "3.14159265", "version 21 (2022-06-28 08:43:23)", "12345 ab", "COVID19",
                     "meet (at) the office.", "ab123456c", "meeting (at) 10.00"] {
            XCTAssertEqual(QuarantineWriter.scrub(kept), kept)
        }
    }

    // Addresses and numbers a reviewer's probe found kept as typed: the `@` standing apart with
    // nothing spelled (`jonas @ vilnius.lt`), a domain written apart (`narva . ee`), full-width
    // letters and digits (`mari＠narva．ee`, `５１２３４５６７`), a zero-width space or a soft hyphen
    // between the digits (`3800108<SHY>5718` had kept its last four), and dots between a phone
    // number's groups (`+372.5123.4567`). Text with such characters that holds no address or
    // number is kept as typed.
    func testAddressesAndNumbersInOtherFormsAreRemovedToo() {
        let removed: [(String, String)] = [
            ("jonas @ vilnius.lt.csv", "[removed]"), ("write to mari @ narva.ee, thanks", "write to [removed] thanks"),
            ("mari [at] narva . ee.csv", "[removed]"), ("mari (at) narva . ee", "[removed]"),
            ("mari(at)narva . ee ok", "[removed] ok"), ("mari@ narva (dot) ee", "[removed]"), ("mari @narva.ee", "[removed]"),
            ("mari＠narva．ee", "[removed]"), ("tel ５１２３４５６７.csv", "tel [removed].csv"),
            ("tel 5123\u{200B}4567", "tel [removed]"), ("kood 3800108\u{00AD}5718", "kood [removed]"),
            ("tel\u{00A0}+372\u{00A0}5123\u{00A0}4567", "tel\u{00A0}[removed]"), ("tel 5123\u{00A0}4567", "tel [removed]"),
            ("tel +372.5123.4567.csv", "tel [removed].csv"), ("zvaniet 8.612.34567", "zvaniet [removed]"),
            // A second reviewer's: grouped by no-break spaces with no currency beside them (a
            // Latvian mobile), a Cyrillic domain, dotted numbers of four or five groups.
            ("Zvaniet 29\u{00A0}123\u{00A0}456", "Zvaniet [removed]"), ("Tel 29\u{202F}123\u{202F}456", "Tel [removed]"),
            ("Tel. 6\u{00A0}123\u{00A0}456", "Tel. [removed]"), ("ivan@почта.рф", "[removed]"), ("ivan (at) почта . рф", "[removed]"),
            ("8.912.345.67.89", "[removed]"), ("8.612.34.567", "[removed]"),
            // A third reviewer's: a space typed after the domain's dot, the dot spelled inside the
            // word, a phone number with Word's non-breaking hyphens, lines kept as typed.
            ("mari@narva. ee", "[removed]"), ("Kirjutage mari.maasikas@narva. ee või helistage", "Kirjutage [removed] või helistage"),
            ("mari(at)narva(dot)ee", "[removed]"), ("mari@narva(dot)ee", "[removed]"), ("tel 8\u{2011}912\u{2011}345\u{2011}67\u{2011}89", "tel [removed]"),
            ("Kontakt: mari@narva.ee\nAitäh, koolitus oli väga hea!", "Kontakt: [removed]\nAitäh, koolitus oli väga hea!"),
            ("Tel 5123 4567\nmari@narva.ee\nKoolitus oli hea", "Tel [removed]\n[removed]\nKoolitus oli hea"),
            // A fourth: a word that begins as a currency does is none, an address typed whole in any case.
            ("Jautājumiem zvaniet Annai 29 123 456 Eiropas fonda projekta lietās.", "Jautājumiem zvaniet Annai [removed] Eiropas fonda projekta lietās."),
            ("Mari Maasikas, tel 6 123 456 Euroopa Sotsiaalfondi projektijuht", "Mari Maasikas, tel [removed] Euroopa Sotsiaalfondi projektijuht"),
            ("Tel 6 123 456 Eurostat andmetel", "Tel [removed] Eurostat andmetel"), ("Kirjutage Mari.Maasikas@Gmail.Com", "Kirjutage [removed]"),
            ("janis@Ogre.Lv", "[removed]"),
        ]
        for (typed, kept) in removed { XCTAssertEqual(QuarantineWriter.scrub(typed), kept, typed) }
        XCTAssertEqual(QuarantineWriter.scrubName("fu jaan @ narva.ee"), "fu [removed]")
        for kept in ["Sessions on 13.01.2025 and 2025.01.13", "budget 1.500.000 EUR", "3.14159265", "5123.4567",
                     "Tartu\u{00A0}linn ＡＢＣ", "ﬁnance team", "mari @ home", "Twitter @narva", "@ 10.00",
                     "meet (at) the office . Tomorrow", "a\u{200B}b 123",
                     // A reviewer's cases: thousands grouped by no-break spaces, addresses, versions and
                     // dated names with dots, a time or a web page after an `@`, a sentence after a dot.
                     "Eelarve 1\u{00A0}500\u{00A0}000 eurot", "kulud 1\u{202F}234\u{202F}567,89 EUR", "10.0.0.138",
                     "172.16.254.1", "10.0.19045.3803", "2.500.000.00", "ISBN 978.3.16.148410.0", "followup_2026.01.15.1",
                     "LT 2025.01.13.2.csv", "See you @ 10.30am tomorrow", "Info @ www.narva.ee lehel",
                     "Rakvere @ Lääne-Viru . Tere", "Koosolek @10.30", "kl 10.00-12.00", "1. 2. 3.",
                     "€ 1\u{00A0}234\u{00A0}567", "1 500 000 EUR", "192.168.100.200", "1.2.3.4.5.6.7", "2024.11.05.3",
                     "Koolitus @ Tartu.Hea korraldus", "Seminārs @ Cēsis.Paldies", "Встреча @ Нарва.Было хорошо",
                     "1 500 000 eurost", "1\u{00A0}500\u{00A0}000 рубля", "2 000 000 ₽", "rida üks\nrida kaks\tkolm",
                     "Eelarve 1500–2000 eurot", "Grupis 1000–20000 inimest", "Seminar @Tartu. KOV ametnikud", "Kohtume @Tallinn. OK?"] {
            XCTAssertEqual(QuarantineWriter.scrub(kept), kept, kept)
        }
        XCTAssertEqual(QuarantineWriter.scrubName("followup_2026.01.15.1"), "followup_2026.01.15.1")
        // What is kept beside a number removed stays as typed: an ellipsis, `№`, `m²`, a family emoji's joiners.
        XCTAssertEqual(QuarantineWriter.scrub("№ 5 … 20 m² 👨\u{200D}👩\u{200D}👧 tel ５１２３４５６７"),
                       "№ 5 … 20 m² 👨\u{200D}👩\u{200D}👧 tel [removed]")
    }

    /// A file named after its sender (`Mari Tamm mari.tamm@narva.ee 38001010000.csv`, a helper's
    /// probe) had its e-mail address and personal code in the reports' list of source files, in
    /// every country's report and in summary.json. They are removed there as from free text.
    func testSourceFileNamesKeepNoEMailOrPersonalCode() throws {
        let folder = TemporaryFolder()
        var text = PipelineTests.sweepHeader
        for k in 0..<12 { text += PipelineTests.sweepRow("EE", "Narva linn", importance: 1 + k % 5) }
        let file = folder.write("Mari Tamm mari.tamm@narva.ee 38001010000.csv", text)
        let out = TemporaryFolder()
        let options = PipelineTests.sweepOptions([file], out: out)
        _ = try Pipeline.report(options)
        for name in ["report.md", "report.html", "summary.json", "countries/EE.md", "countries/EE.html"] {
            let written = try String(contentsOfFile: options.outputPath + "/" + name, encoding: .utf8)
            XCTAssertFalse(written.contains("narva.ee"), name)
            XCTAssertFalse(written.contains("38001010000"), name)
            // (Markdown escapes the brackets.)
            XCTAssertTrue(written.contains("Mari Tamm [removed] [removed].csv") || written.contains(#"Mari Tamm \[removed\] \[removed\].csv"#), name)
        }
    }

    /// The response dates are the whole run's: a country's report stated them beside a blanked
    /// country whose lone respondent dated their end (a helper's probe: LT's 2025-03-17 in EE.md).
    /// A country's report states them only when no country's count is blanked.
    func testACountryReportGivesNoDateOfABlankedCountry() throws {
        let folder = TemporaryFolder()
        func rows(_ lt: Int) -> String {
            var text = "date," + PipelineTests.sweepHeader
            for k in 0..<12 { text += "2025-01-\(10 + k)," + PipelineTests.sweepRow("EE", "Narva linn", importance: 1 + k % 5) }
            for k in 0..<lt { text += "2025-03-\(17 + k)," + PipelineTests.sweepRow("LT", "Alytaus miesto savivaldybė") }
            return text
        }
        let out = TemporaryFolder()
        var options = PipelineTests.sweepOptions([folder.write("one.csv", rows(1))], out: out)
        _ = try Pipeline.report(options)
        let estonia = try String(contentsOfFile: options.outputPath + "/countries/EE.md", encoding: .utf8)
        XCTAssertFalse(estonia.contains("2025-03-17"), estonia)
        XCTAssertFalse(estonia.contains("2025-01-10 –"), estonia)
        XCTAssertTrue(try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8).contains("2025-01-10 – 2025-03-17"))
        // Five in LT: no count blanked, the dates stated.
        options.inputs = [folder.write("five.csv", rows(5))]
        _ = try Pipeline.report(options)
        let shown = try String(contentsOfFile: options.outputPath + "/countries/EE.md", encoding: .utf8)
        XCTAssertTrue(shown.contains("2025-01-10 – 2025-03-21"), shown)
    }

    /// A wave named after its sender (its folder or file), an input not read, and the files of
    /// the instrument and plan: the reports and summary.json had named them as typed, e-mail
    /// address, phone number and all, in waves.csv, the headings, the charts and their file names
    /// (a helper's probe).
    func testWaveAndOtherInputNamesKeepNoEMailOrPhone() throws {
        let folder = TemporaryFolder()
        let follow = try String(contentsOfFile: Paths.inputs + "/followup/EE_followup_2026.csv", encoding: .utf8)
        let wave = folder.write("Narva mari.tamm@narva.ee +372 5123 4567.csv", follow)
        var options = WaveComparisonTests.reportOptions(folder, inputs: [Paths.inputs + "/responses", folder.path + "/missing jaan@narva.ee.csv"],
                                                        waves: [wave])
        options.planPath = Paths.inputs + "/plan.csv"
        _ = try Pipeline.report(options)
        var written: [String] = []
        for entry in try FileManager.default.subpathsOfDirectory(atPath: options.outputPath) where !entry.hasPrefix("clean") {
            written.append(entry)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: options.outputPath + "/" + entry, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let text = try String(contentsOfFile: options.outputPath + "/" + entry, encoding: .utf8)
            XCTAssertFalse(text.contains("narva.ee"), entry)
            XCTAssertFalse(text.contains("5123 4567") || text.contains("5123_4567"), entry)
        }
        XCTAssertFalse(written.contains { $0.contains("narva") || $0.contains("5123") }, "\(written)")
        let waves = try String(contentsOfFile: options.outputPath + "/waves.csv", encoding: .utf8)
        XCTAssertTrue(waves.contains("\nNarva [removed] [removed].csv,"), waves)
        XCTAssertTrue(try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8).contains("\"path\": \"missing [removed]"))
    }

    /// A name's date stamp of eight digits is kept (two waves `followup_20260115` and
    /// `followup_20260615` had both become `followup_[removed]`; a reviewer's case); a code or
    /// phone number in a name is not.
    func testNamesKeepTheirDateStamps() {
        XCTAssertEqual(QuarantineWriter.scrubName("followup_20260115"), "followup_20260115")
        XCTAssertEqual(QuarantineWriter.scrubName("vastused 15012026.csv"), "vastused 15012026.csv")
        XCTAssertEqual(QuarantineWriter.scrubName("Mari 38001010000 tel 51234567.csv"), "Mari [removed] tel [removed].csv")
        XCTAssertEqual(InputFiles.waveNames(["/w/followup_20260115", "/w/followup_20260615"]), ["followup_20260115", "followup_20260615"])
    }

    /// A submission ID is no phone number: clean/quarantine.csv keeps a Kobo `_id` of 9 digits,
    /// which names the row at the source.
    func testQuarantineKeepsLongSubmissionIDs() throws {
        let folder = TemporaryFolder()
        let header = PipelineTests.sweepHeader.replacingOccurrences(of: "\n", with: ",_id,_validation_status\n")
        let row = PipelineTests.sweepRow("EE", "Tartu linn").replacingOccurrences(of: "\n", with: ",209876543,Not Approved\n")
        let out = TemporaryFolder()
        let options = PipelineTests.sweepOptions([folder.write("kobo.csv", header + row)], out: out)
        _ = try Pipeline.report(options)
        let quarantine = try String(contentsOfFile: options.outputPath + "/clean/quarantine.csv", encoding: .utf8)
        XCTAssertTrue(quarantine.contains("209876543"), quarantine)
    }

    /// A run whose region count is blanked (fewer than `--min-cell` respondents in all) does not
    /// give it back in the data quality section or summary.json's totals: "Who answered" showed
    /// "–" for the region while both said 3 respondents.
    func testABlankedRegionCountIsWithheldFromTheTotals() throws {
        let folder = TemporaryFolder()
        let text = PipelineTests.sweepHeader + String(repeating: PipelineTests.sweepRow("EE", "Tartu linn"), count: 3)
        let out = TemporaryFolder()
        let options = PipelineTests.sweepOptions([folder.write("pilot.csv", text)], out: out)
        _ = try Pipeline.report(options)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("| Region (ALL) | – |"), report)
        XCTAssertFalse(report.contains("3 respondent(s)"), report)
        XCTAssertFalse(report.contains("3 record(s)"), report)
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        let totals = try XCTUnwrap(summary.split(separator: "\n").first { $0.contains("\"totals\"") })
        XCTAssertTrue(totals.contains("\"records_read\": null, \"respondents\": null,"), String(totals))
    }

    /// Nor its response dates: a Kobo pilot of 3 (submitted 2025-01-13, 14 and 15) showed every
    /// count as "–" but 'Response dates: 2025-01-13 – 2025-01-15', the first and last
    /// respondents' own days. The sample's 42 (from 2025-01-13 to 2025-01-21) keep theirs.
    func testABlankedRegionShowsNoResponseDates() throws {
        let export = try String(contentsOfFile: Paths.inputs + "/responses/EE_kobo_xml.csv", encoding: .utf8)
        let lines = export.components(separatedBy: "\r\n")
        for (rows, shown) in [(3, false), (lines.count - 1, true)] {
            let folder = TemporaryFolder()
            let out = TemporaryFolder()
            let options = PipelineTests.sweepOptions([folder.write("kobo.csv", lines.prefix(rows + 1).joined(separator: "\r\n"))],
                                                     out: out)
            _ = try Pipeline.report(options)
            for file in ["report.md", "countries/EE.md"] {
                let report = try String(contentsOfFile: options.outputPath + "/" + file, encoding: .utf8)
                XCTAssertEqual(report.contains("2025-01-13 – "), shown, "\(rows) rows, \(file)")
            }
        }
    }
}

/// A flag two threads share.
private final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// Counts in the reports' prose and tables have their thousands grouped as each language writes
/// them; the CSVs keep plain digits. Expected strings are ICU's (Foundation's NumberFormatter,
/// `.decimal` style, on this machine): en `1,234`; lt and ru `1 234` (U+00A0); et and lv `1234`
/// but `12 345` (CLDR's minimumGroupingDigits 2).
final class DigitGroupingTests: XCTestCase {
    func testEachLanguageGroupsAsCLDRSays() {
        let nbsp = "\u{00A0}"
        let cases: [(String, [String])] = [
            ("en", ["7", "999", "1,234", "12,345", "1,000,000", "-1,234"]),
            ("et", ["7", "999", "1234", "12\(nbsp)345", "1\(nbsp)000\(nbsp)000", "-1234"]),
            ("lv", ["7", "999", "1234", "12\(nbsp)345", "1\(nbsp)000\(nbsp)000", "-1234"]),
            ("lt", ["7", "999", "1\(nbsp)234", "12\(nbsp)345", "1\(nbsp)000\(nbsp)000", "-1\(nbsp)234"]),
            ("ru", ["7", "999", "1\(nbsp)234", "12\(nbsp)345", "1\(nbsp)000\(nbsp)000", "-1\(nbsp)234"]),
        ]
        for (language, expected) in cases {
            let prose = ReportProse.forLanguage(language)
            XCTAssertEqual([7, 999, 1234, 12345, 1_000_000, -1234].map(prose.number), expected, language)
        }
    }

    /// 12,000 respondents: "Who answered", the source files and the data-quality sentence group
    /// them, in English and in a Lithuanian country report; topic_demand.csv does not.
    func testReportsGroupCountsAndCSVsDoNot() throws {
        let folder = TemporaryFolder()
        var options = SurveySynthesizer.Options()
        options.rows = 12_000
        let path = folder.path + "/export.csv"
        try SurveySynthesizer.write(instrumentPath: Paths.inputs + "/instrument", options: options, to: path)
        var run = RunOptions()
        run.instrumentPath = Paths.inputs + "/instrument"
        run.inputs = [path]
        run.outputPath = folder.path + "/out"
        run.language = "lt"
        let outcome = try Pipeline.report(run)
        XCTAssertEqual(outcome.respondents, 12_000)
        let report = try String(contentsOfFile: run.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("| Region (ALL) | 12,000 |"), report)
        XCTAssertTrue(report.contains("records read: 12,000; respondents: 12,000,"), report)
        XCTAssertTrue(report.contains("(KoboToolbox, 12,000)"), report)
        let lithuanian = try String(contentsOfFile: run.outputPath + "/countries/LT.md", encoding: .utf8)
        XCTAssertTrue(lithuanian.contains("12\u{00A0}000"), lithuanian)
        XCTAssertFalse(lithuanian.contains("12,000") || lithuanian.contains("12000"), lithuanian)
        let table = try String(contentsOfFile: run.outputPath + "/topic_demand.csv", encoding: .utf8)
        XCTAssertTrue(table.contains(",12000,"), table)
        XCTAssertFalse(table.contains("12,000") || table.contains("\u{00A0}"))
    }

    /// An issue count grouped with a comma (`1,001`) is not run on into the list with commas:
    /// the list's counts are then set apart with semicolons.
    func testIssueCountsWithThousandsAreSetApartBySemicolons() throws {
        let folder = TemporaryFolder()
        let rows = ["country,municipality,role,imp_intercultural,comp_intercultural"]
            + (0..<1000).map { "EE,Tallinn,teacher,kinda important,\($0 % 5 + 1)" } + ["Narnia,Tallinn,teacher,3,3"]
        var run = RunOptions()
        run.instrumentPath = Paths.inputs + "/instrument"
        run.inputs = [folder.write("a.csv", rows.joined(separator: "\n") + "\n")]
        run.outputPath = folder.path + "/out"
        _ = try Pipeline.report(run)
        let report = try String(contentsOfFile: run.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("Issues found: `country_inferred` 1; `identical_row` 995; `questions_missing` 1; `unknown_value` 1,001."), report)
    }
}

