import CLibCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-file state the libcsv callbacks update.
final class ParseState {
    let file: String
    let handler: (RecordBuffer) throws -> Void
    let diagnose: (Diagnostic) -> Void
    let record = RecordBuffer()
    var handlerError: Error? = nil

    /// The physical line the next record starts on.
    var line: Int {
        get { record.sink.pointee.line }
        set { record.sink.pointee.line = newValue }
    }
    var lastTerminatorWasCR: Bool {
        get { record.sink.pointee.lastTerminatorWasCR }
        set { record.sink.pointee.lastTerminatorWasCR = newValue }
    }
    var headerCount = 0
    var sawHeader = false
    var dataRecords = 0
    var blankRecords = 0
    var quarantinedRecords = 0
    var maxColumns = Int.max {
        didSet { record.sink.pointee.fieldLimit = maxColumns == Int.max ? Int.max : maxColumns + 1 }
    }
    var headerMissesFirstName = false
    /// `ReaderOptions.plainTable`.
    var plainTable = false
    /// The line the sniffer found the header on: records above it with at most one filled cell
    /// (titles Excel users put on top) are skipped with a note, blank ones counted as blank.
    /// Told by line, not by a count of records, so that blank lines and padded blank rows
    /// (`;;;;`), which the sniffer and the reader count differently, cannot shift the header.
    var tableStartLine = 0
    /// The table's usual extent up to its last filled cell (`TableShape.filledColumns`).
    var tableFilledColumns = 0
    var preambleSkipped = 0
    /// The filled cells of the records above the table (titles, a sheet's details), with their
    /// lines: given to the header record (`RecordBuffer.aboveTable`).
    private var aboveTable: [(line: Int, cells: [String])] = []
    /// The file's delimiter and quote, to tell a record read as one field from a row of another
    /// export written with another delimiter and joined to this one (`otherDelimiterRow`).
    var delimiter: UInt8 = 0x2C
    var quote: UInt8 = 0x22
    /// Rows with extra empty fields (a trailing delimiter), reported once per file.
    var trailingDelimiterRows = 0
    /// The first lines of rows with empty fields beyond the header, and the rows as wide as the
    /// header: where those are as many or more, the extra fields are no trailing delimiter of the
    /// export's but a value holding the delimiter unquoted, which moved the fields after it.
    var trailingDelimiterLines: [Int] = []
    var headerWidthRows = 0
    /// The header's names, trimmed, as read (to recognise the header repeated below).
    var headerFields: [[UInt8]] = []
    /// The header's names lowercased, made when a name is first compared ignoring case.
    var headerKeys: [String] = []
    /// Names in the header that are not empty.
    var headerNames = 0
    /// Whether a record can be the header again: not when no name of the header holds a letter
    /// (a file without a header, its first row numbers, repeats that row as data).
    var headerCanRepeat = false
    var headerFirstLength = 0
    /// The header's first name, trimmed, in memory of its own (compared with every record's
    /// first field that is at least as long).
    private var headerFirst: UnsafeMutableRawPointer? = nil
    var headerLine = 0
    /// Empty names at the end of the header (a trailing delimiter), and whether any row has a
    /// value under them (then the note at the end of the file says so).
    var headerTrailingEmpty = 0
    var trailingColumnsHoldData = false
    var firstLineUnderUnnamed = 0
    /// The header was the file's last record, with no line break after it: the file may have
    /// been cut off inside it.
    var headerEndsFile = false
    /// The header again below it, and notes under the table: not records of the table.
    var repeatedHeaders = 0
    var footnoteRecords = 0
    /// The last record was the header repeated: the next one is marked as following it.
    var afterRepeatedHeader = false
    /// The header again with its columns in another order, or some added or left out (exports
    /// of two versions of a form pasted together): for each column of the first header, the
    /// field of the rows below that holds it (-1: none), and how many fields that header has.
    /// The rows below are read through it until the header comes again.
    private var columnSources: [Int]? = nil
    private var reorderedWidth = 0
    /// What a first field must have to be a name of the header, checked before anything else:
    /// its length in bytes (bit n; bit 63 for 63 or more) and its first byte, ASCII lowercased.
    private var nameLengths: UInt64 = 0
    private var nameFirstBytes = [Bool](repeating: false, count: 256)
    /// The header's names, lowercased, and their columns (the first, for a name given twice).
    private lazy var nameColumns: [String: Int] = {
        var columns: [String: Int] = [:]
        for (i, name) in headerFields.enumerated() where !name.isEmpty {
            let key = String(decoding: name, as: UTF8.self).lowercased()
            if columns[key] == nil { columns[key] = i }
        }
        return columns
    }()
    /// Where a row read through `columnSources` is put together.
    private lazy var reordered = RecordBuffer()
    /// Where a field past `maxFieldBytes` started in the record being read (0: none), and the
    /// line breaks dropped with its bytes.
    var oversizeFieldLine = 0
    var oversizeDroppedNewlines = 0
    /// Whether the bytes dropped last ended with a line break (the file may end there).
    var oversizeEndsWithBreak = false
    /// Where the last stray quote was reported, so that a field's second one is not.
    var lastStrayQuote = (0, 0)
    /// Whether a field that is not valid UTF-8 has those runs read in a code page (the file was
    /// detected as UTF-8: rows typed in another program), rather than shown as U+FFFD (UTF-8
    /// given with --encoding, which is taken at its word).
    var readsNotUTF8InCodePage = false
    /// That code page: from the detection's sample, or else decided at the first such row; a
    /// field it reads as no text is read in the one that reads it best
    /// (`EncodingDetector.notUTF8CodePage(in:prior:)`).
    var notUTF8CodePage: TextEncoding? = nil
    /// A line as a message's words name it (a workbook's row: `CSVReader.rowOfLine`).
    var lineInWords: (Int) -> Int = { $0 }

    init(file: String, handler: @escaping (RecordBuffer) throws -> Void, diagnose: @escaping (Diagnostic) -> Void) {
        self.file = file
        self.handler = handler
        self.diagnose = diagnose
        record.sink.pointee.owner = Unmanaged.passUnretained(self)
    }

    deinit { headerFirst?.deallocate() }

    func warn(_ code: String, line: Int, column: Int?, _ message: String, severity: Diagnostic.Severity = .warning) {
        diagnose(Diagnostic(severity, file: file, line: line, column: column, code: code, message: message))
    }

    /// Whether the processor has AVX2, for the byte scans (looked up once, not per record).
    private let avx2 = FieldScan.avx2

    /// The fields libcsv built in place since the last call (see `FieldSink.parser`), or that came
    /// from elsewhere (`addFieldOutOfPlace`), looked at for line breaks (counted), NUL bytes
    /// (removed, said) and invalid UTF-8 (said): a row with nothing to say (most rows) costs one C
    /// call (`needs_fields_settled`). NUL bytes are removed, moving the later bytes down, and with
    /// them the `partial` bytes of a field libcsv is still building. Called at the end of every
    /// row, and before anything that reads the record's line breaks or says where a field is.
    func settleFields(partial: Int = 0) {
        let sink = record.sink
        let count = sink.pointee.fieldCount
        let from = min(sink.pointee.settledFields, count)
        guard from < count else { return }
        sink.pointee.settledFields = count
        let bytes = sink.pointee.bytes
        let ends = sink.pointee.ends
        let start = from == 0 ? 0 : ends[from - 1]
        let recordEnd = sink.pointee.byteCount
        // No control bytes, and non-ASCII letters only if any: nothing to say when the bytes are
        // valid UTF-8 and no field starts inside a character (in C, with SSE2 or AVX2).
        if needs_fields_settled(bytes.assumingMemoryBound(to: UInt8.self), ends, from, count, start, recordEnd, avx2) { return }
        var read = start
        var write = start
        // Fields to read partly in a code page (rare): with the line each starts on.
        var inCodePage: [(field: Int, line: Int)] = []
        for i in from..<count {
            let end = ends[i]
            let field = UnsafeRawBufferPointer(start: bytes + read, count: end - read)
            var kept = field.count
            if FieldScan.needsScan(field) {
                let scan = FieldScan(field)
                var invalid = scan.hasHighBytes ? UTF8Validation.firstInvalidOffset(in: field) : nil
                // The file's last field ending inside a character (`…savivaldyb` and the first byte
                // of `ė`): the file was cut off, not typed in a code page (a probe's was read as
                // windows-1257, its last letter `Ä`). The half character is left out.
                if let cut = invalid, rowEndsFile, i == count - 1, scan.nulBytes == 0,
                   UTF8Validation.firstInvalidOffset(in: field, allowTruncatedEnd: true) == nil {
                    invalid = nil
                    kept = cut
                    warn("invalid_bytes", line: line + record.newlines, column: column(ofField: i),
                         "the file ends inside a UTF-8 character: it looks cut off (a download or copy that did not finish), so its last row may be incomplete; the half character is left out")
                }
                if scan.nulBytes > 0 {
                    warn("nul_byte", line: line + record.newlines, column: column(ofField: i),
                         "\(scan.nulBytes) NUL byte(s) removed from the field")
                    kept = 0
                    for k in 0..<field.count where field[k] != 0 {
                        bytes.storeBytes(of: field[k], toByteOffset: write + kept, as: UInt8.self)
                        kept += 1
                    }
                } else if write != read {
                    memmove(bytes + write, bytes + read, kept)
                }
                if let invalid {
                    if readsNotUTF8InCodePage {
                        inCodePage.append((i, line + record.newlines))
                    } else {
                        warn("invalid_utf8", line: line + record.newlines, column: column(ofField: i),
                             "invalid UTF-8 at byte \(invalid + 1) of the field; shown as U+FFFD (try --encoding)")
                    }
                }
                record.newlines += scan.newlines
            } else if write != read {
                memmove(bytes + write, bytes + read, kept)
            }
            write += kept
            ends[i] = write
            read = end
        }
        if write != recordEnd {
            if partial > 0 { memmove(bytes + write, bytes + recordEnd, partial) }
            sink.pointee.byteCount = write
            sink.pointee.pointParser()
        }
        if !inCodePage.isEmpty { readInCodePage(inCodePage, from: from, partial: partial) }
    }

