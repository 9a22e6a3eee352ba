import Foundation
import XCTest
@testable import NeedsKit

final class StudentTTests: XCTestCase {
    func testQuantilesAndCDFMatchSciPy() throws {
        let url = URL(fileURLWithPath: Paths.repository + "/Tests/NeedsKitTests/Fixtures/reference/student_t.json")
        let table = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let quantiles = try XCTUnwrap(table["quantiles"] as? [[String: Double]])
        XCTAssertGreaterThan(quantiles.count, 100)
        for row in quantiles {
            let t = StudentT.quantile(row["p"]!, degreesOfFreedom: row["df"]!)
            XCTAssertEqual(t, row["t"]!, accuracy: 1e-9 * max(1, abs(row["t"]!)), "df \(row["df"]!), p \(row["p"]!)")
        }
        for row in try XCTUnwrap(table["cdf"] as? [[String: Double]]) {
            XCTAssertEqual(StudentT.cdf(row["t"]!, degreesOfFreedom: row["df"]!), row["p"]!, accuracy: 1e-12,
                           "df \(row["df"]!), t \(row["t"]!)")
        }
    }

    /// Large degrees of freedom (a run of 10⁵–10⁷ respondents) and t near 0 (a Welch p-value near
    /// 1), where the CSVs' 12 decimals showed the error: x = df/(df + t²) and 1 − x were taken by
    /// subtraction and lgamma(a + ½) − lgamma(a) lost the last digits of two numbers near a·ln a
    /// (t(0.95, 10⁷) was off by 5e-9, cdf(0.01, 1000) by 9e-13). Expected values: mpmath at 40
    /// digits (`betainc(df/2, 1/2, 0, df/(df + t²), regularized=True)`, quantiles by `findroot`);
    /// SciPy's `t.ppf` and `t.cdf` agree to the last digit or two.
    func testLargeDegreesOfFreedomAndSmallTToTheLastDigits() {
        let quantiles: [(p: Double, df: Double, t: Double)] = [
            (0.975, 1000, 1.9623390808264081), (0.95, 1e4, 1.6450060180692425), (0.95, 1e5, 1.6448688647849693),
            (0.975, 1e6, 1.9599663568141067), (0.95, 1e7, 1.6448537793284012),
        ]
        for row in quantiles {
            XCTAssertEqual(StudentT.quantile(row.p, degreesOfFreedom: row.df), row.t, accuracy: 4e-15 * row.t,
                           "df \(row.df), p \(row.p)")
        }
        let cdf: [(t: Double, df: Double, p: Double)] = [
            (0.01, 100, 0.50397939488278575), (0.01, 1000, 0.50398835903390636), (0.5, 1e5, 0.69146191117279098),
            (1.96, 1e6, 0.9750019662073651), (2, 1e7, 0.97724985455407852), (-1e-5, 1e7, 0.49999601057729579),
        ]
        for row in cdf {
            XCTAssertEqual(StudentT.cdf(row.t, degreesOfFreedom: row.df), row.p, accuracy: 2e-15, "df \(row.df), t \(row.t)")
        }
    }

    func testLowerTailIsTheMirror() {
        XCTAssertEqual(StudentT.quantile(0.025, degreesOfFreedom: 9), -StudentT.quantile(0.975, degreesOfFreedom: 9))
        XCTAssertEqual(StudentT.quantile(0.5, degreesOfFreedom: 4), 0)
    }
}

final class WilsonIntervalTests: XCTestCase {
    /// 3 of 10: p̂ = 0.3, z² = 3.8414588206941236; centre = (0.3 + 0.19207294)/(1.38414588) = 0.35544...,
    /// half = z·√(0.021 + 0.00960365)/1.38414588 = 0.24761...; worked independently in Python.
    func testThreeOfTen() throws {
        let interval = try XCTUnwrap(WilsonInterval.interval(successes: 3, n: 10))
        XCTAssertEqual(interval.low, 0.10779126740630104, accuracy: 1e-12)
        XCTAssertEqual(interval.high, 0.6032218525388546, accuracy: 1e-12)
    }

    /// Values from the formula evaluated independently in Python.
    func testExtremes() throws {
        let none = try XCTUnwrap(WilsonInterval.interval(successes: 0, n: 5))
        XCTAssertEqual(none.low, 0)
        XCTAssertEqual(none.high, 0.43448246478317476, accuracy: 1e-12)
        let all = try XCTUnwrap(WilsonInterval.interval(successes: 5, n: 5))
        XCTAssertEqual(all.low, 0.5655175352168251, accuracy: 1e-12)
        XCTAssertEqual(all.high, 1)
        XCTAssertNil(WilsonInterval.interval(successes: 0, n: 0))
    }
}

