#if canImport(Glibc)
import Glibc
#endif

/// Expands the inputs named on the command line: a file is itself; a folder is every regular file
/// in it, whatever its extension (Excel's "Unicode text" export is a `.txt`). Files are read sorted
/// by display name, whatever the order they were named in, so runs are reproducible. Hidden files
/// (Windows' `desktop.ini` and `Thumbs.db` too) and Office lock files (`~$name.xlsx`) are left out
/// with a note; what cannot be listed is reported.
/// A file is read once however often it is named (twice on the command line, through a folder
/// and by itself, or by a symbolic or hard link): the mention first by display name is read, the
/// others are left out with a note naming it, so its respondents are not counted twice.
///
/// Each file has a display name for the reports: its name within the folder given (`responses/a.csv`),
/// or its own name for a file given directly, so that no local path leaks into shared reports.
/// Inputs left out are named the same way (`responses/older`, `missing.csv`), in the problems too.
public enum InputFiles {
    public struct Expansion {
        public var files: [String] = []
        /// Each file's path as named (`files` opens a name that is not UTF-8 as `/proc/self/fd/N`),
        /// which tells files of the same name apart.
        var givenPaths: [String] = []
        /// The file behind each of `files` (device and inode), known without opening its path again.
        var identities: [FileIdentity] = []
        /// The descriptors behind `/proc/self/fd/N` paths of `files`: a path of this kind names its
        /// file only while the expansion (or a copy of it) is alive, as they are closed with it.
        var opened = OpenedEntries()
        public var displayNames: [String] = []
        public var problems: [Diagnostic] = []
        /// The path each of `problems` is about, as named (nil for one about the run).
        var problemPaths: [String?] = []
        /// Base names (`x.csv`) that more than one file of the expansion has: those files'
        /// respondent IDs are seeded by their display names (`Normalizer.sharedBaseNames`).
        public var sharedBaseNames: Set<String> = []

        mutating func problem(path: String?, _ problem: Diagnostic) {
            problems.append(problem)
            problemPaths.append(path)
        }

        /// Problems listed by the name of what they are about, as the files read are, whatever
        /// the order of the arguments.
        mutating func sortProblems() {
            let order = problems.indices.sorted { (problems[$0].file, $0) < (problems[$1].file, $1) }
            problems = order.map { problems[$0] }
            problemPaths = order.map { problemPaths[$0] }
        }

        /// Inputs left out named as the files read are: a name another input of the run has
        /// too (`a/x.csv` read, `c/x.csv` missing: both `x.csv`) becomes the shortest suffix of
        /// its path that tells them apart. A problem about a file read takes the file's name.
        /// `names`: the files' names before they were told apart, in the order of `givenPaths`
        /// and `displayNames` (which are told apart).
        mutating func nameProblemsApart(names: [String]) {
            guard problemPaths.count == problems.count, names.count == givenPaths.count else { return }
            var names = names, paths = givenPaths
            // By name and path, the files of each in order: names that read alike and paths alike
            // (names that are not UTF-8, `a°b.csv` twice) are several files, whose problems come
            // in the files' order.
            var files: [String: [Int]] = [:]
            for k in names.indices { files[names[k] + "\u{0}" + paths[k], default: []].append(k) }
            var used: [String: Int] = [:]
            var index: [String: Int] = [:]
            var at: [(problem: Int, name: Int)] = []
            for (k, path) in problemPaths.enumerated() {
                guard let path else { continue }
                let key = problems[k].file + "\u{0}" + path
                if let same = files[key] {
                    let n = used[key, default: 0]
                    at.append((k, same[min(n, same.count - 1)]))
                    if problems[k].code == "file_name_not_utf8" { used[key] = n + 1 }
                    continue
                }
                if index[key] == nil {
                    index[key] = names.count
                    names.append(problems[k].file)
                    // `x.csv` missing beside `a/x.csv` read is `./x.csv` (not named by the working
                    // folder, whose name may be the user's).
                    paths.append(path.hasPrefix("/") || path.hasPrefix("./") ? path : "./" + path)
                }
                at.append((k, index[key]!))
            }
            let apart = InputFiles.distinguished(names, paths: paths)
            for (k, i) in at {
                if i < displayNames.count {
                    problems[k].file = displayNames[i]
                } else if !apart[i].hasPrefix(names[i] + " (") {
                    // (Not numbered: a path that reads as another's, `a//x.csv`, keeps its name.)
                    problems[k].file = apart[i]
                }
            }
            sortProblems()
        }
    }

