/// Matches written answers to a choice list: by choice name, then by label in any language
/// (exact, then without diacritics). Built once per question, so matching allocates little; a
/// class, so the normaliser's per-question table hands out references, not copies.
public final class ChoiceMatcher {
    public let list: ChoiceList
    /// The list's choice named `other` (in any case), as `or_other` adds it: where LimeSurvey's
    /// `-oth-` and what Google or Microsoft Forms write for "Other" go.
    public let otherChoice: String?
    private var names: [String: String] = [:]
    /// Choices named by a number written with leading zeros (`01`, `002`), by that number
    /// without them (`1`, `2`), where no other choice is that number.
    private var zeroPadded: [String: String] = [:]
    private var labels = KeyedLookup<String>()
    private let positions: [String: Int]
    /// The longest name or label, in characters: joined pieces longer than it written in two
    /// languages (`Label / Метка`) match nothing.
    private let longest: Int
    /// Each label's words, diacritics set aside, with its choice (`wordForm`).
    private let labelWords: [(name: String, words: [Substring])]
    /// Each label's words as `KeyedLookup.lostLettersKey` writes them (`ma?ai svarbu`), with its
    /// choice (`wordForm` of a text whose letters were lost: the other form's ending may hold the
    /// lost letter, `Socialin? darbuotoja` for `Socialinis darbuotojas`).
    private let lostLabelWords: [(name: String, words: [Substring])]
    /// What pieces of checkbox cells joined matched (`joinPieces`), tightly and not: a file's cells
    /// join the same labels in other orders, and a new cell tried them all again, each a Unicode
    /// normalisation (a file of 30 Google Forms rows took 80 ms). Up to `joinedLimit` each.
    private var joinedTight: [String: Result] = [:]
    private var joinedLoose: [String: Result] = [:]
    private static let joinedLimit = 20_000

    public enum Result: Equatable {
        /// `loose`: matched only once diacritics were removed (logged as a change).
        case matched(String, loose: Bool)
        case ambiguous([String])
        case unknown
    }

    public init(list: ChoiceList) {
        self.list = list
        var positions: [String: Int] = [:]
        for choice in list.choices {
            names[choice.name] = choice.name
            names[choice.name.lowercased()] = names[choice.name.lowercased()] ?? choice.name
            positions[choice.name] = choice.position
            for (_, label) in choice.labels { labels.insert(label, choice.name) }
            for label in choice.otherLabels { labels.insert(label, choice.name) }
        }
        self.positions = positions
        // Excel drops a number's leading zeros when it opens an export and saves it again (`01`
        // becomes 1): such a choice was an unknown value in every re-saved file.
        var byNumber: [String: [String]] = [:]
        for choice in list.choices {
            if let number = Self.numeric(choice.name) { byNumber[number, default: []].append(choice.name) }
        }
        // Digits alone: `0x1A` is a number to Double (26), not a code Excel would have shortened.
        for (number, named) in byNumber where named.count == 1 && named[0] != number && named[0].hasPrefix("0")
            && named[0].allSatisfy({ $0.isASCII && $0.isNumber }) {
            zeroPadded[number] = named[0]
        }
        otherChoice = names["other"]
        longest = list.choices.flatMap { [$0.name] + Array($0.labels.values) }.map(\.count).max() ?? 0
        labelWords = list.choices.flatMap { choice in
            choice.labels.values.sorted().map { (choice.name, TextKey.loose($0).split(separator: " ")) }
        }
        lostLabelWords = list.choices.flatMap { choice in
            choice.labels.values.sorted().map {
                (choice.name, KeyedLookup<String>.lostLettersKey(TextKey.exact($0)).split(separator: " "))
            }
        }
    }

