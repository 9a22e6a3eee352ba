import CLibCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libcsv, configured deliberately: strict quoting so that every anomaly stops the parser and is
/// reported, then the offending byte is re-read leniently and strict mode resumes; every unquoted
/// line end reported (blank lines are counted and CRLF told from CR); empty unquoted fields passed
/// as NULL so that `""` and nothing can be told apart.
final class LibCSVParser {
    private let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
    private let strictOptions = UInt8(CSV_STRICT | CSV_REPALL_NL | CSV_EMPTY_IS_NULL)
    private let lenientOptions = UInt8(CSV_REPALL_NL | CSV_EMPTY_IS_NULL)
    /// Old Mac files: only CR ends a line (LF is data).
    private let carriageReturnOnly: Bool
    /// Lines a stray quote ran over being read again, within one another (`parse` and `finish`
    /// call themselves for them): a bound, so that no file can nest them past the stack. Past
    /// it, the field keeps what it ran over, quarantined with it, as before there was a re-read.
    private var rereads = 0
    private static let rereadLimit = 16

    init(delimiter: UInt8, quote: UInt8, carriageReturnOnly: Bool = false) {
        self.carriageReturnOnly = carriageReturnOnly
        csv_init(parser, strictOptions)
        csv_set_delim(parser, delimiter)
        csv_set_quote(parser, quote)
        if carriageReturnOnly { csv_set_term_func(parser, carriageReturnTerminator) }
        // Grow the field buffer in steps of 4096 bytes: fewer reallocations on long free-text
        // answers, and the buffer is never smaller than 16 bytes (RecordBuffer.append relies on it).
        csv_set_blk_size(parser, 4096)
        // The field buffer is the record's own (`FieldSink.parser`): libcsv may not grow it, and
        // says so (CSV_ENOMEM) when it runs out of room; `parse` makes room and goes on.
        csv_set_realloc_func(parser, refuseToGrow)
    }

    func free() {
        parser.pointee.entry_buf = nil
        csv_free(parser)
        parser.deallocate()
    }

    func parse(_ input: UnsafeRawBufferPointer, state: ParseState, maxFieldBytes: Int) throws {
        guard let base = input.baseAddress, input.count > 0 else { return }
        let sink = state.record.sink
        let context = UnsafeMutableRawPointer(sink)
        if sink.pointee.parser == nil {
            sink.pointee.parser = parser
            sink.pointee.pointParser()
        }
        var offset = 0
        while offset < input.count {
            offset += csv_parse(parser, base + offset, input.count - offset, needs_field_callback, rowCallback, context)
            if offset < input.count && csv_error(parser) == CSV_ENOMEM {
                parser.pointee.status = 0
                sink.pointee.makeRoom(partial: parser.pointee.entry_pos)
                continue
            }
            if offset < input.count {
                guard csv_error(parser) == CSV_EPARSE else {
                    throw ReaderError.parserFailed(file: state.file, reason: String(cString: csv_strerror(csv_error(parser))))
                }
                if readsExcelProtectedText() {
                    offset += 1
                    parser.pointee.status = 0
                    continue
                }
                if let rest = reportAnomaly(state: state) {
                    // A stray quote ran over lines: the lines are read again, the closing quote
                    // with them (it opens a field there, as it did before the stray one took it).
                    try endRecordAndReadAgain(rest, state: state, maxFieldBytes: maxFieldBytes)
                    continue
                }
                csv_set_opts(parser, lenientOptions)
                var read = csv_parse(parser, base + offset, 1, needs_field_callback, rowCallback, context)
                if read == 0 && csv_error(parser) == CSV_ENOMEM {
                    parser.pointee.status = 0
                    sink.pointee.makeRoom(partial: parser.pointee.entry_pos)
                    read = csv_parse(parser, base + offset, 1, needs_field_callback, rowCallback, context)
                }
                offset += read
                csv_set_opts(parser, strictOptions)
                parser.pointee.status = 0
            }
        }
        if parser.pointee.entry_pos > maxFieldBytes {
            state.settleFields(partial: parser.pointee.entry_pos)
            guard state.sawHeader else {
                throw ReaderError.fieldTooLarge(file: state.file, line: state.line + state.record.newlines, limit: maxFieldBytes)
            }
            discardOversizeField(state: state, limit: maxFieldBytes)
        }
    }

