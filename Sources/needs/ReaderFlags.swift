import ArgumentParser
import NeedsKit

/// Options every command that reads exports shares.
struct ReaderFlags: ParsableArguments {
    @Option(help: "Text encoding instead of detecting it: utf-8, utf-16le, utf-16be, windows-1257, iso-8859-13, iso-8859-4, windows-1251, windows-1252, koi8-r, cp775, cp866.")
    var encoding: String?

    @Option(help: "Delimiter instead of sniffing it: a character, or tab, comma, semicolon, pipe, space.")
    var delimiter: String?

    func validate() throws {
        if let encoding, TextEncoding(userName: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; use one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let delimiter, Dialect.delimiter(fromUser: delimiter) == nil {
            throw ValidationError("the delimiter must be one ASCII character (a byte, as libcsv reads it) other than a quote or a line break, or tab, comma, semicolon, pipe, space")
        }
    }

    var readerOptions: ReaderOptions {
        ReaderOptions(
            encoding: encoding.flatMap(TextEncoding.init(userName:)),
            delimiter: delimiter.flatMap(Dialect.delimiter(fromUser:)))
    }
}
