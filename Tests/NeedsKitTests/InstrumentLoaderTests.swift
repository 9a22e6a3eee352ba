import Foundation
import XCTest
import ZIPFoundation
@testable import NeedsKit

final class InstrumentLoaderTests: XCTestCase {
    func testTheSampleInstrument() throws {
        let instrument = try InstrumentLoader.load(Paths.inputs + "/instrument")
        XCTAssertEqual(instrument.formID, "integration_academy_tna")
        XCTAssertEqual(instrument.languages.map(\.key), ["en", "et", "lv", "lt", "ru"])
        XCTAssertEqual(instrument.defaultLanguage, "en")
        XCTAssertEqual(instrument.topics.count, 8)
        XCTAssertEqual(instrument.topics.first, Topic(key: "intercultural", importanceQuestion: "imp_intercultural", competenceQuestion: "comp_intercultural"))
        XCTAssertEqual(instrument.countryQuestion?.name, "country")
        XCTAssertEqual(instrument.municipalityQuestion?.name, "municipality")
        XCTAssertEqual(instrument.demandQuestion?.name, "training_wanted")
        XCTAssertEqual(instrument.question(named: "imp_disinformation")?.groupPath, ["importance"])
        XCTAssertEqual(instrument.question(named: "contact_email")?.anonymise, true)
        XCTAssertEqual(instrument.topicLabel("disinformation", language: "lv"), "Dezinformācijas un maldinošas informācijas atspēkošana")
        XCTAssertEqual(instrument.choiceLists["importance5"]?.score(of: "5"), 5)
    }

    func testTheKoboXLSXWorkbook() throws {
        let instrument = try InstrumentLoader.load(Paths.corpora + "/real-exports/kobo-paleocore-artifacts/artifact-kobotoolbox.xlsx")
        XCTAssertEqual(instrument.languages.map(\.key), ["en", "ru"])
        XCTAssertEqual(instrument.version, "21 (2022-06-28 08:43:23)")
        XCTAssertTrue(instrument.topics.isEmpty)
        let toolType = try XCTUnwrap(instrument.question(named: "Tool_type"))
        XCTAssertEqual(toolType.kind.listName, "cn9hh69")
        XCTAssertEqual(instrument.choiceLists["vq63w10"]?.choice(named: "n/a")?.name, "n/a")
        // A choice list whose labels exist in English only still has labels.
        XCTAssertNotNil(instrument.choiceLists["cn9hh69"]?.choices.first?.label("ru", fallback: "en"))
    }

    func testScoreIsPositionWhenChoiceNamesAreNotNumbers() {
        let list = ChoiceList(name: "agree", choices: ["low", "mid", "high"].enumerated().map {
            Choice(name: $0.element, labels: [:], position: $0.offset + 1)
        })
        XCTAssertEqual(list.score(of: "high"), 3)
        XCTAssertNil(list.score(of: "other"))
        // Names Double() reads but that are no number: never NaN or infinity; beside a choice
        // named by a number they are no rating, among names alone their position.
        let odd = ChoiceList(name: "odd", choices: ["1", "nan", "inf", "-INF"].enumerated().map {
            Choice(name: $0.element, labels: [:], position: $0.offset + 1)
        })
        XCTAssertEqual(["1", "nan", "inf", "-INF"].map { odd.score(of: $0) }, [1, nil, nil, nil])
        let words = ChoiceList(name: "words", choices: ["nan", "inf"].enumerated().map {
            Choice(name: $0.element, labels: [:], position: $0.offset + 1)
        })
        XCTAssertEqual(["nan", "inf"].map { words.score(of: $0) }, [1, 2])
    }

    /// A "Don't know" choice after the points 1 to 5 of a scale is no rating: scored by its
    /// position it counted as a 6, above the top of the scale.
    func testDontKnowInANumberedScaleIsNoRating() throws {
        let folder = TemporaryFolder()
        var choices = try String(contentsOfFile: Paths.inputs + "/instrument/choices.csv", encoding: .utf8)
        choices += "importance5,dk,Don't know,Ei oska öelda,Nezinu,Nežinau,Не знаю\n"
        choices += "competence5,dk,Don't know,Ei oska öelda,Nezinu,Nežinau,Не знаю\n"
        folder.write("form/choices.csv", choices)
        for sheet in ["survey.csv", "settings.csv"] {
            folder.write("form/" + sheet, try String(contentsOfFile: Paths.inputs + "/instrument/" + sheet, encoding: .utf8))
        }
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertNil(instrument.choiceLists["importance5"]?.score(of: "dk"))
        XCTAssertEqual(instrument.choiceLists["importance5"]?.score(of: "5"), 5)

        let importance = ["5", "4", "dk", "3", "dk", "2", "4", "5", "1", "dk"]
        let competence = ["2", "dk", "3", "3", "1", "dk", "2", "4", "1", "2"]
        let aggregator = Aggregator(instrument: instrument)
        for k in importance.indices {
            var answers = [Answer?](repeating: nil, count: instrument.questions.count)
            answers[instrument.questionIndex["imp_legal_status"]!] = .choice(importance[k])
            answers[instrument.questionIndex["comp_legal_status"]!] = .choice(competence[k])
            aggregator.add(Respondent(id: "r\(k)", sourceFile: "dk.csv", sourceLine: k + 2, country: "EE", municipalityCode: "EE-784",
                                      municipalityName: "Tallinna linn", role: nil, submitted: nil, answers: answers))
        }
        let row = try XCTUnwrap(aggregator.figures().first { $0.country == "EE" && $0.topic == "legal_status" })
        // Python's statistics module, the "dk" answers left out: importance 5,4,3,2,4,5,1 (mean 24/7),
        // competence 2,3,3,1,2,4,1,2 (mean 18/8), gaps 3,0,2,1,0 over the 5 pairs (mean 6/5).
        XCTAssertEqual(row.nImportance, 7)
        XCTAssertEqual(row.meanImportance!, 3.4285714285714284, accuracy: 1e-12)
        XCTAssertEqual(row.nCompetence, 8)
        XCTAssertEqual(row.meanCompetence!, 2.25, accuracy: 1e-12)
        XCTAssertEqual(row.nPairs, 5)
        XCTAssertEqual(row.meanGap!, 1.2, accuracy: 1e-12)
        // scipy.stats.t.interval(0.95, 6, loc=mean, scale=stdev/sqrt(7)) of the 7 importance ratings.
        XCTAssertEqual(row.importanceCI!.low, 2.030336085060012, accuracy: 1e-9)
        XCTAssertEqual(row.importanceCI!.high, 4.826806772082845, accuracy: 1e-9)
    }

    /// A rating list with "Don't know" or "N/A" choices: those are no point of the scale and
    /// count as not rated. They were scored by name or position: `dk` after `1`...`5` read as 6,
    /// `99` as 99, a last `Ei tea` of a list named by words as 4, raising the means and MWDS.
    func testDontKnowAndNotApplicableChoicesAreNoRating() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", """
            type,name,label,topic,measure
            select_one five,imp_a,A,a,importance
            select_one five,comp_a,A,a,competence
            select_one coded,imp_b,B,b,importance
            select_one coded,comp_b,B,b,competence
            select_one words,imp_c,C,c,importance
            select_one words,comp_c,C,c,competence
            select_one likert,imp_d,D,d,importance
            select_one likert,comp_d,D,d,competence

            """)
        folder.write("form/choices.csv", """
            list_name,name,label
            five,1,Low
            five,2,Middle
            five,3,High
            five,dk,Ei oska öelda
            coded,1,Low
            coded,2,Hard to say
            coded,3,High
            coded,99,Don’t know
            coded,0,N/A
            words,na,Not applicable
            words,low,Low
            words,mid,Middle
            words,high,High
            words,dont_know,Ei tea
            words,n_a,Skipped
            words,other,Don’t know / N/A
            words,coded,Don't know (99)
            likert,not_at_all,Üldse mitte
            likert,slightly,Vähe
            likert,neutral,Raske öelda
            likert,important,Oluline
            likert,very,Väga oluline
            likert,dk,Ei tea

            """)
        folder.write("form/settings.csv", "form_id,version\nx,1\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        let five = try XCTUnwrap(instrument.choiceLists["five"])
        XCTAssertEqual(["1", "2", "3", "dk"].map { five.score(of: $0) }, [1, 2, 3, nil])
        let coded = try XCTUnwrap(instrument.choiceLists["coded"])
        XCTAssertEqual(["1", "2", "3", "99", "0"].map { coded.score(of: $0) }, [1, 2, 3, nil, nil], "a point between two others is one, whatever its label")
        let named = try XCTUnwrap(instrument.choiceLists["words"])
        XCTAssertEqual(["na", "low", "mid", "high", "dont_know", "n_a", "other", "coded"].map { named.score(of: $0) },
                       [nil, 1, 2, 3, nil, nil, nil, nil])
        // A list named by words whose midpoint says "hard to say" (a reviewer's Estonian and
        // Russian forms, refused as a scale a point short): a point between two points.
        let likert = try XCTUnwrap(instrument.choiceLists["likert"])
        XCTAssertEqual(["not_at_all", "slightly", "neutral", "important", "very", "dk"].map { likert.score(of: $0) }, [1, 2, 3, 4, 5, nil])

        // The figures count such an answer as not rated.
        let aggregator = Aggregator(instrument: instrument)
        var answers = [Answer?](repeating: nil, count: instrument.questions.count)
        answers[instrument.questionIndex["imp_a"]!] = .choice("3")
        answers[instrument.questionIndex["comp_a"]!] = .choice("dk")
        let respondent = Respondent(id: "r1", sourceFile: "f.csv", sourceLine: 2, country: "EE", answers: answers)
        XCTAssertEqual(aggregator.ratings(of: respondent)["a"]?.importance, 3)
        XCTAssertNil(aggregator.ratings(of: respondent)["a"]?.competence)
    }

    /// A form of `survey` and `choices` (CSV text), loaded.
    private func form(_ survey: String, _ choices: String, settings: String = "form_id,version\nx,1\n") throws -> Instrument {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", survey)
        folder.write("form/choices.csv", choices)
        folder.write("form/settings.csv", settings)
        return try InstrumentLoader.load(folder.path + "/form")
    }

    /// Two "no answer" choices past a numbered scale (`6 Don't know`, `7 Prefer not to say`):
    /// each had been a point between the scale and the other, so a "Don't know" counted as 6 on
    /// a 1-5 scale (a probe: n 3 and mean 4.0 for 4, 2, 6, 7, where 2 and 3.0 are right).
    func testTwoNoRatingChoicesPastANumberedScaleAreNoRating() throws {
        let instrument = try form("type,name,label,topic,measure\nselect_one s,imp_a,A,a,importance\nselect_one s,comp_a,A,a,competence\n", """
            list_name,name,label
            s,-2,N/A
            s,-1,Don't know
            s,1,Not at all
            s,2,Slightly
            s,3,Hard to say
            s,4,Very
            s,5,Extremely
            s,6,Don't know
            s,7,Prefer not to say

