/// How respondents are weighted and how the region combines countries.
public struct AggregationOptions: Sendable, Equatable {
    public enum Weights: Sendable, Equatable, CustomStringConvertible {
        /// Every respondent counts once.
        case respondent
        /// Each municipality counts equally within its country (for when one city sent most
        /// answers). Respondents without a recognised municipality belong to none, so they weigh
        /// 0 (the reports say how many); the country's total weight is shared by its municipalities.
        case municipality
        /// A numeric column of the export or a question of the instrument.
        case column(String)

        /// `respondent` and `municipality` in any case (`--weights Municipality`): taken for a
        /// column's name, it was the municipality question's text, every weight invalid and every
        /// figure blank.
        public init(_ text: String) {
            switch text.lowercased() {
            case "respondent": self = .respondent
            case "municipality": self = .municipality
            default: self = .column(text)
            }
        }

        public var description: String {
            switch self {
            case .respondent: return "respondent"
            case .municipality: return "municipality"
            case let .column(name): return name
            }
        }
    }

    public enum Region: String, Sendable, Equatable {
        /// Every respondent counts once in `ALL`.
        case pooled
        /// Each country weighs the same in `ALL`, whatever its number of respondents.
        case countryEqual = "country-equal"
    }

    public var weights: Weights = .respondent
    public var region: Region = .pooled
    /// A select question to disaggregate by (`--by role`).
    public var byQuestion: String? = nil
    /// Figures from fewer respondents than this are blanked (`--min-cell`).
    public var minCell = 5
    /// With `--by` the municipality question: the choice that names each municipality (by its
    /// code), so that a respondent whose place was typed and read by the gazetteer is counted
    /// under that choice, not under the words typed. Set by the pipeline.
    public var byPlaceChoices: [String: String] = [:]

    public init() {}
}

/// Folds clean respondents into topic accumulators, one per cell of (country, municipality and,
/// with `--by`, the answer to that question). Country, region and disaggregated figures are all
/// merges of cells, scaled by the weighting chosen, so memory grows with cells × topics, never
/// with respondents.
///
///     let aggregator = Aggregator(instrument: instrument)
///     respondents.forEach { aggregator.add($0) }
///     let rows = aggregator.figures()   // countries sorted, ALL last; topics by key
public final class Aggregator {
    public struct Cell: Hashable, Sendable, Comparable {
        public static func < (a: Cell, b: Cell) -> Bool {
            (a.country, a.municipality, a.group ?? "") < (b.country, b.municipality, b.group ?? "")
        }

        /// ISO code, or "" when the country is unknown.
        public var country: String
        /// Gazetteer code, or `Aggregator.unrecognisedPlace` when no single municipality fits.
        public var municipality: String
        /// The `--by` question's answer (choice name; "" when unanswered), or nil without `--by`.
        public var group: String?
    }

    public let instrument: Instrument
    public let options: AggregationOptions
    /// Topic keys, sorted: the order of the output rows.
    public let topicKeys: [String]
    private let scoring: [(importance: Int?, competence: Int?, importanceList: ChoiceList?, competenceList: ChoiceList?)]
    private let demandIndex: Int?
    private let byIndex: Int?
    /// With `--by` the municipality question, its list's choice names: an answer that is none of
    /// them (the place typed for "Other", a choice of an older list) is what the respondent
    /// wrote, and is grouped by the municipality the gazetteer read in it, never by the words.
    private let byPlaceChoiceNames: Set<String>?
    /// Accumulators per cell; index `topicKeys.count` holds the respondents of the cell regardless of topic.
    public var cells: [Cell: [TopicAccumulator]] {
        var result: [Cell: [TopicAccumulator]] = [:]
        for (cell, slot) in slots { result[cell] = accumulators[slot] }
        return result
    }
    /// Each cell's place in `accumulators`, in the order cells were first seen.
    private var slots: [Cell: Int] = [:]
    private var accumulators: [[TopicAccumulator]] = []
    public private(set) var municipalityNames: [String: String] = [:]
    public private(set) var respondentCount = 0
    /// Input files in the order started, and the cells of each one's respondents: a file's count
    /// is withheld when every cell of its respondents is blanked (it would give them back).
    private var fileNames: [String] = []
    private var fileIndex: [String: Int] = [:]
    private var fileSlots: [Set<Int>] = []
    /// Respondents of each file per cell (slot), as of the last time another file was noted:
    /// a country report lists only the files its country's respondents came from, with their
    /// count.
    private var fileSlotCounts: [[Int: Int]] = []
    /// The cells noted for file `notedFile`, a bit each: a respondent of a cell noted already
    /// costs a bit test, not a set's hashing (about 40 ns a row, most rows naming another cell
    /// than the row before); and its respondents per slot since it was last switched to, added
    /// to `fileSlotCounts` when another file is noted.
    private var notedFile = -1
    private var notedSlots: [UInt64] = []
    private var notedCounts: [Int] = []

    /// The cell of every respondent whose place text matches no single municipality of the
    /// gazetteer. Such a text may be anything the respondent typed (an e-mail address, a name and a
    /// phone number), so it is never a group of its own in a report: only clean/ keeps it as written.
    public static let unrecognisedPlace = "?"
    /// The neutral name the reports show for `unrecognisedPlace`.
    public static let unrecognisedPlaceName = "place not recognised"
    /// The group of `municipalityFigures` pooling the municipalities under `--min-cell`.
    static let smallPlaces = "~"

    /// A respondent's municipality cell key: its gazetteer code, or `unrecognisedPlace`.
    public static func municipalityKey(code: String?) -> String { code ?? unrecognisedPlace }

    public init(instrument: Instrument, options: AggregationOptions = AggregationOptions()) {
        self.instrument = instrument
        self.options = options
        let topics = instrument.topics.sorted { $0.key < $1.key }
        topicKeys = topics.map(\.key)
        scoring = topics.map { topic in
            let i = topic.importanceQuestion.flatMap { instrument.questionIndex[$0] }
            let c = topic.competenceQuestion.flatMap { instrument.questionIndex[$0] }
            return (i, c,
                    i.flatMap { instrument.questions[$0].kind.listName }.flatMap { instrument.choiceLists[$0] },
                    c.flatMap { instrument.questions[$0].kind.listName }.flatMap { instrument.choiceLists[$0] })
        }
        demandIndex = instrument.demandQuestion.flatMap { instrument.questionIndex[$0.key] }
        let demandChoices = Set(instrument.demandQuestion?.kind.listName.flatMap { instrument.choiceLists[$0] }?.choices.map(\.name) ?? [])
        demandAsked = topics.map { demandChoices.contains($0.key) }
        byIndex = options.byQuestion.flatMap { instrument.questionIndex[$0] }
        byPlaceChoiceNames = byIndex.flatMap { b in
            let question = instrument.questions[b]
            guard question.place == .municipality else { return nil }
            return Set(question.kind.listName.flatMap { instrument.choiceLists[$0] }?.choices.map(\.name) ?? [])
        }
        scratch = Array(repeating: (.nan, .nan, false), count: topics.count)
        scoreTables = scoring.map { scale in
            func table(_ question: Int?, _ list: ChoiceList?) -> (question: Int, table: [(String, Double)])? {
                guard let question, let list else { return nil }
                return (question, list.ratingScores.map { ($0.name, $0.score) })
            }
            return (table(scale.importance, scale.importanceList), table(scale.competence, scale.competenceList))
        }
    }

