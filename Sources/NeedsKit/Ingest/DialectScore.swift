/// Scores a candidate dialect by how table-like the sample reads with it: the consistency of the
/// rows' field counts (pattern score) times the share of cells that look like data of a known type
/// (type score), the measure of van den Burg, Nazábal and Sutton (2019), "Wrangling messy CSV
/// files by detecting row and type patterns", Data Mining and Knowledge Discovery 33.
enum DialectScore {
    /// The sample's records as split by the candidate: quote-aware, line ends outside quotes end a
    /// record; at most `limit` records; a record cut by the end of the sample is left out.
    static func rows(_ text: [UInt8], delimiter: UInt8, quote: UInt8, isWholeFile: Bool, limit: Int = 300) -> [[ArraySlice<UInt8>]] {
        split(text, delimiter: delimiter, quote: quote, isWholeFile: isWholeFile, limit: limit).rows
    }

    /// The split, and how many quote characters it leaves stray: inside an unquoted field, or
    /// right after a closing quote. A right dialect explains its quotes; a wrong one leaves them over.
    static func split(_ text: [UInt8], delimiter: UInt8, quote: UInt8, isWholeFile: Bool, limit: Int = 300,
                      carriageReturnOnly: Bool = false) -> (rows: [[ArraySlice<UInt8>]], strayQuotes: Int, quotedFields: Int) {
        var strays = 0
        var quoted = 0
        var rows: [[ArraySlice<UInt8>]] = []
        var fields: [ArraySlice<UInt8>] = []
        var fieldStart = 0
        var inQuotes = false
        var atFieldStart = true
        var i = 0
        let n = text.count
        func endField(_ end: Int) {
            var slice = text[fieldStart..<end]
            if slice.count >= 2, slice.first == quote, slice.last == quote { slice = slice.dropFirst().dropLast() }
            fields.append(slice)
        }
        while i < n && rows.count < limit {
            let b = text[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < n && text[i + 1] == quote {
                        i += 1
                    } else {
                        inQuotes = false
                        // A closing quote is followed by a delimiter, a line end or the end.
                        if i + 1 < n, text[i + 1] != delimiter, text[i + 1] != 0x0A, text[i + 1] != 0x0D, text[i + 1] != 0x20 { strays += 1 }
                    }
                }
            } else if b == quote && atFieldStart {
                inQuotes = true
                quoted += 1
                atFieldStart = false
            } else if b == quote {
                strays += 1
                atFieldStart = false
            } else if b == delimiter {
                endField(i)
                fieldStart = i + 1
                atFieldStart = true
            } else if b == 0x0D || (b == 0x0A && !carriageReturnOnly) {
                endField(i)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append(fields) }
                fields = []
                if b == 0x0D && i + 1 < n && text[i + 1] == 0x0A && !carriageReturnOnly { i += 1 }
                fieldStart = i + 1
                atFieldStart = true
            } else if b != 0x20 || delimiter == 0x20 {
                atFieldStart = false
            }
            i += 1
        }
        if isWholeFile && rows.count < limit && fieldStart < n {
            endField(n)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(fields) }
        }
        return (rows, strays, quoted)
    }

    /// Whether some field in the sample is enclosed in `quote` (opens after a line start or a
    /// punctuation delimiter and closes before one).
    static func quotesSomeField(_ text: [UInt8], quote: UInt8) -> Bool {
        let boundaries: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|"), 0x0A, 0x0D]
        var i = 0
        while i < text.count {
            if text[i] == quote, i == 0 || boundaries.contains(text[i - 1]) {
                var j = i + 1
                while j < text.count, text[j] != quote, text[j] != 0x0A { j += 1 }
                if j < text.count, text[j] == quote, j + 1 == text.count || boundaries.contains(text[j + 1]) { return true }
                i = j
            }
            i += 1
        }
        return false
    }

    /// Whether most records share one field count of at least two: a table, not prose cut at random.
    static func isTable(_ rows: [[ArraySlice<UInt8>]]) -> Bool {
        guard let (width, count) = modalWidth(rows) else { return false }
        return width >= 2 && count * 2 >= rows.count
    }

    /// The most frequent field count (the wider on a tie) and how many records have it.
    static func modalWidth(_ rows: [[ArraySlice<UInt8>]]) -> (width: Int, count: Int)? {
        var tally: [Int: Int] = [:]
        for row in rows { tally[row.count, default: 0] += 1 }
        return tally.max { ($0.value, $0.key) < ($1.value, $1.key) }.map { ($0.key, $0.value) }
    }

    /// Whether the first record has as many fields as most records. A space separates the words of
    /// answers as well as fields: text in one column (`Question` over sentences), or a header
    /// joined by another delimiter (`Timestamp,Question`, a small Google Forms export), reads as
    /// one field above rows of a few words each, where a table aligned by spaces has a header that
    /// splits as its rows do.
    static func firstRecordHasTableWidth(_ rows: [[ArraySlice<UInt8>]]) -> Bool {
        guard let first = rows.first, let (width, _) = modalWidth(rows) else { return false }
        return first.count == width
    }

    /// Pattern score: (1/K) Σ_k N_k (L_k − 1)/L_k over the K distinct field counts L_k occurring
    /// N_k times; a sample split into one column everywhere scores low, a consistent table high.
    static func patternScore(_ rows: [[ArraySlice<UInt8>]]) -> Double {
        guard !rows.isEmpty else { return 0 }
        var tally: [Int: Int] = [:]
        for row in rows { tally[row.count, default: 0] += 1 }
        var total = 0.0
        for (length, count) in tally {
            total += Double(count) * Double(max(length, 1) - 1) / Double(max(length, 1))
        }
        return total / Double(tally.count)
    }

    /// Type score: the share of cells that are empty or a number, date, time, date and time,
    /// percentage, amount, URL or e-mail.
    static func typeScore(_ rows: [[ArraySlice<UInt8>]]) -> Double {
        var cells = 0
        var known = 0
        for row in rows {
            for cell in row {
                cells += 1
                if CellType.isKnown(cell) { known += 1 }
            }
        }
        return cells == 0 ? 0 : Double(known) / Double(cells)
    }

    /// Prior weight of a delimiter: survey exports use `,` `;` and tab; `|` and space are rarer,
    /// so they must read clearly better to win.
    static func prior(_ delimiter: UInt8) -> Double {
        switch delimiter {
        case UInt8(ascii: ","), UInt8(ascii: ";"), 0x09: return 1
        default: return 0.7
        }
    }

    static func score(_ rows: [[ArraySlice<UInt8>]], strayQuotes: Int = 0, quotedFields: Int = 0,
                      delimiter: UInt8 = UInt8(ascii: ","), typeScore known: Double? = nil) -> Double {
        let p = patternScore(rows)
        let t = known ?? typeScore(rows)
        // A floor keeps a header-only or all-text sample from scoring zero whatever its shape;
        // quotes the split cannot explain count heavily against it.
        let penalty = Double(1 + strayQuotes)
        // Between otherwise equal readings, the one whose quote character quotes fields wins.
        let explained = 1 + 0.001 * Double(min(quotedFields, 100)) / 100
        return prior(delimiter) * p * max(t, 0.1) * explained / (penalty * penalty)
    }
}

