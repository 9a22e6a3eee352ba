/// data_dictionary.md: what each column of the tables beside it holds, in what unit, and why a
/// cell is blank. Partners receive the reports folder and nothing else (no README): a table's
/// `demand_share` of 0.43 beside the report's 43%, or `suppressed`, must explain itself.
public enum DataDictionary {
    /// The file's name in the reports folder.
    public static let file = "data_dictionary.md"

    /// One table of the folder: its file and its header.
    public struct Table: Sendable {
        public var file: String
        public var columns: [String]
        /// The question a disaggregated table is split by (`role`), or nil.
        public var byQuestion: String? = nil
        /// Whether `byQuestion` is the municipality question, whose rows are not all choices: a
        /// place typed that no choice names is grouped by its gazetteer code, one not recognised
        /// under a blank code (`Aggregator.group(answer:municipalityCode:)`).
        public var byPlace = false
    }

    /// What each table is, one sentence.
    static func purpose(of file: String, byQuestion: String?) -> String {
        switch file {
        case "topic_demand.csv": return "One row per scope (each country, and ALL for the region) and topic: the figures of the reports at full precision."
        case "topic_demand_by_municipality.csv": return "The same figures per municipality."
        case "country_differences.csv": return "Each country against the rest of the region's respondents pooled, per topic and measure "
            + "(a country suppressed on a topic and measure is not compared on it; no country is when one alone is, or, "
            + "weighted, when any is, or has its effective_n withheld: the others' value, and the intervals resting on "
            + "effective n, would give the suppressed back)."
        case "waves.csv": return "Per later survey wave, scope and topic: the figures at the baseline, in the wave, and the change."
        case "plan.csv": return "The curriculum plan: one row per training session, in order."
        default: return "The same figures per answer to the question \(byQuestion ?? "")."
        }
    }

