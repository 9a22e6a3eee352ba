import Foundation
import XCTest
@testable import NeedsKit

/// Wave changes against SciPy (scripts/reference_statistics.py) to 1e-9: independent samples
/// (Welch, Newcombe) and a panel (paired t); topics added or renamed between waves.
final class WaveComparisonTests: XCTestCase {
    static func instrument(topics: [(String, String)] = [("alpha", "Alpha"), ("beta", "Beta")]) throws -> Instrument {
        let folder = TemporaryFolder()
        return try InstrumentLoader.load(writeInstrument(folder, topics: topics))
    }

    /// The panel instrument's sheets in `folder/i`; returns that path.
    static func writeInstrument(_ folder: TemporaryFolder, topics: [(String, String)] = [("alpha", "Alpha"), ("beta", "Beta")]) -> String {
        var survey = "type,name,label,topic,measure,panel\ntext,code,Code,,,yes\nselect_one country,country,Country,,,\ntext,municipality,Municipality,,,\n"
        for (t, _) in topics {
            survey += "select_one scale,imp_\(t),Importance,\(t),importance,\nselect_one scale,comp_\(t),Competence,\(t),competence,\n"
        }
        survey += "select_multiple topics,training_wanted,Training,,demand,\n"
        var choices = "list_name,name,label\ncountry,EE,Estonia\ncountry,LV,Latvia\n"
        for k in 1...5 { choices += "scale,\(k),\(k)\n" }
        for (t, label) in topics { choices += "topics,\(t),\(label)\n" }
        folder.write("i/survey.csv", survey)
        folder.write("i/choices.csv", choices)
        folder.write("i/settings.csv", "form_id,version\nwaves,1\n")
        return folder.path + "/i"
    }

    static func respondents(_ wave: String, _ instrument: Instrument) throws -> [Respondent] {
        let path = Paths.repository + "/Tests/NeedsKitTests/Fixtures/reference/waves_\(wave).csv"
        var header: [String] = []
        var result: [Respondent] = []
        try CSVReader(path: path).read(diagnose: { _ in }) { record in
            if record.isHeader { header = record.fields; return }
            var answers = [Answer?](repeating: nil, count: instrument.questions.count)
            var country = "", municipality = ""
            for (i, name) in header.enumerated() {
                let value = record[i]
                switch name {
                case "country": country = value
                case "municipality": municipality = value
                case "code": answers[instrument.questionIndex["code"]!] = .text(value)
                case "training_wanted": answers[instrument.questionIndex[name]!] = .choices(value.split(separator: " ").map(String.init))
                default: if !value.isEmpty, let q = instrument.questionIndex[name] { answers[q] = .choice(value) }
                }
            }
            result.append(Respondent(id: "\(wave)\(record.index)", sourceFile: wave, sourceLine: record.line, country: country,
                                     municipalityCode: municipality, municipalityName: municipality, role: nil, submitted: nil, answers: answers))
        }
        return result
    }

    func build(_ wave: String, _ instrument: Instrument) throws -> (Aggregator, PanelRatings?) {
        let aggregator = Aggregator(instrument: instrument)
        var panel: PanelRatings? = PanelRatings()
        for r in try Self.respondents(wave, instrument) {
            aggregator.add(r)
            Pipeline.record(r, instrument: instrument, aggregator: aggregator, into: &panel)
        }
        return (aggregator, panel)
    }

