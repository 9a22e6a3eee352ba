/// Complementary (secondary) suppression: blanking a small cell is not enough when the cells of
/// its group and their total are published, as the total minus the published cells gives it back.
/// Within every group of cells whose counts add up to a published total, once a cell is blanked,
/// further cells are blanked until no blanked cell can be worked out by subtraction: at least two
/// cells blanked, together from at least `--min-cell` respondents (secondary suppression as in
/// Hundepool et al. 2012, Statistical Disclosure Control, Wiley).
///
/// The groups: ALL and its countries (respondents of no known country are a part that is never
/// published, but whose size the issue counts tell: it protects no blanked country, and is
/// protected as a cell of its own when it holds fewer than `--min-cell`); a country
/// and its municipality rows; a scope and its `--by` answers; an answer of `--by` in ALL and in
/// each country. The rule runs on the respondents of each row (a row blanked
/// whole, counts included), then per topic on each figure whose count differs by topic (mean
/// importance over n_importance, mean competence, mean gap over n_pairs, demand share), over every
/// group until none changes: a cell blanked in one group can call for another in a crossing group.
///
///     ComplementarySuppression.apply(scopes: &scopes, municipalities: &places, groups: &byRole, minCell: 10)
enum ComplementarySuppression {
    /// A figure of a row and the count it rests on.
    enum Measure: CaseIterable {
        /// The row as a whole: its respondents, and with them every count and figure.
        case row
        case importance, competence, gap, demand
    }

    /// A published total and the cells that add up to it, as indices into one array of rows.
    struct Group {
        var total: Int
        var parts: [Int]
        /// Rows under the total that weigh nothing (`TopicFigures.weighsNothing`): in no figure
        /// of the total, so no part to protect or to protect with, and not the unpublished part.
        var weightless: [Int] = []
    }

    /// The topic key of the rows that carry a scope's respondents regardless of topic: the row
    /// rule is decided on them, so that it holds for every topic alike (and without topics).
    static let respondentsTopic = "\u{0}respondents"