    /// The meaning of each column (`K`: the `--min-cell` threshold). Units: ratings are points of
    /// the instrument's scales; shares are proportions from 0 to 1, which the reports show as percentages.
    static let meanings: [String: String] = [
        "country": "Country code (EE Estonia, LV Latvia, LT Lithuania), or ALL for the region.",
        "topic": "The topic's key in the survey instrument.",
        "topic_label": "The topic's name.",
        "respondents": "Respondents in the row's scope (with weights, those whose weight is a number above 0: the weighting statement above says which weigh 0).",
        "n_importance": "Respondents who rated how important the topic is to their work.",
        "mean_importance": "Mean importance rating, in points of the instrument's scale (higher: more important).",
        "importance_ci_low": "Lower bound of the 95% confidence interval of mean_importance (Student t).",
        "importance_ci_high": "Upper bound of that interval. Not cut at the scale's ends: a small cell's interval may pass them.",
        "n_competence": "Respondents who rated their own competence in the topic.",
        "mean_competence": "Mean self-rated competence, in points of the instrument's scale (higher: more competent).",
        "competence_ci_low": "Lower bound of the 95% confidence interval of mean_competence (Student t).",
        "competence_ci_high": "Upper bound of that interval. Not cut at the scale's ends: a small cell's interval may pass them.",
        "n_pairs": "Respondents who rated both the topic's importance and their competence in it.",
        "mean_gap": "Mean of importance minus competence over those respondents, in scale points (higher: more need).",
        "gap_ci_low": "Lower bound of the 95% confidence interval of mean_gap (Student t).",
        "gap_ci_high": "Upper bound of that interval. Not cut at the largest gaps the scales allow: a small cell's interval "
            + "may pass them.",
        "mwds": "Borich's mean weighted discrepancy score, mean_gap × mean_importance (Borich 1980): the training need.",
        "mwds_rank": "Rank of mwds among the scope's topics: 1 is the greatest need; tied scores share the best rank (two topics tied first are both 1, the next is 3).",
        "demand_n": "Respondents who chose the topic among those they would attend training on.",
        "demand_share": "demand_n out of all respondents of the scope, as a proportion from 0 to 1 (0.43 is 43%); "
            + "respondents whose file had no column asking who wants training (the cleaning log's questions_missing names it) "
            + "are left out of the base, as are LimeSurvey responses with no answer to it that were never submitted or were not shown it (N/A) "
            + "and respondents whose answer to it could not be read (an unknown_value in the cleaning log; `none`, `-` or `0` is no topic wanted; "
            + "in a Google Forms or Microsoft Forms export a text that is no choice is what was typed for \"Other\", "
            + "and its respondent stays in the base, wanting none of the topics listed besides; in a column per topic, "
            + "`?` alone or a few, a tick mark the file's code page lacked, leaves its respondent out of that topic's base alone), "
            + "and a scope none of whose files asked it is blank.",
        "demand_ci_low": "Lower bound of the 95% Wilson score interval of demand_share, from 0 to 1.",
        "demand_ci_high": "Upper bound of that interval.",
        "quadrant": "Locus for Focus: H or L for importance, then for the gap, each against its mean over the scope's "
            + "topics; HH (important and a large gap) is the first priority.",
        "suppressed": "1 when figures of the row are blanked to protect respondents (see above), otherwise 0.",
        "weighted_n": "Sum of the respondents' weights (blank for a municipality or answer of a suppressed country when each "
            + "municipality counts equally: it would be the country's respondents over its municipalities; blank for ALL "
            + "when a country is suppressed and each municipality, or each country in ALL, counts equally, or a weight "
            + "column weighs: with effective_n it would give the suppressed countries' counts back; ALL's demand "
            + "interval, which rests on effective_n, is blank then too; in a table by answer, blank for every ALL row "
            + "when a country's row of an answer is suppressed, as ALL's sums of weights give its count back then; blank, "
            + "with its demand interval, for the row pooling a country's smallest municipalities when each municipality "
            + "counts equally or a weight column weighs (a design weight gives the municipalities' populations), and for "
            + "that country and ALL (their rows by answer too), or where a municipality is "
            + "suppressed: their effective_n "
            + "would give those municipalities' counts back).",
        "effective_n": "Kish's effective sample size of those weights (blank wherever weighted_n is). Each interval rests "
            + "on the effective size of the respondents behind its own figure (those who rated importance, rated both, "
            + "or were asked who wants training), which may be smaller than the row's.",
        "municipality_code": "The municipality's ISO 3166-2 code; blank where the place given was not recognised.",
        "municipality": "The municipality's name.",
        "measure": "mean_gap (compared with Welch's test and interval) or demand_share (two-proportion z test, Newcombe's interval).",
        "country_value": "The measure in the country.",
        "others_value": "The measure over the rest of the region's respondents pooled: the other countries', and those of no known country unless ALL is country-equal, each respondent weighing as in its country's figures (under country-equal the other countries are not made to weigh the same here).",
        "country_n": "Respondents behind country_value.",
        "others_n": "Respondents behind others_value.",
        "difference": "country_value − others_value, in the measure's unit (a share difference of 0.10 is 10 percentage points).",
        "difference_ci_low": "Lower bound of the 95% interval of the difference (blank for a mean gap not tested: see p_value; a share not tested has one).",
        "difference_ci_high": "Upper bound of that interval.",
        "p_value": "Two-sided p-value of the difference; blank for a mean gap varying on neither side (every respondent of "
            + "each the same gap), which has no standard error, so Welch's test is undefined: the row shows the values and their "
            + "difference, untested, and the report names it; blank too for a demand share of 0 (or 1) in the country and in the "
            + "others alike: nobody (or everybody) wants training on it, so there is nothing to test (untested, and named in the report).",
        "p_holm": "p_value adjusted by Holm's method across the topics of the country and measure compared in this "
            + "table (a topic not compared is not in the family, nor in the table: one whose figure is blanked, and a mean gap rated by one respondent on a side; nor is one not tested, whose p_holm is blank).",
        "difference_holds": "1 when p_holm is below 0.05 (the difference holds after Holm's correction), otherwise 0.",
        "wave": "The later survey wave, named by its folder or file.",
        "design": "independent (different respondents in each wave: Welch's interval for means, Newcombe's for shares) "
            + "or paired (the same respondents matched by their panel code: Student t intervals of the paired differences "
            + "for means; demand shares still compared as independent samples).",
        "n_before": "Respondents of the scope at the baseline.",
        "n_after": "Respondents of the scope in the wave.",
        "n_matched": "Respondents matched in both waves (paired design only).",
        "competence_before": "mean_competence at the baseline.",
        "competence_after": "mean_competence in the wave.",
        "competence_change": "competence_after − competence_before, in scale points; in the paired design, the mean of "
            + "the matched respondents' own changes (wave − baseline), which differs from competence_after − "
            + "competence_before, those being over every respondent of each wave.",
        "competence_change_ci_low": "Lower bound of the 95% interval of competence_change.",
        "competence_change_ci_high": "Upper bound of that interval.",
        "gap_before": "mean_gap at the baseline.",
        "gap_after": "mean_gap in the wave.",
        "gap_change": "gap_after − gap_before, in scale points (below 0: the need shrank); in the paired design, the "
            + "mean of the matched respondents' own changes in their gap, over those who rated the topic's importance "
            + "and competence in both waves.",
        "gap_change_ci_low": "Lower bound of the 95% interval of gap_change.",
        "gap_change_ci_high": "Upper bound of that interval.",
        "mwds_before": "mwds at the baseline.",
        "mwds_after": "mwds in the wave.",
        "mwds_change": "mwds_after − mwds_before.",
        "demand_share_before": "demand_share at the baseline, from 0 to 1.",
        "demand_share_after": "demand_share in the wave, from 0 to 1.",
        "demand_share_change": "demand_share_after − demand_share_before (0.10 is 10 percentage points).",
        "demand_share_change_ci_low": "Lower bound of the 95% interval of demand_share_change (blank, as are the "
            + "independent design's intervals of competence_change and gap_change, where either wave's table withholds "
            + "the scope's effective_n, which they rest on).",
        "demand_share_change_ci_high": "Upper bound of that interval.",
        "quadrant_before": "quadrant at the baseline.",
        "quadrant_after": "quadrant in the wave.",
        "left_first_priority": "1 when the topic was HH at the baseline and is not in the wave, 0 when not; blank when not known.",
        "note": "Why figures of the row are missing, when they are (ALL's paired changes are blank where they would "
            + "give back a country's, blank for too few matched respondents, or the change of the respondents of no "
            + "known country, too few matched beside every country's shown; a topic no respondent of the scope rated or "
            + "chose in one wave, though they rated others, is taken as not asked in that wave's form, its demand change blank: "
            + "its 0% would be no one's answer).",
        "session": "The session's number, in the order the plan schedules them.",
        "month": "The session's month (year-month).",
        "audience": "Who the session is for: ALL (the whole region) or a country code.",
        "organisation": "Who could deliver the training, from the plan's configuration.",
        "reason": "Why the topic was planned: regional_top_need (a top need in every country), included (named by "
            + "the configuration), regional_fill (the region's next greatest need), country_difference (the country's "
            + "need is higher than the others', holding after Holm's correction) or country_next_need (the country's next greatest need).",
        "expected_participants": "Respondents of the audience who chose the topic among those they would attend training on.",
    ]

