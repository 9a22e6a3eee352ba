import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch file for what a run cannot hold in memory (the duplicate check's runs, the cleaning
/// log's rows). It is unlinked as soon as it is made: it has no name, so nothing is left behind
/// when it is closed, whether the run ends well, throws, or is killed.
final class TemporaryFile {
    private let fd: Int32
    /// Bytes appended so far.
    private(set) var size = 0

    /// A new empty file under `directory`; nil when none can be made there.
    init?(directory: String, prefix: String) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
            + Array("\(prefix)-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Appends `bytes` at the end; false when they could not all be written (a full disk).
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, base + done, bytes.count - done, off_t(size + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        size += done
        return true
    }

    /// Fills `buffer` from `offset`; false when the file does not hold that many bytes there or
    /// cannot be read.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return true }
        var done = 0
        while done < buffer.count {
            let n = pread(fd, base + done, buffer.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// Empties the file, for its space to be used again.
    func removeAll() {
        _ = ftruncate(fd, 0)
        size = 0
    }

    /// Why the last call failed, for a message.
    static var lastError: String { String(cString: strerror(errno)) }
}
