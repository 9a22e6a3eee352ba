/// Submission dates as the tools write them, reduced to YYYY-MM-DD.
enum SubmissionDate {
    /// A date as written: its first three numbers (runs of digits), how many digits each has,
    /// and whether a dot follows the first (`14.01.2025`, always day-first). Read from the bytes
    /// when they are ASCII, as every survey tool writes its timestamps; from the text otherwise.
    struct Written {
        var numbers: (Int, Int, Int) = (0, 0, 0)
        var digits: (Int, Int, Int) = (0, 0, 0)
        /// Numbers found, at most 3.
        var count = 0
        /// False when one of the three is no number Swift's `Int` reads (too long; a digit of
        /// another script).
        var readable = true
        var dotted = false
        /// Whether a `-` follows the first number (`25-02-05`).
        var dashed = false
        /// Nothing but white space.
        var isBlank = true

        /// Nil when a byte is not ASCII.
        init?(ascii bytes: UnsafeRawBufferPointer) {
            var inNumber = false
            var value = 0
            var length = 0
            var tooLong = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte != 0x20 && !(0x09...0x0D).contains(byte) { isBlank = false }
                if count == 3 { continue }
                if byte >= 0x30 && byte <= 0x39 {
                    inNumber = true
                    length += 1
                    let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflowSum) = times.addingReportingOverflow(Int(byte - 0x30))
                    tooLong = tooLong || overflow || overflowSum
                    value = sum
                } else if inNumber {
                    if count == 0 && byte == UInt8(ascii: ".") { dotted = true }
                    if count == 0 && byte == UInt8(ascii: "-") { dashed = true }
                    number(value, length, tooLong: tooLong)
                    (inNumber, value, length, tooLong) = (false, 0, 0, false)
                }
            }
            if inNumber && count < 3 { number(value, length, tooLong: tooLong) }
        }

        /// The same from text, where a number is a run of characters Unicode calls numeric.
        init(_ text: String) {
            let trimmed = text.trimmingSpaces
            isBlank = trimmed.isEmpty
            var rest = Substring(trimmed)
            while count < 3, let start = rest.firstIndex(where: \.isNumber) {
                let end = rest[start...].firstIndex(where: { !$0.isNumber }) ?? rest.endIndex
                let part = rest[start..<end]
                if count == 0 && end < rest.endIndex && rest[end] == "." { dotted = true }
                if count == 0 && end < rest.endIndex && rest[end] == "-" { dashed = true }
                if let value = Int(part) { add(value, part.count) } else { readable = false; add(0, part.count) }
                rest = rest[end...]
            }
        }

        private mutating func number(_ value: Int, _ length: Int, tooLong: Bool) {
            if tooLong { readable = false }
            add(tooLong ? 0 : value, length)
        }

        private mutating func add(_ value: Int, _ length: Int) {
            switch count {
            case 0: (numbers.0, digits.0) = (value, length)
            case 1: (numbers.1, digits.1) = (value, length)
            default: (numbers.2, digits.2) = (value, length)
            }
            count += 1
        }
    }

    /// An ISO date read straight from the bytes (0 when it is no valid date); nil when the value
    /// is not written the ISO way.
    static func isoDay(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        let n = bytes.count
        if n >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
           n == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") {
            var digits = true
            for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(0x30...0x39).contains(bytes[i]) { digits = false }
            if digits {
                func number(_ i: Int, _ k: Int) -> Int { (i..<i + k).reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
                let (year, month, day) = (number(0, 4), number(5, 2), number(8, 2))
                guard isDate(year: year, month: month, day: day) else { return 0 }
                return Int32(year * 10000 + month * 100 + day)
            }
        }
        return nil
    }

    /// A date written as Excel's serial number (`45689` or `45689.5`, `45689,5` with a decimal
    /// comma: days since 30 December 1899, the time as the fraction), as a sheet whose date
    /// format was lost holds it: yyyymmdd, or nil when the value is no such number or its day is
    /// not between 1980 and 2099 (serials 29221 to 73050), where surveys are answered.
    static func excelSerialDay(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        var i = 0
        var end = bytes.count
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        while end > i, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var days = 0
        var digits = 0
        while i < end, (0x30...0x39).contains(bytes[i]) {
            days = days * 10 + Int(bytes[i] - 0x30)
            digits += 1
            i += 1
            if digits > 5 { return nil }
        }
        guard digits == 5 else { return nil }
        if i < end {
            guard bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") else { return nil }
            i += 1
            guard i < end else { return nil }
            while i < end {
                guard (0x30...0x39).contains(bytes[i]) else { return nil }
                i += 1
            }
        }
        guard (29221...73050).contains(days) else { return nil }
        // Days since 1970-01-01 (serial 25569).
        let (year, month, day) = civilDate(unixDays: days - 25569)
        return Int32(year * 10000 + month * 100 + day)
    }

    /// The day in the Baltic states of an ISO time written in UTC (`day`, yyyymmdd, its UTC
    /// date): KoboToolbox's `_submission_time` and ODK Central's `SubmissionDate` (`…Z`) are the
    /// server's clock in UTC, so a form sent at 23:30 in Tallinn on 14 January is written 21:30
    /// (22:30 and 20:30 in summer) and one sent at 00:30 on 15 January is written 22:30 on the
    /// 14th. Estonia, Latvia and Lithuania keep one time: UTC+2, and UTC+3 from 01:00 UTC on the
    /// last Sunday of March to 01:00 UTC on the last Sunday of October (the EU's summer time).
    /// A value without its time of day (`hh:mm` after the date) keeps `day`.
    static func balticDay(utcDay day: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard bytes.count >= 16, bytes[13] == UInt8(ascii: ":"),
              let hour = twoDigits(bytes, at: 11), let minute = twoDigits(bytes, at: 14), hour < 24, minute < 60
        else { return day }
        return balticDay(utcDay: day, hour: hour, minute: minute)
    }

    /// The time of day of a date written otherwise than ISO (`08.02.2025 22:45`, `2/8/2025
    /// 10:45:00 PM`): the first `h:mm` or `hh:mm`, on a 12-hour clock when `AM` or `PM` follows.
    static func timeOfDay(_ text: String) -> (hour: Int, minute: Int)? {
        let characters = Array(text.lowercased())
        guard let colon = characters.firstIndex(of: ":"), colon > 0, colon + 2 < characters.count,
              let m1 = characters[colon + 1].wholeNumberValue, let m2 = characters[colon + 2].wholeNumberValue,
              let h2 = characters[colon - 1].wholeNumberValue else { return nil }
        var hour = h2
        if colon >= 2, let h1 = characters[colon - 2].wholeNumberValue { hour += 10 * h1 }
        let rest = String(characters[(colon + 3)...]).replacingOccurrences(of: ".", with: "")
        if rest.contains("pm") && hour < 12 { hour += 12 } else if rest.contains("am") && hour == 12 { hour = 0 }
        let minute = m1 * 10 + m2
        return hour < 24 && minute < 60 ? (hour, minute) : nil
    }

    /// The day in the Baltic states (UTC+2, +3 in summer time) of a moment given as a UTC day
    /// (`yyyymmdd`) and time of day.
    static func balticDay(utcDay day: Int32, hour: Int, minute: Int) -> Int32 {
        let (year, month, date) = (Int(day) / 10000, Int(day) / 100 % 100, Int(day) % 100)
        let minutes = unixDays(year: year, month: month, day: date) * 1440 + hour * 60 + minute
        /// 01:00 UTC on the month's last Sunday (March and October both have 31 days; 1970-01-01 was a Thursday).
        func lastSunday(_ month: Int) -> Int {
            let last = unixDays(year: year, month: month, day: 31)
            return (last - ((last % 7 + 7 + 4) % 7)) * 1440 + 60
        }
        let summer = minutes >= lastSunday(3) && minutes < lastSunday(10)
        let local = minutes + (summer ? 180 : 120)
        let (y, m, d) = civilDate(unixDays: local >= 0 ? local / 1440 : (local - 1439) / 1440)
        return Int32(y * 10000 + m * 100 + d)
    }

    /// Whether an ISO time says it is in UTC: `Z` at its end (ODK Central), or an offset of zero
    /// (`+00:00`, `+0000`, `+00`, or `-00:00`). Read from the bytes, once a row: no String.
    static func saysUTC(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end > 16 else { return false }
        if bytes[end - 1] == UInt8(ascii: "Z") || bytes[end - 1] == UInt8(ascii: "z") { return true }
        // Back over the zeros and the colon of an offset to its sign, after `yyyy-mm-ddThh:mm`.
        var sign = end - 1
        while sign >= 16, bytes[sign] == UInt8(ascii: "0") || bytes[sign] == UInt8(ascii: ":") { sign -= 1 }
        guard sign >= 16, bytes[sign] == UInt8(ascii: "+") || bytes[sign] == UInt8(ascii: "-") else { return false }
        switch end - 1 - sign {
        case 2, 4: return !bytes[(sign + 1)..<end].contains(UInt8(ascii: ":"))
        case 5: return bytes[sign + 3] == UInt8(ascii: ":")
        default: return false
        }
    }

    /// Whether an ISO time ends in an offset from UTC other than `Z` (`+02:00`, `+0300`, `-05`):
    /// a time with its own offset keeps its day as written, also in a column that is otherwise
    /// the server's clock in UTC (KoboToolbox's `_submission_time`, re-exported with an offset).
    static func writesOffset(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard end > 16 else { return false }
        var sign = end - 1
        while sign >= 16, (0x30...0x39).contains(bytes[sign]) || bytes[sign] == UInt8(ascii: ":") { sign -= 1 }
        guard sign >= 16, bytes[sign] == UInt8(ascii: "+") || bytes[sign] == UInt8(ascii: "-") else { return false }
        switch end - 1 - sign {
        case 2, 4: return !bytes[(sign + 1)..<end].contains(UInt8(ascii: ":"))
        case 5: return bytes[sign + 3] == UInt8(ascii: ":")
        default: return false
        }
    }

    private static func twoDigits(_ bytes: UnsafeRawBufferPointer, at i: Int) -> Int? {
        let (a, b) = (bytes[i], bytes[i + 1])
        guard (0x30...0x39).contains(a), (0x30...0x39).contains(b) else { return nil }
        return Int(a - 0x30) * 10 + Int(b - 0x30)
    }

    /// Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil, the inverse of `civilDate`).
    static func unixDays(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `unixDays` days after 1970-01-01 (before it when negative):
    /// Howard Hinnant's civil_from_days. Also read by the XLSForm loader, for a date cell.
    static func civilDate(unixDays: Int) -> (year: Int, month: Int, day: Int) {
        let z = unixDays + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether the day exists in the Gregorian calendar (30 February and 31 April do not; 29
    /// February only in a leap year), in the years a survey can have been answered.
    @inline(__always)
    static func isDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1, (1900...2200).contains(year) else { return false }
        if day <= 28 { return true }
        switch month {
        case 2: return day == 29 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    /// What a date written `a/b/year` says about the order of day and month: day-first when
    /// `a` > 12, month-first when `b` > 12, nil when it cannot tell (both ≤ 12), for dotted dates
    /// (always day-first) and for year-first ones. Only a date that exists read that way is
    /// evidence: `2/30/25` shows no order (and is no date).
    static func order(_ raw: String) -> (monthFirst: Bool?, ambiguous: Bool) { order(Written(raw)) }

    static func order(_ written: Written) -> (monthFirst: Bool?, ambiguous: Bool) {
        let (a, b, c) = written.numbers
        guard written.count == 3, written.readable, written.digits.0 <= 2, !written.dotted,
              written.digits.2 == 4 || written.digits.2 == 2 else { return (nil, false) }
        let year = written.digits.2 == 2 ? 2000 + c : c
        if a > 12 { return (isDate(year: year, month: b, day: a) ? false : nil, false) }
        if b > 12 { return (isDate(year: year, month: a, day: b) ? true : nil, false) }
        return (nil, a >= 1 && b >= 1 && isDate(year: year, month: a, day: b))
    }

    /// Whether a timestamp ends in a 12-hour clock's `AM` or `PM` (any case, `a.m.` too), as
    /// US-English Excel and Microsoft Forms write `12/4/2026 2:03:04 PM`: month-first dates. A
    /// 24-hour clock says nothing (Google Sheets in US English writes `12/4/2026 14:03:04`).
    /// Whether a slash date writes its day or month without a leading zero (`2/1/2025
    /// 10:00:00`, `2/1/25 9:00`): US English's M/D/YYYY, as Google Sheets, Excel and Microsoft
    /// Forms write dates there; British and Baltic settings write `02/01/2025`.
    static func hasUnpaddedSlashDate(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var k = 0
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        var parts: [Int] = []
        for _ in 0..<2 {
            let start = k
            while k < bytes.count, bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
            guard k > start, k - start <= 2, k < bytes.count, bytes[k] == UInt8(ascii: "/") else { return false }
            parts.append(k - start)
            k += 1
        }
        let year = k
        while k < bytes.count, bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
        guard k - year == 2 || k - year == 4 else { return false }
        return parts.contains(1)
    }

    static func hasTwelveHourClock(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var letters: [UInt8] = []
        for byte in bytes.reversed() {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "."): if !letters.isEmpty && byte != UInt8(ascii: ".") { return fits(letters) }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): letters.append(byte | 0x20)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return fits(letters)
            default: return false
            }
            if letters.count > 2 { return false }
        }
        return false
        func fits(_ letters: [UInt8]) -> Bool {
            letters == [UInt8(ascii: "m"), UInt8(ascii: "a")] || letters == [UInt8(ascii: "m"), UInt8(ascii: "p")]
        }
    }

    /// The date as yyyymmdd read year first (`yy.mm.dd`, `yy-mm-dd`, as some locales write a
    /// short date) when it is three numbers of two digits joined by dots or dashes, which `day`
    /// reads day first (`dd.mm.yy`, a Baltic Excel's short date): nil when it is not written so,
    /// or that reading is no date. Such a date does not tell which it is.
    static func yearFirstReading(_ written: Written) -> Int32? {
        guard written.count == 3, written.readable, written.dotted || written.dashed,
              written.digits == (2, 2, 2) else { return nil }
        let (a, b, c) = written.numbers
        guard isDate(year: 2000 + a, month: b, day: c) else { return nil }
        return Int32((2000 + a) * 10000 + b * 100 + c)
    }

    /// yyyymmdd as YYYY-MM-DD.
    static func format(_ day: Int32) -> String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            write(day, into: UnsafeMutableRawBufferPointer(buffer))
            return 10
        }
    }

    /// yyyymmdd as YYYY-MM-DD into the first 10 bytes of `buffer`.
    @inline(__always)
    static func write(_ day: Int32, into buffer: UnsafeMutableRawBufferPointer) {
        let value = Int(day)
        func two(_ n: Int, at k: Int) {
            buffer[k] = UInt8(ascii: "0") + UInt8(n / 10 % 10)
            buffer[k + 1] = UInt8(ascii: "0") + UInt8(n % 10)
        }
        two(value / 1_000_000, at: 0)
        two(value / 10_000 % 100, at: 2)
        buffer[4] = UInt8(ascii: "-")
        two(value / 100 % 100, at: 5)
        buffer[7] = UInt8(ascii: "-")
        two(value % 100, at: 8)
    }

    /// `monthFirst`: how to read a date whose day and month are both 12 or less (the file's order).
    static func parse(_ raw: String, monthFirst: Bool = false) -> String? {
        day(Written(raw), monthFirst: monthFirst).map(format)
    }

    /// The date as yyyymmdd, nil when it is none: year first (`2025/02/08`), or day and month
    /// before a year of 4 or 2 digits, day-first when dotted or when the first is above 12,
    /// month-first when the second is or `monthFirst` says so.
    static func day(_ written: Written, monthFirst: Bool = false) -> Int32? {
        guard written.count == 3, written.readable else { return nil }
        let (a, b, c) = written.numbers
        var year: Int, month: Int, day: Int
        if written.digits.0 == 4 {
            (year, month, day) = (a, b, c)
        } else if written.digits.2 == 4 || written.digits.2 == 2 {
            year = written.digits.2 == 2 ? 2000 + c : c
            // 14.01.2025 and 14/01/2025 are day first; 1/14/2025 (US Excel) shows itself by a month above 12.
            if written.dotted || a > 12 { (day, month) = (a, b) } else if b > 12 || monthFirst { (month, day) = (a, b) } else { (day, month) = (a, b) }
        } else {
            return nil
        }
        guard isDate(year: year, month: month, day: day) else { return nil }
        return Int32(year * 10000 + month * 100 + day)
    }
}

