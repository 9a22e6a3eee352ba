import Foundation

/// What a form that loads may still have wrong: said as warnings with each run's findings
/// (`Instrument.findings`), not refused, as the designer may have meant it.
extension InstrumentLoader {
    /// The blocks of KoboToolbox's form builder (`begin_kobomatrix` ... `end_kobomatrix`), which
    /// pyxform refuses, by the word after `begin_`, with what the builder calls them.
    static let builderBlocks: [String: String] = ["kobomatrix": "question matrix", "rank": "ranking", "score": "scoring"]

    /// XLSForm's question types besides the selects, the meta types and the ones read by kind
    /// (text, integer, ...): kept as typed. Any other word is a typo pyxform refuses.
    static let otherTypes: Set<String> = [
        "range", "geopoint", "geotrace", "geoshape", "image", "photo", "audio", "video", "file", "barcode", "acknowledge",
        "rank", "trigger", "xml-external", "csv-external", "background-geopoint", "osm", "string", "select_one_external",
        "select_multiple_external", "begin", "end", "instanceid", "phone", "deviceid", "location", "gps", "imei",
        // pyxform's older spelling `uri:deviceid` (`q int`, `add text prompt` are read by their second word).
        "uri:deviceid", "uri:subscriberid", "uri:simserial", "uri:phonenumber", "uri:username", "uri:email",
        "hidden", "datetime", "time", "date", "int",
    ]

    /// The deepest groups and repeats may nest (`groups_too_deep`).
    static let maxGroupDepth = 64

    /// Names of a demand list's choices that ask for no training on a topic (`none`,
    /// `not_interested`, `other`), as `TextKey.loose` keys them: no note that they are no topic.
    static let noTrainingChoices: Set<String> = Set([
        "none", "no", "nothing", "other", "other_topic", "not_interested", "no_interest", "no_training", "dont_know", "do_not_know",
        "don't know", "na", "n/a", "n_a", "none_of_the_above", "none_of_these", "prefer_not", "prefer_not_to_say", "muu", "cits", "kita",
        "другое", "ei", "nē", "ne", "нет",
    ].map { TextKey.loose($0) })

    /// A rating list whose labels run from the top down (`Very important` scored 1, `Not
    /// important` 5): its scores run the wrong way for Borich's gap, which needs higher for more
    /// important or more competent. Said once per list, at its first rating question.
    static func checkScales(_ lists: [String: ChoiceList], questions: [Question], topics: [Topic], survey: Sheet, typeColumn: Int?,
                            warn: (Sheet, Int?, Int?, String, String) -> Void) {
        var said: Set<String> = []
        let rating = Set(topics.flatMap { [$0.importanceQuestion, $0.competenceQuestion].compactMap { $0 } })
        for question in questions where rating.contains(question.key) {
            guard let name = question.kind.listName, !said.contains(name), let list = lists[name] else { continue }
            let points = list.ratingScores.sorted { $0.score < $1.score }
            guard points.count >= 2, let lowest = list.choice(named: points.first!.name), let highest = list.choice(named: points.last!.name)
            else { continue }
            // A list that rates competence reads words of need the other way (one that rates both
            // measures is read so too: which way it runs cannot be told).
            let competence = questions.contains { question in
                question.kind.listName == name && topics.contains { $0.competenceQuestion == question.key }
            }
            // The two labels quoted are of one language, the first (by its code) that runs top
            // down: the lowest point's label in one and the highest's in another read as a pair of
            // two languages' words (`Labai svarbu` and `Nemaz nav svarīgi`, a helper's probe).
            let reversedIn = lowest.labels.keys.sorted().first { language in
                guard let label = lowest.labels[language], let other = highest.labels[language] else { return false }
                return runsTopDown(lowest: label, highest: other, competence: competence)
            }
            guard let language = reversedIn else { continue }
            said.insert(name)
            let low = lowest.labels[language] ?? lowest.name, high = highest.labels[language] ?? highest.name
            func text(_ score: Double) -> String { score == score.rounded() && abs(score) < 1e15 ? String(Int64(score)) : String(score) }
            let byName = points.allSatisfy { Double($0.name) != nil }
            warn(survey, question.row, typeColumn, "scale_reversed",
                 "list `\(name)` scores `\(Diagnostic.shortened(low))` \(text(points.first!.score)) and `\(Diagnostic.shortened(high))` \(text(points.last!.score)) "
                    + (byName ? "(by the choices' names)" : "(by their places in the list)")
                    + ": its labels run from the top down, so the figures would read the wrong way (Borich's gap needs the higher score for more "
                    + "important or more competent); "
                    + (byName ? "name each choice by its score counted from the lowest point (answers exported as the old numbers must be recoded)"
                              : "list its choices from the lowest point to the highest"))
        }
    }

