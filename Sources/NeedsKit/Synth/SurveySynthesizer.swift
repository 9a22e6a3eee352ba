import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a realistic export of an instrument, as a form tool would (`needs synth`): respondents
/// spread over real municipalities of the three countries, plausible answers per topic, missing
/// answers, multi-select demand, free text with commas, quotes and line breaks. The same seed gives
/// the same bytes. Rows are written as they are made, so a million rows need no more memory than ten.
public struct SurveySynthesizer {
    public enum Shape: String, CaseIterable, Sendable { case kobo, google, msforms, limesurvey, generic }
    public enum OutputEncoding: String, CaseIterable, Sendable {
        case utf8 = "utf-8", utf8BOM = "utf-8-bom", utf16LE = "utf-16le", windows1257 = "windows-1257"
    }

    public struct Options: Sendable {
        public var rows = 1000
        public var seed: UInt64 = 1
        public var shape = Shape.kobo
        public var language = "en"
        public var encoding = OutputEncoding.utf8
        public init() {}
    }

    public enum Failure: Error, CustomStringConvertible {
        /// The path and why (the system's reason, or that it is a folder).
        case cannotWrite(String, String)
        case unencodable(String)
        /// `--out` is a file of the instrument the export is made from.
        case overwritesInstrument(String)
        /// `--lang` names no language the instrument has labels in (those it has).
        case unknownLanguage(String, [String])

        public var description: String {
            switch self {
            case let .cannotWrite(path, reason): return "cannot write \(path == "-" ? "standard output" : path): \(reason)"
            case let .overwritesInstrument(path):
                return "--out \(path) is a file of the instrument (--instrument): writing the export would replace it; nothing was written, give another file"
            case let .unknownLanguage(language, known):
                return "the instrument has no labels in `\(language)`; --lang is one of: \(known.joined(separator: ", "))"
            case let .unencodable(what):
                return "\(what) cannot be written in Windows-1257 (--encoding windows-1257); nothing was written: give --encoding utf-8, "
                    + "utf-8-bom or utf-16le, or another --lang"
            }
        }
    }

    let instrument: Instrument
    let options: Options
    private var random: SplitMix64
    private let municipalities: [Gazetteer.Municipality]
    private let countryChoice: [String: String]
    private let cp1257: [Unicode.Scalar: UInt8]

    public init(instrument: Instrument, options: Options) {
        self.instrument = instrument
        self.options = options
        random = SplitMix64(seed: options.seed)
        municipalities = RegionCountry.codes.flatMap { Gazetteer.shared.municipalities(in: $0) }.sorted { $0.code < $1.code }
        var choice: [String: String] = [:]
        if let list = instrument.countryQuestion?.kind.listName.flatMap({ instrument.choiceLists[$0] }) {
            for c in list.choices {
                if let code = RegionCountry.code(for: c.name) ?? c.labels.values.lazy.compactMap(RegionCountry.code(for:)).first {
                    choice[code] = c.name
                }
            }
        }
        countryChoice = choice
        var table: [Unicode.Scalar: UInt8] = [:]
        for (i, scalar) in CodePage.table(for: .windows1257).enumerated() { if let scalar { table[scalar] = UInt8(0x80 + i) } }
        cp1257 = table
    }

    /// Loads the instrument and writes an export of it to `path`, refusing a `path` that is one
    /// of the instrument's own files (symbolic links and `..` resolved).
    /// Refuses a regular file already at `path` (`synth --out` over a municipality's export, or
    /// `plan.csv`, had replaced it silently); standard output, a pipe or a device is written.
    public static func refuseExistingFile(_ path: String) throws {
        var info = stat()
        guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              !path.hasPrefix("/dev/"), !path.hasPrefix("/proc/") else { return }
        throw Failure.cannotWrite(path, "a file is there already (an export?); give another name, or --force to replace it")
    }

