/// One respondent's clean record: where they work and their answers, in the instrument's terms.
public struct Respondent: Sendable, Equatable {
    /// Stable across runs: derived from the source file's name and the submission ID (or line).
    public var id: String
    public var sourceFile: String
    public var sourceLine: Int
    /// ISO 3166-1 alpha-2, or nil when unknown.
    public var country: String?
    /// ISO 3166-2 municipality code, or nil when the name matched no single municipality.
    public var municipalityCode: String?
    /// The gazetteer's name when matched, otherwise the name as written.
    public var municipalityName: String?
    public var role: String?
    /// The submission date (YYYY-MM-DD) when the export carries one.
    public var submitted: String?
    /// The respondent's weight (1 unless `--weights COLUMN` reads one; 0 leaves them out of figures).
    public var weight: Double = 1
    /// Whether the respondent's file asked who wants training (had a column for the demand
    /// question): one that did not counts in no demand share.
    public var demandAsked = true
    /// Choices of the demand question its file had no column for, when the file asks it by a
    /// column per choice: those topics were not asked, and it counts in none of their shares.
    public var demandUnaskedChoices: Set<String> = []
    /// Answers by question index in `Instrument.questions` (nil: not answered). Tool metadata
    /// (`start`, `end`) and free text that is anonymised or never reported are not kept.
    public var answers: [Answer?]

    public func answer(_ questionIndex: Int) -> Answer? {
        questionIndex < answers.count ? answers[questionIndex] : nil
    }
}

extension Respondent {
    /// A respondent from a normalised row's parts (`Normalizer.Row`): the role is the role
    /// question's choice name, the submission date yyyymmdd (0: none).
    init(idHash: UInt64, file: String, line: Int, place: Normalizer.PlaceReading?, submitted: Int32, weight: Double,
         answers: [Answer?], roleQuestion: Int?, demandAsked: Bool = true, demandUnaskedChoices: Set<String> = []) {
        var role: String? = nil
        if let r = roleQuestion, case let .choice(name)? = answers[r] { role = name }
        self.init(
            id: FNV.respondentID(idHash), sourceFile: file, sourceLine: line, country: place?.country,
            municipalityCode: place?.municipalityCode, municipalityName: place?.municipalityName, role: role,
            submitted: submitted == 0 ? nil : SubmissionDate.format(submitted), weight: weight, demandAsked: demandAsked,
            demandUnaskedChoices: demandUnaskedChoices, answers: answers)
    }
}

/// A normalised answer.
public enum Answer: Sendable, Equatable, Hashable {
    /// A select_one choice name.
    case choice(String)
    /// select_multiple choice names, in choice-list order (empty: answered, nothing ticked).
    case choices([String])
    /// Free text, a number or a date, trimmed.
    case text(String)

    /// The value as written in clean/responses.csv: choice names space-separated, as XLSForm does.
    public var cleanValue: String {
        switch self {
        case let .choice(name): return name
        case let .choices(names): return names.joined(separator: " ")
        case let .text(text): return text
        }
    }
}
