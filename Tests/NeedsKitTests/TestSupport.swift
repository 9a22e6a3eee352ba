import Foundation
import XCTest
import ZIPFoundation
@testable import NeedsKit

/// The repository root and the shared corpora beside it.
enum Paths {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let corpora = repository + "/../shared/corpora"
    static let inputs = repository + "/inputs"
}

/// A folder removed when the test ends.
/// Every byte a reader reads, in order, as the SHA-256 sees them (a `ByteObserver`).
final class ByteCollector: ByteObserver {
    var bytes: [UInt8] = []
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    deinit { buffer.deallocate() }
    func observe(_ more: UnsafeRawBufferPointer) { bytes += more }
    func lend() -> UnsafeMutableRawBufferPointer { buffer }
    func observeLent(_ count: Int) { bytes += buffer[0..<count] }
}

final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "needs-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes bytes to a file in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: file, contents: Data(bytes)), "cannot write \(file)")
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

/// Everything a read of one file produced.
struct ReadResult {
    var records: [(line: Int, fields: [String], quarantined: Bool, blank: Bool)] = []
    var diagnostics: [Diagnostic] = []
    var summary: FileReadSummary?
    var error: Error?

    var header: [String] { records.first?.fields ?? [] }
    var data: [(line: Int, fields: [String], quarantined: Bool, blank: Bool)] { Array(records.dropFirst()) }
    var codes: [String] { diagnostics.map(\.code) }
}

func readAll(_ path: String, options: ReaderOptions = ReaderOptions()) -> ReadResult {
    var result = ReadResult()
    do {
        result.summary = try CSVReader(path: path, options: options).read(diagnose: { result.diagnostics.append($0) }) { record in
            result.records.append((record.line, record.fields, record.quarantineReason != nil, record.isBlank))
        }
    } catch {
        result.error = error
    }
    return result
}

/// Encodes text in a single-byte code page through the library's own iconv-built tables' inverse.
func encode(_ text: String, as encoding: TextEncoding) -> [UInt8] {
    switch encoding {
    case .utf8: return Array(text.utf8)
    case .utf16LE: return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case .utf16BE: return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    default:
        let table = CodePage.table(for: encoding)
        var inverse: [Unicode.Scalar: UInt8] = [:]
        for (i, scalar) in table.enumerated() { if let scalar { inverse[scalar] = UInt8(0x80 + i) } }
        return text.unicodeScalars.map { scalar in
            if scalar.value < 0x80 { return UInt8(scalar.value) }
            guard let byte = inverse[scalar] else { fatalError("\(scalar) not in \(encoding)") }
            return byte
        }
    }
}

/// A cell of a figures table read by `csvTable`: the row of `scope` and `topic` (its first two
/// columns), under the column named `column`.
func figure(_ lines: [[String]], _ scope: String, _ topic: String, _ column: String) throws -> String {
    let row = try XCTUnwrap(lines.first { $0[0] == scope && $0[1] == topic }, "\(scope) \(topic)")
    return row[try XCTUnwrap(lines[0].firstIndex(of: column), column)]
}

/// A report's CSV table as rows of cells: the tables end their lines with CR LF, and the tests
/// that read them so hold no quoted cell.
func csvTable(_ path: String) throws -> [[String]] {
    try String(contentsOfFile: path, encoding: .utf8)
        .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

/// Respondents of Estonia's Tallinn (20 wanting intercultural training), Narva (2 wanting it)
/// and Tartu (4 not) and Latvia's Rīga (20 wanting it), importance 1 to 5 in turn, competence 2:
/// under `--weights municipality` Estonia pools Narva and Tartu in one row below `--min-cell`,
/// and Tallinn and that pool, one unit, weigh 26 / 2 each.
func pooledMunicipalitiesExport() -> String {
    var text = "country,municipality,imp_intercultural,comp_intercultural,training_wanted\n"
    for (country, place, n, wanted) in [("EE", "Tallinn", 20, "intercultural"), ("EE", "Narva", 2, "intercultural"),
                                        ("EE", "Tartu linn", 4, ""), ("LV", "Rīga", 20, "intercultural")] {
        for k in 0..<n { text += "\(country),\(place),\(k % 5 + 1),2,\(wanted)\n" }
    }
    return text
}

/// Writes an .xlsx workbook of sheets given as the XML of their rows.
/// `afterRows`: XML after a sheet's rows (its `<mergeCells>`), by the sheet's name.
func writeWorkbook(_ path: String, _ sheets: [(name: String, rows: String)], extra: [(part: String, xml: String)] = [],
                   workbookProperties: String = "", afterRows: [String: String] = [:]) throws {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    func add(_ name: String, _ xml: String) throws { try addPart(archive, name, xml) }
    let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    try add("xl/workbook.xml", "<workbook \(main)>\(workbookProperties)<sheets>" + sheets.indices.map {
        "<sheet name=\"\(sheets[$0].name)\" sheetId=\"\($0 + 1)\" r:id=\"R\($0)\"/>"
    }.joined() + "</sheets></workbook>")
    for (part, xml) in extra { try add(part, xml) }
    try add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + sheets.indices.map {
        "<Relationship Id=\"R\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/s\($0).xml\"/>"
    }.joined() + "</Relationships>")
    for (index, sheet) in sheets.enumerated() {
        try add("xl/worksheets/s\(index).xml", "<worksheet \(main)><sheetData>\(sheet.rows)</sheetData>\(afterRows[sheet.name] ?? "")</worksheet>")
    }
}

/// Adds a part (`xl/workbook.xml`) holding `xml` to a workbook being written.
func addPart(_ archive: Archive, _ name: String, _ xml: String) throws {
    let data = Data(xml.utf8)
    try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
    }
}

/// A row of inline-string cells; a cell written `#1.0` is the number cell `1.0`.
func workbookRow(_ number: Int, _ cells: [String]) -> String {
    "<row r=\"\(number)\">" + cells.enumerated().map { column, value in
        let reference = Sheet.columnLetter(column) + "\(number)"
        if value.hasPrefix("#") { return "<c r=\"\(reference)\"><v>\(value.dropFirst())</v></c>" }
        return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
    }.joined() + "</row>"
}
