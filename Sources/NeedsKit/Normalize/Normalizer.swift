import Foundation

/// Turns records of any export into clean respondents of one instrument, logging every change,
/// duplicate and unknown value. One normaliser serves a whole run, so duplicates are found across
/// files.
///
///     let normalizer = Normalizer(instrument: instrument)
///     let mapping = normalizer.mapHeader(header.fields, file: "EE.csv", line: header.line, log: { issues.append($0) })
///     let outcome = normalizer.normalize(record, mapping: mapping, log: { issues.append($0) })
public final class Normalizer {
    public struct Options: Sendable {
        /// Drop a row identical to an earlier one that has no submission ID (otherwise flagged, kept).
        public var dropIdentical = false
        /// A numeric column (of the export, or a question of the instrument) holding each
        /// respondent's weight (`--weights COLUMN`).
        public var weightColumn: String? = nil

        /// Submission IDs held in memory before they go to a temporary file (see `DuplicateIndex`).
        public var duplicateMemoryLimit = DuplicateIndex.defaultMemoryLimit

        public init(dropIdentical: Bool = false, weightColumn: String? = nil) {
            self.dropIdentical = dropIdentical
            self.weightColumn = weightColumn
        }
    }

    /// How one file's columns map to the instrument. A class: every record of the file reads it,
    /// and passing a reference costs one retain where a struct of arrays costs one per array.
    public final class FileMapping: @unchecked Sendable {
        public let file: String
        public let shape: ExportShape
        public let roles: [ColumnRole]
        /// select_multiple questions that have a whole-answer column: their split columns are not read.
        public let wholeColumns: Set<Int>
        /// Whether any column holds an answer to an instrument question (none in a repeat table).
        public let mapsAnyQuestion: Bool
        /// Whether the file's columns answer questions of the instrument but none that rates a
        /// topic or asks who wants training, which the instrument asks: its rows are no
        /// respondents of the survey (quarantined).
        public let answersNoTopic: Bool
        /// Whether the header reads as a question and its answers (`importance/x;5;4;5`): a sheet
        /// of one respondent per column, whose rows are questions (quarantined).
        public let transposed: Bool
        /// Why no row of the file can be a respondent (no column of a question, of a topic, a
        /// repeat group's table, a sheet of one respondent per column), if so: every row is
        /// quarantined with it.
        let everyRowQuarantined: String?
        public var quarantinesEveryRow: Bool { everyRowQuarantined != nil }
        /// Places stated above the table where no column asks them (`place_stated_above`), each
        /// every respondent's of the file; their answers' ids once read (`statedIDs`, 0: none).
        private(set) var stated: [(question: Int, text: String, line: Int)]
        var statedIDs: [UInt32?]
        /// The stated places' hash, mixed into each row's fingerprint: the same answers in two
        /// municipalities' files are two respondents, not one sent twice.
        private(set) var statedHash: UInt64
        /// The part of the file the places were stated for (`rowNumbersPart` when the header was
        /// read): rows below the header repeated (another block pasted below) are not given them.
        var statedPart: UInt32 = 0
        /// Whether the places were stated on a details line between the table's rows with no row
        /// read since: they are the block's below the header repeated next.
        var statedCarries = false
        /// Whether the file has a column asking a place: the stated places are then given only to
        /// rows that leave every place cell blank (a row's own country or municipality is kept,
        /// and a stated country never joins a municipality of another).
        var statedForBlankPlacesOnly = false

        /// Whether the places were stated on a details line between the table's rows (`restate`).
        private(set) var statedBetween = false
        /// Which of the first two columns (bits 0 and 1) have held words in a respondent's row, as a
        /// column of places or notes does, not a numbering column's numbers: a block's name alone on
        /// its line is not read in such a column (`blockName`).
        var wordColumns: UInt8 = 0
        /// The column of the block's name alone (`blockName`) that states the places, if so: a
        /// respondent's row below holding words there shows it a column of places, not of numbers,
        /// and the statement is withdrawn (`block_name_withdrawn`).
        var blockColumn: Int? = nil

        /// Places stated on a details line between the table's rows: every respondent's below it.
        func restate(_ places: [(question: Int, text: String, line: Int)], part: UInt32) {
            statedBetween = true
            blockColumn = nil
            stated = places
            statedIDs = places.map { _ in nil }
            statedHash = Self.hash(places)
            statedPart = part
            statedCarries = true
        }

        private static func hash(_ places: [(question: Int, text: String, line: Int)]) -> UInt64 {
            places.reduce(FieldHash.seed) { hash, place in
                var text = place.text
                return text.withUTF8 { FieldHash.combine(hash, FieldHash.hash(UnsafeRawBufferPointer($0)), column: place.question) }
            }
        }
        /// The records above the table the mapping was made with (for a header of two rows).
        let above: [(line: Int, cells: [String])]
        /// Whether the file holds a repeat group's rows, linked to the main export's submissions
        /// (ODK Central's `PARENT_KEY`, KoboToolbox's `_parent_index`): one row per repeat, not
        /// per respondent, so none is read as one.
        public let isRepeatTable: Bool
        public let unmapped: [String]
        /// The column holding weights (`--weights COLUMN`), when the file has it.
        public let weightColumn: Int?
        /// Whether the instrument asks who wants training and this header has no column for it
        /// (neither its own nor a split choice's): the file never asked, and its respondents are
        /// left out of the demand shares' base, not counted as wanting none.
        public let lacksDemandQuestion: Bool
        /// The instrument's demand question (who wants training on which topic), if it has one.
        public let demandIndex: Int?
        /// The column of the tool's submission time, if any (for an export sent again: a row
        /// number with the same answers at the same minute).
        let submittedColumn: Int?
        /// The demand question's choices (bit k: its list's k-th) this file has no split column
        /// for, when it asks the question by split columns alone: not asked in this file.
        public internal(set) var demandUnaskedBits: UInt64 = 0
        /// KoboToolbox's `_validation_status` column, when the file has it: a submission its
        /// reviewers did not approve is quarantined.
        let reviewColumn: Int?
        /// FNV-1a of the file's base name and a NUL: respondent IDs continue from it.
        let idSeed: UInt64
        /// What to do with each column, worked out once per file (no String in the way).
        let steps: [Step]
        /// The choice names of the split choice columns that are read (`Step.choice`).
        let splitChoices: [String]
        /// Per split choice, the bit of its place in the list (`1 << position`), or 0 past the
        /// 64th choice or for a name not in the list (then `splitChoices` is read).
        let splitChoiceBits: [UInt64]
        /// The submission ID columns (`Step.submissionID`), in order: read before the others.
        let idColumns: [Int]
        /// A tool's number for the row within its export (Microsoft Forms' and LimeSurvey's `ID`,
        /// KoboToolbox's `_id`): no submission ID across files (each form numbers from 1), but
        /// within one file a number twice is the same response twice, or two exports joined.
        let rowIDColumn: Int?
        /// KoboToolbox's `meta/rootUuid`: a submission's first ID, kept through edits, where
        /// `_uuid` changes with each; when filled, the row's submission ID.
        let rootIDColumn: Int?
        /// Microsoft Forms' `Last modified time`, filled where a response was edited.
        let modifiedColumn: Int?
        /// The respondent's e-mail address that Google Forms and Microsoft Forms collect (`Email
        /// Address`, `Email`): the same address twice is the same person twice.
        let emailColumn: Int?
        /// LimeSurvey's `seed`, a random number drawn once per response: with its `id`, the
        /// same response in another export.
        let seedColumn: Int?
        /// Per column, what its cell answers for `Normalizer.copyHash` (0: not compared): the
        /// question, a choice's name, or the collected e-mail address. Made once per file.
        let copyTags: [UInt64]
        /// Whether a column holds a question besides the place and the tool's metadata (a row
        /// answering none of them is no respondent, `unanswered_rows`).
        let asksBeyondPlace: Bool
        /// The question count of the instrument the steps point into (checked before a row is
        /// read: the normaliser's tables are reached without bounds checks).
        let questionCount: Int

        init(file: String, shape: ExportShape, roles: [ColumnRole], wholeColumns: Set<Int>, mapsAnyQuestion: Bool,
             answersNoTopic: Bool = false, transposed: Bool = false, isRepeatTable: Bool = false, unmapped: [String], weightColumn: Int?, idSeed: UInt64, steps: [Step],
             splitChoices: [String], splitChoiceBits: [UInt64] = [], questionCount: Int, beyondPlace: [Bool] = [], rootIDColumn: Int? = nil, modifiedColumn: Int? = nil,
             emailColumn: Int? = nil, seedColumn: Int? = nil, demandQuestion: Int? = nil, stated: [(question: Int, text: String, line: Int)] = [],
             above: [(line: Int, cells: [String])] = []) {
            self.file = file
            self.stated = stated
            statedIDs = stated.map { _ in nil }
            statedHash = Self.hash(stated)
            self.above = above
            submittedColumn = roles.firstIndex(of: .meta(.submitted))
            self.modifiedColumn = modifiedColumn
            self.emailColumn = emailColumn
            self.seedColumn = seedColumn
            copyTags = roles.indices.map { column in
                switch roles[column] {
                case let .question(q): return UInt64(q) &+ 1
                case let .choice(q, choice):
                    return Array(choice.utf8).withUnsafeBytes { FieldHash.hash($0, seed: UInt64(q) &+ 0x6368_6F69_6365) } | 1
                default: return column == emailColumn ? 0x656D_6169_6C : 0
                }
            }
            demandIndex = demandQuestion
            lacksDemandQuestion = demandQuestion.map { d in
                !roles.contains { role in
                    switch role {
                    case let .question(q), let .choice(q, _): return q == d
                    default: return false
                    }
                }
            } ?? false
            self.rootIDColumn = rootIDColumn
            asksBeyondPlace = roles.contains { role in
                switch role {
                case let .question(q), let .choice(q, _): return q < beyondPlace.count && beyondPlace[q]
                default: return false
                }
            }
            self.shape = shape
            self.roles = roles
            self.wholeColumns = wholeColumns
            self.mapsAnyQuestion = mapsAnyQuestion
            self.answersNoTopic = answersNoTopic
            self.transposed = transposed
            everyRowQuarantined = !mapsAnyQuestion
                ? (isRepeatTable ? "a repeat group's row, not a respondent" : "no column of the file matches the instrument")
                : answersNoTopic ? "no column of the file rates a topic or asks who wants training"
                : transposed ? "a sheet of one respondent per column: its rows are questions" : nil
            self.isRepeatTable = isRepeatTable
            self.unmapped = unmapped
            self.weightColumn = weightColumn
            self.idSeed = idSeed
            self.steps = steps
            self.splitChoices = splitChoices
            self.splitChoiceBits = splitChoiceBits.count == splitChoices.count ? splitChoiceBits : splitChoices.map { _ in 0 }
            reviewColumn = roles.firstIndex(of: .meta(.review))
            idColumns = steps.indices.filter { if case .submissionID = steps[$0] { true } else { false } }
            rowIDColumn = roles.firstIndex(of: .meta(.rowID))
            self.questionCount = questionCount
        }
    }

    /// One column's part in reading a record.
    enum Step {
        case skip
        case submissionID
        /// `utc`: the column is KoboToolbox's `_submission_time`, the server's clock in UTC with no
        /// offset written (a value ending in `Z` or `+00:00` says so itself).
        case submitted(utc: Bool)
        case question(Int)
        /// A later column of a question that has one already (a Google Forms question deleted and
        /// made again heads two columns alike, the earlier answers in the first): read only for a
        /// row the earlier column left without an answer.
        case questionAgain(Int)
        /// A column with no header: nothing says what its values are, so they are not read, but
        /// counted, so that a file's end says they were there.
        case unnamed
        /// A split choice column: the question and the index of its choice in `splitChoices`.
        case choice(Int, Int)
    }

    public enum Outcome: Equatable {
        case respondent(Respondent)
        case duplicate
        case blank
        case quarantined(String)
        /// A HXL hashtag row under the header: part of the header, not a record.
        case hashtagRow

        /// Asked without comparing (and so copying) a respondent.
        public var isHashtagRow: Bool {
            if case .hashtagRow = self { return true }
            return false
        }
    }

    public let instrument: Instrument
    public let options: Options
    private let mapper: ColumnMapper
    /// Asked for at the first place read, not when the normaliser is made: the shared gazetteer
    /// is being built on another core (`Gazetteer.prepareShared`) while the parsing thread starts.
    private lazy var gazetteer: Gazetteer = makeGazetteer()
    private let makeGazetteer: () -> Gazetteer
    /// Per question: its choice list's matcher (select questions), how its cells are read.
    private let matchers: [ChoiceMatcher?]
    private let handling: [Handling]
    /// Per question and reading variant, the readings of the distinct values seen.
    /// The caches and the row's answer slots sit in memory the normaliser owns, reached
    /// through plain pointers: the per-row path then neither retains and releases arrays nor
    /// checks exclusive access to its own properties.
    private let readings: UnsafeMutablePointer<ValueCache<CellReading>>
    /// The same readings for one-byte cells (a rating `4`, a choice code `2`), by cache and byte:
    /// the answer's id plus one, 0 for a byte not read yet or read with an issue. A survey row's
    /// ratings are such cells; one load finds each, with no probe of the cache and no compare:
    /// `normalizeRow`'s perf samples on the 1,000,000-row export fell from 1,395 to 1,200
    /// (medians of six runs).
    private let oneByteReadings: UnsafeMutablePointer<UInt32>
    /// The instrument's question count: `readings` holds four caches a question (one per
    /// reading variant), `ticks` two (LimeSurvey's and the others'), `answerSlots` one entry.
    private let questionCount: Int
    /// Per question, the readings of its split choice columns' distinct values: in LimeSurvey
    /// exports (`answerCodes`, where `2` is unticked) and in the others.
    private let ticks: UnsafeMutablePointer<ValueCache<TickReading>>
    /// The answer ids of the row being read, one per question (`rowAnswers`).
    private let answerSlots: UnsafeMutablePointer<UInt32>
    /// Questions every file should have a column for: required ones, and those that rate a topic
    /// or ask for training (`questions_missing`).
    private let expectedQuestions: [Int]
    private let countryIndex: Int?
    /// Per question, whether it is one besides the place and the tool's metadata.
    private let beyondPlace: [Bool]
    private let municipalityIndex: Int?
    private let placeReader: PlaceReader
    private let roleIndex: Int?
    private let demandQuestionIndex: Int?
    /// Submission IDs seen (by a 64-bit hash of their bytes), with a fingerprint of their answers
    /// (a second copy that differs is flagged); and fingerprints of rows without an ID.
    private let seen: DuplicateIndex
    /// The files whose rows without a submission ID are in `seen`: an identical row's message
    /// names the earlier row's line, and its file when that is another (its place here, times 2^40).
    private var filesOfIdenticalRows: [String] = []
    /// The file's rows checked for identical ones (rows without a submission ID), and how many of
    /// them each earlier file holds (by its index in `filesOfIdenticalRows`): nearly all in one is
    /// that file sent again (`finishFile`).
    private var identityCheckedInFile = 0
    private var identicalInFile: [Int: Set<UInt64>] = [:]
    private var reportedDegraded = false
    /// The day/month order of the current file's slash dates (`submittedDay`); reset per file.
    /// The file's order of day and month: `decided` by its first date that shows it, `assumed`
    /// until then (month-first when that first undecided date has a 12-hour clock, `2:03:04 PM`,
    /// as US-English Excel and Microsoft Forms write it; day-first otherwise).
    private var dateOrder = (decided: Bool?.none, ambiguousBefore: 0, conflictReported: false, assumed: false)
    /// Whether the current file's note on dates written as Excel serial numbers was given.
    private var serialDatesNoted = false
    private var yearFirstNoted = false
    /// The submission dates of the clean respondents: of the files done, and of the current file
    /// apart by how sure their reading is. A date whose day and month are both 12 or less, read
    /// (day-first) before the file showed its order, counts in the period with the reading the
    /// file's order gives in the end (`submittedDays`), though its row was passed on as read.
    private var daysOfRun = DayRange()
    private var daysOfFile = (sure: DayRange(), assumed: DayRange(), otherReading: DayRange())
    /// The current row's date read the other way (month-first), when it was read day-first by
    /// assumption; 0 otherwise.
    private var rowOtherReading: Int32 = 0
    /// Respondents of the file being read whose LimeSurvey response was never submitted.
    private var incompleteInFile = 0
    /// Respondents of the file being read whose LimeSurvey submitdate is its placeholder for none.
    private var undatedInFile = 0
    /// Rows of the file that answer nothing but their place (read as blank), and the first's line.
    private var unansweredInFile = (rows: 0, line: 0)
    /// The file's dotted submission dates (`02.08.2025`): how many have day and month both 12 or
    /// less, the first of them (line, column, text), and whether one has a day above 12.
    private var dottedDates = (ambiguous: 0, line: 0, column: 0, text: "", dayAbove12: false)
    /// In a hand-made sheet, whether a row of this block gave a place in its own cells, and the
    /// rows below one that leave both blank (merged cells saved as blanks?).
    private var placeAbove = false
    private var belowPlaced = (rows: 0, line: 0)
    /// Rows of a hand-made sheet that give a country and leave the municipality blank below a
    /// row that gives one (`place_blank_below`), and the country answer of the last row that gave one.
    private var belowMunicipality = (rows: 0, line: 0)
    /// Whether the row being read was told of as a copy of an earlier one (`duplicate_row_id`):
    /// its e-mail address is then not told of again (`same_email`).
    private var toldAsCopy = false
    private var municipalityAbove: UInt32? = nil
    /// Values of the file being read in columns with no header, and where the first stands.
    private var unnamedInFile = (values: 0, line: 0, column: 0)
    /// What the row's submission date said (`submittedDay`), held until the row is known to be no
    /// header in another language, whose `Timestamp` is no date to tell of.
    private var heldDateIssues: [CleaningIssue] = []
    /// Rows of the current file checked for being its header in another language (bounded).
    private var headerChecksInFile = 0
    /// The tool's row numbers read in file `rowNumbersFile` (`FileMapping.rowIDColumn`): at a
    /// number, its row's fingerprint (0: not read) and the part of the file it was read in (a
    /// part ends where the header comes again: two exports joined, each numbering from 1).
    private var rowNumbers: [(fingerprint: UInt64, part: UInt32)] = []
    private var rowNumbersFile = ""
    private var rowNumbersPart: UInt32 = 0
    private var rowNumbersRead = 0
    /// Base names that several files of the run share (`InputFiles.Expansion.sharedBaseNames`):
    /// set before the first file is read, so that respondent IDs do not depend on file order.
    public var sharedBaseNames: Set<String> = []
    /// Per base name, the first file that had it (`idSeed`, for base names not declared shared).
    private var seedOwners: [String: String] = [:]

    /// Answers read so far, interned (id = index + 1, numbered across all questions): a row
    /// holds their ids (`rowAnswers`).
    private(set) var answerTable: [Answer] = []
    /// Per answer id (index + 1): a hash of its question and value (`answerHash`), the same
    /// however the value was written, for telling two copies of a submission apart by what they
    /// answer (`answersHash`).
    private var answerHashes: [UInt64] = []
    /// Split choice sets interned per question (ticked names in list order → id), and the same
    /// ids by the bits of the choices' places (`FileMapping.splitChoiceBits`).
    private var choiceSetIDs: [[[String]: UInt32]]
    private var choiceSetIDsByBits: [[UInt64: UInt32]]
    /// The row's split choice columns, per question: the bits of the ticked choices, whether
    /// one of its columns was answered, and the questions so marked (reset after each row).
    private let tickedBits: UnsafeMutablePointer<UInt64>
    private let splitAnswered: UnsafeMutablePointer<Bool>
    private var splitQuestions: [Int] = []
    /// Places read so far, interned (id = index + 1; 0: no place).
    private(set) var placeTable: [PlaceReading] = []
    private var placeIDs: [UInt64: UInt32] = [:]
    private var recentPlaces = [(key: UInt64, id: UInt32)](repeating: (0, 0), count: 4096)
    /// Whether to keep what is interned in `fresh`, for a consumer that mirrors the tables.
    var keepsFresh = false
    /// What was interned since the consumer last took it (`takeFresh`), in order.
    private(set) var fresh: [Fresh] = []
    /// The row `normalizeRow` read: a clean respondent when it returned nil (after any other
    /// outcome its answers may be half-read).
    private(set) var row: Row

    /// An entry of the normaliser's tables, for a consumer on another thread that mirrors them.
    enum Fresh {
        /// The next answer id (an answer to `question`).
        case answer(question: Int, Answer)
        /// The next place id.
        case place(PlaceReading)
    }

    /// A clean respondent as the normaliser holds it, with its answers as ids in `rowAnswers`:
    /// ids into `answerTable` (0: not answered; `Row.extra` marks an index into `extras`, for
    /// values too many or too long to keep).
    struct Row {
        static let extra: UInt32 = 1 << 31
        /// Place id for `extraPlace`.
        static let extraPlaceID = UInt32.max
        var idHash: UInt64 = 0
        var line = 0
        var place: UInt32 = 0
        /// yyyymmdd, 0 when the export has no submission date.
        var submitted: Int32 = 0
        /// The submission date read month-first, when it was read day-first only because its file
        /// had not shown its order yet (day and month both 12 or less); 0 otherwise.
        var otherReading: Int32 = 0
        var weight = 1.0
        /// `FileMapping.lacksDemandQuestion` of the row's header.
        var demandUnasked = false
        /// `FileMapping.demandUnaskedBits` of the row's header.
        var demandUnaskedBits: UInt64 = 0
        var extras: [Answer] = []
        var extraPlace: PlaceReading? = nil
    }

