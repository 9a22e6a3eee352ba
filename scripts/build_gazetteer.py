#!/usr/bin/env python3
"""Builds the gazetteer of Estonia's, Latvia's and Lithuania's current municipalities from the
ISO 3166-2 data that pycountry packages (Debian's iso-codes, LGPL-2.1), with Russian names from
its bundled translations. Run from the repository root:

    pip install pycountry==26.2.16
    python3 scripts/build_gazetteer.py

Writes Sources/NeedsKit/Normalize/MunicipalityData.swift. The names staff write are derived from
the ISO names by the national naming rules (Estonian `linn` / `vald`, Latvian `valstspilsēta` /
`novads`, Lithuanian `miesto` / `rajono savivaldybė` with the genitive of the place name), with
the genitive alone where one municipality has it, and the Russian names: ISO's, the curated ones
below where ISO has none, each with the Russian word for its kind (`город`, `волость`, `район`).
The script checks the counts the reforms give (79, 43, 60) and stops if the data disagree, or if
a spelling names two municipalities other than a city and the district or rural municipality
around it.
"""
import gettext
import sys
import unicodedata

import pycountry

OUT = "Sources/NeedsKit/Normalize/MunicipalityData.swift"
ru = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
countries_ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])


def subdivisions(code):
    return sorted(pycountry.subdivisions.get(country_code=code), key=lambda s: s.code)


county_names_ru = {ru.gettext(s.name) for c in ("EE", "LV", "LT") for s in subdivisions(c) if s.type == "County"}


# Russian names of municipalities (by ISO name) that the ISO translations lack, and of the
# centre towns staff write for a municipality: the names Russian-language usage in the Baltics
# has, spelled as Russian Wikipedia (ru.wikipedia.org) titles the places, by the Russian
# cartographic rules for Estonian, Latvian and Lithuanian names; written down from that source's
# spellings, check there when one is in doubt. ISO's own translation of `Alutaguse` is the
# county's, `Ида-Вирумаа`, and of `Järva` the county `Ярвамаа`: both are dropped as county names
# and replaced here. Saaremaa and Hiiumaa vald bear their county's name, in Russian as in Estonian
# (a probe: `волость Сааремаа` and `Хийумаа` were unknown, the Latin names matched). Left out where no settled Russian form is known (Peipsiääre, the town
# Varakļāni).
RUSSIAN = {
    # Estonia
    "Alutaguse": "Алутагузе", "Järva": "Ярва", "Saaremaa": "Сааремаа", "Hiiumaa": "Хийумаа", "Anija": "Ания", "Haljala": "Хальяла", "Harku": "Харку", "Jõelähtme": "Йыэляхтме", "Kambja": "Камбья",
    "Kanepi": "Канепи", "Kastre": "Кастре", "Kehtna": "Кехтна", "Kohila": "Кохила", "Kuusalu": "Куусалу",
    "Lääneranna": "Ляэнеранна", "Lääne-Harju": "Ляэне-Харью", "Luunja": "Луунья", "Lääne-Nigula": "Ляэне-Нигула",
    "Muhu": "Муху", "Mulgi": "Мульги", "Nõo": "Ныо", "Põhja-Sakala": "Пыхья-Сакала",
    "Põhja-Pärnumaa": "Пыхья-Пярнумаа", "Rae": "Раэ", "Rõuge": "Рыуге", "Saarde": "Саарде", "Tori": "Тори",
    "Türi": "Тюри", "Valga": "Валга", "Vinni": "Винни", "Väike-Maarja": "Вяйке-Маарья",
    # Lithuania (the nominative, as for the ISO short names)
    "Alytus": "Алитус", "Anykščiai": "Аникщяй", "Birštonas": "Бирштонас", "Biržai": "Биржай",
    "Druskininkai": "Друскининкай", "Elektrėnai": "Электренай", "Ignalina": "Игналина", "Jonava": "Ионава",
    "Joniškis": "Йонишкис", "Jurbarkas": "Юрбаркас", "Kaišiadorys": "Кайшядорис", "Kalvarija": "Кальвария",
    "Kaunas": "Каунас", "Kazlų Rūdos": "Казлу-Руда", "Kėdainiai": "Кедайняй", "Kelmė": "Кельме",
    "Klaipėda": "Клайпеда", "Kretinga": "Кретинга", "Kupiškis": "Купишкис", "Lazdijai": "Лаздияй",
    "Marijampolė": "Мариямполе", "Mažeikiai": "Мажейкяй", "Molėtai": "Молетай", "Neringa": "Неринга",
    "Pagėgiai": "Пагегяй", "Pakruojis": "Пакруойис", "Palanga": "Паланга", "Rietavas": "Ретавас",
}
# Russian names of the centre towns (Latvian CENTRE_TOWNS and OTHER_CENTRES, Estonian
# EE_CENTRE_TOWNS), the same sources; Tallinn is written `Таллинн` by the city and the Russian-
# language press of Estonia, `Таллин` (ISO's) in Russia.
RUSSIAN_TOWNS = {
    "Kuressaare": "Курессааре", "Kärdla": "Кярдла", "Tallinn": "Таллинн",
    "Aizkraukle": "Айзкраукле", "Alūksne": "Алуксне", "Ādaži": "Адажи", "Balvi": "Балви", "Bauska": "Бауска",
    "Cēsis": "Цесис", "Dobele": "Добеле", "Gulbene": "Гулбене", "Jēkabpils": "Екабпилс", "Krāslava": "Краслава",
    "Kuldīga": "Кулдига", "Ķekava": "Кекава", "Limbaži": "Лимбажи", "Līvāni": "Ливаны", "Ludza": "Лудза",
    "Madona": "Мадона", "Mārupe": "Марупе", "Ogre": "Огре", "Olaine": "Олайне", "Preiļi": "Прейли",
    "Salaspils": "Саласпилс", "Saldus": "Салдус", "Saulkrasti": "Саулкрасты", "Sigulda": "Сигулда",
    "Smiltene": "Смилтене", "Talsi": "Талси", "Tukums": "Тукумс", "Valka": "Валка", "Valmiera": "Валмиера",
    "Grobiņa": "Гробиня", "Ropaži": "Ропажи", "Ulbroka": "Улброка",
    "Elva": "Эльва", "Kiviõli": "Кивиыли", "Püssi": "Пюсси", "Paldiski": "Палдиски", "Kunda": "Кунда", "Sindi": "Синди",
    "Kallaste": "Калласте", "Mõisaküla": "Мыйзакюла", "Abja-Paluoja": "Абья-Палуоя", "Võhma": "Выхма",
    "Suure-Jaani": "Сууре-Яани", "Kilingi-Nõmme": "Килинги-Нымме", "Lihula": "Лихула", "Tamsalu": "Тамсалу",
}
# The Russian names of the Latvian novadi ISO has none for (the 2021 ones), with the former
# novadi merged whole into them (Ru Wikipedia: Аугшдаугавский край, Южнокурземский край).
RUSSIAN_NOVADI = {
    "Augšdaugavas": ["Аугшдаугавский край", "Даугавпилсский край", "Илукстский край"],
    "Dienvidkurzemes": ["Южнокурземский край"],
    "Valmieras": ["Валмиерский край"],
}
# Lithuanian cities whose district municipality around them shares their name: a bare `Вильнюс`
# fits both, as a bare `Vilnius` does, so only the Russian adjective tells them apart
# (`Вильнюсский район`, `Вильнюсское районное самоуправление`, `… городское самоуправление`, the
# Russian names of the municipalities on Ru Wikipedia): masculine and neuter.
RUSSIAN_ADJECTIVES = {
    "Vilnius": ("Вильнюсский", "Вильнюсское"), "Kaunas": ("Каунасский", "Каунасское"),
    "Klaipėda": ("Клайпедский", "Клайпедское"), "Šiauliai": ("Шяуляйский", "Шяуляйское"),
    "Panevėžys": ("Паневежский", "Паневежское"), "Alytus": ("Алитусский", "Алитусское"),
}


