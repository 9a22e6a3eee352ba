/// How the CSV files are delivered: as written (`,`, no BOM), or for Excel in Baltic locales
/// (`--excel`: `;`, a UTF-8 BOM and decimal commas); figures tables may carry a HXL hashtag row (`--hxl`).
public struct CSVStyle: Sendable {
    public var excel: Bool
    public var hxl: Bool

    /// HXL hashtags for the figures tables' columns (hxlstandard.org).
    static let hashtags: [String: String] = [
        "country": "#country+code", "municipality_code": "#adm2+code", "municipality": "#adm2+name",
        "topic": "#sector+code", "topic_label": "#sector+name", "respondents": "#meta+count",
        "n_importance": "#indicator+importance+count", "mean_importance": "#indicator+importance+mean",
        "importance_ci_low": "#indicator+importance+ci_low", "importance_ci_high": "#indicator+importance+ci_high",
        "n_competence": "#indicator+competence+count", "mean_competence": "#indicator+competence+mean",
        "competence_ci_low": "#indicator+competence+ci_low", "competence_ci_high": "#indicator+competence+ci_high",
        "n_pairs": "#indicator+gap+count", "mean_gap": "#indicator+gap+mean", "gap_ci_low": "#indicator+gap+ci_low",
        "gap_ci_high": "#indicator+gap+ci_high", "mwds": "#indicator+mwds", "mwds_rank": "#indicator+mwds+rank",
        "demand_n": "#indicator+demand+count", "demand_share": "#indicator+demand+pct",
        "demand_ci_low": "#indicator+demand+ci_low", "demand_ci_high": "#indicator+demand+ci_high",
        "quadrant": "#indicator+quadrant", "suppressed": "#meta+suppressed", "weighted_n": "#meta+count+weighted",
        "effective_n": "#meta+count+effective", "measure": "#indicator+measure", "country_value": "#indicator+value+country",
        "others_value": "#indicator+value+others", "country_n": "#meta+count+country", "others_n": "#meta+count+others",
        "difference": "#indicator+difference", "difference_ci_low": "#indicator+difference+ci_low",
        "difference_ci_high": "#indicator+difference+ci_high", "p_value": "#indicator+pvalue",
        "p_holm": "#indicator+pvalue+holm", "difference_holds": "#indicator+difference+holds",
        // waves.csv: the baseline's figure (+before), the wave's (+after) and the change.
        "wave": "#meta+wave", "design": "#meta+design", "n_before": "#meta+count+before", "n_after": "#meta+count+after",
        "n_matched": "#meta+count+matched", "competence_before": "#indicator+competence+mean+before",
        "competence_after": "#indicator+competence+mean+after", "competence_change": "#indicator+competence+mean+change",
        "competence_change_ci_low": "#indicator+competence+change+ci_low",
        "competence_change_ci_high": "#indicator+competence+change+ci_high", "gap_before": "#indicator+gap+mean+before",
        "gap_after": "#indicator+gap+mean+after", "gap_change": "#indicator+gap+mean+change",
        "gap_change_ci_low": "#indicator+gap+change+ci_low", "gap_change_ci_high": "#indicator+gap+change+ci_high",
        "mwds_before": "#indicator+mwds+before", "mwds_after": "#indicator+mwds+after", "mwds_change": "#indicator+mwds+change",
        "demand_share_before": "#indicator+demand+pct+before", "demand_share_after": "#indicator+demand+pct+after",
        "demand_share_change": "#indicator+demand+pct+change", "demand_share_change_ci_low": "#indicator+demand+change+ci_low",
        "demand_share_change_ci_high": "#indicator+demand+change+ci_high", "quadrant_before": "#indicator+quadrant+before",
        "quadrant_after": "#indicator+quadrant+after", "left_first_priority": "#indicator+quadrant+left_hh",
        "note": "#meta+note",
        // plan.csv
        "session": "#meta+session", "month": "#date", "audience": "#country+code", "organisation": "#org+name",
        "reason": "#meta+reason", "expected_participants": "#targeted",
    ]

    public init(excel: Bool = false, hxl: Bool = false) {
        self.excel = excel
        self.hxl = hxl
    }

    /// A writer in this style; `clean`: for clean/, whose text cells keep every character
    /// (`CSVWriter.keepsHidden`).
    func writer(clean: Bool = false) -> CSVWriter {
        var writer = CSVWriter(delimiter: excel ? ";" : ",", byteOrderMark: excel)
        writer.decimalComma = excel
        writer.keepsHidden = clean
        return writer
    }

    /// Writes a table's header, and its HXL hashtag row when asked for; `groupColumns` are the
    /// code and name columns of a disaggregated figures table (`role`, `role_label`), tagged as a
    /// group when they have no tag of their own. A column with neither has an empty tag.
    func header(_ columns: [String], groupColumns: [String] = [], into writer: inout CSVWriter) {
        writer.row(texts: columns)
        if hxl {
            writer.row(columns.map { name in
                .figure(Self.hashtags[name] ?? (groupColumns.first == name ? "#group+code" : groupColumns.dropFirst().first == name ? "#group+name" : ""))
            })
        }
    }
}