    public func add(_ respondent: Respondent) {
        let municipality = Self.municipalityKey(code: respondent.municipalityCode)
        var group: String? = nil
        if let b = byIndex {
            group = self.group(answer: respondent.answer(b), municipalityCode: respondent.municipalityCode)
        }
        let slot = slot(for: Cell(country: respondent.country ?? "", municipality: municipality, group: group),
                        municipalityName: respondent.municipalityName)
        let demand = demandIndex.flatMap { respondent.answer($0) }
        for t in topicKeys.indices {
            let (i, c) = ratedQuestions(topic: t)
            scratch[t] = (i.map { scores(topic: t, question: $0, answer: respondent.answer($0)).importance } ?? .nan,
                          c.map { scores(topic: t, question: $0, answer: respondent.answer($0)).competence } ?? .nan,
                          demands(topic: t, answer: demand))
        }
        add(slot: slot, weight: respondent.weight, scores: scratch, demandAsked: respondent.demandAsked,
            unaskedTopics: respondent.demandUnaskedChoices.isEmpty ? 0 : topicMask(ofChoices: respondent.demandUnaskedChoices))
        if fileIndex[respondent.sourceFile] == nil { startFile(respondent.sourceFile) }
        note(slot: slot, file: fileIndex[respondent.sourceFile]!)
    }

    /// Per topic: importance and competence scores (NaN: none) and whether training on it was asked for.
    typealias TopicScores = (importance: Double, competence: Double, demanded: Bool)
    /// `add`'s per-topic scores, kept to be filled again (not a lazy property: mutating through
    /// one copies the array every time).
    private var scratch: [TopicScores]

    /// The cell's accumulators' place (made on first sight): a caller that has seen the cell
    /// before can keep the slot and skip building and hashing the cell.
    func slot(for cell: Cell, municipalityName: String?) -> Int {
        if let slot = slots[cell] { return slot }
        slots[cell] = accumulators.count
        accumulators.append([TopicAccumulator](repeating: TopicAccumulator(), count: topicKeys.count + 1))
        slotCountries.append(cell.country)
        municipalityNames[cell.municipality] = cell.municipality == Self.unrecognisedPlace
            ? Self.unrecognisedPlaceName : municipalityName ?? ""
        return accumulators.count - 1
    }

    /// A file whose respondents come next (its index is the order of the calls).
    func startFile(_ name: String) {
        fileIndex[name] = fileNames.count
        fileNames.append(name)
        fileSlots.append([])
        fileSlotCounts.append([:])
    }

    /// Notes that a respondent of the file at `file` (in `startFile` order) is in cell `slot`.
    @inline(__always)
    func note(slot: Int, file: Int) {
        let word = slot >> 6
        let bit = UInt64(1) << UInt64(slot & 63)
        if file == notedFile && UInt(bitPattern: word) < UInt(notedSlots.count) && notedSlots[word] & bit != 0 {
            // A slot whose bit is set has its place in `notedCounts` (`noteNew`).
            notedCounts[slot] &+= 1
            return
        }
        noteNew(slot: slot, file: file)
    }

    private func noteNew(slot: Int, file: Int) {
        guard file < fileSlots.count, slot >= 0 else { return }
        if file != notedFile {
            keepNotedCounts()
            notedFile = file
            notedSlots = Array(repeating: 0, count: fileSlots[file].isEmpty ? 0 : (fileSlots[file].max()! >> 6) + 1)
            for known in fileSlots[file] { notedSlots[known >> 6] |= UInt64(1) << UInt64(known & 63) }
            notedCounts = Array(repeating: 0, count: notedSlots.count << 6)
        }
        let word = slot >> 6
        if word >= notedSlots.count {
            notedSlots += repeatElement(0, count: word - notedSlots.count + 1)
            notedCounts += repeatElement(0, count: (notedSlots.count << 6) - notedCounts.count)
        }
        notedSlots[word] |= UInt64(1) << UInt64(slot & 63)
        notedCounts[slot] += 1
        fileSlots[file].insert(slot)
    }

    /// Adds the noted file's respondents per slot to `fileSlotCounts`.
    private func keepNotedCounts() {
        guard notedFile >= 0 else { return }
        for (slot, n) in notedCounts.enumerated() where n > 0 { fileSlotCounts[notedFile][slot, default: 0] += n }
        notedCounts = []
        notedSlots = []
        notedFile = -1
    }

    /// The cells of each input file's respondents, by file name.
    public var fileCells: [String: Set<Cell>] { fileCellCounts.mapValues { Set($0.keys) } }

    /// Each input file's respondents per cell, by file name.
    public var fileCellCounts: [String: [Cell: Int]] {
        var cellOfSlot: [Int: Cell] = [:]
        for (cell, slot) in slots { cellOfSlot[slot] = cell }
        var result: [String: [Cell: Int]] = [:]
        for (k, name) in fileNames.enumerated() {
            var counts = fileSlotCounts[k]
            if k == notedFile { for (slot, n) in notedCounts.enumerated() where n > 0 { counts[slot, default: 0] += n } }
            for slot in fileSlots[k] {
                guard let cell = cellOfSlot[slot] else { continue }
                result[name, default: [:]][cell, default: 0] += counts[slot] ?? 0
            }
            if fileSlots[k].isEmpty, result[name] == nil { result[name] = [:] }
        }
        return result
    }

