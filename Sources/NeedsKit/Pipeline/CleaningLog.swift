import Foundation

/// A run's cleaning log as it is found: every issue counted by kind (code and severity), the
/// first `firstPerKind` of each kind kept for the terminal, and, for a report, every issue's row
/// of clean/issues.csv (`Spool`) in a temporary file. Memory stays flat however many issues a run
/// finds: a Likert question whose labels the instrument does not know gives one on every row.
///
/// The log lists the files in the order they are read; a file's issues by line, then column,
/// then as found, the normaliser's before the reader's at the same place (issues without a line
/// or column count them as 0).
///
///     let log = CleaningLog(spool: CleaningLog.Spool(directory: staging, style: style))
///     log.startFile()
///     log.add(issue)                       // as the normaliser finds them
///     log.add(readerFinding: diagnostic)   // as the reader finds them
///     log.finishFile()
///     try log.write(inputProblems: problems, to: stream)
final class CleaningLog {
    /// Where an issue goes in its file's part of the log.
    struct Place: Comparable {
        var line: Int
        var column: Int
        /// The order found: the normaliser's from 0, the reader's from `readerFirst`.
        var order: Int

        static func < (a: Place, b: Place) -> Bool { (a.line, a.column, a.order) < (b.line, b.column, b.order) }
    }

    /// The order of a file's first reader finding: after any issue the normaliser finds.
    static let readerFirst = 1 << 62

    /// One kind's count and first issues.
    private struct Tally {
        var kind: CleaningIssue.Kind
        var count = 0
        /// How many are in `firstIssues` (from earlier files).
        var kept = 0
        /// The first of the file being read: at most `firstPerKind - kept`, in no order.
        var candidates: [(place: Place, issue: CleaningIssue)] = []
        /// Which of `candidates` comes last in the log.
        var lastCandidate = 0
    }

    let firstPerKind: Int
    private var tallies: [Tally] = []
    private var tallyIndex: [CleaningIssue.Kind: Int] = [:]
    /// The first `firstPerKind` issues of each kind, in log order (files finished so far).
    private(set) var firstIssues: [CleaningIssue] = []
    /// Issues of the current file found so far, by the normaliser and by the reader.
    private var found = 0
    private var readerFound = 0
    private let spool: Spool?

    /// A log that counts and keeps the first issues of each kind; with a `spool`, one that also
    /// keeps every row of clean/issues.csv.
    init(firstPerKind: Int = RunOutcome.firstPerKind, spool: Spool? = nil) {
        self.firstPerKind = firstPerKind
        self.spool = spool
    }

    /// Every issue found so far, counted by kind.
    var counts: [CleaningIssue.Kind: Int] {
        Dictionary(uniqueKeysWithValues: tallies.map { ($0.kind, $0.count) })
    }

    /// Starts a file's part of the log (or a part that belongs to no file).
    func startFile() {
        found = 0
        readerFound = 0
    }

    /// An issue the normaliser (or the run) found.
    func add(_ issue: CleaningIssue) {
        add(issue, at: Place(line: issue.line ?? 0, column: issue.column ?? 0, order: found))
        found += 1
    }

    /// A finding of the reader, with what became of its row.
    func add(readerFinding diagnostic: Diagnostic) {
        let action: CleaningIssue.Action = diagnostic.severity == .error ? .quarantined : .kept
        add(CleaningIssue(diagnostic, action: action),
            at: Place(line: diagnostic.line ?? 0, column: diagnostic.column ?? 0, order: Self.readerFirst + readerFound))
        readerFound += 1
    }

    /// Issues that belong to no file (they have no line), listed as given.
    func add(contentsOf issues: [CleaningIssue]) {
        startFile()
        for issue in issues { add(issue) }
        finishFile()
    }

