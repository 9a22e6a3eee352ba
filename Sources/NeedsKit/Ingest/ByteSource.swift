#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the reader's bytes come from.
protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    func close()
    /// Size and modification time, to notice a file changing while it is read (nil in memory).
    func fingerprint() -> [Int]?
}

/// Sees every byte of a file as it is read, in order, on the reading thread (the input's
/// SHA-256 is computed from them, so the file is read once). The reader reads a text file into
/// buffers the observer lends, so that the bytes are not copied again for it.
protocol ByteObserver: AnyObject {
    /// Bytes read elsewhere (the sample, a workbook), to copy if kept.
    func observe(_ bytes: UnsafeRawBufferPointer)
    /// A buffer for the next bytes; it stays the reader's until its next `lend` (its bytes are
    /// only read, by the reader and the observer alike).
    func lend() -> UnsafeMutableRawBufferPointer
    /// The lent buffer's first `count` bytes are the file's next (0: none, at the end).
    func observeLent(_ count: Int)
}

/// The reader's own buffer, when nothing observes its bytes.
final class ChunkBuffer: ByteObserver {
    private let buffer: UnsafeMutableRawBufferPointer

    init(size: Int) { buffer = .allocate(byteCount: size, alignment: 16) }
    deinit { buffer.deallocate() }

    func observe(_ bytes: UnsafeRawBufferPointer) {}
    func lend() -> UnsafeMutableRawBufferPointer { buffer }
    func observeLent(_ count: Int) {}
}

extension ByteSource {
    /// Reads the first `size` bytes (fewer at the end of the input).
    func readSample(_ size: Int) throws -> (bytes: [UInt8], atEnd: Bool) {
        var sample = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = try sample.withUnsafeMutableBytes {
                try read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if n == 0 {
                sample.removeSubrange(filled...)
                return (sample, true)
            }
            filled += n
        }
        return (sample, false)
    }
}

/// Bytes in memory as a source.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }

    func close() {}
    func fingerprint() -> [Int]? { nil }
}

/// A file opened for reading with read(2), so that memory stays flat whatever its size.
final class InputFile: ByteSource {
    let displayName: String
    private var descriptor: Int32

    /// Why `path`, which `stat` just refused (`errno` set), cannot be reached: a symbolic link to
    /// nothing (a share not mounted, a file moved) is named with where it leads; "No such file or
    /// directory" alone, of a file the user could see listed, sent them looking for a typo.
    /// `link`: that link's target, which names local folders (`/home/mari.tamm/…`): the reports
    /// name it by its last component (`InputFiles.cannotRead`).
    static func unreachable(_ path: String) -> String {
        let why = unreachableLink(path)
        return why.link.map { Self.linkUnreachable(to: $0, why.reason) } ?? why.reason
    }

    static func unreachableLink(_ path: String) -> (reason: String, link: String?) {
        let reason = String(cString: strerror(errno))
        var info = stat()
        var target = [CChar](repeating: 0, count: 4096)
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return (reason, nil) }
        let n = readlink(path, &target, target.count)
        guard n > 0 else { return (reason, nil) }
        return (reason, Diagnostic.escapingControls(String(decoding: target[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)))
    }

    static func linkUnreachable(to target: String, _ reason: String) -> String {
        "it is a symbolic link to \(target), which cannot be reached (\(reason))"
    }

    init(path: String, displayName: String) throws {
        self.displayName = displayName
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ReaderError.cannotOpen(file: displayName, reason: Self.unreachable(path))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            // Named for what it is: a folder given where a file is read (`needs rows responses/`).
            let kind: String
            switch info.st_mode & S_IFMT {
            case S_IFDIR: kind = "a folder, not a file"
            case S_IFCHR, S_IFBLK: kind = "a device, not a file"
            case S_IFSOCK: kind = "a socket, not a file"
            default: kind = "not a regular file"
            }
            throw ReaderError.cannotOpen(file: displayName, reason: kind)
        }
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ReaderError.cannotOpen(file: displayName, reason: String(cString: strerror(errno)))
        }
    }

    func fingerprint() -> [Int]? {
        var info = stat()
        guard descriptor >= 0, fstat(descriptor, &info) == 0 else { return nil }
        return [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }

    func close() {
        if descriptor >= 0 {
            _ = Glibc.close(descriptor)
            descriptor = -1
        }
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ReaderError.readFailed(file: displayName, reason: String(cString: strerror(errno)))
        }
    }

}

