/// The survey instrument: an XLSForm's questions, choice lists and settings, with the analysis
/// columns this project adds (`topic`, `measure`, `place`, `anonymise`, `report`).
public struct Instrument: Sendable {
    public var formTitle: String
    public var formID: String
    /// What the reports call the survey: its title, else its form_id, else "survey".
    public var displayTitle: String { formTitle.isEmpty ? (formID.isEmpty ? "survey" : formID) : formTitle }
    /// The instrument as messages name it: `instrument \`form_id\``, or by its title when its
    /// settings give no form_id (a message had named instrument ``, a probe's).
    public var named: String {
        if !formID.isEmpty { return "instrument `\(formID)`" }
        return formTitle.isEmpty ? "the instrument" : "the instrument “\(formTitle)”"
    }
    public var version: String
    /// Language key of `default_language` (see `Language.key`), when set.
    public var defaultLanguage: String?
    /// Languages that have label columns, in column order.
    public var languages: [Language]
    /// Questions in form order, groups flattened (each question knows its group path).
    public var questions: [Question]
    /// Groups by their path of names (`hh`, `hh/members`; see `Question.groupKey`), with their
    /// labels, for matching `group label [question label]` headers.
    public var groups: [String: Group]
    public var choiceLists: [String: ChoiceList]
    /// Topics in the order their first question appears.
    public var topics: [Topic]
    /// What the form may have wrong though it loads (a scale whose labels run from the top down,
    /// labels whose letters a code page lost): warnings, said with each run's findings.
    public var findings: [Diagnostic] = []

    /// The question of a key (`Question.key`: its name, or its group path where the name is in
    /// two groups).
    public func question(named name: String) -> Question? {
        questionIndex[name].map { questions[$0] }
    }

    /// Questions by `Question.key`.
    var questionIndex: [String: Int] = [:]

    /// The question holding the respondent's country, municipality or role.
    public var countryQuestion: Question? { questions.first { $0.place == .country } }
    public var municipalityQuestion: Question? { questions.first { $0.place == .municipality } }
    public var roleQuestion: Question? { questions.first { $0.name == "role" } }
    /// The question holding a stable respondent code (`panel` column), for paired waves.
    public var panelQuestion: Question? { questions.first { $0.panel } }
    /// The `select_multiple` question whose choices are topic keys.
    public var demandQuestion: Question? { questions.first { $0.measure == .demand } }

    /// The demand question's choices at the list positions whose bits are set (bit k: the k-th,
    /// the first 64): those a file has no column for (`Normalizer.FileMapping.demandUnaskedBits`).
    public func demandChoiceNames(atPositions bits: UInt64) -> Set<String> {
        guard bits != 0, let list = demandQuestion?.kind.listName.flatMap({ choiceLists[$0] }) else { return [] }
        return Set(list.choices.filter { $0.position < 64 && bits & (1 << UInt64($0.position)) != 0 }.map(\.name))
    }

    /// The lowest and highest points of the topics' competence scales (`1...5` for the usual
    /// five-point list, `0...10` for an eleven-point one), or nil when no topic has a scored list.
    public var competenceScale: ClosedRange<Double>? {
        let scales = topics.compactMap { scale(ofQuestion: $0.competenceQuestion) }
        guard let low = scales.map(\.lowerBound).min(), let high = scales.map(\.upperBound).max() else { return nil }
        return low...high
    }

    /// The lowest and highest points of a question's rating scale, or nil when it has no scored list.
    public func scale(ofQuestion name: String?) -> ClosedRange<Double>? {
        guard let name, let list = question(named: name)?.kind.listName.flatMap({ choiceLists[$0] }) else { return nil }
        let scores = list.ratingScores.map(\.score)
        guard let low = scores.min(), let high = scores.max() else { return nil }
        return low...high
    }

    /// A scale as messages write it: `1-5`, `0-10`, `0.5-4.5`.
    static func describe(_ scale: ClosedRange<Double>) -> String {
        func text(_ score: Double) -> String { score == score.rounded() && abs(score) < 1e15 ? String(Int64(score)) : String(score) }
        return text(scale.lowerBound) + "-" + text(scale.upperBound)
    }

