/// Where a country differs from the rest of the region: for each topic, the country's demand share
/// and mean gap against the rest of `ALL`'s respondents pooled (the other countries', and those of
/// no known country unless `ALL` is country-equal, which leaves them out), each respondent with
/// the weight it has in its country's figures (under country-equal the other countries are not
/// made to weigh the same: they are one sample, against the country), with 95% intervals
/// (Newcombe for shares, Welch for means) and p-values Holm-corrected across the topics of each
/// country and measure. So the others are `ALL` less the country: pooling the other countries
/// alone, `ALL` less the country less the others gave back the respondents of no country (2
/// beside EE and LT blanked), whom no table shows.
public struct CountryDifference: Sendable, Equatable {
    public enum Measure: String, Sendable { case demandShare = "demand_share", meanGap = "mean_gap" }

    public var country: String
    public var topic: String
    public var topicLabel: String
    public var measure: Measure
    public var countryValue: Double
    public var othersValue: Double
    public var countryN: Int
    public var othersN: Int
    public var difference: Double
    public var low: Double
    public var high: Double
    public var p: Double
    public var pHolm: Double = 1
    /// Whether the difference was tested. A mean gap with no spread in the country nor in the
    /// others (every respondent's gap the same on each side) has no standard error: its row is
    /// kept, with its values and difference, its interval and p-values blank (it had been left
    /// out without a word, a helper's probe: the one country that stood out was not named). A
    /// share of 0 (or 1) on both sides neither: its p-values blank, its interval kept.
    public var tested = true
    /// The Holm-adjusted p is below 0.05.
    public var holds: Bool { tested && pHolm < 0.05 }

    public static func compute(_ aggregator: Aggregator, minCell: Int) -> [CountryDifference] {
        // Respondents of no known country, keyed "", are in the others when ALL counts them.
        let scopes = aggregator.scopeAccumulators(withUnknownCountry: aggregator.options.region != .countryEqual)
        let countries = scopes.keys.filter { !$0.isEmpty }.sorted()
        guard countries.count >= 2 else { return [] }
        let blanked = blankedCountries(aggregator)
        let othersPool = countries + [""]
        var result: [CountryDifference] = []
        for country in countries {
            var family: [Measure: [CountryDifference]] = [:]
            for topic in aggregator.topicKeys {
                guard let own = scopes[country]?[topic] else { continue }
                var others = TopicAccumulator()
                for other in othersPool where other != country {
                    if let a = scopes[other]?[topic] { others.merge(a) }
                }
                let label = aggregator.instrument.topicLabel(topic)
                // A share's n is its base: the respondents whose file asked who wants training.
                let ownN = own.demandBaseCount
                let othersN = others.demandBaseCount
                if aggregator.asksDemand(topic), ownN >= minCell && othersN >= minCell,
                   let p1 = own.demandShare, let p2 = others.demandShare,
                   blanked[.demandShare]?[topic]?.contains(country) == false {
                    if let r = ProportionDifference.compare(share: p1, n: own.demandBaseEffectiveCount,
                                                            share: p2, n: others.demandBaseEffectiveCount) {
                        var row = CountryDifference(
                            country: country, topic: topic, topicLabel: label, measure: .demandShare, countryValue: p1,
                            othersValue: p2, countryN: ownN, othersN: othersN, difference: r.difference, low: r.low,
                            high: r.high, p: r.p)
                        // Nobody, or everybody, on both sides wanting training on it: the z test's
                        // standard error is 0, and no split of the answers could differ, so it is
                        // untested and out of the Holm family, as a mean gap with no spread is
                        // (Tarone's rule: a hypothesis that cannot be rejected does not count). Its
                        // interval stands. It had been p = 1 in the family, and another topic's
                        // difference failed the correction for it (a helper's probe: 0.021 read as 0.084).
                        // Told by counts: a weighted share of everybody sums to 0.9999999999999998
                        // (a reviewer's).
                        if (own.demandCount == 0 && others.demandCount == 0) || (own.demandCount == ownN && others.demandCount == othersN) {
                            row.tested = false
                            row.p = .nan
                            row.pHolm = .nan
                        }
                        family[.demandShare, default: []].append(row)
                    }
                }
                if own.gap.count >= minCell && others.gap.count >= minCell, blanked[.meanGap]?[topic]?.contains(country) == false {
                    let r = Welch.compare(own.gap, others.gap)
                    // Untested when neither side varies (Welch's test is then undefined).
                    if r != nil || (own.gap.variance == 0 && others.gap.variance == 0) {
                        var row = CountryDifference(
                            country: country, topic: topic, topicLabel: label, measure: .meanGap, countryValue: own.gap.mean,
                            othersValue: others.gap.mean, countryN: own.gap.count, othersN: others.gap.count,
                            difference: r?.difference ?? own.gap.mean - others.gap.mean, low: r?.low ?? .nan, high: r?.high ?? .nan,
                            p: r?.p ?? .nan)
                        if r == nil {
                            row.tested = false
                            row.pHolm = .nan
                        }
                        family[.meanGap, default: []].append(row)
                    }
                }
            }
            for measure in [Measure.demandShare, .meanGap] {
                var rows = family[measure] ?? []
                // (Over the tested rows alone: an untested one has no p.)
                let tested = rows.indices.filter { rows[$0].tested }
                let adjusted = Holm.adjust(tested.map { rows[$0].p })
                for (k, i) in tested.enumerated() { rows[i].pHolm = adjusted[k] ?? 1 }
                result += rows
            }
        }
        return result.sorted { ($0.country, $0.topic, $0.measure.rawValue) < ($1.country, $1.topic, $1.measure.rawValue) }
    }

