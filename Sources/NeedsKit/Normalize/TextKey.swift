import Foundation

/// The keys labels and answers are compared by.
///
/// `exact`: Unicode NFC, case-folded, trimmed, inner white space collapsed to one space, invisible
/// characters (zero-width space, soft hyphen, direction marks: default-ignorable code points) left out,
/// typographic quotes, apostrophes and dashes as typed on a keyboard (`plainPunctuation`).
/// A text between quotes and holding none (`„Svarbu“`, `“Narva linn”`, `«Очень важно»`, typed in
/// Word and pasted into a sheet) is keyed as the text it encloses (`withoutEnclosingQuotes`).
/// `loose`: the same with diacritics removed, tried only when nothing matched exactly
/// (`ļoti svarigi` finds `Ļoti svarīgi`).
public enum TextKey {
    public static func exact(_ text: String) -> String {
        // ASCII needs no Unicode normalisation: lower-case and collapse spaces byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(withoutEnclosingQuotes(text)) }
        let folded = nfc(withoutEnclosingQuotes(text)).lowercased()
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            // Most letters of a name or label with a diacritic are ASCII, which needs no look-up
            // of Unicode's properties: its white space is tab to carriage return and space, and
            // none of it is default-ignorable (the gazetteer's keys, made at every start, spent a
            // fifth of their time in those look-ups).
            let isSpace: Bool
            if scalar.isASCII {
                isSpace = scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
            } else {
                if scalar.properties.isDefaultIgnorableCodePoint { continue }
                isSpace = scalar.properties.isWhitespace
            }
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(plainPunctuation(scalar))
            }
        }
        return out
    }

    /// The text in Unicode NFC, by the standard library's normaliser (the one its string
    /// comparison uses; `_nfcCodeUnits` is public but underscored, so a toolchain may rename it).
    /// Foundation's `precomposedStringWithCanonicalMapping` costs three times as much on Linux,
    /// where it goes through NSString and CFString and back (keying the gazetteer's names at the
    /// start of every run took most of its time there), and gives the same text except where it
    /// is wrong: it leaves a Hangul syllable and a trailing jamo apart and composes nothing after
    /// the Tibetan vowel sign U+0F73, which this does as Python's `unicodedata` does (`TextKeyTests`).
    static func nfc(_ text: String) -> String {
        String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// A typographic apostrophe, quote or dash as typed on a keyboard: a label a form tool got
    /// from Word or Google Docs (`people’s`, `“none”`, `«нет»`, `A – B`) is the XLSForm's
    /// (`people's`, `"none"`, `A - B`).
    static func plainPunctuation(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010...0x2015, 0x2212: return "-"
        default: return scalar
        }
    }

    /// The text inside a pair of double quotes or guillemets enclosing it all (white space around
    /// them aside), when no other double quote is inside; otherwise the text as it is.
    public static func withoutEnclosingQuotes(_ text: String) -> String {
        // Most texts start with a letter or digit: decided on the first byte, no copy.
        guard let lead = text.utf8.first, lead == UInt8(ascii: "\"") || lead >= 0x80 || lead <= 0x20 else {
            return text
        }
        let scalars = Array(text.unicodeScalars.drop { $0.isSpaceOrInvisible }.reversed()
            .drop { $0.isSpaceOrInvisible }.reversed())
        guard scalars.count >= 3, isDoubleQuote(scalars[0]), isDoubleQuote(scalars[scalars.count - 1]),
              !scalars[1..<(scalars.count - 1)].contains(where: isDoubleQuote) else { return text }
        var inner = String.UnicodeScalarView()
        inner.append(contentsOf: scalars[1..<(scalars.count - 1)])
        return String(inner)
    }

    private static func isDoubleQuote(_ scalar: Unicode.Scalar) -> Bool {
        plainPunctuation(scalar) == "\""
    }

    static func asciiKey(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for b in text.utf8 {
            if b == 0x20 || (0x09...0x0D).contains(b) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append((0x41...0x5A).contains(b) ? b | 0x20 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text without the markup an XLSForm label may be styled with, which KoboToolbox's
    /// labels export keeps and the other tools never show: HTML tags (`<span style="...">`,
    /// `</b>`) and Markdown's `*` emphasis. Nil when there is none (or nothing else). A tag is one
    /// of HTML's elements: a closing one (`</b>`), one with attributes (`<span style="...">`), an
    /// empty one (`<br>`, `<br/>`), or a bare opening one whose closing tag follows (`<b>...</b>`).
    /// A placeholder in angle brackets (`staff of <municipality>`, `<section>`, `<small groups>`)
    /// and a comparison (`< 5 years`) are text. A tag that breaks a line (`<br>`, `</p>`) leaves
    /// a space between the words it stood between.
    /// HTML's character references are read too (`Очень&nbsp;низкая`, `A &amp; B`, `&#8211;`): a
    /// label or answer pasted from a web page or an HTML editor.
    public static func withoutMarkup(_ text: String) -> String? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "&") }) else { return nil }
        var out = ""
        var rest = Substring(text)
        while let first = rest.first {
            if first == "*" {
                rest = rest.dropFirst()
                continue
            }
            if first == "&", let (character, after) = characterReference(rest) {
                out.unicodeScalars.append(character)
                rest = after
                continue
            }
            if first == "<", let (name, after) = htmlTag(rest) {
                if breakingElements.contains(name), let last = out.last, !last.isWhitespace { out.append(" ") }
                rest = after
                continue
            }
            out.append(first)
            rest = rest.dropFirst()
        }
        let plain = out.trimmingSpaces
        return plain.isEmpty || plain == text ? nil : plain
    }

    /// The character of the HTML character reference `text` starts with (at its `&`: `&nbsp;`,
    /// `&amp;`, `&#39;`, `&#x2013;`; a no-break space read as a space) and the text after it; nil
    /// when it starts with none of those (`A & B` is text).
    static func characterReference(_ text: Substring) -> (Unicode.Scalar, Substring)? {
        guard let semicolon = text.prefix(10).firstIndex(of: ";") else { return nil }
        let name = text[text.index(after: text.startIndex)..<semicolon]
        let after = text[text.index(after: semicolon)...]
        if let scalar = namedReferences[name] { return (scalar, after) }
        guard name.first == "#" else { return nil }
        var digits = name.dropFirst()
        let hex = digits.first == "x" || digits.first == "X"
        if hex { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && (hex ? $0.isHexDigit : $0.isNumber) }),
              var value = UInt32(digits, radix: hex ? 16 : 10) else { return nil }
        // 128 to 159 as Windows-1252 reads them, as HTML does (`&#150;` from Word is a dash).
        if (0x80...0x9F).contains(value), let scalar = CodePage.table(for: .windows1252)[Int(value) - 0x80] { value = scalar.value }
        // No control characters (a line break, an escape) into a label or an answer.
        guard value >= 0x20, value != 0x7F, !(0x80...0x9F).contains(value), let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar == "\u{A0}" ? " " : scalar, after)
    }

    /// HTML's named references that a label or answer pasted from a web page or Word holds.
    private static let namedReferences: [Substring: Unicode.Scalar] = [
        "nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "ndash": "\u{2013}", "mdash": "\u{2014}",
        "laquo": "\u{AB}", "raquo": "\u{BB}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "bdquo": "\u{201E}", "hellip": "\u{2026}", "shy": "\u{AD}",
    ]

    /// The HTML tag `text` starts with (at its `<`): the element's name, lowercased, and the text
    /// after the tag; nil when it starts with no tag (see `withoutMarkup`).
    private static func htmlTag(_ text: Substring) -> (String, Substring)? {
        let afterBracket = text.dropFirst()
        let closing = afterBracket.first == "/"
        let nameStart = closing ? afterBracket.dropFirst() : afterBracket
        let name = String(nameStart.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }).lowercased()
        guard htmlElements.contains(name) else { return nil }
        let afterName = nameStart.dropFirst(name.count)
        // The tag ends at its `>`, before any other `<`.
        guard let end = afterName.firstIndex(where: { $0 == ">" || $0 == "<" }), afterName[end] == ">" else { return nil }
        let inside = afterName[..<end].trimmingCharacters(in: .whitespaces)
        let after = afterName[afterName.index(after: end)...]
        let isTag: Bool
        if closing {
            isTag = inside.isEmpty
        } else if inside.isEmpty || inside == "/" {
            isTag = inside == "/" || emptyElements.contains(name) || after.lowercased().contains("</" + name)
        } else {
            // Attributes: after a space, with a value (`style="..."`); `<small groups>` has none.
            isTag = afterName.first?.isWhitespace == true && inside.contains("=")
        }
        return isTag ? (name, after) : nil
    }

    /// Elements with no content, and ones whose closing tag HTML lets a writer leave out
    /// (`<p>`, `<li>`): a tag without a closing one after it.
    private static let emptyElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "li", "link", "meta", "p", "param", "source", "track", "wbr",
    ]

    /// Elements that start a line: their tags part the words on either side.
    private static let breakingElements: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "tr", "td", "th", "table", "blockquote",
        "pre", "section", "article", "header", "footer", "center", "dd", "dt", "dl",
    ]

    /// HTML's elements (the HTML standard's, with `svg`, `math` and old ones such as `font` and
    /// `center`), whose tags a label's markup is made of (`withoutMarkup`).
    static let htmlElements: Set<String> = [
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "big", "blockquote",
        "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist",
        "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure",
        "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
        "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map",
        "mark", "marquee", "math", "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option",
        "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script",
        "search", "section", "select", "slot", "small", "source", "span", "strike", "strong", "style", "sub",
        "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time",
        "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
    ]

    public static func loose(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(text) }
        return loose(exactKey: exact(text))
    }

    /// `loose` of a text whose `exact` key is already made.
    static func loose(exactKey key: String) -> String {
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return key }
        return nfc(key.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil))
    }
}