    public init(instrument: Instrument, options: Options = Options(), gazetteer: @autoclosure @escaping () -> Gazetteer = .shared) {
        self.instrument = instrument
        seen = DuplicateIndex(memoryLimit: options.duplicateMemoryLimit)
        self.options = options
        self.mapper = ColumnMapper(instrument: instrument)
        makeGazetteer = gazetteer
        matchers = instrument.questions.map { question in
            question.kind.listName.flatMap { instrument.choiceLists[$0] }.map(ChoiceMatcher.init)
        }
        // Free text is kept only where something reads it: the clean table (reported, not
        // anonymised), the panel code, the place and role questions. Tool metadata is read
        // for the submission date only.
        let kept = Set([instrument.countryQuestion, instrument.municipalityQuestion, instrument.roleQuestion,
                        instrument.panelQuestion].compactMap { $0?.key })
        handling = instrument.questions.map { question in
            switch question.kind {
            case .selectOne, .selectMultiple, .integer, .decimal: return .cached
            case .meta: return question.name == "end" ? .submittedDate : .none
            // Kept free text is read once per distinct value too (trimmed, as written).
            default: return CleanResponsesWriter.isCarried(question) || kept.contains(question.key) ? .cached : .none
            }
        }
        questionCount = instrument.questions.count
        readings = .allocate(capacity: questionCount * 4)
        readings.initialize(repeating: ValueCache(), count: questionCount * 4)
        oneByteReadings = .allocate(capacity: questionCount * 4 * 256)
        oneByteReadings.initialize(repeating: 0, count: questionCount * 4 * 256)
        ticks = .allocate(capacity: questionCount * 2)
        ticks.initialize(repeating: ValueCache(), count: questionCount * 2)
        answerSlots = .allocate(capacity: max(questionCount, 1))
        answerSlots.initialize(repeating: 0, count: max(questionCount, 1))
        expectedQuestions = instrument.questions.indices.filter { q in
            let question = instrument.questions[q]
            guard question.isAnswer, question.kind != .meta, !question.anonymise, !question.inRepeat else { return false }
            return question.required || question.topic != nil || question.measure != nil
        }
        countryIndex = instrument.countryQuestion.flatMap { instrument.questionIndex[$0.key] }
        municipalityIndex = instrument.municipalityQuestion.flatMap { instrument.questionIndex[$0.key] }
        beyondPlace = instrument.questions.indices.map { [countryIndex, municipalityIndex] in
            $0 != countryIndex && $0 != municipalityIndex && instrument.questions[$0].kind != .meta
        }
        placeReader = PlaceReader(instrument: instrument, countryIndex: countryIndex, municipalityIndex: municipalityIndex, matchers: matchers)
        roleIndex = instrument.roleQuestion.flatMap { instrument.questionIndex[$0.key] }
        demandQuestionIndex = instrument.demandQuestion.flatMap { instrument.questionIndex[$0.key] }
        choiceSetIDs = Array(repeating: [:], count: instrument.questions.count)
        choiceSetIDsByBits = Array(repeating: [:], count: instrument.questions.count)
        tickedBits = .allocate(capacity: max(instrument.questions.count, 1))
        tickedBits.initialize(repeating: 0, count: max(instrument.questions.count, 1))
        splitAnswered = .allocate(capacity: max(instrument.questions.count, 1))
        splitAnswered.initialize(repeating: false, count: max(instrument.questions.count, 1))
        row = Row()
    }

