#!/usr/bin/python3
"""Independent oracle for P1 市场规模及占有率分析 and P2 同行业同类型竞品分析 (shared/METRICS.md
"P1", "P2"; docs/metrics.md): reads the SQLite database with pandas and prints the pages'
figures as JSON.

usage: plan_market.py DB AS_OF PERIOD SCOPE [--industry X] [--category Y] [--size Z]
                      [--trend-months N] [--flagships N]
  SCOPE: company | region:ID | rep:ID   (ids as in the database)

The rules, as docs/metrics.md states them: a market cell is (month, industry, region, category);
a customer's market region is the nearest region at or above its own with market rows; the
cells counted are those of the scope's regions (its subtree and the regions above it); own
sales are the scope's contract lines (lines of reps it holds) whose customer's industry, market
region and product category make a counted cell; months weigh by their days inside a window.
"""
import argparse
import calendar
import json
import sqlite3
from datetime import date, timedelta

import pandas as pd

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("as_of")
ap.add_argument("period")
ap.add_argument("scope")
ap.add_argument("--industry", default="")
ap.add_argument("--category", default="")
ap.add_argument("--size", default="")
ap.add_argument("--trend-months", type=int, default=24)
ap.add_argument("--p2-trend-months", type=int, default=12)
ap.add_argument("--flagships", type=int, default=3)
a = ap.parse_args()
as_of = date.fromisoformat(a.as_of)
con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
q = lambda s: pd.read_sql_query(s, con)


def bounds(label, years_back=0):
    if "-Q" in label:
        y, k = label.split("-Q")
        y, k = int(y) - years_back, int(k)
        return date(y, 3 * k - 2, 1), date(y, 3 * k, calendar.monthrange(y, 3 * k)[1])
    if "-" in label:
        y, m = map(int, label.split("-"))
        y -= years_back
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    y = int(label) - years_back
    return date(y, 1, 1), date(y, 12, 31)


def minus_year(d):
    return d.replace(year=d.year - 1) if not (d.month == 2 and d.day == 29) else date(d.year - 1, 2, 28)


first, last = bounds(a.period)
now_w = (first, min(last, as_of))
lf, ll = bounds(a.period, 1)
if as_of >= last:
    ly_w = (lf, ll)
elif as_of < first:
    ly_w = (lf, lf - timedelta(days=1))
else:
    ly_w = (lf, min(ll, minus_year(as_of)))


def ym(d):
    return f"{d.year:04d}-{d.month:02d}"


def months_back(n):
    y, m, out = as_of.year, as_of.month, []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return out[::-1]


def weights(w):
    """month → fraction of its days inside the window w."""
    out, d = {}, w[0]
    while d <= w[1]:
        n = calendar.monthrange(d.year, d.month)[1]
        end = min(date(d.year, d.month, n), w[1])
        out[ym(d)] = ((end - d).days + 1) / n
        d = end + timedelta(days=1)
    return out


# --- regions, scope and market regions ---
regions = q("SELECT id, name, parent FROM regions")
parent = {int(i): (None if pd.isna(p) else int(p)) for i, p in zip(regions.id, regions.parent)}
rname = dict(zip(regions.id.astype(int), regions.name))


def path(r):
    out = []
    while r is not None:
        out.append(r)
        r = parent.get(r)
    return out


reps = q("SELECT id, region FROM reps")
kind, _, ident = a.scope.partition(":")
if kind == "company":
    rep_ids, counted = set(reps.id.astype(int)), set(rname)
else:
    ident = int(ident)
    anchor = ident if kind == "region" else int(reps.loc[reps.id == ident, "region"].iloc[0])
    rep_ids = ({int(i) for i, r in zip(reps.id, reps.region) if anchor in path(int(r))} if kind == "region"
               else {ident})
    counted = {r for r in rname if anchor in path(r) or r in path(anchor)}

