import Foundation

/// The responses sheet of an .xlsx workbook (a Google Sheet or a Microsoft Forms workbook
/// downloaded as Excel, a KoboToolbox export in XLS format) as the CSV text the reader reads:
/// the first sheet that holds anything, in the workbook's order, each row a record; cells as
/// Excel shows them where it matters (a date as `2025-01-14 10:32:05`, a number as stored).
/// A record's line is its row in the sheet (`row(ofLine:)`: a cell holding a line break makes
/// its row more than one line of the text).
enum WorkbookTable {
    struct Table {
        let sheet: String
        let otherSheets: [String]
        let csv: [UInt8]
        /// The workbook's own bytes (for its SHA-256 and size).
        let file: [UInt8]
        /// Whether the workbook is an XLSForm (survey and choices sheets), not responses.
        let isXLSForm: Bool
        /// The line of the text each row starts on, and the row, in order.
        var rowStarts: [(line: Int, row: Int)] = []

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

    /// The table of the workbook at `path`; nil when the file is no .xlsx workbook (it does not
    /// start as a ZIP archive does, or is one that is no workbook).
    static func read(path: String) -> Table? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = (try? handle.read(upToCount: 4)) ?? nil
        try? handle.close()
        guard let head, Array(head) == [0x50, 0x4B, 0x03, 0x04],
              let sheets = try? XLSXWorkbook.orderedSheets(at: path) else { return nil }
        let names = Set(sheets.map { $0.name.lowercased() })
        let isXLSForm = names.contains("survey") && names.contains("choices")
        let file = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        guard let sheet = sheets.first(where: { !$0.header.isEmpty || !$0.rows.isEmpty }) ?? sheets.first else {
            return Table(sheet: "", otherSheets: [], csv: [], file: file, isXLSForm: isXLSForm)
        }
        var csv: [UInt8] = []
        var line = 1
        var rowStarts: [(line: Int, row: Int)] = []
        for row in [(number: sheet.headerRow, cells: sheet.header)] + sheet.rows {
            rowStarts.append((line, row.number))
            // A sheet holds no empty cells after a row's last value: the row is as wide as the
            // header all the same (it was a short row, `ragged_row`, in nearly every row).
            let cells = row.cells.count < sheet.header.count
                ? row.cells + Array(repeating: "", count: sheet.header.count - row.cells.count) : row.cells
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
        return table
    }
}