    /// With `answerCodes` (LimeSurvey exports), `A3` or `AO03`, LimeSurvey's default answer
    /// codes, are read as the third choice when nothing else matches, and `-oth-`, its code for a
    /// list's "Other" option, as the choice named `other`. `tight`: also a name and label written
    /// together (`nameWithLabel`), which a checkbox cell's pieces joined need not be tried as.
    public func match(_ raw: String, answerCodes: Bool = false, tight: Bool = true) -> Result {
        let text = TextKey.withoutEnclosingQuotes(raw).trimmingSpaces
        if let name = names[text] ?? names[text.lowercased()] { return .matched(name, loose: false) }
        if let number = Self.numeric(text), let name = names[number] { return .matched(name, loose: false) }
        switch labels.match(text) {
        case let .unique(name, loose): return .matched(name, loose: loose)
        case let .ambiguous(names): return .ambiguous(names.sorted())
        case .none: break
        }
        // After the labels: a list coded 01, 02, 03 and labelled 0, 1, 2-5 has `1` for its `02`.
        if let number = Self.numeric(text), let name = zeroPadded[number] { return .matched(name, loose: false) }
        if tight, let (name, loose) = nameWithLabel(text) { return .matched(name, loose: loose) }
        if answerCodes, let position = Self.answerCodePosition(text), position >= 1, position <= list.choices.count {
            return .matched(list.choices[position - 1].name, loose: false)
        }
        if answerCodes, text == "-oth-", let other = otherChoice { return .matched(other, loose: false) }
        // A full stop after the label (`Väga oluline.`).
        if text.hasSuffix("."), text.count > 1 { return match(String(text.dropLast()), answerCodes: answerCodes, tight: tight) }
        return .unknown
    }

    /// `5 - Ļoti svarīgi`, `5. Very important`, `5 (Very important)`, `Very important (5)`, `(5)
    /// Very important`, `5 Very important`, `5-Very important`: a choice's name and its label
    /// written together, as a form's options typed that way are exported; nil unless both halves
    /// name the same choice (`loose`: the label once diacritics were set aside).
    private func nameWithLabel(_ text: String) -> (String, loose: Bool)? {
        for separator in [" - ", " – ", " — ", " = ", ": ", ". ", ") ", "] ", " (", ", ", " ", "-", "=", "–"] {
            guard let range = Self.firstRange(of: separator, in: text) else { continue }
            let head = String(text[..<range.lowerBound]).trimmingSpaces
            var tail = String(text[range.upperBound...]).trimmingSpaces
            if separator == " (" {
                guard tail.hasSuffix(")") else { continue }
                tail = String(tail.dropLast()).trimmingSpaces
            }
            for (written, label) in [(head, tail), (tail, head)] {
                let code = written.trimmingCharacters(in: ["(", ")", "[", "]"])
                guard !code.isEmpty,
                      let name = names[code] ?? names[code.lowercased()] ?? Self.numeric(code).flatMap({ names[$0] }),
                      case let .unique(labelled, loose) = labels.match(label), labelled == name else { continue }
                return (name, loose)
            }
        }
        return nil
    }

    /// The one choice with a label of the text's words in other grammatical forms, as typed in a
    /// sheet of one's own: `Очень важна` (the question's тема is feminine) for `Очень важно`,
    /// `Ļoti svarīga`, `Labai svarbi`, `Высокий`, a woman's title (`Socialinė darbuotoja`,
    /// `Sociālā darbiniece`, `Социальная работница`) for a man's. Each word the same, or both of
    /// four letters or more differing in their endings only (`sameWordForm`); nil when no choice
    /// or two have such a label. Tried only when nothing else matched.
    /// A text whose letters a code page lacked (`Ma?ai svarbi`) is compared, `?` for each letter
    /// outside ASCII, with the labels that have such letters, when its own words match none.
    func wordForm(_ raw: String) -> String? {
        func find(_ words: [Substring], in labels: [(name: String, words: [Substring])]) -> String? {
            guard !words.isEmpty, words.count <= 6 else { return nil }
            var found: String? = nil
            for (name, label) in labels where name != found && label.count == words.count {
                guard zip(words, label).allSatisfy(Self.sameWordForm) else { continue }
                if found != nil { return nil }
                found = name
            }
            return found
        }
        if let found = find(TextKey.loose(raw).split(separator: " "), in: labelWords) { return found }
        guard let key = TextKey.lostLettersKey(ifLost: raw) else { return nil }
        return find(key.split(separator: " "), in: lostLabelWords)
    }

