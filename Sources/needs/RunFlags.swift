import ArgumentParser
import NeedsKit

/// Options of the commands that run the pipeline (`report`, `check`).
struct RunFlags: ParsableArguments {
    @Option(help: "The XLSForm: a folder with survey.csv, choices.csv, settings.csv (or one .xlsx), or an .xlsx workbook.")
    var instrument = "inputs/instrument"

    @OptionGroup var reader: ReaderFlags

    @Flag(help: "Drop a row identical to an earlier one when neither has a submission ID.")
    var dropIdentical = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Argument(help: "Export files, or folders whose every file is an export, or - for standard input (default: inputs/responses).")
    var inputs: [String] = []

    /// Refuses `-` for `option` when an input (or a wave) is standard input too: the one stream
    /// cannot be read as both (the second would get the first's copy).
    func refuseSharedStandardInput(_ option: String, _ value: String?, waves: [String] = []) throws {
        guard value == "-", (inputs + waves).contains("-") else { return }
        // The one it clashes with, named: an input, or a wave (`--plan - --wave -`).
        let other = inputs.contains("-") ? "an input -" : "--wave -"
        throw ValidationError("\(option) - and \(other) cannot both be standard input: give one of them as a file or a pipe, e.g. <(cat plan.csv)")
    }

    func options() throws -> RunOptions {
        var options = RunOptions()
        options.instrumentPath = instrument
        if !inputs.isEmpty { options.inputs = try Terminal.readable(inputs) }
        options.reader = reader.readerOptions
        options.normalize.dropIdentical = dropIdentical
        return options
    }
}
