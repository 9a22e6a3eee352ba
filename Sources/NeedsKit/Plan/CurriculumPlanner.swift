/// One session of the plan.
public struct PlannedSession: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// A top need in every country.
        case regionalTopNeed = "regional_top_need"
        /// Named in the configuration's `include`.
        case included
        /// A regional slot left over, given to the region's next greatest need.
        case regionalFill = "regional_fill"
        /// The country's need differs from the rest of the region's (Holm-corrected).
        case countryDifference = "country_difference"
        /// The country's next greatest need, not already planned for the region.
        case countryNextNeed = "country_next_need"
    }

    public var session: Int
    public var month: String
    /// `ALL` for the whole region, else a country code.
    public var audience: String
    public var topic: String
    public var topicLabel: String
    public var organisation: String
    public var reason: Reason
    public var quadrant: String
    public var mwds: Double?
    public var mwdsRank: Int?
    /// Respondents of the audience who asked for training on the topic: the expected participants
    /// (nil when no demand question asks about the topic, or when the audience's counts are
    /// suppressed: too few respondents to publish is not nobody).
    public var demandN: Int?
}

/// The plan and what the rule could not do (fewer topics than sessions, say).
public struct CurriculumPlan: Sendable {
    public var sessions: [PlannedSession]
    public var notes: [String]
}

