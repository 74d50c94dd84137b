#!/usr/bin/python3
"""Independent oracle for C4 产品市场预警 (shared/METRICS.md "C4", docs/metrics.md): reads the
SQLite database with pandas and prints the page's figures as JSON.

usage: check_products.py DB AS_OF PERIOD SCOPE [GROWTH SHARE]
  SCOPE: company | region:ID | rep:ID   (ids as in the database)
"""
import calendar
import json
import sqlite3
import sys
from datetime import date, timedelta

import pandas as pd

db, as_of_s, period_s, scope_s = sys.argv[1:5]
growth_t = float(sys.argv[5]) if len(sys.argv) > 5 else 0.10
share_t = float(sys.argv[6]) if len(sys.argv) > 6 else 1.0
as_of = date.fromisoformat(as_of_s)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
q = lambda s: pd.read_sql_query(s, con)


def period_bounds(label, shift=0):
    if "-Q" in label:
        y, k = label.split("-Q")
        y, k = int(y) - shift, int(k)
        first = date(y, 3 * k - 2, 1)
        lm = 3 * k
        return first, date(y, lm, calendar.monthrange(y, lm)[1])
    if "-" in label:
        y, m = map(int, label.split("-"))
        y -= shift
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    y = int(label) - shift
    return date(y, 1, 1), date(y, 12, 31)


def year_before(d):
    try:
        return d.replace(year=d.year - 1)
    except ValueError:
        return d.replace(year=d.year - 1, day=28)


p_first, p_last = period_bounds(period_s)
cur = (p_first, min(p_last, as_of))
y_first, y_last = period_bounds(period_s, 1)
if as_of >= p_last:
    ly = (y_first, y_last)
elif as_of < p_first:
    ly = (y_first, y_first - timedelta(days=1))
else:
    ly = (y_first, min(y_last, year_before(as_of)))

regions = q("SELECT id, parent FROM regions")
parent = dict(zip(regions.id, regions.parent))


def ancestors(r):
    out = []
    while r is not None and not pd.isna(r):
        out.append(int(r))
        r = parent.get(int(r))
    return out


def in_subtree(r, root):
    return root in ancestors(r)


reps = q("SELECT id, region FROM reps")
kind, _, ident = scope_s.partition(":")
if kind == "company":
    rep_ids = set(reps.id)
    market_regions = set(regions.id)
else:
    ident = int(ident)
    if kind == "region":
        anchor = ident
        rep_ids = {int(i) for i, r in zip(reps.id, reps.region) if in_subtree(int(r), anchor)}
    else:
        anchor = int(reps.loc[reps.id == ident, "region"].iloc[0])
        rep_ids = {ident}
    market_regions = {int(r) for r in regions.id if in_subtree(int(r), anchor) or in_subtree(anchor, int(r))}

lines = q("SELECT l.product, l.amount, l.cost, c.signed_date, c.rep FROM contract_lines l JOIN contracts c ON c.id = l.contract")
lines = lines[lines.rep.isin(rep_ids)].copy()
lines["day"] = pd.to_datetime(lines.signed_date).dt.date
products = q("SELECT id, code, name, category, launch_date FROM products")
lines = lines.merge(products[["id", "category"]].rename(columns={"id": "product"}), on="product")


def window_sum(df, w, by):
    sel = df[(df.day >= w[0]) & (df.day <= w[1])]
    return sel.groupby(by)[["amount", "cost"]].sum()


def month_weights(w):
    out = {}
    if w[1] < w[0]:
        return out
    y, m = w[0].year, w[0].month
    while (y, m) <= (w[1].year, w[1].month):
        days = calendar.monthrange(y, m)[1]
        lo, hi = max(date(y, m, 1), w[0]), min(date(y, m, days), w[1])
        out[f"{y:04d}-{m:02d}"] = ((hi - lo).days + 1) / days
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def weighted(df, w, by, col):
    wt = month_weights(w)
    d = df[df.month.isin(wt.keys())].copy()
    d["v"] = d[col] * d.month.map(wt)
    return d.groupby(by)["v"].sum()


ms = q("SELECT month, region, category, market_size FROM market_stats")
ms = ms[ms.region.isin(market_regions)]
market = weighted(ms, cur, "category", "market_size").round()
market_ly = weighted(ms, ly, "category", "market_size").round()
cs = q("SELECT s.month, s.region, s.amount, s.competitor_product AS rival, p.category FROM competitor_sales s "
       "JOIN competitor_products p ON p.id = s.competitor_product")
