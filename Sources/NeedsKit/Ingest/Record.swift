import CLibCSV

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
    /// In a quarantined record, the field a quote never closed (or a field past the size limit)
    /// ran on from: it and the fields after it may hold text of other fields and records. Nil
    /// otherwise.
    public internal(set) var swallowingField: Int? = nil
    /// The record comes right after the header repeated below itself (exports pasted together):
    /// what may stand under a header (a HXL hashtag row) may stand here too.
    public internal(set) var followsRepeatedHeader = false
    /// The record is a note of one cell, `Label: value`, held below a table and right above the
    /// header repeated (`Pašvaldība: Jelgavas valstspilsēta` over the next municipality's block):
    /// the normaliser reads it as the block's place if it states one, else as the note it is.
    public internal(set) var notesNextBlock = false
    /// The record is one of a run of more than `ParseState.maxHeld` rows of at most one filled
    /// cell below the table's last full row (a long legend, or a drop-down's list of places
    /// pasted under the table): too many to hold back as footnotes, delivered as rows of the
    /// table, so that the normaliser sets aside those of them that answer nothing.
    public internal(set) var inLongRunOfNotes = false
    /// Of the header record: the filled cells of the records above the table (a title, a
    /// sheet's details such as `Omavalitsus: | Tartu linn`), each with its line. Empty otherwise.
    public internal(set) var aboveTable: [(line: Int, cells: [String])] = []
    /// The first field (0-based) where text followed a closing quote (the quote then read as a
    /// literal character), -1 for none: in a record shorter than the header the quoted part has
    /// joined fields, so the fields from it on cannot be placed.
    var strayQuoteField = -1
    /// Fields the record had short of the header's count (+), or empty ones past it that were
    /// dropped (−): 0 for a record as wide as the header. A cell deleted or a value holding the
    /// delimiter without quotes moves the fields after it, which then do not fit their columns.
    public internal(set) var widthOff = 0

    /// The bytes and field ends, in a plain struct behind a pointer that the libcsv callbacks
    /// write to directly.
    let sink: UnsafeMutablePointer<FieldSink>

    init() {
        sink = UnsafeMutablePointer<FieldSink>.allocate(capacity: 1)
        sink.initialize(to: FieldSink())
    }

    deinit {
        sink.pointee.deallocate()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    var fieldCount: Int { sink.pointee.fieldCount }
    var byteCount: Int { sink.pointee.byteCount }
    /// Line breaks inside the record's fields so far.
    var newlines: Int {
        get { sink.pointee.newlines }
        set { sink.pointee.newlines = newValue }
    }

    /// Fields present in the input (before padding to the header).
    public var presentCount: Int { fieldCount }

    /// Fields the line held as read: `presentCount`, or, for a record put in the first header's
    /// order (under the header repeated in another order), the fields it held before that.
    public var lineFieldCount: Int { fieldsBeforeReorder >= 0 ? fieldsBeforeReorder : fieldCount }
    var fieldsBeforeReorder = -1
    /// The width of the repeated header such a record was read under.
    var headerWidthBeforeReorder = 0

    /// Whether the line held as many fields as the header it was read under: the first, of
    /// `width` fields, or one repeated in another order, narrower or wider.
    public func isAsWideAsItsHeader(_ width: Int) -> Bool {
        fieldsBeforeReorder >= 0 ? fieldsBeforeReorder >= headerWidthBeforeReorder : fieldCount >= width
    }

    /// Fields after padding to the header's count.
    public var count: Int { max(fieldCount, expectedCount) }

    public var isHeader: Bool { index == 0 }

    /// A blank line, or a record whose every field is empty (`;;;;` from Excel).
    public var isBlank: Bool { byteCount == 0 }

    /// Whether field `i` was absent from the input (a short row padded to the header).
    public func isMissing(_ i: Int) -> Bool { i >= fieldCount }

    /// The bytes of field `i` (empty when missing), valid during `body` only.
    public func withFieldBytes<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let sink = self.sink.pointee
        guard i < sink.fieldCount else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let start = i == 0 ? 0 : sink.ends[i - 1]
        return try body(UnsafeRawBufferPointer(start: sink.bytes + start, count: sink.ends[i] - start))
    }

    /// The bytes of field `i` (empty when missing), valid until the next record: for the
    /// normaliser's hot path, which reads them without a closure.
    @inline(__always)
    func fieldBytes(_ i: Int) -> UnsafeRawBufferPointer {
        let sink = self.sink.pointee
        guard i < sink.fieldCount else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = i == 0 ? 0 : sink.ends[i - 1]
        return UnsafeRawBufferPointer(start: sink.bytes + start, count: sink.ends[i] - start)
    }

    /// Field `i` as the value caches look it up, its short key read straight from the buffer
    /// (which keeps 16 bytes of slack past the record's last byte); valid until the next record.
    @inline(__always)
    func fieldKey(_ i: Int) -> FieldKey { FieldKey(padded: fieldBytes(i)) }

    /// Field `i` as text (invalid UTF-8 shows as U+FFFD; a missing field is empty).
    public subscript(i: Int) -> String {
        withFieldBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every field as text, padded to the header's count.
    public var fields: [String] { (0..<count).map { self[$0] } }

    /// Takes `other`'s fields (line, index, quarantine reason, bytes and ends) without copying
    /// the bytes: the two exchange their buffers, and `other` is left with this one's, to be
    /// reset by its owner before it is filled again.
    func take(from other: RecordBuffer) {
        line = other.line
        index = other.index
        expectedCount = other.expectedCount
        followsRepeatedHeader = other.followsRepeatedHeader
        notesNextBlock = other.notesNextBlock
        inLongRunOfNotes = other.inLongRunOfNotes
        strayQuoteField = other.strayQuoteField
        widthOff = other.widthOff
        fieldsBeforeReorder = other.fieldsBeforeReorder
        headerWidthBeforeReorder = other.headerWidthBeforeReorder
        if !aboveTable.isEmpty || !other.aboveTable.isEmpty { aboveTable = other.aboveTable }
        // Almost always nil on both sides: no copy (and no reference counting) then.
        if quarantineReason != nil || other.quarantineReason != nil {
            quarantineReason = other.quarantineReason
            swallowingField = other.swallowingField
        }
        sink.pointee.exchangeFields(with: &other.sink.pointee)
    }

    func reset() {
        sink.pointee.byteCount = 0
        sink.pointee.fieldCount = 0
        sink.pointee.settledFields = 0
        sink.pointee.newlines = 0
        sink.pointee.droppedFields = 0
        quarantineReason = nil
        swallowingField = nil
        followsRepeatedHeader = false
        notesNextBlock = false
        inLongRunOfNotes = false
        strayQuoteField = -1
        widthOff = 0
        fieldsBeforeReorder = -1
        if !aboveTable.isEmpty { aboveTable = [] }
    }

    /// Fields in the input, those dropped past the field limit (`FieldSink.fieldLimit`) included.
    var fieldCountRead: Int { sink.pointee.fieldCount + sink.pointee.droppedFields }

    /// How many fields hold more than spaces and tabs, counting no further than `limit`.
    func filledFieldCount(upTo limit: Int) -> Int {
        var filled = 0
        for i in 0..<fieldCount where !isBlankField(fieldBytes(i)) {
            filled += 1
            if filled >= limit { break }
        }
        return filled
    }

    /// The 1-based column of the first filled field (1 when none is): where a message about the
    /// record as a whole points.
    var firstFilledColumn: Int {
        ((0..<fieldCount).first { !isBlankField(fieldBytes($0)) } ?? 0) + 1
    }

    /// Whether every filled cell of a record is a dash alone (`-;-;-`, ` - , – `): a rule drawn
    /// across the sheet, or a row "left blank" so, is a blank row whatever its width (a short one
    /// had been a respondent of no place, in the region's base: a probe's). A row of the table
    /// costs a look at its first filled field's first byte. (A dash in a split choice column is
    /// unticked: `Normalizer.ticksWithDashes` keeps such a row a respondent.)
    var holdsDashesOnly: Bool {
        var dashes = 0
        for i in 0..<fieldCount {
            let field = ParseState.trimmed(fieldBytes(i))
            // A dash alone (`Normalizer.isDash`): one to three of `-`, `–`, `—`.
            var k = field.startIndex
            let upper = field.endIndex
            var inField = 0
            while k < upper {
                if field[k] == 0x2D {
                    k += 1
                } else if field[k] == 0xE2 && k + 2 < upper && field[k + 1] == 0x80 && (field[k + 2] == 0x93 || field[k + 2] == 0x94) {
                    k += 3
                } else {
                    return false
                }
                inField += 1
            }
            if inField > 3 { return false }
            dashes += inField
        }
        return dashes > 0
    }

    func append(_ field: UnsafeRawBufferPointer) { sink.pointee.append(field) }
    func endField() { sink.pointee.endField() }

    /// Adds an empty field in front of the others (an unnamed first column).
    func prependEmptyField() {
        sink.pointee.endField()
        let ends = sink.pointee.ends
        var k = sink.pointee.fieldCount - 1
        while k > 0 {
            ends[k] = ends[k - 1]
            k -= 1
        }
        ends[0] = 0
        sink.pointee.settledFields = sink.pointee.fieldCount
    }

    /// Drops trailing fields (beyond the header), with their bytes.
    func dropFields(after n: Int) {
        guard n < sink.pointee.fieldCount else { return }
        sink.pointee.fieldCount = n
        sink.pointee.settledFields = min(sink.pointee.settledFields, n)
        sink.pointee.byteCount = n == 0 ? 0 : sink.pointee.ends[n - 1]
    }
}