    public static func write(instrumentPath: String, options: Options, to path: String) throws {
        var info = stat()
        guard stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR else {
            throw Failure.cannotWrite(path, "it is a folder; give a file name")
        }
        // The instrument is a workbook, or a folder of three sheets.
        let target = OutputFolder.resolved(path)
        let sheets = [instrumentPath] + InstrumentLoader.files(of: instrumentPath)
        if sheets.contains(where: { OutputFolder.resolved($0) == target }) { throw Failure.overwritesInstrument(path) }
        let instrument = try InstrumentLoader.load(instrumentPath)
        var options = options
        // Labels are keyed in lower case (`ET` is `et`); a language the instrument lacks would
        // silently give its default labels.
        options.language = options.language.lowercased()
        var known = instrument.languages.map(\.key).filter { !$0.isEmpty }
        // A plain `label` column beside translated ones is the form's default language (English
        // unless `default_language` says otherwise).
        let plain = instrument.questions.contains { !($0.labels[""] ?? "").isEmpty }
        if plain, !known.isEmpty, !known.contains(instrument.defaultLanguage ?? "en") { known.append(instrument.defaultLanguage ?? "en") }
        if !known.isEmpty && !known.contains(options.language) { throw Failure.unknownLanguage(options.language, known) }
        var synthesizer = SurveySynthesizer(instrument: instrument, options: options)
        try synthesizer.write(to: path)
    }