    /// Whether a scale's lowest-scored label reads as its top and its highest-scored one as its
    /// bottom, in the region's languages and English: the same word without and with a negation
    /// (`Väga oluline` … `Pole oluline`, `Labai svarbu` … `Nesvarbu`, `Agree` … `Disagree`,
    /// `Täiesti nõus` … `Nõus ei ole`), a pair of opposites (`Very high` … `Very low`, `Expert` …
    /// `Beginner`, `Always` … `Never`), the utmost point above none (`Ekspert` … `Puudub`), or
    /// much above a bare negation (`Very much` … `Not at all`). On a `competence` scale, words of
    /// need run the other way (`High need for training` … `No need`), so they say nothing.
    static func runsTopDown(lowest: String, highest: String, competence: Bool = false) -> Bool {
        let top = words(lowest), bottom = words(highest)
        guard !top.isEmpty, !bottom.isEmpty else { return false }
        // (Inside a compound too: `koolitusvajadus`, "training need".)
        if competence && (top + bottom).contains(where: { word in needs.contains(where: word.contains) }) { return false }
        // Two forms of one word: a common beginning of four letters or more, all but the endings.
        func same(_ a: String, _ b: String) -> Bool {
            let common = zip(a, b).prefix { $0 == $1 }.count
            return common >= max(4, min(a.count, b.count) - 2)
        }
        func plain(_ word: String, in words: [String]) -> Bool {
            words.indices.contains { k in
                words[k].count >= 4 && same(words[k], word) && (k == 0 || !negations.contains(words[k - 1]))
            }
        }
        func has(_ stems: [String], _ words: [String]) -> Bool { words.contains { word in stems.contains { word.hasPrefix($0) } } }
        let anyNegation = top.contains { negations.contains($0) }
            || top.contains { word in fusedNegations.contains { word.hasPrefix($0) && plain(String(word.dropFirst($0.count)), in: bottom) } }
        if !anyNegation {
            for (k, word) in bottom.enumerated() {
                if negations.contains(word) {
                    // The word negated (past `at all`, `üldse`, `вообще`), or the word before an
                    // Estonian negation at the end (`nõus ei ole`).
                    if let next = bottom[(k + 1)...].first(where: { !fillers.contains($0) && !negations.contains($0) }),
                       plain(next, in: top) { return true }
                    if k > 0, !fillers.contains(bottom[k - 1]), plain(bottom[k - 1], in: top) { return true }
                }
                for prefix in fusedNegations where word.hasPrefix(prefix) && word.count - prefix.count >= 4 {
                    if plain(String(word.dropFirst(prefix.count)), in: top) { return true }
                }
            }
            // Much above a bare negation: `Very much` … `Not at all`, `Väga palju` … `Mitte üldse`.
            if bottom.contains(where: negations.contains), bottom.allSatisfy({ negations.contains($0) || fillers.contains($0) }),
               has(intensifiers + utmost, top), !has(lowEnd, top) {
                return true
            }
        }
        // Opposites: the top label holds the high one (and not the low), the bottom the low.
        for (low, high) in opposites {
            if has(high, top) && !has(low, top) && has(low, bottom) && !has(high, bottom) { return true }
        }
        // The utmost point above, none (or a negation first) below: `Critical` … `Not important`,
        // `Ekspert` … `Puudub`. (A negation later, `Expert, no training needed`, says nothing.)
        // Or much (`Väga head`, "very good") above none (`Teadmised puuduvad`, "no knowledge").
        if !has(nothing, top) && !negations.contains(top[0]) && !has(utmost, bottom) && !has(lowEnd, top) {
            if has(utmost, top) && (has(nothing, bottom) || negations.contains(bottom[0])) { return true }
            if has(intensifiers, top) && has(nothing, bottom) { return true }
        }
        return false
    }

    private static func words(_ text: String) -> [String] {
        TextKey.loose(text).split { !$0.isLetter }.map(String.init)
    }