def russian(name):
    """The Russian translation, when there is one that is not a county's name, or the curated one."""
    text = ru.gettext(name)
    if text == name or text in county_names_ru:
        return RUSSIAN.get(name)
    return text


def russian_town(r):
    """The Russian spellings of a town: `Нарва`, `город Нарва` (the gazetteer writes `г.`, `гор.`
    out before a second look-up) and `Нарва город`."""
    return [r, f"город {r}", f"{r} город"] if r else []


entries = []

# Estonia: 79 municipalities since 2017 (15 urban `linn`, 64 rural `vald`); counties left out.
estonia = [s for s in subdivisions("EE") if s.type != "County"]
# Island municipalities named otherwise than their centre town, which staff write: Kuressaare (a
# town municipality of its own until it joined Saaremaa vald in 2017) and Kärdla (Hiiumaa vald).
EE_CENTRE_TOWNS = {"Saaremaa": ["Kuressaare", "Kuressaare linn"], "Hiiumaa": ["Kärdla"]}
# Tallinn as Russian speakers write it in Latin letters, after `Таллин` (a probe: `Tallin` was
# unknown while `Таллин` matched).
EE_LATIN_SPELLINGS = {"Tallinn": ["Tallin"]}
# Towns that lie wholly in a rural municipality named otherwise, most of them town municipalities
# of their own until the 2017 reform (Kiviõli linn joined Lüganuse vald), some its centre: staff
# of the administration there write the town. Elva keeps its name; the town's Russian name is
# `Эльва`, not ISO's `Елва`.
EE_TOWNS_IN_VALD = {
    "Lüganuse": ["Kiviõli", "Püssi"], "Lääne-Harju": ["Paldiski"], "Viru-Nigula": ["Kunda"], "Tori": ["Sindi"],
    "Peipsiääre": ["Kallaste"], "Mulgi": ["Mõisaküla", "Abja-Paluoja"], "Põhja-Sakala": ["Võhma", "Suure-Jaani"],
    "Saarde": ["Kilingi-Nõmme"], "Lääneranna": ["Lihula"], "Tapa": ["Tamsalu"], "Elva": [],
}
# Rural municipalities (parishes) merged into another by the 2017 reform: staff who worked for
# them, and their sheets, may still write the old parish (`Illuka vald`, now Alutaguse vald).
EE_FORMER_PARISHES = {
    "Alutaguse": ["Alajõe", "Iisaku", "Illuka", "Mäetaguse", "Tudulinna"], "Narva-Jõesuu": ["Vaivara"],
    "Toila": ["Kohtla", "Kohtla-Nõmme"], "Viru-Nigula": ["Aseri"],
    "Järva": ["Albu", "Ambla", "Imavere", "Järva-Jaani", "Kareda", "Koeru", "Koigi"],
    "Saaremaa": ["Kihelkonna", "Laimjala", "Leisi", "Lääne-Saare", "Mustjala", "Orissaare", "Pihtla", "Pöide", "Salme",
                 "Torgu", "Valjala"],
    "Lääneranna": ["Hanila", "Koonga", "Lihula", "Varbla"], "Pärnu": ["Audru", "Paikuse", "Tõstamaa"], "Kambja": ["Ülenurme"],
    "Haapsalu": ["Ridala"], "Tori": ["Are", "Sauga"], "Põhja-Pärnumaa": ["Halinga", "Tootsi", "Vändra"], "Saue": ["Kernu", "Nissi"],
    "Mulgi": ["Abja", "Halliste", "Karksi"], "Põlva": ["Ahja", "Laheda", "Mooste", "Vastse-Kuuste"],
    # A probe's `Keila vald` (Lääne-Harju since 2017) was unknown: the other mergers of the
    # reform whole (a parish split between two municipalities, Misso, Palupera, Vara, Veriora,
    # is left out: it names neither alone). A town's and a rural municipality's shared name is
    # written whole (`Tartu vald`).
    "Lääne-Harju": ["Keila", "Padise", "Vasalemma"], "Rapla": ["Juuru", "Kaiu", "Raikküla"], "Märjamaa": ["Vigala"],
    "Lääne-Nigula": ["Kullamaa", "Martna", "Noarootsi", "Nõva", "Oru", "Risti", "Taebla"],
    "Hiiumaa": ["Emmaste", "Hiiu", "Käina", "Pühalepa"], "Tartu vald": ["Laeva", "Piirissaare", "Tabivere"],
    "Elva": ["Konguta", "Puhja", "Rannu", "Rõngu"], "Kastre": ["Haaslava", "Mäksa", "Võnnu"],
    "Peipsiääre": ["Alatskivi", "Pala"], "Otepää": ["Puka", "Sangaste"], "Valga": ["Karula", "Taheva", "Tõlliste", "Õru"],
    "Tõrva": ["Helme", "Hummuli", "Põdrala"], "Viljandi vald": ["Kolga-Jaani", "Paistu", "Tarvastu"], "Põhja-Sakala": ["Kõo", "Kõpu", "Suure-Jaani"],
    "Võru vald": ["Lasva", "Sõmerpalu", "Vastse-Võru"], "Rõuge": ["Haanja", "Mõniste", "Varstu"], "Antsla": ["Urvaste"],
    "Setomaa": ["Meremäe", "Mikitamäe", "Värska"], "Räpina": ["Meeksi"], "Kanepi": ["Kõlleste", "Valgjärve"],
    "Rakvere vald": ["Sõmeru"], "Vinni": ["Laekvere", "Rägavere"], "Väike-Maarja": ["Rakke"], "Haljala": ["Vihula"],
    "Jõgeva": ["Palamuse", "Torma"], "Mustvee": ["Avinurme", "Kasepää", "Lohusuu", "Saare"],
    "Põltsamaa": ["Pajusi", "Puurmani"], "Paide": ["Paide", "Roosna-Alliku"], "Türi": ["Käru", "Väätsa"],
    "Saarde": ["Surju"], "Häädemeeste": ["Tahkuranna"], "Lüganuse": ["Maidla", "Sonda"], "Kose": ["Kõue"],
}
# Tallinn's districts (linnaosad), whose administrations (`Lasnamäe linnaosa valitsus`) employ
# city staff: each is Tallinn, in the nominative, the genitive and Russian (the Russian
# Wikipedia titles, as above).
EE_CITY_DISTRICTS = {"Tallinn": [
    "Haabersti", "Kesklinn", "Kesklinna", "Kristiine", "Lasnamäe", "Mustamäe", "Nõmme", "Pirita",
    "Põhja-Tallinn", "Põhja-Tallinna", "Хааберсти", "Кесклинн", "Кристийне", "Ласнамяэ", "Мустамяэ",
    "Нымме", "Пирита", "Пыхья-Таллинн", "Северная Таллинн",
]}
ee_bases = {s.name for s in estonia}
ee_counties = {s.name for s in subdivisions("EE") if s.type == "County"}
for s in estonia:
    kind = {"Urban municipality": "linn", "Rural municipality": "vald"}[s.type]
    base = s.name
    # The municipality is named with the genitive: vowel-final names keep their form, a final
    # consonant takes -a (Tallinn → Tallinna linn).
    genitive = base if base[-1] in "aeiouõäöü" else base + "a"
    name = f"{genitive} {kind}"
    english = f"{base} {'urban' if kind == 'linn' else 'rural'} municipality"
    variants = [base] + EE_CENTRE_TOWNS.get(base, []) + EE_LATIN_SPELLINGS.get(base, [])
    if genitive != base:
        # The genitive alone, as in `Tallinna linn` (`Tallinna`), and the kind after the
        # nominative (`Tallinn linn`).
        variants += [genitive, f"{base} {kind}"]
    if kind == "linn":
        variants.append(f"{base} city")
    r = russian(base)
    if kind == "linn":
        # Russian: `город Нарва`; `Таллинн` besides ISO's `Таллин`.
        variants += russian_town(r) + russian_town(RUSSIAN_TOWNS.get(base))
    elif r:
        # A rural municipality is a `волость`, written before or after the name.
        variants += [r, f"волость {r}", f"{r} волость"]
    for town in EE_CENTRE_TOWNS.get(base, []):
        variants += russian_town(RUSSIAN_TOWNS.get(town))
    if base in EE_TOWNS_IN_VALD:
        variants += EE_TOWNS_IN_VALD[base]
        for town in EE_TOWNS_IN_VALD[base]:
            variants += russian_town(RUSSIAN_TOWNS.get(town))
        if not EE_TOWNS_IN_VALD[base]:
            # The town's Russian name is the municipality's too: `волость Эльва`.
            r = RUSSIAN_TOWNS[base]
            variants += russian_town(r) + [f"волость {r}", f"{r} волость"]
    variants += EE_CITY_DISTRICTS.get(base, [])
    for parish in EE_FORMER_PARISHES.get(name, EE_FORMER_PARISHES.get(base, [])):
        # Alone only where no municipality is so named (`Keila` is Keila linn; `Keila vald`,
        # Lääne-Harju).
        # (nor where a county is: `Saare` is Saare maakond, Saaremaa, as much as the parish).
        variants += [f"{parish} vald"] + ([] if parish in variants or parish in ee_bases or parish + "maa" in ee_counties else [parish])
    entries.append((s.code, "EE", name, english, kind, variants, s.parent_code))

