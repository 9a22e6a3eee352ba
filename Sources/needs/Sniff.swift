import ArgumentParser
import NeedsKit

/// `needs sniff`: the encoding, dialect and table position the reader will use, per file.
struct Sniff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the reader detects in each file: encoding, delimiter, quote, line ends, header and preamble.")

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var reader: ReaderFlags

    @Argument(help: "Files to look at.")
    var files: [String]

    func run() throws {
        let results = SniffCommand.run(paths: files, options: reader.readerOptions)
        Terminal.output(json ? SniffCommand.json(results) : SniffCommand.text(results))
        try Terminal.finishOutput()
        if results.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
    }
}
