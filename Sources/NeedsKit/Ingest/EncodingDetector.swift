/// Decides the text encoding of an export from a sample of its first bytes.
///
/// Order of evidence: a byte-order mark; a NUL-byte pattern (UTF-16 without a mark); valid UTF-8
/// (checked before any statistics, so a short UTF-8 file is never taken for a code page); plain
/// ASCII; and only then a score of each single-byte code page against the letters of the region's
/// languages (Estonian, Latvian, Lithuanian, Russian, Ukrainian).
///
///     let guess = EncodingDetector.detect(sample: Array("Šalis;Savivaldybė\n".utf8))
///     // guess.encoding == .utf8, guess.evidence == .validUTF8
public enum EncodingDetector {
    /// Code pages tried by the statistical step, in order of preference on equal scores: Excel on a
    /// Baltic Windows writes Windows-1257, which reads Baltic letters exactly as ISO-8859-13 does;
    /// ISO-8859-4 (older Baltic systems) puts most of them elsewhere, and reads Estonian's õ ä ö ü
    /// as the others do, so it comes after them; code page 775 (old DOS tools) puts them at
    /// control codes and box drawing of the others; code page 866 (Russian DOS, Excel's "CSV
    /// (MS-DOS)" on a Russian Windows) puts Cyrillic where Windows-1251 has its punctuation.
    static let codePageCandidates: [TextEncoding] = [
        .windows1257, .iso8859_13, .windows1251, .koi8r, .windows1252, .iso8859_4, .cp775, .cp866,
    ]

    /// - Parameters:
    ///   - sample: the first bytes of the file.
    ///   - isWholeFile: whether the sample is the whole file (a cut-off UTF-8 sequence at its end is
    ///     then an error, not an artefact of sampling).
    public static func detect(sample: [UInt8], isWholeFile: Bool = false) -> DetectedEncoding {
        if let bom = detectBOM(sample), bom.encoding != .utf8 {
            // A UTF-16 mark before text without a NUL byte (an editor's label on a file it did
            // not convert, a UTF-8 file with its first two bytes lost): no text of the region in
            // UTF-16 has none, as its delimiters, digits and line ends are ASCII. The text decides.
            let text = Array(sample.dropFirst(bom.bomLength))
            let head = text.prefix(4096)
            if head.count >= 16 && !head.contains(0) {
                var detected = detect(sample: text, isWholeFile: isWholeFile)
                detected.bomLength = bom.bomLength
                detected.markContradicted = true
                detected.contradictedMark = bom.encoding
                return detected
            }
            // The mark of one byte order before text in the other (its NULs where the other's
            // ASCII bytes would be): the text's NULs decide, as they do without a mark.
            if let pattern = detectUTF16WithoutBOM(text), pattern.encoding != bom.encoding {
                var detected = pattern
                detected.bomLength = bom.bomLength
                detected.markContradicted = true
                detected.contradictedMark = bom.encoding
                return detected
            }
            return bom
        }
        if let bom = detectBOM(sample) {
            // A UTF-8 mark before text that is not UTF-8 (a header written by one tool, the rows
            // by another; an editor's label on a file it did not convert): the text decides.
            guard bom.encoding == .utf8 else { return bom }
            let text = Array(sample.dropFirst(bom.bomLength))
            let valid = text.withUnsafeBytes {
                UTF8Validation.firstInvalidOffset(in: $0, allowTruncatedEnd: !isWholeFile) == nil
            }
            if valid { return bom }
            if isMostlyUTF8(text) {
                var marked = bom
                marked.notUTF8CodePage = notUTF8CodePage(in: text)
                return marked
            }
            var detected = detect(sample: text, isWholeFile: isWholeFile)
            detected.bomLength = bom.bomLength
            detected.markContradicted = true
            detected.contradictedMark = .utf8
            return detected
        }
        if let utf16 = detectUTF16WithoutBOM(sample) { return utf16 }
        let validity = sample.withUnsafeBytes { raw -> (ascii: Bool, valid: Bool) in
            if UTF8Validation.isASCII(raw) { return (true, true) }
            return (false, UTF8Validation.firstInvalidOffset(in: raw, allowTruncatedEnd: !isWholeFile) == nil)
        }
        if validity.ascii { return DetectedEncoding(encoding: .utf8, evidence: .ascii) }
        if validity.valid { return DetectedEncoding(encoding: .utf8, evidence: .validUTF8) }
        // UTF-8 with a few damaged bytes (an e-mail client, a bad copy): read as UTF-8 and report
        // the damage, rather than turn every letter into a code page's guess.
        if isMostlyUTF8(sample) {
            var mostly = DetectedEncoding(encoding: .utf8, evidence: .mostlyUTF8)
            mostly.notUTF8CodePage = notUTF8CodePage(in: sample)
            return mostly
        }
        let ranking = rankCodePages(for: sample)
        var detected = DetectedEncoding(encoding: ranking.best, evidence: .statistical)
        if let runnerUp = ranking.runnerUp, ranking.margin < thinEvidenceMargin { detected.closeAlternative = runnerUp }
        return detected
    }

