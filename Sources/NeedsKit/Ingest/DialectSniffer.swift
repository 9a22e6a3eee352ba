/// How a file's records are written: delimiter, quote and line ends.
public struct Dialect: Sendable, Equatable {
    public enum LineEnding: String, Sendable, Codable {
        case crlf = "CRLF", lf = "LF", cr = "CR"
    }

    /// How the delimiter was decided.
    public enum Evidence: String, Sendable, Codable {
        /// Excel's `sep=X` first line.
        case sepLine = "sep-line"
        /// The candidate giving the most constant field count over the first records.
        case consistency
        /// Given by the user with `--delimiter`.
        case override
        /// Nothing to go on (one column, or an empty file): the comma.
        case fallback
    }

    public var delimiter: UInt8
    public var quote: UInt8 = UInt8(ascii: "\"")
    public var lineEnding: LineEnding
    public var evidence: Evidence
    /// Bytes of an Excel `sep=X` line at the start of the (decoded) text, to skip.
    public var sepLineLength: Int = 0
    /// The share of sampled records having the modal field count (1 when all agree).
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
    public var delimiterName: String {
        switch delimiter {
        case 0x09: return "tab"
        case 0x20: return "space"
        default: return String(UnicodeScalar(delimiter))
        }
    }

    /// Parses `--delimiter` (a character, or `tab`, `comma`, `semicolon`, `pipe`, `\t`).
    public static func delimiter(fromUser text: String) -> UInt8? {
        switch text.lowercased() {
        case "tab", "\\t", "\t": return 0x09
        case "comma": return UInt8(ascii: ",")
        case "semicolon": return UInt8(ascii: ";")
        case "pipe": return UInt8(ascii: "|")
        case "space": return 0x20
        default:
            let bytes = Array(text.utf8)
            return bytes.count == 1 && bytes[0] != UInt8(ascii: "\"") ? bytes[0] : nil
        }
    }
}

/// Guesses the dialect from the first records of decoded (UTF-8) text.
///
/// The delimiter is the candidate (`,` `;` tab `|`) that gives the most constant field count
/// across the sampled records, counting only delimiters outside quoted fields; more fields, then
/// the order above, break ties. An Excel `sep=X` first line decides outright.
///
///     let dialect = DialectSniffer.sniff(Array("a;b;c\n1;2,5;3\n".utf8))
///     // dialect.delimiter == UInt8(ascii: ";")
public enum DialectSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
    /// Records looked at.
    static let sampleRecords = 200

    public static func sniff(_ text: [UInt8], isWholeFile: Bool = false) -> Dialect {
        let lineEnding = detectLineEnding(text)
        if let (delimiter, length) = sepLine(text) {
            return Dialect(delimiter: delimiter, lineEnding: lineEnding, evidence: .sepLine, sepLineLength: length)
        }
        var best: (delimiter: UInt8, share: Double, fields: Int)? = nil
        for candidate in candidates {
            let counts = fieldCounts(text, delimiter: candidate, isWholeFile: isWholeFile)
            guard let (modal, share) = mode(of: counts), modal > 1 else { continue }
            let rounded = (share * 100).rounded() / 100
            if let current = best {
                if rounded > current.share || (rounded == current.share && modal > current.fields) {
                    best = (candidate, rounded, modal)
                }
            } else {
                best = (candidate, rounded, modal)
            }
        }
        if let best {
            return Dialect(delimiter: best.delimiter, lineEnding: lineEnding, evidence: .consistency, consistency: best.share)
        }
        return Dialect(delimiter: UInt8(ascii: ","), lineEnding: lineEnding, evidence: .fallback)
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

    /// Field counts of the first records, quote-aware, blank lines skipped. With a sample cut from
    /// a longer file, the last (possibly partial) record is left out.
    static func fieldCounts(_ text: [UInt8], delimiter: UInt8, isWholeFile: Bool) -> [Int] {
        let quote = UInt8(ascii: "\"")
        var counts: [Int] = []
        var fields = 1
        var fieldStart = true
        var inQuotes = false
        var lineHasContent = false
        var i = 0
        let n = text.count
        while i < n && counts.count < sampleRecords {
            let b = text[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < n && text[i + 1] == quote {
                        i += 1
                    } else {
                        inQuotes = false
                    }
                }
            } else if b == quote && fieldStart {
                inQuotes = true
                fieldStart = false
                lineHasContent = true
            } else if b == delimiter {
                fields += 1
                fieldStart = true
                lineHasContent = true
            } else if b == 0x0A || b == 0x0D {
                if lineHasContent { counts.append(fields) }
                fields = 1
                fieldStart = true
                lineHasContent = false
                if b == 0x0D && i + 1 < n && text[i + 1] == 0x0A { i += 1 }
            } else if b != 0x20 || delimiter == 0x20 {
                fieldStart = false
                lineHasContent = true
            }
            i += 1
        }
        if isWholeFile && lineHasContent && counts.count < sampleRecords { counts.append(fields) }
        return counts
    }

    /// The most frequent value and the share of entries having it.
    static func mode(of counts: [Int]) -> (Int, Double)? {
        guard !counts.isEmpty else { return nil }
        var tally: [Int: Int] = [:]
        for c in counts { tally[c, default: 0] += 1 }
        let best = tally.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }!
        return (best.key, Double(best.value) / Double(counts.count))
    }
}
