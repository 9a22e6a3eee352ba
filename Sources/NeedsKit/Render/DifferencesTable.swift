/// country_differences.csv: each country against the rest of the region pooled, per topic and measure.
public enum DifferencesTable {
    public static let columns = [
        "country", "topic", "topic_label", "measure", "country_value", "others_value", "country_n", "others_n", "difference",
        "difference_ci_low", "difference_ci_high", "p_value", "p_holm", "difference_holds",
    ]

    public static func render(_ rows: [CountryDifference], style: CSVStyle = CSVStyle()) -> String {
        var writer = style.writer()
        style.header(columns, into: &writer)
        for r in rows {
            // An untested difference (no spread on either side) has no p; a mean gap's, no
            // interval either (a share's is there).
            let full: (Double) -> String = { r.tested ? NumberFormat.full($0) : "" }
            let bound: (Double) -> String = { $0.isNaN ? "" : NumberFormat.full($0) }
            writer.row([
                .figure(r.country), .text(r.topic), .text(r.topicLabel), .figure(r.measure.rawValue),
                .figure(NumberFormat.full(r.countryValue)), .figure(NumberFormat.full(r.othersValue)), .figure(String(r.countryN)),
                .figure(String(r.othersN)), .figure(NumberFormat.full(r.difference)), .figure(bound(r.low)), .figure(bound(r.high)),
                .figure(full(r.p)), .figure(full(r.pHolm)), .figure(r.holds ? "1" : "0"),
            ])
        }
        return writer.text
    }
}