    /// Code pages seldom met today (code pages 775 and 866 of old DOS tools), which read Western letters
    /// as Baltic ones (è é î as Ķ ķ Ņ): chosen only when they read the sample clearly better
    /// than the others, by `rarityPenalty` points.
    static let rareCodePages: Set<TextEncoding> = [.cp775, .cp866]
    static let rarityPenalty = 10

    /// A lead smaller than this (about six letters' worth) over a code page reading the sample
    /// differently is a guess worth a diagnostic.
    static let thinEvidenceMargin = 20

    /// UTF-8, but for some runs of bytes that are not: rows typed in another program (an analyst's
    /// rows appended in Notepad or Excel on a Baltic Windows), or a few damaged bytes. Either valid
    /// multi-byte sequences outnumber invalid bytes four to one, or at least as many lines hold
    /// UTF-8 letters (and nothing invalid) as hold bytes that are not UTF-8, two lines or more.
    ///
    /// Lines, not bytes, because a row typed in a code page brings a byte per letter, a UTF-8
    /// file may have few letters, and one field of Russian free text would outweigh them all. A
    /// true code-page file is never near the threshold: a line of it is valid UTF-8 only if
    /// every one of its bytes above ASCII happens to pair up (an upper-case letter before a
    /// symbol in Windows-1257 or 1251, a letter before ё in KOI8-R), and the characters such a
    /// pair makes are seldom the region's (`ӣ` for KOI8-R's `сё`, `£` for `бё`), which are all
    /// that count. Reading UTF-8 with the rest in a code page (`ParseState.settleFields`) loses
    /// nothing the code page would read; the other way, every UTF-8 letter would be garbled.
    ///
    /// Or the first line holding bytes above ASCII is UTF-8 with two of the region's characters
    /// or more (a header of a UTF-8 download, the rows below typed in Excel on a Baltic Windows):
    /// read in the code page for its many lines, the header's every letter was garbled and no
    /// column matched the form. A code-page line is valid UTF-8 only by a chance pairing of its
    /// bytes, seldom more than a word's (`РІ`, read `в`).
    static func isMostlyUTF8(_ sample: [UInt8]) -> Bool {
        let evidence = utf8Evidence(sample)
        if evidence.validSequences >= 2 && evidence.validSequences >= 4 * evidence.invalidBytes { return true }
        if evidence.firstLineRegional >= 2 { return true }
        return evidence.validLines >= 2 && evidence.validLines >= evidence.invalidLines
    }

    /// What the runs of bytes above ASCII of a sample are: valid UTF-8 (its sequences; lines
    /// holding a region's character and nothing invalid) or not (its bytes; lines holding any).
    struct UTF8Evidence: Equatable {
        var validSequences = 0
        var invalidBytes = 0
        var validLines = 0
        var invalidLines = 0
        /// The region's characters on the first line with bytes above ASCII, when that line is
        /// valid UTF-8 (0 when it is not).
        var firstLineRegional = 0
    }