    /// Reads the runs of bytes that are not UTF-8 in fields of a UTF-8 file in the file's code
    /// page (`notUTF8CodePage`), each field said with the code page and what it reads; the
    /// fields from `from` on are written again, longer, with the `partial` bytes of the field
    /// libcsv is building after them. Only fields that are not valid UTF-8 come here.
    private func readInCodePage(_ fields: [(field: Int, line: Int)], from: Int, partial: Int) {
        let sink = record.sink
        let count = sink.pointee.fieldCount
        let start = from == 0 ? 0 : sink.pointee.ends[from - 1]
        if notUTF8CodePage == nil {
            // The sample had no such bytes: the first row with some decides the file's code page
            // from all its such fields (a row is typed in one program), not its first field alone,
            // whose one letter may read as well in several (`в` in Windows-1251, `ā` in 1257).
            var row: [UInt8] = []
            for (field, _) in fields { row += record.fieldBytes(field); row.append(0x0A) }
            notUTF8CodePage = EncodingDetector.notUTF8CodePage(in: row, isWhole: true)
        }
        var rewritten: [UInt8] = []
        var ends: [Int] = []
        var next = 0
        for i in from..<count {
            let field = record.fieldBytes(i)
            if next < fields.count && fields[next].field == i {
                let raw = Array(field)
                let encoding = EncodingDetector.notUTF8CodePage(in: raw, prior: notUTF8CodePage) ?? .windows1257
                let read = Transcoder.readingNotUTF8(field, as: encoding)
                let invalid = UTF8Validation.firstInvalidOffset(in: field) ?? 0
                // The letters the code page gave, not the field's words: it may be a comment, a
                // name or an e-mail address, which the issues in clean/ must not carry. In the
                // alphabet's order: a Cyrillic word is all such letters, and in the order met
                // they spelt it.
                let shown = read.letters.sorted { $0.value < $1.value }.prefix(12).map { String($0) }.joined(separator: " ")
                    + (read.letters.count > 12 ? " …" : "")
                let letters = shown.isEmpty ? "" : ", making its letters `\(shown)`"
                let undefined = read.undefined == 0 ? ""
                    : "; \(read.undefined) byte(s) it does not define are shown as U+FFFD"
                warn("invalid_utf8", line: fields[next].line, column: column(ofField: i),
                     "the field is not UTF-8 at byte \(invalid + 1), unlike the rest of the file (typed in another program?): read as \(encoding.rawValue)\(letters)\(undefined); if that reading is wrong, correct the field or give --encoding")
                rewritten += read.bytes
                next += 1
            } else {
                rewritten += field
            }
            ends.append(start + rewritten.count)
        }
        let fieldBytes = rewritten.count
        if partial > 0 {
            rewritten += UnsafeRawBufferPointer(start: sink.pointee.bytes + sink.pointee.byteCount, count: partial)
        }
        sink.pointee.replaceBytes(from: start, with: rewritten, fieldBytes: fieldBytes)
        for (k, end) in ends.enumerated() { sink.pointee.ends[from + k] = end }
        sink.pointee.pointParser()
    }

    /// A field libcsv did not build where `pointParser` put it, or one at the field-count limit:
    /// the record's fields so far are settled, and this one is copied and looked at on its own.
    func addFieldOutOfPlace(_ pointer: UnsafeRawPointer, _ length: Int) {
        let inPlace = record.sink.pointee.isInPlace(pointer)
        settleFields(partial: inPlace ? length : 0)
        // Settling may have moved it down with the record's end.
        let source = inPlace ? UnsafeRawPointer(record.sink.pointee.bytes + record.byteCount) : pointer
        let copy = [UInt8](UnsafeRawBufferPointer(start: source, count: length))
        let dropped = record.sink.pointee.droppedFields
        copy.withUnsafeBytes { record.append($0) }
        if record.sink.pointee.droppedFields > dropped {
            // Past the field limit: dropped with the record's last fields, its line breaks counted.
            record.newlines += copy.withUnsafeBytes { FieldScan($0).newlines }
            record.sink.pointee.settledFields = record.fieldCount
        } else {
            settleFields()
        }
        record.sink.pointee.pointParser()
    }

    /// A field libcsv could not delimit (see `otherFieldCallback`): read as empty.
    func malformedField() {
        settleFields()
        warn("malformed_field", line: line + record.newlines, column: column(ofField: record.fieldCount),
             "quotes around this field could not be matched (a quoted value, spaces, then a stray quote); the field is read as empty")
    }

    /// Whether the row being ended is the file's last, ended by the file's end with no line break
    /// (libcsv's terminator -1): a file cut off ends so.
    private var rowEndsFile = false
    /// Rows short of the header's width read so far (`checkShape`).
    private var shortRows = 0

    /// A row ended (the LF of a CRLF was already skipped by the callback).
    func endRow(_ terminator: Int32) {
        rowEndsFile = terminator == -1
        defer { rowEndsFile = false }
        settleFields()
        let isLineBreak = terminator == 0x0A || terminator == 0x0D
        if record.fieldCount == 0 {
            // libcsv reports every unquoted line end: a true blank line is kept as a record.
            lastTerminatorWasCR = terminator == 0x0D
            guard isLineBreak else { return }
            record.line = line
            line += 1
            deliver()
            return
        }
        if joinsLineFeeds {
            if terminator == 0x0A && joinsAtLineFeed() { return }
            if !joins.isEmpty { return endJoined(terminator) }
        }
        record.line = line
        line += record.newlines + (isLineBreak ? 1 : 0)
        lastTerminatorWasCR = terminator == 0x0D
        let beforeHeader = !sawHeader
        deliver()
        // The header with no line break after it ended the file (`finishFile` says so).
        headerEndsFile = beforeHeader && sawHeader && !isLineBreak
        if beforeHeader && sawHeader { joinsLineFeeds = terminator == 0x0D && !plainTable }
    }

    // MARK: A line feed typed inside a field without quotes

    /// The header's line ended with CR (a CRLF file) and rows are not read as a plain table: a
    /// lone LF below it may be inside a field. Set with the header; one check a row.
    private var joinsLineFeeds = false
    /// Rows ended by a lone LF, in a CRLF file, short of the table's width, read on as one with
    /// the lines after them: where each next line's fields start, and the line breaks inside the
    /// record before that LF (which counts as one at once, so that what is said about the next
    /// line names it). Empty when the record is one line's row (almost always).
    private var joins: [(field: Int, newlines: Int)] = []
    /// Lines a row is read on over at most: a value typed over more is rare in an answer, and a
    /// run of short lines (another export's rows, another delimiter) is no row of the table.
    static let maxJoinedLines = 32

    /// The width a row of the table has here: the header's, or the header repeated in another
    /// order's.
    private var tableWidth: Int { columnSources == nil ? headerCount : reorderedWidth }

    /// The 1-based column of field `i` of the line being read (of a record read on over lone LFs,
    /// the fields of its last line count from 1), for what is said about it.
    func column(ofField i: Int) -> Int { i - (joins.last?.field ?? 0) + 1 }

    /// At a lone LF: whether the row, short of the table's width, reads on over the next line
    /// (a tool or a hand that wrote a line break inside a value without quoting it; Excel and the
    /// form tools quote such a value). Each line must be short of the width on its own, and the
    /// lines together too; whether they make one row is decided where the row ends (`endJoined`).
    private func joinsAtLineFeed() -> Bool {
        let count = record.fieldCount
        let lineStart = joins.last?.field ?? 0
        guard record.quarantineReason == nil, record.sink.pointee.droppedFields == 0, joins.count < Self.maxJoinedLines,
              count > lineStart, count - lineStart < tableWidth, count - joins.count < tableWidth,
              count + tableWidth < record.sink.pointee.fieldLimit else { return false }
        joins.append((count, record.newlines))
        record.newlines += 1
        lastTerminatorWasCR = false
        return true
    }