    /// The best label of a topic for a language key (falls back to the default language, then the
    /// key), as the reports show it: without the markup a form may style it with (`**Intercultural**
    /// competence`, `<span style="color:red">...</span>`), which the form tools render and the
    /// reports would print as written.
    public func topicLabel(_ topic: String, language: String? = nil) -> String {
        var label = topic
        if let demand = demandQuestion, case let .selectMultiple(list) = demand.kind,
           let choice = choiceLists[list]?.choices.first(where: { $0.name == topic }) {
            label = choice.label(language, fallback: defaultLanguage) ?? topic
        } else if let t = topics.first(where: { $0.key == topic }), let q = t.importanceQuestion.flatMap(question(named:)) {
            label = q.label(language, fallback: defaultLanguage) ?? topic
        }
        return TextKey.withoutMarkup(label) ?? label
    }
}

/// A label language: `label::Eesti (et)` gives name `Eesti`, code `et`. Forms often leave the
/// code out (`label::Lithuanian`, `label::Lietuvių`, `label::lt`): a name of one of the region's
/// languages, in English, in itself or in another of them, gives its code, so that such labels
/// serve the country reports and `default_language: English` finds `label::English (en)`.
public struct Language: Sendable, Hashable {
    public var name: String
    public var code: String?

    /// How labels are keyed: the code when there is one (its language alone: `en-GB` is `en`),
    /// otherwise the lower-cased name; `""` for a plain `label` column.
    public var key: String {
        guard let code else { return name.lowercased() }
        return String(code.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    /// Parses the part after `label::`. In the brackets, a code with a region (`English (en-GB)`,
    /// `Eesti (et_EE)`) or a language's name (`Eesti (Estonian)`) is known by its language's code.
    public init(columnSuffix: String) {
        let text = columnSuffix.trimmingSpaces
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            name = String(text[..<open]).trimmingSpaces
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces
            code = Language.code(ofName: inner) ?? (inner.isEmpty ? Language.code(ofName: name) : inner)
        } else {
            name = text
            code = Language.code(ofName: text)
        }
    }

    /// The code of a language named without one, for the languages a survey of the region is
    /// written in; nil for any other name.
    static func code(ofName name: String) -> String? {
        var key = TextKey.loose(name)
        // The word for "language" after the name, as each language names itself in full
        // (`Eesti keel`, `Latviešu valoda`, `Lietuvių kalba`, `Русский язык`).
        for word in [" keel", " valoda", " kalba", " язык", " мова", " language"] where key.hasSuffix(word) {
            key = String(key.dropLast(word.count))
        }
        return knownNames.first { $0.names.contains(key) }?.code
    }

    /// Each language's code and names, compared without case or diacritics: the code itself, the
    /// English name, its own, and the names in the other languages of the region.
    private static let knownNames: [(code: String, names: Set<String>)] = [
        ("en", ["en", "english", "inglise", "anglu", "английский"]),
        ("et", ["et", "estonian", "eesti", "igaunu", "estu", "эстонский"]),
        ("lv", ["lv", "latvian", "latviesu", "lati", "latviu", "латышский"]),
        ("lt", ["lt", "lithuanian", "lietuviu", "leedu", "lietuviesu", "литовский"]),
        ("ru", ["ru", "russian", "русский", "vene", "krievu", "rusu"]),
        ("uk", ["uk", "ukrainian", "українська", "ukraina", "ukrainu", "ukrainieciu", "украинский"]),
    ].map { ($0.0, Set($0.1.map { TextKey.loose($0) })) }
}

/// Labels of a question or choice, keyed by language key.
public protocol Labelled {
    var labels: [String: String] { get }
}

extension Labelled {
    /// The label in `language`, else in `fallback`, else the first non-empty one in key order.
    public func label(_ language: String?, fallback: String? = nil) -> String? {
        if let language, let text = labels[language], !text.isEmpty { return text }
        if let fallback, let text = labels[fallback], !text.isEmpty { return text }
        if let text = labels[""], !text.isEmpty { return text }
        return labels.sorted { $0.key < $1.key }.first { !$0.value.isEmpty }?.value
    }
}

public struct Question: Sendable, Labelled {
    public enum Kind: Sendable, Equatable {
        case selectOne(String)
        case selectMultiple(String)
        case text, integer, decimal, date, dateTime
        /// `start`, `end`, `today`, `deviceid` and the like: filled by the tool, not the respondent.
        case meta
        case calculate, note
        case other(String)

