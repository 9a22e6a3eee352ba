/// Builds the reports' content: the region report (report.md / report.html) and one report per
/// country in that country's language, with their charts.
public struct ReportBuilder {
    public let instrument: Instrument
    public let aggregator: Aggregator
    public let differences: [CountryDifference]
    public let outcome: RunOutcome
    /// Response dates seen (YYYY-MM-DD), for "who answered".
    public let dateRange: (first: String, last: String)?
    /// Changes since the baseline, when later waves were given.
    public var waveChanges: [WaveChange] = []
    /// The instruments of the waves given one (`--wave-instrument`), by wave name: the labels of
    /// a topic asked in a wave only, in the report's language.
    public var waveInstruments: [String: Instrument] = [:]
    /// The curriculum plan, when one was made: a section of the region report.
    public var plan: (CurriculumPlan, PlanConfiguration)? = nil

    public init(instrument: Instrument, aggregator: Aggregator, differences: [CountryDifference], outcome: RunOutcome,
                dateRange: (first: String, last: String)?) {
        self.instrument = instrument
        self.aggregator = aggregator
        self.differences = differences
        self.outcome = outcome
        self.dateRange = dateRange
    }

    /// The region report; `language` nil means English.
    public func regionReport(language: String? = nil) -> ReportDocument {
        let words = ReportStrings.forLanguage(language)
        let figures = aggregator.figures(language: labelLanguage(words))
        var doc = ReportDocument(title: words.title + ": " + formTitle, language: words.language)
        intro(&doc, words)
        whoAnswered(&doc, words, scopes: scopes(figures))
        if instrument.topics.isEmpty {
            doc.paragraph("The instrument defines no training topics (no topic and measure columns), so there are no topic figures.")
        } else {
            doc.heading(2, words.topNeeds)
            for scope in scopes(figures) { topNeeds(&doc, words, figures, scope: scope, chartPrefix: "charts/") }
            shared(&doc, words, figures)
            countryDifferences(&doc, words, figures)
            quadrants(&doc, words, figures, scopes: scopes(figures), chartPrefix: "charts/")
            waves(&doc, words, scopes: scopes(figures), chartPrefix: "charts/")
            if let (plan, configuration) = plan {
                doc.heading(2, "Curriculum plan")
                doc.blocks += PlanReport.blocks(plan, configuration: configuration, words: words)
                doc.blocks.append(.paragraph([.text("As a table: "), .link("plan.csv", href: "plan.csv"), .text("; on its own: "),
                                              .link("plan.md", href: "plan.md"), .text(".")]))
            }
        }
        dataQuality(&doc, words, linkPrefix: "")
        methods(&doc, words, linkPrefix: "")
        return doc
    }

    /// The report for one country, in its national language when the instrument has labels in it.
    public func countryReport(_ country: String, language override: String? = nil) -> ReportDocument {
        let national = override ?? ReportStrings.nationalLanguage(of: country)
        let hasLabels = national.map { key in instrument.languages.contains { $0.key == key } } ?? false
        let words = ReportStrings.forLanguage(hasLabels || override != nil ? national : nil)
        let figures = aggregator.figures(language: labelLanguage(words)).filter { $0.country == country || $0.country == "ALL" }
        var doc = ReportDocument(title: words.title + ": " + words.scopeName(country), language: words.language)
        intro(&doc, words, forCountry: true)
        whoAnswered(&doc, words, scopes: [country])
        if !instrument.topics.isEmpty {
            doc.heading(2, words.topNeeds)
            topNeeds(&doc, words, figures, scope: country, chartPrefix: "../charts/")
            let own = differences.filter { $0.country == country && $0.holds }
            if !own.isEmpty {
                doc.heading(2, words.differences)
                differenceTable(&doc, words, own, linkPrefix: "../")
            }
            quadrants(&doc, words, figures, scopes: [country], chartPrefix: "../charts/")
            waves(&doc, words, scopes: [country], chartPrefix: "../charts/")
        }
        dataQuality(&doc, words, linkPrefix: "../", allCountries: true)
        methods(&doc, words, linkPrefix: "../")
        return doc
    }

    // MARK: Sections

    var formTitle: String { instrument.displayTitle }

    /// Topic labels in the report language when the instrument has it, else its default.
    private func labelLanguage(_ words: ReportStrings) -> String? {
        instrument.languages.contains { $0.key == words.language } ? words.language : instrument.defaultLanguage
    }

    private func scopes(_ figures: [TopicFigures]) -> [String] {
        let fromFigures = Set(figures.map(\.country))
        let fromCounts = Set(aggregator.scopeRespondents.keys)
        return fromFigures.union(fromCounts).sorted(by: Aggregator.scopeOrder)
    }

    /// `forCountry`: a country's report, whose weighting statement counts the whole run's
    /// respondents left out of the figures, and says so.
    private func intro(_ doc: inout ReportDocument, _ words: ReportStrings, forCountry: Bool = false) {
        let prose = ReportProse.forLanguage(words.language)
        // An XLSForm without a settings sheet names neither: the sentence is left out.
        var parts: [ReportDocument.Inline] = []
        if !instrument.formID.isEmpty || !instrument.version.isEmpty {
            parts.append(.text(prose.instrument))
            if !instrument.formID.isEmpty { parts.append(.text(" ")); parts.append(.code(instrument.formID)) }
            if !instrument.version.isEmpty { parts.append(.text(" " + prose.version + " " + instrument.version)) }
            parts.append(.text(". "))
        }
        parts.append(.text(weighting(in: prose, forCountry: forCountry)))
        doc.blocks.append(.paragraph(parts))
    }

