import Dispatch
/// Finds a municipality of Estonia, Latvia or Lithuania from a name as staff write it, in the
/// national language, English or Russian, with or without diacritics.
///
/// A name matches only when exactly one municipality fits (after normalisation); `Tartu` fits both
/// Tartu linn and Tartu vald and is reported as ambiguous, never guessed.
public struct Gazetteer: Sendable {
    public struct Municipality: Sendable, Equatable {
        public var code: String
        public var country: String
        public var name: String
    }

    public enum Match: Equatable, Sendable {
        case unique(Municipality)
        case ambiguous([Municipality])
        case none
    }

    public static let shared = Gazetteer()

    /// Builds `shared` on another core while the caller loads the instrument and sniffs the
    /// first file (a few tens of milliseconds of Unicode folding at the start of every run).
    public static func prepareShared() {
        DispatchQueue.global(qos: .userInitiated).async { _ = shared }
    }

    private let entries: [Municipality]
    private let lookup: KeyedLookup<Int>
    /// Whether this is `lostLettersTwin`: its lookup reads a name whose letters were written as
    /// `?`, and every rule of `match` with it.
    private let matchingLostLetters: Bool
    /// Each municipality's county (ISO code; none in Latvia) and the counties parts of it were in
    /// before 2017, by the municipality's code, and the counties by their names (`Ida-Virumaa`,
    /// `Kauno apskritis`, `Harju county`, `Харьюский уезд`).
    private let counties: [String: Set<String>]
    private let countyLookup: KeyedLookup<String>
    /// Words that only say "municipality", or name its council or administration (where staff
    /// who answer work: `Rīgas dome`, `Kauno miesto savivaldybės administracija`, `Riga City
    /// Council`), removed for a third try; a fourth drops Lithuania's `savivaldybė` too, which
    /// the official names hold (`Kauno miesto savivaldybė`) but `Vilniaus savivaldybė` leaves
    /// as ambiguous as `Vilniaus`. A last try drops `linn`, `pilsēta` and `city`: a town that is no
    /// municipality of its own (any more: `Valga linn` joined Valga vald in 2017, `Valmieras
    /// pilsēta` Valmieras novads in 2021) is the one its name alone finds.
    private static let genericWords: Set<String> = [
        "municipality", "omavalitsus", "pašvaldība", "pasvaldiba", "pašvaldības", "pasvaldibas", "муниципалитет",
        "самоуправление",
        "dome", "domes", "administrācija", "administracija", "administration", "admin.", "admin", "adm.", "council",
        "government", "office",
        "valitsus", "linnaosa", "администрация", "управа", "дума", "совет",
        "администрации", "самоуправления", "управы", "думы",
    ]
    /// The words for a town, dropped in the last try.
    private static let townWords: Set<String> = ["linn", "city", "pilsēta", "pilseta", "город"]
    /// The kinds of a town's municipality and of a rural one, as abbreviations are written out.
    private static let townKinds: Set<String> = ["linn", "city", "pilsēta", "pilseta", "miesto", "miestas", "город"]
    private static let ruralKinds: Set<String> = [
        "vald", "novads", "rajono", "rajonas", "district", "волость", "район", "край",
    ]
    private static let kinds = townKinds.union(ruralKinds)
    /// The Lithuanian kinds in English, as the municipalities' English names write them; the
    /// kind's nominative as well (`Vilnius rajonas`, `Vilnius (miestas)`).
    private static let englishKinds: [String: String] = [
        "miesto": "city", "rajono": "district", "miestas": "city", "rajonas": "district",
    ]
    /// Abbreviations of the words for a kind of municipality, and the names of its council,
    /// written out for a second try: `Tartu l.` is `Tartu linn`, `Ogres nov.` `Ogres novads`,
    /// `г. Нарва` `город Нарва`, `Вильнюсский р-н` `Вильнюсский район`, `Šiaulių m. savivaldybės`
    /// `Šiaulių miesto savivaldybė`, `Rīgas pilsētas dome` `Rīgas pilsēta dome`, `Narva linna`
    /// (the genitive) `Narva linn`. The kind stays in the name, so `Tartu l.` is the town and
    /// `Tartu v.` the rural municipality around it.
    private static let abbreviations: [String: String] = [
        "l.": "linn", "vv": "vald", "vv.": "vald", "linnavalitsus": "linn", "linnavalitsuse": "linn", "v.": "vald", "vld": "vald", "vld.": "vald",
        "vallavalitsus": "vald", "vallavalitsuse": "vald", "linna": "linn", "valla": "vald", "linnavolikogu": "linn",
        "vallavolikogu": "vald",
        // English for a vald, as Estonia's rural municipalities name themselves (`Viimsi Parish`).
        "parish": "vald", "nov.": "novads", "nov": "novads", "г.": "город", "г": "город", "гор.": "город",
        "р-н": "район", "р-н.": "район", "р.": "район", "вол.": "волость",
        "городская": "город", "городское": "город", "городской": "город", "горуправа": "город", "гордума": "город",
        "горсовет": "город", "волостная": "волость",
        "волостное": "волость", "районное": "район", "районная": "район",
        "m.": "miesto", "r.": "rajono", "raj.": "rajono", "sav.": "savivaldybė", "savivaldybės": "savivaldybė",
        "savivaldybes": "savivaldybė", "pilsētas": "pilsēta", "pilsetas": "pilsēta",
        // The kind in the genitive, before the council's word or after it (`Daugavpils novada
        // pašvaldība`, `Администрация волости Йыхви`, `Самоуправление Вильнюсского района`).
        "novada": "novads", "города": "город", "района": "район", "волости": "волость", "края": "край",
        // The kind where the town is (`Narva linnas`, `Tartu vallas`, `Ogres novadā`, `в городе
        // Нарве`), so that the town's own word is the only one left to read in its nominative.
        "linnas": "linn", "vallas": "vald", "novadā": "novads", "городе": "город", "районе": "район",
        // Abbreviations typed without their full stop (`Tartu l`, `Kauno raj`, `Vilniaus rajono
        // sav`), and `town`, English for a linn as often as `city` (`Keila Town`, `Narva town`).
        "l": "linn", "v": "vald", "raj": "rajono", "sav": "savivaldybė", "town": "city",
        // English for the kind before `municipality` (`Tartu Rural Municipality Government`), so
        // that the kind stays when the council's words and `municipality` are left out.
        "rural": "vald", "urban": "linn",
    ]

