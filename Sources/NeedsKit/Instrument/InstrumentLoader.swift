import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an instrument cannot be used; the run stops with exit 2 and this message.
public struct InstrumentError: DiagnosedError, Sendable {
    public var problems: [Diagnostic]
    /// The form's warnings found beside the errors: one may be their cause (`begin_grop`, no
    /// type, above the `end_group` that then closes no group), and they had not been shown.
    public var warnings: [Diagnostic] = []
    public var diagnostics: [Diagnostic] { problems + warnings }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Loads an XLSForm: a folder holding `survey.csv`, `choices.csv` and `settings.csv` (the sheets
/// saved as CSV, read with the project's own reader), or an `.xlsx` workbook with those sheets.
///
///     let instrument = try InstrumentLoader.load("inputs/instrument")
///     instrument.topics.map(\.key)   // ["intercultural", "partnerships", ...]
public enum InstrumentLoader {
    public static func load(_ path: String) throws -> Instrument {
        try build(sheets: readSheets(path), origin: path)
    }

    static func readSheets(_ path: String) throws -> [String: Sheet] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw InstrumentError(problems: [Diagnostic(
                .error, file: path, code: "instrument_missing",
                message: "no instrument here; give --instrument a folder with survey.csv, choices.csv, settings.csv or an .xlsx XLSForm")])
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            switch folderContents(path) {
            case let .sheets(files):
                var sheets: [String: Sheet] = [:]
                for (name, file) in files { sheets[name] = try readCSVSheet(file, name: name) }
                return sheets
            case let .workbook(file):
                return try readSheets(file)
            case let .none(workbooks):
                throw InstrumentError(problems: [Diagnostic(
                    .error, file: path, code: "instrument_no_survey",
                    message: workbooks.isEmpty
                        ? "the folder has no survey.csv (nor an .xlsx XLSForm)" + oldWorkbooks(path) + "; give --instrument a folder with survey.csv, choices.csv, settings.csv or an .xlsx XLSForm"
                        : "the folder has no survey.csv but \(workbooks.count) .xlsx workbooks (\(workbooks.joined(separator: ", "))); give --instrument the one that is the form")])
            }
        }
        if path.lowercased().hasSuffix(".csv") {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            let sheet = ["survey.csv", "choices.csv", "settings.csv"].contains(url.lastPathComponent.lowercased())
            if case .sheets = folderContents(folder), sheet {
                throw InstrumentError(problems: [Diagnostic(
                    .error, file: path, code: "instrument_unreadable",
                    message: "one sheet of an XLSForm saved as CSV, not the form: give --instrument the folder "
                        + "holding survey.csv, choices.csv and settings.csv (\(folder))")])
            }
            // Any other CSV is most often an export given to the wrong option (`--instrument
            // Narva.csv`): pointing at its folder, which holds no form, sent the user looking there.
            throw InstrumentError(problems: [Diagnostic(
                .error, file: path, code: "instrument_unreadable",
                message: (sheet ? "one sheet of an XLSForm saved as CSV, not the form"
                          : "a CSV file, not the form (an export is given as an input, after the options)")
                    + ": give --instrument a folder with survey.csv, choices.csv, settings.csv or an .xlsx XLSForm")])
        }
        do {
            // A sheet is known by its name in any case and without the spaces around it: a tab
            // named `choices ` or ` settings` looks the same in Excel, and was not read (every
            // question's list unknown, or the form's default_language lost without a word). The
            // name exactly as XLSForm writes it wins over another that only trims to it.
            var sheets: [String: Sheet] = [:]
            for (name, sheet) in try XLSXWorkbook.sheets(at: path).sorted(by: { $0.key < $1.key }) {
                let key = name.trimmingSpaces.lowercased()
                if sheets[key] == nil || name == key { sheets[key] = sheet }
            }
            return sheets
        } catch {
            throw InstrumentError(problems: [Diagnostic(
                .error, file: path, code: "instrument_unreadable", message: ReaderError.reason(of: error, file: path))])
        }
    }

    /// What an instrument folder holds: its sheets saved as CSV (`survey.csv`, `choices.csv`,
    /// `settings.csv`, named in any case, as Excel saves `Survey.csv`), else the one workbook in
    /// it (the form as the tool gave it; Excel's `~$` lock files aside), else nothing usable.
    enum FolderContents {
        case sheets([(name: String, file: String)])
        case workbook(String)
        case none(workbooks: [String])
    }

    static func folderContents(_ path: String) -> FolderContents {
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        // The name exactly first (the one read before names in any case were), else in any case.
        let sheets = ["survey", "choices", "settings"].compactMap { name in
            (entries.first { $0 == name + ".csv" } ?? entries.first { $0.lowercased() == name + ".csv" })
                .map { (name: name, file: folder + "/" + $0) }
        }
        if sheets.first?.name == "survey" { return .sheets(sheets) }
        let workbooks = entries.filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$") && !$0.hasPrefix(".") }
        if workbooks.count == 1 { return .workbook(folder + "/" + workbooks[0]) }
        return .none(workbooks: workbooks)
    }