    /// The end of a row that read on over lone LFs: one row when its last line is short of the
    /// width too, ended with CR or the file, and the lines' fields, each LF read inside the field
    /// it ends, make the table's width (or one more, empty, in a file whose rows have shown such a
    /// trailing delimiter); else each line's row as read.
    private func endJoined(_ terminator: Int32) {
        let count = record.fieldCount
        let lineStart = joins.last!.field
        let width = count - joins.count
        let trailing = width == tableWidth + 1 && trailingDelimiterRows > 0 && isBlankField(record.fieldBytes(count - 1))
        guard width == tableWidth || trailing, count > lineStart, count - lineStart < tableWidth + (trailing ? 1 : 0),
              terminator == 0x0D || terminator == -1, record.quarantineReason == nil, record.sink.pointee.droppedFields == 0 else {
            return endJoinedApart(terminator)
        }
        let start = line
        for (j, join) in joins.enumerated() {
            warn("line_feed_in_field", line: start + join.newlines, column: join.field - j,
                 "a line feed without a carriage return ends this line, in a file whose lines end with CR LF, and the row runs on below it: "
                    + "read as a line break inside the field (a value typed over two lines, without quotes), so the row keeps its \(width) fields")
        }
        for join in joins.reversed() {
            record.sink.pointee.joinFields(at: join.field, with: 0x0A)
        }
        if record.strayQuoteField >= 0 { record.strayQuoteField = -1 }
        joins = []
        record.line = line
        line += record.newlines + (terminator == 0x0D ? 1 : 0)
        lastTerminatorWasCR = terminator == 0x0D
        deliver()
    }

    /// Delivers each line's row of a record that read on over lone LFs, as read: its fields, the
    /// line breaks inside them, and a quarantine, stray quote or fields dropped past the limit in
    /// the row they are in. `atEndOfFile`: the last LF ended the file, and no line follows it.
    private func endJoinedApart(_ terminator: Int32, atEndOfFile: Bool = false) {
        let sink = record.sink.pointee
        let count = sink.fieldCount
        let bytes = Array(UnsafeRawBufferPointer(start: sink.bytes, count: sink.byteCount))
        let ends = Array(UnsafeBufferPointer(start: sink.ends, count: count))
        let reason = record.quarantineReason, swallowing = record.swallowingField, stray = record.strayQuoteField
        let newlines = record.newlines, dropped = sink.droppedFields
        let parts = joins
        joins = []
        let last = atEndOfFile ? parts.count - 1 : parts.count
        for p in 0...last {
            let from = min(p == 0 ? 0 : parts[p - 1].field, count)
            let to = min(p < parts.count ? parts[p].field : count, count)
            // The line breaks inside this line's fields: the record's up to its LF, less those before.
            let own = (p < parts.count ? parts[p].newlines : newlines) - (p == 0 ? 0 : parts[p - 1].newlines + 1)
            record.reset()
            for i in from..<to {
                let start = i == 0 ? 0 : ends[i - 1]
                bytes.withUnsafeBytes { record.append(UnsafeRawBufferPointer(rebasing: $0[start..<ends[i]])) }
            }
            record.sink.pointee.settledFields = record.fieldCount
            record.newlines = own
            if p == last { record.sink.pointee.droppedFields = dropped }
            if let swallowing, swallowing < to || p == last, swallowing >= from || p == last {
                record.quarantineReason = reason
                record.swallowingField = max(swallowing - from, 0)
            }
            if stray >= from && stray < to { record.strayQuoteField = stray - from }
            record.line = line
            line += own + (p < parts.count || terminator == 0x0A || terminator == 0x0D ? 1 : 0)
            lastTerminatorWasCR = p == parts.count && terminator == 0x0D
            deliver()
            if handlerError != nil { return }
        }
    }

    /// Marks the record being built as quarantined (an unclosed quote at the end of the file, a
    /// field past the size limit) from the field being read, which ran on over what followed it.
    func quarantineCurrent(_ reason: String) {
        record.quarantineReason = reason
        record.swallowingField = record.fieldCount
    }

    private func deliver() {
        oversizeFieldLine = 0
        oversizeDroppedNewlines = 0
        if !sawHeader {
            deliverAboveTable()
            return
        }
        if record.fieldCountRead > maxColumns {
            warn("too_many_fields", line: record.line, column: maxColumns + 1,
                 "\(record.fieldCountRead) fields in one record, more than the limit of \(maxColumns), far past any survey export's width; the record is quarantined",
                 severity: .error)
            record.quarantineReason = "more than \(maxColumns) fields"
            record.dropFields(after: headerCount)
        }
        if afterRepeatedHeader {
            record.followsRepeatedHeader = true
            afterRepeatedHeader = false
        }
        // A row with at most one filled cell may be a footnote (`Total: 12`), which only the end
        // of the file or the header repeated below can tell: such rows are held back until a row
        // of the table follows. A short (or long) row counts as one whichever cell is filled; a
        // row as wide as the header, as Excel pads it, only when the filled cell is the first and
        // holds words (a form tool writes a submission with nothing answered as its timestamp or
        // ID alone, a row of the table). Cells are counted only when the row's field count
        // differs from the header's or its second field is blank: a row of the table costs one
        // look at a field's first byte.
        if !plainTable, record.quarantineReason == nil, let (label, column) = totalsLabel(),
           record.filledFieldCount(upTo: 2) == 2, holdsFiguresOnly(after: column) {
            // A totals or average row of a hand-made sheet (`Kokku;;;4,5;2,5`), below the table
            // or between its groups: not a respondent, skipped like a note under the table. (A
            // word alone, `Kokku: 143`, is a footnote candidate like any other note.)
            footnoteRecords += 1
            warn("totals_row_skipped", line: record.line, column: column,
                 "a totals or average row (`\(label)`) is not read as a respondent", severity: .note)
            record.reset()
            return
        }
        if !plainTable, record.quarantineReason == nil, let column = averagesWithoutLabel() {
            // `;;;4;3,5;2,75` under the table: Excel's AVERAGE() with no label beside it.
            footnoteRecords += 1
            warn("totals_row_skipped", line: record.line, column: column,
                 "a row of figures alone, with no label and some with decimals, is read as a row of averages, not a respondent",
                 severity: .note)
            record.reset()
            return
        }
        let mayBeFootnote: Bool
        if record.quarantineReason != nil || plainTable {
            mayBeFootnote = false
        } else if record.fieldCount != headerCount || record.isBlank {
            mayBeFootnote = record.filledFieldCount(upTo: 2) <= 1
        } else if headerCount > 1 && isBlankField(record.fieldBytes(1)) {
            let filled = record.filledFieldCount(upTo: 2)
            if filled == 1 && isBlankField(record.fieldBytes(0)) {
                // The one filled cell further right: a note or a signature put under another
                // column (`;;Koostas: M. Tamm;;`) reads as one, a label, a colon and something
                // after it (`readsAsNote`); an answer (`;;Muu;;`) does not.
                let k = (2..<record.fieldCount).first { !isBlankField(record.fieldBytes($0)) }
                mayBeFootnote = k.map { Self.readsAsNote(record.fieldBytes($0)) } ?? false
            } else {
                mayBeFootnote = filled == 0 || (filled == 1 && Self.holdsWords(record.fieldBytes(0)))
            }
        } else {
            mayBeFootnote = false
        }
        if mayBeFootnote {
            if heldOverflowed {
                // Past a run of more than `maxHeld` such rows: one more of the run.
                if inLongRunOfNotes && record.filledFieldCount(upTo: 1) > 0 { record.inLongRunOfNotes = true }
            } else {
                // Spaces alone (` ;;;`) fill no cell: such a row is as blank as an empty one.
                let spacesOnly = !record.isBlank && record.filledFieldCount(upTo: 1) == 0
                if !record.isBlank && !spacesOnly {
                    holdBack()
                    return
                }
                // A blank row is a blank row whatever the held ones turn out to be: it waits
                // only behind them, to keep the order, and does not count toward `maxHeld`.
                if !held.isEmpty {
                    if spacesOnly { holdBack(spacesOnly: true) } else { holdBlank() }
                    return
                }
            }
        } else {
            heldOverflowed = false
            inLongRunOfNotes = false
        }
        if isRepeatedHeader() {
            // Rows held just above it are notes under the first table (`Kokku: 12`), but for one
            // that may state the next block's place.
            skipHeldAsFootnotes(aboveHeader: true)
            repeatedHeaders += 1
            afterRepeatedHeader = true
            columnSources = nil
            warn("repeated_header", line: record.line, column: record.firstFilledColumn,
                 "the header row again (two exports pasted together?); not read as a respondent", severity: .note)
            record.reset()
            return
        }
        if let (sources, unknown) = reorderedHeader() {
            skipHeldAsFootnotes(aboveHeader: true)
            repeatedHeaders += 1
            afterRepeatedHeader = true
            columnSources = sources
            reorderedWidth = record.fieldCount
            let missing = sources.indices.filter { sources[$0] < 0 && !headerFields[$0].isEmpty }.count
            var message = "the header again, its columns in another order or some added or left out (exports of two versions of a form pasted together?); not read as a respondent; the rows below are read by its names"
            if missing > 0 { message += "; \(missing) column(s) of the first header are not in it and are missing below" }
            if !unknown.isEmpty { message += "; column(s) not in the first header are left out: \(unknown.joined(separator: ", "))" }
            warn("repeated_header", line: record.line, column: record.firstFilledColumn, message, severity: unknown.isEmpty && missing == 0 ? .note : .warning)
            record.reset()
            return
        }
        if !held.isEmpty { releaseHeld() }
        emit(record)
    }