    public init() { self.init(matchingLostLetters: false) }

    private init(matchingLostLetters: Bool) {
        self.matchingLostLetters = matchingLostLetters
        var entries: [Municipality] = []
        // A name beside another (`Narva linn / Нарва`, `Narva / Ida-Virumaa`) is read by `matchParts`.
        // A name whose letters were written as `?` is read by `matchLostLetters`, with a warning.
        var lookup = KeyedLookup<Int>(matchesHalves: false, matchesLostLetters: matchingLostLetters, lostLettersMinimum: 2)
        for (index, entry) in MunicipalityData.records.enumerated() {
            entries.append(Municipality(code: entry.code, country: entry.country, name: entry.name))
            lookup.insert(entry.name, index)
            lookup.insert(entry.englishName, index)
            lookup.insert(entry.code, index)
            for variant in entry.variants { lookup.insert(variant, index) }
            // Double names are written with a space for the hyphen too (`Kohtla Järve`).
            for name in [entry.name] + entry.variants where Self.hasDoubleName(name) {
                lookup.insert(Self.spacedDoubleName(name), index)
            }
            for name in [entry.name, entry.englishName] + entry.variants {
                if let typed = Self.asciiDigraphs(name) { lookup.insert(typed, index) }
            }
        }
        self.entries = entries
        self.lookup = lookup
        var counties: [String: Set<String>] = [:]
        for entry in MunicipalityData.records where !entry.county.isEmpty {
            counties[entry.code] = Set([entry.county] + entry.formerCounties)
        }
        self.counties = counties
        // A county whose letters were written as `?` (`P?rnumaa`) is still the county: beside
        // another county's municipality, the name is not recognised.
        var countyLookup = KeyedLookup<String>(matchesHalves: false)
        for (code, names) in MunicipalityData.countyNames {
            for name in names { countyLookup.insert(name, code) }
        }
        self.countyLookup = countyLookup
    }

    /// The county (ISO code) a part of a place answer names, if it names one alone.
    private func county(_ part: String, readingLostLetters: Bool = true) -> String? {
        guard case let .unique(code, _) = countyLookup.match(part, readingLostLetters: readingLostLetters) else { return nil }
        return code
    }

    public var count: Int { entries.count }

    /// The country of a county, region or country named alone where a municipality was asked
    /// (`Harjumaa`, `Vilniaus apskritis`, `Latgale`, `Eesti`): no municipality, but its country.
    /// `lettersLost`: read only with letters a code page lacked, written `?` (`P?rnumaa`, `S?lija`).
    public func region(named written: String) -> (country: String, lettersLost: Bool)? {
        let text = written.trimmingSpaces
        if let code = RegionCountry.code(for: text) { return (code, false) }
        if let county = county(text, readingLostLetters: false) { return (String(county.prefix(2)), false) }
        if Self.namesLatvianRegion(TextKey.loose(text), regions: Self.latvianRegions, regionWords: Self.regionWords,
                                   planning: Self.planning) { return ("LV", false) }
        if let county = county(text) { return (String(county.prefix(2)), true) }
        guard let lost = TextKey.lostLettersKey(ifLost: text) else { return nil }
        return Self.namesLatvianRegion(lost, regions: Self.latvianRegionsAnyLetters, regionWords: Self.lostRegionWords,
                                       planning: Self.lostPlanning) ? ("LV", true) : nil
    }

    /// Whether a key names one of Latvia's regions, alone (`latgale`) or as a region's office
    /// does (`latgales regions`, `vidzemes planosanas regions`, `latgale region`); `regionWords`
    /// and `planning` in the key's spelling, `regions` the regions'.
    private static func namesLatvianRegion(_ key: String, regions: Set<String>, regionWords: Set<String>, planning: Set<String>) -> Bool {
        if regions.contains(key) { return true }
        var words = key.split(separator: " ").map(String.init)
        guard words.count >= 2, let last = words.last, regionWords.contains(last) else { return false }
        words.removeLast()
        if words.count >= 2, let word = words.last, planning.contains(word) { words.removeLast() }
        return regions.contains(words.joined(separator: " "))
    }

    /// "Planning" in a planning region's name, without diacritics, and as
    /// `KeyedLookup.lostLettersKey` writes it.
    private static let planning: Set<String> = ["planosanas", "planning"]
    private static let lostPlanning = TextKey.lostLettersKeys(["plānošanas"])

    /// Latvia's historical regions, compared without diacritics, and their genitives before a
    /// region's word (`Latgales reģions`; `Rīgas plānošanas reģions`, `Riga planning region`).
    private static let latvianRegions: Set<String> = ["latgale", "vidzeme", "kurzeme", "zemgale", "selija",
                                                      "latgales", "vidzemes", "kurzemes", "zemgales", "selijas", "rigas", "riga"]

    /// Those with a letter outside ASCII (`Sēlija`, `Rīgas`) as `KeyedLookup.lostLettersKey` writes
    /// them, and all of them so (the others are ASCII).
    private static let latvianRegionsLost = TextKey.lostLettersKeys(["sēlija", "sēlijas", "rīgas"])
    private static let latvianRegionsAnyLetters = latvianRegions.union(latvianRegionsLost)

