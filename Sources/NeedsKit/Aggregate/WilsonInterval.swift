/// The Wilson score interval for a proportion (Wilson 1927, JASA 22(158)).
///
/// Centre (p̂ + z²/2n)/(1 + z²/n), half-width z·√(p̂(1 − p̂)/n + z²/4n²)/(1 + z²/n). With weights,
/// n is Kish's effective sample size.
///
///     WilsonInterval.interval(successes: 3, n: 10)   // (0.1077913..., 0.6032218...)
public enum WilsonInterval {
    /// z for a two-sided 95% interval: the 0.975 quantile of the standard normal.
    public static let z95 = 1.959963984540054

    public static func interval(share: Double, n: Double, z: Double = z95) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (share + z2 / (2 * n)) / denominator
        let half = z * (share * (1 - share) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return (max(0, centre - half), min(1, centre + half))
    }

    public static func interval(successes: Double, n: Double, z: Double = z95) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        return interval(share: successes / n, n: n, z: z)
    }
}
