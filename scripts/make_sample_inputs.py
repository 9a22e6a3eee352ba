#!/usr/bin/env python3
"""Writes the SAMPLE exports in inputs/responses: fictional respondents, generated with a fixed
seed, shaped as each tool really writes its export (see ../shared/DOMAIN.md). They show what
`make report` does; they are not survey data. Run from the repository root:

    python3 scripts/make_sample_inputs.py

Deliberate quirks (the cleaning log should list each): a duplicate Kobo submission, a blank country
inferred from the municipality, a 6 on a 1-5 scale, the ambiguous names `Tartu` and `Vilnius`, an
answer typed without diacritics, an "Other" checkbox answer, a blank row, a truncated row, a
country outside the region, and e-mail addresses and names that must not reach the reports.
"""
import csv
import io
import random
import uuid

rng = random.Random(2025)
OUT = "inputs/responses/"


def read_sheet(name):
    with open(f"inputs/instrument/{name}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


survey = read_sheet("survey")
choices = read_sheet("choices")
LANGS = {"en": "English (en)", "et": "Eesti (et)", "lv": "Latviešu (lv)", "lt": "Lietuvių (lt)", "ru": "Русский (ru)"}


def label(row, lang):
    return row[f"label::{LANGS[lang]}"]


def choice_label(list_name, name, lang):
    return next(label(c, lang) for c in choices if c["list_name"] == list_name and c["name"] == name)


def question(name):
    return next(q for q in survey if q["name"] == name)


topics = [q["topic"] for q in survey if q["measure"] == "importance"]
groups = {q["name"]: q for q in survey if q["type"] == "begin_group"}
roles = [c["name"] for c in choices if c["list_name"] == "role"]

# Country-specific needs: (importance centre, competence centre, share wanting training).
PROFILE = {
    "EE": {"intercultural": (4.5, 2.4, .55), "disinformation": (4.2, 2.6, .45), "interpreters": (3.9, 3.0, .30)},
    "LV": {"disinformation": (4.7, 2.2, .65), "gbv_prevention": (4.1, 2.3, .45), "intercultural": (3.9, 3.1, .30)},
    "LT": {"interpreters": (4.6, 2.2, .60), "vulnerable_groups": (4.4, 2.5, .50), "legal_status": (4.0, 2.8, .35)},
}
DEFAULT = (3.7, 3.0, .25)


def scale(centre):
    return max(1, min(5, round(rng.gauss(centre, 0.8))))


def respondent(country):
    r = {"role": rng.choice(roles)}
    wanted = []
    for t in topics:
        imp, comp, want = PROFILE[country].get(t, DEFAULT)
        r["imp_" + t] = "" if rng.random() < 0.06 else str(scale(imp))
        r["comp_" + t] = "" if rng.random() < 0.06 else str(scale(comp))
        if rng.random() < want:
            wanted.append(t)
    r["training_wanted"] = wanted
    return r


def write(name, text, encoding="utf-8"):
    data = text.encode("utf-16-le") if encoding == "utf-16-le" else text.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    with open(OUT + name, "wb") as f:
        f.write(data)


def table(rows, delimiter, quote_all=False, newline="\r\n"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return buffer.getvalue()


def when(day, minute):
    return f"2025-01-{day:02d}T{9 + minute // 60:02d}:{minute % 60:02d}:00"


# 1. KoboToolbox, XML headers and values, groups in headers, `;`, every field quoted (Estonia).
ee_places = ["Tallinn", "Tallinn", "Tallinn", "Narva linn", "Narva linn", "Tartu linn", "Jõhvi vald", "Pärnu linn",
             "Viimsi vald", "Sillamäe linn", "Maardu linn", "Kohtla-Järve linn"]
header = ["start", "end", "country", "municipality", "role"]
header += [f"importance/imp_{t}" for t in topics] + [f"competence/comp_{t}" for t in topics]
header += ["training_wanted"] + [f"training_wanted/{t}" for t in topics]
header += ["comments", "contact_email", "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
           "_submitted_by", "__version__", "_tags", "_index"]
rows = [header]
for i in range(42):
    r = respondent("EE")
    place = rng.choice(ee_places)
    country = "EE"
    if i == 7:
        country, place = "", "Narva linn"  # blank country: inferred from the municipality
    if i == 19:
        place = "Tartu"  # Tartu linn or Tartu vald: ambiguous
    if i == 23:
        r["imp_disinformation"] = "6"  # outside the 1-5 scale
    minute = rng.randint(0, 400)
    row = [when(13 + i % 9, minute) + ".000+02:00", when(13 + i % 9, minute + 9) + ".000+02:00", country, place, r["role"]]
    row += [r["imp_" + t] for t in topics] + [r["comp_" + t] for t in topics]
    row += [" ".join(r["training_wanted"])] + [("1" if t in r["training_wanted"] else "0") for t in topics]
    row += ["", f"worker{i}@example.ee" if i % 5 == 0 else "", str(41000 + i), str(uuid.UUID(int=rng.getrandbits(128))),
            when(13 + i % 9, minute + 10), "", "", "submitted_via_web", "", "vQ7x2025", "", str(i + 1)]
    rows.append(row)
rows.append(rows[12][:-1] + [str(len(rows))])  # the same submission exported twice
write("EE_kobo_xml.csv", table(rows, ";", quote_all=True))

# 2. Google Forms in Latvian: timestamp, e-mail, grid questions, checkboxes joined with ", " (Latvia).
lv_places = ["Rīga", "Rīga", "Rīga", "Daugavpils", "Jelgava", "Jelgavas novads", "Liepāja", "Ogres novads",
             "Valmieras novads", "Rēzekne"]
imp_group = label(groups["importance"], "lv")
comp_group = label(groups["competence"], "lv")
header = ["Laikspiedols", "E-pasta adrese", label(question("country"), "lv"), label(question("municipality"), "lv"),
          label(question("role"), "lv")]
header += [f"{imp_group} [{label(question('imp_' + t), 'lv')}]" for t in topics]
header += [f"{comp_group} [{label(question('comp_' + t), 'lv')}]" for t in topics]
header += [label(question("training_wanted"), "lv"), label(question("comments"), "lv")]
rows = [header]
for i in range(38):
    r = respondent("LV")
    stamp = f"{14 + i % 8:02d}.01.2025 {10 + i % 7:02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    row = [stamp, f"darbinieks{i}@example.lv" if i % 4 == 0 else "", "Latvija", rng.choice(lv_places),
           choice_label("role", r["role"], "lv")]
    row += [choice_label("importance5", r["imp_" + t], "lv") if r["imp_" + t] else "" for t in topics]
    row += [choice_label("competence5", r["comp_" + t], "lv") if r["comp_" + t] else "" for t in topics]
    wanted = [choice_label("topics", t, "lv") for t in r["training_wanted"]]
    if i == 5:
        wanted.append("Cits: darbs ar jauniešiem")  # an "Other" answer
    row += [", ".join(wanted), ""]
    if i == 9:
        row[5] = "loti svarigi"  # typed without diacritics
    if i == 11:
        row[-1] = 'Vajag vairāk prakses, piemēram, "lomu spēles"\nun supervīziju'
    rows.append(row)
rows.insert(20, [""] * len(header))  # a blank row
write("LV_google_forms_lv.csv", table(rows, ","))

# 3. Microsoft Forms downloaded as .xlsx, saved by a Lithuanian Excel as CSV: Windows-1257, `;` (Lithuania).
lt_places = ["Vilniaus miesto savivaldybė", "Vilniaus miesto savivaldybė", "Kauno m. sav.", "Klaipėdos miesto savivaldybė",
             "Šiaulių miesto savivaldybė", "Alytaus rajono savivaldybė", "Panevėžio miesto savivaldybė", "Visagino savivaldybė"]
imp_group = label(groups["importance"], "lt")
comp_group = label(groups["competence"], "lt")
header = ["ID", "Start time", "Completion time", "Email", "Name", label(question("country"), "lt"),
          label(question("municipality"), "lt"), label(question("role"), "lt")]
header += [f"{imp_group}.{label(question('imp_' + t), 'lt')}" for t in topics]
header += [f"{comp_group}.{label(question('comp_' + t), 'lt')}" for t in topics]
header += [label(question("training_wanted"), "lt")]
rows = [header]
first_names = ["Ona", "Jonas", "Rūta", "Tomas", "Aistė", "Mantas", "Eglė", "Darius"]
for i in range(44):
    r = respondent("LT")
    day = 15 + i % 10
    row = [str(i + 1), f"1/{day}/25 10:{i % 60:02d}:00", f"1/{day}/25 10:{(i + 7) % 60:02d}:00",
           "anonymous" if i % 3 else f"{first_names[i % 8].lower()}{i}@example.lt",
           "" if i % 3 else f"{first_names[i % 8]} Pavardenis", "Lietuva", rng.choice(lt_places),
           choice_label("role", r["role"], "lt")]
    if i == 17:
        row[6] = "Vilnius"  # city or district: ambiguous
    row += [choice_label("importance5", r["imp_" + t], "lt") if r["imp_" + t] else "" for t in topics]
    row += [choice_label("competence5", r["comp_" + t], "lt") if r["comp_" + t] else "" for t in topics]
    row += ["".join(choice_label("topics", t, "lt") + ";" for t in r["training_wanted"])]
    if i == 30:
        row = row[:12]  # a row cut short by hand editing
    rows.append(row)
write("LT_msforms_excel_1257.csv", table(rows, ";"), encoding="cp1257")

# 4. LimeSurvey, question codes, full answers in Russian, UTF-8 with BOM (Russian-speaking staff in Estonia).
ru_places = ["Нарва", "Нарва", "Силламяэ", "Кохтла-Ярве", "Таллин", "Маарду"]
header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "country", "municipality", "role"]
header += [f"importance[SQ{k:03d}]" for k in range(1, len(topics) + 1)]
header += [f"competence[SQ{k:03d}]" for k in range(1, len(topics) + 1)]
header += [f"trainingwanted[SQ{k:03d}]" for k in range(1, len(topics) + 1)] + ["comments", "contactemail"]
rows = [header]
for i in range(30):
    r = respondent("EE")
    country = "Эстония"
    if i == 4:
        country = "Украина"  # a country outside the region
    row = [str(i + 1), f"2025-01-{16 + i % 6:02d} 1{i % 8}:{i % 60:02d}:00", "4", "ru", str(rng.randint(1000, 9999)),
           country, rng.choice(ru_places), choice_label("role", r["role"], "ru")]
    row += [choice_label("importance5", r["imp_" + t], "ru") if r["imp_" + t] else "" for t in topics]
    row += [choice_label("competence5", r["comp_" + t], "ru") if r["comp_" + t] else "" for t in topics]
    row += ["Y" if t in r["training_wanted"] else "" for t in topics]
    row += ["", f"sotrudnik{i}@example.ee" if i % 6 == 0 else ""]
    rows.append(row)
