import ArgumentParser
import NeedsKit

/// `needs synth`: a realistic export of the instrument, for tests, demos and the benchmark.
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic export of the instrument (same seed, same bytes).",
        discussion: "Exit status: 0 written, 2 could not run (a file already at --out is left as it was; one is replaced only with --force).")

    @Option(help: "The XLSForm: a folder with survey.csv, choices.csv, settings.csv (or one .xlsx), or an .xlsx workbook.")
    var instrument = "inputs/instrument"

    @Option(parsing: .unconditional, help: "Respondents to write.")
    var rows = 1000

    @Option(parsing: .unconditional, help: "Seed of the random numbers (0 to 18446744073709551615).")
    var seed: UInt64 = 1

    @Option(help: "The form tool to imitate: kobo, google, msforms, limesurvey, generic.")
    var shape = "kobo"

    @Option(help: "Label language, one the instrument has labels in: en, et, lv, lt, ru for the sample instrument.")
    var lang = "en"

    @Option(help: "Text encoding of the file written: utf-8, utf-8-bom, utf-16le or windows-1257.")
    var encoding = "utf-8"

    @Option(help: "The file to write, or - for standard output.")
    var out: String

    @Flag(help: "Replace a file already at --out (without it, one is refused: it may be a municipality's export).")
    var force = false

    func validate() throws {
        guard SurveySynthesizer.Shape(rawValue: shape.lowercased()) != nil else { throw ValidationError("--shape is kobo, google, msforms, limesurvey or generic") }
        guard SurveySynthesizer.OutputEncoding(rawValue: encoding.lowercased()) != nil else { throw ValidationError("--encoding is utf-8, utf-8-bom, utf-16le or windows-1257") }
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more") }
    }

    func run() throws {
        var options = SurveySynthesizer.Options()
        options.rows = rows
        options.seed = seed
        // In any case, as --lang and the readers' --encoding are taken (`--shape Kobo`, `UTF-8`).
        options.shape = SurveySynthesizer.Shape(rawValue: shape.lowercased())!
        options.language = lang
        options.encoding = SurveySynthesizer.OutputEncoding(rawValue: encoding.lowercased())!
        do {
            if !force { try SurveySynthesizer.refuseExistingFile(out) }
            try SurveySynthesizer.write(instrumentPath: instrument, options: options, to: out)
        } catch {
            Terminal.failure(error)
            throw ExitCode(2)
        }
    }
}
