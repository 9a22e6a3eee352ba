#!/usr/bin/env python3
"""The per-country × topic figures of a Kobo-shaped export, computed by DuckDB with read_csv and
SQL: respondents, n importance, mean importance, mean competence, MWDS, demand share. For the
benchmark's timing and its agreement check with needs.

usage: duckdb_figures.py EXPORT.csv THREADS TOPIC [TOPIC ...]   (prints JSON on stdout)
"""
import json
import sys
import time

import duckdb

path, threads, topics = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
start = time.perf_counter()
con = duckdb.connect()
con.execute(f"SET threads TO {threads}")
con.execute(f"""CREATE TEMP VIEW export AS SELECT * FROM read_csv('{path}', delim=';', header=true, all_varchar=true)""")
parts = []
for t in topics:
    parts.append(f"""
      SELECT country, '{t}' AS topic,
             TRY_CAST("importance/imp_{t}" AS DOUBLE) AS imp,
             TRY_CAST("competence/comp_{t}" AS DOUBLE) AS comp,
             list_contains(string_split(coalesce(training_wanted, ''), ' '), '{t}') AS wanted
      FROM export""")
query = f"""
  WITH long AS ({' UNION ALL '.join(parts)}),
  scoped AS (SELECT country AS scope, * FROM long UNION ALL SELECT 'ALL' AS scope, * FROM long)
  SELECT scope, topic, count(*) AS respondents, count(imp) AS n_importance, avg(imp) AS mean_importance,
         avg(comp) AS mean_competence, avg(imp - comp) AS mean_gap,
         avg(imp - comp) * avg(imp) AS mwds, avg(CASE WHEN wanted THEN 1.0 ELSE 0.0 END) AS demand_share
  FROM scoped GROUP BY scope, topic ORDER BY scope, topic"""
rows = con.execute(query).fetchall()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "figures": [
    {"country": r[0], "topic": r[1], "respondents": r[2], "n_importance": r[3], "mean_importance": r[4],
     "mean_competence": r[5], "mwds": r[7], "demand_share": r[8]} for r in rows]}))
