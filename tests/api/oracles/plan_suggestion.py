#!/usr/bin/python3
"""Independent oracle for P6 目标建议 (shared/METRICS.md "P6", docs/metrics.md "P6"): reads the
SQLite database with pandas and prints the page's figures as JSON.

usage: plan_suggestion.py DB AS_OF PERIOD OWNER < given.json
  OWNER: company | region:ID | rep:ID
  given.json: what the oracle takes from the product instead of refitting it — the model each
  forecast used and its fitted Holt-Winters parameters ({"market": {"model", "params"},
  "history": {…}}: the optimiser is tested against R by the forecast module's own tests), and
  the three evidences' values, MAPEs and WAPEs for the blend ("blend": [[value, mape, wape], …]).

Computed here from the database and the definitions: the owner's monthly sales, the market of
its cells and its share, the market forecast (R's HoltWinters with the given parameters, or
trend + seasonal naive written from docs/metrics.md), the pipeline's weighted expectation
(p(s) from the trailing 12 months with the company fallback below 20 closed) and run-rate, the
pipeline backtest and the market backtest (HW refitted by R at each origin: close to, not equal
to, our optimiser's), the history forecast, and the blend, range and split.
"""
import calendar
import json
import subprocess
import sqlite3
import sys
from datetime import date, timedelta

import pandas as pd

db, as_of_s, period, owner = sys.argv[1:5]
given = json.load(sys.stdin)
as_of = pd.Timestamp(as_of_s)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
q = lambda s, **k: pd.read_sql_query(s, con, **k)


def mi(ts):  # month index
    return ts.year * 12 + ts.month - 1


def mlabel(i):
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def mlast(i):  # last day of month i
    y, m = i // 12, i % 12 + 1
    return pd.Timestamp(date(y, m, calendar.monthrange(y, m)[1]))


if "-Q" in period:
    y, k = map(int, period.split("-Q"))
    pf, pl = y * 12 + 3 * k - 3, y * 12 + 3 * k - 1
elif "-" in period:
    y, m = map(int, period.split("-"))
    pf = pl = y * 12 + m - 1
else:
    pf, pl = int(period) * 12, int(period) * 12 + 11
K = pl - pf + 1

# --- owner, its reps and its market regions ---
regions = q("SELECT id, parent FROM regions")
parent = {int(i): (None if pd.isna(p) else int(p)) for i, p in zip(regions.id, regions.parent)}


def path(r):
    out = []
    while r is not None:
        out.append(r)
        r = parent.get(r)
    return out


reps = q("SELECT id, region FROM reps")
kind, _, ident = owner.partition(":")
if kind == "company":
    rep_ids, counted = set(reps.id.astype(int)), set(parent)
else:
    ident = int(ident)
    anchor = ident if kind == "region" else int(reps.loc[reps.id == ident, "region"].iloc[0])
    rep_ids = {int(i) for i, r in zip(reps.id, reps.region) if anchor in path(int(r))} if kind == "region" else {ident}
    counted = {r for r in parent if anchor in path(r) or r in path(anchor)}

# --- history months: first sale or market month … last complete month before the period ---
contracts = q("SELECT id, rep, customer, signed_date, amount FROM contracts", parse_dates=["signed_date"])
ms = q("SELECT month, industry, region, category, market_size AS size FROM market_stats")
ms["m"] = [int(s[:4]) * 12 + int(s[5:7]) - 1 for s in ms.month]
complete = mi(as_of) if as_of == mlast(mi(as_of)) else mi(as_of) - 1
E = min(complete, pf - 1)
S = min(mi(contracts.signed_date.min()), int(ms.m.min()))
months = list(range(S, E + 1))
n = len(months)
k_ = contracts[contracts.rep.isin(rep_ids) & (contracts.signed_date <= mlast(E))]
sales_by = k_.groupby(k_.signed_date.map(mi)).amount.sum()
sales = [float(sales_by.get(m, 0)) for m in months]

# --- the market of the owner's cells and its sales in them ---
reported = set(ms.region.astype(int))
cell = lambda r: next((x for x in path(r) if x in reported), None)
mk = ms[ms.region.isin(counted)]
market_by = mk.groupby("m")["size"].sum()
market = [float(market_by.get(m, 0)) for m in months]
cust = q("SELECT id AS customer, industry, region AS cregion FROM customers")
cust["cell"] = cust.cregion.map(lambda r: cell(int(r)))
lines = q("SELECT l.amount, c.signed_date, c.rep, c.customer, p.category FROM contract_lines l "
          "JOIN contracts c ON c.id = l.contract JOIN products p ON p.id = l.product", parse_dates=["signed_date"])