/// Recognises the types of data a table's cell can hold, on raw bytes.
enum CellType {
    static func isKnown(_ raw: ArraySlice<UInt8>) -> Bool {
        let cell = trim(raw)
        if cell.isEmpty { return true }
        if isNumberLike(cell) { return true }
        // A submission time (`14.01.2025 10:00`) is typed data too: split at its space, its two
        // halves were, and a space read a small Microsoft Forms export better than its commas.
        if isDateTime(cell) { return true }
        if isURLOrEmail(cell) { return true }
        return false
    }

    static func trim(_ cell: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var c = cell
        while let f = c.first, f == 0x20 || f == 0x09 { c = c.dropFirst() }
        while let l = c.last, l == 0x20 || l == 0x09 { c = c.dropLast() }
        return c
    }

    /// Numbers in any common format, dates, times, percentages and amounts: digits with at most
    /// a few separators `.,:/-+ eE%` and a currency sign, at least one digit.
    static func isNumberLike(_ cell: ArraySlice<UInt8>) -> Bool {
        var digits = 0
        var others = 0
        var letters = 0
        var spaces = 0
        var currency = false
        var index = cell.startIndex
        while index < cell.endIndex {
            let b = cell[index]
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "-"),
                 UInt8(ascii: "+"), UInt8(ascii: "%"), UInt8(ascii: "T"), UInt8(ascii: "Z"):
                others += 1
            case UInt8(ascii: " "): spaces += 1
            case UInt8(ascii: "$"):
                others += 1
                currency = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): letters += 1
            case 0xC2, 0xE2: // £ (C2 A3), € (E2 82 AC)
                others += 1
                currency = true
            case 0x80...0xBF where index > cell.startIndex: others += 1
            default: return false
            }
            index += 1
        }
        // A space belongs to an amount (`£ 1,80`), never to two numbers side by side.
        if spaces > 0 && !(currency && spaces == 1) { return false }
        return digits > 0 && letters <= 1 && others <= digits + 4
    }

    /// A date and a time of day with a space between, and perhaps `AM`/`PM` and a zone after
    /// them (`2025/02/07 10:00:00`, `3/1/2024 9:15:00 AM EET`, `01.03.2024 10:00`), as Google
    /// Forms, Microsoft Forms and Excel write a submission's time: data, never a header's name.
    static func isDateTime(_ cell: ArraySlice<UInt8>) -> Bool {
        // A date and a time are two parts at least, the second with a colon: most cells have
        // neither a space nor a colon, and are told so before they are split.
        guard cell.contains(0x20) && cell.contains(UInt8(ascii: ":")) else { return false }
        let parts = cell.split(separator: 0x20)
        guard parts.count >= 2 && parts.count <= 4, isNumberLike(parts[0]), isNumberLike(parts[1]),
              parts[1].contains(UInt8(ascii: ":")) else { return false }
        func isShortWord(_ part: ArraySlice<UInt8>) -> Bool {
            part.count <= 4 && part.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        }
        return parts.dropFirst(2).allSatisfy { isNumberLike($0) || isShortWord($0) }
    }

    static func isURLOrEmail(_ cell: ArraySlice<UInt8>) -> Bool {
        guard !cell.contains(0x20) else { return false }
        // Most cells are neither: no `@`, and a first letter no prefix below starts with (no
        // letter outside ASCII lowercases to `h` or `w`). Told from the bytes, with no string made.
        guard let first = cell.first, first | 0x20 == UInt8(ascii: "h") || first | 0x20 == UInt8(ascii: "w")
                || cell.contains(UInt8(ascii: "@")) else { return false }
        let text = String(decoding: cell, as: UTF8.self).lowercased()
        if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.") { return true }
        if let at = text.firstIndex(of: "@"), text[at...].contains(".") { return true }
        return false
    }
}