    private func whoAnswered(_ doc: inout ReportDocument, _ words: ReportStrings, scopes: [String]) {
        doc.heading(2, words.whoAnswered)
        let counts = aggregator.scopeRespondents
        let municipalities = aggregator.municipalityRespondents
        // Counts the figures tables blank (a small cell, or one blanked so that another cannot be
        // worked out from totals) are not shown here either.
        let suppression = aggregator.suppressedTables()
        let prose = ReportProse.forLanguage(words.language)
        var rows: [[String]] = []
        // Respondents of no known country have no municipality: ALL's municipalities less the
        // published countries' are those of the blanked countries, so with one country blanked
        // ALL's count would give its count back.
        let oneCountryBlanked = suppression.hiddenScopes.subtracting(["ALL"]).count == 1
        for scope in scopes {
            // Municipalities of the gazetteer: the respondents whose place was not recognised are no municipality.
            let inScope = municipalities.keys.filter {
                ($0.country == scope || scope == "ALL") && $0.municipality != Aggregator.unrecognisedPlace
            }
            // A blanked count's municipalities are blanked too: three municipalities tell at least
            // three respondents.
            let hidden = suppression.hiddenScopes.contains(scope)
            let hideMunicipalities = hidden || (scope == "ALL" && oneCountryBlanked)
            rows.append([words.scopeName(scope), hidden ? "–" : prose.number(counts[scope] ?? 0), hideMunicipalities ? "–" : prose.number(inScope.count)])
        }
        doc.blocks.append(.table(header: [words.country, words.respondents, words.municipalities],
                                 alignments: [.left, .right, .right], rows: rows))
        // Respondents per municipality: only cells large enough to publish.
        let minCell = aggregator.options.minCell
        let listed = municipalities.filter { scopes.contains($0.key.country) || scopes.contains("ALL") }
            .sorted { ($0.key.country, $0.key.municipality) < ($1.key.country, $1.key.municipality) }
        if !listed.isEmpty {
            var municipalityRows: [[String]] = []
            var small = 0
            var smallUnrecognised = false
            for (cell, n) in listed {
                if n < minCell {
                    small += n
                    if cell.municipality == Aggregator.unrecognisedPlace { smallUnrecognised = true }
                    continue
                }
                let unrecognised = cell.municipality == Aggregator.unrecognisedPlace
                let name = unrecognised ? prose.placeNotRecognised
                    : aggregator.municipalityNames[cell.municipality] ?? cell.municipality
                let code = unrecognised ? "" : cell.municipality
                let shown = suppression.hiddenMunicipalities.contains(cell) ? "–" : prose.number(n)
                municipalityRows.append([cell.country, name + (code.isEmpty ? "" : " (\(code))"), shown])
            }
            if small > 0 {
                let countries = Set(listed.map(\.key.country))
                let shown = countries.contains(where: suppression.hidesSmallMunicipalities) ? "–" : prose.number(small)
                municipalityRows.append(["", prose.fill(smallUnrecognised ? prose.notListedOrUnrecognised : prose.notListed,
                                                        ["k": String(minCell)]), shown])
            }
            doc.blocks.append(.table(header: [words.country, words.municipality, words.respondents],
                                     alignments: [.left, .left, .right], rows: municipalityRows))
        }
        var facts: [String] = []
        // The first and last submission dates are two respondents' own: with the region's count
        // blanked (a pilot of 3) they were the one thing "who answered" still told of them.
        // A country's report states them only when no country's count is blanked: they are the
        // whole run's, and a blanked country's lone respondent had dated its end (a helper's probe).
        let ownCountry = scopes.count == 1 && scopes[0] != "ALL"
        if let range = dateRange, !suppression.hiddenScopes.contains("ALL"), !ownCountry || suppression.hiddenScopes.isEmpty {
            facts.append("\(words.responseDates) \(range.first) – \(range.last).")
        }
        var baseline = outcome.accounts.filter { $0.wave.isEmpty }.map { (account: $0, respondents: $0.respondents) }
        // The files whose counts every report withholds (the region's and each country's alike).
        let withheld = aggregator.withheldFiles(baseline.map { ($0.account.file, $0.respondents) })
        // A country's report names the files its respondents came from, with their count of
        // them: not the other countries' files, whose names (a person's, a municipality's) are
        // not its partners' to read.
        let country = scopes.count == 1 && scopes[0] != "ALL" ? scopes[0] : nil
        if let country {
            let counts = aggregator.fileCellCounts
            baseline = baseline.compactMap { entry in
                let n = (counts[entry.account.file] ?? [:]).filter { $0.key.country == country }.reduce(0) { $0 + $1.value }
                return n > 0 ? (entry.account, n) : nil
            }
        }
        let shortNames = baseline.map { InputFiles.lastComponent($0.account.file) }
        let files = zip(baseline, shortNames).map { entry, short -> String in
            let account = entry.account
            // The file's own name, or its display name (`A/data/x.csv`) when another file shares it;
            // an e-mail address or a personal code in it (a file named after its sender) removed.
            let name = QuarantineWriter.scrubName(shortNames.filter { $0 == short }.count > 1 ? account.file : short)
            let respondents = withheld.contains(account.file) ? "–" : prose.number(entry.respondents)
            // An empty file has no header, so no shape: its count alone.
            let shown = account.shape.isEmpty ? respondents : "\(prose.shape(account.shape)), \(respondents)"
            return account.failure == nil ? "\(name) (\(shown))" : "\(name) (\(prose.notRead))"
        }
        if !files.isEmpty { facts.append("\(words.sourceFiles): \(files.joined(separator: ", ")).") }
        if !facts.isEmpty { doc.paragraph(facts.joined(separator: " ")) }
    }

