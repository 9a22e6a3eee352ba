/// How a file's records are written: delimiter, quote and line ends.
public struct Dialect: Sendable, Equatable {
    public enum LineEnding: String, Sendable, Codable {
        case crlf = "CRLF", lf = "LF", cr = "CR"
    }

    /// How the delimiter was decided.
    public enum Evidence: String, Sendable, Codable {
        /// Excel's `sep=X` first line.
        case sepLine = "sep-line"
        /// A `sep=X` first line whose delimiter no row holds, the rows read as the sniffer reads
        /// them without it (a `sep=;` above a comma-separated table: a `sep_line_wrong` warning).
        case sepLineOverruled = "consistency, sep-line overruled"
        /// The candidate giving the most constant field count over the first records.
        case consistency
        /// Given by the user with `--delimiter`.
        case override
        /// Nothing to go on (one column, or an empty file): the comma.
        case fallback
    }

    public var delimiter: UInt8
    public var quote: UInt8 = UInt8(ascii: "\"")
    /// How a quote is written inside a quoted field: `doublequote` or `backslash`.
    public var escape = "doublequote"
    /// Records end with CR alone; LF is part of the data (old Mac files).
    public var carriageReturnOnly = false
    /// Where the table is: preamble, header and footnote records, columns.
    public var table = TableShape()
    public var lineEnding: LineEnding
    public var evidence: Evidence
    /// Bytes of an Excel `sep=X` line at the start of the (decoded) text, to skip.
    public var sepLineLength: Int = 0
    /// The delimiter a `sep=X` line named, when no row holds it (`Evidence.sepLineOverruled`).
    public var sepLineDelimiter: UInt8? = nil
    /// The chosen reading's score per column of its first record, capped at 1: how consistent
    /// its field counts are, times the share of cells of a recognised type (numbers, dates,
    /// empty, addresses; at least 0.1). A table of text answers read right scores low (0.1), so
    /// `needs sniff` shows it as a confidence with that said; it is not the share of records
    /// with the modal field count.
    public var consistency: Double

    public init(
        delimiter: UInt8, lineEnding: LineEnding = .lf, evidence: Evidence, sepLineLength: Int = 0,
        consistency: Double = 1
    ) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.evidence = evidence
        self.sepLineLength = sepLineLength
        self.consistency = consistency
    }

    /// A printable name for the delimiter: `,` `;` `tab` `|`.
    public var delimiterName: String { Dialect.name(ofDelimiter: delimiter) }

    /// The printable name of a delimiter byte, as `delimiterName` gives it (summary.json names
    /// the `--delimiter` option's so: `tab`, not a control character).
    public static func name(ofDelimiter delimiter: UInt8) -> String {
        switch delimiter {
        case 0x09: return "tab"
        case 0x20: return "space"
        case UInt8(ascii: "|"): return "|"
        default: return String(UnicodeScalar(delimiter))
        }
    }

    /// Parses `--delimiter` (a character, or `tab`, `comma`, `semicolon`, `pipe`, `\t`); nil for the
    /// quote or a line break.
    public static func delimiter(fromUser text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        case "space": return 0x20
        default:
            // Not the quote, nor a line break, which ends a record whatever the delimiter.
            let bytes = Array(text.utf8)
            return bytes.count == 1 && !"\"\n\r".utf8.contains(bytes[0]) ? bytes[0] : nil
        }
    }
}

