/// What an export column holds, once its header is matched to the instrument.
public enum ColumnRole: Hashable, Sendable {
    /// A question's whole answer (index into `Instrument.questions`).
    case question(Int)
    /// One choice of a select_multiple question, exported as its own 1/0 (or Y, or label) column.
    case choice(question: Int, choice: String)
    /// Bookkeeping of the form tool.
    case meta(MetaField)
    /// Personal data of the form tool (e-mail, name, phone): never read.
    case personal
    /// Not part of the instrument; listed once per file and never carried further.
    case unmapped

    /// The question whose answer, or one of whose choices, the column holds.
    public var question: Int? {
        switch self {
        case let .question(q), let .choice(q, _): return q
        default: return nil
        }
    }

    public enum MetaField: String, Sendable {
        /// A submission's unique ID (`_uuid`, `meta/instanceID`, `KEY`): duplicates share it.
        case submissionID
        /// A row number or database id of the tool (`_id`, `_index`, LimeSurvey `id`, MS Forms `ID`).
        case rowID
        /// When the answers were submitted.
        case submitted
        /// The tool's review of the submission (KoboToolbox's `_validation_status`, ODK Central's
        /// `ReviewState`).
        case review
        /// Anything else the tool adds (`_status`, `__version__`, `lastpage`, ...).
        case other
    }
}

/// Matches an export's header row to the instrument's questions, whatever tool wrote it: XML names
/// with or without group paths (`group/q`, `group:q`, ODK's `group-q`), Kobo split choice columns
/// (`q/choice`), LimeSurvey codes (`CODE[SQ001]`), labels in any language, and labels qualified by
/// their group (`Group label [Question label]` from a Google Forms grid, `Group label/Question label`
/// from a Kobo label export, `Group label.Question label`).
public struct ColumnMapper {
    public let instrument: Instrument
    private var byName: [String: Set<ColumnRole>] = [:]
    private var byCode: [String: Set<ColumnRole>] = [:]
    private var byLabel = KeyedLookup<ColumnRole>()
    /// Group keys (`Instrument.groups`) by name, path or code, lower-cased: a name two groups
    /// share (each in another group) holds both, and names neither.
    private var groupsByName: [String: Set<String>] = [:]
    private var groupByLabel = KeyedLookup<String>()
    private var selectMultipleByLabel = KeyedLookup<Int>()
    /// Per group: its answer questions, in form order, and their labels.
    private var groupMembers: [String: [Int]] = [:]
    private var memberByLabel: [String: KeyedLookup<Int>] = [:]
    /// Per select_multiple question: its choices by label.
    private var choiceByLabel: [Int: KeyedLookup<String>] = [:]
    private var choiceByNameOrLabel: [Int: KeyedLookup<String>] = [:]

    static let metaHeaders: [String: ColumnRole.MetaField] = toolHeaders.merging(
        ExportShape.microsoftFormsCompletionHeaders.map { ($0, .submitted) }
            + (ExportShape.microsoftFormsStartHeaders.union(ExportShape.microsoftFormsModifiedHeaders)).map { ($0, .other) },
        uniquingKeysWith: { tool, _ in tool })

    private static let toolHeaders: [String: ColumnRole.MetaField] = [
        "_uuid": .submissionID, "meta/instanceid": .submissionID, "meta-instanceid": .submissionID,
        "instanceid": .submissionID, "key": .submissionID, "_id": .rowID, "_index": .rowID, "id": .rowID,
        "ид": .rowID, "response id": .rowID, "_submission_time": .submitted, "submissiondate": .submitted,
        "submitdate": .submitted, "date submitted": .submitted, "completion time": .submitted,
        "timestamp": .submitted, "start time": .other, "last modified time": .other, "_validation_status": .review,
        "_notes": .other, "_status": .other, "__version__": .other, "_version_": .other,
        "_tags": .other, "_parent_index": .other, "_parent_table_name": .other, "lastpage": .other,
        "startlanguage": .other, "last page": .other, "start language": .other, "date started": .other,
        "date last action": .other, "referrer url": .other, "seed": .other, "token": .other, "startdate": .other,
        "datestamp": .other,
        // LimeSurvey's full-text headings of the same columns exported from its Russian interface
        // (its ru.po: Response ID, Date submitted, Last page, Start language, Token, Date started,
        // Date last action, Referrer URL).
        "id ответа": .rowID, "дата записи": .submitted, "последняя страница": .other, "начальный язык": .other,
        "маркер доступа": .other, "дата начала": .other, "время последнего обращения": .other, "url ссылки": .other,
        "refurl": .other, "submitterid": .other, "attachmentspresent": .other, "attachmentsexpected": .other,
        "status": .other, "reviewstate": .review, "deviceid": .other, "edits": .other, "formversion": .other,
        "_xform_id_string": .other, "_geolocation": .other, "_attachments": .other, "_duration": .other,
        // KoboToolbox's exports list `meta/rootUuid` among their own columns since December 2025
        // (a submission's first instanceID, kept through edits); edits and deployments add these.
        "meta/rootuuid": .other, "meta/deprecatedid": .other, "meta/instancename": .other, "formhub/uuid": .other,
        "meta-deprecatedid": .other, "meta-instancename": .other, "meta.rootuuid": .other, "meta-rootuuid": .other,
        "rootuuid": .other,
        // XLSForm's metadata (`today`, `audit`) a form not given with `--instrument` declared: the
        // tool's own columns, not questions of an older version of the form (a probe's warning).
        "today": .other, "audit": .other, "audit_url": .other,
    ]

    /// KoboToolbox's `meta/rootUuid` as its export heads it with any group separator it offers
    /// (`/`, `.`, `-`) or without group names (`rootUuid`), compared lowercased.
    static let rootUUIDHeadings: Set<String> = ["meta/rootuuid", "meta.rootuuid", "meta-rootuuid", "rootuuid"]

