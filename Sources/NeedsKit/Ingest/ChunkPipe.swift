import Foundation

/// Reads a source ahead on a thread of its own, chunk by chunk into a few buffers it owns, and
/// shows each chunk to `onBytes` there, in file order (the input's SHA-256): the parsing thread
/// then only parses. The chunks come out in order; memory is `slots` × `chunkSize`.
///
///     let pipe = ChunkPipe(source: file, chunkSize: 1 << 18, first: sample, onBytes: digest.update)
///     defer { pipe.stop() }
///     while let chunk = try pipe.next() {
///         parse(chunk)
///         pipe.recycle(chunk)
///     }
final class ChunkPipe: @unchecked Sendable {
    private let condition = NSCondition()
    /// Filled chunks, oldest first, and empty buffers; guarded by `condition`.
    private var ready: [UnsafeRawBufferPointer] = []
    private var spare: [UnsafeMutableRawPointer] = []
    private var finished = false
    private var cancelled = false
    private var failure: Error? = nil
    private let buffers: [UnsafeMutableRawPointer]
    private let done = DispatchSemaphore(value: 0)
    private var stopped = false

    /// Starts reading `source` after the bytes already read from it (`first`, shown to
    /// `onBytes` before the rest).
    init(source: ByteSource, chunkSize: Int, slots: Int = 8, first: [UInt8],
         onBytes: ((UnsafeRawBufferPointer) -> Void)?) {
        buffers = (0..<max(2, slots)).map { _ in UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 64) }
        spare = buffers
        let thread = Thread { [self] in
            first.withUnsafeBytes { onBytes?($0) }
            produce(source: source, chunkSize: chunkSize, onBytes: onBytes)
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        stop()
        for buffer in buffers { buffer.deallocate() }
    }

    private func produce(source: ByteSource, chunkSize: Int, onBytes: ((UnsafeRawBufferPointer) -> Void)?) {
        while true {
            condition.lock()
            while spare.isEmpty && !cancelled { condition.wait() }
            if cancelled {
                condition.unlock()
                break
            }
            let buffer = spare.removeLast()
            condition.unlock()
            let count: Int
            do {
                count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: chunkSize))
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
                break
            }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(start: buffer, count: count)
            onBytes?(chunk)
            condition.lock()
            ready.append(chunk)
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, waiting for it; nil at the end of the source. Throws the source's read
    /// error once the chunks before it are taken.
    func next() throws -> UnsafeRawBufferPointer? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        if !ready.isEmpty { return ready.removeFirst() }
        if let failure { throw failure }
        return nil
    }

    /// Gives a chunk's buffer back once it is parsed.
    func recycle(_ chunk: UnsafeRawBufferPointer) {
        condition.lock()
        spare.append(UnsafeMutableRawPointer(mutating: chunk.baseAddress!))
        condition.broadcast()
        condition.unlock()
    }

    /// Stops reading (at the end, or when parsing stopped early) and waits for the reading
    /// thread: after this, every `onBytes` call has returned and is seen by the caller.
    func stop() {
        if stopped { return }
        stopped = true
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        done.wait()
    }
}
