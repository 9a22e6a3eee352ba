import ArgumentParser
import NeedsKit

/// `needs report`: ingest → normalise → aggregate → render.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the reports (Markdown, CSV, clean records, cleaning log) from survey exports.")

    @OptionGroup var flags: RunFlags

    @Option(help: "The folder to write the reports into (replaced whole at the end of the run).")
    var out = "reports"

    func run() throws {
        var options = try flags.options()
        options.outputPath = out
        let outcome: RunOutcome
        do {
            outcome = try Pipeline.report(options)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitCode(2)
        }
        Terminal.printDiagnostics(outcome.diagnostics.filter { !flags.quiet || $0.severity == .error })
        Terminal.printSummary(outcome, quiet: flags.quiet)
        if !flags.quiet { Terminal.error("reports written to \(out)/") }
        throw ExitCode(outcome.exitCode)
    }
}
