/// Kish's effective sample size for weighted data (Kish 1965, Survey Sampling, Wiley):
/// n_eff = (Σw)² / Σw². Equal weights give n; unequal weights give less, and the intervals of
/// weighted figures use n_eff in place of n.
public enum Kish {
    public static func effectiveSize(weightSum: Double, weightSquareSum: Double) -> Double {
        weightSquareSum > 0 ? weightSum * weightSum / weightSquareSum : 0
    }
}