    /// Entries of a folder opened by the bytes of their names (which a String cannot hold), closed
    /// when the last expansion holding them goes: each expansion of a run opened its own and kept
    /// them to the end, so that a folder of a Windows ZIP's names in a code page used up the
    /// process's descriptors (1,024) and its later files were "cannot read".
    final class OpenedEntries {
        private var descriptors: [Int32] = []

        /// The path that opens `descriptor`'s file while this is alive.
        func path(keeping descriptor: Int32) -> String {
            descriptors.append(descriptor)
            return "/proc/self/fd/\(descriptor)"
        }

        deinit {
            for descriptor in descriptors { _ = Glibc.close(descriptor) }
        }
    }

    /// Opens the entry `name` of `directory` for its path, not to read from this descriptor: the
    /// reader opens the path anew (a FIFO does not block here).
    private static func openEntry(_ directory: OpaquePointer, _ name: UnsafePointer<CChar>) -> Int32 {
        openat(dirfd(directory), name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    }

    /// Whether `path` is a folder (by a link too), which `expand` reads every file of.
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func lastComponent(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let last = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        // `.` or `..` (`needs report .` in the responses folder) is named by the folder it is:
        // the files were `./EE.csv` in the reports, a wave `.` ("Change since the baseline: .").
        guard last == "." || last == "..", let real = realpath(path, nil) else { return last }
        defer { free(real) }
        return String(cString: real).split(separator: "/").last.map(String.init) ?? "/"
    }

    /// The names of later waves (`--wave`): each path's last component, or, when waves share it
    /// (`a/followup`, `b/followup`), the shortest path suffix that tells them apart.
    /// A wave's name is printed in the partners' reports (headings, waves.csv, the charts and
    /// their file names): without an e-mail address or personal code its folder or file is named
    /// by (a follow-up named after its sender). Two names alike once scrubbed are numbered, and
    /// a wave named `baseline` is `baseline (2)`: the name summary.json gives the baseline's files
    /// (its per-wave totals had the key twice, a reviewer's case, and a JSON reader kept the wave's).
    /// A number is the first free of every name given (a wave `baseline` beside one named
    /// `baseline (2)`, a browser's second download, had both become `baseline (2)`, one wave: a
    /// reviewer's case). Names are told apart without case, as a file system may not.
    static func waveNames(_ paths: [String]) -> [String] {
        let names = distinguished(paths.map(lastComponent), paths: paths).map { QuarantineWriter.scrubName($0) }
        let given = Set(names.map { $0.lowercased() })
        var taken: Set<String> = ["baseline"]
        return names.map { name in
            guard taken.contains(name.lowercased()) else {
                taken.insert(name.lowercased())
                return name
            }
            let stem = name.lowercased() == "baseline" ? "baseline" : name
            var k = 2
            while taken.contains("\(stem) (\(k))".lowercased()) || given.contains("\(stem) (\(k))".lowercased()) { k += 1 }
            taken.insert("\(stem) (\(k))".lowercased())
            return "\(stem) (\(k))"
        }
    }

    /// More files than `maxFiles` is refused with an error rather than read for hours. `leavingOut`:
    /// entries of a folder of the inputs that the run reads or writes otherwise (the reports'
    /// staging folder when `--out` is inside one, a `--wave` folder), neither read nor reported.
    /// `names`: display names decided over more than these inputs (`runDisplayNames`), by path.
    /// Why `path`, which `stat` just refused, cannot be read (`InputFile.unreachable`).
    /// A symbolic link's target is named whole on the terminal (`/mnt/share/LV.csv`: the share is
    /// not mounted) and by its last component, scrubbed, in the reports, which the partners
    /// receive: it had put `/home/mari.tamm/Downloads/…` into summary.json (a reviewer's probe).
    static func cannotRead(_ path: String, file: String, code: String) -> Diagnostic {
        let why = InputFile.unreachableLink(path)
        guard let link = why.link else { return Diagnostic(.error, file: file, code: code, message: "cannot read: " + why.reason) }
        let named = link.contains("/") ? "…/" + QuarantineWriter.scrubName(lastComponent(link)) : QuarantineWriter.scrubName(link)
        var problem = Diagnostic(.error, file: file, code: code, message: "cannot read: " + InputFile.linkUnreachable(to: named, why.reason))
        problem.localMessage = "cannot read: " + InputFile.linkUnreachable(to: link, why.reason)
        return problem
    }

    public static func expand(_ inputs: [String], maxFiles: Int = 10_000, leavingOut: Set<FileIdentity> = [],
                              names: [FileIdentity: String] = [:]) -> Expansion {
        var result = expandAll(inputs, leavingOut: leavingOut)
        let named = result.displayNames
        let distinct = distinguished(named, paths: result.givenPaths)
        result.displayNames = zip(result.identities, distinct).map { names[$0] ?? $1 }
        result.nameProblemsApart(names: named)
        // Read in the order of their display names, whatever the order they were named in: the
        // same inputs give the same reports, and the same first of two duplicate submissions.
        let order = result.files.indices.sorted {
            (result.displayNames[$0], result.givenPaths[$0], $0)
                < (result.displayNames[$1], result.givenPaths[$1], $1)
        }
        result.files = order.map { result.files[$0] }
        result.givenPaths = order.map { result.givenPaths[$0] }
        result.identities = order.map { result.identities[$0] }
        result.displayNames = order.map { result.displayNames[$0] }
        let bases = Dictionary(grouping: result.displayNames.map(lastComponent), by: { $0 })
        result.sharedBaseNames = Set(bases.filter { $0.value.count > 1 }.keys)
        if result.files.count > maxFiles {
            // Named by the input given when there is one; `needs check *.csv` gives thousands, all
            // of which the message's place held, a line of hundreds of kilobytes.
            let named = inputs.count == 1 ? inputs[0] : "\(inputs[0]) and \(inputs.count - 1) other input(s)"
            result.problem(path: nil, Diagnostic(.error, file: named, code: "too_many_files",
                                              message: "\(result.files.count) files; a run reads at most \(maxFiles): "
                                                  + "name fewer inputs"))
            result.files = []
            result.givenPaths = []
            result.identities = []
            result.displayNames = []
        }
        return result
    }

    /// The display names of a run that reads several sets of inputs (the baseline, each `--wave`),
    /// by file, where they differ from each set's own: a file named like one of another set
    /// (`2025/responses/EE.csv` and `2026/responses/EE.csv`, both `responses/EE.csv`) is told apart
    /// as two files of one set are. (By file, not by path: a path `/proc/self/fd/N` names a file
    /// only while its expansion is alive, and another afterwards.)
    static func runDisplayNames(_ sets: [[String]]) -> [FileIdentity: String] {
        var paths: [String] = [], names: [String] = [], identities: [FileIdentity] = []
        for inputs in sets {
            let expansion = expandAll(inputs)
            paths += expansion.givenPaths
            identities += expansion.identities
            names += distinguished(expansion.displayNames, paths: expansion.givenPaths)
        }
        var result: [FileIdentity: String] = [:]
        for (k, name) in distinguished(names, paths: paths).enumerated() where name != names[k] {
            result[identities[k]] = name
        }
        return result
    }

    /// Display names that tell files apart: a name that several files share becomes the shortest
    /// suffix of each one's path (as given, then resolved) that no other of them has
    /// (`A/data/x.csv`, `B/data/x.csv`); names still alike (paths that cannot be resolved) get
    /// ` (2)`, ` (3)`. Otherwise a name does not depend on the order the files were named in.
    static func distinguished(_ names: [String], paths: [String]) -> [String] {
        var result = names
        let clashing = Dictionary(grouping: names.indices, by: { names[$0] }).values.filter { $0.count > 1 }
        for group in clashing {
            func components(_ path: String) -> [Substring] { path.split(separator: "/") }
            let given = group.map { components(paths[$0]) }
            let resolved = group.map { index -> [Substring] in
                guard let real = realpath(paths[index], nil) else { return components(paths[index]) }
                defer { free(real) }
                return components(String(cString: real))
            }
            for candidates in [given, resolved] {
                let longest = candidates.map(\.count).max() ?? 0
                let distinct = Set(candidates.map { $0.joined(separator: "/") }).count
                var suffixes: [String] = []
                for length in 1...max(longest, 1) {
                    suffixes = candidates.map { $0.suffix(length).joined(separator: "/") }
                    if Set(suffixes).count == distinct { break }
                }
                // (Paths all alike, names that are not UTF-8 read alike in one folder: kept, numbered.)
                if Set(suffixes).count == distinct && distinct > 1 {
                    for (k, index) in group.enumerated() { result[index] = suffixes[k] }
                    break
                }
            }
            // Still alike: the same file given more than once.
            var seen: [String: Int] = [:]
            for index in group {
                let name = result[index]
                seen[name, default: 0] += 1
                if seen[name]! > 1 { result[index] = name + " (\(seen[name]!))" }
            }
        }
        return result
    }

    static func expandAll(_ inputs: [String], leavingOut: Set<FileIdentity> = []) -> Expansion {
        var result = Expansion()
        // Every mention of a file, with the file behind it (device and inode: a symbolic link, a
        // hard link and the same file by another path are one); which mention is read is decided
        // once all are known, so that it does not depend on the order of the arguments.
        var mentions: [(path: String, given: String, displayName: String, identity: FileIdentity)] = []
        func add(_ path: String, given: String, displayName: String, info: stat) {
            let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            mentions.append((path, given, displayName, identity))
        }
        for given in inputs {
            var info = stat()
            // A name that is not UTF-8 reaches us with U+FFFD for its bytes: found in its folder.
            var input = given
            if stat(input, &info) != 0, input.contains("\u{FFFD}"),
               let opened = openedByRepairedName(input, into: result.opened) {
                input = opened
            }
            // An empty argument (`needs report ""`, a variable left unset) is named as one: the
            // message had begun `: error:`, naming no file.
            if given.isEmpty {
                result.problem(path: given, Diagnostic(.error, file: "\"\"", code: "input_missing",
                                                       message: "an empty path was given as an input (a variable left unset?)"))
                continue
            }
            guard stat(input, &info) == 0 else {
                let absent = errno == ENOENT
                var problem = cannotRead(input, file: lastComponent(given), code: "input_missing")
                // On the terminal, the path as given, and where a relative one was looked for: the
                // last name alone (`respnses: error: cannot read`) left a typo in the folder above,
                // or a run from another folder, to be guessed (a probe's).
                if problem.localMessage == nil && absent {
                    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                    let cwd = getcwd(&buffer, buffer.count).map { String(cString: $0) } ?? "."
                    problem.localMessage = "cannot read: no such file or folder as `\(given)`"
                        + (given.hasPrefix("/") ? "" : " (looked for in \(cwd))")
                }
                result.problem(path: given, problem)
                continue
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                add(input, given: given, displayName: lastComponent(given), info: info)
                continue
            }
            guard let directory = opendir(input) else {
                result.problem(path: given, Diagnostic(.error, file: lastComponent(given), code: "input_unreadable",
                                                  message: "cannot list the folder: \(String(cString: strerror(errno)))"))
                continue
            }
            // Each entry's name, and for a name that is not UTF-8 (a Windows ZIP's names in a code
            // page, unzipped as they are) the file opened by its bytes: a path rebuilt from the
            // name as a String, U+FFFD for each such byte, names no file.
            var names: [(name: String, opened: String?, bytes: [UInt8], encoding: TextEncoding?)] = []
            while let entry = readdir(directory) {
                let named = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { bytes -> (String, String?, [UInt8], TextEncoding?) in
                        if let name = String(validatingCString: bytes) { return (name, nil, [], nil) }
                        let fd = openEntry(directory, bytes)
                        let raw = UnsafeBufferPointer(start: bytes, count: strlen(bytes)).map { UInt8(bitPattern: $0) }
                        let readable = readableName(raw)
                        return (readable.name, fd < 0 ? nil : result.opened.path(keeping: fd), raw, readable.encoding)
                    }
                }
                if named.0 == "." || named.0 == ".." { continue }
                names.append(named)
            }
            closedir(directory)
            let mentionsBefore = mentions.count
            defer {
                // (A folder whose files are read through other inputs too is not empty.)
                if mentions.count == mentionsBefore {
                    result.problem(path: given, Diagnostic(.error, file: lastComponent(given), code: "folder_without_files",
                                                      message: "the folder holds no file to read"))
                }
            }
            // Names that read alike (bytes that are not UTF-8) in the order of their bytes.
            let byName = names.sorted {
                $0.name != $1.name ? $0.name < $1.name : $0.bytes.lexicographicallyPrecedes($1.bytes)
            }
            for (name, opened, _, nameEncoding) in byName {
                let namedPath = input.hasSuffix("/") ? input + name : input + "/" + name
                let path = opened ?? namedPath
                let displayName = lastComponent(given) + "/" + name
                if !leavingOut.isEmpty, let identity = FileIdentity(path: path), leavingOut.contains(identity) { continue }
                if name.hasPrefix(".") {
                    result.problem(path: namedPath, Diagnostic(.note, file: displayName, code: "hidden_file_skipped",
                                                      message: "hidden file left out"))
                    continue
                }
                // Windows keeps `desktop.ini` and `Thumbs.db` in folders, hidden by an attribute
                // that copying or unzipping elsewhere loses: read, they were a table of another
                // survey (an error) and an old Excel workbook.
                if ["desktop.ini", "thumbs.db"].contains(name.lowercased()) {
                    result.problem(path: namedPath, Diagnostic(.note, file: displayName, code: "hidden_file_skipped",
                                                      message: "a file Windows keeps hidden in folders; left out"))
                    continue
                }
                // Excel and Word keep `~$name.xlsx` beside a file open in them: the owner's name,
                // which read as text was a table of another survey (and the name a column).
                if name.hasPrefix("~$") {
                    result.problem(path: namedPath, Diagnostic(.note, file: displayName, code: "lock_file_skipped",
                                                      message: "an Office lock file (the file was open in Excel or Word when copied); left out"))
                    continue
                }
                var entryInfo = stat()
                guard stat(path, &entryInfo) == 0 else {
                    result.problem(path: namedPath, cannotRead(path, file: displayName, code: "input_unreadable"))
                    continue
                }
                switch entryInfo.st_mode & S_IFMT {
                case S_IFREG:
                    if let nameEncoding {
                        result.problem(path: namedPath, Diagnostic(.note, file: displayName, code: "file_name_not_utf8",
                                                          message: "the file's name is not UTF-8 (named on Windows, then zipped or copied as it was): shown as read in \(nameEncoding.rawValue); rename the file to keep that name"))
                    }
                    add(path, given: namedPath, displayName: displayName, info: entryInfo)
                case S_IFDIR:
                    // A warning: a municipality's files may be in it, and `check` printed nothing of it with --quiet
                    // (a helper's probe).
                    result.problem(path: namedPath, Diagnostic(.warning, file: displayName, code: "subfolder_skipped",
                                                      message: "sub-folder not read (its files are not checked or counted); name it as an input to include it"))
                default:
                    result.problem(path: namedPath, Diagnostic(.warning, file: displayName, code: "not_a_file",
                                                      message: "not a regular file; left out"))
                }
            }
        }
        // A file named more than once is read by the mention the reports would list first (by
        // display name, then path); the others are left out with a note naming it.
        var read: [FileIdentity: (path: String, given: String, displayName: String)] = [:]
        for mention in mentions {
            if let kept = read[mention.identity],
               (kept.displayName, kept.given) <= (mention.displayName, mention.given) { continue }
            read[mention.identity] = (mention.path, mention.given, mention.displayName)
        }
        var appended: Set<FileIdentity> = []
        for mention in mentions {
            let kept = read[mention.identity]!
            // (The same path given twice is one mention read and one left out.)
            if kept == (mention.path, mention.given, mention.displayName),
               appended.insert(mention.identity).inserted {
                result.files.append(mention.path)
                result.givenPaths.append(mention.given)
                result.identities.append(mention.identity)
                result.displayNames.append(mention.displayName)
            } else {
                let message = "the same file as \(kept.displayName), which is read once; not read again"
                result.problem(path: mention.given, Diagnostic(.note, file: mention.displayName, code: "same_file", message: message))
            }
        }
        result.sortProblems()
        return result
    }