    /// A form made a quiz: Google Forms adds its `Score` (`7 / 10`), Microsoft Forms `Total
    /// points`, `Quiz feedback` and `Grade posted to learners`. The normaliser reads them so in
    /// those tools' exports only, of the columns `resolve` left unmapped (a question labelled
    /// `Score` stays the question; a hand-made sheet's own `Score` is listed as unmapped).
    static let quizHeaders: Set<String> = ["score", "total points", "quiz feedback", "grade posted to learners"]

    /// Headers (compared by `TextKey.loose`) that name personal data in the tools' own columns.
    static let personalHeaders: Set<String> = Set([
        "email", "e-mail", "email address", "e-mail address", "e-post", "e-posti aadress", "meil", "meiliaadress", "e-pasts",
        "e-pasta adrese", "el. pastas", "el. pasto adresas", "elektroninis pastas", "электронная почта",
        "эл. почта", "адрес электронной почты", "name", "full name", "respondent name", "nimi", "vards",
        "vards uzvards", "vardas", "vardas pavarde", "имя", "фио", "phone", "phone number", "telephone",
        "telefon", "telefoninumber", "talrunis", "telefonas", "телефон", "ipaddr", "ip address", "ip адрес",
        "_submitted_by", "submittername", "username", "respondent", "responder", "respondent email",
        // XLSForm's metadata of the phone a form was filled in on (its number, SIM, subscriber).
        "phonenumber", "simserial", "subscriberid",
    ].map { TextKey.loose($0) })

    /// The headings of the e-mail address Google Forms and Microsoft Forms collect, in the
    /// region's languages (a subset of `personalHeaders`).
    static let emailHeaders: Set<String> = Set([
        "email", "e-mail", "email address", "e-mail address", "e-posti aadress", "e-post", "meil", "meiliaadress",
        "e-pasta adrese", "e-pasts",
        "el. pasto adresas", "el. pastas", "электронная почта", "эл. почта", "адрес электронной почты", "respondent email",
    ].map { TextKey.loose($0) })

    /// A select of the form is typed `or_other`.
    private let hasOrOther: Bool

    /// The heading of an `or_other` question's text in an export of labels: pyxform adds it as
    /// `NAME_other` labelled `Specify other.` in every language, so a Kobo labels export heads
    /// it so (`Household/Specify other.` with group names). Free text, never read (it may name
    /// people); it was listed as a column of an older form version.
    /// Its full stop is pyxform's: a form's own text labelled `Specify other` (a designer's
    /// `topics_other`) is that question, and was taken for this.
    static func isSpecifyOther(_ lower: String) -> Bool {
        let label = "specify other."
        return lower == label || lower.hasSuffix("/" + label) || lower.hasSuffix("." + label)
    }