    /// A field past the limit in a data record: the record is quarantined (once said), and the
    /// field's bytes so far are dropped, their line breaks counted, so that parsing goes on with
    /// bounded memory and the next records keep their line numbers.
    private func discardOversizeField(state: ParseState, limit: Int) {
        guard let buffer = parser.pointee.entry_buf else { return }
        if state.oversizeFieldLine == 0 {
            state.oversizeFieldLine = state.line + state.record.newlines
            state.warn("field_too_large", line: state.oversizeFieldLine, column: state.column(ofField: state.record.fieldCount),
                       "a field grows past \(limit / (1 << 20) > 0 ? "\(limit / (1 << 20)) MiB" : "\(limit) bytes") (a limit that keeps a wrong input from exhausting the machine); most often a quote opened here is never closed; the record is quarantined",
                       severity: .error)
            state.quarantineCurrent("a field larger than the limit of \(limit) bytes")
        }
        let count = parser.pointee.entry_pos
        // Right after a closing quote (libcsv's FIELD_MIGHT_HAVE_ENDED, 3) the field ends with
        // that quote and the spaces after it, which libcsv takes off the field's length when a
        // delimiter or line end follows: they are kept with their count, or that length wraps
        // around to SIZE_MAX (a `malformed_field` the record did not have). Otherwise a CR at the
        // end may be the first half of a CRLF: kept, so that the pair counts once.
        let afterQuote = parser.pointee.pstate == 3
        let keep = afterQuote ? min(parser.pointee.spaces + 1, count) : buffer[count - 1] == 0x0D ? 1 : 0
        state.oversizeEndsWithBreak = buffer[count - 1] == 0x0A
        let dropped = FieldScan(UnsafeRawBufferPointer(start: buffer, count: count - keep)).newlines
        state.record.newlines += dropped
        state.oversizeDroppedNewlines += dropped
        if keep > 0 { memmove(buffer, buffer + count - keep, keep) }
        parser.pointee.entry_pos = keep
        if !afterQuote { parser.pointee.spaces = 0 }
    }

    /// Excel keeps a value from being read as a number (`00123` as 123) by writing it as a
    /// formula, `="00123"`. At the quote after a field's lone `=`, the field is read from there as
    /// the quoted text the formula wraps, so it is `00123`: a way of writing a value, not a stray
    /// quote. (A respondent's own `="x"` is written `"=""x"""`, a quoted field, and stays as typed.)
    private func readsExcelProtectedText() -> Bool {
        guard parser.pointee.pstate == 2, parser.pointee.quoted == 0, parser.pointee.entry_pos == 1,
              let buffer = parser.pointee.entry_buf, buffer[0] == UInt8(ascii: "=") else { return false }
        parser.pointee.entry_pos = 0
        parser.pointee.quoted = 1
        parser.pointee.spaces = 0
        return true
    }