        /// Whether the respondent answers a question of this kind: not the tool's metadata, a
        /// calculation or a note (Kobo's `__version__` is a calculation on every form it deploys).
        public var isAnswered: Bool {
            switch self {
            case .meta, .calculate, .note: return false
            default: return true
            }
        }

        public var listName: String? {
            switch self {
            case let .selectOne(list), let .selectMultiple(list): return list
            default: return nil
            }
        }
    }

    public enum Measure: String, Sendable { case importance, competence, demand }
    public enum Place: String, Sendable { case country, municipality }

    public var name: String
    /// What the instrument and the reports call the question: its name, or, where a question of
    /// another group has the same name (pyxform refuses a name twice within one group or repeat
    /// alone: `hh/age` and `child/age` are two questions), its group path and name, as a Kobo
    /// export heads its column. `Instrument.question(named:)` takes it.
    public var key: String { sharesName ? (groupPath + [name]).joined(separator: "/") : name }
    /// Another question of the form has the same name, in another group.
    public var sharesName = false
    public var type: String
    public var kind: Kind
    public var labels: [String: String]
    /// Names of the enclosing groups, outermost first.
    public var groupPath: [String]
    /// The key of its innermost group in `Instrument.groups` (`hh/members`), "" outside any.
    public var groupKey: String { groupPath.joined(separator: "/") }
    public var topic: String?
    public var measure: Measure?
    public var place: Place?
    /// Never carried past normalisation.
    public var anonymise: Bool
    /// Free text that may appear in clean records (off by default: free text may identify people).
    public var report: Bool
    /// The survey sheet row, for messages.
    public var row: Int
    /// A stable respondent code that matches the same person across survey waves (`panel` column);
    /// used to pair waves, never written to the reports.
    public var panel: Bool = false
    /// Marked `required` in the XLSForm: every respondent was asked it.
    public var required: Bool = false
    /// A select question typed with `or_other`: the tool adds an `other` choice and writes its
    /// text to `NAME_other`, free text that is never read.
    public var orOther: Bool = false
    /// Inside a `begin_repeat` group: answered once per repeat, in a table of its own, never in the
    /// main export.
    public var inRepeat: Bool = false

    /// Whether the question holds the respondent's answer (not a group, note or calculation).
    public var isAnswer: Bool {
        switch kind {
        case .note, .calculate: return false
        default: return true
        }
    }
}

public struct Group: Sendable, Labelled {
    public var name: String
    public var labels: [String: String]
    public var row: Int
    /// Names of the enclosing groups and its own, outermost first: two groups of one name in
    /// different groups are two groups (pyxform allows it), keyed `outer/inner` in `Instrument.groups`.
    public var path: [String]
}

public struct Choice: Sendable, Labelled {
    public var name: String
    public var labels: [String: String]
    /// 1-based position in its list.
    public var position: Int
    /// Labels of the rows that name this choice again (`allow_choice_duplicates`): answers
    /// written so are this choice too.
    public var otherLabels: [String] = []
}

public struct ChoiceList: Sendable {
    public var name: String
    public var choices: [Choice]

    public func choice(named name: String) -> Choice? { choices.first { $0.name == name } }

    /// The score of a choice on a rating scale: its name when that is a finite number, otherwise
    /// its 1-based position among the list's ratings (a choice named `nan` or `inf` is not a
    /// number). A choice that is no point of the scale has no score, and counts as not rated:
    /// "Don't know", "N/A", "Prefer not to say" and the like (by name or label, in the region's
    /// languages), and, in a list whose choices are named by numbers, one that is not (`dk` beside
    /// `1`...`5`). Scored by its name or place, such a choice read as 6 or 99 on a 1-5 scale.
    public func score(of choiceName: String) -> Double? {
        ratingScores.first { $0.name == choiceName }?.score
    }

    /// The list's points of the scale with their scores, in list order (see `score(of:)`).
    public var ratingScores: [(name: String, score: Double)] {
        var position = 0
        return choices.compactMap { choice in
            guard isRating(choice) else { return nil }
            position += 1
            return (choice.name, Self.number(choice.name) ?? Double(position))
        }
    }