    /// Applies the rule to the three tables together (a country row is a part under ALL and the
    /// total of its municipalities and `--by` answers). Each table holds, per scope, one row per
    /// topic and one of `respondentsTopic`, already suppressed by the primary rule.
    static func apply(scopes: inout [TopicFigures], municipalities: inout [TopicFigures], groups: inout [TopicFigures],
                      minCell: Int) {
        guard minCell > 1 else { return }
        var rows = scopes + municipalities + groups
        let municipalityStart = scopes.count, groupStart = scopes.count + municipalities.count
        var index: [String: Int] = [:]
        func key(_ table: Int, _ country: String, _ group: String?, _ topic: String) -> String {
            "\(table)\u{1F}\(country)\u{1F}\(group ?? "")\u{1F}\(topic)"
        }
        func table(_ i: Int) -> Int { i < municipalityStart ? 0 : i < groupStart ? 1 : 2 }
        for (i, row) in rows.enumerated() { index[key(table(i), row.country, row.groupCode, row.topic)] = i }
        let topics = Array(Set(rows.map(\.topic))).sorted()
        let countries = Array(Set(rows.map(\.country)).subtracting(["ALL"])).sorted()
        // Parts of each table by (country, topic), in table order. A municipality row that
        // weighs nothing (under `--weights municipality`, the respondents whose place is not
        // recognised) is in none of its country's figures: its blanks (its figures rest on no
        // weight) call for no other, or one such row blanked a whole country, and with it ALL.
        // Its count, the country's less its municipalities', is no one's answers.
        var partsOf: [String: [Int]] = [:]
        var weightlessOf: [String: [Int]] = [:]
        for (i, row) in rows.enumerated() where table(i) > 0 {
            if table(i) == 1 && row.weighsNothing {
                weightlessOf[key(table(i), row.country, nil, row.topic), default: []].append(i)
            } else {
                partsOf[key(table(i), row.country, nil, row.topic), default: []].append(i)
            }
        }
        let answers = Array(Set(rows[groupStart...].map { $0.groupCode ?? "" })).sorted()
        var groupsByTopic: [String: [Group]] = [:]
        for topic in topics {
            var list: [Group] = []
            if let all = index[key(0, "ALL", nil, topic)] {
                list.append(Group(total: all, parts: countries.compactMap { index[key(0, $0, nil, topic)] }))
            }
            for scope in countries + ["ALL"] {
                guard let total = index[key(0, scope, nil, topic)] else { continue }
                for t in [1, 2] {
                    let weightless = weightlessOf[key(t, scope, nil, topic)] ?? []
                    if let parts = partsOf[key(t, scope, nil, topic)] {
                        list.append(Group(total: total, parts: parts, weightless: weightless))
                    }
                }
            }
            for answer in answers {
                guard let total = index[key(2, "ALL", answer, topic)] else { continue }
                list.append(Group(total: total, parts: countries.compactMap { index[key(2, $0, answer, topic)] }))
            }
            groupsByTopic[topic] = list
        }

        // The answers of `--by` nobody gave in a country of fewer than `minCell` respondents are
        // parts like its small ones: ALL's administrators less the published countries' gave LT's
        // 0 (LT's 3 respondents blanked), and with one respondent, three roles of five at 0, theirs
        // narrowed to two. (In a larger country an answer nobody gave is no secret.)
        var emptyInSmall = Set<Int>()
        for i in rows.indices where table(i) == 2 && rows[i].country != "ALL" && rows[i].respondents == 0 && rows[i].countsHidden {
            guard let scope = index[key(0, rows[i].country, nil, respondentsTopic)] else { continue }
            if rows[scope].respondents > 0 && rows[scope].respondents < minCell { emptyInSmall.insert(i) }
        }

        // Whole rows first, on each scope's respondents; then every topic's row of a scope blanked
        // whole follows it.
        if let groups = groupsByTopic[respondentsTopic] {
            settle(&rows, groups: groups, measures: [.row], minCell: minCell, emptyParts: emptyInSmall)
        }
        for i in rows.indices where rows[i].topic != respondentsTopic && !rows[i].countsHidden {
            let own = index[key(table(i), rows[i].country, rows[i].groupCode, respondentsTopic)]
            if let own, rows[own].countsHidden { hide(&rows[i], .row) }
        }
        for topic in topics where topic != respondentsTopic {
            settle(&rows, groups: groupsByTopic[topic] ?? [], measures: [.importance, .competence, .gap, .demand],
                   minCell: minCell, emptyParts: emptyInSmall)
        }
        scopes = Array(rows[..<municipalityStart])
        municipalities = Array(rows[municipalityStart..<groupStart])
        groups = Array(rows[groupStart...])
    }

    /// Blanks ALL's figures that its countries' blanked ones would be given back from, when ALL is
    /// no plain sum of its parts: under `--region country-equal` a country's respondents weigh
    /// T / (K N_c) in ALL, so its mean and share are the countries' own averaged (the rule above
    /// leaves ALL less the published countries a sum of two blanked figures, but with each
    /// entering at its own weight, and a country's answer rows of `--by` published beside it, the
    /// sum splits: EE 20 and LT 3 blanked beside LV, ALL's shares of 0.5 and EE's published
    /// teachers gave EE's 0.5 and LT's 1, and their counts); under `--weights municipality` each
    /// municipality's respondents weigh N_c / (M_c n_m) (the pooled small ones one m); under
    /// `--weights COLUMN` a column of design weights (each country's population over its
    /// respondents) does as country-equal does. Per
    /// table, topic and measure, an ALL row (of the region, or of an answer of `--by`) loses a
    /// measure any of its countries' rows has blanked, with counts behind it; its counts stay,
    /// plain sums the rule above protects. (A country's answer row blanked under a published
    /// country has a second beside it, by the rule above, so two of ALL's answer rows go blank
    /// and ALL's own less its other answers' gives no one back.) True when it blanked a figure
    /// that was shown.
    @discardableResult
    static func withholdWeightedRegion(_ rows: inout [TopicFigures]) -> Bool {
        let parts = rows
        return withholdWeightedTotals(&rows, key: { $0.country == "ALL" ? ($0.groupCode ?? "") + "\u{1F}" + $0.topic : nil },
                                      parts: parts, key: { $0.country != "ALL" && !$0.country.isEmpty ? ($0.groupCode ?? "") + "\u{1F}" + $0.topic : nil })
    }

