import Foundation

/// Turns records of any export into clean respondents of one instrument, logging every change,
/// duplicate and unknown value. One normaliser serves a whole run, so duplicates are found across
/// files.
///
///     let normalizer = Normalizer(instrument: instrument)
///     let mapping = normalizer.mapHeader(header, file: "EE.csv", log: { issues.append($0) })
///     let outcome = normalizer.normalize(record, mapping: mapping, log: { issues.append($0) })
public final class Normalizer {
    public struct Options: Sendable {
        /// Drop a row identical to an earlier one that has no submission ID (otherwise flagged, kept).
        public var dropIdentical = false
        /// A numeric column (of the export, or a question of the instrument) holding each
        /// respondent's weight (`--weights COLUMN`).
        public var weightColumn: String? = nil

        public init(dropIdentical: Bool = false, weightColumn: String? = nil) {
            self.dropIdentical = dropIdentical
            self.weightColumn = weightColumn
        }
    }

    /// How one file's columns map to the instrument.
    public struct FileMapping: Sendable {
        public var file: String
        public var shape: ExportShape
        public var roles: [ColumnRole]
        /// select_multiple questions that have a whole-answer column: their split columns are not read.
        public var wholeColumns: Set<Int>
        /// Whether any column holds an answer to an instrument question.
        public var mapsAnyQuestion: Bool
        public var unmapped: [String]
        /// The column holding weights (`--weights COLUMN`), when the file has it.
        public var weightColumn: Int? = nil
    }

    public enum Outcome: Equatable {
        case respondent(Respondent)
        case duplicate
        case blank
        case quarantined(String)
        /// A HXL hashtag row under the header: part of the header, not a record.
        case hashtagRow
    }

    public let instrument: Instrument
    public let options: Options
    private let mapper: ColumnMapper
    private let gazetteer: Gazetteer
    private var matchers: [Int: ChoiceMatcher] = [:]
    /// Submission IDs seen, with a fingerprint of their answers (a second copy that differs is flagged).
    private var seenSubmissions: [String: UInt64] = [:]
    private var seenRows: Set<UInt64> = []
    /// Place names seen, resolved once (a survey has few distinct ones and millions of rows).
    private var placeCache: [String: Gazetteer.Match] = [:]
    private var countryCache: [String: String?] = [:]

    public init(instrument: Instrument, options: Options = Options(), gazetteer: Gazetteer = .shared) {
        self.instrument = instrument
        self.options = options
        self.mapper = ColumnMapper(instrument: instrument)
        self.gazetteer = gazetteer
        for (index, question) in instrument.questions.enumerated() {
            if let list = question.kind.listName.flatMap({ instrument.choiceLists[$0] }) {
                matchers[index] = ChoiceMatcher(list: list)
            }
        }
    }

    // MARK: Header

