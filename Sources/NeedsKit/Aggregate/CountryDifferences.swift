/// Where a country differs from the rest of the region: for each topic, the country's demand share
/// and mean gap against the other countries' respondents pooled, with 95% intervals (Newcombe for
/// shares, Welch for means) and p-values Holm-corrected across the topics of each country and
/// measure.
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
    /// The Holm-adjusted p is below 0.05.
    public var holds: Bool { pHolm < 0.05 }

    public static func compute(_ aggregator: Aggregator, minCell: Int) -> [CountryDifference] {
        let scopes = aggregator.scopeAccumulators()
        let countries = scopes.keys.filter { !$0.isEmpty }.sorted()
        guard countries.count >= 2 else { return [] }
        var result: [CountryDifference] = []
        for country in countries {
            var family: [Measure: [CountryDifference]] = [:]
            for topic in aggregator.topicKeys {
                guard let own = scopes[country]?[topic] else { continue }
                var others = TopicAccumulator()
                for other in countries where other != country {
                    if let a = scopes[other]?[topic] { others.merge(a) }
                }
                let label = aggregator.instrument.topicLabel(topic)
                let ownN = own.respondents.count
                let othersN = others.respondents.count
                if ownN >= minCell && othersN >= minCell, own.respondents.weightSum > 0, others.respondents.weightSum > 0 {
                    let p1 = own.demandWeight / own.respondents.weightSum
                    let p2 = others.demandWeight / others.respondents.weightSum
                    if let r = ProportionDifference.compare(share: p1, n: own.respondents.effectiveCount,
                                                            share: p2, n: others.respondents.effectiveCount) {
                        family[.demandShare, default: []].append(CountryDifference(
                            country: country, topic: topic, topicLabel: label, measure: .demandShare, countryValue: p1,
                            othersValue: p2, countryN: ownN, othersN: othersN, difference: r.difference, low: r.low,
                            high: r.high, p: r.p))
                    }
                }
                if own.gap.count >= minCell && others.gap.count >= minCell, let r = Welch.compare(own.gap, others.gap) {
                    family[.meanGap, default: []].append(CountryDifference(
                        country: country, topic: topic, topicLabel: label, measure: .meanGap, countryValue: own.gap.mean,
                        othersValue: others.gap.mean, countryN: own.gap.count, othersN: others.gap.count,
                        difference: r.difference, low: r.low, high: r.high, p: r.p))
                }
            }
            for measure in [Measure.demandShare, .meanGap] {
                var rows = family[measure] ?? []
                let adjusted = Holm.adjust(rows.map(\.p))
                for i in rows.indices { rows[i].pHolm = adjusted[i] ?? 1 }
                result += rows
            }
        }
        return result.sorted { ($0.country, $0.topic, $0.measure.rawValue) < ($1.country, $1.topic, $1.measure.rawValue) }
    }
}
