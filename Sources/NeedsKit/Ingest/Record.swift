/// One record as the reader delivers it: the fields' UTF-8 bytes in one buffer, reused from record
/// to record so that reading allocates nothing per field. Valid only during the handler call;
/// take `fields` to keep it.
public final class RecordBuffer {
    /// 1-based physical line where the record starts.
    public internal(set) var line = 0
    /// 0 for the header (the first record that is not blank), then 1, 2, ... for data records.
    public internal(set) var index = 0
    /// The header's field count, which data records are padded to; 0 before the header.
    public internal(set) var expectedCount = 0
    /// Why the record cannot be trusted field by field (kept whole in the quarantine), or nil.
    public internal(set) var quarantineReason: String? = nil

    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// Line breaks inside the record's fields so far.
    var newlines = 0

    init() {
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(128)
    }

    /// Fields present in the input (before padding to the header).
    public var presentCount: Int { ends.count }

    /// Fields after padding to the header's count.
    public var count: Int { max(ends.count, expectedCount) }

    public var isHeader: Bool { index == 0 }

    /// A blank line, or a record whose every field is empty (`;;;;` from Excel).
    public var isBlank: Bool { bytes.isEmpty }

    /// Whether field `i` was absent from the input (a short row padded to the header).
    public func isMissing(_ i: Int) -> Bool { i >= ends.count }

    /// The bytes of field `i` (empty when missing), valid during `body` only.
    public func withFieldBytes<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        guard i < ends.count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let start = i == 0 ? 0 : ends[i - 1]
        let end = ends[i]
        return try bytes.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
        }
    }

    /// Field `i` as text (invalid UTF-8 shows as U+FFFD; a missing field is empty).
    public subscript(i: Int) -> String {
        withFieldBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every field as text, padded to the header's count.
    public var fields: [String] { (0..<count).map { self[$0] } }

    func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        newlines = 0
        quarantineReason = nil
    }

    func append(_ field: UnsafeRawBufferPointer) {
        if field.count > 0 { bytes.append(contentsOf: field) }
        ends.append(bytes.count)
    }

    /// Drops trailing fields (beyond the header) that are all empty.
    func dropFields(after n: Int) {
        ends.removeSubrange(n...)
        bytes.removeSubrange((ends.last ?? 0)...)
    }
}
