#if canImport(Glibc)
import Glibc
#endif

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