            """)
        let scale = try XCTUnwrap(instrument.choiceLists["s"])
        XCTAssertEqual(["-2", "-1", "1", "2", "3", "4", "5", "6", "7"].map { scale.score(of: $0) }, [nil, nil, 1, 2, 3, 4, 5, nil, nil])
        XCTAssertEqual(instrument.findings.map(\.code), [])
        // The last labelled in other everyday words (a differential tester's: each had been a
        // 7th point, so `6 Don't know` one between points, and the form refused, 1-7 beside 1-5).
        for last in ["Rather not say", "I don't know", "Предпочитаю не отвечать", "Затрудняюсь с ответом", "No comment",
                     "Keeldun vastamast", "Negribu atbildēt", "Atsisakau atsakyti", "Decline to answer"] {
            let other = try form("type,name,label,topic,measure\nselect_one s,imp_a,A,a,importance\nselect_one t,comp_a,A,a,competence\n",
                                 "list_name,name,label\n" + (1...5).map { "s,\($0),P\($0)\nt,\($0),Q\($0)\n" }.joined()
                                    + "s,6,Don't know\ns,7,\(last)\n")
            XCTAssertEqual((1...7).map { other.choiceLists["s"]?.score(of: String($0)) }, [1, 2, 3, 4, 5, nil, nil], last)
            XCTAssertEqual(other.findings.map(\.code), [], last)
        }
    }

    /// A rating list whose labels run from the top down (`Very important` first, named by words
    /// and so scored 1; or named `1` for `Väga oluline`) had published the biggest need as none
    /// without a word (a probe: MWDS -4.44). It is said, at the list's first rating question.
    func testARatingScaleWhoseLabelsRunFromTheTopDownIsSaid() throws {
        let instrument = try form("""
            type,name,label,topic,measure
            select_one imp,imp_a,A,a,importance
            select_one comp,comp_a,A,a,competence
            select_one imp,imp_b,B,b,importance
            select_one comp,comp_b,B,b,competence

            """, """
            list_name,name,label::English (en),label::Eesti (et)
            imp,very,Very important,Väga oluline
            imp,rather,Rather important,Pigem oluline
            imp,little,Slightly important,Vähe oluline
            imp,not,Not at all important,Üldse mitte oluline
            imp,dk,Don't know,Ei oska öelda
            comp,1,Very high,Väga kõrge
            comp,2,High,Kõrge
            comp,3,Low,Madal
            comp,4,Very low,Väga madal

            """)
        XCTAssertEqual(instrument.findings.map(\.code), ["scale_reversed", "scale_reversed"])
        XCTAssertEqual(instrument.findings.map(\.line), [2, 3])
        XCTAssertEqual(instrument.findings.map(\.severity), [.warning, .warning])
        XCTAssertTrue(instrument.findings[0].message.hasPrefix("list `imp` scores `Very important` 1 and `Not at all important` 4"), instrument.findings[0].message)
        // Listed from the low end, by words or by numbers in any order, nothing is said.
        let upright = try form("type,name,label,topic,measure\nselect_one imp,imp_a,A,a,importance\nselect_one comp,comp_a,A,a,competence\n", """
            list_name,name,label::Latviešu (lv),label::Русский (ru)
            imp,not,Nav svarīgi,Не важно
            imp,very,Ļoti svarīgi,Очень важно
            comp,2,Ļoti augsta,Очень высокий
            comp,1,Ļoti zema,Очень низкий

            """)
        XCTAssertEqual(upright.findings.map(\.code), [])
        XCTAssertEqual(try InstrumentLoader.load(Paths.inputs + "/instrument").findings.map(\.code), [])
        // The two labels quoted are of one language (a helper's probe had `Labai svarbu`, the top in
        // Lithuanian, beside `Nemaz nav svarīgi`, the bottom in Latvian).
        let twoLanguages = try form("type,name,label,topic,measure\nselect_one imp,imp_a,A,a,importance\nselect_one comp,comp_a,A,a,competence\n", """
            list_name,name,label::Latviešu (lv),label::Lietuvių (lt)
            imp,very,Ļoti svarīgi,Labai svarbu
            imp,not,Nemaz nav svarīgi,Visai nesvarbu
            comp,1,Zema,Žema
            comp,2,Augsta,Aukšta

            """)
        let message = try XCTUnwrap(twoLanguages.findings.first { $0.code == "scale_reversed" }?.message)
        XCTAssertTrue(message.contains("`Labai svarbu` 1 and `Visai nesvarbu` 2") || message.contains("`Ļoti svarīgi` 1 and `Nemaz nav svarīgi` 2"),
                      message)
    }

    /// Which pairs of end labels read as a scale from the top down: the same word plain and
    /// negated, opposites, the utmost point above none. A reviewer's scales read right and wrong:
    /// a negation after other words (`Expert, no training needed`) says nothing.
    func testScaleEndsReadAsRunningFromTheTopDown() {
        let reversed: [(String, String)] = [
            ("Very important", "Not at all important"), ("Väga oluline", "Pole oluline"), ("Ļoti svarīgi", "Nemaz nav svarīgi"),
            ("Labai svarbu", "Visai nesvarbu"), ("Очень важно", "Совсем не важно"), ("Strongly agree", "Strongly disagree"),
            ("Very satisfied", "Very dissatisfied"), ("Very high", "Very low"), ("Labai aukšta", "Labai žema"), ("Очень высокий", "Очень низкий"),
            ("Always", "Never"), ("Alati", "Mitte kunagi"), ("Expert", "Beginner"), ("Very good", "Very bad"), ("Labai gerai", "Labai blogai"),
            ("Critical", "Not important"), ("Ekspert", "Puudub"), ("Эксперт", "Отсутствует"), ("Very high", "None"),
            // A second reviewer's: agreement, extent, priority, necessity, none in the plural.
            ("Täiesti nõus", "Täiesti nõus ei ole"), ("Täiesti nõustun", "Üldse ei nõustu"), ("Väga head", "Teadmised puuduvad"),
            ("Top priority", "Not a priority"), ("Very much", "Not at all"), ("Väga palju", "Mitte üldse"),
            ("Väga vajalik", "Mitte üldse vajalik"), ("Labai reikia", "Nereikia"), ("Очень нужно", "Не нужно"), ("Excellent", "Insufficient"),
        ]
        for (lowest, highest) in reversed {
            XCTAssertTrue(InstrumentLoader.runsTopDown(lowest: lowest, highest: highest), "\(lowest) … \(highest)")
            XCTAssertFalse(InstrumentLoader.runsTopDown(lowest: highest, highest: lowest), "\(highest) … \(lowest)")
        }
        for (lowest, highest) in [("Very limited knowledge", "Expert, no training needed"), ("Beginner", "Expert, no training needed"),
                                  ("Rarely", "Very often"), ("Little", "Very much")] {
            XCTAssertFalse(InstrumentLoader.runsTopDown(lowest: lowest, highest: highest), "\(lowest) … \(highest)")
        }
        // A competence scale in words of need, difficulty or gap runs from much to none: upright.
        for (lowest, highest) in [("Vajan palju koolitust", "Ei vaja koolitust"), ("Нужно много обучения", "Обучение не нужно"),
                                  ("High need for training", "No need for training"), ("Kõrge koolitusvajadus", "Koolitusvajadus puudub"),
                                  ("Raskusi on palju", "Raskusi ei ole"), ("Grūtību ir daudz", "Grūtību nav"), ("Трудностей много", "Трудностей нет"),
                                  ("Labai silpna", "Spragų nėra"), ("Very little", "Nothing more to learn"), ("Väga nõrk", "Puudujäägid puuduvad"),
                                  ("Many difficulties", "Difficulties: none")] {
            XCTAssertFalse(InstrumentLoader.runsTopDown(lowest: lowest, highest: highest, competence: true), "\(lowest) … \(highest)")
        }
    }

    /// A reviewer's false alarms: pyxform's older type spellings (`q note`, `add text prompt`,
    /// `location`, `phone number`, `uri:deviceid`) are no unknown types; a web address's `?` is
    /// no lost letter; a question holding the place by its name gives way to one marked so; a
    /// survey of the tool's metadata alone is an error.
    func testFalseAlarmsOfTheFormChecks() throws {
        let instrument = try form("""
            type,name,label,topic,measure,place
            select_one s,imp_a,A,a,importance,
            select_one s,comp_a,A,a,competence,
            q note,n1,See https://example.org/juhend?lang=et,,,
            add note prompt,,A note without a name,,,
            add text prompt,t1,T,,,
            location,l1,L,,,
            phone number,p1,P,,,
            uri:deviceid,d1,D,,,
            text,municipality,Municipality,,,
            text,home_municipality,Home,,,municipality

            """, "list_name,name,label\ns,1,Low\ns,2,High\n")
        XCTAssertEqual(instrument.findings.map(\.code), [])
        XCTAssertEqual(instrument.municipalityQuestion?.name, "home_municipality")
        XCTAssertNil(instrument.question(named: "municipality")?.place)
        XCTAssertEqual(brokenInstrument("type,name,label\nstart,start,\nend,end,\ntoday,today,\n")?.problems.map(\.code), ["instrument_no_questions"])
    }

    /// Blocks of KoboToolbox's form builder (`begin_kobomatrix`, `begin_rank`, `begin_score`),
    /// which pyxform refuses, had made the form unusable ("a `end_kobomatrix` question has no
    /// name"); a type misspelt outside the selects (`intger`, `txet`) was taken without a word.
    func testKoboFormBuilderBlocksAndUnknownTypesAreSaid() throws {
        let instrument = try form("""
            type,name,label,topic,measure,kobo--matrix_list
            select_one s,imp_a,A,a,importance,
            select_one s,comp_a,A,a,competence,
            begin_kobomatrix,contacts,How often,,,freq
            select_one freq,col_often,Often,,,
            end_kobomatrix,,,,,
            intger,age,Age,,,
            range,slider,Slider,,,

            """, "list_name,name,label\ns,1,Low\ns,2,High\nfreq,1,Never\nfreq,2,Often\n")
        XCTAssertEqual(instrument.findings.map(\.code), ["form_builder_block", "unknown_type"])
        XCTAssertEqual(instrument.findings.map(\.line), [4, 7])
        XCTAssertTrue(instrument.findings[0].message.hasPrefix("rows 4-6 are KoboToolbox's question matrix"), instrument.findings[0].message)
        XCTAssertNil(instrument.question(named: "col_often"))
        XCTAssertEqual(instrument.question(named: "age")?.kind, .other("intger"))
        // A topic rated inside such a block cannot be read: refused by name.
        let error = brokenInstrument("""
            type,name,label,topic,measure
            select_one scale,imp_t,T,t,importance
            begin_score,sc,Score,,
            score__row,comp_t,T,t,competence
            end_score,,,,

            """)
        XCTAssertEqual(error?.problems.map(\.code), ["form_builder_block", "topic_incomplete"])
        XCTAssertEqual(error?.problems.first?.line, 4)
    }

    /// Two questions holding the respondent's country (home and work) or municipality: the first
    /// had been taken without a word. Two demand questions are said by their rows.
    func testAPlaceOrDemandAskedTwiceIsRefusedByItsRows() throws {
        let twice = brokenInstrument("""
            type,name,label,topic,measure,place
            select_one scale,imp_t,T,t,importance,
            select_one scale,comp_t,T,t,competence,
            text,home,Home,,,municipality
            text,work,Work,,,municipality
            select_multiple t,want,Want,,demand,
            select_multiple t,want2,Want,,demand,

            """, choices: "list_name,name,label\nscale,1,Low\nscale,2,High\nt,t,T\n")
        XCTAssertEqual(twice?.problems.map(\.code).sorted(), ["duplicate_measure", "duplicate_place"])
        let place = try XCTUnwrap(twice?.problems.first { $0.code == "duplicate_place" })
        XCTAssertEqual(place.line, 5)
        XCTAssertTrue(place.message.contains("`work` holds the respondent's municipality, as `home` on row 4 does"), place.message)
        let demand = try XCTUnwrap(twice?.problems.first { $0.code == "duplicate_measure" })
        XCTAssertEqual(demand.line, 7)
        XCTAssertTrue(demand.message.contains("`want2` asks who wants training, as `want` on row 6 does"), demand.message)
    }

    /// A topic key the demand list writes in other capitals (`Legal-Status`, `legal-status`):
    /// its ticks had been dropped, the topic shown as not asked. One topic now, said. Topics
    /// the list names otherwise (`t1`) are said too.
    func testADemandChoiceNamingATopicInOtherCapitalsIsThatTopic() throws {
        let instrument = try form("""
            type,name,label,topic,measure
            select_one s,imp_l,L,Legal-Status,importance
            select_one s,comp_l,L,Legal-Status,competence
            select_one s,imp_i,I,interpreters,importance
            select_one s,comp_i,I,interpreters,competence
            select_one s,imp_g,G,gbv,importance
            select_one s,comp_g,G,gbv,competence
            select_multiple topics,want,Want,,demand

