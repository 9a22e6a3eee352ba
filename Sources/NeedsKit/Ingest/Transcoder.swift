/// Converts a stream of bytes in a detected encoding to UTF-8, chunk by chunk, so the CSV parser
/// always sees UTF-8 (a UTF-16 delimiter is two bytes; libcsv's is one).
///
/// Bytes the encoding cannot decode become U+FFFD and are counted with the line they were on.
struct Transcoder {
    let encoding: TextEncoding
    private var singleByte: [[UInt8]] = []
    /// A UTF-16 code unit or surrogate half carried over from the previous chunk.
    private var carry: [UInt8] = []
    private var pendingHighSurrogate: UInt16? = nil
    /// Where the output has got to, to place undecodable bytes.
    private var position: FieldPosition
    /// Where undecodable bytes stand (the first on each line: line and column), and how many such
    /// bytes there are in all.
    private(set) var invalidPlaces: [(line: Int, column: Int)] = []
    private(set) var invalidCount = 0

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `delimiter` and `quote` are the dialect's, to tell columns apart (`FieldPosition`); `line`
    /// the line the input starts on (a transcoder taking over in the middle of a file).
    init(encoding: TextEncoding, delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""),
         carriageReturnOnly: Bool = false, line: Int = 1) {
        self.encoding = encoding
        position = FieldPosition(delimiter: delimiter, quote: quote, carriageReturnOnly: carriageReturnOnly,
                                 line: line)
        if encoding.isSingleByte { singleByte = CodePage.utf8Table(for: encoding) }
    }

    /// Whether input passes through untouched.
    var isIdentity: Bool { encoding == .utf8 }

    /// A UTF-8 byte order mark (EF BB BF) as this writes it: U+FEFF in UTF-8 and UTF-16 (whose own
    /// mark reads so), and in a code page the three letters its bytes are (`ļ»æ` in windows-1257,
    /// `’╗┐` in cp775): a UTF-8 file joined to one in a code page (`copy /b`) brings its mark so.
    var byteOrderMark: [UInt8] {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        guard encoding.isSingleByte else { return mark }
        let letters = mark.map { singleByte[Int($0) - 0x80] }
        // (A byte the code page leaves undefined reads as U+FFFD: nothing to tell a mark by.)
        return letters.contains(where: \.isEmpty) ? mark : Array(letters.joined())
    }

    /// Appends the UTF-8 of `input` to `output`.
    mutating func transcode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        switch encoding {
        case .utf8:
            output.append(contentsOf: input)
        case .utf16LE, .utf16BE:
            transcodeUTF16(input, bigEndian: encoding == .utf16BE, into: &output)
        default:
            output.reserveCapacity(output.count + input.count * 2)
            for byte in input {
                if byte < 0x80 {
                    position.advance(byte)
                    output.append(byte)
                } else {
                    let utf8 = singleByte[Int(byte) - 0x80]
                    if utf8.isEmpty {
                        noteInvalid()
                        output.append(contentsOf: Self.replacement)
                    } else {
                        output.append(contentsOf: utf8)
                    }
                    position.advance(0x80)
                }
            }
        }
    }

    /// A field of a UTF-8 file with runs of bytes that are not UTF-8 (`ParseState.settleFields`):
    /// each run of bytes above ASCII that is valid UTF-8 is kept, each that is not is read in
    /// `encoding`, whole (a code page's word whose letters happen to pair up as UTF-8, Ukrainian
    /// `РІ` in Windows-1251, is not half read so). Bytes the code page leaves undefined become
    /// U+FFFD, counted. `letters` are the characters the code page gave, each once:
    /// what the warning shows, as the field's words may be a respondent's comment or name.
    static func readingNotUTF8(_ field: UnsafeRawBufferPointer, as encoding: TextEncoding)
        -> (bytes: [UInt8], undefined: Int, letters: [Unicode.Scalar]) {
        let table = CodePage.utf8Table(for: encoding)
        let scalars = CodePage.table(for: encoding)
        var out: [UInt8] = []
        out.reserveCapacity(field.count * 2)
        var undefined = 0
        var letters: [Unicode.Scalar] = []
        var i = 0
        while i < field.count {
            guard field[i] >= 0x80 else {
                out.append(field[i])
                i += 1
                continue
            }
            var end = i
            while end < field.count && field[end] >= 0x80 { end += 1 }
            let run = UnsafeRawBufferPointer(rebasing: field[i..<end])
            if UTF8Validation.firstInvalidOffset(in: run) == nil {
                out += run
            } else {
                for byte in run {
                    let utf8 = table[Int(byte) - 0x80]
                    if utf8.isEmpty {
                        undefined += 1
                        out += replacement
                    } else {
                        out += utf8
                        if let letter = scalars[Int(byte) - 0x80], !letters.contains(letter) { letters.append(letter) }
                    }
                }
            }
            i = end
        }
        return (out, undefined, letters)
    }

    /// Where the input ended inside a UTF-16 character (an odd byte, or half a surrogate pair):
    /// the file was cut off there. Not among `invalidPlaces`.
    private(set) var cutOffPlace: (line: Int, column: Int)? = nil

    /// Flushes what is left at the end of the input (an odd trailing byte is invalid).
    mutating func finish(into output: inout [UInt8]) {
        if !carry.isEmpty || pendingHighSurrogate != nil {
            invalidCount += 1
            cutOffPlace = (position.line, position.field)
            position.advance(0x80)
            output.append(contentsOf: Self.replacement)
            carry.removeAll()
            pendingHighSurrogate = nil
        }
    }

    private mutating func noteInvalid() {
        invalidCount += 1
        if invalidPlaces.last?.line != position.line && invalidPlaces.count < 1000 {
            invalidPlaces.append((position.line, position.field))
        }
        position.advance(0x80)
    }

    private mutating func transcodeUTF16(_ input: UnsafeRawBufferPointer, bigEndian: Bool, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + input.count * 3 / 2)
        var index = 0
        func nextUnit() -> UInt16? {
            var bytes: (UInt8, UInt8)
            if !carry.isEmpty {
                guard index < input.count else { return nil }
                bytes = (carry[0], input[index])
                carry.removeAll()
                index += 1
            } else {
                guard index + 1 < input.count else {
                    if index < input.count { carry = [input[index]]; index += 1 }
                    return nil
                }
                bytes = (input[index], input[index + 1])
                index += 2
            }
            return bigEndian ? UInt16(bytes.0) << 8 | UInt16(bytes.1) : UInt16(bytes.1) << 8 | UInt16(bytes.0)
        }
        while let unit = nextUnit() {
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if (0xDC00...0xDFFF).contains(unit) {
                    let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                    appendScalar(value, into: &output)
                    position.advance(0x80)
                    continue
                }
                noteInvalid()
                output.append(contentsOf: Self.replacement)
            }
            switch unit {
            case 0xD800...0xDBFF:
                pendingHighSurrogate = unit
            case 0xDC00...0xDFFF:
                noteInvalid()
                output.append(contentsOf: Self.replacement)
            default:
                position.advance(unit < 0x80 ? UInt8(unit) : 0x80)
                appendScalar(UInt32(unit), into: &output)
            }
        }
    }

    private func appendScalar(_ value: UInt32, into output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}