/// What the libcsv callbacks write to for every field, as a plain struct reached through a
/// pointer: no reference counting and no exclusivity checks on the per-field path. It is declared
/// in C (`needs_field_sink` in the CLibCSV shim) so that libcsv's per-field callback,
/// `needs_field_callback`, is a C function; everything else is here.
///
/// - `bytes`, `byteCapacity`, `byteCount`: the record's fields, one after another.
/// - `ends`, `endCapacity`, `fieldCount`: where each field ends in `bytes`.
/// - `newlines`: line breaks inside the record's fields so far.
/// - `line`: the physical line the next record starts on.
/// - `stopped`: set when the handler threw; the callbacks then do nothing until the parse call
///   returns.
/// - `owner` (`ownerPointer`): the reader's per-file state, for the rare fields that need more than
///   an end.
/// - `fieldLimit`, `droppedFields`: fields kept per record at most. Past it, fields are dropped (and
///   counted) whenever the field ends run out of room, so that a record of millions of fields
///   takes bounded memory; checked only when the ends grow, never per field.
/// - `parser`: libcsv builds each field right here, at the end of the record's bytes. Its field
///   buffer is pointed there (`pointParser`), so that a field costs the callback no copy, only
///   its end.
/// - `settledFields`: fields before it have been looked at for line breaks, NUL bytes and invalid
///   UTF-8 (`ParseState.settleFields`, once a row, in one pass over its bytes).
/// - `otherField`: where `needs_field_callback` sends the fields it does not take itself.
typealias FieldSink = needs_field_sink

