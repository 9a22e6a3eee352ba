#!/usr/bin/env python3
"""Writes the encoding fixtures of the test suite with Python's own codecs, so the reader's
decoding is checked against an encoder independent of it. Run from the repository root:

    python3 scripts/make_test_fixtures.py

Each fixture is a short survey export; `expected.json` holds its text (decoded) and encoding.
"""
import json
import os

out = "Tests/NeedsKitTests/Fixtures/encodings"
os.makedirs(out, exist_ok=True)

cases = {
    "lt_windows-1257.csv": ("cp1257", ";", "\r\n",
        [["Šalis", "Savivaldybė", "Pareigos", "Komentaras"],
         ["Lietuva", "Vilniaus miesto savivaldybė", "Socialinis darbuotojas", "Reikia mokymų apie smurtą dėl lyties"],
         ["Lietuva", "Šiaulių rajono savivaldybė", "Mokytojas", "Labai svarbu; ačiū"],
         ["Lietuva", "Kauno miesto savivaldybė", "Koordinatorius", "Darbas su vertėjais, ypač ukrainiečių kalba"]]),
    "lv_windows-1257.csv": ("cp1257", ";", "\r\n",
        [["Valsts", "Pašvaldība", "Amats"],
         ["Latvija", "Rīga", "Sociālais darbinieks"],
         ["Latvija", "Jelgavas novads", "Pašvaldības administrators"],
         ["Latvija", "Rēzeknes novads", "Integrācijas koordinators"]]),
    "et_windows-1257.csv": ("cp1257", ";", "\r\n",
        [["Riik", "Omavalitsus", "Märkus"],
         ["Eesti", "Tartu linn", "Sotsiaaltöötaja, šokk ja žest"],
         ["Eesti", "Jõhvi vald", "Õpetaja"]]),
    "lt_iso-8859-13.csv": ("iso8859_13", ";", "\r\n",
        [["Šalis", "Komentaras"],
         ["Lietuva", "„Labai svarbu“, sakė darbuotoja"],
         ["Lietuva", "Mokymai apie dezinformaciją"]]),
    "ru_windows-1251.csv": ("cp1251", ";", "\r\n",
        [["Страна", "Муниципалитет", "Должность"],
         ["Эстония", "Нарва", "Социальный работник"],
         ["Латвия", "Даугавпилс", "Учитель"],
         ["Эстония", "Силламяэ", "Координатор по интеграции"]]),
    "ru_koi8-r.csv": ("koi8_r", ",", "\n",
        [["Страна", "Муниципалитет", "Должность"],
         ["Эстония", "Нарва", "Социальный работник"],
         ["Латвия", "Даугавпилс", "Учитель"]]),
    # An old DOS tool's export (IBM code page 775, "Baltic Rim"), letters where Windows has
    # control codes and box drawing.
    "lt_cp775.csv": ("cp775", ";", "\r\n",
        [["Šalis", "Savivaldybė", "Pareigos", "Kompetencija"],
         ["Lietuva", "Kėdainių rajono savivaldybė", "Socialinis darbuotojas", "Vidutinė"],
         ["Lietuva", "Šiaulių miesto savivaldybė", "Mokytojas", "Žema"],
         ["Lietuva", "Utenos rajono savivaldybė", "Integracijos koordinatorius", "Aukšta"]]),
    "lv_cp775.csv": ("cp775", ";", "\r\n",
        [["Valsts", "Pašvaldība", "Amats", "Kompetence"],
         ["Latvija", "Rēzeknes novads", "Sociālais darbinieks", "Vidēja"],
         ["Latvija", "Jūrmala", "Skolotājs", "Ļoti zema"],
         ["Latvija", "Ķekavas novads", "Pašvaldības administrators", "Augsta"]]),
    "fr_windows-1252.csv": ("cp1252", ",", "\r\n",
        [["Pays", "Commentaire"],
         ["France", "Le cœur du problème : la sœur aînée"],
         ["Belgique", "Œuvre collective, déjà évaluée"]]),
    "lv_utf-8-bom.csv": ("utf-8-sig", ",", "\r\n",
        [["Valsts", "Pašvaldība"], ["Latvija", "Daugavpils"], ["Latvija", "Ogres novads"]]),
    "lt_utf-16le.txt": ("utf-16", "\t", "\r\n",
        [["Šalis", "Savivaldybė"], ["Lietuva", "Klaipėdos rajono savivaldybė"], ["Lietuva", "Alytaus miesto savivaldybė"]]),
    "ru_utf-16be.csv": ("utf-16-be-bom", ";", "\r\n",
        [["Страна", "Город"], ["Эстония", "Нарва"]]),
    "short_utf-8.csv": ("utf-8", ",", "\n",
        [["name", "city"], ["x", "Pärnu"]]),
}

expected = {}
for name, (codec, delimiter, newline, rows) in cases.items():
    text = newline.join(delimiter.join(f'"{c}"' if delimiter in c or '"' in c else c for c in row) for row in rows) + newline
    if codec == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif codec == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(codec)
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    expected[name] = {"encoding": name.split("_", 1)[1].rsplit(".", 1)[0].replace("utf-8-bom", "utf-8"),
                      "rows": rows}
with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    f.write("\n")