    /// Figures from fewer respondents are blanked (`--min-cell`).
    private var minCell: Int { aggregator.options.minCell }

    private func topNeeds(_ doc: inout ReportDocument, _ words: ReportStrings, _ figures: [TopicFigures], scope: String, chartPrefix: String) {
        let rows = figures.filter { $0.country == scope }
            .sorted { ($0.mwdsRank ?? .max, $0.topic) < ($1.mwdsRank ?? .max, $1.topic) }
        doc.heading(3, words.scopeName(scope))
        guard let first = rows.first, !first.countsHidden else {
            doc.paragraph(rows.first.map { words.blanked(respondents: $0.respondents, minCell: minCell) } ?? words.tooFew)
            return
        }
        // Each flag with its direction: the country's need higher (▲: a greater share wanting
        // training, or a greater gap) or lower (▼) than the rest of the region's; bare when its
        // measures differ both ways. A bare ⚑ in a "top needs" table had read as a priority where
        // the country's need was lower (a reviewer's reading).
        var direction: [String: Int] = [:]
        for d in differences where d.country == scope && d.holds {
            let sign = d.difference > 0 ? 1 : -1
            direction[d.topic] = direction[d.topic].map { $0 == sign ? sign : 0 } ?? sign
        }
        let flagged = Set(direction.keys)
        var table: [[String]] = []
        for f in rows {
            let gap = NumberFormat.short(f.meanGap) + (f.gapCI.map { " (\(NumberFormat.short($0.low)) – \(NumberFormat.short($0.high)))" }
                ?? (f.meanGap != nil && f.nPairs == 1 ? " (n = 1)" : ""))
            let want = !f.demandAsked ? Charts.notAskedMark
                : NumberFormat.percent(f.demandShare) + (f.demandCI.map { " (\(NumberFormat.percent($0.low)) – \(NumberFormat.percent($0.high)))" } ?? "")
            let flag = direction[f.topic].map { $0 > 0 ? "⚑▲ " : $0 < 0 ? "⚑▼ " : "⚑ " } ?? ""
            table.append([f.mwdsRank.map(String.init) ?? "–", flag + f.topicLabel,
                          words.decimal(NumberFormat.short(f.mwds)), words.decimal(NumberFormat.short(f.meanImportance)),
                          words.decimal(gap), words.decimal(want), f.quadrant ?? "–"])
        }
        doc.blocks.append(.table(header: [words.rank, words.topic, words.mwds, words.meanImportance, words.meanGap,
                                          words.wantTraining, words.quadrant],
                                 alignments: [.right, .left, .right, .right, .right, .right, .center], rows: table))
        // A share blanked and a share never asked for are told apart, as in the heat map; with no
        // demand question at all, the note said the question does not list the topic.
        var chartWords = words.charts
        if instrument.demandQuestion == nil { chartWords.notAskedCell = chartWords.noDemandQuestion }
        let legend = Charts.blankCellLegend(rows, labels: chartWords)
        if !legend.isEmpty { doc.paragraph(legend.joined(separator: "; ") + ".") }
        let prose = ReportProse.forLanguage(words.language)
        if rows.contains(where: \.mwdsWithheld) {
            doc.paragraph(prose.ranksAmongShown)
        }
        if rows.contains(where: { $0.meanGap != nil && $0.gapCI == nil && $0.nPairs == 1 }) {
            doc.paragraph(prose.oneRespondentGap)
        }
        // Some topics rated (else `noRatings` below says it of all), others by nobody: named, as
        // their `–` looks like a suppressed topic's (a reviewer's reading).
        let unrated = rows.filter(\.unrated)
        if rows.contains(where: { $0.mwds != nil }) && !unrated.isEmpty {
            doc.paragraph(prose.fill(prose.unratedTopic, ["list": unrated.map(\.topicLabel).joined(separator: "; ")]))
        }
        if !flagged.isEmpty {
            doc.paragraph(prose.fill(prose.topNeedsFlag, ["s": words.differences]))
        }
        // No topic with an MWDS (nobody rated both measures, or every score blanked): no bar to draw.
        guard rows.contains(where: { $0.mwds != nil }) else {
            if rows.allSatisfy({ $0.nPairs == 0 }) { doc.paragraph(words.noRatings) }
            return
        }
        let suffix = words.language == "en" ? "" : "_" + words.language
        doc.blocks.append(.chart(svg: Charts.mwdsBars(rows, id: "mwds-\(scope)", title: "\(words.topNeeds): \(words.scopeName(scope))", labels: words.charts),
                                 file: chartPrefix + "mwds_\(scope)\(suffix).svg", alt: "\(words.topNeeds): \(words.scopeName(scope))"))
    }

