import ArgumentParser
import NeedsKit

/// `needs sniff`: the encoding, dialect and table position the reader will use, per file.
struct Sniff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the reader detects in each file: encoding, delimiter, quote, line ends, header and preamble.",
        discussion: "confidence (0 to 1) is how table-like the chosen reading is: field counts that agree, times the share of "
            + "cells holding numbers, dates or nothing. An export of text answers read right shows about 0.1, so a low "
            + "confidence alone does not mean a wrong reading.\n\n"
            + "Exit status: 0 every file read, 1 a file could not be read, 2 none could, or the output could not be written.")

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var reader: ReaderFlags

    @Argument(help: "Files to look at, or folders (every regular file in them), - for standard input.")
    var files: [String]

    func run() throws {
        // Each file under the name it was given (standard input or a pipe is read from a copy);
        // standard input is `stdin`, as `check -` and `rows -` name it (it was `-`).
        let (results, skipped) = SniffCommand.run(inputs: try Terminal.readable(files),
                                                  names: files.map { $0 == "-" ? "stdin" : $0 }, options: reader.readerOptions)
        Terminal.output(json ? SniffCommand.json(results) : SniffCommand.text(results))
        try Terminal.finishOutput()
        // What a folder held that is not read (hidden files, sub-folders), as `check` says it.
        for problem in skipped { Terminal.error(problem.description) }
        // Said on stderr too, as `check` says it: the results may be going to a file.
        for result in results {
            guard let failure = result.failure else { continue }
            Terminal.error(Diagnostic(.error, file: result.file, code: result.failureCode, message: failure).description)
        }
        // As `check`: 2 when no file could be read, 1 when some could not.
        let unread = results.filter { $0.failure != nil }.count
        if unread > 0 { throw ExitCode(unread == results.count ? 2 : 1) }
    }
}
