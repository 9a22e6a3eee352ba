/// The Locus for Focus model (Mink, Shultz and Mink 1991): topics placed by mean importance (x)
/// and mean gap (y), each axis split at its mean over the scope's topics. `HH` (high importance,
/// high gap) is the first priority, then `HL`, `LH`, `LL`.
public enum LocusForFocus {
    /// Quadrants for points (importance, gap); nil where a point is missing.
    public static func quadrants(_ points: [(importance: Double, gap: Double)?]) -> [String?] {
        let present = points.compactMap { $0 }
        guard !present.isEmpty else { return points.map { _ in nil } }
        let xMean = present.map(\.importance).reduce(0, +) / Double(present.count)
        let yMean = present.map(\.gap).reduce(0, +) / Double(present.count)
        // A point at the mean is high, however the means were rounded (see `Borich.isHigher`).
        return points.map { point in
            guard let point else { return nil }
            return (Borich.isHigher(xMean, than: point.importance) ? "L" : "H")
                + (Borich.isHigher(yMean, than: point.gap) ? "L" : "H")
        }
    }
}
