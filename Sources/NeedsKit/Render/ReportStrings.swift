/// The words of the reports in the survey's languages. Topic and choice labels come from the
/// instrument; these are the report's own headings and column names.
public struct ReportStrings: Sendable {
    public var language: String
    var title: String
    var whoAnswered: String
    var country: String
    var municipality: String
    var respondents: String
    var municipalities: String
    var responseDates: String
    var sourceFiles: String
    var topNeeds: String
    var region: String
    var rank: String
    var topic: String
    var mwds: String
    var meanImportance: String
    var meanGap: String
    var wantTraining: String
    var quadrant: String
    var tooFew: String
    var shared: String
    var differences: String
    var quadrants: String
    var dataQuality: String
    var methods: String
    var countryNames: [String: String]
    var charts: ChartLabels
    /// Said where a scope with respondents enough has no topic figures because nobody rated the
    /// topics ("too few respondents" would be wrong there).
    var noRatings = "No respondent rated both the importance of a topic and their competence in it."
    /// Said where a scope with respondents enough is blanked so that a smaller one's figures
    /// cannot be worked out from the totals (complementary suppression): not "too few respondents".
    var withheld = "Withheld so that the figures of a smaller group cannot be worked out from the totals "
        + "(there are enough respondents here)."

    /// The languages the reports are written in (`--lang`).
    public static let languages = ["en", "et", "lv", "lt", "ru"]

    /// Whether the reports can be written in a language (`--lang`; any case).
    public static func supports(_ key: String) -> Bool { languages.contains(key.lowercased()) }

    /// Why a scope whose figures are all blanked shows none: too few respondents of its own, or
    /// (with `minCell` or more) blanked to protect another scope.
    func blanked(respondents: Int, minCell: Int) -> String { respondents >= minCell ? withheld : tooFew }

    /// The strings for a language key (`en`, `et`, `lv`, `lt`, `ru`); English otherwise.
    public static func forLanguage(_ key: String?) -> ReportStrings {
        var words: ReportStrings
        switch key?.lowercased() {
        case "et": words = estonian
        case "lv": words = latvian
        case "lt": words = lithuanian
        case "ru": words = russian
        default: words = english
        }
        words.charts.decimalComma = words.decimalComma
        return words
    }

    /// Estonian, Latvian, Lithuanian and Russian write a decimal comma (`11,48`): a reader of
    /// the country reports took `11.48` for foreign notation, or a date, beside counts grouped
    /// their own way (a helper's probe).
    public var decimalComma: Bool { language != "en" }

    /// A figure as formatted (`NumberFormat`), with the language's decimal mark: only cells and
    /// texts of figures, never labels, go through it.
    public func decimal(_ figure: String) -> String { charts.decimal(figure) }

    /// The language partners in a country read: the national one.
    public static func nationalLanguage(of country: String) -> String? {
        ["EE": "et", "LV": "lv", "LT": "lt"][country]
    }

    static let english = ReportStrings(
        language: "en", title: "Training needs", whoAnswered: "Who answered", country: "Country",
        municipality: "Municipality", respondents: "Respondents", municipalities: "Municipalities",
        responseDates: "Response dates:", sourceFiles: "Source files", topNeeds: "Top needs (Borich MWDS)",
        region: "Region (ALL)", rank: "Rank", topic: "Topic", mwds: "MWDS", meanImportance: "Mean importance",
        meanGap: "Mean gap (95% CI)", wantTraining: "Want training (95% CI)", quadrant: "Quadrant",
        tooFew: "Too few respondents to report.", shared: "What the region shares",
        differences: "Where countries differ", quadrants: "Locus for Focus", dataQuality: "Data quality",
        methods: "Methods",
        countryNames: ["EE": "Estonia", "LV": "Latvia", "LT": "Lithuania"],
        charts: ChartLabels(mwdsAxis: "MWDS (whiskers: 95% interval of the mean gap × mean importance)",
                            importanceAxis: "Mean importance", gapAxis: "Mean gap (importance − competence)",
                            heatmapNote: "Share of respondents who would attend training on the topic"))

