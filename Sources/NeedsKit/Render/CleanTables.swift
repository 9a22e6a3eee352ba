/// clean/responses.csv: one row per respondent, one column per reportable instrument question
/// (XML names), values normalised. Questions marked `anonymise`, and free text not marked
/// `report`, never appear.
public final class CleanResponsesWriter {
    let instrument: Instrument
    let columns: [Int]
    /// Per column: free text, scrubbed of anything shaped like an e-mail address.
    let scrubbed: [Bool]
    private var writer: CSVWriter
    private let style: CSVStyle
    /// Where rows go once 64 KiB have gathered; nil keeps them all in `text`.
    private let stream: OutputStream?
    /// An empty writer of the same dialect, for `encode`.
    private let blank: CSVWriter

    public init(instrument: Instrument, style: CSVStyle = CSVStyle(), stream: OutputStream? = nil) {
        self.instrument = instrument
        self.style = style
        self.stream = stream
        writer = style.writer(clean: true)
        blank = writer.encoder()
        // Country, municipality and role have their normalised columns up front; not repeated.
        let placed = Set([instrument.countryQuestion?.key, instrument.municipalityQuestion?.key, instrument.roleQuestion?.key].compactMap { $0 })
        columns = instrument.questions.indices.filter {
            Self.isCarried(instrument.questions[$0]) && !placed.contains(instrument.questions[$0].key)
        }
        scrubbed = columns.map { instrument.questions[$0].kind == .text }
        writer.row(texts: ["respondent_id", "source_file", "source_line", "country", "municipality_code", "municipality",
                           "role", "submitted"] + columns.map { instrument.questions[$0].key })
    }

    /// Whether a question's answers may leave normalisation.
    public static func isCarried(_ question: Question) -> Bool {
        guard question.isAnswer, !question.anonymise, !question.panel else { return false }
        switch question.kind {
        case .meta: return false
        case .text, .other: return question.report
        default: return true
        }
    }

    public func add(_ respondent: Respondent) {
        writer.field(respondent.id, neutralise: false)
        writer.field(respondent.sourceFile, neutralise: true)
        writer.field(String(respondent.sourceLine), neutralise: false)
        Self.writePlace(country: respondent.country, code: respondent.municipalityCode, name: respondent.municipalityName, into: &writer)
        Self.writeRole(respondent.role, into: &writer)
        writer.field(respondent.submitted ?? "", neutralise: false)
        for (q, isText) in zip(columns, scrubbed) { Self.write(respondent.answer(q), scrubbed: isText, into: &writer) }
        endRow()
    }

    /// The country, municipality code and municipality fields, as `add` writes them.
    static func writePlace(country: String?, code: String?, name: String?, into writer: inout CSVWriter) {
        writer.field(country ?? "", neutralise: false)
        writer.field(code ?? "", neutralise: false)
        writer.field(name ?? "", neutralise: true)
    }

    /// The role field, as `add` writes it.
    static func writeRole(_ role: String?, into writer: inout CSVWriter) {
        writer.field(role ?? "", neutralise: true)
    }

    /// An answer's field, as `add` writes it.
    static func write(_ answer: Answer?, scrubbed: Bool, into writer: inout CSVWriter) {
        // Free text the instrument reports may still hold an address someone typed: removed.
        switch answer {
        case nil: writer.field("", neutralise: true)
        case let .choice(name)?: writer.field(name, neutralise: true)
        case let .text(text)?: writer.field(scrubbed ? QuarantineWriter.scrub(text) : text, neutralise: true)
        case let .choices(names)?: writer.field(joining: names)
        }
    }

    /// Fields encoded once, for rows assembled from them (`add(rows:)`): what `body` writes into a
    /// fresh writer.
    func encode(_ body: (inout CSVWriter) -> Void) -> [UInt8] {
        var encoder = blank
        body(&encoder)
        return encoder.bytes
    }

    /// The delimiter, as a byte.
    var delimiter: UInt8 { blank.delimiterByte }