ms = q("SELECT month, industry, region, category, market_size AS size FROM market_stats")
reported = set(ms.region.astype(int))


def cell_region(r):
    for x in path(r):
        if x in reported:
            return x
    return None


ms = ms[ms.region.isin(counted)]
if a.industry:
    ms = ms[ms.industry == a.industry]
if a.category:
    ms = ms[ms.category == a.category]

cust = q("SELECT id AS customer, industry, region AS cregion, size FROM customers")
cust["cell"] = cust.cregion.map(lambda r: cell_region(int(r)))
lines = q("SELECT l.amount, l.product, c.signed_date, c.rep, c.customer, p.category, p.code, p.name AS pname "
          "FROM contract_lines l JOIN contracts c ON c.id = l.contract JOIN products p ON p.id = l.product")
lines = lines[lines.rep.isin(rep_ids)].merge(cust, on="customer")
lines["day"] = pd.to_datetime(lines.signed_date).dt.date
lines = lines[lines.cell.notna() & lines.cell.isin(counted) & lines.industry.isin(set(ms.industry) | set(
    q("SELECT DISTINCT industry FROM market_stats").industry))]


def filtered(df, size=True):
    if a.industry:
        df = df[df.industry == a.industry]
    if a.category:
        df = df[df.category == a.category]
    if size and a.size:
        df = df[df["size"] == a.size]
    return df


def within(df, w):
    return df[(df.day >= w[0]) & (df.day <= w[1])]


def market_sum(df, w, by=None):
    wt = weights(w) if w[0] <= w[1] else {}
    d = df[df.month.isin(wt.keys())].copy()
    d["v"] = d["size"] * d.month.map(wt)
    return d.v.sum() if by is None else d.groupby(by).v.sum()


def share(own, market):
    return None if round(market) == 0 else own / round(market)


def fig(market, own):
    return {"market": round(market), "own": int(own), "share": share(own, market)}


# --- P1 ---
own_lines = filtered(lines)
p1 = {}
m_now, m_ly = market_sum(ms, now_w), market_sum(ms, ly_w)
o_now, o_ly = within(own_lines, now_w).amount.sum(), within(own_lines, ly_w).amount.sum()
p1["totals"] = {**fig(m_now, o_now), "ly": fig(m_ly, o_ly)}
for key, mcol, ocol in (("industries", "industry", "industry"), ("regions", "region", "cell")):
    mn, ml = market_sum(ms, now_w, mcol), market_sum(ms, ly_w, mcol)
    on = within(own_lines, now_w).groupby(ocol).amount.sum()
    ol = within(own_lines, ly_w).groupby(ocol).amount.sum()
    rows = {}
    for k in sorted(set(ms[mcol])):
        name = rname[int(k)] if key == "regions" else k
        rows[name] = {"now": fig(mn.get(k, 0), on.get(k, 0)), "ly": fig(ml.get(k, 0), ol.get(k, 0))}
    p1[key] = rows
heat_m = market_sum(ms, now_w, ["industry", "region"])
heat_o = within(own_lines, now_w).groupby(["industry", "cell"]).amount.sum()
p1["heat"] = {f"{i}|{rname[int(g)]}": fig(heat_m.get((i, g), 0), heat_o.get((i, float(g)), heat_o.get((i, g), 0)))
              for i in sorted(set(ms.industry)) for g in sorted(set(ms.region))}
trend = {}
tw = weights((date.fromisoformat(months_back(a.trend_months)[0] + "-01"), as_of))
for m in months_back(a.trend_months):
    mm = ms[ms.month == m]
    mk = (mm["size"] * tw[m]).sum()
    ow = own_lines[(own_lines.day <= as_of) & (own_lines.day.map(ym) == m)].amount.sum()
    trend[m] = fig(mk, ow)
p1["trend"] = trend

opps = q("SELECT o.amount, o.created, o.rep, o.category, c.industry, c.region AS cregion, c.size "
         "FROM opportunities o LEFT JOIN customers c ON c.id = o.customer")