    /// A note pyxform named itself, as it names one left without a name (`generated_note_name_ROW`)
    /// and a table-list group's label (`generated_table_list_label_ROW`), after its group path in
    /// any separator: ODK Central's export has an empty column of each. Holds no answer.
    static func isGeneratedNote(_ lower: String) -> Bool {
        let name = lower.split(whereSeparator: { "/-.:".contains($0) }).last.map(String.init) ?? lower
        for prefix in ["generated_note_name_", "generated_table_list_label_"] where name.hasPrefix(prefix) {
            let row = name.dropFirst(prefix.count)
            return !row.isEmpty && row.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }

    public init(instrument: Instrument) {
        self.instrument = instrument
        hasOrOther = instrument.questions.contains { $0.orOther }
        // The labels as the form writes them: a label without its ending is no other spelling of
        // one when another question is labelled so (`Comments` beside `Comments:`).
        let written = Set((instrument.groups.values.flatMap { $0.labels.values } + instrument.questions.flatMap { $0.labels.values })
            .map { $0.trimmingSpaces.lowercased() })
        for (key, group) in instrument.groups {
            for spelling in [group.name.lowercased(), Self.code(group.name), key.lowercased()] {
                groupsByName[spelling, default: []].insert(key)
            }
            for (_, label) in group.labels {
                for spelling in Self.spellings(label, besides: written) { groupByLabel.insert(spelling, key) }
            }
        }
        // A group whose questions all rate topics for one measure is also named by the measure's
        // word in each language: a hand-made sheet heads its blocks `Olulisus` and `Pädevus`
        // (or `Svarīgums`, `Kompetence`), not with the form's question, and a block of
        // competence first was read in the form's order, as importance.
        var measureOfGroup: [String: Set<Question.Measure?>] = [:]
        for question in instrument.questions where !question.groupPath.isEmpty && question.isAnswer {
            measureOfGroup[question.groupKey, default: []].insert(question.topic == nil ? nil : question.measure)
        }
        for (key, measures) in measureOfGroup.sorted(by: { $0.key < $1.key }) {
            guard measures.count == 1, let measure = measures.first ?? nil, let words = Self.measureWords[measure] else { continue }
            for word in words where !written.contains(word) { groupByLabel.insert(word, key) }
        }
        for (index, question) in instrument.questions.enumerated() {
            if !question.groupPath.isEmpty, question.isAnswer {
                let group = question.groupKey
                groupMembers[group, default: []].append(index)
                for (_, label) in question.labels {
                    for spelling in Self.spellings(label, besides: written) { memberByLabel[group, default: KeyedLookup()].insert(spelling, index) }
                }
            }
            if case let .selectMultiple(list) = question.kind {
                var lookup = KeyedLookup<String>()
                for choice in instrument.choiceLists[list]?.choices ?? [] {
                    for (_, label) in choice.labels { lookup.insert(label, choice.name) }
                    // Its labels as the tools read them too (`0.1` for a workbook's `10%`), as
                    // the answers are matched (`ChoiceMatcher`): a labels export heads its split
                    // column so.
                    for label in choice.otherLabels { lookup.insert(label, choice.name) }
                }
                choiceByLabel[index] = lookup
                for choice in instrument.choiceLists[list]?.choices ?? [] { lookup.insert(choice.name, choice.name) }
                choiceByNameOrLabel[index] = lookup
            }
            let role: ColumnRole = question.anonymise ? .personal : .question(index)
            for path in Self.paths(question.groupPath, question.name) { byName[path.lowercased(), default: []].insert(role) }
            byCode[Self.code(question.name), default: []].insert(role)
            for (_, label) in question.labels {
                for spelling in Self.spellings(label, besides: written) { byLabel.insert(spelling, role) }
            }
            if case let .selectMultiple(list) = question.kind, !question.anonymise {
                for (_, label) in question.labels {
                    for spelling in Self.spellings(label, besides: written) { selectMultipleByLabel.insert(spelling, index) }
                }
                for choice in instrument.choiceLists[list]?.choices ?? [] {
                    let choiceRole = ColumnRole.choice(question: index, choice: choice.name)
                    for path in Self.paths(question.groupPath, question.name) {
                        for separator in Self.groupSeparators {
                            byName[(path + separator + choice.name).lowercased(), default: []].insert(choiceRole)
                        }
                    }
                }
            }
            // The text of an `or_other` answer (`NAME_other`, before the `other` choice's own
            // column joined with `_`): free text, never read (it may name people).
            if question.orOther {
                for path in Self.paths(question.groupPath, question.name) { byName[(path + "_other").lowercased()] = [.personal] }
            }
        }
    }

    /// A question's or group's label as headings write it: as it is, and without the `?`, `:`,
    /// `*` or full stop that ends it, which a form retyped in Google or Microsoft Forms (or a
    /// sheet's heading) often leaves out (`Which topics would you attend training on`); not when
    /// the form has that label as written (lower-cased in `written`), which stays its question's.
    static func spellings(_ label: String, besides written: Set<String>) -> [String] {
        var text = Substring(label.trimmingSpaces)
        while let last = text.last, "?:*!. ".contains(last) { text = text.dropLast() }
        var result = [label]
        if !text.isEmpty, text.count != label.trimmingSpaces.count, !written.contains(text.lowercased()) { result.append(String(text)) }
        // Without the possessive a form asks with and a clerk's heading leaves out (`Your role`,
        // `Teie amet`, `Jūsu amats`, `Ваша должность` headed `Amet`, `Amats`, `Должность`: a probe's
        // role column had been unmapped).
        if let space = text.firstIndex(of: " "), possessives.contains(text[..<space].lowercased()) {
            let rest = text[text.index(after: space)...].trimmingCharacters(in: .whitespaces)
            if rest.count >= 3, !written.contains(rest.lowercased()) { result.append(rest) }
        }
        return result
    }

    /// The words for "your" a question's label may start with, in the five languages.
    private static let possessives: Set<String> = [
        "your", "teie", "sinu", "jūsu", "tavs", "tava", "jūsų", "tavo", "ваша", "ваш", "ваше", "ваши", "твоя", "твой",
    ]

    /// The separators the tools join a group path with, and a select_multiple's name with its
    /// choice's in a split column (`importance/imp_intercultural`, `training_wanted_intercultural`).
    static let groupSeparators = ["/", ":", "-", ".", "--", "_", "__", "|", " / "]

    /// The spellings of a question's XML name with its group path, as the tools write them: Kobo
    /// joins groups with its export's group separator (`/` unless the user typed another in the
    /// export's settings, such as `.`, `--` or `_`: a probe's `importance--imp_intercultural` had
    /// lost every rating), ODK Central with `-`.
    static func paths(_ groups: [String], _ name: String) -> [String] {
        var result = [name]
        for k in 0..<groups.count {
            let prefix = Array(groups[k...])
            for separator in groupSeparators {
                result.append((prefix + [name]).joined(separator: separator))
            }
        }
        return result
    }

    /// A LimeSurvey-style code: letters and digits only, lower-cased (`training_wanted` → `trainingwanted`).
    static func code(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// Resolves one header. `position` is the column's 0-based index (a tool's timestamp is first).
    public func resolve(_ rawHeader: String, position: Int = 1) -> ColumnRole {
        let header = rawHeader.trimmingSpaces
        guard !header.isEmpty else { return .unmapped }
        let lower = header.lowercased()
        if let role = unique(byName[lower]) { return role }
        if let meta = Self.metaHeaders[lower] { return .meta(meta) }
        if hasOrOther, Self.isSpecifyOther(lower) { return .personal }
        if Self.isGeneratedNote(lower) { return .meta(.other) }
        if Self.personalHeaders.contains(TextKey.loose(header)) { return .personal }
        if position == 0, ExportShape.isTimestampHeader(header) || lower.split(separator: " ").first == "отметка" {
            return .meta(.submitted)
        }
        // Split at the `[` the last `]` closes, then at the last `[` when that is another one.
        let open = Self.matchingOpen(header)
        if let role = resolveBracketed(header, open: open) { return role }
        if open != nil && open != header.lastIndex(of: "["), let role = resolveBracketed(header) { return role }
        if let role = resolvePath(header) { return role }
        if let role = resolveExpressionCode(header) { return role }
        if let role = unique(byCode[Self.code(header)]), !Self.code(header).isEmpty { return role }
        if case let .unique(role, _) = byLabel.match(header) { return role }
        if let role = resolveQualifiedLabel(header) { return role }
        if let role = resolveParenthesised(header) { return role }
        if let role = resolveCodeAndText(header, position: position) { return role }
        if let role = resolveAbbreviated(header) { return role }
        for plain in Self.withoutNumberingAndHint(header) {
            let role = resolve(plain, position: position)
            if role != .unmapped { return role }
        }
        if let spaced = Self.underscoresAsSpaces(header) { return resolve(spaced, position: position) }
        return .unmapped
    }

    /// Whether a heading names the day each form was filled in, as a hand-made sheet's column
    /// does (`Date`, `Kuupäev`, `Datums`, `Data`, `Дата`, `Дата заполнения`, `1. Date`): the
    /// normaliser reads such a column the `resolve` left unmapped as the submission date in a
    /// file with no tool's submission time (a form's own `date` question stays unread there).
    public static func isDateHeader(_ rawHeader: String) -> Bool {
        let header = rawHeader.trimmingSpaces
        return ([header] + withoutNumberingAndHint(header)).contains { dateHeaders.contains(TextKey.loose($0)) }
    }

    /// `isDateHeader`'s headings, compared by `TextKey.loose`. Not `Submitted` alone, which a
    /// sheet of its own heads a yes/no column of whether a form came back with as often as a date.
    static let dateHeaders: Set<String> = Set([
        "date", "submission date", "date of submission", "submitted on", "response date",
        "kuupäev", "täitmise kuupäev", "vastamise kuupäev", "esitamise kuupäev",
        "datums", "aizpildīšanas datums", "iesniegšanas datums", "atbildes datums",
        "data", "pildymo data", "pateikimo data", "atsakymo data",
        "дата", "дата заполнения", "дата отправки", "дата ответа",
    ].map { TextKey.loose($0) })

    /// A heading whose spaces were written as `_` (LimeSurvey's export option "Convert spaces in
    /// question text to underscores": `How_important_is_each_topic_for_your_work?_[Partnerships_for_integration]`,
    /// `Date_submitted`) with its spaces back; nil for a heading with a space or no `_`.
    static func underscoresAsSpaces(_ header: String) -> String? {
        guard header.contains("_"), !header.contains(" ") else { return nil }
        let spaced = header.split(separator: "_").joined(separator: " ")
        return spaced.isEmpty ? nil : spaced
    }

    /// The questions a header names by an XML name several share, each in another group (`age`
    /// for `hh/age` and `child/age`, as KoboToolbox's export without group names heads both), in
    /// form order: their whole answers, or one choice's split column of each (`langs/et` for
    /// `staff/langs` and `partner/langs`); nil when the name is one question's or none's. Tried
    /// only for a header `resolve` left unmapped.
    public func questionsSharingName(_ rawHeader: String) -> [ColumnRole]? {
        guard let roles = byName[rawHeader.trimmingSpaces.lowercased()], roles.count >= 2 else { return nil }
        var questions: [Int] = [], choices = Set<String>()
        for role in roles {
            switch role {
            case let .question(q): questions.append(q)
            case let .choice(q, choice):
                questions.append(q)
                choices.insert(choice)
            default: return nil
            }
        }
        // One question's whole column and another's split one, or two choices: not one name shared.
        guard Set(questions).count == roles.count, choices.isEmpty || choices.count == 1 && roles.allSatisfy({
            if case .choice = $0 { return true } else { return false }
        }) else { return nil }
        return roles.sorted { ($0.question ?? -1) < ($1.question ?? -1) }
    }

    /// The questions a header's label names when several share it (a topic's importance and its
    /// competence question, labelled alike in different groups), in form order; nil when the
    /// label names one question or none. Tried only for a header `resolve` left unmapped.
    public func questionsSharingLabel(_ rawHeader: String) -> [Int]? {
        let header = rawHeader.trimmingSpaces
        guard !header.isEmpty else { return nil }
        for text in [header] + Self.withoutNumberingAndHint(header) {
            guard case let .ambiguous(roles) = byLabel.match(text) else { continue }
            let questions = roles.compactMap { role -> Int? in
                if case let .question(q) = role { return q } else { return nil }
            }
            if questions.count >= 2 { return questions.sorted() }
        }
        return nil
    }

    /// A heading of a hand-made sheet without its number (`1)`, `(3)`, `Q4:`), then also without
    /// the punctuation after it (`?`, `:`, `*`) and a hint in parentheses at its end (`Omavalitsus
    /// (kirjutage nimi)`, unless `keepingHint`); none when there is none of these, or nothing else.
    static func withoutNumberingAndHint(_ header: String, keepingHint: Bool = false) -> [String] {
        var result: [String] = []
        var text = Substring(header.trimmingSpaces)
        // A number before the heading: `1)`, `(3)`, `Q4:`, `4 -`, `3 `, `3.1`, `1.2.3`.
        if let space = text.firstIndex(of: " ") {
            let word = text[..<space]
            var digits = word.drop { $0 == "(" || $0 == "Q" || $0 == "q" }
            while let last = digits.last, ").:-".contains(last) { digits = digits.dropLast() }
            if let first = digits.first, first.isASCII, first.isNumber,
               digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
                text = text[space...].drop { $0 == " " || $0 == "-" || $0 == "–" }
                if !text.isEmpty { result.append(String(text)) }
            }
        }
        if !keepingHint, text.hasSuffix(")"), let open = text.lastIndex(of: "("), open != text.startIndex {
            text = text[..<open]
        }
        while let last = text.last, "?:*!. ".contains(last) { text = text.dropLast() }
        let plain = String(text).trimmingSpaces
        if !plain.isEmpty, plain != header.trimmingSpaces, !result.contains(plain) { result.append(plain) }
        return result
    }

    /// The words a sheet heads a block of ratings with, in the five languages: a group's other names
    /// when every question of it rates topics for that measure.
    static let measureWords: [Question.Measure: [String]] = [
        .importance: ["importance", "how important", "olulisus", "tähtsus", "kui oluline", "svarīgums", "nozīmīgums",
                      "cik svarīgi", "svarba", "svarbumas", "kiek svarbu", "важность", "значимость", "насколько важно"],
        .competence: ["competence", "competency", "own competence", "self-assessment", "self assessment",
                      "pädevus", "kompetents", "enesehinnang", "enesehinnang (pädevus)", "oma pädevus", "kompetence",
                      "pašvērtējums", "kompetencija", "įsivertinimas", "компетентность", "компетенция", "самооценка"],
    ]

    /// A heading split as LimeSurvey's "code & question text" ones are: a code (letters and digits,
    /// a bracketed sub-question with them, or one `_` before it, an Expression Manager code), a separator (a run of spaces and punctuation with a
    /// space in it, no `/`, which KoboToolbox's paths keep, and no `_`, a space of the text in
    /// LimeSurvey's "Convert spaces to underscores"), and the text; nil for any other heading.
    static func codeAndText(_ header: String) -> (code: String, separator: String, text: String, bracketed: Bool)? {
        let scalars = Array(header.unicodeScalars)
        var end = 0
        var bracketed = false
        while end < scalars.count {
            let c = scalars[end]
            if c == "[" {
                guard let close = scalars[end...].firstIndex(of: "]") else { return nil }
                bracketed = true
                end = close + 1
                continue
            }
            // (`_` inside the code: an Expression Manager code's sub-question, `importance_SQ001`.)
            if c == "_", end > 0, end + 1 < scalars.count, Self.isCodeScalar(scalars[end + 1]), Self.isCodeScalar(scalars[end - 1]),
               !scalars[..<end].contains("_") {
                end += 1
                continue
            }
            guard Self.isCodeScalar(c) else { break }
            end += 1
        }
        var start = end
        while start < scalars.count, !scalars[start].properties.isAlphabetic, scalars[start].properties.numericType == nil,
              scalars[start] != "[" {
            start += 1
        }
        let between = scalars[end..<start]
        guard end > 0, start > end, start < scalars.count, between.contains(" "), !between.contains("_"), !between.contains("/")
        else { return nil }
        func text(_ part: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(part)) }
        return (text(scalars[..<end]), text(between), text(scalars[start...]), bracketed)
    }

