import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the sheets of an .xlsx workbook (Office Open XML): the ZIP container through
/// ZIPFoundation, the XML parts through Foundation's XMLParser. Cells come as text: shared and
/// inline strings as written, numbers as their stored text.
public enum XLSXWorkbook {
    public enum Failure: Error, CustomStringConvertible {
        case notAWorkbook(String, reason: String)

        public var description: String {
            switch self {
            case let .notAWorkbook(path, reason): return "\(path): not a readable .xlsx workbook: \(reason)"
            }
        }
    }

    /// The most a workbook's parts may unpack to, together. A workbook is read whole into memory:
    /// a ZIP archive of a few kilobytes can unpack to gigabytes (a damaged or hostile file), and
    /// even the largest sheet Google Sheets makes (10 million cells) is about 400 MB of XML.
    public static let unpackLimit = 1 << 30

    /// `1 GiB`, `512 MiB`, `1536 KiB`, `100 bytes`.
    static func byteSize(_ bytes: Int) -> String {
        for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift) \(unit)"
        }
        return "\(bytes) bytes"
    }

    /// Every sheet of the workbook by name, each with its header (first row) and rows.
    public static func sheets(at path: String, unpackLimit: Int = unpackLimit) throws -> [String: Sheet] {
        Dictionary(try orderedSheets(at: path, unpackLimit: unpackLimit).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every sheet of the workbook, in the workbook's order.
    public static func orderedSheets(at path: String, unpackLimit: Int = unpackLimit) throws -> [Sheet] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            // An XLSForm saved as Excel 97-2003 (.xls, an OLE2 compound file), as pyxform also reads.
            let head = FileHandle(forReadingAtPath: path).map { handle in defer { try? handle.close() }; return handle.readData(ofLength: 8) }
            if head.map(Array.init) == BinarySignature.oldExcelWorkbook {
                throw Failure.notAWorkbook(path, reason: "an Excel 97-2003 workbook (.xls), which `needs` does not read; save it as an .xlsx workbook (Excel Workbook) or its sheets as CSV")
            }
            var info = stat()
            let empty = stat(path, &info) == 0 && info.st_size == 0
            throw Failure.notAWorkbook(path, reason: empty ? "the file is empty (0 bytes)" : "not a ZIP archive")
        }
        // Counted as the parts unpack, not from the sizes the archive declares (which may lie).
        var unpacked = 0
        func part(_ name: String) throws -> Data? {
            guard let entry = archive[name] else { return nil }
            let tooLarge = Failure.notAWorkbook(path, reason: "its parts unpack to more than \(byteSize(unpackLimit)) "
                + "(`\(name)` reached it), more than `needs` reads into memory: a damaged archive, or a sheet too large "
                + "to read whole; save the sheet as CSV, which `needs` reads in flat memory however large")
            // (In unsigned arithmetic: a ZIP64 entry may declare up to 2^64 - 1 bytes. `unpacked` never
            // passes the limit, so the subtraction cannot.)
            guard entry.uncompressedSize <= UInt64(unpackLimit - unpacked) else { throw tooLarge }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                unpacked += chunk.count
                if unpacked > unpackLimit { throw tooLarge }
                data.append(chunk)
            }
            return data
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            // An OpenDocument spreadsheet (LibreOffice's .ods) names itself in its first part.
            if let type = try part("mimetype"), String(decoding: type, as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
                throw Failure.notAWorkbook(path, reason: "an OpenDocument spreadsheet, .ods: save it as .xlsx or CSV")
            }
            throw Failure.notAWorkbook(path, reason: "no xl/workbook.xml")
        }
        // A part whose XML breaks off or is malformed is a damaged workbook, said as one: read up
        // to the break, a choices sheet cut short had lost choices without a word (a helper's probe).
        func parsed<Delegate: XMLParserDelegate>(_ name: String, _ delegate: Delegate) throws -> Delegate? {
            guard let xml = try part(name) else { return nil }
            try run(xml, delegate, part: name, path: path)
            return delegate
        }
        let relations = try parsed("xl/_rels/workbook.xml.rels", ElementCollector(element: "Relationship")).map(relationMap) ?? [:]
        func partName(_ target: String) -> String {
            target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        // The shared strings where the workbook's relations put them (some writers do not use
        // the usual name), else at the usual place.
        let stringsPart = relations.values.first { $0.type.hasSuffix("/sharedStrings") }.map { partName($0.target) }
        let sharedStrings = try (parsed(stringsPart ?? "xl/sharedStrings.xml", SharedStringsParser())
            ?? parsed("xl/sharedStrings.xml", SharedStringsParser()))?.strings ?? []
        let stylesPart = relations.values.first { $0.type.hasSuffix("/styles") }.map { partName($0.target) }
        let styles = try parsed(stylesPart ?? "xl/styles.xml", StylesParser()) ?? parsed("xl/styles.xml", StylesParser())
        let dateStyles = styles.map(dateStyles) ?? []
        let percentStyles = styles.map(percentStyles) ?? [:]
        let properties = ElementCollector(element: "workbookPr")
        try run(workbookXML, properties, part: "xl/workbook.xml", path: path)
        let date1904 = properties.attributes.contains { ["1", "true"].contains($0["date1904"]?.lowercased()) }
        var result: [Sheet] = []
        let sheetList = ElementCollector(element: "sheet")
        try run(workbookXML, sheetList, part: "xl/workbook.xml", path: path)
        for (name, relationID) in sheetNames(sheetList) {
            guard let relation = relations[relationID] else { continue }
            let sheetPart = partName(relation.target)
            guard let worksheet = try parsed(sheetPart, WorksheetParser(sharedStrings: sharedStrings, dateStyles: dateStyles,
                                                                         percentStyles: percentStyles, date1904: date1904))
            else { continue }
            if let (cell, index) = worksheet.missingString {
                throw Failure.notAWorkbook(path, reason: "cell \(cell) of sheet `\(name)` refers to shared string \(index), but the workbook "
                    + "has \(sharedStrings.count) (its `sharedStrings.xml` is missing or damaged); open it in Excel and save it again, or save "
                    + "its sheets as CSV")
            }
            let (grid, percents) = (worksheet.rows, worksheet.percents)
            guard let first = grid.first else {
                var sheet = Sheet(name: name, source: "\(path)#\(name)", header: [], rows: [])
                sheet.inWorkbook = true
                result.append(sheet)
                continue
            }
            // A label typed `10%` is the number 0.1 styled as a percentage: read as Excel shows it,
            // as the designer wrote it, in the label columns alone. Names and other cells stay
            // the number pyxform reads (0.1), which is what the tools' exports hold.
            let labelColumns = Set(first.cells.indices.filter { isLabelHeading(first.cells[$0]) })
            var stored: [Int: [Int: String]] = [:]
            let rows = grid.dropFirst().map { row -> (number: Int, cells: [String]) in
                var cells = row.cells
                for (column, text) in percents[row.number] ?? [:] where labelColumns.contains(column) && column < cells.count {
                    stored[row.number, default: [:]][column] = cells[column]
                    cells[column] = text
                }
                return (row.number, cells)
            }
            var sheet = Sheet(name: name, source: "\(path)#\(name)", header: first.cells, rows: rows)
            sheet.storedNumbers = stored
            sheet.inWorkbook = true
            sheet.headerRow = first.number
            sheet.merges = worksheet.merges
            result.append(sheet)
        }
        return result
    }

    private static func sheetNames(_ delegate: ElementCollector) -> [(String, String)] {
        delegate.attributes.compactMap { attributes in
            guard let name = attributes["name"],
                  let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value
            else { return nil }
            return (name, id)
        }
    }

    private static func relationMap(_ delegate: ElementCollector) -> [String: (target: String, type: String)] {
        var map: [String: (target: String, type: String)] = [:]
        for attributes in delegate.attributes {
            if let id = attributes["Id"], let target = attributes["Target"] { map[id] = (target, attributes["Type"] ?? "") }
        }
        return map
    }

    /// An element's name without its namespace prefix (`x:row` → `row`, as the Open XML SDK writes).
    static func localName(_ name: String) -> Substring {
        name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
    }


    /// A column of text shown to respondents, `label` or `label::Language (code)`, and likewise `hint`.
    static func isLabelHeading(_ heading: String) -> Bool {
        let key = heading.trimmingSpaces.lowercased()
        return key == "label" || key.hasPrefix("label::") || key == "hint" || key.hasPrefix("hint::")
    }


    /// The cell styles that show a number as a percentage, with the decimals shown: Excel's
    /// built-in `0%` (9) and `0.00%` (10), and any format of the workbook's own with a `%`
    /// outside quotes in its first section (`0.0%`).
    private static func percentStyles(_ styles: StylesParser) -> [Int: Int] {
        let custom = Dictionary(styles.formats, uniquingKeysWith: { first, _ in first })
        func decimals(_ id: Int) -> Int? {
            if id == 9 { return 0 }
            if id == 10 { return 2 }
            guard let code = custom[id] else { return nil }
            var inQuotes = false, escaped = false, percent = false, afterPoint = false, places = 0
            for character in code {
                if escaped { escaped = false; continue }
                switch character {
                case "\\": escaped = true
                case "\"": inQuotes.toggle()
                case ";" where !inQuotes: return percent ? places : nil
                case "%" where !inQuotes: percent = true
                case "." where !inQuotes: afterPoint = true
                case "0", "#", "?": if !inQuotes && afterPoint { places += 1 }
                default: break
                }
            }
            return percent ? places : nil
        }
        var result: [Int: Int] = [:]
        for (style, format) in styles.cellFormats.enumerated() { if let places = decimals(format) { result[style] = places } }
        return result
    }

    /// A percentage cell's number as Excel shows it (`0.1` with `0%` is `10%`, with `0.0%`
    /// `10.0%`), with `.` for the decimal point as every figure of `needs`; nil for no number.
    static func percentText(_ text: String, decimals: Int) -> String? {
        guard let number = Double(text), number.isFinite else { return nil }
        // Halves away from zero, as Excel rounds what it shows (0.125 with `0%` is 13%), on the
        // number's fifteen significant digits as Excel shows it: in binary 0.285 × 100 is
        // 28.499999999999996, which rounded to 28% where Excel shows 29%.
        guard var percent = Decimal(string: String(format: "%.15g", number * 100), locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &percent, decimals, .plain)
        return String(format: "%.\(decimals)f%%", NSDecimalNumber(decimal: rounded).doubleValue)
    }

    /// Parses one part; XML that breaks off or is malformed throws, naming the part and where.
    private static func run(_ xml: Data, _ delegate: XMLParserDelegate, part: String, path: String) throws {
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        // (Foundation on Linux reports an XML error in `parserError`, and `parse` may still say true.)
        if parser.parse() && parser.parserError == nil { return }
        throw Failure.notAWorkbook(path, reason: "its part `\(part)` is damaged (its XML breaks off or is malformed at line "
            + "\(parser.lineNumber), column \(parser.columnNumber)); open it in Excel and save it again, or save its sheets as CSV")
    }

    /// The cell styles (indexes into `cellXfs`, a cell's `s`) that show a number as a date or
    /// time: Excel's built-in date formats (14-22, 45-47) and any format of the workbook's own
    /// whose code has a day, month, year, hour or second outside quotes and brackets.
    private static func dateStyles(_ delegate: StylesParser) -> Set<Int> {
        let custom = Dictionary(delegate.formats, uniquingKeysWith: { first, _ in first })
        func isDate(_ id: Int) -> Bool {
            if (14...22).contains(id) || (45...47).contains(id) { return true }
            guard let code = custom[id] else { return false }
            var inQuotes = false, inBrackets = false, escaped = false
            for character in code.lowercased() {
                if escaped { escaped = false; continue }
                switch character {
                case "\\": escaped = true
                case "\"": inQuotes.toggle()
                case "[" where !inQuotes: inBrackets = true
                case "]" where !inQuotes: inBrackets = false
                case "d", "m", "y", "h", "s": if !inQuotes && !inBrackets { return true }
                default: break
                }
            }
            return false
        }
        return Set(delegate.cellFormats.indices.filter { isDate(delegate.cellFormats[$0]) })
    }

    /// A date cell's number (days since the workbook's epoch, the time as the fraction) as the
    /// date it shows, `2025-01-01`, with its time when it has one (`2025-01-01 09:30:00`, a time
    /// alone `09:30:00`); nil for a number no date can be.
    static func dateText(_ text: String, date1904: Bool) -> String? {
        guard let serial = Double(text), serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 { days += 1; seconds = 0 }
        let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        // Day 0 is no date a form means (0 January 1900, or 1 January 1904): a time alone.
        if days == 0 { return time }
        // Days from 1970-01-01: the 1900 system counts from 1899-12-30 (Excel's 29 February 1900,
        // serial 60, aside), the 1904 system from 1904-01-01.
        let unixDays = date1904 ? days - 24_107 : days - 25_569 + (days < 61 ? 1 : 0)
        let (year, month, day) = SubmissionDate.civilDate(unixDays: unixDays)
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        return seconds == 0 ? date : date + " " + time
    }

    /// A string cell's text with Excel's escapes read (ECMA-376 ST_Xstring): a character XML
    /// cannot hold as written is stored `_xHHHH_`, as Excel stores the carriage return of a label
    /// pasted from a Windows text (`How important is it?_x000D_` and a line break), and a text
    /// holding such a sequence itself has its `_` written `_x005F_`. Read as stored, the label
    /// showed `_x000D_` in the reports and matched no export's heading.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               scalars[(i + 2)..<(i + 6)].allSatisfy(\.properties.isASCIIHexDigit),
               let scalar = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16).flatMap(Unicode.Scalar.init) {
                result.append(scalar)
                i += 7
            } else {
                result.append(scalars[i])
                i += 1
            }
        }
        return String(result)
    }

    /// The column index of a cell reference: `B7` → 1.
    static func columnIndex(of reference: String) -> Int? {
        var index = 0
        var sawLetter = false
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) || (97...122).contains(scalar.value) else { break }
            index = index * 26 + Int((scalar.value & 0xDF) - 64)
            sawLetter = true
        }
        return sawLetter ? index - 1 : nil
    }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    let element: String
    var attributes: [[String: String]] = []

    init(element: String) { self.element = element }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        if name == element || name.hasSuffix(":" + element) { self.attributes.append(attributes) }
    }
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        switch XLSXWorkbook.localName(name) {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && !inPhonetic { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXWorkbook.localName(name) {
        case "si": strings.append(XLSXWorkbook.unescaped(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

final class StylesParser: NSObject, XMLParserDelegate {
    /// The workbook's own number formats: id and format code.
    var formats: [(Int, String)] = []
    /// Each cell style's number format, in `cellXfs` order.
    var cellFormats: [Int] = []
    private var inCellFormats = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        switch XLSXWorkbook.localName(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { formats.append((id, code)) }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if XLSXWorkbook.localName(name) == "cellXfs" { inCellFormats = false }
    }
}

private final class WorksheetParser: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    /// Styles showing a number as a percentage, with their decimals.
    let percentStyles: [Int: Int]
    let date1904: Bool
    /// The text Excel shows for each percentage cell, by row number and column.
    var percents: [Int: [Int: String]] = [:]
    private var cellStyle = 0
    var rows: [(number: Int, cells: [String])] = []
    /// The sheet's merged ranges (`<mergeCell ref="A2:A7"/>`).
    var merges: [Sheet.Merge] = []
    private var cells: [String] = []
    private var rowNumber = 0
    private var cellColumn = 0
    private var cellType = ""
    private var text = ""
    private var collecting = false
    private var cellReference = ""
    /// The first cell (its reference) whose shared string is not in the workbook, and the index.
    var missingString: (cell: String, index: Int)? = nil

    init(sharedStrings: [String], dateStyles: Set<Int>, percentStyles: [Int: Int], date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.percentStyles = percentStyles
        self.date1904 = date1904
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        switch XLSXWorkbook.localName(name) {
        case "row":
            cells = []
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
        case "c":
            cellColumn = attributes["r"].flatMap(XLSXWorkbook.columnIndex(of:)) ?? cells.count
            cellReference = attributes["r"] ?? "\(Sheet.columnLetter(cellColumn))\(rowNumber)"
            cellType = attributes["t"] ?? ""
            cellStyle = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
        case "v", "t":
            collecting = true
        case "mergeCell":
            if let merge = attributes["ref"].flatMap(Sheet.Merge.init(reference:)) { merges.append(merge) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXWorkbook.localName(name) {
        case "v", "t":
            collecting = false
        case "c":
            var value = text
            if cellType == "s", let index = Int(text.trimmingCharacters(in: .whitespaces)) {
                if index >= 0 && index < sharedStrings.count {
                    value = sharedStrings[index]
                } else {
                    if missingString == nil { missingString = (cellReference, index) }
                    value = ""
                }
            } else if cellType == "inlineStr" || cellType == "str" {
                value = XLSXWorkbook.unescaped(text)
            } else if cellType == "b" {
                value = text == "1" ? "TRUE" : "FALSE"
            } else if cellType == "" || cellType == "n" {
                // A date as the date Excel shows, not its day count: a version typed 2025-01 is
                // made a date by Excel, and was read 45658.
                value = dateStyles.contains(cellStyle) ? XLSXWorkbook.dateText(text, date1904: date1904) ?? text : Self.numberText(text)
                if let places = percentStyles[cellStyle], let shown = XLSXWorkbook.percentText(text, decimals: places) {
                    percents[rowNumber, default: [:]][cellColumn] = shown
                }
            }
            while cells.count < cellColumn { cells.append("") }
            if cellColumn < cells.count { cells[cellColumn] = value } else { cells.append(value) }
        case "row":
            rows.append((rowNumber, cells))
        default: break
        }
    }

    /// A number cell's text as pyxform reads it: a whole number without its fraction (`1.0`,
    /// `5E0` → `1`, `5`, as a sheet written by pandas or another library stores choice names),
    /// so that choice names match the values the form tool exports; any other number as stored.
    ///
    /// Any other number is written as the shortest text that reads back as it, as pyxform's
    /// Python does: Excel stores a typed 1.1 as `1.1000000000000001` and 2.2 as
    /// `2.2000000000000002` (seventeen digits), which was read as written, so a topic or choice
    /// numbered 1.1 matched nothing written 1.1.
    static func numberText(_ text: String) -> String {
        guard text.contains(where: { $0 == "." || $0 == "E" || $0 == "e" }), let number = Double(text),
              number.isFinite else { return text }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
