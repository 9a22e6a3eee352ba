import Foundation

/// `needs rows`: a file's records as the reader parses them, as text or as JSON.
public enum RowsCommand {
    public struct Result {
        /// The reader's findings in order, the first `keptPerKind` of each code.
        public var diagnostics: [Diagnostic]
        /// Every finding counted by code.
        public var counts: [String: Int] = [:]
        /// Whether any finding is an error.
        public var hasErrors = false
        /// Why the file could not be read, as a diagnostic line (`file: error: reason [code]`), or nil.
        public var failure: String?
        public var summary: FileReadSummary?
    }

    /// Streams the records of `path` to `write`, in pieces.
    ///
    /// JSON is an array of objects keyed by the header row, in header order (the shape of
    /// csv-spectrum's expected files); fields beyond the header are keyed `_extra_1`, ...
    /// Keys are unique: a name the header repeats is keyed `name_2`, `name_3`, ... after its
    /// first use (`jsonKeys`).
    /// Text is one line per record: the line number, then the fields, tab-separated, with tabs,
    /// line breaks and backslashes escaped.
    /// Of the reader's findings, the first `keptPerKind` of each code are kept (a broken export
    /// may have one on every line), and all are counted. Messages name the file `displayName`
    /// (`stdin` for a copy of standard input), else its path.
    public static func run(path: String, displayName: String? = nil, options: ReaderOptions, json: Bool,
                           keptPerKind: Int = .max, write: (String) -> Void) -> Result {
        var diagnostics: [Diagnostic] = []
        var counts: [String: Int] = [:]
        var hasErrors = false
        let diagnose = { (diagnostic: Diagnostic) in
            let n = counts[diagnostic.code, default: 0]
            counts[diagnostic.code] = n + 1
            if diagnostic.severity == .error { hasErrors = true }
            if n < keptPerKind { diagnostics.append(diagnostic) }
        }
        if let sheets = workbookSheets(path) {
            let file = displayName ?? path
            let names = sheets.map(\.name)
            diagnose(Diagnostic(.note, file: file, code: "xlsx_workbook", message: "an .xlsx workbook, not a delimited text file: "
                + "its \(sheets.count) sheet(s) (\(names.joined(separator: ", "))) are shown, each row named by its sheet and row number "
                + "(`needs report` and `check` read a workbook of responses from its first sheet that holds a table, or a later, wider one headed as a form tool's export, and an XLSForm given as --instrument)"))
            writeSheets(sheets, json: json, write: write)
            return Result(diagnostics: diagnostics, counts: counts, hasErrors: hasErrors, failure: nil, summary: nil)
        }
        var header: [String] = []
        var first = true
        var sawHeader = false
        let reader = CSVReader(path: path, displayName: displayName, options: options)
        do {
            if json { write("[") }
            let summary = try reader.read(diagnose: diagnose) { record in
                if record.isHeader { sawHeader = true }
                if json {
                    if record.isHeader {
                        header = jsonKeys(record.fields)
                        return
                    }
                    if record.presentCount == 0 { return }
                    // A blank record above the header (`;;;` as Excel pads the line under a title)
                    // is no row of the table: it was an object of `_extra_1`, `_extra_2`, ... keys.
                    if !sawHeader && (0..<record.count).allSatisfy({ record[$0].isEmpty }) { return }
                    var object = first ? "\n  {" : ",\n  {"
                    first = false
                    for i in 0..<record.count {
                        let key = i < header.count ? header[i] : "_extra_\(i - header.count + 1)"
                        object += (i == 0 ? "" : ", ") + JSONText.quoted(key) + ": " + JSONText.quoted(record[i])
                    }
                    write(object + "}")
                } else {
                    var line = String(record.line)
                    for i in 0..<record.presentCount { line += "\t" + Diagnostic.escapingControls(record[i], backslashes: true) }
                    write(line + "\n")
                }
            }
            if json { write(first ? "]\n" : "\n]\n") }
            // Said as `check` says it: no output at all would read as a table of no rows.
            if !sawHeader && summary.quarantinedRecords == 0 {
                diagnose(Diagnostic(.warning, file: displayName ?? path, code: "empty_file",
                                    message: summary.blankRecords > 0 ? "no header row: the file holds blank lines only" : "no header row: the file is empty"))
            }
            return Result(diagnostics: diagnostics, counts: counts, hasErrors: hasErrors, failure: nil, summary: summary)
        } catch {
            if json { write("]\n") }
            // Said as every command says a file it could not read: `file:line: error: reason [code]`.
            let file = displayName ?? path
            let failure = Diagnostic(.error, file: file, line: (error as? ReaderError)?.line, code: "file_unreadable",
                                     message: ReaderError.reason(of: error, file: file))
            return Result(diagnostics: diagnostics, counts: counts, hasErrors: hasErrors, failure: failure.description, summary: nil)
        }
    }

    /// The sheets of `path` when it is an .xlsx workbook (a ZIP archive Excel's way), in the
    /// workbook's order; nil for anything else (a ZIP archive that is no workbook is told by the
    /// reader, as any file that is no table).
    static func workbookSheets(_ path: String) -> [Sheet]? {
        guard BinarySignature.startsAsZIP(path: path) else { return nil }
        return try? XLSXWorkbook.orderedSheets(at: path)
    }

    /// A workbook's rows. Text: one line per row, `sheet:row` then the cells, tab-separated and
    /// escaped as a file's records are. JSON: an object keyed by sheet name, each an array of
    /// objects keyed by the sheet's first row (as a file's records are by its header).
    static func writeSheets(_ sheets: [Sheet], json: Bool, write: (String) -> Void) {
        if json { write("{") }
        for (k, sheet) in sheets.enumerated() {
            if json {
                let keys = jsonKeys(sheet.header)
                write((k == 0 ? "\n  " : ",\n  ") + JSONText.quoted(sheet.name) + ": [")
                for (r, row) in sheet.rows.enumerated() {
                    var object = r == 0 ? "\n    {" : ",\n    {"
                    for i in 0..<max(row.cells.count, keys.count) {
                        let key = i < keys.count ? keys[i] : "_extra_\(i - keys.count + 1)"
                        object += (i == 0 ? "" : ", ") + JSONText.quoted(key) + ": " + JSONText.quoted(i < row.cells.count ? row.cells[i] : "")
                    }
                    write(object + "}")
                }
                write(sheet.rows.isEmpty ? "]" : "\n  ]")
            } else {
                let rows = sheet.header.isEmpty ? sheet.rows : [(number: sheet.headerRow, cells: sheet.header)] + sheet.rows
                for row in rows {
                    var line = "\(Diagnostic.escapingControls(sheet.name, backslashes: true)):\(row.number)"
                    for cell in row.cells { line += "\t" + Diagnostic.escapingControls(cell, backslashes: true) }
                    write(line + "\n")
                }
            }
        }
        if json { write(sheets.isEmpty ? "}\n" : "\n}\n") }
    }

    /// The header's names as JSON keys, made unique: a repeated name gets `_2`, `_3`, ... (the
    /// first number giving a name not already taken).
    ///
    ///     RowsCommand.jsonKeys(["a", "a", "b", "a_2"])   // ["a", "a_3", "b", "a_2"]
    static func jsonKeys(_ names: [String]) -> [String] {
        var taken = Set(names)
        var seen: Set<String> = []
        return names.map { name in
            guard seen.insert(name).inserted else {
                var k = 2
                while taken.contains("\(name)_\(k)") { k += 1 }
                let key = "\(name)_\(k)"
                taken.insert(key)
                return key
            }
            return name
        }
    }
}