    /// The meaning of a column, the group columns of a disaggregated table (`role`, `role_label`,
    /// after `country`) included.
    static func meaning(of column: String, in table: Table) -> String {
        if let by = table.byQuestion, let k = table.columns.firstIndex(of: column), k == 1 || k == 2 {
            guard table.byPlace else {
                return k == 1 ? "The respondent's answer to the question \(by) (the choice's name)." : "That answer's label."
            }
            // The rows of places typed are no choice: said so, or a code would read as a choice's name.
            return k == 1
                ? "The respondent's answer to the question \(by) (the choice's name); a place typed that no choice "
                    + "names is under the ISO 3166-2 code of the municipality it was read as, and one not recognised "
                    + "under a blank code (the text typed is never shown)."
                : "That answer's label (for a code, the municipality's name; for the places not recognised, "
                    + "place not recognised)."
        }
        return meanings[column] ?? ""
    }

    /// The meaning of a column when respondents are weighted: a share is then not demand_n out of
    /// respondents (mw's EE 31 of 71 is a share of 0.465 under --weights municipality, not 0.437).
    static func weightedMeaning(of column: String) -> String? {
        switch column {
        case "demand_share":
            return "The weight of the respondents who chose the topic among those they would attend training on, out of "
                + "the weight of all respondents of the scope (weighted_n), as a proportion from 0 to 1 (0.43 is 43%); "
                + "demand_n counts those respondents unweighted. Respondents whose file had no column asking who wants "
                + "training are left out of the base."
        default: return nil
        }
    }

