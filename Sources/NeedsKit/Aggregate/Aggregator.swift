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

        public init(_ text: String) {
            switch text {
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
        demandIndex = instrument.demandQuestion.flatMap { instrument.questionIndex[$0.name] }
        byIndex = options.byQuestion.flatMap { instrument.questionIndex[$0] }
        scratch = Array(repeating: (.nan, .nan, false), count: topics.count)
        scoreTables = scoring.map { scale in
            func table(_ question: Int?, _ list: ChoiceList?) -> (question: Int, table: [(String, Double)])? {
                guard let question, let list else { return nil }
                return (question, list.choices.compactMap { choice in list.score(of: choice.name).map { (choice.name, $0) } })
            }
            return (table(scale.importance, scale.importanceList), table(scale.competence, scale.competenceList))
        }
    }

    public func add(_ respondent: Respondent) {
        let municipality = Self.municipalityKey(code: respondent.municipalityCode)
        var group: String? = nil
        if let b = byIndex { group = respondent.answer(b)?.cleanValue ?? "" }
        let slot = slot(for: Cell(country: respondent.country ?? "", municipality: municipality, group: group),
                        municipalityName: respondent.municipalityName)
        let demand = demandIndex.flatMap { respondent.answer($0) }
        for t in topicKeys.indices {
            let (i, c) = ratedQuestions(topic: t)
            scratch[t] = (i.map { scores(topic: t, question: $0, answer: respondent.answer($0)).importance } ?? .nan,
                          c.map { scores(topic: t, question: $0, answer: respondent.answer($0)).competence } ?? .nan,
                          demands(topic: t, answer: demand))
        }
        add(slot: slot, weight: respondent.weight, scores: scratch)
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
        municipalityNames[cell.municipality] = cell.municipality == Self.unrecognisedPlace
            ? Self.unrecognisedPlaceName : municipalityName ?? ""
        return accumulators.count - 1
    }

    /// One respondent into a cell's accumulators: every way in ends here.
    func add(slot: Int, weight: Double, scores: [TopicScores]) {
        respondentCount += 1
        let topicCount = topicKeys.count
        accumulators[slot].withUnsafeMutableBufferPointer { row in
            for t in 0..<topicCount {
                let s = scores[t]
                row[t].add(importance: s.importance.isNaN ? nil : s.importance, competence: s.competence.isNaN ? nil : s.competence,
                           demanded: s.demanded, weight: weight)
            }
            row[topicCount].add(importance: nil, competence: nil, demanded: false, weight: weight)
        }
    }

    /// A topic's importance and competence scores of an answer (NaN: none), as `add` scores them.
    func scores(topic t: Int, question q: Int, answer: Answer?) -> (importance: Double, competence: Double) {
        var result = (importance: Double.nan, competence: Double.nan)
        if let i = scoreTables[t].importance, i.question == q { result.importance = Self.score(answer, i.table) ?? .nan }
        if let c = scoreTables[t].competence, c.question == q { result.competence = Self.score(answer, c.table) ?? .nan }
        return result
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
    var groupQuestion: Int? { byIndex }

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
            }
        }
        municipalityNames.merge(other.municipalityNames) { a, _ in a }
    }

    // MARK: Scopes

    /// Cells in a fixed order: sums of floating-point numbers depend on their order.
    private var sortedCells: [(key: Cell, value: [TopicAccumulator])] {
        cells.sorted { $0.key < $1.key }
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
        var municipalityWeight: [String: [String: Double]] = [:]
        for (cell, row) in sortedCells {
            municipalityWeight[cell.country, default: [:]][cell.municipality, default: 0] += row[topicKeys.count].respondents.weightSum
        }
        for (cell, _) in cells {
            let inCountry = municipalityWeight[cell.country]!
            let countryTotal = inCountry.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
            let own = inCountry[cell.municipality]!
            let municipalities = inCountry.keys.filter { $0 != Self.unrecognisedPlace }.count
            factors[cell] = own > 0 && cell.municipality != Self.unrecognisedPlace
                ? countryTotal / Double(municipalities) / own : 0
        }
        return factors
    }

    /// Merged accumulators (topics + the respondents slot) of the cells `include` selects, grouped
    /// by `key`; `ALL` rows are added when `withRegion` is set.
    private func merged(key: (Cell) -> String?, withRegion: Bool) -> [String: [TopicAccumulator]] {
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
        for (country, groups) in byCountry where !country.isEmpty {
            for (k, row) in groups { result[country + "\u{1F}" + k] = row }
        }
        guard withRegion else { return result }
        let countryTotals = byCountry.mapValues { groups in
            groups.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value[topicKeys.count].respondents.weightSum }
        }
        let named = countryTotals.filter { !$0.key.isEmpty }
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

    private func rows(_ merged: [String: [TopicAccumulator]], groupName: (String) -> String?, language: String?) -> [TopicFigures] {
        let keys = merged.keys.sorted { a, b in
            let (ca, ga) = Self.split(a)
            let (cb, gb) = Self.split(b)
            if ca != cb { return Self.scopeOrder(ca, cb) }
            return ga < gb
        }
        return keys.flatMap { key -> [TopicFigures] in
            let (country, group) = Self.split(key)
            return figures(country: country, group: group.isEmpty && groupName(group) == nil ? nil : group,
                           groupName: groupName(group), row: merged[key]!, language: language)
        }
    }

    private static func split(_ key: String) -> (String, String) {
        let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }

    /// Rows for each country (sorted, `ALL` last) and topic (by key), with ranks and quadrants.
    public func figures(language: String? = nil) -> [TopicFigures] {
        rows(merged(key: { _ in "" }, withRegion: true), groupName: { _ in nil }, language: language)
    }

    /// Rows per municipality within each country. Municipalities with fewer than `--min-cell`
    /// respondents are pooled per country into one row that names no place, so that a small
    /// municipality (and who answered there) cannot be read off the table.
    public func municipalityFigures(language: String? = nil) -> [TopicFigures] {
        let counts = municipalityRespondents
        let minCell = options.minCell
        let smallName = "municipalities with fewer than \(minCell) respondents"
        return rows(merged(key: { cell in
            let n = counts[Cell(country: cell.country, municipality: cell.municipality, group: nil)] ?? 0
            return n < minCell ? Self.smallPlaces : cell.municipality
        }, withRegion: false), groupName: { key in
            key == Self.smallPlaces ? smallName : self.municipalityNames[key] ?? ""
        }, language: language)
            .map { row in
                var row = row
                if row.groupCode == Self.unrecognisedPlace || row.groupCode == Self.smallPlaces { row.groupCode = "" }
                return row
            }
    }

    /// Rows per answer to the `--by` question, within each country and for the region.
    public func groupFigures(language: String? = nil) -> [TopicFigures] {
        guard let b = byIndex else { return [] }
        let list = instrument.questions[b].kind.listName.flatMap { instrument.choiceLists[$0] }
        return rows(merged(key: { $0.group }, withRegion: true), groupName: { value in
            list?.choice(named: value)?.label(language, fallback: self.instrument.defaultLanguage) ?? value
        }, language: language)
    }

    /// Country and region accumulators by topic key, for the country comparisons.
    func scopeAccumulators(withRegion: Bool = false) -> [String: [String: TopicAccumulator]] {
        var result: [String: [String: TopicAccumulator]] = [:]
        for (key, row) in merged(key: { _ in "" }, withRegion: withRegion) {
            let (country, _) = Self.split(key)
            for (t, topic) in topicKeys.enumerated() { result[country, default: [:]][topic] = row[t] }
        }
        return result
    }

    private func figures(country: String, group: String?, groupName: String?, row: [TopicAccumulator], language: String?) -> [TopicFigures] {
        var result = topicKeys.enumerated().map { t, topic in
            TopicFigures(
                country: country, groupCode: group, groupName: groupName, topic: topic,
                topicLabel: instrument.topicLabel(topic, language: language), accumulator: row[t])
        }
        for index in result.indices { result[index].suppress(minCell: options.minCell) }
        let ranks = Borich.ranks(result.map(\.mwds))
        let quadrants = LocusForFocus.quadrants(result.map { figure in
            guard let i = figure.meanImportance, let g = figure.meanGap else { return nil }
            return (i, g)
        })
        for index in result.indices {
            result[index].mwdsRank = ranks[index]
            result[index].quadrant = quadrants[index]
        }
        return result
    }

    /// Countries sorted by code, the region total last.
    static func scopeOrder(_ a: String, _ b: String) -> Bool {
        if a == "ALL" { return false }
        if b == "ALL" { return true }
        return a < b
    }
}
