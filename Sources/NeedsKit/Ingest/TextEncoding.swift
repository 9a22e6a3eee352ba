/// The text encodings municipal exports arrive in.
public enum TextEncoding: String, CaseIterable, Sendable, Codable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1257 = "windows-1257"
    case iso8859_13 = "iso-8859-13"
    /// Latin-4, the older Baltic ISO code page (Estonian, Latvian, Lithuanian letters at other
    /// places than in Windows-1257 and ISO-8859-13).
    case iso8859_4 = "iso-8859-4"
    case windows1251 = "windows-1251"
    case windows1252 = "windows-1252"
    case koi8r = "koi8-r"
    /// IBM code page 775 ("Baltic Rim"), which old DOS tools of the Baltic states write.
    case cp775 = "cp775"
    /// IBM code page 866, Russian DOS: what Excel's "CSV (MS-DOS)" writes on a Russian Windows.
    case cp866 = "cp866"

    /// The name glibc's iconv knows the encoding by.
    var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .windows1257: return "CP1257"
        case .iso8859_13: return "ISO-8859-13"
        case .iso8859_4: return "ISO-8859-4"
        case .windows1251: return "CP1251"
        case .windows1252: return "CP1252"
        case .koi8r: return "KOI8-R"
        case .cp775: return "CP775"
        case .cp866: return "CP866"
        }
    }

    /// Parses a user-supplied name (`--encoding`), accepting the common aliases.
    public init?(userName: String) {
        let key = userName.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8", "utf8bom", "utf8sig": self = .utf8
        case "utf16", "utf16le", "unicode": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1257", "cp1257", "win1257", "baltic": self = .windows1257
        case "iso885913", "latin7": self = .iso8859_13
        case "iso88594", "latin4": self = .iso8859_4
        case "windows1251", "cp1251", "win1251": self = .windows1251
        case "windows1252", "cp1252", "win1252": self = .windows1252
        case "koi8r", "koi8": self = .koi8r
        case "cp775", "ibm775", "dos775", "pc775": self = .cp775
        case "cp866", "ibm866", "dos866", "pc866": self = .cp866
        default: return nil
        }
    }

    /// Whether the encoding is one byte per character (decoded through a table).
    var isSingleByte: Bool {
        switch self {
        case .utf8, .utf16LE, .utf16BE: return false
        default: return true
        }
    }
}

/// How the encoding of a file was decided, reported by `needs sniff` and in summary.json.
public enum EncodingEvidence: String, Sendable, Codable {
    /// A byte-order mark at the start of the file.
    case bom
    /// The sample is valid UTF-8 and holds non-ASCII text.
    case validUTF8 = "valid-utf-8"
    /// The sample is plain ASCII: UTF-8 and every ASCII-compatible code page read it alike.
    case ascii
    /// The sample is UTF-8 but for a few invalid bytes, which are reported where they are.
    case mostlyUTF8 = "mostly-utf-8"
    /// Alternating NUL bytes without a BOM: UTF-16 written by a tool that omitted the mark.
    case nulPattern = "nul-pattern"
    /// Scored against the letters of the region's languages.
    case statistical
    /// Given by the user with `--encoding`.
    case override
}

/// The encoding decided for one file.
public struct DetectedEncoding: Sendable, Equatable {
    public var encoding: TextEncoding
    public var evidence: EncodingEvidence
    /// Bytes of byte-order mark to skip at the start of the file.
    public var bomLength: Int
    /// A statistical guess made on thin evidence (few non-ASCII letters, or another code page
    /// reading them nearly as well): that other code page, for a diagnostic suggesting
    /// `--encoding`; nil when the guess is clear or not statistical.
    public var closeAlternative: TextEncoding? = nil
    /// The file starts with a UTF-8 byte order mark that the text after it belies (it is not
    /// UTF-8); the mark is skipped and the text decided the encoding.
    public var markContradicted = false
    /// The encoding of that mark (UTF-8's, or UTF-16's of either byte order).
    public var contradictedMark: TextEncoding? = nil
    /// The file's byte order mark and the `--encoding` given disagree: with evidence `.override`,
    /// the encoding the mark names (not used); with `.bom`, the UTF-16 byte order given (the
    /// mark's was used).
    public var markDisagrees: TextEncoding? = nil
    /// UTF-8 (`.mostlyUTF8`) with runs of bytes that are not: the code page those runs read in
    /// best, judged from the sample's such runs; nil when the sample had none (the reader then
    /// judges from the first field it meets with some).
    public var notUTF8CodePage: TextEncoding? = nil
    /// `--encoding` given, and the sample says otherwise beyond doubt: UTF-8 given for bytes that
    /// are not UTF-8 (what they read as), or a code page given for valid UTF-8 with letters past
    /// ASCII (UTF-8).
    public var givenAgainst: TextEncoding? = nil
    /// Decided at the first non-ASCII byte, this many bytes into the file (the sample was plain
    /// ASCII); nil when the sample decided.
    public var decidedPastASCII: Int? = nil

    public init(encoding: TextEncoding, evidence: EncodingEvidence, bomLength: Int = 0) {
        self.encoding = encoding
        self.evidence = evidence
        self.bomLength = bomLength
    }
}