    /// Says what is wrong at the byte libcsv stopped at. Returns the lines a stray quote ran over
    /// (cut from its field, the closing quote with them) to be read again; nil otherwise.
    private func reportAnomaly(state: ParseState) -> [UInt8]? {
        state.settleFields(partial: parser.pointee.entry_pos)
        let fieldLine = state.line + state.record.newlines
        let line = fieldLine + newlinesInPartialField()
        let column = state.column(ofField: state.record.fieldCount)
        if parser.pointee.pstate == 2 && parser.pointee.quoted == 0 {
            // Said once per field: `say "hi"` has two stray quotes and one problem.
            guard state.lastStrayQuote != (line, column) else { return nil }
            state.lastStrayQuote = (line, column)
            state.warn("quote_in_unquoted_field", line: line, column: column,
                       "a quote inside an unquoted field is read as a literal character")
        } else {
            // The same in the last of the header's names (`…;"Märkused` with a quoted cell below,
            // a helper's probe: the header had taken the first rows, one respondent or ten lost
            // without a word): the header is kept, the name read to the end of its line, and the
            // lines it ran over are read again as records, as `finish` does for a quote never closed.
            if line > fieldLine && !state.sawHeader && state.record.fieldCount >= 2 && state.record.quarantineReason == nil
                && state.oversizeFieldLine == 0 && rereads < Self.rereadLimit && openFieldIsOneName(state: state)
                && ranOverWholeRows(width: state.record.fieldCount + 1), let rest = cutOpenFieldToItsFirstLine() {
                state.warn("quote_ran_over_lines", line: fieldLine, column: column,
                           "a quote opened here, in the header's last name, closes only on line \(state.lineInWords(line)): the \(line - fieldLine) line(s) below, which hold delimiters as rows of the table do, ran into the name; the header is kept, the name read to the end of its line, and those lines are read again as records",
                           severity: .warning)
                return rest
            }
            // A quote that closes lines below where it opened, and then not at the field's end,
            // over lines holding delimiters as rows of the table do, was a stray one: those lines,
            // other records, were read into this field.
            if line > fieldLine && state.sawHeader && state.record.quarantineReason == nil
                && partialFieldHoldsRows(width: state.headerCount) {
                let swallowed = line - fieldLine
                state.warn("quote_ran_over_lines", line: fieldLine, column: column,
                           "a quote opened here closes only on line \(state.lineInWords(line)), with text after it: the \(swallowed) line(s) below, which hold delimiters as rows of the table do, ran into this field (most often a stray quote); the record is quarantined, and those lines are read again as records",
                           severity: .error)
                state.quarantineCurrent("a quote ran over \(swallowed) line(s)")
                if state.oversizeFieldLine == 0 && rereads < Self.rereadLimit, let rest = cutOpenFieldToItsFirstLine() {
                    return rest
                }
            }
            state.warn("text_after_closing_quote", line: line, column: column,
                       "text follows a closing quote; the quote is read as a literal character")
            // The quoted part, when it held delimiters, has joined fields into this one (`checkShape`);
            // `"Tallinn" linn` joins none.
            if state.record.strayQuoteField < 0, let buffer = parser.pointee.entry_buf,
               memchr(buffer, Int32(parser.pointee.delim_char), parser.pointee.entry_pos) != nil {
                state.record.strayQuoteField = column - 1
            }
            // libcsv would go on reading the field as quoted and swallow the rest of the file
            // into it; the field is unquoted from here on, as other readers take it.
            parser.pointee.quoted = 0
        }
        return nil
    }

    /// Whether a line of the field being read, after its first line break, holds delimiters for
    /// half a row of `width` fields or more (at least 2): rows of the table a stray quote ran over,
    /// not a quoted comment of a few lines. Looked at only when a quote closes with text after it.
    private func partialFieldHoldsRows(width: Int) -> Bool {
        guard let buffer = parser.pointee.entry_buf, parser.pointee.entry_pos > 0 else { return false }
        let needed = max(2, width / 2)
        let delimiter = parser.pointee.delim_char
        var delimiters = -1
        for k in 0..<parser.pointee.entry_pos {
            let b = buffer[k]
            if b == 0x0A || b == 0x0D {
                delimiters = 0
            } else if b == delimiter && delimiters >= 0 {
                delimiters += 1
                if delimiters >= needed { return true }
            }
        }
        return false
    }

    /// Says where the text of a file read in a code page turned to UTF-8 (`CSVReader.read`): a
    /// second export joined to the first. Called with the bytes before it parsed. `given`: the
    /// code page --encoding named, when nothing above was read in it (no byte above ASCII): then
    /// the file is UTF-8 throughout, and the option was wrong, not the file two.
    /// `fromStart`: no byte above ASCII was read in the code page before (nothing "above" it).
    func encodingChanged(state: ParseState, from encoding: TextEncoding, given: TextEncoding? = nil, fromStart: Bool = false) {
        state.settleFields(partial: parser.pointee.entry_pos)
        let line = state.line + state.record.newlines + newlinesInPartialField()
        if let given {
            state.warn("encoding_changes", line: line, column: state.column(ofField: state.record.fieldCount),
                       "--encoding \(given.rawValue) given, but the text is UTF-8 from its first letter beyond ASCII, here: read as UTF-8; leave --encoding out",
                       severity: .note)
            return
        }
        if fromStart {
            // (It said "\(encoding) above", of a file with nothing above but ASCII.)
            state.warn("encoding_changes", line: line, column: state.column(ofField: state.record.fieldCount),
                       "the text is UTF-8 from its first letter beyond ASCII, here, though the start of the file read best as \(encoding.rawValue): read as UTF-8; check the rows further on, which may be typed in another program")
            return
        }
        state.warn("encoding_changes", line: line, column: state.column(ofField: state.record.fieldCount),
                   "the text is UTF-8 from here on, \(encoding.rawValue) above: two files joined (cat, copy /b)? Read as UTF-8 from here; check that the rows below belong to the same survey")
    }

