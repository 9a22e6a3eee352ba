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
