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
        let queue = BatchQueue<ReadItem>(capacity: 4)
        let spare = RecordPool()
        let done = DispatchSemaphore(value: 0)
        let outcome = ReadOutcome()
        let reader = self
        let thread = Thread {
            var batch: [ReadItem] = []
            var bytes = 0
            func flush() {
                queue.put(batch)
                batch = []
                bytes = 0
            }
            outcome.result = Result {
                try reader.read(diagnose: { batch.append(.diagnostic($0)) }) { record in
                    let copy = spare.take()
                    copy.copy(from: record)
                    batch.append(.record(copy))
                    bytes += record.byteCount + 64
                    if bytes >= 1 << 15 { flush() }
                }
            }
            flush()
            queue.close()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        var failure: Error? = nil
        while let batch = queue.take() {
            var used: [RecordBuffer] = []
            used.reserveCapacity(batch.count)
            for item in batch {
                switch item {
                case let .diagnostic(diagnostic):
                    diagnose(diagnostic)
                case let .record(record):
                    if failure == nil {
                        do { try handler(record) } catch { failure = error }
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
}

/// The reading thread's result, read by the calling thread once the thread is done.
private final class ReadOutcome: @unchecked Sendable {
    var result: Result<FileReadSummary, Error>?
}

private enum ReadItem {
    case record(RecordBuffer)
    case diagnostic(Diagnostic)
}

/// Record buffers handed back by the consumer for the reader to fill again.
private final class RecordPool: @unchecked Sendable {
    private let lock = NSLock()
    private var buffers: [RecordBuffer] = []

    func take() -> RecordBuffer {
        lock.lock()
        defer { lock.unlock() }
        return buffers.popLast() ?? RecordBuffer()
    }

    func give(_ used: [RecordBuffer]) {
        lock.lock()
        buffers.append(contentsOf: used)
        lock.unlock()
    }
}