final class MomentsTests: XCTestCase {
    func testMeanVarianceAndIntervalByHand() throws {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, s² = 32/7.
        var m = Moments()
        for x in [2.0, 4, 4, 4, 5, 5, 7, 9] { m.add(x) }
        XCTAssertEqual(m.mean, 5)
        XCTAssertEqual(try XCTUnwrap(m.variance), 32.0 / 7, accuracy: 1e-14)
        // t(0.975, 7) = 2.3646242515927844 (SciPy); half-width = t·√(32/7/8).
        let interval = try XCTUnwrap(m.meanInterval())
        let half = 2.3646242515927844 * (32.0 / 7 / 8).squareRoot()
        XCTAssertEqual(interval.low, 5 - half, accuracy: 1e-12)
        XCTAssertEqual(interval.high, 5 + half, accuracy: 1e-12)
    }

    func testOneValueHasNoInterval() {
        var m = Moments()
        m.add(4)
        XCTAssertEqual(m.mean, 4)
        XCTAssertNil(m.variance)
        XCTAssertNil(m.meanInterval())
    }

    func testMergingAnySplitEqualsOnePass() {
        var generator = SeededGenerator(seed: 20251124)
        for _ in 0..<200 {
            let count = Int.random(in: 0...60, using: &generator)
            let values = (0..<count).map { _ in Double(Int.random(in: 1...5, using: &generator)) }
            let weights = (0..<count).map { _ in Double.random(in: 0.2...3, using: &generator) }
            var whole = Moments()
            for (x, w) in zip(values, weights) { whole.add(x, weight: w) }
            let cut = Int.random(in: 0...count, using: &generator)
            var left = Moments()
            var right = Moments()
            for i in 0..<cut { left.add(values[i], weight: weights[i]) }
            for i in cut..<count { right.add(values[i], weight: weights[i]) }
            left.merge(right)
            XCTAssertEqual(left.count, whole.count)
            XCTAssertEqual(left.weightSum, whole.weightSum, accuracy: 1e-9)
            XCTAssertEqual(left.mean, whole.mean, accuracy: 1e-12)
            XCTAssertEqual(left.m2, whole.m2, accuracy: 1e-9)
        }
    }

    /// `--weights municipality`: a country of 2625 respondents in 11 municipalities, each
    /// municipality's respondents scaled to 2625/11 and merged, weighs 2625 (worked in Python with
    /// exact fractions: summed plainly, the scaled shares made 2624.999999999999 in the CSV).
    func testScaledSharesMergeToTheWholeWeight() {
        let counts = [123, 345, 343, 245, 161, 114, 202, 243, 321, 184, 344]
        let total = Double(counts.reduce(0, +))
        var country = Moments()
        for n in counts {
            var municipality = Moments()
            for k in 0..<n { municipality.add(Double(1 + k % 5)) }
            country.merge(municipality.scaled(by: total / Double(counts.count) / Double(n)))
        }
        XCTAssertEqual(NumberFormat.full(country.weightSum), "2625.000000000000")
        XCTAssertEqual(country.count, 2625)
    }

    func testKishEffectiveSampleSize() {
        var m = Moments()
        m.add(1, weight: 1)
        m.add(2, weight: 1)
        m.add(3, weight: 2)
        // (Σw)²/Σw² = 16/6.
        XCTAssertEqual(m.effectiveCount, 16.0 / 6, accuracy: 1e-14)
        XCTAssertFalse(m.isUnweighted)
    }

    /// The weighted t interval, by hand (SciPy 1.17): x = 1 5 3 4 2, w = 1 1 1 5 2; mean 3.3,
    /// n_eff = 10²/32 = 3.125, var = Σw(x−m)²/Σw · n_eff/(n_eff−1),
    /// mean ± stats.t.ppf(0.975, n_eff − 1)·sqrt(var/n_eff) = −0.014485675377930551 … 6.61448567537793.
    func testWeightedMeanIntervalMatchesAHandComputation() throws {
        var moments = Moments()
        for (x, w) in zip([1.0, 5, 3, 4, 2], [1.0, 1, 1, 5, 2]) { moments.add(x, weight: w) }
        XCTAssertEqual(moments.mean, 3.3, accuracy: 1e-12)
        XCTAssertEqual(moments.effectiveCount, 3.125, accuracy: 1e-12)
        let interval = try XCTUnwrap(moments.meanInterval())
        XCTAssertEqual(interval.low, -0.014485675377930551, accuracy: 1e-9)
        XCTAssertEqual(interval.high, 6.61448567537793, accuracy: 1e-9)
    }
}

final class BorichTests: XCTestCase {
    /// DOMAIN.md's worked example: (I, C) = (5, 2), (4, 4), (3, 1): mean gap 5/3, mean I 4, MWDS 20/3.
    func testWorkedExample() throws {
        var a = TopicAccumulator()
        for (i, c) in [(5.0, 2.0), (4, 4), (3, 1)] { a.add(importance: i, competence: c, demanded: false) }
        let f = TopicFigures(country: "EE", topic: "t", topicLabel: "t", accumulator: a)
        XCTAssertEqual(try XCTUnwrap(f.meanGap), 5.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(f.mwds), 20.0 / 3, accuracy: 1e-14)
    }