extension TextKey {
    /// The keys, as `KeyedLookup.lostLettersKey` writes them, of those of `texts` with a letter
    /// outside ASCII and letters of ASCII still most of them (`atteicās` is `atteic?s`; Russian,
    /// all `?`, could be anything): the words a rule reads, for a text whose letters a code page
    /// lacked. `key` spells a text before its letters are written `?` (its exact key).
    static func lostLettersKeys(_ texts: [String], key: (String) -> String = { TextKey.exact($0) }) -> Set<String> {
        Set(texts.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }.map { KeyedLookup<Int>.lostLettersKey(key($0)) }
            .filter { KeyedLookup<Int>.mayHaveLostLetters($0) })
    }

    /// A text's key as `KeyedLookup.lostLettersKey` writes it, when the text may be one whose
    /// letters a code page lacked (it holds a `?`, and letters of ASCII are most of it); else nil.
    static func lostLettersKey(ifLost text: String, key: (String) -> String = { TextKey.exact($0) }) -> String? {
        guard text.utf8.contains(UInt8(ascii: "?")) else { return nil }
        let lost = KeyedLookup<Int>.lostLettersKey(key(text))
        return KeyedLookup<Int>.mayHaveLostLetters(lost) ? lost : nil
    }
}

/// A dictionary from text keys to values that answers exact matches first and diacritic-free
/// matches second, and tells a unique match from an ambiguous one.
public struct KeyedLookup<Value: Hashable & Sendable>: Sendable {
    private var exact: [String: Set<Value>] = [:]
    private var loose: [String: Set<Value>] = [:]
    /// By `lostLettersKey`: for a text whose letters a code page lacked, written as `?`.
    private var lost: [String: Set<Value>] = [:]
    /// Whether a text in two languages is matched by its parts (`matchHalves`).
    private let matchesHalves: Bool
    /// Whether a text whose letters were written as `?` is matched by `lostLettersKey`.
    private let matchesLostLetters: Bool
    /// The fewest letters of ASCII such a text must hold (`mayHaveLostLetters`).
    private let lostLettersMinimum: Int

