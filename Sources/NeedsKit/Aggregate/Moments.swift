/// Weighted count, mean and sum of squared deviations, updated one value at a time and mergeable.
///
/// West (1979), "Updating mean and variance estimates: an improved method", CACM 22(9) — the
/// weighted form of Welford's update; merging uses Chan, Golub and LeVeque (1979). Numerically
/// stable: no sums of squares of large numbers are ever subtracted.
public struct Moments: Sendable, Equatable {
    /// Values added (unweighted).
    public private(set) var count = 0
    /// Σw and Σw², for Kish's effective sample size (and weighted_n). Each is kept as a high part
    /// and the rounding error merges and scalings made (Neumaier 1974; Ogita, Rump and Oishi 2005):
    /// a country's weight under `--weights municipality`, summed from its municipalities' scaled
    /// shares, read 2111.000000000003 in topic_demand.csv for 2111 respondents' worth. Adding a
    /// value updates the high part alone, so unit weights stay exact and cost nothing more.
    public var weightSum: Double { weightHigh + weightLow }
    public var weightSquareSum: Double { squareHigh + squareLow }
    private var weightHigh = 0.0, weightLow = 0.0
    private var squareHigh = 0.0, squareLow = 0.0
    public private(set) var mean = 0.0
    /// Σw(x − mean)².
    public private(set) var m2 = 0.0

    public init() {}

    public mutating func add(_ x: Double, weight w: Double = 1) {
        guard w > 0 else { return }
        count += 1
        weightHigh += w
        squareHigh += w * w
        let delta = x - mean
        // The first value is the mean as it is: x · w / w rounds (3 × 1.811709 / 1.811709 =
        // 2.9999999999999996), and then ratings all the same had a variance of rounding error,
        // an interval of width 3e-6 around 3, or, negative, none at all (a helper's probe).
        mean = count == 1 ? x : mean + delta * w / weightHigh
        m2 += w * delta * (x - mean)
    }

    /// `add(0, weight: w)` for a count of respondents, whose values are all 0: the mean and m2
    /// stay 0 to the bit (0 · w / Σw added to 0), so only the count and sums change, without a
    /// division (nine a respondent, the cost of the accumulators' `respondents` and `unasked`).
    @inline(__always)
    public mutating func addZero(weight w: Double = 1) {
        guard w > 0 else { return }
        count += 1
        weightHigh += w
        squareHigh += w * w
    }

    public mutating func merge(_ other: Moments) {
        guard other.weightSum > 0 else { return }
        guard weightSum > 0 else {
            self = other
            return
        }
        let total = weightSum + other.weightSum
        let delta = other.mean - mean
        mean += delta * other.weightSum / total
        m2 += other.m2 + delta * delta * weightSum * other.weightSum / total
        count += other.count
        (weightHigh, weightLow) = Self.sum(weightHigh, weightLow, other.weightHigh, other.weightLow)
        (squareHigh, squareLow) = Self.sum(squareHigh, squareLow, other.squareHigh, other.squareLow)
    }

    /// (a + aLow) + (b + bLow) as a high part and what it leaves out: Knuth's TwoSum gives the
    /// rounding error of a + b exactly.
    private static func sum(_ a: Double, _ aLow: Double, _ b: Double, _ bLow: Double) -> (Double, Double) {
        let s = a + b
        let bRounded = s - a
        let error = (a - (s - bRounded)) + (b - bRounded)
        let low = error + aLow + bLow
        let high = s + low
        return (high, low - (high - s))
    }

    /// x · factor (with x's low part) as a high part and what it leaves out, the product's
    /// rounding error taken exactly by a fused multiply-add.
    private static func product(_ x: Double, _ xLow: Double, _ factor: Double) -> (Double, Double) {
        let p = x * factor
        return (p, (-p).addingProduct(x, factor) + xLow * factor)
    }

    /// The same values with every weight multiplied by `factor` (> 0): means unchanged, sums of
    /// weights scaled. Used to make municipalities or countries weigh the same.
    public func scaled(by factor: Double) -> Moments {
        var copy = self
        (copy.weightHigh, copy.weightLow) = Self.product(weightHigh, weightLow, factor)
        (copy.squareHigh, copy.squareLow) = Self.product(squareHigh, squareLow, factor * factor)
        copy.m2 *= factor
        return copy
    }

    /// Kish (1965) effective sample size (Σw)²/Σw²; equals `count` when every weight is 1.
    public var effectiveCount: Double {
        Kish.effectiveSize(weightSum: weightSum, weightSquareSum: weightSquareSum)
    }

    /// Whether every weight added was 1 (the figures are then the textbook unweighted ones).
    public var isUnweighted: Bool { Double(count) == weightSum && weightSum == weightSquareSum }

    /// Sample variance. Unweighted: M2/(n − 1). Weighted: M2/Σw scaled by n_eff/(n_eff − 1),
    /// the reliability-weights correction, so that unit weights give the same value.
    public var variance: Double? {
        let n = effectiveCount
        guard n > 1 else { return nil }
        // (Rounding may leave a sum of squares a hair below 0: no spread, not an undefined one.)
        let m2 = max(self.m2, 0)
        if isUnweighted { return m2 / (Double(count) - 1) }
        return m2 / weightSum * n / (n - 1)
    }

    /// The mean's 95% interval (Student t with n − 1 degrees of freedom; n_eff with weights),
    /// or nil with fewer than two values.
    public func meanInterval(level: Double = 0.95) -> (low: Double, high: Double)? {
        guard let variance else { return nil }
        let n = isUnweighted ? Double(count) : effectiveCount
        let t = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: n - 1)
        let half = t * (variance / n).squareRoot()
        return (mean - half, mean + half)
    }
}
