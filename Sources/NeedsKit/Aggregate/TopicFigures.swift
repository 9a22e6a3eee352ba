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
    /// The respondents the demand share is out of: those whose file asked who wants training
    /// (`respondents` when every file did).
    public var demandBaseN = 0
    /// The respondents the demand share rests on, for the small-cell rules: none when nobody was
    /// asked (the topic not in the demand question's list, or no file with a column for it).
    var demandRestsOn: Int { demandAsked ? demandBaseN : 0 }
    /// Whether the instrument asks who wants training on the topic: a demand question whose
    /// list has the topic's choice. When it does not, the demand figures are not 0 but unknown,
    /// and stay blank (never counted as suppressed).
    public var demandAsked = true
    /// The instrument asks, but none of the scope's respondents came from a file with a column
    /// for the demand question: not asked either (`demandAsked` is false).
    public var demandColumnMissing = false
    /// Some of the scope's respondents came from a file with no column for the demand question:
    /// the share is out of the others (or, none asked, blank).
    public var demandPartlyAsked: Bool { demandColumnMissing || (demandAsked && demandBaseN < respondents) }
    public var demandShare: Double?
    public var demandCI: (low: Double, high: Double)?
    public var quadrant: String?
    /// The demand share is blanked (too small an effective sample under weights, or to protect
    /// another cell) though it could be computed.
    var demandBlanked: Bool { demandAsked && weightedN > 0 && demandShare == nil }
    /// Whether demand_n is published: it goes with the share. Under `--weights` a share blanked
    /// for a small effective sample blanks the unweighted count too, or the count beside the
    /// respondents would give a share the tables withheld as unreliable.
    public var demandCountShown: Bool { demandAsked && !countsHidden && !demandBlanked }
    /// Σw and Kish's effective n of the scope's respondents (equal to `respondents` unweighted).
    public var weightedN: Double
    public var effectiveN: Double
    /// Respondents who all weigh 0 (under `--weights municipality`, those whose place is not
    /// recognised): in no weighted figure, their own figures rest on nothing.
    var weighsNothing: Bool { respondents > 0 && weightedN == 0 }
    /// Kish's effective n of the demand share's base: the respondents whose file asked who wants
    /// training (`effectiveN` when every file did).
    var effectiveDemandBase = 0.0
    /// Whether the MWDS is withheld (blanked, or the scope's counts hidden), not missing for want
    /// of ratings: `suppressed` is true when any figure is blanked, a topic's importance from
    /// three respondents and no competence column among them (a reviewer's case: such a topic had
    /// been counted a suppressed need that might rank first).
    /// (`nPairs` counts respondents of weight above 0 alone.)
    var mwdsWithheld: Bool { mwds == nil && (countsHidden || nPairs > 0) }
    /// No respondent of the scope rated the topic on both measures: no MWDS, and nothing withheld.
    var unrated: Bool { mwds == nil && nPairs == 0 && !countsHidden }
    /// Whether some figure was blanked because it came from fewer than `--min-cell` respondents.
    public var suppressed = false
    /// Whether the whole row is suppressed: even its counts are not shown.
    public var countsHidden = false
    /// Whether `weightedN` and `effectiveN` are withheld though the counts are shown: under
    /// `--weights municipality` every municipality of a country weighs its respondents / its
    /// municipalities, so a municipality's Σw gave back a country count the tables blank.
    public var weightSumsHidden = false
    /// Kish's effective n behind the importance, competence and gap means (their counts when
    /// unweighted): a figure resting on few effective respondents is suppressed like a small cell.
    var effectiveImportance = 0.0, effectiveCompetence = 0.0, effectiveGap = 0.0

    public static func == (a: TopicFigures, b: TopicFigures) -> Bool {
        a.country == b.country && a.groupCode == b.groupCode && a.topic == b.topic && a.respondents == b.respondents
            && a.meanImportance == b.meanImportance && a.meanCompetence == b.meanCompetence && a.meanGap == b.meanGap
            && a.mwds == b.mwds && a.mwdsRank == b.mwdsRank && a.demandN == b.demandN && a.quadrant == b.quadrant
    }

    /// The Kish effective n a figure needs under `--min-cell`: `minCell` less rounding. Equal
    /// weights give n exactly on paper, and 2.9999999999999996 for three of 53/12 each: a
    /// municipality of 3 blanked at --min-cell 3, and with it its country and the region (a probe's).
    static func effectiveLimit(_ minCell: Int) -> Double { Double(minCell) * (1 - 1e-9) }

    /// Blanks every figure computed from fewer than `minCell` respondents (statistical disclosure
    /// control: no individual's answers can be read off a small cell). A row whose scope has fewer
    /// than `minCell` respondents keeps nothing but its labels.
    mutating func suppress(minCell: Int) {
        guard minCell > 1 else { return }
        if respondents < minCell {
            suppressed = true
            countsHidden = true
            meanImportance = nil; importanceCI = nil; meanCompetence = nil; competenceCI = nil
            meanGap = nil; gapCI = nil; mwds = nil; demandShare = nil; demandCI = nil
            return
        }
        // With weights, Kish's effective n counts as well: one dominant weight makes 128
        // respondents worth about one, and a t interval on ~0 degrees of freedom is unbounded.
        let limit = Self.effectiveLimit(minCell)
        if nImportance > 0 && (nImportance < minCell || effectiveImportance < limit) {
            suppressed = true
            meanImportance = nil; importanceCI = nil
        }
        if nCompetence > 0 && (nCompetence < minCell || effectiveCompetence < limit) {
            suppressed = true
            meanCompetence = nil; competenceCI = nil
        }
        if nPairs > 0 && (nPairs < minCell || effectiveGap < limit) {
            suppressed = true
            meanGap = nil; gapCI = nil
        }
        if demandAsked && demandShare != nil && effectiveDemandBase < limit {
            suppressed = true
            demandShare = nil; demandCI = nil
        }
        if meanGap == nil || meanImportance == nil { mwds = nil }
    }

    /// Figures of one accumulator; ranks and quadrants are set across the scope's topics afterwards.
    init(country: String, groupCode: String? = nil, groupName: String? = nil, topic: String, topicLabel: String,
         accumulator a: TopicAccumulator, demandAsked: Bool = true) {
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
        effectiveImportance = a.importance.effectiveCount
        effectiveCompetence = a.competence.effectiveCount
        effectiveGap = a.gap.effectiveCount
        meanGap = a.gap.count > 0 ? a.gap.mean : nil
        gapCI = a.gap.meanInterval()
        mwds = Borich.mwds(meanGap: meanGap, meanImportance: meanImportance)
        demandN = a.demandCount
        weightedN = a.respondents.weightSum
        effectiveN = a.respondents.effectiveCount
        effectiveDemandBase = a.demandBaseEffectiveCount
        demandBaseN = a.demandBaseCount
        // No respondent of the scope was asked (their files had no column for the question): the
        // share is unknown, as when the instrument does not ask, not 0 and not suppressed.
        demandColumnMissing = demandAsked && a.respondents.count > 0 && a.demandBaseCount == 0
        self.demandAsked = demandAsked && !demandColumnMissing
        if self.demandAsked, let share = a.demandShare {
            demandShare = share
            demandCI = WilsonInterval.interval(share: share, n: effectiveDemandBase)
        }
    }
}
