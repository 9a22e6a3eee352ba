/// topic_demand.csv and its disaggregations: a tidy table, one row per scope and topic, figures at
/// full precision (12 decimals), blank where a figure cannot be computed. Rows from fewer than
/// `minCell` respondents keep only their counts' scope and topic: every figure is blanked and
/// `suppressed` is 1, so no individual's answers can be read off a small municipality.
public enum FiguresTable {
    public static let columns = [
        "country", "topic", "topic_label", "respondents", "n_importance", "mean_importance", "importance_ci_low",
        "importance_ci_high", "n_competence", "mean_competence", "competence_ci_low", "competence_ci_high", "n_pairs",
        "mean_gap", "gap_ci_low", "gap_ci_high", "mwds", "mwds_rank", "demand_n", "demand_share", "demand_ci_low",
        "demand_ci_high", "quadrant", "suppressed",
    ]

    /// The header of a table rendered with these arguments.
    public static func header(groupColumns: [String]? = nil, weighted: Bool = false) -> [String] {
        var header = columns
        if let groupColumns { header.insert(contentsOf: groupColumns, at: 1) }
        if weighted { header += ["weighted_n", "effective_n"] }
        return header
    }

    /// `weighted` adds `weighted_n` and `effective_n`; `groupColumns` names the two columns after
    /// `country` of a disaggregated table (`municipality_code, municipality`; `role, role_label`).
    public static func render(_ rows: [TopicFigures], groupColumns: [String]? = nil, weighted: Bool = false,
                              style: CSVStyle = CSVStyle()) -> String {
        var writer = style.writer()
        style.header(header(groupColumns: groupColumns, weighted: weighted), groupColumns: groupColumns ?? [], into: &writer)
        let full = NumberFormat.full
        for f in rows {
            var cells: [CSVWriter.Cell] = [.figure(f.country)]
            if groupColumns != nil { cells += [.text(f.groupCode ?? ""), .text(f.groupName ?? "")] }
            let hidden = f.countsHidden
            func count(_ n: Int) -> CSVWriter.Cell { .figure(hidden ? "" : String(n)) }
            cells += [
                .text(f.topic), .text(f.topicLabel), count(f.respondents), count(f.nImportance),
                .figure(full(f.meanImportance)), .figure(full(f.importanceCI?.low)), .figure(full(f.importanceCI?.high)),
                count(f.nCompetence), .figure(full(f.meanCompetence)), .figure(full(f.competenceCI?.low)),
                .figure(full(f.competenceCI?.high)), count(f.nPairs), .figure(full(f.meanGap)),
                .figure(full(f.gapCI?.low)), .figure(full(f.gapCI?.high)), .figure(full(f.mwds)),
                .figure(f.mwdsRank.map(String.init) ?? ""), f.demandCountShown ? count(f.demandN) : .figure(""), .figure(full(f.demandShare)),
                .figure(full(f.demandCI?.low)), .figure(full(f.demandCI?.high)), .figure(f.quadrant ?? ""),
                // (A row whose weight sums alone are withheld is marked too: they are blanked to
                // protect respondents, as the dictionary says of the column.)
                .figure(f.suppressed || (weighted && f.weightSumsHidden) ? "1" : "0"),
            ]
            if weighted {
                let sums = hidden || f.weightSumsHidden
                cells += [.figure(sums ? "" : full(f.weightedN)), .figure(sums ? "" : full(f.effectiveN))]
            }
            writer.row(cells)
        }
        return writer.text
    }
}
