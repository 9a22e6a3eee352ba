#if canImport(Glibc)
import Glibc
#endif
import NeedsKit

/// A progress line on stderr for runs that take more than a second: only on a terminal, never
/// with --quiet; erased when the run ends.
final class ProgressLine: @unchecked Sendable {
    private let start = ProgressLine.now()
    private var shown = false

    static func make(quiet: Bool) -> (@Sendable (Progress) -> Void)? {
        guard !quiet, Terminal.stderrIsTerminal else { return nil }
        let line = ProgressLine()
        return { line.show($0) }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    func show(_ progress: Progress) {
        let elapsed = ProgressLine.now() - start
        guard elapsed > 1 else { return }
        let rate = Double(progress.bytesDone) / elapsed / 1e6
        let text = "file \(progress.fileIndex)/\(progress.fileCount) \(progress.file): \(progress.records) records, \(NumberFormat.fixed(rate, decimals: 1)) MB/s"
        fputs("\r\u{1B}[K" + text, stderr)
        shown = true
    }

    deinit {
        if shown { fputs("\r\u{1B}[K", stderr) }
    }
}