    /// One respondent into a cell's accumulators: every way in ends here.
    func add(slot: Int, weight: Double, scores: [TopicScores], demandAsked: Bool = true, unaskedTopics: UInt64 = 0) {
        respondentCount += 1
        if !(weight > 0) { weightless[slotCountries[slot], default: 0] += 1 }
        let topicCount = topicKeys.count
        accumulators[slot].withUnsafeMutableBufferPointer { row in
            for t in 0..<topicCount {
                let s = scores[t]
                // A topic the file's demand columns leave out was not asked (`unaskedTopics`).
                let asked = demandAsked && (t >= 64 || unaskedTopics & (1 << UInt64(t)) == 0)
                row[t].add(importance: s.importance.isNaN ? nil : s.importance, competence: s.competence.isNaN ? nil : s.competence,
                           demanded: s.demanded, weight: weight, demandAsked: asked)
            }
            row[topicCount].add(importance: nil, competence: nil, demanded: false, weight: weight, demandAsked: demandAsked)
        }
    }

    /// A topic's importance and competence scores of an answer (NaN: none), as `add` scores them.
    func scores(topic t: Int, question q: Int, answer: Answer?) -> (importance: Double, competence: Double) {
        var result = (importance: Double.nan, competence: Double.nan)
        if let i = scoreTables[t].importance, i.question == q { result.importance = Self.score(answer, i.table) ?? .nan }
        if let c = scoreTables[t].competence, c.question == q { result.competence = Self.score(answer, c.table) ?? .nan }
        return result
    }

    /// The topics (bit t: `topicKeys[t]`, the first 64) whose demand choices are `names`: those a
    /// file did not ask about (`Respondent.demandUnaskedChoices`).
    func topicMask(ofChoices names: Set<String>) -> UInt64 {
        var mask: UInt64 = 0
        for (t, key) in topicKeys.enumerated() where t < 64 && names.contains(key) { mask |= 1 << UInt64(t) }
        return mask
    }

    /// `topicMask(ofChoices:)` of the demand list's choices at the positions whose bits are set.
    func topicMask(ofDemandPositions bits: UInt64) -> UInt64 {
        bits == 0 ? 0 : topicMask(ofChoices: instrument.demandChoiceNames(atPositions: bits))
    }

    /// Whether an answer to the demand question asks for training on topic `t`.
    func demands(topic t: Int, answer: Answer?) -> Bool {
        guard case let .choices(names)? = answer else { return false }
        return names.contains(topicKeys[t])
    }

    /// The questions that rate topic `t`'s importance and competence.
    func ratedQuestions(topic t: Int) -> (importance: Int?, competence: Int?) {
        (scoreTables[t].importance?.question, scoreTables[t].competence?.question)
    }

    var demandQuestion: Int? { demandIndex }

    /// Per topic, whether a demand question asks who wants training on it (its list has the
    /// topic's choice): without one, its demand share is unknown, not 0.
    let demandAsked: [Bool]

    /// Whether a demand question asks who wants training on `topic` (see `demandAsked`).
    func asksDemand(_ topic: String) -> Bool {
        topicKeys.firstIndex(of: topic).map { demandAsked[$0] } ?? false
    }
    var groupQuestion: Int? { byIndex }

    /// The `--by` group of a respondent who gave `answer` and is placed in `municipalityCode`:
    /// the answer, or, by the municipality question, the choice naming the municipality read
    /// (`AggregationOptions.byPlaceChoices`). A place answer that is no choice is grouped by the
    /// gazetteer's code of the municipality read, named as the gazetteer names it, or else with
    /// the places not recognised: it was a group named by the text typed, so an e-mail address
    /// or a name and phone number typed for "Other" was a row of topic_demand_by_QUESTION.csv.
    func group(answer: Answer?, municipalityCode: String?) -> String {
        if let municipalityCode, let choice = options.byPlaceChoices[municipalityCode] { return choice }
        let value = answer?.cleanValue ?? ""
        if let choices = byPlaceChoiceNames, !value.isEmpty, !choices.contains(value) {
            return Self.municipalityKey(code: municipalityCode)
        }
        return value
    }

    /// Per topic, the importance and competence questions with their choices' scores, for `add` and `ratings(of:)`:
    /// a rating list is short, so a scan by name beats hashing the name.
    private let scoreTables: [(importance: (question: Int, table: [(String, Double)])?,
                               competence: (question: Int, table: [(String, Double)])?)]

    @inline(__always)
    private static func score(_ answer: Answer?, _ table: [(String, Double)]) -> Double? {
        guard case let .choice(name)? = answer else { return nil }
        for (choice, score) in table where choice == name { return score }
        return nil
    }

    /// A respondent's importance and competence scores per topic key (for panels across waves).
    public func ratings(of respondent: Respondent) -> [String: (importance: Double?, competence: Double?)] {
        var result: [String: (importance: Double?, competence: Double?)] = [:]
        for (t, tables) in scoreTables.enumerated() {
            result[topicKeys[t]] = (tables.importance.flatMap { Self.score(respondent.answer($0.question), $0.table) },
                                    tables.competence.flatMap { Self.score(respondent.answer($0.question), $0.table) })
        }
        return result
    }

    /// Merges another aggregator's cells (a shard of the same run) into this one.
    public func merge(_ other: Aggregator) {
        respondentCount += other.respondentCount
        for (cell, row) in other.cells.sorted(by: { $0.key < $1.key }) {
            if let slot = slots[cell] {
                for t in row.indices { accumulators[slot][t].merge(row[t]) }
            } else {
                slots[cell] = accumulators.count
                accumulators.append(row)
                slotCountries.append(cell.country)
            }
        }
        weightless.merge(other.weightless, uniquingKeysWith: +)
        municipalityNames.merge(other.municipalityNames) { a, _ in a }
        for (name, cells) in other.fileCellCounts.sorted(by: { $0.key < $1.key }) {
            if fileIndex[name] == nil { startFile(name) }
            let file = fileIndex[name]!
            for (cell, n) in cells {
                guard let slot = slots[cell] else { continue }
                fileSlots[file].insert(slot)
                fileSlotCounts[file][slot, default: 0] += n
            }
        }
    }

    // MARK: Scopes

    /// Cells in a fixed order: sums of floating-point numbers depend on their order.
    private var sortedCells: [(key: Cell, value: [TopicAccumulator])] {
        cells.sorted { $0.key < $1.key }
    }

    /// The country of each slot's cell ("" unknown), and respondents added with a weight of 0 (or
    /// an invalid one, read as 0) per country: they count in no figure, not even `scopeRespondents`.
    private var slotCountries: [String] = []
    private var weightless: [String: Int] = [:]

    /// Respondents per scope (`ALL` and each country) who weigh 0 under `--weights COLUMN`.
    public var scopeRespondentsWeighingZero: [String: Int] {
        var counts: [String: Int] = [:]
        for (country, n) in weightless {
            counts["ALL", default: 0] += n
            if !country.isEmpty { counts[country, default: 0] += n }
        }
        return counts
    }