    /// How every figure of the tables is computed, so that a partner can reproduce them: the
    /// formulas of the Statistics notes, with the weighting chosen. Without it a weighted interval
    /// (reliability weights, Kish's n in place of n) or a share's weighted definition could not be
    /// worked out from the tables.
    /// `minCell`: under municipality weighting, the municipalities shown only pooled below it weigh as one.
    static func formulas(weights: AggregationOptions.Weights, region: AggregationOptions.Region, minCell: Int = 1) -> [String] {
        var text = [
            "How the figures are computed (every interval 95%; z = 1.959963984540054, the normal's 0.975 quantile). "
                + "A mean x̄ of n ratings has the interval x̄ ± t·s/√n, t the 0.975 quantile of Student's t with n − 1 "
                + "degrees of freedom and s the standard deviation with n − 1 (no interval for one rating; of width "
                + "0 when every rating is the same). mwds = mean_gap × mean_importance, each over the respondents who "
                + "rated it; mwds_rank ranks the scope's topics whose mwds is shown, and quadrant splits each axis at "
                + "the mean over the topics whose mean_importance and mean_gap are shown, a topic at the mean being H. "
                + "A share p of n respondents has Wilson's score interval (p + z²/2n ± z·√(p(1 − p)/n + "
                + "z²/4n²)) / (1 + z²/n). In country_differences.csv (the country the first sample, the others pooled the "
                + "second) and waves.csv (the wave first, the baseline second), two means are compared by Welch's t = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂) with "
                + "Welch–Satterthwaite degrees of freedom (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)), "
                + "its p two-sided; two shares by Newcombe's hybrid score interval (1998, method 10) from their Wilson "
                + "intervals (l, u): d − √((p₁ − l₁)² + (u₂ − p₂)²) to d + √((u₁ − p₁)² + (p₂ − l₂)²) for d = p₁ − p₂, "
                + "and the two-proportion z test on the pooled share (p₁n₁ + p₂n₂)/(n₁ + n₂). Holm: the k-th smallest "
                + "of m p-values is multiplied by m − k + 1, none below the one before, at most 1. A paired change "
                + "(waves.csv, paired design) is the mean of the matched respondents' differences with its t interval.",
        ]
        var weighted: [String] = []
        switch weights {
        case .respondent: break
        case .municipality:
            weighted.append("Each respondent of a recognised municipality m of country c weighs N_c / (M_c · n_m): N_c the "
                + "country's respondents, M_c its recognised municipalities, n_m the municipality's respondents; the others weigh 0."
                + (minCell > 1 ? " The municipalities of fewer than \(minCell) respondents, shown only in the row pooling them, "
                    + "are one m (counted once in M_c, n_m their respondents together): weighed one by one, that row's share, "
                    + "their shares' mean, beside its counts would give each one's back." : ""))
        case .column: weighted.append("Each respondent weighs the number in the weight column.")
        }
        if region == .countryEqual {
            weighted.append("In ALL, the weights of country c are multiplied by W / (K · W_c): W_c the country's sum of "
                + "weights, W that of the K countries together, so each country weighs W / K.")
        }
        if !weighted.isEmpty {
            text.append(weighted.joined(separator: " ") + " With weights w, a mean is Σwx / Σw and a share the Σw of those "
                + "who chose the topic over Σw; s² = Σw(x − x̄)² / Σw × n_eff / (n_eff − 1), and Kish's effective sample "
                + "size n_eff = (Σw)² / Σw² of the respondents behind a figure takes the place of n in its interval, "
                + "test and degrees of freedom.")
        }
        text.append("The reports show the tables' 12-decimal figures to 2 decimals, or shares as whole percentages and "
            + "their changes in percentage points to 2 decimals, rounded half away from zero as Excel's ROUND does "
            + "(3.625 is 3.63, 0.125 is 13%).")
        return text
    }

