import Foundation

/// `needs sniff`: what the reader will use for each file, and how it decided.
public enum SniffCommand {
    public struct Result: Sendable {
        public var file: String
        public var encoding: DetectedEncoding?
        public var dialect: Dialect?
        public var failure: String?
        /// The failure's code, as `check` names it (`folder_without_files` for a folder holding no
        /// file; it was `file_unreadable` here alone).
        public var failureCode = "file_unreadable"
        /// An .xlsx workbook of responses: the sheet `check` and `report` read, and its size.
        public var workbook: WorkbookSheet? = nil
    }

    /// The sheet of a workbook that is read as the responses (none when no sheet holds a value),
    /// the workbook's other sheets, and the rows (from the sheet's first with a value: a title above
    /// the header is one, which the reader then skips as preamble) and columns read.
    public struct WorkbookSheet: Sendable {
        public var sheet: String
        public var otherSheets: [String]
        public var rows: Int
        public var columns: Int
    }

    public static func run(paths: [String], options: ReaderOptions) -> [Result] {
        paths.map { sniff($0, name: $0, options: options) }
    }

    /// Each input, named by `names` (as given, where `inputs` has the copy of a pipe), and a
    /// folder's every regular file, whatever its extension, as `report` and `check` read a folder
    /// and named as they name them (`responses/EE.csv`): a folder was "not read: a folder, not
    /// a file". A folder's entries left out (hidden files, sub-folders) are in `skipped`; one that
    /// cannot be listed, or holds no file, is a result not read.
    public static func run(inputs: [String], names: [String], options: ReaderOptions)
        -> (results: [Result], skipped: [Diagnostic]) {
        var results: [Result] = [], skipped: [Diagnostic] = []
        for (input, name) in zip(inputs, names) {
            guard InputFiles.isFolder(input) else {
                results.append(sniff(input, name: name, options: options))
                continue
            }
            let expansion = InputFiles.expand([input])
            // (Its `/proc/self/fd/N` paths, names that are not UTF-8, are open while it is.)
            withExtendedLifetime(expansion) {
                for (path, file) in zip(expansion.files, expansion.displayNames) {
                    results.append(sniff(path, name: file, options: options))
                }
            }
            for problem in expansion.problems {
                if problem.severity == .error {
                    results.append(Result(file: problem.file, encoding: nil, dialect: nil, failure: problem.message, failureCode: problem.code))
                } else {
                    skipped.append(problem)
                }
            }
        }
        return (results, skipped)
    }

    private static func sniff(_ path: String, name: String, options: ReaderOptions) -> Result {
        do {
            let (encoding, dialect) = try CSVReader(path: path, displayName: name, options: options).detect()
            return Result(file: name, encoding: encoding, dialect: dialect, failure: nil)
        } catch {
            // A workbook is told what `check` and `report` read of it (it was "not read: a ZIP archive").
            do {
                guard BinarySignature.startsAsZIP(path: path) else { throw error }
                let table = try CSVReader(path: path, displayName: name, options: options).responsesWorkbook()
                var result = Result(file: name, encoding: nil, dialect: nil, failure: nil)
                result.workbook = WorkbookSheet(sheet: table.sheet, otherSheets: table.otherSheets,
                                                rows: table.rowStarts.count, columns: table.columns)
                return result
            } catch {
                return Result(file: name, encoding: nil, dialect: nil, failure: ReaderError.reason(of: error, file: name, withLine: true))
            }
        }
    }

    static func quoteName(_ quote: UInt8) -> String {
        quote == UInt8(ascii: "'") ? "singlequote" : "doublequote"
    }

