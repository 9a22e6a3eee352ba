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
    /// Lines of output so far, to place undecodable bytes: LF, CR LF and CR alone (old Mac
    /// Excel) each end one.
    private var line = 1
    private var afterCR = false
    /// Lines holding undecodable bytes (first occurrences), and how many such bytes in all.
    private(set) var invalidLines: [Int] = []
    private(set) var invalidCount = 0

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `line`: the line the input starts on (a transcoder taking over in the middle of a file).
    init(encoding: TextEncoding, line: Int = 1) {
        self.encoding = encoding
        self.line = line
        if encoding.isSingleByte { singleByte = CodePage.utf8Table(for: encoding) }
    }

    /// Whether input passes through untouched.
    var isIdentity: Bool { encoding == .utf8 }

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
                    if byte == 0x0A || byte == 0x0D { countLineEnd(byte) } else { afterCR = false }
                    output.append(byte)
                } else {
                    afterCR = false
                    let utf8 = singleByte[Int(byte) - 0x80]
                    if utf8.isEmpty {
                        noteInvalid()
                        output.append(contentsOf: Self.replacement)
                    } else {
                        output.append(contentsOf: utf8)
                    }
                }
            }
        }
    }

    /// Flushes what is left at the end of the input (an odd trailing byte is invalid).
    mutating func finish(into output: inout [UInt8]) {
        if !carry.isEmpty || pendingHighSurrogate != nil {
            noteInvalid()
            output.append(contentsOf: Self.replacement)
            carry.removeAll()
            pendingHighSurrogate = nil
        }
    }

    private mutating func countLineEnd(_ byte: UInt8) {
        if byte == 0x0D || !afterCR { line += 1 }
        afterCR = byte == 0x0D
    }

    private mutating func noteInvalid() {
        invalidCount += 1
        if invalidLines.last != line && invalidLines.count < 1000 { invalidLines.append(line) }
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
                if unit == 0x0A || unit == 0x0D { countLineEnd(UInt8(unit)) } else { afterCR = false }
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