    func testMeanImportanceCountsRespondentsWithoutCompetence() throws {
        var a = TopicAccumulator()
        a.add(importance: 5, competence: 1, demanded: true)
        a.add(importance: 3, competence: nil, demanded: false)
        let f = TopicFigures(country: "EE", topic: "t", topicLabel: "t", accumulator: a)
        // gap over the one pair = 4; mean importance over both = 4; MWDS = 16.
        XCTAssertEqual(f.nPairs, 1)
        XCTAssertEqual(f.meanImportance, 4)
        XCTAssertEqual(f.mwds, 16)
        XCTAssertEqual(f.demandN, 1)
        XCTAssertEqual(f.demandShare, 0.5)
    }

    func testTiesShareTheLowerRank() {
        XCTAssertEqual(Borich.ranks([3, 5, 5, nil, 1]), [3, 1, 1, nil, 4])
    }

    /// Two topics rated alike by the same six respondents, listed in another order: importance
    /// 5, 5, 1, 2, 4, 3 and 2, 5, 3, 5, 1, 4, competence 1 throughout. Both have mean importance
    /// 20/6 = 10/3 and mean gap 7/3, so MWDS = 70/9 for both: a tie, rank 1 each (a third topic
    /// rated 2 and 2, MWDS 0, is rank 3). The running means differ in their last bit
    /// (3.333333333333333 and 3.3333333333333335), which must not break the tie.
    func testEqualScoresReachedInAnotherOrderShareTheRank() {
        var a = TopicAccumulator(), b = TopicAccumulator(), c = TopicAccumulator()
        for (x, y) in zip([5.0, 5, 1, 2, 4, 3], [2.0, 5, 3, 5, 1, 4]) {
            a.add(importance: x, competence: 1, demanded: false)
            b.add(importance: y, competence: 1, demanded: false)
            c.add(importance: 2, competence: 2, demanded: false)
        }
        let scores = [a, b, c].map { TopicFigures(country: "EE", topic: "t", topicLabel: "t", accumulator: $0).mwds }
        XCTAssertEqual(scores[0]!, 70.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(scores[1]!, 70.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(Borich.ranks(scores), [1, 1, 3])
    }

    func testTopicNobodyAnsweredHasBlankFigures() {
        var a = TopicAccumulator()
        a.add(importance: nil, competence: nil, demanded: false)
        let f = TopicFigures(country: "EE", topic: "t", topicLabel: "t", accumulator: a)
        XCTAssertEqual(f.respondents, 1)
        XCTAssertNil(f.meanImportance)
        XCTAssertNil(f.mwds)
        XCTAssertNil(f.importanceCI)
        XCTAssertEqual(NumberFormat.full(f.mwds), "")
    }

    func testQuadrantsSplitAtTheMean() {
        let q = LocusForFocus.quadrants([(4.5, 1.5), (3.0, 0.5), (4.0, 0.2), nil, (3.2, 2.0)])
        // mean importance 3.675, mean gap 1.05
        XCTAssertEqual(q, ["HH", "LL", "HL", nil, "LH"])
    }

    /// Six respondents rate three topics' importance 3 throughout, 5, 5, 1, 2, 4, 3 and 3, 4, 3,
    /// 4, 4, 4 (competence 3, 1 and 1): mean importance 3, 10/3 and 11/3, whose mean over the
    /// topics is 10/3, the second topic's own; mean gap 0, 7/3 and 8/3, mean 5/3. A point at the
    /// mean is high, so the second topic is HH. Its running mean is 3.333333333333333 and the
    /// mean over topics 3.3333333333333335: the last bit must not make it L.
    func testAQuadrantAtTheMeanIsHighWhateverTheRounding() {
        var topics = [TopicAccumulator(), TopicAccumulator(), TopicAccumulator()]
        for (b, c) in zip([5.0, 5, 1, 2, 4, 3], [3.0, 4, 3, 4, 4, 4]) {
            topics[0].add(importance: 3, competence: 3, demanded: false)
            topics[1].add(importance: b, competence: 1, demanded: false)
            topics[2].add(importance: c, competence: 1, demanded: false)
        }
        let points = topics.map { a -> (importance: Double, gap: Double)? in
            let f = TopicFigures(country: "EE", topic: "t", topicLabel: "t", accumulator: a)
            return (f.meanImportance!, f.meanGap!)
        }
        XCTAssertEqual(points[1]!.importance, 10.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(LocusForFocus.quadrants(points), ["LL", "HH", "HH"])
    }
}

/// The library's SplitMix64: property tests are repeatable.
typealias SeededGenerator = SplitMix64