    /// Preamble, blank lines above the header, and the header.
    private func deliverAboveTable() {
        if record.fieldCountRead > maxColumns {
            handlerError = ReaderError.tooManyColumns(file: file, line: record.line, limit: maxColumns)
            record.sink.pointee.stopped = true
            return
        }
        // A quote left open (or a field past its limit) before any header: the record ran on over
        // the lines that followed it and is no header. A row of another export (another
        // delimiter) above the table is none either. Each is a record of the file, quarantined,
        // and the table starts (if ever) after it.
        func deliverQuarantined() {
            dataRecords += 1
            quarantinedRecords += 1
            record.index = dataRecords
            callHandler(record)
        }
        if record.quarantineReason != nil { return deliverQuarantined() }
        if record.line < tableStartLine && !record.isBlank {
            let lastFilled = (0..<record.fieldCount).last { !isBlankField(record.fieldBytes($0)) } ?? 0
            let filled = record.filledFieldCount(upTo: 4)
            let single = filled <= 1
            let details = TableShape.isDetails(lastFilled: lastFilled, filled: filled, filledColumns: tableFilledColumns)
                || TableShape.isLabelledPairs(count: record.fieldCount, cell: { Array(self.record.fieldBytes($0))[...] })
            // A title of a few cells anywhere in the row, which the sniffer found over a blank
            // row and the table (`TableShape.find`): fewer than half the table's columns filled.
            let title = !single && !details && record.filledFieldCount(upTo: max(1, (tableFilledColumns + 1) / 2)) * 2 < tableFilledColumns
            if single || details || title {
                if quarantinesOtherDelimiterRow(record, where: "above") { return deliverQuarantined() }
                preambleSkipped += 1
                // Kept for the normaliser, which reads a place stated here (`Omavalitsus: Tartu linn`).
                if aboveTable.count < 32 {
                    let cells = (0..<record.fieldCount).map { record[$0].trimmingSpaces }.filter { !$0.isEmpty }
                    if !cells.isEmpty { aboveTable.append((record.line, cells)) }
                }
                warn("preamble_skipped", line: record.line, column: record.firstFilledColumn, single
                     ? "a record above the table (a title or note: \(record.fieldCount) field(s), at most one filled) is not read as the header"
                     : title
                     ? "a record above the table (a title: \(record.fieldCount) field(s), \(filled < 4 ? String(filled) : "a few") filled, over a blank row) is not read as the header"
                     : "a record above the table (a detail of the sheet, such as a label and its value: \(record.fieldCount) field(s), filled in the first \(lastFilled + 1) only) is not read as the header",
                     severity: .note)
                record.reset()
                return
            }
        }
        if record.isBlank {
            // Blank lines above the header: counted, not a record of the table.
            blankRecords += 1
            dataRecords += 1
            record.index = 1
        } else {
            sawHeader = true
            headerFields = (0..<record.fieldCount).map { i in record.withFieldBytes(i) { Array(Self.trimmed($0)) } }
            headerFirstLength = headerFields.first?.count ?? 0
            headerNames = headerFields.filter { !$0.isEmpty }.count
            headerCanRepeat = !plainTable && headerFields.contains { Self.isName($0) }
            for name in headerFields where !name.isEmpty {
                nameLengths |= 1 << UInt64(min(name.count, 63))
                nameFirstBytes[Int(Self.asciiLower(name[0]))] = true
            }
            if headerFirstLength > 0 {
                headerFirst = UnsafeMutableRawPointer.allocate(byteCount: headerFirstLength, alignment: 1)
                headerFields[0].withUnsafeBytes { headerFirst!.copyMemory(from: $0.baseAddress!, byteCount: headerFirstLength) }
            }
            if headerMissesFirstName {
                record.prependEmptyField()
                warn("unnamed_first_column", line: record.line, column: 1,
                     "the header is one name short of the rows (row names written by R): the first column is read as unnamed",
                     severity: .note)
            }
            headerCount = record.fieldCount
            record.index = 0
            record.expectedCount = headerCount
            var trailing = 0
            while trailing < headerCount - 1 {
                var empty = false
                record.withFieldBytes(headerCount - 1 - trailing) { empty = $0.allSatisfy { $0 == 0x20 } }
                if !empty { break }
                trailing += 1
            }
            headerTrailingEmpty = trailing
            headerLine = record.line
            record.aboveTable = aboveTable
        }
        callHandler(record)
    }

    /// A data record to the handler, counted.
    private func emit(_ buffer: RecordBuffer) {
        dataRecords += 1
        buffer.index = dataRecords
        // A short record that another delimiter splits into many fields is a row of another
        // export, inside the table as above or below it: read as a respondent with its answers
        // missing, it was a phantom in ALL (a helper's probe: 6 LV rows of a `,` export between
        // two parts of a `;` one, counted in no country and in every share's base). Only a row read
        // as one filled field: libcsv has taken a quoted comment's quotes off (`EE;"a,b,c,d,e"`
        // is a respondent), and a row of answers missing its last empty cells costs a look at two fields.
        if buffer.quarantineReason == nil, buffer.fieldCount < (columnSources == nil ? headerCount : reorderedWidth),
           buffer.filledFieldCount(upTo: 3) <= 2 {
            _ = quarantinesOtherDelimiterRow(buffer, where: "inside", firstFieldOnly: true)
        }
        // A record quarantined already (a quote left open, a limit) keeps its reason, and its
        // shape is not told: its fields are not read one by one.
        if buffer.quarantineReason == nil {
            if let sources = columnSources {
                checkShape(buffer, width: reorderedWidth)
                if buffer.quarantineReason == nil && !buffer.isBlank { reorder(buffer, by: sources) }
            } else {
                checkShape(buffer, width: headerCount)
            }
        }
        // A quarantined row below a header in another order keeps none of its fields: the
        // quarantine tells what it may show by the first header's columns.
        if columnSources != nil && buffer.quarantineReason != nil { buffer.dropFields(after: 0) }
        if buffer.quarantineReason != nil {
            quarantinedRecords += 1
        } else if buffer.isBlank {
            blankRecords += 1
        }
        if headerTrailingEmpty > 0 && !trailingColumnsHoldData && buffer.quarantineReason == nil {
            for i in (headerCount - headerTrailingEmpty)..<max(headerCount - headerTrailingEmpty, min(headerCount, buffer.fieldCount))
            where !isBlankField(buffer.fieldBytes(i)) {
                trailingColumnsHoldData = true
                firstLineUnderUnnamed = buffer.line
                break
            }
        }
        callHandler(buffer)
    }

    private func callHandler(_ buffer: RecordBuffer) {
        do {
            try handler(buffer)
        } catch {
            handlerError = error
            record.sink.pointee.stopped = true
        }
        // The handler may have taken the record's buffers (`RecordBuffer.take`), leaving it
        // another's: nothing here reads the record after the handler, only resets it.
        buffer.reset()
    }

    /// A row held back below the table: a possible footnote, or a run of blank rows between
    /// them, kept as a count (Excel pads a sheet's empty rows, and dozens may stand around a
    /// total: each a full copy of a record would be a waste).
    private enum HeldRow {
        case record(RecordBuffer)
        /// `count` blank rows on consecutive lines from `line`, each of `fields` empty fields (0:
        /// an empty line).
        case blank(line: Int, count: Int, fields: Int)
        /// A row of spaces and tabs alone: blank too, kept as read.
        case spaces(RecordBuffer)
    }

    /// Rows held back as possible footnotes, in order; at most `maxHeld` that may be notes (blank
    /// rows not counted), else none is one.
    private var held: [HeldRow] = []
    private var heldRecords = 0
    private var heldBlankRuns = 0
    private var spareHeld: [RecordBuffer] = []
    /// Where held blank rows are rebuilt, one at a time, when they are delivered.
    private lazy var blankRow = RecordBuffer()
    private var heldOverflowed = false
    /// The held rows overflowed by their number (not by runs of blank rows): the rows of at most
    /// one filled cell from there are `RecordBuffer.inLongRunOfNotes`.
    private var inLongRunOfNotes = false
    private let maxHeld = 32
    /// Runs of blank rows held at most: a run breaks at a held row and where the width of the
    /// blank rows changes (empty lines among padded ones); past this, as past `maxHeld`, the held
    /// rows are part of the table. Memory stays bounded whatever the file.
    private let maxHeldBlankRuns = 1024

    /// A possible footnote, or (`spacesOnly`) a row of spaces alone behind held ones: kept as it
    /// is; the latter counts as a run of blank rows.
    private func holdBack(spacesOnly: Bool = false) {
        let copy = spareHeld.popLast() ?? RecordBuffer()
        copy.take(from: record)
        record.reset()
        held.append(spacesOnly ? .spaces(copy) : .record(copy))
        if spacesOnly { heldBlankRuns += 1 } else { heldRecords += 1 }
        if heldRecords > maxHeld || heldBlankRuns > maxHeldBlankRuns {
            // A long run of such rows is part of the table, not notes under it: delivered as its
            // rows, those of more than `maxHeld` marked, for the normaliser to set aside the ones
            // that answer nothing (a probe's legend of 33 notes had been 33 respondents).
            heldOverflowed = true
            inLongRunOfNotes = heldRecords > maxHeld
            if inLongRunOfNotes {
                for case let .record(buffer) in held { buffer.inLongRunOfNotes = true }
            }
            releaseHeld()
        }
    }

