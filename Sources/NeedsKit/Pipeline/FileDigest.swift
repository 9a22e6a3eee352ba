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

/// The SHA-256 of bytes handed over as they are read (`update`, from the reading thread),
/// computed on a thread of its own; `finish` waits for it.
///
///     let digest = StreamDigest()
///     reader.onBytes = digest.update
///     … read …
///     account.sha256 = digest.finish()
final class StreamDigest: @unchecked Sendable {
    private let queue = BatchQueue<[UInt8]>(capacity: 4)
    private let done = DispatchSemaphore(value: 0)
    private var pending: [UInt8] = []
    /// Written by the hashing thread before it signals `done`.
    private final class Result: @unchecked Sendable { var hex = "" }
    private let result = Result()

    /// Bytes handed over at a time. The hashing thread, a batch thread (`HelperThread`), can lag
    /// behind the reader with its queue full: up to six chunks in memory (four queued, one hashed,
    /// one filling), 768 KiB; 256 KiB chunks took the run's peak RSS past 64 MB when it ran at nice 10.
    private static let chunk = 1 << 17

    init() {
        pending.reserveCapacity(Self.chunk)
        // The thread holds the queue and the result, not the digest: a digest dropped without
        // `finish` closes the queue and the thread ends.
        HelperThread.start { [queue, result, done] in
            var hasher = SHA256()
            while let chunks = queue.take() {
                for chunk in chunks { chunk.withUnsafeBytes { hasher.update(bufferPointer: $0) } }
            }
            result.hex = FileDigest.hex(hasher.finalize())
            done.signal()
        }
    }

    /// Dropped without `finish` (the read failed): the hashing thread ends too.
    deinit { queue.close() }

    /// Copies the bytes for the hashing thread. Call from one thread at a time, in file order.
    func update(_ bytes: UnsafeRawBufferPointer) {
        pending.append(contentsOf: bytes)
        if pending.count >= Self.chunk {
            queue.put([pending])
            pending.removeAll(keepingCapacity: false)
            pending.reserveCapacity(Self.chunk)
        }
    }

    /// The hex SHA-256 of every byte given to `update`. Call once, after the last `update`
    /// has returned (and been seen by this thread: the reading thread has been joined).
    func finish() -> String {
        queue.put([pending])
        pending = []
        queue.close()
        done.wait()
        return result.hex
    }
}
