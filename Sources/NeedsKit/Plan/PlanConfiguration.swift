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

    public init() {}

    public struct Failure: DiagnosedError {
        public var diagnostics: [Diagnostic]
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    public static func load(_ path: String) throws -> PlanConfiguration {
        var configuration = PlanConfiguration()
        var problems: [Diagnostic] = []
        do {
            try CSVReader(path: path).read(diagnose: { if $0.severity == .error { problems.append($0) } }) { record in
                guard !record.isHeader, !record.isBlank else { return }
                let key = record[0].trimmingSpaces.lowercased()
                let value = record[1].trimmingSpaces
                func number(_ range: ClosedRange<Int>) -> Int? {
                    guard let n = Int(value), range.contains(n) else {
                        problems.append(Diagnostic(.error, file: path, line: record.line, column: 2, code: "plan_setting",
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
                    let parts = value.split(separator: "-").compactMap { Int($0) }
                    if parts.count == 2, (2000...2100).contains(parts[0]), (1...12).contains(parts[1]) {
                        configuration.startYear = parts[0]
                        configuration.startMonth = parts[1]
                    } else {
                        problems.append(Diagnostic(.error, file: path, line: record.line, column: 2, code: "plan_setting",
                                                   message: "`start` is a month written YYYY-MM, not `\(value)`"))
                    }
                case "include": configuration.include += Self.list(value)
                case "exclude": configuration.exclude += Self.list(value)
                case "setting", "": break
                default:
                    if key.hasPrefix("organisation:") || key.hasPrefix("organization:") {
                        let topic = String(record[0].trimmingSpaces.split(separator: ":", maxSplits: 1)[1]).trimmingSpaces
                        configuration.organisations[topic] = value
                    } else {
                        problems.append(Diagnostic(.error, file: path, line: record.line, column: 1, code: "plan_setting",
                                                   message: "unknown setting `\(key)`; known: sessions, start, every_months, regional_sessions, top_needs, organisation:TOPIC, include, exclude"))
                    }
                }
            }
        } catch {
            throw Failure(diagnostics: [Diagnostic(.error, file: path, line: (error as? ReaderError)?.line, code: "plan_unreadable",
                                                   message: ReaderError.reason(of: error, file: path))])
        }
        if !problems.isEmpty { throw Failure(diagnostics: problems) }
        return configuration
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