# Latvia: 43 since 2021 (7 state cities, 36 municipalities `novads`).
latvia = [s for s in subdivisions("LV")]
# Municipalities named after their centre town (Cēsu novads ← Cēsis; Valmiera and Jēkabpils are
# state cities inside their novads since the 2021 reform): staff write the town, so it is a
# spelling of the municipality. Left out: novadi whose centre is a state city of its own
# (Jelgavas, Rēzeknes, Ventspils, Augšdaugavas novads: Daugavpils) or is another town, unless
# listed in OTHER_CENTRES.
CENTRE_TOWNS = {
    "Aizkraukles": "Aizkraukle", "Alūksnes": "Alūksne", "Ādažu": "Ādaži", "Balvu": "Balvi", "Bauskas": "Bauska",
    "Cēsu": "Cēsis", "Dobeles": "Dobele", "Gulbenes": "Gulbene", "Jēkabpils": "Jēkabpils", "Krāslavas": "Krāslava",
    "Kuldīgas": "Kuldīga", "Ķekavas": "Ķekava", "Limbažu": "Limbaži", "Līvānu": "Līvāni", "Ludzas": "Ludza",
    "Madonas": "Madona", "Mārupes": "Mārupe", "Ogres": "Ogre", "Olaines": "Olaine", "Preiļu": "Preiļi",
    "Salaspils": "Salaspils", "Saldus": "Saldus", "Saulkrastu": "Saulkrasti", "Siguldas": "Sigulda",
    "Smiltenes": "Smiltene", "Talsu": "Talsi", "Tukuma": "Tukums", "Valkas": "Valka", "Varakļānu": "Varakļāni",
    "Valmieras": "Valmiera",
}
# Centre towns whose name differs from the novads': Dienvidkurzemes novads is governed from Grobiņa,
# Ropažu novads from Ulbroka (Ropaži, the town the novads is named after, is in it too).
OTHER_CENTRES = {"Dienvidkurzemes": ["Grobiņa"], "Ropažu": ["Ropaži", "Ulbroka"]}
# State cities that since the 2021 reform are part of their novads (not municipalities of their
# own): `Valmiera city` is Valmieras novads.
CITIES_IN_NOVADS = {"Valmieras": "Valmiera", "Jēkabpils": "Jēkabpils"}
# Novadi of before the 2021 reform (110 from 2009) that were merged whole into one of today's
# under another name: Augšdaugavas novads is the former Daugavpils and Ilūkstes novadi, Ogres
# novads took in Ikšķiles, Ķeguma and Lielvārdes. Staff still write the one they worked for.
# From the Law on Administrative Territories and Populated Areas (2020, likumi.lv 315654), whose
# annex lists each new novads by its parishes and towns, each old novads' lying wholly in one new
# one; Varakļānu novads was kept as it was (Constitutional Court, 2021). Old novadi that kept
# their name (Jelgavas, Rēzeknes, Jēkabpils, Ventspils, Ogres…) are today's already.
FORMER_NOVADI = {stem: [f"{old} novads" for old in olds] for stem, olds in {
    "Aizkraukles": ["Jaunjelgavas", "Kokneses", "Neretas", "Pļaviņu", "Skrīveru"],
    "Ādažu": ["Carnikavas"],
    "Augšdaugavas": ["Daugavpils", "Ilūkstes"],
    "Balvu": ["Baltinavas", "Rugāju", "Viļakas"],
    "Bauskas": ["Iecavas", "Rundāles", "Vecumnieku"],
    "Cēsu": ["Amatas", "Jaunpiebalgas", "Līgatnes", "Pārgaujas", "Priekuļu", "Vecpiebalgas"],
    "Dienvidkurzemes": ["Aizputes", "Durbes", "Grobiņas", "Nīcas", "Pāvilostas", "Priekules", "Rucavas",
                        "Vaiņodes"],
    "Dobeles": ["Auces", "Tērvetes"],
    "Jelgavas": ["Ozolnieku"],
    "Jēkabpils": ["Aknīstes", "Krustpils", "Salas", "Viesītes"],
    "Krāslavas": ["Dagdas"],
    "Kuldīgas": ["Alsungas", "Skrundas"],
    "Ķekavas": ["Baldones"],
    "Limbažu": ["Alojas", "Salacgrīvas"],
    "Ludzas": ["Ciblas", "Kārsavas", "Zilupes"],
    "Madonas": ["Cesvaines", "Ērgļu", "Lubānas"],
    "Mārupes": ["Babītes"],
    "Ogres": ["Ikšķiles", "Ķeguma", "Lielvārdes"],
    "Preiļu": ["Aglonas", "Riebiņu", "Vārkavas"],
    "Rēzeknes": ["Viļānu"],
    "Ropažu": ["Garkalnes", "Stopiņu"],
    "Saldus": ["Brocēnu"],
    "Saulkrastu": ["Sējas"],
    "Siguldas": ["Inčukalna", "Krimuldas", "Mālpils"],
    "Smiltenes": ["Apes", "Raunas"],
    "Talsu": ["Dundagas", "Mērsraga", "Rojas"],
    "Tukuma": ["Engures", "Jaunpils", "Kandavas"],
    "Valmieras": ["Beverīnas", "Burtnieku", "Kocēnu", "Mazsalacas", "Naukšēnu", "Rūjienas", "Strenču"],
}.items()}
# The English names of the novadi named after no town (en.wikipedia.org titles them so): the
# others' are their town's, `Ogre Municipality`, which the town alone finds.
ENGLISH_NOVADI = {"Augšdaugavas": ["Augšdaugava municipality"],
                  "Dienvidkurzemes": ["South Kurzeme municipality", "Dienvidkurzeme municipality"]}