    static let estonian = ReportStrings(
        language: "et", title: "Koolitusvajadused", whoAnswered: "Kes vastasid", country: "Riik",
        municipality: "Omavalitsus", respondents: "Vastajaid", municipalities: "Omavalitsusi",
        responseDates: "Vastused ajavahemikus", sourceFiles: "Lähtefailid", topNeeds: "Suurimad vajadused (Borichi MWDS)",
        region: "Piirkond (ALL)", rank: "Koht", topic: "Teema", mwds: "MWDS", meanImportance: "Keskmine olulisus",
        meanGap: "Keskmine lõhe (95% UV)", wantTraining: "Koolitussoov (95% UV)", quadrant: "Kvadrant",
        tooFew: "Liiga vähe vastajaid, et tulemusi näidata.", shared: "Mis on piirkonnas ühine",
        differences: "Kus riigid erinevad", quadrants: "Locus for Focus", dataQuality: "Andmete kvaliteet",
        methods: "Meetodid",
        countryNames: ["EE": "Eesti", "LV": "Läti", "LT": "Leedu"],
        charts: ChartLabels(mwdsAxis: "MWDS (vurrud: keskmise lõhe 95% usaldusvahemik × keskmine olulisus)",
                            importanceAxis: "Keskmine olulisus", gapAxis: "Keskmine lõhe (olulisus − pädevus)",
                            heatmapNote: "Vastajate osakaal, kes osaleksid teema koolitusel", competenceAxis: "Keskmine pädevus",
                            importance: "olulisus", gap: "lõhe", baseline: "lähteuuring", suppressedCell: "varjatud (liiga vähe vastajaid või väiksema rühma kaitseks)",
                            notAskedCell: "ei küsitud: koolitussoovi küsimus seda teemat ei loetle",
                            noDemandQuestion: "ei küsitud: küsimustikus pole koolitussoovi küsimust",
                            noDemandColumn: "ei küsitud: nende failides pole koolitussoovi küsimuse veergu või selle teema veergu",
                            quadrantKey: "Kvadrant (olulisus, lõhe: H kõrge, L madal)",
                            heatmapBase: "% kõigist vastajatest, ka neist, kes ühtki teemat ei valinud",
                            heatmapBaseAsked: "% vastajatest, kellelt seda küsiti (ilma nendeta, kellelt ei küsitud või kelle vastust ei õnnestunud lugeda: vt „Meetodid“), ka neist, kes ühtki teemat ei valinud"),
        noRatings: "Ükski vastaja ei hinnanud ühegi teema olulisust koos oma pädevusega selles.",
        withheld: "Varjatud, et väiksema rühma tulemusi ei saaks kogusummadest tuletada (vastajaid on siin piisavalt).")

    static let latvian = ReportStrings(
        language: "lv", title: "Apmācību vajadzības", whoAnswered: "Kas atbildēja", country: "Valsts",
        municipality: "Pašvaldība", respondents: "Respondenti", municipalities: "Pašvaldības",
        responseDates: "Atbilžu datumi:", sourceFiles: "Avota faili", topNeeds: "Lielākās vajadzības (Boriča MWDS)",
        region: "Reģions (ALL)", rank: "Vieta", topic: "Tēma", mwds: "MWDS", meanImportance: "Vidējais svarīgums",
        meanGap: "Vidējā plaisa (95% TI)", wantTraining: "Vēlas apmācības (95% TI)", quadrant: "Kvadrants",
        tooFew: "Pārāk maz respondentu, lai rādītu rezultātus.", shared: "Kas reģionam kopīgs",
        differences: "Kur valstis atšķiras", quadrants: "Locus for Focus", dataQuality: "Datu kvalitāte",
        methods: "Metodes",
        countryNames: ["EE": "Igaunija", "LV": "Latvija", "LT": "Lietuva"],
        charts: ChartLabels(mwdsAxis: "MWDS (ūsas: vidējās plaisas 95% intervāls × vidējais svarīgums)",
                            importanceAxis: "Vidējais svarīgums", gapAxis: "Vidējā plaisa (svarīgums − kompetence)",
                            heatmapNote: "Respondentu daļa, kas apmeklētu apmācības par tēmu", competenceAxis: "Vidējā kompetence",
                            importance: "svarīgums", gap: "plaisa", baseline: "sākotnējā aptauja", suppressedCell: "slēpts (pārāk maz respondentu vai mazākas grupas aizsardzībai)",
                            notAskedCell: "nav jautāts: apmācību vēlmju jautājumā šīs tēmas nav",
                            noDemandQuestion: "nav jautāts: anketā nav apmācību vēlmju jautājuma",
                            noDemandColumn: "nav jautāts: viņu failos nav apmācību vēlmju jautājuma kolonnas vai šīs tēmas kolonnas",
                            quadrantKey: "Kvadrants (svarīgums, plaisa: H augsts, L zems)",
                            heatmapBase: "% no visiem respondentiem, ieskaitot tos, kas neizvēlējās nevienu tēmu",
                            heatmapBaseAsked: "% no respondentiem, kuriem šis jautājums tika uzdots (bez tiem, kuriem tas netika uzdots vai kuru atbildi nevarēja nolasīt: sk. „Metodes“), ieskaitot tos, kas neizvēlējās nevienu tēmu"),
        noRatings: "Neviens respondents nenovērtēja gan kādas tēmas svarīgumu, gan savu kompetenci tajā.",
        withheld: "Slēpts, lai mazākas grupas rezultātus nevarētu aprēķināt no kopsummām (respondentu šeit ir pietiekami).")

