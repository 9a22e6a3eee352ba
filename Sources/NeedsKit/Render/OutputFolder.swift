import Foundation

/// Writes a run's files into a temporary folder beside the output folder and swaps it into place
/// at the end, so a crash or Ctrl-C mid-run leaves the previous reports whole.
public final class OutputFolder {
    public let path: String
    let staging: String
    private let fileManager = FileManager.default

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
        return OutputStream(file: file)
    }

    /// Replaces the output folder with the staged one.
    public func commit() throws {
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

/// A file being written in pieces.
public final class OutputStream {
    private var file: UnsafeMutablePointer<FILE>?

    init(file: UnsafeMutablePointer<FILE>) { self.file = file }

    public func write(_ text: String) {
        guard let file else { return }
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    }

    public func write(_ bytes: [UInt8]) {
        guard let file, !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard let file, let base = bytes.baseAddress, bytes.count > 0 else { return }
        _ = fwrite(base, 1, bytes.count, file)
    }

    public func close() {
        if let file { fclose(file) }
        file = nil
    }

    deinit { close() }
}
