/// waves.csv: per wave, scope and topic, the change since the baseline.
public enum WavesTable {
    public static let columns = [
        "wave", "country", "topic", "topic_label", "design", "n_before", "n_after", "n_matched", "competence_before",
        "competence_after", "competence_change", "competence_change_ci_low", "competence_change_ci_high", "gap_before",
        "gap_after", "gap_change", "gap_change_ci_low", "gap_change_ci_high", "mwds_before", "mwds_after", "mwds_change",
        "demand_share_before", "demand_share_after", "demand_share_change", "demand_share_change_ci_low",
        "demand_share_change_ci_high", "quadrant_before", "quadrant_after", "left_first_priority", "note",
    ]

    public static func render(_ changes: [WaveChange], style: CSVStyle = CSVStyle()) -> String {
        var writer = style.writer()
        style.header(columns, into: &writer)
        let full = NumberFormat.full
        for c in changes {
            writer.row([
                .text(c.wave), .figure(c.country), .text(c.topic), .text(c.topicLabel), .figure(c.design.rawValue),
                .figure(c.countsHidden ? "" : String(c.nBefore)), .figure(c.countsHidden ? "" : String(c.nAfter)),
                .figure(c.countsHidden ? "" : c.nMatched.map(String.init) ?? ""),
                .figure(full(c.competenceBefore)), .figure(full(c.competenceAfter)), .figure(full(c.competenceChange)),
                .figure(full(c.competenceCI?.low)), .figure(full(c.competenceCI?.high)), .figure(full(c.gapBefore)),
                .figure(full(c.gapAfter)), .figure(full(c.gapChange)), .figure(full(c.gapCI?.low)), .figure(full(c.gapCI?.high)),
                .figure(full(c.mwdsBefore)), .figure(full(c.mwdsAfter)), .figure(full(c.mwdsChange)),
                .figure(full(c.demandBefore)), .figure(full(c.demandAfter)), .figure(full(c.demandChange)),
                .figure(full(c.demandCI?.low)), .figure(full(c.demandCI?.high)), .figure(c.quadrantBefore),
                .figure(c.quadrantAfter), .figure(!c.firstPriorityKnown ? "" : c.leftFirstPriority ? "1" : "0"), .text(c.note),
            ])
        }
        return writer.text
    }
}

extension Charts {
    /// Mean competence per topic at baseline (hollow) and in the later wave (filled), joined by a line,
    /// on an axis spanning the competence `scale` (the instrument's points; widened to any mean
    /// outside it), so that a 0-10 or 1-7 scale's means stay in the plot.
    public static func dumbbell(_ changes: [WaveChange], id: String, title: String, labels: ChartLabels,
                                scale: ClosedRange<Double> = 1...5) -> String {
        let rows = changes.filter { $0.competenceBefore != nil && $0.competenceAfter != nil }
        let left = 300, plotWidth = 320, top = 50, rowHeight = 26
        let wave = changes.first?.wave ?? ""
        // A wave is named by its folder: a long name ran past the right edge, in the title (the
        // country after it lost) and in the legend. The chart widens to hold both.
        // The wave's mark after the baseline's word, however long (`исходный опрос` ran under it
        // at a fixed place: a reviewer's reading).
        let second = left + max(90, Int((10 + textWidth(labels.baseline, fontSize: 10) + 16).rounded(.up)))
        let textEnd = max(10 + textWidth(title, fontSize: 12, bold: true), Double(second + 10) + textWidth(wave, fontSize: 10)) + 10
        let width = max(left + plotWidth + 40, Int((textEnd - 1e-6).rounded(.up))), height = top + max(1, rows.count) * rowHeight + 40
        let means = rows.flatMap { [$0.competenceBefore!, $0.competenceAfter!] }
        let low = min(scale.lowerBound, means.min() ?? scale.lowerBound).rounded(.down)
        let high = max(low + 1, max(scale.upperBound, means.max() ?? scale.upperBound).rounded(.up))
        func x(_ v: Double) -> Double { Double(left) + (v - low) / (high - low) * Double(plotWidth) }
        let description = rows.map { "\($0.topicLabel): \(labels.decimal(NumberFormat.short($0.competenceBefore))) → \(labels.decimal(NumberFormat.short($0.competenceAfter)))" }
            .joined(separator: "; ")
        var svg = open(width: width, height: height, id: id, title: title, description: description)
        svg += "<text x=\"10\" y=\"18\" font-size=\"12\" font-weight=\"bold\">\(esc(title))</text>\n"
        svg += "<circle cx=\"\(left)\" cy=\"34\" r=\"5\" fill=\"#ffffff\" stroke=\"#0072B2\" stroke-width=\"2\"/><text x=\"\(left + 10)\" y=\"38\" font-size=\"10\">\(esc(labels.baseline))</text>\n"
        svg += "<circle cx=\"\(second)\" cy=\"34\" r=\"5\" fill=\"#D55E00\"/><text x=\"\(second + 10)\" y=\"38\" font-size=\"10\">\(esc(wave))</text>\n"
        // A tick per point of a short scale; a nice step on a long one.
        let step = high - low <= 10 ? 1 : niceStep(high - low).rounded(.up)
        var v = low
        while v <= high + 1e-9 {
            let tx = number(x(v))
            svg += "<line x1=\"\(tx)\" y1=\"\(top - 4)\" x2=\"\(tx)\" y2=\"\(height - 34)\" stroke=\"#e3e3e3\"/>\n"
            svg += "<text x=\"\(tx)\" y=\"\(height - 20)\" text-anchor=\"middle\">\(NumberFormat.fixed(v, decimals: 0))</text>\n"
            v += step
        }
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 4)\" text-anchor=\"middle\">\(esc(labels.competenceAxis))</text>\n"
        for (index, c) in rows.enumerated() {
            let y = top + index * rowHeight + rowHeight / 2
            let a = x(c.competenceBefore!), b = x(c.competenceAfter!)
            svg += label(c.topicLabel, x: Double(left - 8), centre: Double(y), width: Double(left - 12))
            svg += "<line x1=\"\(number(a))\" y1=\"\(y)\" x2=\"\(number(b))\" y2=\"\(y)\" stroke=\"#555\" stroke-width=\"2\"/>\n"
            svg += "<circle cx=\"\(number(a))\" cy=\"\(y)\" r=\"5\" fill=\"#ffffff\" stroke=\"#0072B2\" stroke-width=\"2\"/>\n"
            svg += "<circle cx=\"\(number(b))\" cy=\"\(y)\" r=\"5\" fill=\"#D55E00\"><title>\(esc(c.topicLabel)): \(labels.decimal(NumberFormat.short(c.competenceBefore))) → \(labels.decimal(NumberFormat.short(c.competenceAfter)))</title></circle>\n"
        }
        return svg + "</svg>\n"
    }
}
