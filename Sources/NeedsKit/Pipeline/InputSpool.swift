import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Inputs that cannot be read twice: `-` (standard input, as in `curl … | needs check -`) and
/// pipes (`needs check <(unzip -p export.zip)`). The reader reads a file more than once (a
/// sample to detect its encoding and dialect, then the whole; the digest on a thread of its own),
/// so such an input is first copied whole into a private temporary folder, under the name
/// `stdin` (a shell's pipe `pipe-63`, a named pipe under the path it was given), and read from
/// there. The folders are removed when the process exits, or is stopped by a signal
/// (`CleanupOnSignal`).
public enum InputSpool {
    /// Said as every message is, `file: error: message [code]`, standard input named `stdin`:
    /// it was `error: -: cannot copy the input: ...`.
    public struct Failure: DiagnosedError {
        public var input: String
        public var reason: String
        public var diagnostics: [Diagnostic] {
            [Diagnostic(.error, file: input == "-" ? "stdin" : input, code: "input_unreadable",
                        message: "cannot copy the input: \(reason)")]
        }
        public var description: String { diagnostics[0].description }
    }

    /// `inputs` with every `-` and pipe replaced by the path of its copy; other inputs as given.
    /// One named twice, in this call or an earlier one (the inputs, then a `--wave`), is copied
    /// once (a second copy would be empty, the input read to its end), so that it is read once,
    /// as a file named twice is.
    public static func regularFiles(_ inputs: [String]) throws -> [String] {
        try inputs.map { input in
            if let copy = copied(input) { return copy }
            let path = try regularFile(input)
            if path != input {
                lock.lock()
                copies[input] = path
                lock.unlock()
            }
            return path
        }
    }

    /// How messages name `path`: a copy by its name in its temporary folder (`stdin`,
    /// `pipe-63`), not by the folder's random name; any other path as given.
    public static func displayName(_ path: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        guard copies.values.contains(path), let folder = folders.first(where: { path.hasPrefix($0 + "/") }) else { return path }
        return String(path.dropFirst(folder.count + 1))
    }

    /// The copies made so far, by the input they copy.
    nonisolated(unsafe) private static var copies: [String: String] = [:]

    private static func copied(_ input: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return copies[input]
    }

    /// A copy of standard input or of a pipe; any other input as given.
    private static func regularFile(_ input: String) throws -> String {
        if input == "-" { return try spool(descriptor: STDIN_FILENO, input: input, name: "stdin") }
        var info = stat()
        guard stat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO else { return input }
        let descriptor = open(input, O_RDONLY)
        guard descriptor >= 0 else { return input }  // the reader reports why it cannot be opened
        defer { close(descriptor) }
        // A pipe of the shell (`<(...)`) by its number; a named pipe under the path it was given
        // (`.` and `..` left out), so that one sharing its base name with another input is told
        // apart by that path (`fifo/EE.csv`), not by the temporary folder's random name.
        if input.hasPrefix("/dev/fd/") || input.hasPrefix("/proc/") {
            return try spool(descriptor: descriptor, input: input, name: "pipe-" + InputFiles.lastComponent(input))
        }
        let name = input.split(separator: "/").filter { $0 != "." && $0 != ".." }.joined(separator: "/")
        return try spool(descriptor: descriptor, input: input, name: name)
    }

    private static func spool(descriptor: Int32, input: String, name: String) throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let folder = try makeFolder(in: base, input: input)
        let path = folder + "/" + name
        if let slash = name.lastIndex(of: "/") {
            do {
                try FileManager.default.createDirectory(atPath: folder + "/" + name[..<slash], withIntermediateDirectories: true)
            } catch {
                throw Failure(input: input, reason: OutputFolder.reason(of: error))
            }
        }
        guard let file = fopen(path, "wb") else {
            throw Failure(input: input, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(input: input, reason: String(cString: strerror(errno)))
            }
            guard fwrite(buffer, 1, n, file) == n else { throw Failure(input: input, reason: String(cString: strerror(errno))) }
        }
        guard fflush(file) == 0 else { throw Failure(input: input, reason: String(cString: strerror(errno))) }
        return path
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: [String] = []

    /// A new private folder `needs-input-PID-HOST-XXXXXXXX` in `base`, as `mkdtemp` makes one, but
    /// registered for removal before it is made: a Ctrl-C between `mkdtemp` and registering it
    /// left it, and the copy of the input in it, behind. The process id in the name lets the next
    /// run remove the copies of a run killed outright, which no handler could remove.
    private static func makeFolder(in base: String, input: String) throws -> String {
        OutputFolder.removeLeftoversOfKilledRuns(in: base, prefix: "needs-input-")
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let name = String((0..<8).map { _ in letters.randomElement(using: &generator)! })
            let folder = base + "/needs-input-" + OutputFolder.processTag + "-" + name
            register(folder)
            if mkdir(folder, 0o700) == 0 { return folder }
            let error = errno
            unregister(folder)
            if error != EEXIST {
                // The folder is TMPDIR's when it is set: the one setting to change.
                let named = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "").isEmpty ? "" : " (TMPDIR)"
                throw Failure(input: input, reason: "no temporary folder in \(base)\(named): \(String(cString: strerror(error))); "
                                  + "set TMPDIR to a folder that can be written")
            }
        }
        throw Failure(input: input, reason: "no temporary folder in \(base): every name tried was taken")
    }

    private static func register(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        if folders.isEmpty { atexit { InputSpool.removeAll() } }
        folders.append(folder)
        CleanupOnSignal.register(folder)
    }

    private static func unregister(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        folders.removeAll { $0 == folder }
        CleanupOnSignal.unregister(folder)
    }

    /// Removes every copy made so far (also run when the process exits).
    public static func removeAll() {
        lock.lock()
        let all = folders
        folders = []
        copies = [:]
        lock.unlock()
        for folder in all {
            try? FileManager.default.removeItem(atPath: folder)
            CleanupOnSignal.unregister(folder)
        }
    }
}
