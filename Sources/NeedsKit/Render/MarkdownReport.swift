/// report.md: what a programme designer reads in two minutes.
public enum MarkdownReport {
    public static func render(
        instrument: Instrument, aggregator: Aggregator, figures: [TopicFigures], differences: [CountryDifference],
        outcome: RunOutcome
    ) -> String {
        let minCell = aggregator.options.minCell
        var md = "# Training needs: \(escape(instrument.formTitle.isEmpty ? instrument.formID : instrument.formTitle))\n\n"
        if !instrument.formID.isEmpty { md += "Instrument `\(escape(instrument.formID))`" } else { md += "Instrument" }
        md += instrument.version.isEmpty ? ". " : " version \(escape(instrument.version)). "
        md += weightingStatement(aggregator.options) + " "
        md += "\n\n"

        md += "## Who answered\n\n| Country | Respondents | Municipalities |\n|---|---:|---:|\n"
        for country in aggregator.scopeRespondents.keys.sorted(by: Aggregator.scopeOrder) {
            let respondents = aggregator.scopeRespondents[country] ?? 0
            let municipalities = aggregator.municipalityRespondents.keys.filter { $0.country == country || country == "ALL" }.count
            md += "| \(country == "ALL" ? "Region (ALL)" : country) | \(respondents) | \(municipalities) |\n"
        }
        md += "\n"
        if instrument.topics.isEmpty {
            md += "The instrument defines no training topics (no `topic` and `measure` columns), so there are no topic figures.\n\n"
        }

        if !instrument.topics.isEmpty { md += "## Top needs (Borich MWDS)\n\n" }
        for country in Set(figures.map(\.country)).sorted(by: Aggregator.scopeOrder) {
            let rows = figures.filter { $0.country == country && $0.mwdsRank != nil }.sorted { ($0.mwdsRank!, $0.topic) < ($1.mwdsRank!, $1.topic) }
            md += "### \(country == "ALL" ? "Region (ALL)" : country)\n\n"
            guard let first = rows.first, !first.countsHidden else {
                md += "Too few respondents to report (fewer than \(minCell)).\n\n"
                continue
            }
            md += "| Rank | Topic | MWDS | Mean importance | Mean gap (95% CI) | Want training | Quadrant |\n|---:|---|---:|---:|---|---:|:-:|\n"
            for f in rows {
                let gapCI = f.gapCI.map { "\(NumberFormat.short($0.low)) to \(NumberFormat.short($0.high))" } ?? "–"
                md += "| \(f.mwdsRank!) | \(escape(f.topicLabel)) | \(NumberFormat.short(f.mwds)) | \(NumberFormat.short(f.meanImportance)) | \(NumberFormat.short(f.meanGap)) (\(gapCI)) | \(NumberFormat.percent(f.demandShare)) | \(f.quadrant ?? "–") |\n"
            }
            md += "\n"
        }

        let holding = differences.filter(\.holds)
        if !differences.isEmpty {
            md += "## Where countries differ\n\n"
            if holding.isEmpty {
                md += "No country differs from the others pooled on any topic once p-values are Holm-corrected (5% level).\n\n"
            } else {
                md += "| Country | Topic | Measure | Country | Others | Difference (95% CI) |\n|---|---|---|---:|---:|---|\n"
                for d in holding {
                    let format: (Double) -> String = d.measure == .demandShare ? { NumberFormat.percent($0) } : { NumberFormat.short($0) }
                    md += "| ⚑ \(d.country) | \(escape(d.topicLabel)) | \(d.measure == .demandShare ? "want training" : "mean gap") | \(format(d.countryValue)) | \(format(d.othersValue)) | \(NumberFormat.short(d.difference)) (\(NumberFormat.short(d.low)) to \(NumberFormat.short(d.high))) |\n"
                }
                md += "\nFull table: [country_differences.csv](country_differences.csv).\n\n"
            }
        }

        md += "## Data quality\n\n"
        let totals = outcome.accounts.reduce(into: (read: 0, respondents: 0, duplicates: 0, blank: 0, quarantined: 0)) {
            $0.read += $1.recordsRead
            $0.respondents += $1.respondents
            $0.duplicates += $1.duplicates
            $0.blank += $1.blankRows
            $0.quarantined += $1.quarantined
        }
        var counts: [String: Int] = [:]
        for issue in outcome.issues { counts[issue.code, default: 0] += 1 }
        md += "\(outcome.accounts.count) file(s), \(totals.read) record(s) read: \(totals.respondents) respondent(s), "
        md += "\(totals.duplicates) duplicate(s), \(totals.blank) blank row(s), \(totals.quarantined) quarantined. "
        let notable = counts.keys.sorted().map { "\($0.replacingOccurrences(of: "_", with: " ")) \(counts[$0]!)" }
        md += notable.isEmpty ? "No issues were found. " : "Issues: \(notable.joined(separator: ", ")). "
        md += "Every change is listed in [clean/issues.csv](clean/issues.csv).\n\n"

        md += "## Methods\n\n"
        md += "- Importance and competence are rated on the instrument's scales; a choice scores as its name when that is a number, otherwise its position in the list.\n"
        md += "- Mean gap = mean of (importance − competence) over respondents who rated both; MWDS = mean gap × mean importance (Borich 1980). Rank 1 is the greatest need; ties share the lower rank.\n"
        md += "- Intervals are 95%: Student t for means, Wilson score for shares.\n"
        md += "- Quadrants (Locus for Focus): importance and gap each split at their mean over the scope's topics; HH is the first priority.\n"
        md += "- Full-precision figures: [topic_demand.csv](topic_demand.csv), per municipality [topic_demand_by_municipality.csv](topic_demand_by_municipality.csv).\n"
        return md
    }

    /// One sentence saying how respondents were weighted and how the region was formed.
    static func weightingStatement(_ options: AggregationOptions) -> String {
        var text: String
        switch options.weights {
        case .respondent: text = "Weighting: every respondent counts once."
        case .municipality: text = "Weighting: each municipality counts equally within its country; intervals use Kish's effective sample size."
        case let .column(name): text = "Weighting: by the column `\(escape(name))`; intervals use Kish's effective sample size."
        }
        switch options.region {
        case .pooled: text += " The region (ALL) pools every respondent."
        case .countryEqual: text += " In the region (ALL) each country weighs the same."
        }
        return text + " Figures from fewer than \(options.minCell) respondents are suppressed."
    }

    /// Text from the inputs made inert in Markdown: pipes, backticks, HTML and emphasis characters escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "|", "`", "*", "_", "[", "]", "<", ">", "#", "\\": out += "\\" + String(ch)
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