extension SubmissionDate {
    /// What a date with the month's name says (`Jan 14, 2025`, `14 Jan 2025`, `January 14, 2025
    /// 10:00 AM`, `14. jaanuar 2025`, `2025. gada 14. janvāris`, `2025 m. sausio 14 d.`,
    /// `14 января 2025 г.`): no month name in it, a date, or no date (no four-digit year or no
    /// day, two month names, a day the month does not have).
    enum Named: Equatable {
        case noMonthName
        case day(Int32)
        case unreadable
    }

    /// Reads a date that names its month (`Named`): the month by its name, the year by its four
    /// digits, the day as the first other number of one or two digits that is no part of a time
    /// (next to a `:`). The order of day and month is told by the name, so such a date never
    /// decides, or depends on, a file's day/month order.
    static func named(_ bytes: UnsafeRawBufferPointer) -> Named {
        guard mayNameAMonth(bytes) else { return .noMonthName }
        let text = Array(String(decoding: bytes, as: UTF8.self).lowercased())
        var month = 0
        var year = 0
        var day = 0
        var k = 0
        while k < text.count {
            let start = k
            if text[k].isLetter {
                while k < text.count && text[k].isLetter { k += 1 }
                if let m = monthWords[String(text[start..<k])] {
                    if month != 0 { return .unreadable }
                    month = m
                }
            } else if let digit = text[k].wholeNumberValue, text[k].isASCII {
                var value = digit
                k += 1
                while k < text.count, let next = text[k].wholeNumberValue, text[k].isASCII {
                    if k - start < 5 { value = value * 10 + next }
                    k += 1
                }
                let time = (start > 0 && text[start - 1] == ":") || (k < text.count && text[k] == ":")
                if k - start == 4 && year == 0 && !time {
                    year = value
                } else if k - start <= 2 && day == 0 && !time {
                    day = value
                }
            } else {
                k += 1
            }
        }
        guard month != 0 else { return .noMonthName }
        guard year != 0, day != 0, isDate(year: year, month: month, day: day) else { return .unreadable }
        return .day(Int32(year * 10000 + month * 100 + day))
    }