    /// Writes the export to `path` through a temporary file beside it, renamed into place at the
    /// end: a run that fails (a text the encoding cannot hold, a full disk) leaves any file
    /// already at `path` as it was.
    /// `-` is standard output. A path that is not a regular file (a pipe), or one of the
    /// system's names for a descriptor (`/dev/stdout`, `/proc/self/fd/1`, which may lead to a
    /// regular file the shell opened), is written directly: a temporary file beside it could not
    /// be made (`/proc`) or would be renamed over the name itself (`/dev`). A symbolic link to a
    /// file is written where it leads.
    public mutating func write(to path: String) throws {
        var info = stat()
        let standardOutput = path == "-"
        let exists = !standardOutput && stat(path, &info) == 0
        if exists && (info.st_mode & S_IFMT) == S_IFDIR { throw Failure.cannotWrite(path, "it is a folder; give a file name") }
        let device = path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
        let direct = standardOutput || (exists && ((info.st_mode & S_IFMT) != S_IFREG || device))
        // A link to a file is written where it leads, and stays a link.
        var link = stat()
        let isLink = !direct && lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
        let target = isLink ? OutputFolder.resolved(path) : path
        let temporary = direct ? path : target + ".incomplete-" + OutputFolder.processTag
        if !direct {
            let url = URL(fileURLWithPath: target)
            OutputFolder.removeLeftoversOfKilledRuns(in: url.deletingLastPathComponent().path,
                                                     prefix: url.lastPathComponent + ".incomplete-")
        }
        guard let file = standardOutput ? fdopen(dup(1), "wb") : fopen(temporary, "wb") else {
            throw Failure.cannotWrite(path, String(cString: strerror(errno)))
        }
        // Ctrl-C or SIGTERM removes the part-written file, as a run that fails does.
        if !direct { CleanupOnSignal.register(temporary) }
        var closed = false
        defer {
            if !closed { fclose(file) }
            if !direct {
                unlink(temporary)
                CleanupOnSignal.unregister(temporary)
            }
        }
        var failure: String? = nil
        func put(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            if fwrite(base, 1, bytes.count, file) != bytes.count, failure == nil { failure = String(cString: strerror(errno)) }
        }
        func emit(_ text: String) throws {
            try encode(text).withUnsafeBytes(put)
        }
        switch options.encoding {
        case .utf8BOM: ([0xEF, 0xBB, 0xBF] as [UInt8]).withUnsafeBytes(put)
        case .utf16LE: ([0xFF, 0xFE] as [UInt8]).withUnsafeBytes(put)
        default: break
        }
        let layout = columns()
        var buffer = ""
        buffer += line(layout.map(\.header))
        for index in 0..<options.rows {
            buffer += line(respondentRow(index, layout))
            if buffer.utf8.count > 1 << 16 {
                try emit(buffer)
                buffer = ""
            }
        }
        try emit(buffer)
        closed = true
        if ferror(file) != 0, failure == nil { failure = "write error" }
        if fclose(file) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw Failure.cannotWrite(path, failure) }
        guard direct || rename(temporary, target) == 0 else { throw Failure.cannotWrite(path, String(cString: strerror(errno))) }
    }

    // MARK: Layout

    struct Column {
        var header: String
        var value: (inout SurveySynthesizer, Int, Respondent) -> String
    }

    /// One made-up respondent: place and answers by question name (choice names; text as is).
    struct Respondent {
        var country: String
        var municipality: Gazetteer.Municipality
        var answers: [String: [String]]
        var submitted: String
    }

    private var delimiter: Character {
        switch options.shape {
        case .kobo: return ";"
        // Excel saves "CSV" in a Baltic locale with `;`, and "Unicode text" as UTF-16 with tabs.
        case .msforms: return options.encoding == .windows1257 ? ";" : options.encoding == .utf16LE ? "\t" : ","
        case .generic: return options.encoding == .utf16LE ? "\t" : ","
        default: return ","
        }
    }

    private func label(_ labelled: Labelled, _ fallback: String) -> String {
        labelled.label(options.language, fallback: instrument.defaultLanguage) ?? fallback
    }

    private func choiceLabel(_ question: Question, _ name: String) -> String {
        guard let choice = question.kind.listName.flatMap({ instrument.choiceLists[$0] })?.choice(named: name) else { return name }
        return label(choice, name)
    }

    private var answerable: [Question] {
        instrument.questions.filter { question in
            switch question.kind {
            case .note, .calculate, .meta: return false
            default: return true
            }
        }
    }

    private func questionHeader(_ q: Question) -> String {
        switch options.shape {
        case .kobo: return (q.groupPath + [q.name]).joined(separator: "/")
        case .generic: return q.key
        case .limesurvey:
            if let group = q.groupPath.last, instrument.groups[q.groupKey] != nil, case .selectOne = q.kind {
                let members = instrument.questions.filter { $0.groupKey == q.groupKey && $0.isAnswer }
                let position = (members.firstIndex { $0.name == q.name } ?? 0) + 1
                return ColumnMapper.code(group) + "[SQ" + String(format3(position)) + "]"
            }
            return ColumnMapper.code(q.name)
        case .google:
            if let group = instrument.groups[q.groupKey] { return label(group, group.name) + " [" + label(q, q.name) + "]" }
            return label(q, q.name)
        case .msforms:
            if let group = instrument.groups[q.groupKey] { return label(group, group.name) + "." + label(q, q.name) }
            return label(q, q.name)
        }
    }

    /// Google Forms' timestamp column as its responses sheet names it in each language.
    static let googleTimestampHeaders = [
        "en": "Timestamp", "et": "Ajatempel", "lv": "Laikspiedols", "lt": "Laiko žymė", "ru": "Отметка времени",
    ]

    /// LimeSurvey's Yes and No in the export's language.
    static let limeSurveyYesNo = [
        "en": ("Yes", "No"), "et": ("Jah", "Ei"), "lv": ("Jā", "Nē"), "lt": ("Taip", "Ne"), "ru": ("Да", "Нет"),
    ]

    /// `2025-02-07` as `2/7/2025` (`year` 4) or `2/7/25` (`year` 2), month first and unpadded.
    static func monthFirst(_ iso: String, year digits: Int) -> String {
        let parts = iso.split(separator: "-").map(String.init)
        return "\(Int(parts[1])!)/\(Int(parts[2])!)/" + String(parts[0].suffix(digits))
    }

    /// A date as the spreadsheet locale of `--lang` writes it: month first in English, `07.02.2025`
    /// in Estonian, Latvian and Russian, `2025-02-07` in Lithuanian.
    func localDate(_ iso: String, year digits: Int) -> String {
        switch options.language.lowercased() {
        case "lt": return iso
        case "et", "lv", "ru":
            let parts = iso.split(separator: "-")
            return parts[2] + "." + parts[1] + "." + parts[0]
        default: return Self.monthFirst(iso, year: digits)
        }
    }

    private func format3(_ n: Int) -> String { n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }

    func columns() -> [Column] {
        var columns: [Column] = []
        switch options.shape {
        case .kobo:
            // Kobo writes the form's `start` and `end` when the form has them (a form without them
            // and an export with them read as columns of another version of the form).
            for (name, time) in [("start", "T09:00:00.000+02:00"), ("end", "T09:12:00.000+02:00")]
            where instrument.questions.contains(where: { $0.key == name && $0.kind == .meta }) {
                columns.append(Column(header: name) { _, _, r in r.submitted + time })
            }
        case .google:
            // The responses sheet names and writes its timestamp in the sheet's locale: `Timestamp`
            // `1/14/2025 9:50:30` in English (as a real export writes it), day first with dots in
            // Estonian, Latvian and Russian, ISO order in Lithuanian.
            let header = Self.googleTimestampHeaders[options.language.lowercased()] ?? "Timestamp"
            columns.append(Column(header: header) { s, _, r in s.localDate(r.submitted, year: 4) + " 10:00:00" })
        case .msforms:
            // Excel writes the form's date cells as its `m/d/yy h:mm:ss` format shows them.
            columns.append(Column(header: "ID") { _, i, _ in String(i + 1) })
            columns.append(Column(header: "Start time") { _, _, r in Self.monthFirst(r.submitted, year: 2) + " 9:00:00" })
            columns.append(Column(header: "Completion time") { _, _, r in
                Self.monthFirst(r.submitted, year: 2) + " 9:12:00"
            })
            columns.append(Column(header: "Email") { _, _, _ in "anonymous" })
            columns.append(Column(header: "Name") { _, _, _ in "" })
        case .limesurvey:
            columns.append(Column(header: "id") { _, i, _ in String(i + 1) })
            columns.append(Column(header: "submitdate") { _, _, r in r.submitted + " 10:00:00" })
            columns.append(Column(header: "lastpage") { _, _, _ in "4" })
            columns.append(Column(header: "startlanguage") { s, _, _ in s.options.language })
            // (Drawn per response and per survey: two exports of other seeds are two surveys, and
            // the same id and seed in both had been told as the same response, a reviewer's.)
            columns.append(Column(header: "seed") { s, i, _ in
                String(100_000_000 + Int((UInt64(i) &* 7_919 &+ s.options.seed &* 1_000_003) % 900_000_000))
            })
        case .generic:
            break
        }
        for q in answerable {
            let header = questionHeader(q)
            switch q.kind {
            case .selectMultiple:
                let names = q.kind.listName.flatMap { instrument.choiceLists[$0] }?.choices.map(\.name) ?? []
                if options.shape == .limesurvey {
                    // The export of full answers (as the lists' labels here are) writes a
                    // multiple-choice sub-question as its language's Yes or No, never Y.
                    let (yes, no) = Self.limeSurveyYesNo[options.language.lowercased()] ?? ("Yes", "No")
                    for (k, name) in names.enumerated() {
                        columns.append(Column(header: header + "[SQ" + format3(k + 1) + "]") { _, _, r in
                            (r.answers[q.key] ?? []).contains(name) ? yes : no
                        })
                    }
                    continue
                }
                columns.append(Column(header: header) { s, _, r in
                    let ticked = r.answers[q.key] ?? []
                    switch s.options.shape {
                    case .kobo, .generic: return ticked.joined(separator: " ")
                    case .google: return ticked.map { s.choiceLabel(q, $0) }.joined(separator: ", ")
                    case .msforms: return ticked.map { s.choiceLabel(q, $0) + ";" }.joined()
                    case .limesurvey: return ""
                    }
                })
                if options.shape == .kobo {
                    for name in names {
                        columns.append(Column(header: header + "/" + name) { _, _, r in
                            r.answers[q.key] == nil ? "" : ((r.answers[q.key] ?? []).contains(name) ? "1" : "0")
                        })
                    }
                }
            case .selectOne:
                columns.append(Column(header: header) { s, _, r in
                    guard let name = r.answers[q.key]?.first else { return "" }
                    return s.options.shape == .kobo || s.options.shape == .generic ? name : s.choiceLabel(q, name)
                })
            default:
                columns.append(Column(header: header) { _, _, r in r.answers[q.key]?.first ?? "" })
            }
        }
        if options.shape == .kobo {
            columns.append(Column(header: "_id") { _, i, _ in String(100_000 + i) })
            columns.append(Column(header: "_uuid") { s, _, _ in s.uuid() })
            columns.append(Column(header: "_submission_time") { _, _, r in r.submitted + "T07:12:30" })
            // The rest of KoboToolbox's own columns, in its order, as an export of a form never
            // reviewed or tagged has them.
            for header in ["_validation_status", "_notes"] { columns.append(Column(header: header) { _, _, _ in "" }) }
            columns.append(Column(header: "_status") { _, _, _ in "submitted_via_web" })
            columns.append(Column(header: "_submitted_by") { _, _, _ in "" })
            columns.append(Column(header: "__version__") { _, _, _ in "vK3mYp8sQ2bNwR7tLx4cZa" })
            columns.append(Column(header: "_tags") { _, _, _ in "" })
            columns.append(Column(header: "_index") { _, i, _ in String(i + 1) })
        }
        return columns
    }

    // MARK: Respondents

    private mutating func uuid() -> String {
        let a = random.next(), b = random.next()
        let hex = FNV.hex(a) + FNV.hex(b)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-a" + String(c[17..<20]) + "-" + String(c[20..<32])
    }

    private mutating func gaussian(_ mean: Double, _ sd: Double) -> Double {
        let u1 = max(Double(random.next() >> 11) / Double(1 << 53), 1e-12)
        let u2 = Double(random.next() >> 11) / Double(1 << 53)
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    private mutating func chance(_ p: Double) -> Bool { Double(random.next() >> 11) / Double(1 << 53) < p }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    private mutating func respondentRow(_ index: Int, _ layout: [Column]) -> [String] {
        let municipality = pick(municipalities)
        var answers: [String: [String]] = [:]
        let countryIndex = RegionCountry.codes.firstIndex(of: municipality.country) ?? 0
        for q in answerable {
            if q.place == .country {
                answers[q.key] = [countryChoice[municipality.country] ?? municipality.country]
                continue
            }
            if q.place == .municipality {
                answers[q.key] = [municipality.name]
                continue
            }
            guard let list = q.kind.listName.flatMap({ instrument.choiceLists[$0] }) else {
                if q.anonymise {
                    if chance(0.2) { answers[q.key] = ["person\(index)@example.org"] }
                } else if case .text = q.kind, chance(0.15) {
                    answers[q.key] = [pick(Self.comments)]
                }
                continue
            }
            if chance(0.05) { continue }
            switch q.kind {
            case .selectOne:
                if let topic = q.topic, let measure = q.measure {
                    // Each topic has its own level, shifted per country, so figures differ.
                    let topicShift = Double(FNV.hash(Array((topic + "\(countryIndex)").utf8)) % 7) / 6 - 0.5
                    let centre = measure == .importance ? 3.9 + topicShift * 0.8 : 2.9 - topicShift * 0.8
                    let value = min(list.choices.count, max(1, Int(gaussian(centre, 0.9).rounded())))
                    answers[q.key] = [list.choices[value - 1].name]
                } else {
                    answers[q.key] = [pick(list.choices).name]
                }
            case .selectMultiple:
                answers[q.key] = list.choices.filter { _ in chance(0.3) }.map(\.name)
            default:
                break
            }
        }
        let day = 1 + Int(random.next() % 28)
        let respondent = Respondent(country: municipality.country, municipality: municipality, answers: answers,
                                    submitted: "2025-02-" + (day < 10 ? "0" : "") + "\(day)")
        return layout.map { column in column.value(&self, index, respondent) }
    }

    static let comments = [
        "More practice, please: role plays, not lectures",
        "We need \"plain language\" materials, in Ukrainian and Russian",
        "Interpreters are hard to find in small towns, especially for health visits",
        "Thank you!\nA second session in spring would help",
        "Cooperation with schools, police and NGOs is the hardest part",
    ]

    // MARK: Text out

    private func line(_ cells: [String]) -> String {
        let d = delimiter
        return cells.map { cell -> String in
            let quoteAll = options.shape == .kobo
            // `isNewline`: a label's CR LF is one Character, neither "\n" nor "\r" (it was written
            // unquoted, and the header read back as two records).
            if quoteAll || cell.contains(where: { $0 == d || $0 == "\"" || $0.isNewline }) {
                return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return cell
        }.joined(separator: String(d)) + "\r\n"
    }

    private func encode(_ text: String) throws -> [UInt8] {
        switch options.encoding {
        case .utf8, .utf8BOM: return Array(text.utf8)
        case .utf16LE: return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .windows1257:
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 { out.append(UInt8(scalar.value)); continue }
                guard let byte = cp1257[scalar] else { throw Failure.unencodable("`\(scalar)`") }
                out.append(byte)
            }
            return out
        }
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): small, fast, and the same numbers on every platform.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