    private static func isCodeScalar(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || c.properties.numericType != nil)
    }

    /// LimeSurvey's "question code & question text" headings (`codeAndText`), `importance[SQ001].
    /// How important is each topic for your work? [Intercultural competence and communication]`,
    /// and numbered labels of hand-made sheets (`3. Your role`): the code, or else, after `. ` or a
    /// code with a digit, the text. LimeSurvey's code/text separator is `. ` unless the one
    /// exporting typed another in its export dialog (`: `, ` - `, a space): after a word, the code
    /// alone (`Points - Your role` is no column of the role question); after a space alone, the code only when it names
    /// a sub-question or the text reads the same (`country Country`: `Other role` is not the role
    /// question). Tried last, so a header read before reads the same.
    private func resolveCodeAndText(_ header: String, position: Int) -> ColumnRole? {
        guard let (code, separator, text, bracketed) = Self.codeAndText(header) else { return nil }
        let role = resolve(code, position: position)
        // A sub-question the code only numbers (`importance[SQ001]`) is the one its text names
        // among its own question's: LimeSurvey numbers sub-questions in the order they were
        // added, which need not be the form's (a probe's: every rating of a survey whose topics
        // were added in another order was read under another topic). A text naming another
        // question, or the whole question (`trainingwanted[SQ001]. Which topics ...?`), does not
        // (a reviewer's: every choice column had been read as the whole answer).
        if Self.numbersItsSubquestion(code), let byText = sibling(of: role, resolve(text, position: position)) { return byText }
        if separator.allSatisfy({ $0 == " " }) {
            guard role != .unmapped, bracketed || resolve(text, position: position) == role else { return nil }
            return role
        }
        if role != .unmapped { return role }
        // The text alone after `. `, LimeSurvey's own separator and a numbered label's, or after
        // a code that is one (a digit in it, `G01Q03 - Your role`, `K1 - Riik`, or a bracketed
        // sub-question): after a word (`Points - Your role`, a Microsoft Forms quiz's score of the
        // role question) the heading is of something else.
        guard separator == ". " || bracketed || code.contains(where: \.isNumber) else { return nil }
        let byText = resolve(text, position: position)
        return byText == .unmapped ? nil : byText
    }

    /// LimeSurvey's headings by Expression Manager code (its export's "Use Expression Manager
    /// code" option, as its R and SPSS syntax names the variables) join a sub-question's code with
    /// `_` where the plain codes bracket it: `importance_SQ001`, `trainingwanted_SQ003`. Its codes
    /// are letters and digits only, so the one `_` is where the sub-question's code starts.
    private func resolveExpressionCode(_ header: String) -> ColumnRole? {
        let parts = header.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              header.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { return nil }
        return resolveBracketed(parts[0] + "[" + parts[1] + "]")
    }

    /// LimeSurvey's "abbreviated question text" headings: a question's text cut after 15
    /// characters and followed by `.. `, a sub-question's likewise in brackets (`How important
    /// i..  [Intercultural c..]`, `Anything else t..`). A part cut short is the one label it
    /// begins; a part not cut is the label it is. Tried only on a heading holding `..`.
    private func resolveAbbreviated(_ header: String) -> ColumnRole? {
        guard header.contains("..") else { return nil }
        func found<Value>(_ labels: KeyedLookup<Value>?, _ text: String) -> Value? {
            let text = text.trimmingSpaces
            let match = text.hasSuffix("..") ? labels?.matchPrefix(String(text.dropLast(2))) : labels?.match(text)
            guard case let .unique(value, _)? = match else { return nil }
            return value
        }
        guard let open = Self.matchingOpen(header) else { return found(byLabel, header) }
        let outer = String(header[..<open])
        let inner = String(header[header.index(after: open)..<header.index(before: header.endIndex)])
        // A sub-question not cut is its code (`[SQ001]`, LimeSurvey 1.9 and 2.0 wrote those) or
        // name as well as its label.
        let code = inner.trimmingSpaces.hasSuffix("..") ? nil : inner.trimmingSpaces
        if let group = found(groupByLabel, outer) {
            if let member = found(memberByLabel[group], inner) { return role(member) }
            if let code, let role = questionInGroup(group, code, position: Self.subquestionPosition(code)) { return role }
        }
        if let question = found(selectMultipleByLabel, outer) {
            if let choice = found(choiceByLabel[question], inner) { return .choice(question: question, choice: choice) }
            if let code, case let .selectMultiple(list) = instrument.questions[question].kind,
               let choices = instrument.choiceLists[list]?.choices {
                if let choice = choices.first(where: { Self.code($0.name) == Self.code(code) }) {
                    return .choice(question: question, choice: choice.name)
                }
                if let position = Self.subquestionPosition(code), position >= 1, position <= choices.count {
                    return .choice(question: question, choice: choices[position - 1].name)
                }
            }
        }
        return nil
    }

    private func unique(_ roles: Set<ColumnRole>?) -> ColumnRole? {
        guard let roles, roles.count == 1 else { return nil }
        return roles.first
    }

    /// `prefix/suffix` or `prefix:suffix` by XML names: a split choice column, or a question
    /// under a group path the instrument does not know (older form versions, other group names).
    private func resolvePath(_ header: String) -> ColumnRole? {
        guard let cut = header.lastIndex(where: { $0 == "/" || $0 == ":" }) else { return nil }
        let prefix = String(header[..<cut])
        let suffix = String(header[header.index(after: cut)...])
        if case let .question(index)? = unique(byName[prefix.lowercased()]) ?? resolvePath(prefix),
           case let .selectMultiple(list) = instrument.questions[index].kind,
           instrument.choiceLists[list]?.choice(named: suffix) != nil {
            return .choice(question: index, choice: suffix)
        }
        return unique(byName[suffix.lowercased()])
    }

    /// The `[` that the header's last `]` closes, brackets inside counted: a grid row whose label
    /// holds brackets (`Group label [Temporary protection [TP]]`). Nil when there is none.
    static func matchingOpen(_ header: String, _ open: Character = "[", _ close: Character = "]") -> String.Index? {
        guard header.last == close else { return nil }
        var depth = 0
        var i = header.endIndex
        while i > header.startIndex {
            i = header.index(before: i)
            if header[i] == close { depth += 1 }
            if header[i] == open {
                depth -= 1
                if depth == 0 { return i }
            }
        }
        return nil
    }

    /// `CODE[SUB]`: LimeSurvey sub-questions (`importance[SQ001]`, `trainingwanted[SQ003]`) and
    /// Google Forms grid rows (`Group label [Question label]`), split at `open` (by default the
    /// last `[`).
    /// A grid row numbered or punctuated as a sheet of one's own writes it (`[1. Topic]`,
    /// `[Topic:]`) is read without that when it is read as none as written (a probe's: every
    /// rating of a Google export so headed had been lost).
    private func resolveBracketed(_ header: String, open: String.Index? = nil) -> ColumnRole? {
        guard header.hasSuffix("]"), let open = open ?? header.lastIndex(of: "[") else { return nil }
        let outer = String(header[..<open]).trimmingSpaces
        let inner = String(header[header.index(after: open)..<header.index(before: header.endIndex)]).trimmingSpaces
        guard !outer.isEmpty, !inner.isEmpty else { return nil }
        if let role = resolveBracketed(outer: outer, inner: inner) { return role }
        // (Not without a part in parentheses: `[Partnerships (NGOs)]`, a row edited in the
        // survey, names none of the form's, a reviewer's case.)
        return Self.withoutNumberingAndHint(inner, keepingHint: true).lazy.compactMap { self.resolveBracketed(outer: outer, inner: $0) }.first
    }

    private func resolveBracketed(outer: String, inner: String) -> ColumnRole? {
        let position = Self.subquestionPosition(inner)

        // A select_multiple question by name, code or label: the bracket names a choice.
        var multiple: Int? = nil
        if case let .question(index)? = unique(byName[outer.lowercased()]) ?? unique(byCode[Self.code(outer)]),
           case .selectMultiple = instrument.questions[index].kind {
            multiple = index
        } else if case let .unique(index, _) = selectMultipleByLabel.match(outer) {
            multiple = index
        }
        if let index = multiple, case let .selectMultiple(list) = instrument.questions[index].kind,
           let choices = instrument.choiceLists[list]?.choices {
            if let choice = choices.first(where: { $0.name.lowercased() == inner.lowercased() || Self.code($0.name) == Self.code(inner) }) {
                return .choice(question: index, choice: choice.name)
            }
            if let position, position >= 1, position <= choices.count {
                return .choice(question: index, choice: choices[position - 1].name)
            }
            if case let .unique(name, _)? = choiceByLabel[index]?.match(inner) { return .choice(question: index, choice: name) }
            return nil
        }

        // LimeSurvey's `CODE[other]` of a list question with "Other": the text typed for it (its
        // answer is `-oth-`), free text never read, as Kobo's `NAME_other` (it may name people).
        // With full question texts, the question's label and the option's in the survey's
        // language (`Jūsu amats [Cits]`, `Ваша должность [Другое]`): it had been an unmapped column.
        if case let .question(index)? = unique(byName[outer.lowercased()]) ?? unique(byCode[Self.code(outer)])
            ?? { if case let .unique(role, _) = byLabel.match(outer) { return role } else { return nil } }(),
           case let .selectOne(list) = instrument.questions[index].kind,
           let other = instrument.choiceLists[list]?.choice(named: "other"),
           inner.lowercased() == "other" || other.labels.values.contains(where: { TextKey.loose($0) == TextKey.loose(inner) }) {
            return .personal
        }

        // A group by name, code or label: the bracket names one of its questions.
        if let group = group(named: outer) { return questionInGroup(group, inner, position: position) }
        // The other way round, a member's label over its group's (a sheet's two header rows, the
        // topic over merged cells above `Importance | Competence`): `Topic [Importance]`.
        if let group = group(named: inner), case let .unique(index, _)? = memberByLabel[group]?.match(outer) { return role(index) }
        return nil
    }

    /// The one group a text names, by its name, its code or its label (a measure's word too).
    private func group(named text: String) -> String? {
        if let group = [text.lowercased(), Self.code(text)].lazy.compactMap({ self.groupsByName[$0] }).first, group.count == 1 {
            return group.first
        }
        return group(labelled: text)
    }

    /// The one group a label names, or names with the scale noted after it (`Kompetence (1-5)`,
    /// `Importance, 1–5`, `Olulisus (skaala 1-5)`): a hand-made sheet's heading over its block (a
    /// probe: a block of competence first, so headed, had been read as importance).
    private func group(labelled text: String) -> String? {
        if case let .unique(name, _) = groupByLabel.match(text) { return name }
        guard let plain = Self.withoutScaleNote(text), case let .unique(name, _) = groupByLabel.match(plain) else { return nil }
        return name
    }

    /// A heading without the scale noted after it: a bracketed part with a digit, or a range of
    /// digits after a space or punctuation (`Kompetence (1-5)`, `Importance: 1 – 5`); nil when
    /// there is none.
    static func withoutScaleNote(_ text: String) -> String? {
        var kept = Substring(text.trimmingSpaces)
        if kept.last == ")", let open = kept.lastIndex(of: "("), kept[open...].contains(where: \.isNumber) {
            kept = kept[..<open]
        } else {
            let tail = kept.reversed().prefix(while: { $0.isNumber || " -–—".contains($0) })
            guard tail.contains(where: \.isNumber), tail.contains(where: { "-–—".contains($0) }) else { return nil }
            kept = kept.dropLast(tail.count)
        }
        while let last = kept.last, " ,:;-–—".contains(last) { kept = kept.dropLast() }
        return kept.isEmpty ? nil : String(kept)
    }

    /// The one answered question an unmapped heading reads like: its label reworded. A question
    /// reworded while a form collected answers gets a column of its own in Google Forms, and its
    /// answers under the old wording went unread with a note alone (a probe's: half the demand
    /// lost, exit 0). Reworded means, by words (in any of the form's languages):
    /// - of a question's label: three in ten of the two together differ at the most, and three
    ///   words at least are shared (`Which topics would you like training on?` for `... attend
    ///   training on?`);
    /// - of a grid's row, its group's label and its own: one of the two kept whole, the rest
    ///   reworded so (`How important is each topic for your job? [Partnerships for integration]`).
    /// A heading holding every word of what it is compared with is about it, not it reworded: a
    /// sub-column (`Label [Other]`, `Label/Other`), a quiz's `Points - Label`, `Label (notes)`,
    /// a follow-up `Which other topics ...?`. A reviewer's further cases that stay apart: `[Other
    /// topic]` under a grid's title, `Why would you attend training on these topics?`, `Please
    /// specify other topics you would attend training on`.
    public func resembledQuestion(_ header: String) -> Int? {
        func words(_ text: String) -> Set<Substring> { Set(TextKey.loose(text.trimmingSpaces).split { !$0.isLetter && !$0.isNumber }) }
        func reworded(_ heading: Set<Substring>, _ label: Set<Substring>) -> Bool {
            let shared = heading.intersection(label).count
            return shared >= 3 && !heading.isSuperset(of: label) && Double(shared) >= 0.7 * Double(heading.union(label).count)
        }
        let heading = words(header)
        guard heading.count >= 3 else { return nil }
        var found = Set<Int>()
        for (index, question) in instrument.questions.enumerated() where question.kind.isAnswered && !question.anonymise {
            let group = instrument.groups[question.groupKey]
            for (language, label) in question.labels {
                let own = words(label)
                if reworded(heading, own) { found.insert(index) }
                guard let groupLabel = group?.labels[language] else { continue }
                let title = words(groupLabel)
                // The row's label kept and the title reworded, or the other way round.
                if heading.isSuperset(of: own), reworded(heading.subtracting(own), title.subtracting(own)) { found.insert(index) }
                if heading.isSuperset(of: title), reworded(heading.subtracting(title), own.subtracting(title)) { found.insert(index) }
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// `other` when it is a sub-question of `role`'s own: a member of its group, or a choice of
    /// its question.
    private func sibling(of role: ColumnRole, _ other: ColumnRole) -> ColumnRole? {
        switch (role, other) {
        case let (.question(a), .question(b)):
            let group = instrument.questions[a].groupKey
            return !instrument.questions[a].groupPath.isEmpty && instrument.questions[b].groupKey == group ? other : nil
        case let (.choice(a, _), .choice(b, _)):
            return a == b ? other : nil
        default:
            return nil
        }
    }

    /// Whether a heading's sub-question is read by its number's place in the form: a code that
    /// only numbers it (`importance[SQ001]`), alone or with a text naming none of its question's
    /// sub-questions (a reviewer's: a sub-question's text edited in the survey).
    public func readsSubquestionByPlace(_ rawHeader: String) -> Bool {
        let header = rawHeader.trimmingSpaces
        if Self.numbersItsSubquestion(header) { return true }
        guard let (code, _, text, _) = Self.codeAndText(header), Self.numbersItsSubquestion(code) else { return false }
        let role = resolve(code)
        return role != .unmapped && sibling(of: role, resolve(text)) == nil
    }

    /// Whether a code names its sub-question by a number alone, LimeSurvey's default
    /// (`importance[SQ001]`, `importance_SQ001`), not by a name of the form's.
    static func numbersItsSubquestion(_ code: String) -> Bool {
        let inner: Substring
        if let open = matchingOpen(code) {
            inner = code[code.index(after: open)..<code.index(before: code.endIndex)]
        } else if let underscore = code.lastIndex(of: "_") {
            inner = code[code.index(after: underscore)...]
        } else {
            return false
        }
        return subquestionPosition(String(inner).trimmingSpaces) != nil
    }

    /// LimeSurvey numbers sub-questions `SQ001`, `SQ002`, ...
    static func subquestionPosition(_ text: String) -> Int? {
        let upper = text.uppercased()
        guard upper.hasPrefix("SQ") else { return nil }
        return Int(upper.dropFirst(2))
    }

    private func questionInGroup(_ group: String, _ text: String, position: Int?) -> ColumnRole? {
        let members = groupMembers[group] ?? []
        let lowered = text.lowercased()
        let code = Self.code(text)
        if let member = members.first(where: { instrument.questions[$0].name.lowercased() == lowered || Self.code(instrument.questions[$0].name) == code }) {
            return role(member)
        }
        // A sub-question coded by the topic its question rates (`importance[intercultural]`,
        // LimeSurvey's code of `legal_status` being `legalstatus`), when one member rates it.
        let rating = members.filter { instrument.questions[$0].topic.map(Self.code) == code }
        if rating.count == 1 { return role(rating[0]) }
        if let position, position >= 1, position <= members.count { return role(members[position - 1]) }
        if case let .unique(index, _)? = memberByLabel[group]?.match(text) { return role(index) }
        return nil
    }

    private func role(_ index: Int) -> ColumnRole {
        instrument.questions[index].anonymise ? .personal : .question(index)
    }

    /// A grid row retyped with parentheses for the brackets, `Group label (Question label)`, or
    /// the other way round, `Question label (Group label)`: read as `Group label [Question label]`
    /// when a group's or a select_multiple question's label is one side and its member's or
    /// choice's the other. Tried before the parentheses are taken for a hint and dropped, which
    /// leaves a topic's label alone, rated for importance and for competence alike.
    private func resolveParenthesised(_ header: String) -> ColumnRole? {
        guard let open = Self.matchingOpen(header, "(", ")"), open != header.startIndex else { return nil }
        let outer = String(header[..<open]).trimmingSpaces
        let inner = String(header[header.index(after: open)..<header.index(before: header.endIndex)]).trimmingSpaces
        guard !outer.isEmpty, !inner.isEmpty else { return nil }
        return memberByLabels(outer, inner) ?? memberByLabels(inner, outer)
    }

    /// The question a group's label and its member's name or label name together, or the
    /// choice a select_multiple question's label and the choice's name or label name.
    private func memberByLabels(_ outer: String, _ inner: String) -> ColumnRole? {
        if let group = group(labelled: outer), let role = questionInGroup(group, inner, position: nil) {
            return role
        }
        if case let .unique(index, _) = selectMultipleByLabel.match(outer),
           case .selectMultiple = instrument.questions[index].kind,
           case let .unique(name, _)? = choiceByNameOrLabel[index]?.match(inner) {
            return .choice(question: index, choice: name)
        }
        return nil
    }

    /// `Group label/Question label`, `Group label.Question label`, `Group label - Question label`,
    /// `Group label: Question label`, `Group label | Question label` (and with an en or em dash), or the
    /// same with a select_multiple question and a choice label.
    /// Groups inside groups put every label of the path in front (`Section/Group label/Question
    /// label`, a Kobo labels export): the innermost group's label is the one read.
    private func resolveQualifiedLabel(_ header: String) -> ColumnRole? {
        // (Kobo's labels export joins them with its export's group separator as typed, no spaces:
        // `Kiek kiekviena tema svarbi jūsų darbe?:Tarpkultūrinė ...` with `:`, or `-`, `--`, had
        // lost every rating, a probe's. Both labels must match, so a `-` inside one is no cut.)
        // At most `maxCuts` cuts from the end and outer labels dropped from the start are tried
        // per separator: a heading of thousands of `_` had taken every pair of them, 30 s for one
        // header (the fuzzer's). A group's path is a few labels deep, each holding a few at most.
        let maxCuts = 16
        for separator in ["/", ".", " - ", " – ", " — ", ": ", " | ", "\n", ":", "--", "-", "|", "__", "_"] {
            var searchEnd = header.endIndex
            var cuts = 0
            while cuts < maxCuts, let range = header.range(of: separator, options: .backwards, range: header.startIndex..<searchEnd) {
                cuts += 1
                let path = header[..<range.lowerBound]
                let inner = String(header[range.upperBound...]).trimmingSpaces
                searchEnd = range.lowerBound
                guard !inner.isEmpty else { continue }
                // The whole path first (a group label may hold the separator), then without its
                // outer groups' labels, one at a time.
                var outers = [String(path).trimmingSpaces]
                var from = path.startIndex
                while outers.count <= maxCuts, let cut = path.range(of: separator, range: from..<path.endIndex) {
                    outers.append(String(path[cut.upperBound...]).trimmingSpaces)
                    from = cut.upperBound
                }
                for outer in outers where !outer.isEmpty {
                    if let role = memberByLabels(outer, inner) { return role }
                }
                // A member's label before its group's: `Topic - importance`.
                if let role = memberByLabels(inner, String(path).trimmingSpaces) { return role }
            }
        }
        return nil
    }
}