def latvian_genitive(name):
    if name.endswith("a"):
        return name + "s"
    if name.endswith("e"):
        return name + "s"
    return name


state_cities = {s.name for s in latvia if s.type == "State city"}
for s in latvia:
    russian_variants = []
    if s.type == "State city":
        kind = "valstspilsēta"
        name = s.name
        genitive = latvian_genitive(name)
        # The local government's own name: `Rīgas valstspilsētas pašvaldība`.
        # `pils.` abbreviates pilsēta; `m.` (miestas, as Lithuanian writes it) is written too.
        variants = [f"{genitive} valstspilsēta", f"{genitive} pilsēta", f"{name} valstspilsēta",
                    f"{genitive} valstspilsētas pašvaldība", f"{genitive} valstspilsētas", f"{name} city",
                    f"{genitive} pils.", f"{genitive} m."]
        if genitive != name:
            # The genitive alone, as in `Rīgas pilsēta` (`Rīgas`); `Jelgavas` and `Rēzeknes` are
            # also their novads' and come out ambiguous.
            variants.append(genitive)
        russian_variants = russian_town(russian(s.name))
        english = f"{name} state city"
        # `Rēzekne municipality`: the city's local government, or in English the novads named
        # after it (`Rēzekne Municipality`, Rēzeknes novads): both have it, so it is ambiguous.
        variants.append(f"{name} municipality")
    else:
        kind = "novads"
        name = s.name.replace(" Novads", " novads")
        variants = [s.name] if s.name != name else []
        # The local government's own name: `Ogres novada pašvaldība`.
        stem = name.removesuffix(" novads")
        variants += [f"{stem} novada pašvaldība", f"{stem} novada"]
        if stem not in state_cities:
            # The genitive alone, as in `Ogres novads` (`Ogres`); `Ventspils` is the state city's
            # own name, and a bare `Ventspils` stays the city, as a bare `Jelgava` does.
            variants.append(stem)
        towns = ([CENTRE_TOWNS[stem]] if stem in CENTRE_TOWNS else []) + OTHER_CENTRES.get(stem, [])
        variants += towns + FORMER_NOVADI.get(stem, []) + ENGLISH_NOVADI.get(stem, [])
        for town in towns:
            russian_variants += russian_town(RUSSIAN_TOWNS.get(town))
        russian_variants += RUSSIAN_NOVADI.get(stem, [])
        if stem in CITIES_IN_NOVADS:
            city = CITIES_IN_NOVADS[stem]
            variants += [f"{city} city", f"{stem} valstspilsēta", f"{city} state city"]
        english = name.replace(" novads", " municipality")
        # English names a novads by its town in the nominative (`Rēzekne Municipality`); where
        # that town is a state city, or was the name of a novads merged into this one
        # (`Daugavpils Municipality`), the city has the spelling too (see above).
        for city in state_cities:
            if latvian_genitive(city) == stem or f"{city} novads" in FORMER_NOVADI.get(stem, []):
                variants.append(f"{city} municipality")
        if r := russian(s.name):
            russian_variants.append(r)
    variants += russian_variants
    entries.append((s.code, "LV", name, english, kind, sorted(set(v for v in variants if v != name)), ""))