    /// The rule of `withholdWeightedRegion` for any weighted average and its parts (a country
    /// and its municipalities too, `Aggregator.withholdWeightedCountries`): each measure of a
    /// `totals` row is blanked where a `parts` row of the same key (nil: none) has it blanked with
    /// a count behind it. True when it blanked a figure that was shown.
    @discardableResult
    static func withholdWeightedTotals(_ totals: inout [TopicFigures], key totalKey: (TopicFigures) -> String?,
                                       parts: [TopicFigures], key partKey: (TopicFigures) -> String?) -> Bool {
        let measures: [Measure] = [.importance, .competence, .gap, .demand]
        var blanked: [String: Set<Measure>] = [:]
        for row in parts where row.topic != respondentsTopic {
            guard let key = partKey(row) else { continue }
            for measure in measures where count(row, measure) > 0 && isHidden(row, measure) {
                blanked[key, default: []].insert(measure)
            }
        }
        var changed = false
        for i in totals.indices where totals[i].topic != respondentsTopic {
            guard let key = totalKey(totals[i]), let own = blanked[key] else { continue }
            for measure in measures where own.contains(measure) {
                if count(totals[i], measure) > 0 && !isHidden(totals[i], measure) { changed = true }
                hide(&totals[i], measure)
            }
        }
        return changed
    }

    /// Runs the rule over every group and measure until no group changes. `emptyParts`: rows of
    /// no respondents that are parts all the same (blanked, to be protected).
    static func settle(_ rows: inout [TopicFigures], groups: [Group], measures: [Measure], minCell: Int,
                       emptyParts: Set<Int> = []) {
        var changed = true
        while changed {
            changed = false
            for measure in measures {
                for group in groups {
                    if protect(&rows, group, measure, minCell: minCell, emptyParts: emptyParts) { changed = true }
                }
            }
        }
    }

