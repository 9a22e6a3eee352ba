import Foundation

/// The plan's settings, from a two-column CSV (`setting,value`) a designer edits in Excel:
///
///     setting,value
///     sessions,9
///     start,2025-03
///     every_months,2
///     regional_sessions,3
///     top_needs,3
///     organisation:disinformation,OSCE/ODIHR
///     include,gbv_prevention
///     exclude,staff_wellbeing
public struct PlanConfiguration: Sendable, Equatable {
    /// Sessions in all.
    public var sessions = 9
    /// Year and month of the first session.
    public var startYear = 2025
    public var startMonth = 3
    /// Months between sessions.
    public var everyMonths = 2
    /// How many sessions are for the whole region; the rest go to single countries.
    public var regionalSessions = 3
    /// A topic is a top need of a country when its MWDS rank is at most this (or its interval reaches it).
    public var topNeeds = 3
    /// Delivering organisation per topic key.
    public var organisations: [String: String] = [:]
    /// Topics that must be planned, and topics that must not.
    public var include: [String] = []
    public var exclude: [String] = []
    /// Where each topic of `include`, `exclude` and `organisation:TOPIC` is named, for
    /// `checkTopics`: the file's name, and each name with its setting and line.
    var file = ""
    var topicsNamed: [TopicNamed] = []
    struct TopicNamed: Sendable, Equatable {
        var name: String, setting: String, line: Int
    }

    public init() {}

    public struct Failure: DiagnosedError {
        public var diagnostics: [Diagnostic]
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    /// `option`: how the command line names the file (`--plan`, `needs plan --config`), for
    /// the message of one that is not there.
    public static func load(_ path: String, option: String = "--plan") throws -> PlanConfiguration {
        // A configuration on standard input is read from its copy, and named `stdin`.
        let name = InputSpool.displayName(path)
        var configuration = PlanConfiguration()
        var problems: [Diagnostic] = []
        // A table of settings: a last row of one filled cell (`sessions,` left without its value)
        // is a setting to check, not a footnote to skip.
        var options = ReaderOptions()
        options.plainTable = true
        // The line each setting of one value was given on: given twice, the last had won
        // without a word (a helper's probe: `sessions,9` then `sessions,4`).
        var givenOn: [String: Int] = [:]
        do {
            try CSVReader(path: path, displayName: name, options: options).read(diagnose: { if $0.severity == .error { problems.append($0) } }) { record in
                guard !record.isBlank else { return }
                let key = record[0].trimmingSpaces.lowercased()
                // The reader takes the first row for a header: a file without the `setting,value`
                // row starts with a setting, which was dropped without a word.
                if record.isHeader && !Self.settings.contains(key) && !Self.isOrganisation(key) { return }
                let value = record[1].trimmingSpaces
                // (`include` and `exclude` add up over their rows.)
                if (Self.settings.contains(key) && key != "include" && key != "exclude") || Self.isOrganisation(key) {
                    if let first = givenOn[key] {
                        problems.append(Diagnostic(.error, file: name, line: record.line, column: 1, code: "plan_setting",
                                                   message: "`\(key)` is given twice (first on line \(first)): which value is meant cannot be told; keep one"))
                        return
                    }
                    givenOn[key] = record.line
                }
                func number(_ range: ClosedRange<Int>) -> Int? {
                    guard let n = Int(value), range.contains(n) else {
                        problems.append(Diagnostic(.error, file: name, line: record.line, column: 2, code: "plan_setting",
                                                   message: "`\(key)` needs a whole number in \(range.lowerBound)...\(range.upperBound), not `\(value)`"))
                        return nil
                    }
                    return n
                }
                switch key {
                case "sessions": configuration.sessions = number(1...200) ?? configuration.sessions
                case "every_months": configuration.everyMonths = number(1...24) ?? configuration.everyMonths
                case "regional_sessions": configuration.regionalSessions = number(0...200) ?? configuration.regionalSessions
                case "top_needs": configuration.topNeeds = number(1...50) ?? configuration.topNeeds
                case "start":
                    if let (year, month) = Self.month(value) {
                        configuration.startYear = year
                        configuration.startMonth = month
                    } else {
                        problems.append(Diagnostic(.error, file: name, line: record.line, column: 2, code: "plan_setting",
                                                   message: "`start` is a month written YYYY-MM, not `\(value)` (Excel takes 2025-03 for a date: in Excel, type it as '2025-03 to keep it text)"))
                    }
                case "include", "exclude":
                    let names = Self.list(value)
                    if key == "include" { configuration.include += names } else { configuration.exclude += names }
                    configuration.topicsNamed += names.map { TopicNamed(name: $0, setting: key, line: record.line) }
                case "setting", "": break
                default:
                    if Self.isOrganisation(key) {
                        // (`organisation:,X`, no topic after the colon: no topic, said by checkTopics.)
                        let parts = record[0].trimmingSpaces.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                        let topic = parts.count > 1 ? String(parts[1]).trimmingSpaces : ""
                        configuration.organisations[topic] = value
                        configuration.topicsNamed.append(TopicNamed(name: topic, setting: "organisation", line: record.line))
                    } else {
                        problems.append(Diagnostic(.error, file: name, line: record.line, column: 1, code: "plan_setting",
                                                   message: "unknown setting `\(key)`; known: sessions, start, every_months, regional_sessions, top_needs, organisation:TOPIC, include, exclude"))
                    }
                }
            }
        } catch {
            // A file not there (`needs plan` run outside the repository, its default
            // inputs/plan.csv gone) says what to give; the reason alone left the user guessing.
            var reason = ReaderError.reason(of: error, file: name)
            if !FileManager.default.fileExists(atPath: path) {
                reason += "; give \(option) a plan configuration, a CSV of setting,value rows "
                    + "(see \"Plan and waves\" in the README)"
            }
            throw Failure(diagnostics: [Diagnostic(.error, file: name, line: (error as? ReaderError)?.line, code: "plan_unreadable",
                                                   message: reason)])
        }
        if !problems.isEmpty { throw Failure(diagnostics: problems) }
        configuration.file = name
        return configuration
    }

