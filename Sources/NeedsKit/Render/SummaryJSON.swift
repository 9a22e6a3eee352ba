/// summary.json: the run's accounting and provenance, with keys in a fixed order.
public enum SummaryJSON {
    public static let version = "0.1.0"

    /// The instrument file's digest, or for a folder, the digests of the sheets it was read from, in order.
    static func instrumentDigest(_ path: String) -> String { instrumentDigest(formDigests(path)) }

    private static func instrumentDigest(_ digests: [(file: String, sha256: String)]) -> String {
        digests.map(\.sha256).joined(separator: " ")
    }

    /// Each file a form was read from, with its digest, in order.
    private static func formDigests(_ path: String) -> [(file: String, sha256: String)] {
        InstrumentLoader.files(of: path).compactMap { file in FileDigest.sha256(path: file).map { (file, $0) } }
    }

    /// Each file a form was read from, by name, with its digest: the joined digests of a folder's
    /// sheets named no file (a reviewer's reading).
    private static func formFiles(_ digests: [(file: String, sha256: String)]) -> String {
        "[" + digests.map {
            "{\"file\": \(JSONText.quoted(QuarantineWriter.scrubName(InputFiles.lastComponent($0.file)))), \"sha256\": \(JSONText.quoted($0.sha256))}"
        }.joined(separator: ", ") + "]"
    }