    /// Blanks the smallest published parts of one group (then, if no part is left, its total)
    /// until the blanked parts cannot be worked out from the total; true when it blanked anything.
    static func protect(_ rows: inout [TopicFigures], _ group: Group, _ measure: Measure, minCell: Int,
                        emptyParts: Set<Int> = []) -> Bool {
        // A total resting on no one has parts of no one: nothing to work out.
        guard count(rows[group.total], measure) > 0 else { return false }
        var changedAny = false
        while true {
            // (An empty part only as a blanked one: blanking a figure that rests on no one
            // changes nothing, and the loop would go on for ever.)
            let parts = group.parts.filter {
                count(rows[$0], measure) > 0 || (emptyParts.contains($0) && isHidden(rows[$0], measure))
            }
            // The part never published (respondents of no known country under ALL) protects no
            // one: its size is no secret, as summary.json and the report count the cleaning log's
            // codes, one place_unknown a respondent 'counted only in the region total' (ALL's 48
            // less EE's 20, LV's 20 and 5 of them gave LT's 3). But it is itself a cell: with every
            // country published, ALL less them is its figures (3 of no place beside EE 20 and LV 20).
            let unpublished = max(0, count(rows[group.total], measure) - parts.reduce(0) { $0 + count(rows[$1], measure) }
                - group.weightless.reduce(0) { $0 + count(rows[$1], measure) })
            let hidden = parts.filter { isHidden(rows[$0], measure) }
            let hiddenCells = hidden.count
            let hiddenCount = hidden.reduce(0) { $0 + count(rows[$1], measure) }
            // Only answers nobody gave blanked (`emptyParts`): the total less the published parts
            // gives them back as 0 unless the total is blanked, which its own crossing group then
            // protects. Blanking a published part instead took a country's only answer with it,
            // and then the country (LT's 30 social workers beside LV's 2 teachers, a reviewer's case).
            let onlyEmpty = hiddenCells > 0 && hidden.allSatisfy { emptyParts.contains($0) && count(rows[$0], measure) == 0 }
            let safe: Bool
            if isHidden(rows[group.total], measure) {
                // A blanked total is given back by its parts when they are all published, and
                // it may be worked out in a crossing group (a country blanked under ALL): its
                // blanked parts together hold `minCell` respondents, or they would be given back.
                safe = parts.isEmpty || (hiddenCells > 0 && hiddenCount >= minCell) || onlyEmpty
            } else if onlyEmpty {
                safe = false
            } else if hiddenCells == 0 {
                // Only the unpublished part is left out: given back unless it holds `minCell`.
                safe = unpublished == 0 || unpublished >= minCell
            } else {
                // Blanked countries protect each other when two or more hold `minCell` together.
                // Beside the unpublished part, blanked countries each of `minCell` or more (blanked
                // only to protect it) are safe too: less its known size ALL gives back their count,
                // no secret, and their figures only mixed with the part's.
                safe = (hiddenCells >= 2 && hiddenCount >= minCell)
                    || (unpublished > 0 && hidden.allSatisfy { count(rows[$0], measure) >= minCell })
            }
            if safe { return changedAny }
            // The smallest published part, the first in table order among equals (none when only
            // empty parts are blanked: the total goes).
            let candidates = onlyEmpty ? [] : parts.filter { !isHidden(rows[$0], measure) }
            // A figure blanked is then hidden, or the loop would go on for ever: a measure that
            // rests on no weight stays as it was (`isHidden`), and the rule can do no more.
            if let next = candidates.min(by: { count(rows[$0], measure) < count(rows[$1], measure) }) {
                hide(&rows[next], measure)
                if !isHidden(rows[next], measure) { return changedAny }
            } else if !isHidden(rows[group.total], measure) {
                // Nothing left to blank among the parts (one part and the total): blank the total.
                hide(&rows[group.total], measure)
                if !isHidden(rows[group.total], measure) { return changedAny }
            } else {
                return changedAny
            }
            changedAny = true
        }
    }

    /// The count a measure of a row rests on.
    static func count(_ f: TopicFigures, _ measure: Measure) -> Int {
        switch measure {
        case .row: return f.respondents
        // A share nobody was asked for (the topic not in the demand question's list, or no file
        // of the scope with a column for it) rests on no one: it is no part to blank, and
        // blanking it would change nothing (the loop went on for ever).
        case .demand: return f.demandRestsOn
        case .importance: return f.nImportance
        case .competence: return f.nCompetence
        case .gap: return f.nPairs
        }
    }

    /// Whether a measure of a row is blanked (a figure with a count behind it and no value).
    static func isHidden(_ f: TopicFigures, _ measure: Measure) -> Bool {
        if f.countsHidden { return true }
        switch measure {
        case .row: return false
        case .importance: return f.nImportance > 0 && f.meanImportance == nil
        case .competence: return f.nCompetence > 0 && f.meanCompetence == nil
        case .gap: return f.nPairs > 0 && f.meanGap == nil
        case .demand: return f.demandBlanked
        }
    }

    /// Blanks a measure of a row as the primary rule would, and marks the row suppressed.
    static func hide(_ f: inout TopicFigures, _ measure: Measure) {
        f.suppressed = true
        switch measure {
        case .row:
            f.countsHidden = true
            f.meanImportance = nil; f.importanceCI = nil; f.meanCompetence = nil; f.competenceCI = nil
            f.meanGap = nil; f.gapCI = nil; f.demandShare = nil; f.demandCI = nil
        case .importance, .competence, .gap:
            // The three means go together: where the same respondents rated both, the gap is
            // importance minus competence, so two of them give the third back.
            f.meanImportance = nil; f.importanceCI = nil; f.meanCompetence = nil; f.competenceCI = nil
            f.meanGap = nil; f.gapCI = nil
        case .demand: f.demandShare = nil; f.demandCI = nil
        }
        if f.meanGap == nil || f.meanImportance == nil { f.mwds = nil }
    }
}