    /// Where the next byte goes in the file.
    var offset: Int { (stream?.bytesWritten ?? 0) + writer.bytes.count }

    /// Writes `day` (yyyymmdd) over the submission date at `offset`, written before: a date read
    /// day-first until a later one showed its file is month-first.
    func correctDate(at offset: Int, to day: Int32) {
        withUnsafeTemporaryAllocation(byteCount: 10, alignment: 1) { buffer in
            SubmissionDate.write(day, into: buffer)
            let date = UnsafeRawBufferPointer(buffer)
            if let stream, offset < stream.bytesWritten {
                stream.overwrite(at: offset, with: date)
            } else {
                writer.overwrite(at: offset - (stream?.bytesWritten ?? 0), with: date)
            }
        }
    }

    /// Whole rows, each as `add` writes its respondent, row ends included (the row sink's).
    func add(rows: UnsafeRawBufferPointer) {
        guard let stream else { return writer.rows(rows) }
        if !writer.bytes.isEmpty { writer.drain(stream.write) }
        stream.write(rows)
    }

    private func endRow() {
        writer.endRow()
        if let stream, writer.bytes.count >= 1 << 16 { writer.drain(stream.write) }
    }

    /// Writes what is left to the stream and closes it.
    public func finish() {
        if let stream {
            writer.drain(stream.write)
            stream.close()
        }
    }

    public var text: String { writer.text }
}

/// clean/quarantine.csv: rows that could not be read field by field, with their original fields,
/// less the columns that hold personal data or free text (what clean/responses.csv leaves out),
/// less the fields that may not be in their column, and less anything shaped like an e-mail
/// address.
public struct QuarantineWriter {
    private var writer: CSVWriter
    /// The questions whose text may be kept: those clean/responses.csv carries, and the place and
    /// role questions (their text as written is in clean/ already).
    private let keptQuestions: Set<Int>

    public init(instrument: Instrument, style: CSVStyle = CSVStyle()) {
        writer = style.writer(clean: true)
        writer.row(texts: ["source_file", "source_line", "reason", "fields"])
        let placed = Set([instrument.countryQuestion?.key, instrument.municipalityQuestion?.key,
                          instrument.roleQuestion?.key].compactMap { $0 })
        keptQuestions = Set(instrument.questions.indices.filter { q in
            let question = instrument.questions[q]
            return !question.anonymise && !question.panel
                && (CleanResponsesWriter.isCarried(question) || placed.contains(question.key))
        })
    }

    public mutating func add(_ record: RecordBuffer, reason: String, mapping: Normalizer.FileMapping) {
        let roles = mapping.roles
        // In a row longer than the header, a delimiter inside some field pushed the fields after
        // it to the right: from the header's first column that is not kept on, a field may hold
        // that column's text (a name, an e-mail, a comment), so only the columns before it are.
        var trusted = roles.count
        if record.fieldCountRead > roles.count { trusted = roles.firstIndex { !keeps($0) } ?? roles.count }
        // A quote never closed ran on over the fields and records after it.
        if let swallowing = record.swallowingField { trusted = min(trusted, swallowing) }
        var kept: [String] = []
        for i in 0..<record.presentCount {
            guard i < trusted && keeps(roles[i]) else {
                kept.append("")
                continue
            }
            // A submission ID or row number may be a long run of digits: it is no phone number.
            let numbers = if case .meta = roles[i] { false } else { true }
            kept.append(Self.scrub(record[i], numbers: numbers))
        }
        var inner = CSVWriter()
        inner.keepsHidden = true
        inner.row(texts: kept)
        writer.row([.text(mapping.file), .figure(String(record.line)), .text(reason),
                    .text(String(decoding: inner.bytes.dropLast(2), as: UTF8.self))])
    }

    private func keeps(_ role: ColumnRole) -> Bool {
        switch role {
        case let .question(q): return keptQuestions.contains(q)
        case .choice, .meta(.submissionID), .meta(.rowID), .meta(.submitted): return true
        default: return false
        }
    }