    public func mapHeader(_ header: [String], file: String, log: (CleaningIssue) -> Void) -> FileMapping {
        var roles = header.enumerated().map { mapper.resolve($0.element, position: $0.offset) }
        var unmapped: [String] = []
        var seenQuestions: [ColumnRole: Int] = [:]
        for (index, role) in roles.enumerated() {
            switch role {
            case .unmapped:
                let title = header[index].trimmingSpaces
                if !title.isEmpty { unmapped.append(title) }
            case .question, .choice:
                if let first = seenQuestions[role] {
                    roles[index] = .unmapped
                    log(CleaningIssue(
                        file: file, line: 1, column: index + 1, question: questionName(role), code: "duplicate_column",
                        action: .dropped, message: "column \(index + 1) holds the same question as column \(first + 1); only the first is read"))
                } else {
                    seenQuestions[role] = index
                }
            default:
                break
            }
        }
        var whole = Set<Int>()
        for role in roles { if case let .question(q) = role, case .selectMultiple = instrument.questions[q].kind { whole.insert(q) } }
        let redundant = roles.enumerated().filter { if case let .choice(q, _) = $0.element { return whole.contains(q) } else { return false } }
        if let first = redundant.first {
            log(CleaningIssue(
                file: file, line: 1, column: first.offset + 1, code: "split_columns_ignored", action: .kept, severity: .note,
                message: "\(redundant.count) split choice column(s) repeat a select_multiple answer that also has its own column; the single column is read, the split ones are not, so nothing counts twice"))
        }
        let shape = ExportShape.recognise(header)
        if !unmapped.isEmpty {
            // Kobo "all versions" exports carry columns of older form versions: say so.
            let derived = unmapped.filter { name in
                name.hasPrefix("_") || name.hasSuffix("_URL") || unmapped.contains { name.hasPrefix("_" + $0 + "_") }
            }
            let older = shape == .kobo ? unmapped.filter { !derived.contains($0) } : []
            if !older.isEmpty {
                log(CleaningIssue(
                    file: file, line: 1, code: "columns_not_in_form_version", action: .dropped, severity: .warning,
                    message: "\(older.count) data column(s) are not in this version of the XLSForm (an \"all versions\" export carries older versions' questions): \(older.joined(separator: ", "))"))
            }
            log(CleaningIssue(
                file: file, line: 1, code: "unmapped_columns", action: .dropped, severity: .note,
                message: "\(unmapped.count) column(s) match no instrument question and are not carried further: \(unmapped.joined(separator: ", "))"))
        }
        if instrument.countryQuestion == nil && instrument.municipalityQuestion == nil {
            log(CleaningIssue(
                file: file, line: 1, code: "instrument_has_no_place", action: .kept, severity: .note,
                message: "the instrument has no country or municipality question: respondents count only in the region total"))
        }
        if instrument.topics.isEmpty {
            log(CleaningIssue(
                file: file, line: 1, code: "instrument_has_no_topics", action: .kept, severity: .note,
                message: "the instrument defines no training topics (no `topic`/`measure` columns): no topic figures can be computed"))
        }
        let mapsAny = roles.contains { if case .question = $0 { return true }; if case .choice = $0 { return true }; return false }
        var weightColumn: Int? = nil
        if let name = options.weightColumn {
            weightColumn = header.firstIndex { $0.trimmingSpaces.lowercased() == name.lowercased() }
                ?? instrument.questionIndex[name].flatMap { q in roles.firstIndex(of: .question(q)) }
            if weightColumn == nil {
                log(CleaningIssue(
                    file: file, line: 1, code: "weight_column_missing", action: .kept, severity: .error,
                    message: "no column `\(name)` holds weights in this file; its respondents get weight 0 and count in no figure"))
            }
        }
        return FileMapping(
            file: file, shape: shape, roles: roles, wholeColumns: whole,
            mapsAnyQuestion: mapsAny, unmapped: unmapped, weightColumn: weightColumn)
    }

    private func questionName(_ role: ColumnRole) -> String {
        switch role {
        case let .question(q), let .choice(q, _): return instrument.questions[q].name
        default: return ""
        }
    }

    // MARK: Records

