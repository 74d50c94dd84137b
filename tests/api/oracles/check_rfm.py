"""C2 RFM oracle (shared/METRICS.md): R = days since the customer's last contract (all history to
as_of), F = contracts in [as_of − window + 1, as_of], M = their amount; scored = customers with a
contract; high/low strictly against the mean (exact integer comparison) or the median; R good
when below. Prints JSON: thresholds, the eight segments and every scored customer."""
import json
import sys

import pandas as pd

from _c_common import load, parser

CODES = {7: 'important_value', 5: 'important_develop', 3: 'important_keep', 1: 'important_retain',
         6: 'general_value', 4: 'general_develop', 2: 'general_keep', 0: 'general_retain'}

p = parser(__doc__)
p.add_argument('--window', type=int, default=365)
p.add_argument('--threshold', default='mean')
a = p.parse_args()
d = load(a)
k, as_of = d['contracts'], d['as_of']
first = as_of - pd.Timedelta(days=a.window - 1)
last = k.groupby('customer').signed_date.max()
win = k[k.signed_date >= first].groupby('customer').amount.agg(['count', 'sum'])
t = pd.DataFrame({'r': (as_of - last).dt.days})
t['f'] = win['count'].reindex(t.index).fillna(0).astype(int)
t['m'] = win['sum'].reindex(t.index).fillna(0).astype(int)
n = len(t)
out = {'scored': n, 'segments': {c: {'customers': 0, 'amount': 0} for c in CODES.values()}, 'customers': {}}
if n:
    if a.threshold == 'median':
        thr = {c: float(t[c].median()) for c in 'rfm'}
        rg, fh, mh = t.r < thr['r'], t.f > thr['f'], t.m > thr['m']
    else:
        sums = {c: int(t[c].sum()) for c in 'rfm'}
        thr = {c: sums[c] / n for c in 'rfm'}
        rg = t.r.map(lambda x: x * n < sums['r'])
        fh = t.f.map(lambda x: x * n > sums['f'])
        mh = t.m.map(lambda x: x * n > sums['m'])
    t['seg'] = (rg.astype(int) * 4 + fh.astype(int) * 2 + mh.astype(int)).map(CODES)
    out['thresholds'] = thr
    for code, g in t.groupby('seg'):
        out['segments'][code] = {'customers': int(len(g)), 'amount': int(g.m.sum())}
    out['customers'] = {str(int(c)): {'segment': row.seg, 'recency': int(row.r), 'frequency': int(row.f),
                                      'monetary': int(row.m)} for c, row in t.iterrows()}
json.dump(out, sys.stdout, ensure_ascii=False)
