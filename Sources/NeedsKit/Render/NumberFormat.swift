import CLibCSV
import Foundation

/// Fixed number formatting, so reports are byte-identical across runs and locales: `.` as the
/// decimal separator, a fixed count of decimals, no `-0`.
public enum NumberFormat {
    /// A count and its English noun, singular for 1 (`1 session`, `9 sessions`): "9 session(s)"
    /// read as a form letter.
    public static func counted(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// Full precision for the CSV tables (12 decimals).
    public static func full(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return fixed(value, decimals: 12)
    }

    /// `%.Nf`, by the C library's printf (the process never changes its C locale, so `.`):
    /// the same digits as Foundation's `String(format:)`, without building a format object.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> String in
            let needed = needs_format_fixed(value, Int32(decimals), buffer.baseAddress!, buffer.count)
            guard needed >= 0 && Int(needed) < buffer.count else { return String(format: "%.\(decimals)f", value) }
            return String(cString: buffer.baseAddress!)
        }
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// For reading: 2 decimals, rounded from the CSVs' figure (see `published`).
    public static func short(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return published(value, decimals: 2)
    }

    /// A share as a percentage with no decimals: 0.4567 → `46%`, 0.125 → `13%`.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return published(value, decimals: 0, shift: 2) + "%"
    }

    /// `value` × 10^`shift` to `decimals` places, rounded from its 12-decimal figure in the CSVs
    /// (`full`), half away from zero as Excel's ROUND and a reader do: a mean of 2.275 and one of
    /// 3.625 are `2.28` and `3.63` in the reports' tables. Rounding the binary value instead, as
    /// printf does, sent half-way figures either way (2.275 is stored above it, 3.625 exactly: to
    /// even), and the same 12-decimal figure showed one way in a table and the other beside it.
    static func published(_ value: Double, decimals: Int, shift: Int = 0) -> String {
        let text = fixed(value, decimals: 12)
        let negative = text.hasPrefix("-")
        let parts = text.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array((parts[0] + (parts.count > 1 ? parts[1] : "")).utf8).map { Int($0) - 48 }
        let point = parts[0].utf8.count + shift
        let kept = point + decimals
        guard decimals + shift < 12, kept < digits.count else { return fixed(value * pow(10, Double(shift)), decimals: decimals) }
        let roundsUp = digits[kept] >= 5
        digits.removeSubrange(kept...)
        var integerDigits = point
        if roundsUp {
            var k = digits.count - 1
            while k >= 0 && digits[k] == 9 { digits[k] = 0; k -= 1 }
            if k >= 0 { digits[k] += 1 } else { digits.insert(1, at: 0); integerDigits += 1 }
        }
        var integer = String(digits[..<integerDigits].map { Character(String($0)) })
        while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
        let fraction = String(digits[integerDigits...].map { Character(String($0)) })
        let zero = digits.allSatisfy { $0 == 0 }
        return (negative && !zero ? "-" : "") + (integer.isEmpty ? "0" : integer) + (decimals > 0 ? "." + fraction : "")
    }
}
