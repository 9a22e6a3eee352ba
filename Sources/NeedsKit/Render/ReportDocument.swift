/// A report as blocks of content, written once and rendered to Markdown and to HTML, so the two
/// always say the same thing. Text in it is plain: each renderer escapes it for its format.
public struct ReportDocument: Sendable {
    public var title: String
    public var language: String
    public var blocks: [Block] = []

    public enum Inline: Sendable, Equatable {
        case text(String)
        case code(String)
        case strong(String)
        case link(String, href: String)
    }

    public enum Alignment: Sendable { case left, right, center }

    public enum Block: Sendable {
        case heading(Int, String)
        case paragraph([Inline])
        case bullets([[Inline]])
        case table(header: [String], alignments: [Alignment], rows: [[String]])
        /// A chart: the SVG text, the file it is also written to (relative to the report), and a
        /// short text alternative.
        case chart(svg: String, file: String, alt: String)
    }

    public init(title: String, language: String) {
        self.title = title
        self.language = language
    }

    mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, text)) }
    mutating func paragraph(_ parts: Inline...) { blocks.append(.paragraph(parts)) }
    mutating func paragraph(_ text: String) { blocks.append(.paragraph([.text(text)])) }

    /// Whether a character of text from the inputs is left out of every report (a line break among
    /// them shown as a space): C0 and C1 controls but tab, LF and CR, which XML 1.0 does not allow
    /// (an SVG holding one does not open) and HTML counts as errors; U+FFFE and U+FFFF, no XML
    /// characters either; and the bidirectional embedding, override and isolate controls, which
    /// turn the text after them around (a label's U+202E reversed the rest of a chart's
    /// description, every topic after it).
    static func isHidden(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return false
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }
}

