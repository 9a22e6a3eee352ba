import Foundation

/// Writes a run's files into a temporary folder beside the output folder and swaps it into place
/// at the end, so a crash or Ctrl-C mid-run leaves the previous reports whole.
public final class OutputFolder {
    public let path: String
    let staging: String
    private let fileManager = FileManager.default
    /// Files written as they go: a write that failed (a full disk) stops the commit.
    private var streams: [OutputStream] = []

    public enum Failure: Error, CustomStringConvertible {
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    public init(path: String) throws {
        self.path = path.hasSuffix("/") ? String(path.dropLast()) : path
        let url = URL(fileURLWithPath: self.path)
        let parent = url.deletingLastPathComponent().path
        staging = parent + "/." + url.lastPathComponent + ".incomplete-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            if fileManager.fileExists(atPath: staging) { try fileManager.removeItem(atPath: staging) }
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotWrite(parent, "\(error.localizedDescription) (is the folder writable?)")
        }
    }

    /// Writes one file (UTF-8) under the staging folder.
    public func write(_ relativePath: String, _ text: String) throws {
        let target = staging + "/" + relativePath
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        } catch {
            throw Failure.cannotWrite(path + "/" + relativePath, error.localizedDescription)
        }
    }

    /// A file under the staging folder written as it goes, for tables too large to hold in memory.
    public func stream(_ relativePath: String) throws -> OutputStream {
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
        for stream in streams {
            stream.close()
            if let failure = stream.failure {
                abandon()
                throw Failure.cannotWrite(stream.path, failure)
            }
        }
        let backup = staging + ".previous"
        do {
            if fileManager.fileExists(atPath: path) { try fileManager.moveItem(atPath: path, toPath: backup) }
            try fileManager.moveItem(atPath: staging, toPath: path)
            if fileManager.fileExists(atPath: backup) { try fileManager.removeItem(atPath: backup) }
        } catch {
            if !fileManager.fileExists(atPath: path) && fileManager.fileExists(atPath: backup) {
                try? fileManager.moveItem(atPath: backup, toPath: path)
            }
            throw Failure.cannotWrite(path, error.localizedDescription)
        }
    }

    /// Removes the staged files after a failure; the previous output stays as it was.
    public func abandon() {
        try? fileManager.removeItem(atPath: staging)
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