    /// Per measure and topic, the countries whose figure no row may be compared for: those
    /// topic_demand.csv blanks, as the country's own value and n would show it. When exactly one
    /// country is blanked (ALL's figure blanked in its stead), or those blanked come from fewer
    /// than `--min-cell`, every country is: a published country's
    /// "others" pool the blanked ones with the published, so its n and value, less the published
    /// countries', would give the blanked ones back. A blanked country of no respondent counted
    /// (all weighing 0) is in no pool and is left out of that rule. Under weights, whenever a
    /// country is blanked: the others are then weighted (each respondent by its own weight, as in
    /// its country's figures), no plain sum of their countries, and give back what ALL's figures would (`ComplementarySuppression.withholdWeightedRegion`):
    /// with a column of design weights, LV's others' share 0.75 was EE's and LT's shares' mean,
    /// blanked both.
    static func blankedCountries(_ aggregator: Aggregator) -> [Measure: [String: Set<String>]] {
        let minCell = aggregator.options.minCell
        let weighted = aggregator.options.weights != .respondent
        let figures = aggregator.figures().filter { $0.country != "ALL" && !$0.country.isEmpty }
        var result: [Measure: [String: Set<String>]] = [:]
        for measure in [Measure.demandShare, .meanGap] {
            func hidden(_ f: TopicFigures) -> Bool {
                // So is a country whose effective_n topic_demand.csv withholds (`weightSumsHidden`:
                // under --weights municipality, one pooling small municipalities): Newcombe's and
                // Welch's intervals rest on it (EE's share 0 against 0 had the bound z²/(n + z²)
                // = 0.254545227624, n = 11.25, which gave Narva's 2 and Tartu's 4 back).
                if f.countsHidden || f.weightSumsHidden { return true }
                return measure == .demandShare ? f.demandBlanked : f.nPairs > 0 && f.meanGap == nil
            }
            func count(_ f: TopicFigures) -> Int { measure == .demandShare ? f.demandRestsOn : f.nPairs }
            for (topic, rows) in Dictionary(grouping: figures, by: \.topic) {
                let blanked = rows.filter(hidden)
                // A blanked country with no count behind the measure (every respondent weighing 0
                // under --weights COLUMN) adds nothing to any others' pool, so it gives nothing
                // back: counted, such a country alone made every comparison of the run blank.
                let pooled = blanked.filter { count($0) > 0 }
                let total = pooled.map(count).reduce(0, +)
                let safe = pooled.isEmpty || (!weighted && pooled.count >= 2 && total >= minCell)
                result[measure, default: [:]][topic] = Set((safe ? blanked : rows).map(\.country))
            }
        }
        return result
    }
}
