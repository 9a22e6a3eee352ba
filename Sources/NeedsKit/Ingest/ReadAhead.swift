import CLibCSV
import Foundation

extension CSVReader {
    /// `read`, with the parsing on a thread of its own: libcsv fills copies of the records ahead
    /// while `handler` works through earlier ones on the calling thread. `handler` and `diagnose`
    /// run on the calling thread, in exactly the order `read` would call them.
    @discardableResult
    public func readAhead(
        diagnose: (Diagnostic) -> Void,
        _ handler: (RecordBuffer) throws -> Void
    ) throws -> FileReadSummary {
        try startReadingAhead().consume(diagnose: diagnose, handler)
    }

    /// Starts the reading thread: it opens the file, detects its encoding and dialect and parses
    /// its first records while the caller prepares to take them (the pipeline makes its
    /// normaliser meanwhile). `consume` follows, once; dropped without it, the reading stops.
    func startReadingAhead() -> ReadingAhead { ReadingAhead(self) }
}

/// A file being read on a thread of its own (`CSVReader.startReadingAhead`), its records and
/// findings waiting, in order, for `consume`.
final class ReadingAhead {
    private let queue = BatchQueue<ReadItem>(capacity: 4)
    private let spare = RecordPool()
    private let done = DispatchSemaphore(value: 0)
    private let outcome = ReadOutcome()
    private var consumed = false

