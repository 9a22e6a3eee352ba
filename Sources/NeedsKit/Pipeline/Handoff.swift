import Foundation

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

/// Hands values from the thread that makes them to one consumer thread, in batches and in order:
/// reading and normalising run on one core while aggregation and writing run on another. The
/// consumer sees the values exactly in the order they were sent, so results do not depend on
/// timing.
///
///     let handoff = Handoff<Respondent> { aggregator.add($0) }
///     respondents.forEach(handoff.send)
///     handoff.finish()   // returns once the consumer has taken every value
final class Handoff<Value>: @unchecked Sendable {
    private let queue = BatchQueue<Value>(capacity: 8)
    private let drained = DispatchSemaphore(value: 0)
    private var batch: [Value] = []
    private let batchSize: Int

    init(batchSize: Int = 256, consume: @escaping (Value) -> Void) {
        self.batchSize = batchSize
        batch.reserveCapacity(batchSize)
        let thread = Thread { [queue, drained] in
            // Each value is moved out of the batch (popLast from the reversed batch), not copied.
            while var next = queue.take() {
                next.reverse()
                while let value = next.popLast() { consume(value) }
            }
            drained.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Dropped without `finish` (an error on the way): the consumer thread ends too.
    deinit { queue.close() }

    /// Called from the producing thread only.
    func send(_ value: Value) {
        batch.append(value)
        if batch.count >= batchSize { flush() }
    }

    /// Sends what is left and waits until the consumer has taken every value.
    func finish() {
        flush()
        queue.close()
        drained.wait()
    }

    private func flush() {
        queue.put(batch)
        batch = []
        batch.reserveCapacity(batchSize)
    }
}
