/// Borich's needs assessment (Borich 1980, "A needs assessment model for conducting follow-up
/// studies", Journal of Teacher Education 31(3)): the mean weighted discrepancy score.
///
/// MWDS = mean(importance − competence, over respondents answering both) × mean(importance, over
/// all who rated importance). Three respondents rating (5, 2), (4, 4), (3, 1) give a mean gap of
/// 5/3 and a mean importance of 4: MWDS = 20/3.
public enum Borich {
    public static func mwds(meanGap: Double?, meanImportance: Double?) -> Double? {
        guard let meanGap, let meanImportance else { return nil }
        return meanGap * meanImportance
    }

    /// Ranks by MWDS, highest first (1 = greatest need); tied scores share the best (smallest) rank
    /// (1, 2, 2, 4); topics without a score get no rank.
    ///
    /// Scores are equal when they differ by no more than `tolerance` of their size: the same
    /// answers added in another order give running means that differ in their last bits (10/3 as
    /// 3.333333333333333 or 3.3333333333333335), and such a tie must stay a tie.
    public static func ranks(_ scores: [Double?]) -> [Int?] {
        scores.map { score in
            guard let score else { return nil }
            return 1 + scores.reduce(0) { count, other in
                guard let other else { return count }
                return isHigher(other, than: score) ? count + 1 : count
            }
        }
    }

    /// Whether score `a` is higher than `b` by more than the rounding of running means (see `ranks`).
    public static func isHigher(_ a: Double, than b: Double) -> Bool {
        a - b > tolerance * max(1, abs(a), abs(b))
    }

    /// Relative difference below which two scores are the same score (far above the rounding
    /// error of a mean over millions of answers, far below a difference between topics that matters).
    static let tolerance = 1e-10
}
