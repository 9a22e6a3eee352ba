/// The sentences of the reports in the survey's languages; `{x}` marks a value put in.
public struct ReportProse: Sendable {
    var instrument: String
    var version: String
    var weightRespondent: String
    /// `weightRespondent` under `--region country-equal`, which weighs the countries in ALL.
    var weightRespondentWithinCountry: String
    var weightMunicipality: String
    var weightColumn: String
    var regionPooled: String
    var regionEqual: String
    /// The group of respondents whose place text matches no single municipality.
    var placeNotRecognised: String = "place not recognised"
    /// Under country-equal weighting: respondents of no country are not in ALL.
    var regionEqualLeftOut = Counted(
        one: "{n} respondent without a country is left out of ALL.",
        other: "{n} respondents without a country are left out of ALL.")
    /// Under municipality weighting: respondents of no recognised municipality weigh 0.
    var weightMunicipalityLeftOut = Counted(
        one: "{n} respondent whose municipality was not recognised belongs to no municipality and weighs 0 (left out of the figures).",
        other: "{n} respondents whose municipality was not recognised belong to no municipality and weigh 0 (left out of the figures).")
    /// Under municipality weighting with `--min-cell` above 1: the municipalities shown only
    /// pooled weigh as one (`Aggregator.weightingUnit`), or the pooled row's share, their
    /// shares' mean, beside its plain counts gave each one's back.
    var weightMunicipalityPooled = "Municipalities with fewer than {k} respondents, shown only together, count as one "
        + "municipality of their country, their respondents weighing the same."
    /// Before a count of respondents left out of the figures, in a country's report: the count is the run's.
    var allCountriesCounted: String = "All countries together: "
    /// Under `--weights COLUMN`: respondents whose weight is 0 (or not a weight) count in no figure.
    var weightColumnZero = Counted(
        one: "{n} respondent weighs 0 in that column (or has no valid weight there) and is left out of the figures.",
        other: "{n} respondents weigh 0 in that column (or have no valid weight there) and are left out of the figures.")
    /// The suppression threshold `--min-cell` ({n}), in the number its language puts after it.
    var suppressed: Counted
    /// Said when cells were suppressed: complementary suppression protects them.
    var suppressedFurther: String = "Further figures are suppressed so that suppressed ones cannot be worked out from totals."
    /// Said when ALL's weighted figures were withheld because a country's are
    /// (`ComplementarySuppression.withholdWeightedRegion`).
    var regionWithheld: String = "ALL's figures are suppressed where a country's are (its counts are kept): weighted, "
        + "ALL is no plain total of its countries, and beside the published countries' its figures would give the "
        + "suppressed ones back."
    /// Said when a country's weighted figures were withheld because a municipality's are
    /// (`Aggregator.withholdWeightedCountries`).
    var countriesWithheld: String = "Weighted, a country's figures are an average of its municipalities': where a "
        + "municipality's are suppressed, so are its country's (its counts are kept), as beside the published "
        + "municipalities they would give the suppressed ones back."
    var notListed: String
    /// `notListed` when the respondents whose place was not recognised, fewer than K, are among them.
    var notListedOrUnrecognised: String
    var dataQuality: String
    var noIssues: String
    var issuesFound: String
    var logPointer: String
    /// After the cleaning log's name: where it is kept (not sent to partners).
    var logWhere: String
    var laterWaves: String
    /// Before a country report's data quality, whose counts are the whole run's.
    var allCountries: String
    var methods: [String]
    var fullPrecision: String
    var perMunicipality: String
    /// Before the `--by` table's link in the methods (`{q}`: the question): it was written and
    /// never named in the reports (a reviewer's reading).
    var byAnswer: String = ", by answer to {q} "
    var measure: String = ""
    /// The column of a country-difference table holding the country's own value.
    var inCountry: String = ""
    var others: String = ""
    /// Under a country-difference table: what ⚑ marks, before the full table's name.
    var differenceMarked: String = ""
    var difference: String = ""
    var changeSince: String = ""
    var wavesPaired: String = ""
    var wavesIndependent: String = ""
    /// After `wavesPaired` under weights: the paired differences are not weighted.
    var pairedUnweighted: String = ""
    var oneWaveOnly: String = ""
    var competence: String = ""
    var change: String = ""
    var gapChange: String = ""
    var wantChange: String = ""
    var leftHH: String = ""
    var note: String = ""
    var everyFigure: String = ""
    var dumbbell: String = ""
    var yes: String = "yes"
    var no: String = "no"
    /// After a source file's name in "who answered": it could not be read.
    var notRead: String = "not read"
    /// The shape of a hand-made sheet (the tools' shapes are their names).
    var genericSheet: String = "generic sheet"
    /// In the methods, after the full-precision tables: where their columns are explained.
    var dictionary: String = "; what each column of the tables holds: "
    /// In the data quality section, after the issues' codes: where each is explained.
    var codesMeaning: String = "What each code means: "
    /// Under a top-needs table whose topics carry ⚑, which was explained only sections later
    /// (`{s}`: the country-differences section's heading).
    var topNeedsFlag: String = "⚑▲ / ⚑▼: the country's need on this topic is higher / lower than the rest of the region's "
        + "(a greater or smaller share want training, or a greater or smaller gap; the difference holds after Holm's correction, 5% level); "
        + "⚑ alone: higher on one measure, lower on the other; see “{s}”."
    /// Under a top-needs table with a topic's MWDS blanked: ranks are among the topics shown, and
    /// the blanked one may be the greater need (a helper's probe: under weights, LV's greatest
    /// need blanked, the table's rank 1 was its second).
    var ranksAmongShown: String = "Ranks are among the topics whose MWDS is shown: a topic whose figures are blanked (–) may be a greater need."
    /// Under the Locus-for-Focus table when a scope's topics are partly suppressed.
    var quadrantsAmongShown: String = "Where some of a country's (or the region's) topics are suppressed (–), its quadrants are split at the means of the topics shown: a suppressed topic may be HH."
    /// Under a top-needs table with a mean gap from one respondent's ratings (shown `(n = 1)`
    /// where the interval would be): the issue asks for one respondent to be clearly marked, and the
    /// table had shown the gap bare, like one whose interval was left out (a helper's check).
    var oneRespondentGap: String = "(n = 1): the mean gap of one respondent's ratings, with no interval (one answer gives none)."
    /// Under a top-needs table with topics no respondent of the scope rated on both measures (their
    /// columns not in the files, or left blank), named (`{list}`): their `–` is no suppression, and
    /// they have no bar (a helper's probe: read as blanked, with no word under the table).
    var unratedTopic: String = "Not rated here, so without rank, MWDS or bar (–, not suppressed): {list}. No respondent rated both "
        + "the topic's importance and their competence in it (the files had no columns for them, left them blank, or only respondents weighing 0 rated them)."
    /// In the methods, when some respondents' files had no column for the demand question: the
    /// want-training shares are out of those asked (the method above says "all respondents").
    var demandPartlyAsked: String = "Respondents not asked who wants training on a topic (their file had no column for the "
        + "question, or none for the topic, or a LimeSurvey response never reached it), or whose answer could not be read, "
        + "are left out of that share's base, not counted as not wanting it."
    /// In the methods, under weights, when a share is shown without its interval (it rests on an
    /// effective n that would give back a count suppressed): no ▲ or ▼ is no finding either.
    var intervalsWithheld: String = "Under this weighting some intervals are withheld, as they would give back respondent "
        + "counts that are suppressed: a share or a change shown without its interval is not marked ▲ or ▼ for that reason, "
        + "not because it is not significant."
    /// The notes of the wave comparison (waves.csv keeps them in English), by their English text
    /// with `{k}` for the number in it.
    var waveNotes: [String: String] = [:]
    /// Which form of a `Counted` sentence a count takes.
    var plural = PluralRule.oneOther
    /// How a count's digits are grouped in the reports' prose and tables (the CSVs keep plain digits).
    var grouping = DigitGrouping(separator: ",", minimumDigits: 1)

