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

# ---------------------------------------------------------------------------------------------
# Topic figures for a small seeded data set, computed with NumPy/SciPy from the formulas, for the
# aggregator tests (unweighted, municipality-weighted, country-equal region) and the country
# comparisons (Welch via scipy.stats.ttest_ind, Newcombe from two Wilson intervals, Holm).
import csv
import math
import random

import numpy as np

rng = random.Random(5)
Z = 1.959963984540054
topics = ["alpha", "beta", "gamma"]
places = {"EE": ["EE-784", "EE-793", "EE-511"], "LV": ["LV-RIX", "LV-DGV"], "LT": ["LT-57", "LT-19", "LT-13"]}
rows = []
for country, municipalities in places.items():
    for k in range({"EE": 23, "LV": 17, "LT": 29}[country]):
        municipality = municipalities[0] if rng.random() < 0.5 else rng.choice(municipalities)
        row = {"country": country, "municipality": municipality}
        for t in topics:
            shift = {"EE": 0, "LV": 1, "LT": -1}[country] if t == "beta" else 0
            row["imp_" + t] = "" if rng.random() < 0.1 else str(min(5, max(1, rng.randint(2, 5) + (shift if rng.random() < 0.5 else 0))))
            row["comp_" + t] = "" if rng.random() < 0.1 else str(min(5, max(1, rng.randint(1, 4) - (shift if rng.random() < 0.5 else 0))))
        wanted = [t for t in topics if rng.random() < {"alpha": 0.3, "beta": 0.6 if country == "LV" else 0.3, "gamma": 0.5}[t]]
        row["training_wanted"] = " ".join(wanted)
        rows.append(row)
fixture = "Tests/NeedsKitTests/Fixtures/reference"
with open(fixture + "/aggregate_input.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def weighted_mean_ci(values, weights):
    values = np.asarray(values, float)
    weights = np.asarray(weights, float)
    n = len(values)
    if n == 0:
        return None
    mean = float(np.sum(weights * values) / np.sum(weights))
    unweighted = bool(np.all(weights == 1))
    neff = float(np.sum(weights) ** 2 / np.sum(weights ** 2))
    if n < 2:
        return {"n": n, "mean": mean, "low": None, "high": None}
    if unweighted:
        var = float(np.var(values, ddof=1))
        nn = n
    else:
        var = float(np.sum(weights * (values - mean) ** 2) / np.sum(weights)) * neff / (neff - 1)
        nn = neff
    half = float(stats.t.ppf(0.975, nn - 1)) * math.sqrt(var / nn)
    return {"n": n, "mean": mean, "low": mean - half, "high": mean + half}


def wilson(p, n):
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def scope_figures(members):
    """members: list of (row, weight)."""
    out = {}
    weights_all = np.array([w for _, w in members], float)
    for t in topics:
        imp = [(float(r["imp_" + t]), w) for r, w in members if r["imp_" + t]]
        comp = [(float(r["comp_" + t]), w) for r, w in members if r["comp_" + t]]
        gap = [(float(r["imp_" + t]) - float(r["comp_" + t]), w) for r, w in members if r["imp_" + t] and r["comp_" + t]]
        fi = weighted_mean_ci([v for v, _ in imp], [w for _, w in imp])
        fc = weighted_mean_ci([v for v, _ in comp], [w for _, w in comp])
        fg = weighted_mean_ci([v for v, _ in gap], [w for _, w in gap])
        demanded = sum(w for r, w in members if t in r["training_wanted"].split())
        share = demanded / float(np.sum(weights_all))
        neff = float(np.sum(weights_all) ** 2 / np.sum(weights_all ** 2))
        low, high = wilson(share, neff)
        out[t] = {"respondents": len(members), "importance": fi, "competence": fc, "gap": fg,
                  "mwds": fg["mean"] * fi["mean"], "demand_n": sum(1 for r, _ in members if t in r["training_wanted"].split()),
                  "demand_share": share, "demand_low": low, "demand_high": high}
    ranked = sorted(out[t]["mwds"] for t in topics)
    for t in topics:
        out[t]["rank"] = 1 + sum(1 for u in topics if out[u]["mwds"] > out[t]["mwds"])
    return out


expected = {}
for weighting in ["respondent", "municipality"]:
    weights = []
    for r in rows:
        if weighting == "respondent":
            weights.append(1.0)
        else:
            same = [x for x in rows if x["country"] == r["country"]]
            munis = {x["municipality"] for x in same}
            in_muni = sum(1 for x in same if x["municipality"] == r["municipality"])
            weights.append(len(same) / len(munis) / in_muni)
    scopes = {}
    for country in places:
        scopes[country] = scope_figures([(r, w) for r, w in zip(rows, weights) if r["country"] == country])
    scopes["ALL"] = scope_figures(list(zip(rows, weights)))
    expected[weighting] = scopes
# Country-equal region, unweighted respondents: each country's total weight is N/3.
counts = {c: sum(1 for r in rows if r["country"] == c) for c in places}
equal = [(r, len(rows) / 3 / counts[r["country"]]) for r in rows]
expected["country-equal"] = {"ALL": scope_figures(equal)}

# Country comparisons, unweighted: each country against the others pooled.
differences = []
for country in places:
    family = {"demand_share": [], "mean_gap": []}
    for t in topics:
        own = [r for r in rows if r["country"] == country]
        others = [r for r in rows if r["country"] != country]
        p1 = sum(1 for r in own if t in r["training_wanted"].split()) / len(own)
        p2 = sum(1 for r in others if t in r["training_wanted"].split()) / len(others)
        l1, u1 = wilson(p1, len(own))
        l2, u2 = wilson(p2, len(others))
        d = p1 - p2
        pooled = (p1 * len(own) + p2 * len(others)) / (len(own) + len(others))
        zz = d / math.sqrt(pooled * (1 - pooled) * (1 / len(own) + 1 / len(others)))
        family["demand_share"].append({"country": country, "topic": t, "difference": d,
            "low": d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), "high": d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
            "p": float(2 * stats.norm.sf(abs(zz)))})
        g1 = [float(r["imp_" + t]) - float(r["comp_" + t]) for r in own if r["imp_" + t] and r["comp_" + t]]
        g2 = [float(r["imp_" + t]) - float(r["comp_" + t]) for r in others if r["imp_" + t] and r["comp_" + t]]
        res = stats.ttest_ind(g1, g2, equal_var=False)
        ci = res.confidence_interval(0.95)
        family["mean_gap"].append({"country": country, "topic": t, "difference": float(np.mean(g1) - np.mean(g2)),
            "low": float(ci.low), "high": float(ci.high), "p": float(res.pvalue)})
    for measure, entries in family.items():
        order = sorted(range(len(entries)), key=lambda i: entries[i]["p"])
        running = 0.0
        for rank, i in enumerate(order):
            running = max(running, min(1.0, (len(entries) - rank) * entries[i]["p"]))
            entries[i]["p_holm"] = running
            entries[i]["measure"] = measure
        differences += entries
