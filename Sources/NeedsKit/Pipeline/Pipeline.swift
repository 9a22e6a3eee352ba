/// What a run reads and writes.
public struct RunOptions: Sendable {
    public var instrumentPath = "inputs/instrument"
    public var inputs = ["inputs/responses"]
    public var outputPath = "reports"
    /// More input files than this are refused (a folder picked by mistake).
    public var maxFiles = 10_000
    public var reader = ReaderOptions()
    public var normalize = Normalizer.Options()
    public var aggregation = AggregationOptions()
    /// The language of the per-country reports, instead of each country's own (`--lang`).
    public var language: String? = nil
    /// Later survey waves of the same instrument, compared with the main inputs as the baseline (`--wave`).
    public var waves: [String] = []
    /// The instrument of each later wave, when it changed (`--wave-instrument`, one per wave, in order).
    public var waveInstruments: [String] = []
    /// The plan configuration (`--plan`, a `setting,value` CSV); no plan without it.
    public var planPath: String? = nil
    /// Add a HXL hashtag row under the header of every figures table (`--hxl`).
    public var hxl = false
    /// CSVs with a UTF-8 BOM, `;` and decimal commas, for Excel in Baltic locales (`--excel`).
    public var excel = false
    /// Told of progress every 50,000 records and at the end of each file (the CLI shows it on a terminal).
    public var progress: (@Sendable (Progress) -> Void)? = nil
    /// Bytes of a file's clean/issues.csv rows held in memory before they go, sorted, to a
    /// temporary file (see `CleaningLog.Spool`).
    public var issueMemoryLimit = 1 << 22
    /// Entries of an input folder that are no input of it and no input left out: the reports'
    /// staging folder (when `--out` is in the folder) and a `--wave` folder (read as the wave).
    var readElsewhere: Set<InputFiles.FileIdentity> = []
    /// Display names decided over the baseline and the waves together (`InputFiles.runDisplayNames`).
    var displayNames: [InputFiles.FileIdentity: String] = [:]

    public init() {}

    /// Sets the weighting (`--weights`: `respondent`, `municipality` or a column's name); a
    /// column's name is also the column the normaliser reads each respondent's weight from.
    public mutating func weigh(by weights: String) {
        aggregation.weights = AggregationOptions.Weights(weights)
        if case let .column(name) = aggregation.weights { normalize.weightColumn = name }
    }
}

/// How far a run has got, for a progress line.
public struct Progress: Sendable {
    public var file: String
    /// The file being read, from 1 (`file 1/3` while the first is read).
    public var fileIndex: Int
    public var fileCount: Int
    /// Records read of this file.
    public var records: Int
    /// Bytes of the files read whole (the one being read counts once it ends).
    public var bytesDone: Int
}

/// What a run found: the accounting per file, the cleaning log, and the exit code it implies.
public struct RunOutcome: Sendable {
    public var accounts: [FileAccount] = []
    /// The first `firstPerKind` issues of each kind (code and severity) in log order, as the
    /// terminal shows them. Every issue is counted in `issueCounts`, and a report lists them all
    /// in clean/issues.csv.
    public var firstIssues: [CleaningIssue] = []
    /// Every issue found, counted by kind.
    public var issueCounts: [CleaningIssue.Kind: Int] = [:]
    /// Problems with the inputs as a whole (a missing file, an unreadable folder).
    public var inputProblems: [Diagnostic] = []
    public var respondents = 0
    /// The first and last submission date of the respondents (yyyymmdd), read in each file's
    /// day/month order as decided by its end (`Normalizer.submittedDays`); nil without dates.
    public var submittedDays: (first: Int32, last: Int32)? = nil
    /// Later waves (`--wave`, by name) of which no file could be read: there is nothing to compare.
    public var unreadWaves: [String] = []
    /// The `--weights` column, named when no file has it.
    public var weightColumn: String? = nil
    /// What the reader was told instead of detecting it (`--encoding utf-16le`, `--delimiter tab`):
    /// a wrong one leaves no column of the instrument found, and is named among the causes.
    public var readerOverrides: [String] = []

    /// Whether no readable input file has a single column of the instrument: an export of
    /// another survey, the wrong instrument, or empty files (no header: `shape` never set). The
    /// run cannot mean anything (exit 2).
    public var matchesNoQuestion: Bool {
        let read = accounts.filter { $0.failure == nil && $0.wave.isEmpty }
        return !read.isEmpty && read.allSatisfy { $0.unmatched || $0.shape.isEmpty }
    }