lines = lines[lines.rep.isin(rep_ids) & (lines.signed_date <= mlast(E))].merge(cust, on="customer")
lines = lines[lines.cell.notna() & lines.cell.isin(counted) & lines.industry.isin(set(ms.industry))]
own_by = lines.groupby(lines.signed_date.map(mi)).amount.sum()
own = [float(own_by.get(m, 0)) for m in months]
at = lambda m: m - S


def trailing(v, e):
    return sum(v[at(m)] for m in range(max(S, e - 11), e + 1))


def share_at(e):
    mkt = trailing(market, e)
    return trailing(own, e) / mkt if mkt > 0 else None


# --- forecasting: R's HoltWinters (fixed parameters, or its own fit) and trend + seasonal naive ---
R_CODE = r"""
con <- file("stdin"); lines <- readLines(con); close(con)
for (l in lines) {
  v <- as.numeric(strsplit(l, " ")[[1]]); h <- v[4]; x <- ts(v[-(1:4)], frequency = 12)
  m <- if (v[1] < 0) HoltWinters(x) else HoltWinters(x, alpha = v[1], beta = v[2], gamma = v[3])
  cat(sprintf("%.17g", as.numeric(predict(m, n.ahead = h))), "\n")
}
"""


def r_forecasts(jobs):  # jobs: (params or None, h, x) → point forecasts
    text = "\n".join(" ".join(map(repr, ([-1, -1, -1] if p is None else [p["alpha"], p["beta"], p["gamma"]]) + [h] + list(x)))
                     for p, h, x in jobs) + "\n"
    out = subprocess.run(["Rscript", "-e", R_CODE], input=text, capture_output=True, text=True, check=True).stdout
    return [[float(t) for t in l.split()] for l in out.strip().split("\n")]