    static let lithuanian = ReportStrings(
        language: "lt", title: "Mokymų poreikiai", whoAnswered: "Kas atsakė", country: "Šalis",
        municipality: "Savivaldybė", respondents: "Respondentai", municipalities: "Savivaldybės",
        responseDates: "Atsakymų datos:", sourceFiles: "Šaltinio failai", topNeeds: "Didžiausi poreikiai (Boricho MWDS)",
        region: "Regionas (ALL)", rank: "Vieta", topic: "Tema", mwds: "MWDS", meanImportance: "Vidutinė svarba",
        meanGap: "Vidutinis atotrūkis (95% PI)", wantTraining: "Norėtų mokymų (95% PI)", quadrant: "Kvadrantas",
        tooFew: "Per mažai respondentų rezultatams rodyti.", shared: "Kas bendra regionui",
        differences: "Kuo šalys skiriasi", quadrants: "Locus for Focus", dataQuality: "Duomenų kokybė",
        methods: "Metodai",
        countryNames: ["EE": "Estija", "LV": "Latvija", "LT": "Lietuva"],
        charts: ChartLabels(mwdsAxis: "MWDS (ūsai: vidutinio atotrūkio 95% intervalas × vidutinė svarba)",
                            importanceAxis: "Vidutinė svarba", gapAxis: "Vidutinis atotrūkis (svarba − kompetencija)",
                            heatmapNote: "Respondentų dalis, kuri dalyvautų temos mokymuose", competenceAxis: "Vidutinė kompetencija",
                            importance: "svarba", gap: "atotrūkis", baseline: "pradinė apklausa", suppressedCell: "nerodoma (per mažai respondentų arba mažesnei grupei apsaugoti)",
                            notAskedCell: "neklausta: klausimo apie norą dalyvauti mokymuose sąraše šios temos nėra",
                            noDemandQuestion: "neklausta: klausimyne nėra klausimo apie norą dalyvauti mokymuose",
                            noDemandColumn: "neklausta: jų failuose nėra klausimo apie norą dalyvauti mokymuose stulpelio arba šios temos stulpelio",
                            quadrantKey: "Kvadrantas (svarba, atotrūkis: H aukšta, L žema)",
                            heatmapBase: "% visų respondentų, įskaitant nepasirinkusius nė vienos temos",
                            heatmapBaseAsked: "% respondentų, kuriems buvo užduotas šis klausimas (be tų, kuriems jis nebuvo užduotas arba kurių atsakymo nepavyko perskaityti: žr. „Metodai“), įskaitant nepasirinkusius nė vienos temos"),
        noRatings: "Nė vienas respondentas neįvertino ir temos svarbos, ir savo kompetencijos joje.",
        withheld: "Nerodoma, kad mažesnės grupės rezultatų nebūtų galima apskaičiuoti iš sumų (respondentų čia pakanka).")

    static let russian = ReportStrings(
        language: "ru", title: "Потребности в обучении", whoAnswered: "Кто ответил", country: "Страна",
        municipality: "Муниципалитет", respondents: "Респонденты", municipalities: "Муниципалитеты",
        responseDates: "Даты ответов:", sourceFiles: "Исходные файлы", topNeeds: "Главные потребности (MWDS по Боричу)",
        region: "Регион (ALL)", rank: "Место", topic: "Тема", mwds: "MWDS", meanImportance: "Средняя важность",
        meanGap: "Средний разрыв (95% ДИ)", wantTraining: "Хотят пройти обучение (95% ДИ)", quadrant: "Квадрант",
        tooFew: "Слишком мало респондентов для отчёта.", shared: "Что объединяет регион",
        differences: "Чем различаются страны", quadrants: "Locus for Focus", dataQuality: "Качество данных",
        methods: "Методы",
        countryNames: ["EE": "Эстония", "LV": "Латвия", "LT": "Литва"],
        charts: ChartLabels(mwdsAxis: "MWDS (усы: 95% интервал среднего разрыва × средняя важность)",
                            importanceAxis: "Средняя важность", gapAxis: "Средний разрыв (важность − компетентность)",
                            heatmapNote: "Доля респондентов, которые прошли бы обучение по теме", competenceAxis: "Средняя компетентность",
                            importance: "важность", gap: "разрыв", baseline: "исходный опрос", suppressedCell: "скрыто (слишком мало респондентов или для защиты меньшей группы)",
                            notAskedCell: "не спрашивали: в вопросе о желаемом обучении этой темы нет",
                            noDemandQuestion: "не спрашивали: в анкете нет вопроса о желаемом обучении",
                            noDemandColumn: "не спрашивали: в их файлах нет столбца вопроса о желаемом обучении или столбца этой темы",
                            quadrantKey: "Квадрант (важность, разрыв: H высокая, L низкая)",
                            heatmapBase: "% от всех респондентов, включая не выбравших ни одной темы",
                            heatmapBaseAsked: "% от респондентов, которым задавался этот вопрос (без тех, кому он не задавался или чей ответ не удалось прочитать: см. «Методы»), включая не выбравших ни одной темы"),
        noRatings: "Ни один респондент не оценил и важность темы, и свою компетентность в ней.",
        withheld: "Скрыто, чтобы по итоговым суммам нельзя было вычислить результаты меньшей группы (респондентов здесь достаточно).")

    /// A measure's name without the interval its table columns carry ("Want training (95% CI)" →
    /// "Want training"): for tables that show the value alone, as the country differences do.
    static func withoutInterval(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.range(of: " (", options: .backwards) else { return name }
        return String(name[..<open.lowerBound])
    }

    func scopeName(_ code: String) -> String {
        if code == "ALL" { return region }
        return countryNames[code].map { "\($0) (\(code))" } ?? code
    }
}