    /// Why the run cannot mean anything (exit 2, no reports written), or nil: no input file
    /// could be read, or none has a column of the instrument.
    public var cannotRun: String? {
        if !accounts.contains(where: { $0.failure == nil && $0.wave.isEmpty }) {
            return "no input file could be read (see the messages above)"
        }
        if matchesNoQuestion {
            // Beside files that could not be read, "every input file" would say they were read.
            let files = accounts.contains { $0.failure != nil && $0.wave.isEmpty } ? "input file that could be read" : "input file"
            if accounts.allSatisfy({ $0.failure != nil || !$0.wave.isEmpty || ($0.shape.isEmpty && $0.quarantined == 0) }) {
                return "every \(files) is empty: there is nothing to report"
            }
            if accounts.allSatisfy({ $0.failure != nil || !$0.wave.isEmpty || $0.shape.isEmpty }) {
                return "no \(files) has a header row: every record is blank or quarantined (see the messages above)"
            }
            guard !readerOverrides.isEmpty else {
                return "no input file has a column of this instrument's questions: is it an export of another survey, or the wrong --instrument?"
            }
            // A file read in the wrong encoding or split at the wrong delimiter has no heading a
            // question names either: the options given are the likelier cause, and were not named.
            let given = readerOverrides.joined(separator: " and ")
            let one = readerOverrides.count == 1
            return "no input file has a column of this instrument's questions: \(one ? "is" : "are") \(given) "
                + "wrong for the exports (`needs sniff FILE` shows what is detected without \(one ? "it" : "them")), "
                + "or are they of another survey, or is --instrument the wrong form?"
        }
        // Headers alone (an export made before anyone answered): as empty files, nothing to report.
        if accounts.filter({ $0.failure == nil && $0.wave.isEmpty }).allSatisfy({ $0.recordsRead == 0 }) {
            return "no input file has a record below its header: there is nothing to report"
        }
        // `--weights COLUMN` that no file has: every respondent would weigh 0, every figure blank.
        if lacksWeightColumn(wave: "") {
            return "no input file has the weight column \(weightColumnNamed) (--weights): every respondent would weigh 0 and every figure be blank; "
                + "give --weights respondent, municipality, or a numeric column of the exports"
        }
        // The column found, but no weight in it above 0 (`--weights role`, a column of text):
        // every figure would be blank as well, and the reports were written so, with exit 1.
        if weighsNoOne(wave: "") {
            return "no respondent has a weight above 0 in the weight column \(weightColumnNamed) (--weights): its values are "
                + "text or 0, and every figure would be blank; give --weights respondent, municipality, or a numeric column "
                + "of the exports"
        }
        // A baseline export copied into a follow-up's folder: its respondents would be counted in
        // both waves, and every change measured against themselves (a helper's probe).
        if let (copy, original) = fileInTwoWaves {
            return "\(copy.file) (wave `\(copy.wave)`) has the same bytes as \(original.file) "
                + "(\(original.wave.isEmpty ? "the baseline" : "wave `\(original.wave)`")): the same export would be counted in both waves; "
                + "each wave needs its own export"
        }
        if let wave = unreadWaves.first {
            return "the wave `\(wave)` (--wave) has no respondent: no file of it could be read, or its files hold none (see the messages above); there is nothing to compare"
        }
        // A wave without it: every figure of the wave blank, each change "suppressed".
        var waves: [String] = []
        for account in accounts where !account.wave.isEmpty && !waves.contains(account.wave) { waves.append(account.wave) }
        if let wave = waves.first(where: lacksWeightColumn) {
            return "no file of the wave `\(wave)` (--wave) has the weight column \(weightColumnNamed) (--weights): its respondents would weigh 0 and there would be nothing to compare"
        }
        // A wave whose weights are all text or 0: its figures blank, every change "suppressed",
        // and the reports were written so, with exit 1, as the baseline's were.
        if let wave = waves.first(where: weighsNoOne) {
            return "no respondent of the wave `\(wave)` (--wave) has a weight above 0 in the weight column \(weightColumnNamed) "
                + "(--weights): its values are text or 0, and there would be nothing to compare"
        }
        return nil
    }

    /// The first file of a later wave whose bytes are those of a file of an earlier wave (or the
    /// baseline), with that file. Files of no respondent are alike without counting anyone twice.
    private var fileInTwoWaves: (copy: FileAccount, original: FileAccount)? {
        var first: [String: FileAccount] = [:]
        for account in accounts where account.failure == nil && account.respondents > 0 && !account.sha256.isEmpty {
            if let original = first[account.sha256] {
                if original.wave != account.wave { return (account, original) }
            } else {
                first[account.sha256] = account
            }
        }
        return nil
    }

    /// The `--weights` column as messages name it (`w`).
    private var weightColumnNamed: String { weightColumn.map { "`\(Diagnostic.shortened($0))`" } ?? "" }

    /// Whether, under `--weights COLUMN`, the files of the baseline (`wave` "") or of a later wave
    /// that were read hold respondents and not one weighing above 0 (the column's values text or 0).
    private func weighsNoOne(wave: String) -> Bool {
        let read = accounts.filter { $0.failure == nil && $0.wave == wave }
        return weightColumn != nil && read.reduce(0, { $0 + $1.respondents }) > 0 && read.allSatisfy { $0.weightedRespondents == 0 }
    }

    /// Whether the files of the baseline (`wave` "") or of a later wave that were read and map the
    /// instrument all lack the `--weights` column.
    private func lacksWeightColumn(wave: String) -> Bool {
        let read = accounts.filter { $0.failure == nil && $0.wave == wave && !$0.shape.isEmpty && !$0.unmatched }
        return !read.isEmpty && read.allSatisfy(\.lacksWeightColumn)
    }

    /// Issues kept of each kind in `firstIssues`: as many as the terminal shows.
    public static let firstPerKind = 20

    /// Issues counted by code; with `inputProblems`, every row of clean/issues.csv (problems with
    /// the inputs as a whole, a missing file or a sub-folder left out, come first there).
    public func issuesByCode(withInputProblems: Bool) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (kind, n) in issueCounts { counts[kind.code, default: 0] += n }
        if withInputProblems { for problem in inputProblems { counts[problem.code, default: 0] += 1 } }
        return counts
    }

    /// 0 clean, 1 problems found (warnings or errors in the inputs), 2 nothing matched the instrument.
    public var exitCode: Int32 {
        if cannotRun != nil { return 2 }
        let problem = issueCounts.keys.contains { $0.severity >= .warning } || inputProblems.contains { $0.severity >= .warning }
            || accounts.contains { $0.failure != nil }
        return problem ? 1 : 0
    }

    /// The findings as diagnostics, in the order found: every problem with the inputs as a whole,
    /// then `firstIssues` (the first of each kind; `diagnosticCounts` counts them all).
    public var diagnostics: [Diagnostic] { inputProblems + firstIssues.map(\.diagnostic) }

    /// Every finding counted by kind: problems with the inputs as a whole and issues.
    public var diagnosticCounts: [CleaningIssue.Kind: Int] {
        var counts = issueCounts
        for problem in inputProblems { counts[CleaningIssue.Kind(code: problem.code, severity: problem.severity), default: 0] += 1 }
        return counts
    }
}

/// The stages wired together: ingest → normalise → aggregate → render.
///
///     let outcome = try Pipeline.report(options)   // writes options.outputPath
public enum Pipeline {
    /// The plan alone, for `needs plan`: ingest, aggregate, plan; nothing written. `title` is
    /// the survey's title as the reports show it (plan.md's heading), `weighting` their statement
    /// of the weighting and suppression.
    public static func plan(_ options: RunOptions, configuration: PlanConfiguration) throws
        -> (plan: CurriculumPlan, outcome: RunOutcome, title: String, weighting: String) {
        Gazetteer.prepareShared()
        let instrument = try InstrumentLoader.load(options.instrumentPath)
        try configuration.checkTopics(instrument)
        let aggregator = Aggregator(instrument: instrument, options: aggregation(options, instrument: instrument))
        let outcome = ingest(options, instrument: instrument) { aggregator.add($0) } quarantine: { _, _, _ in }
        let differences = CountryDifference.compute(aggregator, minCell: options.aggregation.minCell)
        let builder = ReportBuilder(instrument: instrument, aggregator: aggregator, differences: differences, outcome: outcome,
                                    dateRange: nil)
        return (CurriculumPlanner.plan(figures: aggregator.figures(), differences: differences, configuration: configuration),
                outcome, instrument.displayTitle, builder.weighting())
    }