    public func normalize(_ record: RecordBuffer, mapping: FileMapping, log: (CleaningIssue) -> Void) -> Outcome {
        let file = mapping.file
        if let reason = record.quarantineReason {
            return .quarantined(reason)
        }
        if record.isBlank { return .blank }
        if record.index == 1 && isHashtagRow(record) { return .hashtagRow }
        if !mapping.mapsAnyQuestion { return .quarantined("no column of the file matches the instrument") }

        var submissionID = ""
        var submitted: String? = nil
        var answers = [Answer?](repeating: nil, count: instrument.questions.count)
        var ticked: [Int: Set<String>] = [:]
        var splitAnswered = Set<Int>()
        var pendingIssues: [(column: Int, question: Int, old: String, new: String, code: String, action: CleaningIssue.Action, message: String)] = []
        var rowHash: UInt64 = 0xcbf2_9ce4_8422_2325

        for (column, role) in mapping.roles.enumerated() where column < record.count {
            switch role {
            case .meta(.submissionID):
                submissionID = record[column].trimmingSpaces
            case .meta(.submitted):
                if submitted == nil { submitted = SubmissionDate.parse(record[column]) }
            case let .question(q):
                let raw = record[column]
                record.withFieldBytes(column) { rowHash = FNV.hash($0, seed: rowHash &+ UInt64(column)) }
                let text = raw.trimmingSpaces
                if text.isEmpty { continue }
                let question = instrument.questions[q]
                switch question.kind {
                case .selectOne:
                    guard let matcher = matchers[q] else { continue }
                    switch matcher.match(text, answerCodes: mapping.shape == .limeSurvey) {
                    case let .matched(name, loose):
                        answers[q] = .choice(name)
                        if loose {
                            pendingIssues.append((column, q, text, name, "label_matched_without_diacritics", .changed,
                                                  "`\(text)` read as choice `\(name)` once diacritics were set aside"))
                        }
                    case let .ambiguous(names):
                        pendingIssues.append((column, q, text, "", "ambiguous_value", .changed,
                                              "`\(text)` fits several choices (\(names.joined(separator: ", "))); treated as missing"))
                    case .unknown:
                        pendingIssues.append((column, q, text, "", "unknown_value", .changed,
                                              "`\(text)` is not a choice of list `\(matcher.list.name)`; treated as missing"))
                    }
                case .selectMultiple:
                    guard let matcher = matchers[q] else { continue }
                    let split = matcher.splitMultiple(text, namesExpected: mapping.shape == .kobo || mapping.shape == .odkCentral)
                    answers[q] = .choices(split.choices)
                    for piece in split.unknown {
                        pendingIssues.append((column, q, piece, "", "unknown_value", .changed,
                                              "`\(piece)` is not a choice of list `\(matcher.list.name)`; left out of the answer"))
                    }
                    if split.loose {
                        pendingIssues.append((column, q, text, split.choices.joined(separator: " "), "label_matched_without_diacritics", .changed,
                                              "choices read once diacritics were set aside"))
                    }
                case .integer, .decimal:
                    let normalised = text.replacingOccurrences(of: ",", with: ".")
                    if Double(normalised) != nil {
                        answers[q] = .text(normalised)
                    } else {
                        pendingIssues.append((column, q, text, "", "not_a_number", .changed,
                                              "`\(text)` is not a number; treated as missing"))
                    }
                case .meta:
                    if question.name == "end", submitted == nil { submitted = SubmissionDate.parse(text) }
                    answers[q] = .text(text)
                default:
                    answers[q] = .text(text)
                }
            case let .choice(q, choice):
                guard !mapping.wholeColumns.contains(q), let matcher = matchers[q] else { continue }
                record.withFieldBytes(column) { rowHash = FNV.hash($0, seed: rowHash &+ UInt64(column)) }
                let raw = record[column]
                switch matcher.isTicked(raw, choice: choice) {
                case true?:
                    ticked[q, default: []].insert(choice)
                    splitAnswered.insert(q)
                case false?:
                    splitAnswered.insert(q)
                case nil:
                    if !raw.trimmingSpaces.isEmpty {
                        pendingIssues.append((column, q, raw.trimmingSpaces, "", "unknown_value", .changed,
                                              "`\(raw.trimmingSpaces)` in the `\(choice)` column is neither ticked nor unticked; read as unticked"))
                        splitAnswered.insert(q)
                    }
                }
            default:
                break
            }
        }
        for q in splitAnswered where answers[q] == nil {
            answers[q] = .choices(matchers[q]!.ordered(ticked[q] ?? []))
        }

        // Duplicates: a submission ID seen before is the same respondent; an identical row without one is flagged.
        if !submissionID.isEmpty {
            if let earlier = seenSubmissions[submissionID] {
                if earlier == rowHash {
                    log(CleaningIssue(file: file, line: record.line, code: "duplicate_submission", action: .dropped, severity: .note,
                                      message: "submission `\(submissionID)` was already read; counted once"))
                } else {
                    log(CleaningIssue(file: file, line: record.line, code: "duplicate_submission_conflict", action: .dropped,
                                      severity: .warning,
                                      message: "submission `\(submissionID)` was already read with different answers; the first copy is kept, this one is dropped"))
                }
                return .duplicate
            }
            seenSubmissions[submissionID] = rowHash
        } else if !seenRows.insert(rowHash).inserted {
            if options.dropIdentical {
                log(CleaningIssue(file: file, line: record.line, code: "identical_row", action: .dropped,
                                  message: "identical to an earlier row and has no submission ID; dropped (--drop-identical)"))
                return .duplicate
            }
            log(CleaningIssue(file: file, line: record.line, code: "identical_row", action: .kept,
                              message: "identical to an earlier row and has no submission ID; kept (use --drop-identical to drop)"))
        }

        let id = "R" + FNV.hex(FNV.hash(Array((baseName(file) + "\u{0}" + (submissionID.isEmpty ? "line \(record.line)" : submissionID)).utf8)))
        for pending in pendingIssues {
            log(CleaningIssue(
                file: file, line: record.line, column: pending.column + 1, respondentID: id,
                question: instrument.questions[pending.question].name, oldValue: pending.old, newValue: pending.new,
                code: pending.code, action: pending.action, message: pending.message))
        }
        var respondent = Respondent(
            id: id, sourceFile: file, sourceLine: record.line, country: nil, municipalityCode: nil,
            municipalityName: nil, role: nil, submitted: submitted, answers: answers)
        if options.weightColumn != nil {
            respondent.weight = 0
            if let column = mapping.weightColumn {
                let text = record[column].trimmingSpaces
                if let weight = Double(text.replacingOccurrences(of: ",", with: ".")), weight.isFinite, weight >= 0 {
                    respondent.weight = weight
                } else {
                    log(CleaningIssue(file: file, line: record.line, column: column + 1, respondentID: id,
                                      question: options.weightColumn!, oldValue: text, newValue: "0", code: "weight_invalid",
                                      action: .changed, message: "weight `\(text)` is not a number ≥ 0; the respondent counts in no figure"))
                }
            }
        }
        resolvePlace(&respondent, record: record, mapping: mapping, log: log)
        if let role = instrument.roleQuestion.flatMap({ instrument.questionIndex[$0.name] }), case let .choice(name)? = answers[role] {
            respondent.role = name
        }
        return .respondent(respondent)
    }