    /// Topics in the top three of every country (by MWDS rank): candidates for regional sessions.
    private func shared(_ doc: inout ReportDocument, _ words: ReportStrings, _ figures: [TopicFigures]) {
        let all = scopes(figures).filter { $0 != "ALL" && $0 != "" }
        guard all.count >= 2 else { return }
        // A country whose figures are blanked has no ranks: it shares nothing and lacks nothing
        // (as the plan's rule, which counts only countries with figures).
        let countries = all.filter { country in figures.contains { $0.country == country && !$0.countsHidden && $0.mwds != nil } }
        let leftOut = all.filter { !countries.contains($0) }
        // Why each is left out: blanked for too few respondents, blanked to protect a smaller
        // country (it may have plenty), or shown with no MWDS (nobody rated both measures).
        func reason(_ country: String) -> String {
            // Its MWDS withheld (blanked under weights, or for another's sake), not missing: it
            // had been said to have too few rating both measures, 68 pairs of them (a probe's).
            if figures.contains(where: { $0.country == country && !$0.countsHidden && $0.mwdsWithheld }) {
                return "its MWDS suppressed (too few respondents behind them, or blanked so that a smaller group's cannot be worked out from the totals)"
            }
            guard let row = figures.first(where: { $0.country == country }), row.countsHidden else { return "no MWDS to compare (too few rated both a topic's importance and their competence in it)" }
            return row.respondents >= minCell ? "figures withheld so that a smaller group's cannot be worked out from the totals"
                : "too few respondents to compare"
        }
        let reasons = leftOut.map(reason).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let note = reasons.map { why in
            " " + leftOut.filter { reason($0) == why }.map(words.scopeName).joined(separator: ", ") + ": " + why + "."
        }.joined()
        doc.heading(2, words.shared)
        guard countries.count >= 2 else {
            doc.paragraph("Fewer than two countries have figures to compare." + note)
            return
        }
        let topThree = countries.map { country in
            Set(figures.filter { $0.country == country && ($0.mwdsRank ?? .max) <= 3 }.map(\.topic))
        }
        let common = topThree.dropFirst().reduce(topThree.first ?? []) { $0.intersection($1) }
        let which = leftOut.isEmpty ? "" : " (" + countries.map(words.scopeName).joined(separator: ", ") + ")"
        // A compared country with topics suppressed: their ranks are unknown, and one may be among
        // its top three (a reviewer's reading of a weighted run: "no topic ranks among the top
        // three of every country" with six of eight topics hidden).
        // (A topic nobody rated has no MWDS, suppressed or not: its pairs are 0.)
        let hiding = countries.filter { country in figures.contains { $0.country == country && $0.mwds == nil && $0.nPairs > 0 } }
        let hidden = hiding.isEmpty ? "" : " This is among the topics whose MWDS is shown: in " + hiding.map(words.scopeName).joined(separator: ", ")
            + " some are suppressed, and may rank among the top three."
        // The plan's rule counts a topic whose interval reaches the last top need's too: said
        // here, as a topic the plan calls "a top need in every country" may rank fourth in one (a
        // helper's probe read the two as a contradiction).
        let byRank = plan == nil ? "" : " This is by MWDS rank alone; the curriculum plan below also treats a topic as a country's top need when its MWDS interval reaches that of the country's lowest-ranked top need."
        if common.isEmpty {
            doc.paragraph("No topic ranks among the top three needs of every country\(which)." + hidden + note + byRank)
        } else {
            let labels = common.sorted().map { topic in figures.first { $0.topic == topic }?.topicLabel ?? topic }
            doc.paragraph("Ranked among the top three needs of every country\(which): " + labels.joined(separator: "; ") + "." + hidden + note + byRank)
        }
    }

    private func countryDifferences(_ doc: inout ReportDocument, _ words: ReportStrings, _ figures: [TopicFigures]) {
        guard !differences.isEmpty else {
            // Two countries or more and not one comparison: the section was left out, as if no
            // difference had been looked for (`--weights municipality` on the sample inputs).
            guard Set(figures.map(\.country)).subtracting(["ALL", ""]).count >= 2 else { return }
            doc.heading(2, words.differences)
            // Under weights the tests rest on each country's effective n: withheld for one, every
            // comparison is (`CountryDifference.blankedCountries`).
            let withheld = aggregator.options.weights != .respondent
                && figures.contains { $0.country != "ALL" && ($0.weightSumsHidden || $0.countsHidden) }
            doc.paragraph("No country is compared with the rest of the region: "
                + (withheld ? "under this weighting the comparisons rest on countries' effective sample sizes, which are "
                    + "withheld so that the respondents of a small municipality or country cannot be worked out from them."
                    : "each comparison would rest on figures suppressed to protect respondents, or on fewer than "
                    + "\(minCell) respondents in the country or in the others."))
            return
        }
        doc.heading(2, words.differences)
        let holding = differences.filter(\.holds)
        if holding.isEmpty {
            doc.paragraph("No country differs from the rest of the region on any topic once p-values are Holm-corrected (5% level).")
        } else {
            differenceTable(&doc, words, holding, linkPrefix: "")
        }
        // A mean gap the same for every respondent in the country and in the others: no test.
        let language = labelLanguage(words)
        let untested = differences.filter { !$0.tested && $0.measure == .meanGap }
        if !untested.isEmpty {
            let listed = untested.map { d in
                "\(words.scopeName(d.country)), \(instrument.topicLabel(d.topic, language: language)) "
                    + "(\(words.decimal(NumberFormat.short(d.countryValue))) against \(words.decimal(NumberFormat.short(d.othersValue))))"
            }
            doc.paragraph("Not tested, as every respondent's mean gap is the same within the country and within the others "
                + "(no spread, so no standard error): " + listed.joined(separator: "; ") + ".")
        }
        // A share of none (or all) in the country and in the others alike: nothing to test.
        let alike = differences.filter { !$0.tested && $0.measure == .demandShare }
        if !alike.isEmpty {
            let listed = alike.map { d in
                "\(words.scopeName(d.country)), \(instrument.topicLabel(d.topic, language: language)) (\(NumberFormat.percent(d.countryValue)))"
            }
            doc.paragraph("Not tested, and not counted in Holm's correction, as nobody (or everybody) in the country and in the "
                + "others wants training on it: " + listed.joined(separator: "; ") + ".")
        }
    }

