import Foundation

extension Normalizer {
    /// Where a respondent is, read from the country and municipality answers (`PlaceReader`):
    /// the same pair of answers always reads the same, so it is worked out once per distinct pair.
    struct PlaceReading {
        struct Issue {
            /// The question whose column the issue points at (nil: no column).
            var question: Int?
            var questionName: String
            var old: String, new: String, code: String, message: String
            var action: CleaningIssue.Action = .kept
        }
        var country: String?
        var municipalityCode: String?
        var municipalityName: String?
        /// A municipality was written that reads as no place: neither a municipality of the
        /// gazetteer nor a county, region or country (`digi,keel,juhtimine`, `??????`).
        var municipalityUnread = false
        var issues: [Issue] = []
    }
}

/// Reads where a respondent is from the country and municipality answers: the country from a
/// choice, a name in any language or an ISO code; the municipality from the gazetteer, in every
/// form staff write it (with lost letters too); a missing country inferred from an unambiguous
/// municipality, or from a county, region or country written for it. Each disagreement or doubt is
/// an issue of the reading, logged by the normaliser for every row that has it.
struct PlaceReader {
    let instrument: Instrument
    let countryIndex: Int?
    let municipalityIndex: Int?
    /// Per question: its choice list's matcher (the country list's labels, a municipality choice's).
    let matchers: [ChoiceMatcher?]

