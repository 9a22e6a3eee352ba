import ArgumentParser
import NeedsKit

/// `needs rows`: the records of one file as the reader sees them.
struct Rows: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the records of an export as the reader parses them.",
        discussion: "Each record is printed on a line of its own: its line number in the file, then its fields, separated by tabs "
            + "(a tab, line break or backslash in a field written \\t, \\n, \\\\). The reader's findings go to stderr. "
            + "An .xlsx workbook's rows are shown sheet by sheet, each named sheet:row.\n\n"
            + "Exit status: 0 read without error, 1 the reader found an error in the file, 2 the file could not be read or the output written.")

    @Flag(help: "Print a JSON array of objects keyed by the header row (a name it repeats is keyed name_2, name_3, ...); for an .xlsx workbook, an object of such arrays keyed by sheet name.")
    var json = false

    @OptionGroup var reader: ReaderFlags

    @Argument(help: "The file to read, or - for standard input.")
    var file: String

    func run() throws {
        // Standard input is read from a copy: messages name it `stdin`, as `check -` does.
        let result = RowsCommand.run(path: try Terminal.readable([file])[0], displayName: file == "-" ? "stdin" : file,
                                     options: reader.readerOptions, json: json,
                                     keptPerKind: RunOutcome.firstPerKind) { Terminal.output($0) }
        try Terminal.finishOutput()
        Terminal.printDiagnostics(result.diagnostics, counts: result.counts)
        if let failure = result.failure {
            Terminal.error(failure)
            throw ExitCode(2)
        }
        if result.hasErrors { throw ExitCode(1) }
    }
}