    /// Respondents per scope (`ALL` and each country), unweighted.
    public var scopeRespondents: [String: Int] {
        var counts: [String: Int] = [:]
        for (cell, row) in cells {
            let n = row[topicKeys.count].respondents.count
            counts["ALL", default: 0] += n
            if !cell.country.isEmpty { counts[cell.country, default: 0] += n }
        }
        return counts
    }

    /// Respondents per (country, municipality), unweighted.
    public var municipalityRespondents: [Cell: Int] {
        var counts: [Cell: Int] = [:]
        for (cell, row) in cells where !cell.country.isEmpty {
            counts[Cell(country: cell.country, municipality: cell.municipality, group: nil), default: 0] += row[topicKeys.count].respondents.count
        }
        return counts
    }

    /// Respondents whose place matched no single municipality (or who gave none), with or
    /// without a country: under `--weights municipality` they weigh 0.
    public var respondentsWithoutMunicipality: Int {
        cells.filter { $0.key.municipality == Self.unrecognisedPlace }
            .reduce(0) { $0 + $1.value[topicKeys.count].respondents.count }
    }

    /// Scale factors per cell that make each municipality weigh the same within its country
    /// (total weight of a country unchanged), or 1 for other weightings. "Place not recognised"
    /// is no municipality: it may hide several or one already counted, so under municipality
    /// weighting its respondents weigh 0 and the country's weight goes to the municipalities
    /// recognised (a country's share of a pooled `ALL` stays its respondents' share).
    private func cellFactors() -> [Cell: Double] {
        var factors: [Cell: Double] = [:]
        guard options.weights == .municipality else {
            for cell in cells.keys { factors[cell] = 1 }
            return factors
        }
        let counts = municipalityRespondents
        var unitWeight: [String: [String: Double]] = [:]
        for (cell, row) in sortedCells {
            unitWeight[cell.country, default: [:]][weightingUnit(cell, counts), default: 0] += row[topicKeys.count].respondents.weightSum
        }
        for (cell, _) in cells {
            let inCountry = unitWeight[cell.country]!
            let countryTotal = inCountry.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
            let unit = weightingUnit(cell, counts)
            let own = inCountry[unit]!
            let units = inCountry.keys.filter { $0 != Self.unrecognisedPlace }.count
            factors[cell] = own > 0 && unit != Self.unrecognisedPlace ? countryTotal / Double(units) / own : 0
        }
        return factors
    }

    /// The unit that weighs N_c / M_c under `--weights municipality`: a recognised municipality,
    /// or, for those a country publishes only pooled (fewer than `--min-cell` respondents, as the
    /// pooled row of `municipalityFigures` takes them), that pool as one. Weighed one by one, the
    /// pooled row's share was their shares' mean, beside its plain counts their split: EE's
    /// Narva 2 of 2 and Tartu 0 of 4 pooled showed 0.5 where 2 of 6 is 0.333333333333, and only
    /// 2 and 0 of 2 and 4 average to 0.5; EE's own share, less Tallinn's, gave the same. As one
    /// unit their respondents weigh alike, so every weighted figure holds of them only what the
    /// pooled row's plain counts do. With `--min-cell 1` none is pooled and nothing changes.
    /// `counts`: `municipalityRespondents`.
    private func weightingUnit(_ cell: Cell, _ counts: [Cell: Int]) -> String {
        guard options.minCell > 1, !cell.country.isEmpty, cell.municipality != Self.unrecognisedPlace else {
            return cell.municipality
        }
        let n = counts[Cell(country: cell.country, municipality: cell.municipality, group: nil)] ?? 0
        return n < options.minCell ? Self.smallPlaces : cell.municipality
    }