write("EE_limesurvey_ru.csv", table(rows, ",", newline="\n"), encoding="utf-8-sig")

# 5. A hand-made sheet saved by Excel as "Unicode text": UTF-16LE with BOM, tab, XML names (Latvia).
header = ["country", "municipality", "role"] + [f"imp_{t}" for t in topics] + [f"comp_{t}" for t in topics]
header += ["training_wanted"]
rows = [header]
for i in range(26):
    r = respondent("LV")
    row = ["LV", rng.choice(["Rēzeknes novads", "Ventspils", "Jūrmala", "Ogres novads", "Daugavpils"]), r["role"]]
    row += [r["imp_" + t] for t in topics] + [r["comp_" + t] for t in topics] + [" ".join(r["training_wanted"])]
    rows.append(row)
write("LV_excel_unicode.txt", table(rows, "\t"), encoding="utf-16-le")

# 6. The follow-up wave, a year and a half later (inputs/followup): other respondents, the same
#    instrument; competence has grown on the topics the academy trained first.
import os

os.makedirs("inputs/followup", exist_ok=True)
TRAINED = {"EE": {"disinformation", "intercultural", "interpreters", "vulnerable_groups"},
           "LV": {"disinformation", "intercultural", "interpreters", "gbv_prevention", "partnerships"},
           "LT": {"disinformation", "intercultural", "interpreters", "vulnerable_groups", "legal_status"}}