def naive(x, h):
    nn = len(x)
    if nn < 2:
        return [x[-1] if x else 0.0] * h
    t = pd.Series(range(nn), dtype=float)
    xs = pd.Series(x)
    b = ((t - t.mean()) * (xs - xs.mean())).sum() / ((t - t.mean()) ** 2).sum()
    a = xs.mean() - b * t.mean()
    r = [x[i] - (a + b * i) for i in range(nn)]
    out = []
    for j in range(1, h + 1):
        tt = nn - 1 + j
        same = tt - 12 * ((j - 1) // 12 + 1)
        out.append(a + b * tt + (r[same] if same >= 0 else 0.0))
    return out


def points(model, params, x, h):
    if model == "holt_winters" and len(x) >= 24:
        return r_forecasts([(params, h, x)])[0]
    return naive(x, h)


def accuracy(pairs):
    nz = [(a, f) for a, f in pairs if a != 0]
    tot = sum(abs(a) for a, _ in pairs)
    return {"mape": sum(abs(a - f) / abs(a) for a, f in nz) / len(nz) if nz else None,
            "wape": sum(abs(a - f) for a, f in pairs) / tot if tot else None, "points": len(pairs)}


def origin_backtest(forecast_at):
    pairs = []
    for e in range(max(S, E - 12), E):
        h = min(12, E - e)
        f = forecast_at(e, h)
        pairs += [(sales[at(e + j)], f[j - 1]) for j in range(1, h + 1) if f[j - 1] is not None]
    return accuracy(pairs)


horizon = pl - E
skip = pf - E - 1

# --- market evidence ---
gm = given["market"]
share = share_at(E)
mf = points(gm["model"], gm["params"], market, horizon)[skip:]
out = {"history": {"first": mlabel(S), "last": mlabel(E), "months": [int(v) for v in sales]}}
mev = {"share": share, "share_own": round(trailing(own, E)), "share_market": round(trailing(market, E)),
       "market_forecast": sum(mf)}
if share is not None:
    mev["months"] = [v * share for v in mf]
    mev["value"] = round(sum(mev["months"]))
    jobs, origins = [], []
    for e in range(max(S, E - 12), E):
        s_e = share_at(e)
        if s_e is None:
            continue
        x = market[:at(e) + 1]
        if gm["model"] == "holt_winters" and len(x) >= 24:
            jobs.append((None, min(12, E - e), x))
            origins.append((e, s_e, None))
        else:
            origins.append((e, s_e, naive(x, min(12, E - e))))
    fitted = iter(r_forecasts(jobs) if jobs else [])
    table = {e: [v * s_e for v in (p if p is not None else next(fitted))] for e, s_e, p in origins}
    mev.update(origin_backtest(lambda e, h: table.get(e, [None] * h)))
out["market"] = mev

# --- pipeline evidence ---
STAGES = ["lead", "qualified", "proposal", "bidding", "negotiation", "won", "lost"]
opps = q("SELECT id, rep, amount, created, expected_close, closed, stage FROM opportunities",
         parse_dates=["created", "expected_close", "closed"])
events = q("SELECT opportunity, seq, stage, date FROM opportunity_stage_events ORDER BY opportunity, seq",
           parse_dates=["date"])
events["idx"] = events.stage.map(STAGES.index)
mine = opps.rep.isin(rep_ids)


def pipeline_on(d):
    """Weighted pipeline expected to close by month, as of day d, and the open count."""
    ev = events[events.date <= d]
    reached = ev[ev.idx < 6].groupby("opportunity").idx.max()
    stage = ev.groupby("opportunity").idx.last()
    o = opps[opps.created <= d].set_index("id")
    o["reached"] = reached.reindex(o.index).fillna(-1)
    o["stage"] = stage.reindex(o.index)
    w = o[o.closed.notna() & (o.closed >= d - pd.Timedelta(days=364)) & (o.closed <= d)]
    wm = w[w.rep.isin(rep_ids)]
    probs = []
    for s in range(6):
        closed_m = wm[wm.reached >= s]
        closed_c = w[w.reached >= s]
        if len(closed_m) >= 20:
            probs.append((closed_m.stage == 5).mean())
        elif len(closed_c):
            probs.append((closed_c.stage == 5).mean())
        else:
            probs.append(0.0)
    op = o[o.rep.isin(rep_ids) & (o.closed.isna() | (o.closed > d)) & (o.stage < 5)]
    wt = op.amount * op.stage.map(lambda s: probs[int(s)])
    return wt.groupby(op.expected_close.map(mi)).sum(), len(op)


won = opps[mine & (opps.stage == "won") & opps.closed.notna()]
won_within = [0.0] * n
for c, w_, amt in zip(won.created.map(mi), won.closed.map(mi), won.amount):
    for j in range(w_, min(c + K - 1, E) + 1):
        if j >= S and c >= S:
            won_within[at(j)] += amt


def run_rate(e):
    lo = max(S, e - 11)
    return sum(won_within[at(j)] for j in range(lo, e + 1)) / (e - lo + 1)


by_month, open_n = pipeline_on(as_of)
rr = run_rate(E)
pev = {"expected": sum(by_month.get(m, 0.0) for m in range(pf, pl + 1)), "run_rate": rr, "open": open_n,
       "months": [by_month.get(m, 0.0) + rr / K for m in range(pf, pl + 1)]}
pev["value"] = round(sum(pev["months"]))


def pipeline_at(e, h):
    bm, _ = pipeline_on(mlast(e))
    return [bm.get(e + j, 0.0) + run_rate(e) / K for j in range(1, h + 1)]


pev.update(origin_backtest(pipeline_at))
out["pipeline"] = pev

# --- history evidence: the forecast with the given model ---
gh = given["history"]
hm = points(gh["model"], gh["params"], sales, horizon)[skip:]
out["history_evidence"] = {"months": hm, "value": round(sum(hm))}

# --- the blend of the given values and MAPEs, its range and the split by history's shape ---
usable = [(i, v, m) for i, (v, m, _) in enumerate(given["blend"]) if v is not None and m is not None]
spread = [w if w is not None else m for _, m, w in given["blend"]]
zeros = [i for i, _, m in usable if m == 0]
weights = [0.0] * len(given["blend"])
if zeros:
    for i in zeros:
        weights[i] = 1 / len(zeros)
elif usable:
    inv = sum(1 / m for _, _, m in usable)
    for i, _, m in usable:
        weights[i] = (1 / m) / inv
blend = {"weights": weights, "suggested": None, "low": None, "high": None, "split": []}
if usable:
    v = sum(weights[i] * val for i, val, _ in usable)
    err = sum(weights[i] * spread[i] for i, _, _ in usable)
    s = round(v)
    shape = hm if len(hm) == K and min(hm) >= 0 and sum(hm) > 0 else [1.0] * K
    split = [round(s * x / sum(shape)) for x in shape[:-1]]
    blend.update(suggested=s, low=round(max(0.0, v * (1 - err))), high=round(v * (1 + err)), error=err,
                 split=split + [s - sum(split)])
out["blend"] = blend
print(json.dumps(out))