with open(fixture + "/aggregate_expected.json", "w") as f:
    json.dump({"source": "scripts/reference_statistics.py (NumPy, SciPy)", "figures": expected,
               "differences": differences}, f, indent=1, sort_keys=True)
    f.write("\n")

# ---------------------------------------------------------------------------------------------
# topic_demand.csv of inputs/, recomputed from the clean records (reports/clean/responses.csv)
# with the formulas above: every figure of the committed report checked independently.
import os

if os.path.exists("reports/clean/responses.csv"):
    with open("reports/clean/responses.csv", encoding="utf-8") as f:
        clean = list(csv.DictReader(f))
    with open("inputs/instrument/survey.csv", encoding="utf-8") as f:
        measured = [r for r in csv.DictReader(f) if r["measure"] in ("importance", "competence")]
    keys = sorted({r["topic"] for r in measured})
    rows_for = lambda members: [(r, 1.0) for r in members]
    figures = {}
    for scope in sorted({r["country"] for r in clean if r["country"]}) + ["ALL"]:
        members = [r for r in clean if scope == "ALL" or r["country"] == scope]
        out = {}
        for t in keys:
            imp = [float(r["imp_" + t]) for r in members if r["imp_" + t]]
            comp = [float(r["comp_" + t]) for r in members if r["comp_" + t]]
            gap = [float(r["imp_" + t]) - float(r["comp_" + t]) for r in members if r["imp_" + t] and r["comp_" + t]]
            fi, fc, fg = (weighted_mean_ci(v, [1.0] * len(v)) for v in (imp, comp, gap))
            demanded = sum(1 for r in members if t in r["training_wanted"].split())
            low, high = wilson(demanded / len(members), len(members))
            out[t] = {"respondents": len(members), "n_importance": len(imp), "mean_importance": fi["mean"],
                      "importance_ci_low": fi["low"], "importance_ci_high": fi["high"], "n_competence": len(comp),
                      "mean_competence": fc["mean"], "competence_ci_low": fc["low"], "competence_ci_high": fc["high"],
                      "n_pairs": len(gap), "mean_gap": fg["mean"], "gap_ci_low": fg["low"], "gap_ci_high": fg["high"],
                      "mwds": fg["mean"] * fi["mean"], "demand_n": demanded, "demand_share": demanded / len(members),
                      "demand_ci_low": low, "demand_ci_high": high}
        for t in keys:
            out[t]["mwds_rank"] = 1 + sum(1 for u in keys if out[u]["mwds"] > out[t]["mwds"])
        figures[scope] = out
    with open(fixture + "/inputs_topic_demand.json", "w") as f:
        json.dump({"source": "reports/clean/responses.csv via scripts/reference_statistics.py", "figures": figures},
                  f, indent=1, sort_keys=True)
        f.write("\n")

