/// Folds clean respondents into topic accumulators per scope: each country and the region (`ALL`),
/// and, when asked, per municipality. Memory grows with scopes × topics, never with respondents.
///
///     let aggregator = Aggregator(instrument: instrument)
///     respondents.forEach { aggregator.add($0) }
///     let rows = aggregator.figures()   // countries sorted, ALL last; topics by key
public final class Aggregator {
    public struct Key: Hashable, Sendable {
        public var country: String
        public var groupCode: String?
    }

    public let instrument: Instrument
    /// Topic keys, sorted: the order of the output rows.
    public let topicKeys: [String]
    private let scoring: [(importance: Int?, competence: Int?, importanceList: ChoiceList?, competenceList: ChoiceList?)]
    private let demandIndex: Int?
    public private(set) var scopes: [Key: [TopicAccumulator]] = [:]
    public private(set) var municipalities: [Key: [TopicAccumulator]] = [:]
    public private(set) var municipalityNames: [String: String] = [:]
    public private(set) var respondentCount = 0
    /// Respondents per scope (`ALL` and each country), whether or not the instrument has topics.
    public private(set) var scopeRespondents: [String: Int] = [:]
    /// Respondents per municipality key within each country.
    public private(set) var municipalityRespondents: [Key: Int] = [:]

    public init(instrument: Instrument) {
        self.instrument = instrument
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
    }

    public func add(_ respondent: Respondent, weight: Double = 1) {
        respondentCount += 1
        var demanded = Set<String>()
        if let d = demandIndex, case let .choices(names)? = respondent.answer(d) { demanded = Set(names) }
        var row = [TopicAccumulator](repeating: TopicAccumulator(), count: topicKeys.count)
        for (t, scale) in scoring.enumerated() {
            let importance = scale.importance.flatMap { score(respondent.answer($0), scale.importanceList) }
            let competence = scale.competence.flatMap { score(respondent.answer($0), scale.competenceList) }
            row[t].add(importance: importance, competence: competence, demanded: demanded.contains(topicKeys[t]), weight: weight)
        }
        merge(row, into: &scopes, key: Key(country: "ALL"))
        scopeRespondents["ALL", default: 0] += 1
        if let country = respondent.country {
            merge(row, into: &scopes, key: Key(country: country))
            scopeRespondents[country, default: 0] += 1
            let code = respondent.municipalityCode ?? "?" + (respondent.municipalityName ?? "")
            municipalityNames[code] = respondent.municipalityName ?? ""
            merge(row, into: &municipalities, key: Key(country: country, groupCode: code))
            municipalityRespondents[Key(country: country, groupCode: code), default: 0] += 1
        }
    }

    private func score(_ answer: Answer?, _ list: ChoiceList?) -> Double? {
        guard case let .choice(name)? = answer else { return nil }
        return list?.score(of: name)
    }

    private func merge(_ row: [TopicAccumulator], into table: inout [Key: [TopicAccumulator]], key: Key) {
        if table[key] == nil {
            table[key] = row
            return
        }
        for t in row.indices { table[key]![t].merge(row[t]) }
    }

    /// Merges another aggregator's sums (a shard of the same run) into this one.
    public func merge(_ other: Aggregator) {
        respondentCount += other.respondentCount
        for (key, row) in other.scopes { merge(row, into: &scopes, key: key) }
        for (key, row) in other.municipalities { merge(row, into: &municipalities, key: key) }
        municipalityNames.merge(other.municipalityNames) { a, _ in a }
        scopeRespondents.merge(other.scopeRespondents, uniquingKeysWith: +)
        municipalityRespondents.merge(other.municipalityRespondents, uniquingKeysWith: +)
    }

    /// Rows for each country (sorted, `ALL` last) and topic (by key), with ranks and quadrants.
    public func figures(language: String? = nil) -> [TopicFigures] {
        let keys = scopes.keys.sorted { Self.scopeOrder($0.country, $1.country) }
        return keys.flatMap { figures(for: $0, from: scopes, language: language) }
    }

    /// Rows per municipality within each country.
    public func municipalityFigures(language: String? = nil) -> [TopicFigures] {
        let keys = municipalities.keys.sorted {
            ($0.country, $0.groupCode ?? "") < ($1.country, $1.groupCode ?? "")
        }
        return keys.flatMap { figures(for: $0, from: municipalities, language: language) }
    }

    private func figures(for key: Key, from table: [Key: [TopicAccumulator]], language: String?) -> [TopicFigures] {
        guard let row = table[key] else { return [] }
        var result = topicKeys.enumerated().map { t, topic in
            TopicFigures(
                country: key.country, groupCode: key.groupCode,
                groupName: key.groupCode.map { municipalityNames[$0] ?? "" }, topic: topic,
                topicLabel: instrument.topicLabel(topic, language: language), accumulator: row[t])
        }
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