    /// Says where a byte order mark was dropped from the start of a line (`CSVReader.read`): most
    /// often a second export joined to the first (`cat a.csv b.csv`, `copy /b a.csv+b.csv`), whose
    /// rows may not be the first one's. Called with the bytes before it parsed; `after`: what the
    /// message adds (in a file read in a code page, how the text after the mark is read).
    func byteOrderMarkDropped(state: ParseState, after: String) {
        state.settleFields(partial: parser.pointee.entry_pos)
        let line = state.line + state.record.newlines + newlinesInPartialField()
        let column = state.column(ofField: state.record.fieldCount)
        let inField = parser.pointee.pstate == 2 && parser.pointee.quoted != 0
        state.warn("byte_order_mark", line: line, column: column, (inField
            ? "a byte order mark (U+FEFF) starts this line inside a quoted field: dropped; the file may be two files joined (cat, copy /b), and a quote left open in the first"
            : "a byte order mark (U+FEFF) starts this line, as a file does: two files joined (cat, copy /b)? It was dropped; check that the rows below belong to the same survey") + after)
    }

    private func newlinesInPartialField() -> Int {
        guard let buffer = parser.pointee.entry_buf, parser.pointee.entry_pos > 0 else { return 0 }
        return FieldScan(UnsafeRawBufferPointer(start: buffer, count: parser.pointee.entry_pos)).newlines
    }

    /// The field being read cut to its first line, and what followed that line's break (CRLF, LF
    /// or CR; CR alone in a file of old Mac line ends), copied; nil (the field left as it is) when
    /// the field is one line, or nothing follows its first line's break.
    private func cutOpenFieldToItsFirstLine() -> [UInt8]? {
        guard let buffer = parser.pointee.entry_buf, parser.pointee.entry_pos > 0 else { return nil }
        let count = parser.pointee.entry_pos
        guard let lineBreak = (0..<count).first(where: { endsLine(buffer[$0]) })
        else { return nil }
        var next = lineBreak + 1
        if !carriageReturnOnly && buffer[lineBreak] == 0x0D && next < count && buffer[next] == 0x0A { next += 1 }
        guard next < count else { return nil }
        let rest = Array(UnsafeBufferPointer(start: buffer + next, count: count - next))
        parser.pointee.entry_pos = lineBreak
        // A field being read, quoted (not one that may have ended at a quote, whose quote and
        // spaces csv_fini would take off the end of what is left).
        parser.pointee.pstate = 2
        parser.pointee.quoted = 1
        parser.pointee.spaces = 0
        return rest
    }

    /// Ends the record being read (quarantined below the header, its open field cut to its first
    /// line by `cutOpenFieldToItsFirstLine`) and reads `rest`, the lines the field had run over, again.
    private func endRecordAndReadAgain(_ rest: [UInt8], state: ParseState, maxFieldBytes: Int) throws {
        csv_fini(parser, needs_field_callback, rowCallback, UnsafeMutableRawPointer(state.record.sink))
        // The line break the field was cut at ends the quarantined record's last line.
        state.line += 1
        state.lastTerminatorWasCR = false
        parser.pointee.status = 0
        rereads += 1
        defer { rereads -= 1 }
        try rest.withUnsafeBytes { try parse($0, state: state, maxFieldBytes: maxFieldBytes) }
    }

