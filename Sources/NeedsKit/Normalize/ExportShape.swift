/// The tool that wrote an export, recognised from its header row. Reported per file; the column
/// mapping itself works on any header, so an unrecognised tool is read as a generic sheet.
public enum ExportShape: String, Sendable, CaseIterable {
    case kobo = "KoboToolbox"
    case odkCentral = "ODK Central"
    case googleForms = "Google Forms"
    case microsoftForms = "Microsoft Forms"
    case limeSurvey = "LimeSurvey"
    case generic = "generic sheet"

    public static func recognise(_ header: [String]) -> ExportShape {
        // A LimeSurvey heading may be its code and text (`submitdate. Date submitted`): both count,
        // as does a text whose spaces its export wrote as `_` (`Date_submitted`).
        let names = Set(header.flatMap { cell -> [String] in
            let name = cell.trimmingSpaces.lowercased()
            let spaced = ColumnMapper.underscoresAsSpaces(name).map { [$0] } ?? []
            if let cut = name.range(of: ". ") { return [name, String(name[..<cut.lowerBound]), String(name[cut.upperBound...])] }
            // LimeSurvey's "code & question text" with a code/text separator of the exporter's own
            // (`submitdate - Date submitted`).
            guard let split = ColumnMapper.codeAndText(name) else { return [name] + spaced }
            return [name, split.code, split.text]
        })
        if names.contains("_uuid") || names.contains("_submission_time") || names.contains("__version__") {
            return .kobo
        }
        if names.contains("meta-instanceid") || (names.contains("key") && names.contains("submissiondate")) {
            return .odkCentral
        }
        // LimeSurvey's question codes as headers, or its full question texts (`Date submitted`, ...).
        if names.contains("submitdate") && (names.contains("lastpage") || names.contains("startlanguage"))
            || !names.isDisjoint(with: limeSurveySubmittedHeaders) && !names.isDisjoint(with: limeSurveyProgressHeaders)
            || limeSurveyByPlace(header) {
            return .limeSurvey
        }
        if !names.isDisjoint(with: microsoftFormsIDHeaders) && !names.isDisjoint(with: microsoftFormsStartHeaders)
            && !names.isDisjoint(with: microsoftFormsCompletionHeaders) || microsoftFormsByPlace(header) {
            return .microsoftForms
        }
        if let first = header.first, isTimestampHeader(first) {
            return .googleForms
        }
        return .generic
    }

    /// LimeSurvey's full-text heading of `submitdate`, in English and as its Russian interface
    /// writes it (`Дата записи`, LimeSurvey's ru.po), and of `lastpage` and `startlanguage`.
    static let limeSurveySubmittedHeaders: Set<String> = ["date submitted", "дата записи"]
    static let limeSurveyProgressHeaders: Set<String> = [
        "last page", "start language", "последняя страница", "начальный язык",
    ]

    /// LimeSurvey's first four columns by their places, in the words of any interface language
    /// its export was made in: the response's ID, the date submitted, the last page and the
    /// start language (`Vastuse ID`, `Esitamise kuupäev`, `Viimane lehekülg`, `Alguskeel`;
    /// `Atbildes ID`, `Iesniegšanas datums`, `Pēdējā lapa`, `Sākuma valoda`; `Atsakymo ID`,
    /// `Pateikimo data`, `Paskutinis puslapis`, `Pradinė kalba`; `ID ответа`, ...). Each is read
    /// by whole words (an ID of two words, `Response ID`; a page of two, `Last page`), so a sheet
    /// of its own headed `ID, Date, Page, Language`, or with a `Candidate` and a `Homepage`, is
    /// not taken for LimeSurvey, whose answer codes and blank submission dates mean what they
    /// do in LimeSurvey only.
    /// A participant's token in the second place (`Atbildes ID, Žetons, Iesniegšanas datums,
    /// ...`, where LimeSurvey's own field list has it after the start language) is let stand
    /// between them when its heading says token in a survey language; another heading there, a
    /// hand-made sheet's `Interviewer`, is not (a reviewer's case: read as LimeSurvey's, its `A3`
    /// became a choice and its rows without a date unsubmitted).
    static func limeSurveyByPlace(_ header: [String]) -> Bool { limeSurveyPlaces(header) != nil }

