#!/usr/bin/env python3
"""Reference values for the statistics tests, computed with SciPy (an implementation independent of
needs). Run from the repository root; the output is committed:

    python3 scripts/reference_statistics.py   # SciPy 1.17 was used

Writes Tests/NeedsKitTests/Fixtures/reference/student_t.json: t quantiles and CDF values.
"""
import json
from scipy import stats

quantiles = []
for df in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 29, 30, 40, 60, 100, 250, 1000, 0.5, 1.5, 2.5, 7.3, 41.77]:
    for p in [0.975, 0.95, 0.995, 0.9, 0.6]:
        quantiles.append({"df": df, "p": p, "t": float(stats.t.ppf(p, df))})
cdf = []
for df in [1, 3, 9.5, 30, 200]:
    for t in [-3.0, -0.5, 0.0, 0.25, 1.0, 2.0, 4.5, 12.0]:
        cdf.append({"df": df, "t": t, "p": float(stats.t.cdf(t, df))})
with open("Tests/NeedsKitTests/Fixtures/reference/student_t.json", "w") as f:
    json.dump({"source": "scipy.stats.t", "quantiles": quantiles, "cdf": cdf}, f, indent=1)
    f.write("\n")