            """, "list_name,name,label\ns,1,Low\ns,2,High\ntopics,legal-status,L\ntopics,interpreters,I\ntopics,t3,G\ntopics,none,None\n")
        XCTAssertEqual(instrument.topics.map(\.key), ["legal-status", "interpreters", "gbv"])
        XCTAssertEqual(instrument.question(named: "imp_l")?.topic, "legal-status")
        XCTAssertEqual(instrument.findings.map(\.code), ["topic_key_case", "demand_topic_missing"])
        XCTAssertTrue(instrument.findings[1].message.hasPrefix("choice `t3` of the demand list `topics` is labelled as topic `gbv` but is not named by its key"),
                      instrument.findings[1].message)
        // A topic left out of the list on purpose, beside a choice of the form's own, is said nothing.
        let leftOut = try form("""
            type,name,label,topic,measure
            select_one s,imp_l,L,legal,importance
            select_one s,comp_l,L,legal,competence
            select_one s,imp_g,G,gbv,importance
            select_one s,comp_g,G,gbv,competence
            select_multiple topics,want,Want,,demand

            """, "list_name,name,label\ns,1,Low\ns,2,High\ntopics,legal,L\ntopics,not_interested,Not interested\n")
        XCTAssertEqual(leftOut.findings.map(\.code), [])
        // Nor a choice of one word that a topic's label holds (`Prevention`, `... burnout prevention`) as
        // that topic.
        let general = try form("""
            type,name,label,topic,measure
            select_one s,imp_l,L,legal,importance
            select_one s,comp_l,L,legal,competence
            select_one s,imp_w,Staff wellbeing and burnout prevention,wellbeing,importance
            select_one s,comp_w,Staff wellbeing and burnout prevention,wellbeing,competence
            select_multiple topics,want,Want,,demand

            """, "list_name,name,label\ns,1,Low\ns,2,High\ntopics,legal,L\ntopics,prevention,Prevention\ntopics,housing,Housing\n")
        // Its ticks and those of a training offered but not rated (`housing`, a helper's probe:
        // dropped without a word) are in no figure: said in one note.
        XCTAssertEqual(general.findings.map(\.code), ["demand_choice_no_topic"])
        XCTAssertEqual(general.findings.map(\.severity), [.note])
        XCTAssertEqual(general.findings.first?.line, 6)
        XCTAssertTrue(general.findings.first?.message.hasPrefix("choice(s) `prevention`, `housing` of the demand list `topics` name no topic") == true,
                      general.findings.first?.message ?? "")
        let aggregator = Aggregator(instrument: instrument)
        var answers = [Answer?](repeating: nil, count: instrument.questions.count)
        answers[instrument.questionIndex["want"]!] = .choices(["legal-status"])
        let t = try XCTUnwrap(aggregator.topicKeys.firstIndex(of: "legal-status"))
        XCTAssertTrue(aggregator.demands(topic: t, answer: answers[instrument.questionIndex["want"]!]))
        XCTAssertTrue(aggregator.demandAsked[t])
    }

    /// A settings sheet of two rows, a default language no label column is in, and a survey
    /// sheet of headings alone had been taken without a word (the last then blamed on the exports).
    func testSettingsAndASurveyOfHeadingsAloneAreSaid() throws {
        let instrument = try form("type,name,label::English (en),topic,measure\nselect_one s,imp_a,A,a,importance\nselect_one s,comp_a,A,a,competence\n",
                                  "list_name,name,label::English (en)\ns,1,Low\ns,2,High\n",
                                  settings: "form_id,version,default_language\nx,1,Deutsch (de)\ny,2,\n")
        XCTAssertEqual(instrument.formID, "x")
        XCTAssertEqual(instrument.findings.map(\.code), ["settings_rows", "default_language_unused"])
        XCTAssertEqual(instrument.findings.map(\.line), [3, 2])
        XCTAssertEqual(instrument.findings[1].column, 3)
        let empty = brokenInstrument("type,name,label,topic,measure\n")
        XCTAssertEqual(empty?.problems.map(\.code), ["instrument_no_questions"])
    }

    /// Labels whose letters Excel's "CSV" wrote as `?` (Russian saved on a Baltic Windows): every
    /// answer in that language had been blamed on the export. The form's column is named.
    func testLabelsWithLettersLostToQuestionMarksAreSaid() throws {
        let instrument = try form("""
            type,name,label::English (en),label::??????? (ru),topic,measure
            select_one s,imp_a,What matters?,????? ??????,a,importance
            select_one s,comp_a,Why? Because,Pa?vald?ba,a,competence

            """, "list_name,name,label::English (en),label::??????? (ru)\ns,1,Low,??????\ns,2,High,Высоко\n")
        XCTAssertEqual(instrument.findings.map(\.code), ["text_lost", "text_lost"])
        XCTAssertEqual(instrument.findings.map(\.file).map { ($0 as NSString).lastPathComponent }, ["survey.csv", "choices.csv"])
        XCTAssertEqual(instrument.findings.map(\.column), [4, 4])
        XCTAssertTrue(instrument.findings[0].message.hasPrefix("2 label(s) of column `label::??????? (ru)`"), instrument.findings[0].message)
        XCTAssertTrue(instrument.findings[1].message.hasPrefix("1 label(s)"), instrument.findings[1].message)
        XCTAssertFalse(InstrumentLoader.lostLetters("What matters? Why??"))
    }

    /// Groups nested past any form's need are refused, once: a hostile form of 2,000 nested groups
    /// took 69 s and 10 GB to load (a helper's probe). 64 levels load, with their questions' paths.
    func testGroupsNestedTooDeepAreRefused() throws {
        func nested(_ depth: Int) -> String {
            var survey = "type,name,label,topic,measure\n"
            for k in 0..<depth { survey += "begin_group,g\(k),G\n" }
            survey += "select_one scale,imp_a,A,a,importance\nselect_one scale,comp_a,A,a,competence\n"
            for _ in 0..<depth { survey += "end_group,,\n" }
            return survey
        }
        let deep = try form(nested(64), "list_name,name,label\nscale,1,Low\nscale,2,High\n")
        XCTAssertEqual(deep.question(named: "imp_a")?.groupPath.count, 64)
        let tooDeep = try XCTUnwrap(brokenInstrument(nested(2_000)))
        XCTAssertEqual(tooDeep.problems.map(\.code), ["groups_too_deep"])
        XCTAssertEqual(tooDeep.problems.first?.line, 66)
    }

    /// A typo in `begin_group` is a warning (`unknown_type`), and the `end_group` below then
    /// closes no group, an error: the error alone had been shown, sending the designer to the
    /// wrong row (a helper's probe). The warnings come with the errors.
    func testWarningsAreShownWithTheErrors() throws {
        let error = try XCTUnwrap(brokenInstrument("""
            type,name,label,topic,measure
            begin_grop,g,G
            select_one scale,imp_a,A,a,importance
            select_one scale,comp_a,A,a,competence
            end_group,,

