#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import NeedsKit

/// Writing to stderr: diagnostics in `file:line:col: severity: message` form, and errors.
enum Terminal {
    /// Prints diagnostics, at most `limit` per code so that a file broken on every row stays readable;
    /// the cleaning log keeps them all.
    static func printDiagnostics(_ diagnostics: [Diagnostic], limit: Int = RunOutcome.firstPerKind) {
        var counts: [String: Int] = [:]
        for d in diagnostics { counts[d.code, default: 0] += 1 }
        printDiagnostics(diagnostics, counts: counts, limit: limit)
    }

    /// Where the issues the terminal leaves out can all be read: the cleaning log `report` wrote,
    /// named under its `--out` (`clean/issues.csv` alone was no path from where the user stands
    /// when `--out` is not `reports`), or the one it would write (`check`, `plan` write nothing).
    static func allInTheLog(out: String) -> String {
        var folder = out
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return "every one is in \(Diagnostic.escapingControls(folder))/clean/issues.csv"
    }
    static let allInTheLogOfReport = "`needs report` writes every one to clean/issues.csv"

    /// Prints a run's findings as `printDiagnostics` does (the run keeps the first of each kind,
    /// and counts them all); with `errorsOnly`, its errors alone.
    static func printDiagnostics(_ outcome: RunOutcome, errorsOnly: Bool = false, allOf: String? = nil) {
        let shows = { (severity: Diagnostic.Severity) in !errorsOnly || severity == .error }
        var counts: [String: Int] = [:]
        for (kind, n) in outcome.diagnosticCounts where shows(kind.severity) { counts[kind.code, default: 0] += n }
        printDiagnostics(outcome.diagnostics.filter { shows($0.severity) }, counts: counts, limit: RunOutcome.firstPerKind,
                         allOf: allOf)
    }

    /// Prints the first `limit` of `diagnostics` per code, then how many more of each code
    /// `counts` holds, and `allOf`: where they can all be read (a user checking a file needs
    /// every row to correct, and "not shown" alone left them nowhere to look).
    static func printDiagnostics(_ diagnostics: [Diagnostic], counts: [String: Int], limit: Int = RunOutcome.firstPerKind,
                                 allOf: String? = nil) {
        var shown: [String: Int] = [:]
        for d in diagnostics {
            let n = shown[d.code, default: 0]
            shown[d.code] = n + 1
            if n < limit { error(d.description) }
        }
        for (code, n) in counts.sorted(by: { $0.key < $1.key }) where n > limit {
            error("note: \(n - limit) more [\(code)] not shown" + (allOf.map { " (\($0))" } ?? ""))
        }
    }

    static func error(_ line: String) {
        ProgressLine.erase()
        fputs(line + "\n", stderr)
    }

    /// `inputs` with standard input (`-`) and pipes copied to files the reader can read again;
    /// a copy that fails stops the command (exit 2).
    /// `what`: what is read, for the note of standard input on a terminal (`--config -` and
    /// `--plan -` wait for a plan configuration, not an export).
    static func readable(_ inputs: [String], what: String = "the export") throws -> [String] {
        // `needs check -` typed at a prompt waits for the terminal's input, saying nothing: it
        // looked like a run that hung.
        if inputs.contains("-") && isatty(0) != 0 {
            error("note: reading standard input (-) from the terminal: paste \(what) and press Ctrl-D, "
                  + "or give its file instead of -")
        }
        do {
            return try InputSpool.regularFiles(inputs)
        } catch {
            failure(error)
            throw ExitCode(2)
        }
    }

    /// Why a command could not run: an instrument's or a plan configuration's problems are
    /// diagnostics already (`file:line: error: message [code]`), anything else gets the `error:` prefix.
    static func failure(_ error: Error) {
        self.error(error is DiagnosedError ? "\(error)" : "error: \(error)")
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    /// Writes to stdout; a write that failed (a full disk, `> /dev/full`) is found by `finishOutput`.
    static func output(_ text: String) {
        fputs(text, stdout)
    }

    /// Flushes stdout, and exits 2 with a message when the output could not be written whole.
    static func finishOutput() throws {
        if fflush(stdout) != 0 || ferror(stdout) != 0 {
            error("needs: cannot write the output to stdout: \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
    }
}

extension Terminal {
    /// `1 record`, `2 records`.
    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// One line per file: how its records were accounted for.
    static func printSummary(_ outcome: RunOutcome, quiet: Bool) {
        guard !quiet else { return }
        // The reason of a file not read is its error line's, printed above unless past the first
        // of its kind: said once.
        let said = Set(outcome.firstIssues.filter { $0.code == "file_unreadable" }.map(\.file))
        for a in outcome.accounts {
            if let failure = a.failure {
                error("\(Diagnostic.escapingControls(a.file)): not read" + (said.contains(a.file) ? "" : ": \(failure)"))
                continue
            }
            error("\(Diagnostic.escapingControls(a.file)): \(a.shape.isEmpty ? "no header" : a.shape), \(a.sheet.isEmpty ? "\(a.encoding), '\(a.delimiter)'" : "xlsx sheet `\(Diagnostic.escapingControls(a.sheet))`"): \(counted(a.recordsRead, "record")) = \(counted(a.respondents, "respondent")) + \(counted(a.duplicates, "duplicate")) + \(a.blankRows) blank + \(a.quarantined) quarantined")
        }
    }
}