    /// Ingest and normalise only, for a designer checking a file a municipality just sent.
    public static func check(_ options: RunOptions) throws -> RunOutcome {
        Gazetteer.prepareShared()
        let instrument = try InstrumentLoader.load(options.instrumentPath)
        return ingest(options, instrument: instrument) { _ in } quarantine: { _, _, _ in }
    }

    /// The whole run: reads every input, writes every report into `options.outputPath` atomically.
    public static func report(_ options: RunOptions) throws -> RunOutcome {
        Gazetteer.prepareShared()
        let instrument = try InstrumentLoader.load(options.instrumentPath)
        try validate(options, instrument: instrument)
        let planConfiguration = try options.planPath.map { try PlanConfiguration.load($0) }
        try planConfiguration?.checkTopics(instrument)
        // Loaded before any work, as the instrument is: a wrong one stopped the run only once the
        // baseline was read, and its message said to give `--instrument` another path.
        var waveInstruments = try options.waveInstruments.map { path in
            do {
                return try InstrumentLoader.load(path)
            } catch var error as InstrumentError {
                for k in error.problems.indices {
                    error.problems[k].message = error.problems[k].message.replacingOccurrences(of: "give --instrument", with: "give --wave-instrument")
                }
                throw error
            }
        }
        try validateWaveInstruments(waveInstruments, paths: options.waveInstruments, baseline: instrument)
        for k in waveInstruments.indices {
            waveInstruments[k].findings += renamedTopics(waveInstruments[k], path: options.waveInstruments[k], baseline: instrument)
        }
        let aggregator = Aggregator(instrument: instrument, options: aggregation(options, instrument: instrument))
        let csv = CSVStyle(excel: options.excel, hxl: options.hxl)
        try OutputFolder.checkTarget(options.outputPath, inputs: options.inputs + [options.instrumentPath]
                                         + options.waves + options.waveInstruments + [options.planPath ?? ""])
        let output = try OutputFolder(path: options.outputPath)
        var options = options
        // The reports folder itself too, where it is inside an input folder (`--out responses/reports`):
        // its second run had warned of it as a sub-folder not read, telling the user to name it as
        // an input (a probe's), and exited 1 where the first exited 0.
        options.readElsewhere = Set(([output.staging, options.outputPath] + options.waves).compactMap(InputFiles.FileIdentity.init(path:)))
        // A wave's files are named apart from the baseline's (`2025/responses/EE.csv`, `2026/responses/EE.csv`).
        if !options.waves.isEmpty { options.displayNames = InputFiles.runDisplayNames([options.inputs] + options.waves.map { [$0] }) }
        let clean: CleanResponsesWriter
        do {
            clean = CleanResponsesWriter(instrument: instrument, style: csv, stream: try output.stream("clean/responses.csv"))
        } catch {
            output.abandon()
            throw error
        }
        var quarantine = QuarantineWriter(instrument: instrument, style: csv)
        // Clean respondents are aggregated and written on a second thread while the next
        // records are read and normalised; that thread alone touches these until `finish`.
        let folded = Folded(panel: instrument.panelQuestion.map { _ in PanelRatings() })
        let sink = CleanRowSink(instrument: instrument, aggregator: aggregator, clean: clean,
                                respondents: folded.panel == nil ? nil : { respondent in
                                    record(respondent, instrument: instrument, aggregator: aggregator, into: &folded.panel)
                                })
        let rows = RowHandoff { sink.consume($0) }
        // Every issue's row goes to a temporary file in the staging folder as it is found.
        let log = CleaningLog(spool: CleaningLog.Spool(directory: output.staging, style: csv, memoryLimit: options.issueMemoryLimit))
        var outcome: RunOutcome
        var waveChanges: [WaveChange] = []
        // A wave's files whose counts would give back what its own tables blank, as the baseline's;
        // and whether a wave's whole count is blanked (the run's totals would give it back).
        var waveWithheld: Set<String> = []
        var waveTotalHidden = false
        outcome = ingest(options, instrument: instrument, log: log, rows: rows, respondent: { _ in }) { record, reason, mapping in
            quarantine.add(record, reason: reason, mapping: mapping)
        }
        rows.finish()
        log.add(contentsOf: dominantWeights(aggregator, options: options.aggregation))
        folded.dates = outcome.submittedDays.map { (SubmissionDate.format($0.first), SubmissionDate.format($0.last)) }
        let baselinePanel = folded.panel
        if let question = instrument.panelQuestion?.key, let issue = baselinePanel?.repeatedCodesIssue(question: question, wave: "the baseline") {
            log.add(contentsOf: [issue])
        }
        let waveNames = InputFiles.waveNames(options.waves)
        var waveForms: [String: Instrument] = [:]
        for (k, wavePath) in options.waves.enumerated() {
            let waveInstrument = k < waveInstruments.count ? waveInstruments[k] : instrument
            if k < waveInstruments.count { waveForms[waveNames[k]] = waveInstrument }
            var waveAggregation = options.aggregation
            waveAggregation.byQuestion = nil
            let waveAggregator = Aggregator(instrument: waveInstrument, options: waveAggregation)
            var panel = waveInstrument.panelQuestion.map { _ in PanelRatings() }
            var waveOptions = options
            waveOptions.inputs = [wavePath]
            let name = waveNames[k]
            let waveOutcome = ingest(waveOptions, instrument: waveInstrument, log: log, instrumentFindings: k < waveInstruments.count) { respondent in
                waveAggregator.add(respondent)
                record(respondent, instrument: waveInstrument, aggregator: waveAggregator, into: &panel)
            } quarantine: { _, _, _ in }
            outcome.accounts += waveOutcome.accounts.map { account in
                var account = account
                account.wave = name
                return account
            }
            outcome.inputProblems += waveOutcome.inputProblems
            if let question = waveInstrument.panelQuestion?.key, let issue = panel?.repeatedCodesIssue(question: question, wave: "wave `\(name)`") {
                log.add(contentsOf: [issue])
            }
            // A wave with nothing read, or no respondent (empty or header-only files), has nothing to compare.
            if !waveOutcome.accounts.contains(where: { $0.failure == nil && $0.respondents > 0 }) { outcome.unreadWaves.append(name) }
            let panels = baselinePanel.flatMap { b in panel.map { (b, $0) } }
            waveWithheld.formUnion(waveAggregator.withheldFiles(waveOutcome.accounts.map { ($0.file, $0.respondents) }))
            if options.aggregation.minCell > 1 && waveAggregator.suppressedTables().hiddenScopes.contains("ALL") { waveTotalHidden = true }
            waveChanges += WaveComparison.compare(wave: name, baseline: aggregator, later: waveAggregator, panels: panels,
                                                  minCell: options.aggregation.minCell)
        }
        outcome.firstIssues = log.firstIssues
        outcome.issueCounts = log.counts
        clean.finish()
        if outcome.cannotRun != nil {
            // Nothing to report: the previous reports stay as they were.
            output.abandon()
            return outcome
        }
        // Made on a second thread below; waited for on the way out when a write fails, so that
        // the thread does not outlive the run.
        var reports: BackgroundWork<Void>? = nil
        do {
            // Country-equal ALL is weighted too (its intervals use Kish's effective n), whatever the weights.
            let weighted = options.aggregation.weights != .respondent || options.aggregation.region == .countryEqual
            let figures = aggregator.figures()
            let differences = CountryDifference.compute(aggregator, minCell: options.aggregation.minCell)
            var builder = ReportBuilder(instrument: instrument, aggregator: aggregator, differences: differences,
                                        outcome: outcome, dateRange: folded.dates)
            builder.waveChanges = waveChanges
            builder.waveInstruments = waveForms
            let plan = planConfiguration.map { configuration in
                (CurriculumPlanner.plan(figures: figures, differences: differences, configuration: configuration), configuration)
            }
            builder.plan = plan
            // The reports (Markdown, HTML and their charts) are made on a second thread while this
            // one writes the tables, then by both, and written after the tables.
            let work = ReportWork(builder, language: options.language)
            let made = BackgroundWork { [work] in work.work() }
            reports = made
            let issues = try output.stream("clean/issues.csv")
            try log.write(inputProblems: outcome.inputProblems, to: issues)
            issues.close()
            try output.write("clean/quarantine.csv", quarantine.text)
            // Each table's columns, for data_dictionary.md.
            var tables: [DataDictionary.Table] = []
            func table(_ file: String, _ columns: [String], by: String? = nil, _ text: String) throws {
                let place = by.flatMap { instrument.question(named: $0)?.place }
                tables.append(DataDictionary.Table(file: file, columns: columns, byQuestion: by, byPlace: place == .municipality))
                try output.write(file, text)
            }
            try table("topic_demand.csv", FiguresTable.header(weighted: weighted),
                      FiguresTable.render(figures, weighted: weighted, style: csv))
            let places = ["municipality_code", "municipality"]
            try table("topic_demand_by_municipality.csv", FiguresTable.header(groupColumns: places, weighted: weighted),
                      FiguresTable.render(aggregator.municipalityFigures(), groupColumns: places, weighted: weighted, style: csv))
            if let by = options.aggregation.byQuestion {
                let group = byColumns(by)
                try table(byTableName(by), FiguresTable.header(groupColumns: group, weighted: weighted), by: by,
                          FiguresTable.render(aggregator.groupFigures(), groupColumns: group, weighted: weighted, style: csv))
            }
            try table("country_differences.csv", DifferencesTable.columns, DifferencesTable.render(differences, style: csv))
            if !options.waves.isEmpty { try table("waves.csv", WavesTable.columns, WavesTable.render(waveChanges, style: csv)) }
            let withheld = aggregator.withheldFiles(outcome.accounts.filter { $0.wave.isEmpty }.map { ($0.file, $0.respondents) })
                .union(waveWithheld)
            // The baseline's region count blanked (too few respondents in all): the totals would give it back.
            let totalHidden = waveTotalHidden || aggregator.suppressedTables().hiddenScopes.contains("ALL")
            try output.write("summary.json", SummaryJSON.render(outcome: outcome, instrument: instrument, options: options,
                                                                withheld: withheld, totalsWithheld: totalHidden))
            if let (plan, configuration) = plan {
                try table("plan.csv", PlanReport.columns, PlanReport.csv(plan, style: csv))
                let document = PlanReport.document(plan, configuration: configuration, title: builder.formTitle,
                                                   weighting: builder.weighting())
                try output.write("plan.md", MarkdownRenderer.render(document))
            }
            try output.write(DataDictionary.file, MarkdownRenderer.render(builder.dataDictionary(tables, style: csv)))
            work.work()
            made.wait()
            for (file, text) in work.files() { try output.write(file, text) }
            try output.commit()
        } catch {
            _ = reports?.wait()
            output.abandon()
            throw error
        }
        return outcome
    }

