import CLibCSV
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a run's files into a temporary folder beside the output folder and swaps it into place
/// at the end, so a crash or Ctrl-C mid-run leaves the previous reports whole.
public final class OutputFolder {
    public let path: String
    /// Where the reports go: `path`, or the folder it leads to when it is a symbolic link (the
    /// link stays; the swap would replace it with a folder of its own).
    let location: String
    let staging: String
    private let fileManager = FileManager.default
    /// Files written as they go: a write that failed (a full disk) stops the commit.
    private var streams: [OutputStream] = []
    /// Every file written, for the list `commit` leaves in the folder.
    private var written: [String] = []
    /// The SHA-256 of each file written whole (not the streamed tables), listed with it, so that
    /// the next run can tell a report edited by hand from the one written.
    private var digests: [String: String] = [:]

    public enum Failure: Error, CustomStringConvertible {
        case cannotWrite(String, String)
        /// The output path is a file, not a folder.
        case notAFolder(String)
        /// The output folder holds files an earlier run did not write: replacing it would delete them.
        case foreignFolder(String, String)
        /// An input lies in the output folder: replacing it would delete the input.
        case holdsInput(String, String)
        /// A report of the earlier run was changed since it was written (edited by hand).
        case editedReport(String, String)

        public var description: String {
            switch self {
            case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
            case let .notAFolder(path):
                return "--out \(path) is a file, not a folder; nothing was written (give a new folder, or one of earlier reports)"
            case let .foreignFolder(path, example):
                return "--out \(path) holds files needs did not write (\(example)): the reports replace the whole folder, "
                    + "so nothing was written; give a new or empty folder, or a folder holding only earlier reports"
            case let .editedReport(path, file):
                return "--out \(path) holds \(file), changed since needs wrote it (edited by hand?): the reports replace the whole "
                    + "folder, so nothing was written; move it out of the folder to keep the changes, or delete it, then run again"
            case let .holdsInput(path, input):
                // A copy of standard input or a pipe (in a temporary folder) is named as what it
                // copies: a probe's `--out /` named the copy's random path as "the input".
                let shown = InputSpool.displayName(input)
                let what = shown == input ? "the input \(input)" : "the temporary copy of \(shown == "stdin" ? "standard input" : shown) (\(input))"
                return "--out \(path) holds \(what): the reports replace the whole folder and would delete it; nothing was written, give another folder"
            }
        }
    }

    /// Checks that replacing `path` with a run's reports deletes nothing but earlier reports:
    /// it is new, an empty folder, or a folder with an earlier run's summary.json; and none of
    /// `inputs` (exports, instrument, plan) is the folder or lies inside it.
    public static func checkTarget(_ path: String, inputs: [String]) throws {
        let target = resolved(path)
        for input in inputs where !input.isEmpty {
            let source = resolved(input)
            if source == target || source.hasPrefix(target == "/" ? "/" : target + "/") {
                throw Failure.holdsInput(path, input)
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            // A link to nothing (a share not mounted), or one of a loop of links (a probe's had
            // been said to point to a file that does not exist, which did): the reports could not
            // be swapped in.
            let why = errno
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw Failure.cannotWrite(path, why == ELOOP
                    ? "it is a symbolic link to \(target), and the links lead round in a loop; nothing was written"
                    : "it is a symbolic link to \(target), which does not exist; nothing was written")
            }
            // A new folder: the nearest part of its path that exists must be a folder to make it in.
            var ancestor = URL(fileURLWithPath: path).deletingLastPathComponent().path
            while stat(ancestor, &info) != 0 && (errno == ENOENT || errno == ENOTDIR) && ancestor != "/" {
                ancestor = URL(fileURLWithPath: ancestor).deletingLastPathComponent().path
            }
            if stat(ancestor, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
                throw Failure.cannotWrite(path, "\(ancestor) is a file, not a folder; nothing was written")
            }
            return
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure.notAFolder(path) }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        guard let first = entries.first else { return }
        if !entries.contains("summary.json") || !isSummary(path + "/summary.json") {
            throw Failure.foreignFolder(path, first)
        }
        // An earlier run's reports: nothing else may be in them (notes, a plan or a wave kept
        // beside the reports would go with them).
        // The run that wrote them listed its files: anything else is the user's (an edited chart,
        // notes in countries/), whatever its name. Reports from before the list: by name.
        if entries.contains(manifestName) {
            // `name` or `name<TAB>sha256` a line (the digest of each file written whole).
            // (Lines split at any line end: a checkout or copy may have turned LF into CR LF.)
            let lines = ((try? String(contentsOfFile: path + "/" + manifestName, encoding: .utf8)) ?? "")
                .split(whereSeparator: \.isNewline).map { $0.split(separator: "\t", maxSplits: 1).map(String.init) }
            let listed = Set(lines.compactMap(\.first) + [manifestName])
            if let stranger = unlisted(in: path, under: "", listed: listed) { throw Failure.foreignFolder(path, stranger) }
            for line in lines where line.count == 2 {
                guard let bytes = FileManager.default.contents(atPath: path + "/" + line[0]) else { continue }
                if digest(bytes) != line[1] { throw Failure.editedReport(path, line[0]) }
            }
            return
        }
        if let stranger = foreignEntry(in: path, entries: entries) {
            throw Failure.foreignFolder(path, stranger)
        }
    }

