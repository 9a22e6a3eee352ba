import ArgumentParser
import NeedsKit

/// `needs check`: ingest and normalise only, to check a file a municipality just sent.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check exports against the instrument and print the issues (the first 20 of each kind); writes nothing.",
        discussion: "Exit status: 0 no error found (warnings alone give 0), 1 an error in the inputs or a file not read, 2 could not run.")

    @OptionGroup var flags: RunFlags

    func run() throws {
        var options = try flags.options()
        options.progress = ProgressLine.make(quiet: flags.quiet)
        let outcome: RunOutcome
        do {
            outcome = try Pipeline.check(options)
        } catch {
            Terminal.failure(error)
            throw ExitCode(2)
        }
        Terminal.printDiagnostics(outcome, errorsOnly: flags.quiet,
                                  allOf: outcome.cannotRun == nil ? Terminal.allInTheLogOfReport : nil)
        Terminal.printSummary(outcome, quiet: flags.quiet)
        if let reason = outcome.cannotRun { Terminal.error("error: \(reason)") }
        let errors = outcome.diagnostics.contains { $0.severity == .error } || outcome.accounts.contains { $0.failure != nil }
        throw ExitCode(outcome.cannotRun != nil ? 2 : errors ? 1 : 0)
    }
}