    /// The dictionary as a document: how to read every table, then each table's columns.
    /// `weighting` is the reports' statement of the weighting and suppression.
    static func document(_ tables: [Table], title: String, weighting: String, minCell: Int, style: CSVStyle,
                         weights: AggregationOptions.Weights = .respondent,
                         region: AggregationOptions.Region = .pooled, issueCodes: [String] = []) -> ReportDocument {
        var doc = ReportDocument(title: "Data dictionary: " + title, language: "en")
        let weighted = weights != .respondent || region == .countryEqual
        let format = style.excel
            ? "Each table is a CSV file for Excel in Baltic locales: UTF-8 with a byte order mark, semicolons between cells and decimal commas."
            : "Each table is a CSV file: UTF-8, commas between cells, a point as the decimal separator."
        doc.paragraph(format + (style.hxl ? " The second row holds HXL hashtags (hxlstandard.org) naming each column." : "")
            + " Figures have full precision (12 decimals); the reports round means and scores to 2 decimals and show shares as whole percentages.")
        doc.paragraph(weighting)
        for paragraph in formulas(weights: weights, region: region, minCell: minCell) { doc.paragraph(paragraph) }
        doc.paragraph("A blank cell holds a figure that cannot be computed (nobody in the row answered the question) "
            + "or is suppressed: it rests on fewer than \(minCell) respondents"
            + (weighted ? " (or on an effective sample size n_eff below \(minCell): one dominant weight)" : "")
            + ", or it is blanked so that a suppressed "
            + "one cannot be worked out from totals. A row whose counts are blank is suppressed whole.")
        // The folder is what partners receive: nothing in it said that clean/, written beside these
        // tables, holds each respondent's record, places as typed and free text, for the academy only.
        doc.paragraph("The folder's clean/ (responses.csv, issues.csv, quarantine.csv) is the academy's working folder, "
            + "not for partners: it holds each respondent's record, places as written and free text. Leave it out "
            + "when sharing the reports; the tables described here hold none of it.")
        for table in tables {
            doc.heading(2, table.file)
            doc.paragraph(purpose(of: table.file, byQuestion: table.byQuestion))
            doc.blocks.append(.table(header: ["Column", "Meaning"], alignments: [.left, .left],
                                     rows: table.columns.map { column in
                                         [column, (weighted ? weightedMeaning(of: column) : nil) ?? meaning(of: column, in: table)]
                                     }))
        }
        // The reports' data quality sections count issues by code, which no partner could look up.
        if !issueCodes.isEmpty {
            doc.heading(2, "Data quality codes")
            doc.paragraph("The reports' data quality sections count what was found in the survey files by code. "
                + "Each finding's file, line and column are in the cleaning log, clean/issues.csv, which stays with the academy. "
                + "The codes counted in these reports:")
            doc.blocks.append(.table(header: ["Code", "Meaning"], alignments: [.left, .left],
                                     rows: issueCodes.map { [$0, IssueCodes.explanation(of: $0) ?? "See the cleaning log."] }))
        }
        return doc
    }
}
