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
