import Foundation

/// Hands values from the thread that makes them to one consumer thread, in batches and in order:
/// reading and normalising run on one core while aggregation and writing run on another. The
/// consumer sees the values exactly in the order they were sent, so results do not depend on
/// timing. At most `maxQueued` batches wait, so memory stays bounded when the consumer is slower.
///
///     let handoff = Handoff<Respondent> { aggregator.add($0) }
///     respondents.forEach(handoff.send)
///     handoff.finish()   // returns once the consumer has taken every value
final class Handoff<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queued: [[Value]] = []
    private var closed = false
    private var drained = false
    private var batch: [Value] = []
    private let batchSize: Int
    private let maxQueued: Int

    init(batchSize: Int = 256, maxQueued: Int = 16, consume: @escaping (Value) -> Void) {
        self.batchSize = batchSize
        self.maxQueued = maxQueued
        batch.reserveCapacity(batchSize)
        let thread = Thread { [self] in run(consume) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Called from the producing thread only.
    func send(_ value: Value) {
        batch.append(value)
        if batch.count >= batchSize { flush() }
    }

    /// Sends what is left and waits until the consumer has taken every value.
    func finish() {
        flush()
        condition.lock()
        closed = true
        condition.broadcast()
        while !drained { condition.wait() }
        condition.unlock()
    }

    private func flush() {
        guard !batch.isEmpty else { return }
        condition.lock()
        while queued.count >= maxQueued { condition.wait() }
        queued.append(batch)
        condition.broadcast()
        condition.unlock()
        batch = []
        batch.reserveCapacity(batchSize)
    }

    private func run(_ consume: (Value) -> Void) {
        while true {
            condition.lock()
            while queued.isEmpty && !closed { condition.wait() }
            if queued.isEmpty {
                drained = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let next = queued.removeFirst()
            condition.broadcast()
            condition.unlock()
            for value in next { consume(value) }
        }
    }
}
