/// plan.csv and the plan's readable schedule (plan.md, and a section of the main report).
public enum PlanReport {
    public static let columns = [
        "session", "month", "audience", "topic", "topic_label", "organisation", "reason", "quadrant", "mwds", "mwds_rank",
        "expected_participants",
    ]

    public static func csv(_ plan: CurriculumPlan, style: CSVStyle = CSVStyle()) -> String {
        var writer = style.writer()
        style.header(columns, into: &writer)
        for s in plan.sessions {
            writer.row([.figure(String(s.session)), .figure(s.month), .figure(s.audience), .text(s.topic),
                        .text(s.topicLabel), .text(s.organisation), .figure(s.reason.rawValue), .figure(s.quadrant),
                        .figure(NumberFormat.full(s.mwds)), .figure(s.mwdsRank.map(String.init) ?? ""),
                        .figure(s.demandN.map(String.init) ?? "")])
        }
        return writer.text
    }

    static let reasons: [PlannedSession.Reason: String] = [
        .regionalTopNeed: "a top need in every country (by rank or interval: rule below)",
        .included: "required by the plan configuration",
        .regionalFill: "the region's next greatest need (regional slot left over)",
        .countryDifference: "this country's need is higher than the others' (holds after Holm's correction)",
        .countryNextNeed: "this country's next greatest need",
    ]

    /// The schedule as report blocks.
    public static func blocks(_ plan: CurriculumPlan, configuration: PlanConfiguration, words: ReportStrings) -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = []
        // The regional sessions planned, not the configuration's number: more than the sessions
        // (`regional_sessions` 12 of 9), or raised by topics to include, it had been stated as given.
        let regional = plan.sessions.filter { $0.audience == "ALL" }.count
        let split = regional == plan.sessions.count && regional > 0 ? "all for the whole region"
            : "\(regional) for the whole region, the rest for single countries"
        // The sessions planned: fewer than configured when fewer topics qualify (`sessions,100`
        // had headed a plan of 18; a helper's probe). The notes below say why.
        let planned = plan.sessions.count < configuration.sessions
            ? NumberFormat.counted(plan.sessions.count, "session") + " (of \(configuration.sessions) configured)"
            : NumberFormat.counted(configuration.sessions, "session")
        blocks.append(.paragraph([.text(planned + " from \(configuration.month(ofSession: 0)), one every " + (configuration.everyMonths == 1 ? "month" : "\(configuration.everyMonths) months") + "; \(split). Expected participants: the respondents of the audience who said they would attend training on the topic.")]))
        var rows: [[String]] = []
        for s in plan.sessions {
            let why = (reasons[s.reason] ?? s.reason.rawValue)
                + (s.mwds.map { "; MWDS \(NumberFormat.short($0)), rank \(s.mwdsRank.map(String.init) ?? "–"), \(s.quadrant)" } ?? "")
            rows.append([String(s.session), s.month, words.scopeName(s.audience), s.topicLabel,
                         s.organisation.isEmpty ? "–" : s.organisation, s.demandN.map(String.init) ?? "–", why])
        }
        blocks.append(.table(header: ["#", "Month", "Audience", words.topic, "Organisation", "Expected participants", "Why"],
                             alignments: [.right, .left, .left, .left, .left, .right, .left], rows: rows))
        blocks.append(.bullets([
            [.text("Rule: a topic is a top need of a country when its MWDS rank is at most \(configuration.topNeeds), or when its MWDS interval reaches that of the need ranked \(configuration.topNeeds); topics that are a top need in every country go to regional sessions; each country's higher needs (a country difference that holds) go to sessions for that country, countries taking turns, then their next greatest needs, countries taking turns again; where more topics of one kind qualify than there are sessions, the audience's HH topics of that kind are taken first, then higher MWDS.")],
            [.text("Order: regional HH topics first, then country HH topics, then the other regional sessions, then the other country sessions; ties by higher MWDS, then audience code, then topic key.")],
        ] + plan.notes.map { [.text($0)] }))
        return blocks
    }

    /// plan.md, read on its own: after the schedule's summary, how the figures it rests on were
    /// weighted and suppressed (`weighting`, the reports' statement), as every report says.
    public static func document(_ plan: CurriculumPlan, configuration: PlanConfiguration, title: String,
                                weighting: String) -> ReportDocument {
        let words = ReportStrings.forLanguage(nil)
        var doc = ReportDocument(title: "Curriculum plan: " + title, language: "en")
        doc.blocks = blocks(plan, configuration: configuration, words: words)
        doc.blocks.insert(.paragraph([.text(weighting)]), at: min(1, doc.blocks.count))
        return doc
    }
}