    /// The region words and Latvia's region `Sēlija` as `KeyedLookup.lostLettersKey` writes them
    /// (`re?ions`, `s?lija`), compared with a part whose letters were written as `?`.
    private static let lostRegionWords = TextKey.lostLettersKeys(Array(regionWords)).union(latvianRegionsLost)

    /// Letters an ASCII keyboard lacks, written as digraphs: `š`, `ž`, `č` as `sh`, `zh`, `ch`
    /// (`Shiauliai`, `Birzhai`, `Panevezhys`), Estonian `ä`, `ö`, `ü` as `ae`, `oe`, `ue`
    /// (`Paernu`, `Kohtla-Jaerve`). The lookup's loose key sets the other diacritics aside (`õ`,
    /// `ū`); nil for a name without such a letter. No spelling so made is another municipality's.
    static func asciiDigraphs(_ name: String) -> String? {
        // Most names have none of these letters, in either case, precomposed or with a
        // combining caron or diaeresis: told from their scalars, with no normalising.
        guard name.unicodeScalars.contains(where: { digraphScalars.contains($0.value) }) else { return nil }
        let digraphs: [Character: String] = ["š": "sh", "ž": "zh", "č": "ch", "ä": "ae", "ö": "oe", "ü": "ue"]
        let lower = TextKey.nfc(name).lowercased()
        guard lower.contains(where: { digraphs[$0] != nil }) else { return nil }
        return lower.map { digraphs[$0] ?? String($0) }.joined()
    }

    /// Whether a name joins two by a hyphen (`Kohtla-Järve`), not a Russian abbreviation's
    /// (`Алитусский р-н`, district). The standard library's, not Foundation's, search: on Linux
    /// Foundation's goes through NSString, and the gazetteer's names are keyed at every run's start.
    static func hasDoubleName(_ name: String) -> Bool {
        name.utf8.contains(UInt8(ascii: "-")) && name.firstRange(of: "р-н") == nil
    }

