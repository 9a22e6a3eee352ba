import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution: CDF through the regularised incomplete beta function, quantile by
/// safeguarded Newton iteration on the CDF.
///
/// The incomplete beta is evaluated by its continued fraction with the modified Lentz method
/// (Lentz 1976; Press et al., Numerical Recipes, 3rd ed., §6.4), to machine precision; results
/// agree with R's `qt` and SciPy's `t.ppf` to 1e-12 on the reference table in the tests.
///
///     StudentT.quantile(0.975, degreesOfFreedom: 9)   // 2.2621571627409915
public enum StudentT {
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 1 : 0 }
        // x and 1 − x each from its own quotient: 1 − x taken by subtraction loses every digit of
        // t²/(df + t²) when t is small or df large (cdf(1e-5, df: 1e7) came out as exactly 0.5).
        let t2 = t * t
        let tail = 0.5 * IncompleteBeta.regularized(x: df / (df + t2), complement: t2 / (df + t2), a: df / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(p > 0 && p < 1 && df > 0)
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: df) }
        // A report asks for the same few levels at the same degrees of freedom many times over
        // (each topic of each cell): each pair is solved once. The value is the same either way.
        let key = Solved.Key(p: p.bitPattern, df: df.bitPattern)
        if let known = solved.value(key) { return known }
        let t = solve(p, degreesOfFreedom: df)
        solved.keep(key, t)
        return t
    }

    /// Quantiles solved so far, shared by threads (bounded).
    private static let solved = Solved()

    private final class Solved: @unchecked Sendable {
        struct Key: Hashable { var p: UInt64, df: UInt64 }
        private let lock = NSLock()
        private var values: [Key: Double] = [:]

        func value(_ key: Key) -> Double? {
            lock.lock()
            defer { lock.unlock() }
            return values[key]
        }

        func keep(_ key: Key, _ value: Double) {
            lock.lock()
            defer { lock.unlock() }
            if values.count < 1 << 16 { values[key] = value }
        }
    }

    private static func solve(_ p: Double, degreesOfFreedom df: Double) -> Double {
        // Bracket, then Newton steps kept inside the bracket (bisection when a step leaves it).
        // The Cornish–Fisher expansion starts Newton close to the root, so a few steps do.
        let guess = cornishFisher(p, degreesOfFreedom: df)
        var low = 0.0
        var high = guess.isFinite && guess > 0 ? guess * 1.25 + 0.01 : 1.0
        while cdf(high, degreesOfFreedom: df) < p { low = high; high *= 2 }
        var t = guess > low && guess < high ? guess : (low + high) / 2
        for _ in 0..<200 {
            let f = cdf(t, degreesOfFreedom: df) - p
            if f == 0 { return t }
            if f < 0 { low = t } else { high = t }
            let density = pdf(t, degreesOfFreedom: df)
            var next = t - f / density
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-15 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }

    /// Abramowitz & Stegun 26.7.5: t from the normal quantile z in powers of 1/df. Only a
    /// starting point for Newton's method (close for df ≥ 3, rough below).
    static func cornishFisher(_ p: Double, degreesOfFreedom df: Double) -> Double {
        let z = Normal.quantile(p)
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df)
    }

    public static func pdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        let logDensity = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * log(df * Double.pi)
            - (df + 1) / 2 * log1p(t * t / df)
        return exp(logDensity)
    }
}

/// The standard normal quantile by Acklam's rational approximation (relative error below
/// 1.2e-9): a starting point for `StudentT.quantile`, which then solves exactly.
enum Normal {
    static func quantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        func tail(_ q: Double) -> Double {
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p < 0.02425 { return tail((-2 * log(p)).squareRoot()) }
        if p > 1 - 0.02425 { return -tail((-2 * log1p(-p)).squareRoot()) }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}

/// The regularised incomplete beta function I_x(a, b).
enum IncompleteBeta {
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        regularized(x: x, complement: 1 - x, a: a, b: b)
    }

    /// I_x(a, b) given x and y = 1 − x, each computed where it is exact (see `StudentT.cdf`).
    static func regularized(x: Double, complement y: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        // The logarithm of whichever of x and 1 − x is nearer 1 by log1p of the other.
        let logX = x < 0.5 ? log(x) : log1p(-y)
        let logY = y < 0.5 ? log(y) : log1p(-x)
        let logFront = -logBeta(a, b) + a * logX + b * logY
        let front = exp(logFront)
        // The continued fraction converges fast for x < (a + 1)/(a + b + 2); use symmetry otherwise.
        // With a large and x near 1 (Student t at large df), the first terms of the fraction on x
        // cancel (1 − (a + b)x/(a + 1) is 5e-7 at df 10⁷, t = 2): the fraction on 1 − x still
        // converges there while a·(1 − x) < 5 (t² < 10), to 1e-14 against mpmath for df up to 10⁹.
        if x < (a + 1) / (a + b + 2) && !(a > 100 * b && a * y < 5) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: y, a: b, b: a) / b
    }

    /// ln B(a, b). For a large argument, lgamma(a + b) − lgamma(a) subtracts two numbers of
    /// about a·ln a and keeps only their last digits (at df 10⁷ the t quantile was off by 5e-9):
    /// there the difference is taken term by term from Stirling's series instead.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let (small, large) = a < b ? (a, b) : (b, a)
        guard large >= 30 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
        // ln Γ(z) = (z − ½)ln z − z + ½ln 2π + c(z): lgamma(l) − lgamma(l + s), with
        // (l − ½)ln l − (l + s − ½)ln(l + s) = −(l − ½)·ln(1 + s/l) − s·ln(l + s) taken as such.
        func correction(_ z: Double) -> Double {
            let z2 = z * z
            return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * z2)) / z2) / z2) / z2) / z
        }
        let difference = -(large - 0.5) * log1p(small / large) - small * log(large + small) + small
            + correction(large) - correction(large + small)
        return lgamma(small) + difference
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