# Lithuania: 60 municipalities (7 city, 44 district, 9 other); counties left out.
lithuania = [s for s in subdivisions("LT") if s.type != "County"]
# Genitives the suffix rules below would get wrong (plurals in -ys), and the nominatives of the
# city municipalities, whose ISO names are genitive (`Vilniaus miestas`).
GENITIVE = {"Kaišiadorys": "Kaišiadorių", "Švenčionys": "Švenčionių"}
# District municipalities whose official name is `X savivaldybė` (Marijampolė since 2000).
NOT_RAJONO = {"LT-25"}


def lithuanian_genitive(nominative):
    if nominative in GENITIVE:
        return GENITIVE[nominative]
    for ending, replacement in (("iai", "ių"), ("ai", "ų"), ("ys", "io"), ("is", "io"), ("us", "aus"), ("as", "o"), ("os", "ų"),
                                ("ė", "ės"), ("a", "os")):
        if nominative.endswith(ending):
            return nominative[: -len(ending)] + replacement
    return nominative


city_genitives = {s.name.removesuffix(" miestas") for s in lithuania if s.type == "City municipality"}
district_by_genitive = {}
for s in lithuania:
    if s.type == "District municipality":
        district_by_genitive[lithuanian_genitive(s.name)] = s
derived = []
for s in lithuania:
    variants = [s.name]
    if s.type == "City municipality":
        genitive = s.name.removesuffix(" miestas")
        kind = "miesto"
        name = f"{genitive} miesto savivaldybė"
        # The genitive alone (`Kauno`, as `Kauno socialinių paslaugų centras` names the owner):
        # the district municipality's too, so it comes out ambiguous where there is one.
        variants += [f"{genitive} m. sav.", f"{genitive} miesto sav.", f"{genitive} m.", f"{genitive} m", f"{genitive} miestas",
                     genitive]
        district = district_by_genitive.get(genitive)
        nominative = district.name if district else genitive
        if district:
            # `Kaunas city`: the English that staff write, unlike a bare `Kaunas`, names the city.
            variants.append(f"{nominative} city")
        english = f"{nominative} city municipality"
        if district:
            # A bare `Vilnius` fits the city and the district alike: it must come out ambiguous.
            variants.append(district.name)
        else:
            nominative = genitive.removesuffix("os") + "a" if genitive.endswith("os") else genitive
            variants.append(nominative)
        # Russian: a bare `Вильнюс` is ambiguous as `Vilnius` is; `город Вильнюс` is the city.
        variants += russian_town(russian(nominative))
        if nominative in RUSSIAN_ADJECTIVES:
            variants.append(f"{RUSSIAN_ADJECTIVES[nominative][1]} городское самоуправление")
    elif s.type == "District municipality":
        genitive = lithuanian_genitive(s.name)
        kind = "rajono"
        name = f"{genitive} rajono savivaldybė"
        if s.code in NOT_RAJONO:
            # ISO counts it among the district municipalities; its own name has no `rajono`.
            kind = "savivaldybė"
            variants.append(name)
            name = f"{genitive} savivaldybė"
        # `r.` and `raj.` abbreviate rajono; `Vilnius district` is the English staff write.
        variants += [genitive, f"{genitive} r. sav.", f"{genitive} rajono sav.", f"{genitive} rajonas", f"{genitive} r.", f"{genitive} r",
                     f"{genitive} raj.", f"{genitive} raj. sav.", f"{s.name} district"]
        if genitive not in city_genitives:
            variants.append(f"{genitive} savivaldybė")
        english = f"{s.name} district municipality"
        if r := russian(s.name):
            # `Утена район` (`р-н` and `р.` are written out to `район` before a second look-up).
            variants += [r, f"{r} район", f"район {r}"]
        if s.name in RUSSIAN_ADJECTIVES:
            masculine, neuter = RUSSIAN_ADJECTIVES[s.name]
            variants += [f"{masculine} район", f"{neuter} районное самоуправление"]
    else:
        kind = "savivaldybė"
        genitive = s.name if s.name.endswith("Rūdos") else lithuanian_genitive(s.name)
        name = f"{genitive} savivaldybė"
        variants += [f"{genitive} sav.", genitive]
        # ISO writes Kazlų Rūda in the genitive; staff also write the nominative.
        if s.name.endswith("Rūdos"):
            variants.append(s.name.removesuffix("Rūdos") + "Rūda")
        english = f"{s.name} municipality"
        variants += russian_town(russian(s.name))
    derived.append((s.code, name))
    entries.append((s.code, "LT", name, english, kind, sorted(set(v for v in variants if v != name)), s.parent_code))