    /// `matchesHalves: false` for a lookup whose user reads a text's parts by rules of its own;
    /// `matchesLostLetters: false` for one that reads lost letters by a rule of its own.
    /// `lostLettersMinimum`: 2 for a lookup of names, whose short ones (`N?o`, `?ru`) one letter
    /// outside ASCII at a place tells apart.
    public init(matchesHalves: Bool = true, matchesLostLetters: Bool = true, lostLettersMinimum: Int = 3) {
        self.matchesHalves = matchesHalves
        self.matchesLostLetters = matchesLostLetters
        self.lostLettersMinimum = lostLettersMinimum
    }

    public mutating func insert(_ text: String, _ value: Value) {
        insertKey(text, value)
        if let plain = TextKey.withoutMarkup(text) { insertKey(plain, value) }
    }

    private mutating func insertKey(_ text: String, _ value: Value) {
        let key = Self.key(text)
        guard !key.isEmpty else { return }
        exact[key, default: []].insert(value)
        loose[TextKey.loose(exactKey: key), default: []].insert(value)
        if !key.utf8.allSatisfy({ $0 < 0x80 }) { lost[Self.lostLettersKey(key), default: []].insert(value) }
    }

    /// An exact key with each character outside ASCII written `?`, as Excel's "CSV" writes each
    /// letter its code page lacks: Latvian `cik svarīga ir katra tēma jūsu darbā?` saved by a
    /// Windows set to Russian is `cik svar?ga ir katra t?ma j?su darb??`, and so is its key (a
    /// letter the code page has, Estonian `ö` in Windows-1252, is a `?` on both sides).
    static func lostLettersKey(_ key: String) -> String {
        String(String.UnicodeScalarView(key.unicodeScalars.map { $0.isASCII ? $0 : "?" }))
    }