    /// A file's, folder's or sheet's name as the reports print it: scrubbed as free text is,
    /// but a date stamp of eight digits is kept (`followup_20260115`: two waves so named had both
    /// become `followup_[removed]`; a reviewer's case).
    static func scrubName(_ name: String) -> String {
        scrub(name, dateStamps: true)
    }

    /// Replaces text shaped like an e-mail address, and with `numbers` a phone number or a
    /// personal code (`scrubNumbers`; with `dateStamps`, eight digits that are a date are kept).
    /// Letters and digits typed in another form (full-width `５１２３４５６７`, `mari＠narva．ee`) or
    /// with an invisible character between them (a zero-width space, a soft hyphen) are read as
    /// their plain forms: the text is kept as typed unless that reading finds something to remove.
    static func scrub(_ value: String, numbers: Bool = true, dateStamps: Bool = false) -> String {
        let once = scrubTyped(value, numbers: numbers, dateStamps: dateStamps)
        guard !value.utf8.allSatisfy({ $0 < 0x80 }) else { return once }
        let plain = plainForms(value)
        guard plain != value else { return once }
        let again = scrubTyped(plain, numbers: numbers, dateStamps: dateStamps)
        return again != plain ? again : once
    }

    /// `value` with full-width letters, digits and signs as their ASCII forms (`＠` is `@`, `５` is
    /// `5`, `．` is `.`) and without invisible format characters between ASCII characters (a
    /// zero-width space or a soft hyphen inside a number or an address; a joiner between emoji
    /// stays). Spaces stay as typed (a no-break space is a separator of a number's groups).
    static func plainForms(_ value: String) -> String {
        let scalars = Array(value.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (k, scalar) in scalars.enumerated() {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                out.append(ascii)
            } else if scalar == "\u{FE6B}" {
                out.append("@")
            } else if scalar.properties.generalCategory == .format,
                      k > 0, k + 1 < scalars.count, scalars[k - 1].isASCII || (0xFF01...0xFF5E).contains(scalars[k - 1].value),
                      scalars[k + 1].isASCII || (0xFF01...0xFF5E).contains(scalars[k + 1].value) {
                continue
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func scrubTyped(_ value: String, numbers: Bool, dateStamps: Bool) -> String {
        let scrubNumbers = numbers ? { Self.scrubNumbers($0, dateStamps: dateStamps) } : { $0 }
        let lower = value.lowercased()
        guard value.utf8.contains(UInt8(ascii: "@")) || Self.otherAt.contains(where: lower.contains)
                || Self.spelledAt.contains(where: lower.contains) else {
            return scrubNumbers(value)
        }
        // nil: a word of an address written apart (`laura [at] ogre.lv`), said by its first. Words
        // are apart by spaces and line breaks, each kept as typed (`separators[k]` before word k + 1):
        // a comment's second line had gone with an address at the end of its first.
        var words: [String?] = []
        var separators: [String] = []
        var word = ""
        for character in value {
            if character == " " || character.isNewline || character == "\t" {
                words.append(word)
                separators.append(String(character))
                word = ""
            } else {
                word.append(character)
            }
        }
        words.append(word)
        /// Words from `from` on that go on a domain written apart, `. ee`, `(dot) lv`, ending in a
        /// top-level domain (2-6 ASCII letters, all small or all capitals): the index after
        /// them, or nil (`Lääne-Viru . Tere` is a sentence).
        func domainGoesOn(from: Int) -> Int? {
            var j = from, end: Int? = nil
            while j + 1 < words.count, let dot = words[j]?.lowercased(), Self.dots.contains(dot),
                  let label = words[j + 1], Self.isDomainLabel(label) {
                j += 2
                if Self.isTopLevelDomain(label) { end = j }
            }
            return end
        }
        /// Words from `from` on that are a domain (`narva.ee`; `narva . ee`, `narva (dot) ee`
        /// written apart): the index after them, or nil. Not a web address (`www.narva.ee`).
        func domain(from: Int) -> Int? {
            guard from < words.count, let first = words[from], Self.isDomainLabel(first),
                  !first.lowercased().hasPrefix("www.") else { return nil }
            if let end = domainGoesOn(from: from + 1) { return end }
            return Self.holdsDomain(Substring(first)) ? from + 1 : nil
        }
        /// Words `range` are one address: said by its first, `[removed]`.
        func remove(_ range: Range<Int>) {
            for j in range { words[j] = nil }
            words[range.lowerBound] = "[removed]"
        }
        for k in words.indices {
            // A full-width `＠`, or `%40` as a browser saves a name with `@`.
            guard var text = words[k] else { continue }
            for other in Self.otherAt { text = text.replacingOccurrences(of: other, with: "@", options: .caseInsensitive) }
            // The `@`, as typed or spelled out so that robots miss it (`mari(at)narva.ee`).
            let at = text.range(of: "@") ?? Self.spelledAt.lazy.compactMap { text.range(of: $0, options: .caseInsensitive) }.first
            guard let at else { continue }
            let before = !text[..<at.lowerBound].isEmpty, after = text[at.upperBound...]
            // A name before it standing apart (`mari @narva.ee`, `laura [at] ogre.lv`) goes too.
            let name = !before && k > 0 && words[k - 1]?.isEmpty == false ? k - 1 : k
            if !after.isEmpty, before || name < k {
                // The domain in the word, or going on apart (`mari(at)narva . ee`).
                // (`narva(dot)ee` spelled inside it; `narva. ee`, a space typed after the dot.)
                var domain = after
                for dot in Self.dots where dot != "." {
                    domain = Substring(domain.replacingOccurrences(of: dot, with: ".", options: .caseInsensitive))
                }
                if let end = domainGoesOn(from: k + 1) {
                    remove(name..<end)
                } else if Self.holdsDomain(domain, anyCase: before) {
                    remove(name..<k + 1)
                } else if before, domain.hasSuffix("."), k + 1 < words.count, let top = words[k + 1],
                          Self.isTopLevelDomain(top), top == top.lowercased() {
                    remove(name..<k + 2)
                }
            } else if after.isEmpty, before || name < k, let end = domain(from: k + 1) {
                // The domain standing apart (`laura [at] ogre.lv`, `jonas @ vilnius.lt`, `mari@ narva . ee`).
                remove(name..<end)
            }
        }
        var joined = ""
        var first = true
        for (k, word) in words.enumerated() {
            guard let word else { continue }
            if !first { joined += separators[k - 1] }
            joined += word
            first = false
        }
        return scrubNumbers(joined)
    }

    /// Whether text after an `@` holds a domain: a dot followed by two letters (`narva.ee`,
    /// `gmail.com/x`, `почта.рф`; not `10.30`, a time).
    private static func holdsDomain(_ text: Substring, anyCase: Bool = false) -> Bool {
        // After a dot, two letters or more, all small or all capitals (`.ee`, `.EE`, `.рф`; not
        // `@ Tartu.Hea`, a full stop typed without its space), or of any case in an address typed
        // whole (`Mari.Maasikas@Gmail.Com`).
        let characters = Array(text)
        return characters.indices.contains { k in
            guard characters[k] == ".", k + 2 < characters.count else { return false }
            let letters = characters[(k + 1)...].prefix { $0.isLetter }
            let label = String(letters)
            return letters.count >= 2 && (anyCase || label == label.lowercased() || label == label.uppercased())
        }
    }

    /// A top-level domain written apart: 2-6 ASCII letters, all small or all capitals, and what
    /// follows a word (`ee`, `lv,`).
    private static func isTopLevelDomain(_ word: String) -> Bool {
        var core = Substring(word)
        while let last = core.last, ".,;:!?)".contains(last) { core = core.dropLast() }
        // (A file's extension may follow it: `ee.csv`.)
        let top = core.split(separator: ".", maxSplits: 1).first ?? core
        return (2...6).contains(top.count) && top.allSatisfy(\.isLetter)
            && (top == top.lowercased() || top == top.uppercased())
    }

    /// A dot of a domain written apart.
    private static let dots: Set<String> = [".", "(dot)", "[dot]", "{dot}", "(punkt)", "[punkt]"]

    /// A word that may be a label of a domain, or a domain (`narva`, `narva.ee`, `ogre.lv,`).
    private static func isDomainLabel(_ word: String) -> Bool {
        let trailing: Set<Character> = [".", ",", ";", ":", "!", "?", ")"]
        var core = Substring(word)
        while let last = core.last, trailing.contains(last) { core = core.dropLast() }
        return !core.isEmpty && core.allSatisfy { c in c.isLetter || c.isNumber || c == "-" || c == "." || c == "_" }
    }

    /// An `@` in other forms than its own.
    private static let otherAt = ["＠", "%40"]

    /// The `@` of an e-mail address spelled out.
    private static let spelledAt = ["(at)", "[at]", "{at}", "(ät)", "[ät]"]

    /// Replaces a run of 7 or more digits, with spaces, dashes or brackets between them and `+`
    /// before (`+372 5123 4567`, `(8-5) 212 3456`, `38001085718`): a phone number or a personal
    /// code typed in a comment. A run holding a date (`2025-01-13 10`) or only years (`2019 2020`)
    /// is kept, as are decimals (`3.14159265`) and a few digits inside a word (`COVID19`); 7 or
    /// more in a row are replaced inside a word too (`ik38001010000`, an IBAN `EE382200221020145685`).
    static func scrubNumbers(_ value: String, dateStamps: Bool = false) -> String {
        guard value.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count >= 7 else { return value }
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        let text = Array(value)
        var out = ""
        var i = 0
        while i < text.count {
            let c = text[i]
            let before: Character? = i > 0 ? text[i - 1] : nil
            // A decimal's digits after its point, or digits inside a word, start no run.
            let inside = before.map { $0.isLetter || isDigit($0) } ?? false
            let decimal = i > 1 && (before == "." || before == ",") && isDigit(text[i - 2])
            // A phone number with dots between its groups (`+372.5123.4567`, `8.612.34567`).
            if isDigit(c) || c == "+", !inside, !decimal, !(before.map(isDigit) ?? false),
               let end = Self.dottedPhoneNumberEnd(text, from: i) {
                out += "[removed]"
                i = end
                continue
            }
            // Seven digits or more in a row, whatever stands around them (but a decimal's).
            if isDigit(c), !decimal, !(before.map(isDigit) ?? false) {
                var end = i
                while end < text.count && isDigit(text[end]) { end += 1 }
                if end - i == 8 && dateStamps && Self.isDateStamp(text[i..<end]) {
                    out += String(text[i..<end])
                    i = end
                    continue
                }
                if end - i >= 7 {
                    // With the groups that follow it (`4900101-0000`, not `[removed]-0000`).
                    while end + 1 < text.count && " -()".contains(text[end]) && isDigit(text[end + 1]) {
                        end += 1
                        while end < text.count && isDigit(text[end]) { end += 1 }
                    }
                    out += "[removed]"
                    i = end
                    continue
                }
            }
            guard isDigit(c) || c == "+" || c == "(", !inside, !decimal else {
                out.append(c)
                i += 1
                continue
            }
            // The run: digits, and at most two of ` -()` between them.
            var j = i, lastDigit = -1, separators = 0
            while j < text.count {
                if isDigit(text[j]) {
                    lastDigit = j
                    separators = 0
                } else if " -()\u{00A0}\u{202F}\u{2010}\u{2011}".contains(text[j]) || (j == i && text[j] == "+") {
                    separators += 1
                    if separators > 2 { break }
                } else {
                    break
                }
                j += 1
            }
            guard lastDigit >= i, lastDigit + 1 >= text.count || !text[lastDigit + 1].isLetter else {
                out.append(c)
                i += 1
                continue
            }
            let run = String(text[i...lastDigit])
            let groups = run.split { !isDigit($0) }
            let digits = groups.reduce(0) { $0 + $1.count }
            let years = groups.allSatisfy { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
            // A sum of money with its thousands apart (`1 500 000 eurot`, `€ 1 234 567`): a figure,
            // said by its currency. Without one, a number so grouped may be a phone number (a
            // Latvian mobile is `29 123 456`), and goes.
            let money = !run.hasPrefix("+") && groups.first.map { (1...3).contains($0.count) } == true
                && groups.dropFirst().allSatisfy { $0.count == 3 } && Self.namesCurrency(text, before: i, after: lastDigit + 1)
            out += digits >= 7 && !years && !money && !Self.holdsDate(groups: groups, run: run) ? "[removed]" : run
            i = lastDigit + 1
        }
        return out
    }

    /// Whether a currency stands next to the figure in `text[before..<after]`: a sign or a word
    /// of money just before it, or just after it (`€`, `EUR`, `eurot`, `eiro`, `руб.`, `$`).
    static func namesCurrency(_ text: [Character], before: Int, after: Int) -> Bool {
        func word(from start: Int, step: Int) -> String {
            var k = start
            // (After the figure, its cents: `1 234 567,89 EUR`.)
            if step > 0, k + 1 < text.count, text[k] == "," || text[k] == ".", text[k + 1].isASCII && text[k + 1].isNumber {
                k += 1
                while k < text.count && text[k].isASCII && text[k].isNumber { k += 1 }
            }
            while k >= 0 && k < text.count && (text[k] == " " || text[k] == "\u{00A0}" || text[k] == "\u{202F}") { k += step }
            var letters: [Character] = []
            while k >= 0 && k < text.count && (text[k].isLetter || "€$£₽".contains(text[k])) {
                letters.append(text[k])
                if "€$£₽".contains(text[k]) { break }
                k += step
            }
            return String(step > 0 ? letters : letters.reversed()).lowercased()
        }
        // A sign, or a word of money in any of its forms (`eurot`, `eurost`, `eurų`, `eiro`, `рубля`).
        func isCurrency(_ word: String) -> Bool {
            Self.currencyWords.contains(word)
        }
        return isCurrency(word(from: after, step: 1)) || isCurrency(word(from: before - 1, step: -1))
    }

    /// Signs and words of money, in the forms a sum takes in the region's languages (not words
    /// that begin alike: `Euroopa`, `Eiropas`, `Eurostat`, `рублёвая`).
    private static let currencyWords: Set<String> = [
        "€", "$", "£", "₽", "eur", "euro", "eurot", "eurost", "euroga", "eurone", "eurol", "eurode", "eurodes", "eurodega",
        "eurus", "eurais", "eurų", "eurai", "euras", "eurams", "eiro", "eiras", "eiru", "eirām", "usd", "dollars", "dollarit",
        "руб", "рубль", "рубля", "рублей", "рублями", "евро", "долларов", "доллара",
    ]

    /// The end of a phone number written with dots between its groups, starting at `from`: 7
    /// digits or more, after a `+` (`+372.5123.4567`), or in three groups, the first of at most
    /// three digits and the last of three or more, not all of three after the first (`8.612.34567`). Not a date (`13.01.2025`,
    /// `2025.01.13`), a figure with its thousands apart (`1.500.000`) or a decimal (`3.14159265`).
    static func dottedPhoneNumberEnd(_ text: [Character], from: Int) -> Int? {
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        var j = from
        let plus = text[j] == "+"
        if plus { j += 1 }
        var groups: [Int] = []
        while j < text.count, isDigit(text[j]) {
            let start = j
            while j < text.count && isDigit(text[j]) { j += 1 }
            groups.append(j - start)
            guard j + 1 < text.count, text[j] == ".", isDigit(text[j + 1]) else { break }
            j += 1
        }
        guard groups.count >= 2, groups.reduce(0, +) >= 7 else { return nil }
        if j < text.count && (text[j].isLetter || isDigit(text[j])) { return nil }
        if plus { return j }
        // Grouped as a phone number is (`8.612.34567`, `8.912.345.67.89`): a first group of at
        // most three digits, then groups of two to five (three groups: the last of three or
        // more). Not a date (`2026.01.15.1` after it), a figure with its thousands apart and its
        // cents (`2.500.000.00`), an IP address (`10.0.0.138`), a version (`10.0.19045.3803`).
        let date = (1...2).contains(groups[0]) && (1...2).contains(groups[1]) && groups[2] == 4
            || groups[0] == 4 && (1...2).contains(groups[1]) && (1...2).contains(groups[2])
        let later = groups.dropFirst()
        let thousands = later.dropLast().allSatisfy { $0 == 3 } && (groups.last == 3 || (groups.count > 3 && groups.last == 2))
        guard groups.count >= 3, groups[0] <= 3, !date, !thousands, later.allSatisfy({ (2...5).contains($0) }),
              groups.count > 3 || groups[2] >= 3 else { return nil }
        if groups.count == 4, groups.allSatisfy({ $0 <= 3 }), text[from..<j].split(separator: ".").allSatisfy({ Int(String($0)) ?? 0 <= 255 }) {
            return nil
        }
        return j
    }

    /// Whether eight digits are a date, year first or last (`20260115`, `15012026`), of a year
    /// from 2000 to 2099.
    static func isDateStamp(_ digits: ArraySlice<Character>) -> Bool {
        let n = digits.compactMap(\.wholeNumberValue)
        guard n.count == 8 else { return false }
        func value(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + n[$1] } }
        func valid(year: Int, month: Int, day: Int) -> Bool { (2000...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day) }
        return valid(year: value(0..<4), month: value(4..<6), day: value(6..<8)) || valid(year: value(4..<8), month: value(2..<4), day: value(0..<2))
    }

    /// Whether a run of digits holds a date written with dashes (`2025-01-13`, `13-01-2025`).
    private static func holdsDate(groups: [Substring], run: String) -> Bool {
        for k in 0..<max(0, groups.count - 2) {
            let sizes = [groups[k].count, groups[k + 1].count, groups[k + 2].count]
            guard sizes == [4, 2, 2] || sizes == [2, 2, 4] else { continue }
            // Dashes between them, nothing else.
            let from = groups[k].endIndex, to = groups[k + 2].startIndex
            if run[from..<to].allSatisfy({ $0 == "-" || ($0.isASCII && $0.isNumber) }) { return true }
        }
        return false
    }

    public var text: String { writer.text }
}

/// clean/issues.csv, the cleaning log: a header, then a row per issue.
public enum CleaningLogWriter {
    /// The whole log of `issues`, in the order given.
    public static func render(_ issues: [CleaningIssue], style: CSVStyle = CSVStyle()) -> String {
        var writer = header(style: style)
        for issue in issues { row(issue, into: &writer) }
        return writer.text
    }

    /// A writer holding the log's header row (and the byte-order mark of `--excel`).
    static func header(style: CSVStyle) -> CSVWriter {
        var writer = style.writer(clean: true)
        writer.row(texts: ["file", "line", "column", "respondent_id", "question", "old_value", "new_value", "issue",
                           "action", "severity", "message"])
        return writer
    }

    /// One issue's row.
    static func row(_ issue: CleaningIssue, into writer: inout CSVWriter) {
        writer.row([
            .text(issue.file), .figure(issue.line.map(String.init) ?? ""), .figure(issue.column.map(String.init) ?? ""),
            .figure(issue.respondentID), .text(issue.question), .text(issue.oldValue), .text(issue.newValue),
            .figure(issue.code), .figure(issue.action.rawValue), .figure(issue.severity.rawValue), .text(issue.message),
        ])
    }
}
