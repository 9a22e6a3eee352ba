import Foundation
import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of an input file, for the provenance in summary.json (swift-crypto), read in chunks so
/// memory stays flat.
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
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}

/// A file's SHA-256, computed on a thread of its own from the moment it is created; `value`
/// waits for it.
final class Digest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: String?

    init(path: String) {
        let thread = Thread { [self] in
            result = FileDigest.sha256(path: path)
            done.signal()
        }
        thread.start()
    }

    private lazy var waited: String? = {
        done.wait()
        return result
    }()

    /// Call from the creating thread only.
    var value: String? { waited }
}
