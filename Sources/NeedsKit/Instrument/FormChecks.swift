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
        "select_multiple_external", "begin", "end", "instanceid", "phone number", "deviceid",
    ]

    /// Choices of a demand list that are no topic and say so (`none`, `other`).
    static let notTopics: Set<String> = ["none", "other", "no", "nothing", "no_training", "none_of_the_above", "all", "all_of_the_above"]

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
            let reversed = lowest.labels.contains { language, label in
                guard let other = highest.labels[language] else { return false }
                return scaleEnd(label) == .high && scaleEnd(other) == .low
            }
            guard reversed else { continue }
            said.insert(name)
            let low = lowest.labels.values.sorted().first ?? lowest.name, high = highest.labels.values.sorted().first ?? highest.name
            func text(_ score: Double) -> String { score == score.rounded() && abs(score) < 1e15 ? String(Int64(score)) : String(score) }
            warn(survey, question.row, typeColumn, "scale_reversed",
                 "list `\(name)` scores `\(Diagnostic.shortened(low))` \(text(points.first!.score)) and `\(Diagnostic.shortened(high))` \(text(points.last!.score)): "
                    + "its labels run from the top down, so the figures would read the wrong way (Borich's gap needs the higher score for more important "
                    + "or more competent); list its choices from the lowest point to the highest, or name them by their scores")
        }
    }

    enum ScaleEnd { case low, high, neither }

    /// Whether a scale point's label reads as its low end (`Not important`, `Väga madal`, `Не
    /// важно`) or its high end (`Very important`, `Ļoti augsta`), in the region's languages and
    /// English. A word of the low end decides (`Very low` is low).
    static func scaleEnd(_ label: String) -> ScaleEnd {
        let words = TextKey.loose(label).split { !$0.isLetter }.map(String.init)
        if words.contains(where: { lowWords.contains($0) || lowStems.contains(where: $0.hasPrefix) }) { return .low }
        if words.contains(where: { highWords.contains($0) || highStems.contains(where: $0.hasPrefix) }) { return .high }
        return .neither
    }

    private static let lowWords: Set<String> = ["not", "no", "none", "never", "pole", "ei", "mitte", "nav", "ne", "nera", "не", "нет", "ни", "нi", "нема"]
    private static let lowStems = ["unimportant", "irrelevant", "low", "poor", "minimal", "ebaolul", "madal", "nesvar", "zem", "nepakank",
                                   "неваж", "низк", "плох", "слаб", "несуществ"]
    private static let highWords: Set<String> = ["very", "extremely", "highly", "vaga", "loti", "labai", "ypac", "очень", "крайне", "дуже"]
    private static let highStems = ["high", "excellent", "expert", "essential", "crucial", "korge", "augst", "aukst", "высок", "отлич"]

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
    /// or a sentence).
    static func lostLetters(_ text: String) -> Bool {
        if text.contains("???") { return true }
        var previous: Character? = nil
        for character in text {
            if previous == "?" && character.isLetter { return true }
            previous = character
        }
        return false
    }
}