cs = cs[cs.region.isin(market_regions)]
rival = weighted(cs, cur, ["category", "rival"], "amount").round()
top = {}
for (cat, rid), v in sorted(rival.items(), key=lambda kv: (kv[0][0], kv[0][1])):
    if v > 0 and (cat not in top or v > top[cat][1]):
        top[cat] = (int(rid), v)

look_first, look_mid = as_of - timedelta(days=454), as_of - timedelta(days=90)
recent = lines[(lines.day >= look_first) & (lines.day <= as_of)]


def ratio(a, b):
    return None if not b else a / b


def fig(sales, cost, sales_ly, cost_ly, mkt, mkt_ly, riv, yoy_ok):
    yoy = (sales - sales_ly) / sales_ly if yoy_ok and sales_ly else None
    rel = ratio(sales, riv)
    quad = None
    if yoy is not None and rel is not None:
        quad = ("star" if rel >= share_t else "question") if yoy >= growth_t else ("cash_cow" if rel >= share_t else "dog")
    return {"sales": int(sales), "sales_ly": int(sales_ly), "yoy": yoy,
            "margin": None if not sales else (sales - cost) / sales,
            "margin_ly": None if not sales_ly else (sales_ly - cost_ly) / sales_ly,
            "share": ratio(sales, mkt), "share_ly": ratio(sales_ly, mkt_ly),
            "rival_sales": int(riv), "relative_share": rel, "quadrant": quad}


def warnings_of(unit, f, hist):
    out = []
    if f["yoy"] is not None and f["yoy"] < -0.2:
        out.append((f"{unit}/yoy_decline", "severe" if f["yoy"] < -0.4 else "warn"))
    if f["share"] is not None and f["share_ly"] is not None and f["share"] - f["share_ly"] < -0.02:
        out.append((f"{unit}/share_down", "warn"))
    if f["margin"] is not None and f["margin_ly"] is not None and f["margin"] - f["margin_ly"] < -0.05:
        out.append((f"{unit}/margin_down", "warn"))
    if len(hist) and (hist.day <= look_mid).any() and hist.day.max() <= look_mid:
        out.append((f"{unit}/no_sale", "warn"))
    return out


cur_p, ly_p = window_sum(lines, cur, "product"), window_sum(lines, ly, "product")
cur_c, ly_c = window_sum(lines, cur, "category"), window_sum(lines, ly, "category")
get = lambda t, k, col: int(t[col].get(k, 0)) if k in t.index else 0
out = {"products": {}, "categories": {}, "warnings": [], "totals": {}}
warnings = []
for _, p in products.iterrows():
    if date.fromisoformat(p.launch_date) > as_of:
        continue
    c = p.category
    f = fig(get(cur_p, p.id, "amount"), get(cur_p, p.id, "cost"), get(ly_p, p.id, "amount"), get(ly_p, p.id, "cost"),
            market.get(c, 0), market_ly.get(c, 0), top.get(c, (0, 0))[1], date.fromisoformat(p.launch_date) <= ly[0])
    out["products"][str(p.id)] = f
    warnings += warnings_of(f"product:{p.id}", f, recent[recent["product"] == p.id])
for c in sorted(products.category.unique()):
    f = fig(get(cur_c, c, "amount"), get(cur_c, c, "cost"), get(ly_c, c, "amount"), get(ly_c, c, "cost"),
            market.get(c, 0), market_ly.get(c, 0), top.get(c, (0, 0))[1], True)
    mk, mk_ly = int(market.get(c, 0)), int(market_ly.get(c, 0))
    f["market"], f["market_ly"] = mk, mk_ly
    f["market_growth"] = None if not mk_ly else (mk - mk_ly) / mk_ly
    f["potential"] = None if f["market_growth"] is None or f["share"] is None else f["market_growth"] * (1 - f["share"]) * mk
    f["rival"] = top[c][0] if c in top else None
    out["categories"][c] = f
    warnings += warnings_of(f"category:{c}", f, recent[recent.category == c])
out["warnings"] = sorted(f"{k}/{period_s}:{s}" for k, s in warnings)
cur_all = lines[(lines.day >= cur[0]) & (lines.day <= cur[1])]
ly_all = lines[(lines.day >= ly[0]) & (lines.day <= ly[1])]
out["totals"] = {"sales": int(cur_all.amount.sum()), "sales_ly": int(ly_all.amount.sum()),
                 "cost": int(cur_all.cost.sum()), "market": int(market.sum()), "market_ly": int(market_ly.sum())}
print(json.dumps(out, ensure_ascii=False))