    /// Ends the input: a quote still open at the end of the file quarantines its record. Below
    /// the header, the record is cut to the line the quote opened on, and the lines after it,
    /// which the field had run over, are read again as records: a stray quote (`"hello there`
    /// typed in a comment) then costs its own row, not every row after it. In the header's last
    /// name, the same is done, and the header is kept. (Inside the field
    /// libcsv read `""` as `"`, so a row below holding `""` reads it as one quote.)
    func finish(state: ParseState, maxFieldBytes: Int) throws {
        state.settleFields(partial: parser.pointee.entry_pos)
        if parser.pointee.pstate == 2 && parser.pointee.quoted != 0 && state.oversizeFieldLine == 0
            && rereads < Self.rereadLimit {
            let line = state.line + state.record.newlines
            let column = state.column(ofField: state.record.fieldCount)
            if !state.sawHeader {
                // In the header's last name (`…;"Märkused` typed in a sheet, a helper's probe): the
                // record is kept, the name read to the end of its line, and the rows are read
                // again; quarantined, it had taken the file with it (no header, exit 2). A header
                // of three names or more, the quote's line holding no delimiter after it: a title
                // above the header, or a quote before a name that is not the last, whose line
                // would be one name, still takes the file (the reader cannot tell its columns).
                guard state.record.fieldCount >= 2, openFieldIsOneName(state: state),
                      let rest = cutOpenFieldToItsFirstLine() else { return try finishOpen(state: state) }
                let below = rest.withUnsafeBytes { FieldScan($0).newlines } + (rest.last.map { $0 == 0x0A || $0 == 0x0D } == false ? 1 : 0)
                state.warn("unclosed_quote", line: line, column: column,
                           "a quote opened here, above the rows, is never closed: the name is read to the end of its line, and the \(below) line(s) below, which it ran over, are read again as records (the quote taken for a stray one)",
                           severity: .warning)
                try endRecordAndReadAgain(rest, state: state, maxFieldBytes: maxFieldBytes)
                try finish(state: state, maxFieldBytes: maxFieldBytes)
                return
            }
            if let rest = cutOpenFieldToItsFirstLine() {
                let below = rest.withUnsafeBytes { FieldScan($0).newlines } + (rest.last.map { $0 == 0x0A || $0 == 0x0D } == false ? 1 : 0)
                state.warn("unclosed_quote", line: line, column: column,
                           "a quote opened here is never closed: its record is quarantined, and the \(below) line(s) below, which it ran over, are read again as records (the quote taken for a stray one)",
                           severity: .error)
                state.quarantineCurrent("quote never closed")
                try endRecordAndReadAgain(rest, state: state, maxFieldBytes: maxFieldBytes)
                try finish(state: state, maxFieldBytes: maxFieldBytes)
                return
            }
        }
        try finishOpen(state: state)
    }

    /// Whether `byte` ends a line: CR, or LF but in an old Mac file (`carriageReturnOnly`).
    private func endsLine(_ byte: UInt8) -> Bool {
        byte == 0x0D || (!carriageReturnOnly && byte == 0x0A)
    }

    /// Whether the field being read ran over whole lines below its first, each holding a row's
    /// delimiters for a header of `width` names: rows of the table, not the second line of a
    /// name over two lines with a quote not doubled in it (`"role⏎"ametikoht" (vali)"`), which
    /// libcsv reads on as the name.
    private func ranOverWholeRows(width: Int) -> Bool {
        guard let buffer = parser.pointee.entry_buf else { return false }
        let n = parser.pointee.entry_pos
        let delimiter = parser.pointee.delim_char
        guard var k = (0..<n).first(where: { endsLine(buffer[$0]) }) else { return false }
        var lines = 0, delimiters = 0
        k += 1
        while k < n {
            let b = buffer[k]
            if endsLine(b) {
                if !(b == 0x0A && buffer[k - 1] == 0x0D && !carriageReturnOnly) {
                    if delimiters < width - 1 { return false }
                    lines += 1
                    delimiters = 0
                }
            } else if b == delimiter {
                delimiters += 1
            }
            k += 1
        }
        return lines > 0
    }

    /// Whether the open field's first line is one name, the header's last: it holds no delimiter
    /// with a name after it, or it does (a quoted question with commas, `"Vai ir vēl kas, kas
    /// akadēmijai būtu jāzina?`, its closing quote lost) and the next line is no wider than the
    /// header so read. A quote before a middle name leaves the line's other names in it, and the
    /// rows are wider.
    private func openFieldIsOneName(state: ParseState) -> Bool {
        guard openFieldsFirstLineHoldsDelimiter() else { return true }
        guard let buffer = parser.pointee.entry_buf else { return false }
        let n = parser.pointee.entry_pos
        let delimiter = parser.pointee.delim_char
        guard var k = (0..<n).first(where: { endsLine(buffer[$0]) }) else { return false }
        k += 1
        if k < n && buffer[k - 1] == 0x0D && buffer[k] == 0x0A && !carriageReturnOnly { k += 1 }
        var fields = 1
        while k < n && !endsLine(buffer[k]) {
            if buffer[k] == delimiter { fields += 1 }
            k += 1
        }
        return fields <= state.record.fieldCount + 1
    }

    /// Whether the first line of the field being read (quoted, never closed) holds the delimiter
    /// with a name after it (empty columns after the last name, `…;"training_wanted;;`, hold none).
    private func openFieldsFirstLineHoldsDelimiter() -> Bool {
        guard let buffer = parser.pointee.entry_buf else { return false }
        let delimiter = parser.pointee.delim_char
        var afterDelimiter = false
        for k in 0..<parser.pointee.entry_pos {
            let b = buffer[k]
            if endsLine(b) { return false }
            if b == delimiter {
                afterDelimiter = true
            } else if afterDelimiter && b != 0x20 && b != 0x09 {
                return true
            }
        }
        return false
    }