            """))
        XCTAssertEqual(error.problems.map(\.code), ["unmatched_group"])
        XCTAssertEqual(error.warnings.map(\.code), ["unknown_type"])
        XCTAssertEqual(error.warnings.first?.line, 2)
        XCTAssertTrue(error.description.contains(":2:1: warning: "), error.description)
    }

    private func brokenInstrument(_ survey: String, choices: String = "list_name,name,label\nscale,1,Low\nscale,2,High\nt,a,A\n") -> InstrumentError? {
        do {
            _ = try form(survey, choices)
            return nil
        } catch let error as InstrumentError {
            return error
        } catch {
            XCTFail("\(error)")
            return nil
        }
    }

    /// XLSForm: a name twice in a choice list is an error unless the settings sheet says
    /// `allow_choice_duplicates` `yes`; then the form is read, the name is one choice, and an answer
    /// given as either row's label is that choice. The setting was not read: the form was refused.
    func testAllowChoiceDuplicates() throws {
        let survey = "type,name,label\nselect_one role,role,Role\n"
        let choices = "list_name,name,label::English (en),label::Eesti (et)\nrole,teacher,Teacher,Õpetaja\n"
            + "role,social,Social worker,Sotsiaaltöötaja\nrole,teacher,School teacher,Kooliõpetaja\n"
        let refused = try XCTUnwrap(brokenInstrument(survey, choices: choices))
        XCTAssertEqual(refused.problems.map(\.code), ["duplicate_choice"])
        XCTAssertEqual(refused.problems.first?.line, 4)
        XCTAssertEqual(refused.problems.first?.column, 2)
        XCTAssertTrue(refused.problems.first?.message.contains("allow_choice_duplicates") ?? false, "\(refused.problems)")
        for (value, allowed) in [("yes", true), ("Yes", true), ("true()", true), ("no", false)] {
            let folder = TemporaryFolder()
            folder.write("form/survey.csv", survey)
            folder.write("form/choices.csv", choices)
            folder.write("form/settings.csv", "form_id,version,allow_choice_duplicates\nx,1,\(value)\n")
            guard allowed else {
                XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/form"), value)
                continue
            }
            let instrument = try InstrumentLoader.load(folder.path + "/form")
            let list = try XCTUnwrap(instrument.choiceLists["role"])
            XCTAssertEqual(list.choices.map(\.name), ["teacher", "social"], value)
            let matcher = ChoiceMatcher(list: list)
            for label in ["School teacher", "Kooliõpetaja", "Teacher", "teacher"] {
                guard case let .matched(name, _) = matcher.match(label) else { return XCTFail("\(label) unmatched") }
                XCTAssertEqual(name, "teacher", label)
            }
        }
    }

    func testBrokenInstrumentsNameSheetRowAndColumn() throws {
        let header = "type,name,label,topic,measure\n"
        let unknownList = try XCTUnwrap(brokenInstrument(header + "select_one nolist,q1,Q,,\n"))
        XCTAssertEqual(unknownList.problems.first?.code, "unknown_list")
        XCTAssertEqual(unknownList.problems.first?.line, 2)
        XCTAssertEqual(unknownList.problems.first?.column, 1)
        XCTAssertTrue(unknownList.problems.first!.file.hasSuffix("survey.csv"))

        let duplicate = try XCTUnwrap(brokenInstrument(header + "text,q1,Q,,\ntext,q1,Q again,,\n"))
        XCTAssertEqual(duplicate.problems.map(\.code), ["duplicate_name"])
        XCTAssertEqual(duplicate.problems.first?.line, 3)
        XCTAssertEqual(duplicate.problems.first?.column, 2)

        let halfTopic = try XCTUnwrap(brokenInstrument(header + "select_one scale,imp_a,A,a,importance\n"))
        XCTAssertEqual(halfTopic.problems.map(\.code), ["topic_incomplete"])
        XCTAssertEqual(halfTopic.problems.first?.column, 4)
        XCTAssertTrue(halfTopic.description.contains("competence"))

        // A choice without a name was a choice named "".
        let unnamed = try XCTUnwrap(brokenInstrument("type,name,label\nselect_one scale,q1,Q\n", choices: "list_name,name,label\nscale,1,Low\nscale,,Middle\nscale,3,High\n"))
        XCTAssertEqual(unnamed.problems.map(\.code), ["missing_name"])
        XCTAssertEqual(unnamed.problems.first?.line, 3)
        XCTAssertEqual(unnamed.problems.first?.column, 2)
        XCTAssertTrue(unnamed.problems.first!.file.hasSuffix("choices.csv"))

        // Importance and competence on different scales: the gap was computed all the same.
        let scales = try XCTUnwrap(brokenInstrument("type,name,label,topic,measure\nselect_one scale,imp_a,A,a,importance\nselect_one four,comp_a,A,a,competence\nselect_one scale,imp_b,B,b,importance\nselect_one words,comp_b,B,b,competence\n",
            choices: "list_name,name,label\nscale,1,Low\nscale,2,High\nfour,1,1\nfour,2,2\nfour,3,3\nfour,4,4\nwords,low,Low\nwords,high,High\nwords,dk,Don't know\n"))
        XCTAssertEqual(scales.problems.map(\.code), ["scale_mismatch"])
        XCTAssertEqual(scales.problems.first?.line, 3)
        XCTAssertTrue(scales.description.contains("rates importance 1-2 but competence 1-4"), scales.description)

        // Topics filled in, but the `measure` column misspelt: the form loaded with no topics.
        let unmeasured = try XCTUnwrap(brokenInstrument("type,name,label,topic,measures\nselect_one scale,imp_a,A,a,importance\nselect_one scale,comp_a,A,a,competence\n"))
        XCTAssertEqual(unmeasured.problems.map(\.code), ["topic_without_measure"])
        XCTAssertEqual(unmeasured.problems.first?.line, 2)
        XCTAssertEqual(unmeasured.problems.first?.column, 4)
        XCTAssertTrue(unmeasured.description.contains("no `measure` column"), unmeasured.description)

        // A group closed twice, or never: the questions below it were put in it, and nothing said so.
        let groups = try XCTUnwrap(brokenInstrument("type,name,label\nbegin_group,g,G\ntext,q1,Q\nend_group,,\nend group,,\nbegin repeat,r,R\ntext,q2,Q\n"))
        XCTAssertEqual(groups.problems.map(\.code), ["unmatched_group", "unmatched_group"])
        XCTAssertEqual(groups.problems.map(\.line), [5, 6])
        XCTAssertTrue(groups.description.contains("repeat `r` is never closed"), groups.description)

        // A select misspelt was a text question.
        let typo = try XCTUnwrap(brokenInstrument("type,name,label\nselct_one scale,q1,Q\nselect_multi t,q2,Q\ngeopoint,q3,Q\nrange,q4,Q\nrank scale,q5,Q\n"))
        XCTAssertEqual(typo.problems.map(\.code), ["unknown_type", "unknown_type"])
        XCTAssertEqual(typo.problems.map(\.line), [2, 3])
        XCTAssertEqual(typo.problems.first?.column, 1)

        // A place the loader does not know was read as no place, and the respondents' places were unknown.
        let place = try XCTUnwrap(brokenInstrument("type,name,label,place\ntext,town,Town,Municipality \ntext,kommune,Kommune,omavalitsus\n"))
        XCTAssertEqual(place.problems.map(\.code), ["unknown_place"])
        XCTAssertEqual(place.problems.first?.line, 3)
        XCTAssertEqual(place.problems.first?.column, 4)

        let measureOnText = try XCTUnwrap(brokenInstrument(header + "text,imp_a,A,a,importance\nselect_one scale,comp_a,A,a,competence\n"))
        XCTAssertEqual(measureOnText.problems.map(\.code), ["measure_on_non_select"])
        XCTAssertEqual(measureOnText.problems.first?.line, 2)
        XCTAssertEqual(measureOnText.problems.first?.column, 5)
    }

    /// pyxform refuses a group without a name ('Question or group with no name') and a group
    /// closed by the other kind's end ('Unmatched end_repeat'); both loaded: the nameless group's
    /// questions were under a group named "", and `end_repeat` closed a `begin_group` unsaid.
    func testGroupStructurePyxformRefusesNamesItsRow() throws {
        let nameless = try XCTUnwrap(brokenInstrument("type,name,label\nbegin_group,,Household\ntext,q1,Q\nend_group,,\n"))
        XCTAssertEqual(nameless.problems.map(\.code), ["missing_name"])
        XCTAssertEqual(nameless.problems.first?.line, 2)
        XCTAssertEqual(nameless.problems.first?.column, 2)
        XCTAssertTrue(nameless.description.contains("a `begin_group` row has no name"), nameless.description)

        let crossed = try XCTUnwrap(brokenInstrument(
            "type,name,label\nbegin_group,hh,H\ntext,q1,Q\nend_repeat,,\nbegin_repeat,kids,K\ntext,q2,Q\nend group,,\ntext,q3,Q\n"))
        XCTAssertEqual(crossed.problems.map(\.code), ["unmatched_group", "unmatched_group"])
        XCTAssertEqual(crossed.problems.map(\.line), [4, 7])
        XCTAssertEqual(crossed.problems.map(\.column), [1, 1])
        XCTAssertTrue(crossed.problems[0].message.contains("`end_repeat` closes group `hh` (begun on row 2), which ends with `end_group`"), crossed.description)
        XCTAssertTrue(crossed.problems[1].message.contains("`end group` closes repeat `kids` (begun on row 5)"), crossed.description)

        // Nested right, the form loads and each question knows its path.
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "type,name,label\nbegin_group,hh,H\nbegin_repeat,kids,K\ntext,q1,Q\nend_repeat,,\nend_group,,\ntext,q2,Q\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.questions.map(\.groupPath), [["hh", "kids"], []])
        XCTAssertEqual(instrument.questions.map(\.inRepeat), [true, false])
    }

    /// pyxform refuses a name twice within one group or repeat (or outside any) alone: the same
    /// name in two groups is two questions, known by their group paths. Such a form was refused
    /// (duplicate_name); a name twice in one group, a group named as a question beside it, and
    /// two repeats of one name (each its own table) are still refused, at the second's name cell.
    func testTheSameNameInTwoGroupsIsTwoQuestions() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "type,name,label\ninteger,age,Your age\nbegin_group,hh,Household\ninteger,age,Age\n"
            + "begin_group,info,Info\ntext,note,N\nend_group,,\nend_group,,\nbegin_group,child,Child\ninteger,age,Age\n"
            + "begin_group,info,Info\ntext,note,N\nend_group,,\nend_group,,\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.questions.map(\.key), ["age", "hh/age", "hh/info/note", "child/age", "child/info/note"])
        XCTAssertEqual(instrument.question(named: "child/age")?.row, 10)
        XCTAssertEqual(instrument.question(named: "age")?.row, 2)
        XCTAssertEqual(instrument.groups.keys.sorted(), ["child", "child/info", "hh", "hh/info"])
        XCTAssertEqual(instrument.groups["child/info"]?.row, 11)

        let twice = try XCTUnwrap(brokenInstrument("type,name,label\nbegin_group,hh,H\ninteger,age,A\ninteger,age,A\nend_group,,\n"
            + "text,x,X\nbegin_group,x,X\nend_group,,\nbegin_group,a,A\nbegin_repeat,kids,K\ntext,q1,Q\nend_repeat,,\nend_group,,\n"
            + "begin_repeat,kids,K\ntext,q2,Q\nend_repeat,,\n"))
        XCTAssertEqual(twice.problems.map(\.code), ["duplicate_name", "duplicate_name", "duplicate_name"])
        XCTAssertEqual(twice.problems.map(\.line), [4, 7, 14])
        XCTAssertEqual(twice.problems.map(\.column), [2, 2, 2])
        XCTAssertTrue(twice.problems[0].message.contains("`age` is used twice in group `hh` (first on row 3)"), twice.description)
        XCTAssertTrue(twice.problems[1].message.contains("`x` is used twice outside any group (first on row 6)"), twice.description)
        XCTAssertTrue(twice.problems[2].message.contains("repeat `kids` is named twice (first on row 10)"), twice.description)
    }

    /// pyxform reads `begin` or `end`, `_` or a space, then `group`, `repeat`, or the older names
    /// of a repeat `lgroup` and `looped group`: a form with `begin lgroup` ... `end lgroup` read
    /// the begin row as a question of type `begin` and its end as closing no group (an error).
    func testTheOlderNamesOfARepeatArePyxformsToo() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "type,name,label\nbegin lgroup,kids,K\ntext,q1,Q\nend lgroup,,\n"
            + "begin_looped group,pets,P\ntext,q2,Q\nend_looped group,,\nBEGIN_GROUP,hh,H\ntext,q3,Q\nEnd  Group,,\n"
            + "begin group x,g,G\ntext,q4,Q\nend group,,\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.questions.map(\.name), ["q1", "q2", "q3", "q4"])
        XCTAssertEqual(instrument.questions.map(\.groupPath), [["kids"], ["pets"], ["hh"], ["g"]])
        XCTAssertEqual(instrument.questions.map(\.inRepeat), [true, true, false, false])
        // A repeat so named closed by `end_group` is the other kind's end, as for `begin_repeat`.
        let crossed = try XCTUnwrap(brokenInstrument("type,name,label\nbegin lgroup,kids,K\ntext,q1,Q\nend_group,,\n"))
        XCTAssertEqual(crossed.problems.map(\.code), ["unmatched_group"])
    }

    /// A rating or demand question whose list is a file (`select_one_from_file scale.csv`): its
    /// answers are kept as written (b494639), but its scale is not on the choices sheet, so no
    /// answer could be scored or read as a topic: the topic's figures were blank without a word.
    /// An error at its measure cell, as a measure on a question of another type is.
    func testAMeasureOnASelectFromAFileIsAnError() throws {
        let broken = try XCTUnwrap(brokenInstrument("type,name,label,topic,measure\nselect_one_from_file scale.csv,imp_a,Imp A,a,importance\n"
            + "select_one scale,comp_a,Comp A,a,competence\nselect_multiple_from_file topics.csv,wanted,Wanted,,demand\n",
            choices: "list_name,name,label\nscale,1,Low\nscale,2,Mid\nscale,3,High\n"))
        XCTAssertEqual(broken.problems.map(\.code), ["measure_from_file", "measure_from_file"])
        XCTAssertEqual(broken.problems.map(\.line), [2, 4])
        XCTAssertEqual(broken.problems.map(\.column), [5, 5])
        XCTAssertTrue(broken.problems[0].message.contains("`select_one_from_file scale.csv`"), broken.description)
    }

    /// A note without a name (a welcome text) is read as pyxform reads it, which names it
    /// itself: the form was refused ('a `note` question has no name'). Any other type still needs one.
    func testANoteWithoutANameIsNoError() throws {
        XCTAssertNil(brokenInstrument("type,name,label\nnote,,Welcome\nnote , ,Thanks\ntext,q1,Q\n"))
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "type,name,label\nnote,,Welcome\ntext,q1,Q\nnote,bye,Bye\n")
        XCTAssertEqual(try InstrumentLoader.load(folder.path + "/form").questions.map(\.name), ["q1", "bye"])
        let calculation = try XCTUnwrap(brokenInstrument("type,name,label,calculation\ncalculate,,,1+1\n"))
        XCTAssertEqual(calculation.problems.map(\.code), ["missing_name"])
        XCTAssertEqual(calculation.problems.first?.line, 2)
    }

    func testLanguagesNamedWithoutACodeGetTheirCode() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", """
            type,name,label::English,label::Lietuvių,label::латышский,label::et,label::Klingon,topic,measure
            select_one scale,imp_a,Topic A,Tema A,Тема А,Teema A,A,a,importance
            select_one scale,comp_a,Topic A,Tema A,Тема А,Teema A,A,a,competence

