import CLibCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the reader may be told instead of guessing, and its limits.
public struct ReaderOptions: Sendable {
    /// Overrides encoding detection (`--encoding`).
    public var encoding: TextEncoding?
    /// Overrides delimiter sniffing (`--delimiter`).
    public var delimiter: UInt8?
    /// Bytes read from the file per `read(2)`.
    public var chunkSize = 1 << 16
    /// Bytes at the start of the file used to detect encoding and dialect.
    public var sampleSize = 1 << 20
    /// A field larger than this quarantines its record (in the header: the file is not read);
    /// most often an unclosed quote.
    public var maxFieldBytes = 64 << 20
    /// A record with more fields than this is quarantined (the header: the file is not read).
    public var maxColumns = 10_000
    /// Every record below the header is a row of the table: no totals rows, footnotes or header
    /// repeated below are looked for (an XLSForm sheet saved as CSV, whose choice list may be
    /// named `total` or `average`).
    public var plainTable = false

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
    }
}

/// What reading one file found, for the run summary.
public struct FileReadSummary: Sendable {
    public var file: String
    public var encoding: DetectedEncoding
    public var dialect: Dialect
    public var bytes: Int
    /// Records after the header, blank ones included.
    public var dataRecords: Int
    /// Of those, blank lines and records whose every field is empty.
    public var blankRecords: Int
    /// Of those, records the reader quarantined (fields cannot be aligned with the header).
    public var quarantinedRecords: Int
    /// Fields in the header; 0 when the file has none.
    public var headerFieldCount: Int
    /// Records above the header that were skipped (titles, notes).
    public var preambleRecords: Int = 0
    /// Records identical to the header below it (exports pasted together), skipped.
    public var repeatedHeaders: Int = 0
    /// Short records at the end, below the table (totals, notes), skipped.
    public var footnoteRecords: Int = 0
    /// The sheet read, when the file was an .xlsx workbook (`WorkbookTable`).
    public var workbookSheet: String? = nil
}

/// Why a file could not be read at all.
public enum ReaderError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(file: String, reason: String)
    case readFailed(file: String, reason: String)
    case fieldTooLarge(file: String, line: Int, limit: Int)
    case parserFailed(file: String, reason: String)
    case notText(file: String, kind: String)
    case tooManyColumns(file: String, line: Int, limit: Int)

    public var description: String {
        line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)"
    }

    /// The file the error is about.
    public var file: String {
        switch self {
        case let .cannotOpen(file, _), let .readFailed(file, _), let .fieldTooLarge(file, _, _),
             let .parserFailed(file, _), let .notText(file, _), let .tooManyColumns(file, _, _):
            return file
        }
    }

    /// The line the error is at, when it is at one.
    public var line: Int? {
        switch self {
        case let .fieldTooLarge(_, line, _), let .tooManyColumns(_, line, _): return line
        default: return nil
        }
    }

    /// What went wrong, without the file and line (a diagnostic has its own).
    public var reason: String {
        switch self {
        case let .cannotOpen(_, reason): return "cannot open: \(reason)"
        case let .readFailed(_, reason): return "read failed: \(reason)"
        case let .fieldTooLarge(_, _, limit):
            return "a field grows past \(limit / (1 << 20)) MiB; most often a quote opened here is never closed"
        case let .parserFailed(_, reason): return reason
        case let .notText(_, kind): return "\(kind), not a delimited text table"
        case let .tooManyColumns(_, _, limit):
            return "more than \(limit) fields in one record; not a survey export (a limit that keeps a wrong input from exhausting the machine)"
        }
    }
}

extension ReaderError {
    /// Why `error` stopped the reading of `file`, without naming the file again (the diagnostic or
    /// line it goes into names it); with `withLine`, the line first when it is at one.
    public static func reason(of error: Error, file: String, withLine: Bool = false) -> String {
        if let error = error as? ReaderError {
            return (withLine ? error.line.map { "line \($0): " } ?? "" : "") + error.reason
        }
        let text = "\(error)"
        return text.hasPrefix(file + ": ") ? String(text.dropFirst(file.count + 2)) : text
    }
}

