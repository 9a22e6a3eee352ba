/// JSON string literals written by hand, so that key order and number formatting stay fixed.
public enum JSONText {
    /// `text` as a JSON string literal (RFC 8259 escapes). Besides the controls RFC 8259 requires
    /// escaped, DEL and the C1 controls, the bidirectional embedding, override and isolate
    /// controls and U+2028/U+2029 are written as `\uXXXX`: the text is kept exactly, but a file
    /// name holding U+202E (`x\u{202E}vsc.exe`) no longer shows turned around in an editor or
    /// browser reading summary.json, and the line separators no longer end a line there (or a
    /// JavaScript string the JSON is pasted into).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                switch scalar.value {
                case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