    /// A scale point written with its number and a sheet's own words for it (`4 - Rather
    /// important`, `5. Extremely important`, `(1) None at all`, `Rather important (4)`): the
    /// choice its number names, when the list names it so and the words are no label of the list
    /// (words naming another choice contradict the number: nil). Tried only when nothing else matched.
    func numberWithOwnWords(_ raw: String) -> String? {
        let text = raw.trimmingSpaces
        var number = Substring(""), words = Substring("")
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), open != text.startIndex,
           text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces).allSatisfy({ $0.isASCII && $0.isNumber }) {
            number = Substring(text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces))
            words = text[..<open]
        } else {
            let body = text.hasPrefix("(") ? text.dropFirst() : Substring(text)
            number = body.prefix { $0.isASCII && $0.isNumber }
            let rest = body.dropFirst(number.count)
            // `4)`, `4/5` (out of the scale's top point), `4 (high)`: the number, with nothing
            // else or the words in brackets.
            if !number.isEmpty, rest == ")" || (text.hasPrefix("(") && rest == ")") { return names[String(number)] }
            if !number.isEmpty, rest.first == "/", let top = topNumber,
               Int(rest.dropFirst().trimmingCharacters(in: .whitespaces)) == top, !text.hasPrefix("(") {
                return names[String(number)]
            }
            words = rest.drop { " -–—.:)=".contains($0) }
            if text.hasPrefix("(") && rest.first != ")" { return nil }
            if words.hasPrefix("("), words.hasSuffix(")") { words = words.dropFirst().dropLast() }
        }
        let spelled = String(words).trimmingSpaces
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }), let name = names[String(number)],
              spelled.first?.isLetter == true else { return nil }
        // Words that are the same point's label agree with the number; another's contradict it.
        switch labels.match(spelled) {
        case let .unique(named, _): return named == name ? name : nil
        case .ambiguous: return nil
        case .none:
            // Another number in the words (`4 ja 5`, `4 или 5`: two points), or words that give no
            // rating (`2 (ei tea)`), or a month's name (`4. mai`, `4 мая`: the date Excel made of
            // a typed `4-5` or `4.5`, a probe's read as 4): no point of the scale.
            if spelled.contains(where: \.isNumber) || ChoiceList.isNonRating(spelled) { return nil }
            // (A month's name alone after the number: `3 - may be useful` is a label.)
            let words = spelled.lowercased().split(whereSeparator: { !$0.isLetter })
            if words.count == 1, SubmissionDate.monthWords[String(words[0])] != nil { return nil }
            // Another form of the same point's label agrees with the number (`5 - Ļoti svarīga`,
            // `2 - Ma?ai svarbi`: a reviewer's), another point's contradicts it.
            return (wordForm(spelled).map { $0 == name } ?? true) ? name : nil
        }
    }

    /// The list's highest point, when its names are the numbers from 1 (`1`...`5`): `4/5` is 4.
    private var topNumber: Int? {
        let numbers = names.keys.compactMap { Int($0) }
        guard let top = numbers.max(), top >= 2, Set(numbers).isSuperset(of: 1...top) else { return nil }
        return top
    }

    /// `Other: youth worker`, `Cits - mediācija`, `Другое (психолог)`, `Other (please specify):
    /// ...`: the list's `other` choice written with what was typed for it, as a sheet's own
    /// column, an export of a tool writing its "Other:" prefix, or answers copied from one have
    /// it; nil when the list has no `other`, the words before the separator are no name or label
    /// of it, or nothing follows them. Tried only when nothing else matched.
    func otherWithText(_ raw: String) -> String? {
        guard let other = otherChoice else { return nil }
        let text = raw.trimmingSpaces
        for separator in [":", " - ", " – ", " — ", "(", "/"] {
            guard let range = Self.firstRange(of: separator, in: text) else { continue }
            let head = String(text[..<range.lowerBound]).trimmingSpaces
            let typed = text[range.upperBound...].trimmingCharacters(in: [" ", ")", ":"])
            guard !head.isEmpty, !typed.isEmpty, case let .matched(name, _) = match(head, tight: false), name == other
            else { continue }
            return other
        }
        return nil
    }

    /// Two forms of one word: equal, or both of four letters or more sharing at least three
    /// first letters, all but the shorter's last two and the longer's last three (`важна`,
    /// `важно`; `sociala`, `socialais`; `darbuotoja`, `darbuotojas`).
    /// A comparative or superlative is no form of its adjective (`Labiau svarbu`, rather
    /// important, is no `Labai svarbu`, very important; `Kõrgeim`, highest, no `Kõrge`; a probe's
    /// had read each a point higher or lower): a word with a degree's ending and one without are
    /// two words.
    static func sameWordForm(_ a: Substring, _ b: Substring) -> Bool {
        if a == b { return true }
        guard a.count >= 4, b.count >= 4 else { return false }
        let common = zip(a, b).prefix { $0 == $1 }.count
        return common >= 3 && common >= min(a.count, b.count) - 2 && common >= max(a.count, b.count) - 3
            && !differInDegree(a, b)
    }

    /// Whether one of two words (loose keys: lower case, no diacritics) is a comparative or
    /// superlative and the other not: Estonian `-sem`/`-sim`/`-eim` (`olulisem`, `kõrgeim`), or
    /// `-m`, `-am`, `-em`, `-im` added to the other (`kõrgem`, `madalam`: not a Latvian or
    /// Lithuanian dative, `koordinatoram` for `koordinators`, a role typed so), Latvian
    /// `-āks`/`-ākā` (`svarīgāks`, `augstākā`), Lithuanian `-iau`/`-esnis`/`-iausias` (`labiau`,
    /// `aukštesnė`, `aukščiausia`), Russian `-ейший` (`важнейший`), English's (`higher`, `highest`).
    static func differInDegree(_ a: Substring, _ b: Substring) -> Bool {
        func marked(_ word: Substring) -> Bool {
            englishDegrees.contains(word) || degreeEndings.contains { word.count >= $0.count + 3 && word.hasSuffix($0) }
        }
        if marked(a) != marked(b) { return true }
        // (Estonian adds `m` to an adjective ending in `e`, `kõrge` → `kõrgem`; to one in `a`,
        // `m` is a Latvian or Lithuanian dative, `zema` → `zemām`, `aukšta` → `aukštam`, a
        // reviewer's.)
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.hasPrefix(short) else { return false }
        let added = String(long.dropFirst(short.count))
        return ["am", "em", "im"].contains(added) || (added == "m" && short.last == "e")
    }

    private static let englishDegrees: Set<Substring> = ["higher", "highest", "lower", "lowest", "greater", "greatest", "least"]
    private static let degreeEndings: [String] = [
        "sem", "sim", "eim", "aim",
        "aks", "aka", "akais", "akaja", "akie", "akas",
        "iau", "esnis", "esne", "esni", "esnes", "iausias", "iausia", "iausi",
        "еишии", "еишая", "еишее", "аишии", "аишая", "аишее",
    ]

    /// Where `separator` first stands in `text`, found in its UTF-8 bytes (Foundation's
    /// `range(of:)` folds Unicode first, and a Google checkbox cell's pieces are tried many times).
    static func firstRange(of separator: String, in text: String) -> Range<String.Index>? {
        let needle = Array(separator.utf8)
        let bytes = text.utf8
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = bytes.startIndex
        while let start = bytes[i...].firstIndex(of: first) {
            if let end = bytes.index(start, offsetBy: needle.count, limitedBy: bytes.endIndex),
               bytes[start..<end].elementsEqual(needle) {
                return start..<end
            }
            i = bytes.index(after: start)
        }
        return nil
    }

    /// The position in LimeSurvey's default answer codes: `A1` → 1, `AO03` → 3.
    static func answerCodePosition(_ text: String) -> Int? {
        let upper = text.uppercased()
        guard upper.hasPrefix("A") else { return nil }
        let digits = upper.dropFirst(upper.hasPrefix("AO") ? 2 : 1)
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// `5.0` or `5,0` written for the choice named `5`.
    private static func numeric(_ text: String) -> String? {
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value == value.rounded(),
              abs(value) < 1e9 else { return nil }
        return String(Int(value))
    }

    /// A choice's place in the list (from 0), or nil for a name not in it.
    func position(of name: String) -> Int? { positions[name] }

    /// The choices at the positions whose bits are set (bit k: position k), in list order.
    func names(atPositions bits: UInt64) -> [String] {
        list.choices.filter { $0.position < 64 && bits & (1 << UInt64($0.position)) != 0 }.sorted { $0.position < $1.position }.map(\.name)
    }

    /// Choice names in list order.
    func ordered(_ names: Set<String>) -> [String] {
        names.sorted { (positions[$0] ?? .max, $0) < (positions[$1] ?? .max, $1) }
    }

    /// Splits one select_multiple cell into choices: space-separated names (KoboToolbox), labels
    /// joined by `;` with a trailing `;` (Microsoft Forms), or by `, ` (Google Forms, where a
    /// label may itself hold a comma: adjacent pieces are joined back while they form a label).
    /// Pieces that match nothing are returned as unknown (an "Other" answer's free text).
    ///
    /// With `namesExpected` (KoboToolbox and ODK exports, which write choice names), a cell
    /// without separators is read token by token even when no token is a known name.
    public func splitMultiple(_ raw: String, namesExpected: Bool = false) -> (choices: [String], unknown: [String], loose: Bool) {
        let text = TextKey.withoutEnclosingQuotes(raw).trimmingSpaces
        guard !text.isEmpty else { return ([], [], false) }
        // Space-separated choice names (KoboToolbox): names never hold spaces, of any kind, so a
        // no-break space or another Unicode space between them (a cell Excel or Word round-tripped)
        // separates them too, as a CRLF does; they were one unknown token.
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let named = tokens.filter { names[$0] != nil }
        if named.count == tokens.count { return (ordered(Set(named.map { names[$0]! })), [], false) }
        // One choice, by name or whole label (a label may hold a word that is another choice's name).
        if case let .matched(name, loose) = match(text) { return ([name], [], loose) }
        // Unknown tokens (a choice of an older form version) are reported; the known ones are kept.
        var best: (choices: [String], unknown: [String], loose: Bool)? = nil
        let hasSeparator = text.contains(",") || text.contains(";") || text.contains("\n")
        if !named.isEmpty || (namesExpected && !hasSeparator) {
            best = (ordered(Set(named.map { names[$0]! })), tokens.filter { names[$0] == nil }, false)
            if best!.unknown.isEmpty { return best! }
            if namesExpected && !hasSeparator { return labelsJoinedBySpaces(text, over: best!) }
        }
        // Labels joined by a separator; the reading that finds more choices wins, then the one
        // with fewer unknown pieces.
        for separator in [";", ",", "\n"] where text.contains(separator) {
            let result = joinPieces(text.components(separatedBy: separator), separator: separator)
            if let current = best,
               result.choices.count < current.choices.count
                || (result.choices.count == current.choices.count && result.unknown.count >= current.unknown.count) {
                continue
            }
            best = result
        }
        return labelsJoinedBySpaces(text, over: best ?? ([], [text], false))
    }

    /// KoboToolbox's labels export joins a select_multiple answer's labels with spaces (`Using
    /// buckets Manually with hands`): that reading is taken when every word falls in a label and
    /// it finds more choices than `other`, or `other` leaves words unknown, so free text is never
    /// read as choices word by word.
    private func labelsJoinedBySpaces(_ text: String, over other: (choices: [String], unknown: [String], loose: Bool))
        -> (choices: [String], unknown: [String], loose: Bool) {
        // (Any Unicode space: a cell round-tripped through Excel may hold no-break spaces.)
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count > 1 else { return other }
        // A word no label takes in loses the reading: it stops there, where it tried every word.
        let spaced = joinPieces(words, separator: " ", stopAtUnknown: true)
        // Every word in a label beats a reading that leaves words unknown, even one of as many
        // choices: two labels holding the names `interpreters` and `disinformation` ("Countering
        // disinformation and misinformation Working with interpreters and language access") were
        // those two names and eight words reported unknown on every row (a helper's probe).
        guard spaced.unknown.isEmpty && !spaced.choices.isEmpty else { return other }
        return spaced.choices.count > other.choices.count || !other.unknown.isEmpty ? spaced : other
    }

    /// The pieces as choices and the texts that match none. Unknown pieces after the last choice
    /// are one text: Google and Microsoft Forms write what was typed for "Other" last, as it was
    /// typed, and it may hold the separator (`Interpreters, my own idea, with commas`). With
    /// `stopAtUnknown`, the first piece that starts no choice ends the reading, as its only unknown.
    private func joinPieces(_ pieces: [String], separator: String, stopAtUnknown: Bool = false)
        -> (choices: [String], unknown: [String], loose: Bool) {
        var chosen = Set<String>()
        var unknown: [String] = []
        // Unknown pieces since the last choice, as written (the separator's spaces kept).
        var trailing: [String] = []
        var loose = false
        var i = 0
        while i < pieces.count {
            if pieces[i].trimmingSpaces.isEmpty {
                i += 1
                continue
            }
            var matchedUpTo: Int? = nil
            var matchedName = ""
            var matchedLoose = false
            var candidate = ""
            for j in i..<pieces.count {
                candidate = j == i ? pieces[i] : candidate + separator + pieces[j]
                // Pieces joined past the longest label, twice over for one written in two
                // languages, cannot match: stop (keeps a long cell linear).
                if candidate.count > 2 * longest + 8 { break }
                // Pieces joined are a label with the separator in it, never a name and label
                // written together: that costs a dozen tries per candidate, on every new cell.
                if case let .matched(name, isLoose) = matchJoined(candidate, tight: j == i) {
                    matchedUpTo = j
                    matchedName = name
                    matchedLoose = isLoose
                }
            }
            if let j = matchedUpTo {
                chosen.insert(matchedName)
                loose = loose || matchedLoose
                unknown += trailing.map(\.trimmingSpaces)
                trailing = []
                i = j + 1
            } else {
                if stopAtUnknown { return (ordered(chosen), [pieces[i]], loose) }
                trailing.append(pieces[i])
                i += 1
            }
        }
        if !trailing.isEmpty { unknown.append(trailing.joined(separator: separator).trimmingSpaces) }
        return (ordered(chosen), unknown, loose)
    }

    /// `match(_:tight:)` of pieces joined, remembered.
    private func matchJoined(_ candidate: String, tight: Bool) -> Result {
        if let known = tight ? joinedTight[candidate] : joinedLoose[candidate] { return known }
        let result = match(candidate, tight: tight)
        if tight {
            if joinedTight.count < Self.joinedLimit { joinedTight[candidate] = result }
        } else if joinedLoose.count < Self.joinedLimit {
            joinedLoose[candidate] = result
        }
        return result
    }

    /// What a split choice column's cell says, whichever choice the column is for: ticked (1,
    /// true, yes, Y, X in the survey languages, a check mark or `+` of a hand-made sheet; Excel
    /// writes TRUE and FALSE in the language of its Windows: ИСТИНА/ЛОЖЬ, TÕENE/VÄÄR,
    /// PATIESS/APLAMS, TIESA/NETIESA), unticked (0, no, `-`, an empty box, an older LimeSurvey's
    /// `Not selected`), or a choice's name or label
    /// (LimeSurvey and some sheets write the label), which ticks that choice's column only.
    /// LimeSurvey's "full answers" export writes `N/A` where the question was never shown (an
    /// incomplete response): blank, so the question is unanswered rather than answered with nothing.
    /// With `limeSurvey`, `2` is unticked: its export's "Convert N to" option writes that (its
    /// default) for a choice shown and not ticked, as "Convert Y to" writes `1` for a ticked one;
    /// its columns never hold a choice's name.
    func tickReading(_ raw: String, limeSurvey: Bool = false) -> Normalizer.TickReading {
        let text = raw.trimmingSpaces
        if text.isEmpty { return .blank }
        if limeSurvey, text == "2" { return .unticked }
        let lower = text.lowercased()
        if let plain = Self.plainTick(lower) { return plain }
        if case let .matched(name, _) = match(text) { return .choice(name) }
        // A yes or no with a full stop after it (`Jah.`, `1.`), or a word after a comma (`Да,
        // конечно`, `Нет, спасибо`): a probe's had each read unticked.
        func stripped(_ text: Substring) -> String {
            String(text.drop { " .!".contains($0) }.reversed().drop { " .!".contains($0) }.reversed())
        }
        let whole = stripped(lower[...])
        if whole != lower, let plain = Self.plainTick(whole) { return plain }
        // After the comma only words that make it surer or politer: `Да, нет` and `Jā, bet ne
        // tagad` stay unknown, with their warning (a reviewer's: they had been ticked silently).
        if let comma = lower.firstIndex(where: { $0 == "," || $0 == ";" }) {
            let head = stripped(lower[..<comma])
            if head.count >= 2, head.allSatisfy({ $0.isLetter }), Self.sureOrPolite.contains(stripped(lower[lower.index(after: comma)...])),
               let plain = Self.plainTick(head) { return plain }
        }
        return lostOrUnknownTick(text)
    }

    /// Words after a yes or a no that leave it as it is, in the five languages.
    private static let sureOrPolite: Set<String> = [
        "of course", "sure", "definitely", "certainly", "please", "thanks", "thank you",
        "muidugi", "loomulikult", "kindlasti", "palun", "aitäh", "tänan",
        "protams", "noteikti", "lūdzu", "paldies",
        "žinoma", "būtinai", "prašau", "ačiū",
        "конечно", "обязательно", "пожалуйста", "спасибо", "разумеется",
    ]

    /// A tick or none as a form tool or a sheet writes it, in lower case; nil for any other text.
    private static func plainTick(_ lower: String) -> Normalizer.TickReading? {
        switch lower {
        case "n/a": return .blank
        // (`1,0`, `1.00`: a number format with decimals, a Baltic Excel's with a comma, a probe's.)
        case "1", "1.0", "1,0", "1.00", "1,00", "true", "истина", "tõene", "patiess", "tiesa", "yes", "y", "x", "✓", "✔", "✔\u{FE0F}", "√", "☑",
             "☑\u{FE0F}", "✅", "☒", "v", "+", "jah", "jā", "ja", "taip", "да", "selected", "valitud", "izvēlēts", "pasirinkta", "выбрано",
             "kindlasti", "obligāti", "būtinai", "обязательно":
            return .ticked
        case "0", "0.0", "0,0", "0.00", "0,00", "false", "ложь", "väär", "aplams", "netiesa", "no", "n", "not selected", "ei", "nē", "ne", "нет",
             "-", "–", "—", "☐", "❌", "valimata", "nav izvēlēts", "nepasirinkta", "не выбрано":
            return .unticked
        default:
            return nil
        }
    }

    /// A yes or no whose letters the file's code page lacked, each written `?` (Latvian `Jā`
    /// saved by Excel's "CSV" in Windows-1252 is `J?`: every tick of a LimeSurvey export had read
    /// as unticked, a helper's probe); any other text unknown. Only words with a letter of ASCII
    /// left: `??` is no word any more.
    private func lostOrUnknownTick(_ text: String) -> Normalizer.TickReading {
        if text.contains("?"), text.contains(where: { $0.isASCII && $0.isLetter }) {
            let key = KeyedLookup<Int>.lostLettersKey(text.lowercased())
            if Self.lostTicks.contains(key) { return .ticked }
            if Self.lostUnticks.contains(key) { return .unticked }
        }
        return .unknown(text)
    }

    /// The ticks and unticks with a letter outside ASCII, as `KeyedLookup.lostLettersKey` writes them.
    private static let lostTicks: Set<String> = Set(["jā", "tõene"].map { KeyedLookup<Int>.lostLettersKey($0) })
    private static let lostUnticks: Set<String> = Set(["nē", "väär"].map { KeyedLookup<Int>.lostLettersKey($0) })
}
