/// The figures of one topic in one scope: one row of topic_demand.csv. A figure that cannot be
/// computed (nobody answered; one answer gives no interval) is nil and written blank.
public struct TopicFigures: Sendable, Equatable {
    /// ISO 3166-1 alpha-2, or `ALL` for the region.
    public var country: String
    /// The municipality code and name, or a `--by` group's value, for disaggregated tables.
    public var groupCode: String?
    public var groupName: String?
    public var topic: String
    public var topicLabel: String
    public var respondents: Int
    public var nImportance: Int
    public var meanImportance: Double?
    public var importanceCI: (low: Double, high: Double)?
    public var nCompetence: Int
    public var meanCompetence: Double?
    public var competenceCI: (low: Double, high: Double)?
    public var nPairs: Int
    public var meanGap: Double?
    public var gapCI: (low: Double, high: Double)?
    public var mwds: Double?
    public var mwdsRank: Int?
    public var demandN: Int
    public var demandShare: Double?
    public var demandCI: (low: Double, high: Double)?
    public var quadrant: String?

    public static func == (a: TopicFigures, b: TopicFigures) -> Bool {
        a.country == b.country && a.groupCode == b.groupCode && a.topic == b.topic && a.respondents == b.respondents
            && a.meanImportance == b.meanImportance && a.meanCompetence == b.meanCompetence && a.meanGap == b.meanGap
            && a.mwds == b.mwds && a.mwdsRank == b.mwdsRank && a.demandN == b.demandN && a.quadrant == b.quadrant
    }

    /// Figures of one accumulator; ranks and quadrants are set across the scope's topics afterwards.
    init(country: String, groupCode: String? = nil, groupName: String? = nil, topic: String, topicLabel: String,
         accumulator a: TopicAccumulator) {
        self.country = country
        self.groupCode = groupCode
        self.groupName = groupName
        self.topic = topic
        self.topicLabel = topicLabel
        respondents = a.respondents.count
        nImportance = a.importance.count
        meanImportance = a.importance.count > 0 ? a.importance.mean : nil
        importanceCI = a.importance.meanInterval()
        nCompetence = a.competence.count
        meanCompetence = a.competence.count > 0 ? a.competence.mean : nil
        competenceCI = a.competence.meanInterval()
        nPairs = a.gap.count
        meanGap = a.gap.count > 0 ? a.gap.mean : nil
        gapCI = a.gap.meanInterval()
        mwds = Borich.mwds(meanGap: meanGap, meanImportance: meanImportance)
        demandN = a.demandCount
        if a.respondents.weightSum > 0 {
            let share = a.demandWeight / a.respondents.weightSum
            demandShare = share
            demandCI = WilsonInterval.interval(share: share, n: a.respondents.effectiveCount)
        }
    }
}
