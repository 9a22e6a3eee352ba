import Foundation
import CLibCSV

/// The threads beside a run's two busiest, parsing and normalising: the one that aggregates and
/// writes the clean rows, and the one that hashes the input. Each makes itself a batch thread when
/// it starts (Linux SCHED_BATCH): it does not preempt the running thread when a hand-off wakes it,
/// so on two cores the parsing thread, which the run's wall time follows, is not interrupted for
/// work whose queue has room. Its share of the CPU is unchanged, so on a busy machine it is not
/// starved. On the 1,000,000-respondent export, medians of 10 alternating `/usr/bin/time` rounds
/// (README, "Speed and memory"; `make bench` times the kept build: 1.56 × the floor): 1.61 s as
/// normal threads, 1.48 s as batch threads. Nice 10 gave 1.55 s idle but 4.3 s against 3.6 s
/// beside two busy processes (batch threads 3.4 s); nice 4 had made no difference to tell.
enum HelperThread {
    /// Starts `body` on a new thread (8 MiB of stack), a batch thread unless `batch` is false
    /// (work the run waits for: `BackgroundWork`).
    static func start(batch: Bool = true, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            if batch { needs_make_batch_thread() }
            body()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// Work done on a thread of its own while the caller does other work; `wait` returns its result.
/// A normal thread, for work the run waits for; a batch thread (`batch`) for work it rarely waits
/// for (the duplicate check's tables written out), which `isDone` looks at without waiting.
final class BackgroundWork<Value>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(batch: Bool = false, _ work: @escaping () -> Value) {
        HelperThread.start(batch: batch) { [self] in
            value = work()
            done.signal()
        }
    }

    private var waited = false

    /// Whether the work is done, without waiting (from the thread that started it).
    var isDone: Bool {
        if !waited && done.wait(timeout: .now()) == .success { waited = true }
        return waited
    }

    /// The result, once the work is done (from one thread: the one that started it).
    func wait() -> Value {
        if !waited {
            done.wait()
            waited = true
        }
        return value!
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
            extraPlace: extraPlace, demandUnasked: normalizer.row.demandUnasked, demandUnaskedBits: normalizer.row.demandUnaskedBits))
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
