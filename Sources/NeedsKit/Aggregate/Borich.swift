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

    /// Ranks by MWDS, highest first (1 = greatest need); equal scores share the lower rank
    /// (1, 2, 2, 4); topics without a score get no rank.
    public static func ranks(_ scores: [Double?]) -> [Int?] {
        scores.map { score in
            guard let score else { return nil }
            return 1 + scores.reduce(0) { count, other in
                guard let other else { return count }
                return other > score ? count + 1 : count
            }
        }
    }
}
