struct GazetteerEntry: Sendable {
    let code: String
    let country: String
    let name: String
    let englishName: String
    let kind: String
    let variants: [String]
}
enum GazetteerData {
    static let entries: [GazetteerEntry] = [
        GazetteerEntry(code: "EE-793", country: "EE", name: "Tartu linn", englishName: "Tartu", kind: "linn", variants: ["Tartu"]),
        GazetteerEntry(code: "EE-796", country: "EE", name: "Tartu vald", englishName: "Tartu", kind: "vald", variants: ["Tartu"]),
    ]
}