            """)
        folder.write("form/choices.csv", "list_name,name,label::English,label::LIETUVIU\nscale,1,Low,Žemas\nscale,2,High,Aukštas\n")
        folder.write("form/settings.csv", "form_id,version,default_language\nx,1,English\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        // English, Lithuanian in itself (and without its diacritic, in capitals), Latvian named in
        // Russian, Estonian by its code; an unknown language keeps its name.
        XCTAssertEqual(instrument.languages.map(\.key), ["en", "lt", "lv", "et", "klingon"])
        XCTAssertEqual(instrument.defaultLanguage, "en")
        XCTAssertEqual(instrument.topicLabel("a", language: "lt"), "Tema A")
        XCTAssertEqual(instrument.choiceLists["scale"]?.choice(named: "2")?.label("lt"), "Aukštas")
        XCTAssertEqual(Language(columnSuffix: "Latviešu (lv)").key, "lv")
        XCTAssertEqual(Language(columnSuffix: "Suomi").key, "suomi")
        // A code with its region, or a name in the brackets: the language's code (the key was
        // `en-gb`, `estonian`, and no report or --lang found the labels).
        XCTAssertEqual(["English (en-GB)", "Eesti (et_EE)", "Eesti (Estonian)", "Français (fr-FR)", "English ()"]
            .map { Language(columnSuffix: $0).key }, ["en", "et", "et", "fr", "en"])
        // Named in full, with the word for language (the name was kept, and no report found its labels).
        XCTAssertEqual(["Eesti keel", "Latviešu valoda", "Lietuvių kalba", "Русский язык", "English language", "Українська мова"]
            .map { Language(columnSuffix: $0).key }, ["et", "lv", "lt", "ru", "en", "uk"])
    }

    /// A folder with the sheets named in another case, or with the form as the workbook the tool
    /// gave (Excel's lock file beside it), is read; with several workbooks the message names them.
    func testAFolderWithCapitalisedSheetsOrOneWorkbook() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey", "choices", "settings"] {
            let text = try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8)
            folder.write("caps/\(sheet.capitalized).csv", text)
        }
        XCTAssertEqual(try InstrumentLoader.load(folder.path + "/caps").topics.count, 8)

        let workbook = try XCTUnwrap(FileManager.default.contents(
            atPath: Paths.corpora + "/real-exports/kobo-paleocore-artifacts/artifact-kobotoolbox.xlsx"))
        folder.write("one/artifact.xlsx", Array(workbook))
        folder.write("one/~$artifact.xlsx", "lock")
        XCTAssertEqual(try InstrumentLoader.load(folder.path + "/one/").languages.map(\.key), ["en", "ru"])
        // summary.json's digest is the workbook's (sha256sum of the corpus file).
        XCTAssertEqual(SummaryJSON.instrumentDigest(folder.path + "/one"),
                       "d3f604d1b04583775b5f1e269714a3ec6214065124525eb29726dd033a4d7a09")

        folder.write("two/a.xlsx", Array(workbook))
        folder.write("two/b.xlsx", Array(workbook))
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/two")) { error in
            XCTAssertTrue("\(error)".contains("2 .xlsx workbooks (a.xlsx, b.xlsx)"), "\(error)")
        }
        // A form saved as Excel 97-2003 (.xls): named for what it is, not "not a ZIP archive".
        folder.write("old/form.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/old/form.xls")) { error in
            XCTAssertTrue("\(error)".contains("an Excel 97-2003 workbook (.xls)"), "\(error)")
        }
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/old")) { error in
            XCTAssertTrue("\(error)".contains("but form.xls, an Excel 97-2003 workbook, which `needs` does not read: save it as .xlsx"), "\(error)")
        }
        folder.write("none/notes.txt", "x")
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/none")) { error in
            XCTAssertTrue("\(error)".contains("the folder has no survey.csv"), "\(error)")
        }
    }

    /// An instrument file of 0 bytes (a download or a copy that failed) is named empty: it was
    /// "not a ZIP archive" (an .xlsx) or "needs `type` and `name` columns" (a sheet), which sent
    /// the user looking at the file's format or columns.
    func testAnEmptyInstrumentFileIsNamedEmpty() throws {
        let folder = TemporaryFolder()
        let workbook = folder.write("form.xlsx", "")
        XCTAssertThrowsError(try InstrumentLoader.load(workbook)) { error in
            XCTAssertTrue("\(error)".contains("the file is empty (0 bytes)"), "\(error)")
        }
        folder.write("sheets/survey.csv", "")
        folder.write("sheets/choices.csv", "")
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/sheets")) { error in
            XCTAssertTrue("\(error)".contains("survey.csv:1: error: the survey sheet is empty"), "\(error)")
            XCTAssertTrue("\(error)".contains("choices.csv:1: error: the choices sheet is empty"), "\(error)")
        }
    }

    /// One sheet of a form saved as CSV given as the instrument (`--instrument form/survey.csv`)
    /// is named for what it is, with the folder to give: it was "not a readable .xlsx workbook:
    /// not a ZIP archive".
    func testASheetGivenAsTheInstrumentPointsToItsFolder() throws {
        let folder = TemporaryFolder()
        let survey = folder.write("form/Survey.CSV", "type,name,label\ntext,comments,Comments\n")
        XCTAssertThrowsError(try InstrumentLoader.load(survey)) { error in
            XCTAssertEqual("\(error)", "\(survey): error: one sheet of an XLSForm saved as CSV, not the form: give --instrument "
                           + "the folder holding survey.csv, choices.csv and settings.csv (\(folder.path)/form) [instrument_unreadable]")
        }
    }

    /// An export given as the instrument (`--instrument Downloads/Narva.csv`, the file meant as
    /// an input) is named a CSV file that is not the form: it was called one sheet of an XLSForm,
    /// and the folder to give was its own, which holds no form.
    func testAnExportGivenAsTheInstrumentIsNotCalledASheet() throws {
        let folder = TemporaryFolder()
        let export = folder.write("Downloads/Narva.csv", "country;municipality;role\nEE;Narva;teacher\n")
        XCTAssertThrowsError(try InstrumentLoader.load(export)) { error in
            XCTAssertEqual("\(error)", "\(export): error: a CSV file, not the form (an export is given as an input, after the "
                           + "options): give --instrument a folder with survey.csv, choices.csv, settings.csv or an .xlsx XLSForm "
                           + "[instrument_unreadable]")
        }
    }

    /// A folder with `survey.csv` reads it, as before sheets were found in any case, when an
    /// Excel copy `Survey.csv` (an older version saved beside it) is there too: the listing's
    /// order put `Survey.csv` first and it was read instead.
    func testTheSheetNamedExactlyWinsOverOneInAnotherCase() throws {
        let folder = TemporaryFolder()
        for sheet in ["survey", "choices", "settings"] {
            folder.write("form/\(sheet).csv", try String(contentsOfFile: Paths.inputs + "/instrument/\(sheet).csv", encoding: .utf8))
        }
        folder.write("form/Survey.csv", "type,name,label\ntext,comments,Comments\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.topics.count, 8)
        XCTAssertEqual(InstrumentLoader.files(of: folder.path + "/form").map { InputFiles.lastComponent($0) },
                       ["survey.csv", "choices.csv", "settings.csv"])
    }

    /// The type spellings pyxform accepts besides `select_one LIST`, and `or_other`: the tool adds
    /// an `other` choice (labelled in the form's languages), and its text column is never read.
    func testSelectTypeAliasesAndOrOther() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", """
            type,name,label::English (en),label::Eesti (et),topic,measure
            select one scale,imp_a,A,A,a,importance
            select1 scale,comp_a,A,A,a,competence
            select all that apply topics or_other,wanted,W,W,,demand
            select_one role or_other,role,R,R,,
            select_one_external town,town,T,T,,
            add select one prompt using scale,q5,Q,Q,,
            select_one\u{A0}scale,q6,Q,Q,,

            """)
        folder.write("form/choices.csv", "list_name,name,label::English (en),label::Eesti (et)\nscale,1,Low,Madal\nscale,2,High,Kõrge\ntopics,a,A,A\nrole,teacher,Teacher,Õpetaja\ntown,x,X,X\n")
        folder.write("form/settings.csv", "form_id,version\nx,1\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.topics, [Topic(key: "a", importanceQuestion: "imp_a", competenceQuestion: "comp_a")])
        XCTAssertEqual(instrument.question(named: "wanted")?.kind, .selectMultiple("topics or_other"))
        XCTAssertEqual(instrument.question(named: "role")?.kind, .selectOne("role or_other"))
        XCTAssertEqual(instrument.question(named: "role")?.orOther, true)
        XCTAssertEqual(instrument.question(named: "town")?.kind, .selectOne("town"))
        XCTAssertEqual(instrument.question(named: "q5")?.kind, .selectOne("scale"))
        XCTAssertEqual(instrument.question(named: "q6")?.kind, .selectOne("scale"), "a no-break space between the words")
        XCTAssertEqual(instrument.choiceLists["role or_other"]?.choices.map(\.name), ["teacher", "other"])
        XCTAssertEqual(instrument.choiceLists["role or_other"]?.choice(named: "other")?.labels, ["en": "Other", "et": "Muu", "": "Other"])
        // The list itself is as the choices sheet has it, for questions without or_other.
        XCTAssertEqual(instrument.choiceLists["role"]?.choices.map(\.name), ["teacher"])

        let mapper = ColumnMapper(instrument: instrument)
        XCTAssertEqual(mapper.resolve("role_other"), .personal)
        XCTAssertEqual(mapper.resolve("wanted_other"), .personal)
        let wanted = try XCTUnwrap(instrument.questions.firstIndex { $0.name == "wanted" })
        XCTAssertEqual(mapper.resolve("wanted/other"), .choice(question: wanted, choice: "other"))
    }

    /// pyxform's other spellings of a select from a file (`select one from file towns.csv`, `select
    /// multiple from file towns.csv`) name the file after `from file`, and `select_one_external`'s
    /// list is on the `external_choices` sheet, not `choices`: the loader read `file` and `from` as
    /// list names and refused the three as unknown lists (exit 2), where the form loaded before.
    func testSelectFromFileSpelledWithSpacesAndExternalSelects() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", """
            type,name,label::English (en),topic,measure
            select_one scale,imp_a,A,a,importance
            select_one scale,comp_a,A,a,competence
            select one from file towns.csv,town,T,,
            select multiple from file towns.csv or_other,towns,T,,
            select_one_external district,district,D,,