    private func add(_ issue: CleaningIssue, at place: Place) {
        let kind = issue.kind
        let k: Int
        if let known = tallyIndex[kind] {
            k = known
        } else {
            k = tallies.count
            tallies.append(Tally(kind: kind))
            tallyIndex[kind] = k
        }
        tallies[k].count += 1
        let room = firstPerKind - tallies[k].kept
        if room > 0 { offer(issue, at: place, to: &tallies[k], room: room) }
        spool?.add(issue, at: place)
    }

    /// Keeps `issue` when it is among the first `room` of its kind in the file so far.
    private func offer(_ issue: CleaningIssue, at place: Place, to tally: inout Tally, room: Int) {
        if tally.candidates.count < room {
            tally.candidates.append((place, issue))
            if place > tally.candidates[tally.lastCandidate].place { tally.lastCandidate = tally.candidates.count - 1 }
            return
        }
        // Issues come nearly in log order: a later one usually goes no further than this.
        guard place < tally.candidates[tally.lastCandidate].place else { return }
        tally.candidates[tally.lastCandidate] = (place, issue)
        tally.lastCandidate = tally.candidates.indices.max { tally.candidates[$0].place < tally.candidates[$1].place }!
    }

    /// Ends the file's part: its first issues join `firstIssues`, its rows the spool's log.
    func finishFile() {
        var chosen: [(place: Place, issue: CleaningIssue)] = []
        for k in tallies.indices where !tallies[k].candidates.isEmpty {
            chosen += tallies[k].candidates
            tallies[k].kept += tallies[k].candidates.count
            tallies[k].candidates.removeAll()
            tallies[k].lastCandidate = 0
        }
        chosen.sort { $0.place < $1.place }
        firstIssues += chosen.map(\.issue)
        spool?.finishFile()
    }

    /// Writes clean/issues.csv: its header, a row per problem with the inputs as a whole, then
    /// the files' issues. The spool's temporary files are closed (and so gone) afterwards.
    func write(inputProblems: [Diagnostic], to stream: OutputStream) throws {
        guard let spool else { preconditionFailure("a log without a spool keeps no rows") }
        var head = CleaningLogWriter.header(style: spool.style)
        for problem in inputProblems { CleaningLogWriter.row(CleaningIssue(problem, action: .dropped), into: &head) }
        stream.write(head.bytes)
        try spool.copy(to: stream)
    }
}

extension CleaningLog {
    /// The rows of a report's clean/issues.csv, rendered as the issues are found: the current
    /// file's in memory until `memoryLimit` bytes of them are sorted and written to a temporary
    /// file as a run, its runs merged when the file ends; the finished files' rows, in log order,
    /// in another temporary file. A log of less than 1 MiB makes no file at all.
    final class Spool {
        let style: CSVStyle
        private let directory: String
        private let memoryLimit: Int
        /// The current file's rows not yet in a run, one after the other, and where each is.
        private var rows: CSVWriter
        private var pending: [(place: Place, start: Int, end: Int)] = []
        /// The current file's runs: rows sorted by place, each after its place and length.
        private var runFile: TemporaryFile? = nil
        private var runs: [Range<Int>] = []
        /// The finished files' rows, in log order: the last ones in `bodyTail`, the rest in `body`.
        private var body: TemporaryFile? = nil
        private var bodyTail: [UInt8] = []
        /// Why the rows could not all be kept (a full disk), or nil.
        private(set) var failure: String? = nil

        /// Rows gathered before they are written to `body`.
        private static let tailLimit = 1 << 20

        /// A spool whose temporary files go in `directory` (the report's staging folder: the
        /// log ends up on that disk anyway).
        init(directory: String, style: CSVStyle, memoryLimit: Int = 1 << 22) {
            self.directory = directory
            self.style = style
            self.memoryLimit = max(1, memoryLimit)
            rows = style.writer(clean: true).encoder()
        }

        func add(_ issue: CleaningIssue, at place: Place) {
            guard failure == nil else { return }
            let start = rows.bytes.count
            CleaningLogWriter.row(issue, into: &rows)
            pending.append((place, start, rows.bytes.count))
            if rows.bytes.count >= memoryLimit { writeRun() }
        }