/// Reads a delimited text file with libcsv, streaming: bytes are decoded to UTF-8 chunk by chunk
/// and each record is handed on as soon as it ends, with the line it started on.
///
/// Quote anomalies that a strict parser would reject (a quote inside an unquoted field, text after
/// a closing quote) are reported and then read leniently; ragged rows are padded or quarantined;
/// NUL bytes are removed and invalid UTF-8 is reported. Nothing is dropped without a diagnostic.
///
///     let reader = CSVReader(path: "responses.csv")
///     let summary = try reader.read(diagnose: { print($0) }) { record in
///         print(record.line, record.fields)
///     }
public struct CSVReader {
    public let path: String
    public let displayName: String
    public var options: ReaderOptions
    /// Bytes to read instead of the file at `path` (fuzzing, tests).
    private let bytes: [UInt8]?
    /// Sees every byte of the file as it is read, in order (on the reading thread): the input's
    /// SHA-256 is computed from them, so the file is read once.
    var observer: ByteObserver? = nil
    /// The row of a workbook's sheet that a line of the text made of it is (`WorkbookTable`), for
    /// the lines messages name in their words; nil for a text file.
    var rowOfLine: ((Int) -> Int)? = nil

    public init(path: String, displayName: String? = nil, options: ReaderOptions = ReaderOptions()) {
        self.path = path
        self.displayName = displayName ?? path
        self.options = options
        self.bytes = nil
    }

    /// An .xlsx workbook's responses sheet (`WorkbookTable`), read as the CSV text it makes, said
    /// in a note; an XLSForm is refused as a file that is no table is. `observer` is given the
    /// workbook's own bytes (its SHA-256 is the file's).
    private func read(_ workbook: WorkbookTable.Table, diagnose: (Diagnostic) -> Void,
                      _ handler: (RecordBuffer) throws -> Void) throws -> FileReadSummary {
        if let observer { workbook.file.withUnsafeBytes { observer.observe($0) } }
        let sheets = WorkbookTable.names
        let ignored = options.encoding != nil || options.delimiter != nil ? "; --encoding and --delimiter do not apply to it" : ""
        if workbook.sheet.isEmpty {
            diagnose(Diagnostic(.note, file: displayName, code: "xlsx_workbook",
                                message: "an .xlsx workbook with no sheet holding a value" + (workbook.otherSheets.isEmpty ? "" : " (\(sheets(workbook.otherSheets)))") + ignored))
        } else {
            var others = workbook.otherSheets.isEmpty ? "" : "; its other sheet(s), not read: " + sheets(workbook.otherSheets)
            if workbook.mergesFilled > 0 {
                others += "; \(workbook.mergesFilled) merged cell(s) over rows below the header read as their value on each row"
            }
            diagnose(Diagnostic(.note, file: displayName, code: "xlsx_workbook",
                                message: "an .xlsx workbook: its sheet \(sheets([workbook.sheet])) is read as the responses, date cells as ISO dates, lines as its rows\(others)\(ignored)"))
        }
        // Responses in more sheets than one (a month a sheet; Google Sheets' `Form Responses 1`
        // and `2`): only one is read, and the others' respondents would be missing with a note
        // alone (a probe's: 40 respondents of 100, exit 0).
        if !workbook.sheetsAlike.isEmpty {
            let alike = workbook.sheetsAlike.map { "\(sheets([$0.name])) (\($0.rows) row(s))" }.joined(separator: ", ")
            diagnose(Diagnostic(.error, file: displayName, code: "xlsx_sheets_unread",
                                message: "the workbook's sheet(s) \(alike) are headed as \(sheets([workbook.sheet])), the one read, and hold rows it has not: "
                                    + "responses too, not read nor counted; save each sheet as CSV and give them all, or copy their rows into one sheet"))
        }
        var sheet = CSVReader(bytes: workbook.csv, displayName: displayName, options: options)
        sheet.options.encoding = .utf8
        sheet.options.delimiter = 0x2C
        sheet.rowOfLine = workbook.row(ofLine:)
        // Lines are told as the sheet's rows: the records', the findings', and a failure's.
        var summary: FileReadSummary
        do {
            summary = try sheet.read(diagnose: { finding in
                var finding = finding
                finding.line = finding.line.map(workbook.row(ofLine:))
                diagnose(finding)
            }) { record in
                record.line = workbook.row(ofLine: record.line)
                try handler(record)
            }
        } catch ReaderError.fieldTooLarge(let file, let line, let limit) {
            throw ReaderError.fieldTooLarge(file: file, line: workbook.row(ofLine: line), limit: limit)
        } catch ReaderError.tooManyColumns(let file, let line, let limit) {
            throw ReaderError.tooManyColumns(file: file, line: workbook.row(ofLine: line), limit: limit)
        }
        summary.bytes = workbook.file.count
        summary.workbookSheet = workbook.sheet
        return summary
    }

