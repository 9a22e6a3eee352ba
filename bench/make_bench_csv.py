#!/usr/bin/env python3
"""Writes a large Kobo-shaped export for the reader benchmark (generated, never committed).

usage: make_bench_csv.py ROWS OUT
Every field quoted, `;`, CRLF rows, UTF-8 Baltic and Cyrillic text, and a free-text answer with an
embedded newline in one row of fifty, as real KoboToolbox exports have.
"""
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
places = ["Tallinn", "Tartu linn", "Narva linn", "Rīga", "Daugavpils", "Jelgavas novads",
          "Vilniaus miesto savivaldybė", "Kauno rajono savivaldybė", "Šiaulių miesto savivaldybė", "Нарва"]
topics = ["intercultural", "partnerships", "disinformation", "vulnerable_groups", "gbv_prevention",
          "legal_status", "interpreters", "staff_wellbeing"]
header = (["start", "end", "country", "municipality", "role"] + [f"importance/imp_{t}" for t in topics]
          + [f"competence/comp_{t}" for t in topics] + ["training_wanted", "comments", "_id", "_uuid",
          "_submission_time", "_index"])
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write(";".join(f'"{h}"' for h in header) + "\r\n")
    for i in range(rows):
        comment = ""
        if i % 50 == 0:
            comment = 'Vajame rohkem koolitust; "tõlkidega" töö\njärgmisel aastal'
        values = ["2025-01-14T10:32:05.000+02:00", "2025-01-14T10:41:17.000+02:00",
                  rng.choice(["EE", "LV", "LT"]), rng.choice(places), "social_worker"]
        values += [str(rng.randint(1, 5)) for _ in range(16)]
        values += [" ".join(rng.sample(topics, rng.randint(0, 4))), comment, str(100000 + i),
                   f"{rng.getrandbits(128):032x}", "2025-01-14T08:41:20", str(i + 1)]
        f.write(";".join('"' + v.replace('"', '""') + '"' for v in values) + "\r\n")