/// Guesses the dialect from the first records of decoded (UTF-8) text.
///
/// Every candidate delimiter (`,` `;` tab `|` space `:`) and quote (`"` `'`) splits the sample; the
/// split that reads most like a table wins (`DialectScore`: consistent field counts times cells of
/// known types). Ties go to the earlier candidate. An Excel `sep=X` first line decides outright.
///
///     let dialect = DialectSniffer.sniff(Array("a;b;c\n1;2,5;3\n".utf8))
///     // dialect.delimiter == UInt8(ascii: ";")
public enum DialectSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|"), 0x20]
    public static let quotes: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "'")]

    /// Where the table is when the delimiter is given (`--delimiter`): found as `sniff` finds
    /// it, with that delimiter and the quote and line ends sniffed.
    public static func table(_ text: [UInt8], dialect: Dialect, isWholeFile: Bool = false) -> TableShape {
        let length = dialect.sepLineLength
        let body = Array(text[min(length, text.count)...])
        let rows = DialectScore.split(body, delimiter: dialect.delimiter, quote: dialect.quote, isWholeFile: isWholeFile,
                                      carriageReturnOnly: dialect.carriageReturnOnly).rows
        var table = TableShape.find(rows)
        table.headerLine = rows.isEmpty ? 0
            : (length > 0 ? 1 : 0) + lineNumber(atOffset: rows[table.preambleRecords][0].startIndex, in: body[...])
        return table
    }

    public static func sniff(_ text: [UInt8], isWholeFile: Bool = false) -> Dialect {
        let lineEnding = detectLineEnding(text)
        if let (delimiter, length) = sepLine(text) {
            var dialect = Dialect(delimiter: delimiter, lineEnding: lineEnding, evidence: .sepLine, sepLineLength: length)
            let rows = DialectScore.rows(Array(text[length...]), delimiter: delimiter, quote: dialect.quote, isWholeFile: isWholeFile)
            dialect.table = TableShape.find(rows)
            // The rows are slices of the text after the `sep=` line, which is line 1.
            dialect.table.headerLine = rows.isEmpty ? 0 : 1 + lineNumber(atOffset: length + rows[dialect.table.preambleRecords][0].startIndex, in: text[length...])
            // A line that names a delimiter no row holds (`sep=;` above a comma-separated table,
            // a line kept from another file): every record one field. Read as if it were not
            // there, when that reads a table (a probe's had quarantined all 50 rows as another survey's).
            if !rows.isEmpty && rows.allSatisfy({ $0.count <= 1 }) {
                let body = Array(text[length...])
                var sniffed = sniff(body, isWholeFile: isWholeFile)
                // Its first line must hold the delimiter found too: a one-column file whose values
                // hold commas (`comments`, `hello, world`) keeps its line (a reviewer's case).
                let found = DialectScore.rows(body, delimiter: sniffed.delimiter, quote: sniffed.quote, isWholeFile: isWholeFile)
                if sniffed.evidence == .consistency && sniffed.table.columns >= 2 && (found.first?.count ?? 0) >= 2 {
                    sniffed.evidence = .sepLineOverruled
                    sniffed.sepLineLength = length
                    sniffed.sepLineDelimiter = delimiter
                    sniffed.table.headerLine += 1
                    return sniffed
                }
            }
            return dialect
        }
        var best: (delimiter: UInt8, quote: UInt8, score: Double, rows: [[ArraySlice<UInt8>]], crOnly: Bool)? = nil
        // Old Mac files end records with CR alone and may hold LF inside fields: try that reading too.
        let crModes = hasLoneCarriageReturn(text) ? [false, true] : [false]
        for crOnly in crModes {
        // A quote character that quotes no field in the sample is not this file's quote.
        for quote in quotes where quote == UInt8(ascii: "\"") || DialectScore.quotesSomeField(text, quote: quote) {
            for candidate in candidates {
                let (rows, strays, quotedFields) = DialectScore.split(text, delimiter: candidate, quote: quote, isWholeFile: isWholeFile,
                                                        carriageReturnOnly: crOnly)
                // Prose cut at random is neither a table nor typed data: not a dialect.
                let typed = DialectScore.typeScore(rows)
                guard DialectScore.isTable(rows) || typed >= 0.1 else { continue }
                if candidate == 0x20 && !DialectScore.firstRecordHasTableWidth(rows) { continue }
                let score = DialectScore.score(rows, strayQuotes: strays, quotedFields: quotedFields, delimiter: candidate,
                                               typeScore: typed)

                if best == nil || score > best!.score + 1e-9 {
                    best = (candidate, quote, score, rows, crOnly)
                }
            }
        }
        }
        guard let best, best.score > 0 else {
            var dialect = Dialect(delimiter: UInt8(ascii: ","), lineEnding: lineEnding, evidence: .fallback, consistency: 0)
            let rows = DialectScore.rows(text, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\""), isWholeFile: isWholeFile)
            dialect.table = TableShape.find(rows)
            dialect.table.headerLine = rows.isEmpty ? 0 : lineNumber(atOffset: rows[dialect.table.preambleRecords][0].startIndex, in: text[...])
            return dialect
        }
        var dialect = Dialect(delimiter: best.delimiter, lineEnding: lineEnding, evidence: .consistency,
                              consistency: min(1, best.score / Double(max(1, best.rows.first?.count ?? 1))))
        dialect.quote = best.quote
        dialect.carriageReturnOnly = best.crOnly
        if best.crOnly { dialect.lineEnding = .cr }
        dialect.escape = escapeStyle(text, quote: best.quote)
        dialect.table = TableShape.find(best.rows)
        dialect.table.headerLine = best.rows.isEmpty ? 0 : lineNumber(atOffset: best.rows[dialect.table.preambleRecords][0].startIndex, in: text[...])
        return dialect
    }

    /// The 1-based line on which byte `offset` of `text` stands, counted as the reader counts
    /// lines: every LF, and every CR not followed by LF, inside quotes or not.
    static func lineNumber(atOffset offset: Int, in text: ArraySlice<UInt8>) -> Int {
        var line = 1
        var i = text.startIndex
        while i < offset {
            let b = text[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= text.endIndex || text[i + 1] != 0x0A)) { line += 1 }
            i += 1
        }
        return line
    }

    /// A CR not followed by LF, outside quotes or not: the sign of CR-terminated records.
    static func hasLoneCarriageReturn(_ text: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < text.count {
            if text[i] == 0x0D && text[i + 1] != 0x0A { return true }
            i += 1
        }
        return false
    }

    /// `doublequote` (RFC 4180: `""` inside quotes) or `backslash` (`\"`), by which occurs more.
    static func escapeStyle(_ text: [UInt8], quote: UInt8) -> String {
        var doubled = 0, backslashed = 0
        var i = 1
        while i < text.count {
            if text[i] == quote {
                if text[i - 1] == UInt8(ascii: "\\") { backslashed += 1 } else if i + 1 < text.count && text[i + 1] == quote { doubled += 1; i += 1 }
            }
            i += 1
        }
        return backslashed > doubled ? "backslash" : "doublequote"
    }

    /// `sep=;` (any case) alone on the first line, as Excel writes and reads it.
    static func sepLine(_ text: [UInt8]) -> (UInt8, Int)? {
        guard text.count >= 5 else { return nil }
        let prefix = text.prefix(4).map { $0 | 0x20 }
        guard prefix == Array("sep=".utf8) else { return nil }
        let delimiter = text[4]
        guard delimiter != 0x0A && delimiter != 0x0D else { return nil }
        var end = 5
        if end < text.count && text[end] == 0x0D { end += 1 }
        if end < text.count && text[end] == 0x0A { end += 1 }
        guard end == text.count || text[end - 1] == 0x0A || text[end - 1] == 0x0D else { return nil }
        return (delimiter, end)
    }

    static func detectLineEnding(_ text: [UInt8]) -> Dialect.LineEnding {
        var inQuotes = false
        var i = 0
        while i < text.count {
            let b = text[i]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && b == 0x0D {
                return i + 1 < text.count && text[i + 1] == 0x0A ? .crlf : .cr
            } else if !inQuotes && b == 0x0A {
                return .lf
            }
            i += 1
        }
        return .lf
    }
}