    /// Whether the value may name a month: it has a letter that is not ASCII, or a run of ASCII
    /// letters that is a month's name or abbreviation. Checked on the bytes, so that the tools'
    /// numeric timestamps (`2025/02/07 10:00:00 AM EET`) cost no String.
    static func mayNameAMonth(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var key: UInt64 = 0
        var length = 0
        for k in 0...bytes.count {
            let byte = k < bytes.count ? bytes[k] | 0x20 : 0
            if k < bytes.count && bytes[k] >= 0x80 { return true }
            if byte >= 0x61 && byte <= 0x7A {
                if length < 8 { key = key << 8 | UInt64(byte) }
                length += 1
            } else {
                if length >= 3 && asciiMonthKeys.contains(key) { return true }
                key = 0
                length = 0
            }
        }
        return false
    }

    /// The first 8 letters of every ASCII word in `monthWords`.
    static let asciiMonthKeys: Set<UInt64> = Set(monthWords.keys.filter { $0.allSatisfy(\.isASCII) }.map { word in
        word.utf8.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    })

    /// Month names as dates write them, lowercased, and their months: English, Estonian, Latvian
    /// (nominative, genitive, locative), Lithuanian (nominative, genitive) and Russian
    /// (nominative, genitive), with the usual abbreviations.
    static let monthWords: [String: Int] = {
        let months: [[String]] = [
            ["january", "jan", "jaanuar", "jaan", "janvāris", "janvāra", "janvārī", "janv", "sausis", "sausio",
             "январь", "января", "янв"],
            ["february", "feb", "veebruar", "veebr", "februāris", "februāra", "februārī", "febr", "vasaris", "vasario",
             "февраль", "февраля", "фев", "февр"],
            ["march", "mar", "märts", "marts", "marta", "martā", "kovas", "kovo", "март", "марта", "мар"],
            ["april", "apr", "aprill", "aprīlis", "aprīļa", "aprīlī", "balandis", "balandžio", "апрель", "апреля", "апр"],
            ["may", "mai", "maijs", "maija", "maijā", "gegužė", "gegužės", "май", "мая"],
            ["june", "jun", "juuni", "jūnijs", "jūnija", "jūnijā", "jūn", "birželis", "birželio", "июнь", "июня", "июн"],
            ["july", "jul", "juuli", "jūlijs", "jūlija", "jūlijā", "jūl", "liepa", "liepos", "июль", "июля", "июл"],
            ["august", "aug", "augusts", "augusta", "augustā", "rugpjūtis", "rugpjūčio", "август", "августа", "авг"],
            ["september", "sep", "sept", "septembris", "septembra", "septembrī", "rugsėjis", "rugsėjo",
             "сентябрь", "сентября", "сен", "сент"],
            ["october", "oct", "oktoober", "okt", "oktobris", "oktobra", "oktobrī", "spalis", "spalio",
             "октябрь", "октября", "окт"],
            ["november", "nov", "novembris", "novembra", "novembrī", "lapkritis", "lapkričio", "ноябрь", "ноября", "ноя", "нояб"],
            ["december", "dec", "detsember", "dets", "decembris", "decembra", "decembrī", "gruodis", "gruodžio",
             "декабрь", "декабря", "дек"],
        ]
        var words: [String: Int] = [:]
        for (index, names) in months.enumerated() {
            for name in names { words[name] = index + 1 }
        }
        return words
    }()
}

/// The first and last of some days (yyyymmdd).
struct DayRange {
    var first = Int32.max
    var last: Int32 = 0
    var isEmpty: Bool { last == 0 }

    @inline(__always)
    mutating func add(_ day: Int32) {
        first = min(first, day)
        last = max(last, day)
    }

    func union(_ other: DayRange) -> DayRange {
        DayRange(first: min(first, other.first), last: max(last, other.last))
    }
}