    /// A blank row behind held ones: added to the run of blank rows it continues, if any. (Never
    /// the row right under a repeated header: that one finds nothing held.)
    private func holdBlank() {
        let line = record.line
        let fields = record.fieldCount
        assert(!record.followsRepeatedHeader)
        record.reset()
        if case let .blank(first, count, width)? = held.last, width == fields, first + count == line {
            held[held.count - 1] = .blank(line: first, count: count + 1, fields: fields)
            return
        }
        held.append(.blank(line: line, count: 1, fields: fields))
        heldBlankRuns += 1
        if heldBlankRuns > maxHeldBlankRuns {
            heldOverflowed = true
            releaseHeld()
        }
    }

    /// The held rows turned out to be part of the table: delivered as they are, in order.
    private func releaseHeld() { deliverHeld(asFootnotes: false) }

    /// The held rows are notes under a table (the file ended, or the header comes again): each
    /// skipped as a footnote, but blank ones stay blank rows. `aboveHeader`: the header comes
    /// again, and the last held note, if a label and a value in its first cell, is the
    /// normaliser's to read (`RecordBuffer.notesNextBlock`).
    private func skipHeldAsFootnotes(aboveHeader: Bool = false) { deliverHeld(asFootnotes: true, aboveHeader: aboveHeader) }

    /// A record skipped above or below the table (a title, a note, a sheet's detail), or a short
    /// one inside it, that another
    /// delimiter splits into five fields or more, twice as many as it fills (`a,b,c,d,e` in a `;`
    /// file): a row of another export, written with that delimiter and joined to this file (`cat`,
    /// `copy /b`, rows pasted in from a file saved in another locale). It is still not read (its
    /// columns cannot be told), but quarantined with an error, rather than skipped with a note
    /// taking it for a title: respondents must not go unnoticed, and the quarantine keeps the row.
    /// A title rarely holds four commas outside quotes with no space after them; a row of a survey
    /// export nearly always does.
    /// `firstFieldOnly` (inside the table, a row read as one or two filled fields): only the first
    /// filled field is split, as a row of another export is one field up to where a quoted value
    /// held this file's delimiter (`LV,Ogre,teacher,4,2,"digital; language"`), and a respondent's
    /// quoted comment, its quotes taken off by the reader, may hold a comma list.
    func quarantinesOtherDelimiterRow(_ buffer: RecordBuffer, where place: String, firstFieldOnly: Bool = false) -> Bool {
        let filled = firstFieldOnly ? 1 : buffer.filledFieldCount(upTo: buffer.fieldCount)
        guard filled > 0 else { return false }
        let first = (0..<buffer.fieldCount).first { !isBlankField(buffer.fieldBytes($0)) } ?? 0
        let fields = firstFieldOnly ? first..<min(first + 1, buffer.fieldCount) : 0..<buffer.fieldCount
        for other: UInt8 in [0x2C, 0x3B, 0x09, 0x7C] where other != delimiter {
            var count = 0
            for i in fields {
                var quoted = false
                let bytes = buffer.fieldBytes(i)
                for (k, byte) in bytes.enumerated() {
                    // Prose puts a space after its commas (`Tallinn, Narva, Tartu`); tools write none.
                    if byte == quote {
                        quoted.toggle()
                    } else if byte == other && !quoted && (k + 1 == bytes.count || bytes[k + 1] != 0x20) {
                        count += 1
                    }
                }
            }
            guard count >= 4 && count + 1 >= 2 * filled else { continue }
            let fields = filled == 1 ? "one field" : "\(filled) fields"
            let name = Dialect.name(ofDelimiter: other)
            warn("other_delimiter_row", line: buffer.line, column: buffer.firstFilledColumn,
                 "a record \(place) the table is \(fields) with `\(Dialect.name(ofDelimiter: delimiter))` but \(count + 1) with "
                    + "`\(name)`: a row of another export, written with `\(name)`, joined to this file? Its columns cannot be told, "
                    + "and it is quarantined: save the exports apart, or both with one delimiter", severity: .error)
            buffer.quarantineReason = "a row written with `\(name)` in a file read with `\(Dialect.name(ofDelimiter: delimiter))`"
            return true
        }
        return false
    }

    private func deliverHeld(asFootnotes: Bool, aboveHeader: Bool = false) {
        let lastNote = aboveHeader ? held.lastIndex { if case .record = $0 { true } else { false } } : nil
        for (k, row) in held.enumerated() where !record.sink.pointee.stopped {
            switch row {
            case let .spaces(buffer):
                emit(buffer)
            case let .record(buffer):
                if !asFootnotes {
                    emit(buffer)
                    continue
                }
                if quarantinesOtherDelimiterRow(buffer, where: "below") {
                    emit(buffer)
                    continue
                }
                if k == lastNote, buffer.firstFilledColumn == 1, Self.mayStatePlace(buffer.fieldBytes(0)) {
                    buffer.notesNextBlock = true
                    emit(buffer)
                    continue
                }
                footnoteRecords += 1
                warn("footnote_skipped", line: buffer.line, column: buffer.firstFilledColumn,
                     "a record below the table (a total or note: \(buffer.fieldCount) field(s), at most one filled) is not read as a respondent",
                     severity: .note)
                buffer.reset()
            case let .blank(line, count, fields):
                for k in 0..<count where !record.sink.pointee.stopped {
                    let buffer = blankRow
                    buffer.reset()
                    for _ in 0..<fields { buffer.endField() }
                    buffer.line = line + k
                    buffer.expectedCount = headerCount
                    emit(buffer)
                }
            }
        }
        for row in held {
            switch row {
            case let .record(buffer), let .spaces(buffer): spareHeld.append(buffer)
            case .blank: break
            }
        }
        held.removeAll(keepingCapacity: true)
        heldRecords = 0
        heldBlankRuns = 0
    }

    /// For a record that is the header again with its columns in another order, or some added
    /// or left out: for each column of the first header, the field holding its name (-1: none),
    /// and the names the first header does not have. Every filled field a name of the header
    /// (ignoring case), but one in three; at least 3 of them and more than half of the header's,
    /// some of them in another place, or names added (`Nr` in front, `Märkused` at the end: a
    /// column a clerk added to the second block had quarantined every row below it).
    /// A row of the table fails on its first field's length or first byte, or its next three's.
    private func reorderedHeader() -> (sources: [Int], unknown: [String])? {
        guard headerCanRepeat, headerNames >= 3, !headerMissesFirstName, record.fieldCount >= 3 else { return nil }
        func mayBeName(_ i: Int) -> Bool {
            let field = Self.trimmed(record.fieldBytes(i))
            guard let byte = field.first else { return false }
            return nameLengths & (1 << UInt64(min(field.count, 63))) != 0 && nameFirstBytes[Int(Self.asciiLower(byte))]
        }
        // A column added in front (`Nr`): the next three fields must all pass, which rows of
        // the table rarely do (a reviewer: one field let a sheet's rows with a municipality of
        // a header name's length and first letter through, 40 % slower).
        guard mayBeName(0) || (record.fieldCount >= 4 && mayBeName(1) && mayBeName(2) && mayBeName(3)) else { return nil }
        var sources = [Int](repeating: -1, count: headerCount)
        var matched = 0
        var filled = 0
        var unknown: [String] = []
        for i in 0..<record.fieldCount {
            let value = Self.trimmed(record.fieldBytes(i))
            if value.isEmpty { continue }
            filled += 1
            let name = String(decoding: value, as: UTF8.self)
            if let column = nameColumns[name.lowercased()], sources[column] < 0 {
                sources[column] = i
                matched += 1
            } else {
                unknown.append(name)
                if unknown.count * 3 > record.fieldCount { return nil }
            }
        }
        // Names in their own places alone are the header again or a row (`isRepeatedHeader`):
        // the order must differ, or every name be there with names added (a row's value in the
        // place of a name is no name added).
        let added = !unknown.isEmpty && matched == headerNames && record.fieldCount > headerCount
        guard matched >= 3, matched * 2 > headerNames, unknown.count * 3 <= filled,
              added || sources.indices.contains(where: { sources[$0] >= 0 && sources[$0] != $0 }) else { return nil }
        return (sources, unknown)
    }

    /// Puts a record's fields in the first header's order (`columnSources`), in place.
    private func reorder(_ buffer: RecordBuffer, by sources: [Int]) {
        let out = reordered
        out.reset()
        for source in sources {
            if source >= 0 && source < buffer.fieldCount { out.append(buffer.fieldBytes(source)) } else { out.endField() }
        }
        out.newlines = buffer.newlines
        out.sink.pointee.settledFields = out.fieldCount
        buffer.fieldsBeforeReorder = buffer.fieldCount
        buffer.headerWidthBeforeReorder = reorderedWidth
        buffer.sink.pointee.exchangeFields(with: &out.sink.pointee)
    }