/// Where the table is in a file: records of preamble above the header (titles Excel users put on
/// top), header records, footnote records below the data, and the column count.
public struct TableShape: Sendable, Equatable {
    /// Records above the header with at most one filled cell (titles, notes, padded blank rows;
    /// blank lines are not records here).
    public var preambleRecords = 0
    /// The line the header starts on (a `sep=` line counts), as the reader numbers lines: the
    /// reader skips what is above it. 0 when the sample holds no record.
    public var headerLine = 0
    public var headerRecords = 1
    public var footnoteRecords = 0
    public var columns = 0
    /// How many columns the table spans up to its last filled cell: the extent two or more
    /// records with two or more filled cells reach (the header and a row; a note typed far to
    /// the right of one row does not count), at most `columns`; fewer than `columns` when Excel
    /// padded the rows to a wider range. Not the median: in a small sheet the details above the
    /// table were half its records, and the table of two respondents below four details was read
    /// from the first detail down (six respondents, every answer lost).
    public var filledColumns = 0
    /// The header is one field short of the rows below it: R's `write.table` with row names
    /// leaves the row-name column unnamed. The reader adds an empty first name.
    public var headerMissesFirstName = false

    /// Whether a record of two or more filled cells, the last at `lastFilled` (0-based), is a
    /// detail above the table rather than its header: its cells all stand in the first third
    /// (at least the first two) of a table six or more columns wide (`filledColumns`), as a
    /// label and its value do (`Omavalitsus:;Narva linn`, `Koostas;Mari Maasikas`). A header,
    /// even the upper row of two with group labels over merged cells, reaches further right.
    /// And it has three filled cells at most (`filled`): a header of eight names over a sheet
    /// padded to 26 columns, two rows with a note in the last, was read as details, and a row
    /// of answers as the header (a reviewer's case).
    static func isDetails(lastFilled: Int, filled: Int, filledColumns: Int) -> Bool {
        filledColumns >= 6 && filled <= 3 && lastFilled < max(2, filledColumns / 3)
    }

    /// Whether a record's filled cells are one to three labels, each ending in `:`, each with
    /// its value in the next cell, from the first cell on (`Omavalitsus:;Narva;Kuupäev:;15.01.2025`):
    /// a sheet's details, in a table of any width. A header names its columns without colons
    /// (a pair of details had been taken for the header, and every row below quarantined).
    static func isLabelledPairs(count: Int, cell: (Int) -> ArraySlice<UInt8>) -> Bool {
        var filled = 0
        while filled < count && !CellType.trim(cell(filled)).isEmpty { filled += 1 }
        guard filled >= 2, filled <= 6, filled % 2 == 0,
              (filled..<count).allSatisfy({ CellType.trim(cell($0)).isEmpty }) else { return false }
        for k in 0..<filled {
            let text = CellType.trim(cell(k))
            let isLabel = text.last == UInt8(ascii: ":") && text.dropLast().contains { $0 >= 0x41 }
            if isLabel != (k % 2 == 0) { return false }
        }
        return true
    }