    /// Whether a choice is a point of the scale (see `score(of:)`).
    public func isRating(_ choice: Choice) -> Bool {
        let noRating = saysNoRating(choice)
        if let number = Self.number(choice.name) {
            guard noRating else { return true }
            // Between two points of the scale it is one, whatever its label (a midpoint `3`
            // labelled "Hard to say"); past them it is none: `6 Don't know` and `7 Prefer not
            // to say` after `1`...`5` (each had been a point between the other and the scale).
            let points = choices.compactMap { $0.name == choice.name || saysNoRating($0) ? nil : Self.number($0.name) }
            if let low = points.min(), let high = points.max(), low < number, number < high { return true }
            return false
        } else if choices.contains(where: { Self.number($0.name) != nil }) {
            return false
        }
        guard noRating else { return true }
        // Likewise in a list named by words: a midpoint labelled "Hard to say" (`neutral`, `Raske
        // öelda`, `Сложно сказать`: a reviewer's forms, refused for a scale a point short, or scored
        // so) is a point between two points of the scale; `Don't know` after them is none.
        guard let index = choices.firstIndex(where: { $0.name == choice.name }) else { return false }
        return choices[..<index].contains { !saysNoRating($0) } && choices[(index + 1)...].contains { !saysNoRating($0) }
    }

    /// Whether a point of the list's scale says no rating (a midpoint `Hard to say`, `Не уверена`):
    /// a text saying so off the list may mean that point. (An off-scale `Don't know` is missing,
    /// as the text would be.)
    public var hasNoRatingPoint: Bool { choices.contains { saysNoRating($0) && isRating($0) } }

    /// Whether a choice's name or a label says no rating (`Don't know`, `N/A`), wherever it stands.
    private func saysNoRating(_ choice: Choice) -> Bool {
        ([choice.name] + Array(choice.labels.values)).contains(where: Self.isNonRating)
    }

    /// Whether a name or label says no rating, alone or as a part (`Don't know / N/A`,
    /// `Don't know (99)`).
    /// Words whose letters a code page lacked (`Gr?ti pateikt`, `Ne?inau`: Excel's "CSV" writes
    /// `?` for each) are compared by `KeyedLookup.lostLettersKey`.
    static func isNonRating(_ text: String) -> Bool {
        if isNonRating(key: answerKey(text), words: nonRatings, phrases: nonRatingPhrases) { return true }
        guard let lost = TextKey.lostLettersKey(ifLost: text, key: spelledAsKey) else { return false }
        return isNonRating(key: lost, words: lostNonRatings, phrases: lostNonRatingPhrases)
    }

    private static func isNonRating(key: String, words: Set<String>, phrases: [String]) -> Bool {
        let parts = key.components(separatedBy: " / ") + [String(key.prefix { $0 != "(" }).trimmingSpaces]
        // A phrase of two words or more, with more said after it (`Not applicable to my job`,
        // `Ei puuduta minu tööd`).
        return ([key] + parts).contains { part in
            words.contains(part) || phrases.contains { part.hasPrefix($0 + " ") }
        }
    }
    /// (Not "don't know": `Ei tea midagi`, "knows nothing", may be a competence scale's lowest point.)
    private static let nonRatingPhraseTexts = [
        "not applicable", "prefer not to", "ei puuduta", "ei ole asjakohane", "ei soovi vastata", "nav attiecināms", "nevēlos atbildēt",
        "netaikoma", "nenoriu atsakyti", "не применимо", "не относится", "не хочу отвечать",
        "decline to", "eelistan mitte", "keeldun", "предпочитаю не", "отказываюсь",
    ]
    private static let nonRatingPhrases = nonRatingPhraseTexts.map { answerKey($0) }
    private static let lostNonRatingPhrases = TextKey.lostLettersKeys(nonRatingPhraseTexts, key: spelledAsKey).sorted()

    private static func number(_ name: String) -> Double? { Double(name).flatMap { $0.isFinite ? $0 : nil } }

    /// A name or label compared without case, diacritics, apostrophes, `_` or `-` (`dont_know`,
    /// `Don’t know`).
    private static func answerKey(_ text: String) -> String { TextKey.loose(spaced(text)) }

