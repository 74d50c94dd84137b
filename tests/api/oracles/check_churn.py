"""C3 churn oracle (shared/METRICS.md): customer flow per quarter or month, Pareto classes by
trailing-12-month sales ([as_of − 364, as_of]), the key-account watch of class A (median gap,
YoY over (as_of − 1 year, as_of] against the year before), churn reasons of customers recorded
lost that the scope sold to. Prints JSON."""
import json
import sys

import pandas as pd

from _c_common import load, parser

p = parser(__doc__)
p.add_argument('--grain', default='quarter')
p.add_argument('--periods', type=int, default=0)
p.add_argument('--a', type=int, default=80)
p.add_argument('--b', type=int, default=95)
a = p.parse_args()
d = load(a)
k, as_of, cu = d['contracts'].copy(), d['as_of'], d['customers']
monthly = a.grain == 'month'
n = a.periods or (12 if monthly else 8)


def pidx(ts):
    return ts.year * 12 + ts.month - 1 if monthly else ts.year * 4 + (ts.month - 1) // 3


def label(q):
    return f'{q // 12:04d}-{q % 12 + 1:02d}' if monthly else f'{q // 4:04d}-Q{q % 4 + 1}'


k['p'] = k.signed_date.map(pidx)
active = k.groupby('customer').p.apply(set)
last_p = pidx(as_of)
flow = []
for q in range(last_p - n + 1, last_p + 1):
    row = dict(period=label(q), active=0, new=0, retained=0, returned=0, churned=0, active_prev=0)
    for s in active:
        now, prev, before = q in s, (q - 1) in s, any(x < q - 1 for x in s)
        row['active'] += now
        row['active_prev'] += prev
        row['retained'] += now and prev
        row['churned'] += prev and not now
        row['new'] += now and not prev and not before
        row['returned'] += now and not prev and before
    row['churn_rate'] = row['churned'] / row['active_prev'] if row['active_prev'] else 0
    flow.append(row)

t12 = k[k.signed_date >= as_of - pd.Timedelta(days=364)].groupby('customer').amount.sum()
t12 = t12[t12 > 0]
order = sorted(t12.index, key=lambda c: (-t12[c], c))
total = int(t12.sum())
cls, before = {}, 0
for c in order:
    cls[c] = 'A' if before * 100 < total * a.a else 'B' if before * 100 < total * a.b else 'C'
    before += int(t12[c])
pareto = {x: sum(1 for v in cls.values() if v == x) for x in 'ABC'}
amounts = {x: int(sum(t12[c] for c, v in cls.items() if v == x)) for x in 'ABC'}

y1 = as_of - pd.DateOffset(years=1)
y2 = y1 - pd.DateOffset(years=1)
watch = {}
for c in (c for c in order if cls[c] == 'A'):
    kc = k[k.customer == c]
    days = kc.signed_date.sort_values()
    gaps = days.diff().dt.days.dropna()
    since = int((as_of - days.iloc[-1]).days)
    median = float(gaps.median()) if len(gaps) else None
    cur = int(kc[kc.signed_date > y1].amount.sum())
    prev = int(kc[(kc.signed_date > y2) & (kc.signed_date <= y1)].amount.sum())
    yoy = (cur - prev) / prev if prev else None
    reasons = []
    if median is not None and since > 2 * median:
        reasons.append('gap')
    if yoy is not None and yoy < -0.3:
        reasons.append('decline')
    watch[str(int(c))] = dict(contracts=int(len(kc)), t12m=cur, t12m_prev=prev, yoy=yoy, days_since_last=since,
                              median_gap=median, reasons=reasons)

lost = cu[(cu.lost_reason != '') & cu.index.isin(set(k.customer))].copy()
lost['amount'] = k.groupby('customer').amount.sum().reindex(lost.index).fillna(0).astype(int)
lost['top'] = [d['region_names'].get(d['top'](r), '') if d['top'](r) else '' for r in lost.region]
reasons = {r: {'customers': int(len(g)), 'amount': int(g.amount.sum())} for r, g in lost.groupby('lost_reason')}


def cross(col):
    return {str(v): {r: int(x) for r, x in g.lost_reason.value_counts().items()} for v, g in lost.groupby(col)}


json.dump({'flow': flow, 'pareto': pareto, 'pareto_amounts': amounts, 'pareto_total': total, 'key_accounts': watch,
           'reasons': reasons, 'reasons_total': int(len(lost)),
           'cross': {'industry': cross('industry'), 'size': cross('size'), 'region': cross('top')}},
          sys.stdout, ensure_ascii=False)