    /// Every topic the configuration names is a topic of the instrument (its key, or the key of
    /// one topic in another case): a misspelt one (`legal-status`) had been a note at the plan's
    /// end, the session planned without it (a helper's probe). An error naming its line and the
    /// likeliest key, as an unknown setting is.
    public func checkTopics(_ instrument: Instrument) throws {
        let keys = instrument.topics.map(\.key)
        // Compared for the likeliest key: `Legal-Status` is `legal_status` by one letter.
        func plain(_ text: String) -> String {
            String(text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        }
        var problems: [Diagnostic] = []
        for named in topicsNamed {
            let (name, setting, line) = (named.name, named.setting, named.line)
            if keys.contains(name) || keys.filter({ $0.lowercased() == name.lowercased() }).count == 1 { continue }
            let nearest = keys.map { ($0, Normalizer.editDistance(plain(name), plain($0), limit: 3)) }
                .filter { $0.1 <= 3 }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
            let hint = nearest.map { "did you mean `\($0)`?" }
                ?? "the instrument's topics are " + keys.map { "`\($0)`" }.joined(separator: ", ")
            problems.append(Diagnostic(.error, file: file, line: line, column: setting == "organisation" ? 1 : 2, code: "plan_setting",
                                       message: "`\(name)` (\(setting)) is no topic of the instrument: \(hint)"))
        }
        if !problems.isEmpty { throw Failure(diagnostics: problems) }
    }

    /// The settings known by name (besides `organisation:TOPIC`).
    static let settings: Set<String> = ["sessions", "start", "every_months", "regional_sessions", "top_needs", "include", "exclude"]

    static func isOrganisation(_ key: String) -> Bool { key.hasPrefix("organisation:") || key.hasPrefix("organization:") }

    /// The year and month of `start` as typed (`2025-03`), or as Excel rewrites it once it has
    /// taken it for a date and the sheet is saved as CSV: `2025-03-01`, `01.03.2025`, `03.2025`,
    /// `2025.03.01`, `Mar-25`, `March 2025`, `3/1/2025` or `1/3/2025` (the 1st of the month, so the
    /// part that is not 1 is the month; other dates with `/` are read only when one part is over 12).
    /// A date-time at midnight, as LibreOffice and Google Sheets save a date cell (`2025-03-01
    /// 00:00:00`), is that date; an Excel serial number of a day from 2000 to 2100 (`45717`, a
    /// date cell saved as a number), the day it counts to (a probe's: both refused).
    static func month(_ value: String) -> (year: Int, month: Int)? {
        var text = withoutMidnight(value.trimmingSpaces.lowercased())
        if text.count == 5, let serial = Int(text), (36_526...73_051).contains(serial) {
            // Days since 1899-12-30, Excel's day 0 (past its 1900 leap-year slip); 1970-01-01 is 25569.
            let date = SubmissionDate.civilDate(unixDays: serial - 25_569)
            return (date.year, date.month)
        }
        let parts = text.split(whereSeparator: { "-./ ".contains($0) }).map(String.init)
        func year(_ part: String) -> Int? {
            guard let n = Int(part) else { return nil }
            if part.count == 4, (2000...2100).contains(n) { return n }
            if part.count == 2 { return 2000 + n }
            return nil
        }
        func month(_ part: String) -> Int? { Int(part).flatMap { (1...12).contains($0) ? $0 : nil } }
        func day(_ part: String) -> Bool { Int(part).map { (1...31).contains($0) } ?? false }
        // A month named in English (Excel's `Mar-25`, `March 2025`).
        if let first = parts.first, first.count >= 3, first.allSatisfy(\.isLetter) {
            let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]
            // A name or its three-letter (or `sept`) abbreviation, not any word that starts alike.
            guard parts.count == 2, let y = year(parts[1]),
                  let index = names.firstIndex(where: { $0 == first || $0.prefix(3) == first || (first == "sept" && $0 == "september") })
            else { return nil }
            return (y, index + 1)
        }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        let slashed = text.contains("/")
        switch parts.count {
        case 2:
            // YYYY-MM, YYYY.MM, MM.YYYY, MM/YYYY
            if parts[0].count == 4, let y = year(parts[0]), let m = month(parts[1]) { return (y, m) }
            if parts[1].count == 4, let y = year(parts[1]), let m = month(parts[0]) { return (y, m) }
            return nil
        case 3:
            if parts[0].count == 4 {  // YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD
                guard let y = year(parts[0]), let m = month(parts[1]), day(parts[2]) else { return nil }
                return (y, m)
            }
            guard parts[2].count == 4, let y = year(parts[2]), day(parts[0]), day(parts[1]) else { return nil }
            if !slashed { return month(parts[1]).map { (y, $0) } }  // DD.MM.YYYY, DD-MM-YYYY
            // D/M/YYYY (most of Europe) or M/D/YYYY (the United States).
            let a = Int(parts[0])!, b = Int(parts[1])!
            if a > 12, let m = month(parts[1]) { return (y, m) }
            if b > 12, let m = month(parts[0]) { return (y, m) }
            if a == 1 && b != 1 { return (y, b) }
            if b == 1 && a != 1 { return (y, a) }
            if a == b { return (y, a) }
            return nil
        default:
            return nil
        }
    }

