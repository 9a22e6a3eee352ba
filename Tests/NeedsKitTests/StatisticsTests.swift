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

    /// `addZero` (respondents counted, no division) is `add(0)` to the bit, weights of 0 and
    /// below included, so figures resting on respondent counts are the same either way.
    func testAddingZeroWithoutDivisionIsAddingZero() {
        var generator = SeededGenerator(seed: 41)
        for _ in 0..<200 {
            var added = Moments(), counted = Moments()
            for _ in 0..<Int.random(in: 0...80, using: &generator) {
                let w = [1.0, 0, -1, Double.random(in: 0.001...50, using: &generator), 1e-300][Int.random(in: 0...4, using: &generator)]
                added.add(0, weight: w)
                counted.addZero(weight: w)
            }
            XCTAssertEqual(added, counted)
            XCTAssertEqual(added.mean.bitPattern, counted.mean.bitPattern)
            XCTAssertEqual(added.m2.bitPattern, counted.m2.bitPattern)
        }
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

/// Degenerate cases of the intervals and tests, found by recomputing every published figure with
/// SciPy (/tmp/sweep-stats/check.py, not committed): the values below are from that computation or
/// from the papers, never from needs.
final class DegenerateStatisticsTests: XCTestCase {
    /// Every rating the same: s = 0, so the t interval is the mean itself (topic_demand.csv shows
    /// 5.000000000000 – 5.000000000000), weighted or not; it is not blank, as with one rating.
    func testEqualRatingsHaveAnIntervalOfWidthZero() throws {
        var plain = Moments(), weighted = Moments()
        for w in [1.0, 2, 0.5, 3] {
            plain.add(5)
            weighted.add(5, weight: w)
        }
        for m in [plain, weighted] {
            XCTAssertEqual(try XCTUnwrap(m.variance), 0)
            let interval = try XCTUnwrap(m.meanInterval())
            XCTAssertEqual(interval.low, 5)
            XCTAssertEqual(interval.high, 5)
        }
        // Weights whose products round (design weights, a helper's probe): 3 × 1.811709 / 1.811709
        // is 2.9999999999999996, and two ratings of 3 had the interval 2.999998478797 ... 3.000001521203,
        // or, the sum of squares a hair below 0, none. Any such weights, merged and scaled too.
        var state: UInt64 = 11
        func weight() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return 0.05 + Double(state >> 11) / Double(1 << 53) * 5
        }
        for x in [3.0, 5, 1, 2.5] {
            var a = Moments(), b = Moments()
            a.add(x, weight: 1.811709)
            a.add(x, weight: 0.711976)
            for _ in 0..<50 { b.add(x, weight: weight()) }
            var merged = a
            merged.merge(b)
            for m in [a, b, merged, merged.scaled(by: 1.0 / 3.0)] {
                XCTAssertEqual(m.mean, x, "\(x)")
                XCTAssertEqual(try XCTUnwrap(m.variance), 0, "\(x)")
                let interval = try XCTUnwrap(m.meanInterval())
                XCTAssertEqual([interval.low, interval.high], [x, x], "\(x)")
            }
        }
    }

    /// Welch with one side's gaps all equal (s = 0): SciPy's ttest_ind(equal_var=False) of
    /// [1, 1, 1, 1, 1] against [0, 2, 1, 3, 1, 2] gives p = 0.2955586447345286 on 5 degrees of
    /// freedom (the other side's n − 1), the interval −0.5 ± t(0.975, 5)·√(0.7/6).
    func testWelchWithOneSideWithoutSpread() throws {
        var a = Moments(), b = Moments()
        for x in [1.0, 1, 1, 1, 1] { a.add(x) }
        for x in [0.0, 2, 1, 3, 1, 2] { b.add(x) }
        let r = try XCTUnwrap(Welch.compare(a, b))
        XCTAssertEqual(r.difference, -0.5, accuracy: 1e-15)
        XCTAssertEqual(r.degreesOfFreedom, 5, accuracy: 1e-12)
        XCTAssertEqual(r.low, -1.6006573847080132, accuracy: 1e-12)
        XCTAssertEqual(r.high, 0.6006573847080132, accuracy: 1e-12)
        XCTAssertEqual(r.p, 0.2955586447345286, accuracy: 1e-12)
    }

    /// No spread on either side (the Welch–Satterthwaite degrees of freedom are 0/0), or one
    /// value on a side (no variance): no test, so country_differences.csv has no row and a wave's
    /// change is shown without an interval.
    func testWelchWithoutAVarianceIsNoTest() {
        var a = Moments(), b = Moments(), one = Moments()
        for x in [2.0, 2, 2] { a.add(x) }
        for x in [3.0, 3] { b.add(x) }
        one.add(4)
        XCTAssertNil(Welch.compare(a, b))
        XCTAssertNil(Welch.compare(a, one))
        XCTAssertNil(Welch.compare(one, a))
    }

    /// Newcombe (1998), Statistics in Medicine 17, Table II, method 10, the paper's eight
    /// examples to its four decimals (shares of 0 and 1 among them), and to 1e-12 the formula
    /// evaluated in Python.
    func testNewcombesEightExamples() throws {
        let cases: [(Double, Double, Double, Double, Double, Double, Double, Double)] = [
            (56, 70, 48, 80, 0.0524, 0.3339, 0.05243147240236498, 0.333872654036906),
            (9, 10, 3, 10, 0.1705, 0.8090, 0.17052272393450302, 0.8090179735354881),
            (6, 7, 2, 7, 0.0582, 0.8062, 0.0582279274823122, 0.8062496375242277),
            (5, 56, 0, 29, -0.0381, 0.1926, -0.03813714790353688, 0.19256001385511162),
            (0, 10, 0, 20, -0.1611, 0.2775, -0.16112515805281938, 0.2775327998628892),
            (0, 10, 0, 10, -0.2775, 0.2775, -0.2775327998628892, 0.2775327998628892),
            (10, 10, 0, 20, 0.6791, 1, 0.6790860371419147, 1),
            (10, 10, 0, 10, 0.6075, 1, 0.6075093504305242, 1),
        ]
        for (a, m, b, n, paperLow, paperHigh, low, high) in cases {
            let r = try XCTUnwrap(ProportionDifference.compare(share: a / m, n: m, share: b / n, n: n))
            XCTAssertEqual(r.low, paperLow, accuracy: 0.00005, "\(a)/\(m) − \(b)/\(n)")
            XCTAssertEqual(r.high, paperHigh, accuracy: 0.00005, "\(a)/\(m) − \(b)/\(n)")
            XCTAssertEqual(r.low, low, accuracy: 1e-12, "\(a)/\(m) − \(b)/\(n)")
            XCTAssertEqual(r.high, high, accuracy: 1e-12, "\(a)/\(m) − \(b)/\(n)")
        }
    }

    /// The pooled z test at the edges: 0 of 5 against 5 of 5 pools to 1/2, z = −1/√(0.1) =
    /// −3.162277660168379, p = 2·norm.sf(3.1622776601683795) = 0.001565402258002548 (SciPy);
    /// nobody on either side wanting it pools to 0, no spread: z = 0, p = 1, not NaN.
    func testTwoProportionTestAtSharesOfZeroAndOne() throws {
        let r = try XCTUnwrap(ProportionDifference.compare(share: 0, n: 5, share: 1, n: 5))
        XCTAssertEqual(r.z, -3.162277660168379, accuracy: 1e-12)
        XCTAssertEqual(r.p, 0.001565402258002548, accuracy: 1e-15)
        let none = try XCTUnwrap(ProportionDifference.compare(share: 0, n: 10, share: 0, n: 20))
        XCTAssertEqual(none.z, 0)
        XCTAssertEqual(none.p, 1)
        XCTAssertNil(ProportionDifference.compare(share: 0.5, n: 0, share: 0.5, n: 10))
    }

    /// Wilson's interval on a weighted share rests on Kish's n, a fraction: p = 0.4 of n_eff = 3.125
    /// gives 0.08719934245258099 – 0.8230850622806511 (the formula in Python).
    func testWilsonOnAnEffectiveSampleSize() throws {
        let interval = try XCTUnwrap(WilsonInterval.interval(share: 0.4, n: 3.125))
        XCTAssertEqual(interval.low, 0.08719934245258099, accuracy: 1e-12)
        XCTAssertEqual(interval.high, 0.8230850622806511, accuracy: 1e-12)
    }

    /// Holm by hand: p = 0.01, 0.04, 0.03, 0.005 sort to 0.005·4 = 0.02, 0.01·3 = 0.03,
    /// 0.03·2 = 0.06, 0.04·1 = 0.04 raised to 0.06 (never below the one before); a missing p is
    /// no test and does not count in m; equal p both get the larger multiple; capped at 1.
    func testHolmStepDown() {
        let adjusted = Holm.adjust([0.01, 0.04, nil, 0.03, 0.005])
        let expected: [Double?] = [0.03, 0.06, nil, 0.06, 0.02]
        for (a, e) in zip(adjusted, expected) {
            if let e { XCTAssertEqual(try XCTUnwrap(a), e, accuracy: 1e-15) } else { XCTAssertNil(a) }
        }
        XCTAssertEqual(Holm.adjust([0.02, 0.02]).map { $0! }, [0.04, 0.04])
        XCTAssertEqual(Holm.adjust([0.6, 0.7]).map { $0! }, [1, 1])
        XCTAssertEqual(Holm.adjust([]).count, 0)
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
