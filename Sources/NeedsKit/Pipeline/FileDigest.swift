import Foundation
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

/// The SHA-256 of bytes handed over as they are read (`update`, from the thread that reads the
/// file: `ChunkPipe`'s, for all but the smallest files), so that a file is read once.
///
///     let digest = StreamDigest()
///     reader.onBytes = digest.update
///     … read …
///     account.sha256 = digest.finish()
final class StreamDigest: @unchecked Sendable {
    private var hasher = SHA256()

    init() {}

    /// Hashes the next bytes. Call from one thread at a time, in file order.
    func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The hex SHA-256 of every byte given to `update`. Call once, after the reading is done
    /// (the reader has stopped the thread that called `update`).
    func finish() -> String {
        FileDigest.hex(hasher.finalize())
    }
}
