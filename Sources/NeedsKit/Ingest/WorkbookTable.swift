import Foundation

/// The responses sheet of an .xlsx workbook (a Google Sheet or a Microsoft Forms workbook
/// downloaded as Excel, a KoboToolbox export in XLS format) as the CSV text the reader reads:
/// the first sheet that holds a table's header, a row of three values or more, or a later, wider
/// one headed as a form tool's export (else the first that holds a value), in the
/// workbook's order, each row a record; a date cell as an ISO date
/// (`2025-01-14 10:32:05`, whatever its format), a number as stored.
/// A record's line is its row in the sheet (`row(ofLine:)`: a cell holding a line break makes
/// its row more than one line of the text).
enum WorkbookTable {
    struct Table {
        let sheet: String
        let otherSheets: [String]
        /// Other sheets headed as the one read (`Jaanuar`, `Veebruar`; Google Sheets' `Form
        /// Responses 1` and `2`), each with its rows below the header that hold a value: responses
        /// not read, which the reader reports as such.
        var sheetsAlike: [(name: String, rows: Int)] = []
        /// Merged ranges below the header whose value was read on each of their rows.
        var mergesFilled = 0
        let csv: [UInt8]
        /// The workbook's own bytes (for its SHA-256 and size).
        let file: [UInt8]
        /// Whether the workbook is an XLSForm (survey and choices sheets), not responses.
        let isXLSForm: Bool
        /// The line of the text each row starts on, and the row, in order.
        var rowStarts: [(line: Int, row: Int)] = []
        /// The widest row's cells (every row of the text is that wide).
        var columns = 0