    /// The SHA-256 of a report's bytes, each CR LF read as LF: a checkout (git's `core.autocrlf`)
    /// or a copy that turned line ends over is no edit. The runs between CRs are hashed as they
    /// are, each CR before an LF left out (a byte loop into a copy took a fifth of a small run).
    static func digest(_ bytes: Data) -> String {
        var hasher = SHA256()
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var start = 0
            var from = 0
            while from < raw.count, let found = memchr(base + from, 0x0D, raw.count - from) {
                let cr = base.distance(to: UnsafeRawPointer(found))
                if cr + 1 < raw.count && raw[cr + 1] == 0x0A {
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[start..<cr]))
                    start = cr + 1
                }
                from = cr + 1
            }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[start...]))
        }
        return FileDigest.hex(hasher.finalize())
    }

    /// The hidden file listing the files a run wrote (`commit` writes it).
    static let manifestName = ".needs-files"

    /// The first file under `path` not in `listed` (folders must hold listed files only), or nil.
    private static func unlisted(in path: String, under prefix: String, listed: Set<String>) -> String? {
        let folder = prefix.isEmpty ? path : path + "/" + prefix
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &isFolder)
            var info = stat()
            let isLink = lstat(path + "/" + relative, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            if isFolder.boolValue && !isLink {
                if let stranger = unlisted(in: path, under: relative, listed: listed) { return stranger }
            } else if isLink || !listed.contains(relative) {
                return relative
            }
        }
        return nil
    }

    /// The first file or folder in an earlier run's reports that a run does not write, or nil.
    private static func foreignEntry(in path: String, entries: [String]) -> String? {
        let fileManager = FileManager.default
        func isFolder(_ name: String) -> Bool {
            var folder: ObjCBool = false
            return fileManager.fileExists(atPath: path + "/" + name, isDirectory: &folder) && folder.boolValue
        }
        for name in entries {
            let folder = isFolder(name)
            if folder, let allowed = writtenInFolder[name] {
                for inner in ((try? fileManager.contentsOfDirectory(atPath: path + "/" + name)) ?? []).sorted() {
                    let innerPath = name + "/" + inner
                    if isFolder(innerPath) || !allowed(inner) { return innerPath }
                }
            } else if folder || !isWrittenAtTop(name) {
                return name
            }
        }
        return nil
    }

    /// The files a run writes at the top of its folder.
    private static func isWrittenAtTop(_ name: String) -> Bool {
        ["report.md", "report.html", "summary.json", "topic_demand.csv", "country_differences.csv",
         "waves.csv", "plan.csv", "plan.md", DataDictionary.file].contains(name)
            || (name.hasPrefix("topic_demand_by_") && name.hasSuffix(".csv"))
    }

    /// The folders a run writes, and the files it writes in each.
    private static let writtenInFolder: [String: (String) -> Bool] = [
        "clean": { ["responses.csv", "issues.csv", "quarantine.csv"].contains($0) },
        "charts": { $0.hasSuffix(".svg") },
        "countries": { $0.hasSuffix(".md") || $0.hasSuffix(".html") },
    ]

    /// The path made absolute, symbolic links and `..` resolved as far as the path exists.
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // Not there yet: resolve the folder it would be made in.
        let url = URL(fileURLWithPath: absolute)
        let parent = url.deletingLastPathComponent().path
        guard parent != absolute else { return absolute }
        let base = resolved(parent)
        return (base == "/" ? "" : base) + "/" + url.lastPathComponent
    }

    /// Whether a file is the summary.json a run of needs writes.
    private static func isSummary(_ path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 256)
        let n = fread(&head, 1, head.count, file)
        return String(decoding: head[..<n], as: UTF8.self).contains("\"needs_version\"")
    }

    public init(path: String) throws {
        self.path = path.hasSuffix("/") ? String(path.dropLast()) : path
        var info = stat()
        let link = lstat(self.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        // `--out .` (or `..`, `reports/.`): the folder by its own name, whose parent holds the
        // staging folder; "." has no parent to swap it in ("Device or resource busy").
        let dotted = [".", ".."].contains(self.path.split(separator: "/").last ?? "")
        // (Resolved as a link is, `lnk/.` being the folder `lnk` leads to: a reviewer's case had
        // the link replaced by a folder.)
        location = link || dotted ? Self.resolved(self.path) : self.path
        // A reports folder made read-only (to keep those reports, or another user's) was swapped
        // out all the same, and its copy, clean/ with it, could not be removed after (a helper's
        // probe): refused before anything is written.
        if stat(location, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, let locked = Self.readOnlyFolder(location) {
            let which = locked == location ? "the folder is" : "its folder \(locked) is"
            throw Failure.cannotWrite(path, "\(which) read-only: make it writable to replace the reports, or give another --out")
        }
        let url = URL(fileURLWithPath: location)
        let parent = url.deletingLastPathComponent().path
        staging = parent + "/." + url.lastPathComponent + ".incomplete-" + Self.processTag
        Self.removeLeftoversOfKilledRuns(in: parent, prefix: "." + url.lastPathComponent + ".incomplete-")
        // Registered before it exists: a Ctrl-C between making it and registering it left it behind.
        CleanupOnSignal.register(staging)
        do {
            if fileManager.fileExists(atPath: staging) { try fileManager.removeItem(atPath: staging) }
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            CleanupOnSignal.unregister(staging)
            let code = Self.posixCode(of: error)
            // The folder refused is the one holding --out, which the user may not have named
            // (`--out reports`, an empty folder of theirs, in a folder they cannot write): why it is.
            let hint = [EACCES, EPERM, EROFS].contains(code ?? 0)
                ? " (the reports are written beside --out first, then swapped in whole: "
                    + "the folder holding --out must be writable)"
                : ""
            throw Failure.cannotWrite(parent, Self.reason(of: error) + hint)
        }
    }

    /// The first folder at or under `path` (links not followed) that cannot be written: the
    /// earlier reports, swapped out, could not be removed from it.
    static func readOnlyFolder(_ path: String) -> String? {
        if access(path, W_OK) != 0 { return path }
        // Made read-only by its mode (`chmod a-w`), which root may still write: a run as root,
        // the usual user in a container, had replaced it (a helper's probe).
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) == 0 { return path }
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            if let locked = readOnlyFolder(path + "/" + name) { return locked }
        }
        return nil
    }

    /// The system's reason for a file operation that failed (`Permission denied`, `No such file
    /// or directory`), as every other message gives it: Foundation's own text ("The operation
    /// could not be completed. The file doesn’t exist.") names no cause a user can act on.
    static func reason(of error: Error) -> String {
        posixCode(of: error).map { String(cString: strerror($0)) } ?? error.localizedDescription
    }

    /// The errno beneath a Foundation file error, when it carries one.
    static func posixCode(of error: Error) -> Int32? {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        // On Linux the underlying error is a POSIXError, which `as? NSError` does not match.
        guard let underlying = (error.userInfo[NSUnderlyingErrorKey] as? Error).map({ $0 as NSError }),
              underlying.domain == NSPOSIXErrorDomain else { return nil }
        return Int32(underlying.code)
    }

    /// `PID-HOST`: what names a run's temporary files and folders, so that a later run can tell
    /// those of a run killed outright (on this machine, its process gone) from those of a run
    /// still going, here or on another machine writing to the same shared folder.
    static let processTag: String = {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count - 1) == 0 ? String(cString: name) : ""
        // No `-` in the host's part, so that the tag reads back one way (`my-pc` is `my_pc`).
        return "\(getpid())-" + host.map { $0 == "-" || $0 == "/" ? "_" : $0 }
    }()

    /// Removes what runs killed outright (SIGKILL, the out-of-memory killer: no handler runs)
    /// left in `parent` under `prefix` followed by their `processTag`: the staging folders
    /// `.NAME.incomplete-PID-HOST` of the reports, each holding a part-written clean table of
    /// respondents' answers, a synthetic export's `FILE.incomplete-PID-HOST`, or a copy of
    /// standard input `needs-input-PID-HOST-XXXXXXXX`. One whose process is alive (a run still
    /// going), or of another machine, is left alone, and so is a `.previous` folder (earlier
    /// reports being swapped out).
    static func removeLeftoversOfKilledRuns(in parent: String, prefix: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let host = "-" + processTag.drop { $0 != "-" }.dropFirst()
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            let digits = String(rest.prefix { $0 != "-" })
            guard let pid = Int32(digits), pid > 0, String(pid) == digits else { continue }
            let after = rest.dropFirst(digits.count)
            guard after.hasPrefix(host), after.count == host.count || after.dropFirst(host.count).hasPrefix("-") else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: parent + "/" + entry) }
        }
    }

    /// Writes one file (UTF-8) under the staging folder.
    public func write(_ relativePath: String, _ text: String) throws {
        written.append(relativePath)
        if relativePath != Self.manifestName { digests[relativePath] = Self.digest(Data(text.utf8)) }
        let target = staging + "/" + relativePath
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotWrite(path + "/" + relativePath, Self.reason(of: error))
        }
        // Plain stdio, as for the streamed files: Foundation's Data.write syncs each file to disk,
        // a few milliseconds apiece at the end of every run, and the swap is what keeps a
        // failed run from replacing the previous reports.
        guard let file = fopen(target, "wb") else {
            throw Failure.cannotWrite(path + "/" + relativePath, String(cString: strerror(errno)))
        }
        let stream = OutputStream(file: file, path: path + "/" + relativePath)
        stream.write(text)
        stream.close()
        if let failure = stream.failure { throw Failure.cannotWrite(stream.path, failure) }
    }

    /// A file under the staging folder written as it goes, for tables too large to hold in memory.
    public func stream(_ relativePath: String) throws -> OutputStream {
        written.append(relativePath)
        let target = staging + "/" + relativePath
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        try? fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard let file = fopen(target, "wb") else { throw Failure.cannotWrite(path + "/" + relativePath, "cannot create the file") }
        let stream = OutputStream(file: file, path: path + "/" + relativePath)
        streams.append(stream)
        return stream
    }

    /// Replaces the output folder with the staged one; refuses (keeping the previous output)
    /// when a streamed file could not be written whole.
    public func commit() throws {
        try commit(exchange: Self.exchange)
    }

    /// Swaps two paths in one step (renameat2's RENAME_EXCHANGE): 0, or the errno of the failure.
    static func exchange(_ first: String, _ second: String) -> Int32 {
        needs_rename_exchange(first, second) == 0 ? 0 : errno
    }

    /// `exchange` swaps two paths in one step and returns 0, or the errno of its failure (tests
    /// give one that fails as an older kernel or another filesystem does).
    func commit(exchange: (String, String) -> Int32) throws {
        try write(Self.manifestName, Set(written).sorted().map { name in name + (digests[name].map { "\t" + $0 } ?? "") + "\n" }.joined())
        for stream in streams {
            stream.close()
            if let failure = stream.failure {
                abandon()
                throw Failure.cannotWrite(stream.path, failure)
            }
        }
        // Earlier reports are swapped with the new ones in one step, so that a reader (a partner's
        // sync client, a web server) never finds the folder missing; the staging path then holds
        // the earlier reports, removed here (or, if this run is killed first, by the next run).
        if fileManager.fileExists(atPath: location) {
            switch exchange(staging, location) {
            case 0:
                try? fileManager.removeItem(atPath: staging)
                CleanupOnSignal.unregister(staging)
                return
            case ENOSYS, EINVAL, ENOTSUP:
                break  // An older kernel, or a filesystem without the exchange: two renames below.
            case let code:
                throw Failure.cannotWrite(path, String(cString: strerror(code)))
            }
        }
        let backup = staging + ".previous"
        do {
            if fileManager.fileExists(atPath: location) { try fileManager.moveItem(atPath: location, toPath: backup) }
            try fileManager.moveItem(atPath: staging, toPath: location)
            CleanupOnSignal.unregister(staging)
            if fileManager.fileExists(atPath: backup) { try fileManager.removeItem(atPath: backup) }
        } catch {
            if !fileManager.fileExists(atPath: location) && fileManager.fileExists(atPath: backup) {
                try? fileManager.moveItem(atPath: backup, toPath: location)
            }
            throw Failure.cannotWrite(path, Self.reason(of: error))
        }
    }

    /// Removes the staged files after a failure; the previous output stays as it was.
    public func abandon() {
        try? fileManager.removeItem(atPath: staging)
        CleanupOnSignal.unregister(staging)
    }
}