    @inline(__always)
    static func asciiLower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Whether the record is the header again (after trimming, in any case): every field equal
    /// to the header's name at its place; or, the header with names left out (a column fewer),
    /// every filled field equal to the name at its place, at least 3 of them and more than half
    /// of the header's names. The first field is compared first, and the rest only when that
    /// one matches.
    private func isRepeatedHeader() -> Bool {
        let field = record.fieldBytes(0)
        guard headerCanRepeat, headerFirstLength > 0, field.count >= headerFirstLength else { return false }
        // The common case, a first field as long as the header's first name or longer: one
        // memcmp against a copy of the name, without reference counting.
        let first = Self.trimmed(field)
        guard first.count == headerFirstLength else { return false }
        if memcmp(field.baseAddress! + first.startIndex, headerFirst!, headerFirstLength) != 0 {
            guard Self.sameIgnoringASCIICase(first, headerFields[0]) ?? sameName(first, 0) else { return false }
        }
        var matched = 1
        var left = 0
        for i in 1..<max(headerFields.count, record.fieldCount) {
            let value = Self.trimmed(record.fieldBytes(i))
            guard i < headerFields.count else {
                if value.isEmpty { continue }
                return false
            }
            if value.isEmpty {
                if !headerFields[i].isEmpty { left += 1 }
                continue
            }
            guard value.elementsEqual(headerFields[i]) || (Self.sameIgnoringASCIICase(value, headerFields[i]) ?? sameName(value, i))
            else { return false }
            matched += 1
        }
        return left == 0 || (matched >= 3 && matched * 2 > headerNames)
    }

    /// A note's text, not an answer: a label of a word or two before a colon and something after
    /// it (`Koostas: M. Tamm`, `Seisuga: 15.01.2025`). Words alone may be an answer (a choice's
    /// label `Õpetaja või haridustöötaja`, a comment): a reviewer's case.
    static func readsAsNote(_ cell: UnsafeRawBufferPointer) -> Bool {
        guard holdsWords(cell) else { return false }
        let text = String(decoding: trimmed(cell), as: UTF8.self)
        // (A label's last letter may be a `?`, a letter its code page lacked: `Savivaldyb?:`; or
        // a note's number after a word, `Märkus 2:`, `Note 12:`.)
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
              text[..<colon].last.map({ $0.isLetter || (($0 == "?" || $0.isNumber) && text[..<colon].contains(where: \.isLetter)) }) == true,
              text[..<colon].split(separator: " ").count <= 2 else { return false }
        return text[text.index(after: colon)...].contains { $0.isLetter || $0.isNumber }
    }

    /// Whether a note's one cell may state a place (`Pašvaldība: Ogres novads`): a label and a
    /// colon, words after it, and no totals word heading the label (`Total: 1`, `Kokku: 12 vastajat`).
    static func mayStatePlace(_ cell: UnsafeRawBufferPointer) -> Bool {
        guard readsAsNote(cell) else { return false }
        let text = String(decoding: trimmed(cell), as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return false }
        return text[text.index(after: colon)...].contains(where: \.isLetter) && !startsWithTotalsWord(text.lowercased())
    }