    /// The answer ids of the row `normalizeRow` read, one per question: valid until the next call.
    var rowAnswers: UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(start: answerSlots, count: questionCount)
    }

    deinit {
        readings.deinitialize(count: questionCount * 4)
        readings.deallocate()
        oneByteReadings.deallocate()
        ticks.deinitialize(count: questionCount * 2)
        ticks.deallocate()
        answerSlots.deallocate()
        tickedBits.deallocate()
        splitAnswered.deallocate()
    }

    /// What was interned since the last call, for the consumer of rows.
    func takeFresh() -> [Fresh] {
        defer { fresh.removeAll(keepingCapacity: true) }
        return fresh
    }

    // MARK: Header

    /// Labels a hand-made sheet states its municipality under, above the table, besides the
    /// form's own (`Omavalitsus:`), compared by `TextKey.loose`.
    static let municipalityLabels = Set(municipalityLabelTexts.map { TextKey.loose($0) })
    private static let municipalityLabelTexts = [
        "municipality", "city", "town", "city/town", "local authority", "local government", "council", "institution", "organisation", "organization",
        "omavalitsus", "kohalik omavalitsus", "linn", "vald", "linn/vald", "vald/linn", "linn või vald", "asutus",
        "pašvaldība", "novads", "pilsēta", "novads/pilsēta", "pilsēta/novads", "iestāde",
        "savivaldybė", "miestas", "rajonas", "įstaiga",
        "муниципалитет", "самоуправление", "местное самоуправление", "город", "волость", "город/волость", "учреждение", "организация",
    ]
    /// Likewise its country.
    static let countryLabels = Set(countryLabelTexts.map { TextKey.loose($0) })
    private static let countryLabelTexts = ["country", "state", "riik", "valsts", "šalis", "valstybė", "страна", "государство"]
    /// The labels with letters outside ASCII as `KeyedLookup.lostLettersKey` writes them
    /// (`pa?vald?ba`, `savivaldyb?`, `?alis`): a sheet saved as "CSV" in a code page without them.
    private static let lostMunicipalityLabels = TextKey.lostLettersKeys(municipalityLabelTexts)
    private static let lostCountryLabels = TextKey.lostLettersKeys(countryLabelTexts)

    /// Maps a file's header row (on physical line `line`: below titles when the file has them) to
    /// the instrument, logging what its columns leave out or repeat at that line.
    public func mapHeader(_ header: [String], file: String, line: Int, above: [(line: Int, cells: [String])] = [],
                          log: (CleaningIssue) -> Void) -> FileMapping {
        daysOfRun = daysOfRun.union(daysOfCurrentFile)
        daysOfFile = (DayRange(), DayRange(), DayRange())
        dateOrder = (nil, 0, false, false)
        serialDatesNoted = false
        yearFirstNoted = false
        // A table pasted beside empty columns (a sheet's column A left blank): the tools' own
        // columns are known by their places from its first heading on.
        var lead = header.prefix { $0.trimmingSpaces.isEmpty }.count
        if lead == header.count { lead = 0 }
        let table = Array(header[lead...])
        var roles = header.enumerated().map { mapper.resolve($0.element, position: $0.offset - lead) }
        resolveSharedLabels(header, &roles, file: file, line: line, log: log)
        let shape = ExportShape.recognise(table)
        // A quiz's own columns, in the exports of the tools that add them.
        if shape == .googleForms || shape == .microsoftForms {
            for index in roles.indices where roles[index] == .unmapped
                && ColumnMapper.quizHeaders.contains(header[index].trimmingSpaces.lowercased()) {
                roles[index] = .meta(.other)
            }
        }
        // Microsoft Forms' start and completion times named in words of a wording not listed
        // (`ExportShape.microsoftFormsByPlace`): the third column is when the form was submitted.
        if ExportShape.microsoftFormsByPlace(table), roles[lead + 1] == .unmapped, roles[lead + 2] == .unmapped,
           !roles.contains(.meta(.submitted)) {
            roles[lead + 1] = .meta(.other)
            roles[lead + 2] = .meta(.submitted)
        }
        // LimeSurvey's own first columns in the words of an interface language not listed
        // (`ExportShape.limeSurveyByPlace`): its response ID, date submitted, last page and language.
        if let places = ExportShape.limeSurveyPlaces(table), !roles.contains(.meta(.submitted)),
           places.own.allSatisfy({ roles[lead + $0] == .unmapped }) {
            for (place, role) in zip(places.own, [ColumnRole.meta(.rowID), .meta(.submitted), .meta(.other), .meta(.other)]) {
                roles[lead + place] = role
            }
            // The participant's token, in its own words (`Token`, `Žetons`): an access code, no answer.
            if let token = places.token, roles[lead + token] == .unmapped { roles[lead + token] = .meta(.other) }
        }
        // A hand-made sheet's `Date` (`Kuupäev`, `Дата`, ...) is its submission date when no
        // column of a tool is.
        if !roles.contains(.meta(.submitted)),
           let date = roles.indices.first(where: { roles[$0] == .unmapped && ColumnMapper.isDateHeader(header[$0]) }) {
            roles[date] = .meta(.submitted)
        }
        var unmapped: [String] = []
        var unmappedColumns: [Int] = []
        var seenQuestions: [ColumnRole: Int] = [:]
        var again: [Int: Int] = [:]
        for (index, role) in roles.enumerated() {
            switch role {
            case .unmapped:
                let title = header[index].trimmingSpaces
                // The `--weights` column is read, though it is no question.
                if !title.isEmpty && title.lowercased() != options.weightColumn?.lowercased() {
                    unmapped.append(title)
                    unmappedColumns.append(index)
                }
            case .question, .choice:
                if let first = seenQuestions[role] {
                    roles[index] = .unmapped
                    if case let .question(q) = role {
                        again[index] = q
                        log(CleaningIssue(
                            file: file, line: line, column: index + 1, question: questionName(role), code: "duplicate_column",
                            action: .kept, message: "column \(index + 1) holds the same question as column \(first + 1); it is read only where column \(first + 1) has no answer"))
                    } else {
                        log(CleaningIssue(
                            file: file, line: line, column: index + 1, question: questionName(role), code: "duplicate_column",
                            action: .dropped, message: "column \(index + 1) holds the same question as column \(first + 1); only the first is read"))
                    }
                } else {
                    seenQuestions[role] = index
                }
            default:
                break
            }
        }
        var whole = Set<Int>()
        for role in roles { if case let .question(q) = role, case .selectMultiple = instrument.questions[q].kind { whole.insert(q) } }
        let redundant = roles.enumerated().filter { if case let .choice(q, _) = $0.element { return whole.contains(q) } else { return false } }
        if let first = redundant.first {
            log(CleaningIssue(
                file: file, line: line, column: first.offset + 1, code: "split_columns_ignored", action: .kept, severity: .note,
                message: "\(redundant.count) split choice column(s) repeat a select_multiple answer that also has its own column; the single column is read, the split ones are not, so nothing counts twice"))
        }
        let marked = roles.indices.filter { roles[$0] != .unmapped && Self.lettersWrittenAsMarks(header[$0]) }
        if let first = marked.first {
            log(CleaningIssue(
                file: file, line: line, column: first + 1, code: "letters_lost", action: .changed, severity: .note,
                message: "\(marked.count) column heading(s) have letters written as ? (`\(Diagnostic.shortened(header[first].trimmingSpaces))`): "
                    + "the file was saved in a code page without them (Excel's \"CSV\" writes ? for each); each was read as the "
                    + "question whose label it fits; save the export again as \"CSV UTF-8\" or \"Unicode text\""))
        }
        // A column reading like a question that has its own column: the question reworded while
        // the form collected answers (`ColumnMapper.resembledQuestion`), its earlier answers unread.
        let alike = unmappedColumns.compactMap { column -> (column: Int, question: Int)? in
            guard let q = mapper.resembledQuestion(header[column]), roles.contains(where: { $0.question == q }) else { return nil }
            return (column, q)
        }
        if let first = alike.first {
            let listed = alike.map { "`\(Diagnostic.shortened(header[$0.column].trimmingSpaces))` (like `\(instrument.questions[$0.question].name)`)" }
            log(CleaningIssue(
                file: file, line: line, column: first.column + 1, code: "column_like_question", action: .dropped,
                message: "\(alike.count) column(s) read like a question that has its own column, and are not read: \(listed.joined(separator: ", ")); "
                    + "a question reworded while the form collected answers? Its earlier answers are there: head the column as the question to read them"))
        }
        let lost = unmappedColumns.filter { Self.lostLetters(header[$0]) }
        if let first = lost.first {
            log(CleaningIssue(
                file: file, line: line, column: first + 1, code: "text_lost", action: .dropped,
                message: "\(lost.count) column heading(s) have lost their letters (`\(header[first].trimmingSpaces)`): the file was saved in a code page without them (Excel's \"CSV\" writes ? for each), so what they ask cannot be told; save the export again as \"CSV UTF-8\" or \"Unicode text\""))
        }
        if !unmapped.isEmpty {
            // Kobo "all versions" exports carry columns of older form versions: say so.
            let derived = unmapped.filter { name in
                name.hasPrefix("_") || name.hasSuffix("_URL") || unmapped.contains { name.hasPrefix("_" + $0 + "_") }
            }
            let older = shape == .kobo ? unmapped.filter { !derived.contains($0) } : []
            // A heading may be a whole line of the file (a stray quote in a file of one line).
            func listed(_ names: [String]) -> String { names.map { Diagnostic.shortened($0) }.joined(separator: ", ") }
            if let first = older.first, let k = unmapped.firstIndex(of: first) {
                log(CleaningIssue(
                    file: file, line: line, column: unmappedColumns[k] + 1, code: "columns_not_in_form_version",
                    action: .dropped, severity: .warning,
                    message: "\(older.count) data column(s) are not in this version of the XLSForm (an \"all versions\" export carries older versions' questions): \(listed(older))"))
            }
            log(CleaningIssue(
                file: file, line: line, column: unmappedColumns[0] + 1, code: "unmapped_columns", action: .dropped, severity: .note,
                message: "\(unmapped.count) column(s) match no instrument question and are not carried further: \(listed(unmapped))"))
        }
        // Sub-questions coded by number alone (`importance[SQ001]`) are read by their place in
        // the form, which LimeSurvey's numbering (the order they were added) need not follow:
        // said, as nothing in the file can tell (a probe's survey had every rating under another topic).
        let numbered = shape != .limeSurvey ? [] : roles.indices.filter { roles[$0].question != nil && mapper.readsSubquestionByPlace(header[$0]) }
        if let first = numbered.first {
            log(CleaningIssue(
                file: file, line: line, column: first + 1, code: "subquestions_by_place", action: .kept, severity: .note,
                message: "\(numbered.count) column(s) name their sub-question by number only (`\(Diagnostic.shortened(header[first].trimmingSpaces))`), "
                    + "with no text naming one of the form's: read as the form's topics and choices in its order; if the survey's "
                    + "sub-questions were added in another order, export with \"question code & question text\" headings, their texts the form's labels"))
        }
        if instrument.countryQuestion == nil && instrument.municipalityQuestion == nil {
            log(CleaningIssue(
                file: file, line: line, code: "instrument_has_no_place", action: .kept, severity: .note,
                message: "the instrument has no country or municipality question: respondents count only in the region total"))
        }
        if instrument.topics.isEmpty {
            log(CleaningIssue(
                file: file, line: line, code: "instrument_has_no_topics", action: .kept, severity: .note,
                message: "the instrument defines no training topics (no `topic`/`measure` columns): no topic figures can be computed"))
        }
        // A repeat group's table (ODK Central writes one CSV per repeat group, its rows linked to
        // the main one's by `PARENT_KEY`; a Kobo workbook one sheet, by `_parent_index`) answers
        // the repeat's questions once per repeat: no row of it is a respondent.
        let outsideRepeat = roles.contains { role in
            switch role {
            case let .question(q): return instrument.questions[q].kind != .meta && !instrument.questions[q].inRepeat
            case let .choice(q, _): return !instrument.questions[q].inRepeat
            default: return false
            }
        }
        // Named at the column linking each row to its submission.
        let link = header.firstIndex { Self.parentLinkHeaders.contains($0.trimmingSpaces.lowercased()) }
        let repeatTable = !outsideRepeat && link != nil
        if repeatTable, let link {
            log(CleaningIssue(
                file: file, line: line, column: link + 1, code: "repeat_table", action: .quarantined, severity: .note,
                message: "this file holds a repeat group's rows, each linked to a submission of the main export by `\(header[link].trimmingSpaces)`: "
                    + "one row per repeat, not per respondent, so none is read as a respondent"))
        }
        // Tool metadata the form declares (`start`, `end`, `today`, `deviceid`) is in every export
        // of every form: a file whose only matches are those is an export of another survey. So
        // is KoboToolbox's `__version__`, a calculation it adds to every form it deploys (a
        // probe's: another form's export read as 1,770 respondents answering nothing), and any
        // calculation or note: no respondent answers them.
        let mapsAny = !repeatTable && roles.contains { role in
            switch role {
            case let .question(q): return instrument.questions[q].kind.isAnswered
            case .choice: return true
            default: return false
            }
        }
        // A file that answers none of the survey's own questions where the instrument asks them
        // (no topic rated, no column asking who wants training), with columns of something else
        // (names and e-mails in a sheet no form tool wrote, figures): a contact list, last
        // year's topic_demand.csv. Its countries and municipalities alone had made respondents of it.
        let demand = demandQuestionIndex
        let answersNoTopic = mapsAny && (!instrument.topics.isEmpty || demand != nil)
            && (!unmapped.isEmpty || (shape == .generic && roles.contains(.personal))) && !roles.contains { role in
            switch role {
            case let .question(q), let .choice(q, _): return instrument.questions[q].topic != nil || q == demand
            default: return false
            }
        }
        // A sheet typed (or turned) the other way round, one respondent per column: its first
        // row is a question and that question's answers, not headings. Its rows had each been
        // read as a respondent answering the first question with another question's name.
        let transposed = shape == .generic && !answersNoTopic
            && transposedFirstRow(header, roles: roles, lead: lead, file: file, line: line, log: log)
        // A place stated above a hand-made table with no column asking a place (`Omavalitsus: |
        // Tartu linn`, `Riik: Eesti`, a label and its value in two cells or one): given to every
        // respondent of the file. It had been stated to no one: the respondents counted only in
        // the region's total. Only a value that reads as a place is (a title `Riik: küsitlus 2025`,
        // a note `Municipality: (write it in each row)` is said, not given); a file with a place
        // column keeps its rows' own (a stated country had overridden their municipalities).
        // With a place column, the stated place is given to the rows that leave it blank (a
        // probe's sheet with its `Riik` and `Omavalitsus` columns left empty under each block's
        // `Omavalitsus:;Narva linn` had counted every respondent in no country).
        let placeColumns = places(askedBy: roles)
        let stated = statedPlaces(in: above, file: file, shape: shape, placeColumns: placeColumns, log: log)
        if answersNoTopic {
            let matched = zip(roles, header).compactMap { role, name -> String? in
                if case let .question(q) = role, instrument.questions[q].kind.isAnswered { return "`\(Diagnostic.shortened(name.trimmingSpaces))`" }
                return nil
            }
            let only = matched.isEmpty ? "" : "; only \(matched.joined(separator: ", ")) match questions of \(instrument.named)"
            log(CleaningIssue(file: file, line: line, code: "no_topic_questions", action: .quarantined, severity: .error,
                              message: "no column rates a topic or asks who wants training\(only): "
                                + "is this an export of the survey (not a contact list or a table of figures), or of an older form whose topics are named otherwise? Its rows are quarantined"))
        }
        if mapsAny && !answersNoTopic {
            // A question whose column is missing (renamed in an older version of the form) would
            // leave its answers empty for every respondent of the file: say which, once.
            var present = Set<Int>()
            for role in roles {
                switch role {
                case let .question(q), let .choice(q, _): present.insert(q)
                default: break
                }
            }
            for place in stated { present.insert(place.question) }
            var missing = expectedQuestions.filter { !present.contains($0) }
            // A column one or two letters off a missing question's name (`imp_intercultral`):
            // misspelt, its answers unread for every respondent of the file. An error: the
            // warning below had let `needs check` pass the file (a helper's probe).
            for column in roles.indices where roles[column] == .unmapped && column < header.count {
                let name = header[column].trimmingSpaces.lowercased()
                // Names of eight letters or more, one letter off (two from twelve): `County`, a
                // column of its own, is not `country` misspelt (a reviewer's case).
                guard name.count >= 8, let q = missing.first(where: { q in
                    let key = instrument.questions[q].key.lowercased()
                    let limit = key.count >= 12 ? 2 : 1
                    return key.count >= 8 && abs(key.count - name.count) <= limit && Self.editDistance(name, key, limit: limit) <= limit
                }) else { continue }
                missing.removeAll { $0 == q }
                log(CleaningIssue(
                    file: file, line: line, column: column + 1, code: "column_misspelt", action: .kept, severity: .error,
                    message: "column `\(Diagnostic.shortened(header[column].trimmingSpaces))` is not question `\(instrument.questions[q].key)`, which has no column, "
                        + "by a letter or two: misspelt? Its answers are not read for any respondent of the file; name the column `\(instrument.questions[q].key)`"))
            }
            if !missing.isEmpty {
                let names = missing.map { q -> String in
                    let question = instrument.questions[q]
                    return question.key + (question.topic.map { " (topic \($0))" } ?? "")
                }
                log(CleaningIssue(
                    file: file, line: line, code: "questions_missing", action: .kept, severity: .warning,
                    message: "\(missing.count) question(s) of the instrument that are required or rate a topic have no column in this file (an older wording of the form?); their answers are missing for every respondent of the file: \(names.joined(separator: ", "))"))
            }
        }
        var weightColumn: Int? = nil
        if let name = options.weightColumn {
            weightColumn = header.firstIndex { $0.trimmingSpaces.lowercased() == name.lowercased() }
                ?? instrument.questionIndex[name].flatMap { q in roles.firstIndex(of: .question(q)) }
            if weightColumn == nil {
                // A name of questions in two groups (`hh/w`, `child/w`): which is meant cannot be
                // told; each is known by its path.
                let sharing = instrument.questions.filter { $0.sharesName && $0.name.lowercased() == name.lowercased() }.map(\.key)
                let which = sharing.count > 1
                    ? " (`\(name)` names \(sharing.count) questions of the instrument (\(sharing.joined(separator: ", "))): give --weights "
                        + sharing.dropLast().joined(separator: ", ") + " or " + sharing.last! + ")"
                    : ""
                log(CleaningIssue(
                    file: file, line: line, code: "weight_column_missing", action: .kept, severity: .error,
                    message: "no column `\(name)` holds weights in this file\(which); its respondents get weight 0 and count in no figure"))
            }
        }
        var splitChoices: [String] = []
        var splitChoiceBits: [UInt64] = []
        let steps: [Step] = roles.enumerated().map { column, role in
            if let q = again[column] { return .questionAgain(q) }
            if role == .unmapped && header[column].trimmingSpaces.isEmpty { return .unnamed }
            switch role {
            case .meta(.submissionID): return .submissionID
            case .meta(.submitted): return .submitted(utc: header[column].trimmingSpaces.lowercased() == "_submission_time")
            case let .question(q): return .question(q)
            case let .choice(q, choice):
                guard !whole.contains(q), matchers[q] != nil else { return .skip }
                splitChoices.append(choice)
                let position = matchers[q]!.position(of: choice) ?? 64
                splitChoiceBits.append(position < 64 ? 1 << UInt64(position) : 0)
                return .choice(q, splitChoices.count - 1)
            default: return .skip
            }
        }
        // Split columns of the demand question for only some of its choices (a sheet asking who
        // wants training on two topics of eight): the others were not asked in this file, and
        // its respondents are out of their demand shares' bases, where they had counted as
        // wanting none (a probe: 0 % published for six topics nobody was asked about).
        var demandUnaskedBits: UInt64 = 0
        if let d = demandQuestionIndex, !whole.contains(d),
           let matcher = matchers[d] {
            var asked: UInt64 = 0
            var split = false
            for step in steps {
                guard case let .choice(q, k) = step, q == d else { continue }
                split = true
                asked |= splitChoiceBits[k]
            }
            if split {
                for choice in matcher.list.choices where choice.position < 64 && asked & (1 << UInt64(choice.position)) == 0 {
                    demandUnaskedBits |= 1 << UInt64(choice.position)
                }
                let topics = Set(instrument.topics.map(\.key))
                let unasked = matcher.names(atPositions: demandUnaskedBits).filter(topics.contains)
                if !unasked.isEmpty {
                    let askedTopics = matcher.names(atPositions: asked).filter(topics.contains)
                    log(CleaningIssue(
                        file: file, line: line, question: instrument.questions[d].key, code: "demand_topics_missing", action: .kept,
                        severity: .warning,
                        message: "the file asks who wants training by a column per topic, for \(askedTopics.count) of the \(askedTopics.count + unasked.count) topics (\(askedTopics.joined(separator: ", "))): its respondents count in no want-training share of the others (\(unasked.joined(separator: ", ")))"))
                }
            }
        }
        let mapping = FileMapping(
            file: file, shape: shape, roles: roles, wholeColumns: whole,
            mapsAnyQuestion: mapsAny, answersNoTopic: answersNoTopic, transposed: transposed, isRepeatTable: repeatTable, unmapped: unmapped, weightColumn: weightColumn,
            idSeed: idSeed(file: file), steps: steps, splitChoices: splitChoices,
            splitChoiceBits: splitChoiceBits, questionCount: questionCount, beyondPlace: beyondPlace,
            rootIDColumn: header.firstIndex { ColumnMapper.rootUUIDHeadings.contains($0.trimmingSpaces.lowercased()) },
            modifiedColumn: shape == .microsoftForms ? header.firstIndex { ExportShape.microsoftFormsModifiedHeaders.contains($0.trimmingSpaces.lowercased()) } : nil,
            // (The one the tool collected, right after its time: Google Forms' `Timestamp, Email
            // Address`, Microsoft Forms' `Completion time, Email`; a contact address the form asks
            // may be an office's, shared: a reviewer's false warning.)
            emailColumn: (shape == .googleForms || shape == .microsoftForms)
                ? roles.firstIndex(of: .meta(.submitted)).map { $0 + 1 }.flatMap { k in
                    k < header.count && roles[k] == .personal && ColumnMapper.emailHeaders.contains(TextKey.loose(header[k])) ? k : nil
                } : nil,
            seedColumn: shape == .limeSurvey ? header.firstIndex { name in
                let lower = name.trimmingSpaces.lowercased()
                return lower == "seed" || ColumnMapper.codeAndText(lower)?.code == "seed"
            } : nil,
            demandQuestion: demandQuestionIndex,
            stated: stated, above: above)
        mapping.statedPart = rowNumbersPart
        mapping.statedForBlankPlacesOnly = placeColumns
        mapping.demandUnaskedBits = demandUnaskedBits
        return mapping
    }

    /// Columns headed by a label several questions share (a topic's importance and competence,
    /// in KoboToolbox's labels export without group names, its default, or a sheet headed by
    /// labels), or by a name questions of different groups share (`age` for `hh/age` and
    /// `child/age`, in Kobo's export of XML names without group names): the tools write questions
    /// in the form's order, so the k-th such column is the k-th of those questions without a
    /// column of its own, when there are as many columns as questions left (a note says so).
    /// Otherwise which is which cannot be told: not read, with a warning naming the questions;
    /// unless each of them has its column already, when the column is left unmapped (an older
    /// version's, in an "all versions" export).
    private func resolveSharedLabels(_ header: [String], _ roles: inout [ColumnRole], file: String, line: Int,
                                     log: (CleaningIssue) -> Void) {
        // The roles the columns may take (each question's whole answer, or one choice's split
        // column of each), in form order, with the columns headed so.
        var columnsByQuestions: [[ColumnRole]: [Int]] = [:]
        var sharedNames = Set<[ColumnRole]>()
        for (index, role) in roles.enumerated() where role == .unmapped {
            if let shared = mapper.questionsSharingName(header[index]) {
                columnsByQuestions[shared, default: []].append(index)
                sharedNames.insert(shared)
            } else if let questions = mapper.questionsSharingLabel(header[index]) {
                columnsByQuestions[questions.map { .question($0) }, default: []].append(index)
            }
        }
        guard !columnsByQuestions.isEmpty else { return }
        let mapped = Set(roles)
        func question(of role: ColumnRole) -> Int {
            if case let .question(q) = role { return q }
            if case let .choice(q, _) = role { return q }
            return -1
        }
        // Where the columns of each group stand (their mean place), of the questions read already.
        var columnsOfGroup: [String: [Int]] = [:]
        for (column, role) in roles.enumerated() where question(of: role) >= 0 {
            let group = instrument.questions[question(of: role)].groupKey
            if !group.isEmpty { columnsOfGroup[group, default: []].append(column) }
        }
        var ordered: [(column: Int, role: ColumnRole)] = []
        var byPlace = false
        for (shared, columns) in columnsByQuestions.sorted(by: { $0.value[0] < $1.value[0] }) {
            var free = shared.filter { !mapped.contains($0) }
            let questions = shared.map(question(of:))
            if free.count == columns.count {
                // The tools write the form's order; a sheet whose groups were moved does not. When
                // each question's group has other columns in the file, the k-th column is the
                // question whose group stands k-th: a column between `school` and `class` is the
                // child's age, wherever the form puts the child's group.
                let places = free.map { role -> Double? in
                    let group = instrument.questions[question(of: role)].groupKey
                    return columnsOfGroup[group].map { Double($0.reduce(0, +)) / Double($0.count) }
                }
                if places.allSatisfy({ $0 != nil }) {
                    let moved = free.indices.sorted { (places[$0]!, $0) < (places[$1]!, $1) }.map { free[$0] }
                    if moved != free {
                        free = moved
                        byPlace = true
                    }
                }
                for (column, role) in zip(columns, free) {
                    roles[column] = role
                    ordered.append((column, role))
                }
            } else if free.isEmpty {
                // Each of the questions has its column (`hh/age`, `child/age`): an `age` beside
                // them is a column of an older version (an "all versions" export) or none of the
                // form's, listed as such columns are; there is no question left to guess between.
                continue
            } else {
                for column in columns {
                    roles[column] = .meta(.other)
                    log(CleaningIssue(
                        file: file, line: line, column: column + 1, code: "ambiguous_column", action: .dropped,
                        message: "column \(column + 1), `\(header[column].trimmingSpaces)`, is headed by \(sharedNames.contains(shared) ? "a name" : "a label") that \(questions.count) questions share (\(questions.map { instrument.questions[$0].key }.joined(separator: ", "))), and \(columns.count) column(s) have it for \(free.count) of them without a column: which is which cannot be told, so it is not read; head it by the question's \(sharedNames.contains(shared) ? "group path (export with group names)" : "name")"))
                }
            }
        }
        guard let first = ordered.min(by: { $0.column < $1.column }) else { return }
        let pairs = ordered.sorted { $0.column < $1.column }.map { column, role -> String in
            switch role {
            case let .choice(q, choice): return "column \(column + 1): \(instrument.questions[q].key)/\(choice)"
            default: return "column \(column + 1): \(questionName(role))"
            }
        }
        log(CleaningIssue(
            file: file, line: line, column: first.column + 1, code: "columns_by_form_order", action: .kept, severity: .note,
            message: "\(ordered.count) columns are headed by names or labels that several questions share (a topic rated for importance and for competence, a name used in two groups); read "
                + (byPlace ? "by where the other columns of their groups stand, which is not the form's order" : "in the form's order")
                + ": \(pairs.joined(separator: ", "))"))
    }

    /// Whether a header that left columns unmapped (`upper`, mapped as `upperMapping`) is the upper
    /// row of two, group labels in merged cells above the questions' labels (`lower`, the record
    /// below it): the mapping of both rows read as one when it finds more questions than the upper
    /// row alone (two or more) and the lower row holds names, not answers (no number); nil
    /// otherwise. `log` takes the combined header's issues and a note saying so.
    func mapTwoRowHeader(upper: [String], upperMapping: FileMapping, lower record: RecordBuffer, file: String,
                         log: (CleaningIssue) -> Void) -> FileMapping? {
        guard !record.isBlank, record.quarantineReason == nil else { return nil }
        let lower = record.fields
        guard !lower.contains(where: { Double($0.trimmingSpaces.replacingOccurrences(of: ",", with: ".")) != nil }) else { return nil }
        // A row of one filled cell, a label, a colon and a value, is a details line, no row of
        // labels: `Omavalitsus: Narva linn` under `Nr`, a block's place, had been read as the
        // municipality's heading, `Omavalitsus` being its label (a probe's: the rows' numbers then
        // read as municipalities, Estonia lost). One question's label alone below its group's
        // is a row of labels (a reviewer's).
        let filled = lower.map(\.trimmingSpaces).filter { !$0.isEmpty }
        if filled.count == 1, let colon = filled[0].firstIndex(of: ":"),
           !String(filled[0][filled[0].index(after: colon)...]).trimmingSpaces.isEmpty { return nil }
        var issues: [CleaningIssue] = []
        let names = headerOfTwoRows(upper: upper, lower: lower)
        let combined = mapHeader(names, file: file, line: record.line, above: upperMapping.above, log: { issues.append($0) })
        func questions(_ mapping: FileMapping) -> Int {
            mapping.roles.filter { if case .question = $0 { return true } else { return false } }.count
        }
        guard combined.mapsAnyQuestion && questions(combined) >= max(2, questions(upperMapping) + 1) else { return nil }
        // The first column that names a question only with the row above: where the merged cells begin.
        let first = combined.roles.indices.first { k in
            combined.roles[k] != .unmapped && (k >= upperMapping.roles.count || upperMapping.roles[k] == .unmapped)
        }
        let example = first.map { k in
            let group = upper.prefix(k + 1).last { !$0.trimmingSpaces.isEmpty }?.trimmingSpaces ?? ""
            let below = lower[k].trimmingSpaces
            return ", from column \(k + 1) (`\(Diagnostic.shortened(below.isEmpty ? names[k] : below))`"
                + (group.isEmpty || below.isEmpty ? ")" : " under `\(Diagnostic.shortened(group))`)")
        } ?? ""
        log(CleaningIssue(file: file, line: record.line, column: first.map { $0 + 1 }, code: "two_header_rows", action: .kept,
                          severity: .note,
                          message: "the header is two rows, group labels above the questions' (merged cells): read as one\(example)"))
        issues.forEach(log)
        return combined
    }

    /// The names of a header written as two rows, group labels above the questions' (a merged
    /// cell's label stands in its first column only, so it holds to the right until the next):
    /// `Group [Question]` where that names a column, else the lower row's name.
    func headerOfTwoRows(upper: [String], lower: [String]) -> [String] {
        var group = ""
        return lower.enumerated().map { column, name in
            let above = column < upper.count ? upper[column].trimmingSpaces : ""
            if !above.isEmpty { group = above }
            let below = name.trimmingSpaces
            guard !group.isEmpty, !below.isEmpty else { return below.isEmpty ? above : below }
            let joined = group + " [" + below + "]"
            return mapper.resolve(joined, position: column) != .unmapped ? joined : below
        }
    }

    private func questionName(_ role: ColumnRole) -> String {
        switch role {
        case let .question(q), let .choice(q, _): return instrument.questions[q].key
        default: return ""
        }
    }

    // MARK: Records

    /// What a question reads from a cell: kept per distinct value (`ValueCache`), so a value
    /// seen before costs a hash and a compare.
    struct CellReading {
        struct Issue {
            var old: String, new: String, code: String, action: CleaningIssue.Action, message: String
        }
        var answer: Answer?
        var issues: [Issue] = []
        /// The answer's id in `answerTable` once kept in a cache (0: no answer).
        var id: UInt32 = 0
    }

    /// How a split choice column's cell reads (`isTicked`), kept per distinct value.
    enum TickReading {
        case blank, ticked, unticked
        case choice(String)
        case unknown(String)
    }

    /// How a question's cells are read, worked out once per question.
    enum Handling {
        /// Read once per distinct value: select and number questions, and free text that is kept.
        case cached
        /// The form's `end` time: the submission date when the export has no submission column.
        case submittedDate
        /// Not read: nothing downstream uses it (metadata, free text that is never reported).
        case none
    }

    public func normalize(_ record: RecordBuffer, mapping: FileMapping, log: (CleaningIssue) -> Void) -> Outcome {
        normalizeRow(record, mapping: mapping, log: log) ?? .respondent(respondent(file: mapping.file))
    }

    /// The last clean row (`normalizeRow`) as a respondent.
    func respondent(file: String) -> Respondent {
        var answers = [Answer?](repeating: nil, count: rowAnswers.count)
        for (q, id) in rowAnswers.enumerated() where id != 0 { answers[q] = answer(id, extras: row.extras) }
        let place = row.place == Row.extraPlaceID ? row.extraPlace : row.place == 0 ? nil : placeTable[Int(row.place) - 1]
        return Respondent(idHash: row.idHash, file: file, line: row.line, place: place, submitted: row.submitted,
                          weight: row.weight, answers: answers, roleQuestion: roleIndex, demandAsked: !row.demandUnasked,
                          demandUnaskedChoices: instrument.demandChoiceNames(atPositions: row.demandUnaskedBits))
    }

    /// The answer an id stands for (`rowAnswers`).
    func answer(_ id: UInt32, extras: [Answer]) -> Answer? {
        if id == 0 { return nil }
        if id & Row.extra != 0 { return extras[Int(id & ~Row.extra)] }
        return answerTable[Int(id) - 1]
    }

    /// A place stated above the table (`FileMapping.stated`) as the row's answer, where the row
    /// has none: read once per file, what its reading says told once, at the line it stands on.
    private func giveStatedPlaces(_ mapping: FileMapping, record: RecordBuffer, log: (CleaningIssue) -> Void) {
        // Blank as typed, not as read: a place typed that reads as none (`Soome`, `LV/EE`) is the
        // row's own, not the stated one's (a reviewer's: a respondent who wrote Finland had been
        // counted in Narva). A dash alone is blank.
        if mapping.statedForBlankPlacesOnly && mapping.roles.indices.contains(where: { column in
            guard column < record.presentCount, case let .question(q) = mapping.roles[column],
                  q == countryIndex || q == municipalityIndex else { return false }
            let typed = record[column].trimmingSpaces
            return !typed.isEmpty && !Self.isDash(typed)
        }) { return }
        for k in mapping.stated.indices where answerSlots[mapping.stated[k].question] == 0 {
            let (q, text, line) = mapping.stated[k]
            if mapping.statedIDs[k] == nil {
                let reading = read(text, question: q, shape: mapping.shape)
                mapping.statedIDs[k] = reading.answer.map { intern($0, question: q) } ?? 0
                for issue in reading.issues {
                    log(CleaningIssue(file: mapping.file, line: line, question: instrument.questions[q].key, oldValue: issue.old,
                                      newValue: issue.new, code: issue.code, action: issue.action, message: issue.message))
                }
            }
            answerSlots[q] = mapping.statedIDs[k]!
        }
    }

    /// Keeps an answer to question `q` in `answerTable` (and in `fresh`); its id.
    private func intern(_ answer: Answer, question q: Int) -> UInt32 {
        answerTable.append(answer)
        answerHashes.append(Self.answerHash(answer, question: q))
        if keepsFresh { fresh.append(.answer(question: q, answer)) }
        return UInt32(answerTable.count)
    }

    /// An answer's value with its question and kind, hashed.
    /// 0 for nothing ticked (`.choices([])`), which `answersHash` counts as not answered.
    private static func answerHash(_ answer: Answer, question q: Int) -> UInt64 {
        let kind: UInt64
        switch answer {
        case .choice: kind = 1
        case let .choices(names):
            if names.isEmpty { return 0 }
            kind = 2
        case .text: kind = 3
        }
        var value = answer.cleanValue
        let h = value.withUTF8 { FieldHash.hash(UnsafeRawBufferPointer($0)) }
        return FieldHash.combine(h, kind, column: q)
    }

    /// What the row read answers, whatever the cells' wording: a submission exported twice, once
    /// with the choices' names and once with their labels (or in another language), hashes the
    /// same, and one edited since does not. Read after the row's split choice columns are
    /// gathered and a stated place given.
    /// The cells of questions not read (`unread`: free text never reported, as typed) and values
    /// no choice fits (`issues`' old values: two roles typed otherwise are two answers) count too,
    /// as they are (a reviewer's: copies with other comments, or roles `nurse` and `bus driver`,
    /// had been called the same). Nothing ticked and not answered are alike (split columns all `0`
    /// and a blank multiple choice column: no conflict).
    private func answersHash(extras: [Answer], unread: UInt64,
                             issues: [(column: Int, question: Int, issue: CellReading.Issue)]) -> UInt64 {
        var h = FieldHash.combine(FieldHash.seed, FieldHash.finish(unread), column: -1)
        for q in 0..<questionCount {
            let id = answerSlots[q]
            if id == 0 { continue }
            let value = id & Row.extra != 0 ? Self.answerHash(extras[Int(id & ~Row.extra)], question: q) : answerHashes[Int(id) - 1]
            if value == 0 { continue }
            h = FieldHash.combine(h, value, column: q)
        }
        for pending in issues where pending.issue.code == "unknown_value" {
            var old = pending.issue.old
            h = FieldHash.combine(h, old.withUTF8 { FieldHash.hash(UnsafeRawBufferPointer($0)) }, column: -2 - pending.question)
        }
        return FieldHash.finish(h)
    }

    /// The first column of a row of a hand-made sheet that fills the split columns of one
    /// question alone, two or more, with whole numbers, one of them above 1 (`;;;;1;4;0;2`, a
    /// `COUNTIF` under the tick columns with no label); nil for any other row. It had been a
    /// respondent of no place wanting nothing, each count an `unknown_value` (a probe's).
    private func countsRow(_ record: RecordBuffer, mapping: FileMapping) -> Int? {
        var question = -1, first = -1, filled = 0, aboveOne = false
        for column in 0..<min(record.count, mapping.roles.count) {
            let bytes = record.fieldBytes(column)
            if isBlankField(bytes) { continue }
            guard case let .choice(q, _) = mapping.roles[column], question < 0 || q == question else { return nil }
            var value = 0
            var digits = 0
            for byte in bytes where byte != 0x20 && byte != 0x09 {
                guard byte >= 0x30 && byte <= 0x39, digits < 9 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            }
            question = q
            if first < 0 { first = column }
            filled += 1
            if value > 1 { aboveOne = true }
        }
        guard record.count <= mapping.roles.count || (mapping.roles.count..<record.count).allSatisfy({ isBlankField(record.fieldBytes($0)) })
        else { return nil }
        return filled >= 2 && aboveOne ? first : nil
    }

    /// A record's cells when it is a details line: `Label:;value`, one to three pairs, the rest of
    /// the row blank, or a place stated in its first cell alone (`Omavalitsus: Pärnu linn`); and
    /// no cell an answer to its column's question (`Muu:;5` is a respondent: Other, rating 5).
    /// Nil for any other.
    private func detailsLine(_ record: RecordBuffer, mapping: FileMapping) -> [String]? {
        // A sheet with a column in front left blank (its rows' `Nr` in the second) has the line
        // in its first filled cell: `;Omavalitsus: Jõhvi vald;;;` (a probe's).
        if record.count > 1 && isBlankField(record.fieldBytes(0)) {
            guard let filled = (1..<record.count).first(where: { !isBlankField(record.fieldBytes($0)) }),
                  filled == 1, (2..<max(2, record.count)).allSatisfy({ isBlankField(record.fieldBytes($0)) }) else { return nil }
            let text = record[filled].trimmingSpaces
            if let colon = text.firstIndex(of: ":") {
                guard isPlaceLabel(String(text[..<colon])) && text.index(after: colon) != text.endIndex else { return nil }
                // Under a question's column it must be no answer to it (`Savivaldybė: Alytaus …`
                // under `Šalis`: a reviewer's had been a respondent of no place).
                if filled < mapping.roles.count, case let .question(q) = mapping.roles[filled], instrument.questions[q].kind != .text,
                   read(text, question: q, shape: mapping.shape).answer != nil { return nil }
                return [text]
            }
            guard filled >= mapping.roles.count || mapping.roles[filled] == .unmapped else { return nil }
            return blockName(record, mapping: mapping)
        }
        var first = record.fieldBytes(0)[...]
        while let last = first.last, last == 0x20 || last == 0x09 { first = first.dropLast() }
        guard let colon = first.firstIndex(of: UInt8(ascii: ":")) else { return blockName(record, mapping: mapping) }
        let cells: [String]
        if colon == first.index(before: first.endIndex) {
            guard record.count >= 2, TableShape.isLabelledPairs(count: record.count, cell: { Array(record.fieldBytes($0))[...] })
            else { return nil }
            cells = (0..<record.count).map { record[$0].trimmingSpaces }.filter { !$0.isEmpty }
        } else {
            guard (1..<record.count).allSatisfy({ record.fieldBytes($0).allSatisfy { $0 == 0x20 || $0 == 0x09 } }) else { return nil }
            let text = record[0].trimmingSpaces
            guard isPlaceLabel(String(text[..<(text.firstIndex(of: ":") ?? text.endIndex)])) else { return nil }
            cells = [text]
        }
        // (A free-text question takes any text: no sign either way.)
        for (column, cell) in cells.enumerated() where column < mapping.roles.count {
            guard case let .question(q) = mapping.roles[column], instrument.questions[q].kind != .text else { continue }
            // (An answer read with a warning, `4 (Pigem oluline)`, is an answer.)
            if read(cell, question: q, shape: mapping.shape).answer != nil { return nil }
        }
        return cells
    }

    /// A block's name on a line of its own between the table's rows: one filled cell, in a column
    /// of no question (`Nr`, or an unnamed one), naming one municipality of the gazetteer whole
    /// (`Narva linn`), as a sheet gathering several municipalities heads each one's rows. It had
    /// been a row answering nothing, and the rows below of no place (a probe's). Nil for any other
    /// row: a row of the table costs a look at its first two filled cells.
    private func blockName(_ record: RecordBuffer, mapping: FileMapping) -> [String]? {
        // Only in the first two columns, of no question, where no respondent's row has held words
        // (numbers, `Nr`, or nothing): a place typed alone under a place column the form does not
        // know (`KOV`, or one with no name) or in a note column had been taken for a block's name,
        // and the rows below given that place (reviewers': respondents moved to Tartu linn).
        guard municipalityIndex != nil, record.filledFieldCount(upTo: 2) == 1,
              let column = (0..<record.count).first(where: { !isBlankField(record.fieldBytes($0)) }), column < 2 else { return nil }
        if column < mapping.roles.count, case let .question(q) = mapping.roles[column] {
            // In the column of a question of a list, in a sheet with no column of a place: a
            // municipality's name, one and no answer of its list (`Ogres novads` alone in the role
            // column above a block, a probe's: each such line had been a respondent answering
            // nothing, in the want-training base).
            guard instrument.questions[q].kind.listName != nil, !places(askedBy: mapping.roles) else { return nil }
            let text = record[column].trimmingSpaces
            guard text.contains(where: \.isLetter), read(text, question: q, shape: mapping.shape).answer == nil else { return nil }
            if case .unique = gazetteer.match(text) { return [text] }
            // Below a block's name, another that reads as no one place (`Tartu`, two of them, or
            // a name misspelt): the rows below are not the block's above (a reviewer's: they had
            // been given Narva linn). The same rule as in a numbering column, below.
            // A role off the list alone (`Raamatukoguhoidja`) cannot be told from a misspelt
            // place (`Viljandy`): either leaves the rows below without a place, with warnings
            // (`place_stated_unread`, `place_unknown`), where a misspelt block's rows had been
            // given the block above's place without a word (two reviewers').
            if mapping.statedBetween && !mapping.stated.isEmpty && !Self.noAnswerRemarks.contains(TextKey.loose(text)) { return [text] }
            return nil
        }
        guard column >= mapping.roles.count || mapping.roles[column] == .unmapped,
              mapping.wordColumns & (1 << UInt8(column)) == 0 else { return nil }
        let text = record[column].trimmingSpaces
        guard text.contains(where: \.isLetter) else { return nil }
        if case .unique = gazetteer.match(text) { return [text] }
        // Another block's name that reads as no place (`Jõhvi valla vastused`), below a place
        // stated between the rows: the rows below it are not that place's. A remark that someone
        // did not answer (`ei vastanud`) is a respondent's row, no block's name.
        if mapping.statedBetween && !mapping.stated.isEmpty && !Self.noAnswerRemarks.contains(TextKey.loose(text)) { return [text] }
        return nil
    }

    /// Whether a details line's label (`Omavalitsus:`, `Riik`) names the respondent's country or
    /// municipality: the form's label of the question, or a word for a place.
    private func isPlaceLabel(_ label: String) -> Bool {
        [countryIndex, municipalityIndex].compactMap { $0 }.contains { isLabel(label, of: $0) }
    }

    /// Whether a details line's label (its `:` left out) names place question `q`: the form's
    /// label of it, or a word for a country or a municipality.
    private func isLabel(_ label: String, of q: Int) -> Bool {
        let plain = label.trimmingSpaces.trimmingCharacters(in: CharacterSet(charactersIn: ":")).trimmingSpaces
        guard !plain.isEmpty else { return false }
        if mapper.resolve(plain) == .question(q)
            || (q == municipalityIndex ? Self.municipalityLabels : Self.countryLabels).contains(TextKey.loose(plain)) { return true }
        guard let lost = TextKey.lostLettersKey(ifLost: plain) else { return false }
        return (q == municipalityIndex ? Self.lostMunicipalityLabels : Self.lostCountryLabels).contains(lost)
    }

    /// Whether a file's columns ask the respondent's country or municipality.
    private func places(askedBy roles: [ColumnRole]) -> Bool {
        [countryIndex, municipalityIndex].compactMap { $0 }.contains { roles.contains(.question($0)) }
    }

    /// The places stated on details lines (`Omavalitsus: | Tartu linn`, `Riik: Eesti`, a label and
    /// its value in two cells or one, or pairs of them) of a table with no column asking a place:
    /// above the table, or `between` its rows (above a block pasted below). Each is said.
    private func statedPlaces(in details: [(line: Int, cells: [String])], file: String, shape: ExportShape, between: Bool = false,
                              placeColumns: Bool = false, log: (CleaningIssue) -> Void) -> [(question: Int, text: String, line: Int)] {
        var stated: [(question: Int, text: String, line: Int)] = []
        let places = [countryIndex, municipalityIndex].compactMap { $0 }
        let at = between ? "on a details line between the table's rows" : "above the table"
        // Each line's label and value, or each of its pairs (`Kuupäev:;15.01.2025;Omavalitsus:;Narva`).
        let pairs = details.flatMap { detail -> [(line: Int, cells: [String])] in
            guard detail.cells.count >= 4, detail.cells.count % 2 == 0 else { return [detail] }
            return stride(from: 0, to: detail.cells.count, by: 2).map { (detail.line, Array(detail.cells[$0...($0 + 1)])) }
        }
        for q in places {
            for detail in pairs {
                var label = detail.cells[0]
                var value = detail.cells.count > 1 ? detail.cells[1] : ""
                if detail.cells.count == 1, let colon = label.firstIndex(of: ":") {
                    value = String(label[label.index(after: colon)...]).trimmingSpaces
                    label = String(label[..<colon])
                } else if between && detail.cells.count == 1 && q == municipalityIndex {
                    // A block's name alone (`blockName`): a municipality, read as stated so.
                    value = label
                    label = instrument.questions[q].key
                }
                guard !value.isEmpty else { continue }
                guard isLabel(label, of: q) else {
                    // A label the sheet's maker chose (`Asutus:`) with a value that is a place:
                    // said, as the place is not given on a guess.
                    if q == municipalityIndex, case .unique = gazetteer.match(value), !label.trimmingSpaces.isEmpty {
                        log(CleaningIssue(file: file, line: detail.line, question: instrument.questions[q].key, oldValue: value,
                                          code: "place_stated_unread", action: .kept, severity: .warning,
                                          message: "`\(label.trimmingSpaces)` `\(value)`, \(at), reads as a municipality, but its label is none this tool knows for one; not given to the respondents: add a municipality column, or head the line `\(instrument.questions[q].labels.values.sorted().first ?? "Municipality"):`"))
                    }
                    continue
                }
                let name = instrument.questions[q].key
                let isPlace: Bool
                if q == municipalityIndex {
                    // Its letters written as `?` too (`Pa?vald?ba:;Liep?ja`, Excel's "CSV" in a code
                    // page without them; a helper's probe): each row reads it so, with a warning.
                    if case .unique = gazetteer.matchAllowingLostLetters(value) { isPlace = true } else { isPlace = false }
                } else {
                    isPlace = RegionCountry.code(for: value) != nil || read(value, question: q, shape: shape).issues.isEmpty
                }
                guard isPlace else {
                    log(CleaningIssue(file: file, line: detail.line, question: name, oldValue: value, code: "place_stated_unread",
                                      action: .kept, severity: .warning,
                                      message: "`\(value)`, \(at) as the \(name), names no \(q == municipalityIndex ? "one municipality of the gazetteer" : "country"); not given to the respondents"))
                    continue
                }
                stated.append((q, value, detail.line))
                log(CleaningIssue(file: file, line: detail.line, question: name, newValue: value,
                                  code: "place_stated_above", action: .changed, severity: .note,
                                  message: placeColumns
                                    ? "`\(value)`, stated \(at) as the \(name), is the place of every respondent \(between ? "below it" : "of the file") whose row leaves the place columns blank"
                                    : between ? "`\(value)`, stated on a details line between the table's rows as the \(name), is every respondent's below it (no column asks a place)"
                                        : "`\(value)`, stated above the table as the \(name), is every respondent's of the file (no column asks a place)"))
                break
            }
        }
        // The country of a municipality stated alone, stated with it: not inferred and said at every row.
        if let c = countryIndex, let m = stated.first(where: { $0.question == municipalityIndex }),
           !stated.contains(where: { $0.question == c }),
           case let .unique(municipality) = gazetteer.matchAllowingLostLetters(m.text),
           read(municipality.country, question: c, shape: shape).issues.isEmpty {
            stated.append((c, municipality.country, m.line))
        }
        return stated
    }

    /// Whether a `_validation_status` cell says the reviewers did not approve the submission: the
    /// status's name (`validation_status_not_approved`, an XML-values export) or its label (`Not
    /// Approved`); or an ODK Central `ReviewState` of `rejected`. Approved, on hold, has issues,
    /// edited and not yet reviewed are read.
    static func isNotApproved(_ cell: UnsafeRawBufferPointer) -> Bool {
        // Compared byte by byte, ASCII letters in lower case, without the spaces around: most
        // cells are empty or `validation_status_approved`, and no String is made for them.
        var bytes = cell[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        func equals(_ name: StaticString) -> Bool {
            guard name.utf8CodeUnitCount == bytes.count else { return false }
            for (k, byte) in bytes.enumerated() {
                let lower: UInt8 = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if lower != name.utf8Start[k] { return false }
            }
            return true
        }
        return equals("validation_status_not_approved") || equals("not approved") || equals("rejected")
    }

    /// Normalises a record: nil when it is a clean respondent, now in `row`; otherwise what it is.
    func normalizeRow(_ record: RecordBuffer, mapping: FileMapping, log: (CleaningIssue) -> Void) -> Outcome? {
        // `mapping.file` is read where an issue is logged, not copied (retained) for every row.
        // The header came again above this record (whatever becomes of it): a new part of the file.
        if record.followsRepeatedHeader {
            rowNumbersPart &+= 1
            if mapping.statedCarries { mapping.statedPart = rowNumbersPart }
        }
        if let reason = record.quarantineReason {
            return .quarantined(reason)
        }
        if record.isBlank || (record.holdsDashesOnly && !Self.ticksWithDashes(record, mapping: mapping)) { return .blank }
        if let column = mapping.reviewColumn, Self.isNotApproved(record.fieldBytes(column)) {
            let status = record[column].trimmingSpaces
            let review = mapping.shape == .odkCentral ? "ODK Central's review (`ReviewState`" : "KoboToolbox's review (`_validation_status`"
            log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1, oldValue: status, code: "not_approved",
                              action: .quarantined, severity: .note,
                              message: "the submission was not approved in \(review) `\(status)`): quarantined, in no figure"))
            return .quarantined(mapping.shape == .odkCentral ? "rejected in ODK Central's review" : "not approved in KoboToolbox's review")
        }
        // Under the header, or under the header repeated below (exports pasted together).
        if (record.index == 1 || record.followsRepeatedHeader) && isHashtagRow(record) { return .hashtagRow }
        if let reason = mapping.everyRowQuarantined { return .quarantined(reason) }
        // A details line between the table's rows (`Omavalitsus:;Tartu linn`, above a block pasted
        // below): no respondent (it had been one, answering the first question `Omavalitsus:`),
        // and the place it states is the rows' below it, in a table with no place column.
        if mapping.shape == .generic, isBlankField(record.fieldBytes(0)), let column = countsRow(record, mapping: mapping) {
            log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1, code: "totals_row_skipped", action: .dropped, severity: .note,
                              message: "a row of whole numbers in the tick columns alone, some above 1, with no label: read as the sheet's counts of ticks, not a respondent"))
            return .blank
        }
        if mapping.shape == .generic, let cells = detailsLine(record, mapping: mapping) {
            var message = "`\(Diagnostic.shortened(cells.joined(separator: " ")))`, a details line between the table's rows, is no respondent"
            let placeColumns = mapping.statedForBlankPlacesOnly
            // A block's name alone (`blockName`), no `Label:`.
            let isBlockName = cells.count == 1 && !cells[0].contains(":")
            let places = statedPlaces(in: [(record.line, cells)], file: mapping.file, shape: mapping.shape, between: true,
                                      placeColumns: placeColumns, log: log)
            if !places.isEmpty {
                mapping.restate(places, part: rowNumbersPart)
                // (A question's column holds words on every row: a name in it is not withdrawn.)
                let column = record.firstFilledColumn - 1
                if isBlockName && (column >= mapping.roles.count || mapping.roles[column].question == nil) { mapping.blockColumn = column }
                message += placeColumns ? " (its place is that of the rows below it that leave theirs blank)" : " (its place is the rows' below it)"
            } else if isBlockName || cells.contains(where: isPlaceLabel) {
                // A place it names but that cannot be read (or another block's name): the rows
                // below have none, not the place of the rows above.
                mapping.restate([], part: rowNumbersPart)
                message += placeColumns ? " (it names no place that can be read: the rows below it that leave theirs blank have none)"
                    : " (the rows below it have no place: it names none that can be read)"
            }
            log(CleaningIssue(file: mapping.file, line: record.line, column: record.firstFilledColumn, code: "details_line", action: .dropped,
                              severity: .note, message: message))
            return .blank
        }
        if record.notesNextBlock {
            // A note above the header repeated that states no place: a note, as the reader
            // skips those under a table.
            log(CleaningIssue(file: mapping.file, line: record.line, column: 1, code: "footnote_skipped", action: .dropped, severity: .note,
                              message: "a record below the table (a note: one filled field) is not read as a respondent"))
            return .blank
        }
        if mapping.statedCarries { mapping.statedCarries = false }

        var idColumn: Int? = nil
        var idHash: UInt64 = 0
        var idVerify: UInt64 = 0
        var respondentHash = mapping.idSeed
        var submitted: Int32 = 0
        var incomplete = false
        // A demand column LimeSurvey wrote `N/A` in: the question was not shown.
        var demandNotShown = false
        // The demand's split columns whose cell is a tick mark lost to the code page (`?`): their
        // topics' wish is unknown, as a topic no column asks (`demandUnaskedBits`).
        var demandUnreadBits: UInt64 = 0
        rowOtherReading = 0
        // Ticked choices without a bit (past the 64th, or not in the list): rare.
        var ticked: [Int: Set<String>] = [:]
        var pendingIssues: [(column: Int, question: Int, issue: CellReading.Issue)] = []
        var rowHash = FieldHash.seed
        // The cells of questions not read (free text never reported), as typed: part of what tells
        // two copies of a submission apart (`answersHash`).
        var unreadHash = FieldHash.seed
        let variant = Self.readingVariant(mapping.shape)

        precondition(mapping.questionCount == questionCount, "a file mapping made for another instrument")
        // The hot arrays as locals for the loop: reaching them through `self` on every field
        // costs a retain and a release each time.
        let handling = self.handling
        let steps = mapping.steps
        let readings = self.readings
        let oneByteReadings = self.oneByteReadings
        let ticks = self.ticks
        let answers = self.answerSlots
        var extras: [Answer] = []
        answers.update(repeating: 0, count: questionCount)
        let count = min(steps.count, record.count)
        // The submission ID first, so that the duplicate check's memory is on its way while the
        // answers are read. KoboToolbox's `meta/rootUuid` names the submission when filled (the
        // `_uuid` it was first sent with, `uuid:` before it: an edit gives it a new `_uuid`, and
        // an export from before the edit and one from after it must not count it twice); else the
        // last ID column counts (ODK's `meta-instanceID` and `KEY` usually agree), and an empty one
        // means the row has no ID. Only the column that counts is hashed.
        let idSeed = mapping.idSeed  // (the closures below then capture no object)
        func identify(_ id: UnsafeRawBufferPointer, by column: Int) {
            idColumn = column
            idHash = FieldHash.hash(id)
            idVerify = FieldHash.hash(id, seed: 0x2545_F491_4F6C_DD1D)
            respondentHash = FNV.hash(id, seed: idSeed)
        }
        if let root = mapping.rootIDColumn, root < count {
            Self.withTrimmed(record.fieldBytes(root)) { written in
                let id = written.starts(with: "uuid:".utf8) ? UnsafeRawBufferPointer(rebasing: written[5...]) : written
                if id.count > 0 { identify(id, by: root) }
            }
        }
        if idColumn == nil, let column = mapping.idColumns.last(where: { $0 < count }) {
            Self.withTrimmed(record.fieldBytes(column)) { id in
                if id.count > 0 { identify(id, by: column) }
            }
        }
        if idColumn != nil { seen.prefetch(idHash) }
        for column in 0..<count {
            switch steps[column] {
            case .skip, .submissionID:
                continue
            case .unnamed:
                if record.fieldBytes(column).contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                    if unnamedInFile.values == 0 { unnamedInFile = (0, record.line, column + 1) }
                    unnamedInFile.values += 1
                }
            case let .submitted(utc):
                let bytes = record.fieldBytes(column)
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && mapping.shape == .limeSurvey { incomplete = true }
                if submitted == 0 {
                    // Told once the row is known to be no header in another language (below).
                    submitted = submittedDay(bytes, column: column, line: record.line, file: mapping.file, utc: utc,
                                             log: { self.heldDateIssues.append($0) })
                }
                if submitted == Self.limeSurveyUndated && mapping.shape == .limeSurvey {
                    submitted = 0
                    undatedInFile += 1
                }
            case let .question(q), let .questionAgain(q):
                let key = record.fieldKey(column)
                let bytes = key.bytes
                rowHash = FieldHash.combine(rowHash, key.hash, column: column)
                if bytes.count == 0 { continue }
                if case .questionAgain = steps[column], answers[q] != 0 { continue }
                switch handling[q] {
                case .cached:
                    let cache = q &* 4 &+ variant
                    let oneByte = bytes.count == 1 ? cache &* 256 &+ Int(bytes.load(as: UInt8.self)) : -1
                    if oneByte >= 0 && oneByteReadings[oneByte] != 0 {
                        answers[q] = oneByteReadings[oneByte] &- 1
                    } else if let entry = readings[cache].entry(key)
                        ?? learn(key, question: q, shape: mapping.shape, into: &readings[cache]) {
                        // Borrowed from the cache: only the id is copied.
                        let id = readings[cache][entry].id
                        answers[q] = id
                        if !readings[cache][entry].issues.isEmpty {
                            for issue in readings[cache][entry].issues { pendingIssues.append((column, q, issue)) }
                        } else if oneByte >= 0 && id < UInt32.max {
                            oneByteReadings[oneByte] = id &+ 1
                        }
                    } else {
                        let reading = read(String(decoding: bytes, as: UTF8.self).trimmingSpaces, question: q, shape: mapping.shape)
                        answers[q] = 0
                        if let answer = reading.answer {
                            answers[q] = Row.extra | UInt32(extras.count)
                            extras.append(answer)
                        }
                        for issue in reading.issues { pendingIssues.append((column, q, issue)) }
                    }
                case .submittedDate:
                    if submitted == 0 { submitted = submittedDay(bytes, column: column, line: record.line, file: mapping.file, log: log) }
                case .none:
                    unreadHash = FieldHash.combine(unreadHash, key.hash, column: column)
                    continue
                }
            case let .choice(q, choiceIndex):
                let matcher = matchers[q]!
                let choice = mapping.splitChoices[choiceIndex]
                let key = record.fieldKey(column)
                let bytes = key.bytes
                rowHash = FieldHash.combine(rowHash, key.hash, column: column)
                if bytes.count == 0 { continue }
                let reading: TickReading
                let tickCache = q &* 2 &+ (Self.answerCodes(mapping.shape) ? 1 : 0)
                if let known = ticks[tickCache].find(key) {
                    reading = known
                } else {
                    reading = matcher.tickReading(String(decoding: bytes, as: UTF8.self),
                                                  limeSurvey: Self.answerCodes(mapping.shape))
                    if bytes.count <= 256 { ticks[tickCache].insert(key, value: reading) }
                }
                var tick = false
                switch reading {
                case .blank:
                    if q == mapping.demandIndex, bytes.count == 3, bytes[0] | 0x20 == UInt8(ascii: "n"), bytes[1] == UInt8(ascii: "/"),
                       bytes[2] | 0x20 == UInt8(ascii: "a") {
                        demandNotShown = true
                    }
                    continue
                case .ticked:
                    tick = true
                case .unticked:
                    break
                case let .choice(name):
                    tick = name == choice
                case let .unknown(text) where choice == matcher.otherChoice && mapping.shape == .limeSurvey:
                    // LimeSurvey's `CODE[other]` holds the text typed for "Other", not a tick.
                    tick = true
                    pendingIssues.append((column, q, CellReading.Issue(
                        old: text, new: choice, code: "other_answer", action: .changed,
                        message: "`\(text)` in the `\(choice)` column is what was typed for the \"Other\" option; read as ticked")))
                case let .unknown(text):
                    // (`?` alone: a mark, `✓`, that the code page the sheet was saved in lacks.)
                    // (`??`, `???`: `✔️`, `Да`, `Нет` in a code page without them, a reviewer's.)
                    let lost = !text.isEmpty && text.count <= 4 && text.allSatisfy({ $0 == "?" })
                        ? " (a mark the file's code page lacked, such as ✓, saved as `\(text)`?)" : ""
                    let bit = mapping.splitChoiceBits[choiceIndex]
                    // Only a lost mark: a `2` (LimeSurvey's and SPSS's No coded 2), `0,0` or
                    // `Не выбрано` is more likely unticked, and out of the base it had made every
                    // share 1 (a reviewer's).
                    if q == mapping.demandIndex && bit != 0 && !lost.isEmpty {
                        // Counted as no wish, it had lowered the topic's share (a probe's: every
                        // `✓` saved as `?`, every share 0 with the respondents in the base).
                        demandUnreadBits |= bit
                        pendingIssues.append((column, q, CellReading.Issue(
                            old: text, new: "", code: "unknown_value", action: .changed,
                            message: "`\(text)` in the `\(choice)` column is neither ticked nor unticked\(lost); not read: the respondent counts in no want-training share of `\(choice)`")))
                    } else {
                        pendingIssues.append((column, q, CellReading.Issue(
                            old: text, new: "", code: "unknown_value", action: .changed,
                            message: "`\(text)` in the `\(choice)` column is neither ticked nor unticked\(lost); read as unticked")))
                    }
                }
                if !splitAnswered[q] {
                    splitAnswered[q] = true
                    splitQuestions.append(q)
                }
                if tick {
                    let bit = mapping.splitChoiceBits[choiceIndex]
                    if bit != 0 { tickedBits[q] |= bit } else { ticked[q, default: []].insert(choice) }
                }
            }
        }
        if !splitQuestions.isEmpty {
            splitQuestions.sort()
            for q in splitQuestions {
                let bits = tickedBits[q]
                tickedBits[q] = 0
                splitAnswered[q] = false
                guard answers[q] == 0 else { continue }
                let others = ticked[q]
                if others == nil, let id = choiceSetIDsByBits[q][bits] {
                    answers[q] = id
                    continue
                }
                let names = matchers[q]!.ordered(Set(matchers[q]!.names(atPositions: bits)).union(others ?? []))
                if let id = choiceSetIDs[q][names] {
                    answers[q] = id
                    if others == nil { choiceSetIDsByBits[q][bits] = id }
                } else if choiceSetIDs[q].count < 4096 {
                    let id = intern(.choices(names), question: q)
                    choiceSetIDs[q][names] = id
                    if others == nil { choiceSetIDsByBits[q][bits] = id }
                    answers[q] = id
                } else {
                    answers[q] = Row.extra | UInt32(extras.count)
                    extras.append(.choices(names))
                }
            }
            splitQuestions.removeAll(keepingCapacity: true)
        }
        // A row that answers nothing but its place: a hand-made sheet's rows numbered, or given
        // their municipality, ahead for respondents who never came (a probe: 10 respondents, 4 of
        // them such rows, and a want-training share of 60 % for 100 %), or LimeSurvey's row of
        // someone who opened the survey and left. No respondent: a blank row, said per file.
        // (Not one a tool numbered in a sheet of no tool: an empty submission; nor a line cut
        // short that gives no place that reads, which may be the rest of a value on the line
        // above. A row of its place cut short, `2;EE` or `EE,Tallinn` with the empty cells
        // after it left out, as some tools and hand edits write them, is one: a differential
        // tester's had been a respondent, where `2;EE;;;` is a blank row.)
        if ((mapping.shape == .generic && mapping.rowIDColumn == nil && submitted == 0) || (mapping.shape == .limeSurvey && incomplete))
            && pendingIssues.isEmpty && (record.isAsWideAsItsHeader(mapping.roles.count) || givesKnownPlace(extras: extras))
            && mapping.asksBeyondPlace && !answersBeyondPlace(record, mapping: mapping, count: count) {
            heldDateIssues.removeAll(keepingCapacity: true)
            if unansweredInFile.rows == 0 { unansweredInFile.line = record.line }
            unansweredInFile.rows += 1
            return .blank
        }
        // A row of a sheet of no tool whose filled cells are none of them an answer, its place
        // neither (`;;;;;1-5;1-5;…` under the header, a row of averages under a label the reader
        // does not know, `Vidutinė reikšmė;;;3,142857;2,722222`): a legend or a summary, not a
        // respondent. It had been one, of no country, in every share's base (a helper's probe).
        // (Every filled cell no answer: a row's number, in a numbered sheet, is one.)
        // Two ratings or more off their scales: other cells off their lists are a respondent's
        // answers the lists lack (a role, a comment typed in the demand column: reviewers' cases).
        if mapping.shape == .generic && submitted == 0
            && pendingIssues.lazy.filter({ self.isRating($0.question) }).count >= 2
            && !(0..<questionCount).contains(where: { answerSlots[$0] != 0 })
            && (0..<count).allSatisfy({ column in
                let bytes = record.fieldBytes(column)
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || pendingIssues.contains(where: { $0.column == column }) { return true }
                // Words in a column of no question (a label, `Tulemus`), not a row's number or a tick.
                guard column < mapping.roles.count, mapping.roles[column] == .unmapped || mapping.roles[column] == .meta(.other) else { return false }
                let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
                return !Self.isRowNumber(text) && !Self.tickMarks.contains(TextKey.loose(text)) && !text.contains(where: \.isNumber)
            }) {
            heldDateIssues.removeAll(keepingCapacity: true)
            let shown = pendingIssues.prefix(3).map { "`\(Diagnostic.shortened($0.issue.old))`" }.joined(separator: ", ")
                + (pendingIssues.count > 3 ? ", ..." : "")
            log(CleaningIssue(file: mapping.file, line: record.line, column: pendingIssues[0].column + 1, code: "no_answer_read",
                              action: .quarantined, severity: .warning,
                              message: "no cell of the row is an answer of its column (\(shown)): a legend, a row of averages or a note, not a respondent; quarantined"))
            return .quarantined("no cell is an answer of its column")
        }
        // A line cut short that answers nothing and whose place is no answer of its list
        // (`koolitus on vajalik,person2@example.org` under Country and Municipality): the rest of
        // a value of the row above, typed over two lines without quotes in a file whose lines end
        // with LF alone (in a CRLF file a lone LF is read inside the value). A probe's had been a
        // respondent of no country, its e-mail address its municipality. Quarantined.
        if record.widthOff > 0 && !pendingIssues.isEmpty
            && pendingIssues.allSatisfy({ $0.question == countryIndex || $0.question == municipalityIndex })
            && mapping.asksBeyondPlace && !answersBeyondPlace(record, mapping: mapping, count: count) {
            heldDateIssues.removeAll(keepingCapacity: true)
            let shown = Diagnostic.shortened(pendingIssues[0].issue.old)
            log(CleaningIssue(file: mapping.file, line: record.line, column: pendingIssues[0].column + 1, code: "line_fragment",
                              action: .quarantined, severity: .warning,
                              message: "a line of \(record.lineFieldCount) field(s) that answers nothing, its place no answer (`\(shown)`): "
                                + "most likely the rest of a value on the line above, typed over two lines without quotes; quarantined"))
            return .quarantined("a line of \(record.lineFieldCount) field(s) answering nothing, its place no answer")
        }
        // A line cut short that answers nothing of its own, its filled cells words (no date, no
        // row number): the rest of a comment typed over two lines without quotes, the comments
        // the last column, in a Google or Microsoft Forms export or a sheet (`and less theory`
        // under `Timestamp`, `ID` or `Nr`). It had been a respondent of no place in every share's
        // base, or of the place stated above the sheet (a helper's probe). Quarantined.
        // (Words in a rating's column are no rating: a sheet's first column rates a topic.)
        if record.widthOff > 0 && submitted == 0 && mapping.asksBeyondPlace
            && pendingIssues.allSatisfy({ self.isRating($0.question) })
            && !(0..<questionCount).contains(where: { answerSlots[$0] != 0 }),
           let first = (0..<count).first(where: { record.fieldBytes($0).contains { $0 != 0x20 && $0 != 0x09 } }),
           (0..<count).allSatisfy({ column in
               let bytes = record.fieldBytes(column)
               if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
               // Not under a question of its own but a rating's: a comment or an address alone is
               // a respondent's (a reviewer's case), a word is no rating.
               if column < mapping.roles.count, case let .question(q) = mapping.roles[column],
                  !isRating(q) { return false }
               let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
               return text.contains(where: \.isLetter) && !Self.isRowNumber(text) && !Self.tickMarks.contains(TextKey.loose(text))
           }) {
            heldDateIssues.removeAll(keepingCapacity: true)
            let shown = Diagnostic.shortened(String(decoding: record.fieldBytes(first), as: UTF8.self).trimmingSpaces)
            log(CleaningIssue(file: mapping.file, line: record.line, column: first + 1, code: "line_fragment",
                              action: .quarantined, severity: .warning,
                              message: "a line of \(record.lineFieldCount) field(s) that answers nothing (`\(shown)`): "
                                + "most likely the rest of a value on the line above, typed over two lines without quotes; quarantined"))
            return .quarantined("a line of \(record.lineFieldCount) field(s) answering nothing")
        }
        // A note between the table's rows, saved as wide as the header as a sheet pads it
        // (`Kokku: 2 vastajat;;;;;`, `Märkus: Tartu andmed lisatud 15.01;;;;`): one filled cell, a
        // note's text (a label and a colon, or a totals word first: words alone may be a
        // respondent's, a comment typed in the want-training column, a reviewer's case), no answer
        // of its column, nothing else answered. It had been a respondent of no place, wanting no
        // training, in the region's every share's base (a probe's: a share of 60 % read as 50 %).
        // Below the table, or cut short, the reader takes such rows for notes already; under a
        // place column they are blank rows (above), as a row of its place alone is.
        if mapping.shape == .generic && submitted == 0 && !pendingIssues.isEmpty
            && pendingIssues.allSatisfy({ $0.column == pendingIssues[0].column && $0.issue.code == "unknown_value" })
            && !(0..<questionCount).contains(where: { answerSlots[$0] != 0 }),
           let note = Self.noteAlone(record, column: pendingIssues[0].column), !beginsAChoice(note, question: pendingIssues[0].question) {
            heldDateIssues.removeAll(keepingCapacity: true)
            log(CleaningIssue(file: mapping.file, line: record.line, column: pendingIssues[0].column + 1, code: "note_row",
                              action: .quarantined, severity: .note,
                              message: "`\(Diagnostic.shortened(note))`, the row's one filled cell, is no answer of its column: "
                                + "a note or a count between the table's rows, not a respondent; set aside"))
            return .quarantined("a note between the table's rows, not a respondent")
        }
        // One of a run of more than 32 rows of one filled cell below the table's last full row (a
        // long legend, `Märkus 33: ...`, or a drop-down's list of places pasted under the table),
        // too many for the reader to hold back as footnotes: its cell no answer of its column, or
        // under no question, and nothing else answered. The run's rows had each been a respondent
        // of no place in every share's base (a probe's: a share of 100 % read as 19.5 %). A
        // respondent's one answer in such a run (a role, a comment) keeps the row a respondent's.
        if record.inLongRunOfNotes && submitted == 0 && !(0..<questionCount).contains(where: { answerSlots[$0] != 0 }),
           let column = (0..<count).first(where: { !isBlankField(record.fieldBytes($0)) }),
           pendingIssues.allSatisfy({ $0.column == column && $0.issue.code == "unknown_value" }) {
            let role = column < mapping.roles.count ? mapping.roles[column] : .unmapped
            let answersFreely: Bool
            switch role {
            case let .question(q): answersFreely = instrument.questions[q].kind == .text
            case .meta, .personal: answersFreely = true
            case .choice, .unmapped: answersFreely = false
            }
            if !answersFreely {
                heldDateIssues.removeAll(keepingCapacity: true)
                let shown = Diagnostic.shortened(String(decoding: record.fieldBytes(column), as: UTF8.self).trimmingSpaces)
                log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1, code: "note_row",
                                  action: .quarantined, severity: .note,
                                  message: "`\(shown)`, the row's one filled cell, answers no question, in a run of more than 32 such rows "
                                    + "below the table (a legend, or a list for a drop-down?): not a respondent; set aside"))
                return .quarantined("one of a long run of rows of one cell answering nothing")
            }
        }
        // A block's name read before any respondent's row showed its column: a row below holding
        // words there (`KOV`'s `Narva linn` under a first row `Tartu linn;;;`) shows it a column of
        // places, and the name a respondent's place: given to no one from here (a row is not given
        // it), as no block's name is read there again (a review's case).
        if let column = mapping.blockColumn, column < record.presentCount, Self.startsWithWord(record.fieldBytes(column)) {
            mapping.restate([], part: rowNumbersPart)
            mapping.wordColumns |= 1 << UInt8(column)
            log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1, code: "block_name_withdrawn", action: .kept, severity: .warning,
                              message: "a respondent's row holds words in this column, where a place alone above was read as a block's name: "
                                + "it is a column of places, so that place is given to no row from here; check the rows between"))
        }
        let statedHere = !mapping.stated.isEmpty && mapping.statedPart == rowNumbersPart
        if statedHere {
            giveStatedPlaces(mapping, record: record, log: log)
            rowHash = FieldHash.combine(rowHash, mapping.statedHash, column: Int(Int32.max))
        }
        // Three or more cells that are no answer: perhaps the header of the same form in another
        // language (the Latvian and the Russian version's exports pasted together), which the
        // reader, comparing names, cannot tell. Checked for the first rows that look so only.
        if pendingIssues.count >= 3 && headerChecksInFile < Self.headerChecksPerFile {
            headerChecksInFile += 1
            if let sameOrder = headerInAnotherLanguage(record, mapping: mapping, firstUnread: pendingIssues[0].column) {
                log(CleaningIssue(file: mapping.file, line: record.line, column: record.firstFilledColumn,
                                  code: "repeated_header", action: .quarantined,
                                  severity: sameOrder ? .note : .warning,
                                  message: sameOrder
                                    ? "the header row again, in another language (exports of the form's language versions pasted together?); not read as a respondent"
                                    : "the header row again, in another language and another column order: the rows below are read in the first header's order, so check them"))
                heldDateIssues.removeAll(keepingCapacity: true)
                rowNumbersPart &+= 1
                return .quarantined("the header row again, in another language")
            }
        }
        // A row of another width than the header's whose cells are answers of the columns they
        // moved from more often than of their own: a cell deleted, or a value holding the
        // delimiter without quotes (`Narva, Ida-Virumaa`), has moved the fields after it, and the
        // ratings moved with them read as others' (a probe: a competence of 1 read as 5). Which
        // field moved cannot be told: quarantined. (A row cut short, or with a trailing
        // delimiter, whose one cell off the list happens to fit the column beside it, moved
        // nothing: its other cells fit their own columns as well or better. A reviewer's case.)
        if record.widthOff != 0 && !pendingIssues.isEmpty {
            let unfit = pendingIssues.filter { $0.issue.code == "unknown_value" }
            if !unfit.isEmpty && fitsMovedColumnsBetter(record, by: record.widthOff, mapping: mapping) {
                heldDateIssues.removeAll(keepingCapacity: true)
                let shown = unfit.prefix(3).map { "`\(Diagnostic.shortened($0.issue.old))` under `\(instrument.questions[$0.question].key)`" }
                    .joined(separator: ", ") + (unfit.count > 3 ? ", ..." : "")
                let width = record.widthOff > 0 ? "\(record.widthOff) field(s) fewer" : "\(-record.widthOff) empty field(s) more"
                log(CleaningIssue(file: mapping.file, line: record.line, column: unfit[0].column + 1, code: "misaligned_row",
                                  action: .quarantined, severity: .error,
                                  message: "\(width) than the header, and \(unfit.count) cell(s) that fit no answer of their column (\(shown)): "
                                    + "a cell deleted, or a value holding the delimiter without quotes, has moved the fields after it; the row is quarantined"))
                return .quarantined("\(width) than the header, its cells moved")
            }
        }
        if !heldDateIssues.isEmpty {
            heldDateIssues.forEach(log)
            heldDateIssues.removeAll(keepingCapacity: true)
        }
        if !extras.isEmpty || !self.row.extras.isEmpty { self.row.extras = extras }
        rowHash = FieldHash.finish(rowHash)

        // Duplicates: a submission ID seen before is the same respondent; an identical row without one is flagged.
        // Copies of a submission are compared by what they answer, not by their cells' bytes:
        // the same submissions exported once with the choices' names and once with their labels
        // had all been told as edited (a probe's), like a copy that answers otherwise.
        if let idColumn {
            let answered = answersHash(extras: extras, unread: unreadHash, issues: pendingIssues)
            if let earlier = seen.check(idHash, verify: idVerify, storing: answered) {
                let submissionID = record[idColumn].trimmingSpaces
                if earlier == answered {
                    log(CleaningIssue(file: mapping.file, line: record.line, column: idColumn + 1,
                                      code: "duplicate_submission", action: .dropped, severity: .note,
                                      message: "submission `\(submissionID)` was already read, with the same answers; counted once"))
                } else {
                    // A KoboToolbox copy whose `_uuid` is not its `rootUuid` is an edit of the
                    // submission, so later than at least one copy: that the first read is kept
                    // is said plainly (a probe's: the corrected answers were dropped, the stale kept).
                    func uuid(_ column: Int) -> Substring {
                        let text = record[column].trimmingSpaces
                        return text.hasPrefix("uuid:") ? text.dropFirst(5) : Substring(text)
                    }
                    let edited = idColumn == mapping.rootIDColumn
                        && mapping.idColumns.last(where: { $0 < count && $0 != idColumn }).map { !uuid($0).isEmpty && uuid($0) != uuid(idColumn) } == true
                    log(CleaningIssue(file: mapping.file, line: record.line, column: idColumn + 1,
                                      code: "duplicate_submission_conflict", action: .dropped,
                                      severity: .warning,
                                      message: edited
                                        ? "submission `\(submissionID)` was already read, with other answers; this copy is an edit of it (its `_uuid` is not its `rootUuid`), "
                                            + "yet the first copy read is kept and this one dropped: give only the latest export, which holds each submission as last edited"
                                        : "submission `\(submissionID)` was already read, with other answers (edited since?); the first copy is kept, this one is dropped"))
                }
                return .duplicate
            }
        } else {
            toldAsCopy = false
            if let column = mapping.rowIDColumn, column < count,
               repeatsRowNumber(record, column: column, mapping: mapping, rowHash: rowHash, submitted: submitted, log: log) {
                return .duplicate
            }
            // Rows without an ID are keyed by their fingerprint, apart from IDs' keys.
            if filesOfIdenticalRows.last != mapping.file { filesOfIdenticalRows.append(mapping.file) }
            identityCheckedInFile += 1
            let place = UInt64(filesOfIdenticalRows.count - 1) << 40 | UInt64(record.line)
            // The tool's row number (LimeSurvey's `id`, Microsoft Forms' `ID`) with the same
            // answers, submitted at the same minute, in another file: the same response in an
            // export sent again with later ones (a probe: a municipality's January and February
            // exports counted January's twice). Numbers restart in each form, so the number alone
            // tells nothing, nor a date without its time.
            if let column = mapping.rowIDColumn, column < count, submitted != 0,
               let time = mapping.submittedColumn, time < count,
               (0..<questionCount).contains(where: { answerSlots[$0] != 0 }) {
                var number: UInt64 = 0
                var written = ""
                Self.withTrimmed(record.fieldBytes(column)) { bytes in
                    guard bytes.count > 0 else { return }
                    number = FieldHash.hash(bytes, seed: 0x726F_772D_6E75_6D62) | 1
                    written = String(decoding: bytes, as: UTF8.self)
                }
                Self.withTrimmed(record.fieldBytes(time)) { bytes in
                    // A time of day, to the minute: Excel re-saving an export drops its seconds
                    // (`10/8/2026 15:44:00`, then `8.10.2026 15:44`: a helper's probe counted 20
                    // responses twice).
                    guard number != 0, let minute = Self.minuteOfDay(bytes) else { number = 0; return }
                    // (Not by the time's column: LimeSurvey's `token`, exported or not, stands
                    // before `submitdate`, a reviewer's.)
                    number = FieldHash.combine(number, UInt64(minute) &* 0x9E37_79B9_7F4A_7C15 ^ 0x7375_626D_6974_7465, column: 0)
                }
                // By what the row answers, not where its cells stand: an export with a column
                // more or fewer (Microsoft Forms' `Last modified time`, added to its exports
                // since; a column deleted) holds the same responses (a reviewer's: counted twice).
                // Each cell as typed, and, with LimeSurvey's seed (drawn once per response: the same
                // id and seed are the same response for certain), also what it answers, so its
                // export in another language or with answer codes is a copy (a reviewer's: 60 + 60
                // respondents for 60), and one without the seed column, or with the seeds
                // mangled by Excel, still matches by its cells (another reviewer's).
                // (Both keys are stored whichever matches: a later copy may match either.)
                var copyOf: UInt64? = nil
                func copy(_ key: UInt64) {
                    if let earlier = seen.check(key, storing: place), copyOf == nil, filesOfIdenticalRows[Int(earlier >> 40)] != mapping.file { copyOf = earlier }
                }
                if number != 0 {
                    var typed = copyHash(record, mapping: mapping)
                    if statedHere { typed = FieldHash.combine(typed, mapping.statedHash, column: Int(Int32.max)) }
                    copy(Self.withDate(typed ^ number, submitted))
                    if let column = mapping.seedColumn, column < count {
                        Self.withTrimmed(record.fieldBytes(column)) { seed in
                            guard seed.count > 0 else { return }
                            let read = answersHash(extras: extras, unread: FieldHash.seed, issues: pendingIssues) ^ FieldHash.hash(seed, seed: 0x7365_6564_2D61_6E73)
                            copy(Self.withDate(read ^ number ^ 0x7265_6164, submitted))
                        }
                    }
                }
                if let earlier = copyOf {
                    log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1,
                                      code: "duplicate_submission", action: .dropped, severity: .note,
                                      message: "row `\(written)` of the export, with the same answers submitted at the same time, was already read on line \(earlier & (1 << 40 - 1)) of \(filesOfIdenticalRows[Int(earlier >> 40)]): the same response exported again; counted once"))
                    return .duplicate
                }
                // With other answers where either copy says it was edited (Microsoft Forms keeps an
                // edited response's ID and times, and fills its `Last modified time`): the same
                // response edited and exported again. Both are kept and told of, as in one file (a
                // probe's edited response had counted twice without a word). Without that mark,
                // two forms' responses whose numbers and minutes met are two respondents.
                var edited = false
                if number != 0, let modified = mapping.modifiedColumn, modified < count {
                    Self.withTrimmed(record.fieldBytes(modified)) { edited = $0.count > 0 }
                }
                let editedBit: UInt64 = 1 << 39
                if number != 0,
                   let earlier = seen.check(Self.withDate(number ^ 0x6564_6974_6564_2D72, submitted), storing: place | (edited ? editedBit : 0)),
                   filesOfIdenticalRows[Int(earlier >> 40)] != mapping.file, edited || earlier & editedBit != 0 {
                    toldAsCopy = true
                    log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1,
                                      code: "duplicate_row_id", action: .kept, severity: .warning,
                                      message: "row `\(written)` of the export, submitted at the same time, was already read on line \(earlier & (editedBit - 1)) of \(filesOfIdenticalRows[Int(earlier >> 40)]), with other answers, one of them marked as modified: the same response edited and exported again? Both are kept; check them"))
                }
            }
            // The date it was submitted is part of the row: two respondents who gave the same answers
            // on 3 and 20 February were one (a helper's probe), and --drop-identical dropped one.
            if let earlier = seen.check(Self.withDate(rowHash ^ 0x6E6F_2D69_642D_726F, submitted), storing: place) {
                let earlierFile = filesOfIdenticalRows[Int(earlier >> 40)]
                // Each earlier row once: three empty rows matching one were "3 of 3" (a reviewer's case).
                if earlierFile != mapping.file { identicalInFile[Int(earlier >> 40), default: []].insert(earlier) }
                let row = earlierRow(earlier, mapping: mapping) + (submitted != 0 ? ", with the same submission date" : "")
                // (A LimeSurvey or Microsoft Forms row has the export's row number, which each form
                // counts from 1: a probe's reader took "neither has a submission ID" for wrong.)
                let why = mapping.rowIDColumn == nil ? "neither has a submission ID" : "the export's row numbers are no submission IDs: each form counts its rows from 1"
                if options.dropIdentical {
                    log(CleaningIssue(file: mapping.file, line: record.line, code: "identical_row", action: .dropped,
                                      message: "identical to the row on \(row) (\(why)); dropped (--drop-identical)"))
                    return .duplicate
                }
                log(CleaningIssue(file: mapping.file, line: record.line, code: "identical_row", action: .kept,
                                  message: "identical to the row on \(row) (\(why)); kept (use --drop-identical to drop)"))
            } else if !sameResponse(record, mapping: mapping, place: place, incomplete: incomplete, log: log), !toldAsCopy,
                      let column = mapping.emailColumn, column < count {
                sameEmail(record, column: column, mapping: mapping, place: place, log: log)
            }
            respondentHash = Array("line \(record.line)".utf8).withUnsafeBytes { FNV.hash($0, seed: mapping.idSeed) }
        }

        if seen.degraded && !reportedDegraded {
            reportedDegraded = true
            log(CleaningIssue(file: mapping.file, line: record.line, code: "duplicate_check_degraded", action: .kept, severity: .warning,
                              message: "a temporary file of the duplicate check could not be read back (disk error?): from here on a duplicate submission may go unnoticed"))
        }
        row.idHash = respondentHash
        row.line = record.line
        // A LimeSurvey response with no answer to the demand question that never reached it (not
        // submitted) or was not shown it (`N/A`) was not asked: out of the demand share's base,
        // where it had counted as wanting no training (a probe: shares of 1 in 3 for 1 in 2).
        row.demandUnasked = mapping.lacksDemandQuestion
            || (mapping.shape == .limeSurvey && (incomplete || demandNotShown) && mapping.demandIndex.map { answers[$0] == 0 } ?? false)
            // A demand answer that could not be read (`1, 3, 5`, prose): unknown, not "none wanted".
            // (In Google Forms and Microsoft Forms a text that is no choice is what was typed for "Other".)
            || (!pendingIssues.isEmpty && mapping.shape != .googleForms && mapping.shape != .microsoftForms
                && mapping.demandIndex.map { d in answers[d] == 0 && pendingIssues.contains { $0.question == d } } ?? false)
        row.demandUnaskedBits = mapping.demandUnaskedBits | demandUnreadBits
        row.submitted = submitted
        row.otherReading = rowOtherReading
        if submitted != 0 {
            if rowOtherReading == 0 {
                daysOfFile.sure.add(submitted)
            } else {
                daysOfFile.assumed.add(submitted)
                daysOfFile.otherReading.add(rowOtherReading)
            }
        }
        if !pendingIssues.isEmpty {
            let id = FNV.respondentID(respondentHash)
            for pending in pendingIssues {
                log(CleaningIssue(
                    file: mapping.file, line: record.line, column: pending.column + 1, respondentID: id,
                    question: instrument.questions[pending.question].key, oldValue: pending.issue.old, newValue: pending.issue.new,
                    code: pending.issue.code, action: pending.issue.action, message: pending.issue.message))
            }
        }
        row.weight = 1
        if options.weightColumn != nil {
            row.weight = 0
            if let column = mapping.weightColumn {
                let text = record[column].trimmingSpaces
                if let weight = Self.weight(text) {
                    row.weight = weight
                } else {
                    log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1, respondentID: FNV.respondentID(respondentHash),
                                      question: options.weightColumn!, oldValue: text, newValue: "0", code: "weight_invalid",
                                      action: .changed, message: "weight `\(text)` is not a number from 0 to 10¹² in decimals; the respondent counts in no figure"))
                }
            }
        }
        resolvePlace(record: record, mapping: mapping, log: log)
        if incomplete { incompleteInFile += 1 }
        // Words in the first two columns of a hand-made sheet's respondent (`blockName`).
        if mapping.shape == .generic && mapping.wordColumns != 0b11 {
            for column in 0..<min(2, record.presentCount) where Self.startsWithWord(record.fieldBytes(column)) {
                mapping.wordColumns |= 1 << UInt8(column)
            }
        }
        return nil
    }

    /// A weight as written: a number in decimals, its decimal mark a point or a comma, perhaps
    /// with an exponent (`2`, `2,5`, `.5`, `1e3`), from 0 to 10¹²; nil for any other. Not
    /// hexadecimal (`0x10`, which `Double` reads as 16: a probe's weight taken silently), `inf`
    /// or `nan`; and none larger, as a design weight is at most a population (two of 1e308 had
    /// made the sums infinite and the weighting statement wrong).
    static func weight(_ text: String) -> Double? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, first == "." || first == "+" || ("0"..."9").contains(first),
              scalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "," || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }),
              let weight = Double(text.replacingOccurrences(of: ",", with: ".")), weight.isFinite, weight >= 0, weight <= 1e12
        else { return nil }
        return weight
    }

    /// Remarks that a person did not answer or refused, in the five languages, compared loosely.
    static let noAnswerRemarks: Set<String> = Set([
        "ei vastanud", "ei vasta", "vastamata", "keeldus", "keeldus vastamast", "did not answer", "no answer", "not answered",
        "no response", "refused", "neatbildēja", "nav atbildes", "neatbildēts", "atteicās", "neatsakė", "nėra atsakymo",
        "neatsakyta", "atsisakė", "не ответил", "не ответила", "нет ответа", "без ответа", "отказался", "отказалась",
    ].map { TextKey.loose($0) })

    /// The remarks with a letter outside ASCII as `KeyedLookup.lostLettersKey` writes them
    /// (`atteic?s`): a file saved as "CSV" in a code page without the letter.
    private static let noAnswerRemarksLost = TextKey.lostLettersKeys([
        "neatbildēja", "neatbildēts", "atteicās", "neatsakė", "nėra atsakymo", "atsisakė",
    ])

    /// Whether a free-text cell says that the person did not answer or refused (`noAnswerRemarks`).
    static func isNoAnswerRemark(_ written: String) -> Bool {
        // A sentence's full stop or mark after it (`Atteicās.`, `Ei vastanud!`).
        var trimmed = Substring(written.trimmingSpaces)
        while let last = trimmed.last, last == "." || last == "!" || last == " " { trimmed = trimmed.dropLast() }
        let text = String(trimmed)
        if noAnswerRemarks.contains(TextKey.loose(text)) { return true }
        return TextKey.lostLettersKey(ifLost: text).map(noAnswerRemarksLost.contains) ?? false
    }

    /// Whether a row answers a question of the form besides the place (and the tool's metadata):
    /// a cell of such a question written in, or a split choice's column read.
    private func answersBeyondPlace(_ record: RecordBuffer, mapping: FileMapping, count: Int) -> Bool {
        let counts = { (q: Int) in self.beyondPlace[q] }
        for q in 0..<questionCount where answerSlots[q] != 0 && counts(q) { return true }
        // A column that is no question of the form may hold answers it does not read, a grid's
        // ticks (`x`, `1`, under headings two questions share): answered. Not the row's number,
        // in its first filled cell (`Nr.`), nor a remark in words (`ei vastanud`, `puhkusel`).
        // (A dash alone is a blank cell.)
        var sawNumber = false
        for column in 0..<min(count, mapping.roles.count) {
            let bytes = record.fieldBytes(column)
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            switch mapping.roles[column] {
            case let .question(q) where counts(q):
                let text = String(decoding: bytes, as: UTF8.self)
                // A remark that the person did not answer, in a free-text column (`ei vastanud` in
                // the comments: a probe's such row had been a respondent).
                if matchers[q] == nil && Self.isNoAnswerRemark(text) { continue }
                if !Self.isDash(text) { return true }
            // A column of no question in any shape (a tool's export: one of an older form
            // version), a column of metadata only in a sheet of no tool (a tool's own, `lastpage`,
            // `seed`, `_status`, is numbers of no answer).
            case .meta(.other) where mapping.shape != .generic:
                continue
            case .unmapped, .meta(.other):
                let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
                let number = Self.isRowNumber(text)
                // The row's number: the first number in such a column, wherever it stands.
                if number && !sawNumber {
                    sawNumber = true
                    continue
                }
                if number || Self.tickMarks.contains(TextKey.loose(text)) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// Whether the row being read gives a place, and one that reads as `PlaceReader` reads it:
    /// its country, or a municipality (not `digi,keel,juhtimine`, a comment come into the
    /// municipality's column of a row cut short). Asked of rows cut short only.
    /// `extras`: the row's answers read per row so far (`row.extras` is still the last row's: a
    /// place over 256 bytes read through it ran past its end, found by fuzz-normalize).
    private func givesKnownPlace(extras: [Answer]) -> Bool {
        let country = countryIndex.map { answerSlots[$0] } ?? 0
        let municipality = municipalityIndex.map { answerSlots[$0] } ?? 0
        guard country | municipality != 0 else { return false }
        guard municipality != 0 else { return true }
        return !placeReader.read(country: countryIndex == nil ? nil : answer(country, extras: extras),
                                 municipality: answer(municipality, extras: extras), gazetteer: { self.gazetteer }).municipalityUnread
    }

    /// Whether question `q` rates a topic's importance or competence.
    private func isRating(_ q: Int) -> Bool {
        let measure = instrument.questions[q].measure
        return measure == .importance || measure == .competence
    }

    /// The text of a row's one filled cell, at `column`, when it reads as a note: a label of a
    /// word or two, a colon and something after it (`Märkus: ...`, `Kokku: 2 vastajat`), or a
    /// totals word first (`Kokku 2`, `Iš viso`). Nil when another cell is filled too.
    /// (In the first two columns only, where a sheet's notes stand: `Õpetaja: algklassid` under
    /// the role, further right, is a respondent's answer, a reviewer's case.)
    static func noteAlone(_ record: RecordBuffer, column: Int) -> String? {
        guard column <= 1, column < record.count else { return nil }
        for other in 0..<record.count where other != column {
            if record.fieldBytes(other).contains(where: { $0 != 0x20 && $0 != 0x09 }) { return nil }
        }
        let bytes = record.fieldBytes(column)
        let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
        guard ParseState.readsAsNote(bytes) || ParseState.startsWithTotalsWord(text.lowercased()) else { return nil }
        return text
    }

    /// Whether a note-like text's label (before its colon) begins a choice of question `q`'s
    /// list, by name or label: `Õpetaja: algklassid` under the role is a respondent's answer, a
    /// kind of `Õpetaja või haridustöötaja` (a reviewer's case), not a note.
    /// Not in a place column, nor before a count: `Eesti: 6 vastajat` under the country is a
    /// subtotal (a reviewer's: it had been a respondent of no place again).
    private func beginsAChoice(_ text: String, question q: Int) -> Bool {
        guard q != countryIndex, q != municipalityIndex, let colon = text.firstIndex(of: ":"), let list = matchers[q]?.list,
              !(String(text[text.index(after: colon)...]).trimmingSpaces.first?.isNumber ?? false) else { return false }
        let head = TextKey.loose(String(text[..<colon]))
        guard !head.isEmpty else { return false }
        return list.choices.contains { choice in ([choice.name] + Array(choice.labels.values)).contains { TextKey.loose($0).hasPrefix(head) } }
    }

    /// Whether a cell is a row's number as a sheet writes it (`7`, `7.`, `7)`).
    static func isRowNumber(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." || $0 == ")" }
    }

    /// Whether an answer to who wants training says "none" (`0`, `ei midagi`, `нет`): a
    /// respondent wanting none, as a blank answer is, not one whose answer could not be read.
    static func saysNone(_ text: String) -> Bool {
        noneWords.contains(TextKey.loose(text.trimmingSpaces.trimmingCharacters(in: CharacterSet(charactersIn: ".!"))))
    }

    /// Whether a row of dashes alone puts one in a split choice column, where a dash is unticked
    /// (`-;-;-` under a grid of topics: answered, none wanted), so that the row is a respondent,
    /// not a blank row (a reviewer's: it had left the demand shares' base).
    /// A rule drawn across a sheet that has such columns among others (its place, its ratings)
    /// puts dashes in those too: a blank row still (a reviewer's: it had become a respondent).
    static func ticksWithDashes(_ record: RecordBuffer, mapping: FileMapping) -> Bool {
        var ticks = false
        for column in mapping.steps.indices where column < record.presentCount && !isBlankField(record.fieldBytes(column)) {
            // (A dash in any other column, `Nr` too, is a rule drawn across the sheet: a reviewer's.)
            guard case .choice = mapping.steps[column] else { return false }
            ticks = true
        }
        return ticks
    }

    /// Whether a cell's first character past spaces is a letter (any script): a word, not a number.
    static func startsWithWord(_ cell: UnsafeRawBufferPointer) -> Bool {
        guard let first = cell.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        if first < 0x80 { return (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A }
        return first >= 0xC3
    }

    /// Whether a cell is a dash alone (`-`, `–`, `—`, `--`): left blank.
    static func isDash(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        return !trimmed.isEmpty && trimmed.count <= 3 && trimmed.allSatisfy { $0 == "-" || $0 == "–" || $0 == "—" }
    }
    private static let noneWords: Set<String> = Set([
        "0", "none", "no", "nothing", "no training", "ei", "ei midagi", "ei soovi", "ei vaja", "puudub", "pole", "mitte midagi",
        "nav", "neko", "nekas", "nevēlos", "nē", "ne", "nieko", "nėra", "nenoriu", "нет", "ничего", "не нужно", "не хочу",
    ].map { TextKey.loose($0) })

    /// What a hand-made grid's cell holds for a tick, in the region's languages.
    static let tickMarks: Set<String> = Set(["x", "v", "+", "✓", "✔", "☑", "✗", "*", "yes", "y", "jah", "ja", "jā", "taip", "да",
                                             "true", "tõene", "patiess"].map { TextKey.loose($0) })

    /// The columns that link a repeat group's row to its submission: ODK Central's, and those of
    /// a KoboToolbox workbook's repeat sheet saved as CSV.
    static let parentLinkHeaders: Set<String> = ["parent_key", "_parent_index", "_parent_table_name", "_submission__uuid"]

    /// Rows of a file checked for being its header in another language: a file with unknown
    /// values on every row is not read header by header.
    static let headerChecksPerFile = 1000

    /// Whether a row is the file's header in another language: its cells, read as headers, name
    /// three or more and over half of the columns the header maps (nil if not); whether they
    /// stand in the header's own places.
    private func headerInAnotherLanguage(_ record: RecordBuffer, mapping: FileMapping, firstUnread: Int) -> Bool? {
        // A cell that was no answer names no column: a row, not a header (one look-up, not all).
        guard mapper.resolve(record[firstUnread], position: firstUnread) != .unmapped else { return nil }
        let mapped = mapping.roles.filter { $0 != .unmapped }.count
        var same = 0
        var elsewhere = 0
        for column in 0..<min(record.count, mapping.roles.count) {
            let text = record[column]
            guard !text.isEmpty else { continue }
            let role = mapper.resolve(text, position: column)
            if role == .unmapped {
                // A topic's label, which its importance and competence questions share (a sheet
                // headed by labels): the column's question among them is its name again (a
                // probe: Latvian sheets pasted under Estonian ones, the header a respondent).
                if case let .question(q) = mapping.roles[column], let sharing = mapper.questionsSharingLabel(text), sharing.contains(q) {
                    same += 1
                }
                continue
            }
            if role == mapping.roles[column] { same += 1 } else if mapping.roles.contains(role) { elsewhere += 1 }
        }
        guard same + elsewhere >= 3, (same + elsewhere) * 2 > mapped else { return nil }
        return elsewhere == 0
    }

    /// The edit distance (insertions, deletions, substitutions) of two texts, or `limit + 1`
    /// once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return min(previous[b.count], limit + 1)
    }

    /// The minute of the day a date and time holds (`15:44:00`, `15:44`, `3:44 PM`, `3:44:00 pm`),
    /// or nil without a time.
    static func minuteOfDay(_ bytes: UnsafeRawBufferPointer) -> Int? {
        // Bytes, not a String: a row of a Microsoft Forms or LimeSurvey export asks this.
        func digit(_ k: Int) -> Int? { k >= 0 && k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 ? Int(bytes[k] - 0x30) : nil }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let h1 = digit(colon - 1),
              let m1 = digit(colon + 1), let m2 = digit(colon + 2) else { return nil }
        var hour = h1 + (digit(colon - 2).map { $0 * 10 } ?? 0)
        // `PM`, `pm`, `p.m.` after the minutes (and `AM`'s twelve o'clock).
        var k = colon + 3
        while k < bytes.count {
            let letter = bytes[k] | 0x20
            if letter == UInt8(ascii: "p") || letter == UInt8(ascii: "a") {
                var next = k + 1
                if next < bytes.count && bytes[next] == UInt8(ascii: ".") { next += 1 }
                if next < bytes.count && bytes[next] | 0x20 == UInt8(ascii: "m") {
                    if letter == UInt8(ascii: "p") && hour < 12 { hour += 12 }
                    if letter == UInt8(ascii: "a") && hour == 12 { hour = 0 }
                    break
                }
            }
            k += 1
        }
        guard hour < 24, m1 < 6 else { return nil }
        return hour * 60 + m1 * 10 + m2
    }

    /// LimeSurvey's submitdate of a response submitted in a survey that stores no dates (not
    /// date-stamped, or anonymised): 1980-01-01 00:00:00, its placeholder, whereas a response
    /// never submitted has none.
    static let limeSurveyUndated: Int32 = 1980_01_01

    /// The file's notes that only its end can tell: LimeSurvey responses never submitted, or
    /// submitted without a date.
    func finishFile(_ file: String, log: (CleaningIssue) -> Void) {
        headerChecksInFile = 0
        // The same export sent twice (or in two encodings): a warning per row said each was
        // identical to one of the other file, and the respondents counted twice without a word
        // on the file (a helper's probe: 80 respondents of 40).
        if let (earlier, rows) = identicalInFile.max(by: { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }),
           case let identical = rows.count, identical >= 2, identical * 10 >= identityCheckedInFile * 9 {
            log(CleaningIssue(file: file, line: nil, code: "file_repeated", action: options.dropIdentical ? .dropped : .kept,
                              severity: .warning,
                              message: "\(identical) of its \(identityCheckedInFile) rows are identical to rows of \(filesOfIdenticalRows[earlier]) (no submission IDs tell them apart): the same export sent twice? "
                                + (options.dropIdentical ? "They were dropped (--drop-identical)" : "Its respondents are counted again; --drop-identical drops such rows")))
        }
        identityCheckedInFile = 0
        identicalInFile.removeAll()
        if unnamedInFile.values > 0 {
            log(CleaningIssue(file: file, line: unnamedInFile.line, column: unnamedInFile.column, code: "values_without_header",
                              action: .dropped, severity: .warning,
                              message: "\(unnamedInFile.values) value(s) stand in columns with no header (the first here); what they answer cannot be told, so they are not read: give the column its question's name"))
        }
        unnamedInFile = (0, 0, 0)
        if incompleteInFile > 0 {
            log(CleaningIssue(file: file, line: nil, code: "incomplete_responses", action: .kept, severity: .note,
                              message: "\(incompleteInFile) response(s) were never submitted (LimeSurvey: no submitdate): each counts with the answers it gave"))
        }
        incompleteInFile = 0
        if unansweredInFile.rows > 0 {
            log(CleaningIssue(file: file, line: unansweredInFile.line, code: "unanswered_rows", action: .dropped, severity: .note,
                              message: "\(unansweredInFile.rows) row(s) (the first here) answer no question but the place, if that: rows numbered or given their place ahead "
                                + "for respondents who never answered, or responses opened and left without an answer; not read as respondents (counted as blank rows)"))
        }
        unansweredInFile = (0, 0)
        // Dotted dates, each with day and month 12 or less, beside slash dates that are
        // month-first (`02.08.2025 10:00` and `2/24/2025 10:00:00`): a month-first export opened
        // in a day-first Excel, which made the dates it could read its own, day and month
        // swapped, and left the others as text (a probe: no word of it).
        if dottedDates.ambiguous > 0 && !dottedDates.dayAbove12 && dateOrder.decided == true {
            log(CleaningIssue(file: file, line: dottedDates.line, column: dottedDates.column, oldValue: dottedDates.text,
                              code: "date_formats_mixed", action: .kept, severity: .warning,
                              message: "\(dottedDates.ambiguous) submission date(s) are written with dots, day and month each 12 or less (the first here, `\(dottedDates.text)`), beside month-first slash dates: "
                                + "a month-first export opened and saved in a day-first Excel, which read the dates it could as day-first (swapping day and month) and left the others as text? "
                                + "The dotted dates are read day-first as written: check them against the original export"))
        }
        dottedDates = (0, 0, 0, "", false)
        func blankBelow(_ counted: (rows: Int, line: Int), _ left: String, _ what: String, _ counting: String) {
            guard counted.rows > 0 else { return }
            log(CleaningIssue(file: file, line: counted.line, code: "place_blank_below", action: .kept, severity: .note,
                              message: "\(counted.rows) row(s) (the first here) \(left): if a block's \(what) was written once, on its first row "
                                + "(merged cells saved as blanks), fill it in on every row; as they are, they count \(counting)"))
        }
        blankBelow(belowPlaced, "leave the country and municipality blank below a row that gives them", "place", "in no country")
        blankBelow(belowMunicipality, "give the country but leave the municipality blank below a row that gives one", "municipality",
                   "in their country and in no municipality")
        belowPlaced = (0, 0)
        placeAbove = false
        belowMunicipality = (0, 0)
        municipalityAbove = nil
        if undatedInFile > 0 {
            log(CleaningIssue(file: file, line: nil, code: "submission_date_not_recorded", action: .changed, severity: .note,
                              message: "\(undatedInFile) response(s) have the submitdate 1980-01-01, which LimeSurvey writes for a response submitted in a survey that records no dates (not date-stamped, or anonymised): their submission date is missing"))
        }
        undatedInFile = 0
    }

    /// A submission date (yyyymmdd, 0: none). ISO dates are read from the bytes; a slash date's
    /// day/month order is the file's: decided by its first value with a part above 12, day-first
    /// until then (a note says so once; a later month-first decision, or a value contradicting
    /// it, is a warning). A value that is no date is reported, per cell, and stays missing.
    /// A time in UTC (`utc`: the column is, or the value says so) is dated by the day it was in the
    /// Baltic states (`SubmissionDate.balticDay`).
    private func submittedDay(_ bytes: UnsafeRawBufferPointer, column: Int, line: Int, file: String, utc: Bool = false,
                              log: (CleaningIssue) -> Void) -> Int32 {
        if let day = SubmissionDate.isoDay(bytes), day != 0 {
            // A UTC column's time with its own offset written (`…+02:00`) keeps its day, as any such time does.
            let inUTC = SubmissionDate.saysUTC(bytes) || (utc && !SubmissionDate.writesOffset(bytes))
            return inUTC ? SubmissionDate.balticDay(utcDay: day, bytes) : day
        }
        if let day = SubmissionDate.excelSerialDay(bytes) {
            if !serialDatesNoted {
                serialDatesNoted = true
                let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
                log(CleaningIssue(file: file, line: line, column: column + 1, oldValue: text, newValue: SubmissionDate.format(day),
                                  code: "date_serial", action: .changed, severity: .note,
                                  message: "`\(text)` is a date as Excel counts days (since 30 December 1899): read as \(SubmissionDate.format(day)), as are this file's other such dates"))
            }
            return day
        }
        // A month by its name (`Jan 14, 2025`, `14. jaanuar 2025`) tells the order itself.
        switch SubmissionDate.named(bytes) {
        case .noMonthName: break
        case let .day(day): return day
        case .unreadable:
            let text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
            log(CleaningIssue(file: file, line: line, column: column + 1, oldValue: text, code: "date_unreadable",
                              action: .changed, message: "`\(text)` names a month but is no date (a day and a four-digit year are needed); the submission date is missing"))
            return 0
        }
        // Read from the bytes when they are ASCII (every tool's timestamp); the text is made only
        // for a message.
        let written = SubmissionDate.Written(ascii: bytes) ?? SubmissionDate.Written(String(decoding: bytes, as: UTF8.self))
        if written.isBlank { return 0 }
        var text: String { String(decoding: bytes, as: UTF8.self).trimmingSpaces }
        let order = SubmissionDate.order(written)
        // A later date written without leading zeros (`10/9/2025 9:00:00`) after a first one
        // with them (`10/11/2025 14:00:00`, read day-first by assumption): US English's M/D/YYYY,
        // which a padded day-first format never writes (a reviewer's case), decides month-first.
        let unpaddedLater = order.monthFirst == nil && order.ambiguous && dateOrder.decided == nil
            && dateOrder.ambiguousBefore > 0 && !dateOrder.assumed && SubmissionDate.hasUnpaddedSlashDate(bytes)
        if let monthFirst = order.monthFirst ?? (unpaddedLater ? true : nil) {
            if dateOrder.decided == nil {
                dateOrder.decided = monthFirst
                let (shown, assumed) = monthFirst ? ("month", "day") : ("day", "month")
                if monthFirst != dateOrder.assumed && dateOrder.ambiguousBefore > Self.correctableDates {
                    log(CleaningIssue(file: file, line: line, column: column + 1, oldValue: text, code: "date_order_late",
                                      action: .kept, severity: .warning,
                                      message: "`\(text)` shows this file's dates are \(shown)-first, but \(dateOrder.ambiguousBefore) earlier date(s) with day and month both 12 or less were already read \(assumed)-first, more than the \(Self.correctableDates) corrected afterwards: clean/responses.csv keeps them as read; the response period in the reports reads them \(shown)-first"))
                } else if monthFirst != dateOrder.assumed && dateOrder.ambiguousBefore > 0 {
                    log(CleaningIssue(file: file, line: line, column: column + 1, oldValue: text, code: "date_order_late",
                                      action: .changed, severity: .note,
                                      message: "`\(text)` shows this file's dates are \(shown)-first\(unpaddedLater ? " (written without leading zeros, as US English writes M/D/YYYY)" : ""): the \(dateOrder.ambiguousBefore) earlier date(s) with day and month both 12 or less, read \(assumed)-first until here, are \(shown)-first in clean/responses.csv and in the response period"))
                }
            } else if dateOrder.decided != monthFirst && !dateOrder.conflictReported {
                dateOrder.conflictReported = true
                log(CleaningIssue(file: file, line: line, column: column + 1, oldValue: text, code: "date_order_conflict",
                                  action: .kept, severity: .warning,
                                  message: "`\(text)` is \(monthFirst ? "month" : "day")-first, but earlier dates of this file were \(monthFirst ? "day" : "month")-first; each is read as it shows itself"))
            }
        } else if order.ambiguous && dateOrder.decided == nil {
            if dateOrder.ambiguousBefore == 0 {
                let twelveHour = SubmissionDate.hasTwelveHourClock(bytes)
                // Written without leading zeros (`2/1/2025 10:00:00`): US English's M/D/YYYY, as
                // Google Forms' en-US sheets and Microsoft Forms write it (a probe: a February
                // survey's dates read as January to December).
                let unpadded = !twelveHour && SubmissionDate.hasUnpaddedSlashDate(bytes)
                dateOrder.assumed = twelveHour || unpadded
                log(CleaningIssue(file: file, line: line, column: column + 1, oldValue: text, code: "date_order_assumed",
                                  action: .kept, severity: .note,
                                  message: twelveHour
                                    ? "`\(text)` could be day- or month-first; with its 12-hour clock (AM/PM, as US-English Excel and Microsoft Forms write times) dates are read month-first until one with a day above 12 decides the file's order"
                                    : unpadded
                                    ? "`\(text)` could be day- or month-first; written without leading zeros (M/D/YYYY, as US-English Google Sheets, Excel and Microsoft Forms write dates), dates are read month-first until one with a day above 12 decides the file's order"
                                    : "`\(text)` could be day- or month-first; dates are read day-first until one with a day above 12 decides the file's order"))
            }
            dateOrder.ambiguousBefore += 1
        }
        if written.dotted && written.count == 3 {
            let (a, b, _) = written.numbers
            if a > 12 {
                dottedDates.dayAbove12 = true
            } else if b <= 12 {
                if dottedDates.ambiguous == 0 { (dottedDates.line, dottedDates.column, dottedDates.text) = (line, column + 1, text) }
                dottedDates.ambiguous += 1
            }
        }
        let monthFirst = dateOrder.decided ?? dateOrder.assumed
        guard let parsed = SubmissionDate.day(written, monthFirst: order.monthFirst ?? monthFirst) else {
            log(CleaningIssue(file: file, line: line, column: column + 1, oldValue: text, code: "date_unreadable",
                              action: .changed, message: "`\(text)` is not a date; the submission date is missing"))
            return 0
        }
        if !yearFirstNoted, let other = SubmissionDate.yearFirstReading(written), other != parsed {
            // `25.02.05`: 25 February 2005 as Latvian and Estonian Excel write a short date, or
            // 5 February 2025 as year-first locales do; the value cannot tell, so it is said once.
            yearFirstNoted = true
            log(CleaningIssue(file: file, line: line, column: column + 1, oldValue: text, newValue: SubmissionDate.format(parsed),
                              code: "date_two_digit_year", action: .kept, severity: .note,
                              message: "`\(text)` has a two-digit year: read day first as \(SubmissionDate.format(parsed)) (dd.mm.yy, the year 20yy), as are this file's other such dates; written year first (yy.mm.dd) it is \(SubmissionDate.format(other)): if so, give the dates with four-digit years"))
        }
        // KoboToolbox's `_submission_time` re-written by Excel (`08.02.2025 22:45`): still the
        // server's clock in UTC (a probe's evening submissions had been dated a day early).
        let time = utc ? SubmissionDate.timeOfDay(text) : nil
        func inTheBaltics(_ day: Int32) -> Int32 {
            guard let time else { return day }
            return SubmissionDate.balticDay(utcDay: day, hour: time.hour, minute: time.minute)
        }
        if order.ambiguous && dateOrder.decided == nil {
            // Read day-first by assumption; kept the other way too for the period (`submittedDays`).
            let (year, month, day) = (parsed / 10000, parsed / 100 % 100, parsed % 100)
            rowOtherReading = inTheBaltics(year * 10000 + day * 100 + month)
        }
        return inTheBaltics(parsed)
    }

    /// Dates of a file read day-first before it showed it is month-first are corrected in
    /// clean/responses.csv up to this many (the row sink keeps where each was written until the
    /// file ends: 16 bytes each); past it they stay as read, and a warning says so.
    static let correctableDates = 1 << 20

    /// Whether the file being read has shown the order of day and month it did not assume.
    private var showedTheOtherOrder: Bool { dateOrder.decided.map { $0 != dateOrder.assumed } ?? false }

    /// Whether the file being read has shown its order of day and month after reading some dates
    /// the other way (`dateOrder.assumed`), few enough to correct (see `correctableDates`); each clean row of it then
    /// carries the other reading of its date (`Row.otherReading`). Read at the end of the file.
    var correctsAssumedDates: Bool {
        showedTheOtherOrder && dateOrder.ambiguousBefore > 0 && dateOrder.ambiguousBefore <= Self.correctableDates
    }

    /// The first and last submission date of the clean respondents read so far (yyyymmdd), each
    /// file's dates read by assumption read in the order the file showed in the end; nil when
    /// none had a date.
    public var submittedDays: (first: Int32, last: Int32)? {
        let range = daysOfRun.union(daysOfCurrentFile)
        return range.isEmpty ? nil : (range.first, range.last)
    }

    private var daysOfCurrentFile: DayRange {
        daysOfFile.sure.union(showedTheOtherOrder ? daysOfFile.otherReading : daysOfFile.assumed)
    }

    /// Reads a value not seen before and keeps the reading; nil when the cache is full.
    private func learn(_ key: FieldKey, question q: Int, shape: ExportShape,
                       into cache: inout ValueCache<CellReading>) -> Int? {
        // Long values are kept while a question's long keys take up to 256 KiB: a Google checkbox
        // cell of many labels (a few hundred bytes, few distinct ones, costly to split) is read
        // once; free text in a number column fills the budget and is then read each time.
        guard !cache.isFull, key.count <= 256 || (key.count <= 4096 && cache.longKeyBytes + key.count <= 1 << 18)
        else { return nil }
        var reading = read(String(decoding: key.bytes, as: UTF8.self).trimmingSpaces, question: q, shape: shape)
        if let answer = reading.answer { reading.id = intern(answer, question: q) }
        return cache.insert(key, value: reading)
    }

    /// Which of a question's four value caches a file uses: a cell reads differently in LimeSurvey
    /// exports (answer codes), in KoboToolbox or ODK ones (choice names expected), in Google and
    /// Microsoft Forms ones (what was typed for "Other" in place of a choice) and in the others.
    static func readingVariant(_ shape: ExportShape) -> Int {
        if answerCodes(shape) { return 1 }
        if namesExpected(shape) { return 2 }
        return otherTyped(shape) ? 3 : 0
    }

    /// A row number of the tool's (`ID`, `FileMapping.rowIDColumn`) twice in one file: the same
    /// answers on the same day are the same response twice, counted once (true; exports of 120
    /// and then of 200 pasted together); other answers are said, and both kept, unless the header
    /// came again between them (two exports joined, each numbering from 1). A row with no answer
    /// at all is no response to tell apart: left to the identical-row check.
    /// A row's answers' hash with the date it was submitted (yyyymmdd, 0: none), for telling
    /// copies of a response: its day and month in either order, as a slash date is read
    /// day-first until the file shows its order, and the same row read before and after (in one
    /// file, or in two overlapping exports, one showing the order and one not) was two responses
    /// (a reviewer's case).
    private static func withDate(_ hash: UInt64, _ submitted: Int32) -> UInt64 {
        let (year, month, day) = (submitted / 10000, submitted / 100 % 100, submitted % 100)
        let date = year * 10000 + min(month, day) * 100 + max(month, day)
        return FieldHash.finish(hash ^ UInt64(UInt32(bitPattern: date)) &* 0x9E37_79B9_7F4A_7C15)
    }

    private func repeatsRowNumber(_ record: RecordBuffer, column: Int, mapping: FileMapping, rowHash: UInt64,
                                  submitted: Int32, log: (CleaningIssue) -> Void) -> Bool {
        if rowNumbersFile != mapping.file {
            rowNumbersFile = mapping.file
            rowNumbers.removeAll(keepingCapacity: true)
            rowNumbersRead = 0
        }
        rowNumbersRead += 1
        let fingerprint = Self.withDate(rowHash, submitted) | 1
        var repeated = false
        Self.withTrimmed(record.fieldBytes(column)) { written in
            guard written.count > 0 else { return }
            var number = 0
            for byte in written {
                guard byte >= 0x30 && byte <= 0x39, number < 1 << 20 else { number = -1; break }
                number = number &* 10 &+ Int(byte &- 0x30)
            }
            let earlier: UInt64
            var samePart = true
            // In a table by number while the numbers stay near the rows read (the tools number
            // from 1); any other in the duplicate check's memory.
            if number >= 0 && number < 1 << 20 && number <= 4 * rowNumbersRead + 4096 {
                if number >= rowNumbers.count {
                    rowNumbers += repeatElement((fingerprint: UInt64(0), part: UInt32(0)), count: max(number + 1, 2 * rowNumbers.count) - rowNumbers.count)
                }
                earlier = rowNumbers[number].fingerprint
                if earlier == 0 {
                    rowNumbers[number] = (fingerprint, rowNumbersPart)
                    return
                }
                samePart = rowNumbers[number].part == rowNumbersPart
            } else {
                let seed = mapping.idSeed ^ 0x726F_772D_6964_2D6B
                guard let stored = seen.check(FieldHash.hash(written, seed: seed), verify: FieldHash.hash(written, seed: seed ^ 0x2545_F491_4F6C_DD1D),
                                              storing: fingerprint) else { return }
                earlier = stored
            }
            let rowID = String(decoding: written, as: UTF8.self)
            if earlier == fingerprint {
                guard (0..<questionCount).contains(where: { answerSlots[$0] != 0 }) else { return }
                log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1,
                                  code: "duplicate_submission", action: .dropped, severity: .note,
                                  message: "row `\(rowID)` of the export was already read in this file, with the same answers on the same day; counted once"))
                repeated = true
            } else if samePart {
                toldAsCopy = true
                log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1,
                                  code: "duplicate_row_id", action: .kept, severity: .warning,
                                  message: "row `\(rowID)` of the export was already read in this file, with other answers: the same response edited, or two exports joined (each numbering its rows from 1)? Both are kept; check them"))
            }
        }
        return repeated
    }

    /// What a row of a tool's export says, by question and not by where its cells stand, for
    /// finding the same response in another export: each filled cell of a question (free text
    /// too), a choice's column or the collected e-mail address, as typed, tagged with what it
    /// answers, summed (so the columns' order and a column more or fewer, blank, change nothing:
    /// Microsoft Forms' `Last modified time`, added to its later exports, had made copies two
    /// respondents). As typed, not as read: two forms' rows of the same number and minute
    /// answering alike in two languages stay two (a reviewer's).
    private func copyHash(_ record: RecordBuffer, mapping: FileMapping) -> UInt64 {
        var sum: UInt64 = 0
        let tags = mapping.copyTags
        for column in 0..<min(record.count, tags.count) where tags[column] != 0 {
            // (The cell's key's hash, one multiply for a short cell; spaces and tabs at the ends
            // left out, byte by byte: no String a cell.)
            let bytes = record.fieldBytes(column)
            guard let first = bytes.first, let last = bytes.last else { continue }
            let hash: UInt64
            if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 {
                hash = record.fieldKey(column).hash
            } else {
                var start = 0, end = bytes.count
                while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
                while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                guard start < end else { continue }
                hash = FieldKey(UnsafeRawBufferPointer(rebasing: bytes[start..<end])).hash
            }
            sum &+= FieldHash.finish(FieldHash.combine(hash, tags[column], column: 0))
        }
        return sum
    }

    /// A LimeSurvey response whose `id` and `seed` a row of another file had, with other answers:
    /// the same response exported before it was finished and again after (its `submitdate`
    /// blank in the first), or edited in between (a probe's: counted twice with an
    /// `incomplete_responses` note alone, 210 respondents for 200). The `id` alone is no
    /// response across files (each survey numbers from 1), but the seed is drawn once for each.
    /// Both are kept and told of: which copy a later export replaced cannot be told in order.
    /// Whether it told.
    private func sameResponse(_ record: RecordBuffer, mapping: FileMapping, place: UInt64, incomplete: Bool,
                              log: (CleaningIssue) -> Void) -> Bool {
        guard let seedColumn = mapping.seedColumn, let idColumn = mapping.rowIDColumn,
              seedColumn < record.count, idColumn < record.count else { return false }
        var key: UInt64 = 0, verify: UInt64 = 0
        Self.withTrimmed(record.fieldBytes(idColumn)) { id in
            Self.withTrimmed(record.fieldBytes(seedColumn)) { seed in
                guard id.count > 0, seed.count > 0 else { return }
                // (By the values alone: a `token` column more in one export had moved the seed.)
                key = FieldHash.combine(FieldHash.hash(id, seed: 0x6C73_2D72_6573_702D), FieldHash.hash(seed), column: 0)
                verify = FieldHash.combine(FieldHash.hash(id, seed: 0x6C73_2D76_6572_6966), FieldHash.hash(seed, seed: 0x7365_6564), column: 1)
            }
        }
        let unfinishedBit: UInt64 = 1 << 39
        guard key != 0, let earlier = seen.check(key, verify: verify, storing: place | (incomplete ? unfinishedBit : 0)),
              filesOfIdenticalRows[Int(earlier >> 40)] != mapping.file else { return false }
        let earlierUnfinished = earlier & unfinishedBit != 0
        let which = earlierUnfinished && !incomplete ? ", unfinished there (no submitdate) and submitted here"
            : !earlierUnfinished && incomplete ? ", submitted there and unfinished here (no submitdate)" : ""
        let rowID = record[idColumn].trimmingSpaces
        log(CleaningIssue(file: mapping.file, line: record.line, column: idColumn + 1, code: "duplicate_row_id", action: .kept, severity: .warning,
                          message: "response `\(rowID)` with the same seed was already read on line \(earlier & (unfinishedBit - 1)) of \(filesOfIdenticalRows[Int(earlier >> 40)])\(which), "
                            + "with other answers: the same response exported before it was finished or edited, and again after? Both are kept; check them"))
        return true
    }

    /// The e-mail address a Google or Microsoft Forms respondent gave, given on a row before (of
    /// this file or another): Google Forms rewrites a response edited after it was sent, with a
    /// new timestamp, so a sheet downloaded again holds the edited copy beside the first one's
    /// download, and a form that takes more than one response takes the same person's twice (a
    /// probe's: 4 respondents for 3, no word). Which copy counts cannot be told from the rows:
    /// both are kept and told of. The message names the lines, never the address.
    private func sameEmail(_ record: RecordBuffer, column: Int, mapping: FileMapping, place: UInt64, log: (CleaningIssue) -> Void) {
        var key: UInt64 = 0, verify: UInt64 = 0
        Self.withTrimmed(record.fieldBytes(column)) { bytes in
            guard bytes.contains(UInt8(ascii: "@")) else { return }
            var lower = String(decoding: bytes, as: UTF8.self).lowercased()
            lower.withUTF8 { utf8 in
                let raw = UnsafeRawBufferPointer(utf8)
                key = FieldHash.hash(raw, seed: 0x6531_6D61_696C_2D6B)
                verify = FieldHash.hash(raw, seed: 0x6531_6D61_696C_2D76)
            }
        }
        guard key != 0, let earlier = seen.check(key, verify: verify, storing: place) else { return }
        let row = earlierRow(earlier, mapping: mapping)
        let why = mapping.shape == .googleForms
            ? "the same person's response edited and downloaded again (Google Forms rewrites an edited response with a new timestamp), or sent twice?"
            : "the same person's response sent twice, or edited and exported again?"
        log(CleaningIssue(file: mapping.file, line: record.line, column: column + 1, code: "same_email", action: .kept, severity: .warning,
                          message: "the e-mail address was given on \(row) too: \(why) Both are kept; check them"))
    }

    /// A text read as a choice whose label has its words in another form (`ChoiceMatcher.wordForm`).
    static func anotherFormIssue(_ text: String, name: String) -> CellReading.Issue {
        .init(old: text, new: name, code: "label_matched_in_another_form", action: .changed,
              message: "`\(text)` read as choice `\(name)`, whose label has these words in another form (gender or ending)"
                + (lettersWrittenAsMarks(text) ? ", " + lettersWrittenAsMarksReading : ""))
    }

    /// An earlier row of the duplicate check (`place`: the file's index and the line) as a
    /// message names it: `line 4`, or `line 4 of a.csv` in another file.
    private func earlierRow(_ earlier: UInt64, mapping: FileMapping) -> String {
        let file = filesOfIdenticalRows[Int(earlier >> 40)]
        return "line \(earlier & (1 << 40 - 1))" + (file == mapping.file ? "" : " of \(file)")
    }

    /// LimeSurvey writes answer codes (`A3`) for choices.
    static func answerCodes(_ shape: ExportShape) -> Bool { shape == .limeSurvey }

    /// The text Excel's protected text wraps, `="0784"` → `0784`, when a tool quoting every field
    /// wrote it (`"=""0784"""`, a field the reader keeps as typed); nil for any other text.
    static func unprotected(_ text: String) -> String? {
        guard text.count > 3, text.hasPrefix("=\""), text.hasSuffix("\"") else { return nil }
        return String(text.dropFirst(2).dropLast())
    }

    /// KoboToolbox and ODK write choice names, space-separated for select_multiple.
    static func namesExpected(_ shape: ExportShape) -> Bool { shape == .kobo || shape == .odkCentral }

    /// Google Forms and Microsoft Forms write what a respondent typed for a question's "Other"
    /// option where the choice's label would stand (a checkbox cell appends it to the others):
    /// their forms take no other answer, so a text that is no choice is the list's `other`.
    static func otherTyped(_ shape: ExportShape) -> Bool { shape == .googleForms || shape == .microsoftForms }

    /// A select or number cell read against the instrument (the slow path, once per distinct value).
    /// Whether `header` is the first row of a sheet of one respondent per column: a question
    /// whose answers are a list or a number (a text question takes any heading as an answer),
    /// then at least two cells, all no heading of the instrument and each an answer to that
    /// question (`importance/imp_intercultural;5;4;5`, `Riik;EE;EE;LV`). Said once.
    private func transposedFirstRow(_ header: [String], roles: [ColumnRole], lead: Int, file: String, line: Int,
                                    log: (CleaningIssue) -> Void) -> Bool {
        guard lead < header.count, case let .question(q) = roles[lead] else { return false }
        // (A select_multiple's name above its choices, `training_wanted;intercultural;...`, is a
        // grid of ticks; so is a select_one's above its choices, each once, in the list's order.)
        switch instrument.questions[q].kind {
        case .selectOne, .integer, .decimal: break
        default: return false
        }
        let rest = (lead + 1..<header.count).filter { !header[$0].trimmingSpaces.isEmpty }
        guard rest.count >= 2, rest.allSatisfy({ roles[$0] == .unmapped }) else { return false }
        var chosen: [String] = []
        for index in rest {
            let reading = read(header[index].trimmingSpaces, question: q, shape: .generic)
            guard let answer = reading.answer, reading.issues.isEmpty else { return false }
            if case let .choice(name) = answer { chosen.append(name) }
        }
        if let list = matchers[q]?.list, chosen.count == rest.count, Set(chosen).count == chosen.count {
            let places = chosen.compactMap { name in list.choices.firstIndex { $0.name == name } }
            if places == places.sorted() { return false }
        }
        let answers = rest.prefix(3).map { "`\(Diagnostic.shortened(header[$0].trimmingSpaces))`" }.joined(separator: ", ")
        log(CleaningIssue(file: file, line: line, column: lead + 1, question: instrument.questions[q].key, code: "transposed_sheet",
                          action: .quarantined, severity: .error,
                          message: "the first row is question `\(instrument.questions[q].key)` and its answers (\(answers)\(rest.count > 3 ? ", ..." : "")), "
                            + "not headings: a sheet of one respondent per column. \(Self.transposeAdvice) Its rows are quarantined"))
        return true
    }

    /// What to do with a sheet of one respondent per column.
    static let transposeAdvice = "Turn it so that each respondent is a row under a header of the questions "
        + "(in a spreadsheet: copy the table, Paste Special, Transpose) and send it again."

    /// The instrument's questions (not the tool's metadata) that `cells` name, each with an
    /// answer to it (or nothing) in the cell after, in order of first naming: a file whose rows
    /// are all quarantined may be a sheet of one respondent per column, its questions down the
    /// first column (`Pipeline`, `transposed_sheet`); a codebook's (the question's label or type
    /// after its name) is not.
    func questionsNamed(by cells: [(name: String, next: String)]) -> [String] {
        var named: [String] = []
        for (cell, next) in cells {
            let role = mapper.resolve(cell, position: 1)
            let q: Int
            switch role {
            case let .question(index), let .choice(index, _): q = index
            default: continue
            }
            let key = instrument.questions[q].key
            guard instrument.questions[q].kind != .meta, !named.contains(key) else { continue }
            if case .choice = role {
                named.append(key)
                continue
            }
            let reading = next.isEmpty ? nil : read(next, question: q, shape: .generic)
            if reading == nil || (reading!.answer != nil && reading!.issues.isEmpty) { named.append(key) }
        }
        return named
    }

    /// Whether the record's cells from some column on are answers of the choice lists of the
    /// columns `offset` to their right (a row moved left: a cell deleted) or left (moved right),
    /// two or more times as often as of their own, counting the cells whose own and moved-from
    /// columns both ask a choice (free text fits any column, so says nothing; ratings beside
    /// ratings fit either way). One cell alone is no evidence: a row cut short whose one value
    /// off the list happens to fit the column beside it (a role coded `2`) moved nothing.
    private func fitsMovedColumnsBetter(_ record: RecordBuffer, by offset: Int, mapping: FileMapping) -> Bool {
        func choiceQuestion(_ column: Int) -> Int? {
            guard mapping.roles.indices.contains(column), case let .question(q) = mapping.roles[column], matchers[q] != nil else { return nil }
            return q
        }
        func fits(_ text: String, _ q: Int) -> Bool {
            let reading = read(text, question: q, shape: mapping.shape)
            return reading.answer != nil && reading.issues.isEmpty
        }
        // From the last column back: how many more of the cells from here on fit where they moved from.
        var lead = 0
        for column in stride(from: min(record.presentCount, mapping.roles.count) - 1, through: 0, by: -1) {
            guard let q = choiceQuestion(column), let from = choiceQuestion(column + offset) else { continue }
            let text = record[column].trimmingSpaces
            if text.isEmpty { continue }
            lead += (fits(text, from) ? 1 : 0) - (fits(text, q) ? 1 : 0)
            if lead >= 2 { return true }
        }
        return false
    }

    func read(_ text: String, question q: Int, shape: ExportShape) -> CellReading {
        // A dash alone (`-`, `–`) is a sheet's way of leaving a cell blank.
        guard !text.isEmpty, !Self.isDash(text) else { return CellReading(answer: nil) }
        let question = instrument.questions[q]
        switch question.kind {
        case .selectOne:
            // A list kept in a file (`select_one_from_file municipalities.csv`, an external
            // select), which the tool checked the answer against: its choice's name as written (a
            // place's then read by the gazetteer). It was dropped: a municipality asked so left
            // every respondent without one.
            guard let matcher = matchers[q] else { return CellReading(answer: .choice(text.trimmingSpaces)) }
            // LimeSurvey's full-answers export writes N/A where a question was never shown.
            if shape == .limeSurvey, text.lowercased() == "n/a", case .unknown = matcher.match(text) {
                return CellReading(answer: nil)
            }
            switch matcher.match(text, answerCodes: Self.answerCodes(shape)) {
            case let .matched(name, loose):
                return CellReading(answer: .choice(name), issues: loose ? [.init(
                    old: text, new: name, code: "label_matched_without_diacritics", action: .changed,
                    message: "`\(text)` read as choice `\(name)` "
                        + (Self.lettersWrittenAsMarks(text) ? Self.lettersWrittenAsMarksReading : "once diacritics were set aside"))] : [])
            case let .ambiguous(names):
                return CellReading(answer: nil, issues: [.init(
                    old: text, new: "", code: "ambiguous_value", action: .changed,
                    message: "`\(text)` fits several choices (\(names.joined(separator: ", "))); treated as missing")])
            case .unknown:
                if q == countryIndex, let name = regionCountryChoice(text, in: matcher.list) {
                    return CellReading(answer: .choice(name))
                }
                // A place the list does not hold (typed for "Other", an older version's choice)
                // is still a place: the gazetteer reads it, and says so when it cannot.
                if q == municipalityIndex { return CellReading(answer: .text(Self.unprotected(text) ?? text)) }
                if let name = matcher.wordForm(text) {
                    return CellReading(answer: .choice(name), issues: [Self.anotherFormIssue(text, name: name)])
                }
                // Excel's protected text (`="3"`) written by a tool that quotes every field
                // (`"=""3"""`): the reader keeps a quoted field as typed, and the choice is inside.
                if let inner = Self.unprotected(text),
                   case let .matched(name, _) = matcher.match(inner, answerCodes: Self.answerCodes(shape)) {
                    return CellReading(answer: .choice(name), issues: [.init(
                        old: text, new: name, code: "protected_text_quoted", action: .changed,
                        message: "`\(text)` read as choice `\(name)`: Excel's protected text, written as a quoted field")])
                }
                // A spreadsheet's text marker typed before the answer (`'4`), which a sheet saved
                // by another tool keeps: every such rating was missing.
                if text.hasPrefix("'"), text.count > 1,
                   case let .matched(name, _) = matcher.match(String(text.dropFirst()), answerCodes: Self.answerCodes(shape)) {
                    return CellReading(answer: .choice(name), issues: [.init(
                        old: text, new: name, code: "text_marker", action: .changed,
                        message: "`\(text)` read as choice `\(name)`: the apostrophe before it is a spreadsheet's mark of text, not part of the answer")])
                }
                if let name = matcher.numberWithOwnWords(text) {
                    return CellReading(answer: .choice(name), issues: [.init(
                        old: text, new: name, code: "choice_by_number", action: .changed,
                        message: "`\(text)` read as choice `\(name)` by its number: a sheet's own way of writing the scale, "
                            + "not a label of list `\(matcher.list.name)`")])
                }
                if Self.lostLetters(text) {
                    return CellReading(answer: nil, issues: [lostLettersIssue(text)])
                }
                if let other = matcher.otherWithText(text) {
                    return CellReading(answer: .choice(other), issues: [otherWithTextIssue(text, other: other)])
                }
                if Self.otherTyped(shape), let other = matcher.otherChoice {
                    return CellReading(answer: .choice(other), issues: [otherTypedIssue(text, other: other, question: q, list: matcher.list.name)])
                }
                // "No answer", "Ei tea", "Нет ответа" where the list has no such choice (LimeSurvey's
                // full-answers export writes `No answer` for its own no-answer option; a sheet's
                // typed): not answered, as a blank cell or `N/A` is. Each had been warned of as a
                // value off the list, and a clean export exited 1 (a probe's). Not when a point of
                // the list's scale says so, a midpoint `Hard to say` (the text may mean that one: a
                // reviewer's `Neesmu pārliecināts` beside `Не уверена`), but LimeSurvey's own `No
                // answer` never does; nor a country (`NA`).
                if q != countryIndex && ChoiceList.isNonRating(text) && (shape == .limeSurvey || !matcher.list.hasNoRatingPoint) {
                    return CellReading(answer: nil)
                }
                return CellReading(answer: nil, issues: [.init(
                    old: text, new: "", code: "unknown_value", action: .changed,
                    message: "`\(text)` is not a choice of \(choicesNamed(q, list: matcher.list.name)); treated as missing")])
            }
        case .selectMultiple:
            // "None" written to who wants training (`0`, `ei midagi`, `нет`): no topic wanted.
            if q == demandQuestionIndex && Self.saysNone(text) { return CellReading(answer: .choices([])) }
            guard let matcher = matchers[q] else {
                return CellReading(answer: .choices(text.split(whereSeparator: \.isWhitespace).map(String.init)))
            }
            var split = matcher.splitMultiple(text, namesExpected: Self.namesExpected(shape))
            var pieceIssues = split.unknown.filter(Self.lostLetters).map(lostLettersIssue)
            split.unknown.removeAll(where: Self.lostLetters)
            // Labels typed with their words in another form (`коммуникации` for `коммуникация`),
            // each piece or each of an unknown text's pieces one: read as those choices (a probe's
            // Google export had its respondent wanting none of the topics, "typed for Other").
            if !split.unknown.isEmpty {
                var formed: [(piece: String, name: String)] = []
                split.unknown.removeAll { unknown in
                    if let name = matcher.wordForm(unknown) {
                        formed.append((unknown, name))
                        return true
                    }
                    let pieces = unknown.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
                        .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                    let names = pieces.compactMap(matcher.wordForm)
                    guard pieces.count > 1, names.count == pieces.count else { return false }
                    formed += zip(pieces, names).map { ($0, $1) }
                    return true
                }
                if !formed.isEmpty {
                    split.choices = matcher.ordered(Set(split.choices + formed.map(\.name)))
                    pieceIssues += formed.map { Self.anotherFormIssue($0.piece, name: $0.name) }
                }
            }
            // `Other: ...` pieces are the list's `other`, in a file of any tool.
            if let other = matcher.otherChoice {
                let withText = split.unknown.filter { matcher.otherWithText($0) != nil }
                if !withText.isEmpty {
                    pieceIssues += withText.map { otherWithTextIssue($0, other: other) }
                    split.unknown.removeAll { matcher.otherWithText($0) != nil }
                    split.choices = matcher.ordered(Set(split.choices + [other]))
                }
            }
            if Self.otherTyped(shape), let other = matcher.otherChoice, !split.unknown.isEmpty {
                pieceIssues += split.unknown.map { otherTypedIssue($0, other: other, question: q, list: matcher.list.name) }
                split.unknown = []
                split.choices = matcher.ordered(Set(split.choices + [other]))
            }
            // Nothing of the cell is a choice (`-`, `n/a`, choices joined by a separator of its
            // own, letters lost): the question is unanswered, not answered with nothing chosen,
            // which would count the respondent in the demand shares' denominators.
            let nothingRead = split.choices.isEmpty && !(split.unknown.isEmpty && pieceIssues.isEmpty)
            var reading = CellReading(answer: nothingRead ? nil : .choices(split.choices), issues: pieceIssues)
            // The want-training question of a Google or Microsoft Forms file keeps its respondent
            // in the shares' base, wanting none of the topics, for a text typed for "Other"
            // (`row.demandUnasked`): "treated as missing" said otherwise (a helper's probe).
            let typedForOther = nothingRead && Self.otherTyped(shape) && instrument.questions[q].measure == .demand
            for piece in split.unknown {
                reading.issues.append(.init(old: piece, new: "", code: "unknown_value", action: .changed,
                                            message: "`\(piece)` is not a choice of \(choicesNamed(q, list: matcher.list.name)); "
                                                + (typedForOther ? "what was typed for \"Other\" (Google and Microsoft Forms write it in its place): none of the topics listed is chosen"
                                                    : nothingRead ? "treated as missing" : "left out of the answer")))
            }
            if split.loose {
                reading.issues.append(.init(old: text, new: split.choices.joined(separator: " "), code: "label_matched_without_diacritics",
                                            action: .changed, message: "choices read "
                                                + (Self.lettersWrittenAsMarks(text) ? Self.lettersWrittenAsMarksReading
                                                    : "once diacritics were set aside")))
            }
            return reading
        case .integer, .decimal:
            let normalised = text.replacingOccurrences(of: ",", with: ".")
            if Double(normalised) != nil { return CellReading(answer: .text(normalised)) }
            return CellReading(answer: nil, issues: [.init(old: text, new: "", code: "not_a_number", action: .changed,
                                                           message: "`\(text)` is not a number; treated as missing")])
        default:
            // A place so protected (`="Narva linn"`, a code's zeros kept) is the place inside.
            if q == municipalityIndex || q == countryIndex, let inner = Self.unprotected(text) { return CellReading(answer: .text(inner)) }
            return CellReading(answer: .text(text))
        }
    }

    /// Whether a text has a `?` before a letter (`?oti svar?gi`, `Pa?vald?ba`), as Excel's "CSV"
    /// writes each letter its code page lacks (Baltic letters saved by a Windows set to Russian);
    /// a question mark of the text is followed by a space, punctuation or nothing.
    static func lettersWrittenAsMarks(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "?")) else { return false }
        var afterMark = false
        for character in text {
            if afterMark && character.isLetter { return true }
            afterMark = character == "?"
        }
        return false
    }

    static let lettersWrittenAsMarksReading = "by the label whose letters its ? stand for (Excel's \"CSV\" writes one for each "
        + "letter the code page lacks); save the export as \"CSV UTF-8\" or \"Unicode text\" to keep them"

    /// Whether a text is mostly `?` (four or more, over twice its letters): what Excel writes
    /// for each letter its code page lacks when it saves "CSV" (Russian answers or headers saved
    /// by a Windows set to a Baltic language), the words lost.
    static func lostLetters(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "?")) else { return false }
        let marks = text.unicodeScalars.filter { $0 == "?" }.count
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        return marks >= 4 && letters * 2 < marks
    }

    private func lostLettersIssue(_ text: String) -> CellReading.Issue {
        .init(old: text, new: "", code: "text_lost", action: .changed,
              message: "`\(text)` has lost its letters: the file was saved in a code page without them (Excel's \"CSV\" writes ? for each); treated as missing: save the export again as \"CSV UTF-8\" or \"Unicode text\"")
    }

    /// Question `q` as an unknown value's message names it, for the person correcting the export:
    /// its name, its label when short enough to read on the line, then its choice list (what the
    /// form's designer edits). The list alone (`importance5`, `cn9hh69`) said nothing of which
    /// question the value was answered to: several questions share a list. The column is the
    /// message's place (`file:line:column`); its heading is not named here, as a reading is kept
    /// per question and value across files whose headings differ.
    func choicesNamed(_ q: Int, list: String) -> String {
        let question = instrument.questions[q]
        let label = Diagnostic.oneLine(question.label(instrument.defaultLanguage) ?? "").trimmingSpaces
        let shown = !label.isEmpty && label.count <= Self.shortLabel && label != question.name && label != question.key ? " (\(label))" : ""
        return "question `\(question.key)`\(shown) from list `\(list)`"
    }

    /// The longest question label an unknown value's message quotes (a matrix row's label, such
    /// as `Intercultural competence and communication`, fits; a question's whole wording does not).
    static let shortLabel = 60

    /// What a respondent typed for the "Other" option (`otherTyped`), read as the list's `other`.
    /// (Kept per distinct value for Google and Microsoft Forms files alike: the message names both.)
    /// Named by its question, as an unknown value is (`choicesNamed`): several questions share a list.
    private func otherTypedIssue(_ text: String, other: String, question q: Int, list: String) -> CellReading.Issue {
        .init(old: text, new: other, code: "other_answer", action: .changed,
              message: "`\(text)` is not a choice of \(choicesNamed(q, list: list)): Google and Microsoft Forms write what was typed for the \"Other\" option in its place; read as `\(other)`")
    }

    /// The list's `other` written with what was typed for it (`ChoiceMatcher.otherWithText`).
    private func otherWithTextIssue(_ text: String, other: String) -> CellReading.Issue {
        .init(old: text, new: other, code: "other_answer", action: .changed,
              message: "`\(text)` is the \"Other\" option with what was typed for it; read as `\(other)`")
    }

    /// The choice of a country list for a country its labels do not name but the gazetteer does
    /// (ISO alpha-3 `EST`, `Lettland`): the one whose name or a label is that country.
    private func regionCountryChoice(_ text: String, in list: ChoiceList) -> String? {
        guard let code = RegionCountry.code(for: text) else { return nil }
        return list.choices.first { choice in
            RegionCountry.code(for: choice.name) == code || choice.labels.values.contains { RegionCountry.code(for: $0) == code }
        }?.name
    }

    /// The bytes without surrounding white space; values with anything but ASCII at either end
    /// go through String's Unicode trimming.
    static func withTrimmed(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || (0x09...0x0D).contains(bytes[start]) { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || (0x09...0x0D).contains(bytes[end - 1]) { end -= 1 }
        if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 {
            var text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
            text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
            return
        }
        body(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
    }

    private func isHashtagRow(_ record: RecordBuffer) -> Bool {
        var tags = 0
        var filled = 0
        for i in 0..<record.presentCount {
            let text = record[i].trimmingSpaces
            guard !text.isEmpty else { continue }
            filled += 1
            if text.hasPrefix("#") { tags += 1 }
        }
        return filled > 0 && tags * 2 >= filled
    }

    /// The note on a HXL hashtag row (`isHashtagRow`): its column is the first cell holding no
    /// hashtag, whose text is lost with the row, or else the first hashtag.
    func hashtagRowIssue(_ record: RecordBuffer, file: String) -> CleaningIssue {
        let cells = (0..<record.presentCount).map { (column: $0 + 1, text: record[$0].trimmingSpaces) }.filter { !$0.text.isEmpty }
        let stray = cells.first { !$0.text.hasPrefix("#") }
        let first = stray ?? cells.first
        let shown = first.map { "`\(Diagnostic.shortened($0.text))`" } ?? ""
        let message = stray == nil
            ? "HXL hashtag row under the header (\(shown) first); read as part of the header"
            : "HXL hashtag row under the header; read as part of the header, with \(shown) in column \(first!.column), "
                + "which is no hashtag (a value in this row is not read as an answer)"
        return CleaningIssue(file: file, line: record.line, column: first?.column, code: "hxl_row", action: .kept,
                             severity: .note, message: message)
    }

    private func column(of question: Int?, in mapping: FileMapping) -> Int? {
        guard let question else { return nil }
        return mapping.roles.firstIndex(of: .question(question)).map { $0 + 1 }
    }

    /// Sets `row.place` from the row's country and municipality answers: each pair of answer ids
    /// is read once (`placeTable`, bounded: free-text place names can be all different); a
    /// pair with a value read per row (`Row.extra`) is read per row.
    private func resolvePlace(record: RecordBuffer, mapping: FileMapping, log: (CleaningIssue) -> Void) {
        row.place = 0
        row.extraPlace = nil
        // An instrument without place questions is reported once per file, in mapHeader.
        guard countryIndex != nil || municipalityIndex != nil else { return }
        let country = countryIndex.map { answerSlots[$0] } ?? 0
        let municipality = municipalityIndex.map { answerSlots[$0] } ?? 0
        if mapping.shape == .generic {
            if record.followsRepeatedHeader { placeAbove = false; municipalityAbove = nil }
            // Country and municipality both blank below a row that gave them, in a hand-made
            // sheet: perhaps a block's place written once, on its first row (merged cells saved
            // as blanks; a probe's rows below counted in no country without a word of why). Which
            // it is cannot be told: they stay placeless, and a note per file says so.
            // (Left blank as typed, or a dash: a country or municipality written but not
            // read, `LV/EE`, is no blank, and the note's advice to fill the cell in would not fit it.)
            func typed(_ question: Int?) -> Bool {
                guard let column = column(of: question, in: mapping), column - 1 < record.count,
                      record.fieldBytes(column - 1).contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
                let text = record[column - 1]
                return !text.trimmingSpaces.isEmpty && !Self.isDash(text)
            }
            if country | municipality == 0 {
                if placeAbove && !typed(countryIndex) && !typed(municipalityIndex) {
                    if belowPlaced.rows == 0 { belowPlaced.line = record.line }
                    belowPlaced.rows += 1
                }
            } else {
                placeAbove = true
                // The country given on every row and the municipality on a block's first alone
                // (its cells merged down the block): a probe's rows below were in no
                // municipality without a word (and weighed 0 under --weights municipality).
                // (In the same country: `Läti;;` below `Eesti;Tartu linn` is under no merged cell
                // of an Estonian block, a reviewer's false note.)
                if municipality != 0 {
                    municipalityAbove = country
                } else if municipalityAbove == country, column(of: municipalityIndex, in: mapping) != nil, !typed(municipalityIndex) {
                    if belowMunicipality.rows == 0 { belowMunicipality.line = record.line }
                    belowMunicipality.rows += 1
                }
            }
        }
        let key = UInt64(country) << 32 | UInt64(municipality)
        // A direct-mapped table in front of the dictionary: most rows hit it.
        let recent = Int(truncatingIfNeeded: FieldHash.finish(key)) & (recentPlaces.count - 1)
        if recentPlaces[recent].key == key, recentPlaces[recent].id != 0 {
            row.place = recentPlaces[recent].id
        } else if let known = placeIDs[key] {
            recentPlaces[recent] = (key, known)
            row.place = known
        } else {
            let place = placeReader.read(
                country: countryIndex == nil ? nil : answer(country, extras: row.extras),
                municipality: municipalityIndex == nil ? nil : answer(municipality, extras: row.extras), gazetteer: { self.gazetteer })
            if (country | municipality) & Row.extra == 0 && placeTable.count < 1 << 16 {
                placeTable.append(place)
                if keepsFresh { fresh.append(.place(place)) }
                row.place = UInt32(placeTable.count)
                placeIDs[key] = row.place
            } else {
                row.place = Row.extraPlaceID
                row.extraPlace = place
                logPlaceIssues(place.issues, record: record, mapping: mapping, log: log)
                return
            }
        }
        if !placeTable[Int(row.place) - 1].issues.isEmpty {
            logPlaceIssues(placeTable[Int(row.place) - 1].issues, record: record, mapping: mapping, log: log)
        }
    }

    private func logPlaceIssues(_ issues: [PlaceReading.Issue], record: RecordBuffer, mapping: FileMapping, log: (CleaningIssue) -> Void) {
        let id = FNV.respondentID(row.idHash)
        for issue in issues {
            let unknown = issue.code == "place_unknown"
            let at = column(of: issue.question, in: mapping) ?? (unknown ? column(of: municipalityIndex, in: mapping) : nil)
            log(CleaningIssue(file: mapping.file, line: record.line, column: at,
                              respondentID: id, question: issue.questionName, oldValue: issue.old, newValue: issue.new,
                              code: issue.code, action: issue.action, message: issue.message))
        }
    }

    /// The seed of a file's respondent IDs: its base name, so IDs stay the same wherever the file
    /// lies. A file whose base name another file of the run shares (`A/x.csv`, `B/x.csv`) is
    /// seeded by its display name, which tells them apart, whichever of them is read first. (A
    /// base name that recurs without having been declared in `sharedBaseNames` still gets the
    /// display name from its second file on, so IDs differ, though then by order.)
    private func idSeed(file: String) -> UInt64 {
        let base = baseName(file)
        let owner = seedOwners[base, default: file]
        seedOwners[base] = owner
        let byDisplayName = sharedBaseNames.contains(base) || owner != file
        return FNV.hash(Array(((byDisplayName ? file : base) + "\u{0}").utf8))
    }

    private func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