    /// `gazetteer` is asked for only when a municipality was answered (it may still be being built).
    func read(country: Answer?, municipality: Answer?, gazetteer makeGazetteer: () -> Gazetteer) -> Normalizer.PlaceReading {
        var place = Normalizer.PlaceReading()
        if let q = countryIndex, let answer = country {
            let written = answer.cleanValue
            var code = RegionCountry.code(for: written)
            if code == nil, case let .choice(name) = answer, let choice = matchers[q]?.list.choice(named: name) {
                code = choice.labels.values.lazy.compactMap(RegionCountry.code(for:)).first
            }
            if let code {
                place.country = code
            } else {
                place.issues.append(.init(
                    question: q, questionName: instrument.questions[q].key, old: written, new: "", code: "country_outside_region",
                    message: "country `\(written)` is not Estonia, Latvia or Lithuania; the respondent is kept under no country"))
            }
        }
        var municipality = municipality
        // A mark or word for none (`-`, `n/a`, `nav`, `нет`), typed into a required cell: no
        // place, said as such rather than as a municipality the gazetteer lacks.
        if let q = municipalityIndex, let written = municipality?.cleanValue, Gazetteer.saysNoPlace(written) {
            place.issues.append(.init(
                question: q, questionName: instrument.questions[q].key, old: written, new: "", code: "municipality_not_given",
                message: "`\(written)` names no place (a mark or word for none); the respondent is under no municipality",
                action: .changed))
            municipality = nil
        }
        guard let q = municipalityIndex, let answer = municipality else {
            if place.country == nil {
                // Named at the country column (or, without one, the municipality's: `logPlaceIssues`).
                let asked = countryIndex ?? municipalityIndex
                place.issues.append(.init(
                    question: asked, questionName: asked.map { instrument.questions[$0].key } ?? "", old: "", new: "", code: "place_unknown",
                    message: "neither country nor municipality is known; the respondent counts only in the region total"))
            }
            return place
        }
        let gazetteer = makeGazetteer()
        var written = answer.cleanValue
        if case let .choice(name) = answer, let choice = matchers[q]?.list.choice(named: name),
           let label = choice.label(nil, fallback: instrument.defaultLanguage) {
            // The choice's label when its name is no municipality (a code, `m01`), or when the
            // name fits several and the label one (`tartu`, labelled `Tartu linn`).
            switch (gazetteer.match(name), gazetteer.match(label)) {
            case (.none, _), (.ambiguous, .unique): written = label
            default: break
            }
        }
        let question = instrument.questions[q].key
        var found = gazetteer.match(written, country: place.country)
        // A list kept in a file (`select_one_from_file munis.csv`): its name is an XML name, with
        // `_` for a space (`tartu_linn`), and the form holds no label to read instead.
        if found == .none, matchers[q] == nil, case .choice = answer, written.contains("_") {
            let spaced = written.split(separator: "_", omittingEmptySubsequences: true).joined(separator: " ")
            if case .unique = gazetteer.match(spaced, country: place.country) {
                written = spaced
                found = gazetteer.match(spaced, country: place.country)
            }
        }
        // Read through letters written as `?` (not when the name is read without them, a county's
        // beside it confirming it, `Lihula, L??nemaa`: a `?` there may be a typed one).
        var readThroughLostLetters = false
        if found == .none, written.contains("?") {
            found = gazetteer.matchLostLetters(written, country: place.country)
            readThroughLostLetters = true
        }
        switch found {
        case let .unique(municipality):
            // Said only of a name kept: one in another country than the answer's is not.
            if readThroughLostLetters && (place.country == nil || place.country == municipality.country) {
                place.issues.append(.init(
                    question: q, questionName: question, old: written, new: municipality.name, code: "municipality_letters_lost",
                    message: "`\(written)` read as \(municipality.name) (\(municipality.code)): each ? stands for a letter "
                        + "the file's code page lacks (Excel's \"CSV\" writes one for each); save the export as "
                        + "\"CSV UTF-8\" or \"Unicode text\" to keep them",
                    action: .changed))
            }
            place.municipalityCode = municipality.code
            place.municipalityName = municipality.name
            if place.country == nil {
                place.country = municipality.country
                place.issues.append(.init(
                    question: q, questionName: instrument.countryQuestion?.key ?? "country", old: "", new: municipality.country,
                    code: "country_inferred", message: "country inferred from the municipality `\(written)` (\(municipality.code))",
                    action: .changed))
            } else if place.country != municipality.country {
                // Neither answer tells which is wrong: the country stands, and no municipality of
                // another country is shown under it.
                place.municipalityCode = nil
                place.municipalityName = written
                place.issues.append(.init(
                    question: q, questionName: question, old: written, new: "", code: "place_mismatch",
                    message: "municipality `\(written)` is in \(municipality.country), but the country answer is \(place.country!); kept as written, without a code"))
            }
        case let .ambiguous(candidates)
            where place.country != nil && candidates.allSatisfy({ $0.country == candidates[0].country && $0.country != place.country }):
            // Every municipality it fits is in another country (`Vilnius` beside Estonia): the
            // answers disagree, as for one such municipality.
            place.municipalityName = written
            place.issues.append(.init(
                question: q, questionName: question, old: written, new: "", code: "place_mismatch",
                message: "municipality `\(written)` is in \(candidates[0].country) (it fits \(candidates.map { "\($0.name) \($0.code)" }.joined(separator: ", "))), but the country answer is \(place.country!); kept as written, without a code"))
        case let .ambiguous(candidates):
            place.municipalityName = written
            place.issues.append(.init(
                question: q, questionName: question, old: written, new: "", code: "municipality_ambiguous",
                message: "`\(written)` fits \(candidates.count) municipalities (\(candidates.map { "\($0.name) \($0.code)" }.joined(separator: ", "))); kept as written, without a code"))
            // Which of them is not known, but every one of them in one country (`Tartu`: Tartu
            // linn and Tartu vald): the country is.
            if place.country == nil, let country = candidates.first?.country, candidates.allSatisfy({ $0.country == country }) {
                place.country = country
                place.issues.append(.init(
                    question: q, questionName: instrument.countryQuestion?.key ?? "country", old: "", new: country,
                    code: "country_inferred",
                    message: "country inferred from the municipality `\(written)`: every municipality it fits is in \(country)",
                    action: .changed))
            }
        case .none where Normalizer.lostLetters(written):
            // `??????`: a name typed in letters the file's code page lacks (Cyrillic saved by a
            // Baltic Windows), not a name the gazetteer lacks. A place was given: kept, as an
            // unknown municipality's name is.
            place.municipalityName = written
            place.municipalityUnread = true
            place.issues.append(.init(
                question: q, questionName: question, old: written, new: "", code: "text_lost",
                message: "the municipality `\(written)` has lost its letters: the file was saved in a code page without them (Excel's \"CSV\" writes ? for each); kept as written, without a code: save the export again as \"CSV UTF-8\" or \"Unicode text\"",
                action: .kept))
        case .none:
            place.municipalityName = written
            // A county, region or country written for the municipality (`Harjumaa`, `Latvija`):
            // no municipality, but the country a blank country answer lacks.
            let named = gazetteer.region(named: written)
            place.municipalityUnread = named == nil
            let region = place.country == nil ? named : nil
            place.issues.append(.init(
                question: q, questionName: question, old: written, new: "", code: "municipality_unknown",
                message: region == nil ? "`\(written)` is not a municipality of the gazetteer; kept as written"
                    : "`\(written)` names a county, region or country, not a municipality"
                        + (region?.lettersLost == true ? " (each ? read as a letter the file's code page lacks)" : "")
                        + "; kept as written"))
            if let region = region?.country {
                place.country = region
                place.issues.append(.init(
                    question: q, questionName: instrument.countryQuestion?.key ?? "country", old: "", new: region,
                    code: "country_inferred", message: "country inferred from `\(written)`, written for the municipality: it is in \(region)",
                    action: .changed))
            }
        }
        if place.country == nil {
            // A municipality that names no country (unknown, or fitting municipalities of two) and
            // no country answer: counted only in the region total, said as for no place at all.
            let asked = countryIndex ?? q
            place.issues.append(.init(
                question: asked, questionName: instrument.questions[asked].key, old: "", new: "", code: "place_unknown",
                message: "no country is known for the respondent, and the municipality `\(written)` tells none; the respondent counts only in the region total"))
        }
        return place
    }
}