    /// A date-time's date where its time is midnight: `2025-03-01 00:00:00`, `2025-03-01T00:00`,
    /// `2025-03-01T00:00:00.000Z` (JavaScript's and JSON's, in UTC), `3/1/2025 12:00:00 AM` (a
    /// 12-hour clock's), `3/1/2025, 12:00:00 AM`; the text as it is for any other (lower case).
    static func withoutMidnight(_ text: String) -> String {
        var rest = Substring(text)
        if rest.hasSuffix("z") {
            rest = rest.dropLast()
        } else {
            for zone in ["+00:00", "+0000"] where rest.hasSuffix(zone) {
                rest = rest.dropLast(zone.count)
                break
            }
        }
        while rest.last == " " { rest = rest.dropLast() }
        let twelveHour = rest.hasSuffix("am")
        if twelveHour { rest = rest.dropLast(2); while rest.last == " " { rest = rest.dropLast() } }
        // The clock: hours, minutes, seconds and a fraction, each all zeros (12 on a 12-hour clock).
        guard let start = rest.lastIndex(where: { $0 == " " || $0 == "t" }) else { return text }
        let parts = rest[rest.index(after: start)...].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return text }
        let hour = parts[0]
        guard twelveHour ? hour == "12" : (hour == "0" || hour == "00") else { return text }
        for (i, part) in parts.dropFirst().enumerated() {
            let whole = i == 1 ? part.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false) : [part]
            guard whole[0] == "00", whole.count == 1 || (!whole[1].isEmpty && whole[1].allSatisfy { $0 == "0" }) else { return text }
        }
        // (JavaScript's `toLocaleString`: `3/1/2025, 12:00:00 AM`.)
        var date = String(rest[..<start]).trimmingSpaces
        if date.hasSuffix(",") { date = String(date.dropLast()).trimmingSpaces }
        return date
    }

    private static func list(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }).map(String.init)
    }

    /// `YYYY-MM` of the n-th session (0-based).
    public func month(ofSession n: Int) -> String {
        let total = startYear * 12 + (startMonth - 1) + n * everyMonths
        let year = total / 12, month = total % 12 + 1
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }
}