# ---------------------------------------------------------------------------------------------
# Waves: a baseline and a follow-up of the same panel (codes p0…), with SciPy's Welch and paired
# t intervals and Newcombe's interval for the change in demand share.
rng = random.Random(11)
wave_rows = {"before": [], "after": []}
for k in range(40):
    country = "EE" if k < 22 else "LV"
    code = f"p{k}"
    for wave, lift in (("before", 0), ("after", 1)):
        row = {"code": code, "country": country, "municipality": "EE-784" if country == "EE" else "LV-RIX"}
        for t in ["alpha", "beta"]:
            row["imp_" + t] = str(rng.randint(3, 5))
            comp = rng.randint(1, 4) + (lift if rng.random() < 0.6 else 0)
            row["comp_" + t] = "" if rng.random() < 0.08 else str(min(5, comp))
        row["training_wanted"] = " ".join(t for t in ["alpha", "beta"] if rng.random() < (0.5 if wave == "before" else 0.3))
        wave_rows[wave].append(row)
    if k % 9 == 4:
        wave_rows["after"].pop()  # some of the panel did not answer the follow-up
for wave, rows_ in wave_rows.items():
    with open(f"{fixture}/waves_{wave}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows_[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows_)


def newcombe(p1, n1, p2, n2):
    l1, u1 = wilson(p1, n1)
    l2, u2 = wilson(p2, n2)
    d = p1 - p2
    return d, d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)


wave_expected = {"independent": {}, "paired": {}}
for scope in ["EE", "LV", "ALL"]:
    b = [r for r in wave_rows["before"] if scope == "ALL" or r["country"] == scope]
    a = [r for r in wave_rows["after"] if scope == "ALL" or r["country"] == scope]
    for t in ["alpha", "beta"]:
        cb = [float(r["comp_" + t]) for r in b if r["comp_" + t]]
        ca = [float(r["comp_" + t]) for r in a if r["comp_" + t]]
        gb = [float(r["imp_" + t]) - float(r["comp_" + t]) for r in b if r["comp_" + t]]
        ga = [float(r["imp_" + t]) - float(r["comp_" + t]) for r in a if r["comp_" + t]]
        rc = stats.ttest_ind(ca, cb, equal_var=False).confidence_interval(0.95)
        rg = stats.ttest_ind(ga, gb, equal_var=False).confidence_interval(0.95)
        pb = sum(1 for r in b if t in r["training_wanted"].split()) / len(b)
        pa = sum(1 for r in a if t in r["training_wanted"].split()) / len(a)
        d, lo, hi = newcombe(pa, len(a), pb, len(b))
        wave_expected["independent"][f"{scope} {t}"] = {
            "competence_change": float(np.mean(ca) - np.mean(cb)), "competence_low": float(rc.low), "competence_high": float(rc.high),
            "gap_change": float(np.mean(ga) - np.mean(gb)), "gap_low": float(rg.low), "gap_high": float(rg.high),
            "demand_change": d, "demand_low": lo, "demand_high": hi}
        # Paired: members in both waves, by baseline country.
        after_by_code = {r["code"]: r for r in wave_rows["after"]}
        pairs = [(r, after_by_code[r["code"]]) for r in b if r["code"] in after_by_code]
        dc = [float(y["comp_" + t]) - float(x["comp_" + t]) for x, y in pairs if x["comp_" + t] and y["comp_" + t]]
        dg = [(float(y["imp_" + t]) - float(y["comp_" + t])) - (float(x["imp_" + t]) - float(x["comp_" + t]))
              for x, y in pairs if x["comp_" + t] and y["comp_" + t]]
        pc = stats.ttest_1samp(dc, 0).confidence_interval(0.95)
        pg = stats.ttest_1samp(dg, 0).confidence_interval(0.95)
        wave_expected["paired"][f"{scope} {t}"] = {
            "matched": len(pairs), "competence_change": float(np.mean(dc)), "competence_low": float(pc.low),
            "competence_high": float(pc.high), "gap_change": float(np.mean(dg)), "gap_low": float(pg.low), "gap_high": float(pg.high)}
with open(fixture + "/waves_expected.json", "w") as f:
    json.dump({"source": "scripts/reference_statistics.py (SciPy ttest_ind, ttest_1samp)", "waves": wave_expected},
              f, indent=1, sort_keys=True)
    f.write("\n")