    /// The differences that hold, and under them what ⚑ marks (also beside the top needs).
    private func differenceTable(_ doc: inout ReportDocument, _ words: ReportStrings, _ rows: [CountryDifference], linkPrefix: String) {
        var table: [[String]] = []
        // The differences carry the instrument's default labels: the report's language has its own.
        let language = labelLanguage(words)
        for var d in rows {
            d.topicLabel = instrument.topicLabel(d.topic, language: language)
            let format: (Double) -> String = d.measure == .demandShare ? { NumberFormat.percent($0) } : { NumberFormat.short($0) }
            // The value columns show no interval (the difference column has it): the measure is
            // named without "(95% CI)".
            let measure = ReportStrings.withoutInterval(d.measure == .demandShare ? words.wantTraining : words.meanGap)
            // Shares are shown in percent, so their difference is in percentage points (as in the
            // wave tables), not a proportion beside them.
            let scale = d.measure == .demandShare ? 100.0 : 1
            let unit = d.measure == .demandShare ? ReportProse.percentagePoints(words.language) : ""
            table.append(["⚑ " + words.scopeName(d.country), d.topicLabel, measure, words.decimal(format(d.countryValue)),
                          words.decimal(format(d.othersValue)),
                          // (The unit keeps its own full stops: `proc. p.`, `п. п.`.)
                          words.decimal(NumberFormat.short(d.difference * scale)) + unit
                            + " (\(words.decimal(NumberFormat.short(d.low * scale))) – \(words.decimal(NumberFormat.short(d.high * scale))))"])
        }
        let prose = ReportProse.forLanguage(words.language)
        doc.blocks.append(.table(header: [words.country, words.topic, prose.measure, prose.inCountry, prose.others, prose.difference],
                                 alignments: [.left, .left, .left, .right, .right, .right], rows: table))
        doc.blocks.append(.paragraph([.text(prose.differenceMarked),
                                      .link("country_differences.csv", href: linkPrefix + "country_differences.csv"), .text(".")]))
    }

    private func quadrants(_ doc: inout ReportDocument, _ words: ReportStrings, _ figures: [TopicFigures], scopes: [String], chartPrefix: String) {
        doc.heading(2, words.quadrants)
        var rows: [[String]] = []
        for scope in scopes {
            let inScope = figures.filter { $0.country == scope && $0.quadrant != nil }
            guard !inScope.isEmpty else { continue }
            let hh = inScope.filter { $0.quadrant == "HH" }.map(\.topicLabel).sorted()
            rows.append([words.scopeName(scope), hh.isEmpty ? "–" : hh.joined(separator: "; ")])
        }
        if !rows.isEmpty {
            doc.blocks.append(.table(header: [words.country, "HH"], alignments: [.left, .left], rows: rows))
            // Quadrants split at the means of the topics shown: with some suppressed, a hidden
            // topic may be HH, and the split is not the one all topics give (a reviewer's reading
            // of a weighted run, six of eight topics hidden).
            if scopes.contains(where: { scope in
                let inScope = figures.filter { $0.country == scope }
                // (A topic nobody rated has no quadrant either, and nothing suppressed: its pairs are 0.)
                return inScope.contains { $0.quadrant != nil } && inScope.contains { $0.quadrant == nil && !$0.countsHidden && $0.nPairs > 0 }
            }) {
                doc.paragraph(ReportProse.forLanguage(words.language).quadrantsAmongShown)
            }
        }
        let suffix = words.language == "en" ? "" : "_" + words.language
        let focus = scopes.contains("ALL") ? "ALL" : scopes.first ?? "ALL"
        let rowsForChart = figures.filter { $0.country == focus }
        // A scope whose figures are all blanked has no point to plot: an empty chart says nothing.
        if rowsForChart.contains(where: { $0.meanImportance != nil && $0.meanGap != nil }) {
            doc.blocks.append(.chart(svg: Charts.locusScatter(rowsForChart, id: "locus-\(focus)", title: "\(words.quadrants): \(words.scopeName(focus))", labels: words.charts),
                                     file: chartPrefix + "locus_\(focus)\(suffix).svg", alt: "\(words.quadrants): \(words.scopeName(focus))"))
        } else if !rowsForChart.isEmpty && rowsForChart.allSatisfy({ !$0.countsHidden && $0.nPairs == 0 }) {
            // Respondents enough, and nobody rated a topic's importance and competence both.
            doc.paragraph(words.noRatings)
        } else {
            doc.paragraph(words.blanked(respondents: rowsForChart.first?.respondents ?? 0, minCell: minCell))
        }
        // Without a demand question there is no share to shade (blank, not 0%).
        if scopes.count > 1 && figures.contains(where: \.demandAsked) {
            doc.blocks.append(.chart(svg: Charts.demandHeatmap(figures, id: "demand", title: words.charts.heatmapNote, labels: words.charts),
                                     file: chartPrefix + "demand_heatmap\(suffix).svg", alt: words.charts.heatmapNote))
        }
    }