    /// Thousands in a count, as the language writes them (CLDR's decimal format, as ICU formats
    /// it): English `1,234`; Lithuanian and Russian `1 234` (a no-break space); Estonian and
    /// Latvian group only from five digits on (`1234`, `12 345`).
    struct DigitGrouping: Sendable {
        var separator: String
        /// Digits above the lowest group of three that a number needs before it is grouped.
        var minimumDigits: Int

        static let noBreakSpace = DigitGrouping(separator: "\u{00A0}", minimumDigits: 1)
    }

    /// `n` with its thousands grouped: `1,000,000` in English, `12 345` in Estonian.
    func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count >= 3 + grouping.minimumDigits else { return n < 0 ? "-" + digits : digits }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.append(digits[start..<end])
            end = start
        }
        return (n < 0 ? "-" : "") + groups.reversed().joined(separator: grouping.separator)
    }

    /// A sentence about `{n}` of something, in each form the language gives a count (CLDR plural
    /// categories): `one` (1; in Latvian, Lithuanian and Russian also 21, 31, ..., but not 11),
    /// `few` (Lithuanian 2-9, Russian 2-4, and 22-29 / 22-24 ..., not 12-19 / 12-14) and `other`.
    struct Counted: Sendable {
        var one: String
        var few: String
        var other: String

        init(one: String, few: String? = nil, other: String) {
            self.one = one
            self.few = few ?? other
            self.other = other
        }
    }

    /// How a language picks the form of a count (unicode.org/cldr, plural rules, integers).
    enum PluralRule: Sendable {
        /// English, Estonian: 1, and everything else.
        case oneOther
        /// Latvian: 1, 21, 31, ... (not 11), and everything else (its `zero` forms are its plural ones).
        case latvian
        /// Lithuanian: 1, 21, ... (not 11); 2-9, 22-29, ... (not 12-19); and 0, 10-20, 30, ...
        case lithuanian
        /// Russian: 1, 21, ... (not 11); 2-4, 22-24, ... (not 12-14); and the rest.
        case russian
    }

    /// `sentence` in the form `n` takes, with `n` put in.
    func counted(_ sentence: Counted, _ n: Int) -> String {
        let ones = abs(n) % 10, tens = abs(n) % 100
        let form: String
        switch plural {
        case .oneOther: form = n == 1 ? sentence.one : sentence.other
        case .latvian: form = ones == 1 && tens != 11 ? sentence.one : sentence.other
        case .lithuanian:
            form = (11...19).contains(tens) ? sentence.other : ones == 1 ? sentence.one : ones >= 2 ? sentence.few : sentence.other
        case .russian:
            form = (11...14).contains(tens) ? sentence.other : ones == 1 ? sentence.one : (2...4).contains(ones) ? sentence.few : sentence.other
        }
        return fill(form, ["n": number(n)])
    }

    /// A wave comparison's note (`topic not asked at baseline; counts suppressed`) in this language.
    func waveNote(_ note: String) -> String {
        note.components(separatedBy: "; ").map { part in
            let number = part.range(of: "[0-9]+", options: .regularExpression).map { String(part[$0]) }
            let key = number == nil ? part : part.replacingOccurrences(of: "[0-9]+", with: "{k}", options: .regularExpression)
            return waveNotes[key].map { fill($0, ["k": number ?? ""]) } ?? part
        }.joined(separator: "; ")
    }

    /// A source file's shape as "who answered" shows it.
    func shape(_ name: String) -> String { name == "generic sheet" ? genericSheet : name }

    /// After a difference of two percentages: percentage points, as the language abbreviates them.
    static func percentagePoints(_ language: String) -> String {
        switch language {
        case "lt": return " proc. p."
        case "ru": return " п. п."
        default: return " pp"
        }
    }

    static func forLanguage(_ key: String) -> ReportProse {
        switch key {
        case "et": return estonian
        case "lv": return latvian
        case "lt": return lithuanian
        case "ru": return russian
        default: return english
        }
    }

    func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{" + $1.key + "}", with: $1.value) }
    }

    static let english = ReportProse(
        instrument: "Instrument", version: "version",
        weightRespondent: "Weighting: every respondent counts once.",
        weightRespondentWithinCountry: "Weighting: within each country every respondent counts once.",
        weightMunicipality: "Weighting: each municipality counts equally within its country; intervals use Kish's effective sample size.",
        weightColumn: "Weighting: by the column {c}; intervals use Kish's effective sample size.",
        regionPooled: "The region (ALL) pools every respondent.",
        regionEqual: "In the region (ALL) each country weighs the same; its intervals use Kish's effective sample size.",
        suppressed: Counted(one: "Figures from fewer than {n} respondents are suppressed.", other: "Figures from fewer than {n} respondents are suppressed."),
        notListed: "< {k} each (not listed)",
        notListedOrUnrecognised: "< {k} each, or place not recognised (not listed)",
        dataQuality: "Files: {files}, records read: {read}; respondents: {resp}, duplicates: {dup}, blank rows: {blank}, quarantined: {q}.",
        noIssues: "No issues were found.", issuesFound: "Issues found: {list}.", logPointer: "Every change is in the cleaning log, ", logWhere: " (the academy's working folder, not for partners).", laterWaves: "Later waves — files: {files}, respondents: {resp}.", allCountries: "All countries together.",
        methods: [
            "Importance and competence are rated on the instrument's scales; a choice scores as its code (its name in the instrument's choices) when that is a number, otherwise its position among the scale's points. \"Don't know\", \"N/A\" and the like (and, in a scale of numbered points, a choice whose code is not a number) count as not rated.",
            "Want training: the share of the respondents asked who chose the topic among those they would attend training on; one who chose none, or left the question blank, counts as not wanting it.",
            "Mean gap = mean of (importance − competence) over respondents who rated both; MWDS = mean gap × mean importance (Borich 1980). Rank 1 is the greatest need; tied scores share the best rank (two topics tied first are both 1, the next is 3).",
            "Intervals are 95%: Student t for means, Wilson score for shares (Kish's effective sample size with weights); country differences: Newcombe's interval and a two-proportion z test for shares, Welch's test for mean gaps, p-values Holm-corrected across topics.",
            "Locus for Focus: importance and gap each split at their mean over the scope's topics; HH (high importance, high gap) is the first priority.",
        ],
        fullPrecision: "Full-precision figures: ", perMunicipality: ", per municipality ",
        measure: "Measure", inCountry: "In the country", others: "Others", differenceMarked: "⚑ marks a difference that holds after Holm's correction (5% level); every topic: ", difference: "Difference (95% CI)", changeSince: "Change since the baseline: {w}", wavesPaired: "The same respondents answered both waves (matched by the instrument's respondent code): changes are paired differences with Student t intervals; demand shares are compared as independent samples (Newcombe's interval).", wavesIndependent: "Respondents are not matched between waves (no respondent code links them), so the waves are compared as independent samples: changes in means use Welch's interval, changes in demand shares Newcombe's hybrid score interval. A change whose interval excludes 0 is marked ▲ or ▼.", pairedUnweighted: "Paired changes are not weighted: the weights apply to each wave's own figures.", oneWaveOnly: "Topics asked in one wave only: {list}.", competence: "Competence", change: "Change (95% CI)", gapChange: "Gap change (95% CI)", wantChange: "Want training, change", leftHH: "Left HH", note: "Note", everyFigure: "Every figure: ", dumbbell: "Competence, baseline → {w}")

    static let estonian = ReportProse(
        instrument: "Küsimustik", version: "versioon",
        weightRespondent: "Kaalumine: iga vastajat arvestatakse üks kord.",
        weightRespondentWithinCountry: "Kaalumine: iga riigi sees arvestatakse iga vastajat üks kord.",
        weightMunicipality: "Kaalumine: igal omavalitsusel on oma riigis võrdne kaal; usaldusvahemikes on kasutatud Kishi efektiivset valimi suurust.",
        weightColumn: "Kaalumine: veeru {c} järgi; usaldusvahemikes on kasutatud Kishi efektiivset valimi suurust.",
        regionPooled: "Piirkond (ALL) ühendab kõik vastajad.",
        regionEqual: "Piirkonnas (ALL) on igal riigil võrdne kaal; selle usaldusvahemikes on kasutatud Kishi efektiivset valimi suurust.",
        placeNotRecognised: "koht pole tuvastatud",
        regionEqualLeftOut: Counted(one: "{n} riigita vastaja ei ole ALL-is arvestatud.", other: "{n} riigita vastajat ei ole ALL-is arvestatud."),
        weightMunicipalityLeftOut: Counted(
            one: "{n} vastaja, kelle omavalitsust ei tuvastatud, ei kuulu ühtegi omavalitsusse ja tema kaal on 0 (arvudest välja jäetud).",
            other: "{n} vastajat, kelle omavalitsust ei tuvastatud, ei kuulu ühtegi omavalitsusse ja nende kaal on 0 (arvudest välja jäetud)."),
        weightMunicipalityPooled: "Alla {k} vastajaga omavalitsused, mida näidatakse ainult koos, loetakse kaalumisel oma riigis üheks omavalitsuseks; nende vastajatel on võrdne kaal.",
        allCountriesCounted: "Kõigis riikides kokku: ",
        weightColumnZero: Counted(
            one: "{n} vastaja kaal selles veerus on 0 (või puudub kehtiv kaal) ja ta on arvudest välja jäetud.",
            other: "{n} vastaja kaal selles veerus on 0 (või puudub kehtiv kaal) ja nad on arvudest välja jäetud."),
        suppressed: Counted(one: "Vähem kui {n} vastaja põhjal arvutatud näitajad on varjatud.", other: "Vähem kui {n} vastaja põhjal arvutatud näitajad on varjatud."),
        suppressedFurther: "Lisaks on varjatud teisi näitajaid, et varjatud näitajaid ei saaks kogusummadest tuletada.",
        regionWithheld: "ALL-i näitajad on varjatud seal, kus mõne riigi näitajad on varjatud (vastajate arvud on näidatud): kaalutud ALL ei ole riikide lihtne summa ning koos avaldatud riikide näitajatega saaks selle näitajatest varjatud näitajad tuletada.",
        countriesWithheld: "Kaalumise korral on riigi näitajad tema omavalitsuste näitajate keskmine: kui mõne omavalitsuse näitajad on varjatud, on varjatud ka riigi näitajad (vastajate arvud on näidatud), sest koos avaldatud omavalitsuste näitajatega saaks neist varjatud näitajad tuletada.",
        notListed: "omavalitsused, kus on alla {k} vastaja (pole eraldi näidatud)",
        notListedOrUnrecognised: "omavalitsused, kus on alla {k} vastaja, või koht pole tuvastatud (pole eraldi näidatud)",
        dataQuality: "Faile: {files}, loetud kirjeid: {read}; vastajaid: {resp}, duplikaate: {dup}, tühje ridu: {blank}, karantiinis: {q}.",
        noIssues: "Probleeme ei leitud.", issuesFound: "Leitud probleemid: {list}.", logPointer: "Iga muudatus on puhastuslogis: ", logWhere: " (akadeemia töökaust, mitte partneritele).", laterWaves: "Hilisemad lained — faile: {files}, vastajaid: {resp}.", allCountries: "Kõik riigid kokku.",
        methods: [
            "Olulisust ja pädevust hinnatakse küsimustiku skaaladel; vastusevariandi väärtus on selle kood, kui see on arv, muidu selle järjekorranumber skaala punktide seas. „Ei tea“, „Ei puuduta“ jms (ning nummerdatud skaalal variant, mille kood pole arv) loetakse hindamata jäetuks.",
            "Koolitussoov: küsitud vastajate osakaal, kes valisid teema nende seast, mille koolitusel nad osaleksid; kes ei valinud ühtki või jättis küsimuse vastamata, loetakse koolitust mittesoovivaks.",
            "Keskmine lõhe = (olulisus − pädevus) keskmine vastajatel, kes hindasid mõlemat; MWDS = keskmine lõhe × keskmine olulisus (Borich 1980). Koht 1 on suurim vajadus; võrdsed väärtused saavad parima koha (kaks esikohta jagavat teemat on mõlemad 1., järgmine 3.).",
            "Usaldusvahemikud on 95%: keskmistel Studenti t, osakaaludel Wilsoni vahemik (kaalumisel Kishi efektiivse valimi suurusega); riikide erinevused: osakaaludel Newcombe'i vahemik ja z-test, keskmistel lõhedel Welchi test, p-väärtused on Holmi järgi korrigeeritud.",
            "Locus for Focus: olulisus ja lõhe jagatakse teemade keskmise juures; HH (kõrge olulisus, suur lõhe) on esimene prioriteet.",
        ],
        fullPrecision: "Täpsed arvud: ", perMunicipality: ", omavalitsuste kaupa ", byAnswer: ", küsimuse {q} vastuste kaupa ",
        measure: "Näitaja", inCountry: "Riigis", others: "Teised", differenceMarked: "⚑ tähistab erinevust, mis jääb kehtima ka Holmi korrektsiooni järel (5% tase); kõik teemad: ", difference: "Vahe (95% UV)", changeSince: "Muutus võrreldes lähteuuringuga: {w}", wavesPaired: "Mõlemale lainele vastasid samad inimesed (seotud küsimustiku vastajakoodiga): muutused on paarisvahed Studenti t-vahemikega; koolitussoovi osakaale võrreldakse sõltumatute valimitena (Newcombe'i vahemik).", wavesIndependent: "Vastajaid lainete vahel ei seota (neid ei ühenda ükski vastajakood), seega võrreldakse laineid sõltumatute valimitena: keskmiste muutustel on Welchi vahemik, koolitussoovi osakaalude muutustel Newcombe'i vahemik. Muutus, mille vahemik ei sisalda nulli, on tähistatud ▲ või ▼.", pairedUnweighted: "Paarisvahed ei ole kaalutud: kaalud kehtivad iga laine enda arvudele.", oneWaveOnly: "Ainult ühes laines küsitud teemad: {list}.", competence: "Pädevus", change: "Muutus (95% UV)", gapChange: "Lõhe muutus (95% UV)", wantChange: "Koolitussoov, muutus", leftHH: "Lahkus HH-st", note: "Märkus", everyFigure: "Kõik arvud: ", dumbbell: "Pädevus, lähteuuring → {w}", yes: "jah", no: "ei",
        notRead: "pole loetud", genericSheet: "tavaline tabel",
        dictionary: "; mida tabelite veerud sisaldavad (inglise keeles): ", codesMeaning: "Mida iga kood tähendab (inglise keeles): ",
        topNeedsFlag: "⚑▲ / ⚑▼: riigi vajadus selles teemas on suurem / väiksem kui ülejäänud piirkonnas (koolitust soovijate osakaal või lõhe on suurem või väiksem; erinevus jääb kehtima ka Holmi korrektsiooni järel, 5% tase); ⚑ üksi: ühe näitaja järgi suurem, teise järgi väiksem; vt „{s}“.",
        ranksAmongShown: "Kohad on järjestatud teemade seas, mille MWDS on näidatud: teema, mille näitajad on varjatud (–), võib olla suurem vajadus.",
        quadrantsAmongShown: "Kus osa teemade näitajaid on varjatud (–), jagatakse kvadrandid näidatud teemade keskmiste järgi: varjatud teema võib kuuluda HH-sse.",
        oneRespondentGap: "(n = 1): ühe vastaja hinnangute keskmine lõhe, ilma vahemikuta (ühest vastusest seda ei saa).",
        unratedTopic: "Siin hindamata, seega ilma koha, MWDS-i ja tulbata (–, pole varjatud): {list}. Ükski vastaja ei hinnanud teema olulisust koos oma pädevusega selles (failides polnud nende veerge, need jäid tühjaks või hindasid neid ainult vastajad kaaluga 0).",
        demandPartlyAsked: "Vastajad, kellelt teema koolitussoovi ei küsitud (nende failis polnud küsimuse või teema veergu või LimeSurvey vastus ei jõudnud küsimuseni) või kelle vastust ei õnnestunud lugeda, on selle osakaalu alusest välja jäetud, mitte loetud koolitust mitte soovivaks.",
        intervalsWithheld: "Selle kaalumise korral on mõned usaldusvahemikud varjatud, sest neist saaks tuletada varjatud vastajate arvu: ilma vahemikuta osakaalu või muutust pole seepärast tähistatud ▲ ega ▼, mitte sellepärast, et see poleks oluline.",
        waveNotes: [
            "topic not asked at baseline": "teemat lähteuuringus ei küsitud",
            "topic not asked in this wave": "teemat selles laines ei küsitud",
            "topic rated or chosen by no one in this wave, as if not asked": "teemat ei hinnanud ega valinud selles laines keegi, nagu poleks seda küsitud",
            "topic rated or chosen by no one at baseline, as if not asked": "lähteuuringus ei hinnanud ega valinud teemat keegi, nagu poleks seda küsitud",
            "no respondents at baseline": "lähteuuringus vastajaid polnud",
            "no respondents in this wave": "selles laines vastajaid polnud",
            "counts suppressed": "arvud varjatud",
            "fewer than {k} respondents in a wave: suppressed": "mõnes laines alla {k} vastaja: varjatud",
            "suppressed so that a smaller cell cannot be worked out from totals": "varjatud, et väiksema rühma näitajaid ei saaks kogusummadest tuletada",
            "fewer than {k} respondents matched in both waves": "mõlemas laines alla {k} seotud vastaja",
            "fewer than {k} matched respondents rated the topic in both waves": "alla {k} seotud vastaja hindas teemat mõlemas laines",
            "suppressed so that a country's change cannot be worked out from it": "varjatud, et riigi muutust ei saaks sellest tuletada",
            "figures suppressed in a wave's tables": "näitajad on mõne laine tabelites varjatud",
        ], grouping: DigitGrouping(separator: "\u{00A0}", minimumDigits: 2))

    static let latvian = ReportProse(
        instrument: "Anketa", version: "versija",
        weightRespondent: "Svēršana: katrs respondents tiek ieskaitīts vienu reizi.",
        weightRespondentWithinCountry: "Svēršana: katrā valstī katrs respondents tiek ieskaitīts vienu reizi.",
        weightMunicipality: "Svēršana: katrai pašvaldībai savā valstī ir vienāds svars; ticamības intervālos izmantots Kiša efektīvais izlases lielums.",
        weightColumn: "Svēršana: pēc kolonnas {c}; ticamības intervālos izmantots Kiša efektīvais izlases lielums.",
        regionPooled: "Reģions (ALL) apvieno visus respondentus.",
        regionEqual: "Reģionā (ALL) katrai valstij ir vienāds svars; tā ticamības intervālos izmantots Kiša efektīvais izlases lielums.",
        placeNotRecognised: "vieta nav atpazīta",
        regionEqualLeftOut: Counted(one: "{n} respondents bez valsts nav iekļauts ALL.", other: "{n} respondenti bez valsts nav iekļauti ALL."),
        weightMunicipalityLeftOut: Counted(
            one: "{n} respondents, kura pašvaldība nav atpazīta, nepieder nevienai pašvaldībai, un tā svars ir 0 (nav iekļauts rādītājos).",
            other: "{n} respondenti, kuru pašvaldība nav atpazīta, nepieder nevienai pašvaldībai, un viņu svars ir 0 (nav iekļauti rādītājos)."),
        weightMunicipalityPooled: "Pašvaldības ar mazāk nekā {k} respondentiem, kas rādītas tikai kopā, svēršanā savā valstī skaitās kā viena pašvaldība; to respondentiem ir vienāds svars.",
        allCountriesCounted: "Visās valstīs kopā: ",
        weightColumnZero: Counted(
            one: "{n} respondenta svars šajā kolonnā ir 0 (vai tajā nav derīga svara), un tas nav iekļauts rādītājos.",
            other: "{n} respondentu svars šajā kolonnā ir 0 (vai tajā nav derīga svara), un viņi nav iekļauti rādītājos."),
        suppressed: Counted(one: "Rādītāji, kas aprēķināti no mazāk nekā {n} respondenta, nav rādīti.", other: "Rādītāji, kas aprēķināti no mazāk nekā {n} respondentiem, nav rādīti."),
        suppressedFurther: "Papildus nav rādīti arī citi rādītāji, lai slēptos rādītājus nevarētu aprēķināt no kopsummām.",
        regionWithheld: "ALL rādītāji nav rādīti tur, kur nav rādīti kādas valsts rādītāji (skaiti paliek redzami): ar svariem ALL nav vienkārša valstu summa, un kopā ar publicētajām valstīm tā rādītāji ļautu aprēķināt slēptos.",
        countriesWithheld: "Ar svariem valsts rādītāji ir tās pašvaldību rādītāju vidējais: kur kādas pašvaldības rādītāji nav rādīti, nav rādīti arī valsts rādītāji (skaiti paliek redzami), jo kopā ar publicētajām pašvaldībām tie ļautu aprēķināt slēptos.",
        notListed: "mazāk par {k} katrā (nav uzskaitītas)",
        notListedOrUnrecognised: "mazāk par {k} katrā vai vieta nav atpazīta (nav uzskaitītas)",
        dataQuality: "Faili: {files}, nolasīti ieraksti: {read}; respondenti: {resp}, dublikāti: {dup}, tukšas rindas: {blank}, karantīnā: {q}.",
        noIssues: "Problēmas netika atrastas.", issuesFound: "Atrastās problēmas: {list}.", logPointer: "Katra izmaiņa ir tīrīšanas žurnālā: ", logWhere: " (akadēmijas darba mape, nav paredzēta partneriem).", laterWaves: "Vēlākie viļņi — faili: {files}, respondenti: {resp}.", allCountries: "Visas valstis kopā.",
        methods: [
            "Svarīgums un kompetence tiek vērtēti anketas skalās; atbildes vērtība ir tās kods, ja tas ir skaitlis, citādi tās kārtas numurs starp skalas punktiem. „Nezinu“, „Nav attiecināms“ u. tml. (un numurētā skalā atbilde, kuras kods nav skaitlis) tiek uzskatītas par nenovērtētām.",
            "Vēlas apmācības: to respondentu daļa, kuriem jautājums tika uzdots, kas izvēlējās tēmu starp tām, kuru apmācībās viņi piedalītos; tas, kurš neizvēlējās nevienu tēmu vai neatbildēja uz jautājumu, tiek uzskatīts par tādu, kas apmācības nevēlas.",
            "Vidējā plaisa = (svarīgums − kompetence) vidējā vērtība respondentiem, kas novērtēja abus; MWDS = vidējā plaisa × vidējais svarīgums (Borich 1980). 1. vieta ir lielākā vajadzība; vienādām vērtībām ir kopīga labākā vieta (divas tēmas, kas dala pirmo vietu, abas ir 1., nākamā ir 3.).",
            "Intervāli ir 95%: vidējām vērtībām Stjūdenta t, daļām Vilsona intervāls (ar svariem — ar Kiša efektīvo izlases lielumu); valstu atšķirības: daļām Ņūkoma intervāls un z tests, vidējām plaisām Velča tests, p vērtības koriģētas pēc Holma.",
            "Locus for Focus: svarīgums un plaisa tiek iedalīti augstos un zemos pēc to vidējās vērtības visām tēmām; HH (augsts svarīgums, liela plaisa) ir pirmā prioritāte.",
        ],
        fullPrecision: "Precīzi skaitļi: ", perMunicipality: ", pa pašvaldībām ", byAnswer: ", pa jautājuma {q} atbildēm ",
        measure: "Rādītājs", inCountry: "Valstī", others: "Citas", differenceMarked: "⚑ atzīmē atšķirību, kas saglabājas arī pēc Holma korekcijas (5% līmenis); visas tēmas: ", difference: "Starpība (95% TI)", changeSince: "Izmaiņas salīdzinājumā ar sākotnējo aptauju: {w}", wavesPaired: "Abos viļņos atbildēja tie paši cilvēki (sasaistīti ar anketas respondenta kodu): izmaiņas ir pāru starpības ar Stjūdenta t intervāliem; apmācību vēlmes daļas salīdzinātas kā neatkarīgas izlases (Ņūkoma intervāls).", wavesIndependent: "Respondenti starp viļņiem nav sasaistīti (tos nesaista respondenta kods), tāpēc viļņi salīdzināti kā neatkarīgas izlases: vidējo vērtību izmaiņām ir Velča intervāls, apmācību vēlmes daļu izmaiņām Ņūkoma intervāls. Izmaiņa, kuras intervāls neietver nulli, ir atzīmēta ar ▲ vai ▼.", pairedUnweighted: "Pāru starpības nav svērtas: svari attiecas uz katra viļņa paša rādītājiem.", oneWaveOnly: "Tēmas, kas jautātas tikai vienā vilnī: {list}.", competence: "Kompetence", change: "Izmaiņa (95% TI)", gapChange: "Plaisas izmaiņa (95% TI)", wantChange: "Vēlas apmācības, izmaiņa", leftHH: "Izgāja no HH", note: "Piezīme", everyFigure: "Visi skaitļi: ", dumbbell: "Kompetence, sākotnējā aptauja → {w}", yes: "jā", no: "nē",
        notRead: "nav nolasīts", genericSheet: "vienkārša tabula",
        dictionary: "; ko satur tabulu kolonnas (angļu valodā): ", codesMeaning: "Ko nozīmē katrs kods (angļu valodā): ",
        topNeedsFlag: "⚑▲ / ⚑▼: valsts vajadzība šajā tēmā ir lielāka / mazāka nekā pārējā reģionā (apmācības vēlētāju īpatsvars vai plaisa ir lielāka vai mazāka; atšķirība saglabājas arī pēc Holma korekcijas, 5% līmenis); tikai ⚑: pēc viena rādītāja lielāka, pēc otra mazāka; sk. „{s}“.",
        ranksAmongShown: "Vietas ir noteiktas starp tēmām, kuru MWDS ir parādīts: tēma, kuras rādītāji ir slēpti (–), var būt lielāka vajadzība.",
        quadrantsAmongShown: "Ja daļas tēmu rādītāji ir slēpti (–), kvadranti tiek dalīti pēc parādīto tēmu vidējiem: slēpta tēma var piederēt HH kvadrantam.",
        oneRespondentGap: "(n = 1): viena respondenta vērtējumu vidējā plaisa, bez intervāla (no vienas atbildes to nevar iegūt).",
        unratedTopic: "Šeit nav vērtētas, tāpēc bez vietas, MWDS un stabiņa (–, nav slēptas): {list}. Neviens respondents nenovērtēja gan tēmas svarīgumu, gan savu kompetenci tajā (failos nebija šo kolonnu, tās palika tukšas vai tās vērtēja tikai respondenti ar svaru 0).",
        demandPartlyAsked: "Respondenti, kuriem par apmācību vēlmi šajā tēmā netika jautāts (viņu failā nebija jautājuma vai tēmas kolonnas vai LimeSurvey atbilde līdz jautājumam nenonāca) vai kuru atbildi nevarēja nolasīt, nav iekļauti šīs daļas bāzē, nevis uzskatīti par tādiem, kas apmācības nevēlas.",
        intervalsWithheld: "Ar šo svēršanu daži ticamības intervāli nav rādīti, jo no tiem varētu aprēķināt slēptu respondentu skaitu: daļa vai izmaiņa bez intervāla tāpēc nav atzīmēta ar ▲ vai ▼, nevis tāpēc, ka tā nebūtu būtiska.",
        waveNotes: [
            "topic not asked at baseline": "tēma sākotnējā aptaujā netika jautāta",
            "topic not asked in this wave": "tēma šajā vilnī netika jautāta",
            "topic rated or chosen by no one in this wave, as if not asked": "tēmu šajā vilnī neviens nevērtēja un neizvēlējās, it kā tā nebūtu jautāta",
            "topic rated or chosen by no one at baseline, as if not asked": "sākotnējā aptaujā tēmu neviens nevērtēja un neizvēlējās, it kā tā nebūtu jautāta",
            "no respondents at baseline": "sākotnējā aptaujā nebija respondentu",
            "no respondents in this wave": "šajā vilnī nebija respondentu",
            "counts suppressed": "skaiti nav rādīti",
            "fewer than {k} respondents in a wave: suppressed": "kādā vilnī mazāk nekā {k} respondenti: nav rādīts",
            "suppressed so that a smaller cell cannot be worked out from totals": "nav rādīts, lai mazākas grupas rādītājus nevarētu aprēķināt no kopsummām",
            "fewer than {k} respondents matched in both waves": "abos viļņos sasaistīti mazāk nekā {k} respondenti",
            "fewer than {k} matched respondents rated the topic in both waves": "mazāk nekā {k} sasaistīti respondenti novērtēja tēmu abos viļņos",
            "suppressed so that a country's change cannot be worked out from it": "nav rādīts, lai no tā nevarētu aprēķināt kādas valsts izmaiņas",
            "figures suppressed in a wave's tables": "rādītāji kāda viļņa tabulās nav rādīti",
        ], plural: .latvian, grouping: DigitGrouping(separator: "\u{00A0}", minimumDigits: 2))

    static let lithuanian = ReportProse(
        instrument: "Klausimynas", version: "versija",
        weightRespondent: "Svoriai: kiekvienas respondentas skaičiuojamas vieną kartą.",
        weightRespondentWithinCountry: "Svoriai: kiekvienoje šalyje kiekvienas respondentas skaičiuojamas vieną kartą.",
        weightMunicipality: "Svoriai: kiekviena savivaldybė savo šalyje turi vienodą svorį; intervalams naudojamas Kisho efektyvusis imties dydis.",
        weightColumn: "Svoriai: pagal stulpelį {c}; intervalams naudojamas Kisho efektyvusis imties dydis.",
        regionPooled: "Regionas (ALL) apima visus respondentus.",
        regionEqual: "Regione (ALL) kiekviena šalis turi vienodą svorį; jo intervalams naudojamas Kisho efektyvusis imties dydis.",
        placeNotRecognised: "vieta neatpažinta",
        regionEqualLeftOut: Counted(one: "{n} respondentas be šalies neįtrauktas į ALL.", few: "{n} respondentai be šalies neįtraukti į ALL.",
                                    other: "{n} respondentų be šalies neįtraukta į ALL."),
        weightMunicipalityLeftOut: Counted(
            one: "{n} respondentas, kurio savivaldybė neatpažinta, nepriskiriamas jokiai savivaldybei, jo svoris 0 (neįtrauktas į rodiklius).",
            few: "{n} respondentai, kurių savivaldybė neatpažinta, nepriskiriami jokiai savivaldybei, jų svoris 0 (neįtraukti į rodiklius).",
            other: "{n} respondentų, kurių savivaldybė neatpažinta, nepriskirta jokiai savivaldybei, jų svoris 0 (neįtraukta į rodiklius)."),
        weightMunicipalityPooled: "Savivaldybės, kuriose mažiau nei {k} respondentų ir kurios rodomos tik kartu, sveriant laikomos viena savo šalies savivaldybe; jų respondentų svoriai vienodi.",
        allCountriesCounted: "Visose šalyse kartu: ",
        weightColumnZero: Counted(
            one: "{n} respondento svoris šiame stulpelyje yra 0 (arba jame nėra tinkamo svorio), jis neįtrauktas į rodiklius.",
            other: "{n} respondentų svoris šiame stulpelyje yra 0 (arba jame nėra tinkamo svorio), jie neįtraukti į rodiklius."),
        suppressed: Counted(one: "Rodikliai, apskaičiuoti iš mažiau nei {n} respondento, nerodomi.", other: "Rodikliai, apskaičiuoti iš mažiau nei {n} respondentų, nerodomi."),
        suppressedFurther: "Papildomai nerodomi ir kiti rodikliai, kad nerodomų rodiklių nebūtų galima apskaičiuoti iš sumų.",
        regionWithheld: "ALL rodikliai nerodomi ten, kur nerodomi kurios nors šalies rodikliai (skaičiai rodomi): su svoriais ALL nėra paprasta šalių suma, todėl kartu su paskelbtais šalių rodikliais jo rodikliai leistų apskaičiuoti nerodomus.",
        countriesWithheld: "Su svoriais šalies rodikliai yra jos savivaldybių rodiklių vidurkis: kur kurios nors savivaldybės rodikliai nerodomi, nerodomi ir šalies (skaičiai rodomi), nes kartu su paskelbtomis savivaldybėmis jie leistų apskaičiuoti nerodomus.",
        notListed: "mažiau nei {k} kiekvienoje (neišvardytos)",
        notListedOrUnrecognised: "mažiau nei {k} kiekvienoje arba vieta neatpažinta (neišvardytos)",
        dataQuality: "Failai: {files}, perskaityti įrašai: {read}; respondentai: {resp}, dublikatai: {dup}, tuščios eilutės: {blank}, karantine: {q}.",
        noIssues: "Problemų nerasta.", issuesFound: "Rastos problemos: {list}.", logPointer: "Kiekvienas pakeitimas yra valymo žurnale: ", logWhere: " (akademijos darbo aplankas, ne partneriams).", laterWaves: "Vėlesnės bangos — failai: {files}, respondentai: {resp}.", allCountries: "Visos šalys kartu.",
        methods: [
            "Svarba ir kompetencija vertinamos klausimyno skalėmis; atsakymo reikšmė yra jo kodas, jei tai skaičius, kitaip jo eilės numeris tarp skalės taškų. „Nežinau“, „Netaikoma“ ir panašūs (o sunumeruotoje skalėje – atsakymas, kurio kodas nėra skaičius) laikomi neįvertintais.",
            "Norėtų mokymų: respondentų, kuriems klausimas buvo užduotas, dalis, pasirinkusių temą iš tų, kurių mokymuose dalyvautų; nepasirinkęs nė vienos ar neatsakęs į klausimą laikomas nenorinčiu mokymų.",
            "Vidutinis atotrūkis = (svarba − kompetencija) vidurkis respondentų, įvertinusių abi; MWDS = vidutinis atotrūkis × vidutinė svarba (Borich 1980). 1-oji vieta – didžiausias poreikis; vienodos reikšmės dalijasi geriausia vieta (dvi pirmą vietą dalijančios temos abi yra 1-os, kita – 3-ia).",
            "Intervalai yra 95%: vidurkiams Stjudento t, dalims Vilsono intervalas (su svoriais — su Kisho efektyviuoju imties dydžiu); šalių skirtumai: dalims Newcombe'o intervalas ir z testas, vidutiniams atotrūkiams Welcho testas, p reikšmės pakoreguotos Holmo metodu.",
            "Locus for Focus: svarba ir atotrūkis dalijami ties jų vidurkiu pagal temas; HH (didelė svarba, didelis atotrūkis) yra pirmasis prioritetas.",
        ],
        fullPrecision: "Tikslūs skaičiai: ", perMunicipality: ", pagal savivaldybes ", byAnswer: ", pagal klausimo {q} atsakymus ",
        measure: "Rodiklis", inCountry: "Šalyje", others: "Kitos", differenceMarked: "⚑ žymi skirtumą, kuris išlieka ir po Holmo pataisos (5% lygmuo); visos temos: ", difference: "Skirtumas (95% PI)", changeSince: "Pokytis, palyginti su pradine apklausa: {w}", wavesPaired: "Abiejose bangose atsakė tie patys žmonės (susieti klausimyno respondento kodu): pokyčiai yra porų skirtumai su Stjudento t intervalais; norinčiųjų dalyvauti mokymuose dalys lyginamos kaip nepriklausomos imtys (Newcombe'o intervalas).", wavesIndependent: "Respondentai tarp bangų nesusieti (jų nesieja respondento kodas), todėl bangos lyginamos kaip nepriklausomos imtys: vidurkių pokyčiams naudojamas Welcho intervalas, norinčiųjų dalyvauti mokymuose dalių pokyčiams Newcombe'o intervalas. Pokytis, kurio intervalas neapima nulio, pažymėtas ▲ arba ▼.", pairedUnweighted: "Porų skirtumai nesverti: svoriai taikomi kiekvienos bangos pačios rodikliams.", oneWaveOnly: "Temos, klaustos tik vienoje bangoje: {list}.", competence: "Kompetencija", change: "Pokytis (95% PI)", gapChange: "Atotrūkio pokytis (95% PI)", wantChange: "Norėtų mokymų, pokytis", leftHH: "Išėjo iš HH", note: "Pastaba", everyFigure: "Visi skaičiai: ", dumbbell: "Kompetencija, pradinė apklausa → {w}", yes: "taip", no: "ne",
        notRead: "neperskaitytas", genericSheet: "paprasta lentelė",
        dictionary: "; ką reiškia lentelių stulpeliai (anglų kalba): ", codesMeaning: "Ką reiškia kiekvienas kodas (anglų kalba): ",
        topNeedsFlag: "⚑▲ / ⚑▼: šalies poreikis šia tema didesnis / mažesnis nei likusiame regione (norinčiųjų mokytis dalis arba atotrūkis didesnis ar mažesnis; skirtumas išlieka ir po Holmo pataisos, 5% lygmuo); vien ⚑: pagal vieną rodiklį didesnis, pagal kitą mažesnis; žr. „{s}“.",
        ranksAmongShown: "Vietos nustatytos tarp temų, kurių MWDS parodytas: tema, kurios rodikliai paslėpti (–), gali būti didesnis poreikis.",
        quadrantsAmongShown: "Kai dalies temų rodikliai paslėpti (–), kvadrantai skiriami pagal parodytų temų vidurkius: paslėpta tema gali priklausyti HH kvadrantui.",
        oneRespondentGap: "(n = 1): vieno respondento vertinimų vidutinis atotrūkis, be intervalo (iš vieno atsakymo jo gauti negalima).",
        unratedTopic: "Čia nevertintos, todėl be vietos, MWDS ir stulpelio (–, nepaslėptos): {list}. Nė vienas respondentas neįvertino ir temos svarbos, ir savo kompetencijos joje (failuose nebuvo šių stulpelių, jie liko tušti arba juos vertino tik respondentai, kurių svoris 0).",
        demandPartlyAsked: "Respondentai, kurių neklausta apie norą dalyvauti mokymuose šia tema (jų faile nebuvo klausimo ar temos stulpelio arba LimeSurvey atsakymas nepasiekė klausimo) arba kurių atsakymo nepavyko perskaityti, neįtraukti į šios dalies bazę, o ne laikomi nenorinčiais mokytis.",
        intervalsWithheld: "Taikant šiuos svorius, kai kurie pasikliautinieji intervalai nerodomi, nes iš jų būtų galima apskaičiuoti nerodomą respondentų skaičių: dalis ar pokytis be intervalo todėl nepažymėti ▲ ar ▼ – ne todėl, kad nebūtų reikšmingi.",
        waveNotes: [
            "topic not asked at baseline": "pradinėje apklausoje tema neklausta",
            "topic not asked in this wave": "tema šioje bangoje neklausta",
            "topic rated or chosen by no one in this wave, as if not asked": "šioje bangoje temos niekas nevertino ir nepasirinko, lyg ji nebūtų klausta",
            "topic rated or chosen by no one at baseline, as if not asked": "pradinėje apklausoje temos niekas nevertino ir nepasirinko, lyg ji nebūtų klausta",
            "no respondents at baseline": "pradinėje apklausoje respondentų nebuvo",
            "no respondents in this wave": "šioje bangoje respondentų nebuvo",
            "counts suppressed": "skaičiai nerodomi",
            "fewer than {k} respondents in a wave: suppressed": "kurioje nors bangoje mažiau nei {k} respondentų: nerodoma",
            "suppressed so that a smaller cell cannot be worked out from totals": "nerodoma, kad mažesnės grupės rodiklių nebūtų galima apskaičiuoti iš sumų",
            "fewer than {k} respondents matched in both waves": "abiejose bangose susieta mažiau nei {k} respondentų",
            "fewer than {k} matched respondents rated the topic in both waves": "mažiau nei {k} susietų respondentų įvertino temą abiejose bangose",
            "suppressed so that a country's change cannot be worked out from it": "nerodoma, kad iš jo nebūtų galima apskaičiuoti šalies pokyčio",
            "figures suppressed in a wave's tables": "rodikliai kurios nors bangos lentelėse nerodomi",
        ], plural: .lithuanian, grouping: .noBreakSpace)

    static let russian = ReportProse(
        instrument: "Анкета", version: "версия",
        weightRespondent: "Взвешивание: каждый респондент учитывается один раз.",
        weightRespondentWithinCountry: "Взвешивание: внутри каждой страны каждый респондент учитывается один раз.",
        weightMunicipality: "Взвешивание: каждый муниципалитет имеет равный вес в своей стране; для интервалов используется эффективный размер выборки Киша.",
        weightColumn: "Взвешивание: по столбцу {c}; для интервалов используется эффективный размер выборки Киша.",
        regionPooled: "Регион (ALL) объединяет всех респондентов.",
        regionEqual: "В регионе (ALL) каждая страна имеет равный вес; для его интервалов используется эффективный размер выборки Киша.",
        placeNotRecognised: "место не распознано",
        regionEqualLeftOut: Counted(one: "{n} респондент без страны не включён в ALL.", few: "{n} респондента без страны не включены в ALL.",
                                    other: "{n} респондентов без страны не включены в ALL."),
        weightMunicipalityLeftOut: Counted(
            one: "{n} респондент, чей муниципалитет не распознан, не относится ни к одному муниципалитету и имеет вес 0 (не учтён в показателях).",
            few: "{n} респондента, чьи муниципалитеты не распознаны, не относятся ни к одному муниципалитету и имеют вес 0 (не учтены в показателях).",
            other: "{n} респондентов, чьи муниципалитеты не распознаны, не относятся ни к одному муниципалитету и имеют вес 0 (не учтены в показателях)."),
        weightMunicipalityPooled: "Муниципалитеты, где менее {k} респондентов, показанные только вместе, при взвешивании считаются в своей стране одним муниципалитетом; их респонденты имеют равный вес.",
        allCountriesCounted: "Во всех странах вместе: ",
        weightColumnZero: Counted(
            one: "{n} респондент имеет в этом столбце вес 0 (или не имеет допустимого веса) и не учтён в показателях.",
            few: "{n} респондента имеют в этом столбце вес 0 (или не имеют допустимого веса) и не учтены в показателях.",
            other: "{n} респондентов имеют в этом столбце вес 0 (или не имеют допустимого веса) и не учтены в показателях."),
        suppressed: Counted(one: "Показатели, рассчитанные менее чем по {n} респонденту, скрыты.", other: "Показатели, рассчитанные менее чем по {n} респондентам, скрыты."),
        suppressedFurther: "Дополнительно скрыты и другие показатели, чтобы скрытые нельзя было вычислить из итогов.",
        regionWithheld: "Показатели ALL скрыты там, где скрыты показатели какой-либо страны (численность показана): при взвешивании ALL не является простой суммой стран, и вместе с опубликованными показателями стран его показатели позволили бы вычислить скрытые.",
        countriesWithheld: "При взвешивании показатели страны — среднее показателей её муниципалитетов: если показатели какого-либо муниципалитета скрыты, скрыты и показатели страны (численность показана), так как вместе с опубликованными показателями муниципалитетов они позволили бы вычислить скрытые.",
        notListed: "менее {k} в каждом (не перечислены)",
        notListedOrUnrecognised: "менее {k} в каждом или место не распознано (не перечислены)",
        dataQuality: "Файлов: {files}, прочитано записей: {read}; респондентов: {resp}, дубликатов: {dup}, пустых строк: {blank}, в карантине: {q}.",
        noIssues: "Проблем не найдено.", issuesFound: "Найденные проблемы: {list}.", logPointer: "Каждое изменение записано в журнале очистки: ", logWhere: " (рабочая папка академии, не для партнёров).", laterWaves: "Последующие волны — файлов: {files}, респондентов: {resp}.", allCountries: "Все страны вместе.",
        methods: [
            "Важность и компетентность оцениваются по шкалам анкеты; значение ответа — его код, если это число, иначе его номер среди пунктов шкалы. «Не знаю», «Неприменимо» и т. п. (а в шкале с числовыми пунктами — вариант, код которого не является числом) считаются отсутствием оценки.",
            "Хотят пройти обучение: доля респондентов, которым задавался вопрос, выбравших тему среди тех, по которым они прошли бы обучение; не выбравший ни одной или не ответивший на вопрос считается не желающим пройти обучение.",
            "Средний разрыв = среднее (важность − компетентность) по респондентам, оценившим оба показателя; MWDS = средний разрыв × средняя важность (Borich 1980). Место 1 — наибольшая потребность; равные значения делят лучшее место (две темы, разделившие первое место, обе 1-е, следующая — 3-я).",
            "Интервалы 95%: для средних — t Стьюдента, для долей — интервал Уилсона (при взвешивании — с эффективным размером выборки Киша); различия стран: для долей — интервал Ньюкомба и z-тест, для средних разрывов — тест Уэлча, p-значения скорректированы по Холму.",
            "Locus for Focus: важность и разрыв разбиваются на высокие и низкие значения по их среднему по всем темам; HH (высокая важность, большой разрыв) — первый приоритет.",
        ],
        fullPrecision: "Точные значения: ", perMunicipality: ", по муниципалитетам ", byAnswer: ", по ответам на вопрос {q} ",
        measure: "Показатель", inCountry: "В стране", others: "Остальные", differenceMarked: "⚑ отмечает различие, которое сохраняется и после поправки Холма (уровень 5%); все темы: ", difference: "Разница (95% ДИ)", changeSince: "Изменение по сравнению с исходным опросом: {w}", wavesPaired: "В обеих волнах отвечали одни и те же люди (сопоставлены по коду респондента из анкеты): изменения — парные разности с интервалами t Стьюдента; доли желающих пройти обучение сравниваются как независимые выборки (интервал Ньюкомба).", wavesIndependent: "Респонденты разных волн не сопоставлены (их не связывает код респондента), поэтому волны сравниваются как независимые выборки: для изменений средних — интервал Уэлча, для изменений долей желающих пройти обучение — интервал Ньюкомба. Изменение, интервал которого не содержит нуля, отмечено ▲ или ▼.", pairedUnweighted: "Парные разности не взвешены: веса применяются к показателям каждой волны.", oneWaveOnly: "Темы, заданные только в одной волне: {list}.", competence: "Компетентность", change: "Изменение (95% ДИ)", gapChange: "Изменение разрыва (95% ДИ)", wantChange: "Хотят пройти обучение, изменение", leftHH: "Вышла из HH", note: "Примечание", everyFigure: "Все значения: ", dumbbell: "Компетентность, исходный опрос → {w}", yes: "да", no: "нет",
        notRead: "не прочитан", genericSheet: "обычная таблица",
        dictionary: "; что содержат столбцы таблиц (на английском): ", codesMeaning: "Что означает каждый код (на английском): ",
        topNeedsFlag: "⚑▲ / ⚑▼: потребность страны по этой теме выше / ниже, чем в остальной части региона (доля желающих пройти обучение или разрыв больше или меньше; различие сохраняется и после поправки Холма, уровень 5%); ⚑ без стрелки: по одному показателю выше, по другому ниже; см. «{s}».",
        ranksAmongShown: "Места определены среди тем, для которых показан MWDS: тема со скрытыми показателями (–) может быть большей потребностью.",
        quadrantsAmongShown: "Если показатели части тем скрыты (–), квадранты определяются по средним показанных тем: скрытая тема может относиться к HH.",
        oneRespondentGap: "(n = 1): средний разрыв по оценкам одного респондента, без интервала (по одному ответу его не вычислить).",
        unratedTopic: "Здесь не оценивались, поэтому без места, MWDS и столбца (–, не скрыты): {list}. Ни один респондент не оценил и важность темы, и свою компетентность в ней (в файлах не было этих столбцов, они остались пустыми или их оценили только респонденты с весом 0).",
        demandPartlyAsked: "Респонденты, которых не спрашивали о желаемом обучении по теме (в их файле не было столбца вопроса или темы, или ответ LimeSurvey не дошёл до вопроса) или чей ответ не удалось прочитать, исключены из базы этой доли, а не считаются не желающими пройти обучение.",
        intervalsWithheld: "При таком взвешивании некоторые доверительные интервалы скрыты, так как по ним можно было бы вычислить скрытое число респондентов: доля или изменение без интервала поэтому не отмечены ▲ или ▼ — это не означает, что они незначимы.",
        waveNotes: [
            "topic not asked at baseline": "тема не задавалась в исходном опросе",
            "topic not asked in this wave": "тема не задавалась в этой волне",
            "topic rated or chosen by no one in this wave, as if not asked": "в этой волне тему никто не оценил и не выбрал, как будто она не задавалась",
            "topic rated or chosen by no one at baseline, as if not asked": "в исходном опросе тему никто не оценил и не выбрал, как будто она не задавалась",
            "no respondents at baseline": "в исходном опросе не было респондентов",
            "no respondents in this wave": "в этой волне не было респондентов",
            "counts suppressed": "числа скрыты",
            "fewer than {k} respondents in a wave: suppressed": "менее {k} респондентов в одной из волн: скрыто",
            "suppressed so that a smaller cell cannot be worked out from totals": "скрыто, чтобы показатели меньшей группы нельзя было вычислить из итогов",
            "fewer than {k} respondents matched in both waves": "менее {k} респондентов сопоставлено в обеих волнах",
            "fewer than {k} matched respondents rated the topic in both waves": "менее {k} сопоставленных респондентов оценили тему в обеих волнах",
            "suppressed so that a country's change cannot be worked out from it": "скрыто, чтобы из него нельзя было вычислить изменение страны",
            "figures suppressed in a wave's tables": "показатели скрыты в таблицах одной из волн",
        ], plural: .russian, grouping: .noBreakSpace)
}