extension FieldSink {
    init() {
        self.init(
            bytes: UnsafeMutableRawPointer.allocate(byteCount: 1024, alignment: 8), byteCapacity: 1024, byteCount: 0,
            ends: UnsafeMutablePointer<Int>.allocate(capacity: 64), endCapacity: 64, fieldCount: 0, newlines: 0, line: 1,
            lastTerminatorWasCR: false, stopped: false, ownerPointer: nil, fieldLimit: Int.max, droppedFields: 0,
            parser: nil, settledFields: 0, otherField: otherFieldCallback)
    }

    /// The reader's per-file state.
    var owner: Unmanaged<ParseState>? {
        get { ownerPointer.map { Unmanaged.fromOpaque($0) } }
        set { ownerPointer = newValue?.toOpaque() }
    }

    func deallocate() {
        bytes.deallocate()
        ends.deallocate()
    }

    /// Appends a field's bytes. Fields of up to 16 bytes (most of a survey export) are copied as
    /// two words, without a call to memcpy: the buffer keeps 16 bytes of slack, and
    /// `readableSlack` says the source may be read 16 bytes from its start (libcsv's field buffer
    /// is at least its block size, 4096 bytes, which the reader sets).
    @inline(__always)
    mutating func append(_ field: UnsafeRawBufferPointer, readableSlack: Bool = false) {
        let n = field.count
        if byteCount &+ n &+ 16 > byteCapacity { growBytes(to: byteCount + n + 16) }
        if n > 0 { (bytes + byteCount).copy(from: field.baseAddress!, count: n, readableSlack: readableSlack) }
        byteCount &+= n
        endField()
    }

    /// Exchanges fields (bytes, ends and their counts) with `other`; the parsing state stays.
    mutating func exchangeFields(with other: inout FieldSink) {
        swap(&bytes, &other.bytes)
        swap(&byteCapacity, &other.byteCapacity)
        swap(&byteCount, &other.byteCount)
        swap(&ends, &other.ends)
        swap(&endCapacity, &other.endCapacity)
        swap(&fieldCount, &other.fieldCount)
        swap(&newlines, &other.newlines)
        swap(&droppedFields, &other.droppedFields)
        swap(&settledFields, &other.settledFields)
    }

