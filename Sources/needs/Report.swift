import Foundation
import ArgumentParser
import NeedsKit

/// `needs report`: ingest → normalise → aggregate → render.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the reports (Markdown, CSV, clean records, cleaning log) from survey exports.",
        discussion: "Exit status: 0 inputs clean, 1 reports written but the inputs have problems (every one in clean/issues.csv), 2 could not run (nothing written).")

    @OptionGroup var flags: RunFlags

    @Option(help: "The folder to write the reports into (replaced whole at the end of the run).")
    var out = "reports"

    @OptionGroup var figures: FigureFlags

    @Option(help: "A select_one question to disaggregate by, e.g. role: writes topic_demand_by_QUESTION.csv.")
    var by: String?

    @Option(help: "Language of the per-country reports (en, et, lv, lt, ru) instead of each country's own.")
    var lang: String?

    @Option(help: "A later survey wave (file or folder, or - for standard input) to compare with the inputs as the baseline; repeat for more waves.")
    var wave: [String] = []

    @Option(help: "The instrument of each later wave, when it changed (one per --wave, in order).")
    var waveInstrument: [String] = []

    @Option(help: "A plan configuration (setting,value CSV, or - for standard input): adds plan.md, plan.csv and a plan section.")
    var plan: String?

    @Flag(help: "Add a HXL hashtag row under the header of every table for partners (figures, country differences, waves, plan; not clean/).")
    var hxl = false

    @Flag(help: "Write CSVs with a UTF-8 BOM, ';' and decimal commas, for Excel in Baltic locales.")
    var excel = false

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out needs a value: the folder to write the reports into") }
        try flags.refuseSharedStandardInput("--plan", plan, waves: wave)
        if let lang, !ReportStrings.supports(lang) {
            throw ValidationError("--lang is \(ReportStrings.languages.dropLast().joined(separator: ", ")) or \(ReportStrings.languages.last!), not '\(lang)'")
        }
        guard waveInstrument.count <= wave.count else {
            throw ValidationError("--wave-instrument gives the instrument of a --wave (one per --wave, in order): \(waveInstrument.count) for \(wave.count) wave(s)")
        }
    }

    func run() throws {
        var options = try flags.options()
        options.outputPath = out
        figures.apply(to: &options)
        options.aggregation.byQuestion = by
        options.language = lang
        // The plan configuration may come on standard input or through a pipe, as a wave may.
        options.planPath = try plan.map { try Terminal.readable([$0], what: "the plan configuration")[0] }
        // A wave may come on standard input or through a pipe too (`--wave -`, `--wave <(...)`).
        options.waves = try Terminal.readable(wave)
        options.waveInstruments = waveInstrument
        options.hxl = hxl
        options.excel = excel
        options.progress = ProgressLine.make(quiet: flags.quiet)
        let outcome: RunOutcome
        do {
            outcome = try Pipeline.report(options)
        } catch {
            Terminal.failure(error)
            throw ExitCode(2)
        }
        Terminal.printDiagnostics(outcome, errorsOnly: flags.quiet,
                                  allOf: outcome.cannotRun == nil ? Terminal.allInTheLog(out: out) : nil)
        Terminal.printSummary(outcome, quiet: flags.quiet)
        if let reason = outcome.cannotRun {
            Terminal.error("error: \(reason)")
            Terminal.error(FileManager.default.fileExists(atPath: out) ? "nothing written: \(out)/ is as it was" : "nothing written")
        } else if !flags.quiet {
            Terminal.error("reports written to \(out)/")
        }
        throw ExitCode(outcome.exitCode)
    }
}
