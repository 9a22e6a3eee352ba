/// One sheet of an XLSForm (survey, choices or settings): a header row and the rows below it,
/// each with the 1-based row number it has in the workbook or CSV file.
public struct Sheet: Sendable {
    public var name: String
    /// Where the sheet came from, for messages: `survey.csv` or `form.xlsx#survey`.
    public var source: String
    public var header: [String]
    public var rows: [(number: Int, cells: [String])]
    /// A sheet of an .xlsx workbook, whose designer finds a cell by its letter and row (`I7`).
    public var inWorkbook = false
    /// The row number of the header in a workbook's sheet (its first row that holds a cell).
    public var headerRow = 1
    /// Label cells read as Excel shows them (`10%`): the number each holds as stored (`0.1`), by
    /// row number and column, which is how pyxform reads it and a tool's labels export writes it.
    public var storedNumbers: [Int: [Int: String]] = [:]
    /// A workbook sheet's merged ranges, whose value Excel keeps in the top left cell alone.
    public var merges: [Merge] = []

    /// A merged range of cells: rows (1-based, as numbered in the sheet) and columns (0-based).
    public struct Merge: Sendable, Equatable {
        public var top: Int, bottom: Int, left: Int, right: Int

        /// A range as a sheet writes it, `A2:A7`; nil for anything else.
        init?(reference: String) {
            let ends = reference.split(separator: ":")
            guard ends.count == 2, let from = Self.cell(ends[0]), let to = Self.cell(ends[1]) else { return nil }
            (top, bottom, left, right) = (min(from.row, to.row), max(from.row, to.row), min(from.column, to.column), max(from.column, to.column))
        }

        private static func cell(_ text: Substring) -> (row: Int, column: Int)? {
            let letters = text.prefix { $0.isASCII && $0.isLetter }
            guard let column = XLSXWorkbook.columnIndex(of: String(text)), let row = Int(text.dropFirst(letters.count)), row > 0
            else { return nil }
            return (row, column)
        }
    }

    /// Nothing in it at all (a file of 0 bytes, or blank lines): said so rather than which
    /// columns it lacks.
    var isEmpty: Bool {
        let blank = { (cells: [String]) in cells.allSatisfy { $0.trimmingSpaces.isEmpty } }
        return blank(header) && rows.allSatisfy { blank($0.cells) }
    }

    public init(name: String, source: String, header: [String], rows: [(number: Int, cells: [String])]) {
        self.name = name
        self.source = source
        self.header = header
        self.rows = rows
    }

    /// The index of a column, matched without regard to case or surrounding spaces.
    public func column(_ name: String) -> Int? {
        let wanted = name.lowercased()
        return header.firstIndex { $0.trimmingSpaces.lowercased() == wanted }
    }

    /// Column indexes whose header starts with `prefix` (e.g. `label::`), case-insensitively.
    public func columns(withPrefix prefix: String) -> [(index: Int, suffix: String)] {
        let wanted = prefix.lowercased()
        return header.enumerated().compactMap { index, title in
            let trimmed = title.trimmingSpaces
            guard trimmed.lowercased().hasPrefix(wanted) else { return nil }
            return (index, String(trimmed.dropFirst(prefix.count)))
        }
    }

    /// The 1-based spreadsheet column letter of an index, for messages: 0 → A, 26 → AA.
    public static func columnLetter(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, line breaks, NBSP) and
    /// invisible characters (a zero-width space, a soft hyphen, a direction mark or a byte order
    /// mark pasted from a web page or Word: Unicode's default-ignorable code points).
    public var trimmingSpaces: String {
        // Most values have nothing to trim: decided on the first and last byte, no copy.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        if isEmpty { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrInvisible }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrInvisible })!
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// White space, or a character that shows nothing (`TextKey` leaves these out of its keys).
    var isSpaceOrInvisible: Bool { properties.isWhitespace || properties.isDefaultIgnorableCodePoint }
}

extension Array where Element == String {
    /// The cell at `index`, or "" past the end of a short row.
    public func cell(_ index: Int?) -> String {
        guard let index, index < count else { return "" }
        return self[index]
    }
}