    /// Whether a cell holds words, as a note does (`Total`, `Kokku: 12`, `Iš viso`, `Итого`,
    /// `Source: municipal survey 2025`), rather than a value a form tool writes (a number, an ID,
    /// a date, a timestamp such as Google Forms' `2025/03/04 10:11:12 AM EET`): a run of at
    /// least three letters of any script that is neither part of a code (touching a digit, as in
    /// `3f2b9c0e`) nor a mark of a date or time (a time zone or `AM` in capitals beside a time of
    /// day, an English month or weekday name beside digits). The sample size a table states,
    /// `n = 143`, is a note too.
    static func holdsWords(_ cell: UnsafeRawBufferPointer) -> Bool {
        let scalars = Array(String(decoding: trimmed(cell), as: UTF8.self).unicodeScalars)
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].properties.numericType == .decimal }
        func isLetter(_ k: Int) -> Bool {
            scalars[k].properties.isAlphabetic || scalars[k].properties.generalCategory == .nonspacingMark
        }
        if isSampleSize(scalars) { return true }
        let hasDigit = scalars.indices.contains { isDigit($0) }
        // `10:11`: a time of day, beside which capitals are a zone (`EET`, `GMT+2`) or `AM`/`PM`.
        let hasTime = scalars.indices.contains { k in
            isDigit(k) && k + 3 < scalars.count && scalars[k + 1] == ":" && isDigit(k + 2) && isDigit(k + 3)
        }
        var start = 0
        while start < scalars.count {
            guard isLetter(start) else {
                start += 1
                continue
            }
            var end = start
            while end < scalars.count && isLetter(end) { end += 1 }
            defer { start = end }
            guard end - start >= 3, !isDigit(start - 1), !isDigit(end) else { continue }
            let word = String(String.UnicodeScalarView(scalars[start..<end]))
            if hasTime && word.count <= 4 && word.allSatisfy({ $0.isASCII && $0.isUppercase }) { continue }
            if hasDigit && dateWords.contains(word.lowercased()) { continue }
            return true
        }
        return false
    }

    /// The word a totals or average row starts with (`Total`, `Kokku:`, `Kopā`, `Iš viso`,
    /// `Итого по району`, `Average`, `Σ`), in the first filled one of its first six fields (a
    /// sheet numbering its rows leaves `Nr` and the place blank under the table); nil for any
    /// other row. A row of the table starts with an ID, a date, a number or a name: its first
    /// byte alone rules out most, so a row costs a look at a field or two. With its 1-based column.
    private func totalsLabel() -> (String, Int)? {
        // The label as a message shows it, with its column.
        func label(_ field: Slice<UnsafeRawBufferPointer>, _ i: Int) -> (String, Int) {
            let text = String(decoding: field, as: UTF8.self)
            return (text.count > 40 ? String(text.prefix(40)) + "…" : text, i + 1)
        }
        var passedCountry = false
        for i in 0..<min(6, record.fieldCount) {
            let field = Self.trimmed(record.fieldBytes(i))
            guard let first = field.first else { continue }
            // A country filled down its column in front of the label (`EE;Keskmine;;3,9;3,3`, a
            // probe's: the sheet's average and count rows had been two respondents).
            if !passedCountry && isCountryCell(field) {
                passedCountry = true
                continue
            }
            // Behind a country, only a label that starts with a totals word (a place's name after
            // it, `Narva linn kokku`, would cost a word's String on every respondent's row).
            if passedCountry {
                // (A word of two bytes, `n=`, `SD`, `Σ`, by its two: `n=2`, `SD:`.)
                guard Self.totalsPrefixes.contains(Self.prefixKey(field))
                        || Self.totalsPrefixes.contains(Self.prefixKey(field.prefix(2))),
                      Self.startsWithTotalsWord(String(decoding: field, as: UTF8.self).lowercased()) else { return nil }
                return label(field, i)
            }
            // Every word's first letter, lower or upper case, the lead bytes of Cyrillic, and
            // those of Σ (Greek), ∑ and ⌀ (mathematical signs), and Ø or ø (an average's sign).
            let letter = first | 0x20
            // (`?`: a letter its code page lacked, `?iauli? m. vidurkis`.)
            let initial = (letter >= 0x61 && letter <= 0x7A && Self.totalsInitials & (1 << UInt32(letter - 0x61)) != 0)
                || first == 0xD0 || first == 0xD1 || first == 0xCE || first == 0xE2 || first == 0x3F
                || (first == 0xC3 && field.count > 1 && field[field.startIndex + 1] | 0x20 == 0xB8)
            // A label of several words may end with the totals word (`Narva linn kokku`, `Ogres
            // novads kopā`, `Respondentu skaits`: a probe's had been respondents).
            // Only its last word is read for that: a row of a hand-made sheet whose first cell
            // is a place (`Narva linn`) costs one word's String, not the cell's.
            if first >= 0x41 || first == 0x3F, let space = field.lastIndex(of: 0x20),
               Self.isTotalsLastWord(String(decoding: field[(space + 1)...], as: UTF8.self).lowercased()) {
                return label(field, i)
            }
            guard initial, Self.startsWithTotalsWord(String(decoding: field, as: UTF8.self).lowercased()) else { return nil }
            return label(field, i)
        }
        return nil
    }

    /// Whether cells (a workbook's row, as text) are a totals or average row as `totalsLabel`
    /// and `holdsFiguresOnly` read a record: its first filled cell a label that starts or ends
    /// with a totals word, figures alone after it (`;Keskmine;4;2`; not `;Vidēji svarīgi;Zema`).
    static func isTotalsRow(_ cells: [String]) -> Bool {
        let cells = cells.map(\.trimmingSpaces)
        guard let first = cells.firstIndex(where: { !$0.isEmpty }) else { return false }
        let label = cells[first].lowercased()
        return (startsWithTotalsWord(label) || label.split(separator: " ").last.map { isTotalsLastWord(String($0)) } == true)
            && cells[(first + 1)...].allSatisfy { $0.isEmpty || isFigure(Array($0.utf8)) }
    }

    /// Whether a cell names one of the three countries (`EE`, `Eesti`, `Latvija`, `Литва`): the
    /// last cell looked at and its answer are kept, as a country filled down its column is the
    /// same cell row after row.
    private func isCountryCell(_ field: Slice<UnsafeRawBufferPointer>) -> Bool {
        // A name's first letter (not a timestamp's or a number's digit, which differ row by row).
        guard field.count >= 2, field.count <= 24, let first = field.first,
              (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) || first >= 0xC0 else { return false }
        if !field.elementsEqual(lastCountryCell.bytes) {
            lastCountryCell = (Array(field), RegionCountry.code(for: String(decoding: field, as: UTF8.self)) != nil)
        }
        return lastCountryCell.isCountry
    }

    private var lastCountryCell: (bytes: [UInt8], isCountry: Bool) = ([], false)

    /// Whether a label (in lower case) starts with a word of `totalsWords`, whole: `Total`,
    /// `Total:`, `Total (n=12)`, not `Totalitarianism`. A short word or abbreviation heads totals
    /// alone (`Med.`, `Max`, `SD`), not a role or a name (`Med. õde`, `Max Mustermann`, `SD
    /// spetsialist`: a reviewer's rows).
    /// A label whose letters a code page lacked (`Vid?ji`, `I? viso`: Excel's "CSV" writes `?` for
    /// each) is read by `totalsWordsLost`.
    static func startsWithTotalsWord(_ lower: String) -> Bool {
        if startsWithTotalsWord(lower, of: totalsWords) { return true }
        guard lower.utf8.contains(UInt8(ascii: "?")) else { return false }
        return startsWithTotalsWord(KeyedLookup<Int>.lostLettersKey(lower), of: totalsWordsLost)
    }

    private static func startsWithTotalsWord(_ lower: String, of words: [String]) -> Bool {
        for word in words where lower.hasPrefix(word) {
            let rest = lower.dropFirst(word.count)
            // (`n=30`: a word ending in `=` takes its figure.)
            if let next = rest.unicodeScalars.first, next.properties.isAlphabetic || (next.properties.numericType != nil && word.last != "=") { continue }
            if totalsWordsAlone.contains(word) && rest.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { continue }
            return true
        }
        return false
    }

    /// The 1-based column of the first figure of a row that starts blank and holds figures alone,
    /// two or more, no date, two of them with decimals (`4,333333`, `3,5`), or one and half written
    /// with decimals, zeros too (`4,50;3,00;5,00`): a row of
    /// averages left without a label. nil for any other row; a row of the table costs a look at its first
    /// field.
    private func averagesWithoutLabel() -> Int? {
        guard record.fieldCount > 2, Self.trimmed(record.fieldBytes(0)).isEmpty else { return nil }
        var first: Int? = nil
        var figures = 0
        var fractions = 0
        // Figures written with decimals, zeros too (`3,00`): a sheet's averages cell formatted
        // with two decimals writes a whole average so.
        var decimals = 0
        for i in 1..<record.fieldCount {
            let field = Array(Self.trimmed(record.fieldBytes(i)))
            if field.isEmpty { continue }
            // A date (`16.01.2025`) is no figure of a totals row: a respondent's row has one.
            guard Self.isFigure(field), !CellType.isDateTime(field[...]) else { return nil }
            if first == nil { first = i + 1 }
            figures += 1
            // `4,333333`, `3,5`: digits, one decimal mark, digits not all zero (`4,0` is whole).
            let marks = field.indices.filter { field[$0] == UInt8(ascii: ",") || field[$0] == UInt8(ascii: ".") }
            if marks.count == 1, let mark = marks.first, mark > 0, mark < field.count - 1,
               field.indices.allSatisfy({ $0 == mark || (field[$0] >= 0x30 && field[$0] <= 0x39) }) {
                decimals += 1
                if field[(mark + 1)...].contains(where: { $0 != 0x30 }) { fractions += 1 }
            }
        }
        // Two such fractions or more, or one and half the figures written with decimals (`4,50;3,00;5,00`,
        // a small group's averages, mostly whole: a differential tester's row): nobody rates a
        // topic 3,5, but a respondent's row may have one computed average column beside its ratings.
        return figures >= 2 && fractions > 0 && (fractions >= 2 || decimals * 2 >= figures) ? first : nil
    }

    /// Whether every filled field after column `column` (1-based) is a figure, as a totals row's
    /// are (`4,5`, `45 %`, `4,5 (0,8)`, `–`, `n/a`, Excel's `#DIV/0!`), not an answer (`Ļoti
    /// svarīgi`, `Jā`, `✓`). A respondent of a hand-made sheet who left the place blank starts
    /// with an answer, and a rating's label may start like a totals word (`Vidēji svarīgi`,
    /// `Vidutiniškai svarbu`, `Keskmine`).
    private func holdsFiguresOnly(after column: Int) -> Bool {
        var figures = 0
        for i in column..<record.fieldCount {
            let field = Self.trimmed(record.fieldBytes(i))
            if field.isEmpty { continue }
            guard Self.isFigure(Array(field)) else { return false }
            figures += 1
        }
        return figures > 0
    }

    /// A totals row's cell: a number (`4,5`, `45 %`, `1 204`), one with its spread in brackets
    /// (`4,5 (0,8)`), a dash or `n/a` for none, or a spreadsheet's error (`#DIV/0!`, `#N/A`).
    static func isFigure(_ cell: [UInt8]) -> Bool {
        if cell.first == UInt8(ascii: "#") { return true }
        let text = String(decoding: cell, as: UTF8.self)
        if ["-", "–", "—", "n/a", "N/A", "n.a.", "-/-"].contains(text) { return true }
        var kept: [UInt8] = []
        var depth = 0
        for byte in cell {
            if byte == UInt8(ascii: "(") { depth += 1; continue }
            if byte == UInt8(ascii: ")") { depth = max(0, depth - 1); continue }
            if depth > 0 || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "%") { continue }
            kept.append(byte)
        }
        return !kept.isEmpty && CellType.isNumberLike(kept[...])
    }

    /// A cell's first three bytes, ASCII letters in lower case, as one number (missing bytes 0).
    static func prefixKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var key: UInt32 = 0
        for (k, byte) in bytes.prefix(3).enumerated() {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            key |= UInt32(lower) << (8 * UInt32(k))
        }
        return key
    }

    /// The `prefixKey`s of the totals words (their first letter also in capitals: Cyrillic's
    /// bytes differ by case), so that a cell no totals word begins is passed over by its bytes.
    static let totalsPrefixes: Set<UInt32> = Set(totalsWords.flatMap { word -> [UInt32] in
        let capital = word.prefix(1).uppercased() + word.dropFirst()
        return [word, capital, word.uppercased()].map { prefixKey(Array($0.utf8)) }
    })

    /// The Latin first letters of `totalsWords`, bit 0 for `a`.
    static let totalsInitials: UInt32 = totalsWords.reduce(0) { mask, word in
        guard let first = word.unicodeScalars.first, first.isASCII, first.properties.isLowercase else { return mask }
        return mask | 1 << (first.value - 0x61)
    }

    /// Words that end a totals label of several words: what is summed up comes first (`Narva linn
    /// kokku`, `Ogres novads kopā`, `Respondentu skaits`, `Vastanute arv`, `Всего ответов` aside).
    static let totalsLastWords: Set<String> = [
        "kokku", "kopā", "kopa", "kopsumma", "viso", "итого", "всего", "total", "totals", "subtotal", "skaits", "skaičius",
        "arv", "keskmine", "vidurkis", "vidēji", "average", "mean",
    ]

    /// Whether a label's last word (in lower case) is one of `totalsLastWords`, its punctuation
    /// aside, or one whose letters a code page lacked (`kop?`, `skai?ius`).
    static func isTotalsLastWord(_ word: String) -> Bool {
        if totalsLastWords.contains(word.filter(\.isLetter)) { return true }
        guard word.utf8.contains(UInt8(ascii: "?")) else { return false }
        return totalsLastWordsLost.contains(KeyedLookup<Int>.lostLettersKey(word.filter { $0.isLetter || $0 == "?" }))
    }

    /// `totalsLastWords` with letters outside ASCII as `KeyedLookup.lostLettersKey` writes them.
    static let totalsLastWordsLost = TextKey.lostLettersKeys(Array(totalsLastWords))

    /// The short words and abbreviations of `totalsWords` that head a totals row only alone (with
    /// punctuation or figures): a role, a title or a name may start so.
    static let totalsWordsAlone: Set<String> = [
        "respondents", "responses", "med", "mode", "n=", "n =", "min", "max", "minimum", "maximum", "std", "stdev", "sd", "arv", "vid", "moda",
        "средн", "ср", "мода",
    ]

    /// Words that head totals, subtotals, averages and the other figures a sheet sums its
    /// columns up with (medians, counts, spreads; abbreviated, `Vid.`, `Средн.`) in the five
    /// languages of the surveys. (A probe: rows headed `Median`, `Vid.`, `Skaits`, `Kopējais`,
    /// `Количество` had been respondents.)
    static let totalsWords = [
        "grand total", "subtotal", "sub-total", "totals", "total", "sum", "average", "avg", "mean", "overall",
        "number of", "respondents", "responses", "median", "med", "mode", "count", "n=", "n =", "min", "max", "minimum", "maximum", "std. dev", "std dev", "std", "stdev",
        "sd", "standard deviation",
        "σ", "∑",
        "kokku", "kõik kokku", "vastajaid kokku", "vahesumma", "keskmine", "keskmiselt", "keskm", "summa",
        "keskväärtus", "mediaan", "arv", "standardhälve", "std. hälve", "keskmised", "vastajaid", "vastanuid", "täidetud ankeete",
        "kopā", "kopa", "kopsumma", "starpsumma", "vidēji", "vidējais", "vidējā", "vid", "kopējais", "kopējā",
        "mediāna", "skaits", "standartnovirze",
        "iš viso", "is viso", "viso", "tarpinė suma", "vidurkis", "vidutinis", "vidutinė reikšmė", "vidutiniškai", "suma", "atsakė",
        "vid. vērtība", "vidējā vērtība", "ср. знач", "средн. балл", "средний балл", "среднее значение", "ответов", "ответили", "režīms", "ø", "⌀",
        "mediana", "moda", "kiekis", "standartinis nuokrypis", "vidurkiai",
        "итого", "итог", "всего", "промежуточный итог", "сумма", "среднее", "средний", "средняя", "в среднем",
        "средн", "ср", "медиана", "мода", "количество", "кол-во", "стандартное отклонение",
    ]

    /// The words of `totalsWords` with letters outside ASCII, each written `?` as
    /// `KeyedLookup.lostLettersKey` writes them (`vid?ji`, `kop?`), where letters of ASCII are
    /// still most of the word (`??????`, Russian whose letters were all lost, could be anything).
    static let totalsWordsLost: [String] = TextKey.lostLettersKeys(totalsWords).sorted()

    /// English month and weekday names and their abbreviations, as dates spell them.
    static let dateWords: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// `n = 143`, `N=1 204`: a count, as tables state their sample size.
    private static func isSampleSize(_ scalars: [Unicode.Scalar]) -> Bool {
        var rest = scalars[...]
        guard let n = rest.popFirst(), n == "n" || n == "N" else { return false }
        while rest.first == " " { rest = rest.dropFirst() }
        guard rest.popFirst() == "=" else { return false }
        while rest.first == " " { rest = rest.dropFirst() }
        return !rest.isEmpty
            && rest.allSatisfy { $0.properties.numericType == .decimal || $0 == " " || $0 == "," || $0 == "." }
    }

    /// Whether a header cell is a name: it holds a letter of any script, and is not a number
    /// (`1.5e-3`) or a date (`2025-03-04T10:11Z`).
    static func isName(_ cell: [UInt8]) -> Bool {
        !CellType.isNumberLike(cell[...])
            && String(decoding: cell, as: UTF8.self).unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Whether two names are equal ignoring ASCII case; nil when they differ only where a byte
    /// is not ASCII (then `sameName` decides).
    static func sameIgnoringASCIICase(_ a: Slice<UnsafeRawBufferPointer>, _ b: [UInt8]) -> Bool? {
        guard a.count == b.count else { return nil }
        var undecided = false
        for (x, y) in zip(a, b) where x != y {
            if x >= 0x80 || y >= 0x80 {
                undecided = true
            } else if x | 0x20 != y | 0x20 || !((x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A) {
                return false
            }
        }
        return undecided ? nil : true
    }

    /// Whether a field is header name `i` in another case (any script).
    private func sameName(_ value: Slice<UnsafeRawBufferPointer>, _ i: Int) -> Bool {
        if headerKeys.isEmpty { headerKeys = headerFields.map { String(decoding: $0, as: UTF8.self).lowercased() } }
        return String(decoding: value, as: UTF8.self).lowercased() == headerKeys[i]
    }

    /// A field without the spaces and tabs around it, and without a UTF-8 byte-order mark in
    /// front (a second export pasted below the first keeps its own).
    static func trimmed(_ field: UnsafeRawBufferPointer) -> Slice<UnsafeRawBufferPointer> {
        var lower = 0, upper = field.count
        if upper >= 3 && field[0] == 0xEF && field[1] == 0xBB && field[2] == 0xBF { lower = 3 }
        while lower < upper && (field[lower] == 0x20 || field[lower] == 0x09) { lower += 1 }
        while upper > lower && (field[upper - 1] == 0x20 || field[upper - 1] == 0x09) { upper -= 1 }
        return field[lower..<upper]
    }

    /// Tells a record of another width than the header's (`width` fields): a short one is read
    /// with the rest missing, a long one is quarantined unless its extra fields are empty.
    private func checkShape(_ record: RecordBuffer, width headerCount: Int) {
        let present = record.fieldCount
        // (A note above the header repeated is of one cell, whatever the header's width.)
        guard !record.isBlank, !record.notesNextBlock else { return }
        if present == headerCount {
            headerWidthRows += 1
            return
        }
        // A row of dashes alone is blank whatever its width (`RecordBuffer.holdsDashesOnly`).
        if record.holdsDashesOnly { return }
        if present < headerCount {
            // A quote read as a literal character has joined fields (`"unfinished;"";"1008"`): the
            // fields after it stood one or more places left, the `_uuid` under the e-mail column
            // and none under its own (a helper's probe). From that field on nothing can be placed.
            let joined = record.strayQuoteField
            if joined >= 0 && joined < present && !(0..<joined).contains(where: { !isBlankField(record.fieldBytes($0)) }) {
                // Nothing filled before the join: no answer could be placed at all.
                record.quarantineReason = "fields joined by a quote in column \(joined + 1)"
                warn("ragged_row", line: record.line, column: joined + 1,
                     "\(present) field(s) where the header has \(headerCount), after text that followed a closing quote in "
                        + "column \(joined + 1): it joined fields, and no field before it is filled; the row is quarantined",
                     severity: .error)
                return
            }
            if joined >= 0 && joined < present {
                warn("ragged_row", line: record.line, column: joined + 1,
                     "\(present) field(s) where the header has \(headerCount), after text that followed a closing quote in "
                        + "column \(joined + 1): it joined fields, so those from column \(joined + 1) on cannot be placed and are read as missing")
                record.dropFields(after: joined)
                return
            }
            // The file's last line, short and with no line break after it: most likely cut off,
            // unless rows above were short too (a sheet leaving trailing empty cells off: a
            // reviewer's case).
            warn("ragged_row", line: record.line, column: present + 1,
                 "\(present) field(s) where the header has \(headerCount); the rest are read as missing"
                    + (rowEndsFile && shortRows == 0 ? "; it is the file's last line, with no line break after it: the file looks cut off (a download or copy that did not finish)" : ""))
            shortRows += 1
            record.widthOff = headerCount - present
            return
        }
        var extraHasText = false
        for i in headerCount..<present {
            record.withFieldBytes(i) { bytes in
                if bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                    extraHasText = true
                }
            }
            if extraHasText { break }
        }
        if extraHasText {
            record.quarantineReason = "\(present) fields where the header has \(headerCount)"
            warn("ragged_row", line: record.line, column: headerCount + 1,
                 "\(present) fields where the header has \(headerCount); the row cannot be aligned and is quarantined",
                 severity: .error)
        } else {
            if trailingDelimiterLines.count < 5 { trailingDelimiterLines.append(record.line) }
            trailingDelimiterRows += 1
            record.widthOff = headerCount - present
            record.dropFields(after: headerCount)
        }
    }

    func finishFile() {
        // The file ended after a row that a lone LF ended, with no line below it to join.
        if !joins.isEmpty { endJoinedApart(0x0A, atEndOfFile: true) }
        skipHeldAsFootnotes()
        if headerEndsFile {
            let last = headerFields.last.map { String(decoding: $0, as: UTF8.self) } ?? ""
            warn("header_cut_off", line: headerLine, column: headerCount,
                 "the file ends inside its header row (no line break after it, and no row below): it looks cut off (a download or copy that did not finish), and its last name, `\(last)`, may be incomplete")
        }
        if headerTrailingEmpty > 0 {
            let message = trailingColumnsHoldData
                ? "the header ends with \(headerTrailingEmpty) empty column name(s), a trailing delimiter, but rows have values under them (first at line \(lineInWords(firstLineUnderUnnamed))); a column without a name matches no question"
                : "the header ends with \(headerTrailingEmpty) empty column(s), a trailing delimiter; they hold nothing to read"
            warn("trailing_delimiter", line: headerLine, column: headerCount - headerTrailingEmpty + 1, message,
                 severity: trailingColumnsHoldData ? .warning : .note)
        }
        if trailingDelimiterRows > 0 && trailingDelimiterRows <= headerWidthRows {
            // Not the export's own trailing delimiter, which every row has: a value such as
            // `Partnerships for integration, Working with interpreters` typed without quotes
            // split in two, its second half under the next column (a helper's probe).
            let lines = trailingDelimiterLines.map(String.init).joined(separator: ", ")
                + (trailingDelimiterRows > trailingDelimiterLines.count ? ", …" : "")
            warn("trailing_delimiter", line: trailingDelimiterLines[0], column: headerCount + 1,
                 "\(trailingDelimiterRows) row(s) end with empty fields beyond the header, where \(headerWidthRows) have as many fields as the header: "
                    + "a value holding the delimiter without quotes may have moved the fields after it to the right (line(s) \(lines)); check those rows. The empty fields were ignored")
        } else if trailingDelimiterRows > 0 {
            warn("trailing_delimiter", line: trailingDelimiterLines[0], column: headerCount + 1,
                 "\(trailingDelimiterRows) row(s) end with empty fields beyond the header; they were ignored",
                 severity: .note)
        }
    }
}
