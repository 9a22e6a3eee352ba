import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

@main
struct Needs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "Turn municipal training-needs survey exports into curriculum-planning reports.",
        discussion: "Exit status: 0 clean, 1 reports written but problems found in the inputs, 2 could not run.",
        version: "0.1.0",
        subcommands: [Report.self, Check.self, Plan.self, Rows.self, Sniff.self, Synth.self]
    )

    /// Runs the command; bad arguments exit with 2 ("could not run"), not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // Help and --version go to stdout, whose write may fail (a full disk) as any
                // output's: exit 2 with a message then, not 0 with nothing said.
                let text = fullMessage(for: error)
                if !text.isEmpty { Terminal.output(text + "\n") }
                do { try Terminal.finishOutput() } catch { Glibc.exit(2) }
                Glibc.exit(0)
            }
            if code.rawValue == 1 || code.rawValue == 2 {
                exit(withError: error)
            }
            fputs(fullMessage(for: error) + "\n", stderr)
            Glibc.exit(2)
        }
    }
}