/// Files that are not text tables, recognised by their first bytes, so that a spreadsheet or an
/// image sent instead of a CSV gets a clear message rather than a page of garbage rows.
enum BinarySignature {
    /// The start of an OLE2 compound file: an Excel 97-2003 workbook (`.xls`).
    static let oldExcelWorkbook: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// The start of a ZIP archive, as an .xlsx workbook is.
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    static func kind(of sample: [UInt8]) -> String? {
        if sample.starts(with: zip) {
            return "a ZIP archive (`check` and `report` read an .xlsx workbook of responses, and an XLSForm given as --instrument)"
        }
        if sample.starts(with: oldExcelWorkbook) { return "an old Excel .xls workbook (save it as CSV)" }
        if sample.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if sample.starts(with: [0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if sample.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
        if sample.starts(with: [0x1F, 0x8B]) { return "a gzip archive" }
        if let markup = markupKind(sample) { return markup }
        // NUL bytes that are not UTF-16's every-other-byte pattern mean binary data; so do
        // control bytes spread over the sample (random or compressed data has one byte in
        // eight below 0x20), where text has none but tab and line ends. A few stray NULs in a
        // text file are neither: the reader removes them with a diagnostic.
        // A run of NULs at the end, the padding of a copy or a download cut short, is left out:
        // the text before it is what the file holds (the reader removes NULs, said per line).
        let padding = sample.reversed().prefix { $0 == 0 }.count
        if padding == sample.count && padding >= 16 { return "binary data (only NUL bytes)" }
        let sample = padding > 0 ? Array(sample.dropLast(padding)) : sample
        if EncodingDetector.detectBOM(sample) == nil, EncodingDetector.detectUTF16WithoutBOM(sample) == nil {
            let head = sample.prefix(4096)
            guard head.count >= 16 else { return nil }
            let nuls = head.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
            if nuls * 10 > head.count { return "binary data" }
            var controls = (even: 0, odd: 0)
            for (offset, byte) in head.enumerated() where isControl(byte) {
                if offset & 1 == 0 { controls.even += 1 } else { controls.odd += 1 }
            }
            // UTF-16 without a mark that the NUL pattern missed (Cyrillic: 0x04 in every other
            // byte) has its control bytes on one side only; binary data has them on both.
            let total = controls.even + controls.odd
            if total * 20 > head.count && min(controls.even, controls.odd) * 3 > max(controls.even, controls.odd) {
                return "binary data"
            }
        }
        return nil
    }

    /// An HTML page or an XML document, in UTF-8 or an 8-bit code page (a UTF-16 one is read as
    /// text, and its first line is no header): what some tools and web pages save as `.xls`, an
    /// HTML table or Excel 2003's XML Spreadsheet. They had been read as CSV, told they match no
    /// question of the instrument, or that the header looked cut off (a helper's probe).
    private static func markupKind(_ sample: [UInt8]) -> String? {
        var head = sample.prefix(1024)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        while let first = head.first, first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D { head = head.dropFirst() }
        guard head.first == UInt8(ascii: "<") else { return nil }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<table") || text.hasPrefix("<meta") {
            return "an HTML page (a web page, or a table saved as .xls: open it in a spreadsheet and save it as CSV)"
        }
        guard text.hasPrefix("<?xml") else { return nil }
        if text.contains("urn:schemas-microsoft-com:office:spreadsheet") || text.contains("progid=\"excel.sheet\"") {
            return "an Excel 2003 XML Spreadsheet (open it in Excel and save it as CSV or .xlsx)"
        }
        return "an XML document (KoboToolbox and ODK exports are read as CSV)"
    }

    /// Bytes below 0x20 other than tab, LF, FF and CR, and DEL: not in text.
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
    }
}
