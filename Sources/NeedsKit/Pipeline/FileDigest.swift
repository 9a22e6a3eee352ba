import Foundation
import CLibCSV
import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of a file (the instrument's, for the provenance in summary.json; inputs are hashed as
/// they are read, `StreamDigest`), read in chunks so memory stays flat.
enum FileDigest {
    static func sha256(path: String) -> String? {
        guard let file = try? InputFile(path: path, displayName: path) else { return nil }
        defer { file.close() }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            guard let n = try? buffer.withUnsafeMutableBytes({ try file.read(into: $0) }) else { return nil }
            if n == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return hex(hasher.finalize())
    }

    /// A digest as lowercase hex, two digits a byte.
    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}

/// The SHA-256 of a file's bytes as they are read (a `ByteObserver`, on the reading thread),
/// computed on a thread of its own; `finish` waits for it. The reader reads into buffers the
/// digest lends, which the hashing thread hashes and gives back: the bytes are not copied.
///
///     let digest = StreamDigest()
///     reader.observer = digest
///     … read …
///     account.sha256 = digest.finish()
final class StreamDigest: ByteObserver, @unchecked Sendable {
    private enum Piece {
        /// Bytes observed elsewhere, copied (the sample, a workbook).
        case copied([UInt8])
        /// The first `count` bytes of a lent buffer.
        case lent(buffer: Int, count: Int)
    }
    private let queue = BatchQueue<Piece>(capacity: 2)
    private let buffers = LentBuffers()
    private let done = DispatchSemaphore(value: 0)
    private var pending: [UInt8] = []
    private var lent: Int? = nil
    /// Lent buffers read into, handed over four at a time: the hashing thread, faster than the
    /// reader, would otherwise wait for each, and waking it costs the reader a system call.
    private var filled: [Piece] = []
    /// Written by the hashing thread before it signals `done`.
    private final class Result: @unchecked Sendable { var hex = "" }
    private let result = Result()

    init() {
        // The thread holds the queue, the buffers and the result, not the digest: a digest
        // dropped without `finish` closes the queue and the thread ends.
        HelperThread.start { [queue, buffers, result, done] in
            var hasher = SHA256()
            while let pieces = queue.take() {
                for piece in pieces {
                    switch piece {
                    case let .copied(bytes):
                        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                    case let .lent(buffer, count):
                        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffers[buffer][0..<count]))
                        buffers.give(buffer)
                    }
                }
            }
            result.hex = FileDigest.hex(hasher.finalize())
            done.signal()
        }
    }

    /// Dropped without `finish` (the read failed): the hashing thread ends too.
    deinit { queue.close() }

    /// Copies the bytes for the hashing thread. Call from one thread at a time, in file order.
    func observe(_ bytes: UnsafeRawBufferPointer) {
        pending.append(contentsOf: bytes)
        if pending.count >= LentBuffers.size { flush() }
    }

    /// A free buffer, waiting while the hashing thread has them all.
    func lend() -> UnsafeMutableRawBufferPointer {
        if let lent { buffers.give(lent) }
        let buffer = buffers.take()
        lent = buffer
        return buffers[buffer]
    }

    func observeLent(_ count: Int) {
        guard let buffer = lent else { return }
        lent = nil
        guard count > 0 else { return buffers.give(buffer) }
        if !pending.isEmpty { flush() }
        filled.append(.lent(buffer: buffer, count: count))
        if filled.count == 4 { flush() }
    }

    /// Hands over what is held, in order (copied bytes come after the lent buffers held: a lent
    /// buffer hands over the copied bytes before it).
    private func flush() {
        if !pending.isEmpty {
            filled.append(.copied(pending))
            pending = []
        }
        guard !filled.isEmpty else { return }
        queue.put(filled)
        filled = []
    }

    /// The hex SHA-256 of every byte observed. Call once, after the last has been (and been seen
    /// by this thread: the reading thread has been joined).
    func finish() -> String {
        flush()
        queue.close()
        done.wait()
        return result.hex
    }
}

/// The buffers a `StreamDigest` lends, each 64 KiB (the reader's chunk): sixteen, 1 MiB, as the
/// hashing thread, a batch thread (`HelperThread`), can lag behind the reader by many chunks while
/// the other threads have the cores. With eight (up to four queued) the reader waited for one:
/// 1.52 s → 1.66 s a run (medians of 8 alternating rounds); with sixteen, 1.42 s → 1.41 s.
private final class LentBuffers: @unchecked Sendable {
    static let size = 1 << 16
    private static let count = 16
    private let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: size * count, alignment: 64)
    private let condition = NSCondition()
    private var free = Array(0..<count)

    deinit { memory.deallocate() }

    subscript(buffer: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(rebasing: memory[buffer * Self.size..<(buffer + 1) * Self.size])
    }

    func take() -> Int {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty { condition.wait() }
        return free.removeLast()
    }

    func give(_ buffer: Int) {
        condition.lock()
        free.append(buffer)
        condition.signal()
        condition.unlock()
    }
}
