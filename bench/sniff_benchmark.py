#!/usr/bin/env python3
"""make bench-sniff: how often `needs sniff` is right.

Dialects: every file of ../shared/corpora/dialects/input against expected.tsv (delimiter; delimiter
and quote; the 25 hard cases; header and preamble records for the 101 files that have them).
Encodings: a generated set of short survey CSVs in Estonian, Latvian, Lithuanian, Russian and
Ukrainian, 1 to 40 data rows, in UTF-8, UTF-16 with BOM, Windows-1257, ISO-8859-13, Windows-1251
and KOI8-R (files written to bench/data/encodings, never committed); a detection is right when
decoding with it gives exactly the original text.
Exits 1 when a target is missed.

usage: sniff_benchmark.py NEEDS_BINARY [--dialects-only] [--quiet]
"""
import codecs
import json
import os
import random
import subprocess
import sys

if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help") or sys.argv[1].startswith("-"):
    # `--help` was taken for the binary's path and ended in a traceback.
    print(__doc__.strip())
    sys.exit(0 if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help") else 2)
needs = sys.argv[1]
quiet = "--quiet" in sys.argv
root = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora", "dialects")


def sniff(paths):
    out = subprocess.run([needs, "sniff", "--json", *paths], capture_output=True, text=True)
    return {r["file"]: r for r in json.loads(out.stdout)}


# ---- dialects
expected = {}
with open(os.path.join(root, "expected.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        name, delimiter, quote, header, preamble = (line.rstrip("\n").split("\t") + ["", ""])[:5]
        expected[name] = (delimiter, quote, header, preamble)
paths = [os.path.join(root, "input", name) for name in sorted(expected)]
found = sniff(paths)
right = both = hard = hard_right = table = table_right = 0
wrong = []
for name, (delimiter, quote, header, preamble) in sorted(expected.items()):
    r = found[os.path.join(root, "input", name)]
    ok = r.get("delimiter") == delimiter
    right += ok
    both += ok and r.get("quote") == quote
    if header == "":
        hard += 1
        hard_right += ok
    else:
        table += 1
        t_ok = str(r.get("header_records")) == header and str(r.get("preamble_records")) == preamble
        table_right += t_ok
        if not t_ok:
            wrong.append(f"  table  {name}: expected header {header} preamble {preamble}, got {r.get('header_records')} / {r.get('preamble_records')}")
    if not ok:
        wrong.append(f"  delim  {name}: expected {delimiter}, got {r.get('delimiter')}")
n = len(expected)

# ---- encodings
words = {
    "et": ["Riik", "Omavalitsus", "Sotsiaaltöötaja", "Õpetaja", "väga oluline", "Jõhvi vald", "Pärnu linn", "šokk",
           "žürii", "koolitus", "lõimumine", "pagulased", "tõlgid", "ülevaade", "äärmiselt", "Eesti"],
    "lv": ["Valsts", "Pašvaldība", "Sociālais darbinieks", "Ļoti svarīgi", "Rīga", "Jelgavas novads", "apmācības",
           "bēgļi", "tulki", "ģimene", "ķēde", "Latvija", "dezinformācija", "ņemt", "čūska", "Žagars"],
    "lt": ["Šalis", "Savivaldybė", "Socialinis darbuotojas", "Labai svarbu", "Vilniaus miesto savivaldybė", "mokymai",
           "pabėgėliai", "vertėjai", "ąžuolas", "įstaiga", "ūkis", "Lietuva", "dezinformacija", "ęsti", "ųjų", "čia"],
    "ru": ["Страна", "Муниципалитет", "Социальный работник", "Очень важно", "Нарва", "обучение", "беженцы",
           "переводчики", "Эстония", "дезинформация", "ёлка", "Силламяэ", "сотрудники", "поддержка", "щит", "Латвия"],
    "uk": ["Країна", "Громада", "Соціальний працівник", "Дуже важливо", "Нарва", "навчання", "біженці",
           "перекладачі", "Естонія", "дезінформація", "їжак", "є", "підтримка", "ґанок", "Латвія", "співробітники"],
}
encodings = {"utf-8": "utf-8", "utf-16": "utf-16", "windows-1257": "cp1257", "iso-8859-13": "iso8859_13",
             "windows-1251": "cp1251", "koi8-r": "koi8_r"}
plan = {"et": ["utf-8", "utf-16", "windows-1257", "iso-8859-13"], "lv": ["utf-8", "utf-16", "windows-1257", "iso-8859-13"],
        "lt": ["utf-8", "utf-16", "windows-1257", "iso-8859-13"], "ru": ["utf-8", "utf-16", "windows-1251", "koi8-r"],
        "uk": ["utf-8", "utf-16", "windows-1251"]}
folder = os.path.join(os.path.dirname(__file__), "data", "encodings")
os.makedirs(folder, exist_ok=True)
rng = random.Random(17)
cases = []
for language, names in plan.items():
    for name in names:
        for rows in list(range(1, 11)) + [15, 20, 25, 30, 40]:
            for variant in range(2):
                lines = [";".join(rng.sample(words[language][:4], 3))]
                for _ in range(rows):
                    lines.append(";".join(rng.choice(words[language]) + (str(rng.randint(1, 5)) if rng.random() < 0.3 else "")
                                          for _ in range(3)))
                text = "\r\n".join(lines) + "\r\n"
                path = os.path.join(folder, f"{language}_{name}_{rows}_{variant}.csv")
                with open(path, "wb") as f:
                    f.write(text.encode(encodings[name]))
                cases.append((path, language, name, rows, text))
found = sniff([c[0] for c in cases])
groups = {"valid UTF-8": [0, 0], "UTF-16 with BOM": [0, 0], "legacy, 3+ rows": [0, 0], "legacy, 1 row": [0, 0],
          "legacy, 2 rows": [0, 0]}
enc_wrong = []
for path, language, name, rows, text in cases:
    got = found[path].get("encoding")
    data = open(path, "rb").read()
    try:
        if got == "utf-16le" or got == "utf-16be":
            decoded = data.decode("utf-16")
        else:
            decoded = data.decode(encodings.get(got, got), errors="strict")
            if decoded.startswith("\ufeff"):
                decoded = decoded[1:]
        ok = decoded == text
    except (UnicodeDecodeError, LookupError):
        ok = False
    key = ("valid UTF-8" if name == "utf-8" else "UTF-16 with BOM" if name == "utf-16" else
           "legacy, 1 row" if rows == 1 else "legacy, 2 rows" if rows == 2 else "legacy, 3+ rows")
    groups[key][0] += ok
    groups[key][1] += 1
    if not ok:
        enc_wrong.append(f"  enc    {os.path.basename(path)}: got {got}")


def pct(a, b):
    return 100.0 * a / b if b else 0.0


targets = [
    ("dialect: delimiter right", pct(right, n), f"{right}/{n}", 98.0),
    ("dialect: delimiter + quote right", pct(both, n), f"{both}/{n}", None),
    ("dialect: hard cases, delimiter right", pct(hard_right, hard), f"{hard_right}/{hard}", 88.0),
    ("table: header + preamble right", pct(table_right, table), f"{table_right}/{table}", 90.0),
    ("encoding: valid UTF-8", pct(*groups["valid UTF-8"]), "{}/{}".format(*groups["valid UTF-8"]), 100.0),
    ("encoding: UTF-16 with BOM", pct(*groups["UTF-16 with BOM"]), "{}/{}".format(*groups["UTF-16 with BOM"]), 100.0),
    ("encoding: legacy, 3+ rows", pct(*groups["legacy, 3+ rows"]), "{}/{}".format(*groups["legacy, 3+ rows"]), 99.0),
    ("encoding: legacy, 2 rows", pct(*groups["legacy, 2 rows"]), "{}/{}".format(*groups["legacy, 2 rows"]), None),
    ("encoding: legacy, 1 row", pct(*groups["legacy, 1 row"]), "{}/{}".format(*groups["legacy, 1 row"]), 95.0),
]
missed = False
print(f"{'measure':40} {'right':>9} {'share':>8} {'target':>8}")
for label, share, count, target in targets:
    flag = ""
    if target is not None and share + 1e-9 < target:
        flag = "  MISSED"
        missed = True
    print(f"{label:40} {count:>9} {share:7.1f}% {('>= %.0f%%' % target) if target else '':>8}{flag}")
print("published on the same 126 files: CleverCSV 96.0% delimiter (20/25 hard), csv.Sniffer 94.4%; header on line 1: 73.3% of 101")
if not quiet:
    for line in wrong + enc_wrong:
        print(line)
sys.exit(1 if missed else 0)