    static func utf8Evidence(_ sample: [UInt8]) -> UTF8Evidence {
        var evidence = UTF8Evidence()
        var lineValid = false, lineInvalid = false
        var lineRegional = 0, lineHigh = false, firstLineSeen = false
        func endLine() {
            if lineInvalid { evidence.invalidLines += 1 } else if lineValid { evidence.validLines += 1 }
            if lineHigh && !firstLineSeen {
                firstLineSeen = true
                evidence.firstLineRegional = lineInvalid ? 0 : lineRegional
            }
            lineValid = false
            lineInvalid = false
            lineRegional = 0
            lineHigh = false
        }
        sample.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                let byte = raw[i]
                if byte < 0x80 {
                    if byte == 0x0A || byte == 0x0D { endLine() }
                    i += 1
                    continue
                }
                var end = i
                lineHigh = true
                while end < raw.count && raw[end] >= 0x80 { end += 1 }
                let run = UnsafeRawBufferPointer(rebasing: raw[i..<end])
                // A run cut by the end of the sample is judged on what there is.
                if UTF8Validation.firstInvalidOffset(in: run, allowTruncatedEnd: end == raw.count) == nil {
                    for scalar in String(decoding: run, as: UTF8.self).unicodeScalars {
                        evidence.validSequences += 1
                        if isRegionalCharacter(scalar) { lineValid = true; lineRegional += 1 }
                    }
                } else {
                    evidence.invalidBytes += run.count
                    lineInvalid = true
                }
                i = end
            }
        }
        endLine()
        return evidence
    }

    /// Characters text of the region writes: its letters and Latin-1's, Cyrillic, and the
    /// punctuation Word and Excel put in (quotes, dashes, ellipsis, €, №, a no-break space).
    static func isRegionalCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if regionalLetters.contains(scalar) || isCyrillic(scalar) { return true }
        if (0xC0...0xFF).contains(scalar.value) { return scalar != "×" && scalar != "÷" }
        switch scalar {
        case "«", "»", "„", "“", "”", "‘", "’", "–", "—", "…", "€", "№", "\u{A0}", "•", "°": return true
        default: return false
        }
    }

    /// The code page for the runs of a mostly UTF-8 text that are not UTF-8: the one reading
    /// those runs, with the letters around them, most like the region's languages (Windows-1257
    /// for Baltic letters, 1251 for Cyrillic). Nil when every run is valid.
    /// `isWhole`: the text is not cut off (a field, not a sample), so a sequence unfinished at
    /// its end is not UTF-8 either.
    static func notUTF8CodePage(in text: [UInt8], isWhole: Bool = false) -> TextEncoding? {
        guard let pieces = notUTF8Pieces(text, isWhole: isWhole) else { return nil }
        return bestCodePage(for: pieces)
    }

    /// The code page for the runs of one field of a mostly UTF-8 text that are not UTF-8: the
    /// file's (`prior`, from the sample or the first such field) unless it reads them as no text
    /// (a score of zero or less: `Narva-Jхesuu`, `Íŕđâŕ`) and another reads them better, as when
    /// rows were typed on two Windows (an Estonian one's in Windows-1257, a Russian one's in 1251).
    /// A field's few letters are thin evidence, so the file's code page stands wherever it reads
    /// them as text at all, or another reads them better by less than a letter's worth
    /// (`fieldCodePageMargin`: an initial alone, `И.`, is no text in any code page, and KOI8-R's
    /// `х.` scored a point above it).
    static func notUTF8CodePage(in field: [UInt8], prior: TextEncoding?) -> TextEncoding? {
        guard let prior else { return notUTF8CodePage(in: field, isWhole: true) }
        guard let pieces = notUTF8Pieces(field, isWhole: true) else { return prior }
        let priorScore = score(pieces, as: prior)
        guard priorScore <= 0 else { return prior }
        let ranking = rankCodePages(for: pieces)
        return ranking.bestScore - priorScore >= fieldCodePageMargin ? ranking.best : prior
    }

    /// How much better than the file's code page another must read a field for the field to be
    /// read in it: a letter's worth (a lower-case letter of the region scores 3, a letter of
    /// another script beside it −4).
    static let fieldCodePageMargin = 4

    /// The runs of `text` that are not UTF-8, each with the letters of its word, one a line.
    private static func notUTF8Pieces(_ text: [UInt8], isWhole: Bool) -> [UInt8]? {
        var pieces: [UInt8] = []
        text.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                guard raw[i] >= 0x80 else { i += 1; continue }
                var end = i
                while end < raw.count && raw[end] >= 0x80 { end += 1 }
                let run = UnsafeRawBufferPointer(rebasing: raw[i..<end])
                if UTF8Validation.firstInvalidOffset(in: run, allowTruncatedEnd: !isWhole && end == raw.count) != nil {
                    // The word around the run: its letters tell a word from symbols.
                    var from = i, to = end
                    while from > 0, i - from < 24, isASCIILetter(raw[from - 1]) { from -= 1 }
                    while to < raw.count, to - end < 24, isASCIILetter(raw[to]) || raw[to] >= 0x80 { to += 1 }
                    // Each on a line of its own: the runs are of different fields.
                    if !pieces.isEmpty { pieces.append(0x0A) }
                    pieces += raw[from..<to]
                    end = to
                }
                i = end
            }
        }
        return pieces.isEmpty ? nil : pieces
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func detectBOM(_ bytes: [UInt8]) -> DetectedEncoding? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DetectedEncoding(encoding: .utf8, evidence: .bom, bomLength: 3)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DetectedEncoding(encoding: .utf16LE, evidence: .bom, bomLength: 2)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DetectedEncoding(encoding: .utf16BE, evidence: .bom, bomLength: 2)
        }
        return nil
    }

    /// Text in UTF-16 has a NUL in nearly every other byte when it is mostly Latin or punctuation.
    /// Mostly Cyrillic text has fewer (its letters' high byte is 0x04): there the high bytes are
    /// still nearly all those of the region's blocks, with the NULs of the delimiters, digits and
    /// line ends among them, which single-byte text, holding no NULs, never shows.
    static func detectUTF16WithoutBOM(_ bytes: [UInt8]) -> DetectedEncoding? {
        let pairs = min(bytes.count, 4096) / 2
        guard pairs >= 4 else { return nil }
        var zeros = (even: 0, odd: 0)
        var regional = (even: 0, odd: 0)
        for k in 0..<pairs {
            let (even, odd) = (bytes[2 * k], bytes[2 * k + 1])
            if even == 0 { zeros.even += 1 }
            if odd == 0 { zeros.odd += 1 }
            if isRegionalHighByte(even) { regional.even += 1 }
            if isRegionalHighByte(odd) { regional.odd += 1 }
        }
        func highBytes(zeros: Int, regional: Int, otherZeros: Int) -> Bool {
            guard otherZeros * 20 < pairs else { return false }
            return zeros * 10 >= pairs * 4 || (zeros * 20 >= pairs && regional * 20 >= pairs * 19)
        }
        if highBytes(zeros: zeros.odd, regional: regional.odd, otherZeros: zeros.even) {
            return DetectedEncoding(encoding: .utf16LE, evidence: .nulPattern)
        }
        if highBytes(zeros: zeros.even, regional: regional.even, otherZeros: zeros.odd) {
            return DetectedEncoding(encoding: .utf16BE, evidence: .nulPattern)
        }
        return nil
    }

    /// The high byte of a UTF-16 unit of the region's text: ASCII and Latin-1 (õ ä ö ü), Latin
    /// Extended-A (the Baltic letters), Cyrillic, punctuation (dashes, quotes, €, №).
    private static func isRegionalHighByte(_ byte: UInt8) -> Bool {
        byte == 0x00 || byte == 0x01 || byte == 0x04 || byte == 0x20 || byte == 0x21
    }

    /// The code page whose reading of the high bytes looks most like the region's languages.
    static func bestCodePage(for sample: [UInt8]) -> TextEncoding { rankCodePages(for: sample).best }

    /// The best code page, and the best of those reading the sample's high bytes differently
    /// (Windows-1257 and ISO-8859-13 read Baltic letters alike) with its distance in score.
    /// `bestScore`: the best one's score, less the rarity penalty where it has one.
    static func rankCodePages(for sample: [UInt8]) -> (best: TextEncoding, bestScore: Int, runnerUp: TextEncoding?, margin: Int) {
        let scored = codePageCandidates.map { candidate in
            (candidate, score(sample, as: candidate) - (rareCodePages.contains(candidate) ? rarityPenalty : 0))
        }
        // Ties go to the earlier candidate.
        let best = scored.max { a, b in a.1 < b.1 || (a.1 == b.1 && index(of: a.0) > index(of: b.0)) }!
        var highBytes = [Bool](repeating: false, count: 128)
        for byte in sample where byte >= 0x80 { highBytes[Int(byte) - 0x80] = true }
        let bestTable = CodePage.table(for: best.0)
        // ISO-8859-4 differs from Windows-1257 in Estonian only by š and ž, rare letters: as a
        // runner-up it would call most Estonian guesses thin. It is named only when it wins.
        // A code page scoring below zero reads the bytes as more symbols than letters (`people▓s`
        // in KOI8-R, `peopleÆs` in code page 775, where Windows-1257, 1251 and 1252 all read
        // `people’s`): no reading nearly as good, however few the bytes, so not named either; a
        // file whose only such byte was an apostrophe got a note suggesting --encoding koi8-r.
        let others = scored.filter { candidate in
            guard candidate.0 != .iso8859_4, candidate.1 > 0 else { return false }
            let table = CodePage.table(for: candidate.0)
            return (0..<128).contains { highBytes[$0] && table[$0] != bestTable[$0] }
        }
        guard let runnerUp = others.max(by: { $0.1 < $1.1 }) else { return (best.0, best.1, nil, Int.max) }
        return (best.0, best.1, runnerUp.0, best.1 - runnerUp.1)
    }

    private static func index(of encoding: TextEncoding) -> Int { codePageCandidates.firstIndex(of: encoding) ?? 0 }

    /// Scores the characters a code page gives the sample's non-ASCII bytes. Letters of the
    /// region's alphabets score high, lower case above upper case (running text is mostly lower
    /// case, which tells Windows-1251 from KOI8-R); an upper-case letter right after a lower-case
    /// one, a letter of another script inside a word, control characters and unassigned bytes
    /// score low.
    static func score(_ sample: [UInt8], as encoding: TextEncoding) -> Int {
        let traits = ByteTraits.table(for: encoding)
        return traits.withUnsafeBufferPointer { traits in
            sample.withUnsafeBufferPointer { sample in score(sample, traits) }
        }
    }

    private static func score(_ sample: UnsafeBufferPointer<UInt8>, _ traits: UnsafeBufferPointer<ByteTraits>) -> Int {
        var total = 0
        // What the byte before and after the current one stand for (no character before the first).
        func at(_ i: Int) -> ByteTraits { i >= 0 && i < sample.count ? traits[Int(sample[i])] : .none }
        // The languages whose own letters the field holds (bits of `languageOfLetter`); a field
        // ends at a line end or any of the delimiters, `|` too (the dialect is not known yet).
        var fieldLanguages: UInt8 = 0
        // The word (run of letters) the byte stands in ends before `wordEnd`; whether all its
        // letters are Cyrillic: looked at once per word, at its first letter, by byte (each
        // byte's kind in this code page: 0 no letter, 1 a Latin or other letter, 2 Cyrillic).
        var wordEnd = 0
        var wordIsCyrillic = false
        for i in 0..<sample.count {
            let byte = sample[i]
            let t = traits[Int(byte)]
            if i >= wordEnd, t.letterKind != 0 {
                wordEnd = i
                wordIsCyrillic = true
                while wordEnd < sample.count {
                    let next = traits[Int(sample[wordEnd])].letterKind
                    if next == 0 { break }
                    if next == 1 { wordIsCyrillic = false }
                    wordEnd += 1
                }
            }
            if byte == 0x0A || byte == 0x0D || byte == 0x3B || byte == 0x2C || byte == 0x09 || byte == 0x7C {
                total += mixedLanguagesPenalty(fieldLanguages)
                fieldLanguages = 0
            }
            if byte >= 0x80 {
                total += Int(t.weight)
                fieldLanguages |= t.languages
                let (before, after) = (at(i - 1), at(i + 1))
                // Inside a Cyrillic word: how common the letter is, whatever its case; and a word
                // in capitals (`НАРВА`, `ФИО`) as one in lower case. Windows-1251 and KOI8-R put
                // one's capitals where the other's small letters are, so the preference for lower
                // case read every word in capitals in the other (`мюпбю`), without a note. Not in
                // a word of Latin letters too: Estonian `ää`, `öö` and `üü` are `дд`, `цц` and
                // `ьь` in Windows-1251 (`Ддremaa`), no Russian.
                if wordIsCyrillic, t.cyrillic, before.cyrillic || after.cyrillic {
                    total += Int(t.cyrillicFrequency)
                    // (After the word's first letter: lower case still wins a tie.)
                    if t.uppercase && before.cyrillic && before.uppercase { total += 1 }
                }
                // A quote opening or closing a word (`„Rīga“`), an ellipsis ending one: where
                // another code page reads the same bytes as letters (code page 775: `äRīgaō`,
                // `labiģ`), the punctuation wins.
                if t.boundaryPunctuation, before.wordCharacter != after.wordCharacter { total += 3 }
                // A letter standing alone between non-letters is rarely a word of its own.
                if t.alphabetic, !before.alphabetic, !after.alphabetic { total -= 4 }
                // ļ or ģ, whose bytes ISO-8859-4 reads as ī and ė, between two consonants or after
                // one at a word's end (`Rļga`, `savivaldybģ` for `Rīga`, `savivaldybė`): hardly a
                // word of the region's is so spelt, and without this the two readings tie. (Not ž,
                // ISO-8859-4's ū: Lithuanian `apžvalga`, `veržlus`, Estonian `kolledž`, Latvian
                // `menedžments` are; a reviewer's Estonian file of 300 rows had gone to ISO-8859-4
                // over one `kolledž`.)
                if t.vowelInLatin4, i > 0, Self.isASCIIConsonant(sample[i - 1]),
                   i + 1 == sample.count || Self.isASCIIConsonant(sample[i + 1]) || !after.wordCharacter {
                    total -= 4
                }
                // ž between a word's first letter, a consonant, and another consonant (`Jžrmala`
                // for `Jūrmala`): no word of the region's starts so.
                if t.vowelInLatin4AtWordStart, i > 0, Self.isASCIIConsonant(sample[i - 1]),
                   i == 1 || !Self.isWordByte(sample[i - 2]), i + 1 < sample.count, Self.isASCIIConsonant(sample[i + 1]) {
                    total -= 4
                }
            }
            if i > 0, byte >= 0x80 || sample[i - 1] >= 0x80 {
                total += pairPenalty(traits[Int(sample[i - 1])], t)
            }
            // Letters of one script in a run: Cyrillic words are runs of high bytes, while the
            // region's Latin alphabets put a diacritic between plain letters (`ää` is common,
            // three in a row is not). So `Нарва` in Windows-1251 is not `Ķąšāą` in 1257.
            if byte >= 0x80, i > 0, sample[i - 1] >= 0x80, t.alphabetic {
                let previous = traits[Int(sample[i - 1])]
                if previous.alphabetic {
                    if t.cyrillic && previous.cyrillic {
                        total += 1
                    } else if !t.cyrillic && !previous.cyrillic, i > 1, sample[i - 2] >= 0x80 {
                        let first = traits[Int(sample[i - 2])]
                        if first.alphabetic && !first.cyrillic { total -= 3 }
                    }
                }
            }
        }
        return total + mixedLanguagesPenalty(fieldLanguages)
    }

    /// What scoring asks of the character a byte stands for in a code page, answered once per
    /// code page and byte: detection scores every byte of a sample (up to 1 MiB) in every
    /// candidate, and asking Unicode for each character's properties every time took two seconds
    /// for a Windows-1251 file of Russian answers.
    private struct ByteTraits {
        /// False for a byte the code page leaves unassigned (`weight` is then −20, the rest false).
        var assigned = false
        var alphabetic = false
        var lowercase = false
        var uppercase = false
        var cyrillic = false
        /// A letter or a digit.
        var wordCharacter = false
        var boundaryPunctuation = false
        /// 0 no letter, 1 a Latin or other letter, 2 a Cyrillic one.
        var letterKind: UInt8 = 0
        var weight: Int8 = -20
        var languages: UInt8 = 0
        var cyrillicFrequency: Int8 = 0
        /// ļ ģ (either case): consonants whose bytes ISO-8859-4 reads as vowels (ī ė).
        var vowelInLatin4 = false
        /// ž (either case), whose byte ISO-8859-4 reads as ū: looked at as a word's second letter only.
        var vowelInLatin4AtWordStart = false

        /// No character: before the first byte, after the last, or an unassigned byte.
        static let none = ByteTraits()

        init() {}

        init(_ scalar: Unicode.Scalar) {
            let props = scalar.properties
            assigned = true
            alphabetic = props.isAlphabetic
            lowercase = props.isLowercase
            uppercase = props.isUppercase
            cyrillic = EncodingDetector.isCyrillic(scalar)
            wordCharacter = EncodingDetector.isWordCharacter(scalar)
            boundaryPunctuation = EncodingDetector.isWordBoundaryPunctuation(scalar)
            letterKind = !alphabetic ? 0 : cyrillic ? 2 : 1
            weight = Int8(EncodingDetector.weight(of: scalar))
            languages = EncodingDetector.languageOfLetter(scalar)
            cyrillicFrequency = Int8(EncodingDetector.cyrillicFrequency(scalar))
            vowelInLatin4 = "ļĻģĢ".unicodeScalars.contains(scalar)
            vowelInLatin4AtWordStart = scalar == "ž" || scalar == "Ž"
        }

        private static let tables: [TextEncoding: [ByteTraits]] = {
            var tables: [TextEncoding: [ByteTraits]] = [:]
            for encoding in TextEncoding.allCases where encoding.isSingleByte {
                let high = CodePage.table(for: encoding)
                tables[encoding] = (0..<256).map { byte in
                    guard byte >= 0x80 else { return ByteTraits(Unicode.Scalar(UInt8(byte))) }
                    return high[byte - 0x80].map(ByteTraits.init) ?? .none
                }
            }
            return tables
        }()

        /// Every byte's traits in `encoding`, a single-byte code page.
        static func table(for encoding: TextEncoding) -> [ByteTraits] {
            if let table = tables[encoding] { return table }
            // Not a code page: every byte above ASCII is read as no character.
            return (0..<256).map { $0 < 0x80 ? ByteTraits(Unicode.Scalar(UInt8($0))) : .none }
        }
    }

    /// How common a Cyrillic letter is in Russian text (either case): the ten most common 2, the
    /// next twelve 1, the rarest eleven −1 (Ukrainian і ї є ґ 0).
    private static func cyrillicFrequency(_ scalar: Unicode.Scalar) -> Int {
        let index = Int(scalar.value) - 0x0400
        return index >= 0 && index < cyrillicFrequencies.count ? Int(cyrillicFrequencies[index]) : 0
    }

    /// `cyrillicFrequency` for U+0400–U+045F, both cases (a look-up: detection scores every
    /// byte of a sample in every code page).
    private static let cyrillicFrequencies: [Int8] = {
        var table = [Int8](repeating: 0, count: 0x60)
        for (letters, value) in [("оеаинтсрвл", 2), ("кмдпуяыьгзбч", 1), ("йхжшюцщэфъё", -1)] as [(String, Int8)] {
            for letter in letters.unicodeScalars {
                table[Int(letter.value) - 0x0400] = value
                for upper in letter.properties.uppercaseMapping.unicodeScalars { table[Int(upper.value) - 0x0400] = value }
            }
        }
        return table
    }()

    /// Letters only Estonian (õ), only Latvian (ā ē ģ ī ķ ļ ņ) or only Lithuanian (ą ę ė į ų)
    /// writes: bit 0, 1 and 2.
    private static func languageOfLetter(_ scalar: Unicode.Scalar) -> UInt8 {
        switch scalar {
        case "õ", "Õ": return 1
        case "ā", "ē", "ģ", "ī", "ķ", "ļ", "ņ", "Ā", "Ē", "Ģ", "Ī", "Ķ", "Ļ", "Ņ": return 2
        case "ą", "ę", "ė", "į", "ų", "Ą", "Ę", "Ė", "Į", "Ų": return 4
        default: return 0
        }
    }

    /// A field (an answer, a place, a name) holds one language's letters; the letters of two of
    /// the Baltic languages in one field are what Windows-1257 makes of Western Latin-1 letters
    /// (Windows-1252's `José and François` reads `Josė and Franēois`): each such field counts
    /// against the reading, by about two letters' worth. (A row may well mix them: a form in
    /// Estonian answered in Lithuanian municipalities.)
    private static func mixedLanguagesPenalty(_ languages: UInt8) -> Int {
        languages & (languages &- 1) != 0 ? -8 : 0
    }

    private static let regionalLetters: Set<Unicode.Scalar> = {
        let letters = "õäöüšžāčēģīķļņūąęėįųÕÄÖÜŠŽĀČĒĢĪĶĻŅŪĄĘĖĮŲ"
        return Set(letters.unicodeScalars)
    }()

    private static func isWordBoundaryPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "„", "“", "”", "«", "»", "‚", "‘", "’", "…": return true
        default: return false
        }
    }

    private static func isWordCharacter(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s.properties.isAlphabetic || ("0"..."9").contains(s)
    }

    static func isCyrillic(_ s: Unicode.Scalar) -> Bool {
        (0x0400...0x045F).contains(s.value) || s.value == 0x0490 || s.value == 0x0491
    }

    private static func weight(of scalar: Unicode.Scalar?) -> Int {
        guard let scalar else { return -20 }
        if (0x80...0x9F).contains(scalar.value) { return -20 }
        let props = scalar.properties
        if regionalLetters.contains(scalar) || isCyrillic(scalar) {
            return props.isLowercase ? 3 : 2
        }
        // Latin letters of other languages than the region's and Western Europe's (Polish `ń ś ź
        // ż ć ł`, Latgalian `ō ŗ`), which Windows-1257 reads Windows-1252's `ñ ú ê û ã` and `ô`
        // as: a reading full of them is no reading of the region's text. (French `œ`, which
        // Windows-1252 has, is Western.)
        // Icelandic and Nordic letters, what Windows-1252 makes of Windows-1257's š ž ų ę (and
        // their capitals): `Ðalis`, `Këdainiø` are no reading of the region's text either.
        switch scalar {
        case "œ", "Œ", "Ÿ": break
        case "ð", "þ", "ø", "æ", "Ð", "Þ", "Ø", "Æ": return -2
        default: if (0x0100...0x017F).contains(scalar.value) { return -2 }
        }
        if props.isAlphabetic { return props.isLowercase ? 1 : 0 }
        switch scalar {
        case "«", "»", "„", "“", "”", "–", "—", "€", "’", "‘", "°", "№", "\u{A0}", "…", "£", "§", "©", "®":
            return 1
        default:
            return -3
        }
    }

    /// An ASCII letter that is no vowel of the region's languages (`y` is Lithuanian's).
    private static func isASCIIConsonant(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        guard lower >= 0x61 && lower <= 0x7A else { return false }
        return !"aeiouy".utf8.contains(lower)
    }

    /// A byte of a word: an ASCII letter, or any byte above ASCII (a letter of a code page).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private static func pairPenalty(_ a: ByteTraits, _ b: ByteTraits) -> Int {
        guard a.alphabetic, b.alphabetic else { return 0 }
        var penalty = 0
        if a.lowercase && b.uppercase { penalty -= 3 }
        if a.cyrillic != b.cyrillic { penalty -= 4 }
        return penalty
    }
}

