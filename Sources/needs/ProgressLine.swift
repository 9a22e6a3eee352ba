#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NeedsKit

/// A progress line on stderr for runs that take more than a second: only on a terminal, never
/// with --quiet; erased before anything else is written to stderr, and when the run ends.
final class ProgressLine: @unchecked Sendable {
    private let start = ProgressLine.now()
    /// Records of the files read whole, and the file being read: the rate is of the whole run.
    private var recordsBefore = 0
    private var current = (index: 0, records: 0)

    /// Whether a progress line stands on the terminal, unerased. The line is shown by the run's
    /// calling thread, and erased by the messages printed after it; the lock keeps the two apart.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var shown = false

    static func make(quiet: Bool) -> (@Sendable (NeedsKit.Progress) -> Void)? {
        guard !quiet, Terminal.stderrIsTerminal else { return nil }
        let line = ProgressLine()
        return { line.show($0) }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    func show(_ progress: NeedsKit.Progress) {
        if progress.fileIndex != current.index {
            recordsBefore += current.records
            current.index = progress.fileIndex
        }
        current.records = progress.records
        let elapsed = ProgressLine.now() - start
        guard elapsed > 1 else { return }
        // Records a second: the bytes of a file are known only once it is read whole, and a rate
        // of them showed 0.0 MB/s for as long as the first file was read.
        let rate = Int((Double(recordsBefore + current.records) / elapsed).rounded())
        let text = "file \(progress.fileIndex)/\(progress.fileCount) \(Diagnostic.escapingControls(progress.file)): "
            + "\(progress.records) records, \(rate) records/s"
        Self.lock.lock()
        defer { Self.lock.unlock() }
        fputs("\r\u{1B}[K" + text, stderr)
        Self.shown = true
    }

    /// Erases the progress line, if one is shown, so that what is written next starts its own
    /// line: the first message after a run was written on the end of the line
    /// (`…, 18.2 MB/sbig.csv:1:23: note: …`).
    static func erase() {
        lock.lock()
        defer { lock.unlock() }
        if shown { fputs("\r\u{1B}[K", stderr) }
        shown = false
    }

    deinit { Self.erase() }
}