    /// A double name with a space for its hyphen (`Kohtla Järve`).
    static func spacedDoubleName(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { $0 == "-" ? " " : $0 }))
    }

    /// The scalars a name needs for `asciiDigraphs` to write it otherwise: `Š š Ž ž Č č Ä ä Ö ö
    /// Ü ü`, and the combining caron and diaeresis.
    private static let digraphScalars: Set<UInt32> = [
        0x160, 0x161, 0x17D, 0x17E, 0x10C, 0x10D, 0xC4, 0xE4, 0xD6, 0xF6, 0xDC, 0xFC, 0x30C, 0x308,
    ]

    /// The choices of a municipality list by the municipality each names (its code): by the
    /// choice's name, else its labels (languages in order), as the normaliser reads a chosen
    /// place. The first choice of a municipality wins; one that names none is left out.
    public func choicesByMunicipality(_ list: ChoiceList) -> [String: String] {
        var result: [String: String] = [:]
        for choice in list.choices {
            let written = [choice.name] + choice.labels.keys.sorted().compactMap { choice.labels[$0] }
            for text in written {
                if case let .unique(municipality) = match(text) {
                    if result[municipality.code] == nil { result[municipality.code] = choice.name }
                    break
                }
            }
        }
        return result
    }

    /// Whether a place answer says none was given: marks alone, no letter or digit (`-`, `—`,
    /// `?`, `...`), or a word for none or not knowing (`n/a`, `none`, `nav`, `nėra`, `pole`,
    /// `нет`), as staff fill a required cell. Not `?` for each letter of a name (`?????`, Russian
    /// saved in a code page without Cyrillic): a place was given, its letters lost.
    public static func saysNoPlace(_ written: String) -> Bool {
        let key = TextKey.loose(written)
        if noPlaceWords.contains(key) { return true }
        return !key.contains { $0.isLetter || $0.isNumber } && key.filter { $0 == "?" }.count < 2
    }

    /// Words for none or not knowing in the survey languages, compared without diacritics.
    private static let noPlaceWords: Set<String> = [
        "n/a", "na", "n.a.", "none", "no", "nothing", "unknown", "dont know", "don't know", "ei", "ei ole", "pole",
        "ei tea", "nav", "ne", "nezinu", "nera", "nezinau", "нет", "не", "не знаю", "нету",
    ]

    public func municipalities(in country: String) -> [Municipality] {
        entries.filter { $0.country == country }
    }

    /// Matches a written name; `country`, when known, narrows an ambiguous match.
    public func match(_ written: String, country: String? = nil) -> Match {
        let result = matchTyped(written, country: country)
        if result == .none, let (name, postalCountry) = Self.withoutPostalCodes(written) {
            // In the code's country: `LV-1050` beside a name of Lithuania is one of the two wrong.
            // (Beside another country answered, the name found says so: `place_mismatch`.)
            switch match(name, country: postalCountry ?? country) {
            case let .unique(municipality) where postalCountry == nil || municipality.country == postalCountry:
                return .unique(municipality)
            case let .ambiguous(candidates):
                let inCountry = candidates.filter { postalCountry == nil || $0.country == postalCountry }
                return inCountry.count == 1 ? .unique(inCountry[0]) : inCountry.isEmpty ? .none : .ambiguous(inCountry)
            default:
                return .none
            }
        }
        guard result == .none, let unmixed = Self.inOneScript(written) else { return result }
        return matchTyped(unmixed, country: country)
    }

    /// The text without the postal codes written beside a name (`Tallinn 10111`, `LV-1050 Rīga`,
    /// `Vilnius, LT-01100`): Estonia's five digits, Latvia's `LV-` and four, Lithuania's `LT-` and
    /// five (or the digits alone), and the country a prefix names; nil when there is none, or
    /// the text is nothing else, or prefixes name two countries. (The subdivision codes a
    /// place may be written as, `LT-43`, `EE-784`, have three digits at most.)
    static func withoutPostalCodes(_ text: String) -> (name: String, country: String?)? {
        guard text.contains(where: \.isNumber) else { return nil }
        var kept: [Substring] = []
        var countries: Set<String> = []
        var found = false
        for word in text.split(separator: " ") {
            let bare = word.drop(while: { ",;.()".contains($0) }).reversed().drop(while: { ",;.()".contains($0) }).reversed()
            var digits = Substring(String(bare))
            var prefix: String? = nil
            if let first = ["EE", "LV", "LT"].first(where: { digits.uppercased().hasPrefix($0) }) {
                prefix = first
                digits = digits.dropFirst(2)
                if digits.first == "-" { digits = digits.dropFirst() }
            }
            let expected: ClosedRange<Int> = prefix == "LV" ? 4...4 : prefix == nil ? 4...5 : 5...5
            guard expected.contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                kept.append(word)
                continue
            }
            found = true
            if let prefix { countries.insert(prefix) }
            // The comma after the code (`LV-1050, Rīga`) parted nothing but the code.
            if word.last == ",", let last = kept.last, last.last != "," { kept[kept.count - 1] = last + "," }
        }
        var name = Substring(kept.joined(separator: " "))
        while let last = name.last, ",;".contains(last) { name = name.dropLast() }
        while let first = name.first, ",;".contains(first) { name = name.dropFirst() }
        guard found, countries.count <= 1, !name.isEmpty else { return nil }
        return (String(name), countries.first)
    }

    /// Latin letters and the Cyrillic ones that look the same, which a keyboard switched between
    /// layouts mid-word, or a word processor's correction, mixes into a name (`Нарвa`, `Pига`,
    /// `Rīgа`, `Вильнюсский paйон`).
    private static let cyrillicOfLatin: [Character: Character] = [
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т", "X": "Х",
        "Y": "У", "a": "а", "c": "с", "e": "е", "k": "к", "o": "о", "p": "р", "x": "х", "y": "у",
    ]
    private static let latinOfCyrillic = Dictionary(uniqueKeysWithValues: cyrillicOfLatin.map { ($1, $0) })

    /// The text with each word that mixes Latin and Cyrillic letters written in the script most
    /// of its letters are in, its other letters read as their look-alikes; nil when no word
    /// mixes them, or a mixed word has a letter with no look-alike or as many letters of each.
    private static func inOneScript(_ text: String) -> String? {
        func isCyrillic(_ letter: Character) -> Bool { letter.unicodeScalars.allSatisfy { (0x0400...0x04FF).contains($0.value) } }
        func isLatin(_ letter: Character) -> Bool { letter.unicodeScalars.first.map { $0.value < 0x0250 } ?? false }
        var changed = false
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let cyrillic = word.filter { $0.isLetter && isCyrillic($0) }.count
            let latin = word.filter { $0.isLetter && isLatin($0) }.count
            guard cyrillic > 0, latin > 0 else { words.append(String(word)); continue }
            guard cyrillic != latin else { return nil }
            let (lookalikes, isMinority) = cyrillic > latin ? (cyrillicOfLatin, isLatin) : (latinOfCyrillic, isCyrillic)
            var unmixed = ""
            for letter in word {
                guard letter.isLetter, isMinority(letter) else { unmixed.append(letter); continue }
                guard let lookalike = lookalikes[letter] else { return nil }
                unmixed.append(lookalike)
            }
            words.append(unmixed)
            changed = true
        }
        return changed ? words.joined(separator: " ") : nil
    }

    private func matchTyped(_ written: String, country: String?) -> Match {
        var result = matchAsWritten(written, country: country)
        guard result == .none else { return result }
        // A flag or another pictograph beside the name (`Tallinn 🇪🇪`).
        if written.unicodeScalars.contains(where: Self.isPictograph) {
            let plain = String(String.UnicodeScalarView(written.unicodeScalars.filter { !Self.isPictograph($0) }))
            if plain.contains(where: \.isLetter) { return matchTyped(plain, country: country) }
        }
        // The kind joined to the name with a hyphen (`Tartu-vald`, `Ogres-novads`).
        if let hyphen = written.lastIndex(of: "-"),
           Self.kinds.contains(TextKey.exact(String(written[written.index(after: hyphen)...]))) {
            result = matchAsWritten(written[..<hyphen] + " " + written[written.index(after: hyphen)...], country: country)
            if result != .none { return result }
        }
        // A sentence's full stop or a list's comma typed after the name (`Rīga.`, `Narva,`), when
        // the name with it is none (`Tartu l.` is the abbreviation's).
        var name = Substring(written.trimmingSpaces)
        while let last = name.last, Self.trailingPunctuation.contains(last) || last == " " { name = name.dropLast() }
        guard !name.isEmpty, name.count < written.trimmingSpaces.count else { return result }
        // An abbreviation's dot among them (`Kauno m. sav..`) is the abbreviation's.
        let withDot = matchAsWritten(name + ".", country: country)
        return withDot != .none ? withDot : matchAsWritten(String(name), country: country)
    }

    private static let trailingPunctuation: Set<Character> = [".", ",", ";", ":", "!", "?"]

    /// Emoji and the regional indicators a flag is written with.
    private static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value) || (scalar.properties.isEmojiPresentation && scalar.value > 0x2000)
            || scalar.value == 0xFE0F
    }

    private func matchAsWritten(_ written: String, country: String?) -> Match {
        // A dash typed (or corrected by a word processor) for the hyphen of a double name.
        var text = written.trimmingSpaces
        if text.contains("–") || text.contains("—") {
            text = text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        }
        guard !text.isEmpty else { return .none }
        var result = resolve(lookup.match(text), country: country)
        guard result == .none else { return result }
        let typed = vocabularyWords(TextKey.exact(text))
        var words = typed.map { Self.abbreviations[$0] ?? $0 }
        // English names the kind first as often as last: `City of Riga` is `Riga city`,
        // `Municipality of Narva` `Narva municipality`.
        if words.count > 2, words[1] == "of" { words = Array(words[2...]) + [words[0]] }
        if words != typed {
            result = resolve(lookup.match(words.joined(separator: " ")), country: country)
        }
        var kept = words
        // A text naming a town's kind and a rural one (`Tartu l.v.`, read `Tartu linn vald`; `город
        // Вильнюсский район`; `Vilnius city district`) is read as written or by its parts, never
        // with either kind left out: which one it means would be a guess.
        let bothKinds = words.contains(where: Self.townKinds.contains) && words.contains(where: Self.ruralKinds.contains)
        for removable in [Self.genericWords, ["savivaldybė", "savivaldybe"], Self.townWords] where result == .none && !bothKinds {
            let fewer = kept.filter { !removable.contains($0) }
            if fewer.count != kept.count && !fewer.isEmpty {
                result = resolve(lookup.match(fewer.joined(separator: " ")), country: country)
                kept = fewer
            }
        }
        // Lithuanian staff often leave `savivaldybė` out after the kind (`Kauno miesto`,
        // `Vilniaus rajono`, `Kauno miesto administracija`): the official name ends with it.
        if result == .none, !bothKinds, let last = kept.last, ["miesto", "rajono"].contains(last) {
            result = resolve(lookup.match((kept + ["savivaldybė"]).joined(separator: " ")), country: country)
        }
        // The town's own name with the Lithuanian kind's abbreviation (`Kaunas r.`, `Vilnius m.
        // sav.`): the kind in English, as the municipality's English name has it (`Kaunas district`).
        if result == .none, !bothKinds, let last = kept.last, let english = Self.englishKinds[last], kept.count > 1 {
            result = resolve(lookup.match((kept.dropLast() + [english]).joined(separator: " ")), country: country)
        }
        // A Latvian name in the nominative before `novads` (`Jelgava novads`, `Ogre (novads)`):
        // the official name has the genitive (`Jelgavas novads`, `Cēsu novads`, `Tukuma novads`).
        if result == .none, !bothKinds, kept.count > 1, kept.last == "novads" {
            let k = kept.count - 2
            result = match(kept, replacing: k, by: Self.latvianGenitives(kept[k]), country: country)
        }
        if result == .none { result = matchParts(text, country: country) }
        // The kind in brackets (`Tartu (linn)`, `Тарту (город)`), or the name (`(Tallinn)`).
        if result == .none, text.contains("(") {
            let unbracketed = text.split(whereSeparator: { $0 == "(" || $0 == ")" || $0 == " " }).joined(separator: " ")
            if !unbracketed.isEmpty { result = matchAsWritten(unbracketed, country: country) }
        }
        // A municipality's name, its council's or department's, is a few words: each word is
        // tried in other forms only in such a text (in a long one the tries grow as its square).
        guard words.count <= Self.wordsOfAName, !bothKinds else { return result }
        if result == .none { result = matchRussianAdjective(words, country: country) }
        if result == .none { result = matchRussianGenitive(words, country: country) }
        if result == .none { result = matchDepartment(typed, country: country) }
        if result == .none { result = matchLocative(words, country: country) }
        return result
    }

    /// The genitives a Latvian town's name in the nominative may have, as municipalities are
    /// named after it: `Jelgava` → `Jelgavas`, `Ogre` → `Ogres`, `Cēsis` → `Cēsu`, `Talsi` →
    /// `Talsu`, `Tukums` → `Tukuma` (`Daugavpils` is its own genitive).
    private static func latvianGenitives(_ word: String) -> [String] {
        var forms: [String] = []
        if word.hasSuffix("a") || word.hasSuffix("e") { forms.append(word + "s") }
        if word.hasSuffix("is") { forms.append(word.dropLast(2) + "u") }
        if word.hasSuffix("i") { forms.append(word.dropLast() + "u") }
        if word.hasSuffix("s") && !word.hasSuffix("is") { forms.append(word.dropLast() + "a") }
        return forms
    }

    /// Prepositions before a place written where someone works (`в Нарве`, `in Narva`).
    private static let prepositions: Set<String> = ["в", "во", "in"]

    /// Case endings of a place where someone is, and the nominative's in their place, longest
    /// first: Estonian inessive and adessive (`Narvas`, `Tallinnas`, `Kohtla-Järvel`), Latvian
    /// locative (`Rīgā`, `Daugavpilī`, `Cēsīs`, `Limbažos`, `Ogres novadā`), Lithuanian locative
    /// (`Vilniuje`, `Klaipėdoje`, `Panevėžyje`, `Šiauliuose`, `Kaune`, `Alytaus rajone`), Russian
    /// prepositional (`Нарве`, `Вильнюсе`, `Лиепае`, `Шяуляе`); without diacritics as well (`Daugavpili`).
    private static let locativeEndings: [(ending: String, nominatives: [String])] = [
        ("uose", ["ai"]), ("uje", ["us"]), ("oje", ["a"]), ("yje", ["ys"]), ("ėje", ["ė"]), ("eje", ["e"]),
        ("īs", ["is"]), ("os", ["i"]), ("as", [""]), ("al", [""]),
        ("s", [""]), ("l", [""]), ("ā", ["a", "s"]), ("ē", ["e"]), ("ī", ["s"]), ("i", ["s"]), ("ū", ["us"]),
        ("e", ["as"]), ("е", ["а", "", "я", "й"]),
    ]

    /// A place written in the case of where someone is (`locativeEndings`), after a preposition
    /// or not: one word at a time is read in its nominative, and the rest must name the
    /// municipality as they stand, so a common word that happens to end as a place does not
    /// find one in a sentence.
    private func matchLocative(_ words: [String], country: String?) -> Match {
        let named = Self.prepositions.contains(words.first ?? "") ? Array(words.dropFirst()) : words
        for (k, word) in named.enumerated() {
            var nouns = named.count < words.count ? [word] : []
            for (ending, nominatives) in Self.locativeEndings
            where word.hasSuffix(ending) && word.count >= ending.count + 3 {
                nouns += nominatives.map { String(word.dropLast(ending.count)) + $0 }
            }
            let result = match(named, replacing: k, by: nouns, country: country)
            if result != .none { return result }
        }
        return .none
    }

    /// Words that end a municipality's name, its government's or its kind's in the genitive, as
    /// a department of its own follows it: `Narva Linnavalitsuse sotsiaalabiamet`, `Tartu linna
    /// haridusosakond`, `Rīgas domes Labklājības departaments`, `Ogres novada Sociālais dienests`,
    /// `Vilniaus miesto savivaldybės administracijos Socialinių paslaugų skyrius`.
    private static let ownerWords: Set<String> = [
        "linnavalitsuse", "vallavalitsuse", "linna", "valla", "domes", "novada", "pašvaldības", "pasvaldibas",
        "pilsētas", "pilsetas", "savivaldybės", "savivaldybes", "administracijos",
    ]

    /// How the name of a municipality's department or institution ends (`Tallinna Sotsiaal- ja
    /// Tervishoiuamet`, `Rīgas Sociālais dienests`, `Narva Sotsiaalkeskus`, `Kauno socialinių
    /// paslaugų centras`): after such a name the municipality's genitive alone is its owner.
    private static let departmentEndings = [
        "amet", "osakond", "teenistus", "keskus", "dienests", "departaments", "pārvalde", "parvalde", "centrs",
        "skyrius", "departamentas", "tarnyba", "centras",
    ]

    /// A department of a municipality's government, named after it (`ownerWords`, or the
    /// municipality's genitive alone before a department's name, `departmentEndings`): the
    /// longest beginning that ends in such a word and names a municipality, unless a later word
    /// names another on its own (`Narva linna elanik, töötan Tallinn`).
    private func matchDepartment(_ words: [String], country: String?) -> Match {
        guard let last = words.last else { return .none }
        let department = Self.departmentEndings.contains { last.hasSuffix($0) }
        for end in stride(from: words.count - 1, through: 1, by: -1)
        where department || Self.ownerWords.contains(words[end - 1]) {
            let owner = match(words[..<end].joined(separator: " "), country: country)
            guard owner != .none else { continue }
            for word in words[end...] {
                let other = resolve(lookup.match(word.trimmingCharacters(in: .punctuationCharacters)), country: country)
                if other != .none && other != owner { return .none }
            }
            return owner
        }
        return .none
    }

    /// The most words a name of a municipality, its council or a department of it is read from.
    static let wordsOfAName = 12

    private static let adjectiveEndings = ["ская", "ский", "ское", "ской", "ского", "скую", "скому", "ском"]

    /// The town's name from an adjective whose stem the suffix altered: `Рижская` (Рига, г to ж),
    /// `Юрмальская` (Юрмала, a soft sign), `Шилальский` (Шилале), `Мариямпольское` (Мариямполе),
    /// `Лиепайская` (Лиепая), `Лаздийский` (Лаздияй), `Резекненская` (Резекне, an `н` added).
    private static func nounsOfAlteredStem(_ stem: String) -> [String] {
        let base = String(stem.dropLast())
        switch stem.last {
        case "ж": return [base + "га"]
        case "ь": return [base + "а", base + "е"]
        case "й": return [base + "я", base + "яй"]
        case "н" where base.hasSuffix("е"): return [base]
        default: return []
        }
    }

    /// `genericWords` and `город`, left out in the last try of `match(_:replacing:by:country:)`.
    private static let genericAndTownWords = genericWords.union(["город"])

    /// The Russian words for a council, which `genericWords` holds among others.
    private static let russianCouncilWords: Set<String> = [
        "управа", "дума", "совет", "администрация", "самоуправление", "администрации", "самоуправления", "управы", "думы",
    ]

    /// Russian names a council by the town's adjective (`Нарвская городская управа`, `Таллиннская
    /// городская управа`, `Даугавпилсская дума`, `Йыхвиская волостная управа`): the town's name is
    /// the adjective's stem, alone or with `а` (`Нарвск-ая` is `Нарва`), tried in place of it.
    private func matchRussianAdjective(_ words: [String], country: String?) -> Match {
        for (k, word) in words.enumerated() {
            guard let ending = Self.adjectiveEndings.first(where: { word.hasSuffix($0) && word.count > $0.count + 2 }) else { continue }
            let stem = String(word.dropLast(ending.count))
            // The adjective itself in the nominative (`Огрского края` is `Огрский край`), and the
            // Lithuanian and Latvian endings the suffix replaced (`Висагинское` is `Висагинас`,
            // `Шальчининкский` `Шальчининкай`, `Акмянский` `Акмяне`, `Ширвинтский` `Ширвинтос`,
            // `Кедайнский` `Кедайняй`, `Тукумская` `Тукумс`).
            let endings = ["ас", "ай", "ис", "е", "ос", "яй", "с"]
            let nouns = [stem, stem + "а", stem + "ский"] + Self.nounsOfAlteredStem(stem) + endings.map { stem + $0 }
            let result = match(words, replacing: k, by: nouns, country: country)
            if result != .none { return result }
        }
        return .none
    }

    /// Russian declines a town's name after the word for its council or kind (`Администрация
    /// города Нарвы`, `Самоуправление города Вильнюса`, `Дума Даугавпилса`, `Таллинна`): each word
    /// of Cyrillic letters in the genitive is tried in the nominative (`-ы` and `-и` for `-а`, `-и`
    /// for `-я`, a consonant's `-а` dropped).
    private func matchRussianGenitive(_ words: [String], country: String?) -> Match {
        for (k, word) in words.enumerated() {
            guard word.count > 3, let last = word.unicodeScalars.last, (0x0430...0x044F).contains(last.value) else { continue }
            let base = String(word.dropLast())
            let nouns: [String]
            switch last {
            case "ы": nouns = [base + "а"]
            case "и": nouns = [base + "а", base + "я"]
            case "а": nouns = [base]
            default: continue
            }
            let result = match(words, replacing: k, by: nouns, country: country)
            if result != .none { return result }
        }
        return .none
    }

    /// The first municipality named by `words` with the k-th replaced by one of `nouns`, the
    /// council's words left out first, then every generic word, then `город`: the kind (`город`,
    /// `волость`) stays while it can.
    private func match(_ words: [String], replacing k: Int, by nouns: [String], country: String?) -> Match {
        for noun in nouns {
            var named = words
            named[k] = noun
            for removable in [Self.russianCouncilWords, Self.genericWords, Self.genericAndTownWords] {
                let fewer = named.filter { !removable.contains($0) }
                guard !fewer.isEmpty else { continue }
                let result = resolve(lookup.match(fewer.joined(separator: " ")), country: country)
                if result != .none { return result }
            }
        }
        return .none
    }

    /// A name with its county, country or district beside it (`Narva, Ida-Virumaa`, `Narva
    /// (Ida-Viru maakond)`, `Tallinn, Lasnamäe`, `Narva, Kesklinn`): its parts are looked up alone, and it is the one
    /// municipality they name; parts naming two, or an ambiguous part, make it ambiguous. Every
    /// other part must be a county, region or country: beside anything else (`Narva, but I work
    /// in Tallinn`, an e-mail address), another country than its own (`Narva, Latvija`: one of
    /// the two is wrong) or another county (`Narva, Harjumaa`: Narva is in Ida-Virumaa; a county
    /// that parts of it were in before 2017 counts as its own) the name is not recognised. A
    /// part that names a county and a municipality alike (`Saaremaa`: the county, and Saaremaa
    /// vald) is the county beside another municipality's name (`Muhu, Saaremaa`), else the
    /// municipality.
    /// In `lostLettersTwin`, a part whose letters were all lost (`Narva linn / ?????`, the Russian
    /// name saved by a Baltic Windows: three `?` or more and nothing else) tells nothing, and is
    /// passed over; a `?` typed as a question (`Pärnu linn (?)`) is not. A text of more than
    /// `partsOfAPlace` parts is no place.
    private func matchParts(_ text: String, country: String?) -> Match {
        var parts = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" || $0 == "/" })
            .map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard parts.count > 1, parts.count <= Self.partsOfAPlace else { return .none }
        if matchingLostLetters {
            parts.removeAll { part in
                part.unicodeScalars.filter { $0 == "?" }.count >= 3
                    && part.unicodeScalars.allSatisfy { $0 == "?" || $0 == " " || $0 == "-" || $0 == "." }
            }
            guard !parts.isEmpty else { return .none }
        }
        var found: [Municipality] = []
        var countries: Set<String> = []
        var countiesNamed: Set<String> = []
        var countyOrMunicipality: [(county: String, municipalities: [Municipality])] = []
        for part in parts {
            let county = county(part)
            var named: [Municipality] = []
            switch match(part, country: country) {
            case let .unique(municipality): named = [municipality]
            case let .ambiguous(candidates): named = candidates
            case .none:
                if let named = RegionCountry.code(for: part) {
                    countries.insert(named)
                } else if let county {
                    countiesNamed.insert(county)
                } else if !Self.isRegion(part) && !Self.isCityCentre(part) {
                    return .none
                }
            }
            if let county, !named.isEmpty {
                countyOrMunicipality.append((county, named))
            } else {
                found += named
            }
        }
        if found.isEmpty {
            found = countyOrMunicipality.flatMap(\.municipalities)
        } else {
            countiesNamed.formUnion(countyOrMunicipality.map(\.county))
        }
        var distinct: [Municipality] = []
        for municipality in found where !distinct.contains(municipality) { distinct.append(municipality) }
        guard countries.isEmpty || distinct.allSatisfy({ countries == [$0.country] }) else { return .none }
        if !countiesNamed.isEmpty { distinct = distinct.filter { countiesNamed.isSubset(of: counties[$0.code] ?? []) } }
        if distinct.count == 1 { return .unique(distinct[0]) }
        return distinct.isEmpty ? .none : .ambiguous(distinct.sorted { $0.code < $1.code })
    }

    /// The most parts (`matchParts`) a place answer is read by: a name, its county, its country,
    /// and another language's name.
    static let partsOfAPlace = 12

    /// A town's centre, `Kesklinn` (`Narva, Kesklinn`): a part that tells nothing of the place
    /// beside its name. Tallinn's district of that name is every Estonian town's centre too, so
    /// that alone it is no municipality (a probe's: it had been Tallinn without a word, and
    /// `Narva, Kesklinn` ambiguous); the district's own names, `Kesklinna linnaosa` and Russian
    /// `Кесклинн`, are Tallinn's.
    private static func isCityCentre(_ part: String) -> Bool {
        cityCentres.contains(TextKey.loose(part))
    }

    private static let cityCentres: Set<String> = Set(["Kesklinn", "Kesklinna",
                                                       "city centre", "city center", "центр", "центр города"].map { TextKey.loose($0) })

    /// Words that end the name of a county or region (`Ida-Viru maakond`, `Kauno apskritis`,
    /// `Harju county`), compared without diacritics.
    private static let regionWords: Set<String> = [
        "maakond", "apskritis", "apskr.", "county", "region", "regions", "reģions", "уезд", "область", "регион",
    ]

    /// Whether a part of a place answer names a county, a region or a country rather than a
    /// municipality: Estonia's counties in one word (`Ida-Virumaa`, `Ида-Вирумаа`), Latvia's
    /// historical regions, or a name ending in a word for a county.
    private static func isRegion(_ part: String) -> Bool {
        if RegionCountry.code(for: part) != nil { return true }
        let words = TextKey.loose(part).split(separator: " ").map(String.init)
        guard let last = words.last else { return false }
        if regionWords.contains(last) || regionWords.contains(TextKey.loose(last)) { return true }
        // Its letters written as `?` (`Latgales re?ions`, `S?lija`).
        if last.contains("?") && lostRegionWords.contains(last) { return true }
        return words.count == 1 && (last.hasSuffix("maa") || last.hasSuffix("маа")
            || latvianRegions.contains(last))
    }

    /// The words of a key, an abbreviation written against the next word split from it
    /// (`г.Нарва` is `г.` and `Нарва`).
    private static func words(_ key: String) -> [String] {
        key.split(separator: " ").flatMap { word -> [String] in
            guard let dot = word.firstIndex(of: "."), word.index(after: dot) != word.endIndex,
                  abbreviations[String(word[...dot])] != nil
            else { return [String(word)] }
            return [String(word[...dot]), String(word[word.index(after: dot)...])]
        }
    }

    /// `match`, or, where it finds none, `matchLostLetters`: a place stated above a sheet is read
    /// as a row's place is.
    public func matchAllowingLostLetters(_ written: String, country: String? = nil) -> Match {
        let found = match(written, country: country)
        return found == .none ? matchLostLetters(written, country: country) : found
    }

    /// A name whose letters the file's code page lacked, each written as `?` (Excel's "CSV"
    /// saved by a Windows set to Russian writes `J?el?htme vald`, `Kelm?s rajono savivaldyb?`):
    /// the municipality whose name or a variant has the same characters elsewhere (in any case)
    /// and a letter outside ASCII at each `?`, read by every rule of `match` (`Kohtla-J?rve l.`,
    /// `R?gas pils?tas dome`, `LV-1050 R?ga`, `J?hvi, Ida-Virumaa`); `country` narrows several, as
    /// in `match`. Only a text holding `?` and some other letter is tried.
    public func matchLostLetters(_ written: String, country: String? = nil) -> Match {
        guard written.contains("?"), written.contains(where: { $0.isLetter }) else { return .none }
        return Self.lostLettersTwin.match(written, country: country)
    }

    /// The gazetteer whose lookup reads names whose letters were written as `?`; built the
    /// first time one is read.
    private static let lostLettersTwin = Gazetteer(matchingLostLetters: true)

    /// The words of a key (`words`); in `lostLettersTwin`, a word whose letters were written as
    /// `?` that is one of the words the rules read (`pa?vald?ba`, `pils?tas`, `savivaldyb?s`) as
    /// that word, so that the rules read it.
    private func vocabularyWords(_ key: String) -> [String] {
        let words = Self.words(key)
        guard matchingLostLetters else { return words }
        // (By its key: a Western code page keeps `š` and loses `ī`, `pašvald?ba`.)
        return words.map { $0.contains("?") ? Self.lostVocabulary[KeyedLookup<Int>.lostLettersKey($0)] ?? $0 : $0 }
    }

    /// The words the rules read with a letter outside ASCII, by `KeyedLookup.lostLettersKey`,
    /// where one word alone has the key and letters of ASCII are most of it.
    private static let lostVocabulary: [String: String] = {
        let vocabulary = genericWords.union(townWords).union(kinds).union(abbreviations.keys).union(abbreviations.values)
            .union(englishKinds.keys).union(ownerWords).union(regionWords).union(departmentEndings).union(["savivaldybė"])
        var byKey: [String: Set<String>] = [:]
        for word in vocabulary where !word.unicodeScalars.allSatisfy(\.isASCII) {
            let key = KeyedLookup<Int>.lostLettersKey(word)
            if KeyedLookup<Int>.mayHaveLostLetters(key) { byKey[key, default: []].insert(word) }
        }
        return byKey.compactMapValues { $0.count == 1 ? $0.first : nil }
    }()

    private func resolve(_ match: KeyedLookup<Int>.Match, country: String?) -> Match {
        switch match {
        case .none:
            return .none
        case let .unique(index, _):
            return .unique(entries[index])
        case let .ambiguous(indexes):
            var found = indexes.map { entries[$0] }.sorted { $0.code < $1.code }
            if let country {
                let narrowed = found.filter { $0.country == country }
                if narrowed.count == 1 { return .unique(narrowed[0]) }
                if !narrowed.isEmpty { found = narrowed }
            }
            return .ambiguous(found)
        }
    }
}

/// The region's countries, recognised by ISO code or by name in the survey languages (names
/// generated with the gazetteer from pycountry's translations).
public enum RegionCountry {
    public static let codes = ["EE", "LV", "LT"]

    private static let lookup: KeyedLookup<String> = {
        var lookup = KeyedLookup<String>()
        for (code, names) in MunicipalityData.countryNames {
            lookup.insert(code, code)
            for name in names { lookup.insert(name, code) }
        }
        return lookup
    }()

    /// The ISO code of a country written as a code or a name, or nil.
    public static func code(for written: String) -> String? {
        if case let .unique(code, _) = lookup.match(written) { return code }
        return nil
    }
}