/// UTF-8 opened as a code page and saved again as UTF-8 (Excel opening a CSV without a BOM in
/// the Windows code page, then "CSV UTF-8"): valid UTF-8 whose letters are the code page's
/// readings of UTF-8 bytes (`РЎС‚СЂР°РЅР°` for `Страна`, `JÃµhvi` for `Jõhvi`).
struct DoubleEncoding: Equatable {
    /// The code page the text went through.
    var encoding: TextEncoding
    /// The line of the first garbled word, that word, and the word as it was.
    var line: Int
    var garbled: String
    var original: String

    /// Code pages Excel reads a CSV in on the region's Windows.
    static let candidates: [TextEncoding] = [.windows1251, .windows1257, .windows1252]

    /// What the start of `utf8` (valid UTF-8, at most `limit` bytes looked at) went through, when
    /// three in five of its non-ASCII characters, and three words or more, read as UTF-8 bytes.
    static func find(in utf8: [UInt8], limit: Int = 1 << 16) -> DoubleEncoding? {
        let text = String(decoding: utf8.prefix(limit), as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        let nonASCII = scalars.reduce(0) { $0 + ($1.value >= 0x80 ? 1 : 0) }
        guard nonASCII >= 6 else { return nil }
        var best: (encoding: TextEncoding, explained: Int, first: Int)? = nil
        for encoding in candidates {
            let bytes = inverseTable(encoding)
            var explained = 0, sequences = 0, first = -1
            var i = 0
            while i < scalars.count {
                func continues(_ k: Int) -> Bool {
                    bytes[scalars[i + k]].map { (0x80...0xBF).contains($0) } ?? false
                }
                guard scalars[i].value >= 0x80, let lead = bytes[scalars[i]], let length = sequenceLength(lead),
                      i + length <= scalars.count, (1..<length).allSatisfy(continues)
                else { i += 1; continue }
                if first < 0 { first = i }
                explained += length
                sequences += 1
                i += length
            }
            if sequences >= 3, explained * 5 >= nonASCII * 3, explained > best?.explained ?? 0 {
                best = (encoding, explained, first)
            }
        }
        guard let best else { return nil }
        // The word the first sequence stands in: letters and the code page's characters around it.
        // On the first line (a header, a title); below it, in a respondent's row, the word may be
        // a name or an e-mail address (a reviewer's probe: a surname from `contact_email`, in
        // clean/issues.csv), so only the letter the sequence stands for is shown.
        let bytes = inverseTable(best.encoding)
        func inWord(_ s: Unicode.Scalar) -> Bool { s.value >= 0x80 || s.properties.isAlphabetic }
        var start = best.first
        while start > 0, inWord(scalars[start - 1]) { start -= 1 }
        var end = best.first
        while end < scalars.count, inWord(scalars[end]), end - start < 40 { end += 1 }
        // Line breaks before it: LF, CR LF, or CR alone (old Mac Excel).
        var line = 1
        for k in 0..<best.first where scalars[k] == "\n" || (scalars[k] == "\r" && (k + 1 >= scalars.count || scalars[k + 1] != "\n")) {
            line += 1
        }
        if line > 1 {
            start = best.first
            end = best.first + 1
            while end < scalars.count, let byte = bytes[scalars[end]], (0x80...0xBF).contains(byte), end - start < 4 { end += 1 }
        }
        let word = scalars[start..<end]
        var garbled = String.UnicodeScalarView()
        garbled.append(contentsOf: word)
        let raw = word.flatMap { s -> [UInt8] in
            s.value < 0x80 ? [UInt8(s.value)] : bytes[s].map { [$0] } ?? []
        }
        return DoubleEncoding(encoding: best.encoding, line: line, garbled: String(garbled),
                              original: String(decoding: raw, as: UTF8.self))
    }

    private static func sequenceLength(_ lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil
        }
    }

    /// Character to byte, the code page's high half; a byte it leaves unassigned is read by
    /// Windows as the C1 or Latin-1 character of the same number.
    private static func inverseTable(_ encoding: TextEncoding) -> [Unicode.Scalar: UInt8] {
        var inverse: [Unicode.Scalar: UInt8] = [:]
        for (offset, scalar) in CodePage.table(for: encoding).enumerated() {
            let byte = UInt8(0x80 + offset)
            inverse[scalar ?? Unicode.Scalar(byte)] = byte
        }
        return inverse
    }
}
