import Foundation
import XCTest
@testable import NeedsKit

/// Each export shape, language and encoding the academy receives, written by the test, read through
/// the whole ingest → normalise path against the sample instrument.
final class NormalizerTests: XCTestCase {
    var instrument: Instrument!

    override func setUpWithError() throws {
        instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
    }

    struct Normalised {
        var respondents: [Respondent] = []
        var issues: [CleaningIssue] = []
        var accounts: [FileAccount] = []

        func answer(_ respondent: Int, _ question: String, in instrument: Instrument) -> Answer? {
            respondents[respondent].answer(instrument.questionIndex[question]!)
        }

        func codes() -> [String] { issues.map(\.code) }
    }

    func normalise(_ files: [String], dropIdentical: Bool = false, instrument: Instrument? = nil) -> Normalised {
        var options = RunOptions()
        options.inputs = files
        options.normalize.dropIdentical = dropIdentical
        var result = Normalised()
        let outcome = Pipeline.ingest(options, instrument: instrument ?? self.instrument) { result.respondents.append($0) } quarantine: { _, _, _ in }
        result.issues = outcome.firstIssues
        result.accounts = outcome.accounts
        for account in outcome.accounts { XCTAssertTrue(account.balances, "\(account)") }
        return result
    }

    /// A small form of two sheets written into `folder` (settings: form_id `x`, version 1), loaded.
    func form(in folder: TemporaryFolder, survey: String, choices: String) throws -> Instrument {
        folder.write("form/survey.csv", survey)
        folder.write("form/choices.csv", choices)
        folder.write("form/settings.csv", "form_id,version\nx,1\n")
        return try InstrumentLoader.load(folder.path + "/form")
    }

    /// An unknown value names the question it was answered to (and its label when short), then
    /// its choice list: the list alone (`cn9hh69`, `importance5`) is shared by several questions
    /// and told the person correcting the export nothing of which one to look at.
    func testAnUnknownValueNamesItsQuestion() throws {
        let folder = TemporaryFolder()
        let wording = "How important is each of the following topics in your everyday work with newcomers, in your own view?"
        let survey = """
        type,name,label
        select_one cn9hh69,q_a,Working with interpreters
        select_one cn9hh69,q_b,"\(wording)"
        select_multiple cn9hh69,q_c,Which would you attend?

        """
        let instrument = try form(in: folder, survey: survey, choices: "list_name,name,label\ncn9hh69,1,Low\ncn9hh69,2,High\n")
        let result = normalise([folder.write("kobo.csv", "q_a,q_b,q_c,_uuid\n1,2,1,u1\n2,Medium,2,u2\nHuge,1,1 Other,u3\n")],
                               instrument: instrument)
        let unknown = result.issues.filter { $0.code == "unknown_value" }
        XCTAssertEqual(unknown.map(\.message), [
            // The long wording is left out: the name says which question it is.
            "`Medium` is not a choice of question `q_b` from list `cn9hh69`; treated as missing",
            "`Huge` is not a choice of question `q_a` (Working with interpreters) from list `cn9hh69`; treated as missing",
            "`Other` is not a choice of question `q_c` (Which would you attend?) from list `cn9hh69`; left out of the answer",
        ])
        // Its column is the message's place, and the question's name its own field in the log.
        XCTAssertEqual(unknown.map { "\($0.line!):\($0.column!) \($0.question)" }, ["3:2 q_b", "4:1 q_a", "4:3 q_c"])
    }

    /// A one-byte cell (a rating `4`, a code `2`) is found by the byte once read (`oneByteReadings`):
    /// the same byte reads by its own question (`1` is the label of `q_a`'s `a` and the name of
    /// `q_b`'s `1`), and one read with an issue is told on every row it stands in, not once.
    func testOneByteValuesReadByTheirQuestionOnEveryRow() throws {
        let folder = TemporaryFolder()
        let instrument = try form(
            in: folder, survey: "type,name,label\nselect_one swap,q_a,First\nselect_one three,q_b,Second\ninteger,q_n,Count\n",
            choices: "list_name,name,label\nswap,a,1\nswap,b,2\nthree,1,One\nthree,2,Two\nthree,3,Three\n")
        let aValues = ["1", "2", "3", " ", ""], bValues = ["1", "2", "3", "4"], nValues = ["7", "x", "0"]
        var text = "q_a,q_b,q_n,_uuid\n"
        var expected: [[Answer?]] = []
        var unknown = 0, notNumbers = 0
        for k in 0..<300 {
            let (a, b, n) = (aValues[k % 5], bValues[(k / 5) % 4], nValues[k % 3])
            text += "\(a),\(b),\(n),u\(k)\n"
            let readA: Answer? = a == "1" ? .choice("a") : a == "2" ? .choice("b") : nil
            let readB: Answer? = b == "4" ? nil : .choice(b)
            let readN: Answer? = n == "x" ? nil : .text(n)
            expected.append([readA, readB, readN])
            unknown += (a == "3" ? 1 : 0) + (b == "4" ? 1 : 0)
            notNumbers += n == "x" ? 1 : 0
        }
        var options = RunOptions()
        options.inputs = [folder.write("kobo.csv", text)]
        var respondents: [Respondent] = []
        let outcome = Pipeline.ingest(options, instrument: instrument) { respondents.append($0) } quarantine: { _, _, _ in }
        XCTAssertEqual(respondents.count, 300)
        let questions = ["q_a", "q_b", "q_n"].map { instrument.questionIndex[$0]! }
        for (k, respondent) in respondents.enumerated() {
            XCTAssertEqual(questions.map { respondent.answer($0) }, expected[k], "row \(k + 2)")
        }
        XCTAssertEqual(outcome.issueCounts[CleaningIssue.Kind(code: "unknown_value", severity: .warning)], unknown)
        XCTAssertEqual(outcome.issueCounts[CleaningIssue.Kind(code: "not_a_number", severity: .warning)], notNumbers)
        XCTAssertEqual(unknown, 60 + 75)
    }