    /// The Excel 97-2003 workbooks (`.xls`) of a folder, which are not read, named for the message.
    static func oldWorkbooks(_ folder: String) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.lowercased().hasSuffix(".xls") && !$0.hasPrefix("~$") && !$0.hasPrefix(".") }.sorted()
        return names.isEmpty ? "" : " but \(names.joined(separator: ", ")), an Excel 97-2003 workbook, which `needs` does not read: save it as .xlsx"
    }

    /// The files an instrument path is read from: the workbook, or the folder's sheets or workbook
    /// (for the digest in summary.json, and so that no output replaces one of them).
    public static func files(of path: String) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
        switch folderContents(path) {
        case let .sheets(files): return files.map(\.file)
        case let .workbook(file): return [file]
        case .none: return []
        }
    }

    static func readCSVSheet(_ file: String, name: String) throws -> Sheet {
        var header: [String] = []
        var rows: [(number: Int, cells: [String])] = []
        var problems: [Diagnostic] = []
        do {
            // A sheet's every row is the form's: none is a total or a footnote of a hand-made export.
            var options = ReaderOptions()
            options.plainTable = true
            try CSVReader(path: file, options: options).read(diagnose: { problems.append($0) }) { record in
                if record.isHeader {
                    header = record.fields
                } else if !record.isBlank {
                    rows.append((record.line, record.fields))
                }
            }
        } catch {
            throw InstrumentError(problems: [Diagnostic(.error, file: file, line: (error as? ReaderError)?.line, code: "instrument_unreadable",
                                                        message: ReaderError.reason(of: error, file: file))])
        }
        if let bad = problems.first(where: { $0.severity == .error }) { throw InstrumentError(problems: [bad]) }
        return Sheet(name: name, source: file, header: header, rows: rows)
    }

    static let metaTypes: Set<String> = [
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
        "email", "audit", "start-geopoint", "background-audio",
    ]

    /// Builds and checks the instrument; every problem found is reported together.
    static func build(sheets: [String: Sheet], origin: String) throws -> Instrument {
        var problems: [Diagnostic] = []
        guard let survey = sheets["survey"] else {
            throw InstrumentError(problems: [Diagnostic(
                .error, file: origin, code: "instrument_no_survey",
                message: "the XLSForm has no `survey` sheet" + (sheets.isEmpty ? "" : " (its sheets: \(sheets.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")))"))])
        }
        // In a workbook, the cell as Excel names it too: the location's column is a number
        // (`form.xlsx#survey:7:9`), which a designer had to count across to find column I.
        // What the form may have wrong, said with the run's findings (`Instrument.findings`).
        var findings: [Diagnostic] = []
        func diagnostic(_ severity: Diagnostic.Severity, _ sheet: Sheet, _ row: Int?, _ column: Int?, _ code: String, _ message: String) -> Diagnostic {
            var message = message
            if sheet.inWorkbook, let row, let column { message += " (cell \(Sheet.columnLetter(column))\(row))" }
            return Diagnostic(severity, file: sheet.source, line: row, column: column.map { $0 + 1 }, code: code, message: message)
        }
        func problem(_ sheet: Sheet, _ row: Int?, _ column: Int?, _ code: String, _ message: String) {
            problems.append(diagnostic(.error, sheet, row, column, code, message))
        }
        func warn(_ sheet: Sheet, _ row: Int?, _ column: Int?, _ code: String, _ message: String) {
            findings.append(diagnostic(.warning, sheet, row, column, code, message))
        }
        func note(_ sheet: Sheet, _ row: Int?, _ column: Int?, _ code: String, _ message: String) {
            findings.append(diagnostic(.note, sheet, row, column, code, message))
        }

        // Settings.
        var formTitle = "", formID = "", version = "", defaultLanguage: String? = nil
        var defaultLanguageText = ""
        // XLSForm: a name twice in a choice list is an error unless the form allows it.
        var allowChoiceDuplicates = false
        // The first row with a value: a workbook keeps a formatted empty row as a row.
        if let settings = sheets["settings"],
           let first = settings.rows.first(where: { $0.cells.contains { !$0.trimmingSpaces.isEmpty } })?.cells {
            formTitle = first.cell(settings.column("form_title")).trimmingSpaces
            formID = first.cell(settings.column("form_id")).trimmingSpaces
            version = first.cell(settings.column("version")).trimmingSpaces
            defaultLanguageText = first.cell(settings.column("default_language")).trimmingSpaces
            let allow = first.cell(settings.column("allow_choice_duplicates")).trimmingSpaces.lowercased()
            allowChoiceDuplicates = ["yes", "true", "true()"].contains(allow)
            if !defaultLanguageText.isEmpty { defaultLanguage = Language(columnSuffix: defaultLanguageText).key }
            // pyxform reads the first row; a second (a form's settings pasted over another's) is not.
            let filled = settings.rows.filter { $0.cells.contains { !$0.trimmingSpaces.isEmpty } }
            if filled.count > 1 {
                warn(settings, filled[1].number, nil, "settings_rows",
                     "the settings sheet has \(filled.count) rows of settings; only the first (row \(filled[0].number)) is read")
            }
        }

        // Languages from every label:: column of survey and choices. A plain `label` column is in
        // the default language (as pyxform reads it): a form in Estonian alone, `default_language`
        // Eesti (et), has Estonian labels, and its Estonian report is in Estonian.
        var languages: [Language] = []
        for sheet in [survey, sheets["choices"]].compactMap({ $0 }) {
            for (_, suffix) in sheet.columns(withPrefix: "label::") {
                let language = Language(columnSuffix: suffix)
                if !languages.contains(where: { $0.key == language.key }) { languages.append(language) }
            }
        }
        // `default_language` naming a column's language by name alone, or a column so named
        // (`Français` and `label::Français (fr)`): that column's language.
        if let stated = defaultLanguage, !languages.contains(where: { $0.key == stated }) {
            let name = Language(columnSuffix: defaultLanguageText).name.lowercased()
            defaultLanguage = languages.first { $0.name.lowercased() == name }?.key ?? stated
        }
        if let defaultLanguage, !languages.contains(where: { $0.key == defaultLanguage }),
           let plain = survey.column("label"), survey.rows.contains(where: { !$0.cells.cell(plain).trimmingSpaces.isEmpty }) {
            languages.append(Language(columnSuffix: defaultLanguageText))
        }
        // A default language no label column is in (`Deutsch (de)`): the form is read by its
        // columns' own languages, and the setting is not used.
        if let defaultLanguage, !languages.contains(where: { $0.key == defaultLanguage }), !languages.isEmpty,
           let settings = sheets["settings"] {
            warn(settings, settings.rows.first(where: { $0.cells.contains { !$0.trimmingSpaces.isEmpty } })?.number,
                 settings.column("default_language"), "default_language_unused",
                 "default_language `\(defaultLanguageText)` is the language of no label column (the form's: \(languages.map(\.key).joined(separator: ", "))); it is not used")
        }
        func labels(_ sheet: Sheet, _ cells: [String]) -> [String: String] {
            var result: [String: String] = [:]
            if let plain = sheet.column("label") { result[""] = cells.cell(plain).trimmingSpaces }
            for (index, suffix) in sheet.columns(withPrefix: "label::") {
                let text = cells.cell(index).trimmingSpaces
                if !text.isEmpty { result[Language(columnSuffix: suffix).key] = text }
            }
            if let defaultLanguage, (result[defaultLanguage] ?? "").isEmpty, let plain = result[""] { result[defaultLanguage] = plain }
            return result.filter { !$0.value.isEmpty }
        }

        // Choices.
        var choiceLists: [String: ChoiceList] = [:]
        // A choices sheet whose columns are not found: its lists are not known, and each select
        // naming one is not said to name a list that is missing (dozens of errors hid the one).
        var choicesUnread = false
        if let choices = sheets["choices"] {
            let listColumn = choices.column("list_name") ?? choices.column("list name")
            // KoboToolbox's form builder writes the value it made (`$autovalue`) beside `name`,
            // which it leaves blank until the designer changes it: the value its exports hold.
            let autoValueColumn = choices.column("$autovalue")
            let nameColumn = choices.column("name") ?? choices.column("value") ?? autoValueColumn
            if choices.isEmpty {
                problem(choices, 1, nil, "instrument_columns", "the choices sheet is empty")
            } else if listColumn == nil || nameColumn == nil {
                problem(choices, 1, nil, "instrument_columns", lacking(choices, [("list_name", listColumn), ("name", nameColumn)]))
                choicesUnread = true
            }
            var seen: [String: Int] = [:]
            for (number, cells) in choices.rows {
                let list = cells.cell(listColumn).trimmingSpaces
                let written = cells.cell(nameColumn).trimmingSpaces
                let name = written.isEmpty ? cells.cell(autoValueColumn).trimmingSpaces : written
                guard !list.isEmpty else {
                    // A choice whose list is left blank (cells merged down the list_name column
                    // keep the first row's value alone) was dropped without a word: a rating
                    // scale of five read as one of four.
                    if !name.isEmpty && listColumn != nil {
                        problem(choices, number, listColumn, "missing_list",
                                "choice `\(name)` has no list_name; write its list's name on every row of the list (merged cells keep it on the first row alone)")
                    }
                    continue
                }
                guard !name.isEmpty else {
                    // Without it, the answer cannot name the choice, and the choices below it
                    // would take its place on a rating scale.
                    problem(choices, number, nameColumn, "missing_name", "a choice of list `\(list)` has no name")
                    continue
                }
                let key = list + "\u{0}" + name
                if let first = seen[key] {
                    if allowChoiceDuplicates,
                       let index = choiceLists[list]?.choices.firstIndex(where: { $0.name == name }) {
                        // One choice, as its answers are the same name: its labels are read too.
                        var choice = choiceLists[list]!.choices[index]
                        for label in labels(choices, cells).values.sorted()
                        where !choice.labels.values.contains(label) && !choice.otherLabels.contains(label) {
                            choice.otherLabels.append(label)
                        }
                        choiceLists[list]!.choices[index] = choice
                    } else if !allowChoiceDuplicates {
                        problem(choices, number, nameColumn, "duplicate_choice",
                                "choice `\(name)` appears twice in list `\(list)` (first on row \(first)); if that is meant, as XLSForm allows, set allow_choice_duplicates to yes in the settings sheet")
                    }
                    continue
                }
                seen[key] = number
                var entry = choiceLists[list] ?? ChoiceList(name: list, choices: [])
                // A label shown as a percentage (`10%`) is answered by its number too (`0.1`), as
                // pyxform reads it and a Kobo labels export writes it.
                let stored = (choices.storedNumbers[number] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
                entry.choices.append(Choice(name: name, labels: labels(choices, cells), position: entry.choices.count + 1,
                                            otherLabels: stored.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }))
                choiceLists[list] = entry
            }
        }

        // Survey.
        let typeColumn = survey.column("type")
        // KoboToolbox's form builder writes the name it made from the label (`$autoname`),
        // leaving `name` blank until the designer changes it: the name its exports use.
        let autoNameColumn = survey.column("$autoname")
        let nameColumn = survey.column("name") ?? autoNameColumn
        if typeColumn == nil || nameColumn == nil {
            let message = survey.isEmpty ? "the survey sheet is empty" : lacking(survey, [("type", typeColumn), ("name", nameColumn)])
            problem(survey, 1, nil, "instrument_columns", message)
            throw InstrumentError(problems: problems)
        }
        let topicColumn = survey.column("topic")
        let measureColumn = survey.column("measure")
        let placeColumn = survey.column("place")
        let anonymiseColumn = survey.column("anonymise") ?? survey.column("anonymize")
        let reportColumn = survey.column("report")
        let panelColumn = survey.column("panel")
        let requiredColumn = survey.column("required")
        var questions: [Question] = []
        var groups: [String: Group] = [:]
        // The groups and repeats open at a row, outermost first, each with the row that began it.
        var open: [OpenGroup] = []
        // Names of questions, groups and repeats outside any group, with their rows; those in a
        // group are its `OpenGroup.names`. Repeat names anywhere, which must differ across the form.
        var surveyNames: [String: Int] = [:]
        var repeatNames: [String: Int] = [:]
        /// pyxform's rule: a name must differ from the others of its nearest group or repeat (or
        /// outside any), as the form's XML holds each as an element of that group; the same name
        /// in two groups is two questions (`hh/age`, `child/age`). Said at the second's name cell.
        func claim(_ name: String, row: Int) {
            let first = open.isEmpty ? surveyNames[name] : open[open.count - 1].names[name]
            guard let first else {
                if open.isEmpty { surveyNames[name] = row } else { open[open.count - 1].names[name] = row }
                return
            }
            problem(survey, row, nameColumn, "duplicate_name",
                    "the name `\(name)` is used twice \(open.last.map { "in \($0.described)" } ?? "outside any group") (first on row \(first)); "
                        + "names must differ within a group (the same name in another group is another question)")
        }
        // Rows of questions that hold the place by their name alone (`country`, no `place`): a
        // question marked so explicitly holds it instead.
        var placeByName: Set<Int> = []
        // Selects of a form without a choices sheet: said once, not as each one's list missing.
        var selectsWithoutChoices: [(row: Int, type: String)] = []

        // A block of KoboToolbox's form builder (its question matrix, ranking or scoring), open
        // at a row: only the builder reads it (pyxform refuses its types).
        var builderBlock: (kind: String, row: Int, name: String)? = nil

        for (number, cells) in survey.rows {
            let typeText = cells.cell(typeColumn).trimmingSpaces
            let written = cells.cell(nameColumn).trimmingSpaces
            let name = written.isEmpty ? cells.cell(autoNameColumn).trimmingSpaces : written
            let typeHead = typeText.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() } ?? ""
            if let block = builderBlock {
                if typeHead == "end_" + block.kind {
                    builderBlock = nil
                    warn(survey, block.row, typeColumn, "form_builder_block",
                         "rows \(block.row)-\(number) are KoboToolbox's \(Self.builderBlocks[block.kind]!) (`begin_\(block.kind)`\(block.name.isEmpty ? "" : " `\(block.name)`")), "
                            + "which only its form builder reads: its questions are not read, and their columns in an export are columns not in the form")
                } else if !cells.cell(topicColumn).trimmingSpaces.isEmpty || !cells.cell(measureColumn).trimmingSpaces.isEmpty
                            || !cells.cell(placeColumn).trimmingSpaces.isEmpty {
                    problem(survey, number, measureColumn ?? topicColumn ?? placeColumn, "form_builder_block",
                            "`\(name)` is in KoboToolbox's \(Self.builderBlocks[block.kind]!) (`begin_\(block.kind)`, row \(block.row)), which only its form builder reads; "
                                + "a question that rates a topic, asks for training or holds a place must be a select_one or select_multiple of its own")
                }
                continue
            }
            if typeHead.hasPrefix("begin_"), Self.builderBlocks[String(typeHead.dropFirst(6))] != nil {
                builderBlock = (String(typeHead.dropFirst(6)), number, name)
                continue
            }
            guard !typeText.isEmpty else {
                // A question whose type was left blank (pyxform: 'Question with no type') was
                // dropped without a word, its column of the exports then unmapped.
                if !name.isEmpty {
                    problem(survey, number, typeColumn, "missing_type", "question `\(name)` has no type; write its type (text, select_one LIST, ...)")
                }
                continue
            }
            // Words apart by any white space: a no-break space pasted from a web page or Word
            // (`select_one\u{A0}scale`, which pyxform reads as a space) too.
            let words = typeText.split(whereSeparator: \.isWhitespace).map(String.init)
            // pyxform's older spellings name the type second: `q int`, `add note prompt`.
            let first = words[0].lowercased()
            let head = (first == "q" || first == "add") && words.count > 1 ? words[1].lowercased() : first
            switch head {
            case "begin_group", "begin_repeat", "begin", "begin_lgroup", "begin_looped":
                let control = Self.control(words)
                // (`begin` alone opens a group, as it always has here.)
                if control == nil && !(head == "begin" && words.count == 1) { break }
                let isRepeat = control?.isRepeat ?? false
                // pyxform: 'Question or group with no name'. Its questions' columns are named by
                // it (`group/question`), and an `end_group` must find it to close.
                if name.isEmpty {
                    problem(survey, number, nameColumn, "missing_name",
                            "a `\(typeText)` row has no name; a \(isRepeat ? "repeat" : "group") needs one, as its questions' columns in the exports are named by it")
                }
                if !name.isEmpty {
                    claim(name, row: number)
                    // pyxform: a repeat's rows are a table of their own, named by the repeat alone.
                    if isRepeat, let first = repeatNames[name] {
                        problem(survey, number, nameColumn, "duplicate_name",
                                "repeat `\(name)` is named twice (first on row \(first)); a repeat's name must differ from every other repeat's in the form, as its table is named by it")
                    } else if isRepeat {
                        repeatNames[name] = number
                    }
                }
                // Groups nested past any form's need (a real one nests a few deep): every question's
                // path and column names grow with the depth, and a hostile form of 2,000 nested
                // groups took 69 s and 10 GB to load (a helper's probe). Refused, once.
                if open.count == Self.maxGroupDepth {
                    problem(survey, number, typeColumn, "groups_too_deep",
                            "groups nested more than \(Self.maxGroupDepth) deep (this `\(typeText)` opens one more); a form needs a few levels at most")
                }
                open.append(OpenGroup(name: name, isRepeat: isRepeat, row: number))
                if open.count > Self.maxGroupDepth { continue }
                let path = open.map(\.name)
                groups[path.joined(separator: "/")] = Group(name: name, labels: labels(survey, cells), row: number, path: path)
                continue
            // (`end` alone is XLSForm's end-time field; `end group` closes a group.)
            case "end_group", "end_repeat", "end_lgroup",
                 "end_looped" where words.count > 1,
                 "end" where words.count > 1:
                let closesRepeat = Self.control(words)?.isRepeat ?? (head == "end_repeat" || words.dropFirst().first?.lowercased() == "repeat")
                guard let innermost = open.popLast() else {
                    problem(survey, number, typeColumn, "unmatched_group",
                            "`\(typeText)` closes no \(closesRepeat ? "repeat" : "group"): no `begin_\(closesRepeat ? "repeat" : "group")` is open here")
                    continue
                }
                // pyxform refuses an `end_repeat` closing a group, or an `end_group` a repeat
                // ('Unmatched end_repeat'): which one the designer meant to close cannot be told.
                // It is taken to close the innermost, so that the rows below are not all wrong too.
                if innermost.isRepeat != closesRepeat {
                    let kind = innermost.isRepeat ? "repeat" : "group"
                    problem(survey, number, typeColumn, "unmatched_group",
                            "`\(typeText)` closes \(innermost.described)\(innermost.name.isEmpty ? "" : " (begun on row \(innermost.row))"), which ends with `end_\(kind)`; "
                                + "a group ends with `end_group`, a repeat with `end_repeat`")
                }
                continue
            default: break
            }
            guard !name.isEmpty else {
                // A note holds no answer, and pyxform names one left without a name itself
                // (`generated_note_name_ROW`): a form with a nameless welcome note was refused.
                if head == "note" { continue }
                problem(survey, number, nameColumn, "missing_name", "a `\(typeText)` question has no name")
                continue
            }
            let claimed = problems.count
            claim(name, row: number)
            if problems.count > claimed { continue }
            var kind: Question.Kind
            let selectType = SelectType(words)
            if let select = selectType {
                var list = select.list
                if list.isEmpty {
                    problem(survey, number, typeColumn, "missing_list", "`\(typeText)` names no choice list")
                } else if sheets["choices"] == nil && !select.fromFile {
                    selectsWithoutChoices.append((number, typeText))
                } else if choiceLists[list] == nil && !select.fromFile && !choicesUnread {
                    problem(survey, number, typeColumn, "unknown_list", "choice list `\(list)` is not on the choices sheet")
                } else if select.orOther, let base = choiceLists[list], base.choice(named: "other") == nil {
                    // `or_other`: the form tool adds an `other` choice (its text goes to NAME_other).
                    list += " or_other"
                    if choiceLists[list] == nil {
                        // Labelled in every language of the form, and in its plain `label` column.
                        var labels = Dictionary(uniqueKeysWithValues: languages.map { ($0.key, SelectType.otherLabel[$0.key] ?? "Other") })
                        labels[""] = "Other"
                        choiceLists[list] = ChoiceList(name: list, choices: base.choices + [
                            Choice(name: "other", labels: labels, position: base.choices.count + 1)])
                    }
                }
                kind = select.multiple ? .selectMultiple(list) : .selectOne(list)
            } else {
            switch head {
            case "text": kind = .text
            case "integer", "int": kind = .integer
            case "decimal": kind = .decimal
            case "date": kind = .date
            case "datetime", "time": kind = .dateTime
            case "calculate", "hidden": kind = .calculate
            case "note": kind = .note
            default:
                kind = metaTypes.contains(head) ? .meta : .other(head)
                // A select misspelt (`selct_one role`, `select_on scale`) would be read as text,
                // its answers never matched to the list.
                if !metaTypes.contains(head), head != "rank", head.hasPrefix("select") || (words.count > 1 && choiceLists[words[1]] != nil) {
                    problem(survey, number, typeColumn, "unknown_type",
                            "`\(typeText)` is no question type; a select is written `select_one LIST` or `select_multiple LIST`")
                } else if !metaTypes.contains(head), !Self.otherTypes.contains(head) {
                    // pyxform refuses a form with it: a typo (`intger`, `txet`), whose answers are read as typed.
                    warn(survey, number, typeColumn, "unknown_type",
                         "`\(typeText)` is no XLSForm question type (a typo?); the answers to `\(name)` are read as text, as typed")
                }
            }
            }
            let topic = cells.cell(topicColumn).trimmingSpaces
            let measureText = cells.cell(measureColumn).trimmingSpaces.lowercased()
            var measure: Question.Measure? = nil
            if !measureText.isEmpty {
                if let m = Question.Measure(rawValue: measureText) {
                    measure = m
                } else {
                    problem(survey, number, measureColumn, "unknown_measure", "measure `\(measureText)` is not importance, competence or demand")
                }
            }
            // A list kept in a file is not the instrument's: no answer could be scored, or read
            // as a topic key, and the topic's figures were blank without a word.
            if measure != nil, selectType?.fromFile == true {
                problem(survey, number, measureColumn, "measure_from_file",
                        "a `\(measureText)` measure needs its choices on the choices sheet, to score or read them; `\(typeText)` keeps them in a file the instrument does not hold")
            }
            switch measure {
            case .importance, .competence:
                if case .selectOne = kind {} else {
                    problem(survey, number, measureColumn, "measure_on_non_select", "a `\(measureText)` measure needs a select_one rating question, not `\(typeText)`")
                }
                if topic.isEmpty {
                    problem(survey, number, topicColumn, "measure_without_topic", "a `\(measureText)` question needs a `topic`")
                }
            case .demand:
                if case .selectMultiple = kind {} else {
                    problem(survey, number, measureColumn, "measure_on_non_select", "a demand measure needs a select_multiple question whose choices are topic keys, not `\(typeText)`")
                }
            case nil:
                break
            }
            // A repeat's answers (one per repeat) are not in the main export a tool writes.
            let groupPath = open.map(\.name)
            let inRepeat = open.contains { $0.isRepeat }
            let placeText = cells.cell(placeColumn).trimmingSpaces.lowercased()
            var place = Question.Place(rawValue: placeText)
            if place == nil && !placeText.isEmpty {
                problem(survey, number, placeColumn, "unknown_place", "place `\(placeText)` is not country or municipality")
            }
            if (place == nil && placeColumn == nil || placeText.isEmpty) && !inRepeat {
                place = name == "country" ? .country : name == "municipality" ? .municipality : place
                if place != nil { placeByName.insert(number) }
            }
            // An anonymised question is never read: as the place, no respondent would have one.
            if let place, !isNo(cells.cell(anonymiseColumn)) {
                problem(survey, number, anonymiseColumn, "anonymised_place",
                        "`\(name)` holds the respondent's \(place.rawValue) and is marked anonymise, so it would never be read; the reports publish only known municipalities: clear `anonymise`")
            }
            if inRepeat, measure != nil || place != nil {
                let repeatName = open.last { $0.isRepeat }!.name
                problem(survey, number, measure != nil ? measureColumn : placeColumn, "in_repeat",
                        "`\(name)` is in repeat `\(repeatName)`, whose answers are not in the main export; a question that \(measure != nil ? "rates a topic or asks for training" : "holds the respondent's place") cannot be in a repeat")
            }
            // `report` and `panel` are yes or no; a word that is neither would be read as no.
            for (column, header) in [(reportColumn, "report"), (panelColumn, "panel")] {
                let text = cells.cell(column).trimmingSpaces
                if !isYes(text) && !isNo(text) {
                    problem(survey, number, column, "unknown_flag", "`\(header)` is `\(text)`; write yes or no")
                }
            }
            questions.append(Question(
                name: name, type: typeText, kind: kind, labels: labels(survey, cells), groupPath: groupPath,
                topic: topic.isEmpty ? nil : topic, measure: measure, place: place,
                anonymise: !isNo(cells.cell(anonymiseColumn)), report: isYes(cells.cell(reportColumn)), row: number,
                panel: isYes(cells.cell(panelColumn)), required: isYes(cells.cell(requiredColumn)),
                orOther: selectType?.orOther ?? false, inRepeat: inRepeat))
        }

        // A choices sheet named otherwise (`options`, `Choices 2`) or a choices.csv not saved:
        // each select was 'not on the choices sheet', and nothing said there was none.
        if let first = selectsWithoutChoices.first {
            let others = selectsWithoutChoices.count - 1
            problem(survey, first.row, typeColumn, "instrument_no_choices",
                    (survey.inWorkbook ? "the XLSForm has no `choices` sheet (its sheets: \(sheets.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")))"
                                       : "the form's folder has no choices.csv")
                        + ", which `\(first.type)`" + (others > 0 ? " and \(others) other select(s) need for their" : " needs for its") + " choice list")
        }
        // A survey sheet of headings alone (its questions not saved, or on another sheet): the
        // exports were said to match no question, as if they were of another survey.
        let asksAnything = questions.contains { $0.kind.isAnswered }
        if !asksAnything && open.isEmpty && problems.isEmpty {
            problem(survey, survey.rows.first?.number ?? 1, nil, "instrument_no_questions",
                    "the survey sheet has no question below its headings")
        }
        if let block = builderBlock {
            problem(survey, block.row, typeColumn, "unmatched_group", "`begin_\(block.kind)` is never closed: no `end_\(block.kind)` below it")
        }
        // A group left open would hold every question below it (pyxform refuses such a form).
        for group in open {
            let kind = group.isRepeat ? "repeat" : "group"
            problem(survey, group.row, typeColumn, "unmatched_group", "\(group.described) is never closed: no `end_\(kind)` below it")
        }

        // A name in two groups: each of its questions is known by its group path (`hh/age`).
        let nameCounts = Dictionary(questions.map { ($0.name, 1) }, uniquingKeysWith: +)
        for index in questions.indices where nameCounts[questions[index].name, default: 0] > 1 { questions[index].sharesName = true }

        // Topics: each needs both an importance and a competence question.
        var topics: [Topic] = []
        var topicRows: [String: Int] = [:]
        for question in questions {
            guard let key = question.topic, let measure = question.measure else { continue }
            var index = topics.firstIndex { $0.key == key }
            if index == nil {
                topics.append(Topic(key: key))
                topicRows[key] = question.row
                index = topics.count - 1
            }
            switch measure {
            case .importance:
                if topics[index!].importanceQuestion != nil {
                    problem(survey, question.row, topicColumn, "duplicate_measure", "topic `\(key)` has a second importance question")
                }
                topics[index!].importanceQuestion = question.key
            case .competence:
                if topics[index!].competenceQuestion != nil {
                    problem(survey, question.row, topicColumn, "duplicate_measure", "topic `\(key)` has a second competence question")
                }
                topics[index!].competenceQuestion = question.key
            case .demand:
                break
            }
        }
        // Topics named but none measured (the `measure` column left out or misspelt): the run
        // would go on as a form without topics.
        if topics.isEmpty, let tagged = questions.first(where: { $0.topic != nil }) {
            problem(survey, tagged.row, measureColumn ?? topicColumn, "topic_without_measure", measureColumn == nil
                ? "`\(tagged.name)` has topic `\(tagged.topic!)`, but the survey sheet has no `measure` column to say what it measures (importance or competence)"
                : "`\(tagged.name)` has topic `\(tagged.topic!)`, but no question has a `measure` (importance or competence)")
        }
        for topic in topics where topic.importanceQuestion == nil || topic.competenceQuestion == nil {
            let missing = topic.importanceQuestion == nil ? "importance" : "competence"
            problem(survey, topicRows[topic.key], topicColumn, "topic_incomplete", "topic `\(topic.key)` has no \(missing) question; a topic needs both measures")
        }
        // Borich's gap is importance minus competence on the same scale: 5 on a 1-5 scale less 4
        // on a 1-4 scale is no need.
        func scale(_ name: String?) -> [Double] {
            guard let question = questions.first(where: { $0.key == name }), let list = question.kind.listName.flatMap({ choiceLists[$0] })
            else { return [] }
            return list.ratingScores.map(\.score).sorted()
        }
        for topic in topics {
            let importance = scale(topic.importanceQuestion), competence = scale(topic.competenceQuestion)
            guard let i = importance.first, let c = competence.first, (i, importance.last!) != (c, competence.last!),
                  let row = questions.first(where: { $0.key == topic.competenceQuestion })?.row else { continue }
            func range(_ scores: [Double]) -> String { Instrument.describe(scores.first!...scores.last!) }
            problem(survey, row, typeColumn, "scale_mismatch",
                    "topic `\(topic.key)` rates importance \(range(importance)) but competence \(range(competence)); Borich's gap needs both on the same scale")
        }
        let demands = questions.filter { $0.measure == .demand }
        if demands.count > 1 {
            problem(survey, demands[1].row, measureColumn, "duplicate_measure",
                    "`\(demands[1].key)` asks who wants training, as `\(demands[0].key)` on row \(demands[0].row) does; one demand question is read")
        }
        // A topic key the demand list writes in other capitals (`Legal-Status`, `legal-status`):
        // one topic, keyed as the list names it (its ticks had been dropped without a word).
        if let demand = demands.first, let list = demand.kind.listName, let choices = choiceLists[list]?.choices {
            let names = Set(choices.map(\.name))
            for index in topics.indices where !names.contains(topics[index].key) {
                let key = topics[index].key
                let alike = choices.filter { $0.name.lowercased() == key.lowercased() }
                guard alike.count == 1, !topics.contains(where: { $0.key == alike[0].name }) else { continue }
                warn(survey, topicRows[key], topicColumn, "topic_key_case",
                     "topic `\(key)` is choice `\(alike[0].name)` of the demand list `\(list)`: one topic, keyed `\(alike[0].name)`")
                topics[index].key = alike[0].name
                for q in questions.indices where questions[q].topic == key { questions[q].topic = alike[0].name }
            }
        }
        // Demand is read by choice name = topic key: a list that names no topic (its choices named
        // otherwise) would show that nobody asked for training on anything. A topic left out of
        // the list (not offered as a training) has no demand figures, blank rather than 0.
        if let demand = questions.first(where: { $0.measure == .demand }), let list = demand.kind.listName,
           let choices = choiceLists[list]?.choices, !topics.isEmpty {
            let names = Set(choices.map(\.name))
            let missing = topics.map(\.key).filter { !names.contains($0) }
            if missing.count == topics.count {
                let others = choices.map(\.name).filter { name in !topics.contains { $0.key == name } }
                problem(survey, demand.row, measureColumn, "demand_topic_missing",
                        "the demand question's choices are topic keys, but list `\(list)` has none named \(missing.map { "`\($0)`" }.joined(separator: ", "))"
                            + (others.isEmpty ? "" : " (its other choices: \(others.map { "`\($0)`" }.joined(separator: ", ")))"))
            } else {
                // Choices of the list that are no topic (a training offered but not rated,
                // `housing`): their ticks are in no figure, which a helper's probe found said
                // nowhere. Said once, in a note; not for a choice of no training (`none`,
                // `not_interested`, `other`), the form's design.
                let others = choices.map(\.name).filter { name in
                    !topics.contains { $0.key == name } && !Self.noTrainingChoices.contains(TextKey.loose(name))
                }
                var flagged: Set<String> = []
                // A topic offered under another name (`t1`, labelled as the topic): its ticks are
                // in no figure, and the topic shows as not asked. (A topic left out on purpose, a
                // choice `not_interested` beside the topics, is the form's design.)
                for key in missing {
                    guard let topic = topics.first(where: { $0.key == key }) else { continue }
                    // Its label, or a rating question's that holds it (`How important is
                    // intercultural competence to your work?`), or one the label holds.
                    let labels = questions.filter { $0.key == topic.importanceQuestion || $0.key == topic.competenceQuestion }
                        .flatMap { $0.labels.values.map { TextKey.loose($0.trimmingSpaces) } }
                    func alike(_ label: String) -> Bool {
                        let key = TextKey.loose(label.trimmingSpaces)
                        // (Two words or more inside: `Prevention` is no topic `… burnout prevention`.)
                        func words(_ text: String) -> Int { text.split(separator: " ").count }
                        return labels.contains { $0 == key || (min(words($0), words(key)) >= 2 && ($0.contains(key) || key.contains($0))) }
                    }
                    guard let alike = choices.first(where: { choice in
                        !topics.contains { $0.key == choice.name } && choice.labels.values.contains(where: alike)
                    }) else { continue }
                    flagged.insert(alike.name)
                    warn(survey, demand.row, measureColumn, "demand_topic_missing",
                         "choice `\(alike.name)` of the demand list `\(list)` is labelled as topic `\(key)` but is not named by its key: "
                            + "its ticks are in no figure, and `\(key)` shows as not asked; name the choice `\(key)`")
                }
                let unsaid = others.filter { !flagged.contains($0) }
                if !unsaid.isEmpty {
                    note(survey, demand.row, measureColumn, "demand_choice_no_topic",
                         "choice(s) \(unsaid.map { "`\($0)`" }.joined(separator: ", ")) of the demand list `\(list)` name no topic of the form "
                            + "(no rating question has one as its topic): their ticks are counted in no figure")
                }
            }
        }
        // The respondent's country (or municipality) asked twice (home and work): which one a
        // respondent counts under cannot be told; the first had been taken without a word.
        for place in [Question.Place.country, .municipality] {
            var asking = questions.filter { $0.place == place && !$0.inRepeat }
            if asking.count > 1, asking.contains(where: { placeByName.contains($0.row) }),
               asking.filter({ !placeByName.contains($0.row) }).count == 1 {
                for q in questions.indices where questions[q].place == place && placeByName.contains(questions[q].row) {
                    questions[q].place = nil
                }
                asking = asking.filter { !placeByName.contains($0.row) }
            }
            guard asking.count > 1 else { continue }
            problem(survey, asking[1].row, placeColumn, "duplicate_place",
                    "`\(asking[1].key)` holds the respondent's \(place.rawValue), as `\(asking[0].key)` on row \(asking[0].row) does; "
                        + "one question holds it: clear `place` on the other (or name it otherwise than `\(place.rawValue)`)")
        }
        checkScales(choiceLists, questions: questions, topics: topics, survey: survey, typeColumn: typeColumn, warn: warn)
        checkLostLetters([survey, sheets["choices"]].compactMap { $0 }, warn: warn)
        if !problems.isEmpty { throw InstrumentError(problems: problems, warnings: findings) }

        var instrument = Instrument(
            formTitle: formTitle, formID: formID, version: version, defaultLanguage: defaultLanguage,
            languages: languages, questions: questions, groups: groups, choiceLists: choiceLists, topics: topics)
        for (index, question) in questions.enumerated() { instrument.questionIndex[question.key] = index }
        instrument.findings = findings
        return instrument
    }

    /// Which of a sheet's needed columns its first row lacks, and what that row holds: a title
    /// typed above the headings, or a heading misspelt (`Type of question`, `list`), is seen at
    /// once. It said 'needs `type` and `name` columns' whichever was missing.
    static func lacking(_ sheet: Sheet, _ columns: [(name: String, index: Int?)]) -> String {
        let missing = columns.filter { $0.index == nil }.map { "`\($0.name)`" }
        let headings = sheet.header.map(\.trimmingSpaces).filter { !$0.isEmpty }
        let shown = headings.prefix(8).map { "`\($0)`" }.joined(separator: ", ") + (headings.count > 8 ? ", ..." : "")
        return "the \(sheet.name.trimmingSpaces.lowercased()) sheet has no \(missing.joined(separator: " or ")) column: its first row "
            + "must be the column headings, and holds " + (headings.isEmpty ? "nothing" : shown)
    }

    /// A yes of a yes/no column, as XLSForm's `required` takes it (`yes`, `TRUE`, `true()`).
    private static func isYes(_ text: String) -> Bool {
        ["yes", "true", "true()", "1", "y"].contains(text.trimmingSpaces.lowercased())
    }

    /// A no (or nothing) of a yes/no column. In `anonymise`, anything else asks for it: besides
    /// yes, UNHCR's kobocruncher writes its method there (`remove`, `reference`, `mask`,
    /// `generalise`, `scramble`), and `default-non-anonymised` for no; only yes was read, so a
    /// question marked `remove` or `true()` went on to the clean records.
    private static func isNo(_ text: String) -> Bool {
        ["", "no", "false", "false()", "0", "n", "default-non-anonymised"].contains(text.trimmingSpaces.lowercased())
    }
}