/// The line and the field within the record that text has got to, told from its ASCII bytes as
/// the CSV reader reads them (a quote opens a quoted field only at its start, `""` inside one is a
/// quote, a line break inside one does not end the record), so that a message about undecodable
/// bytes names their column. Lines are counted as the reader counts them: LF, CRLF and a CR alone
/// each end one; with `carriageReturnOnly` (old Mac files) only a CR ends a record.
struct FieldPosition {
    let delimiter: UInt8
    let quote: UInt8
    var carriageReturnOnly = false
    private(set) var line = 1
    /// 1-based.
    private(set) var field = 1
    private var atFieldStart = true
    private var inQuotes = false
    /// A quote closed the quoted field just now (another one makes it a quote in the text).
    private var closedQuote = false
    /// The last byte was a CR (the LF of a CRLF is no second line break).
    private var afterCR = false

    init(delimiter: UInt8, quote: UInt8, carriageReturnOnly: Bool = false, line: Int = 1) {
        self.delimiter = delimiter
        self.quote = quote
        self.carriageReturnOnly = carriageReturnOnly
        self.line = line
    }

    /// One byte of the text; any non-ASCII byte may be given as 0x80.
    @inline(__always)
    mutating func advance(_ byte: UInt8) {
        if byte == 0x0A || byte == 0x0D {
            if !(byte == 0x0A && afterCR) { line += 1 }
            afterCR = byte == 0x0D
            if !inQuotes && (byte == 0x0D || !carriageReturnOnly) {
                field = 1
                atFieldStart = true
                closedQuote = false
            }
            return
        }
        afterCR = false
        if byte == quote {
            if inQuotes {
                inQuotes = false
                closedQuote = true
            } else if closedQuote || atFieldStart {
                inQuotes = true
                closedQuote = false
            }
            atFieldStart = false
        } else if byte == delimiter && !inQuotes {
            field += 1
            atFieldStart = true
            closedQuote = false
        } else {
            atFieldStart = false
            closedQuote = false
        }
    }
}