counts = {c: sum(1 for e in entries if e[1] == c) for c in ("EE", "LV", "LT")}
kinds = {}
for e in entries:
    kinds[(e[1], e[4])] = kinds.get((e[1], e[4]), 0) + 1
expected = {"EE": 79, "LV": 43, "LT": 60}
expected_kinds = {("EE", "linn"): 15, ("EE", "vald"): 64, ("LV", "valstspilsēta"): 7, ("LV", "novads"): 36,
                  ("LT", "miesto"): 7, ("LT", "rajono"): 43, ("LT", "savivaldybė"): 10}
if counts != expected or kinds != expected_kinds:
    sys.exit(f"unexpected counts: {counts} {kinds}")

# A spelling may name two municipalities only where a city and the district around it share a
# bare name (`Tartu`, `Vilnius`): those must come out ambiguous. Anything else is a mistake here.
owners = {}
for code, country, name, english, kind, variants, county in entries:
    for spelling in {name, english, *variants}:
        owners.setdefault(unicodedata.normalize("NFC", spelling).casefold(), set()).add(code)
shared = {spelling: codes for spelling, codes in owners.items() if len(codes) > 1}
for spelling, codes in sorted(shared.items()):
    countries = {c[:2] for c in codes}
    if len(codes) != 2 or len(countries) != 1:
        sys.exit(f"`{spelling}` names {sorted(codes)}")