    static func delimiterWord(_ delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): return "comma"
        case UInt8(ascii: ";"): return "semicolon"
        case 0x09: return "tab"
        case 0x20: return "space"
        case UInt8(ascii: "|"): return "vslash"
        case UInt8(ascii: ":"): return "colon"
        default: return String(UnicodeScalar(delimiter))
        }
    }

    /// One JSON object per file, in an array.
    public static func json(_ results: [Result]) -> String {
        var out = "["
        for (index, r) in results.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "  {\"file\": \(JSONText.quoted(r.file))"
            if let failure = r.failure {
                out += ", \"failure\": \(JSONText.quoted(failure))}"
                continue
            }
            if let w = r.workbook {
                out += ", \"workbook\": {\"sheet\": \(w.sheet.isEmpty ? "null" : JSONText.quoted(w.sheet)), "
                    + "\"other_sheets\": [\(w.otherSheets.map(JSONText.quoted).joined(separator: ", "))], "
                    + "\"rows\": \(w.rows), \"columns\": \(w.columns)}}"
                continue
            }
            let e = r.encoding!, d = r.dialect!
            out += ", \"encoding\": \(JSONText.quoted(e.encoding.rawValue)), \"encoding_evidence\": \(JSONText.quoted(e.evidence.rawValue))"
            if let alternative = e.closeAlternative { out += ", \"encoding_alternative\": \(JSONText.quoted(alternative.rawValue))" }
            if let codePage = e.notUTF8CodePage { out += ", \"not_utf8_read_as\": \(JSONText.quoted(codePage.rawValue))" }
            let note = markText(e)
            if note.hasPrefix(", "), note != ", BOM" {
                out += ", \"encoding_note\": \(JSONText.quoted(String(note.dropFirst(2))))"
            }
            out += ", \"bom\": \(e.bomLength > 0), \"delimiter\": \(JSONText.quoted(delimiterWord(d.delimiter)))"
            out += ", \"delimiter_evidence\": \(JSONText.quoted(d.evidence.rawValue)), \"quote\": \(JSONText.quoted(quoteName(d.quote)))"
            out += ", \"escape\": \(JSONText.quoted(d.escape)), \"line_ending\": \(JSONText.quoted(d.lineEnding.rawValue))"
            out += ", \"preamble_records\": \(d.table.preambleRecords), \"header_records\": \(d.table.headerRecords)"
            out += ", \"footnote_records\": \(d.table.footnoteRecords), \"columns\": \(d.table.columns)"
            out += ", \"confidence\": \(NumberFormat.fixed(d.consistency, decimals: 3))}"
        }
        return out + (results.isEmpty ? "]\n" : "\n]\n")
    }

    /// What the file's byte order mark said, when it has one or --encoding contradicts it; where
    /// the encoding was decided, when past a sample of plain ASCII.
    static func markText(_ e: DetectedEncoding) -> String {
        if e.markContradicted, let mark = e.contradictedMark, mark != .utf8 {
            return ", \(mark.rawValue) BOM skipped: the text after it is not \(mark.rawValue)"
        }
        if e.markContradicted { return ", UTF-8 BOM skipped: the text after it is not UTF-8" }
        if let other = e.markDisagrees {
            return e.evidence == .bom
                ? ", BOM: the mark decides over --encoding \(other.rawValue)"
                : ", the \(other.rawValue) byte order mark overridden by --encoding"
        }
        if let offset = e.decidedPastASCII {
            return ", from the first non-ASCII byte, past \(offset) bytes of plain ASCII"
        }
        return e.bomLength > 0 ? ", BOM" : ""
    }

    /// A few readable lines per file.
    public static func text(_ results: [Result]) -> String {
        results.map { r in
            if let w = r.workbook {
                let names = WorkbookTable.names
                let others = w.otherSheets.isEmpty ? "" : "; not read: " + names(w.otherSheets)
                let read = w.sheet.isEmpty ? "no sheet holds a value" + (w.otherSheets.isEmpty ? "" : " (\(names(w.otherSheets)))")
                    : "sheet \(names([w.sheet])) read as the responses, \(w.rows) row(s) from its first with a value, \(w.columns) column(s)\(others)"
                return "\(r.file)\n  workbook   .xlsx: \(read); dates as ISO dates, lines as its rows"
            }
            guard let e = r.encoding, let d = r.dialect else { return "\(r.file): not read: \(r.failure ?? "")" }
            return """
            \(r.file)
              encoding   \(e.encoding.rawValue) (\(e.evidence.rawValue)\(markText(e))\(e.closeAlternative.map { ", thin evidence: \($0.rawValue) reads nearly as well; --encoding decides" } ?? "")\(e.notUTF8CodePage.map { ", fields that are not UTF-8 read as \($0.rawValue)" } ?? ""))
              delimiter  \(d.delimiterName) (\(d.evidence.rawValue)), quote \(quoteName(d.quote)), escape \(d.escape), line ends \(d.lineEnding.rawValue)
              table      \(d.table.preambleRecords) preamble record(s), \(d.table.headerRecords) header record(s), \(d.table.footnoteRecords) footnote record(s), \(d.table.columns) column(s)
              confidence \(NumberFormat.fixed(d.consistency, decimals: 3))
            """
        }.joined(separator: "\n") + "\n"
    }
}