places = {"EE": ["Tallinn", "Narva linn", "Tartu linn", "Jõhvi vald", "Sillamäe linn", "Maardu linn"],
          "LV": ["Rīga", "Daugavpils", "Jelgava", "Ogres novads", "Valmieras novads"],
          "LT": ["Vilniaus miesto savivaldybė", "Kauno miesto savivaldybė", "Šiaulių miesto savivaldybė", "Visagino savivaldybė"]}
for country, count in (("EE", 48), ("LV", 40), ("LT", 36)):
    header = ["end", "country", "municipality", "role"] + [f"imp_{t}" for t in topics] + [f"comp_{t}" for t in topics]
    header += ["training_wanted"]
    rows = [header]
    for i in range(count):
        r = respondent(country)
        for t in TRAINED[country]:
            if r["comp_" + t]:
                r["comp_" + t] = str(min(5, int(r["comp_" + t]) + (1 if rng.random() < 0.7 else 0)))
        if rng.random() < 0.5:
            r["training_wanted"] = [t for t in r["training_wanted"] if t not in TRAINED[country]]
        row = [f"2026-06-{1 + i % 20:02d}T10:00:00+03:00", country, rng.choice(places[country]), r["role"]]
        row += [r["imp_" + t] for t in topics] + [r["comp_" + t] for t in topics] + [" ".join(r["training_wanted"])]
        rows.append(row)
    write(f"../followup/{country}_followup_2026.csv", table(rows, ","))