# Counties (Estonia's maakonnad, Lithuania's apskritys; Latvia has none since 2009), each
# municipality's from ISO's parent code, for telling a county written beside a municipality's
# name that is not its own (`Narva, Harjumaa`). Their names as ISO has them (`Ida-Virumaa`,
# `Kauno apskritis`), as the county governments wrote them (`Ida-Viru maakond`), abbreviated
# (`Kauno apskr.`), in English (`Ida-Viru County`, `Kaunas County`) and in ISO's Russian.
LT_COUNTY_NOMINATIVES = {
    "Alytaus": "Alytus", "Kauno": "Kaunas", "Klaipėdos": "Klaipėda", "Marijampolės": "Marijampolė",
    "Panevėžio": "Panevėžys", "Šiaulių": "Šiauliai", "Tauragės": "Tauragė", "Telšių": "Telšiai",
    "Utenos": "Utena", "Vilniaus": "Vilnius",
}
# Lithuania's counties in Russian (ISO has no Russian for them): the adjective of the centre town.
LT_COUNTY_RUSSIAN = {
    "Alytaus": "Алитусский", "Kauno": "Каунасский", "Klaipėdos": "Клайпедский", "Marijampolės": "Мариямпольский",
    "Panevėžio": "Паневежский", "Šiaulių": "Шяуляйский", "Tauragės": "Таурагский", "Telšių": "Тельшяйский",
    "Utenos": "Утенский", "Vilniaus": "Вильнюсский",
}
# Municipalities that took in parishes of another county in the 2017 reform, with that county:
# staff there may still write the old one (Avinurme and Lohusuu were in Ida-Virumaa, now in
# Mustvee vald; Lihula and Hanila in Läänemaa, now Lääneranna vald; Käru in Raplamaa, now Türi
# vald; Pala in Jõgevamaa, now Peipsiääre vald; Palupera in Valgamaa, now Elva vald; Värska
# and Mikitamäe in Põlvamaa, now Setomaa vald).
FORMER_COUNTIES = {
    "Mustvee": ["EE-45"], "Lääneranna": ["EE-56"], "Türi": ["EE-71"], "Peipsiääre": ["EE-50"], "Elva": ["EE-81"],
    "Setomaa": ["EE-64"],
}
county_lines = []
for country in ("EE", "LT"):
    for s in subdivisions(country):
        if s.type != "County":
            continue
        names = {s.name}
        if country == "EE":
            stem = s.name.removesuffix("maa")
            names |= {f"{stem} maakond", f"{stem} county", f"{s.name} county"}
            r = ru.gettext(s.name)
            if r != s.name:
                # `уезд Харьюмаа`, and the adjective Russian usage names it by: `Харьюский уезд`.
                names |= {r, f"уезд {r}", f"{r.removesuffix('маа')}ский уезд"}
        else:
            genitive = s.name.removesuffix(" apskritis")
            names |= {f"{genitive} apskr.", f"{genitive} aps.", f"{LT_COUNTY_NOMINATIVES[genitive]} county",
                      f"{LT_COUNTY_RUSSIAN[genitive]} уезд"}
        county_lines.append((s.code, sorted(names)))