/// A file being written in pieces. A write or close that fails is remembered (`failure`), for
/// `OutputFolder.commit` to refuse a truncated file.
public final class OutputStream {
    private var file: UnsafeMutablePointer<FILE>?
    let path: String
    /// Why the file is not whole (the first error met), or nil.
    private(set) var failure: String? = nil

    init(file: UnsafeMutablePointer<FILE>, path: String) {
        self.file = file
        self.path = path
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard let file, let base = bytes.baseAddress, bytes.count > 0 else { return }
        if fwrite(base, 1, bytes.count, file) != bytes.count { fail() }
        bytesWritten += bytes.count
    }

    /// Bytes written so far.
    private(set) var bytesWritten = 0

    /// Overwrites bytes already written, from `offset` on; the stream goes on at its end.
    func overwrite(at offset: Int, with replacement: UnsafeRawBufferPointer) {
        guard let file, let base = replacement.baseAddress, replacement.count > 0 else { return }
        if fflush(file) != 0 { return fail() }
        if pwrite(fileno(file), base, replacement.count, off_t(offset)) != replacement.count { fail() }
    }

    public func close() {
        guard let file else { return }
        if ferror(file) != 0 { fail() }
        if fclose(file) != 0 { fail() }
        self.file = nil
    }

    /// The file's descriptor while it is open.
    var descriptor: Int32? { file.map { fileno($0) } }

    private func fail() {
        if failure == nil { failure = String(cString: strerror(errno)) }
    }

    deinit { close() }
}