    private func waves(_ doc: inout ReportDocument, _ words: ReportStrings, scopes: [String], chartPrefix: String) {
        guard !waveChanges.isEmpty else { return }
        // Each wave's charts get ids of their own: one HTML report holds them all.
        // In the order the waves were given, as waves.csv lists them (sorted by name, the report
        // had put `2025_autumn` before `2026_spring` given first, a helper's probe).
        var seen = Set<String>()
        let waveNames = waveChanges.map(\.wave).filter { seen.insert($0).inserted }
        let fileNames = Self.chartFileNames(waveNames)
        for (waveIndex, wave) in waveNames.enumerated() {
            let changes = waveChanges.filter { $0.wave == wave }
            let prose = ReportProse.forLanguage(words.language)
            doc.heading(2, prose.fill(prose.changeSince, ["w": wave]))
            let paired = changes.first?.design == .paired
            // `--region country-equal` weights ALL as well, while the paired changes pool its respondents.
            let weighted = aggregator.options.weights != .respondent || aggregator.options.region == .countryEqual
            doc.paragraph(paired ? prose.wavesPaired + (weighted ? " " + prose.pairedUnweighted : "") : prose.wavesIndependent)
            var localLabels = Dictionary(aggregator.figures(language: labelLanguage(words)).map { ($0.topic, $0.topicLabel) },
                                         uniquingKeysWith: { a, _ in a })
            // A topic the baseline's form does not have, in the wave's form's labels (it had been
            // in the form's default language, English, in the Estonian report: a helper's probe).
            if let form = waveInstruments[wave] {
                let language = form.languages.contains { $0.key == words.language } ? words.language : form.defaultLanguage
                for change in changes where localLabels[change.topic] == nil {
                    localLabels[change.topic] = form.topicLabel(change.topic, language: language)
                }
            }
            // A topic renamed between the waves' forms, its label kept (`staff_wellbeing`, then
            // `wellbeing`): two rows of one label, one "not asked at baseline", the other "not
            // asked in this wave", told apart by their keys.
            let topics = Set(changes.map(\.topic))
            let byLabel = Dictionary(grouping: topics, by: { topic in localLabels[topic] ?? changes.first { $0.topic == topic }!.topicLabel })
            for (label, alike) in byLabel where alike.count > 1 {
                for topic in alike { localLabels[topic] = "\(label) (\(topic))" }
            }
            // (A topic no one of the region rated or chose in a wave too: a country's alone is in its table.)
            let missing = Set(changes.filter {
                $0.note.hasPrefix("topic not asked") || ($0.country == "ALL" && $0.note.hasPrefix("topic rated or chosen by no one"))
            }.map { "\(localLabels[$0.topic] ?? $0.topicLabel) (\(prose.waveNote($0.note)))" })
            if !missing.isEmpty { doc.paragraph(prose.fill(prose.oneWaveOnly, ["list": missing.sorted().joined(separator: "; ")])) }
            for scope in scopes {
                let rows = changes.filter { $0.country == scope }.map { change -> WaveChange in
                    var change = change
                    change.topicLabel = localLabels[change.topic] ?? change.topicLabel
                    return change
                }
                guard !rows.isEmpty else { continue }
                doc.heading(3, words.scopeName(scope))
                var table: [[String]] = []
                for c in rows {
                    table.append([c.topicLabel,
                                  words.decimal("\(NumberFormat.short(c.competenceBefore)) → \(NumberFormat.short(c.competenceAfter))"),
                                  Self.change(c.competenceChange, c.competenceCI, decimal: words.decimal),
                                  Self.change(c.gapChange, c.gapCI, decimal: words.decimal),
                                  Self.change(c.demandChange.map { $0 * 100 }, c.demandCI.map { ($0.low * 100, $0.high * 100) },
                                              unit: ReportProse.percentagePoints(words.language), decimal: words.decimal),
                                  // "no" beside a topic never HH read as still HH (a reviewer's case): "–" (waves.csv keeps 0).
                                  !c.firstPriorityKnown || c.quadrantBefore != "HH" ? "–" : c.leftFirstPriority ? prose.yes : prose.no,
                                  prose.waveNote(c.note)])
                }
                doc.blocks.append(.table(header: [words.topic, prose.competence, prose.change, prose.gapChange,
                                                  prose.wantChange, prose.leftHH, prose.note],
                                         alignments: [.left, .right, .right, .right, .right, .center, .left], rows: table))
                // A scope whose competence means are all blanked has no dumbbell to draw.
                guard rows.contains(where: { $0.competenceBefore != nil && $0.competenceAfter != nil }) else { continue }
                let suffix = words.language == "en" ? "" : "_" + words.language
                doc.blocks.append(.chart(svg: Charts.dumbbell(rows, id: "waves-\(waveIndex + 1)-\(scope)", title: prose.fill(prose.dumbbell, ["w": wave]) + ": " + words.scopeName(scope), labels: words.charts,
                                                              scale: instrument.competenceScale ?? 1...5),
                                         file: chartPrefix + "waves_\(fileNames[waveIndex])_\(scope)\(suffix).svg", alt: prose.fill(prose.dumbbell, ["w": wave]) + ": " + words.scopeName(scope)))
            }
            doc.blocks.append(.paragraph([.text(prose.everyFigure), .link("waves.csv", href: (chartPrefix.hasPrefix("..") ? "../" : "") + "waves.csv"), .text(".")]))
        }
    }