    /// Finds the table in the first records: the modal field count among records with at least two
    /// filled cells is the table's width; the table starts at the first record of that width with
    /// most of its cells filled; header records are the leading ones holding no number, date or
    /// date and time (`CellType.isDateTime`); trailing records with one filled cell are footnotes.
    static func find(_ rows: [[ArraySlice<UInt8>]]) -> TableShape {
        var shape = TableShape()
        guard !rows.isEmpty else {
            shape.headerRecords = 0
            return shape
        }
        func filled(_ row: [ArraySlice<UInt8>]) -> Int { row.filter { !CellType.trim($0).isEmpty }.count }
        var tally: [Int: Int] = [:]
        for row in rows where filled(row) >= 2 { tally[row.count, default: 0] += 1 }
        guard let width = tally.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else {
            shape.columns = rows.map(\.count).max() ?? 0
            return shape
        }
        shape.columns = width
        let extents = rows.filter { filled($0) >= 2 }.map { row in
            1 + (row.lastIndex { !CellType.trim($0).isEmpty } ?? 0)
        }.sorted()
        shape.filledColumns = extents.isEmpty ? 0 : min(width, extents[max(0, extents.count - 2)])
        // Preamble: leading records with at most one filled cell (a title, a note, a date), or
        // with a few at their start only, details of a hand-made sheet (`Omavalitsus:;Narva linn`).
        let first = rows.firstIndex { filled($0) >= min(2, width) } ?? 0
        var start = rows.firstIndex { row in
            let count = filled(row)
            guard count >= min(2, width) else { return false }
            let last = row.lastIndex { !CellType.trim($0).isEmpty } ?? 0
            return count < 2 || !(isDetails(lastFilled: last, filled: count, filledColumns: shape.filledColumns)
                                   || isLabelledPairs(count: row.count, cell: { row[$0] }))
        } ?? first
        // The header names its columns: when the record after the details holds figures, those
        // were the header (a few names over unnamed columns) and this a row of data.
        if start != first && rows[start].contains(where: { CellType.isNumberLike(CellType.trim($0)) }) { start = first }
        // Sparse: fewer than half the table's columns filled (a title, group labels over merged cells).
        func sparse(_ row: [ArraySlice<UInt8>]) -> Bool { filled(row) * 2 < shape.filledColumns }
        var headers = 0
        scan: while true {
            headers = 0
            // The first record holds a figure: no header record, unless it is a title (below).
            var figureFirst = false
            for (index, row) in rows[start...].enumerated() {
                let cells = row.map(CellType.trim).filter { !$0.isEmpty }
                let figure = cells.contains { CellType.isNumberLike($0) || CellType.isDateTime($0) }
                // Sparse records over one of a cell or none, over a full one: titles over a blank
                // row, not a header (`Küsitlus 2026;…;Seisuga 15.01.2026`, the second cell far to
                // the right: the sheet had been read under it, every row quarantined; a helper's
                // probe). The table starts at the full record.
                let next = start + index + 1
                if index > 0, width >= 2, cells.count <= 1, rows[start..<(start + index)].allSatisfy(sparse),
                   next < rows.count, filled(rows[next]) >= 2, !sparse(rows[next]) {
                    start = next
                    continue scan
                }
                if figureFirst || (figure && index > 0) { break }
                if figure {
                    figureFirst = true
                    continue
                }
                headers += 1
                if headers == 5 { break }
            }
            break
        }
        shape.preambleRecords = start
        shape.headerRecords = headers == rows.count - start ? min(1, headers) : headers
        let below = rows[(start + 1)...]
        // Not a trailing delimiter: there the extra field is the last one, and empty.
        let trailingEmpty = below.filter { $0.count == width && CellType.trim($0[width - 1]).isEmpty }.count
        if rows[start].count + 1 == width && below.count >= 2 && below.filter({ $0.count == width }).count * 10 >= below.count * 9
            && trailingEmpty * 2 < below.count {
            shape.headerMissesFirstName = true
        }
        var footnotes = 0
        for row in rows.reversed() {
            guard rows.count - footnotes - 1 > start, row.count != width, filled(row) <= 1 else { break }
            footnotes += 1
        }
        shape.footnoteRecords = footnotes
        return shape
    }
}