    /// The responses table of the workbook this reader's file is (a file on disk that starts as a
    /// ZIP archive does), or why it is none: an XLSForm, or an archive that is no workbook.
    func responsesWorkbook() throws -> WorkbookTable.Table {
        switch WorkbookTable.read(path: path) {
        case let .unreadable(reason):
            throw ReaderError.notText(file: displayName, kind: "a ZIP archive that is no readable .xlsx workbook (\(reason))")
        case let .table(workbook):
            guard !workbook.isXLSForm else {
                throw ReaderError.notText(file: displayName, kind: "an XLSForm workbook (its survey and choices sheets), no responses: give it as --instrument")
            }
            return workbook
        }
    }

    /// A reader over bytes in memory, read exactly as a file's would be.
    public init(bytes: [UInt8], displayName: String, options: ReaderOptions = ReaderOptions()) {
        self.path = displayName
        self.displayName = displayName
        self.options = options
        self.bytes = bytes
    }

    private func open() throws -> ByteSource {
        if let bytes { return MemorySource(bytes) }
        return try InputFile(path: path, displayName: displayName)
    }

    /// Detects encoding and dialect without reading records; a file that is not text (an
    /// image, an archive, binary data) fails as `read` does.
    public func detect() throws -> (DetectedEncoding, Dialect) {
        let file = try open()
        defer { file.close() }
        let sample = try file.readSample(options.sampleSize)
        if let kind = BinarySignature.kind(of: sample.bytes) { throw ReaderError.notText(file: displayName, kind: kind) }
        var (encoding, dialect) = detect(sample: sample.bytes, isWholeFile: sample.atEnd)
        if encoding.evidence == .ascii && !sample.atEnd && options.encoding == nil {
            // As `read` does: the first byte past the ASCII decides.
            var chunk = [UInt8](repeating: 0, count: options.chunkSize)
            var offset = sample.bytes.count
            while true {
                let n = try chunk.withUnsafeMutableBytes { try file.read(into: $0) }
                if n == 0 { break }
                guard let first = chunk[..<n].firstIndex(where: { $0 >= 0x80 }) else {
                    offset += n
                    continue
                }
                if var later = Self.encoding(afterASCII: Array(chunk[first..<n])) {
                    later.decidedPastASCII = offset + first
                    encoding = later
                }
                break
            }
        }
        return (encoding, dialect)
    }

    /// The encoding of the text that follows plain ASCII, from its first non-ASCII byte on; nil
    /// when it is UTF-8 (valid, or with a few damaged bytes reported where they are).
    static func encoding(afterASCII bytes: [UInt8]) -> DetectedEncoding? {
        let later = EncodingDetector.detect(sample: bytes, isWholeFile: false)
        return later.encoding == .utf8 ? nil : later
    }

    func detect(sample: [UInt8], isWholeFile: Bool) -> (DetectedEncoding, Dialect) {
        let encoding: DetectedEncoding
        if let forced = options.encoding {
            let bom = EncodingDetector.detectBOM(sample)
            // A UTF-8 mark means nothing in a code page given: skipped, not read as `ï»¿`.
            let skipped = bom?.encoding == forced || (bom?.encoding == .utf8 && forced.isSingleByte)
            var given = DetectedEncoding(
                encoding: forced, evidence: .override, bomLength: skipped ? bom!.bomLength : 0)
            let utf16: Set<TextEncoding> = [.utf16LE, .utf16BE]
            if let bom, bom.encoding != forced {
                if utf16.contains(forced) && utf16.contains(bom.encoding) {
                    // UTF-16 given, the mark tells its byte order.
                    given = bom
                    given.markDisagrees = forced
                } else if !skipped {
                    given.markDisagrees = bom.encoding
                }
            }
            if given.markDisagrees == nil && bom == nil {
                let detected = EncodingDetector.detect(sample: sample, isWholeFile: isWholeFile)
                // (Two letters or more: one may be a code page's two characters that happen to be UTF-8.)
                let letters = sample.lazy.filter { $0 >= 0xC2 && $0 <= 0xF4 }.count
                if forced.isSingleByte && detected.encoding == .utf8 && detected.evidence == .validUTF8 && letters >= 2 {
                    given.givenAgainst = .utf8
                } else if forced == .utf8 && detected.encoding != .utf8 && detected.evidence != .ascii {
                    // Not a UTF-8 file with a damaged byte or two: three letters or more that are not
                    // UTF-8, and more than three times those that are.
                    var invalid = 0, valid = 0
                    for scalar in String(decoding: sample, as: UTF8.self).unicodeScalars where scalar.value >= 0x80 {
                        if scalar == "\u{FFFD}" { invalid += 1 } else { valid += 1 }
                    }
                    if invalid >= 3 && invalid > 3 * valid { given.givenAgainst = detected.encoding }
                }
            }
            encoding = given
        } else {
            encoding = EncodingDetector.detect(sample: sample, isWholeFile: isWholeFile)
        }
        var transcoder = Transcoder(encoding: encoding.encoding)
        var decoded: [UInt8] = []
        sample.withUnsafeBytes { raw in
            transcoder.transcode(UnsafeRawBufferPointer(rebasing: raw[min(encoding.bomLength, raw.count)...]), into: &decoded)
        }
        var dialect = DialectSniffer.sniff(decoded, isWholeFile: isWholeFile)
        if let forced = options.delimiter {
            dialect.delimiter = forced
            dialect.evidence = .override
            // Titles above the header are still found, with the delimiter given.
            dialect.table = DialectSniffer.table(decoded, dialect: dialect, isWholeFile: isWholeFile)
        }
        return (encoding, dialect)
    }