    private func isHashtagRow(_ record: RecordBuffer) -> Bool {
        var tags = 0
        var filled = 0
        for i in 0..<record.presentCount {
            let text = record[i].trimmingSpaces
            guard !text.isEmpty else { continue }
            filled += 1
            if text.hasPrefix("#") { tags += 1 }
        }
        return filled > 0 && tags * 2 >= filled
    }

    private func column(of question: Int?, in mapping: FileMapping) -> Int? {
        guard let question else { return nil }
        return mapping.roles.firstIndex(of: .question(question)).map { $0 + 1 }
    }

    /// Country from the answer (a choice, a name in any language or an ISO code); municipality
    /// from the gazetteer; a missing country inferred from an unambiguous municipality.
    private func resolvePlace(_ respondent: inout Respondent, record: RecordBuffer, mapping: FileMapping, log: (CleaningIssue) -> Void) {
        let file = mapping.file
        let countryIndex = instrument.countryQuestion.flatMap { instrument.questionIndex[$0.name] }
        let municipalityIndex = instrument.municipalityQuestion.flatMap { instrument.questionIndex[$0.name] }
        // An instrument without place questions is reported once per file, in mapHeader.
        guard countryIndex != nil || municipalityIndex != nil else { return }
        if let q = countryIndex, let answer = respondent.answers[q] {
            let written = answer.cleanValue
            var code: String?
            if let cached = countryCache[written] {
                code = cached
            } else {
                code = RegionCountry.code(for: written)
                countryCache[written] = code
            }
            if code == nil, case let .choice(name) = answer, let choice = matchers[q]?.list.choice(named: name) {
                code = choice.labels.values.lazy.compactMap(RegionCountry.code(for:)).first
            }
            if let code {
                respondent.country = code
            } else {
                log(CleaningIssue(file: file, line: record.line, column: column(of: q, in: mapping), respondentID: respondent.id,
                                  question: instrument.questions[q].name, oldValue: written, code: "country_outside_region", action: .kept,
                                  message: "country `\(written)` is not Estonia, Latvia or Lithuania; the respondent is kept under no country"))
            }
        }
        guard let q = municipalityIndex, let answer = respondent.answers[q] else {
            if respondent.country == nil {
                log(CleaningIssue(file: file, line: record.line, respondentID: respondent.id, code: "place_unknown", action: .kept,
                                  message: "neither country nor municipality is known; the respondent counts only in the region total"))
            }
            return
        }
        var written = answer.cleanValue
        if case let .choice(name) = answer, let choice = matchers[q]?.list.choice(named: name),
           let label = choice.label(nil, fallback: instrument.defaultLanguage) {
            written = gazetteer.match(name) == .none ? label : name
        }
        let column = column(of: q, in: mapping)
        let key = (respondent.country ?? "") + "\u{1F}" + written
        let match: Gazetteer.Match
        if let cached = placeCache[key] {
            match = cached
        } else {
            match = gazetteer.match(written, country: respondent.country)
            placeCache[key] = match
        }
        switch match {
        case let .unique(municipality):
            respondent.municipalityCode = municipality.code
            respondent.municipalityName = municipality.name
            if respondent.country == nil {
                respondent.country = municipality.country
                log(CleaningIssue(file: file, line: record.line, column: column, respondentID: respondent.id,
                                  question: instrument.countryQuestion?.name ?? "country", oldValue: "", newValue: municipality.country,
                                  code: "country_inferred", action: .changed,
                                  message: "country inferred from the municipality `\(written)` (\(municipality.code))"))
            } else if respondent.country != municipality.country {
                log(CleaningIssue(file: file, line: record.line, column: column, respondentID: respondent.id,
                                  question: instrument.questions[q].name, oldValue: written, code: "place_mismatch", action: .kept,
                                  message: "municipality `\(written)` is in \(municipality.country), but the country answer is \(respondent.country!)"))
            }
        case let .ambiguous(candidates):
            respondent.municipalityName = written
            log(CleaningIssue(file: file, line: record.line, column: column, respondentID: respondent.id,
                              question: instrument.questions[q].name, oldValue: written, code: "municipality_ambiguous", action: .kept,
                              message: "`\(written)` fits \(candidates.count) municipalities (\(candidates.map { "\($0.name) \($0.code)" }.joined(separator: ", "))); kept as written, without a code"))
        case .none:
            respondent.municipalityName = written
            log(CleaningIssue(file: file, line: record.line, column: column, respondentID: respondent.id,
                              question: instrument.questions[q].name, oldValue: written, code: "municipality_unknown", action: .kept,
                              message: "`\(written)` is not a municipality of the gazetteer; kept as written"))
        }
    }

    private func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// FNV-1a, 64-bit: stable respondent IDs and row fingerprints (not for security).
enum FNV {
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Submission dates as the tools write them, reduced to YYYY-MM-DD.
enum SubmissionDate {
    static func parse(_ raw: String) -> String? {
        let text = raw.trimmingSpaces
        let parts = text.split(whereSeparator: { !$0.isNumber }).prefix(3).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        var year: Int, month: Int, day: Int
        if parts[0].count == 4 {
            (year, month, day) = (a, b, c)
        } else if parts[2].count == 4 || parts[2].count == 2 {
            year = parts[2].count == 2 ? 2000 + c : c
            // 14.01.2025 and 14/01/2025 are day first; 1/14/2025 (US Excel) shows itself by a month above 12.
            if text.contains(".") || a > 12 { (day, month) = (a, b) } else if b > 12 { (month, day) = (a, b) } else { (day, month) = (a, b) }
        } else {
            return nil
        }
        guard (1...12).contains(month), (1...31).contains(day), (1900...2200).contains(year) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