    /// `answerKey` with its diacritics kept (`TextKey.exact`), for `TextKey.lostLettersKey(ifLost:)`.
    private static func spelledAsKey(_ text: String) -> String { TextKey.exact(spaced(text)) }

    private static func spaced(_ text: String) -> String {
        String(text.map { $0 == "_" || $0 == "-" ? " " : $0 }.filter { $0 != "'" && $0 != "’" })
    }

    /// Answers that say the respondent gives no rating: don't know, not applicable, no answer.
    private static let nonRatings: Set<String> = Set(nonRatingTexts.map { answerKey($0) })
    /// The same with letters outside ASCII written `?`, where letters of ASCII are most of them.
    private static let lostNonRatings = TextKey.lostLettersKeys(nonRatingTexts, key: spelledAsKey)
    private static let nonRatingTexts = [
        "dk", "dont know", "do not know", "n/a", "na", "n a", "not applicable", "refuse", "no answer", "no opinion",
        "prefer not to say", "prefer not to answer", "refused", "cant say", "cannot say", "hard to say", "ei tea", "ei oska öelda", "ei oska vastata", "ei puuduta", "pole asjakohane",
        "nezinu", "grūti pateikt", "grūti atbildēt", "nav attiecināms", "nežinau", "sunku pasakyti",
        "netaikoma", "не знаю", "затрудняюсь ответить", "трудно сказать", "нет ответа", "не применимо",
        "неприменимо", "важко сказати", "не застосовується",
        "not sure", "unsure", "pole kindel", "ei ole kindel", "neesmu pārliecināts", "nesu tikras", "nesu tikra", "ei soovi vastata", "ei taha vastata", "ei ole asjakohane", "ei kohaldu",
        "nevēlos atbildēt", "neattiecas", "nav zināms", "nenoriu atsakyti", "nežinau / negaliu atsakyti", "neaktualu",
        "не хочу отвечать", "не относится", "не отношусь", "не уверен", "не уверена", "не могу сказать",
        // Hard to say, no answer, no opinion, cannot say, refused, as staff write them (a
        // differential tester's: each had been read as the number before it, `3 - Raske öelda`).
        "raske öelda", "raske vastata", "vastus puudub", "arvamus puudub", "pole arvamust", "keeldus vastamast",
        "nav atbildes", "nav viedokļa", "nevar pateikt", "atteicās atbildēt", "nezinu, ko atbildēt",
        "nėra atsakymo", "neturiu nuomonės", "negaliu atsakyti", "atsisakė atsakyti", "nėra nuomonės",
        "сложно сказать", "нет мнения", "отказ от ответа", "затрудняюсь", "без ответа", "no view",
        // Don't know, rather not say, no comment, in the forms survey tools and staff write them
        // (a differential tester's: each a point, or a 7th point refusing the form).
        "i dont know", "i do not know", "rather not say", "rather not answer", "id rather not say", "dont want to answer",
        "do not want to answer", "no comment", "no response", "does not apply", "doesnt apply", "keeldun vastamast",
        "ei soovi öelda", "negribu atbildēt", "nevēlos teikt", "atsakos atbildēt", "nevaru atbildēt", "nav komentāru",
        "atsisakau atsakyti", "be atsakymo", "nenoriu sakyti", "sunku atsakyti", "be komentarų",
        "предпочитаю не отвечать", "затрудняюсь с ответом", "не могу ответить", "без комментариев", "нет комментариев",
        // Did not answer, refused: the remarks `Normalizer.noAnswerRemarks` reads in free text
        // (a differential tester's: `3 - Ei vasta`, `3 - Atteicās`, `3 - Отказ` had been 3).
        "ei vasta", "ei vastanud", "vastamata", "keeldus", "did not answer", "not answered", "neatbildēja", "neatbildēts",
        "atteicās", "neatsakė", "neatsakyta", "atsisakė", "не ответил", "не ответила", "отказался", "отказалась", "отказ",
    ]
}

/// A training topic and the questions that measure it.
public struct Topic: Sendable, Equatable {
    public var key: String
    public var importanceQuestion: String?
    public var competenceQuestion: String?
}
