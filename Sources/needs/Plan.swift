import ArgumentParser
import NeedsKit

/// `needs plan`: the curriculum plan from the survey, printed as Markdown.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan sessions from the needs found: prints the schedule (Markdown); writes nothing.",
        discussion: "Exit status: 0 inputs clean, 1 plan printed but the inputs have problems, 2 could not run (no plan printed).")

    @OptionGroup var flags: RunFlags

    @OptionGroup var figures: FigureFlags

    @Option(help: "The plan configuration: a setting,value CSV (see README), or - for standard input.")
    var config = "inputs/plan.csv"

    @Flag(help: "Print plan.csv instead of Markdown.")
    var csv = false

    func validate() throws {
        try flags.refuseSharedStandardInput("--config", config)
    }

    func run() throws {
        var options = try flags.options()
        figures.apply(to: &options)
        let result: (plan: CurriculumPlan, outcome: RunOutcome, title: String, weighting: String)
        let configuration: PlanConfiguration
        // Standard input or a pipe is copied to a file first, as the inputs are.
        let configPath = try Terminal.readable([config], what: "the plan configuration")[0]
        do {
            configuration = try PlanConfiguration.load(configPath, option: "--config")
            result = try Pipeline.plan(options, configuration: configuration)
        } catch {
            Terminal.failure(error)
            throw ExitCode(2)
        }
        Terminal.printDiagnostics(result.outcome, errorsOnly: true,
                                  allOf: result.outcome.cannotRun == nil ? Terminal.allInTheLogOfReport : nil)
        if let reason = result.outcome.cannotRun {
            // No plan from nothing: an empty schedule would read as "nothing to train".
            Terminal.error("error: \(reason)")
            throw ExitCode(2)
        }
        // plan.csv has no place for the rule's notes (sessions left unplanned, a topic of the
        // configuration ignored): said on stderr, as plan.md lists them.
        if csv { for note in result.plan.notes { Terminal.error("note: \(note)") } }
        let document = PlanReport.document(result.plan, configuration: configuration, title: result.title,
                                           weighting: result.weighting)
        Terminal.output(csv ? PlanReport.csv(result.plan) : MarkdownRenderer.render(document))
        try Terminal.finishOutput()
        // Exit 1 for warnings that were not printed (errors only, here) said nothing of why:
        // their count, and where to read them.
        let warnings = result.outcome.diagnosticCounts.filter { $0.key.severity == .warning }.values.reduce(0, +)
        if warnings > 0 && !flags.quiet {
            Terminal.error("note: the inputs have \(warnings) warning(s), not shown here: "
                           + "`needs check` with the same inputs lists them")
        }
        throw ExitCode(result.outcome.exitCode)
    }
}
