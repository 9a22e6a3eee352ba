import CLibCSV
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a run stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP removes before it ends (a signal
/// ignored when the run started, as `nohup` ignores SIGHUP, stays ignored): the staging folder of
/// the reports (`.reports.incomplete-PID-HOST`, a part-written clean table that could be as large as
/// the export), the copies of standard input, which hold respondents' answers, and a
/// part-written synthetic export. The previous reports stay as they were, as when a run fails.
///
/// The handler resets itself first, so a second Ctrl-C ends the run at once whatever the first
/// is doing; then it says on stderr that the run stopped, removes each registered path with
/// libc's calls (`needs_remove_tree`) and raises the signal again, so the exit status says how
/// the run ended.
public enum CleanupOnSignal {
    private static let capacity = 64
    /// Registered paths as C strings; a slot is nil when free. Never freed: a handler may be
    /// reading a slot while another thread clears it.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false
    /// The line the handler writes (with `write`, which a handler may call), made when it is
    /// installed: on a terminal after a line break, as the terminal shows `^C` or a progress line
    /// where the cursor is.
    nonisolated(unsafe) private static var stoppedLine: (bytes: UnsafeMutablePointer<CChar>, count: Int)? = nil
    static let stoppedMessage = "needs: stopped; what this run was writing is removed, and earlier output is as it was"

    /// Removes `path` (a file, or a folder and all in it) if the run is stopped by a signal.
    public static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        if !installed {
            installed = true
            let line = (isatty(2) != 0 ? "\n" : "") + stoppedMessage + "\n"
            if let bytes = strdup(line) { stoppedLine = (bytes, strlen(bytes)) }
            for signal in [SIGINT, SIGTERM, SIGHUP] where !ignored(signal) { Glibc.signal(signal, handle) }
        }
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return
        }
    }

    /// Whether `signal` was ignored when the run started (`nohup` ignores SIGHUP, a shell
    /// ignores SIGINT for a command run in the background): it stays ignored, so that the run
    /// outlives the terminal it was asked to outlive.
    private static func ignored(_ signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        return handler == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// `path` needs no removal any more (the run committed or removed it).
    public static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<capacity {
            if let slot = slots[i], strcmp(slot, path) == 0 { slots[i] = nil }
        }
    }

    private static let handle: @convention(c) (Int32) -> Void = { signal in
        // The calls below may set errno; the interrupted code's is given back (ThreadSanitizer
        // says so of a handler that does not).
        let interrupted = errno
        Glibc.signal(signal, SIG_DFL)
        if let line = CleanupOnSignal.stoppedLine { _ = write(2, line.bytes, line.count) }
        // Twice over: the run's other threads go on until the signal is raised again, and one
        // writing a report may make its folder anew.
        for _ in 0..<2 {
            for i in 0..<CleanupOnSignal.capacity {
                if let path = CleanupOnSignal.slots[i] { needs_remove_tree(path) }
            }
        }
        errno = interrupted
        raise(signal)
    }
}
