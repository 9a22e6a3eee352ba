import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

@main
struct Needs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "Turn municipal training-needs survey exports into curriculum-planning reports.",
        discussion: "To check an export a municipality sent: needs check FILE. To write the reports: needs report "
            + "[FILE or FOLDER ...] (inputs/responses by default). Each command's --help gives its options, their defaults "
            + "and its exit status.\n\n"
            + "Exit status: 0 clean, 1 problems found in the inputs (report: the reports were written; check: errors only, warnings alone give 0), 2 could not run.",
        version: "0.1.0",
        subcommands: [Report.self, Check.self, Plan.self, Rows.self, Sniff.self, Synth.self]
    )

    /// Runs the command; bad arguments exit with 2 ("could not run"), not ArgumentParser's 64.
    static func main() {
        // Output piped into a program that stops reading (`needs rows - | head`): the write fails
        // with EPIPE and the run exits 2 as for any output not written whole, removing its copy of
        // standard input. Killed by SIGPIPE, it had left that copy (a whole export) in $TMPDIR.
        Glibc.signal(SIGPIPE, SIG_IGN)
        if let word = CommandLine.arguments.dropFirst().first, let refusal = notACommand(word) {
            fputs(refusal + "\n", stderr)
            Glibc.exit(2)
        }
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
            fputs(lowercasedLead(fullMessage(for: error)) + "\n", stderr)
            Glibc.exit(2)
        }
    }

    /// ArgumentParser's message with `error:` as every other message of needs starts (it writes
    /// `Error:`), so that a log or editor that picks out `error:` lines finds it too.
    static func lowercasedLead(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }

    /// Why `word`, given first, is no command, naming the ones there are (and the one it looks
    /// like): ArgumentParser said only "Unexpected argument 'reprot'", and of a file given
    /// without its command (`needs Narva.csv`) the same.
    static func notACommand(_ word: String) -> String? {
        let names = configuration.subcommands.map { $0._commandName }
        guard !word.hasPrefix("-"), word != "help", !names.contains(word) else { return nil }
        let near = names.first { name in
            name.hasPrefix(word.lowercased()) && word.count >= 2 || distance(word.lowercased(), name) <= 2
        }
        let hint = near.map { " Did you mean `needs \($0)`?" } ?? " To check an export: needs check FILE."
        return "error: `\(word)` is not a command of needs; the commands are \(names.joined(separator: ", "))"
            + " (needs --help says what each does).\(hint)"
    }

    /// Edits (insertions, deletions, substitutions, a swap of two neighbours) between two words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
