/// Writes RFC 4180 CSV for partners who open it in Excel: fields quoted when needed, and text from
/// the inputs that starts with `=`, `+`, `-`, `@`, tab or CR prefixed with `'` so Excel does not run
/// it as a formula (OWASP CSV injection). Figures are written as they are.
public struct CSVWriter {
    public var delimiter: Character = ","
    /// Excel in Baltic locales expects `;` and a BOM to read UTF-8 (`--excel`).
    public var byteOrderMark = false
    private(set) public var text = ""

    public init(delimiter: Character = ",", byteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
        if byteOrderMark { text = "\u{FEFF}" }
    }

    public enum Cell {
        /// Text that came from an input or a label: quoted as needed and neutralised.
        case text(String)
        /// A number or code the program formatted: written as is.
        case figure(String)
    }

    public mutating func row(_ cells: [Cell]) {
        var first = true
        for cell in cells {
            if !first { text.append(delimiter) }
            first = false
            switch cell {
            case let .text(value): text += escape(Self.neutralise(value))
            case let .figure(value): text += escape(value)
            }
        }
        text += "\r\n"
    }

    public mutating func row(texts: [String]) { row(texts.map(Cell.text)) }

    /// Prefixes a leading formula character with `'` (OWASP's advice for CSV injection).
    public static func neutralise(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + value
        default: return value
        }
    }

    private func escape(_ value: String) -> String {
        let needsQuotes = value.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || value.hasPrefix(" ") || value.hasSuffix(" ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