    /// The region report and each country's, made by whichever of two threads asks first for the
    /// next: a thread of their own from the start, and the tables' thread once its tables are
    /// written (`work` on both). The files do not depend on which thread made which report.
    final class ReportWork: @unchecked Sendable {
        private let builder: ReportBuilder
        private let language: String?
        /// The reports' paths without their extension, the region's first, and the countries'.
        private let paths: [String]
        private let countries: [String]
        /// The next report to start, and per report its Markdown, its HTML and its charts (file, SVG).
        private let state: Locked<(next: Int, made: [(markdown: String, html: String, charts: [(String, String)])?])>

        init(_ builder: ReportBuilder, language: String?) {
            self.builder = builder
            self.language = language
            countries = builder.aggregator.scopeRespondents.keys.sorted().filter { $0 != "ALL" }
            paths = ["report"] + countries.map { "countries/" + $0 }
            state = Locked((0, Array(repeating: nil, count: paths.count)))
        }

        /// Makes reports until none is left to start.
        func work() {
            while let k = take() {
                let document = k == 0 ? builder.regionReport() : builder.countryReport(countries[k - 1], language: language)
                var charts: [(String, String)] = []
                for case let .chart(svg, file, _) in document.blocks {
                    charts.append((file.replacingOccurrences(of: "../", with: ""), svg))
                }
                let files = (MarkdownRenderer.render(document), HTMLRenderer.render(document), charts)
                state.withLock { $0.made[k] = files }
            }
        }

        private func take() -> Int? {
            state.withLock { state in
                guard state.next < paths.count else { return nil }
                state.next += 1
                return state.next - 1
            }
        }