extension InstrumentLoader {
    /// A `begin` or `end` row as pyxform reads it: `begin` or `end`, `_` or white space, then
    /// `group`, `repeat`, or a repeat's older names `lgroup` and `looped group` (any case); nil
    /// for another type. `begin lgroup` was read as a question of type `begin`, and its
    /// `end lgroup` as closing no group.
    static func control(_ words: [String]) -> (begins: Bool, isRepeat: Bool)? {
        var text = words.joined(separator: " ").lowercased()
        for edge in ["begin_", "end_"] where text.hasPrefix(edge) { text = edge.dropLast() + " " + text.dropFirst(edge.count) }
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count >= 2, parts[0] == "begin" || parts[0] == "end" else { return nil }
        // (A word after it, a loop's `over LIST`, pyxform reads past for a group.)
        switch parts[1] {
        case "group": return (parts[0] == "begin", false)
        case "repeat", "lgroup": return (parts[0] == "begin", true)
        case "looped" where parts.count > 2 && parts[2] == "group": return (parts[0] == "begin", true)
        default: return nil
        }
    }
}

/// A group or repeat of the survey sheet not yet closed, as the loader reads down the rows.
struct OpenGroup {
    var name: String
    var isRepeat: Bool
    /// The row of its `begin_group` or `begin_repeat`, for messages.
    var row: Int
    /// Names used in it so far, with their rows (see `claim` in `build`).
    var names: [String: Int] = [:]

