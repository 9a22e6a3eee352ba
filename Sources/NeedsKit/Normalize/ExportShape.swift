/// The tool that wrote an export, recognised from its header row. Reported per file; the column
/// mapping itself works on any header, so an unrecognised tool is read as a generic sheet.
public enum ExportShape: String, Sendable, CaseIterable {
    case kobo = "KoboToolbox"
    case odkCentral = "ODK Central"
    case googleForms = "Google Forms"
    case microsoftForms = "Microsoft Forms"
    case limeSurvey = "LimeSurvey"
    case generic = "generic sheet"

    public static func recognise(_ header: [String]) -> ExportShape {
        let names = Set(header.map { $0.trimmingSpaces.lowercased() })
        if names.contains("_uuid") || names.contains("_submission_time") || names.contains("__version__") {
            return .kobo
        }
        if names.contains("meta-instanceid") || (names.contains("key") && names.contains("submissiondate")) {
            return .odkCentral
        }
        if names.contains("submitdate") && (names.contains("lastpage") || names.contains("startlanguage")) {
            return .limeSurvey
        }
        if names.contains("id") && names.contains("start time") && names.contains("completion time") {
            return .microsoftForms
        }
        if let first = header.first?.trimmingSpaces.lowercased(),
           ["timestamp", "ajatempel", "laikspiedols", "laiko žyma", "отметка времени", "marca temporal"].contains(first) {
            return .googleForms
        }
        return .generic
    }
}
