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

    public static func render(_ rows: [TopicFigures], municipality: Bool, minCell: Int = 5) -> String {
        var writer = CSVWriter()
        var header = columns
        if municipality { header.insert(contentsOf: ["municipality_code", "municipality"], at: 1) }
        writer.row(texts: header)
        for f in rows {
            if f.respondents < minCell {
                var cells: [CSVWriter.Cell] = [.figure(f.country)]
                if municipality { cells += [.figure(f.groupCode ?? ""), .text(f.groupName ?? "")] }
                cells += [.figure(f.topic), .text(f.topicLabel)]
                cells += Array(repeating: .figure(""), count: columns.count - 4) + [.figure("1")]
                writer.row(cells)
                continue
            }
            let full = NumberFormat.full
            var cells: [CSVWriter.Cell] = [.figure(f.country)]
            if municipality { cells += [.figure(f.groupCode ?? ""), .text(f.groupName ?? "")] }
            cells += [
                .figure(f.topic), .text(f.topicLabel), .figure(String(f.respondents)), .figure(String(f.nImportance)),
                .figure(full(f.meanImportance)), .figure(full(f.importanceCI?.low)), .figure(full(f.importanceCI?.high)),
                .figure(String(f.nCompetence)), .figure(full(f.meanCompetence)), .figure(full(f.competenceCI?.low)),
                .figure(full(f.competenceCI?.high)), .figure(String(f.nPairs)), .figure(full(f.meanGap)),
                .figure(full(f.gapCI?.low)), .figure(full(f.gapCI?.high)), .figure(full(f.mwds)),
                .figure(f.mwdsRank.map(String.init) ?? ""), .figure(String(f.demandN)), .figure(full(f.demandShare)),
                .figure(full(f.demandCI?.low)), .figure(full(f.demandCI?.high)), .figure(f.quadrant ?? ""), .figure("0"),
            ]
            writer.row(cells)
        }
        return writer.text
    }
}
