/// One topic's change between the baseline and a later wave, in one scope (a country or `ALL`).
public struct WaveChange: Sendable, Equatable {
    public enum Design: String, Sendable {
        /// Different respondents in each wave: Welch for means.
        case independent
        /// The same respondents (matched by the instrument's panel code): paired differences.
        case paired
    }

    public var wave: String
    public var country: String
    public var topic: String
    public var topicLabel: String
    public var design: Design
    public var nBefore: Int
    public var nAfter: Int
    /// Respondents matched in both waves; nil for independent samples, where nobody is matched
    /// (waves.csv leaves it blank rather than showing 0).
    public var nMatched: Int?
    public var competenceBefore: Double?
    public var competenceAfter: Double?
    public var competenceChange: Double?
    public var competenceCI: (low: Double, high: Double)?
    public var gapBefore: Double?
    public var gapAfter: Double?
    public var gapChange: Double?
    public var gapCI: (low: Double, high: Double)?
    public var mwdsBefore: Double?
    public var mwdsAfter: Double?
    public var demandBefore: Double?
    public var demandAfter: Double?
    public var demandChange: Double?
    public var demandCI: (low: Double, high: Double)?
    public var quadrantBefore: String
    public var quadrantAfter: String
    /// Why some figure is missing: a topic asked in one wave only, or a cell under `--min-cell`.
    public var note: String = ""
    /// The scope is blanked whole in a wave's tables (too few respondents, or blanked so that
    /// another cannot be worked out from totals): its counts are not shown either.
    public var countsHidden = false

    public var mwdsChange: Double? {
        guard let a = mwdsAfter, let b = mwdsBefore else { return nil }
        return a - b
    }

    /// The topic was first priority (Locus for Focus HH) at baseline and is not any more.
    public var leftFirstPriority: Bool { quadrantBefore == "HH" && !quadrantAfter.isEmpty && quadrantAfter != "HH" }
    /// Whether `leftFirstPriority` is known: a topic in no quadrant at baseline, or in HH with none
    /// in the later wave (no respondents there, its figures blanked), may or may not have left it.
    public var firstPriorityKnown: Bool { !quadrantBefore.isEmpty && (quadrantBefore != "HH" || !quadrantAfter.isEmpty) }

    public static func == (a: WaveChange, b: WaveChange) -> Bool {
        a.wave == b.wave && a.country == b.country && a.topic == b.topic && a.design == b.design
            && a.competenceChange == b.competenceChange && a.gapChange == b.gapChange && a.demandChange == b.demandChange
    }
}

/// Per-respondent ratings of a panel (respondents identified by the instrument's panel code), kept
/// only when the instrument has such a question: paired differences need the pairs.
public struct PanelRatings: Sendable {
    /// code → (country, topic → (importance, competence)).
    public var respondents: [String: (country: String, ratings: [String: (importance: Double?, competence: Double?)])] = [:]
    /// Codes that more than one respondent of the wave gave: which of them answered the other
    /// wave cannot be told, so they are not paired.
    public var repeatedCodes: Set<String> = []
    /// Where a code was first given again: the file and line the warning names, so that the rows
    /// can be found (the codes themselves are not written).
    var firstRepeat: (file: String, line: Int)?

    public init() {}