    /// The accounting of some files summed; `hidden`: without the records and respondents.
    private static func counts(_ accounts: [FileAccount], hidden: Bool) -> String {
        let sum = accounts.reduce(into: FileAccount(file: "")) { sum, a in
            sum.recordsRead += a.recordsRead
            sum.respondents += a.respondents
            sum.duplicates += a.duplicates
            sum.blankRows += a.blankRows
            sum.quarantined += a.quarantined
        }
        return "{\"files\": \(accounts.count), \"files_unreadable\": \(accounts.filter { $0.failure != nil }.count), \"records_read\": \(hidden ? "null" : String(sum.recordsRead)), \"respondents\": \(hidden ? "null" : String(sum.respondents)), \"duplicates\": \(sum.duplicates), \"blank_rows\": \(sum.blankRows), \"quarantined\": \(sum.quarantined)\(hidden ? ", \"suppressed\": true" : "")}"
    }

    /// The totals of the baseline's files and of each wave's apart, as the report counts them:
    /// `totals` alone summed them (304 respondents where the report's baseline had 180). A wave
    /// holding a withheld file shows its counts only when they could be worked out anyway, the
    /// run's totals less the other waves', so when no other wave holds one.
    private static func byWave(_ accounts: [FileAccount], options: RunOptions, withheld: Set<String>, totalsWithheld: Bool) -> String {
        let waves = [""] + InputFiles.waveNames(options.waves)
        let withWithheld = Set(accounts.filter { withheld.contains($0.file) }.map(\.wave))
        return waves.map { wave in
            let hidden = totalsWithheld || withWithheld.contains(wave) && withWithheld.count > 1
            return "\(JSONText.quoted(wave.isEmpty ? "baseline" : wave)): \(counts(accounts.filter { $0.wave == wave }, hidden: hidden))"
        }.joined(separator: ", ")
    }

    /// `withheld`: files whose record and respondent counts are not shown (`Aggregator.withheldFiles`),
    /// nor their size in bytes, which with the other files' sizes per row would give the count back.
    /// `totalsWithheld`: the run's totals would give back a count the tables blank (a later wave
    /// of fewer than `--min-cell` respondents, its files withheld, less the baseline's published total).
    public static func render(outcome: RunOutcome, instrument: Instrument, options: RunOptions,
                              withheld: Set<String> = [], totalsWithheld: Bool = false) -> String {
        var out = "{\n"
        out += "  \"needs_version\": \(JSONText.quoted(version)),\n"
        let sheets = formDigests(options.instrumentPath)
        out += "  \"instrument\": {\"sha256\": \(JSONText.quoted(instrumentDigest(sheets))), \"form_id\": \(JSONText.quoted(instrument.formID)), \"version\": \(JSONText.quoted(instrument.version)), \"file\": \(JSONText.quoted(QuarantineWriter.scrubName(InputFiles.lastComponent(options.instrumentPath)))), \"files\": \(formFiles(sheets))},\n"
        // The other files the run read besides the exports (listed under `files`): the plan's
        // settings and each wave's form, with their digests (issue 6: every input file's SHA-256;
        // the plan had none).
        var others: [String] = []
        if let plan = options.planPath, let digest = FileDigest.sha256(path: plan) {
            others.append("{\"role\": \"plan\", \"file\": \(JSONText.quoted(QuarantineWriter.scrubName(InputFiles.lastComponent(InputSpool.displayName(plan))))), \"sha256\": \(JSONText.quoted(digest))}")
        }
        for form in options.waveInstruments {
            others.append("{\"role\": \"wave_instrument\", \"file\": \(JSONText.quoted(QuarantineWriter.scrubName(InputFiles.lastComponent(form)))), \"files\": \(formFiles(formDigests(form)))}")
        }
        out += "  \"other_inputs\": [\(others.joined(separator: ", "))],\n"
        out += "  \"options\": {\"encoding\": \(JSONText.quoted(options.reader.encoding?.rawValue ?? "auto")), \"delimiter\": \(JSONText.quoted(options.reader.delimiter.map(Dialect.name(ofDelimiter:)) ?? "auto")), \"drop_identical\": \(options.normalize.dropIdentical), \"weights\": \(JSONText.quoted(options.aggregation.weights.description)), \"region\": \(JSONText.quoted(options.aggregation.region.rawValue)), \"by\": \(JSONText.quoted(options.aggregation.byQuestion ?? "")), \"min_cell\": \(options.aggregation.minCell), \"waves\": [\(InputFiles.waveNames(options.waves).map(JSONText.quoted).joined(separator: ", "))], \"plan\": \(JSONText.quoted(options.planPath.map { QuarantineWriter.scrubName(InputFiles.lastComponent($0)) } ?? "")), \"wave_instruments\": [\(options.waveInstruments.map { JSONText.quoted(QuarantineWriter.scrubName(InputFiles.lastComponent($0))) }.joined(separator: ", "))], \"lang\": \(JSONText.quoted(options.language?.lowercased() ?? "")), \"excel\": \(options.excel), \"hxl\": \(options.hxl)},\n"
        out += "  \"totals\": \(counts(outcome.accounts, hidden: totalsWithheld)),\n"
        out += "  \"totals_by_wave\": {\(byWave(outcome.accounts, options: options, withheld: withheld, totalsWithheld: totalsWithheld))},\n"
        out += "  \"files\": ["
        for (index, a) in outcome.accounts.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            // A file of respondents in blanked cells only: its counts would give them back.
            let hidden = withheld.contains(a.file)
            out += "    {\"file\": \(JSONText.quoted(QuarantineWriter.scrubName(a.file))), \"wave\": \(JSONText.quoted(a.wave.isEmpty ? "baseline" : a.wave)), \"shape\": \(JSONText.quoted(a.shape)), \(a.sheet.isEmpty ? "" : "\"sheet\": \(JSONText.quoted(QuarantineWriter.scrubName(a.sheet))), ")\"encoding\": \(JSONText.quoted(a.encoding)), \"encoding_evidence\": \(JSONText.quoted(a.encodingEvidence)), \"delimiter\": \(JSONText.quoted(a.delimiter)), \"line_ending\": \(JSONText.quoted(a.lineEnding)), \"quote\": \(JSONText.quoted(a.quote)), \"preamble_records\": \(a.preambleRecords), \"repeated_headers\": \(a.repeatedHeaders), \"footnote_records\": \(a.footnoteRecords), \"bytes\": \(hidden ? "null" : String(a.bytes)), \"sha256\": \(JSONText.quoted(a.sha256)), \"records_read\": \(hidden ? "null" : String(a.recordsRead)), \"respondents\": \(hidden ? "null" : String(a.respondents)), \"duplicates\": \(a.duplicates), \"blank_rows\": \(a.blankRows), \"quarantined\": \(a.quarantined), \"unmapped_columns\": \(a.unmappedColumns.count)"
            if let failure = a.failure { out += ", \"failure\": \(JSONText.quoted(failure))" }
            if hidden { out += ", \"suppressed\": true" }
            out += "}"
        }
        out += outcome.accounts.isEmpty ? "],\n" : "\n  ],\n"
        // Inputs named or found in a folder but not read: missing, unreadable, sub-folders, hidden files.
        out += "  \"inputs_not_read\": ["
        for (index, problem) in outcome.inputProblems.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\"path\": \(JSONText.quoted(QuarantineWriter.scrubName(problem.file))), \"issue\": \(JSONText.quoted(problem.code)), \"severity\": \(JSONText.quoted(problem.severity.rawValue)), \"message\": \(JSONText.quoted(QuarantineWriter.scrub(problem.message)))}"
        }
        out += outcome.inputProblems.isEmpty ? "],\n" : "\n  ],\n"
        let counts = outcome.issuesByCode(withInputProblems: true)
        out += "  \"issues_by_code\": {"
        out += counts.keys.sorted().map { "\(JSONText.quoted($0)): \(counts[$0]!)" }.joined(separator: ", ")
        out += "}\n}\n"
        return out
    }
}