    /// A municipality asked as a select_one: a choice whose name fits several municipalities
    /// (`tartu`, `vilnius`) is read by its label when that names one (`Tartu vald`); the name was
    /// read alone, and the respondent's municipality was ambiguous.
    func testMunicipalityChoiceReadByItsLabelWhenItsNameIsAmbiguous() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nselect_one munis,municipality,Municipality\n",
                                  choices: "list_name,name,label\nmunis,tartu,Tartu vald\nmunis,narva,Narva linn\nmunis,m3,Jõhvi vald\nmunis,vilnius,Vilnius\n")
        let result = normalise([folder.write("kobo.csv", "municipality,_uuid\ntartu,u1\nnarva,u2\nm3,u3\nvilnius,u4\n")], instrument: instrument)
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-796", "EE-511", "EE-251", nil])
        XCTAssertEqual(result.codes().filter { $0.hasPrefix("municipality") }, ["municipality_ambiguous"])
    }

    /// A municipality asked as a select_one whose list lacks the one written (typed for Google's
    /// "Other", a choice of an older version of the list, a sheet's own column) is read by the
    /// gazetteer like a municipality written as text; it was an unknown value and the
    /// respondent's municipality missing, or with an "Other" choice, `Other`.
    func testMunicipalityNotInTheListIsReadByTheGazetteer() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nselect_one munis,municipality,Municipality\n",
                                  choices: "list_name,name,label\nmunis,narva,Narva linn\nmunis,other,Other\n")
        let google = """
        Timestamp,Email Address,Municipality,Anything else?
        2025/01/14 10:32:05 AM EET,a@example.org,Narva linn,no
        2025/01/14 10:40:00 AM EET,b@example.org,Jõhvi vald,no

        """
        let sheet = "municipality,comment\nSillamäe,x\nNowhere town,y\n"
        let result = normalise([folder.write("a_google.csv", google), folder.write("b_sheet.csv", sheet)], instrument: instrument)
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-511", "EE-251", "EE-735", nil])
        XCTAssertEqual(result.issues.filter { $0.code.hasPrefix("municipality_") }.map(\.oldValue), ["Nowhere town"])
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
        XCTAssertFalse(result.codes().contains("other_answer"), "\(result.issues.map(\.message))")
    }

    /// "No answer" (LimeSurvey's full-answers export writes it for its own no-answer option), "Nav
    /// atbildes", "Нет ответа", "Ei tea" in a rating's column whose list has no such choice: not
    /// answered, as a blank cell is, without a word. Each had been an `unknown_value` warning,
    /// and a clean export exited 1 (a probe's). A value off the list is still warned of.
    func testNoAnswerWordsOffTheListAreUnansweredWithoutAWarning() throws {
        let sheet = "country,municipality,imp_partnerships,comp_partnerships,imp_interpreters,training_wanted\n"
            + "EE,Narva linn,No answer,Nav atbildes,4,Нет ответа\n"
            + "EE,Narva linn,Нет ответа,Ei tea,Kinda,partnerships\n"
            + "EE,Narva linn,5,2,Don't know,\n"
        let folder = TemporaryFolder()
        let result = normalise([folder.write("sheet.csv", sheet)])
        XCTAssertEqual(result.respondents.count, 3)
        // (The want-training column's is told of, as before: an answer that cannot be read takes
        // its respondent out of the shares' base, where a silent one had left them wanting none,
        // a reviewer's 100 % read as 67 %.)
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["Нет ответа", "Kinda"])
        XCTAssertFalse(result.respondents[0].demandAsked)
        for k in 0..<2 {
            XCTAssertNil(result.answer(k, "imp_partnerships", in: instrument))
            XCTAssertNil(result.answer(k, "comp_partnerships", in: instrument))
        }
        XCTAssertEqual(result.answer(0, "imp_interpreters", in: instrument), .choice("4"))
        XCTAssertNil(result.answer(2, "imp_interpreters", in: instrument))
        XCTAssertEqual(result.answer(2, "imp_partnerships", in: instrument), .choice("5"))
        // Who wants training: unanswered, out of the shares' base, not wanting none.
        XCTAssertNil(result.answer(0, "training_wanted", in: instrument))
        XCTAssertEqual(result.answer(1, "training_wanted", in: instrument), .choices(["partnerships"]))
        // Not a country: `NA` is still told of (a reviewer's).
        let country = normalise([folder.write("country.csv", "country,municipality,imp_partnerships\nNA,,4\n")])
        XCTAssertEqual(country.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["NA"])
    }

    /// A list whose midpoint says "not sure" (`Не уверена`, a point of the scale): a text saying
    /// so in another form is that point (`Не уверен`), and one in a language the list lacks may be
    /// it too, so it is told of as off the list, not dropped without a word (a reviewer's case).
    func testNoAnswerWordsBesideAMidpointSayingSoAreToldOf() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label,topic,measure\nselect_one c5,imp_x,X,x,importance\nselect_one c5,comp_x,Y,x,competence\n",
                                  choices: "list_name,name,label::Русский (ru)\nc5,1,Очень низкая\nc5,2,Низкая\nc5,3,Не уверена\n"
                                    + "c5,4,Высокая\nc5,5,Очень высокая\n")
        let result = normalise([folder.write("mid.csv", "comp_x\nНе уверен\nNeesmu pārliecināts\n")], instrument: instrument)
        XCTAssertEqual(result.answer(0, "comp_x", in: instrument), .choice("3"))
        XCTAssertNil(result.answer(1, "comp_x", in: instrument))
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["Neesmu pārliecināts"])
        // LimeSurvey's own `No answer` never means that point: unanswered, without a word.
        let lime = normalise([folder.write("lime.csv", "id,submitdate,lastpage,startlanguage,comp_x\n1,2025-01-02 10:00:00,2,ru,No answer\n"
                                           + "2,2025-01-02 11:00:00,2,ru,Не уверена\n")], instrument: instrument)
        XCTAssertEqual(lime.accounts.first?.shape, "LimeSurvey")
        XCTAssertNil(lime.answer(0, "comp_x", in: instrument))
        XCTAssertEqual(lime.answer(1, "comp_x", in: instrument), .choice("3"))
        XCTAssertFalse(lime.codes().contains("unknown_value"), "\(lime.issues.map(\.message))")
        // An off-scale `Don't know` after the scale is missing, as the text is: no warning either
        // (a reviewer's: LimeSurvey's `No answer` beside a list's `9 Don't know` was warned of again).
        let offScale = TemporaryFolder()
        let dk = try form(in: offScale, survey: "type,name,label,topic,measure\nselect_one i5,imp_x,X,x,importance\nselect_one i5,comp_x,Y,x,competence\n",
                          choices: "list_name,name,label\ni5,1,Low\ni5,2,Rather low\ni5,3,Medium\ni5,4,Rather high\ni5,5,High\ni5,9,Don't know\n")
        let sheet = normalise([offScale.write("dk.csv", "imp_x\nNo answer\nDon't know\n4\n")], instrument: dk)
        XCTAssertEqual(sheet.respondents.count, 3)
        XCTAssertFalse(sheet.codes().contains("unknown_value"), "\(sheet.issues.map(\.message))")
        XCTAssertNil(sheet.answer(0, "imp_x", in: dk))
    }

    // MARK: KoboToolbox

    func testKoboXMLExportWithGroupsSplitColumnsMetaAndHXL() throws {
        let folder = TemporaryFolder()
        let header = ["start", "end", "country", "municipality", "role", "importance/imp_intercultural", "importance/imp_disinformation",
                      "competence/comp_intercultural", "competence/comp_disinformation", "training_wanted",
                      "training_wanted/intercultural", "training_wanted/disinformation", "comments", "contact_email",
                      "_id", "_uuid", "_submission_time", "_validation_status", "_index"]
        let rows = [
            header,
            ["#date", "#date", "#country+code", "#adm2+name", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
            ["2025-01-14T10:00:00+02:00", "2025-01-14T10:09:00+02:00", "EE", "Narva linn", "social_worker", "5", "4", "2", "1",
             "intercultural disinformation", "1", "1", "Vajame abi", "mari@example.ee", "1", "uuid-1", "2025-01-14T08:09:30", "", "1"],
            ["2025-01-15T10:00:00+02:00", "2025-01-15T10:09:00+02:00", "", "Tartu linn", "teacher", "3", "6", "3", "",
             "", "0", "0", "", "", "2", "uuid-2", "2025-01-15T08:09:30", "", "2"],
            ["2025-01-14T10:00:00+02:00", "2025-01-14T10:09:00+02:00", "EE", "Narva linn", "social_worker", "5", "4", "2", "1",
             "intercultural disinformation", "1", "1", "Vajame abi", "mari@example.ee", "1", "uuid-1", "2025-01-14T08:09:30", "", "3"],
        ]
        let text = rows.map { $0.map { "\"\($0)\"" }.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        let result = normalise([folder.write("kobo.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "KoboToolbox")
        XCTAssertEqual(result.respondents.count, 2)
        XCTAssertEqual(result.accounts.first?.recordsRead, 3, "the HXL row is part of the header")
        XCTAssertEqual(result.accounts.first?.duplicates, 1)
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["intercultural", "disinformation"]))
        // The whole column is read, the split ones are not: an empty cell is an unanswered question.
        XCTAssertNil(result.answer(1, "training_wanted", in: instrument))
        XCTAssertEqual(result.respondents[0].submitted, "2025-01-14")
        XCTAssertEqual(result.respondents[0].municipalityCode, "EE-511")
        // `6` on a 1–5 scale: an unknown value with its place, treated as missing; the respondent is kept.
        let unknown = try XCTUnwrap(result.issues.first { $0.code == "unknown_value" })
        XCTAssertEqual(unknown.line, 4)
        XCTAssertEqual(unknown.column, 7)
        XCTAssertEqual(unknown.question, "imp_disinformation")
        XCTAssertEqual(unknown.oldValue, "6")
        XCTAssertNil(result.answer(1, "imp_disinformation", in: instrument))
        // A blank country is inferred from the municipality and logged.
        XCTAssertEqual(result.respondents[1].country, "EE")
        XCTAssertEqual(result.issues.first { $0.code == "country_inferred" }?.newValue, "EE")
        XCTAssertTrue(result.codes().contains("split_columns_ignored"))
        XCTAssertTrue(result.codes().contains("hxl_row"))
        XCTAssertEqual(result.issues.first { $0.code == "duplicate_submission" }?.line, 5)
    }

    /// A blank country beside a municipality that fits two (`Tartu`: Tartu linn and Tartu vald,
    /// both Estonian) was counted only in the region total, with no word of it (a second helper's
    /// probe): the country is inferred, the municipality stays ambiguous. Beside a municipality
    /// the gazetteer lacks, the respondent counts only in ALL, and `place_unknown` says so, as it
    /// does when both are blank.
    func testABlankCountryBesideAnAmbiguousOrUnknownMunicipality() throws {
        let folder = TemporaryFolder()
        let text = """
        country,municipality,imp_intercultural,comp_intercultural
        ,Tartu,5,2
        ,Atlantis,4,2
        ,,3,1
        LV,Tartu,4,4

        """
        let result = normalise([folder.write("blank.csv", text)])
        XCTAssertEqual(result.respondents.map(\.country), ["EE", nil, nil, "LV"])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), [nil, nil, nil, nil])
        XCTAssertEqual(result.issues.filter { $0.code == "country_inferred" }.map(\.line), [2])
        XCTAssertEqual(result.issues.first { $0.code == "country_inferred" }?.newValue, "EE")
        // A country given stands (line 5's LV is not made EE by its `Tartu`); the answers disagree,
        // as for a municipality of another country (a probe: it had been said to be ambiguous,
        // naming only Estonia's municipalities).
        XCTAssertEqual(result.issues.filter { $0.code == "municipality_ambiguous" }.map(\.line), [2])
        XCTAssertEqual(result.issues.filter { $0.code == "place_mismatch" }.map(\.line), [5])
        XCTAssertEqual(result.issues.filter { $0.code == "place_unknown" }.map(\.line), [3, 4])
    }

    /// A county, region or country written for the municipality beside a blank country
    /// (`Harjumaa`, `Vilniaus apskritis`, `Latgale`, `Latvija`) gives the country, the
    /// municipality unknown (a probe: each had been place_unknown, counted only in ALL, "the
    /// municipality tells none"). Beside a country answered, the answer stands.
    func testACountyOrCountryWrittenForTheMunicipalityGivesTheCountry() throws {
        let folder = TemporaryFolder()
        let text = """
        country,municipality,imp_intercultural
        ,Harjumaa,5
        ,Vilniaus apskritis,4
        ,Latgale,3
        ,Latvija,2
        ,Atlantis,4
        EE,Latgale,4
        EE,Vilnius,3
        EE,LV-1050 Rīga,3

        """
        let result = normalise([folder.write("regions.csv", text)])
        XCTAssertEqual(result.respondents.map(\.country), ["EE", "LT", "LV", "LV", nil, "EE", "EE", "EE"])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), [nil, nil, nil, nil, nil, nil, nil, nil])
        XCTAssertEqual(result.issues.filter { $0.code == "country_inferred" }.map(\.line), [2, 3, 4, 5])
        XCTAssertEqual(result.issues.filter { $0.code == "municipality_unknown" }.map(\.line), [2, 3, 4, 5, 6, 7])
        XCTAssertEqual(result.issues.filter { $0.code == "place_unknown" }.map(\.line), [6])
        let county = try XCTUnwrap(result.issues.first { $0.code == "municipality_unknown" })
        XCTAssertTrue(county.message.contains("names a county, region or country"), county.message)
        XCTAssertEqual(result.issues.filter { $0.code == "place_mismatch" }.map(\.line), [8, 9], "a postal code's country too")
        let other = try XCTUnwrap(result.issues.first { $0.code == "place_mismatch" })
        XCTAssertEqual(other.line, 8)
        XCTAssertTrue(other.message.contains("is in LT"), other.message)
    }

    /// The same with letters a code page lacked, each written `?`: `S?lija` had been no region
    /// (place_unknown), and `P?rnumaa` a county with no word of the lost letters. A name read
    /// without them, a county beside it confirming it (`Lihula, L??nemaa`), or a `?` typed in a
    /// county beside it (`Narva,?Ida-Virumaa`, `Kohila vald, Rapla?maa`: a reviewer's, warned as
    /// lost letters by the first version of this), gives no such warning; nor a name dropped as
    /// another country's than the answer's (`Latvia`, `J?hvi`: it had been "read as Jõhvi vald").
    func testACountyOrRegionWhoseLettersWereLostGivesTheCountryWithAWarning() throws {
        let folder = TemporaryFolder()
        let text = """
        country,municipality,imp_intercultural
        ,S?lija,5
        ,P?rnumaa,4
        ,"Lihula, L??nemaa",3
        ,Sēlija,2
        ,Lihula,4
        ,"Narva,?Ida-Virumaa",4
        ,"Kohila vald, Rapla?maa",4
        Latvia,J?hvi,3
        ,J?hvi,3

        """
        let result = normalise([folder.write("regions.csv", text)])
        // A Latvian region's office, its letters lost or not (`Latgales reģions`, `Vidzemes
        // plānošanas reģions`, the planning region, had been no place).
        let offices = normalise([folder.write("offices.csv", "country,municipality,imp_intercultural\n,Latgales reģions,4\n"
                                              + ",Vidzemes plānošanas reģions,4\n,Latgale region,3\n,R?gas pl?no?anas re?ions,3\n,Latgales novads,3\n,Riga planning region,3\n")])
        XCTAssertEqual(offices.respondents.map(\.country), ["LV", "LV", "LV", "LV", nil, "LV"])
        XCTAssertEqual(offices.issues.filter { $0.code == "municipality_unknown" }.map { $0.message.contains("names a county, region or country") },
                       [true, true, true, true, false, true])
        XCTAssertEqual(result.respondents.map(\.country), ["LV", "EE", "EE", "LV", "EE", "EE", "EE", "LV", "EE"])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), [nil, nil, "EE-430", nil, "EE-430", "EE-511", "EE-317", nil, "EE-251"])
        XCTAssertEqual(result.issues.filter { $0.code == "country_inferred" }.map(\.line), [2, 3, 4, 5, 6, 7, 8, 10])
        let regions = result.issues.filter { $0.code == "municipality_unknown" }
        XCTAssertEqual(regions.map(\.line), [2, 3, 5])
        XCTAssertEqual(regions.map { $0.message.contains("each ? read as a letter the file's code page lacks") }, [true, true, false])
        XCTAssertEqual(result.issues.filter { $0.code == "municipality_letters_lost" }.map(\.line), [10])
        XCTAssertEqual(result.issues.filter { $0.code == "place_mismatch" }.map(\.line), [9])
    }

    /// A municipality of another country than the one answered (`Estonia`, `Daugavpils`) kept its
    /// code, so topic_demand_by_municipality showed Latvia's Daugavpils among Estonia's
    /// municipalities: the country stands, the municipality is kept as written without a code.
    func testMunicipalityOfAnotherCountryIsNotShownUnderTheCountryAnswered() throws {
        let folder = TemporaryFolder()
        let text = "country,municipality,imp_intercultural\nEE,Daugavpils,5\nLV,Daugavpils,4\n,Daugavpils,3\n"
        let result = normalise([folder.write("places.csv", text)])
        XCTAssertEqual(result.respondents.map(\.country), ["EE", "LV", "LV"])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), [nil, "LV-DGV", "LV-DGV"])
        XCTAssertEqual(result.respondents.first?.municipalityName, "Daugavpils")
        XCTAssertEqual(result.issues.filter { $0.code == "place_mismatch" }.map(\.line), [2])
    }

    /// A mark or word for none typed into the municipality (`-`, `—`, `?`, `n/a`, Latvian `nav`,
    /// Russian `нет`) was `not a municipality of the gazetteer; kept as written` (municipality_unknown),
    /// as if a place had been named that the gazetteer lacks: it says no place was given
    /// (municipality_not_given), the respondent under no municipality, as a blank cell is; with
    /// no country either, place_unknown as for a blank. A name is read as before, and `?????` (a
    /// name whose every letter a code page lacked) is still a place given.
    func testNoPlaceWrittenIsSaidSoNotAsAnUnknownMunicipality() throws {
        let folder = TemporaryFolder()
        let text = "country,municipality,imp_intercultural\nEE,-,5\nEE,—,4\nLT,?,3\nEE,n/a,2\nLV,nav,1\nLV,Nav,2\n,нет,3\n"
            + "EE,Narva,4\nEE,Atlantis,5\nEE,?????,1\n"
        let result = normalise([folder.write("places.csv", text)])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), [nil, nil, nil, nil, nil, nil, nil, "EE-511", nil, nil])
        XCTAssertEqual(result.respondents.map(\.municipalityName), [nil, nil, nil, nil, nil, nil, nil, "Narva linn", "Atlantis", "?????"])
        let notGiven = result.issues.filter { $0.code == "municipality_not_given" }
        // (A dash alone is a blank cell, said as a blank one is: by nothing.)
        XCTAssertEqual(notGiven.map(\.line), [4, 5, 6, 7, 8])
        XCTAssertEqual(notGiven.map(\.oldValue), ["?", "n/a", "nav", "Nav", "нет"])
        XCTAssertEqual(result.issues.filter { $0.code == "municipality_unknown" }.map(\.oldValue), ["Atlantis"])
        XCTAssertEqual(result.issues.filter { $0.code == "text_lost" }.map(\.oldValue), ["?????"])
        XCTAssertEqual(result.issues.filter { $0.code == "place_unknown" }.map(\.line), [8])
    }

    /// A country answer the gazetteer knows but the form's choice list does not (ISO alpha-3
    /// `EST`, a name in another language, `Lettland`, `Litauen`) is that country's choice; it was
    /// an unknown value and the country missing, while the same text in a text question was read.
    func testCountryAsAlpha3OrInAnotherLanguageIsTheCountryChoice() throws {
        let folder = TemporaryFolder()
        let text = "country,municipality,imp_intercultural\nEST,,5\nLVA,,4\nLettland,,3\nLitauen,,2\nEsperanto,,1\n"
        let result = normalise([folder.write("countries.csv", text)])
        XCTAssertEqual(result.respondents.map(\.country), ["EE", "LV", "LV", "LT", nil])
        XCTAssertEqual(result.answer(0, "country", in: instrument), .choice("EE"))
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["Esperanto"])
    }

    /// A submission KoboToolbox's reviewers did not approve (`_validation_status`, by name or by
    /// label) is quarantined with a note; approved, on hold and unreviewed ones are respondents.
    func testKoboSubmissionsNotApprovedInReviewAreQuarantined() throws {
        let folder = TemporaryFolder()
        var text = "country;municipality;importance/imp_intercultural;_uuid;_validation_status\n"
        for (k, status) in ["validation_status_approved", "validation_status_not_approved", "Not Approved", "On Hold", "",
                            " validation_status_on_hold"].enumerated() {
            text += "EE;Narva linn;4;u\(k);\(status)\n"
        }
        let result = normalise([folder.write("kobo.csv", text)])
        XCTAssertEqual(result.accounts.first?.respondents, 4)
        XCTAssertEqual(result.accounts.first?.quarantined, 2)
        let notes = result.issues.filter { $0.code == "not_approved" }
        XCTAssertEqual(notes.map(\.line), [3, 4])
        XCTAssertEqual(notes.map(\.column), [5, 5])
        XCTAssertEqual(notes.map(\.severity), [.note, .note])
    }

    /// ODK Central's export writes a repeat group's rows in a CSV of their own, linked to the
    /// main one's submissions by `PARENT_KEY` (a Kobo workbook's repeat sheet by `_parent_index`):
    /// one row per repeat, not per respondent. Unzipped beside the main export, each repeat was
    /// read as a respondent of its own (every training a respondent listed counted once more).
    func testARepeatGroupsTableIsNoRespondents() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: """
        type,name,label
        text,municipality,Municipality
        begin_repeat,course,Courses attended
        text,course_name,Course
        integer,course_days,Days
        end_repeat,,

        """, choices: "list_name,name,label\n")
        let main = "municipality,SubmissionDate,meta-instanceID,KEY\nNarva,2025-01-14T10:00:00Z,uuid:1,uuid:1\nTallinn,2025-01-15T10:00:00Z,uuid:2,uuid:2\n"
        let repeats = """
        course_name,course_days,PARENT_KEY,KEY
        First aid,2,uuid:1,uuid:1/course[1]
        Migration law,1,uuid:1,uuid:1/course[2]
        Migration law,1,uuid:2,uuid:2/course[1]

        """
        let result = normalise([folder.write("tna.csv", main), folder.write("tna-course.csv", repeats)], instrument: form)
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-511", "EE-784"])
        // Files are read in the order of their names: tna-course.csv first.
        XCTAssertEqual(result.accounts.map(\.quarantined), [3, 0])
        XCTAssertEqual(result.issues.filter { $0.code == "repeat_table" }.map(\.file), ["tna-course.csv"])
        // Named at the column that links the rows to their submissions (it named none).
        let note = result.issues.first { $0.code == "repeat_table" }
        XCTAssertEqual(note?.column, 3)
        XCTAssertEqual(note?.message, "this file holds a repeat group's rows, each linked to a submission of the main export by "
                       + "`PARENT_KEY`: one row per repeat, not per respondent, so none is read as a respondent")
        XCTAssertFalse(result.codes().contains("no_matching_questions"), "\(result.issues.map(\.message))")
    }

    /// ODK Central's export says how its reviewers judged each submission in `ReviewState`
    /// (blank, `hasIssues`, `edited`, `approved`, `rejected`): a rejected one was read into every
    /// figure; it is quarantined as a Kobo submission not approved is.
    func testODKCentralSubmissionsRejectedInReviewAreQuarantined() throws {
        let folder = TemporaryFolder()
        var text = "SubmissionDate,country,municipality,importance-imp_intercultural,meta-instanceID,KEY,ReviewState\n"
        for (k, state) in ["approved", "rejected", "hasIssues", "", "edited", "Rejected"].enumerated() {
            text += "2025-01-14T08:09:30.123Z,EE,Narva linn,4,uuid:\(k),uuid:\(k),\(state)\n"
        }
        let result = normalise([folder.write("odk.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "ODK Central")
        XCTAssertEqual(result.accounts.first?.respondents, 4)
        XCTAssertEqual(result.accounts.first?.quarantined, 2)
        let notes = result.issues.filter { $0.code == "not_approved" }
        XCTAssertEqual(notes.map(\.line), [3, 7])
        XCTAssertTrue(notes.first?.message.contains("ReviewState") ?? false, notes.first?.message ?? "")
    }

    /// A split column's tick is kept as a bit of its choice's place in the list; the choices of
    /// a list past its 64th take the names' way. Either way the answer is the ticked choices in
    /// list order.
    func testSplitChoiceColumnsOfAListLongerThan64() throws {
        let folder = TemporaryFolder()
        let names = (1...70).map { "c\($0)" }
        _ = folder.write("instrument/survey.csv", "type,name,label::English (en)\nselect_multiple many,many,Many\ntext,note,Note\n")
        _ = folder.write("instrument/choices.csv", "list_name,name,label::English (en)\n" + names.map { "many,\($0),Choice \($0)\n" }.joined())
        _ = folder.write("instrument/settings.csv", "form_title,form_id\nLong list,long_list\n")
        let long = try InstrumentLoader.load(folder.path + "/instrument")
        let columns = ["c70", "c2", "c66", "c1", "zz"]
        var text = "note;" + columns.map { "many/\($0)" }.joined(separator: ";") + ";_uuid\n"
        // `zz` is no choice of the list: its column is not read.
        let ticks = [[1, 1, 0, 1, 0], [0, 1, 0, 1, 0], [1, 1, 0, 1, 0], [1, 0, 1, 0, 1], [0, 1, 0, 1, 1], [0, 0, 0, 0, 0]]
        for (k, row) in ticks.enumerated() { text += "n\(k);" + row.map(String.init).joined(separator: ";") + ";u\(k)\n" }
        let result = normalise([folder.write("kobo.csv", text)], instrument: long)
        XCTAssertEqual(result.accounts.first?.respondents, 6)
        let q = try XCTUnwrap(long.questionIndex["many"])
        XCTAssertEqual(result.respondents.map { $0.answer(q) }, [
            .choices(["c1", "c2", "c70"]), .choices(["c1", "c2"]), .choices(["c1", "c2", "c70"]), .choices(["c66", "c70"]),
            .choices(["c1", "c2"]), .choices([]),
        ])
    }

    /// Hand-made sheets tick a split choice column with a check mark (`✔`, `√`, `☑`, `v`), a `+`
    /// or `ja` (Latvian `jā` typed plainly), and leave it with `-` or an empty box `☐`: each was an
    /// unknown value read as unticked, so a respondent who asked for training asked for nothing.
    func testSplitChoiceColumnsTickedWithCheckMarks() throws {
        let folder = TemporaryFolder()
        var text = "country,municipality,training_wanted/intercultural,training_wanted/partnerships\n"
        for (tick, untick) in [("✔", ""), ("√", "-"), ("+", "-"), ("v", "☐"), ("V", "–"), ("☑", "☐"), ("ja", "ne"), ("✔️", ""),
                               ("ИСТИНА", "ЛОЖЬ")] {
            text += "EE,Narva,\(tick),\(untick)\n"
        }
        let result = normalise([folder.write("ticks.csv", text)])
        XCTAssertEqual(result.respondents.count, 9)
        for k in 0..<result.respondents.count {
            XCTAssertEqual(result.answer(k, "training_wanted", in: instrument), .choices(["intercultural"]), "row \(k + 2)")
        }
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
    }

    /// A yes or no with a full stop or words after it (`Jah.`, `Да, конечно`, `Нет, спасибо`),
    /// `✅`, `Selected` in the survey languages, `Kindlasti` (certainly): a probe's had each read
    /// unticked, the respondent in the topic's base as not wanting it. A number with a comma
    /// after it is no tick (`1, 3`: unknown, as before).
    func testTicksWithPunctuationOrWordsAfterThem() throws {
        let folder = TemporaryFolder()
        var text = "country,municipality,training_wanted/intercultural,training_wanted/partnerships\n"
        for (tick, untick) in [("Jah.", "Ei."), ("\"Да, конечно\"", "\"Нет, спасибо\""), ("✅", "❌"), ("Selected", "Not selected"),
                               ("Выбрано", "Не выбрано"), ("Kindlasti", "-"), ("1.", "0."), ("Taip!", "Ne!")] {
            text += "EE,Narva,\(tick),\(untick)\n"
        }
        text += "EE,Narva,\"1, 3\",0\n"
        // Words after the comma that hedge or take it back leave it unknown, said (a reviewer's).
        text += "EE,Narva,\"Да, нет\",\"Jā, bet ne tagad\"\n"
        let result = normalise([folder.write("ticks.csv", text)])
        XCTAssertEqual(result.respondents.count, 10)
        guard result.respondents.count == 10 else { return }
        for k in 0..<8 {
            XCTAssertEqual(result.answer(k, "training_wanted", in: instrument), .choices(["intercultural"]), "row \(k + 2)")
        }
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["1, 3", "Да, нет", "Jā, bet ne tagad"])
    }

    /// Excel in Estonian, Latvian or Lithuanian writes a sheet's TRUE and FALSE as TÕENE/VÄÄR,
    /// PATIESS/APLAMS and TIESA/NETIESA (Russian ИСТИНА/ЛОЖЬ was read already), and an older
    /// LimeSurvey full-answers export an unticked choice as `Not selected`: each was an unknown
    /// value per cell, and a TRUE one ticked nothing, so the respondent asked for no training.
    func testSplitChoiceColumnsTickedInLocalisedWords() throws {
        let folder = TemporaryFolder()
        var text = "country,municipality,training_wanted/intercultural,training_wanted/partnerships\n"
        // A number format with decimals (a probe's: `1,0` from a Baltic Excel had read unticked).
        for (tick, untick) in [("TÕENE", "VÄÄR"), ("PATIESS", "APLAMS"), ("TIESA", "NETIESA"), ("Yes", "Not selected"),
                               ("tõene", "väär"), ("\"1,0\"", "\"0,0\""), ("1.00", "0.00"), ("\"1,00\"", "0")] {
            text += "EE,Narva,\(tick),\(untick)\n"
        }
        let result = normalise([folder.write("ticks.csv", text)])
        XCTAssertEqual(result.respondents.count, 8)
        for k in 0..<result.respondents.count {
            XCTAssertEqual(result.answer(k, "training_wanted", in: instrument), .choices(["intercultural"]), "row \(k + 2)")
        }
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
    }

    /// A Google Forms grid whose rows the form numbered (`[1. Kultuuridevaheline pädevus ja
    /// suhtlus]`) or ended with a colon: every rating had been lost (`questions_missing`, a
    /// probe's). And checkbox answers typed with a label's words in another form
    /// (`коммуникации` for `коммуникация`): read as the topics, with a warning, where the
    /// respondent had wanted none ("typed for Other").
    func testNumberedGridRowsAndCheckboxLabelsInAnotherForm() throws {
        let folder = TemporaryFolder()
        let text = """
        Ajatempel,Riik,Omavalitsus,Kui oluline on iga teema teie töös? [1. Kultuuridevaheline pädevus ja suhtlus],Kui oluline on iga teema teie töös? [Partnerlus lõimumise toetamiseks:],По каким темам вы бы прошли обучение?
        13.01.2025 15:15:00,Eesti,Narva,Väga oluline,Oluline,"Межкультурная компетентность и коммуникации, Партнерства для интеграции"
        13.01.2025 15:16:00,Eesti,Narva,Oluline,Vähe oluline,Межкультурной компетентности и коммуникации

        """
        let result = normalise([folder.write("grid.csv", text)])
        XCTAssertFalse(result.codes().contains("questions_missing") && result.issues.contains { $0.message.contains("imp_intercultural") },
                       "\(result.issues.map(\.message))")
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["intercultural", "partnerships"]))
        XCTAssertEqual(result.answer(1, "training_wanted", in: instrument), .choices(["intercultural"]))
        XCTAssertEqual(result.issues.filter { $0.code == "label_matched_in_another_form" }.map(\.oldValue),
                       ["Межкультурная компетентность и коммуникации", "Межкультурной компетентности и коммуникации"])
    }

    /// The exports of a form's Estonian and English versions pasted together: the second header
    /// names the same columns in other words, which the reader (comparing names) cannot tell from
    /// a row. It was a respondent (`Municipality` an unknown place, every answer unknown); it is
    /// the header again, quarantined with a note, and the rows below are read.
    func testHeaderAgainInAnotherLanguageIsNoRespondent() throws {
        let folder = TemporaryFolder()
        let text = """
        Ajatempel,Riik,Omavalitsus,Teie amet,Kui oluline on iga teema teie töös? [Kultuuridevaheline pädevus ja suhtlus]
        13.01.2025 15:15:00,Eesti,Narva,Muu,Väga oluline
        Timestamp,Country,Municipality,Your role,How important is each topic for your work? [Intercultural competence and communication]
        14.01.2025 15:15:00,Estonia,Tallinn,Other,Important
        15.01.2025 15:15:00,Narnia,Tallinn,Eh,Hmm

        """
        let result = normalise([folder.write("merged.csv", text)])
        XCTAssertEqual(result.respondents.count, 3)
        XCTAssertEqual(result.accounts.first?.quarantined, 1)
        XCTAssertEqual(result.respondents.map(\.sourceLine), [2, 4, 5])
        XCTAssertEqual(result.issues.first { $0.code == "repeated_header" }?.line, 3)
        // At the row's first cell, as the reader's repeated_header is (it named no column).
        XCTAssertEqual(result.issues.first { $0.code == "repeated_header" }?.column, 1)
        XCTAssertFalse(result.issues.contains { $0.oldValue == "Municipality" }, "\(result.issues.map(\.message))")
        // Nor is its `Timestamp` a date to warn of (it was: `date_unreadable` at line 3); a
        // respondent's unreadable date still is.
        XCTAssertFalse(result.codes().contains("date_unreadable"), "\(result.issues.map(\.message))")
        let unreadable = normalise([folder.write("word.csv", text.replacingOccurrences(of: "15.01.2025 15:15:00", with: "yesterday"))])
        XCTAssertEqual(unreadable.issues.filter { $0.code == "date_unreadable" }.map(\.line), [5])
    }

    /// Kobo's export lets the user choose the group separator: with `.` the group paths and split
    /// columns are the same questions; with `-`, split columns alone still give the demand.
    func testKoboXMLExportWithAnotherGroupSeparator() throws {
        let folder = TemporaryFolder()
        let dotted = "country;importance.imp_intercultural;competence.comp_intercultural;training_wanted.intercultural\n"
            + "EE;5;2;1\n"
        let dashed = "country;importance-imp_intercultural;competence-comp_intercultural;training_wanted-intercultural\n"
            + "EE;4;3;1\n"
        let result = normalise([folder.write("a_dot.csv", dotted), folder.write("b_dash.csv", dashed)])
        XCTAssertEqual(result.respondents.count, 2)
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["intercultural"]))
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(1, "training_wanted", in: instrument), .choices(["intercultural"]))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
        // Separators typed in the export's settings (a probe: with `--` and `_` every rating was
        // lost, its columns said to be an older version's).
        for separator in ["--", "_", "__", "|", ":"] {
            let text = "country;importance\(separator)imp_intercultural;competence\(separator)comp_intercultural;"
                + "training_wanted\(separator)intercultural;training_wanted\(separator)partnerships\nEE;5;2;1;0\n"
            let typed = normalise([folder.write("typed.csv", text)])
            XCTAssertEqual(typed.respondents.count, 1, separator)
            XCTAssertEqual(typed.answer(0, "imp_intercultural", in: instrument), .choice("5"), separator)
            XCTAssertEqual(typed.answer(0, "comp_intercultural", in: instrument), .choice("2"), separator)
            XCTAssertEqual(typed.answer(0, "training_wanted", in: instrument), .choices(["intercultural"]), separator)
            XCTAssertFalse(typed.codes().contains("unmapped_columns"), separator)
        }
        // The labels export joins the labels with the separator as typed, no spaces: with `:`,
        // `-` or `--` every rating had been lost, `questions_missing` with exit 0 (a probe's);
        // and with `|`, `_` or `__`, which the README listed too (the next session's probe).
        for separator in [":", "-", "--", "|", "_", "__"] {
            let group = "Kiek kiekviena tema svarbi jūsų darbe?"
            let text = "Šalis;\(group)\(separator)Tarpkultūrinė kompetencija ir komunikacija;\(group)\(separator)Partnerystės integracijai\n"
                + "Lietuva;5;3\n"
            let labels = normalise([folder.write("labels.csv", text)])
            XCTAssertEqual(labels.answer(0, "imp_intercultural", in: instrument), .choice("5"), separator)
            XCTAssertEqual(labels.answer(0, "imp_partnerships", in: instrument), .choice("3"), separator)
            XCTAssertFalse(labels.codes().contains("unmapped_columns"), separator)
        }
    }

    /// Kobo's labels export joins a select_multiple answer's labels with spaces, in the single
    /// column that is read (the split columns beside it are not): every choice was lost.
    func testKoboLabelExportJoinsSelectMultipleLabelsWithSpaces() throws {
        let folder = TemporaryFolder()
        let text = """
        "Country";"Which topics would you attend training on?";"_uuid"
        "Estonia";"Partnerships for integration Gender-based violence prevention";"u-1"
        "Эстония";"Партнёрства для интеграции Работа с переводчиками и языковая доступность";"u-2"
        "Estonia";"Partnerships for integration and more";"u-3"

        """
        let result = normalise([folder.write("labels.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "KoboToolbox")
        XCTAssertEqual(result.respondents.count, 3)
        guard result.respondents.count == 3 else { return }
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships", "gbv_prevention"]))
        XCTAssertEqual(result.answer(1, "training_wanted", in: instrument), .choices(["partnerships", "interpreters"]))
        // Words that are no label are not read as choices one by one: they are unknown values.
        XCTAssertEqual(Set(result.issues.filter { $0.code == "unknown_value" }.map(\.line)), [4])
        // Nothing of it is a choice: unanswered, as an unknown value is for any question.
        XCTAssertNil(result.answer(2, "training_wanted", in: instrument))
    }

    /// A select_multiple cell of which nothing is a choice (`-`, `n/a`, choices joined by `|` or
    /// ` / `) is an unanswered question, as an unknown answer to a select_one is: it was read as
    /// answered with nothing chosen, and counted in the demand shares' denominators.
    func testMultipleChoiceCellWithNoChoiceIsUnanswered() throws {
        let folder = TemporaryFolder()
        let text = """
        country,municipality,imp_intercultural,training_wanted
        EE,Narva,4,-
        EE,Narva,4,intercultural|partnerships
        EE,Narva,4,Intercultural competence and communication / Partnerships for integration
        EE,Narva,4,"intercultural, something else"
        EE,Narva,4,intercultural

        """
        let result = normalise([folder.write("sheet.csv", text)])
        XCTAssertEqual(result.respondents.count, 5)
        guard result.respondents.count == 5 else { return }
        for k in 0..<3 { XCTAssertNil(result.answer(k, "training_wanted", in: instrument), "row \(k)") }
        XCTAssertEqual(result.answer(3, "training_wanted", in: instrument), .choices(["intercultural"]))
        XCTAssertEqual(result.answer(4, "training_wanted", in: instrument), .choices(["intercultural"]))
        // (The dash alone is a blank cell: no warning.)
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.line), [3, 4, 5])
    }

    func testKoboLabelExportInRussianWithGroupLabels() throws {
        let folder = TemporaryFolder()
        let text = """
        Страна;Муниципалитет;Насколько важна каждая тема для вашей работы?/Межкультурная компетентность и коммуникация;Как вы оцениваете свою компетентность по каждой теме?/Межкультурная компетентность и коммуникация;По каким темам вы бы прошли обучение?;_uuid
        Эстония;Нарва;Очень важно;Низкая;Межкультурная компетентность и коммуникация Противодействие дезинформации и ложной информации;u1

        """
        let result = normalise([folder.write("kobo_ru.csv", text)])
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertEqual(result.respondents[0].country, "EE")
        XCTAssertEqual(result.respondents[0].municipalityCode, "EE-511")
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("2"))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// A form whose groups sit inside a section group: Kobo's labels export heads a rating with
    /// every group's label on its path (`Section/Group label/Question label`), and a split choice
    /// column with the question's too. Only one group level was read: every rating was unmapped
    /// (and called a column of an older form version).
    func testKoboLabelExportOfNestedGroups() throws {
        let folder = TemporaryFolder()
        let survey = try String(contentsOfFile: Paths.inputs + "/instrument/survey.csv", encoding: .utf8)
        var lines = survey.components(separatedBy: "\n")
        let country = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("select_one country,") })
        lines.insert("begin_group,section,Main section,,,,,,,,,,", at: country)
        let last = try XCTUnwrap(lines.lastIndex { $0.hasPrefix("end_group") })
        lines.insert("end_group,,,,,,,,,,,,", at: last + 1)
        folder.write("form/survey.csv", lines.joined(separator: "\n"))
        for sheet in ["choices", "settings"] {
            folder.write("form/\(sheet).csv", try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8))
        }
        let nested = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(nested.question(named: "imp_intercultural")?.groupPath, ["section", "importance"])
        let text = """
        Main section/Country;Main section/Municipality;Main section/How important is each topic for your work?/Intercultural competence and communication;Main section/How would you rate your own competence in each topic?/Intercultural competence and communication;Main section/Which topics would you attend training on?/Countering disinformation and misinformation;_uuid
        Estonia;Narva;Very important;Low;1;u1

        """
        let result = normalise([folder.write("kobo_nested.csv", text)], instrument: nested)
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertEqual(result.respondents[0].municipalityCode, "EE-511")
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: nested), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: nested), .choice("2"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: nested), .choices(["disinformation"]))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
        XCTAssertFalse(result.codes().contains("columns_not_in_form_version"), "\(result.issues.map(\.message))")
    }

    /// A Google Forms question deleted and made again heads two columns alike: the earlier
    /// answers in the first, the later in the second. The second is read where the first has no
    /// answer; only the first was read, and the later answers were lost with a warning.
    func testAQuestionsSecondColumnFillsWhereTheFirstIsBlank() throws {
        let folder = TemporaryFolder()
        let text = """
        Timestamp,Country,Municipality,How important is each topic for your work? [Partnerships for integration],How important is each topic for your work? [Partnerships for integration]
        2025/01/14 10:32:05 AM EET,Estonia,Narva,Very important,
        2025/01/15 10:32:05 AM EET,Estonia,Narva,,Not at all important
        2025/01/16 10:32:05 AM EET,Estonia,Narva,Important,Very important
        2025/01/17 10:32:05 AM EET,Estonia,Narva,,

        """
        let result = normalise([folder.write("google_twice.csv", text)])
        XCTAssertEqual(result.respondents.count, 4)
        XCTAssertEqual((0..<4).map { result.answer($0, "imp_partnerships", in: instrument) },
                       [.choice("5"), .choice("1"), .choice("4"), nil])
        let issue = try XCTUnwrap(result.issues.first { $0.code == "duplicate_column" })
        XCTAssertEqual(issue.column, 5)
        XCTAssertEqual(issue.action, .kept)
        XCTAssertTrue(issue.message.contains("read only where column 4 has no answer"), issue.message)
    }

    /// KoboToolbox's labels export without group names in the headers (the export's default)
    /// heads a topic's importance and its competence column with the same label, as does a sheet
    /// headed by the questions' labels: the columns holding a label several questions share are
    /// those questions in the form's order. Every rating was unmapped.
    func testColumnsHeadedByALabelSeveralQuestionsShareAreReadInFormOrder() throws {
        let folder = TemporaryFolder()
        let kobo = """
        "Country";"Municipality";"Intercultural competence and communication";"Partnerships for integration";"Intercultural competence and communication";"Partnerships for integration";"_uuid"
        "Estonia";"Narva linn";"Very important";"Important";"Low";"Very high";"u-1"

        """
        let sheet = """
        Riik;Omavalitsus;Kultuuridevaheline pädevus ja suhtlus;Kultuuridevaheline pädevus ja suhtlus;Partnerlus lõimumise toetamiseks
        EE;Narva linn;2;4;3

        """
        let result = normalise([folder.write("a_kobo.csv", kobo), folder.write("b_sheet.csv", sheet)])
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "comp_partnerships", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(1, "comp_intercultural", in: instrument), .choice("4"))
        // One label alone for two questions: which it is cannot be told, so it is not read.
        XCTAssertNil(result.answer(1, "imp_partnerships", in: instrument))
        XCTAssertNil(result.answer(1, "comp_partnerships", in: instrument))
        let notes = result.issues.filter { $0.code == "columns_by_form_order" }
        XCTAssertEqual(notes.map(\.file), ["a_kobo.csv", "b_sheet.csv"])
        XCTAssertEqual(notes.map(\.column), [3, 3])
        XCTAssertEqual(notes.map(\.severity), [.note, .note])
        let ambiguous = result.issues.filter { $0.code == "ambiguous_column" }
        XCTAssertEqual(ambiguous.map(\.file), ["b_sheet.csv"])
        XCTAssertEqual(ambiguous.map(\.column), [5])
        XCTAssertFalse(result.issues.contains { $0.code == "columns_not_in_form_version" }, "\(result.issues.map(\.message))")
        XCTAssertFalse(result.issues.contains { $0.code == "unmapped_columns" }, "\(result.issues.map(\.message))")
    }

    /// A name in two groups (`hh/age`, `child/age`, as pyxform allows): each column headed by a
    /// group path, in any of the tools' separators, is its own question; Kobo's export without
    /// group names heads both `age`, read in the form's order as the tools write the columns (as
    /// a label two questions share is), with a note; one `age` for two questions is not read,
    /// with a warning naming both. Messages name a question by its path. The form was refused.
    func testTheSameNameInTwoGroupsIsReadByItsPath() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nbegin_group,hh,Household\nselect_one band,age,Age\nend_group,,\n"
            + "begin_group,child,Child\nselect_one band,age,Age\nend_group,,\ntext,town,Town\n",
            choices: "list_name,name,label\nband,young,Young\nband,old,Old\n")
        let files = [
            folder.write("a_kobo.csv", "hh/age;child/age;_uuid\nyoung;old;u1\n"),
            folder.write("b_odk.csv", "child-age,hh-age,KEY\nyoung,old,k2\n"),
            folder.write("c_dots.csv", "hh.age;child.age;_uuid\nold;ancient;u3\n"),
            folder.write("d_bare.csv", "age;age;_uuid\nold;young;u4\n"),
            folder.write("e_one.csv", "_uuid;town;age\nu5;Tallinn;old\n"),
        ]
        let result = normalise(files, instrument: instrument)
        XCTAssertEqual(result.respondents.count, 5)
        guard result.respondents.count == 5 else { return }
        let answers = (0..<5).map { r in ["hh/age", "child/age"].map { result.answer(r, $0, in: instrument) } }
        XCTAssertEqual(answers[0], [.choice("young"), .choice("old")])
        XCTAssertEqual(answers[1], [.choice("old"), .choice("young")])
        XCTAssertEqual(answers[2], [.choice("old"), nil])
        XCTAssertEqual(answers[3], [.choice("old"), .choice("young")])
        XCTAssertEqual(answers[4], [nil, nil])
        let unknown = try XCTUnwrap(result.issues.first { $0.code == "unknown_value" })
        XCTAssertTrue(unknown.message.contains("question `child/age`"), unknown.message)
        XCTAssertEqual(unknown.question, "child/age")
        let order = result.issues.filter { $0.code == "columns_by_form_order" }
        XCTAssertEqual(order.map { "\($0.file):\($0.line!):\($0.column!)" }, ["d_bare.csv:1:1"])
        XCTAssertTrue(order.first?.message.contains("column 1: hh/age, column 2: child/age") ?? false, "\(order.map(\.message))")
        let ambiguous = result.issues.filter { $0.code == "ambiguous_column" }
        XCTAssertEqual(ambiguous.map { "\($0.file):\($0.line!):\($0.column!)" }, ["e_one.csv:1:3"])
        XCTAssertTrue(ambiguous.first?.message.contains("column 3, `age`, is headed by a name that 2 questions share (hh/age, child/age)") ?? false,
                      "\(ambiguous.map(\.message))")
        XCTAssertFalse(result.issues.contains { $0.code == "unmapped_columns" }, "\(result.issues.map(\.message))")
    }

    /// Choices named by numbers with leading zeros (`01`, `02`, as codes are written): Excel drops
    /// the zeros when it opens an export and saves it again, and every such answer (`1`, `1 2`)
    /// was an unknown value. Read as the one choice of that number; beside a choice named `1`,
    /// `1` is that choice.
    func testChoiceNamesWithLeadingZerosReadFromAnExportExcelSavedAgain() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nselect_one num,numq,Number\nselect_multiple num,nums,Numbers\n"
            + "select_one both,bothq,Both\n",
            choices: "list_name,name,label\nnum,01,Alpha\nnum,02,Beta\nnum,10,Gamma\nboth,01,One padded\nboth,1,One\n")
        let result = normalise([folder.write("kobo.csv", "numq;nums;bothq;_uuid\n1;1 2;1;u1\n2;10;01;u2\n01;01 02;1.0;u3\n")],
                               instrument: instrument)
        XCTAssertEqual(result.respondents.count, 3)
        guard result.respondents.count == 3 else { return }
        XCTAssertEqual((0..<3).map { result.answer($0, "numq", in: instrument) }, [.choice("01"), .choice("02"), .choice("01")])
        XCTAssertEqual((0..<3).map { result.answer($0, "nums", in: instrument) },
                       [.choices(["01", "02"]), .choices(["10"]), .choices(["01", "02"])])
        XCTAssertEqual((0..<3).map { result.answer($0, "bothq", in: instrument) }, [.choice("1"), .choice("01"), .choice("1")])
        XCTAssertFalse(result.issues.contains { $0.code == "unknown_value" }, "\(result.issues.map(\.message))")
    }

    /// An `or_other` select's text, which pyxform adds as `NAME_other` labelled `Specify other.`,
    /// is headed so in a KoboToolbox labels export (with its group's label in front when the
    /// export has group names): it is free text, never read, as `NAME_other` is. It was listed as
    /// a column not in this version of the form.
    func testSpecifyOtherOfAnOrOtherSelectIsFreeText() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nbegin_group,hh,Household\nselect_one yn or_other,consent,Consent?\nend_group,,\n"
            + "select_multiple yn or_other,langs,Languages\n",
            choices: "list_name,name,label\nyn,yes,Yes\nyn,no,No\n")
        let text = "\"Household/Consent?\";\"Household/Specify other.\";\"Languages\";\"Specify other.\";\"_uuid\"\n\"Other\";\"Maybe\";\"Yes Other\";\"Ann Smith\";\"u1\"\n"
        let result = normalise([folder.write("labels.csv", text)], instrument: instrument)
        XCTAssertEqual(result.respondents.count, 1)
        guard result.respondents.count == 1 else { return }
        XCTAssertEqual(result.answer(0, "consent", in: instrument), .choice("other"))
        XCTAssertEqual(result.answer(0, "langs", in: instrument), .choices(["yes", "other"]))
        XCTAssertFalse(result.issues.contains { ["unmapped_columns", "columns_not_in_form_version"].contains($0.code) },
                       "\(result.issues.map(\.message))")
    }

    /// A select whose list is a file (`select_one_from_file munis.csv`, XLSForm's way for a long
    /// list such as the municipalities): its answers are the file's choice names, which the tool
    /// checked, kept as written (the municipality's read by the gazetteer). Every answer was
    /// dropped, each respondent 'neither country nor municipality is known'.
    func testASelectFromAFileKeepsItsAnswers() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nselect_one_from_file munis.csv,municipality,Municipality\n"
            + "select_one_from_file roles.csv,role,Role\nselect_multiple_from_file langs.csv,langs,Languages\n",
            choices: "list_name,name,label\nx,a,A\n")
        let result = normalise([folder.write("kobo.csv", "municipality;role;langs;_uuid\nNarva linn;teacher;et ru;u1\nTartu vald;;;u2\n")],
                               instrument: instrument)
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-511", "EE-796"])
        XCTAssertEqual(result.answer(0, "role", in: instrument), .choice("teacher"))
        XCTAssertEqual(result.answer(0, "langs", in: instrument), .choices(["et", "ru"]))
        XCTAssertNil(result.answer(1, "role", in: instrument))
        XCTAssertFalse(result.codes().contains("place_unknown"), "\(result.issues.map(\.message))")
    }

    /// pyxform labels the text it adds for an `or_other` select `Specify other.`, with its full
    /// stop; a form's own text question labelled `Specify other` (a designer's `topics_other`
    /// beside a select_multiple with an `other` choice) is that question. Its column was taken for
    /// pyxform's free text and never read: a required one was said to have no column in the file.
    func testAQuestionOfTheFormLabelledSpecifyOtherIsThatQuestion() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label,required\nselect_one yn or_other,consent,Consent?,\n"
            + "select_multiple topic,topics,Topics,\ntext,topics_other,Specify other,yes\n",
            choices: "list_name,name,label\nyn,yes,Yes\nyn,no,No\ntopic,law,Law\ntopic,other,Other\n")
        let text = "Consent?;Specify other.;Topics;Specify other;_uuid\nOther;Maybe;Law Other;Interpreting;u1\n"
        let result = normalise([folder.write("labels.csv", text)], instrument: instrument)
        XCTAssertEqual(result.respondents.count, 1)
        guard result.respondents.count == 1 else { return }
        XCTAssertEqual(result.answer(0, "consent", in: instrument), .choice("other"))
        XCTAssertFalse(result.issues.contains { ["questions_missing", "unmapped_columns", "columns_not_in_form_version"].contains($0.code) },
                       "\(result.issues.map(\.message))")
    }

    /// `--weights w` where `w` is the name of a question in two groups (`hh/w`, `child/w`), in an
    /// export headed by group paths: which is meant cannot be told, and the error said there was
    /// no column `w` at all. It names the questions' paths to give instead, one of which reads.
    func testAWeightColumnNamedAsQuestionsOfTwoGroupsIsNamedByTheirPaths() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nbegin_group,hh,Household\ndecimal,w,Weight\nend_group,,\n"
            + "begin_group,child,Child\ndecimal,w,Weight\nend_group,,\n", choices: "list_name,name,label\n")
        let file = folder.write("kobo.csv", "hh/w;child/w;_uuid\n2;3;u1\n")
        var options = RunOptions()
        options.inputs = [file]
        options.weigh(by: "w")
        var weights: [Double] = []
        let outcome = Pipeline.ingest(options, instrument: instrument) { weights.append($0.weight) } quarantine: { _, _, _ in }
        let missing = try XCTUnwrap(outcome.firstIssues.first { $0.code == "weight_column_missing" })
        XCTAssertTrue(missing.message.contains("`w` names 2 questions of the instrument (hh/w, child/w): give --weights hh/w or child/w"),
                      missing.message)
        options.weigh(by: "child/w")
        weights = []
        let byPath = Pipeline.ingest(options, instrument: instrument) { weights.append($0.weight) } quarantine: { _, _, _ in }
        XCTAssertFalse(byPath.firstIssues.contains { $0.code == "weight_column_missing" })
        XCTAssertEqual(weights, [3])
    }

    /// A municipality asked by `select_one_from_file`: the answer is the file's choice name,
    /// which as an XML name has `_` for its spaces (`tartu_linn`, `tartu_vald`) and no label the
    /// form holds to read instead, as a choices sheet's name is read by its label: each was
    /// `not a municipality of the gazetteer`. Read with spaces when as written it is none.
    func testAMunicipalityFromAFileIsReadWithItsUnderscoresAsSpaces() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label,place\nselect_one country,country,Country,country\n"
            + "select_one_from_file munis.csv,municipality,Municipality,municipality\n",
            choices: "list_name,name,label\ncountry,EE,Estonia\n")
        let result = normalise([folder.write("kobo.csv", "country;municipality;_uuid\nEE;tartu_linn;u1\nEE;tartu_vald;u2\nEE;Narva;u3\n"
            + "EE;no_such_place;u4\n")], instrument: instrument)
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-793", "EE-796", "EE-511", nil])
        XCTAssertEqual(result.issues.filter { $0.code == "municipality_unknown" }.map(\.oldValue), ["no_such_place"])
    }

    /// A note without a name is read since d9cc2a9, as pyxform names it `generated_note_name_ROW`
    /// (and the label of a table-list group `generated_table_list_label_ROW`): ODK Central's
    /// export has a column of each, empty, which was listed as matching no question.
    func testColumnsOfNotesPyxformNamedAreNotListedAsUnmapped() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nnote,,Welcome\nbegin_group,grp,Group\nnote,,Thanks\n"
            + "select_one yn,q,Q\nend_group,,\n",
            choices: "list_name,name,label\nyn,yes,Yes\nyn,no,No\n")
        let result = normalise([folder.write("odk.csv", "SubmissionDate,generated_note_name_2,grp-generated_note_name_4,"
            + "grp-generated_table_list_label_3,grp-q,meta-instanceID,KEY\n2025-03-01T10:00:00.000Z,,,,yes,uuid:1,uuid:1\n")],
                               instrument: instrument)
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertFalse(result.issues.contains { $0.code == "unmapped_columns" }, "\(result.issues.map(\.message))")
    }

    /// A Kobo "all versions" export whose questions `hh/age` and `child/age` have their columns,
    /// with the column `age` of an older version (the question before it was moved into the
    /// groups): that column is one of an older version, as any column the form does not hold. It
    /// was an ambiguous_column warning that `age` is shared by two questions "for 0 of them".
    func testAColumnOfAnOlderVersionNamedAsTwoQuestionsWithColumnsIsOfThatVersion() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nbegin_group,hh,Household\nselect_one band,age,Age\nend_group,,\n"
            + "begin_group,child,Child\nselect_one band,age,Age\nend_group,,\n",
            choices: "list_name,name,label\nband,young,Young\nband,old,Old\n")
        let result = normalise([folder.write("kobo.csv", "hh/age;child/age;age;_uuid;__version__\nyoung;old;;u1;v2\n;;old;u2;v1\n")],
                               instrument: instrument)
        XCTAssertEqual(result.respondents.count, 2)
        XCTAssertFalse(result.issues.contains { $0.code == "ambiguous_column" }, "\(result.issues.map(\.message))")
        let older = try XCTUnwrap(result.issues.first { $0.code == "columns_not_in_form_version" })
        XCTAssertEqual(older.column, 3)
        XCTAssertTrue(older.message.hasSuffix(": age"), older.message)
    }

    /// A name in two groups headed alike (`age` for `hh/age` and `child/age`) in a file whose
    /// groups stand in another order than the form's (a sheet of one's own, columns moved): each
    /// is read as the question of the group whose other columns stand around it. They were read
    /// in the form's order, so each respondent's household age was their child's and the reverse,
    /// with a note alone. A file in the form's order, or groups without other columns, keep it.
    func testANameInTwoGroupsIsReadByTheGroupWhoseColumnsStandAroundIt() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nbegin_group,hh,Household\ninteger,size,Household size\n"
            + "select_one band,age,Age\nend_group,,\nbegin_group,child,Child\ntext,school,School\nselect_one band,age,Age\nend_group,,\n",
            choices: "list_name,name,label\nband,young,Young\nband,old,Old\n")
        let files = [
            folder.write("a_moved.csv", "school;age;size;age;_uuid\nNo 5;young;3;old;u1\n"),
            folder.write("b_form_order.csv", "size;age;school;age;_uuid\n3;old;No 5;young;u2\n"),
            folder.write("c_alone.csv", "age;age;_uuid\nold;young;u3\n"),
        ]
        let result = normalise(files, instrument: instrument)
        XCTAssertEqual(result.respondents.count, 3)
        guard result.respondents.count == 3 else { return }
        for r in 0..<3 {
            XCTAssertEqual(["hh/age", "child/age"].map { result.answer(r, $0, in: instrument) }, [.choice("old"), .choice("young")], "\(r)")
        }
        let notes = result.issues.filter { $0.code == "columns_by_form_order" }
        XCTAssertEqual(notes.map(\.file), ["a_moved.csv", "b_form_order.csv", "c_alone.csv"])
        XCTAssertTrue(notes.first?.message.contains("column 2: child/age, column 4: hh/age") ?? false, "\(notes.map(\.message))")
        XCTAssertTrue(notes.first?.message.contains("where the other columns of their groups stand") ?? false, "\(notes.map(\.message))")
        XCTAssertTrue(notes.last?.message.contains("read in the form's order") ?? false, "\(notes.map(\.message))")
    }

    /// A choice label a workbook shows as a percentage (`10%`, stored 0.1; d788768) is 0.1 in
    /// the form the tools deploy, as pyxform reads it: a Kobo labels export heads the choice's
    /// split column `Share of time/0.1`. The loader keeps 0.1 among the choice's other labels
    /// (as it reads it from such a workbook, set here by hand), which the answers were matched
    /// by and the split columns' headings were not: each was unmapped and its ticks lost.
    func testSplitColumnsHeadedByAPercentLabelsStoredNumberAreRead() throws {
        let folder = TemporaryFolder()
        var instrument = try form(in: folder, survey: "type,name,label\nselect_multiple share,time,Share of time\n",
                                  choices: "list_name,name,label\nshare,low,10%\nshare,high,25%\n")
        instrument.choiceLists["share"]!.choices[0].otherLabels = ["0.1"]
        instrument.choiceLists["share"]!.choices[1].otherLabels = ["0.25"]
        let result = normalise([folder.write("labels.csv", "Share of time/0.1;Share of time/0.25;_uuid\n1;0;u1\n1;1;u2\n")],
                               instrument: instrument)
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual((0..<2).map { result.answer($0, "time", in: instrument) }, [.choices(["low"]), .choices(["low", "high"])])
        XCTAssertFalse(result.issues.contains { $0.code == "unmapped_columns" }, "\(result.issues.map(\.message))")
    }

    /// A select_multiple whose name is in two groups, in Kobo's export without group names: its
    /// split columns are headed `langs/et` for both questions too, and are read in the form's
    /// order as the whole columns are. They were listed as columns not in this version of the
    /// form, so an export of split columns alone lost both questions' answers.
    func testSplitChoiceColumnsOfANameInTwoGroupsAreReadInFormOrder() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nbegin_group,staff,Staff\nselect_multiple lang,langs,Languages\n"
            + "end_group,,\nbegin_group,partner,Partner\nselect_multiple lang,langs,Partner's languages\nend_group,,\n",
            choices: "list_name,name,label\nlang,et,Estonian\nlang,ru,Russian\n")
        let result = normalise([folder.write("kobo.csv", "langs/et;langs/ru;langs/et;langs/ru;_uuid\n1;0;0;1;u1\n0;1;1;1;u2\n")],
                               instrument: instrument)
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual((0..<2).map { result.answer($0, "staff/langs", in: instrument) }, [.choices(["et"]), .choices(["ru"])])
        XCTAssertEqual((0..<2).map { result.answer($0, "partner/langs", in: instrument) }, [.choices(["ru"]), .choices(["et", "ru"])])
        XCTAssertFalse(result.issues.contains { ["columns_not_in_form_version", "unmapped_columns"].contains($0.code) },
                       "\(result.issues.map(\.message))")
        let order = try XCTUnwrap(result.issues.first { $0.code == "columns_by_form_order" })
        XCTAssertTrue(order.message.contains("column 1: staff/langs/et, column 2: staff/langs/ru, column 3: partner/langs/et, column 4: partner/langs/ru"),
                      order.message)
    }

    /// The reading of `1` as the choice `01` is for a name Excel lost its zeros from, never over
    /// what the list says: a labels export's `1`, the label of choice `02` (a count coded 01, 02,
    /// 03 and labelled 0, 1, 2-5), was read as `01`; and a name that is a number in another
    /// spelling than digits (`0x1A`, which Double reads as 26) was read from `26`.
    func testALabelThatIsANumberWinsOverAChoiceNamedWithLeadingZeros() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label\nselect_one count,kids,Children\nselect_multiple count,staff,Staff\n"
            + "select_one hex,code,Code\n",
            choices: "list_name,name,label\ncount,01,0\ncount,02,1\ncount,03,2-5\nhex,0x1A,Alpha\nhex,0x2B,Beta\n")
        let result = normalise([folder.write("labels.csv", "kids,staff,code\n1,0;1;,26\n0,2-5;,Alpha\n")], instrument: instrument)
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual((0..<2).map { result.answer($0, "kids", in: instrument) }, [.choice("02"), .choice("01")])
        XCTAssertEqual((0..<2).map { result.answer($0, "staff", in: instrument) }, [.choices(["01", "02"]), .choices(["03"])])
        XCTAssertEqual((0..<2).map { result.answer($0, "code", in: instrument) }, [nil, .choice("0x1A")])
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["26"])
    }

    /// The warning on columns of an older form version, and the note on columns that match no
    /// question, name the first such column (they had no column: every finding needs one).
    func testColumnsOfAnOlderVersionAreNamedByColumn() throws {
        let folder = TemporaryFolder()
        let text = "country;municipality;_uuid;old_question;notes\nEE;Narva linn;u-1;x;y\n"
        let result = normalise([folder.write("kobo.csv", text)])
        let older = result.issues.filter { $0.code == "columns_not_in_form_version" }
        XCTAssertEqual(older.map(\.column), [4])
        XCTAssertEqual(older.map(\.line), [1])
        XCTAssertEqual(result.issues.filter { $0.code == "unmapped_columns" }.map(\.column), [4])
    }

    /// A row shorter than the header (`ragged_row`, the rest read as missing) is a respondent who
    /// answered the demand question with nothing, as a blank cell is: in the want-training base,
    /// wanting none (issue 5). A sheet may leave its trailing empty cells off every row: taken
    /// out of the base, six such rows had made a share of 6 in 12 read 6 in 6 (a reviewer's case
    /// against a change that did so for a row cut short, reverted).
    func testARowShortOfTheDemandColumnWantsNone() throws {
        let folder = TemporaryFolder()
        let file = folder.write("lt.csv", "country;municipality;imp_intercultural;comp_intercultural;training_wanted\n"
            + "LT;Vilniaus miesto savivaldybė;4;2;intercultural\nLT;Vilniaus miesto savivaldybė;5;1\nLT;Vilniaus miesto savivaldybė;3;3;\n")
        let result = normalise([file])
        XCTAssertEqual(result.respondents.map(\.demandAsked), [true, true, true])
        XCTAssertEqual(result.issues.filter { $0.code == "ragged_row" }.map(\.line), [3])
    }

    /// The same submissions exported twice, once with the choices' names (XML values) and once
    /// with their Russian labels and the multiple choice split into columns: copies with the same
    /// answers are plain duplicates, and only the one answering otherwise is told as edited (a
    /// probe's re-export of 8 submissions had given 8 conflict warnings).
    func testSubmissionExportedAgainWithLabelsIsNoConflict() throws {
        let folder = TemporaryFolder()
        let values = """
        country;municipality;importance/imp_intercultural;training_wanted;_uuid
        EE;Narva linn;4;intercultural partnerships;u1
        LT;Vilniaus miesto savivaldybė;5;disinformation;u2
        LV;Ogres novads;2;;u3

        """
        let labels = """
        Страна;Муниципалитет;Насколько важна каждая тема для вашей работы?/Межкультурная компетентность и коммуникация;\
        По каким темам вы бы прошли обучение?/Партнёрства для интеграции;\
        По каким темам вы бы прошли обучение?/Межкультурная компетентность и коммуникация;\
        По каким темам вы бы прошли обучение?/Противодействие дезинформации и ложной информации;_uuid
        Эстония;Narva linn;Важно;1;1;0;u1
        Литва;Vilniaus miesto savivaldybė;Очень важно;0;0;1;u2
        Латвия;Ogres novads;Мало важно;0;1;0;u3

        """
        let result = normalise([folder.write("a_values.csv", values), folder.write("b_labels.csv", labels)])
        XCTAssertEqual(result.respondents.count, 3)
        XCTAssertEqual(result.accounts.map(\.duplicates), [0, 3])
        XCTAssertEqual(result.issues.filter { $0.code == "duplicate_submission" }.map(\.line), [2, 3])
        // u3 ticked intercultural in the second export: an edit, told at its ID's column.
        let conflict = result.issues.filter { $0.code == "duplicate_submission_conflict" }
        XCTAssertEqual(conflict.map(\.line), [4])
        XCTAssertEqual(conflict.map(\.column), [7])
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["intercultural", "partnerships"]))

        // What the answers do not show counts too (a reviewer's cases): a comment written
        // otherwise, or a role no choice fits typed otherwise, is another copy; nothing ticked in
        // split columns and a blank multiple choice column are alike.
        let first = "country,municipality,role,importance/imp_intercultural,comments,training_wanted,_uuid\n"
            + "EE,Narva linn,teacher,4,Please hold it in Narva,,c1\nEE,Tartu linn,nurse,5,,,c2\nEE,Tartu linn,teacher,5,,,c3\n"
        let second = "country,municipality,role,importance/imp_intercultural,comments,training_wanted/intercultural,training_wanted/partnerships,_uuid\n"
            + "EE,Narva linn,teacher,4,Please delete my answers,0,0,c1\nEE,Tartu linn,bus driver,5,,0,0,c2\nEE,Tartu linn,teacher,5,,0,0,c3\n"
        let other = normalise([folder.write("c_first.csv", first), folder.write("d_second.csv", second)])
        XCTAssertEqual(other.issues.filter { $0.code == "duplicate_submission_conflict" }.map(\.line), [2, 3])
        XCTAssertEqual(other.issues.filter { $0.code == "duplicate_submission" }.map(\.line), [4])
    }

    /// KoboToolbox gives an edited submission a new `_uuid` (OpenRosa's instanceID), and keeps
    /// the one it was first sent with in `meta/rootUuid`, `uuid:` before it. A municipality's
    /// export sent again after an edit was read as a new submission beside the first export's:
    /// the respondent counted twice. It is the submission rootUuid names; a row without one is
    /// still known by its `_uuid`.
    func testKoboSubmissionEditedBetweenTwoExportsCountsOnce() throws {
        let folder = TemporaryFolder()
        let before = """
        "country";"municipality";"importance/imp_intercultural";"_id";"_uuid";"_submission_time";"_index"
        "EE";"Narva linn";"4";"7";"abc";"2026-03-02T10:00:00";"1"
        "EE";"Narva linn";"3";"8";"ghi";"2026-03-02T11:00:00";"2"

        """
        let after = """
        "country";"municipality";"importance/imp_intercultural";"meta/deprecatedID";"_id";"_uuid";"_submission_time";"meta/rootUuid";"_index"
        "EE";"Narva linn";"5";"uuid:abc";"7";"def";"2026-03-02T10:00:00";"uuid:abc";"1"
        "EE";"Narva linn";"3";"";"8";"ghi";"2026-03-02T11:00:00";"uuid:ghi";"2"
        "EE";"Tartu linn";"2";"";"9";"jkl";"2026-03-03T11:00:00";"";"3"

        """
        let result = normalise([folder.write("a_before.csv", before), folder.write("b_after.csv", after)])
        XCTAssertEqual(result.respondents.count, 3)
        XCTAssertEqual(result.accounts.map(\.duplicates), [0, 2])
        XCTAssertEqual(result.respondents.map(\.sourceLine), [2, 3, 4])
        XCTAssertEqual(result.respondents.map(\.sourceFile), ["a_before.csv", "a_before.csv", "b_after.csv"])
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("4"))
        let conflict = result.issues.filter { $0.code == "duplicate_submission_conflict" }
        XCTAssertEqual(conflict.map(\.line), [2])
        XCTAssertEqual(conflict.map(\.column), [8])
        // The edit is known as one (its `_uuid` is not its `rootUuid`), and the kept copy said to
        // be the first read, not the latest (a probe's: the corrected answers dropped silently).
        XCTAssertEqual(conflict.first?.message, "submission `uuid:abc` was already read, with other answers; this copy is an edit of it "
                       + "(its `_uuid` is not its `rootUuid`), yet the first copy read is kept and this one dropped: give only the latest "
                       + "export, which holds each submission as last edited")
        XCTAssertEqual(result.issues.filter { $0.code == "duplicate_submission" }.map(\.line), [3])
        // The same with another group separator, or without group names: only `meta/rootUuid` was
        // known, and `meta.rootUuid` was warned about as a question of an older form version.
        for heading in ["meta.rootUuid", "rootUuid"] {
            let other = normalise([folder.write("a_before.csv", before),
                                   folder.write("b_after.csv", after.replacingOccurrences(of: "meta/rootUuid", with: heading))])
            XCTAssertEqual(other.respondents.count, 3, heading)
            XCTAssertEqual(other.accounts.map(\.duplicates), [0, 2], heading)
            XCTAssertFalse(other.codes().contains("columns_not_in_form_version"), heading)
        }
    }

    /// KoboToolbox's exports end with its own columns, `meta/rootUuid` among them since December
    /// 2025 (`_id, _uuid, _submission_time, _validation_status, _status, _submitted_by, __version__,
    /// meta/rootUuid, _index`); an edited submission's data carries `meta/deprecatedID`, older
    /// deployments `formhub/uuid`. They were warned about as questions of an older form version.
    func testKobosOwnMetaColumnsAreNoOlderFormVersionsQuestions() throws {
        let folder = TemporaryFolder()
        let text = """
        "country";"municipality";"importance/imp_intercultural";"formhub/uuid";"meta/deprecatedID";"_id";"_uuid";"_submission_time";"_validation_status";"_status";"_submitted_by";"__version__";"meta/rootUuid";"_index"
        "EE";"Narva linn";"5";"f1";"uuid:a0";"7";"a1";"2026-03-02T10:00:00";"";"submitted_via_web";"";"v1";"uuid:a0";"1"

        """
        let result = normalise([folder.write("kobo_2026.csv", text)])
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertFalse(result.codes().contains("columns_not_in_form_version"), "\(result.issues.map(\.message))")
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    // MARK: Google Forms

    func testGoogleFormsInLatvianWithGridsAndCheckboxes() throws {
        let folder = TemporaryFolder()
        let header = ["Laikspiedols", "E-pasta adrese", "Valsts", "Pašvaldība",
                      "Cik svarīga ir katra tēma jūsu darbā? [Starpkultūru kompetence un komunikācija]",
                      "Kā jūs vērtējat savu kompetenci katrā tēmā? [Starpkultūru kompetence un komunikācija]",
                      "Par kurām tēmām jūs apmeklētu apmācības?"]
        var writer = CSVWriter()
        writer.row(texts: header)
        writer.row(texts: ["14.01.2025 10:32:05", "janis@example.lv", "Latvija", "Rīga", "Ļoti svarīgi", "Zema",
                           "Starpkultūru kompetence un komunikācija, Partnerības integrācijai, Cits: darbs ar jauniešiem"])
        writer.row(texts: ["15.01.2025 09:00:00", "", "Latvija", "Jelgavas novads", "loti svarigi", "Augsta", ""])
        writer.row(texts: ["", "", "", "", "", "", ""])
        let result = normalise([folder.write("google.csv", writer.text)])
        XCTAssertEqual(result.accounts.first?.shape, "Google Forms")
        XCTAssertEqual(result.respondents.count, 2)
        XCTAssertEqual(result.accounts.first?.blankRows, 1)
        XCTAssertEqual(result.respondents[0].submitted, "2025-01-14")
        XCTAssertEqual(result.respondents[0].municipalityCode, "LV-RIX")
        XCTAssertEqual(result.respondents[1].municipalityCode, "LV-041")
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["intercultural", "partnerships"]))
        XCTAssertEqual(result.issues.first { $0.code == "unknown_value" }?.oldValue, "Cits: darbs ar jauniešiem")
        // Without diacritics: matched, and logged as a change.
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.issues.first { $0.code == "label_matched_without_diacritics" }?.oldValue, "loti svarigi")
    }

    /// A Google Forms export pasted into a sheet beside an empty column A (saved as CSV, each
    /// row starts with an empty field): its timestamp is the first heading, not the first column.
    /// The file was a generic sheet, its dates lost and its "Other" answers unknown values; so was
    /// a Microsoft Forms export known by its columns' places.
    func testToolsExportPastedBesideAnEmptyColumn() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: "type,name,label\nselect_one role,role,Your role\n", choices: """
        list_name,name,label
        role,teacher,Teacher
        role,other,Other

        """)
        let google = """
        ,Timestamp,Your role
        ,2025/01/14 10:32:05 AM EET,Psychologist
        ,2025/01/15 10:40:00 AM EET,Teacher

        """
        let msforms = """
        ;ID;Alguse kellaaeg;Lõpu kellaaeg;Meil;Nimi;Your role
        ;1;14.01.2025 10:32;16.01.2025 10:40;anonymous;;Psychologist

        """
        let result = normalise([folder.write("a_google.csv", google), folder.write("b_msforms.csv", msforms)], instrument: form)
        XCTAssertEqual(result.accounts.map(\.shape), ["Google Forms", "Microsoft Forms"])
        XCTAssertEqual(result.respondents.map(\.submitted), ["2025-01-14", "2025-01-15", "2025-01-16"])
        XCTAssertEqual(result.respondents.map { $0.answer(form.questionIndex["role"]!) }, [.choice("other"), .choice("teacher"), .choice("other")])
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [[], []])
    }

    /// A form retyped in Google or Microsoft Forms from the XLSForm's labels often leaves out the
    /// question mark that ends one: such a heading, a grid's question or a checkbox question
    /// (with a hint after it), matched no question and its answers were lost.
    func testHeadingsWithoutTheLabelsQuestionMark() throws {
        let folder = TemporaryFolder()
        let text = """
        Timestamp,Country,How important is each topic for your work [Intercultural competence and communication],Kā jūs vērtējat savu kompetenci katrā tēmā [Partnerības integrācijai],Which topics would you attend training on,Что ещё следует знать академии
        2026/12/04 2:03:04 PM EET,Estonia,Very important,Zema,"Partnerships for integration, Countering disinformation and misinformation",
        2026/12/04 3:03:04 PM EET,Estonia,Important,Augsta,,
        2026/12/04 4:03:04 PM EET,Estonia,Important,Augsta,,

        """
        let sheet = "Country;Which topics would you attend training on? (select all that apply)\nEstonia;Partnerships for integration\n"
        let result = normalise([folder.write("a_google.csv", text), folder.write("b_sheet.csv", sheet)])
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [[], []])
        XCTAssertEqual(result.respondents.count, 4)
        guard result.respondents.count == 4 else { return }
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_partnerships", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships", "disinformation"]))
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(3, "training_wanted", in: instrument), .choices(["partnerships"]))
    }

    /// A label without its ending is another spelling only when no question is labelled so: with
    /// `Comments` and `Comments:` in the form, each heading is its own question's (the heading
    /// `Comments` was neither, both labels fitting it, and its answers were lost).
    func testLabelWithoutItsEndingKeepsTheQuestionLabelledSo() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: "type,name,label\ntext,a,Comments\ntext,b,Comments:\n", choices: "list_name,name,label\n")
        let mapper = ColumnMapper(instrument: form)
        XCTAssertEqual(mapper.resolve("Comments"), .question(0))
        XCTAssertEqual(mapper.resolve("Comments:"), .question(1))
        let topics = ColumnMapper(instrument: instrument).resolve("Which topics would you attend training on")
        XCTAssertNotEqual(topics, .unmapped)
        XCTAssertEqual(topics, ColumnMapper(instrument: instrument).resolve("Which topics would you attend training on?"))
    }

    /// Google Sheets in Latvian may head the timestamp `Laika zīmogs` (the common Latvian word)
    /// as well as `Laikspiedols`: the file was a generic sheet, every submission date lost and the
    /// column listed as not in the form.
    func testGoogleFormsLatvianTimestampHeadedLaikaZimogs() throws {
        let folder = TemporaryFolder()
        let text = """
        Laika zīmogs,Valsts,Pašvaldība,Cik svarīga ir katra tēma jūsu darbā? [Starpkultūru kompetence un komunikācija]
        04.12.2026 14:03:04,Latvija,Rīga,Ļoti svarīgi
        05.12.2026 09:15:00,Latvija,Ogres novads,Svarīgi

        """
        let result = normalise([folder.write("google_lv.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "Google Forms")
        XCTAssertEqual(result.respondents.map(\.submitted), ["2026-12-04", "2026-12-05"])
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("4"))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// A form with a role (select_one) and what would help (select_multiple), each list ending in
    /// an "Other" choice: for the tools' ways of writing what was typed for it.
    private func otherOptionForm(in folder: TemporaryFolder) throws -> Instrument {
        try form(in: folder, survey: "type,name,label\nselect_one role,role,Your role\nselect_multiple help,help,What would help?\n", choices: """
        list_name,name,label
        role,teacher,Teacher
        role,other,Other
        help,time,More time
        help,money,More money
        help,other,Other

        """)
    }

    /// Google Forms and Microsoft Forms write what a respondent typed for an "Other" option where
    /// the choice's label would stand (a checkbox cell appends it to the others): it is the list's
    /// `other`, with a warning naming the text. It was an unknown value: the respondent's role
    /// missing, the "Other" ticked by nobody. An unknown text of a hand-made sheet stays unknown.
    func testOtherTypedInGoogleAndMicrosoftFormsIsTheOtherChoice() throws {
        let folder = TemporaryFolder()
        let form = try otherOptionForm(in: folder)
        let google = """
        Timestamp,Your role,What would help?
        2025/01/14 10:32:05 AM EET,Psychologist,"More time, a mentor"
        2025/01/14 10:40:00 AM EET,Teacher,More money

        """
        let msforms = """
        ID,Start time,Completion time,Email,Your role,What would help?
        1,1/14/25 10:32,1/14/25 10:40,anonymous,Psychologist,More money;a mentor;

        """
        let sheet = "Your role,What would help?,Comment\nPsychologist,a mentor,none\nTeacher,More time,none\n"
        let result = normalise([folder.write("a_google.csv", google), folder.write("b_msforms.csv", msforms),
                                folder.write("c_sheet.csv", sheet)], instrument: form)
        XCTAssertEqual(result.respondents.count, 5)
        guard result.respondents.count == 5 else { return }
        XCTAssertEqual(result.answer(0, "role", in: form), .choice("other"))
        XCTAssertEqual(result.answer(0, "help", in: form), .choices(["time", "other"]))
        XCTAssertEqual(result.answer(1, "role", in: form), .choice("teacher"))
        XCTAssertEqual(result.answer(2, "role", in: form), .choice("other"))
        XCTAssertEqual(result.answer(2, "help", in: form), .choices(["money", "other"]))
        XCTAssertNil(result.answer(3, "role", in: form))
        XCTAssertNil(result.answer(3, "help", in: form))
        let typed = result.issues.filter { $0.code == "other_answer" }
        XCTAssertEqual(typed.map(\.oldValue), ["Psychologist", "a mentor", "Psychologist", "a mentor"])
        XCTAssertEqual(typed.map(\.file), ["a_google.csv", "a_google.csv", "b_msforms.csv", "b_msforms.csv"])
        XCTAssertEqual(typed.map(\.column), [2, 3, 5, 6])
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.file), ["c_sheet.csv", "c_sheet.csv"])
    }

    /// The "Other" option written with what was typed for it (`Other: ...`, `Cits - ...`,
    /// `Другое (...)`), as a hand-made sheet or answers copied from a tool writing that prefix have
    /// it, is the list's `other` in a file of any tool; it was an unknown value there (the role
    /// missing, "Other" ticked by nobody). A text naming no `other` stays unknown.
    func testOtherWrittenWithItsTextIsTheOtherChoiceInAnySheet() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: "type,name,label::English (en),label::Latviešu (lv),label::Русский (ru)\n"
                                + "select_one role,role,Your role,Jūsu amats,Ваша должность\n"
                                + "select_multiple help,help,What would help?,Kas palīdzētu?,Что бы помогло?\n", choices: """
        list_name,name,label::English (en),label::Latviešu (lv),label::Русский (ru)
        role,teacher,Teacher,Skolotājs,Учитель
        role,other,Other,Cits,Другое
        help,time,More time,Vairāk laika,Больше времени
        help,other,Other,Cits,Другое

        """)
        let sheet = """
        Your role,What would help?
        Other: youth worker,"More time, Other: a mentor"
        Cits - jaunatnes darbinieks,Cits: mentors
        Другое (психолог),
        Otherwise engaged,Others: nobody

        """
        let result = normalise([folder.write("sheet.csv", sheet)], instrument: form)
        XCTAssertEqual(result.respondents.count, 4)
        guard result.respondents.count == 4 else { return }
        XCTAssertEqual((0..<3).map { result.answer($0, "role", in: form) }, Array(repeating: .choice("other"), count: 3))
        XCTAssertEqual(result.answer(0, "help", in: form), .choices(["time", "other"]))
        XCTAssertEqual(result.answer(1, "help", in: form), .choices(["other"]))
        XCTAssertNil(result.answer(3, "role", in: form))
        XCTAssertNil(result.answer(3, "help", in: form))
        XCTAssertEqual(result.issues.filter { $0.code == "other_answer" }.map(\.oldValue),
                       ["Other: youth worker", "Other: a mentor", "Cits - jaunatnes darbinieks", "Cits: mentors", "Другое (психолог)"])
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["Otherwise engaged", "Others: nobody"])
    }

    /// Google Forms appends what was typed for a checkbox question's "Other" to the labels ticked,
    /// joined by `, ` like them; the text may hold commas, as labels may. The typed text is one
    /// answer, named whole in one warning; it was cut at each comma into pieces, each a warning
    /// of its own, and the cleaning log showed no piece as typed.
    func testOtherTypedWithCommasAfterLabelsWithCommasIsOneText() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: "type,name,label\nselect_multiple help,help,What would help?\n", choices: """
        list_name,name,label
        help,time,"More time, fewer cases"
        help,money,More money
        help,other,Other

        """)
        let google = """
        Timestamp,What would help?
        1/14/2025 10:32:05,"More time, fewer cases, More money, a mentor, or a peer group, please"
        1/14/2025 10:40:00,"More money, More time, fewer cases"
        1/14/2025 10:45:00,"a mentor, More money"

        """
        let result = normalise([folder.write("google.csv", google)], instrument: form)
        XCTAssertEqual(result.respondents.count, 3)
        guard result.respondents.count == 3 else { return }
        XCTAssertEqual(result.answer(0, "help", in: form), .choices(["time", "money", "other"]))
        XCTAssertEqual(result.answer(1, "help", in: form), .choices(["time", "money"]))
        XCTAssertEqual(result.answer(2, "help", in: form), .choices(["money", "other"]))
        XCTAssertEqual(result.issues.filter { $0.code == "other_answer" }.map(\.oldValue),
                       ["a mentor, or a peer group, please", "a mentor"])
    }

    /// A sheet of the municipality's own writes the scale's words and the roles in the forms its
    /// sentence or its staff take: `Очень важна` (тема is feminine) for `Очень важно`, `Ļoti
    /// svarīga`, `Labai svarbi`, `Высокий`, `Zems`, and a woman's title (`Социальная работница`,
    /// `Sociālā darbiniece`, `Socialinė darbuotoja`, `Integracijos koordinatorė`): the choice
    /// whose label has those words, with a warning; they were unknown values. A negation is no
    /// other form (`Неважно`, `Nesvarbi`).
    func testLabelsInAnotherGrammaticalForm() throws {
        let folder = TemporaryFolder()
        let text = """
        country;municipality;role;imp_intercultural;comp_intercultural
        EE;Narva;Социальная работница;Очень важна;Высокий
        LV;Rīga;Sociālā darbiniece;Ļoti svarīga;Zems
        LT;Kauno r.;Socialinė darbuotoja;Labai svarbi;Aukštas
        LT;Kauno r.;Integracijos koordinatorė;Mažai svarbi;Labai žemas
        EE;Narva;Õpetaja või haridustöötaja;Неважно;Nesvarbi

        """
        let result = normalise([folder.write("own_words.csv", text)])
        XCTAssertEqual(result.respondents.count, 5)
        guard result.respondents.count == 5 else { return }
        XCTAssertEqual((0..<5).map { result.answer($0, "role", in: instrument) },
                       [.choice("social_worker"), .choice("social_worker"), .choice("social_worker"),
                        .choice("integration_coordinator"), .choice("teacher")])
        XCTAssertEqual((0..<5).map { result.answer($0, "imp_intercultural", in: instrument) },
                       [.choice("5"), .choice("5"), .choice("5"), .choice("2"), nil])
        XCTAssertEqual((0..<5).map { result.answer($0, "comp_intercultural", in: instrument) },
                       [.choice("4"), .choice("2"), .choice("4"), .choice("1"), nil])
        XCTAssertEqual(result.issues.filter { $0.code == "label_matched_in_another_form" }.count, 12)
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["Неважно", "Nesvarbi"])
    }

    /// A comparative or superlative is no other form of its adjective: `Labiau svarbu` (rather
    /// important) had read as `Labai svarbu` (very, 5), `Labiau žema` as `Labai žema` (1),
    /// `Kõrgeim` (highest) as `Kõrge` (4), `Highest` as `High`, `Augstākā` as `Augsta` (a probe's,
    /// each a point off, with a harmless-looking warning). Unread now, so that a number written
    /// with them is read by its number (`4 - Labiau svarbu` had been missing: the words, read as
    /// 5, contradicted it). Other forms still are (`Labai svarbi`, `Ļoti svarīga`).
    func testComparativesAreNoOtherFormOfTheirAdjective() throws {
        let folder = TemporaryFolder()
        let text = """
        country;municipality;imp_intercultural;comp_intercultural
        LT;Kauno r.;Labiau svarbu;Labiau žema
        EE;Narva;Olulisim;Kõrgeim
        LV;Rīga;Svarīgāks;Augstākā
        EE;Narva;Important;Highest
        LT;Kauno r.;4 - Labiau svarbu;2 - Labiau žema
        LT;Kauno r.;Labai svarbi;Ļoti augstā
        EE;Narva;Oluline;Madalam

        """
        let result = normalise([folder.write("degrees.csv", text)])
        XCTAssertEqual(result.respondents.count, 7)
        guard result.respondents.count == 7 else { return }
        XCTAssertEqual((0..<7).map { result.answer($0, "imp_intercultural", in: instrument) },
                       [nil, nil, nil, .choice("4"), .choice("4"), .choice("5"), .choice("4")])
        XCTAssertEqual((0..<7).map { result.answer($0, "comp_intercultural", in: instrument) },
                       [nil, nil, nil, nil, .choice("2"), .choice("5"), nil])
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue),
                       ["Labiau svarbu", "Labiau žema", "Olulisim", "Kõrgeim", "Svarīgāks", "Augstākā", "Highest", "Madalam"])
        // A Latvian or Lithuanian dative is no comparative (a reviewer's: roles typed so had been
        // lost): `koordinatoram` for `koordinators`, `darbiniekam`, `darbuotojui`.
        let datives = normalise([folder.write("datives.csv", "country;municipality;role\nLV;Rīga;Integrācijas koordinatoram\n"
                                              + "LV;Rīga;Sociālajam darbiniekam\nLT;Kauno r.;Socialiniam darbuotojui\n")])
        XCTAssertEqual((0..<3).map { datives.answer($0, "role", in: instrument) },
                       [.choice("integration_coordinator"), .choice("social_worker"), .choice("social_worker")])
        // Nor a label ending in `a` with `m` added (`Zemām`, `Aukštam`); an Estonian `e` with it is.
        let ratings = normalise([folder.write("dative-ratings.csv", "country;municipality;comp_intercultural\nLV;Rīga;Ļoti zemām\n"
                                              + "LT;Kauno r.;Aukštam\nEE;Narva;Kõrgem\n")])
        XCTAssertEqual((0..<3).map { ratings.answer($0, "comp_intercultural", in: instrument) }, [.choice("1"), .choice("4"), nil])
    }

    /// The same sheet saved as "CSV" in a code page without the letters (`Ma?ai svarbi`, `Soci?l?
    /// darbiniece`): each `?` stands for a letter outside ASCII of the label whose other form it is,
    /// with a warning saying how to keep the letters; they were unknown values (a differential
    /// tester's case). A `?` where the label has a letter of ASCII fits none (`Labai ?emas` is
    /// `Labai žemas`, `L?bai žemas` nothing), and a negation is still no other form.
    func testLabelsInAnotherFormWithLettersLost() throws {
        let folder = TemporaryFolder()
        let text = """
        country;role;imp_intercultural;comp_intercultural
        LT;Socialin? darbuotoja;Ma?ai svarbi;Labai ?emas
        LV;Soci?l? darbiniece;?oti svar?ga;Zems
        LT;Integracijos koordinator?;Nesvarbi;L?bai ?emas

        """
        let result = normalise([folder.write("own_words_lost.csv", text)])
        XCTAssertEqual(result.respondents.count, 3)
        guard result.respondents.count == 3 else { return }
        XCTAssertEqual((0..<3).map { result.answer($0, "role", in: instrument) },
                       [.choice("social_worker"), .choice("social_worker"), .choice("integration_coordinator")])
        XCTAssertEqual((0..<3).map { result.answer($0, "imp_intercultural", in: instrument) }, [.choice("2"), .choice("5"), nil])
        XCTAssertEqual((0..<3).map { result.answer($0, "comp_intercultural", in: instrument) }, [.choice("1"), .choice("2"), nil])
        let forms = result.issues.filter { $0.code == "label_matched_in_another_form" }
        XCTAssertTrue(forms.contains { $0.oldValue == "Ma?ai svarbi" && $0.message.contains("CSV UTF-8") }, "\(forms.map(\.message))")
        XCTAssertEqual(Set(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue)), ["Nesvarbi", "L?bai ?emas"])
    }

    /// A hand-made sheet types its scale as the number and words of its own (`4 - Rather
    /// important`, `(1) None at all`, `Rather low (2)`): the number is the scale point, with a
    /// warning naming the words; they were unknown values, the ratings missing. Words that are
    /// another point's label contradict the number (`3 - Important`: unknown), and a number the
    /// list does not name (`7 - Top`), or one not standing apart (`4.5 points`), is no point.
    func testScalePointByNumberBesideTheSheetsOwnWords() throws {
        let folder = TemporaryFolder()
        let text = """
        country,municipality,imp_intercultural,imp_partnerships,comp_intercultural,comp_partnerships
        EE,Narva linn,4 - Rather important,5. Extremely important,(1) None at all,Rather low (2)
        EE,Narva linn,3 - Important,7 - Top,4.5 points,2 - Low

        """
        let result = normalise([folder.write("sheet.csv", text)])
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual(["imp_intercultural", "imp_partnerships", "comp_intercultural", "comp_partnerships"].map {
            result.answer(0, $0, in: instrument)
        }, [.choice("4"), .choice("5"), .choice("1"), .choice("2")])
        XCTAssertEqual(["imp_intercultural", "imp_partnerships", "comp_intercultural", "comp_partnerships"].map {
            result.answer(1, $0, in: instrument)
        }, [nil, nil, nil, .choice("2")])
        XCTAssertEqual(result.issues.filter { $0.code == "choice_by_number" }.map(\.oldValue),
                       ["4 - Rather important", "5. Extremely important", "(1) None at all", "Rather low (2)"])
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["3 - Important", "7 - Top", "4.5 points"])
        // Two points (`4 ja 5`, "4 and 5") or words that give none (`2 (ei tea)`, "don't know")
        // had been read as the first number.
        let two = normalise([folder.write("two.csv", "country,municipality,imp_intercultural,imp_partnerships,comp_intercultural\n"
            + "EE,Narva linn,4 ja 5,4 или 5,2 (ei tea)\n")])
        XCTAssertEqual(["imp_intercultural", "imp_partnerships", "comp_intercultural"].map { two.answer(0, $0, in: instrument) }, [nil, nil, nil])
        XCTAssertEqual(two.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["4 ja 5", "4 или 5", "2 (ei tea)"])
        // The same with letters a code page lacked (`3 - Gr?ti pateikt`, `2 (Ne?inau)`, a
        // reviewer's: read as the number); another form of the point's own label agrees with it
        // (`5 - Ļoti svarīga`, `2 - Ma?ai svarbi`), another point's contradicts it.
        let forms = normalise([folder.write("forms.csv", "country;imp_intercultural;imp_partnerships;imp_disinformation;imp_gbv_prevention;imp_legal_status\n"
            + "LV;3 - Gr?ti pateikt;2 (Ne?inau);5 - Ļoti svarīga;2 - Ma?ai svarbi;4 - Ma?ai svarbi\n"
            // Everyday words for hard to say, no answer, no opinion (a differential tester's: each had been the number).
            + "EE;3 - Raske öelda;3 - Сложно сказать;Nav atbildes (3);3 - Nėra atsakymo;3 - Nav viedokļa\n"
            + "EE;3 - I don't know;3 - Rather not say;3 - Затрудняюсь с ответом;3 - Предпочитаю не отвечать;4 (Keeldun vastamast)\n"
            + "EE;3 - Ei vasta;3 - Ei vastanud;3 - Atteicās;3 - Neatsakė;3 - Отказ\n")])
        XCTAssertEqual(["imp_intercultural", "imp_partnerships", "imp_disinformation", "imp_gbv_prevention", "imp_legal_status"].map {
            forms.answer(0, $0, in: instrument)
        }, [nil, nil, .choice("5"), .choice("2"), nil])
        XCTAssertEqual(["imp_intercultural", "imp_partnerships", "imp_disinformation", "imp_gbv_prevention", "imp_legal_status"].map {
            forms.answer(1, $0, in: instrument)
        }, [nil, nil, nil, nil, nil])
        XCTAssertEqual(["imp_intercultural", "imp_partnerships", "imp_disinformation", "imp_gbv_prevention", "imp_legal_status"].map {
            forms.answer(2, $0, in: instrument)
        }, [nil, nil, nil, nil, nil])
        XCTAssertEqual(["imp_intercultural", "imp_partnerships", "imp_disinformation", "imp_gbv_prevention", "imp_legal_status"].map {
            forms.answer(3, $0, in: instrument)
        }, [nil, nil, nil, nil, nil])
        XCTAssertEqual(forms.respondents.count, 4)
    }

    /// A label holding numbers of its own (`High (61-80%)`) with the point's number after it is
    /// that point: the guard against two numbers (`4 ja 5`) had come before the label was matched.
    func testAPointsLabelHoldingNumbersIsReadWithItsNumber() throws {
        let folder = TemporaryFolder()
        let instrument = try form(in: folder, survey: "type,name,label,topic,measure\nselect_one c,imp_a,A,a,importance\nselect_one c,comp_a,A,a,competence\n",
                                  choices: "list_name,name,label\nc,1,Low (0-40%)\nc,2,Medium (41-60%)\nc,3,High (61-80%)\nc,4,Very high (81-100%)\n")
        let result = normalise([folder.write("sheet.csv", "imp_a,comp_a\nHigh (61-80%) (3),Very high (81-100%) (4)\n")], instrument: instrument)
        XCTAssertEqual([result.answer(0, "imp_a", in: instrument), result.answer(0, "comp_a", in: instrument)], [.choice("3"), .choice("4")])
    }

    /// More ways a clerk writes a scale point: `4)`, `4/5` and `5/5` out of the scale's top, and
    /// the number before its own label in brackets, `4 (high)`; they were unknown values (a
    /// probe). `4/7` (another scale), `3 (high)` (high is 4) and `6/5` stay unknown.
    func testScalePointsWrittenOutOfTheTopOrWithTheirLabel() throws {
        let folder = TemporaryFolder()
        let text = """
        country,municipality,imp_intercultural,imp_partnerships,comp_intercultural,comp_partnerships
        EE,Narva linn,4),5/5,4 (high),2/5
        EE,Narva linn,4/7,6/5,3 (high),(2)

        """
        let result = normalise([folder.write("sheet.csv", text)])
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        let columns = ["imp_intercultural", "imp_partnerships", "comp_intercultural", "comp_partnerships"]
        XCTAssertEqual(columns.map { result.answer(0, $0, in: instrument) }, [.choice("4"), .choice("5"), .choice("4"), .choice("2")])
        XCTAssertEqual(columns.map { result.answer(1, $0, in: instrument) }, [nil, nil, nil, .choice("2")])
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["4/7", "6/5", "3 (high)"])
    }

    /// Excel's "CSV" on a Windows set to a Baltic language writes `?` for each letter its code
    /// page lacks: Russian answers and headings come out as `????`. Such a value or heading is
    /// said to have lost its letters, with what to do; a role's was read as "Other" typed (a
    /// Microsoft Forms export), the headings were only listed as unmapped.
    func testTextWhoseLettersExcelLostIsNamedSo() throws {
        let folder = TemporaryFolder()
        let text = """
        ID;Start time;Completion time;Email;Name;Šalis;Savivaldybė;Jūsų pareigos;Kokiomis temomis dalyvautumėte mokymuose?;??? ??? ????? ????????
        1;1/14/25 10:32;1/14/25 10:40;anonymous;;Lietuva;Kauno r.;?????????? ?? ??????????;"Partnerystės integracijai;???? ???????;";x
        2;1/14/25 11:32;1/14/25 11:40;anonymous;;Lietuva;Kauno r.;Psichologas;Partnerystės integracijai;;
        3;1/14/25 12:32;1/14/25 12:40;anonymous;;Lietuva;Kauno r.;Psichologas;??????? ???????;;

        """
        let result = normalise([folder.write("lt_excel.csv", text)])
        XCTAssertEqual(result.respondents.count, 3)
        guard result.respondents.count == 3 else { return }
        XCTAssertNil(result.answer(0, "role", in: instrument))
        // A checkbox cell of lost letters alone is no answer, not "nothing chosen".
        XCTAssertNil(result.answer(2, "training_wanted", in: instrument))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships"]))
        XCTAssertEqual(result.answer(1, "role", in: instrument), .choice("other"))
        let lost = result.issues.filter { $0.code == "text_lost" }
        XCTAssertEqual(lost.map(\.line), [1, 2, 2, 4])
        XCTAssertEqual(lost.map(\.column), [10, 8, 9, 9])
        XCTAssertEqual(lost.map(\.oldValue), ["", "?????????? ?? ??????????", "???? ???????", "??????? ???????"])
        XCTAssertTrue(lost.allSatisfy { $0.message.contains("CSV UTF-8") }, "\(lost.map(\.message))")
        XCTAssertEqual(result.issues.filter { $0.code == "other_answer" }.map(\.oldValue), ["Psichologas", "Psichologas"])
    }

    /// A Latvian or Estonian form's export saved as "CSV" by Excel on a Windows set to Russian
    /// writes `?` for each Baltic letter, in headings and answers (`Pa?vald?ba`, `?oti svar?gi`,
    /// `V?ga oluline`): every such column was unmapped and every such answer unknown, so 19
    /// questions of a Microsoft Forms export were missing for all its respondents. A text whose
    /// `?` stand where a label has letters outside ASCII is that label's, with a note for the
    /// headings and a warning per answer saying how to keep the letters; a text of `?` alone (all
    /// its letters lost) is still text_lost, never matched by its length.
    func testLabelsWhoseLettersExcelLostAreRead() throws {
        let folder = TemporaryFolder()
        let text = """
        ID;Start time;Completion time;Email;Name;Valsts;Pa?vald?ba;J?su amats;Cik svar?ga ir katra t?ma j?su darb??.Starpkult?ru kompetence un komunik?cija;Par kur?m t?m?m j?s apmekl?tu apm?c?bas?
        1;1/14/25 10:32;1/14/25 10:40;anonymous;;Latvija;R?ga;Skolot?js vai izgl?t?bas darbinieks;?oti svar?gi;"Partner?bas integr?cijai;Darbs ar tulkiem un valodas pieejam?ba;"
        2;1/14/25 11:32;1/14/25 11:40;anonymous;;Latvija;R?ga;Soci?lais darbinieks;??????;"Partner?bas integr?cijai;"

        """
        let result = normalise([folder.write("lv_excel.csv", text)])
        XCTAssertEqual(result.accounts.first?.unmappedColumns, [])
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["LV-RIX", "LV-RIX"])
        XCTAssertEqual(result.answer(0, "role", in: instrument), .choice("teacher"))
        XCTAssertEqual(result.answer(1, "role", in: instrument), .choice("social_worker"))
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertNil(result.answer(1, "imp_intercultural", in: instrument))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships", "interpreters"]))
        let headings = result.issues.filter { $0.code == "letters_lost" }
        XCTAssertEqual(headings.map(\.column), [7])
        XCTAssertTrue(headings.first?.message.hasPrefix("4 column heading(s)") == true, headings.first?.message ?? "")
        XCTAssertEqual(result.issues.filter { $0.code == "text_lost" }.map(\.oldValue), ["??????"])
        let answers = result.issues.filter { $0.code == "label_matched_without_diacritics" }
        XCTAssertTrue(answers.contains { $0.oldValue == "?oti svar?gi" && $0.message.contains("CSV UTF-8") }, "\(answers.map(\.message))")
    }

    /// A place stated above the table or between its blocks whose label's own letters were lost
    /// (`Pils?ta:;Liep?ja`, `Savivaldyb?: Vilniaus miesto savivaldyb?` in one cell): a
    /// differential tester's, whose rows had lost their place (the one-cell line read as a
    /// footnote, its label's last letter a `?`), or LV its respondents.
    func testPlaceStatedUnderALabelWhoseLettersWereLost() throws {
        let folder = TemporaryFolder()
        let above = folder.write("above.csv", "Pils?ta:;Liep?ja;;\nrole;imp_intercultural;imp_partnerships;training_wanted\n"
            + "teacher;4;3;intercultural\nother;3;2;\n")
        XCTAssertEqual(normalise([above]).respondents.map(\.municipalityCode), ["LV-LPX", "LV-LPX"])
        let between = folder.write("between.csv", "Savivaldybė:;Kauno miesto savivaldybė;;\nrole;imp_intercultural;imp_partnerships;training_wanted\n"
            + "teacher;4;3;intercultural\nSavivaldyb?: Vilniaus miesto savivaldyb?;;;\nrole;imp_intercultural;imp_partnerships;training_wanted\n"
            + "teacher;5;4;\nother;3;2;partnerships\n")
        let result = normalise([between])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["LT-15", "LT-57", "LT-57"])
        XCTAssertEqual(result.issues.filter { $0.code == "details_line" }.map(\.line), [4])
    }

    /// A Russian form's export saved as "CSV" by Excel on a Windows set to Russian writes `?` for
    /// each Estonian or Lithuanian letter of the municipalities typed (`J?el?htme vald`, `Kelm?s
    /// rajono savivaldyb?`): each was municipality_unknown, the respondent under no municipality.
    /// The one municipality with a letter outside ASCII at each `?` is read, with a warning saying
    /// how to keep the letters; a `?` fitting two (or none) stays unknown, a lone `?` no place.
    func testMunicipalityWhoseLettersExcelLostIsRead() throws {
        let folder = TemporaryFolder()
        let text = """
        Страна;Муниципалитет
        Эстония;J?el?htme vald
        Литва;Kelm?s rajono savivaldyb?
        Эстония;Sillam?e linn
        Эстония;Narva?linn
        Литва;?

        """
        let result = normalise([folder.write("ru_excel.csv", encode(text, as: .windows1251))])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-245", "LT-19", "EE-735", nil, nil])
        XCTAssertEqual(result.respondents.map(\.municipalityName), ["Jõelähtme vald", "Kelmės rajono savivaldybė", "Sillamäe linn",
                                                               "Narva?linn", nil])
        let lost = result.issues.filter { $0.code == "municipality_letters_lost" }
        XCTAssertEqual(lost.map(\.line), [2, 3, 4])
        XCTAssertEqual(lost.map(\.column), [2, 2, 2])
        XCTAssertEqual(lost.map(\.newValue), ["Jõelähtme vald", "Kelmės rajono savivaldybė", "Sillamäe linn"])
        XCTAssertEqual(result.issues.filter { $0.code == "municipality_unknown" }.map(\.oldValue), ["Narva?linn"])
        // A lone `?` names no place at all.
        XCTAssertEqual(result.issues.filter { $0.code == "municipality_not_given" }.map(\.oldValue), ["?"])
    }

    /// A file answering none of the survey's own questions (a contact list beside the exports,
    /// last year's topic_demand.csv) had its countries and municipalities counted as respondents
    /// in the partners' reports (a helper's probe): its rows are quarantined with an error naming
    /// what did match. A file answering only who wants training is an export of the survey.
    func testAFileRatingNoTopicIsNoExportOfTheSurvey() throws {
        let folder = TemporaryFolder()
        let contacts = folder.write("kontaktid.csv", "Name,Email,Country,Municipality\nMari Maasikas,mari@example.ee,Estonia,Narva linn\n"
            + "Jaan Tamm,jaan@example.ee,Estonia,Tartu linn\n")
        let figures = folder.write("topic_demand.csv", "country,topic,respondents,mean_importance\nLT,intercultural,8,4.1\n")
        let demand = folder.write("demand.csv", "Country,Which topics would you attend training on?\nLatvia,Partnerships for integration\n")
        let result = normalise([contacts, figures, demand])
        XCTAssertEqual(result.respondents.map(\.country), ["LV"])
        XCTAssertEqual(result.accounts.map(\.quarantined), [0, 2, 1], "demand.csv, kontaktid.csv, topic_demand.csv")
        let errors = result.issues.filter { $0.code == "no_topic_questions" }
        XCTAssertEqual(errors.map(\.file), ["kontaktid.csv", "topic_demand.csv"])
        XCTAssertTrue(errors[0].message.contains("`Country`, `Municipality`"), errors[0].message)
        XCTAssertEqual(result.issues.filter { $0.code == "questions_missing" }.map(\.file), ["demand.csv"])
        // Columns without a name (a trailing delimiter) or a heading repeated are nothing else.
        let places = folder.write("places.csv", "Country,Municipality,Country,\nEstonia,Narva linn,Estonia,\n")
        XCTAssertEqual(normalise([places]).respondents.count, 1)
    }

    /// Rows that answer nothing but their place: a hand-made sheet numbered ahead (`Nr.` alone)
    /// or given its municipality ahead for respondents who never came, LimeSurvey's rows of
    /// people who opened the survey and left. Each had been a respondent (a probe: 10 for 6,
    /// and a want-training share of 60 % for 100 %). They are blank rows, said once per file; a
    /// row with one answer, or a submitted LimeSurvey response with none, stays a respondent.
    func testRowsThatAnswerNothingButThePlaceAreNoRespondents() throws {
        let folder = TemporaryFolder()
        let numbered = folder.write("numbered.csv", """
            Nr.;Valsts;Pašvaldība;imp_intercultural;comp_intercultural;comments
            1;LV;Ogres novads;5;2;
            2;LV;Ogres novads;4;;
            3;;;;;
            4;LV;Ogres novads;;;
            5;;;;;labi
            6; ;;;;

            """)
        let limeSurvey = folder.write("ls.csv", """
            id,submitdate,lastpage,startlanguage,seed,country,municipality,importance[intercultural],competence[intercultural]
            1,2025-01-14 10:00:00,4,lv,100,LV,Ogres novads,5,2
            2,,,lv,101,,,,
            3,,1,lv,102,LV,,,
            4,2025-01-14 10:05:00,4,lv,103,LV,,,

            """)
        // Ticks under headings the form does not read (two questions share them), and a row dated
        // in the sheet's date column, are answers: respondents.
        let grid = folder.write("grid.csv", "Riik;Kultuuridevaheline pädevus ja suhtlus;Partnerlus lõimumise toetamiseks;imp_disinformation\n"
            + "EE;x;;\nEE;;;\n")
        let dated = folder.write("dated.csv", "Kuupäev;country;imp_intercultural\n14.01.2025;EE;4\n15.01.2025;EE;\n")
        // A row of its place with the empty cells after it left out (`2;EE`, `EE,Narva linn,,`):
        // a differential tester's had been a respondent. A line cut short giving no place stays
        // as the line-fragment rules read it.
        let short = folder.write("short.csv", "Nr;country;municipality;imp_intercultural;comments\n1;EE;Narva linn;4;\n2;EE\n3;EE;Narva linn\n4;EE;Narva linn;5;\n"
            + "5;EE;Harjumaa\n6;EE;digi,keel\n")
        let shortRead = normalise([short])
        // A county read as the place reader reads it is a place; words that read as none keep the row.
        XCTAssertEqual(shortRead.respondents.map(\.sourceLine), [2, 5, 7])
        XCTAssertEqual(shortRead.accounts.map(\.blankRows), [3])
        // A remark in words (`ei vastanud`, "did not answer") is no answer; a tick in a column the
        // form does not read is one, and so is a number there past the row's own.
        let remarks = folder.write("remarks.csv", "Nr;country;imp_intercultural;Märkus;Lisa\n1;EE;4;;\n2;EE;;ei vastanud;\n3;EE;;;x\n4;EE;;;1\n")
        XCTAssertEqual(normalise([grid, dated, remarks]).accounts.map(\.respondents), [2, 1, 3])
        // The same remark in the form's own free-text column (a probe's `ei vastanud` in the
        // comments had made a respondent); a comment in words is an answer.
        let commented = folder.write("commented.csv", "Nr;country;imp_intercultural;comments\n1;EE;4;\n2;EE;;ei vastanud\n"
            + "3;EE;;Не ответил\n4;EE;;koolitus on vajalik\n")
        XCTAssertEqual(normalise([commented]).accounts.map(\.respondents), [2])
        // Its letters written as `?` by a code page without them (`atteic?s`, a differential
        // tester's row that had been a respondent); `?` where the remark has a letter of ASCII is a comment.
        let lost = folder.write("lost.csv", "Nr;country;imp_intercultural;comments\n1;LV;4;\n2;LV;;atteic?s\n3;LT;;N?ra atsakymo\n"
            + "4;LV;;atteic?s laikam\n5;LV;;?tteic?s\n6;LV;;Atteicās.\n7;EE;;Ei vastanud! \n")
        XCTAssertEqual(normalise([lost]).respondents.map(\.sourceLine), [2, 5, 6])
        // The row's number after the place (`Omavalitsus;Nr;...`), and dashes for blank cells.
        let after = folder.write("after.csv", "Omavalitsus;Nr;imp_intercultural;training_wanted\nTartu linn;1;4;intercultural\n"
            + "Tartu linn;2;;\nTartu linn;3;-;-\nTartu linn;4;–;intercultural\n")
        let read = normalise([after])
        XCTAssertEqual(read.respondents.map(\.sourceLine), [2, 5])
        XCTAssertEqual(read.accounts.map(\.blankRows), [2])
        XCTAssertFalse(read.issues.contains { $0.code == "unknown_value" }, "\(read.issues.map(\.message))")
        let result = normalise([numbered, limeSurvey])
        XCTAssertEqual(result.respondents.map(\.sourceFile), ["ls.csv", "ls.csv", "numbered.csv", "numbered.csv", "numbered.csv"])
        XCTAssertEqual(result.respondents.map(\.sourceLine), [2, 5, 2, 3, 6])
        XCTAssertEqual(result.accounts.map(\.blankRows), [2, 3])
        let said = result.issues.filter { $0.code == "unanswered_rows" }
        XCTAssertEqual(said.map(\.file), ["ls.csv", "numbered.csv"])
        XCTAssertEqual(said.map(\.line), [3, 4])
        XCTAssertTrue(said[1].message.hasPrefix("3 row(s) (the first here) answer no question but the place"), said[1].message)
    }

    /// A sheet with place columns left blank under each block's details line (`Omavalitsus:;Narva
    /// linn`, or `Omavalitsus: Narva linn` in one cell): its rows had been of no place, every one
    /// `place_unknown` (a probe's). The stated place is given to rows whose place cells are all
    /// blank; a row with its own municipality, or with a country alone, keeps what it has.
    func testADetailsLineGivesItsPlaceToRowsLeavingThePlaceColumnsBlank() throws {
        let folder = TemporaryFolder()
        let header = "Nr;Riik;Omavalitsus;Teie amet;imp_intercultural;comp_intercultural\n"
        let file = folder.write("blocks.csv", header + "Omavalitsus:;Narva linn;;;;\n1;;;teacher;5;2\n2;;;teacher;4;3\n"
            + "3;EE;Tartu linn;teacher;4;3\n4;LV;;teacher;3;3\nOmavalitsus: Jõhvi vald;;;;;\n5;;;teacher;2;2\n6; ;-;teacher;2;1\n"
            + "7;Soome;;teacher;2;2\n")
        let result = normalise([file])
        XCTAssertEqual(result.respondents.map(\.sourceLine), [3, 4, 5, 6, 8, 9, 10])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-511", "EE-511", "EE-793", nil, "EE-251", "EE-251", nil])
        // A place typed that reads as none (Finland, `Soome`) is the row's own: no stated place
        // (a reviewer's: it had been counted in the block's municipality).
        XCTAssertEqual(result.respondents.map(\.country), ["EE", "EE", "EE", "LV", "EE", "EE", nil])
        XCTAssertEqual(result.issues.filter { $0.code == "place_unknown" }.map(\.line), [10])
        XCTAssertEqual(result.issues.filter { $0.code == "place_stated_above" }.map(\.line), [2, 7])
        XCTAssertEqual(result.accounts.first?.blankRows, 2)
    }

    /// A block's name alone on its line, in a column of no question (`Narva linn` under `Nr`), or
    /// its details line in the second column of a sheet whose first is blank (`;Omavalitsus: Jõhvi
    /// vald;;`), states the place of the rows below that leave theirs blank: the rows had been of
    /// no place (a probe's). Another block's name that reads as no place stops the one above from
    /// carrying on; a remark that someone did not answer does not.
    func testABlocksNameAloneStatesItsPlace() throws {
        let folder = TemporaryFolder()
        let header = ";Nr;Riik;Omavalitsus;imp_intercultural;comp_intercultural\n"
        let file = folder.write("blocks.csv", header + ";Narva linn;;;;\n;1;;;5;2\n;2;;;4;3\n;ei vastanud;;;;\n;3;;;4;3\n"
            + ";Omavalitsus: Jõhvi vald;;;;\n;4;;;2;2\n;Kolmas plokk;;;;\n;5;;;3;3\n")
        let result = normalise([file])
        XCTAssertEqual(result.respondents.map(\.sourceLine), [3, 4, 6, 8, 10])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-511", "EE-511", "EE-511", "EE-251", nil])
        XCTAssertEqual(result.issues.filter { $0.code == "details_line" }.map { "\($0.line!):\($0.column!)" }, ["2:2", "7:2", "9:2"])
        XCTAssertEqual(result.issues.filter { $0.code == "place_unknown" }.map(\.line), [10])
        XCTAssertEqual(result.accounts.first?.blankRows, 4)
        // A name alone in a column of the form (here the municipality's own) is a row giving its
        // place ahead, as before: no block's name.
        let own = normalise([folder.write("own.csv", "Nr;Omavalitsus;imp_intercultural;comp_intercultural\n;Narva linn;;\n1;;5;2\n")])
        XCTAssertEqual(own.respondents.map(\.municipalityCode), [nil])
        XCTAssertFalse(own.codes().contains("details_line"))
        // Only in the sheet's numbering column: a place typed alone under a place column the form
        // does not know (`KOV`), or in a note column, names no block (a reviewer's: the rows below
        // had been moved to Tartu linn).
        let kov = normalise([folder.write("kov.csv", "KOV;Teie amet;imp_intercultural;comp_intercultural\n"
            + "Narva linn;teacher;5;2\nTartu linn;;;\nNarva linn;teacher;4;3\nJõhvi vald;teacher;3;3\n")])
        XCTAssertEqual(kov.respondents.map(\.municipalityCode), [nil, nil, nil])
        let note = normalise([folder.write("note.csv", "Nr;Riik;Omavalitsus;Teie amet;imp_intercultural;comp_intercultural;Küsitleja märkus\n"
            + "Omavalitsus: Narva linn;;;;;;\n1;;;teacher;5;2;\n;;;;;;Tartu linn\n2;;;teacher;4;3;\n")])
        XCTAssertEqual(note.respondents.map(\.municipalityCode), ["EE-511", "EE-511"])
        // A third reviewer's: a numbering column under any heading (`Nr.p.k.`), block names in a
        // first column with no name beside `Nr`, a details line in the second column under a
        // question's (`Šalis`), all read; a column with no name holding each row's place is no
        // numbering column.
        func places(_ name: String, _ text: String) -> [String?] { normalise([folder.write(name, text)]).respondents.map(\.municipalityCode) }
        XCTAssertEqual(places("lv.csv", "Nr.p.k.;Jūsu amats;imp_intercultural;comp_intercultural\n1;teacher;5;2\n"
                              + "Pašvaldība: Rīga;;;\n2;teacher;4;3\nDaugavpils;;;\n3;teacher;3;3\n"), [nil, "LV-RIX", "LV-DGV"])
        XCTAssertEqual(places("unnamed.csv", ";Nr;Teie amet;imp_intercultural;comp_intercultural\n;1;teacher;5;1\n"
                              + "Omavalitsus: Narva linn;;;;\n;2;teacher;5;2\nTartu linn;;;;\n;3;teacher;3;3\n"), [nil, "EE-511", "EE-793"])
        XCTAssertEqual(places("blank.csv", ";Teie amet;imp_intercultural;comp_intercultural\nNarva linn;teacher;5;2\n"
                              + "Tartu linn;;;\nNarva linn;teacher;4;3\n"), [nil, nil])
        // A place-only row first, before any row showed the column one of places: read as a block's
        // name, then withdrawn at the first respondent holding words there, with a warning; no row
        // is given it (it had given Tartu linn to Narva's and Jõhvi's respondents).
        let first = normalise([folder.write("first.csv", "KOV;Teie amet;imp_intercultural;comp_intercultural\nTartu linn;;;\n"
                                            + "Narva linn;teacher;5;2\nJõhvi vald;teacher;3;3\n")])
        XCTAssertEqual(first.respondents.map(\.municipalityCode), [nil, nil])
        XCTAssertEqual(first.issues.filter { $0.code == "block_name_withdrawn" }.map { "\($0.line!):\($0.column!)" }, ["3:1"])
        XCTAssertEqual(places("lt.csv", "Eil. Nr.;Šalis;Savivaldybė;Jūsų pareigos;imp_intercultural;comp_intercultural\n"
                              + "Savivaldybė: Kauno miesto savivaldybė;;;;;\n1;;;teacher;5;2\n;Savivaldybė: Alytaus miesto savivaldybė;;;;\n"
                              + "2;;;teacher;4;3\n"), ["LT-15", "LT-02"])
        // In the first column of a question of a list (the role), in a sheet with no place column: a
        // municipality's name alone, no answer of the list, names the block (a probe's: each such
        // line had been a respondent answering nothing, in the want-training base). Not where a
        // column asks the place.
        let role = normalise([folder.write("role.csv", "Teie amet;imp_intercultural;comp_intercultural\nNarva linn;;\n"
                                            + "teacher;5;2\nteacher;4;3\nTartu linn;;\nteacher;3;3\n")])
        XCTAssertEqual(role.respondents.map(\.municipalityCode), ["EE-511", "EE-511", "EE-793"], "\(role.issues.map(\.message))")
        XCTAssertEqual(role.issues.filter { $0.code == "details_line" }.map { "\($0.line!):\($0.column!)" }, ["2:1", "5:1"])
        let asked = normalise([folder.write("asked.csv", "Teie amet;Omavalitsus;imp_intercultural\nNarva linn;;\nteacher;Tartu linn;5\n")])
        XCTAssertFalse(asked.codes().contains("details_line"))
        // The next block's name reading as no one place (`Tartu`: linn or vald): its rows have
        // none, not the block's above (a reviewer's: they had been given Narva linn).
        let unread = normalise([folder.write("unread-role.csv", "Teie amet;imp_intercultural;comp_intercultural\nNarva linn;;\n"
                                              + "teacher;5;2\nTartu;;\nteacher;3;3\n")])
        XCTAssertEqual(unread.respondents.map(\.municipalityCode), ["EE-511", nil], "\(unread.issues.map(\.message))")
        XCTAssertTrue(unread.codes().contains("place_stated_unread"))
        // A misspelt name (`Viljandy`) cannot be told from a role off the list alone
        // (`Raamatukoguhoidja`): either leaves the rows below without a place, said, where the
        // misspelt block's had been given Narva linn without a word (two reviewers').
        for name in ["Viljandy", "Raamatukoguhoidja"] {
            let next = normalise([folder.write("next-\(name).csv", "Teie amet;imp_intercultural;comp_intercultural\nNarva linn;;\n"
                                                + "teacher;5;2\n\(name);;\nteacher;3;3\n")])
            XCTAssertEqual(next.respondents.map(\.municipalityCode), ["EE-511", nil], "\(next.issues.map(\.message))")
            XCTAssertTrue(next.codes().contains("place_stated_unread"), name)
        }
    }

    /// Blocks pasted one below the other, each with its municipality on a details line above its
    /// header: the second block's line (`Omavalitsus:;Tartu linn`) had been a respondent answering
    /// its role `Omavalitsus:`, and the rows below it had no place. It is a details line, and
    /// its place is theirs; a details line in a table with a place column gives none.
    func testADetailsLineBetweenPastedBlocksStatesTheirPlace() throws {
        let folder = TemporaryFolder()
        let header = "Teie amet;imp_intercultural;comp_intercultural;imp_partnerships;comp_partnerships;imp_disinformation;comp_disinformation\n"
        let blocks = folder.write("blocks.csv", "Omavalitsus:;Narva linn;;;;;\n" + header + "teacher;5;2;4;3;4;1\nsocial_worker;4;3;5;1;3;2\n"
            + ";;;;;;\nOmavalitsus:;Tartu linn;;;;;\n" + header + "teacher;3;2;4;3;4;1\n")
        let placed = folder.write("placed.csv", "municipality;role;imp_intercultural;comp_intercultural\nNarva linn;teacher;5;2\n"
            + "Omavalitsus:;Tartu linn;;\nNarva linn;teacher;4;3\n")
        // A respondent whose role is written `Muu:` (Other) with one rating is a respondent; a
        // place stated in one cell is one; one that cannot be read leaves the rows below with none.
        let more = folder.write("more.csv", "Omavalitsus:;Narva linn;;;;;\n" + header + "Muu:;4 (Pigem oluline);;;;;\n"
            + "Omavalitsus: Pärnu linn;;;;;;\n" + "teacher;3;2;4;3;4;1\n"
            + "Omavalitsus:;Narva ja Pärnu;;;;;\n" + header + "teacher;2;2;4;3;4;1\n")
        let mixed = normalise([more])
        XCTAssertEqual(mixed.respondents.map(\.sourceLine), [3, 5, 8])
        XCTAssertEqual(mixed.respondents.map(\.municipalityCode), ["EE-511", "EE-624", nil])
        XCTAssertEqual(mixed.issues.filter { $0.code == "details_line" }.map(\.line), [4, 6])
        XCTAssertEqual(mixed.issues.filter { $0.code == "place_stated_unread" }.map(\.line), [6])
        let result = normalise([blocks, placed])
        XCTAssertEqual(result.respondents.map(\.sourceLine), [3, 4, 8, 2, 4])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-511", "EE-511", "EE-793", "EE-511", "EE-511"])
        XCTAssertEqual(result.accounts.map(\.blankRows), [2, 1])
        let said = result.issues.filter { $0.code == "details_line" }
        XCTAssertEqual(said.map(\.line), [6, 3])
        XCTAssertTrue(said[0].message.hasSuffix("(its place is the rows' below it)"), said[0].message)
        // In a file with a place column its place is only for rows leaving theirs blank: the
        // rows below it keep their own (Narva linn).
        XCTAssertTrue(said[1].message.hasSuffix("(its place is that of the rows below it that leave theirs blank)"), said[1].message)
        XCTAssertFalse(result.issues.contains { $0.code == "unknown_value" }, "\(result.issues.map(\.message))")
    }

    /// The municipality stated in one cell (`Pašvaldība: Ogres novads`, the rest of the line
    /// empty or not there) right above the header repeated: it had been skipped as a note under
    /// the first block, and the rows of the second had no place. It is the second block's place; a
    /// note there that states none (`Koostas: M. Tamm`), or one further up, is still a note.
    func testAOneCellPlaceLineAboveARepeatedHeaderStatesTheNextBlocksPlace() throws {
        let folder = TemporaryFolder()
        let header = "Teie amet;imp_intercultural;comp_intercultural;imp_partnerships;comp_partnerships\n"
        let short = folder.write("short.csv", "Omavalitsus: Narva linn\n" + header + "teacher;5;2;4;3\nsocial_worker;4;3;5;1\n"
            + "\nOmavalitsus: Tartu linn\n" + header + "teacher;3;2;4;3\n")
        let padded = folder.write("padded.csv", "Omavalitsus: Narva linn;;;;\n" + header + "teacher;5;2;4;3\n"
            + "Pašvaldība: Ogres novads;;;;\n" + header + "teacher;3;2;4;3\n")
        let notes = folder.write("notes.csv", "Omavalitsus: Narva linn\n" + header + "teacher;5;2;4;3\n"
            + "Omavalitsus: Tartu linn\nKoostas: M. Tamm\n" + header + "teacher;3;2;4;3\nKokku: 2 vastajat\n" + header + "teacher;2;2;4;3\n")
        let result = normalise([short, padded, notes])
        XCTAssertEqual(result.respondents.map(\.sourceFile), ["notes.csv", "notes.csv", "notes.csv", "padded.csv", "padded.csv", "short.csv", "short.csv", "short.csv"])
        XCTAssertEqual(result.respondents.map(\.sourceLine), [3, 7, 10, 3, 6, 3, 4, 8])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-511", nil, nil, "EE-511", "LV-067", "EE-511", "EE-511", "EE-793"])
        XCTAssertEqual(result.issues.filter { $0.code == "details_line" }.map(\.file), ["padded.csv", "short.csv"])
        XCTAssertEqual(result.issues.filter { $0.code == "details_line" }.map(\.line), [4, 6])
        XCTAssertFalse(result.issues.contains { $0.code == "ragged_row" }, "\(result.issues.map(\.message))")
        // Lines 4 and 5 of notes.csv: notes, one skipped by the reader, the other by the
        // normaliser; a total (line 8) stays the reader's footnote.
        XCTAssertEqual(result.issues.filter { $0.file == "notes.csv" && $0.code == "footnote_skipped" }.map(\.line), [4, 5, 8])
        XCTAssertEqual(result.accounts.map(\.blankRows), [1, 1, 2])
    }

    /// A sheet typed the other way round, one respondent per column. Headed by the first question
    /// and its answers, its rows had each been a respondent answering that question with another
    /// question's name (39 invented, with warnings only); headed `Küsimus;Vastaja 1;...`, every
    /// row was quarantined as another survey's. Both are quarantined and said to be turned round.
    func testASheetOfOneRespondentPerColumnIsQuarantinedAndSaidSo() throws {
        let folder = TemporaryFolder()
        let rows = "imp_partnerships;4;3;5\nimp_disinformation;4;4;3\ncomp_intercultural;2;3;1\nrole;teacher;other;teacher\n"
        let byAnswers = folder.write("a.csv", "imp_intercultural;5;4;5\n" + rows)
        let byLabels = folder.write("b.csv", "Küsimus;Vastaja 1;Vastaja 2;Vastaja 3\nRiik;Eesti;Eesti;Läti\n"
            + "Kultuuridevaheline pädevus ja suhtlus;5;4;5\n" + rows)
        // A header whose cells after a question are other words stays a table (a country column and
        // columns of another survey), as does a rating question beside rating-like headings that are
        // answers of no other question: only when every other heading reads as an answer.
        let table = folder.write("c.csv", "imp_intercultural;imp_partnerships;comp_intercultural\n5;4;2\n")
        // A grid of ticks under the demand question's name, or under a question and its choices
        // in the list's order, is no such sheet; a numbered one (`Nr;Küsimus;...`) is.
        let grid = folder.write("d.csv", "training_wanted;intercultural;partnerships;disinformation\n;x;;x\n")
        let oneHot = folder.write("e.csv", "role;teacher;social_worker;other;imp_intercultural\nx;;;;4\n")
        let numbered = folder.write("g.csv", "Nr;Küsimus;Vastaja 1;Vastaja 2\n1;Riik;Eesti;Eesti\n2;imp_partnerships;4;3\n3;imp_disinformation;4;4\n")
        let others = normalise([grid, oneHot, numbered])
        XCTAssertEqual(others.issues.filter { $0.code == "transposed_sheet" }.map(\.file), ["g.csv"])
        XCTAssertEqual(others.accounts.map(\.quarantined), [0, 0, 3])
        let result = normalise([byAnswers, byLabels, table])
        XCTAssertEqual(result.respondents.map(\.sourceFile), ["c.csv"])
        XCTAssertEqual(result.accounts.map(\.quarantined), [4, 6, 0])
        let said = result.issues.filter { $0.code == "transposed_sheet" }
        XCTAssertEqual(said.map(\.file), ["a.csv", "b.csv"])
        XCTAssertEqual(said.map(\.severity), [.error, .error])
        XCTAssertTrue(said[0].message.contains("question `imp_intercultural` and its answers (`5`, `4`, `5`)"), said[0].message)
        // (A label two questions share, a topic's importance and competence, names neither.)
        XCTAssertTrue(said[1].message.contains("the first column names 5 questions of the instrument (`country`, `imp_partnerships`, `imp_disinformation`, ...)"), said[1].message)
        XCTAssertTrue(said.allSatisfy { $0.message.contains("Paste Special, Transpose") })
    }

    /// The label a clerk puts before the municipality above the table is often not the form's:
    /// `Самоуправление:`, `Linn:`, `Pilsēta:`, `Город:` were dropped without a word (a probe), the
    /// respondents counted in the region alone. They are read as the place; a label this tool does
    /// not know before a value that is a municipality is said, and the place not given.
    func testAPlaceStatedAboveUnderTheSheetsOwnLabel() throws {
        let folder = TemporaryFolder()
        let table = "Teie amet;imp_intercultural;comp_intercultural;imp_partnerships;comp_partnerships;imp_disinformation;comp_disinformation\n"
            + "teacher;5;2;4;3;4;1\nsocial_worker;4;3;5;1;3;2\n"
        let files = [
            folder.write("a.csv", "Самоуправление:;г. Нарва;;;;;\n;;;;;;\n" + table),
            folder.write("b.csv", "Linn:;Narva;;;;;\n" + table),
            folder.write("c.csv", "Pilsēta: Daugavpils;;;;;;\n" + table),
            folder.write("d.csv", "Koostaja:;Narva;;;;;\n" + table),
        ]
        let result = normalise(files)
        XCTAssertEqual(result.respondents.map(\.sourceFile), ["a.csv", "a.csv", "b.csv", "b.csv", "c.csv", "c.csv", "d.csv", "d.csv"])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["EE-511", "EE-511", "EE-511", "EE-511", "LV-DGV", "LV-DGV", nil, nil])
        XCTAssertEqual(result.issues.filter { $0.code == "place_stated_above" }.map(\.file), ["a.csv", "b.csv", "c.csv"])
        let unread = try XCTUnwrap(result.issues.first { $0.code == "place_stated_unread" })
        XCTAssertEqual(unread.file, "d.csv")
        XCTAssertTrue(unread.message.contains("`Koostaja:` `Narva`"), unread.message)
    }

    /// A hand-made sheet of one municipality states it above the table, not in a column
    /// (`Omavalitsus: | Tartu linn`, or `Pašvaldība: Ogres novads` in one cell): every respondent
    /// of the file is given it, and the country it tells, with a note at its line. It had been
    /// skipped as a detail of the sheet, the respondents counted only in the region's total. A
    /// column asking it wins, and a title that merely names a place is no statement.
    func testAPlaceStatedAboveAHandMadeTableIsEveryRespondents() throws {
        let folder = TemporaryFolder()
        let tartu = folder.write("tartu.csv", """
            Koolitusvajaduste küsitlus, Tartu linn;;;;;
            Omavalitsus:;Tartu linn;;;;
            ;;;;;
            Teie amet;imp_intercultural;comp_intercultural;imp_partnerships;comp_partnerships;imp_disinformation
            teacher;5;2;4;3;4
            social_worker;4;3;5;1;3

            """)
        let ogre = folder.write("ogre.csv", "Pašvaldība: Ogres novads;;;;;\nimp_intercultural;comp_intercultural;imp_partnerships;"
            + "comp_partnerships;imp_disinformation;comp_disinformation\n4;2;3;3;4;1\n3;3;4;2;5;2\n")
        let own = folder.write("own.csv", "Omavalitsus:;Tartu linn;;;;\nMunicipality;imp_intercultural;comp_intercultural;imp_partnerships;"
            + "comp_partnerships;imp_disinformation\nNarva linn;3;2;4;1;2\nNarva linn;4;1;5;2;3\n")
        let result = normalise([tartu, ogre, own])
        XCTAssertEqual(result.respondents.map(\.sourceFile), ["ogre.csv", "ogre.csv", "own.csv", "own.csv", "tartu.csv", "tartu.csv"])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["LV-067", "LV-067", "EE-511", "EE-511", "EE-793", "EE-793"])
        XCTAssertEqual(result.respondents.map(\.country), ["LV", "LV", "EE", "EE", "EE", "EE"])
        let notes = result.issues.filter { $0.code == "place_stated_above" }
        // (own.csv's statement is for rows that leave the place blank, which none of its rows does.)
        XCTAssertEqual(notes.map(\.file), ["ogre.csv", "own.csv", "tartu.csv"])
        XCTAssertEqual(notes.map(\.line), [1, 1, 2])
        XCTAssertTrue(notes[1].message.hasSuffix("whose row leaves the place columns blank"), notes[1].message)
        XCTAssertFalse(result.issues.contains { $0.code == "questions_missing" && $0.message.contains("municipality") },
                       "\(result.issues.map(\.message))")
        // The country of a municipality stated alone is stated with it, not inferred at each row.
        XCTAssertFalse(result.issues.contains { $0.code == "country_inferred" && $0.file == "tartu.csv" })

        // A reviewer's cases. The same answers in two municipalities' files are four respondents,
        // not one file sent twice; a statement that reads as no place is said and given to no
        // one; a file with a place column keeps its rows' own; the rows below the header repeated
        // (another block pasted below) are not given the first block's place.
        let table = "imp_intercultural;comp_intercultural;imp_partnerships;comp_partnerships;imp_disinformation;comp_disinformation\n4;2;3;3;4;1\n3;3;4;2;5;2\n"
        let narva = folder.write("narva.csv", "Omavalitsus:;Narva linn;;;;\n" + table)
        let elva = folder.write("elva.csv", "Omavalitsus:;Elva vald;;;;\n" + table)
        let title = folder.write("title.csv", "Riik:;küsitlus 2025;;;;\n" + table)
        let column = folder.write("column.csv", "Riik:;Läti;;;;\nMunicipality;imp_intercultural;comp_intercultural;imp_partnerships;"
            + "comp_partnerships;imp_disinformation\nNarva linn;3;2;4;1;2\nNarva linn;4;1;5;2;3\n")
        let header = table.split(separator: "\n")[0]
        let blocks = folder.write("blocks.csv", "Omavalitsus:;Elva vald;;;;\n\(header)\n5;1;5;1;5;1\n4;4;4;4;4;4\n\(header)\n5;1;5;1;5;1\n")
        let cases = normalise([narva, elva, title, column, blocks])
        XCTAssertFalse(cases.codes().contains("identical_row"), "\(cases.codes())")
        XCTAssertFalse(cases.codes().contains("file_repeated"), "\(cases.codes())")
        let byFile = Dictionary(grouping: cases.respondents, by: \.sourceFile)
        XCTAssertEqual(byFile["narva.csv"]?.map(\.municipalityCode), ["EE-511", "EE-511"])
        XCTAssertEqual(byFile["elva.csv"]?.map(\.municipalityCode), ["EE-171", "EE-171"])
        XCTAssertEqual(byFile["title.csv"]?.map(\.country), [nil, nil])
        XCTAssertEqual(cases.issues.filter { $0.code == "place_stated_unread" }.map(\.file), ["title.csv"])
        XCTAssertEqual(byFile["column.csv"]?.map(\.country), ["EE", "EE"])
        XCTAssertEqual(byFile["blocks.csv"]?.map(\.municipalityCode), ["EE-171", "EE-171", nil])
    }

    /// A municipality typed in Cyrillic and saved by a Baltic Windows (`Рига` as `????`) lost
    /// every letter: `text_lost`, saying how to save the export, not a name the gazetteer lacks
    /// (`municipality_unknown` had sent the user to the gazetteer); kept as written, a place given.
    func testMunicipalityOfQuestionMarksOnlyHasLostItsText() throws {
        let folder = TemporaryFolder()
        let text = """
        Valsts;Pašvaldība
        Latvija;????
        Latvija;??????????
        Latvija;Rīga

        """
        let result = normalise([folder.write("lv_excel.csv", encode(text, as: .windows1257))])
        XCTAssertEqual(result.respondents.map(\.municipalityName), ["????", "??????????", "Rīga"])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), [nil, nil, "LV-RIX"])
        XCTAssertEqual(result.respondents.map(\.country), ["LV", "LV", "LV"])
        let lost = result.issues.filter { $0.code == "text_lost" }
        XCTAssertEqual(lost.map(\.line), [2, 3])
        XCTAssertEqual(lost.map(\.column), [2, 2])
        XCTAssertTrue(lost.allSatisfy { $0.message.contains("CSV UTF-8") }, "\(lost.map(\.message))")
        XCTAssertFalse(result.codes().contains("municipality_unknown"), "\(result.codes())")
    }

    /// Google's sheet names its first column in the form's language: Lithuanian `Laiko žymė` is
    /// the submission time as `Timestamp` is, not a column of another survey.
    func testGoogleFormMadeBilingualWithTheInstrumentsLabels() throws {
        // Estonian and Russian in every title and option, as forms for Ida-Virumaa are made.
        let folder = TemporaryFolder()
        let header = ["Ajatempel", "Riik / Страна", "Omavalitsus / Муниципалитет", "Teie amet / Ваша должность",
                      "Kui oluline on iga teema teie töös? / Насколько важна каждая тема для вашей работы? [Desinformatsiooni ja väärinfo tõrjumine / Противодействие дезинформации и ложной информации]",
                      "Kuidas hindate oma pädevust igas teemas? / Как вы оцениваете свою компетентность по каждой теме? [Desinformatsiooni ja väärinfo tõrjumine / Противодействие дезинформации и ложной информации]",
                      "Millistel teemadel osaleksite koolitusel? / По каким темам вы бы прошли обучение?"]
        var writer = CSVWriter()
        writer.row(texts: header)
        writer.row(texts: ["14.01.2025 10:32:05", "Eesti / Эстония", "Narva linn", "Õpetaja või haridustöötaja / Учитель или работник образования",
                           "Väga oluline / Очень важно", "Madal / Низкая",
                           "Desinformatsiooni ja väärinfo tõrjumine / Противодействие дезинформации и ложной информации, Ajutine kaitse: õigused ja hüvitised / Временная защита: права и льготы"])
        // Two answers in one cell, or one unknown beside a known, are neither; a role's (Google
        // takes no such answer but the "Other" option's text) is the list's `other`.
        writer.row(texts: ["15.01.2025 09:00:00", "Eesti", "Jõhvi vald", "Sotsiaaltöötaja / Muu", "Oluline / важно очень", "", ""])
        let result = normalise([folder.write("bilingual.csv", writer.text)])
        XCTAssertEqual(result.respondents.count, 2)
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
        XCTAssertEqual(result.respondents[0].country, "EE")
        XCTAssertEqual(result.answer(0, "role", in: instrument), .choice("teacher"))
        XCTAssertEqual(result.answer(0, "imp_disinformation", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_disinformation", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["disinformation", "legal_status"]))
        XCTAssertEqual(result.answer(1, "role", in: instrument), .choice("other"))
        XCTAssertNil(result.answer(1, "imp_disinformation", in: instrument))
        XCTAssertEqual(result.issues.filter { $0.code == "other_answer" }.map(\.oldValue), ["Sotsiaaltöötaja / Muu"])
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["Oluline / важно очень"])
    }

    func testGoogleFormsTimestampInLithuanian() throws {
        let folder = TemporaryFolder()
        let text = "Laiko žymė,Šalis,Savivaldybė\n2025-01-14 10:32:05,Lietuva,Palangos miesto savivaldybė\n"
        let result = normalise([folder.write("lt.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "Google Forms")
        XCTAssertEqual(result.respondents.first?.submitted, "2025-01-14")
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// A grid row whose label holds brackets of its own (`... [Temporary protection [TP]]`) is
    /// split at the bracket its last one closes: the group, then the row.
    func testGoogleFormsGridRowLabelHoldingBrackets() throws {
        let folder = TemporaryFolder()
        _ = folder.write("instrument/survey.csv", """
            type,name,label::English (en)
            begin_group,importance,How important is each topic?
            select_one level,imp_tp,Temporary protection [TP]
            select_one level,imp_other,Other [x] topics
            end_group,,

            """)
        _ = folder.write("instrument/choices.csv", "list_name,name,label::English (en)\nlevel,1,Low\nlevel,5,High\n")
        _ = folder.write("instrument/settings.csv", "form_title,form_id\nBrackets,brackets\n")
        let bracketed = try InstrumentLoader.load(folder.path + "/instrument")
        let text = "Timestamp,How important is each topic? [Temporary protection [TP]],How important is each topic? [Other [x] topics]\n"
            + "2025/02/08 10:00:00,High,Low\n"
        let result = normalise([folder.write("google.csv", text)], instrument: bracketed)
        XCTAssertEqual(result.accounts.first?.unmappedColumns, [])
        XCTAssertEqual(result.respondents.first?.answer(try XCTUnwrap(bracketed.questionIndex["imp_tp"])), .choice("5"))
        XCTAssertEqual(result.respondents.first?.answer(try XCTUnwrap(bracketed.questionIndex["imp_other"])), .choice("1"))
    }

    /// Options typed with their number (`5 - Ļoti svarīgi`) are exported so: the number and the
    /// label name one choice together; halves that disagree, or a label alone of several, do not.
    func testAChoiceWrittenWithItsNameAndLabelIsThatChoice() {
        let list = ChoiceList(name: "importance", choices: [
            Choice(name: "1", labels: ["en": "Not important", "lv": "Nav svarīgi"], position: 1),
            Choice(name: "5", labels: ["en": "Very important", "lv": "Ļoti svarīgi"], position: 2),
        ])
        let matcher = ChoiceMatcher(list: list)
        for text in ["5 - Ļoti svarīgi", "5. Very important", "5 (Very important)", "Very important (5)", "5 – ļoti svarīgi",
                     "5: Very important", "5) Very important"] {
            XCTAssertEqual(matcher.match(text), .matched("5", loose: false), text)
        }
        XCTAssertEqual(matcher.match("5 - Loti svarigi"), .matched("5", loose: true))
        XCTAssertEqual(matcher.match("1 - Very important"), .unknown)
        XCTAssertEqual(matcher.match("7 - Very important"), .unknown)
    }

    /// The same written more tightly, as hand-made sheets and typed options have it (`5 Ļoti
    /// svarīgi`, `5-Very important`, `5=Very important`, `(5) Very important`, `Very important, 5`),
    /// or with a full stop after the label: each was an unknown value.
    func testAChoiceWrittenWithItsNameAndLabelTightlyIsThatChoice() {
        let list = ChoiceList(name: "importance", choices: [
            Choice(name: "1", labels: ["en": "Not important", "lv": "Nav svarīgi"], position: 1),
            Choice(name: "5", labels: ["en": "Very important", "lv": "Ļoti svarīgi"], position: 2),
        ])
        let matcher = ChoiceMatcher(list: list)
        for text in ["5 Ļoti svarīgi", "5-Very important", "5=Very important", "(5) Very important", "[5] Very important",
                     "Very important, 5", "Very important.", "5 - Very important."] {
            XCTAssertEqual(matcher.match(text), .matched("5", loose: false), text)
        }
        XCTAssertEqual(matcher.match("1 Very important"), .unknown)
        XCTAssertEqual(matcher.match("Very"), .unknown)
    }

    /// An XLSForm's labels styled with Markdown or HTML (`**Country**`, `<span
    /// style="color:red">...</span>`, as KoboToolbox forms often are, and its labels export
    /// keeps) match the plain labels another tool's export of the same form shows, and the
    /// other way round; the columns and answers were unmapped and unknown.
    func testLabelsStyledWithMarkupMatchPlainOnes() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", """
            type,name,label::English (en),topic,measure,place
            select_one country,country,**Country**,,,country
            text,municipality,<span style="color:red">Municipality</span>,,,municipality
            select_one importance5,imp_partnerships,How important are *partnerships*?,partnerships,importance,
            select_one importance5,comp_partnerships,Your competence in partnerships,partnerships,competence,

            """)
        folder.write("form/choices.csv", """
            list_name,name,label::English (en)
            country,EE,Estonia
            importance5,4,Important
            importance5,5,**Very important**

            """)
        folder.write("form/settings.csv", "form_id,version\nstyled,1\n")
        let styled = try InstrumentLoader.load(folder.path + "/form")
        let plain = "Country,Municipality,How important are partnerships?\nEstonia,Narva linn,Very important\n"
        let result = normalise([folder.write("google.csv", plain)], instrument: styled)
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertEqual(result.respondents.first?.country, "EE")
        XCTAssertEqual(result.respondents.first?.municipalityCode, "EE-511")
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: styled), .choice("5"))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
        // A plain form, a styled export.
        let kobo = "\"<b>Country</b>\";\"**Municipality**\";\"_uuid\"\n\"**Estonia**\";\"Narva linn\";\"u-1\"\n"
        let other = normalise([folder.write("kobo.csv", kobo)])
        XCTAssertEqual(other.respondents.first?.country, "EE")
        XCTAssertEqual(other.respondents.first?.municipalityCode, "EE-511")
        // A comparison sign is no tag.
        XCTAssertNil(TextKey.withoutMarkup("< 5 years"))
        XCTAssertEqual(TextKey.withoutMarkup("<i>Very</i> important"), "Very important")
        // HTML's elements are tags, in any case, closed, empty or with attributes; a placeholder
        // written in angle brackets is text (`Training for <municipality> staff` lost its word,
        // leaving two spaces), and so is one named as an element is (`<section>`, `<small
        // groups>`); a tag is looked for no further than the next `<`. A line break parts words.
        XCTAssertNil(TextKey.withoutMarkup("Training for <municipality> staff"))
        XCTAssertEqual(TextKey.withoutMarkup("<B>Bold</B> for <municipality><br/>staff"), "Bold for <municipality> staff")
        XCTAssertEqual(TextKey.withoutMarkup("<h3>Partnerships</h3>"), "Partnerships")
        XCTAssertEqual(TextKey.withoutMarkup("Staff<br>training"), "Staff training")
        XCTAssertEqual(TextKey.withoutMarkup("<p>Needs of <font color=\"red\">children</font>"), "Needs of children")
        for text in ["Head of <section>", "Training in <small groups> of 5", "<time> spent", "Experience <a year or more, >5 years"] {
            XCTAssertNil(TextKey.withoutMarkup(text), text)
        }
        // HTML's character references (a label or answer pasted from a web page or an HTML
        // editor) are the characters they stand for; a bare `&` is text.
        XCTAssertEqual(TextKey.withoutMarkup("Очень&nbsp;низкая"), "Очень низкая")
        XCTAssertEqual(TextKey.withoutMarkup("A &amp; B &#8211; &#x27;C&#39;"), "A & B \u{2013} 'C'")
        XCTAssertNil(TextKey.withoutMarkup("Partnerships & integration"))
        XCTAssertNil(TextKey.withoutMarkup("R&D; &unknown; &#0; &#10; &#+65;"))
        XCTAssertEqual(TextKey.withoutMarkup("Don&rsquo;t know &#150; &#146;"), "Don\u{2019}t know \u{2013} \u{2019}")
        let entities = "Country,Municipality,How important is each topic for your work?&nbsp;[Partnerships for integration]\n"
            + "Estonia,Narva linn,Very&nbsp;important\nEstonia,Narva linn,Ä&amp;B\n"
        let read = normalise([folder.write("entities.csv", entities)])
        XCTAssertEqual(read.answer(0, "imp_partnerships", in: instrument), .choice("5"))
        XCTAssertEqual(read.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["Ä&amp;B"])
    }

    /// A Google Forms sheet downloaded as an Excel workbook, its timestamps date cells (as Google
    /// Sheets writes them), was refused as a ZIP archive. Read from its first sheet, it gives the
    /// respondents its CSV export gives, line for line: the same answers, places and days.
    func testAResponsesWorkbookGivesTheRespondentsItsCSVGives() throws {
        let csv = Paths.inputs + "/responses/LV_google_forms_lv.csv"
        let table = readAll(csv)
        XCTAssertNil(table.error)
        func xml(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        func cells(_ fields: [String], row: Int) -> String {
            "<row r=\"\(row)\">" + fields.enumerated().map { column, value in
                let reference = Sheet.columnLetter(column) + "\(row)"
                // `14.01.2025 10:45:27` as the date cell Google Sheets writes.
                let parts = value.split(whereSeparator: { ".: ".contains($0) }).compactMap { Int($0) }
                if column == 0 && row > 1 && parts.count == 6 {
                    var date = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                              year: parts[2], month: parts[1], day: parts[0], hour: parts[3], minute: parts[4], second: parts[5])
                    date.calendar?.timeZone = TimeZone(identifier: "UTC")!
                    let serial = date.date!.timeIntervalSince1970 / 86_400 + 25_569
                    return "<c r=\"\(reference)\" s=\"1\"><v>\(serial)</v></c>"
                }
                return value.isEmpty ? "" : "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(xml(value))</t></is></c>"
            }.joined() + "</row>"
        }
        let rows = table.records.map { record in cells(record.fields, row: record.line) }.joined()
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let styles = ("xl/styles.xml", "<styleSheet \(main)><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/></cellXfs></styleSheet>")
        let folder = TemporaryFolder()
        let workbook = folder.path + "/LV_google_forms_lv.xlsx"
        try writeWorkbook(workbook, [("Form Responses 1", rows)], extra: [styles])
        let fromCSV = normalise([csv]), fromWorkbook = normalise([workbook])
        XCTAssertGreaterThan(fromCSV.respondents.count, 10)
        XCTAssertEqual(fromWorkbook.respondents.count, fromCSV.respondents.count)
        for (a, b) in zip(fromWorkbook.respondents, fromCSV.respondents) {
            XCTAssertEqual(a.answers, b.answers)
            XCTAssertEqual([a.country, a.municipalityCode, a.role, a.submitted], [b.country, b.municipalityCode, b.role, b.submitted])
            XCTAssertEqual(a.sourceLine, b.sourceLine)
        }
        XCTAssertTrue(fromWorkbook.codes().contains("xlsx_workbook"), "\(fromWorkbook.codes())")
        // A sheet leaves out the empty cells after a row's last value: no row is short for it.
        XCTAssertEqual(fromWorkbook.codes().filter { $0 != "xlsx_workbook" }, fromCSV.codes())
        XCTAssertEqual(fromWorkbook.accounts.first?.shape, fromCSV.accounts.first?.shape)
        // The run's summary names the sheet; the text the reader made of it has no encoding or delimiter to tell.
        let account = try XCTUnwrap(fromWorkbook.accounts.first)
        XCTAssertEqual([account.sheet, account.encoding, account.delimiter], ["Form Responses 1", "xlsx", ""])
        XCTAssertEqual(account.sha256, FileDigest.sha256(path: workbook))
    }

    /// Russian writes ё as е in ordinary text (`Партнерства для интеграции` for the form's
    /// `Партнёрства`): the same answer, read without the "diacritics set aside" warning a
    /// Latvian answer typed without its marks gets; the other way round too.
    func testRussianYoWrittenAsYeIsTheSameLabel() throws {
        let list = ChoiceList(name: "t", choices: [
            Choice(name: "partnerships", labels: ["ru": "Партнёрства для интеграции"], position: 1),
            Choice(name: "staff", labels: ["ru": "Еще одна тема"], position: 2),
        ])
        let matcher = ChoiceMatcher(list: list)
        XCTAssertEqual(matcher.match("Партнерства для интеграции"), .matched("partnerships", loose: false))
        XCTAssertEqual(matcher.match("ПАРТНЕРСТВА ДЛЯ ИНТЕГРАЦИИ"), .matched("partnerships", loose: false))
        XCTAssertEqual(matcher.match("Ещё одна тема"), .matched("staff", loose: false))
        let folder = TemporaryFolder()
        let text = "country,municipality,training_wanted\nEE,Narva linn,\"Партнерства для интеграции, Работа с переводчиками и языковая доступность\"\n"
        let result = normalise([folder.write("ru.csv", text)])
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships", "interpreters"]))
        XCTAssertFalse(result.codes().contains("label_matched_without_diacritics"), "\(result.issues.map(\.message))")
    }

    func testInvisibleCharactersInHeadersAndAnswersAreLeftOut() throws {
        // A zero-width space, a soft hyphen, a left-to-right mark and a byte order mark, as text
        // pasted from a web page or Word carries them, in the headers and the answers.
        let folder = TemporaryFolder()
        let text = "\u{FEFF}Riik\u{200B},Omavalitsus\u{200E},Teie amet,imp_partnerships,training_wanted\n"
            + "\u{200B}EE,Narva\u{200B} linn\u{00AD},Sotsiaal\u{00AD}töötaja,5\u{200B},\"Partnerlus lõimumise toetamiseks\u{200B}, Töö tõlkidega ja keeleline ligipääs\"\n"
        let result = normalise([folder.write("zw.csv", text)])
        XCTAssertEqual(result.respondents.count, 1)
        let respondent = try XCTUnwrap(result.respondents.first)
        XCTAssertEqual(respondent.country, "EE")
        XCTAssertEqual(respondent.municipalityCode, "EE-511")
        XCTAssertEqual(respondent.role, "social_worker")
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships", "interpreters"]))
        XCTAssertEqual(result.issues.filter { $0.severity >= .warning }.map(\.code), ["questions_missing"], "\(result.issues.map(\.message))")
        XCTAssertEqual(TextKey.exact("Ļoti\u{200B} svarīgi\u{2060}"), TextKey.exact("Ļoti svarīgi"))
        XCTAssertEqual("\u{200B}\u{00A0}".trimmingSpaces, "")
    }

    func testTypographicQuotesAndDashesAreThoseTypedOnAKeyboard() {
        // The XLSForm typed in Excel; the Google or Microsoft form's labels pasted from Word.
        let list = ChoiceList(name: "t", choices: [
            Choice(name: "legal", labels: ["en": "Temporary protection - people's rights"], position: 1),
            Choice(name: "other", labels: ["en": "Other (\"none of these\")", "ru": "Другое («нет»)"], position: 2),
        ])
        let matcher = ChoiceMatcher(list: list)
        XCTAssertEqual(matcher.match("Temporary protection – people’s rights"), .matched("legal", loose: false))
        XCTAssertEqual(matcher.match("Other (“none of these”)"), .matched("other", loose: false))
        XCTAssertEqual(matcher.match("Другое (\"нет\")"), .matched("other", loose: false))
        XCTAssertEqual(matcher.splitMultiple("Other (“none of these”), Temporary protection — people’s rights").choices, ["legal", "other"])
        var headers = KeyedLookup<String>()
        headers.insert("Children’s rights", "rights")
        XCTAssertEqual(headers.match("Children's rights"), .unique("rights", loose: false))
    }

    /// Answers put between quotes (typed in Word or Outlook and pasted into the sheet: `„Svarbu“`,
    /// `“Narva linn”`, `«Очень важно»`) were unknown values, their municipality unknown and the
    /// first and last choices of a checkbox cell lost. A quote inside the text is kept.
    func testAnswersBetweenQuotesAreTheAnswersTheyEnclose() throws {
        let folder = TemporaryFolder()
        let text = "Riik,Omavalitsus,Teie amet,imp_partnerships,training_wanted\n"
            + "„EE“,“Narva linn”,«Sotsiaaltöötaja»,\"\"\"5\"\"\","
            + "\"„Partnerlus lõimumise toetamiseks, Töö tõlkidega ja keeleline ligipääs“\"\n"
        let result = normalise([folder.write("quoted.csv", text)])
        let respondent = try XCTUnwrap(result.respondents.first)
        XCTAssertEqual(respondent.country, "EE")
        XCTAssertEqual(respondent.municipalityCode, "EE-511")
        XCTAssertEqual(respondent.role, "social_worker")
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships", "interpreters"]))
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
        XCTAssertNotEqual(TextKey.exact("“Other” (none)"), TextKey.exact("Other” (none"))
        XCTAssertNotEqual(TextKey.exact("\"a\" or \"b\""), TextKey.exact("a\" or \"b"))
    }

    /// A Kobo select_multiple cell is choice names joined by spaces; a cell Excel round-tripped
    /// may join them with a no-break space (U+00A0), a narrow one (U+202F), an ideographic one or
    /// a CRLF: every name was lost as one unknown token (`partnerships interpreters`).
    func testChoiceNamesJoinedByAnyUnicodeSpaceAreSplit() {
        let list = ChoiceList(name: "t", choices: [
            Choice(name: "partnerships", labels: ["en": "Partnerships"], position: 1),
            Choice(name: "interpreters", labels: ["en": "Working with interpreters"], position: 2),
            Choice(name: "legal_status", labels: ["en": "Legal status"], position: 3),
        ])
        let matcher = ChoiceMatcher(list: list)
        for space in ["\u{00A0}", "\u{202F}", "\u{2007}", "\u{3000}", "\r\n", " \u{00A0}"] {
            let split = matcher.splitMultiple("legal_status\(space)partnerships\(space)interpreters", namesExpected: true)
            XCTAssertEqual(split.choices, ["partnerships", "interpreters", "legal_status"], space.debugDescription)
            XCTAssertEqual(split.unknown, [], space.debugDescription)
        }
        // A label with a no-break space in it is still one choice.
        XCTAssertEqual(matcher.splitMultiple("Legal\u{00A0}status").choices, ["legal_status"])
        // Kobo's labels export joins labels with spaces too: no-break ones read the same.
        let labels = matcher.splitMultiple("Partnerships\u{00A0}Working\u{00A0}with\u{00A0}interpreters", namesExpected: true)
        XCTAssertEqual(labels.choices, ["partnerships", "interpreters"])
        XCTAssertEqual(labels.unknown, [])
    }

    /// Google Forms' timestamp heading with its letters lost (`Laiko ?ym?`, `Laika z?mogs`): the
    /// file is Google Forms' still (it had been a sheet of no tool, its "Other" texts read
    /// otherwise; a helper's probe); a `?` that fits no heading is none.
    func testATimestampHeadingWhoseLettersWereLostIsGoogleForms() {
        for heading in ["Laiko ?ym?", "Laika z?mogs", "laiko ?ym? (UTC)", "Timestamp", "Laiko žymė"] {
            XCTAssertTrue(ExportShape.isTimestampHeader(heading), heading)
        }
        for heading in ["Laiko ?", "?ym?", "Laiko zyme?x", "Country?"] {
            XCTAssertFalse(ExportShape.isTimestampHeader(heading), heading)
        }
    }

    /// A LimeSurvey export in Latvian saved by Excel's "CSV" in a code page without `ā`: every
    /// `Jā` of its split want-training columns is `J?`, and each had read as unticked, the shares
    /// 0 % (a helper's probe). A yes or no with a letter of ASCII left is read; `??` is not.
    func testTicksWhoseLettersWereLostAreRead() throws {
        let folder = TemporaryFolder()
        let header = "Response ID,Date submitted,Last page,Start language,Seed,Valsts,"
            + "Par kur?m t?m?m j?s apmekl?tu apm?c?bas? [Starpkult?ru kompetence un komunik?cija],"
            + "Par kur?m t?m?m j?s apmekl?tu apm?c?bas? [Partner?bas integr?cijai]\n"
        let rows = "1,2025-01-16 10:00:00,4,lv,1007,Latvija,J?,N?\n2,2025-01-16 11:00:00,4,lv,1008,Latvija,J?,J?\n"
            + "3,2025-01-16 12:00:00,4,lv,1009,Latvija,N?,??\n"
        var options = RunOptions()
        options.instrumentPath = Paths.inputs + "/instrument"
        options.inputs = [folder.write("lv.csv", header + rows)]
        let instrument = try InstrumentLoader.load(options.instrumentPath)
        let demand = try XCTUnwrap(instrument.questions.firstIndex { $0.key == "training_wanted" })
        var wanted: [[String]] = []
        let outcome = Pipeline.ingest(options, instrument: instrument) { respondent in
            if case let .choices(names)? = respondent.answers[demand] { wanted.append(names) }
        } quarantine: { _, _, _ in }
        XCTAssertEqual(wanted, [["intercultural"], ["intercultural", "partnerships"], []])
        let unknown = outcome.firstIssues.filter { $0.code == "unknown_value" }
        XCTAssertEqual(unknown.map(\.oldValue), ["??"])
    }

    /// Kobo's labels export of two labels that hold choice names ("Countering disinformation and
    /// misinformation Working with interpreters and language access"): the names read alone
    /// found as many choices as the labels, and that reading won, with eight words reported
    /// unknown on every such row (a helper's probe). Every word in a label wins; a word no label
    /// holds still leaves the names' reading, its unknown word reported.
    func testLabelsJoinedBySpacesWinOverTheNamesTheyHold() {
        let list = ChoiceList(name: "t", choices: [
            Choice(name: "disinformation", labels: ["en": "Countering disinformation and misinformation"], position: 1),
            Choice(name: "interpreters", labels: ["en": "Working with interpreters and language access"], position: 2),
            Choice(name: "partnerships", labels: ["en": "Partnerships for integration"], position: 3),
        ])
        let matcher = ChoiceMatcher(list: list)
        for cell in ["Countering disinformation and misinformation Working with interpreters and language access",
                     "Working with interpreters and language access Countering disinformation and misinformation"] {
            for names in [true, false] {
                let split = matcher.splitMultiple(cell, namesExpected: names)
                XCTAssertEqual(split.choices, ["disinformation", "interpreters"], cell)
                XCTAssertEqual(split.unknown, [], cell)
            }
        }
        let three = matcher.splitMultiple("Partnerships for integration Countering disinformation and misinformation Working with "
                                          + "interpreters and language access", namesExpected: true)
        XCTAssertEqual(three.choices, ["disinformation", "interpreters", "partnerships"])
        XCTAssertEqual(three.unknown, [])
        // A word of no label: not the labels' reading; the names found are kept, the rest reported.
        let other = matcher.splitMultiple("disinformation interpreters sport", namesExpected: true)
        XCTAssertEqual(other.choices, ["disinformation", "interpreters"])
        XCTAssertEqual(other.unknown, ["sport"])
    }

    /// A checkbox cell's pieces joined are matched once per matcher (`joinPieces` remembers
    /// them) and the labels-joined-by-spaces reading stops at its first word no label takes in:
    /// neither changes a reading. Every cell read by one matcher, in two orders and again, reads
    /// as it does by a matcher of its own, and each reading is the one expected (the spaced
    /// reading taken, refused for a word it cannot place, refused where the commas read more).
    func testCheckboxReadingsDoNotDependOnTheCellsReadBefore() {
        let list = ChoiceList(name: "t", choices: [
            Choice(name: "partnerships", labels: ["en": "Partnerships", "lv": "Partnerības integrācijai"], position: 1),
            Choice(name: "interpreters", labels: ["en": "Working with interpreters", "lv": "Darbs ar tulkiem"], position: 2),
            Choice(name: "legal", labels: ["en": "Rights, entitlements and status"], position: 3),
            Choice(name: "other", labels: ["en": "Other"], position: 4),
        ])
        let cells: [(text: String, names: Bool, choices: [String], unknown: [String])] = [
            ("Partnerships Working with interpreters", true, ["partnerships", "interpreters"], []),
            ("Working with interpreters Partnerships", true, ["partnerships", "interpreters"], []),
            // Labels, not names, and a word no label holds: every word is reported.
            ("Partnerships Working with translators", true, [], ["Partnerships", "Working", "with", "translators"]),
            ("Partnerības integrācijai, Darbs ar tulkiem", false, ["partnerships", "interpreters"], []),
            ("Darbs ar tulkiem, Partnerības integrācijai, my own idea, with commas", false,
             ["partnerships", "interpreters"], ["my own idea, with commas"]),
            ("Interpreters, Rights, entitlements and status", false, ["interpreters", "legal"], []),
            ("Working with interpreters, Rights, entitlements and status, Other", false, ["interpreters", "legal", "other"], []),
            ("partnerships legal", true, ["partnerships", "legal"], []),
            // The same text joined from two pieces (a name and a label written together are
            // not tried) and as one piece (they are): remembered apart.
            ("Other, legal: Rights, entitlements and status", false, ["other"], ["legal: Rights, entitlements and status"]),
            ("Other; legal: Rights, entitlements and status", false, ["legal", "other"], []),
        ]
        let shared = ChoiceMatcher(list: list)
        for order in [Array(cells.indices), cells.indices.reversed(), Array(cells.indices)] {
            for k in order {
                let cell = cells[k]
                let alone = ChoiceMatcher(list: list).splitMultiple(cell.text, namesExpected: cell.names)
                let read = shared.splitMultiple(cell.text, namesExpected: cell.names)
                XCTAssertEqual(read.choices, alone.choices, cell.text)
                XCTAssertEqual(read.unknown, alone.unknown, cell.text)
                XCTAssertEqual(read.choices, cell.choices, cell.text)
                XCTAssertEqual(read.unknown, cell.unknown, cell.text)
            }
        }
    }

    func testACheckboxLabelHoldingACommaIsNotSplit() {
        let list = ChoiceList(name: "t", choices: [
            Choice(name: "legal", labels: ["en": "Rights, entitlements and status"], position: 1),
            Choice(name: "lang", labels: ["en": "Interpreters"], position: 2),
        ])
        let split = ChoiceMatcher(list: list).splitMultiple("Interpreters, Rights, entitlements and status")
        XCTAssertEqual(split.choices, ["legal", "lang"])
        XCTAssertEqual(split.unknown, [])
    }

    // MARK: Microsoft Forms via a Baltic Excel

    func testMicrosoftFormsSavedByLithuanianExcelInWindows1257() throws {
        let folder = TemporaryFolder()
        var writer = CSVWriter(delimiter: ";")
        writer.row(texts: ["ID", "Start time", "Completion time", "Email", "Name", "Šalis", "Savivaldybė",
                           "Kiek kiekviena tema svarbi jūsų darbe?.Darbas su vertėjais ir kalbinė prieiga",
                           "Kokiomis temomis dalyvautumėte mokymuose?"])
        writer.row(texts: ["1", "1/14/25 10:32:05", "1/14/25 10:40:00", "ona@example.lt", "Ona Onaitė", "Lietuva",
                           "Vilniaus miesto savivaldybė", "Labai svarbu", "Darbas su vertėjais ir kalbinė prieiga;Smurto dėl lyties prevencija;"])
        writer.row(texts: ["2", "1/15/25 10:32:05", "1/15/25 10:40:00", "anonymous", "", "Lietuva", "Vilnius", "Svarbu", ""])
        let path = folder.write("msforms.csv", encode(writer.text, as: .windows1257))
        let result = normalise([path])
        XCTAssertEqual(result.accounts.first?.encoding, "windows-1257")
        XCTAssertEqual(result.accounts.first?.shape, "Microsoft Forms")
        XCTAssertEqual(result.respondents.count, 2)
        XCTAssertEqual(result.respondents[0].municipalityCode, "LT-57")
        XCTAssertEqual(result.answer(0, "imp_interpreters", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["gbv_prevention", "interpreters"]))
        XCTAssertEqual(result.respondents[0].submitted, "2025-01-14")
        // A bare `Vilnius` fits the city and the district: kept as written, flagged, no code.
        XCTAssertNil(result.respondents[1].municipalityCode)
        XCTAssertEqual(result.respondents[1].municipalityName, "Vilnius")
        XCTAssertEqual(result.issues.first { $0.code == "municipality_ambiguous" }?.line, 3)
    }

    /// XLSForm's metadata a form declared (`today`, `username`, `simserial`, `subscriberid`,
    /// `phonenumber`, `audit`) in a Kobo export of a form given without them: the tool's own
    /// columns, not questions of an older form version (a probe's export had been warned of so,
    /// and the run exited 1 on a clean file). The phone's number goes nowhere.
    func testKoboMetadataColumnsAreNoOlderFormVersion() throws {
        let folder = TemporaryFolder()
        let text = "start,end,today,username,simserial,subscriberid,phonenumber,audit,audit_URL,country,municipality,importance/imp_intercultural,_uuid,_submission_time,_index\n"
            + "2024-05-18T12:41:28.000+03:00,2024-05-18T12:50:00.000+03:00,2024-05-18,enumerator1,8937200000000000000,246012000000000,+37060012345,audit.csv,https://kc.example.org/audit.csv,LT,Utenos rajono savivaldybė,4,u1,2024-05-18T09:51:00,1\n"
        let result = normalise([folder.write("kobo.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "KoboToolbox")
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertFalse(result.codes().contains("columns_not_in_form_version"), "\(result.issues)")
        XCTAssertFalse(result.issues.contains { $0.message.contains("+37060012345") || $0.message.contains("phonenumber") }, "\(result.issues)")
    }

    /// Microsoft Forms names its own columns in the form's language: a Russian or Latvian form's
    /// export is Microsoft Forms, its completion time the submission date, its other times and
    /// personal columns not questions.
    func testMicrosoftFormsOwnColumnsInTheFormsLanguage() throws {
        let folder = TemporaryFolder()
        for (name, own) in [("ru.csv", ["ID", "Время начала", "Время завершения", "Электронная почта", "Имя", "Время последнего изменения"]),
                            ("lv.csv", ["ID", "Sākuma laiks", "Pabeigšanas laiks", "E-pasts", "Vārds"]),
                            // (Wordings of "Last modified time" a probe's exports had, listed as unmapped.)
                            ("lv2.csv", ["ID", "Sākuma laiks", "Pabeigšanas laiks", "E-pasts", "Vārds", "Pēdējās modificēšanas laiks"]),
                            ("lt.csv", ["ID", "Pradžios laikas", "Baigimo laikas", "El. paštas", "Vardas", "Paskutinio modifikavimo laikas"])] {
            var writer = CSVWriter(delimiter: ";")
            writer.row(texts: own + ["Country", "Municipality"])
            writer.row(texts: ["1", "1/14/25 10:32:05", "1/15/25 10:40:00", "anonymous", ""] + (own.count > 5 ? [""] : [])
                       + ["Latvia", "Rīga"])
            let result = normalise([folder.write(name, writer.text)])
            XCTAssertEqual(result.accounts.first?.shape, "Microsoft Forms", name)
            XCTAssertEqual(result.respondents.first?.submitted, "2025-01-15", name)
            XCTAssertEqual(result.accounts.first?.unmappedColumns, [], name)
        }
    }

    /// A Russian form's Microsoft Forms export heads its first column `ИД`, not `ID`: the file was
    /// a generic sheet, `ИД` an unmapped column, and a role typed for "Other" an unknown value (the
    /// respondent's role missing) rather than the list's `other`.
    func testMicrosoftFormsRussianIDColumn() throws {
        let folder = TemporaryFolder()
        var writer = CSVWriter(delimiter: ";")
        writer.row(texts: ["ИД", "Время начала", "Время завершения", "Электронная почта", "Имя", "Страна", "Ваша должность"])
        writer.row(texts: ["1", "14.01.2025 10:32", "15.01.2025 10:40", "anonymous", "", "Латвия", "Психолог"])
        let result = normalise([folder.write("ru.csv", writer.text)])
        XCTAssertEqual(result.accounts.first?.shape, "Microsoft Forms")
        XCTAssertEqual(result.accounts.first?.unmappedColumns, [])
        XCTAssertEqual(result.respondents.first?.submitted, "2025-01-15")
        XCTAssertEqual(result.answer(0, "role", in: instrument), .choice("other"))
        XCTAssertEqual(result.issues.filter { $0.code == "other_answer" }.map(\.oldValue), ["Психолог"])
        // Named by its question, as an unknown value is: the list alone did not say which question.
        XCTAssertEqual(result.issues.first { $0.code == "other_answer" }?.message,
                       "`Психолог` is not a choice of question `role` (Your role) from list `role`: Google and Microsoft Forms "
                           + "write what was typed for the \"Other\" option in its place; read as `other`")
    }

    /// Microsoft Forms' first three columns are its ID, start and completion times whatever the
    /// form's language calls them: an export whose times are worded otherwise than the listed
    /// (`Alguse kellaaeg`, `Lõpetamise kellaaeg`, and `Meil`, Microsoft's Estonian for e-mail) was a
    /// generic sheet with no submission date, those columns unmapped, and a role typed for
    /// "Other" an unknown value. A sheet of its own whose first column is no ID stays generic.
    func testMicrosoftFormsKnownByItsFirstColumns() throws {
        let folder = TemporaryFolder()
        let text = """
        ID;Alguse kellaaeg;Lõpetamise kellaaeg;Meil;Nimi;Riik;Teie amet
        1;14.01.2025 10:32;15.01.2025 10:40;anonymous;;Eesti;Psühholoog

        """
        let result = normalise([folder.write("et.csv", text), folder.write("own.csv", "Nr;Alguse aeg;Lõpu aeg;Riik\n1;x;y;Eesti\n")])
        XCTAssertEqual(result.accounts.map(\.shape), ["Microsoft Forms", "generic sheet"])
        XCTAssertEqual(result.accounts.first?.unmappedColumns, [])
        XCTAssertEqual(result.respondents.first?.submitted, "2025-01-15")
        XCTAssertEqual(result.answer(0, "role", in: instrument), .choice("other"))
    }

    /// A sheet of its own whose `ID` is followed by two columns with a time in their headings,
    /// a start and end time of its own or questions about time (`Full-time or part-time?`), is no
    /// Microsoft Forms export: it was taken for one, those questions read as its start and
    /// submission times (`3` a date_unreadable) and a role no choice fits (`Teachr`) as typed
    /// for "Other". Microsoft Forms' e-mail and name columns follow its times in every export.
    func testSheetWithAnIDAndTimesIsNoMicrosoftFormsExport() throws {
        let folder = TemporaryFolder()
        let result = normalise([
            folder.write("own.csv", "ID;Start time;End time;Country;Your role;imp_intercultural\n1;14.01.2025 10:00;14.01.2025 10:40;Estonia;Teachr;4\n"),
            folder.write("asked.csv", "ID;Full-time or part-time?;Time in current role;Country;Your role;imp_intercultural\n2;full;3;Estonia;Teachr;4\n"),
        ])
        XCTAssertEqual(result.accounts.map(\.shape), ["generic sheet", "generic sheet"])
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [["Full-time or part-time?", "Time in current role"], ["End time"]])
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["Teachr", "Teachr"])
        XCTAssertFalse(result.codes().contains("other_answer"), "\(result.issues.map(\.message))")
        XCTAssertFalse(result.codes().contains("date_unreadable"), "\(result.issues.map(\.message))")
    }

    /// A form made a quiz: Google Forms' `Score` and Microsoft Forms' `Total points`, `Quiz
    /// feedback` and `Grade posted to learners` are the tools' own columns, not columns of
    /// another survey listed as unmapped.
    func testQuizColumnsOfGoogleAndMicrosoftFormsAreTheToolsOwn() throws {
        let folder = TemporaryFolder()
        let google = "Timestamp,Email address,Score,Country\n2025/01/14 10:32:05 AM EET,a@b.ee,0 / 0,Estonia\n"
        let msforms = "ID,Start time,Completion time,Email,Name,Total points,Quiz feedback,Grade posted to learners,Country\n"
            + "1,1/14/25 10:32,1/14/25 10:40,anonymous,,0,,,Estonia\n"
        let result = normalise([folder.write("g.csv", google), folder.write("m.csv", msforms)])
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [[], []])
        XCTAssertEqual(result.respondents.map(\.country), ["EE", "EE"])
        let form = try form(in: folder, survey: "type,name,label\ninteger,points,Score\n", choices: "list_name,name,label\n")
        XCTAssertEqual(ColumnMapper(instrument: form).resolve("Score"), .question(try XCTUnwrap(form.questionIndex["points"])))
        // A hand-made sheet's own Score is no tool's: it is listed as matching no question, not
        // left out unsaid.
        let own = normalise([folder.write("own.csv", "Nr,Score,Country\n1,5,Estonia\n")])
        XCTAssertEqual(own.accounts.map(\.unmappedColumns), [["Nr", "Score"]])
    }

    /// A hand-made sheet's column of the day each form was filled in, headed in the region's
    /// languages (`Kuupäev`, `Datums`, `Data`, `Дата заполнения`), is the submission date; it was
    /// an unmapped column and the sheet's response period missing. A form's question labelled so
    /// stays that question, and a tool's own submission time is read before such a column.
    func testHandMadeSheetsDateColumnIsTheSubmissionDate() throws {
        let folder = TemporaryFolder()
        var files: [String] = []
        for (k, heading) in ["Kuupäev", "Datums", "Data", "Дата заполнения", "2. Date"].enumerated() {
            files.append(folder.write("sheet\(k).csv", "\(heading);Country;Municipality;imp_intercultural\n14.01.2025;Estonia;Narva linn;4\n"))
        }
        let result = normalise(files)
        XCTAssertEqual(result.respondents.map(\.submitted), Array(repeating: "2025-01-14", count: 5))
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), Array(repeating: [], count: 5))
        let form = try form(in: folder, survey: "type,name,label\ntext,visit,Date\n", choices: "list_name,name,label\n")
        XCTAssertEqual(ColumnMapper(instrument: form).resolve("Date"), .question(try XCTUnwrap(form.questionIndex["visit"])))
        let kobo = normalise([folder.write("kobo.csv", "date;country;imp_intercultural;_submission_time;_uuid\n2024-12-01;EE;4;2025-01-14T10:00:00;u1\n")])
        XCTAssertEqual(kobo.respondents.map(\.submitted), ["2025-01-14"])
        // `_submission_time` is the server's clock in UTC: 22:30 on the 14th was 00:30 on the 15th
        // in Tallinn; `end`, the device's time with its offset, is its day as written, and a
        // `…Z` time (ODK Central) is UTC whatever its column.
        let late = normalise([folder.write("late.csv", """
            country;_submission_time;_uuid
            EE;2025-01-14T22:30:00;u1
            EE;2025-07-14T20:30:00;u2
            EE;2025-07-14T21:30:00;u3

            """)])
        XCTAssertEqual(late.respondents.map(\.submitted), ["2025-01-15", "2025-07-14", "2025-07-15"])
        // The same re-written by Excel (`08.02.2025 22:45`, `2/8/2025 10:45:00 PM`): still UTC
        // (a probe's had been dated a day early).
        let excel = normalise([folder.write("excel1.csv", "country;_submission_time;_uuid\nEE;08.02.2025 22:45;u1\nEE;14.07.2025 20:30;u2\n"),
                               folder.write("excel2.csv", "country;_submission_time;_uuid\nEE;2/8/2025 10:45:00 PM;u3\nEE;2/8/2025 9:45:00 PM;u4\n")])
        XCTAssertEqual(excel.respondents.map(\.submitted), ["2025-02-09", "2025-07-14", "2025-02-09", "2025-02-08"])
        let ended = normalise([folder.write("end.csv", "end;country;_submission_time;_uuid\n2025-01-14T23:50:00.000+02:00;EE;2025-01-14T22:30:00;u1\n")])
        XCTAssertEqual(ended.respondents.map(\.submitted), ["2025-01-14"])
        let central = normalise([folder.write("central.csv", "SubmissionDate,country,KEY\n2025-01-14T22:30:00.316Z,EE,uuid:1\n")])
        XCTAssertEqual(central.respondents.map(\.submitted), ["2025-01-15"])
        // `Submitted` alone is as often whether a form came back: not a date, nor a warning a row.
        let status = normalise([folder.write("status.csv", "Submitted;Country\nyes;Estonia\nno;Estonia\n")])
        XCTAssertEqual(status.accounts.map(\.unmappedColumns), [["Submitted"]])
        XCTAssertFalse(status.codes().contains("date_unreadable"), "\(status.issues.map(\.message))")
    }

    /// A hand-made sheet whose place is written once per block, on its first row (merged cells
    /// saved as blanks): the rows below count in no country, as a blank place does, and had no
    /// word of why (a probe). A note per file says so; not where the file's first row gives none,
    /// nor in a tool's export.
    func testAPlaceLeftBlankBelowOneGivenIsSaid() throws {
        let folder = TemporaryFolder()
        let head = "Riik;Omavalitsus;imp_intercultural\n"
        let sheet = folder.write("merged.csv", head + "Läti;Daugavpils;5\n;;4\n;;3\nLäti;Ogres novads;2\n;;1\n" + head + ";;4\n")
        let result = normalise([sheet])
        XCTAssertEqual(result.respondents.map(\.municipalityCode), ["LV-DGV", nil, nil, "LV-067", nil, nil])
        let note = try XCTUnwrap(result.issues.first { $0.code == "place_blank_below" })
        XCTAssertEqual(note.line, 3)
        XCTAssertTrue(note.message.hasPrefix("3 row(s) (the first here)"), note.message)
        let first = normalise([folder.write("first.csv", head + ";;4\nLäti;Ogres novads;2\n")])
        XCTAssertFalse(first.codes().contains("place_blank_below"))
        let kobo = normalise([folder.write("kobo.csv", "country;municipality;imp_intercultural;_uuid\nLV;Ogres novads;4;u1\n;;3;u2\n")])
        XCTAssertFalse(kobo.codes().contains("place_blank_below"))
        // A country typed but not read (`LV/EE`, `Lat via`) is no blank: its row had the note,
        // whose advice to fill the cell in did not fit it (a helper's probe). A municipality
        // typed beside a blank country neither.
        let unread = normalise([folder.write("unread.csv", head + "Latvija;Rīga;4\nLV/EE;;4\nLat via;;3\n;Atlantis;2\n")])
        XCTAssertFalse(unread.codes().contains("place_blank_below"), "\(unread.issues.map(\.message))")
        XCTAssertTrue(unread.codes().contains("unknown_value") || unread.codes().contains("place_unknown"))
        // A dash or a no-break space is a cell left blank, as the normaliser reads it (a reviewer's probe).
        let dashes = normalise([folder.write("dash.csv", head + "Läti;Daugavpils;5\n-;–;4\n\u{00A0};\u{00A0};3\n")])
        XCTAssertTrue(try XCTUnwrap(dashes.issues.first { $0.code == "place_blank_below" }).message.hasPrefix("2 row(s)"),
                      "\(dashes.issues.map(\.message))")
        // The country on every row and the municipality on a block's first alone (a probe's
        // merged cells: 12 of 15 rows in no municipality, exit 0, no word). Said apart, once a
        // file; not for a sheet whose rows never gave a municipality, nor a tool's export.
        let municipal = normalise([folder.write("mun.csv", head + "Läti;Daugavpils;5\nLäti;;4\nLäti; ;3\nLäti;Ogres novads;2\nLäti;;1\n" + head + "Läti;;4\n")])
        XCTAssertEqual(municipal.respondents.map(\.country), ["LV", "LV", "LV", "LV", "LV", "LV"])
        let blankBelow = municipal.issues.filter { $0.code == "place_blank_below" }
        XCTAssertEqual(blankBelow.map(\.line), [3])
        XCTAssertTrue(blankBelow.first?.message.hasPrefix("3 row(s) (the first here) give the country but leave the municipality blank below a row that gives one") == true,
                      "\(municipal.issues.map(\.message))")
        let never = normalise([folder.write("never.csv", head + "Läti;;5\nLäti;;4\n")])
        XCTAssertFalse(never.codes().contains("place_blank_below"))
        // Rows of another country below are under no merged cell of the block (a reviewer's).
        let others = normalise([folder.write("others.csv", head + "Eesti;Tartu linn;5\nLäti;;4\nLeedu;;3\nEesti;Narva linn;2\n")])
        XCTAssertFalse(others.codes().contains("place_blank_below"), "\(others.issues.map(\.message))")
        let koboMunicipal = normalise([folder.write("kobo2.csv", "country;municipality;imp_intercultural;_uuid\nLV;Ogres novads;4;u1\nLV;;3;u2\n")])
        XCTAssertFalse(koboMunicipal.codes().contains("place_blank_below"))
    }

    /// A rating Excel made a date of (`4-5` or `4.5` typed, shown `4. mai`, `4 мая`, `5. apr` in
    /// the region's locales) had been read as its first number with a note that it was the sheet's
    /// own way of writing the scale (a probe): no rating, with a warning.
    func testARatingExcelMadeADateIsNoRating() throws {
        let folder = TemporaryFolder()
        let result = normalise([folder.write("dates.csv", "Country;imp_intercultural;imp_partnerships;imp_disinformation;imp_gbv_prevention\n"
            + "Estonia;4. mai;4. maijs;4 мая;5. apr\nEstonia;4;5;3;2\n")])
        for key in ["imp_intercultural", "imp_partnerships", "imp_disinformation", "imp_gbv_prevention"] {
            XCTAssertNil(result.answer(0, key, in: instrument), key)
        }
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("4"))
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.count, 4)
        XCTAssertFalse(result.codes().contains("choice_by_number"))
        // A month's word inside a label's words is no date (a reviewer: `3 - may be useful`).
        let may = normalise([folder.write("may.csv", "Country;imp_intercultural;imp_partnerships\nEstonia;3 - may be useful;2 - May help\n")])
        XCTAssertEqual(may.answer(0, "imp_intercultural", in: instrument), .choice("3"))
        XCTAssertEqual(may.answer(0, "imp_partnerships", in: instrument), .choice("2"))
    }

    /// A clerk's heading for the role without the form's "your" (`Amet` for `Teie amet`, `Amats`,
    /// `Pareigos`, `Должность`, `Role`): the role question (a probe's role column had been unmapped,
    /// every respondent's role lost).
    func testAHeadingWithoutTheLabelsPossessiveIsItsQuestion() throws {
        let mapper = ColumnMapper(instrument: instrument)
        let role = try XCTUnwrap(instrument.questionIndex["role"])
        for heading in ["Amet", "Amats", "Pareigos", "Должность", "Role", "amet:", "Teie amet"] {
            XCTAssertEqual(mapper.resolve(heading), .question(role), heading)
        }
        XCTAssertEqual(mapper.resolve("Teie"), .unmapped)
    }

    /// A month-first export opened and saved in a day-first Excel: the dates it could read made
    /// dotted and day-first (`02.08.2025 10:00`, day and month swapped), the others left as text
    /// (`2/24/2025 10:00:00`). A probe found no word of it; the dotted dates are said to be
    /// suspect. Dotted dates of their own (one with a day above 12) say nothing.
    func testDottedDatesBesideMonthFirstSlashDatesAreSaid() throws {
        let folder = TemporaryFolder()
        let head = "Kuupäev;Country;Municipality;imp_intercultural\n"
        let mixed = normalise([folder.write("mixed.csv", head + "02.08.2025 10:00;Estonia;Narva linn;4\n2/24/2025 10:00:00;Estonia;Tallinn;5\n"
                                            + "03.02.2025 11:00;Estonia;Tartu linn;3\n")])
        let said = try XCTUnwrap(mixed.issues.first { $0.code == "date_formats_mixed" })
        XCTAssertEqual(said.line, 2)
        XCTAssertEqual(said.column, 1)
        XCTAssertTrue(said.message.hasPrefix("2 submission date(s) are written with dots"), said.message)
        let own = normalise([folder.write("own.csv", head + "14.02.2025 10:00;Estonia;Narva linn;4\n2/24/2025 10:00:00;Estonia;Tallinn;5\n"
                                          + "03.02.2025 11:00;Estonia;Tartu linn;3\n")])
        XCTAssertFalse(own.codes().contains("date_formats_mixed"))
        let dotted = normalise([folder.write("dotted.csv", head + "02.08.2025 10:00;Estonia;Narva linn;4\n03.02.2025 11:00;Estonia;Tartu linn;3\n")])
        XCTAssertFalse(dotted.codes().contains("date_formats_mixed"))
    }

    /// Submission times with the month's name, as Google Forms and Microsoft Forms (through Excel)
    /// write them in some locales, in English and the region's languages, were `date_unreadable`.
    /// A value with no day, no four-digit year or a day the month does not have still is, and
    /// numeric dates keep their rules (the file's day/month order is not decided by named ones).
    func testSubmissionDatesWithMonthNames() throws {
        let folder = TemporaryFolder()
        let dates: [(String, String?)] = [
            ("Jan 14, 2025", "2025-01-14"), ("14 Jan 2025", "2025-01-14"),
            ("January 14, 2025 10:00 AM", "2025-01-14"), ("Tuesday, January 14, 2025 10:32:05", "2025-01-14"),
            ("14-Feb-2025", "2025-02-14"), ("Sept. 3, 2025", "2025-09-03"), ("10:00 3 March 2025", "2025-03-03"),
            ("14. jaanuar 2025 10:00", "2025-01-14"), ("3. märts 2025", "2025-03-03"),
            ("2025. gada 14. janvāris", "2025-01-14"), ("2025. gada 5. jūnijā", "2025-06-05"),
            ("2025 m. sausio 14 d.", "2025-01-14"), ("2025 m. gegužės 2 d. 10:00", "2025-05-02"),
            ("14 января 2025 г. 10:00", "2025-01-14"), ("3 мая 2025", "2025-05-03"), ("Февраль 2, 2025", "2025-02-02"),
            ("May 2025", nil), ("Jan 14", nil), ("Feb 30, 2025", nil), ("Janitor 14, 2025", nil), ("14 Jan 25", nil),
            ("Jan 14, 2025 Feb 2", nil), ("Jan 123456, 2025", nil),
        ]
        var writer = CSVWriter(delimiter: ";")
        writer.row(texts: ["Timestamp", "Country", "Municipality"])
        for (date, _) in dates { writer.row(texts: [date, "Estonia", "Narva linn"]) }
        // A numeric date after them: still ambiguous, assumed month-first as written without
        // leading zeros (US English's M/D/YYYY).
        writer.row(texts: ["2/3/2025 10:00:00", "Estonia", "Narva linn"])
        let result = normalise([folder.write("named.csv", writer.text)])
        XCTAssertEqual(result.respondents.map(\.submitted), dates.map(\.1) + ["2025-02-03"])
        let unreadable = result.issues.filter { $0.code == "date_unreadable" }
        XCTAssertEqual(unreadable.map(\.oldValue), dates.filter { $0.1 == nil }.map(\.0))
        XCTAssertEqual(unreadable.first?.column, 1)
        XCTAssertEqual(result.issues.filter { $0.code == "date_order_assumed" }.map(\.oldValue), ["2/3/2025 10:00:00"])
    }

    // MARK: LimeSurvey

    func testLimeSurveyCodesAndSubquestionsInEstonian() throws {
        let folder = TemporaryFolder()
        let text = """
        id,submitdate,lastpage,startlanguage,seed,country,municipality,importance[SQ001],importance[SQ003],trainingwanted[SQ001],trainingwanted[SQ003],contactemail
        7,2025-01-20 12:00:00,3,et,123,Eesti,Jõhvi vald,Väga oluline,Oluline,Y,,peeter@example.ee

        """
        let result = normalise([folder.write("lime.csv", "\u{FEFF}" + text)])
        XCTAssertEqual(result.accounts.first?.shape, "LimeSurvey")
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_disinformation", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["intercultural"]))
        XCTAssertEqual(result.respondents[0].municipalityCode, "EE-251")
        XCTAssertEqual(result.respondents[0].submitted, "2025-01-20")
    }

    /// LimeSurvey's multiple choice with "Other" exports the text typed for it in `CODE[other]`,
    /// the choice's own column: a text there means "Other" was ticked. It was read as neither
    /// ticked nor unticked, so the respondent's "Other" counted as unticked (`time` alone).
    func testLimeSurveysOtherColumnHoldingTextIsTicked() throws {
        let folder = TemporaryFolder()
        let form = try otherOptionForm(in: folder)
        let text = """
        id,submitdate,lastpage,startlanguage,seed,role,role[other],help[SQ001],help[SQ002],help[other]
        1,2025-01-20 12:00:00,2,en,5,-oth-,Psychologist,Y,,a mentor
        2,2025-01-20 12:05:00,2,en,6,A1,,,Y,

        """
        let result = normalise([folder.write("lime.csv", text)], instrument: form)
        XCTAssertEqual(result.accounts.first?.shape, "LimeSurvey")
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual(result.answer(0, "role", in: form), .choice("other"))
        XCTAssertEqual(result.answer(0, "help", in: form), .choices(["time", "other"]))
        XCTAssertEqual(result.answer(1, "role", in: form), .choice("teacher"))
        XCTAssertEqual(result.answer(1, "help", in: form), .choices(["money"]))
        let typed = result.issues.filter { $0.code == "other_answer" }
        XCTAssertEqual(typed.map(\.oldValue), ["a mentor"])
        XCTAssertEqual(typed.map(\.line), [2])
        XCTAssertEqual(typed.map(\.column), [10])
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
    }

    /// Only LimeSurvey writes the text typed for "Other" in the choice's own column: in another
    /// export's `other` column (Kobo's `help/other`) a word not read as a tick (`nav`, Latvian
    /// "no") stays an unknown value, not a ticked "Other".
    func testOtherColumnOfAnotherToolIsNoTypedOtherAnswer() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: "type,name,label\nselect_multiple help,help,What would help?\n", choices: """
        list_name,name,label
        help,time,More time
        help,other,Other

        """)
        let text = "help/time,help/other,_uuid\n1,nav,u1\n"
        let result = normalise([folder.write("kobo.csv", text)], instrument: form)
        XCTAssertEqual(result.accounts.first?.shape, "KoboToolbox")
        XCTAssertEqual(result.answer(0, "help", in: form), .choices(["time"]))
        XCTAssertFalse(result.codes().contains("other_answer"), "\(result.issues.map(\.message))")
        XCTAssertEqual(result.issues.filter { $0.code == "unknown_value" }.map(\.oldValue), ["nav"])
    }

    /// A LimeSurvey response never submitted (no submitdate: the respondent left the survey)
    /// counts with the answers it gave, and a note per file says how many there are; one that
    /// answers nothing but the place is no respondent (`unanswered_rows`).
    func testLimeSurveyResponsesNeverSubmittedAreCountedWithANote() throws {
        let folder = TemporaryFolder()
        let text = """
        id,submitdate,lastpage,startlanguage,country,municipality,importance[SQ001]
        7,2025-01-20 12:00:00,3,et,Eesti,Jõhvi vald,Väga oluline
        8,,1,et,Eesti,Jõhvi vald,Oluline
        9, ,1,et,Eesti,Narva linn,

        """
        let result = normalise([folder.write("lime.csv", text), folder.write("other.csv", "country,importance/imp_intercultural\nEE,5\n")])
        XCTAssertEqual(result.respondents.count, 3)
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("4"))
        let notes = result.issues.filter { $0.code == "incomplete_responses" }
        XCTAssertEqual(notes.map(\.file), ["lime.csv"])
        XCTAssertEqual(notes.first?.line, nil)
        XCTAssertTrue(notes.first?.message.hasPrefix("1 response(s)") == true, notes.first?.message ?? "")
        XCTAssertEqual(result.issues.filter { $0.code == "unanswered_rows" }.map(\.line), [4])
        XCTAssertEqual(result.accounts.map(\.blankRows), [1, 0])
    }

    /// LimeSurvey's list question with "Other" writes `-oth-` as its answer and the text typed
    /// in `CODE[other]`: free text, not read, as Kobo's `NAME_other` is. It was listed as a column
    /// matching no question of the form. A multiple choice's `CODE[other]` is its `other` choice.
    func testLimeSurveysOtherTextOfAListQuestionIsItsOwn() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: "type,name,label\nselect_one role,role,Your role\nselect_one level,level,Level\n", choices: """
        list_name,name,label
        role,teacher,Teacher
        role,other,Other
        level,low,Low
        level,high,High

        """)
        let text = """
        id,submitdate,lastpage,startlanguage,role,role[other],level,level[other]
        1,2025-01-20 12:00:00,2,en,-oth-,Psychologist,A1,Medium

        """
        let result = normalise([folder.write("lime.csv", text)], instrument: form)
        XCTAssertEqual(result.answer(0, "role", in: form), .choice("other"))
        XCTAssertEqual(result.answer(0, "level", in: form), .choice("low"))
        // A list without `other` has no such text of its own: still named as not in the form.
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [["level[other]"]])
    }

    /// With full question texts, LimeSurvey heads the text typed for "Other" with the question's
    /// label and the option's (`Jūsu amats [Cits]`, `Your role [Other]`): free text, not read. It
    /// had been listed as a column matching no question of the form.
    func testLimeSurveysOtherTextUnderFullQuestionTextsIsItsOwn() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: "type,name,label::English (en),label::Latviešu (lv)\nselect_one role,role,Your role,Jūsu amats\nselect_one level,level,Level,Līmenis\n", choices: """
        list_name,name,label::English (en),label::Latviešu (lv)
        role,teacher,Teacher,Skolotājs
        role,other,Other,Cits
        level,low,Low,Zems
        level,high,High,Augsts

        """)
        let result = normalise([
            folder.write("lv.csv", "Atbildes ID,Iesniegšanas datums,Pēdējā lapa,Sākuma valoda,Jūsu amats,Jūsu amats [Cits],Līmenis,Līmenis [Cits]\n"
                + "1,2025-01-20 12:00:00,2,lv,Cits,Psihologs,Zems,\n"),
            folder.write("en.csv", "Response ID,Date submitted,Last page,Start language,Your role,Your role [Other]\n"
                + "2,2025-01-20 12:00:00,2,en,Other,Psychologist\n"),
        ], instrument: form)
        XCTAssertEqual(result.answer(0, "role", in: form), .choice("other"))
        XCTAssertEqual(result.answer(1, "role", in: form), .choice("other"))
        // A list without `other` has no such text of its own: still named as not in the form.
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [[], ["Līmenis [Cits]"]])
        XCTAssertFalse(result.codes().contains("duplicate_column"), "\(result.issues.map(\.message))")
    }

    /// A LimeSurvey survey whose questions kept the codes LimeSurvey numbered them with (`G01Q01`)
    /// names no question of the form by them: the error asked whether the file was another
    /// survey's or the instrument the wrong one; it says what to export instead.
    func testLimeSurveyNumberedCodesAreExplained() throws {
        let folder = TemporaryFolder()
        let text = """
        id,submitdate,lastpage,startlanguage,seed,G01Q01,G01Q02,G02Q03[SQ001],G02Q03[SQ002]
        1,2026-12-04 10:00:00,3,en,1,A1,Narva,A5,A4

        """
        let sheet = "Vastaja,Küsimus 1\n1,A1\n"
        let result = normalise([folder.write("a_lime.csv", text), folder.write("b_other.csv", sheet)])
        let errors = result.issues.filter { $0.code == "no_matching_questions" }
        XCTAssertEqual(errors.map(\.file), ["a_lime.csv", "b_other.csv"])
        XCTAssertEqual(errors.map(\.column), [6, 1])
        XCTAssertTrue(errors[0].message.contains("question codes it numbers itself (`G01Q01`)"), errors[0].message)
        XCTAssertTrue(errors[0].message.hasSuffix("as their codes. None of its rows is read as a respondent"), errors[0].message)
        XCTAssertTrue(errors[1].message.contains("is this an export of another survey"), errors[1].message)
        XCTAssertTrue(ExportShape.isLimeSurveyNumberedCode("g02q04_SQ001"))
        XCTAssertFalse(ExportShape.isLimeSurveyNumberedCode("G01"))
        XCTAssertFalse(ExportShape.isLimeSurveyNumberedCode("GQ1"))
        XCTAssertFalse(ExportShape.isLimeSurveyNumberedCode("G1Q2x"))
    }

    /// A LimeSurvey survey that stores no dates (not date-stamped, or anonymised) writes the
    /// submitdate 1980-01-01 00:00:00 for every submitted response: the respondents were dated
    /// 1980-01-01 and the reports' response period began in 1980. The date is missing, with one
    /// note per file; the response is still a submitted one, and a blank submitdate still is not.
    func testLimeSurveysPlaceholderSubmitDateIsNoDate() throws {
        let folder = TemporaryFolder()
        let text = """
        id,submitdate,lastpage,startlanguage,country,municipality,importance[SQ001]
        7,1980-01-01 00:00:00,3,et,Eesti,Jõhvi vald,Väga oluline
        8,1980-01-01 00:00:00,3,et,Eesti,Narva linn,Oluline
        9,,1,et,Eesti,Narva linn,Oluline

        """
        let sheet = "Kuupäev;Country;Municipality\n01.01.1980;Estonia;Narva linn\n"
        let result = normalise([folder.write("a_lime.csv", text), folder.write("b_sheet.csv", sheet)])
        XCTAssertEqual(result.respondents.count, 4)
        XCTAssertEqual(result.respondents.map(\.submitted), [nil, nil, nil, "1980-01-01"])
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("4"))
        let notes = result.issues.filter { $0.code == "submission_date_not_recorded" }
        XCTAssertEqual(notes.map(\.file), ["a_lime.csv"])
        XCTAssertTrue(notes.first?.message.hasPrefix("2 response(s)") == true, notes.first?.message ?? "")
        let incomplete = result.issues.filter { $0.code == "incomplete_responses" }
        XCTAssertTrue(incomplete.first?.message.hasPrefix("1 response(s)") == true, incomplete.first?.message ?? "")
    }

    /// LimeSurvey's export with "full question text" headers names its own columns in words.
    func testLimeSurveyFullTextHeadersAreItsMetaColumns() throws {
        let folder = TemporaryFolder()
        let text = """
        Response ID,Date submitted,Last page,Start language,Seed,Date started,Date last action,Referrer URL,Country
        7,2025-01-20 12:00:00,3,en,123,2025-01-20 11:50:00,2025-01-20 12:00:00,,Estonia

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "LimeSurvey")
        XCTAssertEqual(result.respondents.first?.submitted, "2025-01-20")
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// LimeSurvey exported from its Russian interface heads its own columns in Russian (its ru.po's
    /// ID ответа, Дата записи, Последняя страница, Начальный язык, ...): the file was a generic
    /// sheet, those columns unmapped, no response had a submission date and one never submitted
    /// was not counted as incomplete.
    func testLimeSurveyFullTextHeadersInRussian() throws {
        let folder = TemporaryFolder()
        let text = """
        ID ответа;Дата записи;Последняя страница;Начальный язык;Маркер доступа;Дата начала;Время последнего обращения;URL ссылки;Страна
        7;2025-01-20 12:00:00;3;ru;;2025-01-20 11:50:00;2025-01-20 12:00:00;;Эстония
        8;;1;ru;;2025-01-21 11:50:00;2025-01-21 11:52:00;;Эстония

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "LimeSurvey")
        XCTAssertEqual(result.respondents.map(\.submitted), ["2025-01-20", nil])
        XCTAssertEqual(result.respondents.map(\.country), ["EE", "EE"])
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
        XCTAssertEqual(result.issues.filter { $0.code == "incomplete_responses" }.count, 1)
    }

    /// LimeSurvey's first four columns are its response ID, date submitted, last page and start
    /// language in whatever words its interface language has (Estonian, Latvian, Lithuanian
    /// here, not listed by name): such an export was a generic sheet, those columns unmapped and
    /// every submission date missing.
    func testLimeSurveyOwnColumnsKnownByTheirPlaces() throws {
        let folder = TemporaryFolder()
        var files: [String] = []
        for (k, own) in [["Vastuse ID", "Esitamise kuupäev", "Viimane lehekülg", "Alguskeel"],
                         ["Atbildes ID", "Iesniegšanas datums", "Pēdējā lapa", "Sākuma valoda"],
                         ["Atsakymo ID", "Pateikimo data", "Paskutinis puslapis", "Pradinė kalba"]].enumerated() {
            files.append(folder.write("lime\(k).csv", own.joined(separator: ",") + ",Country\n\(7 + 2 * k),2025-01-20 12:00:00,3,et,Estonia\n\(8 + 2 * k),,1,et,Estonia\n"))
        }
        let result = normalise(files)
        XCTAssertEqual(result.accounts.map(\.shape), Array(repeating: "LimeSurvey", count: 3))
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [[], [], []])
        XCTAssertEqual(result.respondents.map(\.submitted), Array(repeating: ["2025-01-20", nil], count: 3).flatMap { $0 })
        XCTAssertEqual(result.issues.filter { $0.code == "incomplete_responses" }.count, 3)
    }

    /// A survey with participants exports their token between the response ID and the date
    /// (`Atbildes ID, Token, Iesniegšanas datums, ...`): such a Latvian export had been a generic
    /// sheet, its submission dates missing and a response ID given twice unflagged (a probe's).
    func testLimeSurveyOwnColumnsKnownByTheirPlacesAroundAToken() throws {
        let folder = TemporaryFolder()
        let result = normalise([folder.write("lime.csv", """
            Atbildes ID,Žetons,Iesniegšanas datums,Pēdējā lapa,Sākuma valoda,Country
            7,tk1,2025-01-20 12:00:00,3,lv,Latvia
            7,tk2,2025-01-21 12:00:00,3,lv,Estonia
            """ + "\n")])
        XCTAssertEqual(result.accounts.map(\.shape), ["LimeSurvey"])
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [[]])
        XCTAssertEqual(result.respondents.map(\.submitted), ["2025-01-20", "2025-01-21"])
        XCTAssertEqual(result.issues.filter { $0.code == "duplicate_row_id" }.map(\.line), [3], "\(result.issues.map(\.message))")
        // Only a token's heading stands second: a hand-made sheet's `Interviewer` does not (a
        // reviewer's case, whose `A3` was read as LimeSurvey's third answer and dateless rows unsubmitted).
        XCTAssertFalse(ExportShape.limeSurveyByPlace(["Respondent ID", "Interviewer", "Date", "Page no", "Language"]))
        XCTAssertTrue(ExportShape.limeSurveyByPlace(["ID ответа", "Токен", "Дата записи", "Последняя страница", "Язык"]))
        XCTAssertTrue(ExportShape.limeSurveyByPlace(["Atsakymo ID", "Prieigos raktas", "Pateikimo data", "Paskutinis puslapis", "Pradinė kalba"]))
        // LimeSurvey 4 heads it `Access code` (a reviewer's).
        for code in ["Access code", "Piekļuves kods", "Prieigos kodas", "Код доступа", "Juurdepääsukood"] {
            XCTAssertTrue(ExportShape.isTokenHeading(code), code)
        }
        XCTAssertFalse(ExportShape.isTokenHeading("Postal code"))
        // The token is in the second place only: four own columns with another between them are no export's.
        XCTAssertFalse(ExportShape.limeSurveyByPlace(["Atbildes ID", "Iesniegšanas datums", "Token", "Pēdējā lapa", "Sākuma valoda"]))
        XCTAssertFalse(ExportShape.limeSurveyByPlace(["Token", "Atbildes ID", "Iesniegšanas datums", "Pēdējā lapa", "Sākuma valoda"]))
    }

    /// A sheet of its own whose first columns only hold the words LimeSurvey's own columns are
    /// known by (`ID, Date, Page, Language`; `Respondent ID, Candidate, Homepage, Emakeel`) is no
    /// LimeSurvey export: it was taken for one, its `Candidate` read as a submission date and its
    /// answers read as LimeSurvey's (`2` in a split choice column unticked, an answer code a choice).
    func testSheetWithLimeSurveysWordsInItsHeadingsIsNoLimeSurveyExport() throws {
        let folder = TemporaryFolder()
        let result = normalise([
            folder.write("a.csv", "ID;Date;Page;Language;Country\n1;14.01.2025;2;et;Estonia\n"),
            folder.write("b.csv", "Respondent ID;Candidate;Homepage;Emakeel;Country\n2;Mari;www.x.ee;eesti;Estonia\n"),
        ])
        XCTAssertEqual(result.accounts.map(\.shape), ["generic sheet", "generic sheet"])
        XCTAssertEqual(result.accounts.map(\.unmappedColumns), [["Page", "Language"], ["Respondent ID", "Candidate", "Homepage", "Emakeel"]])
        XCTAssertFalse(result.codes().contains("date_unreadable"), "\(result.issues.map(\.message))")
    }

    /// LimeSurvey's "full answers" export writes a multiple-choice sub-question as Yes, No, or N/A
    /// where it was never shown (an incomplete response): N/A is no answer, not "nothing chosen",
    /// which would count the respondent in the demand shares' denominators.
    func testLimeSurveyFullAnswersNotShownIsNoAnswer() throws {
        let folder = TemporaryFolder()
        let question = "Which topics would you attend training on?"
        let text = """
        Response ID,Date submitted,Last page,Country,Your role,\(question) [Intercultural competence and communication],\(question) [Partnerships for integration]
        1,2025-01-20 12:00:00,4,Estonia,teacher,Yes,No
        2,,1,Estonia,teacher,N/A,N/A

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.respondents.count, 2)
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["intercultural"]))
        XCTAssertNil(result.answer(1, "training_wanted", in: instrument))
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
    }

    /// A LimeSurvey array whose sub-questions are coded by the topic each rates
    /// (`importance[intercultural]`, `competence[legalstatus]`: codes hold no `_`), as an array
    /// built from the form's topic keys has them: each is its group's question rating that topic.
    /// They were unmapped, and every rating of the file missing.
    func testLimeSurveySubquestionsCodedByTopic() throws {
        let folder = TemporaryFolder()
        let text = """
        id,submitdate,lastpage,startlanguage,country,municipality,importance[intercultural],importance[legalstatus],competence[intercultural],competence[legal_status]
        1,2025-01-14 10:00:00,3,et,EE,Narva,5,4,2,3

        """
        let result = normalise([folder.write("lime_topics.csv", text)])
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_legal_status", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "comp_legal_status", in: instrument), .choice("3"))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// LimeSurvey's export can convert a multiple-choice sub-question's Y and N ("Convert Y to",
    /// "Convert N to": 1 and 2 unless changed): a `2` is a choice shown and not ticked. It was read
    /// as the name of the list's choice `2`, ticking that choice for every respondent who left it
    /// (and an unknown_value warning in every other column).
    func testLimeSurveysConvertedNoIsUnticked() throws {
        let folder = TemporaryFolder()
        let form = try form(in: folder, survey: "type,name,label\nselect_multiple days,days,Which days suit you?\n",
                            choices: "list_name,name,label\ndays,1,Monday\ndays,2,Tuesday\ndays,3,Wednesday\n")
        let text = """
        id,submitdate,lastpage,startlanguage,days[SQ001],days[SQ002],days[SQ003]
        1,2025-01-14 10:00:00,1,en,1,2,1
        2,2025-01-14 10:05:00,1,en,2,1,2
        3,2025-01-14 10:06:00,1,en,2,2,2
        4,2025-01-14 10:07:00,1,en,,,

        """
        let result = normalise([folder.write("lime.csv", text)], instrument: form)
        XCTAssertEqual(result.respondents.count, 4)
        guard result.respondents.count == 4 else { return }
        XCTAssertEqual(result.answer(0, "days", in: form), .choices(["1", "3"]))
        XCTAssertEqual(result.answer(1, "days", in: form), .choices(["2"]))
        XCTAssertEqual(result.answer(2, "days", in: form), .choices([]))
        XCTAssertNil(result.answer(3, "days", in: form))
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
    }

    /// The same `N/A` of a question never shown, in an array (rating) or list question of the
    /// full-answers export, is no answer: it was an unknown_value warning per cell.
    func testLimeSurveyNotShownRatingIsNoAnswer() throws {
        let folder = TemporaryFolder()
        let text = """
        Response ID,Date submitted,Last page,Country,Your role,How important is each topic for your work? [Partnerships for integration]
        1,2025-01-20 12:00:00,4,Estonia,Teacher or education staff,Very important
        2,,1,Estonia,N/A,N/A

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.respondents.count, 2)
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("5"))
        XCTAssertNil(result.answer(1, "imp_partnerships", in: instrument))
        XCTAssertNil(result.respondents.last?.role)
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
    }

    /// LimeSurvey's "question code & question text" headings: each column is read by its code
    /// (the whole file was quarantined as an export of another survey).
    func testLimeSurveyCodeAndTextHeadings() throws {
        let folder = TemporaryFolder()
        let text = """
        id. Response ID,submitdate. Date submitted,lastpage. Last page,country. Country,\
        importance[SQ001]. How important is each topic for your work? [Intercultural competence and communication],\
        trainingwanted[SQ002]. Which topics would you attend training on? [Partnerships for integration]
        7,2025-01-20 12:00:00,3,Eesti,Väga oluline,Y

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "LimeSurvey")
        XCTAssertEqual(result.respondents.count, 1)
        guard result.respondents.count == 1 else { return }
        XCTAssertEqual(result.respondents.first?.submitted, "2025-01-20")
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships"]))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// The same headings with Expression Manager codes (LimeSurvey's "Use Expression Manager code"
    /// export option: `importance_SQ001. How important ...? [X]`): the file had been quarantined
    /// as another survey's (an item earlier notes left alone). The text decides the sub-question,
    /// as under bracketed codes: SQ001 here names partnerships, not the form's first topic.
    func testLimeSurveyExpressionCodeAndTextHeadings() throws {
        let folder = TemporaryFolder()
        let text = """
        id. Response ID,submitdate. Date submitted,lastpage. Last page,country. Country,\
        importance_SQ001. How important is each topic for your work? [Partnerships for integration],\
        importance_SQ002. How important is each topic for your work? [Intercultural competence and communication],\
        trainingwanted_SQ002. Which topics would you attend training on? [Partnerships for integration]
        7,2025-01-20 12:00:00,3,Eesti,Väga oluline,Vähe oluline,Y

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "LimeSurvey")
        XCTAssertEqual(result.respondents.count, 1)
        guard result.respondents.count == 1 else { return }
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships"]))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
        XCTAssertFalse(result.codes().contains("subquestions_by_place"), "\(result.issues.map(\.message))")
        // Two underscores are no Expression Manager code: such a heading is not split there.
        XCTAssertNil(ColumnMapper.codeAndText("imp_a_SQ001. Text")?.code)
        XCTAssertEqual(ColumnMapper.codeAndText("importance_SQ001. Text")?.code, "importance_SQ001")
        XCTAssertNil(ColumnMapper.codeAndText("_SQ001. Text")?.code)
    }

    /// A question reworded while a Google Form collected answers gets a column of its own: the
    /// answers under the old wording were unread with an `unmapped_columns` note alone, and those
    /// respondents counted as wanting no training (a probe's: shares halved, exit 0). Such a
    /// column is warned of; a sub-column of a question, a quiz's score of one, or a column of its
    /// own wording is not.
    func testAColumnReadingLikeAQuestionWithItsOwnColumnIsWarnedOf() throws {
        let folder = TemporaryFolder()
        let renamed = normalise([folder.write("g.csv", """
            Timestamp,Country,Which topics would you like training on?,Which topics would you attend training on?,\
            How important is each topic for your job? [Partnerships for integration],How important is each topic for your work? [Partnerships for integration]
            2025-01-15 10:00:00,Estonia,Partnerships for integration,,Very important,
            2025-01-16 10:00:00,Estonia,,Partnerships for integration,,Important

            """)])
        let warning = try XCTUnwrap(renamed.issues.first { $0.code == "column_like_question" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.column, 3)
        XCTAssertTrue(warning.message.hasPrefix("2 column(s) read like a question that has its own column, and are not read: "
            + "`Which topics would you like training on?` (like `training_wanted`), `How important is each topic for your job?"),
            warning.message)
        XCTAssertTrue(warning.message.contains("(like `imp_partnerships`)"), warning.message)
        let own = normalise([folder.write("own.csv", """
            Timestamp,Country,Which topics would you attend training on? [Other],Points - Which topics would you attend training on?,\
            Which topics would you attend training on?,Anything else you would like to say?,Anything else the academy should know?,\
            How important is each topic for your work? [Other topic],How important is each topic for your work? [Partnerships for integration],\
            Points - How important is each topic for your work?.Partnerships for integration,Why would you attend training on these topics?,\
            Which other topics would you attend training on?,Please specify other topics you would attend training on,\
            trainingwanted[other]. Which topics would you attend training on? [Other],How important is each topic for your work? (notes),\
            По каким темам вы бы прошли обучение? Почему?
            2025-01-15 10:00:00,Estonia,Psychology,1,Partnerships for integration,No,No,,,,,,,,,,

            """)])
        XCTAssertNil(own.issues.first { $0.code == "column_like_question" }, "\(own.issues.map(\.message))")
    }

    /// LimeSurvey numbers sub-questions in the order they were added: where that is not the
    /// form's, `importance[SQ001]` is the topic its text names, not the form's first (a probe's:
    /// every rating was read under another topic, 220 figures wrong, exit 0). A choice likewise.
    func testLimeSurveyCodeAndTextHeadingsReadANumberedSubQuestionByItsText() throws {
        let folder = TemporaryFolder()
        for separator in [". ", " - "] {
            let text = """
            id,submitdate,lastpage,startlanguage,country,\
            importance[SQ001]\(separator)How important is each topic for your work? [Partnerships for integration],\
            importance[SQ002]\(separator)How important is each topic for your work? [Intercultural competence and communication],\
            trainingwanted[SQ001]\(separator)Which topics would you attend training on? [Partnerships for integration],\
            trainingwanted[SQ002]\(separator)Which topics would you attend training on? [Intercultural competence and communication]
            1,2025-01-15 10:00:00,3,en,Estonia,Very important,Not at all important,Y,N

            """
            let result = normalise([folder.write("lime.csv", text)])
            XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("5"), separator)
            XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("1"), separator)
            XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships"]), separator)
            XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
            XCTAssertFalse(result.codes().contains("subquestions_by_place"), "\(result.issues.map(\.message))")
        }
        // By codes alone nothing tells: the place in the form is read, and said.
        let codes = normalise([folder.write("codes.csv", "id,submitdate,lastpage,startlanguage,country,importance[SQ001],importance[SQ002]\n"
            + "1,2025-01-15 10:00:00,3,en,Estonia,5,1\n")])
        XCTAssertEqual(codes.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        let note = try XCTUnwrap(codes.issues.first { $0.code == "subquestions_by_place" })
        XCTAssertEqual(note.column, 6)
        XCTAssertTrue(note.message.hasPrefix("2 column(s) name their sub-question by number only"), note.message)
        // A text naming the whole question, not one of its choices, leaves the choice to the
        // number (a reviewer's: every column had been read as the whole answer); a text naming
        // none (edited in the survey) too. Both said.
        let whole = normalise([folder.write("whole.csv", "id,submitdate,lastpage,startlanguage,country,"
            + "trainingwanted[SQ001]. Which topics would you attend training on?,trainingwanted[SQ002]. Which topics would you attend training on?,"
            + "importance[SQ001]. How important is each topic for your work? [Partnerships (NGOs)],"
            + "importance[SQ002]. How important is each topic for your work? [Partnerships for integration]\n"
            + "1,2025-01-15 10:00:00,3,en,Estonia,Y,N,Very important,Important\n")])
        XCTAssertEqual(whole.answer(0, "training_wanted", in: instrument), .choices(["intercultural"]))
        XCTAssertFalse(whole.codes().contains("duplicate_column"), "\(whole.issues.map(\.message))")
        XCTAssertEqual(whole.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(whole.answer(0, "imp_partnerships", in: instrument), .choice("4"))
        XCTAssertTrue(whole.issues.first { $0.code == "subquestions_by_place" }?.message.hasPrefix("3 column(s)") == true,
                      "\(whole.issues.map(\.message))")
        XCTAssertTrue(ColumnMapper.numbersItsSubquestion("importance[SQ001]"))
        XCTAssertTrue(ColumnMapper.numbersItsSubquestion("importance_SQ012"))
        XCTAssertFalse(ColumnMapper.numbersItsSubquestion("importance[partnerships]"))
    }

    /// The code/text separator is the exporter's to type in LimeSurvey's export dialog: with `: `,
    /// ` - ` or a space the whole file was quarantined (a probe). A space alone reads the code only
    /// when it names a sub-question or the text reads the same: `Other role` is not `role`.
    func testLimeSurveyCodeAndTextHeadingsWithAnySeparator() throws {
        let folder = TemporaryFolder()
        for separator in [": ", " - ", " ", " | "] {
            let text = """
            id\(separator)Response ID,submitdate\(separator)Date submitted,lastpage\(separator)Last page,\
            startlanguage\(separator)Start language,country\(separator)Country,\
            role\(separator)Your role,\
            importance[SQ001]\(separator)How important is each topic for your work? [Intercultural competence and communication],\
            competence[SQ001]\(separator)How would you rate your own competence in each topic? [Intercultural competence and communication],\
            trainingwanted[SQ002]\(separator)Which topics would you attend training on? [Partnerships for integration],\
            Other role,Points - Your role
            7,2025-01-20 12:00:00,3,et,Eesti,A1,Väga oluline,Madal,Y,Koordinaator,1

            """
            let result = normalise([folder.write("lime.csv", text)])
            XCTAssertEqual(result.accounts.first?.shape, "LimeSurvey", separator)
            XCTAssertEqual(result.respondents.count, 1, separator)
            // `Points - Your role` (a quiz's score) is no column of the role question.
            XCTAssertFalse(result.codes().contains("duplicate_column"), separator)
        }
        // LimeSurvey's own numbered codes, and a sheet's (`K1`), name no question: their text does
        // (a reviewer's case: every respondent had been quarantined).
        for separator in [" - ", ": "] {
            let text = """
            id\(separator)Response ID,submitdate\(separator)Date submitted,lastpage\(separator)Last page,\
            startlanguage\(separator)Start language,G01Q01\(separator)Country,G01Q02\(separator)Municipality,\
            G02Q04[SQ001]\(separator)How important is each topic for your work? [Intercultural competence and communication],\
            K5\(separator)Your role
            1,2025-01-14 10:00:00,4,en,Estonia,Tallinn,4,Social worker
            2,2025-01-15 10:00:00,4,en,Estonia,Tallinn,5,Other

            """
            let result = normalise([folder.write("numbered.csv", text)])
            XCTAssertEqual(result.respondents.count, 2, separator)
            XCTAssertEqual(result.respondents.first?.country, "EE", separator)
            XCTAssertEqual(result.respondents.first?.role, "social_worker", separator)
            XCTAssertNotNil(result.answer(0, "imp_intercultural", in: instrument), separator)
            guard result.respondents.count == 1 else { continue }
            XCTAssertEqual(result.respondents.first?.country, "EE", separator)
            XCTAssertEqual(result.respondents.first?.submitted, "2025-01-20", separator)
            XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"), separator)
            XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("2"), separator)
            XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships"]), separator)
            XCTAssertNotEqual(result.respondents.first?.role, "Koordinaator", separator)
        }
    }

    /// LimeSurvey's headings by Expression Manager code (`importance_SQ001`, the export's "Use
    /// Expression Manager code" option and the names its R and SPSS syntax give): a sub-question
    /// joined with `_`. They were unmapped, and every rating and demand answer of the file missing.
    func testLimeSurveyExpressionManagerCodeHeadings() throws {
        let folder = TemporaryFolder()
        let text = """
        id,submitdate,lastpage,startlanguage,seed,country,importance_SQ001,importance_SQ003,competence_SQ003,trainingwanted_SQ002
        7,2025-01-20 12:00:00,3,en,123,EE,A5,A2,A4,Y

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.respondents.count, 1)
        guard result.respondents.count == 1 else { return }
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_disinformation", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "comp_disinformation", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships"]))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// LimeSurvey's "abbreviated question text" headings cut a question's text and a
    /// sub-question's after 15 characters with `.. `: each is the one label it begins. They were
    /// unmapped, and the ratings and demand of the file missing.
    func testLimeSurveyAbbreviatedHeadings() throws {
        let folder = TemporaryFolder()
        let text = """
        Response ID,Date submitted,Last page,Country,Your role,How important i..  [Intercultural c..],\
        How important i..  [Partnerships fo..],How would you r..  [Countering disi..],\
        Which topics wo..  [Staff wellbeing..],Anything else t..
        1,2025-01-20 12:00:00,4,Estonia,Teacher or education staff,Very important,Important,Low,Yes,Fine

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.respondents.count, 1)
        guard result.respondents.count == 1 else { return }
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "comp_disinformation", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["staff_wellbeing"]))
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// The cut headings of a Lithuanian export saved as "CSV" in a code page without its letters
    /// (`Kaip vertinate ..  [Tarpkult?rin? k..]`): a cut part with a `?` is the one label it begins
    /// letter for letter, `?` for each letter outside ASCII. They were unmapped, 6 of the 8
    /// Lithuanian topics missing (a differential tester's case); a `?` where the label has a
    /// letter of ASCII fits none.
    func testLimeSurveyAbbreviatedHeadingsWithLostLetters() throws {
        let folder = TemporaryFolder()
        let text = """
        Response ID,Date submitted,Last page,Start language,?alis,Kiek kiekviena ..  [Tarpkult?rin? k..],\
        Kiek kiekviena ..  [Partneryst?s in..],Kaip vertinate ..  [Tarpkult?rin? k..],Kokiomis temomi..  [Partneryst?s in..],\
        Kiek kiekviena ..  [Kova su dezinfo..],Kiek kiekviena ..  [Smurto d?l lyt..],Kiek kiekviena ..  [Pagalba pa?eid?..],\
        Kiek kiekviena ..  [Smur?o d?l lyt..]
        1,2025-01-16 10:00:00,4,lt,Lietuva,Svarbu,Labai svarbu,Vidutin?,Taip,Svarbu,Labai svarbu,Svarbu,Svarbu

        """
        let result = normalise([folder.write("lime_lt.csv", text)])
        XCTAssertEqual(result.respondents.count, 1)
        guard result.respondents.count == 1 else { return }
        XCTAssertEqual(result.respondents[0].country, "LT")
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("3"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships"]))
        XCTAssertEqual(result.answer(0, "imp_disinformation", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "imp_gbv_prevention", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_vulnerable_groups", in: instrument), .choice("4"))
        // `Smur?o`: the label's `t` is ASCII, so no label fits.
        XCTAssertEqual(result.accounts.first?.unmappedColumns, ["Kiek kiekviena ..  [Smur?o d?l lyt..]"])
        let headings = result.issues.filter { $0.code == "letters_lost" }
        XCTAssertTrue(headings.first?.message.hasPrefix("7 column heading(s)") == true, headings.first?.message ?? "")
    }

    /// LimeSurvey's export option "Convert spaces in question text to underscores" writes every
    /// text heading with `_` for its spaces, its own columns too (`Date_submitted`). The file was
    /// a generic sheet with no question column but the short ones: every rating missing.
    func testLimeSurveyHeadingsWithUnderscoresForSpaces() throws {
        let folder = TemporaryFolder()
        let text = """
        Response_ID,Date_submitted,Last_page,Start_language,Country,Your_role,\
        How_important_is_each_topic_for_your_work?_[Intercultural_competence_and_communication],\
        Which_topics_would_you_attend_training_on?_[Partnerships_for_integration]
        1,,1,en,Estonia,Social worker,Very important,Yes
        2,2025-01-21 09:00:00,4,en,Estonia,Teacher or education staff,Important,No

        """
        let result = normalise([folder.write("lime.csv", text)])
        XCTAssertEqual(result.accounts.first?.shape, "LimeSurvey")
        XCTAssertEqual(result.respondents.count, 2)
        guard result.respondents.count == 2 else { return }
        XCTAssertEqual(result.respondents[1].submitted, "2025-01-21")
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["partnerships"]))
        XCTAssertEqual(result.answer(1, "imp_intercultural", in: instrument), .choice("4"))
        XCTAssertEqual(result.respondents[1].role, "teacher")
        XCTAssertTrue(result.codes().contains("incomplete_responses"), "\(result.codes())")
        XCTAssertFalse(result.codes().contains("unmapped_columns"), "\(result.issues.map(\.message))")
    }

    /// A cut heading that begins two labels (`How important`: no sub-question, and the question
    /// labels begin otherwise) names neither.
    func testAbbreviatedHeadingBeginningTwoLabelsIsNotRead() throws {
        let mapper = ColumnMapper(instrument: instrument)
        XCTAssertEqual(mapper.resolve("How important i..  [Intercultural c..]"), .question(instrument.questionIndex["imp_intercultural"]!))
        XCTAssertEqual(mapper.resolve("How .. [Intercultural c..]"), .unmapped)
        XCTAssertEqual(mapper.resolve("Support for vul.."), .unmapped)
    }

    /// A grid's heading retyped with parentheses (`Question (Row)` or `Row (Question)`) or with `|`
    /// names the grid's row: competence first is still read as competence. Those parentheses had
    /// been dropped as a hint, leaving the topic's label, read in form order or not at all.
    func testGridHeadingWithParenthesesOrBarNamesTheRow() throws {
        let mapper = ColumnMapper(instrument: instrument)
        let importance = "How important is each topic for your work?", competence = "How would you rate your own competence in each topic?"
        let topic = "Partnerships for integration"
        let imp = ColumnRole.question(try XCTUnwrap(instrument.questionIndex["imp_partnerships"]))
        let comp = ColumnRole.question(try XCTUnwrap(instrument.questionIndex["comp_partnerships"]))
        XCTAssertEqual(mapper.resolve("\(competence) (\(topic))"), comp)
        XCTAssertEqual(mapper.resolve("\(topic) (\(competence))"), comp)
        XCTAssertEqual(mapper.resolve("\(topic) (\(importance))"), imp)
        XCTAssertEqual(mapper.resolve("\(importance) | \(topic)"), imp)
        XCTAssertEqual(mapper.resolve("\(competence) – \(topic)"), comp)
        XCTAssertEqual(mapper.resolve("Which topics would you attend training on? (\(topic))"), .choice(question: try XCTUnwrap(instrument.questionIndex["training_wanted"]), choice: "partnerships"))
        // A hint in parentheses is still a hint.
        XCTAssertEqual(mapper.resolve("Municipality (write its name)"), .question(try XCTUnwrap(instrument.questionIndex["municipality"])))

        let folder = TemporaryFolder()
        let text = "Country,\(topic) (\(competence)),\(topic) (\(importance))\nEstonia,Low,Very important\n"
        let result = normalise([folder.write("paren.csv", text)])
        XCTAssertEqual(result.answer(0, "comp_partnerships", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("5"))
        XCTAssertFalse(result.codes().contains("columns_by_form_order"), "\(result.codes())")
    }

    /// LimeSurvey 1.9 and 2.0 wrote an abbreviated heading's sub-question as its code,
    /// `Насколько важна.. [SQ002]`: the cut text names the group, the code its member (every
    /// rating had been left unread), and a choice of a multiple-choice question likewise.
    func testAbbreviatedHeadingWithASubQuestionCode() throws {
        let mapper = ColumnMapper(instrument: instrument)
        XCTAssertEqual(mapper.resolve("Насколько важна.. [SQ002]"), .question(try XCTUnwrap(instrument.questionIndex["imp_partnerships"])))
        XCTAssertEqual(mapper.resolve("How would you r.. [SQ001]"), .question(try XCTUnwrap(instrument.questionIndex["comp_intercultural"])))
        XCTAssertEqual(mapper.resolve("How important i.. [legalstatus]"), .question(try XCTUnwrap(instrument.questionIndex["imp_legal_status"])))
        let wanted = try XCTUnwrap(instrument.questionIndex["training_wanted"])
        XCTAssertEqual(mapper.resolve("Which topics wo.. [SQ003]"), .choice(question: wanted, choice: "disinformation"))
        XCTAssertEqual(mapper.resolve("Which topics wo.. [partnerships]"), .choice(question: wanted, choice: "partnerships"))
        XCTAssertEqual(mapper.resolve("How important i.. [SQ009]"), .unmapped)
    }

    func testLimeSurveyDefaultAnswerCodes() {
        let folder = TemporaryFolder()
        let text = "id,submitdate,lastpage,startlanguage,country,imp_partnerships\n1,2025-01-20 10:00:00,2,en,LT,A4\n"
        let result = normalise([folder.write("codes.csv", text)])
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("4"))
    }

    /// LimeSurvey writes `-oth-`, its code for a list's "Other" option, where the respondent chose
    /// it (the text typed goes to a `CODE[other]` column): it is the list's choice named `other`.
    func testLimeSurveyOtherOptionCode() {
        let folder = TemporaryFolder()
        let text = """
        id,submitdate,lastpage,startlanguage,country,role,role[other],imp_partnerships
        1,2025-01-20 10:00:00,2,et,EE,-oth-,Psühholoog,A4

        """
        let result = normalise([folder.write("other.csv", text)])
        XCTAssertEqual(result.respondents.first?.role, "other")
        XCTAssertFalse(result.codes().contains("unknown_value"), "\(result.issues.map(\.message))")
    }

    /// Hand-made sheets number their headings and add punctuation or a hint to the question's
    /// label (`1) Riik:`, `Omavalitsus (kirjutage nimi)`, `(3) Teie amet?`, `Q4: ...`): each such
    /// column was unmapped, its answers lost.
    func testHeadingsNumberedOrWithAHintAreTheirQuestions() throws {
        let folder = TemporaryFolder()
        let text = """
        1) Riik:,Omavalitsus (kirjutage nimi),(3) Teie amet?,Q4: Millistel teemadel osaleksite koolitusel?
        Eesti,Narva,Muu,Kultuuridevaheline pädevus ja suhtlus

        """
        let result = normalise([folder.write("sheet.csv", text)])
        XCTAssertEqual(result.accounts.first?.unmappedColumns, [])
        XCTAssertEqual(result.respondents.first?.country, "EE")
        XCTAssertEqual(result.respondents.first?.municipalityCode, "EE-511")
        XCTAssertEqual(result.respondents.first?.role, "other")
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["intercultural"]))
    }

    func testHeadingsNumberedWithAPlainOrAMultiLevelNumber() throws {
        // `4 - Teie amet` (as the numbering rule's own comment has it), `1 Riik`, and a sheet's
        // sections numbered 2.1 and 3.1, whose topic label two questions share.
        let folder = TemporaryFolder()
        let text = """
        1 Riik,2 Omavalitsus,4 - Teie amet,2.1 Kultuuridevaheline pädevus ja suhtlus,3.1. Kultuuridevaheline pädevus ja suhtlus
        Eesti,Narva,Muu,5,2

        """
        let result = normalise([folder.write("sheet.csv", text)])
        XCTAssertEqual(result.accounts.first?.unmappedColumns, [])
        XCTAssertEqual(result.respondents.first?.country, "EE")
        XCTAssertEqual(result.respondents.first?.municipalityCode, "EE-511")
        XCTAssertEqual(result.respondents.first?.role, "other")
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("2"))
    }

    /// Two sheets pasted together, the second headed in Latvian, in a layout whose topic labels
    /// head both the importance and the competence column: the Latvian header was read as a
    /// respondent (a probe), as its topic labels were taken for no question's name.
    func testAHeaderOfSharedLabelsInAnotherLanguageIsNoRespondent() throws {
        let folder = TemporaryFolder()
        let text = """
        Riik;Omavalitsus;Teie amet;Kultuuridevaheline pädevus ja suhtlus;Partnerlus lõimumise toetamiseks;Kultuuridevaheline pädevus ja suhtlus;Partnerlus lõimumise toetamiseks
        Eesti;Narva;Sotsiaaltöötaja;5;4;2;1
        Eesti;Tallinn;Muu;4;4;3;3
        Valsts;Pašvaldība;Jūsu amats;Starpkultūru kompetence un komunikācija;Partnerības integrācijai;Starpkultūru kompetence un komunikācija;Partnerības integrācijai
        Latvija;Rīga;Cits;3;3;1;1
        Latvija;Ogre;Cits;2;2;2;2

        """
        let result = normalise([folder.write("glued.csv", text)])
        XCTAssertEqual(result.respondents.count, 4)
        XCTAssertEqual(result.respondents.map(\.sourceLine), [2, 3, 5, 6])
        XCTAssertEqual(result.issues.first { $0.code == "repeated_header" }?.line, 4)
        XCTAssertEqual(result.answer(2, "imp_intercultural", in: instrument), .choice("3"))
    }

    /// A sheet heads its blocks of ratings with the measure's word in its language, not the
    /// form's question (a probe): `Kompetence | Svarīgums` above the topics, competence first, was
    /// read in the form's order, importance and competence swapped with a note alone; the topic
    /// above `Importance | Competence` (or `Olulisus | Pädevus`), and `Topic - importance` or
    /// `Competence: Topic` in one row, lost the whole file. Each is read by its measure, with the
    /// scale noted after the word too (`Kompetence (1-5)`).
    func testBlocksHeadedByTheMeasuresWordInAnyLanguage() throws {
        let folder = TemporaryFolder()
        let lv = "Starpkultūru kompetence un komunikācija", lvP = "Partnerības integrācijai"
        let et = "Kultuuridevaheline pädevus ja suhtlus", etP = "Partnerlus lõimumise toetamiseks"
        let en = "Intercultural competence and communication", enP = "Partnerships for integration"
        // Each file's first respondent rates intercultural importance 5, competence 1,
        // partnerships importance 4, competence 2.
        let sheets: [(String, String)] = [
            ("lv-competence-first", ",,,Kompetence,,Svarīgums,\nValsts,Pašvaldība,Jūsu amats,\(lv),\(lvP),\(lv),\(lvP)\nLatvija,Rīga,Cits,1,2,5,4\n"),
            ("et-self-assessment-first", ";;;Enesehinnang (pädevus);;Olulisus;\nRiik;Omavalitsus;Teie amet;\(et);\(etP);\(et);\(etP)\nEesti;Narva;Muu;1;2;5;4\n"),
            ("ru-competence-first", ";;;Компетентность;;Важность;\nСтрана;Муниципалитет;Ваша должность;Межкультурная компетентность и коммуникация;Партнёрства для интеграции;Межкультурная компетентность и коммуникация;Партнёрства для интеграции\nЭстония;Нарва;Другое;1;2;5;4\n"),
            ("en-topic-over-measure", ";;;\(en);;\(enP);\nCountry;Municipality;Your role;Importance;Competence;Importance;Competence\nEstonia;Narva;Other;5;1;4;2\n"),
            ("et-topic-over-measure", ";;;\(et);;\(etP);\nRiik;Omavalitsus;Teie amet;Olulisus;Pädevus;Olulisus;Pädevus\nEesti;Narva;Muu;5;1;4;2\n"),
            ("en-topic-dash-measure", "Country;Municipality;Your role;\(en) - importance;\(en) - competence;\(enP) - importance;\(enP) - competence\nEstonia;Narva;Other;5;1;4;2\n"),
            // The scale noted after the measure (a probe: read in the form's order, swapped).
            ("lv-scale-noted", ",,,Kompetence (1-5),,Svarīgums (1-5),\nValsts,Pašvaldība,Jūsu amats,\(lv),\(lvP),\(lv),\(lvP)\nLatvija,Rīga,Cits,1,2,5,4\n"),
            ("et-scale-in-words", ";;;Pädevus (skaala 1–5);;Olulisus (skaala 1–5);\nRiik;Omavalitsus;Teie amet;\(et);\(etP);\(et);\(etP)\nEesti;Narva;Muu;1;2;5;4\n"),
            ("en-scale-after-colon", ";;;Competence: 1 - 5;;Importance: 1 - 5;\nCountry;Municipality;Your role;\(en);\(enP);\(en);\(enP)\nEstonia;Narva;Other;1;2;5;4\n"),
            ("en-topic-over-measure-scale", ";;;\(en);;\(enP);\nCountry;Municipality;Your role;Importance (1-5);Competence (1-5);Importance (1-5);Competence (1-5)\nEstonia;Narva;Other;5;1;4;2\n"),
            ("lt-measure-colon-topic", "Šalis,Savivaldybė,Jūsų pareigos,Kompetencija: Tarpkultūrinė kompetencija ir komunikacija,Kompetencija: Partnerystės integracijai,Svarba: Tarpkultūrinė kompetencija ir komunikacija,Svarba: Partnerystės integracijai\nLietuva,Vilniaus miesto savivaldybė,Kita,1,2,5,4\n"),
        ]
        for (name, text) in sheets {
            let result = normalise([folder.write(name + ".csv", text)])
            XCTAssertEqual(result.respondents.count, 1, name)
            guard result.respondents.count == 1 else { continue }
            XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"), name)
            XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("1"), name)
            XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("4"), name)
            XCTAssertEqual(result.answer(0, "comp_partnerships", in: instrument), .choice("2"), name)
            XCTAssertFalse(result.codes().contains("columns_by_form_order"), name)
        }
    }

    /// A hand-made sheet's header of two rows, the group labels (merged cells, so each stands in
    /// its first column only) above the questions' labels, which importance and competence share:
    /// the upper row mapped nothing and the whole file was quarantined (exit 2); the two rows are
    /// read as one, `Group [Question]`, and every row below is a respondent.
    func testHeaderOfTwoRowsWithMergedGroupLabels() throws {
        let folder = TemporaryFolder()
        let text = """
        ;;;How important is each topic for your work?;;How would you rate your own competence in each topic?;;
        Country;Municipality;Your role;Intercultural competence and communication;Partnerships for integration;Intercultural competence and communication;Partnerships for integration;Remarks
        Estonia;Narva;Teacher or education staff;5;4;2;3;
        Latvia;Rīga;Social worker;4;4;3;3;ok

        """
        let result = normalise([folder.write("sheet.csv", text)])
        XCTAssertEqual(result.accounts.first?.respondents, 2)
        XCTAssertEqual(result.accounts.first?.quarantined, 0)
        XCTAssertEqual(result.respondents.map(\.sourceLine), [3, 4])
        XCTAssertEqual(result.answer(0, "imp_intercultural", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "imp_partnerships", in: instrument), .choice("4"))
        XCTAssertEqual(result.answer(0, "comp_intercultural", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(1, "comp_partnerships", in: instrument), .choice("3"))
        XCTAssertEqual(result.accounts.first?.unmappedColumns, ["Remarks"])
        XCTAssertTrue(result.codes().contains("two_header_rows"))
        XCTAssertFalse(result.codes().contains("no_matching_questions"))
        // The place columns merged down the two rows: the upper row maps them, the topics below.
        let merged = """
        Country;Municipality;How important is each topic for your work?;;How would you rate your own competence in each topic?;
        ;;Intercultural competence and communication;Partnerships for integration;Intercultural competence and communication;Partnerships for integration
        Estonia;Narva;5;4;2;3

        """
        let two = normalise([folder.write("merged.csv", merged)])
        XCTAssertEqual(two.respondents.map(\.sourceLine), [3])
        // The note names where the group labels begin to name questions (it named no column).
        let note = try XCTUnwrap(two.issues.first { $0.code == "two_header_rows" })
        XCTAssertEqual(note.line, 2)
        XCTAssertEqual(note.column, 3)
        XCTAssertEqual(note.message, "the header is two rows, group labels above the questions' (merged cells): read as one, "
                       + "from column 3 (`Intercultural competence and communication` under `How important is each topic for your work?`)")
        XCTAssertEqual(two.answer(0, "comp_partnerships", in: instrument), .choice("3"))
        XCTAssertEqual(two.respondents.first?.municipalityCode, "EE-511")
        // A block's place in one cell below the header (`Omavalitsus: Narva linn` under `Nr`) is
        // no row of labels, though `Omavalitsus` is the municipality's label: its rows' numbers
        // had been read as municipalities and Estonia lost (a probe's). It states their place.
        let block = normalise([folder.write("block.csv", """
            Nr;Kultuuridevaheline pädevus ja suhtlus - olulisus;Partnerlus lõimumise toetamiseks - olulisus
            Omavalitsus: Narva linn;;
            1;5;4
            2;3;2

            """)])
        XCTAssertFalse(block.codes().contains("two_header_rows"), "\(block.issues.map(\.message))")
        XCTAssertEqual(block.respondents.map(\.municipalityCode), ["EE-511", "EE-511"], "\(block.issues.map(\.message))")
        XCTAssertEqual(block.answer(1, "imp_partnerships", in: instrument), .choice("2"))
        // One question's label alone below its group's is a row of labels all the same (a reviewer's).
        let one = normalise([folder.write("one.csv", "Riik;Omavalitsus;Kui oluline on iga teema teie töös?\n"
                                          + ";;Kultuuridevaheline pädevus ja suhtlus\nEesti;Tartu linn;5\nEesti;Narva linn;4\n")])
        XCTAssertTrue(one.codes().contains("two_header_rows"), "\(one.issues.map(\.message))")
        XCTAssertEqual(one.respondents.count, 2)
        XCTAssertEqual(one.answer(1, "imp_intercultural", in: instrument), .choice("4"))
        // A file of another survey is still one: its first row is not taken for group labels.
        let other = normalise([folder.write("other.csv", "Name;Age;Town\nMari;34;Narva\n")])
        XCTAssertTrue(other.codes().contains("no_matching_questions"))
        XCTAssertEqual(other.accounts.first?.quarantined, 1)
    }

    /// The upper row of a two-row header ends with the merged cells of its last group label,
    /// empty: the reader warned that the header ends with that many unnamed columns holding values
    /// (the lower row's names), a warning (exit 1) on a clean sheet. Now the columns neither row
    /// names are told, in a note on the lower row, and only those.
    func testTwoRowHeaderMergedCellsAtTheEndAreNotUnnamedColumns() throws {
        let folder = TemporaryFolder()
        let text = """
        ;;How important is each topic for your work?;;;How would you rate your own competence in each topic?;;;;
        Country;Municipality;Intercultural competence and communication;Partnerships for integration;\
        Countering disinformation and misinformation;Intercultural competence and communication;\
        Partnerships for integration;Countering disinformation and misinformation;;
        Estonia;Narva;5;4;3;2;3;1;;
        Latvia;Rīga;4;4;4;3;3;3;;

        """
        let result = normalise([folder.write("sheet.csv", text)])
        XCTAssertEqual(result.accounts.first?.respondents, 2)
        XCTAssertEqual(result.answer(1, "comp_disinformation", in: instrument), .choice("3"))
        XCTAssertEqual(result.issues.filter { $0.severity == .warning && $0.code != "questions_missing" }.map(\.message), [])
        let trailing = result.issues.filter { $0.code == "trailing_delimiter" }
        XCTAssertEqual(trailing.map(\.line), [2])
        XCTAssertEqual(trailing.map(\.column), [9])
        XCTAssertTrue(trailing.first?.message.contains("ends with 2 column(s) neither row names") == true, "\(trailing)")
    }

    // MARK: Hand-made sheets, Excel "Unicode text"

    func testEnglishLabelsSheet() throws {
        let folder = TemporaryFolder()
        let text = """
        Country,Municipality,Your role,How important is each topic for your work? [Support for vulnerable refugee groups],How would you rate your own competence in each topic? [Support for vulnerable refugee groups],Which topics would you attend training on?
        Lithuania,Kaunas city municipality,Integration coordinator,Very important,Low,"Support for vulnerable refugee groups, Gender-based violence prevention"

        """
        let result = normalise([folder.write("english.csv", text)])
        XCTAssertEqual(result.respondents.count, 1)
        XCTAssertEqual(result.respondents[0].country, "LT")
        XCTAssertEqual(result.respondents[0].role, "integration_coordinator")
        XCTAssertEqual(result.answer(0, "imp_vulnerable_groups", in: instrument), .choice("5"))
        XCTAssertEqual(result.answer(0, "comp_vulnerable_groups", in: instrument), .choice("2"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["vulnerable_groups", "gbv_prevention"]))
        XCTAssertFalse(result.codes().contains("unmapped_columns"))
    }


    func testUnicodeTextSheetWithXMLNamesInUTF16() throws {
        let folder = TemporaryFolder()
        let text = "country\tmunicipality\timp_gbv_prevention\tcomp_gbv_prevention\ttraining_wanted\r\nLV\tDaugavpils\t5\t1\tgbv_prevention interpreters\r\n"
        let result = normalise([folder.write("sheet.txt", [0xFF, 0xFE] + encode(text, as: .utf16LE))])
        XCTAssertEqual(result.accounts.first?.encoding, "utf-16le")
        XCTAssertEqual(result.accounts.first?.delimiter, "tab")
        XCTAssertEqual(result.respondents.first?.municipalityCode, "LV-DGV")
        XCTAssertEqual(result.answer(0, "comp_gbv_prevention", in: instrument), .choice("1"))
        XCTAssertEqual(result.answer(0, "training_wanted", in: instrument), .choices(["gbv_prevention", "interpreters"]))
    }

    func testIdenticalRowsWithoutIDAreFlaggedOrDropped() {
        let folder = TemporaryFolder()
        let text = "country,municipality,imp_partnerships\nEE,Tartu linn,4\nEE,Tartu linn,4\n"
        let path = folder.write("twice.csv", text)
        let kept = normalise([path])
        XCTAssertEqual(kept.respondents.count, 2)
        XCTAssertEqual(kept.issues.first { $0.code == "identical_row" }?.action, .kept)
        let dropped = normalise([path], dropIdentical: true)
        XCTAssertEqual(dropped.respondents.count, 1)
        XCTAssertEqual(dropped.accounts.first?.duplicates, 1)
        // The message names the earlier row (it said "an earlier row"), and its file when another.
        XCTAssertEqual(kept.issues.first { $0.code == "identical_row" }?.message,
                       "identical to the row on line 2 (neither has a submission ID); kept (use --drop-identical to drop)")
        let other = folder.write("again.csv", "country,municipality,imp_partnerships\nEE,Tartu linn,4\n")
        let across = normalise([path, other])
        // Files are read in name order: again.csv first.
        XCTAssertEqual(across.issues.filter { $0.code == "identical_row" }.map { "\($0.file):\($0.line ?? 0) \($0.message)" }, [
            "twice.csv:2 identical to the row on line 2 of again.csv (neither has a submission ID); kept (use --drop-identical to drop)",
            "twice.csv:3 identical to the row on line 2 of again.csv (neither has a submission ID); kept (use --drop-identical to drop)",
        ])
        // The day a row was submitted is part of it: the same answers on 3 and 20 February are two
        // respondents (they were one identical row, and --drop-identical dropped one); on the same
        // day, one row again, the message saying so.
        let dated = "Timestamp,country,municipality,imp_partnerships\n2/3/2025 10:00:00,EE,Tartu linn,4\n"
            + "2/3/2025 11:00:00,EE,Tartu linn,4\n2/20/2025 09:00:00,EE,Tartu linn,4\n"
        let days = normalise([folder.write("dated.csv", dated)], dropIdentical: true)
        XCTAssertEqual(days.respondents.count, 2)
        XCTAssertEqual(days.issues.filter { $0.code == "identical_row" }.map { "\($0.line ?? 0) \($0.message)" }, [
            "3 identical to the row on line 2, with the same submission date (neither has a submission ID); dropped (--drop-identical)",
        ])
        // Two overlapping exports, one whose dates show they are month-first (2/13) and one whose
        // dates do not (read day-first): the rows both hold are identical all the same.
        let full = folder.write("full.csv", "Timestamp,country,municipality,imp_partnerships\n2/13/2025 10:00:00,EE,Tartu linn,3\n"
            + "2/3/2025 10:00:00,EE,Narva linn,4\n2/5/2025 10:00:00,EE,Tallinn,5\n")
        let week = folder.write("week.csv", "Timestamp,country,municipality,imp_partnerships\n2/3/2025 10:00:00,EE,Narva linn,4\n"
            + "2/5/2025 10:00:00,EE,Tallinn,5\n")
        let overlapping = normalise([full, week], dropIdentical: true)
        XCTAssertEqual(overlapping.respondents.count, 3)
        XCTAssertEqual(overlapping.issues.filter { $0.code == "identical_row" }.count, 2)
        // The same export sent twice: the second file is named once, beside its rows' warnings.
        let export = "country,municipality,imp_partnerships\nEE,Tartu linn,4\nEE,Narva linn,3\n"
        let sentTwice = normalise([folder.write("sent.csv", export), folder.write("sent_again.csv", export)])
        XCTAssertEqual(sentTwice.issues.filter { $0.code == "file_repeated" }.map { "\($0.file) \($0.severity) \($0.message)" }, [
            "sent_again.csv warning 2 of its 2 rows are identical to rows of sent.csv (no submission IDs tell them apart): "
                + "the same export sent twice? Its respondents are counted again; --drop-identical drops such rows",
        ])
        XCTAssertTrue(kept.issues.filter { $0.code == "file_repeated" }.isEmpty)
        let partly = folder.write("partly.csv", "country,municipality,imp_partnerships\nEE,Tartu linn,4\nEE,Narva linn,3\nEE,Narva linn,2\n")
        XCTAssertTrue(normalise([other, partly]).issues.filter { $0.code == "file_repeated" }.isEmpty)
        // Rows matching one earlier row many times are no file sent again: each earlier row counts once.
        let three = folder.write("three.csv", "country,municipality,imp_partnerships\nEE,Tartu linn,4\nEE,Tartu linn,4\nEE,Tartu linn,4\n")
        XCTAssertTrue(normalise([other, three]).issues.filter { $0.code == "file_repeated" }.isEmpty)
    }

    func testAmbiguousTartuAndUnknownPlaceAreKeptAndFlagged() throws {
        let folder = TemporaryFolder()
        let text = "country,municipality\nEstonia,Tartu\nLithuania,Atlantis\nEE-LV,Rīga\n"
        let result = normalise([folder.write("places.csv", text)])
        XCTAssertEqual(result.respondents.count, 3)
        XCTAssertEqual(result.respondents[0].country, "EE")
        XCTAssertNil(result.respondents[0].municipalityCode)
        XCTAssertEqual(result.issues.first { $0.code == "municipality_ambiguous" }?.oldValue, "Tartu")
        XCTAssertEqual(result.issues.first { $0.code == "municipality_unknown" }?.oldValue, "Atlantis")
        // An unknown country with an unambiguous municipality is inferred.
        XCTAssertEqual(result.respondents[2].country, "LV")
    }

    func testExportOfAnotherSurveyIsQuarantinedWithAClearMessage() throws {
        let folder = TemporaryFolder()
        let result = normalise([folder.write("other.csv", "species,count\nfox,2\nowl,1\n")])
        XCTAssertEqual(result.respondents.count, 0)
        XCTAssertEqual(result.accounts.first?.quarantined, 2)
        let issue = try XCTUnwrap(result.issues.first { $0.code == "no_matching_questions" })
        XCTAssertEqual(issue.severity, .error)
    }

    /// A heading that is no question is named in the note cut short: a header whose last field
    /// ran to the end of a file of one 50 MB line (no line break, a stray quote) was printed
    /// whole, filling the terminal and the cleaning log.
    func testAnOverlongHeadingIsNamedCutShort() throws {
        let folder = TemporaryFolder()
        let long = String(repeating: "x", count: 10_000)
        let text = "country;municipality;_uuid;old_question;\(long)\nEE;Narva linn;u-1;x;y\n"
        let result = normalise([folder.write("kobo.csv", text)])
        let notes = result.issues.filter { $0.code == "unmapped_columns" || $0.code == "columns_not_in_form_version" }
        XCTAssertEqual(notes.count, 2, "\(result.issues.map(\.code))")
        for note in notes {
            XCTAssertLessThan(note.message.count, 300, note.code)
            XCTAssertTrue(note.message.contains("old_question, " + String(repeating: "x", count: 59) + "…"), note.code)
        }
    }
}