/// GitHub-flavoured Markdown.
public enum MarkdownRenderer {
    public static func render(_ document: ReportDocument) -> String {
        var md = "# " + escape(document.title) + "\n\n"
        for block in document.blocks {
            switch block {
            case let .heading(level, text):
                md += String(repeating: "#", count: level) + " " + escape(text) + "\n\n"
            case let .paragraph(parts):
                md += inline(parts) + "\n\n"
            case let .bullets(items):
                md += items.map { "- " + inline($0) }.joined(separator: "\n") + "\n\n"
            case let .table(header, alignments, rows):
                md += "| " + header.map(escape).joined(separator: " | ") + " |\n|"
                md += alignments.map { $0 == .right ? "---:|" : $0 == .center ? ":-:|" : "---|" }.joined() + "\n"
                for row in rows { md += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
                md += "\n"
            case let .chart(_, file, alt):
                md += "![" + escape(alt) + "](" + destination(file) + ")\n\n"
            }
        }
        return md
    }

    static func inline(_ parts: [ReportDocument.Inline]) -> String {
        parts.map { part in
            switch part {
            case let .text(text): return escape(text)
            case let .code(text): return "`" + codeText(text) + "`"
            case let .strong(text): return "**" + escape(text) + "**"
            case let .link(text, href): return "[" + escape(text) + "](" + destination(href) + ")"
            }
        }.joined()
    }

    /// Text of a code span: literal but for backticks, which would end it, and line breaks and
    /// hidden characters, as in `escape`.
    static func codeText(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "`": out += "'"
            case _ where ch.isNewline: out += " "
            case _ where ReportDocument.isHidden(ch): break
            default: out.append(ch)
            }
        }
        return out
    }

    /// A relative link's target, percent-encoded (UTF-8) but for letters, digits, `-._~/`: a file
    /// named from the inputs (a wave `follow up #2`) would end the link at its space, and `#`
    /// would start a fragment.
    static func destination(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(UnicodeScalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// Text from the inputs made inert in Markdown: pipes, backticks, HTML, entities (`&amp;`),
    /// emphasis, GitHub's strikethrough (`~`: Windows short names such as `VASTUS~1.CSV`, two of
    /// them in one paragraph) and GitHub's math (`$`: `$500 to $2000` lost both signs) escaped;
    /// every line break (CRLF is one Character, as are U+2028 and NEL) becomes a space, so a
    /// value never splits a table row or a paragraph; controls and
    /// direction overrides are left out (`ReportDocument.isHidden`). Nor does it become a link
    /// where GitHub-flavoured renderers link bare text (a file `www.narva.ee.csv`, `http://…`,
    /// `ftp://…`, an e-mail address): the `.` after a word `www` and a `:` before `//` are escaped,
    /// and a word joiner (U+2060, invisible) goes before an `@` between name characters, as
    /// cmark-gfm links an address whatever is escaped in it.
    public static func escape(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        func isNameCharacter(_ k: Int) -> Bool {
            guard k >= 0 && k < chars.count, chars[k].isASCII else { return false }
            return chars[k].isLetter || chars[k].isNumber || ".+-".contains(chars[k])
        }
        for (k, ch) in chars.enumerated() {
            switch ch {
            case "|", "`", "*", "_", "~", "[", "]", "<", ">", "#", "\\", "&", "$": out += "\\" + String(ch)
            case _ where ch.isNewline: out += " "
            case _ where ReportDocument.isHidden(ch): break
            case "." where k >= 3 && String(chars[(k - 3)..<k]).lowercased() == "www"
                && !(k >= 4 && (chars[k - 4].isLetter || chars[k - 4].isNumber)):
                out += "\\."
            case ":" where k + 2 < chars.count && chars[k + 1] == "/" && chars[k + 2] == "/":
                out += "\\:"
            case "@" where (isNameCharacter(k - 1) || k > 0 && chars[k - 1] == "_") && isNameCharacter(k + 1):
                out += "\u{2060}@"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// One self-contained HTML file: inline CSS and SVG, no scripts, no external requests; prints to A4.
public enum HTMLRenderer {
    static let style = """
    @page { size: A4; margin: 16mm 14mm; }
    :root { color-scheme: light; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45;
           color: #1b1b1b; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
    h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 14pt; margin: 7mm 0 2mm; border-bottom: 1px solid #bbb; }
    h3 { font-size: 12pt; margin: 5mm 0 2mm; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9.5pt; page-break-inside: auto; }
    tr { page-break-inside: avoid; } thead { display: table-header-group; }
    th, td { border: 1px solid #ccc; padding: 1.2mm 2mm; vertical-align: top; }
    th { background: #f0f0f0; text-align: left; } td.r { text-align: right; font-variant-numeric: tabular-nums; }
    td.c { text-align: center; } .nw { white-space: nowrap; } code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
    figure { margin: 3mm 0 5mm; page-break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
    figcaption { font-size: 9pt; color: #444; }
    @media print { a { color: inherit; text-decoration: none; } }
    """

    public static func render(_ document: ReportDocument) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(escape(document.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escape(document.title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n"
        html += "<h1>\(escape(document.title))</h1>\n"
        for block in document.blocks {
            switch block {
            case let .heading(level, text):
                html += "<h\(level)>\(escape(text))</h\(level)>\n"
            case let .paragraph(parts):
                html += "<p>\(inline(parts))</p>\n"
            case let .bullets(items):
                html += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            case let .table(header, alignments, rows):
                html += "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows {
                    html += "<tr>"
                    for (index, cell) in row.enumerated() {
                        let alignment = index < alignments.count ? alignments[index] : .left
                        let cls = alignment == .right ? " class=\"r\"" : alignment == .center ? " class=\"c\"" : ""
                        html += "<td\(cls)>\(alignment == .right ? figureCell(cell) : escape(cell))</td>"
                    }
                    html += "</tr>\n"
                }
                html += "</tbody>\n</table>\n"
            case let .chart(svg, _, alt):
                html += "<figure>\n\(svg)\n<figcaption>\(escape(alt))</figcaption>\n</figure>\n"
            }
        }
        return html + "</body>\n</html>\n"
    }

    /// A figure column's cell, with its interval (`(50% – 72%)`) and a change's two values
    /// (`2.61 → 3.22`) each kept on one line: a narrow column broke `61% (50% –` over `72%)`. The
    /// line may break between a figure and its interval only. (A no-break space after the dash
    /// does not do: a line may break after an en dash whatever follows.)
    static func figureCell(_ cell: String) -> String {
        let text = escape(cell).replacingOccurrences(of: " → ", with: "&nbsp;→&nbsp;")
        guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return text }
        return text[..<open] + "<span class=\"nw\">" + text[open...close] + "</span>" + text[text.index(after: close)...]
    }

    static func inline(_ parts: [ReportDocument.Inline]) -> String {
        parts.map { part in
            switch part {
            case let .text(text): return escape(text)
            case let .code(text): return "<code>\(escape(text))</code>"
            case let .strong(text): return "<strong>\(escape(text))</strong>"
            case let .link(text, href): return "<a href=\"\(escape(href))\">\(escape(text))</a>"
            }
        }.joined()
    }

    /// Text as HTML (or SVG) character data or attribute value, without the characters
    /// `ReportDocument.isHidden` leaves out.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // A vertical tab, form feed or NEL separates words as a line break does.
            case _ where ReportDocument.isHidden(ch): out += ch.isNewline ? " " : ""
            default: out.append(ch)
            }
        }
        return out
    }
}