opps = opps[opps.rep.isin(rep_ids)]
opps["day"] = pd.to_datetime(opps.created).dt.date
opps = filtered(within(opps, now_w))
opps["cell"] = opps.cregion.map(lambda r: rname.get(cell_region(int(r)), "") if not pd.isna(r) else "")
p1["opportunities"] = {
    "count": int(len(opps)), "amount": int(opps.amount.sum()),
    "by_industry": {k: {"count": int(len(g)), "amount": int(g.amount.sum())} for k, g in opps.groupby("industry")},
    "by_region": {k: {"count": int(len(g)), "amount": int(g.amount.sum())} for k, g in opps.groupby("cell")}}

# --- P2 (no industry/category/size filter: the whole scope) ---
ms2 = q("SELECT month, industry, region, category, market_size AS size FROM market_stats")
ms2 = ms2[ms2.region.isin(counted)]
cs = q("SELECT s.month, s.region, s.amount AS size, p.id AS rival, p.name, p.category, k.name AS company "
       "FROM competitor_sales s JOIN competitor_products p ON p.id = s.competitor_product "
       "JOIN competitors k ON k.id = p.competitor")
cs = cs[cs.region.isin(counted)]
rivals = q("SELECT p.id AS rival, p.name, p.category FROM competitor_products p")
t2 = months_back(a.p2_trend_months)
tw2 = weights((date.fromisoformat(t2[0] + "-01"), as_of))
p2 = {}
own_now = within(lines, now_w)
for cat in sorted(set(q("SELECT category FROM products").category)):
    mk = market_sum(ms2[ms2.category == cat], now_w)
    entrants = [{"own": True, "id": None, "sales": int(own_now[own_now.category == cat].amount.sum())}]
    for _, rv in rivals[rivals.category == cat].sort_values("rival").iterrows():
        entrants.append({"own": False, "id": int(rv.rival),
                         "sales": round(market_sum(cs[cs.rival == rv.rival], now_w))})
    entrants.sort(key=lambda e: (-e["sales"], 0 if e["own"] else 1, e["id"] or 0))
    for k, e in enumerate(entrants):
        e["rank"] = k + 1
        e["share"] = share(e["sales"], mk)
        if e["own"]:
            ts = lines[(lines.category == cat) & (lines.day <= as_of)]
            e["trend_sales"] = [int(ts[ts.day.map(ym) == m].amount.sum()) for m in t2]
        else:
            rs = cs[cs.rival == e["id"]]
            e["trend_sales"] = [round((rs[rs.month == m]["size"] * tw2[m]).sum()) for m in t2]
    trend_market = [round((ms2[(ms2.category == cat) & (ms2.month == m)]["size"] * tw2[m]).sum()) for m in t2]
    for e in entrants:
        e["trend"] = [None if not tm else s / tm for s, tm in zip(e["trend_sales"], trend_market)]
    own = next(e for e in entrants if e["own"])
    leader = next((e for e in entrants if not e["own"] and e["sales"] > 0), None)
    prods = own_now[own_now.category == cat].groupby(["code", "pname"]).amount.sum().reset_index()
    prods = prods.sort_values(["amount", "code"], ascending=[False, True]).head(a.flagships)
    p2[cat] = {"market": round(mk), "entrants": entrants, "own_rank": own["rank"], "own_sales": own["sales"],
               "leader": leader["id"] if leader else None,
               "relative_share": own["sales"] / leader["sales"] if leader else None,
               "trend_market": trend_market,
               "flagships": [{"code": r.code, "sales": int(r.amount)} for r in prods.itertuples()]}
    if round(mk) == 0 and len(entrants) == 1 and own["sales"] == 0:
        del p2[cat]
print(json.dumps({"p1": p1, "p2": p2, "months": t2}, ensure_ascii=False))