    /// The file or folder at `path`, whose last component was not UTF-8 and arrived with U+FFFD
    /// for its bytes, opened by the bytes of the one entry of its folder that reads so
    /// (`/proc/self/fd/N`, open while `opened` is); nil when there is not exactly one.
    static func openedByRepairedName(_ path: String, into opened: OpenedEntries) -> String? {
        let slash = path.lastIndex(of: "/")
        let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let directory = opendir(parent) else { return nil }
        defer { closedir(directory) }
        var found: [Int32] = []
        while let entry = readdir(directory) {
            withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { bytes in
                    guard String(validatingCString: bytes) == nil, String(cString: bytes) == name else { return }
                    let fd = openEntry(directory, bytes)
                    if fd >= 0 { found.append(fd) }
                }
            }
        }
        guard found.count == 1 else {
            for fd in found { _ = Glibc.close(fd) }
            return nil
        }
        return opened.path(keeping: found[0])
    }

    /// The file behind a path (device and inode): a symbolic link, a hard link and the same file
    /// by another path are one.
    public struct FileIdentity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64

        init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }

        /// The file at `path`, or nil when it cannot be reached.
        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
    }
}

/// A file name that is not UTF-8 (a Windows ZIP's names in its code page, unzipped as they are),
/// read in the code page that reads it best (`Нарва.csv` from Windows-1251), so that the files
/// of a folder can be told apart in messages and reports: U+FFFD for each byte named none.
func readableName(_ bytes: [UInt8]) -> (name: String, encoding: TextEncoding) {
    let encoding = EncodingDetector.notUTF8CodePage(in: bytes, isWhole: true) ?? .windows1257
    let read = bytes.withUnsafeBytes { Transcoder.readingNotUTF8($0, as: encoding).bytes }
    return (String(decoding: read, as: UTF8.self), encoding)
}