    fileprivate init(_ reader: CSVReader) {
        let (queue, spare, done, outcome) = (queue, spare, done, outcome)
        let thread = Thread {
            var batch: [ReadItem] = []
            var bytes = 0
            // Buffers the consumer gave back, taken from the pool all at once (one lock a batch, not a record).
            var stash: [Unmanaged<RecordBuffer>] = []
            func flush() throws {
                queue.put(batch)
                // The next batch with room for as many records as this one had and a few more:
                // grown from empty, it was copied ten times a batch (50 ms of the reading
                // thread's time over a million records).
                let count = batch.count
                batch = []
                batch.reserveCapacity(count + count / 8 + 8)
                bytes = 0
                // The handler failed: stop parsing (its error is the one thrown).
                if spare.cancelled { throw Stopped() }
            }
            outcome.result = Result {
                try reader.read(diagnose: { diagnostic in
                    batch.append(.diagnostic(diagnostic))
                    bytes += 64 + diagnostic.message.utf8.count
                }) { record in
                    if stash.isEmpty { stash = spare.takeAll() }
                    let copy = stash.popLast() ?? spare.make()
                    // The buffers taken next were last touched by the consumer's core: the next
                    // one's fields (its object came over during the last record) and the one
                    // after's object are asked for now, to be written.
                    if let next = stash.last {
                        needs_prefetch_write(UnsafeRawPointer(next._withUnsafeGuaranteedRef { $0.sink }))
                        if stash.count >= 2 { needs_prefetch_write(UnsafeRawPointer(stash[stash.count - 2].toOpaque())) }
                    }
                    bytes += record.byteCount + 64
                    let lines = copy._withUnsafeGuaranteedRef { copy in
                        copy.take(from: record)
                        return RecordLines(copy)
                    }
                    batch.append(.record(copy, lines))
                    if bytes >= 1 << 17 { try flush() }
                }
            }
            try? flush()
            queue.close()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Hands every record and finding to `handler` and `diagnose` on the calling thread, in
    /// order, and returns once the reading thread is done: the file's summary, or the first error
    /// (the reader's, or the handler's, which stops the reading).
    func consume(diagnose: (Diagnostic) -> Void, _ handler: (RecordBuffer) throws -> Void) throws -> FileReadSummary {
        precondition(!consumed, "a file's records taken twice")
        consumed = true
        var failure: Error? = nil
        while let batch = queue.take() {
            var used: [Unmanaged<RecordBuffer>] = []
            used.reserveCapacity(batch.count)
            for case let .record(_, lines) in batch.prefix(2) { lines.prefetch() }
            for (i, item) in batch.enumerated() {
                // The record two ahead is asked for now, so that it has come over from the
                // reading thread's core by the time the handler reads it.
                if i + 2 < batch.count, case let .record(_, lines) = batch[i + 2] { lines.prefetch() }
                switch item {
                case let .diagnostic(diagnostic):
                    if failure == nil { diagnose(diagnostic) }
                case let .record(record, _):
                    if failure == nil {
                        do { try record._withUnsafeGuaranteedRef { try handler($0) } } catch {
                            failure = error
                            spare.cancel()
                        }
                    }
                    used.append(record)
                }
            }
            spare.give(used)
        }
        done.wait()
        if let failure { throw failure }
        return try outcome.result!.get()
    }

    /// A reading nobody took is stopped: the thread, waiting for room in the queue, would
    /// otherwise hold the file and its buffers for the rest of the process.
    deinit {
        guard !consumed else { return }
        spare.cancel()
        while queue.take() != nil {}
        done.wait()
    }
}

/// The reading thread's result, read by the calling thread once the thread is done.
private final class ReadOutcome: @unchecked Sendable {
    var result: Result<FileReadSummary, Error>?
}

/// Thrown inside the reading thread to stop it once the consumer has failed.
private struct Stopped: Error {}

/// A record travels unretained: the pool owns every buffer for the whole read, so handing one
/// between the threads costs no reference counting (an atomic write to a line the other thread
/// has just used).
private enum ReadItem {
    case record(Unmanaged<RecordBuffer>, RecordLines)
    case diagnostic(Diagnostic)
}

/// Where a record's memory is (the buffer object, its fields' bytes and ends), for the consumer
/// to prefetch without following pointers.
private struct RecordLines {
    let object: UnsafeRawPointer
    let sink: UnsafeRawPointer
    let bytes: UnsafeRawPointer
    let byteCount: Int
    let ends: UnsafeRawPointer
    let endBytes: Int

    init(_ record: RecordBuffer) {
        object = UnsafeRawPointer(Unmanaged.passUnretained(record).toOpaque())
        sink = UnsafeRawPointer(record.sink)
        bytes = UnsafeRawPointer(record.sink.pointee.bytes)
        byteCount = record.sink.pointee.byteCount
        ends = UnsafeRawPointer(record.sink.pointee.ends)
        endBytes = record.sink.pointee.fieldCount * MemoryLayout<Int>.stride
    }

    /// The first KiB of each is enough for a survey row (a long free-text field is read once, in order).
    func prefetch() {
        needs_prefetch_read(object)
        needs_prefetch_read(sink)
        for offset in stride(from: 0, to: min(endBytes, 1024), by: 64) { needs_prefetch_read(ends + offset) }
        for offset in stride(from: 0, to: min(byteCount, 1024), by: 64) { needs_prefetch_read(bytes + offset) }
    }
}

/// Record buffers handed back by the consumer for the reader to fill again, and whether the
/// consumer has given up. It owns every buffer made for the read.
private final class RecordPool: @unchecked Sendable {
    private let lock = NSLock()
    private var buffers: [Unmanaged<RecordBuffer>] = []
    private var owned: [RecordBuffer] = []
    private var stop = false

    /// A new buffer, owned by the pool (the reader makes them until the consumer gives some back).
    func make() -> Unmanaged<RecordBuffer> {
        let buffer = RecordBuffer()
        lock.lock()
        owned.append(buffer)
        lock.unlock()
        return Unmanaged.passUnretained(buffer)
    }

    /// Set once the consumer has failed: the reader stops at its next batch.
    var cancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stop
    }

    func cancel() {
        lock.lock()
        stop = true
        lock.unlock()
    }

    /// Every buffer given back so far.
    func takeAll() -> [Unmanaged<RecordBuffer>] {
        lock.lock()
        defer { lock.unlock() }
        let all = buffers
        buffers.removeAll(keepingCapacity: true)
        return all
    }

    func give(_ used: [Unmanaged<RecordBuffer>]) {
        lock.lock()
        buffers.append(contentsOf: used)
        lock.unlock()
    }
}
