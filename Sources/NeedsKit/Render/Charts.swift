/// SVG charts written by the code: no browser, no plotting library. Colours from the Okabe–Ito
/// palette (safe for colour-blind readers); every chart has a `<title>` and a `<desc>` for screen
/// readers; text from the inputs is escaped as XML.
public enum Charts {
    /// Quadrant colours: first priority stands out; the legend names them.
    static let quadrantColour = ["HH": "#D55E00", "HL": "#E69F00", "LH": "#56B4E9", "LL": "#999999"]
    static let font = "font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\""

    static func esc(_ text: String) -> String { HTMLRenderer.escape(text) }

    static func number(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }

    /// A label as much of it as fits in `width` pixels of text `fontSize` high, cut with `…`: the
    /// widths are a generous estimate for DejaVu Sans, the widest of the charts' fonts. (Cut at 46
    /// characters, a Russian label such as "Противодействие дезинформации и ложной информации" ran
    /// about 30 pixels past the chart's left edge, its first word lost.)
    static func fit(_ text: String, width: Double, fontSize: Double = 11) -> String {
        guard textWidth(text, fontSize: fontSize) > width else { return text }
        var used = advance("…") * fontSize, kept = 0
        for character in text {
            let w = advance(character) * fontSize
            if used + w > width { break }
            used += w
            kept += 1
        }
        return String(text.prefix(kept)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A label in at most two lines of `width` pixels, broken between words, the second cut with
    /// `…` if it still does not fit (`fit`): a topic's name in Russian or Latvian, cut on one line,
    /// lost its last words in every chart (`Противодействие дезинформации и ложной…`: a reviewer's
    /// reading). One line when it fits, or when its first word alone does not.
    static func lines(_ text: String, width: Double, fontSize: Double = 11) -> [String] {
        guard textWidth(text, fontSize: fontSize) > width else { return [text] }
        let all = wrapped(text, width: width, fontSize: fontSize)
        // (A first line of a list's number alone, `2.`, is none: the name is cut on one line.)
        guard all.count > 1, let firstWord = text.split(separator: " ").first,
              textWidth(String(firstWord), fontSize: fontSize) <= width,
              !all[0].allSatisfy({ $0.isNumber || $0 == "." }) else {
            return [fit(text, width: width, fontSize: fontSize)]
        }
        return [all[0], fit(all.dropFirst().joined(separator: " "), width: width, fontSize: fontSize)]
    }

    /// A note broken between words into as many lines of `width` pixels as it needs (a word
    /// longer than a line is cut, `fit`).
    static func wrapped(_ text: String, width: Double, fontSize: Double = 11) -> [String] {
        var result: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if line.isEmpty || textWidth(candidate, fontSize: fontSize) <= width {
                line = candidate
            } else {
                result.append(fit(line, width: width, fontSize: fontSize))
                line = word
            }
        }
        if !line.isEmpty || result.isEmpty { result.append(fit(line, width: width, fontSize: fontSize)) }
        return result
    }

    /// A `<text>` of `lines(text)` centred on `centre` (its middle, vertically), at `x`: one line,
    /// or two a line apart.
    static func label(_ text: String, x: Double, centre: Double, width: Double, fontSize: Double = 11,
                      anchor: String = "end", attributes: String = "") -> String {
        let parts = lines(text, width: width, fontSize: fontSize)
        let step = fontSize * 1.15
        let baseline = centre + fontSize * 0.35 - step * Double(parts.count - 1) / 2
        let size = fontSize == 11 ? "" : " font-size=\"\(number(fontSize))\""
        let anchorAttribute = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
        guard parts.count == 2 else {
            return "<text x=\(quoted(x)) y=\(quoted(baseline))\(anchorAttribute)\(size)\(attributes)>\(esc(parts[0]))</text>\n"
        }
        return "<text x=\(quoted(x)) y=\(quoted(baseline))\(anchorAttribute)\(size)\(attributes)>"
            + "<tspan x=\(quoted(x)) y=\(quoted(baseline))>\(esc(parts[0]))</tspan>"
            + "<tspan x=\(quoted(x)) y=\(quoted(baseline + step))>\(esc(parts[1]))</tspan></text>\n"
    }

    /// About how wide `text` is drawn `fontSize` pixels high, by `advance`; bold about 15% wider.
    static func textWidth(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        text.reduce(0) { $0 + advance($1) * fontSize } * (bold ? 1.15 : 1)
    }

    /// About how wide a character is, in ems: a little more than in DejaVu Sans (measured in a
    /// browser, labels of the five languages come out 2-5% wider than drawn).
    static func advance(_ character: Character) -> Double {
        if " .,:;'!|ilIj".contains(character) { return 0.3 }
        if "()[]/-ftr\"".contains(character) { return 0.42 }
        if "mwMWжшщюыфЖШЩЮЫФ…—%@æœÆŒ".contains(character) { return 1.08 }
        if "мдцъ".contains(character) || character.isUppercase { return 0.8 }
        return 0.62
    }

    static func open(width: Int, height: Int, id: String, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" \(font) font-size=\"11\">\n"
            + "<title id=\"\(id)-title\">\(esc(title))</title>\n<desc id=\"\(id)-desc\">\(esc(description))</desc>\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    }

    /// Ranked bars of MWDS for one scope, whiskers at the mean gap's 95% interval times the mean
    /// importance, coloured by Locus-for-Focus quadrant.
    public static func mwdsBars(_ rows: [TopicFigures], id: String, title: String, labels: ChartLabels) -> String {
        let ranked = rows.filter { $0.mwds != nil }.sorted { ($0.mwdsRank ?? .max, $0.topic) < ($1.mwdsRank ?? .max, $1.topic) }
        let barHeight = 22, gap = 8, left = 300, right = 40, top = 54
        let plotWidth = 360
        let height = top + max(1, ranked.count) * (barHeight + gap) + 50
        let width = left + plotWidth + right
        // The axis spans the whiskers too: a gap interval reaching below 0 draws left of 0.
        let values = ranked.flatMap { f -> [Double] in
            let m = f.mwds!
            let lo = f.gapCI.map { $0.low * (f.meanImportance ?? 0) } ?? m
            let hi = f.gapCI.map { $0.high * (f.meanImportance ?? 0) } ?? m
            return [m, lo, hi, 0]
        }
        let high = max(1, values.max() ?? 1)
        let step = niceStep(high - min(0, values.min() ?? 0))
        // Below 0 the axis starts at a tick, so that no tick falls left of the plot, on the labels.
        let low = (min(0, values.min() ?? 0) / step).rounded(.down) * step
        func x(_ v: Double) -> Double { Double(left) + (v - low) / (high - low) * Double(plotWidth) }
        let description = ranked.map { "\($0.mwdsRank ?? 0). \($0.topicLabel): \(labels.decimal(NumberFormat.short($0.mwds))) (\($0.quadrant ?? "–"))" }
            .joined(separator: "; ")
        var svg = open(width: width, height: height, id: id, title: title, description: description)
        svg += "<text x=\"10\" y=\"18\" font-size=\"12\" font-weight=\"bold\">\(esc(title))</text>\n"
        // Grid and axis, each tick with the decimals its step needs (2.5 is not 2).
        var decimals = 0, scaled = step
        while decimals < 3 && abs(scaled - scaled.rounded()) > 1e-6 {
            decimals += 1
            scaled *= 10
        }
        var tick = (low / step).rounded(.down) * step
        while tick <= high + 1e-9 {
            let tx = x(tick)
            svg += "<line x1=\"\(number(tx))\" y1=\"\(top - 4)\" x2=\"\(number(tx))\" y2=\"\(height - 40)\" stroke=\"#e3e3e3\"/>\n"
            svg += "<text x=\"\(number(tx))\" y=\"\(height - 26)\" text-anchor=\"middle\" fill=\"#333\">\(labels.decimal(NumberFormat.fixed(tick, decimals: decimals)))</text>\n"
            tick += step
        }
        svg += "<line x1=\"\(number(x(0)))\" y1=\"\(top - 4)\" x2=\"\(number(x(0)))\" y2=\"\(height - 40)\" stroke=\"#555\"/>\n"
        svg += "<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 8)\" text-anchor=\"middle\">\(esc(labels.mwdsAxis))</text>\n"
        for (index, f) in ranked.enumerated() {
            let y = top + index * (barHeight + gap)
            let m = f.mwds!
            let colour = quadrantColour[f.quadrant ?? ""] ?? "#0072B2"
            let x0 = x(min(0, m)), x1 = x(max(0, m))
            svg += label(f.topicLabel, x: Double(left - 8), centre: Double(y) + Double(barHeight) / 2, width: Double(left - 12))
            svg += "<rect x=\(quoted(x0)) y=\"\(y)\" width=\(quoted(max(0.5, x1 - x0))) height=\"\(barHeight)\" fill=\"\(colour)\"><title>\(esc(f.topicLabel)): \(labels.decimal(NumberFormat.short(m)))</title></rect>\n"
            if let ci = f.gapCI, let importance = f.meanImportance {
                let cy = Double(y) + Double(barHeight) / 2
                let a = x(ci.low * importance), b = x(ci.high * importance)
                svg += "<line x1=\(quoted(a)) y1=\(quoted(cy)) x2=\(quoted(b)) y2=\(quoted(cy)) stroke=\"#111\" stroke-width=\"1.5\"/>\n"
                svg += "<line x1=\(quoted(a)) y1=\(quoted(cy - 5)) x2=\(quoted(a)) y2=\(quoted(cy + 5)) stroke=\"#111\" stroke-width=\"1.5\"/>\n"
                svg += "<line x1=\(quoted(b)) y1=\(quoted(cy - 5)) x2=\(quoted(b)) y2=\(quoted(cy + 5)) stroke=\"#111\" stroke-width=\"1.5\"/>\n"
            }
        }
        svg += legend(x: left, y: 38, labels: labels)
        return svg + "</svg>\n"
    }

    /// Locus for Focus: topics by mean importance (x) and mean gap (y), lines at the means.
    /// Each point is numbered by its topic's MWDS rank, as the MWDS chart and the table beside it
    /// number it (topics without ranks: in order); numbered in topic order, the chart's "1." was
    /// another topic than theirs.
    public static func locusScatter(_ rows: [TopicFigures], id: String, title: String, labels: ChartLabels) -> String {
        let plotted = rows.enumerated().compactMap { k, f -> (TopicFigures, Double, Double, Int)? in
            guard let i = f.meanImportance, let g = f.meanGap else { return nil }
            return (f, i, g, k)
        }
        let ranked = plotted.allSatisfy { $0.0.mwdsRank != nil }
        let points = (ranked ? plotted.sorted { ($0.0.mwdsRank!, $0.3) < ($1.0.mwdsRank!, $1.3) } : plotted).map { ($0.0, $0.1, $0.2) }
        let numbers = points.enumerated().map { k, point in ranked ? point.0.mwdsRank! : k + 1 }
        // The plot keeps its size; the chart grows under it when the numbered list of topics beside
        // it is longer (a 24th topic was drawn below the chart's edge).
        let width = 720, frame = 420, left = 60, right = 290, top = 40, bottom = 50
        // Each topic's line of the list, or two (a long name broken between words, the second
        // line under the first's text, past its number).
        let listed = points.enumerated().map { index, point -> (parts: [String], indent: Double) in
            var parts = lines("\(numbers[index]). " + point.0.topicLabel, width: Double(right - 16), fontSize: 10)
            // The second line stands past the number: it has that much less room (it had run past
            // the chart's edge: a reviewer's measure).
            let indent = textWidth("\(numbers[index]). ", fontSize: 10)
            if parts.count == 2 { parts[1] = fit(parts[1], width: Double(right - 16) - indent, fontSize: 10) }
            return (parts, indent)
        }
        let listHeight = listed.reduce(0) { $0 + 16 + 12 * ($1.parts.count - 1) }
        let height = max(frame, top + 14 + listHeight)
        let xs = points.map(\.1), ys = points.map(\.2)
        // A tick a point of the scale on a 1-5 or 1-7 scale; on a 0-100 one every 10 or 20 (a
        // tick a point wrote 100 numbers one on another). The axes reach 0.3 of a step past the
        // points, to a whole number; the y axis holds 0 and 1 whatever the gaps' sign.
        let xStep = axisStep((xs.max() ?? 5) - (xs.min() ?? 1))
        let yStep = axisStep(max(1, ys.max() ?? 1) - min(0, ys.min() ?? 0))
        let xLow = ((xs.min() ?? 1) - 0.3 * xStep).rounded(.down), xHigh = ((xs.max() ?? 5) + 0.3 * xStep).rounded(.up)
        let yLow = min(0, ((ys.min() ?? 0) - 0.3 * yStep).rounded(.down))
        let yHigh = max(1, ((ys.max() ?? 1) + 0.3 * yStep).rounded(.up))
        let plotW = Double(width - left - right), plotH = Double(frame - top - bottom)
        func px(_ v: Double) -> Double { Double(left) + (v - xLow) / (xHigh - xLow) * plotW }
        func py(_ v: Double) -> Double { Double(top) + (1 - (v - yLow) / (yHigh - yLow)) * plotH }
        let description = points.map { "\($0.0.topicLabel): \(labels.importance) \(labels.decimal(NumberFormat.short($0.1))), \(labels.gap) \(labels.decimal(NumberFormat.short($0.2))), \($0.0.quadrant ?? "–")" }
            .joined(separator: "; ")
        var svg = open(width: width, height: height, id: id, title: title, description: description)
        svg += "<text x=\"\(left)\" y=\"20\" font-size=\"12\" font-weight=\"bold\">\(esc(title))</text>\n"
        svg += "<rect x=\"\(left)\" y=\"\(top)\" width=\(quoted(plotW)) height=\(quoted(plotH)) fill=\"none\" stroke=\"#555\"/>\n"
        // Ticks at whole steps within the axis.
        var v = (xLow / xStep).rounded(.up) * xStep
        while v <= xHigh + 1e-9 {
            svg += "<text x=\(quoted(px(v))) y=\"\(frame - bottom + 16)\" text-anchor=\"middle\">\(NumberFormat.fixed(v, decimals: 0))</text>\n"
            v += xStep
        }
        v = (yLow / yStep).rounded(.up) * yStep
        while v <= yHigh + 1e-9 {
            svg += "<text x=\"\(left - 8)\" y=\(quoted(py(v) + 4)) text-anchor=\"end\">\(NumberFormat.fixed(v, decimals: 0))</text>\n"
            v += yStep
        }
        svg += "<text x=\(quoted(Double(left) + plotW / 2)) y=\"\(frame - 12)\" text-anchor=\"middle\">\(esc(labels.importanceAxis))</text>\n"
        svg += "<text transform=\"translate(16 \(number(Double(top) + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(esc(labels.gapAxis))</text>\n"
        if !points.isEmpty {
            let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
            svg += "<line x1=\(quoted(px(mx))) y1=\"\(top)\" x2=\(quoted(px(mx))) y2=\(quoted(Double(top) + plotH)) stroke=\"#777\" stroke-dasharray=\"4 3\"/>\n"
            svg += "<line x1=\"\(left)\" y1=\(quoted(py(my))) x2=\(quoted(Double(left) + plotW)) y2=\(quoted(py(my))) stroke=\"#777\" stroke-dasharray=\"4 3\"/>\n"
            // Each quadrant named in its corner, in its points' colour (importance, gap): only HH
            // was, and the HL, LH and LL points' colours had no key on this chart.
            for (quadrant, right, high) in [("HH", true, true), ("LH", false, true), ("HL", true, false), ("LL", false, false)] {
                let x = right ? Double(left) + plotW - 4 : Double(left) + 4, y = high ? Double(top) + 14 : Double(top) + plotH - 6
                svg += "<text x=\(quoted(x)) y=\(quoted(y)) text-anchor=\"\(right ? "end" : "start")\" fill=\"\(quadrantColour[quadrant]!)\" font-weight=\"bold\">\(quadrant)</text>\n"
            }
        }
        // Each point's number goes to its right, or, where another number or point is, to its left,
        // above or below it: two topics at one point had their numbers drawn one on the other.
        let centres = points.map { (x: px($0.1), y: py($0.2)) }
        let circles = centres.map { Box(x0: $0.x - 6, y0: $0.y - 6, x1: $0.x + 6, y1: $0.y + 6) }
        var taken: [Box] = []
        func numberPlace(_ index: Int) -> (x: Double, y: Double) {
            let (cx, cy) = centres[index], w = textWidth(String(numbers[index]), fontSize: 10)
            let places = [(x: cx + 8, y: cy + 4), (x: cx - 8 - w, y: cy + 4), (x: cx - w / 2, y: cy - 9),
                          (x: cx - w / 2, y: cy + 17)]
            func box(_ p: (x: Double, y: Double)) -> Box { Box(x0: p.x, y0: p.y - 8, x1: p.x + w, y1: p.y + 1) }
            let others = taken + circles.enumerated().filter { $0.offset != index }.map(\.element)
            let place = places.first { p in !others.contains { $0.overlaps(box(p)) } } ?? places[0]
            taken.append(box(place))
            return place
        }
        var listY = top + 14
        for (index, point) in points.enumerated() {
            let (f, i, g) = point
            let colour = quadrantColour[f.quadrant ?? ""] ?? "#0072B2"
            let place = numberPlace(index)
            svg += "<circle cx=\(quoted(px(i))) cy=\(quoted(py(g))) r=\"6\" fill=\"\(colour)\" stroke=\"#111\"><title>\(esc(f.topicLabel))</title></circle>\n"
            svg += "<text x=\(quoted(place.x)) y=\(quoted(place.y)) font-size=\"10\">\(numbers[index])</text>\n"
            let (parts, indent) = listed[index]
            svg += "<text x=\"\(width - right + 12)\" y=\"\(listY)\" font-size=\"10\">\(esc(parts[0]))</text>\n"
            if parts.count == 2 {
                svg += "<text x=\(quoted(Double(width - right + 12) + indent)) y=\"\(listY + 12)\" font-size=\"10\">\(esc(parts[1]))</text>\n"
            }
            listY += 16 + 12 * (parts.count - 1)
        }
        return svg + "</svg>\n"
    }

    /// A rectangle of the chart, for telling whether two marks overlap.
    struct Box {
        var x0, y0, x1, y1: Double
        func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
    }

    /// Demand share by country (columns) and topic (rows), shaded from light to dark blue.
    public static func demandHeatmap(_ rows: [TopicFigures], id: String, title: String, labels: ChartLabels) -> String {
        let scopes = Array(Set(rows.map(\.country))).sorted(by: Aggregator.scopeOrder)
        // Topics by the region's demand, most wanted first, so the chart reads as a ranking in any
        // language (it was by topic key, which looked random once the labels were translated);
        // a topic with no share for the region (blanked, not asked) after those with one, and
        // ties in the tables' order.
        var tableOrder: [String] = []
        for f in rows where !tableOrder.contains(f.topic) { tableOrder.append(f.topic) }
        let region = Dictionary(rows.filter { $0.country == "ALL" }.map { ($0.topic, $0.demandShare) }, uniquingKeysWith: { a, _ in a })
        let topics = tableOrder.enumerated().sorted { a, b in
            let (sa, sb) = ((region[a.element] ?? nil) ?? -1, (region[b.element] ?? nil) ?? -1)
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
        let label = Dictionary(rows.map { ($0.topic, $0.topicLabel) }, uniquingKeysWith: { a, _ in a })
        // A blank cell is either suppressed or never asked: each has its mark, explained under the
        // chart when it appears.
        let legend = blankCellLegend(rows, labels: labels)
        let cellW = 70, cellH = 26, left = 300, top = 50
        let width = left + scopes.count * cellW + 20
        // The caption and the legend, each broken between words to the chart's width: the
        // caption of a base with some respondents out ran 125 pixels past a chart 600 wide (a
        // reviewer's measure in a browser).
        let base = rows.contains(where: \.demandPartlyAsked) ? labels.heatmapBaseAsked : labels.heatmapBase
        let notes = ([base] + legend).flatMap { wrapped($0, width: Double(width - 20), fontSize: 10) }
        let height = top + topics.count * cellH + 30 + (notes.count - 1) * 14
        // Every cell, with the mark the chart shows, and what the marks mean: a screen reader was
        // told the shares shown only (nothing at all with every cell blanked).
        var description = ""
        for scope in scopes {
            for topic in topics {
                guard let f = rows.first(where: { $0.country == scope && $0.topic == topic }) else { continue }
                let shown = f.demandShare.map { NumberFormat.percent($0) } ?? (f.demandAsked ? suppressedMark : notAskedMark)
                description += "\(f.country) \(f.topicLabel): \(shown); "
            }
        }
        description += legend.joined(separator: "; ")
        var svg = open(width: width, height: height, id: id, title: title, description: description)
        svg += "<text x=\"10\" y=\"20\" font-size=\"12\" font-weight=\"bold\">\(esc(title))</text>\n"
        for (c, scope) in scopes.enumerated() {
            svg += "<text x=\"\(left + c * cellW + cellW / 2)\" y=\"\(top - 8)\" text-anchor=\"middle\" font-weight=\"bold\">\(esc(scope))</text>\n"
        }
        for (r, topic) in topics.enumerated() {
            let y = top + r * cellH
            svg += Self.label(label[topic] ?? topic, x: Double(left - 8), centre: Double(y) + 13, width: Double(left - 12))
            for (c, scope) in scopes.enumerated() {
                let figure = rows.first { $0.country == scope && $0.topic == topic }
                let share = figure?.demandShare
                let notAsked = figure?.demandAsked == false
                let x = left + c * cellW
                let fill = share.map(shade) ?? (notAsked ? "#ffffff" : "#f2f2f2")
                let outline = notAsked ? " stroke=\"#bbbbbb\"" : ""
                let ink = (share ?? 0) > 0.55 ? "#ffffff" : "#111111"
                let mark = notAsked ? notAskedMark : suppressedMark
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellW - 2)\" height=\"\(cellH - 2)\" fill=\"\(fill)\"\(outline)/>\n"
                svg += "<text x=\"\(x + cellW / 2 - 1)\" y=\"\(y + 17)\" text-anchor=\"middle\" fill=\"\(ink)\">\(share.map { NumberFormat.percent($0) } ?? mark)</text>\n"
            }
        }
        let noteY = top + topics.count * cellH + 22
        for (k, line) in notes.enumerated() {
            svg += "<text x=\"10\" y=\"\(noteY + 14 * k)\" font-size=\"10\" fill=\"#444\">\(esc(line))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The mark of a demand share blanked because it rests on too few respondents.
    static let suppressedMark = "–"
    /// The mark of a demand share nobody was asked for: the demand question does not list the topic.
    static let notAskedMark = "∅"

    /// What the blank-cell marks among `rows`' demand shares mean, one line per mark that appears
    /// (the heat map's legend and the note under the top-needs tables).
    static func blankCellLegend(_ rows: [TopicFigures], labels: ChartLabels) -> [String] {
        var lines: [String] = []
        if rows.contains(where: { $0.demandAsked && $0.demandShare == nil }) {
            lines.append("\(suppressedMark) \(labels.suppressedCell)")
        }
        if rows.contains(where: { !$0.demandAsked && !$0.demandColumnMissing }) {
            lines.append("\(notAskedMark) \(labels.notAskedCell)")
        }
        if rows.contains(where: { $0.demandColumnMissing }) { lines.append("\(notAskedMark) \(labels.noDemandColumn)") }
        return lines
    }

    /// Light (#eff3ff) to dark (#08519c) blue, a sequential scheme readable in grey too.
    static func shade(_ share: Double) -> String {
        let t = max(0, min(1, share))
        let from = (0xEF, 0xF3, 0xFF), to = (0x08, 0x51, 0x9C)
        func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
        let hex = [mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2)].map { value -> String in
            let s = String(value, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
        return "#" + hex
    }

    static func legend(x: Int, y: Int, labels: ChartLabels) -> String {
        let key = fit(labels.quadrantKey, width: Double(x - 12), fontSize: 10)
        var svg = "<text x=\"\(x - 8)\" y=\"\(y)\" font-size=\"10\" text-anchor=\"end\">\(esc(key))</text>\n"
        var offset = x
        for quadrant in ["HH", "HL", "LH", "LL"] {
            svg += "<rect x=\"\(offset)\" y=\"\(y - 9)\" width=\"10\" height=\"10\" fill=\"\(quadrantColour[quadrant]!)\"/>"
            svg += "<text x=\"\(offset + 14)\" y=\"\(y)\" font-size=\"10\">\(quadrant)</text>\n"
            offset += 48
        }
        return svg
    }

    /// A whole step of 1, 2 or 5 times a power of ten for an axis over `span`, 1 at least: at
    /// most about six steps over the points (the Locus-for-Focus axes, labelled in whole numbers).
    static func axisStep(_ span: Double) -> Double {
        let raw = span / 6
        guard raw.isFinite, raw > 1 else { return 1 }
        var magnitude = 1.0
        while true {
            for factor in [1.0, 2, 5] where raw <= factor * magnitude { return factor * magnitude }
            magnitude *= 10
        }
    }

    static func niceStep(_ span: Double) -> Double {
        let raw = span / 5
        let magnitude = pow10(raw)
        for factor in [1.0, 2, 2.5, 5, 10] where raw <= factor * magnitude { return factor * magnitude }
        return 10 * magnitude
    }

    private static func pow10(_ value: Double) -> Double {
        var m = 1.0
        while m * 10 <= value { m *= 10 }
        while m > value && m > 1e-6 { m /= 10 }
        return m
    }

    private static func quoted(_ value: Double) -> String { "\"" + number(value) + "\"" }
}

/// The words of the charts, in the report's language.
public struct ChartLabels: Sendable {
    /// The language writes a decimal comma (`ReportStrings.decimalComma`): in the figures shown,
    /// never in the drawing's coordinates.
    public var decimalComma = false
    func decimal(_ figure: String) -> String {
        decimalComma ? figure.replacingOccurrences(of: ".", with: ",") : figure
    }
    public var mwdsAxis: String
    public var importanceAxis: String
    public var gapAxis: String
    public var heatmapNote: String
    public var competenceAxis: String = "Mean competence"
    /// The words of the Locus-for-Focus chart's description and the wave chart's legend.
    public var importance: String = "importance"
    public var gap: String = "gap"
    public var baseline: String = "baseline"
    /// After the marks of the demand heat map's and tables' blank cells. A blank share: too few
    /// respondents, or blanked so that a smaller group's cannot be worked out from totals (a
    /// country of plenty can be; "too few" alone was wrong there).
    public var suppressedCell: String = "suppressed (too few respondents, or to protect a smaller group)"
    public var notAskedCell: String = "not asked: the demand question does not list this topic"
    /// In place of `notAskedCell` when the instrument has no demand question at all.
    public var noDemandQuestion: String = "not asked: the instrument has no demand question"
    /// A share blank because none of the scope's files had a column for the demand question.
    public var noDemandColumn: String = "not asked: their files have no column for the demand question, or none for this topic"
    /// Before the MWDS chart's colour key, which said HH, HL, LH, LL and nothing of what they are.
    public var quadrantKey: String = "Quadrant (importance, gap: H high, L low)"
    /// Under the demand heat map: what its percentages are out of (the line repeated its title).
    public var heatmapBase: String = "% of all respondents, those who chose no topic included"
    /// `heatmapBase` when some respondents are out of a share's base: not asked (their files had
    /// no column for the demand question), or their answer could not be read (it named the first
    /// reason alone, where the methods list every one: a reviewer's reading).
    public var heatmapBaseAsked: String = "% of the respondents asked (those not asked, or whose answer could not be read, left out: "
        + "see “Methods”), those who chose no topic included"
}