    /// Whether a text may be one whose letters a code page lacked: it holds a `?` and more
    /// letters of ASCII than characters outside it and `?` (Russian whose letters were all
    /// lost, `??????`, is no longer anything's: its length alone would match).
    static func mayHaveLostLetters(_ key: String, minimum: Int = 3) -> Bool {
        guard key.utf8.contains(UInt8(ascii: "?")) else { return false }
        var letters = 0, marks = 0
        for scalar in key.unicodeScalars {
            if scalar.isASCII { if scalar.properties.isAlphabetic { letters += 1 } else if scalar == "?" { marks += 1 } } else { marks += 1 }
        }
        return letters >= minimum && letters > marks
    }

    public enum Match: Equatable, Sendable {
        case none
        case unique(Value, loose: Bool)
        case ambiguous([Value])
    }

    /// A label styled in one place and plain in the other (`**Very important**`, `<span
    /// style="color:red">Country</span>`) matches as written without the markup.
    /// `readingLostLetters: false` leaves the lost-letters reading out of a lookup that has it:
    /// for telling whether a text matched only through it.
    public func match(_ text: String, readingLostLetters: Bool = true) -> Match {
        let found = matchWhole(text, readingLostLetters: readingLostLetters)
        if found == .none, matchesHalves, let halves = matchHalves(text, readingLostLetters: readingLostLetters) { return halves }
        return found
    }

    /// The values whose text begins with `prefix` (exact keys, then without diacritics, then,
    /// for a prefix whose letters were written as `?`, by `lostLettersKey`), for a heading a
    /// tool cut short. A scan of every key: for a file's header, not for its answers.
    public func matchPrefix(_ prefix: String) -> Match {
        let key = Self.key(prefix)
        guard !key.isEmpty else { return .none }
        var tables = [(exact, false, key), (self.loose, true, TextKey.loose(exactKey: key))]
        if matchesLostLetters && Self.mayHaveLostLetters(key, minimum: lostLettersMinimum) { tables.append((lost, true, Self.lostLettersKey(key))) }
        for (table, loose, wanted) in tables {
            let found = table.filter { $0.key.hasPrefix(wanted) }.values.reduce(into: Set<Value>()) { $0.formUnion($1) }
            if !found.isEmpty { return Self.result(found, loose: loose) }
        }
        return .none
    }

    private func matchWhole(_ text: String, readingLostLetters: Bool = true) -> Match {
        if let found = exact[Self.key(text)] { return Self.result(found, loose: false) }
        if let found = loose[TextKey.loose(text)] { return Self.result(found, loose: true) }
        if let plain = TextKey.withoutMarkup(text) { return matchWhole(plain, readingLostLetters: readingLostLetters) }
        if matchesLostLetters, readingLostLetters, text.utf8.contains(UInt8(ascii: "?")) {
            let key = Self.key(text)
            if Self.mayHaveLostLetters(key, minimum: lostLettersMinimum), let found = lost[Self.lostLettersKey(key)] { return Self.result(found, loose: true) }
        }
        return .none
    }

    /// A text in two languages, `Riik / Страна`, `Väga oluline / Очень важно` (a Google or
    /// Microsoft form made bilingual with the instrument's labels): what its parts name, when
    /// every part names the same. Nil otherwise: `Teacher / social worker`, two answers or one
    /// of them unknown, is neither.
    private func matchHalves(_ text: String, readingLostLetters: Bool) -> Match? {
        // A look at the bytes for `/` first: most texts tried have none, and `contains` folds Unicode.
        guard text.utf8.contains(UInt8(ascii: "/")), text.contains(" / ") else { return nil }
        var found: Match? = nil
        for part in text.components(separatedBy: " / ") {
            let match = matchWhole(part, readingLostLetters: readingLostLetters)
            switch (found, match) {
            case (_, .none): return nil
            case (nil, _): found = match
            case let (.unique(value, loose)?, .unique(other, otherLoose)) where value == other:
                found = .unique(value, loose: loose || otherLoose)
            case let (.ambiguous(values)?, .ambiguous(others)) where Set(values) == Set(others): continue
            default: return nil
            }
        }
        return found
    }

    /// The exact key of a label or answer, Russian ё read as е: ordinary Russian text writes
    /// е for it, so `Партнерства` is the form's `Партнёрства` as written, not once marks are
    /// set aside.
    static func key(_ text: String) -> String {
        let key = TextKey.exact(text)
        guard key.unicodeScalars.contains("\u{0451}") else { return key }
        return String(String.UnicodeScalarView(key.unicodeScalars.map { $0 == "\u{0451}" ? "\u{0435}" : $0 }))
    }

    private static func result(_ values: Set<Value>, loose: Bool) -> Match {
        if values.count == 1 { return .unique(values.first!, loose: loose) }
        return .ambiguous(Array(values))
    }
}
