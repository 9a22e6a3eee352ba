#if canImport(Glibc)
import Glibc
#endif

/// Welch's t test and interval for the difference of two means with unequal variances
/// (Welch 1947, Biometrika 34), with the Welch–Satterthwaite degrees of freedom. With weights,
/// each side's n is Kish's effective sample size.
public enum Welch {
    public struct Result: Equatable, Sendable {
        public var difference: Double
        public var low: Double
        public var high: Double
        public var t: Double
        public var degreesOfFreedom: Double
        public var p: Double
    }

    public static func compare(_ a: Moments, _ b: Moments, level: Double = 0.95) -> Result? {
        guard let va = a.variance, let vb = b.variance else { return nil }
        let na = a.isUnweighted ? Double(a.count) : a.effectiveCount
        let nb = b.isUnweighted ? Double(b.count) : b.effectiveCount
        let sa = va / na
        let sb = vb / nb
        let se = (sa + sb).squareRoot()
        let difference = a.mean - b.mean
        guard se > 0 else { return nil }
        let df = (sa + sb) * (sa + sb) / (sa * sa / (na - 1) + sb * sb / (nb - 1))
        let t = difference / se
        let p = 2 * (1 - StudentT.cdf(abs(t), degreesOfFreedom: df))
        let q = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: df)
        return Result(difference: difference, low: difference - q * se, high: difference + q * se, t: t,
                      degreesOfFreedom: df, p: min(1, max(0, p)))
    }
}

/// The difference of two proportions: Newcombe's hybrid score interval (Newcombe 1998, Statistics
/// in Medicine 17, method 10, built from two Wilson intervals) and the two-sided pooled z test.
public enum ProportionDifference {
    public struct Result: Equatable, Sendable {
        public var difference: Double
        public var low: Double
        public var high: Double
        public var z: Double
        public var p: Double
    }

    public static func compare(share p1: Double, n n1: Double, share p2: Double, n n2: Double) -> Result? {
        guard n1 > 0, n2 > 0,
              let (l1, u1) = WilsonInterval.interval(share: p1, n: n1),
              let (l2, u2) = WilsonInterval.interval(share: p2, n: n2) else { return nil }
        let d = p1 - p2
        let low = d - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
        let high = d + ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot()
        let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        let z = se > 0 ? d / se : 0
        let p = se > 0 ? erfc(abs(z) / 2.0.squareRoot()) : 1
        return Result(difference: d, low: low, high: high, z: z, p: p)
    }
}

/// Holm's step-down adjustment of p-values for a family of tests (Holm 1979, Scandinavian Journal
/// of Statistics 6(2)): the k-th smallest p is multiplied by (m − k + 1), made monotone, capped at 1.
public enum Holm {
    public static func adjust(_ pValues: [Double?]) -> [Double?] {
        let present = pValues.enumerated().compactMap { index, p in p.map { (index, $0) } }
        let m = present.count
        var adjusted = [Double?](repeating: nil, count: pValues.count)
        var running = 0.0
        for (rank, entry) in present.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }).enumerated() {
            running = max(running, min(1, Double(m - rank) * entry.1))
            adjusted[entry.0] = running
        }
        return adjusted
    }
}