    /// A code as it is matched: without case or white space (`AB12`, `ab12`, ` ab 12` are the same
    /// person's; `R 001` had been left unmatched without a word, a probe's).
    static func key(_ code: String) -> String {
        String(String.UnicodeScalarView(code.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// Keeps a respondent's ratings under its code; a code given before is noted as repeated.
    mutating func add(code: String, country: String, ratings: [String: (importance: Double?, competence: Double?)],
                      at place: (file: String, line: Int)? = nil) {
        let code = Self.key(code)
        if respondents[code] != nil {
            repeatedCodes.insert(code)
            if firstRepeat == nil { firstRepeat = place }
        }
        respondents[code] = (country, ratings)
    }

    /// The cleaning log's warning when codes were given by more than one respondent (the codes
    /// themselves are not written), or nil.
    func repeatedCodesIssue(question: String, wave: String) -> CleaningIssue? {
        guard !repeatedCodes.isEmpty else { return nil }
        let first = firstRepeat.map { " (the first given again at \($0.file) line \($0.line))" } ?? ""
        return CleaningIssue(
            file: wave, line: nil, question: question, code: "panel_code_repeated", action: .kept,
            message: "\(repeatedCodes.count) respondent code(s) of \(wave) were each given by more than one respondent\(first): they are left out of the paired changes")
    }
}

/// Compares a later wave with the baseline, topic by topic (matched by topic key), per country and
/// for the region: the change in mean competence and mean gap with 95% intervals (Welch for
/// independent samples, Student t on paired differences for a panel), the change in MWDS, and the
/// change in demand share with Newcombe's hybrid score interval.
public enum WaveComparison {
    /// The notes of a topic no respondent of a scope rated or chose in one wave (`compare`).
    static let unansweredInWave = "topic rated or chosen by no one in this wave, as if not asked"
    /// A row whose figures a wave's tables blank (a small cell there, or one that protects another).
    static let suppressedInAWave = "figures suppressed in a wave's tables"
    static let unansweredAtBaseline = "topic rated or chosen by no one at baseline, as if not asked"

    public static func compare(
        wave: String, baseline: Aggregator, later: Aggregator, panels: (PanelRatings, PanelRatings)?, minCell: Int
    ) -> [WaveChange] {
        // A panel whose waves share no respondent code is two sets of different respondents:
        // independent samples (paired, every change was blank for want of a pair).
        let panels = panels.flatMap { pb, pa in pb.respondents.keys.contains { pa.respondents[$0] != nil } ? (pb, pa) : nil }
        let before = baseline.scopeAccumulators(withRegion: true)
        let after = later.scopeAccumulators(withRegion: true)
        let beforeFigures = Dictionary(grouping: baseline.figures(), by: \.country)
        let afterFigures = Dictionary(grouping: later.figures(), by: \.country)
        let scopes = Set(before.keys).union(after.keys).filter { !$0.isEmpty }.sorted(by: Aggregator.scopeOrder)
        let topics = Set(baseline.topicKeys).union(later.topicKeys).sorted()
        // A topic no respondent of a scope rated or chose in one wave, though they rated others
        // and the other wave's did it, was not in that wave's form, as far as can be told (dropped,
        // or renamed, `intercultural_comm` in a follow-up's form without --wave-instrument): its
        // 0 % is no one's answer, and against the other wave's share it read as a "significant"
        // drop (44 % → 0 %, a probe). Its change is blank, and the note says why.
        func unanswered(_ scopes: [String: [String: TopicAccumulator]], _ scope: String, _ topic: String) -> Bool {
            guard let own = scopes[scope], let t = own[topic], t.respondents.count > 0,
                  t.importance.count == 0, t.competence.count == 0, t.demandCount == 0 else { return false }
            return own.values.contains { $0.importance.count > 0 || $0.competence.count > 0 }
        }
        func answered(_ t: TopicAccumulator?) -> Bool {
            guard let t else { return false }
            return t.importance.count > 0 || t.competence.count > 0 || t.demandCount > 0
        }
        var changes: [WaveChange] = []
        for scope in scopes {
            for topic in topics {
                let b = before[scope]?[topic]
                let a = after[scope]?[topic]
                let fb = beforeFigures[scope]?.first { $0.topic == topic }
                let fa = afterFigures[scope]?.first { $0.topic == topic }
                // The scope's respondents in each wave, whether or not that wave asked the topic
                // (every topic's accumulator counts them all): a topic the wave did not ask had
                // n_after 0 beside the wave's 48 respondents. Its blanking is the scope's.
                let nBefore = b?.respondents.count ?? before[scope]?.values.first?.respondents.count ?? 0
                let nAfter = a?.respondents.count ?? after[scope]?.values.first?.respondents.count ?? 0
                let scopeBefore = fb ?? beforeFigures[scope]?.first, scopeAfter = fa ?? afterFigures[scope]?.first
                var change = WaveChange(
                    wave: wave, country: scope, topic: topic,
                    topicLabel: fa?.topicLabel ?? fb?.topicLabel ?? topic, design: panels == nil ? .independent : .paired,
                    nBefore: nBefore, nAfter: nAfter,
                    nMatched: panels == nil ? nil : 0,
                    quadrantBefore: fb?.quadrant ?? "", quadrantAfter: fa?.quadrant ?? "")
                if !baseline.topicKeys.contains(topic) {
                    change.note = "topic not asked at baseline"
                } else if !later.topicKeys.contains(topic) {
                    change.note = "topic not asked in this wave"
                }
                guard let b, let a else {
                    // A scope in one wave only: its count is shown only where that wave's tables
                    // show it (not under --min-cell, not blanked as a complement).
                    let shown = { (n: Int, f: TopicFigures?) in n == 0 || (n >= minCell && f?.countsHidden != true) }
                    if change.note.isEmpty {
                        change.note = b == nil ? "no respondents at baseline" : "no respondents in this wave"
                    }
                    if !shown(change.nBefore, scopeBefore) || !shown(change.nAfter, scopeAfter) {
                        change.countsHidden = minCell > 1
                        change.quadrantBefore = ""
                        change.quadrantAfter = ""
                        if change.countsHidden { change.note += "; counts suppressed" }
                    } else if change.note.hasPrefix("topic not asked") && change.nBefore > 0 && change.nAfter > 0 {
                        // A topic one wave's form lacks: the other wave's figures, as its tables show
                        // them (they had all been blank beside its quadrant; a helper's probe).
                        change.competenceBefore = fb?.meanCompetence; change.competenceAfter = fa?.meanCompetence
                        change.gapBefore = fb?.meanGap; change.gapAfter = fa?.meanGap
                        change.mwdsBefore = fb?.mwds; change.mwdsAfter = fa?.mwds
                        change.demandBefore = fb?.demandShare; change.demandAfter = fa?.demandShare
                        if fb?.suppressed == true || fa?.suppressed == true { change.note += "; " + Self.suppressedInAWave }
                    }
                    changes.append(change)
                    continue
                }
                if b.respondents.count < minCell || a.respondents.count < minCell || fb?.countsHidden == true
                    || fa?.countsHidden == true {
                    change.note = b.respondents.count < minCell || a.respondents.count < minCell
                        ? "fewer than \(minCell) respondents in a wave: suppressed"
                        : "suppressed so that a smaller cell cannot be worked out from totals"
                    change.countsHidden = minCell > 1
                    change.quadrantBefore = ""
                    change.quadrantAfter = ""
                    changes.append(change)
                    continue
                }
                change.competenceBefore = b.competence.count > 0 ? b.competence.mean : nil
                change.competenceAfter = a.competence.count > 0 ? a.competence.mean : nil
                change.gapBefore = b.gap.count > 0 ? b.gap.mean : nil
                change.gapAfter = a.gap.count > 0 ? a.gap.mean : nil
                change.mwdsBefore = fb?.mwds
                change.mwdsAfter = fa?.mwds
                if let (pb, pa) = panels {
                    let (competence, gap, matched) = pairedDifferences(pb, pa, scope: scope, topic: topic)
                    change.nMatched = matched
                    if competence.count >= minCell {
                        change.competenceChange = competence.mean
                        change.competenceCI = competence.meanInterval()
                    }
                    if gap.count >= minCell {
                        change.gapChange = gap.mean
                        change.gapCI = gap.meanInterval()
                    }
                    if matched < minCell {
                        change.note = "fewer than \(minCell) respondents matched in both waves"
                    } else if competence.count < minCell || gap.count < minCell {
                        // Matched respondents enough, but not enough of them rated the topic in
                        // both waves: the change is blank, and this says why.
                        change.note = "fewer than \(minCell) matched respondents rated the topic in both waves"
                    }
                } else {
                    if let r = Welch.compare(a.competence, b.competence) {
                        change.competenceChange = r.difference
                        change.competenceCI = (r.low, r.high)
                    } else if let x = change.competenceAfter, let y = change.competenceBefore {
                        change.competenceChange = x - y
                    }
                    if let r = Welch.compare(a.gap, b.gap) {
                        change.gapChange = r.difference
                        change.gapCI = (r.low, r.high)
                    } else if let x = change.gapAfter, let y = change.gapBefore {
                        change.gapChange = x - y
                    }
                }
                // (Each wave's share stands alone for a topic the other wave's form lacks.)
                change.demandBefore = b.demandShare
                change.demandAfter = a.demandShare
                if let shareBefore = b.demandShare, let shareAfter = a.demandShare {
                    if let r = ProportionDifference.compare(share: shareAfter, n: a.demandBaseEffectiveCount,
                                                            share: shareBefore, n: b.demandBaseEffectiveCount) {
                        change.demandChange = r.difference
                        change.demandCI = (r.low, r.high)
                    }
                }
                // Nor an interval resting on an effective n either wave's tables withhold (a country
                // pooling small municipalities under --weights municipality, and ALL): Newcombe's
                // bounds ±z²/(n + z²) for 0 of 0 gave EE's 11.25 back, and with it Narva's 2 and
                // Tartu's 4; Welch's beside the tables' t intervals gives it back as well. (Paired
                // changes are the matched respondents' own, unweighted; shares are independent still.)
                if fb?.weightSumsHidden == true || fa?.weightSumsHidden == true {
                    change.demandCI = nil
                    if panels == nil { change.competenceCI = nil; change.gapCI = nil }
                }
                // A figure either wave's tables blank is not shown here either, nor a change from it.
                // A topic one wave's form lacks has no figures there: the other wave's stand, as
                // its tables show them (they had all been blank, the quadrant shown; a helper's probe).
                func blanks(_ figure: (TopicFigures) -> Double?) -> Bool {
                    (fb.map { figure($0) == nil } ?? false) || (fa.map { figure($0) == nil } ?? false)
                }
                let shownBefore = (change.competenceBefore, change.gapBefore, change.mwdsBefore, change.demandBefore)
                let shownAfter = (change.competenceAfter, change.gapAfter, change.mwdsAfter, change.demandAfter)
                if blanks(\.meanCompetence) {
                    if fb != nil && fa != nil { change.competenceBefore = nil; change.competenceAfter = nil } else {
                        change.competenceBefore = fb?.meanCompetence; change.competenceAfter = fa?.meanCompetence
                    }
                    change.competenceChange = nil; change.competenceCI = nil
                }
                if blanks(\.meanGap) {
                    if fb != nil && fa != nil { change.gapBefore = nil; change.gapAfter = nil } else {
                        change.gapBefore = fb?.meanGap; change.gapAfter = fa?.meanGap
                    }
                    change.gapChange = nil; change.gapCI = nil
                }
                // (MWDS with the gap it weighs: shown in neither wave when either's tables blank it.)
                if blanks(\.mwds) && fb != nil && fa != nil { change.mwdsBefore = nil; change.mwdsAfter = nil }
                if blanks(\.demandShare) {
                    if fb != nil && fa != nil { change.demandBefore = nil; change.demandAfter = nil } else {
                        change.demandBefore = fb?.demandShare; change.demandAfter = fa?.demandShare
                    }
                    change.demandChange = nil; change.demandCI = nil
                }
                // Figures blanked so, in a row with no other note: said (a helper's probe: LV's,
                // blanked to protect LT's small cell in the wave, had no word of why).
                let blankedNow = (shownBefore.0 != nil && change.competenceBefore == nil) || (shownAfter.0 != nil && change.competenceAfter == nil)
                    || (shownBefore.1 != nil && change.gapBefore == nil) || (shownAfter.1 != nil && change.gapAfter == nil)
                    || (shownBefore.2 != nil && change.mwdsBefore == nil) || (shownAfter.2 != nil && change.mwdsAfter == nil)
                    || (shownBefore.3 != nil && change.demandBefore == nil) || (shownAfter.3 != nil && change.demandAfter == nil)
                if blankedNow && change.note.isEmpty && (fb?.suppressed == true || fa?.suppressed == true) {
                    change.note = Self.suppressedInAWave
                }
                // Only where the wave's 0 % was shown: a share blanked to protect another cell is
                // no one's to tell (the note would give its 0 back; a reviewer's case).
                let unansweredAfter = unanswered(after, scope, topic) && answered(b) && change.demandAfter != nil
                if unansweredAfter || (unanswered(before, scope, topic) && answered(a) && change.demandBefore != nil) {
                    change.demandBefore = nil; change.demandAfter = nil; change.demandChange = nil; change.demandCI = nil
                    let note = unansweredAfter ? Self.unansweredInWave : Self.unansweredAtBaseline
                    change.note = change.note.isEmpty ? note : change.note + "; " + note
                }
                changes.append(change)
            }
        }
        if let panels, minCell > 1 { withholdRegionPairedChanges(&changes, panels, minCell: minCell) }
        return changes
    }

    /// Blanks ALL's paired changes that would give back a country's blanked one. ALL's paired
    /// change is the mean over every matched respondent, so ALL's times its pairs less the
    /// published countries' is the sum over the blanked ones: EE 10 (+1), LV 10 (0) and LT's 3
    /// matched (+3, blank under --min-cell 5) made ALL's 19/23, which gave LT's 3 back. As the
    /// complementary rule asks of any total: blanked countries of two or more, together of
    /// `minCell` pairs or more, or ALL's change is blanked too. (Respondents of no known country
    /// matched in ALL are not counted as protecting: their number is no figure a reader lacks;
    /// fewer than `minCell` of them with every country published, ALL's change would be theirs.)
    static func withholdRegionPairedChanges(_ changes: inout [WaveChange], _ panels: (PanelRatings, PanelRatings),
                                            minCell: Int) {
        let note = "suppressed so that a country's change cannot be worked out from it"
        let smallerCell = "suppressed so that a smaller cell cannot be worked out from totals"
        for i in changes.indices where changes[i].country == "ALL" && changes[i].design == .paired {
            let topic = changes[i].topic
            var competence: [Int] = [], gap: [Int] = []
            for part in changes where part.topic == topic && part.country != "ALL" {
                let (c, g, _) = pairedDifferences(panels.0, panels.1, scope: part.country, topic: topic)
                if c.count > 0 && part.competenceChange == nil { competence.append(c.count) }
                if g.count > 0 && part.gapChange == nil { gap.append(g.count) }
            }
            // The matched respondents of no known country, in ALL alone: with every country's
            // change published, ALL's less theirs is these respondents' own (3 of no country
            // beside EE's and LV's 10 gave their +3 back), a cell of its own under `minCell`.
            var competenceAll = 0, gapAll = 0, competenceParts = 0, gapParts = 0
            do {
                let (c, g, _) = pairedDifferences(panels.0, panels.1, scope: "ALL", topic: topic)
                competenceAll = c.count; gapAll = g.count
            }
            for part in changes where part.topic == topic && part.country != "ALL" {
                let (c, g, _) = pairedDifferences(panels.0, panels.1, scope: part.country, topic: topic)
                competenceParts += c.count; gapParts += g.count
            }
            let unpublished = { (all: Int, parts: Int) -> Bool in all - parts > 0 && all - parts < minCell }
            let exposed = { (counts: [Int]) in !counts.isEmpty && (counts.count < 2 || counts.reduce(0, +) < minCell) }
            var withheld = false, withheldUnpublished = false
            if changes[i].competenceChange != nil {
                if exposed(competence) {
                    withheld = true
                } else if competence.isEmpty && unpublished(competenceAll, competenceParts) {
                    withheldUnpublished = true
                }
                if withheld || withheldUnpublished { changes[i].competenceChange = nil; changes[i].competenceCI = nil }
            }
            if changes[i].gapChange != nil {
                var hide = false
                if exposed(gap) {
                    withheld = true; hide = true
                } else if gap.isEmpty && unpublished(gapAll, gapParts) {
                    withheldUnpublished = true; hide = true
                }
                if hide { changes[i].gapChange = nil; changes[i].gapCI = nil }
            }
            for (said, text) in [(withheld, note), (withheldUnpublished, smallerCell)] where said && !changes[i].note.contains(text) {
                changes[i].note = changes[i].note.isEmpty ? text : changes[i].note + "; " + text
            }
        }
    }

    /// Paired differences (later − baseline) of competence and gap for panel members in both waves,
    /// placed in the scope by their baseline country.
    static func pairedDifferences(_ before: PanelRatings, _ after: PanelRatings, scope: String, topic: String) -> (Moments, Moments, Int) {
        var competence = Moments()
        var gap = Moments()
        var matched = 0
        for code in before.respondents.keys.sorted() {
            guard let b = before.respondents[code], let a = after.respondents[code],
                  !before.repeatedCodes.contains(code), !after.repeatedCodes.contains(code) else { continue }
            guard scope == "ALL" || b.country == scope else { continue }
            matched += 1
            let rb = b.ratings[topic], ra = a.ratings[topic]
            if let cb = rb?.competence, let ca = ra?.competence { competence.add(ca - cb) }
            if let ib = rb?.importance, let cb = rb?.competence, let ia = ra?.importance, let ca = ra?.competence {
                gap.add((ia - ca) - (ib - cb))
            }
        }
        return (competence, gap, matched)
    }
}