county_codes = {c for c, _ in county_lines}
if len(county_lines) != 25 or any(e[6] not in county_codes for e in entries if e[1] != "LV"):
    sys.exit("unexpected counties")
former_counties = {}
for code, country, name, english, kind, variants, county in entries:
    base = name.removesuffix(" vald").removesuffix(" linn")
    if country == "EE" and base in FORMER_COUNTIES:
        former_counties[code] = FORMER_COUNTIES[base]
if len(former_counties) != len(FORMER_COUNTIES) or any(c not in county_codes for cs in FORMER_COUNTIES.values() for c in cs):
    sys.exit(f"unexpected former counties: {former_counties}")

# Country names: ISO codes, English short and official names (`Republic of Estonia`) and their
# translations in the survey's languages (`Eesti Vabariik`, `Латвийская Республика`).
country_lines = []
for code in ("EE", "LV", "LT"):
    c = pycountry.countries.get(alpha_2=code)
    names = {c.alpha_3, c.name, c.official_name}
    for language in ("et", "lv", "lt", "ru", "uk", "de", "fi", "pl", "sv"):
        try:
            translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        names.add(translation.gettext(c.name))
        names.add(translation.gettext(c.official_name))
    country_lines.append((code, sorted(names)))


def swift(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


iso_codes = getattr(pycountry, "__version__", "?")
with open(OUT, "w", encoding="utf-8") as f:
    f.write(f"""// Generated by scripts/build_gazetteer.py from pycountry {iso_codes} (ISO 3166 data from Debian's
// iso-codes; both LGPL-2.1). Do not edit: change the script and run it again.

/// One municipality: ISO 3166-2 code, country, the name staff write, an English name, its kind,
/// other spellings (ISO short names, Russian names, abbreviations), its county's ISO code (empty
/// in Latvia, which has no counties) and the counties parts of it were in before 2017.
struct MunicipalityRecord: Sendable {{
    let code: String
    let country: String
    let name: String
    let englishName: String
    let kind: String
    let variants: [String]
    let county: String
    var formerCounties: [String] = []
}}

enum MunicipalityData {{
    static let records: [MunicipalityRecord] = [
""")
    for code, country, name, english, kind, variants, county in sorted(entries):
        f.write(f"        MunicipalityRecord(code: {swift(code)}, country: {swift(country)}, name: {swift(name)}, "
                f"englishName: {swift(english)}, kind: {swift(kind)}, variants: [{', '.join(swift(v) for v in variants)}], "
                f"county: {swift(county)}"
                + (f", formerCounties: [{', '.join(swift(c) for c in former_counties[code])}]" if code in former_counties else "")
                + "),\n")
    f.write("    ]\n\n    /// Estonia's and Lithuania's counties: ISO code, then the names staff write.\n")
    f.write("    static let countyNames: [String: [String]] = [\n")
    for code, names in county_lines:
        f.write(f"        {swift(code)}: [{', '.join(swift(n) for n in names)}],\n")
    f.write("    ]\n\n    /// The region's countries: code, then names in the survey languages and neighbours'.\n")
    f.write("    static let countryNames: [String: [String]] = [\n")
    for code, names in country_lines:
        f.write(f"        {swift(code)}: [{', '.join(swift(n) for n in names)}],\n")
    f.write("    ]\n}\n")
print(counts, kinds)
for code, name in derived:
    print(code, name)