        /// The sheet's row that line `line` of the text is in.
        func row(ofLine line: Int) -> Int {
            var low = 0, high = rowStarts.count
            while low < high {
                let middle = (low + high) / 2
                if rowStarts[middle].line <= line { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? line : rowStarts[low - 1].row
        }
    }

    /// Sheet names as messages give them: `Form Responses 1`, `Other`.
    static func names(_ names: [String]) -> String {
        names.map { "`\(Diagnostic.escapingControls($0))`" }.joined(separator: ", ")
    }

    enum Outcome {
        /// A ZIP archive that cannot be read as a workbook, and why.
        case unreadable(String)
        case table(Table)
    }

    /// The table of the workbook at `path`, a file that starts as a ZIP archive does (the reader
    /// has seen its first bytes). A workbook is read whole into memory, as Excel reads it (a very
    /// large survey is better exported as CSV, which is read in flat memory).
    static func read(path: String) -> Outcome {
        let sheets: [Sheet]
        do {
            sheets = try XLSXWorkbook.orderedSheets(at: path)
        } catch let failure as XLSXWorkbook.Failure {
            guard case let .notAWorkbook(_, reason) = failure else { return .unreadable("\(failure)") }
            // ZIPFoundation found no directory at the end: the start of an archive, the rest damaged or cut off.
            return .unreadable(reason == "not a ZIP archive" ? "the archive is damaged or cut off" : reason)
        } catch {
            return .unreadable("\(error)")
        }
        guard let file = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
            return .unreadable("it could not be read again")
        }
        let names = Set(sheets.map { $0.name.lowercased() })
        let isXLSForm = names.contains("survey") && names.contains("choices")
        // A sheet holds something when a cell has a value (a formatted empty row is a row of none).
        func holdsValues(_ cells: [String]) -> Bool { cells.contains { !$0.isEmpty } }
        // The first sheet that holds a table's header, a row of three values or more near its
        // top: a hand-made workbook's cover sheet (`Instructions`, a title and notes in a column
        // or two) ahead of its `Responses` had been read alone, its one row quarantined and the 50
        // responses unread (a probe's). A responses sheet of a header alone (a form nobody has
        // answered yet) is still the one read, not a summary sheet after it (a reviewer's case).
        // Else the first sheet of values. A sheet's header is its first row of three values or
        // more near its top.
        func tableHeaderRow(_ sheet: Sheet) -> (number: Int, cells: [String])? {
            ([(sheet.headerRow, sheet.header)] + sheet.rows).prefix(20).first { $0.cells.filter { !$0.isEmpty }.count >= 3 }
        }
        func tableHeader(_ sheet: Sheet) -> [String]? { tableHeaderRow(sheet)?.cells }
        func holdsTable(_ sheet: Sheet) -> Bool { tableHeader(sheet) != nil }
        func width(_ header: [String]) -> Int { header.filter { !$0.isEmpty }.count }
        // Before the first sheet holding a table, a later one headed as a form tool's export
        // (`ID`, `Start time`, `Completion time`; `Timestamp`; `_uuid`; `submitdate`) and wider,
        // unless the first is headed so too: a summary sheet of one's own in front of Microsoft Forms' `Form1` (`Kokkuvõte`:
        // topic, mean, n) had been read alone and the run stopped (a probe's). Not a narrower one:
        // a log (`Timestamp, Editor, Change`) or a schedule (`ID, Sākuma laiks, Beigu laiks, Tēma`)
        // after a hand-made sheet of responses is no export of the survey (a reviewer's cases).
        let firstTable = sheets.first(where: holdsTable)
        let export = firstTable.flatMap(tableHeader).flatMap { first in
            sheets.first { sheet in
                guard let header = tableHeader(sheet), ExportShape.recognise(header) != .generic else { return false }
                return sheet.name == firstTable?.name || width(header) > width(first)
            }
        }
        guard let sheet = export ?? firstTable
                ?? sheets.first(where: { holdsValues($0.header) || $0.rows.contains { holdsValues($0.cells) } }) else {
            return .table(Table(sheet: "", otherSheets: sheets.map(\.name), csv: [], file: file, isXLSForm: isXLSForm))
        }
        var rows = [(number: sheet.headerRow, cells: sheet.header)] + sheet.rows
        // A cell merged down over rows below the table's header (a municipality's name over its
        // block of respondents): Excel keeps the value in the top cell alone, and every row below
        // it had been of no place (a probe's: 15 respondents of 18). Its value is read on each
        // row of the range, in the range's first column (a range across columns is one cell's).
        // Merges in and above the header (a group's title, a header cell over two rows) are the
        // header's to read as they are.
        var mergesFilled = 0
        let headerNumber = tableHeaderRow(sheet)?.number ?? sheet.headerRow
        let indexOfRow = Dictionary(rows.indices.map { (rows[$0].number, $0) }, uniquingKeysWith: { first, _ in first })
        for merge in sheet.merges where merge.bottom > merge.top && merge.top > headerNumber {
            guard let top = indexOfRow[merge.top], merge.left < rows[top].cells.count else { continue }
            let value = rows[top].cells[merge.left]
            if value.isEmpty { continue }
            var filled = false
            for number in (merge.top + 1)...merge.bottom {
                guard let k = indexOfRow[number] else { continue }
                // A block's totals or average row inside the range (`;Keskmine;4;2`, a reviewer's)
                // stays a totals row. (A respondent's first answer a totals word, `Vidēji
                // svarīgi`, with words after it, is filled.)
                if ParseState.isTotalsRow(rows[k].cells) { continue }
                while rows[k].cells.count <= merge.left { rows[k].cells.append("") }
                if rows[k].cells[merge.left].isEmpty {
                    rows[k].cells[merge.left] = value
                    filled = true
                }
            }
            if filled { mergesFilled += 1 }
        }
        // A sheet holds no empty cells after a row's last value: every row is as wide as the
        // widest, as a spreadsheet's CSV export writes them (short rows were `ragged_row`; a
        // header shorter than its data quarantined every row of it).
        let width = rows.map(\.cells.count).max() ?? 0
        var csv: [UInt8] = []
        var line = 1
        var rowStarts: [(line: Int, row: Int)] = []
        for row in rows {
            rowStarts.append((line, row.number))
            let cells = row.cells + Array(repeating: "", count: width - row.cells.count)
            for (i, cell) in cells.enumerated() {
                if i > 0 { csv.append(0x2C) }
                // An empty cell is written as nothing, as the tools' CSV exports write one.
                if cell.isEmpty { continue }
                csv.append(0x22)
                var previous: UInt8 = 0
                for byte in cell.utf8 {
                    if byte == 0x22 { csv.append(0x22) }
                    // Line breaks as the reader counts them: LF, CR, CRLF once.
                    if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { line += 1 }
                    csv.append(byte)
                    previous = byte
                }
                csv.append(0x22)
            }
            csv.append(0x0A)
            line += 1
        }
        var table = Table(sheet: sheet.name, otherSheets: sheets.map(\.name).filter { $0 != sheet.name }, csv: csv, file: file,
                          isXLSForm: isXLSForm)
        table.rowStarts = rowStarts
        table.columns = width
        table.mergesFilled = mergesFilled
        // The same header, its filled cells compared as written but for case and spaces.
        func filled(_ header: [String]) -> [String] { header.map { $0.trimmingSpaces.lowercased() }.filter { !$0.isEmpty } }
        // Only one with rows the one read has not: a template of the header alone, or a copy of
        // the same rows (cleaned, sorted), is no responses left unread (a reviewer's cases). A
        // row's cells in their places (blank ones kept, trailing ones dropped), so that a 4 for
        // one topic is not a 4 for another (a reviewer's).
        func placed(_ cells: [String]) -> [String] {
            var cells = cells.map { $0.trimmingSpaces.lowercased() }
            while cells.last?.isEmpty == true { cells.removeLast() }
            return cells
        }
        if let header = tableHeader(sheet).map(filled) {
            let read = Set(sheet.rows.map { placed($0.cells) })
            table.sheetsAlike = sheets.filter { $0.name != sheet.name && tableHeader($0).map(filled) == header }.map { other in
                (other.name, other.rows.filter { holdsValues($0.cells) && filled($0.cells) != header && !read.contains(placed($0.cells)) }.count)
            }.filter { $0.rows > 0 }
        }
        return .table(table)
    }
}

extension BinarySignature {
    /// Whether the file at `path` starts as a ZIP archive does (read for this alone: not for a pipe).
    static func startsAsZIP(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: zip.count)).flatMap { $0 }.map(Array.init) == zip
    }
}