    func expected(_ design: String) throws -> [String: [String: Double]] {
        let url = URL(fileURLWithPath: Paths.repository + "/Tests/NeedsKitTests/Fixtures/reference/waves_expected.json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try XCTUnwrap((json["waves"] as? [String: Any])?[design] as? [String: [String: Double]])
    }

    /// A run of the sample instrument over `inputs` (in `folder`) with `waves`, writing `folder/reports`.
    static func reportOptions(_ folder: TemporaryFolder, inputs: [String], waves: [String]) -> RunOptions {
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = inputs
        options.waves = waves
        options.outputPath = folder.path + "/reports"
        return options
    }

    /// An export of eight Estonian respondents rating `partnerships`, with a weight column `w` when asked.
    static func exportRows(weights: Bool = false) -> String {
        var rows = "country,municipality,imp_partnerships,comp_partnerships" + (weights ? ",w\n" : "\n")
        for k in 0..<8 { rows += "EE,Tallinn,\(k % 5 + 1),2" + (weights ? ",\(k % 3 + 1)\n" : "\n") }
        return rows
    }

    func testIndependentWavesMatchSciPy() throws {
        let instrument = try Self.instrument()
        let (before, _) = try build("before", instrument)
        let (after, _) = try build("after", instrument)
        let changes = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: nil, minCell: 5)
        let reference = try expected("independent")
        XCTAssertEqual(reference.count, 6)
        for (key, e) in reference {
            let parts = key.split(separator: " ").map(String.init)
            let c = try XCTUnwrap(changes.first { $0.country == parts[0] && $0.topic == parts[1] }, key)
            XCTAssertEqual(c.design, .independent)
            XCTAssertEqual(c.competenceChange!, e["competence_change"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.competenceCI!.low, e["competence_low"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.competenceCI!.high, e["competence_high"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.gapChange!, e["gap_change"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.gapCI!.low, e["gap_low"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.gapCI!.high, e["gap_high"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.demandChange!, e["demand_change"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.demandCI!.low, e["demand_low"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.demandCI!.high, e["demand_high"]!, accuracy: 1e-9, key)
        }
    }

    func testPanelWavesArePairedAndMatchSciPy() throws {
        let instrument = try Self.instrument()
        XCTAssertEqual(instrument.panelQuestion?.name, "code")
        let (before, pb) = try build("before", instrument)
        let (after, pa) = try build("after", instrument)
        let changes = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: (pb!, pa!), minCell: 5)
        for (key, e) in try expected("paired") {
            let parts = key.split(separator: " ").map(String.init)
            let c = try XCTUnwrap(changes.first { $0.country == parts[0] && $0.topic == parts[1] }, key)
            XCTAssertEqual(c.design, .paired)
            XCTAssertEqual(c.nMatched.map(Double.init), e["matched"]!, key)
            XCTAssertEqual(c.competenceChange!, e["competence_change"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.competenceCI!.low, e["competence_low"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.competenceCI!.high, e["competence_high"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.gapChange!, e["gap_change"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.gapCI!.low, e["gap_low"]!, accuracy: 1e-9, key)
            XCTAssertEqual(c.gapCI!.high, e["gap_high"]!, accuracy: 1e-9, key)
        }
    }

    /// A panel instrument whose follow-up was answered by other respondents (no code in both
    /// waves): the changes are those of independent samples. They were "paired" with 0 matched,
    /// every change and interval blank.
    func testAPanelWithNoRespondentInBothWavesIsComparedAsIndependentSamples() throws {
        let instrument = try Self.instrument()
        let (before, pb) = try build("before", instrument)
        let (after, pa) = try build("after", instrument)
        var others = PanelRatings()
        for (code, ratings) in pa!.respondents { others.respondents["new-" + code] = ratings }
        let changes = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: (pb!, others), minCell: 5)
        let independent = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: nil, minCell: 5)
        XCTAssertEqual(changes, independent)
        XCTAssertEqual(Set(changes.map(\.design)), [.independent])
        XCTAssertTrue(changes.allSatisfy { $0.competenceChange != nil && $0.competenceCI != nil }, "\(changes)")
    }

    /// Waves compared as independent samples match nobody: waves.csv's n_matched is blank for
    /// them (it read 0, as if a panel had been tried and nobody found), and a count for a panel.
    func testNMatchedIsBlankForIndependentSamples() throws {
        let instrument = try Self.instrument()
        let (before, pb) = try build("before", instrument)
        let (after, pa) = try build("after", instrument)
        let independent = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: nil, minCell: 5)
        let paired = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: (pb!, pa!), minCell: 5)
        func column(_ changes: [WaveChange], _ name: String) -> [String] {
            let lines = WavesTable.render(changes).split(separator: "\r\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            let index = lines[0].firstIndex(of: name)!
            return lines.dropFirst().map { $0[index] }
        }
        XCTAssertFalse(independent.isEmpty)
        XCTAssertEqual(Set(column(independent, "design")), ["independent"])
        XCTAssertEqual(Set(column(independent, "n_matched")), [""])
        // The codes in both waves' fixtures, counted from the fixtures themselves.
        let codes = { (wave: String) in try Set(Self.respondents(wave, instrument).map { $0.answer(instrument.questionIndex["code"]!)!.cleanValue.lowercased() }) }
        let both = try codes("before").intersection(codes("after")).count
        XCTAssertGreaterThan(both, 0)
        let all = paired.filter { $0.country == "ALL" }
        XCTAssertEqual(Set(column(all, "n_matched")), [String(both)])
    }

    /// Under `--weights municipality` a scope whose effective_n its tables withhold (EE pools Narva's 2
    /// and Tartu's 4 beside Tallinn's 20; ALL with it) shows no interval of an independent change:
    /// Newcombe's rests on Wilson's on the effective n of each wave, so EE's disinformation change,
    /// 0 of 0 in both waves, had the bounds ±z²/(n + z²) = ±0.254545227624, n = 11.25, EE's Kish n
    /// 9 / (1/20 + 1/2 + 1/4) that gave the two municipalities' counts back (ALL's likewise), and
    /// Welch's beside the tables' t intervals gives the n back as well. The changes stay; LV, Rīga
    /// alone, keeps its interval: ±z²/(20 + z²) = ±0.161125158053.
    func testNoChangeIntervalGivesBackAWithheldEffectiveCount() throws {
        let folder = TemporaryFolder()
        let text = pooledMunicipalitiesExport()
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("r.csv", text)]
        options.waves = [folder.write("wave/r.csv", text.replacingOccurrences(of: "\n", with: "\r\n"))]
        options.outputPath = folder.path + "/out"
        options.aggregation.weights = .municipality
        _ = try Pipeline.report(options)
        let lines = try csvTable(options.outputPath + "/waves.csv")
        func value(_ scope: String, _ topic: String, _ column: String) throws -> String {
            let row = try XCTUnwrap(lines.first { $0[1] == scope && $0[2] == topic }, "\(scope) \(topic)")
            return row[try XCTUnwrap(lines[0].firstIndex(of: column))]
        }
        let intervals = ["competence_change_ci_low", "competence_change_ci_high", "gap_change_ci_low", "gap_change_ci_high",
                         "demand_share_change_ci_low", "demand_share_change_ci_high"]
        for scope in ["EE", "ALL"] {
            for topic in ["disinformation", "intercultural"] {
                for column in intervals { XCTAssertEqual(try value(scope, topic, column), "", "\(scope) \(topic) \(column)") }
            }
            XCTAssertEqual(try value(scope, "disinformation", "demand_share_change"), "0.000000000000")
        }
        XCTAssertEqual(try value("LV", "disinformation", "demand_share_change_ci_high"), "0.161125158053")
        XCTAssertEqual(try value("LV", "intercultural", "demand_share_change_ci_low"), "-0.161125158053")
    }

    /// A country's paired change blanked for too few matched respondents was given back by ALL's,
    /// a mean over every matched respondent. EE, LV and LT 10 respondents each in both waves, every
    /// EE and LV respondent matched and 3 of LT's; competence rose by 1 in EE, stayed in LV and rose
    /// by 3 for LT's three (importance 5 throughout). ALL's change, (10 × 1 + 10 × 0 + 3 × 3) / 23 =
    /// 0.826086956522 over 23 matched, less EE's 10 × 1 and LV's 10 × 0, over 23 − 20, gave LT's
    /// 3 back (blank: 3 matched, under --min-cell 5), and its gap change likewise. ALL's paired
    /// changes are blank then; with all 10 of LT's matched, ALL's is (10 + 0 + 10 × 3) / 30.
    func testRegionPairedChangeDoesNotGiveBackACountrys() throws {
        let instrument = try Self.instrument(topics: [("alpha", "Alpha")])
        let question = instrument.questionIndex
        for ltMatched in [3, 10] {
            func wave(_ name: String) -> (Aggregator, PanelRatings) {
                let aggregator = Aggregator(instrument: instrument)
                var panel: PanelRatings? = PanelRatings()
                for (country, competence) in [("EE", name == "before" ? 2 : 3), ("LV", 2), ("LT", name == "before" ? 1 : 4)] {
                    for k in 0..<10 {
                        // LT's respondents past the matched ones give the later wave codes of their own.
                        let code = country == "LT" && k >= ltMatched && name == "after" ? "\(country)x\(k)" : "\(country)\(k)"
                        var answers = [Answer?](repeating: nil, count: instrument.questions.count)
                        answers[question["code"]!] = .text(code)
                        answers[question["imp_alpha"]!] = .choice("5")
                        answers[question["comp_alpha"]!] = .choice(String(competence))
                        let r = Respondent(id: name + code, sourceFile: name, sourceLine: k + 2, country: country, municipalityCode: "m",
                                           municipalityName: "m", role: nil, submitted: nil, answers: answers)
                        aggregator.add(r)
                        Pipeline.record(r, instrument: instrument, aggregator: aggregator, into: &panel)
                    }
                }
                return (aggregator, panel!)
            }
            let (before, pb) = wave("before"), (after, pa) = wave("after")
            let changes = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: (pb, pa), minCell: 5)
            func change(_ scope: String) throws -> WaveChange { try XCTUnwrap(changes.first { $0.country == scope && $0.topic == "alpha" }) }
            XCTAssertEqual(try change("EE").competenceChange ?? .nan, 1, accuracy: 1e-12)
            XCTAssertEqual(try change("LV").competenceChange ?? .nan, 0, accuracy: 1e-12)
            XCTAssertEqual(try change("ALL").nMatched, 20 + ltMatched)
            if ltMatched == 3 {
                XCTAssertNil(try change("LT").competenceChange)
                XCTAssertNil(try change("ALL").competenceChange)
                XCTAssertNil(try change("ALL").competenceCI)
                XCTAssertNil(try change("ALL").gapChange)
                XCTAssertNil(try change("ALL").gapCI)
                XCTAssertEqual(try change("ALL").note, "suppressed so that a country's change cannot be worked out from it")
                XCTAssertEqual(ReportProse.forLanguage("et").waveNote(try change("ALL").note),
                               "varjatud, et riigi muutust ei saaks sellest tuletada")
            } else {
                XCTAssertEqual(try change("LT").competenceChange ?? .nan, 3, accuracy: 1e-12)
                XCTAssertEqual(try change("ALL").competenceChange ?? .nan, 4.0 / 3, accuracy: 1e-12)
                XCTAssertEqual(try change("ALL").gapChange ?? .nan, -4.0 / 3, accuracy: 1e-12)
            }
        }
    }

    /// Respondents of no known country are matched in ALL alone: with every country's paired
    /// change published, ALL's less theirs is the no-country respondents' own. EE's 10 (competence
    /// +1) and LV's 10 (0) matched, and 8 of no country in each wave (enough for the tables), of
    /// whom 3 matched (+3, importance 5 throughout): ALL's
    /// (10 × 1 + 10 × 0 + 3 × 3) / 23 = 0.826086956522 over 23 matched, less EE's 10 and LV's 0,
    /// over 23 − 20, gave the three's +3 back, a cell under --min-cell 5. ALL's changes are blank
    /// then; with 5 of no country, ALL's is (10 + 0 + 5 × 3) / 25 = 1 and gap −1.
    func testRegionPairedChangeDoesNotGiveBackFewRespondentsOfNoCountry() throws {
        let instrument = try Self.instrument(topics: [("alpha", "Alpha")])
        let question = instrument.questionIndex
        for unknown in [3, 5] {
            func wave(_ name: String) -> (Aggregator, PanelRatings) {
                let aggregator = Aggregator(instrument: instrument)
                var panel: PanelRatings? = PanelRatings()
                for (country, n, competence) in [("EE", 10, name == "before" ? 2 : 3), ("LV", 10, 2),
                                                 ("", 8, name == "before" ? 1 : 4)] {
                    for k in 0..<n {
                        // Those of no country past the matched ones give the later wave codes of their own.
                        let code = country.isEmpty && k >= unknown && name == "after" ? "px\(k)" : "\(country)p\(k)"
                        var answers = [Answer?](repeating: nil, count: instrument.questions.count)
                        answers[question["code"]!] = .text(code)
                        answers[question["imp_alpha"]!] = .choice("5")
                        answers[question["comp_alpha"]!] = .choice(String(competence))
                        let r = Respondent(id: name + code, sourceFile: name, sourceLine: k + 2, country: country,
                                           municipalityCode: country.isEmpty ? "" : "m", municipalityName: country.isEmpty ? "" : "m",
                                           role: nil, submitted: nil, answers: answers)
                        aggregator.add(r)
                        Pipeline.record(r, instrument: instrument, aggregator: aggregator, into: &panel)
                    }
                }
                return (aggregator, panel!)
            }
            let (before, pb) = wave("before"), (after, pa) = wave("after")
            let changes = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: (pb, pa), minCell: 5)
            func change(_ scope: String) throws -> WaveChange { try XCTUnwrap(changes.first { $0.country == scope && $0.topic == "alpha" }) }
            XCTAssertEqual(try change("EE").competenceChange ?? .nan, 1, accuracy: 1e-12)
            XCTAssertEqual(try change("LV").competenceChange ?? .nan, 0, accuracy: 1e-12)
            XCTAssertEqual(try change("ALL").nMatched, 20 + unknown)
            if unknown == 3 {
                XCTAssertNil(try change("ALL").competenceChange)
                XCTAssertNil(try change("ALL").competenceCI)
                XCTAssertNil(try change("ALL").gapChange)
                XCTAssertNil(try change("ALL").gapCI)
                XCTAssertEqual(try change("ALL").note, "suppressed so that a smaller cell cannot be worked out from totals")
            } else {
                XCTAssertEqual(try change("ALL").competenceChange ?? .nan, 1, accuracy: 1e-12)
                XCTAssertEqual(try change("ALL").gapChange ?? .nan, -1, accuracy: 1e-12)
            }
        }
    }

    /// A panel with respondents enough matched, of whom too few rated a topic in both waves: the
    /// change is blank, and the note says why (it was blank with no note).
    func testTooFewAnsweredPairsAreExplained() throws {
        let instrument = try Self.instrument()
        let (before, pb) = try build("before", instrument)
        let (after, pa) = try build("after", instrument)
        // Every respondent of the follow-up but three leaves beta unrated in the panel ratings.
        var sparse = pa!
        for (index, code) in sparse.respondents.keys.sorted().enumerated() where index >= 3 {
            sparse.respondents[code]!.ratings["beta"] = nil
        }
        let changes = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: (pb!, sparse), minCell: 5)
        let beta = try XCTUnwrap(changes.first { $0.country == "ALL" && $0.topic == "beta" })
        XCTAssertGreaterThanOrEqual(beta.nMatched ?? 0, 5)
        XCTAssertNil(beta.competenceChange)
        XCTAssertNil(beta.gapChange)
        XCTAssertEqual(beta.note, "fewer than 5 matched respondents rated the topic in both waves")
        XCTAssertEqual(ReportProse.forLanguage("et").waveNote(beta.note), "alla 5 seotud vastaja hindas teemat mõlemas laines")
        let alpha = try XCTUnwrap(changes.first { $0.country == "ALL" && $0.topic == "alpha" })
        XCTAssertNotNil(alpha.competenceChange)
        XCTAssertEqual(alpha.note, "")
    }

    /// Respondent codes are typed by the respondents, in each wave: one typed in other capitals
    /// (`P0` then `p0`) is the same person. Such respondents were not paired.
    func testPanelCodesInOtherCapitalsArePaired() throws {
        let instrument = try Self.instrument()
        let (_, pb) = try build("before", instrument)
        let code = try XCTUnwrap(instrument.questionIndex["code"])
        let aggregator = Aggregator(instrument: instrument)
        var capitals: PanelRatings? = PanelRatings()
        for var r in try Self.respondents("after", instrument) {
            r.answers[code] = .text(r.answer(code)!.cleanValue.uppercased())
            Pipeline.record(r, instrument: instrument, aggregator: aggregator, into: &capitals)
        }
        let (_, pa) = try build("after", instrument)
        XCTAssertEqual(Set(capitals!.respondents.keys), Set(pa!.respondents.keys))
        XCTAssertEqual(WaveComparison.pairedDifferences(pb!, capitals!, scope: "ALL", topic: "alpha").2,
                       WaveComparison.pairedDifferences(pb!, pa!, scope: "ALL", topic: "alpha").2)
        XCTAssertGreaterThan(WaveComparison.pairedDifferences(pb!, capitals!, scope: "ALL", topic: "alpha").2, 0)
    }

    /// A code two respondents of a wave gave (two people chose the same, or one answered twice):
    /// the later one silently took the code's place and was paired. Neither is paired, and the
    /// cleaning log says how many codes were repeated (not which: codes are never written).
    func testARepeatedPanelCodeIsNotPaired() throws {
        let instrument = try Self.instrument()
        let (_, pb) = try build("before", instrument)
        let (_, pa) = try build("after", instrument)
        let code = try XCTUnwrap(instrument.questionIndex["code"])
        let aggregator = Aggregator(instrument: instrument)
        var repeated: PanelRatings? = PanelRatings()
        let respondents = try Self.respondents("after", instrument)
        for r in respondents { Pipeline.record(r, instrument: instrument, aggregator: aggregator, into: &repeated) }
        var again = try XCTUnwrap(respondents.first { pb!.respondents[$0.answer(code)!.cleanValue] != nil })
        again.answers[code] = .text(again.answer(code)!.cleanValue.uppercased())
        Pipeline.record(again, instrument: instrument, aggregator: aggregator, into: &repeated)
        XCTAssertEqual(repeated!.repeatedCodes, [again.answer(code)!.cleanValue.lowercased()])
        let matched = WaveComparison.pairedDifferences(pb!, pa!, scope: "ALL", topic: "alpha").2
        XCTAssertEqual(WaveComparison.pairedDifferences(pb!, repeated!, scope: "ALL", topic: "alpha").2, matched - 1)
        let issue = try XCTUnwrap(repeated!.repeatedCodesIssue(question: "code", wave: "wave `after`"))
        // The first code given again is named by its file and line, so that the rows can be found
        // (the codes are not written: a probe's "the duplicate can't be found").
        XCTAssertEqual(issue.message, "1 respondent code(s) of wave `after` were each given by more than one respondent "
                       + "(the first given again at \(again.sourceFile) line \(again.sourceLine)): they are left out of the paired changes")
        // A code typed with spaces inside, or a no-break space, is the same code (`R 001` had been
        // left unmatched without a word: a probe's).
        XCTAssertEqual(PanelRatings.key(" R 001\u{00A0}"), "r001")
        var spaced: PanelRatings? = PanelRatings()
        for r in respondents { Pipeline.record(r, instrument: instrument, aggregator: aggregator, into: &spaced) }
        var apart = again
        let typed = again.answer(code)!.cleanValue
        apart.answers[code] = .text(String(typed.prefix(1)) + " " + String(typed.dropFirst()))
        Pipeline.record(apart, instrument: instrument, aggregator: aggregator, into: &spaced)
        XCTAssertEqual(spaced!.repeatedCodes, [typed.lowercased()])
        XCTAssertNil(pa!.repeatedCodesIssue(question: "code", wave: "wave `after`"))
        // A run says so in its cleaning log.
        let folder = TemporaryFolder()
        let fixtures = Paths.repository + "/Tests/NeedsKitTests/Fixtures/reference/"
        let after = try String(contentsOfFile: fixtures + "waves_after.csv", encoding: .utf8)
        folder.write("after/after.csv", after + after.split(separator: "\n")[1].uppercased() + "\n")
        var options = Self.reportOptions(folder, inputs: [fixtures + "waves_before.csv"], waves: [folder.path + "/after"])
        options.instrumentPath = Self.writeInstrument(folder)
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.issueCounts[CleaningIssue.Kind(code: "panel_code_repeated", severity: .warning)], 1)
    }

    /// The follow-up renamed `beta` (same key, new label) and added `gamma`; `alpha` was dropped.
    func testTopicsAreMatchedByKeyAndMissingOnesReported() throws {
        let baseline = try Self.instrument()
        let followUp = try Self.instrument(topics: [("beta", "Beta renamed"), ("gamma", "Gamma")])
        let (before, _) = try build("before", baseline)
        let (after, _) = try build("after", followUp)
        let changes = WaveComparison.compare(wave: "after", baseline: before, later: after, panels: nil, minCell: 5)
        let all = changes.filter { $0.country == "ALL" }
        XCTAssertEqual(all.map(\.topic), ["alpha", "beta", "gamma"])
        XCTAssertEqual(all[0].note, "topic not asked in this wave")
        XCTAssertNil(all[0].competenceChange)
        XCTAssertEqual(all[1].topicLabel, "Beta renamed")
        XCTAssertNotNil(all[1].competenceChange)
        XCTAssertEqual(all[2].note, "topic not asked at baseline")
        // n_before and n_after are the scope's respondents in each wave (40 and 36, EE 22 and 20 in
        // the fixtures' files), the topic asked or not: they were 0 in the wave that did not ask it.
        XCTAssertEqual(all.map(\.nBefore), [40, 40, 40])
        XCTAssertEqual(all.map(\.nAfter), [36, 36, 36])
        let ee = changes.filter { $0.country == "EE" }
        XCTAssertEqual(ee.map(\.nBefore), [22, 22, 22])
        XCTAssertEqual(ee.map(\.nAfter), [20, 20, 20])
        let csv = WavesTable.render(changes)
        XCTAssertTrue(csv.contains("topic not asked at baseline"))
    }

    /// A wave holding a file of the baseline (by another path, or a hard link) or of another wave
    /// cannot run (exit 2, nothing written): it would compare respondents with themselves.
    func testWavesThatOverlapTheBaselineOrShareANameAreRefused() throws {
        let folder = TemporaryFolder()
        let body = try String(contentsOfFile: Paths.inputs + "/responses/EE_kobo_xml.csv", encoding: .utf8)
        let baseline = folder.write("base/ee.csv", body)
        // (Its lines ended otherwise: the same bytes in two waves cannot run either.)
        folder.write("later/ee.csv", body.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(link(baseline, folder.path + "/linked.csv"), 0)
        func refusal(_ waves: [String]) -> String? {
            let options = Self.reportOptions(folder, inputs: [folder.path + "/base"], waves: waves)
            do {
                _ = try Pipeline.report(options)
                return nil
            } catch {
                XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath))
                return "\(error)"
            }
        }
        XCTAssertNil(refusal([folder.path + "/later"]))
        try FileManager.default.removeItem(atPath: folder.path + "/reports")
        XCTAssertEqual(refusal([folder.path + "/base/../base/ee.csv"]),
                       "ee.csv: error: this file of wave `ee.csv` is an input of the baseline too: a wave is compared with the baseline, so no file may be in both [wave_overlap]")
        XCTAssertTrue(refusal([folder.path + "/linked.csv"])?.contains("`linked.csv` is an input of the baseline too") == true)
        XCTAssertTrue(refusal([folder.path + "/later", folder.path + "/later/ee.csv"])?.contains("is an input of wave `later` too") == true)
        // The same folder twice, by two paths.
        XCTAssertTrue(refusal([folder.path + "/later", folder.path + "/base/../later/"])?.contains("is an input of wave `") == true)
    }

    /// `--weights COLUMN` that no file of a wave has: the run went on (exit 1) with every
    /// respondent of the wave weighing 0 and every change blank as "fewer than 5 respondents".
    /// It cannot run, as when no baseline file has the column.
    func testAWaveWithoutTheWeightColumnCannotRun() throws {
        let folder = TemporaryFolder()
        let rows = Self.exportRows(weights: true)
        folder.write("base/ee.csv", rows)
        folder.write("later/ee.csv", Self.exportRows())
        var options = Self.reportOptions(folder, inputs: [folder.path + "/base"], waves: [folder.path + "/later"])
        options.aggregation.weights = .column("w")
        options.normalize.weightColumn = "w"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.exitCode, 2)
        XCTAssertEqual(outcome.cannotRun, "no file of the wave `later` (--wave) has the weight column `w` (--weights): its respondents would weigh 0 and there would be nothing to compare")
        XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath))
        // With the column in the wave too, the run goes on.
        folder.write("later/ee.csv", rows.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertNil(try Pipeline.report(options).cannotRun)
        // With the column in the wave but no weight in it above 0 (text or zeros), the wave's
        // figures would all be blank, as with no column: the run cannot run either (it wrote
        // reports of a wave of blank changes, exit 1).
        try FileManager.default.removeItem(atPath: options.outputPath)
        for weight in ["0", "heavy"] {
            var zeros = "country,municipality,imp_partnerships,comp_partnerships,w\n"
            for k in 0..<8 { zeros += "EE,Tallinn,\(k % 5 + 1),2,\(weight)\n" }
            folder.write("later/ee.csv", zeros)
            let zeroOutcome = try Pipeline.report(options)
            XCTAssertEqual(zeroOutcome.exitCode, 2, weight)
            XCTAssertEqual(zeroOutcome.cannotRun, "no respondent of the wave `later` (--wave) has a weight above 0 in the weight column `w` "
                           + "(--weights): its values are text or 0, and there would be nothing to compare", weight)
            XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath), weight)
        }
    }

    /// The competence chart of a wave drew its axis from 1 to 5 whatever the scale: on a 0-10
    /// scale, means of 7.5 stood past the chart's right edge. The axis spans the means.
    func testTheWaveChartHoldsAScaleOtherThanOneToFive() throws {
        func change(_ topic: String, _ before: Double, _ after: Double) -> WaveChange {
            var c = WaveChange(wave: "w", country: "ALL", topic: topic, topicLabel: topic, design: .independent, nBefore: 9,
                               nAfter: 9, nMatched: 0, quadrantBefore: "HH", quadrantAfter: "HH")
            c.competenceBefore = before
            c.competenceAfter = after
            return c
        }
        let labels = ReportStrings.forLanguage(nil).charts
        let svg = Charts.dumbbell([change("a", 2.0, 7.5), change("b", 0.4, 9.6)], id: "w", title: "t", labels: labels)
        func numbers(_ svg: String, _ pattern: String) throws -> [String] {
            try svg.matches(of: Regex<(Substring, Substring)>(pattern)).map { String($0.1) }
        }
        let width = try XCTUnwrap(Double(try numbers(svg, #"width="([0-9]+)""#).first ?? ""))
        let centres = try numbers(svg, #"<circle cx="([0-9.]+)""#).compactMap(Double.init)
        XCTAssertEqual(centres.count, 6)
        XCTAssertTrue(centres.allSatisfy { $0 >= 0 && $0 <= width }, "\(centres) in \(width)")
        XCTAssertTrue(svg.contains(">10</text>") && svg.contains(">0</text>"), svg)
        // The usual 1-5 scale keeps its axis: 1 at the left of the plot, 5 at its right.
        let usual = Charts.dumbbell([change("a", 1.0, 5.0)], id: "u", title: "t", labels: labels)
        XCTAssertEqual(try numbers(usual, #"<circle cx="([0-9.]+)""#), ["300", "390", "300.0", "620.0"])
        // The wave's mark stands after the baseline's word, however long: in Russian, `исходный
        // опрос` ran under it at x = 390 (a reviewer's reading).
        let russian = ReportStrings.forLanguage("ru").charts
        let marks = try numbers(Charts.dumbbell([change("a", 1.0, 5.0)], id: "r", title: "t", labels: russian), #"<circle cx="([0-9.]+)""#)
        let wordEnd = 300 + 10 + Charts.textWidth(russian.baseline, fontSize: 10)
        XCTAssertGreaterThan(try XCTUnwrap(Double(marks[1])) - 5, wordEnd, "\(marks)")
    }

    /// A wave's name is its folder's (`followup_after_the_2026_training_programme_all_municipalities`):
    /// the competence chart, 660 pixels wide whatever its text, cut the title after the wave's name
    /// (the country, `Литва (LT)`, lost) and the legend inside the name. The chart widens to hold
    /// them, by the widths `Charts.fit` estimates: 50 `m` of 1.08 em at 10 px from x = 400, 540
    /// pixels, end at 940, 10 to spare: 950; a bold title of 60 `m` at 12 px, 60 × 1.08 × 12 ×
    /// 1.15 (bold) = 894.24 from x = 10, 10 to spare: 914.24, 915 whole. A short name keeps 660.
    func testTheWaveChartWidensForALongWaveNameAndTitle() {
        func change(wave: String) -> WaveChange {
            var c = WaveChange(wave: wave, country: "EE", topic: "a", topicLabel: "a", design: .independent, nBefore: 9,
                               nAfter: 9, nMatched: 0, quadrantBefore: "HH", quadrantAfter: "HH")
            c.competenceBefore = 2
            c.competenceAfter = 3
            return c
        }
        let labels = ReportStrings.forLanguage(nil).charts
        let longWave = Charts.dumbbell([change(wave: String(repeating: "m", count: 50))], id: "w", title: "t", labels: labels)
        XCTAssertTrue(longWave.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"950\" height=\"116\" viewBox=\"0 0 950 116\""), longWave)
        let longTitle = Charts.dumbbell([change(wave: "w")], id: "w", title: String(repeating: "m", count: 60), labels: labels)
        XCTAssertTrue(longTitle.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"915\" "), longTitle)
        let short = Charts.dumbbell([change(wave: "followup")], id: "w", title: "t", labels: labels)
        XCTAssertTrue(short.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" "), short)
    }

    /// A follow-up kept as the baseline was (`2025/responses/EE.csv`, `2026/responses/EE.csv`):
    /// the files of both were named `responses/EE.csv` in every message, the cleaning log and the
    /// summary, which could not tell them apart. They are named apart as two files of one set are;
    /// respondent IDs stay those of a run without the wave.
    func testAWaveFolderNamedLikeTheBaselinesIsToldApart() throws {
        let folder = TemporaryFolder()
        folder.write("2025/responses/EE.csv", Self.exportRows())
        folder.write("2026/responses/EE.csv", Self.exportRows() + "EE,Tallinn,7,2\n")
        var options = Self.reportOptions(folder, inputs: [folder.path + "/2025/responses"], waves: [])
        options.outputPath = folder.path + "/alone"
        _ = try Pipeline.report(options)
        options.waves = [folder.path + "/2026/responses"]
        options.outputPath = folder.path + "/reports"
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.accounts.map { "\($0.wave) \($0.file)" }, [" 2025/responses/EE.csv", "responses 2026/responses/EE.csv"])
        let log = try String(contentsOfFile: options.outputPath + "/clean/issues.csv", encoding: .utf8)
        XCTAssertTrue(log.contains("\n2026/responses/EE.csv,10,"), log)
        func ids(_ out: String) throws -> [Substring] {
            try String(contentsOfFile: folder.path + "/" + out + "/clean/responses.csv", encoding: .utf8)
                .split(separator: "\n").map { $0.prefix { $0 != "," } }
        }
        XCTAssertEqual(try ids("reports"), try ids("alone"))
    }

    /// Waves are reported in the order given, as waves.csv lists them: the report had sorted them
    /// by name, `autumn-2025` before `spring-2026` given first (a helper's probe).
    func testWavesAreReportedInTheOrderGiven() throws {
        let folder = TemporaryFolder()
        folder.write("base/EE.csv", Self.exportRows())
        folder.write("spring-2026/EE.csv", Self.exportRows() + "EE,Tallinn,5,2\n")
        folder.write("autumn-2025/EE.csv", Self.exportRows() + "EE,Tallinn,1,2\n")
        var options = Self.reportOptions(folder, inputs: [folder.path + "/base"],
                                         waves: [folder.path + "/spring-2026", folder.path + "/autumn-2025"])
        options.aggregation.minCell = 1
        _ = try Pipeline.report(options)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        let spring = try XCTUnwrap(report.range(of: "## Change since the baseline: spring-2026"))
        let autumn = try XCTUnwrap(report.range(of: "## Change since the baseline: autumn-2025"))
        XCTAssertLessThan(spring.lowerBound, autumn.lowerBound)
        let table = try String(contentsOfFile: options.outputPath + "/waves.csv", encoding: .utf8)
        XCTAssertLessThan(try XCTUnwrap(table.range(of: "spring-2026")).lowerBound, try XCTUnwrap(table.range(of: "autumn-2025")).lowerBound)
    }

    /// A `--wave-instrument` that is no instrument stops the run before any input is read, and
    /// its message names that option: it said "give --instrument a folder with survey.csv ...".
    func testAWrongWaveInstrumentIsNamedAsSuch() throws {
        let folder = TemporaryFolder()
        var options = Self.reportOptions(folder, inputs: [Paths.inputs + "/responses"], waves: [Paths.inputs + "/followup"])
        options.waveInstruments = [folder.path + "/no-such-form"]
        XCTAssertThrowsError(try Pipeline.report(options)) { error in
            XCTAssertEqual("\(error)", folder.path + "/no-such-form: error: no instrument here; give --wave-instrument a folder with survey.csv, choices.csv, settings.csv or an .xlsx XLSForm [instrument_missing]")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    /// A baseline export copied into the follow-up's folder (another path, the same bytes) cannot
    /// run: its respondents would be counted in both waves (a helper's probe: EE n_after 48 + 42,
    /// compared as independent samples). Two files without a record are alike, not one export.
    func testABaselineFileCopiedIntoAWaveCannotRun() throws {
        let folder = TemporaryFolder()
        let body = try String(contentsOfFile: Paths.inputs + "/responses/EE_kobo_xml.csv", encoding: .utf8)
        folder.write("base/ee.csv", body)
        folder.write("later/ee_followup.csv", try String(contentsOfFile: Paths.inputs + "/followup/EE_followup_2026.csv", encoding: .utf8))
        let options = Self.reportOptions(folder, inputs: [folder.path + "/base"], waves: [folder.path + "/later"])
        XCTAssertNil(try Pipeline.report(options).cannotRun)
        folder.write("later/copy.csv", body)
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.exitCode, 2)
        XCTAssertEqual(outcome.cannotRun, "later/copy.csv (wave `later`) has the same bytes as base/ee.csv (the baseline): the same export would be counted in both waves; each wave needs its own export")
        // Headers alone in both: the same bytes, but no export counted twice.
        try FileManager.default.removeItem(atPath: folder.path + "/later/copy.csv")
        let header = body.prefix { $0 != "\n" } + "\n"
        folder.write("base/empty.csv", String(header))
        folder.write("later/empty.csv", String(header))
        XCTAssertNil(try Pipeline.report(options).cannotRun)
    }

    /// A wave's instrument that rates a topic on another scale than the baseline's: its means
    /// were compared as they were (a helper's probe: 2.61 on 1-5 → 6.44 on 2-10, "+3.83 ▲"). It
    /// is refused before anything is read, one error a measure, naming the topics.
    func testAWaveInstrumentOnAnotherScaleIsRefused() throws {
        let folder = TemporaryFolder()
        let baseline = Self.writeInstrument(folder)
        let other = TemporaryFolder()
        let wave = Self.writeInstrument(other)
        // Both measures on 0-10 in the wave.
        var survey = try String(contentsOfFile: wave + "/survey.csv", encoding: .utf8)
        survey = survey.replacingOccurrences(of: "select_one scale,", with: "select_one ten,")
        other.write("i/survey.csv", survey)
        var choices = try String(contentsOfFile: wave + "/choices.csv", encoding: .utf8)
        for k in 0...10 { choices += "ten,\(k),\(k)\n" }
        other.write("i/choices.csv", choices)
        folder.write("base/ee.csv", "code,country,municipality,imp_alpha,comp_alpha\nA1,EE,Tallinn,4,2\n")
        folder.write("later/ee.csv", "code,country,municipality,imp_alpha,comp_alpha\nA1,EE,Tallinn,4,7\n")
        var options = Self.reportOptions(folder, inputs: [folder.path + "/base"], waves: [folder.path + "/later"])
        options.instrumentPath = baseline
        options.waveInstruments = [wave]
        XCTAssertThrowsError(try Pipeline.report(options)) { error in
            XCTAssertEqual("\(error)", ["importance", "competence"].map {
                wave + ": error: \($0) is rated 0-10 here but 1-5 in the baseline's instrument (topics `alpha`, `beta`): "
                    + "means on two scales cannot be compared; score the lists on the same points [wave_scale_mismatch]"
            }.joined(separator: "\n"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: options.outputPath))
        // The same scales: the run goes on.
        let same = TemporaryFolder()
        options.waveInstruments = [Self.writeInstrument(same)]
        XCTAssertNoThrow(try Pipeline.report(options))
    }

    /// A follow-up whose form renamed a topic (`intercultural_comm`), run without its
    /// `--wave-instrument`: no column rates `intercultural` and every tick is an unknown value, so
    /// its share read 0 % against the baseline's 44 %, a "significant" drop. A topic no respondent
    /// of a scope rated or chose in a wave, though they rated others, is taken as not asked there:
    /// its demand change is blank, and the note and the report say why. Where the ratings' columns
    /// are gone but respondents still choose the topic, its share is theirs (a sheet rating a few
    /// topics asks who wants training on all of them). The other way round, a topic no baseline
    /// respondent rated or chose is not asked at baseline.
    func testATopicNoOneRatedOrChoseInAWaveIsNotAskedThere() throws {
        let folder = TemporaryFolder()
        let followup = try FileManager.default.contentsOfDirectory(atPath: Paths.inputs + "/followup").sorted()
        let tick = try NSRegularExpression(pattern: "(?<![a-z_])intercultural(?![a-z_])")
        for file in followup {
            let text = try String(contentsOfFile: Paths.inputs + "/followup/" + file, encoding: .utf8)
                .replacingOccurrences(of: "imp_intercultural,", with: "imp_intercultural_comm,")
                .replacingOccurrences(of: "comp_intercultural,", with: "comp_intercultural_comm,")
            folder.write("columns/" + file, text)
            folder.write("original/" + file, try String(contentsOfFile: Paths.inputs + "/followup/" + file, encoding: .utf8))
            folder.write("renamed/" + file, tick.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "intercultural_comm"))
        }
        func waves(_ wave: String, baseline: String = Paths.inputs + "/responses") throws -> [String: [String: String]] {
            let out = TemporaryFolder()
            var options = Self.reportOptions(out, inputs: [baseline], waves: [folder.path + "/" + wave])
            options.outputPath = out.path + "/reports"
            _ = try Pipeline.report(options)
            let lines = try String(contentsOfFile: options.outputPath + "/waves.csv", encoding: .utf8).components(separatedBy: "\r\n")
            let header = lines[0].components(separatedBy: ",")
            var rows: [String: [String: String]] = [:]
            for line in lines.dropFirst() where !line.isEmpty {
                // The note is the last column, quoted when it holds a comma.
                let cells = line.components(separatedBy: ",")
                var row = Dictionary(uniqueKeysWithValues: zip(header.dropLast(), cells))
                row["note"] = cells.dropFirst(header.count - 1).joined(separator: ",").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                rows[row["country"]! + "/" + row["topic"]!] = row
            }
            if wave == "renamed" {
                let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
                XCTAssertTrue(report.contains("Topics asked in one wave only: Intercultural competence and communication "
                                              + "(topic rated or chosen by no one in this wave, as if not asked)."), report)
                let estonian = try String(contentsOfFile: options.outputPath + "/countries/EE.md", encoding: .utf8)
                XCTAssertTrue(estonian.contains("| Kultuuridevaheline pädevus ja suhtlus | – → – | – | – | – | – | "
                                                + "teemat ei hinnanud ega valinud selles laines keegi, nagu poleks seda küsitud |"), estonian)
            }
            return rows
        }
        let renamed = try waves("renamed")
        for scope in ["EE", "LV", "LT", "ALL"] {
            let row = try XCTUnwrap(renamed[scope + "/intercultural"])
            XCTAssertEqual(row["demand_share_after"], "", scope)
            XCTAssertEqual(row["demand_share_change"], "", scope)
            XCTAssertEqual(row["demand_share_before"], "", scope)
            XCTAssertEqual(row["note"], "topic rated or chosen by no one in this wave, as if not asked", scope)
            // The other topics are compared as before.
            XCTAssertNotEqual(try XCTUnwrap(renamed[scope + "/partnerships"])["demand_share_change"], "", scope)
            XCTAssertEqual(try XCTUnwrap(renamed[scope + "/partnerships"])["note"], "", scope)
        }
        // The ratings' columns unread, the ticks kept: the share is the respondents' (EE's 48 in
        // the follow-up, 16 of whom chose it: `grep -c` of the tick in the file's last column).
        let columns = try waves("columns")
        let ee = try XCTUnwrap(columns["EE/intercultural"])
        XCTAssertEqual(ee["note"], "")
        let eeFile = try String(contentsOfFile: Paths.inputs + "/followup/EE_followup_2026.csv", encoding: .utf8)
        let eeRows = eeFile.split(whereSeparator: \.isNewline).dropFirst()
        let chose = eeRows.filter { $0.split(separator: ",", omittingEmptySubsequences: false).last!.split(separator: " ").contains("intercultural") }
        XCTAssertGreaterThan(chose.count, 0)
        XCTAssertEqual(Double(try XCTUnwrap(ee["demand_share_after"]))!, Double(chose.count) / Double(eeRows.count), accuracy: 1e-12)
        XCTAssertEqual(ee["n_after"], String(eeRows.count))

        // Turned round: the renamed follow-up as the baseline, the follow-up as it is the wave.
        let turned = try waves("original", baseline: folder.path + "/renamed")
        XCTAssertEqual(turned["ALL/intercultural"]?["note"], "topic rated or chosen by no one at baseline, as if not asked")
        XCTAssertEqual(turned["ALL/intercultural"]?["demand_share_after"], "")
        XCTAssertEqual(turned["ALL/partnerships"]?["note"], "")
    }

    /// A topic renamed in the wave's instrument, its label kept: the two keys are compared as
    /// topics asked in one wave each, which the report said twice under one label without a
    /// word on why (a helper's probe). A warning names both keys.
    func testATopicRenamedInTheWaveInstrumentIsSaid() throws {
        let baseline = try Self.instrument()
        let renamed = try Self.instrument(topics: [("alpha", "Alpha"), ("beta_new", "Beta")])
        let warnings = Pipeline.renamedTopics(renamed, path: "wave-form", baseline: baseline)
        XCTAssertEqual(warnings.map(\.code), ["wave_topic_renamed"])
        XCTAssertEqual(warnings.first?.message, "topic `beta_new` has the label of the baseline's topic `beta` (Beta), which this instrument lacks: "
                       + "the two are compared as topics asked in one wave each; give it the name `beta` to compare them")
        // A new topic of a new label, or the same keys: nothing to say.
        XCTAssertEqual(Pipeline.renamedTopics(try Self.instrument(topics: [("alpha", "Alpha"), ("gamma", "Gamma")]), path: "w", baseline: baseline).count, 0)
        XCTAssertEqual(Pipeline.renamedTopics(baseline, path: "w", baseline: baseline).count, 0)
    }

    /// A topic only the wave's form has is named in each country's report by that form's label
    /// in the report's language: it had been in the form's default language, English, in the
    /// Estonian report (a helper's probe). A topic renamed with its label kept (`staff_wellbeing`,
    /// then `wellbeing`) is two rows of one label, one not asked at baseline, the other not asked
    /// in the wave: the reports tell them apart by their keys.
    func testAWaveOnlyTopicIsNamedInTheReportsLanguageAndARenamedOneByItsKey() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey.csv", "choices.csv", "settings.csv"] {
            let text = try String(contentsOfFile: Paths.inputs + "/instrument/" + sheet, encoding: .utf8)
            folder.write("form/" + sheet, text.replacingOccurrences(of: "staff_wellbeing", with: "wellbeing"))
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: Paths.inputs + "/followup") {
            let text = try String(contentsOfFile: Paths.inputs + "/followup/" + file, encoding: .utf8)
            folder.write("followup/" + file, text.replacingOccurrences(of: "staff_wellbeing", with: "wellbeing"))
        }
        var options = Self.reportOptions(folder, inputs: [Paths.inputs + "/responses"], waves: [folder.path + "/followup"])
        options.waveInstruments = [folder.path + "/form"]
        _ = try Pipeline.report(options)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("Topics asked in one wave only: Staff wellbeing and burnout prevention (staff\\_wellbeing) "
                                      + "(topic not asked in this wave); Staff wellbeing and burnout prevention (wellbeing) (topic not asked at baseline)."),
                      report)
        let estonian = try String(contentsOfFile: options.outputPath + "/countries/EE.md", encoding: .utf8)
        XCTAssertTrue(estonian.contains("| Töötajate heaolu ja läbipõlemise ennetamine (wellbeing) | – → "), estonian)
        XCTAssertFalse(estonian.contains("| Staff wellbeing"), estonian)
        // The other topics keep their labels alone.
        XCTAssertTrue(estonian.contains("| Kultuuridevaheline pädevus ja suhtlus |"), estonian)
        // Each topic's own wave's figures stand (they had all been blank beside its quadrant):
        // the follow-up's mean competence on `wellbeing`, computed here from its files.
        var sum = 0.0, count = 0.0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path + "/followup") {
            let lines = try String(contentsOfFile: folder.path + "/followup/" + file, encoding: .utf8).split(whereSeparator: \.isNewline)
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
            let column = try XCTUnwrap(header.firstIndex(of: "comp_wellbeing"))
            for line in lines.dropFirst() {
                if let value = Double(line.split(separator: ",", omittingEmptySubsequences: false)[column]) { sum += value; count += 1 }
            }
        }
        let waves = try String(contentsOfFile: options.outputPath + "/waves.csv", encoding: .utf8).components(separatedBy: "\r\n")
        let columns = waves[0].components(separatedBy: ",")
        func row(_ country: String, _ topic: String) throws -> [String: String] {
            let line = try XCTUnwrap(waves.first { $0.hasPrefix("followup,\(country),\(topic),") })
            return Dictionary(uniqueKeysWithValues: zip(columns, line.components(separatedBy: ",")))
        }
        let after = try row("ALL", "wellbeing")
        XCTAssertEqual(try XCTUnwrap(Double(after["competence_after"] ?? "")), sum / count, accuracy: 1e-9)
        XCTAssertEqual(after["competence_before"], "")
        XCTAssertEqual(after["competence_change"], "")
        XCTAssertNotEqual(after["mwds_after"], "")
        XCTAssertNotEqual(after["demand_share_after"], "")
        // The baseline's, as topic_demand.csv gives it.
        let before = try row("ALL", "staff_wellbeing")
        let demand = try String(contentsOfFile: options.outputPath + "/topic_demand.csv", encoding: .utf8).components(separatedBy: "\r\n")
        let demandColumns = demand[0].components(separatedBy: ",")
        let baseline = Dictionary(uniqueKeysWithValues: zip(demandColumns, try XCTUnwrap(demand.first { $0.hasPrefix("ALL,staff_wellbeing,") }).components(separatedBy: ",")))
        XCTAssertEqual(try XCTUnwrap(Double(before["competence_before"] ?? "")), try XCTUnwrap(Double(baseline["mean_competence"] ?? "")), accuracy: 1e-9)
        XCTAssertEqual(before["competence_after"], "")
    }

    /// A country's competence blanked in a wave's tables to protect another country's small
    /// cell (LT's 3 follow-up ratings of its 6 respondents) is blank in waves.csv too, in both
    /// waves, and the row says why: its note had been empty, and its baseline MWDS shown beside
    /// the blanked means (a helper's probe).
    func testFiguresAWaveBlanksToProtectACellAreSaid() throws {
        let folder = TemporaryFolder()
        let instrument = Self.writeInstrument(folder)
        func rows(_ wave: String, _ counts: [(String, String, Int, Int)]) -> String {
            var text = "code,country,municipality,imp_alpha,comp_alpha,imp_beta,comp_beta\n"
            for (country, place, n, unrated) in counts {
                for k in 0..<n {
                    let competence = k < unrated ? "" : String((k + 2) % 5 + 1)
                    text += "\(wave)\(country)\(k),\(country),\(place),\(k % 5 + 1),\(competence),\((k + 1) % 5 + 1),\(k % 3 + 1)\n"
                }
            }
            return text
        }
        folder.write("base/all.csv", rows("B", [("EE", "Tallinn", 12, 0), ("LV", "Rīga", 9, 0), ("LT", "Vilnius", 10, 0)]))
        folder.write("later/all.csv", rows("F", [("EE", "Tallinn", 12, 0), ("LV", "Rīga", 9, 0), ("LT", "Vilnius", 6, 3)]))
        var options = Self.reportOptions(folder, inputs: [folder.path + "/base"], waves: [folder.path + "/later"])
        options.instrumentPath = instrument
        _ = try Pipeline.report(options)
        let waves = try String(contentsOfFile: options.outputPath + "/waves.csv", encoding: .utf8).components(separatedBy: "\r\n")
        let columns = waves[0].components(separatedBy: ",")
        let rows = waves.dropFirst().filter { !$0.isEmpty }.map { Dictionary(uniqueKeysWithValues: zip(columns, $0.components(separatedBy: ","))) }
        // LT's own competence rests on 3 ratings in the wave: blank, said as a wave's suppression.
        let lt = try XCTUnwrap(rows.first { $0["country"] == "LT" && $0["topic"] == "alpha" })
        XCTAssertEqual(lt["competence_after"], "")
        // Every row with a mean blank says why.
        let quiet = rows.filter { row in row["note"] == "" && ["competence_before", "competence_after"].contains { row[$0] == "" } }
        XCTAssertEqual(quiet.map { $0["country"]! + "/" + $0["topic"]! }, [], "\(rows.map { ($0["country"]!, $0["topic"]!, $0["note"]!) })")
        let protected = rows.filter { $0["note"] == "figures suppressed in a wave's tables" }
        XCTAssertTrue(protected.contains { $0["country"] != "LT" }, "\(rows.map { ($0["country"]!, $0["topic"]!, $0["note"]!) })")
        for row in protected {
            XCTAssertEqual(row["competence_before"], "", "\(row)")
            XCTAssertEqual(row["mwds_before"], row["mwds_after"] == "" ? "" : row["mwds_before"], "\(row)")
        }
        // A topic only the wave's form has (`gamma`): its figures as the wave's tables show them,
        // a row they blank saying so beside "not asked at baseline" (a reviewer's probe).
        let other = TemporaryFolder()
        let waveForm = Self.writeInstrument(other, topics: [("alpha", "Alpha"), ("beta", "Beta"), ("gamma", "Gamma")])
        var gamma = "code,country,municipality,imp_alpha,comp_alpha,imp_beta,comp_beta,imp_gamma,comp_gamma\n"
        for (country, place, n, unrated) in [("EE", "Tallinn", 12, 0), ("LV", "Rīga", 9, 0), ("LT", "Vilnius", 6, 3)] {
            for k in 0..<n {
                let competence = k < unrated ? "" : String((k + 2) % 5 + 1)
                gamma += "G\(country)\(k),\(country),\(place),\(k % 5 + 1),\((k + 2) % 5 + 1),\((k + 1) % 5 + 1),\(k % 3 + 1),\(k % 4 + 2),\(competence)\n"
            }
        }
        folder.write("gamma/all.csv", gamma)
        options.waves = [folder.path + "/gamma"]
        options.waveInstruments = [waveForm]
        _ = try Pipeline.report(options)
        let gammaWaves = try String(contentsOfFile: options.outputPath + "/waves.csv", encoding: .utf8).components(separatedBy: "\r\n")
        let gammaRows = gammaWaves.dropFirst().filter { !$0.isEmpty }.map { Dictionary(uniqueKeysWithValues: zip(columns, $0.components(separatedBy: ","))) }
            .filter { $0["topic"] == "gamma" }
        let ltGamma = try XCTUnwrap(gammaRows.first { $0["country"] == "LT" })
        XCTAssertEqual(ltGamma["competence_after"], "")
        XCTAssertEqual(ltGamma["note"], "topic not asked at baseline; figures suppressed in a wave's tables")
        for row in gammaRows where row["competence_after"] == "" {
            XCTAssertEqual(row["note"], "topic not asked at baseline; figures suppressed in a wave's tables", "\(row)")
        }
        XCTAssertTrue(gammaRows.contains { $0["competence_after"] != "" }, "\(gammaRows)")
    }

    /// `--out .` (here `reports/.`): the folder by its name. "." has no parent to swap the
    /// reports in from, and the run had stopped with "Device or resource busy" (a helper's probe).
    func testAnOutputFolderNamedWithADotIsWritten() throws {
        let folder = TemporaryFolder()
        var options = Self.reportOptions(folder, inputs: [Paths.inputs + "/responses"], waves: [])
        try FileManager.default.createDirectory(atPath: options.outputPath, withIntermediateDirectories: true)
        options.outputPath += "/."
        for _ in 0..<2 {
            XCTAssertNil(try Pipeline.report(options).cannotRun)
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/reports/report.md"))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["reports"])
        // A link to the folder, named `link/.`: the folder it leads to gets the reports, the
        // link stays a link (it had been replaced by a folder; a reviewer's case).
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link", withDestinationPath: folder.path + "/reports")
        try FileManager.default.removeItem(atPath: folder.path + "/reports/report.md")
        options.outputPath = folder.path + "/link/."
        XCTAssertNil(try Pipeline.report(options).cannotRun)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/link"), folder.path + "/reports")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/reports/report.md"))
    }

    /// A follow-up kept in a sub-folder of the baseline's folder: the baseline's note said it was
    /// "not read; name it as an input to include it", while it was read, as the wave.
    func testAWaveInASubFolderOfTheBaselineIsNotListedAsLeftOut() throws {
        let folder = TemporaryFolder()
        for file in ["responses/EE.csv", "responses/followup/EE.csv", "responses/older/EE.csv"] { folder.write(file, Self.exportRows()) }
        let options = Self.reportOptions(folder, inputs: [folder.path + "/responses"], waves: [folder.path + "/responses/followup"])
        let outcome = try Pipeline.report(options)
        XCTAssertEqual(outcome.inputProblems.map { "\($0.file) \($0.code)" }, ["responses/older subfolder_skipped"])
        XCTAssertEqual(outcome.accounts.map { "\($0.wave) \($0.file)" }, [" responses/EE.csv", "followup followup/EE.csv"])
    }

    /// A wave's file of two Lithuanian respondents: waves.csv blanks Lithuania's counts, but
    /// summary.json gave the file's respondents (2) and bytes. A wave's files are withheld as the
    /// baseline's are, by the wave's own tables.
    func testAWaveFileOfABlankedScopeHasItsCountsWithheld() throws {
        let folder = TemporaryFolder()
        folder.write("base/ee.csv", Self.exportRows())
        folder.write("later/ee.csv", Self.exportRows().replacingOccurrences(of: "\n", with: "\r\n"))
        folder.write("later/lt.csv", "country,municipality,imp_partnerships,comp_partnerships\nLT,Kaunas,5,1\nLT,Kaunas,4,2\n")
        let options = Self.reportOptions(folder, inputs: [folder.path + "/base"], waves: [folder.path + "/later"])
        _ = try Pipeline.report(options)
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        let files = summary.split(separator: "\n").filter { $0.contains("{\"file\": ") }
        let lt = try XCTUnwrap(files.first { $0.contains("\"later/lt.csv\"") })
        XCTAssertTrue(lt.contains("\"respondents\": null") && lt.contains("\"bytes\": null") && lt.contains("\"suppressed\": true"), String(lt))
        // Two files withheld at the least, together from 5 or more: the other file of the wave too.
        XCTAssertTrue(files.first { $0.contains("\"later/ee.csv\"") }?.contains("\"respondents\": null") == true, summary)
        XCTAssertTrue(files.first { $0.contains("\"base/ee.csv\"") }?.contains("\"respondents\": 8") == true, summary)
    }

    /// A wave of fewer than `--min-cell` respondents: waves.csv shows none of its counts, but the
    /// report said "Later waves: 1 file(s), 2 respondent(s)" and summary.json's totals, less the
    /// baseline's published count, gave it back.
    func testTheCountOfASmallWaveIsNotGivenBack() throws {
        let folder = TemporaryFolder()
        folder.write("base/ee.csv", Self.exportRows())
        folder.write("later/ee.csv", Self.exportRows().split(separator: "\n").prefix(3).joined(separator: "\n") + "\n")
        let options = Self.reportOptions(folder, inputs: [folder.path + "/base"], waves: [folder.path + "/later"])
        _ = try Pipeline.report(options)
        let report = try String(contentsOfFile: options.outputPath + "/report.md", encoding: .utf8)
        XCTAssertTrue(report.contains("Later waves — files: 1, respondents: –."), report)
        let summary = try String(contentsOfFile: options.outputPath + "/summary.json", encoding: .utf8)
        let totals = try XCTUnwrap(summary.split(separator: "\n").first { $0.contains("\"totals\"") })
        XCTAssertTrue(totals.contains("\"respondents\": null") && totals.contains("\"records_read\": null"), String(totals))
        XCTAssertFalse(summary.contains("\"respondents\": 2"), summary)
    }

    /// summary.json's `totals` sum the baseline's files and the waves': the sample's 304
    /// respondents where the report's baseline counts 180. `totals_by_wave` counts each apart,
    /// and no wave's count where it would give a withheld file's back.
    func testSummaryCountsTheBaselineAndEachWaveApart() throws {
        let folder = TemporaryFolder()
        folder.write("base/ee.csv", Self.exportRows())
        folder.write("later/ee.csv", Self.exportRows().split(separator: "\n").prefix(7).joined(separator: "\n") + "\n")
        let options = Self.reportOptions(folder, inputs: [folder.path + "/base"], waves: [folder.path + "/later"])
        _ = try Pipeline.report(options)
        func byWave(_ path: String) throws -> [String: [String: Any]] {
            let data = try Data(contentsOf: URL(fileURLWithPath: path + "/summary.json"))
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try XCTUnwrap(json["totals_by_wave"] as? [String: [String: Any]])
        }
        let waves = try byWave(options.outputPath)
        XCTAssertEqual(waves["baseline"]?["respondents"] as? Int, 8)
        XCTAssertEqual(waves["later"]?["respondents"] as? Int, 6)
        XCTAssertEqual(waves["later"]?["files"] as? Int, 1)

        // Two Lithuanians in each wave: their files are withheld in both, so neither wave's count is shown.
        let lt = "country,municipality,imp_partnerships,comp_partnerships\nLT,Kaunas,5,1\nLT,Kaunas,4,2\n"
        let other = TemporaryFolder()
        other.write("base/ee.csv", Self.exportRows())
        other.write("base/lt.csv", lt)
        other.write("later/ee.csv", Self.exportRows().replacingOccurrences(of: "\n", with: "\r\n"))
        other.write("later/lt.csv", lt.replacingOccurrences(of: "\n", with: "\r\n"))
        let withheld = Self.reportOptions(other, inputs: [other.path + "/base"], waves: [other.path + "/later"])
        _ = try Pipeline.report(withheld)
        let hidden = try byWave(withheld.outputPath)
        XCTAssertTrue(hidden["baseline"]?["respondents"] is NSNull, "\(hidden)")
        XCTAssertTrue(hidden["later"]?["respondents"] is NSNull, "\(hidden)")
        XCTAssertEqual(hidden["later"]?["files"] as? Int, 2)

        // A wave named `baseline` is no second key `baseline` (a reader kept the wave's counts alone).
        XCTAssertEqual(InputFiles.waveNames(["/w/baseline", "/v/Baseline", "/w/followup"]), ["baseline (2)", "baseline (3)", "followup"])
        // Nor one wave's name another's: `baseline (2)` is given (a browser's second download).
        XCTAssertEqual(InputFiles.waveNames(["/w/baseline", "/w/baseline (2)"]), ["baseline (3)", "baseline (2)"])
    }

    func testLeavingTheFirstPriorityQuadrant() {
        var change = WaveChange(wave: "w", country: "EE", topic: "t", topicLabel: "t", design: .independent, nBefore: 9,
                                nAfter: 9, nMatched: 0, quadrantBefore: "HH", quadrantAfter: "HL")
        XCTAssertTrue(change.leftFirstPriority)
        change.quadrantAfter = "HH"
        XCTAssertFalse(change.leftFirstPriority)
    }
}
