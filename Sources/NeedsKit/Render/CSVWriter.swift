/// Writes RFC 4180 CSV for partners who open it in Excel: fields quoted when needed, and text from
/// the inputs that starts with `=`, `+`, `-`, `@`, tab or CR prefixed with `'` so Excel does not run
/// it as a formula (OWASP CSV injection), but for a plain negative number (`-1`, `-0.5`). Figures
/// are written as they are.
public struct CSVWriter {
    public let delimiter: Character
    /// Excel in Baltic locales expects `;` and a BOM to read UTF-8 (`--excel`).
    public let byteOrderMark: Bool
    /// The CSV so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    let delimiterByte: UInt8
    private var rowStarted = false
    /// Figures with a decimal part are written `4,5` (`--excel`: Excel in a Baltic or Russian
    /// locale reads `4.5` as text, which then sorts and sums as text).
    public var decimalComma = false
    /// Text cells keep the characters the reports leave out (`field(_:neutralise:)`): clean/ is
    /// the record of what was written, so the cleaning log's `Tal\u{1}linn is not a municipality`
    /// must not read `Tallinn is not a municipality`, nor a comment lose its U+202E.
    public var keepsHidden = false

    public init(delimiter: Character = ",", byteOrderMark: Bool = false) {
        precondition(delimiter.isASCII, "CSV delimiters are ASCII")
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
        delimiterByte = delimiter.asciiValue!
        if byteOrderMark { bytes = [0xEF, 0xBB, 0xBF] }
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public enum Cell {
        /// Text that came from an input or a label: quoted as needed and neutralised.
        case text(String)
        /// A number or code the program formatted: written as is.
        case figure(String)
    }

    public mutating func row(_ cells: [Cell]) {
        for cell in cells {
            switch cell {
            case let .text(value): field(value, neutralise: true)
            case let .figure(value): field(decimalComma ? Self.withDecimalComma(value) : value, neutralise: false)
            }
        }
        endRow()
    }

    public mutating func row(texts: [String]) { row(texts.map(Cell.text)) }

    /// `-12.5` as `-12,5`; anything that is not a number with a decimal part (a code, a date, a
    /// topic key such as `legal.status`) as it is.
    static func withDecimalComma(_ value: String) -> String {
        var utf8 = Array(value.utf8)
        var start = 0
        if utf8.first == UInt8(ascii: "-") { start = 1 }
        guard let dot = utf8.firstIndex(of: UInt8(ascii: ".")), dot > start, dot < utf8.count - 1 else { return value }
        let isDigit = { (b: UInt8) in (0x30...0x39).contains(b) }
        guard utf8[start..<dot].allSatisfy(isDigit), utf8[(dot + 1)...].allSatisfy(isDigit) else { return value }
        utf8[dot] = UInt8(ascii: ",")
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Appends one field to the current row: quoted when it holds the delimiter, a quote or a
    /// line break, or starts or ends with a space; with `neutralise`, a leading formula character
    /// is prefixed with `'` (OWASP's advice for CSV injection), and the characters the reports
    /// leave out of text from the inputs (`ReportDocument.isHidden`: controls but tab and line
    /// ends, U+FFFE/U+FFFF, bidirectional overrides and isolates) are left out here too, a
    /// vertical tab, form feed or NEL becoming a space: a label's U+202E turned the rest of its
    /// cell around in Excel (`=cmd|' /C calc'!A0` read backwards), and a U+0001 showed as a box.
    /// clean/'s writers keep them (`keepsHidden`).
    public mutating func field(_ value: String, neutralise: Bool) {
        var value = value
        if neutralise && !keepsHidden && value.withUTF8(Self.holdsHidden) { value = Self.withoutHidden(value) }
        if rowStarted { bytes.append(delimiterByte) }
        rowStarted = true
        value.withUTF8 { utf8 in
            let n = utf8.count
            guard n > 0 else { return }
            let prefix = neutralise && Self.isFormulaStart(utf8[0]) && !Self.isNegativeNumber(utf8)
            var quote = (!prefix && utf8[0] == 0x20) || utf8[n - 1] == 0x20
            var quotes = 0
            for b in utf8 where b == delimiterByte || b == 0x22 || b == 0x0A || b == 0x0D {
                quote = true
                if b == 0x22 { quotes += 1 }
            }
            if quote { bytes.append(0x22) }
            if prefix { bytes.append(0x27) }
            if quotes == 0 {
                bytes.append(contentsOf: utf8)
            } else {
                for b in utf8 {
                    if b == 0x22 { bytes.append(0x22) }
                    bytes.append(b)
                }
            }
            if quote { bytes.append(0x22) }
        }
    }

    /// One field holding `parts` joined by spaces (choice names), as `field(parts.joined(separator:
    /// " "), neutralise: true)` would write it, without building the joined text.
    public mutating func field(joining parts: [String]) {
        guard parts.count > 1 else { return field(parts.first ?? "", neutralise: true) }
        var plain = true
        for part in parts {
            var part = part
            part.withUTF8 { utf8 in
                // Quotes, delimiters, line breaks or spaces at either end need the general path.
                if utf8.isEmpty || utf8[0] == 0x20 || utf8[utf8.count - 1] == 0x20 { plain = false }
                if Self.holdsHidden(utf8) { plain = false }
                for b in utf8 where b == delimiterByte || b == 0x22 || b == 0x0A || b == 0x0D { plain = false }
            }
            if !plain { break }
        }
        guard plain, let first = parts.first?.utf8.first, !Self.isFormulaStart(first) else {
            return field(parts.joined(separator: " "), neutralise: true)
        }
        if rowStarted { bytes.append(delimiterByte) }
        rowStarted = true
        for (k, part) in parts.enumerated() {
            if k > 0 { bytes.append(0x20) }
            bytes.append(contentsOf: part.utf8)
        }
    }

    /// Appends whole rows another writer of the same dialect encoded, row ends included.
    mutating func rows(_ encoded: UnsafeRawBufferPointer) {
        precondition(!rowStarted, "whole rows are appended between rows")
        bytes.append(contentsOf: encoded)
    }

    /// A fresh writer of the same dialect, without a byte-order mark: encodes fields once, for
    /// rows assembled from them (`CleanRowSink`).
    public func encoder() -> CSVWriter {
        var encoder = CSVWriter(delimiter: delimiter)
        encoder.keepsHidden = keepsHidden
        return encoder
    }

    /// Ends the current row with CRLF.
    public mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        rowStarted = false
    }

    /// Overwrites bytes already written, from `offset` on (a correction of fixed width).
    mutating func overwrite(at offset: Int, with replacement: UnsafeRawBufferPointer) {
        for (k, byte) in replacement.enumerated() { bytes[offset + k] = byte }
    }

    /// Hands the bytes written so far to `body` and forgets them (streaming a large table).
    public mutating func drain(_ body: ([UInt8]) -> Void) {
        body(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Whether UTF-8 text holds a character `ReportDocument.isHidden` names: a C0 control but tab,
    /// LF and CR, DEL or a C1 control (C2 80-9F), U+202A-U+202E (E2 80 AA-AE), U+2066-U+2069
    /// (E2 81 A6-A9), U+FFFE or U+FFFF (EF BF BE-BF). Read from the bytes, as most cells hold none.
    static func holdsHidden(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = utf8.count
        var k = 0
        while k < n {
            let b = utf8[k]
            switch b {
            case 0x09, 0x0A, 0x0D: break
            case 0x00...0x1F, 0x7F: return true
            case 0xC2 where k + 1 < n && (0x80...0x9F).contains(utf8[k + 1]): return true
            case 0xE2 where k + 2 < n && utf8[k + 1] == 0x80 && (0xAA...0xAE).contains(utf8[k + 2]): return true
            case 0xE2 where k + 2 < n && utf8[k + 1] == 0x81 && (0xA6...0xA9).contains(utf8[k + 2]): return true
            case 0xEF where k + 2 < n && utf8[k + 1] == 0xBF && (0xBE...0xBF).contains(utf8[k + 2]): return true
            default: break
            }
            k += 1
        }
        return false
    }

    /// `value` without the characters `ReportDocument.isHidden` names; a vertical tab, form feed
    /// or NEL, which Excel shows as a box where the form meant a line break, becomes a space (as
    /// in the reports). Tab, LF and CR stay: the field is quoted around them.
    static func withoutHidden(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for ch in value {
            if ch == "\t" || ch == "\n" || ch == "\r" || ch == "\r\n" {
                out.append(ch)
            } else if ReportDocument.isHidden(ch) {
                if ch.isNewline { out.append(" ") }
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// `=`, `+`, `-`, `@`, tab or CR.
    @inline(__always)
    static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    /// `-` and digits, with a decimal part after one `.` or `,` (`-1`, `-0.5`, `-0,5`): a number
    /// Excel reads as one, not a formula, so it is written as it is. Anything more (`-1+cmd|…`,
    /// `-1e5`, `-.5`) is neutralised.
    static func isNegativeNumber(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count >= 2, utf8[0] == 0x2D else { return false }
        var digits = 0
        var separator = false
        for (k, b) in utf8.enumerated().dropFirst() {
            if b >= 0x30 && b <= 0x39 {
                digits += 1
            } else if (b == 0x2E || b == 0x2C) && !separator && digits > 0 && k < utf8.count - 1 {
                separator = true
            } else {
                return false
            }
        }
        return digits > 0
    }

    /// Prefixes a leading formula character with `'` (OWASP's advice for CSV injection).
    public static func neutralise(_ value: String) -> String {
        var value = value
        let plain = value.withUTF8 { utf8 in utf8.isEmpty || !isFormulaStart(utf8[0]) || isNegativeNumber(utf8) }
        return plain ? value : "'" + value
    }
}