    /// Ends the input as it is: a quote still open quarantines its record.
    private func finishOpen(state: ParseState) throws {
        let context = UnsafeMutableRawPointer(state.record.sink)
        if parser.pointee.pstate == 2 && parser.pointee.quoted != 0 {
            // Its lines: the line breaks in it, and the last line unless the file ends with one.
            let count = parser.pointee.entry_pos
            let endsWithBreak = count > 0 ? [0x0A, 0x0D].contains(parser.pointee.entry_buf[count - 1]) : state.oversizeEndsWithBreak
            let lines = newlinesInPartialField() + state.oversizeDroppedNewlines + (endsWithBreak ? 0 : 1)
            let column = state.column(ofField: state.record.fieldCount)
            let line = state.oversizeFieldLine > 0 ? state.oversizeFieldLine : state.line + state.record.newlines
            if !state.sawHeader && lines == 1 && state.oversizeFieldLine == 0 {
                // The quote opened on the last line, in the first record: the file ends inside its
                // header, most often a download or copy that did not finish.
                state.warn("header_cut_off", line: line, column: column,
                           "the file ends inside its header: a quoted name opened here is never closed on its line; the file looks cut off (a download or copy that did not finish) and no row of it can be read",
                           severity: .error)
            } else {
                state.warn("unclosed_quote", line: line, column: column,
                           "a quote opened here is never closed; the rest of the file (\(lines) line(s)) was read as one field and the record is quarantined",
                           severity: .error)
            }
            state.quarantineCurrent("quote never closed")
        }
        csv_fini(parser, needs_field_callback, rowCallback, context)
        state.finishFile()
    }
}

/// Old Mac files: only CR ends a record; LF is data.
private let carriageReturnTerminator: @convention(c) (UInt8) -> Int32 = { $0 == 0x0D ? 1 : 0 }

// The context is the record's FieldSink. libcsv calls `needs_field_callback` (C, in the shim)
// for every field: it takes a field built in place, and an empty one, by itself. This takes the
// rest (a field built elsewhere, one past the room for field ends, the length libcsv's lenient
// mode gets wrong) and every field once the reader has stopped; anything that needs the
// ParseState, which outlives every parse call, borrows it without retaining it.
let otherFieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    pointer, length, context in
    let sink = context!.assumingMemoryBound(to: FieldSink.self)
    if sink.pointee.stopped { return }
    guard let pointer, length > 0 else {
        if length < 0 {
            // libcsv's lenient mode can report a length of SIZE_MAX (−1 here) for a quoted field
            // followed by spaces and a stray quote (found by fuzz-reader): read as empty, said.
            sink.pointee.owner!._withUnsafeGuaranteedRef { $0.malformedField() }
        }
        if sink.pointee.fieldCount == sink.pointee.endCapacity {
            // The ends grow, or fields past the limit are dropped: the fields so far are settled first.
            sink.pointee.owner!._withUnsafeGuaranteedRef { $0.settleFields() }
        }
        sink.pointee.endField()
        sink.pointee.pointParser()
        return
    }
    sink.pointee.owner!._withUnsafeGuaranteedRef { $0.addFieldOutOfPlace(pointer, length) }
}

private let rowCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
    let sink = context!.assumingMemoryBound(to: FieldSink.self)
    if sink.pointee.stopped { return }
    if sink.pointee.fieldCount == 0 && terminator == 0x0A && sink.pointee.lastTerminatorWasCR {
        // The LF of a CRLF, which libcsv reports as an empty row of its own.
        sink.pointee.lastTerminatorWasCR = false
        return
    }
    sink.pointee.owner!._withUnsafeGuaranteedRef { $0.endRow(terminator) }
    // The handler may have taken the record's buffer for another, which has not been written
    // for a while: its first lines are asked for, to be written, while libcsv starts the row.
    sink.pointee.pointParser()
    let bytes = sink.pointee.bytes
    let ends = UnsafeRawPointer(sink.pointee.ends)
    for offset in stride(from: 0, to: 512, by: 64) { needs_prefetch_write(bytes + offset) }
    for offset in stride(from: 0, to: 320, by: 64) { needs_prefetch_write(ends + offset) }
}

/// libcsv's field buffer is the record's own, which only the reader grows (see `LibCSVParser`).
private let refuseToGrow: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { _, _ in nil }