        /// Writes the pending rows, sorted, to `runFile` as a run.
        private func writeRun() {
            pending.sort { $0.place < $1.place }
            if runFile == nil { runFile = TemporaryFile(directory: directory, prefix: "needs-issues") }
            guard let runFile else { return fail("cannot make a temporary file in \(directory): \(TemporaryFile.lastError)") }
            let start = runFile.size
            var chunk: [UInt8] = []
            chunk.reserveCapacity(min(rows.bytes.count + pending.count * RunCursor.head, 1 << 20) + (1 << 16))
            rows.bytes.withUnsafeBytes { bytes in
                for entry in pending {
                    let head = (Int64(entry.place.line).littleEndian, Int64(entry.place.column).littleEndian,
                                Int64(entry.place.order).littleEndian, Int64(entry.end - entry.start).littleEndian)
                    withUnsafeBytes(of: head) { chunk.append(contentsOf: $0) }
                    chunk.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[entry.start..<entry.end]))
                    if chunk.count >= 1 << 20 {
                        if !chunk.withUnsafeBytes({ runFile.append($0) }) { return }
                        chunk.removeAll(keepingCapacity: true)
                    }
                }
                _ = chunk.withUnsafeBytes { runFile.append($0) }
            }
            guard runFile.size == start + rows.bytes.count + pending.count * RunCursor.head else {
                return fail("cannot write a temporary file in \(directory): \(TemporaryFile.lastError)")
            }
            runs.append(start..<runFile.size)
            rows.drain { _ in }
            pending.removeAll(keepingCapacity: true)
        }

        /// Ends the current file: its rows join the log, in order.
        func finishFile() {
            defer {
                rows.drain { _ in }
                pending.removeAll(keepingCapacity: true)
                runs.removeAll()
                runFile?.removeAll()
            }
            guard failure == nil else { return }
            if runs.isEmpty {
                pending.sort { $0.place < $1.place }
                rows.bytes.withUnsafeBytes { bytes in
                    for entry in pending { appendToBody(UnsafeRawBufferPointer(rebasing: bytes[entry.start..<entry.end])) }
                }
                return
            }
            if !pending.isEmpty { writeRun() }
            if failure == nil { mergeRuns() }
        }

        /// Merges the current file's runs into the log.
        private func mergeRuns() {
            guard let runFile else { return }
            // Memory for reading stays under about 8 MiB however many runs there are.
            let bufferSize = max(1 << 12, min(1 << 16, (8 << 20) / runs.count))
            var cursors = runs.map { RunCursor(range: $0, bufferSize: bufferSize) }
            for i in cursors.indices {
                guard cursors[i].next(in: runFile) else {
                    return fail("cannot read back a temporary file in \(directory): \(TemporaryFile.lastError)")
                }
            }
            // A binary heap of the cursors that have a row, the one whose row comes first on top.
            var heap = cursors.indices.filter { cursors[$0].place != nil }
            func before(_ a: Int, _ b: Int) -> Bool { cursors[heap[a]].place! < cursors[heap[b]].place! }
            func siftDown(_ start: Int) {
                var i = start
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < heap.count && before(l, m) { m = l }
                    if r < heap.count && before(r, m) { m = r }
                    if m == i { return }
                    heap.swapAt(i, m)
                    i = m
                }
            }
            for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
            while let top = heap.first {
                cursors[top].withRow { appendToBody($0) }
                guard cursors[top].next(in: runFile) else {
                    return fail("cannot read back a temporary file in \(directory): \(TemporaryFile.lastError)")
                }
                if cursors[top].place == nil {
                    heap.swapAt(0, heap.count - 1)
                    heap.removeLast()
                }
                siftDown(0)
            }
        }

        private func appendToBody(_ row: UnsafeRawBufferPointer) {
            bodyTail.append(contentsOf: row)
            if bodyTail.count >= Self.tailLimit { flushBody() }
        }

        private func flushBody() {
            guard failure == nil else { return }
            if body == nil { body = TemporaryFile(directory: directory, prefix: "needs-issues") }
            guard let body else { return fail("cannot make a temporary file in \(directory): \(TemporaryFile.lastError)") }
            guard bodyTail.withUnsafeBytes({ body.append($0) }) else {
                return fail("cannot write a temporary file in \(directory): \(TemporaryFile.lastError)")
            }
            bodyTail.removeAll(keepingCapacity: true)
        }

        private func fail(_ reason: String) {
            if failure == nil { failure = reason }
        }

        /// Writes the log's rows to `stream`, then lets the temporary files go.
        func copy(to stream: OutputStream) throws {
            defer {
                body = nil
                runFile = nil
                bodyTail = []
            }
            if let failure { throw OutputFolder.Failure.cannotWrite(stream.path, "the cleaning log: \(failure)") }
            if let body {
                var chunk = [UInt8](repeating: 0, count: 1 << 20)
                var offset = 0
                while offset < body.size {
                    let n = min(chunk.count, body.size - offset)
                    let read = chunk.withUnsafeMutableBytes { body.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<n])) }
                    guard read else {
                        throw OutputFolder.Failure.cannotWrite(stream.path, "the cleaning log: cannot read back a temporary file: \(TemporaryFile.lastError)")
                    }
                    chunk.withUnsafeBytes { stream.write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                    offset += n
                }
            }
            stream.write(bodyTail)
        }
    }

    /// Reads one run record by record (`Spool`).
    private struct RunCursor {
        /// Bytes of a record's head in a run: line, column, order, row length.
        static let head = 32
        /// The bytes of the run not yet read into `buffer`.
        var unread: Range<Int>
        var buffer: [UInt8]
        /// The current record's start in `buffer`, and the end of what `buffer` holds.
        var position = 0
        var filled = 0
        /// The current record's place (nil past the last) and row length.
        var place: Place? = nil
        var length = 0
        private var started = false

        init(range: Range<Int>, bufferSize: Int) {
            unread = range
            buffer = [UInt8](repeating: 0, count: bufferSize)
        }

        /// Moves to the next record; false when the file cannot be read.
        mutating func next(in file: TemporaryFile) -> Bool {
            if started { position += Self.head + length }
            started = true
            guard position < filled || !unread.isEmpty else {
                place = nil
                return true
            }
            guard hold(Self.head, from: file) else { return false }
            let start = position
            func word(_ i: Int) -> Int {
                buffer.withUnsafeBytes { Int(Int64(littleEndian: $0.loadUnaligned(fromByteOffset: start + 8 * i, as: Int64.self))) }
            }
            place = Place(line: word(0), column: word(1), order: word(2))
            length = word(3)
            return length >= 0 && hold(Self.head + length, from: file)
        }

        /// The current record's row.
        func withRow(_ body: (UnsafeRawBufferPointer) -> Void) {
            buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[(position + Self.head)..<(position + Self.head + length)])) }
        }

        /// Makes `buffer` hold `count` bytes from `position`, reading on as needed.
        private mutating func hold(_ count: Int, from file: TemporaryFile) -> Bool {
            if filled - position >= count { return true }
            let kept = filled - position
            if position > 0 {
                buffer.withUnsafeMutableBytes { bytes in
                    _ = memmove(bytes.baseAddress!, bytes.baseAddress! + position, kept)
                }
                position = 0
                filled = kept
            }
            if buffer.count < count { buffer += [UInt8](repeating: 0, count: count - buffer.count) }
            let n = min(buffer.count - filled, unread.count)
            guard filled + n >= count else { return false }
            let start = filled
            let read = buffer.withUnsafeMutableBytes { file.read(at: unread.lowerBound, into: UnsafeMutableRawBufferPointer(rebasing: $0[start..<(start + n)])) }
            guard read else { return false }
            unread = (unread.lowerBound + n)..<unread.upperBound
            filled += n
            return true
        }
    }
}