    /// Merged accumulators (topics + the respondents slot) of the cells `include` selects, grouped
    /// by `key`; `ALL` rows are added when `withRegion` is set.
    /// `withUnknownCountry`: the respondents of no known country are a scope too, keyed "".
    private func merged(key: (Cell) -> String?, withRegion: Bool, withUnknownCountry: Bool = false) -> [String: [TopicAccumulator]] {
        let factors = cellFactors()
        let empty = [TopicAccumulator](repeating: TopicAccumulator(), count: topicKeys.count + 1)
        var byCountry: [String: [String: [TopicAccumulator]]] = [:]
        for (cell, row) in sortedCells {
            guard let k = key(cell) else { continue }
            let f = factors[cell] ?? 1
            var target = byCountry[cell.country]?[k] ?? empty
            for t in row.indices { target[t].merge(f == 1 ? row[t] : row[t].scaled(by: f)) }
            byCountry[cell.country, default: [:]][k] = target
        }
        var result: [String: [TopicAccumulator]] = [:]
        for (country, groups) in byCountry where !country.isEmpty || withUnknownCountry {
            for (k, row) in groups { result[country + "\u{1F}" + k] = row }
        }
        guard withRegion else { return result }
        let countryTotals = byCountry.mapValues { groups in
            groups.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value[topicKeys.count].respondents.weightSum }
        }
        // The countries that weigh something: one whose respondents all weigh 0 (--weights COLUMN)
        // takes no share of ALL, or ALL's weighted_n was the others' (K − 1)/K of their total.
        let named = countryTotals.filter { !$0.key.isEmpty && $0.value > 0 }
        let grand = named.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        // Merged in a fixed order, so floating-point sums are the same on every run.
        for (country, groups) in byCountry.sorted(by: { $0.key < $1.key }) {
            var f = 1.0
            if options.region == .countryEqual {
                // Each country weighs the same; respondents of unknown country are left out of ALL.
                guard !country.isEmpty, let total = countryTotals[country], total > 0 else { continue }
                f = grand / Double(named.count) / total
            }
            for (k, row) in groups.sorted(by: { $0.key < $1.key }) {
                var target = result["ALL\u{1F}" + k] ?? empty
                for t in row.indices { target[t].merge(f == 1 ? row[t] : row[t].scaled(by: f)) }
                result["ALL\u{1F}" + k] = target
            }
        }
        return result
    }

    /// Rows of each key of `merged` (countries sorted, `ALL` last; then the group key), one per
    /// topic and one of the respondents regardless of topic (`ComplementarySuppression.respondentsTopic`),
    /// suppressed by the primary rule; ranks and quadrants come once every rule has run.
    private func rows(_ merged: [String: [TopicAccumulator]], groupName: (String) -> String?, labels: [String]) -> [TopicFigures] {
        let keys = merged.keys.sorted { a, b in
            let (ca, ga) = Self.split(a)
            let (cb, gb) = Self.split(b)
            if ca != cb { return Self.scopeOrder(ca, cb) }
            return ga < gb
        }
        return keys.flatMap { key -> [TopicFigures] in
            let (country, group) = Self.split(key)
            return figures(country: country, group: group.isEmpty && groupName(group) == nil ? nil : group,
                           groupName: groupName(group), row: merged[key]!, labels: labels)
        }
    }

    private static func split(_ key: String) -> (String, String) {
        let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }

    /// The figures tables with `--min-cell` applied: the primary rule (a cell or figure from fewer
    /// respondents) and the complementary one (further cells, so that those cannot be worked out
    /// from totals), alike in every table and output.
    public struct SuppressedTables: Sendable {
        /// topic_demand.csv: each country and ALL.
        public var scopes: [TopicFigures]
        /// Per municipality (the small ones pooled per country).
        public var municipalities: [TopicFigures]
        /// Per answer to `--by` within each scope; empty without `--by`.
        public var groups: [TopicFigures]
        /// Scopes (`EE`, `ALL`) whose respondents are not shown.
        public var hiddenScopes: Set<String>
        /// Municipality cells (code, or `unrecognisedPlace`, or the pooled small ones) whose
        /// respondents are not shown.
        public var hiddenMunicipalities: Set<Cell>

        /// `--by` answers within a scope (`group`, `country`; `municipality` "") whose respondents are not shown.
        public var hiddenGroups: Set<Cell>

        /// Whether some figure of ALL is blanked because a country's is, ALL being no plain sum of
        /// its countries (`ComplementarySuppression.withholdWeightedRegion`): the reports say why.
        public var regionWithheld = false
        /// Whether some country's weighted figures are blanked because one of its municipalities'
        /// rows is (`withholdWeightedCountries`): the reports say why.
        public var countriesWithheld = false

        /// Whether the pooled municipalities under `--min-cell` of a country are not shown.
        public func hidesSmallMunicipalities(of country: String) -> Bool {
            hiddenMunicipalities.contains(Cell(country: country, municipality: Aggregator.smallPlaces, group: nil))
        }
    }

    /// Every figures table, suppressed together (a country is a cell under ALL and the total of its
    /// municipalities and `--by` answers, so one table's blanks call for another's). Built once
    /// per language for the respondents added so far, however many tables and reports read them.
    /// Safe from two threads at once (a run's reports are made beside its tables, `Pipeline.report`).
    public func suppressedTables(language: String? = nil) -> SuppressedTables {
        tablesBuilt.withLock { built in
            if built.respondents != respondentCount { built = (respondentCount, [:]) }
            if let tables = built.byLanguage[language ?? ""] { return tables }
            // Only the labels depend on the language: every figure, blank and rank is the same.
            let tables = built.byLanguage.values.first.map { relabeled($0, language: language) }
                ?? buildSuppressedTables(language: language)
            built.byLanguage[language ?? ""] = tables
            return tables
        }
    }

    /// The tables built for another language, with the topics' labels and the `--by` answers'
    /// names in `language`.
    private func relabeled(_ built: SuppressedTables, language: String?) -> SuppressedTables {
        let labels = Dictionary(zip(topicKeys, topicLabels(language)), uniquingKeysWith: { a, _ in a })
        let byList = byIndex.flatMap { instrument.questions[$0].kind.listName.flatMap { instrument.choiceLists[$0] } }
        var tables = built
        func relabel(_ rows: inout [TopicFigures], answers: Bool) {
            for k in rows.indices {
                rows[k].topicLabel = labels[rows[k].topic] ?? rows[k].topicLabel
                // Only a choice's label is in a language: a place's name, the places not recognised
                // (their code blanked once named) and a value no choice holds are as built.
                if answers, let code = rows[k].groupCode, byList?.choice(named: code) != nil {
                    rows[k].groupName = answerName(code, list: byList, language: language)
                }
            }
        }
        relabel(&tables.scopes, answers: false)
        relabel(&tables.municipalities, answers: false)
        relabel(&tables.groups, answers: true)
        return tables
    }

    /// Each topic's label in `language`, in `topicKeys`' order.
    private func topicLabels(_ language: String?) -> [String] {
        topicKeys.map { instrument.topicLabel($0, language: language) }
    }

    /// The name a `--by` answer's rows show: its choice's label in `language`, without the markup a
    /// form may style a label with, as topic labels are shown.
    private func answerName(_ value: String, list: ChoiceList?, language: String?) -> String {
        if let label = list?.choice(named: value)?.label(language, fallback: instrument.defaultLanguage) {
            return TextKey.withoutMarkup(label) ?? label
        }
        // A place that is no choice: a gazetteer code, or the places not recognised.
        if byPlaceChoiceNames != nil, let name = municipalityNames[value] { return name }
        return value
    }

    /// The tables as last built, by language, and for how many respondents.
    private let tablesBuilt = Locked<(respondents: Int, byLanguage: [String: SuppressedTables])>((-1, [:]))

    private func buildSuppressedTables(language: String?) -> SuppressedTables {
        let labels = topicLabels(language)
        var scopes = rows(merged(key: { _ in "" }, withRegion: true), groupName: { _ in nil }, labels: labels)
        var everyone = [rawRespondents(key: { _ in "" })]
        let counts = municipalityRespondents
        let minCell = options.minCell
        // The respondents whose place was not recognised, fewer than --min-cell in a country, are
        // pooled with its small municipalities: the row's name says so (a helper's probe read the
        // row as municipalities alone, 8 where they held 5).
        let unrecognisedPooled = Set(counts.filter {
            $0.key.municipality == Self.unrecognisedPlace && $0.value > 0 && $0.value < minCell
        }.map(\.key.country))
        let smallName = "municipalities with fewer than \(minCell) respondents"
        let place = { (cell: Cell) -> String? in
            let n = counts[Cell(country: cell.country, municipality: cell.municipality, group: nil)] ?? 0
            return n < minCell ? Self.smallPlaces : cell.municipality
        }
        var municipalities = rows(merged(key: place, withRegion: false), groupName: { key in
            key == Self.smallPlaces ? smallName : self.municipalityNames[key] ?? ""
        }, labels: labels)
        for k in municipalities.indices where municipalities[k].groupCode == Self.smallPlaces
            && unrecognisedPooled.contains(municipalities[k].country) {
            municipalities[k].groupName = smallName + " and places not recognised"
        }
        everyone.append(rawRespondents(key: place))
        var groups: [TopicFigures] = []
        if let b = byIndex {
            let list = instrument.questions[b].kind.listName.flatMap { instrument.choiceLists[$0] }
            var byAnswer = merged(key: { $0.group }, withRegion: true)
            // Every answer in every scope, those nobody gave too (blanked as small cells): rows of
            // the answers given alone would tell a small country's respondents' answers by their
            // presence (one Lithuanian respondent, one row: an integration coordinator).
            let empty = [TopicAccumulator](repeating: TopicAccumulator(), count: topicKeys.count + 1)
            let keys = byAnswer.keys.map(Self.split)
            let answers = Set(keys.map(\.1)).union(list?.choices.map(\.name) ?? [])
            for scope in Set(keys.map(\.0)) {
                for answer in answers where byAnswer[scope + "\u{1F}" + answer] == nil {
                    byAnswer[scope + "\u{1F}" + answer] = empty
                }
            }
            groups = rows(byAnswer, groupName: { self.answerName($0, list: list, language: language) }, labels: labels)
            everyone.append(rawRespondents(key: { $0.group }))
        }
        // The row rule holds for the counts "Who answered" shows, every respondent counted, and
        // for those of the tables, where respondents weighing 0 are left out: run on the first,
        // then on the second (blanking more never makes a blanked count recoverable).
        let counted = [respondentCounts(scopes), respondentCounts(municipalities), respondentCounts(groups)]
        setRespondents(&scopes, everyone[0])
        setRespondents(&municipalities, everyone[1])
        if everyone.count > 2 { setRespondents(&groups, everyone[2]) }
        ComplementarySuppression.apply(scopes: &scopes, municipalities: &municipalities, groups: &groups, minCell: minCell)
        setRespondents(&scopes, counted[0])
        setRespondents(&municipalities, counted[1])
        setRespondents(&groups, counted[2])
        ComplementarySuppression.apply(scopes: &scopes, municipalities: &municipalities, groups: &groups, minCell: minCell)
        // Weighted by a column too: a column of design weights (a country's population over its
        // respondents) makes ALL the same average of its countries as --region country-equal.
        let countsInRegionWeights = options.weights != .respondent || options.region == .countryEqual
        var regionWithheld = false
        var countriesWithheld = false
        if options.weights != .respondent && minCell > 1 {
            let countries = scopes
            countriesWithheld = withholdWeightedCountries(&scopes, municipalities: municipalities, scopes: countries)
            countriesWithheld = withholdWeightedCountries(&groups, municipalities: municipalities, scopes: countries) || countriesWithheld
        }
        if countsInRegionWeights && minCell > 1 {
            regionWithheld = ComplementarySuppression.withholdWeightedRegion(&scopes)
            regionWithheld = ComplementarySuppression.withholdWeightedRegion(&groups) || regionWithheld
        }
        let marker = ComplementarySuppression.respondentsTopic
        let hiddenScopes = Set(scopes.filter { $0.topic == marker && $0.countsHidden }.map(\.country))
        let hiddenMunicipalities = Set(municipalities.filter { $0.topic == marker && $0.countsHidden }.map {
            Cell(country: $0.country, municipality: $0.groupCode ?? "", group: nil)
        })
        let hiddenGroups = Set(groups.filter { $0.topic == marker && $0.countsHidden }.map {
            Cell(country: $0.country, municipality: "", group: $0.groupCode ?? "")
        })
        // Under --weights municipality each municipality of a country weighs N / M (its
        // respondents shared by its M recognised municipalities): the Σw of any of them, or of a
        // --by answer within the country, would give back a country count blanked here
        // (Tallinna linn's 7.666666666667 was EE's 23 over 3). Such rows keep their counts.
        // Likewise ALL's, in every table, when a country's weight in it rests on its count and a
        // country is blanked: under --region country-equal each respondent of country c weighs
        // T / (K N_c), so ALL's effective_n is K² / Σ 1/N_c, and with the blanked countries' sum
        // (ALL's count less the published ones') gave both of two blanked counts back (EE 20 and
        // LT 3 from 20.769230769231 beside LV's 20); under --weights municipality, N_c / (M_c n_m).
        // ALL's answer rows of --by, whenever a country's answer row is blanked: ALL's teachers'
        // weighted_n, 52/3 × (10/20 + n_LV/20 + n_LT/12) = 18.2 beside the published teachers'
        // counts, gave LT's 3 teachers back (LV and LT blanked, LT's 12 shown). All of them,
        // since ALL's Σw less its other answers' would give a row's back.
        // And, under --weights municipality, the row pooling a country's municipalities under
        // --min-cell: weighed one by one (each N / M in all), its Kish n, k² / Σ 1/n_m, beside its
        // count gave theirs back (5.333333333333 of 6 in two: 2 and 4). So did the country's,
        // M² / Σ 1/n_m over all its municipalities, less the published ones' (EE's 11.25 from
        // Tallinn's 20 and those two), and ALL's, whenever a country pools small municipalities or
        // blanks one (two blanked rows' Σ 1/n_m beside their sum split it). The pooled ones now
        // weigh as one unit (`weightingUnit`), which closes that for the pool, not for a blanked
        // municipality; these rows stay withheld all the same.
        // Under --weights COLUMN too: a column of design weights, each municipality's (public)
        // population over its respondents, tells the pooled row's municipalities by its weighted_n
        // (Narva's 40 and Tartu's 100 in 140), and its Kish n, 140² / (2 × 20² + 4 × 25²) =
        // 5.939393939394, held for Narva's 2 alone.
        let pooledPlacesWeighed = options.weights != .respondent
        let placesHidden = pooledPlacesWeighed ? Set(municipalities.filter {
            $0.topic == marker && $0.respondents > 0 && ($0.countsHidden || $0.groupCode == Self.smallPlaces)
        }.map(\.country)) : []
        let countryBlanked = !hiddenScopes.subtracting(["ALL"]).isEmpty
        let answerBlanked = groups.contains {
            $0.topic == marker && $0.country != "ALL" && $0.countsHidden && $0.respondents > 0
        }
        // `placesWeighed`: the scope table, and the --by table, whose answer rows of such a country
        // (and of ALL) span its municipalities as the country does: with every EE respondent a
        // teacher, EE's teachers' effective_n was EE's 11.25, and ALL's teachers' ALL's.
        let weightSumsHidden = { (row: TopicFigures, scopeTable: Bool, placesWeighed: Bool) -> Bool in
            if row.country == "ALL" {
                if placesWeighed && !placesHidden.isEmpty { return true }
                return countsInRegionWeights && (countryBlanked || (!scopeTable && answerBlanked))
            }
            if placesWeighed && placesHidden.contains(row.country) { return true }
            return !scopeTable && self.options.weights == .municipality && hiddenScopes.contains(row.country)
        }
        func finished(_ rows: [TopicFigures], scopeTable: Bool = false, placeTable: Bool = false) -> [TopicFigures] {
            var rows = rows.filter { $0.topic != marker }
            let placesWeighed = !placeTable
            for k in rows.indices {
                let pooledPlaces = placeTable && pooledPlacesWeighed && rows[k].groupCode == Self.smallPlaces
                guard weightSumsHidden(rows[k], scopeTable, placesWeighed) || pooledPlaces else { continue }
                rows[k].weightSumsHidden = true
                // Wilson's interval rests on that effective n and gives it back: n = z²(½ − c)/(c − p)
                // for its centre c and the share p (ALL's 20.769230769231 from 0.843910963703 – 1).
                if rows[k].country == "ALL" || pooledPlaces || (placesWeighed && placesHidden.contains(rows[k].country)) {
                    rows[k].demandCI = nil
                }
            }
            Self.rankAndPlace(&rows, topics: topicKeys.count)
            return rows
        }
        return SuppressedTables(
            scopes: finished(scopes, scopeTable: true),
            municipalities: finished(municipalities, placeTable: true).map { row in
                var row = row
                if row.groupCode == Self.unrecognisedPlace || row.groupCode == Self.smallPlaces { row.groupCode = "" }
                return row
            },
            groups: finished(groups).map { row in
                var row = row
                if byPlaceChoiceNames != nil && row.groupCode == Self.unrecognisedPlace { row.groupCode = "" }
                return row
            },
            hiddenScopes: hiddenScopes, hiddenMunicipalities: hiddenMunicipalities,
            hiddenGroups: hiddenGroups, regionWithheld: regionWithheld, countriesWithheld: countriesWithheld)
    }

    /// Under weights, a country's figures are a weighted average over its municipalities' (under
    /// `--weights municipality` the mean of its municipality units' figures; under `--weights
    /// COLUMN` weights that may differ by municipality): beside its published municipalities they
    /// gave the blanked ones' figures summed unit by unit, not respondent by respondent, and with
    /// their counts (the country's less the published) that split them. A helper's probe: EE's
    /// intercultural share 0.632440476190 × 4 units less Narva's and Tallinn's was Tartu's and the
    /// pooled small ones' shares summed, 1.333333333, with 5 of their 9 respondents asking; over 8
    /// topics only Tartu 6 and the pool 3 fit, and the pool's demand counts followed. So a country
    /// with a municipality's figure blanked (its row, or one topic's measure of it) has that
    /// figure blanked too, per topic and measure, in the scope table and its answer rows of
    /// `--by`, its counts kept; ALL's follow it (`ComplementarySuppression.withholdWeightedRegion`).
    /// Not under `--weights COLUMN` for a country whose respondents all weigh the same (a design
    /// weight per country): its figures are its plain ones then, which the rules above protect.
    /// True when it blanked a figure shown.
    private func withholdWeightedCountries(_ rows: inout [TopicFigures], municipalities: [TopicFigures],
                                           scopes: [TopicFigures]) -> Bool {
        let marker = ComplementarySuppression.respondentsTopic
        // Countries whose respondents weigh alike: Kish's n is their count (to rounding).
        let evenlyWeighted: Set<String> = options.weights == .municipality ? [] : Set(scopes.filter {
            $0.topic == marker && $0.respondents > 0 && abs($0.effectiveN - Double($0.respondents)) <= 1e-9 * Double($0.respondents)
        }.map(\.country))
        return ComplementarySuppression.withholdWeightedTotals(
            &rows, key: { $0.country == "ALL" ? nil : $0.country + "\u{1F}" + $0.topic },
            parts: municipalities, key: {
                // (A municipality row that weighs nothing is in none of the country's figures.)
                evenlyWeighted.contains($0.country) || $0.weighsNothing ? nil : $0.country + "\u{1F}" + $0.topic
            })
    }

    /// Respondents of the cells `key` groups (as `merged` groups them, a row per country and one
    /// for ALL), every one counted: under `--weights municipality` those of no recognised
    /// municipality weigh 0 and drop out of the merged figures, but "Who answered" counts them.
    /// Under `--region country-equal` respondents of no country are not in ALL (the weighting
    /// statement says how many), as in `merged`.
    private func rawRespondents(key: (Cell) -> String?) -> [String: Int] {
        var result: [String: Int] = [:]
        for (cell, row) in cells {
            guard let k = key(cell) else { continue }
            let n = row[topicKeys.count].respondents.count
            if !cell.country.isEmpty { result[cell.country + "\u{1F}" + k, default: 0] += n }
            if !cell.country.isEmpty || options.region != .countryEqual { result["ALL\u{1F}" + k, default: 0] += n }
        }
        return result
    }

    /// The respondents of each row of respondents (`ComplementarySuppression.respondentsTopic`),
    /// keyed as `rawRespondents` keys them.
    private func respondentCounts(_ rows: [TopicFigures]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in rows where row.topic == ComplementarySuppression.respondentsTopic {
            counts[row.country + "\u{1F}" + (row.groupCode ?? "")] = row.respondents
        }
        return counts
    }

    /// Sets the respondents of each row of respondents from `counts` (0 when absent). With every
    /// respondent counted, the row rule protects the counts "Who answered" shows: three
    /// Lithuanians weighing 0 counted none in the tables, so no other country was blanked beside
    /// theirs, and ALL less the countries shown gave their 3 back.
    private func setRespondents(_ rows: inout [TopicFigures], _ counts: [String: Int]) {
        for i in rows.indices where rows[i].topic == ComplementarySuppression.respondentsTopic {
            rows[i].respondents = counts[rows[i].country + "\u{1F}" + (rows[i].groupCode ?? "")] ?? 0
        }
    }

    /// Input files whose respondent counts the reports and summary.json withhold, the same in
    /// every report: those the region's counts would give a blanked row of (`blankingFiles(in:country:)`),
    /// those each country's report would (its files, with their counts of its respondents), and a
    /// file of several countries' respondents with a part below `--min-cell` (the region report
    /// gives its whole, a country's report its part: the difference is the other part); then, in
    /// the region and in each country, the smallest other files until those withheld there are
    /// two or more and together hold at least `--min-cell` respondents. (A country's report with
    /// counts the region report withheld gave them back, and the region's total less a country's
    /// part a small one: a reviewer's case.)
    public func withheldFiles(_ accounts: [(file: String, respondents: Int)]) -> Set<String> {
        let minCell = options.minCell
        guard minCell > 1 else { return [] }
        let counts = fileCellCounts
        var scopes: [(country: String?, accounts: [(file: String, respondents: Int)])] = [(nil, accounts)]
        let countries = Set(counts.values.flatMap { $0.keys.map(\.country) }).subtracting([""]).sorted()
        for country in countries {
            scopes.append((country, accounts.compactMap { account in
                let n = (counts[account.file] ?? [:]).filter { $0.key.country == country }.reduce(0) { $0 + $1.value }
                return n > 0 ? (account.file, n) : nil
            }))
        }
        var withheld = Set<String>()
        for scope in scopes { withheld.formUnion(blankingFiles(in: scope.accounts, country: scope.country)) }
        for account in accounts {
            var parts: [String: Int] = [:]
            for (cell, n) in counts[account.file] ?? [:] { parts[cell.country, default: 0] += n }
            if parts.count > 1 && parts.values.contains(where: { $0 < minCell }) { withheld.insert(account.file) }
        }
        guard !withheld.isEmpty else { return [] }
        var changed = true
        while changed {
            changed = false
            for scope in scopes {
                let mine = scope.accounts.filter { withheld.contains($0.file) }
                guard !mine.isEmpty else { continue }
                var count = mine.count
                var sum = mine.reduce(0) { $0 + $1.respondents }
                while count < 2 || sum < minCell {
                    guard let next = scope.accounts.filter({ !withheld.contains($0.file) && $0.respondents > 0 })
                        .min(by: { ($0.respondents, $0.file) < ($1.respondents, $1.file) }) else { break }
                    withheld.insert(next.file)
                    count += 1
                    sum += next.respondents
                    changed = true
                }
            }
        }
        return withheld
    }

    /// The files of one scope (the region's, or with `country` one country's, the accounts then
    /// counting its respondents of each file) whose count would give back a row some table
    /// blanks whole: every respondent of the file is in one such row (its country, its
    /// municipality row, or its `--by` answer in its country). (A file spanning several blanked
    /// rows gives back their sum only, as their published totals do.)
    private func blankingFiles(in accounts: [(file: String, respondents: Int)], country: String?) -> Set<String> {
        let minCell = options.minCell
        let tables = suppressedTables()
        // The region's count blanked (fewer than `--min-cell` respondents in all): every file's
        // count is withheld, as their sum would give it back.
        if tables.hiddenScopes.contains("ALL") { return Set(accounts.filter { $0.respondents > 0 }.map(\.file)) }
        let counts = municipalityRespondents
        /// The row blanked whole that holds a cell's respondents, if any.
        func blankedRow(_ cell: Cell) -> Cell? {
            if tables.hiddenScopes.contains(cell.country) { return Cell(country: cell.country, municipality: "", group: nil) }
            let n = counts[Cell(country: cell.country, municipality: cell.municipality, group: nil)] ?? 0
            let place = Cell(country: cell.country, municipality: n < minCell ? Self.smallPlaces : cell.municipality, group: nil)
            if tables.hiddenMunicipalities.contains(place) { return place }
            if let g = cell.group, tables.hiddenGroups.contains(Cell(country: cell.country, municipality: "", group: g)) {
                return Cell(country: cell.country, municipality: "", group: g)
            }
            return nil
        }
        var cells = fileCells
        if let country { cells = cells.mapValues { $0.filter { $0.country == country } } }
        return Set(accounts.filter { account in
            guard account.respondents > 0, let inFile = cells[account.file], let first = inFile.first,
                  let row = blankedRow(first) else { return false }
            return inFile.allSatisfy { blankedRow($0) == row }
        }.map(\.file))
    }

    /// Rows for each country (sorted, `ALL` last) and topic (by key), with ranks and quadrants.
    public func figures(language: String? = nil) -> [TopicFigures] {
        suppressedTables(language: language).scopes
    }

    /// Rows per municipality within each country. Municipalities with fewer than `--min-cell`
    /// respondents are pooled per country into one row that names no place, so that a small
    /// municipality (and who answered there) cannot be read off the table.
    public func municipalityFigures(language: String? = nil) -> [TopicFigures] {
        suppressedTables(language: language).municipalities
    }

    /// Rows per answer to the `--by` question, within each country and for the region.
    public func groupFigures(language: String? = nil) -> [TopicFigures] {
        suppressedTables(language: language).groups
    }

    /// Country and region accumulators by topic key, for the country comparisons.
    func scopeAccumulators(withRegion: Bool = false, withUnknownCountry: Bool = false) -> [String: [String: TopicAccumulator]] {
        var result: [String: [String: TopicAccumulator]] = [:]
        for (key, row) in merged(key: { _ in "" }, withRegion: withRegion, withUnknownCountry: withUnknownCountry) {
            let (country, _) = Self.split(key)
            for (t, topic) in topicKeys.enumerated() { result[country, default: [:]][topic] = row[t] }
        }
        return result
    }

    private func figures(country: String, group: String?, groupName: String?, row: [TopicAccumulator], labels: [String]) -> [TopicFigures] {
        var result = topicKeys.enumerated().map { t, topic in
            TopicFigures(
                country: country, groupCode: group, groupName: groupName, topic: topic,
                topicLabel: labels[t], accumulator: row[t],
                demandAsked: demandAsked[t])
        }
        result.append(TopicFigures(country: country, groupCode: group, groupName: groupName,
                                   topic: ComplementarySuppression.respondentsTopic, topicLabel: "",
                                   accumulator: row[topicKeys.count]))
        for index in result.indices { result[index].suppress(minCell: options.minCell) }
        return result
    }

    /// Sets MWDS ranks and Locus-for-Focus quadrants within each run of `topics` rows (one scope),
    /// over the figures left once suppression has run.
    private static func rankAndPlace(_ rows: inout [TopicFigures], topics: Int) {
        guard topics > 0 else { return }
        for start in stride(from: 0, to: rows.count, by: topics) {
            let range = start..<min(rows.count, start + topics)
            let ranks = Borich.ranks(rows[range].map(\.mwds))
            let quadrants = LocusForFocus.quadrants(rows[range].map { figure in
                guard let i = figure.meanImportance, let g = figure.meanGap else { return nil }
                return (i, g)
            })
            for (k, index) in range.enumerated() {
                rows[index].mwdsRank = ranks[k]
                rows[index].quadrant = quadrants[k]
            }
        }
    }

    /// Countries sorted by code, the region total last.
    static func scopeOrder(_ a: String, _ b: String) -> Bool {
        if a == "ALL" { return false }
        if b == "ALL" { return true }
        return a < b
    }
}
