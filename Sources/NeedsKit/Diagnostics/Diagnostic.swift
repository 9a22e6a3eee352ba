/// An error that is one or more diagnostics, each naming its file (and line): printed as they
/// are, without another `error:` before them.
public protocol DiagnosedError: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic] { get }
}

/// A problem met while reading or cleaning the input, located as precisely as the stage knows.
///
/// Printed as `file:line:col: severity: message [code]`, the shape editors and CI logs read.
/// Diagnostics are values: every stage collects them and keeps going; the CLI decides the exit code.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// The input file, as the user named it.
    public var file: String
    /// 1-based physical line, when known.
    public var line: Int?
    /// 1-based column: the field number within the record (a spreadsheet column), when known.
    public var column: Int?
    /// A stable machine-readable code, e.g. `ragged_row`, `unknown_value`.
    public var code: String
    public var message: String
    /// The message as the terminal shows it, when it names what the reports must not (a local
    /// folder): the reports show `message`.
    public var localMessage: String? = nil

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
        code: String, message: String
    ) {
        assert(IssueCodes.explanation(of: code) != nil, "the issue code \(code) has no explanation in IssueCodes")
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = Self.oneLine(message)
    }

    /// A diagnostic whose message is one short line already (`oneLine` was applied to it).
    init(_ severity: Severity, file: String, line: Int?, column: Int?, code: String, oneLineMessage: String) {
        assert(IssueCodes.explanation(of: code) != nil, "the issue code \(code) has no explanation in IssueCodes")
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = oneLineMessage
    }

    /// Longest value quoted in backticks that a message shows whole.
    static let quotedValueLimit = 60

    /// A message as one short line: line breaks and tabs escaped (`\n`, `\r`, `\t`) and a value
    /// quoted in backticks cut to `quotedValueLimit` characters with an ellipsis, so that a
    /// field holding the rest of a file (an unclosed quote) does not fill the terminal. Messages
    /// already short and on one line are returned as they are.
    ///
    ///     Diagnostic.oneLine("`Tallinn\nEE,4` is not a municipality")  // "`Tallinn\\nEE,4` is not ..."
    public static func oneLine(_ message: String) -> String {
        // Most messages need nothing done: one pass over the bytes tells (a quoted run of fewer
        // bytes than the limit has fewer characters too). The run of a file with an issue on
        // every row makes hundreds of thousands of messages.
        func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var quotedBytes = -1
            for byte in bytes {
                // (0xC2 leads U+0080-U+00BF, among them the C1 controls.)
                if byte < 0x20 || byte == 0x7F || byte == 0xC2 { return true }
                if byte == 0x60 {
                    quotedBytes = quotedBytes < 0 ? 0 : -1
                } else if quotedBytes >= 0 {
                    quotedBytes += 1
                    if quotedBytes >= quotedValueLimit { return true }
                }
            }
            return false
        }
        guard message.utf8.withContiguousStorageIfAvailable(needsWork) ?? Array(message.utf8).withUnsafeBufferPointer(needsWork)
        else { return message }
        var out = ""
        var quoted = false
        var shown = 0
        var cut = false
        for character in message {
            if character == "`" {
                if quoted && cut { out += "…" }
                quoted.toggle()
                shown = 0
                cut = false
                out.append(character)
                continue
            }
            if quoted {
                if cut { continue }
                if shown == quotedValueLimit - 1 {
                    cut = true
                    continue
                }
                shown += 1
            }
            switch character {
            case "\n", "\r\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where character.unicodeScalars.contains(where: isControl):
                // An escape sequence typed or pasted into a cell (`ESC ]8;;…`, a hidden link; `ESC [2J`,
                // the screen cleared) would act on the terminal the message is printed to.
                out += escapingControls(String(character))
            default: out.append(character)
            }
        }
        if quoted && cut { out += "…" }
        return out
    }

    /// `text` cut to `limit` characters, the last an ellipsis, for a name a message lists
    /// without backticks (a heading that ran to the end of a file of one line).
    static func shortened(_ text: String, to limit: Int = quotedValueLimit) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    public var description: String {
        // Messages are one line already (`oneLine`); a file's name may hold a line break too.
        var location = Self.escapingControls(file)
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(localMessage ?? message) [\(code)]"
    }

    /// A text on one line: a line break or other control character in it is written as an
    /// escape (`\n`, `\r`, `\t`, `\u{1B}`); with `backslashes`, a backslash too (`\\`), so
    /// that the escapes can be told from the text (`needs rows`). A file's name is written so.
    /// Control characters: C0 (but none of them printed as typed), DEL and C1 (`U+009B`, which
    /// some terminals take for `ESC [`).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    public static func escapingControls(_ text: String, backslashes: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || (backslashes && $0 == 0x5C) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\" where backslashes: out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Collects diagnostics from any stage; the summary counts them by code.
public final class DiagnosticLog: @unchecked Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Counts per code, sorted by code, for summaries.
    public var countsByCode: [(code: String, count: Int)] {
        var counts: [String: Int] = [:]
        for d in diagnostics { counts[d.code, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