            """)
        folder.write("form/choices.csv", "list_name,name,label::English (en)\nscale,1,Low\nscale,2,High\n")
        folder.write("form/external_choices.csv", "list_name,name,label\ndistrict,d1,D1\n")
        folder.write("form/settings.csv", "form_id,version\nx,1\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.question(named: "town")?.kind, .selectOne("towns.csv"))
        XCTAssertEqual(instrument.question(named: "towns")?.kind, .selectMultiple("towns.csv"))
        XCTAssertEqual(instrument.question(named: "towns")?.orOther, true)
        XCTAssertEqual(instrument.question(named: "district")?.kind, .selectOne("district"))
    }

    /// A workbook as the Open XML SDK writes it: elements with a namespace prefix (`x:row`), the
    /// shared strings at a name of its own (found through the relations), inline strings, and
    /// choice names stored as numbers; sheets named in capitals.
    func testAWorkbookWithPrefixedElementsAndItsOwnPartNames() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/form.xlsx"
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        func add(_ name: String, _ xml: String) throws { try addPart(archive, name, xml) }
        let ns = "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        try add("xl/workbook.xml", "<x:workbook \(ns)><x:sheets><x:sheet name=\"Survey\" sheetId=\"1\" r:id=\"R1\"/><x:sheet name=\"Choices\" sheetId=\"2\" r:id=\"R2\"/></x:sheets></x:workbook>")
        try add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/one.xml"/>\
            <Relationship Id="R2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/two.xml"/>\
            <Relationship Id="R3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/SharedStrings.xml"/>\
            </Relationships>
            """)
        try add("xl/SharedStrings.xml", "<x:sst \(ns)><x:si><x:t>type</x:t></x:si><x:si><x:t>name</x:t></x:si><x:si><x:r><x:t>label::English </x:t></x:r><x:r><x:t>(en)</x:t></x:r></x:si></x:sst>")
        func cell(_ reference: String, _ content: String) -> String {
            if let index = Int(content) { return "<x:c r=\"\(reference)\"><x:v>\(index)</x:v></x:c>" }
            return "<x:c r=\"\(reference)\" t=\"inlineStr\"><x:is><x:t>\(content)</x:t></x:is></x:c>"
        }
        func shared(_ reference: String, _ index: Int) -> String { "<x:c r=\"\(reference)\" t=\"s\"><x:v>\(index)</x:v></x:c>" }
        try add("xl/worksheets/one.xml", "<x:worksheet \(ns)><x:sheetData>"
            + "<x:row r=\"1\">\(shared("A1", 0))\(shared("B1", 1))\(shared("C1", 2))</x:row>"
            + "<x:row r=\"3\">\(cell("A3", "select_one scale"))\(cell("B3", "q1"))\(cell("C3", "How much?"))</x:row>"
            + "</x:sheetData></x:worksheet>")
        try add("xl/worksheets/two.xml", "<x:worksheet \(ns)><x:sheetData>"
            + "<x:row r=\"1\">\(cell("A1", "list_name"))\(shared("B1", 1))\(shared("C1", 2))</x:row>"
            + "<x:row r=\"2\">\(cell("A2", "scale"))\(cell("B2", "1"))\(cell("C2", "Little"))</x:row>"
            + "<x:row r=\"3\">\(cell("A3", "scale"))\(cell("B3", "2"))\(cell("C3", "Much"))</x:row>"
            + "</x:sheetData></x:worksheet>")
        let instrument = try InstrumentLoader.load(path)
        XCTAssertEqual(instrument.languages.map(\.key), ["en"])
        let question = try XCTUnwrap(instrument.question(named: "q1"))
        XCTAssertEqual(question.kind, .selectOne("scale"))
        XCTAssertEqual(question.row, 3)
        XCTAssertEqual(question.labels["en"], "How much?")
        XCTAssertEqual(instrument.choiceLists["scale"]?.choices.map(\.name), ["1", "2"])
        XCTAssertEqual(instrument.choiceLists["scale"]?.choice(named: "2")?.labels["en"], "Much")
    }

    /// `anonymise` as forms write it: `true()` (as `required` takes it), or the method UNHCR's
    /// kobocruncher reads there (`remove`, `reference`); only `yes` was read, and such questions
    /// went on to the clean records. A `report` or `panel` that is neither yes nor no is an error.
    func testAnonymiseMarkedAsFormsWriteIt() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", """
            type,name,label,required,anonymise,report
            text,a,A,true(),true(),
            text,b,B,,remove,
            select_one yn,c,C,,reference,
            text,d,D,TRUE,default-non-anonymised,yes
            text,e,E,,no,TRUE
            text,f,F,,,

            """)
        folder.write("form/choices.csv", "list_name,name,label\nyn,y,Yes\n")
        folder.write("form/settings.csv", "form_id,version\nx,1\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.questions.map(\.anonymise), [true, true, true, false, false, false])
        XCTAssertEqual(instrument.questions.map(\.report), [false, false, false, true, true, false])
        XCTAssertEqual(instrument.questions.map(\.required), [true, false, false, true, false, false])
        let mapper = ColumnMapper(instrument: instrument)
        XCTAssertEqual(["a", "b", "c", "d"].map { mapper.resolve($0) }, [.personal, .personal, .personal, .question(3)])

        // The place marked anonymise was never read: no respondent had a municipality, and nothing said so.
        let place = try XCTUnwrap(brokenInstrument("type,name,label,anonymise\ntext,municipality,M,yes\ntext,email,E,yes\n"))
        XCTAssertEqual(place.problems.map(\.code), ["anonymised_place"])
        XCTAssertEqual(place.problems.first?.line, 2)
        XCTAssertEqual(place.problems.first?.column, 4)

        let unknown = try XCTUnwrap(brokenInstrument("type,name,label,report,panel\ntext,q1,Q,x,\ntext,q2,Q,,ja\n"))
        XCTAssertEqual(unknown.problems.map(\.code), ["unknown_flag", "unknown_flag"])
        XCTAssertEqual(unknown.problems.map(\.line), [2, 3])
        XCTAssertEqual(unknown.problems.map(\.column), [4, 5])
    }

    /// A damaged workbook is said to be one: a choices sheet whose XML breaks off had been read up
    /// to the break (choices lost without a word), a cell whose shared string is not in the
    /// workbook had been read as its index (`999999` for a label heading), and a workbook without
    /// its shared strings had been said to have no `type` column (a helper's probes).
    func testADamagedWorkbookIsSaidToBeDamaged() throws {
        let folder = TemporaryFolder()
        let survey = row(1, ["type", "name", "label", "topic", "measure"]) + row(2, ["select_one s", "imp_a", "A", "a", "importance"])
            + row(3, ["select_one s", "comp_a", "A", "a", "competence"])
        let choices = row(1, ["list_name", "name", "label"]) + row(2, ["s", "1", "Low"]) + row(3, ["s", "2", "High"])
        try workbook(folder.path + "/whole.xlsx", [("survey", survey), ("choices", choices)])
        XCTAssertEqual(try InstrumentLoader.load(folder.path + "/whole.xlsx").choiceLists["s"]?.choices.count, 2)
        // The choices sheet's XML cut inside its third row.
        let cut = String(choices.prefix(choices.count - 20))
        try workbook(folder.path + "/cut.xlsx", [("survey", survey), ("choices", cut)])
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/cut.xlsx")) { error in
            XCTAssertTrue("\(error)".contains("its part `xl/worksheets/s1.xml` is damaged (its XML breaks off or is malformed"), "\(error)")
        }
        let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>type</t></si></sst>"
        let shared = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>999999</v></c></row>"
        try workbook(folder.path + "/strings.xlsx", [("survey", shared), ("choices", choices)], extra: [("xl/sharedStrings.xml", strings)])
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/strings.xlsx")) { error in
            XCTAssertTrue("\(error)".contains("cell B1 of sheet `survey` refers to shared string 999999, but the workbook has 1"), "\(error)")
        }
        // An OpenDocument spreadsheet is said to be one.
        let ods = try Archive(url: URL(fileURLWithPath: folder.path + "/form.ods"), accessMode: .create)
        try addPart(ods, "mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        try addPart(ods, "content.xml", "<office:document-content/>")
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/form.ods")) { error in
            XCTAssertTrue("\(error)".contains("an OpenDocument spreadsheet, .ods: save it as .xlsx or CSV"), "\(error)")
        }
        try workbook(folder.path + "/nostrings.xlsx", [("survey", shared), ("choices", choices)])
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/nostrings.xlsx")) { error in
            XCTAssertTrue("\(error)".contains("cell A1 of sheet `survey` refers to shared string 0, but the workbook has 0 (its `sharedStrings.xml` is missing or damaged)"),
                          "\(error)")
        }
    }

    private func workbook(_ path: String, _ sheets: [(name: String, rows: String)], extra: [(part: String, xml: String)] = [],
                          workbookProperties: String = "") throws {
        try writeWorkbook(path, sheets, extra: extra, workbookProperties: workbookProperties)
    }

    private func row(_ number: Int, _ cells: [String]) -> String { workbookRow(number, cells) }

    /// Choice names a library (pandas, openpyxl) stored as the numbers `1.0`, `2.0`: pyxform reads
    /// them as `1`, `2`, the values the tools export; they were read as `1.0` and every answer of
    /// the rating questions was unknown. The settings are the first row with a value (a
    /// formatted empty row above it was read as the settings, and form_id and version were lost).
    func testWholeNumbersStoredWithAFractionAreReadAsPyxformReadsThem() throws {
        let folder = TemporaryFolder()
        try workbook(folder.path + "/form.xlsx", [
            ("survey", row(1, ["type", "name", "label", "topic", "measure"])
                + row(2, ["select_one scale", "imp_a", "A", "a", "importance"])
                + row(3, ["select_one scale", "comp_a", "A", "a", "competence"])),
            ("choices", row(1, ["list_name", "name", "label"]) + row(2, ["scale", "#1.0", "Low"])
                + row(3, ["scale", "#2.0E0", "Middle"]) + row(4, ["scale", "#3", "High"]) + row(5, ["half", "#2.5", "Half"])
                + row(7, ["numbered", "#1.1000000000000001", "#2.2000000000000002"]) + row(8, ["numbered", "#1E-3", "#0.30000000000000004"])
                + row(6, ["text", "1.0", "Typed as text"])),
            ("settings", row(1, ["form_id", "version"]) + "<row r=\"2\"><c r=\"A2\" s=\"1\"/></row>" + row(3, ["x", "#2025.0"])),
        ])
        let instrument = try InstrumentLoader.load(folder.path + "/form.xlsx")
        XCTAssertEqual(instrument.choiceLists["scale"]?.choices.map(\.name), ["1", "2", "3"])
        XCTAssertEqual(instrument.choiceLists["half"]?.choices.map(\.name), ["2.5"])
        // Excel's seventeen digits of a typed 1.1 are 1.1, as Python prints the number.
        XCTAssertEqual(instrument.choiceLists["numbered"]?.choices.map(\.name), ["1.1", "0.001"])
        XCTAssertEqual(instrument.choiceLists["numbered"]?.choices.map { $0.labels[""] }, ["2.2", "0.30000000000000004"])
        XCTAssertEqual(instrument.version, "2025")
        XCTAssertEqual(instrument.formID, "x", "the settings below a formatted empty row")
        // Text that looks like a number is kept as written.
        XCTAssertEqual(instrument.choiceLists["text"]?.choices.map(\.name), ["1.0"])
    }

    /// The demand question's choices must be the topic keys: with other names, every topic's
    /// demand share read 0 (nobody asked for training) and nothing said why. A topic left out of
    /// the list (not offered as a training) is no error: its demand figures are blank, not 0.
    func testDemandChoicesThatAreNotTopicKeysAreAnError() throws {
        let header = "type,name,label,topic,measure\nselect_one scale,imp_a,A,a,importance\nselect_one scale,comp_a,A,a,competence\n"
            + "select_one scale,imp_b,B,b,importance\nselect_one scale,comp_b,B,b,competence\n"
        let renamed = try XCTUnwrap(brokenInstrument(header + "select_multiple wanted,training,T,,demand\n",
                                                     choices: "list_name,name,label\nscale,1,Low\nscale,2,High\nwanted,topic_a,A\nwanted,topic_b,B\nwanted,none,None\n"))
        XCTAssertEqual(renamed.problems.map(\.code), ["demand_topic_missing"])
        XCTAssertEqual(renamed.problems.first?.line, 6)
        XCTAssertEqual(renamed.problems.first?.column, 5)
        XCTAssertTrue(renamed.description.contains("none named `a`, `b` (its other choices: `topic_a`, `topic_b`, `none`)"), renamed.description)
        // Every topic a choice, and others beside them (`none`): the form is right.
        XCTAssertNil(brokenInstrument(header + "select_multiple wanted,training,T,,demand\n",
                                      choices: "list_name,name,label\nscale,1,Low\nscale,2,High\nwanted,a,A\nwanted,b,B\nwanted,none,None\n"))
        // `b` not offered: the form loads.
        XCTAssertNil(brokenInstrument(header + "select_multiple wanted,training,T,,demand\n",
                                      choices: "list_name,name,label\nscale,1,Low\nscale,2,High\nwanted,a,A\nwanted,none,None\n"))
    }

    /// Questions inside `begin_repeat` are answered once per repeat, in a table of their own and
    /// not in the main export: a required one is not missing from it (every file got a
    /// `questions_missing` warning), and one that rates a topic or holds the place is an error.
    func testQuestionsInARepeatAreNotInTheMainExport() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", """
            type,name,label,required,topic,measure
            select_one scale,imp_a,A,yes,a,importance
            begin repeat,visits,Visits,,,
            text,country,Country visited,yes,,
            begin_group,details,Details,,,
            text,note_text,Note,yes,,
            end_group,,,,,
            end repeat,,,,,
            select_one scale,comp_a,A,yes,a,competence

            """)
        folder.write("form/choices.csv", "list_name,name,label\nscale,1,Low\nscale,2,High\n")
        folder.write("form/settings.csv", "form_id,version\nx,1\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.questions.map(\.inRepeat), [false, true, true, false])
        XCTAssertNil(instrument.countryQuestion, "a country visited, one per repeat, is not the respondent's")
        XCTAssertEqual(instrument.question(named: "comp_a")?.groupPath, [])

        var options = RunOptions()
        options.instrumentPath = folder.path + "/form"
        options.inputs = [folder.write("export.csv", "imp_a,comp_a\n1,2\n")]
        let outcome = try Pipeline.check(options)
        XCTAssertEqual(outcome.respondents, 1)
        XCTAssertFalse(outcome.firstIssues.contains { $0.code == "questions_missing" }, "\(outcome.firstIssues)")

        let rated = try XCTUnwrap(brokenInstrument("type,name,label,topic,measure\nbegin_repeat,r,R,,\nselect_one scale,imp_a,A,a,importance\nend_repeat,,,,\nselect_one scale,comp_a,A,a,competence\n"))
        XCTAssertEqual(rated.problems.map(\.code), ["in_repeat"])
        XCTAssertEqual(rated.problems.first?.line, 3)
        XCTAssertEqual(rated.problems.first?.column, 5)
    }

    /// The sheets saved as CSV are read row by row as the form has them: the reader's guesses
    /// for hand-made exports (a totals row, a note under the table, the header again) left out a
    /// choice list named `total_staff`, `average` or `Kokku` and said nothing (a note the loader
    /// does not show), and the questions using it had an unknown list.
    func testChoiceListsNamedLikeTotalsAreRead() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", """
            type,name,label
            begin_group,g,G
            select_one total_staff,staff,Staff
            select_one average,hours,Hours
            select_one Kokku,sum,Sum
            end_group,,

            """)
        folder.write("form/choices.csv", """
            list_name,name,label
            total_staff,1,1-10
            total_staff,2,11-50
            average,1,Less
            average,2,More
            Kokku,1,Üks
            list_name,name,label
            Kokku,2,Kaks

            """)
        folder.write("form/settings.csv", "form_id,version\nx,1\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.choiceLists["total_staff"]?.choices.map(\.name), ["1", "2"])
        XCTAssertEqual(instrument.choiceLists["average"]?.choices.map(\.name), ["1", "2"])
        XCTAssertEqual(instrument.choiceLists["Kokku"]?.choices.map(\.name), ["1", "2"])
        XCTAssertEqual(instrument.choiceLists["list_name"]?.choices.map(\.name), ["name"])
    }

    /// A plain `label` column is in the form's `default_language` (as pyxform reads it): a form
    /// in Estonian alone had no language, and its Estonian report was written in English.
    func testAPlainLabelIsInTheDefaultLanguage() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "type,name,label,topic,measure\nselect_one scale,imp_a,Teema A,a,importance\nselect_one scale,comp_a,Teema A,a,competence\n")
        folder.write("form/choices.csv", "list_name,name,label\nscale,1,Madal\nscale,2,Kõrge\n")
        folder.write("form/settings.csv", "form_id,version,default_language\nx,1,Eesti (et)\n")
        let instrument = try InstrumentLoader.load(folder.path + "/form")
        XCTAssertEqual(instrument.languages.map(\.key), ["et"])
        XCTAssertEqual(instrument.question(named: "imp_a")?.labels, ["": "Teema A", "et": "Teema A"])
        XCTAssertEqual(instrument.choiceLists["scale"]?.choice(named: "2")?.label("et"), "Kõrge")
        let report = ReportBuilder(instrument: instrument, aggregator: Aggregator(instrument: instrument), differences: [],
                                   outcome: RunOutcome(), dateRange: nil).countryReport("EE")
        XCTAssertEqual(report.language, "et")

        // Beside translations, the plain column fills the default language's gaps only.
        folder.write("two/survey.csv", "type,name,label,label::English (en)\ntext,q,Küsimus,Question\n")
        folder.write("two/settings.csv", "form_id,default_language\nx,English (en)\n")
        let two = try InstrumentLoader.load(folder.path + "/two")
        XCTAssertEqual(two.languages.map(\.key), ["en"])
        XCTAssertEqual(two.question(named: "q")?.labels, ["": "Küsimus", "en": "Question"])
        // A default language named as a column's language is named, with or without its code.
        folder.write("fr/survey.csv", "type,name,label::English (en),label::Français (fr)\ntext,q,Question,Question FR\n")
        folder.write("fr/settings.csv", "form_id,default_language\nx,Français\n")
        XCTAssertEqual(try InstrumentLoader.load(folder.path + "/fr").defaultLanguage, "fr")
        folder.write("fr2/survey.csv", "type,name,label::English (en),label::Français\ntext,q,Question,Question FR\n")
        folder.write("fr2/settings.csv", "form_id,default_language\nx,Français (fr)\n")
        XCTAssertEqual(try InstrumentLoader.load(folder.path + "/fr2").defaultLanguage, "français")
        // Without a default language, the plain column's language is not known.
        folder.write("three/survey.csv", "type,name,label\ntext,q,Küsimus\n")
        XCTAssertEqual(try InstrumentLoader.load(folder.path + "/three").languages.map(\.key), [])
    }

    /// A workbook whose survey sheet is named otherwise (`Survey 2`) says which sheets it has.
    func testAWorkbookWithoutASurveySheetNamesItsSheets() throws {
        let folder = TemporaryFolder()
        try workbook(folder.path + "/form.xlsx", [("Survey 2", row(1, ["type", "name"])), ("Choices", row(1, ["list_name", "name"]))])
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/form.xlsx")) { error in
            XCTAssertTrue("\(error)".contains("no `survey` sheet (its sheets: `choices`, `survey 2`)"), "\(error)")
        }
    }

    /// Sheet tabs named with spaces around (`survey `, `choices `, ` settings`), which Excel shows
    /// as the names, are the form's sheets: the choices were not read (every select's list
    /// `not on the choices sheet`) and the settings were lost without a word. A sheet named
    /// exactly wins over one that only trims to its name.
    func testSheetNamesWithSpacesAroundAreTheSheets() throws {
        let folder = TemporaryFolder()
        try workbook(folder.path + "/form.xlsx", [
            ("Survey ", row(1, ["type", "name", "label"]) + row(2, ["select_one yn", "q", "Q"])),
            ("choices ", row(1, ["list_name", "name", "label"]) + row(2, ["yn", "yes", "Yes"])),
            (" Settings", row(1, ["form_id", "version"]) + row(2, ["spaced", "1"])),
            ("settings", row(1, ["form_id", "version"]) + row(2, ["exact", "2"])),
        ])
        let instrument = try InstrumentLoader.load(folder.path + "/form.xlsx")
        XCTAssertEqual(instrument.questions.map(\.name), ["q"])
        XCTAssertEqual(instrument.choiceLists["yn"]?.choices.map(\.name), ["yes"])
        XCTAssertEqual(instrument.formID, "exact")
    }

    /// A sheet lacking a needed column says which, and what its first row holds (a title above
    /// the headings, a heading misspelt): it said 'needs `type` and `name` columns' whichever
    /// was missing. Without the choices sheet's columns, no select is also said to name a list
    /// that is not there (one error per select hid the one that matters).
    func testAMissingColumnIsNamedWithTheFirstRow() throws {
        let folder = TemporaryFolder()
        try workbook(folder.path + "/title.xlsx", [("survey", row(1, ["Training needs 2025"]) + row(2, ["type", "name", "label"]))])
        let title = try XCTUnwrap(brokenInstrumentAt(folder.path + "/title.xlsx"))
        XCTAssertEqual(title.problems.map(\.message), [
            "the survey sheet has no `type` or `name` column: its first row must be the column headings, and holds `Training needs 2025`"])
        folder.write("typo/survey.csv", "Type of question,name,label\nselect_one yn,q,Q\n")
        XCTAssertEqual(try XCTUnwrap(brokenInstrumentAt(folder.path + "/typo")).problems.map(\.message), [
            "the survey sheet has no `type` column: its first row must be the column headings, and holds `Type of question`, `name`, `label`"])
        folder.write("list/survey.csv", "type,name,label\nselect_one yn,q,Q\nselect_multiple yn,r,R\n")
        folder.write("list/choices.csv", "list,name,label,a,b,c,d,e,f\nyn,yes,Yes\n")
        let list = try XCTUnwrap(brokenInstrumentAt(folder.path + "/list"))
        XCTAssertEqual(list.problems.map(\.message), [
            "the choices sheet has no `list_name` column: its first row must be the column headings, and holds `list`, `name`, `label`, `a`, `b`, `c`, `d`, `e`, ..."])
        XCTAssertEqual(list.problems.map(\.code), ["instrument_columns"])
    }

    /// A form without a choices sheet (named `options`, or choices.csv not saved) says so once:
    /// each select was 'choice list `x` is not on the choices sheet', and nothing said there
    /// was no such sheet. A select from a file needs none.
    func testAFormWithoutAChoicesSheetSaysSoOnce() throws {
        let folder = TemporaryFolder()
        try workbook(folder.path + "/form.xlsx", [
            ("survey", row(1, ["type", "name", "label"]) + row(2, ["select_one_from_file m.csv", "m", "M"])
                + row(3, ["select_one yn", "q", "Q"]) + row(4, ["select_multiple yn", "r", "R"]) + row(5, ["select_one yn", "s", "S"])),
            ("options", row(1, ["list_name", "name"]) + row(2, ["yn", "yes"])),
        ])
        let workbookError = try XCTUnwrap(brokenInstrumentAt(folder.path + "/form.xlsx"))
        XCTAssertEqual(workbookError.problems.map(\.description), [
            folder.path + "/form.xlsx#survey:3:1: error: the XLSForm has no `choices` sheet (its sheets: `options`, `survey`), which "
                + "`select_one yn` and 2 other select(s) need for their choice list (cell A3) [instrument_no_choices]"])
        folder.write("csv/survey.csv", "type,name,label\nselect_one yn,q,Q\n")
        XCTAssertEqual(try XCTUnwrap(brokenInstrumentAt(folder.path + "/csv")).problems.map(\.message), [
            "the form's folder has no choices.csv, which `select_one yn` needs for its choice list"])
        folder.write("file/survey.csv", "type,name,label\nselect_one_from_file m.csv,m,M\n")
        XCTAssertNoThrow(try InstrumentLoader.load(folder.path + "/file"))
    }

    /// A form downloaded from KoboToolbox's form builder holds the names it made in `$autoname`
    /// (choices: `$autovalue`), with `name` blank where the designer kept them: each such
    /// question was 'a `text` question has no name', each such choice 'has no name'.
    func testKoboFormBuilderAutonamesAreTheNames() throws {
        let folder = TemporaryFolder()
        folder.write("kobo/survey.csv", "type,$kuid,$autoname,name,label\nselect_one yn,k1,Do_you_agree,,Do you agree?\n"
                     + "text,k2,Comment,why,Why?\nbegin_group,k3,Group,,G\nend_group,k4,,,\n")
        folder.write("kobo/choices.csv", "list_name,$kuid,$autovalue,name,label\nyn,k5,yes,,Yes\nyn,k6,no,n,No\n")
        let instrument = try InstrumentLoader.load(folder.path + "/kobo")
        XCTAssertEqual(instrument.questions.map(\.name), ["Do_you_agree", "why"])
        XCTAssertEqual(instrument.choiceLists["yn"]?.choices.map(\.name), ["yes", "n"])
        XCTAssertEqual(Array(instrument.groups.keys), ["Group"])
        folder.write("auto/survey.csv", "type,$autoname,label\ntext,Comment,Why?\n")
        XCTAssertEqual(try InstrumentLoader.load(folder.path + "/auto").questions.map(\.name), ["Comment"])
    }

    /// A choice row whose list_name is blank (merged down from the list's first row, which
    /// keeps the value alone) is an error at that cell: it was dropped without a word, a rating
    /// scale of five read as one of two. A row with no name either stays a blank row.
    func testAChoiceWithoutAListIsAnError() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "type,name,label\nselect_one scale,q,Q\n")
        folder.write("form/choices.csv", "list_name,name,label\nscale,1,Low\n,2,Middle\n,3,High\n,,\n,,A note\n")
        let error = try XCTUnwrap(brokenInstrumentAt(folder.path + "/form"))
        XCTAssertEqual(error.problems.map(\.code), ["missing_list", "missing_list"])
        XCTAssertEqual(error.problems.map(\.line), [3, 4])
        XCTAssertEqual(error.problems.map(\.column), [1, 1])
        XCTAssertEqual(error.problems.first?.message,
                       "choice `2` has no list_name; write its list's name on every row of the list (merged cells keep it on the first row alone)")
    }

    /// A survey row with a name but no type is an error at the type cell, as pyxform's
    /// 'Question with no type': it was dropped without a word. A row of a label alone (a
    /// designer's note) stays skipped.
    func testAQuestionWithoutATypeIsAnError() throws {
        let folder = TemporaryFolder()
        folder.write("form/survey.csv", "label,type,name\nQ,text,q\nR,,r\nA note,,\n")
        let error = try XCTUnwrap(brokenInstrumentAt(folder.path + "/form"))
        XCTAssertEqual(error.problems.map(\.code), ["missing_type"])
        XCTAssertEqual(error.problems.map(\.line), [3])
        XCTAssertEqual(error.problems.map(\.column), [2])
        XCTAssertEqual(error.problems.first?.message, "question `r` has no type; write its type (text, select_one LIST, ...)")
    }

    private func brokenInstrumentAt(_ path: String) -> InstrumentError? {
        do { _ = try InstrumentLoader.load(path); return nil } catch { return error as? InstrumentError }
    }

    /// A workbook's problem names its cell as Excel does (`E3`): the location's column is a
    /// number (`form.xlsx#survey:3:5`), which a designer had to count across. A sheet saved as
    /// CSV keeps the location alone.
    func testAWorkbookProblemNamesItsCell() throws {
        let folder = TemporaryFolder()
        try workbook(folder.path + "/form.xlsx", [
            ("survey", row(1, ["type", "name", "label", "topic", "measure"]) + row(2, ["text", "q", "Q"])
                + row(3, ["select_one s", "imp_a", "A", "a", "importanse"])),
            ("choices", row(1, ["list_name", "name"]) + row(2, ["s", "1"])),
        ])
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/form.xlsx")) { error in
            XCTAssertEqual((error as? InstrumentError)?.problems.first?.description,
                           folder.path + "/form.xlsx#survey:3:5: error: measure `importanse` is not importance, competence or demand (cell E3) [unknown_measure]")
        }
        folder.write("csv/survey.csv", "type,name,label,topic,measure\ntext,q,Q,,\nselect_one s,imp_a,A,a,importanse\n")
        folder.write("csv/choices.csv", "list_name,name\ns,1\n")
        XCTAssertThrowsError(try InstrumentLoader.load(folder.path + "/csv")) { error in
            XCTAssertEqual((error as? InstrumentError)?.problems.first?.description,
                           folder.path + "/csv/survey.csv:3:5: error: measure `importanse` is not importance, competence or demand [unknown_measure]")
        }
    }

    /// A number cell styled as a date is the date Excel shows: a version typed `2025-01`, which
    /// Excel makes the date 1 January 2025, was read as its day count 45658 (the report's
    /// 'version 45658'). Built-in date formats (14, 22) and the workbook's own (`yyyy\-mm`,
    /// `[h]:mm`, not `0.00 "days"`) are dates; a 1904-based workbook counts from 1904.
    func testDateCellsAreReadAsDates() throws {
        let folder = TemporaryFolder()
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let styles = ("xl/styles.xml", "<styleSheet \(main)><numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot; days&quot;\"/><numFmt numFmtId=\"166\" formatCode=\"[h]:mm\"/></numFmts>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
            + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"22\"/><xf numFmtId=\"166\"/></cellXfs></styleSheet>")
        func settings(_ cells: String) -> [(name: String, rows: String)] {
            [("survey", row(1, ["type", "name", "label"]) + row(2, ["text", "q", "Q"])),
             ("settings", row(1, ["form_id", "version", "form_title"]) + "<row r=\"2\">\(cells)</row>")]
        }
        try workbook(folder.path + "/a.xlsx", settings("<c r=\"A2\" s=\"2\"><v>45658</v></c><c r=\"B2\" s=\"1\"><v>45658</v></c>"
            + "<c r=\"C2\" s=\"4\"><v>45658.5</v></c>"), extra: [styles])
        let a = try InstrumentLoader.load(folder.path + "/a.xlsx")
        XCTAssertEqual([a.formID, a.version, a.formTitle], ["2025-01-01", "2025-01-01", "2025-01-01 12:00:00"])
        try workbook(folder.path + "/b.xlsx", settings("<c r=\"A2\" s=\"3\"><v>45658</v></c><c r=\"B2\"><v>45658</v></c>"
            + "<c r=\"C2\" s=\"1\"><v>59</v></c>"), extra: [styles])
        let b = try InstrumentLoader.load(folder.path + "/b.xlsx")
        XCTAssertEqual([b.formID, b.version, b.formTitle], ["45658", "45658", "1900-02-28"])
        try workbook(folder.path + "/c.xlsx", settings("<c r=\"A2\" s=\"5\"><v>0.75</v></c><c r=\"B2\" s=\"1\"><v>44196</v></c>"),
                     extra: [styles], workbookProperties: "<workbookPr date1904=\"1\"/>")
        let c = try InstrumentLoader.load(folder.path + "/c.xlsx")
        XCTAssertEqual([c.formID, c.version], ["18:00:00", "2025-01-01"])
    }

    /// A label typed `10%` is stored as 0.1 styled as a percentage: it read `0.1`, in the
    /// reports and in matching an export's headings. Labels are read as Excel shows them (the
    /// built-in `0%` and `0.00%`, a format of the workbook's own); a choice's name stays the
    /// number pyxform reads (0.1), the value the tools export.
    func testPercentLabelsAreReadAsExcelShowsThem() throws {
        let folder = TemporaryFolder()
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let styles = ("xl/styles.xml", "<styleSheet \(main)><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0%;[Red]\\-0.0%\"/></numFmts>"
            + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"10\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>")
        func cell(_ reference: String, _ style: Int, _ value: String) -> String { "<c r=\"\(reference)\" s=\"\(style)\"><v>\(value)</v></c>" }
        try workbook(folder.path + "/form.xlsx", [
            ("survey", row(1, ["type", "name", "label"]) + row(2, ["select_one share", "q", "Share of newcomers"])),
            ("choices", row(1, ["list_name", "name", "label::English (en)"])
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>share</t></is></c>\(cell("B2", 1, "0.1"))\(cell("C2", 1, "0.1"))</row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>share</t></is></c>\(cell("B3", 0, "2"))\(cell("C3", 2, "0.125"))</row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>share</t></is></c>\(cell("B4", 0, "3"))\(cell("C4", 3, "0.125"))</row>"
                + "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>share</t></is></c>\(cell("B5", 0, "4"))\(cell("C5", 1, "0.125"))</row>"
                + "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>share</t></is></c>\(cell("B6", 0, "5"))\(cell("C6", 0, "0.5"))</row>"),
        ], extra: [styles])
        let instrument = try InstrumentLoader.load(folder.path + "/form.xlsx")
        let choices = try XCTUnwrap(instrument.choiceLists["share"]?.choices)
        XCTAssertEqual(choices.map(\.name), ["0.1", "2", "3", "4", "5"])
        XCTAssertEqual(choices.map { $0.labels["en"] }, ["10%", "12.50%", "12.5%", "13%", "0.5"])
        // A labels export of the tools, which read the number, answers `0.125`: that choice too.
        XCTAssertEqual(choices.map(\.otherLabels), [["0.1"], ["0.125"], ["0.125"], ["0.125"], []])
        let matcher = ChoiceMatcher(list: try XCTUnwrap(instrument.choiceLists["share"]))
        XCTAssertEqual(matcher.match("10%"), .matched("0.1", loose: false))
        XCTAssertEqual(matcher.match("12.5%"), .matched("3", loose: false))
    }

    /// A percentage is shown as Excel shows it, rounded half away from zero on the number's
    /// decimal digits (Excel's fifteen): 0.285 with `0%` is 29%, and was read 28%, as 0.285 × 100
    /// is 28.499999999999996 in binary; likewise 0.145 (15%) and 0.28505 with `0.00%` (28.51%).
    func testPercentLabelsRoundAsExcelShowsThem() {
        XCTAssertEqual(XLSXWorkbook.percentText("0.285", decimals: 0), "29%")
        XCTAssertEqual(XLSXWorkbook.percentText("0.145", decimals: 0), "15%")
        XCTAssertEqual(XLSXWorkbook.percentText("0.28505", decimals: 2), "28.51%")
        XCTAssertEqual(XLSXWorkbook.percentText("-0.125", decimals: 0), "-13%")
        XCTAssertEqual(XLSXWorkbook.percentText("0.1", decimals: 0), "10%")
        XCTAssertEqual(XLSXWorkbook.percentText("0.57", decimals: 1), "57.0%")
        XCTAssertEqual(XLSXWorkbook.percentText("1.5E-3", decimals: 2), "0.15%")
        XCTAssertNil(XLSXWorkbook.percentText("text", decimals: 0))
        // Past what a decimal holds: the number as stored, never a crash or `nan%`.
        XCTAssertNil(XLSXWorkbook.percentText("1E300", decimals: 0))
    }

    /// Excel stores a character XML cannot hold as `_xHHHH_` (the carriage return of a label
    /// pasted from a Windows text: `_x000D_`), and `_` before such a sequence as `_x005F_`. They
    /// were read as written: the label showed `_x000D_` and matched no export's heading.
    func testExcelEscapesInStringsAreRead() throws {
        let folder = TemporaryFolder()
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        try workbook(folder.path + "/form.xlsx", [
            ("survey", row(1, ["type", "name", "label"]) + row(2, ["text", "q", "Why?_x000D_\n(one line)"])
                + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"C3\" t=\"s\"><v>2</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>\"text\"</f><v>text</v></c><c r=\"B4\" t=\"inlineStr\"><is><t>r</t></is></c>"
                + "<c r=\"C4\" t=\"str\"><v>A_x0009_B</v></c></row>"),
        ], extra: [("xl/sharedStrings.xml", "<sst \(main)><si><t>text</t></si><si><t>code_x005F_x000D_</t></si>"
                    + "<si><r><t>Tab_x0009_</t></r><r><rPr><b/></rPr><t>bed _xZZZZ_ _x00</t></r></si></sst>")])
        let instrument = try InstrumentLoader.load(folder.path + "/form.xlsx")
        XCTAssertEqual(instrument.questions.map(\.name), ["q", "code_x000D_", "r"])
        XCTAssertEqual(instrument.questions.map { $0.labels[""] }, ["Why?\r\n(one line)", "Tab\tbed _xZZZZ_ _x00", "A\tB"])
    }

    func testMissingInstrumentSaysWhatToDo() {
        XCTAssertThrowsError(try InstrumentLoader.load("/nonexistent/instrument")) { error in
            XCTAssertTrue("\(error)".contains("survey.csv"))
        }
    }
}
