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

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
        code: String, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message) [\(code)]"
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
