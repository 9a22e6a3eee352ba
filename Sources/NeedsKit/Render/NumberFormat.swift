import Foundation

/// Fixed number formatting, so reports are byte-identical across runs and locales: `.` as the
/// decimal separator, a fixed count of decimals, no `-0`.
public enum NumberFormat {
    /// Full precision for the CSV tables (12 decimals).
    public static func full(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return fixed(value, decimals: 12)
    }

    /// `%.Nf`, by the C library's printf (the process never changes its C locale, so `.`):
    /// the same digits as Foundation's `String(format:)`, without building a format object.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = withVaList([Int32(decimals), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        let text: String
        if needed >= 0 && Int(needed) < buffer.count {
            text = String(cString: buffer)
        } else {
            text = String(format: "%.\(decimals)f", value)
        }
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// For reading: 2 decimals.
    public static func short(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return fixed(value, decimals: 2)
    }

    /// A share as a percentage with no decimals: 0.4567 → `46%`.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return fixed(value * 100, decimals: 0) + "%"
    }
}