/// From needs to sessions, by a transparent rule:
///
/// 1. A topic is a **top need** of a country when its MWDS rank is at most `top_needs`, or when the
///    upper end of its MWDS interval (mean-gap interval × mean importance) reaches the MWDS of the
///    country's `top_needs`-th topic: a need that cannot be told apart from the top ones counts.
/// 2. Topics that are a top need in **every** country go to regional sessions; included topics take
///    the first of them (more than `regional_sessions` when they are more); regional slots left
///    over go to the region's next greatest needs (topics with a regional MWDS). When more topics
///    of one kind qualify than there are sessions, here and in 3, the audience's Locus-for-Focus
///    `HH` topics of that kind come first, then higher MWDS, then topic key (the order of 4).
/// 3. A topic where a country's need is **higher** than the rest of the region's (a country difference
///    that holds after Holm's correction) goes to a session for that country; then each country's
///    next greatest needs; countries take turns, in code order.
/// 4. Sessions are scheduled first-priority first: regional Locus-for-Focus `HH` topics, then
///    country `HH` topics, then the other regional, then the other country sessions; within each,
///    higher MWDS first, then audience code, then topic key.
/// Excluded topics are never planned.
public enum CurriculumPlanner {
    public static func plan(
        figures: [TopicFigures], differences: [CountryDifference], configuration: PlanConfiguration
    ) -> CurriculumPlan {
        var notes: [String] = []
        let byScope = Dictionary(grouping: figures, by: \.country)
        func figure(_ scope: String, _ topic: String) -> TopicFigures? { byScope[scope]?.first { $0.topic == topic } }
        let countries = byScope.keys.filter { $0 != "ALL" && !$0.isEmpty }.sorted().filter { country in
            byScope[country]!.contains { !$0.countsHidden && $0.mwds != nil }
        }
        // Topic keys of the configuration, as typed in a spreadsheet: a key in another case is the
        // topic's when only one topic has it; an unknown one is noted, not silently dropped.
        let known = Set(figures.map(\.topic))
        func topicKey(_ name: String, _ setting: String) -> String? {
            if known.contains(name) { return name }
            let matches = known.filter { $0.lowercased() == name.lowercased() }
            if matches.count == 1 { return matches.first }
            if matches.count > 1 {
                let keys = matches.sorted().map { "`\($0)`" }.joined(separator: ", ")
                notes.append("`\(name)` (\(setting)) in the configuration is the key of \(matches.count) topics in another case (\(keys)); ignored: type it as one of them.")
                return nil
            }
            notes.append("`\(name)` (\(setting)) in the configuration is not a topic of the instrument; ignored.")
            return nil
        }
        var configuration = configuration
        configuration.include = configuration.include.compactMap { topicKey($0, "include") }
        configuration.exclude = configuration.exclude.compactMap { topicKey($0, "exclude") }
        var organisations: [String: String] = [:]
        for (name, organisation) in configuration.organisations.sorted(by: { $0.key < $1.key }) {
            if let key = topicKey(name, "organisation") { organisations[key] = organisation }
        }
        configuration.organisations = organisations
        let excluded = Set(configuration.exclude)
        let topics = known.subtracting(excluded).sorted()

        // A country's topics whose MWDS its table withholds (suppressed, not unrated): any of them
        // may be a greater need than those shown, whose ranks are among the shown alone.
        func withheld(_ country: String) -> Int { (byScope[country] ?? []).filter(\.mwdsWithheld).count }
        func isTopNeed(_ topic: String, in country: String) -> Bool {
            guard let f = figure(country, topic), let rank = f.mwdsRank else { return false }
            // A top need whatever the withheld topics' MWDS, all of them ranked above it: with 6 of
            // 8 withheld, a rank of 1 among the 2 shown had made a topic LT's top need and a
            // regional session "a top need in every country" (a helper's probe, under
            // `--weights municipality --region country-equal`).
            let hidden = withheld(country)
            if rank + hidden <= configuration.topNeeds { return true }
            // The interval rule needs the country's `top_needs`-th MWDS, which a withheld one may be.
            guard hidden == 0 else { return false }
            let ranked = (byScope[country] ?? []).compactMap { $0.mwds }.sorted(by: >)
            guard ranked.count >= configuration.topNeeds, let ci = f.gapCI, let importance = f.meanImportance else { return false }
            return ci.high * importance >= ranked[configuration.topNeeds - 1]
        }
        /// Whether MWDS `a` comes before `b` (higher first, none last); nil when they are equal
        /// (Borich.isHigher: the same answers in another order give the same score).
        func higherNeed(_ a: Double?, _ b: Double?) -> Bool? {
            let a = a ?? -.infinity, b = b ?? -.infinity
            if a == b { return nil }
            if a == -.infinity || b == -.infinity { return b == -.infinity }
            if Borich.isHigher(a, than: b) { return true }
            if Borich.isHigher(b, than: a) { return false }
            return nil
        }
        func before(_ scope: String) -> (String, String) -> Bool {
            { a, b in
                let fa = figure(scope, a), fb = figure(scope, b)
                let qa = fa?.quadrant == "HH" ? 0 : 1, qb = fb?.quadrant == "HH" ? 0 : 1
                if qa != qb { return qa < qb }
                return higherNeed(fa?.mwds, fb?.mwds) ?? (a < b)
            }
        }

        var chosen: [(audience: String, topic: String, reason: PlannedSession.Reason)] = []
        // Topics that must be planned take the first regional sessions, in the configuration's
        // order, as many sessions as they need (up to every session): they were dropped once the
        // regional sessions were full, and never planned with `regional_sessions` 0.
        var included: [String] = []
        for topic in configuration.include where !included.contains(topic) {
            if excluded.contains(topic) {
                notes.append("`\(topic)` is both included and excluded in the configuration; excluded.")
            } else {
                included.append(topic)
            }
        }
        let regionalSlots = min(max(configuration.regionalSessions, included.count), configuration.sessions)
        if configuration.regionalSessions > configuration.sessions {
            notes.append("regional_sessions (\(configuration.regionalSessions)) is more than sessions (\(configuration.sessions)): every session is regional.")
        }
        if included.count > configuration.regionalSessions && configuration.regionalSessions < configuration.sessions {
            notes.append(NumberFormat.counted(included.count, "topic") + " to include: " + NumberFormat.counted(regionalSlots, "regional session") + ", not \(configuration.regionalSessions).")
        }
        for topic in included.dropFirst(regionalSlots) {
            notes.append("`\(topic)` (include) could not be planned: more topics to include than sessions (\(configuration.sessions)).")
        }
        let topNeeds = countries.isEmpty ? [] : topics.filter { topic in countries.allSatisfy { isTopNeed(topic, in: $0) } }
        var regionalQueue = included.map { ($0, topNeeds.contains($0) ? PlannedSession.Reason.regionalTopNeed : .included) }
        regionalQueue += topNeeds.filter { !included.contains($0) }.sorted(by: before("ALL")).map { ($0, .regionalTopNeed) }
        // Only a need the region's figures show: a topic without an MWDS for ALL (nobody rated it,
        // or its figures are suppressed) is no "next greatest need".
        let fill = topics.filter { figure("ALL", $0)?.mwds != nil }.sorted(by: before("ALL"))
            .filter { topic in !regionalQueue.contains { $0.0 == topic } }
        regionalQueue += fill.map { ($0, .regionalFill) }
        for (topic, reason) in regionalQueue.prefix(regionalSlots) { chosen.append(("ALL", topic, reason)) }
        if regionalQueue.count < regionalSlots {
            notes.append("Only " + NumberFormat.counted(regionalQueue.count, "topic") + " for " + NumberFormat.counted(regionalSlots, "regional session") + ".")
        }
        let regional = Set(chosen.map(\.topic))

        var queues: [String: [(String, PlannedSession.Reason)]] = [:]
        for country in countries {
            let higher = Set(differences.filter { $0.country == country && $0.holds && $0.difference > 0 }.map(\.topic))
            let specific = topics.filter { higher.contains($0) && !regional.contains($0) }.sorted(by: before(country))
            let rest = topics.filter { !higher.contains($0) && !regional.contains($0) && figure(country, $0)?.mwds != nil }
                .sorted(by: before(country))
            queues[country] = specific.map { ($0, .countryDifference) } + rest.map { ($0, .countryNextNeed) }
        }
        var countrySlots = configuration.sessions - chosen.count
        // Every country's higher needs first, countries taking turns, then their next greatest
        // needs, in turns again: one turn over both had given a country its next greatest need
        // (LL, MWDS 2.58) while another's higher need that holds (HH, 5.47) was left out (a
        // helper's probe).
        for differencesOnly in [true, false] {
            func takes(_ entry: (String, PlannedSession.Reason)) -> Bool { !differencesOnly || entry.1 == .countryDifference }
            while countrySlots > 0 && countries.contains(where: { queues[$0]?.first.map(takes) ?? false }) {
                for country in countries where countrySlots > 0 {
                    guard let next = queues[country]?.first, takes(next) else { continue }
                    queues[country]!.removeFirst()
                    chosen.append((country, next.0, next.1))
                    countrySlots -= 1
                }
            }
        }
        if chosen.count < configuration.sessions {
            notes.append("\(configuration.sessions - chosen.count) of " + NumberFormat.counted(configuration.sessions, "session") + " left unplanned: no topic left to give them.")
        }
        if countries.isEmpty { notes.append("No country has enough respondents to plan from.") }
        // A country whose figures are blanked (a small one, or a larger one blanked so that the
        // small one's cannot be worked out) gets no session, and the others alone decide the
        // regional top needs: said, or its respondents seemed forgotten.
        let unplanned = byScope.keys.filter { $0 != "ALL" && !$0.isEmpty && !countries.contains($0) }.sorted()
        if !countries.isEmpty && !unplanned.isEmpty {
            notes.append("The figures of \(unplanned.joined(separator: ", ")) are suppressed (too few respondents, or blanked so that a smaller cell cannot be worked out from totals): no session is planned for \(unplanned.count == 1 ? "it" : "them") alone, and the regional top needs are those of \(countries.joined(separator: ", ")).")
        }
        // A country with some topics' figures withheld: planned from those shown, which it said
        // nothing of (LT with 6 of 8 withheld had no session and no word).
        for country in countries {
            let hidden = withheld(country)
            guard hidden > 0 else { continue }
            let total = byScope[country]!.count
            let sessions = chosen.filter { $0.audience == country }.count
            let one = hidden == 1
            notes.append("In \(country) the MWDS of \(hidden) of \(NumberFormat.counted(total, "topic")) \(one ? "is" : "are") suppressed (too few respondents, "
                + "or blanked so that a smaller cell cannot be worked out from totals), and \(one ? "it" : "any of them") may be a greater need: a topic "
                + "is one of \(country)'s top needs only if it would be with \(one ? "that one" : "all of them") ranked above it, and "
                + (sessions == 0 ? "no session is planned for \(country) alone from the topics shown." : "its own sessions (\(sessions)) are planned from the topics shown."))
        }

        func group(_ entry: (audience: String, topic: String, reason: PlannedSession.Reason)) -> Int {
            let hh = figure(entry.audience, entry.topic)?.quadrant == "HH"
            return entry.audience == "ALL" ? (hh ? 0 : 2) : (hh ? 1 : 3)
        }
        let scheduled = chosen.sorted { a, b in
            if group(a) != group(b) { return group(a) < group(b) }
            if let higher = higherNeed(figure(a.audience, a.topic)?.mwds, figure(b.audience, b.topic)?.mwds) { return higher }
            return (a.audience, a.topic) < (b.audience, b.topic)
        }
        let sessions = scheduled.enumerated().map { index, entry -> PlannedSession in
            let f = figure(entry.audience, entry.topic)
            return PlannedSession(
                session: index + 1, month: configuration.month(ofSession: index), audience: entry.audience,
                topic: entry.topic, topicLabel: f?.topicLabel ?? entry.topic,
                organisation: configuration.organisations[entry.topic] ?? "", reason: entry.reason,
                quadrant: f?.quadrant ?? "", mwds: f?.mwds, mwdsRank: f?.mwdsRank,
                // Blank, not 0, when nobody was asked, the audience's counts are suppressed or its
                // demand share is blanked (topic_demand.csv blanks demand_n with it).
                demandN: f?.demandCountShown == true ? f?.demandN : nil)
        }
        // A session on a topic none of its audience asked for: planned by the need the ratings
        // show, said (its expected participants, 0, had been the only sign).
        for s in sessions where s.demandN == 0 {
            notes.append("Session \(s.session) (\(s.audience), `\(s.topic)`): none of its audience asked for training on the topic; it is planned for the need their ratings show.")
        }
        return CurriculumPlan(sessions: sessions, notes: notes)
    }
}