        /// Every report's files, then their charts by name (a chart two reports draw is the
        /// later one's): once every `work` has returned.
        func files() -> [(String, String)] {
            var files: [(String, String)] = []
            var charts: [String: String] = [:]
            let made = state.withLock { $0.made }
            for (path, report) in zip(paths, made) {
                guard let report else { preconditionFailure("a report not made: \(path)") }
                files.append((path + ".md", report.markdown))
                files.append((path + ".html", report.html))
                for (file, svg) in report.charts { charts[file] = svg }
            }
            return files + charts.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value) }
        }
    }

    /// A warning per scope (country, `ALL`) whose respondents are enough to publish but whose
    /// weights leave fewer effective respondents (Kish) than `--min-cell`: one or a few weights
    /// dominate, and the scope's weighted figures are suppressed.
    static func dominantWeights(_ aggregator: Aggregator, options: AggregationOptions) -> [CleaningIssue] {
        // Country-equal weights ALL too: a country of one or two respondents can dominate it.
        guard options.weights != .respondent || options.region == .countryEqual, options.minCell > 1 else { return [] }
        let source = options.weights != .respondent ? "--weights \(options.weights)" : "--region \(options.region.rawValue)"
        var issues: [CleaningIssue] = []
        var scopes = Set<String>()
        // Respondents weighing 0 count in no figure, nor in `scopeRespondents`: every weight 0 leaves none there.
        let answered = aggregator.scopeRespondents.merging(aggregator.scopeRespondentsWeighingZero, uniquingKeysWith: +)
        for figure in aggregator.figures() where scopes.insert(figure.country).inserted {
            if figure.weightedN == 0, let n = answered[figure.country], n >= options.minCell {
                // Every respondent of the scope weighs 0: nothing to publish.
                let why = options.weights == .municipality ? "none has a recognised municipality (--weights municipality)" : "every weight is 0"
                issues.append(CleaningIssue(
                    file: source, line: nil, question: figure.country, code: "dominant_weight", action: .kept,
                    message: "\(figure.country): \(n) respondents but a total weight of 0: \(why); the scope has no weighted figures"))
                continue
            }
            guard figure.respondents >= options.minCell, figure.effectiveN < TopicFigures.effectiveLimit(options.minCell) else { continue }
            issues.append(CleaningIssue(
                file: source, line: nil, question: figure.country, code: "dominant_weight", action: .kept,
                message: "\(figure.country): \(figure.respondents) respondents but a Kish effective sample size of \(NumberFormat.fixed(figure.effectiveN, decimals: 2)) (< --min-cell \(options.minCell)): one or a few weights dominate; the scope's weighted figures are suppressed"))
        }
        return issues
    }

    /// The panel ratings the aggregating thread gathers, and the submission dates' range.
    private final class Folded: @unchecked Sendable {
        var dates: (first: String, last: String)? = nil
        var panel: PanelRatings?
        init(panel: PanelRatings?) { self.panel = panel }
    }

    /// Keeps a panel member's ratings (when the instrument has a panel code and the answer has one).
    static func record(_ respondent: Respondent, instrument: Instrument, aggregator: Aggregator, into panel: inout PanelRatings?) {
        guard panel != nil, let q = instrument.panelQuestion.flatMap({ instrument.questionIndex[$0.key] }),
              let code = respondent.answer(q)?.cleanValue, !code.isEmpty else { return }
        // A code typed by the respondent in each wave: `AB12`, `ab12` and `AB 12` are the same person.
        panel!.add(code: code, country: respondent.country ?? "", ratings: aggregator.ratings(of: respondent),
                   at: (respondent.sourceFile, respondent.sourceLine))
    }

    /// The file of the `--by` table: `topic_demand_by_QUESTION.csv`, or, for a question named
    /// `municipality`, `topic_demand_by_question_municipality.csv` (the per-municipality table
    /// has the other name, and was replaced by it). A question known by its group path
    /// (`staff/role`, a name in two groups) is written with `-` for `/`, as ODK Central joins
    /// groups: the table was `role.csv` in a folder `topic_demand_by_staff`.
    static func byTableName(_ by: String) -> String {
        let name = by.replacingOccurrences(of: "/", with: "-")
        return by.lowercased() == "municipality" ? "topic_demand_by_question_\(name).csv" : "topic_demand_by_\(name).csv"
    }

    /// The code and label columns of the `--by` table: `QUESTION`, `QUESTION_label`, or, for a
    /// question named as a column of the table already (`--by country`), `question_country` and
    /// `question_country_label`: the header had `country` twice, which a partner's tools rename
    /// or refuse.
    static func byColumns(_ by: String) -> [String] {
        let name = FiguresTable.header(weighted: true).contains(by.lowercased()) ? "question_" + by : by
        return [name, name + "_label"]
    }

    /// The aggregation options, with what `--by` the municipality question needs: the choice
    /// each municipality is (`AggregationOptions.byPlaceChoices`).
    static func aggregation(_ options: RunOptions, instrument: Instrument) -> AggregationOptions {
        var aggregation = options.aggregation
        if let by = aggregation.byQuestion, let place = instrument.municipalityQuestion, place.key == by,
           let list = place.kind.listName.flatMap({ instrument.choiceLists[$0] }) {
            aggregation.byPlaceChoices = Gazetteer.shared.choicesByMunicipality(list)
        }
        return aggregation
    }

    /// Checks the options against the instrument before any work starts.
    static func validate(_ options: RunOptions, instrument: Instrument) throws {
        try validateWaves(options)
        if let by = options.aggregation.byQuestion {
            guard let question = instrument.question(named: by), case .selectOne = question.kind else {
                // Named for the user to pick from: the select_one questions that rate no topic.
                let candidates = instrument.questions.filter {
                    if case .selectOne = $0.kind { return $0.measure == nil && !$0.inRepeat } else { return false }
                }.map { "`\($0.key)`" }
                let choose = candidates.isEmpty ? "the instrument has none to give" : "give one of " + candidates.joined(separator: ", ")
                throw InstrumentError(problems: [Diagnostic(
                    .error, file: options.instrumentPath, code: "bad_by_question",
                    message: "--by needs a select_one question of the instrument; `\(by)` is not one: \(choose)")])
            }
        }
    }

    /// Each wave is compared with the baseline: a wave holding a file of the baseline or of an
    /// earlier wave (the same file, by any path or link) would compare respondents with themselves.
    static func validateWaves(_ options: RunOptions) throws {
        guard !options.waves.isEmpty else { return }
        var owner: [InputFiles.FileIdentity: String] = [:]
        for id in InputFiles.expand(options.inputs).identities { owner[id] = "the baseline" }
        var problems: [Diagnostic] = []
        for (wave, name) in zip(options.waves, InputFiles.waveNames(options.waves)) {
            let expansion = InputFiles.expand([wave])
            for (id, display) in zip(expansion.identities, expansion.displayNames) {
                if let first = owner[id] {
                    problems.append(Diagnostic(.error, file: display, code: "wave_overlap",
                                               message: "this file of wave `\(name)` is an input of \(first) too: a wave is compared with the baseline, so no file may be in both"))
                } else {
                    owner[id] = "wave `\(name)`"
                }
            }
        }
        if !problems.isEmpty { throw InstrumentError(problems: problems) }
    }

    /// A wave's instrument rates each topic the baseline's also has on the baseline's scales: a
    /// mean of 6.44 on 2-10 against 2.61 on 1-5 is no change (a helper's probe: "+3.83 ▲").
    static func validateWaveInstruments(_ instruments: [Instrument], paths: [String], baseline: Instrument) throws {
        var problems: [Diagnostic] = []
        for (instrument, path) in zip(instruments, paths) {
            // One error a measure and pair of scales, naming its topics.
            var differing: [(measure: String, now: String, was: String, topics: [String])] = []
            for topic in instrument.topics {
                guard let before = baseline.topics.first(where: { $0.key == topic.key }) else { continue }
                for (measure, was, now) in [("importance", before.importanceQuestion, topic.importanceQuestion),
                                            ("competence", before.competenceQuestion, topic.competenceQuestion)] {
                    guard let old = baseline.scale(ofQuestion: was), let new = instrument.scale(ofQuestion: now), old != new else { continue }
                    let (oldText, newText) = (Instrument.describe(old), Instrument.describe(new))
                    if let k = differing.firstIndex(where: { $0.measure == measure && $0.now == newText && $0.was == oldText }) {
                        differing[k].topics.append(topic.key)
                    } else {
                        differing.append((measure, newText, oldText, [topic.key]))
                    }
                }
            }
            for d in differing {
                let topics = d.topics.map { "`\($0)`" }.joined(separator: ", ")
                problems.append(Diagnostic(.error, file: path, code: "wave_scale_mismatch",
                                           message: "\(d.measure) is rated \(d.now) here but \(d.was) in the baseline's instrument (topic\(d.topics.count == 1 ? "" : "s") \(topics)): "
                                               + "means on two scales cannot be compared; score the lists on the same points"))
            }
        }
        if !problems.isEmpty { throw InstrumentError(problems: problems) }
    }

    /// A wave's topic the baseline lacks, labelled as a baseline topic the wave lacks: the same
    /// topic renamed, reported apart as two topics each asked in one wave (a helper's probe).
    static func renamedTopics(_ wave: Instrument, path: String, baseline: Instrument) -> [Diagnostic] {
        let waveKeys = Set(wave.topics.map(\.key)), baselineKeys = Set(baseline.topics.map(\.key))
        func label(_ instrument: Instrument, _ topic: String) -> String {
            instrument.topicLabel(topic).trimmingSpaces.lowercased()
        }
        return wave.topics.filter { !baselineKeys.contains($0.key) }.compactMap { topic in
            let text = label(wave, topic.key)
            guard let before = baseline.topics.first(where: { !waveKeys.contains($0.key) && label(baseline, $0.key) == text }) else { return nil }
            return Diagnostic(.warning, file: path, code: "wave_topic_renamed",
                              message: "topic `\(topic.key)` has the label of the baseline's topic `\(before.key)` (\(Diagnostic.shortened(wave.topicLabel(topic.key)))), "
                                  + "which this instrument lacks: the two are compared as topics asked in one wave each; give it the name `\(before.key)` to compare them")
        }
    }

    /// Ingest and normalisation of bytes in memory with a normaliser kept across calls (the
    /// fuzzer's entry: no file, no instrument loading per input). Returns the file's accounting.
    public static func normalize(bytes: [UInt8], normalizer: Normalizer, respondent: (Respondent) -> Void) -> FileAccount {
        var account = FileAccount(file: "fuzz.csv")
        var mapping: Normalizer.FileMapping? = nil
        do {
            _ = try CSVReader(bytes: bytes, displayName: "fuzz.csv").read(diagnose: { _ in }) { record in
                if record.isHeader {
                    mapping = normalizer.mapHeader(record.fields, file: "fuzz.csv", line: record.line, log: { _ in })
                    return
                }
                guard let mapping else {
                    // Above the header: a blank line, or a record a quote left open ran on over.
                    account.recordsRead += 1
                    if record.quarantineReason != nil { account.quarantined += 1 } else { account.blankRows += 1 }
                    return
                }
                let outcome = normalizer.normalize(record, mapping: mapping, log: { _ in })
                if !outcome.isHashtagRow { account.recordsRead += 1 }
                switch outcome {
                case let .respondent(r):
                    account.respondents += 1
                    respondent(r)
                case .duplicate: account.duplicates += 1
                case .blank: account.blankRows += 1
                case .quarantined: account.quarantined += 1
                case .hashtagRow: break
                }
            }
        } catch {
            account.failure = "\(error)"
        }
        return account
    }

    /// Reads every input file and normalises its records, handing each clean one to `rows` when
    /// given (the report's aggregating thread), otherwise to `respondent`. The issues found go
    /// to `cleaningLog` (a report's, which keeps every row), or to a log of the run's own.
    static func ingest(
        _ options: RunOptions, instrument: Instrument,
        log cleaningLog: CleaningLog = CleaningLog(),
        rows: RowHandoff? = nil,
        instrumentFindings: Bool = true,
        respondent: (Respondent) -> Void,
        quarantine: (RecordBuffer, String, Normalizer.FileMapping) -> Void
    ) -> RunOutcome {
        var outcome = RunOutcome()
        // What the form may have wrong, first (a wave read with the baseline's form says it once).
        if instrumentFindings && !instrument.findings.isEmpty {
            cleaningLog.add(contentsOf: instrument.findings.map { CleaningIssue($0, action: .kept) })
        }
        outcome.weightColumn = options.normalize.weightColumn
        if let encoding = options.reader.encoding { outcome.readerOverrides.append("--encoding \(encoding.rawValue)") }
        if let delimiter = options.reader.delimiter {
            let name = delimiter == 0x09 ? "tab" : delimiter == 0x20 ? "space" : "'\(UnicodeScalar(delimiter))'"
            outcome.readerOverrides.append("--delimiter " + name)
        }
        let expansion = InputFiles.expand(options.inputs, maxFiles: options.maxFiles, leavingOut: options.readElsewhere,
                                          names: options.displayNames)
        // Its `/proc/self/fd/N` paths (names that are not UTF-8) are open while it is.
        defer { withExtendedLifetime(expansion) {} }
        outcome.inputProblems = expansion.problems
        // A file's SHA-256 is computed on another core from the bytes the parser reads.
        func startReading(_ path: String, _ file: String) -> (ReadingAhead, StreamDigest) {
            let digest = StreamDigest()
            var reader = CSVReader(path: path, displayName: file, options: options.reader)
            reader.observer = digest
            return (reader.startReadingAhead(), digest)
        }
        // The first file's thread detects its encoding and dialect and parses its first records
        // while the normaliser is made (a few milliseconds each, at the start of every run).
        var firstReading = expansion.files.isEmpty ? nil : startReading(expansion.files[0], expansion.displayNames[0])
        let normalizer = Normalizer(instrument: instrument, options: options.normalize)
        normalizer.sharedBaseNames = expansion.sharedBaseNames
        normalizer.keepsFresh = rows != nil
        // Borrowed in the per-record closure below, which would otherwise retain and release it
        // for every row; `rows` outlives the ingest.
        let handoff = rows.map { Unmanaged.passUnretained($0) }
        var bytesDone = 0
        for (index, (path, file)) in zip(expansion.files, expansion.displayNames).enumerated() {
            var account = FileAccount(file: file)
            var mapping: Normalizer.FileMapping? = nil
            // The same mapping, borrowed per record (`mapping` keeps it alive for the file).
            var mappingRef: Unmanaged<Normalizer.FileMapping>? = nil
            cleaningLog.startFile()
            let log: (CleaningIssue) -> Void = { cleaningLog.add($0) }
            let (reading, digest) = firstReading.take() ?? startReading(path, file)
            rows?.startFile(file)
            do {
                // A header with columns that map no question may be the upper row of two (a
                // hand-made sheet's merged group labels above the questions'): held, with its
                // issues, until the record below it tells.
                var heldHeader: (fields: [String], line: Int, issues: [CleaningIssue], mapping: Normalizer.FileMapping)? = nil
                // The reader took the upper row of a two-row header for the header: the cells right of
                // each group label (merged) looked like unnamed columns at its end, and the lower row's
                // names like values under them. Its trailing_delimiter finding on that row is told
                // again by the two rows' names: the columns neither row names, if any.
                var twoRowHeader: (upperLine: Int, lowerLine: Int, width: Int, unnamedAtEnd: Int)? = nil
                // A file none of whose rows can be a respondent: the first filled cell of its
                // header and of its first rows, which name the questions in a sheet of one
                // respondent per column (`transposed_sheet`, said after the file).
                var firstCells: [(name: String, next: String)]? = nil
                var headerLine = 0
                // The first filled cell that is no row number (`Nr;Küsimus;Vastaja 1`), and the
                // cell after it.
                func firstFilled(_ count: Int, _ field: (Int) -> String) -> (name: String, next: String)? {
                    for index in 0..<min(count, 8) {
                        let cell = field(index).trimmingSpaces
                        if cell.isEmpty || Normalizer.isRowNumber(cell) { continue }
                        return (cell, index + 1 < count ? field(index + 1).trimmingSpaces : "")
                    }
                    return nil
                }
                func diagnose(_ finding: Diagnostic) {
                    guard finding.code == "trailing_delimiter", let two = twoRowHeader, finding.line == two.upperLine
                    else { return cleaningLog.add(readerFinding: finding) }
                    guard two.unnamedAtEnd > 0 else { return }
                    var note = finding
                    note.severity = .note
                    note.line = two.lowerLine
                    note.column = two.width - two.unnamedAtEnd + 1
                    note.message = "the header (two rows) ends with \(two.unnamedAtEnd) column(s) neither row names, "
                        + "a trailing delimiter; a column without a name matches no question"
                    cleaningLog.add(readerFinding: note)
                }
                func useHeader(_ current: Normalizer.FileMapping, line: Int, issues: [CleaningIssue], header: [String]) {
                    issues.forEach(log)
                    mapping = current
                    mappingRef = Unmanaged.passUnretained(current)
                    account.shape = current.shape.rawValue
                    account.unmappedColumns = current.unmapped
                    account.unmatched = !current.mapsAnyQuestion
                    account.lacksWeightColumn = options.normalize.weightColumn != nil && current.weightColumn == nil
                    headerLine = line
                    if current.quarantinesEveryRow && !current.isRepeatTable && !current.transposed {
                        firstCells = firstFilled(header.count) { header[$0] }.map { [$0] } ?? []
                    } else {
                        firstCells = nil
                    }
                    if !current.mapsAnyQuestion && !current.isRepeatTable {
                        // Named at its first column that is no question (the unmapped_columns note lists them all).
                        let first = issues.first { $0.code == "unmapped_columns" }?.column
                        let example = first.map { " (the first, column \($0): `\(Diagnostic.shortened(current.unmapped.first ?? ""))`)" } ?? ""
                        // LimeSurvey's own question codes (`G01Q01`) say which tool wrote the file, not which survey.
                        let cause = current.shape == .limeSurvey && current.unmapped.contains(where: ExportShape.isLimeSurveyNumberedCode)
                            ? "LimeSurvey headed its columns by the question codes it numbers itself (`G01Q01`), which name no question "
                                + "of the form: export the responses again with \"Question code & question text\" or \"Full question text\" "
                                + "headings, or give the questions the XLSForm's names as their codes."
                            : "is this an export of another survey, or is --instrument the wrong form?"
                        log(CleaningIssue(file: file, line: line, column: first, code: "no_matching_questions",
                                          action: .quarantined, severity: .error,
                                          message: "no column matches a question of \(instrument.named)\(example): \(cause) None of its rows is read as a respondent"))
                    }
                }
                let summary = try reading.consume(diagnose: diagnose) { record in
                    if record.isHeader {
                        var issues: [CleaningIssue] = []
                        let current = normalizer.mapHeader(record.fields, file: file, line: record.line, above: record.aboveTable,
                                                           log: { issues.append($0) })
                        if current.mapsAnyQuestion && current.unmapped.isEmpty {
                            useHeader(current, line: record.line, issues: issues, header: record.fields)
                        } else {
                            heldHeader = (record.fields, record.line, issues, current)
                        }
                        return
                    }
                    if let held = heldHeader {
                        heldHeader = nil
                        var issues: [CleaningIssue] = []
                        if let combined = normalizer.mapTwoRowHeader(upper: held.fields, upperMapping: held.mapping, lower: record,
                                                                     file: file, log: { issues.append($0) }) {
                            useHeader(combined, line: record.line, issues: issues, header: record.fields)
                            let names = normalizer.headerOfTwoRows(upper: held.fields, lower: record.fields)
                            let unnamed = names.reversed().prefix { $0.trimmingSpaces.isEmpty }.count
                            twoRowHeader = (held.line, record.line, names.count, min(unnamed, names.count - 1))
                            return
                        }
                        useHeader(held.mapping, line: held.line, issues: held.issues, header: held.fields)
                    }
                    guard let mappingRef else {
                        // Above the header: a blank line, or a record a quote left open ran on
                        // over (the reader has said why, at its line).
                        account.recordsRead += 1
                        if record.quarantineReason != nil { account.quarantined += 1 } else { account.blankRows += 1 }
                        return
                    }
                    if firstCells != nil, firstCells!.count < 64, let cell = firstFilled(record.count, { record[$0] }) {
                        firstCells!.append(cell)
                    }
                    if let progress = options.progress, record.index % 50_000 == 0 {
                        progress(Progress(file: file, fileIndex: index + 1, fileCount: expansion.files.count,
                                          records: record.index, bytesDone: bytesDone))
                    }
                    let read = mappingRef._withUnsafeGuaranteedRef { normalizer.normalizeRow(record, mapping: $0, log: log) }
                    guard let outcomeOfRecord = read else {
                        account.recordsRead += 1
                        account.respondents += 1
                        if normalizer.row.weight > 0 { account.weightedRespondents += 1 }
                        if let handoff {
                            handoff._withUnsafeGuaranteedRef { $0.send(normalizer) }
                        } else {
                            respondent(normalizer.respondent(file: file))
                        }
                        return
                    }
                    if !outcomeOfRecord.isHashtagRow { account.recordsRead += 1 }
                    switch consume outcomeOfRecord {
                    case .respondent:
                        preconditionFailure("normalizeRow leaves a clean respondent in its row")
                    case .duplicate:
                        account.duplicates += 1
                    case .blank:
                        account.blankRows += 1
                    case let .quarantined(reason):
                        account.quarantined += 1
                        mappingRef._withUnsafeGuaranteedRef { quarantine(record, reason, $0) }
                    case .hashtagRow:
                        log(normalizer.hashtagRowIssue(record, file: file))
                    }
                }
                account.encoding = summary.encoding.encoding.rawValue
                account.encodingEvidence = summary.encoding.evidence.rawValue
                account.delimiter = summary.dialect.delimiterName
                account.lineEnding = summary.dialect.lineEnding.rawValue
                account.quote = SniffCommand.quoteName(summary.dialect.quote)
                if let sheet = summary.workbookSheet {
                    // The text of the sheet is the reader's own making: its encoding and dialect say nothing of the file.
                    (account.sheet, account.encoding, account.encodingEvidence) = (sheet, "xlsx", "workbook")
                    (account.delimiter, account.lineEnding, account.quote) = ("", "", "")
                }
                account.preambleRecords = summary.preambleRecords
                account.repeatedHeaders = summary.repeatedHeaders
                account.footnoteRecords = summary.footnoteRecords
                account.bytes = summary.bytes
                account.sha256 = digest.finish()
                if let held = heldHeader { useHeader(held.mapping, line: held.line, issues: held.issues, header: held.fields) }
                // Its questions down the first column: a sheet of one respondent per column.
                if let cells = firstCells {
                    let named = normalizer.questionsNamed(by: cells)
                    if named.count >= 3 {
                        let shown = named.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (named.count > 3 ? ", ..." : "")
                        log(CleaningIssue(file: file, line: headerLine, column: nil, code: "transposed_sheet", action: .quarantined,
                                          severity: .error,
                                          message: "the first column names \(named.count) questions of the instrument (\(shown)): a sheet of "
                                            + "one respondent per column. \(Normalizer.transposeAdvice)"))
                    }
                }
                if mapping == nil && account.quarantined > 0 {
                    log(CleaningIssue(file: file, line: nil, code: "no_header", action: .quarantined, severity: .error,
                                      message: "no header row: every record of the file is blank or quarantined"))
                } else if mapping == nil {
                    log(CleaningIssue(file: file, line: nil, code: "empty_file", action: .kept, severity: .warning,
                                      message: account.blankRows > 0 ? "no header row: the file holds blank lines only" : "no header row: the file is empty"))
                } else if account.recordsRead == 0 {
                    // In a folder beside other exports it had been said nowhere but in its count.
                    log(CleaningIssue(file: file, line: headerLine, code: "no_records", action: .kept, severity: .warning,
                                      message: "a header and no record below it: a download cut short, or an export made before anyone answered?"))
                }
            } catch {
                // The log row names the file (and the line) already: the message does not repeat them.
                let line = (error as? ReaderError)?.line
                let text = "\(error)"
                let message = (error as? ReaderError)?.reason
                    ?? (text.hasPrefix(file + ": ") ? String(text.dropFirst(file.count + 2)) : text)
                account.failure = line.map { "line \($0): \(message)" } ?? message
                log(CleaningIssue(file: file, line: line, code: "file_unreadable", action: .dropped, severity: .error,
                                  message: message))
            }
            rows?.endFile(normalizer)
            normalizer.finishFile(file, log: log)
            // The file's issues and the reader's findings, in line order.
            cleaningLog.finishFile()
            outcome.respondents += account.respondents
            bytesDone += account.bytes
            options.progress?(Progress(file: file, fileIndex: index + 1, fileCount: expansion.files.count,
                                       records: account.recordsRead, bytesDone: bytesDone))
            outcome.accounts.append(account)
        }
        outcome.submittedDays = normalizer.submittedDays
        outcome.firstIssues = cleaningLog.firstIssues
        outcome.issueCounts = cleaningLog.counts
        return outcome
    }
}