    /// Each wave's part of its charts' file names, in the order of `waves`: its name with every
    /// character but letters, digits, `-`, `_` and `.` made `_` (`a/followup` is `a_followup`;
    /// `<`, `"`, `:`, `|` cannot be in a file name on Windows, where partners unpack the reports),
    /// numbered `_2`, `_3` when two names come out alike (`w 1` and `w_1`).
    static func chartFileNames(_ waves: [String]) -> [String] {
        var used = Set<String>()
        return waves.map { wave in
            let stem = String(wave.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
            var name = stem, k = 2
            while !used.insert(name).inserted {
                name = stem + "_\(k)"
                k += 1
            }
            return name
        }
    }

    /// `+0.45 (0.20 – 0.70) ▲`: a change, its interval, and an arrow when the interval excludes 0.
    /// `decimal`: the language's decimal mark (`ReportStrings.decimal`), put in the figures only.
    static func change(_ value: Double?, _ interval: (low: Double, high: Double)?, unit: String = "",
                       decimal: (String) -> String = { $0 }) -> String {
        guard let value else { return "–" }
        // A change that rounds to 0.00 has no sign, whichever side of 0 it is on.
        let shown = NumberFormat.short(value)
        var text = (value > 0 && shown.contains { "123456789".contains($0) } ? "+" : "") + decimal(shown) + unit
        if let interval {
            text += " (\(decimal(NumberFormat.short(interval.low))) – \(decimal(NumberFormat.short(interval.high))))"
            if interval.low > 0 { text += " ▲" } else if interval.high < 0 { text += " ▼" }
        }
        return text
    }

    /// `allCountries`: in a country's report, whose counts are still the whole run's (files hold
    /// several countries, and a blank or quarantined row none), said so (a helper's probe).
    /// The issues' codes are explained in data_dictionary.md (`IssueCodes`), which the paragraph links.
    private func dataQuality(_ doc: inout ReportDocument, _ words: ReportStrings, linkPrefix: String, allCountries: Bool = false) {
        doc.heading(2, words.dataQuality)
        // The baseline's files, as "Who answered" counts them; a later wave's in a sentence of its own.
        let baseline = outcome.accounts.filter { $0.wave.isEmpty }
        let t = baseline.reduce(into: (read: 0, respondents: 0, duplicates: 0, blank: 0, quarantined: 0)) {
            $0.read += $1.recordsRead
            $0.respondents += $1.respondents
            $0.duplicates += $1.duplicates
            $0.blank += $1.blankRows
            $0.quarantined += $1.quarantined
        }
        // Inputs left out (a hidden or lock file, a sub-folder) or that could not be read count
        // too: the section had said "No issues were found" over five files left out (a probe's).
        let counts = outcome.issuesByCode(withInputProblems: true)
        let prose = ReportProse.forLanguage(words.language)
        // Not when the region's count is blanked ("Who answered" shows none): this would give it back.
        let regionHidden = aggregator.suppressedTables().hiddenScopes.contains("ALL")
        var text = (allCountries ? prose.allCountries + " " : "") + prose.fill(prose.dataQuality, [
            "files": prose.number(baseline.count), "read": regionHidden ? "–" : prose.number(t.read),
            "resp": regionHidden ? "–" : prose.number(t.respondents),
            "dup": prose.number(t.duplicates), "blank": prose.number(t.blank), "q": prose.number(t.quarantined),
        ]) + " "
        let waves = outcome.accounts.filter { !$0.wave.isEmpty }
        if !waves.isEmpty {
            // Not when a wave's region count is blanked (waves.csv shows none): this would give it back.
            let hidden = waveChanges.contains { $0.country == "ALL" && $0.countsHidden }
            text += prose.fill(prose.laterWaves, ["files": prose.number(waves.count),
                                                  "resp": hidden ? "–" : prose.number(waves.reduce(0) { $0 + $1.respondents })]) + " "
        }
        // Each kind by its code in the cleaning log's `issue` column, which is no word of any
        // report language (it was "country inferred 2" in a Russian report too).
        var parts: [ReportDocument.Inline] = []
        if counts.isEmpty {
            text += prose.noIssues + " "
        } else {
            let template = prose.issuesFound.components(separatedBy: "{list}")
            text += template[0]
            // A count grouped with commas (`1,234`) is not run on into the list with a comma.
            let shown = counts.mapValues(prose.number)
            let between = shown.values.contains { $0.contains(",") } ? "; " : ", "
            for (k, code) in counts.keys.sorted().enumerated() {
                parts += [.text(k == 0 ? text : between), .code(code), .text(" " + shown[code]!)]
            }
            text = (template.count > 1 ? template[1] : "") + " "
            parts += [.text(text + prose.codesMeaning), .link(DataDictionary.file, href: linkPrefix + DataDictionary.file), .text(". ")]
            text = ""
        }
        // Named, not linked: clean/ is the academy's working folder, which partners do not receive.
        doc.blocks.append(.paragraph(parts + [.text(text + prose.logPointer), .code("clean/issues.csv"), .text(prose.logWhere)]))
    }

    private func methods(_ doc: inout ReportDocument, _ words: ReportStrings, linkPrefix: String) {
        doc.heading(2, words.methods)
        let prose = ReportProse.forLanguage(words.language)
        let partlyAsked = aggregator.figures().contains(where: \.demandPartlyAsked) ? [[ReportDocument.Inline.text(prose.demandPartlyAsked)]] : []
        // A share shown without its interval under weights (a reviewer's case: "Want training (95% CI)"
        // over 61% alone, and no change marked, read as no change significant).
        let tables = aggregator.suppressedTables()
        let withheld = (tables.scopes + tables.municipalities + tables.groups).contains {
            $0.weightSumsHidden && $0.demandShare != nil && $0.demandCI == nil
        } ? [[ReportDocument.Inline.text(prose.intervalsWithheld)]] : []
        doc.blocks.append(.bullets(prose.methods.map { [.text($0)] } + partlyAsked + [
            [.text(weighting(in: prose, forCountry: !linkPrefix.isEmpty))],
        ] + withheld + [
            [.text(prose.fullPrecision), .link("topic_demand.csv", href: linkPrefix + "topic_demand.csv"), .text(prose.perMunicipality),
             .link("topic_demand_by_municipality.csv", href: linkPrefix + "topic_demand_by_municipality.csv")]
                + (aggregator.options.byQuestion.map { by -> [ReportDocument.Inline] in
                    let file = Pipeline.byTableName(by)
                    let around = prose.byAnswer.components(separatedBy: "{q}")
                    return [.text(around[0]), .code(by), .text(around.count > 1 ? around[1] : " "), .link(file, href: linkPrefix + file)]
                } ?? [])
                + [.text(prose.dictionary), .link(DataDictionary.file, href: linkPrefix + DataDictionary.file), .text(".")],
        ]))
    }

    /// data_dictionary.md for the tables written (`DataDictionary`), with the reports' weighting statement.
    /// The issue codes the reports' data quality sections count are explained at its end.
    public func dataDictionary(_ tables: [DataDictionary.Table], style: CSVStyle) -> ReportDocument {
        DataDictionary.document(tables, title: formTitle, weighting: weighting(in: .english), minCell: minCell, style: style,
                                weights: aggregator.options.weights, region: aggregator.options.region,
                                issueCodes: outcome.issuesByCode(withInputProblems: true).keys.sorted())
    }

    /// How respondents were weighted and figures suppressed, in English (plan.md is English).
    public func weighting() -> String { weighting(in: .english) }

    /// How respondents were weighted and figures suppressed, in a language's words. In a country's
    /// report (`forCountry`) the counts of respondents left out are said to be all countries'
    /// (a reviewer's case: the Latvian report's "2 respondents whose municipality was not
    /// recognised" were an Estonian and a Lithuanian one; a country's own count could give back
    /// a part of a country blanked).
    func weighting(in prose: ReportProse, forCountry: Bool = false) -> String {
        Self.weightingStatement(aggregator.options, prose: prose, withoutCountry: withoutCountry, countsOfAllCountries: forCountry,
                                withoutMunicipality: aggregator.respondentsWithoutMunicipality,
                                weighingZero: aggregator.scopeRespondentsWeighingZero["ALL"] ?? 0, anySuppressed: anySuppressed,
                                regionWithheld: aggregator.suppressedTables().regionWithheld,
                                countriesWithheld: aggregator.suppressedTables().countriesWithheld)
    }

    /// Respondents whose country is not known (in ALL when pooled, left out of it when country-equal).
    private var withoutCountry: Int {
        let counts = aggregator.scopeRespondents
        return (counts["ALL"] ?? 0) - counts.filter { $0.key != "ALL" }.values.reduce(0, +)
    }

    /// One sentence saying how respondents were weighted and how the region was formed.
    /// `withoutCountry`: respondents of no known country, who are not in ALL under country-equal weighting.
    /// `withoutMunicipality`: respondents of no recognised municipality, who weigh 0 under municipality weighting.
    /// `weighingZero`: respondents whose weight column holds 0 or no valid weight, who count in no figure.
    /// `anySuppressed`: some figure is blanked, so the statement says that complementary suppression protects it.
    /// `regionWithheld`: ALL's weighted figures are blanked where a country's are, and the statement says why.
    static func weightingStatement(_ options: AggregationOptions, prose: ReportProse = .english, withoutCountry: Int = 0,
                                   countsOfAllCountries: Bool = false, withoutMunicipality: Int = 0, weighingZero: Int = 0, anySuppressed: Bool = false,
                                   regionWithheld: Bool = false, countriesWithheld: Bool = false) -> String {
        var text: String
        switch options.weights {
        // "Every respondent counts once" beside "each country weighs the same" read as a contradiction.
        case .respondent: text = options.region == .countryEqual ? prose.weightRespondentWithinCountry : prose.weightRespondent
        case .municipality:
            text = prose.weightMunicipality
            if options.minCell > 1 { text += " " + prose.fill(prose.weightMunicipalityPooled, ["k": String(options.minCell)]) }
            if withoutMunicipality > 0 {
                text += " " + (countsOfAllCountries ? prose.allCountriesCounted : "") + prose.counted(prose.weightMunicipalityLeftOut, withoutMunicipality)
            }
        case let .column(name):
            text = prose.fill(prose.weightColumn, ["c": name])
            if weighingZero > 0 {
                text += " " + (countsOfAllCountries ? prose.allCountriesCounted : "") + prose.counted(prose.weightColumnZero, weighingZero)
            }
        }
        switch options.region {
        case .pooled: text += " " + prose.regionPooled
        case .countryEqual:
            text += " " + prose.regionEqual
            if withoutCountry > 0 { text += " " + prose.counted(prose.regionEqualLeftOut, withoutCountry) }
        }
        // Nothing is suppressed under --min-cell 1 ("fewer than 1 respondents", a reviewer's case);
        // 21 takes the singular in Latvian, Lithuanian and Russian.
        if options.minCell > 1 { text += " " + prose.counted(prose.suppressed, options.minCell) }
        if anySuppressed { text += " " + prose.suppressedFurther }
        if countriesWithheld { text += " " + prose.countriesWithheld }
        return regionWithheld ? text + " " + prose.regionWithheld : text
    }

    /// Whether any figures table blanks something (then the reports say how blanks are protected).
    private var anySuppressed: Bool {
        let tables = aggregator.suppressedTables()
        return (tables.scopes + tables.municipalities + tables.groups).contains(where: \.suppressed)
    }
}