    /// `group \`hh\``, or for one without a name (an error of its own) `the group of row 4`.
    var described: String {
        let kind = isRepeat ? "repeat" : "group"
        return name.isEmpty ? "the \(kind) of row \(row)" : "\(kind) `\(name)`"
    }
}

/// A select question's type as XLSForm writes it: `select_one LIST`, and the aliases pyxform
/// accepts (`select one LIST`, `select1 LIST`, `select all that apply LIST`, `select_one_external`,
/// `..._from_file FILE`, `select one from file FILE`), with `or_other` after the list.
struct SelectType {
    var multiple: Bool
    var list: String
    var orOther: Bool
    /// The list is not on the choices sheet (a `_from_file` file, or `external_choices`).
    var fromFile: Bool

    /// Longer spellings before their prefixes (`select one from file` before `select one from`);
    /// `listElsewhere`: the list is a file, or on the `external_choices` sheet, not on `choices`.
    private static let forms: [(words: [String], multiple: Bool, listElsewhere: Bool)] = [
        (["select_one"], false, false), (["select1"], false, false), (["select_one_external"], false, true),
        (["select_one_from_file"], false, true), (["select", "one", "from", "file"], false, true),
        (["select", "one", "external"], false, true),
        (["select", "one", "from"], false, false), (["select", "one"], false, false),
        (["add", "select", "one", "prompt", "using"], false, false),
        (["select_multiple"], true, false), (["select_multiple_from_file"], true, true),
        (["select", "multiple", "from", "file"], true, true), (["select", "multiple"], true, false),
        (["select", "all", "that", "apply", "from"], true, false), (["select", "all", "that", "apply"], true, false),
        (["add", "select", "multiple", "prompt", "using"], true, false),
    ]

    init?(_ words: [String]) {
        let lowered = words.map { $0.lowercased() }
        guard let form = Self.forms.first(where: { lowered.starts(with: $0.words) }) else { return nil }
        multiple = form.multiple
        let rest = words.dropFirst(form.words.count)
        list = rest.first ?? ""
        orOther = rest.dropFirst().contains { $0.lowercased() == "or_other" }
        fromFile = form.listElsewhere
    }

    /// The label of the `other` choice `or_other` adds, in the region's languages.
    static let otherLabel = ["en": "Other", "et": "Muu", "lv": "Cits", "lt": "Kita", "ru": "Другое", "uk": "Інше"]
}