    /// The places of LimeSurvey's four own columns (`limeSurveyByPlace`), and of a token column
    /// between its ID and its date.
    static func limeSurveyPlaces(_ header: [String]) -> (own: [Int], token: Int?)? {
        if ownColumnsRead(header, at: [0, 1, 2, 3]) { return ([0, 1, 2, 3], nil) }
        if header.count > 4, isTokenHeading(header[1]), ownColumnsRead(header, at: [0, 2, 3, 4]) { return ([0, 2, 3, 4], 1) }
        return nil
    }

    /// `Token`, `Žetons`, `Žetonas`, `Токен`, `Жетон`, `Ключ`, `Raktas`, `Tunnus`, `Võti`, and
    /// with a word before it (`Access token`, `Prieigos raktas`); LimeSurvey 4's `Access code`
    /// (`Piekļuves kods`, `Prieigos kodas`, `Код доступа`, `Juurdepääsukood`: a reviewer's).
    static func isTokenHeading(_ heading: String) -> Bool {
        let words = TextKey.loose(heading.trimmingSpaces).split { !$0.isLetter }
        guard (1...2).contains(words.count) else { return false }
        func has(_ stems: [String]) -> Bool { words.contains { word in stems.contains { word.hasPrefix($0) } } }
        if let last = words.last, ["token", "zeton", "токен", "жетон", "ключ", "raktas", "tunnus", "voti"].contains(where: { last.hasPrefix($0) }) {
            return true
        }
        return words.count == 2 && has(["access", "piekluv", "prieig", "доступ"]) && has(["code", "kod", "код"])
            || words.count == 1 && (words[0].hasSuffix("paasukood") || words[0].hasSuffix("paasukod"))
    }

    private static func ownColumnsRead(_ header: [String], at places: [Int]) -> Bool {
        guard let last = places.last, header.count > last else { return false }
        let words = places.map { TextKey.loose(header[$0].trimmingSpaces).split { !$0.isLetter } }
        func starts(_ words: [Substring], _ stems: [String]) -> Bool {
            words.contains { word in stems.contains { word.hasPrefix($0) } }
        }
        return words[0].count == 2 && words[0].contains("id")
            && (starts(words[1], ["date", "datum", "data", "дата"]) || words[1].contains { $0.hasSuffix("kuupaev") })
            && words[2].count >= 2 && starts(words[2], ["page", "lehek", "lapa", "puslap", "страниц"])
            && (starts(words[3], ["language", "valod", "kalb", "язык"]) || words[3].contains { $0.hasSuffix("keel") })
    }

    /// Whether a heading is a question code LimeSurvey numbered itself, its default when a
    /// question is added (`G01Q03`, group 1 question 3), alone or with a sub-question
    /// (`G02Q04[SQ001]`, `G02Q04_SQ001`).
    public static func isLimeSurveyNumberedCode(_ header: String) -> Bool {
        var rest = Substring(header.trimmingSpaces.uppercased())
        for letter in ["G", "Q"] {
            guard rest.hasPrefix(letter) else { return false }
            rest = rest.dropFirst()
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
        }
        return rest.isEmpty || rest.first == "[" || rest.first == "_"
    }

    /// Microsoft Forms' first column, the response's number: `ID`, and `ИД` in a Russian form's
    /// export (Microsoft's Russian for ID, as its other products' column headings have it).
    static let microsoftFormsIDHeaders: Set<String> = ["id", "ид"]

