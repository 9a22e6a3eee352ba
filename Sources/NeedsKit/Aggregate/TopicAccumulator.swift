/// Everything the figures of one topic in one scope need, kept as mergeable sums: adding
/// respondents one by one, or merging accumulators built over any split of them, gives the same
/// figures. No respondent row is kept.
public struct TopicAccumulator: Sendable, Equatable {
    /// Respondents in the scope (weighted), whether or not they rated the topic.
    public private(set) var respondents = Moments()
    public private(set) var importance = Moments()
    public private(set) var competence = Moments()
    /// importance − competence, over respondents who rated both.
    public private(set) var gap = Moments()
    /// Σw over respondents who asked for training on the topic.
    public private(set) var demandWeight = 0.0
    public private(set) var demandCount = 0
    /// Respondents whose file did not ask who wants training (no column for the demand question):
    /// not in the demand share's base. Kept apart (empty in the usual run) so that the base of a
    /// run where every file asked is `respondents` itself, to the last bit.
    public private(set) var unasked = Moments()

    public init() {}

    /// The demand share's base: the respondents whose file asked who wants training.
    public var demandBaseCount: Int { respondents.count - unasked.count }
    public var demandBaseWeight: Double {
        unasked.count == 0 ? respondents.weightSum : max(0, respondents.weightSum - unasked.weightSum)
    }
    /// Kish's effective n of the demand share's base.
    public var demandBaseEffectiveCount: Double {
        guard unasked.count > 0 else { return respondents.effectiveCount }
        let squares = respondents.weightSquareSum - unasked.weightSquareSum
        let weight = demandBaseWeight
        return squares > 0 && weight > 0 ? Kish.effectiveSize(weightSum: weight, weightSquareSum: squares) : 0
    }
    /// The share of the base asking for training on the topic; nil when the base is empty.
    public var demandShare: Double? {
        let base = demandBaseWeight
        return base > 0 ? demandWeight / base : nil
    }

    public mutating func add(importance i: Double?, competence c: Double?, demanded: Bool, weight: Double = 1,
                             demandAsked: Bool = true) {
        respondents.addZero(weight: weight)
        if !demandAsked { unasked.addZero(weight: weight) }
        if let i { importance.add(i, weight: weight) }
        if let c { competence.add(c, weight: weight) }
        if let i, let c { gap.add(i - c, weight: weight) }
        // Like the moments, which skip a weight of 0: such a respondent counts in no figure.
        if demanded && demandAsked && weight > 0 {
            demandWeight += weight
            demandCount += 1
        }
    }

    /// Every weight multiplied by `factor`.
    public func scaled(by factor: Double) -> TopicAccumulator {
        var copy = self
        copy.respondents = respondents.scaled(by: factor)
        copy.importance = importance.scaled(by: factor)
        copy.competence = competence.scaled(by: factor)
        copy.gap = gap.scaled(by: factor)
        copy.unasked = unasked.scaled(by: factor)
        copy.demandWeight = demandWeight * factor
        return copy
    }

    public mutating func merge(_ other: TopicAccumulator) {
        // Respondents scaled to weight 0 (no recognised municipality under municipality weights)
        // are left out by the moments' merge; their demand goes with them.
        guard other.respondents.weightSum > 0 else { return }
        respondents.merge(other.respondents)
        importance.merge(other.importance)
        competence.merge(other.competence)
        gap.merge(other.gap)
        unasked.merge(other.unasked)
        demandWeight += other.demandWeight
        demandCount += other.demandCount
    }
}
