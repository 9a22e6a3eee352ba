import Foundation
import CLibCSV

/// The threads beside a run's two busiest, parsing and normalising: the one that aggregates and
/// writes the clean rows, and the one that hashes the input. Each lowers its own priority when it
/// starts (nice 10 over the run's), so that on two cores it runs when the parsing or normalising
/// thread waits, not in turns with them: the parsing thread, which the run's wall time follows,
/// is not preempted for work whose hand-off queue has room. On the 1,000,000-respondent export
/// that took a run from 1.68 s to 1.53 s (medians of 15 alternating rounds); nice 4 had made no
/// difference to tell. Both still run at full speed on a core nothing else wants.
enum HelperThread {
    static let niceness: Int32 = 10

    /// Starts `body` on a new thread of lower priority.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            needs_lower_thread_priority(niceness)
            body()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// A bounded first-in-first-out queue of batches between two threads. The producer blocks when
/// `capacity` batches wait, so memory stays bounded when the consumer is slower.
final class BatchQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queued: [[Element]] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int = 16) { self.capacity = capacity }

    func put(_ batch: [Element]) {
        guard !batch.isEmpty else { return }
        condition.lock()
        while queued.count >= capacity { condition.wait() }
        queued.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for it; nil once the queue is closed and empty.
    func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while queued.isEmpty && !closed { condition.wait() }
        if queued.isEmpty { return nil }
        condition.broadcast()
        return queued.removeFirst()
    }
}

/// Hands a normaliser's clean rows to one consumer thread, in batches and in order: reading and
/// normalising run on one core while aggregation and writing run on another. The consumer sees
/// the rows exactly in the order they were sent, so results do not depend on timing.
///
///     let rows = RowHandoff { sink.consume($0) }
///     rows.startFile("EE.csv")
///     rows.send(normalizer)   // after each clean row (`normalizeRow` returned nil)
///     rows.finish()           // returns once the consumer has taken every row
final class RowHandoff: @unchecked Sendable {
    private let queue = BatchQueue<RowBatch>(capacity: 4)
    private let drained = DispatchSemaphore(value: 0)
    private var batch = RowBatch()
    private var files: Int32 = -1
    private let batchSize: Int

    init(batchSize: Int = 2048, consume: @escaping (RowBatch) -> Void) {
        self.batchSize = batchSize
        HelperThread.start { [queue, drained] in
            while let next = queue.take() {
                for batch in next { consume(batch) }
            }
            drained.signal()
        }
    }

    /// Dropped without `finish` (an error on the way): the consumer thread ends too.
    deinit { queue.close() }

    /// The rows sent from now on come from this file. Called from the producing thread only.
    func startFile(_ name: String) {
        batch.files.append(name)
        files += 1
    }

    /// The file's rows have all been sent: its dates read day-first at first are corrected in
    /// clean/responses.csv when the normaliser says so (`Normalizer.correctsAssumedDates`).
    func endFile(_ normalizer: Normalizer) {
        guard normalizer.correctsAssumedDates else { return }
        batch.correctsAssumedDates = true
        flush()
    }

    /// Sends the normaliser's last clean row, with what it interned since the last call.
    func send(_ normalizer: Normalizer) {
        if !normalizer.fresh.isEmpty { batch.fresh += normalizer.takeFresh() }
        var extraPlace: Int32 = -1
        if let place = normalizer.row.extraPlace {
            extraPlace = Int32(batch.extraPlaces.count)
            batch.extraPlaces.append(place)
        }
        // The row's fields are read one by one: a copy of the whole row would retain its arrays.
        batch.heads.append(RowBatch.Head(
            idHash: normalizer.row.idHash, line: normalizer.row.line, file: files, place: normalizer.row.place,
            submitted: normalizer.row.submitted, otherReading: normalizer.row.otherReading, weight: normalizer.row.weight, extras: Int32(batch.extras.count),
            extraPlace: extraPlace))
        batch.answers.append(contentsOf: normalizer.rowAnswers)
        if !normalizer.row.extras.isEmpty { batch.extras.append(contentsOf: normalizer.row.extras) }
        if batch.heads.count >= batchSize { flush() }
    }

    /// Sends what is left and waits until the consumer has taken every row.
    func finish() {
        flush()
        queue.close()
        drained.wait()
    }

    private func flush() {
        guard !batch.heads.isEmpty || !batch.fresh.isEmpty || !batch.files.isEmpty || batch.correctsAssumedDates else { return }
        queue.put([batch])
        let answersPerRow = batch.heads.isEmpty ? 0 : batch.answers.count / batch.heads.count
        batch = RowBatch()
        batch.heads.reserveCapacity(batchSize)
        batch.answers.reserveCapacity(batchSize * answersPerRow)
    }
}