    /// Reads every record, calling `handler` for each (the header first). Diagnostics go to
    /// `diagnose` as they are found.
    @discardableResult
    public func read(
        diagnose: (Diagnostic) -> Void,
        _ handler: (RecordBuffer) throws -> Void
    ) throws -> FileReadSummary {
        let file = try open()
        defer { file.close() }
        let sample = try file.readSample(options.sampleSize)
        // A ZIP archive on disk may be an .xlsx workbook: read as one, or said why not.
        if bytes == nil && sample.bytes.starts(with: BinarySignature.zip) {
            return try read(responsesWorkbook(), diagnose: diagnose, handler)
        }
        if let kind = BinarySignature.kind(of: sample.bytes) { throw ReaderError.notText(file: displayName, kind: kind) }
        var (encoding, dialect) = detect(sample: sample.bytes, isWholeFile: sample.atEnd)
        if dialect.evidence == .sepLineOverruled, let named = dialect.sepLineDelimiter {
            diagnose(Diagnostic(
                .warning, file: displayName, line: 1, column: 1, code: "sep_line_wrong",
                message: "the first line, `sep=\(Dialect.name(ofDelimiter: named))`, names a delimiter no row holds: the rows are read with "
                    + "`\(dialect.delimiterName)`, which separates their fields (a line kept from another file?); if that is wrong, give --delimiter"))
        }
        func noteThinEvidence(line: Int? = nil) {
            guard let alternative = encoding.closeAlternative else { return }
            diagnose(Diagnostic(
                .note, file: displayName, line: line, code: "encoding_uncertain",
                message: "read as \(encoding.encoding.rawValue), guessed from few non-ASCII letters; \(alternative.rawValue) reads them nearly as well: if names look wrong, give --encoding \(alternative.rawValue)"))
        }
        if let other = encoding.markDisagrees {
            let used = encoding.encoding.rawValue
            let message = encoding.evidence == .bom
                ? "--encoding \(other.rawValue) given, but the file's byte order mark is \(used)'s: read as \(used)"
                : "the file starts with the byte order mark of \(other.rawValue); read as \(used), as --encoding "
                    + "says: if the text looks wrong, leave --encoding out"
            diagnose(Diagnostic(.note, file: displayName, code: "encoding_mark", message: message))
        }
        if let against = encoding.givenAgainst {
            let given = encoding.encoding.rawValue
            let message = against == .utf8
                ? "--encoding \(given) given, but the file is UTF-8 (valid, with letters past ASCII): read as \(given), "
                    + "its letters are garbled (`Ã¤` for `ä`); leave --encoding out"
                : "--encoding utf-8 given, but the file is not UTF-8: its letters read as \(against.rawValue); give "
                    + "--encoding \(against.rawValue), or leave --encoding out"
            diagnose(Diagnostic(.warning, file: displayName, code: "encoding_not_as_given", message: message))
        }
        if encoding.markContradicted, let mark = encoding.contradictedMark, mark != .utf8 {
            let why = encoding.encoding == .utf16LE || encoding.encoding == .utf16BE
                ? "its NUL bytes stand where the other byte order's do"
                : "it has no NUL bytes, which UTF-16 text always has between its ASCII letters, digits and line ends"
            diagnose(Diagnostic(
                .note, file: displayName, code: "bom_contradicted",
                message: "the file starts with the byte order mark of \(mark.rawValue), but the text after it is not "
                    + "\(mark.rawValue) (\(why)): read as \(encoding.encoding.rawValue) (\(encoding.evidence.rawValue)); "
                    + "if names look wrong, give --encoding"))
        } else if encoding.markContradicted {
            diagnose(Diagnostic(
                .note, file: displayName, code: "bom_not_utf8",
                message: "the file starts with a UTF-8 byte order mark, but the text after it is not UTF-8: "
                    + "read as \(encoding.encoding.rawValue) (\(encoding.evidence.rawValue)); if names look wrong, "
                    + "give --encoding"))
        }
        noteThinEvidence()
        if encoding.encoding == .utf8, encoding.evidence != .ascii,
           let twice = DoubleEncoding.find(in: Array(sample.bytes.dropFirst(encoding.bomLength))) {
            diagnose(Diagnostic(
                .warning, file: displayName, line: twice.line, code: "double_encoded",
                message: "the text looks like UTF-8 opened as \(twice.encoding.rawValue) and saved again as UTF-8 "
                    + "(`\(twice.garbled)` was `\(twice.original)`): its letters are garbled, so its columns and "
                    + "answers will not be recognised; ask for the export as it was downloaded, or open that in "
                    + "Excel with Data > From Text/CSV, file origin 65001: Unicode (UTF-8)"))
        }

        return try withoutActuallyEscaping(handler) { handler in
            try withoutActuallyEscaping(diagnose) { diagnose in
                let state = ParseState(file: displayName, handler: handler, diagnose: diagnose)
                if let rowOfLine { state.lineInWords = rowOfLine }
                state.tableStartLine = dialect.table.headerLine
                state.delimiter = dialect.delimiter
                state.quote = dialect.quote
                state.tableFilledColumns = dialect.table.filledColumns
                state.maxColumns = options.maxColumns
                state.headerMissesFirstName = dialect.table.headerMissesFirstName
                state.plainTable = options.plainTable
                // UTF-8 detected (not given): fields that are not UTF-8 are read in a code page.
                state.readsNotUTF8InCodePage = options.encoding == nil
                state.notUTF8CodePage = encoding.notUTF8CodePage
                let before = file.fingerprint()
                let parser = LibCSVParser(delimiter: dialect.delimiter, quote: dialect.quote,
                                          carriageReturnOnly: dialect.carriageReturnOnly)
                defer { parser.free() }
                var transcoder = Transcoder(encoding: encoding.encoding, delimiter: dialect.delimiter,
                                            quote: dialect.quote, carriageReturnOnly: dialect.carriageReturnOnly)
                var decoded: [UInt8] = []
                decoded.reserveCapacity(options.chunkSize * 3)
                var skipDecoded = dialect.sepLineLength
                if skipDecoded > 0 { state.line = 2 }
                var skipRaw = encoding.bomLength
                var totalBytes = 0
                // A sample of plain ASCII, which UTF-8 and every code page read alike, decided
                // nothing: the first other byte further on decides, and the transcoder changes
                // there (lines counted until then, to say where).
                var decidedByASCII = encoding.evidence == .ascii && !sample.atEnd
                var asciiLines = 1
                let lineEnd: UInt8 = dialect.carriageReturnOnly ? 0x0D : 0x0A
                // A UTF-8 byte order mark as the transcoder writes it (`parse`).
                var mark = transcoder.byteOrderMark
                // The code page read before a UTF-8 mark switched the transcoder to UTF-8, until
                // the mark's warning says so; the undecodable bytes it found before.
                var switchedFrom: TextEncoding? = nil
                var invalidBeforeSwitch: [(line: Int, column: Int)] = []

                func decideAfterASCII(_ input: UnsafeRawBufferPointer) {
                    guard let first = input.firstIndex(where: { $0 >= 0x80 }) else {
                        asciiLines += input.reduce(0) { $0 + ($1 == lineEnd ? 1 : 0) }
                        return
                    }
                    decidedByASCII = false
                    let line = asciiLines + input[..<first].reduce(0) { $0 + ($1 == lineEnd ? 1 : 0) }
                    guard let later = Self.encoding(afterASCII: Array(input[first...])) else { return }
                    encoding = later
                    // The transcoder reads this chunk from its start, line ends before `first` too.
                    transcoder = Transcoder(encoding: later.encoding, delimiter: dialect.delimiter, quote: dialect.quote,
                                            carriageReturnOnly: dialect.carriageReturnOnly, line: asciiLines)
                    mark = transcoder.byteOrderMark
                    diagnose(Diagnostic(
                        .note, file: displayName, line: line, code: "encoding_after_ascii",
                        message: "the first \(options.sampleSize) bytes are plain ASCII; the text from here on is not UTF-8 and reads as \(later.encoding.rawValue) (\(later.evidence.rawValue)): if names look wrong, give --encoding"))
                    noteThinEvidence(line: line)
                }
                // A byte order mark at the start of a line is a second file's, joined to the first
                // (`copy /b a.csv+b.csv`): dropped, or a quoted header after it reads unquoted, and
                // said where it stood, as the rows below may be another export's. Looked for as the
                // transcoder writes it (in a code page, the letters its bytes are). The start of
                // one cut by a chunk's end is held until the next chunk tells.
                var heldBOM: [UInt8] = []
                var atLineStart = true
                // Bytes of text parsed so far: a mark before any is the file's own mark again.
                var textParsed = 0
                // The text parsed so far ends with a quote opening a line's first field: a mark
                // right after it is one a tool wrote inside the quoted field (`"\u{FEFF}ID";...`),
                // which in a code page read as letters before the first name (`ļ»æID`).
                var atQuotedLineStart = false
                let quote = dialect.quote

                func parse(_ text: UnsafeRawBufferPointer) throws {
                    guard text.count > 0 else { return }
                    if heldBOM.isEmpty {
                        try parseDroppingMarks(text)
                    } else {
                        let joined = heldBOM + Array(text)
                        heldBOM = []
                        try joined.withUnsafeBytes { try parseDroppingMarks($0) }
                    }
                }

                func parseDroppingMarks(_ text: UnsafeRawBufferPointer) throws {
                    let base = text.baseAddress!
                    func parseRange(_ range: Range<Int>) throws {
                        guard !range.isEmpty else { return }
                        textParsed += range.count
                        try parser.parse(UnsafeRawBufferPointer(rebasing: text[range]), state: state,
                                         maxFieldBytes: options.maxFieldBytes)
                    }
                    var parsed = 0, from = 0
                    // Whether the text parsed so far ends at a line start (a mark dropped counts as nothing).
                    var endsAtLineStart = atLineStart
                    while from < text.count, let found = memchr(base + from, Int32(mark[0]), text.count - from) {
                        let k = base.distance(to: UnsafeRawPointer(found))
                        from = k + 1
                        let lineStart = k == 0 ? atLineStart : text[k - 1] == 0x0A || text[k - 1] == 0x0D
                        let quotedLineStart = k == 0 ? atQuotedLineStart
                            : text[k - 1] == quote && k - 1 >= parsed
                                && (k - 1 == parsed ? endsAtLineStart : text[k - 2] == 0x0A || text[k - 2] == 0x0D)
                        guard lineStart || quotedLineStart else { continue }
                        let rest = text[k..<min(k + mark.count, text.count)]
                        if rest.elementsEqual(mark) {
                            // The bytes before it are parsed first, so that its place is known.
                            try parseRange(parsed..<k)
                            if quotedLineStart && !lineStart && textParsed == 1 && skipDecoded == 0 && state.line == 1 {
                                state.warn("byte_order_mark", line: 1, column: 1,
                                           "the file's byte order mark stands inside its first field, after the opening quote (as some tools write it): dropped",
                                           severity: .note)
                                _ = markSequel()
                            } else if textParsed == 0 && skipDecoded == 0 && state.line == 1 {
                                // A second mark right after the file's own (an editor adding one to
                                // text that had one; a UTF-8 file saved as UTF-16): no file joined.
                                state.warn("byte_order_mark", line: 1, column: 1,
                                           "the file starts with a byte order mark twice (a tool added one to text that had one): the second was dropped",
                                           severity: .note)
                                _ = markSequel()
                            } else {
                                parser.byteOrderMarkDropped(state: state, after: markSequel())
                            }
                            parsed = k + mark.count
                            from = parsed
                            // (After a mark inside a quoted field, the text ends inside that field.)
                            endsAtLineStart = lineStart
                        } else if rest.count < mark.count && rest.elementsEqual(mark.prefix(rest.count)) {
                            // Held, standing at a line start, where the next chunk goes on.
                            try parseRange(parsed..<k)
                            heldBOM = Array(rest)
                            atLineStart = lineStart
                            atQuotedLineStart = quotedLineStart
                            return
                        }
                    }
                    try parseRange(parsed..<text.count)
                    let n = text.count
                    atQuotedLineStart = parsed < n && text[n - 1] == quote
                        && (n - 1 == parsed ? endsAtLineStart : text[n - 2] == 0x0A || text[n - 2] == 0x0D)
                    atLineStart = parsed < n ? text[n - 1] == 0x0A || text[n - 1] == 0x0D : endsAtLineStart
                }

                /// What the warning of a mark dropped adds, in a file read in a code page: a UTF-8
                /// file's mark there says the text after it is UTF-8 (two files joined).
                func markSequel() -> String {
                    if let before = switchedFrom {
                        switchedFrom = nil
                        return " The mark is UTF-8's in a file read as \(before.rawValue): the text from here on is read as UTF-8, as the mark says."
                    }
                    guard encoding.encoding.isSingleByte, !transcoder.isIdentity else { return "" }
                    return " The mark is UTF-8's in a file read as \(encoding.encoding.rawValue), but the text after it is not UTF-8: it is read as \(encoding.encoding.rawValue) too."
                }

                // In a code page, UTF-8 from the first byte above ASCII of a line on (up to 4 KiB of
                // it, or to the end of the file, with two letters or more, or after a UTF-8 mark at
                // the line's start) switches the transcoder to UTF-8 there: the second of two files
                // joined (`copy /b lt.csv+lv.csv`), whose letters read in the code page were
                // garbled (`savivaldybÄ—`) and its header not the first one's, without a word. Text
                // in a code page is not UTF-8 over so many bytes (a lower-case letter with a
                // diacritic is a lead byte before ASCII). A mark itself is then dropped by `parse`.
                // What could switch is held with what follows it until enough of that tells.
                var rawHeld: [UInt8] = []
                var rawAtLineStart = true
                var rawLineHadHigh = false
                // Whether a byte above ASCII was read in the code page: when none was, a switch
                // to UTF-8 is no second file joined, but a file UTF-8 throughout.
                var codePageReadHigh = false
                let lookahead = 4096

                func feedCodePage(_ input: UnsafeRawBufferPointer, atEnd: Bool = false) throws {
                    guard !rawHeld.isEmpty else { return try feedCodePageJoined(input, atEnd: atEnd) }
                    let joined = rawHeld + Array(input)
                    rawHeld = []
                    try joined.withUnsafeBytes { try feedCodePageJoined($0, atEnd: atEnd) }
                }

                func feedCodePageJoined(_ input: UnsafeRawBufferPointer, atEnd: Bool) throws {
                    let n = input.count
                    guard let base = input.baseAddress, n > 0 else { return }
                    var lineHadHigh = rawLineHadHigh
                    var q = 0
                    while q < n {
                        if lineHadHigh {
                            // The rest of the line cannot switch: on to its end.
                            guard let end = memchr(base + q, Int32(lineEnd), n - q) else { break }
                            q = base.distance(to: UnsafeRawPointer(end)) + 1
                            lineHadHigh = false
                            continue
                        }
                        if input[q] >= 0x80 {
                            lineHadHigh = true
                            if let switched = try switchToUTF8(input, at: q, atEnd: atEnd) { return switched }
                        }
                        q += 1
                    }
                    rawLineHadHigh = lineHadHigh
                    rawAtLineStart = input[n - 1] == 0x0A || input[n - 1] == 0x0D
                    try transcodeAndParse(input)
                }

                /// At a line's first byte above ASCII, `q`: nil when the code page goes on; else the
                /// input is parsed, held from `q` (too little after it to tell) or switched there.
                func switchToUTF8(_ input: UnsafeRawBufferPointer, at q: Int, atEnd: Bool) throws -> Void? {
                    let n = input.count
                    // Most lines of a code page fail on their first letter.
                    let first = UnsafeRawBufferPointer(rebasing: input[q..<min(q + 4, n)])
                    guard UTF8Validation.firstInvalidOffset(in: first, allowTruncatedEnd: true) == nil else {
                        codePageReadHigh = true
                        return nil
                    }
                    let atLineStart = q == 0 ? rawAtLineStart : input[q - 1] == 0x0A || input[q - 1] == 0x0D
                    if !atEnd && n - q < lookahead {
                        try transcodeAndParse(UnsafeRawBufferPointer(rebasing: input[..<q]))
                        rawHeld = Array(input[q...])
                        rawAtLineStart = atLineStart
                        rawLineHadHigh = false
                        return ()
                    }
                    let window = UnsafeRawBufferPointer(rebasing: input[q..<min(q + lookahead, n)])
                    let isMark = atLineStart && window.starts(with: [0xEF, 0xBB, 0xBF])
                    let cut = !atEnd || window.count < n - q
                    guard UTF8Validation.firstInvalidOffset(in: window, allowTruncatedEnd: cut) == nil,
                          isMark || window.reduce(0, { $0 + ($1 >= 0xC2 ? 1 : 0) }) >= 2 else {
                        codePageReadHigh = true
                        return nil
                    }
                    try transcodeAndParse(UnsafeRawBufferPointer(rebasing: input[..<q]))
                    // A mark says so in its own warning (`markSequel`).
                    if isMark {
                        switchedFrom = transcoder.encoding
                    } else {
                        parser.encodingChanged(state: state, from: transcoder.encoding,
                                               given: codePageReadHigh ? nil : options.encoding, fromStart: !codePageReadHigh)
                    }
                    invalidBeforeSwitch += transcoder.invalidPlaces
                    transcoder = Transcoder(encoding: .utf8)
                    mark = transcoder.byteOrderMark
                    try transcodeAndParse(UnsafeRawBufferPointer(rebasing: input[q...]))
                    return ()
                }

                /// `lent`: read into the observer's buffer, which it has seen.
                func feed(_ raw: UnsafeRawBufferPointer, lent: Bool = false) throws {
                    totalBytes += raw.count
                    if !lent { observer?.observe(raw) }
                    var input = raw
                    if skipRaw > 0 {
                        let n = min(skipRaw, input.count)
                        input = UnsafeRawBufferPointer(rebasing: input[n...])
                        skipRaw -= n
                    }
                    if decidedByASCII { decideAfterASCII(input) }
                    if transcoder.encoding.isSingleByte && skipDecoded == 0 {
                        try feedCodePage(input)
                    } else {
                        if let last = input.last { rawAtLineStart = last == 0x0A || last == 0x0D }
                        try transcodeAndParse(input)
                    }
                }

                func transcodeAndParse(_ input: UnsafeRawBufferPointer) throws {
                    if transcoder.isIdentity && skipDecoded == 0 {
                        try parse(input)
                        return
                    }
                    decoded.removeAll(keepingCapacity: true)
                    transcoder.transcode(input, into: &decoded)
                    try decoded.withUnsafeBytes { out in
                        var text = out
                        if skipDecoded > 0 {
                            let n = min(skipDecoded, text.count)
                            text = UnsafeRawBufferPointer(rebasing: text[n...])
                            skipDecoded -= n
                        }
                        try parse(text)
                    }
                }

                try sample.bytes.withUnsafeBytes { try feed($0) }
                if !sample.atEnd {
                    let lender = observer ?? ChunkBuffer(size: options.chunkSize)
                    while true {
                        let buffer = lender.lend()
                        let n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(options.chunkSize)))
                        lender.observeLent(n)
                        if n == 0 { break }
                        try feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]), lent: true)
                        if let error = state.handlerError { throw error }
                    }
                }
                if !rawHeld.isEmpty {
                    try feedCodePage(UnsafeRawBufferPointer(start: nil, count: 0), atEnd: true)
                }
                decoded.removeAll(keepingCapacity: true)
                transcoder.finish(into: &decoded)
                if !decoded.isEmpty {
                    try decoded.withUnsafeBytes { try parse($0) }
                }
                if !heldBOM.isEmpty {
                    try heldBOM.withUnsafeBytes { try parser.parse($0, state: state, maxFieldBytes: options.maxFieldBytes) }
                }
                try parser.finish(state: state, maxFieldBytes: options.maxFieldBytes)
                if let error = state.handlerError { throw error }
                if let before, let after = file.fingerprint(), before != after {
                    diagnose(Diagnostic(.warning, file: displayName, code: "file_changed",
                                        message: "the file changed while it was being read (size or time); read it again once it is complete"))
                }

                if let (line, column) = transcoder.cutOffPlace {
                    diagnose(Diagnostic(
                        .warning, file: displayName, line: line, column: column, code: "invalid_bytes",
                        message: "the file ends inside a \(encoding.encoding.rawValue) character (an odd number of bytes, or half a pair): it looks cut off (a download or copy that did not finish), so its last row may be incomplete; the half character is shown as U+FFFD"))
                }
                for (line, column) in invalidBeforeSwitch + transcoder.invalidPlaces {
                    diagnose(Diagnostic(
                        .warning, file: displayName, line: line, column: column, code: "invalid_bytes",
                        message: "bytes that are not valid \(encoding.encoding.rawValue) were replaced by U+FFFD"))
                }
                return FileReadSummary(
                    file: displayName, encoding: encoding, dialect: dialect, bytes: totalBytes,
                    dataRecords: state.dataRecords, blankRecords: state.blankRecords,
                    quarantinedRecords: state.quarantinedRecords, headerFieldCount: state.headerCount,
                    preambleRecords: state.preambleSkipped, repeatedHeaders: state.repeatedHeaders,
                    footnoteRecords: state.footnoteRecords)
            }
        }
    }
}