    private static let negations: Set<String> = ["not", "no", "none", "pole", "ei", "mitte", "nav", "ne", "nera", "не", "нет", "ни", "нi"]
    private static let fusedNegations = ["un", "dis", "in", "eba", "ne", "не", "bez"]
    private static let fillers: Set<String> = ["at", "all", "a", "an", "very", "so", "too", "uldse", "ole", "eriti", "visai", "visiskai", "nemaz", "pavisam",
                                               "вообще", "совсем", "очень", "sugugi", "vai"]
    /// Words of need, difficulty or gap: on a competence scale they run from much to none.
    private static let needs = ["need", "vaja", "vajag", "vajadz", "reik", "poreik", "нуж", "потребн", "треб", "require",
                                "difficult", "raskus", "grut", "sunk", "трудн", "сложн", "gap", "lack", "sprag", "puudujaa", "trukum",
                                "learn", "oppi", "mac", "mokyt", "учит"]
    /// Words of the low end that an intensifier before them does not lift (`Very little`, `Väga nõrk`).
    private static let lowEnd = ["little", "few", "limited", "weak", "low", "poor", "vahe", "nork", "madal", "maz", "zem",
                                 "silpn", "maza", "mazai", "vajs", "мало", "слаб", "низк", "немного"]
    private static let nothing = ["none", "nothing", "non", "puudu", "отсутств", "nera", "nieko", "nekas", "ничего"]
    private static let intensifiers = ["very", "much", "vaga", "palju", "loti", "daudz", "labai", "daug", "очень", "много", "suure"]
    private static let utmost = ["critical", "crucial", "essential", "extreme", "expert", "ekspert", "эксперт", "izcil", "excellent",
                                 "suureparane", "aarmiselt", "arkartig", "ypac", "чрезвычайн", "крайн", "high", "korge", "augst", "aukst", "высок"]
    /// Opposite ends of a scale, as word beginnings (low, high).
    private static let opposites: [([String], [String])] = [
        (["low"], ["high"]), (["madal"], ["korge"]), (["zem"], ["augst", "aukst"]), (["низк"], ["высок"]),
        (["beginner", "novice", "algaja", "iesacej", "pradedant", "начина", "нович"], ["expert", "ekspert", "эксперт"]),
        (["never", "kunagi", "nekad", "niekada", "никогда"], ["always", "alati", "vienmer", "visada", "всегда"]),
        (["bad", "poor", "insufficient", "inadequate", "halb", "kehv", "ebapiisav", "slikt", "nepietiek", "blog", "nepakank", "плох", "недостат"], ["good", "excellent", "hea", "suureparane", "labi", "labs", "ger", "хорош", "отлич"]),
        (["minimal", "minimaal", "minimal"], ["maximal", "maksimaal"]),
    ]

    /// Labels whose letters a code page lacked, written `?` by Excel's "CSV" (`Pa?vald?ba`,
    /// `????? ??????`, Russian saved on a Baltic Windows): answers in that language cannot match
    /// them. Said once per column, with how many and the first.
    static func checkLostLetters(_ sheets: [Sheet], warn: (Sheet, Int?, Int?, String, String) -> Void) {
        for sheet in sheets {
            let columns = sheet.header.indices.filter { index in
                let title = sheet.header[index].trimmingSpaces.lowercased()
                return title == "label" || title.hasPrefix("label::")
            }
            for column in columns {
                let lost = sheet.rows.filter { lostLetters($0.cells.cell(column)) }
                guard let first = lost.first else { continue }
                warn(sheet, first.number, column, "text_lost",
                     "\(lost.count) label(s) of column `\(sheet.header[column].trimmingSpaces)` have `?` for letters (`\(Diagnostic.shortened(first.cells.cell(column).trimmingSpaces))`), "
                        + "as Excel writes letters its code page lacks when it saves as CSV: answers in that language will not match them; "
                        + "save the form again as CSV UTF-8, or give the .xlsx workbook")
            }
        }
    }

    /// `?` where a letter was: before a letter, or three in a row (a question's own `?` ends it
    /// or a sentence; a web address's, `juhend?lang=et`, is not read).
    static func lostLetters(_ text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace).filter { word in
            !(word.contains("://") || word.hasPrefix("www.") || word.contains("="))
        }
        for word in words {
            if word.contains("???") { return true }
            var previous: Character? = nil
            for character in word {
                if previous == "?" && character.isLetter { return true }
                previous = character
            }
        }
        return false
    }
}