    /// Points libcsv's field buffer at the end of the record's bytes, with room up to the 16
    /// bytes of slack. Only between fields (libcsv's field is empty then).
    @inline(__always)
    func pointParser() {
        guard let parser else { return }
        parser.pointee.entry_buf = (bytes + byteCount).assumingMemoryBound(to: UInt8.self)
        parser.pointee.entry_size = byteCapacity &- byteCount &- 16
    }

    /// Whether libcsv's field buffer is where the next field of the record goes.
    @inline(__always)
    func isInPlace(_ field: UnsafeRawPointer) -> Bool {
        field == UnsafeRawPointer(bytes + byteCount)
    }

    /// libcsv ran out of room for the field it is building (`partial` bytes so far, at the end of
    /// the record): the buffer grows, keeping them, and libcsv is pointed at the new one.
    mutating func makeRoom(partial: Int) {
        growBytes(to: byteCount + partial + 16 + max(partial, 4096), keeping: byteCount + partial)
        pointParser()
    }

    /// Writes `replacement` over the bytes from `start` on (the record's last fields, then any
    /// bytes of the field libcsv is building), growing the buffer as needed: the record ends
    /// `fieldBytes` into it. The caller sets the fields' ends and points the parser again.
    mutating func replaceBytes(from start: Int, with replacement: [UInt8], fieldBytes: Int) {
        let needed = start + replacement.count + 16
        if needed > byteCapacity { growBytes(to: needed, keeping: start) }
        replacement.withUnsafeBytes { (bytes + start).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        byteCount = start + fieldBytes
    }

    /// Joins field `k` to the one before it with `byte` between them (a line break read inside
    /// the field): the bytes after it move up one.
    mutating func joinFields(at k: Int, with byte: UInt8) {
        let at = ends[k - 1]
        if byteCount + 1 + 16 > byteCapacity { growBytes(to: byteCount + 1 + 16) }
        memmove(bytes + at + 1, bytes + at, byteCount - at)
        bytes.storeBytes(of: byte, toByteOffset: at, as: UInt8.self)
        byteCount += 1
        for i in (k - 1)..<(fieldCount - 1) { ends[i] = ends[i + 1] + 1 }
        fieldCount -= 1
        settledFields = min(settledFields, fieldCount)
    }

    /// Closes the field being built at the current end of the buffer.
    @inline(__always)
    mutating func endField() {
        if fieldCount == endCapacity { growEnds() }
        ends[fieldCount] = byteCount
        fieldCount &+= 1
    }

    @inline(never)
    private mutating func growBytes(to needed: Int, keeping kept: Int? = nil) {
        var capacity = byteCapacity
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        grown.copyMemory(from: bytes, byteCount: kept ?? byteCount)
        bytes.deallocate()
        bytes = grown
        byteCapacity = capacity
    }

    @inline(never)
    private mutating func growEnds() {
        if fieldCount > fieldLimit {
            // Past the limit: the record is quarantined whole; keep its first fields only.
            droppedFields += fieldCount - fieldLimit
            fieldCount = fieldLimit
            byteCount = ends[fieldLimit - 1]
            return
        }
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
        grown.moveInitialize(from: ends, count: fieldCount)
        ends.deallocate()
        ends = grown
        endCapacity *= 2
    }
}

/// For a field of `n` bytes (at most 16) read as two little-endian 8-byte words from its start:
/// the masks that keep its bytes and clear the ones past its end.
@inline(__always)
func shortFieldMasks(_ n: Int) -> (UInt64, UInt64) {
    let m0: UInt64 = n >= 8 ? ~0 : (1 &<< (UInt64(truncatingIfNeeded: n) &* 8)) &- 1
    let m1: UInt64 = n >= 16 ? ~0 : n <= 8 ? 0 : (1 &<< (UInt64(truncatingIfNeeded: n &- 8) &* 8)) &- 1
    return (m0, m1)
}

extension UnsafeMutableRawPointer {
    /// Copies `count` bytes from `source`. With `readableSlack` (16 bytes from `source` may be
    /// read, and 16 written here, however small `count` is), up to 16 bytes are two unaligned
    /// 8-byte moves instead of a call to memcpy: most fields of a survey export are that short.
    @inline(__always)
    func copy(from source: UnsafeRawPointer, count: Int, readableSlack: Bool) {
        if readableSlack && count <= 16 {
            storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (self + 8).storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), as: UInt64.self)
        } else {
            copyMemory(from: source, byteCount: count)
        }
    }
}

/// Whether a field holds nothing but spaces and tabs.
func isBlankField(_ field: UnsafeRawBufferPointer) -> Bool {
    field.allSatisfy { $0 == 0x20 || $0 == 0x09 }
}