    /// Microsoft Forms' first columns by their places, whatever words the form's language has
    /// for its times: the ID, then two headings of a time (`Alguse aeg`, `Lõpetamise kellaaeg`,
    /// `Beigu laiks`, `Baigimo laikas`, `Время окончания`, in any wording), then its e-mail and
    /// name columns (`Meil`, `Nimi`), which every export has, even an anonymous form's. A time
    /// is a word of the heading (`time`, `laiks`, `laikas`, `время`) or the end of one (Estonian
    /// `aeg`, `kellaaeg`): a sheet of its own asking `Full-time or part-time?` and `Time in
    /// current role` after its `ID`, or heading `ID, Start time, End time` with no e-mail and name
    /// after them, is no Microsoft Forms export, whose every answer no choice fits would be read
    /// as typed for "Other".
    static func microsoftFormsByPlace(_ header: [String]) -> Bool {
        guard header.count >= 5, microsoftFormsIDHeaders.contains(header[0].trimmingSpaces.lowercased()) else { return false }
        let times = header[1...2].allSatisfy { heading in
            let words = TextKey.loose(heading.trimmingSpaces).split { !$0.isLetter }
            return words.count <= 3 && words.contains { word in
                ["time", "laiks", "laikas", "время"].contains(word) || word.hasSuffix("aeg")
            }
        }
        return times && header[3...4].contains { ColumnMapper.personalHeaders.contains(TextKey.loose($0.trimmingSpaces)) }
    }

    /// Microsoft Forms' start and completion time columns, in English and as the form's language
    /// names them in Estonian, Latvian, Lithuanian and Russian (lower-cased), with the wordings
    /// of other versions.
    static let microsoftFormsStartHeaders: Set<String> = [
        "start time", "время начала", "algusaeg", "alguse aeg", "sākuma laiks", "pradžios laikas",
    ]
    static let microsoftFormsCompletionHeaders: Set<String> = [
        "completion time", "время завершения", "время окончания", "lõpetamisaeg", "lõpetamise aeg", "lõpuaeg",
        "pabeigšanas laiks", "beigu laiks", "baigimo laikas", "pabaigos laikas",
    ]
    static let microsoftFormsModifiedHeaders: Set<String> = [
        "last modified time", "время последнего изменения", "viimati muudetud", "viimase muutmise aeg",
        "pēdējo izmaiņu laiks", "pēdējās izmaiņas", "pēdējās modificēšanas laiks", "paskutinio keitimo laikas",
        "paskutinio pakeitimo laikas", "paskutinio modifikavimo laikas",
    ]

    /// Google Forms' first column, the submission time, as its sheet names it in the survey
    /// languages (compared by `TextKey.loose`, so with or without diacritics).
    static let timestampHeaders = [
        "timestamp", "ajatempel", "laikspiedols", "laika zimogs", "laiko zyme", "laiko zyma", "отметка времени", "marca temporal",
    ]

    /// Whether a header is Google Forms' timestamp (`Timestamp`, `Ajatempel`, `Laikspiedols` or
    /// `Laika zīmogs`, `Laiko žymė`, `Отметка времени`), alone or followed by words of its own (`Timestamp (UTC)`).
    public static func isTimestampHeader(_ header: String) -> Bool {
        let key = TextKey.loose(header.trimmingSpaces)
        if timestampHeaders.contains(where: { key == $0 || key.hasPrefix($0 + " ") }) { return true }
        // Its letters lost, each written `?` (`Laiko ?ym?`, Excel's "CSV" in a code page without
        // them): the file was no Google Forms export, its "Other" texts read otherwise (a helper's probe).
        guard header.contains("?") else { return false }
        let lost = KeyedLookup<Int>.lostLettersKey(TextKey.exact(header.trimmingSpaces))
        return timestampLostLetters.contains { lost == $0 || lost.hasPrefix($0 + " ") }
    }

    /// The timestamp headings with a letter outside ASCII, as `KeyedLookup.lostLettersKey` writes them.
    private static let timestampLostLetters = ["laiko žymė", "laika zīmogs"].map { KeyedLookup<Int>.lostLettersKey($0) }
}
