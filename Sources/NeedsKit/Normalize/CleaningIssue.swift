/// One row of the cleaning log (clean/issues.csv): what was found, where, and what was done.
public struct CleaningIssue: Sendable, Equatable {
    public enum Action: String, Sendable {
        case kept, changed, dropped, quarantined
    }

    public var file: String
    public var line: Int?
    public var column: Int?
    public var respondentID: String
    public var question: String
    public var oldValue: String
    public var newValue: String
    public var code: String
    public var action: Action
    public var severity: Diagnostic.Severity
    public var message: String

    public init(
        file: String, line: Int?, column: Int? = nil, respondentID: String = "", question: String = "",
        oldValue: String = "", newValue: String = "", code: String, action: Action,
        severity: Diagnostic.Severity = .warning, message: String
    ) {
        assert(IssueCodes.explanation(of: code) != nil, "the issue code \(code) has no explanation in IssueCodes")
        self.file = file
        self.line = line
        self.column = column
        self.respondentID = respondentID
        self.question = question
        self.oldValue = oldValue
        self.newValue = newValue
        self.code = code
        self.action = action
        self.severity = severity
        // One short line, as printed (the whole value is in `oldValue`).
        self.message = Diagnostic.oneLine(message)
    }

    /// What an issue is, for counting: its code and severity.
    public struct Kind: Hashable, Sendable {
        public var code: String
        public var severity: Diagnostic.Severity

        public init(code: String, severity: Diagnostic.Severity) {
            self.code = code
            self.severity = severity
        }
    }

    public var kind: Kind { Kind(code: code, severity: severity) }

    /// The same finding, printed as a diagnostic.
    public var diagnostic: Diagnostic {
        Diagnostic(severity, file: file, line: line, column: column, code: code, oneLineMessage: message)
    }

    /// A reader diagnostic as a log row (its message is one line already).
    public init(_ diagnostic: Diagnostic, action: Action) {
        file = diagnostic.file
        line = diagnostic.line
        column = diagnostic.column
        respondentID = ""
        question = ""
        oldValue = ""
        newValue = ""
        code = diagnostic.code
        self.action = action
        severity = diagnostic.severity
        message = diagnostic.message
    }
}

/// The accounting of one input file: every record read is a respondent, a duplicate, a blank row
/// or quarantined.
public struct FileAccount: Sendable, Equatable {
    public var file: String
    public var encoding: String = ""
    public var encodingEvidence: String = ""
    public var delimiter: String = ""
    public var lineEnding: String = ""
    public var quote: String = ""
    /// The sheet read, for an .xlsx workbook (then encoding `xlsx` and no delimiter).
    public var sheet: String = ""
    /// Records above the header that were skipped (titles), not part of the accounting.
    public var preambleRecords = 0
    /// The header again below it (exports pasted together), skipped like the preamble.
    public var repeatedHeaders = 0
    /// Short records below the table (totals, notes), skipped like the preamble.
    public var footnoteRecords = 0
    public var shape: String = ""
    public var bytes = 0
    public var sha256 = ""
    public var recordsRead = 0
    public var respondents = 0
    public var duplicates = 0
    public var blankRows = 0
    public var quarantined = 0
    /// Why the file could not be read at all, or nil.
    public var failure: String? = nil
    public var unmappedColumns: [String] = []
    /// No column of the file matches a question of the instrument.
    public var unmatched = false
    /// `--weights COLUMN` and the file has no such column (its respondents weigh 0).
    public var lacksWeightColumn = false
    /// Under `--weights COLUMN`, the respondents whose weight is above 0: none in the whole run
    /// (a column of text, such as a question's answers, or of zeros) leaves every figure blank.
    public var weightedRespondents = 0
    /// The survey wave the file belongs to: "" for the main inputs, else the wave's name.
    public var wave = ""

    public init(file: String) { self.file = file }

    /// records read = respondents + duplicates + blank rows + quarantined.
    public var balances: Bool { recordsRead == respondents + duplicates + blankRows + quarantined }
}
